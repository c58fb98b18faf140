"""Names with no lead-in: "Priya Raman said", "I asked jake", "Mr Kowalski".

A word is taken for a person's name from what it is and where it stands:

- it is a given name in the name lists (data/, built from Faker's person
  providers for every locale plus data/extra_names.txt) and not an ordinary
  English word (SCOWL's lower-case words): "Priya", "jake", "Chidi";
- or it is a given name that is also an ordinary word ("Mark", "Grace",
  "Will") and something says it is a person: a surname after it, a verb
  people do after it ("Will said"), or a lead-in before it ("asked Grace");
- or any capitalised word or surname with such a lead-in or verb;
- and a capitalised word after a name is its surname ("Priya Okonkwo").

Not taken: a word that starts a place ("Victoria Park", "Bell Lane", "St
Mary's", "Grace Road"), a shop or brand ("Tesco", "Sainsbury's"), months and
days. A capitalised word in mid-sentence that is none of these, nor an
ordinary word, and has nothing around it to say it is a person is *doubtful*:
not replaced in the suggestion, but named on the staff card ("check:
possibly a name").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.safeguarding.redaction.business import (
    TRADE_WORDS,
    find_business_names,
    find_families,
)
from bot.safeguarding.redaction.cued_people import lower_case_name_doubts
from bot.safeguarding.redaction.detail import Category, Detail, word_set
from bot.safeguarding.redaction.house import doubtful_homes
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

# A word: letters, with inner apostrophes or hyphens ("O'Brien", "Smith-Jones").
_TOKEN = re.compile(r"(?i:m8s?)\b|[^\W\d_]+(?:['’\-][^\W\d_]+)*")  # "m8": a mate
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


# A capitalised word before a name that makes the pair a place or a thing:
# "St Mary's", "West Wickham", "Lower Camden", "Operation Venice".
_PLACE_BEFORE = word_set(
    """
    st saint fort port mount mt lake loch north south east west upper lower great little
    long high kings queens bishops market chipping
    new old royal operation project
    """
)
_TITLE = word_set(
    """
    mr mrs ms miss mx dr prof sir dame lady lord auntie aunty uncle colonel col major
    captain capt rev revd reverend imam rabbi pastor cllr councillor
    """
)
# A police rank before a name: an officer, not a resident's detail.
_RANK = word_set("pc pcso dc ds di dci sgt sergeant insp inspector officer constable supt")
# Words before a name that say it is a person: "asked Grace", "with jake".
_LEAD_IN = word_set(
    """
    asked ask asking told tell telling called call calling rang ring phoned texted text
    messaged message dm'd dmed emailed saw seen see met meet named
    with by thanked blamed accused reported warned threatened attacked hit punched
    pushed followed harassed hassled chased robbed mugged bullied grabbed kicked
    """
)
# People named by who they are to the writer: "my brother-in-law Femi", "mum (Kerry)".
RELATIONS = word_set(
    """
    son daughter husband wife partner neighbour neighbor neighbours mum mom mam mother dad
    father brother sister friend boyfriend girlfriend nephew niece grandson granddaughter
    grandmother grandfather nan nana gran grandad grandma grandpa child kid lodger tenant
    landlord landlady carer colleague cousin uncle aunt auntie aunty fiance fiancee fiancé
    stepson stepdaughter stepmum stepdad flatmate housemate mate pal ex boss manager
    brother-in-law sister-in-law son-in-law daughter-in-law mother-in-law father-in-law
    bf gf hubby missus frend freind m8 m8s bestie bezzie sis bro cuz cuzzy oppo
    """
)
# Two words after which a given name that is also a word is a name when a
# surname follows it: "name on it is jade whitfield" (not "she is 9, van blue").
_NAME_IS = frozenset({("name", "is"), ("names", "is"), ("name's", "is")})


def _set_off(words: list[_Word], index: int, text: str) -> bool:
    """Between commas, or after a comma at a sentence's end: ", Martin, he"."""
    word = words[index]
    before = text[: word.start].rstrip(" \t")
    after = text[word.end :].lstrip(" \t")
    return before.endswith(",") and (after[:1] in {",", ".", "!", "?", ""})


def _pronoun_next(words: list[_Word], index: int) -> bool:
    """ "..., Martin, he works": a person's pronoun follows."""
    following = words[index + 1] if index + 1 < len(words) else None
    return following is not None and following.key in {"he", "she", "who", "he's", "she's"}


def _name_is(words: list[_Word], index: int) -> bool:
    """ "the name on it is ...", "his name now is ...": "is" after "name"."""
    if index < 2 or words[index - 1].key != "is":
        return False
    return any(w.key in {"name", "names"} for w in words[max(0, index - 5) : index - 1])


# Words after "my son", "my mate" that are not his name: "my brother will be".
_NOT_AFTER_RELATION = word_set(
    """
    will may can might must shall should would could did does do dont won't wont cant
    is was has had and or who got gets keeps kept said says told asks asked lives lived
    works
    """
)
# Words that give a name next: "its danny", "shes Rivka", "my names olamide".
_GIVES_NAME = word_set(
    """
    its it's im i'm names name's name called named shes she's hes he's thats that's aka
    nicknamed """
)
# Of those, the ones that say outright that a name comes next ("called tj"):
# after "its", "im", "shes" a lower-case word may be anything ("im writting").
_NAMES_NEXT = word_set("names name's name called named aka nicknamed")
# Lead-ins strong enough for a word with no other sign ("asked Chidi").
_STRONG_LEAD_IN = (_LEAD_IN - word_set("with by see seen saw")) | RELATIONS | _GIVES_NAME
# Two words that give a name next: "calls him Big Sully", "known as Gaz".
_GIVES_NAME_PAIRS = frozenset(
    {
        ("calls", "him"),
        ("calls", "her"),
        ("call", "him"),
        ("call", "her"),
        ("called", "him"),
        ("called", "her"),
        ("known", "as"),
        ("goes", "by"),
        ("go", "by"),
        ("name", "is"),
        ("names", "is"),
        ("it", "is"),
        ("this", "is"),
        ("she", "is"),
        ("he", "is"),
        ("was", "called"),
        ("called", "himself"),
        ("called", "herself"),
        ("calls", "himself"),
        ("calls", "herself"),
        ("they", "call"),
        ("himself", "as"),
        ("herself", "as"),
    }
)
# Words before a capitalised word that make it a place or a thing ("in Hayes",
# "the Glades", "on Nextdoor"): such a word is a person only when it is
# plainly a given name.
_PLACE_LEAD_IN = word_set(
    """
    in at near around outside opposite towards toward into past behind via through across
    round nearby on onto off along up down the a an this that these those our your their its
    """
)
# Words after a name that say it is a person: "Will said", "jake told me".
_PERSON_VERBS = word_set(
    """
    said says saying told tells asked asks rang rings called calls texted texts messaged
    replied shouted screamed threatened threatens lives lived works worked who whose
    is was has had and keeps kept came comes went goes got gets hit punched pushed
    stole steals took takes knows knew thinks thought reckons wants wanted reckoned
    """
)
# Of those, the ones that alone (no other sign) make a capitalised word a person.
_STRONG_PERSON_VERBS = _PERSON_VERBS - word_set(
    "is was has had and who whose got gets came comes went goes keeps kept took takes"
)
# Capitalised words that the sentence gives no reason to doubt.
_NEVER_DOUBTFUL = word_set(
    """
    i i'm i've i'd i'll im ive id ok okay hi hello hey dear thanks cheers pls asap fyi btw
    tbh omg lol cctv asb ppl dob nhs gp ae a&e mp dvla dwp hmrc tv uk eu usa us
    carer carers careworker pcso pcsos ebike escooter scooter airbnb uber
    """
)
# Scots, Welsh and other words in the name lists that are never a name, in any
# case: "hes fae Pollokshields", "wi nae lights", "Diolch" (Welsh "thanks") as
# a sign-off, "Joke." as a last word, "my neighbour's veg patch", "the
# other boy father come to our flat".
_NEVER_NAMES = word_set(
    """
    fae frae nae doon hame oot aboot wi wean weans bairn bairns cannae dinnae wouldnae
    couldnae didnae isnae wasnae gonnae wantae tae yous aye naw och hoose toon
    diolch iawn hwyl bore nos cariad
    joke jokes veg come comes coming
    reet nowt owt summat mardy ginnel snicket
    nan nana nanna nanny gran granny grandma grandad grandpa gramps grampa
    buna bună ziua
    german french polish romanian spanish italian dutch turkish kurdish
    roma romani romany gypsy gypsies man
    """
)
# (round 13: "cos hes Romani", "a Roma family": a people, never a name;
# "Man calls himself Gary": a sentence's first word)
# Lower-case words in the name lists that are not names when written so.
_NOT_LOWER_NAMES = word_set(
    """
    nan nana nanna gran nat ins mum mam dad bro sis fam bruv hun babe mate pal lad lads
    innit gonna wanna gotta kinda lol tho thru cos coz ya yeah yep nah pls plz
    til tru sed abit alot fella sne reg ave tel ring more less too also again still
    telly tele staffy staffie brekkie maccies chippy offie bossman
    ned neds
    """
)
# "McDonald", "O'Brien", "MacKenzie", "DeShawn": inner capitals a name may have.
_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|O['’]|D['’]|De|Di|La|Le|Van|Fitz)(?=[A-Z])")


