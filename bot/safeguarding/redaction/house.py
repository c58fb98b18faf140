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
    r"|\baddress(?:[ \t]+is)?[ \t]*[:\-]?|\bcome[ \t]+to|\bdeliver(?:ed)?[ \t]+to)[ \t]+"
    rf"({_NAME}(?:{_CAPITAL}[ \t]+)?{_PUBLIC_TOO})\b"
)
# An address line after a house name: "Rose Cottage, Church Lane" is taken with it.
_STREET_AFTER = re.compile(
    r",[ \t]*(?:[A-Z][a-z]+[ \t]+){1,3}(?:Lane|Road|Street|Close|Avenue|Way|Drive|Hill|Green)\b"
)


def find_house_names(text: str) -> Iterator[Detail]:
    for pattern in (_HOME, _CUED):
        for match in pattern.finditer(text):
            start, end = match.start(1), match.end(1)
            street = _STREET_AFTER.match(text, end)
            if street is not None:
                end = street.end()
            yield Detail(start, end, Category.ADDRESS)
