"""People named in shapes the older finders missed (round 15, issue 15's
twelfth unseen set): a name after a Welsh or Gaelic sign-off ("Diolch yn
fawr, Gwenan", "Tapadh leat, Morag"), a lower-case signature ("- chelsea",
"cheers, gaz"), a lone nickname in a shared possessive ("mine n Daz's"),
a name after "he's" or after the house it came from ("the lad from 90,
Kyle Mather"), and a month's name said as a person ("Me and April went").

Each finder yields ``Detail(start, end, Category.NAME)`` spans, start and
end character offsets into the text given. Wordings written for round 15
in other voices are in tests/bot/test_redaction_round15_people.py.
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
    places,
    proper_nouns,
    surnames,
)

_CAP = r"[A-ZŴŶ][a-zà-öø-ÿŵŷ]+"
# A family by its surname: "the Pembertons on Elm Lane", "the Hendersons next door".
_FAMILY = re.compile(
    r"\bthe[ \t]+(?P<name>[A-Z][a-z]{2,}(?:s|es))\b"
    r"(?=[ \t]+(?i:on|at|from|next|across|opposite|up|down|over|round|behind|upstairs|"
    r"downstairs|who|whose|keep|kept)\b)"
)
# Banks and shops named in the plural like a family: "the Lloyds on East Street".
_CHAINS = word_set(
    "lloyd barclay sainsbury morrison gregg boot timpson wetherspoon natwest halifax "
    "santander nationwide dixon hamley selfridge harrod debenham londi costcutter wilko "
    "currys poundland"
)
# "known round here as Becks", "surname's Durrant", "name on profile Oleksandr Bondar".
_KNOWN_AS = re.compile(
    r"(?i:\bknown(?:[ \t]+(?:round[ \t]+here|around[ \t]+here|locally|on[ \t]+the[ \t]+estate|"
    r"to[ \t]+everyone))?[ \t]+as"
    r"|\b(?:sur|last[ \t]+|second[ \t]+|family[ \t]+)name(?:['’]s|[ \t]+is|[ \t]+was|[ \t]*:)"
    r"|\bname[ \t]+on[ \t]+(?:the[ \t]+|his[ \t]+|her[ \t]+)?(?:profile|account|page|card|"
    r"licence|id|badge)(?:[ \t]+(?:is|was|says|said))?[ \t]*:?)[ \t]+"
    rf"(?P<name>{_CAP}(?:[ \t]+{_CAP})?)\b"
)
# "Thanks, Sue at Low Carr": the signer before the home (rural_homes.py takes the home).
_SIGNED_AT_HOME = re.compile(
    r"(?i:\b(?:thanks|thank[ \t]+you|cheers|regards|ta|best|many[ \t]+thanks|diolch|"
    r"yours(?:[ \t]+(?:faithfully|sincerely|truly))?))[ \t]*[,.!-]?[ \t\n]+"
    rf"(?P<name>{_CAP})[ \t]+(?:at|of|from)[ \t]+(?:The[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,2}}"
    r"[ \t]*[.!]?[ \t]*\Z"
)
# Sign-offs in Welsh, Gaelic, Scots and English; the name after one ends the
# text (a full stop, a kiss or a smile may follow).
_SIGN_OFF = (
    r"(?i:diolch(?:[ \t]+yn[ \t]+fawr)?|diolch[ \t]+o[ \t]+galon|hwyl(?:[ \t]+fawr)?|cofion"
    r"(?:[ \t]+(?:cynnes|gorau))?|tapadh[ \t]+(?:leat|leibh)|m[oò]ran[ \t]+taing|slàinte|"
    r"slainte|beannachd|le[ \t]+meas|cheers|ta|thanks|thank[ \t]+you|thanx|thx|ta[ \t]+ra|"
    r"tara|ta-ra|regards|love|luv|many[ \t]+thanks|best|obrigad[oa]|gracias|merci|dziękuję|"
    r"dziekuje|shukran|jazakallah)"
)
_SIGNED = re.compile(
    rf"\b{_SIGN_OFF}[ \t]*[,.!\-–:]*[ \t\n]+"
    r"(?P<name>[A-ZŴŶa-zà-öø-ÿŵŷ][a-zà-öø-ÿŵŷ]+(?:[ \t]+[A-ZŴŶ][a-zà-öø-ÿŵŷ]+)?)"
    r"[ \t]*(?:[.!x]+|:\)|xx+)?[ \t]*\Z"
)
# "- chelsea", "~ gaz" on the last line: a dash and a lower-case given name.
_DASH_SIGNED = re.compile(
    r"(?:^|[.!?\n][ \t]*|[ \t])[-–—~][ \t]*(?P<name>[a-z][a-z]{1,14})[ \t]*[.!x]*[ \t]*\Z"
)
# "mine n Daz's", "me and Shaz's car", "ours an Kev's": a shared possessive.
_SHARED_POSSESSIVE = re.compile(
    r"(?i:\b(?:mine|me|my|ours|our|us)[ \t]+(?:n|and|&|an|an'|'n'))[ \t]+"
    r"(?P<name>[A-Z][a-z]{1,12})['’]s\b"
)
# "he's Jago Nancarrow", "she is Bethan Pryce": who someone is, by full name.
_HE_IS = re.compile(
    r"(?i:\b(?:he|she)(?:['’]s|[ \t]+is|s)|\bhis[ \t]+name(?:['’]s|[ \t]+is)|"
    r"\bher[ \t]+name(?:['’]s|[ \t]+is))[ \t]+"
    rf"(?P<name>{_CAP}[ \t]+{_CAP})\b(?![ \t]+{_CAP})"
)
# "the lad from 90, Kyle Mather", "the woman at number 6, Joan Price".
_FROM_A_HOUSE = re.compile(
    r"(?i:\b(?:lad|boy|man|woman|girl|bloke|fella|guy|kid|lass|lady|fellow|chap|gent|"
    r"neighbour|family)[ \t]+(?:from|at|in|of)[ \t]+(?:number[ \t]+|no\.?[ \t]*)?"
    r"\d{1,4}[a-z]?)[ \t]*,[ \t]*"
    rf"(?P<name>{_CAP}(?:[ \t]+{_CAP})?)\b"
)
# "Me and April went", "April and me", "my mate June": a month as a person.
_MONTH = r"(?:April|May|June|July|August|Summer|Autumn|Winter)"
_MONTH_PERSON = re.compile(
    rf"(?i:\b(?:me|i)[ \t]+(?:n|and|&|an)[ \t]+)(?P<name>{_MONTH})\b(?![ \t]+\d)"
    rf"|\b(?P<first>{_MONTH})[ \t]+(?i:(?:n|and|&|an)[ \t]+(?:me|i|myself)\b)"
    r"|(?i:\b(?:my|our|his|her)[ \t]+(?:mate|friend|pal|daughter|sister|niece|cousin|wife|"
    r"girlfriend|partner|neighbour|granddaughter|auntie|aunt|mum|step[ \t-]?daughter)"
    rf"[ \t]+)(?P<third>{_MONTH})\b(?![ \t]+\d)"
)


# Words before a month that say it is a time: "since April and I ...".
_TIME_BEFORE = word_set(
    "in since of last until till from by during early late mid next this end before after "
    "through every each the"
)


def _a_person(name: str, lower_ok: bool = False) -> bool:
    """A person's name: not a town, a word or a brand. ``lower_ok``: a lone
    lower-case word must be a known given name."""
    words = [w.lower() for w in name.split()]
    if any(w in NOT_PERSONS for w in words):
        return False
    if " ".join(words) in places() and words[0] not in first_names():
        return False
    if len(words) == 1 and (name[0].islower() or lower_ok):
        return words[0] in first_names() and words[0] not in ordinary_words()  # "thanks mate"
    return not all(w in ordinary_words() and w not in first_names() for w in words)


def find_signed_and_possessive_people(text: str) -> Iterator[Detail]:
    """Names in the shapes of the module docstring; NAME spans."""
    brands = brand_spans(text)
    for pattern, group in (
        (_SIGNED, "name"),
        (_DASH_SIGNED, "name"),
        (_SHARED_POSSESSIVE, "name"),
        (_HE_IS, "name"),
        (_FROM_A_HOUSE, "name"),
        (_KNOWN_AS, "name"),
        (_SIGNED_AT_HOME, "name"),
    ):
        for match in pattern.finditer(text):
            start, end = match.span(group)
            if any(a <= start < b for a, b in brands):
                continue
            name = match.group(group)
            lower_ok = pattern is _DASH_SIGNED
            lowered = [w.lower() for w in name.split()]
            if len(lowered) > 1 and name[0].islower():
                continue  # "Many thanks, the Ashworths": the family's name alone goes elsewhere
            if (
                pattern is _HE_IS
                and lowered[0] not in first_names()
                and any(w in ordinary_words() or w in places() for w in lowered)
            ):
                continue  # "he's Manchester United": "he's Jago Nancarrow" goes
            if pattern is _KNOWN_AS:
                if name.split()[0] != "The" and not any(
                    w.lower() in NOT_PERSONS or w.lower() in places() for w in name.split()
                ):
                    yield Detail(start, end, Category.NAME)  # a nickname may be a word: "Becks"
                continue
            if _a_person(name, lower_ok):
                yield Detail(start, end, Category.NAME)
    for match in _FAMILY.finditer(text):
        stem = match.group("name")[:-1].lower()
        stems = (stem, stem[:-1]) if stem.endswith("e") else (stem,)
        if len(stem) < 4 or any(
            w in ordinary_words()
            or w in places()
            or w in NOT_PERSONS
            or (w in proper_nouns() and w not in surnames() and w not in first_names())
            for w in stems
        ):
            continue  # "the Robins", "the Hammers", "the Smiths": words, places, bands
        if any(a <= match.start("name") < b for a, b in brands) or stem in _CHAINS:
            continue  # "the Lloyds on East Street": a bank
        yield Detail(match.start("name"), match.end("name"), Category.NAME)
    for match in _MONTH_PERSON.finditer(text):
        group = match.lastgroup or "name"
        start, end = match.span(group)
        before = re.search(r"([A-Za-z]+)[ \t]*\Z", text[max(0, match.start() - 20) : match.start()])
        if group == "first" and before is not None and before.group(1).lower() in _TIME_BEFORE:
            continue  # "back in April and I still ...": the month
        yield Detail(start, end, Category.NAME)
