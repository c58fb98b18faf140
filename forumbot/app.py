"""The composition root: configuration, store, core and adapters wired
together, and run until stopped."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from adapters.discord.adapter import DiscordAdapter
from adapters.discord.sender import DiscordSender
from adapters.telegram.adapter import POLL_TIMEOUT_S, TelegramAdapter
from adapters.telegram.sender import TelegramSender
from adapters.web.hub import Hub
from adapters.web.sender import WebSender
from adapters.web.server import WebServer
from bot.core import Core, build_core
from bot.delivery.pacing import Pace, Pacer
from bot.edge.clock import Clock, SystemClock
from bot.edge.inbound import Envelope
from bot.edge.sending import LengthLimit, Sender
from bot.edge.startup import StartupFailure
from bot.store.database import Database
from bot.store.schema import MIGRATIONS
from bot.wording.template import Templates
from config.messages import load_messages
from config.model import Config
from forumbot.logs import mask_secrets_everywhere
from forumbot.startup import (
    InstanceLock,
    cannot_write,
    check_database_place,
    check_installation,
    newer_schema,
    port_problem,
)
from forumbot.supervisor import keep_running

log = logging.getLogger("forumbot")

# Each platform's length limit, as its sender class declares it: known for a
# platform that is off too (messages owed to its residents wait for it).
SENDER_LIMITS: dict[str, LengthLimit] = {
    "telegram": TelegramSender,
    "discord": DiscordSender,
    "web": WebSender,
}


def secrets_in_environment(config: Config) -> list[str]:
    names = [
        config.platforms.telegram.token_env,
        config.platforms.telegram.webhook.secret_env,
        config.platforms.discord.token_env,
        config.web.staff_secret_env,
    ]
    return [os.environ[n] for n in names if os.environ.get(n)]


@dataclass
class App:
    config: Config
    core: Core
    telegram: TelegramAdapter | None
    discord: DiscordAdapter | None = None
    web: WebServer | None = None
    tasks: list[asyncio.Task[None]] = field(default_factory=list)

    async def start(self) -> None:
        """Start serving. What can be fatal comes first, before anything runs:
        each platform's token, then the web port (StartupFailure)."""
        await asyncio.gather(
            *(adapter.verify() for adapter in (self.telegram, self.discord) if adapter is not None)
        )
        if self.web is not None:
            try:
                await self.web.start()
            except OSError as error:
                raise port_problem(self.config.web.listen, self.web.port, error) from None
        await self.core.dispatcher.recover()
        self._supervise("intake", self.core.intake.run)
        self._supervise("dispatcher", self.core.dispatcher.run)
        self._supervise("retention", self.core.retention.run)
        if self.telegram is not None:
            self._supervise("telegram", self.telegram.run)
        if self.discord is not None:
            self._supervise("discord", self.discord.run)
        await self.core.scheduler.start()

    async def __aenter__(self) -> App:
        return self

    async def __aexit__(self, *exc: object) -> None:
        """Close whatever was opened, also when start() failed half-way."""
        await self.stop()

    def _supervise(self, name: str, run: Callable[[], Awaitable[None]]) -> None:
        """Run a service for good: if it fails it is logged and restarted, and
        the other services carry on. The back-off doubles from 1 s to 60 s
        while it keeps failing and resets after 60 s of healthy running
        (``forumbot.supervisor``)."""
        self.tasks.append(asyncio.create_task(keep_running(name, run), name=name))

    async def stop(self) -> None:
        """Stop serving: the web side and the schedule first, then every
        service; sends already under way are given a moment to finish (see
        Dispatcher.stop). Safe to call after a start that failed half-way."""
        self.core.scheduler.stop()
        if self.web is not None:
            with contextlib.suppress(Exception):
                await self.web.stop()
        await self.core.dispatcher.stop()
        await stop_tasks(self.tasks)
        self.tasks.clear()
        if self.telegram is not None:
            with contextlib.suppress(Exception):
                await self.telegram.stop()
        if self.discord is not None:
            with contextlib.suppress(Exception):
                await self.discord.stop()
        await self.core.db.close()


async def stop_tasks(tasks: list[asyncio.Task[None]], within_s: float = 3.0) -> None:
    """Cancel ``tasks`` and wait for them, cancelling again any that carried
    on (a cancellation can be lost inside a library), for ``within_s``
    seconds at most; one still running then is named in the log and left."""
    pending = {task for task in tasks if not task.done()}
    deadline = asyncio.get_running_loop().time() + within_s
    while pending:
        for task in pending:
            task.cancel()
        left = deadline - asyncio.get_running_loop().time()
        if left <= 0:
            log.warning("still stopping: %s", ", ".join(t.get_name() for t in pending))
            return
        _done, pending = await asyncio.wait(pending, timeout=min(left, 0.5))


