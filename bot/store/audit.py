"""The audit trail's rows: every officer action and refusal, with who and
when. Entries are written only through ``bot.forum.audit.record``; read here
(``entries``) by tests and ``forumbot export audit``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.store.database import Tx, fetch_all, fetch_one, iso


@dataclass(frozen=True)
class AuditEntry:
    """One row of ``audit``: when, who (``actor_platform``, ``actor_id``),
    what (``action``, ``outcome``), on what (``forum_id``, ``question_id``)."""

    at: datetime
    actor_platform: str
    actor_id: str
    action: str
    outcome: str  # "done" | "refused" | "invalid"
    forum_id: str | None = None
    question_id: int | None = None
    detail: str | None = None


async def add(tx: Tx, entry: AuditEntry) -> None:
    """Write ``entry`` in ``tx``; only ``bot.forum.audit.record`` calls it."""
    await tx.execute(
        "INSERT INTO audit (at, forum_id, question_id, actor_platform, actor_id, action,"
        " detail, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            iso(entry.at),
            entry.forum_id,
            entry.question_id,
            entry.actor_platform,
            entry.actor_id,
            entry.action,
            entry.detail,
            entry.outcome,
        ),
    )


async def entries(
    tx: Tx, question_id: int | None = None, since: datetime | None = None
) -> list[AuditEntry]:
    """The trail, oldest first: of one question, and/or from ``since`` on."""
    where: list[str] = []
    params: list[object] = []
    if question_id is not None:
        where.append("question_id = ?")
        params.append(question_id)
    if since is not None:
        where.append("at >= ?")
        params.append(iso(since))
    sql = "SELECT * FROM audit" + (" WHERE " + " AND ".join(where) if where else "")
    rows = await fetch_all(tx, sql + " ORDER BY id", params)
    return [
        AuditEntry(
            at=datetime.fromisoformat(str(r["at"])),
            actor_platform=str(r["actor_platform"]),
            actor_id=str(r["actor_id"]),
            action=str(r["action"]),
            outcome=str(r["outcome"]),
            forum_id=r["forum_id"],
            question_id=r["question_id"],
            detail=r["detail"],
        )
        for r in rows
    ]


async def refused_since(tx: Tx, actor_platform: str, actor_id: str, since: datetime) -> bool:
    """Whether this actor was refused anything after ``since`` (the
    partial index ``audit_refused`` keeps it cheap however long the trail)."""
    row = await fetch_one(
        tx,
        "SELECT 1 FROM audit WHERE outcome = 'refused' AND actor_platform = ?"
        " AND actor_id = ? AND at > ? LIMIT 1",
        (actor_platform, actor_id, iso(since)),
    )
    return row is not None
