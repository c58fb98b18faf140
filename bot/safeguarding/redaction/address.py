"""House number + street: "14 Elm Road", "Flat 3, 22 High Street",
"7 The Crescent", "9 The Paddocks", "twelve Elm Road", "33 fern st"; a house
or flat number alone ("the bloke at number 31", "no 9", "flat 4b, Kenton
House", "i live at 27"). A street named without a house number is not a
personal detail ("speeding on Elm Road") and stays, and so does a bus's, a
list's or a service's number ("the number 12 bus", "number 101")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.lexicon import ordinary_words, street_types

# How far back a cue before a match is looked for: the cues are a few words
# long, and searching from the start each time made long texts quadratic.
_LOOK_BACK = 80


# The words a street's name ends in ("Road", "Wynd", "Loan", "Tce"), from
# data/street_types.txt (Royal Mail PAF and OS road-name conventions; round
# 20), longest first; "Cross" only with its capital ("3 Trubshaw Cross", not
# "2 lads cross"). Built on first use, not at import: a copy of forumbot
# without its data files is then refused by the start-up check in one line.
@cache
def street_types_pattern() -> str:
    """The street types as one regular-expression alternation, longest
    first ("Crescent|...|Rd"), "Cross" only with its capital."""
    return "|".join([*sorted(street_types(), key=lambda word: (-len(word), word)), "(?-i:Cross)"])


_CAPITAL_WORD = r"[A-Z][\w'’.-]*"
_ANY_WORD = r"(?:[A-Z][\w'’.-]*|[a-z][a-z'’]+)"
_UNIT_WORD = "one|two|three|four|five|six|seven|eight|nine"
# "twelve", "twenty-two", "forty one": a house number as a word.
_BELOW_HUNDRED = (
    rf"(?:(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|nintey|ninty)"
    rf"(?:[- ](?:{_UNIT_WORD}))?"
    # misspelt as people type them: "ninteen", "fourty two", "eightteen"
    rf"|ten|eleven|twelve|thirteen|fourteen|fifteen|fithteen|sixteen|seventeen|eighteen"
    rf"|eightteen|nineteen|ninteen|nineten"
    rf"|{_UNIT_WORD})"
)
# up to "two hundred and four"
_NUMBER_WORD = (
    rf"(?:(?:(?:a|one|{_UNIT_WORD})[- ]hundred(?:(?:[- ]and)?[- ]{_BELOW_HUNDRED})?)"
    rf"|{_BELOW_HUNDRED})\b"
)
# the same, for other modules' patterns (numbered.py's caravans and pitches)
NUMBER_WORD = _NUMBER_WORD
# the street types, for street_corners.py
# "Flat 3, ", "flat 2b ", "Flat 12, Beechwood Court, "
_BUILDING = (
    r"(?:[A-Z][\w'’]+\s+){1,3}(?:Court|House|Lodge|Mansions|Point|Tower|Heights|Buildings|"
    r"Block),?\s+"
)
# A flat's number: "3", "3b", "2/1" (Scotland's floor and door), "B", "nine".
_FLAT_NUMBER = rf"(?:\d{{1,4}}[a-z]?(?:/\d{{1,2}})?\b|(?-i:G/[LR1-9]|[A-H])\b|{_NUMBER_WORD})"
# "Flat 3, ", "flat 6 of ", "flat nine at ", "Apartment 4, "
_FLAT = (
    rf"(?:(?:(?:flat|apartment|apt\.?|unit)\s*{_FLAT_NUMBER}"
    # Edinburgh's floor and flat: "2F1, 14 Marchmont Road"
    r"|\d{1,2}F\d{1,2}"
    # "Ground Floor Flat, 3 Marine Parade", "Basement flat at 27 Oxford Gardens"
    r"|(?:ground|first|second|third|top|upper|lower|basement|garden|attic)\s+(?:floor\s+)?"
    r"(?:flat|apartment|maisonette))"
    rf",?\s+(?:(?:of|at|in)\s+)?(?-i:{_BUILDING})?)?"
)
# "14", "14a", "14-16", "1 0 4" (figures typed apart), "twelve"
_HOUSE = (
    # "14/2 Leith Walk" (the house, then the flat), "27 - 29 Church Street"
    rf"(?P<house>\d{{1,4}}[a-zA-Z]?(?:/\d{{1,2}}|[ \t]?[-–][ \t]?\d{{1,4}})?"
    rf"|\d(?:[ \t]\d){{1,2}}(?=[ \t]+[A-Z])"
    # "fifty seven b Albert Street": a house in words with its letter
    rf"|(?i:{_NUMBER_WORD})(?:[ \t](?-i:[a-hA-H])(?=[ \t]+[A-Z]))?),?"
)


# A street's side or part after its type: "47 Paisley Rd West", "Bouverie
# Road West", "High Street North"; round 15: "17 Nelson Road Central" and
# the same in lower case ("9 station rd east"), not a compass point before
# "of" or a place ("Road North of the river", "Street Central London"), also
# after a shortened word's full stop ("23 Queens Rd. West").
_QUARTER = (
    r"(?:\.?[ \t]+(?:North|South|East|West|Upper|Lower|Central"
    r"|(?<=[a-z])(?:north|south|east|west|upper|lower|central))"
    r"(?![ \t]+(?:of\b|[A-Z])))?\b"
)
# Welsh and Gaelic streets put their street word first: "6 Heol y Nant",
# "14 Stryd y Castell", "3 Lôn Las", "22 Ffordd yr Orsaf", "5 Maes y Dre",
# "12 Sràid na h-Eaglaise". The same words alone, with no house number, stay.
_FIRST_STREET_WORDS = (
    r"(?:Heol|Hewl|Stryd|Ffordd|Lôn|Lon|Maes|Rhodfa|Cilgant|Clos|Rhes|Teras|Llwyn|Cwrt|"
    # with a house number before them, hill, field, court and the like: "4 Bryn
    # Teg", "9 Cae Glas", "2 Llys Afon", "6 Parc y Llyn", "11 Pen y Bryn"
    r"Bryn|Cae|Llys|Parc|Erw|Bro|Dol|Glan|Gwel|Pen|Tan|Plas|Pant|Cefn|Coed|Tyn|Tŷ|"
    r"Sràid|Sraid|Rathad|Ceum|Cnoc)"
)
_WELSH_LINK = r"(?:y|yr|'r|na|nan|an|a'|nam|nan)"


@cache
def _street_type_word() -> re.Pattern[str]:
    return re.compile(rf"(?i:{street_types_pattern()})")


# "5 Bryn Road", "3 Pen-y-Lan Terrace": the Welsh words of a name before its
# street type, at most so many.
_WELSH_NAME_WORDS = 4
# A Welsh street in one word after a house number ("11 Glanrafon", "4
# Maesyderi", "2 Brynteg"), when the text says an address is coming: one of
# the Welsh street words with the rest of the name joined on.
_WELSH_ONE_WORD = (
    r"(?:Glan|Bryn|Pen|Maes|Cae|Llys|Plas|Pant|Cefn|Coed|Tyn|Heol|Erw|Gwel|Dol|Tan)"
    r"[a-zŵŷâêîôû]{3,}"
)


# Round 19 (the sixteenth set's "we r no 4 maes y coed", "at 5 glan y mor,
# rhosneigr"): a Welsh street typed in lower case, after words that say an
# address is coming. A street word that is only a street word ("heol",
# "maes") may stand alone before the name; one that is also English or
# text-speak ("pen", "tan", "bro", "parc") needs the Welsh article after it
# ("pen y bryn"). One word of name: the town after it stays.
_LOWER_WELSH_STREET = (
    r"(?:(?:heol|hewl|stryd|ffordd|lôn|maes|rhodfa|cilgant|teras)(?:[ \t-]+(?:y|yr))?"
    r"|(?:bryn|cae|llys|parc|erw|dol|glan|gwel|pen|tan|plas|pant|cefn|coed|tyn|tŷ|lon|clos|"
    r"rhes|llwyn|cwrt)[ \t-]+(?:y|yr))"
    r"[ \t-]+[a-zŵŷâêîôûô][a-zŵŷâêîôû'’]+"
)


def _address(name_word: str, lead: str = "", welsh_lower: bool = False) -> re.Pattern[str]:
    welsh = rf"|{_FIRST_STREET_WORDS}(?:(?:[ \t-]+{_WELSH_LINK})?[ \t-]+[A-Z][\w'’-]*){{1,3}}" + (
        rf"|{_LOWER_WELSH_STREET}\b" if welsh_lower else ""
    )
    return re.compile(
        rf"{lead}(?i:(?:number\s+|no\.?\s*)?{_FLAT})\b{_HOUSE}\s+"
        rf"(?:(?:(?i:the)\s+(?:{name_word}\s+){{0,2}}|(?:{name_word}\s+){{1,3}})"
        rf"(?i:{street_types_pattern()})\b{_QUARTER}"
        rf"{welsh})"
    )


# Street names in capitals anywhere; in lower case ("14 elm road") after
# words that introduce an address, or anywhere before the commonest street
# words ("33 fern st", "8 gladstone rd"), the count check below keeping
# "3 cars down the road"; "junction 4 slip road" stays.
@cache
def _addresses() -> tuple[re.Pattern[str], ...]:
    return (
        _address(_CAPITAL_WORD),
        _address(
            _ANY_WORD,
            lead=r"(?i:(?<=\bat )|(?<=\bis )|(?<=\bnumber )|(?<=\bno )|(?<=\bfrom )|(?<=\bto )"
            # round 14: after living "in" or being somewhere: "im in 7 meadow view",
            # "we are 7 meadow view" (not "in 3 separate close calls")
            r"|(?<=\blive in )|(?<=\blives in )|(?<=\bliving in )|(?<=\bstay in )|(?<=\bstays in )"
            r"|(?<=\bim in )|(?<=\bi'm in )|(?<=\bi’m in )|(?<=\bi am in )|(?<=\bwe're in )"
            r"|(?<=\bwe’re in )|(?<=\bwe are in )|(?<=\bwe r in )|(?<=\bmoved in )"
            r"|(?<=\bmoved into )|(?<=\bwe are )|(?<=\bwe're )|(?<=\bwe’re )|(?<=\bwe r ))",
            welsh_lower=True,
        ),
        re.compile(
            rf"(?<![\w£$.,:/-])(?i:{_FLAT})\b{_HOUSE}\s+(?:[a-z][a-z'’]+\s+){{1,2}}"
            r"(?:road|rd|street|st|lane|ln|avenue|ave|close|crescent|gardens|gdns|grove|terrace|mews|"
            # round 17: a street word shortened as typed, "18 dalby sq", "4 elm cres"
            r"sq|cres|tce|pde|"
            # not "st 2", "rd xx"; "rd in skeg" is a street
            # "14 peel st n wont leave": a texted "n" is "and"
            r"drive)\b(?!\s*(?:\d|(?!(?:in|on|at|is|by|to|an|nr|n)\b)[a-z]{1,2}\b))"
        ),
        # "9 The Paddocks", "2 The Glade": "The" and one name are a street.
        re.compile(
            rf"(?<![\w£$.,:/-])(?i:{_FLAT})\b{_HOUSE}\s+The\s+(?P<street>[A-Z][a-z]{{2,}})\b"
        ),
    )


_LOWER_CASE_ANYWHERE = 2
# A street named in one word ("12 Greenway", "2 Kingsway"), when the text
# says an address is coming.
_ONE_WORD_STREET = re.compile(
    r"(?:(?i:(?:\bat|\baddress(?: is)?:?|\blive at|\bfrom|\bto|\bin|\bis)\s+)"
    # or "number" itself says it: "number eight Ashgrove"
    r"|(?=(?i:number|no\.?)\s*\w)"
    # or a flat before it: "Apt. 7, 31 Kirkgate"
    r"|(?=(?i:flat|apartment|apt\.?|unit)\s*\w+,?\s+\d))"
    rf"((?i:(?:flat|apartment|apt\.?|unit)\s*{_FLAT_NUMBER},?\s+(?:(?:of|at|in)\s+)?)?"
    rf"(?:(?i:number|no\.?)\s*)?(?:\d{{1,4}}[a-z]?|(?i:{_NUMBER_WORD})),?\s+"
    r"(?:[A-Z][a-z]+(?:way|gate|green|side|field|fields|wood|dale|hurst|croft|"
    r"mead|ridge|walk|lands|bury|hill|hills|grove|bank|brook|moor|view|rise|lea|leigh|ley|"
    r"heath|downs|crest|dene|combe|cote|garth|nook|haven|vale|mere|wick|stead|holme|acre|"
    r"acres|quay|wharf|water|well|wells|mount|court|park|row|yard|end|ings)\b"
    rf"|{_WELSH_ONE_WORD}\b(?![ \t]+[A-Z])))"
    # not a public place named so: "at 7 Westfield shopping centre"
    r"(?![ \t]+(?i:shopping|centre|center|station|school|academy|college|church|hospital|"
    r"surgery|library|leisure|sports|retail|business|industrial|tube|bus)\b)"
)
# After the street, its number: " number 9", " no. 12", " at number 190",
# ", house 112", " at house number 4"; not ", number 26" (a comma, then
# "number": the street and, apart, a house number alone).
_NUMBER_AFTER_STREET = (
    r"(?:\s+(?i:at\s+)?|(?i:,?\s+(?:at\s+)?(?=house\b)))"
    r"(?i:(?:house\s+)?(?:number|no\.?|nr\.?|num)\s*|house\s+)"
    rf"(?:\d{{1,4}}[a-z]?\b|(?i:{_NUMBER_WORD}))"
)


# The street, then the number: "Birch Avenue number 9", "Clifton Road no. 12"
@cache
def _street_then_number() -> re.Pattern[str]:
    return re.compile(
        # no comma between: "Acacia Avenue, number twenty six" is the street and,
        # apart, a house number alone (taken below)
        rf"\b(?:{_CAPITAL_WORD}\s+){{1,3}}(?i:{street_types_pattern()}){_NUMBER_AFTER_STREET}"
    )


# The street in lower case, then the number: "girlington rd, house 112",
# "elm road at number 4"; the street's name not an ordinary word (not "the
# main road at number 4", whose number alone is taken below).
_LOWER_STREET_THEN_NUMBER = re.compile(
    r"\b(?P<name>[a-z][a-z'’]{2,})\s+"
    r"(?:road|rd|street|st|lane|ln|avenue|ave|close|crescent|drive|terrace|grove|way)"
    rf"{_NUMBER_AFTER_STREET}"
)
# Which floor, after the address: "..., top floor", "12 Elm Road, ground floor flat"
_FLOOR_AFTER = re.compile(
    r"(?i:,?[ \t]+(?:the[ \t]+)?(?:top|ground|first|second|third|fourth|fifth|upper|lower|"
    r"basement|1st|2nd|3rd|4th|5th)[ \t]+floor(?:[ \t]+(?:flat|front|back|rear))?"
    # which door on the landing: "number 112, top floor left"
    r"(?:[ \t]+(?:left|right|middle|centre|center))?)\b"
)
# Words that, lowercase, mean the number is a count, not a house
# ("3 cars down the road", "2 kids on the street").
_COUNTED = re.compile(
    rf"^(?:\d+|(?i:{_NUMBER_WORD}))\s+(?:times?|nights?|nites?|evenings?|mornings?|cars?|kids?|men|lads|boys|girls|people|youths|houses?|doors?|minutes?|"
    r"mins?|hours?|days?|weeks?|months?|years?|of|or|and|to|more|in|on|at|up|down|along|"
    r"across|from|off|into|onto|near|by|per|a|an|the)\b",
)
_FLAT_COUNTED = re.compile(
    r"^\S+\s+(?:doors?|floors?|stor(?:e)?ys?|times?|nights?|nites?|evenings?|mornings?|minutes?|mins?|hours?|days?|weeks?|months?|"
    r"years?|people|of|or|to|more|x|by)\b",
    re.IGNORECASE,
)
_ORDINARY_WORDS = word_set(
    "the a an and or of to in on at up down along across from off into near by per for "
    "with is was are were be been mph kph mile miles metres yards feet foot year years yr yrs "
    "old minute minutes min mins"
)


# A house or flat number alone: "the bloke in number 31", "the family at no
# 9", "No. 4 parks on the pavement", "emeka from flat 12", "flat 4b, Kenton
# House", and a bare number where someone lives ("i live at 27", "my
# neighbour at 14a"). Not a bus's, a route's, a list's or a service's number.
_FLAT_ALONE = re.compile(
    rf"(?i:\b(?:flat|apartment|apt(?=\.?\s*\d)\.?|room|bedsit|plot|berth|mooring|pitch|unit|caravan|chalet)(?:\s+(?:number|no\.?))?\s*"
    # "flat 2/1": Scotland's floor and door
    rf"(?:\d{{1,4}}[a-z]?(?:/\d{{1,2}})?\b|{_NUMBER_WORD}))"
    # a holiday park's name stays: "plot 31 at Sunnyvale Holiday Park" (a public site)
    r"(?:(?!,?\s+(?:(?i:at|in|of)\s+)?(?:[A-Z][\w'’]+\s+){1,2}(?:Holiday|Caravan|Country|Leisure)"
    r"\s+(?:Park|Village|Centre)\b)"
    rf",?\s+(?:(?i:at|in|of)\s+)?(?:[A-Z][\w'’]+\s+){{1,3}}(?:Court|House|Lodge|Mansions|Point|"
    r"Tower|Heights|Buildings|Block|Flats|Apartments|Place|Hall|Gardens|Close|Yard|Wharf|Mill|"
    # a unit or plot on an estate: "unit 4, Riverside Trading Estate", "plot 12, Meadow View"
    r"Estate|View|Park|Centre|Works)\b)?"
)
# Round 12: a numbered pitch where games are played is a public place, kept
# ("pitch 3 at Hough End playing fields"); on a campsite it is someone's
_SPORTS = re.compile(
    r"(?i:\b(?:playing[ \t]+fields?|sports?[ \t]+(?:centre|ground|club|field|park)|"
    r"football|rugby|cricket|hockey|netball|astro(?:turf)?|5[ -]a[ -]side|five[ -]a[ -]side|"
    r"league|match|training|under[ -]?\d{1,2}s?|u\d{1,2}s?|ref(?:eree)?|kick[ -]?off)\b)"
)
_CAMPING = re.compile(
    r"(?i:\b(?:camp[ \t]?site|camping|glamping|tents?|caravans?|motorhomes?|campervans?|"
    r"holiday[ \t]+(?:park|village)|touring)\b)"
)


def a_games_pitch(text: str, start: int, end: int) -> bool:
    """Whether the pitch at ``text[start:end]`` ("pitch 3") is one where
    games are played, a public place, by the words within 120 characters
    before and 80 after: a game's or a ground's word and no camping word."""
    window = text[max(0, start - 120) : end + 80]
    return bool(_SPORTS.search(window)) and not _CAMPING.search(window)


# Round 15: a room in a public building ("Room 2 at the Town Hall", "room 4 in
# the library", "Room 3 at Snaresbrook Crown Court") and the television's and
# the novel's "Room 101", said with no one's word or place's word before it,
# are nobody's home.
_PUBLIC_BUILDING_AFTER = re.compile(
    r"[ \t]*,?[ \t]*(?i:at|in|of)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’]+[ \t]+){0,3}"
    r"(?i:(?:town|village|church|community|parish|memorial|guild|civic|scout|sports|concert|"
    r"drill|masonic|miners['’]?|city|county)[ \t]+hall|library|centre|center|station|hospital|"
    r"infirmary|clinic|surgery|school|college|university|church|museum|council|offices?|civic|guildhall|chapel|mosque|"
    r"gurdwara|temple|crown[ \t]+court|magistrates['’]?[ \t]+court|county[ \t]+court|"
    r"family[ \t]+court|police[ \t]+station)\b"
)
_SOMEONES_ROOM = re.compile(
    r"(?i:\b(?:my|our|his|her|their|your|in|at|from|to|into|outside|live|lives|living)[ \t]+)$"
)


def _a_public_room(text: str, match: re.Match[str]) -> bool:
    """Whether ``match`` (a room's number, "Room 2") is a public building's
    room or the television's "Room 101"."""
    if not match.group(0).lower().startswith("room"):
        return False
    # after the number, whether or not the building was taken with it
    number = re.match(r"(?i:room)(?:\s+(?:number|no\.?))?\s*[^\s,]+", match.group(0))
    after = match.start() + (number.end() if number else len(match.group(0)))
    if _PUBLIC_BUILDING_AFTER.match(text, after):
        return True
    return match.group(0) == "Room 101" and not _SOMEONES_ROOM.search(
        text, max(0, match.start() - 12), match.start()
    )


_LOOSE_UNITS = frozenset({"unit", "caravan", "chalet"})
_UNIT_LEAD = re.compile(
    r"(?i:\b(?:at|in|from|to|into|outside|opposite|near|on|our|my|his|her|their|your|the|"
    r"of|live|lives|living|rent|rents|renting|own|owns|burgled|broken[ \t]+into)[ \t]+)$"
)
_HOUSE_OR_WORD = rf"(?:\d{{1,4}}[a-z]?\b|{_NUMBER_WORD})"
_NUMBER_ALONE = re.compile(
    rf"(?i:(?:\b(?:house\s+)?(?:number|num|nr\.?|no\.)|(?<![\w&])\#)\s*{_HOUSE_OR_WORD}"
    r"|(?:(?<=\bat )|(?<=\bin )|(?<=\bfrom )|(?<=\bto )|(?<=\bof )|(?<=\boutside )"
    r"|(?<=\bopposite )|(?<=\bnear )|(?<=\bby )|(?<=^)|(?<=\n)|(?<=[.!?] ))"
    rf"no\s*{_HOUSE_OR_WORD})"
)
# "my house number is 12", "door number: 7"; "house no 12" (not a phone's
# "home number 0113 ...")
_HOUSE_NUMBER_IS = re.compile(
    r"(?i:\b(?:house|door|flat|home)[ \t]+(?:number|no\.?)[ \t]*(?:is|was|:)[ \t]*"
    rf"{_HOUSE_OR_WORD}|\b(?:house|door)[ \t]+no\.?[ \t]*(?!0){_HOUSE_OR_WORD})"
)
# "my neighbour kev at 45 he drives home", "the lads next door at 68 are
# playing music": a bare number after "at" that people do things at, in a
# sentence about neighbours or homes.
_AT_NUMBER_WHO = re.compile(
    r"\bat[ \t]+(\d{1,3}[a-z]?)\b(?=[ \t]+(?i:he|she|they|who|is|are|was|were|has|have|keeps?|"
    r"plays?|parks?|lets?|leaves?|drives?|shouts?|screams?|and[ \t]+(?:his|her|their))\b)"
)
_ABOUT_HOMES = re.compile(
    r"(?i:\bn(?:ei|ie|e|a)(?:gh|g)?b(?:ou|o|e|a)?rs?\b|next[ \t]+door|\blives?\b|\bliving\b|"
    r"\bhouse\b|\bflat\b|\bover the road\b|\bopposite\b|\bacross the road\b)"
)
_BARE_HOUSE = re.compile(
    r"(?i:\b(?:live|lives|living|lived|n(?:ei|ie|e|a)(?:gh|g)?b(?:ou|o|e|a)?rs?|family|bloke|man|woman|lady|guy|girl|boy|lads?|"
    r"people|couple|tenants?|kids|residents?|occupants?|them|house|home|staying|stays|"
    # "two doors down at 16", "the lot over the road at 9"
    r"doors?[ \t]+(?:down|up|along)|next[ \t]+door|over[ \t]+the[ \t]+road|"
    r"across[ \t]+the[ \t]+road|"
    r"we're|we are|i'm|im|i am|they're|they are|she's|shes|he's|hes|she is|he is)\s+"
    r"(?:at|in|from|over at)\s+)"
    r"(\d{1,3}[a-z]?)\b(?!\s*(?:am|pm|a\.m|p\.m|o'?clock|:\d|\.\d|mph|%|years?|yrs?|mins?|"
    r"minutes?|hours?|hrs?|days?|weeks?|months?|times?|pounds?|quid|p\b|k\b|ish|or\s+\d|-\s*\d|"
    r"past|to\s+\d|til|till|until|onwards|tonight|at night|"
    r"in (?:the )?(?:morning|evening|afternoon)))"
)
# Round 12: a business or place whose name begins with a number, after "at":
# "we are at 4 Seasons, Leeds", "I'm at 3 Tesco", "the lads at 5 Guys". The
# name is one or two capitalised words with no street's word after them.
_NAME_AFTER_NUMBER = re.compile(
    r"[ \t]+(?P<name>[A-Z][a-z'’]+)(?:[ \t]+(?P<second>[A-Z][\w'’.-]*))?"
)
# shops found in every town, never a street: "3 Tesco, Grimsby"
CHAIN = re.compile(
    r"(?i:(?:tesco|asda|aldi|lidl|morrisons|sainsbury['’]?s|greggs|costa|boots|iceland|wilko|"
    r"primark|argos|currys|halfords|wetherspoons?|mcdonalds|kfc|subway|nandos|starbucks|"
    r"poundland|superdrug|waitrose)\b)"
)
# words that start a sentence, not a name: "we're at 16 The lads ..."
_NOT_A_NAME = word_set(
    "the a an and but so then they he she we it i my our his her their this that there "
    "is was are were has have had if when on in at by for from to"
)
# where someone lives is a home whatever follows: "my nan lives at 4 Seasons" stays gone
_LIVES_CUE = re.compile(r"(?i:\b(?:live|lives|living|lived)\s+(?:at|in|from|over at)\s+$)")


def _names_a_business(text: str, match: re.Match[str]) -> bool:
    """Whether the bare number ``match`` found begins a business's or place's
    name rather than being a house number: "4 Seasons" (an ordinary word in
    capitals), "3 Tesco" (a chain). Not where the cue says someone lives
    there, not with a street's word after the name ("14 Lime Street")."""
    if not match.group(1).isdigit():
        return False  # "27b": a lettered number is a home
    name = _NAME_AFTER_NUMBER.match(text, match.end(1))
    if name is None or _LIVES_CUE.search(text, max(0, match.start(1) - 30), match.start(1)):
        return False
    word = name.group("name").lower()
    second = name.group("second")
    if second is not None and _street_type_word().fullmatch(second.rstrip(".,")):
        return False
    if _street_type_word().fullmatch(name.group("name")):
        return False
    if CHAIN.fullmatch(word):
        return True
    return word not in _NOT_A_NAME and word in ordinary_words()


_NOT_A_HOUSE_BEFORE = re.compile(
    r"(?i:\b(?:the|a|an|bus|buses|route|platform|junction|gate|ward|room|size|page|item|"
    r"question|point|option|step|case|ref|reference|crime|incident|log|phone|mobile|my|your|"
    r"his|her|their|our|this|that|what|which|any|wrong|same|big|lucky|top|badge|frame|"
    r"serial|account|card|shoe|section|exit|pump|seat|table|track|locker|bay|ticket|my mobile)"
    r"\s+)$"
)
_NOT_A_HOUSE_AFTER = re.compile(
    r"(?i:\s*(?:bus|buses|tram|trams|train|coach|ferry|route|service|platform|gate|stop|"
    r"on the list|in the queue|"
    r"priority|fan|choice|spot|rule|reason|problem|issue|times?|plate|%|percent|"
    r"sign|one|hit|single|album|song|shirt|jersey|kit|heading|going|bound|towards|into town|"
    r"driver|\d))"
)
_SERVICE_NUMBERS = frozenset({"999", "101", "111", "105", "112", "1", "one"})
_NOT_A_HOUSE_BEFORE_WORD = re.compile(
    # "one of"; not "out of": "dealing out of fifty-two Gloucester Road"
    r"(?i:\b(?:on|along|down|up|off|near|the|(?<!\bout )of|in|onto|into|across|via|by|past|about|"
    r"over|under|all|both|these|those|every|last|first|next|only)\s+)$"
)


# Street words that, in lower case after "the", are more often a thing or a
# place than a street: "the house", "the park", "the hill".
_NOT_A_THE_STREET = word_set(
    """
    house houses flats home homes buildings tower towers mansions lodge farm manor barns
    villas cottage cottages park hill way view walk row end yard gate path wood quay side
    bank common heath mount court place square green
    """
)


# Round 14: after "im in" or "we are", a lower-case street ends the phrase
# or is followed by a small word ("im in 7 meadow view since may"), not a
# noun it describes ("we are 3 separate close friends", "in 3 close calls").
_LOWER_WELSH_STREET_AFTER_HOUSE = re.compile(rf"[ \t]+{_LOWER_WELSH_STREET}")
_NEW_LOWER_LEAD = re.compile(r"(?i:\b(?:in|into|are|we're|we’re|r))[ \t]+$")
_AFTER_A_LOWER_STREET = re.compile(
    r"[ \t]*(?:[,.;:!?)\n]|$|(?i:in|on|at|and|n|near|by|since|for|with|is|was|the|where|"
    r"which|opposite|behind|next|off|from|lol|pls|please|thanks|its|it's|but|so|we|i|im|my|"
    r"our|if|x+)\b)"
)


def _is_house_and_street(text: str, match: re.Match[str], rank: int) -> bool:
    if (
        rank == 1
        and _NEW_LOWER_LEAD.search(text, max(0, match.start() - 12), match.start())
        and not re.search(r"[A-Z]", text[match.end("house") : match.end()])
        and not _AFTER_A_LOWER_STREET.match(text, match.end())
        # a Welsh street word is evidence enough: "we r no 4 maes y coed llanberis"
        and not _LOWER_WELSH_STREET_AFTER_HOUSE.fullmatch(text, match.end("house"), match.end())
    ):
        return False
    if rank == _LOWER_CASE_ANYWHERE and _NOT_A_HOUSE_BEFORE.search(
        text, max(0, match.start() - _LOOK_BACK), match.start()
    ):
        return False  # "the M25 junction 4 slip road"
    house = match.group("house")
    # the house number as one word however it was written ("two hundred and
    # four", "1 0 4"), then the street
    tail = "1" + text[match.end("house") : match.end()]
    worded = not house[:1].isdigit()
    if worded and _NOT_A_HOUSE_BEFORE_WORD.search(
        text, max(0, match.start("house") - _LOOK_BACK), match.start("house")
    ):
        return False  # "on Seven Sisters Road", "the two High Street banks"
    after_number = re.search(r"(?i:\b(?:number|no\.?)\s*)$", text[: match.start("house")])
    # "I live at Forty-Four Beech Avenue": a number of two words after "at"
    # is a house's; one word is the street's own ("Seven Sisters Road")
    compound = re.search(r"[- ]", house.strip()) is not None
    compound_after_at = compound and bool(
        re.search(
            r"(?i:\b(?:at|is|address:?)\s+)$",
            text[max(0, match.start("house") - 12) : match.start("house")],
        )
    )
    # round 20: a number of two words joined by a hyphen starts a sentence
    # ("Sixty-two Lochend Brae has had its bins set alight"): streets are
    # named after one number word ("Seven Sisters Road"), not "Sixty-two"
    compound_after_at = compound_after_at or (
        "-" in house
        and re.search(r"(?:\A|[.!?\n][ \t\n]*)$", text[: match.start("house")]) is not None
    )
    if worded and house[:1].isupper() and not after_number and not compound_after_at:
        return False  # "Seven Sisters Road", "Three Kings Yard": the number is the name's
    if re.match(rf"\S+,?\s+{_FIRST_STREET_WORDS}\b", tail):
        # "22 Ffordd yr Orsaf": "yr" is Welsh, not "year"; the name after the
        # street word is Welsh or Gaelic, not English words ("4 Pen Drives")
        # "3 Pen-y-Lan Terrace", "31 Glan-y-Nant": hyphens join the Welsh
        # name's words; a street type after the name ends it ("5 Bryn Road")
        rest = re.split(r"[\s-]+", tail.strip())[2:]
        links = {"y", "yr", "'r", "na", "nan", "an", "a'"}
        if rest and _street_type_word().fullmatch(rest[-1]) and len(rest) <= _WELSH_NAME_WORDS:
            return True
        return bool(rest) and (
            any(w.lower() in links for w in rest)
            or not all(w.lower().strip("'’") in ordinary_words() for w in rest)
        )
    if re.fullmatch(r"\S+,?\s+(?i:the)\s+\S+(?:\s+\S+)?", tail):
        # "8 the meadows", "3 the paddocks": a street named with "the"; not "in
        # 1990 the house was built", "at 7 the park gates"
        last = tail.split()[-1]
        return not (re.fullmatch(r"(?:19|20)\d\d", house) or last in _NOT_A_THE_STREET)
    if _COUNTED.match(tail) and not tail.split()[1][:1].isupper():
        return False
    words = tail.split()[1:-1]
    return not any(w.lower() in _ORDINARY_WORDS and not w[:1].isupper() for w in words)


# The flat after the street: "88 Kings Avenue, Flat C", "12 Elm Road (flat 2)"
_FLAT_AFTER = re.compile(rf"(?i:,?[ \t]+\(?(?:flat|apartment|apt|unit)[ \t]*{_FLAT_NUMBER}\)?)")


def find_addresses(text: str) -> Iterator[Detail]:
    """House numbers with their street, and house or flat numbers alone where
    they are a home, with the flat or floor after them ("..., Flat C", "...,
    top floor")."""
    for found in _house_numbers(text):
        end = found.end
        for after in (_FLAT_AFTER, _FLOOR_AFTER):
            more = after.match(text, end)
            end = more.end() if more else end
        yield Detail(found.start, end, found.category)


def _house_numbers(text: str) -> Iterator[Detail]:
    for match in _street_then_number().finditer(text):
        if not _NOT_A_HOUSE_AFTER.match(text, match.end()):  # "Station Road no. 2 stop"
            yield Detail(match.start(), match.end(), Category.ADDRESS)
    for match in _LOWER_STREET_THEN_NUMBER.finditer(text):
        if match.group("name") not in ordinary_words() and not _NOT_A_HOUSE_AFTER.match(
            text, match.end()
        ):
            yield Detail(match.start(), match.end(), Category.ADDRESS)
    for rank, pattern in enumerate(_addresses()):
        for match in pattern.finditer(text):
            if _is_house_and_street(text, match, rank):
                yield Detail(match.start(), match.end(), Category.ADDRESS)
    for match in _ONE_WORD_STREET.finditer(text):
        yield Detail(match.start(1), match.end(1), Category.ADDRESS)
    for match in _FLAT_ALONE.finditer(text):
        opened = "(" in text[max(0, match.start() - 20) : match.start()]
        if text[match.end() : match.end() + 1] == ")" and not opened:
            continue  # "in my flat 4) the parking": a list's numbering
        if _a_public_room(text, match):
            continue  # round 15: "Room 2 at the Town Hall", "Room 101 on telly"
        number_at = match.start() + len(match.group(0).split()[0])
        if _FLAT_COUNTED.match(text[number_at:].lstrip()):  # "my flat 3 doors down"
            continue
        # "unit 4" alone is a home or a business's unit only where it is one's
        # or where something is: not "the dog unit 2 officers", "maths unit 3"
        word = match.group(0).split()[0].lower()
        if word == "pitch" and a_games_pitch(text, match.start(), match.end()):
            continue  # round 12: "pitch 3 at Hough End playing fields" is a public place
        building = re.search(r"[A-Z][\w'’]+\s*$", match.group(0)) is not None
        if (
            word in _LOOSE_UNITS
            and not building
            and (
                not _UNIT_LEAD.search(text, max(0, match.start() - 30), match.start())
                or _NOT_A_HOUSE_AFTER.match(text, match.end())  # "the unit 4 bus"
            )
        ):
            continue
        yield Detail(match.start(), match.end(), Category.ADDRESS)
    for match in _NUMBER_ALONE.finditer(text):
        # the whole number after its cue: "thirty one" is not the "one" in it
        number = re.sub(
            r"^(?:(?:house\s+)?(?:number|num|nr\.?|no\.?)|#)\s*", "", match.group(0).lower()
        )
        # "I'm at number 112, top floor left": a home with its floor, not the emergency number
        floor = _FLOOR_AFTER.match(text, match.end()) is not None
        if (number in _SERVICE_NUMBERS and not floor) or number.startswith("0"):
            continue
        if _NOT_A_HOUSE_BEFORE.search(text, max(0, match.start() - _LOOK_BACK), match.start()):
            continue
        if _NOT_A_HOUSE_AFTER.match(text, match.end()):
            continue
        if re.match(r"[-–]\d{3,}", text[match.end() : match.end() + 5]):
            continue  # "order number 204-1234567-1234567": a longer number's first part
        # the street after it ("number 6 on Rosebery Street") stays: the
        # writers who labelled it disagree, and the number alone is gone;
        # a pair of numbers goes whole ("number 12-14")
        pair = re.match(r"[-–]\d{1,3}\b", text[match.end() : match.end() + 5])
        yield Detail(match.start(), match.end() + (pair.end() if pair else 0), Category.ADDRESS)
    for match in _HOUSE_NUMBER_IS.finditer(text):
        yield Detail(match.start(), match.end(), Category.ADDRESS)
    for match in _AT_NUMBER_WHO.finditer(text):
        sentence_start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start()))
        if _ABOUT_HOMES.search(text, sentence_start + 1, match.start()):
            yield Detail(match.start(1), match.end(1), Category.ADDRESS)
    for match in _BARE_HOUSE.finditer(text):
        if _names_a_business(text, match):
            continue  # round 12: "we are at 4 Seasons", "I'm at 3 Tesco"
        yield Detail(match.start(1), match.end(1), Category.ADDRESS)


