"""Round 16's held-out test of a veto on weak rule alarms
(tests/support/triage_veto.py): every rule that fires is found, not only
the first of a concern, and a line is a candidate only as counted."""

from __future__ import annotations

import pytest

from bot.safeguarding.triage.engine import by_rules
from bot.safeguarding.triage.model import MIN_WORDS
from bot.safeguarding.triage.normalise import normalise
from tests.support.triage_veto import Line, fired, strength


def _fired(text: str) -> list[tuple[str, str]]:
    return [(rule.name, strength(rule)) for rule in fired(normalise(text))]


def test_a_severe_rule_behind_a_weak_one_of_the_same_concern_is_found() -> None:
    # by_rules reports the first rule of the concern (weak); the severe
    # rule after it is what makes the alarm no candidate for a veto
    text = "there's a man with a knife outside, he has stabbed someone"
    assert by_rules(normalise(text)).reason == "danger.weapon_shown"
    found = _fired(text)
    assert ("danger.weapon_shown", "weak") in found
    assert any(kind == "severe" for _, kind in found)


@pytest.mark.parametrize(
    "text",
    [
        "help he's kicking the door in",
        "my house is on fire and my kids are trapped inside",
        "I want to end my life tonight, I have the pills here",
    ],
)
def test_the_rule_the_engine_reports_is_among_those_found(text: str) -> None:
    said = by_rules(normalise(text))
    assert said.urgent
    assert said.reason in {name for name, _ in _fired(text)}


def test_an_ordinary_message_fires_nothing() -> None:
    assert _fired("the weather is lovely today, when is the next meeting?") == []


def _line(probability: float, known: int, language: str | None, weak_only: bool = True) -> Line:
    return Line(
        "f", "x-1", False, "danger", "danger.fire", (), weak_only, language, known, probability
    )


def test_a_candidate_as_counted_each_way() -> None:
    plain = _line(0.01, MIN_WORDS, None)
    assert plain.candidate(0.02, "all") and plain.candidate(0.02, "english")
    assert not plain.candidate(0.01, "all")  # strictly under t
    short = _line(0.0, MIN_WORDS - 1, None)  # the model knows too few words: p is 0
    assert short.candidate(0.02, "all") and not short.candidate(0.02, "known")
    other = _line(0.01, MIN_WORDS, "pl")
    assert other.candidate(0.02, "known") and not other.candidate(0.02, "english")
    assert not _line(0.01, MIN_WORDS, None, weak_only=False).candidate(0.2, "all")
