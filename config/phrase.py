"""How forum phrases are compared: case-, punctuation- and spacing-insensitively."""

from __future__ import annotations

import unicodedata


def normalise_phrase(text: str) -> str:
    """``"Bromley  Police, Online-Forum!"`` -> ``"bromley police onlineforum"``.

    Casefolded, punctuation (Unicode category P*) removed, runs of whitespace
    collapsed to one space, no leading or trailing space.
    """
    kept = "".join(ch for ch in text.casefold() if not unicodedata.category(ch).startswith("P"))
    return " ".join(kept.split())
