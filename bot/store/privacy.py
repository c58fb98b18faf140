"""Erasing personal data: on a resident's request (forget) and after the
retention period (purge). What stays is what was published: the
officer-approved, anonymised question and its answer, with no link to anyone.

Erasing a question replaces the text as received with ``ERASED``; the
publishable text is kept only for answered questions (it is, or will be,
public); the link to the resident goes.

Copies kept outside the core's tables (the web chat's replies) are reached
through the ``PrivacyHooks`` of the components that keep them
(``bot.store.component``; ``Database.privacy_hooks``), in the same
transaction: erased means erased from every copy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.store.component import PrivacyHooks
from bot.store.database import Tx, fetch_all, fetch_one, iso

ERASED = "[erased]"
_CLOSED = "('answered', 'rejected', 'withdrawn', 'merged')"
_ERASE = (
    "UPDATE question SET text = ?, resident_id = NULL, purged_at = ?,"
    " publishable = CASE WHEN state = 'answered' THEN publishable ELSE ? END"
)


@dataclass(frozen=True)
class Forgotten:
    withdrawn: list[tuple[int, str]]  # (question id, forum id) withdrawn because open
    published_kept: int  # answered questions whose anonymised text and answer stay public


@dataclass(frozen=True)
class PurgeCounts:
    questions: int  # closed questions whose personal data was erased
    residents: int  # accounts deleted (no open question, not seen since the cutoff)
    deliveries: int  # copies of sent messages deleted
    inbox: int  # de-duplication keys of processed messages deleted

    @property
    def total(self) -> int:
        return self.questions + self.residents + self.deliveries + self.inbox


async def forget(
    tx: Tx,
    resident_id: int,
    platform: str,
    chat_id: str,
    at: datetime,
    hooks: Sequence[PrivacyHooks] = (),
) -> Forgotten:
    """Erase the resident and every link from them to their questions, and
    every copy of what was sent to their private chat, ``hooks``' included."""
    open_rows = await fetch_all(
        tx,
        "UPDATE question SET state = 'withdrawn', updated_at = ? WHERE resident_id = ?"
        " AND state IN ('new', 'approved', 'deferred') RETURNING id, forum_id",
        (iso(at), resident_id),
    )
    kept = await fetch_one(
        tx,
        "SELECT COUNT(*) FROM question WHERE resident_id = ? AND state = 'answered'",
        (resident_id,),
    )
    await tx.execute(_ERASE + " WHERE resident_id = ?", (ERASED, iso(at), ERASED, resident_id))
    await tx.execute(
        "DELETE FROM outbox WHERE resident_id = ?"
        " OR (platform = ? AND chat_id = ? AND chat_kind = 'private')",
        (resident_id, platform, chat_id),
    )
    for hook in hooks:  # copies kept elsewhere (the web chat's)
        await hook.erase_chat(tx, platform, chat_id)
    await tx.execute("DELETE FROM resident WHERE id = ?", (resident_id,))
    return Forgotten(
        withdrawn=sorted((int(r["id"]), str(r["forum_id"])) for r in open_rows),
        published_kept=int(kept[0]) if kept else 0,
    )


_PURGE_QUESTIONS = (
    f"FROM question WHERE purged_at IS NULL AND state IN {_CLOSED} AND updated_at < ?"
)
# Old copies, and the confirmation of a forget as soon as it is sent: a
# UNION, so each half has its index (an OR of the two scans the outbox).
_DONE = "state NOT IN ('pending', 'sending')"
_PURGE_DELIVERIES = (
    f"FROM outbox WHERE id IN (SELECT id FROM outbox WHERE created_at < ? AND {_DONE}"
    f" UNION SELECT id FROM outbox WHERE purpose = 'forgotten' AND {_DONE})"
)
_PURGE_RESIDENTS = (  # the same before and after the questions are purged
    "FROM resident WHERE last_seen_at < ? AND blocked_at IS NULL AND NOT EXISTS"
    " (SELECT 1 FROM question q WHERE q.resident_id = resident.id AND q.purged_at IS NULL"
    f" AND NOT (q.state IN {_CLOSED} AND q.updated_at < ?))"
    # a subscriber is kept while alerts can still reach them
    " AND (unreachable_at < ? OR NOT EXISTS"
    " (SELECT 1 FROM subscription s WHERE s.resident_id = resident.id))"
)
_PURGE_INBOX = "FROM inbox WHERE processed_at IS NOT NULL AND processed_at < ?"


async def purge(
    tx: Tx,
    cutoff: datetime,
    at: datetime,
    dry_run: bool = False,
    hooks: Sequence[PrivacyHooks] = (),
) -> PurgeCounts:
    """Erase what has been kept longer than the retention period (``cutoff`` is
    now minus the period), ``hooks``' copies included (counted as
    deliveries). With ``dry_run``, only count."""
    when = (iso(cutoff),)
    thrice = when * 3

    async def count(where: str, params: tuple[str, ...] = when) -> int:
        row = await fetch_one(tx, "SELECT COUNT(*) " + where, params)
        return int(row[0]) if row else 0

    questions = await count(_PURGE_QUESTIONS)
    residents = await count(_PURGE_RESIDENTS, thrice)
    deliveries = await count(_PURGE_DELIVERIES)
    inbox = await count(_PURGE_INBOX)
    if not dry_run:
        await tx.execute(
            _ERASE + " WHERE id IN (SELECT id " + _PURGE_QUESTIONS + ")",
            (ERASED, iso(at), ERASED, *when),
        )
        await tx.execute("DELETE " + _PURGE_DELIVERIES, when)
    for hook in hooks:  # copies kept elsewhere (the web chat's): counted, or deleted
        deliveries += await hook.purge_before(tx, cutoff, dry_run=dry_run)
    if not dry_run:
        await tx.execute("DELETE " + _PURGE_INBOX, when)
        await tx.execute("DELETE " + _PURGE_RESIDENTS, thrice)
    return PurgeCounts(questions, residents, deliveries, inbox)


async def deliveries_held_for(tx: Tx, resident_id: int, platform: str, chat_id: str) -> int:
    """How many messages to this resident we still hold copies of."""
    row = await fetch_one(
        tx,
        "SELECT COUNT(*) FROM outbox WHERE resident_id = ?"
        " OR (platform = ? AND chat_id = ? AND chat_kind = 'private')",
        (resident_id, platform, chat_id),
    )
    return int(row[0]) if row else 0
