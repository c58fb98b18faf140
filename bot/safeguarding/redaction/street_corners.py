"""Round 20 (issue 15): a house number said apart from its street, where the
street names a spot rather than following the number: "forty-one on the
corner of Hawthorne Road", "at forty-seven, just past the turn into
Sycamore Avenue", "Fifty-one, that's us, on the bend of Kestrel Way",
"number 12 at the end of Glebe Wynd".

Only the number goes (ADDRESS); the street stays, as a street named without
a house number does. A number in figures needs "number" or "no" before it
("at 2 on the corner of Bridge Street" is a time); a number in words of one
word needs "number" too, or a word that says where someone lives ("at
eleven on the corner" is a time), except "thirteen" to "nineteen" and
"twenty-one" to "ninety-nine", which are not hours.

Shapes are (start, end) character offsets in
:class:`~bot.safeguarding.redaction.detail.Detail`; the street types are
address.py's (data/street_types.txt).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bot.safeguarding.redaction.address import NUMBER_WORD, street_types_pattern
from bot.safeguarding.redaction.detail import Category, Detail

# Where on a street a house is: "on the corner of", "just past the turn
# into", "at the far end of", "halfway up", "on the bend of".
_SPOT = (
    r"(?:(?:just|right|about|roughly)[ \t]+)?"
    r"(?:(?:on|at)[ \t]+the[ \t]+(?:(?:far|top|bottom|other|near)[ \t]+)?"
    r"(?:corner|end|top|bottom|bend|junction|turn|start)[ \t]+(?:of|with|into|in|on)"
    r"|(?:past|before|after|by)[ \t]+the[ \t]+(?:turn|turning|junction)[ \t]+"
    r"(?:into|onto|for|of|with)"
    r"|(?:halfway|half[ \t]+way|part[ \t]+way)[ \t]+(?:up|down|along)"
    r"|(?:near|towards)[ \t]+the[ \t]+(?:top|bottom|end|start)[ \t]+of"
    r"|round[ \t]+the[ \t]+corner[ \t]+(?:from|on))"
)
# "thirteen" to "nineteen", "twenty-one" to "ninety-nine": never an hour
_NOT_AN_HOUR = (
    r"(?:thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)[- ]"
    r"(?:one|two|three|four|five|six|seven|eight|nine))"
)


@cache
def _number_by_its_street() -> re.Pattern[str]:
    street = rf"(?:the[ \t]+)?(?:[A-Z][\w'’.-]*[ \t]+){{1,3}}(?i:{street_types_pattern()})\b"
    return re.compile(
        r"(?<![\w£$.,:/-])"
        r"(?P<number>"
        # "number 12", "no. 7", "number eleven"
        rf"(?i:(?:number|no\.?)[ \t]*(?:\d{{1,4}}[a-z]?\b|{NUMBER_WORD}))"
        # "lives at nine", "we're twelve" (not "we met at eleven")
        r"|(?i:(?<=\blive at )|(?<=\blives at )|(?<=\bliving at )|(?<=\bwe're )|(?<=\bwe’re )"
        rf"|(?<=\bwe are )|(?<=\bwe're at )|(?<=\bwe’re at )|(?<=\bwe are at ))(?i:{NUMBER_WORD})"
        # "forty-one", "Sixteen"
        rf"|(?i:{_NOT_AN_HOUR})\b"
        r")"
        # an aside between: ", that's us,", ", the one with the blue door,"
        r"(?:,[ \t]+[^,.!?;:\n]{1,30},)?"
        rf",?[ \t]+(?i:{_SPOT})[ \t]+{street}"
    )


# What a home's number follows: the start of a sentence or an aside, or a
# word that says where someone is ("at", "is", "I'm", "from", "number").
_HOME_LEAD = re.compile(
    r"(?:\A|[.!?\n(\-–—][ \t]*|(?i:\b(?:at|is|i'm|i’m|im|we're|we’re|we|are|from|to|"
    r"in|live|lives|living|number|no\.?|it's|it’s|its|that's|that’s|address|us|them|her|him)"
    r"[ \t]*:?[ \t]+))\Z"
)


def find_numbers_by_their_street(text: str) -> Iterator[Detail]:
    """ADDRESS spans over a house number said before the spot on its street:
    "forty-one" in "forty-one on the corner of Hawthorne Road" (the street
    stays)."""
    for match in _number_by_its_street().finditer(text):
        if not _HOME_LEAD.search(text[max(0, match.start() - 20) : match.start()]):
            continue  # "I counted twenty-three at the end of Mill Lane"
        yield Detail(match.start("number"), match.end("number"), Category.ADDRESS)
