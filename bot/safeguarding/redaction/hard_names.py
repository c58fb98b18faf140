"""Private names in hard positions and forms (round 19).

The readers before this one find a name by the lists and by the words around
it, mostly for a name written with a capital in an ordinary sentence. Writers
also give names in forms those readers do not expect, and each class here is
read by its form and its position, each with its own guard against public
names, places and English words:

- capitals in an ordinary sentence after a relation or a lead-in ("my son
  KIERAN", "called TYRONE"): the word is a given name, and no English word
  unless a surname follows; in a text written all in capitals, a given name
  and a surname with a person's verb or "and his" after them ("SEAN
  O'HALLORAN AND HIS MATES");
- the surname-first form of a list or a form: a surname in capitals, a comma,
  a given name ("OKONJO, Grace");
- lower case: a given name after "tell"/"ask" with "his"/"her" after it
  ("tell frank his wallet"), a Mc/Mac/O' surname ("young mcallister"), an
  initial and a listed surname ("a p. nowakowski");
- a hyphenated given name with a surname beside it ("Seo-yeon Park", "Park
  Ji-hoon"), even when the surname is also a place word;
- a name heard, not known: "called Kaydee or similar", "Dean something";
- an officer's name with the rank and collar number ("PC 4412 Harrison",
  "pcso ellie"): the whole, as the labelled files have it;
- a child given with a form or class ("He's Alfie, in 8R");
- a family by its surname: "the Patel brothers", "the Hughes twins", "the
  Kowalskis at number 12", "the family at ..., the Morrisons";
- a name as the object of a question ("Any news on Tanisha?");
- a name set off by commas inside Welsh text ("un o'r hogia, Gethin, yn").

Every reader yields ``Detail(start, end, Category.NAME)``. Wordings:
tests/bot/test_redaction_round19_names.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail, word_set
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
from bot.safeguarding.redaction.names import RELATIONS


def _shouted(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


def _key(word: str) -> str:
    return word.lower().replace("’", "'")


def _no_public_word(key: str) -> bool:
    """No place, people, brand word or street word."""
    return not (key in places() or key in NOT_PERSONS or key in PLACE_WORDS)


def _plain_given(key: str) -> bool:
    """A given name that is no English word: "kiera", "tyrone"."""
    return key in first_names() and key not in ordinary_words() and _no_public_word(key)


def _strong_surname(key: str) -> bool:
    """A surname by its prefix ("o'halloran", "mcbride") or a listed surname
    that is no English word."""
    if re.fullmatch(r"(?:o'|mc|mac)[a-z]{3,}", key) and key != "o'clock":
        return True
    return key in surnames() and key not in ordinary_words() and _no_public_word(key)


def _unlisted(key: str) -> bool:
    """In no list at all: neither a word, a place, a people, nor a brand."""
    return (
        len(key) >= 3
        and key not in ordinary_words()
        and key not in proper_nouns()
        and _no_public_word(key)
    )


_RELATION = "|".join(sorted((re.escape(r) for r in RELATIONS), key=len, reverse=True))
# "my son KIERAN", "our lad TYRONE", "called DECLAN"
_CAPITALS_AFTER_CUE = re.compile(
    rf"(?i:\b(?:my|our|his|her|their|your)[ \t]+(?:{_RELATION})|\b(?:called|named|calls\s+himself|"
    r"calls\s+herself|told|asked|warned))[ \t]*,?[ \t]+"
    r"(?P<given>[A-Z]{3,}(?:-[A-Z]{2,})?)(?P<surname>[ \t]+(?:MC|MAC|O['’])?[A-Z]{2,}[A-Z'’-]*)?"
    r"(?![\w'’-])"
)
_SHOUTED_PAIR = re.compile(
    r"(?<![\w'’-])(?P<given>[A-Z]{3,})[ \t]+(?P<surname>(?:MC|MAC|O['’])?[A-Z]{3,}(?:-[A-Z]{2,})?)"
    r"(?=[ \t]+(?P<after>[A-Z]+)\b)"
)
_SHOUTED_AFTER = word_set(
    """
    and keeps kept is was has had said says lives lived who threatened hit punched stole
    has been sells sold deals dealt drives drove owns runs ran nicked broke smashed
    """
)


def find_names_in_capitals(text: str) -> Iterator[Detail]:
    """A given name in capitals after a relation or a lead-in in an ordinary
    sentence; in a text all in capitals, a given name and a strong surname
    before a person's verb or "and": NAME."""
    shouted = _shouted(text)
    if not shouted:
        for match in _CAPITALS_AFTER_CUE.finditer(text):
            given = _key(match.group("given"))
            surname = match.group("surname")
            if surname is not None and _strong_surname(_key(surname.strip())):
                yield Detail(match.start("given"), match.end("surname"), Category.NAME)
            elif _plain_given(given):
                yield Detail(match.start("given"), match.end("given"), Category.NAME)
        return
    for match in _SHOUTED_PAIR.finditer(text):
        given, surname = _key(match.group("given")), _key(match.group("surname"))
        if match.group("after").lower() not in _SHOUTED_AFTER:
            continue
        if given not in first_names() or (not _no_public_word(given) and given not in surnames()):
            continue
        if _strong_surname(surname) or _unlisted(surname):
            yield Detail(match.start(), match.end("surname"), Category.NAME)


