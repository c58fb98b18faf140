"""Issue 15, redaction round 20 (r20-spans): a field's cue goes with its
value in one replacement ("DOB 12/04/2007" -> "[date of birth]"), on
wordings written for this round. Writers label a date of birth both with
and without its cue; taking the cue leaves the detail gone under both, and
the label says what was taken. Cues are field words only (data file
bot/safeguarding/redaction/data/field_cues.txt); a town or public place
after an age, a kin word before a name, and a cue with no value after it
stay. Counts in docs/decisions.md ("Round 20 (redaction): a field's cue
goes with its value"), figures in docs/redaction-figures.md."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

CUE_GOES_WITH_VALUE = [
    # a date of birth after its cue, as a field
    (
        "my son, DOB 12/04/2007, was stopped outside the leisure centre",
        "my son, [date of birth], was stopped outside the leisure centre",
    ),
    (
        "Name: Ryan Cole. D.O.B: 03/11/1999. Lost wallet",
        "Name: [name]. [date of birth]. Lost wallet",
    ),
    (
        "her date of birth: 21/07/2010 in case you need it",
        "her [date of birth] in case you need it",
    ),
    (
        "My gran Edna, born 3rd June 1941, keeps getting calls from a man",
        "My gran [name], [date of birth], keeps getting calls from a man",
    ),
    ("our dad (born 3rd March 1946) wanders off", "our dad ([date of birth]) wanders off"),
    ("the lad, born on 12 June 2009, is missing", "the lad, [date of birth], is missing"),
    # a home's number word goes with the number, misspelt or short
    (
        "a van parked at nummer twelve Burgh Road since sunday",
        "a van parked at [address] since sunday",
    ),
    (
        "the kid from no 9 willow way keeps kicking the door",
        "the kid from [address] keeps kicking the door",
    ),
    # "on the plate" after a registration is the plate's own wording
    (
        "a silver Mercedes with WA66 LMN on the plate, which he wrote down",
        "a [vehicle reg], which he wrote down",
    ),
]


@pytest.mark.parametrize(("text", "suggested"), CUE_GOES_WITH_VALUE)
def test_a_field_cue_goes_with_its_value(text: str, suggested: str) -> None:
    assert suggest_publishable(text) == suggested


STAYS = [
    # no date of birth after the cue
    "He was born and bred in Leeds and never had trouble like this.",
    "Can you tell me what DOB means on the form?",
    # a date that is no birth date keeps its words around it
    "the meeting on 12/04/2025 at the village hall was cancelled",
    "my son was born in 2010 and goes to the youth club",
    # a plate's place that is not the plate's own wording
    "They have damaged our car Toyota Yaris registration AB12 CDE on the drive.",
]


@pytest.mark.parametrize("text", STAYS)
def test_a_cue_without_its_value_stays(text: str) -> None:
    suggested = suggest_publishable(text)
    if "AB12 CDE" in text:
        assert suggested == (
            "They have damaged our car Toyota Yaris registration [vehicle reg] on the drive."
        )
    else:
        assert suggested == text


def test_born_as_a_verb_keeps_its_words() -> None:
    # "was born on" is told, not a field: only the date goes
    assert (
        suggest_publishable("I was born on 3rd March 1985 and I live alone")
        == "I was born on [date of birth] and I live alone"
    )


def test_a_town_after_an_age_and_a_kin_word_before_a_name_stay() -> None:
    # the earlier round-20 decision on towns closing an age stands; a kin
    # word is no field cue (477 labels leave it outside, none inside)
    suggested = suggest_publishable("my son Callum, aged 14, lives with me in Hexham")
    assert "my son [name]" in suggested
    assert "Hexham" in suggested
    assert "aged" not in suggested
    assert "14" not in suggested
