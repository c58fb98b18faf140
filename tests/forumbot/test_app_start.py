"""The composition root: its platforms as one list, and ``App`` as an async
context manager that closes what it opened when start-up fails half-way
(no thread, task, port or connection left behind)."""

from __future__ import annotations

import asyncio
import socket
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from bot.edge.adapter import Adapter
from bot.edge.startup import StartupFailure
from config.model import WebConfig
from forumbot.app import PLATFORMS, build_app, check_something_to_serve, secrets_in_environment
from tests.e2e.telegram_setup import environ, make_config
from tests.fakes.telegram_server import FakeTelegram

WAIT_S = 10.0


def threads() -> set[threading.Thread]:
    """Threads of our own: the event loop's executor threads (name resolution)
    live as long as the loop and are not ours to close."""
    return {t for t in threading.enumerate() if not t.name.startswith("asyncio_")}


async def threads_back_to(before: set[threading.Thread]) -> set[threading.Thread]:
    """The threads once those that were told to end have ended (a closed
    connection's thread takes a moment to return), at most WAIT_S."""
    for _ in range(int(WAIT_S / 0.01)):
        if threads() == before:
            break
        await asyncio.sleep(0.01)
    return threads()


def starting_tasks() -> list[asyncio.Task[object]]:
    """Adapters' starts still running (``forumbot.app.start_all`` names them)."""
    return [t for t in asyncio.all_tasks() if t.get_name().startswith("start ") and not t.done()]


def can_bind(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_the_root_lists_each_platform_once_in_order() -> None:
    names = [p.name for p in PLATFORMS]
    assert names[:3] == ["telegram", "discord", "web"]  # a new platform comes after them
    assert len(set(names)) == len(names)


async def test_web_port_taken_with_telegram_on_closes_everything(
    tmp_path: Path, telegram: FakeTelegram
) -> None:
    before = threads()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = int(taken.getsockname()[1])
        config = replace(
            make_config(tmp_path, telegram), web=WebConfig(listen="127.0.0.1", port=port)
        )
        app = await build_app(config, environ=environ(telegram), poll_timeout_s=1)
        adapters: list[Adapter] = list(app.adapters)
        assert [a.platform for a in adapters] == ["telegram", "web"]
        async with app:
            with pytest.raises(StartupFailure) as failed:
                await asyncio.wait_for(app.start(), WAIT_S)
    assert str(failed.value) == f"web port {port} is in use: set web.port or run with --web-port"
    assert app.tasks == []
    assert not starting_tasks()
    assert await threads_back_to(before) == before  # the database's connection threads ended
    assert telegram.requests_for("getUpdates") == []  # never served
    assert not app.telegram.bot._requests_initialized  # its HTTP clients closed


async def test_a_refused_token_after_the_web_port_was_bound_frees_the_port(
    tmp_path: Path, telegram: FakeTelegram
) -> None:
    before = threads()
    port = free_port()
    config = replace(make_config(tmp_path, telegram), web=WebConfig(listen="127.0.0.1", port=port))
    env = {"TELEGRAM_BOT_TOKEN": "123456:revoked-by-botfather"}
    app = await build_app(config, environ=env, poll_timeout_s=1)
    async with app:
        with pytest.raises(StartupFailure) as refused:
            await asyncio.wait_for(app.start(), WAIT_S)
        assert app.web.server is not None  # the web side had started meanwhile
    assert str(refused.value).startswith("Telegram refused the token in TELEGRAM_BOT_TOKEN")
    assert can_bind(port)
    assert await threads_back_to(before) == before
    assert app.tasks == []
    assert not starting_tasks()
    assert not app.telegram.bot._requests_initialized


async def test_a_stop_while_starting_closes_what_had_opened(
    tmp_path: Path, telegram: FakeTelegram
) -> None:
    """Telegram's getMe never answers (an address that takes the connection
    and says nothing); the web side has started meanwhile; then a signal
    cancels the start, and everything is closed."""
    before = threads()
    port = free_port()
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        config = replace(
            make_config(
                tmp_path, telegram, api_base_url=f"http://127.0.0.1:{silent.getsockname()[1]}"
            ),
            web=WebConfig(listen="127.0.0.1", port=port),
        )
        app = await build_app(config, environ=environ(telegram), poll_timeout_s=1)
        async with app:
            starting = asyncio.create_task(app.start())
            for _ in range(int(WAIT_S / 0.01)):  # until the web side listens
                if not can_bind(port):
                    break
                await asyncio.sleep(0.01)
            starting.cancel()
            with pytest.raises(asyncio.CancelledError):
                await starting
            assert not starting_tasks()  # Telegram's start was ended with it
    assert can_bind(port)
    assert await threads_back_to(before) == before
    assert app.tasks == []
    assert not app.telegram.bot._requests_initialized


def test_nothing_to_serve_names_every_platform_that_is_off(tmp_path: Path) -> None:
    config = replace(make_config(tmp_path, FakeTelegramStandIn()), web=WebConfig(enabled=False))
    with pytest.raises(StartupFailure) as failed:
        check_something_to_serve(config, {})
    assert str(failed.value) == (
        "nothing to serve: no platform is on (TELEGRAM_BOT_TOKEN, DISCORD_BOT_TOKEN and "
        "FACEBOOK_PAGE_TOKEN are not set) and web.enabled is false and platforms.email.host "
        "is not set: set a platform's token, or turn the web side on"
    )
    check_something_to_serve(config, {"DISCORD_BOT_TOKEN": "x"})  # one is enough
    check_something_to_serve(replace(config, web=WebConfig()), {})


def test_every_platforms_secrets_are_masked(tmp_path: Path) -> None:
    config = make_config(tmp_path, FakeTelegramStandIn())
    env = {
        "TELEGRAM_BOT_TOKEN": "t0k3n",
        "TELEGRAM_WEBHOOK_SECRET": "hook",
        "DISCORD_BOT_TOKEN": "d1sc",
        "FORUMBOT_STAFF_SECRET": "phrase",
        "HOME": "/root",
    }
    assert sorted(secrets_in_environment(config, env)) == ["d1sc", "hook", "phrase", "t0k3n"]
    assert secrets_in_environment(config, {}) == []


class FakeTelegramStandIn:
    """Where make_config points Telegram when no request is ever made."""

    base_url = "http://127.0.0.1:9"
