"""Round 21: towns the name and school readers took, given back by where
they stand (issue 15's eighteenth set, its lost keep strings read as
classes):

- a known town on a journey, in any case: "the train from ely 2
  cambridge", "the bus to Preston", "got a lift from Chester to Wrexham"
  (a town that is also a given name, "Ely", "Preston", "Chester", is a
  place after a vehicle's or a trip's "from"/"to", or when another known
  town follows "from X to");
- the district after a chain's branch and a comma: "outside Spar, Layton,
  nightly", "the Greggs, Moortown" (chains in ``data/shop_chains.txt``);
- a known town closing a telegraphic line after a figure and a comma:
  "DBS query, DOB 3.5.91, Preston." (round 19 reads a town after a word
  and a comma; a figure before the comma is a field's value, no sign-off);
- a known town typed after a school's name with no "in": "yr 8 at the
  howard school rainham" ends before "rainham" (the town after a school
  with its year stays outside, docs/decisions.md round 20).

:func:`keep_towns_on_journeys_and_branches` filters ``Category.NAME``
details; :func:`trim_town_after_a_school` ends a ``Category.SCHOOL``
detail before such a town. Wordings and near-misses ("Ely from work",
"thanks, Preston", "Spar, Kevin said"): tests/bot/test_redaction_round21_posts_homes.py.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from bot.safeguarding.redaction.detail import Category, Detail
from bot.safeguarding.redaction.lexicon import places

_TRIP_BEFORE = re.compile(
    r"(?i:\b(?:train|trains|bus|buses|coach|tram|ferry|flight|plane|taxi|cab|uber|lift|journey|"
    r"drive|ride|trip|service|route|line|way|walk|cycle|bike)[ \t]+(?:back[ \t]+)?"
    r"(?:from|to|2|into|towards|via)[ \t]+)$"
)
_SCHOOL_BEFORE = re.compile(
    r"(?i:\b(?:school|academy|primary|high|college|juniors|infants|grammar|comp)[ \t]+)$"
)
_FROM_BEFORE = re.compile(r"(?i:\bfrom[ \t]+)$")
_TO_AFTER = re.compile(r"[ \t]+(?i:to|2|into|towards|till|til)[ \t]+(?P<town>[A-Za-z][\w'’-]*)")
_COMMA_AFTER_CHAIN = re.compile(
    r"(?:(?P<first>[A-Za-z][\w'’&-]*)[ \t]+)?(?P<last>[A-Za-z][\w'’&-]*)[ \t]*,[ \t]*$"
)
_LINE_GOES_ON = re.compile(r"[ \t]*(?:[.,!?;]|$)")
_FIGURE_COMMA_BEFORE = re.compile(r"\d[ \t]*,[ \t]*$")
_LINE_ENDS = re.compile(r"[ \t]*(?:[.!?][ \t]*(?:\n|$)|$)")
_SCHOOL_THEN_TOWN = re.compile(
    r"(?i:\b(?:school|academy|primary|high|college|juniors|infants|grammar|comp))"
    r"[ \t]+(?P<town>[a-z][\w'’-]*(?:[ \t]+[a-z][\w'’-]*)?)$"
)


@cache
def shop_chains() -> frozenset[str]:
    """The chains of ``data/shop_chains.txt``, lower case."""
    data = resources.files("bot.safeguarding.redaction").joinpath("data", "shop_chains.txt")
    lines = data.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _town(word: str) -> bool:
    return word.lower().replace("’", "'") in places()


def _no_person(text: str, detail: Detail) -> bool:
    if detail.category is not Category.NAME:
        return False
    span = text[detail.start : detail.end]
    if not re.fullmatch(r"[A-Za-z][a-z'’-]+", span):
        return False
    before = text[max(0, detail.start - 40) : detail.start]
    if _town(span):
        if _TRIP_BEFORE.search(before) or _SCHOOL_BEFORE.search(before):
            return True  # "the train from ely", "the kings school ely"
        to = _TO_AFTER.match(text, detail.end)
        if _FROM_BEFORE.search(before) and to is not None and _town(to.group("town")):
            return True  # "from ely 2 cambridge"
        if (
            span[0].isupper()
            and _FIGURE_COMMA_BEFORE.search(before)
            and _LINE_ENDS.match(text, detail.end)
        ):
            return True  # "DOB 3.5.91, Preston."
    chain = _COMMA_AFTER_CHAIN.search(before)
    if chain is None or not span[0].isupper() or not _LINE_GOES_ON.match(text, detail.end):
        return False
    last = chain.group("last").lower().replace("’", "'")
    both = f"{chain.group('first') or ''} {last}".strip().lower().replace("’", "'")
    return last in shop_chains() or both in shop_chains()


def keep_towns_on_journeys_and_branches(text: str, details: list[Detail]) -> list[Detail]:
    """``details`` without the names that are towns by where they stand
    (module docstring)."""
    return [d for d in details if not _no_person(text, d)]


def trim_town_after_a_school(text: str, detail: Detail) -> Detail:
    """A ``Category.SCHOOL`` detail ended before a known town typed after the
    school's word ("the howard school rainham"); other details unchanged."""
    if detail.category is not Category.SCHOOL:
        return detail
    match = _SCHOOL_THEN_TOWN.search(text, detail.start, detail.end)
    if match is None or not _town(match.group("town")):
        return detail
    end = match.start("town")
    while end > detail.start and text[end - 1] in " \t,":
        end -= 1
    return Detail(detail.start, end, detail.category)
