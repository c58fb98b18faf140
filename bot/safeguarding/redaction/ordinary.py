"""Round 14 (issue 15, keep words): ordinary words the finders took, given
back. Each keep is by its cue, never by the word alone:

- an allotment plot said as a place on its named allotments ("plot 9 on
  Wincobank allotments", "Plot 22, Sunny Bank allotments") or as one of
  several plots ("Plot 14 and Plot 15"), where the text speaks of
  allotments and of no caravan, static or holiday home. Said as the
  writer's alone ("Mine is plot 47") it still goes, as the older sets label
  it, and so does a plot on a site where people live or stay;
- a bus's, coach's or train's destination after its route or its word
  ("the 38 to Victoria", "the X5 bus to Stanley", "the last train to
  Ashley"): a one-word name taken for a person's; "my mate Victoria" and
  "the keys to Shirley Jones" still go;
- a football club's name (a short list, below) with its fans, supporters,
  match, game, shirt or season ticket in the same sentence ("Fans of Aston
  Villa", "Villa fans"); a home called "Aston Villa" or "Rose Villa" with no
  game said still goes.

- a pub named after a person of rank or with its trade after the name ("the
  Lord Nelson pub", "the Queen Victoria", "the Admiral Rodney", "the General
  Havelock inn", "the Duke of York pub"): after "the", a title then one
  capitalised word, or any name then "pub", "inn", "tavern", "arms", "hotel"
  or "bar". "the Duke family next door", "Lord Nelson said he would fix it"
  (no "the") and "the Mary Jones I know" still go.

Shapes are (start, end) character offsets in
:class:`~bot.safeguarding.redaction.detail.Detail`; the text is searched as
given, nothing is read from outside the module.
"""

from __future__ import annotations

import re

from bot.safeguarding.redaction.detail import Category, Detail

_PLOT = re.compile(r"(?i:\bplots?[ \t]*(?:no\.?[ \t]*|number[ \t]+)?\d{1,4}[a-z]?\b)")
_ALLOTMENTS_AFTER = re.compile(
    r"[ \t]*(?:,|(?i:on|at|in|up|down))[ \t]*(?:(?i:the)[ \t]+)?"
    r"(?:[A-Z][\w'’-]*[ \t]+){1,3}(?=(?i:allotments?)\b)"
)
_ANOTHER_PLOT_AFTER = re.compile(r"(?i:[ \t]*(?:,|and|&|\+)[ \t]*(?:plots?[ \t]*)?\d{1,4}[a-z]?\b)")
_ANOTHER_PLOT_BEFORE = re.compile(r"(?i:\bplots?[ \t]*\d{1,4}[a-z]?[ \t]*(?:,|and|&|\+)[ \t]*)$")
_ALLOTMENT_WORD = re.compile(r"(?i:\ballot?ments?\b)")
_LIVED_IN = re.compile(
    r"(?i:\b(?:caravans?|statics?|chalets?|lodges?|holiday|park[ \t]+homes?|camp[ \t]?site|"
    r"camping|vans?|new[ \t]+builds?|estate|live|lives|living)\b)"
)


def _plots_on_allotments(text: str) -> list[tuple[int, int]]:
    """(start, end) of each allotment plot said as a place, with the name
    of its allotments when said after it."""
    spans = []
    for match in _PLOT.finditer(text):
        window = text[max(0, match.start() - 160) : match.end() + 80]
        if not _ALLOTMENT_WORD.search(window) or _LIVED_IN.search(window):
            continue
        site = _ALLOTMENTS_AFTER.match(text, match.end())
        if site is not None:
            spans.append((match.start(), site.end()))
        elif _ANOTHER_PLOT_AFTER.match(text, match.end()) or _ANOTHER_PLOT_BEFORE.search(
            text, max(0, match.start() - 20), match.start()
        ):
            spans.append((match.start(), match.end()))
    return spans


