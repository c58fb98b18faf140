"""Sends the outbox: one worker per chat with waiting messages, paced per chat
and per platform, so a backlog to one chat never delays another. Each send is
marked 'sending' durably before it goes out; after a crash such rows are
'unknown' and are not blindly repeated."""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from bot.chat import ChatRef
from bot.clock import Clock
from bot.delivery import (
    NotSent,
    OutcomeUnknown,
    Outgoing,
    Rejected,
    RetryLater,
    Sender,
    Unreachable,
)
from bot.group_commit import GroupCommit
from bot.pacing import Pacer
from bot.rich import Rich, Span, join
from bot.store import outbox as rows
from bot.store import resident as residents
from bot.store.database import Database, Tx
from bot.store.outbox import OutboxRow

log = logging.getLogger("forumbot.dispatcher")

CARD_PURPOSES = ("card",)
MAX_CARDS_COMBINED = 10
RETRY_BACKOFF_S = 0.5
RETRY_BACKOFF_MAX_S = 60.0
LOAD_BATCH = 1000


@dataclass
class _ChatQueue:
    chat: ChatRef
    heap: list[tuple[int, int, OutboxRow]] = field(default_factory=list)
    worker: asyncio.Task[None] | None = None

    def push(self, row: OutboxRow) -> None:
        heapq.heappush(self.heap, (row.priority, row.id, row))

    def pop(self) -> OutboxRow:
        return heapq.heappop(self.heap)[2]


