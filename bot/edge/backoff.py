"""Waiting before trying again: a delay that doubles while something keeps
failing, up to a ceiling, and starts again from the first delay when told.

One helper for every loop that tries again: each adapter's reconnect loop,
Telegram's ``getUpdates``, the supervisor (``forumbot.supervisor``), the
intake while the database is busy, and the dispatcher's retries of a send.
When to start again from the first delay is the caller's rule (a connection
made, a healthy spell), so it stays next to the code that knows it.

    delays = Backoff()                     # 1 s, 2 s, 4 s ... 60 s, 60 s ...
    while True:
        try:
            await connect()
            delays.reset()
            await serve()
        except Failure:
            log.warning("failed; retrying in %ss", int(delays.delay))
            await delays.wait()
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

FIRST_DELAY_S = 1.0
MAX_DELAY_S = 60.0


class Backoff:
    """Delays in seconds: ``first_s``, then doubling, never above ``max_s``.

    ``delay`` is the next wait (for the log line that announces it);
    ``take()`` returns it and doubles what follows; ``wait()`` takes it and
    sleeps that long. ``sleep`` is replaceable in tests (it is given
    seconds)."""

    def __init__(
        self,
        first_s: float = FIRST_DELAY_S,
        max_s: float = MAX_DELAY_S,
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if not 0 < first_s <= max_s:
            raise ValueError(f"need 0 < first_s <= max_s, got {first_s} and {max_s}")
        self.first_s = first_s
        self.max_s = max_s
        self.delay = first_s
        self._sleep = sleep

    def reset(self) -> None:
        """Start again from the first delay (it worked, or ran long enough)."""
        self.delay = self.first_s

    def longest(self) -> None:
        """Make the next wait the ceiling (a failure that will not clear
        soon, such as a refused token)."""
        self.delay = self.max_s

    def after(self, failures: int) -> float:
        """The wait after the ``failures``-th failure in a row (1 the first),
        without keeping count here: for callers that keep the count
        elsewhere (the dispatcher keeps it on each outbox row)."""
        doublings = min(max(failures, 1) - 1, 32)
        return float(min(self.first_s * 2.0**doublings, self.max_s))

    def take(self) -> float:
        """The next wait in seconds; the one after it is twice as long (at
        most ``max_s``)."""
        delay = self.delay
        self.delay = min(delay * 2, self.max_s)
        return delay

    async def wait(self) -> None:
        """Sleep the next wait (``take()``). Cancellation passes through."""
        await self._sleep(self.take())
