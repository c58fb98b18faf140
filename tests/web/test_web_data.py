"""The web side owns its data: its tables come from its own migrations
(``adapters/web/schema.py``), the core's schema and purge name none of them,
and erasure reaches them through the privacy hooks it registers. Databases
made before (the core's migrations 5 and 8 made the web tables) and new ones
end with the same schema."""

from __future__ import annotations

import io
import re
import sqlite3
from collections import Counter
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from adapters.email.store import MIGRATIONS as EMAIL_MIGRATIONS
from adapters.web import store
from adapters.web.schema import MIGRATIONS as WEB_MIGRATIONS
from adapters.web.store import WEB_DATA
from bot.core import Component
from bot.edge.rich import Span
from bot.store import privacy
from bot.store.database import Database, fetch_all
from bot.store.schema import MIGRATIONS
from forumbot import admin
from forumbot.app import new_database, platform_data
from tests.support.core_harness import forum_config
from tests.support.released_schema import RELEASED_MIGRATIONS

ROOT = Path(__file__).resolve().parents[2]
AT = "2026-01-01T00:00:00+00:00"

Schema = list[tuple[str, str, str, str | None]]


def schema_of(path: Path) -> Schema:
    """Every table, index, trigger and view, as SQLite keeps it (without
    where in the file: ``rootpage`` depends on the order they were made)."""
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
    return [(str(t), str(n), str(tbl), s) for t, n, tbl, s in rows]


def released(path: Path, version: int) -> None:
    """A database as the released forumbot left it at ``version`` (0: none),
    with a row in each table the web side had from version 5."""
    with closing(sqlite3.connect(path)) as conn:
        script = "\n".join(RELEASED_MIGRATIONS[:version])
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;")
        if version >= 5:
            conn.execute(
                "INSERT INTO web_message (chat_id, outbox_id, body, buttons, created_at)"
                " VALUES ('c1', 7, '[[\"hello\", false]]', '[]', ?)",
                (AT,),
            )
            conn.execute(
                "INSERT INTO web_login (token_hash, username, created_at, expires_at)"
                " VALUES ('h', 'pc.smith', ?, '2099-01-01T00:00:00+00:00')",
                (AT,),
            )
            conn.execute("INSERT INTO web_key (id, key) VALUES (1, ?)", (b"k" * 32,))
            conn.commit()


def made_the_old_way(path: Path, *, email: bool = True) -> Schema:
    """The schema of a database made by the released migrations (web tables
    in 5 and 8), then the core's later ones, then the web's own after its
    first (2: ids never reused, the resident's messages), then e-mail's."""
    with closing(sqlite3.connect(path)) as conn:
        conn.executescript("\n".join(RELEASED_MIGRATIONS + MIGRATIONS[len(RELEASED_MIGRATIONS) :]))
        conn.executescript("\n".join(WEB_MIGRATIONS[1:]))
        if email:  # issue 17: e-mail's own tables, with every platform's data
            conn.executescript("\n".join(EMAIL_MIGRATIONS))
    return schema_of(path)


def _lines(script: str) -> Counter[str]:
    kept = (line.strip() for line in script.splitlines())
    return Counter(line for line in kept if line and not line.startswith("--"))


def test_only_the_web_statements_left_the_core_migrations() -> None:
    """The core's migrations are the released ones, less the web's tables and
    indexes (5 and 8), which are the web's first migration, statement for
    statement."""
    web = _lines(WEB_MIGRATIONS[0].replace(" IF NOT EXISTS", ""))
    moved: Counter[str] = Counter()
    for number, (before, now) in enumerate(zip(RELEASED_MIGRATIONS, MIGRATIONS, strict=False), 1):
        if number in (5, 8):
            assert _lines(now) - _lines(before) == Counter(), number
            moved += _lines(before) - _lines(now)
        else:
            assert now == before, number
    assert moved == web


def test_the_core_schema_and_privacy_name_no_web_table() -> None:
    core = [
        "\n".join(MIGRATIONS),
        (ROOT / "bot/store/privacy.py").read_text(),
        *(p.read_text() for p in sorted((ROOT / "bot/privacy").glob("*.py"))),
    ]
    assert [m.group() for text in core for m in re.finditer(r"\bweb_[a-z]+", text)] == []


async def test_a_fresh_database_and_every_released_one_upgraded_end_with_the_same_schema(
    tmp_path: Path,
) -> None:
    expected = made_the_old_way(tmp_path / "old.sqlite3")
    assert {"web_message", "web_login", "web_key", "web_message_created"} <= {
        name for _, name, _, _ in expected
    }
    for version in range(len(RELEASED_MIGRATIONS) + 1):  # 0: a new database
        path = tmp_path / f"from-{version}.sqlite3"
        released(path, version)
        async with Database(str(path), components=platform_data()) as db:
            assert await db.schema_version() == len(MIGRATIONS)
            assert await db.component_version("web") == len(WEB_MIGRATIONS)
            async with db.read() as tx:
                kept = await fetch_all(tx, "SELECT chat_id, outbox_id FROM web_message")
                logins = await fetch_all(tx, "SELECT username FROM web_login")
                keys = await fetch_all(tx, "SELECT key FROM web_key")
        assert schema_of(path) == expected, f"upgraded from {version}"
        rows = 1 if version >= 5 else 0
        assert [tuple(r) for r in kept] == [("c1", 7)] * rows
        assert [tuple(r) for r in logins] == [("pc.smith",)] * rows
        assert [bytes(r[0]) for r in keys] == [b"k" * 32] * rows


