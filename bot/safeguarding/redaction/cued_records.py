"""Round 16 (issue 15): numbers read by the cue that says what they are,
in any written form:

- a **date of birth**: a whole date (day, month and year, in figures or
  words: "3rd March 1939", "twelfth of May 1990", "5 june 84",
  "09.11.2009") within a few lines after a birth cue ("born", "date of
  birth", "DOB", "d.o.b.", "birthday") or just before one ("21/08/1975 is
  his date of birth"); a date with no such cue stays ("stolen on 3rd March
  2026");
- a **serial, chassis, frame or engine number** a few words after its cue
  ("Serial on the trailer is IW-510-88734", "s/n 8842-AK-119"): groups of
  capitals and figures with five figures or more;
- a **crime reference** (decided at the merge of round 15, docs/decisions.md):
  after "crime ref/number/reference", "police ref", "incident (number)",
  "log (number)", "occurrence", "CAD", the number with four figures or more
  and its date ("incident 4417 of 12 November"); after a bare "ref" or
  "reference" only the police's own shape ("01/998877/25").

Shapes are (start, end) character offsets in
:class:`~bot.safeguarding.redaction.detail.Detail`: DATE_OF_BIRTH for the
dates, ID_NUMBER for serials and references; the text is searched as given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORDINAL_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"thirtieth|twenty[ -](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    r"thirty[ -]first)"
)
_DAY = rf"(?:(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?|{_ORDINAL_WORD})"
_YEAR = r"(?:19\d\d|20[0-2]\d|['’]?\d\d)"
_GAP = r"(?:[ \t]*,[ \t]*|[ \t]+)"
_WHOLE_DATE = re.compile(
    r"(?i:(?<![\w/.-])(?:"
    rf"{_DAY}(?:[ \t]+of)?[ \t]+{_MONTH}{_GAP}{_YEAR}"
    rf"|{_MONTH}[ \t]+{_DAY}{_GAP}{_YEAR}"
    r"|(?:0?[1-9]|[12]\d|3[01])[./-](?:0?[1-9]|1[0-2])[./-](?:19\d\d|20[0-2]\d|\d\d)"
    r")(?![\w/-]))"
)
_BIRTH_CUE = re.compile(
    r"(?i:\b(?:born|birth|births|birthday|birthdays|b['’]?day|bday|dob|d\.o\.b\.?|"
    r"d\.o\.b|date[ \t]+of[ \t]+birth)\b)"
)
_MOST_BEFORE = 110
_CUE_JUST_AFTER = re.compile(
    r"(?i:[ \t]*[,)]?[ \t]*(?:is|was|being|=|-)?[ \t]*(?:my|his|her|their|our|me|the)?[ \t]*"
    r"(?:date[ \t]+of[ \t]+birth|dob|d\.o\.b\.?|birthday|b['’]?day))"
)

_EVENT_BEFORE = re.compile(
    r"(?i:\b(?:on|since|until|till|from|by|before|after|dated|of)[ \t]+(?:the[ \t]+)?)$"
)
_CLAUSE_BREAK = re.compile(r"[,;.!?]|(?i:\b(?:and|but|then|when|so)\b)")

_SERIAL_CUE = re.compile(
    r"(?i:\b(?:serial|s/n|s/no\.?|chassis|frame|engine|vin|hull)"
    r"(?:[ \t]+(?:number|no\.?|num|#))?)(?![\w.])"
)
_CODE = re.compile(
    r"(?<![\w/-])(?=[A-Z0-9-]*\d)(?-i:[A-Z0-9]+(?:(?:[ \t]+|[ \t]*-[ \t]*)[A-Z0-9]+){0,4})"
    r"(?![\w/-])"
)
_MOST_SERIAL_GAP = 45
_FEWEST_SERIAL_FIGURES = 5
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")

_POLICE_REFERENCE_CUE = re.compile(
    r"(?i:\b(?:crime[ \t]+(?:ref(?:erence)?|number|no\.?|report(?:[ \t]+(?:number|no\.?))?)|"
    r"police[ \t]+(?:ref(?:erence)?|number|incident|log)|incident|log|occurrence|cad)"
    r"(?:[ \t]+(?:ref(?:erence)?|number|no\.?|num|#))?\b)"
)
_ANY_REFERENCE_CUE = re.compile(r"(?i:\b(?:ref|reference)(?:[ \t]+(?:number|no\.?|num))?\.?)")
_REFERENCE = re.compile(
    r"(?<![\w/-])(?=[A-Za-z/-]{0,5}\d)(?-i:[A-Z]{0,4}[/-]?\d[\d]*(?:[/-][A-Z0-9]+){0,3})"
    r"(?![\w/-])"
)
_POLICE_SHAPE = re.compile(r"\d{2}/\d{4,8}/\d{2,4}|[A-Z]{2,4}/\d{2,4}/\d{4,8}")
_DATE_AFTER = re.compile(
    rf"(?i:[ \t]+of[ \t]+(?:(?:0?[1-9]|[12]\d|3[01])(?:/(?:0?[1-9]|1[0-2])(?:/\d{{2,4}})?)?"
    rf"(?:st|nd|rd|th)?(?:[ \t]+{_MONTH})?|{_MONTH}))(?![\w/])"
)
_A_YEAR = re.compile(r"(?:19|20)\d\d")
_A_DATE = re.compile(r"(?:0?[1-9]|[12]\d|3[01])[/-](?:0?[1-9]|1[0-2])(?:[/-](?:\d\d){1,2})?")
_HOURS_AFTER = re.compile(r"(?i:[ \t]*(?:hours|hrs|h\b|am|pm))")
_MOST_REFERENCE_GAP = 20
_FEWEST_REFERENCE_FIGURES = 4
_SERVICES = frozenset({"999", "101", "111", "105", "112", "119"})


def find_cued_dates_of_birth(text: str) -> Iterator[Detail]:
    """A whole date after a birth cue (within 110 characters) or just
    before one: DATE_OF_BIRTH spans over the date."""
    cues = [cue.end() for cue in _BIRTH_CUE.finditer(text)]
    if not cues:
        return
    for match in _WHOLE_DATE.finditer(text):
        if _CUE_JUST_AFTER.match(text, match.end()):
            yield Detail(match.start(), match.end(), Category.DATE_OF_BIRTH)
            continue
        before = [end for end in cues if 0 <= match.start() - end <= _MOST_BEFORE]
        if not before:
            continue
        # "born in 1999 and the party was on 3rd March 2024": an event's date
        # in a clause of its own after the cue's ("born on 7 Nov 2001" is not)
        if _EVENT_BEFORE.search(text, max(0, match.start() - 12), match.start()) and (
            _CLAUSE_BREAK.search(text, max(before), match.start())
        ):
            continue
        yield Detail(match.start(), match.end(), Category.DATE_OF_BIRTH)


def find_serial_numbers(text: str) -> Iterator[Detail]:
    """Groups of capitals and figures with five figures or more a few words
    after a serial's cue, in its sentence: ID_NUMBER spans over the number."""
    for cue in _SERIAL_CUE.finditer(text):
        limit = min(len(text), cue.end() + _MOST_SERIAL_GAP)
        end_of_sentence = _SENTENCE_END.search(text, cue.end(), limit)
        stop = end_of_sentence.start() if end_of_sentence else limit
        code = _CODE.search(text, cue.end(), stop + 24)
        if code is None or code.start() > stop:
            continue
        groups = list(re.finditer(r"[A-Z0-9]+", code.group(0)))
        while groups and groups[-1].group(0).isalpha():
            groups.pop()
        if sum(c.isdigit() for g in groups for c in g.group(0)) < _FEWEST_SERIAL_FIGURES:
            continue
        yield Detail(code.start(), code.start() + groups[-1].end(), Category.ID_NUMBER)


