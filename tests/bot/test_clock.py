from datetime import UTC, datetime, timedelta, timezone

import pytest

from bot.edge.clock import Clock, FakeClock, SystemClock

START = datetime(2026, 11, 24, 20, 0, tzinfo=UTC)


def test_fake_clock_starts_where_told() -> None:
    clock: Clock = FakeClock(START)
    assert clock.now() == START
    assert clock.now().tzinfo is UTC


def test_fake_clock_advances() -> None:
    clock = FakeClock(START)
    assert clock.advance(timedelta(minutes=90)) == START + timedelta(minutes=90)
    assert clock.now() == START + timedelta(minutes=90)


def test_fake_clock_does_not_go_backward_by_advance() -> None:
    clock = FakeClock(START)
    with pytest.raises(ValueError):
        clock.advance(timedelta(seconds=-1))
    assert clock.now() == START


def test_fake_clock_set_normalises_to_utc() -> None:
    clock = FakeClock(START)
    clock.set(datetime(2027, 3, 30, 20, 0, tzinfo=timezone(timedelta(hours=1))))
    assert clock.now() == datetime(2027, 3, 30, 19, 0, tzinfo=UTC)
    assert clock.now().tzinfo is UTC


def test_fake_clock_refuses_naive_times() -> None:
    with pytest.raises(ValueError):
        FakeClock(datetime(2026, 11, 24, 20, 0))
    clock = FakeClock(START)
    with pytest.raises(ValueError):
        clock.set(datetime(2026, 11, 24, 20, 0))


def test_system_clock_is_aware_utc() -> None:
    clock: Clock = SystemClock()
    before = datetime.now(UTC)
    now = clock.now()
    assert now.tzinfo is UTC
    assert before <= now <= datetime.now(UTC)
