"""Malformed arguments through python-telegram-bot against the fake Bot API
(issue 14, kind 7): references SQLite cannot hold, other scripts' digits,
forged button data; and (kind 9) hidden characters. The resident and the
officers are told what was wrong, the press is answered, and no event is set
aside."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store.database import fetch_all
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
    make_config,
    running,
    staff_says,
    to_chat,
)
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(60)

NOT_A_NUMBER = "is not a question number: write it with the digits 0-9, as 12 or #12."
TOO_LARGE = "that number is far larger than any we have."
PRESS_UNKNOWN = "That button no longer does anything. Send /help to see what you can do."


@pytest.fixture
async def app(tmp_path: Path, telegram: FakeTelegram) -> AsyncIterator[App]:
    async with running(make_config(tmp_path, telegram), environ(telegram)) as started:
        yield started


async def _set_aside(app: App) -> list[str]:
    async with app.core.db.read() as tx:
        rows = await fetch_all(tx, "SELECT error FROM inbox WHERE set_aside_at IS NOT NULL")
    return [str(r[0]) for r in rows]


async def test_malformed_references_and_forged_presses_on_telegram(
    telegram: FakeTelegram, app: App
) -> None:
    fake = telegram
    await ask(fake, f"{PHRASE} is Elm Road patrolled?")
    card = await card_for(fake, 1)

    reply = await ask(fake, "/withdraw #99999999999999999999")
    assert reply.plain_text.startswith(
        f"There is no question number “#99999999999999999999”: {TOO_LARGE}"
    )
    reply = await ask(fake, "/withdraw ٣")
    assert reply.plain_text.startswith(f"“٣” {NOT_A_NUMBER}")
    reply = await ask(fake, "/survey ² yes")
    assert reply.plain_text.startswith("“²” is not a consultation number")

    for command in ("/approve 99999999999999999999", "/merge 1 ①", "/whois -1", "/answer ² x"):
        reply = await staff_says(fake, command, "Usage:")
        assert reply.plain_text.endswith((NOT_A_NUMBER, TOO_LARGE)), command
    reply = await staff_says(fake, "/approve " + "9" * 4000, "Usage:")
    assert len(reply.plain_text) < 200
    reply = await staff_says(fake, "/open croydon", "croydon")
    assert reply.plain_text == "There is no forum “croydon” in this room. Use one of: bromley"

    start = len(fake.sent)
    fake.callback_query(STAFF_GROUP, 11111111, card.message_id, "approve:99999999999999999999")
    refused = await fake.wait_for_sent(to_chat(STAFF_GROUP), WAIT_S, start=start)
    assert refused.plain_text.endswith(TOO_LARGE)
    await fake.wait_for_request("answerCallbackQuery", timeout=WAIT_S)

    start = len(fake.sent)
    fake.callback_query(RESIDENT, RESIDENT, 77, "survey:99999999999999999999:0")
    told = await fake.wait_for_sent(to_chat(RESIDENT), WAIT_S, start=start)
    assert told.plain_text == PRESS_UNKNOWN

    assert await _set_aside(app) == []


async def test_a_reversed_question_on_telegram_reads_the_same_everywhere(
    telegram: FakeTelegram, app: App
) -> None:
    """Text hygiene (kind 9) through python-telegram-bot: the card, and the
    public post without the phrase, show the text as it reads."""
    fake = telegram
    await ask(fake, f"{PHRASE}: is \u202eevil\u202c text on Elm\u200bRoad ok?")
    card = await card_for(fake, 1)
    assert f"{PHRASE}: is evil text on ElmRoad ok?" in card.plain_text
    await staff_says(fake, "/open", "is open until")
    start = len(fake.sent)
    await staff_says(fake, "/answer 1 Yes.", "#1 answered")
    post = await fake.wait_for_sent(
        lambda m: to_chat(PUBLIC_CHANNEL)(m) and "Question #1" in m.plain_text, WAIT_S, start=start
    )
    assert "Question #1\nIs evil text on ElmRoad ok?" in post.plain_text
    for message in fake.sent:
        assert not any(c in message.text for c in "\u202e\u202c\u200b")
