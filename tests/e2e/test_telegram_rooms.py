"""Rooms that change on Telegram, with the real app and python-telegram-bot against the fake
Bot API: a staff group upgraded to a supergroup (its id changes) is followed, for sends and
commands, across a restart, with one WARNING naming the bot.yaml key; a public channel the bot
was removed from keeps its posts waiting (never failed), shows as unreachable on /healthz and
in the web console, and gets them once the bot is added back."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from adapters.web.passwords import hash_password
from config.model import Config, Room, StaffAccount, WebConfig
from tests.e2e.telegram_setup import (
    OFFICER,
    PHRASE,
    PUBLIC_CHANNEL,
    WAIT_S,
    ask,
    environ,
    eventually,
    make_config,
    running,
    to_chat_containing,
)
from tests.fakes.telegram_server import FakeTelegram, SentMessage
from tests.web.web_setup import OFFICER_NAME, OFFICER_PASSWORD, Visitor, browser

pytestmark = pytest.mark.timeout(60)

OLD = -4200  # a basic group
NEW = -1004200  # the supergroup it became
KEY = "forums[0].staff_rooms[0].chat_id"


def group_config(tmp_path: Path, fake: FakeTelegram) -> Config:
    """Bromley with its staff room in the basic group OLD."""
    config = make_config(tmp_path, fake)
    forum = replace(config.forums[0], staff_rooms=(Room("telegram", chat_id=OLD),))
    return replace(config, forums=(forum,))


def with_web(config: Config) -> Config:
    web = WebConfig(
        port=0, staff_accounts=(StaffAccount(OFFICER_NAME, hash_password(OFFICER_PASSWORD)),)
    )
    return replace(config, web=web)


def _rows(database: str, sql: str, *args: object) -> list[tuple[Any, ...]]:
    with contextlib.closing(sqlite3.connect(database)) as db:
        return list(db.execute(sql, args).fetchall())


def _sends_to(fake: FakeTelegram, chat_id: int | str) -> int:
    return sum(1 for p in fake.requests_for("sendMessage") if str(p.get("chat_id")) == str(chat_id))


def _moved_warnings(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [
        r
        for r in caplog.records
        if r.levelno == logging.WARNING and f"{KEY}: {NEW}" in r.getMessage()
    ]


async def _officer_says(fake: FakeTelegram, chat: int, text: str, *expect: str) -> SentMessage:
    start = len(fake.sent)
    fake.group_message(chat, OFFICER, text)
    return await fake.wait_for_sent(to_chat_containing(chat, *expect), WAIT_S, start=start)


async def test_a_group_upgraded_to_a_supergroup_is_followed_and_remembered(
    tmp_path: Path, telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="forumbot")
    fake = telegram
    config = group_config(tmp_path, fake)
    async with running(config, environ(fake)):
        # Telegram's service messages are still on their way: the bot learns the new id
        # from the 400 of its next send to the old one.
        fake.migrate_group(OLD, NEW, announce=False)
        await ask(fake, f"{PHRASE} is the station open on Sundays?")
        card = await fake.wait_for_sent(to_chat_containing(NEW, "Question #1"), WAIT_S)
        assert fake.sent_to(OLD) == []
        assert _sends_to(fake, OLD) == 1  # the one refused with migrate_to_chat_id
        # An officer's command from the supergroup is from the staff room.
        approved = await _officer_says(fake, NEW, "/approve 1", "#1")
        assert "approved" in approved.plain_text.lower()
        [warning] = _moved_warnings(caplog)
        assert "update bot.yaml" in warning.getMessage()
    assert "Question #1" in card.plain_text
    assert _rows(config.database, "SELECT chat_id, moved_to FROM room_state") == [
        (str(OLD), str(NEW))
    ]

    # After a restart, the move is remembered: nothing more goes to the old id.
    caplog.clear()
    async with running(config, environ(fake)):
        await ask(fake, f"{PHRASE} who patrols the park?")
        await fake.wait_for_sent(to_chat_containing(NEW, "Question #2"), WAIT_S)
        await _officer_says(fake, NEW, "/reject 2 please call 101", "#2")
        assert len(_moved_warnings(caplog)) == 1  # the reminder at start, until bot.yaml changes
    assert _sends_to(fake, OLD) == 1
    assert fake.sent_to(OLD) == []


async def test_waiting_messages_follow_telegrams_service_messages(
    tmp_path: Path, telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="forumbot")
    fake = telegram
    config = group_config(tmp_path, fake)
    async with running(config, environ(fake)):
        # The first card meets a 500 and waits to be tried again...
        fake.fail_next("sendMessage", OLD, status=500, description="Internal Server Error")
        await ask(fake, f"{PHRASE} is the station open on Sundays?")
        await fake.wait_for_request("sendMessage", _to(OLD), WAIT_S)
        # ...while the group is upgraded, with Telegram's service messages in both chats.
        fake.migrate_group(OLD, NEW)
        await eventually(lambda: _holds(bool(_moved_warnings(caplog))), what="the move")
        await ask(fake, f"{PHRASE} who patrols the park?")
        for ref in (1, 2):
            await fake.wait_for_sent(to_chat_containing(NEW, f"Question #{ref}"), WAIT_S)
        await _officer_says(fake, NEW, "/approve 2", "#2")
    assert fake.sent_to(OLD) == []
    assert len(_moved_warnings(caplog)) == 1
    cards = [m.plain_text for m in fake.sent_to(NEW) if "Question #" in m.plain_text]
    assert sum("Question #1" in c for c in cards) == 1


async def _health(app: Any) -> dict[str, Any]:
    url = f"http://127.0.0.1:{app.web.port}/healthz"
    async with aiohttp.ClientSession() as http, http.get(url) as response:
        assert response.status == 200
        body: dict[str, Any] = await response.json()
        return body


async def test_a_public_channel_the_bot_was_removed_from_keeps_its_posts_until_it_is_back(
    tmp_path: Path, telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="forumbot")
    fake = telegram
    config = with_web(make_config(tmp_path, fake))
    room = f"telegram:{PUBLIC_CHANNEL}"
    async with running(config, environ(fake)) as app:
        fake.remove_bot(PUBLIC_CHANNEL)

        async def reported() -> bool:
            return room in (await _health(app)).get("rooms", {})

        await eventually(reported, what="/healthz naming the room")
        body = await _health(app)
        assert body["status"] == "degraded"
        assert body["rooms"][room].startswith("unreachable since ")
        assert "removed from the channel" in body["rooms"][room]
        # Officers in the Telegram staff group are told, once.
        lost = f"The bot cannot post in the Telegram room {PUBLIC_CHANNEL}"
        notice = await fake.wait_for_sent(to_chat_containing(-100200, lost), WAIT_S)
        assert "add the bot again" in notice.plain_text

        # The session opens: its post for the public channel waits, and is never tried.
        await _officer_says(fake, -100200, "/open", "is open until")
        waiting = _rows(
            config.database,
            "SELECT state FROM outbox WHERE chat_id = ? AND purpose = 'session_open'",
            PUBLIC_CHANNEL,
        )
        assert waiting == [("pending",)]
        assert _sends_to(fake, PUBLIC_CHANNEL) == 0

        # The console says so to officers.
        async with browser() as session:
            officer = Visitor(app, session)
            assert await officer.sign_in() == 303
            status, page = await officer.get("/staff/bromley")
        assert status == 200
        assert f"The bot cannot post in the Telegram room {PUBLIC_CHANNEL}" in page
        assert "sent when the bot is let back in" in page

        start = len(fake.sent)
        fake.add_bot(PUBLIC_CHANNEL)
        post = await fake.wait_for_sent(
            to_chat_containing(PUBLIC_CHANNEL, "now live until"), WAIT_S, start=start
        )
        await eventually(lambda: _no_room(app, room), what="/healthz clear again")
        body = await _health(app)
        assert body["status"] == "ok"
        back = f"The bot can post in the Telegram room {PUBLIC_CHANNEL} again"
        await fake.wait_for_sent(to_chat_containing(-100200, back), WAIT_S, start=start)
    staff_notices = [m.plain_text for m in fake.sent_to(-100200) if "The bot can" in m.plain_text]
    assert len(staff_notices) == 2  # one when it was lost, one when it was back
    assert "now live until" in post.plain_text
    assert [r for r in caplog.records if "cannot be reached" in r.getMessage()]
    states = _rows(
        config.database, "SELECT DISTINCT state FROM outbox WHERE chat_id = ?", PUBLIC_CHANNEL
    )
    assert states == [("sent",)]


async def _no_room(app: Any, room: str) -> bool:
    return room not in (await _health(app)).get("rooms", {})


def _to(chat_id: int) -> Callable[[dict[str, Any]], bool]:
    return lambda params: str(params.get("chat_id")) == str(chat_id)


async def _holds(value: bool) -> bool:
    return value
