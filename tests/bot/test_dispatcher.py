"""The dispatcher: pacing, combined cards, errors mapped to outcomes, restart."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from bot.delivery.pacing import Pace, Pacer
from bot.edge.chat import ChatRef
from bot.edge.rich import Span, plain
from bot.edge.sending import NotSent, OutcomeUnknown, Rejected, RetryLater, Unreachable
from bot.store import outbox as outbox_rows
from bot.store.outbox import OutboxDraft, OutboxPurpose
from tests.support.core_harness import PUBLIC_CHAT, STAFF_CHAT, CoreHarness, HarnessFactory

RESIDENT = "5001"


async def _states(h: object) -> dict[str, int]:
    async with h.core.db.read() as tx:  # type: ignore[attr-defined]
        return await outbox_rows.count_by_state(tx)


async def test_busy_staff_room_gets_combined_cards(h: CoreHarness) -> None:
    h.core.dispatcher.pacers["telegram"] = Pacer(Pace(per_group_per_min=60, burst=2))
    for n in range(12):
        await h.core.intake.accept(
            [_envelope(h, f"60{n:02d}", f"Bromley Police Online Forum q{n}")]
        )
    await h.core.intake.process_pending()
    await h.core.dispatcher.flush()
    cards = h.messages_to(STAFF_CHAT)
    # Every question reached the room, in far fewer than 12 messages.
    text = "\n".join("".join(s.text for s in m.body) for m in cards)
    for n in range(1, 13):
        assert f"Question #{n} " in text
    assert len(cards) < 12
    combined = [m for m in cards if "new questions." in "".join(s.text for s in m.body)]
    assert combined and len(combined[0].buttons) > 1
    # Replying to a combined card is ambiguous: the officer is told how to answer.
    async with h.core.db.read() as tx:
        rows = await tx.execute_fetchall(
            "SELECT platform_message_id FROM outbox WHERE id = ?", (combined[0].outbox_id,)
        )
    message_id = str(next(iter(rows))[0])
    replies = await h.staff_says("the answer", reply_to=message_id)
    assert "several questions" in replies[0]


def _envelope(h: object, user: str, text: str):  # type: ignore[no-untyped-def]
    from bot.edge.inbound import Envelope, Inbound

    return Envelope(
        Inbound(
            platform="telegram",
            event_key=f"e{user}{text}",
            sender_id=user,
            text=text,
            chat=ChatRef("telegram", user, "private"),
        )
    )


async def test_unreachable_resident_is_marked_and_not_retried(h: CoreHarness) -> None:
    h.sender.fail_with[RESIDENT] = Unreachable("Forbidden: bot was blocked by the user")
    await h.resident_says(RESIDENT, "Bromley Police Online Forum question")
    assert len(h.messages_to(STAFF_CHAT)) == 1  # others continue
    await h.staff_says("/answer 1 an answer")
    states = await _states(h)
    assert states.get("failed") == 1  # the acknowledgement: tried once
    assert states.get("skipped") == 1  # the answer: not tried at all
    async with h.core.db.read() as tx:
        rows = await tx.execute_fetchall("SELECT unreachable_at FROM resident")
    assert next(iter(rows))[0] is not None
    # Writing again makes them reachable.
    del h.sender.fail_with[RESIDENT]
    replies = await h.resident_says(RESIDENT, "/status")
    assert "#1" in replies[0]


async def test_retry_after_is_honoured_then_sent(h: CoreHarness) -> None:
    calls = {"n": 0}
    original = h.sender.send

    async def flaky(message):  # type: ignore[no-untyped-def]
        if message.chat.chat_id == RESIDENT and calls["n"] == 0:
            calls["n"] += 1
            raise RetryLater(0.2)
        return await original(message)

    h.sender.send = flaky  # type: ignore[method-assign]
    replies = await h.resident_says(RESIDENT, "Bromley Police Online Forum q")
    assert "#1" in replies[0]
    assert calls["n"] == 1
    assert (await _states(h)).get("sent") == 2


async def test_not_sent_is_retried_outcome_unknown_is_not(h: CoreHarness) -> None:
    h.sender.fail_with[STAFF_CHAT] = OutcomeUnknown("read timed out")
    await h.resident_says(RESIDENT, "Bromley Police Online Forum q")
    states = await _states(h)
    assert states == {"sent": 1, "unknown": 1}


async def test_rows_interrupted_mid_send_are_unknown_after_restart(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness()
    async with h.core.db.transaction() as tx:
        row_id = await outbox_rows.add(
            tx,
            OutboxDraft(
                ChatRef("telegram", RESIDENT, "private"), (Span("hello"),), OutboxPurpose.REPLY
            ),
            h.clock.now(),
        )
        await outbox_rows.mark_sending(tx, [row_id])
        await outbox_rows.add(
            tx,
            OutboxDraft(
                ChatRef("telegram", RESIDENT, "private"), (Span("second"),), OutboxPurpose.REPLY
            ),
            h.clock.now(),
        )
    await h.close()
    h2 = await make_harness()
    await h2.core.dispatcher.recover()
    await h2.core.dispatcher.flush()
    assert h2.texts_to(RESIDENT) == ["second"]
    assert await _states(h2) == {"unknown": 1, "sent": 1}


async def test_connection_refused_is_retried_until_sent(h: CoreHarness) -> None:
    h.core.dispatcher.retry = replace(h.core.dispatcher.retry, first_backoff_s=0.01)
    failures = {"left": 3}
    original = h.sender.send

    async def refusing(message):  # type: ignore[no-untyped-def]
        if failures["left"]:
            failures["left"] -= 1
            raise NotSent("connection refused")
        return await original(message)

    h.sender.send = refusing  # type: ignore[method-assign]
    replies = await h.resident_says(RESIDENT, "Bromley Police Online Forum q")
    assert "#1" in replies[0]


async def test_stop_ends_the_run_loop_without_needing_a_cancellation(h: CoreHarness) -> None:
    """Shut-down must not hang on the dispatcher: on Python 3.11 a cancellation
    can be lost as a wait ends, so the loop ends on ``stop`` by itself, even
    when woken at that very moment."""
    running = asyncio.create_task(h.core.dispatcher.run())
    await asyncio.sleep(0.05)  # in its wait for work
    h.core.dispatcher.wake()
    await h.core.dispatcher.stop()
    await asyncio.wait_for(running, 5)  # returned, not cancelled
    assert running.done() and not running.cancelled()


async def test_published_answers_and_the_closing_go_under_the_sessions_post(
    h: CoreHarness,
) -> None:
    """``Outgoing.under``: in a public room, a published answer and the
    closing carry the platform id of the session's opening post there; the
    opening itself, and anything to other rooms, none."""
    await h.staff_says("/open")
    await h.resident_says(RESIDENT, "Bromley Police Online Forum is the station open?")
    await h.staff_says("/answer 1 Yes, from 9 to 5.")
    await h.staff_says("/close")
    opening, answer, closing = h.messages_to(PUBLIC_CHAT)
    async with h.core.db.read() as tx:
        rows = await tx.execute_fetchall(
            "SELECT platform_message_id FROM outbox WHERE id = ?", (opening.outbox_id,)
        )
    opening_id = str(next(iter(rows))[0])
    assert "now live" in plain(opening.body) and opening.under is None
    assert "from 9 to 5" in plain(answer.body) and answer.under == opening_id
    assert "has ended" in plain(closing.body) and closing.under == opening_id
    assert all(m.under is None for m in h.sender.sent if m.chat.chat_id != PUBLIC_CHAT)


async def test_an_opening_post_that_failed_leaves_nothing_to_go_under(h: CoreHarness) -> None:
    h.sender.fail_with[PUBLIC_CHAT] = Rejected("no such channel")
    await h.staff_says("/open")
    await h.core.dispatcher.flush()
    del h.sender.fail_with[PUBLIC_CHAT]
    await h.resident_says(RESIDENT, "Bromley Police Online Forum is the station open?")
    await h.staff_says("/answer 1 Yes, from 9 to 5.")
    [answer] = h.messages_to(PUBLIC_CHAT)
    assert "from 9 to 5" in plain(answer.body) and answer.under is None
