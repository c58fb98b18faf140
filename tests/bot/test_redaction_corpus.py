"""The redaction engine on the labelled corpus (tests/data/personal_details/,
figures in docs/privacy.md). The floors are the figures achieved; a change
that lets more details through, or replaces more ordinary words, fails here."""

from __future__ import annotations

import hashlib

from bot.redaction import Category
from tests.support.redaction_figures import CORPUS, load, measure

DEV_RECALL_FLOOR = 1.0  # achieved 176/176 (rules were written against this part)
DEV_PRECISION_FLOOR = 1.0  # achieved 176/176
# The held-out part's first run gave recall 71/87 = 0.816 and precision 0.973
# (docs/privacy.md); the rules were then widened, so it is no longer unseen.
HELDOUT_RECALL_FLOOR = 0.985  # achieved 86/87 = 0.989
HELDOUT_PRECISION_FLOOR = 0.985  # achieved 86/87 = 0.989
HELDOUT_CLEAN_CHANGED_CEILING = 1  # achieved 1/42 (the Met's switchboard number)
# The held-out part as written, before the engine ever ran on it. Editing it
# would make its figures meaningless: add a new held-out part instead.
HELDOUT_SHA256 = "74e978fbdc5548be71c1cc1fe1082dd27e07ceeef2a1f1bdc589567c6664c676"


def test_corpus_is_big_and_covers_every_category() -> None:
    everything = load()
    assert len(everything) >= 300
    assert len({e.text for e in everything}) == len(everything)
    clean = [e for e in everything if not e.details]
    assert len(clean) >= 100  # ordinary questions, for precision
    for part in ("dev", "heldout"):
        counts = {c: 0 for c in Category}
        for example in load(part):
            for detail in example.details:
                counts[detail.category] += 1
        assert min(counts.values()) >= 5, (part, counts)


def test_heldout_part_is_unchanged() -> None:
    digest = hashlib.sha256((CORPUS / "heldout.jsonl").read_bytes()).hexdigest()
    assert digest == HELDOUT_SHA256


def test_dev_figures() -> None:
    figures = measure(load("dev"))
    assert figures.overall_recall >= DEV_RECALL_FLOOR, figures.misses
    assert figures.overall_precision >= DEV_PRECISION_FLOOR, figures.wrong
    assert figures.clean_changed == 0


def test_heldout_figures() -> None:
    figures = measure(load("heldout"))
    assert figures.overall_recall >= HELDOUT_RECALL_FLOOR, figures.misses
    assert figures.overall_precision >= HELDOUT_PRECISION_FLOOR, figures.wrong
    assert figures.clean_changed <= HELDOUT_CLEAN_CHANGED_CEILING
