"""Suggested publishable text: personal details replaced by labels.

A first pass; officers always see the text as received beside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _label(label: str) -> Callable[[re.Match[str]], str]:
    return lambda _match: label


def _after_lead(label: str) -> Callable[[re.Match[str]], str]:
    """Keep the lead-in ("my name is") and replace what follows."""
    return lambda match: f"{match.group(1)} {label}"


_RULES: list[Rule] = [
    (re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"), _label("[email]")),
    (
        re.compile(r"\b[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", re.IGNORECASE),
        _label("[NI number]"),
    ),
    (re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE), _label("[postcode]")),
    (re.compile(r"(?<![\w+])(?:\+44\s?|0)(?:\d[\s-]?){9,10}(?!\d)"), _label("[phone]")),
    (re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b"), _label("[vehicle reg]")),
    (
        re.compile(
            r"\b\d{1,4}[a-z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}"
            r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Gardens|"
            r"Place|Court|Grove|Hill|Terrace|Park|Rise|Mews|View|Walk)\b"
        ),
        _label("[address]"),
    ),
    (
        re.compile(r"(?i:\b(my name is|i am called|i'm called))\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"),
        _after_lead("[name]"),
    ),
    (
        re.compile(r"(?i:\b(dob|date of birth|born on)\b:?)\s*\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}"),
        _after_lead("[date of birth]"),
    ),
]


def suggest_publishable(text: str) -> str:
    out = text
    for pattern, replace in _RULES:
        out = pattern.sub(replace, out)
    return out
