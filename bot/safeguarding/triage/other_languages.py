"""Danger phrases in other languages (``data/other_languages.yaml``): Welsh
and the UK's most-used community languages, each phrase named with its
language (ISO 639-1, as ``bot.safeguarding.language``) and concern.

A phrase is literal text, not a pattern: it is normalised as a message is
(:func:`fold`) and found as whole words; one written with a leading ``^``
only at the start of the message. Scripts written without spaces between
words (Chinese characters, Japanese kana, Thai) are read a character at a time:
every such character is a word of its own, so a Chinese phrase is found
wherever its characters stand together in the message (a substring), "拿刀"
inside "有个男人拿刀砍我". A message is split into words and each
word looked up among the phrases' first words. A message containing one is
urgent whatever the English guards would say (they read English, and a
resident who writes "pomocy" is not asking a general question), unless it
also has one of the phrases of concern ``none`` ("w zeszłym roku": last
year).

A phrase may also be written in parts, ``"mera beta|meri beti ... gum ho"``:
the parts stand in that order, each starting at most ``GAP`` words after
the one before ends ("mera chhe saal ka beta beach pe gum ho gaya"), or
right after it when written ``" + "`` ("phone + lost"), and a part may be
any of its alternatives (``|``). A concept said with words
between its subject and its event ("my daughter, four years old, got lost")
is one line rather than every sentence.

A laughing emoji (😂, 🤣) says a danger or crime phrase is a joke or an
idiom ("mă omoară șeful 😂"), as "lol" does for the English rules; a
self-harm phrase stays urgent.

Read once when this module is first imported (by ``triage.load``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from bot.edge.text import strip_hidden
from bot.safeguarding.triage.concern import Concern, Triage
from bot.safeguarding.triage.data import TriageDataError, lines, mapping, read, text

_FILE = "other_languages.yaml"
_CONCERNS = {Concern.NONE, Concern.DANGER, Concern.CRIME_IN_PROGRESS, Concern.SELF_HARM}

# Arabic-script letters written two ways (Arabic and Urdu/Shahmukhi forms),
# and the tatweel; each read as one. Latin letters NFKD leaves whole.
_FOLD = str.maketrans(
    {
        "\u06cc": "\u064a",  # Farsi yeh -> yeh
        "\u0649": "\u064a",  # alef maksura -> yeh
        "\u06a9": "\u0643",  # keheh -> kaf
        "\u06c1": "\u0647",  # heh goal -> heh
        "\u06c2": "\u0647",  # heh goal with hamza -> heh
        "\u06be": "\u0647",  # heh doachashmee -> heh
        "\u06d5": "\u0647",  # ae -> heh
        "\u0629": "\u0647",  # teh marbuta -> heh
        "\u0623": "\u0627",  # alef with hamza above -> alef
        "\u0625": "\u0627",  # alef with hamza below -> alef
        "\u0622": "\u0627",  # alef with madda -> alef
        "\u0671": "\u0627",  # alef wasla -> alef
        "\u0640": None,  # tatweel
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",  # modifier apostrophe, as Ukrainian writes "бʼє" (round 12)
        "ł": "l",
        "ø": "o",
        "đ": "d",
    }
)
# Accents on Latin letters (the combining marks NFKD splits off) and the
# vowel marks of Arabic script, dropped.
_MARKS = re.compile("[\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed]")
# Characters that show nothing (format characters, the joiners included).
_HIDDEN = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# Characters of scripts written without spaces between words: CJK
# ideographs (with extension A and the compatibility block), Japanese
# kana and (round 15) Thai, its vowel and tone marks included. Each is made
# a word of its own (fold).
_UNSPACED = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A word: one such character, or a run of anything else but spaces. (A
# findall, several times faster than putting spaces round each character
# with a substitution: 0.17 ms against 0.74 ms for 560 Chinese characters.)
_TOKEN = re.compile(f"[{_UNSPACED}]|[^\\s{_UNSPACED}]+")
# Anything that is neither a letter, a digit, an apostrophe nor a vowel sign
# of the Indic scripts or Thai (which Python does not count as \w).
_NOT_WORD = re.compile(r"[^\w'\u0900-\u0dff\u0e00-\u0e7f]+")
# An apostrophe that opens or closes a word is a quotation mark ("'hwyl fawr
# i bawb'"), not part of the word as in "mae'r".
_QUOTE = re.compile(r"(?<![\w\u0900-\u0dff])'|'(?![\w\u0900-\u0dff])")


def fold(message: str) -> str:
    """``message`` as the phrases are matched against it: hidden characters
    dropped, compatibility forms folded, case folded, accents taken off Latin
    letters ("pożar" -> "pozar", "ajutați" -> "ajutati") and vowel marks off
    Arabic letters, Arabic and Urdu letter forms made one, punctuation and
    hyphens spaces, quotation marks off words ("'hwyl" -> "hwyl"), every
    character of a script written without spaces (Chinese, Japanese kana) a
    word of its own ("救命！" -> " 救 命 "), with one space at each end."""
    visible = _HIDDEN.sub("", strip_hidden(message)).casefold()
    if not visible.isascii():
        decomposed = unicodedata.normalize("NFKD", visible)
        visible = unicodedata.normalize("NFC", _MARKS.sub("", decomposed)).translate(_FOLD)
    spaced = _QUOTE.sub(" ", _NOT_WORD.sub(" ", visible))
    words = spaced.split() if spaced.isascii() else _TOKEN.findall(spaced)
    return " " + " ".join(words) + " "


# Words that may stand between two parts of a phrase written "a ... b"; in
# one written "a + b", b follows a at once.
GAP = 4
_PARTS = re.compile(r"\s+(\.\.\.|\+)\s+")
# Emoji that say the writer is laughing: a danger or crime phrase is then a
# joke or an idiom (the English rules read them as "lol").
_LAUGHING = ("\U0001f602", "\U0001f923")  # 😂 🤣


@dataclass(frozen=True)
class Phrases:
    language: str  # ISO 639-1, "pl"
    concern: Concern
    # folded, as found in a folded message; "^": at its start; " ... " or
    # " + " between parts, "|" between a part's alternatives
    words: tuple[str, ...]
    # concern none only: stops just the phrases that share its words ("his
    # phone ... lost" in "my son lost his phone"), not the whole message
    local: bool = False
    # not none (round 15): a condition that lasts (held by an employer:
    # locked in, the passport kept), which a "not about now" phrase elsewhere
    # ("hit me yesterday") does not stop
    lasting: bool = False


def _folded(phrase: str, where: str) -> str:
    """``phrase`` of the data file folded as a message is, its parts
    (``" ... "``, ``" + "``) and alternatives (``"|"``) kept apart.

    Raises TriageDataError for a phrase, a part or an alternative that
    folds to nothing."""
    pieces = _PARTS.split(phrase.removeprefix("^").strip())
    for at in range(0, len(pieces), 2):  # the parts; the separators between
        alternatives = [fold(alternative).strip() for alternative in pieces[at].split("|")]
        if not all(alternatives):
            raise TriageDataError(f"{where}: phrases: {phrase!r} is no words")
        pieces[at] = "|".join(alternatives)
    return ("^" if phrase.startswith("^") else "") + " ".join(pieces)


def entries(parsed: object) -> list[Phrases]:
    """The entries of the parsed ``data/other_languages.yaml``.

    Raises TriageDataError for a file that is not a list of entries, an
    entry without language, concern or phrases, an unknown key or concern,
    or a phrase that folds to nothing. An entry of concern ``none`` lists
    phrases that say the message is not about now ("last year", "joking");
    one with ``local: true`` (concern none only), phrases that say their own
    words are ordinary ("lost his phone"); one with ``lasting: true`` (not
    none), phrases of a condition that lasts, which "not about now" does not
    stop ("locks me in her room ... hit me yesterday")."""
    if not isinstance(parsed, list):
        raise TriageDataError(f"{_FILE}: expected a list of entries (- language: ...)")
    found: list[Phrases] = []
    for number, entry in enumerate(parsed, 1):
        where = f"{_FILE}: entry {number}"
        fields = mapping(entry, where)
        if set(fields) - {"local", "lasting"} != {"language", "name", "concern", "phrases"}:
            raise TriageDataError(f"{where}: give language, name, concern and phrases")
        language = text(fields["language"], f"{where}: language")
        if not re.fullmatch(r"[a-z]{2}", language):
            raise TriageDataError(f"{where}: language is an ISO 639-1 code, such as pl")
        text(fields["name"], f"{where}: name")
        try:
            concern = Concern(text(fields["concern"], f"{where}: concern"))
        except ValueError:
            raise TriageDataError(
                f"{where}: concern is danger, crime_in_progress, self_harm or none"
            ) from None
        words = [_folded(phrase, where) for phrase in lines(fields["phrases"], f"{where}: phrases")]
        local = fields.get("local", False)
        if local not in (True, False) or (local and concern is not Concern.NONE):
            raise TriageDataError(f"{where}: local is true or false, and true only for none")
        lasting = fields.get("lasting", False)
        if lasting not in (True, False) or (lasting and concern is Concern.NONE):
            raise TriageDataError(f"{where}: lasting is true or false, and false for none")
        found.append(Phrases(language, concern, tuple(words), bool(local), bool(lasting)))
    return found


# A part of a phrase: its alternatives, each as words.
_Part = tuple[tuple[str, ...], ...]
# A part after the first: the words that may stand before it, and the part.
_Later = tuple[int, _Part]
# Where a phrase may start: its first word -> (the words of its first part
# (one alternative), only at the message's start, its entry's index, its
# other parts), longest first.
_Index = dict[str, list[tuple[tuple[str, ...], bool, int, tuple[_Later, ...]]]]


def _indexed(found: list[Phrases]) -> _Index:
    """Every phrase of ``found`` by its first word (a dictionary look-up a
    word of the message is several times faster than one regular
    expression of some 550 alternatives); a phrase whose first part has
    alternatives, under each of their first words."""
    index: _Index = {}
    for number, entry in enumerate(found):
        for phrase in entry.words:
            pieces = _PARTS.split(phrase.removeprefix("^"))
            first, *rest = (
                tuple(tuple(alternative.split()) for alternative in part.split("|"))
                for part in pieces[::2]
            )
            gaps = [GAP if separator == "..." else 0 for separator in pieces[1::2]]
            for words in first:
                index.setdefault(words[0], []).append(
                    (words, phrase.startswith("^"), number, tuple(zip(gaps, rest, strict=True)))
                )
    for starting in index.values():
        starting.sort(key=lambda found: -len(found[0]))
    return index


def _rest_found(words: list[str], end: int, rest: tuple[_Later, ...]) -> tuple[int, int]:
    """Where the last part of ``rest`` starts and ends in ``words`` when each
    part starts, in turn, at most its gap (GAP, or 0) words after the one
    before it ends (the first at ``end``); (-1, -1) when one does not."""
    last = end
    for gap, part in rest:
        for start in range(end, min(end + gap, len(words) - 1) + 1):
            found = next((a for a in part if tuple(words[start : start + len(a)]) == a), None)
            if found is not None:
                last, end = start, start + len(found)
                break
        else:
            return -1, -1
    return last, end


ENTRIES = entries(read(_FILE))
_INDEX = _indexed(ENTRIES)


# "And" joined to the front of an Arabic word ("وما يتنفس": "and he is not
# breathing"): a message's words are also read without it.
_AND = re.compile("(?<= )\u0648(?=[\u0621-\u064a]{2})")


def _found(words: list[str], every: bool = False) -> Iterator[tuple[Phrases, int, int, int]]:
    """Each phrase found in ``words``, in their order, as (its entry, the
    index of its first word, one past its last, the index of its last part's
    first word): one a position (the
    longest there, the first in the file of those as long), or with
    ``every`` each entry with a phrase there ("ma noz" is Polish and
    Slovak)."""
    for position, word in enumerate(words):
        for phrase, at_start, number, rest in _INDEX.get(word, ()):
            if at_start and position:
                continue
            if tuple(words[position : position + len(phrase)]) != phrase:
                continue
            last, end = (
                _rest_found(words, position + len(phrase), rest)
                if rest
                else (position, position + len(phrase))
            )
            if end >= 0:
                yield ENTRIES[number], position, end, last
                if not every:
                    break


def _readings(message: str) -> list[list[str]]:
    """The words of ``message`` as the phrases are looked for in them: as
    written, and (when it differs) with "and" read off Arabic words."""
    folded = fold(message)
    readings = [folded.split()]
    if "\u0648" in folded:
        without_and = _AND.sub("", folded)
        if without_and != folded:
            readings.append(without_and.split())
    return readings


@dataclass(frozen=True)
class _Scan:
    stopped: Phrases | None  # the first phrase of concern none (not local)
    first: Phrases | None  # the first other phrase no local none shares words with
    ordinary: Phrases | None  # the first local none phrase


def _scan(words: list[str]) -> _Scan:
    """What the phrases in ``words`` say."""
    urgent: list[tuple[Phrases, int, int, int]] = []
    local: list[tuple[Phrases, int, int, int]] = []
    stopped: Phrases | None = None
    for entry, start, end, last in _found(words, every=True):
        if entry.concern is not Concern.NONE:
            urgent.append((entry, start, end, last))
        elif entry.local:  # "lost his phone": its own words are ordinary
            local.append((entry, start, end, last))
        else:  # "last year", "joking": not about now
            stopped = stopped or entry
    if stopped is not None:  # only a lasting condition outlives it (round 15)
        urgent = [found for found in urgent if found[0].lasting]
        if not urgent:
            return _Scan(stopped, None, None)
    # A local phrase takes away the phrases it overlaps, but not one written
    # in parts whose last part stands wholly after it: that says something
    # after its ordinary words (round 14: "took all the tablets the doctor
    # prescribed ... and does not wake").
    kept = [
        e
        for e, s, t, last in urgent
        if not any(ls < t and s < le and last < le for _, ls, le, _ in local)
    ]
    return _Scan(None, kept[0] if kept else None, local[0][0] if local else None)


def languages(message: str) -> frozenset[str]:
    """The languages (ISO 639-1) of every phrase of danger, crime or
    self-harm in ``message``, whatever else it says: a Slovak message may
    hold a Polish phrase and a Slovak one."""
    return frozenset(
        entry.language
        for words in _readings(message)
        for entry, _start, _end, _last in _found(words, every=True)
        if entry.concern is not Concern.NONE
    )


def assess_other(message: str) -> Triage | None:
    """The concern of the first danger phrase of another language in
    ``message``, with that language (``Triage.language``) and the reason
    ``"<concern>.other_language.<code>"``; None if there is no phrase. A
    phrase of concern ``none`` ("last year", "joking") makes the message not
    urgent whatever else it has: ``Triage(NONE, "none.other_language.<code>")``;
    a local one (``Phrases.local``) takes away the phrases it shares words
    with (not one in parts whose last part stands wholly after it: round
    14), and says the same when no other is left; so does a laughing emoji
    (``_LAUGHING``) with a phrase of danger or crime. Arabic words are read
    as written and without a leading "and" (و)."""
    first: Phrases | None = None
    ordinary: Phrases | None = None
    for words in _readings(message):
        said = _scan(words)
        if said.stopped is not None:
            return Triage(Concern.NONE, f"none.other_language.{said.stopped.language}")
        first = first or said.first
        ordinary = ordinary or said.ordinary
    if first is None and ordinary is not None:  # silences the English model
        return Triage(Concern.NONE, f"none.other_language.{ordinary.language}")
    if first is None:
        return None
    if first.concern is not Concern.SELF_HARM and any(e in message for e in _LAUGHING):
        return Triage(Concern.NONE, f"none.other_language.{first.language}")
    return Triage(first.concern, f"{first.concern}.other_language.{first.language}", first.language)
