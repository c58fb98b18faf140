"""Numbers that lead to one home, in the forms the address
finder (address.py) left (issue 15, round 7):

- a flat's word before a found address: "flat 3F2 at 27 Easter Road" (an
  Edinburgh floor-and-flat code), "apartment 4, 9 Kirk Wynd";
- an Edinburgh flat code after "flat" with no street: "flat 3F2", "PF1",
  or alone before the street: "GF1, 14 Leith Walk";
- a street's side in lower case after the street: "184 paisley rd west";
- a district after the street, with no comma: "6 High Street Blue Town",
  "3 Mill Lane Kings Heath";
- a caravan, chalet, lodge, static, pod, cabin, beach hut, allotment, plot,
  pitch, berth or mooring with its number on a holiday park, a campsite, a
  marina or a site, or with "number" said: "Trevelgue holiday park,
  caravan 112", "lodge 7 at Lakeside", "beach hut 112", "Berth C12 at
  Ocean Village marina", "caravan number 45 at Seton Sands";
- (a boat's registration moved to boats.py in round 16);
- (round 6) a Glasgow tenement flat before its street ("3/2 14 Dalmally
  Street"), a flat in a block ("flat 9 block c"), a Welsh street in lower
  case ("4 heol y deri"), a misspelt "number" in words ("numbr ninety
  three"), digits in words after a code, a card's last digits or a PIN.

Shapes are (start, end) character offsets in
:class:`~bot.safeguarding.redaction.detail.Detail`; the text is searched as
given, nothing is read from outside the module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.alerts.postcode import AREAS
from bot.safeguarding.redaction.address import (
    CHAIN,
    NUMBER_WORD,
    a_games_pitch,
    find_addresses,
)
from bot.safeguarding.redaction.detail import Category, Detail
from bot.safeguarding.redaction.lexicon import brand_spans, ordinary_words, places

# "flat ", "flat 3F2 at ", "apartment 4, ", "flat no 2 of " right before an address
_FLAT_BEFORE = re.compile(
    r"(?i:\b(?:flat|apartment|apt\.?|maisonette|room|bedsit|studio|number|no\.?)"
    r"(?:[ \t]+(?:no\.?|number))?"
    r"[ \t]*(?:\d{1,2}F\d{1,2}|[PGBM]F\d{1,2}|\d{1,4}[a-z]?|[a-h])"
    r"(?:[ \t]*,[ \t]*|[ \t]+(?:at|of|in)[ \t]+|[ \t]+))$"
)
# Edinburgh's floor and flat on their own: "flat 3F2", "flat PF1", "at 2F1"
_FLAT_CODE = re.compile(r"(?i:\b(?:flat|at|in)[ \t]+)(?-i:(?:\d{1,2}|[PGBM])F\d{1,2})\b")
# the code alone before the street: "GF1, 14 Leith Walk", "PF2 9 Comely Bank Row"
_CODE_BEFORE = re.compile(r"(?<![\w/])(?:\d{1,2}|[PGBM])F\d{1,2}(?:[ \t]*,[ \t]*|[ \t]+)$")
_BLOCK_BEFORE = re.compile(r"(?i:\bblock[ \t]+)$")
_STREET_END = re.compile(
    r"(?i:(?:road|rd|street|st|lane|ln|avenue|ave|drive|dr|way|terrace|crescent|place|row|"
    r"parade|grove|gardens))$"
)
_SIDE_AFTER = re.compile(r"(?i:[ \t]+(?:west|east|north|south|upper|lower))\b(?![ \t]+of\b)")
# a district after the street: "Blue Town", "Kings Heath", "Moss Side"
_DISTRICT_AFTER = re.compile(
    r"[ \t]+(?:[A-Z][a-z]+[ \t]+)?(?:Town|End|Green|Village|Heath|Side|Common|Estate|Vale|"
    r"Cross|Bridge)\b(?![ \t]+[A-Z])(?![ \t]*(?:Road|Street|Lane|station|Station))"
)
_HOLIDAY_HOME = (
    r"(?:caravan|static(?:[ \t]+caravan)?|chalet|lodge|pod|cabin|beach[ \t]+hut|hut|van|"
    r"mobile[ \t]+home|park[ \t]+home|holiday[ \t]+home|allotment|plot|pitch|berth|mooring|"
    r"pontoon)"
)
_HOLIDAY_NUMBER = re.compile(
    rf"(?i:\b{_HOLIDAY_HOME}(?P<said>[ \t]+(?:(?:is|was)[ \t]+)?(?:no\.?|number))?[ \t]*"
    # round 12: the number in words too, misspelt as typed ("caravan seventeen",
    # "van is number ninty-one")
    rf"(?P<number>(?-i:[A-Z])?\d{{1,4}}[a-z]?|{NUMBER_WORD}))"
    r"(?![ \t]*(?:%|am|pm|mins?|minutes?|hours?|days?|weeks?|nights?|years?|quid|pounds?|"
    r"people|of|or|times?|x|doors?|down|up|along|more|other|others|and|miles?|yards?|"
    r"metres?|feet|foot)\b)"
)
_SITE = re.compile(
    r"(?i:\b(?:holiday[ \t]+(?:park|village|centre|site)|caravan[ \t]+(?:park|site)|"
    r"camp[ \t]?site|camping|glamping|marina|harbour|moorings?|boatyard|park[ \t]+homes?|"
    r"residential[ \t]+park|leisure[ \t]+park|site|stayin[g']?|staying|allotments?|haven|butlins?|"
    r"beach[ \t]+huts?|the[ \t]+seafront|promenade)\b)"
)
# "lodge 6 at Willow Lakes": a named place after the number is its site
# (or after a comma: "Caravan 4, Hillside Farm")
_AT_A_NAMED_PLACE = re.compile(r"(?:[ \t]+(?:at|on)[ \t]+(?:the[ \t]+)?|,[ \t]*)[A-Z][a-z]+")
_LOOSE_HOLIDAY = frozenset({"van", "hut", "pod", "cabin", "lodge", "plot", "pitch"})
_OWNED_AFTER = re.compile(
    r"(?i:[ \t]+(?:is|was|'s|’s)[ \t]+(?:ours|mine|his|hers|theirs|my|our|their|where))\b"
)


def find_numbered_homes(text: str) -> Iterator[Detail]:
    """Homes found by their number in the forms listed in the module's
    docstring: ADDRESS spans (the flat's word and code to the street's end,
    the side or district after it). A boat's port letters and number are
    boats.py's (round 16)."""
    for address in find_addresses(text):
        if address.category is not Category.ADDRESS:
            continue
        start, end = address.start, address.end
        before = _FLAT_BEFORE.search(text, max(0, start - 24), start)
        if before is None:
            before = _CODE_BEFORE.search(text, max(0, start - 8), start)
        if before is None:
            # "block 4 Meadowbank flats": the block's word with its number
            before = _BLOCK_BEFORE.search(text, max(0, start - 8), start)
        if before is not None and re.search(r"\d", text[start:end]):
            start = before.start()
        if _STREET_END.search(text, start, end):
            side = _SIDE_AFTER.match(text, end)
            if side is not None:
                end = side.end()
            district = _DISTRICT_AFTER.match(text, end)
            if district is not None and text[end : district.end()].strip()[:1].isupper():
                end = district.end()
        if (start, end) != (address.start, address.end):
            yield Detail(start, end, Category.ADDRESS)
    for match in _FLAT_CODE.finditer(text):
        yield Detail(
            match.start() + len(match.group(0).split()[0]) + 1, match.end(), Category.ADDRESS
        )
    for match in _HOLIDAY_NUMBER.finditer(text):
        word = match.group(0).split()[0].lower()
        window = text[max(0, match.start() - 120) : match.end() + 60]
        if (
            not _SITE.search(window)
            and not match.group("said")
            and not _AT_A_NAMED_PLACE.match(text, match.end())
        ):
            continue  # "caravan number 45" says it is a home; "a caravan 12 feet long" does not
        if word == "pitch" and a_games_pitch(text, match.start(), match.end()):
            continue  # "pitch 12 at the sports centre" is a public place
        if word in _LOOSE_HOLIDAY and not (
            re.search(
                r"(?i:(?:\b(?:our|my|his|her|their|in|at|on|from|to|rent|rented|renting|own|"
                r"owns|have|booked)|,)[ \t]*$)",
                text[max(0, match.start() - 12) : match.start()],
            )
            # "Hut 27 is ours", at a sentence's start
            or _OWNED_AFTER.match(text, match.end())
        ):
            continue
        yield Detail(match.start(), match.end(), Category.ADDRESS)


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
_TENS = "twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|nintey|ninty"
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


