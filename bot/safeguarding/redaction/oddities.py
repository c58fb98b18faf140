"""Round 14 (issue 15): number-group details in the shapes a fresh probe
(tests/data/personal_details/numbers_probe_round14.jsonl) found the other
finders leaving, each a small pattern with its own guard:

- a phone's extension in brackets ("0161 496 0922 (ext. 5)") and an aside
  between a dialling code and the rest ("0161 - thats manchester - 496
  0728"); a line given in pieces after a word for a phone ("number ends
  900 361 and starts 07700");
- a postcode after "postcode" with a slip of one letter or figure too many
  ("postcode is BS7 8NQQ", "postcode S11 8YL1");
- a plate's last letters given as such after a word for a plate ("reg
  beginning LV12 and ending OPE");
- an e-mail spelt out whose provider is two words ("steve at steves
  plumbing dot co dot uk") or whose name starts with "the" ("the rigbys at
  hotmail dot co dot uk");
- a house number in shapes the address finder leaves: a range with "to"
  ("11 to 13 Bridge Street"), a floor before the address ("1st floor, 61
  Castle Street"), a Glasgow flat by its side ("flat 1/L, 5 Hyndland
  Street"), a space before the comma ("6 , Poplar Road"), the street
  after "Address:" with no street word ("Address: 44 Mount Pleasant,
  Llandudno"), the home's own number ("my house 33b", "house 9,"), and
  "the one at 40" where the text speaks of homes.

Shapes are (start, end) character offsets in
:class:`~bot.safeguarding.redaction.detail.Detail`; the text is searched as
given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.alerts.postcode import AREAS
from bot.safeguarding.redaction.address import NUMBER_WORD, find_addresses
from bot.safeguarding.redaction.code import find_emails
from bot.safeguarding.redaction.detail import Category, Detail

# -- phones -----------------------------------------------------------------

# A UK number's figures, spaced or dashed anyhow, then its extension in brackets
_BRACKETED_EXTENSION = re.compile(
    r"(?<![\w+])(?:\+44[ \t]?(?:\(0\)[ \t]?)?|0)\d(?:[ \t-]?\d){8,9}"
    r"[ \t]*\([ \t]*(?i:ext|extn|extension|x)\.?[ \t]*\d{1,5}[ \t]*\)"
)
# A dialling code, an aside set off by dashes or brackets, then the rest:
# "0161 - thats manchester - 496 0728", "0113 (leeds) 496 0551"
_ASIDE_BETWEEN = re.compile(
    r"(?<![\w/.])(?P<code>0[1-9]\d{1,3})[ \t]*"
    r"(?:[-–][ \t]*[A-Za-z'’]+(?:[ \t]+[A-Za-z'’]+){0,4}[ \t]*[-–]"
    r"|\([ \t]*[A-Za-z'’]+(?:[ \t]+[A-Za-z'’]+){0,4}[ \t]*\))[ \t]*"
    r"(?P<rest>\d{3,4}[ \t]?\d{3,4}|\d{6,8})(?![\w/.]|[ \t]?\d)"
)
# Freephone, shared-cost, premium-rate and 03 numbers are organisations' (phone.py)
_SERVICE_PREFIXES = ("0800", "0808", "0500", "03", "084", "087", "09")


def _a_service(number: str) -> bool:
    digits = re.sub(r"\D", "", number.replace("+44", "0").replace("(0)", ""))
    return digits.startswith(_SERVICE_PREFIXES)


_PHONE_WORD = re.compile(r"(?i:\b(?:number|mobile|mob|phone|landline|tel|telephone|no)\b)")
# "number ends 900 361 and starts 07700": each piece after "ends" or "starts"
_PIECE_OF_A_LINE = re.compile(
    r"(?i:\b(?:ends|ending|ended|finishes|finishing|starts|starting|started|begins|beginning|"
    r"began)[ \t]+(?:in[ \t]+|with[ \t]+)?)"
    r"(?P<piece>\d{3,5}(?:[ \t]\d{3,4})?)(?![\w:.]|[ \t]*(?i:am|pm|o'?clock)\b)"
)
_SENTENCE_BREAK = re.compile(r"[.!?\n]")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``: from the last full stop,
    question or exclamation mark or line break before it to the next after."""
    before = max((m.end() for m in _SENTENCE_BREAK.finditer(text, 0, start)), default=0)
    after = _SENTENCE_BREAK.search(text, end)
    return text[before : after.start() if after else len(text)]


