"""Round 15 (issue 15): a what3words address, three words that name a
three-metre square ("///crumbs.lantern.steep", the twelfth unseen set's
gate on a farm), after its slashes or after a word for it ("what3words:
filled.count.soap", "w3w is index.home.raft", "what three words:
apple.river.sing"). A web address ("www.police.uk", "gov.uk") has no
slashes before it and no such word.

Shapes are (start, end) character offsets in
:class:`~bot.safeguarding.redaction.detail.Detail`, ADDRESS; the text is
searched as given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail

_THREE_WORDS = r"[^\W\d_]{2,}\.[^\W\d_]{2,}\.[^\W\d_]{2,}(?![\w.]*\.?\w)"
_AFTER_SLASHES = re.compile(rf"(?<![:\w/])/{{3,}}[ \t]*(?P<words>{_THREE_WORDS})")
_AFTER_ITS_WORD = re.compile(
    r"(?i:\b(?:what[ \t]?3[ \t]?words|what[ \t]+three[ \t]+words|w3w)"
    r"(?:[ \t]+(?:address|location|ref|reference))?(?:[ \t]+(?:is|was|are))?[ \t]*[:-]?[ \t]*"
    r"(?:(?:at|on)[ \t]+)?)"
    rf"(?P<slashes>/*)[ \t]*(?P<words>{_THREE_WORDS})"
)


def find_what3words(text: str) -> Iterator[Detail]:
    """Three words joined by full stops after "///" or a word for what3words:
    ADDRESS spans (the slashes go with the words)."""
    for match in _AFTER_SLASHES.finditer(text):
        yield Detail(match.start(), match.end("words"), Category.ADDRESS)
    for match in _AFTER_ITS_WORD.finditer(text):
        start = match.start("slashes") if match.group("slashes") else match.start("words")
        yield Detail(start, match.end("words"), Category.ADDRESS)
