"""Round 21: one person's post at a workplace, read by what narrows it to
a few people, in shapes the round-19 and round-20 readers
(``circumstances.py``, ``job_reader.py``) leave:

- the writer's own shift post at a branch, with the street the branch is
  on: "im the shift manager at the maccies on the strand", "I'm the duty
  manager at the Co-op on Mill Road" (a branch's shift has one manager);
- a hospital post at a named hospital said with its shift or its ward:
  "a porter at Royal Preston hospital on nights", "a nurse on Ward 6 at
  Glan Clwyd" (a bare "a nurse at the Whittington" stays: the writers keep
  it, docs/decisions.md round 20);
- a school crossing patrol at a named school, with or without an article:
  "Lollipop lady at Hampton Vale school" (every readable labelled line
  with one labels it: one person per crossing);
- someone who works a named shift or day at a place, with the spot there
  and the place the spot is in: "driver who works nights for the Foyle
  Cabs rank at the Guildhall", "works Saturdays at the bakery counter in
  Morrisons".

:func:`find_posts_at_a_workplace` yields ``Detail(start, end,
Category.JOB)``, offsets into the text given. Wordings and near-misses:
tests/bot/test_redaction_round21_posts_homes.py; counts in
docs/decisions.md ("Round 21 (redaction, posts and homes)").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail

_STOP = r"(?:on|in|at|and|n|by|near|for|with|but|so|we|i|im|who|that|to|from|of)"
_WORD = r"[\w'’&-]+"
# A place's words up to a stop word: "the maccies", "the Foyle Cabs rank".
_PLACE_WORDS = rf"{_WORD}(?:[ \t]+(?!(?i:{_STOP})\b){_WORD}){{0,3}}"
_STREET_TYPE = (
    r"(?:road|rd|street|st|lane|ln|avenue|ave|way|parade|terrace|hill|drive|dr|row|"
    r"crescent|close|place|square|walk|green|gardens|broadway|promenade|quay)"
)
# The street a branch is on: "on Mill Road", "on the strand", "on the front".
_STREET_TAIL = re.compile(
    r"[ \t]+(?i:on|off)[ \t]+(?:"
    rf"(?:{_WORD}[ \t]+){{1,3}}(?i:{_STREET_TYPE})\b\.?"
    r"|(?i:the)[ \t]+(?i:strand|front|prom|promenade|parade|quay|broadway|esplanade|"
    r"seafront|high[ \t]+street|main[ \t]+street|high[ \t]+st))(?![\w'’-])"
)
_SHIFT_POST = (
    r"(?:shift|duty|night|day|weekend|late|early|store|floor|assistant|deputy)[ \t]+"
    r"(?:manager|manageress|supervisor|leader|lead|manager[ \t]+on[ \t]+nights)"
)
_OWN_SHIFT_POST = re.compile(
    r"(?i:\b(?:i['’]?m|im|i[ \t]+am|i['’]ve[ \t]+been)[ \t]+)(?P<post>(?i:the)[ \t]+"
    rf"(?i:{_SHIFT_POST})[ \t]+(?i:at|in)[ \t]+(?i:the[ \t]+)?{_PLACE_WORDS})"
)

_NAMED_RUN = (
    r"(?:(?i:the)[ \t]+)?[A-Z][\w'’&-]*(?:[ \t]+(?:(?:of|upon|y|yr)[ \t]+)?[A-Z][\w'’&-]*)*"
)
_HOSPITAL_POST = (
    r"(?:nurse|doctor|midwife|sister|consultant|registrar|surgeon|porter|hca|physio|"
    r"healthcare[ \t]+assistant|care[ \t]+assistant|cleaner|domestic|receptionist|"
    r"security[ \t]+guard|radiographer|phlebotomist|paramedic)"
)
_ON_A_SHIFT = (
    r"(?:nights|night[ \t]+shifts?|the[ \t]+night[ \t]+shift|lates|earlies|"
    r"the[ \t]+late[ \t]+shift|weekend[ \t]+nights)"
)
# "a porter at Royal Preston hospital on nights"
_HOSPITAL_POST_ON_A_SHIFT = re.compile(
    rf"(?i:\b(?:a|an|the)[ \t]+(?:(?:staff|senior|junior|agency|bank|night)[ \t]+)?)"
    rf"(?P<post>(?i:{_HOSPITAL_POST})[ \t]+(?i:at|in)[ \t]+{_NAMED_RUN}"
    r"(?:[ \t]+(?i:hospital|infirmary|general))?"
    rf"[ \t]+(?i:on|doing|working)[ \t]+(?i:{_ON_A_SHIFT}))(?![\w'’-])"
)
# "a nurse on Ward 6 at Glan Clwyd", "a sister on the stroke unit at the Royal Gwent"
_HOSPITAL_POST_ON_A_WARD = re.compile(
    rf"(?i:\b(?:a|an|the)[ \t]+(?:(?:staff|senior|junior|agency|bank|night)[ \t]+)?)"
    rf"(?P<post>(?i:{_HOSPITAL_POST})[ \t]+(?i:on|in)[ \t]+"
    r"(?:(?i:ward)[ \t]+[A-Za-z]?\d{1,2}[A-Za-z]?|(?i:the)[ \t]+(?:[\w'’-]+[ \t]+){1,2}"
    rf"(?i:ward|unit))[ \t]+(?i:at|in)[ \t]+{_NAMED_RUN})(?![\w'’-])"
)
# "Lollipop lady at Hampton Vale school", "the crossing patrol outside St Mark's Primary"
_SCHOOL_WORD = r"(?:school|primary|infants|juniors|junior[ \t]+school|academy|high|college)"
_CROSSING_PATROL = re.compile(
    r"(?P<post>(?i:lollipop[ \t]+(?:lady|man|woman|fella|guy)|(?:school[ \t]+)?crossing[ \t]+"
    r"patrol(?:[ \t]+(?:lady|man|officer|warden))?)[ \t]+(?i:at|outside|for|by)[ \t]+"
    rf"(?:(?i:the)[ \t]+)?(?:[A-Z][\w'’-]*[ \t]+){{1,3}}(?i:{_SCHOOL_WORD}))(?![\w'’-])"
)
_WORK_TIME = (
    r"(?:nights|days|weekends|evenings|mornings|lates|earlies|weekdays|mondays|tuesdays|"
    r"wednesdays|thursdays|fridays|saturdays|sundays|part[ \t-]time|the[ \t]+night[ \t]+shift|"
    r"the[ \t]+late[ \t]+shift)"
)
# A spot inside a place: what follows it says which place.
_SPOT = r"(?:counter|rank|desk|till|tills|checkout|checkouts|kiosk|stand|stall|deli|reception|door)"
_WHO_WORKS = re.compile(
    r"(?P<who>(?i:\b(?:driver|porter|cleaner|guard|bouncer|doorman|lad|lass|girl|boy|man|woman|"
    r"bloke|fella|guy|lady|one)[ \t]+)?)"
    r"(?i:(?:(?:who|that)[ \t]+works?|and[ \t]+works)[ \t]+)"
    rf"(?i:{_WORK_TIME}[ \t]+(?:at|for|in|on)[ \t]+)"
    rf"(?P<place>(?:(?i:the)[ \t]+)?{_PLACE_WORDS})"
)
_SPOT_END = re.compile(rf"(?i:\b{_SPOT})$")
_IN_A_PLACE = re.compile(rf"[ \t]+(?i:at|in)[ \t]+(?P<where>{_NAMED_RUN})(?![\w'’-])")
_CUE = re.compile(
    r"(?i)\b(?:manager|manageress|supervisor|leader|lead|nurse|doctor|midwife|sister|"
    r"consultant|registrar|surgeon|porter|hca|physio|assistant|cleaner|domestic|receptionist|"
    r"guard|radiographer|phlebotomist|paramedic|lollipop|crossing|works?)\b"
)


def find_posts_at_a_workplace(text: str) -> Iterator[Detail]:
    """One person's post at a workplace, narrowed by a shift, a ward, a
    crossing or a spot there (module docstring)."""
    if _CUE.search(text) is None:
        return
    for match in _OWN_SHIFT_POST.finditer(text):
        street = _STREET_TAIL.match(text, match.end("post"))
        end = street.end() if street is not None else match.end("post")
        yield Detail(match.start("post"), end, Category.JOB)
    for pattern in (_HOSPITAL_POST_ON_A_SHIFT, _HOSPITAL_POST_ON_A_WARD, _CROSSING_PATROL):
        for match in pattern.finditer(text):
            yield Detail(match.start("post"), match.end("post"), Category.JOB)
    for match in _WHO_WORKS.finditer(text):
        end = match.end("place")
        if _SPOT_END.search(match.group("place")):
            where = _IN_A_PLACE.match(text, end)
            if where is not None:  # "the bakery counter in Morrisons"
                end = where.end()
        start = match.start("who") if match.group("who") else match.start()
        yield Detail(start, end, Category.JOB)


# A post of an allotment site: "the secretary of the Craigentinny
# allotments". The site is public ground its plot holders share, and the
# writer keeps its name; a post of a named allotment society is a post of a
# named body and goes, as round 20 decided ("the secretary of Grimethorpe
# Allotment Society" labelled; "secretary of the Shoreham Allotment Society"
# kept by one writer, the one conflict, left as it was).
_POST_OF_ALLOTMENTS = re.compile(
    r"(?i:(?:(?:the|a|an)[ \t]+)?(?:[\w'’-]+[ \t]+)?(?:secretary|chair|chairman|chairwoman|"
    r"chairperson|treasurer|warden|president|site[ \t]+rep|rep|organiser|coordinator|"
    r"committee[ \t]+member)[ \t]+(?:of|at|for)[ \t]+(?:the[ \t]+|our[ \t]+)?"
    r"(?:[\w'’-]+[ \t]+){0,3}(?:allotments|allotment[ \t]+(?:site|gardens|field)))"
    r"(?![\w'’-])(?![ \t]+(?i:society|association|committee|club|group)\b)"
)


def keep_posts_of_allotments(text: str, details: list[Detail]) -> list[Detail]:
    """``details`` without a ``Category.JOB`` span that is a post of an
    allotment site (or the start of one)."""
    kept: list[Detail] = []
    for detail in details:
        if detail.category is Category.JOB:
            match = _POST_OF_ALLOTMENTS.match(text, detail.start)
            if match is not None and match.end() >= detail.end:
                continue
        kept.append(detail)
    return kept
