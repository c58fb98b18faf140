"""Phone numbers and vehicle registrations written the way people say them.

Phones: digits as words or mixed with figures ("oh seven seven double oh
nine hundred one two three", "07700 nine double oh one two three", "plus
four four seven seven ..."), and figures spaced or dotted oddly ("0 7 7 0 0
9 0 0 1 2 3", "077.009.001.23"). Registrations: read out letter by letter
or in the NATO alphabet ("Alpha Bravo one two Charlie Delta Echo"), or
spaced in lower case after a word that says a vehicle or plate is meant
("the van, ab 12 cde"); part of a plate given as such ("it started HN09").

Services' numbers stay, as in :mod:`.phone`: 999, 101, 111, 116 123, and
numbers starting 0800, 0808, 0500, 03, 084, 087 or 09.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise

from bot.alerts.postcode import AREAS
from bot.safeguarding.read_texts import hold
from bot.safeguarding.redaction.detail import Category, Detail, word_set

# How far back a cue before a match is looked for: the cues are a few words
# long, and searching from the start each time made long texts quadratic.
_LOOK_BACK = 80

_UNITS = {
    "zero": 0,
    "oh": 0,
    "o": 0,
    "nought": 0,
    "nil": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "niner": 9,
}
_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ZERO_WORDS = word_set("zero oh o nought nil")
_DOUBLE_ZERO_WORDS = word_set("oo ooh")  # "nine oo one": two zeros typed as letters
_REPEAT = {"double": 2, "triple": 3, "treble": 3}
_NATO = {
    "alpha": "A",
    "alfa": "A",
    "bravo": "B",
    "charlie": "C",
    "delta": "D",
    "echo": "E",
    "foxtrot": "F",
    "golf": "G",
    "hotel": "H",
    "india": "I",
    "juliet": "J",
    "juliett": "J",
    "kilo": "K",
    "lima": "L",
    "mike": "M",
    "november": "N",
    "oscar": "O",
    "papa": "P",
    "quebec": "Q",
    "romeo": "R",
    "sierra": "S",
    "tango": "T",
    "uniform": "U",
    "victor": "V",
    "whiskey": "W",
    "whisky": "W",
    "xray": "X",
    "x-ray": "X",
    "x ray": "X",
    "yankee": "Y",
    "zulu": "Z",
}
# Lower-case words that look like plate letters but are words.
_COMMON_SHORT_WORDS = word_set(
    """
    is it at on in of to be by we he me my no so up an or do go us am as if ok
    the and was for are but not you all any can had her his one our out day get has him
    how man men new now see two way who boy did its let put say she too use ago yrs old
    mph hrs min mins yes yet off few got lot van car bus say ran saw see sat set
    """
)

# A figure group may have the letter O typed for a zero ("O77OO 9OO123").
# and an l or I for a one between figures or after them ("07700 9oo 6l3", "46l").
_TOKEN = re.compile(
    # not the "o" of a number word glued on: "0seven7one two" is 0, seven, 7, one
    r"\+?(?:[Oo]|[lI](?=\d))*\d(?:\d|[Oo](?![Nn][Ee])|[lI](?=\d)|(?<=\d)[lI](?![\w]))*"
    r"|(?i:x[ -]?ray)\b|[A-Za-z]+|[^\sA-Za-z\d]"
)
_SEPARATORS = frozenset(",.-()")
# Between a phone number's groups also: "07911/234/567", "07700_900_518",
# "07700 | 900 | 227" (a slash only after a whole dialling code, below).
_PHONE_SEPARATORS = _SEPARATORS | frozenset("/_|…")
_PLATE_SEPARATORS = frozenset(",-")
_PAUSE_MARKS = frozenset(".-…")
_MOST_PAUSE_MARKS = 3
_SERVICE_PREFIXES = ("0800", "0808", "0500", "03", "084", "087", "09", "116", "118", "999")
_PHONE_CUE = re.compile(
    r"(?i:\b(?:call|ring|phone|mobile|mob|number|no|num|tel|telephone|text|whatsapp|contact|"
    r"reach|landline|on|is|at)\b)[\s:.,-]*$"
)
_VEHICLE_CUE = re.compile(
    r"(?i:\b(?:reg|registration|plate|plates|index|car|van|vehicle|motorbike|bike|moped|"
    r"lorry|truck|taxi|cab|suv|4x4|motor|hatchback|estate|transit|number|"
    # makes and models: "a blue golf m452 ktb", "old mini abc123d"
    r"ford|vauxhall|audi|bmw|merc|mercedes|vw|volkswagen|toyota|nissan|honda|kia|hyundai|"
    r"peugeot|renault|citroen|fiat|skoda|volvo|mini|golf|polo|corsa|astra|fiesta|focus|"
    r"sprinter|rover|jag|jaguar|tesla|mazda|suzuki|lexus|dacia|yamaha|kawasaki|qashqai|"
    r"juke|clio|micra|yaris|prius|octavia|insignia|mondeo|escort|punto|zafira|berlingo)\b)"
)


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str

    @cached_property  # read many times a question: worked out once a token
    def lower(self) -> str:
        """The text in lower case, a figure group with its letter Os as zeros."""
        if any(c.isdigit() for c in self.text):
            return self.text.lower().replace("o", "0").replace("l", "1").replace("i", "1")
        return self.text.lower()


@hold
@lru_cache(maxsize=16)
def _tokens(text: str) -> tuple[_Token, ...]:
    """The text's tokens, read once a question (each finder here reads them)."""
    return tuple(_Token(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text))


def _is_number_token(token: _Token) -> bool:
    word = token.lower
    return (
        word.lstrip("+").isdigit()
        or word in _UNITS
        or word in _TEENS
        or word in _TENS
        or word in _REPEAT
        or word in _DOUBLE_ZERO_WORDS
        or word in ("hundred", "thousand")
    )


