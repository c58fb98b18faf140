"""Inbound events, stored before their platform is told they were received."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.edge.inbound import Inbound, clean_inbound
from bot.edge.text import clean_line, clean_text
from bot.store.database import Tx, fetch_all, iso

ERROR_CHARS = 500  # how much of an error's description a set-aside row keeps


@dataclass(frozen=True)
class InboxRow:
    """An unprocessed event; ``inbound`` is None when its stored payload can
    no longer be read (then ``problem`` says why)."""

    id: int
    inbound: Inbound | None
    problem: str = ""


async def store(tx: Tx, events: Sequence[Inbound], at: datetime) -> int:
    """Store events not seen before, each with its text made valid
    (``clean_inbound``); return how many were new. Raises what the database
    raises; the caller decides what to do with a batch that fails."""
    cleaned = [clean_inbound(e) for e in events]
    before = tx.total_changes
    await tx.executemany(
        "INSERT OR IGNORE INTO inbox (platform, event_key, payload, received_at)"
        " VALUES (?, ?, ?, ?)",
        [(e.platform, e.event_key, e.to_json(), iso(at)) for e in cleaned],
    )
    return tx.total_changes - before


async def store_set_aside(tx: Tx, event: Inbound, at: datetime, error: str) -> bool:
    """Keep an event that could not be stored the usual way, for an operator:
    already done (never processed), its payload exactly as received in ASCII
    JSON (or, failing that, its ``ascii`` repr), with ``error``. Its key is
    the one the usual store would have used, so a redelivery of the same
    event by its platform is recognised and ignored. Returns whether a row
    was added (False: the key was already stored)."""
    try:
        payload = event.to_ascii_json()
    except Exception:  # a field that is not even JSON
        payload = ascii(event)
    before = tx.total_changes
    await tx.execute(
        "INSERT OR IGNORE INTO inbox"
        " (platform, event_key, payload, received_at, processed_at, set_aside_at, error)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            clean_line(str(event.platform)),
            clean_line(str(event.event_key)),
            payload,
            iso(at),
            iso(at),
            iso(at),
            _error_text(error),
        ),
    )
    return tx.total_changes > before


async def unprocessed(tx: Tx, limit: int) -> list[InboxRow]:
    """The oldest ``limit`` events not yet processed (nor set aside)."""
    rows = await fetch_all(
        tx, "SELECT id, payload FROM inbox WHERE processed_at IS NULL ORDER BY id LIMIT ?", (limit,)
    )
    out: list[InboxRow] = []
    for r in rows:
        try:
            out.append(InboxRow(int(r["id"]), Inbound.from_json(str(r["payload"]))))
        except Exception as error:
            out.append(InboxRow(int(r["id"]), None, f"unreadable payload: {error!r}"))
    return out


async def mark_processed(tx: Tx, inbox_id: int, at: datetime) -> None:
    """Processed: the text now lives where it belongs (or nowhere); drop the copy."""
    await tx.execute(
        "UPDATE inbox SET processed_at = ?, payload = NULL WHERE id = ?", (iso(at), inbox_id)
    )


async def set_aside(tx: Tx, inbox_id: int, at: datetime, error: str) -> None:
    """An event that failed processing: kept (payload and all) with ``error``
    for an operator, out of the way of the events behind it and never
    processed again. Its key stays, so a redelivery is still a duplicate."""
    await tx.execute(
        "UPDATE inbox SET processed_at = ?, set_aside_at = ?, error = ? WHERE id = ?",
        (iso(at), iso(at), _error_text(error), inbox_id),
    )


@dataclass(frozen=True)
class SetAside:
    """An event kept for an operator: when, what went wrong, and its payload
    as stored (None if it was purged)."""

    id: int
    platform: str
    event_key: str
    set_aside_at: str
    error: str
    payload: str | None


async def set_aside_events(tx: Tx, limit: int = 100) -> list[SetAside]:
    """The most recently set-aside events, newest first."""
    rows = await fetch_all(
        tx,
        "SELECT id, platform, event_key, set_aside_at, error, payload FROM inbox"
        " WHERE set_aside_at IS NOT NULL ORDER BY id DESC LIMIT ?",
        (limit,),
    )
    return [
        SetAside(
            int(r["id"]),
            str(r["platform"]),
            str(r["event_key"]),
            str(r["set_aside_at"]),
            str(r["error"] or ""),
            r["payload"],
        )
        for r in rows
    ]


def _error_text(error: str) -> str:
    return clean_text(error)[:ERROR_CHARS]
