"""Issue 15, redaction round 19 (r19-house): homes by name, and cars
described with their plate, on wordings written for this round (not the
spent sets' lines). What an officer sees is the suggested publishable text.
Figures per file are in docs/redaction-figures.md ("Round 19: homes by
name, and cars described with their plate"); the conventions in
docs/decisions.md (same title)."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# 1. Homes by name. A Welsh home word with the article run in ("Tŷ'r",
# "Cae'r"), "Bwthyn", a name before a Welsh street ("Lôn", "Heol",
# "Ffordd") or after "yn", a name after Welsh "o'r enw" (called), a Welsh
# home typed in lower case after a word that says someone lives there, one
# word built on a Welsh home's first part where the writer says they are, a
# land word last after "of" ("of Scar Top, Moor Lane"), and living alone
# said another way before a name and its town.
HOMES_GO = [
    (
        "Ty'r Felin was broken into on Tuesday night and they took the chainsaw.",
        "[address] was broken into on Tuesday night and they took the chainsaw.",
    ),
    (
        "my brother farms above Nefyn, Cae'r Odyn, and someone took his trailer",
        "my brother farms above Nefyn, [address], and someone took his trailer",
    ),
    (
        "Someone has been trying car doors. Address is Penlan, Lôn Isaf, Llanbedrog.",
        "Someone has been trying car doors. Address is [address], Lôn Isaf, Llanbedrog.",
    ),
    (
        "we've lived yn Tan y Fron, Ffordd Caergybi, for nine years and this never happened",
        "we've lived yn [address], Ffordd Caergybi, for nine years and this never happened",
    ),
    (
        "Mam lives in a cottage o'r enw Bryn Derwen and a man rang her claiming to be the bank",
        "[name] lives in a cottage o'r enw [address] and a man rang her claiming to be the bank",
    ),
    (
        "i live at ty coch and the quad was taken off the yard last nite",
        "i live at [address] and the quad was taken off the yard last nite",
    ),
    (
        "ni'n byw yn bryn hyfryd and kids keep throwing eggs",
        "ni'n byw yn [address] and kids keep throwing eggs",
    ),
    (
        "My aunt is up at hafod wen, past the chapel, and her dog was stolen",
        "My aunt is up at [address], past the chapel, and her dog was stolen",
    ),
    (
        "She's living by herself at Fellfoot, Coniston, and someone keeps knocking late.",
        "She's living by herself at [address], Coniston, and someone keeps knocking late.",
    ),
    (
        "Please pass my details on: Mrs Margaret Dyson, aged 79, of Scar Top, Moor Lane, Haworth.",
        "Please pass my details on: [name], [age], of [address], Moor Lane, Haworth.",
    ),
    (
        "I'm at Bodlondeb, Llanrug, if an officer can call by.",
        "I'm at [address], Llanrug, if an officer can call by.",
    ),
    (
        "Mae Nain yn byw mewn bwthyn o'r enw Bwthyn Afon Las ers blynyddoedd.",
        "Mae Nain yn byw mewn bwthyn o'r enw [address] ers blynyddoedd.",
    ),
]
# Public places and towns built with the same words stay.
PLACES_STAY = [
    "I'm at Penrith station, anyone know which way the bus goes?",
    "We took the grandchildren to Plas Newydd and someone smashed the car window.",
    "My sister is in Tŷ Hafan and the staff say a man keeps hanging round the car park.",
    "Tŷ'r Cyffredin voted on it last week, so is it law now?",
    "we were at Tan Hill for the day and a lad keyed the car",
    "we live in pen y bont and the kids are scared of the lads on bikes",
]


# 2. Cars described with their plate. The plate always goes. The
# description goes with a full plate it runs into (the readable files'
# main convention), with how the car looks before it ("little", "wrapped")
# and a model's number ("Rover 45"); it stays where the plate is given as a
# clause of its own ("a white pickup, reg was ...") and where a bare make
# and model in capitals with no colour is said ("a Toyota Corolla
# registration number ..."). Makers named like people are no one.
CARS = [
    (
        "The van that hit my wall was a white pickup, reg was KD18 WLP, and it drove off.",
        "The van that hit my wall was a white pickup, reg was [vehicle reg], and it drove off.",
    ),
    (
        "It was a blue Skoda estate, the plate was FH20 something, heading for the A55.",
        "It was a blue Skoda estate, the plate was [vehicle reg], heading for the A55.",
    ),
    (
        "Someone stole a tractor, a big green John Deere, reg was lima foxtrot one something.",
        "Someone stole a tractor, a big green John Deere, reg was [vehicle reg].",
    ),
    (
        "A Toyota Corolla registration number BV67 KNR keeps parking across my drive.",
        "A Toyota Corolla registration number [vehicle reg] keeps parking across my drive.",
    ),
    (
        "It's a Ford Ranger, registration YE21 TUP, and it has no tax.",
        "It's a Ford Ranger, registration [vehicle reg], and it has no tax.",
    ),
    (
        "Car is a Nissan Leaf, LS70 GHV, taken from outside the house.",
        "Car is a Nissan Leaf, [vehicle reg], taken from outside the house.",
    ),
    (
        "a wrapped matte black Audi RS3, private plate R55 ABD, races here every night",
        "a [vehicle reg], races here every night",
    ),
    (
        "a little silver Kia Rio, YD14 PLK, keeps parking on the zigzags",
        "a [vehicle reg], keeps parking on the zigzags",
    ),
    (
        "Registration is YG19 HNB blue corsa and he drives it every day past the school",
        "Registration is [vehicle reg] and he drives it every day past the school",
    ),
    (
        "It is a maroon Rover 45, registration Y612 KLM, and it has not moved for weeks.",
        "It is a [vehicle reg], and it has not moved for weeks.",
    ),
    ("a silver corsa lk66 tyo was doing donuts", "a [vehicle reg] was doing donuts"),
    ("his white Transit, reg AB12 CDE, blocks my drive", "his [vehicle reg], blocks my drive"),
    # plates said in part or spelled with words
    (
        "I wrote the registration down: D as in Delta, Y, one four, then M, R, P. It was big.",
        "I wrote the registration down: [vehicle reg]. It was big.",
    ),
    (
        "reg is somthing like kp19 and its always outside the shop",
        "reg is somthing like [vehicle reg] and its always outside the shop",
    ),
]
MAKERS_STAY = [
    "Our twin-axle Ifor Williams trailer was taken off the drive overnight.",
    "a Massey Ferguson was left in the gateway all week blocking the lane",
    "a big green van was outside again",
]


@pytest.mark.parametrize(("text", "expected"), HOMES_GO + CARS)
def test_what_goes(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", PLACES_STAY + MAKERS_STAY)
def test_what_stays(text: str) -> None:
    assert suggest_publishable(text) == text
