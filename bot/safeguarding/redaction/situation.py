"""Descriptions that single one person out, though no one detail names them:

- a child's school with their year group or class ("my son in Year 9 at
  Hayes School"): the year group and the school go together, since either
  alone is shared by hundreds ("Year 9", "Hayes School" stay by themselves);
- a job that only one person does at a place ("the only pharmacist at the
  chemist on the High St", "the night manager at the hotel"): the job goes,
  the place stays ("[job] at the chemist on the High St");
- an age with something that narrows it to one household ("my 87 year old
  mum who lives alone", "she's 92, housebound"): the age goes. An age alone
  ("my son is 15") stays;
- a car described with its plate ("her silver Honda Jazz AB12 CDE"): the
  description goes with the plate, since together they are one car; a
  description without a plate stays.

What is replaced, and why, is in docs/decisions.md ("Descriptions that
single someone out").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bot.safeguarding.redaction.detail import Category, Detail

_NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?)"
)

# --- a child's school and year group -------------------------------------

_YEAR_GROUP = (
    rf"(?:year|yr|y)[ \t]?(?:\d{{1,2}}|{_NUMBER_WORDS})\b(?:[ \t]?[A-Z]\b)?"
    r"|reception(?:[ \t]+class)?|nursery|sixth[ \t-]form|lower[ \t]+sixth|upper[ \t]+sixth"
    r"|(?:class|form|set|tutor[ \t]+group)[ \t]+(?:\d{1,2}[A-Za-z]{0,3}|[A-Z]{1,3}\d?)\b"
)
_SCHOOL_WORD = (
    r"(?:school|academy|college|primary|secondary|high|grammar|juniors?|infants?|"
    r"nursery|prep|comp|comprehensive|c\.?of\.?e\.?|rc|free[ \t]+school)"
)
# "Hayes School", "St Mary's C of E Primary", "Bishop Justus", "hayes school"
_SCHOOL = (
    rf"(?:(?:[A-Z][\w'’.-]*[ \t]+){{1,5}}(?i:{_SCHOOL_WORD})\b(?:[ \t]+(?i:school|academy))?"
    rf"|(?:[a-z][\w'’-]*[ \t]+){{1,3}}(?i:school|academy|primary|college)\b)"
)
_NOT_SCHOOL_START = re.compile(
    r"(?i)^(?:the|a|an|his|her|their|my|our|local|same|new|other|different|that|this|"
    r"secondary|primary)\b"
)
_SCHOOL_YEAR = re.compile(
    rf"(?i:\b(?:{_YEAR_GROUP}))(?:[ \t]+(?i:class|group))?[ \t]*,?[ \t]+(?i:at|in|of|from|@)[ \t]+"
    rf"(?:(?i:the)[ \t]+)?({_SCHOOL})"
    rf"|({_SCHOOL})[ \t]*,?[ \t]+(?i:in|year)?[ \t]*(?i:(?:{_YEAR_GROUP}))"
)

# --- a job only one person does at a place -------------------------------

_ROLE = (
    r"(?:pharmacist|manager|caretaker|head[ \t]?teacher|head(?:[ \t]of[ \t]year)?|"
    r"head(?:master|mistress)|principal|teacher|teaching[ \t]assistant|ta|senco|vicar|priest|"
    r"imam|rabbi|minister|curate|gp|doctor|nurse|midwife|receptionist|landlord|landlady|"
    r"barman|barmaid|bartender|chef|cook|cleaner|security[ \t]guard|guard|bouncer|doorman|"
    r"driver|postman|postwoman|postie|lollipop[ \t](?:lady|man)|crossing[ \t]patrol|warden|"
    r"porter|janitor|owner|proprietor|shopkeeper|cashier|dentist|vet|optician|butcher|"
    r"baker|hairdresser|barber|mechanic|coach|instructor|lifeguard|librarian|secretary|"
    r"supervisor|concierge|keyholder|key[ \t]holder|steward|attendant|clerk|assistant|"
    r"chair|chairman|chairwoman|treasurer|groundsman|"
    r"gardener|handyman|plumber|electrician|builder|nanny|childminder|carer|support[ \t]worker|"
    r"social[ \t]worker|youth[ \t]worker|scout[ \t]leader|akela|leader|coordinator|organiser|"
    r"director|boss|foreman|operator|technician|presenter)"
)
_ROLE_MARK = (
    r"(?:only|one|sole|main|head|night|day|weekend|evening|morning|late|early|duty|deputy|"
    r"assistant|shift|senior|new|regular|usual|store|shop|bar|site|school|practice|church|"
    r"parish|pub|hotel|club|centre|library|surgery|station|resident|live-in|female|male|"
    r"lady|woman|man|young|older|old|general|area|branch|overnight|saturday|sunday)"
)
_ROLE_PHRASE = re.compile(
    rf"(?i:\b(?:the|their|our|your|its)[ \t]+((?:{_ROLE_MARK}[ \t]+){{0,2}}{_ROLE}s?)\b"
    r"(?:[ \t]+(?:who|that)[ \t]+works?)?[ \t]*,?[ \t]+(?:at|in|of|from|for)[ \t]+)"
    r"(?!an?[ \t]|[A-Z]{1,3}\d"
    r"|(?:the[ \t]+|my[ \t]+|his[ \t]+|her[ \t]+|their[ \t]+)?(?:car|vehicle|van|dog|"
    r"cat|phone|bike|property|house|flat|land|account|case|investigation|charge|question|area|"
    r"street|road|country|world|team|day|week|month|year|night|morning|evening|time)\b)"
    r"(?=(?:(?i:the)[ \t]+)?(?:[A-Z0-9]|(?i:(?:local|corner|village|little|big|new|old|"
    r"24[ \t-]?hour)[ \t]+)?[a-z]+\b))"
)
# "I'm the only pharmacist", "she's the night manager": the job of someone
# the writer names by pronoun, even with no place after it.
_ROLE_OF_SOMEONE = re.compile(
    rf"(?i:\b(?:i'm|im|i am|he's|he is|she's|she is|they're|they are|my \w+ is|works as)"
    rf"[ \t]+(?:the|their)[ \t]+((?:only|sole|one|head|night|day|weekend|deputy|duty)"
    rf"[ \t]+(?:{_ROLE_MARK}[ \t]+)?{_ROLE}s?)\b)"
)
_NOT_A_ROLE = re.compile(r"(?i)^(?:one|new|old|man|woman|lady)\b(?![ \t]+\w)")

# --- an age with what narrows it -----------------------------------------

_AGE_NUMBER = rf"(?:\d{{1,3}}|{_NUMBER_WORDS})"
_AGES = (
    re.compile(
        rf"(?i:\b({_AGE_NUMBER}[ \t-]?(?:years?|yrs?)[ \t-]?old"
        rf"|{_AGE_NUMBER}[ \t-]?(?:yo|y/o|y\.o\.)"
        rf"|aged[ \t]+{_AGE_NUMBER}"
        r"|in (?:his|her|their) (?:late |early |mid[- ])?(?:seventies|eighties|nineties|"
        r"70s|80s|90s))\b)"
    ),
    re.compile(
        r"(?i:\b(?:he's|she's|he is|she is|i'm|i am|mum's|dad's|who's|who is)[ \t]+"
        rf"({_AGE_NUMBER})\b(?![ \t]*(?:mph|miles|minutes|mins|hours|times|%|pounds|quid|"
        r"grand|k\b|m\b|st\b|nd\b|rd\b|th\b|ft|feet|stone|kg)))"
    ),
)
_NARROWS = re.compile(
    r"(?i:\blives?\s+(?:alone|on (?:his|her|their) own|by (?:him|her|them)sel(?:f|ves))|"
    r"\bliving\s+(?:alone|on (?:his|her) own)|\bon (?:his|her) own\b|\balone\b|"
    r"\bhousebound|\bbed[- ]?bound|\bwheelchair|\bmobility scooter|\bregistered blind|"
    r"\bpartially sighted|\bblind\b|\bdeaf\b|\bdementia|\balzheimer|\bdisabled|\bdisability|"
    r"\bwidow(?:ed|er)?\b|\boxygen|\bzimmer|\bwalking (?:frame|stick)|\bcarers?\b|"
    r"\bonly (?:child|boy|girl|one|person|house|family|resident)|\bautis(?:m|tic)|"
    r"\bdown'?s syndrome|\bcerebral palsy|\bpregnant|\btwins\b|\bon the corner\b|"
    r"\bat number\b|\bnext door\b|\bacross the road\b|\bopposite\b|\bfoster|\bin care\b)"
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")

# --- a car described with its plate --------------------------------------

_COLOUR = (
    r"(?:black|white|silver|grey|gray|red|blue|green|yellow|orange|purple|brown|gold|beige|"
    r"maroon|navy|dark|light|pale|bright|metallic|matt|matte|cream|bronze|burgundy)"
)
_DESCRIPTION_WORD = rf"(?:{_COLOUR}|[A-Z][\w-]*|\d(?:\.\d)?|[a-z]*\d[\w-]*|old|new|battered|little)"
_DESCRIBED_BEFORE = re.compile(
    rf"(?:\b(?:my|our|his|her|their|the|a|an|[a-z]+'s)[ \t]+)?"
    rf"((?:{_DESCRIPTION_WORD}[ \t]+){{0,4}}"
    r"(?:(?i:car|van|motorbike|bike|moped|scooter|4x4|suv|jeep|lorry|truck|pickup|hatchback|"
    r"estate|saloon|convertible|taxi|cab)[ \t]+)?"
    r"(?:[ \t]*[,(-][ \t]*)?(?:(?i:reg(?:istration)?|plate|number plate|index)"
    r"(?:[ \t]+(?i:number|no\.?))?[ \t]*(?:is|:|-)?[ \t]*)?)$"
)


def find_school_years(text: str) -> Iterator[Detail]:
    """A year group or class with a named school, either way round."""
    for match in _SCHOOL_YEAR.finditer(text):
        school = match.group(1) or match.group(2)
        if _NOT_SCHOOL_START.match(school):
            continue
        yield Detail(match.start(), match.end(), Category.SCHOOL)


def find_singular_roles(text: str) -> Iterator[Detail]:
    """The job of the one person who does it at a place."""
    for pattern in (_ROLE_PHRASE, _ROLE_OF_SOMEONE):
        for match in pattern.finditer(text):
            if _NOT_A_ROLE.match(match.group(1)):
                continue
            yield Detail(match.start(1), match.end(1), Category.JOB)


def find_ages_with_detail(text: str) -> Iterator[Detail]:
    """An age in a sentence that also says what narrows it to one home."""
    for sentence in _SENTENCE.finditer(text):
        if not _NARROWS.search(sentence.group(0)):
            continue
        for pattern in _AGES:
            for match in pattern.finditer(text, sentence.start(), sentence.end()):
                yield Detail(match.start(1), match.end(1), Category.AGE)


def described_plates(text: str, plates: Iterable[Detail]) -> Iterator[Detail]:
    """Each plate widened back over the car's description just before it:
    "her silver Honda Jazz AB12 CDE", "a white Transit van, reg AB12 CDE"."""
    for plate in plates:
        line_start = text.rfind("\n", 0, plate.start) + 1
        match = _DESCRIBED_BEFORE.search(text, line_start, plate.start)
        if match is None or not match.group(1).strip():
            continue
        start = match.start(1)
        yield Detail(start, plate.end, Category.VEHICLE_REG)
