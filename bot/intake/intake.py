"""Inbound events: from the shared queue into the inbox (durably, before the
platform is told they arrived), then each processed exactly once.

No single event can stop the rest. A batch that fails to store is stored one
event at a time; an event that fails alone is set aside (kept for an
operator in a form that can always be stored) and its adapter is told it is
stored, so its platform moves on. An event that fails to be processed is set
aside too. Either way the sender, where there is a chat to answer in, is
told the message could not be read and asked to send it again."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from bot.delivery.outbox import Outbox
from bot.desks.resident import ResidentDesk
from bot.desks.staff import StaffDesk
from bot.edge.backoff import Backoff
from bot.edge.chat import ChatRef
from bot.edge.clock import Clock
from bot.edge.inbound import Envelope, Inbound, clean_inbound
from bot.forum.directory import ForumDirectory
from bot.store import inbox
from bot.store.database import Database, Tx, is_busy
from bot.store.outbox import OutboxDraft, OutboxPurpose
from bot.wording.wording import Wording

log = logging.getLogger("forumbot.intake")

BATCH = 200
BUSY_BACKOFF_S = 0.1  # first wait after the database was busy; doubles
BUSY_BACKOFF_MAX_S = 30.0


def busy_backoff() -> Backoff:
    """Waits while another program holds the database: 0.2 s, doubling to 30 s."""
    return Backoff(BUSY_BACKOFF_S * 2, BUSY_BACKOFF_MAX_S)


BUSY_STORE_TRIES = 6  # storing a batch while another program holds the database


class Intake:
    """Takes ``Envelope``s from ``queue`` (every adapter puts what it receives
    there), stores them in the inbox, and hands each stored event to its
    desk, a batch to a transaction (one event to a transaction when a batch
    fails): a private chat's to ``residents``, a staff room's to ``staff``
    (events from other rooms are marked processed and dropped).
    ``on_change`` is called after events were processed (the dispatcher's
    wake-up); ``on_heard`` with each private chat whose events were just
    stored (the dispatcher sends what waited for that resident to write)."""

    def __init__(
        self,
        db: Database,
        queue: asyncio.Queue[Envelope],
        directory: ForumDirectory,
        residents: ResidentDesk,
        staff: StaffDesk,
        clock: Clock,
        wording: Wording,
        outbox: Outbox,
        on_change: Callable[[], None] = lambda: None,
        on_heard: Callable[[ChatRef], None] = lambda chat: None,
    ) -> None:
        self.db = db
        self.queue = queue
        self.directory = directory
        self.residents = residents
        self.staff = staff
        self.clock = clock
        self.wording = wording
        self.outbox = outbox
        self._on_change = on_change
        self._on_heard = on_heard

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
        """Store ``batch`` and resolve each envelope's ``stored`` future.

        One transaction for the batch; if it fails, one per event. An event
        that fails alone is set aside (kept, marked done, the sender told)
        and its future resolves as stored: its platform must not send it
        again. Only when even that cannot be written (the database itself
        is failing) does that one future get the error, so its platform
        delivers it again later. While another program holds the database
        (busy), the batch is tried again with a growing wait first: a busy
        database says nothing about the events. Never raises."""
        delays = busy_backoff()
        for attempt in range(1, BUSY_STORE_TRIES + 1):
            try:
                async with self.db.transaction() as tx:
                    await inbox.store(tx, [e.inbound for e in batch], self.clock.now())
            except Exception as error:
                if is_busy(error) and attempt < BUSY_STORE_TRIES:
                    log.warning("database busy (%s); storing again in %ss", error, delays.delay)
                    await delays.wait()
                    continue
                break
            for envelope in batch:
                _resolve(envelope)
            self._heard(batch)
            return
        log.exception("batch of %s event(s) not stored; storing them one by one", len(batch))
        for envelope in batch:
            await self._accept_alone(envelope)
        self._heard(batch)
        self._on_change()

    def _heard(self, batch: list[Envelope]) -> None:
        """Tell ``on_heard`` of each private chat whose resident just wrote."""
        for chat in {e.inbound.chat for e in batch if e.inbound.chat.kind == "private"}:
            self._on_heard(chat)

    async def _accept_alone(self, envelope: Envelope) -> None:
        event = envelope.inbound
        try:
            async with self.db.transaction() as tx:
                await inbox.store(tx, [event], self.clock.now())
        except Exception as error:
            log.exception(
                "event could not be stored platform=%s event=%s; set aside",
                _safe(event.platform),
                _safe(event.event_key),
            )
            try:
                await self._set_aside(None, event, _describe(error))
            except Exception as again:
                log.exception("event could not be set aside either; its platform will resend it")
                if not envelope.stored.done():
                    envelope.stored.set_exception(again)
                return
        _resolve(envelope)

    async def process_pending(self) -> None:
        """Process every stored, unprocessed event: a batch per transaction,
        and one by one when a batch fails. A busy database (another program
        holds it) sets nothing aside: the same events are processed again
        after a wait. Raises only when the database cannot record that an
        event was set aside."""
        delays = busy_backoff()
        while True:
            async with self.db.read_in_turn() as tx:
                rows = await inbox.unprocessed(tx, BATCH)
            if not rows:
                return
            try:
                async with self.db.transaction() as tx:
                    for row in rows:
                        if row.inbound is None:
                            raise ValueError(row.problem)
                        await self._route(tx, row.inbound)
                        await inbox.mark_processed(tx, row.id, self.clock.now())
                delays.reset()
            except Exception as error:
                if is_busy(error):
                    # Another program holds the database: nothing was changed.
                    # Wait and process the same events again; never set them aside.
                    log.warning("database busy (%s); processing again in %ss", error, delays.delay)
                    await delays.wait()
                    continue
                log.exception("batch failed; processing its events one by one")
                for row in rows:
                    if not await self._process_alone(row):
                        break
            self._on_change()

    async def _process_alone(self, row: inbox.InboxRow) -> bool:
        """Process one event, or set it aside. False when the database was
        busy: the event stays to be processed again."""
        event = row.inbound
        if event is None:
            log.error("inbox row %s cannot be read (%s); set aside", row.id, row.problem)
            async with self.db.transaction() as tx:
                await inbox.set_aside(tx, row.id, self.clock.now(), row.problem)
            return True
        try:
            async with self.db.transaction() as tx:
                await self._route(tx, event)
                await inbox.mark_processed(tx, row.id, self.clock.now())
        except Exception as error:
            if is_busy(error):
                return False
            log.exception(
                "event could not be processed platform=%s event=%s; set aside",
                event.platform,
                event.event_key,
            )
            await self._set_aside(row.id, event, _describe(error))
        return True

    async def _set_aside(self, inbox_id: int | None, event: Inbound, error: str) -> None:
        """Keep ``event`` for an operator (``inbox_id`` None: it was never
        stored) and tell its sender, in one transaction; without the message
        to the sender if that is what fails. Raises if the event cannot be
        kept at all."""
        now = self.clock.now()

        async def keep(tx: Tx) -> bool:
            if inbox_id is None:
                return await inbox.store_set_aside(tx, event, now, error)
            await inbox.set_aside(tx, inbox_id, now, error)
            return True

        try:
            async with self.db.transaction() as tx:
                if await keep(tx):
                    await self._tell_unreadable(tx, event, now)
        except Exception:
            log.exception("could not tell the sender; setting the event aside without it")
            async with self.db.transaction() as tx:
                await keep(tx)

    async def _tell_unreadable(self, tx: Tx, event: Inbound, now: datetime) -> None:
        """Ask the sender to send it again: in their private chat (with the
        999 line, since the message could not be checked for an emergency),
        or in a staff room, as a reply to the message. Nowhere else."""
        event = clean_inbound(event)
        chat = event.chat
        if chat.kind == "private":
            body = self.wording.render("unreadable", emergency=self.wording.contacts.emergency)
            reply_to = None
        elif self.directory.staff_forums(chat):
            body = self.wording.render("unreadable_staff")
            reply_to = event.message_id
        else:
            return
        draft = OutboxDraft(chat, body, OutboxPurpose.UNREADABLE, reply_to_message_id=reply_to)
        await self.outbox.add(tx, draft, now)

    async def _route(self, tx: Tx, event: Inbound) -> None:
        now = self.clock.now()
        if event.room_event is not None:  # the room itself changed (bot.forum.rooms)
            await self.directory.rooms.handle(tx, event, now)
            return
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


def _resolve(envelope: Envelope) -> None:
    if not envelope.stored.done():
        envelope.stored.set_result(None)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def _safe(value: object) -> str:
    """A value fit for the log whatever it holds."""
    return ascii(value)[:80] if not isinstance(value, str) else ascii(value)[1:-1][:80]
