"""Round 21: an age said with where the person lives, by position against a
place on the street: "the 15 year old lad who lives above the bookies",
"a 12-year-old girl who lives next door to the chippy", "the 80 year old
man living opposite the Spar". An age and the one door it puts someone
behind single them out as an age and a street do; the age reader of round
19 (``circumstances.py``) reads circumstances (alone, widowed, a carer),
not a position.

The span runs from the age to the place's name; a street or a town after
the place stays outside ("... above the bookies on Darlaston high street":
every readable label with a position ends at the place). An age with no
position ("the 15 year old lad who lives near me", "who lives round
here") and a position with no age ("the lad who lives above the bookies")
are left to other readers.

:func:`find_ages_with_where_they_live` yields ``Detail(start, end,
Category.AGE)``, offsets into the text given. Wordings:
tests/bot/test_redaction_round21_posts_homes.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail

_AGE = (
    r"(?:[1-9]\d?|1[01]\d)[ \t-]*(?:years?|yrs?|yo|y/o)(?:[ \t-]*old)?"
    r"|(?:[1-9]\d?|1[01]\d)[ \t]*(?:years?|yrs?)(?=[ \t]*,)"
)
_PERSON = (
    r"(?:lad|lass|boy|girl|kid|child|man|woman|lady|bloke|fella|gent|gentleman|son|daughter|"
    r"neighbour|widow|widower|pensioner|teenager|teen|one)"
)
_POSITION = (
    r"(?:above|over|below|under|underneath|behind|beside|opposite|next[ \t]+door[ \t]+to|"
    r"next[ \t]+to|across[ \t]+from|across[ \t]+the[ \t]+road[ \t]+from|"
    r"in[ \t]+the[ \t]+flat[ \t]+(?:above|over|below|behind)|at[ \t]+the[ \t]+back[ \t]+of)"
)
# A place on a street with a door of its own: the second word only as a
# shop's or building's word ("the chip shop", "the old pub").
_PLACE_WORD = (
    r"(?:shop|shops|pub|cafe|café|chippy|takeaway|garage|bakery|bakers|butchers|bookies|"
    r"newsagents?|chemist['’]?s?|pharmacy|surgery|church|chapel|mosque|temple|gurdwara|"
    r"hall|library|launderette|salon|barbers|spar|co-?op|londis|offy|off[ \t]+licen[cs]e|"
    r"post[ \t]+office|school|park|station|petrol[ \t]+station|bus[ \t]+stop|phone[ \t]+box|"
    r"corner[ \t]+shop|chip[ \t]+shop|kebab[ \t]+shop|bookmakers)"
)
_WHERE = re.compile(
    rf"(?i:\b(?P<age>{_AGE})[ \t]+(?:[a-z]+[ \t]+)?{_PERSON}?[ \t]*,?[ \t]*"
    r"(?:who|that)?[ \t]*(?:lives|live|living|is[ \t]+living|stays|staying)"
    r"(?:[ \t]+(?:alone|on[ \t]+(?:his|her|their)[ \t]+own|with[ \t]+(?:his|her|their)[ \t]+\w+))?"
    rf"[ \t]+{_POSITION}[ \t]+the[ \t]+(?:[a-z]+[ \t]+)?{_PLACE_WORD})(?![\w'’-])"
)


def find_ages_with_where_they_live(text: str) -> Iterator[Detail]:
    """An age with the door it lives behind (module docstring)."""
    for match in _WHERE.finditer(text):
        yield Detail(match.start("age"), match.end(), Category.AGE)
