"""Rich text: what the core says, as styled spans that adapters render.

User text is always a plain span; only template wording carries style, so an
adapter that escapes every span's text can never turn a resident's words into
markup.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False


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
        if out and out[-1].bold == span.bold:
            out[-1] = Span(out[-1].text + span.text, span.bold)
        else:
            out.append(span)
    return tuple(out)


def to_json(rich: Rich) -> str:
    return json.dumps([[span.text, span.bold] for span in rich], ensure_ascii=False)


def from_json(raw: str) -> Rich:
    return tuple(Span(str(text), bool(bold)) for text, bold in json.loads(raw))


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
    styles: list[bool] = []
    for span in rich:
        styles.extend([span.bold] * len(span.text))
    parts: list[Rich] = []
    start = 0
    while start < len(text):
        rest = text[start:]
        cut = len(rest) if len(rest) <= limit else _cut_point(rest, limit)
        piece = range(start, start + cut)
        spans = [Span(text[i], styles[i]) for i in piece]
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
        spans[-1] = Span(last.text.rstrip(), last.bold)
    while spans and not spans[0].text.strip():
        spans.pop(0)
    if spans:
        first = spans[0]
        spans[0] = Span(first.text.lstrip("\n"), first.bold)
    return tuple(spans)
