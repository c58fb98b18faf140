"""Counts said in words for the command line and the log: "1 forum",
"2 forums", never "forum(s)"."""

from __future__ import annotations


def counted(count: int, one: str, many: str | None = None) -> str:
    """``count`` and the noun that agrees with it: ``counted(1, "forum")`` is
    "1 forum", ``counted(0, "copy", "copies")`` is "0 copies". ``many``
    defaults to ``one`` + "s"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
