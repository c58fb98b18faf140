"""Issue 15, redaction round 12: numbers by family, on wordings written for
this round first (at least eight a family, with look-alikes that must stay),
then the tenth unseen set's own lines (tests/data/personal_details/
unseen_2026_11_30_r.jsonl and _s.jsonl, spent; shortened). What an officer
sees is the suggested publishable text. Figures per file are in
docs/redaction-figures.md ("Round 12: numbers")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.safeguarding.redaction import suggest_publishable
from tests.support.redaction_kinds import load_rows, measure_rows

# 1. A street in lower case with its house number and the postcode district
# after it: the district goes with the street. The set's lines are pr10-008
# and pr10-160 (shortened).
DISTRICTS = [
    (
        "her name is Gloria shes 79 and she lives at 3 Wyndham rd b16. she had her freedom pass",
        "her name is [name] [age] and she lives at [address] [postcode]. she had her freedom pass",
    ),
    (
        "scuse me is this where u ask about the CCTV on Rookery rd? mine is at 27 rookery rd b21 n"
        " it got smashed",
        "scuse me is this where u ask about the CCTV on Rookery rd? mine is at [address] "
        "[postcode] n it got smashed",
    ),
    ("im at 14 church st ls6 if u need me", "im at [address] [postcode] if u need me"),
    (
        "my mum lives at 9 moss lane m14, the lads sit on her wall",
        "my mum lives at [address] [postcode], the lads sit on her wall",
    ),
    ("send someone to 62 tyburn rd b24 please", "send someone to [address] [postcode] please"),
    (
        "we're at 5 heath ave bd9 and the car got keyed",
        "we're at [address] [postcode] and the car got keyed",
    ),
    (
        "the house is 41 grange rd, cf11, the one with the skip",
        "the house is [address], [postcode], the one with the skip",
    ),
    (
        "i live at 7 kings rd s6 and theres needles in the alley",
        "i live at [address] [postcode] and theres needles in the alley",
    ),
    (
        "he parks outside 33 station rd le5 every nite",
        "he parks outside [address] [postcode] every nite",
    ),
    (
        "my flat is 2 high st nw10 above the chemist",
        "my flat is [address] [postcode] above the chemist",
    ),
    # a town between the street and its district
    ("3 wyndham rd, birmingham b16", "[address], birmingham [postcode]"),
]
# Road numbers, motorways, bus routes and districts said as areas stay.
DISTRICTS_STAY = [
    "the A38 at b16 is shut again",
    "there's a crash on mill lane a38 near the garage",
    "the 11a bus from stratford rd b11 is always late",
    "the 50 bus goes down the bristol rd every 10 mins",
]
DISTRICTS_PARTLY_STAY = [
    # a motorway after the street is not its district
    (
        "the lorry came off at 14 bristol rd m5 junction 4",
        "the lorry came off at [address] m5 junction 4",
    ),
    # a district said as where someone lives is labelled as before; the
    # second, with no home, stays
    ("we're in b21 not b20", "we're in [postcode] not b20"),
    # a district with a word between that is not a town stays
    (
        "he lives on 4 mill lane, the b16 is a nice area",
        "he lives on [address], the b16 is a nice area",
    ),
]

# 2. A house number with its letter where the clause says someone lives
# there, and a street named with no street's word before a town. The set's
# lines are pr10-026 and ps10-071 (shortened).
BARE_NUMBERS = [
    (
        "The chicken shop has lads outside til 3am. I live right above it at 140a. My phone "
        "07700 100 283.",
        "The chicken shop has lads outside til 3am. I live right above it at [address]. My phone"
        " [phone].",
    ),
    ("we're at 27b, the flat over the bookies", "we're at [address], the flat over the bookies"),
    (
        "she lives round the corner at 12a",
        "she lives round the corner at [address]",
    ),
    (
        "I'm staying at my nan's at 56b till friday",
        "I'm staying at my nan's at [address] till friday",
    ),
    ("our flat is at 3d on the top floor", "our flat is at [address] on the top floor"),
    ("they live two doors down at 18a", "they live two doors down at [address]"),
    (
        "my sister lives at 9b, the one with the red door",
        "my sister lives at [address], the one with the red door",
    ),
    (
        "Bin men ran over my wall and drove off. Council wont pay. 27 Kingsway, Cleethorpes. "
        "photos if you want them.",
        "Bin men ran over my wall and drove off. Council wont pay. [address], Cleethorpes. "
        "photos if you want them.",
    ),
    (
        "It's 4 Northgate, Louth if you need to send someone.",
        "It's [address], Louth if you need to send someone.",
    ),
    ("send the letter to 9 Parkway, Hexham please", "send the letter to [address], Hexham please"),
    ("I'm at 31 Eastfield, Peterborough", "I'm at [address], Peterborough"),
    (
        "Our house, 2 Brookside, Helmsley, had its shed done",
        "Our house, [address], Helmsley, had its shed done",
    ),
    ("3 Highfield, Malton. Ring me", "[address], Malton. Ring me"),
    ("come round to 8 Moorside, Todmorden tonight", "come round to [address], Todmorden tonight"),
    # with no comma, or in lower case, the street's own ending says it is one
    (
        "Bin men ran over my wall. 27 Kingsway Cleethorpes. photos if you want them",
        "Bin men ran over my wall. [address] Cleethorpes. photos if you want them",
    ),
    (
        "Bin men ran over my wall. 27 kingsway, cleethorpes. photos if you want them",
        "Bin men ran over my wall. [address], cleethorpes. photos if you want them",
    ),
    (
        "Bin men ran over my wall. 27 Kingsway, Cleethorpes Council wont pay",
        "Bin men ran over my wall. [address], Cleethorpes Council wont pay",
    ),
]
# Times, buses, money, scores, dates and shops before a town stay.
BARE_NUMBERS_STAY = [
    "the 11a bus stops at 3a",
    "I live at the end, the meeting was at 7a.m.",
    "the train is at 10a",
    "we stayed at 14 for an hour",
    "I paid £5 Greggs, Leeds",
    "the 2 Marines, Plymouth",
    "Saw it on 14 September, Leeds",
    "we went to see 3 Tesco, Grimsby",
    "The score was 2 Leeds, 1 Hull",
    "they won 3 Trophies, Bolton",
    "i paid 5 quid, leeds",
    "at 3 Tesco Grimsby",
    "I saw 4 Marines Plymouth",
    "we had 2 days Whitby",
    "it's 12 miles, Leeds is further",
]

# 3. Numbers in words on sites with no street. A caravan, static, chalet,
# van, berth, plot or pitch on a holiday park, caravan park, campsite,
# marina or allotments goes (it leads to the person who lives, stays, moors
# or gardens there); a pitch where games are played is a public place and
# stays. The set's lines are ps10-092 and ps10-155 (shortened).
SITES = [
    (
        "we are at Port Haverigg Holiday Village, caravan seventeen, my name is dave",
        "we are at Port Haverigg Holiday Village, [address], my name is [name]",
    ),
    (
        "our caravan got broke into, the van is number ninty-one on the top field, tv and xbox "
        "gone",
        "our caravan got broke into, the van is [address] on the top field, tv and xbox gone",
    ),
    (
        "we're in caravan twenty-three at the holiday park, someone let our tyres down",
        "we're in [address] at the holiday park, someone let our tyres down",
    ),
    (
        "my mum's chalet, chalet nine at the holiday village, was broken into",
        "my mum's chalet, [address] at the holiday village, was broken into",
    ),
    (
        "we're on pitch twelve at the campsite and the people next to us are rowdy",
        "we're on [address] at the campsite and the people next to us are rowdy",
    ),
    (
        "they're in van number ninteen at the caravan park and play music all night",
        "they're in [address] at the caravan park and play music all night",
    ),
    (
        "my boat's on berth 4 on the marina and someone cut the ropes",
        "my boat's on [address] on the marina and someone cut the ropes",
    ),
    (
        "my shed on plot 23 at the allotments was broken into",
        "my shed on [address] at the allotments was broken into",
    ),
    (
        "plot twenty-three at the allotments has had all its tools taken",
        "[address] at the allotments has had all its tools taken",
    ),
    (
        "we're in lodge fourteen at Willow Lakes and someone tried the door",
        "we're in [address] at Willow Lakes and someone tried the door",
    ),
    (
        "i'm in van twenty two at the site and the lads next door are loud",
        "i'm in [address] at the site and the lads next door are loud",
    ),
    ("our boat is on mooring nine at the boatyard", "our boat is on [address] at the boatyard"),
    (
        "my beach hut, beach hut forty-two on the promenade, was smashed",
        "my beach hut, [address] on the promenade, was smashed",
    ),
]
SITES_STAY = [
    "the lads were fighting on pitch 3 at Hough End playing fields",
    "the under 9s play on pitch twelve at the sports centre",
    "we stayed in a caravan two weeks ago at the holiday park",
    "the static two doors down at the caravan park has been burgled",
    "there are twelve caravans at the site",
    "the caravan park has forty pitches",
    "gate 4 at the marina is left open",
    "the number 17 bus to the caravan park is always late",
    "we had the caravan for seven nights at the holiday park",
]

# 4. Numbers in words are taken whole: "eighty-three" never loses only its
# "three", and a keep word "three" elsewhere is not counted inside it. The
# set's line is pr10-003 (shortened).
COMPOUNDS = [
    (
        "my neighbour Mrs Bernadette Flanagan, who is eighty-three and lives alone at Flat 7, "
        "Kilburn Court. She has received three telephone calls",
        "my neighbour [name], [age]. She has received three telephone calls",
    ),
    ("she's eighty-three and on her own", "[age]"),
    ("flat forty-three, Jubilee Court", "[address]"),
    (
        "the van is number ninty-three on the top field",
        "the van is [address] on the top field",
    ),
    ("next door is forty-four on Beech Grove", "next door is [address] on Beech Grove"),
    ("he lives at numbr ninety-three", "he lives at [address]"),
    ("berth thirty-two at the marina", "[address] at the marina"),
    ("we're at pitch sixty-six on the campsite", "we're at [address] on the campsite"),
    # set off by commas where a name would stand, it is an age, labelled so
    ("my nan, eighty-three, lives alone", "my nan, [age], lives alone"),
    (
        "my mate, twenty-two, was stabbed outside the pub",
        "my mate, [age], was stabbed outside the pub",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DISTRICTS)
def test_a_lower_case_district_after_a_street_goes_with_it(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", DISTRICTS_STAY)
def test_road_numbers_buses_and_bare_streets_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), DISTRICTS_PARTLY_STAY)
def test_a_motorway_or_a_second_area_stays(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(("text", "expected"), BARE_NUMBERS)
def test_a_lettered_number_or_a_street_with_no_street_word_is_replaced(
    text: str, expected: str
) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", BARE_NUMBERS_STAY)
def test_times_buses_money_scores_and_shops_before_a_town_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), SITES)
def test_a_home_or_plot_numbered_in_words_on_a_site_is_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", SITES_STAY)
def test_games_pitches_counts_and_lengths_of_stay_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), COMPOUNDS)
def test_a_number_in_words_goes_whole(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


def test_a_keep_word_is_not_counted_inside_a_compound_number(tmp_path: Path) -> None:
    # the figures tool: "three" the writer kept is the "three telephone
    # calls", not the half of "eighty-three" that went with the age
    text = COMPOUNDS[0][0]
    row = {
        "id": "k-1",
        "text": text,
        "details": [{"text": "Bernadette Flanagan", "kind": "person_name"}],
        "keep": ["three"],
    }
    path = tmp_path / "compound.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    figures = measure_rows(load_rows(path))
    assert figures.keep == [1, 1]
    assert figures.lost == []


# Round 12, follow-up (helper 29-num2). 5. A business or place whose name
# begins with a number, after "at": the number stays with the name. A
# real house number after "at" still goes, and so does one where the
# clause says someone lives there.
NUMBERED_BUSINESSES_STAY = [
    "we are at 4 Seasons, Leeds and someone has keyed the car",
    "I'm at 3 Tesco and there's a man shouting at the tills",
    "we're at 2 Sisters, the lads outside are throwing eggs",
    "I'm at 5 Guys and two lads just ran off without paying",
    "the lads at 7 Dials were fighting again last night",
    "we're at 9 Bar, Leeds, the bouncer hit a man",
    "she's at 3 Tuns tonight, can someone check the car park",
    "they're at 12 Bells every Friday causing trouble",
    "I'm at 3 Tesco now, the security guard has him",
    "we're at 4 Seasons, can I report it from here",
]
NUMBERED_HOMES_STILL_GO = [
    (
        "we're at 27b, the flat over the bookies",
        "we're at [address], the flat over the bookies",
    ),
    (
        "I'm at 14, the one with the blue door",
        "I'm at [address], the one with the blue door",
    ),
    ("she's at 14 Lime Street now", "she's at [address] now"),
    ("we're at 16 and the police came", "we're at [address] and the police came"),
    ("my nan lives at 4 Seasons", "my nan lives at [address] Seasons"),
    (
        "the family at 16 The police came round",
        "the family at [address] The police came round",
    ),
    ("we're at 12 Oaks Farm past the church", "we're at [address] past the church"),
    ("the lads at 22 play music all night", "the lads at [address] play music all night"),
]


@pytest.mark.parametrize("text", NUMBERED_BUSINESSES_STAY)
def test_a_number_that_begins_a_business_name_stays(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), NUMBERED_HOMES_STILL_GO)
def test_a_house_number_after_at_still_goes(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


# 6. A registration spelled out, in the NATO alphabet or otherwise: the
# whole spelled plate goes, the words around it stay.
SPELLED_PLATES = [
    (
        "the reg was X-ray Ray Echo one two, a black golf",
        "the reg was [vehicle reg], a black golf",
    ),
    ("reg was Foxtrot Tango 19 Xray Ray Zulu", "reg was [vehicle reg]"),
    ("it was alpha bravo one two charlie delta echo", "it was [vehicle reg]"),
    ("reg is Lima Sierra one five something", "reg is [vehicle reg]"),
    ("bravo six five tango x-ray yankee", "[vehicle reg]"),
    ("reg: Tango Oscar fifteen X-ray Yankee Zulu", "reg: [vehicle reg]"),
    ("the plate is Delta Foxtrot sixty eight, Mike Oscar Papa", "the plate is [vehicle reg]"),
    ("the reg was A for apple B for bravo one two", "the reg was [vehicle reg]"),
    (
        "reg was C for Charlie, D for dog, one two, then E for echo",
        "reg was [vehicle reg]",
    ),
    ("reg was Kilo double seven Lima Mike November", "reg was [vehicle reg]"),
    ("the reg was x ray romeo echo one two", "the reg was [vehicle reg]"),
]
# NATO words as names, figures as minutes: no plate without "reg" or "plate"
SPELLED_PLATES_STAY = [
    "Charlie said fifteen of them were there",
    "we walked for twenty minutes, then Ray for an hour",
    "I asked for Oscar at the desk",
    "my dad Victor was eighty last week",
    "A for effort, the lads said, but it's still vandalism",
]


@pytest.mark.parametrize(("text", "expected"), SPELLED_PLATES)
def test_a_registration_spelled_out_goes_whole(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", SPELLED_PLATES_STAY)
def test_nato_words_and_numbers_in_words_with_no_plate_stay(text: str) -> None:
    assert "[vehicle reg]" not in suggest_publishable(text)


# 7. A postcode district given as part of a place: "the SE20 part of
# Penge" (independent_dev:266) goes as a district "area" did; a road's
# number stays.
DISTRICT_PARTS = [
    (
        "We are in the SE20 part of Penge and the drug dealing has got worse.",
        "We are in the [postcode] part of Penge and the drug dealing has got worse.",
    ),
    ("we're at the LS6 end of Headingley", "we're at the [postcode] end of Headingley"),
    (
        "She lives on the CF11 side of the river",
        "She lives on the [postcode] side of the river",
    ),
]
DISTRICT_PARTS_STAY = [
    # Merged with round 12's keep words: a district said as an area, with no
    # one said to live there, stays (docs/decisions.md); "NW10 bit" and
    # "LS16 end" are not read as plates either.
    "it's the NW10 side of Harlesden",
    "the BD9 end of Heaton gets it worst",
    "he's in the LE5 part of town",
    "round the S6 end of Hillsborough",
    "the DN35 side of the estate is quiet",
    "it's the NW10 bit of Harlesden",
    "the LS16 end of Leeds is worse",
    "the M62 end of town is always jammed",
    "the A1 side of the estate is noisy",
    "the B16 end of Edgbaston",
    "the M14 end of Fallowfield",
]


@pytest.mark.parametrize(("text", "expected"), DISTRICT_PARTS)
def test_a_district_given_as_part_of_a_place_goes(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", DISTRICT_PARTS_STAY)
def test_a_road_or_a_district_said_as_an_area_stays(text: str) -> None:
    assert suggest_publishable(text) == text


# 8. The front of a plate spelled in the letters' names, after "reg" or
# "plate": the letters and year go, with a vague end.
SPELLED_FRONTS = [
    ("its reg was el ess one five", "its reg was [vehicle reg]"),
    (
        "the reg started bee kay six eight, didnt get the rest",
        "the reg started [vehicle reg], didnt get the rest",
    ),
    ("reg was aitch gee sixty eight something", "reg was [vehicle reg]"),
    ("the plate was dee ef seventeen", "the plate was [vehicle reg]"),
    ("reg is vee why one nine and it's silver", "reg is [vehicle reg] and it's silver"),
    ("number plate started kay ell seven zero", "number plate started [vehicle reg]"),
    ("reg: ess tee sixty six", "reg: [vehicle reg]"),
    ("the van's reg was ell gee twenty one", "the van's reg was [vehicle reg]"),
]
SPELLED_FRONTS_STAY = [
    "I see el and en in the reg twelve times",
    "we see you at ten",
    "the postcode is el ess six",
]


@pytest.mark.parametrize(("text", "expected"), SPELLED_FRONTS)
def test_the_front_of_a_plate_in_letter_names_goes(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", SPELLED_FRONTS_STAY)
def test_letter_names_with_no_plate_stay(text: str) -> None:
    assert suggest_publishable(text) == text
