"""What every page gets: a strict Content-Security-Policy and the other
safety headers, and CSRF tokens for every form and script that changes
anything.

CSRF: a token is an HMAC of the visitor's CSRF cookie (random, HttpOnly,
SameSite=Strict) under the server's key. A POST must carry the token in its
form (``csrf``) or an ``X-CSRF-Token`` header, and, when the browser sends an
``Origin``, come from this site: the origin the request was made to (as a
trusted reverse proxy reports it, see ``proxy.py``) or ``web.public_url``'s.

Cookies are ``Secure`` when the visitor's request was https (again as a
trusted proxy reports it) or ``web.public_url`` is https.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Awaitable, Callable

from aiohttp import web
from aiohttp.typedefs import Middleware
from yarl import URL

CSRF_COOKIE = "fb_csrf"
_SEED = web.RequestKey("csrf_seed", str)
_NEW_SEED = web.RequestKey("csrf_new_seed", str)
CSRF_FIELD = "csrf"
CSRF_HEADER = "X-CSRF-Token"

CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}

_TOKEN = re.compile(r"[A-Za-z0-9_-]+")


def token_like(value: str | None, longest: int = 100) -> str | None:
    """``value`` if it could be a token this site made (``secrets.token_urlsafe``:
    URL-safe ASCII, at most ``longest`` characters), else None. Cookies and
    headers come from the visitor and can hold anything."""
    if value and len(value) <= longest and _TOKEN.fullmatch(value):
        return value
    return None


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Security:
    def __init__(self, key: bytes, public_url: str, say: Callable[[str], str]) -> None:
        """``key``: 32 bytes that sign CSRF tokens. ``public_url``: the
        site's address as residents reach it (``web.public_url``), or "".
        ``say``: a message template's text by key (the refusals' words,
        ``Wording.text``)."""
        self.key = key
        self.say = say
        self.public_origin = str(URL(public_url).origin()) if public_url else ""
        self.always_secure = public_url.startswith("https://")

    def cookie_options(self, request: web.Request) -> dict[str, object]:
        """What every cookie set in answer to ``request`` carries."""
        return {
            "httponly": True,
            "samesite": "Strict",
            "secure": self.always_secure or request.secure,
            "path": "/",
        }

    def sign(self, purpose: str, value: str) -> str:
        mac = hmac.new(self.key, f"{purpose}:{value}".encode(), hashlib.sha256)
        return mac.hexdigest()

    def csrf_token(self, request: web.Request) -> str:
        """The token for this visitor's forms; sets their CSRF cookie if new."""
        seed = request.get(_SEED) or token_like(request.cookies.get(CSRF_COOKIE), 64)
        if not seed:
            seed = secrets.token_urlsafe(24)
            request[_NEW_SEED] = seed
        request[_SEED] = seed
        return self.sign("csrf", seed)

    def csrf_ok(self, request: web.Request, supplied: str | None) -> bool:
        seed = token_like(request.cookies.get(CSRF_COOKIE), 64)
        if not seed or not supplied:
            return False
        return hmac.compare_digest(
            self.sign("csrf", seed).encode(), supplied.encode("utf-8", "replace")
        )

    def same_origin(self, request: web.Request) -> bool:
        """True without an ``Origin`` header (an older browser or a script);
        otherwise whether it names this site."""
        origin = request.headers.get("Origin")
        if origin is None or origin == "null":
            return origin is None
        return origin in (f"{request.scheme}://{request.host}", self.public_origin)

    async def check_post(self, request: web.Request) -> None:
        """Refuses (403) a state-changing request without a valid token."""
        if not self.same_origin(request):
            raise web.HTTPForbidden(text=self.say("web_form_elsewhere"))
        supplied = request.headers.get(CSRF_HEADER)
        if supplied is None and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            try:
                form = await request.post()
            except (ValueError, UnicodeDecodeError) as error:
                raise web.HTTPBadRequest(text="The form could not be read.") from error
            value = form.get(CSRF_FIELD)
            supplied = value if isinstance(value, str) else None
        if not self.csrf_ok(request, supplied):
            raise web.HTTPForbidden(text=self.say("web_form_expired"))

    def decorate(self, request: web.Request, response: web.StreamResponse) -> None:
        """Safety headers, and the CSRF cookie if this visit made one. A
        handler that streams (server-sent events) calls this before
        ``prepare``; the middleware does it for everything else."""
        if response.prepared:
            return
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        new_seed = request.get(_NEW_SEED)
        if new_seed:
            response.set_cookie(CSRF_COOKIE, new_seed, **self.cookie_options(request))  # type: ignore[arg-type]

    def middleware(self, exempt: frozenset[str] = frozenset()) -> Middleware:
        """Safety headers on every answer, and the CSRF check on every
        request that changes anything, except to the paths in ``exempt``
        (other platforms' endpoints, which check their callers themselves:
        ``adapters/web/endpoints.py``)."""

        @web.middleware
        async def secure(request: web.Request, handler: Handler) -> web.StreamResponse:
            try:
                unrouted = request.match_info.http_exception
                if unrouted is not None:
                    raise unrouted  # 404 or 405: nothing here to protect
                if request.method not in ("GET", "HEAD", "OPTIONS") and (
                    request.path not in exempt
                ):
                    await self.check_post(request)
                response = await handler(request)
            except web.HTTPException as error:
                self.decorate(request, error)
                raise
            self.decorate(request, response)
            return response

        return secure