class Dispatcher:
    def __init__(
        self,
        db: Database,
        senders: Mapping[str, Sender],
        pacers: Mapping[str, Pacer],
        clock: Clock,
        combined_header: Callable[[int, str], Rich] | None = None,
    ) -> None:
        self.db = db
        self._combined_header = combined_header or (
            lambda count, _platform: (Span(f"{count} new questions", bold=True),)
        )
        self.senders = dict(senders)
        self.pacers = dict(pacers)
        self.clock = clock
        self._commit = GroupCommit(db)
        self._wake = asyncio.Event()
        self._queues: dict[str, _ChatQueue] = {}
        self._loaded_upto = 0
        self._idle = asyncio.Event()
        self._stopping = False

    def wake(self) -> None:
        self._wake.set()

    async def recover(self) -> None:
        """Rows whose send was under way when the process stopped: sent again
        where the platform drops repeats (nonce), else left as unknown."""
        repeatable = [name for name, sender in self.senders.items() if sender.idempotent]
        async with self.db.transaction() as tx:
            ids = await rows.interrupted(tx, exclude_platforms=repeatable)
            await rows.mark(tx, ids, "unknown", "process stopped during the send")
            retried = await rows.interrupted(tx, only_platforms=repeatable)
            await rows.mark(tx, retried, "pending", "process stopped during the send")
        for outbox_id in ids:
            log.warning("delivery outcome unknown after restart outbox=%s; not resent", outbox_id)

    async def run(self) -> None:
        await self.recover()
        while True:
            self._wake.clear()
            await self._load()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=5.0)

    async def _load(self) -> None:
        while True:
            async with self.db.read_in_turn() as tx:
                pending = await rows.pending_after(tx, self._loaded_upto, LOAD_BATCH)
            if not pending:
                return
            self._loaded_upto = pending[-1].id
            for row in pending:
                if row.chat.platform not in self.senders:
                    continue  # platform off in this run: sent when it is on again
                queue = self._queues.get(row.chat.key)
                if queue is None:
                    queue = self._queues[row.chat.key] = _ChatQueue(row.chat)
                queue.push(row)
                if queue.worker is None:
                    queue.worker = asyncio.create_task(self._work(queue))

    async def stop(self) -> None:
        """Stop every chat's worker and let pending writes finish (shutdown).
        A send cut short stays 'sending' and is 'unknown' after a restart."""
        self._stopping = True
        workers = [q.worker for q in self._queues.values() if q.worker is not None]
        for worker in workers:
            worker.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        await self._commit.wait_idle()

    def busy(self) -> bool:
        return bool(self._queues)

    async def flush(self, within_s: float = 30.0) -> None:
        """Send everything pending now and wait until it is done."""
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
        try:
            while queue.heap:
                await pacer.wait_for_chat(chat)
                batch = self._take(queue)
                await pacer.wait_overall(batch[0].priority)
                done = await self._send(sender, chat, batch)
                if not done:
                    for row in batch:
                        queue.push(row)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("dispatcher worker failed chat=%s", chat.key)
        finally:
            queue.worker = None
            if queue.heap and not self._stopping:
                queue.worker = asyncio.create_task(self._work(queue))
            else:
                del self._queues[chat.key]
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
            if candidate.purpose not in CARD_PURPOSES or length + extra > limit:
                break
            batch.append(queue.pop())
            length += extra
        return batch

    def _compose(self, batch: list[OutboxRow]) -> Outgoing:
        first = batch[0]
        if len(batch) == 1:
            return Outgoing(
                first.id,
                first.chat,
                first.body,
                first.buttons,
                first.reply_to_message_id,
                first.alert_role_id,
            )
        body: Rich = join([row.body for row in batch], "\n\n")
        header = self._combined_header(len(batch), first.chat.platform)
        body = join([header, body], "\n\n")
        buttons = tuple(button_row for row in batch for button_row in row.buttons)
        return Outgoing(first.id, first.chat, body, buttons, None)

    async def _send(self, sender: Sender, chat: ChatRef, batch: list[OutboxRow]) -> bool:
        """Send one message; return False when it should be tried again."""
        ids = [row.id for row in batch]
        gone: list[bool] = []

        async def sending(tx: Tx) -> None:
            if chat.kind == "private" and await residents.is_unreachable(
                tx, chat.platform, chat.chat_id
            ):
                await rows.mark(tx, ids, "skipped", "recipient unreachable")
                gone.append(True)
                return
            moved = await rows.mark_sending(tx, ids)
            if len(moved) < len(ids):
                batch[:] = [row for row in batch if row.id in moved]
                ids[:] = [row.id for row in batch]
                if not batch:
                    gone.append(True)

        await self._commit.write(sending)
        if gone:
            return True
        await self.pacers[chat.platform].at_wire()
        try:
            message_id = await sender.send(self._compose(batch))
        except RetryLater as error:
            log.warning("rate limited chat=%s retry_after=%ss", chat.key, error.retry_after)
            await self._mark(ids, "pending", str(error))
            await asyncio.sleep(error.retry_after)
            return False
        except NotSent as error:
            # Never reached the platform: safe to retry until it is back.
            attempts = max(row.attempts for row in batch) + 1
            delay = min(RETRY_BACKOFF_S * 2 ** min(attempts, 10), RETRY_BACKOFF_MAX_S)
            log.warning("not sent chat=%s: %s; retrying in %ss", chat.key, error, delay)
            await self._mark(ids, "pending", str(error))
            await asyncio.sleep(delay)
            batch[:] = [_with_attempts(row, attempts) for row in batch]
            return False
        except Unreachable as error:
            log.warning("recipient unreachable chat=%s: %s", chat.key, error)
            await self._unreachable(chat, ids, str(error))
            self._drop_queue(chat)
            return True
        except Rejected as error:
            log.error("message rejected chat=%s outbox=%s: %s", chat.key, ids, error)
            await self._mark(ids, "failed", str(error))
            return True
        except OutcomeUnknown as error:
            if sender.idempotent:  # a repeat cannot make a second message
                log.warning("outcome unknown chat=%s: %s; sending again", chat.key, error)
                await self._mark(ids, "pending", str(error))
                await asyncio.sleep(RETRY_BACKOFF_S)
                return False
            log.warning("delivery outcome unknown chat=%s outbox=%s: %s", chat.key, ids, error)
            await self._mark(ids, "unknown", str(error))
            return True
        except Exception as error:
            log.exception("send failed unexpectedly chat=%s outbox=%s", chat.key, ids)
            await self._mark(ids, "unknown", repr(error))
            return True
        now = self.clock.now()
        card_ids = [r.question_id for r in batch if r.purpose in CARD_PURPOSES and r.question_id]

        async def sent(tx: Tx) -> None:
            await rows.mark_sent(tx, ids, message_id, now)
            if card_ids:
                await rows.record_card(tx, chat, message_id, card_ids)

        await self._commit.write(sent)
        return True

    async def _mark(self, ids: list[int], state: str, error: str | None) -> None:
        async def write(tx: Tx) -> None:
            await rows.mark(tx, ids, state, error)

        await self._commit.write(write)

    async def _unreachable(self, chat: ChatRef, ids: list[int], error: str) -> None:
        now = self.clock.now()

        async def write(tx: Tx) -> None:
            await rows.mark(tx, ids, "failed", error)
            await residents.mark_unreachable(tx, chat.platform, chat.chat_id, now)
            await rows.skip_pending_to(tx, chat, "recipient unreachable")

        await self._commit.write(write)

    def _drop_queue(self, chat: ChatRef) -> None:
        queue = self._queues.get(chat.key)
        if queue is not None:
            queue.heap.clear()


def _with_attempts(row: OutboxRow, attempts: int) -> OutboxRow:
    return replace(row, attempts=attempts)
