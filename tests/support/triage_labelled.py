"""Triage figures for files in issue 15's schema: urgent or not, by category
and voice. Run through ``tests.support.triage_figures --file PATH``.

A row is ``{"id", "text", "urgent": bool, "category", "voice", "note"}``. A
row of the old schema (``{"text", "concern"}``) is read as urgent when its
concern is not ``none``, its concern as the category, voice ``-`` and its
line number as the id, so the old files can be measured the same way.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.safeguarding.triage import Triage, assess

CORPUS = Path(__file__).resolve().parents[1] / "data" / "triage"
# The letters of the spent unseen sets of tests/data/triage/
# (unseen_2026_11_30_<letter>.jsonl) whose lines tests may quote by id: run
# once and released for tuning (docs/triage-figures.md). Any other letter
# is a sealed set, never opened here.
SPENT_LETTERS = frozenset("abcdefghijklmnopqrstuv")


# The spent unseen sets by file name (stem): the first set's two parts and
# the lettered sets above. Every other unseen_* file is sealed.
SPENT_FILES = frozenset(
    {"unseen_2026_11_a", "unseen_2026_11_b"}
    | {f"unseen_2026_11_30_{letter}" for letter in SPENT_LETTERS}
    # the thirteenth set, run once and spent at the merge of round 16
    | {"unseen_2026_12_01_a", "unseen_2026_12_01_b"}
    # the fourteenth set, run once and spent at the start of round 17
    | {"unseen_2026_12_01_c", "unseen_2026_12_01_d"}
    # the fifteenth set, run once (round 17) and spent in round 18
    | {"unseen_2026_12_01_e", "unseen_2026_12_01_f"}
    # the sixteenth set, run once (round 18) and spent in round 19
    | {"unseen_2026_12_01_g", "unseen_2026_12_01_h"}
    # the seventeenth set, run once (round 19) and spent in round 20
    | {"unseen_2026_12_02_a", "unseen_2026_12_02_b"}
    # the eighteenth set, run once (round 20) and spent in round 21
    | {"unseen_2026_12_02_c", "unseen_2026_12_02_d"}
)


def readable_files() -> list[Path]:
    """Every triage file tests may read, sorted by name: the development,
    held-out and family files and the spent unseen sets (SPENT_FILES); never
    a sealed one (any other unseen_* file)."""
    return sorted(
        path
        for path in CORPUS.glob("*.jsonl")
        if not path.name.startswith("unseen_") or path.stem in SPENT_FILES
    )


def line_text(name: str, line_id: str, urgent: bool | None = False) -> str:
    """The text of line ``line_id`` of tests/data/triage/``name``, checking
    that it is labelled ``urgent`` (``None``: either label).

    Raises AssertionError for a sealed unseen file (it is not opened), an id
    not in the file or another label; OSError when it cannot be read."""
    path = CORPUS / name
    assert path in readable_files(), f"{name}: a sealed unseen set"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row["id"] == line_id:
            assert urgent is None or row["urgent"] is urgent, line_id
            return str(row["text"])
    raise AssertionError(f"{line_id} not in {path.name}")


def spent_line(line_id: str, urgent: bool | None = False) -> str:
    """The text of line ``line_id`` of a spent unseen set: the letters
    before the first "-" or digit name the file ("i-033" and "q10-011" are
    in unseen_2026_11_30_i.jsonl and _q.jsonl), checking that the line is
    labelled ``urgent`` (``None``: either label).

    Raises AssertionError for a letter not in SPENT_LETTERS (the file is
    not opened), an id not in its file or another label; OSError when the
    file cannot be read."""
    letter = line_id.split("-")[0].rstrip("0123456789")
    assert letter in SPENT_LETTERS, f"{line_id}: not a spent unseen set"
    return line_text(f"unseen_2026_11_30_{letter}.jsonl", line_id, urgent)


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    urgent: bool
    category: str
    voice: str


def read(path: Path) -> list[Item]:
    """The rows of a JSON-lines file, blank lines skipped.

    Raises ValueError naming the line for a row that is neither schema,
    OSError when the file cannot be read."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if isinstance(row.get("urgent"), bool) and isinstance(row.get("text"), str):
            items.append(
                Item(
                    str(row.get("id", number)),
                    row["text"],
                    row["urgent"],
                    str(row.get("category") or "-"),
                    str(row.get("voice") or "-"),
                )
            )
        elif isinstance(row.get("concern"), str) and isinstance(row.get("text"), str):
            concern = row["concern"]
            items.append(Item(str(number), row["text"], concern != "none", concern, "-"))
        else:
            raise ValueError(f"{path}: line {number}: neither schema")
    return items