def _written_as_name(raw: str) -> bool:
    """A capital, then small letters, in each part: "Priya", "O'Brien",
    "McDonald", "Smith-Jones", "Wiśniewski"; not "NINO", "TfL", "iPhone"."""
    parts = re.split(r"[\-'’]", _NAME_PREFIX.sub("", _POSSESSIVE.sub("", raw)))
    return all(p[:1].isupper() and (len(p) == 1 or p[1:].islower()) for p in parts if p)


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str
    key: str  # lower case, without a final "'s"
    capital: bool
    sentence_start: bool


def _tokens(text: str) -> list[_Word]:
    words: list[_Word] = []
    for match in _TOKEN.finditer(text):
        raw = match.group(0)
        if match.end() < len(text) and (text[match.end()].isdigit() or text[match.end()] == "_"):
            continue  # part of a username or code ("gary2011"): not a word
        if match.start() and (
            text[match.start() - 1] in "@#_" or text[match.start() - 1].isdigit()
        ):
            continue  # "@jaz", "#tag", the "st" of "1st"
        key = _POSSESSIVE.sub("", raw.lower().replace("’", "'"))
        before = text[: match.start()].rstrip(" \t\"'“‘(")
        sentence_start = not before or before[-1] in ".!?\n:;" or before.endswith(("-", "–"))
        capital = _written_as_name(raw)
        words.append(_Word(match.start(), match.end(), raw, key, capital, sentence_start))
    return words


def _adjacent(text: str, left: _Word, right: _Word) -> bool:
    """Only spaces between, or a full stop and spaces after an initial or a
    short form ("J. Smith", "Mr. Khan", "St. Mary's"): not a sentence's end."""
    between = text[left.end : right.start]
    if re.fullmatch(r"[ \t]+", between) is not None:
        return True
    short = (
        len(left.text) == 1
        or left.key in _TITLE
        or (left.key in _RANK and len(left.key) <= 4)  # "Sgt.", not "constable."
        or left.key == "st"
    )
    return short and re.fullmatch(r"\.[ \t]+", between) is not None


def _is_place(words: list[_Word], index: int, text: str) -> bool:
    """The word is part of a place's or a thing's name: a capitalised run
    ending in a place word ("Victoria Park", "Bell Lane", "St Mary's Church",
    "Clare's Law"), or after "St", "West", "Operation"..."""
    word = words[index]
    if (
        word.key in _PLACE_BEFORE
        and index + 1 < len(words)
        and words[index + 1].capital
        and _adjacent(text, word, words[index + 1])
    ):
        return True  # "West" of "West Wickham"
    if index > 0:
        previous = words[index - 1]
        if (
            previous.key.rstrip(".") in _PLACE_BEFORE
            and previous.capital
            and _adjacent(text, previous, words[index])
        ):
            return True
    position = index
    while position + 1 < len(words) and _adjacent(text, words[position], words[position + 1]):
        following = words[position + 1]
        if following.key in PLACE_WORDS and (following.capital or position == index):
            then = words[position + 2] if position + 2 < len(words) else None
            said = then is not None and not then.capital and then.key in _STRONG_PERSON_VERBS
            return not said  # "Victoria Park", "Ely station"; but "Neil Heath said"
        if not following.capital:
            return False
        position += 1
    return False


# Common ways a word is typed wrong: "recieved", "useing", "beleive",
# "truely", "msgs" (a word without its vowels).
_SHORTENED = word_set("msg msgs txt txts pic pics plz pls ppl bc coz cuz tmrw tmw tho thx wkend")


def _misspelt(key: str) -> bool:
    """A lower-case word that is an ordinary word typed wrong: "ie" and "ei"
    swapped, an "e" added before an ending or a letter doubled or dropped,
    or a texting short form."""
    words = ordinary_words()
    if key in _SHORTENED:
        return True
    if len(key) < 5:
        return False
    swapped = key.replace("ie", "\0").replace("ei", "ie").replace("\0", "ei")
    if swapped != key and swapped in words:
        return True
    for ending in ("eing", "eed", "ely"):
        if key.endswith(ending) and key[: -len(ending)] + ending[1:] in words:
            return True  # "useing", "truely"
    for i in range(1, len(key)):
        if key[i] == key[i - 1] and key[:i] + key[i + 1 :] in words:
            return True  # "untill", "realy" below
    return any(key[:i] + key[i] + key[i:] in words for i in range(1, len(key)) if key[i].isalpha())


