"""The suggested publishable text's cost per message (bot/safeguarding/redaction/),
against the emergency triage every message also goes through, in the same
process (so the ratio holds on a shared machine whose absolute times drift).

    python bench/redaction.py            # the redaction corpora under tests/data, 5 rounds

Reported: microseconds a message (best of the rounds) for triage (the
baseline), for the finders of the eight categories redaction had before
issue 15 (e-mails, NI numbers, phones, postcodes, registrations, dates of
birth, addresses, names after a lead-in) and for the whole engine as the bot
runs it (``suggest_publishable``); their ratios to triage; and the slowest
message. Never the sealed unseen set."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from bot.safeguarding.redaction import suggest_publishable
from bot.safeguarding.redaction.address import find_addresses
from bot.safeguarding.redaction.code import (
    find_emails,
    find_ni_numbers,
    find_postcodes,
    find_vehicle_regs,
)
from bot.safeguarding.redaction.person import find_dates_of_birth, find_names
from bot.safeguarding.redaction.phone import find_phones
from bot.safeguarding.triage import assess

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: bench/ is on the path, not the root
    sys.path.insert(0, str(ROOT))

from bench.common import best_per_message_us  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "personal_details"
ROUNDS = 5
OLD_FINDERS = (
    find_emails,
    find_ni_numbers,
    find_phones,
    find_postcodes,
    find_vehicle_regs,
    find_dates_of_birth,
    find_addresses,
    find_names,
)


def _old_categories(text: str) -> object:
    return [list(finder(text)) for finder in OLD_FINDERS]


def main() -> None:
    texts = [
        json.loads(line)["text"]
        for path in sorted(CORPUS.glob("*.jsonl"))
        if not path.name.startswith("unseen_")
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    suggest_publishable("warm up: read the name lists")
    triage_us = best_per_message_us(assess, texts, ROUNDS)
    old_us = best_per_message_us(_old_categories, texts, ROUNDS)
    whole_us = best_per_message_us(suggest_publishable, texts, ROUNDS)
    slowest = max(texts, key=len)
    start = time.perf_counter()
    suggest_publishable(slowest)
    slowest_us = (time.perf_counter() - start) * 1e6
    rows = (
        ("triage (baseline)", triage_us),
        ("redaction, the eight old finders", old_us),
        ("redaction, whole engine", whole_us),
    )
    print(f"{len(texts)} messages (best of {ROUNDS} rounds)")
    for name, us in rows:
        print(f"  {name:<34}{us:8.1f} us a message ({us / triage_us:.2f} x triage)")
    print(f"  longest message ({len(slowest)} characters): whole engine {slowest_us:.0f} us")


if __name__ == "__main__":
    main()
