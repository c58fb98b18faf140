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

# What can need changing: C0 controls other than tab and newline (so CR too),
# DEL, C1 controls, and surrogate code points (never valid on their own).
_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
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
    return _nfc(text)


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
