"""Reads never hold up the writer: they run on read connections of their
own (SQLite in WAL mode), so a resident is answered while every one of them
is busy with a query that would never end by itself."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import aiosqlite
import pytest

from bot.store import question as questions
from bot.store.database import Database, fetch_all, fetch_one
from tests.support.core_harness import STAFF_CHAT, CoreHarness

pytestmark = pytest.mark.timeout(60)

RESIDENT = "5001"
ASK = "Bromley Police Online Forum "
WAIT_S = 20.0
# Counts for ever: only an interrupt ends it.
ENDLESS = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT COUNT(*) FROM n"


class EndlessReads:
    """``count`` reads, each holding a read connection with a query that
    never finishes until ``stop`` interrupts it."""

    def __init__(self, db: Database, count: int) -> None:
        self.db = db
        self.count = count
        self.connections: list[aiosqlite.Connection] = []
        self.tasks: list[asyncio.Task[None]] = []
        self._entered = asyncio.Semaphore(0)

    async def _read(self) -> None:
        async with self.db.read() as tx:
            self.connections.append(tx)
            self._entered.release()
            await fetch_all(tx, ENDLESS)

    async def start(self) -> None:
        self.tasks = [asyncio.create_task(self._read()) for _ in range(self.count)]
        async with asyncio.timeout(WAIT_S):
            for _ in range(self.count):
                await self._entered.acquire()

    async def stop(self) -> list[BaseException | None]:
        """Interrupt the queries (again, until each has stopped); each read's outcome."""
        async with asyncio.timeout(WAIT_S):
            while not all(t.done() for t in self.tasks):
                for conn in self.connections:
                    await conn.interrupt()
                await asyncio.wait(self.tasks, timeout=0.05)
        return [t.exception() for t in self.tasks]


async def test_an_emergency_is_answered_while_every_read_connection_is_busy(
    h: CoreHarness,
) -> None:
    db = h.core.db
    assert db.readers >= 1
    busy = EndlessReads(db, db.readers)
    await busy.start()
    queued = asyncio.create_task(busy._read())  # one more read waits for a connection

    replies = await asyncio.wait_for(
        h.resident_says(RESIDENT, ASK + "someone is breaking into my neighbour's house right now"),
        WAIT_S,
    )
    assert "call 999 now" in replies[0]
    assert "#1" in replies[1]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")
    # Every read was still under way when the resident was answered.
    assert not any(t.done() for t in busy.tasks)
    assert not queued.done()

    busy.tasks.append(queued)
    outcomes = await busy.stop()
    assert all(isinstance(e, sqlite3.OperationalError) and "interrupt" in str(e) for e in outcomes)
    async with db.read() as tx:  # the connections are clean and see the question
        asked = await questions.get(tx, 1)
    assert asked is not None and asked.urgent


async def test_a_read_keeps_its_snapshot_while_a_question_is_acknowledged(
    h: CoreHarness,
) -> None:
    db = h.core.db
    async with db.read() as snapshot:
        before = await fetch_one(snapshot, "SELECT COUNT(*) FROM outbox")
        assert before is not None and before[0] == 0

        replies = await asyncio.wait_for(
            h.resident_says(RESIDENT, ASK + "is anything planned about speeding?"), WAIT_S
        )
        assert "#1" in replies[0]
        # Written and committed while this read is still open...
        async with db.read() as fresh:
            acknowledged = await fetch_one(
                fresh,
                "SELECT state FROM outbox WHERE chat_id = ? AND question_id = 1",
                (RESIDENT,),
            )
        assert acknowledged is not None and acknowledged[0] == "sent"
        # ...and this read still sees the state it began with.
        still = await fetch_one(snapshot, "SELECT COUNT(*) FROM outbox")
        assert still is not None and still[0] == 0
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            await snapshot.execute("DELETE FROM outbox")
    async with db.read() as after:
        now = await fetch_one(after, "SELECT COUNT(*) FROM outbox")
    assert now is not None and now[0] > 0


async def test_a_cancelled_read_gives_its_connection_back_at_once(tmp_path: Path) -> None:
    """A visitor who goes away mid-query: the query is interrupted, not left
    running, and the one read connection serves the next read."""
    async with Database(str(tmp_path / "forum.sqlite3"), readers=1) as db:
        busy = EndlessReads(db, 1)
        await busy.start()
        busy.tasks[0].cancel()
        await asyncio.wait_for(asyncio.gather(*busy.tasks, return_exceptions=True), WAIT_S)
        assert busy.tasks[0].cancelled()
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO meta (key, value) VALUES ('k', 'v')")
        async with asyncio.timeout(WAIT_S), db.read() as tx:
            row = await fetch_one(tx, "SELECT value FROM meta WHERE key = 'k'")
        assert row is not None and row[0] == "v"


async def test_an_in_memory_database_reads_on_the_writer_connection() -> None:
    """``:memory:`` is private to one connection: reads take turns with writes."""
    async with Database(":memory:") as db:
        assert db.readers == 0
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO meta (key, value) VALUES ('k', 'v')")
        async with db.read() as tx:
            row = await fetch_one(tx, "SELECT value FROM meta WHERE key = 'k'")
        assert row is not None and row[0] == "v"


@pytest.mark.parametrize("which", ["read_in_turn", "transaction"])
async def test_a_turn_cancelled_as_it_begins_never_leaves_the_writer_in_a_transaction(
    tmp_path: Path, which: str
) -> None:
    """Cancelled while BEGIN is on its way to aiosqlite's thread: the writer's
    connection must not stay inside that transaction (every later write would
    fail with "cannot start a transaction within a transaction")."""
    db = Database(str(tmp_path / "forum.sqlite3"))
    await db.open()
    try:
        for _ in range(20):

            async def turn() -> None:
                async with getattr(db, which)() as tx:
                    await fetch_one(tx, "SELECT 1")

            task = asyncio.create_task(turn())
            await asyncio.sleep(0)  # BEGIN queued, not yet done
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            async with db.transaction() as tx:  # works: no transaction left open
                await tx.execute("CREATE TABLE IF NOT EXISTS t (x)")
            assert not db.conn.in_transaction
    finally:
        await db.close()
