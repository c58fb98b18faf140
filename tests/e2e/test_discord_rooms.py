"""Rooms the bot cannot post in on Discord, with the real app and discord.py against the fake:
removed from the server (GUILD_DELETE, then 403 50001 Missing Access), its staff channel's
cards wait (never failed), /healthz names the rooms, and the cards go when the bot is invited
back (GUILD_CREATE); a channel whose permission was taken away (403 50013) holds its messages,
is remembered across a restart, and is tried again at start; a permission taken away by a
channel's overwrite (CHANNEL_UPDATE) or from a role (GUILD_ROLE_UPDATE) holds the channel's
cards, tells the officers in the console, and lets them go when it is given back."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Awaitable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from adapters.web.passwords import hash_password
from config.model import Config, Delivery, StaffAccount, WebConfig
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
from tests.fakes.discord_server import (
    BOT_USER_ID,
    EVERYONE_PERMISSIONS,
    SEND_MESSAGES,
    VIEW_CHANNEL,
    FakeDiscord,
)
from tests.web.web_setup import OFFICER_NAME, OFFICER_PASSWORD, Visitor, browser

pytestmark = pytest.mark.timeout(60)


def web_on(config: Config) -> Config:
    return replace(config, web=WebConfig(port=0))


def console_on(config: Config) -> Config:
    """The web side with an officer's console account (the forum's other staff room)."""
    account = StaffAccount(OFFICER_NAME, hash_password(OFFICER_PASSWORD))
    return replace(config, web=WebConfig(port=0, staff_accounts=(account,)))


async def _console(app: App) -> str:
    """The forum's staff room in the console, as a signed-in officer reads it."""
    async with browser() as session:
        officer = Visitor(app, session)
        assert await officer.sign_in() == 303
        status, page = await officer.get("/staff/bromley")
    assert status == 200
    return page


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


async def test_a_channel_refused_without_an_event_is_tried_again_while_running(
    tmp_path: Path, discord_fake: FakeDiscord
) -> None:
    """Discord refuses the staff channel (403 50013) and says nothing when the permission comes
    back (a role changed while the gateway was away, say): the held channel is tried again
    every ``delivery.held_rooms_retry`` while forumbot runs, not only at the next start."""
    fake = discord_fake
    config = console_on(make_config(tmp_path, fake))
    config = replace(config, delivery=Delivery(held_rooms_retry=timedelta(seconds=1)))
    staff = f"discord:{STAFF_CHANNEL}"
    refused = fake.fail_next(
        "POST",
        f"/channels/{STAFF_CHANNEL}/messages",
        status=403,
        code=50013,
        message="Missing Permissions",
        times=2,  # the first send, and the first try again
    )
    async with running(config, environ(fake)) as app:
        await ask(fake, f"{PHRASE} is the station open on Sundays?")

        async def reported() -> bool:
            return staff in (await _health(app)).get("rooms", {})

        await eventually(reported, what="/healthz naming the staff channel")
        await ask(fake, f"{PHRASE} who patrols the park?")
        card = await card_for(fake, 1)  # after the second refusal, the third try goes
        await card_for(fake, 2)

        async def clear() -> bool:
            return "rooms" not in await _health(app)

        await eventually(clear, what="/healthz clear again")
        await eventually(lambda: _contains(_console(app), BACK), what="the console told")
    assert refused.hits == 2
    assert "is the station open on Sundays?" in card.content


LOST = f"The bot cannot post in the Discord room {STAFF_CHANNEL}"
BACK = f"The bot can post in the Discord room {STAFF_CHANNEL} again"


async def test_a_channel_whose_send_permission_is_taken_away_holds_its_cards_until_given_back(
    tmp_path: Path, discord_fake: FakeDiscord
) -> None:
    fake = discord_fake
    config = console_on(make_config(tmp_path, fake))
    staff = f"discord:{STAFF_CHANNEL}"
    async with running(config, environ(fake)) as app:
        # An administrator denies the bot Send Messages in the staff channel (CHANNEL_UPDATE).
        fake.set_permission_overwrite(STAFF_CHANNEL, BOT_USER_ID, deny=SEND_MESSAGES)

        async def reported() -> bool:
            return staff in (await _health(app)).get("rooms", {})

        await eventually(reported, what="/healthz naming the staff channel")
        body = await _health(app)
        assert body["status"] == "degraded"
        assert "may not view or post in the channel" in body["rooms"][staff]

        await ask(fake, f"{PHRASE} is the station open on Sundays?")
        await eventually(
            lambda: _holds(
                _rows(config.database, "SELECT state FROM outbox WHERE chat_id = ?", STAFF_CHANNEL)
                == [("pending",)]
            ),
            what="the card waiting",
        )
        assert _posts_to(fake, STAFF_CHANNEL) == 0  # held: not even tried
        # The console, the forum's other staff room, is told why and what to do.
        await eventually(
            lambda: _contains(_console(app), LOST, "administrator to add the bot again"),
            what="the console told the room is lost",
        )

        start = len(fake.sent)
        fake.remove_permission_overwrite(STAFF_CHANNEL, BOT_USER_ID)  # given back
        card = await card_for(fake, 1, start=start)

        async def clear() -> bool:
            return "rooms" not in await _health(app)

        await eventually(clear, what="/healthz clear again")
        await eventually(lambda: _contains(_console(app), BACK), what="the console told")
        page = await _console(app)
    assert "is the station open on Sundays?" in card.content
    assert page.count(LOST) == 1  # told once, not at every card that waited
    assert _rows(
        config.database, "SELECT DISTINCT state FROM outbox WHERE chat_id = ?", STAFF_CHANNEL
    ) == [("sent",)]


