"""Round 18 (keep words): public places named after people, and public roles.

The name finders read "King George V playing fields", "Elizabeth Line",
"Robin Hood Cars" as people: a given name or a surname followed by words
they do not know as a place. :func:`keep_public_places_and_roles` takes the
details found, last of all, and drops these:

- a ``Category.NAME`` span followed (after an optional regnal number, "King
  George V") by a word that makes a public place: a street, a park, a
  hospital, a building, a line, a memorial ("... Park", "... Hospital",
  "... House", "... Centre", "... Academy", "... Arms", "... Line", "...
  playing fields", "... statue"): capitalised (SHOUTING too), or one of the
  few lower-case words writers use after such a name ("playing fields",
  "pub", "statue", "estate") when a place's preposition or "the" comes
  before the name or the name is a public figure's ("I saw Kevin Brown
  park on the zigzags" still goes);
- a known town of two words or more ("King's Lynn") or a UK town after an
  area word ("Upper Sheringham"; not "Little Lahore", a cafe);
- the same span followed by a business word ("Cars", "Taxis", "Cafe",
  "shop") only when the name is a public figure's (data/public_figures.txt:
  "Robin Hood Cars", "Harry Potter shop"); "Dave Smith Motors" and "Frank's
  Cafe" are a person's firm and go;
- not when a person cue comes right before the name ("my son Albert", "a lad
  called", "Mr", "Dear") or the name is a possessive ("Sarah's house");
- a ``Category.JOB`` span that is a bare public role, said of a third party
  ("The head teacher told us to ring 101", "the head of the council won't
  answer"): "the" and the role only, a reporting verb or a modal right
  after it, and no "I'm", "I am", "as" or "my" before it (a writer's own
  post, "I'm the head teacher", still goes).

Wordings: tests/bot/test_redaction_round18_keep.py.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from bot.safeguarding.redaction.business import TRADE_WORDS
from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.lexicon import (
    PLACE_WORDS,
    first_names,
    places,
    proper_nouns,
    surnames,
)

# Words after a name that make a public place: the lexicon's place words and
# the buildings, lines and monuments named after people.
_CIVIC = PLACE_WORDS | word_set(
    """
    line memorial statue monument column fields pavilion dock docks institute infirmary
    almshouses chambers building buildings playhouse concourse walkway lido observatory
    quarter gardens bowl arena campus pub mill
    """
)
# Lower-case words a name is followed by in a public place ("King George V
# playing fields", "the Prince Albert pub").
_LOWER_CIVIC = word_set(
    "playing fields park pub statue memorial estate centre hospital mill attraction museum"
)
_LOCATIVE_BEFORE = re.compile(
    r"(?i:\b(?:the|at|in|on|to|from|near|outside|by|behind|round|around|through|past|"
    r"opposite|into|across|beside|off|along|down|up|via)[ \t]+)$"
)
# A firm's word: a person's own firm is a detail, a public figure's name is not.
_BUSINESS = word_set(
    """
    cars taxis taxi cabs motors cafe café shop shops bar restaurant takeaway bakery barbers
    garage store stores coaches travel tours diner grill brewery
    """
)
_NEXT_WORD = re.compile(
    r"(?:[ \t]+(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII))?[ \t]+(?P<word>[A-Za-z][A-Za-z'’]*)"
)
_POSSESSIVE_END = re.compile(r"['’]s?$")
_PERSON_CUE = re.compile(
    r"(?i:\b(?:called|named|name[ \t]+is|i[ \t]+am|i['’]m|im|mr|mrs|ms|miss|dr|dear|hi|hello|"
    r"thanks|signed|ex|my[ \t]+[a-z-]+|our[ \t]+[a-z-]+|his[ \t]+[a-z-]+|her[ \t]+[a-z-]+|"
    r"their[ \t]+[a-z-]+)[ \t]*,?[ \t]*)$"
)
# A part of a town or a village by its place: "Upper Sheringham".
_AREA_PREFIX = word_set("upper lower little great old new north south east west nether higher")
_TITLES = re.compile(r"^(?i:(?:the|king|queen|prince|princess|sir|lord|lady|st\.?|saint)[ \t]+)+")

# A public role said of someone else, as a sentence's subject.
_BARE_ROLE = re.compile(
    r"(?i:the[ \t]+(?:head[ \t]?teacher|headmaster|headmistress|head|principal|"
    r"housing[ \t]+officer|pcso|desk[ \t]+sergeant|duty[ \t]+sergeant|council|"
    r"local[ \t]+council|councillor|school|caretaker|receptionist|manager)"
    r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?:council|school|year|academy|trust))?)"
)
_REPORTING_AFTER = re.compile(
    r"[ \t]+(?i:(?:has|had|have|is|was|were|did|does|do|would|will|can|could|should|won['’]t|"
    r"wouldn['’]t|didn['’]t|doesn['’]t|can['’]t|couldn['’]t|isn['’]t|wasn['’]t|"
    r"never|just|already|also|then|now)[ \t]+)?"
    r"(?i:said|says|say|told|tells|tell|asked|asks|rang|called|phoned|emailed|wrote|sent|"
    r"refused|answered|answer|reply|replied|replies|respond|responded|advised|suggested|"
    r"reported|came|come|agreed|knows|know|thinks|think|put|gave|give|help|helped)\b"
)
_NAME_OR_NUMBER = re.compile(r"[A-Z0-9]")
_OWN_POST_BEFORE = re.compile(r"(?i:\b(?:i[ \t]+am|i['’]m|im|as|my|our|was|am|being)[ \t]+)$")


@cache
def public_figures() -> frozenset[str]:
    """Lower-case names of public figures, saints, monarchs and legends that
    UK places and firms carry (data/public_figures.txt)."""
    text = resources.files("bot.safeguarding.redaction").joinpath("data", "public_figures.txt")
    return frozenset(
        line.strip()
        for line in text.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )


def _figure(span: str) -> bool:
    key = " ".join(span.lower().replace("’", "'").split())
    return key in public_figures() or _TITLES.sub("", key) in public_figures()


def _named_within(span: str) -> bool:
    """A public figure and a place word no surname shares, both inside the
    span ("Elizabeth Line", "Mandela Centre"); "Victoria Hall" may be a
    person and is left to the words after it."""
    words = span.split()
    if len(words) < 2 or not words[-1][:1].isupper():
        return False
    last = words[-1].lower()
    return last in _CIVIC and last not in surnames() and _figure(" ".join(words[:-1]))


# a person's title, an initial or a firm's "&": "Mr", "K. Trewin ... & Building"
_HONORIFIC = re.compile(r"(?i:\b(?:mr|mrs|ms|miss|mx|dr|pc|pcso|sgt)\b)|\b[A-Z]\.|&|\band\b")


# Public places named after a person ("Scott Monument", "Henry Moore
# Institute"); not "House", "Harbour", "Arms": a takeaway or a pub may be
# named after its owner ("Yusuf's Kebab House", "Golden Harbour")
_NAMED_AFTER = word_set(
    """
    monument memorial institute museum hospital infirmary statue column gallery library
    college university academy building buildings way road street avenue drive bridge
    stadium theatre theater observatory
    """
)


def _ends_in_a_place_word(span: str) -> bool:
    words = span.split()
    return (
        len(words) >= 2
        and words[-1][:1].isupper()
        and words[-1].lower() in _NAMED_AFTER
        and not any(w.lower().endswith(("'s", "’s", "s'")) for w in words)
        and _HONORIFIC.search(span) is None
        and not any(w.lower() in TRADE_WORDS for w in words[:-1])
    )


def _last_word_a_surname(span: str) -> bool:
    return span.split()[-1].lower() in surnames()


def _known_place(span: str) -> bool:
    """A town or village of more than one word ("King's Lynn", "South
    Shields"), or a known UK town after an area word ("Upper Sheringham")."""
    words = span.lower().replace("’", "'").split()
    if len(words) < 2:
        return False
    if " ".join(words) in places():
        return True
    rest = " ".join(words[1:])
    # a UK town or village only: a country or a world city SCOWL knows
    # after "Little" or "New" names a restaurant ("the cafe, Little Lahore")
    return (
        words[0] in _AREA_PREFIX
        and rest in places()
        and rest not in proper_nouns()
        and rest not in first_names()
    )


def _public_place(text: str, detail: Detail) -> bool:
    span = text[detail.start : detail.end]
    if not span[:1].isupper() or _POSSESSIVE_END.search(span):
        return False
    before = text[max(0, detail.start - 30) : detail.start]
    if _PERSON_CUE.search(before):
        return False
    if _named_within(span) or _known_place(span):
        return True
    # round 19: "the Henry Moore Institute", "down Sir Bobby Robson Way": a
    # name that ends in a public place's word; a surname that is also such a
    # word ("Hall", "Way") only after a place's preposition
    if _ends_in_a_place_word(span) and (
        not _last_word_a_surname(span) or _LOCATIVE_BEFORE.search(before)
    ):
        return True
    # round 19: "waited at James Cook", "outside the Thomas Ingoldsby": a
    # public figure's full name where a place's preposition or "the" stands
    if len(span.split()) >= 2 and _figure(span) and _LOCATIVE_BEFORE.search(before):
        return True
    after = _NEXT_WORD.match(text, detail.end)
    if after is None:
        return False
    word = after.group("word")
    key = word.lower()
    if key in _CIVIC and word[0].isupper():
        return True
    # a lower-case place word only after a place's preposition or article, or
    # after a public figure: "at King George V playing fields", but "I saw
    # Kevin Brown park on the zigzags" and "Danny Walsh estate agents" go
    if key in _LOWER_CIVIC and (_LOCATIVE_BEFORE.search(before) or _figure(span)):
        return True
    return key in _BUSINESS and _figure(span)


def _public_role(text: str, detail: Detail) -> bool:
    role = _BARE_ROLE.match(text, detail.start, detail.end)
    if role is None:
        return False
    said = _REPORTING_AFTER.match(text, role.end())
    if said is None:
        return False
    # the span may run on into the verb's words ("the head of the council
    # won't reply to"): nothing in them may be a name or a number
    if role.end() < detail.end and _NAME_OR_NUMBER.search(text, role.end(), detail.end):
        return False
    return _OWN_POST_BEFORE.search(text, max(0, detail.start - 20), detail.start) is None


def keep_public_places_and_roles(text: str, details: list[Detail]) -> list[Detail]:
    """``details`` without the names of public places and the bare public
    roles said of a third party (module docstring)."""
    places = [d for d in details if d.category is Category.NAME and _public_place(text, d)]
    residents = {
        word.lower()
        for d in details
        if d.category is Category.NAME and d not in places
        for word in re.findall(r"[A-Za-z]+", text[d.start : d.end])
    }
    kept = []
    for detail in details:
        # a resident's own name inside the place goes with it ("My son
        # Albert ... the Prince Albert pub": "Albert" shows nowhere)
        if detail in places and not residents.intersection(
            word.lower() for word in re.findall(r"[A-Za-z]+", text[detail.start : detail.end])
        ):
            continue
        if detail.category is Category.JOB and _public_role(text, detail):
            continue
        kept.append(detail)
    return kept