def find_asides_extensions_and_pieces_of_lines(text: str) -> Iterator[Detail]:
    """A UK line with its extension in brackets, a dialling code and the rest
    of a line with an aside between them (ten or eleven figures in all), and
    the pieces of a line said to end or start so, in a sentence with a word
    for a phone: PHONE spans."""
    for match in _BRACKETED_EXTENSION.finditer(text):
        if not _a_service(match.group()):
            yield Detail(match.start(), match.end(), Category.PHONE)
    for match in _ASIDE_BETWEEN.finditer(text):
        digits = match.group("code") + re.sub(r"\D", "", match.group("rest"))
        if len(digits) in (10, 11) and not _a_service(digits):
            yield Detail(match.start(), match.end(), Category.PHONE)
    for match in _PIECE_OF_A_LINE.finditer(text):
        if _PHONE_WORD.search(_sentence(text, match.start(), match.end())):
            yield Detail(match.start("piece"), match.end("piece"), Category.PHONE)


# -- postcodes and plates ---------------------------------------------------

_AREA = "(?:" + "|".join(sorted(AREAS, key=len, reverse=True)) + ")"
# After "postcode", a full postcode with one letter or figure too many: a
# slip of the keys ("BS7 8NQQ", "S11 8YL1"); the whole goes.
_SLIPPED_POSTCODE = re.compile(
    r"(?i:\bpost[ \t]?code(?:[ \t]+(?:is|was)|['’]s)?[ \t]*[:-]?[ \t]*)"
    rf"(?P<postcode>(?i:{_AREA}\d[A-Z\d]?[ \t]?\d[A-Z]{{2}}[A-Z\d]))(?!\w)"
)
# A plate's end given as such, after a word for a plate in the same sentence:
# "reg beginning LV12 and ending OPE", "plate ends in KXT"
_PLATE_WORD = re.compile(r"(?i:\b(?:reg|registration|plates?|number[ \t]+plate|index)\b)")
_PLATE_ENDING = re.compile(
    r"(?i:\b(?:ending|ends|ended|finishing|finishes|finished)[ \t]+(?:in[ \t]+|with[ \t]+)?)"
    r"(?P<end>(?-i:[A-Z]{3}|\d[A-Z]{3}|[A-Z]{2}))(?![\w'’])"
)


def find_slipped_postcodes_and_plate_endings(text: str) -> Iterator[Detail]:
    """A postcode with one character too many after "postcode" (POSTCODE) and
    a plate's last letters after "ending" where the sentence names a plate
    (VEHICLE_REG)."""
    for match in _SLIPPED_POSTCODE.finditer(text):
        yield Detail(match.start("postcode"), match.end("postcode"), Category.POSTCODE)
    for match in _PLATE_ENDING.finditer(text):
        before = text[max(0, match.start() - 80) : match.start()]
        sentence_start = max((m.end() for m in _SENTENCE_BREAK.finditer(before)), default=0)
        if _PLATE_WORD.search(before, sentence_start):
            yield Detail(match.start("end"), match.end("end"), Category.VEHICLE_REG)


# -- e-mails ----------------------------------------------------------------