def find_flats_welsh_streets_and_coded_digits(text: str) -> Iterator[Detail]:
    """A Glasgow tenement flat before its street ("3/2 14 Dalmally
    Street", "0/1 at 33 Dixon Avenue"), a flat in a block ("flat 9 block
    c"), a Welsh street in lower case ("4 heol y deri"), a house number in
    words after a misspelt "number" ("numbr ninety three"), and digits in
    words after a code, a card's last digits or a PIN ("card ends four four
    two seven"); tenement flats as ADDRESS spans from the floor/door to the
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


# A flat in a named block, then the block's street: "Flat 14, Lansbury House,
# Cable Street" (the street goes too: with the block it leads to one home).
_BLOCK_WORD = r"(?:Court|House|Lodge|Mansions|Point|Tower|Heights|Buildings|Block|Flats)"
_FLAT_BLOCK_STREET = re.compile(
    r"(?i:\b(?:flat|apartment|apt\.?)[ \t]*(?:\d{1,4}[a-z]?|[a-h])\b[ \t]*,?[ \t]*)"
    rf"(?:[A-Z][\w'’]+[ \t]+){{1,3}}{_BLOCK_WORD}(?P<street>,[ \t]*"
    r"(?:[A-Z][\w'’]+[ \t]+){1,2}(?:Street|Road|Lane|Avenue|Way|Drive|Grove|Place|Close|"
    # not "Hill": "Kingfisher House, Temple Hill" is a district
    r"Terrace|Crescent|Gardens|Row|Walk|Square|Parade)\b)"
)
# Round 14 (keep words): the block's street goes only with the postcode
# right after it ("Lansbury House, Cable Street, E1 0AF", a postal line the
# older sets label whole); said alone ("Tudor Mansions, Marylebone Road
# saying ...") it is a long street of many blocks and stays.
_POSTCODE_AFTER = re.compile(r"[ \t]*,?[ \t]*[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b")
# A flat by the shop it is over: "flat 2 above the bakery", "flat 1 over the
# chip shop"
_FLAT_OVER_SHOP = re.compile(
    r"(?i:\b(?:flat|apartment)[ \t]*(?:\d{1,4}[a-z]?|[a-h])[ \t]+(?:above|over|behind|below|"
    r"under)[ \t]+the[ \t]+(?:(?:chip|corner|paper|betting|charity|hair|fish[ \t]+and[ \t]+chip)"
    r"[ \t]+shop|[a-z'’]{3,}))\b"
)
# Round 14 (keep words): with the flat's own number and street after it
# ("Flat 7 above the launderette, 88 London Road"), the shop says nothing
# the address does not, and stays; the flat's number goes.
_FLAT_NUMBER = re.compile(r"(?i:\b(?:flat|apartment)[ \t]*(?:\d{1,4}[a-z]?|[a-h])\b)")
_NUMBERED_STREET_AFTER = re.compile(
    r"[ \t]*,[ \t]*\d{1,4}[a-zA-Z]?,?[ \t]+(?:[A-Z][\w'’]+[ \t]+){1,3}"
    r"(?:Street|St|Road|Rd|Lane|Avenue|Ave|Way|Drive|Grove|Place|Close|Terrace|Crescent|"
    r"Gardens|Row|Walk|Square|Parade|Hill)\b"
)
# Next door's or over the road's number in words after its cue: "next door
# is forty four on Beech Grove", "over the road at twenty two"
_NEIGHBOURS_NUMBER = re.compile(
    r"(?i:\b(?:next[ \t]+door|over[ \t]+the[ \t]+road|across[ \t]+the[ \t]+road|opposite)"
    r"[ \t]+(?:is|at|are|'s|at[ \t]+number)[ \t]+)"
    rf"(?P<number>{_WORD_NUMBER})(?=[ \t]+(?:on|in|at)[ \t]+[A-Z]|[ \t]*[,.;!?]|$)"
)


def find_flats_by_block_or_shop(text: str) -> Iterator[Detail]:
    """A flat in a named block with the block's street ("Flat 14, Lansbury
    House, Cable Street"), a flat by the shop it is over ("flat 2 above the
    bakery") and next door's number in words ("next door is forty four on
    Beech Grove": the number only): ADDRESS spans."""
    for match in _FLAT_BLOCK_STREET.finditer(text):
        end = match.end() if _POSTCODE_AFTER.match(text, match.end()) else match.start("street")
        yield Detail(match.start(), end, Category.ADDRESS)
    for match in _FLAT_OVER_SHOP.finditer(text):
        if _NUMBERED_STREET_AFTER.match(text, match.end()):
            flat = _FLAT_NUMBER.match(text, match.start())
            if flat is not None:
                yield Detail(flat.start(), flat.end(), Category.ADDRESS)
                continue
        yield Detail(match.start(), match.end(), Category.ADDRESS)
    for match in _NEIGHBOURS_NUMBER.finditer(text):
        yield Detail(match.start("number"), match.end("number"), Category.ADDRESS)


