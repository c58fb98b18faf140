"""The triage's data files (bot/safeguarding/triage/data/): how a list is
read, what a broken file is told, and that every file and block is used.

What the rules decide is tested in test_triage.py and by the corpus figures;
here only the reading that turns the files into patterns."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from bot.safeguarding.triage import FILES, Concern, assess
from bot.safeguarding.triage.data import TriageDataError, Vocabulary, lines, parse
from bot.safeguarding.triage.engine import by_rules
from bot.safeguarding.triage.normalise import normalise, spellings
from bot.safeguarding.triage.rules import RULES, rules_of

DATA = files("bot.safeguarding.triage") / "data"


def _vocabulary(source: str) -> Vocabulary:
    return Vocabulary(parse(source, "vocabulary.yaml"), "vocabulary.yaml")


def test_a_list_is_one_entry_a_line_and_an_indented_line_goes_on() -> None:
    block = "# people\nsome one\n\nsomebody (?:else|\n  new)\n"
    assert lines(block, "here") == ["some one", "somebody (?:else|new)"]


@pytest.mark.parametrize(
    ("block", "problem"),
    [
        ("knife \nblade\n", "here, line 1: a space at the end of the line"),
        ("  blade\n", "here, line 1: goes on from nothing"),
        ("# only a comment\n", "here: empty"),
        (["knife"], "here: expected text, found list"),
    ],
)
def test_a_list_that_cannot_be_read_says_where(block: object, problem: str) -> None:
    with pytest.raises(TriageDataError, match=re.escape(problem)):
        lines(block, "here")


def test_a_key_given_twice_is_refused_not_overwritten() -> None:
    with pytest.raises(TriageDataError, match=r"spellings.yaml: line 3: 'u' is given twice"):
        parse("words:\n  u: you\n  u: your\n", "spellings.yaml")
    with pytest.raises(TriageDataError, match=r"^guards.yaml: "):
        parse("joke: [lol\n", "guards.yaml")


def test_blocks_are_words_or_a_pattern_and_name_blocks_above_them() -> None:
    vocabulary = _vocabulary(
        "drunk:\n  words: |\n    drunk\n    hammered\ndriver:\n  pattern: |\n    {drunk} driv\\w*\n"
    )
    assert vocabulary.expand(r"\b{driver}\b", "here") == r"\b(?:drunk|hammered) driv\w*\b"
    assert vocabulary.entries("a{drunk}{0,2}\n", "here") == ["a(?:drunk|hammered){0,2}"]


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("a:\n  pattern: |\n    {b}\nb:\n  words: x\n", "vocabulary.yaml: a: {b} is not a block"),
        ("a:\n  words: x\n  pattern: y\n", "vocabulary.yaml: a: give either words or pattern"),
        ("a:\n  pattern: |\n    x\n    y\n", "vocabulary.yaml: a: a pattern is one line"),
        ("a:\n  words: |\n    (x\n", "vocabulary.yaml: a: not a regular expression"),
    ],
)
def test_a_broken_vocabulary_says_where(source: str, problem: str) -> None:
    with pytest.raises(TriageDataError, match=re.escape(problem)):
        _vocabulary(source)


def test_a_rule_file_is_read_in_order_under_one_leading_word_boundary() -> None:
    rules = rules_of(
        Concern.DANGER,
        parse(
            "- rule: sword\n  patterns: |\n    \\bsword\\b\n    sabre\n"
            "- rule: fight_now\n  needs_now: true\n  patterns: |\n    \\bfight\\b\n",
            "danger.yaml",
        ),
    )
    assert [(rule.name, rule.needs_now) for rule in rules] == [
        ("danger.sword", False),
        ("danger.fight_now", True),
    ]
    assert rules[0].pattern.pattern == r"\b(?:(?:sword\b)|(?:sabre))"


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("rule: a\n", "danger.yaml: expected a list of rules"),
        ("- patterns: x\n", "danger.yaml: rule 1: rule: expected text"),
        ("- rule: a\n  patterns: x\n- rule: a\n  patterns: y\n", "danger.yaml: a: a second rule"),
        ("- rule: a\n  pattern: x\n", "danger.yaml: a: only rule, needs_now, severe and patterns"),
        ("- rule: a\n  needs_now: yes please\n  patterns: x\n", "a: needs_now is true or false"),
        ("- rule: a\n  patterns: |\n    x{weapons}\n", "{weapons} is not a block"),
        ("- rule: a\n  patterns: |\n    x)\n", "danger.yaml: a: not a regular expression"),
    ],
)
def test_a_broken_rule_file_says_where(source: str, problem: str) -> None:
    with pytest.raises(TriageDataError, match=re.escape(problem)):
        rules_of(Concern.DANGER, parse(source, "danger.yaml"))


def test_spellings_are_read_in_order_and_a_word_never_seen_is_refused() -> None:
    words, two_as_to, phrases = spellings(
        parse("words:\n  sum1: someone\ntwo_as_to: |\n  want\nphrases:\n  x: y\n", "s")
    )
    assert words == {"sum1": "someone"}
    assert two_as_to.sub(r"\1 to", "want 2 go") == "want to go"
    assert [(find.pattern, write) for find, write in phrases] == [("x", "y"), (r"\s+", " ")]
    with pytest.raises(TriageDataError, match="'Sum1' is never seen"):
        spellings(parse("words:\n  Sum1: someone\ntwo_as_to: want\nphrases: {x: y}\n", "s"))
    with pytest.raises(TriageDataError, match="give words, two_as_to and phrases"):
        spellings(parse("words:\n  sum1: someone\n", "s"))


def test_the_shipped_files_are_all_read_and_every_block_is_used() -> None:
    # FILES is what start-up checks an installation has: every file, no other.
    assert {entry.name for entry in DATA.iterdir() if entry.is_file()} == set(FILES)
    vocabulary = parse(DATA.joinpath("vocabulary.yaml").read_text("utf-8"), "vocabulary.yaml")
    sources = "\n".join(DATA.joinpath(name).read_text("utf-8") for name in FILES)
    unused = [name for name in vocabulary if "{" + name + "}" not in sources]
    assert unused == []
    assert len({rule.name for rule in RULES}) == len(RULES)
    assert {rule.concern for rule in RULES} == {
        Concern.SELF_HARM,
        Concern.DANGER,
        Concern.CRIME_IN_PROGRESS,
    }


def test_the_shipped_spellings_and_blocks_reach_the_rules() -> None:
    # spellings.yaml ("some1", "tryin", "2", "rn") and vocabulary.yaml ({weapon},
    # and its topics: "knife crime" is not a knife in a hand).
    assert normalise("Some1 tryin 2 get in rn!") == " someone trying to get in right now! "
    assert assess("some1 tryin 2 get in my house rn").reason == "crime_in_progress.break_in_now"
    assert assess("he's got a machete").reason == "danger.weapon_held"
    # The rules' verdict (the model may flag it: test_triage.py, the rules' hard negatives)
    assert not by_rules(normalise("he's got a knife crime leaflet")).urgent


def test_the_grouped_scan_finds_every_position_a_rule_matches_at() -> None:
    # ANY_RULE groups the alternatives by first character (first_chars.grouped):
    # the positions it finds are those where some rule matches, no more, no fewer.
    from bot.safeguarding.triage.normalise import normalise
    from bot.safeguarding.triage.rules import ANY_RULE
    from tests.support.triage_figures import load

    for example in load("heldout")[:120]:
        text = normalise(example.text)
        expected = {
            start
            for start in range(len(text))
            if any(rule.pattern.match(text, start) for rule in RULES)
        }
        found = set()
        match = ANY_RULE.search(text)
        while match is not None:
            found.add(match.start())
            match = ANY_RULE.search(text, match.start() + 1)
        assert found == expected, example.text


def test_the_grouped_scan_copies_no_alternative_into_many_groups() -> None:
    # An alternative that can start with many characters goes once into a
    # group of its own: copied into each character's group, the scan's pattern
    # was six times the length of the rules and took seconds to compile at
    # every start (first_chars.MOST_COPIES).
    from bot.safeguarding.triage.first_chars import MOST_COPIES, first_chars, grouped
    from bot.safeguarding.triage.rules import ANY_RULE

    alternatives = [a for rule in RULES for a in rule.alternatives]
    assert len(ANY_RULE.pattern) < 3 * sum(len(a) for a in alternatives)
    broad = next(a for a in alternatives if len(first_chars(a) or ()) > MOST_COPIES)
    assert grouped([broad]).count(broad) == 1
    narrow = r"[sz]tab"
    # round 14: each group opens with its character, then checks its two-character openings
    assert grouped([narrow]) == (
        r"\b(?:s(?<=(?=st)(?=(?:(?:[sz]tab)))s)|z(?<=(?=zt)(?=(?:(?:[sz]tab)))z))"
    )


def test_the_grouped_scan_shares_a_leading_group_and_finds_the_same_positions() -> None:
    # Round 12 (speed): alternatives opening with the same group ("(?:child|kid|...)",
    # 22 of the rules' alternatives) share one copy of it, so a position tries
    # it once; a quantified or alternated opening is left whole. Where the scan
    # matches is unchanged, the second rest found by backtracking into the head.
    from bot.safeguarding.triage.first_chars import grouped

    shared = [r"(?:kid|child) (?:is|'s) alone", r"(?:kid|child) gone", r"(?:kid|child)?s lost"]
    pattern = grouped(shared)
    # in each first character's group: the head once, then the rests; the quantified one apart
    assert pattern.count("(?:(?:kid|child)(?:(?: (?:is|'s) alone)|(?: gone)))") == 2  # c, k
    assert "(?:(?:kid|child) (?:is|'s) alone)" not in pattern
    assert "(?:(?:kid|child)?s lost)" in pattern
    assert "(?:(?:a|b)|c d)" in grouped([r"(?:a|b)|c d", r"(?:a|b) e"])  # "|" outside: whole
    scan = re.compile(pattern)
    for text, start in [
        ("the kid gone", 4),
        ("my child is alone", 3),
        ("the kids lost", 4),
        ("the child is here", None),
    ]:
        found = scan.search(text)
        assert (found.start() if found else None) == start, text


def test_first_characters_of_a_pattern() -> None:
    from bot.safeguarding.triage.first_chars import first_chars

    assert first_chars(r"\b(?:is|are|'s)\b") == frozenset("ia'")
    assert first_chars(r"(?<=^ )(?:please )?help") == frozenset("ph")
    assert first_chars(r"(?:[0-9]|one) years?") == frozenset("0123456789o")
    assert first_chars(r"\w+ knife") is None
    assert first_chars(r"(?:a )?") is None  # can match nothing
