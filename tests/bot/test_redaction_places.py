"""The countryside in the suggestion (issue 15, from the second unseen set):
towns and villages stay (a known place after a place cue is neither a name
nor a home) while people named like places, house names and addresses with
numbers still go; rural homes without a "Farm" or "House" cue go; a
village's or a body's one office goes."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable
from bot.safeguarding.redaction.lexicon import places


@pytest.mark.parametrize(
    ("asked", "suggested"),
    [
        # a known place after a cue, or before a place's word
        ("Is the Hawes police office still open on Tuesdays?", None),
        ("Who's our PCSO for Alston now?", None),
        ("he lost it on the 505 bus from Spalding to Boston on Monday", None),
        ("Harvest is start in July near King's Lynn.", None),
        ("I have takeaway, Golden Dragon, in Ely. Every weekend they throw stone.", None),
        ("Quad and trailer stolen from Brompton Ralph overnight.", None),
        ("Lost a collie near Bwlch Nant yr Arian, answers to Meg. Anyone?", None),
        ("we farm near Keld and the fox has had 11 lambs this year", None),
        ("my lil bro got robbed outside Perry Barr station lol", None),
        # a village after a home's name and its comma, in a signature
        (
            "Yours faithfully, Harold Thistlethwaite, Dyke Nook Farm, Malham, Skipton, BD23 4DJ",
            "Yours faithfully, [name], [address], Malham, Skipton, [postcode]",
        ),
        (
            "Mrs Edith Alderson, Low Riggs Farm, Gunnerside, Richmond, DL11 6LF.",
            "[name], [address], Gunnerside, Richmond, [postcode].",
        ),
        (
            "my boss is Mr Hewitt of Church Farm, Sculthorpe. He keep my passport",
            "my boss is [name] of [address], Sculthorpe. He keep my passport",
        ),
        (
            "My Hilux got taken off the yard at Moorcock Farm, Garsdale last night",
            "My Hilux got taken off the yard at [address], Garsdale last night",
        ),
        (
            "I reside at Number Two, Chapel Row, Thornton Rust and would be pleased",
            "I reside at [address], Thornton Rust and would be pleased",
        ),
    ],
)
def test_places_stay(asked: str, suggested: str | None) -> None:
    assert suggest_publishable(asked) == (asked if suggested is None else suggested)


@pytest.mark.parametrize(
    ("asked", "suggested"),
    [
        # people whose surnames are places, with what makes them people
        ("Mr Hawes from the parish council rang", "[name] from the parish council rang"),
        ("Jim Alston said he saw the van", "[name] said he saw the van"),
        # a given name that is also a town, after "to": a person
        ("I spoke to Bradley about it", "I spoke to [name] about it"),
        # a given name that is also a town, after an address: a person
        (
            "it's the bloke at no 9 Cedar Road, Martin, he works nights",
            "it's the bloke at [address], [name], he works nights",
        ),
        # a home named by a cue word is still a home
        (
            "ppl keep parkin on the verge outside Cherry Tree Farm n rippin it up",
            "ppl keep parkin on the verge outside [address] n rippin it up",
        ),
        # an address with a house number is still an address
        ("she lives at 12 Ely Road with her kids", "she lives at [address] with her kids"),
        # a business after "outside" is still the person's
        (
            "lads on scooters outside Hassan's Barbers every night",
            "lads on scooters outside [name] every night",
        ),
    ],
)
def test_people_and_homes_still_go(asked: str, suggested: str) -> None:
    assert suggest_publishable(asked) == suggested


def test_gazetteer_is_uk_places() -> None:
    """The shipped gazetteer holds UK towns and villages, in lower case, and
    (round 4) countries and cities abroad of a million people or more; not a
    small town abroad nor an ordinary word."""
    known = places()
    assert {"ely", "king's lynn", "hawes", "alston", "skipton", "lampeter"} <= known
    assert {"hong kong", "poland", "lagos", "karachi", "paris"} <= known
    assert len(known) > 9000
    assert "from" not in known and "fontainebleau" not in known


@pytest.mark.parametrize(
    ("asked", "suggested"),
    [
        # rural homes with no "Farm" or "House" cue, Welsh and Cornish names
        (
            "we farm at Hill Top near Keld and the fox has had 11 lambs",
            "we farm at [address] near Keld and the fox has had 11 lambs",
        ),
        (
            "We farm at West Ancroft Steads, up near the border",
            "We farm at [address], up near the border",
        ),
        (
            "Our quad bike was taken from the shed at Hallington Mill last night",
            "Our quad bike was taken from the shed at [address] last night",
        ),
        (
            "Someone has poisoned two of our sheepdogs at Pantglas above Cwm-y-glo.",
            "Someone has poisoned two of our sheepdogs at [address] above Cwm-y-glo.",
        ),
        (
            "some1 nicked the diesel out of our tractor at Penrhiw farm overnight",
            "some1 nicked the diesel out of our tractor at [address] farm overnight",
        ),
        (
            "We let the annexe at the back of our place (Trewartha, just off the Stratton road)",
            "We let the annexe at the back of our place ([address], just off the Stratton road)",
        ),
        (
            "My late brother's bungalow, Glan-y-Môr, on Heol Hir, has stood empty",
            "My late brother's bungalow, [address], on Heol Hir, has stood empty",
        ),
        (
            "Walter Dinsdale, born 2nd June 1936, of Cringley House, Carperby, Leyburn.",
            "[name], [date of birth], of [address], Carperby, Leyburn.",
        ),
    ],
)
def test_rural_homes_go(asked: str, suggested: str) -> None:
    assert suggest_publishable(asked) == suggested


@pytest.mark.parametrize(
    "asked",
    [
        "we met at Tesco near Bromley",
        "I work at Costa near Bromley",
        "the match at Wembley near the end",
        "took the kids to Mudchute farm",
        "a puppy farm near us",
        "The girl riding it was the one from the stables at Home Farm",
    ],
)
def test_shops_towns_and_public_farms_stay(asked: str) -> None:
    assert suggest_publishable(asked) == asked


@pytest.mark.parametrize(
    ("asked", "suggested"),
    [
        # a village's or a body's one office, with no "the only"
        (
            "I'm the churchwarden, you can get me on the phone.",
            "I'm [job], you can get me on the phone.",
        ),
        (
            "As clerk to Llangorse Community Council I have been asked to enquire",
            "As [job] I have been asked to enquire",
        ),
        (
            "The Upper Coquetdale postman is driving like a maniac down the lanes",
            "[job] is driving like a maniac down the lanes",
        ),
        # a job said of no one in particular stays
        ("the postman came at 9", "the postman came at 9"),
        ("our postie is lovely", "our postie is lovely"),
        ("The Royal Mail postman was late", "The Royal Mail postman was late"),
        ("I am the manager", "I am the manager"),
    ],
)
def test_offices_one_person_holds(asked: str, suggested: str) -> None:
    assert suggest_publishable(asked) == suggested
