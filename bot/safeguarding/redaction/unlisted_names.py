"""Names the word lists do not hold, read by position and shape (round 18).

The word-by-word reader (names.py) takes a capitalised word for a name when
the lists know it or a strong cue stands beside it. Blind writers name people
the lists have never seen ("Thayalan Sivakumar", "Tesfaye Gebremedhin"), and
in places the reader does not look: a sign-off's initials, a list of friends,
a cleft sentence, a graffiti quote, a name with a particle. Each reader here
takes a *class* of such text by its structure, not a wording:

- a name-shaped run: two or three capitalised words, none an English word,
  a place or a brand, each on the name lists or in no list at all, that a
  person's verb, "who", or "from work" follows ("Haruki Tanabe reported",
  "Oluwatobiloba Adeyemi-Coker at number five has had");
- a name with a particle: a given name, then "de", "van der", "bin", "ap",
  "Nic", "al-" and so on, then a capitalised word ("Maria de Souza", "Omar
  al-Zahrani", "Jasper St John-Smythe");
- a list of people: when one member of "A, B and C" is a given name, the
  others written the same way and shaped like names are names too ("kayden,
  rio and tj", "TYLER, JAYDEN AND MASON");
- a cleft: "it was Okonkwo who", "the one who did it was Delroy";
- a sign-off or a greeting: what stands after "Regards," / "- " at the end
  of the text, or after "hey"/"hi" before a comma, when it is shaped like a
  name or initials ("Regards, JP", "- Kofi A.", "hey Faz,");
- a nickname or a graffiti name in quotes: "a lad they call "Spud"",
  "writing "Tazz woz ere"".

Where the shape says "perhaps" but nothing around it says "person" (a
capitalised pair in no list with no verb after it), :func:`unlisted_name_doubts`
gives the span to the staff card's "check: possibly a name"
(names.find_doubtful_names) rather than replacing it blindly.

Every reader yields ``Detail(start, end, Category.NAME)``, character offsets
into the text given. Wordings: tests/bot/test_redaction_round18_names.py.
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

_LETTERS = r"[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿĀ-ſ]+"
# A capitalised word, perhaps hyphenated or with an inner capital: "Adeyemi-Coker",
# "McGillivray", "O'Dwyer", "Ji-hoon".
_CAP_WORD = rf"(?:Mc|Mac|O['’]|D['’])?{_LETTERS}(?:[-'’](?:{_LETTERS}|[a-zß-öø-ÿ]+))*"
_TITLES = (
    r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lady|Lord|Rev|Revd|Reverend|Imam|"
    r"Rabbi|Pastor|Father|Sister|Brother|Sheikh|Shaykh|Cllr|Councillor|Canon|Bishop)\.?"
)
# Words after a name-shaped run that say a person stands there.
_PERSON_AFTER = word_set(
    """
    said says told tells asked asks rang rings called calls texted messaged replied shouted
    screamed threatened lives lived works worked who whose is was has had keeps kept came
    comes went goes got gets hit punched pushed stole knows knew thinks thought reckons
    reckoned wants wanted saw sees heard hears found finds lost reported reports runs ran
    owns owned drives drove complained complains rings wrote writes sent sends walked
    noticed noticed spotted witnessed claims claimed says swears admits admitted
    """
)
_FROM_WHERE = re.compile(
    r"[ \t]+(?:from|at)[ \t]+(?:(?:the|my|our|his|her|number)[ \t]+)?"
    r"(?:work|church|school|college|uni|mosque|temple|gurdwara|synagogue|chapel|the[ \t]+\w+|"
    r"number[ \t]+\w+|no\.?[ \t]*\d+|\d+|next[ \t]+door|upstairs|downstairs|across)\b"
)
# Words that are a run's first word but no given name: "Police Scotland", "Happy Days".
_NOT_IN_A_RUN = (
    word_set(
        """
        the a an and or but if my our his her their your this that these those hi hello hey dear
        thanks cheers regards sincerely faithfully kind best yours many mr mrs ms miss dr
        police council street road lane avenue
        """
    )
    | PLACE_WORDS
    | NOT_PERSONS
    | RELATIONS
    | word_set("nan nana nanna gran granny grandma grandad grandpa aunty auntie uncle")
)


# Words that make a Welsh, Gaelic or Cornish place or street ("Heol Hir", "Ffrwd
# Fawr", "Cae Mawr", "Tre Goed"): a run holding one is a place, not a person.
_CELTIC_PLACE = word_set(
    """
    heol ffordd stryd lon lôn rhodfa cae bryn pant maes ty tŷ nant cwm llan allt bron coed
    glan plas pen tre tref fawr mawr fach bach isaf uchaf ucha newydd hir goch gwyn wen ddu
    llyn afon pont porth aber ynys rhos waun gwaun ffrwd ffynnon capel eglwys dol dôl
    baile bally kil kin inver auch ach strath glen ben dun drum knock loch tigh
    pol pen tre ros lan bos chy
    """
)


def _name_shaped(word: str) -> bool:
    """A word that may be part of a person's name: on the name lists and no
    English word, or in no list at all (neither a word, a place, a people,
    nor a brand). Hyphenated: every part so."""
    key = word.lower().replace("’", "'")
    if key.endswith("'s"):
        key = key[:-2]
    if key in _NOT_IN_A_RUN or key in _CELTIC_PLACE or len(key) < 2:
        return False
    parts = [p for p in re.split(r"[-']", key) if p]
    if len(parts) > 1:
        return all(_name_shaped(p.capitalize()) or p in first_names() for p in parts if len(p) > 1)
    return not (key in ordinary_words() or key in places())


_RUN = re.compile(
    rf"(?<![\w'’-])(?:(?P<title>{_TITLES})[ \t]+)?"
    rf"(?P<run>{_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{0,3}})(?![\w'’-])"
)
# After one name-shaped word alone: "Ibrahima from work says", "Yevhenia is the lady".
_ONE_WORD_PERSON = re.compile(
    r"[ \t]+(?:from[ \t]+(?:work|church|school|college|uni|the[ \t]+mosque|next[ \t]+door|"
    r"upstairs|downstairs)\b|(?:is|was)[ \t]+(?:the|a|an|my|our)[ \t]+(?:\w+[ \t]+)?"
    r"(?:lady|man|woman|lad|bloke|girl|boy|guy|person|one|fella|gent|gentleman|kid|teenager)\b)"
)


def _runs(text: str) -> Iterator[tuple[int, int, int, int]]:
    """(start, end, words, listed) for each capitalised run's longest
    name-shaped stretch (a title before it included): ``words`` how many
    words, ``listed`` how many of them are on the name lists."""
    brands = brand_spans(text)
    shouted = _shouted(text)
    source = text.title() if shouted and len(text.title()) == len(text) else text
    for match in _RUN.finditer(source):
        if any(a <= match.start("run") < b for a, b in brands):
            continue
        pieces = list(re.finditer(r"\S+", match.group("run")))
        kept = 0
        while kept < len(pieces) and _name_shaped(pieces[kept].group()):
            kept += 1
        if not kept:
            continue
        keys = [p.group().lower() for p in pieces[:kept]]
        if all(k in proper_nouns() and k not in first_names() for k in keys):
            continue  # "Methodist", "Tories": proper nouns alone
        if shouted and any(k in ordinary_words() for k in keys):
            continue
        listed = sum(k in first_names() or k in surnames() for k in keys)
        end = match.start("run") + pieces[kept - 1].end()
        yield match.start(), end, kept, listed


def _words_after(text: str, end: int) -> str:
    match = re.match(r"[ \t]*,?[ \t]*([A-Za-z']+)", text[end:])
    return match.group(1).lower() if match else ""


def find_name_shaped_runs(text: str) -> Iterator[Detail]:
    """Two or three capitalised words, each name-shaped (``_name_shaped``),
    with a person's verb, "who", or "from work" after them: NAME. A run with
    a title before it keeps the title ("Professor Ikechukwu Obiora"). One
    such word alone only before "from work" or "is the lady"."""
    for start, end, words, _listed in _runs(text):
        after = _words_after(text, end)
        joined = re.search(r"(?:\band|&)[ \t]+\Z", text[max(0, start - 6) : start]) is not None
        set_off = text[:start].rstrip(" \t").endswith(",") and text[end:].lstrip(" \t")[:1] == ","
        if words >= 2:
            if (
                after in _PERSON_AFTER
                or (joined and after in {"were", "are", "both", "all"})
                or (set_off and after in {"he", "she", "who", "everyone", "his", "her", "they"})
                or _FROM_WHERE.match(text, end) is not None
            ):
                yield Detail(start, end, Category.NAME)
        elif _ONE_WORD_PERSON.match(text, end) is not None and text[start:end].lower() not in (
            first_names() & ordinary_words()
        ):
            yield Detail(start, end, Category.NAME)


def unlisted_name_doubts(text: str) -> Iterator[tuple[int, int]]:
    """Name-shaped capitalised pairs with nothing to say "person" (no verb
    after, no cue before), one word of them at least in no list: offsets for
    the staff card's "check: possibly a name"."""
    for start, end, words, listed in _runs(text):
        if words >= 2 and listed < words:
            yield start, end


