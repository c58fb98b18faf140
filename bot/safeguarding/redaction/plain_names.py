"""Names written plainly where the other readers do not look (round 21).

Each class is a wording the eighteenth unseen set left showing, read by its
form and position rather than by the one line:

- a couple who share a surname, "Martin and Joanne Pritchard", "Siobhán and
  Pádraig Ó Catháin": both given names and the surname as one replacement
  (the labelled files take it whole or as "A" and "B Surname"; one
  replacement is gone under both, docs/decisions.md round 21);
- a given name in capitals in an ordinary sentence, as the subject at a
  sentence's start ("DARREN at the end house keeps ...") or in a sign-off or
  greeting ("cheers BIG KEV", "Hi DARREN,"); shouting ("SORT IT", "NOBODY",
  "LEEDS") is no given name or is a place, and stays;
- a lower-case given name that is also a word after a cue that names
  ("his name was terry", "a fella called will");
- a family by its surname in lower case before where it lives ("the
  o'neills next door"): the surname, as the capitalised form is taken;
- a given name after a kin word typed wrong ("my doughter Precious (shes
  15 ...)"), which the relation list does not hold.

Every reader yields ``Detail(start, end, Category.NAME)``. Wordings:
tests/bot/test_redaction_round21_leaks.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.lexicon import (
    NOT_PERSONS,
    PLACE_WORDS,
    first_names,
    ordinary_words,
    places,
    surnames,
)
from bot.safeguarding.redaction.names import RELATIONS


def _key(word: str) -> str:
    return word.lower().replace("’", "'")


def _public(key: str) -> bool:
    """A people, brand or street word: never a private name here."""
    return key in NOT_PERSONS or key in PLACE_WORDS


# --- a couple who share a surname ---------------------------------------------

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_GIVEN = rf"[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}][{_LOWER}]+)?"
_PARTICLE = r"(?:Ó|O|Ní|Ni|Nic|Mac|Mc|Ua|de|De|van|Van|von|Von|der|den|la|La|le|Le|du|da|di|ap)"
_SURNAME = (
    rf"(?:{_PARTICLE}[ \t]+)*(?:O['’]|Mc|Mac)?[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}][{_LOWER}]+)?"
)
_COUPLE = re.compile(
    rf"(?<![\w'’-])(?P<first>{_GIVEN})[ \t]+(?:and|&)[ \t]+(?P<second>{_GIVEN})[ \t]+"
    rf"(?P<surname>{_SURNAME})(?![\w'’-])"
)
# A place's preposition before a first word that is also a town: "between
# Ely and Jack ..." is no couple.
_PLACE_BEFORE = re.compile(
    r"(?i:\b(?:from|in|into|near|between|towards|via|through|past|around)[ \t]+)\Z"
)
_NAME_BEFORE = re.compile(rf"[{_UPPER}][{_LOWER}'’-]+[ \t]+\Z")


def _plain(key: str) -> str:
    """Without accents: "máire" -> "maire" (the lists hold most names both ways)."""
    return "".join(c for c in unicodedata.normalize("NFD", key) if not unicodedata.combining(c))


def _given(key: str) -> bool:
    return (key in first_names() or _plain(key) in first_names()) and not _public(key)


def find_couples_sharing_a_surname(text: str) -> Iterator[Detail]:
    """ "Martin and Joanne Pritchard": two given names and the surname they
    share, as one NAME."""
    for match in _COUPLE.finditer(text):
        first, second = _key(match.group("first")), _key(match.group("second"))
        if not (_given(first) and _given(second)):
            continue
        surname = _key(match.group("surname").split()[-1])
        if _public(surname) or surname in places():
            continue
        particle = len(match.group("surname").split()) > 1
        if not (particle or surname in surnames() or surname not in ordinary_words()):
            continue
        before = text[max(0, match.start() - 30) : match.start()]
        if first in places() and _PLACE_BEFORE.search(before):
            continue  # "from Ely and Jack Smith's"
        named_before = _NAME_BEFORE.search(before)
        if named_before is not None and not named_before.group(0)[:-1].isupper():
            word = _key(named_before.group(0).strip())
            if word in first_names() or word in surnames():
                continue  # "Jacob Tiernan and Louis Ashdown-Price": two people
        yield Detail(match.start(), match.end(), Category.NAME)


# --- given names in capitals ---------------------------------------------------


def _shouted(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


def _capital_given(key: str) -> bool:
    """A given name that is no English word, no place and no public word."""
    return (
        key in first_names()
        and key not in ordinary_words()
        and key not in places()
        and not _public(key)
    )


# "DARREN at the end house keeps ...": a name in capitals opening a sentence,
# the words after it in lower case.
_LEADING_CAPITALS = re.compile(
    r"(?:\A|(?<=[.!?\n])[ \t]*)(?P<name>[A-Z]{3,}(?:-[A-Z]{2,})?)(?=,?[ \t]+[a-z])"
)
# "cheers BIG KEV", "Thanks, DEL x", "Hi DARREN,": a sign-off at the end of
# a line or a greeting before a comma.
_SIGNED_CAPITALS = re.compile(
    r"(?i:\b(?:cheers|thanks|thank[ \t]+you|ta|thx|regards|love|signed|from|hi|hiya|hello|dear)"
    r"[ \t]*,?[ \t]+)"
    r"(?P<name>(?:[A-Z]{2,}[ \t]+){0,2}[A-Z]{2,})"
    r"(?=[ \t]*(?:x+[ \t]*)?(?:[.!]+[ \t]*)?(?:\n|\Z)|[ \t]*,)"
)
_NICKNAME_WORDS = word_set("big little lil wee old young mad auntie aunty uncle nan grandad")


def find_given_names_in_capitals(text: str) -> Iterator[Detail]:
    """A given name in capitals opening a sentence of lower-case words, or
    signing off or greeting (with a nickname word before it): NAME."""
    if not _shouted(text):
        for match in _LEADING_CAPITALS.finditer(text):
            if _capital_given(_key(match.group("name"))):
                yield Detail(match.start("name"), match.end("name"), Category.NAME)
    for match in _SIGNED_CAPITALS.finditer(text):
        words = match.group("name").split()
        if not _capital_given(_key(words[-1])):
            continue  # "cheers BIG MAN", "Thanks AGAIN"
        if all(
            _key(w) in _NICKNAME_WORDS or _capital_given(_key(w)) or _key(w) in surnames()
            for w in words[:-1]
        ):
            yield Detail(match.start("name"), match.end("name"), Category.NAME)


# --- lower-case given names after a cue that names ------------------------------

_NAMED_LOWER = re.compile(
    r"(?i:\b(?:(?:his|her|their|the|my|ma|me|lads?|guys?|blokes?|girls?|womans?|mans?|fellas?)"
    r"[ \t]+)?(?:name[ \t]+(?:is|was)|name['’]s|names)"
    r"|\b(?:man|bloke|lad|guy|woman|girl|fella|feller|someone|somebody|sum1|some1|geezer|boy|"
    r"lass|lassie|kid|chap|roofer|builder|driver|mate|neighbour|one|ones)[ \t]+"
    r"(?:called|named|calld|cald|caled))"
    r"[ \t]+(?:like[ \t]+)?(?P<name>[a-z][a-z'’-]{1,14})(?![\w'’-])"
)
_NOT_GIVEN_HERE = word_set("an and the a on in at not down up")


def find_lower_given_names_after_a_cue(text: str) -> Iterator[Detail]:
    """ "his name was terry", "a fella called rob": a lower-case given name,
    even one that is also a word, right after a cue that names: NAME."""
    for match in _NAMED_LOWER.finditer(text):
        key = _key(match.group("name"))
        if key in _NOT_GIVEN_HERE or not _given(key) or key in places():
            continue
        yield Detail(match.start("name"), match.end("name"), Category.NAME)


# --- a family in lower case ---------------------------------------------------

_LOWER_FAMILY = re.compile(
    r"(?<![\w'’-])(?i:the)[ \t]+(?P<name>(?:o['’]|mc|mac)?[a-z]{3,15}s)(?![\w'’-])"
    r"(?=[ \t]+(?:next[ \t]+door|at[ \t]+(?:number|no\b|no\.|\d)|from[ \t]+(?:number|no\b|\d)|"
    r"across[ \t]+the|over[ \t]+the[ \t]+road|opposite|upstairs|downstairs|two[ \t]+doors))"
)


def find_lower_case_families(text: str) -> Iterator[Detail]:
    """ "the o'neills next door", "the patels at number 4": a family by its
    surname in lower case before where it lives: NAME, the surname."""
    for match in _LOWER_FAMILY.finditer(text):
        plural = _key(match.group("name"))
        stem = plural[:-1]
        if plural.endswith("es") and plural[:-2] in surnames():
            stem = plural[:-2]
        if stem not in surnames() or stem in ordinary_words() or plural in ordinary_words():
            continue
        if _public(stem) or stem in places() or stem in first_names():
            continue
        yield Detail(match.start("name"), match.end("name"), Category.NAME)


# --- a given name after a kin word typed wrong ------------------------------------

_AFTER_KIN = re.compile(
    r"(?i:\b(?:my|our|his|her|their|me|ma)[ \t]+)(?P<kin>[a-z]{5,16})[ \t]+"
    r"(?P<name>[A-Z][a-z]{2,14})(?![\w'’-])"
)


def _one_edit(word: str, target: str) -> bool:
    """Within one letter changed, added, dropped or two swapped."""
    if abs(len(word) - len(target)) > 1 or word == target:
        return False
    if len(word) == len(target):
        diff = [i for i in range(len(word)) if word[i] != target[i]]
        if len(diff) == 1:
            return True
        i = diff[0]
        return (
            len(diff) == 2
            and diff[1] == i + 1
            and word[i] == target[i + 1]
            and word[i + 1] == target[i]
        )
    short, long = (word, target) if len(word) < len(target) else (target, word)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


_LONG_KIN = tuple(r for r in RELATIONS if len(r) >= 5 and r.isalpha())


def _misspelt_kin(key: str) -> bool:
    return (
        key not in RELATIONS
        and key not in ordinary_words()
        and any(_one_edit(key, kin) for kin in _LONG_KIN)
    )


def find_names_after_misspelt_kin(text: str) -> Iterator[Detail]:
    """ "my doughter Precious", "my nieghbour Hope": a given name after a
    kin word typed wrong: NAME."""
    for match in _AFTER_KIN.finditer(text):
        kin, name = _key(match.group("kin")), _key(match.group("name"))
        if _given(name) and _misspelt_kin(kin):
            yield Detail(match.start("name"), match.end("name"), Category.NAME)
