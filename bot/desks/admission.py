"""Whether a resident's question is taken: a blocked asker's is held (stored,
never carded), and per-resident limits apply (length, questions an hour).
Emergencies never come here: they are always taken."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.edge.inbound import Inbound
from bot.edge.rich import Rich
from bot.forum.directory import ForumDirectory
from bot.safeguarding.redaction import suggest_publishable
from bot.store import question as questions
from bot.store import resident as residents
from bot.store.database import Tx
from bot.store.resident import Resident
from bot.wording.wording import Wording
from config.model import Forum, Limits

log = logging.getLogger("forumbot.admission")

HOUR = timedelta(hours=1)


class Admission:
    def __init__(self, directory: ForumDirectory, wording: Wording, limits: Limits) -> None:
        self.directory = directory
        self.wording = wording
        self.limits = limits

    async def hold(self, tx: Tx, resident: Resident, event: Inbound, now: datetime) -> Rich | None:
        """A blocked asker's message: a question is stored, never carded. The
        notice to send them, the first time only; None after that."""
        forum = self.directory.match(event.text)
        if forum is None and event.command == "ask" and len(self.directory.forums) == 1:
            forum = self.directory.forums[0]
        if forum is not None:
            text = event.args if event.command == "ask" else event.text
            publishable = suggest_publishable(self.directory.without_phrase(forum, text))
            q = await questions.insert(
                tx, forum.id, resident.id, text, publishable, False, now, held=True
            )
            log.info("question held (asker blocked) forum=%s question=#%s", forum.id, q.id)
        if resident.blocked_told:
            return None
        await residents.mark_blocked_told(tx, resident.id, now)
        c = self.wording.contacts
        return self.wording.render(
            "blocked_notice",
            emergency=c.emergency,
            non_emergency=c.non_emergency,
            online_report_url=c.online_report_url,
        )

    async def refusal(
        self,
        tx: Tx,
        resident: Resident,
        forum: Forum,
        text: str,
        now: datetime,
    ) -> Rich | None:
        """Why this question can't be taken now, or None to take it. Past the
        hourly limit the first refusal in an hour says why in full
        (``limit_rate``), and each later one gets the short
        ``limit_rate_again``: no question goes unanswered."""
        length = len(self.directory.without_phrase(forum, text).strip())
        if length > self.limits.question_length:
            return self.wording.render(
                "limit_length", length=length, limit=self.limits.question_length
            )
        count, earliest = await questions.asked_since(tx, resident.id, now - HOUR)
        if count < self.limits.questions_per_hour or earliest is None:
            return None
        told = resident.limit_told_at
        if told is not None and now - told < HOUR:
            return self.wording.render(
                "limit_rate_again",
                when=self.wording.clock(earliest + HOUR, self.directory.zone(forum)),
            )
        await residents.mark_limit_told(tx, resident.id, now)
        return self.wording.render(
            "limit_rate",
            limit=self.limits.questions_per_hour,
            when=self.wording.clock(earliest + HOUR, self.directory.zone(forum)),
        )
