"""Keep words (issue 15, round 7): a name a finder found is given back, or
cut short, where the text says it is a public place or an institution, by
family rather than by list:

- a public institution's word after it: "Blackbird Leys Community Centre",
  "Leeds General Infirmary", "Shipley College";
- a place one is *in*: "in James Cook for six hours", "in torry", "in the
  Barras", "at the Kassam" (people are not "in" someone; "in Sarah's car"
  is a possessive and stays a name);
- a university or college after "student at", "studying at": "a student at
  Leeds Beckett";
- a gazetteer town after a home's cue ("back home to Shirley", "a resident
  of Ely", "I am Rebwar from Folkestone") or after another place and a
  comma ("in Easton, Bristol");
- a Facebook page or group named after "page" or "group" ("fb page
  Wythenshawe Lost n Found", "facebook page Folkestone Patriots");
- a firm whose name ends in its trade and does not start with a person's
  name ("a firm called Northern Sun Energy", "'Lakeland Roofing'"), a
  public body ("Action Fraud"), an insurer or bank after "insurance with";
- a gazetteer town at the end of a person's name ("Lorraine Hendry
  Falkirk", an account's display name): the name is cut before the town.

Shapes are (start, end) character offsets in
:class:`~bot.safeguarding.redaction.detail.Detail`.
"""

from __future__ import annotations

import re

from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.lexicon import first_names, places, surnames

_LOOK_BACK = 80

# a public institution's word right after the name (or one capitalised word later)
_INSTITUTION_AFTER = re.compile(
    r"(?:[ \t]+[A-Z][\w'’-]*)?[ \t]+(?:University|Uni|College|Hospital|Infirmary|Hospice|"
    r"Market|Centre|Center|Library|Stadium|Academy|Surgery|Station|Airport|Arena|Museum|"
    r"Theatre|Retail|Shopping|Leisure|Community|Cathedral|Crematorium|Cemetery|Sixth[ \t]Form|"
    r"Health[ \t]Centre|Medical[ \t]Centre|Business[ \t]Park|Industrial[ \t]Estate)\b"
)
# "in X", "at the X": a place one is in
_IN_BEFORE = re.compile(
    r"(?:\b(?:in|inside)[ \t]+(?:the[ \t]+)?"
    r"|\b(?:at|on|near|by|round|down|up|to|from)[ \t]+the[ \t]+)$",
    re.IGNORECASE,
)
# verbs after which "in" is about a person ("confide in Sarah", "interested in Jake")
_PERSON_IN = re.compile(
    r"(?i:\b(?:confide|confided|believe|believed|trust|trusted|interested|interest|"
    r"faith|hand|handed|let|letting|lets|brought|bring|bringing|call|called|calling|"
    r"pass|passed|put|puts|putting|get|got|getting|fill|filled|filling|join|joined|"
    r"in[ \t]+with|joining)[ \t]+(?:(?:the|me|us|him|her|them|it)[ \t]+)?(?:in|to)[ \t]+)$"
)
# a possessive, written or not: "in Dean's car", "in Jade Hughes name"
_POSSESSIVE_AFTER = re.compile(
    r"['’]s?\b|[ \t]+(?:and|&)[ \t]+[A-Z]|(?i:[ \t]+(?:name|names|house|home|flat|room|"
    r"car|van|class|post|posts|story|stories|account|garden|phone|bag|pocket|hands?|care|"
    r"bed|dms?|inbox|messages|group[ \t]+chat|chat|friends?|list|team|year|form)\b)"
)
_STUDY_AT = re.compile(
    r"(?i:\b(?:student|students|studying|studies|study|studied|lecturer|lecturing|"
    r"enrolled|uni|university|course|degree|graduated|graduate)[ \t]+(?:\w+[ \t]+)?"
    r"(?:at|from|in)[ \t]+)$"
)
_HOME_CUE = re.compile(
    r"(?i:\b(?:home[ \t]+to|back[ \t]+to|back[ \t]+in|residents?[ \t]+of|native[ \t]+of|"
    r"moved[ \t]+to|move[ \t]+to|moving[ \t]+to|born[ \t]+in|grew[ \t]+up[ \t]+in|"
    r"live[ \t]+in|lives[ \t]+in|living[ \t]+in|lived[ \t]+in|"
    r"(?:am|i'?m|im|is|are|we'?re|come|comes|came|originally)[ \t]+from)[ \t]+)$"
)
_NAME_FROM = re.compile(r"\bfrom[ \t]+$")
_PLACE_COMMA = re.compile(
    r"(?i:\b(?:in|at|from|of|near|to)[ \t]+)(?P<place>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)"
    r"[ \t]*,[ \t]*$"
)
_PAGE_BEFORE = re.compile(
    r"(?i:\b(?:fb|facebook|insta|instagram|whatsapp|nextdoor|community)?[ \t]*"
    r"(?:page|group|groups)(?:[ \t]+(?:on|in)[ \t]+(?:facebook|fb|whatsapp|nextdoor))?"
    r"(?:[ \t]+(?:called|named|is|was))?[ \t]*[:,-]?[ \t]*['\"‘“]?)$"
)
# a page's or group's name: capitalised words, with "n", "&", "and", "of", "the"
_GROUP_NAME = re.compile(
    r"[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|n|&|and|of|the|for|in|on))*[ \t]+[A-Z][\w'’-]*"
)
_TRADE_LAST = word_set(
    """
    energy solar roofing roofers building builders construction plumbing plumbers heating
    electrical electrics electricians scaffolding landscaping landscapes paving driveways
    windows glazing motors garage logistics solutions services group ltd limited
    insurance homes developments properties estates lettings removals fencing gardens
    gutters guttering cleaning security taxis cars kitchens flooring
    """
)
_FIRM_CUE = re.compile(
    r"(?i:\b(?:firm|company|business|outfit|marked|called|named)\b[^.!?\n]{0,20}$)"
)
_PUBLIC_BODIES = frozenset(
    {
        "action fraud",
        "victim support",
        "citizens advice",
        "trading standards",
        "neighbourhood watch",
        "national trust",
        "royal mail",
        "parcelforce",
    }
)
_WITH_AN_ORGANISATION = re.compile(
    r"(?i:\b(?:insurance|insurer|insured|policy|cover|bank|banks|banking|account|mortgage|"
    r"broadband|energy|contract|phone)(?:[ \t]+(?:is|was|are|were))?[ \t]+with[ \t]+)$"
)


