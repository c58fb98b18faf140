"""Every statement the running app executes for the public archive, the
feeds, search, /metrics, the retention purge and a resident's ``forget`` (and
for the web chat and console that publish the answers first) has an index to
use. The SQL is captured as executed, from every aiosqlite connection, while
real pages are fetched over HTTP; each statement is then put through
``EXPLAIN QUERY PLAN`` with the parameters it ran with, and a ``SCAN`` of a
table that grows fails the test. So a new query on these paths is checked
without anyone listing it here."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import aiosqlite
import pytest

from tests.web.public_setup import published_forum
from tests.web.web_setup import Visitor, browser, events, running_web

pytestmark = pytest.mark.timeout(90)

# Tables that stay a few rows whatever the size of the forum. Every other
# table (including any added later) is taken to grow.
# (room_state: at most one row per configured room, read whole at start.)
SMALL_TABLES = {"meta", "web_key", "question_tally", "outbox_tally", "room_state"}

# Partial indexes over rows that never pile up: walking one is not a scan of
# the table.
BOUNDED_INDEXES = {
    "outbox_pending": "messages waiting to be sent",
    "outbox_sending": "messages in flight",
    "outbox_forgotten": "forget confirmations, deleted by the purge once sent",
    "outbox_confirmation": "e-mail addresses' confirmations, deleted once sent (or by the purge)",
    "inbox_unprocessed": "events not yet processed (seconds)",
    "session_open": "at most one open session per forum",
    "publication_waiting": "answers waiting for the next session",
    "broadcast_active": "alerts not yet finished",
    "inbox_set_aside": "events that could not be read (rare; purged after the retention period)",
}

# Hostile searches: none may be a syntax error or match by accident.
SEARCHES = (
    "council friday",
    '"',
    'council"',
    "*",
    "coun*",
    "NEAR(council friday)",
    "council NEAR friday",
    "-council",
    "council OR patrols",
    "council AND NOT friday",
    "publishable:council",
    "^council",
    "(council",
    "{council}",
    "%00council",
    "caf\u00e9 \u0441\u0443\u0434 \U0001f6a8 \u8b66\u5bdf",
    "x" * 200,
    "a " * 100,
)

_SKIP = re.compile(r"\s*(BEGIN|COMMIT|ROLLBACK|PRAGMA|SAVEPOINT|RELEASE)\b", re.IGNORECASE)
_SCAN = re.compile(
    r"^SCAN (?P<name>\S+)"
    r"(?: USING (?:COVERING )?INDEX (?P<index>\S+))?"
    r"(?: VIRTUAL TABLE INDEX \d+:(?P<vindex>\S*))?"
)
_NAMED = re.compile(r"\b(?:FROM|JOIN|UPDATE|INTO)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?", re.IGNORECASE)
_KEYWORDS = {
    "where", "join", "on", "set", "values", "order", "group", "limit", "left", "inner",
    "cross", "union", "select", "returning", "default", "as", "using", "natural",
}  # fmt: skip


Captured = dict[str, tuple[Any, ...]]


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch) -> Captured:
    """Each distinct statement run through aiosqlite (any connection, any
    call: execute, execute_fetchall, executemany, cursors) and its first
    parameters. Migration scripts are not queries and are left out."""
    seen: Captured = {}
    original = aiosqlite.Connection._execute

    async def spy(self: aiosqlite.Connection, fn: Callable[..., Any], *args: Any) -> Any:
        if args and isinstance(args[0], str) and getattr(fn, "__name__", "") != "executescript":
            params: Any = args[1] if len(args) > 1 else ()
            if getattr(fn, "__name__", "") == "executemany":
                params = next(iter(params), ())
            if args[0] not in seen or (params and not seen[args[0]]):
                seen[args[0]] = tuple(params)
        return await original(self, fn, *args)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", spy)
    return seen


@pytest.fixture
async def exercised(tmp_path: Path, captured: Captured) -> AsyncIterator[tuple[Path, Captured]]:
    """A forum published through the web chat and console, then every public
    page, feed and search fetched over HTTP, /metrics scraped, the purge run
    (counting, then erasing) and a web resident forgotten."""
    async with running_web(tmp_path) as app, browser() as http:
        await published_forum(app)
        public = Visitor(app, http)
        pages = [
            "/archive",
            "/archive/bromley",
            "/archive/bromley?before=2",
            "/archive/bromley/sessions/1",
            "/archive/bromley/sessions/2",
            "/archive/bromley/questions/1",
            "/archive/bromley/answers.atom",
            "/archive/bromley/sessions.ics",
            "/metrics",
            "/healthz",
        ]
        for path in pages:
            status, _ = await public.get(path)
            assert status == 200, path
        for path in ("/archive/bromley/questions/3", "/archive/bromley/sessions/99"):
            status, _ = await public.get(path)
            assert status == 404, path
        for words in SEARCHES:
            async with http.get(public.base + "/archive/bromley", params={"q": words}) as r:
                assert r.status == 200, words
        await app.core.retention.purge(dry_run=True)
        await app.core.retention.purge()
        await public.get("/")
        async with events(public, "/chat/events") as feed:
            await public.post_json("/chat/send", {"text": "/forget confirm"})
            await feed.until("We no longer hold your account details")
    yield tmp_path / "forum.sqlite3", captured


def _names(conn: sqlite3.Connection) -> tuple[set[str], set[str]]:
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    tables = {str(name) for name, _ in rows}
    virtual = {str(name) for name, sql in rows if "VIRTUAL TABLE" in str(sql).upper()}
    return tables, virtual


def _table_of(name: str, sql: str, tables: set[str]) -> str | None:
    """The table a plan line's name stands for (the name, or an alias in ``sql``)."""
    if name in tables:
        return name
    for table, alias in _NAMED.findall(sql):
        if alias == name and alias.lower() not in _KEYWORDS and table in tables:
            return str(table)
    return None


