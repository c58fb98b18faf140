"""Residents: one row per platform account that messaged the bot."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.edge.chat import ChatRef
from bot.store.database import Tx, fetch_one, instant, iso


@dataclass(frozen=True)
class Resident:
    id: int
    platform: str
    user_id: str
    chat_id: str
    pseudonym: str
    unreachable: bool
    is_new: bool = False
    handle: str | None = None
    blocked: bool = False
    blocked_told: bool = False
    limit_told_at: datetime | None = None

    @property
    def chat(self) -> ChatRef:
        return ChatRef(self.platform, self.chat_id, "private")


def _row(row: aiosqlite.Row, is_new: bool = False) -> Resident:
    return Resident(
        id=int(row["id"]),
        platform=str(row["platform"]),
        user_id=str(row["user_id"]),
        chat_id=str(row["chat_id"]),
        pseudonym=str(row["pseudonym"]),
        unreachable=row["unreachable_at"] is not None,
        is_new=is_new,
        handle=row["handle"],
        blocked=row["blocked_at"] is not None,
        blocked_told=row["blocked_told_at"] is not None,
        limit_told_at=instant(row["limit_told_at"]) if row["limit_told_at"] else None,
    )


def new_pseudonym() -> str:
    """Random, not derived from the account: once a resident is forgotten (or
    purged), nothing links their old cards to them if they write again."""
    return f"R-{secrets.token_hex(2).upper()}"


async def get_or_create(
    tx: Tx, platform: str, user_id: str, chat_id: str, handle: str | None, at: datetime
) -> Resident:
    """The resident for this account, seen now; one who writes again is reachable again."""
    row = await fetch_one(
        tx,
        "UPDATE resident SET unreachable_at = NULL, chat_id = ?, handle = ?, last_seen_at = ?"
        " WHERE platform = ? AND user_id = ? RETURNING *",
        (chat_id, handle, iso(at), platform, user_id),
    )
    if row is not None:
        return _row(row)
    row = await fetch_one(
        tx,
        "INSERT INTO resident (platform, user_id, chat_id, handle, pseudonym, first_seen_at,"
        " last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *",
        (platform, user_id, chat_id, handle, new_pseudonym(), iso(at), iso(at)),
    )
    assert row is not None
    return _row(row, is_new=True)


async def get(tx: Tx, resident_id: int) -> Resident | None:
    row = await fetch_one(tx, "SELECT * FROM resident WHERE id = ?", (resident_id,))
    return _row(row) if row is not None else None


async def mark_unreachable(tx: Tx, platform: str, chat_id: str, at: datetime) -> None:
    await tx.execute(
        "UPDATE resident SET unreachable_at = ? WHERE platform = ? AND chat_id = ?"
        " AND unreachable_at IS NULL",
        (iso(at), platform, chat_id),
    )


async def is_unreachable(tx: Tx, platform: str, chat_id: str) -> bool:
    row = await fetch_one(
        tx,
        "SELECT 1 FROM resident WHERE platform = ? AND chat_id = ? AND unreachable_at IS NOT NULL",
        (platform, chat_id),
    )
    return row is not None


async def set_blocked(tx: Tx, resident_id: int, at: datetime | None) -> None:
    """Block (``at``) or unblock (None); an unblocked resident may be told again later."""
    await tx.execute(
        "UPDATE resident SET blocked_at = ?, blocked_told_at = NULL WHERE id = ?",
        (iso(at) if at else None, resident_id),
    )


async def mark_blocked_told(tx: Tx, resident_id: int, at: datetime) -> None:
    await tx.execute("UPDATE resident SET blocked_told_at = ? WHERE id = ?", (iso(at), resident_id))


async def mark_limit_told(tx: Tx, resident_id: int, at: datetime) -> None:
    await tx.execute("UPDATE resident SET limit_told_at = ? WHERE id = ?", (iso(at), resident_id))


async def seen(tx: Tx, resident_id: int) -> tuple[datetime, datetime]:
    """When the resident first and last wrote."""
    row = await fetch_one(
        tx, "SELECT first_seen_at, last_seen_at FROM resident WHERE id = ?", (resident_id,)
    )
    assert row is not None
    return instant(str(row[0])), instant(str(row[1] or row[0]))
