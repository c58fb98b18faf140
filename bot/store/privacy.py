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

The staff rooms' copies of an erased question (its cards, urgent ones
included, and the ``whois`` reply about it) keep their outbox rows, so
that what was posted can still be found and edited in place, but their
bodies become the erased card the caller gives (``erased_copy``), without
buttons, and their errors go; events set aside by the intake from the
resident's chat lose their payload; officers' free-text reasons in the
audit trail about the question go. ``Database`` deletes securely (``PRAGMA
secure_delete``), so no freed page keeps the old text, and the caller
checkpoints the write-ahead log after (``Database.checkpoint``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.edge.chat import ChatRef
from bot.edge.rich import Rich, Span, to_json
from bot.store.component import PrivacyHooks
from bot.store.database import Tx, fetch_all, fetch_one, iso

ERASED = "[erased]"
# The outbox rows to staff rooms that hold a question's text or its asker:
# its cards and the ``whois`` reply about it (a staff reply with a question).
STAFF_COPIES = ("card", "urgent_card", "staff_reply")
# The audit trail's free-text details (an officer's reason or note), which may
# quote the resident; the other details are fixed forms ("into #12").
FREE_TEXT_DETAILS = ("reject", "later")

ErasedCopy = Callable[[int], Rich]
"""The body a staff-room copy about question ``ref`` gets once erased."""


def erased_by_default(ref: int) -> Rich:
    """``#12 [erased]``: the erased copy when the caller gives no wording."""
    return (Span(f"#{ref} {ERASED}"),)


@dataclass(frozen=True)
class Posted:
    """A staff-room message the bot posted that held an erased question's
    text or asker: where (``chat``, and ``thread_id`` for a Discord thread),
    its platform ``message_id``, and the questions it was about (several
    when cards were combined)."""

    chat: ChatRef
    message_id: str
    thread_id: str | None
    question_ids: tuple[int, ...] = ()


_CLOSED = "('answered', 'rejected', 'withdrawn', 'merged')"
_ERASE = (
    "UPDATE question SET text = ?, resident_id = NULL, purged_at = ?,"
    " publishable = CASE WHEN state = 'answered' THEN publishable ELSE ? END"
)


@dataclass(frozen=True)
class Forgotten:
    withdrawn: list[tuple[int, str]]  # (question id, forum id) withdrawn because open
    published_kept: int  # answered questions whose anonymised text and answer stay public
    posted: tuple[Posted, ...] = ()  # staff-room messages posted that held their words
    block_kept: bool = False  # blocked by officers: the block's record stays (below)


async def posted_copies(tx: Tx, question_ids: Sequence[int]) -> list[Posted]:
    """The staff-room messages posted about ``question_ids`` (cards and
    whois replies), each once, whether or not their outbox rows remain
    (``card_message`` remembers cards)."""
    if not question_ids:
        return []
    marks = ",".join("?" * len(question_ids))
    kinds = ",".join("?" * len(STAFF_COPIES))
    rows = await fetch_all(
        tx,
        "SELECT platform, chat_id, chat_kind, platform_message_id AS message_id, thread_id,"
        f" question_id FROM outbox WHERE question_id IN ({marks}) AND purpose IN ({kinds})"
        " AND platform_message_id IS NOT NULL AND chat_kind != 'private'"
        " UNION SELECT platform, chat_id, 'group', message_id, NULL, question_id"
        f" FROM card_message WHERE question_id IN ({marks})",
        (*question_ids, *STAFF_COPIES, *question_ids),
    )
    found: dict[tuple[str, str, str], Posted] = {}
    for r in rows:
        key = (str(r["platform"]), str(r["chat_id"]), str(r["message_id"]))
        before = found.get(key)
        ids = (*before.question_ids, int(r["question_id"])) if before else (int(r["question_id"]),)
        thread = r["thread_id"] if r["thread_id"] is not None else (before and before.thread_id)
        found[key] = Posted(
            ChatRef(key[0], key[1], r["chat_kind"]),
            key[2],
            thread or None,
            tuple(sorted(set(ids))),
        )
    return list(found.values())


async def erase_staff_copies(
    tx: Tx,
    question_ids: Sequence[int],
    erased_copy: ErasedCopy,
    hooks: Sequence[PrivacyHooks] = (),
) -> list[Posted]:
    """Every staff-room copy about ``question_ids`` (outbox rows of cards and
    whois replies, and the components' copies of them) says only
    ``erased_copy(ref)``, without buttons or error; returns the messages
    already posted (to edit in place)."""
    posted = await posted_copies(tx, question_ids)
    if not question_ids:
        return posted
    marks = ",".join("?" * len(question_ids))
    kinds = ",".join("?" * len(STAFF_COPIES))
    rows = await fetch_all(
        tx,
        f"SELECT id, question_id FROM outbox WHERE question_id IN ({marks})"
        f" AND purpose IN ({kinds}) AND chat_kind != 'private'",
        (*question_ids, *STAFF_COPIES),
    )
    bodies = {int(r["id"]): erased_copy(int(r["question_id"])) for r in rows}
    await tx.executemany(
        "UPDATE outbox SET body = ?, buttons = NULL,"
        " error = CASE WHEN error IS NULL THEN NULL ELSE ? END WHERE id = ?",
        [(to_json(body), ERASED, outbox_id) for outbox_id, body in bodies.items()],
    )
    for hook in hooks:  # the console's history of those messages
        await hook.replace_copies(tx, bodies)
    await _erase_card_edits(tx, question_ids, posted, erased_copy)
    await tx.executemany(
        f"UPDATE audit SET detail = ? WHERE question_id = ? AND detail IS NOT NULL"
        f" AND action IN ({','.join('?' * len(FREE_TEXT_DETAILS))})",
        [(ERASED, q, *FREE_TEXT_DETAILS) for q in question_ids],
    )
    return posted


async def _erase_card_edits(
    tx: Tx, question_ids: Sequence[int], posted: Sequence[Posted], erased_copy: ErasedCopy
) -> None:
    """The edits queued of posted cards (``card_edit`` rows: a card as its
    question's state changed, carrying the card's words) about
    ``question_ids``, or of a message that held one of them (cards combined),
    say only ``erased_copy(ref)`` (ref: the first erased question of the
    message), without buttons."""
    first = {(p.chat.platform, p.chat.chat_id, p.message_id): p.question_ids for p in posted}
    edited = sorted({p.message_id for p in posted})
    rows = await fetch_all(
        tx,
        "SELECT id, platform, chat_id, edit_of, question_id FROM outbox"
        f" WHERE purpose = 'card_edit' AND (question_id IN ({','.join('?' * len(question_ids))})"
        f" OR edit_of IN ({','.join('?' * len(edited))}))",
        (*question_ids, *edited),
    )
    wanted = set(question_ids)
    updates: list[tuple[str, int]] = []
    for r in rows:
        held = first.get((str(r["platform"]), str(r["chat_id"]), str(r["edit_of"])), ())
        erased = [q for q in held if q in wanted]
        if r["question_id"] in wanted:
            erased.insert(0, int(r["question_id"]))
        if erased:
            updates.append((to_json(erased_copy(erased[0])), int(r["id"])))
    await tx.executemany("UPDATE outbox SET body = ?, buttons = NULL WHERE id = ?", updates)


async def erase_set_aside(tx: Tx, platform: str, chat_id: str, user_id: str | None) -> int:
    """Events from this chat (or this user) that the intake set aside for an
    operator lose their payload and error (the text as received); the row
    stays, so a redelivery is still known. Returns how many."""
    who = [chat_id] + ([user_id] if user_id and user_id != chat_id else [])
    marks = ",".join("?" * len(who))
    cursor = await tx.execute(
        "UPDATE inbox SET payload = NULL, error = ? WHERE set_aside_at IS NOT NULL"
        " AND payload IS NOT NULL AND platform = ? AND CASE WHEN json_valid(payload)"
        f" THEN json_extract(payload, '$.chat.chat_id') IN ({marks})"
        f" OR json_extract(payload, '$.sender_id') IN ({marks})"
        " ELSE instr(payload, ?) > 0 END",
        (ERASED, platform, *who, *who, chat_id),
    )
    return cursor.rowcount


@dataclass(frozen=True)
class PurgeCounts:
    questions: int  # closed questions whose personal data was erased
    residents: int  # accounts deleted (no open question, not seen since the cutoff)
    deliveries: int  # copies of sent messages deleted
    inbox: int  # de-duplication keys of processed messages deleted
    posted: tuple[Posted, ...] = ()  # staff-room messages posted about the erased questions

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
    erased_copy: ErasedCopy = erased_by_default,
) -> Forgotten:
    """Erase the resident and every link from them to their questions, and
    every copy of what was sent to their private chat, ``hooks``' included;
    the staff rooms' copies about their questions say ``erased_copy(ref)``
    (``erase_staff_copies``), and events set aside from their chat lose
    their payload. ``posted``: the staff-room messages already posted that
    held their words, for the caller to edit in place."""
    mine = await fetch_all(tx, "SELECT id FROM question WHERE resident_id = ?", (resident_id,))
    user = await fetch_one(
        tx, "SELECT user_id, blocked_at FROM resident WHERE id = ?", (resident_id,)
    )
    blocked = user is not None and user["blocked_at"] is not None
    posted = await erase_staff_copies(tx, [int(r[0]) for r in mine], erased_copy, hooks)
    await erase_set_aside(tx, platform, chat_id, str(user[0]) if user else None)
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
    if blocked:
        # A block outlives the erasure, as it outlives the retention period:
        # what they wrote goes, but the account row stays with only what the
        # block needs (platform, platform ids, pseudonym, when blocked), and
        # their questions keep the link to it so that "unblock 12" can lift
        # it. docs/decisions.md, "Erasure keeps an officer's block".
        await tx.execute(
            "UPDATE question SET text = ?, purged_at = ?,"
            " publishable = CASE WHEN state = 'answered' THEN publishable ELSE ? END"
            " WHERE resident_id = ?",
            (ERASED, iso(at), ERASED, resident_id),
        )
    else:
        await tx.execute(_ERASE + " WHERE resident_id = ?", (ERASED, iso(at), ERASED, resident_id))
    await tx.execute(
        "DELETE FROM outbox WHERE resident_id = ?"
        " OR (platform = ? AND chat_id = ? AND chat_kind = 'private')",
        (resident_id, platform, chat_id),
    )
    for hook in hooks:  # copies kept elsewhere (the web chat's)
        await hook.erase_chat(tx, platform, chat_id)
    if blocked:
        await tx.execute("UPDATE resident SET handle = NULL WHERE id = ?", (resident_id,))
        await tx.execute("DELETE FROM subscription WHERE resident_id = ?", (resident_id,))
        await tx.execute("DELETE FROM survey_answer WHERE resident_id = ?", (resident_id,))
    else:
        await tx.execute("DELETE FROM resident WHERE id = ?", (resident_id,))
    return Forgotten(
        withdrawn=sorted((int(r["id"]), str(r["forum_id"])) for r in open_rows),
        published_kept=int(kept[0]) if kept else 0,
        posted=tuple(posted),
        block_kept=blocked,
    )


