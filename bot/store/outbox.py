"""Outbox rows: every message the bot will send, written in the same
transaction as the change that caused it.

The delivery vocabulary lives here, the lowest layer that uses it: what a row
is for (``OutboxPurpose``, which knows its ``Priority``), where it is in its
life (``OutboxState``), and what a caller asks to send (``OutboxDraft``,
taken by ``add`` here and by ``bot.delivery.outbox.Outbox.add``). Purposes and
states are stored as their text, so ``'pending'``, ``'card'``, ... in the
database and in SQL are these enums' values."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum, StrEnum

import aiosqlite

from bot.edge.chat import Button, Buttons, ChatKind, ChatRef
from bot.edge.rich import Rich, from_json, to_json
from bot.store.database import Tx, fetch_all, fetch_one, instant, iso


class Priority(IntEnum):
    """Which waiting message goes first: within a chat, and at the platform's
    overall gate (``bot.delivery.pacing.PriorityGate``). Lower sends first;
    stored in ``outbox.priority`` as the number."""

    URGENT = 0  # emergency guidance, URGENT cards, "send that again"
    REPLY = 10  # to a resident
    STAFF = 20  # to a staff room
    BURST = 25  # the card of a resident from a burst of new ones (Inbound.burst)
    PUBLIC = 30  # to a public room
    ALERT = 40  # alerts to subscribers: after every reply, card and public post


class OutboxState(StrEnum):
    """Where a row is in its life (``outbox.state``)::

        pending ──▶ sending ──▶ sent
           ▲           │
           └───────────┤  (a failure that may pass: RetryLater, NotSent)
                       ├──▶ failed    given up, refused, or the recipient unreachable
                       └──▶ unknown   may have arrived; never sent twice
        pending ──▶ skipped           not sent: recipient unreachable, platform off,
                                      too old at start-up, unsubscribed

    ``sending`` rows found at start-up become ``unknown`` (or ``pending`` again
    where the platform drops repeats)."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNKNOWN = "unknown"
    SKIPPED = "skipped"


class OutboxPurpose(StrEnum):
    """Why a row was queued (``outbox.purpose``). The purpose decides the
    row's priority (``priority_in``), which notices officers get when it
    fails (``bot.delivery.report``), and whether cards may be combined."""

    # To a resident, in their private chat.
    EMERGENCY = "emergency"  # the 999 guidance, before anything else
    REPLY = "reply"  # the resident desk's answer to what they wrote
    ANSWER = "answer"  # an officer's answer to their question
    REJECTION = "rejection"  # their question was not taken
    LATER = "later"  # their question is kept for a later session
    FORGOTTEN = "forgotten"  # confirming "forget": deleted once sent
    # An e-mail address's owner asked to subscribe: the link to confirm it
    # (double opt-in), to no resident yet; deleted once sent.
    CONFIRMATION = "confirmation"
    ALERT = "alert"  # an alert they subscribed to (fanned out by bot.store.alert)
    # To a resident or a staff room.
    UNREADABLE = "unreadable"  # an event that could not be stored: "send that again"
    # To a staff room.
    CARD = "card"  # a new question, with its buttons
    URGENT_CARD = "urgent_card"  # an URGENT question (may ping the duty role)
    STAFF_REPLY = "staff_reply"  # the staff desk's answer to a command
    STAFF_NOTICE = "staff_notice"  # a question withdrawn, an alert's progress
    CARD_COPY = "card_copy"  # a resident's photo copied next to its card (Telegram)
    CARD_EDIT = "card_edit"  # a card (or whois reply) posted, edited to drop erased words
    DELIVERY_NOTICE = "delivery_notice"  # a message that did not get through
    # To a public room.
    PUBLICATION = "publication"  # a published answer
    REMINDER = "reminder"  # a session is coming
    ALERT_PUBLIC = "alert_public"  # an alert, posted in the public rooms too
    # To public rooms and staff rooms alike.
    SESSION_OPEN = "session_open"
    SESSION_CLOSE = "session_close"

    def priority_in(self, kind: ChatKind) -> Priority:
        """The priority of this purpose's message to a chat of ``kind``. One
        per purpose, except a session's opening and closing, which go to both
        kinds of room: ``PUBLIC`` in a public room (``"channel"``), ``STAFF``
        in a staff room (``"group"``)."""
        if kind == "channel":
            return _PRIORITY_IN_PUBLIC_ROOMS.get(self, _PRIORITY[self])
        return _PRIORITY[self]


