"""Homes named as where someone lives, by cue and by regional naming
(round 15, issue 15's twelfth unseen set): "we're out at Church Farm",
"Mr Elliot at Kirndean", "the holiday house Whinfield", "moved into The
Linhay", "Bemersyde Mains", "Tŷ'n Rhos", "our garden at Hillside, Mile End
Lane", "Thanks, Sue at Low Carr".

Each finder yields ``Detail(start, end, Category.ADDRESS)`` spans, start and
end character offsets into the text given. A known town, a shop or brand, a
public place ("Church Farm shop", "the Grange pub") or an institution's
building stays. The names and cues were written for round 15 in other
voices (tests/bot/test_redaction_round15_people.py), then checked on the
spent sets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.lexicon import NOT_PERSONS, brand_spans, first_names, places

_CAP = r"[A-ZŴŶ][a-zà-öø-ÿŵŷ]+(?:['’][a-z]+)?"
_NAME = rf"(?:The[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,2}}"
_END = r"(?![ \t]*[A-Z0-9])"

# Names only homes carry, in any region, with no cue needed: a Scots farm
# ("Bemersyde Mains"), a Devon barn ("The Linhay", "The Shippon"), a Welsh
# "Tŷ'n Rhos" / "Ty'n y Coed".
_REGIONAL = re.compile(
    rf"(?<![\w'’])((?:{_CAP}[ \t]+)?{_CAP}[ \t]+Mains)\b(?![ \t]+(?i:road|street|lane|of)\b)"
    r"|(?<![\w'’])((?i:the)[ \t]+(?:Linhay|Shippon|Byre|Bothy|Steading|Cart[ \t]?[Ss]hed|"
    r"Hayloft|Roundhouse|Round[ \t]House|Threshing[ \t]Barn|Wagon[ \t]House|Cider[ \t]House|"
    r"Old[ \t](?:Byre|Linhay|Shippon|Cowshed|Piggery|Stable|Dairy|Smithy|Manse)))\b"
    r"(?![ \t]+(?i:pub|inn|bar|cafe|café|restaurant|tea[ \t]?room|gallery|shop|road|lane)\b)"
    r"|(?<![\w'’])((?:Tŷ|Ty|Tai)['’]n[ \t-]+(?:(?:y|yr)[ \t-]+)?[A-ZŴŶ][a-zà-öø-ÿŵŷ]+)"
)

# A pub or bar named after its word and a comma: "our local pub, the Old
# Dairy, ..." (as house.py's round-13 guard).
_A_PUB_NAMED = re.compile(
    r"(?i:\b(?:the|a|that|this|our|my|their)[ \t]+(?:local[ \t]+)?(?:pub|inn|bar|club|tavern))\b"
    r"[^.!?\n]{0,40},[ \t]*\Z"
)

# Cues that say someone lives at the name after them.
_LIVES_AT = re.compile(
    # "we're out at", "I'm up at", "we live out at", "they farm up at"
    r"(?i:\b(?:we're|we[ \t]+are|were|i'm|im|i[ \t]+am|we|they|he|she|i|mum|dad|nan|gran)"
    r"(?:[ \t]+(?:live|lives|living|farm|farms|based|stay|stays|staying|are|is))?"
    r"[ \t]+(?:out|up|down|over|along|round|across|just[ \t]+up|just[ \t]+down|right[ \t]+up)"
    r"[ \t]+at"
    # "moved into", "moving into", "just moved in to"
    r"|\b(?:moved|moving|move)[ \t]+in(?:to|[ \t]+to)"
    # "the folk at", "the family at", "the old couple at", "them at"
    # ("the man at Tarrant Keyneston" may be a village's: one person is no cue)
    r"|\b(?:the[ \t]+(?:(?:old|young|new|nice|auld)[ \t]+)?(?:folk|folks|family|people|couple|"
    r"farmers|owners|tenants?|residents?|household)|them|those|yon[ \t]+folk)"
    r"[ \t]+(?:up[ \t]+|out[ \t]+|down[ \t]+|over[ \t]+)?at"
    # "Mr Elliot at", "Mrs Pascoe up at"
    r"|\b(?:mr|mrs|ms|miss|dr)\.?[ \t]+(?-i:[A-Z][a-z]+)(?:[ \t]+(?:up|out|down|over))?[ \t]+at"
    # "the holiday house Whinfield", "a rented cottage called ...", "on farm Easter X"
    r"|\b(?:holiday|rented|rental)[ \t]+(?:house|home|cottage|let|lodge|bungalow)"
    r"(?:[ \t]+(?:called|named))?"
    r"|\b(?:on|at|in)[ \t]+(?:the[ \t]+)?farm(?:[ \t]+(?:called|named))?"
    # "his place, X", "her gaff, X", "our farm - X"
    r"|\b(?:my|our|his|her|their|[a-z]+['’]s)[ \t]+(?:place|gaff|farm|house|home|cottage|"
    r"croft|smallholding|steading)[ \t]*[,\-–:])"
    r"[ \t]+(" + _NAME + r")" + _END
)

# "of Ravensbury, Above Town": a person's home before a place, in a signature.
_OF_HOME_PLACE = re.compile(
    rf"(?:\)|[a-z.]),[ \t]+of[ \t]+({_CAP}(?:[ \t]+{_CAP})?)(?=[ \t]*,[ \t]+[A-Z])"
)

# "at Hillside, Mile End Lane": a land word's home before its street.
_LAND_WORD_HOME = re.compile(
    r"(?i:\bat)[ \t]+((?-i:[A-Z][a-z]+(?:side|field|fields|view|lands|croft|bank|brae|"
    r"lea|dene|garth|hurst|holme|wood|ways|haven|crest|acre|acres|thwaite|cott)))"
    r"(?=[ \t]*,[ \t]+(?:\d{1,4}[a-z]?[ \t]+)?(?:[A-Z][\w'’]*[ \t]+){1,3}"
    r"(?:Road|Rd|Lane|Street|St|Close|Avenue|Ave|Way|Drive|Crescent|Terrace|Row|Grove)\b)"
)

# "Thanks, Sue at Low Carr": a signature's home after the signer.
_SIGNED_AT = re.compile(
    r"(?i:\b(?:thanks|thank[ \t]+you|cheers|regards|ta|best|many[ \t]+thanks|diolch|"
    r"yours(?:[ \t]+(?:faithfully|sincerely|truly))?))[ \t]*[,.!-]?[ \t\n]+"
    r"[A-Z][a-z]+[ \t]+(?:at|of|from)[ \t]+(" + _NAME + r")[ \t]*[.!]?[ \t]*\Z"
)

# What ends a public place, a street or a business, never a home.
_PUBLIC_END = re.compile(
    r"(?i:\b(?:station|park|hospital|school|church|chapel|centre|center|hall|library|market|"
    r"airport|road|rd|street|st|lane|close|avenue|way|drive|council|university|college|academy|"
    r"surgery|police|stadium|ground|club|hotel|pub|inn|arms|cathedral|abbey|castle|museum|beach|"
    r"bay|harbour|pier|services|retail|shopping|bridge|quay|square|cross|gate|green|common|"
    r"estate|tesco|asda|aldi|lidl|morrisons|sainsbury's|sainsburys|co-op|coop|"
    r"shop|garage|vets|dental|pharmacy|motors|marina|campsite|caravan[ \t]+park))$"
)
_PUBLIC_AFTER = re.compile(
    r"[ \t]+(?i:pub|inn|tavern|bar|hotel|restaurant|caf[eé]|shop|farm[ \t]+shop|surgery|"
    r"community|youth|sports|social|leisure|medical|school|academy|college|nursery|church|"
    r"chapel|centre|center|club|practice|clinic|hospital|hostel|library|museum|gallery|"
    r"estate|industrial|business|park|market|car[ \t]+boot|for[ \t]+the|festival|fair|"
    r"garden[ \t]+centre|care[ \t]+home|nursing[ \t]+home|road|lane|street)\b"
)
_INSTITUTION = re.compile(
    r"(?i:sheltered|care[ \t]home|nursing[ \t]home|retirement|hostel|hotel|residential|"
    r"car[ \t]+boot|pick[ \t]+your[ \t]+own|pumpkin|farm[ \t]+shop|petting|open[ \t]+day)"
)
# A cue's name that is a common word or a time, not a home: "moved into
# September", "the lady at Reception".
_NOT_HOMES = word_set(
    """
    reception work home school church the night christmas weekend weekends
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """
)


# A Scots farm's first word that is also a common word ("Easter", "Wester").
_SCOTS_FIRST = {"easter": 1, "wester": 1, "nether": 1, "the": 1}


def _a_home(text: str, start: int, end: int) -> bool:
    """The name at text[start:end] may be a home: not a town, a brand, a
    public place, a word, a lone given name or an institution's building."""
    name = text[start:end]
    words = [w.lower() for w in name.split()]
    key = " ".join(w for w in words if w != "the")
    if not key or key in places() or words[-1] in _NOT_HOMES:
        return False
    first = _SCOTS_FIRST.get(words[0], 0) if len(words) > 1 else 0
    if any(w in NOT_PERSONS for w in words[first:]):
        return False  # "Easter Softlaw", "Nether Howe": a Scots farm's first word
    if _PUBLIC_END.search(name) or _PUBLIC_AFTER.match(text, end):
        return False
    if len(words) == 1 and words[0] in first_names():
        return False  # "the lady at Sandra's": a person
    if any(a <= start < b for a, b in brand_spans(text)):
        return False
    if _A_PUB_NAMED.search(text, max(0, start - 60), start):
        return False
    near = text[max(0, start - 40) : end + 30]
    return _INSTITUTION.search(near) is None


