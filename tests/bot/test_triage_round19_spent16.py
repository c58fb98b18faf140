"""Issue 15, round 19 (tuning on a spent set): three of the sixteenth unseen
set's six misses were plain English emergencies a word away from ones the
rules read (docs/triage-figures.md, "The sixteenth set's misses settled").
Each is settled as a concept, not as the one line:

- "someones" and "somebodys" typed without the apostrophe are read as
  "someone's" (spellings.yaml), so every rule that reads "someone's
  drowning" or "someone's got a knife" reads them;
- a telegraphic report, a weapon first and "now" last with no question
  ("machete. milnrow roundabout. now"), is a weapon shown (danger.yaml);
- a negation that judges ("my English not good", "not sure") ends with its
  adjective: the plea or the danger after it stands (guards.py);
- the three misses in other languages as their concepts
  (other_languages.yaml, "Round 19"): a collapse told by its signs in
  Bengali, an assault going on in Chinese, people held by whoever took
  their passports in Bulgarian.

The messages are the writers' shapes in new words; the calm side shows what
each concept must leave alone. Before, the model alone caught most of the
new wordings and none of the three lines themselves; the tests ask for a
rule."""

from __future__ import annotations

import pytest

from bot.safeguarding.triage import Concern, assess

URGENT = [
    "someones drowning at the marina in whitby",
    "somebodys drowning off the pier pls",
    "someones got a knife outside the chippy on market st",
    "machete. milnrow roundabout. now",
    "knife. outside the coop on fore street. now!",
    "gun. car park behind tesco. right now",
    "There is a man in the canal near the lock, he shouting and then he go under, my "
    "English not good please send help fast",
    "sorry my english not so good, please send police, a man is hitting my sister now",
    "my english not good please send help fast, man is in the river",
    "not sure what's happening but someone is being stabbed outside the pub",
]

NOT_URGENT = [
    "someones been nicking the tomatoes off my allotment",
    "somebodys left a sofa on the pavement outside number 4 for a week",
    "knife bins now?",
    "knife amnesty now on at the station",
    "Knife crime in the town is getting worse now",
    "my english is not good, can I write my question in Polish?",
    "not sure who to ask: is there a neighbourhood watch in Rusholme?",
]


@pytest.mark.parametrize("text", URGENT)
def test_a_rule_reads_the_sixteenth_sets_concepts(text: str) -> None:
    # a rule, not only the model: the model's word weights move at every retrain
    said = assess(text)
    assert said.concern is Concern.DANGER and said.reason.startswith("danger."), (text, said)


@pytest.mark.parametrize("text", NOT_URGENT)
def test_what_the_concepts_must_leave_alone_stays_calm(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


def test_without_the_new_spelling_the_drowning_was_missed_and_the_apostrophe_was_not() -> None:
    # the form with the apostrophe was always read; the new spelling makes the two agree
    assert assess("someone's drowning at stonehaven harbour").urgent
    assert assess("someones drowning at stonehaven harbour").urgent


OTHER_LANGUAGES_URGENT = [
    # Bengali: my mother fell, she is not speaking, breathing very little
    ("আমার মা হঠাৎ পড়ে গেছেন, কথা বলছেন না, নিঃশ্বাস খুব কম। তাড়াতাড়ি আসুন।", "bn"),
    # Chinese: a man is lying on the ground not moving, they are still kicking him
    ("公园门口有个男的躺在地上一动不动，那几个人还在踢他，快来！", "zh"),
    # Bulgarian: the boss took our documents and locked us in, says he'll beat us
    ("Шефът взе документите ни и ни заключи в склада. Казва, че ще ни пребие.", "bg"),
]

OTHER_LANGUAGES_CALM = [
    # Chinese: I'm making a phone call / I'm still calling him, he doesn't answer
    "我在打一个电话给我妈妈，手机被偷了怎么办？",
    "我还在打他的电话，他没接，可以帮我找他的号码吗？",
    # Bengali: my phone fell and broke, where do I report it?
    "আমার ফোন পড়ে গেছে, কোথায় রিপোর্ট করব?",
    # Bulgarian: where do I report a stolen passport?
    "Къде да подам сигнал за откраднат паспорт?",
]


@pytest.mark.parametrize(("text", "language"), OTHER_LANGUAGES_URGENT)
def test_the_concepts_in_other_languages_are_urgent_in_their_language(
    text: str, language: str
) -> None:
    said = assess(text)
    assert said.urgent and said.reason == f"danger.other_language.{language}", (text, said)


@pytest.mark.parametrize("text", OTHER_LANGUAGES_CALM)
def test_ordinary_questions_in_those_languages_stay_calm(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


# The sixteenth set spent and the model retrained with it: two of the
# ordinary wordings the retrain raised are read as concepts (framing.yaml):
# damage found after a season away, a worry the family has answered, and
# the police who came and took the man away.
RETRAIN_CALM = [
    "beach hut broke into over the winter, only just noticed, deckchairs and the gas stove gone",
    "went down to the allotment after christmas, shed broke into over the holidays and the "
    "strimmer's gone",
    "The elderly lady opposite has had her curtains shut all day which isn't like her, but "
    "I've just spoken to her daughter and she's gone to stay with her in Halifax for the "
    "week. Is it still worth keeping an eye on the house?",
    "A man was shouting threats with a bottle outside the Spar at lunchtime, officers "
    "arrived and arrested him. Just wanted to say thank you.",
]

RETRAIN_STILL_URGENT = [
    # a live cue beside the framing keeps the alarm
    "the beach hut was broke into over the winter and there's a man sleeping in it right "
    "now with a knife",
    "he's gone to stay with his mum but he's outside my door now screaming he'll kill me",
    "the police came and took him away but now his brother is outside with a knife",
]


@pytest.mark.parametrize("text", RETRAIN_CALM)
def test_the_retrains_new_wordings_read_as_concepts_are_calm(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


@pytest.mark.parametrize("text", RETRAIN_STILL_URGENT)
def test_a_live_cue_beside_those_framings_stays_urgent(text: str) -> None:
    assert assess(text).urgent, text
