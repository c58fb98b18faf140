"""The web server: one aiohttp application with the resident chat, the
officers' console and the public archive, behind the same safety headers and
CSRF checks, and, with ``web.trusted_proxies``, a reverse proxy's view of
each visitor."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from pathlib import Path

from aiohttp import web

from adapters.web import archive, console, feeds, health, resident_chat
from adapters.web.hub import Hub
from adapters.web.pages import Pages
from adapters.web.proxy import forwarded_middleware
from adapters.web.security import Security
from adapters.web.site import Site
from bot.clock import Clock
from bot.core import Core
from bot.store.database import Database, fetch_one

log = logging.getLogger("forumbot.web")

STATIC_DIR = Path(__file__).with_name("static")
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
        row = await fetch_one(tx, "SELECT key FROM web_key WHERE id = 1")
        if row is not None:
            return bytes(row[0])
        key = secrets.token_bytes(32)
        await tx.execute("INSERT INTO web_key (id, key) VALUES (1, ?)", (key,))
        return key


def site_name(core: Core) -> str:
    forums = core.config.forums
    return forums[0].name if len(forums) == 1 else "Neighbourhood police online forums"


class WebServer:
    def __init__(self, core: Core, hub: Hub, clock: Clock, staff_secret: str = "") -> None:
        self.core = core
        self.staff_secret = staff_secret
        self.hub = hub
        self.clock = clock
        self.settings = core.config.web
        self.port = self.settings.port
        self._runner: web.AppRunner | None = None
        self.site: Site | None = None

    async def build(self) -> web.Application:
        key = await site_key(self.core.db)
        security = Security(key, self.settings.public_url)
        self.site = Site(
            self.core.config,
            self.settings,
            self.core,
            Pages(security, site_name(self.core)),
            security,
            self.hub,
            self.clock,
            self.staff_secret,
        )
        # A trusted proxy's view of the visitor first: the CSRF check and the
        # login limit then see the visitor's scheme, host and address.
        middlewares = [security.middleware()]
        from_proxy = forwarded_middleware(self.settings.trusted_proxies)
        if from_proxy is not None:
            middlewares.insert(0, from_proxy)
        app = web.Application(middlewares=middlewares, client_max_size=MAX_BODY)
        for add_routes in PARTS:
            add_routes(app, self.site)
        app.router.add_static("/static", STATIC_DIR, append_version=False)
        return app

    async def start(self) -> None:
        app = await self.build()
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
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
