"""Issue 15, redaction round 11: keep words and names. The ninth unseen set
(tests/data/personal_details/unseen_2026_11_30_p.jsonl and _q.jsonl, spent)
lost towns, islands and estates that a finder took for a person or a home,
and left a town inside an age's or a market trader's description. Each
family is tested by the set's own lines and by new wordings in other voices,
with what must still go. What an officer sees is the suggested publishable
text. See docs/redaction-figures.md ("Round 11: keep words and names")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# Family 1: towns, islands, estates and districts stay whole.
PLACES_KEPT = [
    # pp9-049
    "an old caravan dumped just off the B4391 past Bala, been there since Easter",
    # pp9-085
    "They've gone home now (to Bristol) but asked me to follow up.",
    # pq9-070
    "on behalf of the residents association of the Lawrence Weston estate.",
    # pq9-033
    "somebody put a note under my door on the Broadwater Farm, very scared",
    # pp9-148
    "a lot of antisocial behaviour around the Old Village and the chine in summer.",
    # new wordings
    "My sister has moved to Preston now so she can't help.",
    "We drove back to Bradford after the match and the car was keyed.",
    "the van went off the A49 past Leominster and dumped the lot",
    "my parents have gone home (to Bristol) for a week so the house is empty",
    "there's been trouble on the Chalkhill estate every night this week",
    "kids from the Blackbird Leys estate were throwing stones",
    "is it safe to walk around the Old Village at night",
    "the shops around the Old Town are getting broken into",
    "the lifts are broken again on the Aylesbury Estate",
]

# A town after a postcode stays; the address and the postcode go.
AFTER_A_POSTCODE = [
    # pp9-113
    (
        "We're at 22 Eglinton Drive, KA12 8AB. Irvine. I've had enough.",
        "We're at [address], [postcode]. Irvine. I've had enough.",
    ),
    # new wordings
    (
        "Our address is 4 Mill Lane, PA1 2BB. Paisley. Nobody came.",
        "Our address is [address], [postcode]. Paisley. Nobody came.",
    ),
    (
        "We are at 9 Harbour Row, KW15 1AA. Kirkwall. Please call.",
        "We are at [address], [postcode]. Kirkwall. Please call.",
    ),
    (
        "The flat is 2B Canal Street, M1 3HE. Manchester.",
        "The flat is [address], [postcode]. Manchester.",
    ),
]

# A town or an island at the end of an age's description stays; the age goes.
AGE_THEN_TOWN = [
    # pp9-099
    (
        "My employer, Mrs Agnes McBride, 84 years old and live alone in Ballycastle, she "
        "received call",
        "Ballycastle",
    ),
    # pp9-108
    ("My uncle, Seumas MacNeil, is 76 and lives by himself on Barra, at the harbour.", "Barra"),
    # new wordings
    ("My nan is 88 and lives on her own on Islay, can someone check in?", "Islay"),
    ("Grandad, 91, living alone on Arran, got a scam call.", "Arran"),
    ("Mrs Joan Price, 82 and lives alone in Tenby, was conned out of 2000 pounds.", "Tenby"),
    ("My mum is 79 and lives alone in Ballymena. Her neighbour shouts at her.", "Ballymena"),
]

# Family 2: the town after a market stays; the trader's business goes.
MARKET_TOWNS = [
    # pq9-133
    (
        "Hi, I run Femi's Kitchen food van at the Sunday market in Kings Lynn. Someone stole "
        "the generator.",
        "Kings Lynn",
        "Femi",
    ),
    # new wordings
    (
        "I run Kofi's Jerk Hut at the Saturday market in Bury, somebody nicked the till.",
        "Bury",
        "Kofi",
    ),
    (
        "I have Ana's Churros stall at the farmers market in Ludlow and the awning was slashed.",
        "Ludlow",
        "Ana",
    ),
]

# Family 2: a business owner's job ends at the business; the street, the
# market and its day stay.
BUSINESS_THEN_PLACE = [
    # pp9-043
    (
        "I run Tadhg's Coffee Cart at the Lisburn Road market on Saturdays. Someone took the tin.",
        "Tadhg",
        ["Lisburn Road", "Saturdays"],
    ),
    # pp9-045
    (
        "I own Golden Dragon takeaway on Fore Street. Last night drunk man broke the glass.",
        "I own Golden Dragon",
        ["Fore Street"],
    ),
    # new wordings
    (
        "we run Nana's Bakes at the farmers market on Sundays and the gazebo was slashed",
        "Nana",
        ["the farmers market on Sundays"],
    ),
    (
        "I have Ana's Churros stall at the Christmas market and a man keeps shouting at me",
        "Ana",
        ["the Christmas market"],
    ),
    (
        "I own Sunrise cafe on Mill Street and the window was smashed again",
        "Sunrise",
        ["Mill Street"],
    ),
    (
        "we own Lucky Star takeaway on Station Road, lads keep throwing stones",
        "Lucky Star",
        ["Station Road"],
    ),
    (
        "My husband runs Paddy's Burger Van at the Tuesday market on Castle Square.",
        "Paddy",
        ["the Tuesday market on Castle Square"],
    ),
    (
        "I run Kofi's Jerk Hut at the Saturday market in Bury, somebody nicked the till.",
        "Kofi",
        ["the Saturday market in Bury"],
    ),
]

# Family 3: a scheme's code word, a bus company, a breed, a Welsh school's
# name, one of many volunteers, a pet's age stay whole.
OTHER_KEEPS = [
    # pp9-105
    "I've heard about Ask for Angela in bars, does it work?",
    # pq9-018
    "kids throwing eggs at buses by Chapel Allerton Park. Arriva said to contact you.",
    # pq9-080
    "hi i'm one of the volunteers at Holy Trinity on Burley Road, someone sleeps in the porch",
    # pp9-160
    "lost my dog near Sandown pier, jack russell, collar has my number",
    # pp9-056
    "The dog is a 12 year old deaf lab and barely barks. I'm right next door.",
    # pp9-080
    "Kids from Ysgol Bro Edern throw rubbish in our front garden every afternoon",
    # new wordings
    "The club runs Ask for Angela at the bar, does it actually help?",
    "does ask for angela work in the pubs on the front",
    "I complained to Stagecoach about the driver but they said ring you.",
    "I'm one of the stewards at St Mary's and the lead was taken off the roof.",
    "a staffy and a jack russell were attacking sheep up the top field",
    "My cat is a 15 year old tabby cat, someone shot her with a pellet.",
    "the horse is a 20 year old grey pony and someone cut its tail",
    "The lads from Ysgol Glan Clwyd are smoking by the bus stop.",
    "kids from Ysgol Plasmawr keep climbing on the garages",
]

# A car's make and model said as what the vehicle is, the plate after "reg
# number": the make stays, the plate goes. Said together, both still go.
CARS = [
    # pp9-038
    ("Van is Ford Transit white, reg number SJ17 HBX. Who I call?", "Ford Transit", "SJ17 HBX"),
    # pp9-128
    (
        "window broken in car park, car is Skoda Octavia, reg number C-A-one-seven, B-F-T.",
        "Skoda Octavia",
        "one-seven",
    ),
    # new wordings
    (
        "My car is Vauxhall Corsa silver, reg number AB12 CDE, stolen last night.",
        "Vauxhall Corsa",
        "AB12 CDE",
    ),
    (
        "Her car is a Honda Jazz, registration number KX65 TYU, and it was keyed.",
        "Honda Jazz",
        "KX65 TYU",
    ),
    (
        "the van is Mercedes Sprinter, reg no. LN15 OPA, parked on the verge for a week",
        "Mercedes Sprinter",
        "LN15 OPA",
    ),
]
CARS_TOGETHER = [
    ("her silver Honda Jazz AB12 CDE was keyed", "Honda Jazz"),
    ("a white Transit (LN15 OPA) keeps parking on the pavement", "Transit"),
]

# Family 4: names said after "called" in lower case with a surname that is
# a word too, and after "the boy is"; what is no name stays.
NAMES_GONE = [
    # pq9-084
    ("a lad called jordan smith from the park is threatening my son on snap", "jordan smith"),
    # pp9-119
    ("kids keep kicking a ball off my car, its the family at no 8, the boy is Finlay.", "Finlay"),
    # new wordings
    ("there's a lad called jordan smith selling vapes to kids at the park", "smith"),
    ("a girl called chloe taylor keeps posting about my daughter", "taylor"),
    ("the driver was Gary, he had a grey van", "Gary"),
    ("the lad's Kyle and he lives on the estate", "Kyle"),
    ("the girl is Ellie-Mae, she's in my son's class", "Ellie-Mae"),
    ("the kid was Jayden.", "Jayden"),
]
# A given name of any tongue set off after "me", before a number or an address.
ME_THEN_NAME = [
    # pp9-124
    ("we've got him on camera. ring me, Kensa, 07722 418 093", "Kensa"),
    # pp9-064
    (
        "i found the spare key, its me Gráinne at 88 Ormeau Road, she said to let her know",
        "Gráinne",
    ),
    # new wordings
    ("call me, Siobhán, on 07700 900123 after six", "Siobhán"),
    ("text me Tegen 07911 223344", "Tegen"),
    ("its me Aoife at 14 Falls Road", "Aoife"),
]

NOT_NAMES = [
    "the man is Polish, I think, and he shouts",
    "the boy is Year 6 at the school",
    "the owner is Tesco and they do nothing",
]
ME_NOT_NAMES = [
    ("ring me, Tuesday, 07700 900123", "Tuesday"),
    ("its me at 12 Elm Road", "its me at"),
]

# What must still go: a person after "to" or "past" who is no journey's end,
# an age that a town singles out, a job at a chain's branch.
STILL_GONE = [
    ("I spoke to Bradley and he said the van was his.", "Bradley"),
    ("She went to see Kelly about the parcel.", "Kelly"),
    (
        "My grandad Bill is 94 and the oldest man in Hawes, everyone knows him.",
        "oldest man in Hawes",
    ),
    ("I'm the only pharmacist at the Lloyds in Longton and a customer threatens me.", "Longton"),
    ("im the only girl on the tills at the Lidl in Strood on lates", "Strood"),
    ("she is 80 and lives alone on Church Street, a man keeps knocking", "80"),
    ("I spoke to Angela and she said the bins were hers.", "Angela"),
    ("My son is a 12 year old boy who has autism and he was pushed.", "12"),
    ("I am the only volunteer at the food bank on Tuesdays.", "only volunteer"),
    # round 20: the place one runs goes; its street stays, as the unseen sets
    # keep it (tests/bot/test_redaction_round20_streets.py)
    ("I run the chippy on Elm Road and kids keep throwing eggs", "chippy"),
    ("I own the only barbers on King Street and someone sprays the shutter", "barbers"),
]


@pytest.mark.parametrize("text", PLACES_KEPT)
def test_towns_estates_and_districts_stay_whole(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), AFTER_A_POSTCODE)
def test_a_town_after_a_postcode_stays(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(("text", "town"), AGE_THEN_TOWN)
def test_a_town_or_island_ending_an_age_stays(text: str, town: str) -> None:
    shown = suggest_publishable(text)
    assert "[age]" in shown
    assert town in shown


@pytest.mark.parametrize(("text", "town", "owner"), MARKET_TOWNS)
def test_a_market_town_stays_and_the_trader_goes(text: str, town: str, owner: str) -> None:
    shown = suggest_publishable(text)
    assert town in shown
    assert owner not in shown


@pytest.mark.parametrize(("text", "gone", "kept"), BUSINESS_THEN_PLACE)
def test_the_business_goes_and_its_street_market_and_day_stay(
    text: str, gone: str, kept: list[str]
) -> None:
    shown = suggest_publishable(text)
    assert gone not in shown
    for words in kept:
        assert words in shown


@pytest.mark.parametrize("text", OTHER_KEEPS)
def test_schemes_operators_breeds_schools_and_pets_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "gone"), STILL_GONE)
def test_people_and_singling_towns_still_go(text: str, gone: str) -> None:
    assert gone not in suggest_publishable(text)


@pytest.mark.parametrize(("text", "name"), NAMES_GONE)
def test_names_after_called_and_the_boy_is_go(text: str, name: str) -> None:
    shown = suggest_publishable(text)
    assert name not in shown
    assert "[name]" in shown


@pytest.mark.parametrize("text", NOT_NAMES)
def test_what_is_no_name_after_is_stays(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "make", "plate"), CARS)
def test_a_make_said_apart_stays_and_its_plate_goes(text: str, make: str, plate: str) -> None:
    shown = suggest_publishable(text)
    assert make in shown
    assert plate not in shown


@pytest.mark.parametrize(("text", "make"), CARS_TOGETHER)
def test_a_description_with_its_plate_still_goes(text: str, make: str) -> None:
    assert make not in suggest_publishable(text)


@pytest.mark.parametrize(("text", "name"), ME_THEN_NAME)
def test_a_name_after_me_goes(text: str, name: str) -> None:
    shown = suggest_publishable(text)
    assert name not in shown
    assert "[name]" in shown


@pytest.mark.parametrize(("text", "kept"), ME_NOT_NAMES)
def test_a_day_or_nothing_after_me_stays(text: str, kept: str) -> None:
    shown = suggest_publishable(text)
    assert kept in shown
    assert "[name]" not in shown
