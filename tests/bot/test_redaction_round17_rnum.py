"""Issue 15, redaction round 17 (the number group): a record's number read
by its shape or its cue (reference_codes.py), a plate said aloud with
"space" between its halves or spelled with hyphens (spoken.py), a house
number with a shortened street word in lower case (address.py). The
wordings are new, in several voices (text-speak, elderly formal, non-native,
rambling), with look-alikes that must stay: times, years, ranges, dates,
bus numbers, counts, a shop's reference."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

GOES = [
    # a record's code by its shape, anywhere
    (
        "pls chase up my thing, its HX-4471-2093 on the letter u sent",
        "pls chase up my thing, its [ID number] on the letter u sent",
    ),
    (
        "The paperwork I was given reads 22/FAC/30871 at the top.",
        "The paperwork I was given reads [ID number] at the top.",
    ),
    (
        "my firearms renewal RB/07/5532 still not come back after 4 months",
        "my firearms renewal [ID number] still not come back after 4 months",
    ),
    # by a cue a few words before
    (
        "I write regarding the licence, numbered 5530917, of my late brother.",
        "I write regarding the licence, numbered [ID number], of my late brother.",
    ),
    (
        "they took money, the bank say sort code is 40-11-62 and it was my account",
        "they took money, the bank say [ID number] and it was my account",
    ),
    (
        "the man show me his badge, it was 7731, then he go away",
        "the man show me his badge, it was [ID number], then he go away",
    ),
    (
        "any news on CRN 5521907/26? been weeks now",
        "any news on CRN [ID number]? been weeks now",
    ),
    (
        "Honestly the driver was so rude, hackney plate 2208, I wrote it down.",
        "Honestly the driver was so rude, hackney plate [ID number], I wrote it down.",
    ),
    # a plate said aloud with "space", or spelled with hyphens
    (
        "they drove off quick, reg is K-T-one-nine space R-L-W",
        "they drove off quick, reg is [vehicle reg]",
    ),
    (
        "Registration: Delta Foxtrot seven two, space, Mike Papa Echo.",
        "Registration: [vehicle reg].",
    ),
    (
        "plates were B-N-seven-zero-O-P-T i think",
        "plates were [vehicle reg] i think",
    ),
    # a postcode spelled with hyphens after "postcode"
    (
        "postcode is L-S-six, four-A-B if u need it",
        "postcode is [postcode] if u need it",
    ),
    (
        "My post code was b-d-seven, three-r-t, sorry for typing.",
        "My post code was [postcode], sorry for typing.",
    ),
    # a house number and a street word shortened in lower case
    (
        "she put my address up, 27 holmes sq leeds, on fb for everyone",
        "she put my address up, [address] leeds, on fb for everyone",
    ),
    (
        "we stay at 6 orchard cres, next to the shop",
        "we stay at [address], next to the shop",
    ),
]

STAYS = [
    "the 42 bus was late again and I waited 20 minutes",
    "it happened at 2300 hours on 12/03/2025",
    "he got 12-18 months in the end, back in 2019",
    "the 2019-2020 season was the worst for break-ins",
    "ref number 4471-0093 from the online shop",
    "there was no space in the car park so I left at 5",
    "it was a cab, plate 6620, from the station",
    "CRN 2021 I think, I lost the letter",
    "we counted 3-4-5 cars outside every night",
    "she was 3rd in the 100m at sports day",
    "my postcode-ish area is big, I live in a semi",
]


@pytest.mark.parametrize(("text", "expected"), GOES)
def test_number_details_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", STAYS)
def test_ordinary_numbers_stay(text: str) -> None:
    assert suggest_publishable(text) == text
