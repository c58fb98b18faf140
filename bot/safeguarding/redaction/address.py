"""House number + street: "14 Elm Road", "Flat 3, 22 High Street",
"7 The Crescent", "twelve Elm Road"; a house or flat number alone ("at
number 12", "number twelve", "No. 4", "flat three"). A street named without
a house number is not a personal detail ("speeding on Elm Road") and stays,
and so does a bus's or a list's number ("the number 12 bus")."""

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
_UNIT_WORD = "one|two|three|four|five|six|seven|eight|nine"
# "twelve", "twenty-two", "forty one": a house number as a word.
_NUMBER_WORD = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:{_UNIT_WORD}))?"
    rf"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    rf"|{_UNIT_WORD})\b"
)
# "Flat 3, ", "flat 2b ", "Flat 12, Beechwood Court, "
_BUILDING = (
    r"(?:[A-Z][\w'’]+\s+){1,3}(?:Court|House|Lodge|Mansions|Point|Tower|Heights|Buildings|"
    r"Block),?\s+"
)
_FLAT = (
    rf"(?:(?:flat|apartment|apt|unit)\s*(?:\d{{1,4}}[a-z]?|{_NUMBER_WORD}),?\s+(?-i:{_BUILDING})?)?"
)
_HOUSE = rf"(?P<house>\d{{1,4}}[a-zA-Z]?(?:-\d{{1,4}})?|(?i:{_NUMBER_WORD})),?"


def _address(name_word: str, lead: str = "") -> re.Pattern[str]:
    return re.compile(
        rf"{lead}(?i:(?:number\s+|no\.?\s*)?{_FLAT})\b{_HOUSE}\s+"
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
    rf"^(?:\d+|(?i:{_NUMBER_WORD}))\s+(?:times?|cars?|kids?|men|lads|boys|girls|people|youths|houses?|doors?|minutes?|"
    r"mins?|hours?|days?|weeks?|months?|years?|of|or|and|to|more|in|on|at|up|down|along|"
    r"across|from|off|into|onto|near|by|per|a|an|the)\b",
)
_ORDINARY_WORDS = word_set(
    "the a an and or of to in on at up down along across from off into near by per for "
    "with is was are were be been"
)


# A house or flat number alone is taken where the writer says it is their
# home or someone's ("I live at number twelve", "she's in flat 3", "we're at
# No. 4"); "outside number 40" or "Number 45 on our road" locate nobody
# without the street and stay, as the labelled corpora have them.
_HOUSE_NUMBER_ALONE = re.compile(
    r"(?i:\b(?:live|lives|living|lived|stay|stays|staying|moved|i'm|im|i am|we're|we are|"
    r"were|he's|she's|they're|he is|she is|they are|address is|home is|house is)"
    r"\s+(?:at|in|to)\s+(?:the\s+)?)"
    rf"((?i:(?:house\s+)?(?:number|num|no\.?|nr\.?|\#)|flat|apartment|apt)\s*"
    rf"(?:\d{{1,4}}[a-z]?\b|(?i:{_NUMBER_WORD})))(?!\s*\d)"
)
_NOT_A_HOUSE_BEFORE_WORD = re.compile(
    r"(?i:\b(?:on|along|down|up|off|near|the|of|in|onto|into|across|via|by|past|about|"
    r"over|under|all|both|these|those|every|last|first|next|only)\s+)$"
)


def find_addresses(text: str) -> Iterator[Detail]:
    for match in (m for pattern in _ADDRESSES for m in pattern.finditer(text)):
        found = match.group(0)
        tail = text[match.start("house") : match.end()]
        worded = not tail[:1].isdigit()
        if worded and _NOT_A_HOUSE_BEFORE_WORD.search(text, 0, match.start("house")):
            continue  # "on Seven Sisters Road", "the two High Street banks"
        if _COUNTED.match(tail) and not tail.split()[1][:1].isupper():
            continue
        words = tail.split()[1:-1]
        if any(w.lower() in _ORDINARY_WORDS and not w[:1].isupper() for w in words):
            continue
        del found
        yield Detail(match.start(), match.end(), Category.ADDRESS)
    for match in _ONE_WORD_STREET.finditer(text):
        yield Detail(match.start(1), match.end(1), Category.ADDRESS)
    for match in _HOUSE_NUMBER_ALONE.finditer(text):
        yield Detail(match.start(1), match.end(1), Category.ADDRESS)
