"""Homes named by where the name stands, not by what it is called (round
16, issue 15's thirteenth set): the line after a name in a signature
("George Shand, The Schoolhouse, Kemnay", or the same on three lines), a
name set off beside a home word ("the house across the road, Rosemount,",
"Mill of Kincardine, the farm at the end of our road"), and a name after a
neighbour ("my neighbour at the Knowehead").

One reader for the concept: the name needs no home word of its own
("Rosemount", "Knowehead"); its position says it is a home. Also a name
in quotes after a home word ("the farm house 'Low Burnhall'") and a titled
person "of" a name before a street or a town ("Mrs Olwen Price of
Brynteg, Heol Hen, Cross Hands"). Round 20: a name where an address is
given, before its street or town ("my address is Nether Breck, Sanday", "I
live at Seaview, The Esplanade"), and a name set off before "my home"
("outside Stonecroft, my home on the Ashbourne Road"). Each candidate
is then asked what rural_homes.py asks ("may_be_a_home"): a known town, a
brand, a public place or a street, an organisation in capitals, a role or a
lone given name stays ("Thanks, Dave Parkin, Church Street, Ulverston",
"Lucy Grant, Age UK, Carlisle", "the pub across the road, The Black Bull").

:func:`find_homes_by_position` yields ``Detail(start, end,
Category.ADDRESS)``, start and end character offsets into the text given.
Wordings: tests/bot/test_redaction_round16_details.py and
tests/data/personal_details/details_probe_round16.jsonl.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail
from bot.safeguarding.redaction.job_reader import ROLE_NOUNS
from bot.safeguarding.redaction.lexicon import ordinary_words, places
from bot.safeguarding.redaction.rural_homes import may_be_a_home

_CAP = r"[A-ZÂŴŶ][a-zà-öø-ÿâŵŷ'’-]+"
# A home's name: one to three capitalised words, "The" first, Scots or
# Welsh joining words inside ("Mill of Kincardine", "Pen y Bryn").
_HOME = rf"(?:The[ \t]+)?{_CAP}(?:[ \t]+(?:(?:of|o['’]|y|yr|na|an|on|le)[ \t]+)?{_CAP}){{0,2}}"
# A signer: capitalised words, initials, a title, "(retd)".
_SIGNER = r"(?:(?:[A-Z][\w'’.-]*|\([a-z]+\))[ \t]+){1,4}[A-Z][\w'’-]+"
_TOWN = r"[A-Z][\w'’-]+(?:[ \t-]+(?:[A-Z][\w'’-]+|on|upon|over|under|in|by|le|sands))*"

# "..., George Shand, The Schoolhouse, Kemnay" at the end of the text.
_SIGNED_COMMAS = re.compile(
    rf"(?:\A|[.!?,:][ \t]+|\n[ \t]*)(?P<signer>{_SIGNER}),[ \t]+(?P<home>{_HOME}),[ \t]+"
    rf"(?P<town>{_TOWN})[ \t]*\.?[ \t]*\Z"
)
# The same on lines of their own: "Jean Dobson\nGreystones\nBrampton".
_SIGNED_LINES = re.compile(
    rf"(?:\A|\n)[ \t]*(?P<signer>{_SIGNER})[ \t]*,?[ \t]*\n[ \t]*(?P<home>{_HOME})[ \t]*,?[ \t]*\n"
    rf"[ \t]*(?P<town>{_TOWN})[ \t]*\.?[ \t]*\Z"
)
# Home words a name may stand beside.
_HOME_WORD = (
    r"(?:house|houses|bungalow|cottage|farm|farmhouse|croft|smallholding|homestead|"
    r"place|home|barn|steading)"
)
_NEAR = (
    r"(?:across|opposite|next|behind|beside|by|near|at|on|up|down|over|along|in|facing|"
    r"round|past|beyond|below|above)"
)
# "the house across the road, Rosemount," / "the bungalow next door, Windyridge,"
_HOME_WORD_THEN_NAME = re.compile(
    rf"(?i:\b(?:the|a|our|my|his|her|their)[ \t]+(?:[a-z'’-]+[ \t]+)?{_HOME_WORD}"
    rf"(?:[ \t]+{_NEAR}(?:[ \t]+[a-z'’-]+){{1,5}})?)[ \t]*,[ \t]+(?P<home>{_HOME})"
    r"(?=[ \t]*(?:[,(]|[.!?](?:[ \t]|$)|$)|[ \t]+(?:has|is|was|have|had|where|which|and|who)\b)"
)
# "Mill of Kincardine, the farm at the end of our road", "Brackenrigg, is a farm"
_NAME_THEN_HOME_WORD = re.compile(
    rf"(?<![\w'’])(?P<home>{_HOME}),[ \t]+(?:(?i:is|it['’]?s|which[ \t]+is)[ \t]+)?"
    rf"(?i:the|a|our|my|his|her|their)[ \t]+(?:[a-z'’-]+[ \t]+)?(?i:{_HOME_WORD})\b"
)
# "living in the farm house 'Low Burnhall'": a home word, then its name in quotes
_HOME_WORD_THEN_QUOTED = re.compile(
    rf"(?i:\b(?:the|a|our|my|his|her|their)[ \t]+(?:[a-z'’-]+[ \t]+)?{_HOME_WORD})"
    rf"[ \t]*,?[ \t]*(?:called[ \t]+|named[ \t]+)?['‘\"“](?P<home>{_HOME})['’\"”]"
)
# "Mrs Olwen Price of Brynteg, Heol Hen, Cross Hands": a titled person "of" a
# name, then where it is after a comma.
_TITLED_OF = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Rev|Revd)\.?[ \t]+(?:[A-Z][\w'’-]*\.?[ \t]+){0,3}"
    rf"[A-Z][\w'’-]+[ \t]+of[ \t]+(?P<home>{_HOME})(?=[ \t]*,[ \t]+[A-Z])"
)
# "my neighbour at the Knowehead", "ma auld neebor at the Brae Heid"
_NEIGHBOUR_AT = re.compile(
    r"(?i:\b(?:neighbou?rs?|neighbors?|nieghbou?rs?|neebou?rs?|neebors?)[ \t]+"
    r"(?:(?:up|down|out|over|across)[ \t]+)?(?:at|from)[ \t]+(?:the[ \t]+)?)"
    rf"(?P<home>{_HOME})\b"
)
# Round 20: a name where an address is given, before its street or town
# ("My address is Nether Breck, Sanday", "I live at Seaview, The Esplanade",
# "we're living at Brockholes, Lydgate Lane"): the cue says the words are
# the home, the comma and a capital after them say the line goes on.
_ADDRESS_CUE_THEN_NAME = re.compile(
    r"(?i:\b(?:(?:my|our|his|her|their|the|mums?|dads?|nans?)[ \t]+(?:home[ \t]+)?address"
    r"(?:[ \t]+is|[ \t]*:|['’]s)"
    r"|(?:i|we|they|he|she|mum|dad|nan|gran)[ \t]+(?:live|lives|am[ \t]+living|are[ \t]+living|"
    r"is[ \t]+living|have[ \t]+lived|has[ \t]+lived|stay|stays)[ \t]+at"
    r"|(?:i['’]m|we['’]re|im|were)[ \t]+living[ \t]+at))[ \t]+"
    rf"(?P<home>{_HOME})(?=[ \t]*,[ \t]+(?:The[ \t]+)?[A-Z])"
)
# A street line after the name: a town never stands before its street, so
# a name there is the home even when a place shares it ("Seaview, The
# Esplanade" as the Isle of Wight's Seaview).
_STREET_LINE_AFTER = re.compile(
    r"[ \t]*,[ \t]+(?:The[ \t]+[A-Z][a-z]+|(?:[A-Z][\w'’-]+[ \t]+){1,3}"
    r"(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Drive|Close|Way|Crescent|Terrace|Place|Grove|"
    r"Gardens|Esplanade|Promenade|Parade|Row|Hill|Square|Walk|Brae|Wynd|Loan))\b"
)
_STREET_WORD_LAST = re.compile(
    r"[ \t](?:Road|Rd|Street|St|Lane|Avenue|Drive|Close|Way|Crescent|Terrace|Place|Grove|"
    r"Gardens|Esplanade|Promenade|Parade|Row|Square|Walk|Wynd)\Z"
)
# Round 20: a name set off before "my home" ("outside Stonecroft, my home on
# the Ashbourne Road"): the writer says it is their home, so a place word
# before the name ("outside", "at") does not make it a district.
_OWN_HOME_AFTER = re.compile(
    r"(?i:[ \t]*,[ \t]+(?:my|our)[ \t]+(?:[a-z'’-]+[ \t]+)?(?:home|house|cottage|farm|"
    r"bungalow|croft|place)\b(?![ \t]+(?:is|was|has|had)\b))"
)
# "I live in Roundhay, their house is Willow Lodge": a place after "in" is no home.
_PLACE_BEFORE = re.compile(r"(?i:\b(?:in|near|from|to|outside|around|round|of)[ \t]+)$")
_WORD_AFTER_THE = re.compile(r"(?i)^the[ \t]+")


def _home(text: str, start: int, end: int) -> bool:
    """The name at ``text[start:end]`` may be a home and is no role, no
    organisation in capitals and no known place."""
    name = text[start:end]
    words = _WORD_AFTER_THE.sub("", name).split()
    if not words or any(w.isupper() and len(w) > 1 for w in words):
        return False  # "Age UK": an organisation
    if any(w.lower() in ROLE_NOUNS for w in words):
        return False  # "Treasurer": a post in a signature
    if _WORD_AFTER_THE.sub("", name).lower() in places():
        return False
    return may_be_a_home(text, start, end)


def find_homes_by_position(text: str) -> Iterator[Detail]:
    """Homes named in a signature, beside a home word, or after a
    neighbour (module docstring)."""
    for pattern in (_SIGNED_COMMAS, _SIGNED_LINES):
        for match in pattern.finditer(text):
            start, end = match.span("home")
            # "Cefn Mawr Hall" under a signer's name is a home, not a village hall
            hall = re.search(r"[ \t]+(?:Hall|Manor|Court|Lodge)$", text[start:end])
            if _home(text, start, start + hall.start() if hall else end):
                yield Detail(start, end, Category.ADDRESS)
    for pattern in (
        _HOME_WORD_THEN_NAME,
        _NAME_THEN_HOME_WORD,
        _NEIGHBOUR_AT,
        _HOME_WORD_THEN_QUOTED,
        _TITLED_OF,
        _ADDRESS_CUE_THEN_NAME,
    ):
        for match in pattern.finditer(text):
            start, end = match.span("home")
            words = text[start:end].split()
            if pattern is _ADDRESS_CUE_THEN_NAME and _STREET_WORD_LAST.search(text, start, end):
                continue  # "I live at The Esplanade, New Brighton": a street
            one_word = pattern in (_HOME_WORD_THEN_NAME, _NAME_THEN_HOME_WORD) and len(words) == 1
            if one_word and words[0].lower() in ordinary_words():
                continue  # "Anyway, the house next door ...": a word, no name
            if (
                pattern is _NAME_THEN_HOME_WORD
                and _PLACE_BEFORE.search(text, 0, start)
                and not _OWN_HOME_AFTER.match(text, end)
            ):
                continue  # "in Roundhay, their house is ...": a district, then the home
            if pattern in (_HOME_WORD_THEN_NAME, _HOME_WORD_THEN_QUOTED):
                # the home word governs: "the cottage behind the pub, Rose Garth" is
                # no pub's name, so the name is asked after the home word alone
                said = "the house, " + text[start:]
                if _home(said, 11, 11 + end - start):
                    yield Detail(start, end, Category.ADDRESS)
            elif _home(text, start, end) or (
                pattern is _ADDRESS_CUE_THEN_NAME
                and _STREET_LINE_AFTER.match(text, end)
                and not any(w.isupper() for w in words)
                and not (len(words) == 1 and words[0].lower() in ordinary_words())
            ):
                yield Detail(start, end, Category.ADDRESS)
