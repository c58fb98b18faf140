"""Which language a resident wrote in, when it is not English.

The forum answers in English; a resident who writes in another language is
sent the emergency guidance in theirs, and officers are told on the card.
Identification is lingua (``lingua-language-detector``: its models ship in
its wheel, nothing is downloaded), limited to English, Welsh and the UK's
most-used community languages (2021 census), in its low-accuracy mode:
built in about 50 ms, some 30 MB, well under a millisecond a message.

Short texts are where any identifier guesses, so a message is only taken as
another language when it has at least ``MIN_LETTERS`` letters; a wrong guess
costs a resident one extra notice in another language, a missed one costs
them the guidance, so the bar is low but not nothing.
"""

from __future__ import annotations

import functools
import re

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from bot.safeguarding.read_texts import hold

MIN_LETTERS = 12

# ISO 639-1 code of each language identified, English first (the forum's own).
SUPPORTED: dict[Language, str] = {
    Language.ENGLISH: "en",
    Language.WELSH: "cy",
    Language.POLISH: "pl",
    Language.ROMANIAN: "ro",
    Language.PUNJABI: "pa",
    Language.URDU: "ur",
    Language.PORTUGUESE: "pt",
    Language.ARABIC: "ar",
    Language.BENGALI: "bn",
    Language.GUJARATI: "gu",
    # Identified since issue 15d. Spanish, French, Italian, Turkish and
    # Chinese have a guidance text (config/messages/en.yaml); the others
    # are named on the card and an urgent message gets the English guidance.
    Language.SOMALI: "so",
    Language.LITHUANIAN: "lt",
    Language.TURKISH: "tr",
    Language.PERSIAN: "fa",
    Language.TAMIL: "ta",
    Language.CHINESE: "zh",
    Language.SLOVAK: "sk",
    Language.SPANISH: "es",
    Language.ITALIAN: "it",
    Language.FRENCH: "fr",
    # Identified since round 12 (issue 15): named on the card, the English
    # guidance (no text of their own); each has danger phrases. Tagalog is
    # not asked for: eight short English lines of the corpora were taken for
    # it (docs/decisions.md).
    Language.BULGARIAN: "bg",
    Language.UKRAINIAN: "uk",
    Language.RUSSIAN: "ru",
    Language.ALBANIAN: "sq",
    Language.VIETNAMESE: "vi",
    Language.HUNGARIAN: "hu",
    Language.LATVIAN: "lv",
    Language.GREEK: "el",
    Language.CZECH: "cs",
}
"""English, Welsh, and the most-spoken main languages in England and Wales
after English at the 2021 census that lingua identifies (Polish, Romanian,
Panjabi, Urdu, Portuguese, Arabic, Bengali, Gujarati); then (issue 15d)
other languages residents in the UK write that lingua identifies: Somali,
Lithuanian, Turkish, Persian (Farsi), Tamil, Chinese, Slovak, Spanish,
Italian and French; then (round 12) Bulgarian, Ukrainian, Russian,
Albanian, Vietnamese, Hungarian, Latvian, Greek and Czech. Kurdish, Pashto,
Tigrinya, Amharic and Nepali lingua does not identify, and Tagalog it is
not asked for (their danger phrases name them). Identifying the eleven of
issue 15d also stops Spanish and French being taken for Portuguese, and
Farsi for Urdu."""


@functools.cache
def _detector() -> LanguageDetector:
    return (
        LanguageDetectorBuilder.from_languages(*SUPPORTED)
        .with_low_accuracy_mode()
        .with_preloaded_language_models()
        .build()
    )


def warm_up() -> None:
    """Build the detector now (about 50 ms) rather than on the first message."""
    _detector()


