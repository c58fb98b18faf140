"""What goes with a person's name, and names in shapes the word-by-word
reader (names.py) does not see.

With a name the engine found, the words that make it one person's go too:

- a title, rank or initials before it ("PC Hayes", "Brigadier A. Fenwick",
  "Major (retd) Charles Fairbrother", "C. M. Whitlock");
- a particle or an initial after it ("Seán Ó Briain", "Sammy B");
- the business named after them ("Tindall & Sons Roofing", "Kieran Doyle
  Landscapes", "Hartley's Hardware", "Paws with Kate");
- a child's year group and school ("Isla Fraser, Primary 6 at Bankhead
  Primary", "kai yr9 at the academy").

Shapes found by themselves: nicknames ("big mikey", "lil t", "calls himself
'Smudge'"), a given name where someone lives ("mark at number 12", "Lee at 47
Harrow Road"), a name in capitals ("MR DAVID ALAN FORSYTH"), a title in lower
case ("dr patel"), a shop named with a given name in lower case ("sue's
sandwich bar"). Why: docs/decisions.md, "Issue 15, people".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.lexicon import (
    NOT_PERSONS,
    PLACE_WORDS,
    brand_spans,
    first_names,
    ordinary_words,
    places,
    surnames,
)
from bot.safeguarding.redaction.names import RELATIONS

# --- before a name ---------------------------------------------------------

_TITLES = (
    r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lady|Lord|Rev|Revd|Reverend|Fr|Father|Sister|"
    r"Brother|Pastor|Imam|Rabbi|Cllr|Councillor|PC|PCSO|DC|DS|DI|DCI|Sgt|Sergeant|Insp|"
    r"Inspector|Constable|Supt|Officer|Detective|Det|Major|Maj|Colonel|Col|Captain|Capt|Lt|Lieutenant|Cdr|Commander|"
    r"Brigadier|Brig|General|Gen|Admiral|Wing[ \t]Commander|Squadron[ \t]Leader|Flt|Air)"
)
_BEFORE_NAME = re.compile(
    rf"(?:\b{_TITLES}\.?[ \t]+(?:(?:and|&)[ \t]+)?(?:\((?i:retd|rtd|ret|retired)\.?\)[ \t]+)?)+"
    r"(?:(?:[A-Z]\.[ \t]*|[A-Z][ \t]+){1,3})?$"
    r"|(?:^|(?<=[\s,(]))(?:[A-Z]\.[ \t]*){1,3}$"
)

# --- after a name ----------------------------------------------------------

# "Seán Ó Briain", "Ana de Souza", "Pieter van der Berg", "Seumas Mac an
# t-Saoir", "Elfed ap Dafydd", "Catrin ferch Owain"; "Sammy B" (an initial).
_PARTICLE = (
    r"(?:(?<=Mac )(?:an|na|nan)|(?<=Nic )(?:an|na|nan)|Ó|Ní|Nic|Mac|Mc|O['’]|de|da|di|do|dos|du|"
    r"van|von|der|den|ter|le|la|bin|binti|bint|ibn|al|el|ben|ap|ab|ferch|verch)"
)
_AFTER_NAME = re.compile(
    rf"(?:[ \t]+{_PARTICLE}(?=[ \t]+(?:[A-Z]|[a-z]-[A-Z]|{_PARTICLE}[ \t])))+"
    r"[ \t]+(?:[a-z]-)?[A-Z][\w'’-]+"
    r"|[ \t]+(?![AI]\b)[A-Z](?![\w'’.&])"
    # "Evans the Coal", "Dai the Post", "Jones the Milk": a name by trade
    r"|[ \t]+the[ \t]+(?:Coal|Post|Milk|Bread|Meat|Fish|Chips?|Bus|Garage|Shop|Van|Taxi|Oil|"
    r"Paper|Papers|Builder|Butcher|Baker|Farm|Bank|Gas|Sparks|Plumber|Chapel|Pub|Police|Vet|"
    r"Doctor|Car|Cars|Tractor|Sheep|Wool|Eggs|Fruit|Veg)\b"
)

# What a business named after someone sells or does, after the name: "&
# Sons", "Roofing", "Funeral Directors", "Money Transfer", "Ltd".
_PARTNERS = re.compile(
    r"[ \t]+(?:&|and|\+)[ \t]+(?:Sons?|Daughters?|Co\b\.?|Partners|Associates|Family|"
    r"[A-Z][\w'’-]+(?=[ \t]+(?:Solicitors|Accountants|Estate|Associates|LLP|Ltd)\b|"
    r"[ \t]*[,.;)]))"
)
_CAPITAL_WORD = re.compile(r"[ \t]+(&[ \t]+|and[ \t]+(?=[A-Z]))?([A-Z][^\W\d_A-Z][\w'’-]*)")
_COMPANY = word_set("ltd limited llp plc co inc")
# Words after a name that are not a business's: "Priya Raman Thanks", "Tom Monday".
_NOT_TRADE = word_set(
    """
    thanks thank cheers regards please help i i'm im and or but so the a an he she they we
    it its this that from at on in of to for by with said says told asked here there
    yesterday today tonight tomorrow again also too now then x xx xxx
    """
)
_BY_OR_WITH = re.compile(
    r"(?:^|(?<=[\s,(\"'“‘]))([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?[ \t]+(?:with|by)[ \t]+)$"
)

# --- a child's year and school after their name -----------------------------

_YEAR = r"(?:year|yr|y|primary|p|s)[ \t]?\d{1,2}\b"
_SCHOOL_WORDS = r"(?:school|academy|primary|college|high|grammar|juniors|infants|nursery)"
_YEAR_AFTER_NAME = re.compile(
    rf"(?:[ \t]*\((?=[^()\n]*\b(?i:year|yr|y)[ \t]?\d{{1,2}}\b)[^()\n]{{1,50}}\)"
    r"|(?i:(?:[ \t]*,[ \t]*|[ \t]+)(?:(?:who['’]s|who[ \t]+is|who[ \t]+attends|is|'s)[ \t]+)?"
    # a bracket opened is closed: "amy ross (s4 at braeview academy)" is
    # not "amy ross (s4" (the "(" went, the ")" stayed)
    rf"(?:in[ \t]+)?(?:\({_YEAR}\)|{_YEAR})))"
    rf"(?i:[ \t]*,?[ \t]*(?:both[ \t]+)?(?:at|in|@)[ \t]+(?:the[ \t]+)?"
    rf"(?-i:(?:(?:St\.?[ \t]+)?[A-Z][\w'’-]+[ \t]+){{0,4}}){_SCHOOL_WORDS}\b)?"
)
_BETWEEN_NAME_AND_SCHOOL = re.compile(
    r"(?i)[ \t]*(?:,|\()?[ \t]*(?:(?:who['’]s|who[ \t]+is|who[ \t]+attends|who[ \t]+goes[ \t]+to|"
    r"is|in|at|and)[ \t]+)*$"
)


_LOWER_GIVEN_BEFORE = re.compile(r"(?:^|(?<=[\s,(]))([a-z]{3,})[ \t]+$")
_LOWER_UNKNOWN_AFTER = re.compile(r"[ \t]+([a-z]{3,})(?=[ \t]*(?:[,.!?;]|$))")
# A surname in lower case after a lower-case given name: "mhairi macleod",
# "calum macneil", "kelsey marr", "paddy o'driscoll".
_LOWER_SURNAME_AFTER = re.compile(r"[ \t]+((mac|mc|o['’])?[a-z]{3,})\b(?!['’])")
# ("uns", "un": "these young uns", dialect for "ones"; round 13)
_SHORT_FORMS = word_set(
    "dob lol pls plz thx asap btw tbh omg idk innit wot coz cos tho gna bc uns un ens"
)
_NOT_LOWER_GIVEN = word_set(
    """
    the and but are was has had his her him its our you who she they them then than
    for with from not can did got get see saw met ask asked told call called rang love fae frae
    """
)


def _names(details: Iterable[Detail]) -> list[Detail]:
    return [d for d in details if d.category is Category.NAME]


def widen_names(text: str, found: Iterable[Detail]) -> Iterator[Detail]:
    """What goes with each name found (module docstring), as details that
    overlap the name, so the union replaces both."""
    every = list(found)
    for name in _names(every):
        before = _BEFORE_NAME.search(text, max(0, name.start - 60), name.start)
        if before is not None and before.end() == name.start and before.group(0).strip():
            yield Detail(before.start(), name.end, Category.NAME)
        given = _LOWER_GIVEN_BEFORE.search(text, max(0, name.start - 20), name.start)
        if given is not None and text[name.start : name.start + 1].islower():
            key = given.group(1)
            if (
                key in first_names()
                and key not in NOT_PERSONS
                and key not in _NOT_LOWER_GIVEN
                and key not in RELATIONS
            ):
                yield Detail(
                    given.start(1), name.end, Category.NAME
                )  # "tom baxter", "jade thompson"
        surname = _LOWER_SURNAME_AFTER.match(text, name.end)
        if (
            surname is not None
            and text[name.start : name.start + 1].islower()
            and (
                (surname.group(2) and surname.group(1) not in ordinary_words())
                or (
                    surname.group(1) in surnames()
                    and surname.group(1) not in ordinary_words()
                    and surname.group(1) not in _NOT_TRADE
                )
            )
        ):
            yield Detail(name.start, surname.end(1), Category.NAME)  # "mhairi macleod"
        unknown = _LOWER_UNKNOWN_AFTER.match(text, name.end)
        if unknown is not None and text[name.start : name.start + 1].islower():
            key = unknown.group(1)
            if not any(
                key in words for words in (ordinary_words(), NOT_PERSONS, _NOT_TRADE, _SHORT_FORMS)
            ):
                yield Detail(name.start, unknown.end(1), Category.NAME)  # "musa kamara,"
        after = _AFTER_NAME.match(text, name.end)
        if after is not None:
            yield Detail(name.start, after.end(), Category.NAME)
        business = _business_after(text, name)
        if business > name.end:
            yield Detail(name.start, business, Category.NAME)
        by_with = _BY_OR_WITH.search(text, max(0, name.start - 40), name.start)
        if by_with is not None and _business_words(by_with.group(1)):
            yield Detail(by_with.start(1), name.end, Category.NAME)  # "Paws with Kate"
        year = _YEAR_AFTER_NAME.match(text, name.end)
        if year is not None:
            yield Detail(name.start, year.end(), Category.SCHOOL)
        for school in every:
            if (
                school.category is Category.SCHOOL
                and name.end <= school.start <= name.end + 30
                and _BETWEEN_NAME_AND_SCHOOL.match(text[name.end : school.start])
                # "amy ross (s4 at braeview academy)": each keeps its own
                # label, and both brackets stay
                and "(" not in text[name.end : school.start]
            ):
                yield Detail(name.start, school.end, Category.SCHOOL)


def _business_words(words: str) -> bool:
    """Capitalised words that name a business, not a person or a place:
    "Paws", "Green Thumb"."""
    keys = [w.lower() for w in words.split()[:-1]]
    return bool(keys) and all(k not in first_names() and k not in NOT_PERSONS for k in keys)


def _business_after(text: str, name: Detail) -> int:
    """Where a business named after the person ends: "Tindall & Sons
    Roofing", "Kieran Doyle Landscapes", "Hartley's Hardware", "Ali's Cash
    and Carry"; the name's end if no business follows."""
    end = name.end
    if text[end : end + 2] in {"'s", "’s"}:
        end += 2  # "Ali's Cash and Carry", where the name found is "Ali"
    partners = _PARTNERS.match(text, end)
    if partners is not None:
        end = partners.end()
    possessive = text[name.start : end].endswith(("'s", "’s"))
    words = 0
    while words < 4:
        word = _CAPITAL_WORD.match(text, end)
        if word is None:
            break
        key = re.sub(r"['’]s$", "", word.group(2).lower())
        if key in _NOT_TRADE or key in NOT_PERSONS or (key in PLACE_WORDS and not possessive):
            break
        if key in _COMPANY:
            end = word.end()  # "Petrescu Builders Ltd"
            words += 1
            continue
        if word.group(1) and not (words or possessive):
            break  # "Mark Evans and Grace": two people
        if (
            not possessive
            and partners is None
            and (key not in ordinary_words() or (key in first_names() and not words))
        ):
            break  # "Priya Okonkwo", "Mark Evans and Grace": a surname or a name, not a trade
        end = word.end()
        words += 1
    return end if (words or partners is not None) else name.end


