"""Round 14 (speed): the triage's machinery as it is against round 13's, taking
turns message by message in one process, so a shared machine's drift falls
on both alike.

    python bench/triage_ab.py              # the bench's corpora, 3 passes of 5 rounds
    python bench/triage_ab.py --passes 2 --rounds 3
    python bench/triage_ab.py --passes 0 --slowest 50 --slow-rounds 20
    python bench/triage_ab.py --since 14    # round 15: round 14's machinery as before

Round 13's machinery, rebuilt beside this round's from the same rules:
the scan with one-character lookaheads (``first_chars.grouped(...,
openings=False)``, the very pattern of round 13), every rule tried at every
position the scan found (``Rule.openings`` None) and ``guards._says_now``
uncached. Each message is timed whole (``assess``, as the bot runs it: the
rules, the model, the other languages; the model's word cache emptied
before each) under each machinery, the best of ``--rounds`` for each; a
pass times every message so, and the best pass of each figure is
reported: mean, median, 99th percentile and slowest, before and after, and
after / before. Before timing, both say the same of every message (the
verdicts are compared, urgent flag, concern, reason and language; a
difference stops the bench). With ``--slowest N``: the N messages slowest
under round 13's machinery (one pass of ``--rounds`` to find them) timed
again, ``--slow-rounds`` rounds each, taking turns round by round, each
message the best of its rounds: the slow tail, where the budget is missed,
measured more closely. Never the sealed unseen sets.

Round 15 (speed): with ``--since 14`` the machinery before is round 14's:
every rule with openings checked at every start the scan found, in a
Python loop (``_tried_at_round14``), rather than each start looked up once
(``engine._tried_at``); the rest as it is."""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from bot.safeguarding.triage import assess, guards
from bot.safeguarding.triage import engine as triage_engine
from bot.safeguarding.triage.first_chars import grouped
from bot.safeguarding.triage.model import model
from bot.safeguarding.triage.rules import ANY_RULE, RULES

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: bench/ is on the path, not the root
    sys.path.insert(0, str(ROOT))

from bench.common import percentile  # noqa: E402
from bench.triage import CORPORA  # noqa: E402

_OLD_SCAN = re.compile(grouped([a for rule in RULES for a in rule.alternatives], openings=False))
_OLD_RULES = [dataclasses.replace(rule, openings=None) for rule in RULES]
_SAYS_NOW = guards._says_now
_SAYS_NOW_UNCACHED = guards._says_now.__wrapped__


@contextmanager
def round13() -> Iterator[None]:
    """Round 13's machinery while inside (module globals swapped back after)."""
    triage_engine.ANY_RULE = _OLD_SCAN
    guards.ANY_RULE = _OLD_SCAN
    triage_engine.RULES = _OLD_RULES
    guards._says_now = _SAYS_NOW_UNCACHED  # type: ignore[assignment]
    try:
        yield
    finally:
        triage_engine.ANY_RULE = ANY_RULE
        guards.ANY_RULE = ANY_RULE
        triage_engine.RULES = RULES
        guards._says_now = _SAYS_NOW


def _tried_at_round14(starts: list[int], normal: str) -> dict[int, list[int]]:
    """Round 14's by_rules: every rule with openings checked at every start
    (the start tried when the two characters there are one of its openings,
    or only one character is left)."""
    tried: dict[int, list[int]] = {}
    pairs = [normal[start : start + 2] for start in starts]
    for number, rule in enumerate(triage_engine.RULES):
        openings = rule.openings
        if openings is None:
            continue
        for start, pair in zip(starts, pairs, strict=True):
            if pair not in openings and len(pair) == 2:
                continue
            tried.setdefault(number, []).append(start)
    return tried


_TRIED_AT = triage_engine._tried_at


@contextmanager
def round14() -> Iterator[None]:
    """Round 14's machinery while inside (``engine._tried_at`` swapped back after)."""
    triage_engine._tried_at = _tried_at_round14
    try:
        yield
    finally:
        triage_engine._tried_at = _TRIED_AT


def _best_us(call: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        model().clear_cache()
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best * 1e6


def _figures(times: list[float]) -> dict[str, float]:
    return {
        "mean": sum(times) / len(times),
        "p50": percentile(times, 0.50),
        "p99": percentile(times, 0.99),
        "max": max(times),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--slowest", type=int, default=0)
    parser.add_argument("--slow-rounds", type=int, default=20)
    parser.add_argument("--since", type=int, choices=(13, 14), default=13)
    args = parser.parse_args()
    before_machinery = round13 if args.since == 13 else round14
    texts = [
        json.loads(line)["text"]
        for path in CORPORA
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    after = [assess(text) for text in texts]
    with before_machinery():
        before = [assess(text) for text in texts]
    changed = sum(old != new for old, new in zip(before, after, strict=True))
    print(f"{len(texts)} messages from {len(CORPORA)} files: {changed} verdicts differ")
    if changed:
        raise SystemExit(1)
    best: dict[str, dict[str, float]] = {}
    for number in range(1, args.passes + 1):
        old: list[float] = []
        new: list[float] = []
        for text in texts:
            with before_machinery():
                old.append(_best_us(lambda text=text: assess(text), args.rounds))
            new.append(_best_us(lambda text=text: assess(text), args.rounds))
        figures = {"before": _figures(old), "after": _figures(new)}
        print(f"pass {number}: " + _line(figures))
        for side, values in figures.items():
            kept = best.setdefault(side, dict(values))
            for name, value in values.items():
                kept[name] = min(kept[name], value)
    if best:
        print(f"best of {args.passes} passes of {args.rounds} rounds a message: " + _line(best))
    if args.slowest:
        _slow_tail(texts, args.slowest, args.rounds, args.slow_rounds, before_machinery)


def _slow_tail(
    texts: list[str],
    count: int,
    rounds: int,
    slow_rounds: int,
    before_machinery: Callable[[], AbstractContextManager[None]],
) -> None:
    """The ``count`` messages slowest under the machinery before, timed
    again taking turns round by round, ``slow_rounds`` rounds each."""
    with before_machinery():
        first = [_best_us(lambda text=text: assess(text), rounds) for text in texts]
    slowest = sorted(range(len(texts)), key=first.__getitem__, reverse=True)[:count]
    old: list[float] = []
    new: list[float] = []
    for index in slowest:
        text = texts[index]
        best_old = best_new = float("inf")
        for _ in range(slow_rounds):
            with before_machinery():
                best_old = min(best_old, _best_us(lambda text=text: assess(text), 1))
            best_new = min(best_new, _best_us(lambda text=text: assess(text), 1))
        old.append(best_old)
        new.append(best_new)
    lengths = [len(texts[index]) for index in slowest]
    print(
        f"the {count} slowest (by the machinery before; {min(lengths)} to {max(lengths)}"
        f" characters), best of {slow_rounds} rounds each: "
        + _line({"before": _figures(old), "after": _figures(new)})
    )
    worst = max(range(count), key=old.__getitem__)
    print(
        f"  the slowest of them: {old[worst]:.0f} -> {new[worst]:.0f} us ({lengths[worst]}"
        f" characters); over 1 ms: {sum(value >= 1000 for value in old)} of {count} before,"
        f" {sum(value >= 1000 for value in new)} after"
    )


def _line(figures: dict[str, dict[str, float]]) -> str:
    before, after = figures["before"], figures["after"]
    return "; ".join(
        f"{name} {before[name]:.0f} -> {after[name]:.0f} us (x{after[name] / before[name]:.2f})"
        for name in ("mean", "p50", "p99", "max")
    )


if __name__ == "__main__":
    main()
