"""What the public may read: sessions, and the questions published in them.
Only the officer-approved publishable text and the answer ever leave here;
never the text as received, never anything about the resident.

A question is published when it is answered and its publication row has gone
out to the public rooms (``published_at``): at once if a session was live when
it was answered, else when the next session opened. The second kind is a
follow-up, as the public rooms call it: answered outside a live session
(``answered_session_id`` is NULL)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.store.database import Tx, fetch_all, fetch_one, instant

SEARCH_LIMIT = 50
SEARCH_WORDS = 8


@dataclass(frozen=True)
class PublishedSession:
    id: int
    starts_at: datetime
    ends_at: datetime
    state: str  # open (live now) or closed
    answers: int  # questions published in it, follow-ups included


@dataclass(frozen=True)
class Published:
    ref: int
    question: str  # the publishable text, never the text as received
    answer: str
    answered_at: datetime
    published_at: datetime
    session_id: int | None
    follow_up: bool


# Answered questions and the publication that put each in front of the public
# (a question is answered once, so it has one publication; MAX keeps it one row).
_FROM = (
    " FROM question q JOIN publication p ON p.question_id = q.id"
    " WHERE q.forum_id = ? AND q.state = 'answered' AND q.answer IS NOT NULL"
    " AND p.published_at IS NOT NULL"
    " AND p.id = (SELECT MAX(p2.id) FROM publication p2"
    " WHERE p2.question_id = q.id AND p2.published_at IS NOT NULL)"
)
_PUBLISHED = (
    "SELECT q.id AS ref, q.publishable, q.answer, q.answered_at, p.published_at,"
    " p.session_id, q.answered_session_id IS NULL AS follow_up" + _FROM
)
_SESSIONS = (
    "SELECT s.id, s.starts_at, s.ends_at, s.state,"
    " (SELECT COUNT(*)" + _FROM + " AND p.session_id = s.id) AS answers"
    " FROM session s WHERE s.forum_id = ? AND s.opened_at IS NOT NULL"
)


def _published(row: aiosqlite.Row) -> Published:
    return Published(
        ref=int(row["ref"]),
        question=str(row["publishable"]),
        answer=str(row["answer"]),
        answered_at=instant(str(row["answered_at"] or row["published_at"])),
        published_at=instant(str(row["published_at"])),
        session_id=int(row["session_id"]) if row["session_id"] is not None else None,
        follow_up=bool(row["follow_up"]),
    )


def _session(row: aiosqlite.Row) -> PublishedSession:
    return PublishedSession(
        id=int(row["id"]),
        starts_at=instant(str(row["starts_at"])),
        ends_at=instant(str(row["ends_at"])),
        state=str(row["state"]),
        answers=int(row["answers"]),
    )


async def sessions(tx: Tx, forum_id: str) -> list[PublishedSession]:
    """Sessions that took place (were opened), newest first, with their answer counts."""
    rows = await fetch_all(
        tx, _SESSIONS + " ORDER BY s.starts_at DESC, s.id DESC", (forum_id, forum_id)
    )
    return [_session(r) for r in rows]


async def session(tx: Tx, forum_id: str, session_id: int) -> PublishedSession | None:
    row = await fetch_one(tx, _SESSIONS + " AND s.id = ?", (forum_id, forum_id, session_id))
    return _session(row) if row is not None else None


async def in_session(tx: Tx, forum_id: str, session_id: int) -> list[Published]:
    """What a session published, in the order the questions were asked."""
    rows = await fetch_all(
        tx, _PUBLISHED + " AND p.session_id = ? ORDER BY q.id", (forum_id, session_id)
    )
    return [_published(r) for r in rows]


async def question(tx: Tx, forum_id: str, ref: int) -> Published | None:
    row = await fetch_one(tx, _PUBLISHED + " AND q.id = ?", (forum_id, ref))
    return _published(row) if row is not None else None


async def latest(tx: Tx, forum_id: str, limit: int = 50) -> list[Published]:
    """The most recently published, newest first."""
    rows = await fetch_all(
        tx, _PUBLISHED + " ORDER BY p.published_at DESC, q.id DESC LIMIT ?", (forum_id, limit)
    )
    return [_published(r) for r in rows]


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def search(tx: Tx, forum_id: str, text: str) -> list[Published]:
    """Published questions whose publishable text or answer has every word of
    ``text`` (case-insensitive for ASCII letters), newest first."""
    words = text.split()[:SEARCH_WORDS]
    if not words:
        return []
    where = "".join(
        " AND (q.publishable LIKE ? ESCAPE '\\' OR q.answer LIKE ? ESCAPE '\\')" for _ in words
    )
    params: list[object] = [forum_id]
    for word in words:
        params += [_like(word), _like(word)]
    rows = await fetch_all(
        tx,
        _PUBLISHED + where + " ORDER BY p.published_at DESC, q.id DESC LIMIT ?",
        (*params, SEARCH_LIMIT),
    )
    return [_published(r) for r in rows]
