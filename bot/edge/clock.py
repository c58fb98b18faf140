"""Where the core gets the time: aware UTC instants, replaceable in tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """A source of the current instant."""

    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime) -> None:
        self._now = _as_utc(start)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> datetime:
        """Move forward by ``delta`` (never backward); return the new instant."""
        if delta < timedelta(0):
            raise ValueError(f"cannot advance a clock by a negative delta: {delta}")
        self._now += delta
        return self._now

    def set(self, at: datetime) -> None:
        """Jump to ``at`` (an aware instant, in any zone)."""
        self._now = _as_utc(at)


def _as_utc(at: datetime) -> datetime:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"naive datetime given where an aware instant is needed: {at}")
    return at.astimezone(UTC)
