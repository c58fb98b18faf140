"""Issue 15, round 18: the fifteenth set spent and the model retrained with
it (threshold 0.32). The retrain raised three ordinary wordings near the
threshold; each is now read as a concept the engine already had a place for
(docs/triage-figures.md, "The fifteenth set spent"):

- a knife bin or amnesty is a public service asked about (framing.yaml
  ``policy``);
- a first visit after weeks away finds the damage (framing.yaml ``past``);
- "now I want to give something back" is the "now" of a plan, not of danger
  (guards.yaml ``now_asked``).

Each framing makes the model need to be sure; a live cue in the same
message keeps the alarm, and the rules are untouched."""

from __future__ import annotations

import pytest

from bot.safeguarding.triage import assess

NOT_URGENT = [
    "is there a knife bin in orpington",
    "is there a knife amnesty bin anywhere near Catford",
    "where's the nearest knife bin, found an old kitchen knife in the shed",
    "Went to check on our yacht at the boatyard for the first time since October and "
    "someone has broken in. The engine has gone.",
    "went up to the allotment for the first time in months and someone has broken into the "
    "shed and taken the mower",
    "I was suicidal last year and got help, now I want to give something back",
    "I overdosed two years ago and survived, now I'd like to volunteer with a charity",
]

STILL_URGENT = [
    # a live cue beside the framing keeps the alarm
    "went to the caravan for the first time since the summer and there is a man inside it "
    "right now, he has a crowbar",
    "I was suicidal last year and now I want to die again, I have the pills here",
    "there's a lad with a knife by the knife bin on the high street right now waving it at people",
]


@pytest.mark.parametrize("text", NOT_URGENT)
def test_the_retrains_new_wordings_are_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


@pytest.mark.parametrize("text", STILL_URGENT)
def test_a_live_cue_beside_the_framing_stays_urgent(text: str) -> None:
    assert assess(text).urgent, text
