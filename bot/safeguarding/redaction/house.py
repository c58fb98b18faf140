"""House names given as an address: "Rose Cottage", "The Old Forge",
"Willow Lodge, Church Lane", "we live at Meadow View Farm".

A capitalised name ending in a house word. Words that almost only name homes
("Cottage", "Forge", "Lodge", "Bungalow", "Oast"...) are taken anywhere;
words that also name public places ("House", "Farm", "Mill", "Barn",
"Hall") only after "live at", "address is" and the like, so "the Village
Hall" and "Hall Place" stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail
from bot.safeguarding.redaction.lexicon import (
    NOT_PERSONS,
    brand_spans,
    first_names,
    ordinary_words,
    proper_nouns,
)

_CAPITAL = r"[A-Z][a-z]+(?:['’][a-z]+)?"
_HOME_WORDS = (
    r"(?:Cottage|Cottages|Forge|Lodge|Bungalow|Oast|Oast[ \t]House|Farmhouse|Rectory|"
    r"Vicarage|Grange|Villa|Coach[ \t]House|Old[ \t]Bakery|Old[ \t]Post[ \t]Office|"
    r"Old[ \t]School[ \t]House|Barn[ \t]Conversion|Stables)"
)
_PUBLIC_TOO = r"(?:House|Farm|Mill|Barn|Hall|Manor|View|Place|Croft|End)"
_NAME = rf"(?:The[ \t]+)?(?:{_CAPITAL}[ \t]+){{0,2}}"
# Anywhere: "Rose Cottage", "The Old Forge", "Willow Lodge"
_STREET_WORDS = (
    r"(?:Road|Lane|Street|Close|Avenue|Way|Drive|Hill|Green|Park|Grove|Gardens|Court|"
    r"Crescent|Place|Rise|Estate|Mews|Row|Walk|Terrace)"
)
_HOME = re.compile(rf"(?<![\w])({_NAME}{_HOME_WORDS})\b(?![ \t]+{_STREET_WORDS}\b)")
# After an address cue: "we live at Brook House", "address: Meadow View Farm"
_CUED = re.compile(
    r"(?i:\b(?:live|living|lives|lived|moved|move|staying|stay|stays|based)[ \t]+(?:at|in)"
    r"|\breside[sd]?[ \t]+at|\baddress(?:[ \t]+is)?[ \t]*[:\-]?|\bcome[ \t]+to"
    r"|\bdeliver(?:ed)?[ \t]+to)[ \t]+"
    rf"({_NAME}(?:{_CAPITAL}[ \t]+)?{_PUBLIC_TOO})\b"
)
# "Ivy House", "Meadow View", "Cherry Tree Farm", "Orchard End": plants and
# land words before a word public places share are a house's name.
_NATURE = (
    r"(?:Ivy|Rose|Holly|Laurel|Oak|Oaks|Willow|Willows|Beech|Elm|Ash|Birch|Cedar|Pine|Yew|"
    r"Hawthorn|Rowan|Maple|Cherry|Apple|Pear|Plum|Walnut|Chestnut|Sycamore|Lilac|Wisteria|"
    r"Jasmine|Honeysuckle|Lavender|Fern|Heather|Bramble|Orchard|Meadow|Meadows|Brook|Stream|"
    r"Spring|Well|Field|Fields|Hill|Valley|Woodland|Gable|Gables|Tree|Trees|Thatch|Stone|"
    r"Hollow|Sunny|Sunnyside|Fairview|Bella|Bryn|Glen|Green|Little|Lower|Upper|Tudor|White|Red)"
)
_NATURE_HOME = re.compile(
    rf"\b((?:{_NATURE}[ \t]+){{1,2}}"
    r"(?:House|Farm|View|End|Barn|Mill|Croft|Lea|Dene|Garth|Bank|Side|Nook|Rest|Haven))\b"
    rf"(?![ \t]+{_STREET_WORDS}\b)"
)
# "The Laurels", "The Willows", "The Old Rectory": a house.
_THE_HOME = re.compile(
    r"\b((?i:the)[ \t]+(?:Laurels|Willows|Beeches|Elms|Pines|Hollies|Limes|Cedars|Firs|Poplars|"
    r"Oaks|Birches|Chestnuts|Sycamores|Maples|Larches|Rowans|Yews|Hawthorns|Gables|Paddocks?|"
    r"Orchards?|Spinney|Coppice|Homestead|Old[ \t][A-Z][a-z]+))\b"
)


# A home named as such: "my brother's house, Brackenside, on the Moor Road",
# "a bungalow called Fernleigh", "the farm is Highfields".
_CALLED = re.compile(
    r"(?i:\b(?:house|home|cottage|bungalow|farmhouse|farm|property|place)"
    r"(?:[ \t]*,|[ \t]+(?:called|named|is[ \t]+called|is[ \t]+named|(?:they|we|locals|"
    r"everyone|people)[ \t]+call(?:[ \t]+it)?))"
    r"|\bn[ei]{2}ghbou?rs?[ \t]+(?:at|of|from)"
    r"|\b(?:live|lives|lived|living)(?:[ \t]+(?:alone|together|on[ \t]+my[ \t]+own))?[ \t]+at)"
    r"[ \t]+"
    rf"((?:The[ \t]+)?{_CAPITAL}(?:[ \t]+{_CAPITAL}){{0,2}})"
    r"(?![ \t]*[A-Z])"
)


def _house_like(name: str) -> bool:
    """A name after "house," or "lives at" that is not a town, a day, a shop or
    a word ("my house, Bromley, is", "the house, Monday.", "lives at Tesco");
    of more words, not a street ("lives at Kings Hill"): "Primrose View",
    "Wren's Nest", "Tall Trees" are houses."""
    words = [w.lower().removesuffix("'s").removesuffix("’s") for w in name.split()]
    if words[0] == "the":
        words = words[1:] or words
    if any(w in NOT_PERSONS for w in words) or re.search(rf"\b{_STREET_WORDS}$", name):
        return False
    if len(words) > 1:
        return True
    last = words[-1]
    return not (last in ordinary_words() or (last in proper_nouns() and last not in first_names()))


# A home's name in a care home or sheltered housing is the building's: it stays.
_INSTITUTION = re.compile(
    r"(?i:sheltered|care[ \t]home|nursing[ \t]home|retirement|hostel|hotel|residential)"
)


def find_house_names(text: str) -> Iterator[Detail]:
    brands = brand_spans(text)
    for pattern in (_HOME, _CUED, _NATURE_HOME, _THE_HOME, _CALLED):
        for match in pattern.finditer(text):
            if any(a <= match.start(1) < b for a, b in brands):
                continue  # "Chicken Cottage": a shop
            if pattern is _CALLED and not _house_like(match.group(1)):
                continue
            near = text[max(0, match.start(1) - 40) : match.end(1) + 20]
            if pattern is _HOME and _INSTITUTION.search(near) is not None:
                continue  # "sheltered housing at Hawthorn Lodge", "Oakwood Lodge care home"
            # the street after it ("Rose Cottage, Church Lane") stays: without
            # the house it names no one
            yield Detail(match.start(1), match.end(1), Category.ADDRESS)
