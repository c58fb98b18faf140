"""UK phone numbers, in every way people write them, found by Google's
libphonenumber metadata (the ``phonenumbers`` package).

Services' numbers are not personal details and stay: 999, 101, 111, 116 123
and other short codes are too short to be a line, and freephone, shared-cost,
premium-rate and 03 (UAN) numbers belong to organisations (Crimestoppers'
0800 555 111, a council's 0300 ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
from phonenumbers import PhoneNumberType

from bot.safeguarding.redaction.detail import Category, Detail

_SERVICE_TYPES = frozenset(
    {
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.SHARED_COST,
        PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.UAN,
    }
)
# A UK line has 10 national digits (a few old ones 9); abroad, 7 or more.
_MIN_UK_DIGITS = 9
_MIN_FOREIGN_DIGITS = 7


def _inside_a_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before.isalnum() or after.isalnum()


# A reference the police, a bank or a shop gave ("ref 0012345678", "crime
# number 0123456789") is not a line.
_REFERENCE_BEFORE = re.compile(
    r"(?i:\b(?:ref|reference|crime|case|incident|log|order|invoice|tracking|account|acct|"
    r"policy|claim|booking|ticket)\b(?:[ \t]+(?:no\.?|number|num|ref|reference))?"
    r"(?:[ \t]+(?:is|was))?[ \t]*[:#.]?[ \t]*)$"
)


# The end of a line's number, given as such: "my number ends in 4567",
# "her mobile ending 912".
_PHONE_ENDING = re.compile(
    r"(?i:\b(?:number|mobile|mob|phone|landline|line)[ \t]+(?:ends|ending|ended|finishes|"
    r"finishing)[ \t]+(?:in|with)?[ \t]*"
    # "the last 3 digits were 461" (of a phone, said in the sentence)
    r"|\blast[ \t]+(?:3|4|5|6|three|four|five|six)[ \t]+(?:digits|numbers|figures)[ \t]+"
    r"(?:of[ \t]+(?:the|his|her|their|my)[ \t]+(?:number|mobile|phone)[ \t]+)?"
    r"(?:are|were|was|is)?[ \t]*:?[ \t]*)(\d{3,6})\b"
)


# A number abroad given without its country's code, right after a word for
# a phone: "my number is 512 345 678" (Poland), "whatsapp 612 34 56 78".
_FOREIGN_AFTER_CUE = re.compile(
    r"(?i:\b(?:number|mobile|mob|phone|tel|telephone|whatsapp|cell)[ \t]*(?:is|was|:|-)?"
    r"|\b(?:call|ring|text|phone|whatsapp)[ \t]+(?:me|him|her|us|them)[ \t]+on)[ \t]*"
    r"([1-9]\d{2}(?:[ \t-]?\d{2,3}){3}|[1-9]\d{2}[ \t-]\d{3}[ \t-]\d{3,4})(?![\w/.,:]\d|\w)"
)


def find_phones(text: str) -> Iterator[Detail]:
    """UK and foreign phone numbers (libphonenumber), less services' numbers
    and references; the last figures of one given as such; a number abroad
    without its country's code after a word for a phone."""
    for ending in _PHONE_ENDING.finditer(text):
        yield Detail(ending.start(1), ending.end(1), Category.PHONE)
    for foreign in _FOREIGN_AFTER_CUE.finditer(text):
        if _REFERENCE_BEFORE.search(text, max(0, foreign.start() - 40), foreign.start()):
            continue
        if re.fullmatch(r"\d0+", re.sub(r"\D", "", foreign.group(1))):
            continue  # "the number is 100 000 000": a count
        yield Detail(foreign.start(1), foreign.end(1), Category.PHONE)
    matcher = phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE)
    for match in matcher:
        if "/" in match.raw_string:  # a reference ("01/123456/24") or a date
            continue
        if _inside_a_word(text, match.start, match.end):  # "NFRC240512345", a frame number
            continue
        if _REFERENCE_BEFORE.search(text, max(0, match.start - 40), match.start):
            continue
        number = match.number
        digits = len(phonenumbers.national_significant_number(number))
        if number.country_code == 44:
            if digits < _MIN_UK_DIGITS:
                continue
        elif digits < _MIN_FOREIGN_DIGITS:
            continue
        if phonenumbers.number_type(number) in _SERVICE_TYPES:
            continue
        yield Detail(match.start, match.end, Category.PHONE)