class _Digits:
    """Turns number words, read in order, into the digits they say: "oh
    seven seven" is 077, "nine hundred and twelve" 912, "double nine" 99."""

    def __init__(self) -> None:
        self.digits = ""
        self.total = 0
        self.current: int | None = None
        self.last = ""  # "unit", "tens", "teen", "hundred", "thousand", "and"
        self.repeat = 1

    def flush(self) -> None:
        if self.current is not None:
            self.digits += str(self.total + self.current)
        self.total, self.current, self.last = 0, None, ""

    def add(self, word: str) -> None:
        if word.lstrip("+").isdigit():
            self.flush()
            self.digits += word.lstrip("+") * self.repeat
            self.repeat = 1
        elif word in _REPEAT:
            self.flush()
            self.repeat = _REPEAT[word]
        elif word in _DOUBLE_ZERO_WORDS:
            self.flush()
            self.digits += "00" * self.repeat
            self.repeat = 1
        elif word in _ZERO_WORDS:
            self.flush()
            self.digits += "0" * self.repeat
            self.repeat = 1
        elif word in _UNITS or word in _TEENS or word in _TENS:
            value = _UNITS.get(word, _TEENS.get(word, _TENS.get(word, 0)))
            kind = "unit" if word in _UNITS else "teen" if word in _TEENS else "tens"
            if self.repeat > 1:
                self.flush()
                self.digits += str(value) * self.repeat
                self.repeat = 1
                return
            # "nine hundred one two three" is read as 900123, as phone
            # numbers are said; "nine hundred and five", "two thousand five",
            # "nine hundred twelve" and "twenty one" are one number.
            joins = self.current is not None and (
                self.last in ("and", "thousand")
                or (self.last == "hundred" and kind != "unit")
                or (self.last == "tens" and kind == "unit")
            )
            if joins:
                self.current = (self.current or 0) + value
            else:
                self.flush()
                self.current = value
            self.last = kind
        elif word == "hundred":
            self.current = (self.current if self.current else 1) * 100
            self.last = "hundred"
        elif word == "thousand":
            self.total = (self.total + (self.current or 1)) * 1000
            self.current = 0
            self.last = "thousand"
        elif word == "and":
            self.last = "and"

    def done(self) -> str:
        self.flush()
        return self.digits


def _runs(tokens: Sequence[_Token]) -> Iterator[list[_Token]]:
    """Stretches of number tokens, with single separators or "and" after a
    hundred or thousand between them."""
    index = 0
    while index < len(tokens):
        if not _is_number_token(tokens[index]):
            index += 1
            continue
        run = [tokens[index]]
        index += 1
        while index < len(tokens):
            token = tokens[index]
            if _is_number_token(token):
                run.append(token)
                index += 1
                continue
            # round 18: a pause typed between the groups, "07700 ... 900 417",
            # "07700 … 900417", "07700 -- 900417": up to three marks as one
            marks = 1
            while (
                marks < _MOST_PAUSE_MARKS
                and index + marks < len(tokens)
                and tokens[index + marks].text == token.text
                and token.text in _PAUSE_MARKS
            ):
                marks += 1
            following = tokens[index + marks] if index + marks < len(tokens) else None
            bridges = token.text in _PHONE_SEPARATORS or (
                token.lower == "and" and run[-1].lower in ("hundred", "thousand")
            )
            if bridges and following is not None and _is_number_token(following):
                if token.lower == "and":
                    run.append(token)
                index += marks
                continue
            # a number told in parts: "07700 then 900 then 456", "... and then 456"
            said = 2 if token.lower == "and" and following and following.lower == "then" else 1
            after = tokens[index + said] if index + said < len(tokens) else None
            if (
                token.lower in ("then", "and")
                and tokens[index + said - 1].lower == "then"
                and after is not None
                and _is_number_token(after)
            ):
                index += said
                continue
            break
        yield run


def _inside_a_word(text: str, start: int, end: int) -> bool:
    return (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum())


def _is_service(digits: str) -> bool:
    return digits.startswith(_SERVICE_PREFIXES) or digits in ("101", "111", "105", "112")


# A count after a number: "phoned them 0151 724 9310 three times".
_COUNT_AFTER = re.compile(
    r"[ \t]+(?i:times?|days?|weeks?|months?|years?|hours?|minutes?|mins?|people|men|kids|"
    r"cars|calls|messages|texts|more|of)\b"
)


def _without_a_count(text: str, run: list[_Token]) -> list[_Token]:
    """The run less number words at its end that count what follows them,
    where figures come before them."""
    if not _COUNT_AFTER.match(text, run[-1].end):
        return run
    trimmed = list(run)
    while len(trimmed) > 1 and trimmed[-1].text.isalpha():
        trimmed.pop()
    return trimmed if any(t.text[:1].isdigit() for t in trimmed) else run


# An old exchange's number after its place: "telephone Moffat two-two-oh-three-six",
# "Tel: Leeds 496 0832", "ring me on Aberfeldy 24716". The place stays.
_EXCHANGE_CUE = re.compile(
    r"(?i:\b(?:call|ring|phone|phoned|tel|telephone|telephoned|landline|rung|reached|contacted|"
    r"my[ \t]+number|number[ \t]+(?:is|was))\b)"
    r"(?:[ \t]+(?i:me|us|him|her|them|on|is|was|at))*[ \t]*[:.,-]?[ \t]*"
    r"(?:[A-Z][a-z]+(?:[ \t-][A-Z][a-z]+)?)[ \t]*[:,-]?[ \t]*$"
)
# five figures or more (four said in words): "ring Dave 2024" is a year
_EXCHANGE_DIGITS = range(5, 9)
_EXCHANGE_WORDED_DIGITS = range(4, 9)
# Before a slash, a whole dialling code ("07911/", "0161/"), not a reference's
# or a date's first figures ("01/123456/24", "01/02/2026").
_SLASHED_GROUPS = 4


def _slashes_fit(text: str, run: list[_Token]) -> bool:
    """Whether a run with slashes between its groups is a number's, not a
    reference's or a date's: figures before the first slash make a dialling
    code, and no reference word comes before it."""
    first_slash = text.find("/", run[0].start, run[-1].end)
    if first_slash < 0:
        return True
    before = re.sub(r"\D", "", text[run[0].start : first_slash].replace("O", "0"))
    if len(before) < _SLASHED_GROUPS or not before.startswith("0"):
        return False
    return _REFERENCE_WORD.search(text, max(0, run[0].start - 40), run[0].start) is None


