"""Issue 15, round 20: the round-20 voices probe
(tests/data/triage/voices_probe_round20.jsonl, written before the engine
was read) missed two emergencies and raised four false alarms on its first
run; each is read here as its concept (docs/triage-figures.md, "Round 20:
overdue and unreachable, a silence after a row"):

- someone overdue and unreachable, said without "missing" or "not home":
  due home or back by a time and the phone off, going to voicemail,
  ringing out or not answered (danger.overdue_unreachable);
- a row or a fight, a violent sound, and then a silence: "gone very quiet
  after a loud thud", "a crash and now nothing" (danger.silence_after_violence,
  severe: only a clear past or habit stops it);

and, as calm:

- an appeal for a lost pet ("our cat has not come home since tuesday"),
  which the model raised: silenced unless a person is gone after it or
  hurt by it in the sentence (guards.yaml, all_clear);
- a character in a story the writer is writing (guards.yaml, not_real);
- the writer's own recovery told now ("I'm in a much better place now"):
  the model must be sure (guards.yaml, settled).

Every wording is new, written for this test, and none is in the probe.
The urgent ones are asked of the rules (not only the model), because the
model's word weights move at every retrain."""

from __future__ import annotations

import pytest

from bot.safeguarding.triage import Concern, assess
from bot.safeguarding.triage.engine import by_rules
from bot.safeguarding.triage.normalise import normalise

OVERDUE = [
    "our lass was due back from the youth club at half eight, it's gone midnight and "
    "her mobile just rings out",
    "He was meant to be home by 7, its now 11pm and his phone's been off for hours, he's 14",
    "my boy is 10, should of been home at 5 from his mates, its now 8 and no answer on his phone",
    "wife was supposed to be back from her walk by 4 and her phone is going straight to "
    "answerphone, it's pitch black on the moors",
    "My mum was expected home from the shops at 2, nobody can get hold of her and "
    "she's not been well",
    "Our Kayden was meant to be back from football by seven and it's nearly eleven, "
    "his phone keeps going to voicemail.",
]

SILENCE_AFTER_A_ROW = [
    "the couple next door have been screaming at each other for an hour, there was a massive thud "
    "against the wall and now there's not a sound",
    "fella upstairs was kicking off at his missus, big bang, now nothing. "
    "shes not replying to my texts",
    "upstairs were fighting and shouting and there was a bang and then silence, "
    "she usually shouts back",
    "Him next door was yelling at her again and it's gone dead quiet since a loud crash. "
    "Am I being nosy?",
]


@pytest.mark.parametrize("text", OVERDUE)
def test_someone_overdue_and_unreachable_is_danger_by_a_rule(text: str) -> None:
    said = assess(text)
    assert said.urgent and said.concern is Concern.DANGER, (text, said)
    assert by_rules(normalise(text)).reason == "danger.overdue_unreachable", text


@pytest.mark.parametrize("text", SILENCE_AFTER_A_ROW)
def test_a_silence_after_a_row_is_danger_by_a_rule(text: str) -> None:
    said = assess(text)
    assert said.urgent and said.concern is Concern.DANGER, (text, said)
    assert said.reason != "model.urgent", (text, said)


# Near misses on the same topics: over, asked in general, a habit, a squabble.
CALM = [
    # overdue, but told as over or asked in general
    "My son was supposed to be home at 6 yesterday and his phone was off but he turned up at 7 "
    "with a flat battery, how do I get him to charge it?",
    "How late should a 15 year old be allowed out? Mine was meant to be back by 10 on Saturday "
    "and his phone was off again. Advice on curfews?",
    "If my daughter should have been home and her phone is off, at what point do I ring 101?",
    "The parcel was supposed to be back at the depot, their phone line is not answering.",
    # a row and a bang, told as over, asked about, or children squabbling
    "The neighbours were arguing again last week, there was a bang and then it went quiet; "
    "next morning she said she'd dropped a pan. Is it worth reporting the arguing?",
    "My kids were fighting over the remote, there was a crash, then silence - they'd knocked the "
    "telly off the stand. How do I claim on insurance?",
    "We had a row about money last month and he threw a plate, there was a crash and then silence "
    "for days. Is that abuse?",
    # lost pets
    "Our dog has gone missing from the park in Hebden Bridge, he's a black lab, please share",
    "Missing cat in Stoke - our tabby hasn't come home for three nights",
    "our spaniel ran off on the beach at Formby yesterday, microchipped, any sightings pls",
    # a story's character
    "In my novel the main character takes an overdose after a breakup - "
    "would police attend in real life?",
    "One character in my script texts her sister goodbye; how do police respond to that?",
    "It's for my creative writing coursework at college, the main character sends a goodbye "
    "text to her mum and turns her phone off. Would police trace it?",
    "For my GCSE English piece, one character writes a note saying sorry for everything and walks "
    "to the bridge. Is that realistic?",
    # the writer's own recovery, told now
    "Five years ago I was sectioned after trying to end it. I'm in a far better place now and want "
    "to help others.",
]


@pytest.mark.parametrize("text", CALM)
def test_the_near_miss_stays_calm(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


# The calm readings must not swallow an emergency beside them: a person
# gone after a lost pet or hurt by an animal, a "better place" that is a
# farewell.
STILL_URGENT = [
    "Our dog ran off and my son went after it onto the frozen reservoir, he's gone through the ice",
    "A big dog has got out of next door's garden and has hold of a little girl's arm, please come",
    "I'm in a better place tonight than I've been for weeks, I've made my peace and put the letter "
    "on the table for my kids",
]


@pytest.mark.parametrize("text", STILL_URGENT)
def test_the_calm_readings_leave_an_emergency_beside_them(text: str) -> None:
    assert assess(text).urgent, text


def test_a_lost_pet_appeal_is_silenced_only_for_the_model() -> None:
    # the appeal is no rule's; the model alone raised it before this round
    text = "dog got out the back n hes gone missin, pls share ppl in wigan"
    assert by_rules(normalise(text)).reason == "none"
    assert not assess(text).urgent