@dataclass
class Tally:
    urgent: int = 0
    caught: int = 0
    ordinary: int = 0
    alarms: int = 0

    def add(self, item: Item, flagged: bool) -> None:
        if item.urgent:
            self.urgent += 1
            self.caught += flagged
        else:
            self.ordinary += 1
            self.alarms += flagged

    def recall(self) -> str:
        if not self.urgent:
            return "    -        "
        return f"{self.caught / self.urgent:.3f} ({self.caught}/{self.urgent})".ljust(13)

    def alarm_rate(self) -> str:
        if not self.ordinary:
            return "    -"
        return f"{self.alarms / self.ordinary:.3f} ({self.alarms}/{self.ordinary})"


@dataclass
class Result:
    total: Tally = field(default_factory=Tally)
    categories: dict[str, Tally] = field(default_factory=dict)
    voices: dict[str, Tally] = field(default_factory=dict)
    misses: list[tuple[Item, Triage]] = field(default_factory=list)
    alarms: list[tuple[Item, Triage]] = field(default_factory=list)


def measure(items: Iterable[Item], judge: Callable[[str], Triage] = assess) -> Result:
    """Every item judged once (``judge``: the triage by default)."""
    result = Result()
    for item in items:
        triage = judge(item.text)
        flagged = triage.urgent
        for tally in (
            result.total,
            result.categories.setdefault(item.category, Tally()),
            result.voices.setdefault(item.voice, Tally()),
        ):
            tally.add(item, flagged)
        if item.urgent and not flagged:
            result.misses.append((item, triage))
        elif flagged and not item.urgent:
            result.alarms.append((item, triage))
    return result


def report(title: str, result: Result) -> str:
    """The figures as printed: totals, per category, per voice, then every
    miss and false alarm (id, category/voice, text, the triage's reason)."""
    total = result.total
    lines = [
        f"== {title}: {total.urgent} urgent, {total.ordinary} not urgent ==",
        f"urgent recall      {total.recall().rstrip()}",
        f"false-alarm rate   {total.alarm_rate()}",
    ]
    for heading, tallies in (("category", result.categories), ("voice", result.voices)):
        lines.append(f"per {heading} (urgent recall | false alarms):")
        width = max(len(name) for name in tallies) if tallies else 0
        for name in sorted(tallies):
            tally = tallies[name]
            lines.append(f"  {name:<{width}}  {tally.recall()} | {tally.alarm_rate()}")
    lines.append(f"misses ({len(result.misses)}):")
    lines += [
        f"  {i.id} [{i.category}/{i.voice}] {i.text!r}  ({t.reason})" for i, t in result.misses
    ]
    lines.append(f"false alarms ({len(result.alarms)}):")
    lines += [
        f"  {i.id} [{i.category}/{i.voice}] -> {t.concern}: {i.text!r}  ({t.reason})"
        for i, t in result.alarms
    ]
    return "\n".join(lines)


def timing(items: list[Item], rounds: int = 20) -> str:
    """The mean time the triage takes a message of ``items``, in µs."""
    texts = [item.text for item in items]
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            assess(text)
    mean = (time.perf_counter() - start) / max(1, rounds * len(texts)) * 1e6
    return f"mean per message   {mean:.0f} µs  ({len(texts)} messages, {rounds} rounds)"


def main(argv: list[str]) -> str:
    """The report for every ``--file PATH`` in ``argv``, each on its own;
    with ``--timing``, each file's mean time a message too.

    Raises ValueError for ``--file`` without a path or a row of neither
    schema, OSError for a file that cannot be read."""
    paths = []
    for position, arg in enumerate(argv):
        if arg == "--file":
            if position + 1 >= len(argv):
                raise ValueError("--file needs a path")
            paths.append(Path(argv[position + 1]))
    parts = []
    for path in paths:
        items = read(path)
        part = report(path.name, measure(items))
        if "--timing" in argv:
            part += "\n" + timing(items)
        parts.append(part)
    return "\n\n".join(parts)
