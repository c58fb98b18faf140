"""Round 6 (issue 15, after the fifth unseen set): number-group forms the
earlier rules missed.

- A Glasgow tenement flat before its street: "3/2 14 Dalmally Street",
  "2/1, 45 Westmoreland Street", "0/1 at 33 Dixon Avenue": the floor/door
  joins the address found after it.
- A flat in a block: "flat 9 block c", "block C flat 12".
- A Welsh street in lower case with its number: "4 heol y deri".
- A house number in words after a misspelt "number": "numbr ninety three".
- Digits said in words after a code, a card's last digits or a PIN: "the
  code — four one seven nine", "card ends four four two seven".

Each is found in the text as given; shapes are (start, end) character
offsets in :class:`~bot.safeguarding.redaction.detail.Detail`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.address import find_addresses
from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.lexicon import (
    NOT_PERSONS,
    PLACE_WORDS,
    first_names,
    ordinary_words,
    places,
    proper_nouns,
    surnames,
)

# "3/2 ", "2/1, ", "0/1 at ", "1/1, " right before a found address
_TENEMENT_BEFORE = re.compile(r"\b[0-9]/[0-9]{1,2}(?:[ \t]*,[ \t]*|[ \t]+at[ \t]+|[ \t]+)$")

_BLOCK_FLAT = re.compile(
    r"(?i:\bflat[ \t]+\d{1,4}[a-z]?[ \t]*,?[ \t]*block[ \t]+(?:[a-h]|\d{1,2})\b"
    r"|\bblock[ \t]+(?:[a-h]|\d{1,2})[ \t]*,?[ \t]*flat[ \t]+\d{1,4}[a-z]?\b)"
)

# Welsh street words; the name after them is one or two words (with "y"/"yr")
_WELSH_STREET = re.compile(
    r"(?i:\b\d{1,4}[a-z]?,?[ \t]+(?:heol|stryd|ffordd|lon|lôn|rhodfa|cilgant)"
    r"(?:[ \t]+(?:y|yr|ar))?[ \t]+[a-zâêîôûŵŷ'’-]{2,}\b)"
)

_UNIT = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|nintey"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ninteen"
_WORD_NUMBER = rf"(?:(?:{_TENS})(?:[- ](?:{_UNIT}))?|{_TEENS}|{_UNIT})\b"
# "numbr", "nummber", "numba", "nuber", "numbe" (not "number", "num", "no":
# address.py has them)
_MISSPELT_NUMBER = re.compile(
    rf"(?i:\b(?:numbr|nummber|numbre|numbah|numba|nuber|numbe|numer|nmber)[ \t]+{_WORD_NUMBER})"
)

_DIGIT_WORD = r"(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine|double[ \t]+\w+)"
_CODE_CUE = (
    r"(?:(?:key[ \t]?safe[ \t]+|door[ \t]+|alarm[ \t]+|gate[ \t]+|access[ \t]+)?code"
    r"|pin(?:[ \t]+(?:number|no\.?))?"
    r"|card[ \t]+(?:ends|ending)(?:[ \t]+(?:in|with))?"
    r"|last[ \t]+(?:four|4)[ \t]+(?:digits|numbers)(?:[ \t]+(?:of[ \t]+\w+[ \t]+card))?)"
)
_CODED_DIGITS = re.compile(
    rf"(?i:\b{_CODE_CUE}(?:[ \t]+(?:is|was|are|were))?[ \t]*[:,—–-]?[ \t]*"
    rf"(?P<digits>{_DIGIT_WORD}(?:[ \t,-]+{_DIGIT_WORD}){{3,}})\b)"
)


def find_round_6_numbers(text: str) -> Iterator[Detail]:
    """Addresses and codes in the round-6 forms listed in the module's
    docstring; tenement flats as ADDRESS spans from the floor/door to the
    street's end, codes as ID_NUMBER spans over the digit words."""
    for address in find_addresses(text):
        if address.category is not Category.ADDRESS:
            continue
        before = _TENEMENT_BEFORE.search(text, max(0, address.start - 12), address.start)
        if before is not None:
            yield Detail(before.start(), address.end, Category.ADDRESS)
    for pattern in (_BLOCK_FLAT, _WELSH_STREET, _MISSPELT_NUMBER):
        for match in pattern.finditer(text):
            yield Detail(match.start(), match.end(), Category.ADDRESS)
    for match in _CODED_DIGITS.finditer(text):
        yield Detail(match.start("digits"), match.end("digits"), Category.ID_NUMBER)


# Keep words: places and organisations a name finder took for a person.
_GROUP_LIKE = re.compile(
    r"(?i:\b(?:(?:a)?round|(?:places|towns|ones|cities|villages|areas|somewhere|parts|"
    r"stations|estates)"
    r"[ \t]+like)[ \t]+)$"
)
_AFTER_ADDRESS = re.compile(r"[ \t]*,[ \t]*$")
_FOR_AN_AREA = re.compile(
    r"(?i:\b(?:officers?|pcsos?|police|policing|team|sergeant|inspector|unit|scheme|"
    r"watch|force|division|wardens?)[ \t]+(?:for|in|covering)[ \t]+)$"
)
_ROYAL_BEFORE = re.compile(r"\bthe[ \t]+(?:Queen|King|Prince|Princess|Royal)[ \t]+$")
_ORGANISATION_WORD = re.compile(
    r"\b(?:Care|Homecare|Carers|Housing|Homes|Services|Support|Trust|Association|Community|"
    r"Watch|Taxis|Cars|Security|Cleaning|Council|Group|Partnership|Foundation)[ \t]+$"
)
_LANDSCAPE_END = word_set(
    "braes brae hills moors moor fells fell downs woods glen loch falls heights"
)
_DISTRICT_END = frozenset({"side"})
_SENTENCE_ENDS = re.compile(r"[ \t]*(?:[.!?][ \t]*(?:$|\n|[A-Z])|$|\n)")
_ORGANISATION_CUE = re.compile(
    r"(?i:\b(?:housing[ \t]+association|housing|agency|factor|landlord|letting[ \t]+agent)\b"
    r"[^.!?\n]{0,20}?\b(?:it'?s|its|it[ \t]+is|called|named)[ \t]+)$"
)
_PERSON_VERB_AFTER = re.compile(
    r"[ \t]+(?:said|says|told|tells|asked|rang|texted|reckons|thinks|who|keeps|lives|works)\b"
)


