"""What the public may read: sessions, and the questions published in them.
Only the officer-approved publishable text and the answer ever leave here;
never the text as received, never anything about the resident."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.store.database import Tx, fetch_all, fetch_one, instant

SEARCH_LIMIT = 50


@dataclass(frozen=True)
class PublishedSession:
    id: int
    starts_at: datetime
    ends_at: datetime
    state: str
    answers: int


@dataclass(frozen=True)
class Published:
    ref: int
    question: str  # the publishable text
    answer: str
    answered_at: datetime
    published_at: datetime
    session_id: int | None
    follow_up: bool


# One row per published question: its latest publication.
_PUBLISHED = (
    "SELECT q.id AS ref, q.publishable, q.answer, q.answered_at, p.published_at,"
    " p.session_id, p.follow_up"
    " FROM question q JOIN publication p ON p.question_id = q.id"
    " WHERE q.forum_id = ? AND q.state = 'answered' AND q.answer IS NOT NULL"
    " AND p.published_at IS NOT NULL"
    " AND p.id = (SELECT MAX(p2.id) FROM publication p2"
    " WHERE p2.question_id = q.id AND p2.published_at IS NOT NULL)"
)


def _published(r: object) -> Published:
    row = r  # aiosqlite.Row
    return Published(
        ref=int(row["ref"]),  # type: ignore[index]
        question=str(row["publishable"]),  # type: ignore[index]
        answer=str(row["answer"]),  # type: ignore[index]
        answered_at=instant(str(row["answered_at"] or row["published_at"])),  # type: ignore[index]
        published_at=instant(str(row["published_at"])),  # type: ignore[index]
        session_id=int(row["session_id"]) if row["session_id"] is not None else None,  # type: ignore[index]
        follow_up=bool(row["follow_up"]),  # type: ignore[index]
    )


async def sessions(tx: Tx, forum_id: str) -> list[PublishedSession]:
    """Sessions that took place (opened), newest first, with their answer counts."""
    rows = await fetch_all(
        tx,
        "SELECT s.id, s.starts_at, s.ends_at, s.state,"
        " (SELECT COUNT(DISTINCT p.question_id) FROM publication p"
        "  JOIN question q ON q.id = p.question_id"
        "  WHERE p.session_id = s.id AND q.state = 'answered') AS answers"
        " FROM session s WHERE s.forum_id = ? AND s.opened_at IS NOT NULL"
        " ORDER BY s.starts_at DESC, s.id DESC",
        (forum_id,),
    )
    return [
        PublishedSession(
            int(r["id"]),
            instant(str(r["starts_at"])),
            instant(str(r["ends_at"])),
            str(r["state"]),
            int(r["answers"]),
        )
        for r in rows
    ]


async def session(tx: Tx, forum_id: str, session_id: int) -> PublishedSession | None:
    for s in await sessions(tx, forum_id):
        if s.id == session_id:
            return s
    return None


async def in_session(tx: Tx, forum_id: str, session_id: int) -> list[Published]:
    rows = await fetch_all(
        tx, _PUBLISHED + " AND p.session_id = ? ORDER BY q.id", (forum_id, session_id)
    )
    return [_published(r) for r in rows]


async def question(tx: Tx, forum_id: str, ref: int) -> Published | None:
    row = await fetch_one(tx, _PUBLISHED + " AND q.id = ?", (forum_id, ref))
    return _published(row) if row is not None else None


async def latest(tx: Tx, forum_id: str, limit: int = 50) -> list[Published]:
    rows = await fetch_all(
        tx, _PUBLISHED + " ORDER BY p.published_at DESC, q.id DESC LIMIT ?", (forum_id, limit)
    )
    return [_published(r) for r in rows]


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def search(tx: Tx, forum_id: str, text: str) -> list[Published]:
    """Published questions whose question or answer has every word of ``text``."""
    words = [w for w in text.split() if w][:8]
    if not words:
        return []
    where = "".join(
        " AND (q.publishable LIKE ? ESCAPE '\\' OR q.answer LIKE ? ESCAPE '\\')" for _ in words
    )
    params: list[object] = [forum_id]
    for w in words:
        params += [_like(w), _like(w)]
    rows = await fetch_all(
        tx, _PUBLISHED + where + " ORDER BY p.published_at DESC LIMIT ?", (*params, SEARCH_LIMIT)
    )
    return [_published(r) for r in rows]
