"""Fires the session schedule: APScheduler wakes ``SessionService.run_due`` at
the next reminder, start or end, alerts held through quiet hours, URGENT
cards due to be raised again (``Escalation``) and newsletters due
(``Newsletters``); and every half minute as a
safety net, which also reports alerts' progress.
Schedules are data: nothing is pickled; each start derives them afresh."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.alerts.newsletter import Newsletters
from bot.alerts.service import AlertService
from bot.edge.clock import Clock
from bot.forum.escalation import Escalation
from bot.forum.hook import EscalationHook
from bot.forum.session import SessionService
from bot.store import session as session_rows
from bot.store.database import Database, is_busy

log = logging.getLogger("forumbot.scheduler")

SAFETY_INTERVAL_S = 30
BUSY_RETRY_S = 5


class SessionScheduler:
    """Runs ``SessionService.run_due`` and ``AlertService.run_due`` when
    something is due (``clock`` says when ``now`` is), in one transaction,
    then calls ``on_change`` (the dispatcher's wake-up)."""

    def __init__(
        self,
        db: Database,
        sessions: SessionService,
        alerts: AlertService,
        clock: Clock,
        on_change: Callable[[], None] = lambda: None,
        escalation: Escalation | None = None,
        hooks: EscalationHook | None = None,
        newsletters: Newsletters | None = None,
    ) -> None:
        self.db = db
        self.newsletters = newsletters
        self.sessions = sessions
        self.alerts = alerts
        self.escalation = escalation
        self.hooks = hooks
        self._posting: asyncio.Task[int] | None = None
        self.clock = clock
        self._on_change = on_change
        self._scheduler = AsyncIOScheduler(timezone=UTC)
        # One tick at a time; ``close`` waits for the one under way, so the
        # database is never closed under it (a tick on a closed aiosqlite
        # connection can wait for ever).
        self._ticking = asyncio.Lock()
        self._stopped = False

    async def start(self) -> None:
        """Start APScheduler with the safety tick (every ``SAFETY_INTERVAL_S``
        seconds) and run a first ``tick`` at once. Raises what ``tick`` raises."""
        self._scheduler.start()
        self._scheduler.add_job(
            self.tick,
            IntervalTrigger(seconds=SAFETY_INTERVAL_S),
            id="safety",
            coalesce=True,
            max_instances=1,
        )
        await self.tick()

    def stop(self) -> None:
        """No more ticks from now on. Safe to call when never started, and twice."""
        self._stopped = True
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)
        if self._posting is not None:
            self._posting.cancel()

    async def close(self, within_s: float = 5.0) -> None:
        """``stop``, then wait (``within_s`` seconds at most) for a tick
        under way and the webhook posts to end, so that the database can be
        closed after. Safe to call when never started, and twice."""
        self.stop()
        try:
            async with asyncio.timeout(within_s):
                async with self._ticking:
                    pass
                if self._posting is not None:
                    await asyncio.gather(self._posting, return_exceptions=True)
        except TimeoutError:
            log.warning("the schedule's last tick did not end within %ss", within_s)

    async def tick(self) -> None:
        """Do what is due now, then arm a wake-up for the next event (a
        reminder, a session's start or end, an alert held through quiet
        hours). A busy database (another program holds it) does nothing and
        tries again in ``BUSY_RETRY_S`` seconds; any other database error is
        raised (``sqlite3.Error``; under APScheduler, logged, and the safety
        tick tries again). Nothing once stopped."""
        async with self._ticking:
            if not self._stopped:
                await self._tick()

    async def _tick(self) -> None:
        now = self.clock.now()
        try:
            async with self.db.transaction() as tx:
                await self.sessions.run_due(tx, now)
                if self.newsletters is not None:
                    await self.newsletters.run_due(tx, now)
                await self.alerts.run_due(tx, now)
                open_ends = [row.ends_at for row in await session_rows.all_open(tx)]
                alert_at = await self.alerts.next_due_at(tx)
                if self.newsletters is not None:
                    letter_at = await self.newsletters.next_due_at(tx, now)
                    if letter_at is not None and (alert_at is None or letter_at < alert_at):
                        alert_at = letter_at
                if self.escalation is not None:
                    await self.escalation.run_due(tx, now)
                    urgent_at = await self.escalation.next_due_at(tx)
                    if urgent_at is not None and (alert_at is None or urgent_at < alert_at):
                        alert_at = urgent_at
        except Exception as error:
            if not is_busy(error):
                raise
            # Another program holds the database: nothing was done; soon again.
            log.warning("database busy (%s); schedule checked again in %ss", error, BUSY_RETRY_S)
            if self._scheduler.running:
                self._arm(now + timedelta(seconds=BUSY_RETRY_S))
            return
        self._on_change()
        if self.hooks is not None:
            self._post_hooks(now)
            hook_at = await self.hooks.next_due_at()
            # One due now is being posted (or waits for the task): the safety tick follows it.
            if hook_at is not None and hook_at > now and (alert_at is None or hook_at < alert_at):
                alert_at = hook_at
        upcoming = self.sessions.next_event_at(now, open_ends)
        if alert_at is not None and (upcoming is None or alert_at < upcoming):
            upcoming = max(alert_at, now)
        if upcoming is not None and self._scheduler.running:
            self._arm(upcoming)

    def _post_hooks(self, now: datetime) -> None:
        """Webhook posts due (escalations) in a task of their own, one at a
        time, so their retries never hold up the schedule."""
        if self.hooks is None or self._stopped:
            return
        if self._posting is not None and not self._posting.done():
            return
        self._posting = asyncio.create_task(self.hooks.post_due(now), name="escalation-hooks")
        self._posting.add_done_callback(_log_failure)

    def _arm(self, at: datetime) -> None:
        self._scheduler.add_job(
            self.tick,
            DateTrigger(run_date=at),
            id="next-event",
            replace_existing=True,
            misfire_grace_time=None,
            coalesce=True,
        )
        log.debug("next schedule event at %s", at.isoformat())


def _log_failure(task: asyncio.Task[int]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("escalation webhooks failed: %r", task.exception())
