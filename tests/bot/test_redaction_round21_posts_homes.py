"""Issue 15, redaction round 21 (r21-posts): posts at a workplace narrowed
by a shift, a ward, a crossing or a spot; an age with the door it lives
behind; homes named after a townland or a Welsh place-name; and towns the
name and school readers took, given back by where they stand. Wordings are
written for this round as classes (not the spent eighteenth set's lines).
What an officer sees is the suggested publishable text. Figures in
docs/redaction-figures.md ("Round 21: posts at a workplace, ages by the
door, townland homes, towns on journeys"); counts in docs/decisions.md
("Round 21 (redaction, posts and homes)")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# 1. Posts at a workplace.
POSTS_GO = [
    # the writer's own shift post at a branch, with the street it is on
    (
        "im the shift manager at the chippy on the front. lads keep kicking off",
        "im [job]. lads keep kicking off",
    ),
    (
        "I'm the duty manager at the Co-op on Mill Road and a man keeps stealing meat",
        "I'm [job] and a man keeps stealing meat",
    ),
    # a hospital post at a named hospital with its shift
    (
        "I'm a cleaner at Royal Bolton hospital on nights and someone follows me to the bus",
        "I'm a [job] and someone follows me to the bus",
    ),
    (
        "my wife is a nurse at Arrowe Park on the night shift and her car was keyed",
        "my wife is a [job] and her car was keyed",
    ),
    # a hospital post on a ward at a named hospital
    (
        "she's a nurse on Ward 12 at Ysbyty Gwynedd and he waits for her after work",
        "she's [job] and he waits for her after work",
    ),
    (
        "a sister on the stroke unit at the Royal Gwent keeps getting calls",
        "a [job] keeps getting calls",
    ),
    # a school crossing patrol at a named school, with or without an article
    (
        "Crossing patrol at Fernhill Primary - a van mounted the kerb at 3.15.",
        "[job] - a van mounted the kerb at 3.15.",
    ),
    (
        "our lollipop man at Oakwood Juniors got shouted at again",
        "[job] got shouted at again",
    ),
    # someone who works a shift at a place, with the spot and the place it is in
    (
        "the girl who works weekends at the deli counter in Asda has been followed home",
        "the [job] has been followed home",
    ),
    (
        "the bouncer who works Fridays at the door of Flares was assaulted",
        "the [job] of Flares was assaulted",
    ),
]

# Near-misses: a post with nothing narrowing it, staff in general, a shift alone.
POSTS_STAY = [
    "my daughter is a nurse at the Whittington and a man follows her",
    "I'm a porter at the hospital and my bike was taken from the rack",
    "the shift manager said the police had been called",
    "I work nights so I can't come to the meeting",
    "the lollipop lady was brilliant with the kids",
    "staff at the Co-op on Mill Road have been threatened",
]
# A post of a named allotment society is a post of a named body: it goes.
SOCIETY_POST = "I'm the secretary of Hemsworth Allotment Society and our sheds were forced"

# 2. An age with the door it lives behind.
AGES_GO = [
    (
        "a 12 year old girl who lives above the chip shop on Bridge Street is being bullied",
        "a [age] on Bridge Street is being bullied",
    ),
    (
        "the 80 yr old man who lives opposite the church in Leek has had his car done",
        "the [age] in Leek has had his car done",
    ),
]
AGES_STAY = [
    "the 15 year old lad who lives near me keeps riding a pit bike",
    "the lad who lives above the bookies keeps shouting",
    "a 30 year old tree fell on the shop",
]

# 3. Homes named after a townland or a Welsh place-name.
HOMES_GO = [
    (
        "someone took the quad from the yard at Drumnagh House last night",
        "someone took the quad from the yard at [address] last night",
    ),
    (
        "the dogs at Tan y Bwlch Farm were let out again",
        "the dogs at [address] were let out again",
    ),
    (
        "sheep loose on the lane by Maes yr Haf Cottage every morning",
        "sheep loose on the lane by [address] every morning",
    ),
]
HOMES_STAY = [
    "we met at Aberdeen House for the council meeting",
    "the walk up Pen y Fan was closed",
    "I visited Wilberforce House museum in Hull",
]

# 4. Towns given back by where they stand.
TOWNS_KEPT = [
    (
        "left my bag on the bus from preston 2 chorley, can any1 help",
        "left my bag on the bus from preston 2 chorley, can any1 help",
    ),
    (
        "Got a lift from Chester to Wrexham and the driver was drunk",
        "Got a lift from Chester to Wrexham and the driver was drunk",
    ),
    (
        "Lads dealing outside Greggs, Moortown, every night.",
        "Lads dealing outside Greggs, Moortown, every night.",
    ),
    (
        "Licensing query, DOB 4.6.88, Ely.",
        "Licensing query, [date of birth], Ely.",
    ),
    (
        "shes in yr 9 at the kings school ely n they keep messaging her",
        "shes in [school and year] ely n they keep messaging her",
    ),
    (
        "I'm treasurer of the Bramley allotments and two sheds were forced",
        "I'm treasurer of the Bramley allotments and two sheds were forced",
    ),
]
# Near-misses: the same words where a person is meant.
NAMES_STAY = [
    ("Thanks for your help, Preston", "Preston"),
    ("I went with Chester from work", "Chester"),
    ("outside Greggs, Kevin said he saw them", "Kevin"),
]
# A word for a person after "big" or "little" is no nickname ("Big Kev" still is).
DESCRIPTIONS_STAY = [
    ("the driver, big fella with a beard, refused to take us", "big fella with a beard"),
    ("a little lass in a red coat was crying", "little lass in a red coat"),
]


@pytest.mark.parametrize(("text", "expected"), POSTS_GO + AGES_GO + HOMES_GO + TOWNS_KEPT)
def test_round21_suggested_text(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", POSTS_STAY + AGES_STAY + HOMES_STAY)
def test_round21_near_misses_are_not_taken_by_the_new_readers(text: str) -> None:
    out = suggest_publishable(text)
    assert "[job]" not in out or "[job]" in text
    assert "[age]" not in out
    assert "[address]" not in out


@pytest.mark.parametrize(("text", "words"), DESCRIPTIONS_STAY)
def test_round21_a_described_person_keeps_their_description(text: str, words: str) -> None:
    assert words in suggest_publishable(text)


def test_round21_big_and_a_short_name_is_still_a_nickname() -> None:
    assert "Kev" not in suggest_publishable("a lad called Big Kev keeps selling vapes")


def test_round21_a_post_of_an_allotment_society_still_goes() -> None:
    assert "Hemsworth Allotment Society" not in suggest_publishable(SOCIETY_POST)


@pytest.mark.parametrize(("text", "name"), NAMES_STAY)
def test_round21_a_person_after_the_same_cues_is_still_a_name(text: str, name: str) -> None:
    assert name not in suggest_publishable(text)
