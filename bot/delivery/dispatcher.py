"""Sends the outbox: one worker per chat with waiting messages, paced per chat
and per platform, so a backlog to one chat never delays another. Each send is
marked 'sending' durably before it goes out; after a crash such rows are
'unknown' and are not blindly repeated.

A send that fails in a way that may pass (rate limit, connection refused, the
platform's own error) is retried with back-off for the configured time
(``RetryPolicy``), then given up ('failed'); a database that stays locked
while the dispatcher records a state is waited out, never dropped. Whatever
ends other than 'sent' is handed to the report hook, which tells officers."""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from bot.delivery.group_commit import GroupCommit, Write
from bot.delivery.held_rooms import HeldRooms
from bot.delivery.pacing import Pacer
from bot.edge.backoff import Backoff
from bot.edge.chat import ChatRef
from bot.edge.clock import Clock
from bot.edge.rich import Rich, join
from bot.edge.sending import (
    Moved,
    NoAccess,
    NotSent,
    OutcomeUnknown,
    Outgoing,
    Rejected,
    RetryLater,
    Sender,
    ServerDown,
    Unreachable,
    WaitsForResident,
)
from bot.forum.rooms import Rooms
from bot.store import outbox as rows
from bot.store import resident as residents
from bot.store import room as room_rows
from bot.store.database import Database, Tx, is_busy
from bot.store.outbox import OutboxPurpose, OutboxRow, OutboxState
from bot.wording.wording import Wording
from config.model import Delivery

log = logging.getLogger("forumbot.dispatcher")

# Messages of which no copy is kept once sent: the last word to a forgotten
# resident, and the link that confirms an e-mail address (to no resident yet).
NO_COPY_KEPT = frozenset({OutboxPurpose.FORGOTTEN, OutboxPurpose.CONFIRMATION})

# Cards waiting for the same room that may go as one message. URGENT cards go alone.
CARD_PURPOSES = frozenset({OutboxPurpose.CARD})
# Posts in a public room that belong under the session's opening post
# (``Outgoing.under``).
UNDER_SESSION_POST = frozenset({OutboxPurpose.PUBLICATION, OutboxPurpose.SESSION_CLOSE})
# Messages recorded as their question's card (card_message), so an officer's
# reply to one answers the question: URGENT cards as much as any other.
RECORDED_AS_CARD = frozenset({OutboxPurpose.CARD, OutboxPurpose.URGENT_CARD})
MAX_CARDS_COMBINED = 10
LOAD_BATCH = 1000
STOP_GRACE_S = 4.0  # at shutdown, for sends already under way
HEARD_FOR_S = 60.0  # how long a resident's last message is remembered (loop time)
HEARD_KEPT = 1000  # residents remembered before the old ones are let go

# Told each final outcome other than 'sent': (transaction, the rows sent as
# one message, state, reason, now). Writes in the same transaction.
Report = Callable[[Tx, Sequence[OutboxRow], OutboxState, str, datetime], Awaitable[None]]
# Told the rows that have just begun to wait for their resident's next
# message (``WaitsForResident``): (transaction, rows, now).
WaitReport = Callable[[Tx, Sequence[OutboxRow], datetime], Awaitable[None]]


@dataclass(frozen=True)
class RetryPolicy:
    """How failed sends are tried again. Back-off doubles from
    ``first_backoff_s`` up to ``max_backoff_s`` (seconds, real time); a
    message is given up once ``give_up`` (per kind of chat, by the clock) has
    passed since its first failure."""

    give_up: Delivery = field(default_factory=Delivery)
    first_backoff_s: float = 0.5
    max_backoff_s: float = 60.0

    def window(self, chat: ChatRef) -> timedelta:
        """How long messages to ``chat`` are retried (and, for rooms, how old a
        waiting one may be at start-up and still be sent)."""
        if chat.kind == "private":
            return self.give_up.residents
        if chat.kind == "channel":
            return self.give_up.public_rooms
        return self.give_up.staff_rooms

    @property
    def held_rooms_every(self) -> timedelta:
        """How often a room the bot cannot post in gets one of its waiting
        messages tried (by the clock): a success lets the room back in."""
        return self.give_up.held_rooms_retry

    def backoff(self, attempts: int) -> float:
        """Seconds to wait after the ``attempts``-th failure in a row: twice
        ``first_backoff_s`` after the first, doubling to ``max_backoff_s``."""
        return Backoff(self.first_backoff_s * 2, self.max_backoff_s).after(attempts)


