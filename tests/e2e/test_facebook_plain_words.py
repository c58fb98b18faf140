"""Messenger residents rarely type a slash: ``status``, ``next``,
``withdraw 1``, ``subscribe BR1``, ``mydata``, ``help`` written as plain
words work as the slash commands do, through the real app; a question that
starts with the forum's phrase stays a question, and an emergency that
starts with a command word is triaged first and carded as urgent."""

from __future__ import annotations

import pytest

from forumbot.app import App
from tests.e2e.facebook_setup import (
    PHRASE_QUESTION,
    RESIDENT_PSID,
    WAIT_S,
    ask,
    to_resident,
)
from tests.e2e.telegram_setup import PHRASE, STAFF_GROUP, card_for, to_chat_containing
from tests.fakes.facebook_server import FakeFacebook
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(60)


async def test_commands_written_as_plain_words(
    facebook_app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    assert "You have no questions with us." in (await ask(facebook, "status")).text
    ack = await ask(facebook, PHRASE_QUESTION)
    assert "is #1" in ack.text

    status = await ask(facebook, "Status?")
    assert "Your questions" in status.text and "#1 (Bromley Police Online Forum)" in status.text
    assert "Upcoming live sessions" in (await ask(facebook, "next")).text
    assert "What we hold about you" in (await ask(facebook, "mydata")).text
    helped = await ask(facebook, "HELP")
    assert "How to ask" in helped.text and "with or without the /" in helped.text
    subscribed = await ask(facebook, "subscribe BR1")
    assert "You will now get" in subscribed.text
    chooser = await ask(facebook, "subscribe")
    assert "Alerts from Bromley Police Online Forum" in chooser.text

    withdrawn = await ask(facebook, "withdraw 1")
    assert withdrawn.text == "Question #1 is withdrawn. It will not be answered or published."
    await telegram.wait_for_sent(
        to_chat_containing(STAFF_GROUP, "#1 was withdrawn by the asker"), WAIT_S
    )
    assert facebook.refused == []


async def test_a_question_starting_with_the_phrase_is_never_a_command(
    facebook_app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    ack = await ask(facebook, f"{PHRASE} status of the speed cameras on Elm Road?")
    assert "is #1" in ack.text
    # Words after a no-argument command: a message, not the command (help).
    helped = await ask(facebook, "next to the school cars park on the pavement")
    assert "How to ask" in helped.text and "Upcoming live sessions" not in helped.text
    card = await card_for(telegram, 1)
    assert "speed cameras on Elm Road" in card.plain_text


async def test_an_emergency_starting_with_a_command_word_is_triaged_first(
    facebook_app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    urgent = await ask(facebook, "help there is a man with a knife outside my house now")
    assert urgent.text.startswith("If you or someone else is in danger")
    card = await card_for(telegram, 1)
    assert "URGENT" in card.plain_text and "knife" in card.plain_text


async def test_an_emergency_sent_as_a_consultation_answer_reaches_officers(
    facebook_app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    """Issue 16: ``/survey 1 ...`` with an emergency made no card before."""
    start = len(facebook.sent)
    urgent = await ask(facebook, "/survey 1 someone is breaking into my car right now")
    assert urgent.text.startswith("If you or someone else is in danger")
    await facebook.wait_for_sent(
        to_resident(RESIDENT_PSID, "not kept as your consultation answer"), WAIT_S, start=start
    )
    card = await card_for(telegram, 1)
    assert "URGENT" in card.plain_text and "breaking into my car" in card.plain_text


async def test_trailing_punctuation_after_commands(
    facebook_app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    """Issue 16: what phones add at the end no longer gets "not a number" or help."""
    assert "is #1" in (await ask(facebook, PHRASE_QUESTION)).text
    status = await ask(facebook, "/status?")
    assert "Your questions" in status.text and "How to ask" not in status.text
    withdrawn = await ask(facebook, "Withdraw #1!")
    assert withdrawn.text == "Question #1 is withdrawn. It will not be answered or published."
    assert "Erase what we hold about you?" in (await ask(facebook, "forget")).text
    erased = await ask(facebook, "Forget Confirm.")
    assert "We no longer hold your account details" in erased.text


async def test_stop_stops_alerts_and_subscribe_me_is_not_a_postcode(
    facebook_app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    """Issue 16: STOP, as text messages are stopped; "subscribe me" is not ME."""
    chooser = await ask(facebook, "subscribe me")
    assert "Alerts from Bromley Police Online Forum" in chooser.text
    assert "You will now get" in (await ask(facebook, "subscribe BR1")).text
    stopped = await ask(facebook, "STOP")
    assert "Done: all your alerts stopped." in stopped.text
    assert "To subscribe again, send /subscribe." in stopped.text
    assert "You have no alerts" in (await ask(facebook, "subscriptions")).text


async def test_help_with_a_bang_is_a_cry_for_help_and_the_help_says_so(
    facebook_app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    """Issue 16: the docs said help works "with a trailing ? or !"; "help!"
    is the emergency rule's cry for help (kept), and the help now says so."""
    helped = await ask(facebook, "help?")
    assert "How to ask" in helped.text
    assert '"Help!" with an exclamation mark is read as a call for help' in helped.text
    urgent = await ask(facebook, "help!")
    assert urgent.text.startswith("If you or someone else is in danger")
    card = await card_for(telegram, 1)
    assert "URGENT" in card.plain_text and "help!" in card.plain_text