# "OKONJO, Grace." : a surname in capitals, a comma, a given name.
_SURNAME_FIRST = re.compile(
    r"(?<![\w'’-])(?P<surname>(?:MC|MAC|O['’])?[A-Z]{2,}(?:-[A-Z]{2,})?)[ \t]*,[ \t]*"
    r"(?P<given>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w'’-])"
)


def find_surname_first_names(text: str) -> Iterator[Detail]:
    """A surname in capitals, a comma and a given name (a list's or a form's
    order), in a text not written in capitals: NAME, the whole."""
    if _shouted(text):
        return
    for match in _SURNAME_FIRST.finditer(text):
        surname = _key(match.group("surname"))
        given = _key(match.group("given"))
        if given not in first_names() or not _no_public_word(given):
            continue
        if surname in ordinary_words() and surname not in surnames():
            continue  # "NOTE, Sarah"
        if not (surname in surnames() or _unlisted(surname)) or not _no_public_word(surname):
            continue
        yield Detail(match.start(), match.end(), Category.NAME)


_TELL_HIS = re.compile(
    r"(?i:\b(?:tell|ask|told|asked|thank|remind|let)[ \t]+)(?P<name>[a-z]{3,12})"
    r"(?=[ \t]+(?:his|her|that[ \t]+(?:his|her)|their)\b)"
)
_NOT_TOLD = word_set(
    """
    them him her his me you us everyone anyone someone people the a an my our your their
    police council school mum dad nan gran staff security kids lads boys girls
    """
)
_LOWER_MC = re.compile(
    r"(?<![\w'’-])(?:(?P<given>[a-z]{3,12})[ \t]+)?(?P<surname>(?:mc|mac|o['’])[a-z]{3,14})"
    r"(?![\w'’-])"
)
_LOWER_INITIAL = re.compile(
    r"(?i:\b(?:a|an|by|from|signed|called|named|mr|mrs|ms|to)[ \t]+)"
    r"(?P<name>[a-z]\.[ \t]?(?P<surname>[a-z]{4,16}))\b"
)


def find_lower_case_hard_names(text: str) -> Iterator[Detail]:
    """Lower-case names in three forms: a given name after "tell"/"ask" with
    "his"/"her" after it, a Mc/Mac/O' surname (with a given name before it),
    and an initial with a listed surname: NAME."""
    for match in _TELL_HIS.finditer(text):
        key = match.group("name")
        if key in first_names() and key not in _NOT_TOLD and _no_public_word(key):
            yield Detail(match.start("name"), match.end("name"), Category.NAME)
    for match in _LOWER_MC.finditer(text):
        surname = _key(match.group("surname"))
        if surname == "o'clock" or surname in ordinary_words() or surname not in surnames():
            continue
        given = match.group("given")
        start = match.start("surname")
        if given is not None and given in first_names() and given not in _NOT_TOLD:
            start = match.start("given")
        yield Detail(start, match.end("surname"), Category.NAME)
    for match in _LOWER_INITIAL.finditer(text):
        surname = match.group("surname")
        if (surname in surnames() or _unlisted(surname)) and _no_public_word(surname):
            if surname in ordinary_words():
                continue
            yield Detail(match.start("name"), match.end("name"), Category.NAME)


