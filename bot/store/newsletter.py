"""Newsletters: one row per newsletter a forum sent or found nothing new
for, so that the schedule sends one once for each time it is due (a
restart included) and the next newsletter knows what is new since this one.
No personal data: a forum, times, the session it covered and its alert."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import aiosqlite

from bot.edge.rich import Rich, from_json
from bot.store.database import Tx, fetch_all, fetch_one, instant, iso

Outcome = Literal["sent", "nothing_new"]


@dataclass(frozen=True)
class NewsletterRow:
    """``due_at``: the scheduled time it was for (None: an officer sent it);
    ``session_id``: the last closed session when it was made (whose answers
    it carried, or had carried before); ``alert_id``: the alert that fanned
    it out (None when there was nothing new)."""

    id: int
    forum_id: str
    due_at: datetime | None
    outcome: Outcome
    session_id: int | None
    alert_id: int | None
    requested_by: str | None
    created_at: datetime


def _row(r: aiosqlite.Row) -> NewsletterRow:
    outcome: Outcome = "sent" if r["outcome"] == "sent" else "nothing_new"
    return NewsletterRow(
        id=int(r["id"]),
        forum_id=str(r["forum_id"]),
        due_at=instant(r["due_at"]) if r["due_at"] else None,
        outcome=outcome,
        session_id=int(r["session_id"]) if r["session_id"] is not None else None,
        alert_id=int(r["alert_id"]) if r["alert_id"] is not None else None,
        requested_by=r["requested_by"],
        created_at=instant(str(r["created_at"])),
    )


async def record(
    tx: Tx,
    forum_id: str,
    outcome: Outcome,
    at: datetime,
    *,
    due_at: datetime | None = None,
    session_id: int | None = None,
    alert_id: int | None = None,
    requested_by: str | None = None,
) -> NewsletterRow:
    """Record a newsletter; raises ``sqlite3.IntegrityError`` when one is
    already recorded for ``forum_id`` at ``due_at``."""
    row = await fetch_one(
        tx,
        "INSERT INTO newsletter (forum_id, due_at, outcome, session_id, alert_id, requested_by,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *",
        (
            forum_id,
            iso(due_at) if due_at is not None else None,
            outcome,
            session_id,
            alert_id,
            requested_by,
            iso(at),
        ),
    )
    assert row is not None
    return _row(row)


async def for_due(tx: Tx, forum_id: str, due_at: datetime) -> NewsletterRow | None:
    """The newsletter recorded for the schedule's ``due_at``, if any."""
    row = await fetch_one(
        tx,
        "SELECT * FROM newsletter WHERE forum_id = ? AND due_at = ?",
        (forum_id, iso(due_at)),
    )
    return _row(row) if row is not None else None


async def last_sent(tx: Tx, forum_id: str) -> NewsletterRow | None:
    """The forum's latest newsletter that went out; None before the first."""
    row = await fetch_one(
        tx,
        "SELECT * FROM newsletter WHERE forum_id = ? AND outcome = 'sent' ORDER BY id DESC LIMIT 1",
        (forum_id,),
    )
    return _row(row) if row is not None else None


@dataclass(frozen=True)
class SentAlert:
    """An alert as a newsletter lists it: its type, what it said, when it was asked for."""

    id: int
    alert_type: str
    body: Rich
    created_at: datetime


async def alerts_since(
    tx: Tx, forum_id: str, types: tuple[str, ...], since: datetime, limit: int
) -> list[SentAlert]:
    """The forum's alerts of ``types`` asked for after ``since`` that went
    out (or are going: held through quiet hours counts), oldest first, at
    most ``limit`` (the latest ones)."""
    marks = ", ".join("?" for _ in types)
    rows = await fetch_all(
        tx,
        f"SELECT id, alert_type, body, created_at FROM broadcast WHERE forum_id = ?"
        f" AND alert_type IN ({marks}) AND created_at > ? ORDER BY id DESC LIMIT ?",
        (forum_id, *types, iso(since), limit),
    )
    return [
        SentAlert(
            int(r["id"]),
            str(r["alert_type"]),
            from_json(str(r["body"])),
            instant(str(r["created_at"])),
        )
        for r in reversed(rows)
    ]


async def count_alerts_since(tx: Tx, forum_id: str, types: tuple[str, ...], since: datetime) -> int:
    marks = ", ".join("?" for _ in types)
    row = await fetch_one(
        tx,
        f"SELECT COUNT(*) AS n FROM broadcast WHERE forum_id = ? AND alert_type IN ({marks})"
        " AND created_at > ?",
        (forum_id, *types, iso(since)),
    )
    return int(row["n"]) if row is not None else 0


@dataclass(frozen=True)
class ClosedSession:
    id: int
    starts_at: datetime
    closed_at: datetime


async def last_closed_session(tx: Tx, forum_id: str) -> ClosedSession | None:
    """The forum's session that closed last (opened, then closed); None if none has."""
    row = await fetch_one(
        tx,
        "SELECT id, starts_at, COALESCE(closed_at, ends_at) AS closed FROM session"
        " WHERE forum_id = ? AND state = 'closed' AND opened_at IS NOT NULL"
        " ORDER BY COALESCE(closed_at, ends_at) DESC, id DESC LIMIT 1",
        (forum_id,),
    )
    if row is None:
        return None
    return ClosedSession(
        int(row["id"]), instant(str(row["starts_at"])), instant(str(row["closed"]))
    )


async def subscribers(tx: Tx, forum_id: str, alert_type: str) -> dict[str, int]:
    """Reachable subscribers to ``alert_type`` of the forum, by platform."""
    rows = await fetch_all(
        tx,
        "SELECT r.platform, COUNT(*) AS n"
        " FROM subscription s JOIN resident r ON r.id = s.resident_id"
        " WHERE s.forum_id = ? AND s.alert_type = ? AND r.unreachable_at IS NULL"
        " AND r.blocked_at IS NULL GROUP BY r.platform ORDER BY r.platform",
        (forum_id, alert_type),
    )
    return {str(r["platform"]): int(r["n"]) for r in rows}
