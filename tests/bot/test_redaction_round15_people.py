"""Round 15 (issue 15, after the twelfth unseen set): homes named as where
someone lives and people named in shapes the older finders missed
(bot/safeguarding/redaction/rural_homes.py, signed_people.py). Wordings
written for this round in other voices and regions, not copied from the
sets; look-alikes that must stay as they were."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# (text, the detail that must go)
HOMES = [
    # Scots farms and steadings
    ("Oor quad went missin fae the shed at Cessford Mains last nicht", "Cessford Mains"),
    ("we're oot at Whitmuir Mains, the dugs barked aw night", "Whitmuir Mains"),
    ("i am working on farm Wester Hartwood near Selkirk, tractor stolen", "Wester Hartwood"),
    ("The folk at Hundalee had their diesel tank drained", "Hundalee"),
    # Devon and Cornwall barns
    ("We live in the barn conversion, moved into The Shippon in March", "The Shippon"),
    ("someone tried the door at The Linhay again last night, proper scared", "The Linhay"),
    ("Mrs Pascoe up at Trevean says she saw the van too", "Trevean"),
    ("Dear Sir, I write as the owner, Major R. Coombe, of Nethercott, Iddesleigh.", "Nethercott"),
    # Wales
    ("my taid lives at Tŷ'n Llan, someone has been in his sheds", "Tŷ'n Llan"),
    ("Bore da, we are up at Ty'n y Coed and the sheep were let out", "Ty'n y Coed"),
    # England
    ("we r out at Manor Barton, the hare coursers were on the top field again", "Manor Barton"),
    ("They live up at Church Farm, been there since 1960, and the gate was smashed", "Church Farm"),
    ("the old couple at Kirkhope keep getting cold callers", "Kirkhope"),
    ("My father-in-law, Mr Dodds at Greenhaugh, is deaf and alone", "Greenhaugh"),
    ("somebody took plants from our front garden at Brookside, Mill Lane", "Brookside"),
    ("We are staying in holiday cottage Heatherbell near Moffat", "Heatherbell"),
    ("his place, Glenview, had the windows put in", "Glenview"),
    ("Many thanks, Ann at Fellside", "Fellside"),
]

PEOPLE = [
    # a name after a Welsh, Gaelic or Scots sign-off
    ("is it police if a dog goes for a sheep? Diolch, Eurgain", "Eurgain"),
    ("Any help would be great. Tapadh leibh, Seonaid", "Seonaid"),
    ("Thank you in advance. Mòran taing, Calum", "Calum"),
    ("Cofion cynnes, Bethan", "Bethan"),
    # a lower-case signature
    ("can u get them to stop?? - kayleigh", "kayleigh"),
    ("who do i ring, its doing my head in. cheers, gaz", "gaz"),
    # a nickname in a shared possessive
    ("both cars done, mine n Shaz's, on the same nite", "Shaz"),
    ("they nicked me and Kev's bikes from the shed", "Kev"),
    # who someone is, by full name
    ("the lad that done it, he's Tyler Bassett, everyone knows", "Tyler Bassett"),
    ("I know it was the woman from 14, Brenda Cole, I saw her", "Brenda Cole"),
    ("she is known round here as Tink, drives a red Fiesta", "Tink"),
    ("name on profile Dmytro Koval, says he is police", "Dmytro Koval"),
    ("we work for the Ashworths on Linden Road, they are kind", "Ashworths"),
    # a month's name said as a person
    ("Me and April went to the park and some lads followed us", "April"),
    ("my mate June got her bag snatched", "June"),
    ("Thanks, Sue at Low Carr", "Sue"),
]

# Look-alikes that must keep these words
STAY = [
    ("the pumpkin picking at Church Farm was busy, cars parked on the verge", "Church Farm"),
    ("Church Farm shop had a break-in, is it on the news?", "Church Farm"),
    ("the Linhay Cafe at Dartmouth was broken into", "Linhay"),
    ("there's a crash on Hillside Road by the school", "Hillside Road"),
    ("drinking outside the Red Lion every night", "Red Lion"),
    ("we moved into Leeds last year and the estate is rough", "Leeds"),
    ("Back in April and I still havent had a crime number", "April"),
    ("it happened in May and June", "May"),
    ("the postie dropped my parcel in a puddle", "postie"),
    ("we're out at Tesco, someone hit the car", "Tesco"),
    ("the water mains burst on Kelso Road", "Kelso Road"),
    ("I love the Beatles, always have", "Beatles"),
    ("the Londis on Mill Road had its window put in", "Londis"),
    ("the Robins on the feeder were lovely", "Robins"),
    ("Cheers, Easter weekend was mad", "Easter"),
    ("the pub on the green, The Old Dairy, had a fight outside", "The Old Dairy"),
    ("Thanks, the Neighbourhood Team at Hawick", "Hawick"),
    ("Mr Elliot at Hawick High School was very helpful", "Hawick High School"),
]


@pytest.mark.parametrize(("text", "detail"), HOMES)
def test_a_home_named_as_where_someone_lives_goes(text: str, detail: str) -> None:
    out = suggest_publishable(text)
    assert detail not in out, out
    assert "[address]" in out or "[name]" in out, out


@pytest.mark.parametrize(("text", "detail"), PEOPLE)
def test_a_person_named_in_these_shapes_goes(text: str, detail: str) -> None:
    out = suggest_publishable(text)
    assert detail not in out, out
    assert "[name]" in out, out


@pytest.mark.parametrize(("text", "kept"), STAY)
def test_the_look_alike_stays(text: str, kept: str) -> None:
    out = suggest_publishable(text)
    assert kept in out, out