# Round 10 (issue 15, after the eighth unseen set): homes on residential
# sites and in named blocks, with the site or block named.
_SITE_NAME = r"(?:[A-Z][\w'’-]*[ \t]+){1,3}"
# a site where people live, in lower case: "Lower Farm caravan park", "Golden
# Sands park"; a holiday park ("Trevelgue holiday park", "Sunnyvale Holiday
# Park") is a public place and stays
# ("Beechwood Park Homes, number 31": park homes are lived in, in capitals too)
_NAMED_SITE = (
    r"(?:caravan[ \t]+(?:park|site)|(?i:residential[ \t]+park|park[ \t]+homes?|"
    r"mobile[ \t]+home[ \t]+park|traveller[ \t]+site|travellers['’]?[ \t]+site|gypsy[ \t]+site))"
)
_LIVED_ON_SITE = rf"(?:{_NAMED_SITE}|(?<!car[ \t])park)"
_PITCH_WORD = r"(?:plot|pitch|van|caravan|static|unit|lodge|chalet|bungalow)"
_PITCH_NUMBER = r"(?-i:[A-Z])?\d{1,4}[a-z]?\b"
# "Lower Farm caravan park, number 14", "Ty Gwyn caravan park, van 58"
_SITE_THEN_PITCH = re.compile(
    # after a bare "park", a pitch's own word: "Roath park, number 3 on the list" stays
    rf"{_SITE_NAME}(?:{_NAMED_SITE}[ \t]*,?[ \t]*(?i:{_PITCH_WORD}|number|no\.?|home)"
    rf"|park[ \t]*,?[ \t]*(?i:{_PITCH_WORD}))[ \t]*{_PITCH_NUMBER}"
    r"(?![ \t]*(?i:bus|route|service|%|mph|am|pm|times?|minutes?|mins?|hours?|days?)\b)"
)
# "plot 42 at Golden Sands park", "van 12 on Lower Farm caravan site"
_PITCH_THEN_SITE = re.compile(
    rf"(?i:\b{_PITCH_WORD}(?:[ \t]+(?:is|was))?(?:[ \t]+(?:number|no\.?))?)[ \t]*{_PITCH_NUMBER}"
    r"[ \t]*,?[ \t]*(?:(?i:at|on|in)[ \t]+)?"
    rf"(?:the[ \t]+)?{_SITE_NAME}{_LIVED_ON_SITE}\b"
)
_BLOCK_NAME = (
    r"(?:[A-Z][\w'’-]*[ \t]+){1,3}(?:Court|House|Hall|Halls|Lodge|Tower|Towers|Point|Heights|"
    r"Mansions|Buildings|Residence|Village)\b"
)
_ROOM = r"(?i:room|flat|apartment|apt\.?|studio|bedsit|number|no\.?)"
_ROOM_NUMBER = r"\d{1,4}[a-zA-Z]?(?:[./]\d{1,3})?\b"
_BLOCK_LETTER = r"(?i:(?:tower[ \t]+)?block|wing|tower|stair)[ \t]+[A-Z0-9]{1,2}\b"
# "room 214, Block C, Caledonian Court", "Block B room 12, Opal Court",
# "flat 9, Block 2, Riverside Heights"
_ROOM_IN_LETTERED_BLOCK = re.compile(
    rf"\b(?:{_ROOM}[ \t]*{_ROOM_NUMBER}[ \t]*,?[ \t]*{_BLOCK_LETTER}"
    rf"|{_BLOCK_LETTER}[ \t]*,?[ \t]*{_ROOM}[ \t]*{_ROOM_NUMBER})"
    rf"(?:[ \t]*,?[ \t]*(?:(?i:of|at|in)[ \t]+)?{_BLOCK_NAME})?"
)
# The hall before: "Kelvin Hall, block 3, room 207"; a flat's room: "flat 12 room C"
_HALL_BLOCK_ROOM = re.compile(
    rf"(?<![\w'’])(?!(?:Crown|Magistrates|County|Town|Village|Church|City|Civic|Community)\b)"
    rf"{_BLOCK_NAME}[ \t]*,?[ \t]*{_BLOCK_LETTER}[ \t]*,?[ \t]*{_ROOM}[ \t]*{_ROOM_NUMBER}"
    rf"|\b(?i:flat|apartment)[ \t]*{_ROOM_NUMBER}[ \t]*,?[ \t]*(?i:room|bedroom)[ \t]*"
    r"(?:[A-Z]|\d{1,3})\b"
)
_FLOOR = (
    r"(?i:\b(?:\d{1,2}(?:st|nd|rd|th)|ground|first|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth|eleventh|twelfth|top)[ \t]+floor)"
)
# "5th floor Croydon House, flat 52", "the 3rd floor of Nelson House, number
# 31"; "flat 52 on the 5th floor of Croydon House"
_FLOOR_BLOCK_ROOM = re.compile(
    rf"{_FLOOR}[ \t]*,?[ \t]*(?:(?i:of|in|at)[ \t]+)?{_BLOCK_NAME}[ \t]*,?[ \t]*"
    rf"{_ROOM}[ \t]*{_ROOM_NUMBER}"
    rf"|\b{_ROOM}[ \t]*{_ROOM_NUMBER}[ \t]*,?[ \t]*(?i:on[ \t]+)?(?i:the[ \t]+)?{_FLOOR}"
    rf"[ \t]*,?[ \t]*(?:(?i:of|in|at)[ \t]+)?{_BLOCK_NAME}"
)
# A named block, then the flat: "St Anne's Court, flat 9" (a flat's own word:
# "Town Hall, room 12" and "Crown Court, number 3" stay)
_PUBLIC_BUILDING = (
    r"(?!(?:Crown|Magistrates|County|Family|Coroner|Royal|Town|Village|Church|City|"
    r"Civic|Community|Memorial|Scout|Sports|Guild|Concert|Music|Assembly)\b)"
)
_BLOCK_THEN_FLAT = re.compile(
    rf"(?<![\w'’]){_PUBLIC_BUILDING}"
    rf"{_BLOCK_NAME}[ \t]*,?[ \t]*(?i:flat|apartment|apt\.?)[ \t]*{_ROOM_NUMBER}"
)
# a home's number where a site's homes are numbered: "home no 23", "home number 4"
# (not a landline: "Home number 0113 496 0271")
_HOME_NUMBER = re.compile(
    r"(?i:\bhome[ \t]+(?:no\.?|number)[ \t]*(?!0)\d{1,4}[a-z]?)\b(?![ \t]*\d)"
)
# "our apartment is 4C in Riverside Court", "my flat is number 12 at Jubilee House"
_FLAT_IS_IN_BLOCK = re.compile(
    r"(?i:\b(?:flat|apartment|room)[ \t]+(?:is|was)[ \t]+)"
    rf"(?P<home>(?:(?i:number|no\.?)[ \t]*)?{_ROOM_NUMBER}[ \t]+(?i:in|at|of)[ \t]+"
    rf"(?:(?i:the)[ \t]+)?{_PUBLIC_BUILDING}{_BLOCK_NAME})"
)
# "her room is 14", "my flat was number 9": one's own room or flat by its number
_OWN_ROOM_IS = re.compile(
    r"(?i:\b(?:my|her|his|their|our|mum['’]?s|mam['’]?s|nan['’]?s|dad['’]?s)[ \t]+"
    r"(?:room|flat|bedsit|cabin|chalet|lodge)(?:[ \t]+(?:number|no\.?))?"
    r"(?:[ \t]+(?:is|was)|['’]s)[ \t]+)"
    r"(?P<home>(?:(?i:number|no\.?)[ \t]*)?(?-i:[A-Z])?(?!0)\d{1,4}[a-zA-Z]?)\b"
    r"(?![ \t]*(?:%|(?i:years?|mins?|minutes?|hours?|days?|pounds?|quid|degrees|feet|foot|"
    r"metres|m2|sq|square|by|x|floors?|doors?|stairs|steps|flights?)\b))"
)
# "Me mam's at 27b, the flat over the bookies": someone's, where they live;
# a letter after the number or a comma ("my mum's at 3 today" is a time)
_FAMILYS_AT = re.compile(
    r"(?i:\b(?:mam|mum|mom|nan|nana|gran|grandad|grandma|dad|sister|brother|auntie|aunt|"
    r"uncle)['’]?s[ \t]+at[ \t]+)(?P<home>[1-9]\d{0,2}[a-hA-H]\b|[1-9]\d{0,2}(?=,))"
)
# "We're house 7 on the new estate", "she lives in house 12"
_WE_ARE_HOUSE = re.compile(
    r"(?i:\b(?:we['’]re|we[ \t]+are|i['’]m|im|i[ \t]+am|they['’]re|they[ \t]+are|she['’]s|"
    r"he['’]s|live[sd]?[ \t]+(?:in|at)|living[ \t]+(?:in|at))[ \t]+)"
    r"(?P<house>(?i:house)[ \t]+(?!0)\d{1,4}[a-z]?)\b"
    r"(?![ \t]*(?:\d|%|(?i:times?|mins?|minutes?)\b))"
)
# a room with a dot in its number: "room 3.14 in Hollings Hall"
_DOTTED_ROOM = re.compile(r"(?i:\b(?:room|flat|studio)[ \t]+(?:no\.?[ \t]*)?\d{1,2}\.\d{1,3})\b")