def _kind(word: _Word) -> str:
    """ "name" (a given name, not an ordinary word), "ambiguous" (a given name
    that is also an ordinary word or a place), "surname", "proper" (a place,
    a people...), "ordinary" or "unknown"."""
    key = word.key
    if key in NOT_PERSONS or key in _NEVER_DOUBTFUL or key in _NEVER_NAMES or len(key) < 2:
        return "ordinary"
    if not word.capital and not word.text.islower():
        return "ordinary"  # "NINO", "TfL", "PCSOs", "PC": initials and brands
    if key.endswith("in") and key + "g" in ordinary_words():
        return "ordinary"  # "sayin", "gettin": a word with its g dropped
    ordinary = key in ordinary_words()
    if key in first_names():
        if ordinary:
            return "ambiguous"
        return "proper name" if key in proper_nouns() else "name"
    if ordinary:
        return "ordinary"
    if not word.capital and _misspelt(key):
        return "ordinary"  # "recieved", "useing", "msgs": a word typed wrong
    if key in proper_nouns():
        return "proper"
    if key in surnames():
        return "surname"
    parts = [p for p in re.split(r"[-']", key) if p]
    if len(parts) > 1 and all(p in first_names() or p in surnames() for p in parts):
        if any(p in first_names() and p not in ordinary_words() for p in parts):
            return "name"  # "Lily-Mae", "Smith-Okafor"
        return "surname"
    return "unknown"


@dataclass(frozen=True)
class Doubt:
    """A capitalised word that may be a name: shown to officers, not replaced."""

    start: int
    end: int


def _person(words: list[_Word], kinds: list[str], index: int, text: str) -> tuple[bool, bool]:
    """(is a person's name, is doubtful) for the word at ``index``."""
    word, kind = words[index], kinds[index]
    previous = words[index - 1] if index else None
    after = words[index + 1] if index + 1 < len(words) else None
    prev_key = previous.key.rstrip(".") if previous is not None else ""
    joined = previous is not None and _adjacent(text, previous, word)
    gives_name = not word.sentence_start and (
        prev_key in _GIVES_NAME
        or (index >= 2 and (words[index - 2].key, prev_key) in _GIVES_NAME_PAIRS)
    )
    if (
        gives_name
        and word.capital
        and kind in {"ordinary", "ambiguous"}
        and after is not None
        and after.capital
        and _adjacent(text, word, after)
        and word.key not in NOT_PERSONS
        and after.key not in NOT_PERSONS
        and after.key not in PLACE_WORDS
    ):
        return True, False  # "calls him Big Sully"
    if (
        word.capital
        and kind not in {"ordinary", "proper"}
        and word.key not in PLACE_WORDS
        and _name_is(words, index)
        and not _is_place(words, index, text)
    ):
        return True, False  # "name inside is Tendai Moyo"
    if (
        word.capital
        and kind in {"ambiguous", "proper name"}
        and not word.sentence_start
        and _set_off(words, index, text)
        and (not _in_address(words, index, text) or _pronoun_next(words, index))
        and not _is_place(words, index, text)
    ):
        return True, False  # "the bloke at no 12, Martin, he works", "from 19, Jordan."
    if kind == "ambiguous" and len(word.key) <= 2 and not (gives_name and word.capital):
        return False, False  # "My", "An", "Al": too short to tell
    if (
        prev_key in _RANK
        and joined
        and word.capital
        and word.key not in PLACE_WORDS
        and (
            word.key in surnames() or word.key in first_names() or word.key not in ordinary_words()
        )
    ):
        # "PC Harris", "Sergeant Malik", a caller's "Detective Sergeant Morrison":
        # a name all the same (the officer can put it back)
        return True, False
    titled = prev_key in _TITLE and joined and previous is not None and previous.capital
    if titled and (word.capital or kind in {"name", "proper name", "surname", "unknown"}):
        return True, False  # "Mrs Okafor", "Mr Harold Green", "mr henderson"; not "Sir or Madam"
    if (
        prev_key in RELATIONS
        and word.capital
        and not word.sentence_start
        and word.key in first_names()
        and not _is_place(words, index, text)
    ):
        return True, False  # "our neighbour April", "my daughter May", "my son Will"
    if kind == "ordinary" or word.key in PLACE_WORDS or _is_place(words, index, text):
        return False, False
    # a lead-in counts in the same sentence only: "... a 999 call? My daughter"
    pair = (words[index - 2].key, prev_key) if index >= 2 else ("", "")
    lead_in = prev_key in _LEAD_IN and not word.sentence_start
    strong_lead_in = (
        prev_key in _STRONG_LEAD_IN or pair in _GIVES_NAME_PAIRS
    ) and not word.sentence_start
    place_lead_in = prev_key in _PLACE_LEAD_IN
    and_theirs = (  # "Hope and her sister", "Gang and his mates"; not "of Anerley and I"
        prev_key not in _PLACE_LEAD_IN | {"of", "from", "to", "near", "in", "at"}
        and not _in_address(words, index, text)
        and after is not None
        and after.key == "and"
        and index + 2 < len(words)
        and words[index + 2].key in {"her", "his", "their", "my", "i", "me"}
    )
    verb = and_theirs or (
        after is not None
        and not after.capital
        and after.key in _PERSON_VERBS
        and after.key != "and"
        and re.fullmatch(r",?[ \t]+", text[word.end : after.start]) is not None
    )
    strong_verb = and_theirs or (verb and after is not None and after.key in _STRONG_PERSON_VERBS)
    surname_follows = (
        after is not None
        and after.capital
        and not after.sentence_start
        and _adjacent(text, word, after)
        and after.key not in PLACE_WORDS
        and (kinds[index + 1] in {"name", "surname", "unknown"} or after.key in surnames())
    )
    if not word.capital:
        if word.key in _NOT_LOWER_NAMES or len(word.key) < (2 if gives_name else 3):
            return False, False
        if kind == "name" or (
            kind == "proper name" and not place_lead_in and not _in_address(words, index, text)
        ):
            return True, False  # "i asked jake", "priya said"
        if (
            kind == "ambiguous"
            and (word.text[-2:] in {"'s", "’s"} or prev_key in {"im", "i'm", "its", "it's"})
            and not (index + 1 < len(words) and words[index + 1].key in _PERSON_VERBS)
        ):
            # "tom's dog", "im precious": a name or a word; the card asks
            return False, word.key not in _NOT_AFTER_RELATION | RELATIONS | {"else", "over", "fed"}
        if (
            (prev_key in _NAMES_NEXT or pair in _NAME_IS or _name_is(words, index))
            and kind == "ambiguous"
            and after is not None
            and not after.capital
            and kinds[index + 1] in {"surname", "name", "proper name", "proper"}
        ):
            return True, False  # "name on it is jade whitfield"
        if strong_lead_in and (
            prev_key in RELATIONS or prev_key in _NAMES_NEXT or pair in _GIVES_NAME_PAIRS
        ):
            # "my neighbour sandeep", "was called tj": a word that is no ordinary word;
            # "my mate john": a given name that is one, unless it is a verb here
            if kind == "ambiguous":  # "my neighbour's son": a relation is no name
                told = prev_key in RELATIONS or prev_key in _NAMES_NEXT  # not "it is long"
                keep = word.key in _NOT_AFTER_RELATION or word.key in RELATIONS
                return told and not keep, False
            return kind in {"surname", "unknown", "proper name"}, False
        if strong_lead_in and prev_key in _GIVES_NAME:
            # "its mohammed", "im olamide", but not "im writting": a known name only
            return kind in {"surname", "proper name"}, False
        if kind == "proper name":
            return False, True  # "near hayes"
        return kind in {"surname", "unknown"} and strong_lead_in and strong_verb, False
    if _signs_off(words, index, text):
        return kind != "proper", False  # "... Peter", "Jade x" as the last words
    if kind == "name":
        if word.text[-2:] in {"'s", "’s"} and (place_lead_in or prev_key == "from"):
            return False, True  # "from Nando's", "at Greggs's": a shop, perhaps
        if _in_address(words, index, text) and not surname_follows:
            return False, True  # "the bus to Camden", "someone from Kenley": ask
        return True, False
    if kind == "proper name":  # "Lucy", "Kerry", "Hayes", "Venice": a person or a place
        near_place = place_lead_in or prev_key == "from" or _in_address(words, index, text)
        if near_place and not (surname_follows or (verb and prev_key != "from")):
            return False, True  # "in Hayes", "near Camden": ask
        return True, False
    possessive = word.text[-2:] in {"'s", "’s"}
    owner = (
        possessive
        and not place_lead_in
        and after is not None
        and not after.capital
        and after.key not in _PERSON_VERBS
    )
    if kind == "ambiguous":
        person = (
            owner  # "Mark's van was there", "Grace's son"
            or surname_follows
            or strong_lead_in
            or (strong_verb and not place_lead_in)
            or (not word.sentence_start and not place_lead_in and (lead_in or verb))
        )
        return person, not person and not word.sentence_start
    # a surname, a proper noun or an unknown word: a person when a lead-in or a
    # verb says so, or when a known surname follows ("Xiaoming Zhang")
    known_surname_follows = surname_follows and after is not None and kinds[index + 1] == "surname"
    person = (
        strong_lead_in or (strong_verb and not place_lead_in) or known_surname_follows or owner
    ) and (
        kind != "proper" or (strong_lead_in and not place_lead_in and prev_key not in _GIVES_NAME)
    )
    doubtful = not person and not word.sentence_start and kind != "proper"
    return person, doubtful


