"""Residents: one row per platform account that messaged the bot."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.chat import ChatRef
from bot.store.database import Tx, fetch_one, iso


@dataclass(frozen=True)
class Resident:
    id: int
    platform: str
    user_id: str
    chat_id: str
    pseudonym: str
    unreachable: bool
    is_new: bool = False

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
    )


async def _salt(tx: Tx) -> bytes:
    row = await fetch_one(tx, "SELECT value FROM meta WHERE key = 'pseudonym_salt'")
    if row is not None:
        return bytes.fromhex(str(row["value"]))
    salt = secrets.token_bytes(16)
    await tx.execute("INSERT INTO meta (key, value) VALUES ('pseudonym_salt', ?)", (salt.hex(),))
    return salt


def pseudonym_for(salt: bytes, platform: str, user_id: str) -> str:
    digest = hmac.new(salt, f"{platform}:{user_id}".encode(), hashlib.sha256).hexdigest()
    return f"R-{digest[:4].upper()}"


async def get_or_create(
    tx: Tx, platform: str, user_id: str, chat_id: str, handle: str | None, at: datetime
) -> Resident:
    """The resident for this account; a resident who writes again is reachable again."""
    row = await fetch_one(
        tx, "SELECT * FROM resident WHERE platform = ? AND user_id = ?", (platform, user_id)
    )
    if row is not None:
        if row["unreachable_at"] is not None or row["chat_id"] != chat_id:
            await tx.execute(
                "UPDATE resident SET unreachable_at = NULL, chat_id = ? WHERE id = ?",
                (chat_id, row["id"]),
            )
        return Resident(
            id=int(row["id"]),
            platform=platform,
            user_id=user_id,
            chat_id=chat_id,
            pseudonym=str(row["pseudonym"]),
            unreachable=False,
        )
    pseudonym = pseudonym_for(await _salt(tx), platform, user_id)
    cursor = await tx.execute(
        "INSERT INTO resident (platform, user_id, chat_id, handle, pseudonym, first_seen_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (platform, user_id, chat_id, handle, pseudonym, iso(at)),
    )
    resident_id = cursor.lastrowid
    assert resident_id is not None
    return Resident(resident_id, platform, user_id, chat_id, pseudonym, False, is_new=True)


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
