"""How well bot.safeguarding.triage does on labelled messages.

    .venv/bin/python -m tests.support.triage_figures [--timing]
    .venv/bin/python -m tests.support.triage_figures --file PATH [--file PATH ...] [--timing]

Without ``--file``: the old corpus (``dev.jsonl`` and ``heldout.jsonl`` in
tests/data/triage/, rows ``{"text", "concern"}``). Prints, for the whole
corpus and for the held-out part separately: recall on urgent messages
(detected as urgent, any kind), recall per kind, the share of urgent messages
given the right kind, the false-alarm rate on ordinary messages, and every
miss and false alarm; with ``--timing``, the mean time a message.

With ``--file`` (repeatable): each file on its own, in issue 15's schema
(rows ``{"id", "text", "urgent": bool, "category", "voice", "note"}``; a file
of the old schema is read too, its concern as the category, "urgent" being
any concern but none, and its line number as the id). Prints urgent recall
and the false-alarm rate, both per category and per voice, and every miss and
false alarm with its id; with ``--timing``, the mean µs a message of the file.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bot.safeguarding.triage import Concern, assess
from tests.support import triage_labelled as labelled

CORPUS = Path(__file__).resolve().parent.parent / "data" / "triage"
PARTS = ("dev", "heldout")
KINDS = (Concern.DANGER, Concern.CRIME_IN_PROGRESS, Concern.SELF_HARM)


@dataclass(frozen=True)
class Example:
    text: str
    concern: Concern
    part: str


def load(*parts: str) -> list[Example]:
    examples = []
    for part in parts or PARTS:
        with (CORPUS / f"{part}.jsonl").open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    row = json.loads(line)
                    examples.append(Example(row["text"], Concern(row["concern"]), part))
    return examples


@dataclass
class Figures:
    urgent: int = 0
    detected: int = 0
    right_kind: int = 0
    ordinary: int = 0
    false_alarms: int = 0
    per_kind: dict[Concern, list[int]] = field(
        default_factory=lambda: {kind: [0, 0] for kind in KINDS}  # [detected, total]
    )
    misses: list[tuple[Example, str]] = field(default_factory=list)
    alarms: list[tuple[Example, Concern, str]] = field(default_factory=list)
    wrong_kind: list[tuple[Example, Concern, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.detected / self.urgent if self.urgent else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.ordinary if self.ordinary else 0.0

    def kind_recall(self, kind: Concern) -> float:
        detected, total = self.per_kind[kind]
        return detected / total if total else 1.0


def measure(examples: list[Example]) -> Figures:
    figures = Figures()
    for example in examples:
        result = assess(example.text)
        if example.concern is Concern.NONE:
            figures.ordinary += 1
            if result.urgent:
                figures.false_alarms += 1
                figures.alarms.append((example, result.concern, result.reason))
            continue
        figures.urgent += 1
        figures.per_kind[example.concern][1] += 1
        if not result.urgent:
            figures.misses.append((example, result.reason))
            continue
        figures.detected += 1
        figures.per_kind[example.concern][0] += 1
        if result.concern is example.concern:
            figures.right_kind += 1
        else:
            figures.wrong_kind.append((example, result.concern, result.reason))
    return figures


def report(title: str, figures: Figures) -> str:
    lines = [
        f"== {title}: {figures.urgent} urgent, {figures.ordinary} ordinary ==",
        f"urgent recall (any kind)   {figures.recall:.3f}  ({figures.detected}/{figures.urgent})",
    ]
    for kind in KINDS:
        detected, total = figures.per_kind[kind]
        lines.append(f"  recall {kind:<19} {figures.kind_recall(kind):.3f}  ({detected}/{total})")
    lines.append(f"  given the right kind     {figures.right_kind}/{figures.detected}")
    lines.append(
        f"false-alarm rate           {figures.false_alarm_rate:.3f}"
        f"  ({figures.false_alarms}/{figures.ordinary})"
    )
    lines.append(f"misses ({len(figures.misses)}):")
    lines += [f"  [{e.part}] {e.concern}: {e.text!r}  ({why})" for e, why in figures.misses]
    lines.append(f"false alarms ({len(figures.alarms)}):")
    lines += [f"  [{e.part}] -> {got}: {e.text!r}  ({why})" for e, got, why in figures.alarms]
    lines.append(f"urgent, but another kind ({len(figures.wrong_kind)}):")
    lines += [
        f"  [{e.part}] {e.concern} -> {got}: {e.text!r}  ({why})"
        for e, got, why in figures.wrong_kind
    ]
    return "\n".join(lines)


def timing(examples: list[Example], rounds: int = 20) -> str:
    """Mean time per corpus message, and for 300-character messages made of
    ordinary and of urgent corpus text."""
    texts = [e.text for e in examples]
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            assess(text)
    lines = ["== timing ==", f"mean per corpus message    {_per(start, rounds * len(texts))}"]
    for concern in (Concern.NONE, Concern.DANGER):
        long_text = ". ".join(e.text for e in examples if e.concern is concern)[:300]
        start = time.perf_counter()
        for _ in range(rounds * 10):
            assess(long_text)
        lines.append(f"300 characters, {concern:<10} {_per(start, rounds * 10)}")
    return "\n".join(lines)


def _per(start: float, count: int) -> str:
    return f"{(time.perf_counter() - start) / count * 1e6:.0f} µs"


def main(argv: list[str]) -> None:
    if "--file" in argv:
        print(labelled.main(argv))
        return
    everything = load()
    print(report("whole corpus", measure(everything)))
    print()
    print(report("held-out part", measure([e for e in everything if e.part == "heldout"])))
    if "--timing" in argv:
        print()
        print(timing(everything))


if __name__ == "__main__":
    main(sys.argv[1:])
