"""A resident's private chat, through the core with a real SQLite file."""

from __future__ import annotations

from bot.store import question as questions
from tests.support.core_harness import PUBLIC_CHAT, STAFF_CHAT, CoreHarness, HarnessFactory

RESIDENT = "5001"


async def test_question_with_phrase_is_acknowledged_with_reference_and_next_session(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT, "Bromley Police Online Forum: is anything planned about speeding on Elm Road?"
    )
    assert len(replies) == 1
    ack = replies[0]
    assert "#1" in ack
    assert "Tuesday 24 November at 20:00" in ack
    assert "edit your question" in ack
    assert "not monitored 24/7" in ack and "999" in ack and "101" in ack
    assert "Crimestoppers" in ack


async def test_phrase_is_matched_ignoring_case_and_punctuation(h: CoreHarness) -> None:
    replies = await h.resident_says(RESIDENT, "bromley police, online forum!! who do I ask?")
    assert "#1" in replies[0]


async def test_card_reaches_staff_room_with_pseudonym_not_handle(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, "Bromley Police Online Forum my email is jo@example.org")
    cards = h.messages_to(STAFF_CHAT)
    assert len(cards) == 1
    text = "".join(s.text for s in cards[0].body)
    assert "Question #1" in text
    assert "R-" in text
    assert RESIDENT not in text
    assert "[email]" in text  # the suggested publishable text
    assert "jo@example.org" in text  # the text as received, for officers only
    assert [b.data for b in cards[0].buttons[0]] == ["approve:1", "reject:1", "later:1"]
    assert h.texts_to(PUBLIC_CHAT) == []


async def test_message_without_phrase_gets_help_and_is_not_stored(h: CoreHarness) -> None:
    replies = await h.resident_says(RESIDENT, "hello, how does this work?")
    assert len(replies) == 1
    assert "How to ask" in replies[0]
    assert "Bromley Police Online Forum" in replies[0]
    assert "not monitored 24/7" in replies[0]
    async with h.core.db.read() as tx:
        assert await questions.get(tx, 1) is None
    assert h.texts_to(STAFF_CHAT) == []


async def test_ask_command_uses_the_only_forum(h: CoreHarness) -> None:
    replies = await h.resident_says(RESIDENT, "/ask Are there more patrols near the station?")
    assert "#1" in replies[0]
    empty = await h.resident_says(RESIDENT, "/ask")
    assert "write your question after /ask" in empty[0]


async def test_emergency_gets_999_guidance_first_and_urgent_card(h: CoreHarness) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "Bromley Police Online Forum someone is breaking into my neighbour's house right now",
    )
    assert "call 999 now" in replies[0]
    assert "#1" in replies[1]
    card = h.texts_to(STAFF_CHAT)[0]
    assert card.startswith("URGENT")


async def test_emergency_without_phrase_still_stored_and_flagged(h: CoreHarness) -> None:
    replies = await h.resident_says(RESIDENT, "help me he has got a knife")
    assert "call 999 now" in replies[0]
    assert "URGENT" in h.texts_to(STAFF_CHAT)[0]


async def test_self_harm_gets_999_guidance_and_the_helpline(h: CoreHarness) -> None:
    replies = await h.resident_says(RESIDENT, "i have taken all my tablets and want to die")
    assert "call 999 now" in replies[0]
    assert "press 55" in replies[0] and "18000" in replies[0]
    assert "Samaritans, free, day or night, on 116 123" in replies[0]
    assert "URGENT" in h.texts_to(STAFF_CHAT)[0]


async def test_danger_guidance_carries_no_helpline(h: CoreHarness) -> None:
    replies = await h.resident_says(RESIDENT, "help me he has got a knife")
    assert "press 55" in replies[0] and "18000" in replies[0]
    assert "116 123" not in replies[0]


async def test_past_event_in_a_question_is_not_flagged(h: CoreHarness) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "Bromley Police Online Forum last year someone broke in next door, "
        "what can we do to make the street safer?",
    )
    assert len(replies) == 1 and "#1" in replies[0]
    assert not h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


async def test_not_an_emergency_is_not_flagged(h: CoreHarness) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "Bromley Police Online Forum this is not an emergency but bikes keep going missing",
    )
    assert len(replies) == 1 and "#1" in replies[0]
    assert not h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


async def test_status_and_withdraw(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, "Bromley Police Online Forum question one")
    await h.resident_says(RESIDENT, "Bromley Police Online Forum question two")
    status = await h.resident_says(RESIDENT, "/status")
    assert "#1" in status[0] and "#2" in status[0] and "waiting for review" in status[0]
    done = await h.resident_says(RESIDENT, "/withdraw #2")
    assert "#2 is withdrawn" in done[0]
    assert "#2 was withdrawn" in h.texts_to(STAFF_CHAT)[-1]
    again = await h.resident_says(RESIDENT, "/withdraw 2")
    assert "can no longer be withdrawn" in again[0]
    other = await h.resident_says("5002", "/withdraw 1")
    assert "You have no question #1" in other[0]
    usage = await h.resident_says(RESIDENT, "/withdraw")
    assert "/withdraw #12" in usage[0]


async def test_next_and_start(h: CoreHarness) -> None:
    upcoming = await h.resident_says(RESIDENT, "/next")
    assert "Bromley Police Online Forum: Tuesday 24 November at 20:00" in upcoming[0]
    start = await h.resident_says(RESIDENT, "/start")
    assert "Welcome" in start[0] and "not monitored 24/7" in start[0]


async def test_answer_reaches_resident_privately(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, "Bromley Police Online Forum when is the next surgery?")
    await h.staff_says("/answer 1 The next surgery is on Saturday at the library.")
    answer = h.texts_to(RESIDENT)[-1]
    assert "Answer to your question #1" in answer
    assert "Saturday at the library" in answer


async def test_questions_survive_restart(make_harness: HarnessFactory) -> None:
    h = await make_harness()
    await h.resident_says(RESIDENT, "Bromley Police Online Forum about parking")
    await h.close()
    h2 = await make_harness()
    status = await h2.resident_says(RESIDENT, "/status")
    assert "#1" in status[0]
    replies = await h2.resident_says(RESIDENT, "Bromley Police Online Forum another")
    assert "#2" in replies[0]


async def test_first_contact_by_command_carries_the_notice(h: CoreHarness) -> None:
    first = await h.resident_says(RESIDENT, "/next")
    assert "not monitored 24/7" in first[0]
    second = await h.resident_says(RESIDENT, "/next")
    assert "not monitored 24/7" not in second[0]
