"""Issue 15, round 20 (tuning on a spent set): the seventeenth unseen set's
one miss (docs/triage-figures.md, "Issue 15's seventeenth unseen set") was
a seizure told by its signs at a house party, "she's shaking and like
jerking and her eyes are rolling", ending in a question for advice. It is
settled as a concept in the medical rule (danger.yaml): a seizure said by
what it looks like (shaking and jerking, convulsing, someone's eyes rolling
back), so no longer only "having a seizure" or "fitting".

The messages are that shape in new words; the calm side shows what the
concept leaves alone (a seizure that is over, one's own eyes rolled at
something, a pet's). Before, no rule read any of the urgent ones."""

from __future__ import annotations

import pytest

from bot.safeguarding.triage import assess
from bot.safeguarding.triage.engine import by_rules
from bot.safeguarding.triage.normalise import normalise

URGENT = [
    "my flatmate took pills and she is shaking and her eyes are rolling. Is there a number "
    "for advice?",
    "he's on the bathroom floor shaking and jerking and won't answer us",
    "his eyes keep rolling back and he's twitching, what do we do",
    "my brother is convulsing in the kitchen",
    "the old man at the bus stop is shaking and sort of jerking, his eyes have gone up",
    "she is trembling and twitching and her eyes rolled back, we're at the party on Elm St",
]

CALM = [
    "last week my nan was shaking and jerking in her sleep, the doctor says it was nothing",
    "my dog was convulsing yesterday but the vet says he's fine now",
    "my eyes are rolling at the state of the parking on Mill Road",
    "she rolled her eyes at the officer, is that an offence?",
    "is there first aid training on what to do when someone is convulsing?",
]


@pytest.mark.parametrize("text", URGENT)
def test_a_seizure_told_by_its_signs_is_read_by_a_rule(text: str) -> None:
    said = by_rules(normalise(text))
    assert said.urgent and said.reason == "danger.medical", (text, said)
    assert assess(text).urgent


@pytest.mark.parametrize("text", CALM)
def test_the_signs_over_or_not_of_a_person_are_left_alone_by_the_rule(text: str) -> None:
    said = by_rules(normalise(text))
    assert not said.urgent, (text, said)