# Round 13 (issue 15, after the eleventh unseen set): a house number alone in
# shapes the patterns above leave.
# A neighbour named, then their number: "(Gary at 33)", "my neighbour Tomasz at
# 42,"; the number ends a bracket, a clause or the text.
_NAMED_AT_NUMBER = re.compile(
    r"(?:\(|(?i:\bn(?:ei|ie|e|a)(?:gh|g)?b(?:ou|o|e|a)?rs?,?)[ \t]+)[ \t]*"
    r"[A-Z][a-z'’]+(?:[ \t]+[A-Z][a-z'’]+)?[ \t]+at[ \t]+(?P<number>\d{1,3}[a-z]?)"
    r"(?=[ \t]*(?:\)|,|;|\.(?!\d)|$)|[ \t]+(?:says|said|saw|told|reckons)\b)"
)
# "they're" without its apostrophe, "theyre at 47"
_THEYRE_AT = re.compile(r"(?i:\btheyre[ \t]+(?:at|in)[ \t]+)(?P<number>\d{1,3}[a-z]?)\b(?![:.]\d)")
# "number" misspelt after where someone is: "at numbr 42", "lives at numer 6"
_MISSPELT_NUMBER = re.compile(
    r"(?i:\b(?:at|in|from|to|of|opposite|outside|near)[ \t]+"
    r"(?P<number>(?:numbr|nmber|nuber|numer|numbe|nummer|numba|numbar|nomber)"
    r"[ \t]*\d{1,3}[a-z]?)\b)"
    r"(?![ \t]*(?i:bus|route|service|stop))"
)
# A signature that is a house number: "... - no 21" at the end of the text.
_SIGNED_NUMBER = re.compile(
    r"(?:^|[ \t])[-–—~][ \t]*(?P<number>(?i:no\.?|number|num)[ \t]*\d{1,3}[a-z]?)[ \t.!]*$"
)
# Two house numbers on one street: "12 & 14 Ashdown Road", "3 and 5 Elm Road":
# the first number, before an address found here.
_FIRST_OF_PAIR = re.compile(r"(?<![\w£$.:/-])(?P<number>\d{1,4}[a-z]?)[ \t]*(?:&|and|\+)[ \t]*$")
# A flat number and its block's name: "103 Cavendish Block", "45 Nelson Tower"
_FLAT_IN_BLOCK = re.compile(
    r"(?<![\w£$.:/-])(?P<number>\d{1,4}[a-z]?[ \t]+(?:[A-Z][a-z'’]+[ \t]+){1,2}"
    r"(?:Block|Tower|Towers|Heights|Point))\b"
)