_REFERENCE_WORD = re.compile(
    r"(?i:\b(?:ref|reference|crime|case|incident|log|order|invoice|tracking|account|policy|"
    r"claim|booking|ticket)\b)[^\n]{0,20}$"
)


# A UK number in full: 0 and ten figures.
_WHOLE_UK_DIGITS = 11


def _said_digits(run: Sequence[_Token]) -> str:
    reader = _Digits()
    for token in run:
        reader.add(token.lower)
    return reader.done()


def _without_words_after_a_whole_number(text: str, run: list[_Token]) -> list[_Token]:
    """A run cut where a UK number ("07...", "01...", "02...") is whole and
    what follows is words after a number all in figures ("0770 090 0400
    three lads"), or comes after a full stop ("07700 nine oh oh four one
    seven. three lads") (round 18). A number said in words with a figure
    too many ("... treble three one") is read as said, as before."""
    digits = _said_digits(run)
    if len(digits) <= _WHOLE_UK_DIGITS or digits[:2] not in ("07", "01", "02"):
        return run
    for cut in range(1, len(run)):
        if len(_said_digits(run[:cut])) != _WHOLE_UK_DIGITS:
            continue
        in_figures = all(t.text.lstrip("+").isdigit() for t in run[:cut])
        words_after = all(t.text.isalpha() for t in run[cut:])
        stop = re.search(r"\.\s", text[run[cut - 1].end : run[cut].start]) is not None
        if (in_figures and words_after) or stop:
            return run[:cut]
    return run


def find_spoken_phones(text: str) -> Iterator[Detail]:
    """Phone numbers in words, mixed, or in figures spaced oddly."""
    tokens = _tokens(text)
    for whole in _runs(tokens):
        run = _without_words_after_a_whole_number(text, _without_a_count(text, whole))
        start = run[0].start
        if not _slashes_fit(text, run):
            continue
        plus = False
        before = text[max(0, start - 6) : start].lower()
        if before.rstrip().endswith("plus"):
            plus = True
            start = text.lower().rindex("plus", 0, start)
        elif run[0].text.startswith("+"):
            plus = True
        if _inside_a_word(text, run[0].start, run[-1].end):  # "NFRC240512345"
            continue
        reader = _Digits()
        for token in run:
            reader.add(token.lower)
        digits = reader.done()
        if plus or digits.startswith("0044"):
            digits = "0" + digits.removeprefix("00").removeprefix("44")
        elif digits.startswith("44") and len(digits) >= 12:
            digits = "0" + digits[2:]
        if _is_service(digits):
            continue
        exchange = (
            _EXCHANGE_CUE.search(text, max(0, start - _LOOK_BACK), start) is not None
            and _REFERENCE_WORD.search(text, max(0, start - 40), start) is None
        )
        worded_run = any(t.text.isalpha() for t in run)
        fits = _EXCHANGE_WORDED_DIGITS if worded_run else _EXCHANGE_DIGITS
        counted = _COUNT_AFTER.match(text, run[-1].end) is not None  # "call them 12000 times"
        if exchange and len(digits) in fits and not plus and not counted:
            yield Detail(start, run[-1].end, Category.PHONE)
            continue
        worded = any(t.text.isalpha() for t in run)
        if worded:
            cue = _PHONE_CUE.search(text, max(0, start - _LOOK_BACK), start) is not None
            # 6 figures after "ring me on": an old village exchange's local number
            if not (
                len(digits) >= 9
                or (len(digits) >= 7 and digits[0] == "0")
                or (len(digits) >= 6 and cue)
            ):
                continue
        else:
            typed_o = any(not t.text.lstrip("+").isdigit() for t in run)  # "O77OO"
            slashed = "/" in text[run[0].start : run[-1].end]
            # a number broken over two lines: "077009\n00461"
            broken = "\n" in text[run[0].start : run[-1].end]
            written = text[run[0].start : run[-1].end]
            paused = "…" in written or ".." in written or "--" in written  # "07700 … 900417"
            loose = typed_o or slashed or broken or paused
            if (len(run) < 3 and not loose) or not digits.startswith("0"):
                continue
            # one figure too many, typed apart ("07 3 9 8 2 1 4 6 5 0 5"): a
            # mobile all the same
            if not (10 <= len(digits) <= 11 or (len(digits) == 12 and digits[:2] == "07")):
                continue
        yield Detail(start, run[-1].end, Category.PHONE)


# A number that leads to one person, said in words after what it is: "sort
# code two oh, double oh, one two, account one two three four five six seven
# eight", "passport number five three two ...". Not a reference: crime,
# case and incident references are the police's own.
_ID_CUE = re.compile(
    r"(?i:\b(?:account|acct|sort[ \t]code|passport|badge|collar|warrant|card|membership|member|"
    r"staff|employee|payroll|student|patient|nhs|policy|customer|licen[cs]e|frame|serial|"
    r"chassis|vin|imei|national[ \t]insurance|ni)\b(?:[ \t]+(?:number|no\.?|num))?"
    r"(?:[ \t]+(?:is|was))?[ \t]*[:,-]?[ \t]*)$"
)
_MIN_ID_DIGITS = 4


def find_worded_ids(text: str) -> Iterator[Detail]:
    """Account, sort code, passport, card and like numbers said in words (or
    words and figures) right after what they are."""
    tokens = _tokens(text)
    for whole in _runs(tokens):
        run = _to_sentence_end(text, whole)
        if not any(t.text.isalpha() for t in run):
            continue  # in figures: code.find_id_numbers
        if _ID_CUE.search(text, max(0, run[0].start - _LOOK_BACK), run[0].start) is None:
            continue
        reader = _Digits()
        for token in run:
            reader.add(token.lower)
        if len(reader.done()) >= _MIN_ID_DIGITS:
            yield Detail(run[0].start, run[-1].end, Category.ID_NUMBER)


def _to_sentence_end(text: str, run: list[_Token]) -> list[_Token]:
    """The run up to a full stop and a space: "badge 4471. One passenger"."""
    for index, (before, after) in enumerate(pairwise(run)):
        if re.search(r"[.!?]\s", text[before.end : after.start]):
            return run[: index + 1]
    return run


