"""Earlier rounds' ordinary test wordings the round-16 model raises
(docs/triage-figures.md, "Round 16: model false alarms"): its question-mark
cue (model_cues.py) took a weight of -5.5 and the bias rose from 0.33 to
1.02, so a statement with no cue, above all in a language the model reads
little of, scores higher than before (main's probability -> round 16's,
threshold 0.31 -> 0.34). Their tests mark them as expected failures
(strict: a model that leaves one alone again makes its test fail, and it
leaves this set). The merge of round 16 retrained the model with the
thirteenth set; it leaves round 12's supermarket manager ("lost children
now and then") alone again, so that line left the set; these three stay
raised, and one line of round 15 joined them (a pet "run off again").
Spending the fourteenth set (round 17) added two more. Spending the
fifteenth (round 18) let one go: the Spanish "Hace una semana alguien estaba
intentando abrir los coches, ahora ya no viene" is no longer raised. The
retrain at the start of round 19 (the "someones" spelling) let the magpies
and the air rifle go; the retrain with the sixteenth set raised both again,
and the Spanish line too (0.33 and 0.34). Round 20 let the pet "run off
again" go without a retrain: an appeal for a lost pet is an all-clear for
the model (guards.yaml, all_clear; docs/triage-figures.md, "Round 20").
The retrain with the eighteenth set and round 20's probe (round 21,
threshold 0.31 -> 0.34) let the Welsh talk on scams go ("Bore da, hoffai
clwb yr henoed ..."), raised since round 17, and raised five ordinary
wordings just over its threshold (0.34-0.39; 0.27-0.31 before): a cab
five minutes away, round 12's supermarket manager again, a ceiling leak
from the flat above (m12-328), a horsebox left "since October" and a
burglary in 1998 (v12-106). The two file lines are marked by their ids
(RAISED_LINES_BY_ROUND16_MODEL)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

RAISED_BY_ROUND16_MODEL = frozenset(
    {
        # 0.16 -> 0.41, romanised Hindi (test_triage_round14.MODEL_ORDINARY)
        "bache ko gaari mein kheench ke bithana padta hai, car seat se nafrat hai usko",
        # 0.17 -> 0.44 (test_other_languages_round14_a)
        "Gülmekten öldüm, ne video ama",
        # raised again by the retrain with the sixteenth set (round 19), 0.33
        # and 0.34 (test_triage_round12_rules, test_other_languages_round12)
        "my neighbour asked is he allowed to shoot magpies with an air rifle in his back garden",
        "Hace una semana alguien estaba intentando abrir los coches, ahora ya no viene",
        # raised by the retrain with the eighteenth set and round 20's probe
        # (round 21, threshold 0.34): 0.36, 0.39 and 0.35
        # (test_triage_round10_model, test_triage_round12_rules, test_triage_round14)
        "cab's 5 mins away, see you soon",
        "I'm a supermarket manager and we get lost children now and then. What's the right "
        "procedure for handing them over?",
        "no hurry at all, but there's been a horsebox left at the quarry entrance since October",
    }
)
# Lines of the triage files a test reads by id, raised likewise (round 21):
# 0.34 and 0.35 (test_triage_round14, test_triage_round15_model).
RAISED_LINES_BY_ROUND16_MODEL = frozenset({"m12-328", "v12-106"})
_MARK = pytest.mark.xfail(
    strict=True, reason="raised by the round-16 model (tests/support/round16_model.py)"
)


def marked(params: Sequence[str] | Sequence[tuple[str, ...]]) -> list[object]:
    """The parameters of a not-urgent test (a text or a line id, or a tuple
    ending with one), those whose text is in RAISED_BY_ROUND16_MODEL or whose
    id is in RAISED_LINES_BY_ROUND16_MODEL marked as expected to fail."""
    out: list[object] = []
    for p in params:
        text = p if isinstance(p, str) else p[-1]
        if text not in RAISED_BY_ROUND16_MODEL | RAISED_LINES_BY_ROUND16_MODEL:
            out.append(p)
        else:
            out.append(
                pytest.param(p, marks=_MARK)
                if isinstance(p, str)
                else pytest.param(*p, marks=_MARK)
            )
    return out
