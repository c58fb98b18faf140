"""Issue 15, redaction round 11 (short): numbers, houses and schools by
family, on wordings written for this round (at least eight a family) and
the ninth unseen set's own lines (tests/data/personal_details/
unseen_2026_11_30_p.jsonl and _q.jsonl, spent; shortened). What an officer
sees is the suggested publishable text. Figures per file are in
docs/redaction-figures.md ("Round 11: numbers, houses and schools")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# 1. Numbers. The set's lines are pp9-071, pp9-095, pq9-036, pq9-125 and
# pq9-160 (shortened).
NUMBERS = [
    # an Edinburgh flat after the postcode or the street: the flat's word goes too
    (
        "a man sleeping in the stair at my block, 14 Gorgie Road, EH11 2NP, flat 1F3. He is not",
        "a man sleeping in the stair at my block, [address], [postcode], [address]. He is not",
    ),
    (
        "my address is 22 Easter Road, EH6 8JL, flat 2F1 and the noise is every night",
        "my address is [address], [postcode], [address] and the noise is every night",
    ),
    (
        "we're at 5 Comely Bank Row, EH4 1DT, PF2, the neighbours are fighting",
        "we're at [address], [postcode], [address], the neighbours are fighting",
    ),
    (
        "please send someone to 31 Leith Walk, EH6 5HB, 3F1 before midnight",
        "please send someone to [address], [postcode], [address] before midnight",
    ),
    (
        "we're at 8 Bruntsfield Place, flat GF2, can't sleep for the noise",
        "we're at [address], [address], can't sleep for the noise",
    ),
    (
        "her flat is 40 Dalry Road, EH11 2BA, MF1, the buzzer doesnt work",
        "her flat is [address], [postcode], [address], the buzzer doesnt work",
    ),
    # a number on an estate named with no street's word
    (
        "I live at number fifteen on the Greenacres, postcode is N-R-3 1-P-Z. Lads are",
        "I live at [address], postcode is [postcode]. Lads are",
    ),
    ("she lives at number 7 on the Meadows estate", "she lives at [address]"),
    ("number twenty two on the Parklands, kids on bikes", "[address], kids on bikes"),
    (
        "he's at number six on the Woodlands, the lads gather there",
        "he's at [address], the lads gather there",
    ),
    # a house number with a Welsh house name
    (
        "there's this house at the end of our road, number 2 Craig y Don, and there's cars",
        "there's this house at the end of our road, [address], and there's cars",
    ),
    ("no 4 Pen yr Allt, the one with the green door", "[address], the one with the green door"),
    (
        "my mam lives at number 9 Tŷ'r Ysgol by the chapel",
        "my mam lives at [address] by the chapel",
    ),
    ("number 11 Bryn y Mor, Abersoch", "[address], Abersoch"),
    # a personalised plate after its cue
    (
        "The man in the Rolls-Royce Ghost reg M1 KHAN keeps parking in the disabled bay",
        "The man in the Rolls-Royce Ghost reg [vehicle reg] keeps parking in the disabled bay",
    ),
    (
        "private plate K1 LLA on a white Range Rover",
        "private plate [vehicle reg] on a white Range Rover",
    ),
    ("the plate is 1 DAD on a black merc", "the plate is [vehicle reg] on a black merc"),
    # a second guess at a plate
    (
        "the red Audi A3 in the Morrisons car park, reg LS15 ADP or ADB cant see properly",
        "the red Audi A3 in the Morrisons car park, reg [vehicle reg] or [vehicle reg] cant see"
        " properly",
    ),
    (
        "the transit was YX19 KTE or maybe KTF",
        "the transit was [vehicle reg] or maybe [vehicle reg]",
    ),
    (
        "plate was FN12 AXE / AXF, couldn't see",
        "plate was [vehicle reg] / [vehicle reg], couldn't see",
    ),
]

# What must stay: service numbers, times, money, bus routes, road numbers,
# partial postcodes said as areas, a rank on a list, a day's rota.
NUMBERS_STAY = [
    "took the M1 to Leeds, then the 42 bus",
    "ring 101 or 999 if it happens again, the 42 bus or the X43",
    "took the A470 or the A44 to Aberystwyth, about £20 in diesel",
    "I was number 3 on the list for a council house",
    "reg NO IDEA sorry, it was dark",
    "it happens about 10pm, the 2F1 flats aren't the problem",
]
NUMBERS_PARTLY_STAY = [
    (
        "we're number 10 on the Tuesday rota at the Scouts",
        "we're [address] on the Tuesday rota at the Scouts",
    ),
    (
        "we're in LS15 or LS16, not sure which side",
        "we're in [postcode] or [postcode], not sure which side",
    ),
]


# 2. House names with no house word, before a village and a postcode after
# "at" or "my address,", or set off by commas after a home's word. The
# set's lines are pp9-039, pp9-085, pp9-098, pp9-117 and pp9-146 (shortened).
HOUSES = [
    (
        "letters addressed to a previous occupant at my address, The Manse, Kilmartin,"
        " PA31 8RQ, including court papers",
        "letters addressed to a previous occupant at my address, [address], Kilmartin,"
        " [postcode], including court papers",
    ),
    (
        "We have a holiday let, Gwel an Mor, at Porthleven, and a guest reported",
        "We have a holiday let, [address], at Porthleven, and a guest reported",
    ),
    (
        "We're at Little Trewen, St Just TR19 7JQ. His number's on his van",
        "We're at [address], St Just [postcode]. His number's on his van",
    ),
    (
        "call upon me at Tŷ'r Ysgol, Llanfihangel, SY10 0NP, concerning trespass",
        "call upon me at [address], Llanfihangel, [postcode], concerning trespass",
    ),
    (
        "I run a small farm shop, Parc y Llyn, on the A470 between Rhayader and Builth",
        "I run a small farm shop, [address], on the A470 between Rhayader and Builth",
    ),
    (
        "please write to me at Hafod Wen, Llanbrynmair, SY19 7DU",
        "please write to me at [address], Llanbrynmair, [postcode]",
    ),
    (
        "my nan lives at The Willows, Great Ayton, TS9 6AB",
        "my nan lives at [address], Great Ayton, [postcode]",
    ),
    (
        "we have a cottage, Chy an Dowr, at Mousehole and the shed was broken into",
        "we have a cottage, [address], at Mousehole and the shed was broken into",
    ),
    (
        "our B&B, Tegfan, on the main road got a fake review",
        "our B&B, [address], on the main road got a fake review",
    ),
    (
        "we've a holiday cottage, Trelawny, near Padstow",
        "we've a holiday cottage, [address], near Padstow",
    ),
]
# What stays: a town after a home's word, a street, a shop, a hospital, a
# day; only the postcode goes.
HOUSES_STAY = [
    "our house, Bromley, near the station",
    "the house, Monday, was broken into",
]
HOUSES_PARTLY_STAY = [
    (
        "we met at Highfield Road, Leeds, LS6 2AB last week",
        "we met at Highfield Road, Leeds, [postcode] last week",
    ),
    (
        "I work at Morrisons, Kirkcaldy, KY1 1AA nights",
        "I work at Morrisons, Kirkcaldy, [postcode] nights",
    ),
    (
        "we were at Kings Lynn, Norfolk, PE30 1AA for the market",
        "we were at Kings Lynn, Norfolk, [postcode] for the market",
    ),
    (
        "she's at Ysbyty Gwynedd, Bangor, LL57 2PW since Monday",
        "she's at Ysbyty Gwynedd, Bangor, [postcode] since Monday",
    ),
]


# 3. School years the local way. The set's lines are pp9-044, pp9-059,
# pq9-063 and pq9-129 (shortened).
SCHOOLS = [
    (
        "lives at no 14. my lads in p2 at st ninians. took him to minor injuries",
        "lives at [address]. my lads in [school and year]. took him to minor injuries",
    ),
    (
        "my son is in blwyddyn 8 at Ysgol Glan Clwyd. dont want him named",
        "my son is in [school and year]. dont want him named",
    ),
    (
        "sent a death threat on Snapchat. She's 16 and at Leeds City Academy. Thank you",
        "sent a death threat on Snapchat. [school and year]. Thank you",
    ),
    (
        "doing work experience. He is 15 and at Park View School, Year 11. How does he apply?",
        "doing work experience. [school and year]. How does he apply?",
    ),
    (
        "my daughter is in p5 at st marys in the town",
        "my daughter is in [school and year] in the town",
    ),
    (
        "wee one is p7 at holy cross, bullied every day",
        "wee one is [school and year], bullied every day",
    ),
    ("mae hi ym mlwyddyn 10 yn Ysgol Bro Myrddin", "mae hi ym [school and year]"),
    ("my son is in blwyddyn 3 at Ysgol y Wern", "my son is in [school and year]"),
    # inside a sentence, or in lower case, the pronoun stays
    ("he's 14 and at Carr Manor Community School", "he's [school and year]"),
    (
        "my son Liban he is 10 and at Oak Hill Primary, big boys push him",
        "my son [name] he is [school and year], big boys push him",
    ),
    ("I'm 15 and at Cardinal Heenan High, pls dont tell", "[school and year], pls dont tell"),
]
# What stays: a year with no school, an age at work or at the end of a tether,
# a saint's street or church.
SCHOOLS_STAY = [
    "i'm in p3 at the moment of the investigation",
    "he is 15 and at work most days",
    "she's 16 and at the end of her tether",
    "the p2 at st ninians road bus stop",
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_numbers_the_ninth_set_missed_are_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", NUMBERS_STAY)
def test_services_routes_roads_money_and_ranks_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), NUMBERS_PARTLY_STAY)
def test_only_the_home_or_the_postcode_goes_beside_a_rota_or_an_area(
    text: str, expected: str
) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(("text", "expected"), HOUSES)
def test_house_names_with_no_house_word_are_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", HOUSES_STAY)
def test_a_town_or_a_day_after_a_homes_word_stays(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), HOUSES_PARTLY_STAY)
def test_streets_shops_towns_and_hospitals_stay_before_a_postcode(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(("text", "expected"), SCHOOLS)
def test_school_years_said_the_local_way_are_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", SCHOOLS_STAY)
def test_a_year_or_an_age_with_no_school_stays(text: str) -> None:
    assert suggest_publishable(text) == text
