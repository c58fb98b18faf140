"""Issue 15, redaction round 15: keep words by concept, on wordings written
for this round first (at least eight a family, in other voices: text-speak,
elderly formal, non-native, dialect), with the look-alikes whose detail
must still go, then the spent twelfth set's own lines
(tests/data/personal_details/unseen_2026_11_30_v/_w.jsonl; shortened).
What an officer sees is the suggested publishable text. Figures per file
are in docs/redaction-figures.md ("Round 15: keep words")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# 1. A public place named like a home: a public place's word right after
# it, or said as where a public place is. The set's line is v12-144.
PUBLIC_PLACES_STAY = [
    "kids at the park near Wilton Lodge throw stones at the swans",
    "drug dealing by the shops at Moor Grange every night innit",
    "My bike was taken outside Hollin Grange shops yesterday.",
    "there wis a fight up the Pollok Hall leisure centre car park last nicht",
    "Someone keyed my car in the car park at Ponds Forge on Saturday.",
    "Dear Sir, I wish to report youths gathering at the rec behind Elm Manor each evening.",
    "lads on mopeds round the flats at Kelvin Hall every nite",
    "My son was robbed for his phone at the playground on Whitley Farm.",
    "boys smash bottles in the car park at Bramley Mill, very dangerous for children",
    # the set's own (shortened): v12-144 is under PUBLIC_PLACES_STILL_GO
]
PUBLIC_PLACES_STILL_GO = [
    (
        "My son Omar, he is in S2 at Hawick High School. "
        "Boys push him, at the park near Wilton Lodge.",
        "My son [school and year]. Boys push him, at the park near Wilton Lodge.",
    ),
    (
        "we live at Broadwater Farm, the house at the end of the lane",
        "we live at [address], the house at the end of the lane",
    ),
    (
        "my nan lives at Pennywell Farm, the farmhouse past the church",
        "my nan lives at [address], the farmhouse past the church",
    ),
    (
        "the man at Pennywell Farm shot at my dog",
        "the man at [address] shot at my dog",
    ),
    (
        "Our home is Wilton Lodge, Hawick and someone tried the door",
        "Our home is [address], Hawick and someone tried the door",
    ),
]

# 2. Welsh and Gaelic streets with no number and no living said just before.
# The set's line is w12-048 (Heol Dorfil in w12-054 goes inside an age's
# description, as the older sets label it: left).
STREETS_STAY = [
    "fireworks at 2am on Maes Glas again. every night. pls",
    "car racing up and down Ffordd Las every nite",
    "Dear Officer, there is persistent speeding on Ffordd Pentre in the evenings.",
    "someone smashed the bus shelter on Stryd Fawr last night",
    "lads dealing at the top of Lôn Goed by the school",
    "Fly tipping on Heol y Felin near the chapel again, three mattresses.",
    "There is a man exposing himself near Sràid na h-Eaglaise in Stornoway.",
    "boy racers on Maes y Dre car park evry friday",
    "My nain lives in one of the terraces on Heol Dorfil, "
    "a man came saying he was from the water board.",
]
STREETS_STILL_GO = [
    (
        "she lives at Maes y Coed on the hill above Llandeilo",
        "she lives at [address] on the hill above Llandeilo",
    ),
    ("my address is 14 Maes Glas, Flint", "my address is [address], Flint"),
    ("We live at 22 Heol Dorfil, Blaenau", "We live at [address], Blaenau"),
    ("he lives on Heol Dorfil at number 12", "he lives on Heol Dorfil at [address]"),
]

# 3. A district after "I live" with no "in", a place on a main road. The
# set's lines are w12-098 and v12-096.
DISTRICTS_AND_ROADS_STAY = [
    "any1 kno if theres a checkpoint on the A68 at Carter Bar this weekend?",
    "Is there roadworks on the A1 near Morpeth tonight?",
    "accident on the A34 at Chieveley again, traffic stopped",
    "There is a speed camera van on the A9 past Dunkeld each Sunday.",
]
DISTRICTS_AND_ROADS_CHANGE = [
    (
        "My mother live Easton, she is old. Man take £50.",
        "My mother live Easton, she is old. Man take £50.",
    ),
    (
        "I live Moseley, 14 Park Road, someone break my window",
        "I live Moseley, [address], someone break my window",
    ),
    (
        "Salaam, I live Easton, 112 Stapleton Road. Somebody knock door say he from council.",
        "Salaam, I live Easton, [address]. Somebody knock door say he from council.",
    ),
]
DISTRICTS_AND_ROADS_STILL_GO = [
    ("I live with Easton my partner", "I live with [name] my partner"),
    ("broke down on the A1 near Dave's garage", "broke down on the A1 near [name]"),
    ("I am Sarah Easton and someone stole my bike", "I am [name] and someone stole my bike"),
]

# 4. A pet's name. The set's lines are w12-057 and w12-099.
PETS_STAY = [
    "2 french bulldogs called Peanut and Biscuit were stolen from the garden",
    "I have nearly been struck twice whilst walking my spaniel, Hector.",
    "me lurcher, Bess, got nicked off the yard",
    "my two cats Milo and Luna got shot with an air rifle",
    "Our two spaniels named Rosie and Bramble were taken from the kennel.",
    "our ponies called Duke and Dolly were let out onto the road",
    "somebody take my cat, Tiger. Please help",
    "my 3 dogs Rex n Bruno n Sky was barking cos someone tried the shed",
    "We have 2 puppies called Coco and Bear and a man asked to buy them",
    # the set's own (shortened)
    "someone stole are dogs from the garden, "
    "2 french bulldogs called Peanut and Biscuit. please share.",
    "e-scooters ridden at speed across the Downs. "
    "I have nearly been struck twice whilst walking my spaniel, Hector.",
]
PETS_STILL_GO = [
    (
        "walking my dog, Sarah came over and shouted at me",
        "walking my dog, [name] came over and shouted at me",
    ),
    (
        "I was walking my dog, Sarah and her boyfriend followed me",
        "I was walking my dog, [name] and her boyfriend followed me",
    ),
    (
        "My friend Hector was punched outside the pub",
        "My friend [name] was punched outside the pub",
    ),
    ("my name is Hector Jones and my dog was stolen", "my name is [name] and my dog was stolen"),
    ("my neighbour Peanut keeps shouting", "my neighbour [name] keeps shouting"),
]

# 5. A university's or college's place. The set's line is v12-105.
UNIVERSITIES_STAY = [
    "Hello, I'm a student at the University of York living in halls.",
    "I am studying at University of Bristol and a man follows me.",
    "im at uni of leeds and my bike got nicked from campus",
    "My son attends the University of Glasgow and his laptop was stolen.",
    "my daughter at Cardiff University got her drink spiked",
    "a student at Leeds Beckett University was mugged near the union",
    "Sheffield Hallam University students are having parties every night",
    "i study in College of West Anglia, a man is following me from bus",
    "Dear Sir, my granddaughter at the University of Kent has been sent threats.",
    "im at uni of Lincoln and a guy keeps messaging me",
    "my son is at the University of Chester and was attacked",
]

# 6. A speed against its limit. The set's line is w12-094.
SPEEDS_STAY = [
    "Community Speedwatch clocked them at 50 in a 30.",
    "cars doing 70 in a 40 past the school every morning",
    "Vans doing 60 in a 30 through the village, constant.",
    "they were doing 40 in a 20 zone outside the primary",
    "Lorries regularly travel at 45 in a 30 through Blofield.",
    "he was doing 90 in a 50 on the bypass",
    "boy racers doin 80 in a 30 all nite",
    "They go past at 50mph in a 30 limit, somebody will die",
    "The lad was clocked at 62 in a 40, is that a ban?",
    "we got them at 47 in a 30 on the speed gun",
    "they're at 60 in a 30 every night down our road",
    "theyre at 50 in a 20 past the school, some1 will die",
    "Speedwatch recorded them at 44 in a 30 on Tuesday",
    "Dear Sir, we have recorded them at 58 in a 40 outwith the village.",
]
SPEEDS_STILL_GO = [
    (
        "I live at 50 and the van keeps blocking us",
        "I live at [address] and the van keeps blocking us",
    ),
]

# 7. The street said before "number" and its house number goes whole, as
# the older sets label it (numbers_probe n-040, unseen_2026_11 r253,
# unseen_2026_11_30_k k-057 and _m pm-047); the twelfth set's w12-005 keeps
# the street, and is left lost.
STREETS_BEFORE_NUMBERS_STILL_GO = [
    ("i live on Birch Avenue number 9", "i live on [address]"),
    (
        "I live in Govanhill on Allison Street number forty two. Neighbour plays loud music.",
        "I live in Govanhill on [address]. Neighbour plays loud music.",
    ),
]


@pytest.mark.parametrize(
    "text",
    PUBLIC_PLACES_STAY
    + STREETS_STAY
    + DISTRICTS_AND_ROADS_STAY
    + PETS_STAY
    + UNIVERSITIES_STAY
    + SPEEDS_STAY,
)
def test_ordinary_words_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    PUBLIC_PLACES_STILL_GO
    + STREETS_STILL_GO
    + DISTRICTS_AND_ROADS_CHANGE
    + DISTRICTS_AND_ROADS_STILL_GO
    + PETS_STILL_GO
    + SPEEDS_STILL_GO
    + STREETS_BEFORE_NUMBERS_STILL_GO,
)
def test_what_goes_and_what_stays(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected
