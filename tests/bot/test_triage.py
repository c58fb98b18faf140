"""Emergency triage: each concern, negation, reported speech and the past,
hypotheticals and general questions, self-harm first, and the measured figures
on the labelled corpus (tests/data/triage/, docs/safeguarding.md)."""

from __future__ import annotations

import dataclasses
import hashlib
import re

import pytest

from bot.safeguarding.triage import Concern, Triage, assess, looks_urgent
from bot.safeguarding.triage.engine import by_rules
from bot.safeguarding.triage.normalise import normalise
from tests.support.triage_figures import CORPUS, KINDS, load, measure

D, C, S, N = Concern.DANGER, Concern.CRIME_IN_PROGRESS, Concern.SELF_HARM, Concern.NONE
PHRASE = "Bromley Police Online Forum "


def test_api_shape() -> None:
    assert [c.value for c in Concern] == ["none", "danger", "crime_in_progress", "self_harm"]
    result = assess("he's got a knife")
    assert isinstance(result, Triage) and result.urgent and result.concern is D
    assert not assess("when is the next surgery?").urgent
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.concern = N  # type: ignore[misc]
    for text in ("he's got a knife", "is the knife amnesty still running?", ""):
        assert looks_urgent(text) is assess(text).urgent


@pytest.mark.parametrize(
    "text",
    [
        "he's going to kill me",
        "help me he has got a knife",
        "my husband is hitting me and I've locked myself in the bathroom",
        "someone has been stabbed and is bleeding badly",
        "a man is attacking a woman at the bus stop",
        "my house is on fire",
        "a man has collapsed in the street and isn't breathing",
        "my daughter is 5 and she's gone missing in the park",
        "there's a toddler on the window ledge",
        "i'm scared for my life",
        "a girl just got pulled into a car",
    ],
)
def test_danger_to_life(text: str) -> None:
    assert assess(text).concern is D


@pytest.mark.parametrize(
    "text",
    [
        "someone is breaking into my house right now",
        "there's a man trying car doors on our street right now",
        "I'm being followed",
        "there's a fight outside my house now",
        "there's a drunk driver on the A21 right now swerving everywhere",
        "there's someone in my garden",
        "my car is being broken into as we speak",
    ],
)
def test_crime_in_progress(text: str) -> None:
    assert assess(text).concern is C


@pytest.mark.parametrize(
    "text",
    [
        "I want to end it all",
        "I'm going to kill myself",
        "I've taken pills",
        "there's no reason to live",
        "I can't go on",
        "i feel suicidal",
        "i just want to die",
        "i don't want to be alive anymore",
        "everyone would be better off without me",
        "i've cut myself and it won't stop bleeding",
        "I'm on the bridge and I'm going to jump",
    ],
)
def test_first_person_self_harm_is_self_harm(text: str) -> None:
    for variant in (text, PHRASE + text, text.lower().rstrip(".!?")):
        assert assess(variant).concern is S, variant


def test_self_harm_wins_over_other_concerns() -> None:
    assert assess("he has a knife and I want to kill myself").concern is S
    assert assess("someone is breaking in and i've taken all my pills").concern is S
    assert assess("my partner is hitting me and I don't want to live anymore").concern is S


def test_someone_else_at_risk_of_self_harm() -> None:
    assert assess("my brother says he is going to kill himself").concern is S
    assert assess("my friend has taken an overdose").concern is S


@pytest.mark.parametrize(
    "text",
    [
        "this is not an emergency",
        "Bromley Police Online Forum this is not an emergency but bikes keep going missing",
        "no one was hurt but the bus shelter got smashed again",
        "not urgent, but can someone look at the parking on Elm Road",
        "nobody is in danger, just want to report graffiti",
        "he didn't have a knife, but he was shouting at people",
        "I'm not going to hurt myself or anything, I just feel let down",
    ],
)
def test_negation(text: str) -> None:
    assert assess(text).concern is N


# Hard negatives the rules stop but the statistical model (model.py), reading
# words and not grammar, may flag: issue 15 traded a few such false alarms for
# the emergencies the rules miss (docs/safeguarding.md, "The model"). The
# rules' guards are checked here; the model's false alarms are measured on
# whole files (tests/support/train_triage_model.py), not sentence by sentence.
@pytest.mark.parametrize(
    "text",
    [
        "i'm not suicidal, i just want to know how to get counselling",
        "i wanted to end it all once, years ago, and an officer talked me down",
        "my ex used to threaten to kill me, I left two years ago",
    ],
)
def test_hard_negatives_the_rules_stop(text: str) -> None:
    assert by_rules(normalise(text)).concern is N


@pytest.mark.parametrize(
    "text",
    [
        "last year someone broke into my shed",
        "my neighbour was burgled in March",
        "there was a stabbing in the town centre last month, is it safe?",
        "my neighbour said someone was trying car doors on our street last night",
        "I heard there was a man with a knife in the park yesterday, is that true?",
        "people are saying on facebook that someone tried to snatch a child",
        "some lads were trying car doors on our street last night, who do I send footage to?",
        "a man was following women in the park last month, has he been caught?",
    ],
)
def test_reported_speech_and_the_past(text: str) -> None:
    assert assess(text).concern is N