# a route ("the 38", "the number 12 bus", "the X5") or a vehicle's word, then "to"
_ROUTE_TO = re.compile(
    r"(?i:(?:\b(?:bus|buses|coach|train|tram|service|route)|"
    r"\bthe[ \t]+(?:number[ \t]+)?(?-i:[A-Z])?\d{1,3}(?-i:[A-Z])?)"
    r"[ \t]+(?:to|towards|for)[ \t]+)$"
)
# the destination is one capitalised word, not a full name: no capitalised word after
_NO_SURNAME_AFTER = re.compile(r"(?![ \t]+[A-Z][a-z])")

# Clubs whose names the finders take for a home or a person ("Villa" is a
# home's word, "Stanley" a given name). Short on purpose: only clubs whose
# name or short name was seen taken.
_CLUBS = (
    r"Aston[ \t]+Villa|Villa|Accrington[ \t]+Stanley|Queen(?:['’]?s)?[ \t]+Park(?:[ \t]+Rangers)?|"
    r"Crystal[ \t]+Palace|Preston[ \t]+North[ \t]+End|Charlton(?:[ \t]+Athletic)?|"
    r"Stanley|Forest|Albion|Rovers|Wanderers|Rangers|Celtic|Hearts|Hibs"
)
_CLUB = re.compile(rf"(?i:\b(?:{_CLUBS})\b)")
_FOOTBALL = re.compile(
    r"(?i:\b(?:fans?|supporters?|match|matches|game|kick[ \t-]?off|shirts?|kit|"
    r"season[ \t]+tickets?|stadium|ground|away[ \t]+end|home[ \t]+end|football|derby)\b)"
)
_SENTENCE_END = re.compile(r"[.!?\n]")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    before = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, end)
    return before, after.start() if after else len(text)


def _club_names(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _CLUB.finditer(text):
        start, end = _sentence(text, match.start(), match.end())
        if _FOOTBALL.search(text, start, end):
            the = re.search(r"(?i:\bthe[ \t]+)$", text[max(0, match.start() - 4) : match.start()])
            spans.append((match.start() - (len(the.group(0)) if the else 0), match.end()))
    return spans


_TITLE = (
    r"(?:Lord|Queen|King|Prince|Princess|Duke|Duchess|Marquis|Marquess|Earl|Admiral|General|"
    r"Sir)"
)
_THE_TITLE_BEFORE = re.compile(rf"\b(?i:the)[ \t]+{_TITLE}[ \t]+(?:of[ \t]+)?$")
_THE_BEFORE = re.compile(r"\b(?i:the)[ \t]+$")
_TITLED = re.compile(rf"{_TITLE}[ \t]+(?:of[ \t]+)?[A-Z][\w'’-]+")
_ONE_WORD = re.compile(r"[A-Z][\w'’-]+")
_PUB_WORD_AFTER = re.compile(r"[ \t]+(?i:pub|inn|tavern|arms|hotel|bar)\b")


def _a_pubs_name(text: str, d: Detail) -> bool:
    span = text[d.start : d.end]
    back = max(0, d.start - 30)
    if _THE_TITLE_BEFORE.search(text, back, d.start) and _ONE_WORD.fullmatch(span):
        return True
    if _THE_BEFORE.search(text, back, d.start) is None:
        return False
    return bool(_TITLED.fullmatch(span) or _PUB_WORD_AFTER.match(text, d.end))


def keep_plots_destinations_and_clubs(text: str, details: list[Detail]) -> list[Detail]:
    """``details`` less the homes inside an allotment plot said as a place,
    the names that are a bus's destination or a pub's and the homes and
    names that are a football club's (the module's docstring)."""
    plots = _plots_on_allotments(text)
    clubs = _club_names(text)
    kept = []
    for d in details:
        if d.category is Category.ADDRESS and any(s <= d.start and d.end <= e for s, e in plots):
            continue
        if d.category in (Category.ADDRESS, Category.NAME) and any(
            s <= d.start and d.end <= e for s, e in clubs
        ):
            continue
        if d.category is Category.NAME and _a_pubs_name(text, d):
            continue
        if (
            d.category is Category.NAME
            and " " not in text[d.start : d.end].strip()
            and _ROUTE_TO.search(text, max(0, d.start - 40), d.start)
            and _NO_SURNAME_AFTER.match(text, d.end)
        ):
            continue
        kept.append(d)
    return kept