_PLATE_SHAPES = re.compile(
    r"[A-Z]{2}\d{2}[A-Z]{3}"  # current: AB12CDE
    r"|[A-HJ-NP-Y]\d{1,3}[A-Z]{3}"  # prefix: P45XYZ
    r"|[A-Z]{3}\d{1,3}[A-HJ-NP-Y]"  # suffix: ABC123D
)


def _plate_piece(token: _Token) -> str | None:
    """What one token adds to a plate read out: letters, digits or None."""
    word = token.lower
    if word in _NATO:
        return _NATO[word]
    if token.text.isdigit() and len(token.text) <= 3:
        return token.text
    if word.isdigit():
        return None
    if word in _UNITS and word != "o":
        return str(_UNITS[word])
    if token.text.isalpha() and len(token.text) <= 3:
        return token.text.upper()
    return None


# Part of a plate, given as such: "it started HN09", "the reg began with
# AB12", "partial plate: KX19", "plates ending in 'FGE'".
_PARTIAL_PLATE = re.compile(
    r"(?i:\b(?:reg|registration|plates?|number[ \t]+plate|index)\b[^.\n]{0,25}?"
    r"\b(?:start(?:s|ed|ing)?|begin(?:s|ning)?|began|end(?:s|ed|ing)?|had|contain(?:s|ed|ing)?|"
    r"partial)[ \t]*(?:with|wiv|wif|w/|in|was|is|:)?[ \t]*['\"“‘]?)"
    r"((?=[A-Za-z0-9 ]*\d)[A-Za-z0-9]{2,4}(?:[ \t][A-Z0-9]{1,3})?|[A-Z]{2,3})(?![\w])"
)


# "Partial reg 'DF5'", "part of the plate: KX19", "half the reg was AB1"
_PARTIAL_BEFORE_PLATE = re.compile(
    r"(?i:\b(?:partial|part[ \t]+of[ \t]+(?:the|a)|half[ \t]+(?:of[ \t]+)?the|first[ \t]+bit"
    r"[ \t]+of[ \t]+the|some[ \t]+of[ \t]+the)[ \t]+(?:reg(?:istration)?|plate|number[ \t]+plate)"
    r"[ \t]*(?:is|was|:|-|=)?[ \t]*['\"“‘]?)"
    r"((?=[A-Za-z0-9 ]*\d)[A-Za-z0-9]{2,4}(?:[ \t][A-Z0-9]{1,3})?|[A-Z]{2,3})(?![\w])"
)


def find_partial_plates(text: str) -> Iterator[Detail]:
    """Part of a plate, given as such."""
    return iter(_find_partial_plates(text))


@hold
@lru_cache(maxsize=16)  # read again by situation.find_described_plates
def _find_partial_plates(text: str) -> tuple[Detail, ...]:
    return tuple(_find_partial_plates_in(text))


def _find_partial_plates_in(text: str) -> Iterator[Detail]:
    for pattern in (_PARTIAL_PLATE, _PARTIAL_BEFORE_PLATE):
        for match in pattern.finditer(text):
            yield Detail(match.start(1), match.end(1), Category.VEHICLE_REG)


# Right after "reg", "registration (mark)", "plate": whatever plate follows,
# cherished ones too ("reg WR 1 X", "registration Romeo Echo Golf one").
_PLATE_CUE = re.compile(
    r"(?i:\b(?:reg(?:istration)?(?:[ \t]+(?:mark|number|no\.?))?|(?:private[ \t]+|number[ \t]+)?"
    r"plates?)[ \t]*(?:is|was|are|were|:|-)?[ \t]*)$"
)


def _cued_piece(token: _Token) -> str | None:
    """A plate's piece after "reg" or "plate": also figures in fours and fives,
    as plates abroad and in Northern Ireland have them ("WX 12345")."""
    if token.text.isdigit() and len(token.text) <= 5:
        return token.text
    return _plate_piece(token)


def find_cued_plates(text: str) -> Iterator[Detail]:
    """Any plate, cherished ones too, right after a word that says a plate
    follows: capitals, figures, the NATO alphabet or figures in words, with
    at least one letter and one figure."""
    return iter(_find_cued_plates(text))


@hold
@lru_cache(maxsize=16)  # read again by situation.find_described_plates
def _find_cued_plates(text: str) -> tuple[Detail, ...]:
    return tuple(_find_cued_plates_in(text))


def _find_cued_plates_in(text: str) -> Iterator[Detail]:
    tokens = _tokens(text)
    for index, token in enumerate(tokens):
        if not _PLATE_CUE.search(text, max(0, token.start - 40), token.start):
            continue
        if (
            index > 0
            and tokens[index - 1].end > token.start - 1
            and _plate_piece(tokens[index - 1])
        ):
            continue  # inside a run of pieces, not its start
        used: list[_Token] = []
        for candidate in tokens[index : index + 8]:
            piece = _cued_piece(candidate)
            plate_like = (
                candidate.lower in _NATO
                or candidate.text.isdigit()
                or (candidate.lower in _UNITS and candidate.lower != "o")
                or (candidate.text.isalpha() and candidate.text.isupper())
            )
            if piece is None or not plate_like:
                break
            used.append(candidate)
        # the longest run of pieces that makes a plate's shape, or all of them
        # for a cherished plate: "WN 68 HVB I think" stops before "I"
        for length in range(len(used), 1, -1):
            if _PLATE_SHAPES.fullmatch("".join(_cued_piece(t) or "" for t in used[:length])):
                used = used[:length]
                break
        pieces = "".join(_cued_piece(t) or "" for t in used)
        has_both = any(c.isdigit() for c in pieces) and any(c.isalpha() for c in pieces)
        if has_both and len(pieces) <= 8 and not _inside_a_word(text, used[0].start, used[-1].end):
            yield Detail(used[0].start, used[-1].end, Category.VEHICLE_REG)


def find_spoken_regs(text: str) -> Iterator[Detail]:
    """Registrations read out (NATO alphabet, letter by letter) or spaced in
    lower case after a vehicle word."""
    return iter(_find_spoken_regs(text))


@hold
@lru_cache(maxsize=16)  # read again by situation.find_described_plates
def _find_spoken_regs(text: str) -> tuple[Detail, ...]:
    return tuple(_find_spoken_regs_in(text))


_MOST_PLATE_PIECES = 12