def _place(word: str) -> bool:
    return word.replace("’", "'").lower() in places()


def _person_word(word: str) -> bool:
    key = word.lower()
    return key in first_names() or key in surnames()


def _a_family(span: str) -> bool:
    """ "the Hendersons", "the Smiths": a surname in the plural (not a place's
    name: "the Barras")."""
    key = span.lower()
    if " " in key or not key.endswith("s"):
        return False
    stem = key.removesuffix("es") if key.endswith("es") else key.removesuffix("s")
    return any(
        len(w) >= 4 and (w in surnames() or w in first_names()) and w not in places()
        for w in (stem, key.removesuffix("s"))
    )


def _firm(span: str, text: str, start: int) -> bool:
    """A firm's name ending in its trade whose first word is no person's name."""
    words = span.split()
    if len(words) < 2 or words[-1].lower() not in _TRADE_LAST:
        return False
    lead = words[0].replace("’", "'")
    if _person_word(lead) or _person_word(lead.removesuffix("s")) or "'" in lead:
        return False  # "Booth Lettings", "Lee's Clearances": named after someone
    return (
        _FIRM_CUE.search(text, max(0, start - 40), start) is not None
        or "'" in text[max(0, start - 2) : start]
    )


def _a_persons_page(span: str) -> bool:
    """A page named as a person is ("Leanne Marie Jones"): two to four
    capitalised words, a given name first, a surname last, no place."""
    words = [w.lower() for w in span.split()]
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in span.split()):
        return False
    if any(w in places() for w in words):
        return False
    return words[0] in first_names() and words[-1] in surnames()


def _given_back(text: str, detail: Detail, every: list[Detail]) -> bool:
    start, end = detail.start, detail.end
    span = text[start:end]
    window = max(0, start - _LOOK_BACK)
    words = span.split()
    if not words:
        return False
    if detail.category in (Category.HANDLE, Category.NAME) and _PAGE_BEFORE.search(
        text, window, start
    ):
        group = _GROUP_NAME.match(text, start)
        if group is not None and group.end() >= end and not _a_persons_page(span):
            return True  # "fb page Wythenshawe Lost n Found"
    if detail.category is not Category.NAME:
        return False
    if span.lower() in _PUBLIC_BODIES:
        return True
    if _INSTITUTION_AFTER.match(text, end):
        return True  # "Leys Community Centre", "Leeds General Infirmary"
    if _STUDY_AT.search(text, window, start):
        return True  # "a student at Leeds Beckett"
    if _WITH_AN_ORGANISATION.search(text, window, start):
        return True  # "his insurance was with Admiral"
    more = re.match(r"(?:[ \t]+[A-Z][\w'’-]*){0,2}", text[end:])
    if _firm(span + (more.group(0) if more else ""), text, start):
        return True  # "a firm called Northern Sun Energy"
    if (
        "'" not in span.replace("’", "'")
        and _IN_BEFORE.search(text, window, start)
        and not _PERSON_IN.search(text, window, start)
        and not _POSSESSIVE_AFTER.match(text, end)
        and not _a_family(span)
    ):
        return True  # "in James Cook for six hours", "in torry", "in the Barras"
    if _place(span):
        if _HOME_CUE.search(text, window, start):
            return True  # "back home to Shirley", "a resident of Ely"
        before_from = _NAME_FROM.search(text, window, start)
        if before_from is not None and any(
            d.category is Category.NAME
            and d.end <= before_from.start()
            and not text[d.end : before_from.start()].strip()
            for d in every
        ):
            return True  # "i am Rebwar from Folkestone"
        after_place = _PLACE_COMMA.search(text, window, start)
        if after_place is not None and _place(after_place.group("place")):
            return True  # "in Easton, Bristol"
    return False