# "moved to Hayes", "came from Camden": a place after these and "to" or "from".
_MOTION = word_set(
    """
    move moved moving went go goes going gone drove drive driving walked walk walking came
    come comes coming travel travelled travelling back way trip bus train ride commute
    """
)


# "someone from Camden", "lads from Kingston": where people come from.
_PEOPLE = word_set(
    """
    someone somebody people man men woman women lad lads guy guys bloke blokes kids
    family families gang gangs boys girls youths one anyone everyone those them group
    """
)


def _in_address(words: list[_Word], index: int, text: str) -> bool:
    """After a place word and a comma ("9 Meadow Close, Hayes"), or after
    "moved to" / "came from": a town, not a person."""
    if index == 0:
        return False
    previous = words[index - 1]
    between = text[previous.end : words[index].start]
    if previous.key in PLACE_WORDS and previous.capital and between.strip() == ",":
        return True
    if previous.key not in {"to", "from"} or index < 2:
        return False
    if any(c.isdigit() for c in between):
        return False  # "the lad from 19, Jordan": a house number, then a person
    before = words[index - 2].key
    return before in _MOTION or (previous.key == "from" and before in _PEOPLE)


_SIGN_OFF_END = re.compile(
    r"[ \t]*(?:[.!,]|[ \t]+x+|[ \t]+[A-Z][a-z]+)?[ \t]*[.!]?[ \t]*(?:\([^()\n]{1,40}\))?\s*$"
)


def _signs_off(words: list[_Word], index: int, text: str) -> bool:
    """The word starts the last line or the last sentence and only a surname,
    kisses ("x") or a full stop follow it: "... BR3 4PE. Peter", "Jade x"."""
    word = words[index]
    if not word.sentence_start or _SIGN_OFF_END.fullmatch(text, word.end) is None:
        return False
    if text[word.end :].lstrip(" \t.!,").startswith("("):
        return True  # "Martin (club sec)"
    following = words[index + 1] if index + 1 < len(words) else None
    if (
        following is not None
        and following.capital
        and (following.key in NOT_PERSONS or following.key in ordinary_words())
    ):
        return False  # "Merry Christmas", "Happy Easter"
    return index + 1 >= len(words) or words[-1].capital or words[-1].key.strip("x") == ""


# After these a capitalised word is most likely a place: no doubt is raised
# ("from China", "in Brixton", "near Limehouse"). "at" is not among them: "at
# Fernleigh" may be a house.
_PLACE_PREPOSITIONS = word_set(
    "in near from to into between around via towards toward outside opposite past through"
)


def _worth_asking(words: list[_Word], index: int, text: str) -> bool:
    """A doubtful word worth an officer's look: not after a place's
    preposition, not the second word of a capitalised run ("Tesco Metro",
    "Woodside Junior", "Holy Trinity")."""
    if index == 0:
        return True
    previous = words[index - 1]
    if previous.key in _PLACE_PREPOSITIONS or previous.key in {"the", "a", "an"}:
        return False  # "in Croydon", "the Red Lion": a place or a thing
    if previous.key.rstrip(".") in _RANK or previous.key.rstrip(".") in _TITLE:
        return True  # "Sergeant Patel": the officer decides
    return not (previous.capital and _adjacent(text, previous, words[index]))


# English words that other languages written in Latin letters rarely have.
_ENGLISH_MARKERS = word_set(
    """
    the to and my is on of for it me you he she they we at was with this that but not
    have has are what can there our his her been from just about if so who im i'm its it's
    """
)


def _english(words: list[_Word]) -> bool:
    """The question is written in English (text-speak too: "askin for a m8
    lol (its danny)"): two or more of the commonest English words, or half
    its lower-case words English ones. In Welsh, Polish or Punjabi in Latin letters, lower-case
    words that happen to be in the name lists ("allan", "gaye", "rio") are
    not taken and no doubt is raised (docs/privacy.md)."""
    markers = sum(w.key in _ENGLISH_MARKERS or w.text.lower() in _ENGLISH_MARKERS for w in words)
    small = [w.key for w in words if w.text.islower()]
    ordinary = sum(w in ordinary_words() for w in small)
    return markers >= 2 or len(small) < 3 or ordinary >= 0.5 * len(small)


def _joined_to_a_name(words: list[_Word], index: int, sure: list[tuple[int, int]]) -> bool:
    """The word follows "and" after a name already found, or "me and"."""
    if index < 2 or words[index - 1].key not in {"and", "&", "or"}:
        return False
    if words[index - 2].key in {"me", "i"}:
        return True
    return bool(sure) and sure[-1][1] == index - 2