def _find_spoken_regs_in(text: str) -> Iterator[Detail]:
    tokens = _tokens(text)
    index = 0
    while index < len(tokens):
        pieces: list[tuple[_Token, str]] = []
        scan = index
        # a plate is at most seven characters: a dozen pieces is plenty, and
        # a long run of single letters ("A A A ...") stays linear
        while scan < len(tokens) and len(pieces) < _MOST_PLATE_PIECES:
            piece = _plate_piece(tokens[scan])
            if piece is None:
                if tokens[scan].text in _PLATE_SEPARATORS and pieces:
                    scan += 1
                    continue
                break
            pieces.append((tokens[scan], piece))
            scan += 1
        found = _plate_in(text, pieces)
        if found is not None:
            yield found
            index = max(index + 1, next(i for i, t in enumerate(tokens) if t.end >= found.end) + 1)
        else:
            index += 1


def _plate_in(text: str, pieces: list[tuple[_Token, str]]) -> Detail | None:
    """The first plate shape made of whole pieces from the first piece on."""
    joined = ""
    for count, (_token, piece) in enumerate(pieces, 1):
        joined += piece
        if count < 2 or not _PLATE_SHAPES.fullmatch(joined):
            continue
        used = [t for t, _ in pieces[:count]]
        # the longest shape wins: "AB 12 CDE" not "AB 12 C" for a suffix shape
        longer = joined
        for extra_token, extra in pieces[count:]:
            longer += extra
            if _PLATE_SHAPES.fullmatch(longer):
                used.append(extra_token)
            else:
                break
        if _inside_a_word(text, used[0].start, used[-1].end):  # a frame number
            return None
        if _believable(text, used):
            return Detail(used[0].start, used[-1].end, Category.VEHICLE_REG)
        return None
    return None


# A road's number after "the" ("down the A63 lol", "on the M62 omg"): a
# road, not a prefix-style plate (round 13, the eleventh set).
_ROAD_NUMBER = re.compile(r"[ABM]\d{1,4}")
_THE_BEFORE = re.compile(r"(?i:\bthe[ \t]+)\Z")
# The services' numbers a plate read out in lower case never holds ("a 101 job")
_SERVICE_FIGURES = frozenset({"101", "111", "999", "105", "112", "119"})


def _believable(text: str, used: list[_Token]) -> bool:
    road = text[used[0].start : used[1].end if len(used) > 1 else used[0].end]
    if _ROAD_NUMBER.fullmatch(road) and _THE_BEFORE.search(
        text, max(0, used[0].start - 8), used[0].start
    ):
        return False
    if used[0].text in ("a", "an") and any(t.text in _SERVICE_FIGURES for t in used[1:3]):
        return False  # round 20: "is this a 101 job", "a 999 call": a service's number
    nato = sum(t.lower in _NATO for t in used)
    if nato >= 2:
        return True
    letters = [
        t for t in used if t.text.isalpha() and t.lower not in _NATO and t.lower not in _UNITS
    ]
    # Read out letter by letter in capitals: "A B 1 2 C D E" (grouped capitals,
    # "AB12 CDE", are code.py's; grouped pieces here would join a postcode
    # to the next sentence's "A").
    figures = [t for t in used if t.text.isdigit()]
    one_figure_group = len(figures) == 1 and len(figures[0].text) == 2  # "AB12 C D E"
    one_by_one = all(len(t.text) == 1 or t.lower in _UNITS for t in used)  # "F Y one six"
    if all(t.text.isupper() for t in letters) and (
        one_by_one or (one_figure_group and len(used) >= 4)
    ):
        return True
    if any(t.lower in _COMMON_SHORT_WORDS for t in letters):
        return False
    window = text[max(0, used[0].start - 60) : used[0].start]
    return _VEHICLE_CUE.search(window) is not None


# --- a plate read out, whole or in part ------------------------------------

# Between the pieces of a plate read out: "then", "and", "I think", "maybe".
_READ_OUT_BRIDGES = (
    ("and", "then"),
    ("then",),
    ("and",),
    ("or",),
    ("maybe",),
    ("possibly",),
    ("i", "think"),
    ("i", "thought"),
    # "begins with Golf Yankee and ends X-ray Echo Lima"
    ("and", "ends", "with"),
    ("and", "ends", "in"),
    ("and", "ends"),
    ("and", "ending", "in"),
    ("and", "ending"),
    ("ends", "in"),
    ("ends",),
    # round 17: the gap in a plate said aloud, "Y-R-six-six space H-D-K"
    ("space",),
)
# After the last piece: "then kilo something", "six six X-ray something".
_READ_OUT_TAIL = word_set("something summat sumthing else")
# Figures glued to letters that are not part of a plate: a time, an
# ordinal, a measure ("7pm", "2nd", "30mph").
_NOT_A_PLATE_BIT = re.compile(
    r"(?i:\d+(?:am|pm|st|nd|rd|th|mph|kph|ish|s|k|p|kg|ft|m|mm|cm|km|hrs?|mins?|yrs?|yo)"
    r"|[ABMNJ]\d+)"
)
_GLUED_BIT = re.compile(r"[A-Za-z]{1,3}\d{1,3}[A-Za-z]{0,3}")
_READ_OUT_PLATE_CUE = re.compile(r"(?i:\b(?:reg|registration|plates?|index)\b)[^.!?\n]{0,45}$")
_READ_OUT_VEHICLE_CUE = re.compile(rf"{_VEHICLE_CUE.pattern}[^!?\n]{{0,70}}$")


# Roads, night buses and junctions: "the B2158", "the N89", "J10".
_ROAD = re.compile(r"(?<![\w])(?:[ABM]\d{1,4}|[NJ]\d{1,3})(?![\w])")


