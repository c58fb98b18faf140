"""Stopping while the schedule is at work (a CI run caught it): a tick under
way when the app stops must end before the database is closed, and no tick
or webhook post may start after. Otherwise the tick runs on a closed
database, and a query on a closed aiosqlite connection can wait for ever,
so `forumbot run` never exits."""

from __future__ import annotations

import asyncio
from datetime import datetime

from bot.forum.session import SessionService
from bot.store.database import Tx
from tests.support.core_harness import CoreHarness


async def test_close_waits_for_the_tick_under_way_and_nothing_runs_after(
    h: CoreHarness,
) -> None:
    scheduler = h.core.scheduler
    entered = asyncio.Event()
    release = asyncio.Event()
    ticks: list[str] = []
    real_run_due = SessionService.run_due

    async def slow_run_due(self: SessionService, tx: Tx, now: datetime) -> None:
        ticks.append("started")
        entered.set()
        await release.wait()
        await real_run_due(self, tx, now)
        ticks.append("ended")

    h.core.sessions.run_due = slow_run_due.__get__(h.core.sessions)  # type: ignore[method-assign]
    under_way = asyncio.create_task(scheduler.tick())
    await asyncio.wait_for(entered.wait(), 5)
    closing = asyncio.create_task(scheduler.close())
    await asyncio.sleep(0.05)
    assert not closing.done()  # it waits for the tick, which still holds the database
    release.set()
    await asyncio.wait_for(asyncio.gather(under_way, closing), 5)
    assert ticks == ["started", "ended"]
    # Stopped: a tick APScheduler had already fired does nothing now.
    await asyncio.wait_for(scheduler.tick(), 5)
    assert ticks == ["started", "ended"]
    # And the database is still usable by whoever closes it next.
    async with h.core.db.read() as tx:
        await tx.execute("SELECT 1")
