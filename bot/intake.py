"""Inbound events: from the shared queue into the inbox (durably, before the
platform is told they arrived), then each processed exactly once."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from bot.clock import Clock
from bot.forum import ForumDirectory
from bot.inbound import Envelope, Inbound
from bot.resident_desk import ResidentDesk
from bot.staff_desk import StaffDesk
from bot.store import inbox
from bot.store.database import Database, Tx

log = logging.getLogger("forumbot.intake")

BATCH = 200


class Intake:
    def __init__(
        self,
        db: Database,
        queue: asyncio.Queue[Envelope],
        directory: ForumDirectory,
        residents: ResidentDesk,
        staff: StaffDesk,
        clock: Clock,
        on_change: Callable[[], None] = lambda: None,
    ) -> None:
        self.db = db
        self.queue = queue
        self.directory = directory
        self.residents = residents
        self.staff = staff
        self.clock = clock
        self._on_change = on_change

    async def run(self) -> None:
        """Consume the queue forever: store each batch, then process it."""
        await self.process_pending()
        while True:
            batch = [await self.queue.get()]
            while len(batch) < BATCH and not self.queue.empty():
                batch.append(self.queue.get_nowait())
            await self.accept(batch)
            await self.process_pending()

    async def accept(self, batch: list[Envelope]) -> None:
        try:
            async with self.db.transaction() as tx:
                await inbox.store(tx, [e.inbound for e in batch], self.clock.now())
        except Exception as error:  # the adapter will not confirm; the platform redelivers
            for envelope in batch:
                if not envelope.stored.done():
                    envelope.stored.set_exception(error)
            raise
        for envelope in batch:
            if not envelope.stored.done():
                envelope.stored.set_result(None)

    async def process_pending(self) -> None:
        while True:
            async with self.db.read_in_turn() as tx:
                rows = await inbox.unprocessed(tx, BATCH)
            if not rows:
                return
            try:
                async with self.db.transaction() as tx:
                    for row in rows:
                        await self._route(tx, row.inbound)
                        await inbox.mark_processed(tx, row.id, self.clock.now())
            except Exception:
                log.exception("batch failed; processing its events one by one")
                for row in rows:
                    await self._process_alone(row.id, row.inbound)
            self._on_change()

    async def _process_alone(self, inbox_id: int, event: Inbound) -> None:
        try:
            async with self.db.transaction() as tx:
                await self._route(tx, event)
                await inbox.mark_processed(tx, inbox_id, self.clock.now())
        except Exception:
            log.exception(
                "event could not be processed platform=%s event=%s; set aside",
                event.platform,
                event.event_key,
            )
            async with self.db.transaction() as tx:
                await inbox.set_aside(tx, inbox_id, self.clock.now())

    async def _route(self, tx: Tx, event: Inbound) -> None:
        now = self.clock.now()
        if event.chat.kind == "private":
            await self.residents.handle(tx, event, now)
            return
        forums = self.directory.staff_forums(event.chat)
        if forums:
            await self.staff.handle(tx, event, forums, now)
        elif event.command is not None:
            log.info(
                "command ignored: %s chat %s is not a staff room of any forum",
                event.platform,
                event.chat.chat_id,
            )
