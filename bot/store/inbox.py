"""Inbound events, stored before their platform is told they were received."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.inbound import Inbound
from bot.store.database import Tx, fetch_all, iso


@dataclass(frozen=True)
class InboxRow:
    id: int
    inbound: Inbound


async def store(tx: Tx, events: Sequence[Inbound], at: datetime) -> int:
    """Store events not seen before; return how many were new."""
    before = tx.total_changes
    await tx.executemany(
        "INSERT OR IGNORE INTO inbox (platform, event_key, payload, received_at)"
        " VALUES (?, ?, ?, ?)",
        [(e.platform, e.event_key, e.to_json(), iso(at)) for e in events],
    )
    return tx.total_changes - before


async def unprocessed(tx: Tx, limit: int) -> list[InboxRow]:
    rows = await fetch_all(
        tx, "SELECT id, payload FROM inbox WHERE processed_at IS NULL ORDER BY id LIMIT ?", (limit,)
    )
    return [InboxRow(int(r["id"]), Inbound.from_json(str(r["payload"]))) for r in rows]


async def mark_processed(tx: Tx, inbox_id: int, at: datetime) -> None:
    """Processed: the text now lives where it belongs (or nowhere); drop the copy."""
    await tx.execute(
        "UPDATE inbox SET processed_at = ?, payload = NULL WHERE id = ?", (iso(at), inbox_id)
    )


async def set_aside(tx: Tx, inbox_id: int, at: datetime) -> None:
    """An event that failed processing: kept (payload and all) for an operator,
    out of the way of the events behind it."""
    await tx.execute(
        "UPDATE inbox SET processed_at = ?, event_key = event_key || ':set-aside' WHERE id = ?",
        (iso(at), inbox_id),
    )
