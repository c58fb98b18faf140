"""Issue 15, redaction round 20 (r20-dates): a child's school said without
a year group, homes named where an address is given, an age after a kin
word's "'s", and a year of birth written as a field, on wordings written
for this round (not the spent seventeenth set's lines). What an officer
sees is the suggested publishable text. Figures per file are in
docs/redaction-figures.md ("Round 20: a child's school without a year,
homes by name where an address is given"); the conventions (a birth cue
stays outside the date, a town closing an age's description stays) in
docs/decisions.md (same title)."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# 1. A child's school with no year group: a child word with the child's age
# ("(13, goes tae", "my 12 yr old son", "'s 14 an"), then in the same
# sentence "goes to/tae", "gos to", "attends", "is at", then a school named
# with its school word or a Welsh "Ysgol ...". The school's name goes: an
# age and a school make a year group. A school alone still stays ("my son
# goes to Hayes School", tests/bot/test_redaction.py).
SCHOOLS_GO = [
    (
        "my wee brother (11, goes tae Dalmarnock Primary) had his scooter taken",
        "my wee brother (11, goes tae [school and year]) had his scooter taken",
    ),
    (
        "ma lassie's 14 an goes tae Bellahouston Academy an some boy keeps messagin her",
        "ma lassie's 14 an goes tae [school and year] an some boy keeps messagin her",
    ),
    (
        "our eldest (16) attends St Columba's RC High and a man followed her home",
        "our eldest (16) attends [school and year] and a man followed her home",
    ),
    (
        "my grandson, 9, is at Ysgol Bro Hyddgen and older boys took his phone",
        "my grandson, 9, is at [school and year] and older boys took his phone",
    ),
    (
        "my son's 12, he goes to Hartcliffe Community School, and kids keep pushing him",
        "my son's 12, he goes to [school and year], and kids keep pushing him",
    ),
    (
        "my 12 yr old lad gos to Kingsway Academy n he got jumped",
        "my 12 yr old lad gos to [school and year] n he got jumped",
    ),
    (
        "My daughter (15) attends Ysgol Dyffryn Aman and someone is sending her messages",
        "My daughter (15) attends [school and year] and someone is sending her messages",
    ),
]

# A school named as a place, or no school at all after the verb, stays.
SCHOOLS_STAY = [
    "We waited outside Bellahouston Academy for the bus",
    "There was a fight in the car park at Kingsway Academy last night",
    "my son goes to Tesco every Saturday for the papers",
    "my daughter goes to Kingsway Academy and loves it",
    "my 14 yr old waited outside St Columba's RC High for an hour",
    "my daughter is at Castle View School field with her pals, is that allowed",
]

# 2. Homes by name where an address is given ("my address is", "I live at",
# "we live at") before its street or town, and a name set off before "my
# home" / "our home" even after "outside" or "beside".
HOMES_GO = [
    (
        "My address is Upper Quoyness, Rousay, and the ferry is late",
        "My address is [address], Rousay, and the ferry is late",
    ),
    (
        "we live at Windhaven, The Promenade, Southport, and cars race at night",
        "we live at [address], The Promenade, Southport, and cars race at night",
    ),
    (
        "I live at Northfield, Harbour Road, Ullapool",
        "I live at [address], Harbour Road, Ullapool",
    ),
    (
        "someone dumped rubbish beside Brackenlea, our home on the Leek road, last week",
        "someone dumped rubbish beside [address], our home on the Leek road, last week",
    ),
]

# A street or a town where the home would be stays.
HOMES_STAY = [
    "I live at Harbour Road, Ullapool",
    "I live at The Promenade, Southport",
    "I live in Kirkwall, my home town, all my life",
    "we live in Ormskirk, our house is on a corner",
]

# 3. A year of birth written as a field: the field's other names and a year
# cut to two figures after "born". The cue stays outside, as the readable
# sets label dates of birth; a year told in a story stays (docs/decisions.md).
BIRTH_YEARS_GO = [
    ("Dad (born '49) has had a scam call", "Dad ([date of birth]) has had a scam call"),
    ("Year of birth: 1952, name withheld", "Year of birth: [date of birth], name withheld"),
    (
        "my year of birth is 1948 and they knew it",
        "my year of birth is [date of birth] and they knew it",
    ),
]

BIRTH_YEARS_STAY = [
    "My mum was born in '56 and the scammer knew it",
    "my son was born in 2011 and is being bullied",
]

# 4. An age after a kin word's "'s" beside what narrows it (a job at a small
# workplace, living alone): the age and its description go; an age with no
# circumstance stays.
AGES_GO = [
    (
        "my sister's nineteen and works nights at the garage on Mill Lane, a man keeps waiting"
        " for her",
        "[age], a man keeps waiting for her",
    ),
    ("my nan's 90 and lives on her own, can someone visit", "[age], can someone visit"),
]

AGES_STAY = [
    "my son's 15 and plays football on Sundays",
]


@pytest.mark.parametrize(("text", "expected"), SCHOOLS_GO + HOMES_GO + BIRTH_YEARS_GO + AGES_GO)
def test_round20_details_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", SCHOOLS_STAY + HOMES_STAY + BIRTH_YEARS_STAY + AGES_STAY)
def test_round20_kept_as_written(text: str) -> None:
    assert suggest_publishable(text) == text


def test_round20_birth_cue_goes_with_the_date() -> None:
    # superseded later in round 20 (r20-spans, tests/bot/test_redaction_round20_field_cues.py):
    # the cue goes with the date, so the detail is gone whichever way it was labelled
    assert (
        suggest_publishable("My nephew Callum Rae, DOB 02/09/2008, was searched")
        == "My nephew [name], [date of birth], was searched"
    )