def _classify(text: str) -> tuple[list[Detail], list[Doubt]]:
    words = _tokens(text)
    if not _english(words):
        # only capitalised words within a sentence can be names ("Mae dyn ..." is Welsh)
        words = [w for w in words if w.capital and not w.sentence_start]
        for_doubts: list[_Word] = []
    else:
        for_doubts = words
    brands = brand_spans(text)
    kinds = ["ordinary" if any(a <= w.start < b for a, b in brands) else _kind(w) for w in words]
    sure: list[tuple[int, int]] = []  # word index ranges [first, last]
    doubts: list[int] = []
    index = 0
    while index < len(words):
        if any(a <= words[index].start < b for a, b in brands):
            index += 1  # "Dr Martens", "Sue Ryder": a brand
            continue
        person, doubtful = _person(words, kinds, index, text)
        if person and _street_after_a_title(words, index, text):
            person, doubtful = False, False  # "on Lord Street", "Lady Lane"
        if not person and doubtful and _joined_to_a_name(words, index, sure):
            person = True  # "Oluwaseun and Temitope", "me and Bartłomiej"
        if not person:
            if doubtful and for_doubts and _worth_asking(words, index, text):
                doubts.append(index)
            index += 1
            continue
        word = words[index]
        last = index
        previous = words[index - 1] if index else None
        titled = (
            previous is not None
            and previous.key.rstrip(".") in _TITLE
            and previous.capital
            and _adjacent(text, previous, word)
        )
        # a surname (or a second given name) after it: "Priya Raman", "priya raman"
        while last + 1 < len(words) and _adjacent(text, words[last], words[last + 1]):
            nxt, nxt_kind = words[last + 1], kinds[last + 1]
            then = words[last + 2] if last + 2 < len(words) else None
            said = then is not None and not then.capital and then.key in _STRONG_PERSON_VERBS
            if (nxt.key in PLACE_WORDS and not titled and not said) or nxt.sentence_start:
                break  # "Grace Road"; but "Neil Heath said"
            if nxt.capital and (
                nxt_kind != "ordinary" or nxt.key in surnames() or kinds[index] == "ordinary"
            ):
                last += 1  # "Priya Okonkwo", "Mark Baker", "Big Sully"
            elif not nxt.capital and not word.capital and nxt_kind in {"name", "surname", "proper"}:
                last += 1
            elif (
                not nxt.capital
                and not word.capital
                and nxt.key in surnames()
                and nxt.key not in _NOT_LOWER_NAMES
                and re.match(r"\s*(?:[,.!?;:]|$)", text[nxt.end :]) is not None
            ):
                last += 1  # "my name's lucy brown, ..."
            else:
                break
        first = index - 1 if titled else index
        if not titled and index > 0 and (not sure or sure[-1][1] < index - 1):
            before = words[index - 1]
            if (
                before.capital
                and _adjacent(text, before, word)
                and kinds[index - 1] in {"proper", "unknown", "name", "proper name", "surname"}
                and not _is_place(words, index - 1, text)
            ):
                first = index - 1  # "Zebedee Quixotefield's": the given name before
        sure.append((first, last))
        index = last + 1
    details = [Detail(words[a].start, words[b].end, Category.NAME) for a, b in sure]
    # a doubt that is the same word as a sure name elsewhere is sure too
    named = {words[i].key for a, b in sure for i in range(a, b + 1)}
    found: list[Doubt] = []
    for i in doubts:
        if words[i].key in named:
            details.append(Detail(words[i].start, words[i].end, Category.NAME))
        else:
            found.append(Doubt(words[i].start, words[i].end))
    return details, found


