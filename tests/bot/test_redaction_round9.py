"""Issue 15, redaction round 9 (very short): the house numbers and school
years the eighth unseen set (tests/data/personal_details/unseen_2026_11_30_n.jsonl
and _o.jsonl, spent) showed the engine missing, as the set's own lines and as
new variants of each family. What an officer sees is the suggested
publishable text. See docs/redaction-figures.md ("Round 9 (very short)")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# Welsh streets: hyphenated, one word, or a Welsh word before a street type.
WELSH_STREETS = [
    # pn-016
    (
        "neighbour at 3 Pen-y-Lan Terrace has had my ladder 6 weeks",
        "neighbour at [address] has had my ladder 6 weeks",
    ),
    # pn-047
    (
        "Mrs Hopkins at 5 Bryn Road hasnt been seen for 3 days",
        "[name] at [address] hasnt been seen for 3 days",
    ),
    # pn-113
    (
        "its the lad from 31 Glan-y-Nant, they all know him",
        "its the lad from [address], they all know him",
    ),
    # pn-125
    (
        "my student house at 11 Glanrafon, LL57 1LH got broken in",
        "my student house at [address], [postcode] got broken in",
    ),
    # new variants
    ("he lives at 22 Heol-yr-Ysgol with his mum", "he lives at [address] with his mum"),
    ("we live at 4 Maesyderi now and the van", "we live at [address] now and the van"),
    ("parked outside 7 Bryngwyn Avenue again", "parked outside [address] again"),
    ("the house at 5 Cefn Coed Road was done", "the house at [address] was done"),
]

# The street, then its number.
STREET_THEN_NUMBER = [
    # pn-053
    (
        "lives on Hollyhedge Road at number 190. what more do u want",
        "lives on [address]. what more do u want",
    ),
    # po-079
    (
        "we r on girlington rd, house 112, bd8 9ne. my brother",
        "we r on [address], [postcode]. my brother",
    ),
    # new variants
    ("she is on Church Street at house number 4 now", "she is on [address] now"),
    ("its Elm Road, house 12, the blue door", "its [address], the blue door"),
    ("were on ashfield rd at no. 9 since may", "were on [address] since may"),
]

# Scotland's and Northern Ireland's school years, in any case, with the town.
SCHOOL_YEARS = [
    # po-157
    (
        "ma wee sister (s2 at hazlehead academy) got her phone took",
        "ma wee sister ([school and year]) got her phone took",
    ),
    # po-133 (the town after the school goes with it)
    (
        "she is in P5 at St Patrick's Primary, Armagh, had her scooter taken",
        "she is in [school and year], had her scooter taken",
    ),
    # new variants
    ("my boy is p7 in st john's primary school", "my boy is [school and year]"),
    ("hes s3 at Forfar Academy, Dundee and", "hes [school and year] and"),
]

# What must stay: no house number, a count, a phone model, a word after the school.
STAYS = [
    "4 Pen Drives for sale at the car boot",
    "the bus on kings road, house prices are mad",
    "on Station Road no. 2 stop",
    "my s4 at home is broken",
    "s3 at the school gates",
]


@pytest.mark.parametrize(("text", "expected"), WELSH_STREETS + STREET_THEN_NUMBER + SCHOOL_YEARS)
def test_details_the_eighth_set_missed_are_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", STAYS)
def test_streets_alone_counts_and_phones_stay(text: str) -> None:
    assert suggest_publishable(text) == text


def test_a_word_after_the_school_that_is_no_town_stays() -> None:
    assert (
        suggest_publishable("P5 at Holy Cross Primary, Orla said it was fine")
        == "[school and year], Orla said it was fine"
    )