# --- shapes found by themselves -----------------------------------------------

# "big mikey", "lil t", "Big John", "little Kev": a nickname.
_NICKNAME = re.compile(
    r"(?<![\w'’])(?i:big|lil|lil'|little|young|fat|skinny)[ \t]+"
    r"([a-zA-Z][a-z]{0,2}(?![\w'’-])|[A-Za-z][a-z]+(?![\w'’-]))"
)
_ARTICLE_BEFORE = re.compile(
    r"(?i:\b(?:the|a|an|our|your|his|her|my|its|their|this|that|some|very|so|too)[ \t]+)$"
)
# "calls himself 'Smudge'", "known as "Tiny"": a nickname in quotes.
_QUOTED_NICKNAME = re.compile(
    r"(?i:\b(?:calls?|called)[ \t]+(?:him|her|them)sel(?:f|ves)|\bknown[ \t]+as|\bgoes[ \t]+by|"
    r"\bnicknamed|\baka|\bcalled|\bnamed)[ \t]+(?:the[ \t]+name[ \t]+(?:of[ \t]+)?)?"
    r"['\"“‘]([^'\"”’\n]{1,25})['\"”’]"
)
# "mark at number 12", "Lee at 47 Harrow Road", "jen from no 9": a given name
# where someone lives.
_WHERE_THEY_LIVE = re.compile(
    r"(?<![\w'’])([A-Za-z][a-z'’]{2,})(?=[ \t]+(?:(?i:at|from)[ \t]+(?:(?i:number|no\.?|flat)"
    r"[ \t]*)?|(?i:in)[ \t]+(?i:number|no\.?|flat)[ \t]*)"
    r"\d{1,3}[a-z]?\b(?![ \t]*(?i:am|pm|mph|minutes|mins|hours|o['’]clock|[:.]\d)))"
)
# Before a given name that is also a word ("mark at number 12"): someone spoken to.
_SPOKEN_TO = re.compile(r"(?i:\b(?:to|with|asked|told|and|saw|ask|tell|called|rang)[ \t]+)$")
# Two or more words in capitals that are names: "MR DAVID ALAN FORSYTH".
_CAPITALS = re.compile(
    r"\b(?:(?:MR|MRS|MS|MISS|DR)\.?[ \t]+)?[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’-]+)+\b"
)
# "dr patel", "mr henderson" in lower case.
_LOWER_TITLE = re.compile(r"\b(?:dr|mr|mrs|ms|pc|sgt)\.?[ \t]+([a-z][a-z'’-]+)\b")
# "sue's sandwich bar", "bella's nail bar": a given name's shop.
_LOWER_SHOP = re.compile(
    r"(?<![\w'’])([A-Za-z][a-z]+)['’]s[ \t]+(?:[a-z]+[ \t]+)?(?:bar|cafe|café|shop|salon|"
    r"barbers?|kitchen|takeaway|chippy|bakery|deli|stall|garage|studio|boutique|parlour|store|"
    r"nails|hair|florist|butchers?|bakers|newsagents?|off[ \t]licen[cs]e|restaurant|diner)\b"
)


