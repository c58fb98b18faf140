"""The order a resident's event meets the desk's stages in
(bot/desks/resident.py PRECEDENCE): urgent first, data rights before the
block, then presses, commands and messages; and presses the bot never made
get the reply they always got. (Urgent before the limits:
tests/bot/test_data_rights.py, test_emergency_is_taken_over_the_limit.)"""

from __future__ import annotations

import pytest

from bot.desks.resident import PRECEDENCE
from bot.store.database import fetch_all, fetch_one
from tests.support.core_harness import STAFF_CHAT, CoreHarness

RESIDENT = "5001"
ASK = "Bromley Police Online Forum "
URGENT = "someone is breaking in right now help"
BLOCKED = "you can no longer use this forum"
PRESS_UNKNOWN = "That button no longer does anything. Send /help to see what you can do."


async def _block(h: CoreHarness) -> None:
    """A resident who asked #1 and was then blocked, and told so once."""
    await h.resident_says(RESIDENT, ASK + "first question")
    (reply,) = await h.staff_says("/block 1")
    assert "is blocked" in reply
    (told,) = await h.resident_says(RESIDENT, ASK + "second question")
    assert BLOCKED in told


async def _subscriptions(h: CoreHarness) -> list[tuple[str, str]]:
    async with h.core.db.read() as tx:
        rows = await fetch_all(tx, "SELECT forum_id, alert_type FROM subscription")
    return [(r[0], r[1]) for r in rows]


def test_the_stages_in_order() -> None:
    assert [name for name, _ in PRECEDENCE] == [
        "urgent",
        "edit",  # issue 14: edits of earlier messages
        "data rights",
        "blocked",
        "press",
        "command",
        "message",
    ]


async def test_urgent_from_a_blocked_resident_gets_999_and_is_carded_not_held(
    h: CoreHarness,
) -> None:
    await _block(h)
    cards = len(h.texts_to(STAFF_CHAT))
    replies = await h.resident_says(RESIDENT, ASK + URGENT)
    assert "call 999 now" in replies[0]
    assert not any(BLOCKED in r for r in replies)
    assert "#3" in replies[1]  # taken like any urgent question
    assert len(h.texts_to(STAFF_CHAT)) == cards + 1
    assert "URGENT" in h.texts_to(STAFF_CHAT)[-1]


async def test_urgent_without_a_phrase_from_a_blocked_resident_is_still_carded(
    h: CoreHarness,
) -> None:
    await _block(h)
    replies = await h.resident_says(RESIDENT, URGENT)
    assert "call 999 now" in replies[0]
    assert any("URGENT" in t and URGENT in t for t in h.texts_to(STAFF_CHAT))


async def test_forget_works_for_a_blocked_resident_and_keeps_only_the_block(
    h: CoreHarness,
) -> None:
    await _block(h)
    (ask,) = await h.resident_says(RESIDENT, "/forget")
    assert "Erase what we hold about you?" in ask
    (done,) = await h.resident_says(RESIDENT, "/forget confirm")
    assert "We have erased what you wrote and your username" in done
    assert "a record of that stays until they lift it" in done
    async with h.core.db.read() as tx:
        row = await fetch_one(
            tx, "SELECT handle, blocked_at FROM resident WHERE user_id = ?", (RESIDENT,)
        )
        texts = await fetch_all(tx, "SELECT text FROM question ORDER BY id")
    assert row is not None and row["handle"] is None and row["blocked_at"] is not None
    assert all("question" not in str(t["text"]) for t in texts)  # their words are gone
    # Erasure is no way round the block: a new question is still held, not carded.
    cards_before = len(h.texts_to(STAFF_CHAT))
    await h.resident_says(RESIDENT, ASK + "back again after forget")
    assert len(h.texts_to(STAFF_CHAT)) == cards_before
    # ... and the officers can still lift it.
    (lifted,) = await h.staff_says("/unblock 1")
    assert "unblocked" in lifted
    (ack,) = await h.resident_says(RESIDENT, ASK + "a question after the block was lifted")
    assert "#4" in ack


async def test_forget_for_a_resident_never_blocked_deletes_the_account(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, ASK + "first question")
    await h.resident_says(RESIDENT, "/forget confirm")
    async with h.core.db.read() as tx:
        assert await fetch_one(tx, "SELECT 1 FROM resident WHERE user_id = ?", (RESIDENT,)) is None