# Particles inside a name: "Maria de Souza", "Pieter van der Merwe", "Faisal bin
# Tariq", "Dafydd ap Iorwerth", "Mairead Nic Dhomhnaill", "Jasper St John-Smythe".
_PARTICLE = (
    r"(?:de|da|do|dos|das|di|del|della|der|den|du|des|la|le|van|von|ter|ten|bin|binti|bint|"
    r"ibn|ben|bat|abu|ap|ab|verch|ferch|Nic|Ni|Ní|Ó|Ua|Mac|De|Da|Di|Del|Van|Von|"
    r"La|Le|Du|El|Al|Ben|Bin|Abu|Ap|St(?=[ \t]+[A-Z][a-z]+-[A-Z]))"
)
_PLACE_FIRST = word_set(
    """
    casa villa vila rua avenida plaza praça praca rio porto santa san sao são costa monte
    quinta hotel cafe café bar museo museu palacio palazzo teatro chateau château castel
    """
)
_WITH_PARTICLE = re.compile(
    rf"(?<![\w'’-])(?:(?P<title>{_TITLES})[ \t]+)?(?P<given>{_CAP_WORD})"
    rf"(?P<rest>(?:[ \t]+{_PARTICLE}){{1,2}}[ \t]+{_CAP_WORD}"
    rf"|[ \t]+(?i:al|el|as|ash|ad|an|ar|at|az)[-‑]{_CAP_WORD})(?![\w'’-])"
)


