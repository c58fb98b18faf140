"""One SQLite database through aiosqlite: WAL, foreign keys, BEGIN IMMEDIATE."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from types import TracebackType

import aiosqlite

from bot.store.schema import MIGRATIONS

Tx = aiosqlite.Connection


def iso(at: datetime) -> str:
    """An instant as stored: ISO 8601 in UTC."""
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def instant(raw: str) -> datetime:
    return datetime.fromisoformat(raw)


def is_busy(error: BaseException) -> bool:
    """A statement refused because another connection held the database
    longer than the busy timeout ("database is locked"): it may pass."""
    text = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


# aiosqlite runs each call on its own thread: ``execute`` then ``fetchone`` then
# closing the cursor is three hand-offs and three wake-ups of the event loop;
# ``execute_fetchall`` is one. Every read in the store goes through these two.


async def fetch_all(tx: Tx, sql: str, params: Sequence[object] = ()) -> list[aiosqlite.Row]:
    """Every row of a query, in one call to the database thread."""
    return list(await tx.execute_fetchall(sql, params))


async def fetch_one(tx: Tx, sql: str, params: Sequence[object] = ()) -> aiosqlite.Row | None:
    """The first row of a query (written to return at most one), or None."""
    rows = await tx.execute_fetchall(sql, params)
    return next(iter(rows), None)


# How long a statement waits for another connection's write lock before it
# fails with "database is locked" (callers that must not lose a write retry).
BUSY_TIMEOUT_MS = 5000


class Database:
    """Owns the connection. Every read and write goes through ``transaction``,
    so one coroutine's statements never interleave with another's."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._conn: aiosqlite.Connection | None = None
        self._lock = asyncio.Lock()

    async def open(self) -> None:
        """Open (creating the file on first use) and migrate. Raises
        sqlite3.Error when the file cannot be opened or written; nothing is
        left open then."""
        conn = await aiosqlite.connect(self.path, isolation_level=None)
        try:
            conn.row_factory = aiosqlite.Row
            await conn.execute("PRAGMA journal_mode = WAL")
            await conn.execute("PRAGMA synchronous = FULL")
            await conn.execute("PRAGMA foreign_keys = ON")
            await conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
            self._conn = conn
            await self._migrate()
        except BaseException:
            self._conn = None
            await conn.close()
            raise

    async def close(self) -> None:
        if self._conn is not None:
            await self._conn.close()
            self._conn = None

    async def __aenter__(self) -> Database:
        await self.open()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    @property
    def conn(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("database is not open")
        return self._conn

    async def _migrate(self) -> None:
        row = await fetch_one(self.conn, "PRAGMA user_version")
        version = int(row[0]) if row else 0
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            await self.conn.executescript(
                f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;"
            )

    async def schema_version(self) -> int:
        async with self.read() as tx:
            row = await fetch_one(tx, "PRAGMA user_version")
        return int(row[0]) if row else 0

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        """A write transaction: committed on success, rolled back on error."""
        async with self._lock:
            conn = self.conn
            await conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                await conn.execute("ROLLBACK")
                raise
            try:
                await conn.execute("COMMIT")
            except BaseException:
                # A COMMIT that failed (e.g. the database stayed busy) leaves the
                # transaction open: roll it back so the connection can be used again.
                if conn.in_transaction:
                    await conn.execute("ROLLBACK")
                raise

    @asynccontextmanager
    async def read(self) -> AsyncIterator[Tx]:
        """Reads that see one consistent state."""
        async with self._lock:
            conn = self.conn
            await conn.execute("BEGIN")
            try:
                yield conn
            finally:
                await conn.execute("COMMIT")
