"""Round 16 (issue 15): the plate reader. A registration given in bits,
read from the clause a plate's cue opens or closes rather than from a list
of shapes: "part of a number plate, something like PK? 0 something VXL",
"the plate, SJ and a 7", "the reg was hotel whisky two two, then papa
something", "registration commenced R J and then a 5", "KM 67 something
was all I got of the plate".

After a cue (reg, registration, plate, number plate, index) and a few words
in the same sentence ("was", "ends", "began with", "read out as", "so far
as I could make out"), or before a cue that closes the clause ("... was
the plate"), a run of plate pieces is a registration when it holds at
least one letter and one figure, three to eight characters in all. Pieces:
capitals (not "I"), single lower-case letters, the NATO alphabet, letters'
names ("bee", "tee", "ex"), figures and figures in words; between them
only joining words ("and", "then", "a 7", "an X", "or", "maybe", "wi",
"followed by", "the letters") and gaps said as such ("something", "?",
"*"). A road ("A14", "M6", "J10"), a time ("3 PM") or a form ("V5") is
not a piece.

Shapes are (start, end) character offsets in
:class:`~bot.safeguarding.redaction.detail.Detail`, VEHICLE_REG; the text is
searched as given, nothing is read from outside the module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.safeguarding.redaction.detail import Category, Detail, word_set

_NATO = word_set(
    "alpha alfa bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo lima "
    "mike november oscar papa quebec romeo sierra tango uniform victor whiskey whisky xray "
    "x-ray yankee zulu"
)
# letters' names as said aloud; not "see", "you", "why", "are": words too
_LETTER_NAMES = word_set("ay bee cee dee ee ef gee aitch jay kay el em en pee ess tee vee ex zed")
_DIGIT_WORDS = word_set("zero nought oh one two three four five six seven eight nine")
# a gap said as such: "PK? 0 something VXL", "KX something something 4 T"
_GAPS = word_set("something summat sommat sumthing somethin somthing smthn sth")
_GAP_MARKS = frozenset("?*_")
# words that join pieces ("SJ and a 7", "R J and then a 5", "B or D")
_JOINS = word_set(
    "and then or maybe possibly poss perhaps wi with wiv had followed by the letters letter "
    "numbers number digits n &"
)
_SEPARATOR_MARKS = frozenset(",-/")
# lower-case words that are never one letter of a plate
_NOT_LETTERS = frozenset("aio")

_TOKEN = re.compile(r"(?<![A-Za-z])(?i:e?x[ -]ray)\b|[A-Za-z]+|\d+|[^\sA-Za-z\d]")
# the cue, and the words it may stand behind: "part of a number plate"
_CUE = re.compile(
    r"(?i:\b(?:reg(?:istration)?s?(?:[ \t]+(?:mark|number|no\.?|plate))?|"
    r"(?:number|private|licen[cs]e)?[ \t]*plates?|index(?:[ \t]+(?:number|no\.?))?)\b)"
)
# between the cue and the pieces: in the same sentence, a few words
_MOST_BETWEEN = 48
# letters said by name with a figure may stand further from their cue
_MOST_BEFORE_SAID = 160
_MOST_AFTER_A_PLATE = 80
_SENTENCE_END = re.compile(r"[.!?;\n](?:\s|$)|\n")
# a cue that closes the run: "KM 67 something was all I got of the plate"
_CUE_AFTER = re.compile(
    r"(?i:[ \t]*,?[ \t]*(?:was|were|is|wz|woz|'s|’s|on|off|from)\b[^.!?;\n]{0,32}?"
    r"\b(?:reg(?:istration)?|(?:number[ \t]+)?plate)\b)"
)
# a road, a junction, a time, a form: not a plate's piece
_ROAD = re.compile(
    r"(?<![\w])(?:[ABM]\d{1,4}|J\d{1,2}|V5C?|\d[ \t]?x[ \t]?\d)(?![\w])"
    # a title or a body before a number: "PC 4412", "BMW 3 series", "TV and 2 laptops"
    r"|\b(?:PC|PCSO|DC|DS|PS|BMW|VW|UK|TV|OK|GP|ID|NHS|MOT|SUV)\b"
    # a road spaced: "on the A 63"
    r"|(?i:\bthe)[ \t]+[ABM][ \t]\d{1,4}(?![\w])"
)
_TIME_AFTER = re.compile(r"(?i:[ \t]*(?:am|pm|a\.m|p\.m|o['’]?clock|mph|%|hrs|mins)\b)")
# "as in King", "for Kilo": the word only spells the letter before it
_AS_IN = re.compile(r"(?i:as[ \t]+in[ \t]+[A-Za-z]+\b)")
_MOST_CHARACTERS = 8
_FEWEST_CHARACTERS = 3


@dataclass(frozen=True)
class _PlateWord:
    start: int
    end: int
    text: str


def _piece(word: _PlateWord) -> str | None:
    """What one word adds to a plate: "L" for a letter, "9" for a figure,
    "" for a gap said as such; None when it is not a plate's piece."""
    text, lower = word.text, word.text.lower()
    if text.isdigit():
        return text if len(text) <= 4 else None
    if lower in _NATO or lower.replace(" ", "-").removeprefix("e") in _NATO:
        return "L"
    if lower in _LETTER_NAMES:
        return "L"
    if lower in _DIGIT_WORDS:
        return "9"
    if lower in _GAPS or text in _GAP_MARKS:
        return "?"
    if text.isalpha() and text.isupper() and len(text) <= 3 and text != "I":
        return "L" * len(text)
    if len(text) == 1 and text.isalpha() and lower not in _NOT_LETTERS:
        return "L"
    return None


