"""Schema upgrades keep what a running force already has."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from bot.edge.chat import ChatRef
from bot.edge.rich import Span
from bot.store import archive, outbox
from bot.store.database import Database, fetch_all, fetch_one
from bot.store.outbox import OutboxDraft, OutboxPurpose
from bot.store.schema import MIGRATIONS


def _version_1(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
        conn.execute(
            "INSERT INTO resident (platform, user_id, chat_id, pseudonym, first_seen_at)"
            " VALUES ('telegram', '5001', '5001', 'R-0001', '2026-01-01T00:00:00+00:00')"
        )
        conn.execute(
            "INSERT INTO outbox (platform, chat_id, chat_kind, body, priority, purpose,"
            " resident_id, state, created_at) VALUES ('telegram', '5001', 'private',"
            " '[[\"hello\", false]]', 10, 'reply', 1, 'sent', '2026-01-01T00:00:00+00:00')"
        )


async def test_upgrade_from_1_keeps_rows_and_never_reuses_outbox_ids(tmp_path: Path) -> None:
    path = tmp_path / "forum.sqlite3"
    _version_1(path)
    async with Database(str(path)) as db:
        assert await db.schema_version() == len(MIGRATIONS)
        async with db.read() as tx:
            resident = await fetch_one(tx, "SELECT last_seen_at, blocked_at FROM resident")
            kept = await fetch_all(tx, "SELECT id, body FROM outbox")
        assert resident is not None and tuple(resident) == ("2026-01-01T00:00:00+00:00", None)
        assert [tuple(r) for r in kept] == [(1, '[["hello", false]]')]
        async with db.transaction() as tx:
            await tx.execute("DELETE FROM outbox")
            new_id = await outbox.add(
                tx,
                OutboxDraft(
                    ChatRef("telegram", "5001", "private"), (Span("again"),), OutboxPurpose.REPLY
                ),
                datetime(2026, 2, 1, tzinfo=UTC),
            )
        assert new_id == 2  # not 1: the dispatcher has already passed id 1


async def test_events_set_aside_before_6_get_their_keys_back(tmp_path: Path) -> None:
    """Until version 6 a set-aside event's key got ':set-aside' appended, so its platform's
    redelivery would have been stored as new. The upgrade gives the key back, unless the
    event was stored again meanwhile."""
    path = tmp_path / "forum.sqlite3"
    at = "2026-01-01T00:00:00+00:00"
    with sqlite3.connect(path) as conn:
        conn.executescript("\n".join(MIGRATIONS[:5]) + "\nPRAGMA user_version = 5;")
        conn.executemany(
            "INSERT INTO inbox (platform, event_key, payload, received_at, processed_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                ("telegram", "77:set-aside", '{"kept": 1}', at, at),
                ("telegram", "88:set-aside", '{"kept": 2}', at, at),
                ("telegram", "88", None, at, at),
                ("discord", "99", None, at, at),
            ],
        )
    async with Database(str(path)) as db:
        assert await db.schema_version() == len(MIGRATIONS)
        async with db.read() as tx:
            found = await fetch_all(
                tx, "SELECT platform, event_key, set_aside_at FROM inbox ORDER BY id"
            )
    assert [tuple(r) for r in found] == [
        ("telegram", "77", at),
        ("telegram", "88:set-aside", at),
        ("telegram", "88", None),
        ("discord", "99", None),
    ]


def _version_5_with_archive(path: Path) -> None:
    """A store as version 5 left it: one answer published in a session, one
    waiting for the next, one rejected question, and deliveries."""
    at = "2026-01-01T20:00:00+00:00"
    with sqlite3.connect(path) as conn:
        for number, script in enumerate(MIGRATIONS[:5], start=1):
            conn.executescript(f"{script}\nPRAGMA user_version = {number};")
        conn.execute(
            "INSERT INTO session (id, forum_id, starts_at, ends_at, scheduled, state, opened_at)"
            " VALUES (1, 'bromley', ?, ?, 1, 'closed', ?)",
            (at, at, at),
        )
        for ref, state, answer in (
            (1, "answered", "The council repairs them."),
            (2, "answered", "Patrols pass nightly."),
            (3, "rejected", None),
        ):
            conn.execute(
                "INSERT INTO question (id, forum_id, state, text, publishable, answer,"
                " answered_at, answered_session_id, created_at, updated_at)"
                " VALUES (?, 'bromley', ?, ?, ?, ?, ?, 1, ?, ?)",
                (
                    ref,
                    state,
                    f"Jane Smith asks {ref}",
                    f"Lights question {ref}",
                    answer,
                    at,
                    at,
                    at,
                ),
            )
        conn.execute(
            "INSERT INTO publication (question_id, forum_id, follow_up, created_at,"
            " published_at, session_id) VALUES (1, 'bromley', 0, ?, ?, 1)",
            (at, at),
        )
        conn.execute(
            "INSERT INTO publication (question_id, forum_id, follow_up, created_at)"
            " VALUES (2, 'bromley', 1, ?)",
            (at,),
        )
        for state in ("sent", "sent", "pending"):
            conn.execute(
                "INSERT INTO outbox (platform, chat_id, chat_kind, body, priority, purpose,"
                " state, created_at) VALUES ('telegram', '5001', 'private', '[]', 10, 'reply',"
                " ?, ?)",
                (state, at),
            )


async def test_upgrade_from_5_keeps_the_archive_and_fills_search_and_counts(
    tmp_path: Path,
) -> None:
    path = tmp_path / "forum.sqlite3"
    _version_5_with_archive(path)
    async with Database(str(path)) as db:
        assert await db.schema_version() == len(MIGRATIONS)
        async with db.read() as tx:
            published = await archive.question(tx, "bromley", 1)
            waiting = await archive.question(tx, "bromley", 2)
            found = await archive.search(tx, "bromley", "repairs")
            private = await archive.search(tx, "bromley", "Jane")
            held = await archive.sessions(tx, "bromley")
            counts = {
                tuple(r) for r in await fetch_all(tx, "SELECT * FROM question_tally WHERE n > 0")
            }
            deliveries = {
                tuple(r) for r in await fetch_all(tx, "SELECT * FROM outbox_tally WHERE n > 0")
            }
        assert published is not None and published.session_id == 1
        assert published.answer == "The council repairs them."
        assert waiting is None  # answered, not yet published: still off the archive
        assert [p.ref for p in found] == [1] and private == []
        assert [(s.id, s.answers) for s in held] == [(1, 1)]
        assert counts == {("bromley", "answered", 2), ("bromley", "rejected", 1)}
        assert deliveries == {("telegram", "sent", 2), ("telegram", "pending", 1)}
