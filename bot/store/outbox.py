"""Outbox rows: every message the bot will send, written in the same
transaction as the change that caused it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.edge.chat import Button, Buttons, ChatRef
from bot.edge.rich import Rich, from_json, to_json
from bot.store.database import Tx, fetch_all, fetch_one, instant, iso

# Lower sends first within a chat.
PRIORITY_URGENT = 0
PRIORITY_REPLY = 10
PRIORITY_STAFF = 20
PRIORITY_PUBLIC = 30


@dataclass(frozen=True)
class OutboxRow:
    id: int
    chat: ChatRef
    body: Rich
    buttons: Buttons
    reply_to_message_id: str | None
    priority: int
    purpose: str
    question_id: int | None
    resident_id: int | None
    attempts: int
    alert_role_id: str | None = None  # the one role this message may ping (URGENT cards)
    created_at: datetime | None = None
    retry_since: datetime | None = None  # the first failed attempt of the current run of failures


def buttons_to_json(buttons: Buttons) -> str | None:
    if not buttons:
        return None
    return json.dumps([[[b.label, b.data] for b in row] for row in buttons], ensure_ascii=False)


def buttons_from_json(raw: str | None) -> Buttons:
    if not raw:
        return ()
    return tuple(tuple(Button(label, data) for label, data in row) for row in json.loads(raw))


def _row(r: aiosqlite.Row) -> OutboxRow:
    return OutboxRow(
        id=int(r["id"]),
        chat=ChatRef(str(r["platform"]), str(r["chat_id"]), r["chat_kind"]),
        body=from_json(str(r["body"])),
        buttons=buttons_from_json(r["buttons"]),
        reply_to_message_id=r["reply_to_message_id"],
        priority=int(r["priority"]),
        purpose=str(r["purpose"]),
        question_id=r["question_id"],
        resident_id=r["resident_id"],
        attempts=int(r["attempts"]),
        alert_role_id=r["alert_role_id"],
        created_at=instant(str(r["created_at"])),
        retry_since=instant(str(r["retry_since"])) if r["retry_since"] else None,
    )


async def add(
    tx: Tx,
    chat: ChatRef,
    body: Rich,
    *,
    priority: int,
    purpose: str,
    at: datetime,
    buttons: Buttons = (),
    reply_to_message_id: str | None = None,
    question_id: int | None = None,
    resident_id: int | None = None,
    alert_role_id: str | None = None,
) -> int:
    cursor = await tx.execute(
        "INSERT INTO outbox (platform, chat_id, chat_kind, body, buttons, reply_to_message_id,"
        " priority, purpose, question_id, resident_id, state, created_at, alert_role_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
        (
            chat.platform,
            chat.chat_id,
            chat.kind,
            to_json(body),
            buttons_to_json(buttons),
            reply_to_message_id,
            priority,
            purpose,
            question_id,
            resident_id,
            iso(at),
            alert_role_id,
        ),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


async def pending_after(tx: Tx, after_id: int, limit: int) -> list[OutboxRow]:
    rows = await fetch_all(
        tx,
        "SELECT * FROM outbox WHERE state = 'pending' AND id > ? ORDER BY id LIMIT ?",
        (after_id, limit),
    )
    return [_row(r) for r in rows]


async def get(tx: Tx, outbox_id: int) -> OutboxRow | None:
    row = await fetch_one(tx, "SELECT * FROM outbox WHERE id = ?", (outbox_id,))
    return _row(row) if row is not None else None


async def mark_sending(tx: Tx, ids: Sequence[int]) -> set[int]:
    """Mark rows 'sending'; the ids that were still pending (a row deleted since it
    was loaded, e.g. by a resident's request to be forgotten, is not sent)."""
    marks = ",".join("?" * len(ids))
    moved = await fetch_all(
        tx,
        f"UPDATE outbox SET state = 'sending', attempts = attempts + 1"
        f" WHERE id IN ({marks}) AND state = 'pending' RETURNING id",
        tuple(ids),
    )
    return {int(r[0]) for r in moved}


async def mark_sent(tx: Tx, ids: Sequence[int], message_id: str, at: datetime) -> None:
    await tx.executemany(
        "UPDATE outbox SET state = 'sent', sent_at = ?, platform_message_id = ?, error = NULL,"
        " retry_since = NULL WHERE id = ?",
        [(iso(at), message_id, i) for i in ids],
    )


async def mark(tx: Tx, ids: Sequence[int], state: str, error: str | None) -> None:
    """Back to 'pending' for a retry, or a final 'failed' / 'unknown' / 'skipped'."""
    await tx.executemany(
        "UPDATE outbox SET state = ?, error = ? WHERE id = ?", [(state, error, i) for i in ids]
    )


async def retry_later(tx: Tx, ids: Sequence[int], error: str, since: datetime) -> None:
    """Back to 'pending' after a failure that may pass; ``since`` is kept from
    the first failure of a run of them (the give-up clock)."""
    await tx.executemany(
        "UPDATE outbox SET state = 'pending', error = ?, retry_since = COALESCE(retry_since, ?)"
        " WHERE id = ?",
        [(error, iso(since), i) for i in ids],
    )


async def get_many(tx: Tx, ids: Sequence[int]) -> list[OutboxRow]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = await fetch_all(tx, f"SELECT * FROM outbox WHERE id IN ({marks}) ORDER BY id", ids)
    return [_row(r) for r in rows]


async def pending_rooms(tx: Tx) -> list[tuple[int, str, str, str, datetime]]:
    """Messages to rooms (not private chats) still waiting: id, platform,
    chat id, chat kind and when each was queued."""
    rows = await fetch_all(
        tx,
        "SELECT id, platform, chat_id, chat_kind, created_at FROM outbox"
        " WHERE state = 'pending' AND chat_kind != 'private' ORDER BY id",
    )
    return [(int(r[0]), str(r[1]), str(r[2]), str(r[3]), instant(str(r[4]))) for r in rows]


async def skip_pending_to(tx: Tx, chat: ChatRef, reason: str) -> list[int]:
    rows = await fetch_all(
        tx,
        "SELECT id FROM outbox WHERE platform = ? AND chat_id = ? AND state = 'pending'",
        (chat.platform, chat.chat_id),
    )
    ids = [int(r[0]) for r in rows]
    await mark(tx, ids, "skipped", reason)
    return ids


async def interrupted(
    tx: Tx,
    *,
    exclude_platforms: Sequence[str] = (),
    only_platforms: Sequence[str] | None = None,
) -> list[int]:
    """Rows whose send had started when the process stopped."""
    rows = await fetch_all(tx, "SELECT id, platform FROM outbox WHERE state = 'sending'")
    found = [(int(r[0]), str(r[1])) for r in rows]
    return [
        row_id
        for row_id, platform in found
        if platform not in exclude_platforms
        and (only_platforms is None or platform in only_platforms)
    ]


async def record_card(tx: Tx, chat: ChatRef, message_id: str, question_ids: Sequence[int]) -> None:
    await tx.executemany(
        "INSERT OR IGNORE INTO card_message (platform, chat_id, message_id, question_id)"
        " VALUES (?, ?, ?, ?)",
        [(chat.platform, chat.chat_id, message_id, q) for q in question_ids],
    )


async def count_by_state(tx: Tx) -> dict[str, int]:
    rows = await fetch_all(tx, "SELECT state, COUNT(*) FROM outbox GROUP BY state")
    return {str(r[0]): int(r[1]) for r in rows}