def find_names_with_particles(text: str) -> Iterator[Detail]:
    """A given name, a particle and a capitalised word: NAME, the whole. The
    given name is on the name lists (or in no list) and no place."""
    brands = brand_spans(text)
    for match in _WITH_PARTICLE.finditer(text):
        given = match.group("given").lower()
        if given in _PLACE_FIRST or given in RELATIONS:
            continue  # "Casa da Musica", "Villa de Leyva": places
        if given in PLACE_WORDS or given in NOT_PERSONS or given in places():
            continue
        if given not in first_names() and not (match.group("title") or _name_shaped(given)):
            continue
        if given in ordinary_words() and given not in first_names():
            continue
        last = match.group("rest").split()[-1]
        if last.lower() in PLACE_WORDS or last.lower() in places():
            continue  # "Newcastle upon Tyne", "Bishop's Stortford": places
        if any(a <= match.start() < b for a, b in brands):
            continue
        yield Detail(match.start(), match.end(), Category.NAME)


# A list of people: "Kai, Tyler and Reece", "kayden, rio and tj", "TYLER, JAYDEN AND MASON".
_ITEM = r"[A-Za-z][A-Za-z'’-]*"
_LIST = re.compile(
    rf"(?<![\w'’-])(?P<list>{_ITEM}(?:[ \t]*,[ \t]*{_ITEM}){{0,4}}[ \t]*,?[ \t]+(?:and|AND|&|n)"
    rf"[ \t]+{_ITEM})(?![\w'’-])"
)
_NOT_A_LIST_ITEM = word_set(
    """
    i me you he she it we they him her them us my your his our their its the a an this that
    these those there here who what when where why how and or but so then also too all both
    some any every each no not yes one two three four five six seven eight nine ten me
    mum dad nan gran brother sister son daughter mate mates friend friends wife husband
    partner kids children family police people lads boys girls men women others someone
    everyone anyone him her is was are were be been has have had do did will would can could
    am in on at to of for from with by up down out off over under again still just only
    year years time times day days night week month today tonight yesterday morning evening
    """
)


def shapes_capital(text: str, start: int) -> bool:
    """The word before ``start`` is capitalised: a list member of two words."""
    before = re.search(r"([A-Za-z]+)[ \t]+\Z", text[max(0, start - 20) : start])
    return before is not None and before.group(1)[:1].isupper() and before.group(1) != "I"


def _shape(item: str) -> str:
    if item.isupper():
        return "upper"
    if item.islower():
        return "lower"
    if item[:1].isupper():
        return "capital"
    return "mixed"


