"""Keeping personal data no longer than the configured retention period:
purged automatically every hour, and on demand (``forumbot purge``), in the
core's tables and through the privacy hooks of the database's components."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import timedelta

from bot.edge.clock import Clock
from bot.privacy.erasure import Erasure
from bot.store import privacy
from bot.store.database import Database, is_busy
from bot.store.privacy import PurgeCounts
from config.duration import format_duration

log = logging.getLogger("forumbot.retention")

EVERY = timedelta(hours=1)
BUSY_RETRY_S = 60.0


class Retention:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        period: timedelta,
        erasure: Erasure | None = None,
        wake: Callable[[], None] = lambda: None,
    ) -> None:
        """``erasure``: what a staff room's card or whois reply about a
        purged question says once erased, and the edits of those already
        posted (without it: ``[erased]``, and no edits); ``wake``: tells the
        dispatcher edits were queued (``Dispatcher.wake``)."""
        self.db = db
        self.clock = clock
        self.period = period
        self.erasure = erasure
        self.wake = wake

    async def purge(self, dry_run: bool = False) -> PurgeCounts:
        """Erase (or, with ``dry_run``, count) what is older than the period;
        after an erasure the write-ahead log is truncated (``Database.erased``)."""
        now = self.clock.now()
        edits = 0
        async with self.db.transaction() as tx:
            copy = self.erasure.copy_for("purged") if self.erasure else privacy.erased_by_default
            counts = await privacy.purge(
                tx, now - self.period, now, dry_run, self.db.privacy_hooks, copy
            )
            if self.erasure is not None and counts.posted:
                edits = await self.erasure.edit_posted(tx, counts.posted, "purged", now)
            if not dry_run and counts.total:
                self.db.erased()
        if edits:
            self.wake()
        return counts

    async def run(self) -> None:
        """Purge now and every hour, for as long as the bot runs."""
        while True:
            try:
                counts = await self.purge()
            except Exception as error:
                if not is_busy(error):
                    raise
                # Another program holds the database: nothing was erased; soon again.
                log.warning("database busy (%s); purging again in %ss", error, BUSY_RETRY_S)
                await asyncio.sleep(BUSY_RETRY_S)
                continue
            if counts.total:
                log.info(
                    "purged after %s: questions=%s residents=%s deliveries=%s inbox=%s",
                    format_duration(self.period),
                    counts.questions,
                    counts.residents,
                    counts.deliveries,
                    counts.inbox,
                )
            await asyncio.sleep(EVERY.total_seconds())
