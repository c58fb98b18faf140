"""Language identification's cost per message (bot/safeguarding/language.py),
against the emergency triage every message already goes through, in the
same process (so the ratio holds on a shared machine whose absolute times
drift).

    python bench/language.py            # the English corpora under tests/data, 5 rounds

Reported: the detector's build time and peak RSS growth, then microseconds a
message for triage (the baseline) and for identification (cache cleared each
round, so every message is identified, not looked up), and the ratio."""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from bot.safeguarding import language
from bot.safeguarding.triage import assess

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: bench/ is on the path, not the root
    sys.path.insert(0, str(ROOT))

from bench.common import best_per_message_us  # noqa: E402

# Labelled English messages already in the repository (never the sealed unseen sets).
CORPORA = [
    "tests/data/triage/dev.jsonl",
    "tests/data/triage/heldout.jsonl",
    "tests/data/personal_details/dev.jsonl",
    "tests/data/personal_details/independent_dev.jsonl",
]
ROUNDS = 5


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    texts = [
        json.loads(line)["text"]
        for name in CORPORA
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines()
    ]
    before = _rss_mb()
    start = time.perf_counter()
    language.warm_up()
    built_ms = (time.perf_counter() - start) * 1000
    print(f"detector built in {built_ms:.0f} ms, peak RSS +{_rss_mb() - before:.0f} MB")
    triage_us = best_per_message_us(assess, texts, ROUNDS, language.identify.cache_clear)
    identify_us = best_per_message_us(
        language.identify, texts, ROUNDS, language.identify.cache_clear
    )
    flagged = sum(language.identify(t) is not None for t in texts)
    print(f"{len(texts)} messages (best of {ROUNDS} rounds)")
    print(f"  triage (baseline)  {triage_us:8.1f} us a message")
    print(f"  identify           {identify_us:8.1f} us a message")
    print(f"  ratio identify / triage: {identify_us / triage_us:.2f}")
    print(f"  taken for another language: {flagged} of {len(texts)}")


if __name__ == "__main__":
    main()