def find_lists_of_people(text: str) -> Iterator[Detail]:
    """Members of a list of two to six one-word items, all written alike,
    when at least one is a given name that is no English word and the others
    are no function words, relations, places or brands: NAME, each member."""
    shouted = _shouted(text)
    brands = brand_spans(text)
    for match in _LIST.finditer(text):
        items = list(re.finditer(_ITEM, match.group("list")))
        items = [i for i in items if i.group().lower() not in {"and", "n"}]
        if len(items) < 2:
            continue
        keys = [i.group().lower().replace("’", "'") for i in items]
        base = match.start("list")
        if any(a <= base + i.start() < b for a, b in brands for i in items):
            continue  # "Ann Summers and Ernest Jones": shops
        if re.search(r"[A-Za-z][ \t]+\Z", text[max(0, base - 3) : base]) and shapes_capital(
            text, base
        ):
            continue  # "Toby Carvery, Ann Summers and ...": members of two words
        if any("'" in k and not k.startswith(("o'", "d'")) for k in keys):
            continue  # "Ruth and I'm"
        shapes = {_shape(i.group()) for i in items}
        if len(shapes) != 1 or shapes == {"mixed"}:
            continue
        if shapes == {"upper"} and not shouted:
            continue  # "DJ and AJ" in an ordinary sentence: initials, brands; the card asks
        if any(
            k in _NOT_A_LIST_ITEM or k in NOT_PERSONS or k in PLACE_WORDS or k in places()
            for k in keys
        ):
            continue
        if any(k in proper_nouns() and k not in first_names() for k in keys):
            continue  # "Slovak and Roma", "Leeds and Bradford": peoples, languages, places
        plain = [
            k for k in keys if k in first_names() and k not in ordinary_words() and len(k) >= 3
        ]
        if not plain:
            continue
        if len(plain) * 2 < len(keys) and shapes == {"lower"}:
            continue  # "bread, milk and sam": most members are words
        after = re.match(r"[ \t]+([A-Z][a-z]+)", text[match.end() :])
        if after is not None and shapes == {"capital"} and after.group(1).lower() in surnames():
            continue  # "... and Ernest Jones": the last member has a surname
        for item, key in zip(items, keys, strict=True):
            if key in ordinary_words() and key not in first_names() and key not in surnames():
                continue  # "Later, Kai and Reece": the English word stays
            if key in proper_nouns() and key not in first_names() and key not in surnames():
                continue
            yield Detail(base + item.start(), base + item.end(), Category.NAME)


