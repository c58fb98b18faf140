"""The real app against the fake Telegram: a resident's question, the officers' card, the
answer in private and the public post; refusals for non-officers; escaping; long answers."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store import question as questions
from bot.store.question import State
from forumbot.app import App
from tests.e2e.telegram_setup import (
    OFFICER,
    PHRASE,
    PUBLIC_CHANNEL,
    RESIDENT,
    STAFF_GROUP,
    STRANGER,
    WAIT_S,
    ask,
    card_for,
    environ,
    make_config,
    resident_status,
    running,
    staff_says,
    to_chat,
    to_chat_containing,
)
from tests.fakes.telegram_server import MAX_MESSAGE_LENGTH, FakeTelegram

pytestmark = pytest.mark.timeout(30)


@pytest.fixture
def fake(telegram: FakeTelegram) -> FakeTelegram:
    """The platform these tests drive: the shared fake Bot API (tests/conftest.py)."""
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


async def test_question_card_reply_answer_and_public_post(fake: FakeTelegram, app: App) -> None:
    ack = await ask(
        fake,
        f"{PHRASE}: is anything planned about speeding on Elm Road?",
        first_name="Jolene",
        username="jolene_k",
    )
    assert "#1" in ack.plain_text
    assert "not monitored 24/7" in ack.plain_text and "999" in ack.plain_text
    assert "Crimestoppers" in ack.plain_text
    assert ack.parse_mode == "HTML"

    card = await card_for(fake, 1)
    assert re.search(r"\bR-[0-9A-F]{4}\b", card.plain_text)
    assert "jolene" not in card.plain_text.lower()
    assert "Jolene" not in card.text
    assert str(RESIDENT) not in card.plain_text
    assert "speeding on Elm Road" in card.plain_text
    assert card.reply_markup is not None
    data = [b["callback_data"] for row in card.reply_markup["inline_keyboard"] for b in row]
    assert data == ["approve:1", "reject:1", "later:1"]

    await staff_says(fake, "/open", "is open until")
    await fake.wait_for_sent(to_chat_containing(PUBLIC_CHANNEL, "now live until"), WAIT_S)

    start = len(fake.sent)
    fake.group_message(
        STAFF_GROUP,
        OFFICER,
        "Yes: speed checks on Elm Road on Thursday morning.",
        reply_to_message_id=card.message_id,
    )
    answer = await fake.wait_for_sent(
        to_chat_containing(RESIDENT, "Answer to your question #1"), WAIT_S, start=start
    )
    assert "Thursday morning" in answer.plain_text
    post = await fake.wait_for_sent(
        to_chat_containing(PUBLIC_CHANNEL, "Question #1"), WAIT_S, start=start
    )
    assert "speeding on Elm Road" in post.plain_text
    assert "Thursday morning" in post.plain_text
    assert "Answer" in post.plain_text
    assert "jolene" not in post.plain_text.lower()
    assert await _state(app, 1) == State.ANSWERED


async def test_non_officer_changes_nothing(fake: FakeTelegram, app: App) -> None:
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    card = await card_for(fake, 1)

    reply = await staff_says(fake, "/approve 1", user=STRANGER)
    assert reply.plain_text == "Only this forum's officers can do that. Nothing was changed."
    # Told once: the stranger's further refused commands and presses are
    # audited without a reply (refusals are answered sparingly).
    start = len(fake.sent)
    for command in ("/answer 1 x", "/open"):
        fake.group_message(STAFF_GROUP, STRANGER, command)
    fake.callback_query(STAFF_GROUP, STRANGER, card.message_id, "approve:1")
    await fake.wait_for_request("answerCallbackQuery", timeout=WAIT_S)
    queue = await staff_says(fake, "/queue", "Queue")  # processed after all of them
    assert "#1" in queue.plain_text
    after = [m.plain_text for m in fake.sent[start:] if m.chat_id == STAFF_GROUP]
    assert after == [queue.plain_text]

    status = await resident_status(fake)
    assert "#1" in status and "waiting for review" in status
    assert await _state(app, 1) == State.NEW
    assert fake.sent_to(PUBLIC_CHANNEL) == []
    resident_texts = [m.plain_text for m in fake.sent_to(RESIDENT)]
    assert not any("Answer to your question" in t for t in resident_texts)


async def test_user_text_is_escaped_not_markup(fake: FakeTelegram, app: App) -> None:
    hostile = f'{PHRASE} <b>bold</b> <a href="http://evil">x</a> & co'
    literal = '<b>bold</b> <a href="http://evil">x</a> & co'
    await ask(fake, hostile)
    card = await card_for(fake, 1)
    assert literal in card.plain_text
    assert "&lt;b&gt;" in card.text and "<a href" not in card.text
    assert "&amp; co" in card.text

    await staff_says(fake, "/open", "is open until")
    start = len(fake.sent)
    fake.group_message(STAFF_GROUP, OFFICER, "/answer 1 Thanks <i>for</i> asking & see you")
    post = await fake.wait_for_sent(
        to_chat_containing(PUBLIC_CHANNEL, "Question #1"), WAIT_S, start=start
    )
    assert literal in post.plain_text
    assert "&lt;b&gt;" in post.text and "<a href" not in post.text
    assert "Thanks <i>for</i> asking & see you" in post.plain_text
    assert "&lt;i&gt;" in post.text


async def test_long_answer_is_split_at_word_boundaries(fake: FakeTelegram, app: App) -> None:
    await ask(fake, f"{PHRASE} tell me everything about the ward plan")
    await card_for(fake, 1)
    words = [f"w{i:04d}" for i in range(1000)]  # 1000 x 5 chars + spaces: ~6000 chars
    long_answer = " ".join(words)
    assert len(long_answer) > 5000

    start = len(fake.sent)
    fake.group_message(STAFF_GROUP, OFFICER, f"/answer 1 {long_answer}")
    last = await fake.wait_for_sent(
        lambda m: to_chat(RESIDENT)(m) and words[-1] in m.plain_text, WAIT_S, start=start
    )
    parts = [
        m for m in fake.sent[start:] if to_chat(RESIDENT)(m) and m.message_id <= last.message_id
    ]
    assert len(parts) >= 2
    assert "Answer to your question #1" in parts[0].plain_text
    for part in parts:
        assert len(part.plain_text) <= MAX_MESSAGE_LENGTH
        # Each part starts and ends at a whole word.
        assert re.fullmatch(r"\S.*\S", part.plain_text, re.S)
    joined = " ".join(p.plain_text for p in parts)
    received = re.findall(r"\bw\d{4}\b", joined)
    assert received == words


async def test_an_answer_of_emoji_is_split_as_telegram_counts(fake: FakeTelegram, app: App) -> None:
    """3,600 characters, but 4,800 UTF-16 code units: one message by the
    characters, which Telegram refuses ("message is too long"); split by the
    sender's own measure, every part arrives."""
    await ask(fake, f"{PHRASE} how did the car wash go?")
    await card_for(fake, 1)
    words = [f"\U0001f693\U0001f693{i:03d}" for i in range(600)]
    long_answer = " ".join(words)
    assert len(long_answer) < MAX_MESSAGE_LENGTH < len(long_answer.encode("utf-16-le")) // 2

    start = len(fake.sent)
    fake.group_message(STAFF_GROUP, OFFICER, f"/answer 1 {long_answer}")
    last = await fake.wait_for_sent(
        lambda m: to_chat(RESIDENT)(m) and words[-1] in m.plain_text, WAIT_S, start=start
    )
    parts = [
        m for m in fake.sent[start:] if to_chat(RESIDENT)(m) and m.message_id <= last.message_id
    ]
    assert len(parts) == 2
    assert "Answer to your question #1" in parts[0].plain_text
    for part in parts:
        assert len(part.plain_text.encode("utf-16-le")) // 2 <= MAX_MESSAGE_LENGTH
    received = re.findall(r"\U0001f693\U0001f693\d{3}", " ".join(p.plain_text for p in parts))
    assert received == words
    assert await _state(app, 1) == State.ANSWERED