async def test_mydata_works_for_a_blocked_resident(h: CoreHarness) -> None:
    await _block(h)
    (mydata,) = await h.resident_says(RESIDENT, "/mydata")
    assert "What we hold about you" in mydata


async def test_a_blocked_residents_other_commands_and_presses_are_held(h: CoreHarness) -> None:
    await _block(h)
    assert await h.resident_says(RESIDENT, "/subscribe") == []  # told once already
    assert await h.resident_presses(RESIDENT, "sub:a:bromley") == []
    assert await h.resident_says(RESIDENT, "/status") == []
    assert await _subscriptions(h) == []


async def test_an_urgent_command_gets_999_first_then_its_reply(h: CoreHarness) -> None:
    replies = await h.resident_says(RESIDENT, "/status " + URGENT)
    assert "call 999 now" in replies[0]
    assert "You have no questions with us." in replies[1]


async def test_an_unknown_command_is_read_as_a_message(h: CoreHarness) -> None:
    (reply,) = await h.resident_says(RESIDENT, "/frobnicate " + ASK + "is Elm Road patrolled?")
    assert "How to ask" in reply  # help, not a question: a command is never a question
    async with h.core.db.read() as tx:
        assert await fetch_one(tx, "SELECT 1 FROM question") is None
    replies = await h.resident_says(RESIDENT, "/frobnicate " + URGENT)
    assert "call 999 now" in replies[0]
    assert any("URGENT" in t for t in h.texts_to(STAFF_CHAT))  # urgent: always taken


@pytest.mark.parametrize(
    "garbage",
    [
        "nonsense",
        "approve:1",  # a card's button, pressed in a private chat
        "sub:t:bromley",
        "sub:t:nowhere:advice",  # no such forum (or no longer configured)
        "sub:t:bromley:crime",  # no such alert type
        "survey:9:0",  # no such consultation
        "survey:x:0",
        "x" * 300,
    ],
)
async def test_a_resident_pressing_what_the_bot_never_made_is_told_it_does_nothing(
    h: CoreHarness, garbage: str
) -> None:
    assert await h.resident_presses(RESIDENT, garbage) == [PRESS_UNKNOWN]
    assert await _subscriptions(h) == []
    async with h.core.db.read() as tx:
        assert await fetch_one(tx, "SELECT 1 FROM question") is None


@pytest.mark.parametrize(
    "forged",
    [
        "sub:f:bromley:extra",  # extra parts after the forum
        "f:bromley",  # no "sub:" tag
        "a:bromley",
        "sub:t:bromley:appeal",  # a type's singular
        "sub:t:bromley:ADVICE",
        "survey:01:0",  # a number pack() would not write
    ],
)
async def test_forms_the_bot_never_made_are_no_longer_half_read(
    h: CoreHarness, forged: str
) -> None:
    """Before payloads were typed, these were read leniently (a chooser
    shown, every type subscribed, "appeal" stored as a type no alert has, a
    consultation answered). No button ever carried them; now, as any other
    press the bot never made, they change nothing and the resident is told
    the button does nothing (issue 14: nothing goes unanswered)."""
    await h.staff_says('/survey bromley "Is the new crossing useful?" "yes" "no"')
    assert await h.resident_presses(RESIDENT, forged) == [PRESS_UNKNOWN]
    assert await _subscriptions(h) == []
    async with h.core.db.read() as tx:
        assert await fetch_one(tx, "SELECT 1 FROM survey_answer") is None


@pytest.mark.parametrize(
    ("garbage", "reply"),
    [
        ("frobnicate", "Unknown command /frobnicate. Send /help for the list."),
        ("sub:f:bromley", "Unknown command /sub. Send /help for the list."),
        ("survey:1:0", "Send: /survey FORUM"),  # read as the officers' survey command
        ("approve:abc", "Usage: /approve 12 [text]"),
        ("approve:", "Usage: /approve 12 [text]"),
        ("approve:42", "There is no question #42 for this room's forums."),
        ("edit:1", "Usage: /edit 12 text"),
    ],
)
async def test_a_press_in_a_staff_room_the_bot_never_made_reads_as_a_command(
    h: CoreHarness, garbage: str, reply: str
) -> None:
    await h.resident_says(RESIDENT, ASK + "is Elm Road patrolled?")
    before = len(h.texts_to(STAFF_CHAT))
    await h.press(garbage)
    (answer,) = h.texts_to(STAFF_CHAT)[before:]
    assert answer.startswith(reply)
