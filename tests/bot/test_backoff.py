"""The one back-off helper (bot.edge.backoff): the adapters' reconnect loops,
Telegram's getUpdates and the supervisor wait with it."""

from __future__ import annotations

import pytest

from bot.edge.backoff import Backoff


def test_doubles_from_the_first_delay_up_to_the_ceiling() -> None:
    backoff = Backoff()
    assert [backoff.take() for _ in range(9)] == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_reset_starts_again_and_longest_jumps_to_the_ceiling() -> None:
    backoff = Backoff(2.0, 60.0)
    assert [backoff.take() for _ in range(3)] == [2, 4, 8]
    backoff.reset()
    assert backoff.delay == 2.0
    backoff.longest()
    assert [backoff.take() for _ in range(2)] == [60, 60]


async def test_wait_sleeps_the_next_delay() -> None:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    backoff = Backoff(sleep=sleep)
    for _ in range(3):
        await backoff.wait()
    assert slept == [1.0, 2.0, 4.0]
    assert backoff.delay == 8.0


@pytest.mark.parametrize(("first", "ceiling"), [(0.0, 60.0), (61.0, 60.0), (-1.0, 1.0)])
def test_refuses_delays_that_make_no_sense(first: float, ceiling: float) -> None:
    with pytest.raises(ValueError, match="first_s"):
        Backoff(first, ceiling)


def test_after_counts_failures_kept_elsewhere() -> None:
    """The dispatcher keeps each row's failures; ``after(n)`` is the wait
    after the n-th in a row, as the loop's waits would be."""
    delays = Backoff(1.0, 60.0)
    loop = [delays.take() for _ in range(9)]
    assert [Backoff(1.0, 60.0).after(n) for n in range(1, 10)] == loop
    assert Backoff(1.0, 60.0).after(0) == 1.0
    assert Backoff(1.0, 60.0).after(10_000) == 60.0
