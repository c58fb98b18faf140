"""The platform-wide gate: waiting sends pass in priority order, evenly
spaced, and a cancelled waiter gives its turn away."""

from __future__ import annotations

import asyncio
import itertools

from bot.delivery.pacing import PriorityGate, SendWindow


async def test_a_reply_passes_before_a_queue_of_alerts() -> None:
    gate = PriorityGate(200.0)
    passed: list[str] = []

    async def send(name: str, priority: int) -> None:
        await gate.acquire(priority)
        passed.append(name)

    alerts = [asyncio.create_task(send(f"alert{i}", 40)) for i in range(30)]
    await asyncio.sleep(0)  # all thirty are waiting (the first passed at once)
    reply = asyncio.create_task(send("reply", 10))
    await asyncio.gather(reply, *alerts)
    assert passed.index("reply") <= 2
    assert [p for p in passed if p != "reply"] == [f"alert{i}" for i in range(30)]


async def test_passes_never_run_ahead_of_the_rate() -> None:
    """The n-th pass comes no sooner than n intervals after the first. (A late
    timer may bring two passes closer while the gate catches up with its beat;
    the send window keeps them apart at the wire. This holds on a loaded
    machine too: lateness only ever delays a pass.)"""
    gate = PriorityGate(100.0)
    loop = asyncio.get_running_loop()
    times: list[float] = []

    async def send() -> None:
        await gate.acquire(0)
        times.append(loop.time())

    await asyncio.gather(*(send() for _ in range(20)))
    for n, at in enumerate(times):
        assert at - times[0] >= n * 0.01 - 0.002  # the loop's clock resolution


async def test_a_cancelled_waiter_gives_its_turn_away() -> None:
    gate = PriorityGate(100.0)
    await gate.acquire(0)
    first = asyncio.create_task(gate.acquire(0))
    second = asyncio.create_task(gate.acquire(1))
    await asyncio.sleep(0)
    first.cancel()
    await asyncio.wait_for(second, timeout=5)
    assert second.done() and not second.cancelled()


async def test_the_send_window_never_lets_more_starts_into_a_second() -> None:
    window = SendWindow(5, span=0.2, min_gap=0.01)
    loop = asyncio.get_running_loop()
    starts: list[float] = []

    async def send() -> None:
        await window.wait()
        # The time the window let it through: what it promises about. (The
        # clock read here could lag it on a loaded machine, bunching two.)
        assert window.last_start is not None and window.last_start <= loop.time()
        starts.append(window.last_start)

    await asyncio.gather(*(send() for _ in range(12)))
    assert len(starts) == 12
    for i, at in enumerate(starts):
        within = [t for t in starts[: i + 1] if at - t < 0.2 - 0.002]
        assert len(within) <= 5, (i, within)
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert min(gaps) >= 0.01 - 0.002  # never bunched, not even at the window's edge


async def test_the_send_window_serves_waiters_in_the_order_they_came() -> None:
    window = SendWindow(1, span=0.01)
    passed: list[int] = []

    async def send(n: int) -> None:
        await window.wait()
        passed.append(n)

    tasks = []
    for n in range(15):
        tasks.append(asyncio.create_task(send(n)))
        await asyncio.sleep(0)  # each arrives after the one before
    await asyncio.gather(*tasks)
    assert passed == list(range(15))