@pytest.mark.parametrize(
    "text",
    [
        "what should I do if someone breaks in?",
        "If someone is following me home what is the best thing to do?",
        "what do I do if someone threatens me with a knife?",
        "what should I do if my house is on fire and I can't get out?",
        "If someone was being attacked would you want us to intervene?",
        "when there's a fire in a tower block should we stay put or leave?",
        "what should i do if i think someone is going to hurt themselves",
    ],
)
def test_hypotheticals(text: str) -> None:
    assert assess(text).concern is N


@pytest.mark.parametrize(
    "text",
    [
        "Is the knife amnesty still running?",
        "What is being done about drug dealing in the park?",
        "Can you talk about the fire at the old mill last week?",
        "how do I report a fire hazard",
        "how many knife crimes were there in Bromley last year?",
        "is anything being done about people trying car doors at night?",
        "why do people still drink drive, it's insane",
        "this traffic is going to kill me, when will the roadworks finish",
        "My boss will kill me if I'm late again, is the road by the station closed?",
        "we're dying to know when the new police station opens",
        "can you come to our residents meeting to talk about knife crime",
    ],
)
def test_general_questions_with_alarming_words(text: str) -> None:
    assert assess(text).concern is N


def test_suicide_prevention_policy_question_is_not_personal_risk() -> None:
    # A question about policy, not a person at risk: no 999 guidance (see
    # docs/safeguarding.md). Personal, first-person wording is self-harm.
    assert assess("Are you doing anything about suicide prevention on the railway bridge?") == (
        Triage(N, "none")
    )
    assert assess("is there any support for families bereaved by suicide?").concern is N
    assert assess("I'm on the railway bridge and I'm going to jump").concern is S


@pytest.mark.parametrize(
    ("text", "concern"),
    [
        ("some1 tryin 2 get in my house rn", C),
        ("theres sum1 breakin in2 my car", C),
        ("im bein followed by a man in a hoodie", C),
        ("pls help hes hitting me", D),
        ("some1 got a nife outside my house", D),
        ("i wanna kms", S),
        ("im gonna end it tonight", S),
        ("SOMEONE IS BREAKING IN", C),
        ("someone’s in my garden", C),  # curly apostrophe
        ("bromley police online forum someone is breaking into my neighbours house right now", C),
    ],
)
def test_text_speak_typos_case_and_forum_phrase(text: str, concern: Concern) -> None:
    assert assess(text).concern is concern


def test_reason_names_a_rule_never_resident_text() -> None:
    for example in load():
        reason = assess(example.text).reason
        assert re.fullmatch(r"[a-z_.:]+", reason), reason
    assert assess("he's got a knife").reason == "danger.weapon_held"
    assert assess("last year someone broke into my shed").reason == "none"
    assert assess("what should I do if someone is breaking in?").reason.startswith(
        "none:hypothetical:"
    )


# ---------------------------------------------------------------------------
# The measured figures. Floors and ceilings are the figures achieved (see
# docs/safeguarding.md); a change that lowers recall or raises false alarms
# fails here.
# ---------------------------------------------------------------------------

WHOLE_RECALL_FLOOR = 0.98  # achieved 297/303 = 0.980
WHOLE_FALSE_ALARM_CEILING = 0.003  # achieved 1/396 = 0.0025
WHOLE_KIND_FLOORS = {D: 0.975, C: 0.975, S: 0.985}  # achieved 0.976, 0.979, 0.988
HELDOUT_RECALL_FLOOR = 0.92  # achieved 69/75 = 0.920 on its first and only run
HELDOUT_FALSE_ALARM_CEILING = 0.0  # achieved 0/122
# The held-out part as committed before any rule was written. Editing it would
# make its figures meaningless: write a new held-out part instead.
HELDOUT_SHA256 = "b8e3a45d0aaef5060080861942f2f8a79aab5d5be992f40b5714f05e952f64c2"


def test_corpus_is_big_and_varied_enough() -> None:
    everything = load()
    heldout = load("heldout")
    urgent = [e for e in everything if e.concern is not N]
    assert len(everything) >= 400 and len(urgent) >= 150
    assert len(everything) - len(urgent) >= 250
    assert len(heldout) >= 150 and {e.concern for e in heldout} == {N, *KINDS}
    assert len({e.text for e in everything}) == len(everything)


def test_heldout_part_is_unchanged() -> None:
    digest = hashlib.sha256((CORPUS / "heldout.jsonl").read_bytes()).hexdigest()
    assert digest == HELDOUT_SHA256


def test_whole_corpus_figures() -> None:
    figures = measure(load())
    assert figures.recall >= WHOLE_RECALL_FLOOR, [e.text for e, _ in figures.misses]
    assert figures.false_alarm_rate <= WHOLE_FALSE_ALARM_CEILING, [
        e.text for e, _, _ in figures.alarms
    ]
    for kind, floor in WHOLE_KIND_FLOORS.items():
        assert figures.kind_recall(kind) >= floor, kind


def test_heldout_figures() -> None:
    figures = measure(load("heldout"))
    assert figures.recall >= HELDOUT_RECALL_FLOOR, [e.text for e, _ in figures.misses]
    assert figures.false_alarm_rate <= HELDOUT_FALSE_ALARM_CEILING, [
        e.text for e, _, _ in figures.alarms
    ]


def test_self_harm_in_the_corpus_is_reported_as_self_harm() -> None:
    for example in load():
        if example.concern is S and looks_urgent(example.text):
            assert assess(example.text).concern is S, example.text
