"""Keeping a service running: a service that fails is logged and started
again after a back-off that doubles (1 s, 2 s, 4 s ... up to 60 s) while it
keeps failing, and starts from 1 s again once it has run for a healthy
spell (60 s) before failing."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from bot.edge.backoff import Backoff

log = logging.getLogger("forumbot")

FIRST_DELAY_S = 1.0
MAX_DELAY_S = 60.0
HEALTHY_AFTER_S = 60.0


async def keep_running(
    name: str,
    run: Callable[[], Awaitable[None]],
    *,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    monotonic: Callable[[], float] = time.monotonic,
    healthy_after_s: float = HEALTHY_AFTER_S,
) -> None:
    """Await ``run()`` until it returns (then return) or is cancelled (then
    raise CancelledError); after any other exception, log it and call it
    again after the back-off. ``sleep`` and ``monotonic`` (seconds) are
    replaceable in tests; a run that lasted ``healthy_after_s`` seconds or
    more resets the back-off to its first delay."""
    backoff = Backoff(FIRST_DELAY_S, MAX_DELAY_S, sleep=sleep)
    while True:
        started = monotonic()
        try:
            await run()
            return
        except asyncio.CancelledError:
            raise
        except Exception:
            if monotonic() - started >= healthy_after_s:
                backoff.reset()
            log.exception("%s failed; restarting in %ss", name, int(backoff.delay))
            await backoff.wait()
