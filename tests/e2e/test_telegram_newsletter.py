"""The newsletter through the real app (issue 17), before e-mail: a Telegram
resident who chose it gets it, headings bold, the day after the session by
the schedule the app derives when it starts; an officer previews it; a
restart sends it no second time. The app runs on a clock the test moves
between runs (its scheduler fires what is due when it starts)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.edge.clock import FakeClock
from tests.e2e.telegram_setup import (
    PHRASE,
    PUBLIC_CHANNEL,
    RESIDENT,
    STAFF_GROUP,
    WAIT_S,
    ask,
    card_for,
    environ,
    make_config,
    running,
    staff_says,
    to_chat,
    to_chat_containing,
)
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(60)

OTHER = 5_000_777  # chose appeals only
ANSWER = "We patrol Elm Road on Fridays now."
LETTER = "Forum: newsletter\n\nNews from"  # the start of the newsletter itself


@pytest.fixture
def fake(telegram: FakeTelegram) -> FakeTelegram:
    """The platform these tests drive: the shared fake Bot API (tests/conftest.py)."""
    return telegram


async def _choose(fake: FakeTelegram, user: int, alert_type: str) -> None:
    chooser = await ask(fake, "/subscribe", user=user)
    start = len(fake.sent)
    fake.callback_query(user, user, chooser.message_id, f"sub:t:bromley:{alert_type}")
    await fake.wait_for_sent(to_chat_containing(user, ": on"), WAIT_S, start=start)


def _next_morning(closed: datetime) -> datetime:
    """10:00 London on the day after ``closed``: the default schedule's time."""
    london = ZoneInfo("Europe/London")
    day = closed.astimezone(london).date() + timedelta(days=1)
    return datetime.combine(day, time(10, 0), london).astimezone(UTC)


async def test_the_day_after_a_session_the_app_sends_the_newsletter_once(
    tmp_path: Path, fake: FakeTelegram
) -> None:
    config = make_config(tmp_path, fake)
    closed = datetime.now(UTC).replace(microsecond=0)
    clock = FakeClock(closed)
    async with running(config, environ(fake), clock):
        await _choose(fake, RESIDENT, "newsletter")
        await _choose(fake, OTHER, "appeals")
        await ask(fake, f"{PHRASE} why do cars park on the pavement on Elm Road?", user=4242)
        await card_for(fake, 1)
        await staff_says(fake, "/open", "live until")
        start = len(fake.sent)
        await staff_says(fake, f"/answer 1 {ANSWER}", "#1")
        await fake.wait_for_sent(to_chat_containing(PUBLIC_CHANNEL, ANSWER), WAIT_S, start=start)
        await staff_says(fake, "/close", "is closed")
        preview = await staff_says(fake, "/newsletter", "as it would go now")
        assert "to 1 subscriber (1 on Telegram). To send it: /newsletter send bromley" in (
            preview.plain_text
        )
        assert ANSWER in preview.plain_text
    assert not [m for m in fake.sent if to_chat(RESIDENT)(m) and LETTER in m.plain_text]

    clock.set(_next_morning(closed) + timedelta(minutes=1))
    start = len(fake.sent)
    async with running(config, environ(fake), clock):
        letter = await fake.wait_for_sent(
            to_chat_containing(RESIDENT, "newsletter", ANSWER), WAIT_S, start=start
        )
        assert letter.text.startswith("<b>Bromley Police Online Forum: newsletter</b>")
        assert "<b>Answers from the live session of " in letter.text
        assert "Question #1: " in letter.plain_text
        assert "cars park on the pavement on Elm Road?\nAnswer: " + ANSWER in letter.plain_text
        assert "To stop newsletter alerts: /unsubscribe newsletter." in letter.plain_text
        await fake.wait_for_sent(
            to_chat_containing(STAFF_GROUP, "newsletter (#1, alert #", "as its schedule says"),
            WAIT_S,
            start=start,
        )
    assert not [m for m in fake.sent[start:] if to_chat(OTHER)(m)]

    clock.advance(timedelta(minutes=5))
    start = len(fake.sent)
    async with running(config, environ(fake), clock):  # a restart: not sent again
        await ask(fake, "/subscriptions")
        again = await staff_says(fake, "/newsletter send", "Nothing new")
        assert "since the last one" in again.plain_text
    assert not [m for m in fake.sent[start:] if LETTER in m.plain_text]