async def build_app(
    config: Config,
    environ: dict[str, str] | None = None,
    clock: Clock | None = None,
    poll_timeout_s: int | None = None,
    discord_options: dict[str, Any] | None = None,
) -> App:
    """Everything wired; nothing running yet. Platforms whose token variable
    is unset stay off."""
    env = dict(os.environ) if environ is None else environ
    queue: asyncio.Queue[Envelope] = asyncio.Queue()
    senders: dict[str, Sender] = {}
    pacers: dict[str, Pacer] = {}
    telegram: TelegramAdapter | None = None
    settings = config.platforms.telegram
    token = env.get(settings.token_env, "")
    mask_secrets_everywhere(
        [
            token,
            env.get(settings.webhook.secret_env, ""),
            env.get(config.platforms.discord.token_env, ""),
            env.get(config.web.staff_secret_env, ""),
        ]
    )
    if token:
        telegram = TelegramAdapter(
            settings,
            token,
            queue,
            webhook_secret=env.get(settings.webhook.secret_env) or None,
            poll_timeout_s=poll_timeout_s if poll_timeout_s is not None else POLL_TIMEOUT_S,
        )
        limits = settings.rate_limits
        senders["telegram"] = telegram.sender
        pacers["telegram"] = Pacer(
            Pace(limits.overall_per_s, limits.per_chat_per_s, limits.per_group_per_min)
        )
        log.info("telegram on (%s mode)", settings.mode)
    else:
        log.info("telegram off: %s is not set", settings.token_env)
    discord_settings = config.platforms.discord
    discord_token = env.get(discord_settings.token_env, "")
    discord: DiscordAdapter | None = None
    if discord_token:
        discord = DiscordAdapter(discord_settings, discord_token, queue, **(discord_options or {}))
        senders["discord"] = discord.sender
        pacers["discord"] = Pacer(Pace())  # discord.py keeps Discord's buckets itself
        log.info("discord on")
    else:
        log.info("discord off: %s is not set", discord_settings.token_env)
    db = Database(config.database)
    try:
        await db.open()
    except sqlite3.Error as error:
        raise cannot_write(config.database, error) from None
    try:
        found = await db.schema_version()
        if found > len(MIGRATIONS):
            raise newer_schema(config.database, found)
        return _wire(config, env, db, clock, queue, senders, pacers, telegram, discord)
    except BaseException:
        await db.close()
        raise


def _wire(
    config: Config,
    env: dict[str, str],
    db: Database,
    clock: Clock | None,
    queue: asyncio.Queue[Envelope],
    senders: dict[str, Sender],
    pacers: dict[str, Pacer],
    telegram: TelegramAdapter | None,
    discord: DiscordAdapter | None,
) -> App:
    clock = clock or SystemClock()
    hub: Hub | None = None
    if config.web.enabled:
        hub = Hub()
        senders["web"] = WebSender(db, hub, clock)
        pacers["web"] = Pacer(Pace())
    else:
        log.info("web off: web.enabled is false")
    templates = Templates(load_messages(config.language))
    core = build_core(config, db, clock, templates, senders, pacers, queue, SENDER_LIMITS)
    web = (
        WebServer(
            core,
            hub,
            clock,
            env.get(config.web.staff_secret_env, ""),
            [adapter.connection for adapter in (telegram, discord) if adapter is not None],
        )
        if hub is not None
        else None
    )
    return App(config, core, telegram, discord, web)


def check_something_to_serve(config: Config, env: dict[str, str]) -> None:
    """Raise StartupFailure when no platform is on and the web side is off:
    nobody could reach the forum."""
    platforms = config.platforms
    tokens = [platforms.telegram.token_env, platforms.discord.token_env]
    if config.web.enabled or any(env.get(name) for name in tokens):
        return
    raise StartupFailure(
        f"nothing to serve: no platform is on ({' and '.join(tokens)} are not set) and "
        "web.enabled is false: set a platform's token, or turn the web side on"
    )


def site_address(config: Config, port: int) -> str:
    """The address residents use: web.public_url, else where it listens."""
    return config.web.public_url or f"http://{config.web.listen}:{port}"


def console_sign_in(config: Config, env: dict[str, str]) -> str:
    """Who can sign in to the officers' console, for the start-up log."""
    web = config.web
    ways = []
    if web.staff_accounts:
        ways.append(f"{len(web.staff_accounts)} account(s) in web.staff_accounts")
    if env.get(web.staff_secret_env):
        ways.append(f"the shared secret in {web.staff_secret_env}")
    if not ways:
        return (
            "console: nobody can sign in (no web.staff_accounts, and "
            f"{web.staff_secret_env} is not set)"
        )
    return "console: officers sign in with " + " or ".join(ways)


async def run(config: Config, source: str = "built-in example settings") -> None:
    """Serve until SIGTERM or SIGINT, then stop cleanly. Raises
    StartupFailure, before anything is served, when it cannot start."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)

    def hang_up() -> None:
        log.info(
            "SIGHUP: the configuration is read only at start; stopping cleanly "
            "(start forumbot again to apply changes)"
        )
        stop.set()

    with contextlib.suppress(NotImplementedError):
        loop.add_signal_handler(signal.SIGHUP, hang_up)
    log.info("configuration: %s", source)
    check_installation()
    check_something_to_serve(config, dict(os.environ))
    check_database_place(config.database)
    with InstanceLock(config.database):
        app = await build_app(config)
        async with app:
            starting = asyncio.create_task(app.start(), name="start")
            stopping = asyncio.create_task(stop.wait(), name="stop signal")
            await asyncio.wait({starting, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if not starting.done():  # stopped while starting
                starting.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await starting
                log.info("forumbot stopping")
                return
            stopping.cancel()
            starting.result()  # StartupFailure, if any
            if config.web.enabled:
                log.info(console_sign_in(config, dict(os.environ)))
            log.info(
                "forumbot running: %s forum(s), database %s", len(config.forums), config.database
            )
            if app.web is not None:
                log.info("web: residents ask at %s/", site_address(config, app.web.port))
                if not config.web.public_url and config.web.listen in ("0.0.0.0", "::"):
                    log.warning(
                        "web.public_url is not set: links in feeds and calendars will say "
                        "http://%s:%s; set it to the address residents use",
                        config.web.listen,
                        app.web.port,
                    )
            await stop.wait()
            log.info("forumbot stopping")
        log.info("forumbot stopped")
