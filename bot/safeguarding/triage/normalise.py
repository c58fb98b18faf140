"""Normalisation: the message as the rules read it. Invisible and
bidirectional characters dropped, compatibility forms folded (fullwidth
``ｋｉｌｌ``), lowercase, straight apostrophes, text-speak and typos spelled
out (``data/spellings.yaml``)."""

from __future__ import annotations

import re
import unicodedata

from bot.edge.text import strip_hidden
from bot.safeguarding.triage.data import TriageDataError, compiled, lines, mapping, read, text

_FILE = "spellings.yaml"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "-": " ", "_": " "})
# Laughing emoji read as "lol" (a joke, guards.yaml), not dropped with the
# other symbols: "im gonna end up strangling my flatmate 😂". Round 6: the
# eye-roll too ("my mum's convinced he's going to murder me 🙄").
_LAUGHING = str.maketrans({"😂": " lol ", "🤣": " lol ", "🙄": " lol "})
# Anything that is not a letter, digit, apostrophe, space or clause punctuation.
# A run of them is one space (the spaces around it stay): 560 Chinese
# characters are one substitution, not 560.
_OTHER_CHARS = re.compile(r"[^a-z0-9'\s.,!?;:]+")
# Splits a message into words (letters, digits, apostrophes) and what is between.
_WORD_SPLIT = re.compile(r"([a-z0-9']+)")


def spellings(
    parsed: object,
) -> tuple[dict[str, str], re.Pattern[str], list[tuple[re.Pattern[str], str]]]:
    """From the parsed ``data/spellings.yaml``: the words to respell, the
    pattern of "2" read as "to", and the phrase replacements in order.

    Raises TriageDataError for a missing or unknown list, a word that can
    never be seen (not lowercase letters, digits and apostrophes) or a
    phrase that is not a regular expression."""
    data = mapping(parsed, _FILE)
    if set(data) != {"words", "two_as_to", "phrases"}:
        raise TriageDataError(f"{_FILE}: give words, two_as_to and phrases")
    words = {
        word: text(spelled, f"{_FILE}: words: {word}")
        for word, spelled in mapping(data["words"], f"{_FILE}: words").items()
    }
    for word in words:
        if not _WORD_SPLIT.fullmatch(word):
            raise TriageDataError(
                f"{_FILE}: words: {word!r} is never seen: a word here is lowercase letters,"
                " digits and apostrophes"
            )
    # "2" is "to" after these words: "tryin 2 get in", "want 2 die".
    two_as_to = compiled(
        r"\b(" + "|".join(lines(data["two_as_to"], f"{_FILE}: two_as_to")) + r") 2\b",
        f"{_FILE}: two_as_to",
    )
    phrases = [
        (compiled(find, f"{_FILE}: phrases: {find}"), text(write, f"{_FILE}: phrases: {find}"))
        for find, write in mapping(data["phrases"], f"{_FILE}: phrases").items()
    ]
    return words, two_as_to, [*phrases, (re.compile(r"\s+"), " ")]


_WORDS, _TWO_AS_TO, _PHRASES = spellings(read(_FILE))


def normalise(message: str) -> str:
    """The message as the rules read it, with one space at each end (so every
    word has a space on both sides). Characters that show nothing
    (``bot.edge.text.strip_hidden``, and every other format character, even
    the joiners an emoji keeps) are dropped before anything else, so
    ``k\u200bill`` reads as ``kill``, not as ``k ill``."""
    visible = strip_hidden(message)
    if not visible.isascii():  # ASCII has no format characters
        visible = "".join(c for c in visible if unicodedata.category(c) != "Cf")
    folded = unicodedata.normalize("NFKC", visible)
    lowered = _OTHER_CHARS.sub(" ", folded.lower().translate(_APOSTROPHES).translate(_LAUGHING))
    parts = _WORD_SPLIT.split(lowered)
    parts[1::2] = [_WORDS.get(word, word) for word in parts[1::2]]
    spelled = "".join(parts)
    spelled = _TWO_AS_TO.sub(r"\1 to", spelled)
    for pattern, replacement in _PHRASES:
        spelled = pattern.sub(replacement, spelled)
    return f" {spelled.strip()} "
