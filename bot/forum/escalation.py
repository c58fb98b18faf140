"""URGENT cards no officer has seen: raised again, once, in every staff room
of the forum ``escalation.after`` after they came in (and, where the forum
names a webhook, sent to it: ``bot.forum.hook``). An officer's "Seen" (the
card's button or ``seen 12``), or any action that moves the question on
from ``new``, stops it. Run by the scheduler's tick; audited as the actor
``ESCALATION`` (``forumbot:escalation``)."""

from __future__ import annotations

import logging
from datetime import datetime

from bot.delivery.outbox import Outbox
from bot.edge.rich import join
from bot.forum import audit
from bot.forum.card import card_buttons, render_card
from bot.forum.directory import Actor, ForumDirectory
from bot.store import question as questions
from bot.store import resident as residents
from bot.store.database import Tx
from bot.store.outbox import OutboxDraft, OutboxPurpose
from bot.store.question import Question
from bot.wording.wording import Wording
from config.model import Forum

log = logging.getLogger("forumbot.escalation")

ESCALATION = Actor("forumbot", "escalation")
"""Who the audit trail names for what the bot does on its own here."""


class Escalation:
    """Raises URGENT questions nobody marked "Seen" (``run_due``) and says
    when the next one is due (``next_due_at``)."""

    def __init__(self, directory: ForumDirectory, wording: Wording, outbox: Outbox) -> None:
        self.directory = directory
        self.wording = wording
        self.outbox = outbox

    async def run_due(self, tx: Tx, now: datetime) -> list[Question]:
        """In ``tx``: every URGENT question of each forum still ``new``, not
        seen and not escalated, that came in ``escalation.after`` or more
        before ``now`` (aware, UTC): its card again, under the escalation
        banner, with the duty role's ping, in every staff room of the forum;
        marked escalated (never twice) with a webhook post owed when the
        forum names one; audited (``escalate``). Returns the questions
        raised. Raises ``sqlite3.Error`` as the store does."""
        raised: list[Question] = []
        for forum in self.directory.forums:
            due = await questions.unseen_urgent(tx, forum.id, now - forum.escalation.after)
            for q in due:
                await self._raise(tx, forum, q, now)
                raised.append(q)
        return raised

    async def next_due_at(self, tx: Tx) -> datetime | None:
        """When the next URGENT question falls due to be raised, or None."""
        times = []
        for forum in self.directory.forums:
            oldest = await questions.oldest_unseen_urgent(tx, forum.id)
            if oldest is not None:
                times.append(oldest + forum.escalation.after)
        return min(times, default=None)

    async def _raise(self, tx: Tx, forum: Forum, q: Question, now: datetime) -> None:
        hook = forum.escalation.webhook_url_env is not None
        await questions.set_escalated(tx, q.id, now, hook)
        resident = await residents.get(tx, q.resident_id) if q.resident_id is not None else None
        pseudonym = resident.pseudonym if resident is not None else "?"
        after = self.wording.duration(forum.escalation.after)
        duty_roles = self.directory.duty_roles(forum)
        rooms = self.directory.staff_rooms(forum)
        for room in rooms:
            prefix = self.wording.prefix(room.platform)
            banner = self.wording.render(
                "card_escalated_banner", ref=q.id, after=after, prefix=prefix
            )
            body = join(
                [banner, render_card(self.wording, q, forum.name, pseudonym, room.platform)]
            )
            draft = OutboxDraft(
                room,
                body,
                OutboxPurpose.URGENT_CARD,
                buttons=card_buttons(self.wording, q.id, urgent=True),
                question_id=q.id,
                alert_role_id=duty_roles.get(room),
            )
            await self.outbox.add(tx, draft, now)
        detail = f"not seen in {after}; {len(rooms)} staff rooms" + ("; webhook" if hook else "")
        await audit.record(
            tx, ESCALATION, "escalate", now, forum_id=forum.id, question_id=q.id, detail=detail
        )
        log.warning("URGENT question #%s of %s not seen in %s: raised again", q.id, forum.id, after)