# "Seo-yeon Park", "Park Ji-hoon": a romanised given name with a hyphen.
_HYPHEN_GIVEN = r"[A-Z][a-z]{1,4}-[a-z]{2,5}"
_HYPHENED = re.compile(
    rf"(?<![\w'’-])(?:(?P<given>{_HYPHEN_GIVEN})[ \t]+(?P<surname>[A-Z][a-z]{{1,12}})"
    rf"|(?P<surname2>[A-Z][a-z]{{1,12}})[ \t]+(?P<given2>{_HYPHEN_GIVEN}))(?![\w'’-])"
)


def find_hyphenated_given_names(text: str) -> Iterator[Detail]:
    """A hyphenated given name whose second part is lower case ("Ji-woo")
    with a listed surname beside it, even one that is a place word ("Park"):
    NAME, both words."""
    for match in _HYPHENED.finditer(text):
        given = match.group("given") or match.group("given2")
        surname = match.group("surname") or match.group("surname2")
        if _key(given) in ordinary_words() or _key(given).replace("-", "") in ordinary_words():
            continue  # "Co-op", "Re-do"
        if _key(surname) not in surnames():
            continue
        yield Detail(match.start(), match.end(), Category.NAME)


_HEARD = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][a-z]{2,14})[ \t]+(?i:or[ \t]+similar|or[ \t]+summat|"
    r"or[ \t]+something[ \t]+like[ \t]+that|something(?![ \t]+(?:else|like|to|about|in|on)\b))\b"
)
_HEARD_BEFORE = re.compile(
    r"(?i:\b(?:called|named|call|calls|another|shouted|said|was|is|it['’]s|think|as)[ \t]+"
    r"|,[ \t]*)\Z"
)


def find_names_heard_not_known(text: str) -> Iterator[Detail]:
    """A name given with a doubt after it ("called another Kaydee or
    similar", ", Dean something,"): NAME, the given name."""
    for match in _HEARD.finditer(text):
        key = _key(match.group("name"))
        if not _no_public_word(key) or key in _NOT_TOLD:
            continue
        if match.start() == 0 or text[: match.start()].rstrip().endswith((".", "!", "?")):
            continue  # a sentence's first word: "Something ..." cannot be read
        if not _HEARD_BEFORE.search(text, max(0, match.start() - 25), match.start()):
            continue
        if key in first_names() or _unlisted(key):
            yield Detail(match.start("name"), match.end("name"), Category.NAME)


_RANK = r"(?:PC|PCSO|DC|DS|DI|Sgt|Sergeant|Officer|Constable|pc|pcso|sgt)"
_OFFICER = re.compile(
    rf"(?<![\w'’-])(?P<rank>{_RANK})\.?[ \t]+(?P<number>\d{{2,5}}[ \t]+)?"
    r"(?P<name>[A-Za-z][a-z]{2,15})(?![\w'’-])"
)


def find_officers_with_numbers(text: str) -> Iterator[Detail]:
    """An officer by rank, collar number and surname ("PC 4412 Harrison"),
    or in lower case by rank and given name ("pcso ellie"): NAME, the whole,
    as the labelled files take an officer's name with the rank."""
    for match in _OFFICER.finditer(text):
        name = match.group("name")
        key = _key(name)
        if not _no_public_word(key) or key in _NOT_TOLD:
            continue
        numbered = match.group("number") is not None and name[0].isupper()
        lower = match.group("rank").islower() and name.islower()
        if (numbered and (key in surnames() or _unlisted(key))) or (lower and _plain_given(key)):
            yield Detail(match.start(), match.end(), Category.NAME)


_CHILD_IN_FORM = re.compile(
    r"(?i:\b(?:she['’]s|he['’]s|she[ \t]+is|he[ \t]+is|is|was|called|named))[ \t]+"
    r"(?P<name>[A-Z][a-z]{2,14})[ \t]*,?[ \t]+in[ \t]+"
    r"(?=(?:\d{1,2}[A-Z]{1,2}\b|(?i:year|yr|form|class|reception|p\d|y\d)))"
)


def find_children_with_forms(text: str) -> Iterator[Detail]:
    """A child named with a form or a class ("She's Ruby, in 9C"): NAME."""
    for match in _CHILD_IN_FORM.finditer(text):
        key = _key(match.group("name"))
        if key in first_names() and _no_public_word(key):
            yield Detail(match.start("name"), match.end("name"), Category.NAME)