def find_lone_numbers_pairs_and_blocks(text: str) -> Iterator[Detail]:
    """Round 13: a neighbour's number after their name ("(Gary at 33)"),
    "theyre at 47", a misspelt "number" ("at numbr 42"), a house number
    signing off ("- no 21"), the first of two house numbers on one street
    ("12 & 14 Ashdown Road": the 12) and a flat with its block ("103
    Cavendish Block"): ADDRESS spans, start and end character offsets."""
    for pattern in (_NAMED_AT_NUMBER, _THEYRE_AT, _MISSPELT_NUMBER, _SIGNED_NUMBER, _FLAT_IN_BLOCK):
        for match in pattern.finditer(text):
            if pattern is _NAMED_AT_NUMBER and not _ABOUT_HOMES.search(text):
                continue  # "(Costa at 10)": a time, where no home is spoken of
            yield Detail(match.start("number"), match.end("number"), Category.ADDRESS)
    for found in _house_numbers(text):
        if not text[found.start : found.start + 1].isdigit():
            continue
        pair = _FIRST_OF_PAIR.search(text, max(0, found.start - 12), found.start)
        if pair is not None:
            yield Detail(pair.start("number"), pair.end("number"), Category.ADDRESS)


# Round 19 (the sixteenth set's "he lives at no 47 on Groby Rd", "He go in
# house number 58 on Evington Road"; the round-18 blind probe's "number
# nineteen on Victoria Street"): a house said by its number, then "on" its
# street. The number is already a home's (home_numbers.py, address.py); the
# street joined to it by "on" is that home's street, so the two go together,
# as "47 Groby Road" does. Only after "number"/"no" (not "the 47 bus on
# Groby Road"), and only a named street with its type (not "number 9 on the
# 73 route"); a street with no number before it stays.
@cache
def _number_on_its_street() -> re.Pattern[str]:
    return re.compile(
        # not a bus's, a platform's or a stand's number ("bus number 38 on ...")
        r"(?i:(?<!\bbus )(?<!\bbuses )(?<!\broute )(?<!\bplatform )(?<!\bstand )"
        r"(?<!\bbay )(?<!\bgate )"
        r"(?<!\bjunction )(?<!\bpump )(?<!\btable )(?<!\broom )(?<!\bward )(?<!\bbed )"
        r"(?<!\bpitch ))"
        r"(?i:\b(?:house[ \t]+|flat[ \t]+)?)"
        # "no" only before figures ("no one on Mill Lane" is nobody)
        rf"(?:(?i:number)[ \t]*(?:\d{{1,4}}[a-zA-Z]?\b|(?i:{_NUMBER_WORD}))"
        r"|(?i:no\.?)[ \t]*\d{1,4}[a-zA-Z]?\b)"
        r"[ \t]+(?i:on|in|off|along|down|up)[ \t]+"
        rf"(?:(?:the[ \t]+)?(?:{_CAPITAL_WORD}[ \t]+){{1,3}}(?:{street_types_pattern()})\b"
        rf"|(?:[a-z][a-z'’]+[ \t]+){{1,2}}"
        r"(?:road|rd|street|st|lane|avenue|close|crescent|drive|way)\b)"
    )


def find_numbers_on_their_street(text: str) -> Iterator[Detail]:
    """ADDRESS spans over a house said by its number and the street it is
    "on": "no 47 on Groby Rd", "number nineteen on Victoria Street"."""
    for match in _number_on_its_street().finditer(text):
        yield Detail(match.start(), match.end(), Category.ADDRESS)
