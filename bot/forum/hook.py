"""An escalated URGENT question, posted to the forum's incoming webhook (its
force's control room: Microsoft Teams or Slack, ``escalation.format``).

What is posted is anonymised: the forum, the question's number, the
suggested publishable text (personal details replaced by labels; never the
text as received) and when it came in. Each post owed (``hook_state``
pending, set by ``bot.forum.escalation``) is tried up to ``TRIES`` times,
waiting with ``Backoff`` between; still failing, it is tried again
``RETRY_AFTER`` later, until ``GIVE_UP`` after the escalation, when it is
given up and the forum's staff rooms are told. Every outcome is audited
(``escalate_webhook``); the URL is a secret and is never stored or logged."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta

from bot.delivery.outbox import Outbox
from bot.edge.backoff import Backoff
from bot.edge.hook import HookPoster
from bot.edge.sending import DeliveryError, Rejected, RetryLater
from bot.forum import audit
from bot.forum.directory import ForumDirectory
from bot.forum.escalation import ESCALATION
from bot.store import question as questions
from bot.store.database import Database
from bot.store.outbox import OutboxDraft, OutboxPurpose
from bot.store.question import Question
from bot.wording.wording import Wording
from config.model import Forum

log = logging.getLogger("forumbot.escalation")

TRIES = 4
"""Posts tried in one go (1 s, 2 s and 4 s apart) before waiting ``RETRY_AFTER``."""
RETRY_AFTER = timedelta(minutes=1)
GIVE_UP = timedelta(hours=1)
"""After this long since the escalation, a post that still fails is given up
(the control room needs it now or not at all; the staff rooms are told)."""
THEME_COLOR = "D13438"
"""The Teams card's colour: red, for URGENT."""


def _slack_escape(text: str) -> str:
    """Slack's three control characters as its docs require: so a resident's
    words cannot make a link or an ``<!channel>`` ping."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class EscalationHook:
    """Posts escalated URGENT questions to their forum's webhook.

    ``urls``: forum id to its webhook URL (read from the environment
    variable ``escalation.webhook_url_env`` by the composition root; a forum
    missing here has none set). ``sleep``: how ``Backoff`` waits (seconds),
    replaceable in tests."""

    def __init__(
        self,
        db: Database,
        directory: ForumDirectory,
        wording: Wording,
        outbox: Outbox,
        poster: HookPoster,
        urls: Mapping[str, str],
        *,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self.db = db
        self.directory = directory
        self.wording = wording
        self.outbox = outbox
        self.poster = poster
        self.urls = dict(urls)
        self.sleep = sleep

    def payload(self, forum: Forum, q: Question) -> dict[str, object]:
        """The JSON for ``q`` of ``forum`` in the forum's ``escalation.format``:
        Slack ``{"text": ...}``, or a Teams MessageCard (summary, title,
        text, and the facts: forum, question, came in, suggested text)."""
        zone = self.directory.zone(forum)
        after = self.wording.duration(forum.escalation.after)
        values = {
            "ref": q.id,
            "forum": forum.name,
            "after": after,
            "when": self.wording.when(q.created_at, zone),
        }
        title = self.wording.text("hook_title", **values)
        if forum.escalation.format == "slack":
            text = self.wording.text("hook_slack", **values, suggested=_slack_escape(q.publishable))
            return {"text": text}
        return {
            "@type": "MessageCard",
            "@context": "http://schema.org/extensions",
            "themeColor": THEME_COLOR,
            "summary": title,
            "title": title,
            "text": self.wording.text("hook_teams_text", **values),
            "sections": [
                {
                    "markdown": False,
                    "facts": [
                        {"name": self.wording.text("hook_fact_forum"), "value": forum.name},
                        {"name": self.wording.text("hook_fact_question"), "value": f"#{q.id}"},
                        {"name": self.wording.text("hook_fact_when"), "value": values["when"]},
                        {"name": self.wording.text("hook_fact_text"), "value": q.publishable},
                    ],
                }
            ],
        }

    async def post_due(self, now: datetime) -> int:
        """Try every post due by ``now`` (aware, UTC); returns how many were
        accepted. Raises ``sqlite3.Error`` as the store does; a webhook's
        failure is never raised (it is recorded, audited, tried again)."""
        async with self.db.read() as tx:
            due = await questions.hooks_due(tx, now)
        accepted = 0
        for q in due:
            forum = self.directory.get(q.forum_id)
            if forum is None:
                continue
            accepted += await self._post(forum, q, now)
        return accepted

    async def next_due_at(self) -> datetime | None:
        """When the next pending post is due, or None."""
        async with self.db.read() as tx:
            return await questions.next_hook_at(tx)

    async def _post(self, forum: Forum, q: Question, now: datetime) -> int:
        url = self.urls.get(forum.id)
        error: DeliveryError | None = None
        if url is None:
            reason = f"{forum.escalation.webhook_url_env} is not set"
        else:
            error = await self._try(url, self.payload(forum, q))
            reason = str(error) if error is not None else ""
        escalated = q.escalated_at or now
        if error is None and url is not None:
            state, next_at = "sent", None
        elif url is not None and not isinstance(error, Rejected) and now - escalated < GIVE_UP:
            state, next_at = "pending", now + RETRY_AFTER
        else:
            state, next_at = "failed", None
        fmt = forum.escalation.format
        async with self.db.transaction() as tx:
            tries = await questions.hook_tried(tx, q.id, state, next_at)
            if state == "sent":
                detail = f"{fmt} webhook accepted"
            else:
                detail = f"{fmt} webhook: {reason}" + ("; tried again" if next_at else "")
            await audit.record(
                tx,
                ESCALATION,
                "escalate_webhook",
                now,
                forum_id=forum.id,
                question_id=q.id,
                detail=detail,
                outcome="done" if state == "sent" else "failed",
            )
            if state == "failed":
                for room in self.directory.staff_rooms(forum):
                    notice = self.wording.render("notice_hook_failed", ref=q.id, reason=reason)
                    draft = OutboxDraft(
                        room, notice, OutboxPurpose.DELIVERY_NOTICE, question_id=q.id
                    )
                    await self.outbox.add(tx, draft, now)
        log.log(
            logging.INFO if state == "sent" else logging.WARNING,
            "escalation webhook question=#%s forum=%s %s (%s tries)",
            q.id,
            forum.id,
            state,
            tries,
        )
        return int(state == "sent")

    async def _try(self, url: str, payload: Mapping[str, object]) -> DeliveryError | None:
        """Up to ``TRIES`` posts, waiting with ``Backoff`` between (a 429's
        ``Retry-After`` when longer): None once one is accepted, else the last
        error. A ``Rejected`` one is not tried again."""
        delays = Backoff(1.0, 8.0) if self.sleep is None else Backoff(1.0, 8.0, sleep=self.sleep)
        error: DeliveryError | None = None
        for attempt in range(TRIES):
            if attempt:
                if isinstance(error, RetryLater) and error.retry_after > delays.delay:
                    delays.delay = min(error.retry_after, 60.0)
                await delays.wait()
            try:
                await self.poster.post(url, payload)
                return None
            except Rejected as refused:
                return refused
            except DeliveryError as failed:
                error = failed
        return error
