"""The web side as an adapter: its sender stores each message for its chat
and pushes it to the open pages; ``start`` binds the web port and serves the
site (resident chat, console, archive, feeds, health) from then on."""

from __future__ import annotations

import asyncio
import errno
import logging
import os
from collections.abc import Sequence
from typing import Protocol

from adapters.web.hub import Hub
from adapters.web.sender import WebSender
from adapters.web.server import WebServer
from bot.core import Core, Database
from bot.edge.adapter import Wiring
from bot.edge.connection import Connection
from bot.edge.endpoint import Endpoint
from bot.edge.pace import Pace
from bot.edge.startup import StartupFailure
from config.model import Config

log = logging.getLogger("forumbot")


class WebWiring(Wiring, Protocol):
    """What the web side needs from the composition root beyond any
    platform's wiring."""

    @property
    def db(self) -> Database:
        """The store (not yet open while adapters are built), made with the
        web's own data (``WebPlatform.data``) among its components."""
        ...

    @property
    def core(self) -> Core:
        """The core, built after the adapters (it needs their senders): read
        it from ``start`` on."""
        ...

    @property
    def connections(self) -> Sequence[Connection]:
        """The other platforms' links, for ``/healthz`` and ``/metrics``."""
        ...

    @property
    def endpoints(self) -> Sequence[Endpoint]:
        """Addresses other platforms asked the site to serve (Facebook's
        webhook), complete once every adapter is built: read from ``start``."""
        ...


def port_problem(host: str, port: int, error: OSError) -> StartupFailure:
    """The plain line for a web port that cannot be bound."""
    if error.errno == errno.EADDRINUSE:
        return StartupFailure(f"web port {port} is in use: set web.port or run with --web-port")
    if error.errno in (errno.EACCES, errno.EPERM):
        return StartupFailure(
            f"web port {port} needs privileges forumbot does not have: use a port above "
            "1023 (web.port or --web-port) behind a reverse proxy"
        )
    reason = os.strerror(error.errno) if error.errno and error.errno > 0 else str(error)
    return StartupFailure(
        f"web.listen {host} cannot be used ({reason}): set web.listen to an address "
        "of this machine, e.g. 127.0.0.1 or 0.0.0.0"
    )


def site_address(config: Config, port: int) -> str:
    """The address residents use: web.public_url, else where it listens."""
    return config.web.public_url or f"http://{config.web.listen}:{port}"


def console_sign_in(config: Config, staff_secret: str) -> str:
    """Who can sign in to the officers' console, for the start-up log."""
    web = config.web
    ways = []
    if web.staff_accounts:
        ways.append(f"{len(web.staff_accounts)} account(s) in web.staff_accounts")
    if staff_secret:
        ways.append(f"the shared secret in {web.staff_secret_env}")
    if not ways:
        return (
            "console: nobody can sign in (no web.staff_accounts, and "
            f"{web.staff_secret_env} is not set)"
        )
    return "console: officers sign in with " + " or ".join(ways)


class WebAdapter:
    """The ``bot.edge.adapter.Adapter`` for the web side."""

    platform = "web"
    pace = Pace()  # storing a message is the whole send: no platform to pace for
    connection: Connection | None = None  # nothing remote: the site is this process

    def __init__(self, wiring: WebWiring) -> None:
        self.wiring = wiring
        self.config = wiring.config
        self.staff_secret = wiring.env.get(self.config.web.staff_secret_env, "")
        self.hub = Hub()
        self.sender = WebSender(wiring.db, self.hub, wiring.clock)
        self.server: WebServer | None = None

    @property
    def port(self) -> int:
        """The port it listens on (the one bound, once started: ``web.port``
        0 picks a free one)."""
        return self.server.port if self.server is not None else self.config.web.port

    async def start(self) -> None:
        """Bind the web port and serve the site. Raises StartupFailure when
        the port cannot be bound."""
        self.server = WebServer(
            self.wiring.core,
            self.hub,
            self.wiring.clock,
            self.staff_secret,
            self.wiring.connections,
            self.wiring.endpoints,
        )
        try:
            await self.server.start()
        except OSError as error:
            raise port_problem(self.config.web.listen, self.server.port, error) from None
        log.info(console_sign_in(self.config, self.staff_secret))

    async def run(self) -> None:
        """Nothing to run: aiohttp serves the site from ``start`` to
        ``stop_accepting``. Waits until cancelled."""
        await asyncio.Event().wait()

    def announce(self) -> None:
        """Where residents ask; a warning when links would name an address
        that is only this machine's."""
        web = self.config.web
        log.info("web: residents ask at %s/", site_address(self.config, self.port))
        if not web.public_url and web.listen in ("0.0.0.0", "::"):
            log.warning(
                "web.public_url is not set: links in feeds and calendars will say "
                "http://%s:%s; set it to the address residents use",
                web.listen,
                self.port,
            )

    async def stop_accepting(self) -> None:
        """Close the site: live pages are ended, requests under way get 2 s."""
        if self.server is not None:
            await self.server.stop()

    async def close(self) -> None:
        """Everything was closed by ``stop_accepting``."""
        await self.stop_accepting()
