"""Questions and their states."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import aiosqlite

from bot.store.database import Tx, fetch_all, fetch_one, instant, iso


class State(StrEnum):
    NEW = "new"
    APPROVED = "approved"
    DEFERRED = "deferred"  # "we'll find out and get back to you"
    ANSWERED = "answered"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    MERGED = "merged"


OPEN_STATES = (State.NEW, State.APPROVED, State.DEFERRED)


@dataclass(frozen=True)
class Question:
    id: int
    forum_id: str
    resident_id: int | None
    state: State
    text: str
    publishable: str
    urgent: bool
    answer: str | None
    answered_at: datetime | None
    merged_into: int | None
    created_at: datetime
    attachments: tuple[str, ...] = ()  # kinds sent with it (bot.edge.inbound.Attachment)
    forwarded: bool = False  # it came as a forwarded message
    album: str | None = None  # the platform's id of the album its message opened
    seen_at: datetime | None = None  # an officer pressed "Seen" on its URGENT card
    seen_by: str | None = None  # who did (platform:id)
    escalated_at: datetime | None = None  # raised again for want of a "Seen"
    urgent_more: int = 0  # later urgent messages from the same resident folded into it


def _row(r: aiosqlite.Row) -> Question:
    return Question(
        id=int(r["id"]),
        forum_id=str(r["forum_id"]),
        resident_id=r["resident_id"],
        state=State(r["state"]),
        text=str(r["text"]),
        publishable=str(r["publishable"]),
        urgent=bool(r["urgent"]),
        answer=r["answer"],
        answered_at=instant(r["answered_at"]) if r["answered_at"] else None,
        merged_into=r["merged_into"],
        created_at=instant(str(r["created_at"])),
        attachments=tuple(a for a in str(r["attachments"] or "").split(",") if a),
        forwarded=bool(r["forwarded"]),
        album=r["album"],
        seen_at=instant(r["seen_at"]) if r["seen_at"] else None,
        seen_by=r["seen_by"],
        escalated_at=instant(r["escalated_at"]) if r["escalated_at"] else None,
        urgent_more=int(r["urgent_more"]),
    )


async def insert(
    tx: Tx,
    forum_id: str,
    resident_id: int,
    text: str,
    publishable: str,
    urgent: bool,
    at: datetime,
    held: bool = False,
    *,
    attachments: tuple[str, ...] = (),
    forwarded: bool = False,
    source_message_id: str | None = None,
    album: str | None = None,
) -> Question:
    """A new question; a ``held`` one (from a blocked asker) is stored, never
    carded or queued. ``attachments``: the kinds its message carried;
    ``source_message_id``: the platform's id of that message (an edit of it
    finds the question with :func:`of_message`); ``album``: the album the
    message opened (:func:`of_album` finds it)."""
    row = await fetch_one(
        tx,
        "INSERT INTO question (forum_id, resident_id, state, text, publishable, urgent,"
        " created_at, updated_at, held, attachments, forwarded, source_message_id, album)"
        " VALUES (?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *",
        (
            forum_id,
            resident_id,
            text,
            publishable,
            int(urgent),
            iso(at),
            iso(at),
            int(held),
            ",".join(attachments),
            int(forwarded),
            source_message_id,
            album,
        ),
    )
    assert row is not None
    return _row(row)


async def get(tx: Tx, question_id: int) -> Question | None:
    row = await fetch_one(tx, "SELECT * FROM question WHERE id = ?", (question_id,))
    return _row(row) if row is not None else None


async def of_album(tx: Tx, resident_id: int, album: str) -> Question | None:
    """The question the resident's album ``album`` opened, or None."""
    row = await fetch_one(
        tx,
        "SELECT * FROM question WHERE resident_id = ? AND album = ? ORDER BY id DESC LIMIT 1",
        (resident_id, album),
    )
    return _row(row) if row is not None else None


async def add_attachments(tx: Tx, question_id: int, kinds: tuple[str, ...]) -> None:
    """``kinds`` sent later with question ``question_id`` (an album's other items)."""
    row = await fetch_one(tx, "SELECT attachments FROM question WHERE id = ?", (question_id,))
    if row is None:
        return
    had = [a for a in str(row[0] or "").split(",") if a]
    await tx.execute(
        "UPDATE question SET attachments = ? WHERE id = ?", (",".join([*had, *kinds]), question_id)
    )


