"""Round 17 (issue 15): a record's number read by its shape and its cue.

A reference, a certificate's, a licence's, a claim's or a bank's number
leads to one person; it is found where

- it is **built like a record's code**: three groups or more joined by
  slashes or hyphens, one of them letters, with five figures or more
  ("CC-2291-0874", "14/SGC/22718", "CU/11/2237"), anywhere; or
- a **cue** a few words before says a record's number follows ("CRN",
  "certificate, numbered", "sort", "policy", "taxi plate", "badge")
  and the number has groups joined by slashes or hyphens with four figures
  or more ("4400318/24", "20-45-77"), letters and figures in one word with
  four figures or more, five figures or more, or four figures after a
  strong cue ("plate 1187", "CRN 4471").

A bare "ref", "order number" or "case number" is no cue here: a shop's or
a payment's reference stays ("ref number 2611-0043 from the online form",
docs/decisions.md, round 16); the police's own shapes are cued_records'.

Ordinary numbers stay: a date ("12/03/2024"), a year ("CRN 2019"), a range
("2019-2020", "12-18 months"), a time ("at 2300 hours"), a count, a bus's
number; a service's number ("111").

Spans are :class:`~bot.safeguarding.redaction.detail.Detail` with
Category.ID_NUMBER over the number only, (start, end) character offsets
into the text as given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail

# A code: groups of letters and figures joined by "/" or "-".
_CODE = re.compile(r"(?<![\w/-])[A-Za-z0-9]+(?:[/-][A-Za-z0-9]+)*(?![\w/-])")
_CUE = re.compile(
    r"(?i:\b(?:crn|urn|certificate|cert|licen[cs]e|permit|policy|sort|membership|passport|"
    r"plate|badge|numbered)\b)"
)
# Four bare figures only after these: "badge 4471", "CRN 4471", a taxi's
# own plate ("taxi plate 1187"); "a taxi, plate 4412" (the probes) stays.
_STRONG_CUE = re.compile(
    r"(?i:(?:crn|urn|certificate|cert|licen[cs]e|badge|numbered"
    r"|(?:taxi|cab|hackney|hire|council|licen[cs]e)[ \t]+plates?)\Z)"
)
# What may stand between the cue and its number: "certificate, numbered",
# "ref no.", "claim number is", "sort code:".
_BETWEEN = re.compile(
    r"(?i:(?:[ \t]*[,:#=-][ \t]*|[ \t]+)(?:(?:number|numbered|no\.?|num|nr\.?|code|is|was|"
    r"it|its|it's|it’s|being|ref|reference|of)(?:[ \t]*[,:#=-][ \t]*|[ \t]+))*)"
)
_DATE = re.compile(
    r"(?:0?[1-9]|[12]\d|3[01])[/-](?:0?[1-9]|1[0-2])(?:[/-](?:\d\d){1,2})?"
    r"|(?:19|20)\d\d[/-](?:0?[1-9]|1[0-2])[/-](?:0?[1-9]|[12]\d|3[01])"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_RANGE = re.compile(r"\d{1,4}-\d{1,4}")
_HOURS_AFTER = re.compile(r"(?i:[ \t]*(?:hours|hrs|h\b|am|pm|o['’]?clock))")
_SERVICES = frozenset({"999", "101", "111", "105", "112", "119", "116123", "116000"})
_FEWEST_SHAPED_FIGURES = 5
_FEWEST_CUED_FIGURES = 4


def find_reference_codes(text: str) -> Iterator[Detail]:
    """Numbers of records, by shape anywhere or by a cue a few words before
    (see the module's docstring): ID_NUMBER spans over the number."""
    for match in _CODE.finditer(text):
        code = match.group(0)
        if not any(c.isdigit() for c in code) or _ordinary(text, match):
            continue
        if _shaped(code) or _cued(text, match):
            yield Detail(match.start(), match.end(), Category.ID_NUMBER)


def _figures(code: str) -> int:
    return sum(c.isdigit() for c in code)


def _shaped(code: str) -> bool:
    groups = re.split(r"[/-]", code)
    return (
        len(groups) >= 3
        and any(g.isalpha() for g in groups)
        and _figures(code) >= _FEWEST_SHAPED_FIGURES
    )


def _ordinary(text: str, match: re.Match[str]) -> bool:
    code = match.group(0)
    figures = re.sub(r"\D", "", code)
    return bool(
        figures in _SERVICES
        or _DATE.fullmatch(code)
        or _YEAR.fullmatch(code)
        or (
            _RANGE.fullmatch(code)
            and all(_YEAR.fullmatch(g) or len(g) <= 2 for g in code.split("-"))
        )
        or re.fullmatch(r"(?:19|20)\d\d-\d\d", code)
        or _HOURS_AFTER.match(text, match.end())
    )


def _cued(text: str, match: re.Match[str]) -> bool:
    code = match.group(0)
    cue = _cue_before(text, match.start())
    if cue is None:
        return False
    figures = _figures(code)
    joined = re.search(r"[/-]", code) is not None
    mixed = any(c.isalpha() for c in code)
    if (joined or mixed) and figures >= _FEWEST_CUED_FIGURES:
        return True
    if figures >= _FEWEST_SHAPED_FIGURES:
        return True
    before_cue = text[max(0, cue.start() - 16) : cue.end()]
    return figures == _FEWEST_CUED_FIGURES and _STRONG_CUE.search(before_cue) is not None


def _cue_before(text: str, start: int) -> re.Match[str] | None:
    """The cue word ending just before ``start``, with only the small words
    of ``_BETWEEN`` between; None if there is none."""
    window_start = max(0, start - 40)
    best: re.Match[str] | None = None
    for cue in _CUE.finditer(text, window_start, start):
        if _BETWEEN.fullmatch(text, cue.end(), start):
            best = cue
    return best
