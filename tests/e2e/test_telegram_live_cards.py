"""A Telegram staff card shows where its question stands (issue 15): the real
app, through python-telegram-bot, against the fake Bot API. When an officer
approves, the card posted in the staff group is edited in place to lose its
Approve button; once answered, it reads "answered" and has no buttons."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from forumbot.app import App
from tests.e2e.telegram_setup import (
    PHRASE,
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
)
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(30)


@pytest.fixture
def fake(telegram: FakeTelegram) -> FakeTelegram:
    return telegram


@pytest.fixture
async def app(tmp_path: Path, fake: FakeTelegram) -> AsyncIterator[App]:
    async with running(make_config(tmp_path, fake), environ(fake)) as started:
        yield started


def _buttons(message: dict[str, Any] | None) -> list[str]:
    """The card's buttons as the group now shows them (their callback data)."""
    assert message is not None
    markup = message.get("reply_markup") or {}
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]


async def test_the_posted_card_loses_the_buttons_that_no_longer_apply(
    fake: FakeTelegram, app: App
) -> None:
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    card = await card_for(fake, 1)
    assert _buttons(fake.get_message(STAFF_GROUP, card.message_id)) == [
        "approve:1",
        "reject:1",
        "later:1",
    ]

    await staff_says(fake, "/approve 1", "approved")

    async def approve_gone() -> bool:
        return "approve:1" not in _buttons(fake.get_message(STAFF_GROUP, card.message_id))

    await eventually(approve_gone, WAIT_S, "the card lost its Approve button")
    now = fake.get_message(STAFF_GROUP, card.message_id)
    assert _buttons(now) == ["reject:1", "later:1"]
    assert now is not None and "· approved" in str(now["text"])

    await staff_says(fake, "/answer 1 Yes, on Thursdays.", "answered by")

    async def no_buttons() -> bool:
        return _buttons(fake.get_message(STAFF_GROUP, card.message_id)) == []

    await eventually(no_buttons, WAIT_S, "the answered card lost every button")
    now = fake.get_message(STAFF_GROUP, card.message_id)
    assert now is not None and "· answered" in str(now["text"])
    assert "Elm Road" in str(now["text"])  # still the card, as it was posted
    # No new message in the group repeats the card: the one posted was edited.
    assert sum("Question #1 ·" in m.plain_text for m in fake.sent_to(STAFF_GROUP)) == 1
    await eventually(lambda: outbox_settled(app), WAIT_S, "the edits were sent")
    assert len(fake.requests_for("editMessageText")) == 2


async def test_a_folded_urgent_message_is_added_to_the_card_posted(
    fake: FakeTelegram, app: App
) -> None:
    """A resident's further urgent messages are not new cards: the URGENT
    card already in the group is edited to carry them ("+N more")."""
    await ask(fake, f"{PHRASE} someone is breaking into my house right now")
    card = await card_for(fake, 1)
    await eventually(lambda: outbox_settled(app), WAIT_S, "the card was sent")
    await ask(fake, f"{PHRASE} he has a knife and is coming up the stairs now")

    async def carries_the_second() -> bool:
        now = fake.get_message(STAFF_GROUP, card.message_id)
        return now is not None and "coming up the stairs" in str(now["text"])

    await eventually(carries_the_second, WAIT_S, "the card carries the second message")
    now = fake.get_message(STAFF_GROUP, card.message_id)
    assert now is not None
    text = str(now["text"])
    assert "+1 more urgent message from the same resident" in text
    assert "breaking into my house" in text and "URGENT" in text
    assert _buttons(now) == ["seen:1", "approve:1", "reject:1", "later:1"]
    assert sum("Question #" in m.plain_text for m in fake.sent_to(STAFF_GROUP)) == 1