_FAMILY_WORDS = word_set("mum mam dad nan nana gran mate bro sis son")
# "he goes by Smithy", "known as Tiny": a capitalised word after these is a
# name, even an everyday word.
_GOES_BY = re.compile(
    r"(?i:\b(?:goes|go|went)[ \t]+by(?:[ \t]+the[ \t]+name(?:[ \t]+of)?)?|\bknown[ \t]+as|"
    r"\bcalls?[ \t]+(?:him|her)sel(?:f|ves)|\bcall(?:s|ed)?[ \t]+(?:him|her|them)|"
    r"\bnicknamed|\baka)[ \t]+([A-Z][a-z'’-]+)\b"
)


# "paddy o'driscoll", "shona macrae", "iain marr": a given name and a
# surname, both in lower case (a Gaelic or Irish one, or neither an
# ordinary word).
_LOWER_GAELIC_NAME = re.compile(
    r"\b(?<!['’])([a-z]{3,})(?=[ \t]+((?:mac|mc|o['’])?[a-z]{3,})\b(?!['’]))"
)


# "dai the milk", "jones the post": a name by trade, in any case.
_BY_TRADE = re.compile(
    r"(?<![\w'’])([A-Za-z][a-z]+)[ \t]+the[ \t]+(?i:coal|post|milk|bread|meat|fish|chips?|"
    r"taxi|oil|paper|papers|builder|butcher|baker|gas|sparks|plumber|vet|tractor|sheep|wool|"
    r"eggs)\b"
)
# "07380 441902 (jade)", "ta. jay": a given name in brackets after a number,
# or after a thank-you that ends the message.
_NAME_IN_BRACKETS = re.compile(r"(?<=\d)[ \t]*\(([A-Za-z][a-z]+)\)")
_LOWER_SIGN_OFF = re.compile(
    r"(?i:\b(?:ta|thanks|thx|cheers|thank[ \t]+you|regards)[.,!]*[ \t]+)([a-z][a-z]+)\b"
    r"(?=[ \t]*(?:[.,!(\n]|$|x+\b))"
)