_PRIORITY: dict[OutboxPurpose, Priority] = {
    OutboxPurpose.EMERGENCY: Priority.URGENT,
    OutboxPurpose.REPLY: Priority.REPLY,
    OutboxPurpose.ANSWER: Priority.REPLY,
    OutboxPurpose.REJECTION: Priority.REPLY,
    OutboxPurpose.LATER: Priority.REPLY,
    OutboxPurpose.FORGOTTEN: Priority.REPLY,
    OutboxPurpose.CONFIRMATION: Priority.REPLY,
    OutboxPurpose.ALERT: Priority.ALERT,
    OutboxPurpose.UNREADABLE: Priority.URGENT,
    OutboxPurpose.CARD: Priority.STAFF,
    OutboxPurpose.URGENT_CARD: Priority.URGENT,
    OutboxPurpose.STAFF_REPLY: Priority.STAFF,
    OutboxPurpose.STAFF_NOTICE: Priority.STAFF,
    OutboxPurpose.CARD_COPY: Priority.STAFF,
    OutboxPurpose.CARD_EDIT: Priority.STAFF,
    OutboxPurpose.DELIVERY_NOTICE: Priority.STAFF,
    OutboxPurpose.PUBLICATION: Priority.PUBLIC,
    OutboxPurpose.REMINDER: Priority.PUBLIC,
    OutboxPurpose.ALERT_PUBLIC: Priority.PUBLIC,
    OutboxPurpose.SESSION_OPEN: Priority.STAFF,
    OutboxPurpose.SESSION_CLOSE: Priority.STAFF,
}
# The purposes that go to public rooms as well as staff rooms: their posts in
# public rooms wait behind staff messages, like every public post.
_PRIORITY_IN_PUBLIC_ROOMS: dict[OutboxPurpose, Priority] = {
    OutboxPurpose.SESSION_OPEN: Priority.PUBLIC,
    OutboxPurpose.SESSION_CLOSE: Priority.PUBLIC,
}


@dataclass(frozen=True)
class OutboxDraft:
    """A message to queue, before it has a row: where it goes (``chat``), what
    it says (``body``, any length: the outbox service splits it to the
    platform's limit), why (``purpose``, which gives the priority), rows of
    buttons (``buttons``), the platform message id it answers
    (``reply_to_message_id``), the question and resident it concerns (row ids,
    for reports and for deleting a resident's messages), and the one role it
    may ping (``alert_role_id``, URGENT cards only), and the topic or thread of
    the room it goes to (``thread_id``: a reply to an officer who wrote in one)."""

    chat: ChatRef
    body: Rich
    purpose: OutboxPurpose
    buttons: Buttons = ()
    reply_to_message_id: str | None = None
    question_id: int | None = None
    resident_id: int | None = None
    alert_role_id: str | None = None
    thread_id: str | None = None
    # A copy of a resident's message (chat id, message id on the same
    # platform) to send with ``body`` as its caption, instead of a text message.
    copy_from: tuple[str, str] | None = None
    # The platform id of the bot's own message in ``chat`` that ``body`` (and
    # ``buttons``) replace, instead of a new message (``CARD_EDIT``).
    edit_of: str | None = None
    # A card of a resident from a burst of new ones: sent at ``Priority.BURST``,
    # after every other staff message (an URGENT card never: it goes first).
    burst: bool = False

    @property
    def priority(self) -> Priority:
        if self.burst and self.purpose == OutboxPurpose.CARD:
            return Priority.BURST
        return self.purpose.priority_in(self.chat.kind)


