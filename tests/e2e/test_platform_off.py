"""A platform that is off in a run: nothing is queued for its rooms, officers are told
where an answer goes, residents' answers wait for their platform (they are owed), and
room messages left waiting by an earlier run never flood the rooms later."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from adapters.web.passwords import hash_password
from bot.edge.chat import ChatRef
from bot.edge.rich import Span
from bot.store import outbox as outbox_rows
from bot.store.database import Database
from bot.store.outbox import OutboxDraft, OutboxPurpose
from config.model import Config, StaffAccount, WebConfig
from forumbot.app import App
from tests.e2e.telegram_setup import (
    PHRASE,
    PUBLIC_CHANNEL,
    RESIDENT,
    STAFF_GROUP,
    WAIT_S,
    ask,
    card_for,
    environ,
    eventually,
    make_config,
    outbox_settled,
    running,
    to_chat_containing,
)
from tests.fakes.telegram_server import FakeTelegram
from tests.web.web_setup import Visitor, browser, events

pytestmark = pytest.mark.timeout(60)

OFFICER_NAME = "sgt.jones"
OFFICER_PASSWORD = "three random words here"
DISCORD_ROOM = "223456789012345678"
# Older than any retry window, younger than the retention period (which erases
# what is no longer waiting).
LONG_AGO = datetime.now(UTC) - timedelta(days=20)


@pytest.fixture
def fake(telegram: FakeTelegram) -> FakeTelegram:
    """The platform these tests drive: the shared fake Bot API (tests/conftest.py)."""
    return telegram


def _with_console(config: Config) -> Config:
    account = StaffAccount(OFFICER_NAME, hash_password(OFFICER_PASSWORD))
    return replace(config, web=WebConfig(port=0, staff_accounts=(account,)))


async def _rows(app: App, after: int = 0) -> list[tuple[str, str, str, str]]:
    async with app.core.db.read() as tx:
        rows = await tx.execute_fetchall(
            "SELECT platform, chat_kind, purpose, state FROM outbox WHERE id > ? ORDER BY id",
            (after,),
        )
    return [(str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]


async def _web_settled(app: App) -> bool:
    rows = await _rows(app)
    return not app.core.dispatcher.busy() and all(
        state == "sent" for platform, _kind, _purpose, state in rows if platform == "web"
    )


async def _last_id(app: App) -> int:
    async with app.core.db.read() as tx:
        rows = list(await tx.execute_fetchall("SELECT COALESCE(MAX(id), 0) FROM outbox"))
    return int(rows[0][0])


async def _left_by_an_earlier_version(database: str) -> list[int]:
    """What an earlier version left waiting, run with rooms whose platform was off:
    a card and a session post for the Telegram rooms, a card for a Discord room."""
    async with Database(database) as db, db.transaction() as tx:
        return [
            await outbox_rows.add(
                tx,
                OutboxDraft(
                    ChatRef("telegram", str(STAFF_GROUP), "group"),
                    (Span("Old card from last month"),),
                    OutboxPurpose.CARD,
                ),
                LONG_AGO,
            ),
            await outbox_rows.add(
                tx,
                OutboxDraft(
                    ChatRef("telegram", PUBLIC_CHANNEL, "channel"),
                    (Span("Old session post from last month"),),
                    OutboxPurpose.SESSION_OPEN,
                ),
                LONG_AGO,
            ),
            await outbox_rows.add(
                tx,
                OutboxDraft(
                    ChatRef("discord", DISCORD_ROOM, "group"),
                    (Span("Old Discord card"),),
                    OutboxPurpose.CARD,
                ),
                LONG_AGO,
            ),
        ]


async def test_an_answer_given_while_telegram_is_off_reaches_the_asker_when_it_is_back(
    tmp_path: Path, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    config = _with_console(make_config(tmp_path, fake))
    async with running(config, environ(fake)) as app:
        await ask(fake, f"{PHRASE} is the station open on Sundays?")
        await card_for(fake, 1)
        await eventually(lambda: outbox_settled(app), what="outbox settled")

    # Telegram off (no token): the officer answers in the web console.
    caplog.set_level(logging.INFO)
    async with running(config, {}) as app, browser() as http:
        before = await _last_id(app)
        officer = Visitor(app, http)
        assert await officer.sign_in() == 303
        await officer.get("/staff/bromley")
        async with events(officer, "/staff/bromley/events") as room:
            await officer.post_json("/staff/bromley/send", {"text": "open"})
            await room.until("is open until")
            await officer.post_json("/staff/bromley/send", {"text": "answer 1 Yes, 10 to 4."})
            confirmation = room.text_of(await room.until("#1 answered by"))
        await eventually(lambda: _web_settled(app), what="web messages sent")
        written_while_off = await _rows(app, before)

    assert (
        "The asker is on Telegram, which is off in this run: it will be sent to them when"
        " Telegram is on again." in confirmation
    )
    assert "No public room is on for this forum: the answer is on the web archive only." in (
        confirmation
    )
    # For Telegram, only what is owed to the resident: their answer, waiting.
    telegram = [row for row in written_while_off if row[0] == "telegram"]
    assert telegram == [("telegram", "private", "answer", "pending")]
    messages = [r.getMessage() for r in caplog.records]
    assert (
        f"forum bromley: Telegram staff room {STAFF_GROUP} is off (TELEGRAM_BOT_TOKEN not set);"
        " nothing is queued for it" in messages
    )
    assert (
        f"forum bromley: Telegram public room {PUBLIC_CHANNEL} is off (TELEGRAM_BOT_TOKEN not"
        " set); nothing is queued for it" in messages
    )

    stale = await _left_by_an_earlier_version(config.database)
    # Telegram is back (Discord still off).
    start = len(fake.sent)
    async with running(config, environ(fake)) as app:
        answer = await fake.wait_for_sent(
            to_chat_containing(RESIDENT, "Answer to your question #1"), WAIT_S, start=start
        )
        await eventually(lambda: outbox_settled(app), what="outbox settled")
        async with app.core.db.read() as tx:
            left = await outbox_rows.get_many(tx, stale)
            found = await tx.execute_fetchall(
                f"SELECT state, error FROM outbox WHERE id IN ({','.join('?' * len(stale))})"
                " ORDER BY id",
                stale,
            )
        outcomes = [(str(r[0]), str(r[1])) for r in found]

    assert "Yes, 10 to 4." in answer.plain_text
    assert len(left) == 3
    assert outcomes == [
        ("skipped", "too old to send when the bot started"),
        ("skipped", "too old to send when the bot started"),
        ("skipped", "discord is off: messages to rooms are not kept for later"),
    ]
    after_restart = [m.plain_text for m in fake.sent[start:]]
    assert not [text for text in after_restart if "Old " in text]
    assert not fake.sent_to(PUBLIC_CHANNEL)  # no session was ever open while Telegram was on