def _read_out_piece(token: _Token, roads: list[tuple[int, int]], cued: bool = False) -> str | None:
    """ "nato", "figure", "letter" or None: what one token is in a plate read
    out; None inside a road's number (``roads``). Groups of two or three
    capitals count only where "reg" or "plate" is just before (``cued``)."""
    if any(a <= token.start < b for a, b in roads):
        return None
    word = token.lower
    if word in _NATO:
        return "nato"
    if token.text.isdigit() and len(token.text) <= 4:
        return "figure"
    if (word in _UNITS and word != "o") or word in _REPEAT or word in _DOUBLE_ZERO_WORDS:
        return "figure"
    if cued and (word in _TEENS or word in _TENS):
        return "figure"  # round 12: "reg: Tango Oscar fifteen X-ray Yankee Zulu"
    if len(token.text) == 1 and token.text.isalpha() and word not in ("a", "i"):
        return "letter"
    if cued and 2 <= len(token.text) <= 3 and token.text.isalpha() and token.text.isupper():
        return "letter"  # "the reg were LD and then 19"
    if _GLUED_BIT.fullmatch(token.text) and not _NOT_A_PLATE_BIT.fullmatch(token.text):
        return "letter"
    return None


def _spelled_for_at(tokens: Sequence[_Token], index: int) -> bool:
    """Whether the token at ``index`` is a letter spelled with a word after
    "for": "A for apple", "B for bravo" (round 12)."""
    if index < 0 or index + 2 >= len(tokens):
        return False
    letter, word, spelling = tokens[index], tokens[index + 1], tokens[index + 2]
    return (
        len(letter.text) == 1
        and letter.text.isalpha()
        and letter.text.isupper()
        and word.lower == "for"
        and spelling.text.isalpha()
        and len(spelling.text) >= 3
    )


def _between_nato(tokens: Sequence[_Token], index: int, roads: list[tuple[int, int]]) -> str | None:
    """ "letter" where the token at ``index`` is one capitalised word that is
    not in the NATO alphabet, standing between a NATO word and another
    (the run before it is checked by the caller): a letter spelled some
    other way, "X-ray Ray Echo one two" (round 12). None otherwise."""
    if index + 1 >= len(tokens):
        return None
    word = tokens[index].text
    if not (word.isalpha() and word[0].isupper() and 3 <= len(word) <= 8):
        return None
    after = index + 1
    while after < len(tokens) and tokens[after].text in _SEPARATORS:
        after += 1
    if after < len(tokens) and _read_out_piece(tokens[after], roads) == "nato":
        return "letter"
    return None


def _bridge_at(tokens: Sequence[_Token], index: int) -> int:
    """How many tokens a bridge ("then", "I think") takes from ``index``; 0 if none."""
    for bridge in _READ_OUT_BRIDGES:
        words = [t.lower for t in tokens[index : index + len(bridge)]]
        if tuple(words) == bridge:
            return len(bridge)
    return 0


def find_read_out_plates(text: str) -> Iterator[Detail]:
    """A plate read out in the NATO alphabet, letter by letter or in figures,
    whole or in part, as people half-remember one: "Bravo Echo one six...",
    "whisky lima one nine, then kilo something", "B, M, one, nine, then X,
    Y, K", "yankee four zero something". Two NATO words and a figure are
    enough anywhere; fewer need "reg" or "plate" just before, or a vehicle
    in the sentence."""
    return iter(_find_read_out_plates(text))


@hold
@lru_cache(maxsize=16)  # read again by situation.find_described_plates
def _find_read_out_plates(text: str) -> tuple[Detail, ...]:
    return tuple(_find_read_out_plates_in(text))


def _after_whole_plate(used: Sequence[_Token]) -> bool:
    """Whether the pieces so far already make a whole plate's shape."""
    joined = "".join(_plate_piece(t) or t.text.upper() for t in used if t.text.isalnum())
    return _PLATE_SHAPES.fullmatch(joined) is not None


def _find_read_out_plates_in(text: str) -> Iterator[Detail]:
    tokens = _tokens(text)
    roads = [m.span() for m in _ROAD.finditer(text)]
    index = 0
    while index < len(tokens):
        cue = _READ_OUT_PLATE_CUE.search(
            text, max(0, tokens[index].start - 60), tokens[index].start
        )
        cued = cue is not None
        kind = None
        if not _names_the_car(tokens, index):
            kind = _read_out_piece(tokens[index], roads, cued)
        if kind is None and cued and _spelled_for_at(tokens, index):
            kind = "letter"  # round 12: "the reg was A for apple, B for bravo, one two"
        if kind is None:
            index += 1
            continue
        kinds = [kind]
        end_index = index
        scan = index + 1
        while scan < len(tokens):
            if tokens[scan].text in _SEPARATORS or tokens[scan].text in "…/":
                scan += 1
                continue
            if _after_whole_plate(tokens[index : end_index + 1]):
                break  # "reg AB-12-CDE, and AB12 C D E": two plates, not one
            if len(kinds) >= _MOST_PLATE_PIECES:
                # a long run of single letters or figures is no plate read out
                # (pieces counted, not the hyphens between them: "W-N-one-eight")
                break
            if tokens[scan].lower == "for" and _spelled_for_at(tokens, scan - 1):
                end_index = scan + 1  # "B for bravo": the word that spells the letter goes
                scan += 2
                continue
            after = scan
            while after < len(tokens):  # "then I think", ", and then"
                bridge = _bridge_at(tokens, after)
                while after + bridge < len(tokens) and tokens[after + bridge].text in _SEPARATORS:
                    bridge += 1
                if not bridge:
                    break
                after += bridge
            following = _read_out_piece(tokens[after], roads, cued) if after < len(tokens) else None
            if following is None and cued and _spelled_for_at(tokens, after):
                following = "letter"  # "one two, C for Charlie"
            if following is None and cued and kinds[-1] == "nato":
                following = _between_nato(tokens, after, roads)  # "X-ray Ray Echo one two"
            if following is None:
                break
            kinds.append(following)
            end_index = after
            scan = after + 1
        end = tokens[end_index].end
        # "... then kilo something": the vague end goes with it
        tail = end_index + 1
        while tail < len(tokens) and (
            tokens[tail].text in _SEPARATORS or tokens[tail].lower in ("then", "and")
        ):
            tail += 1
        while tail < len(tokens) and tokens[tail].lower in _READ_OUT_TAIL:
            end = tokens[tail].end
            tail += 1
        start = tokens[index].start
        if _is_read_out_plate(text, start, kinds, tokens[index : end_index + 1]):
            yield Detail(start, end, Category.VEHICLE_REG)
        index = end_index + 1


