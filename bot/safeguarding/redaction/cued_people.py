"""People singled out by a cue the word-by-word reader passes over (round 17).

One job: read what a phrase's *structure* says is a person's detail when the
words themselves are written in lower case, as a nickname, as a gamer tag,
or as a school with its year. Each reader looks for a cue and takes what the
cue points at, not a list of wordings:

- a nickname after "calls him", "they call her", "known as" ("everyone calls
  him perfume pete", "known as smudge"): NAME, the one or two words up to the
  end of the clause;
- a given name and a surname, both in lower case ("callum fisher", "tyler
  marsh"): NAME when the given name is in the name lists and no ordinary
  word, and the surname is in the surname lists; a surname that is also an
  ordinary word ("fisher", "bright", "moss") only after a cue that gives a
  name ("my names", "called", "asked");
- a tag after "goes by", "calling himself", "username" when it is shaped
  like a tag (digits, underscores, inner capitals: "xXDoverDestroyerXx") or
  said to be online ("lakesboy on Snapchat"): HANDLE;
- a school with a year before or after it, in any case ("st dominics yr 9",
  "yr 10 at the priory", "goes to Outwood academy city in year 11"): SCHOOL,
  the school and the year; a school that is only a generic word ("year 9 at
  the school") is no one's detail and stays;
- (round 20) a child's school with no year, after the child goes or is
  there ("my wee sis (13, goes tae Hyndland Secondary)", "our eldest
  attends Ysgol Bro Hyddgen"): SCHOOL, the school's name; a school named as
  a place ("outside Hyndland Secondary") stays;
- a home's name in lower case after "lives at" / "at" with a home word
  ("ivy cottage", "manor farm"): ADDRESS;
- a firm carrying an owner's initial or two surnames ("W. Dyson
  Groundworks", "Hughes & Parry Enforcement"): NAME;
- a role at the only workplace of its kind ("a bouncer at the only
  nightclub in strabane"): JOB, the town after it kept.

Where a lower-case pair may be a name but nothing says so, it is not
replaced: :func:`lower_case_name_doubts` gives it to the staff card's
"check: possibly a name" (docs/privacy.md).

Every reader yields ``Detail(start, end, category)``, character offsets into
the text given. Wordings: tests/bot/test_redaction_round17_rdet.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.job_reader import ROLE_NOUNS
from bot.safeguarding.redaction.lexicon import (
    NOT_PERSONS,
    PLACE_WORDS,
    brand_spans,
    first_names,
    ordinary_words,
    places,
    proper_nouns,
    surnames,
)

# Words that end a nickname's clause or cannot be one: "calls him names",
# "called her a liar", "call him back".
_NOT_A_NICKNAME = word_set(
    """
    a an the names name out back up over on off in at to every all that this it its me you
    him her them us and or but so if when because cos coz as by for from with who what
    whenever sometimes always never now later again too just everything anything something
    nothing stupid lazy fat ugly thick weird mad crazy liar liars slag slags bad words nasty
    horrible rude
    """
)
# The clause ends there; "call him virus and push him" is a taunt among
# other acts, not the name he goes by, so "and" does not end a nickname.
_END_OF_CLAUSE = (
    r"(?=[ \t]*(?:[.,;:!?)\n]|$|(?i:but|his|her|he|she|hes|shes|he's|she's|who|lol|cos|because"
    r"|so)\b))"
)
_NICKNAME = re.compile(
    r"(?i:\b(?:call|calls|called|calling)[ \t]+(?:him|her)|\bknown[ \t]+as|\bgoes[ \t]+by)"
    r"[ \t]+['‘\"“]?(?P<name>[a-z][a-z'’-]*[a-z0-9](?:[ \t]+[a-z][a-z'’-]*[a-z])?)['’\"”]?"
    + _END_OF_CLAUSE
)


def find_nicknames(text: str) -> Iterator[Detail]:
    """Nicknames in lower case after a cue that names someone ("calls him
    perfume pete", "known as smudge"), up to the end of the clause."""
    for match in _NICKNAME.finditer(text):
        words = match.group("name").lower().split()
        if any(word in _NOT_A_NICKNAME or word in NOT_PERSONS for word in words):
            continue
        yield Detail(match.start("name"), match.end("name"), Category.NAME)


# A cue that gives a name: "my names", "his name is", "called", "asked".
_GIVES_NAME = re.compile(
    r"(?i:\b(?:(?:my|his|her|their|the)[ \t]+)?(?:names?|name['’]s)(?:[ \t]+(?:is|was))?"
    r"|\bcalled|\bnamed|\basked|\btold|\bwith|\bby|\bof[ \t]+them[ \t]+is(?:[ \t]+called)?"
    r"|\b(?:is|was)[ \t]+called)[ \t,:]*$"
)
_LOWER_PAIR = re.compile(
    r"(?<![\w'’@.#])(?P<given>[a-z]{3,})(?=[ \t]+(?P<surname>[a-z]{3,})\b(?![@'’.]\w))"
)
_NOT_A_SURNAME = word_set(
    """
    and or but is was who the from at in on of to for with dob born age aged lives works said
    says he she they it its an just not so very really been got always also now still only
    never ever off out over up has had have did does will would can could should might must
    hes shes keeps kept went goes came comes lol tho though then when where what why how yes
    no are were this that these those there here you your my me his her our their them him
    """
)


def find_lower_case_full_names(text: str) -> Iterator[Detail]:
    """A given name and a surname in lower case ("callum fisher"): the
    given name in the name lists and no ordinary word (or, after a cue that
    gives a name, any given name), the surname in the surname lists and, if
    it is an ordinary word or a place word too, only after such a cue."""
    for match in _LOWER_PAIR.finditer(text):
        given, surname = match.group("given"), match.group("surname")
        if given not in first_names() or given in NOT_PERSONS or given in _NOT_A_SURNAME:
            continue
        if surname not in surnames() or surname in _NOT_A_SURNAME or surname in NOT_PERSONS:
            continue
        cued = _GIVES_NAME.search(text, max(0, match.start() - 30), match.start()) is not None
        plain_given = given not in ordinary_words() and given not in places()
        plain_surname = (
            surname not in ordinary_words()
            and surname not in PLACE_WORDS
            and surname not in places()
        )
        if (plain_given and plain_surname) or cued:
            yield Detail(match.start(), match.end("surname"), Category.NAME)


_RELATION_THEN_LOWER = re.compile(
    r"(?i:\b(?:my|our|his|her|their|me)[ \t]+(?P<relation>[a-z-]+)[ \t]+)"
    r"(?P<name>[a-z]{3,})(?=[ \t]*(?:,|(?:is|was|has|had|who|aged)\b|['’]s\b))"
)
_CHILD_WORDS = word_set("lad lass boy girl eldest youngest little oldest baby")


def find_lower_case_relations(text: str) -> Iterator[Detail]:
    """A given name in lower case after who the person is to the writer,
    before "is", "was", "has" or a comma ("my lad jack is 15", "our
    sister grace has"): NAME. The word must be a given name in the lists."""
    from bot.safeguarding.redaction.names import RELATIONS

    for match in _RELATION_THEN_LOWER.finditer(text):
        relation, name = match.group("relation").lower(), match.group("name")
        if relation not in RELATIONS and relation not in _CHILD_WORDS:
            continue
        if name not in first_names() or name in NOT_PERSONS or name in _NOT_A_SURNAME:
            continue
        if name in RELATIONS or name in _CHILD_WORDS:
            continue  # "my neighbours son is": a relation, not a name
        yield Detail(match.start("name"), match.end("name"), Category.NAME)


def lower_case_name_doubts(text: str) -> Iterator[tuple[int, int]]:
    """Lower-case pairs that may be a person's name but have no cue and a
    word that is ordinary too ("kieran bright reckons", "jack morrow"): not
    replaced, but shown to officers as "check: possibly a name" (start and
    end offsets, for ``names.find_doubtful_names``). A pair of two ordinary
    words ("will power") is no doubt."""
    for match in _LOWER_PAIR.finditer(text):
        given, surname = match.group("given"), match.group("surname")
        if given not in first_names() or given in NOT_PERSONS or given in _NOT_A_SURNAME:
            continue
        unknown = not (
            surname in ordinary_words() or surname in proper_nouns() or surname in places()
        )
        listed = surname in surnames() or (unknown and len(surname) >= 4)
        if not listed or surname in _NOT_A_SURNAME or surname in NOT_PERSONS:
            continue
        if given in ordinary_words() and surname in ordinary_words():
            continue
        if given in places() or surname in PLACE_WORDS:
            continue
        yield match.start(), match.end("surname")


_PLATFORMS = (
    r"(?i:online|on[ \t]+(?:snap(?:chat)?|insta(?:gram)?|tik[ \t]?tok|fb|facebook|twitter|x|"
    r"discord|xbox|psn|playstation|steam|fortnite|roblox|twitch|youtube|whatsapp|telegram|"
    r"reddit|kik|threads|live|the[ \t]+(?:game|app|headset|xbox|ps\d)))"
)
_TAG_CUE = re.compile(
    r"(?i:\bgoes[ \t]+by|\bcall(?:ing|s|ed)?[ \t]+(?:him|her|them)sel(?:f|ves)"
    r"|\busername(?:[ \t]+is)?"
    r"|\buser[ \t]+name(?:[ \t]+is)?|\bgamer[ \t]*tag(?:[ \t]+is)?|\bhandle(?:[ \t]+is)?"
    r"|\bcalled|\bnamed)[ \t:]+['‘\"“]?(?P<tag>@?[A-Za-z0-9_.]*[A-Za-z0-9_])['’\"”]?"
)
_TAG_SHAPE = re.compile(r"@|\d|_|[a-z][A-Z]")


def find_tags_by_cue(text: str) -> Iterator[Detail]:
    """A gamer tag or social handle named by a cue ("goes by
    xXDoverDestroyerXx online", "calling himself lakesboy on Snapchat"):
    tag-shaped, or a word in no list said to be online."""
    for match in _TAG_CUE.finditer(text):
        tag = match.group("tag")
        key = tag.lower()
        online = re.match(rf"[ \t]*{_PLATFORMS}", text[match.end() :]) is not None
        shaped = _TAG_SHAPE.search(tag) is not None and len(tag) >= 4
        unknown = (
            key not in ordinary_words()
            and key not in first_names()
            and key not in surnames()
            and key not in proper_nouns()
            and key not in places()
        )
        if (shaped and not tag.isdigit()) or (online and unknown and len(key) >= 4):
            yield Detail(match.start("tag"), match.end("tag"), Category.HANDLE)


_YEAR = r"(?i:(?:yr|year|y)[ \t]*(?:1[0-3]|[1-9])\b|reception\b)"
_SCHOOL_WORD = r"[A-Za-z][A-Za-z'’-]*"
_SCHOOL_STOP = word_set(
    """
    and but or so he she hes shes he's she's his her who lol in on at with n & is was has had
    got gets the a an we i my our they cos because if when where which that this it its too
    can you now last this next since for all
    """
)
_GENERIC_SCHOOL = word_set(
    """
    the a his her my our their same local new big school schools primary secondary academy
    high college nursery sixth form uni university juniors infants junior infant grammar
    comp comprehensive middle upper lower prep one there here moment minute time times weekend
    weekends night nights home end start front back gates gate
    """
)
_SCHOOL_THEN_YEAR = re.compile(
    rf"(?i:\b(?:at|goes[ \t]+to|go[ \t]+to|attends|from))[ \t]+"
    rf"(?P<school>{_SCHOOL_WORD}(?:[ \t]+{_SCHOOL_WORD}){{0,3}})[ \t]*,?[ \t]+"
    rf"(?:(?i:in)[ \t]+)?(?P<year>{_YEAR})"
)
# The year is a child's: "he is yr 9 at", "hes in year 10 at" (not "visit
# Year 1 and Year 2 at Kirkby Thore Primary").
_YEAR_THEN_SCHOOL = re.compile(
    r"(?i:\b(?:is|are|was|s|hes|shes|now|both|in))[ \t]+(?:(?i:in)[ \t]+)?"
    rf"(?P<year>{_YEAR})[ \t]+(?i:at)[ \t]+"
    rf"(?P<school>{_SCHOOL_WORD}(?:[ \t]+{_SCHOOL_WORD}){{0,4}})"
)


def _school_words(phrase: str, start: int, leading: bool) -> tuple[int, int] | None:
    """The school's own words in ``phrase`` (which starts at ``start``):
    after the year, they end at a word that starts a new clause or a town
    ("in alnwick"); before it, every word belongs. None when only generic
    words are left ("the school")."""
    words = list(re.finditer(_SCHOOL_WORD, phrase))
    if leading:
        kept = words
    else:
        kept = []
        for index, word in enumerate(words):
            key = word.group().lower().rstrip(".")
            if key in _SCHOOL_STOP and not (index == 0 and key in {"the", "a"}):
                break
            kept.append(word)
    while kept and kept[-1].group().lower() in {"the", "a", "an"}:
        kept.pop()
    if not kept or all(w.group().lower().strip("'’.") in _GENERIC_SCHOOL for w in kept):
        return None
    if leading and kept[0].group().lower() in {"the", "a"} and len(kept) == 1:
        return None
    return start + kept[0].start(), start + kept[-1].end()


def find_schools_with_years(text: str) -> Iterator[Detail]:
    """A school named with a child's year before or after it, in any case
    ("st dominics yr 9", "yr 10 at the priory", "Outwood academy city in
    year 11"): SCHOOL, from the school's first word to the year or from the
    year to the school's last word."""
    for match in _SCHOOL_THEN_YEAR.finditer(text):
        school = match.group("school")
        if school.split()[0].lower() in {"school", "the", "a", "my", "his", "her", "our"} and (
            len(school.split()) == 1
        ):
            continue
        span = _school_words(school, match.start("school"), leading=True)
        if span is None:
            continue
        if any(w.lower() in {"home", "work", "night", "weekends", "least"} for w in school.split()):
            continue
        yield Detail(span[0], match.end("year"), Category.SCHOOL)
    for match in _YEAR_THEN_SCHOOL.finditer(text):
        span = _school_words(match.group("school"), match.start("school"), leading=False)
        if span is None:
            continue
        yield Detail(match.start("year"), span[1], Category.SCHOOL)


# Round 20: a child's school with no year group. A child word ("my son",
# "ma wee sis", "our lad", "my grandson") and, in the same sentence, a verb
# that says the child goes there ("goes to", "goes tae", "attends", "is at",
# "started at"), then a school named in capitals with its school word
# ("Hyndland Secondary", "St Bede's RC Primary") or a Welsh "Ysgol ...".
# The school's name is taken; a school named as a place ("outside Hyndland
# Secondary", "the car park at Paignton Academy") has no child and stays.
_CHILD_WORD = (
    r"(?:son|sons|daughter|daughters|boy|boys|girl|girls|lad|lass|laddie|lassie|sis|sister|"
    r"bro|brother|kid|kids|child|children|bairn|bairns|wean|weans|grandson|granddaughter|"
    r"grandkid|grandkids|nephew|niece|stepson|stepdaughter|eldest|youngest|little[ \t]+one|"
    r"wee[ \t]+one|wee[ \t]+man|little[ \t]+man)"
)
_CHILD_GOES_TO = re.compile(
    r"(?i:\b(?:my|our|ma|me|his|her|their|mah)[ \t]+"
    r"(?P<age>(?:[4-9]|1\d)[ \t-]*(?:yrs?|years?)[ \t-]*old[ \t]+)?"
    r"(?:(?:wee|little|lil|eldest|youngest|oldest|middle|big|step|baby)[ \t]+)?"
    rf"{_CHILD_WORD}(?:['’]s)?\b(?P<gap>[^.!?\n]{{0,60}}?)\b"
    r"(?:(?:goes|go|gos|going|gone|started|starts|starting|is|s|'s|’s|hes|shes|are)"
    r"[ \t]+(?:at|to|tae|up[ \t]+to|up[ \t]+at)|attends|attend|attending)[ \t]+)"
    r"(?P<school>(?:St\.?[ \t]+)?[A-Z][\w'’-]+"
    r"(?:[ \t]+(?:[A-Z][\w'’-]*|of|the|&|C[ \t]of[ \t]E)){0,4})"
)
_SCHOOL_END = re.compile(
    r"(?i:[ \t](?:school|academy|college|primary|secondary|high|grammar|juniors?|infants?|"
    r"nursery|prep|comprehensive|comp)|^ysgol[ \t]+[a-zŵŷ])"
)
# The child's age said with the school (as round 14's "my son (12) goes to
# St Bede's Academy"): an age and a school make a year group; a school
# alone stays ("my son goes to Hayes School", tests/bot/test_redaction.py).
_CHILDS_AGE = re.compile(
    r"(?i:(?<![\d£.:/])(?:[4-9]|1\d)(?![\d:.%]|[ \t]*(?:mins?|minutes|hours?|hrs|am|pm|"
    r"miles?|mph|quid|p\b|days?|weeks?|months?|times))|"
    r"\b(?:four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen)\b)"
)
_SCHOOL_AS_A_PLACE_AFTER = re.compile(
    r"(?i:[ \t]*(?:car[ \t]?park|gates?|field|playing[ \t]+fields?|grounds|bus[ \t]+stop|"
    r"carpark|for[ \t]+(?:a|the)|disco|fair|fete|parents['’]?[ \t]+evening)\b)"
)


def find_childrens_schools(text: str) -> Iterator[Detail]:
    """A child's school named after the child goes or is there, with the
    child's age and no year group ("my wee sis (13, goes tae Hyndland
    Secondary)", "my lad's 14 and attends Ysgol Bro Hyddgen"): SCHOOL over
    the school's own name."""
    for match in _CHILD_GOES_TO.finditer(text):
        if not match.group("age") and not _CHILDS_AGE.search(match.group("gap")):
            continue  # "my son goes to Hayes School": a school alone stays
        start, end = match.span("school")
        words = list(re.finditer(r"\S+", text[start:end]))
        # the school's name ends at its school word ("Castle View School
        # Tuesday" is not one); a Welsh "Ysgol" leads ("Ysgol Penglais")
        if words[0].group().lower() == "ysgol":
            if len(words) == 1:
                continue
        else:
            ends = [i for i, w in enumerate(words) if _SCHOOL_END.search(" " + w.group())]
            if not ends or ends[-1] == 0:
                continue  # "goes to Primary", "is at Tesco": no named school
            end = start + words[ends[-1]].end()
        if _SCHOOL_AS_A_PLACE_AFTER.match(text, end):
            continue
        yield Detail(start, end, Category.SCHOOL)


_HOME_WORDS = r"(?:cottage|farm|farmhouse|lodge|barn|bungalow|house|hall|grange|manor|villa)"
_LOWER_HOME = re.compile(
    rf"(?i:\b(?:lives?|living|stays?|staying)[ \t]+(?:at|in))[ \t]+"
    rf"(?P<home>(?P<first>[a-z]{{3,}})(?:[ \t]+[a-z]{{3,}})?[ \t]+{_HOME_WORDS})\b"
)
_NOT_A_HOME_NAME = word_set(
    """
    the a an my his her our their your this that same old new big small council care nursing
    foster halfway safe open full shared student family mums mams dads nans grans mates
    friends parents sisters brothers staff holiday guest summer rented rental
    """
)


def find_lower_case_homes(text: str) -> Iterator[Detail]:
    """A home's name in lower case after "lives at" ("my gran lives at ivy
    cottage in cartmel"): the words before a home word, none of them an
    article or an everyday home ("a care home", "my mums house")."""
    for match in _LOWER_HOME.finditer(text):
        words = match.group("home").lower().split()[:-1]
        if any(word in _NOT_A_HOME_NAME for word in words):
            continue
        yield Detail(match.start("home"), match.end("home"), Category.ADDRESS)


_FIRM_WORD = r"(?:[A-Z][a-z]+|[A-Z]{2,})"
_INITIAL_FIRM = re.compile(
    rf"(?<![\w.])(?P<initial>[A-Z]\.)[ \t]*(?P<surname>(?:Mc|Mac|O['’])?[A-Z][a-z]+)"
    rf"[ \t]+{_FIRM_WORD}\b"
)
_PARTNERS_FIRM = re.compile(
    rf"(?<![\w'’])(?P<one>[A-Z][a-z]+)[ \t]*(?:&|and)[ \t]*(?P<two>[A-Z][a-z]+)[ \t]+{_FIRM_WORD}\b"
)


def find_firms_with_owners(text: str) -> Iterator[Detail]:
    """A firm carrying its owner: an initial with a full stop and a surname
    before a capitalised word ("W. Dyson Groundworks"), or two surnames
    joined by "&" before one ("Hughes & Parry Enforcement"). Brands stay."""
    brands = brand_spans(text)
    for match in _INITIAL_FIRM.finditer(text):
        if any(a <= match.start() < b for a, b in brands):
            continue
        surname = match.group("surname").lower()
        if surname in PLACE_WORDS or surname in NOT_PERSONS or surname in places():
            continue
        yield Detail(match.start(), match.end(), Category.NAME)
    for match in _PARTNERS_FIRM.finditer(text):
        if any(a <= match.start() < b for a, b in brands):
            continue
        one, two = match.group("one").lower(), match.group("two").lower()
        if one not in surnames() or two not in surnames():
            continue
        if any(w in places() or w in PLACE_WORDS for w in (one, two)):
            continue
        if one in ordinary_words() and two in ordinary_words():
            continue
        yield Detail(match.start(), match.end(), Category.NAME)


_ONLY_WORKPLACE = re.compile(
    r"(?i:\b(?:a|an|the)[ \t]+)?(?P<role>[a-z][a-z-]+)[ \t]+(?i:at|in|for)[ \t]+(?i:the)[ \t]+"
    r"(?i:only|one[ \t]+and[ \t]+only)[ \t]+(?P<place>[A-Za-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+)?)"
    r"(?=[ \t]+(?i:in|on|at|near|by|round|around|for)\b|[ \t]*(?:[.,;:!?)\n]|$))"
)


def find_roles_at_the_only_workplace(text: str) -> Iterator[Detail]:
    """A role at the only workplace of its kind ("a bouncer at the only
    nightclub in strabane"): JOB, from the role to the workplace; the town
    after it stays. The role is a word of job_reader's ROLE_NOUNS."""
    for match in _ONLY_WORKPLACE.finditer(text):
        if match.group("role").lower() not in ROLE_NOUNS:
            continue
        yield Detail(match.start(), match.end("place"), Category.JOB)
