"""Which of a resident's e-mails a message of forumbot answers, so that it
arrives in the same conversation (``In-Reply-To`` and ``References``).

The outbox row of an acknowledgement, a notice or an officer's answer names
its question (``outbox.question_id``); a question asked by e-mail keeps the
resident's Message-ID as ``question.source_message_id`` (the ``Inbound``'s
``message_id``). One query on a read connection."""

from __future__ import annotations

from bot.core import Database, fetch_one

_SQL = (
    "SELECT q.source_message_id AS id FROM outbox o"
    " JOIN question q ON q.id = o.question_id"
    " JOIN resident r ON r.id = q.resident_id"
    " WHERE o.id = ? AND r.platform = 'email' AND q.source_message_id IS NOT NULL"
)


async def answered_message(db: Database, outbox_id: int) -> str | None:
    """The Message-ID (``<a@b>``) of the e-mail that asked the
    question the outbox row ``outbox_id`` is about; None when the row is
    about no question, or one not asked by e-mail."""
    async with db.read() as tx:
        row = await fetch_one(tx, _SQL, (outbox_id,))
    return None if row is None else str(row["id"])
