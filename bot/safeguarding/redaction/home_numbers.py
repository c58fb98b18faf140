"""Round 16 (issue 15): the house-number reader. A bare number said as a
home, read from what stands around it rather than from a street's word:

- a person or a household, then where they are: "the woman at 23", "them
  at 9", "da guy frm 14", "the occupants of 27", "the family over at 112",
  "Lad from 6 were on the roof" (the number only goes); not a count, a time
  or a distance after it ("the kids at 9 o'clock", "a man from 2 doors
  down", "the neighbours from 10 till 2"), and "at" only after "the",
  "that", "them" or the like ("a man at 9" is a time);
- a flat and its house's number: "flat 3 no 17", "flat 2 number 41";
- a house by its number where someone is: "Man in house 33";
- a number and one capitalised word that is no ordinary word, brand, name,
  month or day, where a home is said: "We live at 5 Meadowsweet", "my nan
  lives 19 Moorview", "address is 71 Sandgate" ("24 Hour Fitness", "3
  Mobile", "4 Kids", "at 5 Sarah rang" stay).

Shapes are (start, end) character offsets in
:class:`~bot.safeguarding.redaction.detail.Detail`, ADDRESS; the text is
searched as given; the word lists are the redaction lexicon's (lexicon.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.address import CHAIN
from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.lexicon import (
    brand_spans,
    first_names,
    ordinary_words,
    places,
    proper_nouns,
)

_NUMBER = r"(?P<number>(?!0)(?!(?:19|20)\d\d\b)\d{1,4}(?:[a-hA-H](?![\w'’]))?)(?![\w'’])"
# what is counted, timed or measured after a number: not a home
_NOT_A_HOME_AFTER = re.compile(
    r"(?i:[ \t]*(?:[:.,/-][ \t]*\d|%|[ \t]*(?:am|pm|a\.m|p\.m|o['’]?clock|ish|years?|yrs?|"
    r"y/?o|mins?|minutes?|hours?|hrs?|days?|weeks?|months?|seconds?|secs?|times?|"
    r"people|persons|men|women|kids|children|lads|girls|boys|cars|vans|doors?|houses|towns|"
    r"teams|streets|miles?|yards?|metres?|meters?|feet|foot|ft|pounds?|quid|p|pence|grand|"
    r"degrees|till|until|to|or|-|percent|points?|goals?|nil|each|per|different|other|more|"
    r"x|tonight|today|tomorrow|last|every|in[ \t]+the[ \t]+(?:morning|afternoon|evening)|"
    r"at[ \t]+night|this[ \t]+(?:morning|afternoon|evening)|bus|buses|year|month|week)\b))"
)
# after "the lads from 6": a verb says the number is their home ("were",
# "keeps"); a plural noun says it is a count ("6 schools")
_PLURAL_AFTER = re.compile(r"[ \t]+(?P<word>[a-z]{3,}s)\b")
_VERBS_IN_S = word_set(
    "has was is does keeps says goes gets lives makes plays parks shouts seems comes sells deals "
    "uses takes runs leaves throws smokes works walks kicks screams bangs drives lets calls "
    "knocks puts sits stands watches steals nicks swears threatens owns thinks wants needs tries "
    "looks hangs blocks dumps burns starts stays brings breaks fights rides revs always "
    "hammers drills slams yells shouts barks sells parties hits grows dries leaves fixes "
    "borrows lends reckons claims mows cuts"
)
_WHO = (
    r"(?:wom[ae]n|m[ae]n|lady|ladies|bloke|blokes|fella|fellas|feller|fellow|guy|guys|lad|lads|"
    r"lass|lasses|girl|girls|boy|boys|kids?|bairns|weans?|family|couple|people|folks?|lot|"
    r"neighbou?rs?|tenants?|owners?|household|pair|students?|dealers?|druggies|"
    r"yins?|hoose|house)"
)
# "the woman at 23", "that lot over at 112", "da guy frm 14", "Lad from 6"
_PERSON_WHERE = re.compile(
    r"(?P<who>(?i:\b(?:the|that|those|these|this|them|yon|thon|da|de|tha|me|our|next[ \t]+door)"
    rf"[ \t]+(?:[a-z]+[ \t]+)?{_WHO}|(?:^|(?<=[.!?\n][ \t])|(?<=[.!?\n]))(?-i:[A-Z])[a-z]*"
    r"|\b(?:them|him|those)))"
    r"(?i:[ \t]+(?:(?:over|across|down|up|round)[ \t]+)?(?:at|from|frm|fae|from[ \t]+number|"
    r"in|@)[ \t]+(?:(?:number|no\.?|num|#)[ \t]*)?)" + _NUMBER
)
_WHO_ONLY = re.compile(rf"(?i:{_WHO})")
# "the occupants of 27": "of" only after those who live there ("a lad of 16" is an age)
_OCCUPANTS_OF = re.compile(
    r"(?i:\b(?:occupants?|occupiers?|residents?|tenants?|owners?|inhabitants?|householders?)"
    r"[ \t]+(?:of|at|in)[ \t]+(?:(?:number|no\.?|num)[ \t]*)?)" + _NUMBER
)
# "flat 3 no 17", "flat 2, number 41"
_FLAT_AND_HOUSE = re.compile(
    r"(?i:\b(?:flat|apartment|apt\.?|room)[ \t]*\d{1,4}[a-h]?[ \t]*,?[ \t]*(?:no\.?|number|num)"
    r"[ \t]*(?!0)\d{1,4}[a-h]?)(?![\w'’])"
)
# "Man in house 33", "we live at house 7"
_HOUSE_N = re.compile(
    r"(?i:\b(?:in|at|from|fae|frm|live[sd]?|living)[ \t]+(?:the[ \t]+)?)"
    r"(?P<home>(?i:house|hoose)[ \t]+(?:(?:no\.?|number)[ \t]*)?(?!0)\d{1,4}[a-hA-H]?)(?![\w'’])"
)
# a number and one capitalised word where a home is said
_HOME_CUE = (
    r"(?i:\b(?:live[sd]?|living|stay(?:s|ing)?|address(?:[ \t]+(?:is|was))?|moved|resides?|"
    r"residing)(?:[ \t]+(?:at|in|to|on))?|\b(?:at|from|to|outside|opposite))"
)
_NUMBER_AND_WORD = re.compile(
    rf"{_HOME_CUE}[ \t]+"
    r"(?P<home>(?P<number>(?!0)\d{1,4}[a-h]?)[ \t]+(?P<word>[A-Z][a-z'’]{3,}))"
    # one word, the clause ends or goes on with a small word: "5 Meadowsweet and ..."
    r"(?=[ \t]*(?:[,.;:!?)\n]|$)|[ \t]+(?:and|but|in|on|for|with|since|near|by|so|which|"
    r"where|when|just|now|then|is|was|has|had|until|till|opposite|next|behind|off|at|to|we|"
    r"i|my|our|they|he|she|if|as|because|cos|coz|for|all|every|over|up|down)\b)"
)
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")
_MONTHS_AND_DAYS = word_set(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday"
)


def find_homes_by_their_number(text: str) -> Iterator[Detail]:
    """The module's shapes: ADDRESS spans over the number (a person's home),
    the flat and its number, "house 33", or the number and its one word."""
    for match in _PERSON_WHERE.finditer(text):
        last = match.group("who").split()[-1].lower()
        if not _WHO_ONLY.fullmatch(last) and last not in {"them", "him", "those"}:
            continue  # a sentence's first word that is no person: "Stop at 9"
        if _NOT_A_HOME_AFTER.match(text, match.end()) or _a_count(text, match.end()):
            continue
        if _CAPITAL_AFTER.match(text, match.end()):
            continue  # "the lads at 7 Dials": a place's or a street's name (address.py's)
        yield Detail(match.start("number"), match.end("number"), Category.ADDRESS)
    for match in _OCCUPANTS_OF.finditer(text):
        if not _NOT_A_HOME_AFTER.match(text, match.end()):
            yield Detail(match.start("number"), match.end("number"), Category.ADDRESS)
    for match in _FLAT_AND_HOUSE.finditer(text):
        yield Detail(match.start(), match.end(), Category.ADDRESS)
    for match in _HOUSE_N.finditer(text):
        # "in house 58 Vallance Road": the street's address is address.py's
        if not _NOT_A_HOME_AFTER.match(text, match.end()) and not _CAPITAL_AFTER.match(
            text, match.end()
        ):
            yield Detail(match.start("home"), match.end("home"), Category.ADDRESS)
    brands = brand_spans(text)
    for match in _NUMBER_AND_WORD.finditer(text):
        word = match.group("word").lower().replace("’", "'")
        if (
            word in ordinary_words()
            or word in proper_nouns()
            or word in first_names()
            or word in places()
            or word in _MONTHS_AND_DAYS
        ):
            continue  # "at 3 Mobile", "at 5 Sarah rang", "to 4 London"
        if CHAIN.match(match.group("word")) or any(
            s < match.end("word") and match.start("word") < e for s, e in brands
        ):
            continue  # "at 3 Tesco", "5 Greggs"
        yield Detail(match.start("home"), match.end("home"), Category.ADDRESS)


def _a_count(text: str, end: int) -> bool:
    """Whether a plural noun follows the number: "from 6 schools"."""
    plural = _PLURAL_AFTER.match(text, end)
    if plural is None:
        return False
    word = plural.group("word")
    return word not in _VERBS_IN_S and word[:-1] in ordinary_words()