_GROUP = (
    r"(?:twins|boys|brothers|sisters|girls|lads|kids|family|clan|lot|gang|cousins|"
    r"children|sons|daughters)"
)
_FAMILY_GROUP = re.compile(
    rf"(?<![\w'’-])(?i:the)[ \t]+(?P<name>(?P<surname>[A-Z][a-z]{{2,15}}(?:-[A-Z][a-z]+)?)"
    rf"[ \t]+{_GROUP})\b"
)
_FAMILY_PLURAL = re.compile(
    r"(?<![\w'’-])(?i:the)[ \t]+(?P<name>[A-Z][a-z]{2,15}s)(?:['’])?"
    r"(?=[ \t]*(?:,|[ \t](?:from|at)[ \t]+(?:number|no\b|no\.?[ \t]*\d|\d)|"
    r"[ \t]next[ \t]+door|[ \t]across[ \t]+the|[ \t]over[ \t]+the[ \t]+road|[ \t]opposite|"
    r"[ \t]upstairs|[ \t]downstairs))"
)
_FAMILY_BEFORE = re.compile(r"(?i:\b(?:family|neighbours|neighbors)\b[^.!?\n]{0,60},[ \t]*)\Z")


def find_families_by_surname(text: str) -> Iterator[Detail]:
    """A family by its surname: "the Patel brothers", "the Hughes twins"
    (the surname with its group word, as the labelled files take it), "the
    Kowalskis at number 12", "the family at ..., the Morrisons": NAME."""
    brands = brand_spans(text)
    for match in _FAMILY_GROUP.finditer(text):
        key = _key(match.group("surname"))
        if key not in surnames() or not _no_public_word(key):
            continue
        if key in ordinary_words() and key not in first_names():
            continue  # "the Scout group", "the Grammar boys"
        if any(a <= match.start("name") < b for a, b in brands):
            continue
        if match.group("name").lower().endswith("family"):
            # "the Duke family": the surname goes, the word "family" stays
            yield Detail(match.start("surname"), match.end("surname"), Category.NAME)
        else:
            yield Detail(match.start("name"), match.end("name"), Category.NAME)
    for match in _FAMILY_PLURAL.finditer(text):
        plural = _key(match.group("name"))
        stem = plural[:-2] if plural.endswith("es") and plural[:-2] in surnames() else plural[:-1]
        if stem not in surnames() and not _unlisted(stem):
            continue
        if not _no_public_word(stem) or plural in ordinary_words() or plural in places():
            continue
        cued = _FAMILY_BEFORE.search(text, max(0, match.start() - 80), match.start())
        branded = any(a <= match.start("name") < b for a, b in brands)
        if text[match.end() :].lstrip(" \t'’").startswith(","):
            if cued is None:
                continue  # "the Smiths, a band": only after "the family at ...,"
        elif branded and cued is None:
            continue
        yield Detail(match.start("name"), match.end("name"), Category.NAME)


_QUESTION_OBJECT = re.compile(
    r"(?i:\b(?:news|update|updates|word|anything|heard)[ \t]+(?:on|about|of|from)[ \t]+)"
    r"(?P<name>[A-Z][a-z]{2,14})(?=[ \t]*(?:yet|please|at[ \t]+all)?[ \t]*\?)"
)


def find_names_asked_after(text: str) -> Iterator[Detail]:
    """A person asked after at a question's end ("Any news on Tanisha?",
    "heard anything about Kyle yet?"): NAME, when a given name and no place."""
    for match in _QUESTION_OBJECT.finditer(text):
        key = _key(match.group("name"))
        if key in first_names() and _no_public_word(key):
            yield Detail(match.start("name"), match.end("name"), Category.NAME)


# Welsh words that follow a name set off by commas: "un o'r hogia, Gethin, yn".
_WELSH_APPOSED = re.compile(
    r",[ \t]*(?P<name>[A-ZÂÊÎÔÛŴŶ][a-zâêîôûŵŷäëïöüẅÿáéíóú]{2,14}),[ \t]*"
    r"(?=(?:yn|sy|sydd|wedi|oedd|ydy|ydi|yw|a|ac|efo|gyda|hefyd)\b)"
)
_WELSH_MARK = re.compile(r"\b(?:mae|yn|y|yr|ac|wedi|efo|gyda|dwi|roedd|oedd|hefyd|ond)\b")


