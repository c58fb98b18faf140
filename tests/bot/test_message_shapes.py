"""Every shape a platform delivers to a private chat gets an answer: words,
captions, attachments alone, forwards, and the per-forum choice of copying
photos into the staff room (issue 14, kind 1). The core's side; the real
clients' side is in tests/e2e/test_shapes_telegram.py and
test_shapes_discord.py."""

from __future__ import annotations

from bot.edge.chat import ChatRef
from bot.edge.inbound import Attachment
from bot.edge.rich import plain
from bot.store import question as questions
from bot.store.database import fetch_one
from tests.support.core_harness import STAFF_CHAT, CoreHarness, HarnessFactory

RESIDENT = "5001"
PHRASE = "Bromley Police Online Forum"


async def sends(
    h: CoreHarness, text: str, *kinds: Attachment, forwarded: bool = False, user: str = RESIDENT
) -> list[str]:
    """``user`` sends ``text`` (a caption when there are ``kinds``) with
    attachments of ``kinds``; the plain texts sent back to them."""
    before = len(h.sender.sent)
    event = h._event(
        ChatRef("telegram", user, "private"),
        user,
        text,
        attachments=tuple(k.value for k in kinds),
        forwarded=forwarded,
    )
    await h.deliver(event)
    return [plain(m.body) for m in h.sender.sent[before:] if m.chat.chat_id == user]


async def test_every_attachment_alone_gets_a_reply_with_what_to_do(h: CoreHarness) -> None:
    for kind in Attachment:
        replies = await sends(h, "", kind)
        assert len(replies) == 1, kind
        assert "I could not pass on what you sent" in replies[0], kind
        assert "call 999 now" in replies[0], kind  # the danger line, every time
        assert "Start your message with the forum's name" in replies[0], kind
    assert h.texts_to(STAFF_CHAT) == []  # nothing reached officers


async def test_the_reply_names_what_was_sent(h: CoreHarness) -> None:
    assert "(a voice message)" in (await sends(h, "", Attachment.VOICE))[0]
    assert "(a sticker)" in (await sends(h, "", Attachment.STICKER))[0]
    assert "(a location)" in (await sends(h, "", Attachment.LOCATION))[0]
    assert "(a contact)" in (await sends(h, "", Attachment.CONTACT))[0]
    assert (
        "(photos, a voice message)"  # two photos: "photos" (issue 14, albums)
        in (await sends(h, "", Attachment.PHOTO, Attachment.PHOTO, Attachment.VOICE))[0]
    )


async def test_first_message_a_sticker_still_gets_the_welcome(h: CoreHarness) -> None:
    replies = await sends(h, "", Attachment.STICKER)
    assert "Welcome to the police online forum" in replies[0]
    assert "not monitored 24/7" in replies[0]


async def test_question_in_a_caption_is_a_question_and_the_photo_is_not_lost(
    h: CoreHarness,
) -> None:
    replies = await sends(h, f"{PHRASE} is this van parked legally?", Attachment.PHOTO)
    assert len(replies) == 1
    assert "Your question to Bromley Police Online Forum is #1" in replies[0]
    assert "Officers will not see a photo, only that you sent it" in replies[0]
    card = h.texts_to(STAFF_CHAT)
    assert len(card) == 1
    assert "The resident also sent: a photo." in card[0]
    assert "Not shown here" in card[0]
    assert "is this van parked legally?" in card[0]
    assert not any(m.copy_from for m in h.messages_to(STAFF_CHAT))  # the default: no copy


async def test_danger_in_a_caption_gets_999_first(h: CoreHarness) -> None:
    replies = await sends(h, "someone is breaking in right now", Attachment.PHOTO)
    assert "call 999 now" in replies[0]
    assert "URGENT" in h.texts_to(STAFF_CHAT)[0]
    assert "The resident also sent: a photo." in h.texts_to(STAFF_CHAT)[0]


async def test_words_without_phrase_and_a_file_say_the_file_was_not_passed_on(
    h: CoreHarness,
) -> None:
    replies = await sends(h, "see attached", Attachment.DOCUMENT)
    assert "I could not pass on what you sent (a file)" in replies[0]
    assert "How to ask" in replies[0]


