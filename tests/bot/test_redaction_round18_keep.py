"""Round 18 (keep words): public places named after people, areas and bare
public roles stay (bot/safeguarding/redaction/public_names.py); residents
with the same names still go. Wordings written for these tests, not the
probes' lines; what an officer sees is the suggested text."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable
from bot.safeguarding.redaction.public_names import public_figures

# (text, words that must all stay)
KEPT = [
    # a name and a place word after it, a regnal number between
    ("Someone lit a fire on the King Edward VII playing fields last night.", ["King Edward VII"]),
    ("The toilets at King George V Park have been vandalised again.", ["King George V Park"]),
    ("Pickpockets on the Elizabeth Line at rush hour, who do I tell?", ["Elizabeth Line"]),
    ("A crowd gathered round the Queen Victoria statue and it got rowdy.", ["Queen Victoria"]),
    ("a drunk lad kicked off outside the Duke of Wellington pub", ["Duke of Wellington"]),
    # a public figure's name on a firm: kept; a person's own firm goes
    ("The driver from Robin Hood Taxis took the long way round.", ["Robin Hood Taxis"]),
    ("Kids smashed the window of the Harry Potter shop near the station.", ["Harry Potter"]),
    # an area: a town with an area word, a town of two words
    ("Lads on motorbikes race through Lower Sheringham most evenings.", ["Lower Sheringham"]),
    ("There was a stabbing near King's Lynn bus station on Saturday.", ["King's Lynn"]),
    # SHOUTING and a capital at a sentence start
    ("VICTORIA PARK IS FULL OF DEALERS AND NOBODY CARES.", ["VICTORIA PARK"]),
    ("Mansfield Road is a racetrack after 10pm, ring 101 they say.", ["Mansfield Road", "101"]),
    # a public role said of someone else
    ("The headteacher told the parents to ring 101 if he came back.", ["headteacher", "101"]),
    ("the head of the council won't reply to a single email", ["council"]),
    ("I rang the council at 9am and the housing officer said ring 999.", ["council", "999"]),
]

# (text, words that must all be gone)
GONE = [
    # a resident with a public figure's name
    ("My daughter Victoria was followed home from the park.", ["Victoria"]),
    ("a lad called Nelson keeps threatening my son on snap", ["Nelson"]),
    # the resident's name goes even where a public place carries it
    ("My grandad Albert was mugged outside the Prince Albert pub.", ["Albert"]),
    # a person's own firm, a possessive
    ("Dave Coleman Motors sold me a car with no MOT.", ["Coleman"]),
    ("The window of Janet's Cafe was put through on Friday.", ["Janet"]),
    # a name after a person cue, whatever word follows
    ("Hi, I'm Victoria Park and my bag was stolen from the gym.", ["Victoria Park"]),
    # a writer's own post still goes
    ("I am the head teacher and a man keeps filming the children.", ["head teacher"]),
    ("I'm the caretaker at Oakfield Community Centre and the CCTV is broken.", ["Oakfield"]),
]


@pytest.mark.parametrize(("text", "words"), KEPT)
def test_public_words_stay(text: str, words: list[str]) -> None:
    suggested = suggest_publishable(text)
    for word in words:
        assert word in suggested, suggested


@pytest.mark.parametrize(("text", "words"), GONE)
def test_residents_and_own_posts_go(text: str, words: list[str]) -> None:
    suggested = suggest_publishable(text)
    for word in words:
        assert word not in suggested, suggested


def test_public_figures_list_is_read_once_and_lower_case() -> None:
    figures = public_figures()
    assert public_figures() is figures
    assert "robin hood" in figures
    assert all(name == name.lower() and not name.startswith("#") for name in figures)
