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
SESSIONS_PAGE = 50


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


# A question is in the archive once ``published_at`` is set on it (by
# ``session.mark_published``, for answered questions only); every query below
# has ``q.published_at IS NOT NULL`` to match the partial indexes on it.
_COLUMNS = (
    "SELECT q.id AS ref, q.publishable, q.answer, q.answered_at, q.published_at,"
    " q.published_session_id AS session_id, q.answered_session_id IS NULL AS follow_up"
)
_PUBLISHED = _COLUMNS + " FROM question q"
# The count is of the session's own forum's questions: a forum's sessions
# only ever publish that forum's answers.
_SESSIONS = (
    "SELECT s.id, s.starts_at, s.ends_at, s.state,"
    " (SELECT COUNT(*) FROM question q WHERE q.published_session_id = s.id"
    " AND q.published_at IS NOT NULL) AS answers"
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


async def sessions(
    tx: Tx, forum_id: str, limit: int = SESSIONS_PAGE, before: int | None = None
) -> list[PublishedSession]:
    """Up to ``limit`` sessions that took place (were opened), newest first,
    with their answer counts; with ``before`` (a session id), those that
    started before it."""
    where = ""
    params: list[object] = [forum_id]
    if before is not None:
        where = " AND (s.starts_at, s.id) < (SELECT starts_at, id FROM session WHERE id = ?)"
        params.append(before)
    rows = await fetch_all(
        tx, _SESSIONS + where + " ORDER BY s.starts_at DESC, s.id DESC LIMIT ?", (*params, limit)
    )
    return [_session(r) for r in rows]


async def session(tx: Tx, forum_id: str, session_id: int) -> PublishedSession | None:
    row = await fetch_one(tx, _SESSIONS + " AND s.id = ?", (forum_id, session_id))
    return _session(row) if row is not None else None


async def in_session(tx: Tx, forum_id: str, session_id: int) -> list[Published]:
    """What a session published, in the order the questions were asked."""
    rows = await fetch_all(
        tx,
        _PUBLISHED + " WHERE q.published_session_id = ? AND q.published_at IS NOT NULL"
        " AND q.forum_id = ? ORDER BY q.id",
        (session_id, forum_id),
    )
    return [_published(r) for r in rows]


async def question(tx: Tx, forum_id: str, ref: int) -> Published | None:
    row = await fetch_one(
        tx,
        _PUBLISHED + " WHERE q.id = ? AND q.forum_id = ? AND q.published_at IS NOT NULL",
        (ref, forum_id),
    )
    return _published(row) if row is not None else None


async def latest(tx: Tx, forum_id: str, limit: int = 50) -> list[Published]:
    """The most recently published, newest first."""
    rows = await fetch_all(
        tx,
        _PUBLISHED + " WHERE q.forum_id = ? AND q.published_at IS NOT NULL"
        " ORDER BY q.published_at DESC, q.id DESC LIMIT ?",
        (forum_id, limit),
    )
    return [_published(r) for r in rows]


def match_expression(text: str) -> str:
    """The visitor's words as an FTS5 query that can never be a syntax error:
    each whitespace-separated word (the first ``SEARCH_WORDS``) becomes a
    quoted string, with ``"`` doubled and control characters dropped, so
    ``AND``, ``NEAR``, ``*``, ``-``, ``:`` and brackets are only text. Strings
    side by side must all match. A word with no letters or digits is an
    empty string, which FTS5 ignores beside others (alone, it matches
    nothing); '' if there are no words."""
    words = "".join(c if c.isprintable() else " " for c in text).split()[:SEARCH_WORDS]
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


async def search(tx: Tx, forum_id: str, text: str, limit: int = SEARCH_LIMIT) -> list[Published]:
    """Published questions whose publishable text or answer has every word of
    ``text`` (full-text: whole words, any case, accents and English endings
    ignored), newest question first, at most ``limit``."""
    expression = match_expression(text)
    if not expression:
        return []
    rows = await fetch_all(
        tx,
        _COLUMNS + " FROM archive_search JOIN question q ON q.id = archive_search.rowid"
        " WHERE archive_search MATCH ? AND q.forum_id = ? AND q.published_at IS NOT NULL"
        " ORDER BY archive_search.rowid DESC LIMIT ?",
        (expression, forum_id, limit),
    )
    return [_published(r) for r in rows]
