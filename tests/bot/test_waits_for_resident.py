"""A private chat the platform lets the bot write to only after the resident
writes again (``WaitsForResident``: Messenger's 24-hour window): the message
waits, never given up; officers are told once of an answer that waits; it
goes, with all that waited, when the resident writes."""

from __future__ import annotations

from datetime import timedelta

from bot.edge.chat import ChatRef
from bot.edge.sending import Outgoing, WaitsForResident
from bot.store.database import fetch_all
from tests.support.core_harness import STAFF_CHAT, CoreHarness

RESIDENT = "5001"
WAITS = "The answer to #1 waits for the asker"


async def rows(h: CoreHarness) -> list[tuple[str, str, bool]]:
    async with h.core.db.read() as tx:
        found = await fetch_all(
            tx,
            "SELECT purpose, state, waits_since IS NOT NULL FROM outbox"
            " WHERE chat_id = ? AND purpose = 'answer'",
            (RESIDENT,),
        )
    return [(str(r[0]), str(r[1]), bool(r[2])) for r in found]


async def test_an_answer_waits_and_goes_when_the_resident_writes(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, "Bromley Police Online Forum is Elm Road lit at night?")
    h.sender.fail_with[RESIDENT] = WaitsForResident("outside of allowed window")
    told = await h.staff_says("/answer 1 Yes, since March.")
    assert any(WAITS in text for text in h.texts_to(STAFF_CHAT)), told
    assert await rows(h) == [("answer", "pending", True)]
    h.clock.advance(timedelta(days=60))  # far past every give-up window
    await h.core.dispatcher.flush()
    assert await rows(h) == [("answer", "pending", True)]
    del h.sender.fail_with[RESIDENT]
    replies = await h.resident_says(RESIDENT, "/status")
    assert any("Answer to your question #1" in r and "Yes, since March." in r for r in replies)
    assert await rows(h) == [("answer", "sent", False)]
    assert sum(WAITS in text for text in h.texts_to(STAFF_CHAT)) == 1


async def test_a_resident_who_writes_while_the_send_is_refused_is_not_left_waiting(
    h: CoreHarness,
) -> None:
    await h.resident_says(RESIDENT, "Bromley Police Online Forum is Elm Road lit at night?")
    record = h.sender.send
    refused: list[Outgoing] = []

    async def send(message: Outgoing) -> str:
        if message.chat.chat_id == RESIDENT and not refused:
            refused.append(message)
            # The resident's message arrives while Messenger refuses this one.
            h.core.dispatcher.heard_from(ChatRef("telegram", RESIDENT, "private"))
            raise WaitsForResident("outside of allowed window")
        return await record(message)

    h.sender.send = send  # type: ignore[method-assign]
    await h.staff_says("/answer 1 Yes, since March.")
    await h.core.dispatcher.flush()
    assert refused and refused[0].purpose == "answer"
    assert await rows(h) == [("answer", "sent", False)]
