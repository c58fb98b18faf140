"""Redaction figures for corpora in the issue-15 schema, one JSON object a line:

    {"id": "e-001", "text": "...", "details": [{"text": "07700 900123", "kind": "phone"}],
     "keep": ["999", "the High Street"], "voice": "...", "note": "..."}

``details`` are exact substrings that must be gone from the suggested text,
``keep`` exact substrings that must stay. Run through
``python -m tests.support.redaction_figures --file PATH [--file PATH ...]``.

What is counted:

- a detail is **gone** when every letter and digit of every place it occurs
  in the text (as a whole word: "Jo" is not looked for inside "Jones") is
  replaced, whatever the label;
- the **0.99 group** is the details of the kinds in :data:`STRICT_KINDS`;
- a ``keep`` string **survives** when every place it occurs outside a
  detail is untouched by any replacement;
- **other words kept**: the share of words (runs of letters and digits)
  outside every detail that no replacement touches;
- a miss is **partly replaced** when some of its letters and digits are
  replaced and some left ("DOB [date of birth]" for the label
  "DOB 12/04/2007"), **untouched** when none is: listed apart, per file
  and in the totals (round 20).

The text is first cleaned as the engine cleans it (``strip_hidden``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.edge.text import strip_hidden
from bot.safeguarding.redaction import Detail, find_personal_details

STRICT_KINDS = (
    "phone",
    "email",
    "postcode",
    "registration",
    "number_words",
    "house_number_address",
)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Row:
    """One labelled question: ``details`` as (kind, text) pairs."""

    id: str
    text: str
    details: tuple[tuple[str, str], ...]
    keep: tuple[str, ...]
    unfound: tuple[str, ...] = ()  # labels not in the text (a writer's slip): left out


def load_rows(path: Path) -> list[Row]:
    """The rows of one file. A detail or keep string that is not in its text
    (a writer's slip) is left out of the figures and kept in ``unfound``,
    which the report lists."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        raw = json.loads(line)
        text = strip_hidden(raw["text"])
        row_id = str(raw.get("id", f"{path.name}:{number}"))
        details = tuple((d["kind"], strip_hidden(d["text"])) for d in raw["details"])
        keep = tuple(strip_hidden(k) for k in raw.get("keep", []))
        unfound = tuple(v for v in [t for _, t in details] + list(keep) if v not in text)
        details = tuple((kind, value) for kind, value in details if value in text)
        keep = tuple(value for value in keep if value in text)
        rows.append(Row(row_id, text, details, keep, unfound))
    return rows


# A number in words joined to its tens: "eighty-three" is one number, and a
# keep word "three" is not inside it (round 12)
_TENS_BEFORE = re.compile(r"(?i:\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)$")
_UNIT_AFTER = re.compile(r"(?i:-(?:one|two|three|four|five|six|seven|eight|nine)\b)")


def _in_a_compound_number(text: str, start: int, end: int) -> bool:
    return bool(_TENS_BEFORE.search(text, max(0, start - 8), start)) or bool(
        _UNIT_AFTER.match(text, end)
    )


def _occurrences(text: str, value: str) -> list[tuple[int, int]]:
    """Where ``value`` occurs as a whole word (not inside a longer word,
    nor one half of a number in words: "three" is not in "eighty-three");
    every place if it never does."""
    every = [m.start() for m in re.finditer(re.escape(value), text)]
    spans = [(s, s + len(value)) for s in every]
    whole = [
        (s, e)
        for s, e in spans
        if not (value[:1].isalnum() and s > 0 and text[s - 1].isalnum())
        and not (value[-1:].isalnum() and e < len(text) and text[e].isalnum())
        and not _in_a_compound_number(text, s, e)
    ]
    return whole or spans


def _replaced(found: list[Detail], start: int, end: int) -> bool:
    return any(f.start < end and start < f.end for f in found)


def _in_spans(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _touched(text: str, found: list[Detail], start: int, end: int) -> bool:
    return any(
        any(f.start <= i < f.end for f in found) for i in range(start, end) if text[i].isalnum()
    )


def _gone(text: str, found: list[Detail], start: int, end: int) -> bool:
    return all(
        any(f.start <= i < f.end for f in found) for i in range(start, end) if text[i].isalnum()
    )


@dataclass
class KindFigures:
    """Counts over a set of rows; ``details`` per kind is [gone, total]."""

    messages: int = 0
    clean: int = 0
    clean_changed: int = 0
    details: dict[str, list[int]] = field(default_factory=dict)
    keep: list[int] = field(default_factory=lambda: [0, 0])
    words: list[int] = field(default_factory=lambda: [0, 0])
    misses: list[tuple[Row, str, str]] = field(default_factory=list)
    # the misses of which some letters or digits were replaced, some left
    partly: list[tuple[Row, str, str]] = field(default_factory=list)
    lost: list[tuple[Row, str]] = field(default_factory=list)
    outside: list[tuple[Row, Detail]] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)

    def share(self, kinds: Iterable[str] | None = None) -> tuple[int, int]:
        """(gone, total) over ``kinds`` (every kind if None)."""
        chosen = self.details if kinds is None else {k: self.details.get(k, [0, 0]) for k in kinds}
        return sum(v[0] for v in chosen.values()), sum(v[1] for v in chosen.values())


def measure_rows(rows: list[Row]) -> KindFigures:
    figures = KindFigures()
    for row in rows:
        figures.rows.append(row)
        text = row.text
        found = find_personal_details(text)
        figures.messages += 1
        if not row.details:
            figures.clean += 1
            figures.clean_changed += bool(found)
        detail_spans: list[tuple[int, int]] = []
        for kind, value in row.details:
            places = _occurrences(text, value)
            detail_spans += places
            counts = figures.details.setdefault(kind, [0, 0])
            counts[1] += 1
            if all(_gone(text, found, s, e) for s, e in places):
                counts[0] += 1
            else:
                figures.misses.append((row, kind, value))
                if any(_touched(text, found, s, e) for s, e in places):
                    figures.partly.append((row, kind, value))
        for value in row.keep:
            figures.keep[1] += 1
            places = [p for p in _occurrences(text, value) if not _in_spans(detail_spans, *p)]
            if any(_replaced(found, s, e) for s, e in places):
                figures.lost.append((row, value))
            else:
                figures.keep[0] += 1
        for word in _WORD.finditer(text):
            if _in_spans(detail_spans, word.start(), word.end()):
                continue
            figures.words[1] += 1
            figures.words[0] += not _replaced(found, word.start(), word.end())
        figures.outside += [
            (row, f) for f in found if not any(s < f.end and f.start < e for s, e in detail_spans)
        ]
    return figures


def _ratio(pair: Iterable[int]) -> str:
    part, whole = pair
    return f"{part / whole if whole else 1.0:.3f} ({part}/{whole})"


def report_rows(title: str, figures: KindFigures) -> str:
    """The figures as printed: totals, the 0.99 group, each kind, keep
    strings, other words, then every miss, lost keep string and replacement
    outside the details, each with its row's id."""
    lines = [
        f"== {title}: {figures.messages} messages, {figures.share()[1]} details, "
        f"{figures.clean} with none ==",
        f"details gone: {_ratio(figures.share())}",
        f"0.99 group ({', '.join(STRICT_KINDS)}): {_ratio(figures.share(STRICT_KINDS))}",
    ]
    lines += [f"  {kind:<28} {_ratio(figures.details[kind])}" for kind in sorted(figures.details)]
    lines += [
        f"keep strings intact: {_ratio(figures.keep)}",
        f"other words kept: {_ratio(figures.words)}",
        f"messages with no details changed: {figures.clean_changed}/{figures.clean}",
        f"misses: {len(figures.misses)} ({len(figures.partly)} partly replaced, "
        f"{len(figures.misses) - len(figures.partly)} untouched)",
        f"misses ({len(figures.misses)}):",
    ]
    lines += [f"  [{r.id}] {kind}: {value!r} in {r.text!r}" for r, kind, value in figures.misses]
    found = {id(r): find_personal_details(r.text) for r, _k, _v in figures.partly}
    lines.append(f"partly replaced misses ({len(figures.partly)}):")
    lines += [
        f"  [{r.id}] {kind}: {value!r} -> {''.join(_suggested(r.text, found[id(r)]))!r}"
        for r, kind, value in figures.partly
    ]
    lines.append(f"lost keep strings ({len(figures.lost)}):")
    lines += [f"  [{r.id}] {value!r} in {r.text!r}" for r, value in figures.lost]
    unfound = [(r, value) for r in figures.rows for value in r.unfound]
    lines.append(f"labels not in their text, left out ({len(unfound)}):")
    lines += [f"  [{r.id}] {value!r}" for r, value in unfound]
    lines.append(f"replaced outside details ({len(figures.outside)}):")
    lines += [
        f"  [{r.id}] -> {d.category}: {r.text[d.start : d.end]!r}" for r, d in figures.outside
    ]
    return "\n".join(lines)


def _suggested(text: str, found: list[Detail]) -> Iterable[str]:
    position = 0
    for detail in found:
        yield text[position : detail.start]
        yield detail.category.label
        position = detail.end
    yield text[position:]


def kinds_report(paths: list[Path]) -> str:
    """The report for each file, then for all of them together when more
    than one."""
    every: list[Row] = []
    parts = []
    for path in paths:
        rows = load_rows(path)
        every += rows
        parts.append(report_rows(path.name, measure_rows(rows)))
    if len(paths) > 1:
        parts.append(report_rows("all files", measure_rows(every)))
    return "\n\n".join(parts)
