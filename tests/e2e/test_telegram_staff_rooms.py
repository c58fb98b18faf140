"""Where officers work, on Telegram (issue 14): a forum topic of the staff
supergroup is part of the room, the anonymous admin is told why nothing
happened, and a reply to a bot message that is not a card is told so."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store import question as questions
from bot.store.question import State
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
    eventually,
    make_config,
    running,
    staff_says,
    to_chat,
    to_chat_containing,
)
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(30)

TOPIC = 5
NEW_GROUP = -1009876543210  # a group not yet in bot.yaml


@pytest.fixture
def fake(telegram: FakeTelegram) -> FakeTelegram:
    return telegram


@pytest.fixture
async def app(tmp_path: Path, fake: FakeTelegram) -> AsyncIterator[App]:
    async with running(make_config(tmp_path, fake), environ(fake)) as started:
        yield started


async def _state(app: App, ref: int) -> State:
    async with app.core.db.read() as tx:
        question = await questions.get(tx, ref)
    assert question is not None
    return question.state


async def test_a_command_in_a_topic_is_carried_out_and_answered_in_the_topic(
    fake: FakeTelegram, app: App
) -> None:
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    await card_for(fake, 1)
    start = len(fake.sent)
    fake.group_message(STAFF_GROUP, OFFICER, "/answer 1 Yes, on Thursday.", message_thread_id=TOPIC)
    answer = await fake.wait_for_sent(
        to_chat_containing(RESIDENT, "Answer to your question #1"), WAIT_S, start=start
    )
    assert "Thursday" in answer.plain_text
    confirmation = await fake.wait_for_sent(
        to_chat_containing(STAFF_GROUP, "#1 answered by"), WAIT_S, start=start
    )
    assert confirmation.message_thread_id == TOPIC
    assert confirmation.reply_to_message_id is not None
    assert await _state(app, 1) == State.ANSWERED


async def test_talk_in_a_topic_is_left_alone(fake: FakeTelegram, app: App) -> None:
    """A topic's messages "reply" to its creation message: that is not a reply to a card."""
    start = len(fake.sent)
    fake.group_message(STAFF_GROUP, OFFICER, "morning all", message_thread_id=TOPIC)
    fake.group_message(STAFF_GROUP, OFFICER, "/help", message_thread_id=TOPIC)
    helped = await fake.wait_for_sent(to_chat(STAFF_GROUP), WAIT_S, start=start)
    assert "Officer commands" in helped.plain_text and helped.message_thread_id == TOPIC
    assert len(fake.sent_to(STAFF_GROUP)) == 1


async def test_the_anonymous_admin_is_told_why(fake: FakeTelegram, app: App) -> None:
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    await card_for(fake, 1)
    start = len(fake.sent)
    fake.group_message(STAFF_GROUP, OFFICER, "/approve 1", anonymous=True)
    refused = await fake.wait_for_sent(to_chat(STAFF_GROUP), WAIT_S, start=start)
    assert "posting as the group (anonymous admin)" in refused.plain_text
    assert 'Turn off "Remain anonymous"' in refused.plain_text
    assert await _state(app, 1) == State.NEW


async def test_a_reply_to_a_confirmation_is_told_it_is_not_a_card(
    fake: FakeTelegram, app: App
) -> None:
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    await card_for(fake, 1)
    approved = await staff_says(fake, "/approve 1", "#1 approved")
    told = await staff_says(
        fake, "Yes, on Thursday.", "not a question's card", reply_to_message_id=approved.message_id
    )
    assert "/answer NUMBER text" in told.plain_text
    assert await _state(app, 1) == State.APPROVED
    assert not any("Answer to your question" in m.plain_text for m in fake.sent_to(RESIDENT))


async def test_later_pressed_twice_tells_the_resident_once(fake: FakeTelegram, app: App) -> None:
    """Kind 6: two callback queries on the card: one deferral, one message to the resident."""
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    card = await card_for(fake, 1)
    start = len(fake.sent)
    fake.callback_query(STAFF_GROUP, OFFICER, card.message_id, "later:1")
    fake.callback_query(STAFF_GROUP, OFFICER, card.message_id, "later:1")
    await fake.wait_for_sent(
        to_chat_containing(STAFF_GROUP, "#1 marked for follow-up"), WAIT_S, start=start
    )
    await fake.wait_for_sent(
        to_chat_containing(STAFF_GROUP, "#1 is already deferred"), WAIT_S, start=start
    )
    told = [m for m in fake.sent_to(RESIDENT) if "will get back to you" in m.plain_text]
    assert len(told) == 1
    assert await _state(app, 1) == State.DEFERRED


async def test_a_new_groups_id_is_in_the_log_when_a_command_is_sent_there(
    fake: FakeTelegram, app: App, caplog: pytest.LogCaptureFixture
) -> None:
    """docs/telegram.md: an administrator finds a new staff group's id by
    sending /help@thebot there and reading the log; the bot says nothing in
    a group that is no staff room."""
    caplog.set_level("INFO", logger="forumbot")
    needle = f"command ignored: telegram chat {NEW_GROUP} is not a staff room of any forum"

    async def logged() -> bool:
        return any(needle in r.getMessage() for r in caplog.records)

    fake.group_message(NEW_GROUP, OFFICER, "/help@forum_test_bot")
    await eventually(logged, what="the group's id in the log")
    start = len(fake.sent)
    fake.group_message(STAFF_GROUP, OFFICER, "/queue")
    await fake.wait_for_sent(to_chat(STAFF_GROUP), WAIT_S, start=start)
    assert [m for m in fake.sent if str(m.chat_id) == str(NEW_GROUP)] == []
