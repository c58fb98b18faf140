"""Session schedule maths: when each session of a forum starts and ends.

Pure functions of the configured schedule; no clock, no store, no I/O.

Rules are expanded on *naive local wall-clock* datetimes (dateutil's rrule),
so a 20:00 session stays at 20:00 local across daylight-saving changes; each
local time is then placed in the forum's zone and converted to UTC:

- a local time that does not exist (inside a spring-forward gap) is read with
  the offset in force *before* the change (``fold=0``), which moves it forward
  by the size of the gap: 01:30 in London on the last Sunday of March becomes
  02:30 BST (01:30 UTC);
- a local time that happens twice (autumn fall-back) is the first of the two
  (``fold=0``, still summer time).

``ends_at`` is ``starts_at + duration`` in elapsed time: a 60-minute session
lasts 60 real minutes even if the clocks change during it.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrule, rruleset, rrulestr

# Every UTC offset (and every gap shift) is well within a day, so a naive local
# time read as if it were UTC is within _SLACK of the instant it stands for.
_SLACK = timedelta(days=1)

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Occurrence:
    """One scheduled session: [starts_at, ends_at), aware UTC."""

    starts_at: datetime
    ends_at: datetime

    def contains(self, at: datetime) -> bool:
        """Whether ``at`` falls within the session's window."""
        return self.starts_at <= at < self.ends_at


class SessionSchedule:
    """The sessions of one forum, from its configured schedule.

    ``first`` is the naive local wall-clock time of the first session in
    ``zone``; ``rule`` an RFC 5545 RRULE body (``FREQ=WEEKLY;INTERVAL=2``) or
    None for a single session. ``first`` is always a session, even if the rule
    would not produce it. An ``UNTIL`` in UTC (``...Z``) is honoured as an
    instant. Raises ValueError for a bad zone, rule, ``first`` or duration.
    """

    def __init__(self, first: datetime, rule: str | None, duration: timedelta, zone: str) -> None:
        if first.tzinfo is not None:
            raise ValueError(f"schedule start must be a naive local time, got {first}")
        if duration <= timedelta(0):
            raise ValueError(f"session duration must be positive, got {duration}")
        self.first = first
        self.rule = rule
        self.duration = duration
        self.zone = _zone(zone)
        self._set: rruleset | None = None
        if rule is not None:
            self._set = rruleset(cache=True)
            self._set.rrule(_parse_rule(rule, first, self.zone))
            self._set.rdate(first)

    def occurrences_between(self, start: datetime, end: datetime) -> list[Occurrence]:
        """Sessions whose start lies in [start, end), in order."""
        _check_aware(start, end)
        if end <= start:
            return []
        if self._set is None:
            starts = [self._to_utc(self.first)]
        else:
            local = self._set.between(
                _naive_utc(start) - _SLACK, _naive_utc(end) + _SLACK, inc=True
            )
            starts = sorted({self._to_utc(naive) for naive in local})
        return [self._occurrence(s) for s in starts if start <= s < end]

    def next_after(self, at: datetime) -> Occurrence | None:
        """The first session starting strictly after ``at``; None if there is none."""
        _check_aware(at)
        return next(self._after(at), None)

    def current(self, at: datetime) -> Occurrence | None:
        """The session in progress at ``at`` (the latest started, if they overlap)."""
        _check_aware(at)
        started = self.occurrences_between(at - self.duration, at + timedelta(microseconds=1))
        live = [occ for occ in started if occ.contains(at)]
        return live[-1] if live else None

    def upcoming(self, at: datetime, count: int) -> list[Occurrence]:
        """Up to ``count`` sessions: the one in progress at ``at`` first, then the next ones."""
        _check_aware(at)
        if count <= 0:
            return []
        result: list[Occurrence] = []
        now = self.current(at)
        if now is not None:
            result.append(now)
        for occ in self._after(at):
            if len(result) >= count:
                break
            result.append(occ)
        return result

    def _after(self, at: datetime) -> Iterator[Occurrence]:
        """Sessions starting strictly after ``at``, in UTC order."""
        if self._set is None:
            start = self._to_utc(self.first)
            if start > at:
                yield self._occurrence(start)
            return
        # Local order and UTC order can differ near a clock change, so hold
        # candidates until no later local time can start before them.
        pending: list[datetime] = []
        last: datetime | None = None
        for naive in self._set.xafter(_naive_utc(at) - _SLACK, inc=True):
            floor = naive.replace(tzinfo=UTC) - _SLACK
            while pending and pending[0] <= floor:
                last = heapq.heappop(pending)
                yield self._occurrence(last)
            start = self._to_utc(naive)
            if start > at and (last is None or start > last) and start not in pending:
                heapq.heappush(pending, start)
        while pending:
            yield self._occurrence(heapq.heappop(pending))

    def _to_utc(self, naive: datetime) -> datetime:
        return naive.replace(tzinfo=self.zone, fold=0).astimezone(UTC)

    def _occurrence(self, starts_at: datetime) -> Occurrence:
        return Occurrence(starts_at=starts_at, ends_at=starts_at + self.duration)