# A NATO word that is a car's model after its colour or maker: "blue Golf",
# "VW Golf" (round 18).
_CAR_MODEL_NATO = word_set("golf")
_BEFORE_A_MODEL = word_set(
    "vw volkswagen black white silver grey gray blue red green yellow orange purple gold"
    " brown dark light navy maroon"
)


def _names_the_car(tokens: Sequence[_Token], index: int) -> bool:
    return (
        index > 0
        and tokens[index].lower in _CAR_MODEL_NATO
        and tokens[index - 1].lower in _BEFORE_A_MODEL
    )


def _is_read_out_plate(text: str, start: int, kinds: list[str], used: Sequence[_Token]) -> bool:
    nato = kinds.count("nato")
    figures = kinds.count("figure")
    letters = kinds.count("letter")
    if _inside_a_word(text, used[0].start, used[-1].end):
        return False
    window = text[max(0, start - 120) : start]
    plate_cue = _READ_OUT_PLATE_CUE.search(window) is not None
    vehicle_cue = plate_cue or _READ_OUT_VEHICLE_CUE.search(window) is not None
    if nato and all(t.lower == "november" for t in used if t.lower in _NATO) and nato == 1:
        return False  # "in November two thousand and six"
    # two NATO words side by side, not names in a list ("Charlie, 7, and Oscar")
    side_by_side = any(
        a.lower in _NATO and b.lower in _NATO and not text[a.end : b.start].strip(" \t,-")
        for a, b in pairwise(used)
    )
    if side_by_side and len(kinds) >= 3 and (figures or nato >= 3):
        return True
    if nato >= 1 and figures and vehicle_cue:
        return True
    if nato == 0 and letters and figures:
        if plate_cue and len(kinds) >= 2:
            return True
        return vehicle_cue and letters >= 2 and figures >= 2 and len(kinds) >= 4
    return False


# --- plates and postcodes spelled in letter names ---------------------------

# The names of the letters as people write them out: "double-u vee one nine,
# ex why zed", "see are nought, two ay bee", "aitch gee six eight".
_LETTER_NAMES = {
    "ay": "A",
    "aye": "A",
    "eh": "A",
    "bee": "B",
    "be": "B",
    "see": "C",
    "cee": "C",
    "sea": "C",
    "dee": "D",
    "ee": "E",
    "ef": "F",
    "eff": "F",
    "gee": "G",
    "jee": "G",
    "aitch": "H",
    "haitch": "H",
    "eye": "I",
    "jay": "J",
    "kay": "K",
    "el": "L",
    "ell": "L",
    "em": "M",
    "en": "N",
    "pee": "P",
    "pea": "P",
    "queue": "Q",
    "cue": "Q",
    "kew": "Q",
    "ar": "R",
    "are": "R",
    "arr": "R",
    "ess": "S",
    "es": "S",
    "tee": "T",
    "tea": "T",
    "you": "U",
    "yoo": "U",
    "vee": "V",
    "vi": "V",
    "dubya": "W",
    "doubleyou": "W",
    "doubleu": "W",
    "ex": "X",
    "ecks": "X",
    "eks": "X",
    "why": "Y",
    "wye": "Y",
    "yee": "Y",
    "zed": "Z",
    "zee": "Z",
}
# Letter names that are no everyday word: two of them are enough without a cue.
_PLAIN_LETTER_NAMES = word_set(
    """
    aitch haitch vee zed ecks eks kew wye yee dubya doubleyou doubleu eff ef ess ar arr
    ell jee cee
    """
)
_DOUBLE_U = word_set("u you yoo")
_SPELLED_CUE = re.compile(
    r"(?i:\b(?:reg|registration|plates?|index|post[ \t]?code|number|car|van|vehicle|motorbike|"
    r"bike|moped|lorry|truck|taxi|cab)\b)[^.!?\n]{0,40}$"
)
_POSTCODE_SHAPE = re.compile(
    "(?:" + "|".join(sorted(AREAS, key=len, reverse=True)) + r")\d[A-Z\d]?\d[ABD-HJLNP-UW-Z]{2}"
)
_MOST_SPELLED_PIECES = 10
# the front of a current plate, its letters and its year: "LS15", "LS15 G"
_PLATE_FRONT = re.compile(r"[A-Z]{2}\d{2}[A-Z]?")


def _spelled_piece(tokens: Sequence[_Token], index: int) -> tuple[str, int, str] | None:
    """What the tokens from ``index`` add to a code spelled out: (letters or
    figures, tokens used, "name", "plain", "nato", "letter" or "figure"), or None."""
    token = tokens[index]
    word = token.lower
    after = tokens[index + 1 : index + 3]
    if word == "double" and after:
        # "double-u", "double you": W; "double seven": two sevens
        nxt = after[1] if after[0].text == "-" and len(after) > 1 else after[0]
        used = 3 if nxt is not after[0] else 2
        if nxt.lower in _DOUBLE_U:
            return "W", used, "plain"
        if nxt.lower in _UNITS or (nxt.text.isdigit() and len(nxt.text) == 1):
            digit = nxt.text if nxt.text.isdigit() else str(_UNITS[nxt.lower])
            return digit * 2, used, "figure"
        return None
    if word in _PLAIN_LETTER_NAMES:
        return _LETTER_NAMES[word], 1, "plain"
    if word in _LETTER_NAMES:
        return _LETTER_NAMES[word], 1, "name"
    if word in _NATO:
        return _NATO[word], 1, "nato"
    if word in _TENS:
        unit = after[0].lower if after else ""
        if unit in _UNITS and unit != "o" and _UNITS[unit]:
            return str(_TENS[word] + _UNITS[unit]), 2, "figure"
        return str(_TENS[word]), 1, "figure"
    if word in _TEENS:
        return str(_TEENS[word]), 1, "figure"
    if word in _UNITS and word != "o":
        return str(_UNITS[word]), 1, "figure"
    if token.text.isdigit() and len(token.text) <= 2:
        return token.text, 1, "figure"
    if len(token.text) == 1 and token.text.isalpha():
        return token.text.upper(), 1, "letter"
    return None