def find_homes_on_sites_and_in_blocks(text: str) -> Iterator[Detail]:
    """A home on a site where people live, with the site named ("Lower Farm
    caravan park, number 14", "plot 42 at Golden Sands park": a holiday
    park's name stays), a room or flat in a lettered block ("room 214,
    Block C, Caledonian Court"), a floor of a named block with the flat
    ("5th floor Croydon House, flat 52") and a room with a dot in its number
    ("room 3.14"): ADDRESS spans, start and end character offsets."""
    for pattern in (
        _SITE_THEN_PITCH,
        _PITCH_THEN_SITE,
        _ROOM_IN_LETTERED_BLOCK,
        _HALL_BLOCK_ROOM,
        _FLOOR_BLOCK_ROOM,
        _DOTTED_ROOM,
        _BLOCK_THEN_FLAT,
        _HOME_NUMBER,
    ):
        for match in pattern.finditer(text):
            yield Detail(match.start(), match.end(), Category.ADDRESS)
    for match in _WE_ARE_HOUSE.finditer(text):
        yield Detail(match.start("house"), match.end("house"), Category.ADDRESS)
    for match in _FAMILYS_AT.finditer(text):
        yield Detail(match.start("home"), match.end("home"), Category.ADDRESS)
    for match in _OWN_ROOM_IS.finditer(text):
        yield Detail(match.start("home"), match.end("home"), Category.ADDRESS)
    for match in _FLAT_IS_IN_BLOCK.finditer(text):
        yield Detail(match.start("home"), match.end("home"), Category.ADDRESS)


