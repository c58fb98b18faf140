"""Data rights and officers' asker tools through the real python-telegram-bot client:
/mydata, /forget with its confirmation, /whois and /block in the staff group."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store import question as questions
from bot.store.database import fetch_all
from forumbot.app import App
from tests.e2e.telegram_setup import (
    OFFICER,
    PHRASE,
    RESIDENT,
    STAFF_GROUP,
    WAIT_S,
    ask,
    card_for,
    environ,
    make_config,
    running,
    staff_says,
    to_chat_containing,
)
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(30)


@pytest.fixture
def fake(telegram: FakeTelegram) -> FakeTelegram:
    """The platform these tests drive: the shared fake Bot API (tests/conftest.py)."""
    return telegram


@pytest.fixture
async def app(tmp_path: Path, fake: FakeTelegram) -> AsyncIterator[App]:
    async with running(make_config(tmp_path, fake), environ(fake)) as started:
        yield started


async def test_mydata_then_forget_with_confirmation(fake: FakeTelegram, app: App) -> None:
    fake.private_message(RESIDENT, f"{PHRASE} is <b>Elm Road</b> patrolled?", username="jo_k")
    card = await card_for(fake, 1)
    assert "jo_k" not in card.plain_text and str(RESIDENT) not in card.plain_text

    mine = await ask(fake, "/mydata", username="jo_k")
    assert "What we hold about you" in mine.plain_text
    assert f"Telegram user {RESIDENT} (@jo_k)" in mine.plain_text
    assert "As you wrote it: " + PHRASE + " is <b>Elm Road</b> patrolled?" in mine.plain_text
    assert "&lt;b&gt;Elm Road&lt;/b&gt;" in (mine.text or "")  # escaped, not markup

    ask_first = await ask(fake, "/forget", username="jo_k")
    assert "To go ahead, send /forget confirm" in ask_first.plain_text
    start = len(fake.sent)
    done = await ask(fake, "/forget confirm", username="jo_k")
    assert "We no longer hold your account details" in done.plain_text
    assert "Withdrawn because not yet answered: #1." in done.plain_text
    await fake.wait_for_sent(
        to_chat_containing(STAFF_GROUP, "#1 was withdrawn by the asker"), WAIT_S, start=start
    )
    async with app.core.db.read() as tx:
        assert await fetch_all(tx, "SELECT * FROM resident") == []
        q = await questions.get(tx, 1)
    assert q is not None and q.resident_id is None and q.text == "[erased]"


async def test_whois_and_block_in_the_staff_group(fake: FakeTelegram, app: App) -> None:
    fake.private_message(RESIDENT, f"{PHRASE} first question", username="jo_k")
    await card_for(fake, 1)
    who = await staff_says(fake, "/whois 1", "#1 was asked by")
    assert f"Telegram user {RESIDENT} (@jo_k)" in who.plain_text
    await staff_says(fake, "/block #1", "is blocked by", user=OFFICER)
    told = await ask(fake, f"{PHRASE} second question")
    assert "you can no longer use this forum" in told.plain_text
    async with app.core.db.read() as tx:
        held = await questions.get(tx, 2)
    assert held is not None and held.text.endswith("second question")
