"""Issue 15, redaction round 13: keep words by family, on wordings written
for this round first (at least eight a family, with the look-alikes that
must still go), then the eleventh unseen set's own lines (tests/data/
personal_details/unseen_2026_11_30_t.jsonl and _u.jsonl, spent;
shortened). What an officer sees is the suggested publishable text.
Figures per file are in docs/redaction-figures.md ("Round 13: keep
words"); the decisions in docs/decisions.md ("Redaction round 13: keep
words by family")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# 1. Roads taken for homes or plates. A road named like a home ("Spring
# Bank", "Sunny Bank", "Meadow View") after "on", "along", "off", "down" or
# "up", or with a point of the compass after it, stays; a road's number
# after "the" ("the A63 lol") is no plate. The set's lines are pt11-036,
# pt11-048 and pt11-023.
ROADS_STAY = [
    "the house with the green door on Spring Bank has a dog that bites",
    "my chip shop on Spring Bank West got its window put in again",
    "kids racing motorbikes up and down Sunny Bank every night",
    "someone dumped a sofa off Meadow View by the garages",
    "cars speed along Holly Bank at school time",
    "there's needles on the grass along Fern Side near the shops",
    "my salon on Spring Bank North had graffiti sprayed on it",
    "they park across the dropped kerb on Meadow View East all day",
    "is the M62 shut again lol my lad is stuck",
    "lorries keep cutting through to the A1 omg",
    "the B1234 is flooded again near the bridge",
    "a van blocks the A38 slip road every morning",
    # the eleventh set's own (shortened)
    "a dog off lead from the house with the red door on Spring Bank jump on her. Owner laugh.",
    "Hello, my barber shop on Spring Bank West. Last night window smashed, second time.",
    "wot time do the speed camera van come down the A63 lol asking for a mate",
]
# the look-alikes: a home "at" its name, a farm, a plate said as a plate
HOMES_AND_PLATES_STILL_GO = [
    (
        "I live at Meadow View, Ashby and someone took my bins",
        "I live at [address], Ashby and someone took my bins",
    ),
    (
        "post it to Holly Bank, Shaw, they know me there",
        "post it to [address], Shaw, they know me there",
    ),
    ("Rose Cottage on Church Lane was broken into", "[address] on Church Lane was broken into"),
    ("we live on Highfield Farm and the quad went", "we live on [address] and the quad went"),
    ("the plate was A six three L O L", "the plate was [vehicle reg]"),
    (
        "it was a car, registration M62 ABC, going too fast",
        "it was a car, registration [vehicle reg], going too fast",
    ),
    ("my friend Sarah West called about the fence", "my friend [name] called about the fence"),
    ("I live on Park Road and Tom West hit me", "I live on Park Road and [name] hit me"),
]


@pytest.mark.parametrize("text", ROADS_STAY)
def test_a_road_named_like_a_home_or_by_its_number_stays(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), HOMES_AND_PLATES_STILL_GO)
def test_homes_plates_and_surnames_still_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


# 2. A people is never a name ("Romani", "Roma", "Romany", "gypsy"), nor is
# "Man" starting a sentence. The set's lines are pt11-107, pt11-135 and
# pu11-078. Officers named by rank still go (the standing decision, kept).
PEOPLES_AND_MAN_STAY = [
    "the landlord refused to serve my dad cos hes Romani and said worse",
    "Gypsy Roma families are being moved on from the field by the council",
    "we are a Roma family and the neighbours shout at us every day",
    "my mum is Romany and the shop owner followed her round",
    "Roma people in our street are getting abuse from a gang of lads",
    "a man shouted at my wife because she is Roma, what can we do",
    "I'm Romani and a bouncer wouldn't let me in, is that legal",
    "is it a hate crime to call someone a gypsy in the street",
    "Man came to the door asking for money for a charity",
    "Man in a hi-vis jacket was trying car doors on our street",
]
OFFICERS_AND_NAMES_STILL_GO = [
    (
        "Man calls himself Gary and says he is from the council",
        "Man calls himself [name] and says he is from the council",
    ),
    (
        "Please can you pass to PC Walsh that the car I told him about is back",
        "Please can you pass to [name] that the car I told him about is back",
    ),
    (
        "Thank you PCSO Lund for coming to the school",
        "Thank you [name] for coming to the school",
    ),
    # "Roma" as a person's given name goes wherever it is written
    (
        "my name is Roma Patel and someone stole my bike",
        "my name is [name] and someone stole my bike",
    ),
    (
        "a bouncer wouldnt let my dad in cos hes Romani. Dad is Tibor Balog",
        "a bouncer wouldnt let my dad in cos hes Romani. Dad is [name]",
    ),
]


@pytest.mark.parametrize("text", PEOPLES_AND_MAN_STAY)
def test_a_people_and_a_sentences_first_man_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), OFFICERS_AND_NAMES_STILL_GO)
def test_officers_by_rank_and_given_names_still_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


# 3. The town after a name and an age, set off with ", of": the age goes,
# the town stays (pu11-078). "the mayor of Bexhill" is a post, untouched.
AGE_OF_A_TOWN = [
    (
        "I think my elderly dad, Seamus Doyle, 88, of Bexhill, has been giving money to a builder",
        "I think my elderly dad, [name], [age], of Bexhill, has been giving money to a builder",
    ),
    (
        "My nan Edna Pike, 91, of Whitby, was conned out of her savings",
        "My nan [name], [age], of Whitby, was conned out of her savings",
    ),
    (
        "my uncle Frank Hale, 79, of Skegness, got a call from a fake bank",
        "my uncle [name], [age], of Skegness, got a call from a fake bank",
    ),
    (
        "Our neighbour Doris Lamb, 94, of Filey, had her purse taken",
        "Our neighbour [name], [age], of Filey, had her purse taken",
    ),
    (
        "my grandad, Bill Ward, 86, of Louth, was pushed over in the street",
        "my grandad, [name], [age], of Louth, was pushed over in the street",
    ),
    (
        "my aunt Mary Price, 90, of Hexham, keeps getting letters from a psychic",
        "my aunt [name], [age], of Hexham, keeps getting letters from a psychic",
    ),
    (
        "Dad, Ron Sykes, 82, of Bridlington, let a man in who said he was from the water board",
        "Dad, [name], [age], of Bridlington, let a man in who said he was from the water board",
    ),
    (
        "My mum, Iris Cole, 87, of Tenby, has lost her bank card to a caller",
        "My mum, [name], [age], of Tenby, has lost her bank card to a caller",
    ),
    (
        "the mayor of Bexhill is a friend of mine and he is 88",
        "the mayor of Bexhill is a friend of mine and [age]",
    ),
]


@pytest.mark.parametrize(("text", "expected"), AGE_OF_A_TOWN)
def test_the_town_after_a_name_and_an_age_stays(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


# 4. "young uns" (dialect for "young ones") is no nickname; "big mikey",
# "lil t" and "young Kev" still are (pt11-008).
YOUNG_UNS_STAY = [
    "there's always these young uns on the benches by the shops",
    "young uns keep kicking a ball at my window",
    "them young uns were on the garage roof again",
    "some young uns set fire to the bin last night",
    "the young uns from the estate race bikes on the path",
    "little uns are scared to walk past the park",
    "big uns hang about outside the chippy till late",
    "can you have a word with the young uns at the rec",
]
NICKNAMES_STILL_GO = [
    (
        "a lad called big mikey keeps selling weed by the school",
        "a lad called [name] keeps selling weed by the school",
    ),
    ("lil t and his mates keep smashing bottles", "[name] and his mates keep smashing bottles"),
    (
        "young Kev from the flats keeps riding his scrambler on the field",
        "[name] from the flats keeps riding his scrambler on the field",
    ),
]


@pytest.mark.parametrize("text", YOUNG_UNS_STAY)
def test_young_uns_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), NICKNAMES_STILL_GO)
def test_nicknames_still_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


# 5. A pub, bar, club or inn named after its word and a comma stays, even
# when its name reads like a home's (pt11-160); a home where someone lives
# still goes.
PUB_NAMED_STAYS = [
    "the pub on Queen Street in Barnsley, the Old Mill, always has fights at closing.",
    "the pub by the bridge, the Old Forge, plays music till 2am",
    "our local pub, the Old Dairy, has drug dealing in the car park",
    "that bar on the front, the Old Custom House, lets kids drink",
    "the club in the village, the Old Granary, gets noisy on Fridays",
    "a pub near us, the Old Bakehouse, has lads fighting outside",
    "the pub on Mill Lane, the Old Smithy, had its window smashed",
    "the inn at the crossroads, the Old Coach House, had a car stolen",
]
HOMES_BESIDE_A_PUB_STILL_GO = [
    (
        "my mum lives at the Old Rectory and a man keeps calling",
        "my mum lives at [address] and a man keeps calling",
    ),
    ("post it to The Old Forge, Church Lane, Ashby", "post it to [address], Church Lane, Ashby"),
    (
        "I went to the pub, then home to the Old Vicarage where I live",
        "I went to the pub, then home to [address] where I live",
    ),
]


@pytest.mark.parametrize("text", PUB_NAMED_STAYS)
def test_a_pub_named_after_its_word_stays(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), HOMES_BESIDE_A_PUB_STILL_GO)
def test_a_home_beside_a_pub_still_goes(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected
