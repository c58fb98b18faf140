"""The real app and python-telegram-bot against the fake Bot API when delivery fails:
Telegram's own 500s (retried, then given up and reported), a public room that refuses
the bot (its posts wait until it is let back in), and a database held by another
connection while a card goes out."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import bot.store.database as database_module
from bot.delivery.pacing import Pace, Pacer
from bot.edge.clock import FakeClock
from forumbot.app import App
from tests.e2e.telegram_setup import (
    OFFICER,
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
    staff_says,
    to_chat_containing,
)
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(40)

SECOND_RESIDENT = 5002
ANSWER = "Answer to your question #1"


@pytest.fixture
def fake(telegram: FakeTelegram) -> FakeTelegram:
    """The platform these tests drive: the shared fake Bot API (tests/conftest.py)."""
    return telegram


def quick_retries(app: App) -> None:
    """Real back-off, made short: the test waits for retries, not for the clock."""
    app.core.dispatcher.retry = replace(app.core.dispatcher.retry, first_backoff_s=0.05)


def telegram_500(fake: FakeTelegram, chat_id: int | str, times: int = 1) -> None:
    """What the Bot API answers when it fails inside: HTTP 500, ``ok: false``."""
    fake.fail_next(
        "sendMessage", chat_id, status=500, description="Internal Server Error", times=times
    )


async def _states(app: App, purpose: str) -> list[str]:
    async with app.core.db.read() as tx:
        rows = await tx.execute_fetchall(
            "SELECT state FROM outbox WHERE purpose = ? ORDER BY id", (purpose,)
        )
    return [str(r[0]) for r in rows]


def _tries_to(fake: FakeTelegram, chat_id: int, needle: str) -> int:
    return sum(
        1
        for method, params in fake.requests
        if method == "sendMessage"
        and str(params.get("chat_id")) == str(chat_id)
        and needle in str(params.get("text"))
    )


async def test_a_500_to_the_asker_is_retried_and_the_officer_is_told_what_happens(
    tmp_path: Path, fake: FakeTelegram
) -> None:
    async with running(make_config(tmp_path, fake), environ(fake)) as app:
        quick_retries(app)
        await ask(fake, f"{PHRASE} is the station open on Sundays?")
        await card_for(fake, 1)
        telegram_500(fake, RESIDENT)
        confirmation = await staff_says(fake, "/answer 1 Yes, from 10 to 4.", "#1 answered")
        answer = await fake.wait_for_sent(to_chat_containing(RESIDENT, ANSWER), WAIT_S)
        await eventually(lambda: outbox_settled(app), what="outbox settled")
        states = await _states(app, "answer")

    assert "Yes, from 10 to 4." in answer.plain_text
    assert _tries_to(fake, RESIDENT, "Answer to your question #1") == 2  # the 500, then sent
    assert [m for m in fake.sent_to(RESIDENT) if ANSWER in m.plain_text] == [answer]
    assert states == ["sent"]
    told = confirmation.plain_text
    assert "Sending it to the asker now; you will be told here if it cannot be delivered." in told
    assert "It will be published to 1 public room when the next session opens." in told
    assert "Sent to the asker" not in told and "Published" not in told
    assert not [m for m in fake.sent_to(STAFF_GROUP) if "could not be" in m.plain_text]


async def test_an_answer_failing_past_the_retry_window_is_given_up_and_officers_told(
    tmp_path: Path, fake: FakeTelegram
) -> None:
    clock = FakeClock(datetime.now(UTC))
    async with running(make_config(tmp_path, fake), environ(fake), clock) as app:
        quick_retries(app)
        await ask(fake, f"{PHRASE} is the station open on Sundays?")
        await card_for(fake, 1)
        telegram_500(fake, RESIDENT, times=1000)
        await staff_says(fake, "/answer 1 Yes, from 10 to 4.", "#1 answered")

        async def retrying() -> bool:
            async with app.core.db.read() as tx:
                rows = await tx.execute_fetchall(
                    "SELECT 1 FROM outbox WHERE purpose = 'answer' AND retry_since IS NOT NULL"
                )
            return bool(list(rows))

        await eventually(retrying, what="the answer's first failure recorded")
        assert await _states(app, "answer") in (["pending"], ["sending"])
        clock.advance(timedelta(hours=25))  # longer than delivery.residents (24h)
        notice = await fake.wait_for_sent(
            to_chat_containing(STAFF_GROUP, "The answer to #1 could not be delivered"), WAIT_S
        )
        given_up = await _states(app, "answer")
        # What the notice says to do works.
        fake.clear_faults()
        again = await staff_says(fake, "/resend 1", "#1: the answer goes to the asker again")
        answer = await fake.wait_for_sent(to_chat_containing(RESIDENT, ANSWER), WAIT_S)
        await eventually(lambda: outbox_settled(app), what="outbox settled")
        finally_states = await _states(app, "answer")

    told = notice.plain_text
    assert "Telegram: given up after 24 h of failures" in told
    assert "Internal Server Error" in told
    assert "To try again, send /resend 1." in told
    assert given_up == ["failed"]
    assert "Sending it to the asker now" in again.plain_text
    assert "Yes, from 10 to 4." in answer.plain_text
    assert finally_states == ["failed", "sent"]
    assert len([m for m in fake.sent_to(RESIDENT) if ANSWER in m.plain_text]) == 1


async def test_a_public_room_that_refuses_the_bot_keeps_its_posts_until_it_is_let_back_in(
    tmp_path: Path, fake: FakeTelegram
) -> None:
    # Issue 14 changed this: a room the bot may not post in is a room's state, and its posts
    # wait for it (they used to fail for good, with a notice in the staff room).
    fake.fail_next(
        "sendMessage",
        PUBLIC_CHANNEL,
        status=403,
        description="Forbidden: bot is not a member of the channel chat",
        times=10,
    )
    config = make_config(tmp_path, fake)
    async with running(config, environ(fake)) as app:
        await staff_says(fake, "/open", "is open until")
        await fake.wait_for_request(
            "sendMessage", lambda p: p.get("chat_id") == PUBLIC_CHANNEL, WAIT_S
        )
        await ask(fake, f"{PHRASE} is the station open on Sundays?")
        await card_for(fake, 1)
        confirmation = await staff_says(fake, "/answer 1 Yes, from 10 to 4.", "#1 answered")
        # The asker still gets the answer.
        await fake.wait_for_sent(to_chat_containing(RESIDENT, ANSWER), WAIT_S)
        await eventually(lambda: _public_waiting(app, 2), what="both posts waiting")
        refused = len(fake.requests_for("sendMessage"))

        fake.clear_faults()
        start = len(fake.sent)
        fake.add_bot(PUBLIC_CHANNEL)
        opening = await fake.wait_for_sent(
            to_chat_containing(PUBLIC_CHANNEL, "now live until"), WAIT_S, start=start
        )
        published = await fake.wait_for_sent(
            to_chat_containing(PUBLIC_CHANNEL, "Yes, from 10 to 4."), WAIT_S, start=start
        )

    assert "Publishing it now to 1 public room." in confirmation.plain_text
    assert opening.message_id < published.message_id  # in the order they were queued
    # One refused send held the room: the answer's post was never tried while it was shut.
    tried = [
        p for p in fake.requests_for("sendMessage")[:refused] if p.get("chat_id") == PUBLIC_CHANNEL
    ]
    assert len(tried) == 1
    assert not [m for m in fake.sent_to(STAFF_GROUP) if "could not be published" in m.plain_text]


async def _public_waiting(app: App, count: int) -> bool:
    async with app.core.db.read() as tx:
        cursor = await tx.execute("SELECT state FROM outbox WHERE chat_id = ?", (PUBLIC_CHANNEL,))
        states = [row[0] for row in await cursor.fetchall()]
    return states == ["pending"] * count


async def test_a_card_that_meets_a_locked_database_is_sent_without_a_restart(
    tmp_path: Path,
    fake: FakeTelegram,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="forumbot.dispatcher")
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 200)
    config = make_config(tmp_path, fake)
    async with running(config, environ(fake)) as app:
        quick_retries(app)
        # The staff room takes one message, then one every 5 s: the second card waits
        # in the dispatcher while the database is taken.
        app.core.dispatcher.pacers["telegram"] = Pacer(
            Pace(1000.0, 1000.0, per_group_per_min=12.0, burst=1)
        )
        await ask(fake, f"{PHRASE} is the station open on Sundays?")
        await card_for(fake, 1)
        start = len(fake.sent)
        await ask(fake, f"{PHRASE} who do I tell about a broken street light?", SECOND_RESIDENT)
        assert not [m for m in fake.sent[start:] if "Question #2" in m.plain_text]

        async def only_the_card_waits() -> bool:
            async with app.core.db.read() as tx:
                rows = await tx.execute_fetchall(
                    "SELECT purpose FROM outbox WHERE state != 'sent' ORDER BY id"
                )
            return [str(r[0]) for r in rows] == ["card"]

        await eventually(only_the_card_waits, what="everything but card 2 recorded as sent")

        # Another process (a backup, an administrator's sqlite3 shell) takes the write lock.
        holder = sqlite3.connect(config.database, isolation_level=None, check_same_thread=False)
        await asyncio.to_thread(holder.execute, "BEGIN IMMEDIATE")
        try:

            async def refused() -> bool:
                return any(
                    "database busy" in r.getMessage()
                    and f"marking chat=telegram:{STAFF_GROUP}" in r.getMessage()
                    for r in caplog.records
                )

            await eventually(refused, what="the dispatcher meeting the lock")
        finally:
            await asyncio.to_thread(holder.execute, "ROLLBACK")
            holder.close()

        card = await card_for(fake, 2, start=start)
        await eventually(lambda: outbox_settled(app), what="outbox settled")
        # The card works as a card: an officer's reply to it answers #2. (The
        # staff group takes one message every 5 s here, and the card's own
        # edit, to "answered", goes before the confirmation: wait for both.)
        start = len(fake.sent)
        fake.group_message(
            STAFF_GROUP, OFFICER, "The council fixes them.", reply_to_message_id=card.message_id
        )
        await fake.wait_for_sent(
            to_chat_containing(SECOND_RESIDENT, "Answer to your question #2"), WAIT_S
        )
        await fake.wait_for_sent(
            to_chat_containing(STAFF_GROUP, "#2 answered"), 3 * WAIT_S, start=start
        )
        cards = await _states(app, "card")

    assert cards == ["sent", "sent"]
    assert len([m for m in fake.sent_to(STAFF_GROUP) if "Question #2" in m.plain_text]) == 1
