"""Every shape a Discord resident can DM the bot gets an answer, through the
real discord.py client against the fake Discord (issue 14, kind 1):
attachments, voice messages, stickers, embeds, polls and forwards."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from forumbot.app import App
from tests.e2e.discord_setup import (
    PHRASE,
    RESIDENT,
    STAFF_CHANNEL,
    WAIT_S,
    card_for,
    dm_of,
    environ,
    make_config,
    plain,
    running,
    to,
    to_containing,
)
from tests.fakes.discord_server import FakeDiscord, SentMessage

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def fake(discord_fake: FakeDiscord) -> FakeDiscord:
    return discord_fake


@pytest.fixture
async def app(tmp_path: Path, fake: FakeDiscord) -> AsyncIterator[App]:
    async with running(make_config(tmp_path, fake), environ(fake)) as started:
        yield started


async def sends(
    fake: FakeDiscord,
    shape: str,
    content: str = "",
    *,
    forwarded: bool = False,
    user: str = RESIDENT,
) -> str:
    """The resident DMs ``shape``; the plain text of the bot's first reply."""
    start = len(fake.sent)
    fake.dm_shape(user, shape, content, forwarded=forwarded)
    reply: SentMessage = await fake.wait_for_sent(to(dm_of(fake, user)), WAIT_S, start=start)
    return plain(reply.content)


ALONE = {
    "photo": "a photo",
    "gif": "a GIF",
    "video": "a video",
    "audio": "an audio file",
    "document": "a file",
    "voice": "a voice message",
    "sticker": "a sticker",
    "embed": "an embed",
    "poll": "a poll",
}


async def test_each_shape_alone_gets_an_answer_with_999(fake: FakeDiscord, app: App) -> None:
    for number, (shape, named) in enumerate(ALONE.items()):
        user = str(int(RESIDENT) + 100 + number)
        reply = await sends(fake, shape, user=user)
        assert f"I could not pass on what you sent ({named})" in reply, shape
        assert "call 999 now" in reply, shape
        assert "Welcome to the police online forum" in reply, shape
    assert fake.sent_to(STAFF_CHANNEL) == []


async def test_a_question_with_a_photo_is_a_question_and_says_officers_will_not_see_it(
    fake: FakeDiscord, app: App
) -> None:
    ack = await sends(fake, "photo", f"{PHRASE} is this van parked legally?")
    assert "#1" in ack
    assert "Officers will not see a photo, only that you sent it" in ack
    card = await card_for(fake, 1)
    assert "The resident also sent: a photo." in plain(card.content)
    assert "Not shown here" in plain(card.content)


async def test_photos_are_never_copied_on_discord_even_when_the_forum_chooses_it(
    tmp_path: Path, fake: FakeDiscord
) -> None:
    config = make_config(tmp_path, fake)
    forum = dataclasses.replace(config.forums[0], resident_photos="copied_to_staff_rooms")
    async with running(dataclasses.replace(config, forums=(forum,)), environ(fake)):
        ack = await sends(fake, "photo", f"{PHRASE} graffiti on the bridge")
        assert "Officers will not see a photo" in ack  # Discord copies nothing
        card = await card_for(fake, 1)
        assert "Not shown here" in plain(card.content)
        assert not any(m.files for m in fake.sent_to(STAFF_CHANNEL))


async def test_a_forwarded_question_is_read_from_its_snapshot(fake: FakeDiscord, app: App) -> None:
    ack = await sends(fake, "text", f"{PHRASE} is this message a scam?", forwarded=True)
    assert "#1" in ack
    card = await card_for(fake, 1)
    assert "is this message a scam?" in plain(card.content)
    assert "Forwarded message: the words may be someone else's." in plain(card.content)


async def test_a_forwarded_photo_alone_is_answered(fake: FakeDiscord, app: App) -> None:
    reply = await sends(fake, "photo", forwarded=True)
    assert "I could not pass on what you sent (a photo)" in reply


async def test_danger_in_a_forward_gets_999(fake: FakeDiscord, app: App) -> None:
    reply = await sends(
        fake, "text", "someone is breaking into the house next door right now", forwarded=True
    )
    assert "call 999 now" in reply
    await fake.wait_for_sent(to_containing(STAFF_CHANNEL, "URGENT"), WAIT_S)


async def test_a_poll_whose_question_has_the_phrase_is_a_question(
    fake: FakeDiscord, app: App
) -> None:
    ack = await sends(fake, "poll", f"{PHRASE} which road needs a speed check?")
    assert "#1" in ack
    assert "Officers will not see a poll" in ack
