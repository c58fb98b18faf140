"""Issue 15, round 19: the voices unseen sets keep missing in, very short
(telegraphic) messages and non-native English, read as concepts
(docs/triage-figures.md, "Round 19: very short and non-native voices"):

- a telegraphic report, fragments split by full stops ("fire. kids
  upstairs"), is read as one sentence by the rules (engine.telegraphic): the
  model scores nothing under five words it knows, so the rules alone judge
  these;
- the verb without its ending, as non-native writers put it: "he is beat
  me", "she cut herself", "he want die", "my son he take many pills",
  "boyfriend strangle me", "try break my door now";
- blood told by a quantity ("much blood", "bleed very much"); a person "gone
  blue" or "no breathing";
- a person in the water as a headline ("kid in the canal by the lock");
  the injury first as a fragment ("stabbed. bus station. bleeding");
- a fire with people at the windows; an animal on a person now;
- choking said first or of a person.

And three model false alarms of the last retrain as concepts: someone known
on the way over (a visit), and a water word naming a car park.

Every wording is new, written for this test. The urgent ones are asked of
the rules (not only the model), because the model's word weights move at
every retrain and very short messages are never scored by it."""

from __future__ import annotations

import pytest

from bot.safeguarding.triage import Concern, assess
from bot.safeguarding.triage.engine import by_rules, telegraphic
from bot.safeguarding.triage.normalise import normalise

URGENT = [
    # telegraphic fragments
    "fire. grandma upstairs",
    "smoke in hallway. twins stuck in bedroom",
    "canal. man in water. waving arms",
    "fire! people still inside! hurry",
    # the verb without its ending (non-native)
    "please my brother he is beat me with belt now",
    "the man is kick my father on the street",
    "they punch him now outside the shop please",
    "my sister she cut herself very deep",
    "my uncle he say he want die, he has rope",
    "my mother she take many tablets, she very sleepy",
    "girlfriend choke me. he still here",
    "two men try open my back door now please",
    "somebody follow me now from station i am afraid",
    "my cousin he fall in river, he cannot swim",
    # blood by a quantity, blue, no breathing
    "my son he fall from the ladder much blood from head",
    "grandad's gone blue please come",
    "my little girl no breathing",
    # a person in the water, the injury first
    "kid in the canal by the lock gates",
    "someone in the reservoir near the dam",
    "stabbed. bus station. bleeding",
    "shot, back of the pub, lad down",
    # fire with people at the windows, an animal on a person, choking
    "block of flats on fire, family at the top window",
    "smoke coming out the house and a child banging on the window",
    "dog attacking a little boy on the field",
    "the rottweiler has got hold of my son's leg",
    "the alsatian is biting my little girl please come",
    "choking. my baby. help",
    "my daughter choke on a grape",
    # more of the same: stroke, a hot car, people held, a crash, a lost child,
    # followed, on the floor with blood, chest pain and a fall
    "dad face droop, cannot talk",
    "toddler in hot car outside aldi, nobody with her",
    "women locked in house cannot leave please",
    "motorbike crash. rider not move",
    "my son 6 years lost. shopping centre. cannot find",
    "my little girl is lost in the park please",
    "man following me. alone. scared",
    "boss take my passport, i cannot go out",
    "he is on floor with much blood",
    "chest pain then he fell down, now on kitchen floor",
]

NOT_URGENT = [
    # short thanks and past events
    "thanks. sorted now",
    "cheers. all good",
    "car broken into last week. crime number?",
    "bike nicked yesterday. any cctv?",
    "stabbed in the back by my own brother lol",
    "shot! by the speed camera again",
    # non-native, ordinary
    "my son is beat me at chess every time",
    "the dog is bite the sofa every day, how I stop",
    "please is 101 open now?",
    "i want report my neighbour he park on my drive",
    "my daughter she cut herself on a glass last month, she is fine",
    "the neighbour's dog bit my boy on the green, can I report it here?",
    "dog attack my son in the park on sunday, he have stitches, owner no sorry",
    "my son lost in the final 3-2",
    "baby in parked car while I pay for fuel, is that legal?",
    "chest pain last year after a fall, any advice on claims",
    "my mum face droop after stroke two years ago, can she still drive?",
    "the boss take my passport copy for the records, is that normal?",
    "girls locked in the toilets at school as a prank last term",
    # a person by the water, not in it
    "kids in the river every summer, is it allowed?",
    "man in the harbour cafe was rude to me",
    # the three model false alarms, in new wordings of their concepts
    "my brother is on his way over now",
    "my nan's coming round later",
    "a lorry has been left in the reservoir car park for a week",
    "there's a camper van in the marina car park with its windows open",
]


@pytest.mark.parametrize("text", URGENT)
def test_the_voice_is_read_by_a_rule(text: str) -> None:
    said = assess(text)
    assert said.urgent and said.reason != "model.urgent", (text, said)


@pytest.mark.parametrize("text", NOT_URGENT)
def test_the_ordinary_message_in_the_same_voice_stays_calm(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


def test_a_telegraphic_message_is_read_as_one_sentence() -> None:
    assert telegraphic(normalise("fire. kids upstairs")) == " fire , kids upstairs "
    # a question, one fragment, or a long sentence is read as it is
    assert telegraphic(normalise("fire alarm. is it a test?")) is None
    assert telegraphic(normalise("fire kids upstairs")) is None
    long = (
        "the fire brigade came round to check the alarms in every flat on our floor. kids upstairs"
    )
    assert telegraphic(normalise(long)) is None


def test_the_fragments_alone_were_not_read_before_they_were_joined() -> None:
    # the rules on the message as sent find nothing; on the joined reading, a fire
    # with someone inside
    normal = normalise("fire. grandma upstairs")
    assert not by_rules(normal).urgent
    joined = telegraphic(normal)
    assert joined is not None
    assert by_rules(joined) == assess("fire. grandma upstairs")
    assert assess("fire. grandma upstairs").concern is Concern.DANGER


def test_a_past_said_with_the_fire_still_stops_it() -> None:
    assert not assess("fire last year. kids upstairs. insurance question").urgent
    assert not assess("kitchen fire in march. kids upstairs then. all fine").urgent


# Ordinary messages the new rules must leave alone, though the model (not
# the rules) raises them today, before this round as after: the beating
# told as before, many photos taken, a lost phone, "lost without her
# phone", a man who followed the writer "two times now". Asked of the
# rules only; named in docs/triage-figures.md.
RULES_LEAVE_ALONE = [
    "my husband he beat me before, now he left, I want advice for divorce",
    "my friend take many photos of the fireworks",
    "my son lost his phone, cant find it",
    "my daughter is lost without her phone",
    "a man follow me two times now after work, what I can do",
]


@pytest.mark.parametrize("text", RULES_LEAVE_ALONE)
def test_the_new_rules_leave_alone_what_the_model_still_raises(text: str) -> None:
    assert not by_rules(normalise(text)).urgent, text
