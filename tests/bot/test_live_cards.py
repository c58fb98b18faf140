"""Cards show where their question stands on Telegram and Discord too (issue
15): when a question's state changes, each of its cards already posted in a
staff room is edited in place, its state line reading the new state and the
buttons that no longer apply gone."""

from __future__ import annotations

from bot.edge.rich import plain
from bot.edge.sending import Outgoing
from bot.store.database import fetch_all, fetch_one
from tests.support.core_harness import STAFF_CHAT, CoreHarness

RESIDENT = "7001"
ORDINARY = "Bromley Police Online Forum is there a speed check on Elm Road?"
URGENT = "Bromley Police Online Forum someone is breaking into my house right now"


def _edits(h: CoreHarness) -> list[Outgoing]:
    return h.edits_to(STAFF_CHAT)


def _card(h: CoreHarness) -> Outgoing:
    return next(m for m in h.messages_to(STAFF_CHAT) if m.buttons)


async def test_after_answer_the_posted_card_is_edited_with_no_buttons(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, ORDINARY)
    card = _card(h)
    assert "Question #1** · " not in plain(card.body)  # bold is a span, not stars
    assert "· new\n" in plain(card.body)
    await h.staff_says("/answer 1 Yes, on Tuesdays.")
    (edit,) = _edits(h)
    async with h.core.db.read() as tx:
        posted = await fetch_one(
            tx, "SELECT platform_message_id FROM outbox WHERE purpose = 'card' AND question_id = 1"
        )
    assert posted is not None
    assert edit.edit_of == posted[0]  # the card's own message, as the platform numbered it
    assert edit.buttons == ()
    assert "· answered\n" in plain(edit.body)
    assert "· new\n" not in plain(edit.body)
    assert "Elm Road" in plain(edit.body)  # the rest of the card as posted


async def test_after_approve_the_card_keeps_only_the_buttons_that_apply(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, ORDINARY)
    await h.staff_says("/approve 1")
    (edit,) = _edits(h)
    assert [b.data for row in edit.buttons for b in row] == ["reject:1", "later:1"]
    assert "· approved\n" in plain(edit.body)
    await h.press("later:1")
    last = _edits(h)[-1]
    assert [b.data for row in last.buttons for b in row] == ["approve:1", "reject:1"]
    assert "· deferred\n" in plain(last.body)


async def test_reject_and_withdraw_leave_no_buttons(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, ORDINARY)
    await h.resident_says("7002", "Bromley Police Online Forum when is the next session?")
    await h.staff_says("/reject 1")
    await h.resident_says("7002", "/withdraw 2")
    rejected, withdrawn = _edits(h)
    assert (rejected.buttons, withdrawn.buttons) == ((), ())
    assert "· rejected\n" in plain(rejected.body)
    assert "· withdrawn\n" in plain(withdrawn.body)


async def test_seen_drops_the_seen_button_and_its_hint(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, URGENT)
    assert "press Seen" in plain(_card(h).body)
    await h.press("seen:1")
    (edit,) = _edits(h)
    assert [b.data for row in edit.buttons for b in row] == ["approve:1", "reject:1", "later:1"]
    assert "press Seen" not in plain(edit.body)
    assert "URGENT" in plain(edit.body)


async def test_a_repeat_that_changes_nothing_edits_nothing(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, ORDINARY)
    await h.staff_says("/approve 1")
    await h.staff_says("/approve 1")
    assert len(_edits(h)) == 1


async def test_an_edit_queued_for_a_state_is_erased_with_the_question(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, ORDINARY)
    await h.staff_says("/approve 1")
    await h.resident_says(RESIDENT, "/forget confirm")
    async with h.core.db.read() as tx:
        rows = await fetch_all(tx, "SELECT body FROM outbox WHERE purpose = 'card_edit'")
    assert rows  # the state's edit, and the erasure's
    assert [r[0] for r in rows if "Elm Road" in str(r[0])] == []
