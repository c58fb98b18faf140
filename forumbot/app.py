"""The composition root: configuration, store, core and adapters wired
together, and run until stopped."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sqlite3
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from adapters.discord.platform import PLATFORM as DISCORD
from adapters.email.platform import PLATFORM as EMAIL
from adapters.facebook.platform import PLATFORM as FACEBOOK
from adapters.telegram.platform import PLATFORM as TELEGRAM
from adapters.web.platform import PLATFORM as WEB
from bot.core import Component, Core, KeepsData, build_core
from bot.delivery.pacing import Pacer
from bot.edge.adapter import Adapter, Off, Platform
from bot.edge.clock import Clock, SystemClock
from bot.edge.connection import Connection
from bot.edge.endpoint import Endpoint
from bot.edge.inbound import Envelope
from bot.edge.startup import StartupFailure
from bot.store.database import Database
from bot.store.schema import MIGRATIONS
from bot.wording.template import Templates
from config.messages import load_messages
from config.model import Config
from forumbot.counted import counted
from forumbot.logs import mask_addresses_everywhere, mask_secrets_everywhere, without_secrets
from forumbot.startup import (
    InstanceLock,
    cannot_write,
    check_database_place,
    check_installation,
    newer_schema,
)
from forumbot.supervisor import keep_running
from forumbot.webhook import HttpHookPoster

log = logging.getLogger("forumbot")


@dataclass
class AppWiring:
    """What the root hands each platform to build its adapter: every
    platform's ``bot.edge.adapter.Wiring``, and what the web side asks for
    besides (``adapters.web.adapter.WebWiring``). ``core`` is set once the
    core is built, after the adapters (it needs their senders)."""

    config: Config
    env: Mapping[str, str]
    queue: asyncio.Queue[Envelope]
    clock: Clock
    db: Database
    platform_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    connections: list[Connection] = field(default_factory=list)
    endpoints: list[Endpoint] = field(default_factory=list)
    built_core: Core | None = None

    def options(self, platform: str) -> Mapping[str, Any]:
        return self.platform_options.get(platform, {})

    def serve(self, endpoint: Endpoint) -> None:
        """Have the web side serve ``endpoint`` (``adapters.facebook``'s webhook)."""
        self.endpoints.append(endpoint)

    @property
    def core(self) -> Core:
        """The core. Raises RuntimeError before it is built."""
        if self.built_core is None:
            raise RuntimeError("the core is read before it is built (read it from start on)")
        return self.built_core


# Every platform forumbot can serve, in the order they are logged and started.
# Adding a platform: a folder under adapters/ with a PLATFORM, and a line here
# (docs/architecture.md, "Adding a platform").
PLATFORMS: list[Platform[AppWiring]] = [TELEGRAM, DISCORD, WEB, FACEBOOK, EMAIL]


def platform_data() -> list[Component]:
    """What each platform keeps in the database of its own (an entry that
    ``KeepsData``: the web's messages, sign-ins and key), whether it is on in
    this run or not, so its tables are kept current and its copies are
    still forgotten and purged."""
    return [platform.data for platform in PLATFORMS if isinstance(platform, KeepsData)]


def new_database(config: Config) -> Database:
    """The forum's database, not yet open, with every platform's own data."""
    return Database(config.database, components=platform_data())


def hook_urls(config: Config, env: Mapping[str, str]) -> dict[str, str]:
    """Each forum's escalation webhook URL, by forum id, from the environment
    variable its ``escalation.webhook_url_env`` names (forums whose variable
    is unset or empty are left out, and logged once)."""
    urls: dict[str, str] = {}
    for forum in config.forums:
        name = forum.escalation.webhook_url_env
        if name is None:
            continue
        if env.get(name):
            urls[forum.id] = env[name]
        else:
            log.warning(
                "forum %s: escalation.webhook_url_env names %s, which is not set:"
                " escalations are not posted to the control room",
                forum.id,
                name,
            )
    return urls


def secrets_in_environment(config: Config, env: Mapping[str, str] | None = None) -> list[str]:
    """Every secret any platform would read from ``env`` (``os.environ``
    when not given): what the log must never show."""
    env = os.environ if env is None else env
    secrets = [secret for platform in PLATFORMS for secret in platform.secrets(config, env)]
    hooks = [
        env[forum.escalation.webhook_url_env]
        for forum in config.forums
        if forum.escalation.webhook_url_env and env.get(forum.escalation.webhook_url_env)
    ]
    return secrets + hooks


@dataclass
class App:
    config: Config
    core: Core
    adapters: list[Adapter] = field(default_factory=list)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)

    def adapter(self, platform: str) -> Adapter | None:
        """The adapter for ``platform``, or None when it is off."""
        return next((a for a in self.adapters if a.platform == platform), None)

    # By name, for tests and benchmarks: the root itself never asks for one.
    @property
    def telegram(self) -> Any:
        return self.adapter("telegram")

    @property
    def discord(self) -> Any:
        return self.adapter("discord")

    @property
    def web(self) -> Any:
        return self.adapter("web")

    @property
    def facebook(self) -> Any:
        return self.adapter("facebook")

    @property
    def email(self) -> Any:
        return self.adapter("email")

    async def start(self) -> None:
        """Start serving. What can be fatal comes first, before anything runs:
        every adapter's start at once (tokens checked, ports bound), the first
        StartupFailure ending the others'."""
        await start_all(self.adapters)
        await self.core.dispatcher.recover()
        self._supervise("intake", self.core.intake.run)
        self._supervise("dispatcher", self.core.dispatcher.run)
        self._supervise("retention", self.core.retention.run)
        for adapter in self.adapters:
            self._supervise(adapter.platform, adapter.run)
        await self.core.scheduler.start()

    def announce(self) -> None:
        """Once serving: what each adapter tells the administrator."""
        for adapter in self.adapters:
            adapter.announce()

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
        """Stop serving: the schedule first and every adapter stops taking
        events in (the web side closes), then sends already under way are
        given a moment to finish (see Dispatcher.stop), then every service
        stops and the adapters close. Safe to call after a start that failed
        half-way."""
        await self.core.scheduler.close()
        for adapter in self.adapters:
            with contextlib.suppress(Exception):
                await adapter.stop_accepting()
        await self.core.dispatcher.stop()
        await stop_tasks(self.tasks)
        self.tasks.clear()
        for adapter in self.adapters:
            with contextlib.suppress(Exception):
                await adapter.close()
        await self.core.db.close()


