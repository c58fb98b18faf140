"""Round 18: details read from their cue, not their wording (issue 15's
fifteenth set, tuned on it once it was spent).

Each finder reads one concept by its structure and cue; wordings:
tests/bot/test_redaction_round18_set15.py.

- :func:`find_titled_people`: a rank or a title, then any capitalised
  word(s), is a person ("PC Marsh", "DC Farrow", "Sheikh Yusuf Rahimi",
  "Cllr Pendry"), even when the word is also an ordinary word ("Marsh");
  not "PC World", "Father Christmas", "Dr Martens".
- :func:`find_doors_with_their_street`: a house number given as an address
  line after a comma, ", house number 47 on Gregory Boulevard", ", number
  88 on Cantrell Road", and "number fourteen, Bull Ring, Sedgley" (the
  street goes with the number; a town closing it stays; "the house at
  number 6 on X Street" keeps its street), and "my neighbour from number 9" (a person placed by
  their door).
- :func:`find_firms_by_trade_or_quote`: a small firm by its trade word after
  a name or initials ("IK Detailing", "Bright Roofing Solutions"), an
  owner's possessive before a trade ("Demir's Food Centre", "Faulkner's
  Antiques") and a trading name after "trades as" ("trades as 'Dayo
  Ventures'"); not a chain ("Sainsbury's Local") nor a place.
- :func:`find_house_names_by_cue`: a house's name after "formerly of" /
  "late of" when a place follows it ("formerly of Hollow Oak, Wivelsfield");
  :func:`find_houses_said_to_be_named`: before "that's the name of their
  house" (added after the keepers: the writer says it is a home).
- :func:`find_roles_by_cue`: a role that singles one out: a faith or church
  role with its church ("the verger at St Anne's"; "the imam, Sheikh ..."
  keeps its role: docs/decisions.md, round 18), "I run the Fox & Hounds
  in Rushmere" (a pub's town says which), "my employer at the car wash
  on Norwich Road" (a workplace's street says which), "night reception,
  only me at night".

Each yields ``Detail(start, end, category)``, start and end character
offsets into the text given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.lexicon import NOT_PERSONS, brand_spans, places

_CAP = r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:['’-][A-Za-z][a-z]*)*"
_NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred)(?:[ \t-](?:one|two|three|four|five|six|seven|eight|nine))?"
)

# ---------------------------------------------------------------- titles
_TITLE = re.compile(
    r"(?<![\w'’])(?:PC|DC|DS|DI|DCI|DSI|PCSO|Sgt\.?|Sergeant|Constable|Inspector|"
    r"Sheikh|Shaykh|Imam|Rabbi|Fr\.?|Father|Rev\.?|Revd\.?|Reverend|Pastor|Canon|Cllr\.?|"
    r"Councillor|Ustadh|Maulana|Mufti|Hafiz|Pandit|Swami)[ \t]+"
    rf"(?P<name>{_CAP}(?:[ \t]+{_CAP}){{0,2}})"
)
_NOT_AFTER_A_TITLE = NOT_PERSONS | word_set(
    """
    world christmas martens support officer officers team station office community
    ted jack dougal who
    """
)


def find_titled_people(text: str) -> Iterator[Detail]:
    """A rank or title and the capitalised words after it (module docstring)."""
    brands = brand_spans(text)
    for match in _TITLE.finditer(text):
        first = match.group("name").split()[0].lower().removesuffix("'s").removesuffix("’s")
        if first in _NOT_AFTER_A_TITLE:
            continue
        if any(s < match.end() and match.start() < e for s, e in brands):
            continue
        yield Detail(match.start(), match.end(), Category.NAME)


# ---------------------------------------------------------------- doors
_STREET = word_set(
    """
    road rd street st lane ln avenue ave close drive dr way crescent court ct gardens gdns
    grove terrace walk row mews parade rise hill place square sq boulevard gate green vale
    view wharf yard circus ring broadway end park
    """
)
_DOOR = re.compile(
    r"(?<![\w'’])(?i:(?:house|home|flat|door)[ \t]+)?(?i:number|no\.)[ \t]+"
    rf"(?:\d{{1,4}}[a-zA-Z]?|(?i:{_NUMBER_WORDS}))\b"
)
_ON_STREET = re.compile(
    rf"[ \t]+(?:on|in|along|off)[ \t]+(?:the[ \t]+)?(?P<street>{_CAP}(?:[ \t]+{_CAP}){{0,3}})"
)
_COMMA_STREET = re.compile(
    rf"[ \t]*,[ \t]*(?P<street>{_CAP}(?:[ \t]+{_CAP}){{0,3}})(?=[ \t]*,[ \t]*[A-Z])"
)
_APPOSITIVE = re.compile(r",[ \t]*$")
_PLACED_PERSON = re.compile(
    r"(?i:\b(?:neighbour|neighbours|neighbor|neighbors|family|people|man|woman|lady|bloke|"
    r"lad|lads|couple|kids|boy|girl|guy|fella|tenant|tenants|folk|lot)[ \t]+(?:from|at)[ \t]+)$"
)


def find_doors_with_their_street(text: str) -> Iterator[Detail]:
    """A house number with the street after it, or a person placed by
    their door number (module docstring)."""
    for match in _DOOR.finditer(text):
        street = _ON_STREET.match(text, match.end())
        # only a number given as an address line, after a comma ("Mr Hale,
        # house number 47 on X Road"); "the house at number 6 on X Street"
        # keeps its street (the writers disagree; docs/decisions.md, round 18)
        appositive = _APPOSITIVE.search(text, max(0, match.start() - 3), match.start())
        if street and appositive and street.group("street").split()[-1].lower() in _STREET:
            yield Detail(match.start(), street.end(), Category.ADDRESS)
            continue
        street = _COMMA_STREET.match(text, match.end())
        if street and street.group("street").lower() not in places():
            yield Detail(match.start(), street.end(), Category.ADDRESS)
            continue
        if _PLACED_PERSON.search(text[max(0, match.start() - 40) : match.start()]):
            yield Detail(match.start(), match.end(), Category.ADDRESS)


# ---------------------------------------------------------------- firms
# words only a firm's name ends in, whatever goes before them ("Bright
# Roofing Solutions", "IK Detailing"); a plain trade after one word ("Marsh
# Roofing or similar") is left to business.py, which wants an owner's name
_FIRM_ENDINGS = r"(?:Detailing|Solutions|Ventures|Enterprises|Imports|Supplies|Antiques|Emporium)"
_TRADE_ENDINGS = (
    r"(?:Food[ \t]Centre|Cash[ \t]and[ \t]Carry|Motors|Autos|Roofing|Plumbing|Builders|"
    r"Scaffolding|Landscaping|Driveways|Groundworks|Valeting|Removals|Glazing|Fencing|Joinery|"
    r"Plastering|Maintenance|Tyres|Bodywork|Recovery|Lettings)"
)
_FIRM_LEAD_WORDS = r"(?:Property|Home|Car|Auto|Building|Roofing|Garden|Tree|Window|Quality)"
_NAMED_FIRM = re.compile(
    rf"(?<![\w'’.])(?P<name>[A-Z]{{2,3}}|{_CAP})(?:[ \t]+{_FIRM_LEAD_WORDS})?"
    rf"[ \t]+{_FIRM_ENDINGS}\b"
)
_OWNERS_FIRM = re.compile(
    rf"(?<![\w'’.])(?P<name>{_CAP})['’]s[ \t]+(?:{_CAP}[ \t]+)?"
    rf"(?:{_FIRM_ENDINGS}|{_TRADE_ENDINGS}|Stores?|Garage|Bakery|Butchers|Barbers|Cafe|Café|Kitchen|Centre|"
    r"Mini[ \t]?Mart|Minimarket|Supermarket|Grocers|Florist|Jewellers|Workshop|Yard)\b"
)
_TRADES_AS = re.compile(
    r"(?i:\btrad(?:es|ing|ed)[ \t]+(?:as|under)(?:[ \t]+the[ \t]+name)?)[ \t]+"
    rf"['‘\"“]?(?P<name>{_CAP}(?:[ \t]+(?:{_CAP}|&|and|[A-Z]{{2,3}})){{0,3}})"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?\n][ \t\"'“‘]*)$")
_NOT_A_FIRM_NAME = NOT_PERSONS | word_set(
    """
    the a an our my his her their your this that local mobile professional quality best
    st saint king kings queen queens new old north south east west royal national
    """
)


def find_firms_by_trade_or_quote(text: str) -> Iterator[Detail]:
    """Small firms by a trade word, an owner's possessive or "trades as"
    (module docstring)."""
    brands = brand_spans(text)
    for pattern in (_NAMED_FIRM, _OWNERS_FIRM):
        for match in pattern.finditer(text):
            name = match.group("name")
            if name.lower() in _NOT_A_FIRM_NAME or name.lower() in places():
                continue
            # "Roofing Solutions were great": a sentence's first word may be no name
            if pattern is _NAMED_FIRM and _SENTENCE_START.search(text[: match.start()]):
                continue
            if any(s < match.end() and match.start() < e for s, e in brands):
                continue
            yield Detail(match.start(), match.end(), Category.NAME)
    for match in _TRADES_AS.finditer(text):
        if match.group("name").split()[0].lower() in NOT_PERSONS:
            continue
        yield Detail(match.start("name"), match.end("name"), Category.NAME)


# ---------------------------------------------------------------- house names
_FORMERLY_OF = re.compile(
    r"(?i:\b(?:formerly|late|lately|previously)[ \t]+of)[ \t]+"
    rf"(?P<home>(?:The[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,2}})(?=[ \t]*,[ \t]*[A-Z])"
)
_NAME_OF_HOUSE = re.compile(
    rf"(?P<home>(?:The[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,2}})[ \t]*[(,–—-][ \t]*"
    r"(?i:(?:that['’]s|that[ \t]+is|which[ \t]+is|it['’]s)[ \t]+(?:the[ \t]+)?name[ \t]+of[ \t]+"
    r"(?:their|the|his|her|my|our|its)[ \t]+(?:house|home|cottage|bungalow|place|farm))"
)


def find_house_names_by_cue(text: str) -> Iterator[Detail]:
    """A house's name after "formerly of" before a place, or before "that's
    the name of their house" (module docstring)."""
    for match in _FORMERLY_OF.finditer(text):
        home = match.group("home")
        if home.lower() in places() or home.lower().removeprefix("the ") in places():
            continue  # "formerly of Lewes, East Sussex": a town
        yield Detail(match.start("home"), match.end("home"), Category.ADDRESS)


