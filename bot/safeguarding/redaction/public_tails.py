"""Round 17: the public place at the end of a job's or an age's description stays.

A description that singles a person out ("the night manager at Seaview care
home", "17 and the only girl at the childrens home") is often followed by
where that place is: a town, a village, the seafront ("... in Cromer",
"... at Caldbeck"). The place that singles out is the first one; the last,
public one many people share, and it is what makes the question
answerable ("the only night porter at the Ardmore Hotel on the seafront"
-> "[job] on the seafront").

:func:`trim_public_tail` takes a :class:`Detail` of ``Category.JOB`` or
``Category.AGE`` and ends it before its last locative phrase ("in", "on",
"at", "near", "outside", "past", "off") when

- that phrase reaches the end of the span and names a public place: a known
  town or village (``data/places.txt``), a public place word ("the
  seafront"), or a run of capitalised words ("Robin Hood's Bay"); not a
  street or a home ("on Commercial Street", "at Lonsdale House": a street
  often says which branch or home), not "the" and a name ("the Arndale",
  "the General"), not a day, a month, a brand or a club; and
- an earlier locative phrase in the span already names where the person
  is: for a job, a named place (a capital or a number: "at the Ship
  Hotel", "on Ward 7") that is not a chain's branch, a school, a home or a
  time ("at the Boots in Kilburn", "at Greenfield Primary in Bishop
  Auckland": the town says which one and stays inside), not opened by "the
  only" ("the vet at the only practice in Llanidloes": the town singles
  out), not after "of" and not in a pub ("the landlady of the Bell at
  Ilchester", "the landlord at the Royal Oak in Splott": a common name,
  docs/decisions.md, the merge of round 16); for an age, any such place
  ("at the childrens home", "of the terrace").

An age followed by ", living on <street or place>" ends before it too ("a
retired headmistress, 79 years of age, living on Primrose Row"). Other
details come back as they are.
"""

from __future__ import annotations

import re

from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.lexicon import NOT_PERSONS, places, street_types

_PREPOSITION = r"(?:in|on|at|near|outside|past|off)"
# an earlier place may also follow "of" ("the landlord of The Crown at ...")
# a locative phrase's start: a space or a comma, an optional "out"/"just",
# the preposition (lower case: "On" opening a sentence is no place)
_LOCATIVE = re.compile(
    rf"(?:[ \t]*,[ \t]*|[ \t]+)(?:(?:out|just|right)[ \t]+)?(?P<word>{_PREPOSITION}|of)[ \t]+"
)
_LIVING_ON = re.compile(
    rf"[ \t]*,[ \t]*(?:living|who[ \t]+lives|lives|who[ \t]+live)[ \t]+{_PREPOSITION}[ \t]+"
)
_EDGE = " \t,-–—"
# whole phrases after "the": "the seafront", "the high street"
_PUBLIC_PLACES = frozenset(
    (
        "seafront",
        "sea front",
        "promenade",
        "prom",
        "front",
        "beach",
        "harbour",
        "quay",
        "quayside",
        "marina",
        "pier",
        "high street",
        "market square",
        "town centre",
        "city centre",
        "precinct",
        "retail park",
    )
)
# a street at the end: a branch's or a home's street often says which one
# ("the pharmacist at the Boots on Commercial Street"), so it stays inside
_STREET_WORDS = word_set(
    """
    road rd street st lane ln avenue ave close drive dr way crescent court ct gardens gdns
    grove terrace walk row mews parade rise hill place square sq broadway
    house cottage cottages farm lodge flats
    """
)
_CLUBS = word_set("fc afc club united rovers athletic wanderers rangers")
# the earlier place is a chain's branch, a school, a home or a time: the town
# says which one, so it stays inside ("the mechanic at the Kwik Fit in Morecambe")
_NEEDS_ITS_TOWN = NOT_PERSONS | word_set(
    """
    kwik fit arriva stagecoach pryzm texaco esso shell bp premier inn asda poundland
    school primary academy college nursery depot housing flats
    saturdays sundays weekends nights mornings evenings
    """
)
_CONNECTIVES = word_set("of de la le y yr upon on the and by in under")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_A_PUB = re.compile(r"(?i:\b(?:landlord|landlady|licensee|publican|barman|barmaid)\b)")
_SINGLING = re.compile(r"(?i:the[ \t]+(?:only|one|last|sole)\b)")
# round 21: a ward, which is always inside a hospital ("Ward 6", "the labour ward")
_A_WARD = re.compile(
    r"(?i:ward[ \t]+[a-z]?\d{1,2}[a-z]?|the[ \t]+(?:[\w'’-]+[ \t]+){0,2}(?:ward|unit))"
)
_HOSPITAL_WORD = re.compile(r"(?i:\b(?:hospital|infirmary)\b)")


def _public_place(words: str, preposition: str = "in", streets: bool = False) -> bool:
    """Whether ``words`` (what follows a tail's ``preposition``) names a
    public place: "the seafront" and the like; after "in", "at", "near", ...
    a known town or a run of capitalised words (joined by "of", "de",
    "upon", ...) not ending in a street word; with ``streets``, a named
    street too ("living on Primrose Row")."""
    words = words.strip(_EDGE + ".")
    if not words or len(words) > 40:
        return False
    found = _WORD.findall(words)
    if not found or len(found) > 5 or _WORD.sub("", words).strip(" \t'’") != "":
        return False
    lower = [w.lower().replace("’", "'") for w in found]
    key = " ".join(lower[1:] if lower[0] == "the" else lower)
    # a day, a month ("in March"), a brand or a club is no town
    if any(w in NOT_PERSONS or w.removesuffix("s") in NOT_PERSONS or w in _CLUBS for w in lower):
        return False
    if key in _PUBLIC_PLACES:
        # "lives on Church Street outside the town centre": where the home is
        return preposition in ("in", "on", "at")
    if preposition == "on":
        return False  # "on Friargate", "on Westgate": a street, not a town
    if key in places():
        return True
    # "the General", "the Arndale": a local landmark's nickname says which
    # branch or ward
    if lower[0] == "the":
        return False
    if streets and lower[-1] in _STREET_WORDS and found[0][0].isupper():
        return True
    if lower[-1] in _STREET_WORDS or not found[0][0].isupper():
        return False
    return (
        all(w[0].isupper() or w.lower() in _CONNECTIVES for w in found) and found[-1][0].isupper()
    )


