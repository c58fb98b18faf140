"""The real app (forumbot.app.build_app) started in-process for a test, and
stopped after it: the one way the end-to-end and web tests run forumbot.

tests/e2e/telegram_setup.py, tests/e2e/discord_setup.py and
tests/web/web_setup.py wrap :func:`running_app` with their own configuration.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any

import discord.http
from discord.gateway import DiscordWebSocket

from bot.edge.clock import Clock
from config.model import Config
from forumbot.app import App, build_app

__all__ = ["TEST_OPTIONS", "WAIT_S", "discord_py_restored", "running_app"]

WAIT_S = 8.0
"""How long starting, getting ready and stopping may each take (seconds)."""

TEST_OPTIONS: Mapping[str, Mapping[str, Any]] = {
    # A getUpdates returns within a second, so the app stops within one.
    "telegram": {"poll_timeout_s": 1},
    # discord.py is ready as soon as the fake's guilds are in (its default waits 2 s).
    "discord": {"guild_ready_timeout": 0.05},
    # A send Graph refused as over a rate limit is tried again at once.
    "facebook": {"rate_limited_wait_s": 0.1},
}
"""The platforms' options for tests (build_app's ``options``); a platform
that is off never reads its own."""


@contextlib.contextmanager
def discord_py_restored() -> Iterator[None]:
    """Put back discord.py's class attributes (``Route.BASE``,
    ``DiscordWebSocket.DEFAULT_GATEWAY``) that the Discord adapter points at
    the configured addresses, so one test's fake does not leak into the next."""
    base = discord.http.Route.BASE
    gateway = DiscordWebSocket.DEFAULT_GATEWAY
    try:
        yield
    finally:
        discord.http.Route.BASE = base
        DiscordWebSocket.DEFAULT_GATEWAY = gateway


def _merged(
    options: Mapping[str, Mapping[str, Any]] | None,
) -> dict[str, dict[str, Any]]:
    merged = {platform: dict(values) for platform, values in TEST_OPTIONS.items()}
    for platform, values in (options or {}).items():
        merged.setdefault(platform, {}).update(values)
    return merged


@contextlib.asynccontextmanager
async def running_app(
    config: Config,
    env: Mapping[str, str],
    *,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    clock: Clock | None = None,
    wait_ready: bool = True,
    within_s: float = WAIT_S,
) -> AsyncIterator[App]:
    """The app built from ``config`` and ``env`` (the environment it reads
    tokens and secrets from), started; stopped on exit, also when the block
    or the start raises.

    ``options``: per-platform options over :data:`TEST_OPTIONS`, key by key.
    ``clock``: the app's clock (the system's when None). ``wait_ready``: when
    Discord is on, until discord.py is ready (the fake then has a gateway
    session to deliver events to). Starting, getting ready and stopping may
    each take ``within_s`` seconds, else TimeoutError. A start that fails
    raises its StartupFailure after the app has been stopped.
    """
    with discord_py_restored():
        app = await build_app(config, environ=env, clock=clock, options=_merged(options))
        try:
            await asyncio.wait_for(app.start(), within_s)
            if wait_ready and app.discord is not None:
                await asyncio.wait_for(app.discord.ready.wait(), within_s)
            yield app
        finally:
            await asyncio.wait_for(app.stop(), within_s)
