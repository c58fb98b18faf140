"""Sessions from the schedule: reminders, opening, closing, carry-over, and a
bot that was down when something was due. Time passes on a fake clock."""

from __future__ import annotations

from datetime import timedelta

from bot.store import session as session_rows
from tests.support.core_harness import PUBLIC_CHAT, STAFF_CHAT, HarnessFactory, at

RESIDENT = "5001"


async def test_reminders_open_and_close_on_schedule(make_harness: HarnessFactory) -> None:
    # First session: Tuesday 24 Nov 2026 20:00 London = 20:00 UTC.
    h = await make_harness(start="2026-11-23 19:59")
    await h.tick()
    assert h.texts_to(PUBLIC_CHAT) == []
    h.clock.set(at("2026-11-23 20:00"))
    await h.tick()
    assert "next live session is Tuesday 24 November at 20:00" in h.texts_to(PUBLIC_CHAT)[-1]
    h.clock.set(at("2026-11-24 19:00"))
    await h.tick()
    assert len(h.texts_to(PUBLIC_CHAT)) == 2
    await h.tick()  # nothing twice
    assert len(h.texts_to(PUBLIC_CHAT)) == 2
    h.clock.set(at("2026-11-24 20:00"))
    await h.tick()
    assert "now live until 21:00" in h.texts_to(PUBLIC_CHAT)[-1]
    assert "live until 21:00" in h.texts_to(STAFF_CHAT)[-1]
    h.clock.set(at("2026-11-24 21:00"))
    await h.tick()
    assert "this live session has ended" in h.texts_to(PUBLIC_CHAT)[-1]
    assert "Tuesday 8 December at 20:00" in h.texts_to(PUBLIC_CHAT)[-1]


async def test_session_start_missed_while_down_opens_late_and_stale_reminders_skipped(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(start="2026-11-23 12:00")
    await h.tick()
    # Down from before both reminders until 20:25 during the session.
    h.clock.set(at("2026-11-24 20:25"))
    await h.tick()
    public = h.texts_to(PUBLIC_CHAT)
    assert len(public) == 1
    assert "now live until 21:00" in public[0]
    async with h.core.db.read() as tx:
        rows = await tx.execute_fetchall("SELECT offset_s, outcome FROM reminder ORDER BY offset_s")
    assert [tuple(r) for r in rows] == [(3600, "skipped"), (86400, "skipped")]


async def test_session_missed_entirely_is_not_opened_and_questions_carry_over(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(start="2026-11-24 19:30")
    await h.resident_says(RESIDENT, "Bromley Police Online Forum question")
    await h.staff_says("/approve 1")
    h.clock.set(at("2026-11-24 21:30"))
    await h.tick()
    assert not any("now live" in t for t in h.texts_to(PUBLIC_CHAT))
    # The next session lists the approved question for officers.
    h.clock.set(at("2026-12-08 20:00"))
    await h.tick()
    assert "#1" in h.texts_to(STAFF_CHAT)[-1]


async def test_unanswered_approved_questions_carry_over(make_harness: HarnessFactory) -> None:
    h = await make_harness(start="2026-11-24 19:30")
    await h.resident_says(RESIDENT, "Bromley Police Online Forum one")
    await h.resident_says(RESIDENT, "Bromley Police Online Forum two")
    await h.staff_says("/approve 1")
    await h.staff_says("/approve 2")
    h.clock.set(at("2026-11-24 20:00"))
    await h.tick()
    waiting = h.texts_to(STAFF_CHAT)[-1]
    assert "#1" in waiting and "#2" in waiting
    await h.staff_says("/answer 1 done")
    h.clock.set(at("2026-11-24 21:00"))
    await h.tick()
    assert "answered 1 question." in h.texts_to(PUBLIC_CHAT)[-1]
    h.clock.set(at("2026-12-08 20:00"))
    await h.tick()
    waiting = h.texts_to(STAFF_CHAT)[-1]
    assert "#2" in waiting and "#1" not in waiting


async def test_acknowledgement_during_live_session_says_until_when(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(start="2026-11-24 20:10")
    await h.tick()
    ack = (await h.resident_says(RESIDENT, "Bromley Police Online Forum quick one"))[0]
    assert "live session is on now until 21:00" in ack


async def test_summer_session_keeps_local_wall_clock(make_harness: HarnessFactory) -> None:
    # 13 April 2027 20:00 BST = 19:00 UTC (fortnightly from 24 Nov 2026).
    h = await make_harness(start="2027-04-13 18:59")
    await h.tick()
    assert not any("now live" in t for t in h.texts_to(PUBLIC_CHAT))
    h.clock.set(at("2027-04-13 19:00"))
    await h.tick()
    assert "now live until 21:00" in h.texts_to(PUBLIC_CHAT)[-1]


async def test_manual_session_closes_after_its_duration(make_harness: HarnessFactory) -> None:
    h = await make_harness(start="2026-11-26 10:00")
    await h.staff_says("/open")
    assert "now live until 10:00" not in h.texts_to(PUBLIC_CHAT)[-1]
    assert "now live until 11:00" in h.texts_to(PUBLIC_CHAT)[-1]
    h.clock.advance(timedelta(minutes=61))
    await h.tick()
    assert "has ended" in h.texts_to(PUBLIC_CHAT)[-1]
    async with h.core.db.read() as tx:
        assert await session_rows.all_open(tx) == []


async def test_next_event_is_the_earliest_reminder_start_or_end(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(start="2026-11-23 12:00")
    now = h.clock.now()
    assert h.core.sessions.next_event_at(now, []) == at("2026-11-23 20:00")
    assert h.core.sessions.next_event_at(at("2026-11-24 20:30"), []) == at("2026-11-24 21:00")
