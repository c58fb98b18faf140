"""Which residents want which alerts from which forum."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from bot.store.database import Tx, fetch_all, iso


async def add(tx: Tx, resident_id: int, pairs: Iterable[tuple[str, str]], at: datetime) -> int:
    """Subscribe to each (forum, alert type); returns how many were new."""
    added = 0
    for forum_id, alert_type in pairs:
        cursor = await tx.execute(
            "INSERT OR IGNORE INTO subscription (resident_id, forum_id, alert_type, created_at)"
            " VALUES (?, ?, ?, ?)",
            (resident_id, forum_id, alert_type, iso(at)),
        )
        added += cursor.rowcount
    return added


async def remove(
    tx: Tx, resident_id: int, forum_id: str | None = None, alert_type: str | None = None
) -> int:
    """Unsubscribe from everything, or one forum, or one alert type; returns
    how many subscriptions ended."""
    sql = "DELETE FROM subscription WHERE resident_id = ?"
    params: list[object] = [resident_id]
    if forum_id is not None:
        sql += " AND forum_id = ?"
        params.append(forum_id)
    if alert_type is not None:
        sql += " AND alert_type = ?"
        params.append(alert_type)
    cursor = await tx.execute(sql, params)
    return cursor.rowcount


async def of_resident(tx: Tx, resident_id: int) -> list[tuple[str, str]]:
    rows = await fetch_all(
        tx,
        "SELECT forum_id, alert_type FROM subscription WHERE resident_id = ?"
        " ORDER BY forum_id, alert_type",
        (resident_id,),
    )
    return [(str(r["forum_id"]), str(r["alert_type"])) for r in rows]
