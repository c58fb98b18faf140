"""Keeping personal data no longer than the configured retention period:
purged automatically every hour, and on demand (``forumbot purge``)."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from bot.clock import Clock
from bot.store import privacy
from bot.store.database import Database
from bot.store.privacy import PurgeCounts

log = logging.getLogger("forumbot.retention")

EVERY = timedelta(hours=1)


class Retention:
    def __init__(self, db: Database, clock: Clock, period: timedelta) -> None:
        self.db = db
        self.clock = clock
        self.period = period

    async def purge(self, dry_run: bool = False) -> PurgeCounts:
        """Erase (or, with ``dry_run``, count) what is older than the period."""
        now = self.clock.now()
        async with self.db.transaction() as tx:
            return await privacy.purge(tx, now - self.period, now, dry_run)

    async def run(self) -> None:
        """Purge now and every hour, for as long as the bot runs."""
        while True:
            counts = await self.purge()
            if counts.total:
                log.info(
                    "purged after %s: questions=%s residents=%s deliveries=%s inbox=%s",
                    self.period,
                    counts.questions,
                    counts.residents,
                    counts.deliveries,
                    counts.inbox,
                )
            await asyncio.sleep(EVERY.total_seconds())
