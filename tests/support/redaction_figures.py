"""How well bot.safeguarding.redaction does on the labelled corpus in tests/data/personal_details/.

    .venv/bin/python -m tests.support.redaction_figures [--timing]
    .venv/bin/python -m tests.support.redaction_figures --file PATH [--file PATH ...]

Without ``--file``: for each of the older parts (dev, held-out, ...) and the
whole of them: recall per category and overall (a labelled detail counts as
caught when every letter and digit of it is replaced, whatever the label),
how many were caught with the right label, precision per category (a
replacement is right when it touches a labelled detail), how many
detail-free messages were changed at all, and every miss and every wrong
replacement.

With ``--file``: files in the issue-15 schema, one JSON object a line,
``{"id", "text", "details": [{"text", "kind"}], "keep": [...], "voice",
"note"}`` (figures in :mod:`tests.support.redaction_kinds`).
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bot.safeguarding.redaction import Category, Detail, find_personal_details
from tests.support.redaction_kinds import kinds_report

CORPUS = Path(__file__).resolve().parent.parent / "data" / "personal_details"
# What these parts label. Replacements of issue 15's descriptions (school
# and year, job, age) and ID numbers (frame, badge, card) are listed apart:
# these parts never labelled them, so they can be judged neither right nor
# wrong here.
LABELLED = frozenset(
    {
        Category.PHONE,
        Category.EMAIL,
        Category.POSTCODE,
        Category.VEHICLE_REG,
        Category.NI_NUMBER,
        Category.ADDRESS,
        Category.NAME,
        Category.DATE_OF_BIRTH,
    }
)
PARTS = ("dev", "own_heldout", "independent_dev", "independent_heldout", "third_author")


@dataclass(frozen=True)
class Example:
    text: str
    details: tuple[Detail, ...]
    part: str
    line: int


def _spans(text: str, labelled: list[list[str]], where: str) -> tuple[Detail, ...]:
    spans: list[Detail] = []
    position: dict[str, int] = {}
    for category, value in labelled:
        start = text.find(value, position.get(value, 0))
        if start < 0:
            raise ValueError(f"{where}: {value!r} is not in the text")
        position[value] = start + len(value)
        spans.append(Detail(start, start + len(value), Category(category)))
    return tuple(spans)


def load(*parts: str) -> list[Example]:
    examples = []
    for part in parts or PARTS:
        path = CORPUS / f"{part}.jsonl"
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    row = json.loads(line)
                    where = f"{path.name}:{number}"
                    spans = _spans(row["text"], row["details"], where)
                    examples.append(Example(row["text"], spans, part, number))
    return examples


def _covered(text: str, gold: Detail, found: list[Detail], same_kind: bool) -> bool:
    for index in range(gold.start, gold.end):
        if not text[index].isalnum():
            continue
        if not any(
            f.start <= index < f.end and (not same_kind or f.category is gold.category)
            for f in found
        ):
            return False
    return True


def _touches(found: Detail, golds: tuple[Detail, ...]) -> bool:
    return any(found.start < g.end and g.start < found.end for g in golds)


@dataclass
class Figures:
    messages: int = 0
    clean: int = 0
    clean_changed: int = 0
    # per category: [caught, caught with the right label, total]
    recall: dict[Category, list[int]] = field(
        default_factory=lambda: {c: [0, 0, 0] for c in Category}
    )
    # per category: [right, replaced]
    precision: dict[Category, list[int]] = field(
        default_factory=lambda: {c: [0, 0] for c in Category}
    )
    misses: list[tuple[Example, Detail]] = field(default_factory=list)
    wrong: list[tuple[Example, Detail]] = field(default_factory=list)
    unjudged: list[tuple[Example, Detail]] = field(default_factory=list)

    def _sum(self, table: dict[Category, list[int]], column: int) -> int:
        return sum(row[column] for row in table.values())

    @property
    def total(self) -> int:
        return self._sum(self.recall, 2)

    @property
    def caught(self) -> int:
        return self._sum(self.recall, 0)

    @property
    def overall_recall(self) -> float:
        return self.caught / self.total if self.total else 1.0

    @property
    def overall_precision(self) -> float:
        replaced = self._sum(self.precision, 1)
        return self._sum(self.precision, 0) / replaced if replaced else 1.0

    def category_recall(self, category: Category) -> float:
        caught, _, total = self.recall[category]
        return caught / total if total else 1.0

    def category_precision(self, category: Category) -> float:
        right, replaced = self.precision[category]
        return right / replaced if replaced else 1.0


def measure(examples: list[Example]) -> Figures:
    figures = Figures()
    for example in examples:
        every = find_personal_details(example.text)
        found = [d for d in every if d.category in LABELLED]
        figures.unjudged += [
            (example, d)
            for d in every
            if d.category not in LABELLED and not _touches(d, example.details)
        ]
        figures.messages += 1
        if not example.details:
            figures.clean += 1
            figures.clean_changed += bool(found)
        for gold in example.details:
            row = figures.recall[gold.category]
            row[2] += 1
            if _covered(example.text, gold, found, same_kind=False):
                row[0] += 1
                row[1] += _covered(example.text, gold, found, same_kind=True)
            else:
                figures.misses.append((example, gold))
        for detail in found:
            row = figures.precision[detail.category]
            row[1] += 1
            if _touches(detail, example.details):
                row[0] += 1
            else:
                figures.wrong.append((example, detail))
    return figures


def report(title: str, figures: Figures) -> str:
    lines = [
        f"== {title}: {figures.messages} messages, {figures.total} details, "
        f"{figures.clean} with none ==",
        f"{'category':<14} {'recall':>7} {'(caught/total)':>15} {'right label':>12} "
        f"{'precision':>10} {'(right/replaced)':>17}",
    ]
    for category in sorted(LABELLED, key=list(Category).index):
        caught, labelled, total = figures.recall[category]
        right, replaced = figures.precision[category]
        lines.append(
            f"{category.value:<14} {figures.category_recall(category):>7.3f} "
            f"{f'({caught}/{total})':>15} {labelled:>12} "
            f"{figures.category_precision(category):>10.3f} {f'({right}/{replaced})':>17}"
        )
    overall = f"({figures.caught}/{figures.total})"
    lines.append(
        f"{'overall':<14} {figures.overall_recall:>7.3f} {overall:>15}"
        f" {'':>12} {figures.overall_precision:>10.3f}"
    )
    lines.append(f"detail-free messages changed: {figures.clean_changed}/{figures.clean}")
    lines.append(f"misses ({len(figures.misses)}):")
    lines += [
        f"  [{e.part}:{e.line}] {g.category}: {e.text[g.start : g.end]!r} in {e.text!r}"
        for e, g in figures.misses
    ]
    lines.append(f"wrong replacements ({len(figures.wrong)}):")
    lines += [
        f"  [{e.part}:{e.line}] -> {d.category}: {e.text[d.start : d.end]!r} in {e.text!r}"
        for e, d in figures.wrong
    ]
    lines.append(f"issue-15 descriptions replaced, not labelled here ({len(figures.unjudged)}):")
    lines += [
        f"  [{e.part}:{e.line}] -> {d.category}: {e.text[d.start : d.end]!r} in {e.text!r}"
        for e, d in figures.unjudged
    ]
    return "\n".join(lines)


def timing(examples: list[Example], rounds: int = 20) -> str:
    started = time.perf_counter()
    for _ in range(rounds):
        for example in examples:
            find_personal_details(example.text)
    elapsed = time.perf_counter() - started
    per_message = elapsed / (rounds * len(examples))
    return f"timing: {per_message * 1e6:.0f} µs a message on average ({len(examples)} messages)"


def main(argv: list[str]) -> None:
    files = [Path(argv[i + 1]) for i, a in enumerate(argv[:-1]) if a == "--file"]
    if files:
        print(kinds_report(files))
        return
    for part in PARTS:
        print(report(part, measure(load(part))))
        print()
    everything = load()
    print(report("whole corpus", measure(everything)))
    if "--timing" in argv:
        print(timing(everything))


if __name__ == "__main__":
    main(sys.argv[1:])
