"""Messenger's 24-hour window, through the real app against the fake Graph
API's clock: an answer outside the window waits (not failed, not dropped),
officers are told it waits, and it goes when the resident writes again or
follows the Page's m.me link; HUMAN_AGENT only for an officer's answer,
only when the app is approved, only within 7 days."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.store.database import fetch_all
from forumbot.app import App
from tests.e2e.facebook_setup import (
    PHRASE_QUESTION,
    RESIDENT_PSID,
    WAIT_S,
    ask,
    make_config,
    running,
    to_resident,
)
from tests.e2e.telegram_setup import (
    OFFICER,
    STAFF_GROUP,
    card_for,
    outbox_settled,
    to_chat_containing,
)
from tests.fakes.facebook_server import FakeFacebook
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(40)

ANSWER = "Speed checks on Elm Road on Thursday morning."
WAITS = "The answer to #1 waits for the asker"


@pytest.fixture
async def approved(
    tmp_path: Path, facebook: FakeFacebook, telegram: FakeTelegram
) -> AsyncIterator[App]:
    """The app with ``human_agent_approved``, Meta having approved it."""
    facebook.human_agent_approved = True
    config = make_config(tmp_path, facebook, telegram, human_agent=True)
    async with running(config, facebook, telegram) as started:
        yield started


async def answer_from_staff_room(telegram: FakeTelegram, ref: int, text: str) -> None:
    card = await card_for(telegram, ref)
    telegram.group_message(STAFF_GROUP, OFFICER, text, reply_to_message_id=card.message_id)


async def answer_rows(facebook_app: App) -> list[tuple[str, str | None]]:
    async with facebook_app.core.db.read() as tx:
        rows = await fetch_all(
            tx,
            "SELECT state, error FROM outbox WHERE platform = 'facebook' AND purpose = 'answer'",
        )
    return [(str(r[0]), r[1]) for r in rows]


async def settled(facebook_app: App) -> None:
    """Everything that can go now has gone (what waits for residents stays)."""
    await facebook_app.core.dispatcher.flush(WAIT_S)


async def test_an_answer_outside_the_window_waits_and_goes_when_the_resident_writes(
    facebook_app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    ack = await ask(facebook, PHRASE_QUESTION)
    assert "reply only within 24 hours of your last message" in ack.text
    assert "we send it as soon as you message us again" in ack.text
    facebook.advance(timedelta(days=13))  # asked 13 days before the session
    start, staff_start = len(facebook.sent), len(telegram.sent)
    await answer_from_staff_room(telegram, 1, ANSWER)
    notice = await telegram.wait_for_sent(
        to_chat_containing(STAFF_GROUP, WAITS), WAIT_S, start=staff_start
    )
    assert "Messenger lets the bot message them only within 24 hours" in notice.plain_text
    await settled(facebook_app)
    async with facebook_app.core.db.read() as tx:  # and in the officers' console
        console = await fetch_all(
            tx,
            "SELECT body FROM web_message WHERE chat_id LIKE 'staff%' AND body LIKE ?",
            (f"%{WAITS}%",),
        )
    assert len(console) == 1
    assert [m for m in facebook.sent[start:] if m.psid == RESIDENT_PSID] == []
    assert [r["messaging_type"] for r in facebook.refused] == ["UPDATE"]  # never tagged
    [(state, error)] = await answer_rows(facebook_app)
    assert state == "pending" and error is not None and "24-hour window" in error

    facebook.advance(timedelta(days=30))  # however long: never given up
    facebook.message(RESIDENT_PSID, "thanks, any news?")
    answer = await facebook.wait_for_sent(
        to_resident(RESIDENT_PSID, "Answer to your question #1"), WAIT_S, start=start
    )
    assert ANSWER in answer.text and answer.messaging_type == "UPDATE"
    await settled(facebook_app)
    assert [state for state, _error in await answer_rows(facebook_app)] == ["sent"]
    waits = [m for m in telegram.sent if WAITS in m.plain_text]
    assert len(waits) == 1  # told once


async def test_following_the_m_me_link_delivers_what_waited(
    facebook_app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    await ask(facebook, PHRASE_QUESTION)
    facebook.advance(timedelta(hours=25))
    staff_start = len(telegram.sent)
    await answer_from_staff_room(telegram, 1, ANSWER)
    await telegram.wait_for_sent(to_chat_containing(STAFF_GROUP, WAITS), WAIT_S, start=staff_start)
    start = len(facebook.sent)
    facebook.referral(RESIDENT_PSID, "bromley-session")
    answer = await facebook.wait_for_sent(
        to_resident(RESIDENT_PSID, "Answer to your question #1"), WAIT_S, start=start
    )
    assert ANSWER in answer.text


async def test_within_the_window_the_answer_goes_at_once(
    facebook_app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    await ask(facebook, PHRASE_QUESTION)
    facebook.advance(timedelta(hours=23))
    start = len(facebook.sent)
    await answer_from_staff_room(telegram, 1, ANSWER)
    answer = await facebook.wait_for_sent(
        to_resident(RESIDENT_PSID, "Answer to your question #1"), WAIT_S, start=start
    )
    assert answer.messaging_type == "UPDATE" and answer.tag is None
    assert facebook.refused == []


async def test_human_agent_carries_an_officers_answer_within_7_days_when_approved(
    approved: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    await ask(facebook, PHRASE_QUESTION)
    facebook.advance(timedelta(days=6))
    start = len(facebook.sent)
    await answer_from_staff_room(telegram, 1, ANSWER)
    answer = await facebook.wait_for_sent(
        to_resident(RESIDENT_PSID, "Answer to your question #1"), WAIT_S, start=start
    )
    assert (answer.messaging_type, answer.tag) == ("MESSAGE_TAG", "HUMAN_AGENT")
    assert [m for m in telegram.sent if WAITS in m.plain_text] == []


async def test_human_agent_is_not_used_after_7_days_the_answer_waits(
    approved: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    await ask(facebook, PHRASE_QUESTION)
    facebook.advance(timedelta(days=8))
    staff_start = len(telegram.sent)
    await answer_from_staff_room(telegram, 1, ANSWER)
    await telegram.wait_for_sent(to_chat_containing(STAFF_GROUP, WAITS), WAIT_S, start=staff_start)
    assert [(r["messaging_type"], r.get("tag")) for r in facebook.refused] == [
        ("UPDATE", None),
        ("MESSAGE_TAG", "HUMAN_AGENT"),
    ]
    start = len(facebook.sent)
    facebook.message(RESIDENT_PSID, "hello again")
    answer = await facebook.wait_for_sent(
        to_resident(RESIDENT_PSID, "Answer to your question #1"), WAIT_S, start=start
    )
    assert answer.tag is None


async def test_human_agent_is_never_used_for_what_officers_did_not_write(
    approved: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    """A rejection notice is the bot's words, not an officer's: it waits."""
    await ask(facebook, PHRASE_QUESTION)
    await card_for(telegram, 1)
    facebook.advance(timedelta(days=2))
    telegram.group_message(STAFF_GROUP, OFFICER, "/reject 1")
    await telegram.wait_for_sent(to_chat_containing(STAFF_GROUP, "#1 rejected by"), WAIT_S)
    await facebook.wait_until(
        lambda: facebook.refused or None, WAIT_S, lambda: "the rejection was not tried"
    )
    await settled(approved)
    assert all(r.get("tag") is None for r in facebook.refused)
    assert await outbox_settled(approved) is False  # it waits, pending
