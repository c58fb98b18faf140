"""A Telegram or Discord staff card says when its answer waits for the asker (a
resident on Messenger outside its 24-hour window), and stops saying it once
the answer has gone: the real app, the card in the staff group edited in
place, as the console's card says it (tests/e2e/test_facebook_restart_and_console.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from forumbot.app import App
from tests.e2e import discord_setup as dc
from tests.e2e.facebook_setup import (
    PHRASE_QUESTION,
    RESIDENT_PSID,
    WAIT_S,
    ask,
    environ,
    make_config,
    to_resident,
    webhook_url,
)
from tests.e2e.telegram_setup import STAFF_GROUP, card_for, eventually, staff_says
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.facebook_server import FakeFacebook
from tests.fakes.telegram_server import FakeTelegram
from tests.support.app import running_app

pytestmark = pytest.mark.timeout(40)

WAITS = "· answered · the answer waits for the asker to write again"


async def test_the_telegram_card_says_the_answer_waits_until_it_goes(
    facebook_app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    await ask(facebook, PHRASE_QUESTION)
    card = await card_for(telegram, 1)
    facebook.advance(timedelta(hours=25))  # Messenger's window has closed
    await staff_says(telegram, "/answer 1 Yes, on Thursday.", "answered by")

    def card_text() -> str:
        now = telegram.get_message(STAFF_GROUP, card.message_id)
        assert now is not None
        return str(now["text"])

    async def says_it_waits() -> bool:
        return WAITS in card_text()

    await eventually(says_it_waits, WAIT_S, "the card says the answer waits")
    assert "speeding on Elm Road" in card_text()  # still the card as posted
    assert sum("Question #1 ·" in m.plain_text for m in telegram.sent_to(STAFF_GROUP)) == 1

    start = len(facebook.sent)
    facebook.message(RESIDENT_PSID, "any news?")
    await facebook.wait_for_sent(
        to_resident(RESIDENT_PSID, "Answer to your question #1"), WAIT_S, start=start
    )

    async def says_answered() -> bool:
        text = card_text()
        return "· answered" in text and "waits for the asker" not in text

    await eventually(says_answered, WAIT_S, "the card no longer says the answer waits")


async def test_an_answer_within_the_window_leaves_the_card_answered_only(
    facebook_app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    await ask(facebook, PHRASE_QUESTION)
    card = await card_for(telegram, 1)
    await staff_says(telegram, "/answer 1 Yes, on Thursday.", "answered by")
    await facebook.wait_for_sent(to_resident(RESIDENT_PSID, "Answer to your question #1"), WAIT_S)

    async def answered() -> bool:
        now = telegram.get_message(STAFF_GROUP, card.message_id)
        return now is not None and "· answered" in str(now["text"])

    await eventually(answered, WAIT_S, "the card reads answered")
    now = telegram.get_message(STAFF_GROUP, card.message_id)
    assert now is not None and "waits for the asker" not in str(now["text"])


async def test_the_discord_card_says_the_answer_waits_until_it_goes(
    tmp_path: Path, facebook: FakeFacebook, telegram: FakeTelegram, discord_fake: FakeDiscord
) -> None:
    base = make_config(tmp_path, facebook, telegram)
    config = replace(
        base,
        platforms=replace(base.platforms, discord=dc.discord_settings(discord_fake)),
        forums=(dc.forum(),),  # the staff room is Discord's
    )
    env = {**environ(facebook, telegram), "DISCORD_BOT_TOKEN": discord_fake.token}
    async with running_app(config, env, within_s=WAIT_S) as app:
        facebook.webhook_url = webhook_url(app)
        await ask(facebook, PHRASE_QUESTION)
        card = await dc.card_for(discord_fake, 1)
        facebook.advance(timedelta(hours=25))
        await dc.staff_says(discord_fake, "!answer 1 Yes, on Thursday.", "answered by")

        def card_text() -> str:
            message = discord_fake.get_message(card.id)
            assert message is not None
            return dc.plain(str(message.get("content") or ""))

        async def says_it_waits() -> bool:
            return WAITS in card_text()

        await eventually(says_it_waits, WAIT_S, "the Discord card says the answer waits")
        start = len(facebook.sent)
        facebook.message(RESIDENT_PSID, "any news?")
        await facebook.wait_for_sent(
            to_resident(RESIDENT_PSID, "Answer to your question #1"), WAIT_S, start=start
        )

        async def says_answered() -> bool:
            text = card_text()
            return "· answered" in text and "waits for the asker" not in text

        await eventually(says_answered, WAIT_S, "the Discord card no longer says it waits")