async def test_photos_copied_when_the_forum_chooses_it(make_harness: HarnessFactory) -> None:
    h = await make_harness(resident_photos="copied_to_staff_rooms")
    replies = await sends(h, f"{PHRASE} this graffiti on the bridge", Attachment.PHOTO)
    assert "Officers will also see a photo" in replies[0]
    assert "never published" in replies[0]
    sent = h.messages_to(STAFF_CHAT)
    assert len(sent) == 2
    card, copy = sent
    assert "The photo is copied below this card" in plain(card.body)
    assert copy.copy_from is not None
    assert copy.copy_from[0] == RESIDENT  # the resident's chat, and their message's id
    asked = await _only_question(h)
    assert "Photo sent with question #1" in plain(copy.body)
    assert asked.attachments == ("photo",)


async def test_only_photos_are_copied_other_kinds_are_named(make_harness: HarnessFactory) -> None:
    h = await make_harness(resident_photos="copied_to_staff_rooms")
    replies = await sends(h, f"{PHRASE} listen to this", Attachment.VOICE, Attachment.PHOTO)
    assert "Officers will also see a photo" in replies[0]
    assert "Officers will not see a voice message" in replies[0]
    assert len(h.messages_to(STAFF_CHAT)) == 2


async def test_a_voice_note_with_a_phrase_caption_only_is_not_copied(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(resident_photos="copied_to_staff_rooms")
    replies = await sends(h, f"{PHRASE} listen", Attachment.VOICE)
    assert "Officers will not see a voice message" in replies[0]
    assert len(h.messages_to(STAFF_CHAT)) == 1


async def test_a_forwarded_question_is_taken_and_the_card_says_forwarded(
    h: CoreHarness,
) -> None:
    replies = await sends(h, f"{PHRASE} is this text message a scam?", forwarded=True)
    assert "#1" in replies[0]
    assert "Forwarded message: the words may be someone else's" in h.texts_to(STAFF_CHAT)[0]


async def test_a_question_survives_a_restart_with_its_attachments(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness()
    await sends(h, f"{PHRASE} what is this?", Attachment.PHOTO, Attachment.LOCATION)
    await h.close()
    again = await make_harness()
    asked = await _only_question(again)
    assert asked.attachments == ("photo", "location")


async def test_an_officers_photo_in_the_staff_room_is_chatter(h: CoreHarness) -> None:
    before = len(h.sender.sent)
    await h.deliver(
        h._event(ChatRef("telegram", STAFF_CHAT, "group"), "11111111", "", attachments=("photo",))
    )
    assert h.sender.sent[before:] == []


async def test_a_photo_reply_to_a_card_tells_the_officer_nothing_was_sent(
    h: CoreHarness,
) -> None:
    await sends(h, f"{PHRASE} when is the next meeting?")
    before = len(h.sender.sent)
    await h.deliver(
        h._event(
            ChatRef("telegram", STAFF_CHAT, "group"),
            "11111111",
            "",
            attachments=("photo",),
            reply_to_message_id=await _card_message_id(h),
        )
    )
    said = [plain(m.body) for m in h.sender.sent[before:]]
    assert len(said) == 1 and "an answer to #1 needs words" in said[0]
    assert h.texts_to(RESIDENT)[-1].startswith("Thank you")  # no answer went to the resident


async def test_a_captioned_photo_reply_answers_and_says_the_photo_stayed(h: CoreHarness) -> None:
    await sends(h, f"{PHRASE} when is the next meeting?")
    card = await _card_message_id(h)
    said = await _staff(h, "The next meeting is on Tuesday.", card, ("photo",))
    assert any("a photo was not sent to them" in s for s in said)
    asked = await _only_question(h)
    assert asked.state is questions.State.ANSWERED


async def _staff(
    h: CoreHarness, text: str, reply_to: str, attachments: tuple[str, ...]
) -> list[str]:
    before = len(h.sender.sent)
    await h.deliver(
        h._event(
            ChatRef("telegram", STAFF_CHAT, "group"),
            "11111111",
            text,
            attachments=attachments,
            reply_to_message_id=reply_to,
        )
    )
    return [plain(m.body) for m in h.sender.sent[before:] if m.chat.chat_id == STAFF_CHAT]


async def _card_message_id(h: CoreHarness) -> str:
    """The platform id of the one card sent."""
    async with h.core.db.transaction() as tx:
        row = await fetch_one(tx, "SELECT message_id FROM card_message LIMIT 1")
    assert row is not None
    return str(row[0])


async def _only_question(h: CoreHarness) -> questions.Question:
    async with h.core.db.transaction() as tx:
        asked = await questions.get(tx, 1)
    assert asked is not None
    return asked
