"""First-pass emergency triage: does a message look like danger to life or a
crime in progress? Errs towards giving 999 guidance."""

from __future__ import annotations

import re

_PATTERNS = [
    r"\b(?:happening|going on) (?:right )?now\b",
    r"\bright now\b.*\b(?:break|broke|breaking|attack|fight|stab|hit|follow)",
    r"\b(?:breaking|broke|breaking) in(?:to)?\b.*\bnow\b",
    r"\bsomeone is (?:breaking|trying to break|in my|outside my|following|attacking)",
    r"\b(?:being|been) (?:attacked|stabbed|followed|assaulted|threatened)\b",
    r"\b(?:he|she|they|someone|a man|a woman)(?:'s| is| are| has| have) (?:got )?"
    r"(?:a )?(?:knife|gun|weapon|machete)\b",
    r"\b(?:stabbed|stabbing|shot|shooting|bleeding|unconscious|not breathing|overdose)\b",
    r"\b(?:help me|please help|send help|need help now)\b",
    r"\b(?:in danger|danger to life|fear(?:ing)? for my life|going to (?:kill|hurt))\b",
    r"\b(?:kill|hurt|harm) (?:myself|me)\b",
    r"\bsuicid",
    r"\b(?:fire|house is on fire)\b.*\bnow\b",
    r"\bemergency\b",
]
_NEGATIONS = [
    r"\bnot an? emergency\b",
    r"\bno emergency\b",
    r"\bisn'?t an? emergency\b",
    r"\bnon[- ]emergency\b",
]
_EMERGENCY = re.compile("|".join(_PATTERNS), re.IGNORECASE)
_NEGATED = re.compile("|".join(_NEGATIONS), re.IGNORECASE)


def looks_urgent(text: str) -> bool:
    cleaned = _NEGATED.sub(" ", text)
    return _EMERGENCY.search(cleaned) is not None