# Words after a thank-you that are not the writer's name.
_NOT_SIGNED = word_set(
    """
    mate m8 all again guys everyone everybody lads love hun hon babe pal bro sis officer
    officers team folks so much very loads in for advance anyway x xx xxx you u ra bye
    """
)


_PERSON_VERB_AFTER = re.compile(
    r"[ \t]+(?:reckons|says|said|told|tells|thinks|saw|seen|rang|texted)\b"
)


def _lower_shapes(text: str) -> Iterator[Detail]:
    """Names in lower case: a given name and a surname ("kath iveson
    reckons"), a name by trade, a name in brackets after a number, a
    sign-off."""
    for match in _LOWER_GAELIC_NAME.finditer(text):
        given, family = match.group(1), match.group(2)
        if given not in first_names():
            continue
        prefixed = re.match(r"mac|mc|o['’]", family) is not None
        unknown = not any(
            family in words for words in (ordinary_words(), first_names(), places(), _SHORT_FORMS)
        )
        # a surname no list has, only where a person's verb follows: "kath iveson reckons"
        unknown = unknown and _PERSON_VERB_AFTER.match(text, match.end(2)) is not None
        if (
            given in first_names()
            and given not in _NOT_LOWER_GIVEN
            and given not in RELATIONS
            and given not in NOT_PERSONS
            and family not in ordinary_words()
            and family not in NOT_PERSONS
            and (prefixed or (given not in ordinary_words() and (family in surnames() or unknown)))
        ):
            yield Detail(match.start(1), match.end(2), Category.NAME)
    for match in _BY_TRADE.finditer(text):
        key = match.group(1).lower()
        if (key in first_names() or key in surnames()) and key not in ordinary_words():
            yield Detail(match.start(), match.end(), Category.NAME)
    for pattern in (_NAME_IN_BRACKETS, _LOWER_SIGN_OFF):
        for match in pattern.finditer(text):
            key = match.group(1).lower()
            if key in _NOT_SIGNED or key in RELATIONS:
                continue  # "thanks mate", "cheers all"
            if key in first_names() and key not in NOT_PERSONS and key not in _NOT_LOWER_GIVEN:
                yield Detail(match.start(1), match.end(1), Category.NAME)


