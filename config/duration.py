"""Durations as written in the config file: ``90s``, ``45m``, ``24h``, ``14d``, ``1h30m``."""

from __future__ import annotations

import re
from datetime import timedelta

_UNITS = (("d", 86400), ("h", 3600), ("m", 60), ("s", 1))
_PATTERN = re.compile(r"(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?")

EXAMPLES = "e.g. 90s, 45m, 24h, 14d or 1h30m"


def parse_duration(text: str) -> timedelta:
    """``1h30m`` -> ``timedelta(minutes=90)``. Units d, h, m, s in that order.

    Raises ValueError for anything else, including a zero or empty duration.
    """
    match = _PATTERN.fullmatch(text.strip())
    if match is None or not any(match.groups()):
        raise ValueError(
            f"{text!r} is not a duration; write a number with a unit (s, m, h or d), {EXAMPLES}"
        )
    seconds = sum(
        int(amount) * size
        for amount, (_, size) in zip(match.groups(), _UNITS, strict=True)
        if amount
    )
    if seconds <= 0:
        raise ValueError(f"{text!r} is not a positive duration; {EXAMPLES}")
    return timedelta(seconds=seconds)


def format_duration(value: timedelta) -> str:
    """The shortest config spelling of a duration: ``timedelta(minutes=90)`` -> ``1h30m``."""
    seconds = int(value.total_seconds())
    if seconds <= 0:
        return "0s"
    parts = []
    for unit, size in _UNITS:
        amount, seconds = divmod(seconds, size)
        if amount:
            parts.append(f"{amount}{unit}")
    return "".join(parts)