@dataclass
class _ChatQueue:
    chat: ChatRef
    heap: list[tuple[int, int, OutboxRow]] = field(default_factory=list)
    worker: asyncio.Task[None] | None = None
    ids: set[int] = field(default_factory=set)

    def push(self, row: OutboxRow) -> None:
        if row.id in self.ids:
            return  # already waiting here (a room let back in reloads what waits)
        self.ids.add(row.id)
        heapq.heappush(self.heap, (row.priority, row.id, row))

    def pop(self) -> OutboxRow:
        row = heapq.heappop(self.heap)[2]
        self.ids.discard(row.id)
        return row

    def clear(self) -> list[OutboxRow]:
        """Everything waiting here, taken out."""
        taken = [row for _p, _i, row in self.heap]
        self.heap.clear()
        self.ids.clear()
        return taken


class Dispatcher:
    """Sends the outbox's 'pending' rows through ``senders`` (platform name
    to its sender; rows for a platform not among them wait), paced by
    ``pacers`` (the same keys), one worker per chat, a chat's rows in
    priority then id order. ``clock`` measures the give-up windows and stamps
    ``sent_at``; ``wording`` gives the header of cards combined into one
    message (``cards_combined``) and the reasons recorded with a row that ends
    other than 'sent' (``reason_*``, which officers' notices quote);
    ``retry`` says how failures are retried; ``report`` is told every final
    state other than 'sent', in the transaction that records it; ``rooms``
    (the directory's) follows rooms that moved and holds the messages of
    rooms the bot cannot post in (without it, both end the message 'failed').

    Row states move as ``bot.store.outbox.OutboxState`` draws them; each send's
    failure is one of ``bot.edge.sending``'s ``DeliveryError`` kinds. Delivery
    failures never escape: they become states. What does escape ``run`` is a
    database error other than a busy database (the supervisor restarts it)."""

    def __init__(
        self,
        db: Database,
        senders: Mapping[str, Sender],
        pacers: Mapping[str, Pacer],
        clock: Clock,
        wording: Wording,
        retry: RetryPolicy | None = None,
        report: Report | None = None,
        rooms: Rooms | None = None,
        scrub: Callable[[str], str] | None = None,
    ) -> None:
        self.db = db
        self.rooms = rooms
        # Applied to every failure's text before it is stored or reported: a
        # platform library's error can carry the bot's token (in a URL).
        self.scrub: Callable[[str], str] = scrub or (lambda text: text)
        self.retry = retry or RetryPolicy()
        self.report = report
        self.wording = wording
        self.senders = dict(senders)
        self.pacers = dict(pacers)
        self.clock = clock
        self._commit = GroupCommit(db)
        self._wake = asyncio.Event()
        self._queues: dict[str, _ChatQueue] = {}
        self._loaded_upto = 0
        self._idle = asyncio.Event()
        self._stopping = False
        self._recovered = False
        self._held = HeldRooms(db, rooms, clock, self.retry.held_rooms_every, self.senders)
        # Told the rows that begin to wait for their resident (officers' notice).
        self.report_waiting: WaitReport | None = None
        # Told the rows that went after waiting for their resident: (tx, rows, now).
        self.report_went: WaitReport | None = None
        # Residents' chats the platform lets the bot write to only after they
        # write again (by ``ChatRef.key``): their rows are not loaded.
        self._waiting: dict[str, ChatRef] = {}
        self._heard: set[str] = set()  # of those, chats whose resident just wrote
        # When each resident last wrote (event loop time), kept a minute: a
        # send refused for the window while they were writing is not held.
        self._heard_at: dict[str, float] = {}
        self._send_began: dict[str, float] = {}  # by chat: when its send went out

    def heard_from(self, chat: ChatRef) -> None:
        """The resident of private chat ``chat`` just wrote (their message is
        stored): what waited for that is sent now. Safe from any task."""
        now = asyncio.get_running_loop().time()
        if len(self._heard_at) > HEARD_KEPT:
            self._heard_at = {k: t for k, t in self._heard_at.items() if now - t < HEARD_FOR_S}
        self._heard_at[chat.key] = now
        if chat.key in self._waiting:
            self._heard.add(chat.key)
            self._wake.set()

    def wake(self) -> None:
        """Look for new rows now (rather than within 5 s). Safe from any task."""
        self._wake.set()

    async def recover(self) -> None:
        """Once, before sending (later calls do nothing): rows whose send was
        under way when the process stopped are sent again where the platform
        drops repeats (nonce), else left as 'unknown' (officers are told of
        answers). Messages to rooms of platforms that are off, or too old to
        be of use, are skipped; residents' private messages wait for their
        platform (they are owed). A busy database is waited out; raises
        ``sqlite3.Error`` for any other database failure."""
        if self._recovered:
            return
        now = self.clock.now()
        repeatable = [name for name, sender in self.senders.items() if sender.idempotent]
        reason = self.wording.text("reason_interrupted")

        async def write(tx: Tx) -> None:
            if self.rooms is not None:
                await self.rooms.load(tx)
            ids = await rows.interrupted(tx, exclude_platforms=repeatable)
            await rows.mark(tx, ids, OutboxState.UNKNOWN, reason)
            retried = await rows.interrupted(tx, only_platforms=repeatable)
            await rows.mark(tx, retried, OutboxState.PENDING, reason)
            for outbox_id in ids:
                log.warning(
                    "delivery outcome unknown after restart outbox=%s; not resent", outbox_id
                )
            if self.report is not None:
                for row in await rows.get_many(tx, ids):
                    await self.report(tx, [row], OutboxState.UNKNOWN, reason, now)
            await self._skip_stale_rooms(tx, now)

        await self._write(write, "recovering at start")
        self._recovered = True

    async def _skip_stale_rooms(self, tx: Tx, now: datetime) -> None:
        off: dict[str, list[int]] = {}
        old: list[int] = []
        # A room the bot could not post in keeps its messages, however old: they
        # were owed when it was cut off, and go when it is let back in.
        waiting = {p.chat.key for p in self.rooms.unreachable()} if self.rooms else set()
        for outbox_id, platform, chat_id, kind, created_at in await rows.pending_rooms(tx):
            if platform not in self.senders:
                off.setdefault(platform, []).append(outbox_id)
                continue
            chat = ChatRef(platform, chat_id, "channel" if kind == "channel" else "group")
            if chat.key in waiting:
                continue
            if now - created_at > self.retry.window(chat):
                old.append(outbox_id)
        for platform, ids in off.items():
            await rows.mark(
                tx,
                ids,
                OutboxState.SKIPPED,
                self.wording.text("reason_platform_off", platform=platform),
            )
            log.warning(
                "%s is off: %s waiting message(s) to its rooms skipped, not kept for later",
                platform,
                len(ids),
            )
        if old:
            await rows.mark(tx, old, OutboxState.SKIPPED, self.wording.text("reason_too_old"))
            log.warning("%s waiting message(s) to rooms skipped at start: too old", len(old))

    async def run(self) -> None:
        """Load and send until ``stop``. (``asyncio.timeout``, not
        ``wait_for``: on Python 3.11 ``wait_for`` can swallow a cancellation
        that arrives as its wait ends, and the loop would then never stop.)"""
        await self.recover()
        idle_s = min(5.0, max(0.1, self.retry.held_rooms_every.total_seconds()))
        while not self._stopping:
            self._wake.clear()
            await self._load()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(idle_s):
                    await self._wake.wait()

    async def _load(self) -> None:
        for row in await self._reopened_chats():
            self._push(row)
        for row in await self._held.reopened():
            self._push(row)
        for row in await self._held.due(busy=self._queues):
            self._push(row)
        while True:
            async with self.db.read_in_turn() as tx:
                pending = await rows.pending_after(tx, self._loaded_upto, LOAD_BATCH)
            if not pending:
                return
            self._loaded_upto = pending[-1].id
            for row in pending:
                if row.chat.platform not in self.senders:
                    continue  # platform off in this run: sent when it is on again
                if row.chat.key in self._waiting:
                    continue  # waits for the resident's next message
                row = self._held.placed(row)
                if self._held.is_held(row.chat):
                    continue  # the bot cannot post there: it waits to be let back in
                self._push(row)

    async def _reopened_chats(self) -> list[OutboxRow]:
        """What waited for residents who have written since."""
        found: list[OutboxRow] = []
        for key in list(self._heard):
            self._heard.discard(key)
            chat = self._waiting.pop(key, None)
            if chat is None:
                continue
            async with self.db.read_in_turn() as tx:
                waiting = await rows.pending_to(tx, chat)
            if waiting:
                log.info("%s wrote again: sending %s waiting message(s)", chat.key, len(waiting))
            found.extend(waiting)
        return found

    def _push(self, row: OutboxRow) -> None:
        """Queue ``row`` for its chat, starting the chat's worker if needed."""
        queue = self._queues.get(row.chat.key)
        if queue is None:
            queue = self._queues[row.chat.key] = _ChatQueue(row.chat)
        queue.push(row)
        if queue.worker is None and not self._stopping:
            queue.worker = asyncio.create_task(self._work(queue))

    async def stop(self, grace_s: float = STOP_GRACE_S) -> None:
        """Shutdown: take no more rows, give sends already under way up to
        ``grace_s`` seconds to finish and be recorded, then stop every
        chat's worker and let pending writes finish. Rows not yet taken stay
        'pending' for the next run; a send cut short even so stays 'sending'
        and is 'unknown' after a restart."""
        self._stopping = True
        self._wake.set()
        workers = [q.worker for q in self._queues.values() if q.worker is not None]
        if workers:
            await asyncio.wait(workers, timeout=grace_s)
        for worker in workers:
            worker.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        await self._commit.wait_idle()

    def busy(self) -> bool:
        """Whether any chat has rows taken and not yet done."""
        return bool(self._queues)

    async def flush(self, within_s: float = 30.0) -> None:
        """Send everything pending now and wait until it is done (sent or
        ended). Raises TimeoutError after ``within_s`` seconds (real time)."""
        async with asyncio.timeout(within_s):
            while True:
                await self._load()
                workers = [q.worker for q in self._queues.values() if q.worker is not None]
                if not workers:
                    return
                await asyncio.gather(*workers, return_exceptions=True)

    async def _work(self, queue: _ChatQueue) -> None:
        chat = queue.chat
        sender = self.senders[chat.platform]
        pacer = self.pacers[chat.platform]
        failures = 0
        try:
            while queue.heap and not self._stopping:
                if self.rooms is not None and chat.kind != "private":
                    moved = self.rooms.current_chat(chat)
                    if moved != chat:  # the room moved: what waits here goes there
                        for row in queue.clear():
                            self._push(replace(row, chat=moved))
                        break
                await pacer.wait_for_chat(chat)
                batch = self._take(queue)
                try:
                    await pacer.wait_overall(batch[0].priority)
                    done = await self._send(sender, chat, batch)
                except asyncio.CancelledError:
                    raise
                except Exception:
                    # Not a delivery outcome (those are handled in _send): the
                    # bookkeeping failed. Keep the rows and try them again later,
                    # rather than leave them pending where no one loads them.
                    failures += 1
                    delay = self.retry.backoff(failures)
                    log.exception(
                        "dispatcher error chat=%s outbox=%s; trying again in %ss",
                        chat.key,
                        [row.id for row in batch],
                        delay,
                    )
                    for row in batch:
                        queue.push(row)
                    await asyncio.sleep(delay)
                    continue
                failures = 0
                if not done:
                    for row in batch:
                        queue.push(row)
        finally:
            queue.worker = None
            if queue.heap and not self._stopping:
                queue.worker = asyncio.create_task(self._work(queue))
            else:
                self._queues.pop(chat.key, None)
                pacer.forget(chat)

    def _take(self, queue: _ChatQueue) -> list[OutboxRow]:
        """The next row, or several waiting cards combined into one message."""
        first = queue.pop()
        if first.purpose not in CARD_PURPOSES:
            return [first]
        batch = [first]
        sender = self.senders[first.chat.platform]
        limit = sender.max_length - 200  # room for the combined header
        length = sender.measure(first.body)
        most = min(MAX_CARDS_COMBINED, sender.max_button_rows)
        while queue.heap and len(batch) < most:
            _priority, _id, candidate = queue.heap[0]
            extra = sender.measure(candidate.body) + 2
            if (
                candidate.purpose not in CARD_PURPOSES
                or candidate.priority != first.priority  # a flood's cards go apart from others'
                or length + extra > limit
            ):
                break
            batch.append(queue.pop())
            length += extra
        return batch

    async def _posted_before(self, row: OutboxRow) -> tuple[str | None, str | None]:
        """For a post in a public room: the session's opening post it belongs
        under (``Outgoing.under``), and the earlier part of the same answer
        it continues (``Outgoing.continues``)."""
        if row.chat.kind != "channel" or row.purpose not in UNDER_SESSION_POST:
            return None, None
        async with self.db.read() as tx:
            under = await rows.session_post(tx, row.chat, row.id)
            continues = None
            if row.purpose == OutboxPurpose.PUBLICATION and row.question_id is not None:
                continues = await rows.earlier_part(tx, row.chat, row.id, row.question_id)
        return under, continues

    def _compose(
        self, batch: list[OutboxRow], under: str | None = None, continues: str | None = None
    ) -> Outgoing:
        first = batch[0]
        if len(batch) == 1:
            return Outgoing(
                first.id,
                first.chat,
                first.body,
                first.buttons,
                first.reply_to_message_id,
                first.alert_role_id,
                thread_id=first.thread_id,
                copy_from=first.copy_from,
                edit_of=first.edit_of,
                purpose=first.purpose.value,
                under=under,
                continues=continues,
            )
        body: Rich = join([row.body for row in batch], "\n\n")
        platform = first.chat.platform
        header = self.wording.render_for(
            platform, "cards_combined", count=len(batch), prefix=self.wording.prefix(platform)
        )
        body = join([header, body], "\n\n")
        buttons = tuple(button_row for row in batch for button_row in row.buttons)
        return Outgoing(first.id, first.chat, body, buttons, None, purpose=first.purpose.value)

    async def _send(self, sender: Sender, chat: ChatRef, batch: list[OutboxRow]) -> bool:
        """Send one message (``batch``: its rows, several when cards are
        combined); return False when it should be tried again. Marks the rows
        'sending' first, then 'sent' with the platform's message id, or what
        the failure says (``_after_failure``)."""
        if not await self._mark_sending(chat, batch):
            return True
        under, continues = await self._posted_before(batch[0])
        await self.pacers[chat.platform].at_wire()
        self._send_began[chat.key] = asyncio.get_running_loop().time()
        try:
            message_id = await sender.send(self._compose(batch, under, continues))
        except Exception as error:
            return await self._after_failure(sender, chat, batch, error)
        finally:
            self._send_began.pop(chat.key, None)
        ids = [row.id for row in batch]
        sent_at = self.clock.now()
        card_ids = [r.question_id for r in batch if r.purpose in RECORDED_AS_CARD and r.question_id]

        forgotten = [r.id for r in batch if r.purpose in NO_COPY_KEPT]
        went = [r for r in batch if r.waits_since is not None]

        async def sent(tx: Tx) -> None:
            await rows.mark_sent(tx, ids, message_id, sent_at)
            if forgotten:  # the last word to a forgotten resident (or an address to confirm)
                await rows.delete(tx, forgotten)
                self.db.erased()
            if card_ids:
                await rows.record_card(tx, chat, message_id, card_ids)
            if went and self.report_went is not None:
                await self.report_went(tx, went, sent_at)
            if self.rooms is not None and chat.kind != "private":
                await self.rooms.can_post(tx, chat, sent_at)  # recorded as unreachable: no longer

        await self._write(sent, f"marking chat={chat.key} outbox={ids} sent")
        return True

    async def _mark_sending(self, chat: ChatRef, batch: list[OutboxRow]) -> bool:
        """Mark ``batch``'s rows 'sending' (committed before the request);
        ``batch`` keeps only those still pending (a row erased since it was
        loaded is not sent). False when nothing is left to send: the batch
        was gone, or the resident is unreachable (the rows are skipped)."""
        now = self.clock.now()
        outcome: dict[str, set[int]] = {}

        async def sending(tx: Tx) -> None:
            outcome.clear()  # a write retried after a lock starts afresh
            ids = [row.id for row in batch]
            if chat.kind == "private" and await residents.is_unreachable(
                tx, chat.platform, chat.chat_id
            ):
                reason = self.wording.text("reason_unreachable")
                await rows.mark(tx, ids, OutboxState.SKIPPED, reason)
                await self._report(tx, batch, OutboxState.SKIPPED, reason, now)
                outcome["moved"] = set()
                return
            outcome["moved"] = await rows.mark_sending(tx, ids)

        await self._write(
            sending, f"marking chat={chat.key} outbox={[r.id for r in batch]} sending"
        )
        moved = outcome["moved"]
        batch[:] = [row for row in batch if row.id in moved]
        return bool(batch)

    async def _after_failure(
        self, sender: Sender, chat: ChatRef, batch: list[OutboxRow], error: Exception
    ) -> bool:
        """What a send that raised ``error`` leaves (the table in
        docs/architecture.md, "Delivery that fails"); False: try again."""
        ids = [row.id for row in batch]
        reason = self.scrub(str(error))
        if isinstance(error, RetryLater):
            log.warning("rate limited chat=%s retry_after=%ss", chat.key, error.retry_after)
            return await self._again(batch, reason, error.retry_after)
        if isinstance(error, NotSent):
            # Not done by the platform (never reached it, or it said it failed):
            # safe to try again, with back-off, until it goes or is given up.
            attempts = max(row.attempts for row in batch) + 1
            batch[:] = [_with_attempts(row, attempts) for row in batch]
            delay = self.retry.backoff(attempts)
            # An outage (ServerDown) is said once by its adapter, not per message.
            level = logging.DEBUG if isinstance(error, ServerDown) else logging.WARNING
            log.log(level, "not sent chat=%s: %s; retrying in %ss", chat.key, error, delay)
            return await self._again(batch, reason, delay)
        if isinstance(error, WaitsForResident) and chat.kind == "private":
            await self._wait_for_resident(chat, batch)
            return True
        if isinstance(error, Unreachable):
            log.warning("recipient unreachable chat=%s: %s", chat.key, error)
            await self._unreachable(chat, batch, reason)
            self._drop_queue(chat)
            return True
        room = self.rooms is not None and chat.kind != "private"
        if isinstance(error, Moved) and room and error.new_chat_id != chat.chat_id:
            await self._moved(chat, batch, error, reason)
            return True
        if isinstance(error, NoAccess) and room:
            await self._no_access(chat, batch, reason)
            return True
        if isinstance(error, NoAccess) and chat.kind == "private":
            log.warning("recipient unreachable chat=%s: %s", chat.key, error)
            await self._unreachable(chat, batch, reason)
            self._drop_queue(chat)
            return True
        if isinstance(error, Rejected | Moved | NoAccess):
            log.error("message rejected chat=%s outbox=%s: %s", chat.key, ids, error)
            await self._end(batch, OutboxState.FAILED, reason)
            return True
        if isinstance(error, OutcomeUnknown):
            if sender.idempotent:  # a repeat cannot make a second message
                log.warning("outcome unknown chat=%s: %s; sending again", chat.key, error)
                return await self._again(batch, reason, self.retry.first_backoff_s)
            log.warning("delivery outcome unknown chat=%s outbox=%s: %s", chat.key, ids, error)
            await self._end(batch, OutboxState.UNKNOWN, reason)
            return True
        log.error("send failed unexpectedly chat=%s outbox=%s", chat.key, ids, exc_info=error)
        await self._end(batch, OutboxState.UNKNOWN, self.scrub(repr(error)))
        return True

    async def _again(self, batch: list[OutboxRow], error: str, wait_s: float) -> bool:
        """After a failure that may pass: back to 'pending' and wait ``wait_s``
        (returns False: try again), or, once the retry window since the first
        failure has passed, give the message up (returns True)."""
        now = self.clock.now()
        chat = batch[0].chat
        since = min(row.retry_since or now for row in batch)
        window = self.retry.window(chat)
        if now - since >= window:
            reason = self.wording.text(
                "reason_given_up", window=self._duration(window), error=error
            )
            log.error(
                "delivery given up chat=%s outbox=%s: %s", chat.key, [r.id for r in batch], reason
            )
            await self._end(batch, OutboxState.FAILED, reason)
            return True
        ids = [row.id for row in batch]

        async def write(tx: Tx) -> None:
            await rows.retry_later(tx, ids, error, since)

        await self._write(write, f"marking outbox={ids} for a retry")
        batch[:] = [replace(row, retry_since=since) for row in batch]
        await asyncio.sleep(wait_s)
        return False

    def _duration(self, delta: timedelta) -> str:
        """A give-up window as officers read it: ``24 h``, ``30 min``."""
        hours = delta.total_seconds() / 3600
        if hours >= 1:
            return self.wording.text("duration_hours", hours=f"{hours:g}")
        return self.wording.text("duration_minutes", minutes=f"{delta.total_seconds() / 60:g}")

    async def _end(self, batch: Sequence[OutboxRow], state: OutboxState, error: str) -> None:
        """A final state other than 'sent', and what officers must be told."""
        ids = [row.id for row in batch]
        now = self.clock.now()

        async def write(tx: Tx) -> None:
            await rows.mark(tx, ids, state, error)
            await self._report(tx, batch, state, error, now)

        await self._write(write, f"marking outbox={ids} {state}")

    async def _report(
        self,
        tx: Tx,
        batch: Sequence[OutboxRow],
        state: OutboxState,
        error: str,
        now: datetime,
    ) -> None:
        if self.report is not None:
            await self.report(tx, batch, state, error, now)

    async def _write(self, write: Write, what: str = "") -> None:
        """Commit the dispatcher's own bookkeeping. A database held by another
        connection for longer than the busy timeout is waited out with
        back-off: a state change is never dropped."""
        failures = 0
        while True:
            try:
                await self._commit.write(write)
                return
            except Exception as error:
                if not is_busy(error):
                    raise
                failures += 1
                delay = self.retry.backoff(failures)
                log.warning("database busy (%s) %s; writing again in %ss", error, what, delay)
                await asyncio.sleep(delay)

    async def _unreachable(self, chat: ChatRef, batch: list[OutboxRow], error: str) -> None:
        now = self.clock.now()
        ids = [row.id for row in batch]

        async def write(tx: Tx) -> None:
            await rows.mark(tx, ids, OutboxState.FAILED, error)
            await self._report(tx, batch, OutboxState.FAILED, error, now)
            await residents.mark_unreachable(tx, chat.platform, chat.chat_id, now)
            skipped = await rows.skip_pending_to(tx, chat, self.wording.text("reason_unreachable"))
            for row in await rows.get_many(tx, skipped):
                await self._report(
                    tx, [row], OutboxState.SKIPPED, self.wording.text("reason_unreachable"), now
                )

        await self._write(write)

    async def _wait_for_resident(self, chat: ChatRef, batch: list[OutboxRow]) -> None:
        """The platform lets the bot write to ``chat`` only once its resident
        writes again: the message, and all that waits for the chat, wait for
        that (never given up); officers are told of the answers among them,
        once each."""
        now = self.clock.now()
        reason = self.wording.text("reason_waits_for_resident")
        queue = self._queues.get(chat.key)
        waiting = [*batch, *(queue.clear() if queue is not None else [])]
        ids = [row.id for row in waiting]

        async def write(tx: Tx) -> None:
            new = set(await rows.wait_for_resident(tx, ids, reason, now))
            if self.report_waiting is not None and new:
                await self.report_waiting(tx, [r for r in waiting if r.id in new], now)

        await self._write(write, f"holding chat={chat.key} for the resident")
        log.info("%s message(s) to %s wait for the resident's next message", len(waiting), chat.key)
        self._waiting[chat.key] = chat
        began = self._send_began.get(chat.key)
        heard = self._heard_at.get(chat.key)
        if began is not None and heard is not None and heard >= began:
            # They wrote while this send was being refused: their window is open again.
            self._heard.add(chat.key)
            self._wake.set()

    def _drop_queue(self, chat: ChatRef) -> None:
        queue = self._queues.get(chat.key)
        if queue is not None:
            queue.clear()

    async def _moved(
        self, chat: ChatRef, batch: list[OutboxRow], error: Moved, reason: str
    ) -> None:
        """The room has a new id: the message, and everything waiting for the
        room, go there (recorded, and the administrator told, by ``rooms``)."""
        assert self.rooms is not None
        rooms = self.rooms
        now = self.clock.now()
        ids = [row.id for row in batch]

        async def write(tx: Tx) -> None:
            await rows.mark(tx, ids, OutboxState.PENDING, reason)
            await rooms.moved(tx, chat, error.new_chat_id, now)
            await room_rows.repoint_waiting(tx, chat.platform, chat.chat_id, error.new_chat_id)

        await self._write(write, f"moving chat={chat.key} to {error.new_chat_id}")
        queue = self._queues.get(chat.key)
        waiting = [*batch, *(queue.clear() if queue is not None else [])]
        new = ChatRef(chat.platform, error.new_chat_id, chat.kind)
        for row in waiting:
            self._push(replace(row, chat=new))

    async def _no_access(self, chat: ChatRef, batch: list[OutboxRow], reason: str) -> None:
        """The bot cannot post in the room: the message goes back to wait
        with the rest of the room's, until it is let back in."""
        assert self.rooms is not None
        rooms = self.rooms
        now = self.clock.now()
        ids = [row.id for row in batch]

        async def write(tx: Tx) -> None:
            await rows.mark(tx, ids, OutboxState.PENDING, reason)
            await rooms.cannot_post(tx, chat, reason, now)

        await self._write(write, f"holding chat={chat.key}")
        self._held.tried(chat, now)
        self._drop_queue(chat)


def _with_attempts(row: OutboxRow, attempts: int) -> OutboxRow:
    return replace(row, attempts=attempts)