_SPOKEN_TLD = r"(?:[ \t]+dot[ \t]+(?:co[ \t]+dot[ \t]+uk|com|org|net|org[ \t]+dot[ \t]+uk|uk))"
# After a word for e-mail: a name, "at", a provider in two or three words, a spoken
# ending: "email is steve at steves plumbing dot co dot uk"
_TWO_WORD_DOMAIN = re.compile(
    r"(?i:\be-?m(?:ail|ial)(?:[ \t]+(?:address|addy))?(?:[ \t]+(?:is|was|me|us))?[ \t]*[:-]?[ \t]*"
    r"(?:(?:on|at|to)[ \t]+)?)"
    r"(?P<email>(?i:[\w.+-]+[ \t]+at[ \t]+(?!dot\b)[a-z0-9-]+(?:[ \t]+(?!dot\b)[a-z0-9-]+){1,2}"
    rf"{_SPOKEN_TLD}))\b"
)
# "email us at the rigbys at hotmail ...": "the" starts the name
_THE_BEFORE = re.compile(r"(?i:\b(?:at|is|to|on|:)[ \t]+)(?P<the>(?i:the))[ \t]+$")
# Round 18: a name in two words before a spelt "at", right after a word for
# e-mail or for reaching someone: "email me on john smith at gmail dot com",
# "you can get me at kerry ann at hotmail dot co dot uk". The first word goes too.
_FIRST_WORD_OF_A_SPELT_NAME = re.compile(
    r"(?i:\b(?:e-?mail(?:[ \t]+address)?|get[ \t]+me|reach[ \t]+me|contact[ \t]+me"
    r"|write[ \t]+to[ \t]+me|send[ \t]+(?:it|them|the[ \t]+\w+)[ \t]+to)"
    r"(?:[ \t]+(?:me|is|was))?(?:[ \t]+(?:on|at|to))?[ \t]*:?[ \t]*)"
    r"(?P<word>(?!(?i:on|at|to|is|me|was|the)\b)[A-Za-z]{2,12})[ \t]+$"
)


def find_spelt_emails_with_spaces(text: str) -> Iterator[Detail]:
    """An e-mail spelt out with its provider in two words, after a word for
    e-mail, and a spelt e-mail whose name starts with "the": EMAIL spans."""
    for match in _TWO_WORD_DOMAIN.finditer(text):
        yield Detail(match.start("email"), match.end("email"), Category.EMAIL)
    for email in find_emails(text):
        spelt = re.search(r"(?i:[ \t]at[ \t])", text[email.start : email.end])
        the = _THE_BEFORE.search(text, max(0, email.start - 12), email.start)
        if spelt and the:
            yield Detail(the.start("the"), email.end, Category.EMAIL)
        elif spelt:
            first = _FIRST_WORD_OF_A_SPELT_NAME.search(text, max(0, email.start - 60), email.start)
            if first:
                yield Detail(first.start("word"), email.end, Category.EMAIL)


# -- house numbers ----------------------------------------------------------

