"""Round 18: words a name finder took for a person that are no person
(issue 15's fifteenth set, tuned on it once it was spent).

:func:`keep_words_taken_for_names` takes the details found and returns those
that are not one of these ``Category.NAME`` spans:

- a town closing a sentence after a comma or a dash ("..., Bull Ring,
  Sedgley.", "fireworks again - Mapperley"): one capitalised word, neither a
  given name nor a surname the lists know, ending as English places do
  ("-ley", "-ton", "-ham", ...), with ", " or " - " before it and the
  sentence's end after it (a sign-off's "- Nasreen" stays a name);
- a known town after "out of", "in", "near", "from", "around" ("working out
  of King's Lynn") that is no given name ("from Chelsea" stays a name);
- the second word of such a town ("out of King's Lynn": "Lynn"), a town's
  possessive ("Bicester's finest"), a monarch with a regnal number
  ("George III coins");
- a term, not a person: a lower-case word ending "-ing" or "-ism"
  ("cuckooing"), or after "what they call";
- a firm's part after its brand ("BT Openreach", "Sky Glass");
- a pet named right after its animal word ("lost dog Bruno", "our cat Mabel");
- the post's addressee words ("The Occupier", "The Homeowner").

Wordings: tests/bot/test_redaction_round18_set15.py.
"""

from __future__ import annotations

import re

from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.lexicon import first_names, places, surnames
from bot.safeguarding.redaction.pet_names import _ANIMALS

_CLOSING_TOWN_BEFORE = re.compile(r"(?:[ \t]*,|[ \t]+[-–—])[ \t]*$")
_CLOSING_TOWN_AFTER = re.compile(r"[ \t]*(?:[.!?]|$)")
# English place-name endings: a closing word that ends so and is no known
# given name or surname is a town ("Sedgley", "Mapperley"); a sign-off's
# name ("- Nasreen", "Thank you, Senait") is not
_PLACE_ENDING = re.compile(
    r"(?:ley|ton|ham|by|field|worth|bury|borough|brough|ford|wick|den|stead|thorpe|combe|"
    r"hurst|mouth|minster|caster|chester|cester|pool|port|bridge|gate|well|moor|dale)$"
)
_TOWN_CUE = re.compile(r"(?i:\b(?:out[ \t]+of|in|near|from|around|outside)[ \t]+)$")
_TERM_CUE = re.compile(
    r"(?i:\bwhat[ \t]+(?:they|people|you|we|the[ \t]+police)[ \t]+call(?:ed)?[ \t]+)$"
)
_BRAND_BEFORE = re.compile(r"(?<![\w'’])(?:BT|EE|O2|Sky|Virgin|Vodafone|Three|TalkTalk)[ \t]+$")
_ANIMAL_BEFORE = re.compile(r"(?<![\w'’])(?P<animal>[A-Za-z]+)[ \t]+$")
_REGNAL = re.compile(r"[ \t]+(?:II|III|IV|VI|VII|VIII|IX|XI|XII)\b")  # not "I": "Kai I think"
_WORD_BEFORE = re.compile(r"(?P<word>[A-Z][\w'’-]*)[ \t]+$")
_ADDRESSEE = word_set("occupier homeowner householder resident occupant")


# Round 19: a town standing as a sentence of its own, or closing one after a
# comma ("... at night. Irvine.", "... same night. Bradford, just off ...",
# "... in all three, Chester."): a known place, or a word in no name list
# that ends as places do ("Bucksburn"); not after a sign-off word ("Thanks,
# Chester" may be a person). A town that is also a given name is kept and
# shown to officers as "check: possibly a name" (:func:`closing_town_doubts`).
_OWN_SENTENCE_BEFORE = re.compile(
    r"(?:^|[.!?][ \t]+|\n[ \t]*|[^\W\d_][ \t]*,[ \t]*"
    # round 20: a field's label: "Area: Drumchapel.", "Location - Toryglen"
    r"|(?i:\b(?:area|location|place|town|district|village|estate|where)[ \t]*[:-][ \t]*))$"
)
_OWN_SENTENCE_AFTER = re.compile(
    r"[ \t]*(?:[.!?]?[ \t]*$|[.!?]\s|,[ \t]+(?:just|near|off|by|not|opposite|outside|up|down)\b)"
)
_SIGN_OFF_BEFORE = re.compile(
    r"(?i:\b(?:thanks|thank[ \t]+you|regards|cheers|sincerely|faithfully|from|love|ta|hi|hello|"
    r"dear|hey|hiya|name|name['’]s|called|named|me|i['’]m|i[ \t]+am)\W*)$"
)
_THANKS_BEFORE = re.compile(
    r"(?i:\b(?:thanks|thank[ \t]+you|cheers|regards|ta)\b[^.!?\n]*[.!?,]?\s*)$"
)
_MORE_ENDINGS = re.compile(
    r"(?:burn|kirk|muir|ness|side|haven|ington|cliffe"
    # round 20: districts and villages too small for the place list
    # ("Drumchapel", "Easterhouse", "Toryglen", "Muirhead")
    r"|chapel|glen|house|head|hall|town|toun|shaws|shiels|holm|green)$"
    # and the Gaelic, Scots, Irish and Welsh words British places begin with
    # ("Ballymacash", "Kilbirnie", "Llanrumney", "Aberkenfig"), seven letters or more
    r"|^(?:drum|bally|balli|kil|inver|aber|auchen|auchter|auch|dun|strath|glen|kin|llan|cwm|carn|"
    r"ard|craig|knock|lis|rath|tully|clon|derry|inch|pont|tre|pen)[a-z]{3,}$"
)