def find_rural_and_regional_homes(text: str) -> Iterator[Detail]:
    """Homes named by a regional home word anywhere, or after a cue that
    someone lives there (module docstring; docs/redaction-figures.md
    "Round 15: redaction misses: homes, people and jobs")."""
    for match in _REGIONAL.finditer(text):
        group = match.lastindex or 1
        start, end = match.start(group), match.end(group)
        if _PUBLIC_AFTER.match(text, end) or any(a <= start < b for a, b in brand_spans(text)):
            continue
        if " ".join(w.lower() for w in text[start:end].split()) in places():
            continue
        if _A_PUB_NAMED.search(text, max(0, start - 60), start):
            continue  # "our local pub, the Old Dairy, has ..."
        yield Detail(start, end, Category.ADDRESS)
    for pattern in (_LIVES_AT, _OF_HOME_PLACE, _LAND_WORD_HOME, _SIGNED_AT):
        for match in pattern.finditer(text):
            start, end = match.start(1), match.end(1)
            if pattern is _LAND_WORD_HOME:
                if any(a <= start < b for a, b in brand_spans(text)):
                    continue
                yield Detail(start, end, Category.ADDRESS)
                continue
            if _a_home(text, start, end):
                yield Detail(start, end, Category.ADDRESS)


def may_be_a_home(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` may be a home (round 16's
    readers by position, home_positions.py, ask the same as the cues here):
    not a town, a brand, a public place, a word, a lone given name or an
    institution's building."""
    return _a_home(text, start, end)
