"""A resident on Messenger, through the real app, gets what they get on the
other platforms: the acknowledgement, status, help, buttons as quick
replies, emergency guidance at once, and the officer's answer from the
Telegram staff room, through the Send API within Messenger's limits; and
Graph's errors followed."""

from __future__ import annotations

import logging

import pytest

from forumbot.app import App
from tests.e2e.facebook_setup import (
    PHRASE_QUESTION,
    RESIDENT_PSID,
    WAIT_S,
    ask,
    to_resident,
)
from tests.e2e.telegram_setup import OFFICER, STAFF_GROUP, card_for, to_chat_containing
from tests.fakes.facebook_server import MAX_QUICK_REPLIES, MAX_TEXT, MAX_TITLE, FakeFacebook
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(40)


async def answer_from_staff_room(telegram: FakeTelegram, ref: int, text: str) -> None:
    card = await card_for(telegram, ref)
    telegram.group_message(STAFF_GROUP, OFFICER, text, reply_to_message_id=card.message_id)


async def test_a_question_on_messenger_answered_from_the_telegram_staff_room(
    facebook_app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    ack = await ask(facebook, PHRASE_QUESTION)
    assert "Your question to Bromley Police Online Forum is #1" in ack.text
    assert "In an emergency call 999" in ack.text
    assert ack.messaging_type == "RESPONSE"
    card = await card_for(telegram, 1)
    assert "speeding on Elm Road" in card.plain_text
    assert RESIDENT_PSID not in card.plain_text

    start = len(facebook.sent)
    await answer_from_staff_room(
        telegram, 1, "Yes: speed checks on <b>Elm Road</b> on Thursday & Friday."
    )
    answer = await facebook.wait_for_sent(
        to_resident(RESIDENT_PSID, "Answer to your question #1"), WAIT_S, start=start
    )
    # Plain text: the officer's words arrive as typed, no markup either way.
    assert "speed checks on <b>Elm Road</b> on Thursday & Friday." in answer.text
    assert answer.messaging_type == "UPDATE" and answer.tag is None
    await telegram.wait_for_sent(to_chat_containing(STAFF_GROUP, "#1"), WAIT_S)

    status = await ask(facebook, "/status")
    assert "#1" in status.text and "answered" in status.text
    assert facebook.refused == []


async def test_help_and_emergency_guidance_at_once(
    facebook_app: App, facebook: FakeFacebook
) -> None:
    helped = await ask(facebook, "help")
    assert "How to ask" in helped.text and "/status" in helped.text
    urgent = await ask(
        facebook, "Bromley Police Online Forum there is a man with a knife outside my house now"
    )
    assert urgent.text.startswith("If you or someone else is in danger")
    assert "call 999 now" in urgent.text


async def test_buttons_are_quick_replies_within_messengers_limits(
    facebook_app: App, facebook: FakeFacebook
) -> None:
    menu = await ask(facebook, "/subscribe")
    titles = [title for title, _payload in menu.quick_replies]
    assert 0 < len(titles) <= MAX_QUICK_REPLIES
    assert all(len(title) <= MAX_TITLE for title in titles)
    assert "crime-prevention ad…" in titles  # cut to 20 characters, not refused
    payload = dict(menu.quick_replies)["All alerts"]
    start = len(facebook.sent)
    facebook.quick_reply(RESIDENT_PSID, "All alerts", payload)
    done = await facebook.wait_for_sent(to_resident(), WAIT_S, start=start)
    assert "session reminders: on" in done.text
    assert facebook.refused == []


async def test_a_long_answer_comes_in_parts_messenger_takes(
    facebook_app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    await ask(facebook, PHRASE_QUESTION)
    start = len(facebook.sent)
    paragraph = "Speed checks are planned on Elm Road every weekday morning this month. "
    await answer_from_staff_room(telegram, 1, paragraph * 45)  # about 3,200 characters
    first = await facebook.wait_for_sent(
        to_resident(RESIDENT_PSID, "Answer to your question #1"), WAIT_S, start=start
    )
    await facebook_app.core.dispatcher.flush(WAIT_S)
    parts = [m for m in facebook.sent[start:] if m.psid == RESIDENT_PSID]
    assert len(parts) >= 2 and parts[0] == first
    assert all(len(m.text) <= MAX_TEXT for m in parts)
    assert sum(m.text.count("every weekday morning") for m in parts) == 45
    assert facebook.refused == []


async def test_a_resident_who_blocked_the_page_is_unreachable_and_officers_are_told(
    facebook_app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    await ask(facebook, PHRASE_QUESTION)
    facebook.blocked.add(RESIDENT_PSID)
    start = len(telegram.sent)
    await answer_from_staff_room(telegram, 1, "Speed checks on Thursday.")
    notice = await telegram.wait_for_sent(
        to_chat_containing(STAFF_GROUP, "#1", "isn't available"), WAIT_S, start=start
    )
    assert "Messenger" in notice.plain_text


async def test_rate_limits_are_waited_out_and_the_message_goes(
    facebook_app: App, facebook: FakeFacebook
) -> None:
    facebook.fail_next(613, message="(#613) Calls to this api have exceeded the rate limit.")
    reply = await ask(facebook, "/status")
    assert "You have no questions with us." in reply.text
    assert len(facebook.refused) == 1


async def test_an_expired_token_is_one_clear_error_naming_the_fix(
    facebook_app: App, facebook: FakeFacebook, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="forumbot.facebook")
    for _ in range(2):
        facebook.fail_next(190, 463, message="Error validating access token: Session has expired")
    reply = await ask(facebook, "/status")  # tried again until the token works again
    assert "You have no questions with us." in reply.text
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1, errors
    assert "FACEBOOK_PAGE_TOKEN" in errors[0] and "make a new Page access token" in errors[0]
    assert facebook.page_token not in caplog.text


async def test_the_pace_is_the_configured_one(facebook_app: App) -> None:
    pace = facebook_app.facebook.pace
    assert (pace.overall_per_s, pace.per_chat_per_s) == (1000.0, 1000.0)  # FAST


async def test_commands_and_data_rights_on_messenger(
    facebook_app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    await ask(facebook, PHRASE_QUESTION)
    upcoming = await ask(facebook, "/next")
    assert "Bromley Police Online Forum" in upcoming.text
    withdrawn = await ask(facebook, "/withdraw #1")
    assert "#1" in withdrawn.text and "withdrawn" in withdrawn.text.lower()
    mine = await ask(facebook, "/mydata")
    assert "#1" in mine.text
    assert facebook.refused == []
