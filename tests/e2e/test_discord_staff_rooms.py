"""Where officers work, on Discord (issue 14): a thread under the staff
channel is part of the staff room (commands typed there are carried out and
answered in the thread), also a thread the bot never heard being made, and
a reply to a bot message that is not a card is told so."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store.question import State
from forumbot.app import App
from tests.e2e.discord_setup import (
    OFFICER,
    PHRASE,
    PUBLIC_CHANNEL,
    REFUSED,
    STAFF_CHANNEL,
    STRANGER,
    WAIT_S,
    ask,
    card_for,
    dm_of,
    environ,
    make_config,
    plain,
    running,
    staff_says,
    state_of,
    to,
    to_containing,
)
from tests.fakes.discord_server import FakeDiscord

pytestmark = pytest.mark.timeout(30)

THREAD = "710000000000000500"
PUBLIC_THREAD = "710000000000000501"


@pytest.fixture
def fake(discord_fake: FakeDiscord) -> FakeDiscord:
    return discord_fake


@pytest.fixture
async def app(tmp_path: Path, fake: FakeDiscord) -> AsyncIterator[App]:
    async with running(make_config(tmp_path, fake), environ(fake)) as started:
        yield started


@pytest.mark.parametrize("announced", [True, False], ids=["thread-created", "thread-unseen"])
async def test_answer_typed_in_a_thread_under_the_staff_channel(
    fake: FakeDiscord, app: App, announced: bool
) -> None:
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    await card_for(fake, 1)
    fake.add_thread(STAFF_CHANNEL, THREAD, OFFICER, "speeding", announce=announced)
    start = len(fake.sent)
    typed = fake.channel_message(THREAD, OFFICER, "!answer 1 Yes: checks on Thursday morning.")
    answer = await fake.wait_for_sent(
        to_containing(dm_of(fake), "Answer to your question #1"), WAIT_S, start=start
    )
    assert "Thursday morning" in plain(answer.content)
    confirmation = await fake.wait_for_sent(
        to_containing(THREAD, "#1 answered by"), WAIT_S, start=start
    )
    assert confirmation.message_reference is not None
    assert str(confirmation.message_reference["message_id"]) == typed
    looked_up = fake.requests_for("GET", f"/channels/{THREAD}")
    assert len(looked_up) == (0 if announced else 1)  # an unseen thread is asked for once
    assert not any("answered by" in plain(m.content) for m in fake.sent_to(STAFF_CHANNEL))
    assert await state_of(app, 1) == State.ANSWERED


async def test_a_stranger_in_a_staff_thread_is_refused_there(fake: FakeDiscord, app: App) -> None:
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    await card_for(fake, 1)
    fake.add_thread(STAFF_CHANNEL, THREAD, STRANGER, "question")
    start = len(fake.sent)
    fake.channel_message(THREAD, STRANGER, "!approve 1")
    refused = await fake.wait_for_sent(to(THREAD), WAIT_S, start=start)
    assert plain(refused.content) == REFUSED
    assert await state_of(app, 1) == State.NEW


async def test_a_thread_under_a_public_channel_is_not_a_staff_room(
    fake: FakeDiscord, app: App
) -> None:
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    await card_for(fake, 1)
    fake.add_thread(PUBLIC_CHANNEL, PUBLIC_THREAD, OFFICER, "chat")
    fake.channel_message(PUBLIC_THREAD, OFFICER, "!approve 1")
    # The staff channel's next reply comes after the public thread's message was handled.
    await staff_says(fake, "!queue", "#1")
    assert fake.sent_to(PUBLIC_THREAD) == []
    assert await state_of(app, 1) == State.NEW


async def test_a_reply_to_a_confirmation_is_told_it_is_not_a_card(
    fake: FakeDiscord, app: App
) -> None:
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    await card_for(fake, 1)
    approved = await staff_says(fake, "!approve 1", "#1 approved")
    told = await staff_says(fake, "Yes, Thursday.", "not a question", reply_to=approved.id)
    assert "!answer NUMBER text" in plain(told.content)
    assert await state_of(app, 1) == State.APPROVED


async def test_reject_pressed_twice_tells_the_resident_once(fake: FakeDiscord, app: App) -> None:
    """Kind 6: a double press: two interactions, one rejection, one message to the resident."""
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    card = await card_for(fake, 1)
    start = len(fake.sent)
    fake.press_button(STAFF_CHANNEL, OFFICER, card.id, "reject:1")
    fake.press_button(STAFF_CHANNEL, OFFICER, card.id, "reject:1")
    await fake.wait_for_sent(to_containing(STAFF_CHANNEL, "#1 rejected by"), WAIT_S, start=start)
    again = await fake.wait_for_sent(
        to_containing(STAFF_CHANNEL, "#1 is already rejected"), WAIT_S, start=start
    )
    assert "no one was told again" in plain(again.content)
    told = [m for m in fake.sent_to(dm_of(fake)) if "will not be answered" in plain(m.content)]
    assert len(told) == 1
    assert await state_of(app, 1) == State.REJECTED


async def test_answer_sent_twice_answers_once(fake: FakeDiscord, app: App) -> None:
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    await card_for(fake, 1)
    await staff_says(fake, "!answer 1 On Thursday.", "#1 answered by")
    again = await staff_says(fake, "!answer 1 On Thursday.", "#1 is already answered")
    assert "Nothing was changed" in plain(again.content)
    answers = [
        m for m in fake.sent_to(dm_of(fake)) if "Answer to your question" in plain(m.content)
    ]
    assert len(answers) == 1