async def test_the_web_data_is_migrated_once_and_joins_a_database_made_without_it(
    tmp_path: Path,
) -> None:
    path = str(tmp_path / "forum.sqlite3")
    async with Database(path) as db:
        assert await db.component_version("web") == 0
    assert "web_message" not in {name for _, name, _, _ in schema_of(Path(path))}
    for _ in range(2):
        async with Database(path, components=[WEB_DATA]) as db:
            assert await db.component_version("web") == len(WEB_MIGRATIONS)
            async with db.read() as tx:
                found = await fetch_all(tx, "SELECT key, value FROM meta")
            assert [tuple(r) for r in found] == [("schema:web", str(len(WEB_MIGRATIONS)))]
    assert schema_of(Path(path)) == made_the_old_way(tmp_path / "old.sqlite3", email=False)


async def test_message_ids_are_never_used_again_even_after_an_upgrade(tmp_path: Path) -> None:
    """A page that has seen id N shows only ids above N: after /forget (or
    the purge) erased the latest messages, and on a database from before web
    migration 2, a new message still gets an id never used."""
    path = tmp_path / "forum.sqlite3"
    released(path, len(RELEASED_MIGRATIONS))  # a web_message row with id 1
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(
            "INSERT INTO web_message (id, chat_id, outbox_id, body, buttons, created_at)"
            " VALUES (41, 'c1', 8, '[]', NULL, ?)",
            (AT,),
        )
        conn.commit()
    async with Database(str(path), components=platform_data()) as db:
        async with db.transaction() as tx:
            assert await store.forget_chat(tx, "c1") == 2  # both kept rows erased
            mine = await store.add_mine(tx, "c1", "hello", datetime.now(UTC))
            reply, _ = await store.add(tx, "c1", 9, (Span("hi"),), (), datetime.now(UTC))
        assert (mine.id, mine.mine, reply.id, reply.mine) == (42, True, 43, False)
        async with db.transaction() as tx:
            await store.forget_chat(tx, "c1")
            again = await store.add_mine(tx, "c1", "again", datetime.now(UTC))
        assert again.id == 44


def test_a_component_has_a_plain_name_and_one_entry_per_database() -> None:
    with pytest.raises(ValueError, match="component name"):
        Component("web'; DROP TABLE meta; --", ())
    with pytest.raises(ValueError, match="same name"):
        Database(":memory:", components=[WEB_DATA, Component("web", ())])


async def _web_messages(db: Database, chats: dict[str, datetime]) -> None:
    async with db.transaction() as tx:
        for number, (chat, at) in enumerate(chats.items(), 1):
            await store.add(tx, chat, number, (Span("hello"),), (), at)


async def _chats_kept(db: Database) -> list[str]:
    async with db.read() as tx:
        rows = await fetch_all(tx, "SELECT chat_id FROM web_message ORDER BY id")
    return [str(r[0]) for r in rows]


async def test_forget_reaches_the_web_chat_through_its_hook_and_no_other_chat(
    tmp_path: Path,
) -> None:
    now = datetime(2026, 3, 1, tzinfo=UTC)
    async with Database(str(tmp_path / "forum.sqlite3"), components=[WEB_DATA]) as db:
        await _web_messages(db, {"a": now, "b": now})
        async with db.transaction() as tx:
            await privacy.forget(tx, 998, "telegram", "b", now, db.privacy_hooks)
        assert await _chats_kept(db) == ["a", "b"]
        async with db.transaction() as tx:
            await privacy.forget(tx, 999, "web", "a", now, db.privacy_hooks)
        assert await _chats_kept(db) == ["b"]


async def test_forumbot_purge_erases_old_web_copies_while_the_web_is_off(tmp_path: Path) -> None:
    """The root gives the database every platform's data, on or off: copies
    kept while the web was on still go after the retention period."""
    config = forum_config(str(tmp_path / "forum.sqlite3"))
    assert not config.web.enabled
    now = datetime.now(UTC)
    async with new_database(config) as db:
        await _web_messages(db, {"old": now - config.retention - timedelta(days=1), "new": now})
    dry = io.StringIO()
    await admin.purge(config, dry_run=True, out=dry)
    assert "would erase" in dry.getvalue() and "1 sent message copy" in dry.getvalue()
    done = io.StringIO()
    await admin.purge(config, dry_run=False, out=done)
    assert "erased" in done.getvalue() and "1 sent message copy" in done.getvalue()
    async with new_database(config) as db:
        assert await _chats_kept(db) == ["new"]


async def test_a_database_newer_than_this_forumbot_is_left_as_it_is(tmp_path: Path) -> None:
    """The core's schema newer than known: nothing is migrated, the web's
    tables included (the root then refuses to start, naming the schema)."""
    path = tmp_path / "forum.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    async with Database(str(path), components=[WEB_DATA]) as db:
        assert await db.schema_version() == len(MIGRATIONS) + 1
    assert schema_of(path) == []
