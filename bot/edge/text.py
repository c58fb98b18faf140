"""Text from outside made valid before the core keeps or shows it.

Every adapter passes every string it takes in (message text, captions,
command arguments, button data, handles and display names, web form fields)
through :func:`clean_text` or :func:`clean_line`, and the inbox applies them
again to whole events before it stores them (``bot.edge.inbound.clean_inbound``).
What comes out can always be encoded as UTF-8, stored in SQLite, rendered
to HTML or JSON and sent back to any platform.
"""

from __future__ import annotations

import re
import unicodedata

REPLACEMENT = "\ufffd"

# Bidirectional controls: embeddings and overrides, isolates, and the marks.
# They reorder what is shown (``is \u202eevil\u202c`` reads backwards) without
# changing what is stored, so officers, triage and the archive would not read
# the same text.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Characters with no visible form that can sit inside a word or a number
# (``k\u200bill``, ``07700\u2060900123``): zero-width space, word joiner and
# invisible operators, the byte order mark, soft hyphen, Mongolian vowel
# separator, the deprecated format characters.
INVISIBLE = "\u00ad\u180e\u200b\u2060-\u2064\u206a-\u206f\ufeff"
_ZWNJ = "\u200c"  # zero-width non-joiner: needed inside Persian and Indic words
_ZWJ = "\u200d"  # zero-width joiner: needed inside emoji sequences (👩‍⚕️, 🏳️‍🌈)
_TAGS = "\U000e0000-\U000e007f"  # tag characters: only in subdivision flags (🏴 England)
_BLACK_FLAG = "\U0001f3f4"
_VS16 = "\ufe0f"
_HIDDEN = re.compile(f"[{BIDI_CONTROLS}{INVISIBLE}{_ZWNJ}{_ZWJ}{_TAGS}]")

# What can need changing: C0 controls other than tab and newline (so CR too),
# DEL, C1 controls, surrogate code points (never valid on their own), and
# the hidden characters above.
_SUSPECT = re.compile(
    f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{BIDI_CONTROLS}{INVISIBLE}{_ZWNJ}{_ZWJ}{_TAGS}]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile("[\t\n]+")


def clean_text(text: str) -> str:
    """``text`` as valid Unicode text in NFC, with its lines and tabs kept.

    - A surrogate pair carried as two code points is joined into its
      character; a lone surrogate becomes U+FFFD (the replacement character).
    - ``\\r\\n`` and a lone ``\\r`` become ``\\n``.
    - NUL, the other C0 controls except ``\\t`` and ``\\n``, DEL and the C1
      controls (U+0080 to U+009F) are removed.
    - Bidirectional controls and invisible characters are removed
      (:func:`strip_hidden`), so what officers read, approve and publish,
      and what triage and redaction check, is the text as it shows.
    - The result is in Unicode normalisation form C, so what looks the same
      matches the same (forum phrases, triage and redaction rules).

    Never raises; returns ``text`` itself when nothing needed changing.
    """
    if _SUSPECT.search(text) is None:
        return text if text.isascii() or unicodedata.is_normalized("NFC", text) else _nfc(text)
    if _SURROGATE.search(text) is not None:
        # UTF-16 pairs what belongs together and replaces each lone half.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _nfc(strip_hidden(text))


def strip_hidden(text: str) -> str:
    """``text`` without the characters that change how it shows while
    showing nothing themselves: every bidirectional control
    (``BIDI_CONTROLS``) and invisible character (``INVISIBLE``). Kept where
    a script or an emoji needs them: a zero-width joiner inside an emoji
    sequence (a pictograph, skin tone or U+FE0F before it, a pictograph
    after it), a zero-width non-joiner between two letters that are not
    ASCII (Persian, Indic scripts), tag characters after the black flag
    U+1F3F4 (the flags of England, Scotland and Wales). Never raises."""
    if _HIDDEN.search(text) is None:
        return text
    out: list[str] = []
    for index, char in enumerate(text):
        if _HIDDEN.fullmatch(char) is None:
            out.append(char)
            continue
        before = out[-1] if out else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if char == _ZWJ:
            keep = _pictograph(after) and (
                _pictograph(before) or before == _VS16 or unicodedata.category(before) == "Sk"
            )
        elif char == _ZWNJ:
            keep = _script_letter(before) and _script_letter(after)
        elif "\U000e0000" <= char <= "\U000e007f":
            keep = before == _BLACK_FLAG or "\U000e0000" <= before <= "\U000e007f"
        else:
            keep = False
        if keep:
            out.append(char)
    return "".join(out)


def _pictograph(char: str) -> bool:
    return bool(char) and unicodedata.category(char) == "So"


def _script_letter(char: str) -> bool:
    return bool(char) and not char.isascii() and unicodedata.category(char)[0] in "LM"


def clean_line(text: str) -> str:
    """:func:`clean_text` on one line: runs of tabs and newlines become one
    space (for handles, display names, button data and other single values)."""
    return _LINE_BREAK.sub(" ", clean_text(text))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


MAX_NUMBER = 2**63 - 1
"""The largest number any reference may be: SQLite's INTEGER (a signed
64-bit value), which refuses anything larger with OverflowError."""

_ASCII_DIGITS = re.compile("[0-9]+")


def parse_number(text: str) -> int | None:
    """``text`` as a whole number written with the digits 0-9 only (no sign,
    no spaces, leading zeros allowed), or None: for the empty string, any
    other character (``-1``, ``12abc``, superscripts such as ``²``, circled
    ``①``, other scripts' digits such as ``٣``, which ``int()`` and
    ``str.isdigit`` would accept) and for a value over ``MAX_NUMBER``.
    Never raises, and never converts more than 19 significant digits (so
    5,000 digits cost nothing and never meet ``int()``'s digit limit)."""
    if _ASCII_DIGITS.fullmatch(text) is None:
        return None
    significant = text.lstrip("0") or "0"
    if len(significant) > len(str(MAX_NUMBER)):
        return None
    value = int(significant)
    return value if value <= MAX_NUMBER else None


def shown(text: str, limit: int = 24) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis:
    a value a resident or officer typed, quoted back in a refusal."""
    line = clean_line(text).strip()
    return line if len(line) <= limit else line[: limit - 1] + "\u2026"