async def start_all(adapters: list[Adapter]) -> None:
    """Every adapter's ``start`` at once. The first to fail ends the others'
    (cancelled, waited for) and its error is raised; so does a cancellation
    of the whole."""
    tasks = [asyncio.create_task(a.start(), name=f"start {a.platform}") for a in adapters]
    try:
        await asyncio.gather(*tasks)
    finally:
        await stop_tasks(tasks)
        for task in tasks:
            if task.done() and not task.cancelled():
                task.exception()  # seen: only the first failure is raised


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
    environ: Mapping[str, str] | None = None,
    clock: Clock | None = None,
    poll_timeout_s: int | None = None,
    discord_options: Mapping[str, Any] | None = None,
    *,
    options: Mapping[str, Mapping[str, Any]] | None = None,
) -> App:
    """Everything wired; nothing running yet. Each platform in PLATFORMS is
    built when on (a platform whose token variable is unset stays off, and
    says why). ``options``: settings passed to a platform unread, by name;
    ``poll_timeout_s`` and ``discord_options`` are the tests' shorthands for
    ``options["telegram"]["poll_timeout_s"]`` and ``options["discord"]``."""
    env = dict(os.environ) if environ is None else environ
    secrets = secrets_in_environment(config, env)
    mask_secrets_everywhere(secrets)
    mask_addresses_everywhere()
    given = {name: dict(values) for name, values in (options or {}).items()}
    if poll_timeout_s is not None:
        given.setdefault("telegram", {})["poll_timeout_s"] = poll_timeout_s
    if discord_options:
        given.setdefault("discord", {}).update(discord_options)
    db = new_database(config)
    wiring = AppWiring(config, env, asyncio.Queue(), clock or SystemClock(), db, given)
    adapters: list[Adapter] = []
    off: dict[str, Off] = {}
    for platform in PLATFORMS:
        why = platform.off(config, env)
        if why is None:
            adapters.append(platform.build(wiring))
        else:
            off[platform.name] = why
            log.info("%s off: %s", platform.name, why.reason)
    wiring.connections.extend(a.connection for a in adapters if a.connection is not None)
    try:
        await db.open()
    except sqlite3.Error as error:
        raise cannot_write(config.database, error) from None
    try:
        found = await db.schema_version()
        if found > len(MIGRATIONS):
            raise newer_schema(config.database, found)
        wiring.built_core = build_core(
            config,
            db,
            wiring.clock,
            Templates(load_messages(config.language)),
            {adapter.platform: adapter.sender for adapter in adapters},
            {adapter.platform: Pacer(adapter.pace) for adapter in adapters},
            wiring.queue,
            {p.name: p.length_limit for p in PLATFORMS},
            prefixes={p.name: p.command_prefix(config) for p in PLATFORMS},
            why_off={name: why.briefly for name, why in off.items()},
            scrub=lambda text: without_secrets(text, secrets),
            hook_poster=HttpHookPoster(),
            hook_urls=hook_urls(config, env),
        )
        return App(config, wiring.built_core, adapters)
    except BaseException:
        await db.close()
        raise


def check_something_to_serve(config: Config, env: Mapping[str, str]) -> None:
    """Raise StartupFailure when every platform is off: nobody could reach
    the forum."""
    offs = [platform.off(config, env) for platform in PLATFORMS]
    if any(why is None for why in offs):
        return
    unset = [why.unset for why in offs if why is not None and why.unset]
    reasons = [why.reason for why in offs if why is not None and not why.unset]
    if unset:
        verb = "is" if len(unset) == 1 else "are"
        names = unset[0] if len(unset) == 1 else f"{', '.join(unset[:-1])} and {unset[-1]}"
        reasons.insert(0, f"no platform is on ({names} {verb} not set)")
    raise StartupFailure(
        f"nothing to serve: {' and '.join(reasons)}: set a platform's token, or turn the web "
        "side on"
    )


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
            log.info(
                "forumbot running: %s, database %s",
                counted(len(config.forums), "forum"),
                config.database,
            )
            app.announce()
            await stop.wait()
            log.info("forumbot stopping")
        log.info("forumbot stopped")
