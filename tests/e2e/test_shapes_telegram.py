"""Every shape a Telegram resident can send to the bot gets an answer, through
the real python-telegram-bot client against the fake Bot API (issue 14,
kind 1): attachments alone, captions, forwards, polls, and a photo copied
into the staff room when the forum chooses it."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from forumbot.app import App
from tests.e2e.telegram_setup import (
    PHRASE,
    RESIDENT,
    STAFF_GROUP,
    WAIT_S,
    card_for,
    environ,
    eventually,
    make_config,
    running,
    to_chat,
    to_chat_containing,
)
from tests.fakes.telegram_server import FakeTelegram, SentMessage

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def fake(telegram: FakeTelegram) -> FakeTelegram:
    return telegram


@pytest.fixture
async def app(tmp_path: Path, fake: FakeTelegram) -> AsyncIterator[App]:
    async with running(make_config(tmp_path, fake), environ(fake)) as started:
        yield started


async def sends(
    fake: FakeTelegram,
    shape: str,
    caption: str | None = None,
    *,
    forwarded: bool = False,
    user: int = RESIDENT,
) -> SentMessage:
    """The resident sends ``shape``; the bot's first reply to them."""
    start = len(fake.sent)
    fake.private_shape(user, shape, caption=caption, forwarded=forwarded)
    return await fake.wait_for_sent(to_chat(user), WAIT_S, start=start)


# Each shape alone, and how the reply names it.
ALONE = {
    "photo": "a photo",
    "video": "a video",
    "video_note": "a video",
    "voice": "a voice message",
    "audio": "an audio file",
    "document": "a file",
    "sticker": "a sticker",
    "animation": "a GIF",
    "location": "a location",
    "venue": "a location",
    "contact": "a contact",
    "dice": "something other than words",
}


async def test_each_shape_alone_gets_an_answer_with_999(fake: FakeTelegram, app: App) -> None:
    """A first message that is only a voice note, a sticker, a photo... is
    answered: what was not passed on, what to do instead, 999. Officers get
    nothing."""
    for number, (shape, named) in enumerate(ALONE.items()):
        reply = await sends(fake, shape, user=RESIDENT + number)
        assert f"I could not pass on what you sent ({named})" in reply.plain_text, shape
        assert "call 999 now" in reply.plain_text, shape
        assert "Welcome to the police online forum" in reply.plain_text, shape
        assert f'"{PHRASE} is there' in reply.plain_text, shape  # what to send instead
    assert fake.sent_to(STAFF_GROUP) == []


async def test_a_gif_is_one_animation_not_also_a_file(fake: FakeTelegram, app: App) -> None:
    reply = await sends(fake, "animation")
    assert "(a GIF)" in reply.plain_text
    assert "a file" not in reply.plain_text


async def test_a_question_in_a_photo_caption_is_a_question(fake: FakeTelegram, app: App) -> None:
    ack = await sends(fake, "photo", f"{PHRASE} is this van parked legally?")
    assert "Your question to Bromley Police Online Forum is #1" in ack.plain_text
    assert "Officers will not see a photo, only that you sent it" in ack.plain_text
    card = await card_for(fake, 1)
    assert "The resident also sent: a photo." in card.plain_text
    assert "is this van parked legally?" in card.plain_text
    assert fake.requests_for("copyMessage") == []  # the default: photos are not shown


async def test_a_question_in_a_voice_note_caption_says_officers_cannot_hear_it(
    fake: FakeTelegram, app: App
) -> None:
    ack = await sends(fake, "voice", f"{PHRASE} what I heard last night")
    assert "#1" in ack.plain_text
    assert "Officers will not see a voice message" in ack.plain_text
    card = await card_for(fake, 1)
    assert "The resident also sent: a voice message." in card.plain_text


async def test_danger_in_a_caption_gets_999_and_an_urgent_card(
    fake: FakeTelegram, app: App
) -> None:
    reply = await sends(fake, "photo", "someone is breaking into my neighbour's house right now")
    assert "call 999 now" in reply.plain_text
    card = await fake.wait_for_sent(to_chat_containing(STAFF_GROUP, "URGENT"), WAIT_S)
    assert "The resident also sent: a photo." in card.plain_text


async def test_a_forwarded_question_is_taken_and_marked(fake: FakeTelegram, app: App) -> None:
    ack = await sends(fake, "text", f"{PHRASE} is this message a scam?", forwarded=True)
    assert "#1" in ack.plain_text
    card = await card_for(fake, 1)
    assert "Forwarded message: the words may be someone else's." in card.plain_text