async def of_message(tx: Tx, resident_id: int, source_message_id: str) -> Question | None:
    """The question that came from the resident's message ``source_message_id``
    (the platform's id), or None."""
    row = await fetch_one(
        tx,
        "SELECT * FROM question WHERE resident_id = ? AND source_message_id = ?"
        " ORDER BY id DESC LIMIT 1",
        (resident_id, source_message_id),
    )
    return _row(row) if row is not None else None


async def set_edited(
    tx: Tx, question_id: int, text: str, publishable: str, urgent: bool, at: datetime
) -> None:
    """The resident edited the question before officers acted on it: its text
    and suggested publishable text replaced, ``urgent`` (it only ever rises)."""
    await tx.execute(
        "UPDATE question SET text = ?, publishable = ?, urgent = ?, updated_at = ? WHERE id = ?",
        (text, publishable, int(urgent), iso(at), question_id),
    )


async def set_state(tx: Tx, question_id: int, state: State, at: datetime) -> None:
    await tx.execute(
        "UPDATE question SET state = ?, updated_at = ? WHERE id = ?",
        (state.value, iso(at), question_id),
    )


async def set_publishable(tx: Tx, question_id: int, text: str, at: datetime) -> None:
    await tx.execute(
        "UPDATE question SET publishable = ?, updated_at = ? WHERE id = ?",
        (text, iso(at), question_id),
    )


async def set_answer(
    tx: Tx, question_id: int, answer: str, session_id: int | None, at: datetime
) -> None:
    await tx.execute(
        "UPDATE question SET state = 'answered', answer = ?, answered_at = ?,"
        " answered_session_id = ?, updated_at = ? WHERE id = ?",
        (answer, iso(at), session_id, iso(at), question_id),
    )


async def merge(tx: Tx, question_id: int, into_id: int, at: datetime) -> None:
    await tx.execute(
        "UPDATE question SET state = 'merged', merged_into = ?, updated_at = ? WHERE id = ?",
        (into_id, iso(at), question_id),
    )


async def merged_into(tx: Tx, question_id: int) -> list[Question]:
    rows = await fetch_all(
        tx, "SELECT * FROM question WHERE merged_into = ? ORDER BY id", (question_id,)
    )
    return [_row(r) for r in rows]


async def of_resident(tx: Tx, resident_id: int, limit: int = 20) -> list[Question]:
    rows = await fetch_all(
        tx,
        "SELECT * FROM question WHERE resident_id = ? ORDER BY id DESC LIMIT ?",
        (resident_id, limit),
    )
    return [_row(r) for r in rows]


async def waiting(tx: Tx, forum_ids: tuple[str, ...], states: tuple[State, ...]) -> list[Question]:
    """Questions of these forums in these states, urgent ones first, each
    group oldest first."""
    forum_marks = ",".join("?" * len(forum_ids))
    state_marks = ",".join("?" * len(states))
    rows = await fetch_all(
        tx,
        f"SELECT * FROM question WHERE forum_id IN ({forum_marks})"
        f" AND state IN ({state_marks}) AND held = 0 ORDER BY urgent DESC, id",
        (*forum_ids, *(s.value for s in states)),
    )
    return [_row(r) for r in rows]


async def answered_in_session(tx: Tx, session_id: int) -> int:
    row = await fetch_one(
        tx, "SELECT COUNT(*) FROM question WHERE answered_session_id = ?", (session_id,)
    )
    return int(row[0]) if row else 0


async def answered_texts(tx: Tx, session_id: int, limit: int) -> list[tuple[int, str]]:
    """(reference, publishable text) of the questions answered in a session."""
    rows = await fetch_all(
        tx,
        "SELECT id, publishable FROM question WHERE answered_session_id = ? ORDER BY id LIMIT ?",
        (session_id, limit),
    )
    return [(int(r["id"]), str(r["publishable"])) for r in rows]


