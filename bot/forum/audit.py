"""The audit trail's one way in: every officer's action, every refusal and
every command that could not be carried out, with who did it, when, and on
which forum and question. Written in the caller's transaction (so an entry
stands or falls with the change it records) and logged."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Literal

from bot.forum.directory import Actor
from bot.store import audit as audit_rows
from bot.store.audit import AuditEntry
from bot.store.database import Tx

log = logging.getLogger("forumbot.audit")

Outcome = Literal["done", "refused", "invalid", "failed"]
"""``done``: carried out; ``refused``: the actor may not do it (nothing
changed); ``invalid``: allowed, but there was nothing to do it to (the asker
is no longer held); ``failed``: tried and did not work (an escalation's
webhook post that was refused or did not get through)."""


async def record(
    tx: Tx,
    actor: Actor,
    action: str,
    now: datetime,
    *,
    forum_id: str | None = None,
    question_id: int | None = None,
    detail: str | None = None,
    outcome: Outcome = "done",
) -> None:
    """One entry in the audit trail, and one line in the log.

    ``actor``: who (their platform and id are recorded; roles are not).
    ``action``: the command's name as run (``approve``, ``open``,
    ``alert``...). ``now``: when (timezone-aware). ``forum_id`` and
    ``question_id``: what it acted on, where there is one. ``detail``: a few
    words more (an officer's reason, ``into #7``, ``alert #3``), stored as
    given and never logged. Raises ``sqlite3.Error`` as the write does."""
    await audit_rows.add(
        tx,
        AuditEntry(
            at=now,
            actor_platform=actor.platform,
            actor_id=actor.user_id,
            action=action,
            outcome=outcome,
            forum_id=forum_id,
            question_id=question_id,
            detail=detail,
        ),
    )
    log.info(
        "audit action=%s outcome=%s forum=%s question=%s actor=%s:%s",
        action,
        outcome,
        forum_id,
        f"#{question_id}" if question_id is not None else None,
        actor.platform,
        actor.user_id,
    )


async def refused_since(tx: Tx, actor: Actor, since: datetime) -> bool:
    """Whether ``actor`` was refused anything after ``since``."""
    return await audit_rows.refused_since(tx, actor.platform, actor.user_id, since)
