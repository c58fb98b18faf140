"""A Discord staff card shows where its question stands (issue 15): the real
app, through discord.py, against the fake Discord API. When an officer
approves, the card posted in the staff channel is edited in place (PATCH of
the bot's own message) to lose its Approve button; once answered, it reads
"answered" and has no buttons left; no second card is posted."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from forumbot.app import App
from tests.e2e.discord_setup import (
    PHRASE,
    STAFF_CHANNEL,
    WAIT_S,
    ask,
    card_for,
    environ,
    make_config,
    plain,
    running,
    staff_says,
)
from tests.e2e.telegram_setup import eventually, outbox_settled
from tests.fakes.discord_server import COMPONENT_BUTTON, FakeDiscord

pytestmark = pytest.mark.timeout(30)


@pytest.fixture
def fake(discord_fake: FakeDiscord) -> FakeDiscord:
    return discord_fake


@pytest.fixture
async def app(tmp_path: Path, fake: FakeDiscord) -> AsyncIterator[App]:
    async with running(make_config(tmp_path, fake), environ(fake)) as started:
        yield started


def _buttons(message: dict[str, Any] | None) -> list[str]:
    """The card's buttons as the channel now shows them (their custom ids)."""
    assert message is not None
    found: list[str] = []
    pending = list(message.get("components") or [])
    while pending:
        component = pending.pop(0)
        if component.get("type") == COMPONENT_BUTTON and "custom_id" in component:
            found.append(str(component["custom_id"]))
        pending[0:0] = list(component.get("components") or [])
    return found


def _text(message: dict[str, Any] | None) -> str:
    assert message is not None
    return plain(str(message.get("content") or ""))


async def test_the_posted_card_loses_the_buttons_that_no_longer_apply(
    fake: FakeDiscord, app: App
) -> None:
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    card = await card_for(fake, 1)
    assert _buttons(fake.get_message(card.id)) == ["approve:1", "reject:1", "later:1"]
    assert "· new" in _text(fake.get_message(card.id))

    await staff_says(fake, "!approve 1", "approved")

    async def approve_gone() -> bool:
        return "approve:1" not in _buttons(fake.get_message(card.id))

    await eventually(approve_gone, WAIT_S, "the card lost its Approve button")
    assert _buttons(fake.get_message(card.id)) == ["reject:1", "later:1"]
    assert "· approved" in _text(fake.get_message(card.id))

    await staff_says(fake, "!answer 1 Yes, on Thursdays.", "answered by")

    async def no_buttons() -> bool:
        return _buttons(fake.get_message(card.id)) == []

    await eventually(no_buttons, WAIT_S, "the answered card lost every button")
    now = _text(fake.get_message(card.id))
    assert "· answered" in now
    assert "Elm Road" in now  # still the card, as it was posted
    # No new message in the channel repeats the card: the one posted was edited.
    assert sum("Question #1 ·" in plain(m.content) for m in fake.sent_to(STAFF_CHANNEL)) == 1
    await eventually(lambda: outbox_settled(app), WAIT_S, "the edits were sent")
    edits = fake.requests_for("PATCH", f"/channels/{STAFF_CHANNEL}/messages/{card.id}")
    assert len(edits) == 2