async def last_forum_of(tx: Tx, resident_id: int) -> str | None:
    row = await fetch_one(
        tx,
        "SELECT forum_id FROM question WHERE resident_id = ? ORDER BY id DESC LIMIT 1",
        (resident_id,),
    )
    return str(row[0]) if row else None


async def card_question_ids(tx: Tx, platform: str, chat_id: str, message_id: str) -> list[int]:
    rows = await fetch_all(
        tx,
        "SELECT question_id FROM card_message WHERE platform = ? AND chat_id = ?"
        " AND message_id = ? ORDER BY question_id",
        (platform, chat_id, message_id),
    )
    return [int(r[0]) for r in rows]


async def asked_since(tx: Tx, resident_id: int, since: datetime) -> tuple[int, datetime | None]:
    """How many questions the resident has asked since ``since``, and the earliest."""
    row = await fetch_one(
        tx,
        "SELECT COUNT(*), MIN(created_at) FROM question WHERE resident_id = ? AND created_at >= ?",
        (resident_id, iso(since)),
    )
    if row is None or not row[0]:
        return 0, None
    return int(row[0]), instant(str(row[1]))


async def set_seen(tx: Tx, question_id: int, by: str, at: datetime) -> None:
    """An officer (``by``: their label, ``officer telegram:42``) saw URGENT
    question ``question_id``."""
    await tx.execute(
        "UPDATE question SET seen_at = ?, seen_by = ? WHERE id = ? AND seen_at IS NULL",
        (iso(at), by, question_id),
    )


async def unseen_urgent(tx: Tx, forum_id: str, created_before: datetime) -> list[Question]:
    """The forum's URGENT questions created by ``created_before`` that no
    officer has seen (no "Seen", still ``new``), not held and not yet
    escalated, oldest first."""
    rows = await fetch_all(
        tx,
        "SELECT * FROM question WHERE urgent = 1 AND seen_at IS NULL AND escalated_at IS NULL"
        " AND created_at <= ? AND forum_id = ? AND state = 'new' AND held = 0 ORDER BY id",
        (iso(created_before), forum_id),
    )
    return [_row(r) for r in rows]


async def oldest_unseen_urgent(tx: Tx, forum_id: str) -> datetime | None:
    """When the forum's oldest URGENT question still waiting for a "Seen"
    (and not escalated) was created, or None."""
    row = await fetch_one(
        tx,
        "SELECT MIN(created_at) FROM question WHERE urgent = 1 AND seen_at IS NULL"
        " AND escalated_at IS NULL AND forum_id = ? AND state = 'new' AND held = 0",
        (forum_id,),
    )
    return instant(str(row[0])) if row is not None and row[0] else None


async def set_escalated(tx: Tx, question_id: int, at: datetime, hook: bool) -> None:
    """Question ``question_id`` was raised again at ``at``; ``hook``: a
    webhook post is owed (``hook_state`` pending, due at once)."""
    await tx.execute(
        "UPDATE question SET escalated_at = ?, hook_state = ?, hook_next_at = ? WHERE id = ?",
        (iso(at), "pending" if hook else None, iso(at) if hook else None, question_id),
    )


async def hooks_due(tx: Tx, now: datetime) -> list[Question]:
    """Escalated questions whose webhook post is pending and due by ``now``."""
    rows = await fetch_all(
        tx,
        "SELECT * FROM question WHERE hook_state = 'pending' AND hook_next_at <= ?"
        " ORDER BY hook_next_at, id",
        (iso(now),),
    )
    return [_row(r) for r in rows]


async def next_hook_at(tx: Tx) -> datetime | None:
    """When the next pending webhook post is due, or None."""
    row = await fetch_one(tx, "SELECT MIN(hook_next_at) FROM question WHERE hook_state = 'pending'")
    return instant(str(row[0])) if row is not None and row[0] else None


