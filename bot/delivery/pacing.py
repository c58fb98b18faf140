"""How fast the dispatcher may send: one limit for the whole platform and one
per chat (private chats and groups or channels differ).

Per chat, leaky buckets (aiolimiter). For the whole platform, a gate that
lets waiting sends through in priority order: when ten thousand alerts are
queued, a resident's acknowledgement still goes next, not last.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import math
from collections import deque

from aiolimiter import AsyncLimiter

from bot.edge.chat import ChatRef
from bot.edge.pace import Pace as Pace  # where adapters say their limits

# The platform counts arrivals in a sliding second; a send may reach it later
# than it left the gate and bunch with the next. Staying this far below the
# limit keeps network jitter from ever tipping a second over it.
HEADROOM = 0.97
# The gate runs this much slower than the send window allows, so the window
# only ever holds back a send that bunched, and never builds a queue of its own.
GATE_SLACK = 0.995


class PriorityGate:
    """At most ``rate`` passes a second, spaced evenly. Whoever waits with
    the lowest priority number passes first; equal priorities in arrival
    order."""

    def __init__(self, rate: float) -> None:
        self._interval = 1.0 / rate
        self._next_at = 0.0
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._order = itertools.count()
        self._releaser: asyncio.Task[None] | None = None

    async def acquire(self, priority: int) -> None:
        loop = asyncio.get_running_loop()
        now = loop.time()
        if not self._waiting and now >= self._next_at:
            self._advance(now)
            return
        ticket: asyncio.Future[None] = loop.create_future()
        heapq.heappush(self._waiting, (priority, next(self._order), ticket))
        if self._releaser is None or self._releaser.done():
            self._releaser = asyncio.create_task(self._release())
        await ticket

    def _advance(self, now: float) -> None:
        """The next pass: one interval on, kept to the beat while busy (a
        late timer must not slow the rate), never closer than an interval."""
        if now - self._next_at < self._interval:
            self._next_at += self._interval
        else:
            self._next_at = now + self._interval

    async def _release(self) -> None:
        loop = asyncio.get_running_loop()
        while self._waiting:
            delay = self._next_at - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            while self._waiting:
                _priority, _order, ticket = heapq.heappop(self._waiting)
                if not ticket.done():  # a cancelled waiter gives its turn away
                    ticket.set_result(None)
                    self._advance(loop.time())
                    break

    def waiting(self) -> int:
        return len(self._waiting)


class SendWindow:
    """At most ``count`` sends start in any ``span`` seconds, and no two
    closer than ``min_gap``: the platform's own count, taken just before the
    request goes out. The gate spaces sends evenly, but a write to the
    database between the gate and the wire can hold one back until it bunches
    with the next. A sliding window alone would then repeat that bunch a
    second later, exactly at the edge where network jitter tips the
    platform's count over; the gap keeps sends apart at the edge too."""

    def __init__(self, count: int, span: float = 1.0, min_gap: float = 0.0) -> None:
        self._count = max(1, count)
        self._span = span
        self._min_gap = min_gap
        self._starts: deque[float] = deque()
        self._turns = asyncio.Lock()

    async def wait(self) -> None:
        async with self._turns:  # first come, first served: nobody starves
            await self._wait()

    @property
    def last_start(self) -> float | None:
        """When (the event loop's clock, s) the latest send was let through;
        None before the first."""
        return self._starts[-1] if self._starts else None

    async def _wait(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            now = loop.time()
            while self._starts and now - self._starts[0] >= self._span:
                self._starts.popleft()
            delay = 0.0
            if len(self._starts) >= self._count:
                delay = self._span - (now - self._starts[0])
            if self._starts:
                delay = max(delay, self._min_gap - (now - self._starts[-1]))
            if delay <= 0:
                self._starts.append(now)
                return
            await asyncio.sleep(delay)


class Pacer:
    def __init__(self, pace: Pace) -> None:
        self.pace = pace
        self._overall: PriorityGate | None = None
        self._wire: SendWindow | None = None
        if pace.overall_per_s is not None:
            per_second = max(1, math.floor(pace.overall_per_s * HEADROOM))
            self._overall = PriorityGate(per_second * GATE_SLACK)
            self._wire = SendWindow(per_second, min_gap=0.8 / per_second)
        self._chats: dict[str, AsyncLimiter] = {}

    def _chat_limiter(self, chat: ChatRef) -> AsyncLimiter | None:
        limiter = self._chats.get(chat.key)
        if limiter is not None:
            return limiter
        burst = max(1, self.pace.burst)
        if chat.kind == "private":
            if self.pace.per_chat_per_s is None:
                return None
            limiter = AsyncLimiter(burst, burst / self.pace.per_chat_per_s)
        else:
            if self.pace.per_group_per_min is None:
                return None
            limiter = AsyncLimiter(burst, burst * 60.0 / self.pace.per_group_per_min)
        self._chats[chat.key] = limiter
        return limiter

    async def wait_for_chat(self, chat: ChatRef) -> None:
        limiter = self._chat_limiter(chat)
        if limiter is not None:
            await limiter.acquire()

    async def wait_overall(self, priority: int = 0) -> None:
        if self._overall is not None:
            await self._overall.acquire(priority)

    async def at_wire(self) -> None:
        """Just before the request: never more starts in a second than the
        platform allows, whatever happened since the gate."""
        if self._wire is not None:
            await self._wire.wait()

    def forget(self, chat: ChatRef) -> None:
        """Drop an idle chat's bucket once it has drained (keeps memory flat)."""
        limiter = self._chats.get(chat.key)
        if limiter is not None and limiter.has_capacity(limiter.max_rate):
            del self._chats[chat.key]