# Freephone, shared-cost, premium-rate and 03 numbers: organisations'
_SERVICE_PREFIXES = ("0800", "0808", "0500", "03", "084", "087", "09")
# A line with a digit too many or too few, right after a word for a phone:
# "Call me on 01382 496 0331", "Ring me. 01563 496 0715", "number is 01698
# 496 0082" (12 digits: libphonenumber finds no line, but it is one written
# wrong, and the resident's all the same).
_LONG_AFTER_CUE = re.compile(
    r"(?i:\b(?:call|ring|phone|text|telephone|tel|contact)(?:[ \t]+(?:me|him|her|us|them))?"
    r"(?:[ \t]+(?:on|at))?[ \t]*[.:]?"
    r"|\b(?:number|no|mobile|mob|landline)(?:[ \t]+is|'s)?[ \t]*:?)[ \t]*"
    r"(0(?:[ \t-]?\d){9,12})(?![\w/.]\d|\w)"
)
# The same shape with no cue: five, three and four figures from 0 ("01592
# 496 0488"), a geographic line's groups with one figure too many.
_UK_SHAPE_TOO_LONG = re.compile(r"(?<![\w/.-])0[1-9]\d{3}[ \t]\d{3}[ \t]\d{4}(?![\w/-]|\.\d)")
# An old exchange by its town's name and its number, after asking to be
# phoned: "telephone me on Ormskirk 572311", "ring us on Nairn 452308".
_EXCHANGE_AFTER_CUE = re.compile(
    r"(?i:\b(?:call|ring|phone|telephone)[ \t]+(?:me|us|him|her)[ \t]+on[ \t]+)"
    r"((?-i:[A-Z][a-z]+)(?:[ \t]+(?-i:[A-Z][a-z]+))?[ \t]+\d(?:[ \t]?\d){3,6})(?!\w)"
)


# A local number with no dialling code after a word for a line, and its
# area's code after it if given: "landline 496 0271 (0113 area)", "home phone
# is 572311"
_LOCAL_AFTER_CUE = re.compile(
    r"(?i:\b(?:landline|home[ \t]+(?:phone|number|tel)|tel|telephone|"
    r"(?:call|ring|phone|telephone)[ \t]+(?:me|us|him|her)[ \t]+on)"
    r"(?:[ \t]+(?:is|was|number))?[ \t]*[:.-]?[ \t]*)"
    r"((?:[2-9]\d{2}[ \t]\d{4}|[2-9]\d{5,6})"
    r"(?:[ \t]*\((?i:area[ \t]+code[ \t]+)?0\d{2,4}(?:[ \t]+(?i:area(?:[ \t]+code)?))?\))?)"
    r"(?![\w/.,:]\d|\w)"
)


# A mobile glued to the word before it, a word for a phone: "my
# number:07700900456please", "txt me on07700 900456"
_GLUED_MOBILE = re.compile(
    r"(?i:(?:\bon|\bme|number|\bno|\bmob|mobile|\btel|\bring|\bcall|\btxt|\btext|phone|"
    r"whatsapp)[:.]?)((?:0|\+44[ \t]?)7\d{3}[ \t]?\d{6})(?!\d)"
)


def find_misgiven_phones(text: str) -> Iterator[Detail]:
    """A phone written with a figure too many or too few after a word for a
    phone ("Call me on 01382 496 0331"), the UK's five-three-four shape with
    a figure too many, and an old exchange's town with its number after
    asking to be phoned ("telephone me on Ormskirk 572311"), and a local
    number with no dialling code after a word for a line ("landline 496
    0271 (0113 area)"). References
    ("crime ref ...") are left to the code finders."""
    for pattern in (
        _LONG_AFTER_CUE,
        _UK_SHAPE_TOO_LONG,
        _EXCHANGE_AFTER_CUE,
        _LOCAL_AFTER_CUE,
        _GLUED_MOBILE,
    ):
        for match in pattern.finditer(text):
            group = 1 if pattern.groups else 0
            start = match.start(group)
            digits = re.sub(r"\D", "", match.group(group))
            if digits.startswith(_SERVICE_PREFIXES):
                continue  # "call 0800 555 111", "the council number 0300 303 8670"
            if _REFERENCE_BEFORE.search(text, max(0, start - 40), start):
                continue
            yield Detail(start, match.end(group), Category.PHONE)
