"""The whole triage on a new writer, estimated by leaving one blind SET out:
each spent unseen set (a pair of files, two writers) is held out in turn,
the statistical model trained on everything else (the training script's
corpora, model.features, C and class weights) and its threshold chosen as
the training script chooses it, but from the other files alone (nested:
each remaining triage file scored by a model trained without it and
without the held-out set). Then the held-out pair is scored.

    .venv/bin/python -m tests.support.triage_set_out             # the table
    .venv/bin/python -m tests.support.triage_set_out --misses    # and what the triage got wrong
    .venv/bin/python -m tests.support.triage_set_out --sweep     # and other MAX_FALSE_ALARMS

Printed per held-out set and pooled: the messages, and recall and false
alarms of

- ``rules``: the hand-written half as it is (English rules, then the phrases
  of other languages);
- ``model``: the model's probability alone against its threshold;
- ``both``: the triage as the bot runs it (rules, else the model through
  ``engine.model_says``, then the phrases: ``Scored.urgent``).

The rules were partly tuned on these sets after each was run once, so the
``rules`` and ``both`` columns are optimistic for the rules; the model's
share is honest (it never saw the held-out set, nor chose its threshold on
it). Sets: SETS. scikit-learn is needed (the ``test`` extra), as for
training. Takes a few minutes on two cores (some 60 fits).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from bot.safeguarding.language import unread_by_model
from bot.safeguarding.triage.concern import Triage
from bot.safeguarding.triage.engine import by_rules
from bot.safeguarding.triage.model import Model, without_command
from bot.safeguarding.triage.normalise import normalise
from bot.safeguarding.triage.other_languages import assess_other
from tests.support import train_triage_model as training
from tests.support.train_triage_model import Features, Labelled, Scored

# The spent unseen sets, by the stems of their two files (each written blind
# by two new writers, tests/data/triage/README.md).
SETS = (
    ("unseen_2026_11_a", "unseen_2026_11_b"),
    ("unseen_2026_11_30_a", "unseen_2026_11_30_b"),
    ("unseen_2026_11_30_c", "unseen_2026_11_30_d"),
    ("unseen_2026_11_30_e", "unseen_2026_11_30_f"),
    ("unseen_2026_11_30_g", "unseen_2026_11_30_h"),
    ("unseen_2026_11_30_i", "unseen_2026_11_30_j"),
    ("unseen_2026_11_30_k", "unseen_2026_11_30_l"),
    ("unseen_2026_11_30_m", "unseen_2026_11_30_n"),
    ("unseen_2026_11_30_o", "unseen_2026_11_30_p"),
    ("unseen_2026_11_30_q", "unseen_2026_11_30_r"),
    ("unseen_2026_11_30_s", "unseen_2026_11_30_t"),  # round 13: the eleventh set
    ("unseen_2026_11_30_u", "unseen_2026_11_30_v"),  # round 15: the twelfth set
    ("unseen_2026_12_01_a", "unseen_2026_12_01_b"),  # round 16: the thirteenth set
    ("unseen_2026_12_01_c", "unseen_2026_12_01_d"),  # round 17: the fourteenth set
    ("unseen_2026_12_01_e", "unseen_2026_12_01_f"),  # round 18: the fifteenth set
    ("unseen_2026_12_01_g", "unseen_2026_12_01_h"),  # round 19: the sixteenth set
    ("unseen_2026_12_02_a", "unseen_2026_12_02_b"),  # round 20: the seventeenth set
    ("unseen_2026_12_02_c", "unseen_2026_12_02_d"),  # round 21: the eighteenth set
)

Fit = Callable[[Features, list[int]], Model]


@dataclass(frozen=True)
class HeldOut:
    """One held-out set: its messages scored, and the threshold chosen
    without it (0 to 1); ``inner``, the other triage files' messages each
    scored by a model trained without it and without the set, from which
    the threshold was chosen (round 16: kept, so one run can say which
    threshold another MAX_FALSE_ALARMS would have chosen, ``sweep``)."""

    name: str  # "unseen_2026_11_30_e+f"
    scored: list[Scored]
    threshold: float
    inner: list[Scored] = field(default_factory=list)


# What a message says without the model, computed once however many models
# score it: what the rules alone say, the text the model reads, what the
# phrases of other languages say (None: no phrase) and (round 14) whether it
# is in a language the model has not read (Scored.unread).
Verdict = tuple[Triage, str, Triage | None, bool]


def _verdict(example: Labelled) -> Verdict:
    return (
        by_rules(normalise(example.text)),
        normalise(without_command(example.text)),
        assess_other(example.text),
        unread_by_model(example.text) is not None,
    )


def _scored(
    model: Model, examples: list[Labelled], rows: list[int], verdicts: dict[int, Verdict]
) -> list[Scored]:
    """These rows scored by ``model``; each row's verdict (``_verdict``) is
    taken from ``verdicts``, computed there on first use: the rules, the
    normalising and the phrases do not depend on the model, so a message
    scored by every inner model of every held-out set is read by them once."""
    scored = []
    for i in rows:
        if i not in verdicts:
            verdicts[i] = _verdict(examples[i])
        said, normal, other, unread = verdicts[i]
        scored.append(Scored(examples[i], model.probability(normal), said, normal, other, unread))
    return scored


def _name(files: tuple[str, ...]) -> str:
    first, *rest = files
    return "+".join([first, *(f.rpartition("_")[2] for f in rest)])


def leave_one_set_out(
    examples: list[Labelled], table: Features, fit: Fit | None = None
) -> list[HeldOut]:
    """Every spent set scored by a model trained without it, its threshold
    chosen (``training.choose_threshold``) from the other triage files, each
    scored by a model trained without that file and without the set."""
    fit = fit or training.fit
    held: list[HeldOut] = []
    verdicts: dict[int, Verdict] = {}
    for files in SETS:
        rest = [i for i, e in enumerate(examples) if e.file not in files]
        inner: list[Scored] = []
        # Only the triage files' ordinary messages choose the threshold: the
        # redaction corpora and the chat need no inner model.
        for other in sorted({examples[i].file for i in rest} - training.EXTRA_ORDINARY):
            model = fit(table, [i for i in rest if examples[i].file != other])
            inner += _scored(
                model, examples, [i for i in rest if examples[i].file == other], verdicts
            )
        threshold = training.choose_threshold(inner)
        model = fit(table, rest)
        rows = [i for i, e in enumerate(examples) if e.file in files]
        scored = _scored(model, examples, rows, verdicts)
        held.append(HeldOut(_name(files), scored, threshold, inner))
    return held


def rules_say(scored: Scored) -> bool:
    """The hand-written half alone: an English rule, or a phrase of another language."""
    return scored.rules or (scored.other is not None and scored.other.urgent)


def table(held: list[HeldOut]) -> str:
    """Per held-out set and pooled: recall and false alarms of the rules
    alone, the model alone and both as the bot runs them."""
    lines = [
        "leave one set out: the model trained and its threshold chosen without the set",
        f"{'held out':<26}{'thr':>5}{'urgent':>7}{'ordinary':>9}"
        f"  {'rules: recall':>13} {'false':>6}  {'model: recall':>13} {'false':>6}"
        f"  {'both: recall':>12} {'false':>6}",
    ]

    def share(rows: list[tuple[Scored, float]], says: Callable[[Scored, float], bool]) -> float:
        return sum(says(s, t) for s, t in rows) / len(rows) if rows else math.nan

    def rules(s: Scored, t: float) -> bool:
        return rules_say(s)

    def model(s: Scored, t: float) -> bool:
        return s.probability >= t

    def both(s: Scored, t: float) -> bool:
        return s.urgent(t, phrases=True)

    pooled = [(s, h.threshold) for h in held for s in h.scored]
    for name, thr, rows in [
        *((h.name, f"{h.threshold:.2f}", [(s, h.threshold) for s in h.scored]) for h in held),
        ("all", "", pooled),
    ]:
        urgent = [r for r in rows if r[0].example.urgent]
        ordinary = [r for r in rows if not r[0].example.urgent]
        lines.append(
            f"{name:<26}{thr:>5}{len(urgent):>7}{len(ordinary):>9}"
            f"  {share(urgent, rules):>13.3f} {share(ordinary, rules):>6.3f}"
            f"  {share(urgent, model):>13.3f} {share(ordinary, model):>6.3f}"
            f"  {share(urgent, both):>12.3f} {share(ordinary, both):>6.3f}"
        )
    return "\n".join(lines)


def mistakes(held: list[HeldOut]) -> str:
    """Every held-out emergency the triage (``both``) misses and every
    ordinary message it flags, with the model's probability and the set's
    threshold, the text cut at 120 characters."""
    lines = []
    for h in held:
        for s in h.scored:
            if s.urgent(h.threshold, phrases=True) != s.example.urgent:
                kind = "MISS " if s.example.urgent else "FALSE"
                text = " ".join(s.example.text.split())[:120]
                lines.append(
                    f"{kind} {s.example.file} p={s.probability:.2f}/{h.threshold:.2f}"
                    f" {s.said.reason}: {text}"
                )
    return "\n".join(lines)


# The shares of held-out ordinary messages the model alone may flag that
# ``--sweep`` tries (round 16; training.MAX_FALSE_ALARMS among them).
SWEEP = (0.02, 0.025, 0.028, 0.03, 0.032, 0.035, 0.038, 0.04, 0.045, 0.05)


def rechosen(held: list[HeldOut], share: float) -> list[HeldOut]:
    """The same held-out scores, each set's threshold chosen again from its
    own inner scores as if MAX_FALSE_ALARMS were ``share``: no model is
    trained again, and no threshold looks at the held-out set."""
    return [replace(h, threshold=training.choose_threshold(h.inner, share)) for h in held]


def sweep(held: list[HeldOut], shares: tuple[float, ...] = SWEEP) -> str:
    """One line a share: the thresholds it chooses and the whole triage's
    held-out recall and false alarms, pooled over the sets (what choosing
    MAX_FALSE_ALARMS by leaving one set out looks at)."""
    lines = [f"{'share':>6} {'thresholds':>11}  {'urgent caught':>13}  {'false alarms':>12}"]
    for share in shares:
        again = rechosen(held, share)
        rows = [(s, h.threshold) for h in again for s in h.scored]
        caught = sum(s.urgent(t, phrases=True) for s, t in rows if s.example.urgent)
        urgent = sum(s.example.urgent for s, _ in rows)
        false = sum(s.urgent(t, phrases=True) for s, t in rows if not s.example.urgent)
        ordinary = len(rows) - urgent
        low, high = min(h.threshold for h in again), max(h.threshold for h in again)
        lines.append(
            f"{share:>6.3f} {low:>5.2f}-{high:<5.2f}"
            f"  {caught:>6}/{urgent:<6}  {false:>5}/{ordinary:<6}"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    examples = [e for rows in training.corpora().values() for e in rows]
    held = leave_one_set_out(examples, Features(examples))
    print(table(held))
    if "--sweep" in argv:
        print(sweep(held))
    if "--misses" in argv:
        print(mistakes(held))


if __name__ == "__main__":
    main(sys.argv[1:])
