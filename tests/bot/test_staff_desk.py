"""Officers in the staff room: commands, buttons, replies to cards, refusals."""

from __future__ import annotations

from bot.desks.staff import REFUSAL_QUIET
from bot.edge.rich import plain
from bot.store import audit
from bot.store import question as questions
from bot.store.question import State
from tests.support.core_harness import OFFICER, PUBLIC_CHAT, STAFF_CHAT, CoreHarness

RESIDENT = "5001"
STRANGER = "99999"


async def _ask(h: CoreHarness, *texts: str) -> None:
    """The resident asks ``texts`` (by default, one question about a speed check)."""
    for text in texts or ("Bromley Police Online Forum is there a speed check on Elm Road?",):
        await h.resident_says(RESIDENT, text)


async def _state(h: CoreHarness, ref: int) -> State:
    async with h.core.db.read() as tx:
        q = await questions.get(tx, ref)
    assert q is not None
    return q.state


async def test_non_officer_commands_change_nothing(h: CoreHarness) -> None:
    await _ask(h)
    for command in ("/approve 1", "/answer 1 yes", "/reject 1", "/later 1", "/open", "/queue"):
        replies = await h.staff_says(command, user=STRANGER)
        assert replies == ["Only this forum's officers can do that. Nothing was changed."]
        h.clock.advance(REFUSAL_QUIET)  # each told: refusals are answered sparingly
    await h.press("approve:1", user=STRANGER)
    assert await _state(h, 1) == State.NEW
    assert h.texts_to(PUBLIC_CHAT) == []
    assert len(h.texts_to(RESIDENT)) == 1  # only the acknowledgement
    async with h.core.db.read() as tx:
        trail = await audit.entries(tx)
    assert {e.outcome for e in trail} == {"refused"}
    assert all(e.actor_id == STRANGER for e in trail)


async def test_approve_with_text_replaces_publishable_and_is_audited(h: CoreHarness) -> None:
    await _ask(h)
    replies = await h.staff_says("/approve #1 Is there a speed check on a road in the ward?")
    assert "#1 approved" in replies[0]
    async with h.core.db.read() as tx:
        q = await questions.get(tx, 1)
        trail = await audit.entries(tx, question_id=1)
    assert q is not None and q.state == State.APPROVED
    assert q.publishable == "Is there a speed check on a road in the ward?"
    assert [(e.action, e.actor_id, e.outcome) for e in trail] == [("approve", OFFICER, "done")]


async def test_button_approves(h: CoreHarness) -> None:
    await _ask(h)
    await h.press("approve:1")
    assert await _state(h, 1) == State.APPROVED
    assert "#1 approved" in h.texts_to(STAFF_CHAT)[-1]


async def test_reject_tells_asker_with_reason(h: CoreHarness) -> None:
    await _ask(h)
    await h.staff_says("/reject 1 Please report this on 101")
    told = h.texts_to(RESIDENT)[-1]
    assert "#1" in told and "will not be answered" in told and "Please report this on 101" in told
    assert await _state(h, 1) == State.REJECTED
    again = await h.staff_says("/answer 1 too late")
    assert "cannot be changed" in again[0]


async def test_the_officer_sees_the_reason_as_the_asker_was_sent_it(h: CoreHarness) -> None:
    await _ask(h)
    replies = await h.staff_says("/reject 1 Please report this on 101, quoting ref 5")
    told = h.texts_to(RESIDENT)[-1]
    assert told == (
        "Your question #1 to Bromley Police Online Forum will not be answered by the team.\n"
        "Reason: Please report this on 101, quoting ref 5"
    )
    assert replies == [f"#1 rejected by officer telegram:{OFFICER}. The asker is sent:\n“{told}”"]


async def test_a_rejection_without_reason_says_where_else_to_go(h: CoreHarness) -> None:
    await _ask(h)
    replies = await h.staff_says("/reject 1")
    told = h.texts_to(RESIDENT)[-1]
    assert "#1" in told and "will not be answered" in told and "live session" not in told
    assert "call 101 or report it online at https://www.police.uk/pu/contact-us/" in told
    assert "In an emergency call 999." in told
    assert told in replies[0]


async def test_the_officer_sees_the_note_as_the_asker_was_sent_it(h: CoreHarness) -> None:
    await _ask(h)
    replies = await h.staff_says("/later 1 checking with the traffic unit")
    told = h.texts_to(RESIDENT)[-1]
    assert told.endswith("Note from the team: checking with the traffic unit")
    assert replies[0].startswith("#1 marked for follow-up by")
    assert f"“{told}”" in replies[0]


async def test_reply_to_card_answers(h: CoreHarness) -> None:
    await _ask(h)
    card = h.messages_to(STAFF_CHAT)[0]
    async with h.core.db.read() as tx:
        rows = await tx.execute_fetchall(
            "SELECT platform_message_id FROM outbox WHERE id = ?", (card.outbox_id,)
        )
    card_message_id = str(next(iter(rows))[0])
    await h.staff_says("Yes, on Thursday morning.", reply_to=card_message_id)
    assert "Thursday morning" in h.texts_to(RESIDENT)[-1]
    assert await _state(h, 1) == State.ANSWERED