def _shouted(text: str) -> bool:
    """Written in capitals: "MY NEIGHBOUR DAVE KEEPS PARKING"."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


# Street words that after a title are a street's name, never a surname:
# "Lord Street", "Lady Lane", "Queen Street" ("Neil Heath said" is a person).
_STREET_AFTER_TITLE = word_set(
    "street st road rd lane ln avenue ave close drive crescent terrace row way mews gardens"
)


def _street_after_a_title(words: list[_Word], index: int, text: str) -> bool:
    word = words[index]
    if index == 0 or word.key not in _STREET_AFTER_TITLE or not word.capital:
        return False
    previous = words[index - 1]
    return previous.key.rstrip(".") in _TITLE and _adjacent(text, previous, word)


# "3rd Jan 85", "Jan 1985": a month's short form in a date, not the name Jan.
_SHORT_MONTH = re.compile(r"(?i:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?")
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?$")
_YEAR_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:\d{4}|\d{2})\b|[ \t]+\d{1,2}(?:st|nd|rd|th)\b")


def _month_in_a_date(text: str, detail: Detail) -> bool:
    if not _SHORT_MONTH.fullmatch(text, detail.start, detail.end):
        return False
    return bool(
        _DAY_BEFORE.search(text, max(0, detail.start - 12), detail.start)
        or _YEAR_AFTER.match(text, detail.end)
    )


# A number in words where a name would stand is an age: "eighty-three"
_AGE_IN_WORDS = re.compile(
    r"(?i:(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|ninty)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
)


# A point of the compass ending a road's name: "Spring Bank West", "Meadow
# View North" (round 13, the eleventh set).
_COMPASS_AFTER_A_ROAD = re.compile(
    r"\b(?:on|along|off|down|up|onto|across)[ \t]+(?:[A-Z][a-z]+[ \t]+)+"
    r"(?:Bank|Side|View|End|Dene|Lea|Garth|Road|Street|Lane)[ \t]+(?:West|East|North|South)\Z"
)


def find_unintroduced_names(text: str) -> Iterator[Detail]:
    """Names found by what the word is and where it stands (module docstring).
    A question written in capitals is read in lower case (same length, so the
    spans are the same)."""
    details, _ = _classify(text.lower() if _shouted(text) else text)
    for detail in details:
        if _month_in_a_date(text, detail):
            continue
        if _COMPASS_AFTER_A_ROAD.search(text, max(0, detail.end - 80), detail.end):
            continue  # round 13: "on Spring Bank West": the road's part, not a surname
        if _AGE_IN_WORDS.fullmatch(text, detail.start, detail.end):
            # round 12: "my nan, eighty-three, lives alone" is her age, not a name
            yield Detail(detail.start, detail.end, Category.AGE)
        else:
            yield detail
    yield from find_business_names(text)
    yield from find_families(text)


def find_doubtful_names(text: str) -> list[Doubt]:
    """Capitalised words that may be names and were not replaced, in order."""
    _, doubts = _classify(text)
    # a home's name the engine was not sure of (round 5): the whole name,
    # in place of its words' own doubts
    for start, end in doubtful_homes(text):
        doubts = [d for d in doubts if not start <= d.start < end] + [Doubt(start, end)]
    # round 17: a lower-case pair that may be a name, with no cue ("kieran bright")
    for start, end in lower_case_name_doubts(text):
        doubts = [d for d in doubts if not (d.start < end and start < d.end)] + [Doubt(start, end)]
    # round 18: a name-shaped pair in no list with no cue, a dashed last word
    from bot.safeguarding.redaction.not_people import closing_town_doubts
    from bot.safeguarding.redaction.unlisted_names import signature_doubts, unlisted_name_doubts

    # round 19: a town kept as a sentence of its own that is also a given name
    for start, end in [
        *unlisted_name_doubts(text),
        *signature_doubts(text),
        *closing_town_doubts(text),
    ]:
        doubts = [d for d in doubts if not (d.start < end and start < d.end)] + [Doubt(start, end)]
    doubts.sort(key=lambda d: d.start)
    labels = [m.span() for m in re.finditer(r"\[[^\[\]\n]{1,30}\]", text)]
    return [d for d in doubts if not any(a <= d.start < b for a, b in labels)]


# Round 7 (issue 15, after the sixth unseen set): names the word-by-word
# reading splits or misses.
# A nickname inside a name, in quotes or brackets: "Jamie 'Mackers' McKenna",
# "Robert (Bert) Hyslop", "Patrick "Paddy" Doherty". The whole span goes:
# the nickname singles the person out as much as the name.
_NICKNAMED = re.compile(
    r"(?<![\w'’])(?P<given>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+"
    r"(?:['‘\"“](?P<quoted>[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*)?)['’\"”]"
    r"|\((?P<bracketed>[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*)?)\))"
    r"[ \t]+(?P<surname>(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)\b"
)
# A given name, then a surname in lower case, after something that gives a
# name: "he's Ryan mcgowan", "name jordan cheverton", "called terry moss".
_GIVES_A_NAME = (
    r"(?i:\b(?:he['’]?s|she['’]?s|(?:his|her|their|my|the|full)[ \t]+name(?:[ \t]+is|['’]s)?"
    r"|name(?:[ \t]+is|['’]s|:)?|named|called|calls[ \t]+(?:him|her)self|known[ \t]+as)[ \t]+)"
)
_LOWER_NAMED = re.compile(
    rf"{_GIVES_A_NAME}(?!(?i:called|named|name|is|was|known)\b)(?P<given>[A-Za-z][a-z]+)[ \t]+"
    r"(?P<surname>(?:mc|mac|o['’])?[a-z][a-z-]+[a-z])\b"
    r"(?!['’])"  # "called marcus he's in my year": a contraction starts a clause
)
# A given name that is also a word, then a surname in no English list, after
# a role that holds a name: "our chair Gill Hodgkinson", "the secretary Will
# Prendergast".
_ROLE_THEN_NAME = re.compile(
    r"(?i:\b(?:chair|chairman|chairwoman|chairperson|secretary|treasurer|coordinator|"
    r"co-ordinator|organiser|director|manager|warden|caretaker|vicar|neighbour|friend|"
    r"landlord|landlady|contact)[ \t]+)"
    r"(?P<given>[A-Z][a-z]+)[ \t]+(?P<surname>(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)
# Words after a given name that are not surnames: "he's Ryan now", "called
# jordan too"; the lower-case surname must be in the surname lists and not
# an ordinary word, or in no English list at all.
_NOT_LOWER_SURNAMES = word_set(
    "and or but is was who the from at in on of to for with dob born age aged lives "
    "works said says he she they it its it's an just not so very really been got always also "
    "now still only never ever off out over up"
)


# Round 11: a person's name said after who they are: "the boy is Finlay",
# "the lad's Kyle", "the driver was Gary".
_THE_ONE_IS = re.compile(
    r"(?i:\bthe[ \t]+(?:boy|girl|lad|lass|kid|child|son|daughter|man|woman|bloke|driver|"
    r"neighbour)(?:[ \t]+(?:is|was)|['’]s)[ \t]+(?:called[ \t]+)?)"
    r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?=[ \t]*(?:[.,!?;]|\n|$|and\b))"
)


def _key_name(word: str) -> str:
    return word.lower().replace("’", "'")


def _lower_surname(word: str) -> bool:
    key = word.lower()
    if key in _NOT_LOWER_SURNAMES or key in NOT_PERSONS or key in PLACE_WORDS:
        return False
    plain = key not in ordinary_words() and key not in proper_nouns()
    return (key in surnames() and key not in ordinary_words()) or (plain and len(key) >= 4)


def find_nicknamed_and_lower_case_names(text: str) -> Iterator[Detail]:
    """Names in these forms: a nickname inside a name (``_NICKNAMED``:
    the whole span), a given name then a surname in lower case after a
    name's cue (``_LOWER_NAMED``), and a given name that is also a word
    with a surname in no English list after a role that holds a name
    (``_ROLE_THEN_NAME``). NAME spans, start and end character offsets."""
    for match in _NICKNAMED.finditer(text):
        given = match.group("given").lower()
        surname = match.group("surname").lower()
        if given in NOT_PERSONS or surname in NOT_PERSONS or surname in PLACE_WORDS:
            continue
        if given in first_names() or surname in surnames():
            yield Detail(match.start(), match.end(), Category.NAME)
    for match in _LOWER_NAMED.finditer(text):
        given = match.group("given").lower()
        if given not in first_names() or given in NOT_PERSONS or given in _NOT_LOWER_SURNAMES:
            continue
        surname = match.group("surname").lower()
        # round 11: after "called"/"named" a surname that is a word too
        # ("a lad called jordan smith") is still a surname
        called = re.search(r"(?i:\b(?:called|named)[ \t]+)$", text[: match.start("given")])
        if _lower_surname(match.group("surname")) or (
            called is not None
            and surname in surnames()
            and surname not in _NOT_LOWER_SURNAMES
            and surname not in NOT_PERSONS
            and surname not in PLACE_WORDS
        ):
            yield Detail(match.start("given"), match.end(), Category.NAME)
    # round 11: "the boy is Finlay": a child or an adult named after "is"
    for match in _THE_ONE_IS.finditer(text):
        key = _key_name(match.group("name"))
        if key in first_names() or (
            key not in ordinary_words() and key not in proper_nouns() and key not in places()
        ):
            yield Detail(match.start("name"), match.end("name"), Category.NAME)
    for match in _ROLE_THEN_NAME.finditer(text):
        given = match.group("given").lower()
        surname = match.group("surname").lower()
        known = given in first_names() or given in surnames()
        if not known or given in NOT_PERSONS or surname in NOT_PERSONS or surname in PLACE_WORDS:
            continue
        if surname not in ordinary_words() and surname not in proper_nouns():
            yield Detail(match.start("given"), match.end(), Category.NAME)


# A signature with a title after it: "D. Llewellyn (Mrs)", "J Patel (Mr)".
_TITLE_AFTER = re.compile(
    r"(?<![\w'’])(?:[A-Z]\.?[ \t]+|[A-Z][a-z]+[ \t]+)?(?:Mc|Mac|O['’])?[A-Z][a-z]+"
    r"(?:-[A-Z][a-z]+)?[ \t]*\((?:Mrs|Mr|Miss|Ms|Mx|Dr|Rev|Revd)\.?\)"
)
# A first name signing off with a street, at the end: "Sunita from Leicester
# Road". The street's last word says it is a street, not a firm or a town.
_SIGNED_WITH_STREET = re.compile(
    r"(?:^|[.!?\n][ \t]*|,[ \t]*|\b(?i:thanks|thank[ \t]+you|cheers|regards|ta)[ \t,]+)"
    r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+from[ \t]+(?:the[ \t]+)?"
    r"(?:[A-Z][a-z]+[ \t]+){1,3}(?:Road|Rd|Street|St|Lane|Avenue|Ave|Close|Drive|Crescent|"
    r"Grove|Gardens|Terrace|Way|Place|Court|Walk|Row|Mews|Estate)\.?[ \t]*[.!x]*[ \t]*$"
)
# A person's name in quotes as a page or profile: "fb page 'Leanne Marie Jones'".
_NAME_AS_PAGE = re.compile(
    r"(?i:\b(?:fb|facebook|insta(?:gram)?|tiktok|twitter|snap(?:chat)?)[ \t]+"
    r"(?:page|profile|account)[ \t]+(?:called[ \t]+|named[ \t]+)?)"
    r"['‘\"“](?P<name>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z'’-]+){1,3})['’\"”]"
)
# A given name in lower case after "ask for"/"call"/"ring", ending the
# message or before a phone number: "ask for dean", "call jo 07888 ...".
_ASK_FOR_LOWER = re.compile(
    r"(?i:\b(?:ask[ \t]+for|call|ring|text|phone|speak[ \t]+to|contact))[ \t]+"
    r"(?P<name>[a-z][a-z]+)\b(?=[ \t]*(?:[.!]*[ \t]*$|[ \t,:\-–]*(?:on[ \t]+)?\+?\d))"
)
# A surname given alone: "my surname is Zielińska", "last name: Okafor".
_SURNAME_IS = re.compile(
    r"(?i:\b(?:sur[ \t]?name|last[ \t]+name|family[ \t]+name)(?:[ \t]+is|[ \t]*:|[ \t]+-)[ \t]+)"
    r"(?P<name>(?:Mc|Mac|O['’]|D['’])?[^\W\d_][^\W\d_'’-]+(?:[-'’][^\W\d_]+)?)"
)


# Round 11: "ring me, Kensa, 07722 418 093", "its me Gráinne at 88 Ormeau
# Road": a capitalised word set off after "me", then a number or an address.
_ME_THEN_NAME = re.compile(
    r"(?i:\b(?:ring|call|text|phone|contact|it['’]?s)[ \t]+me)[ \t]*,?[ \t]+"
    r"(?P<name>[^\W\d_a-z][^\W\d_]+(?:-[^\W\d_]+)?)"
    r"(?=[ \t]*,?[ \t]*(?:(?:on|at)[ \t]+)?(?:\+?\d|(?i:oh|zero|nought)\b))"
)


def find_signed_and_cued_names(text: str) -> Iterator[Detail]:
    """Names in these forms: a signature with a title after it ("D.
    Llewellyn (Mrs)", the title too), a first name signing off with a
    street at the end ("Sunita from Leicester Road": the name only), a
    person's name in quotes as a page ("fb page 'Leanne Marie Jones'"), a
    given name in lower case after "ask for"/"call" at the end or before a
    phone number ("ask for dean"), a surname given alone ("my surname is
    Zielińska"). NAME spans, start and end character offsets."""
    for match in _TITLE_AFTER.finditer(text):
        yield Detail(match.start(), match.end(), Category.NAME)
    for match in _SIGNED_WITH_STREET.finditer(text):
        key = match.group("name").lower()
        if key in NOT_PERSONS or key in PLACE_WORDS or key in _NEVER_NAMES:
            continue
        if key in ordinary_words() and key not in first_names():
            continue  # "Greetings from Mill Road"
        yield Detail(match.start("name"), match.end("name"), Category.NAME)
    for match in _NAME_AS_PAGE.finditer(text):
        words = [w.lower() for w in match.group("name").split()]
        named = words[0] in first_names() or words[-1] in surnames()
        if named and words[0] not in NOT_PERSONS and words[-1] not in PLACE_WORDS:
            yield Detail(match.start("name"), match.end("name"), Category.NAME)
    for match in _ASK_FOR_LOWER.finditer(text):
        key = match.group("name")
        not_a_name = key in NOT_PERSONS or key in _NOT_LOWER_SURNAMES or key in _NOT_CALLED
        if key in first_names() and not not_a_name:
            yield Detail(match.start("name"), match.end("name"), Category.NAME)
    # round 11: the writer's own given name, of any tongue, set off after
    # "me": "ring me, Kensa, 07722 ...", "its me Gráinne at 88 Ormeau Road"
    for match in _ME_THEN_NAME.finditer(text):
        key = match.group("name").lower()
        if key in NOT_PERSONS or key in PLACE_WORDS or key in _NEVER_NAMES:
            continue
        if key in first_names() or (key not in ordinary_words() and key not in proper_nouns()):
            yield Detail(match.start("name"), match.end("name"), Category.NAME)
    for match in _SURNAME_IS.finditer(text):
        raw = match.group("name")
        key = raw.lower()
        if key in _NOT_LOWER_SURNAMES or key in NOT_PERSONS:
            continue
        if raw.islower() and key in ordinary_words() and key not in surnames():
            continue  # "my surname is different now"
        yield Detail(match.start("name"), match.end("name"), Category.NAME)


# Words after "call"/"ring" that are not names even when a list has them:
# "call me", "ring back", "call asap".
_NOT_CALLED = word_set(
    "me us them him her you back asap now today tonight tomorrow anytime any time police "
    "first after before later soon please pls plz again mobile number"
)


# A name half given: "his name was Carwyn something".
_HALF_GIVEN = re.compile(
    r"(?i:\b(?:name(?:['’]s|[ \t]+is|[ \t]+was)|called|calls[ \t]+(?:him|her)self)[ \t]+)"
    r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+(?i:something|summat|sumthin|or[ \t]+other"
    r"|or[ \t]+something)\b"
)
# A name set off by commas after the person it names: "the woman who posted
# it, Kerry Heath, charged", "The head bouncer at Vibe on Wind Street,
# Craig, threw my mate".
_PERSON_NOUN = (
    r"(?:woman|man|lady|lad|girl|boy|bloke|guy|fella|bouncer|doorman|manager|landlord|"
    r"landlady|neighbour|owner|driver|teacher|caretaker|warden|boss|supervisor)"
)
_NAME_IN_COMMAS = re.compile(
    rf"(?i:\b(?:the|a|my|our|this|that)[ \t]+(?:[\w'’-]+[ \t]+){{0,4}}?{_PERSON_NOUN})\b"
    r"[^,.;:!?()\n]{0,50},[ \t]+"
    r"(?P<name>(?P<given>[A-Z][a-z]+)(?:[ \t]+(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)?)"
    r"[ \t]*,"
)


def find_half_given_and_set_off_names(text: str) -> Iterator[Detail]:
    """Names in these forms: a name half given ("his name was Carwyn
    something": any capitalised word), a given name (and a surname) set
    off by commas after the person it names ("the woman who posted it,
    Kerry Heath, charged"). NAME spans, start and end character offsets."""
    for match in _HALF_GIVEN.finditer(text):
        if match.group("name").lower() not in NOT_PERSONS:
            yield Detail(match.start("name"), match.end("name"), Category.NAME)
    for match in _NAME_IN_COMMAS.finditer(text):
        given = match.group("given").lower()
        last = match.group("name").split()[-1]
        if _STREET_WORD.fullmatch(last) is not None:
            continue  # "of The Old Bakehouse, North Street,": an address
        if given in first_names() and given not in NOT_PERSONS and given not in PLACE_WORDS:
            yield Detail(match.start("name"), match.end("name"), Category.NAME)


_STREET_WORD = re.compile(
    r"Street|Road|Lane|Avenue|Close|Drive|Way|Grove|Crescent|Terrace|Place|Court|Gardens|"
    r"Square|Row|Walk|Hill|Park|Green|Estate|Mews|Parade|Rise|View"
)


# Round 10 (issue 15, after the eighth unseen set): names in forms the word
# by word reading passes over.
# A name in capitals with its title, as a card or a letter prints it: "MISS
# A K BRANNIGAN", "MR J. O'NEILL", "Mrs P SHARMA".
_TITLED_CAPITALS = re.compile(
    r"\b(?:MR|MRS|MISS|MS|DR|Mr|Mrs|Miss|Ms|Dr)\.?[ \t]+(?:[A-Z]\.?[ \t]+){0,3}"
    r"(?:MC|MAC|O['’])?[A-Z][A-Z'’-]+(?:[ \t]+(?:MC|MAC|O['’])?[A-Z][A-Z'’-]+)?\b(?![a-z])"
)
# A name a person goes by: "they all know him as Smithy", "everyone knows her
# as Big Sue", "he goes by Tank".
_KNOWN_AS = re.compile(
    r"(?i:\b(?:know|knows|knew|known)[ \t]+(?:him|her|them)[ \t]+as|\bgoes[ \t]+by|"
    r"\b(?:he|she)[ \t]+(?:is|was|gets)[ \t]+known[ \t]+as)[ \t]+"
    r"['‘\"“]?(?P<name>[A-Z][\w'’-]*\w(?:[ \t]+[A-Z][\w'’-]*\w)?)"
)
# A name a tattoo spells out: "a tattoo on his neck saying SHANE", "a tattoo
# that says Kayleigh".
_TATTOO_SAYS = re.compile(
    r"(?i:\btattoo(?:ed)?[^.!?\n]{0,40}?\b(?:saying|says|that[ \t]+says|reading|reads|"
    r"with[ \t]+the[ \t]+name)[ \t]+)['‘\"“]?(?P<name>[A-Z][A-Za-z'’-]*[A-Za-z])"
)
_NOT_A_TATTOO_NAME = word_set("mum mam mom dad nan love hate mother father rip the a")
# A trade's sign in capitals with its owner's names: "DANNY BOOTH PLUMBING &
# HEATING" (a given name first, so "ACE ROOFING" stays).
_CAPITALS_TRADER = re.compile(
    rf"\b(?P<given>[A-Z]{{2,}})[ \t]+(?:[A-Z]['’]?[A-Z'’-]+[ \t]+)?(?i:{TRADE_WORDS})"
    rf"(?:[ \t]*(?:&|AND|\+)[ \t]*(?i:{TRADE_WORDS}))*\b"
)
# An initial, a surname that may be a word, then a trade: "R. Blowers
# Roofing", "J Fox Plastering" ("A Star Roofing": "A" is the article).
_INITIALLED_TRADER = re.compile(
    rf"\b(?:[B-HJ-Z]\.?|A\.)[ \t]+(?:Mc|Mac|O['’])?[A-Z][a-z'’-]+[ \t]+"
    rf"(?:{TRADE_WORDS}|Plastering)\b"
)


def find_goes_by_capitals_and_signs(text: str) -> Iterator[Detail]:
    """Names in these forms: a title and a name in capitals ("MISS A K
    BRANNIGAN"), a name a person goes by ("they all know him as Smithy"), a
    name a tattoo spells ("saying SHANE"), a trade's sign in capitals with
    its owner's given name ("DANNY BOOTH PLUMBING & HEATING"), an initial
    and a surname before a trade ("R. Blowers Roofing"). NAME spans, start
    and end character offsets."""
    for match in _TITLED_CAPITALS.finditer(text):
        yield Detail(match.start(), match.end(), Category.NAME)
    for match in _KNOWN_AS.finditer(text):
        yield Detail(match.start("name"), match.end("name"), Category.NAME)
    for match in _TATTOO_SAYS.finditer(text):
        if match.group("name").lower() not in _NOT_A_TATTOO_NAME:
            yield Detail(match.start("name"), match.end("name"), Category.NAME)
    for match in _CAPITALS_TRADER.finditer(text):
        given = match.group("given").lower()
        if given in first_names() and given not in ordinary_words():
            yield Detail(match.start(), match.end(), Category.NAME)
    for match in _INITIALLED_TRADER.finditer(text):
        yield Detail(match.start(), match.end(), Category.NAME)


# Round 13 (issue 15, after the eleventh unseen set): names all in lower case
# in two more places. A given name in no English list and a surname after
# "me mate", "my friend" and the like: "me mate shazia khan" (the surname may
# be a word too, "khan"); and a given name signing in at the very start: "hi
# its deb from 7 the crescent", "this is raj again".
_FRIEND_LOWER = re.compile(
    r"(?i:\b(?:me|my)[ \t]+(?:mate|mates|friend|pal|bestie|cousin|neighbour|nieghbour|"
    r"neighbor)[ \t]+)(?P<given>[a-z]+)[ \t]+(?P<surname>[a-z]+)\b(?!['’])"
)
_GREETING_LOWER = re.compile(
    r"^[ \t]*(?:(?i:hi|hiya|hello|hey|morning|evening|afternoon)[ \t]*[,!.]?[ \t]+)?"
    r"(?i:its|it['’]s|this[ \t]+is)[ \t]+(?P<name>[a-z]+)[ \t]+"
    r"(?=(?i:from|at|in|here|again|on)\b)"
)
_NOT_A_LOWER_NAME = word_set(
    "me us him her them you we one mum dad nan mam mom gran grandad auntie only just "
    "will may said cant might must long well also still back too as then again here there "
    "today tonight yesterday last who what when where"
)


def find_lower_case_friends_and_greetings(text: str) -> Iterator[Detail]:
    """Round 13: a friend's name in lower case after "me mate" ("shazia
    khan": the given name in no English word list, and a given name or in
    no list at all; the surname in the surname list) and a lower-case given
    name signing in at the start of the text ("hi its deb from ..."): NAME
    spans, start and end character offsets."""
    for match in _FRIEND_LOWER.finditer(text):
        given, surname = match.group("given"), match.group("surname")
        # a given name, or a word in no list at all ("shazia")
        known = given in first_names() or not (given in proper_nouns() or given in places())
        if not known or given in ordinary_words() or given in NOT_PERSONS:
            continue
        if (
            surname not in surnames()
            or surname in _NOT_LOWER_SURNAMES
            or surname in _NOT_A_LOWER_NAME
            or surname in NOT_PERSONS
            or surname in PLACE_WORDS
        ):
            continue
        yield Detail(match.start("given"), match.end("surname"), Category.NAME)
    for match in _GREETING_LOWER.finditer(text):
        name = match.group("name")
        if name in first_names() and not (
            name in _NOT_A_LOWER_NAME or name in _NOT_LOWER_SURNAMES or name in NOT_PERSONS
        ):
            yield Detail(match.start("name"), match.end("name"), Category.NAME)
