"""Administrator commands that work on the database while the bot runs or
not: ``forumbot purge``, ``forumbot audit`` and ``forumbot export survey``."""

from __future__ import annotations

import csv
import sys
from datetime import UTC, date, datetime, time
from typing import TextIO

from bot.edge.clock import SystemClock
from bot.privacy.erasure import Erasure
from bot.privacy.retention import Retention
from bot.store import audit
from bot.store import survey as surveys
from bot.wording.template import Templates
from bot.wording.wording import Wording
from config.messages import load_messages
from config.model import Config
from forumbot.app import new_database
from forumbot.counted import counted

AUDIT_COLUMNS = (
    "at",
    "actor_platform",
    "actor_id",
    "action",
    "outcome",
    "forum_id",
    "question_id",
    "detail",
)


async def purge(config: Config, dry_run: bool, out: TextIO = sys.stdout) -> None:
    async with new_database(config) as db:
        wording = Wording(Templates(load_messages(config.language)), config.contacts, {})
        retention = Retention(
            db,
            SystemClock(),
            config.retention,
            Erasure(wording),
        )
        counts = await retention.purge(dry_run)
    verb = "would erase" if dry_run else "erased"
    out.write(
        f"retention {config.retention.days}d: {verb} personal data of "
        f"{counted(counts.questions, 'closed question')}, "
        f"{counted(counts.residents, 'resident account')}, "
        f"{counted(counts.deliveries, 'sent message copy', 'sent message copies')}, "
        f"{counted(counts.inbox, 'inbox key')}\n"
    )


def parse_since(text: str) -> datetime:
    """A date (YYYY-MM-DD, from its midnight UTC) or an ISO 8601 instant."""
    try:
        return datetime.combine(date.fromisoformat(text), time(), tzinfo=UTC)
    except ValueError:
        at = datetime.fromisoformat(text)
        return at if at.tzinfo else at.replace(tzinfo=UTC)


async def export_audit(
    config: Config, since: datetime | None, fmt: str, out: TextIO = sys.stdout
) -> int:
    async with new_database(config) as db, db.read() as tx:
        trail = await audit.entries(tx, since=since)
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(AUDIT_COLUMNS)
        for e in trail:
            writer.writerow(
                [
                    e.at.isoformat(),
                    spreadsheet_safe(e.actor_platform),
                    spreadsheet_safe(e.actor_id),  # a console name or a reason is typed text
                    spreadsheet_safe(e.action),
                    spreadsheet_safe(e.outcome),
                    spreadsheet_safe(e.forum_id or ""),
                    e.question_id if e.question_id is not None else "",
                    spreadsheet_safe(e.detail or ""),
                ]
            )
    else:
        for e in trail:
            ref = f" #{e.question_id}" if e.question_id is not None else ""
            forum = f" {e.forum_id}" if e.forum_id else ""
            out.write(
                f"{e.at.isoformat(timespec='seconds')} {e.actor_platform}:{e.actor_id} "
                f"{e.action}{ref}{forum} {e.outcome}\n"
            )
    return len(trail)


def spreadsheet_safe(text: str) -> str:
    """Residents' words are data, not formulas: a cell starting with = + - @
    (or a tab or carriage return) is opened as a formula by spreadsheet programs."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


SURVEY_COLUMNS = ("survey", "forum", "question", "answered_at", "option_number", "answer")


async def export_survey(config: Config, ref: int, fmt: str, out: TextIO = sys.stdout) -> bool:
    """One row per answer, oldest first; no resident's identity, only what
    they answered and when. False if there is no such consultation."""
    async with new_database(config) as db, db.read() as tx:
        survey = await surveys.get(tx, ref)
        answers = await surveys.answers(tx, ref) if survey is not None else []
    if survey is None:
        return False
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(SURVEY_COLUMNS)
        for a in answers:
            option = survey.options[a.choice] if a.choice is not None else ""
            writer.writerow(
                [
                    survey.id,
                    survey.forum_id,
                    spreadsheet_safe(survey.question),
                    a.answered_at.isoformat(),
                    a.choice + 1 if a.choice is not None else "",
                    spreadsheet_safe(option or a.text or ""),
                ]
            )
    else:
        out.write(f"consultation #{survey.id} ({survey.forum_id}): {survey.question}\n")
        for a in answers:
            shown = survey.options[a.choice] if a.choice is not None else (a.text or "")
            out.write(f"{a.answered_at.isoformat(timespec='seconds')} {shown}\n")
    return True


async def email_unsuppress(config: Config, given: str, out: TextIO = sys.stdout) -> bool:
    """Lift the suppression of the e-mail address ``given`` (normalised as
    the subscription page does): the next e-mails to it are sent again, and
    its resident, if kept, is reachable again. Run it while forumbot is
    stopped (the running one keeps the list in memory). Returns whether it
    was suppressed; says which on ``out`` (never the address's hash)."""
    from adapters.email import store
    from adapters.email.pages import normalised

    address = normalised(given)
    if address is None:
        out.write(f"{given!r} is not an e-mail address\n")
        return False
    async with new_database(config) as db, db.transaction() as tx:
        digest = store.address_hash(await store.key(tx), address)
        cursor = await tx.execute("DELETE FROM email_suppression WHERE address_hash = ?", (digest,))
        lifted = cursor.rowcount > 0
        if lifted:
            await tx.execute(
                "UPDATE resident SET unreachable_at = NULL"
                " WHERE platform = 'email' AND user_id = ?",
                (address,),
            )
    out.write(
        "suppression lifted: e-mail to that address is sent again\n"
        if lifted
        else "that address is not suppressed: nothing changed\n"
    )
    return lifted
