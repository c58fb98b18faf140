"""Rich text: what the core says, as styled spans that adapters render.

User text is always a plain span; only template wording carries style, so an
adapter that escapes every span's text can never turn a resident's words into
markup.

A span may be a heading (``heading`` 1 to 3, its level; 0: running text): a
template written as ``# Title`` or ``## Section`` (``bot.wording.template``).
A heading span is also bold, so a renderer that knows no headings (the chat
apps: Telegram's HTML, Discord's Markdown, the web chat) shows it bold, and
one that knows them (e-mail's HTML) can make it a real heading. A heading is one
line: the newline before and after it are running text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

MAX_HEADING = 3


@dataclass(frozen=True)
class Span:
    """``text`` in one style: ``bold``, and ``heading``, the level of the
    heading it is part of (1-3; 0 for running text)."""

    text: str
    bold: bool = False
    heading: int = 0

    @property
    def style(self) -> tuple[bool, int]:
        return (self.bold, self.heading)


Rich = tuple[Span, ...]


def plain(rich: Rich) -> str:
    return "".join(span.text for span in rich)


def join(parts: Iterable[Rich], separator: str = "\n") -> Rich:
    out: list[Span] = []
    for index, part in enumerate(parts):
        if index and separator:
            out.append(Span(separator))
        out.extend(part)
    return merge(out)


def merge(spans: Iterable[Span]) -> Rich:
    """Join neighbouring spans of the same style and drop empty ones."""
    out: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if out and out[-1].style == span.style:
            out[-1] = Span(out[-1].text + span.text, span.bold, span.heading)
        else:
            out.append(span)
    return tuple(out)


def to_json(rich: Rich) -> str:
    """``[[text, bold], ...]``, a heading span as ``[text, bold, level]``
    (what was stored before headings existed reads the same)."""
    return json.dumps(
        [
            [span.text, span.bold, span.heading] if span.heading else [span.text, span.bold]
            for span in rich
        ],
        ensure_ascii=False,
    )


def from_json(raw: str) -> Rich:
    """What ``to_json`` wrote. Raises ValueError (json's) for text that is not it."""
    spans = []
    for item in json.loads(raw):
        heading = int(item[2]) if len(item) > 2 else 0
        spans.append(Span(str(item[0]), bool(item[1]), heading))
    return tuple(spans)


def headings(rich: Rich) -> list[tuple[int, str]]:
    """(level, text) of each heading in ``rich``, in order."""
    return [(span.heading, span.text) for span in rich if span.heading]


def _cut_point(text: str, limit: int) -> int:
    """Where to cut ``text`` so the first part is at most ``limit`` long:
    after the last newline, else after the last space, else hard."""
    window = text[:limit]
    for separator in ("\n", " "):
        at = window.rfind(separator)
        if at > limit // 4:
            return at + 1
    return limit


def split(rich: Rich, limit: int) -> list[Rich]:
    """Split into parts whose visible text is at most ``limit`` characters,
    at line or word boundaries where there are any."""
    if limit <= 0:
        raise ValueError("limit must be positive")
    text = plain(rich)
    if len(text) <= limit:
        return [rich]
    styles: list[tuple[bool, int]] = []
    for span in rich:
        styles.extend([span.style] * len(span.text))
    parts: list[Rich] = []
    start = 0
    while start < len(text):
        rest = text[start:]
        cut = len(rest) if len(rest) <= limit else _cut_point(rest, limit)
        piece = range(start, start + cut)
        spans = [Span(text[i], *styles[i]) for i in piece]
        part = merge(spans)
        stripped = _strip_edges(part)
        if stripped:
            parts.append(stripped)
        start += cut
    return parts


def _strip_edges(rich: Rich) -> Rich:
    spans = list(rich)
    while spans and not spans[-1].text.rstrip():
        spans.pop()
    if spans:
        last = spans[-1]
        spans[-1] = Span(last.text.rstrip(), last.bold, last.heading)
    while spans and not spans[0].text.strip():
        spans.pop(0)
    if spans:
        first = spans[0]
        spans[0] = Span(first.text.lstrip("\n"), first.bold, first.heading)
    return tuple(spans)