def _known_place(words: str) -> bool:
    key = re.sub(r"[ \t]+", " ", words.replace("’", "'")).lower().strip()
    return key in places()


def _a_place_or_organisation(text: str, detail: Detail, addresses: list[Detail]) -> bool:
    start, end = detail.start, detail.end
    span = text[start:end]
    if _PERSON_VERB_AFTER.match(text, end):
        return False
    window = max(0, start - 80)
    words = span.split()
    if _known_place(span):
        if _GROUP_LIKE.search(text, window, start) or _ORGANISATION_WORD.search(
            text, window, start
        ):
            return True  # "kids round Ely", "big ones like Carlisle", "Bright Care Bristol"
        # "9 The Paragon, Clifton": the town after a street's address; a
        # given name only where the sentence ends there ("no 9 Cedar Road,
        # Martin, he works" is a person)
        after_street = any(
            a.end <= start
            and _AFTER_ADDRESS.fullmatch(text, a.end, start)
            and re.search(r"[A-Za-z]{3}", text[a.start : a.end])
            for a in addresses
        )
        if after_street and (span.lower() not in first_names() or _SENTENCE_ENDS.match(text, end)):
            return True
    if len(words) == 1 and _FOR_AN_AREA.search(text, window, start):
        return True  # "a rural crime officer for Angus"
    if _ROYAL_BEFORE.search(text, window, start):
        return True  # "a nurse at the Queen Elizabeth": a hospital
    last = words[-1].lower() if words else ""
    if last in _LANDSCAPE_END and re.search(r"\bthe[ \t]+$", text[window:start]):
        return True  # "on the Cathkin Braes"
    if last in _DISTRICT_END and re.search(r"\b[A-Z][a-z]+[ \t]+$", text[window:start]):
        return True  # "Moss Side": the finder took "Side"
    return _ORGANISATION_CUE.search(text, window, start) is not None  # "it's Queens Cross"


def keep_round_6(text: str, details: list[Detail]) -> list[Detail]:
    """``details`` less the names that are places or organisations in the
    round-6 forms: a known place after "round" or "places like", after an
    organisation's word ("Bright Care Bristol") or after an address and a
    comma; one word after "officer for"; "the Queen Elizabeth" (a hospital);
    "the Cathkin Braes" (a landscape word last); "Moss Side"; a housing
    association's or agency's name after "it's"."""
    addresses = [d for d in details if d.category is Category.ADDRESS]
    return [
        d
        for d in details
        if d.category is not Category.NAME or not _a_place_or_organisation(text, d, addresses)
    ]


# Businesses: a given name or surname, then up to two capitalised words, then
# a trade word the older list lacks ("Raza General Store", "Mehmet's Kebab
# House", "Carol's Canine Grooming", "Ahmed Textiles", "Singh's Convenience").
_TRADE_6 = (
    r"(?:Stores?|General[ \t]Stores?|Convenience(?:[ \t]Store)?|Groceries|Grooming|Textiles|"
    r"Fabrics|Wholesale(?:rs)?|Cash[ \t](?:and|&)[ \t]Carry|Tailoring|Alterations|Phones|"
    r"Mobiles|Travel|Halal[ \t]Meats?|Meats|Off[ \t]Licen[cs]e|Kebab[ \t]House|Curry[ \t]House|"
    r"Pizza[ \t]House|Tea[ \t]Rooms?|Coffee[ \t]House|Noodle[ \t]House|Steak[ \t]House|"
    r"Pet[ \t]Supplies|Kennels|Cattery|Dog[ \t]Walking|Pets|Upholstery|Printing|Signs|Tattoo|"
    r"Tattoos|Barbershop|Cuts|Spice|Sweet[ \t]Mart|Food[ \t]Store|Superstore|Mart)"
)
_BUSINESS_6 = re.compile(
    r"(?<![\w'’])(?P<lead>(?:Mc|Mac|O['’])?[A-Z][a-z]+)(?P<s>['’]s)?"
    rf"(?P<between>(?:[ \t]+[A-Z][a-z]+){{0,2}}?)[ \t]+{_TRADE_6}\b"
)


def find_round_6_businesses(text: str) -> Iterator[Detail]:
    """A small business named after its owner with a trade word
    (``_TRADE_6``): a NAME span over the whole business's name. The lead
    word must be a given name or surname (with an owner's "'s", any word
    that is not a brand, a place or a place's word), or no English word."""
    for match in _BUSINESS_6.finditer(text):
        lead = match.group("lead").lower()
        between = match.group("between").lower().split()
        if (
            lead in NOT_PERSONS
            or lead in places()
            or lead in PLACE_WORDS
            or any(w in NOT_PERSONS or w in PLACE_WORDS for w in between)
        ):
            continue
        person = lead in first_names() or lead in surnames()
        plain = lead not in ordinary_words() and lead not in proper_nouns()
        if (person and (match.group("s") or lead not in ordinary_words())) or plain:
            yield Detail(match.start(), match.end(), Category.NAME)
