"""The web server: one aiohttp application with the resident chat, the
officers' console and the public archive, behind the same safety headers and
CSRF checks, and, with ``web.trusted_proxies``, a reverse proxy's view of
each visitor."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from aiohttp import web
from aiohttp.typedefs import Middleware

from adapters.web import archive, console, endpoints, feeds, health, resident_chat, store
from adapters.web.hub import Hub
from adapters.web.pages import Pages
from adapters.web.proxy import forwarded_middleware
from adapters.web.security import Handler, Security
from adapters.web.site import Site
from bot.core import Core, Database
from bot.edge.clock import Clock
from bot.edge.connection import Connection
from bot.edge.endpoint import Endpoint

log = logging.getLogger("forumbot.web")

STATIC_DIR = Path(__file__).with_name("static")
STATIC_FILES = frozenset(
    p.name for p in (STATIC_DIR.iterdir() if STATIC_DIR.is_dir() else ()) if p.is_file()
)
MAX_BODY = 64 * 1024  # a question is at most a few thousand characters

PARTS: list[Callable[[web.Application, Site], None]] = [
    resident_chat.add_routes,
    console.add_routes,
    archive.add_routes,
    feeds.add_routes,
    health.add_routes,
]


async def site_key(db: Database) -> bytes:
    """The key that signs CSRF tokens: made once, kept in the database, so
    forms stay valid across a restart."""
    async with db.transaction() as tx:
        return await store.site_key(tx)


async def static_file(request: web.Request) -> web.StreamResponse:
    """A file of the site's own (stylesheet, script, icon), by name only:
    nothing outside the folder can be asked for."""
    path = STATIC_DIR / request.match_info["name"]
    if request.match_info["name"] not in STATIC_FILES:
        raise web.HTTPNotFound()
    return web.FileResponse(path)


async def favicon(_request: web.Request) -> web.StreamResponse:
    """Browsers ask for /favicon.ico whatever the page says: the SVG icon."""
    return web.FileResponse(STATIC_DIR / "favicon.svg", headers={"Content-Type": "image/svg+xml"})


# What a browser is shown, in place of the web library's own text, when a
# request is refused for a reason of its own making (templates in en.yaml).
REFUSALS = {405: "web_refused_method", 413: "web_refused_too_much"}


def wants_html(request: web.Request) -> bool:
    """A browser loading a page or posting a form (not the page's script,
    which asks for JSON and shows the text itself)."""
    return "text/html" in request.headers.get("Accept", "")


def error_pages(pages: Pages, security: Security, say: Callable[[str], str]) -> Middleware:
    """The site's own pages, with the security headers, for an unknown
    address (404), a fault (500), and, for a browser, a refused request
    (400, 403, 405, 413) with what to do. A fault is logged with its
    traceback; the visitor sees no detail of it. ``say``: a template's
    text by key."""

    def page(request: web.Request, name: str, status: int, **context: str) -> web.Response:
        response = pages.render(request, name, status=status, **context)
        security.decorate(request, response)
        return response

    @web.middleware
    async def styled(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            return await handler(request)
        except web.HTTPException as error:
            if error.content_type == "text/html":
                raise  # a page of the site's own already
            if error.status == 404:
                return page(request, "not_found.html", 404)
            if error.status in (400, 403, 405, 413) and wants_html(request):
                key = REFUSALS.get(error.status)
                message = say(key) if key else error.text or ""
                return page(request, "refused.html", error.status, message=message)
            raise
        except Exception:
            log.exception("web request failed: %s %s", request.method, request.path)
            return page(request, "error.html", 500)

    return styled


def site_name(core: Core) -> str:
    forums = core.config.forums
    return forums[0].name if len(forums) == 1 else "Neighbourhood police online forums"


class WebServer:
    def __init__(
        self,
        core: Core,
        hub: Hub,
        clock: Clock,
        staff_secret: str = "",
        connections: Sequence[Connection] = (),
        served: Sequence[Endpoint] = (),
    ) -> None:
        self.core = core
        self.served = tuple(served)
        self.staff_secret = staff_secret
        self.connections = tuple(connections)
        self.hub = hub
        self.clock = clock
        self.settings = core.config.web
        self.port = self.settings.port
        self._runner: web.AppRunner | None = None
        self.site: Site | None = None

    async def build(self) -> web.Application:
        key = await site_key(self.core.db)
        security = Security(key, self.settings.public_url, self.core.wording.text)
        self.site = Site(
            self.core.config,
            self.settings,
            self.core,
            Pages(security, site_name(self.core), bool(self.core.config.platforms.email.host)),
            security,
            self.hub,
            self.clock,
            self.staff_secret,
            self.connections,
        )
        # A trusted proxy's view of the visitor first: the CSRF check and the
        # login limit then see the visitor's scheme, host and address.
        middlewares = [
            error_pages(self.site.pages, security, self.core.wording.text),
            # An address typed with a slash at its end (/archive/) is sent on
            # to the page without it, not told "Page not found" (before the
            # security check, which refuses whatever no route matches).
            web.normalize_path_middleware(
                append_slash=False, remove_slash=True, merge_slashes=False
            ),
            security.middleware(exempt=endpoints.paths(self.served)),
        ]
        from_proxy = forwarded_middleware(self.settings.trusted_proxies)
        if from_proxy is not None:
            middlewares.insert(0, from_proxy)
        app = web.Application(middlewares=middlewares, client_max_size=MAX_BODY)
        for add_routes in PARTS:
            add_routes(app, self.site)
        endpoints.add_routes(app, self.served)
        app.router.add_get("/static/{name}", static_file)
        app.router.add_get("/favicon.ico", favicon)
        return app

    async def start(self) -> None:
        app = await self.build()
        # At shut-down, requests under way get 2 s (live pages are ended first).
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=2.0)
        await runner.setup()
        tcp = web.TCPSite(runner, self.settings.listen, self.settings.port)
        await tcp.start()
        self._runner = runner
        addresses = runner.addresses
        if addresses:
            self.port = int(addresses[0][1])
        log.info("web on http://%s:%s", self.settings.listen, self.port)
        if self.settings.trusted_proxies:
            log.info(
                "believing X-Forwarded-* from %s",
                ", ".join(str(n) for n in self.settings.trusted_proxies),
            )

    async def stop(self) -> None:
        self.hub.close_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