def find_people_shapes(text: str) -> Iterator[Detail]:
    """Names in the shapes of the module docstring, found by themselves."""
    yield from _lower_shapes(text)
    for match in _GOES_BY.finditer(text):
        key = match.group(1).lower()
        if key not in NOT_PERSONS and key not in PLACE_WORDS:
            yield Detail(match.start(1), match.end(1), Category.NAME)
    brands = brand_spans(text)
    for match in _NICKNAME.finditer(text):
        word = match.group(1).lower()
        if any(a <= match.start() < b for a, b in brands):
            continue  # "Big Ben"
        if _ARTICLE_BEFORE.search(text, max(0, match.start() - 8), match.start()):
            continue  # "the little Co-op", "a big will"
        short = len(word) <= 3 and word not in ordinary_words() and word not in _SHORT_FORMS
        if short or (word in first_names() and word not in _NOT_NICKNAMES) or word.endswith("y"):
            if word in ordinary_words() and word not in first_names():
                continue  # "big baby", "little bit"
            yield Detail(match.start(), match.end(), Category.NAME)
    for match in _QUOTED_NICKNAME.finditer(text):
        yield Detail(match.start(1), match.end(1), Category.NAME)
    for match in _WHERE_THEY_LIVE.finditer(text):
        word = match.group(1).lower()
        if word not in first_names() or word in NOT_PERSONS | _VERBS_AND_MONTHS:
            continue
        capital = match.group(1)[:1].isupper()
        first = re.fullmatch(r"\s*|.*[.!?\n]\s*", text[: match.start()], re.DOTALL) is not None
        if word in ordinary_words() and not (
            capital or first or _SPOKEN_TO.search(text, max(0, match.start() - 10), match.start())
        ):
            continue  # "the man at 52", "my van at 221 High St"
        yield Detail(match.start(1), match.end(1), Category.NAME)
    for match in _CAPITALS.finditer(text):
        yield from _names_in_capitals(match.group(0), match.start())
    for match in _LOWER_TITLE.finditer(text):
        word = match.group(1)
        if (word in surnames() or word in first_names()) and word not in ordinary_words():
            yield Detail(match.start(), match.end(), Category.NAME)
    for match in _LOWER_SHOP.finditer(text):
        key = match.group(1).lower()
        if key in first_names() and key not in _FAMILY_WORDS and key not in NOT_PERSONS:
            yield Detail(match.start(), match.end(), Category.NAME)