async def test_answer_during_session_is_published_at_once(h: CoreHarness) -> None:
    await _ask(h, "Bromley Police Online Forum my number is 07700 900123, any burglaries?")
    opened = await h.staff_says("/open")
    assert "is open until" in opened[-1]
    assert "now live until" in h.texts_to(PUBLIC_CHAT)[0]
    await h.staff_says("/answer 1 Two this month; lock your shed.")
    post = h.texts_to(PUBLIC_CHAT)[-1]
    assert "Question #1" in post and "Two this month" in post
    assert "07700" not in post and "[phone]" in post
    closed = await h.staff_says("/close")
    assert "1 answered" in closed[-1]
    assert "answered 1 question." in h.texts_to(PUBLIC_CHAT)[-1]


async def test_approve_without_text_publishes_the_suggestion_and_nothing_personal(
    h: CoreHarness,
) -> None:
    await _ask(
        h,
        "Bromley Police Online Forum My name is Sarah Jones, I live at 14 Elm Road BR1 3QR. "
        "A van AB12 CDE parks on the pavement every day, what can I do? "
        "Email me at sarah.j@example.com",
    )
    card = h.texts_to(STAFF_CHAT)[0]
    assert "Sarah Jones" in card  # officers see the text as received...
    assert "My name is [name], I live at [address] [postcode]. A van [vehicle reg]" in card
    await h.staff_says("/approve 1")
    await h.staff_says("/open")
    await h.staff_says("/answer 1 Report it to the council's parking team.")
    post = h.texts_to(PUBLIC_CHAT)[-1]
    assert "parking team" in post and "what can I do?" in post
    for personal in ("Sarah", "Jones", "14 Elm", "BR1", "AB12", "sarah.j@"):
        assert personal not in post


async def test_answer_outside_session_waits_for_next_opening_as_follow_up(h: CoreHarness) -> None:
    await _ask(h)
    await h.staff_says("/later 1 checking with the traffic unit")
    told = h.texts_to(RESIDENT)[-1]
    assert "will get back to you" in told and "traffic unit" in told
    await h.staff_says("/answer 1 The traffic unit will run checks in December.")
    assert "December" in h.texts_to(RESIDENT)[-1]
    assert h.texts_to(PUBLIC_CHAT) == []
    await h.staff_says("/open")
    posts = h.texts_to(PUBLIC_CHAT)
    assert any("Follow-up to question #1" in p and "December" in p for p in posts)


async def test_merge_sends_the_answer_to_both_askers(h: CoreHarness) -> None:
    await h.resident_says("6001", "Bromley Police Online Forum what about the fireworks?")
    await h.resident_says("6002", "Bromley Police Online Forum fireworks again?")
    merged = await h.staff_says("/merge 2 1")
    assert "#2 merged into #1" in merged[0]
    await h.staff_says("/answer 1 Patrols on the 5th.")
    assert "Patrols on the 5th" in h.texts_to("6001")[-1]
    assert "Patrols on the 5th" in h.texts_to("6002")[-1]
    assert "#2" in h.texts_to("6002")[-1]


async def test_queue_lists_open_questions_oldest_first(h: CoreHarness) -> None:
    await _ask(
        h,
        "Bromley Police Online Forum first",
        "Bromley Police Online Forum second",
        "Bromley Police Online Forum third",
    )
    await h.staff_says("/reject 2")
    queue = (await h.staff_says("/queue"))[0]
    assert queue.index("#1") < queue.index("#3")
    assert "#2" not in queue


async def test_help_next_and_unknown_command(h: CoreHarness) -> None:
    assert "/merge 12 7" in (await h.staff_says("/help"))[0]
    assert "Tuesday 24 November at 20:00" in (await h.staff_says("/next"))[0]
    assert "Unknown command /frobnicate" in (await h.staff_says("/frobnicate"))[0]
    assert "Usage" in (await h.staff_says("/answer"))[0]
    assert "no question #42" in (await h.staff_says("/approve 42"))[0]


async def test_chatter_in_staff_room_is_ignored(h: CoreHarness) -> None:
    assert await h.staff_says("morning all") == []


async def test_reply_to_an_urgent_card_answers(h: CoreHarness) -> None:
    """An URGENT card is a card: an officer's reply to it answers the question."""
    await _ask(h, "Bromley Police Online Forum someone is breaking into my house right now")
    urgent = [m for m in h.messages_to(STAFF_CHAT) if "URGENT" in plain(m.body)]
    assert urgent
    async with h.core.db.read() as tx:
        rows = await tx.execute_fetchall(
            "SELECT platform_message_id FROM outbox WHERE id = ?", (urgent[0].outbox_id,)
        )
    card_message_id = str(next(iter(rows))[0])
    await h.staff_says("Officers are on their way; stay safe.", reply_to=card_message_id)
    assert "Officers are on their way" in h.texts_to(RESIDENT)[-1]
    assert await _state(h, 1) == State.ANSWERED


async def test_a_strangers_flood_of_commands_gets_one_refusal_and_holds_up_no_card(
    h: CoreHarness,
) -> None:
    await _ask(h)
    replies = [await h.staff_says(f"/approve {n}", user=STRANGER) for n in range(1, 31)]
    assert replies[0] == ["Only this forum's officers can do that. Nothing was changed."]
    assert all(r == [] for r in replies[1:])  # audited, not answered
    await h.resident_says(RESIDENT, "Bromley Police Online Forum is the station open?")
    assert any("Question #2" in t for t in h.texts_to(STAFF_CHAT))
    async with h.core.db.read() as tx:
        trail = await audit.entries(tx)
    assert len([e for e in trail if e.outcome == "refused"]) == 30
    h.clock.advance(REFUSAL_QUIET)
    assert await h.staff_says("/open", user=STRANGER) == [
        "Only this forum's officers can do that. Nothing was changed."
    ]