def _closing_town(text: str, detail: Detail) -> bool:
    span = text[detail.start : detail.end]
    lower = span.lower()
    if detail.category is not Category.NAME or not re.fullmatch(r"[A-Z][a-z]+", span):
        return False
    before = text[max(0, detail.start - 40) : detail.start]
    if not _OWN_SENTENCE_BEFORE.search(before) or _SIGN_OFF_BEFORE.search(before):
        return False
    if not _OWN_SENTENCE_AFTER.match(text, detail.end):
        return False
    if _THANKS_BEFORE.search(text, max(0, detail.start - 60), detail.start):
        return False  # "Thanks for your help. Chester": a sign-off
    if lower in places():
        return True
    listed = lower in first_names() or lower in surnames()
    return not listed and bool(_PLACE_ENDING.search(lower) or _MORE_ENDINGS.search(lower))


def closing_town_doubts(text: str) -> list[tuple[int, int]]:
    """Towns kept by :func:`_closing_town` that are also given names: offsets
    for the staff card's "check: possibly a name"."""
    spans = []
    for match in re.finditer(r"(?<![\w'’-])[A-Z][a-z]+(?![\w'’-])", text):
        detail = Detail(match.start(), match.end(), Category.NAME)
        if match.group().lower() in first_names() and _closing_town(text, detail):
            spans.append(match.span())
    return spans


def _no_person(text: str, detail: Detail) -> bool:
    if detail.category is not Category.NAME:
        return False
    span = text[detail.start : detail.end]
    before = text[max(0, detail.start - 40) : detail.start]
    lower = span.lower().replace("’", "'")
    one_word = re.fullmatch(r"[A-Za-z][a-z'’-]+", span) is not None
    if lower.removeprefix("the ") in _ADDRESSEE:
        return True
    if _closing_town(text, detail):
        return True
    if (
        one_word
        and span[0].isupper()
        and lower not in first_names()
        and lower not in surnames()
        and _PLACE_ENDING.search(lower)
        and _CLOSING_TOWN_BEFORE.search(before)
        and _CLOSING_TOWN_AFTER.match(text, detail.end)
    ):
        return True
    if lower in places() and lower not in first_names() and _TOWN_CUE.search(before):
        return True
    # the second word of a known town ("out of King's Lynn": "Lynn")
    word_before = _WORD_BEFORE.search(before)
    if word_before:
        whole = f"{word_before.group('word')} {span}".lower().replace("’", "'")
        start = detail.start - len(word_before.group(0))
        if whole in places() and _TOWN_CUE.search(text[max(0, start - 40) : start]):
            return True
    # a town's possessive ("Bicester's finest")
    stem = lower.removesuffix("'s")
    if stem != lower and stem in places() and stem not in first_names():
        return True
    # a monarch with a regnal number ("George III coins")
    if one_word and _REGNAL.match(text, detail.end):
        return True
    if one_word and span.islower() and (lower.endswith("ing") or lower.endswith("ism")):
        return True
    if one_word and _TERM_CUE.search(before):
        return True
    if _BRAND_BEFORE.search(before):
        return True
    animal = _ANIMAL_BEFORE.search(before)
    return bool(
        one_word and span[0].isupper() and animal and animal.group("animal").lower() in _ANIMALS
    )


def keep_words_taken_for_names(text: str, details: list[Detail]) -> list[Detail]:
    """``details`` without the words that are no person (module docstring)."""
    return [d for d in details if not _no_person(text, d)]
