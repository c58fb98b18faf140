"""Round 19 (names): private names in hard positions and forms
(bot/safeguarding/redaction/hard_names.py): capitals, the surname-first
form, lower case, hyphenated given names, names heard, officers with a rank
and number, a child with a form, families by surname, a name asked after, a
name inside Welsh text, and names by a close cue; and the opposite error,
public places named after people and towns standing as a sentence of their
own (public_names.py, not_people.py). Own wordings, none from a labelled
file; each asserts what an officer sees in the suggestion."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import find_doubtful_names, suggest_publishable


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # capitals in an ordinary sentence, after a relation or a lead-in
        (
            "warned my daughter KIERA to stay away from the underpass after school",
            ["KIERA"],
            ["the underpass", "after school"],
        ),
        ("my brother TYRONE was jumped near the bus station", ["TYRONE"], ["the bus station"]),
        # a text all in capitals: a given name and a surname before a verb or "and his"
        (
            "SEAN O'HALLORAN AND HIS MATES ARE DEALING BEHIND THE LEISURE CENTRE",
            ["SEAN", "O'HALLORAN"],
            ["THE LEISURE CENTRE"],
        ),
        (
            "GRANT TWEDDLE KEEPS REVVING HIS BIKE OUTSIDE THE FLATS",
            ["GRANT", "TWEDDLE"],
            ["THE FLATS"],
        ),
        # the surname-first form
        (
            "OKONJO, Grace. Shed broken into on Mill Lane, Tuesday. Any update?",
            ["OKONJO", "Grace"],
            ["Mill Lane", "Tuesday"],
        ),
        # lower case
        (
            "can you tell frank his wallet has been handed in at the front desk",
            ["frank"],
            ["front desk"],
        ),
        (
            "young mcallister down the street has been setting off fireworks at the cats",
            ["mcallister"],
            ["fireworks"],
        ),
        (
            "a p. nowakowski signed the delivery note but nobody here has that name",
            ["nowakowski"],
            ["delivery note"],
        ),
        # a hyphenated given name beside a surname that is also a place word
        (
            "my housemate Seo-yeon Park had her laptop taken from the library",
            ["Seo-yeon", "Park"],
            ["the library"],
        ),
        ("Hall Min-jun saw the whole thing from the bus stop.", ["Min-jun"], ["the bus stop"]),
        # names heard, not known
        (
            "one of them shouted Brayden or similar before they ran off",
            ["Brayden"],
            ["before they ran off"],
        ),
        (
            "The warden who came round, Lance something, said he'd look into it.",
            ["Lance"],
            ["look into it"],
        ),
        # an officer with a rank and a collar number, or in lower case
        (
            "PC 4412 Harrison came to the house last week and was great",
            ["4412", "Harrison"],
            ["came to the house"],
        ),
        (
            "hi pcso ellie said to post here about the bikes on the field",
            ["ellie"],
            ["the bikes on the field"],
        ),
        # a child with a form
        (
            "My son is Alfie, in 8R at Brookfield Academy, and his bag was taken",
            ["Alfie"],
            ["his bag was taken"],
        ),
        ("That's my girl, she's Ivy, in year 3, and she was scared.", ["Ivy"], ["scared"]),
        # families by surname
        (
            "everyone knows it's the Patel brothers from the flats who did it",
            ["Patel", "brothers"],
            ["from the flats"],
        ),
        (
            "the Kowalskis at number 12 have had their car keyed again",
            ["Kowalskis"],
            ["car keyed"],
        ),
        (
            "The family across the road, the Harringtons, keep blocking the lane.",
            ["Harringtons"],
            ["blocking the lane"],
        ),
        # a name asked after
        ("Any update on Tanisha yet?", ["Tanisha"], ["Any update"]),
        # a name set off by commas in Welsh text
        (
            "Mae un o'r bechgyn, Gethin, yn taflu cerrig at y ceir bob nos.",
            ["Gethin"],
            ["taflu cerrig"],
        ),
        # names by a close cue
        (
            "Please thank the officer at the desk, I think her name was Ruth.",
            ["Ruth"],
            ["the officer at the desk"],
        ),
        (
            "Seen it myself: me, Chiara, I was at the bus stop across the road.",
            ["Chiara"],
            ["the bus stop"],
        ),
        ("one of the mums, Folasade, has the video on her phone", ["Folasade"], ["the video"]),
        ("round here everyone says gazza is the one selling it", ["gazza"], ["selling it"]),
        (
            "Mei Ling Zhou (Lily to her regulars) had her till snatched.",
            ["Lily"],
            ["her till snatched"],
        ),
        ("Kenneth MacAoidh saw the van pull away from the pier.", ["MacAoidh"], ["the pier"]),
        ("lads keep kicking the gate in. Any help appreciated. - R.T.", ["R.T."], ["the gate"]),
    ],
)
def test_names_in_hard_forms_go(text: str, gone: list[str], kept: list[str]) -> None:
    suggestion = suggest_publishable(text)
    for part in gone:
        assert part not in suggestion, suggestion
    for part in kept:
        assert part in suggestion, suggestion


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # places named after people
        (
            "My bag went outside the Joseph Rowntree Institute on Tuesday.",
            "Joseph Rowntree Institute",
        ),
        ("Cars racing down Sir Bobby Robson Way every night.", "Sir Bobby Robson Way"),
        ("Bottles thrown at the Earl Grey Monument again.", "Earl Grey Monument"),
        ("I sat for five hours at James Cook before anyone saw me.", "James Cook"),
        ("Kids climbing on the Henry Moore statue in the square.", "Henry Moore"),
        # look-alikes that must stay words
        ("tell them his bike was found by the canal", "tell them his bike"),
        ("Is anyone watching the Co-op car park at night?", "Co-op car park"),
        ("the Scout hut was broken into again", "the Scout hut"),
        ("MY DAD KEEPS GETTING SCAM CALLS FROM A WITHHELD NUMBER", "MY DAD KEEPS"),
        ("NOTE, Please reply by email.", "NOTE"),
        ("it was quarter past ten o'clock and the lads were still there", "o'clock"),
        # a firm named after its owner still goes
        ("someone tagged the shutters at Yusuf's Kebab House", "someone tagged"),
    ],
)
def test_public_names_and_look_alikes_stay(text: str, kept: str) -> None:
    assert kept in suggest_publishable(text)


def test_a_firm_named_after_its_owner_is_no_public_place() -> None:
    assert "Yusuf" not in suggest_publishable("someone tagged the shutters at Yusuf's Kebab House")


def _doubts(text: str) -> list[str]:
    return [text[d.start : d.end] for d in find_doubtful_names(text)]


def test_a_town_standing_alone_stays() -> None:
    text = "Someone keeps trying car doors on Park Road at 2am. Kilmaurs"
    assert suggest_publishable(text) == text


def test_a_town_that_is_also_a_given_name_stays_and_is_a_doubt() -> None:
    text = "Someone keeps trying car doors on our street at night. Kendal."
    assert suggest_publishable(text) == text
    assert "Kendal" in _doubts(text)


def test_a_sign_off_after_thanks_is_still_a_name() -> None:
    text = "Thanks for reading this. Chester"
    assert "Chester" not in suggest_publishable(text)


def test_a_family_word_stays_beside_the_surname() -> None:
    suggestion = suggest_publishable("the Okafor family upstairs are shouting again")
    assert "Okafor" not in suggestion
    assert "family upstairs" in suggestion
