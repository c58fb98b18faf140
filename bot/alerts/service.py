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
from bot.store import broadcast as broadcasts
from bot.store.broadcast import Broadcast
from bot.store.database import Tx
from bot.store.outbox import OutboxDraft, OutboxPurpose
from bot.wording.wording import Wording
from config.model import Forum

log = logging.getLogger("forumbot.alerts")

REPORT_EVERY = timedelta(seconds=30)


class AlertService:
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
    ) -> Broadcast:
        """Record an alert; it goes now, or when the quiet hours end."""
        at = send_time(now, forum.quiet_hours, self.directory.zone(forum), urgent)
        broadcast_id = await broadcasts.create(
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
            broadcast_id,
            alert_type.value,
            at.isoformat(),
        )
        b = await broadcasts.get(tx, broadcast_id)
        assert b is not None
        if at <= now:
            await self._fan_out(tx, b, now)
            b = await broadcasts.get(tx, broadcast_id)
            assert b is not None
        return b

    async def run_due(self, tx: Tx, now: datetime) -> None:
        """Fan out every alert whose time has come, then report progress."""
        for b in await broadcasts.due(tx, now):
            await self._fan_out(tx, b, now)
        await self.report(tx, now)

    async def next_due_at(self, tx: Tx) -> datetime | None:
        return await broadcasts.next_send_at(tx)

    async def _fan_out(self, tx: Tx, b: Broadcast, now: datetime) -> None:
        forum = self.directory.get(b.forum_id)
        total = 0
        for platform in await broadcasts.subscriber_platforms(tx, b.forum_id, b.alert_type):
            if not self.directory.is_on(platform):
                # Not kept for later: an alert is news now, and a platform that
                # comes back must not receive a pile of old ones.
                log.info("alert #%s: %s is off; its subscribers are not sent it", b.id, platform)
                continue
            body = join([b.body, self._footer(platform, b.alert_type)], "\n\n")
            total += await broadcasts.fan_out(
                tx, b, platform, self.outbox.parts(platform, body), now
            )
        unreachable = await broadcasts.count_unreachable(tx, b.forum_id, b.alert_type)
        await broadcasts.start(tx, b.id, total, unreachable, now)
        if b.to_public and forum is not None:
            for room in self.directory.public_rooms(forum):
                await self.outbox.add(
                    tx, OutboxDraft(room, b.body, OutboxPurpose.ALERT_PUBLIC), now
                )
        self.outbox.wake()
        log.info("alert sending forum=%s alert=#%s subscribers=%s", b.forum_id, b.id, total)

    def _footer(self, platform: str, alert_type: str) -> Rich:
        return self.wording.render(
            "alert_footer",
            prefix=self.wording.prefix(platform),
            type=alert_type,
        )

    async def report(self, tx: Tx, now: datetime) -> None:
        """Progress to the staff room that asked, every half minute while
        there is news, and a final count."""
        for b in await broadcasts.sending(tx):
            progress = await broadcasts.progress(tx, b)
            done = (
                progress.sent
                + progress.unreachable
                + progress.failed
                + progress.stopped
                + progress.unknown
            )
            if progress.finished:
                await broadcasts.finish(tx, b.id, now)
                key = "alert_finished"
                log.info(
                    "alert finished alert=#%s sent=%s unreachable=%s failed=%s",
                    b.id,
                    progress.sent,
                    progress.unreachable,
                    progress.failed,
                )
            elif done != b.reported_done and (
                b.reported_at is None or now - b.reported_at >= REPORT_EVERY
            ):
                key = "alert_progress"
            else:
                continue
            await broadcasts.mark_reported(tx, b.id, done, now)
            if b.report_chat is None:
                continue
            body = self.wording.render(
                key,
                ref=b.id,
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
            notice = OutboxDraft(b.report_chat, body, OutboxPurpose.STAFF_NOTICE)
            await self.outbox.add(tx, notice, now)