async def hook_tried(tx: Tx, question_id: int, state: str, next_at: datetime | None) -> int:
    """One more try of question ``question_id``'s webhook post: its new
    ``state`` (``pending``, ``sent``, ``failed``) and, while pending, when
    it is tried next. Returns the tries so far."""
    row = await fetch_one(
        tx,
        "UPDATE question SET hook_state = ?, hook_tries = hook_tries + 1, hook_next_at = ?"
        " WHERE id = ? RETURNING hook_tries",
        (state, iso(next_at) if next_at is not None else None, question_id),
    )
    return int(row[0]) if row is not None else 0


async def unseen_urgent_of(
    tx: Tx, resident_id: int, forum_id: str, since: datetime
) -> Question | None:
    """The resident's latest URGENT question in ``forum_id`` created since
    ``since`` that officers have not yet seen: still ``new``, no "Seen",
    not escalated, not held. None when there is none."""
    row = await fetch_one(
        tx,
        "SELECT * FROM question WHERE resident_id = ? AND forum_id = ? AND urgent = 1"
        " AND state = 'new' AND seen_at IS NULL AND escalated_at IS NULL AND held = 0"
        " AND created_at >= ? ORDER BY id DESC LIMIT 1",
        (resident_id, forum_id, iso(since)),
    )
    return _row(row) if row is not None else None


async def fold_urgent(tx: Tx, question_id: int, text: str, publishable: str, at: datetime) -> None:
    """A further urgent message from the same resident folded into URGENT
    question ``question_id``: ``text`` appended to what was received,
    ``publishable`` (its suggestion) to the suggestion, a blank line before
    each; counted in ``urgent_more``."""
    await tx.execute(
        "UPDATE question SET text = text || char(10) || char(10) || ?,"
        " publishable = publishable || char(10) || char(10) || ?,"
        " urgent_more = urgent_more + 1, updated_at = ? WHERE id = ?",
        (text, publishable, iso(at), question_id),
    )


@dataclass(frozen=True)
class CardState:
    """Where the question of a card (an outbox row) stands now, for a
    console that shows its cards live: the question's id, whether the card
    was an URGENT one (``urgent_card``), the question's ``state`` and who
    pressed "Seen" on it (``seen_by``, None while nobody has), and whether
    its answer waits for the asker to write again (``answer_waits``)."""

    question_id: int
    urgent: bool
    state: State
    seen_by: str | None
    # An answer to the asker waits for them to write again (the platform's
    # window has closed: Messenger's 24 hours).
    answer_waits: bool = False

    @property
    def awaiting_seen(self) -> bool:
        """An URGENT card whose question still waits for a "Seen" (still new)."""
        return self.urgent and self.seen_by is None and self.state == State.NEW


async def answer_waits(tx: Tx, question_id: int) -> bool:
    """Whether an answer about ``question_id`` waits for its asker to write
    again (an ``answer`` row pending with ``waits_since``)."""
    row = await fetch_one(
        tx,
        "SELECT 1 FROM outbox WHERE question_id = ? AND purpose = 'answer'"
        " AND state = 'pending' AND waits_since IS NOT NULL LIMIT 1",
        (question_id,),
    )
    return row is not None


async def card_states(tx: Tx, outbox_ids: Collection[int]) -> dict[int, CardState]:
    """Of ``outbox_ids``, the rows that are a question's card (``card`` or
    ``urgent_card``), each with its question as it now stands (keyed by
    outbox id). Rows of other purposes, and cards whose question is gone,
    are left out."""
    if not outbox_ids:
        return {}
    marks = ",".join("?" * len(outbox_ids))
    rows = await fetch_all(
        tx,
        "SELECT o.id, o.purpose, q.id, q.state, q.seen_at, q.seen_by,"
        " EXISTS (SELECT 1 FROM outbox a WHERE a.question_id = q.id AND a.purpose = 'answer'"
        "  AND a.state = 'pending' AND a.waits_since IS NOT NULL)"
        " FROM outbox o JOIN question q ON q.id = o.question_id"
        f" WHERE o.id IN ({marks}) AND o.purpose IN ('card', 'urgent_card')",
        tuple(outbox_ids),
    )
    return {
        int(r[0]): CardState(
            int(r[2]),
            str(r[1]) == "urgent_card",
            State(str(r[3])),
            (str(r[5] or "?") if r[4] else None),
            bool(r[6]),
        )
        for r in rows
    }