_PURGE_QUESTIONS = (
    f"FROM question WHERE purged_at IS NULL AND state IN {_CLOSED} AND updated_at < ?"
)
# Old copies, and the confirmation of a forget (or of an e-mail address) once done: a
# UNION, so each half has its index (an OR of the two scans the outbox).
_DONE = "state NOT IN ('pending', 'sending')"
_PURGE_DELIVERIES = (
    f"FROM outbox WHERE id IN (SELECT id FROM outbox WHERE created_at < ? AND {_DONE}"
    f" UNION SELECT id FROM outbox WHERE purpose = 'forgotten' AND {_DONE}"
    f" UNION SELECT id FROM outbox WHERE purpose = 'confirmation' AND {_DONE})"
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
    erased_copy: ErasedCopy = erased_by_default,
) -> PurgeCounts:
    """Erase what has been kept longer than the retention period (``cutoff`` is
    now minus the period), ``hooks``' copies included (counted as
    deliveries); the staff rooms' copies about the questions erased that
    are still kept say ``erased_copy(ref)`` (``erase_staff_copies``), and
    ``posted`` lists the messages already posted about them, for the
    caller to edit in place. With ``dry_run``, only count."""
    when = (iso(cutoff),)
    thrice = when * 3

    async def count(where: str, params: tuple[str, ...] = when) -> int:
        row = await fetch_one(tx, "SELECT COUNT(*) " + where, params)
        return int(row[0]) if row else 0

    questions = await count(_PURGE_QUESTIONS)
    residents = await count(_PURGE_RESIDENTS, thrice)
    deliveries = await count(_PURGE_DELIVERIES)
    inbox = await count(_PURGE_INBOX)
    posted: list[Posted] = []
    if not dry_run:
        erasing = await fetch_all(tx, "SELECT id " + _PURGE_QUESTIONS, when)
        posted = await erase_staff_copies(tx, [int(r[0]) for r in erasing], erased_copy, hooks)
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
    return PurgeCounts(questions, residents, deliveries, inbox, tuple(posted))


async def deliveries_held_for(tx: Tx, resident_id: int, platform: str, chat_id: str) -> int:
    """How many messages to this resident we still hold copies of."""
    row = await fetch_one(
        tx,
        "SELECT COUNT(*) FROM outbox WHERE resident_id = ?"
        " OR (platform = ? AND chat_id = ? AND chat_kind = 'private')",
        (resident_id, platform, chat_id),
    )
    return int(row[0]) if row else 0