# Round 11 (issue 15, after the ninth unseen set): a home's number with what
# the writer gave after it in place of a street.
# Edinburgh's floor and flat after the postcode or the street, after a comma:
# "14 Gorgie Road, EH11 2NP, flat 1F3", "EH4 1DT, PF2" (the flat's word goes too)
_FLAT_CODE_AFTER = re.compile(
    r",[ \t]*(?P<flat>(?i:(?:flat|apartment|apt\.?)[ \t]+)?(?-i:(?:\d{1,2}|[PGBM])F\d{1,2}))\b"
)
_POSTCODE_END = re.compile(r"(?i:\b\d[A-Z]{2})$")
# After a found house number ("number fifteen", "number 7"): an estate named
# with no street's word, "on the Greenacres", "on the Meadows estate"
_ON_THE_ESTATE = re.compile(
    r"[ \t]+on[ \t]+the[ \t]+(?!(?:Left|Right|Corner|End|Way|Bus|Train|Phone|Internet|News|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Weekend)\b)"
    r"[A-Z][a-z'’-]{2,}(?:[ \t]+(?i:estate|est)\b"
    # with no estate's word, the name ends the clause: "on the Tuesday rota" stays
    r"|(?=[ \t]*(?:[,.;:!?)\n]|$|(?:and|in|near|by|off|next|behind|opposite|with|where)\b)))"
)
# a Welsh house name after the number: "number 2 Craig y Don", "no 4 Pen yr Allt",
# "number 9 Tŷ'r Ysgol"
_WELSH_LINK = r"(?:y|yr|ar|'r|’r|an|a['’]r)"
_WELSH_HOUSE_NAME = re.compile(
    r"[ \t]+(?P<name>[A-ZŶŴ][\wâêîôûŵŷ'’-]+(?:[ \t]+" + _WELSH_LINK + r"|['’]r)"
    r"[ \t]+[A-ZŶŴ][\wâêîôûŵŷ'’-]+)"
)
_HOUSE_NUMBER_ONLY = re.compile(
    r"(?i:(?:number|no\.?|num|house)[ \t]*(?:\d{1,4}[a-z]?|[a-z]+(?:[ -][a-z]+)?))$"
)


