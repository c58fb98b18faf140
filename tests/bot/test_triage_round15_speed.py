"""Round 15 (speed): ``engine.by_rules`` looks each start the scan found up
once in an index of the rules by their two-character openings
(``engine.openings_index``, ``engine._tried_at``) instead of checking every
rule at every start in a Python loop (round 14). It may change no verdict:
these tests compare the index with round 14's check, start by start and
verdict by verdict. No timing here (bench/triage.py, bench/triage_ab.py
--since 14)."""

from __future__ import annotations

import dataclasses

import pytest

from bot.safeguarding.triage import assess, engine
from bot.safeguarding.triage.normalise import normalise
from bot.safeguarding.triage.rules import ANY_RULE, RULES
from tests.support.triage_figures import load

# Voices the index must read as round 14's loop did (text-speak, elderly
# formal, non-native, dialect), in the openings it dispatches on ("he",
# "th", "'s", a digit, a message's last character): live emergencies that
# must stay urgent ...
URGENT = [
    "omg sum1 has stabbed my bro hes bleedin bad pls send help",
    "I must respectfully inform you that my husband has collapsed in the"
    " hallway and he is not breathing.",
    "Please help, the man he is hitting my sister now with the belt, she is crying",
    "thur's a lad wi a machete ootside the chippy the noo, he's swingin it at folk",
    "there is 2 men breaking in to the house next door right now",
    "my 4 yr old is missing, we cant find her anywhere in the park",
    "i cant do this anymore, ive taken all my tablets",
    "He's got a gun and he's shouting he'll shoot",
    "she's fell in the canal and shes not coming back up",
    "fire!! the flat upstairs is on fire and the old lady is still inside",
]
# ... and look-alikes that must stay ordinary, in the same openings.
ORDINARY = [
    "hes been on at me all week about the bins lol",
    "The theft of my bicycle occurred in March; may I still report it?",
    "what should i do if someone is breaking into a car?",
    "my nan's dog has run off again, the daft thing",
    "How do I report a fly-tipper who left 3 mattresses on the lane?",
    "thon bin lorry has blocked the lane again, whit a scunner",
    "Is the police station on the high street open on Sundays?",
]


def _texts() -> list[str]:
    return URGENT + ORDINARY + [example.text for example in load("dev", "heldout")]


def _starts(normal: str) -> list[int]:
    starts = []
    found = ANY_RULE.search(normal)
    while found is not None:
        starts.append(found.start())
        found = ANY_RULE.search(normal, found.start() + 1)
    return starts


def _round14(starts: list[int], normal: str) -> dict[int, list[int]]:
    """Round 14's check, written out: every rule with openings at every
    start, tried where the two characters there are one of its openings or
    only one character is left."""
    tried: dict[int, list[int]] = {}
    for number, rule in enumerate(RULES):
        if rule.openings is None:
            continue
        for start in starts:
            pair = normal[start : start + 2]
            if pair in rule.openings or len(pair) < 2:
                tried.setdefault(number, []).append(start)
    return tried


def test_the_voices_keep_their_verdicts() -> None:
    # Since round 21's retrain no ordinary voice here is among the round-16
    # model's expected failures (tests/support/round16_model.py), so every one
    # must be calm; a retrain that raises one fails here and is decided on.
    assert [text for text in URGENT if not assess(text).urgent] == []
    assert [text for text in ORDINARY if assess(text).urgent] == []


def test_the_index_lists_each_opening_s_rules_in_order() -> None:
    first, second, third = RULES[:3]
    rules = [
        dataclasses.replace(first, openings=frozenset({"he", "sh"})),
        dataclasses.replace(second, openings=None),  # tried everywhere: in no list
        dataclasses.replace(third, openings=frozenset({"he"})),
    ]
    assert engine.openings_index(rules) == {"he": (0, 2), "sh": (0,)}


def test_every_start_is_tried_by_the_rules_round_14_tried_there() -> None:
    compared = 0
    for text in _texts():
        normal = normalise(text)
        starts = _starts(normal)
        assert engine._tried_at(starts, normal) == _round14(starts, normal), text
        compared += len(starts)
    assert compared > 500


def test_a_start_on_the_last_character_is_every_rule_s_with_openings() -> None:
    normal = " he is here "
    last = len(normal) - 1
    tried = engine._tried_at([last], normal)
    with_openings = [number for number, rule in enumerate(RULES) if rule.openings is not None]
    assert sorted(tried) == with_openings
    assert all(starts == [last] for starts in tried.values())
    assert engine._tried_at([last], normal) == _round14([last], normal)


def test_the_rules_say_the_same_as_with_round_14_s_loop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = _texts()
    indexed = [engine.by_rules(normalise(text)) for text in texts]
    monkeypatch.setattr(engine, "_tried_at", _round14)
    looped = [engine.by_rules(normalise(text)) for text in texts]
    assert indexed == looped
    assert sum(found.urgent for found in indexed) > 100  # the urgent ones compared too
    assert sum(found.reason.startswith("none:") for found in indexed) > 20  # and the stopped