def find_spelled_codes(text: str) -> Iterator[Detail]:
    """Plates and postcodes spelled in the letters' names, alone or with the
    NATO alphabet and figures: "double-u vee one nine, ex why zed", "see are
    nought, 2 a b". At least one letter's name; the whole must have a plate's
    or a postcode's shape; a plate or postcode word shortly before, or two
    letter names that are no everyday word ("vee", "zed")."""
    tokens = _tokens(text)
    # each token's piece worked out once: a start is tried only inside a
    # stretch of pieces that has a letter's name in it
    pieces = [_spelled_piece(tokens, index) for index in range(len(tokens))]
    named = [
        piece is not None
        and (piece[2] in ("name", "plain") or _a_capital_letter(tokens[index], piece))
        for index, piece in enumerate(pieces)
    ]
    if not any(named):
        return
    index = 0
    while index < len(tokens):
        if pieces[index] is None or not any(named[index : index + 2 * _MOST_SPELLED_PIECES]):
            index += 1
            continue
        found = _spelled_at(text, tokens, pieces, index)
        if found is None:
            index += 1
            continue
        detail, next_index = found
        yield detail
        index = next_index


def _a_capital_letter(token: _Token, piece: tuple[str, int, str]) -> bool:
    """A capital letter standing alone that is not a word ("I", "A")."""
    return piece[2] == "letter" and token.text.isupper() and token.text not in ("I", "A")


def _capitals_and_figure_words(
    tokens: Sequence[_Token], chosen: Sequence[tuple[str, int, str, int]], joined: str
) -> bool:
    """A whole postcode said as capitals and figures in words, with no
    letter's name: "L one seven, eight X E", "D N five five one P T" (round
    18). Its shape is a real area's; two capitals and two figure words."""
    if not _POSTCODE_SHAPE.fullmatch(joined):
        return False
    capitals = sum(
        1 for _c, first, kind, _l in chosen if kind == "letter" and tokens[first].text.isupper()
    )
    if capitals != sum(1 for _c, _f, kind, _l in chosen if kind == "letter"):
        return False  # "l one seven": lower-case letters are words as often
    words = sum(
        1 for _c, first, kind, _l in chosen if kind == "figure" and tokens[first].text.isalpha()
    )
    return capitals >= 2 and words >= 2


def _spelled_at(
    text: str,
    tokens: Sequence[_Token],
    pieces_at: Sequence[tuple[str, int, str] | None],
    index: int,
) -> tuple[Detail, int] | None:
    pieces: list[tuple[str, int, str, int]] = []  # (chars, first token, kind, last token)
    scan = index
    while scan < len(tokens) and len(pieces) < _MOST_SPELLED_PIECES:
        piece = pieces_at[scan]
        if piece is None:
            if pieces and tokens[scan].text in _PLATE_SEPARATORS | {"."}:
                scan += 1
                continue
            break
        chars, used, kind = piece
        pieces.append((chars, scan, kind, scan + used - 1))
        scan += used
    for count in range(len(pieces), 1, -1):
        chosen = pieces[:count]
        kinds = [kind for _c, _f, kind, _l in chosen]
        joined = "".join(chars for chars, _f, _k, _l in chosen)
        start, end = tokens[index].start, tokens[chosen[-1][3]].end
        if "name" not in kinds and "plain" not in kinds:
            if _capitals_and_figure_words(tokens, chosen, joined) and not _inside_a_word(
                text, start, end
            ):
                return Detail(start, end, Category.POSTCODE), chosen[-1][3] + 1
            continue
        if _PLATE_SHAPES.fullmatch(joined):
            category = Category.VEHICLE_REG
        elif _POSTCODE_SHAPE.fullmatch(joined):
            category = Category.POSTCODE
        elif _PLATE_FRONT.fullmatch(joined) and _READ_OUT_PLATE_CUE.search(
            text, max(0, start - 60), start
        ):
            # round 12: the front of a plate after "reg": "its reg was el ess one five"
            if _inside_a_word(text, start, end):
                return None
            last = chosen[-1][3] + 1
            if last < len(tokens) and tokens[last].lower in _READ_OUT_TAIL:
                end, last = tokens[last].end, last + 1  # "... sixty eight something"
            return Detail(start, end, Category.VEHICLE_REG), last
        else:
            continue
        if _inside_a_word(text, start, end):
            return None
        cued = _SPELLED_CUE.search(text, max(0, start - _LOOK_BACK), start) is not None
        if cued or kinds.count("plain") >= 2:
            return Detail(start, end, category), chosen[-1][3] + 1
        return None
    return None


# --- a postcode with its figures in words, after "postcode" ------------------
_UNIT_NAMES = "|".join(name for name in _UNITS if name not in {"o", "nil"})
_DISTRICT_WORDS = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[ \t-](?:{_UNIT_NAMES}))?|{'|'.join(_TEENS)}|{_UNIT_NAMES})"
)
_INWARD_NAME = (
    "(?:"
    + "|".join(sorted((n for n in _LETTER_NAMES if " " not in n), key=len, reverse=True))
    + ")"
)
# "postcode m fourteen five tq", "postcode is b twenty three seven h l"
_WORDED_POSTCODE = re.compile(
    r"(?i:\bpost[ \t]?code(?:[ \t]+(?:is|was|'s))?[ \t]*:?[ \t]*)"
    # round 17: hyphens between the pieces too, "L-S-six, four-A-B"
    r"(?P<code>(?P<area>[a-z](?:[ \t-]?[a-z])?)(?:[ \t]+|[ \t]*-[ \t]*)"
    rf"(?i:{_DISTRICT_WORDS})[ \t,-]+(?i:{_UNIT_NAMES})(?:[ \t]+|[ \t]*-[ \t]*)"
    # the inward letters alone or by their names: "two ay bee", "five t q"
    rf"(?:{_INWARD_NAME}|[a-z])(?:(?:[ \t]+|[ \t]*-[ \t]*){_INWARD_NAME}|[ \t-]?[a-z]))(?![\w])",
    re.IGNORECASE,
)


def find_worded_postcodes(text: str) -> Iterator[Detail]:
    """A postcode after "postcode" with its district and inward figure in
    words ("postcode m fourteen five tq"); the area must be a real one.
    POSTCODE spans over the code."""
    for match in _WORDED_POSTCODE.finditer(text):
        area = re.sub(r"[ \t-]", "", match.group("area")).upper()
        if area in AREAS:
            yield Detail(match.start("code"), match.end("code"), Category.POSTCODE)