def find_flat_codes_estates_and_welsh_names(text: str) -> Iterator[Detail]:
    """Round 11: an Edinburgh flat after the postcode or street ("EH11 2NP,
    flat 1F3", "EH4 1DT, PF2": the flat's word and code), a house number
    with an estate named after it and no street's word ("number fifteen on
    the Greenacres") and a house number with a Welsh house name ("number 2
    Craig y Don"): ADDRESS spans, start and end character offsets."""
    addresses = [a for a in find_addresses(text) if a.category is Category.ADDRESS]
    ends = {a.end for a in addresses}
    for match in _FLAT_CODE_AFTER.finditer(text):
        before = text[max(0, match.start() - 6) : match.start()]
        if _POSTCODE_END.search(before) or match.start() in ends:
            yield Detail(match.start("flat"), match.end("flat"), Category.ADDRESS)
    for address in addresses:
        if not _HOUSE_NUMBER_ONLY.search(text[address.start : address.end]):
            continue
        estate = _ON_THE_ESTATE.match(text, address.end)
        if estate is not None:
            yield Detail(address.start, estate.end(), Category.ADDRESS)
    for match in re.finditer(r"(?i:\b(?:number|no\.?)[ \t]*\d{1,4}[a-z]?)(?=[ \t])", text):
        welsh = _WELSH_HOUSE_NAME.match(text, match.end())
        if welsh is not None:
            yield Detail(match.start(), welsh.end(), Category.ADDRESS)