def find_houses_said_to_be_named(text: str) -> Iterator[Detail]:
    """A house's name before "that's the name of their house": the writer
    says it is a home's name, so it goes even when it is also a place's
    ("Hillside"); the caller adds these after the keepers."""
    for match in _NAME_OF_HOUSE.finditer(text):
        yield Detail(match.start("home"), match.end("home"), Category.ADDRESS)


# ---------------------------------------------------------------- roles
_FAITH_ROLES = (
    r"(?:imam|vicar|rector|rabbi|priest|pastor|minister|churchwarden|church[ \t]warden|verger|"
    r"organist|granthi|chaplain|curate|sexton|caretaker)"
)
_ROLE_AT_CHURCH = re.compile(
    rf"(?<![\w'’])(?i:(?:the|our|my)[ \t]+(?:only[ \t]+)?{_FAITH_ROLES}[ \t]+(?:at|of)[ \t]+)"
    rf"(?:(?:St\.?|Saint)[ \t]+{_CAP}|All[ \t]+Saints|Holy[ \t]+Trinity|Christ[ \t]+Church|"
    rf"the[ \t]+{_CAP}(?:[ \t]+{_CAP}){{0,2}})"
)
# a pub's name: two words joined by "&"/"and", or one ending in a pub word
_PUB_WORDS = (
    r"(?:Arms|Inn|Tavern|Head|Heads|Hounds|Horse|Horses|Lion|Bell|Crown|Swan|Anchor|Plough|"
    r"Oak|Star|Bull|Ship|Wheatsheaf|Feathers|Fox|Hart|Stag|Eagle|Falcon|Greyhound|Mitre)"
)
_RUN_THE_PUB_IN = re.compile(
    r"(?<![\w'’])(?i:run|runs|ran|own|owns|manage|manages|managing|running)[ \t]+the[ \t]+"
    rf"(?:{_CAP}[ \t]+(?:&|and)[ \t]+{_CAP}|(?:{_CAP}[ \t]+){{0,2}}{_PUB_WORDS})"
    rf"[ \t]+in[ \t]+{_CAP}(?:[ \t]+{_CAP})?"
)
_BOSS_AT_WORKPLACE_ON = re.compile(
    r"(?<![\w'’])(?i:(?:my|the|our|his|her)[ \t]+(?:employer|boss|manager|owner|supervisor|"
    r"gaffer)[ \t]+(?:at|of)[ \t]+the)[ \t]+(?:[\w&'’-]+[ \t]+){1,3}?(?i:on|in)[ \t]+"
    rf"(?P<street>{_CAP}(?:[ \t]+{_CAP}){{0,3}})"
)
_ONLY_ME_AT_NIGHT = re.compile(
    r"(?<![\w'’])(?i:(?:night|nights|day|weekend|late)[ \t]+[a-z]+[ \t]*,[ \t]*"
    r"(?:the[ \t]+)?only[ \t]+(?:me|one|person)[ \t]+(?:at|on|in|working)[ \t]+"
    r"(?:the[ \t]+)?(?:night|nights|weekends?|evenings?|shift))\b"
)


def find_roles_by_cue(text: str) -> Iterator[Detail]:
    """Roles that single one out by their cue (module docstring)."""
    for pattern in (_ROLE_AT_CHURCH, _RUN_THE_PUB_IN, _ONLY_ME_AT_NIGHT):
        for match in pattern.finditer(text):
            yield Detail(match.start(), match.end(), Category.JOB)
    for match in _BOSS_AT_WORKPLACE_ON.finditer(text):
        if match.group("street").split()[-1].lower() in _STREET:
            yield Detail(match.start(), match.end(), Category.JOB)
