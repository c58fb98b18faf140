"""Rooms that changed: a room's new id after it moved (a Telegram group that
became a supergroup), and rooms the bot cannot post in for now. One row per
room id (``platform``, ``chat_id``); read whole at start, it is small."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.store.database import Tx, fetch_all, instant, iso


@dataclass(frozen=True)
class RoomRow:
    """What is known of one room id: where it moved (``moved_to``, its new
    id on the same platform, and when), and since when it cannot be posted
    in and why (``problem``, the platform's words), each None when not so."""

    platform: str
    chat_id: str
    moved_to: str | None = None
    moved_at: datetime | None = None
    unreachable_since: datetime | None = None
    problem: str | None = None


async def all_rooms(tx: Tx) -> list[RoomRow]:
    """Every room with something recorded, in no particular order."""
    rows = await fetch_all(
        tx,
        "SELECT platform, chat_id, moved_to, moved_at, unreachable_since, problem FROM room_state",
    )
    return [
        RoomRow(
            str(r[0]),
            str(r[1]),
            r[2],
            instant(str(r[3])) if r[3] else None,
            instant(str(r[4])) if r[4] else None,
            r[5],
        )
        for r in rows
    ]


async def record_move(tx: Tx, platform: str, chat_id: str, moved_to: str, at: datetime) -> None:
    """Room ``chat_id`` is ``moved_to`` now (the first record of a move is kept
    with its time; a later, different id replaces it). Whatever was known of
    the old id's reachability is dropped: nothing is sent there again."""
    await tx.execute(
        "INSERT INTO room_state (platform, chat_id, moved_to, moved_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (platform, chat_id) DO UPDATE SET"
        " moved_at = CASE WHEN moved_to IS excluded.moved_to THEN moved_at ELSE excluded.moved_at"
        " END, moved_to = excluded.moved_to, unreachable_since = NULL, problem = NULL",
        (platform, chat_id, moved_to, iso(at)),
    )


async def set_unreachable(
    tx: Tx, platform: str, chat_id: str, since: datetime, problem: str
) -> None:
    """The bot cannot post in ``chat_id`` since ``since`` (kept from the first
    time while it lasts); ``problem`` is the latest reason."""
    await tx.execute(
        "INSERT INTO room_state (platform, chat_id, unreachable_since, problem) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (platform, chat_id) DO UPDATE SET"
        " unreachable_since = COALESCE(unreachable_since, excluded.unreachable_since),"
        " problem = excluded.problem",
        (platform, chat_id, iso(since), problem),
    )


async def set_reachable(tx: Tx, platform: str, chat_id: str) -> None:
    """The bot can post in ``chat_id`` again."""
    await tx.execute(
        "UPDATE room_state SET unreachable_since = NULL, problem = NULL"
        " WHERE platform = ? AND chat_id = ?",
        (platform, chat_id),
    )
    await tx.execute(
        "DELETE FROM room_state WHERE platform = ? AND chat_id = ? AND moved_to IS NULL",
        (platform, chat_id),
    )


async def repoint_waiting(tx: Tx, platform: str, chat_id: str, moved_to: str) -> list[int]:
    """Messages still waiting for ``chat_id`` go to ``moved_to`` instead;
    their ids."""
    rows = await fetch_all(
        tx,
        "UPDATE outbox SET chat_id = ? WHERE platform = ? AND chat_id = ? AND state = 'pending'"
        " RETURNING id",
        (moved_to, platform, chat_id),
    )
    return sorted(int(r[0]) for r in rows)


async def waiting_for(tx: Tx, platform: str, chat_id: str) -> list[int]:
    """Ids of the messages waiting for one room, oldest first."""
    rows = await fetch_all(
        tx,
        "SELECT id FROM outbox WHERE platform = ? AND chat_id = ? AND state = 'pending'"
        " ORDER BY id",
        (platform, chat_id),
    )
    return [int(r[0]) for r in rows]
