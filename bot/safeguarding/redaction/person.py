"""Names people give and dates of birth.

Names are found where the writer gives them: introducing themselves ("my
name is Sarah Jones", "I'm Dave", "this is Tom"), naming someone close ("my
son Jack", "our neighbour, Mrs Okafor") and signing off ("Thanks, Maria",
"Regards\\nJohn Smith", "- Kev"). A capitalised word after "I'm" is a name only
when it is not an ordinary word ("I'm British", "I'm Not sure").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.lexicon import (
    NOT_PERSONS,
    brand_spans,
    first_names,
    ordinary_words,
    proper_nouns,
    surnames,
)

_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?[ \t]+"
# "Sarah", "O'Brien", "McDonald", "Smith-Jones"
_WORD = r"(?:[A-Z]['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?"
_INITIAL = r"[A-Z]\.?"
# One to three capitalised words, or a title and a surname.
_NAME = (
    rf"(?:{_TITLE}(?:{_INITIAL}[ \t]+)?{_WORD}(?:[ \t]+{_WORD})?"
    rf"|{_WORD}(?:[ \t]+(?:{_INITIAL}[ \t]+)?{_WORD}){{0,2}})"
)

_INTRODUCTION = re.compile(
    rf"(?i:\b(?:my name is|my name's|my names|name is|name's|i am called|i'm called|"
    rf"call me|i am|i'm|im|this is|it's|its|(?:my |her |his |their )?details(?: are)?|"
    # "who gave his name as Callum Ward", "goes by Shaun", "calls himself Tyler"
    rf"name as|goes by|went by|calls (?:himself|herself)|calling (?:himself|herself)|"
    rf"(?:the )?name|called|named)\b[:,]?[ \t]+(?:name[ \t]+)?|"
    rf"\b(?:contact|from|signed):[ \t]*)"
    rf"({_NAME})"
)
_RELATION = re.compile(
    r"(?i:\b(?:my|our|me|his|her|their|[a-z]+'s)\s+(?:(?:eldest|youngest|elderly|little|older|younger|teenage|"
    r"\d{1,2}[- ]?(?:year[- ]old|yo))\s+)?"
    r"(?:son|daughter|husband|wife|partner|neighbour|neighbor|mum|mom|mother|dad|father|"
    r"brother|sister|friend|boyfriend|girlfriend|nephew|niece|grandson|granddaughter|"
    r"grandmother|grandfather|nan|nana|gran|grandad|child|kid|lodger|tenant|landlord|"
    r"landlady|carer|colleague|cousin|uncle|aunt|auntie|fiance|fiancee|stepson|"
    r"stepdaughter|flatmate|housemate|mate|pal|ex|ex-partner|ex-husband|ex-wife|"
    r"ex-boyfriend|ex-girlfriend|boss|manager)s?(?:\s*,)?\s+(?:is\s+(?:called|named)\s+)?)"
    rf"({_NAME})"
)
# Round 14: a relative's word alone, then the name set off by commas with
# an age after it: "Mum, Joan Hill, 84, of ...", "Dad, Peter Lane, 79, from
# Leeds". The age is the cue, so a surname that is also a street's word
# ("Hill", "Lane") goes too; "Mum, Church Lane is flooded" has no age.
_RELATIVE_WITH_AGE = re.compile(
    r"(?i:\b(?:mum|mom|mam|mother|dad|father|nan|nana|nanna|gran|granny|grandma|grandad|"
    r"grandpa|grandmother|grandfather|auntie|aunty|aunt|uncle|son|daughter|husband|wife|"
    r"brother|sister|neighbour|neighbor))[ \t]*[,(:\-–][ \t]*"
    rf"({_WORD}(?:[ \t]+(?:{_INITIAL}[ \t]+)?{_WORD}){{1,2}})"
    r"(?=[ \t]*[,(][ \t]*(?:aged[ \t]+)?\d{1,3}"
    r"(?:[ \t]*(?:[,);\-–—]|\.(?!\d)|$)|[ \t]+(?i:years?|yrs?|yo|y/o)\b))"
)
_CLOSING = re.compile(
    r"(?i:\b(?:thanks|thank you|thanks again|many thanks|regards|kind regards|best regards|"
    r"warm regards|best wishes|best|cheers|ta|yours|yours sincerely|yours faithfully|"
    r"sincerely|all the best|thx|ty|signed)\b[ \t]*[,.!:]?[ \t]*\n?[ \t]*)"
    # a family signing together: "Many thanks, the Threlfalls"
    r"(?:(?i:the)[ \t]+(?=[A-Z][a-z]+s\b))?"
    rf"({_NAME}(?:[ \t]+(?:and|&)[ \t]+{_NAME})?)[ \t]*[.!]?"
    # a role or organisation may follow on one more line: "(Ward councillor)"
    r"(?:[ \t]*\n[^\n]{1,60})?\s*$"
)
_DASH_SIGNATURE = re.compile(rf"(?:^|\n|\s)[-–—~][ \t]*({_NAME})[ \t]*\.?\s*$")
# A last line that is only a name, after a line break. (A name alone after
# the last sentence on the same line, "... BR3 4PE. Peter", is not taken:
# "... no. Typical." and "Merry Christmas" look the same.)
_NAME_LINE = re.compile(rf"\n[ \t]*({_NAME})[ \t]*\.?\s*$")
# "Naomi here", "Dave next door", "Mrs Okafor" (a title names someone anywhere),
# "Arthur Bell (DOB ...", "From Audrey" at the very end.
_NAME_BY_ITSELF = re.compile(
    rf"(?:^|(?<=[\s,(]))({_WORD}(?:[ \t]+{_WORD})?)(?=[ \t]+(?:here\b|next door\b|"
    r"from next door\b|across the road\b|over the road\b|upstairs\b|downstairs\b))"
    rf"|\b((?:Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+(?:{_INITIAL}[ \t]+)?{_WORD}(?:[ \t]+{_WORD})?)"
    rf"|(?:^|(?<=[,:;][ \t])|(?<=\n))({_WORD}[ \t]+{_WORD})"
    r"(?=,?[ \t]*\(?(?i:dob|d\.o\.b|date of birth|born)\b)"
    rf"|(?:^|(?<=\n)|(?<=[.!?][ \t]))From[ \t]+({_WORD})[ \t]*[.!]?[ \t]*$"
)
# Lower case, where nothing else could be meant: "my name is jake", "hi im jake".
_LOWERCASE_INTRODUCTION = re.compile(
    r"(?i:\bmy name is|\bmy name's|\b(?:hi|hello|hey|hiya),?[ \t]+(?:i'm|im|i am))[ \t]+"
    r"([a-z][a-z'’-]+)\b"
)

# The last word of a street or a public place ("Mill Lane here", "Ely Station").
_STREET_WORDS = word_set(
    """
    road rd street st lane avenue ave close drive way crescent court gardens place square
    terrace mews parade station school academy college hospital surgery centre library
    estate
    """
)

# Capitalised words that follow "I'm" / "this is" / "thanks" and are not names.
_NOT_NAMES = word_set(
    """
    i a an the not no so very really just also still now here there from in on at
    british english scottish welsh irish asian black white muslim christian jewish hindu sikh
    pakistani indian bangladeshi nigerian ghanaian somali polish romanian lithuanian
    bulgarian italian spanish portuguese french german turkish kurdish chinese
    vietnamese filipino jamaican caribbean african european american australian
    roma romani romany gypsy traveller
    gay lesbian trans bi deaf blind autistic disabled
    thanks thank cheers regards help urgent update question nothing typical again
    my im neighbour neighbours sir madam
    merry happy anyway whatever seriously honestly sent
    sorry worried concerned scared afraid frightened sure unsure aware happy unhappy
    fed fine ok okay good great glad grateful disabled elderly retired pregnant
    new local resident residents parent parents mum dad mother father teacher nurse
    writing asking emailing messaging contacting reporting wondering trying going looking
    lookin askin writin wonderin tryin goin gettin havin
    please police officer officers pc pcso sergeant inspector team forum bromley
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    hi hello hey dear everyone all you again guys mate
    it that this what why how when where who which
    """
)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = (
    r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+\d{{2,4}}"
    rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
_DATE_OF_BIRTH = re.compile(
    r"(?i:\b(?:d\.?o\.?b\.?|date of birth|birth date|birthdate|born(?:\s+on)?|birthday is)"
    r"\s*(?:is|was|:|-|=|\(|,)?\s*(?:the\s+)?)"
    rf"(?i:({_DATE}))"
)


def _is_name(found: str, *, aged: bool = False) -> bool:
    """Whether ``found`` (capitalised words) is a person's name; ``aged``:
    an age follows it (round 14), so a street's last word may end it
    ("Dad, Peter Lane, 79")."""
    words = [w.strip(".").lower() for w in found.split()]
    if not words or words[0] in _NOT_NAMES or words[0].removesuffix("'s") in NOT_PERSONS:
        return False
    if len(words) > 1 and words[-1] in _STREET_WORDS and not (aged and words[0] in first_names()):
        return False  # "Mill Lane here": a street, not "Naomi here"
    # "I'm Ukrainian", "I'm Jamaican": a people, not a given name ("Zebedee" is one)
    first = words[0]
    people = re.search(r"(?:an|ish|ese|i|ic)$", first) is not None
    return len(words) > 1 or first in first_names() or not (people and first in proper_nouns())


def _trimmed_length(found: str) -> int:
    """Drop trailing ordinary capitalised words: "Sarah Please" -> "Sarah"."""
    words = list(re.finditer(r"\S+", found))
    while len(words) > 1 and words[-1].group(0).strip(".").lower() in _NOT_NAMES:
        words.pop()
    return words[-1].end()


def find_names(text: str) -> Iterator[Detail]:
    patterns = (
        _INTRODUCTION,
        _RELATION,
        _RELATIVE_WITH_AGE,
        _CLOSING,
        _DASH_SIGNATURE,
        _NAME_LINE,
        _NAME_BY_ITSELF,
        _LOWERCASE_INTRODUCTION,
    )
    brands = brand_spans(text)
    for pattern in patterns:
        for match in pattern.finditer(text):
            group = next(i for i, g in enumerate(match.groups(), 1) if g is not None)
            found = match.group(group)
            if not _is_name(found, aged=pattern is _RELATIVE_WITH_AGE):
                continue
            if pattern is _LOWERCASE_INTRODUCTION and found.lower() in ordinary_words():
                continue  # "hello, I'm organising the fair"
            start = match.start(group)
            if any(a <= start < b for a, b in brands):
                continue  # "Dr Martens", "Sue Ryder": a brand
            yield Detail(start, start + _trimmed_length(found), Category.NAME)


# The day alone, or the day and month in ordinals, after "born on the": "born
# on the 3rd", "born on the 3rd of the 5th 1961".
_BORN_ON_THE_DAY = re.compile(
    r"(?i:\b(?:born[ \t]+on|(?:d\.?o\.?b\.?|date[ \t]+of[ \t]+birth)(?:[ \t]+(?:is|was))?"
    r"[ \t]*:?)[ \t]+(the[ \t]+\d{1,2}(?:st|nd|rd|th)"
    r"(?:[ \t]+of[ \t]+the[ \t]+\d{1,2}(?:st|nd|rd|th)(?:,?[ \t]+(?:\d{2}|\d{4}))?)?)\b)"
)


# Initials and a surname: "R. J. Pilling", "R. Crouch" anywhere (initials
# with full stops before a capitalised word are a person's); "R J Pilling"
# without full stops only as the last words of the message.
_INITIALS_NAME = re.compile(
    r"(?<![\w.])((?:[A-Z]\.[ \t]*){1,3}(?:[A-Z]['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
    r"|(?:(?<=[.!?,][ \t])|(?<=\n)|(?<=^))((?:[A-Z][ \t]+){1,2}[A-Z][a-z]+"
    # a couple signing: "Thanks, J & M Robertshaw"
    r"|[A-Z]\.?[ \t]*(?:&|and)[ \t]*[A-Z]\.?[ \t]+[A-Z][a-z]+)[ \t]*\.?[ \t]*$"
)
_NOT_AFTER_INITIALS = word_set(
    "thanks thank please sorry the and regards hope i we you it this that cheers also just"
)
_NOT_INITIALS = frozenset({"PS", "NB", "AM", "PM", "UK", "EG", "IE", "US", "PPS", "AD", "BC"})
# A name in capitals where a name is written down: "name on it A KHAN", "his
# name scratched on it, OLLIE B", "the name on the parcel was J SMITH".
_NAME_WRITTEN = re.compile(
    r"(?i:\bname(?:[ \t]+(?:on|in|scratched|written|printed|engraved|sprayed|tattooed|it|"
    r"the|card|parcel|letter|account|back|front|is|was|reads|read|said|says|of|him|her)){0,5}"
    r"[ \t]*[,:]?[ \t]*[\"“']?[ \t]*)"
    r"((?:[A-Z]\.?[ \t]+){0,2}[A-Z][A-Z'’-]{1,}(?:[ \t]+[A-Z][A-Z'’-]*){0,2})(?![\w])"
)
# Capitals that are not a name after "name": "my name, DOB ...", "name and NI number".
_CAPITALS_NOT_NAMES = word_set(
    "dob ni nhs cctv id pin dvla uk gb ok fyi asap pls plz url www tv pc pcso and or"
)
# A given name and one letter for the surname: "OLLIE B", "chloe m", "Jade K."
_NAME_AND_INITIAL = re.compile(
    r"(?<![\w'’])([A-Za-z][a-z]+|[A-Z]{2,})[ \t]+[A-Za-z](?=[ \t]*(?:[.,!?;:)]|$))"
)


def find_initialled_names(text: str) -> Iterator[Detail]:
    """Names given by initials, in capitals where a name is written down, or
    as a given name and a surname's initial."""
    brands = brand_spans(text)
    for match in _INITIALS_NAME.finditer(text):
        if any(a <= match.start() < b for a, b in brands):
            continue  # "J. Sainsbury"
        found = match.group(1) or match.group(2)
        start = match.start(1) if match.group(1) else match.start(2)
        letters = "".join(c for c in found if c.isupper())
        last = found.split()[-1].split(".")[-1].lower()
        if letters[:-1] in _NOT_INITIALS or last in _NOT_AFTER_INITIALS:
            continue  # "P.S. Thanks"
        if re.search(r"(?<![\w'’])[A-Z][ \t]*,?[ \t]+$", text[max(0, start - 6) : start]):
            continue  # "H C K. Insurance": the end of letters spelled out
        # a word, not a surname, only as a signature at the end: "R. J. Pilling"
        signs_off = re.match(r"[ \t]*(?:[.,]?[ \t]*(?:\n|$)|\()", text[start + len(found) :])
        if last in ordinary_words() and last not in surnames() and not signs_off:
            continue
        yield Detail(start, start + len(found), Category.NAME)
    for match in _NAME_WRITTEN.finditer(text):
        words = match.group(1).split()
        while len(words) > 1 and len(words[-1]) > 1 and words[-1].lower() in ordinary_words():
            if words[-1].lower() in surnames():
                break
            words.pop()  # "BRENDA COLLINS MY NUMBER IS": not "MY"
        if all(len(w.strip(".")) <= 1 for w in words):
            continue
        if any(w.lower() in NOT_PERSONS for w in words):
            continue
        keys = [w.strip(".").lower() for w in words if len(w.strip(".")) > 1]
        if any(k in _CAPITALS_NOT_NAMES for k in keys):
            continue  # "my name, DOB 03/09/1979"
        if len(words) == 1 and keys[0] in ordinary_words() and keys[0] not in first_names():
            continue  # "my name is on the LIST"
        if not any(
            k in first_names() or k in surnames() or k not in ordinary_words() for k in keys
        ):
            continue
        end = match.start(1) + match.group(1).index(words[-1]) + len(words[-1])
        yield Detail(match.start(1), end, Category.NAME)
    for match in _NAME_AND_INITIAL.finditer(text):
        word = match.group(1).lower()
        if word not in first_names() or word in ordinary_words():
            continue
        if match.group(0)[-1].lower() in ("i", "a") and match.group(0)[-1].isupper():
            continue  # "Sam I", "Jo A" read as words
        yield Detail(match.start(), match.end(), Category.NAME)


def find_dates_of_birth(text: str) -> Iterator[Detail]:
    """A date after "DOB", "date of birth", "born (on)"; a day after "born on the"."""
    for match in _DATE_OF_BIRTH.finditer(text):
        yield Detail(match.start(1), match.end(1), Category.DATE_OF_BIRTH)
    for match in _BORN_ON_THE_DAY.finditer(text):
        yield Detail(match.start(1), match.end(1), Category.DATE_OF_BIRTH)