def _spoken(word: _PlateWord) -> bool:
    """A letter said by its name or its NATO word: "kay", "tango"."""
    lower = word.text.lower()
    return lower in _NATO or lower in _LETTER_NAMES or lower.replace(" ", "-").endswith("x-ray")


def _words(text: str) -> list[_PlateWord]:
    return [_PlateWord(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]


def _runs(text: str, words: list[_PlateWord]) -> Iterator[tuple[int, int, str]]:
    """Runs of pieces with only joining words between: (first word's index,
    last word's index, the pieces' letters and figures as "L" and digits)."""
    roads = [(m.start(), m.end()) for m in _ROAD.finditer(text)]
    index = 0
    while index < len(words):
        if _piece_at(text, words, index, roads) is None:
            index += 1
            continue
        first = last = index
        pieces = ""
        position = index
        while position < len(words):
            piece = _piece_at(text, words, position, roads)
            if piece is not None:
                pieces += piece
                # a question mark ends a run only inside it: "BF 6 ONE? private plate"
                if words[position].text not in _GAP_MARKS:
                    last = position
                position += 1
                continue
            word = words[position]
            lower = word.text.lower()
            following = words[position + 1] if position + 1 < len(words) else None
            # "and a 7", "wi an X": the article only before a piece
            if lower in {"a", "an"} and following is not None:
                if _piece_at(text, words, position + 1, roads):
                    position += 1
                    continue
                break
            if lower in _JOINS or word.text in _SEPARATOR_MARKS:
                position += 1
                continue
            # round 19: a letter spelled by a word, "K as in King, X, ..."
            if _AS_IN.match(text, word.start) and position + 2 < len(words):
                position += 3
                continue
            break
        yield first, last, pieces
        index = last + 1


def _piece_at(
    text: str, words: list[_PlateWord], index: int, roads: list[tuple[int, int]]
) -> str | None:
    word = words[index]
    if any(start <= word.start < end for start, end in roads):
        return None
    if word.text.isdigit() and _TIME_AFTER.match(text, word.end):
        return None
    if word.text.isdigit() and index > 0 and words[index - 1].text in {"£", "$", "€", ":"}:
        return None
    if len(word.text) == 1 and word.text.islower() and not _beside_a_single(words, index):
        return None  # "AV16 XKM n the real car": text-speak's "and"
    if _glued_to_figures(words, index):
        return "LL"  # round 19: "nx16", a plate's start typed in lower case
    return _piece(word)


def _glued_to_figures(words: list[_PlateWord], index: int) -> bool:
    """Two lower-case letters run straight into two figures: "nx16"."""
    word = words[index]
    if not (len(word.text) == 2 and word.text.isalpha() and word.text.islower()):
        return False
    following = words[index + 1] if index + 1 < len(words) else None
    return (
        following is not None
        and following.start == word.end
        and following.text.isdigit()
        and len(following.text) == 2
        and (index == 0 or words[index - 1].end < word.start)
    )


def _beside_a_single(words: list[_PlateWord], index: int) -> bool:
    """Whether a figure or another single letter stands next to the word:
    lower-case letters are a plate's only in a row of such ("n d 7 0")."""
    for other in (index - 1, index + 1):
        if 0 <= other < len(words):
            text = words[other].text
            if text.isdigit() or (len(text) == 1 and text.isalpha() and text.lower() not in "ai"):
                return True
    return False


def _believable(pieces: str, said: int) -> bool:
    """A letter and a figure, three to eight characters in all; or letters
    only, two or more with a gap said ("GY? ?? something") or three or more
    said by name ("tango kilo x-ray"), which no word in capitals is."""
    characters = len(pieces.replace("?", ""))
    if characters > _MOST_CHARACTERS:
        return False
    if any(c.isdigit() for c in pieces):
        return "L" in pieces and characters >= _FEWEST_CHARACTERS
    letters = pieces.count("L")
    return (letters >= 2 and "?" in pieces) or said >= _FEWEST_CHARACTERS


def find_plates_in_bits(text: str) -> Iterator[Detail]:
    """A plate given in bits after or before its cue, in the same sentence
    (the module's docstring): VEHICLE_REG spans from the first piece to the
    last, gaps said as "something" included. Letters said by name go
    further: a run of them with a figure within 160 characters after a cue
    ("I tried to get the plate ..., so it's something like charlie foxtrot
    six seven"), and the rest of a plate said in two goes, letters said by
    name within 80 characters after a plate found here in its sentence
    ("..., then I didn't catch the middle letter, then uniform zulu")."""
    words = _words(text)
    cues = list(_CUE.finditer(text))
    if not cues:
        return
    last_plate_end: int | None = None
    for first, last, pieces in _runs(text, words):
        said = sum(_spoken(word) for word in words[first : last + 1])
        start, end = words[first].start, words[last].end
        if _a_cued_plate(text, cues, start, end, pieces, said) or _the_rest_of_a_plate(
            text, words[first : last + 1], pieces, said, last_plate_end
        ):
            last_plate_end = end
            yield Detail(start, end, Category.VEHICLE_REG)


def _a_cued_plate(
    text: str, cues: list[re.Match[str]], start: int, end: int, pieces: str, said: int
) -> bool:
    if not _believable(pieces, said):
        return False
    if _cued_before(text, cues, start) or _CUE_AFTER.match(text, end):
        return True
    # letters said by name with a figure: further from their cue
    return said >= 2 and any(c.isdigit() for c in pieces) and _cued_near(cues, start)


def _the_rest_of_a_plate(
    text: str, run: list[_PlateWord], pieces: str, said: int, last_plate_end: int | None
) -> bool:
    """Letters said by name a little after a plate found, in its sentence;
    not names in capitals ("I told Mike and Victor")."""
    if last_plate_end is None or said < 2 or said != pieces.count("L"):
        return False
    if any(word.text.istitle() for word in run):
        return False
    start = run[0].start
    return 0 <= start - last_plate_end <= _MOST_AFTER_A_PLATE and not _SENTENCE_END.search(
        text, last_plate_end, start
    )


def _cued_near(cues: list[re.Match[str]], start: int) -> bool:
    return any(0 <= start - cue.end() <= _MOST_BEFORE_SAID for cue in cues)


def _cued_before(text: str, cues: list[re.Match[str]], start: int) -> bool:
    for cue in cues:
        if cue.end() > start or start - cue.end() > _MOST_BETWEEN:
            continue
        if not _SENTENCE_END.search(text, cue.end(), start):
            return True
    return False
