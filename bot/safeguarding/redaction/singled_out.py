"""Round 20 (roles): what singles one person out, read by its class where
the older readers (``circumstances.py``, ``job_reader.py``,
``cued_records.py``) need an article or a cue in one place.

- A post only one person holds, said of someone with a verb and no
  article, at a named place: "My husband is head of science at Oakfield
  Academy", "I'm deputy head at Castle View School", "as landlord of the
  Red Lion". Also the writer's own "I manage the Greggs" and "I am owner
  of Golden Dragon takeaway"; a street after the place stays. A common post ("is a teacher at
  ...", "works as a nurse") is not read here; coaching or helping run
  something at a named club stays (docs/decisions.md, round 19/20).
- An old age said after a circumstance in the same clause: "I am alone
  here at 84", "widowed at seventy-nine and": the age goes (the
  circumstance before it is the writer's own story and stays).
- The only one in a post there and then, to the end of its clause: "I'm
  the only postie that covers the hill farms oot past Yarrow", "the only
  female lifeguard on Tinside Lido this summer", "the only one from
  Romania who deliver for Amazon"; a second place after the first stays
  ("... for Amazon" + "in Crawley"), as round 17 keeps it.
- A police crime number by its shape, wherever its cue stands ("got
  01/88213/24 as a reference").
- What is written on a thing, after an engraving cue: "engraved 'To Bea,
  forever yours, J.M. 1998'", "Initials inside: J.M.F. & A.S. 14.6.97".
  The words (with their quotes) go; the cue stays.

Each yields ``Detail(start, end, category)`` spans, offsets into the text
(``Category.JOB``, ``Category.AGE``, ``Category.ID_NUMBER``); the
pipeline's later trims (a town or public place closing a span) apply to
them. Wordings: tests/bot/test_redaction_round20_roles.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail

# --- a post one person holds, said with a verb -----------------------------

# Posts a workplace has one of (a head of a subject or year is one person).
_SOLE_POST = (
    r"(?:head[ \t]+of[ \t]+(?:year[ \t]+\d{1,2}|(?!(?:the|a|an|my|his|her|our|their)\b)"
    r"[a-z]+(?:[ \t]+[a-z]+)?)|"
    r"(?:deputy[ \t]+|assistant[ \t]+)?head(?:[ \t]?teacher|[ \t]?master|[ \t]?mistress)?|"
    r"practice[ \t]+manager|(?:store|shop|branch|general|duty|night)[ \t]+manager|"
    r"landlord|landlady|licensee|caretaker|vicar|rector|organist|churchwarden|verger|"
    r"postmistress|postmaster|club[ \t]+secretary|treasurer|"
    r"chair(?:man|woman|person)?|owner|proprietor)"
)
# Who it is said of: a verb of being or "as", with no article after it.
_SAID_OF = r"(?:\bis|\bwas|\bam|\b[Ii]['’]m|\bIm|\bbeen|\bbeing|\bas|\bs?he['’]s)"
_CAP = r"[A-Z][\w'’&-]*"
_NAMED_PLACE = rf"(?:(?i:the)[ \t]+)?{_CAP}(?:[ \t]+(?:(?:of|upon|de)[ \t]+)?{_CAP})*"
# A lower-case trade word closing a named place: "Golden Dragon takeaway".
_TRADE_TAIL = (
    r"(?:[ \t]+(?:takeaway|restaurant|cafe|café|shop|stores?|salon|bakery|garage|pub|"
    r"hotel|surgery|pharmacy|chippy|barbers?|nursery))?"
)
_SOLE_POST_SAID = re.compile(
    rf"{_SAID_OF}[ \t]+(?P<post>(?i:the[ \t]+)?(?i:(?:PTA|acting|interim|new|current)[ \t]+)?"
    rf"(?i:{_SOLE_POST})[ \t]+(?i:at|of|for)[ \t]+{_NAMED_PLACE}{_TRADE_TAIL})"
    r"(?![\w'’-])"
)
# A public body's office holder stays: "chairman of Eardisland Parish Council".
_PUBLIC_BODY = re.compile(
    r"(?i)\b(?:council|board|committee|authority|nhs|police|government|parliament)\b"
)
# "I manage the Greggs", "I own Ferreira's Bakery". The street after it
# stays (round 17's rule; the writers keep it after "I own ... on").
_I_MANAGE = re.compile(
    rf"\bI[ \t]+(?P<post>(?i:manage|own)[ \t]+{_NAMED_PLACE}{_TRADE_TAIL})"
    r"(?![\w'’-])"
)


def find_sole_posts_said_of_someone(text: str) -> Iterator[Detail]:
    """A post one person holds at a named place, said with a verb and no
    article, and "I manage/own <named place>" (module docstring)."""
    for match in _SOLE_POST_SAID.finditer(text):
        if _PUBLIC_BODY.search(match.group("post")):
            continue
        yield Detail(match.start("post"), match.end("post"), Category.JOB)
    for match in _I_MANAGE.finditer(text):
        yield Detail(match.start("post"), match.end("post"), Category.JOB)


# --- an old age after its circumstance --------------------------------------

_TENS = r"(?:fifty|sixty|seventy|eighty|ninety)"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_OLD_AGE = rf"(?:[5-9]\d|1[01]\d|{_TENS}(?:[ \t-]{_UNITS})?)"
_BEFORE_AGE = re.compile(
    r"(?i:\b(?:alone|on[ \t]+(?:my|his|her)[ \t]+own|by[ \t]+(?:my|him|her)self|widow(?:ed|er)?|"
    r"house[ \t-]?bound|disabled|blind|deaf|registered[ \t]+blind)"
    r"(?:[ \t]+(?:here|now|still|too|myself))*[ \t]+(?:at|aged?)[ \t]+)"
    rf"(?P<age>{_OLD_AGE})(?![\w'’-])(?![ \t]*(?:mph|miles|minutes|pounds|%|[ap]m\b|o['’]clock))"
)


def find_old_ages_after_a_circumstance(text: str) -> Iterator[Detail]:
    """An old age after a circumstance in its clause: "alone here at 84"."""
    for match in _BEFORE_AGE.finditer(text):
        yield Detail(match.start("age"), match.end("age"), Category.AGE)


# --- what is written on a thing ----------------------------------------------

_ENGRAVING_CUE = re.compile(
    r"(?i:\b(?:engraved|inscribed|engraving|inscription|initials[ \t]+(?:inside|on[ \t]+(?:it|"
    r"the[ \t]+(?:back|inside|band|case|lid)))|(?:it|which)[ \t]+(?:says|reads))"
    r"(?:[ \t]+(?:with|on[ \t]+(?:the[ \t]+)?(?:back|inside|it)|inside))?[ \t]*:?[ \t]*)"
)
_QUOTED = re.compile(r"(['‘\"“])(?P<words>[^'’\"”\n]{2,60})(['’\"”])")
# Unquoted, after a colon: a run of initials, figures and dates to the stop.
_MARK = r"(?:(?:[A-Z]\.){1,4}|[A-Z]{1,3}(?![\w'’])|\d{1,4}(?:[./]\d{1,4}){0,2}|&)"
_MARKED = re.compile(rf"{_MARK}(?:[ \t]+{_MARK})*")


# Round 21: the quoted words before the cue ("'G & M 1989' engraved inside",
# "with 'To Chloe, love Nan' etched on the back").
_QUOTED_BEFORE_CUE = re.compile(
    r"(?<![\w'’])(['‘\"“])(?P<words>[^'’\"”\n]{2,60})(['’\"”])[ \t]+(?:(?:is|was|are|were)[ \t]+)?"
    r"(?i:engraved|inscribed|etched)\b"
)


def find_engraved_words(text: str) -> Iterator[Detail]:
    """The words on a ring, a watch or a bike after an engraving cue, or
    quoted just before it (round 21)."""
    for quoted_before in _QUOTED_BEFORE_CUE.finditer(text):
        if any(c.isalnum() for c in quoted_before.group("words")):
            yield Detail(quoted_before.start(), quoted_before.end(3), Category.ID_NUMBER)
    for cue in _ENGRAVING_CUE.finditer(text):
        quoted = _QUOTED.match(text, cue.end())
        if quoted is not None:
            yield Detail(quoted.start(), quoted.end(), Category.ID_NUMBER)
            continue
        marked = _MARKED.match(text, cue.end())
        if marked is not None and sum(c.isalnum() for c in marked.group()) >= 3:
            end = marked.end()
            while end > cue.end() and text[end - 1] in ". ":
                end -= 1
            yield Detail(cue.end(), end, Category.ID_NUMBER)


# --- the only one in a post ---------------------------------------------------

# "I'm the only postie that covers the hill farms", "the only female
# lifeguard on Tinside Lido this summer", "the only duty manager on after
# 10", "a midwife and the only one covering Unst and Yell": a post that
# one person holds there and then. Read only where the phrase says work (a
# post word, or "one" with a working verb); "the only girl on the team" is
# no post here (no label of its own yet: round 20's report), and a police
# officer or PCSO is a public role ("The only officer at the station").
_POST_WORD = (
    r"(?:postie|postman|postwoman|lifeguard|manager|supervisor|midwife|nurse|doctor|gp|vet|"
    r"driver|teacher|cleaner|caretaker|warden|porter|receptionist|pharmacist|chemist|"
    r"chef|cook|barman|barmaid|bouncer|guard|paramedic|firefighter|fireman|"
    r"ranger|keeper|mechanic|plumber|electrician|joiner|builder|farmer|shepherd|vicar|imam|"
    r"priest|minister|carer|coach|instructor|lecturer|librarian|dentist|optician|barber|"
    r"hairdresser|baker|butcher|volunteer|technician|engineer|worker|staff[ \t]+member)"
)
# "one" needs a working verb ("the only one on after 10" is a shift, said
# of anyone: the writers keep it).
_WORKING = r"(?:cover(?:s|ing)?|deliver(?:s|ing)?|works?|working|drives?|driving|runs?|running)"
_ONLY_POST = re.compile(
    r"(?i:\bthe[ \t]+only[ \t]+)(?:(?i:[\w'’-]+)[ \t]+){0,3}?"
    rf"(?:(?i:{_POST_WORD})s?(?=[ \t]+(?i:on|at|in|for|from|that|who|covering|with|"
    r"serving|between|across))"
    rf"|(?i:one|person)(?=[ \t]+(?:(?i:who|that)[ \t]+)?(?:(?i:from[ \t]+)[\w'’-]+[ \t]+"
    rf"(?i:who|that)[ \t]+)?(?i:{_WORKING})\b(?![ \t]*(?:[,.;!?]|(?i:is|was|are|were|and|but)\b))))"
)
# The clause runs to a stop, a comma, "and"/"but"/"so" before a small
# word ("and a regular", "and I've"; "Unst and Yell" is one place), "if" or
# "when", or the verb the post is the subject of ("... on the night line
# is taking money").
_ONLY_CLAUSE_END = re.compile(
    r"[,.;:!?()\n]|[ \t]+(?:and|but|so|because|cos)(?:[ \t]+(?![A-HJ-Z])|$)"
    r"|[ \t]+(?:if|when|whenever|while|is|was|are|were|has|had|keeps|kept|said|says|told)\b"
    r"|[ \t]+(?:—|–|-)[ \t]"
)
_ONLY_CLAUSE_LIMIT = 90
# A new subject starts a new clause: "the only GP at the ... surgery I'm
# getting calls".
_NEW_SUBJECT = re.compile(r"[ \t]+(?:I|I['’](?:m|ve|d|ll)|we|they|he|she|you)\b")
# A second place after the first says where that place is, and stays (round
# 17's rule): "at the Community Centre" + "on Washwood Heath Road", "for
# the Hendersons" + "at The Grange", "for Amazon" + "in Crawley".
_PLACE_WORD = re.compile(r"[ \t]+(?P<word>at|on|in|for|from)[ \t]+(?:(?i:the)[ \t]+)?(?P<next>\S)")


def find_only_ones_in_a_post(text: str) -> Iterator[Detail]:
    """The only one in a post there and then, to the end of its clause
    (a section note above)."""
    if "only" not in text.lower():
        return
    for match in _ONLY_POST.finditer(text):
        stop = min(len(text), match.end() + _ONLY_CLAUSE_LIMIT)
        end_match = _ONLY_CLAUSE_END.search(text, match.end(), stop)
        end = end_match.start() if end_match is not None else stop
        if end_match is None and stop < len(text):
            continue  # a run-on with no end in reach: not read
        subject = _NEW_SUBJECT.search(text, match.end(), end)
        end = subject.start() if subject is not None else end
        for places, place in enumerate(_PLACE_WORD.finditer(text, match.start(), end), 1):
            second = places > 1 and place.group("word").lower() in {"at", "on", "in"}
            if second and place.group("next")[:1].isupper():
                end = place.start()
                break
        yield Detail(match.start(), end, Category.JOB)


# --- a police reference by its shape ---------------------------------------

# Forces' crime numbers: two figures, five to seven, two ("01/88213/24").
# No date has five figures in its middle, so the shape reads wherever the
# cue stands, before or after ("got 01/88213/24 as a reference").
_POLICE_SHAPE = re.compile(r"(?<![\w/.-])\d{2}/\d{5,7}/\d{2}(?![\w/-]|\.\d)")


def find_police_shaped_references(text: str) -> Iterator[Detail]:
    """A police crime number by its shape alone, cue or none."""
    if "/" not in text:
        return
    for match in _POLICE_SHAPE.finditer(text):
        yield Detail(match.start(), match.end(), Category.ID_NUMBER)