def find_names_in_welsh(text: str) -> Iterator[Detail]:
    """A given name set off by commas before a Welsh verb or particle, in a
    text with Welsh words: NAME."""
    if len(_WELSH_MARK.findall(text.lower())) < 3:
        return
    for match in _WELSH_APPOSED.finditer(text):
        key = _key(match.group("name"))
        if not _no_public_word(key):
            continue
        if key in first_names() or _unlisted(key) or re.search(r"[âêîôûŵŷ]", key):
            yield Detail(match.start("name"), match.end("name"), Category.NAME)


# "Mòrag NicLeòid", "Eilidh MacAoidh": a Gaelic surname joined to its particle.
_GAELIC = re.compile(
    r"(?<![\w'’-])(?P<given>[A-ZÀ-Þ][a-zß-ÿ]{2,14})[ \t]+"
    r"(?:Nic|Mac|Mhic|Ní|Ni)[A-ZÀ-Þ][a-zß-ÿ]{2,14}(?![\w'’-])"
)
# "his name was Rob", "her name is Grace": a name after its strongest cue.
_NAME_WAS = re.compile(
    r"(?i:\bname[ \t]+(?:was|is|were)[ \t]+(?:like[ \t]+)?)(?P<name>[A-Z][a-z]{1,14})(?![\w'’-])"
)
# "Witness: me, Priyanka, I was", "one of the dads, Olumide, posted".
_SET_OFF_AFTER = re.compile(
    r"(?i:\b(?:me|dads|mums|parents|lads|neighbours|teachers|mates|friends|staff|drivers|"
    r"coaches|helpers|volunteers|regulars))[ \t]*,[ \t]*(?P<name>[A-Z][a-z]{2,14})[ \t]*,"
)
# "tommo is the one nicking", "jonno was the lad": a lower-case nickname.
_LOWER_THE_ONE = re.compile(
    r"(?<![\w'’-])(?P<name>[a-z]{3,12})[ \t]+(?:is|was|'s)[ \t]+(?:the|a)[ \t]+"
    r"(?:one|lad|bloke|girl|lass|guy|fella)\b"
)
# "Wang Xiuying (Sally to her customers)": a given name in brackets after a name.
_BRACKET_NICKNAME = re.compile(
    r"(?<=[A-Za-z])[ \t]*\((?:aka[ \t]+|known[ \t]+as[ \t]+)?(?P<name>[A-Z][a-z]{2,14})"
    r"(?=[ \t]+to[ \t]+(?:his|her|their|my|everyone|friends|the)\b|[ \t]+for[ \t]+short)"
)


def find_names_by_a_close_cue(text: str) -> Iterator[Detail]:
    """A Gaelic surname joined to its particle with the given name; a name
    after "name was"; a name set off after "me," or a plural person's noun;
    a lower-case nickname before "is the one"; a given name in brackets with
    "to her customers" or "for short": NAME."""
    for match in _GAELIC.finditer(text):
        if _no_public_word(_key(match.group("given"))):
            yield Detail(match.start(), match.end(), Category.NAME)
    for match in _NAME_WAS.finditer(text):
        key = _key(match.group("name"))
        if key in first_names() and _no_public_word(key):
            yield Detail(match.start("name"), match.end("name"), Category.NAME)
    for match in _SET_OFF_AFTER.finditer(text):
        key = _key(match.group("name"))
        if (_plain_given(key) or _unlisted(key)) and key not in _NOT_TOLD:
            yield Detail(match.start("name"), match.end("name"), Category.NAME)
    for match in _LOWER_THE_ONE.finditer(text):
        key = match.group("name")
        if key in _NOT_TOLD or key in _NOT_THE_ONE:
            continue
        if _plain_given(key) or _unlisted(key):
            yield Detail(match.start("name"), match.end("name"), Category.NAME)
    for match in _BRACKET_NICKNAME.finditer(text):
        key = _key(match.group("name"))
        if key in first_names() and _no_public_word(key):
            yield Detail(match.start("name"), match.end("name"), Category.NAME)


_NOT_THE_ONE = word_set("this that which what who it he she there here mine yours theirs")