@dataclass(frozen=True)
class OutboxRow:
    id: int
    chat: ChatRef
    body: Rich
    buttons: Buttons
    reply_to_message_id: str | None
    priority: int
    purpose: OutboxPurpose
    question_id: int | None
    resident_id: int | None
    attempts: int
    alert_role_id: str | None = None  # the one role this message may ping (URGENT cards)
    created_at: datetime | None = None
    retry_since: datetime | None = None  # the first failed attempt of the current run of failures
    thread_id: str | None = None  # the topic or thread of ``chat`` it goes to
    copy_from: tuple[str, str] | None = None  # (chat id, message id) to copy: OutboxDraft
    edit_of: str | None = None  # the platform message id this row edits: OutboxDraft
    # Since when it waits for its resident to write again (WaitsForResident),
    # as it was loaded; None when it does not.
    waits_since: datetime | None = None


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
        purpose=OutboxPurpose(str(r["purpose"])),
        question_id=r["question_id"],
        resident_id=r["resident_id"],
        attempts=int(r["attempts"]),
        alert_role_id=r["alert_role_id"],
        created_at=instant(str(r["created_at"])),
        retry_since=instant(str(r["retry_since"])) if r["retry_since"] else None,
        thread_id=r["thread_id"],
        copy_from=(
            (str(r["copy_from_chat"]), str(r["copy_from_message"]))
            if r["copy_from_chat"] is not None and r["copy_from_message"] is not None
            else None
        ),
        edit_of=r["edit_of"],
        waits_since=instant(str(r["waits_since"])) if r["waits_since"] else None,
    )


