"""Round 18: numbers in any written form. What the officer sees: the
suggested text with the number gone and the ordinary words around it kept."""

from __future__ import annotations

import random

import pytest

from bot.safeguarding.redaction import find_personal_details
from tests.support.number_forms import (
    number_in_words,
    phone_forms,
    plate_forms,
    postcode_forms,
)


def suggested(text: str) -> str:
    """The text with every detail found replaced by a bracket, as offered."""
    out = text
    for detail in sorted(find_personal_details(text), key=lambda d: d.start, reverse=True):
        out = out[: detail.start] + "[removed]" + out[detail.end :]
    return out


def gone(text: str, value: str) -> bool:
    """Whether every letter and digit of ``value`` was replaced."""
    found = text.find(value)
    assert found >= 0, value
    spans = [(d.start, d.end) for d in find_personal_details(text)]
    return all(
        any(a <= i < b for a, b in spans)
        for i in range(found, found + len(value))
        if text[i].isalnum()
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We're on Alder Way, postcode BS7.8QT, and the lights are out.", "BS7.8QT"),
        ("i live at E14.5AB near the park", "E14.5AB"),
        ("postcode L one seven, eight X E, and the lights are out", "L one seven, eight X E"),
        ("Is D N five five one P T in your area?", "D N five five one P T"),
        ("We are at S W one A, one A A now", "S W one A, one A A"),
        ("email me on john smith at btinternet dot com please", "john smith at btinternet dot com"),
        (
            "you can get me at kerry ann at hotmail dot co dot uk",
            "kerry ann at hotmail dot co dot uk",
        ),
        ("07700 ... 900 417 is my mobile", "07700 ... 900 417"),
        ("my no is 07700 … 900417", "07700 … 900417"),
        ("ring 07700 -- 900 417 thanks", "07700 -- 900 417"),
    ],
)
def test_the_number_is_gone(text: str, value: str) -> None:
    assert gone(text, value)
    assert value not in suggested(text)


@pytest.mark.parametrize(
    ("text", "number", "kept"),
    [
        (
            "best number for me: 0770 090 0400 three lads on two bikes",
            "0770 090 0400",
            "three lads",
        ),
        (
            "Contact number 07700 nine nought nought nine six nought. three lads on bikes",
            "07700 nine nought nought nine six nought",
            "three lads",
        ),
    ],
)
def test_a_whole_number_does_not_run_on_into_a_count(text: str, number: str, kept: str) -> None:
    shown = suggested(text)
    assert number not in shown
    assert kept in shown


def test_a_number_said_with_a_figure_too_many_still_goes() -> None:
    # read as said: "nine hundred treble three one" is one number, all of it goes
    text = "my dads number is oh seven seven double oh nine hundred treble three one, pls ring"
    assert gone(text, "oh seven seven double oh nine hundred treble three one")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("the car was YA19 DFE, blue Golf, two lads in it", "blue Golf, two lads"),
        ("a VW Golf, 2 lads inside, reg BV17 XHN", "VW Golf, 2 lads"),
        ("house is 120 years old and the locks are rubbish", "120 years old"),
        ("our flats are 60 years old", "60 years old"),
        ("Should I ring 101 or 999 when they're fighting?", "101 or 999"),
        ("Childline is 0800 1111 isn't it?", "0800 1111"),
        ("There was a crash on the A23 at 20:00", "A23 at 20:00"),
        ("they turn up at half seven on the number 38 bus", "half seven on the number 38 bus"),
        ("I waited 20... 30 minutes on 101", "20... 30 minutes"),
        ("we paid £1,200 for the fence in 2019", "£1,200 for the fence in 2019"),
    ],
)
def test_everyday_numbers_stay(text: str, kept: str) -> None:
    assert kept in suggested(text)


def test_a_golf_read_out_in_a_plate_still_goes() -> None:
    text = "the reg was Golf Yankee one nine, white van"
    assert gone(text, "Golf Yankee one nine")


def test_a_person_of_great_age_is_still_an_age() -> None:
    text = "my nan is 91 and lives alone on Cedar Close"
    assert "91" not in suggested(text)
    # "law is" is no building's age: the relation keeps its age detail
    text = "My mother-in-law is in her nineties and the only resident left in the block"
    assert "nineties" not in suggested(text)


RNG = random.Random(1818)


@pytest.mark.parametrize(
    ("value", "kind"),
    phone_forms("07700900417", RNG) + phone_forms("01134960123", RNG),
)
def test_every_generated_phone_form_goes(value: str, kind: str) -> None:
    text = f"ring me on {value} if you need more"
    assert gone(text, value), (kind, value)
    assert "if you need more" in suggested(text)


@pytest.mark.parametrize(("value", "kind"), postcode_forms("LS6 3HN", RNG))
def test_every_generated_postcode_form_goes(value: str, kind: str) -> None:
    text = f"my postcode is {value} is that your area"
    assert gone(text, value), (kind, value)


@pytest.mark.parametrize(("value", "kind"), plate_forms("KX21 TPO", RNG))
def test_every_generated_plate_form_goes(value: str, kind: str) -> None:
    text = f"a silver Corsa, reg {value}, parked on my drive"
    assert gone(text, value), (kind, value)


def test_the_generator_says_numbers_as_people_do() -> None:
    assert number_in_words(23) == "twenty-three"
    assert number_in_words(23, hyphen=False) == "twenty three"
    assert number_in_words(112) == "one hundred and twelve"
