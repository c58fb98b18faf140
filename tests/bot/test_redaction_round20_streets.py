"""Round 20 (issue 15): house numbers by their street and the streets that
stay. The suggested text an officer sees: a house number with a street type
the readers did not know (data/street_types.txt: "Wynd", "Loan", "Lea",
"Dene", "Cross", ...), a number in words set apart from its street ("forty-one
on the corner of Hawthorne Road": the number goes, the street stays), a
street after "I run the cafe on", a service's number beside a plate, a
district standing as a sentence. Wordings written for this round, not the
unseen sets' lines; look-alikes that must stay."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable
from bot.safeguarding.redaction.lexicon import street_types

# (text, what the officer sees)
SHOWN = [
    # street types from Royal Mail and OS conventions, across the regions
    (
        "We're at 14 Glebe Wynd and the gate keeps going.",
        "We're at [address] and the gate keeps going.",
    ),
    (
        "Flat 3, 27 Kirkgate Loan, Dumfries - lads on the roofs",
        "[address], Dumfries - lads on the roofs",
    ),
    ("past 7 Meadow Lea like a race track", "past [address] like a race track"),
    ("My dad at 10 Castle Dene was conned.", "My dad at [address] was conned."),
    ("Someone slashed tyres outside 3 Trubshaw Cross.", "Someone slashed tyres outside [address]."),
    ("a stall at 5 Kirk Vennel", "a stall at [address]"),
    ("8 Sandy Loan, EH54 6PQ - parcel nicked", "[address], [postcode] - parcel nicked"),
    # a number of two words joined by a hyphen opens the sentence
    ("Sixty-two Lochend Brae has had its bins burnt.", "[address] has had its bins burnt."),
    # a number in words apart from its street: the number only
    (
        "forty-one on the corner of Hawthorne Road is where it happened",
        "[address] on the corner of Hawthorne Road is where it happened",
    ),
    (
        "My mum lives at forty-seven, just past the turn into Sycamore Avenue.",
        "My mum lives at [address], just past the turn into Sycamore Avenue.",
    ),
    (
        "Fifty-one, that's us, on the bend of Kestrel Way.",
        "[address], that's us, on the bend of Kestrel Way.",
    ),
    (
        "we're at number 12 at the end of Glebe Wynd",
        "we're at [address] at the end of Glebe Wynd",
    ),
    # the street after running a place stays
    (
        "I run the cafe on St James's St and kids keep nicking cans",
        "[job] on St James's St and kids keep nicking cans",
    ),
    ("I own the only chippy on Harbour Road", "[job] on Harbour Road"),
    ("my partner and I run the cafe on Fore Street", "my partner and [job] on Fore Street"),
    # a service's number beside a plate
    (
        "It's a white Transit, reg MX67 HKD. Is this a 101 job or the council?",
        "It's [vehicle reg]. Is this a 101 job or the council?",
    ),
    # a district as a sentence, or after a field's label
    ("It happened in Glasgow. Drumchapel.", "It happened in Glasgow. Drumchapel."),
    ("Area: Drumchapel. Lads on bikes.", "Area: Drumchapel. Lads on bikes."),
    ("Any help appreciated. Ballymacash.", "Any help appreciated. Ballymacash."),
]

# near-misses: what must stay as written, or still go
NEAR = [
    # a time or a count before a spot on a street is no house
    (
        "We met at eleven on the corner of Bridge Street",
        "We met at eleven on the corner of Bridge Street",
    ),
    ("I waited 2 at the end of Mill Lane", "I waited 2 at the end of Mill Lane"),
    (
        "I counted twenty-three at the end of Mill Lane",
        "I counted twenty-three at the end of Mill Lane",
    ),
    ("there were fifteen at the end of Glebe Wynd", "there were fifteen at the end of Glebe Wynd"),
    # "cross" in lower case is the verb
    ("I saw 2 lads cross the road", "I saw 2 lads cross the road"),
    # a street with no number stays, whatever its type
    (
        "I have a stall on Castle Vennel on Saturdays",
        "I have a stall on Castle Vennel on Saturdays",
    ),
    ("the lights are out along Pennywell Chase", "the lights are out along Pennywell Chase"),
    # a workplace's street stays inside the job; a named branch's too
    ("my boss at the nail bar on Kingsway Road keeps my wages", "[job] keeps my wages"),
    # someone else's place keeps its street inside the job
    ("she owns the chippy on Elm Road", "[job]"),
    # a chain's branch: its street says which, and goes with the job
    ("I own the Spar on Mile Cross Road and lads shoplift", "[job] and lads shoplift"),
    # a plate that is a plate, after "reg"
    ("the van reg is A 101 JOB", "the van reg is [vehicle reg]"),
    # a sign-off after thanks stays a name
    ("Thanks for reading. Kilbride", "Thanks for reading. [name]"),
]


@pytest.mark.parametrize(("text", "shown"), SHOWN)
def test_round20_streets_suggested_text(text: str, shown: str) -> None:
    assert suggest_publishable(text) == shown


@pytest.mark.parametrize(("text", "shown"), NEAR)
def test_round20_streets_near_misses(text: str, shown: str) -> None:
    assert suggest_publishable(text) == shown


def test_street_types_come_from_the_data_file_once_each() -> None:
    words = street_types()
    assert len(words) == len(set(words))
    for word in ("Road", "Wynd", "Loan", "Vennel", "Lea", "Dene", "Tce"):
        assert word in words
    assert "Cross" not in words  # only with its capital, in address.py
    assert not any(word.startswith("#") or not word.strip() for word in words)
