"""One SQLite database through aiosqlite: WAL, foreign keys, BEGIN IMMEDIATE
for writes on one connection, and reads on connections of their own."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from types import TracebackType

import aiosqlite

from bot.store.component import Component, PrivacyHooks
from bot.store.schema import MIGRATIONS

Tx = aiosqlite.Connection

log = logging.getLogger("forumbot.store")

# How long a statement waits for another connection's write lock before it
# fails with "database is locked" (callers that must not lose a write retry).
BUSY_TIMEOUT_MS = 5000
# A checkpoint after an erasure waits for reads in progress (each try up to
# BUSY_TIMEOUT_MS); when they still hold it, it is owed to the next commit.
CHECKPOINT_TRIES = 2
CHECKPOINT_PAUSE_S = 0.05
INTERRUPT_EVERY_S = 0.01


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


def _in_memory(path: str) -> bool:
    """SQLite's in-memory or temporary databases: private to one connection."""
    return path in ("", ":memory:") or (path.startswith("file:") and "memory" in path)


class Database:
    """Owns the connections.

    Writes go through ``transaction``: one connection, one at a time (an
    asyncio lock), ``BEGIN IMMEDIATE``. Reads go through ``read``, on
    connections of their own (at most ``readers``, opened when first needed,
    ``PRAGMA query_only``). In WAL mode a reader sees the last committed state
    beside the writer, so a slow read never holds up a write and a write never
    waits for a read. ``read_in_turn`` is a read on the writer's connection,
    between writes, for the core's short reads just before it writes.

    An in-memory database (``:memory:``) cannot be shared between
    connections, so there ``read`` falls back to ``read_in_turn``; so does
    ``readers=0`` (the benchmark's baseline).

    ``components``: the data parts outside the core keep here (the web
    side's), each with its own migrations, applied by ``open`` after the
    core's, and its privacy hooks (``privacy_hooks``). Raises ValueError when
    two share a name."""

    READERS = 4  # the read pool's size unless given; 0: reads in turn with writes

    def __init__(
        self, path: str, readers: int | None = None, components: Iterable[Component] = ()
    ) -> None:
        self.path = path
        self.components = tuple(components)
        names = [c.name for c in self.components]
        if len(set(names)) != len(names):
            raise ValueError(f"components with the same name: {sorted(names)}")
        self.readers = self.READERS if readers is None else max(readers, 0)
        if _in_memory(path):
            self.readers = 0
        self._conn: aiosqlite.Connection | None = None
        self._erase_pending = False  # a checkpoint owed after an erasure (``erased``)
        # called by ``erased`` (the root empties the caches of read messages)
        self.on_erased: list[Callable[[], None]] = []
        self._lock = asyncio.Lock()
        self._idle: list[aiosqlite.Connection] = []
        self._busy: set[aiosqlite.Connection] = set()
        self._closing: set[asyncio.Task[None]] = set()
        self._free = asyncio.Semaphore(max(self.readers, 1))

    def erased(self) -> None:
        """The write transaction under way erases personal data: once it
        commits, the write-ahead log is copied into the database file and
        truncated to nothing, so no old copy of a page keeps the erased text
        (with ``secure_delete`` on, the file itself keeps none). A
        checkpoint a reader holds up is tried again after the next commit.
        Each of ``on_erased`` is called at once (the composition root adds
        ``read_texts.forget_read_texts``: no cache keeps the erased words)."""
        self._erase_pending = True
        for forget in self.on_erased:
            forget()

    async def _truncate_wal(self, conn: aiosqlite.Connection) -> None:
        for _ in range(CHECKPOINT_TRIES):
            row = await fetch_one(conn, "PRAGMA wal_checkpoint(TRUNCATE)")
            if row is not None and int(row[0]) == 0:
                self._erase_pending = False
                return
            await asyncio.sleep(CHECKPOINT_PAUSE_S)
        log.warning("write-ahead log not truncated after an erasure (a read held it); next write")

    @property
    def privacy_hooks(self) -> tuple[PrivacyHooks, ...]:
        """How ``forget`` and the purge reach the components' copies."""
        return tuple(c.privacy for c in self.components if c.privacy is not None)

    async def open(self) -> None:
        """Open (creating the file on first use) and migrate: the core's
        schema, then each component's, in the order given. Raises
        sqlite3.Error when the file cannot be opened or written; nothing is
        left open then."""
        conn = await aiosqlite.connect(self.path, isolation_level=None)
        try:
            conn.row_factory = aiosqlite.Row
            await conn.execute("PRAGMA journal_mode = WAL")
            await conn.execute("PRAGMA synchronous = FULL")
            await conn.execute("PRAGMA foreign_keys = ON")
            await conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
            # Deleted and overwritten content is zeroed, not left in free
            # space: erased means erased from the file (docs/privacy.md).
            await conn.execute("PRAGMA secure_delete = ON")
            self._conn = conn
            await self._migrate()
        except BaseException:
            self._conn = None
            await conn.close()
            raise

    async def close(self) -> None:
        """Close the read connections, then the writer's (which checkpoints the
        WAL). Every connection's thread has ended when this returns: a thread
        left running would keep the process from exiting."""
        readers = [*self._idle, *self._busy]
        self._idle.clear()
        self._busy.clear()
        for reader in readers:
            with contextlib.suppress(Exception):
                await reader.close()
        if self._closing:
            await asyncio.gather(*self._closing, return_exceptions=True)
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
        """The writer's connection."""
        if self._conn is None:
            raise RuntimeError("database is not open")
        return self._conn

    async def _migrate(self) -> None:
        """The core's migrations not yet applied, then the components'. A
        database whose core schema is newer than this code knows is left as
        it is, components included (``schema_version`` tells the caller)."""
        row = await fetch_one(self.conn, "PRAGMA user_version")
        version = int(row[0]) if row else 0
        if version > len(MIGRATIONS):
            return
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            await self.conn.executescript(
                f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;"
            )
        for component in self.components:
            await self._migrate_component(component)

    async def _migrate_component(self, component: Component) -> None:
        """A component's migrations not yet applied, each in its own
        transaction with the version it reaches (``meta``, ``schema:<name>``;
        the name is checked, so it can be written into the script). A newer
        version than it knows is left as it is."""
        key = component.version_key
        done = await self._component_version(self.conn, key)
        for number, script in enumerate(component.migrations[done:], start=done + 1):
            await self.conn.executescript(
                f"BEGIN IMMEDIATE;\n{script}\n"
                f"INSERT INTO meta (key, value) VALUES ('{key}', '{number}')"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value;\nCOMMIT;"
            )

    @staticmethod
    async def _component_version(tx: Tx, key: str) -> int:
        row = await fetch_one(tx, "SELECT value FROM meta WHERE key = ?", (key,))
        return int(row[0]) if row else 0

    async def component_version(self, name: str) -> int:
        """How many of component ``name``'s migrations this database has
        had (0: none, or no such component)."""
        async with self.read() as tx:
            return await self._component_version(tx, f"schema:{name}")

    async def schema_version(self) -> int:
        async with self.read() as tx:
            row = await fetch_one(tx, "PRAGMA user_version")
        return int(row[0]) if row else 0

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        """A write transaction (``BEGIN IMMEDIATE``) on the writer's
        connection, one at a time in this process: committed when the block
        ends, rolled back when it raises (or is cancelled), and the error
        raised again. Waits for the write before it (an asyncio lock), then
        up to ``BUSY_TIMEOUT_MS`` (5 s) for another process's write lock.
        Raises sqlite3.OperationalError "database is locked" when that runs
        out, at BEGIN or at COMMIT (``is_busy`` tells it: nothing was
        written; callers that must not lose a write try again), RuntimeError
        when the database is not open, and whatever the block raises."""
        async with self._lock:
            conn = self.conn
            try:
                await conn.execute("BEGIN IMMEDIATE")
                yield conn
            except BaseException:
                # Shielded, and also when cancelled while BEGIN was on its way
                # (statements run in order): the writer never stays in a transaction.
                await asyncio.shield(self._roll_back(conn))
                raise
            try:
                await conn.execute("COMMIT")
            except BaseException:
                # A COMMIT that failed (e.g. the database stayed busy) leaves the
                # transaction open: roll it back so the connection can be used again.
                if conn.in_transaction:
                    await conn.execute("ROLLBACK")
                raise
            if self._erase_pending:
                await self._truncate_wal(conn)

    @asynccontextmanager
    async def read_in_turn(self) -> AsyncIterator[Tx]:
        """A read on the writer's connection, between writes: it sees one
        consistent state and never waits for the read pool. For the core's
        short, indexed reads just before it writes (intake, dispatcher), so
        they never queue behind the public's reads."""
        async with self._lock:
            conn = self.conn
            try:
                await conn.execute("BEGIN")
                yield conn
            finally:
                # Also when cancelled while BEGIN was on its way: aiosqlite runs
                # a connection's statements in order, so this ends what BEGIN
                # started, and the writer is never left inside a transaction.
                await asyncio.shield(self._end_turn(conn))

    @asynccontextmanager
    async def read(self) -> AsyncIterator[Tx]:
        """A read transaction on a read connection: one consistent snapshot of
        what was committed when its first query ran, however long it takes,
        with writes going on beside it. Writing through it fails (``query_only``). Waits
        only for a free read connection, never for the writer."""
        if self.readers == 0:
            async with self.read_in_turn() as tx:
                yield tx
            return
        async with self._free:
            conn = self._idle.pop() if self._idle else await self._open_reader()
            self._busy.add(conn)
            ended = False
            try:
                await conn.execute("BEGIN")
                cancelled = False
                try:
                    yield conn
                except asyncio.CancelledError:
                    cancelled = True
                    raise
                finally:
                    # Shielded: a read cancelled again while ending still ends
                    # its transaction before the connection is used again.
                    ended = await asyncio.shield(self._end_read(conn, cancelled))
            finally:
                self._busy.discard(conn)
                if ended and self._conn is not None:
                    self._idle.append(conn)
                else:  # cancelled again while ending, or the database was closed
                    closing = asyncio.get_running_loop().create_task(self._discard(conn))
                    self._closing.add(closing)
                    closing.add_done_callback(self._closing.discard)

    async def _open_reader(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("database is not open")
        conn = await aiosqlite.connect(self.path, isolation_level=None)
        try:
            conn.row_factory = aiosqlite.Row
            await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            await conn.execute("PRAGMA query_only = ON")
            if self._conn is None:  # closed while this one was opening
                raise RuntimeError("database is not open")
        except BaseException:
            await asyncio.shield(conn.close())
            raise
        return conn

    @staticmethod
    async def _end_read(conn: aiosqlite.Connection, interrupt: bool) -> bool:
        """End the read transaction; whether the connection is clean again.
        With ``interrupt`` (the reader was cancelled), the query it left
        running in aiosqlite's thread is interrupted until it stops, so the
        connection is free again at once rather than when the query ends."""

        async def rollback() -> None:
            with contextlib.suppress(sqlite3.OperationalError):  # interrupted too
                await conn.execute("ROLLBACK")

        try:
            ending = asyncio.ensure_future(rollback())
            while interrupt and not ending.done():
                # Again and again: an interrupt before the query has started is lost.
                await conn.interrupt()
                await asyncio.wait({ending}, timeout=INTERRUPT_EVERY_S)
            await ending
            return not conn.in_transaction
        except (ValueError, sqlite3.ProgrammingError):
            # The database was closed under the read (the bot is stopping and
            # ``close`` closed this connection): nothing left to end.
            return False

    @staticmethod
    async def _roll_back(conn: aiosqlite.Connection) -> None:
        with contextlib.suppress(sqlite3.OperationalError):  # BEGIN never went out
            await conn.execute("ROLLBACK")

    @staticmethod
    async def _end_turn(conn: aiosqlite.Connection) -> None:
        with contextlib.suppress(sqlite3.OperationalError):  # BEGIN never went out
            await conn.execute("COMMIT")

    @staticmethod
    async def _discard(conn: aiosqlite.Connection) -> None:
        try:
            await conn.close()
        except Exception:
            log.warning("a read connection did not close cleanly", exc_info=True)