def _town_cut(text: str, detail: Detail) -> Detail:
    """A person's name of three words or more ending in a gazetteer town
    that is nobody's name: the name ends before the town."""
    if detail.category is not Category.NAME:
        return detail
    words = list(re.finditer(r"\S+", text[detail.start : detail.end]))
    if len(words) < 3:
        return detail
    last = words[-1].group(0)
    if not last[:1].isupper() or not _place(last) or _person_word(last):
        return detail
    if not all(_person_word(w.group(0)) for w in words[:-1]):
        return detail
    end = detail.start + words[-2].end()
    return Detail(detail.start, end, detail.category)


# what ends an age's or a job's description: a sum of money after a comma
# ("ninety-three and lives alone, the sum of £3,500"), a district after
# "in" ("live alone in a ground-floor flat in Bemerton Heath"), a known town
# after "out of" or "based in" ("the postie for the Netherthong round out of
# Holmfirth")
_MONEY_AFTER = re.compile(r"[ \t]*,[ \t]+(?:the[ \t]+(?:sum|amount)[ \t]+of[ \t]+)?[£$€]")
_DISTRICT_AT_END = re.compile(
    r"[ \t]+in[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’-]*[ \t]+){1,2}(?:Heath|Green|Common|End|Park|"
    r"Vale|Estate|Hill|Side|Town|Village)$"
)
_TOWN_AT_END = re.compile(
    r"[ \t]+(?:out[ \t]+of|based[ \t]+(?:in|at)|working[ \t]+(?:in|from))[ \t]+"
    r"(?P<town>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)$"
)


def _description_cut(text: str, detail: Detail) -> Detail:
    """An age's description cut before money or a district at its end, an
    age's or a job's before a known town after "out of" (the constants
    above)."""
    if detail.category not in (Category.AGE, Category.JOB):
        return detail
    span = text[detail.start : detail.end]
    end = len(span)
    money = _MONEY_AFTER.search(span)
    if money is not None and detail.category is Category.AGE:
        end = money.start()
    # a job's district stays in it: "the tills at the Lidl in Small Heath"
    # is what singles the job out
    district = _DISTRICT_AT_END.search(span, 0, end)
    if district is not None and detail.category is Category.AGE:
        end = district.start()
    town = _TOWN_AT_END.search(span, 0, end)
    if town is not None and _place(town.group("town")):
        end = town.start()
    if end == len(span) or end <= 0:
        return detail
    return Detail(detail.start, detail.start + end, detail.category)


def keep_institutions(text: str, details: list[Detail]) -> list[Detail | None]:
    """For each of ``details``, in order: ``None`` where it is a public
    place, an institution, a firm or a group in the forms listed in the
    module's docstring (the words stay), else the detail, with a town cut
    off the end of a person's name."""
    return [
        None if _given_back(text, d, details) else _description_cut(text, _town_cut(text, d))
        for d in details
    ]


