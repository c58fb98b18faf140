"""Delivery as officers see it: rooms of a platform that is off get nothing, and what
does not get through is reported in the other staff rooms with what to do."""

from __future__ import annotations

from bot.edge.chat import ChatRef
from bot.edge.rich import Span
from bot.edge.sending import OutcomeUnknown, Rejected
from bot.store import outbox as outbox_rows
from bot.store.outbox import OutboxDraft, OutboxPurpose
from config.model import Room
from tests.support.core_harness import PUBLIC_CHAT, STAFF_CHAT, CoreHarness, HarnessFactory

RESIDENT = "5001"
OTHER_STAFF = "-1002"
ASK = "Bromley Police Online Forum is the park locked at night?"


async def _platforms(h: object) -> dict[str, int]:
    async with h.core.db.read() as tx:  # type: ignore[attr-defined]
        rows = await tx.execute_fetchall("SELECT platform, COUNT(*) FROM outbox GROUP BY platform")
    return {str(r[0]): int(r[1]) for r in rows}


async def test_rooms_of_a_platform_that_is_off_get_nothing(make_harness: HarnessFactory) -> None:
    # Telegram is on in the harness; Discord is not.
    h = await make_harness(
        staff_rooms=(Room("telegram", chat_id=int(STAFF_CHAT)), Room("discord", channel_id="31")),
        public_rooms=(Room("telegram", chat_id=PUBLIC_CHAT), Room("discord", channel_id="41")),
    )
    await h.resident_says(RESIDENT, ASK)
    await h.staff_says("/open")
    told = await h.staff_says("/answer 1 Yes, at dusk.")
    assert "Publishing it now to 1 public room." in told[0]
    assert set(await _platforms(h)) == {"telegram"}
    assert any("Yes, at dusk." in text for text in h.texts_to(PUBLIC_CHAT))


async def test_a_card_a_staff_room_refuses_is_reported_in_the_other_staff_rooms(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(
        staff_rooms=(
            Room("telegram", chat_id=int(STAFF_CHAT)),
            Room("telegram", chat_id=int(OTHER_STAFF)),
        ),
    )
    h.sender.fail_with[OTHER_STAFF] = Rejected("Forbidden: bot was kicked from the group chat")
    await h.resident_says(RESIDENT, ASK)
    notices = [t for t in h.texts_to(STAFF_CHAT) if "could not be delivered" in t]
    assert notices == [
        "The card for #1 could not be delivered to the staff room -1002 (Telegram: Forbidden:"
        " bot was kicked from the group chat). Check that the bot can still post there;"
        " /queue lists the questions waiting."
    ]
    assert h.texts_to(OTHER_STAFF) == []  # not told there: it cannot take messages


async def test_an_answer_that_may_not_have_arrived_is_reported_and_can_be_resent(
    h: CoreHarness,
) -> None:
    await h.resident_says(RESIDENT, ASK)
    h.sender.fail_with[RESIDENT] = OutcomeUnknown("Timed out")
    told = await h.staff_says("/answer 1 Yes, at dusk.")
    assert told[0].startswith("#1 answered by officer telegram:11111111. Sending it to the asker")
    assert told[1] == (
        "The answer to #1 may not have reached the asker: Telegram did not confirm it (Timed"
        " out). It is not sent twice on its own, to avoid a duplicate. If the asker may not"
        " have it, send /resend 1."
    )
    del h.sender.fail_with[RESIDENT]
    again = await h.staff_says("/resend 1")
    assert again[0].startswith("#1: the answer goes to the asker again")
    assert any("Yes, at dusk." in text for text in h.texts_to(RESIDENT))
    refused = await h.staff_says("/resend 1", user="99999")
    assert "Only this forum's officers" in refused[0]


async def test_an_answer_cut_off_by_a_restart_is_reported_as_unknown(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness()
    await h.resident_says(RESIDENT, ASK)
    async with h.core.db.transaction() as tx:
        row_id = await outbox_rows.add(
            tx,
            OutboxDraft(
                ChatRef("telegram", RESIDENT, "private"),
                (Span("Answer to your question #1"),),
                OutboxPurpose.ANSWER,
                question_id=1,
            ),
            h.clock.now(),
        )
        await outbox_rows.mark_sending(tx, [row_id])
    await h.close()
    h2 = await make_harness()
    await h2.core.dispatcher.recover()
    await h2.core.dispatcher.recover()  # again (the app and the dispatcher both call it)
    await h2.core.dispatcher.flush()
    notices = [t for t in h2.texts_to(STAFF_CHAT) if "may not have reached" in t]
    assert len(notices) == 1
    assert "(process stopped during the send)" in notices[0]
    assert h2.texts_to(RESIDENT) == []  # not repeated
