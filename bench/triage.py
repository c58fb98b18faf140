"""The emergency triage's cost per message: the rules alone against the rules
and the statistical model (bot/safeguarding/triage/model.py), in the same
process (so the ratio holds on a shared machine whose absolute times drift).

    python bench/triage.py            # the triage corpora under tests/data/triage, 5 rounds

Reported: the time to read the model's file, then microseconds a message (best of the
rounds; normalisation included in both) for the rules alone and for the
whole triage as the bot runs it (rules, then the model where they are
silent), and the ratio; then each message timed alone (best of the rounds
for that message): the mean, median, 99th percentile and slowest, each also
as a multiple of a fixed baseline pass timed in the same run (so figures
from a loaded machine and a quiet one compare). The budget is 1 ms a message, all in. The model's
word cache is emptied before each round, so every message is scored afresh
as far as its words go (a running bot's cache is warmer); the scores of
the model's own words, computed when the model is read, stay. Never the sealed
unseen sets."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from bot.safeguarding.triage import assess
from bot.safeguarding.triage.engine import by_rules
from bot.safeguarding.triage.model import FILE, model, parse
from bot.safeguarding.triage.normalise import normalise

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: bench/ is on the path, not the root
    sys.path.insert(0, str(ROOT))

from bench.common import best_per_message_us, per_message_us, percentile  # noqa: E402

CORPORA = sorted(
    path
    for path in (ROOT / "tests" / "data" / "triage").glob("*.jsonl")
    if not path.name.startswith("unseen_")
)
ROUNDS = 5
BUDGET_US = 1000.0


def _rules_alone(text: str) -> object:
    return by_rules(normalise(text))


def _baseline(text: str) -> object:
    """A fixed pure-Python pass over a message that no triage change
    touches: what the machine does in the same run, to divide by."""
    return sorted(text.lower().split())


def main() -> None:
    texts = [
        json.loads(line)["text"]
        for path in CORPORA
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    source = (ROOT / "bot" / "safeguarding" / "triage" / "data" / FILE).read_text("utf-8")
    start = time.perf_counter()
    weights = len(parse(source).weights)
    print(f"model read in {(time.perf_counter() - start) * 1000:.0f} ms ({weights} weights)")
    rules_us = best_per_message_us(_rules_alone, texts, ROUNDS, model().clear_cache)
    both_us = best_per_message_us(assess, texts, ROUNDS, model().clear_cache)
    longest = max(texts, key=len)
    long_rules_us = best_per_message_us(_rules_alone, [longest] * 50, ROUNDS, model().clear_cache)
    long_us = best_per_message_us(assess, [longest] * 50, ROUNDS, model().clear_cache)
    print(f"{len(texts)} messages from {len(CORPORA)} files (best of {ROUNDS} rounds)")
    print(f"  rules alone        {rules_us:8.1f} us a message")
    print(f"  rules + model      {both_us:8.1f} us a message")
    print(f"  ratio (rules + model) / rules: {both_us / rules_us:.2f}")
    print(
        f"  longest message ({len(longest)} characters): rules alone {long_rules_us:.1f} us,"
        f" rules + model {long_us:.1f} us"
    )
    base = per_message_us(_baseline, texts, ROUNDS)
    each = per_message_us(assess, texts, ROUNDS, model().clear_cache)
    base_mean = sum(base) / len(base)
    mean = sum(each) / len(each)
    p99 = percentile(each, 0.99)
    slowest = max(range(len(texts)), key=each.__getitem__)
    print(
        f"  per message, rules + model (best of {ROUNDS} per message; baseline {base_mean:.2f} us):"
    )
    print(f"    mean {mean:8.1f} us  (x{mean / base_mean:.0f} the baseline)")
    print(f"    p50  {percentile(each, 0.50):8.1f} us")
    print(f"    p99  {p99:8.1f} us  (x{p99 / base_mean:.0f} the baseline)")
    print(
        f"    max  {each[slowest]:8.1f} us  (x{each[slowest] / base_mean:.0f} the baseline;"
        f" {len(texts[slowest])} characters)"
    )
    verdict = "within" if max(both_us, long_us, each[slowest]) < BUDGET_US else "OVER"
    print(f"  {verdict} the budget of {BUDGET_US:.0f} us a message")


if __name__ == "__main__":
    main()