# Before an address found: the first number of a range said with "to"
# ("11 to 13 Bridge Street"), a floor ("1st floor, "), a Glasgow flat by its
# side ("flat 1/L, ")
_BEFORE_AN_ADDRESS = re.compile(
    r"(?:(?<![\w£$.:/-])\d{1,4}[a-z]?[ \t]+(?i:to|thru|through)[ \t]+"
    # (a floor in words, "top floor, flat 5, ...", is left out: the sets label
    # the address after it alone)
    r"|(?i:\b(?:1st|2nd|3rd|[4-9]th)[ \t]+floor(?:[ \t]+(?:flat|apartment))?[ \t]*,?[ \t]*)"
    r"|(?i:\bflat[ \t]+)\d{1,2}/(?i:[LRM])\b[ \t]*,?[ \t]*)$"
)
# The house number said again in words in brackets: "1 9 Cedar Way (nineteen)"
_NUMBER_IN_WORDS_AFTER = re.compile(
    rf"[ \t]*\([ \t]*(?:that'?s[ \t]+|number[ \t]+)?(?P<words>(?i:{NUMBER_WORD}))[ \t]*\)"
)
# A space before the comma after a house number: "6 , Poplar Road"
_SPACE_BEFORE_COMMA = re.compile(r"(?<![\w£$.:/-])\d{1,4}[a-zA-Z]?(?P<gap>[ \t]+,)[ \t]*[A-Z]")
# After "Address:", a number and one to three capitalised words up to a
# comma, a full stop, a line's or the text's end: "Address: 44 Mount Pleasant,"
_AFTER_ADDRESS_WORD = re.compile(
    r"(?i:\baddress(?:[ \t]+is)?[ \t]*[:-]?[ \t]*)"
    r"(?P<home>\d{1,4}[a-zA-Z]?,?[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})"
    r"(?=[ \t]*(?:,|\.(?!\w)|\n|$))"
)
# The home's own number: "my house 33b", "house 9," (the number ends the
# clause, or has its letter)
_OWN_HOME_NUMBER = re.compile(
    r"(?i:\b(?:(?:my|our|his|her|their)[ \t]+(?:house|home|bungalow)|house)[ \t]+"
    r"(?:is[ \t]+)?(?:(?:no\.?|number)[ \t]*)?)"
    r"(?P<number>\d{1,4}(?:[a-hA-H]\b|(?=[ \t]*(?:[,;)]|\.(?!\d)|!|\?|\n|$))))"
)
# "the one at 40", where the sentence speaks of homes and not of times
_THE_ONE_AT = re.compile(
    r"(?i:\bthe[ \t]+(?:one|house|place|bungalow)[ \t]+at[ \t]+(?:no\.?[ \t]*|number[ \t]+)?)"
    r"(?P<number>\d{1,3}[a-z]?)\b"
    r"(?![:.]\d|[ \t]*(?i:am|pm|a\.m|p\.m|o'?clock|mph|%|p\b|quid|pounds?|mins?|minutes?|"
    r"hours?|years?|miles?|degrees?|ish|or\b|-|to\b))"
)
_HOMES_SPOKEN_OF = re.compile(
    r"(?i:\b(?:house|home|door|front[ \t]+door|garden|drive|driveway|neighbours?|lives?|"
    r"living|street|road|avenue|lane|close|crescent|terrace|grove|next[ \t]+door)\b)"
)
_TIMES_SPOKEN_OF = re.compile(
    r"(?i:\b(?:train|bus|coach|tram|flight|meeting|appointment|clock|time|times|tonight|"
    r"morning|evening|afternoon|match|race|lot|auction|price|costs?|sale|size|speed)\b)"
)


def find_homes_said_oddly(text: str) -> Iterator[Detail]:
    """A house number in the shapes the address finder leaves (a range with
    "to", a floor or a Glasgow flat before it, a space before the comma, a
    street with no street word after "Address:", the home's own number, "the
    one at 40" among homes): ADDRESS spans."""
    addresses = list(find_addresses(text))
    for address in addresses:
        lead = _BEFORE_AN_ADDRESS.search(text, max(0, address.start - 40), address.start)
        if lead is not None and text[address.start : address.start + 1].isalnum():
            yield Detail(lead.start(), address.end, Category.ADDRESS)
        echo = _NUMBER_IN_WORDS_AFTER.match(text, address.end)
        if echo is not None:
            yield Detail(echo.start("words"), echo.end("words"), Category.ADDRESS)
    for match in _SPACE_BEFORE_COMMA.finditer(text):
        # the same text with the space and the comma swapped, the length kept
        gap_start, gap_end = match.span("gap")
        swapped = text[:gap_start] + "," + text[gap_start : gap_end - 1] + text[gap_end:]
        for address in find_addresses(swapped):
            if address.start <= gap_start < address.end:
                yield Detail(address.start, address.end, Category.ADDRESS)
    for match in _AFTER_ADDRESS_WORD.finditer(text):
        if not any(a.start < match.end("home") and match.start("home") < a.end for a in addresses):
            # an address found already ends at its street word ("12 Ann
            # Street", not the town after it)
            yield Detail(match.start("home"), match.end("home"), Category.ADDRESS)
    for match in _OWN_HOME_NUMBER.finditer(text):
        # "house 9" goes whole; "my house 33b" keeps "my house"
        whole = match.group().lower().startswith("house")
        start = match.start() if whole else match.start("number")
        yield Detail(start, match.end("number"), Category.ADDRESS)
    for match in _THE_ONE_AT.finditer(text):
        sentence = _sentence(text, match.start(), match.end())
        if _HOMES_SPOKEN_OF.search(sentence) and not _TIMES_SPOKEN_OF.search(sentence):
            yield Detail(match.start("number"), match.end("number"), Category.ADDRESS)
