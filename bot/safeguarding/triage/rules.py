"""The rules, one data file per concern (``data/self_harm.yaml``,
``data/danger.yaml``, ``data/crime_in_progress.yaml``), read once when this
module is first imported (by ``triage.load``).

A rule is a name, its concern, one compiled pattern (its alternatives under a
single leading ``\\b``), whether it needs the message to say "now", and
whether it is severe (stopped only by clear evidence: ``guards.guard``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.safeguarding.triage.concern import Concern
from bot.safeguarding.triage.data import (
    TriageDataError,
    Vocabulary,
    compiled,
    mapping,
    read,
    text,
)
from bot.safeguarding.triage.first_chars import first_pairs, grouped

_B = r"\b"
# The blocks ({name}) the rules and the guards are written with.
VOCABULARY = Vocabulary(read("vocabulary.yaml"), "vocabulary.yaml")


@dataclass(frozen=True)
class Rule:
    name: str  # "<concern>.<rule>", e.g. "danger.weapon_held"
    concern: Concern
    pattern: re.Pattern[str]
    needs_now: bool  # fires only when the message also says it is happening now
    # stopped only by clear evidence that it is not now (guards.guard)
    severe: bool = False
    # its alternatives, without their leading \\b (for ANY_RULE)
    alternatives: tuple[str, ...] = ()
    # round 14 (speed): the two characters every match of it starts with
    # (first_chars.first_pairs), or None when not told or when a match may
    # be one character long: engine.by_rules tries the rule only where the
    # message has one of them
    openings: frozenset[str] | None = None


def _rule(
    concern: Concern, name: str, alternatives: list[str], needs_now: bool, severe: bool = False
) -> Rule:
    """Every alternative starts at a word boundary ("'s" included: it follows a
    word). One leading \\b for all of them keeps the search fast: a single
    alternative without it makes the regex engine try every branch at every
    position, five to ten times slower."""
    branches = "|".join(f"(?:{alternative.removeprefix(_B)})" for alternative in alternatives)
    where = f"{concern}.yaml: {name}"
    return Rule(
        f"{concern}.{name}",
        concern,
        compiled(rf"\b(?:{branches})", where),
        needs_now,
        severe,
        tuple(alternative.removeprefix(_B) for alternative in alternatives),
        _openings([alternative.removeprefix(_B) for alternative in alternatives]),
    )


def _openings(alternatives: list[str]) -> frozenset[str] | None:
    """The two-character openings of the alternatives (``Rule.openings``),
    or None when one's cannot be told or one may match a single character."""
    openings: set[str] = set()
    for alternative in alternatives:
        pairs = first_pairs(alternative)
        if pairs is None or any(len(pair) < 2 for pair in pairs):
            return None
        openings |= pairs
    return frozenset(openings)


def rules_of(concern: Concern, data: object) -> list[Rule]:
    """The rules in ``data``, the parsed ``data/<concern>.yaml``, in order.

    Raises TriageDataError for a file that is not a list of rules, a rule
    named twice, an unknown key or a pattern that does not compile."""
    file = f"{concern}.yaml"
    if not isinstance(data, list):
        raise TriageDataError(f"{file}: expected a list of rules (- rule: ...)")
    rules: list[Rule] = []
    for number, entry in enumerate(data, 1):
        fields = mapping(entry, f"{file}: rule {number}")
        name = text(fields.get("rule"), f"{file}: rule {number}: rule")
        where = f"{file}: {name}"
        if not set(fields) <= {"rule", "needs_now", "severe", "patterns"}:
            raise TriageDataError(f"{where}: only rule, needs_now, severe and patterns are read")
        if any(rule.name == f"{concern}.{name}" for rule in rules):
            raise TriageDataError(f"{where}: a second rule of that name")
        needs_now = fields.get("needs_now", False)
        if not isinstance(needs_now, bool):
            raise TriageDataError(f"{where}: needs_now is true or false")
        severe = fields.get("severe", False)
        if not isinstance(severe, bool):
            raise TriageDataError(f"{where}: severe is true or false")
        patterns = VOCABULARY.entries(fields.get("patterns"), f"{where}: patterns")
        rules.append(_rule(concern, name, patterns, needs_now, severe))
    return rules


# When several concerns fire, self-harm wins (the resident also gets the
# helpline), then danger, then crime in progress. Rules are tried in this
# order too, and in each file's order.
PRIORITY = (Concern.SELF_HARM, Concern.DANGER, Concern.CRIME_IN_PROGRESS)
RULES = [rule for concern in PRIORITY for rule in rules_of(concern, read(f"{concern}.yaml"))]
# Any rule at all. One pass of this finds every position where some rule
# matches; each rule is then tried only there, anchored. That is several times
# faster than searching the whole message once per rule. Its alternatives are
# grouped by first character (first_chars.grouped): a position tries only
# those that can start with its character.
ANY_RULE = re.compile(grouped([a for rule in RULES for a in rule.alternatives]))
