"""Consultations: a question to subscribers, with options or free text, and
one answer per resident, changeable until the survey closes."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.store.database import Tx, fetch_all, fetch_one, instant, iso

ANSWER_LENGTH = 1000
"""The most characters a free-text consultation answer holds."""


@dataclass(frozen=True)
class Survey:
    id: int
    forum_id: str
    question: str
    options: tuple[str, ...]  # empty: free text
    created_at: datetime
    alert_id: int | None  # the alert that sent it (column survey.broadcast_id)
    closed_at: datetime | None

    @property
    def open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class Answer:
    choice: int | None  # index into options
    text: str | None
    answered_at: datetime


def _survey(r: aiosqlite.Row) -> Survey:
    return Survey(
        id=int(r["id"]),
        forum_id=str(r["forum_id"]),
        question=str(r["question"]),
        options=tuple(json.loads(r["options"])),
        created_at=instant(r["created_at"]),
        alert_id=r["broadcast_id"],
        closed_at=instant(r["closed_at"]) if r["closed_at"] else None,
    )


async def create(
    tx: Tx, forum_id: str, question: str, options: list[str], created_by: str, at: datetime
) -> int:
    row = await fetch_one(
        tx,
        "INSERT INTO survey (forum_id, question, options, created_by, created_at)"
        " VALUES (?, ?, ?, ?, ?) RETURNING id",
        (forum_id, question, json.dumps(options, ensure_ascii=False), created_by, iso(at)),
    )
    assert row is not None
    return int(row["id"])


async def same_since(
    tx: Tx, forum_id: str, question: str, options: list[str], since: datetime
) -> Survey | None:
    """The latest consultation of ``forum_id`` asking exactly ``question``
    with exactly ``options``, created at or after ``since``; None if none."""
    row = await fetch_one(
        tx,
        "SELECT * FROM survey WHERE forum_id = ? AND question = ? AND options = ?"
        " AND created_at >= ? ORDER BY id DESC LIMIT 1",
        (forum_id, question, json.dumps(options, ensure_ascii=False), iso(since)),
    )
    return _survey(row) if row is not None else None


async def set_alert(tx: Tx, survey_id: int, alert_id: int) -> None:
    """The alert that sends the survey (kept in the column ``broadcast_id``,
    the name the alerts' table was created with)."""
    await tx.execute("UPDATE survey SET broadcast_id = ? WHERE id = ?", (alert_id, survey_id))


async def get(tx: Tx, survey_id: int) -> Survey | None:
    row = await fetch_one(tx, "SELECT * FROM survey WHERE id = ?", (survey_id,))
    return _survey(row) if row is not None else None


async def of_delivery(tx: Tx, platform: str, chat_id: str, message_id: str) -> Survey | None:
    """The survey a resident's message replies to, if it replies to one."""
    row = await fetch_one(
        tx,
        "SELECT s.* FROM outbox o JOIN survey s ON s.broadcast_id = o.broadcast_id"
        " WHERE o.platform = ? AND o.chat_id = ? AND o.platform_message_id = ?",
        (platform, chat_id, message_id),
    )
    return _survey(row) if row is not None else None


async def open_text_consultations(tx: Tx, outbox_ids: Collection[int]) -> set[int]:
    """Of ``outbox_ids`` (outbox rows), those whose message carries a
    consultation still open and answered in free text: where a reply to the
    message is an answer (``of_delivery``)."""
    if not outbox_ids:
        return set()
    marks = ",".join("?" * len(outbox_ids))
    rows = await fetch_all(
        tx,
        "SELECT o.id FROM outbox o JOIN survey s ON s.broadcast_id = o.broadcast_id"
        f" WHERE o.id IN ({marks}) AND s.closed_at IS NULL AND s.options = '[]'",
        tuple(outbox_ids),
    )
    return {int(r[0]) for r in rows}


async def close(tx: Tx, survey_id: int, at: datetime) -> None:
    await tx.execute(
        "UPDATE survey SET closed_at = ? WHERE id = ? AND closed_at IS NULL", (iso(at), survey_id)
    )


async def answer(
    tx: Tx, survey_id: int, resident_id: int, choice: int | None, text: str | None, at: datetime
) -> bool:
    """Record or change an answer; True when it replaced an earlier one.
    Raises ValueError for a ``text`` longer than ``ANSWER_LENGTH`` characters
    (never cut: the desk refuses it first, saying so)."""
    if text is not None and len(text) > ANSWER_LENGTH:
        raise ValueError(f"a consultation answer of {len(text)} characters")
    earlier = await fetch_one(
        tx,
        "SELECT 1 FROM survey_answer WHERE survey_id = ? AND resident_id = ?",
        (survey_id, resident_id),
    )
    await tx.execute(
        "INSERT INTO survey_answer (survey_id, resident_id, choice, text, answered_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (survey_id, resident_id) DO UPDATE SET"
        " choice = excluded.choice, text = excluded.text, answered_at = excluded.answered_at",
        (survey_id, resident_id, choice, text, iso(at)),
    )
    return earlier is not None


async def answers(tx: Tx, survey_id: int) -> list[Answer]:
    rows = await fetch_all(
        tx,
        "SELECT choice, text, answered_at FROM survey_answer WHERE survey_id = ?"
        " ORDER BY answered_at",
        (survey_id,),
    )
    return [
        Answer(
            r["choice"] if r["choice"] is None else int(r["choice"]),
            r["text"],
            instant(r["answered_at"]),
        )
        for r in rows
    ]


async def answers_of_resident(tx: Tx, resident_id: int) -> list[tuple[Survey, Answer]]:
    rows = await fetch_all(
        tx,
        "SELECT s.*, a.choice, a.text AS answer_text, a.answered_at FROM survey_answer a"
        " JOIN survey s ON s.id = a.survey_id WHERE a.resident_id = ? ORDER BY s.id",
        (resident_id,),
    )
    return [
        (
            _survey(r),
            Answer(
                r["choice"] if r["choice"] is None else int(r["choice"]),
                r["answer_text"],
                instant(r["answered_at"]),
            ),
        )
        for r in rows
    ]
