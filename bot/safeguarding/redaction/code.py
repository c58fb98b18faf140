"""Details with a fixed shape: email addresses, National Insurance numbers,
UK postcodes (full, and partial ones given as a place), vehicle
registrations (current, prefix and suffix formats) and numbers that lead to
one person (a bike's frame number, a taxi badge, a passport, card or
account number). Crime, case and incident references stay: they are the
police's own and residents are asked for them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.alerts.postcode import AREAS
from bot.safeguarding.redaction.detail import Category, Detail, word_set

# How far back a cue before a match is looked for: the cues are a few words
# long, and searching from the start each time made long texts quadratic.
_LOOK_BACK = 80

_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:(?:\.[\w-]+)+(?<!\.)"
    # a comma for the dot: "jo.b@gmail,com"
    r"|,(?:com|net|org|co[.,]uk)\b)",
    re.UNICODE,
)
# Written out to dodge spam filters or read aloud: "jo at example dot co dot
# uk", "jo dot bloggs at gmail dot com", "jo_b (at) hotmail", "jo @ gmail . com".
_SPOKEN_DOT = (
    r"(?:(?:\s*|-)(?:\bdot\b|\bpoint\b|\bfull[ \t]stop\b|\bperiod\b|\(dot\)|\[dot\]|\{dot\}"
    r"|<dot>)(?:\s*|-))"
)
_DOT = rf"(?:{_SPOKEN_DOT}|\.|[ \t]\.[ \t]?)"
# A local part's pieces: a word, or letters spelled one by one ("p e t e r");
# joined by "dot", "underscore", "dash", a dot, or a space before figures
# ("wojcik 88").
# Atomic (Python 3.11): once a piece is read it is not split again another
# way, or letters spaced apart ("A A A A ...") take exponential time.
_PIECE = r"(?:(?>(?:[a-z0-9][ \t]){1,}[a-z0-9](?![\w]))|[\w+-]+)"
_JOIN = (
    r"(?:\s+(?:dot|point|underscore|dash|hyphen)\s+|\s*[(\[](?:dot|underscore)[)\]]\s*|[._]"
    r"|[ \t]+\.[ \t]+(?=\w+[ \t]*@)"  # "jo . bloggs @ gmail . com"
    r"|(?<=[a-z])(?<![\w'’][a-z])[ \t](?=[a-z0-9])"
    r"|[ \t](?=\d+\s+at\b)"
    # figures in words in the name: "georgina dot hart seventy two at hotmail"
    r"|[ \t](?=(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|oh|zero|double|hundred)\b))"
)
_LOCAL = rf"{_PIECE}(?:{_JOIN}{_PIECE})*"
# "-at-" and "-dot-" too: "dan.p-at-gmail-dot-com"
_AT = r"(?:\s*|-)(?:\bat\b|\(at\)|\[at\]|\{at\}|<at>|\(@\)|\[@\]|\bat sign\b|@)(?:\s*|-)"
_PROVIDER = (
    r"(?:g[ \t]?mail|google[ \t]?mail|hot[ \t]?mail|outlook|yahoo|ymail|icloud|msn|aol|"
    r"bt[ \t]?internet|virgin[ \t]?media|talk[ \t]?talk|proton[ \t]?mail|tiscali|ntlworld|"
    r"blue[ \t]?yonder|gmx|btopenworld|eircom|wanadoo|yandex|seznam|libero|interia|onet|"
    r"proton[ \t]?me)"
)
# Any country's code after a spelled-out "dot" ("wp dot pl"); after a real
# dot, the common ones.
_TLD = r"(?:com|uk|org|net|me|io|info|gov|ac|nhs|co|police|sch|ltd|biz)"
# Countries' codes, after a real dot with nothing between ("m.krause at
# web.de", "j.nowak at wp.pl"), in lower case: none is an everyday word
# ("it", "no", "so", "am", "by" and the like are left out: "was at home.so").
_COUNTRY_TLD = (
    r"(?-i:(?:de|pl|fr|ie|nl|es|eu|ru|ro|lt|lv|ee|cz|sk|hu|pt|se|dk|fi|ch|au|nz|ca|za|bg|gr|"
    r"tr|ua|hr|si|rs|ng|gh|ke|pk|cn|jp|br|mx|lk|bd|ph|vn|th|sg|hk|tw|kr|ae|eg|tn|"
    r"il|ir|iq|af|ug|tz|zw|cy|mt|lu|li|gi|gg|mk|md|az|kz))(?![\w@])"
)
_SPELLED_EMAIL = re.compile(
    rf"(?<![\w.+-]){_LOCAL}{_AT}"
    rf"(?:[\w-]+(?:{_DOT}[\w-]+)*(?:{_DOT}{_TLD}|{_SPOKEN_DOT}[a-z]{{2}}|\.{_COUNTRY_TLD})\b"
    r"(?:[ \t]uk\b)?"  # "dot co uk"
    # after a provider's name any country's code: "m.rossi at libero.it"
    rf"|{_PROVIDER}\b(?:{_DOT}{_TLD}\b)*(?:\.[a-z]{{2}}\b)?)",
    re.IGNORECASE,
)

# Two letters, six digits, a suffix A-D, spaced anyhow. Any two letters: HMRC
# never issues some prefixes, but people copy the "QQ 12 34 56 C" example
# and mistype, and the shape alone is rare in ordinary text.
_NI_NUMBER = re.compile(r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", re.IGNORECASE)

_AREA = "(?:" + "|".join(sorted(AREAS, key=len, reverse=True)) + ")"
_OUTWARD = rf"{_AREA}\d[A-Z\d]?"
_INWARD = r"\d[ABD-HJLNP-UW-Z]{2}"

# round 18: a dot between the halves too, "BS7.8QT"
_FULL_POSTCODE = re.compile(rf"\b{_OUTWARD}(?:\s*|[-.]){_INWARD}\b", re.IGNORECASE)
# A letter O typed for a zero ("CRO 2AB", "SE1O 9QT", "M1 OAA"): in capitals
# anywhere, in lower case after "postcode".
_O_FIGURE = r"[\dO]"
_O_POSTCODE = rf"{_AREA}{_O_FIGURE}[A-Z\dO]?(?:\s*|-){_O_FIGURE}[ABD-HJLNP-UW-Z]{{2}}"
_O_FULL_POSTCODE = re.compile(rf"\b(?-i:{_O_POSTCODE})\b")
_O_CUED_POSTCODE = re.compile(
    rf"(?i:\bpost[ \t]?code(?:[ \t]+(?:is|was))?[ \t]*:?[ \t]*)((?i:{_O_POSTCODE}))\b"
)
# Spaced anyhow, as people type or read it out: "GU 27 3 RP", "b 23 7hl",
# "N W 1 0 4 R T", "L 8 7 NQ". Each letter and figure may stand alone; the
# whole must still be a real area, a district and an inward code. In lower
# case an inward code that reads as an ordinal ("m 1 2nd") is not one.
_INWARD_LETTER = "[ABD-HJLNP-UW-Z]"
# Two spaces between the halves are kept too: "N W 1 0  7 H Q".
_SPACED_POSTCODE = re.compile(
    # not the "s" of "postcode's": "our postcode's S1O 2HE"
    r"(?<![\w'’-])(?P<area>[A-Z](?:[ \t-]?[A-Z])?)[ \t-]?\d[ \t-]?(?:[A-Z\d][ \t-]?)?"
    rf"(?:[ \t]{{2}})?\d[ \t-]?{_INWARD_LETTER}[ \t-]?{_INWARD_LETTER}(?![\w-])",
    re.IGNORECASE,
)
_ORDINAL_END = re.compile(r"(?:\d[ \t]?)(?:st|nd|rd|th)$")
# Letters standing apart from the inward figure are not a two-letter word:
# "the M25 at junction 4" is a road, a figure and a word.
_LOOSE_INWARD = re.compile(r"\d[ \t](?i:at|up|us|he|we|be|to|an|as|eh|ah|ha|uh|ye|ya)$")
# A district ("BR6") or sector ("BR6 7") alone, written in capitals as
# postcodes are; it counts when nothing around it says road, bus or route.
_PARTIAL_POSTCODE = re.compile(rf"\b{_OUTWARD}(?:\s\d(?![\dA-Z]))?\b")
# In lower case only where it is given as a place: "postcode br6", "we're in br5".
_PARTIAL_AFTER_KEYWORD = re.compile(
    r"(?:\bpost\s?code(?:\s+(?:is|was|starts|started|begins|began|starting)(?:\s+with)?|:)?"
    r"|\b(?:live|living|based|we're|we are|r|are|i'm|im) in)\s+"
    rf"({_OUTWARD}(?:\s\d(?![\dA-Z]))?)\b",
    re.IGNORECASE,
)
# "the DN5 area", "round the LS6 postcode": a district given as a place, in
# capitals; not a road's number ("the M25 area", "the A1 area"). Round 12:
# "the SE20 part of Penge", "the LS6 end of Headingley".
_PARTIAL_AREA = re.compile(
    rf"(?i:\bthe)\s+({_OUTWARD})\s+(?i:area|district|post\s?code|(?:part|end|side|bit)\s+of)\b",
)
_ROAD_SHAPE = re.compile(r"[MAB]\d+")
_NOT_A_POSTCODE_BEFORE = re.compile(
    r"(?:\bthe|\broute|\bbus|\bjunction|\bj|\bno\.?|\bnumber|\bsection|(?<!['’])\bs|\bsize|\bform|#"
    r"|\bgalaxy|\biphone|\bpixel|\bmodel|\bseries|\btype|\bversion|\bnote"
    r"|\bon|\balong|\boff|\bonto|\bvia|\bup|\bdown|\bjoin|\bjoined|\bleave|\bleft"
    # part of a plate: "reg started wiv LD68"
    r"|\breg|\bplates?|\b(?:start|begin|end)\w*(?:\s+(?:with|wiv|in))?|\bbegan(?:\s+with)?)\s*$",
    re.IGNORECASE,
)
_NOT_A_POSTCODE_AFTER = re.compile(
    r"\s*(?:bus|buses|road|motorway|route|junction|night bus|service|series|model|toll|"
    r"southbound|northbound|eastbound|westbound|j\d+|services|slip)\b",
    re.IGNORECASE,
)

_VEHICLE_CURRENT = re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b", re.IGNORECASE)
# With dashes between the groups: "GY 18 - LPZ", "MV-18-KLO", "kd69-wzr".
_VEHICLE_DASHED = re.compile(
    r"\b[A-Z]{2}[ \t]?(?:-[ \t]?)?\d{2}[ \t]?-[ \t]?[A-Z]{3}\b"
    r"|\b[A-Z]{2}[ \t]?-[ \t]?\d{2}[ \t]?(?:-[ \t]?)?[A-Z]{3}\b",
    re.IGNORECASE,
)
# Northern Ireland: two or three letters, the last two a county's code (each
# has an I or a Z), and up to four figures: "AXZ 4521", "ABZ 7731", "IJ 123".
_VEHICLE_NORTHERN_IRELAND = re.compile(r"\b[A-Z]?(?:[A-HJ-PR-Y]Z|I[ABGJLW]|[JOUX]I)[ \t]?\d{2,4}\b")
# Spaced out ("WN 68 HVB") only in capitals: in lower case "is 68 the" would match.
_VEHICLE_CURRENT_SPACED = re.compile(r"\b[A-Z]{2}\s\d{2}\s?[A-Z]{3}\b")
_VEHICLE_PREFIX = re.compile(r"\b[A-HJ-NP-Y]\s?\d{1,3}\s?[A-Z]{3}\b")
_VEHICLE_SUFFIX = re.compile(r"\b[A-Z]{3}\s?\d{1,3}\s?[A-HJ-NP-Y]\b")
_PLATE_KEYWORD = re.compile(r"(?i:\b(?:reg|registration|plate|plates|number plate|index)\b)")
# An Irish registration: the year (two or three figures), the county's one or
# two letters and the number, with hyphens ("191-D-12345", "08-KY-4471").
_VEHICLE_IRISH = re.compile(r"(?<![\w/-])\d{2,3}-(?-i:[A-Z]{1,2})-\d{1,6}(?![\w/-])")


# "frame no WR4471239", "badge 4471", "passport number 123456789", "card
# ending 4321", "account 12345678", "NHS number 485 777 3456".
_ID_WORD = (
    r"(?i:\b(?:frame|serial|chassis|vin|imei|badge|collar|licen[cs]e|passport|account|acct|card|"
    r"membership|member|staff|employee|payroll|student|patient|nhs|policy|customer|"
    # a firearm or shotgun certificate; a farm's holding (CPH), herd or flock number;
    # a taxi's council plate
    r"certificate|cert|cph|holding|herd|flock|council[ \t]+plate|"
    # a pet's microchip, a works van's fleet number
    r"micro[ \t-]?chip|chip|fleet|"
    r"hackney|sort[ \t]code|card[ \t]ending(?:[ \t]in)?|ending[ \t]in|"
    # a driver's or rider's own number: "Driver ID 22314"
    r"(?:driver|rider|courier|operator)[ \t]+id)"
    # round 13: "number" misspelt, "frame numer WTU 4471 8829"
    r"[ \t]*(?:number|numer|numbr|nmber|nuber|numbe|no\.?|num|#|id|ref)?"
    r"[ \t]*(?:is|was|:|-|,)?[ \t]*)"
)
_ID_NUMBER = re.compile(
    rf"{_ID_WORD}(\d[\d \t-]{{4,}}\d(?![\w])|[A-Za-z0-9-]*\d{{3}}[A-Za-z0-9-]*|\d{{4}})"
)
# The same number in groups of capitals and figures, spaced or slashed: "frame
# number WTU 0847 3322 K", "badge number was 1KBF 7JH2 3014", "Certificate
# number 14/SG/0987", "CPH number, 33/512/0047".
_ID_GROUPS = re.compile(
    rf"{_ID_WORD}((?-i:[A-Z0-9]+(?:(?:[ \t]+|[ \t]*[/-][ \t]*)[A-Z0-9]+){{1,5}}))(?![\w/])"
)
_GROUP = re.compile(r"[A-Z0-9]+")
_MIN_ID_FIGURES = 3
# The code of a key safe, a door or an alarm, said in the same sentence:
# "the code is written on a bit of paper in the hall, it's 4471".
_ACCESS_CODE = re.compile(
    r"(?i:\b(?:key[ \t]?safe|door|alarm|gate|entry|access|lock|padlock|garage)[ \t]+"
    r"(?:code|pin|combination)\b|\bthe[ \t]+(?:code|pin|combination)\b)"
    r"(?=[^.?!\n\d]{0,100}?(?<![\w])(\d{4,8})\b)"
)
# "the code" is a lock's when one is named a little before it
_LOCKED = re.compile(r"(?i:\b(?:key[ \t]?safe|keysafe|alarm|padlock|lock|door|gate)\b)")
_YEAR_AFTER = re.compile(r"(?i:\b(?:in|since|from|until|till|of|by|before|after)[ \t]+)$")


_SERVICE_NUMBERS = frozenset({"999", "101", "111", "105", "112", "119", "116123", "116000"})


def find_id_numbers(text: str) -> Iterator[Detail]:
    """A number that leads to one person, with the word that says what it is
    ("frame no WR4471239", "badge 4471"): the span starts at that word."""
    for match in _ID_NUMBER.finditer(text):
        if re.sub(r"\D", "", match.group(1)) in _SERVICE_NUMBERS:
            continue  # "NHS 111": a service's number
        yield Detail(match.start(), match.end(1), Category.ID_NUMBER)
    for match in _ID_GROUPS.finditer(text):
        groups = list(_GROUP.finditer(match.group(1)))
        # not the words after it: "badge 4471 I think", "WX12345 PLEASE HELP"
        while groups and groups[-1].group(0).isalpha():
            if len(groups[-1].group(0)) == 1 and groups[-1].group(0) not in "IA":
                break
            groups.pop()
        figures = sum(c.isdigit() for g in groups for c in g.group(0))
        if len(groups) < 2 or figures < _MIN_ID_FIGURES:
            continue
        yield Detail(match.start(), match.start(1) + groups[-1].end(), Category.ID_NUMBER)
    for match in _ACCESS_CODE.finditer(text):
        if match.group(0).lower().startswith("the") and not _LOCKED.search(
            text, max(0, match.start() - 300), match.start()
        ):
            continue  # "the code of practice"
        if _YEAR_AFTER.search(text, max(0, match.start(1) - 10), match.start(1)):
            continue  # "changed in 2019"
        yield Detail(match.start(1), match.end(1), Category.ID_NUMBER)


# A frame number, a sort code or an account with a few words between the cue
# and the number: "sort code and account she gave was 20-45-77 63019284",
# "the frame number if that helps: WTU 294 C81663". The number is groups of
# capitals and figures, six figures or more, within the sentence.
_LOOSE_ID_CUE = re.compile(
    r"(?i:\b(?:sort[ \t]code|frame[ \t](?:number|no\.?)|account[ \t](?:number|no\.?)|"
    r"serial[ \t](?:number|no\.?)|chassis[ \t](?:number|no\.?))\b)"
    r"(?P<between>[^.?!\n\d]{0,40}?)"
    # the number starts with figures or a short group of capitals before them
    r"(?P<number>(?<![\w-])(?=(?-i:[A-Z]{1,4}[ \t]+)?(?-i:[A-Z]*)\d)"
    r"(?-i:[A-Z0-9]+(?:(?:[ \t]+|-)[A-Z0-9]+){0,4}))(?![\w/-])"
)
_MIN_LOOSE_FIGURES = 6


def find_loosely_cued_id_numbers(text: str) -> Iterator[Detail]:
    """A frame number, a sort code or an account number a few words after
    its cue ("sort code and account she gave was 20-45-77 63019284"): only
    the number is claimed, and only with six figures or more."""
    for match in _LOOSE_ID_CUE.finditer(text):
        groups = list(_GROUP.finditer(match.group("number")))
        while groups and groups[-1].group(0).isalpha():
            groups.pop()
        if sum(c.isdigit() for g in groups for c in g.group(0)) < _MIN_LOOSE_FIGURES:
            continue
        start = match.start("number")
        yield Detail(start, start + groups[-1].end(), Category.ID_NUMBER)


# Where an e-mail written out can be: an "at" or "@" somewhere in the text.
_AT_ANYWHERE = re.compile(r"(?i:\bat\b|@)")


# After "email (address) is" or "email:", up to two words spaced before the
# e-mail's name are part of it.
_EMAIL_CUE_WORDS = re.compile(
    r"(?i:\be-?mail(?:[ \t]+address)?(?:[ \t]+(?:is|was)|[ \t]*:)[ \t]+)"
    r"((?:(?!(?:the|same|still|now|my|just|also|on|it'?s|this|that)\b)[a-z][\w.+-]*[ \t]+){1,2})$"
)


def find_emails(text: str) -> Iterator[Detail]:
    for match in _EMAIL.finditer(text):
        yield Detail(match.start(), match.end(), Category.EMAIL)
    if _AT_ANYWHERE.search(text) is None:
        return  # nothing written out: "A A A A ..." need not be tried
    for match in _SPELLED_EMAIL.finditer(text):
        start = match.start()
        # the words before it after "my email is": "my email is jo bloggs 72 at gmail"
        cue = _EMAIL_CUE_WORDS.search(text, max(0, start - _LOOK_BACK), start)
        if cue is not None:
            start = cue.start(1)
        yield Detail(start, match.end(), Category.EMAIL)


def find_ni_numbers(text: str) -> Iterator[Detail]:
    for match in _NI_NUMBER.finditer(text):
        yield Detail(match.start(), match.end(), Category.NI_NUMBER)


# The inward code alone, given as such: "our postcode ends 4HQ".
_INWARD_ALONE = re.compile(
    # "our postcode ends 4HQ", "the postcode begins with CF24 and ends 3AA"
    r"(?i:\bpost[ \t]?code(?:[ \t]+[^.?!\n]{0,30}?[ \t]+and)?[ \t]+(?:ends|ending|ended|finishes)"
    r"[ \t]*(?:in|with)?[ \t]*)"
    r"(\d[ \t]?[ABD-HJLNP-UW-Z][ \t]?[ABD-HJLNP-UW-Z])\b",
    re.IGNORECASE,
)


# Round 12: a postcode district alone (a few thousand homes) goes only where
# it is said as where someone lives ("we live in BR6", "we're somewhere in
# the WF3 area", "postcode BR6") or bare in a sentence ("knocks on doors
# around BR4", as the older sets label it); said as an area it stays: "the
# G31 area", "round the LS6 area", "SY23 postcode", "B42." on its own, and
# after a street and a comma whose address already goes ("31 Gwendoline
# Street, CF11"). With no comma it is part of the address ("88 Green Street
# E7"), and a sector ("SE9 3") always goes: it is a few streets.
_HOME_IN_CLAUSE = re.compile(
    r"(?i:\b(?:live|lives|living|lived|based|reside|resides|residing|we['’]re|we[ \t]+are|"
    r"i['’]m|im|i[ \t]+am|home)\b)[^.!?\n;,]*$"
)
_AFTER_A_STREET = re.compile(
    r"(?i:\b(?:road|rd|street|st|lane|ln|avenue|ave|close|drive|dr|way|crescent|terrace|grove|"
    r"gardens|hill|place|court|parade|square|walk|row|mews|green|park|view|rise))\.?[ \t]*,[ \t]*$"
)
_AS_AN_AREA_AFTER = re.compile(r"[ \t]+(?i:area|district|postcode|post[ \t]code|side|end)\b")
_ALONE_AS_A_SENTENCE = re.compile(r"(?:^|[.!?\n])[ \t]*$")
_SENTENCE_ENDS = re.compile(r"[ \t]*(?:[.!?\n]|$)")


def _district_as_an_area(text: str, start: int, end: int) -> bool:
    """``text[start:end]``, a postcode district alone, is said as an area,
    not as where someone lives (see above); a sector never is."""
    if re.search(r"\s\d$", text[start:end]):
        return False
    before = text[max(0, start - _LOOK_BACK) : start]
    if _AFTER_A_STREET.search(before):
        return True  # the address before it goes; the district says only the area
    if _HOME_IN_CLAUSE.search(before):
        return False
    return bool(
        _AS_AN_AREA_AFTER.match(text, end)
        or (_ALONE_AS_A_SENTENCE.search(before) and _SENTENCE_ENDS.match(text, end))
    )


def find_postcodes(text: str) -> Iterator[Detail]:
    for match in _INWARD_ALONE.finditer(text):
        yield Detail(match.start(1), match.end(1), Category.POSTCODE)
    for match in _FULL_POSTCODE.finditer(text):
        yield Detail(match.start(), match.end(), Category.POSTCODE)
    for match in _O_FULL_POSTCODE.finditer(text):
        written = match.group(0)
        # a zero typed as O (the rest are above), with a figure too: not "NOBODY"
        if "O" in written[1:] and any(c.isdigit() for c in written):
            yield Detail(match.start(), match.end(), Category.POSTCODE)
    for match in _O_CUED_POSTCODE.finditer(text):
        if any(c.isdigit() for c in match.group(1)):
            yield Detail(match.start(1), match.end(1), Category.POSTCODE)
    for match in _SPACED_POSTCODE.finditer(text):
        written = match.group(0)
        if re.sub(r"[ \t-]", "", match.group("area")).upper() not in AREAS:
            continue  # the real postcode areas only
        if _ORDINAL_END.search(written):
            continue  # "the m 1 2nd exit"
        if _LOOSE_INWARD.search(written):
            continue  # "the M25 at junction 4": a word after the figure
        if _NOT_A_POSTCODE_BEFORE.search(text, max(0, match.start() - _LOOK_BACK), match.start()):
            continue
        yield Detail(match.start(), match.end(), Category.POSTCODE)
    for match in _PARTIAL_AFTER_KEYWORD.finditer(text):
        if not _district_as_an_area(text, match.start(1), match.end(1)):
            yield Detail(match.start(1), match.end(1), Category.POSTCODE)
    for match in _PARTIAL_AREA.finditer(text):
        if _ROAD_SHAPE.fullmatch(match.group(1)):
            continue
        before = text[max(0, match.start() - _LOOK_BACK) : match.start()]
        if _HOME_IN_CLAUSE.search(before) or re.search(r"(?i:post[ \t]?code)\W*$", before):
            yield Detail(match.start(1), match.end(1), Category.POSTCODE)
    for match in _PARTIAL_POSTCODE.finditer(text):
        if _NOT_A_POSTCODE_BEFORE.search(text, max(0, match.start() - _LOOK_BACK), match.start()):
            continue
        if _NOT_A_POSTCODE_AFTER.match(text, match.end()):
            continue
        if _district_as_an_area(text, match.start(), match.end()):
            continue
        yield Detail(match.start(), match.end(), Category.POSTCODE)


# A current plate with a zero typed for the letter O in its last three
# ("WF67 0DK", "KM64 0XA", "LJ07 0AB"), in capitals: next to a postcode it
# was read as the postcode's district alone. A shape that is also a whole
# postcode ("LS19 0DE") counts only after a word for a vehicle.
# Another figure mistyped there ("transit YX19 4KT") counts only after such a word too.
_VEHICLE_MISTYPED = re.compile(r"\b[A-Z]{2}\d{2}[ \t]?(?P<last>[A-Z\d]{3})\b")
_VEHICLE_WORD_BEFORE = re.compile(
    r"(?i:\b(?:reg|registration|plates?|car|van|vehicle|motorbike|moped|taxi|cab|corsa|astra|"
    r"fiesta|focus|golf|polo|transit|audi|bmw|ford|vauxhall|merc|mercedes|mini|kia|nissan|"
    r"toyota|honda|peugeot|renault|citroen|fiat|skoda|volvo|seat|juke|qashqai|clio|micra)\b)"
    r"[^.?!\n]{0,30}$"
)


# Small words after a district in lower case are words, not a plate's letters
_WORDS_AFTER_A_DISTRICT = word_set(
    "and but the for was are not you who his her its our off has had"
    # round 12: a district as part of a place, "the NW10 bit of", "the LS16 end of"
    " bit end lot top way"
)


def find_vehicle_regs(text: str) -> Iterator[Detail]:
    """Registrations in their fixed shapes: current ("AB12 CDE"), prefix,
    suffix, Northern Irish, Irish, dashed or spaced, and current with a
    zero for an O; VEHICLE_REG spans."""
    for match in _VEHICLE_CURRENT.finditer(text):
        if match.group(0)[-3:] in _WORDS_AFTER_A_DISTRICT:
            continue  # "the postcode begins with CF24 and ends 3AA"
        yield Detail(match.start(), match.end(), Category.VEHICLE_REG)
    for match in _VEHICLE_MISTYPED.finditer(text):
        last = match.group("last")
        if last.isalpha() or last.isdigit() or not any(c.isalpha() for c in last[1:]):
            continue  # a plate as issued (above), or a count, or "AB12 3 4"
        zero_for_o = not any(c.isdigit() and c != "0" for c in last)
        if (
            not zero_for_o or _FULL_POSTCODE.fullmatch(match.group(0))
        ) and not _VEHICLE_WORD_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue
        yield Detail(match.start(), match.end(), Category.VEHICLE_REG)
    for pattern in (
        _VEHICLE_CURRENT_SPACED,
        _VEHICLE_DASHED,
        _VEHICLE_NORTHERN_IRELAND,
        _VEHICLE_PREFIX,
        _VEHICLE_SUFFIX,
        _VEHICLE_IRISH,
    ):
        for match in pattern.finditer(text):
            yield Detail(match.start(), match.end(), Category.VEHICLE_REG)


# Round 10 (issue 15, after the eighth unseen set): numbers that lead to one
# farm or one worker, labelled as details by the set's writers.
# A livestock tag: "UK" and the herd's or flock's mark and the animal's number
# ("UK 9 720451", "UK 0 123456 00123", "UK741236 500123"): seven figures or more.
_UK_TAG = re.compile(r"\bUK(?:[ \t]?\d{1,7}){1,4}\b")
_MIN_TAG_FIGURES = 7
# A tag's number after "tag": "the lamb's tag is 372819", "ear tag 740123"
_CUED_TAG = re.compile(
    r"(?i:\b(?:ear[ \t]+)?tag(?:s|ged)?(?:[ \t]+(?:numbers?|nos?\.?))?"
    r"(?:[ \t]+(?:is|was|are|were|read|reads|said))?[ \t]*[:,-]?[ \t]*)"
    r"(?P<number>\d{6,12})\b"
)
# A courier's or driver's number on the bag, the box, the jacket, the
# helmet: "number on his bag was DR 4471", "his bag had R 2231 on it"
_CARRIED_NUMBER = re.compile(
    r"(?i:\b(?:number|no\.?|code)[ \t]+on[ \t]+(?:his|her|their|the)[ \t]+"
    r"(?:bag|box|backpack|jacket|helmet|vest|hi[ \t-]?vis|bike|scooter|van|moped)"
    r"(?:[ \t]+(?:was|is|said|read))?[ \t]*[:,-]?[ \t]*"
    r"|\b(?:bag|box|backpack|jacket|helmet|vest|hi[ \t-]?vis)[ \t]+(?:had|has|said|read|with)"
    r"(?:[ \t]+(?:the[ \t]+)?(?:number|no\.?|code))?[ \t]+)"
    r"(?P<number>(?-i:[A-Z]{1,3})[ \t-]?\d{2,6}|\d{3,6})\b"
)


def find_tags_and_carried_numbers(text: str) -> Iterator[Detail]:
    """Livestock tags ("tag numbers UK 9 720451", "the lamb's tag is
    372819") and a courier's number on the bag ("number on his bag was DR
    4471"): ID_NUMBER spans over the number, start and end character
    offsets. A crime reference stays (docs/decisions.md)."""
    for match in _UK_TAG.finditer(text):
        if sum(c.isdigit() for c in match.group(0)) >= _MIN_TAG_FIGURES:
            yield Detail(match.start(), match.end(), Category.ID_NUMBER)
    for pattern in (_CUED_TAG, _CARRIED_NUMBER):
        for match in pattern.finditer(text):
            yield Detail(match.start("number"), match.end("number"), Category.ID_NUMBER)


# Round 11 (issue 15, after the ninth unseen set): plates the shapes above
# leave. A personalised plate right after its cue, two groups of capitals and
# figures: "reg M1 KHAN", "private plate K1 LLA", "plate is 1 DAD" (seven
# characters at most, a figure and a letter in it).
_PERSONAL_PLATE = re.compile(
    r"(?i:\b(?:reg(?:istration)?(?:[ \t]+(?:mark|number|no\.?))?|(?:private[ \t]+|number[ \t]+|"
    r"personali[sz]ed[ \t]+|cherished[ \t]+)?plates?)[ \t]*(?:is|was|:|-)?[ \t]*)"
    r"(?P<plate>(?-i:[A-Z0-9]{1,4}[ \t][A-Z0-9]{1,4}))(?![\w'’])"
)
_MAX_PLATE_CHARACTERS = 7
# A second guess after a plate: "LS15 ADP or ADB", "YX19 KTE / KTF", "or maybe
# YX19 KTF": the last three letters again, or a whole plate
_SECOND_GUESS = re.compile(
    r"[ \t]*(?:[ \t]or[ \t]+"
    r"(?:(?i:maybe|possibly|poss|perhaps|it[ \t]+might[ \t]+be)[ \t]+)?|/[ \t]*)"
    r"(?P<guess>(?-i:[A-Z]{2}\d{2}[ \t]?[A-Z]{3}|[A-Z]{3}))(?![\w'’])"
)


def find_personal_plates_and_second_guesses(text: str) -> Iterator[Detail]:
    """A personalised plate right after "reg" or "plate" ("reg M1 KHAN") and
    a second guess at a plate's letters after a plate found here ("LS15 ADP
    or ADB": the guess): VEHICLE_REG spans, start and end character offsets."""
    plates: list[Detail] = []
    for match in _PERSONAL_PLATE.finditer(text):
        plate = match.group("plate")
        compact = plate.replace(" ", "").replace("\t", "")
        if (
            len(compact) <= _MAX_PLATE_CHARACTERS
            and any(c.isdigit() for c in compact)
            and any(c.isalpha() for c in compact)
        ):
            plates.append(Detail(match.start("plate"), match.end("plate"), Category.VEHICLE_REG))
    plates += list(find_vehicle_regs(text))
    for plate in plates:
        yield plate
        guess = _SECOND_GUESS.match(text, plate.end)
        if guess is not None:
            yield Detail(guess.start("guess"), guess.end("guess"), Category.VEHICLE_REG)


# Round 13 (issue 15, after the eleventh unseen set): a private plate with a
# word in it, its cue before it in the sentence or "private plate" after it:
# "reg ... was something like BF 6 ONE? private plate", "plate said K 9 DOG".
_WORDED_PLATE = re.compile(
    r"(?<![\w'’])(?P<plate>[A-Z]{1,3}[ \t]?\d{1,3}[ \t]+[A-Z]{2,4})(?![\w'’])"
)
_PLATE_BEFORE = re.compile(r"(?i:\b(?:reg|regs|registration|plates?|number[ \t]+plate)\b)")
_PLATE_AFTER = re.compile(
    r"(?i:[?!.,;:)\s]*(?:it'?s[ \t]+a[ \t]+|a[ \t]+)?(?:private|personal|cherished)[ \t]+plate)"
)


def find_worded_personal_plates(text: str) -> Iterator[Detail]:
    """Round 13: a personalised plate of letters, figures and a word ("BF 6
    ONE"), seven characters at most, after "reg" or "plate" in the same
    sentence or just before "private plate": VEHICLE_REG spans, start and end
    character offsets."""
    for match in _WORDED_PLATE.finditer(text):
        plate = match.group("plate")
        if len(plate.replace(" ", "").replace("\t", "")) > _MAX_PLATE_CHARACTERS:
            continue
        sentence = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start()))
        if _PLATE_BEFORE.search(text, sentence + 1, match.start()) or _PLATE_AFTER.match(
            text, match.end()
        ):
            yield Detail(match.start("plate"), match.end("plate"), Category.VEHICLE_REG)
