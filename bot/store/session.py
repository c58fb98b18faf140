"""Live sessions, reminders and the publications waiting for a session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.store.database import Tx, fetch_all, fetch_one, instant, iso


@dataclass(frozen=True)
class SessionRow:
    id: int
    forum_id: str
    starts_at: datetime
    ends_at: datetime
    scheduled: bool
    state: str
    opened_at: datetime | None


def _row(r: aiosqlite.Row) -> SessionRow:
    return SessionRow(
        id=int(r["id"]),
        forum_id=str(r["forum_id"]),
        starts_at=instant(str(r["starts_at"])),
        ends_at=instant(str(r["ends_at"])),
        scheduled=bool(r["scheduled"]),
        state=str(r["state"]),
        opened_at=instant(r["opened_at"]) if r["opened_at"] else None,
    )


async def open_session(tx: Tx, forum_id: str) -> SessionRow | None:
    row = await fetch_one(
        tx, "SELECT * FROM session WHERE forum_id = ? AND state = 'open'", (forum_id,)
    )
    return _row(row) if row is not None else None


async def scheduled_at(tx: Tx, forum_id: str, starts_at: datetime) -> SessionRow | None:
    row = await fetch_one(
        tx,
        "SELECT * FROM session WHERE forum_id = ? AND starts_at = ? AND scheduled = 1",
        (forum_id, iso(starts_at)),
    )
    return _row(row) if row is not None else None


async def insert(
    tx: Tx,
    forum_id: str,
    starts_at: datetime,
    ends_at: datetime,
    scheduled: bool,
    state: str,
    at: datetime,
) -> SessionRow:
    cursor = await tx.execute(
        "INSERT INTO session (forum_id, starts_at, ends_at, scheduled, state, opened_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            forum_id,
            iso(starts_at),
            iso(ends_at),
            int(scheduled),
            state,
            iso(at) if state == "open" else None,
        ),
    )
    assert cursor.lastrowid is not None
    return SessionRow(
        cursor.lastrowid,
        forum_id,
        starts_at,
        ends_at,
        scheduled,
        state,
        at if state == "open" else None,
    )


async def close(tx: Tx, session_id: int, at: datetime) -> None:
    await tx.execute(
        "UPDATE session SET state = 'closed', closed_at = ? WHERE id = ?", (iso(at), session_id)
    )


async def all_open(tx: Tx) -> list[SessionRow]:
    rows = await fetch_all(
        tx, "SELECT * FROM session WHERE state = 'open' ORDER BY forum_id, id"
    )  # in the order of the session_open index
    return [_row(r) for r in rows]


async def reminder_done(tx: Tx, forum_id: str, starts_at: datetime, offset_s: int) -> bool:
    row = await fetch_one(
        tx,
        "SELECT 1 FROM reminder WHERE forum_id = ? AND starts_at = ? AND offset_s = ?",
        (forum_id, iso(starts_at), offset_s),
    )
    return row is not None


async def record_reminder(
    tx: Tx, forum_id: str, starts_at: datetime, offset_s: int, outcome: str, at: datetime
) -> None:
    await tx.execute(
        "INSERT OR IGNORE INTO reminder (forum_id, starts_at, offset_s, outcome, at)"
        " VALUES (?, ?, ?, ?, ?)",
        (forum_id, iso(starts_at), offset_s, outcome, iso(at)),
    )


async def add_publication(
    tx: Tx, question_id: int, forum_id: str, follow_up: bool, at: datetime
) -> int:
    cursor = await tx.execute(
        "INSERT INTO publication (question_id, forum_id, follow_up, created_at)"
        " VALUES (?, ?, ?, ?)",
        (question_id, forum_id, int(follow_up), iso(at)),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


async def waiting_publications(tx: Tx, forum_id: str) -> list[tuple[int, int, bool]]:
    """(publication id, question id, follow-up) not yet published, oldest first."""
    rows = await fetch_all(
        tx,
        "SELECT id, question_id, follow_up FROM publication"
        " WHERE forum_id = ? AND published_at IS NULL ORDER BY id",
        (forum_id,),
    )
    return [(int(r[0]), int(r[1]), bool(r[2])) for r in rows]


async def mark_published(tx: Tx, publication_id: int, session_id: int | None, at: datetime) -> None:
    """The publication went out to the public rooms; its question, if it is
    answered, is now in the archive (and in its search index, by trigger)."""
    await tx.execute(
        "UPDATE publication SET published_at = ?, session_id = ? WHERE id = ?",
        (iso(at), session_id, publication_id),
    )
    await tx.execute(
        "UPDATE question SET published_at = ?, published_session_id = ?"
        " WHERE id = (SELECT question_id FROM publication WHERE id = ?)"
        " AND state = 'answered' AND answer IS NOT NULL",
        (iso(at), session_id, publication_id),
    )