# Given names that are also everyday words after "big", "at": "big will", "may at 3";
# round 21: a word for a person ("big fella with a beard") is no nickname.
_NOT_NICKNAMES = word_set(
    """
    will may mark bill rob pat sue grace hope joy faith april june rose lily holly ivy
    guy jack bob dick art ray sunny sky river summer autumn mum dad man men lad boy girl
    green black white brown grey gray red blue silver
    fella fellah fellow bloke chap lass lassie geezer lady woman
    """
)
_VERBS_AND_MONTHS = word_set("will may june april august march can did done said")


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def repeat_names(text: str, found: Iterable[Detail]) -> Iterator[Detail]:
    """Every other place a capitalised word of a found name is written with a
    capital: "Poppy Lawson ... Poppy is 12", "spat at Ruby", "Mercy from
    Mercy's Hair & Beauty"; with a capitalised word after it that is no
    place's ("Janet ... Janet Marsh")."""
    every = list(found)
    names = _names(every)
    # a child named before their year ("Ruby (Year 4)") is a name too
    names += [
        Detail(d.start, d.start + len(first.group(0)), Category.NAME)
        for d in every
        if d.category is Category.SCHOOL
        and (first := re.match(r"[A-Z][a-z]+", text[d.start : d.end])) is not None
        and first.group(0).lower() in first_names()
        and first.group(0).lower() not in PLACE_WORDS
    ]
    keys: set[str] = set()
    lower_keys: set[str] = set()
    for name in names:
        for word in _WORD.finditer(text, name.start, name.end):
            raw = re.sub(r"['’]s$", "", word.group(0))
            key = raw.lower()
            if raw[:1].islower() and key in first_names() and len(key) >= 3:
                lower_keys.add(key)  # "sue's sandwich bar"
            if (
                raw[:1].isupper()
                and len(key) >= 3
                and key not in NOT_PERSONS
                and key not in PLACE_WORDS
                and key not in _TITLE_KEYS
            ):
                keys.add(key)
    if not keys and not lower_keys:
        return
    for word in _WORD.finditer(text):
        raw = re.sub(r"['’]s$", "", word.group(0))
        if raw[:1].islower() and raw in lower_keys:
            if _GIVEN_BEFORE.search(text, max(0, word.start() - 12), word.start()):
                yield Detail(word.start(), word.end(), Category.NAME)  # "its sue from"
            continue
        if not raw[:1].isupper() or raw.lower() not in keys:
            continue
        if any(d.start <= word.start() < d.end for d in every):
            continue
        following = re.match(r"[ \t]+([A-Z][\w'’-]+)", text[word.end() :])
        end = word.end()
        if following is not None:
            key = following.group(1).lower()
            if key in _STREET_TYPES:
                continue  # "Marsh Lane": a place
            if key not in NOT_PERSONS and key not in _NOT_TRADE:
                end = word.end() + following.end()
        yield Detail(word.start(), end, Category.NAME)