# Round 12 (issue 15, after the tenth unseen set): a home's number with less
# around it than the finders above need.
# A street's word at the end of a found address, in any case: "3 Wyndham rd"
_ANY_STREET_END = re.compile(
    r"(?i:\b(?:road|rd|street|st|lane|ln|avenue|ave|drive|dr|way|terrace|tce|crescent|cres|"
    r"close|cl|place|pl|row|parade|grove|gardens|gdns|walk|court|ct|hill|rise|view|mews|square|"
    r"sq))$"
)
# the postcode district right after it, in lower case as typed: "rd b16", "st, ls6"
# (a road number or a motorway's junction is not one: "rd m6 junction 7")
_DISTRICT_RIGHT_AFTER = re.compile(
    # a town or district may stand between: "3 Wyndham rd, Edgbaston b16"
    r"(?:[ \t]*,?[ \t]*(?P<town>[A-Za-z][a-z'’-]+(?:[ \t]+[A-Za-z][a-z'’-]+)?)(?=[ \t,]))?"
    r"[ \t]*,?[ \t]*(?P<district>[a-z]{1,2}\d{1,2}[a-z]?)\b"
    r"(?![ \t]*(?:\d[a-z]{2}\b|(?i:junction|jct|j\d|motorway|northbound|southbound|bus|road|"
    r"rd|exit|slip)\b))"
)
# a house number with its letter after "at", where the clause says someone
# lives there: "I live right above it at 140a", "we're at 27b", "my mum lives at 4c"
_LIVES_AT_LETTERED = re.compile(
    r"(?i:\b(?:live[sd]?|living|stay(?:s|ed|ing)?|we['’]re|i['’]m|im|she['’]s|he['’]s|"
    r"they['’]re|(?:my|our|her|his|their)[ \t]+(?:flat|house|home|place)[ \t]+is)\b"
    r"[^.,;!?\n]{0,40}?\bat[ \t]+)"
    # not a time: "at 7a.m."
    r"(?P<home>[1-9]\d{0,3}(?-i:[a-hA-H]))\b(?![ \t]*[-/]?[ \t]*\d|\.[ \t]*m\b)"
)
# a number, a street named with no street's word, a comma and a known town:
# "27 Kingsway, Cleethorpes", "4 Broadway, Letchworth" (the town stays)
_STREET_THEN_TOWN = re.compile(
    r"(?<![\w£$€.,/:'’-])(?P<home>[1-9]\d{0,3}[a-h]?[ \t]+"
    # in lower case only with a street's own ending: "27 kingsway, cleethorpes"
    r"(?P<street>[A-Za-z][a-z]{3,}(?:[ \t]+[A-Z][a-z]{3,})?))(?P<comma>[ \t]*,)?[ \t]+"
    r"(?P<town>[A-Za-z][\w'’-]+(?:[ \t]+(?:[A-Z][\w'’-]+|upon|on|in|le|by)){0,2})"
)
# what an address follows: a sentence's start, a comma, "at", "is", "to", "address"
_ADDRESS_CUE_BEFORE = re.compile(
    r"(?:^|[.!?:;(\n,]|(?i:\b(?:at|is|to|address|from|outside|opposite|near|house|home|"
    r"lives?|living|me|us|round|by|it['’]s|its)))[ \t]*$"
)
# shops found in every town, never a street: "3 Tesco, Grimsby"
_CHAIN = CHAIN
# a street's own ending, which says "street" without the word: "Kingsway", "Northgate"
_STREET_SUFFIX = re.compile(r"(?i:[a-z]{3,}(?:way|gate|side|field|fields|bank|croft|meadow|dale)$)")