async def add(tx: Tx, draft: OutboxDraft, at: datetime) -> int:
    """Queue ``draft`` as one 'pending' row, as it is (no splitting: a body
    longer than its platform takes is refused when sent; use
    ``bot.delivery.outbox.Outbox.add``). ``at`` is when it was queued (any
    timezone, stored in UTC; the rooms' give-up window counts from it).
    Returns the row id. Raises sqlite3.Error as the write does (e.g.
    ``IntegrityError`` for a ``question_id`` or ``resident_id`` that does not
    exist)."""
    cursor = await tx.execute(
        "INSERT INTO outbox (platform, chat_id, chat_kind, body, buttons, reply_to_message_id,"
        " priority, purpose, question_id, resident_id, state, created_at, alert_role_id,"
        " thread_id, copy_from_chat, copy_from_message, edit_of)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            draft.chat.platform,
            draft.chat.chat_id,
            draft.chat.kind,
            to_json(draft.body),
            buttons_to_json(draft.buttons),
            draft.reply_to_message_id,
            int(draft.priority),
            draft.purpose.value,
            draft.question_id,
            draft.resident_id,
            OutboxState.PENDING.value,
            iso(at),
            draft.alert_role_id,
            draft.thread_id,
            draft.copy_from[0] if draft.copy_from else None,
            draft.copy_from[1] if draft.copy_from else None,
            draft.edit_of,
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
        f"UPDATE outbox SET state = 'sending', attempts = attempts + 1, waits_since = NULL"
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


async def delete(tx: Tx, ids: Sequence[int]) -> None:
    """Delete rows ``ids`` (the confirmation of a forget, once sent: no copy
    of it is kept). Ids that no longer exist are passed over."""
    await tx.executemany("DELETE FROM outbox WHERE id = ?", [(i,) for i in ids])


async def mark(tx: Tx, ids: Sequence[int], state: OutboxState, error: str | None) -> None:
    """Rows ``ids`` to ``state``: back to ``PENDING`` (a send interrupted where
    a repeat is harmless), or a final ``FAILED`` / ``UNKNOWN`` / ``SKIPPED``,
    with ``error`` as the reason (None clears it). Ids that no longer exist
    are passed over."""
    await tx.executemany(
        "UPDATE outbox SET state = ?, error = ? WHERE id = ?",
        [(state.value, error, i) for i in ids],
    )


async def wait_for_resident(tx: Tx, ids: Sequence[int], reason: str, since: datetime) -> list[int]:
    """Rows ``ids`` back to 'pending' with ``reason``, their give-up clock
    cleared, waiting (``waits_since``) from ``since``: they wait for the
    resident's next message, however long, and are never given up. Returns
    those that were not already waiting for it (their previous error was
    another), so officers are told once."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    before = await fetch_all(tx, f"SELECT id, error FROM outbox WHERE id IN ({marks})", ids)
    new = [int(r[0]) for r in before if r[1] != reason]
    await tx.executemany(
        "UPDATE outbox SET state = 'pending', error = ?, retry_since = NULL,"
        " waits_since = ? WHERE id = ?",
        [(reason, iso(since), i) for i in ids],
    )
    return new


async def pending_to(tx: Tx, chat: ChatRef) -> list[OutboxRow]:
    """What waits to be sent to ``chat``, oldest first."""
    rows = await fetch_all(
        tx,
        "SELECT * FROM outbox WHERE platform = ? AND chat_id = ? AND state = 'pending' ORDER BY id",
        (chat.platform, chat.chat_id),
    )
    return [_row(r) for r in rows]


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
    await mark(tx, ids, OutboxState.SKIPPED, reason)
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


async def answer_on_its_way(tx: Tx, question_id: int) -> bool:
    """Whether an answer about question ``question_id`` waits to be sent or is
    being sent (its rows 'pending' or 'sending')."""
    row = await fetch_one(
        tx,
        "SELECT 1 FROM outbox WHERE state = 'pending' AND question_id = ? AND purpose = ?"
        " UNION ALL SELECT 1 FROM outbox WHERE state = 'sending' AND question_id = ?"
        " AND purpose = ? LIMIT 1",
        (question_id, OutboxPurpose.ANSWER.value, question_id, OutboxPurpose.ANSWER.value),
    )
    return row is not None


async def session_post(tx: Tx, chat: ChatRef, before_id: int) -> str | None:
    """The platform id of the session's opening post in the public room
    ``chat`` that a row ``before_id`` (a published answer, the closing)
    belongs under: the latest ``session_open`` row to ``chat`` queued before
    it, when that one was sent; else None."""
    row = await fetch_one(
        tx,
        "SELECT state, platform_message_id FROM outbox WHERE platform = ? AND chat_id = ?"
        " AND purpose = ? AND id < ? ORDER BY id DESC LIMIT 1",
        (chat.platform, chat.chat_id, OutboxPurpose.SESSION_OPEN.value, before_id),
    )
    if row is None or row[0] != OutboxState.SENT.value or not row[1]:
        return None
    return str(row[1])


async def earlier_part(tx: Tx, chat: ChatRef, row_id: int, question_id: int) -> str | None:
    """The platform id of the part before row ``row_id`` of the same
    published answer (``question_id``) in the public room ``chat``: the row
    just before it to ``chat`` when it is a publication of that question and
    was sent; else None. A split message's parts are queued one after the
    other to each room, in one transaction."""
    row = await fetch_one(
        tx,
        "SELECT purpose, question_id, state, platform_message_id FROM outbox"
        " WHERE platform = ? AND chat_id = ? AND id < ? ORDER BY id DESC LIMIT 1",
        (chat.platform, chat.chat_id, row_id),
    )
    if (
        row is None
        or row[0] != OutboxPurpose.PUBLICATION.value
        or row[1] != question_id
        or row[2] != OutboxState.SENT.value
        or not row[3]
    ):
        return None
    return str(row[3])


async def record_card(tx: Tx, chat: ChatRef, message_id: str, question_ids: Sequence[int]) -> None:
    await tx.executemany(
        "INSERT OR IGNORE INTO card_message (platform, chat_id, message_id, question_id)"
        " VALUES (?, ?, ?, ?)",
        [(chat.platform, chat.chat_id, message_id, q) for q in question_ids],
    )


async def count_by_state(tx: Tx) -> dict[str, int]:
    rows = await fetch_all(tx, "SELECT state, COUNT(*) FROM outbox GROUP BY state")
    return {str(r[0]): int(r[1]) for r in rows}
