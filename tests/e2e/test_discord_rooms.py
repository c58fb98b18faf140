"""Rooms the bot cannot post in on Discord, with the real app and discord.py against the fake:
removed from the server (GUILD_DELETE, then 403 50001 Missing Access), its staff channel's
cards wait (never failed), /healthz names the rooms, and the cards go when the bot is invited
back (GUILD_CREATE); a channel whose permission was taken away (403 50013) holds its messages,
is remembered across a restart, and is tried again at start."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from config.model import Config, WebConfig
from forumbot.app import App
from tests.e2e.discord_setup import (
    GUILD,
    PHRASE,
    PUBLIC_CHANNEL,
    STAFF_CHANNEL,
    WAIT_S,
    ask,
    card_for,
    environ,
    make_config,
    running,
    to_containing,
)
from tests.e2e.telegram_setup import eventually
from tests.fakes.discord_server import FakeDiscord

pytestmark = pytest.mark.timeout(60)


def web_on(config: Config) -> Config:
    return replace(config, web=WebConfig(port=0))


def _rows(database: str, sql: str, *args: object) -> list[tuple[Any, ...]]:
    with contextlib.closing(sqlite3.connect(database)) as db:
        return list(db.execute(sql, args).fetchall())


async def _health(app: App) -> dict[str, Any]:
    assert app.web is not None
    url = f"http://127.0.0.1:{app.web.port}/healthz"
    async with aiohttp.ClientSession() as http, http.get(url) as response:
        assert response.status == 200
        body: dict[str, Any] = await response.json()
        return body


def _posts_to(fake: FakeDiscord, channel: str) -> int:
    return len(fake.requests_for("POST", f"/channels/{channel}/messages"))


async def test_removed_from_the_server_cards_wait_until_the_bot_is_invited_back(
    tmp_path: Path, discord_fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="forumbot")
    fake = discord_fake
    config = web_on(make_config(tmp_path, fake))
    staff, public = f"discord:{STAFF_CHANNEL}", f"discord:{PUBLIC_CHANNEL}"
    async with running(config, environ(fake)) as app:
        fake.remove_bot_from_guild(GUILD)

        async def reported() -> bool:
            return set((await _health(app)).get("rooms", {})) == {staff, public}

        await eventually(reported, what="/healthz naming both rooms")
        body = await _health(app)
        assert body["status"] == "degraded"
        assert "the bot was removed from the server" in body["rooms"][staff]

        reply = await ask(fake, f"{PHRASE} is the station open on Sundays?")
        assert "Your question to" in reply.content
        await eventually(
            lambda: _holds(
                _rows(config.database, "SELECT state FROM outbox WHERE chat_id = ?", STAFF_CHANNEL)
                == [("pending",)]
            ),
            what="the card waiting",
        )
        assert _posts_to(fake, STAFF_CHANNEL) == 0  # held: not even tried

        start = len(fake.sent)
        fake.add_bot_to_guild(GUILD)
        card = await card_for(fake, 1, start=start)

        async def clear() -> bool:
            return "rooms" not in await _health(app)

        await eventually(clear, what="/healthz clear again")
        # Back in the server, the staff channel hears that the public one is back.
        back = "The bot can post in the Discord room"
        await fake.wait_for_sent(to_containing(STAFF_CHANNEL, back, PUBLIC_CHANNEL), WAIT_S)
    assert "is the station open on Sundays?" in card.content
    assert _rows(
        config.database, "SELECT DISTINCT state FROM outbox WHERE chat_id = ?", STAFF_CHANNEL
    ) == [("sent",)]
    assert [r for r in caplog.records if "cannot be reached" in r.getMessage()]


async def test_a_channel_without_send_permission_holds_its_messages_across_a_restart(
    tmp_path: Path, discord_fake: FakeDiscord
) -> None:
    fake = discord_fake
    config = web_on(make_config(tmp_path, fake))
    staff = f"discord:{STAFF_CHANNEL}"
    fake.fail_next(
        "POST",
        f"/channels/{STAFF_CHANNEL}/messages",
        status=403,
        code=50013,
        message="Missing Permissions",
        times=100,
    )
    async with running(config, environ(fake)) as app:
        await ask(fake, f"{PHRASE} is the station open on Sundays?")
        await fake.wait_for_request("POST", f"/channels/{STAFF_CHANNEL}/messages", timeout=WAIT_S)

        async def reported() -> bool:
            return staff in (await _health(app)).get("rooms", {})

        await eventually(reported, what="/healthz naming the staff room")
        assert "50013: Missing Permissions" in (await _health(app))["rooms"][staff]
        await ask(fake, f"{PHRASE} who patrols the park?")
        await eventually(
            lambda: _holds(
                _rows(config.database, "SELECT state FROM outbox WHERE chat_id = ?", STAFF_CHANNEL)
                == [("pending",), ("pending",)]
            ),
            what="both cards waiting",
        )
        assert _posts_to(fake, STAFF_CHANNEL) == 1  # the second card was never tried

    recorded = _rows(config.database, "SELECT chat_id, problem FROM room_state")
    assert recorded == [(STAFF_CHANNEL, "50013: Missing Permissions")]
    fake.clear_faults()  # permission given back while forumbot was stopped
    async with running(config, environ(fake)) as app:
        await card_for(fake, 1)
        await card_for(fake, 2)

        async def clear() -> bool:
            return "rooms" not in await _health(app)

        await eventually(clear, what="/healthz clear again")
    assert _rows(
        config.database, "SELECT DISTINCT state FROM outbox WHERE chat_id = ?", STAFF_CHANNEL
    ) == [("sent",)]


async def _holds(value: bool) -> bool:
    return value