async def test_a_role_losing_view_channel_holds_the_rooms_and_giving_it_back_releases_them(
    tmp_path: Path, discord_fake: FakeDiscord
) -> None:
    fake = discord_fake
    config = web_on(make_config(tmp_path, fake))
    staff, public = f"discord:{STAFF_CHANNEL}", f"discord:{PUBLIC_CHANNEL}"
    async with running(config, environ(fake)) as app:
        # @everyone loses View Channel server-wide: no channel changes, only the role.
        fake.set_role_permissions(GUILD, GUILD, EVERYONE_PERMISSIONS & ~VIEW_CHANNEL)

        async def reported() -> bool:
            return set((await _health(app)).get("rooms", {})) == {staff, public}

        await eventually(reported, what="/healthz naming both channels")
        await ask(fake, f"{PHRASE} who patrols the park?")
        await eventually(
            lambda: _holds(
                _rows(config.database, "SELECT state FROM outbox WHERE chat_id = ?", STAFF_CHANNEL)
                == [("pending",)]
            ),
            what="the card waiting",
        )
        start = len(fake.sent)
        fake.set_role_permissions(GUILD, GUILD, EVERYONE_PERMISSIONS)
        card = await card_for(fake, 1, start=start)

        async def clear() -> bool:
            return "rooms" not in await _health(app)

        await eventually(clear, what="/healthz clear again")
    assert "who patrols the park?" in card.content


async def test_the_fake_refuses_a_bot_without_permission_as_discord_does(
    discord_fake: FakeDiscord,
) -> None:
    """What the fake answers is what the tests above rely on: 50001 without View Channel,
    50013 without Send Messages, and an overwrite for the bot's role counts."""
    fake = discord_fake
    url = f"{fake.api_base}/channels/{STAFF_CHANNEL}/messages"
    headers = {"Authorization": f"Bot {fake.token}"}

    async def post() -> tuple[int, dict[str, Any]]:
        async with (
            aiohttp.ClientSession() as http,
            http.post(url, json={"content": "hello"}, headers=headers) as response,
        ):
            return response.status, await response.json()

    assert (await post())[0] == 200
    fake.set_permission_overwrite(STAFF_CHANNEL, GUILD, deny=SEND_MESSAGES)
    assert await post() == (403, {"message": "Missing Permissions", "code": 50013})
    fake.set_permission_overwrite(STAFF_CHANNEL, BOT_USER_ID, allow=SEND_MESSAGES)
    assert (await post())[0] == 200  # the member's own overwrite wins over @everyone's
    status, channel = await _channel(fake)
    assert status == 200
    assert channel["permission_overwrites"] == [
        {"id": GUILD, "type": 0, "allow": "0", "deny": str(SEND_MESSAGES)},
        {"id": BOT_USER_ID, "type": 1, "allow": str(SEND_MESSAGES), "deny": "0"},
    ]
    fake.set_permission_overwrite(STAFF_CHANNEL, GUILD, deny=VIEW_CHANNEL)
    assert await post() == (403, {"message": "Missing Access", "code": 50001})
    assert await _channel(fake) == (403, {"message": "Missing Access", "code": 50001})


async def _channel(fake: FakeDiscord) -> tuple[int, dict[str, Any]]:
    url = f"{fake.api_base}/channels/{STAFF_CHANNEL}"
    headers = {"Authorization": f"Bot {fake.token}"}
    async with aiohttp.ClientSession() as http, http.get(url, headers=headers) as response:
        body: dict[str, Any] = await response.json()
        return response.status, body


async def _contains(page: Awaitable[str], *needles: str) -> bool:
    text = await page
    return all(needle in text for needle in needles)


async def _holds(value: bool) -> bool:
    return value