def reminder_times(
    occ: Occurrence, offsets: Sequence[timedelta]
) -> list[tuple[timedelta, datetime]]:
    """(offset, instant) for each reminder before ``occ``, earliest first."""
    return sorted(((offset, occ.starts_at - offset) for offset in offsets), key=lambda r: r[1])


def format_local(at: datetime, zone: str) -> str:
    """An instant as residents read it: ``Tuesday 24 November at 20:00``."""
    _check_aware(at)
    local = at.astimezone(_zone(zone))
    day = _DAY_NAMES[local.weekday()]
    month = _MONTH_NAMES[local.month - 1]
    return f"{day} {local.day} {month} at {local.hour:02d}:{local.minute:02d}"


def format_clock(at: datetime, zone: str) -> str:
    """The local time of day of an instant: ``20:00``."""
    _check_aware(at)
    local = at.astimezone(_zone(zone))
    return f"{local.hour:02d}:{local.minute:02d}"


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as e:
        raise ValueError(f"unknown time zone {name!r}") from e


def _parse_rule(text: str, first: datetime, zone: ZoneInfo) -> rrule:
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:") :]
    if not body or "\n" in body or ":" in body:
        raise ValueError(f"not a single RRULE body: {text!r}")
    parts = []
    for part in filter(None, body.split(";")):
        name, sep, value = part.partition("=")
        if not sep:
            raise ValueError(f"bad RRULE part {part!r} in {text!r}")
        if name.strip().upper() == "UNTIL":
            value = _local_until(value.strip(), zone)
        parts.append(f"{name.strip()}={value.strip()}")
    try:
        parsed = rrulestr(";".join(parts), dtstart=first)
    except (ValueError, TypeError) as e:
        raise ValueError(f"bad RRULE {text!r}: {e}") from e
    if not isinstance(parsed, rrule):
        raise ValueError(f"not a single RRULE: {text!r}")
    return parsed


def _local_until(value: str, zone: ZoneInfo) -> str:
    """A UTC ``UNTIL`` (``...Z``) as the local wall-clock time of that instant."""
    if not value.upper().endswith("Z"):
        return value
    try:
        instant = datetime.strptime(value.upper(), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError as e:
        raise ValueError(f"bad RRULE UNTIL {value!r}") from e
    local = instant.astimezone(zone)
    return (
        f"{local.year:04d}{local.month:02d}{local.day:02d}"
        f"T{local.hour:02d}{local.minute:02d}{local.second:02d}"
    )


def _naive_utc(at: datetime) -> datetime:
    return at.astimezone(UTC).replace(tzinfo=None)


def _check_aware(*instants: datetime) -> None:
    for at in instants:
        if at.tzinfo is None or at.utcoffset() is None:
            raise ValueError(f"naive datetime given where an aware instant is needed: {at}")
