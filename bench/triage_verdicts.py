"""Every readable triage message's verdict, one JSON line each, to prove a
change to the triage's machinery (scanning, caching, ordering) changes no
verdict: run it before and after and compare the files.

    python bench/triage_verdicts.py > before.jsonl
    ... change the engine ...
    python bench/triage_verdicts.py > after.jsonl
    cmp before.jsonl after.jsonl

Read: every ``*.jsonl`` under tests/data/triage, and with ``--also-personal``
the texts of tests/data/personal_details too (other writers' messages: more
shapes for the rules to meet), but never a sealed unseen set: an
``unseen_*`` file is read only when it is spent (``SPENT_STEMS``: the sets
named ``unseen_2026_11*``, all run once). A sealed set is present in main's
tree, so a verdict printed for it would be a run of the set. A line: the file,
the line number, whether urgent, the concern, the reason and the language
(``assess``'s whole Triage)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.safeguarding.triage import assess

ROOT = Path(__file__).resolve().parent.parent


# The spent unseen sets' common prefix: every set named so has been run once
# (docs/triage-figures.md, docs/redaction-figures.md). The sets named
# unseen_2026_12_01_* are sealed; add a set's stem here once it is run.
SPENT_PREFIX = "unseen_2026_11"
SPENT_STEMS: frozenset[str] = frozenset(
    {
        "unseen_2026_12_01_a",  # the thirteenth set, spent in round 16
        "unseen_2026_12_01_b",
        "unseen_2026_12_01_c",  # the fourteenth set, spent in round 17
        "unseen_2026_12_01_d",
        "unseen_2026_12_01_e",  # the fifteenth set, spent in round 18
        "unseen_2026_12_01_f",
        "unseen_2026_12_01_g",  # the sixteenth set, spent in round 19
        "unseen_2026_12_01_h",
        "unseen_2026_12_02_a",  # the seventeenth set, spent in round 20
        "unseen_2026_12_02_b",
        "unseen_2026_12_02_c",  # the eighteenth set, spent in round 21
        "unseen_2026_12_02_d",
    }
)


def readable(path: Path) -> bool:
    """Whether ``path`` may be read: not an unseen set, or a spent one."""
    stem = path.stem
    return not stem.startswith("unseen_") or stem.startswith(SPENT_PREFIX) or stem in SPENT_STEMS


def files(also_personal: bool) -> list[Path]:
    """The readable corpora, in name order; never a sealed unseen set."""
    folders = ["triage", *(["personal_details"] if also_personal else [])]
    return sorted(
        path
        for folder in folders
        for path in (ROOT / "tests" / "data" / folder).glob("*.jsonl")
        if path.is_file() and readable(path)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--also-personal", action="store_true")
    args = parser.parse_args()
    count = 0
    for path in files(args.also_personal):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            found = assess(json.loads(line)["text"])
            print(
                json.dumps(
                    [
                        path.name,
                        number,
                        found.urgent,
                        str(found.concern),
                        found.reason,
                        found.language,
                    ]
                )
            )
            count += 1
    print(f"{count} messages", file=sys.stderr)


if __name__ == "__main__":
    main()
