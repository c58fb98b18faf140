"""A forum's ``newsletter`` keys read: when its newsletter goes by itself.

``schedule`` is ``after_sessions`` (the day after each session, at ``at``),
``off`` (only when an officer sends it: ``/newsletter send``) or an RFC 5545
RRULE body (``FREQ=WEEKLY;INTERVAL=2``) whose first newsletter is ``first``,
checked as a session schedule's rule is (``config.schedule.rule_problem``,
by ``config.checks``). ``at`` is a local time of day, ``"10:00"``.
"""

from __future__ import annotations

import re
from datetime import time

from config.scalar import Invalid, describe

AFTER_SESSIONS = "after_sessions"
OFF = "off"

_CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})")
_SCHEDULE_EXAMPLE = "write after_sessions, off, or a rule such as FREQ=WEEKLY;INTERVAL=2"


def schedule(value: object) -> str:
    """``after_sessions``, ``off`` (YAML's unquoted ``off`` is false: read as
    ``off``) or an RRULE body, its form checked later with ``first``."""
    if value is False:
        return OFF
    if not isinstance(value, str) or not value.strip():
        raise Invalid(
            f"expected a newsletter schedule, {_SCHEDULE_EXAMPLE}; found {describe(value)}"
        )
    word = value.strip()
    if word.lower() in (AFTER_SESSIONS, OFF):
        return word.lower()
    if "=" not in word:
        raise Invalid(f"{word!r} is not a newsletter schedule; {_SCHEDULE_EXAMPLE}")
    return word


def clock_time(value: object) -> time:
    """A local time of day, ``"10:00"``. YAML reads an unquoted ``10:00``
    as the number 600 (minutes, base 60): taken as the time it was written as."""
    example = 'write e.g. "10:00"'
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return time(value // 60, value % 60)
    if isinstance(value, str):
        match = _CLOCK.fullmatch(value.strip())
        if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
            return time(int(match.group(1)), int(match.group(2)))
        raise Invalid(f"{value!r} is not a time of day; {example}")
    raise Invalid(f"expected a time of day, {example}; found {describe(value)}")