def scans_of_growing_tables(database: Path, statements: Captured) -> list[str]:
    problems: list[str] = []
    with closing(sqlite3.connect(database)) as conn:
        tables, virtual = _names(conn)
        for sql, params in statements.items():
            if _SKIP.match(sql):
                continue
            if len(params) != sql.count("?"):  # an executemany given no rows
                params = (None,) * sql.count("?")  # plans do not depend on values
            plan = [str(r[3]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
            for line in plan:
                found = _SCAN.match(line)
                if found is None or line in ("SCAN CONSTANT ROW",):
                    continue
                name = found["name"]
                if name.startswith("("):  # a subquery's rows, planned on its own lines
                    continue
                table = _table_of(name, sql, tables)
                if table is None:
                    problems.append(f"{line!r} names no known table in: {sql}")
                elif table in SMALL_TABLES or found["index"] in BOUNDED_INDEXES:
                    continue
                elif table in virtual and re.search(r"[M=]", found["vindex"] or ""):
                    continue  # a full-text MATCH, or a rowid look-up
                else:
                    problems.append(f"{line!r} in: {sql}\n    plan: {plan}")
    return problems


async def test_every_query_of_the_public_side_and_the_purge_has_an_index(
    exercised: tuple[Path, Captured],
) -> None:
    database, statements = exercised
    # The capture saw the paths it is meant to check.
    everything = "\n".join(statements)
    for expected in (
        "archive_search MATCH",  # search
        "ORDER BY q.published_at DESC",  # the Atom feed
        "q.published_session_id = ?",  # a session's page
        "FROM question_tally",  # /metrics
        "DELETE FROM inbox",  # the purge
        "DELETE FROM resident",  # forget
        "INSERT INTO question",  # the web chat
    ):
        assert expected in everything, expected
    assert scans_of_growing_tables(database, statements) == []


def test_the_check_finds_a_scan(tmp_path: Path) -> None:
    """The checker itself: a query with no index to use is reported, through
    an alias too; indexed ones, bounded partial indexes and small tables pass."""
    database = tmp_path / "plans.sqlite3"
    with closing(sqlite3.connect(database)) as conn:
        conn.executescript(
            "CREATE TABLE question (id INTEGER PRIMARY KEY, forum_id TEXT, state TEXT);"
            "CREATE INDEX question_forum_state ON question (forum_id, state);"
            "CREATE TABLE outbox (id INTEGER PRIMARY KEY, state TEXT);"
            "CREATE INDEX outbox_pending ON outbox (id) WHERE state = 'pending';"
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
        )
    problems = scans_of_growing_tables(
        database,
        {
            "SELECT * FROM question q WHERE q.state = ?": ("answered",),
            "SELECT COUNT(*) FROM question": (),
            "SELECT * FROM question WHERE forum_id = ? AND state = ?": ("b", "new"),
            "SELECT id FROM outbox WHERE state = 'pending' ORDER BY id": (),
            "SELECT value FROM meta WHERE value = ?": ("x",),
        },
    )
    assert len(problems) == 2
    assert "SCAN q" in problems[0] and "SCAN question" in problems[1]


async def test_foreign_keys_to_rows_that_are_deleted_are_indexed(
    exercised: tuple[Path, Captured],
) -> None:
    """Deleting a row makes SQLite look up every row pointing at it, one
    search per foreign key: without an index on the pointing column, a scan
    of that table for each deleted resident."""
    database, statements = exercised
    deleted = {
        m.group(1) for sql in statements for m in re.finditer(r"DELETE FROM (\w+)", sql, re.I)
    }
    assert "resident" in deleted
    missing: list[str] = []
    with closing(sqlite3.connect(database)) as conn:
        tables, virtual = _names(conn)
        for child in sorted(tables - virtual):
            for fk in conn.execute(f"PRAGMA foreign_key_list({child})").fetchall():
                parent, column = str(fk[2]), str(fk[3])
                if parent not in deleted:
                    continue
                usable = False
                for index in conn.execute(f"PRAGMA index_list({child})").fetchall():
                    name, partial = str(index[1]), bool(index[4])
                    first = conn.execute(f"PRAGMA index_info({name})").fetchone()
                    if first is None or first[2] != column:
                        continue
                    where = conn.execute(
                        "SELECT sql FROM sqlite_master WHERE name = ?", (name,)
                    ).fetchone()
                    if not partial or str(where[0]).endswith(f"WHERE {column} IS NOT NULL"):
                        usable = True
                if not usable:
                    missing.append(f"{child}.{column} -> {parent}")
    assert missing == []
