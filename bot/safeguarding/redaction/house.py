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

from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.lexicon import (
    NOT_PERSONS,
    PLACE_WORDS,
    brand_spans,
    first_names,
    ordinary_words,
    places,
    proper_nouns,
)

# How far back a cue before a match is looked for: the cues are a few words
# long, and searching from the start each time made long texts quadratic.
_LOOK_BACK = 80

_CAPITAL = r"[A-Z][a-z]+(?:['’][a-z]+)?"
_HOME_WORDS = (
    r"(?:Cottage|Cottages|Forge|Lodge|Bungalow|Oast|Oast[ \t]House|Farmhouse|Rectory|"
    r"Vicarage|Grange|Villa|Coach[ \t]House|Old[ \t]Bakery|Old[ \t]Post[ \t]Office|"
    r"Old[ \t]School[ \t]House|Barn[ \t]Conversion|Stables|Granary|Bothy|Steading)"
)
_PUBLIC_TOO = r"(?:House|Farm|Mill|Barn|Hall|Manor|View|Place|Croft|End)"
_NAME = rf"(?:(?i:the)[ \t]+)?(?:{_CAPITAL}[ \t]+){{0,2}}"
# A Welsh or Cornish name in parts, accented: "Glan-y-Môr", "Tŷ-Gwyn", "Pen-y-Bryn".
_WELSH_NAME = (
    r"[A-ZŴŶ][a-zà-öø-ÿŵŷ]+(?:-(?:[a-zà-öø-ÿŵŷ]+|[A-ZŴŶ][a-zà-öø-ÿŵŷ]+))+"
    # spaced, with a Welsh or Gaelic article or "of": "Maes y Coed", "Pen yr
    # Heol", "Mains of Auchindoir", "Tigh na Mara"
    r"|[A-ZŴŶ][a-zà-öø-ÿŵŷ]+(?:[ \t]+(?:y|yr|'r|of|na|nan|an|a')[ \t]+[A-ZŴŶ][a-zà-öø-ÿŵŷ]+)+"
)
_WELSH_HYPHENATED = r"[A-ZŴŶ][a-zà-öø-ÿŵŷ]+(?:-(?:[a-zà-öø-ÿŵŷ]+|[A-ZŴŶ][a-zà-öø-ÿŵŷ]+))+"
# Anywhere: "Rose Cottage", "The Old Forge", "Willow Lodge"
_STREET_WORDS = (
    r"(?:Road|Lane|Street|Close|Avenue|Way|Drive|Hill|Green|Park|Grove|Gardens|Court|"
    r"Crescent|Place|Rise|Estate|Mews|Row|Walk|Terrace)"
)
_HOME = re.compile(rf"(?<![\w])({_NAME}{_HOME_WORDS})\b(?![ \t]+{_STREET_WORDS}\b)")
# After an address cue: "we live at Brook House", "address: Meadow View Farm"
_CUED = re.compile(
    r"(?i:\b(?:live|living|lives|lived|moved|move|staying|stay|stays|based)[ \t]+(?:at|in)"
    r"|\breside[sd]?[ \t]+at|\baddress(?:[ \t]+is)?(?:[ \t]+at)?[ \t]*[:\-]?|\bcome[ \t]+to"
    # an officer asked to call: "could an officer call at Glebe House"
    r"|\b(?:call|calling|knock|knocking|pop|popping|come[ \t]+round)[ \t]+(?:in[ \t]+)?at"
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
# A road named like a home ("Spring Bank", "Sunny Bank", "Meadow View"):
# after "on", "along", "off", "down" or "up" the writer is on a road, not in
# a house, and a point of the compass after it ("Spring Bank West") makes it
# a road wherever it is written. Round 13 (the eleventh set): a home is "at"
# its name; "Highfield Farm" or "Ivy House" after "on" still go.
_ROAD_BEFORE = re.compile(r"(?i:\b(?:on|along|off|down|up|onto|across)[ \t]+)\Z")
_ROAD_AFTER = re.compile(r"[ \t]+(?:West|East|North|South|Road|Lane|Street)\b")
_ROAD_END = re.compile(r"(?:Bank|Side|View|End|Dene|Lea|Garth)\Z")


# A pub or bar named after its word and a comma: "the pub on Queen Street in
# Barnsley, the Old Mill, ..." (round 13, the eleventh set).
_A_PUB_NAMED = re.compile(
    r"(?i:\b(?:the|a|that|this|our|my|their)[ \t]+(?:local[ \t]+)?(?:pub|inn|bar|club|tavern))\b"
    r"[^.!?\n]{0,40},[ \t]*\Z"
)


def _road_named_like_a_home(text: str, match: re.Match[str]) -> bool:
    """True when ``match`` (of ``_NATURE_HOME``) is a road: "... on Spring
    Bank", "Spring Bank West". A farm, house, mill or barn stays a home."""
    if _ROAD_AFTER.match(text, match.end(1)):
        return True
    before = text[max(0, match.start(1) - 12) : match.start(1)]
    return bool(_ROAD_END.search(match.group(1))) and _ROAD_BEFORE.search(before) is not None


# "The Laurels", "The Willows", "The Old Rectory": a house.
_THE_HOME = re.compile(
    r"\b((?i:the)[ \t]+(?:Laurels|Willows|Beeches|Elms|Pines|Hollies|Limes|Cedars|Firs|Poplars|"
    r"Oaks|Birches|Chestnuts|Sycamores|Maples|Larches|Rowans|Yews|Hawthorns|Gables|Paddocks?|"
    r"Orchards?|Spinney|Coppice|Homestead|Old[ \t](?!(?:Bell|Swan|Crown|Lion|Anchor|Plough|"
    r"Ship|Bull|Fox|Globe|Angel|Wheatsheaf|Feathers|Harrow|Ram|Oak|Dog|Duck|Cock|Hare|Hound|"
    r"Horse|Horns?|Kings|Queens|George|Mitre|Vic|Kent|Bailey|Trafford|Street|Town|Kent|"
    r"Bill|Bank|Market|Library|Station)\b)[A-Z][a-z]+))\b"
    r"(?![ \t]+(?i:pub|inn|tavern|bar|hotel|restaurant|caf[eé]|shop|club|surgery|school|"
    r"church|chapel|station|library|market|bridge|road|lane|street)\b)"
)


# A home named as such: "my brother's house, Brackenside, on the Moor Road",
# "a bungalow called Fernleigh", "the farm is Highfields".
_CALLED = re.compile(
    r"(?i:\b(?:house|home|cottage|bungalow|farmhouse|farm|property|place)"
    r"(?:[ \t]*,|[ \t]+(?:called|named|is[ \t]+called|is[ \t]+named|is|(?:they|we|locals|"
    r"everyone|people)[ \t]+call(?:[ \t]+it)?))"
    r"|\b(?:rent|rents|rented|renting)[ \t]+(?:an?[ \t]+)?(?:room|flat|caravan|bedsit)?[ \t]*at"
    r"|\bn[ei]{2}ghbou?rs?[ \t]+(?:at|of|from)"
    r"|\b(?:live|lives|lived|living)(?:[ \t]+(?:alone|together|on[ \t]+my[ \t]+own|nearby|"
    r"locally|close[ \t]+by|here|there|out|just[ \t]+(?:up|down)[ \t]+the[ \t]+road|"
    r"round[ \t]+the[ \t]+corner))?[ \t]+at"
    r"|\breside[sd]?[ \t]+at|\bresiding[ \t]+at"
    # Welsh "called": "tŷ o'r enw Gwel y Mor" (round 19)
    r"|\bo['’]r[ \t]+enw"
    r"|\b(?:residents?|tenants?|occupants?|owners?|family)[ \t]+at)"
    r"[ \t]+"
    rf"({_WELSH_NAME}|(?:The[ \t]+)?{_CAPITAL}(?:[ \t]+{_CAPITAL}){{0,2}})"
    r"(?![ \t]*[A-Z])"
)


# A capitalised home word and a comma: the home's name came before it, the
# village after it ("Church Farm, Sculthorpe", "Cringley House, Carperby").
_AFTER_NAMED_HOME = re.compile(
    r"\b(?:House|Home|Cottage|Bungalow|Farmhouse|Farm|Property|Place)[ \t]*,[ \t]+$"
)


def _house_like(name: str, town_too: bool = False) -> bool:
    """A name after "house," or "lives at" that is not a town, a day, a shop or
    a word ("my house, Bromley, is", "the house, Monday.", "lives at Tesco");
    of more words, not a street ("lives at Kings Hill"): "Primrose View",
    "Wren's Nest", "Tall Trees" are houses. ``town_too``: a town's name may
    be a house's ("at Woodside, Sheepy Lane": a village does not come before
    its street)."""
    words = [w.lower().removesuffix("'s").removesuffix("’s") for w in name.split()]
    if words[0] == "the":
        words = words[1:] or words
    if any(w in NOT_PERSONS for w in words) or re.search(rf"\b{_STREET_WORDS}$", name):
        return False
    if len(words) > 1:
        return True
    last = words[-1]
    if last in places() and not town_too:
        return False  # "my house, Alston": a town
    return not (last in ordinary_words() or (last in proper_nouns() and last not in first_names()))


# A home's name in a care home or sheltered housing is the building's: it stays.
_INSTITUTION = re.compile(
    r"(?i:sheltered|care[ \t]home|nursing[ \t]home|retirement|hostel|hotel|residential)"
)


# A public place named like a home: "the Grange pub", "Highbury House
# surgery", "Sunnyside Farm shop".
_PUBLIC_AFTER = re.compile(
    r"[ \t]+(?i:pub|inn|tavern|bar|hotel|restaurant|caf[eé]|shop|farm[ \t]+shop|surgery|"
    r"community|youth|sports|social|leisure|medical|health|day[ \t]+centre|"
    r"school|academy|college|nursery|church|chapel|centre|center|club|practice|clinic|"
    r"hospital|hostel|library|museum|gallery|estate|industrial|business|offices?|"
    r"garden[ \t]+centre|care[ \t]+home|nursing[ \t]+home)\b"
)


def find_house_names(text: str) -> Iterator[Detail]:
    brands = brand_spans(text)
    for pattern in (_HOME, _CUED, _NATURE_HOME, _THE_HOME, _CALLED):
        for match in pattern.finditer(text):
            if any(a <= match.start(1) < b for a, b in brands):
                continue  # "Chicken Cottage": a shop
            if _PUBLIC_AFTER.match(text, match.end(1)):
                continue  # "the Grange pub"
            if pattern is _CALLED and not _house_like(match.group(1)):
                continue
            if pattern is _CALLED and _AFTER_NAMED_HOME.search(
                text, max(0, match.start(1) - _LOOK_BACK), match.start(1)
            ):
                continue  # "Low Riggs Farm, Gunnerside": the home is named; its village follows
            near = text[max(0, match.start(1) - 40) : match.end(1) + 20]
            if pattern is _HOME and _INSTITUTION.search(near) is not None:
                continue  # "sheltered housing at Hawthorn Lodge", "Oakwood Lodge care home"
            if _A_PUB_NAMED.search(text, max(0, match.start(1) - 60), match.start(1)):
                continue  # "the pub on Queen Street, the Old Mill, always has fights"
            if pattern is _NATURE_HOME and _road_named_like_a_home(text, match):
                continue  # "the red door on Spring Bank", "my shop on Spring Bank West"
            # the street after it ("Rose Cottage, Church Lane") stays: without
            # the house it names no one
            yield Detail(match.start(1), match.end(1), Category.ADDRESS)


# Where the writer says they are, when what follows names a home: "I'm at
# Greystones, ...", "we're at Wren's Nest", "hello from the Coach House".
_HOME_END = (
    r"(?:Mill|Mains|Steading|Manse|Granary|Byre|Bothy|Grange|Farmhouse|Nest|Rest|Haven|Nook|View|End|Lodge|Cottage|House|Farm|Barn|Croft|Retreat|Acre|Acres|"
    r"Corner|Orchard|Garth|Mead|Lea|Dene|Bank|Side|Reach|Trees|Gables|Lea|Hollow|Patch|Plot)"
)
# After a one-word name, what says it is a home: "I'm at Greystones, the
# last house on the lane".
_HOME_NEAR = re.compile(
    r"[^.!?\n]{0,40}?\b(?i:house|cottage|bungalow|farm|home|lane|drive|gate|door|garden)\b"
)
_WHERE_I_AM = re.compile(
    r"(?i:\b(?:we're|we[ \t]+are|were|i'm|im|i[ \t]+am|hello[ \t]+from|greetings[ \t]+from|"
    r"writing[ \t]+from)[ \t]+at)[ \t]+"
    rf"((?:The[ \t]+)?{_CAPITAL}(?:[ \t]+{_CAPITAL}){{0,2}})(?![ \t]*[A-Z])"
)
# After a word that says someone lives there, a home's name in lower case:
# "we are at the willows", "my mum lives at the old rectory".
_LOWER_AFTER_CUE = re.compile(
    r"(?i:\b(?:live|lives|lived|living|reside[sd]?|residing|we're|we[ \t]+are|i'm|im|i[ \t]+am|"
    r"staying|stays)[ \t]+at[ \t]+)"
    r"((?i:the)[ \t]+(?:(?-i:[a-z]+)[ \t]+)?(?-i:laurels|willows|beeches|elms|pines|hollies|"
    r"limes|cedars|firs|poplars|oaks|birches|chestnuts|sycamores|maples|larches|rowans|yews|"
    r"hawthorns|gables|paddocks?|orchards?|spinney|coppice|homestead|old[ \t]+(?:rectory|"
    r"vicarage|forge|bakery|bakehouse|smithy|manse|granary|dairy|coach[ \t]+house|"
    r"school[ \t]?house|stables|barn|mill|chapel|post[ \t]+office|police[ \t]+house|"
    r"station[ \t]+house)|coach[ \t]+house|grange|rectory|vicarage|manse|lodge|cottage|"
    r"bungalow|farmhouse))\b"
)
# Welsh adjectives that are also English words ("wen", "las"): a home's last word.
_WELSH_ADJECTIVES = word_set("wen wyn las ddu goch fawr fach hir lwyd gwyn coch glas du mawr bach")
# Round 19: living alone said another way, then a name and its town: "living
# by myself at Beckside, Kirkbymoorside". A village may follow these words
# too ("lives on his own at Caddonfoot, in the cottage ..."): only a name
# with a place after its comma is a home's.
_ALONE_AT = re.compile(
    r"(?i:\b(?:live|lives|lived|living)[ \t]+(?:by[ \t]+(?:myself|herself|himself|themselves)|"
    r"on[ \t]+(?:her|his|their)[ \t]+own)[ \t]+at)[ \t]+"
    rf"((?:The[ \t]+)?{_CAPITAL}(?:[ \t]+{_CAPITAL}){{0,2}})(?=[ \t]*,[ \t]+[A-Z])"
)
# Round 19: a Welsh home's name typed in lower case after a word that says
# someone lives or is there: "we live at ty gwyn", "nan is up at bryn awel",
# "ni'n byw yn tyddyn bach".
_LOWER_WELSH_HOME = re.compile(
    r"(?i:\b(?:live|lives|lived|living|reside[sd]?|residing|staying|stays|we're|we[ \t]+are|"
    r"i'm|im|i[ \t]+am|is|are|was)(?:[ \t]+(?:up|out|down|over|back))?[ \t]+(?:at|in)"
    r"|\bbyw[ \t]+(?:yn|ym|yng))[ \t]+"
    r"((?-i:(?:tŷ|ty|bryn|bwthyn|hafod|plas|llys|cae|pen|maes|tyddyn|glan|bron|pant|nant|"
    r"ffridd|hendre)(?:['’][rn])?(?:[ \t]+(?:y|yr))?[ \t]+[a-zà-öø-ÿŵŷ]{3,}))\b"
)
# "my home Fairview was burgled", "our cottage Greystones": a home's name
# right after the home.
_MY_HOME_NAMED = re.compile(
    r"(?i:\b(?:my|our|his|her|their|[a-z]+['’]s)[ \t]+(?:house|home|cottage|bungalow|"
    r"farmhouse|farm|property))[ \t]+"
    rf"({_CAPITAL}(?:[ \t]+{_CAPITAL}){{0,2}})(?![ \t]*[A-Z])"
)
# A farm named as such: "Highfield Farm", "Brookside Farm". Farms named by a
# common word ("Home Farm", "City Farm", "Manor Farm", "a puppy farm") are
# estates and public places, and stay.
_FARM = re.compile(
    rf"\b((?:{_CAPITAL}[ \t]+)?({_CAPITAL}|{_WELSH_HYPHENATED})[ \t]+Farm)\b(?![ \t]+(?i:shop|park|"
    r"café|cafe|kitchen|foods|road|lane|street|close|way|drive|estate|trail)\b)"
)
# A house named by a plant or land word and more, with a home word:
# "Hollybush House", "Oakwood Farm", "Ashgrove Cottage" ("Elmers End" and
# "Highbury Hall" are places: "End" and "Hall" are not taken here).
_COMPOUND_HOME = re.compile(
    r"\b((?:Holly|Oak|Ash|Elm|Birch|Beech|Yew|Rose|Ivy|Fern|Willow|Hazel|Thorn|Bramble|Heather|"
    r"Brook|Meadow|Orchard|Lavender|Primrose|Bluebell|Foxglove|High|Green|Fair|Sunny|Red|White)"
    r"[a-z]{3,}[ \t]+(?:House|Farm|Barn|Lodge|Cottage))\b"
)
# "Charles Fairbrother of Hollybush House", "Mrs Ashby of Lilac Villa".
_NAME_OF_HOME = re.compile(
    rf"\b[A-Z][a-z]+[ \t]+of[ \t]+((?:The[ \t]+)?(?:{_CAPITAL}[ \t]+){{1,2}}"
    r"(?:House|Farm|Hall|Manor|Villa|Barn|Mill|Grange|Place|Court|Lodge|Cottage))\b"
)
# A house's name as the first line of an address, a street after it:
# "reside at Fairview, 2 Wood End", "Oakhurst, Mill Road", "my home,
# Glenmore, on Queen's Road".
_STREET_AFTER = (
    r",[ \t]+(?:on[ \t]+|off[ \t]+)?(?:\d{1,4}[a-z]?[ \t]+)?(?:[A-Z][\w'’]*[ \t]+){1,3}"
    r"(?:Road|Rd|Lane|Street|St|Close|Avenue|Ave|Way|Drive|Hill|Green|Grove|Gardens|Crescent|"
    r"Place|Rise|Mews|Row|Walk|Terrace|End|Approach|Park|Square|Court|Vale|View)\b"
    # a Welsh street puts its word first: "Bodafon, Lôn Garmon", "X, Heol y Llan"
    r"|,[ \t]+(?:\d{1,4}[a-z]?[ \t]+)?(?:Lôn|Lon|Heol|Ffordd|Stryd|Rhodfa)[ \t]+[A-ZŴŶa-z]"
)
_ADDRESS_LINE = re.compile(
    r"(?:(?<=\bat[ \t])|(?<=\bof[ \t])|(?<=\bto[ \t])|(?<=\bfrom[ \t])|(?<=:[ \t])|(?<=,[ \t])"
    r"|(?<=\bis[ \t])|(?<=\byn[ \t])"
    r"|(?<=^)|(?<=\n))"
    rf"((?:The[ \t]+)?(?:{_WELSH_NAME}|{_CAPITAL}(?:[ \t]+{_CAPITAL})?))(?={_STREET_AFTER})"
)


_VISITED = re.compile(
    r"(?i:\b(?:to|visit|visited|visiting|trip[ \t]+to|day[ \t]+out[ \t]+at))[ \t]+$"
)


# A possessive and a word for a refuge is a house's name: "Heron's Rest",
# "Wren's Nest", "Badger's Hollow" ("Land's End", "World's End" are places).
_POSSESSIVE_HOME = re.compile(
    r"\b((?!(?:Land|World|Lands|Worlds)['’])[A-Z][a-z]+['’]s[ \t]+"
    r"(?:Rest|Nest|Retreat|Haven|Reach|Hollow|Nook|End|Corner|Acre|Patch|Folly|Lair|Den|"
    r"Roost|Perch|Lodge|Cottage|Barn|Croft|Leap|Keep|Return))\b"
)


def _not_public(name: str) -> bool:
    """A single word that is not a town, a shop or a word; several words not
    ending as a street does."""
    return _house_like(name)


def _a_persons_name(name: str) -> bool:
    """A given name first and no home word last: "Sam Lee", not "Rose Cottage"."""
    words = name.split()
    if words[0].lower() == "the" or re.search(rf"{_HOME_END}$", name):
        return False
    # round 19: a Welsh or Gaelic article inside ("Min y Don") or a land
    # word last ("Cliff Top", "Dale Head") is no person's name
    if any(w.lower() in _ARTICLES_INSIDE for w in words[1:-1]) or _LAND_LAST.search(name):
        return False
    return words[0].lower() in first_names()


_ARTICLES_INSIDE = frozenset({"y", "yr", "'r", "na", "nan", "an", "a'", "of"})
_LAND_LAST = re.compile(r"[ \t](?:Top|Head|Foot|Bottom|Brow|Edge|Howe|Knowe|Rigg|Fold)$")


# Farms named by what they are, estates' and public ones: "Home Farm", "City
# Farm", "Manor Farm", "Church Farm market".
_GENERIC_FARM_WORDS = word_set(
    """
    home city manor church park hall model grange abbey castle court priory dairy puppy
    wind solar fish trout fruit organic open community urban pet pets animal care
    children's childrens petting rare breeds the a
    """
)


def _farm_named(match: re.Match[str]) -> bool:
    """A farm with a name of its own, not a generic one."""
    words = [w.lower() for w in match.group(1).split()[:-1]]
    return any(w not in _GENERIC_FARM_WORDS for w in words)


_HOME_NAME = (
    rf"((?:The[ \t]+)?(?:{_WELSH_NAME}|{_CAPITAL})(?:[ \t]+(?:{_WELSH_NAME}|{_CAPITAL})){{0,2}})"
)
# Rural homes with no "Farm" or "House" (issue 15's second unseen set): "we
# farm at Hill Top", "the shed at Hallington Mill", "at Pantglas above
# Cwm-y-glo", "Penrhiw farm", "our place (Trewartha, just off ...)",
# "born 1936, of Cringley House".
_WE_FARM_AT = re.compile(
    r"(?i:\b(?:we|i|they|he|she|family)[ \t]+(?:farm|farms|farmed|farming)[ \t]+at)[ \t]+"
    + _HOME_NAME
    + r"(?![ \t]*[A-Z])"
)
_OUTBUILDING_AT = re.compile(
    r"(?i:\b(?:the|our|my|his|her|their)[ \t]+(?:shed|sheds|yard|farmyard|barn|barns|stables?|"
    r"outbuildings?|steading|byre|fold|land|caravan|lambing[ \t]+shed|workshop|"
    # the parts of a home: "our garden at Applegarth", "the drive at Woodlands"
    r"garden|gardens|back[ \t]+garden|front[ \t]+garden|drive|driveway|porch|garage|"
    r"front[ \t]+door|back[ \t]+door|gate|fence|fences|wall|hedge|field|fields|trailer|"
    r"sheep|cattle|ewes|quad)[ \t]+at)[ \t]+" + _HOME_NAME + r"(?![ \t]*[A-Z])"
)
_AT_ABOVE_PLACE = re.compile(
    r"(?i:\bat)[ \t]+"
    + _HOME_NAME
    + r"(?=[ \t]*,?[ \t]+(?i:above|below|near|nr|beyond|outside|just[ \t]+outside|up[ \t]+above)"
    # a village named or not: "at Hafod Wen, above the village"
    r"[ \t]+(?:[A-ZŴŶ]|(?i:the[ \t]+(?:village|town|church|chapel|river|reservoir|valley|"
    r"farm|quarry|pub|school|station|bridge|green)\b)))"
)
_LOWER_FARM_AFTER = re.compile(
    rf"(?<![\w'’])((?:{_WELSH_NAME}|{_CAPITAL})(?:[ \t]+(?:{_WELSH_NAME}|{_CAPITAL}))?)"
    r"[ \t]+(?:farm|farmhouse|cottage)\b"
)
_OUR_PLACE_BRACKET = re.compile(
    r"(?i:\b(?:our|my|his|her|their)[ \t]+(?:place|farm|house|home|cottage|bungalow|"
    r"smallholding))[ \t]*\([ \t]*" + _HOME_NAME + r"(?=[ \t]*[,)])"
)
_COMMA_OF_HOME = re.compile(
    rf",[ \t]+of[ \t]+((?:The[ \t]+)?(?:{_CAPITAL}[ \t]+){{1,2}}"
    r"(?:House|Farm|Hall|Manor|Villa|Barn|Mill|Grange|Place|Court|Lodge|Cottage))\b"
)
# Round 5 (issue 15's fourth unseen set): homes named with no house word.
# A name, then a comma and a village or town at the end of a clause: "from
# Rosehill, Abbotsbury", "Miss Carruthers of Thistle Bank, Moffat".
_HOME_BEFORE_TOWN = re.compile(
    r"(?<![\w'’])(?i:from|at|of)[ \t]+"
    rf"((?:The[ \t]+)?{_CAPITAL}(?:[ \t]+{_CAPITAL}){{0,2}})"
    r"(?=[ \t]*,[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?[ \t]*(?:[.,;\n]|$))"
)
# A signature's address line: "Mrs Eleanor Whitlock, Brackenthwaite House, Gosforth."
_SIGNED_HOME = re.compile(
    r"(?<=[a-z]),[ \t]+"
    rf"((?:The[ \t]+)?(?:{_CAPITAL}[ \t]+){{1,2}}"
    r"(?:House|Farm|Mill|Barn|Hall|Manor|Grange|Croft|Mains|Bank|Lodge|Cottage))"
    r"(?=[ \t]*,[ \t]+[A-Z])"
)
# "the alarm at Hollybank on Chester Road": one word before its street.
_AT_NAME_ON_STREET = re.compile(
    rf"\b(?i:at)[ \t]+({_CAPITAL})(?=[ \t]+on[ \t]+(?:[A-Z][\w'’]*[ \t]+){{1,3}}"
    r"(?:Road|Rd|Lane|Street|St|Close|Avenue|Ave|Way|Drive|Crescent|Terrace|Row|Grove)\b)"
)
# "the woman at the Ashgrove (big white house on Newcastle Road)"
_AT_NAME_THEN_HOUSE = re.compile(
    rf"\b(?i:at)[ \t]+(?:(?i:the)[ \t]+)?({_CAPITAL}(?:[ \t]+{_CAPITAL})?)"
    r"(?=[ \t]*\([^()\n]{0,40}\b(?i:house|cottage|bungalow|farm|farmhouse|home)\b)"
)
# Welsh homes: a name and an adjective ("Esgair Fawr", "Ffridd Uchaf"), or a
# home's first word ("Tyddyn Du", "Bryn Glas", "Maes Hir").
_WELSH_HOME = re.compile(
    r"\b((?:(?!(?:Stryd|Heol|Lôn|Lon|Ffordd|Rhodfa|Y|Yr|Ar|Ger)\b)[A-ZŴŶ][a-zŵŷ]+[ \t]+)?"
    r"(?!(?:Stryd|Heol|Lôn|Lon|Ffordd|Rhodfa|Y|Yr|Ar|Ger)\b)[A-ZŴŶ][a-zôŵŷ]+[ \t]+"
    r"(?:Fawr|Fach|Uchaf|Isaf|Ganol|Newydd|Ddu|Goch|Lwyd|Wen|Wyn|Las|Hir))\b"
    r"|\b((?:Tŷ|Tyddyn|Bryn|Maes|Blaen|Cae|Hafod|Ffridd|Esgair|Llain|Pant|Gwern|Ffynnon|"
    r"Bron|Hendre|Fferm|Plas|Bod|Llys)[ \t]+[A-ZŴŶ][a-zŵŷ]+)\b"
    # round 19: a home word and the article run in ("Tŷ'r Ysgol", "Cae'r
    # Efail", "Ty'r Felin"), or "Bwthyn" and up to two words ("Bwthyn Pen Llŷn")
    r"|(?<![\w'’])((?:Tŷ|Ty|Cae|Bryn|Maes|Pen|Nant|Pant|Bron|Tal)['’]r[ \t]+"
    r"[A-ZŴŶ][a-zà-öø-ÿŵŷ]+)\b"
    r"|\b(Bwthyn(?:[ \t]+[A-ZŴŶ][a-zà-öø-ÿŵŷ]+){1,2})\b"
)
# Welsh names built like homes' that are public buildings, a hospice or a
# house of parliament: they stay.
_PUBLIC_WELSH = frozenset(
    {
        "plas newydd",
        "plas menai",
        "plas mawr",
        "plas brondanw",
        "tŷ hafan",
        "ty hafan",
        "tŷ gobaith",
        "ty gobaith",
        "tŷ hywel",
        "ty hywel",
        "tŷ cerdd",
        "tŷ'r cyffredin",
        "ty'r cyffredin",
        "tŷ'r arglwyddi",
        "ty'r arglwyddi",
    }
)
_NOT_A_HOME_END = re.compile(
    r"(?i:\b(?:station|park|hospital|school|church|chapel|centre|center|hall|library|market|"
    r"airport|road|street|lane|council|university|college|academy|surgery|police|stadium|"
    r"ground|club|hotel|pub|inn|arms|cathedral|abbey|castle|museum|beach|bay|harbour|pier|"
    r"services|retail|shopping|bridge|quay|square|cross|gate|green|common))$"
)
_NOT_A_HOMES_FIRST = re.compile(
    r"(?i:(?:the[ \t]+)?(?:village|town|church|community|memorial|parish|city|county|guild|"
    r"scout|masonic|public|leisure|sports|civic|market|drill|assembly|music|concert|bingo|"
    r"dance|miners|working[ \t]+men)\b)"
)
# What makes a name with no cue a home's: a plant or a land word first
# ("Rosehill", "Hollybank", "Thistle Bank", "Ashgrove") or a home's last word
# ("Haughton Mill", "Beckside Barn"); "Anfield", "Gordale Scar", "Action
# Fraud" are none of these.
_HOMELIKE = re.compile(
    r"(?i:(?:the[ \t]+)?(?:rose|holly|ash|oak|elm|beech|birch|thistle|heather|fern|willow|hazel|"
    r"thorn|bramble|primrose|lilac|laurel|ivy|broom|gorse|hawthorn|rowan|cherry|apple|pine|"
    r"cedar|yew|larch|lime|brook|meadow|orchard|moss|sunny|briar|bracken|clover|daisy|poppy|"
    r"bluebell|foxglove|honeysuckle|jasmine|lavender|myrtle|sycamore|chestnut|walnut|hollies|"
    r"heron|wren|robin|swallow|lark|badger|otter).*"
    r"|.*(?:bank|croft|garth|dene|nook|brae|mead|[ \t]Brae|"
    r"[ \t](?:Mill|Mains|Barn|House|Farm|Cottage|Lodge|Grange|Croft|Bank|Lea|Hall|Manor|Byre|"
    r"Steading|Granary|Nest|Rest|Haven|View|End|Hollow|Side)))$"
)
_HOME_LAST = re.compile(
    r"[ \t](?:Mill|Mains|Barn|House|Farm|Cottage|Lodge|Grange|Croft|Bank|Brae|Lea|Byre|"
    r"Steading|Granary|Nest|Rest|Haven|View|Hollow)$"
)
_ROUND_5 = (
    _HOME_BEFORE_TOWN,
    _SIGNED_HOME,
    _AT_NAME_ON_STREET,
    _AT_NAME_THEN_HOUSE,
)


def _round_5_home(text: str, name: str) -> bool:
    """A home's name and not a town, a shop, a person or a public place."""
    words = name.split()
    if _NOT_A_HOME_END.search(name) or _NOT_A_HOMES_FIRST.match(name):
        return False
    if words[0].lower() in ("mr", "mrs", "ms", "miss", "dr"):
        return False
    if words[0].lower() in first_names() and not _HOME_LAST.search(name):
        return False  # "from Sandra, Leeds"; "of Heather Brae" is a home
    key = " ".join(w.lower() for w in words if w.lower() != "the")
    return key not in places() and _house_like(name)


def find_homes_where_an_address_would_be(text: str) -> Iterator[Detail]:
    """Homes named where an address would be, with no cue the older patterns
    know (module docstring; docs/redaction-figures.md "Round 5: people and houses")."""
    brands = brand_spans(text)
    for pattern in _ROUND_5:
        for match in pattern.finditer(text):
            name = match.group(1)
            if any(a <= match.start(1) < b for a, b in brands):
                continue
            if _PUBLIC_AFTER.match(text, match.end(1)) or not _round_5_home(text, name):
                continue
            if pattern is not _AT_NAME_THEN_HOUSE and not _HOMELIKE.match(name):
                continue
            near = text[max(0, match.start(1) - 40) : match.end(1) + 20]
            if _INSTITUTION.search(near) is not None:
                continue
            yield Detail(match.start(1), match.end(1), Category.ADDRESS)
    for match in _WELSH_HOME.finditer(text):
        group = match.lastindex or 1
        name = match.group(group)
        if _PUBLIC_AFTER.match(text, match.end(group)):
            continue
        key = " ".join(w.lower() for w in name.replace("’", "'").split())
        if key in places() or key in _PUBLIC_WELSH:
            continue  # "Cefn Mawr", "Maes Glas": towns; "Plas Newydd", "Tŷ Hafan": public
        yield Detail(match.start(group), match.end(group), Category.ADDRESS)


def doubtful_homes(text: str) -> Iterator[tuple[int, int]]:
    """Where a home's name may stand but the engine is not sure enough to
    replace it: a name after "we're at" of more words with no home's last
    word ("we're at Nether Howe"), and a name where an address would be
    without a plant, land or home word ("stolen from Gordale Scar,
    Malham"). Not a known town or a shop. For the card's check line."""
    brands = brand_spans(text)
    candidates = [(m, _WHERE_I_AM) for m in _WHERE_I_AM.finditer(text)]
    candidates += [(m, p) for p in _ROUND_5 for m in p.finditer(text)]
    for match, pattern in candidates:
        name = match.group(1)
        if any(a <= match.start(1) < b for a, b in brands):
            continue
        if pattern is _WHERE_I_AM:
            if " " not in name.strip() or re.search(rf"{_HOME_END}$", name):
                continue  # one word, or a home's word: the finders decide
            if not _house_like(name) or _known_place(name):
                continue
        elif _HOMELIKE.match(name) or not _round_5_home(text, name):
            continue
        yield match.start(1), match.end(1)


# Round 19: one word built on a Welsh or Cornish home's first part is a
# home's name where the writer says they are ("I'm at Brynteg, Cusop", "we're
# at Bodlondeb"), unless it is a known town ("I'm at Penrith").
_CELTIC_FIRST = re.compile(
    r"(?:Bryn|Bod|Pen|Tre|Plas|Hafod|Llys|Maes|Pant|Nant|Glan|Bron|Cefn|Tyddyn|Ty|Tŷ|Chy|Bos|Ros)"
    r"[a-zà-öø-ÿŵŷ]{2,}$"
)


def _known_place(name: str) -> bool:
    return " ".join(w.lower() for w in name.split() if w.lower() != "the") in places()


_RURAL = (
    _WE_FARM_AT,
    _OUTBUILDING_AT,
    _AT_ABOVE_PLACE,
    _LOWER_FARM_AFTER,
    _OUR_PLACE_BRACKET,
    _COMMA_OF_HOME,
)


def _rural_home(text: str, match: re.Match[str]) -> bool:
    """A rural home's name, not a town, a shop or a word: "Hill Top",
    "Pantglas", not "Tesco", "Wembley", "the puppy"."""
    name = match.group(1)
    words = name.split()
    if words[-1] == "Farm" and all(w.lower() in _GENERIC_FARM_WORDS for w in words[:-1]):
        return False  # "the stables at Home Farm": an estate's, a public place
    if match.re is _LOWER_FARM_AFTER:
        if words[0].lower() in _GENERIC_FARM_WORDS or _VISITED.search(
            text, max(0, match.start(1) - _LOOK_BACK), match.start(1)
        ):
            return False  # "Manor farm", "a trip to Mudchute farm"
        start = match.start(1)
        if start == 0 or re.search(r"[.!?\n][ \t]*$", text[:start]):
            return False  # a sentence's first word: "Dairy farm rules ..."
    return _house_like(name) and not (len(words) == 1 and words[0].lower() in places())


def _public_or_house(text: str, match: re.Match[str], pattern: re.Pattern[str]) -> bool:
    """False where the name is a town, a shop or a word for these patterns;
    after "at" and before a street, a town's name may be a house's."""
    name = match.group(1)
    if pattern is _ADDRESS_LINE:
        at = re.search(r"\bat[ \t]+$", text[: match.start(1)]) is not None
        return _house_like(name, town_too=at)
    if pattern in (_WHERE_I_AM, _MY_HOME_NAMED):
        return _not_public(name)
    if pattern is _ALONE_AT:
        return _house_like(name) and not _known_place(name)
    if pattern is _LOWER_WELSH_HOME:
        last = name.split()[-1].lower()
        key = " ".join(name.lower().replace("’", "'").split())
        return (
            (last not in ordinary_words() or last in _WELSH_ADJECTIVES)
            and not _known_place(name)
            and key.replace(" ", "-") not in places()
            and key.replace(" ", "") not in places()
            and key not in _PUBLIC_WELSH
        )
    return True


def find_more_house_names(text: str) -> Iterator[Detail]:
    """House names given in other ways: where the writer says they are,
    in lower case after "live at", farms, plant-word homes, "X of Y House",
    and a name before its street."""
    brands = brand_spans(text)
    for pattern in (
        _WHERE_I_AM,
        _LOWER_AFTER_CUE,
        _LOWER_WELSH_HOME,
        _ALONE_AT,
        _FARM,
        _COMPOUND_HOME,
        _NAME_OF_HOME,
        _ADDRESS_LINE,
        _POSSESSIVE_HOME,
        _MY_HOME_NAMED,
        *_RURAL,
    ):
        for match in pattern.finditer(text):
            name = match.group(1)
            if any(a <= match.start(1) < b for a, b in brands):
                continue
            if _PUBLIC_AFTER.match(text, match.end(1)):
                continue  # "Highbury House surgery", "Sunnyside Farm shop"
            if pattern is _FARM and _VISITED.search(
                text, max(0, match.start(1) - _LOOK_BACK), match.start(1)
            ):
                continue  # "took the kids to Mudchute Farm": a place people visit
            if pattern is _WHERE_I_AM and " " in name.strip():
                if not re.search(rf"{_HOME_END}$", name):
                    continue  # "we're at Kings Cross"
            elif (
                pattern is _WHERE_I_AM
                and not _HOME_NEAR.match(text, match.end(1))
                and not (_CELTIC_FIRST.match(name) and not _known_place(name))
            ):
                continue  # "We're at Wembley for the match": a home is not said
            elif not _public_or_house(text, match, pattern):
                continue
            if pattern in _RURAL and not _rural_home(text, match):
                continue
            if pattern is _ADDRESS_LINE and _a_persons_name(name):
                continue  # "My name is Sam Lee, 14 Elm Road"
            if pattern is _FARM and not _farm_named(match):
                continue
            near = text[max(0, match.start(1) - 40) : match.end(1) + 20]
            if _INSTITUTION.search(near) is not None:
                continue
            yield Detail(match.start(1), match.end(1), Category.ADDRESS)


# Round 7 (issue 15, after the sixth unseen set): homes named in forms the
# earlier patterns missed.
# A Cornish or Gaelic home's first word: "Chy Lowen", "Chy an Mor", "Tigh
# na Mara" (Welsh "Tŷ" is in _WELSH_HOME).
_CELTIC_HOME = re.compile(
    r"\b((?:Chy|Tigh|Taigh)(?:[ \t]+(?:an|na|a|an[ \t]+t-?))?[ \t]+[A-Z][a-zà-ÿ]+)\b"
)
# A home's name and a home's last word before "on <street>": "Skiddaw View
# on Station Street", "Drumduan House on the Nairn road".
_HOME_ON_STREET = re.compile(
    rf"(?<![\w'’])((?:The[ \t]+)?{_CAPITAL}(?:[ \t]+{_CAPITAL})?[ \t]+"
    r"(?:View|House|Lodge|Cottage|Bungalow|Farmhouse|Croft|Lea|Brae|Bank|Haven|Rest|Nest|Mains))"
    rf"(?=[ \t]+on[ \t]+(?:the[ \t]+)?(?:{_CAPITAL}[ \t]+){{1,3}}"
    r"(?:Road|Rd|Lane|Street|St|Close|Avenue|Ave|Way|Drive|Crescent|Terrace|Row|Grove|road|lane)\b)"
)
# A part of a home, then the home: "the loft of Drumduan House", "the
# garage at Skiddaw View".
_PART_OF_HOME = re.compile(
    r"(?i:\b(?:loft|attic|cellar|basement|garage|garden|shed|outbuildings?|grounds|driveway|"
    r"porch|annexe|kitchen|conservatory)[ \t]+(?:of|at)[ \t]+)"
    rf"((?:The[ \t]+)?{_CAPITAL}(?:[ \t]+{_CAPITAL})?[ \t]+"
    r"(?:View|House|Lodge|Cottage|Bungalow|Farmhouse|Farm|Croft|Lea|Brae|Bank|Mains|Hall|Manor))\b"
)


def find_homes_by_street_or_part(text: str) -> Iterator[Detail]:
    """Homes in these forms: a Cornish or Gaelic home ("Chy Lowen"),
    a home's name before "on <street>" ("Skiddaw View on Station Street"),
    a home after a part of it ("the loft of Drumduan House"). ADDRESS spans,
    start and end character offsets; a town, a public place or an
    institution's building stays."""
    brands = brand_spans(text)
    for pattern in (_CELTIC_HOME, _HOME_ON_STREET, _PART_OF_HOME):
        for match in pattern.finditer(text):
            name = match.group(1)
            if any(a <= match.start(1) < b for a, b in brands):
                continue
            if _PUBLIC_AFTER.match(text, match.end(1)):
                continue
            if pattern is not _CELTIC_HOME and not _round_5_home(text, name):
                continue
            near = text[max(0, match.start(1) - 40) : match.end(1) + 20]
            if _INSTITUTION.search(near) is not None:
                continue
            yield Detail(match.start(1), match.end(1), Category.ADDRESS)


# A boat that is a home, by its name: "a narrowboat called Dragonfly II" (a
# number or a Roman numeral may end it).
_BOAT_NAMED = re.compile(
    r"(?i:\b(?:narrow[ \t]?boat|house[ \t]?boat|canal[ \t]+boat|wide[ \t]?beam|barge|"
    r"dutch[ \t]+barge|boat|yacht|cruiser|liveaboard)[ \t]+(?:is[ \t]+)?(?:called|named)[ \t]+)"
    r"['‘\"“]?"
    r"(?P<name>[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|[IVX]{1,4}|\d{1,3}))*)"
)
# A one-word home after "contact me at"/"write to me at", with no street word
# after it: "Please contact me at Brynhyfryd or telephone ...".
_CONTACT_AT_HOME = re.compile(
    r"(?i:\b(?:contact|write[ \t]+to|find|reach|visit)[ \t]+(?:me|us)[ \t]+at[ \t]+)"
    r"(?P<name>[A-ZŴŶ][a-zà-öø-ÿŵŷ]{4,}(?:[ \t]+[A-ZŴŶ][a-zà-öø-ÿŵŷ]+)?)"
    r"(?=[ \t]*(?:,|\.|or\b|and\b|$))"
)


def find_named_boats_and_homes_to_write_to(text: str) -> Iterator[Detail]:
    """Homes in these forms: a boat's name after "narrowboat called"
    ("Dragonfly II"), a home's name after "contact me at" with no street
    word after it ("Brynhyfryd"). ADDRESS spans, start and end character
    offsets; a town, a public place, an institution or a brand stays."""
    brands = brand_spans(text)
    for match in _BOAT_NAMED.finditer(text):
        name = match.group("name")
        if any(a <= match.start("name") < b for a, b in brands):
            continue
        if name.split()[0].lower() in NOT_PERSONS:
            continue
        yield Detail(match.start("name"), match.end("name"), Category.ADDRESS)
    for match in _CONTACT_AT_HOME.finditer(text):
        name = match.group("name")
        words = [w.lower() for w in name.split()]
        if any(w in ordinary_words() or w in PLACE_WORDS or w in NOT_PERSONS for w in words):
            continue
        if words[0] in places() or _NOT_A_HOME_END.search(name) is not None:
            continue
        yield Detail(match.start("name"), match.end("name"), Category.ADDRESS)


# Round 10 (issue 15, after the eighth unseen set): a boat named after a
# comma, as a home: "we live aboard a narrowboat, the Dragonfly, moored
# on the Wensum".
_BOAT_THEN_NAME = re.compile(
    r"(?i:\b(?:narrowboat|narrow[ \t]+boat|barge|houseboat|canal[ \t]+boat|boat|yacht|cruiser|"
    r"widebeam)[ \t]*,[ \t]+(?:the[ \t]+|called[ \t]+|named[ \t]+)?)"
    r"(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?(?:[ \t]+(?:II|III|IV|\d))?)(?=[ \t]*[,.;)]|$)"
)


def find_boats_named_after_a_comma(text: str) -> Iterator[Detail]:
    """A boat's name set off by a comma after the boat ("a narrowboat, the
    Dragonfly,"), as a home's name. ADDRESS spans, start and end character
    offsets."""
    for match in _BOAT_THEN_NAME.finditer(text):
        yield Detail(match.start("name"), match.end("name"), Category.ADDRESS)


# Round 11 (issue 15, after the ninth unseen set): house names with no house
# word, known by what comes after them or before them.
_NAME_WORD = r"[A-ZŴŶ][\wà-öø-ÿŵŷ'’-]+"
_NAME_LINK = r"(?:y|yr|an|ar|a|'r|’r|de|na|of)"
_NO_WORD_NAME = rf"(?:The[ \t]+)?{_NAME_WORD}(?:[ \t]+(?:{_NAME_LINK}[ \t]+)?{_NAME_WORD}){{0,2}}"
_FULL_POSTCODE_SHAPE = r"(?i:[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2})\b"
# After "at" or "my address,": the name, a village, then the postcode: "at
# my address, The Manse, Kilmartin, PA31 8RQ", "We're at Little Trewen, St
# Just TR19 7JQ", "at Tŷ'r Ysgol, Llanfihangel, SY10 0NP"
_NAME_VILLAGE_POSTCODE = re.compile(
    r"(?i:\b(?:at|address(?:[ \t]+is)?[ \t]*[,:]))[ \t]+"
    rf"(?P<name>{_NO_WORD_NAME})[ \t]*,[ \t]*"
    r"(?:St\.?[ \t]+)?[A-ZŴŶ][\w'’-]+(?:[ \t]+[A-ZŴŶ][\w'’-]+){0,2}[ \t]*,?[ \t]*"
    rf"{_FULL_POSTCODE_SHAPE}"
)
# Set off by commas after a home's or a small business's word, then where it
# is: "a holiday let, Gwel an Mor, at Porthleven", "a small farm shop, Parc y
# Llyn, on the A470", "our cottage, Chy an Dowr, at Mousehole"
_HOME_SET_OFF = re.compile(
    r"(?i:\b(?:a|an|our|my|his|her|their|the)[ \t]+(?:[a-z]+[ \t]+){0,2}"
    r"(?:holiday[ \t]+(?:let|cottage|home)|let|cottage|farm[ \t]+shop|farmhouse|farm|"
    r"smallholding|croft|b&b|bed[ \t]+and[ \t]+breakfast|guest[ \t]?house|bungalow|barn|"
    r"chalet|house|home|place)[ \t]*,[ \t]*)"
    rf"(?P<name>{_NO_WORD_NAME})[ \t]*,[ \t]*"
    r"(?i:at|on|in|near|nr|by|outside|up|off|just|between|above|below)\b"
)


# a public place's first word, Welsh or English: "Ysbyty Gwynedd", "Ysgol Glan
# Clwyd", "Capel Bethel", "Hospital of St Cross"
_PUBLIC_FIRST = re.compile(
    r"(?:The[ \t]+)?(?:Ysbyty|Ysgol|Capel|Eglwys|Canolfan|Neuadd|Coleg|Prifysgol|Hospital|"
    r"Surgery|Church|Chapel|School|Academy|College|University|Hotel|Station|Police)\b"
)


def find_house_names_by_village_or_home_word(text: str) -> Iterator[Detail]:
    """Round 11: a house's name with no house word, before a village and a
    postcode after "at" or "my address," ("The Manse, Kilmartin, PA31 8RQ",
    "Little Trewen, St Just TR19 7JQ") or set off by commas after a home's
    or a farm shop's word ("a holiday let, Gwel an Mor, at Porthleven"):
    ADDRESS spans over the name, start and end character offsets. Not a
    known town, a shop's brand or a street."""
    brands = brand_spans(text)
    for pattern in (_NAME_VILLAGE_POSTCODE, _HOME_SET_OFF):
        for match in pattern.finditer(text):
            name = match.group("name")
            if any(a <= match.start("name") < b for a, b in brands):
                continue
            if (
                _known_place(name)
                or re.search(rf"\b{_STREET_WORDS}$", name)
                or _PUBLIC_FIRST.match(name)
            ):
                continue
            # before a village and a postcode, "The" and one word is a house:
            # "The Manse", "The Old Byre"
            the_house = pattern is _NAME_VILLAGE_POSTCODE and name.startswith("The ")
            if not (the_house or _house_like(name)):
                continue
            yield Detail(match.start("name"), match.end("name"), Category.ADDRESS)
