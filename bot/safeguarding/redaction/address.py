"""House number + street: "14 Elm Road", "Flat 3, 22 High Street",
"7 The Crescent". A street named without a house number is not a personal
detail ("speeding on Elm Road") and stays."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail, word_set

_STREET_TYPES = (
    "Road|Rd|Street|St|Avenue|Ave|Av|Lane|Ln|Close|Cl|Drive|Dr|Way|Crescent|Cres|Gardens|Gdns|"
    "Place|Pl|Court|Ct|Grove|Gr|Hill|Terrace|Terr|Park|Rise|Mews|View|Walk|Row|Square|Sq|"
    "Parade|Approach|Green|Vale|Hollow|Wharf|Yard|Mead|End|Gate|Path|Boulevard|Broadway|"
    "Embankment|Fields|Heights|Meadow|Meadows|Orchard|Passage|Quay|Ridge|Chase|Croft|Wood"
)
_CAPITAL_WORD = r"[A-Z][\w'’.-]*"
_ANY_WORD = r"(?:[A-Z][\w'’.-]*|[a-z][a-z'’]+)"
# "Flat 3, ", "flat 2b ", "Flat 12, Beechwood Court, "
_BUILDING = (
    r"(?:[A-Z][\w'’]+\s+){1,3}(?:Court|House|Lodge|Mansions|Point|Tower|Heights|Buildings|"
    r"Block),?\s+"
)
_FLAT = rf"(?:(?:flat|apartment|apt|unit)\s*\d{{1,4}}[a-z]?,?\s+(?-i:{_BUILDING})?)?"
_HOUSE = r"\d{1,4}[a-zA-Z]?(?:-\d{1,4})?,?"


def _address(name_word: str, lead: str = "") -> re.Pattern[str]:
    return re.compile(
        rf"{lead}(?i:{_FLAT})\b{_HOUSE}\s+"
        rf"(?:(?i:the)\s+(?:{name_word}\s+){{0,2}}|(?:{name_word}\s+){{1,3}})"
        rf"(?i:{_STREET_TYPES})\b"
    )


# Street names in capitals anywhere; in lower case ("14 elm road") only after
# words that introduce an address, so "junction 4 slip road" stays.
_ADDRESSES = (
    _address(_CAPITAL_WORD),
    _address(
        _ANY_WORD,
        lead=r"(?i:(?<=\bat )|(?<=\bis )|(?<=\bnumber )|(?<=\bno )|(?<=\bfrom )|(?<=\bto ))",
    ),
)
# A street named in one word ("12 Greenway", "2 Kingsway"), when the text
# says an address is coming.
_ONE_WORD_STREET = re.compile(
    r"(?i:(?:\bat|\baddress(?: is)?:?|\blive at|\bfrom|\bto)\s+)"
    r"(\d{1,4}[a-z]?,?\s+[A-Z][a-z]+(?:way|gate|green|side|field|fields|wood|dale|hurst|croft|"
    r"mead|ridge|walk|lands|bury)\b)"
)
# Words that, lowercase, mean the number is a count, not a house
# ("3 cars down the road", "2 kids on the street").
_COUNTED = re.compile(
    r"^\d+\s+(?:times?|cars?|kids?|men|lads|boys|girls|people|youths|houses?|doors?|minutes?|"
    r"mins?|hours?|days?|weeks?|months?|years?|of|or|and|to|more|in|on|at|up|down|along|"
    r"across|from|off|into|onto|near|by|per|a|an|the)\b",
)
_ORDINARY_WORDS = word_set(
    "the a an and or of to in on at up down along across from off into near by per for "
    "with is was are were be been"
)


def find_addresses(text: str) -> Iterator[Detail]:
    for match in (m for pattern in _ADDRESSES for m in pattern.finditer(text)):
        found = match.group(0)
        number_at = re.search(r"\d", found)
        assert number_at is not None
        tail = found[number_at.start() :]
        if _COUNTED.match(tail) and not tail.split()[1][:1].isupper():
            continue
        words = tail.split()[1:-1]
        if any(w.lower() in _ORDINARY_WORDS and not w[:1].isupper() for w in words):
            continue
        yield Detail(match.start(), match.end(), Category.ADDRESS)
    for match in _ONE_WORD_STREET.finditer(text):
        yield Detail(match.start(1), match.end(1), Category.ADDRESS)