def _shouted(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


# "It was Okonkwo who hit him", "the one who did it was Delroy", "it's Carrick that".
_CLEFT = re.compile(
    rf"(?i:\b(?:it|twas|its|it['’]s)[ \t]+(?:was|is|were)?[ \t]*)(?P<a>{_CAP_WORD}"
    rf"(?:[ \t]+{_CAP_WORD})?)[ \t]+(?i:who|that)\b"
    rf"|(?i:\bthe[ \t]+one[ \t]+(?:who|that)[ \t]+[a-z' \t]{{1,40}}?[ \t]+(?:was|is))[ \t]+"
    rf"(?P<b>{_CAP_WORD}(?:[ \t]+{_CAP_WORD})?)(?=[ \t]*(?:[.,!?;\n]|$))"
)


def find_cleft_names(text: str) -> Iterator[Detail]:
    """The person a cleft sentence points at: NAME, when no English word,
    place or brand."""
    for match in _CLEFT.finditer(text):
        group = "a" if match.group("a") else "b"
        words = match.group(group).split()
        if not all(_name_shaped(w) or w.lower() in first_names() for w in words):
            continue
        if any(w.lower() in places() or w.lower() in PLACE_WORDS for w in words):
            continue
        yield Detail(match.start(group), match.end(group), Category.NAME)


_SIGN_WORDS = (
    r"(?:thanks|thank[ \t]+you|thanks[ \t]+again|many[ \t]+thanks|cheers|regards|kind[ \t]+regards|"
    r"best[ \t]+regards|best[ \t]+wishes|best|yours|sincerely|faithfully|ta|thx|thnx|thanx|"
    r"love|with[ \t]+thanks|laters|later|ta[ \t]+ra|tara|ciao|bye|peace)"
)
# The last line: a sign-off word (or a dash), then a name, initials or both.
_SIGNATURE = re.compile(
    rf"(?:(?i:\b{_SIGN_WORDS})[ \t]*[,.!:\-–]*[ \t\n]+|(?:^|\n|[.!?][ \t]+)[-–—~][ \t]*)"
    r"(?P<name>(?:(?:[A-Z]\.){2,3}|[A-Za-z][a-zà-ÿ'’-]*\.?|[A-Z]{1,3}\.?)"
    r"(?:[ \t]+(?:[A-Z][a-zà-ÿ'’-]*\.?|[A-Z]\.?)){0,2})"
    r"[ \t]*(?:x+|xx+|:\))?[ \t]*[.!]?[ \t]*\Z"
)
_NOT_A_SIGNATURE = word_set(
    """
    all everyone you u guys folks mate mates again advance in for the an any help anyone
    everybody lot lots much so very regards thanks cheers x xx xxx love bye now later soon
    officer officers team sir madam sarge police anon anonymous me i it this that ra rah
    """
)
_LONE_LAST_WORD = re.compile(
    r"[.!?][ \t]*\n?[ \t]*(?P<name>[A-Za-z][a-z]{1,14})[ \t]*[.!x]*[ \t]*\Z"
)
_NAME_SOMETHING = re.compile(
    r"(?<![\w'’])(?P<name>[A-Za-z][a-z]{2,14})[ \t]+(?i:something|summat|summit|whatsit|"
    r"whatever|or[ \t]+something|something[ \t]+or[ \t]+other)\b(?![ \t]+(?:else|like)\b)"
)
_GREETING = re.compile(
    r"(?:^|[.!?\n][ \t]*)(?i:hey|hi|hiya|hello|dear|morning|evening|alright|oi)[ \t]+"
    r"(?P<name>[A-Z][a-z'’-]{1,15})[ \t]*,"
)


def find_sign_offs_and_greetings(text: str) -> Iterator[Detail]:
    """The signer on the last line (a name, a nickname, initials), a given
    name standing alone after the last sentence ("... want a ref. jade"), a
    given name with "something" for the surname ("kyle something"), and the
    person a greeting addresses ("hey Faz, ..."): NAME."""
    match = _SIGNATURE.search(text)
    if match is not None and _a_signer(match.group("name"), _dashed(match.group())):
        yield Detail(match.start("name"), match.end("name"), Category.NAME)
    match = _LONE_LAST_WORD.search(text)
    if match is not None:
        key = match.group("name").lower()
        if (
            key in first_names()
            and len(key) >= 3
            and not (match.group("name")[:1].isupper() and key in ordinary_words())
            and key not in NOT_PERSONS
            and key not in _NOT_A_SIGNATURE
            and key not in _NOT_A_LIST_ITEM
        ):
            yield Detail(match.start("name"), match.end("name"), Category.NAME)
    for match in _NAME_SOMETHING.finditer(text):
        key = match.group("name").lower()
        if key in first_names() and key not in ordinary_words() and key not in NOT_PERSONS:
            yield Detail(match.start("name"), match.end("name"), Category.NAME)
    for match in _GREETING.finditer(text):
        key = match.group("name").lower()
        if key in ordinary_words() and key not in first_names():
            continue
        if key in _NOT_A_SIGNATURE or key in NOT_PERSONS or key in places():
            continue
        yield Detail(match.start("name"), match.end("name"), Category.NAME)


def _dashed(signature: str) -> bool:
    return signature.lstrip(" \t\n.!?")[:1] in {"-", "–", "—", "~"}


def _a_signer(name: str, dashed: bool) -> bool:
    """A signature that is a person's: no sign-off word, brand or place; not
    only English words, unless a dash at a line's start sets it apart."""
    keys = [w.lower().strip(".'’") for w in name.split()]
    if not keys or any(k in _NOT_A_SIGNATURE or k in NOT_PERSONS for k in keys):
        return False
    if any(k in places() and k not in first_names() for k in keys):
        return False
    words = [k for k in keys if k not in ordinary_words() or k in first_names() or len(k) <= 2]
    return bool(words) or (dashed and len(keys) == 1)


def signature_doubts(text: str) -> Iterator[tuple[int, int]]:
    """A last word after a dash that is an English word ("... any help -
    jazzy"): perhaps a nickname signing off; for the staff card."""
    match = _DASH_END.search(text)
    if match is not None and match.group("name").lower() not in _NOT_A_SIGNATURE:
        yield match.start("name"), match.end("name")


_DASH_END = re.compile(r"[ \t][-–—~][ \t]*(?P<name>[a-z]{3,15})[ \t]*[.!x]*[ \t]*\Z")


# "a lad they call "Spud"", "known as 'Smudge'", "writing "Tazz woz ere"".
_QUOTED_NICKNAME = re.compile(
    r"(?i:\b(?:call|calls|called|calling)(?:[ \t]+(?:him|her|them|himself|herself))?"
    r"|\bknown[ \t]+as|\bnicknamed|\baka|\bgoes[ \t]+by)[ \t]+['‘\"“]"
    r"(?P<name>[A-Z][A-Za-z'’-]{1,20}(?:[ \t]+[A-Z][A-Za-z'’-]{1,20})?)['’\"”]"
)
_GRAFFITI = re.compile(
    r"(?i:\b(?:writ(?:e|es|ing|ten)|wrote|spray(?:ed|ing|s)?|tag(?:ged|ging|s)?|scrawl(?:ed|ing|s)?|"
    r"paint(?:ed|ing|s)?|graffiti(?:'d|ed)?|carv(?:ed|ing))\b[^\n\"“]{0,40}?)[\"“]"
    r"(?P<quote>[^\"”\n]{2,60})[\"”]"
)
_GRAFFITI_NAME = re.compile(r"(?<![\w'’])[A-Z][A-Za-z]{1,15}(?:[ \t]+[A-Z](?:[A-Za-z]{1,15})?\b)?")


def find_quoted_nicknames_and_graffiti(text: str) -> Iterator[Detail]:
    """A nickname in quotes after a cue, and a name inside quoted graffiti
    ("Tazz woz ere", "JORDY G IS A GRASS"): NAME."""
    for match in _QUOTED_NICKNAME.finditer(text):
        key = match.group("name").lower()
        if key in NOT_PERSONS or key in places():
            continue
        yield Detail(match.start("name"), match.end("name"), Category.NAME)
    for match in _GRAFFITI.finditer(text):
        quote = match.group("quote")
        base = match.start("quote")
        for word in _GRAFFITI_NAME.finditer(quote):
            parts = word.group().split()
            key = parts[0].lower()
            if key in ordinary_words() and key not in first_names():
                continue
            if key in NOT_PERSONS or key in places() or key in _NOT_A_LIST_ITEM:
                continue
            yield Detail(base + word.start(), base + word.end(), Category.NAME)


# "Patrick 'Pa' Ward": a nickname in quotes between a given name and a surname.
_QUOTED_MIDDLE = re.compile(
    rf"(?<![\w'’])(?P<given>{_CAP_WORD})[ \t]+['‘\"“][A-Z][A-Za-z'’ -]{{0,20}}['’\"”][ \t]+"
    rf"(?P<surname>{_CAP_WORD})(?![\w'’-])"
)
# "is J.T., he lives", "signed R.J.": dotted initials where a person stands.
_DOTTED = re.compile(
    r"(?i:\b(?:is|was|by|called|named|signed|from|with|told|asked)[ \t]+)"
    r"(?P<initials>(?:[A-Z]\.[ \t]?){2,3})(?=[ \t]*(?:,|$|\n|[ \t](?:he|she|who|said|told)\b))"
)
_NOT_INITIALS = word_set("uk us am pm eu nb ps rip asap ie eg etc usa ad bc tv dj")
# "the ginger one, Carrick, is": a name set off by commas after a person's noun.
_APPOSED = re.compile(
    r"(?i:\b(?:one|lad|bloke|man|woman|girl|boy|guy|kid|fella|lady|neighbour|ringleader|"
    r"leader|owner|driver|cleaner|caretaker|warden|manager|landlord|landlady|tenant|"
    r"teacher|coach|boss|priest|vicar|imam))[ \t]*,[ \t]*"
    rf"(?P<name>{_CAP_WORD}(?:[ \t]+{_CAP_WORD})?)[ \t]*,"
)


def find_nicknamed_initialled_and_apposed(text: str) -> Iterator[Detail]:
    """A name with a quoted nickname inside it, dotted initials where a
    person stands, and a name set off by commas after a person's noun: NAME."""
    for match in _QUOTED_MIDDLE.finditer(text):
        surname = match.group("surname")
        if match.group("given").lower() in first_names() and (
            _name_shaped(surname) or surname.lower() in surnames()
        ):
            yield Detail(match.start(), match.end(), Category.NAME)
    for match in _DOTTED.finditer(text):
        letters = re.sub(r"[^A-Za-z]", "", match.group("initials")).lower()
        if letters not in _NOT_INITIALS:
            yield Detail(match.start("initials"), match.end("initials"), Category.NAME)
    for match in _APPOSED.finditer(text):
        words = match.group("name").split()
        if all(_name_shaped(w) or w.lower() in first_names() for w in words):
            yield Detail(match.start("name"), match.end("name"), Category.NAME)
