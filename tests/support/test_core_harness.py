"""The harness fixtures' promise: a harness is closed (its database threads
ended) at teardown, whether the test passed, failed or closed it itself."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

from tests.support.core_harness import CoreHarness, HarnessFactory, at, open_harness


def _threads() -> set[threading.Thread]:
    """Threads of our own (the loop's executor threads are not ours to close)."""
    return {t for t in threading.enumerate() if not t.name.startswith("asyncio_")}


async def _left_over(before: set[threading.Thread]) -> set[threading.Thread]:
    """Threads started since ``before`` once those told to end have ended (a
    closed connection's thread takes a moment to return), waiting 5 s at most."""
    for _ in range(500):
        if not _threads() - before:
            break
        await asyncio.sleep(0.01)
    return _threads() - before


async def test_open_harness_closes_when_the_block_raises(tmp_path: Path) -> None:
    before = _threads()
    opened: list[CoreHarness] = []
    with pytest.raises(RuntimeError, match="the test failed"):
        async with open_harness(tmp_path) as h:
            opened.append(h)
            assert _threads() - before  # the database's connection threads
            raise RuntimeError("the test failed")
    assert opened[0].closed
    assert await _left_over(before) == set()


async def test_the_factory_closes_what_is_still_open_and_a_restart_reads_the_same_file(
    tmp_path: Path,
) -> None:
    before = _threads()
    factory = HarnessFactory(tmp_path)
    first = await factory()
    await first.resident_says("5001", "Bromley Police Online Forum is Elm Road patrolled?")
    await first.close()  # a restart: closed by the test itself
    second = await factory(start="2026-11-24 20:10")
    assert second.clock.now() == at("2026-11-24 20:10")
    assert "#1" in (await second.resident_says("5001", "/status"))[0]
    await factory.aclose()
    assert first.closed and second.closed
    assert await _left_over(before) == set()


async def test_the_h_fixture_is_the_default_harness(h: CoreHarness) -> None:
    assert h.clock.now() == at("2026-11-20 12:00")
    assert not h.closed
