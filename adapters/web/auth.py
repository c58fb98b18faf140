"""Signing in to the officers' console: an account from ``web.staff_accounts``
(scrypt hash) or, if set, the shared secret in the environment variable
``web.staff_secret_env`` (the officer then types their own name, kept as
``duty:<name>`` in the audit trail).

Sign-ins are kept in the database (an HMAC of the cookie's token, never the
token), last 12 hours, and end at sign-out. The HMAC's key is the
credential the officer signed in with (the account's password hash, or the
shared secret), so a sign-in ends when that credential changes or goes: a
new password hash, a removed account, a changed or unset shared secret.
Failed attempts are limited per address and per username (5 in 15 minutes)
with aiolimiter."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from aiohttp import web
from aiolimiter import AsyncLimiter

from adapters.web import store
from adapters.web.passwords import DUMMY_HASH, verify_password
from adapters.web.security import token_like
from adapters.web.site import Site

STAFF_COOKIE = "fb_staff"
SIGN_IN_LASTS = timedelta(hours=12)
FAILURES_ALLOWED = 5
FAILURE_WINDOW_S = 15 * 60
MAX_TRACKED = 10_000  # limiters kept in memory before the oldest are dropped


@dataclass(frozen=True)
class Officer:
    username: str  # as recorded in the audit trail: the account, or duty:<name>

    @property
    def shown(self) -> str:
        return self.username.removeprefix(DUTY)


DUTY = "duty:"


def _token_hash(token: str, credential: str) -> str:
    """What the database keeps of a sign-in's token: an HMAC-SHA256 (hex)
    keyed with the credential it was made with."""
    return hmac.new(credential.encode(), token.encode(), hashlib.sha256).hexdigest()


class SignIns:
    def __init__(self, site: Site) -> None:
        self.site = site
        self._secret = site.staff_secret
        self._failures: dict[str, AsyncLimiter] = {}

    @property
    def possible(self) -> bool:
        return bool(self.site.web.staff_accounts or self._secret)

    def _limiter(self, key: str) -> AsyncLimiter:
        limiter = self._failures.get(key)
        if limiter is None:
            if len(self._failures) >= MAX_TRACKED:
                self._failures.pop(next(iter(self._failures)))
            limiter = self._failures[key] = AsyncLimiter(FAILURES_ALLOWED, FAILURE_WINDOW_S)
        return limiter

    def blocked(self, address: str, username: str) -> bool:
        keys = (f"ip:{address}", f"user:{username.lower()}")
        return any(not self._limiter(k).has_capacity() for k in keys)

    async def failed(self, address: str, username: str) -> None:
        for key in (f"ip:{address}", f"user:{username.lower()}"):
            limiter = self._limiter(key)
            if limiter.has_capacity():
                await limiter.acquire()

    async def check(self, username: str, password: str) -> Officer | None:
        """The officer these credentials sign in, or None. scrypt runs in a
        thread: it is meant to be slow, and the event loop must not wait."""
        for account in self.site.web.staff_accounts:
            if account.username.lower() == username.lower():
                if await asyncio.to_thread(verify_password, password, account.password_hash):
                    return Officer(account.username)
                return None
        await asyncio.to_thread(verify_password, password, DUMMY_HASH)  # same time, unknown name
        if self._secret and hmac.compare_digest(password.encode(), self._secret.encode()):
            name = "".join(ch for ch in username if ch.isalnum() or ch in "._-")[:40]
            return Officer(f"{DUTY}{name}") if name else None
        return None

    def _credentials(self) -> dict[str, str]:
        """Who may hold a sign-in now: credential -> its owner (an account's
        username, or ``duty:`` for anyone who had the shared secret)."""
        owners = {a.password_hash: a.username for a in self.site.web.staff_accounts}
        if self._secret:
            owners[self._secret] = DUTY
        return owners

    def _hashes(self, token: str) -> dict[str, str]:
        """The token's hash under each credential in force -> that credential's owner."""
        return {_token_hash(token, key): owner for key, owner in self._credentials().items()}

    async def start(
        self, officer: Officer, request: web.Request, response: web.StreamResponse
    ) -> None:
        credential = next(
            (
                key
                for key, owner in self._credentials().items()
                if owner == officer.username
                or (owner == DUTY and officer.username.startswith(DUTY))
            ),
            None,
        )
        if credential is None:
            raise web.HTTPForbidden(text="This sign-in is no longer allowed.")
        token = secrets.token_urlsafe(32)
        now = self.site.clock.now()
        async with self.site.core.db.transaction() as tx:
            await store.add_sign_in(
                tx, _token_hash(token, credential), officer.username, now, now + SIGN_IN_LASTS
            )
        options = self.site.security.cookie_options(request)
        response.set_cookie(
            STAFF_COOKIE,
            token,
            max_age=int(SIGN_IN_LASTS.total_seconds()),
            **options,  # type: ignore[arg-type]
        )

    async def officer(self, request: web.Request) -> Officer | None:
        """The officer this visitor is signed in as, or None: no sign-in, an
        expired one, or one whose credential is no longer in force."""
        token = token_like(request.cookies.get(STAFF_COOKIE))
        if token is None:
            return None
        hashes = self._hashes(token)
        if not hashes:
            return None
        async with self.site.core.db.read() as tx:
            rows = await store.signed_in(tx, hashes, self.site.clock.now())
        for token_hash, username in rows:
            owner = hashes[token_hash]
            if owner == username or (owner == DUTY and username.startswith(DUTY)):
                return Officer(username)
        return None

    async def end(self, request: web.Request, response: web.StreamResponse) -> None:
        token = token_like(request.cookies.get(STAFF_COOKIE))
        hashes = self._hashes(token) if token else {}
        if hashes:
            async with self.site.core.db.transaction() as tx:
                await store.end_sign_ins(tx, hashes)
        response.del_cookie(STAFF_COOKIE, path="/")