# Round 20: a named street closing a job: "... on Market Hill", "... at the
# top of Elm Bank", "... off St James's St".
_STREET_TAIL = re.compile(
    r"(?:[ \t]*,[ \t]*|[ \t]+)(?:(?:just|right)[ \t]+)?"
    r"(?:on|off|(?:at|near)[ \t]+the[ \t]+(?:top|bottom|end|far[ \t]+end)[ \t]+of"
    r"|halfway[ \t]+(?:up|down|along))[ \t]+"
    r"(?P<street>(?:[A-Z][\w'’.-]*[ \t]+){1,4}[A-Za-z]+\.?)[ \t,.]*\Z"
)
_RUNS = re.compile(
    r"(?i:(?:i|we|me[ \t]+and[ \t]+\w+|\w+[ \t]+and[ \t]+i)[ \t]+"
    r"(?:run|own|manage|ran|owned|managed)\b)"
)
_RUNS_BEFORE = re.compile(rf"(?:^|\W){_RUNS.pattern}[ \t]+\Z")


def _a_street(words: str) -> bool:
    """Whether ``words`` end in a street's type ("Market Hill", "St James's St")."""
    last = words.split()[-1].strip(".").lower()
    return last in {word.lower() for word in street_types()} and last not in ("house", "lodge")


def _names_a_place(words: str) -> bool:
    """Whether an earlier locative's object names where the person is for a
    job: a capital or a number in it, and no "the only" opening it."""
    if _SINGLING.match(words.strip()):
        return False
    if any(w.lower() in _NEEDS_ITS_TOWN for w in _WORD.findall(words)):
        return False
    return any(w[0].isupper() for w in _WORD.findall(words)) or any(c.isdigit() for c in words)


def trim_public_tail(text: str, detail: Detail) -> Detail:
    """``detail`` (a job or an age) ended before a public place closing it;
    see the module docstring. Other categories, and spans without such a
    tail, come back unchanged."""
    if detail.category not in (Category.JOB, Category.AGE):
        return detail
    span = text[detail.start : detail.end]
    if detail.category is Category.AGE:
        living = _LIVING_ON.search(span)
        if living is not None:
            before = span[: living.start()]
            aged = any(c.isdigit() for c in before) or re.search(r"(?i)\bage\b", before)
            if aged and _public_place(span[living.end() :], streets=True):
                return _ended(text, detail, detail.start + living.start())
    street = _STREET_TAIL.search(span) if detail.category is Category.JOB else None
    if street is not None and _a_street(street.group("street")):
        before = span[: street.start()]
        # round 20: "I run the cafe on Market Hill", "we own the chippy at
        # the top of Elm Bank": the writer who runs a place says where it is,
        # and the unseen sets keep the street ("I run the cafe on St James's
        # St"); someone else's place, or a workplace, keeps its street inside
        # ("she owns the chippy on Elm Road", "my boss at the nail bar on
        # Kingsway Road", "the pharmacist at the Boots on Commercial Street")
        lead = text[max(0, detail.start - 20) : detail.start]
        # a chain's branch: its street says which ("I own the Spar on Mile
        # Cross Road", labelled whole in the spent sets)
        chain = any(w.lower() in _NEEDS_ITS_TOWN for w in _WORD.findall(before))
        if (_RUNS.match(before) or _RUNS_BEFORE.search(lead)) and not chain:
            return _ended(text, detail, detail.start + street.start())
    phrases = list(_LOCATIVE.finditer(span))
    if len(phrases) < 2:
        return detail
    last = phrases[-1]
    if last.group("word") == "of" or not _public_place(span[last.end() :], last.group("word")):
        return detail
    earlier = phrases[-2]
    if detail.category is Category.JOB and (
        earlier.group("word") == "of" or _A_PUB.search(span[: earlier.start()])
    ):
        # "the landlady of the Bell at Ilchester", "the landlord at the Royal
        # Oak in Splott": a pub's name is common, its town says which
        # (docs/decisions.md, the merge of round 16)
        return detail
    between = span[earlier.end() : last.start()]
    if detail.category is Category.JOB and not _names_a_place(between):
        return detail
    if (
        detail.category is Category.JOB
        and last.group("word") == "at"
        and _A_WARD.fullmatch(between.strip(_EDGE))
        and not _HOSPITAL_WORD.search(span[last.end() :])
    ):
        # round 21: "a nurse on Ward 6 at Glan Clwyd": after a ward, "at" names
        # the hospital the ward is in (6 readable labels keep it inside, 1
        # keeps "at Lincoln County Hospital" out, a name with its own word)
        return detail
    if detail.category is Category.AGE and (
        _SINGLING.match(between.strip())
        or any(w.lower() in _NEEDS_ITS_TOWN for w in _WORD.findall(between))
    ):
        return detail
    return _ended(text, detail, detail.start + last.start())


def _ended(text: str, detail: Detail, end: int) -> Detail:
    while end > detail.start and text[end - 1] in _EDGE:
        end -= 1
    if end <= detail.start:
        return detail
    return Detail(detail.start, end, detail.category)