async def test_a_poll_is_answered_and_its_question_can_be_a_question(
    fake: FakeTelegram, app: App
) -> None:
    reply = await sends(fake, "poll")
    assert "I could not pass on what you sent (a poll)" in reply.plain_text
    assert "How to ask" in reply.plain_text
    ack = await sends(fake, "poll", f"{PHRASE} which road needs a speed check?")
    assert "#1" in ack.plain_text
    assert "Officers will not see a poll" in ack.plain_text
    card = await card_for(fake, 1)
    assert "which road needs a speed check?" in card.plain_text


async def test_photo_copied_into_the_staff_room_when_the_forum_chooses_it(
    tmp_path: Path, fake: FakeTelegram
) -> None:
    config = make_config(tmp_path, fake)
    forum = dataclasses.replace(config.forums[0], resident_photos="copied_to_staff_rooms")
    config = dataclasses.replace(config, forums=(forum,))
    async with running(config, environ(fake)):
        ack = await sends(fake, "photo", f"{PHRASE} graffiti on the railway bridge")
        assert "Officers will also see a photo" in ack.plain_text
        assert "never published" in ack.plain_text
        card = await card_for(fake, 1)
        assert "The photo is copied below this card" in card.plain_text
        copy = await fake.wait_for_sent(
            to_chat_containing(STAFF_GROUP, "Photo sent with question #1"), WAIT_S
        )
        assert copy.params["from_chat_id"] == RESIDENT
        assert "photo" in copy.params["copied"]  # Telegram copied the resident's photo itself
        assert copy.message_id > card.message_id  # next to its card, after it


async def _replies_settle(fake: FakeTelegram, start: int, app: App) -> list[SentMessage]:
    """What the bot sent the resident since ``start``, once every update is confirmed to
    Telegram (stored), processed, and what it queued sent."""

    async def processed() -> bool:
        if fake.pending_updates:
            return False
        async with app.core.db.read() as tx:
            rows = await tx.execute_fetchall("SELECT 1 FROM inbox WHERE processed_at IS NULL")
        return not list(rows)

    await eventually(processed, what="every update processed")
    await app.core.dispatcher.flush(WAIT_S)
    return [m for m in fake.sent[start:] if to_chat(RESIDENT)(m)]


async def test_an_album_with_a_question_is_one_question_with_photos_and_one_reply(
    fake: FakeTelegram, app: App
) -> None:
    """Three photos sent together arrive as three updates sharing a media_group_id, the
    caption on the first: one question, one acknowledgement, a card that says photos."""
    start = len(fake.sent)
    fake.private_album(RESIDENT, 3, caption=f"{PHRASE} these cars block the school gate daily")
    ack = await fake.wait_for_sent(to_chat(RESIDENT), WAIT_S, start=start)
    assert "Your question to Bromley Police Online Forum is #1" in ack.plain_text
    assert "Officers will not see photos, only that you sent them" in ack.plain_text
    card = await card_for(fake, 1)
    assert "The resident also sent: photos." in card.plain_text
    assert await _replies_settle(fake, start, app) == [ack]  # no reply per extra photo
    async with app.core.db.read() as tx:
        rows = await tx.execute_fetchall("SELECT id, attachments FROM question")
    assert [tuple(r) for r in rows] == [(1, "photo,photo,photo")]


async def test_an_album_without_words_gets_one_reply(fake: FakeTelegram, app: App) -> None:
    start = len(fake.sent)
    fake.private_album(RESIDENT, 4)
    reply = await fake.wait_for_sent(to_chat(RESIDENT), WAIT_S, start=start)
    assert "I could not pass on what you sent (photos)" in reply.plain_text
    assert await _replies_settle(fake, start, app) == [reply]
    assert fake.sent_to(STAFF_GROUP) == []


async def test_each_photo_of_an_album_is_copied_when_the_forum_chooses_it(
    tmp_path: Path, fake: FakeTelegram
) -> None:
    config = make_config(tmp_path, fake)
    forum = dataclasses.replace(config.forums[0], resident_photos="copied_to_staff_rooms")
    config = dataclasses.replace(config, forums=(forum,))
    async with running(config, environ(fake)) as app:
        start = len(fake.sent)
        updates = fake.private_album(RESIDENT, 2, caption=f"{PHRASE} graffiti on the bridge")
        ack = await fake.wait_for_sent(to_chat(RESIDENT), WAIT_S, start=start)
        assert "Officers will also see photos: they are copied" in ack.plain_text
        card = await card_for(fake, 1)
        assert "The photos are copied below this card" in card.plain_text
        assert await _replies_settle(fake, start, app) == [ack]
        copies = [
            m for m in fake.sent_to(STAFF_GROUP) if "Photo sent with question #1" in m.plain_text
        ]
    assert len(updates) == 2
    assert len(copies) == 2
    assert len({c.params["message_id"] for c in copies}) == 2  # each photo, once