_STREET_TYPES = word_set(
    """
    road rd street st lane ln avenue ave close drive way crescent court gardens place square
    terrace mews parade park station school academy college primary hospital surgery centre
    church hall house estate
    """
)
_GIVEN_BEFORE = re.compile(r"(?i:\b(?:its|it['’]s|im|i['’]m|this is|called|named|ask for)[ \t]+)$")
_TITLE_KEYS = word_set(
    "mr mrs ms miss dr prof sir dame lady lord rev pc pcso sgt sergeant major colonel captain"
)


_CAPITAL_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr"})


def _names_in_capitals(run: str, offset: int) -> Iterator[Detail]:
    """The names in a run of words in capitals ("MR DAVID ALAN FORSYTH",
    "DARREN SMITH KEEPS ..."): a title or a given name that is no everyday
    word, then given names or surnames."""
    words = list(re.finditer(r"[^\s]+", run))
    index = 0
    while index < len(words):
        first = index
        if words[index].group(0).lower().strip(".") in _CAPITAL_TITLES:
            index += 1
        if index >= len(words):
            break
        key = words[index].group(0).lower()
        if not (key in first_names() and key not in ordinary_words() and key not in NOT_PERSONS):
            index = max(index, first) + 1
            continue
        last = index
        while last + 1 < len(words):
            nxt = words[last + 1].group(0).lower()
            if (
                (nxt in first_names() or nxt in surnames())
                and nxt not in NOT_PERSONS
                and nxt not in PLACE_WORDS
                and nxt not in _NOT_TRADE
            ):
                last += 1
            else:
                break
        if last > index or first < index:
            yield Detail(offset + words[first].start(), offset + words[last].end(), Category.NAME)
        index = last + 1