def find_crime_references(text: str) -> Iterator[Detail]:
    """A crime reference, an incident or log number after its cue (its date
    with it), or the police's own shape after "ref": ID_NUMBER spans."""
    for cue in _POLICE_REFERENCE_CUE.finditer(text):
        # "CAD 5531": the log's name is part of its number
        cad = cue.start() if cue.group(0).lower() == "cad" else None
        yield from _reference_after(text, cue.end(), police=True, cad_start=cad)
    for cue in _ANY_REFERENCE_CUE.finditer(text):
        yield from _reference_after(text, cue.end(), police=False)


def _reference_after(
    text: str, start: int, police: bool, cad_start: int | None = None
) -> Iterator[Detail]:
    match = _REFERENCE.search(text, start, min(len(text), start + _MOST_REFERENCE_GAP + 24))
    if match is None or match.start() - start > _MOST_REFERENCE_GAP:
        return
    if re.search(r"[.!?\n]", text[start : match.start()].rstrip(".")):
        return
    number = match.group(0)
    figures = re.sub(r"\D", "", number)
    if figures in _SERVICES or len(figures) < _FEWEST_REFERENCE_FIGURES:
        return
    if not police and not _POLICE_SHAPE.fullmatch(number):
        return
    if (
        _A_YEAR.fullmatch(number)
        or _A_DATE.fullmatch(number)
        or _HOURS_AFTER.match(text, match.end())
    ):
        return  # "the incident in 2019", "the incident log for 03/05/2025", "at 2300 hours"
    end = match.end()
    date = _DATE_AFTER.match(text, end)
    if police and date is not None:
        end = date.end()
    yield Detail(cad_start if cad_start is not None else match.start(), end, Category.ID_NUMBER)