# Short English words that are not words of the other languages (so not
# "a", "i", "in", "to", "my", "was", "are", "can", "me": Welsh, Polish,
# Romanian or Portuguese words too). Two of them make a message English,
# whatever the identifier guesses on a short one ("The car was a Vauxhall").
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "is",
        "and",
        "you",
        "it",
        "of",
        "for",
        "with",
        "this",
        "that",
        "have",
        "there",
        "what",
        "when",
        "your",
        "will",
        "would",
        "should",
        "not",
        "but",
        "they",
        "she",
        "he",
        "we",
        # round 12: "who is our pcso" was taken for Hungarian
        "who",
        "our",
    ]
)
_WORD = re.compile(r"[a-z']+")
MIN_CONFIDENCE = 0.95

# Urdu, Hindi and Punjabi written in Latin letters ("koi ghar mein ghus aaya
# hai"): lingua has no model of them and takes them, sure, for French,
# Somali or Turkish. Two of these words (none a word of a language
# identified) make a message romanised Urdu, Hindi or Punjabi, which is not
# identified: when it is urgent, the danger phrase that found it names the
# language (bot.safeguarding.triage.other_languages).
_ROMANISED_WORDS = frozenset(
    [
        "hai",
        "hain",
        "nahi",
        "nahin",
        "mera",
        "meri",
        "mere",
        "aur",
        "raha",
        "rahi",
        "rahe",
        "kya",
        "abhi",
        "gaya",
        "gayi",
        "hoon",
        "mujhe",
        "reha",
        "vich",
        "hune",
        "menu",
        "bahut",
        "bohat",
        "ghar",
        "kuch",
        "jaldi",
        "woh",
        "yahan",
        "lekin",
        "bhai",
        "beta",
        "beti",
        "tha",
        "thi",
        "hua",
        "hui",
        "kaise",
        "kahan",
        "pichle",
    ]
)
# Arabic in Latin letters and digits (Arabizi: "3am", "sa3dooni", "7aram"):
# a word with 2, 3, 5 or 7 inside it, or at its start before two letters
# (not "2nd", "3rd", "m25").
_ARABIZI = re.compile(r"\b(?:[a-z]+[2357][a-z]+|[2357](?!nd\b|rd\b|th\b|st\b)[a-z]{2,})\b")


def _romanised(lowered: str) -> bool:
    """Whether ``lowered`` (lower case) reads as Urdu, Hindi, Punjabi or
    Arabic written in Latin letters: two words of ``_ROMANISED_WORDS``, or
    two Arabizi words."""
    words = _WORD.findall(lowered)
    if len({word for word in words if word in _ROMANISED_WORDS}) >= 2:
        return True
    return len(_ARABIZI.findall(lowered)) >= 2


# Round 12: Tagalog and Kurmanji Kurdish in Latin letters. lingua has no
# Kurdish, and asked for Tagalog it took eight short English lines of the
# corpora for it; two of a language's own common words (none an English
# word or a word of a language identified) name it instead.
_MARKED: dict[str, frozenset[str]] = {
    "tl": frozenset(
        [
            "ang",
            "ng",
            "mga",
            "nang",
            "naman",
            "kasi",
            "hindi",
            "siya",
            "namin",
            "natin",
            "ninyo",
            "niyo",
            "yung",
            "kayo",
            "ko",
            "paano",
            "bakit",
            "saan",
            "kailangan",
            "ngayon",
            "bukas",
        ]
    ),
    "ku": frozenset(
        [
            "xwe",
            "heye",
            "divê",
            "çawa",
            "çi",
            "ji",
            "û",
            "bû",
            "ku",
            "hatiye",
            "dikim",
            "bikim",
            "nikarin",
            "silav",
            "werin",
            "bikin",
            "dixwazim",
        ]
    ),
}
_MARKED_WORD = re.compile(r"[^\W\d_]+")

