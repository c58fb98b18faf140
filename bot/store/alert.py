"""Alerts to subscribers: one row per alert, fanned out into outbox rows (one
per subscriber) in a single statement, so a restart carries on where it
stopped and nobody gets the same alert twice.

The table keeps the name it was created with, ``broadcast``, and outbox rows
point at their alert through ``outbox.broadcast_id`` (as ``survey`` does):
renaming them would take a migration for no change in behaviour. In code an
alert is an alert everywhere."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.edge.chat import Buttons, ChatRef
from bot.edge.rich import Rich, from_json, to_json
from bot.store.database import Tx, fetch_all, fetch_one, instant, iso
from bot.store.outbox import OutboxPurpose, OutboxState, buttons_from_json, buttons_to_json


@dataclass(frozen=True)
class Alert:
    """One alert: its forum and type (an ``AlertType`` value), what it says,
    whether it is urgent (ignores quiet hours) and goes to the public rooms
    too, the staff room that asked (told of its progress), when it was asked
    for and may go (``send_at``), ``state`` (``scheduled``, ``sending``,
    ``done``), and the counts its progress reports use."""

    id: int
    forum_id: str
    alert_type: str
    body: Rich
    urgent: bool
    to_public: bool
    report_chat: ChatRef | None
    created_at: datetime
    send_at: datetime
    state: str
    total: int
    unreachable_before: int
    reported_at: datetime | None
    reported_done: int
    buttons: Buttons = ()


@dataclass(frozen=True)
class Progress:
    total: int  # the subscribers: those it went to and those known unreachable before
    sent: int
    unreachable: int  # found unreachable now, plus those known before
    failed: int  # rejected by the platform
    waiting: int
    stopped: int = 0  # unsubscribed while it was being sent
    unknown: int = 0  # cut off mid-send by a restart: may have arrived, never sent twice

    @property
    def finished(self) -> bool:
        return self.waiting == 0


def _row(r: aiosqlite.Row) -> Alert:
    report = (
        ChatRef(str(r["report_platform"]), str(r["report_chat_id"]), r["report_chat_kind"])
        if r["report_platform"]
        else None
    )
    return Alert(
        id=int(r["id"]),
        forum_id=str(r["forum_id"]),
        alert_type=str(r["alert_type"]),
        body=from_json(str(r["body"])),
        urgent=bool(r["urgent"]),
        to_public=bool(r["to_public"]),
        report_chat=report,
        created_at=instant(r["created_at"]),
        send_at=instant(r["send_at"]),
        state=str(r["state"]),
        total=int(r["total"]),
        unreachable_before=int(r["unreachable_before"]),
        reported_at=instant(r["reported_at"]) if r["reported_at"] else None,
        reported_done=int(r["reported_done"]),
        buttons=buttons_from_json(r["buttons"]),
    )


async def create(
    tx: Tx,
    forum_id: str,
    alert_type: str,
    body: Rich,
    *,
    urgent: bool,
    to_public: bool,
    requested_by: str | None,
    report_chat: ChatRef | None,
    at: datetime,
    send_at: datetime,
    buttons: Buttons = (),
) -> int:
    row = await fetch_one(
        tx,
        "INSERT INTO broadcast (forum_id, alert_type, body, urgent, to_public, requested_by,"
        " report_platform, report_chat_id, report_chat_kind, created_at, send_at, state,"
        " buttons) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', ?) RETURNING id",
        (
            forum_id,
            alert_type,
            to_json(body),
            int(urgent),
            int(to_public),
            requested_by,
            report_chat.platform if report_chat else None,
            report_chat.chat_id if report_chat else None,
            report_chat.kind if report_chat else None,
            iso(at),
            iso(send_at),
            buttons_to_json(buttons),
        ),
    )
    assert row is not None
    return int(row["id"])


async def same_since(
    tx: Tx, forum_id: str, alert_type: str, body: Rich, since: datetime
) -> Alert | None:
    """The latest alert of ``alert_type`` to ``forum_id`` saying exactly
    ``body``, asked for at or after ``since``; None when there is none."""
    row = await fetch_one(
        tx,
        "SELECT * FROM broadcast WHERE forum_id = ? AND alert_type = ? AND body = ?"
        " AND created_at >= ? ORDER BY id DESC LIMIT 1",
        (forum_id, alert_type, to_json(body), iso(since)),
    )
    return _row(row) if row is not None else None


async def get(tx: Tx, alert_id: int) -> Alert | None:
    row = await fetch_one(tx, "SELECT * FROM broadcast WHERE id = ?", (alert_id,))
    return _row(row) if row is not None else None


async def due(tx: Tx, now: datetime) -> list[Alert]:
    rows = await fetch_all(
        tx,
        "SELECT * FROM broadcast WHERE state = 'scheduled' AND send_at <= ? ORDER BY id",
        (iso(now),),
    )
    return [_row(r) for r in rows]


async def next_send_at(tx: Tx) -> datetime | None:
    row = await fetch_one(tx, "SELECT MIN(send_at) AS at FROM broadcast WHERE state = 'scheduled'")
    return instant(row["at"]) if row is not None and row["at"] else None


async def sending(tx: Tx) -> list[Alert]:
    rows = await fetch_all(tx, "SELECT * FROM broadcast WHERE state = 'sending' ORDER BY id")
    return [_row(r) for r in rows]


async def fan_out(
    tx: Tx,
    alert: Alert,
    platform: str,
    parts: list[Rich],
    at: datetime,
) -> int:
    """One outbox row per part for every reachable subscriber on ``platform``
    (one statement a part; buttons on the last); returns how many subscribers
    it reached."""
    reached = 0
    purpose = OutboxPurpose.ALERT
    for index, part in enumerate(parts):
        buttons = buttons_to_json(alert.buttons) if index == len(parts) - 1 else None
        cursor = await tx.execute(
            "INSERT INTO outbox (platform, chat_id, chat_kind, body, buttons, priority, purpose,"
            " resident_id, state, created_at, broadcast_id)"
            " SELECT r.platform, r.chat_id, 'private', ?, ?, ?, ?, r.id, ?, ?, ?"
            " FROM subscription s JOIN resident r ON r.id = s.resident_id"
            " WHERE s.forum_id = ? AND s.alert_type = ? AND r.platform = ?"
            " AND r.unreachable_at IS NULL AND r.blocked_at IS NULL ORDER BY r.id",
            (
                to_json(part),
                buttons,
                int(purpose.priority_in("private")),
                purpose.value,
                OutboxState.PENDING.value,
                iso(at),
                alert.id,
                alert.forum_id,
                alert.alert_type,
                platform,
            ),
        )
        if index == 0:
            reached = cursor.rowcount
    return reached


async def count_unreachable(tx: Tx, forum_id: str, alert_type: str) -> int:
    row = await fetch_one(
        tx,
        "SELECT COUNT(*) AS n FROM subscription s JOIN resident r ON r.id = s.resident_id"
        " WHERE s.forum_id = ? AND s.alert_type = ? AND r.unreachable_at IS NOT NULL",
        (forum_id, alert_type),
    )
    return int(row["n"]) if row is not None else 0


async def start(tx: Tx, alert_id: int, total: int, unreachable_before: int, at: datetime) -> None:
    await tx.execute(
        "UPDATE broadcast SET state = 'sending', total = ?, unreachable_before = ?,"
        " reported_at = ? WHERE id = ?",
        (total, unreachable_before, iso(at), alert_id),
    )


async def progress(tx: Tx, alert: Alert) -> Progress:
    """Counted per subscriber (a message sent in parts counts once)."""
    rows = await fetch_all(
        tx,
        "SELECT o.state, o.error = 'unsubscribed' AS stopped,"
        " r.unreachable_at IS NOT NULL AS gone, COUNT(DISTINCT o.resident_id) AS n"
        " FROM outbox o LEFT JOIN resident r ON r.id = o.resident_id"
        " WHERE o.broadcast_id = ? AND o.chat_kind = 'private' GROUP BY 1, 2, 3",
        (alert.id,),
    )
    sent = unreachable = failed = waiting = stopped = unknown = 0
    for r in rows:
        n = int(r["n"])
        state = str(r["state"])
        if state == "sent":
            sent += n
        elif state in ("pending", "sending"):
            waiting += n
        elif state == "unknown":
            unknown += n
        elif r["stopped"]:
            stopped += n
        elif r["gone"]:
            unreachable += n
        else:
            failed += n
    # Those known unreachable before are in the total as in ``unreachable``, so
    # the figures add up ("2 of 3 sent, 1 unreachable"), not "2 of 2 sent, 1 unreachable".
    before = alert.unreachable_before
    return Progress(
        alert.total + before, sent, unreachable + before, failed, waiting, stopped, unknown
    )


async def mark_reported(tx: Tx, alert_id: int, done: int, at: datetime) -> None:
    await tx.execute(
        "UPDATE broadcast SET reported_at = ?, reported_done = ? WHERE id = ?",
        (iso(at), done, alert_id),
    )


async def finish(tx: Tx, alert_id: int, at: datetime) -> None:
    await tx.execute(
        "UPDATE broadcast SET state = 'done', finished_at = ? WHERE id = ?",
        (iso(at), alert_id),
    )


async def stop_for_resident(
    tx: Tx, resident_id: int, forum_id: str | None, alert_type: str | None
) -> int:
    """A resident who unsubscribes while an alert to them is being sent gets nothing more: their
    waiting alert messages are skipped."""
    sql = (
        "UPDATE outbox SET state = 'skipped', error = 'unsubscribed'"
        " WHERE resident_id = ? AND state = 'pending' AND broadcast_id IN"
        " (SELECT id FROM broadcast WHERE state != 'done'"
    )
    params: list[object] = [resident_id]
    if forum_id is not None:
        sql += " AND forum_id = ?"
        params.append(forum_id)
    if alert_type is not None:
        sql += " AND alert_type = ?"
        params.append(alert_type)
    cursor = await tx.execute(sql + ")", params)
    return cursor.rowcount


async def subscriber_platforms(tx: Tx, forum_id: str, alert_type: str) -> list[str]:
    rows = await fetch_all(
        tx,
        "SELECT DISTINCT r.platform FROM subscription s JOIN resident r ON r.id = s.resident_id"
        " WHERE s.forum_id = ? AND s.alert_type = ? ORDER BY r.platform",
        (forum_id, alert_type),
    )
    return [str(r["platform"]) for r in rows]
