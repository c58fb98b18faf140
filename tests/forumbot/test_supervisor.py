"""The supervisor's back-off: doubles while a service keeps failing, starts
from 1 s again after a healthy spell, with a fake clock and sleep (no real
waiting)."""

from __future__ import annotations

import asyncio
import logging

import pytest

from forumbot.supervisor import HEALTHY_AFTER_S, MAX_DELAY_S, keep_running


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


async def test_the_back_off_doubles_while_failing_and_resets_after_a_healthy_spell(
    caplog: pytest.LogCaptureFixture,
) -> None:
    time = FakeTime()
    # How long each run lasts before it fails; the last one returns.
    lasted = [0.1, 0.1, 0.1, 0.1, HEALTHY_AFTER_S + 1, 0.1, 0.1, 30.0, 0.1, None]
    runs = iter(lasted)

    async def service() -> None:
        spell = next(runs)
        if spell is None:
            return
        time.now += spell
        raise RuntimeError("boom")

    with caplog.at_level(logging.ERROR, logger="forumbot"):
        await asyncio.wait_for(
            keep_running("intake", service, sleep=time.sleep, monotonic=time.monotonic), 5
        )
    assert time.slept == [1.0, 2.0, 4.0, 8.0, 1.0, 2.0, 4.0, 8.0, 16.0]
    assert caplog.text.count("intake failed; restarting in") == 9
    assert "intake failed; restarting in 1s" in caplog.text


async def test_the_back_off_stops_growing_at_its_ceiling() -> None:
    time = FakeTime()
    failures = 12

    async def service() -> None:
        nonlocal failures
        if failures == 0:
            return
        failures -= 1
        raise RuntimeError("boom")

    await asyncio.wait_for(
        keep_running("telegram", service, sleep=time.sleep, monotonic=time.monotonic), 5
    )
    assert max(time.slept) == MAX_DELAY_S
    assert time.slept[-3:] == [MAX_DELAY_S] * 3


async def test_cancelling_stops_the_service_without_a_restart() -> None:
    started = asyncio.Event()
    time = FakeTime()

    async def service() -> None:
        started.set()
        await asyncio.Event().wait()

    task = asyncio.create_task(
        keep_running("dispatcher", service, sleep=time.sleep, monotonic=time.monotonic)
    )
    await asyncio.wait_for(started.wait(), 5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert time.slept == []