# Keep words: places and organisations a name finder took for a person.
_GROUP_LIKE = re.compile(
    r"(?i:\b(?:(?:a)?round|(?:places|towns|ones|cities|villages|areas|somewhere|parts|"
    r"stations|estates)"
    r"[ \t]+like)[ \t]+)$"
)
_AFTER_ADDRESS = re.compile(r"[ \t]*,[ \t]*$")
_FOR_AN_AREA = re.compile(
    r"(?i:\b(?:officers?|pcsos?|police|policing|team|sergeant|inspector|unit|scheme|"
    r"watch|force|division|wardens?)[ \t]+(?:for|in|covering)[ \t]+)$"
)
_ROYAL_BEFORE = re.compile(r"\bthe[ \t]+(?:Queen|King|Prince|Princess|Royal)[ \t]+$")
_ORGANISATION_WORD = re.compile(
    r"\b(?:Care|Homecare|Carers|Housing|Homes|Services|Support|Trust|Association|Community|"
    r"Watch|Taxis|Cars|Security|Cleaning|Council|Group|Partnership|Foundation)[ \t]+$"
)
_LANDSCAPE_END = word_set(
    "braes brae hills moors moor fells fell downs woods glen loch falls heights"
)
_DISTRICT_END = frozenset({"side"})
# a venue by its last word: "the car boot sale at Hartley Showground"
_VENUE_END = word_set("showground showgrounds fairground racecourse")
# a Welsh chapel or church by its first word: "the chapel at Capel Bethel"
_CHAPEL_START = word_set("capel eglwys")
# a holiday home's number, then the park: "Plot C14, Haven Craig Tara"
_HOLIDAY_HOME_BEFORE = re.compile(
    r"(?i:\b(?:plot|pitch|caravan|static|chalet|lodge|van|berth)[ \t]+[A-Z]?\d{1,4}[a-z]?"
    r"[ \t]*,[ \t]*)$"
)
_SENTENCE_ENDS = re.compile(r"[ \t]*(?:[.!?][ \t]*(?:$|\n|[A-Z])|$|\n)")
_ORGANISATION_CUE = re.compile(
    r"(?i:\b(?:housing[ \t]+association|housing|agency|factor|landlord|letting[ \t]+agent)\b"
    r"[^.!?\n]{0,20}?\b(?:it'?s|its|it[ \t]+is|called|named)[ \t]+)$"
)
_TITLE_FIRST = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+[A-Z]")
_PERSON_VERB_AFTER = re.compile(
    r"[ \t]+(?:said|says|told|tells|asked|rang|texted|reckons|thinks|who|keeps|lives|works)\b"
)


def _known_place(words: str) -> bool:
    key = re.sub(r"[ \t]+", " ", words.replace("’", "'")).lower().strip()
    return key in places()


def _a_place_or_organisation(text: str, detail: Detail, addresses: list[Detail]) -> bool:
    start, end = detail.start, detail.end
    span = text[start:end]
    if _PERSON_VERB_AFTER.match(text, end):
        return False
    window = max(0, start - 80)
    words = span.split()
    if _known_place(span):
        if _GROUP_LIKE.search(text, window, start) or _ORGANISATION_WORD.search(
            text, window, start
        ):
            return True  # "kids round Ely", "big ones like Carlisle", "Bright Care Bristol"
        # "9 The Paragon, Clifton": the town after a street's address; a
        # given name only where the sentence ends there ("no 9 Cedar Road,
        # Martin, he works" is a person)
        after_street = any(
            a.end <= start
            and _AFTER_ADDRESS.fullmatch(text, a.end, start)
            and re.search(r"[A-Za-z]{3}", text[a.start : a.end])
            for a in addresses
        )
        if after_street and (span.lower() not in first_names() or _SENTENCE_ENDS.match(text, end)):
            return True
    if len(words) == 1 and _FOR_AN_AREA.search(text, window, start):
        return True  # "a rural crime officer for Angus"
    if _ROYAL_BEFORE.search(text, window, start):
        return True  # "a nurse at the Queen Elizabeth": a hospital
    last = words[-1].lower() if words else ""
    if last in _LANDSCAPE_END and re.search(r"\bthe[ \t]+$", text[window:start]):
        return True  # "on the Cathkin Braes"
    if last in _DISTRICT_END and re.search(r"\b[A-Z][a-z]+[ \t]+$", text[window:start]):
        return True  # "Moss Side": the finder took "Side"
    if last in _VENUE_END or (words and words[0].lower() in _CHAPEL_START and len(words) > 1):
        return True  # "at Hartley Showground", "at Capel Bethel"
    if _HOLIDAY_HOME_BEFORE.search(text, window, start):
        return True  # "our static at Plot C14, Haven Craig Tara": the park
    # "it's Queens Cross"; never a name with a title ("the landlord, who I've
    # heard called Mr Khatri": round 10)
    return _ORGANISATION_CUE.search(text, window, start) is not None and not _TITLE_FIRST.match(
        span
    )


def keep_places_and_organisations(text: str, details: list[Detail]) -> list[Detail]:
    """``details`` less the names that are places or organisations in these
    forms: a known place after "round" or "places like", after an
    organisation's word ("Bright Care Bristol") or after an address and a
    comma; one word after "officer for"; "the Queen Elizabeth" (a hospital);
    "the Cathkin Braes" (a landscape word last); "Moss Side"; a housing
    association's or agency's name after "it's"."""
    addresses = [d for d in details if d.category is Category.ADDRESS]
    return [
        d
        for d in details
        if d.category is not Category.NAME or not _a_place_or_organisation(text, d, addresses)
    ]
