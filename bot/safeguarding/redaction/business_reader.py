"""Small businesses read from their shape (round 16, issue 15's thirteenth
set): initials before a trade ("K & J Driveways", "JW Landscaping", "D.J.
Builders", "R&S Groundworks") and a firm named for a person the message
names ("Mr Ian Buchan of Buchan Seafoods", "Carol Tyson of Tyson
Fabrications"). A one-person firm's name says whose it is.

One reader for the concept rather than one entry per firm: the trade is
any word of business.py's trades or a few more (:data:`_MORE_TRADES`); a
firm named for a person needs no trade at all, only the person's surname
said elsewhere in the message, or a business word before a name that
holds a named person's own name ("Polish shop Sklep Ania ... My name Ania
Nowak"). A chain's initials stay ("B&Q", "M&S Food",
"P&O Ferries", "JD Sports"), as does a street or a place named like the
person ("Mr Lewis of Lewis Road").

:func:`find_businesses_by_shape` yields ``Detail(start, end,
Category.NAME)``, start and end character offsets into the text given.
Wordings: tests/bot/test_redaction_round16_details.py and
tests/data/personal_details/details_probe_round16.jsonl.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.business import TRADE_WORDS
from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.lexicon import (
    PLACE_WORDS,
    first_names,
    ordinary_words,
    places,
    surnames,
)

_MORE_TRADES = (
    r"(?:Groundworks|Wholesale|Wholesalers|Seafoods?|Fish|Fabrications?|Haulage|Logistics|"
    r"Transport|Engineering|Joinery|Agricultural|Contractors?|Contracting|Farming|Farms|"
    r"Plastering|Brickwork|Tiling|Kitchens|Bathrooms|Interiors|Upholstery|Motorcycles|"
    r"Recovery|Towing|Coaches|Travel|Security|Electrical[ \t]Services|Property[ \t]Services)"
)
_TRADE = rf"(?:{TRADE_WORDS}|{_MORE_TRADES})"
# "K & J", "JW", "D.J.", "R&S", "A and M": two or three initials.
_INITIALS = (
    r"[A-Z]\.?(?:(?:[ \t]*[&+][ \t]*|[ \t]+and[ \t]+)[A-Z]\.?|[A-Z]\.?)"
    r"(?:(?:[ \t]*[&+][ \t]*|[ \t]+and[ \t]+)?[A-Z]\.?)?"
)
_INITIALS_AND_TRADE = re.compile(
    rf"(?<![\w&+.])(?P<initials>{_INITIALS})[ \t]+(?:[A-Z][a-z]+[ \t]+)?{_TRADE}\b"
    rf"(?:[ \t]*(?:&|and)[ \t]+{_TRADE}\b)?"
)
# Chains and bodies known by their initials.
_CHAIN_INITIALS = word_set(
    """
    m&s b&q p&o h&m b&m c&a jd jjb tk aa rac bt ee hsbc tsb dfs dpd ups dhl tnt bp kfc hmv nhs
    bbc itv dvla dwp hmrc rspca rspb ymca gp ms wh
    """
)
# A person the message names: "Mr Ian Buchan", "Carol Tyson", "Dougie Mackie".
_PERSON = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+(?:[A-Z][a-z]+[ \t]+){0,2}|(?P<given>[A-Z][a-z]+)[ \t]+)"
    r"(?P<surname>(?:Mc|Mac|O['’])?[A-Z][a-z]{2,})\b(?!['’]s)"
)
_LINK_BEFORE = re.compile(
    r"(?i:\b(?:of|at|for|from|with|in|runs?|owns?|called|named|by|fae|wi)[ \t]+)$"
)


def _surnames_named(text: str) -> set[str]:
    surnames: set[str] = set()
    for match in _PERSON.finditer(text):
        given = match.group("given")
        if given is not None and (
            given.lower() not in first_names() or given.lower() in ordinary_words()
        ):
            continue  # "Golden Dragon": a word, no given name
        if match.group("surname").lower() in ordinary_words():
            continue
        surnames.add(match.group("surname"))
    return surnames


# "owner of Polish shop Sklep Ania", "my salon, Studio Kasia": a business word,
# then a name that holds the given name or surname of a person the message names.
_BUSINESS_WORD_THEN_NAME = re.compile(
    r"(?i:\b(?:shop|business|salon|cafe|café|restaurant|takeaway|firm|company|bakery|bar|"
    r"stall|van|deli|store)[ \t]*,?[ \t]+(?:called[ \t]+|named[ \t]+)?)"
    r"(?P<firm>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){1,2})"
)
_GIVEN_AND_SURNAME = re.compile(
    r"\b(?P<given>[A-Z][a-zà-öø-ÿ]+)[ \t]+(?P<surname>(?:Mc|Mac|O['’])?[A-Z][a-zà-öø-ÿ]{2,})\b"
)


_NAME_CUE = re.compile(r"(?i:\b(?:my[ \t]+name(?:[ \t]+is|['’]s)?|i[ \t]+am|i['’]m|name:)[ \t]+)$")


def _names_of_people(text: str) -> set[str]:
    """Given names and surnames of people the message names in full
    ("Ania Nowak"), where the given name or the surname is a known one or
    the writer gives it as theirs ("my name Oksana Melnyk"), and neither is
    an everyday word."""
    names: set[str] = set()
    for match in _GIVEN_AND_SURNAME.finditer(text):
        given, surname = match.group("given"), match.group("surname")
        if given.lower() in ordinary_words() or surname.lower() in ordinary_words():
            continue
        cued = _NAME_CUE.search(text, max(0, match.start() - 16), match.start()) is not None
        if cued or given.lower() in first_names() or surname.lower() in surnames():
            names.update((given, surname))
    return names


def find_businesses_by_shape(text: str) -> Iterator[Detail]:
    """Initials before a trade, and a firm named for a person the message
    names (module docstring)."""
    for match in _INITIALS_AND_TRADE.finditer(text):
        key = re.sub(r"[ \t.]|and", "", match.group("initials")).lower()
        if key in _CHAIN_INITIALS:
            continue
        yield Detail(match.start(), match.end(), Category.NAME)
    for surname in _surnames_named(text):
        firm = re.compile(
            rf"(?<![\w'’])({re.escape(surname)}(?:[ \t]+[A-Z][a-z]+){{1,2}})\b(?!['’])"
        )
        for match in firm.finditer(text):
            words = match.group(1).split()[1:]
            if words[-1].lower() in PLACE_WORDS or match.group(1).lower() in places():
                continue  # "Lewis Road": a street
            trade = re.fullmatch(rf"(?:[A-Z][a-z]+[ \t]+)?{_TRADE}", " ".join(words))
            linked = _LINK_BEFORE.search(text, max(0, match.start() - 12), match.start())
            if trade is None and linked is None:
                continue  # "Buchan Street" needs a link or a trade to be a firm
            if any(w.lower() in first_names() and w.lower() not in places() for w in words[:1]):
                continue  # "Mackie Dougie" is no firm
            yield Detail(match.start(1), match.end(1), Category.NAME)
    people = _names_of_people(text)
    for match in _BUSINESS_WORD_THEN_NAME.finditer(text):
        words = match.group("firm").split()
        if any(w in people for w in words) and words[-1].lower() not in PLACE_WORDS:
            yield Detail(match.start("firm"), match.end("firm"), Category.NAME)


# --- round 20: firms named after people, in more shapes --------------------

# "Kershaw & Sons Haulage", "Whitfield & Daughters Funeral Directors": a
# surname and its family, with the trade after it.
_FAMILY_FIRM = re.compile(
    rf"(?<![\w'’&])(?:[A-Z]\.?[ \t]+)?(?:Mc|Mac|O['’])?[A-Z][a-z]+[ \t]*&[ \t]*"
    rf"(?:Sons?|Daughters?)\b(?:[ \t]+{_TRADE}\b){{0,3}}"
)
# "Kirkness & Gorie", "Ogilvie & Partridge": two surnames joined by "&",
# with an optional trade after them; neither an everyday word, a place or
# only a given name ("Gareth & Lisa" is two people, "Brighton & Hove" a
# city), and not a chain's pair of names.
_TWO_SURNAMES = re.compile(
    rf"(?<![\w'’&])(?P<first>(?:Mc|Mac|O['’])?[A-Z][a-z]{{2,}})[ \t]*&[ \t]*"
    rf"(?P<second>(?:Mc|Mac|O['’])?[A-Z][a-z]{{2,}})\b(?P<trade>(?:[ \t]+{_TRADE}\b){{0,3}})"
)
_CHAIN_PAIRS = word_set(
    """
    marks&spencer holland&barrett dolce&gabbana ernst&young procter&gamble abercrombie&fitch
    crabtree&evelyn lyle&scott fortnum&mason laura&ashley hotter&co moss&bros
    slaughter&may freshfields&bruckhaus allen&overy clifford&chance taylor&wimpey
    barratt&david wilson&sons
    """
)
# "Paws & Claws by Kirsty", "Cuts and Colours by Shona": a trade name made
# the writer's own by a given name after "by".
_BY_GIVEN_NAME = re.compile(
    r"(?<![\w'’&])[A-Z][\w'’-]*(?:[ \t]*(?:&|and|n)[ \t]*[A-Z][\w'’-]*|[ \t]+[A-Z][\w'’-]*)"
    r"[ \t]+by[ \t]+(?P<given>[A-Z][a-z]+)\b"
)
# "Hext Security Ltd, director Mark Hext": a firm and the person who runs it.
_FIRM_AND_ITS_HEAD = re.compile(
    r"(?<![\w'’])(?:[A-Z][\w'’&-]*[ \t]+){1,3}(?:Ltd|Limited|LLP|Plc|PLC)\.?[ \t]*[,(–-]?[ \t]*"
    r"(?i:(?:managing[ \t]+)?director|owner|proprietor|md)[ \t]+"
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+)?[A-Z][a-z]+(?:[ \t]+(?:Mc|Mac|O['’])?[A-Z][a-z]+)?"
)
# "Mr Calum Fraser of Highland Heating", "Kevin Lewis of KL Builds
# Pembroke": a person and the firm they trade as, whose name alone says
# nothing of them (a firm with the person's surname is read on its own).
_PERSON_OF_FIRM = re.compile(
    r"(?<![\w'’])(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+)?(?P<given>[A-Z][a-z]+)[ \t]+"
    r"(?P<surname>(?:Mc|Mac|O['’])?[A-Z][a-z]+)[ \t]+of[ \t]+"
    rf"(?P<firm>(?:[A-Z][\w'’&-]*[ \t]+){{0,2}}(?:{_TRADE}|Builds))\b"
)
# "KL Builds Pembroke": initials, a trade, and the town the firm is in.
_INITIALS_TRADE_TOWN = re.compile(
    rf"(?<![\w&+.])(?P<initials>{_INITIALS})[ \t]+(?:Builds|Build|{_TRADE})"
    r"[ \t]+(?P<town>[A-Z][a-z]+)\b"
)


def find_firms_named_after_people(text: str) -> Iterator[Detail]:
    """Round 20: a family firm, two surnames joined by "&", a trade name "by"
    a given name, a firm with its director, a person "of" their firm, and
    initials with a trade and a town."""
    if "&" in text:
        for match in _FAMILY_FIRM.finditer(text):
            yield Detail(match.start(), match.end(), Category.NAME)
        for match in _TWO_SURNAMES.finditer(text):
            first, second = match.group("first"), match.group("second")
            if f"{first}&{second}".lower() in _CHAIN_PAIRS:
                continue
            if any(
                w.lower() in ordinary_words()
                or w.lower() in places()
                or w.lower() in PLACE_WORDS
                or (w.lower() in first_names() and w.lower() not in surnames())
                or w in ("Mr", "Mrs", "Sons", "Son", "Daughters", "Daughter", "Co")
                for w in (first, second)
            ):
                continue
            yield Detail(match.start(), match.end(), Category.NAME)
    if " by " in text:
        for match in _BY_GIVEN_NAME.finditer(text):
            given = match.group("given").lower()
            if given in first_names() and given not in ordinary_words():
                yield Detail(match.start(), match.end(), Category.NAME)
    for match in _FIRM_AND_ITS_HEAD.finditer(text):
        yield Detail(match.start(), match.end(), Category.NAME)
    if " of " in text:
        for match in _PERSON_OF_FIRM.finditer(text):
            if match.group("surname") in match.group("firm"):
                continue  # "Mr Dorian Petrescu of Petrescu Builders": [name] of [name]
            if match.group("given").lower() in first_names():
                yield Detail(match.start(), match.end(), Category.NAME)
    for match in _INITIALS_TRADE_TOWN.finditer(text):
        key = re.sub(r"[ \t.]|and", "", match.group("initials")).lower()
        if key in _CHAIN_INITIALS or match.group("town").lower() not in places():
            continue
        yield Detail(match.start(), match.end(), Category.NAME)
