"""Round 14 (speed): the scan's groups behind their two-character openings
(``first_chars.first_pairs``), each rule tried only where the message has
one of its openings (``Rule.openings``), and ``guards._says_now`` kept for
the last few messages. None may change a verdict: these tests compare the
machinery with and without each shortcut. No timing here (bench/triage.py)."""

from __future__ import annotations

import dataclasses
import re

import pytest

from bot.safeguarding.triage import engine
from bot.safeguarding.triage.first_chars import first_pairs, grouped
from bot.safeguarding.triage.normalise import normalise
from bot.safeguarding.triage.rules import RULES
from tests.support.triage_figures import load

# Voices the shortcuts must read as before: text-speak, elderly formal,
# non-native, dialect; urgent ones (a live emergency, in the words the
# shortcuts dispatch on: "th", "he", "'s", digits) and look-alikes.
WORDINGS = [
    "sum1 tryin 2 get in my house rn pls help",
    "he's got a knife n he's outside ma door",
    "Dear Sir or Madam, I write to inform you that a gentleman is at this moment"
    " attempting to force the rear door of my late husband's bungalow.",
    "My neighbour he is lying on floor not breathing, please what I must do",
    "there's a wee lad in the burn and he's gone under, the water's fair high",
    "me mam's fell down the stairs and she's not moving, she's 84",
    "the 3 yr old is in the car on its own and its roasting",
    "2 lads with machetes chasing a kid down the high st now",
    "im gonna end it all 2nite no one will miss me",
    "I'm not going to hurt myself, I just want to know who to talk to",
    "this traffic is going to kill me lol",
    "Last year someone broke into the shed, is it worth reporting now?",
    "what should I do if a child goes missing at the fair?",
    "the kids were playing at the park, all fine now",
    "he is stil hiting her i can here it thru the wall",
    "is it normal for a carer to leave my dad tied to a chair?",
]


def _texts() -> list[str]:
    return WORDINGS + [example.text for example in load("dev", "heldout")]


def test_first_pairs_of_a_pattern() -> None:
    assert first_pairs(r"(?:kid|child)s? gone") == frozenset({"ki", "ch"})
    assert first_pairs(r"\b(?:is|are|'s)\b") == frozenset({"is", "ar", "'s"})
    assert first_pairs(r"[sz]tab") == frozenset({"st", "zt"})
    assert first_pairs(r"a?b") == frozenset({"ab", "b"})  # one character long: kept short
    assert first_pairs(r"(?:ab)*c") == frozenset({"ab", "c"})
    assert first_pairs(r"x{3}") == frozenset({"xx"})
    assert first_pairs(r"(?<=has )downs") == frozenset({"do"})  # assertions passed over
    assert first_pairs(r"(?:[0-9]|one) years?") == frozenset(
        {f"{digit} " for digit in "0123456789"} | {"on"}
    )
    assert first_pairs(r"\w+ knife") is None  # any word character
    assert first_pairs(r"(?:a)?") is None  # may match nothing
    assert first_pairs(r"(?i)knife") is None  # a flag: not told


def test_every_match_of_a_rule_opens_with_one_of_its_openings() -> None:
    # Where a rule matches, the message's two characters there are one of
    # its openings: a rule skipped elsewhere (engine.by_rules) loses nothing.
    checked = 0
    for text in _texts()[:150]:
        normal = normalise(text)
        for rule in RULES:
            if rule.openings is None:
                continue
            for start in range(len(normal)):
                if rule.pattern.match(normal, start):
                    assert normal[start : start + 2] in rule.openings, (rule.name, text)
                    checked += 1
    assert checked > 50


def test_a_rule_without_openings_is_tried_everywhere() -> None:
    # "jump" can match a single character's opening ("... off"): it keeps no filter.
    assert any(rule.openings is None for rule in RULES)
    assert all(rule.openings is None or len(min(rule.openings, key=len)) == 2 for rule in RULES)


def test_the_rules_say_the_same_without_the_openings_filter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = _texts()
    with_filter = [engine.by_rules(normalise(text)) for text in texts]
    unfiltered = [dataclasses.replace(rule, openings=None) for rule in RULES]
    monkeypatch.setattr(engine, "RULES", unfiltered)
    without = [engine.by_rules(normalise(text)) for text in texts]
    assert with_filter == without
    assert sum(found.urgent for found in with_filter) > 100  # the urgent ones compared too


def test_the_grouped_scan_opens_with_a_character_and_checks_two() -> None:
    pattern = grouped([r"[sz]tab"])
    assert pattern == r"\b(?:s(?<=(?=st)(?=(?:(?:[sz]tab)))s)|z(?<=(?=zt)(?=(?:(?:[sz]tab)))z))"
    # without: round 13's one-character lookaheads
    assert (
        grouped([r"[sz]tab"], openings=False) == r"\b(?:(?=s)(?:(?:[sz]tab))|(?=z)(?:(?:[sz]tab)))"
    )
    scan = re.compile(pattern)
    assert scan.search("he was stabbed").start() == 7  # type: ignore[union-attr]
    assert scan.search("a zebra stood still") is None


def test_the_grouped_scan_finds_the_same_positions_as_the_rules_on_the_voices() -> None:
    from bot.safeguarding.triage.rules import ANY_RULE

    for text in WORDINGS:
        normal = normalise(text)
        expected = [
            start
            for start in range(len(normal))
            if any(rule.pattern.match(normal, start) for rule in RULES)
        ]
        found = []
        match = ANY_RULE.search(normal)
        while match is not None:
            found.append(match.start())
            match = ANY_RULE.search(normal, match.start() + 1)
        assert found == expected, text


def test_says_now_kept_answers_each_message_as_it_is() -> None:
    from bot.safeguarding.triage.guards import _says_now

    for _ in range(2):  # the second time from the cache
        assert _says_now(" he is outside right now ")
        assert not _says_now(" he was outside last week ")
        assert not _says_now(" it's all calm now ")  # an all-clear's "now" is not one
    fresh = _says_now.__wrapped__  # the function itself, uncached
    for text in _texts()[:300]:
        normal = normalise(text)
        assert _says_now(normal) == fresh(normal)
