"""Edits and deletions through the real clients (issue 14, kind 2): Telegram's
edited_message (asked for in allowed_updates) and Discord's MESSAGE_UPDATE
update a question officers have not acted on, with a card that replaces the
old; a Discord link preview is not an edit; a deletion changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.store.question import State
from tests.e2e import discord_setup as dc
from tests.e2e import telegram_setup as tg
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(60)

PHRASE = tg.PHRASE


async def test_telegram_edit_before_review_updates_the_card(
    tmp_path: Path, telegram: FakeTelegram
) -> None:
    fake = telegram
    async with tg.running(tg.make_config(tmp_path, fake), tg.environ(fake)):
        await tg.ask(fake, f"{PHRASE} a van has been parked on my road for weeks, who do I tell?")
        first = await tg.card_for(fake, 1)
        assert "URGENT" not in first.plain_text
        asked = fake.last_message_of(tg.RESIDENT)
        start = len(fake.sent)
        fake.edit_private_message(
            tg.RESIDENT, asked, f"{PHRASE} there is a man outside my house with a knife"
        )
        await fake.wait_for_sent(
            tg.to_chat_containing(tg.RESIDENT, "call 999 now"), tg.WAIT_S, start=start
        )
        await fake.wait_for_sent(
            tg.to_chat_containing(tg.RESIDENT, "now reads as you edited it"), tg.WAIT_S, start=start
        )
        card = await fake.wait_for_sent(
            tg.to_chat_containing(tg.STAFF_GROUP, "Edited by the resident", "URGENT"),
            tg.WAIT_S,
            start=start,
        )
        assert "with a knife" in card.plain_text
        assert "edited_message" in (fake.allowed_updates or [])
        assert fake.unwanted_updates == []

        # The card posted first is edited in place to read the new words:
        # an officer scrolling up does not act on the old ones (issue 15).
        async def first_card_rewritten() -> bool:
            now = fake.get_message(tg.STAFF_GROUP, first.message_id)
            return now is not None and "with a knife" in str(now["text"])

        await tg.eventually(first_card_rewritten, tg.WAIT_S, "the first card was rewritten")
        rewritten = fake.get_message(tg.STAFF_GROUP, first.message_id)
        assert rewritten is not None
        assert "Edited by the resident" in str(rewritten["text"])
        assert "URGENT" in str(rewritten["text"])


async def test_telegram_edit_after_review_asks_for_a_new_message(
    tmp_path: Path, telegram: FakeTelegram
) -> None:
    fake = telegram
    async with tg.running(tg.make_config(tmp_path, fake), tg.environ(fake)):
        await tg.ask(fake, f"{PHRASE} when is the next meeting?")
        await tg.card_for(fake, 1)
        await tg.staff_says(fake, "/approve 1", "#1")
        asked = fake.last_message_of(tg.RESIDENT)
        start = len(fake.sent)
        fake.edit_private_message(tg.RESIDENT, asked, f"{PHRASE} when is the meeting in Penge?")
        reply = await fake.wait_for_sent(tg.to_chat(tg.RESIDENT), tg.WAIT_S, start=start)
        assert "Officers have already started on question #1" in reply.plain_text


async def test_telegram_edit_of_a_photo_caption_adding_the_phrase_is_a_question(
    tmp_path: Path, telegram: FakeTelegram
) -> None:
    fake = telegram
    async with tg.running(tg.make_config(tmp_path, fake), tg.environ(fake)):
        start = len(fake.sent)
        fake.private_shape(tg.RESIDENT, "photo", caption="this van again")
        reply = await fake.wait_for_sent(tg.to_chat(tg.RESIDENT), tg.WAIT_S, start=start)
        assert "I could not pass on what you sent (a photo)" in reply.plain_text
        asked = fake.last_message_of(tg.RESIDENT)
        start = len(fake.sent)
        fake.edit_private_message(tg.RESIDENT, asked, f"{PHRASE} this van again, is it legal?")
        ack = await fake.wait_for_sent(tg.to_chat(tg.RESIDENT), tg.WAIT_S, start=start)
        assert "#1" in ack.plain_text and "Officers will not see a photo" in ack.plain_text
        card = await tg.card_for(fake, 1)
        assert "The resident also sent: a photo." in card.plain_text


async def test_discord_edit_before_review_updates_the_card_and_a_preview_is_not_an_edit(
    tmp_path: Path, discord_fake: FakeDiscord
) -> None:
    fake = discord_fake
    async with dc.running(dc.make_config(tmp_path, fake), dc.environ(fake)):
        start = len(fake.sent)
        mid = fake.dm(dc.RESIDENT, f"{PHRASE} speeding on Elm Road, see https://example.org/")
        await fake.wait_for_sent(dc.to(dc.dm_of(fake)), dc.WAIT_S, start=start)
        await dc.card_for(fake, 1)
        fake.unfurl_dm(mid)  # Discord adds the link's preview: nobody edited anything
        start = len(fake.sent)
        fake.edit_dm(dc.RESIDENT, mid, f"{PHRASE} speeding on Oak Lane")
        reply = await fake.wait_for_sent(dc.to(dc.dm_of(fake)), dc.WAIT_S, start=start)
        assert "now reads as you edited it" in dc.plain(reply.content)
        card = await fake.wait_for_sent(
            dc.to_containing(dc.STAFF_CHANNEL, "Edited by the resident"), dc.WAIT_S, start=start
        )
        assert "Oak Lane" in dc.plain(card.content)
        staff = [m for m in fake.sent_to(dc.STAFF_CHANNEL) if "Question #1" in dc.plain(m.content)]
        assert len(staff) == 2  # the card, and the one replacing it: none for the preview


async def test_discord_edit_of_a_command_is_not_run(
    tmp_path: Path, discord_fake: FakeDiscord
) -> None:
    fake = discord_fake
    async with dc.running(dc.make_config(tmp_path, fake), dc.environ(fake)):
        start = len(fake.sent)
        mid = fake.dm(dc.RESIDENT, "!status")
        await fake.wait_for_sent(dc.to(dc.dm_of(fake)), dc.WAIT_S, start=start)
        start = len(fake.sent)
        fake.edit_dm(dc.RESIDENT, mid, "!forget")
        reply = await fake.wait_for_sent(dc.to(dc.dm_of(fake)), dc.WAIT_S, start=start)
        assert "Edited commands are not acted on" in dc.plain(reply.content)


async def test_discord_deleting_a_question_leaves_it_with_officers(
    tmp_path: Path, discord_fake: FakeDiscord
) -> None:
    fake = discord_fake
    async with dc.running(dc.make_config(tmp_path, fake), dc.environ(fake)) as app:
        start = len(fake.sent)
        mid = fake.dm(dc.RESIDENT, f"{PHRASE} when is the next meeting?")
        await fake.wait_for_sent(dc.to(dc.dm_of(fake)), dc.WAIT_S, start=start)
        await dc.card_for(fake, 1)
        sent_before = len(fake.sent)
        fake.delete_dm(dc.RESIDENT, mid)
        # The next message is answered, so the deletion was received and passed over.
        start = len(fake.sent)
        fake.dm(dc.RESIDENT, "!status")
        status = await fake.wait_for_sent(dc.to(dc.dm_of(fake)), dc.WAIT_S, start=start)
        assert "#1" in dc.plain(status.content)
        assert len(fake.sent) == sent_before + 1  # nothing but the status reply
        assert await dc.state_of(app, 1) is State.NEW