# The languages identified (above) that the triage model was not trained on
# (round 12): its verdict on them is its bias, not a reading
# (bot.safeguarding.triage: the danger phrases decide for them).
# Slovak too (identified since issue 15d; the model read none): lingua
# cannot always tell it from Czech in a short message.
MODEL_UNREAD = frozenset({"bg", "uk", "ru", "sq", "vi", "hu", "lv", "el", "cs", "sk", "tl", "ku"})
_CZECH_OR_SLOVAK = (Language.CZECH, Language.SLOVAK)


def _marked(lowered: str) -> str | None:
    """The code of the language of ``_MARKED`` two of whose words are in
    ``lowered`` (lower case), else None."""
    words = set(_MARKED_WORD.findall(lowered))
    for code, marks in _MARKED.items():
        if len(words & marks) >= 2:
            return code
    return None


@hold
@functools.lru_cache(maxsize=256)  # a question is read twice: its reply, then its card
def identify(text: str) -> str | None:
    """The ISO 639-1 code (``"pl"``) of the language ``text`` is written in,
    when it is one of ``SUPPORTED`` other than English; None for English,
    for text too short to tell (fewer than ``MIN_LETTERS`` letters), for
    text with two or more common English words, for Urdu, Hindi, Punjabi or
    Arabic written in Latin letters (which lingua takes for other languages:
    ``_romanised``), and when the identifier is less than ``MIN_CONFIDENCE``
    sure. ``"tl"`` (Tagalog) or ``"ku"`` (Kurmanji Kurdish) for text with two
    of that language's common words (``_MARKED``), which lingua is not asked
    to tell. Never raises."""
    if sum(c.isalpha() for c in text) < MIN_LETTERS:
        return None
    lowered = text.lower()
    if sum(word in _ENGLISH_WORDS for word in _WORD.findall(lowered)) >= 2:
        return None
    if _romanised(lowered):
        return None
    marked = _marked(lowered)
    if marked is not None:
        return marked
    best = _detector().compute_language_confidence_values(text)[0]
    code = SUPPORTED.get(best.language)
    if code is None or code == "en" or best.value < MIN_CONFIDENCE:
        return None
    return code


def unread_by_model(text: str) -> str | None:
    """The code of the language ``text`` is written in when it is one of
    ``MODEL_UNREAD`` (round 12: languages the triage model has read nothing
    of), as ``identify`` gives it; or ``"cs"``/``"sk"`` (whichever lingua
    puts first) when lingua is at least ``MIN_CONFIDENCE`` sure it is Czech
    or Slovak but not which ("Můj balík zmizel ...": 0.90 Slovak, 0.10
    Czech). None otherwise. Never raises."""
    code = identify(text)
    if code is not None:
        return code if code in MODEL_UNREAD else None
    if sum(c.isalpha() for c in text) < MIN_LETTERS:
        return None
    lowered = text.lower()
    if sum(word in _ENGLISH_WORDS for word in _WORD.findall(lowered)) >= 2:
        return None
    values = _detector().compute_language_confidence_values(text)
    if values[0].language not in _CZECH_OR_SLOVAK:
        return None
    either = sum(v.value for v in values if v.language in _CZECH_OR_SLOVAK)
    return SUPPORTED[values[0].language] if either >= MIN_CONFIDENCE else None


def choose(identified: str | None, phrase: str | None, text: str) -> str | None:
    """The language ``text`` is taken as written in, from ``identify``'s
    code and the language of the danger phrase the triage found in it
    (``Triage.language``; None when none did). When they differ, lingua's
    when a danger phrase of its language is in ``text`` too (a Slovak
    message that holds a Polish phrase and a Slovak one), else the
    phrase's: lingua, sure, takes short messages for other languages
    ("O meu namorado está a bater-me agora" for Romanian), and cannot name
    a language it is not asked to identify (German read as Welsh)."""
    if phrase is None or identified is None or identified == phrase:
        return identified or phrase
    # imported here: importing bot.safeguarding.triage reads no data file
    from bot.safeguarding.triage.other_languages import languages

    return identified if identified in languages(text) else phrase
