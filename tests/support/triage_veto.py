"""Round 16: the model as a second opinion on weak rule alarms, tested on
sets the model never saw.

The question: when a rule raises an alarm on weak evidence (neither a
severe rule nor a self-harm rule, and no such rule fires anywhere in the
message) and a model that never saw the message's set gives it a very low
probability, is it more often a false alarm than an emergency? A veto
"weak rule alarm + probability < t" would then cut false alarms.

    .venv/bin/python -m tests.support.triage_veto            # the tables
    .venv/bin/python -m tests.support.triage_veto --lines    # and every candidate line
    .venv/bin/python -m tests.support.triage_veto --strong   # and the veto on the other rule alarms

Three tables, for t in TS:

1. the thirteenth set (unseen_2026_12_01_a/_b), scored by the shipped
   model (never trained on it): held out for the model; the rules were
   tuned on it in round 16 (the framing reader), so its rule alarms are
   the ones left after that;
2. each pair of ``triage_set_out.SETS`` scored by a model trained without
   it (the training script's corpora, features, C and class weights); the
   rules and the family files were tuned after those sets were run, so
   their rule false alarms are mostly gone already;
3. every other readable triage file, scored by the shipped model (trained
   on most of them): the urgent lines lost are a floor, not an estimate.

A candidate is a line the whole triage (``triage.assess``) finds urgent
by an English rule (its reason a rule's name) where every rule that fires
(``fired``: each rule tried on its own, not only the first of a concern) is
weak. Counted three ways: every candidate under t (``all``); only those
whose probability the model computed (at least ``model.MIN_WORDS`` words
it knows: ``known``; below that the probability is 0 and says nothing);
and of those, only text not identified as another language (``english``).
scikit-learn is needed for table 2 (the ``test`` extra).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.safeguarding.language import identify
from bot.safeguarding.triage import assess
from bot.safeguarding.triage.concern import Concern
from bot.safeguarding.triage.engine import rule_starts, stop_for
from bot.safeguarding.triage.guards import NOW
from bot.safeguarding.triage.model import MIN_WORDS, Model, model, without_command, words_of
from bot.safeguarding.triage.normalise import normalise
from bot.safeguarding.triage.rules import RULES, Rule
from tests.support import train_triage_model as training
from tests.support.triage_labelled import CORPUS, read, readable_files
from tests.support.triage_set_out import SETS

TS = (0.01, 0.02, 0.05, 0.1, 0.2)
WAYS = ("all", "known", "english")  # how candidates are counted (the module's docstring)
THIRTEENTH = ("unseen_2026_12_01_a", "unseen_2026_12_01_b")
RULE_NAMES = frozenset(rule.name for rule in RULES)


def fired(normal: str) -> list[Rule]:
    """Every rule that fires on a normalised message, each tried on its own
    (``engine.by_rules`` stops a concern at its first rule that fires)."""
    starts = rule_starts(normal)
    says_now = NOW.search(normal) is not None
    result = []
    for rule in RULES:
        if rule.needs_now and not says_now:
            continue
        for start in starts:
            match = rule.pattern.match(normal, start)
            if match is not None and stop_for(rule, normal, match.start(), match.end()) is None:
                result.append(rule)
                break
    return result


def strength(rule: Rule) -> str:
    """ "self_harm", "severe" or "weak" (how engine.by_rules ranks a rule's evidence)."""
    if rule.concern is Concern.SELF_HARM:
        return "self_harm"
    return "severe" if rule.severe else "weak"


@dataclass(frozen=True)
class Line:
    file: str
    id: str
    urgent: bool  # the label
    verdict: str  # assess's concern
    reason: str
    rules: tuple[str, ...]  # every rule that fires, "name/strength"
    weak_only: bool  # a rule alarm, every rule that fires weak
    language: str | None  # identify(text)
    known: int  # distinct words the model has a weight for
    probability: float

    def candidate(self, t: float, way: str, weak: bool = True) -> bool:
        """Whether the veto at ``t`` would clear this line, counted ``way``
        (of WAYS); with ``weak`` False, the same veto on the rule alarms
        that are not weak-only (a severe or self-harm rule fires)."""
        kind = self.weak_only if weak else bool(self.rules) and not self.weak_only
        if not kind or self.probability >= t:
            return False
        if way == "all":
            return True
        if self.known < MIN_WORDS:
            return False
        return way == "known" or self.language is None


def lines_of(path: Path, scorer: Model) -> list[Line]:
    """Every line of a triage file: what the triage says, every rule that
    fires when a rule raised the alarm, and ``scorer``'s probability."""
    out = []
    for item in read(path):
        said = assess(item.text)
        normal = normalise(item.text)
        read_as = normalise(without_command(item.text))
        rules = fired(normal) if said.urgent and said.reason in RULE_NAMES else []
        known = sum(f"w:{w}" in scorer.weights for w in set(words_of(read_as)))
        out.append(
            Line(
                path.stem,
                item.id,
                item.urgent,
                str(said.concern),
                said.reason,
                tuple(f"{r.name}/{strength(r)}" for r in rules),
                bool(rules) and all(strength(r) == "weak" for r in rules),
                identify(item.text),
                known,
                scorer.probability(read_as),
            )
        )
    return out


def tabulate(title: str, lines: list[Line], weak: bool = True) -> str:
    """For each t of TS and each way of WAYS: false alarms removed, urgent
    lines lost (``weak`` False: by the veto on the other rule alarms)."""
    urgent = sum(x.urgent for x in lines)
    ordinary = len(lines) - urgent
    alarms = sum(x.verdict != "none" and not x.urgent for x in lines)
    rule_alarms = sum(x.reason in RULE_NAMES and not x.urgent for x in lines)
    weak_alarms = sum(x.weak_only and not x.urgent for x in lines)
    weak_urgent = sum(x.weak_only and x.urgent for x in lines)
    if not weak:
        title += " [the veto on alarms where a severe or self-harm rule fires]"
    out = [
        f"== {title}: {urgent} urgent, {ordinary} ordinary; false alarms {alarms}"
        f" ({rule_alarms} by a rule, {weak_alarms} weak only); urgent lines caught by"
        f" weak rules only: {weak_urgent}",
        f"{'t':>5}  " + "  ".join(f"{w + ': fa removed / urgent lost':>34}" for w in WAYS),
    ]
    for t in TS:
        cells = []
        for way in WAYS:
            removed = sum(x.candidate(t, way, weak) and not x.urgent for x in lines)
            lost = sum(x.candidate(t, way, weak) and x.urgent for x in lines)
            cells.append(f"{removed:>22} / {lost:<9}")
        out.append(f"{t:>5}  " + "  ".join(cells))
    return "\n".join(out)


def detail(lines: Iterable[Line], texts: dict[tuple[str, str], str]) -> str:
    """Every weak-only rule alarm with its probability, lowest first."""
    rows = sorted((x for x in lines if x.weak_only), key=lambda x: x.probability)
    return "\n".join(
        f"  {'URGENT' if x.urgent else 'fa    '} p={x.probability:.4f} known={x.known:>3}"
        f" lang={x.language or '-'} {x.id} {','.join(x.rules)}: "
        f"{' '.join(texts[(x.file, x.id)].split())[:110]}"
        for x in rows
    )


def main(argv: list[str]) -> None:
    shipped = model()
    texts: dict[tuple[str, str], str] = {}

    def remember(path: Path) -> None:
        for item in read(path):
            texts[(path.stem, item.id)] = item.text

    # 1. the thirteenth set, the shipped model
    thirteenth = [CORPUS / f"{stem}.jsonl" for stem in THIRTEENTH]
    held13 = [x for path in thirteenth for x in lines_of(path, shipped)]
    for path in thirteenth:
        remember(path)
    print(tabulate("1. thirteenth set (a13, b13), shipped model", held13))
    if "--strong" in argv:
        print(tabulate("1. thirteenth set (a13, b13), shipped model", held13, weak=False))
    if "--lines" in argv:
        print(detail(held13, texts))

    # 3. every other readable file, the shipped model
    others = [p for p in readable_files() if p.stem not in THIRTEENTH]
    in_sample = [x for path in others for x in lines_of(path, shipped)]
    for path in others:
        remember(path)
    print(tabulate("3. every other readable file, shipped model (in sample)", in_sample))
    if "--strong" in argv:
        print(
            tabulate(
                "3. every other readable file, shipped model (in sample)", in_sample, weak=False
            )
        )
    if "--lines" in argv:
        print(detail((x for x in in_sample if x.urgent or x.probability < max(TS)), texts))

    # 2. each spent set, a model trained without it
    examples = [e for rows in training.corpora().values() for e in rows]
    table = training.Features(examples)
    pooled: list[Line] = []
    for pair in SETS:
        rest = [i for i, e in enumerate(examples) if e.file not in pair]
        without = training.fit(table, rest)
        held = [x for stem in pair for x in lines_of(CORPUS / f"{stem}.jsonl", without)]
        pooled += held
        print(tabulate(f"2. {'+'.join(pair)}, model without it", held))
    print(tabulate("2. the twelve older sets pooled, each by a model without it", pooled))
    if "--strong" in argv:
        print(
            tabulate(
                "2. the twelve older sets pooled, each by a model without it", pooled, weak=False
            )
        )
    if "--lines" in argv:
        print(detail(pooled, texts))


if __name__ == "__main__":
    main(sys.argv[1:])
