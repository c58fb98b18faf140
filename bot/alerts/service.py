"""Alerts to subscribers: requested by an officer (or by the session
schedule), held through the forum's quiet hours unless urgent, fanned out
through the outbox at the lowest priority, and reported to the staff room
while they go (sent / total / unreachable) and when they are done."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.alerts.alert import AlertType, send_time
from bot.delivery.outbox import Outbox
from bot.edge.chat import Buttons, ChatRef
from bot.edge.rich import Rich, join
from bot.forum.directory import ForumDirectory
from bot.store import alert as alert_rows
from bot.store.alert import Alert
from bot.store.database import Tx
from bot.store.outbox import OutboxDraft, OutboxPurpose
from bot.wording.wording import Wording
from config.model import Forum

log = logging.getLogger("forumbot.alerts")

REPORT_EVERY = timedelta(seconds=30)


OFFICERS_TYPES = frozenset(
    {AlertType.ADVICE.value, AlertType.APPEALS.value, AlertType.OUTCOMES.value}
)
"""Alert types written by officers, whose words need not name the forum."""


class AlertService:
    """Alerts to subscribers, for the staff desk, consultations and the
    sessions' reminders and summaries. Every method that takes ``tx`` works
    in the caller's transaction and raises ``sqlite3.Error`` when the
    database fails and LookupError when a platform has no declared length
    limit."""

    def __init__(self, directory: ForumDirectory, wording: Wording, outbox: Outbox) -> None:
        self.directory = directory
        self.wording = wording
        self.outbox = outbox

    async def request(
        self,
        tx: Tx,
        forum: Forum,
        alert_type: AlertType,
        body: Rich,
        now: datetime,
        *,
        urgent: bool = False,
        to_public: bool = True,
        requested_by: str | None = None,
        report_chat: ChatRef | None = None,
        buttons: Buttons = (),
    ) -> Alert:
        """Record an alert and return it as stored: it fans out now (state
        ``sending``, ``total`` the subscribers it reached), or, asked inside
        the forum's quiet hours and not ``urgent``, when they end (state
        ``scheduled``, ``send_at`` then).

        ``alert_type``: who gets it (those subscribed to that type of
        ``forum``). ``body``: what it says; each platform's subscribers get
        it with a footer on how to stop, split to the platform's limit, and
        ``buttons`` under the last part. ``to_public``: posted in the forum's
        public rooms as well. ``requested_by``: ``platform:user_id`` of the
        officer, or None for the schedule's. ``report_chat``: the staff room
        told of its progress, if any. ``now``: aware."""
        at = send_time(now, forum.quiet_hours, self.directory.zone(forum), urgent)
        alert_id = await alert_rows.create(
            tx,
            forum.id,
            alert_type.value,
            body,
            urgent=urgent,
            to_public=to_public,
            requested_by=requested_by,
            report_chat=report_chat,
            at=now,
            send_at=at,
            buttons=buttons,
        )
        log.info(
            "alert requested forum=%s alert=#%s type=%s send_at=%s",
            forum.id,
            alert_id,
            alert_type.value,
            at.isoformat(),
        )
        alert = await alert_rows.get(tx, alert_id)
        assert alert is not None
        if at <= now:
            await self._fan_out(tx, alert, now)
            alert = await alert_rows.get(tx, alert_id)
            assert alert is not None
        return alert

    async def run_due(self, tx: Tx, now: datetime) -> None:
        """Fan out every alert whose time has come, then report progress."""
        for alert in await alert_rows.due(tx, now):
            await self._fan_out(tx, alert, now)
        await self.report(tx, now)

    async def next_due_at(self, tx: Tx) -> datetime | None:
        """When the earliest alert held through quiet hours may go; None if none waits."""
        return await alert_rows.next_send_at(tx)

    async def _fan_out(self, tx: Tx, alert: Alert, now: datetime) -> None:
        forum = self.directory.get(alert.forum_id)
        total = 0
        for platform in await alert_rows.subscriber_platforms(tx, alert.forum_id, alert.alert_type):
            if not self.directory.is_on(platform):
                # Not kept for later: an alert is news now, and a platform that
                # comes back must not receive a pile of old ones.
                log.info(
                    "alert #%s: %s is off; its subscribers are not sent it", alert.id, platform
                )
                continue
            body = join(
                [*self._header(forum, alert), alert.body, self._footer(platform, alert)], "\n\n"
            )
            total += await alert_rows.fan_out(
                tx, alert, platform, self.outbox.parts(platform, body), now
            )
        unreachable = await alert_rows.count_unreachable(tx, alert.forum_id, alert.alert_type)
        await alert_rows.start(tx, alert.id, total, unreachable, now)
        if alert.to_public and forum is not None:
            for room in self.directory.public_rooms(forum):
                await self.outbox.add(
                    tx, OutboxDraft(room, alert.body, OutboxPurpose.ALERT_PUBLIC), now
                )
        self.outbox.wake()
        log.info("alert sending forum=%s alert=#%s subscribers=%s", alert.forum_id, alert.id, total)

    def _header(self, forum: Forum | None, alert: Alert) -> list[Rich]:
        """Which forum an officer's alert (advice, appeals, outcomes) is
        from, for its subscribers: their chat holds every forum's alerts
        (consultations, reminders and summaries name it already). The
        forum's public rooms are its own and get no header."""
        if forum is None or alert.alert_type not in OFFICERS_TYPES:
            return []
        label = self.wording.text(f"alert_type_{alert.alert_type}")
        return [self.wording.render("alert_header", type=label, forum=forum.name)]

    def _footer(self, platform: str, alert: Alert) -> Rich:
        """How to stop such alerts; before it, on a consultation, how to
        answer it in the words of ``platform`` (buttons or a reply on the
        apps, the answer box on the web page)."""
        stop = self.wording.render_for(
            platform,
            "alert_footer",
            prefix=self.wording.prefix(platform),
            type=alert.alert_type,
        )
        if alert.alert_type != AlertType.CONSULTATIONS.value:
            return stop
        how = "survey_how_buttons" if alert.buttons else "survey_how_text"
        if not self.reads_replies(platform):
            how = "survey_how_none"
        return join([self.wording.render_for(platform, how), stop], "\n\n")

    def reads_replies(self, platform: str) -> bool:
        """Whether residents on ``platform`` can answer by replying: every
        app can; e-mail only when its listener for questions is on
        (``platforms.email.inbound.address``), else a reply goes nowhere."""
        if platform != "email":
            return True
        return bool(self.directory.config.platforms.email.inbound.address)

    async def report(self, tx: Tx, now: datetime) -> None:
        """Progress to the staff room that asked, every half minute while
        there is news, and a final count."""
        for alert in await alert_rows.sending(tx):
            progress = await alert_rows.progress(tx, alert)
            done = (
                progress.sent
                + progress.unreachable
                + progress.failed
                + progress.stopped
                + progress.unknown
            )
            if progress.finished:
                await alert_rows.finish(tx, alert.id, now)
                key = "alert_finished"
                log.info(
                    "alert finished alert=#%s sent=%s unreachable=%s failed=%s",
                    alert.id,
                    progress.sent,
                    progress.unreachable,
                    progress.failed,
                )
            elif done != alert.reported_done and (
                alert.reported_at is None or now - alert.reported_at >= REPORT_EVERY
            ):
                key = "alert_progress"
            else:
                continue
            await alert_rows.mark_reported(tx, alert.id, done, now)
            if alert.report_chat is None:
                continue
            body = self.wording.render(
                key,
                ref=alert.id,
                sent=progress.sent,
                total=progress.total,
                unreachable=progress.unreachable,
                failed=progress.failed,
                stopped=progress.stopped,
                unknown=(
                    self.wording.text("alert_unknown", count=progress.unknown)
                    if progress.unknown
                    else ""
                ),
            )
            notice = OutboxDraft(alert.report_chat, body, OutboxPurpose.STAFF_NOTICE)
            await self.outbox.add(tx, notice, now)
