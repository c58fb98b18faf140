"""Issue 15, redaction round 6 (short): the forms the fifth unseen set
(tests/data/personal_details/unseen_2026_11_30_h.jsonl and _i.jsonl) showed
the engine missing, as concepts in new sentences, and the words that must
stay beside them. What an officer sees is the suggested publishable text.
Figures per file are in docs/redaction-figures.md ("Round 6 (short)")."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.safeguarding.redaction import suggest_publishable


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Glasgow tenement flat (floor/door) before its street
        (
            "the lassie at 2/3 88 Garscube Road keeps buzzing everyone",
            "the lassie at [address] keeps buzzing everyone",
        ),
        (
            "My gran is 1/2, 17 Onslow Drive and a man tried her door",
            "My gran is [address] and a man tried her door",
        ),
        (
            "we stay 3/1 at 240 Paisley Road West since March",
            "we stay [address] since March",
        ),
        # a flat in a lettered or numbered block, either way round
        (
            "someone keeps kicking the door of flat 14 block b at night",
            "someone keeps kicking the door of [address] at night",
        ),
        (
            "I'm in Block 3, Flat 22 and the lift is broken",
            "I'm in [address] and the lift is broken",
        ),
        # a Welsh street in lower case with its number
        (
            "post goes to 12 heol y felin now, not to my old place",
            "post goes to [address] now, not to my old place",
        ),
        ("we moved to 7 lon yr ysgol last year", "we moved to [address] last year"),
        # a house number in words after a misspelt "number"
        ("hes on Park Rd nummber forty two", "hes on Park Rd [address]"),
        # digits in words after a code, a card's last digits or a PIN
        (
            "the door code is six two six one and he knows it",
            "the door code is [ID number] and he knows it",
        ),
        (
            "a payment on my card ending in nine nine oh three that I never made",
            "a payment on my card ending in [ID number] that I never made",
        ),
        ("she told him her pin, three one one eight.", "she told him her pin, [ID number]."),
    ],
)
def test_round_6_numbers_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a score, a date and a fraction are not a tenement flat
        "we won 3/2 in the end, 45 minutes of pure rain",
        "the code of conduct says four things",
        "the pin on my badge fell off",
        "it took forty one minutes for the bus",
        "the block of flats on Heol Y Deri is fine",
        "the card ends up in the bin every time",
    ],
)
def test_round_6_number_look_alikes_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a known place after "round" or "places like", though also a given name
        (
            "the lads round Clifton have been setting bins alight, my son Dean saw them",
            "the lads round Clifton have been setting bins alight, my son [name] saw them",
        ),
        (
            "is it only the big stations like Preston that do that? Ta, Shona Reid",
            "is it only the big stations like Preston that do that? Ta, [name]",
        ),
        # the town after a street's address and a comma
        (
            "Letters for me go to 14 Chapel Walk, Bradley. I am worried.",
            "Letters for me go to [address], Bradley. I am worried.",
        ),
        # one word after "officer for": an area
        (
            "is there a wildlife crime officer for Moray I can speak to",
            "is there a wildlife crime officer for Moray I can speak to",
        ),
        # a hospital named after a royal
        (
            "I work nights at the Princess Alexandra and my car was keyed",
            "I work nights at the Princess Alexandra and my car was keyed",
        ),
        # a landscape with "the": hills, braes, moors
        (
            "scramblers tearing up the Pentland Hills every Sunday",
            "scramblers tearing up the Pentland Hills every Sunday",
        ),
        # a district named "... Side"
        ("Tyne Side folk are fed up of it", "Tyne Side folk are fed up of it"),
        # an organisation named with a place, a housing association by name
        (
            "the carer from Kind Hands Care Leeds never turned up, my mum is Edna Shaw",
            "the carer from Kind Hands Care Leeds never turned up, my mum is [name]",
        ),
        (
            "I rang the housing association, it's Loretto they said to call you",
            "I rang the housing association, it's Loretto they said to call you",
        ),
    ],
)
def test_round_6_places_and_organisations_stay(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a given name after an address is still a person where they go on
        (
            "the bloke at 9 Cedar Road, Martin, he flies a drone over us",
            "the bloke at [address], [name], he flies a drone over us",
        ),
        # a person named Queen is a person
        ("my neighbour Elizabeth Queen shouts at us", "my neighbour [name] shouts at us"),
    ],
)
def test_round_6_people_near_those_forms_still_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a given name or surname first, then a trade word the older list lacked
        (
            "someone smashed the window of Iqbal Halal Meats last night",
            "someone smashed the window of [name] last night",
        ),
        (
            "Hi, Denise's Dog Walking here, a van follows me on my rounds",
            "Hi, [name] here, a van follows me on my rounds",
        ),
        (
            "the van for Kowalski Upholstery was broken into",
            "the van for [name] was broken into",
        ),
        ("Patel's Convenience on Mill Lane was robbed", "[name] on Mill Lane was robbed"),
        (
            "my uncle owns Hussain Fabrics, they rang him",
            "my uncle owns [name], they rang him",
        ),
    ],
)
def test_round_6_businesses_named_after_someone_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a brand, a place or plain words before the trade word stay
        "the General Store on the green was shut all week",
        "the Tesco Superstore car park is a mess",
        "someone nicked a trolley from Asda Superstore",
        "the Village Stores by the church had a break-in",
        "kids hang about outside Premier Convenience every night",
    ],
)
def test_round_6_shops_without_a_person_stay(text: str) -> None:
    assert suggest_publishable(text) == text


def test_a_detail_never_ends_or_starts_inside_a_word() -> None:
    # A finder's span stopped at the "o" of "off": the suggestion read
    # "[job]f Station Road". A span is widened to whole words, never cut.
    assert suggest_publishable("we run Kowalski Upholstery off Station Road") == (
        "[job] Station Road"
    )
    corpus = Path(__file__).resolve().parent.parent / "data" / "personal_details"
    broken = [
        out
        for name in (
            "dev.jsonl",
            "dev_2026_11_e.jsonl",
            "dev_2026_11_f.jsonl",
            "third_author.jsonl",
        )
        for line in (corpus / name).read_text(encoding="utf-8").splitlines()
        if re.search(r"\][^\W_]|[^\W_]\[", out := suggest_publishable(json.loads(line)["text"]))
    ]
    assert broken == []
