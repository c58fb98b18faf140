"""Round 15 (issue 15): homes inside a building or an estate, in the shapes
the address finders leave (the twelfth unseen set's "Flat 9 Burnham", "im in
C14", "Room 214, Lupton Residences", a Glasgow "2/1", "no 33 on the
Greenacres estate"):

- a flat's number and its block's one- or two-word name with no block word
  ("Flat 9 Burnham, Chalcots Estate", "flat 31 Kestrel, Gorbals");
- a room in a named hall of residence or hostel ("Room 214, Lupton
  Residences", "rm 407 Crescent Residences", "room 3 at Ellison Hall"), not
  a public hall's room ("Room 2 at the Town Hall");
- a door by its block's letter and number where someone lives ("im in C14",
  "flat C14"), not a road, a bus or a seat ("A14", "the C14 bus");
- a tenement's floor and door ("the guy in the 2/1", "0/1 of 22 Albert
  Road"), not a score, odds, a date or a half ("won 2/1", "the 2/1
  favourite", "2/1/26", "1/2 price");
- a house number on a named estate ("no 33 on the Greenacres estate",
  "number 9 on the leys estate"), not "no 24 hour service on the estate".

Shapes are (start, end) character offsets in
:class:`~bot.safeguarding.redaction.detail.Detail`, all ADDRESS; the text is
searched as given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.address import NUMBER_WORD, find_addresses
from bot.safeguarding.redaction.detail import Category, Detail, word_set

# -- a flat and its block's name ----------------------------------------------

# Words that follow a flat's number and are no block's name: a day, a month,
# a greeting or a sentence's first word
_NOT_A_BLOCK = word_set(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
    "April May June July August September October November December Thanks Thank Please "
    "Hi Hello Cheers Regards I The A An And But So My Our His Her Their We He She They It "
    "Yesterday Today Tonight Last Next"
)
_FLAT_THEN_NAME = re.compile(
    r"(?i:\b(?:flat|apartment|apt\.?)[ \t]*(?:no\.?[ \t]*|number[ \t]+)?)"
    r"\d{1,4}[a-zA-Z]?[ \t]+(?P<block>[A-Z][a-z'’]{2,}(?:[ \t]+[A-Z][a-z'’]{2,})?)"
    # the name ends the clause: a comma, a full stop, a line's end, or "on the",
    # "in", "at" after it
    r"(?=[ \t]*(?:[,;)]|\.(?!\w)|!|\?|\n|$)|[ \t]+(?:on|in|at|of|off|near)\b)"
)

# -- a room in a hall of residence --------------------------------------------

_PUBLIC_HALL = (
    r"(?:Town|Village|Church|Community|Guild|Memorial|City|County|Civic|Masonic|Scout|Sports|"
    r"Concert|Music|Market|Assembly|Parish|Drill|Miners|Mechanics|Temperance|Methodist|Baptist|"
    r"Victoria|Albert|Royal|Usher|Caird|Corn|Trades|Guildhall)"
)
_ROOM_IN_HALL = re.compile(
    r"(?i:\b(?:room|rm\.?|bedroom)[ \t]*(?:no\.?[ \t]*|number[ \t]+)?)"
    r"\d{1,4}[a-zA-Z]?[ \t]*,?[ \t]*(?:(?i:at|in|of)[ \t]+)?"
    rf"(?!{_PUBLIC_HALL}\b)(?:[A-Z][\w'’-]+[ \t]+){{1,3}}"
    r"(?:Residences?|Halls?|Hostel|Student[ \t]+Village|Village)\b"
)

# -- a door by its block's letter ---------------------------------------------

# "im in C14", "we're in D7", "I'm at D-14", "flat C14": not A or M (roads), not before a
# road's, a bus's or a seat's word
_LETTERED_DOOR = re.compile(
    r"(?:(?i:\b(?:i['’]?m|i[ \t]+am|we['’]?re|we[ \t]+are|she['’]?s|he['’]?s|they['’]?re|"
    r"live|lives|living|stay|stays)[ \t]+(?:in|at)[ \t]+(?:flat[ \t]+)?)"
    r"|(?P<flat>(?i:\bflat[ \t]+)))"
    r"(?P<door>(?-i:[B-LN-Z])-?\d{1,3})\b"
    r"(?![ \t]*(?i:bus|traffic|jam|queue|junction|j\d|northbound|southbound|eastbound|"
    r"westbound|slip|road|seat|row|gate|stand|ward|bay|class|lab|sector)\b)"
)
_BLOCKS_SPOKEN_OF = re.compile(
    r"(?i:\b(?:block|blocks|stair|stairs|stairwell|landing|flats?|estate|tower|floor|lift|"
    r"door|neighbours?|next[ \t]+door)\b)"
)

# -- a tenement's floor and door --------------------------------------------------

# "0/2", "2/1", "3/2", "G/L", "1/R": a floor, a slash, a door
_POSITION = r"(?:[0-4]/[0-4]|G/[LR1-4]|[0-4]/[LRM])"
# "in the 2/1", "fae the 1/2", "up the 3/2", "above the 0/1"; not "from the 2/1
# to ..." (dates)
_THE_POSITION = re.compile(
    r"(?i:\b(?:in|fae|frae|from|of|intae|into|up|doon|down|at|above|below|under|beside|"
    r"opposite|next[ \t]+to|"
    r"next[ \t]+tae)[ \t]+the[ \t]+)"
    rf"(?P<position>{_POSITION})(?![\w/.%-]|[ \t]*(?:[-–]|to\b|till\b|until\b))"
    r"(?![ \t]*(?i:favourite|fav|odds|shot|price|off|of\b|hours?|hrs?|mile|miles|way|time|"
    r"split|lead|win|defeat|loss|victory|score|scoreline|result|pints?|share|portion)\b)"
)
# Someone's or some home's word in the sentence: who lives at the position
_HOMES_OR_FOLK = re.compile(
    r"(?i:\b(?:close|stair|stairs|tenement|landing|flat|door|neighbou?rs?|neebur|upstairs|"
    r"downstairs|windae|window|windows|back[ \t]+court|live|lives|living|stay|stays|floor|"
    r"wumman|woman|wife|man|guy|boy|lassie|lass|family|folk|couple|mum|mam|maw|da|dad|gran|"
    r"granny|nan|she|he|they|her|his|their|someone|somebody|lads?|bloke)\b)"
)
# A position before an address found: "0/1 of 22 Albert Road", "2/1, 17 Craigie
# Street", "flat 3/2 at 9 Ruthven st"; "rm" before a room found
_POSITION_BEFORE = re.compile(
    rf"(?<![\w/.£$-])(?:(?i:flat|apartment)[ \t]+)?{_POSITION}[ \t]*(?:,|(?i:at|of|in))[ \t]*$"
    # a room shortened before a room found ("rm 12 Unite House")
    r"|(?i:\brm\.?)[ \t]*$"
)

# -- a house number on a named estate -----------------------------------------

_ON_THE_ESTATE = re.compile(
    r"(?i:\b(?:(?:house[ \t]+)?(?:number|num|nr\.?|no\.?)[ \t]*)"
    rf"(?P<number>\d{{1,4}}[a-z]?\b|{NUMBER_WORD})"
    r"[ \t]+on[ \t]+the[ \t]+(?:(?!estate\b)[a-z][\w'’-]*[ \t]+){1,3}estate)\b"
)
# Where someone is or lives, just before the number ("Our house is no 33",
# "im at number 9", "me mam's no 52"), not a rank ("we were number 1")
_SOMEONE_IS = re.compile(
    r"(?i:\b(?:is|am|are|at|in|live|lives|living|lived|stay|stays|reside|resides|from|"
    r"we['’]re|i['’]m|im|house|home)|['’]s)[ \t]+$"
)


def find_homes_in_blocks_and_estates(text: str) -> Iterator[Detail]:
    """A flat with its block's name, a room in a hall of residence, a
    lettered door where someone lives, a tenement's floor and door, and a
    house number on a named estate: ADDRESS spans."""
    for match in _FLAT_THEN_NAME.finditer(text):
        if match.group("block").split()[0] not in _NOT_A_BLOCK:
            yield Detail(match.start(), match.end("block"), Category.ADDRESS)
    for match in _ROOM_IN_HALL.finditer(text):
        yield Detail(match.start(), match.end(), Category.ADDRESS)
    if _BLOCKS_SPOKEN_OF.search(text):
        for match in _LETTERED_DOOR.finditer(text):
            # "flat C14" goes whole, "im in C14" keeps "im in"
            start = match.start("flat") if match.group("flat") else match.start("door")
            yield Detail(start, match.end("door"), Category.ADDRESS)
    if _HOMES_OR_FOLK.search(text):
        for match in _THE_POSITION.finditer(text):
            yield Detail(match.start("position"), match.end("position"), Category.ADDRESS)
    for address in find_addresses(text):
        lead = _POSITION_BEFORE.search(text, max(0, address.start - 20), address.start)
        if lead is not None and text[address.start : address.start + 1].isalnum():
            yield Detail(lead.start(), address.end, Category.ADDRESS)
    for match in _ON_THE_ESTATE.finditer(text):
        if _SOMEONE_IS.search(text, max(0, match.start() - 20), match.start()):
            yield Detail(match.start(), match.end(), Category.ADDRESS)
