"""Officers' commands that cannot be carried out say why, truthfully, and
change nothing (issue 14: a reply that says what was wrong)."""

from __future__ import annotations

from bot.edge.rich import plain
from bot.store.database import fetch_one
from tests.support.core_harness import STAFF_CHAT, CoreHarness

ASK = "Bromley Police Online Forum "
RESIDENT = "61000"


async def _state(h: CoreHarness, ref: int) -> str:
    async with h.core.db.read() as tx:
        row = await fetch_one(tx, "SELECT state FROM question WHERE id = ?", (ref,))
    assert row is not None
    return str(row[0])


async def test_merging_a_question_into_itself_is_refused_as_such(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, ASK + "is Elm Road patrolled?")
    (reply,) = await h.staff_says("/merge 1 1")
    assert reply.startswith("#1 cannot be merged into itself")
    assert reply.endswith("Nothing was changed.")
    assert await _state(h, 1) == "new"


async def test_resend_after_the_asker_was_erased_says_nothing_was_sent(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, ASK + "is Elm Road patrolled?")
    await h.staff_says("/answer 1 Yes, nightly.")
    await h.resident_says(RESIDENT, "/forget")
    await h.resident_says(RESIDENT, "/forget confirm")
    (reply,) = await h.staff_says("/resend 1")
    assert reply.startswith("#1: nothing was sent. The asker is no longer held")
    assert "goes to the asker again" not in reply


async def test_closing_a_session_is_confirmed_once_in_the_room_that_closed_it(
    h: CoreHarness,
) -> None:
    await h.staff_says("/open")
    before = len(h.messages_to(STAFF_CHAT))
    (reply,) = await h.staff_says("/close")
    assert reply.startswith("Session for Bromley Police Online Forum is closed.")
    closed = [m for m in h.messages_to(STAFF_CHAT)[before:] if "is closed" in plain(m.body)]
    assert len(closed) == 1


async def test_the_queue_lists_urgent_questions_first_and_marked(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, ASK + "is Elm Road patrolled?")
    await h.resident_says("61001", "someone is breaking into my house right now")
    (queue,) = await h.staff_says("/queue")
    lines = queue.splitlines()
    assert lines[0].endswith("(2 waiting, urgent first, then oldest first)")
    assert lines[1].startswith("#2 · URGENT · new · ")
    assert lines[2].startswith("#1 · new · ")
