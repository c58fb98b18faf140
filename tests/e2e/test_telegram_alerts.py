"""Alerts and consultations through the real python-telegram-bot client and
the fake Bot API: subscribing with buttons and by postcode, an officer's
alert to subscribers and the public channel, a survey answered with a
button, and unsubscribing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from forumbot.app import App
from tests.e2e.telegram_setup import (
    PUBLIC_CHANNEL,
    RESIDENT,
    WAIT_S,
    ask,
    environ,
    make_config,
    running,
    staff_says,
    to_chat,
    to_chat_containing,
)
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(30)

NEIGHBOUR = 5_000_777
FAR_AWAY = 5_000_888


@pytest.fixture
def fake(telegram: FakeTelegram) -> FakeTelegram:
    """The platform these tests drive: the shared fake Bot API (tests/conftest.py)."""
    return telegram


@pytest.fixture
async def app(tmp_path: Path, fake: FakeTelegram) -> AsyncIterator[App]:
    async with running(make_config(tmp_path, fake), environ(fake)) as started:
        yield started


async def _press(fake: FakeTelegram, user: int, message_id: int, data: str) -> str:
    start = len(fake.sent)
    fake.callback_query(user, user, message_id, data)
    reply = await fake.wait_for_sent(to_chat(user), WAIT_S, start=start)
    return reply.plain_text


async def test_subscribe_alert_survey_unsubscribe(fake: FakeTelegram, app: App) -> None:
    chooser = await ask(fake, "/subscribe")
    assert "Alerts from Bromley Police Online Forum" in chooser.plain_text
    assert chooser.reply_markup is not None
    data = [b["callback_data"] for row in chooser.reply_markup["inline_keyboard"] for b in row]
    assert "sub:t:bromley:appeals" in data and "sub:t:bromley:consultations" in data
    on = await _press(fake, RESIDENT, chooser.message_id, "sub:t:bromley:appeals")
    assert "- appeals for information: on" in on
    await _press(fake, RESIDENT, chooser.message_id, "sub:t:bromley:consultations")
    await fake.wait_for_request("answerCallbackQuery", timeout=WAIT_S)

    by_postcode = await ask(fake, "/subscribe br1 3qr", user=NEIGHBOUR)
    assert "You will now get" in by_postcode.plain_text
    nowhere = await ask(fake, "/subscribe SE9 1AB", user=FAR_AWAY)
    assert "No forum here covers SE9 1AB" in nowhere.plain_text and "BR1, BR2" in nowhere.plain_text

    start = len(fake.sent)
    sent = await staff_says(
        fake, "/alert bromley appeals Seen a <b>red</b> van? @everyone", "is going to"
    )
    assert "is going to 2 subscribers and the public rooms" in sent.plain_text
    for user in (RESIDENT, NEIGHBOUR):
        alert = await fake.wait_for_sent(to_chat_containing(user, "red"), WAIT_S, start=start)
        assert alert.plain_text.startswith(  # the forum named first (issue 16)
            "Bromley Police Online Forum: appeals for information\n\n"
            "Seen a <b>red</b> van? @everyone"
        )
        assert alert.text.startswith("<b>Bromley Police Online Forum: appeals for information</b>")
        assert "To stop appeals alerts: /unsubscribe appeals" in alert.plain_text
        assert "&lt;b&gt;" in alert.text  # escaped, not bold
    public = await fake.wait_for_sent(
        to_chat_containing(PUBLIC_CHANNEL, "red"), WAIT_S, start=start
    )
    assert "unsubscribe" not in public.plain_text
    assert not [m for m in fake.sent[start:] if str(m.chat_id) == str(FAR_AWAY)]

    start = len(fake.sent)
    await staff_says(
        fake, '/survey bromley "Bike marking on Saturday?" "Yes" "No"', "Consultation #1"
    )
    survey = await fake.wait_for_sent(
        to_chat_containing(RESIDENT, "Consultation #1"), WAIT_S, start=start
    )
    assert survey.reply_markup is not None
    labels = [b["text"] for row in survey.reply_markup["inline_keyboard"] for b in row]
    assert labels == ["Yes", "No"]
    thanks = await _press(fake, RESIDENT, survey.message_id, "survey:1:0")
    assert 'your answer to consultation #1 is "Yes"' in thanks
    results = await staff_says(fake, "/survey results 1", "Consultation #1")
    assert "- Yes: 1 (100%)" in results.plain_text

    stopped = await ask(fake, "/unsubscribe")
    assert "all your alerts stopped" in stopped.plain_text
    start = len(fake.sent)
    await staff_says(fake, "/alert bromley appeals --no-public Second appeal", "is going to 1")
    await fake.wait_for_sent(to_chat_containing(NEIGHBOUR, "Second appeal"), WAIT_S, start=start)
    assert not [m for m in fake.sent[start:] if str(m.chat_id) == str(RESIDENT)]
    assert not [
        m
        for m in fake.sent[start:]
        if str(m.chat_id) == PUBLIC_CHANNEL and "Second" in m.plain_text
    ]


async def test_an_over_long_consultation_answer_is_refused_not_cut(
    fake: FakeTelegram, app: App
) -> None:
    """A reply to a free-text consultation longer than an answer holds gets
    its length and the limit; nothing is kept; the earlier answer stays."""
    chooser = await ask(fake, "/subscribe")
    await _press(fake, RESIDENT, chooser.message_id, "sub:t:bromley:consultations")
    start = len(fake.sent)
    await staff_says(fake, '/survey bromley "What worries you most?"', "Consultation #1")
    survey = await fake.wait_for_sent(
        to_chat_containing(RESIDENT, "Consultation #1"), WAIT_S, start=start
    )
    assert "Reply to this message with your answer" in survey.plain_text

    start = len(fake.sent)
    fake.private_message(RESIDENT, "Speeding", reply_to_message_id=survey.message_id)
    await fake.wait_for_sent(to_chat_containing(RESIDENT, '"Speeding"'), WAIT_S, start=start)
    start = len(fake.sent)
    fake.private_message(RESIDENT, "s" * 1001, reply_to_message_id=survey.message_id)
    refused = await fake.wait_for_sent(to_chat(RESIDENT), WAIT_S, start=start)
    results = await staff_says(fake, "/survey results 1", "Consultation #1")

    assert refused.plain_text == (
        "Your answer to consultation #1 is 1001 characters long; the most we can take is 1000."
        " Please shorten it and send it again. Nothing was stored."
    )
    assert "\n1 answer.\n" in results.plain_text and "- Speeding" in results.plain_text
    assert "sss" not in results.plain_text
