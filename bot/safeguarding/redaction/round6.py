"""Round 6 (issue 15, after the fifth unseen set): number-group forms the
earlier rules missed.

- A Glasgow tenement flat before its street: "3/2 14 Dalmally Street",
  "2/1, 45 Westmoreland Street", "0/1 at 33 Dixon Avenue": the floor/door
  joins the address found after it.
- A flat in a block: "flat 9 block c", "block C flat 12".
- A Welsh street in lower case with its number: "4 heol y deri".
- A house number in words after a misspelt "number": "numbr ninety three".
- Digits said in words after a code, a card's last digits or a PIN: "the
  code — four one seven nine", "card ends four four two seven".

Each is found in the text as given; shapes are (start, end) character
offsets in :class:`~bot.safeguarding.redaction.detail.Detail`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.address import find_addresses
from bot.safeguarding.redaction.detail import Category, Detail

# "3/2 ", "2/1, ", "0/1 at ", "1/1, " right before a found address
_TENEMENT_BEFORE = re.compile(r"\b[0-9]/[0-9]{1,2}(?:[ \t]*,[ \t]*|[ \t]+at[ \t]+|[ \t]+)$")

_BLOCK_FLAT = re.compile(
    r"(?i:\bflat[ \t]+\d{1,4}[a-z]?[ \t]*,?[ \t]*block[ \t]+(?:[a-h]|\d{1,2})\b"
    r"|\bblock[ \t]+(?:[a-h]|\d{1,2})[ \t]*,?[ \t]*flat[ \t]+\d{1,4}[a-z]?\b)"
)

# Welsh street words; the name after them is one or two words (with "y"/"yr")
_WELSH_STREET = re.compile(
    r"(?i:\b\d{1,4}[a-z]?,?[ \t]+(?:heol|stryd|ffordd|lon|lôn|rhodfa|cilgant)"
    r"(?:[ \t]+(?:y|yr|ar))?[ \t]+[a-zâêîôûŵŷ'’-]{2,}\b)"
)

_UNIT = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|nintey"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ninteen"
_WORD_NUMBER = rf"(?:(?:{_TENS})(?:[- ](?:{_UNIT}))?|{_TEENS}|{_UNIT})\b"
# "numbr", "nummber", "numba", "nuber", "numbe" (not "number", "num", "no":
# address.py has them)
_MISSPELT_NUMBER = re.compile(
    rf"(?i:\b(?:numbr|nummber|numbre|numbah|numba|nuber|numbe|numer|nmber)[ \t]+{_WORD_NUMBER})"
)

_DIGIT_WORD = r"(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine|double[ \t]+\w+)"
_CODE_CUE = (
    r"(?:(?:key[ \t]?safe[ \t]+|door[ \t]+|alarm[ \t]+|gate[ \t]+|access[ \t]+)?code"
    r"|pin(?:[ \t]+(?:number|no\.?))?"
    r"|card[ \t]+(?:ends|ending)(?:[ \t]+(?:in|with))?"
    r"|last[ \t]+(?:four|4)[ \t]+(?:digits|numbers)(?:[ \t]+(?:of[ \t]+\w+[ \t]+card))?)"
)
_CODED_DIGITS = re.compile(
    rf"(?i:\b{_CODE_CUE}(?:[ \t]+(?:is|was|are|were))?[ \t]*[:,—–-]?[ \t]*"
    rf"(?P<digits>{_DIGIT_WORD}(?:[ \t,-]+{_DIGIT_WORD}){{3,}})\b)"
)


def find_round_6_numbers(text: str) -> Iterator[Detail]:
    """Addresses and codes in the round-6 forms listed in the module's
    docstring; tenement flats as ADDRESS spans from the floor/door to the
    street's end, codes as ID_NUMBER spans over the digit words."""
    for address in find_addresses(text):
        if address.category is not Category.ADDRESS:
            continue
        before = _TENEMENT_BEFORE.search(text, max(0, address.start - 12), address.start)
        if before is not None:
            yield Detail(before.start(), address.end, Category.ADDRESS)
    for pattern in (_BLOCK_FLAT, _WELSH_STREET, _MISSPELT_NUMBER):
        for match in pattern.finditer(text):
            yield Detail(match.start(), match.end(), Category.ADDRESS)
    for match in _CODED_DIGITS.finditer(text):
        yield Detail(match.start("digits"), match.end("digits"), Category.ID_NUMBER)