def _a_known_place(words: str) -> bool:
    return re.sub(r"[ \t]+", " ", words.replace("’", "'")).lower().strip() in places()


def _a_town_first(words: str) -> bool:
    """Whether ``words`` start with a known town: "Cleethorpes Council" does."""
    parts = words.split()
    return any(_a_known_place(" ".join(parts[:n])) for n in range(len(parts), 0, -1))


def find_districts_and_bare_house_numbers(text: str) -> Iterator[Detail]:
    """Round 12: the postcode district typed in lower case right after a
    found street ("3 Wyndham rd b16": POSTCODE over "b16", a real postcode
    area only; "the A38" and "the M6 at junction 7" are not districts), a
    house number with its letter after "at" where the clause says someone
    lives there ("I live right above it at 140a": ADDRESS over "140a"), and
    a number with a street named with no street's word before a comma and
    a known town ("27 Kingsway, Cleethorpes": ADDRESS over "27 Kingsway",
    the town stays; with no comma or in lower case only a name that ends
    like a street, "27 kingsway cleethorpes"). A known town may stand
    between the street and its district ("3 wyndham rd, birmingham b16").
    Start and end are character offsets into ``text``."""
    for address in find_addresses(text):
        if address.category is not Category.ADDRESS:
            continue
        if not _ANY_STREET_END.search(text, address.start, address.end):
            continue
        district = _DISTRICT_RIGHT_AFTER.match(text, address.end)
        if district is None or (
            district.group("town") is not None and not _a_known_place(district.group("town"))
        ):
            continue
        area = re.match(r"[a-z]+", district.group("district"))
        if area is not None and area.group(0).upper() in AREAS:
            yield Detail(district.start("district"), district.end("district"), Category.POSTCODE)
    for match in _LIVES_AT_LETTERED.finditer(text):
        yield Detail(match.start("home"), match.end("home"), Category.ADDRESS)
    for match in _STREET_THEN_TOWN.finditer(text):
        if not _ADDRESS_CUE_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue  # "I have 2 Leeds, York tickets"
        street = match.group("street")
        last = street.split()[-1].lower()
        if (street[0].islower() or not match.group("comma")) and not _STREET_SUFFIX.search(street):
            continue  # "i paid 5 quid, leeds"; "27 Kingsway Cleethorpes" has a street's ending
        if _CHAIN.match(street):
            continue  # "I'm at 3 Tesco, Grimsby"
        if not _a_town_first(match.group("town")) or (
            _a_known_place(street) and not _STREET_SUFFIX.search(street)
        ):
            continue  # "3 Tesco, Grimsby" has no known town; "2 Leeds, York" is two towns
        if last in ordinary_words() and not _STREET_SUFFIX.search(last):
            continue  # "3 Lads, Hull", "2 Marines, Plymouth"
        if any(s < match.end("street") and match.start() < e for s, e in brand_spans(text)):
            continue  # "5 Greggs, Leeds"
        yield Detail(match.start("home"), match.end("home"), Category.ADDRESS)
