"""A forum's ``schedule.rrule``, checked against its first session, duration and zone.

The rule is checked the way ``bot.forum.schedule`` expands it: one RRULE body
(``FREQ=WEEKLY;INTERVAL=2``, an ``RRULE:`` prefix allowed) on the naive local
``first``; an ``UNTIL`` is local wall-clock time, or UTC when it ends in ``Z``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import islice, pairwise
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrule, rrulestr

from config.duration import format_duration

_EXAMPLE = "write an RFC 5545 RRULE such as FREQ=WEEKLY;INTERVAL=2"
# Enough sessions to see the rule's spacing; the first is always a session.
_SAMPLE = 24
# Stands in for a missing or bad ``first`` so the rule itself is still checked.
_ANY_START = datetime(2026, 1, 6, 20, 0)


def rule_problem(
    text: str, first: datetime | None, zone: ZoneInfo, duration: timedelta
) -> str | None:
    """What is wrong with a recurrence rule starting at ``first``; None if nothing.

    Without ``first`` (it is missing or bad) only the rule's own form is checked."""
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:") :]
    if "DTSTART" in body.upper():
        return (
            f"invalid recurrence rule {text!r}: the start belongs in schedule.first, "
            f"not DTSTART in the rule; {_EXAMPLE}"
        )
    if "\n" in body or ":" in body:
        return f"invalid recurrence rule {text!r}: give one RRULE body only; {_EXAMPLE}"
    parts: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in body.split(";"))):
        name, sep, value = part.partition("=")
        if not sep:
            return f"invalid recurrence rule {text!r}: {part!r} is not NAME=VALUE; {_EXAMPLE}"
        parts[name.strip().upper()] = value.strip()
    problem = _parts_problem(parts, zone)
    if problem is not None:
        return f"invalid recurrence rule {text!r}: {problem}; {_EXAMPLE}"
    try:
        parsed = rrulestr(
            ";".join(f"{k}={v}" for k, v in parts.items()), dtstart=first or _ANY_START
        )
    except (ValueError, TypeError) as e:
        return f"invalid recurrence rule {text!r}: {e}; {_EXAMPLE}"
    if not isinstance(parsed, rrule):
        return f"invalid recurrence rule {text!r}: give one RRULE body only; {_EXAMPLE}"
    return None if first is None else _spacing_problem(parsed, first, duration)


def _parts_problem(parts: dict[str, str], zone: ZoneInfo) -> str | None:
    """What dateutil would accept but must not pass, or explains badly. A UTC
    ``UNTIL`` is rewritten in ``parts`` to local time, as ``bot.forum.schedule`` reads it."""
    if "FREQ" not in parts:
        return "FREQ is missing"
    for name in ("INTERVAL", "COUNT"):
        value = parts.get(name)
        if value is not None and not (value.isdigit() and int(value) > 0):
            return f"{name} must be a whole number above 0, found {value!r}"
    if "COUNT" in parts and "UNTIL" in parts:
        return "give COUNT or UNTIL, not both"
    until = parts.get("UNTIL")
    if until is not None and until.upper().endswith("Z"):
        try:
            instant = datetime.strptime(until.upper(), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        except ValueError:
            return f"UNTIL {until!r} is not a UTC time like 20271231T230000Z"
        parts["UNTIL"] = instant.astimezone(zone).strftime("%Y%m%dT%H%M%S")
    return None


def _spacing_problem(rule: rrule, first: datetime, duration: timedelta) -> str | None:
    later = [start for start in islice(rule, _SAMPLE) if start >= first]
    if not later:
        return "the rule gives no session on or after schedule.first; check UNTIL and the BY parts"
    starts = sorted({first, *later})
    gap = min((b - a for a, b in pairwise(starts)), default=None)
    if gap is not None and gap < duration:
        return (
            f"sessions would overlap: they start {format_duration(gap)} apart but each lasts "
            f"{format_duration(duration)}; shorten schedule.duration or space the sessions out"
        )
    return None


def zone_or_utc(name: str) -> ZoneInfo:
    """The zone of that name; UTC if there is none (the bad name is reported
    where it is written)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")
