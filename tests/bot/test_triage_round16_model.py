"""Issue 15, round 16: the statistical MODEL's false alarms on questions and
complaints about information, policy, news and rumour that name a danger
word but ask the police for knowledge or action, not help now
(docs/triage-figures.md, "Round 16: model false alarms"):

1. a mechanism, not a family: the model reads message-wide cues
   (bot/safeguarding/triage/model_cues.py: news or talk passed on, a
   question or complaint about policy, an ending, a question, each also
   "calm" when no word for now is in the message) beside its words;
2. training lines by concept (tests/data/triage/model_families_round16.jsonl,
   in TUNING_FAMILIES: trained on, never choosing the threshold), with
   urgent look-alikes in the same words;
3. the threshold's share chosen by leaving one blind set out
   (tests/support/triage_set_out.py ``--sweep``).

Each concept: the thirteenth set's part-a lines (spent), wordings written
for these tests in other voices (in no training file) and live emergencies
in the same words, which must stay urgent."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bot.safeguarding.triage import assess
from bot.safeguarding.triage.concern import Concern, Triage
from bot.safeguarding.triage.model import features, model, without_command
from bot.safeguarding.triage.model_cues import cues
from bot.safeguarding.triage.normalise import normalise
from tests.support.train_triage_model import (
    MAX_FALSE_ALARMS,
    TUNING_FAMILIES,
    Labelled,
    Scored,
    corpus_files,
    load,
)
from tests.support.triage_set_out import SWEEP, HeldOut, rechosen, sweep

_CORPUS = Path(__file__).resolve().parent.parent / "data" / "triage"
_FAMILY_FILE = "model_families_round16.jsonl"
# The thirteenth set's part a, spent (docs/triage-figures.md); part b is
# not read here.
_PART_A = "unseen_2026_12_01_a.jsonl"


def _training_texts() -> set[str]:
    """Every text the model is trained on from the triage files."""
    return {example.text for path in corpus_files() for example in load(path)}


def _probability(text: str) -> float:
    return model().probability(normalise(without_command(text)))


def _part_a_line(line_id: str) -> str:
    for line in (_CORPUS / _PART_A).read_text(encoding="utf-8").splitlines():
        row = json.loads(line) if line.strip() else {}
        if row.get("id") == line_id:
            assert row["urgent"] is False, line_id
            return str(row["text"])
    raise AssertionError(f"{line_id} not in {_PART_A}")


# The thirteenth set's part-a false alarms from the model (docs/triage-figures.md,
# "Issue 15's thirteenth unseen set").
# a13-020 (why no higher barriers on a bridge people have jumped from, no
# question mark) is still raised by the model (0.66 against 0.34): its
# bridge and "jumped" outweigh the policy cue; named, not asserted
# (docs/triage-figures.md, "Round 16: model false alarms").
THIRTEENTH_SET_PART_A = [
    # the bridge-barriers question: still raised by the model on the branch;
    # the merge's retraining (the thirteenth set now spent and trained on)
    # leaves it alone
    "a13-020",
    "a13-036",  # the shouting man has since apologised, no further concern
    "a13-135",  # a rumour on Facebook of a paedo on the street, "right to know"
    "a13-172",  # an attacker out on bail in the news, "are you having a laugh?"
]


@pytest.mark.parametrize("line_id", THIRTEENTH_SET_PART_A)
def test_the_thirteenth_sets_part_a_model_false_alarms_are_not_urgent(line_id: str) -> None:
    text = _part_a_line(line_id)
    said = assess(text)
    assert not said.urgent, (line_id, text, said)


# Wordings written for these tests, by concept, in no training file.
NEW_WORDINGS: dict[str, list[str]] = {
    "policy_question": [
        "why is there no netting under the multi storey car park, two people have jumped off "
        "it this year. who decides that?",
        "Would it be possible to learn whether the council intends to put up barriers at the "
        "railway crossing where the poor boy was killed?",
        "how come the underpass has no cameras when people get mugged there all the time? "
        "any plans to fix it",
        "Why police not patrol more by the river where people drown every summer? Is there "
        "plan for signs?",
        "whit's the polis policy on knife arches at the school gates? wan o the weans got "
        "stabbed last term",
        "Is there any data on how many people have been attacked on the towpath this year? "
        "I walk it most evenings.",
        "why aren't there railings on the harbour wall, a lad drowned off it in the summer. "
        "has anyone asked for them?",
        "What are you doing about the dangerous driving on the bypass? There was a fatal crash "
        "there in spring and nothing has changed.",
    ],
    "rumour": [
        "Everyone at work is saying there was a shooting in the retail park. Is that true? "
        "Nothing on the news.",
        "ppl in the village group chat are sayin a man tried to lure kids into his car by the "
        "park, is it a real thing or a wind up?",
        "My neighbour told me a registered sex offender has moved into the flats. Are we "
        "allowed to know if that is true?",
        "apparently someone got stabbed at the fair last weekend?? my lads going tomorrow, is "
        "it safe",
        "I have heard rumours that a woman was attacked on the cycle path. Would you be able "
        "to confirm, as I run there early?",
        "Word on the estate is there's a drug dealer with a knife operating from the garages. "
        "Is anything being done?",
        "saw a post on the community page sayin there's a gang robbing ppl at the cashpoint. "
        "anyone know if its real",
        "The mums on Facebook are all saying a child was nearly snatched from the soft play. "
        "Why haven't we had a proper warning?",
    ],
    "news_complaint": [
        "Just read online that the man who stabbed that lad in the park has got off. Is that "
        "how justice works now?",
        "saw on the news the drink driver who killed a family only got 3 years. an absolute "
        "disgrace",
        "I read in the Gazette that the arsonist has been released on bail. How is that "
        "allowed when he burnt down a house with children in it?",
        "Heard on the radio that the man who attacked a nurse is out on bail, are you lot "
        "having a laugh",
        "The paper says the gang that robbed the post office at gunpoint were let off with "
        "suspended sentences. Why bother reporting anything?",
        "My husband saw a headline that the murder suspect was released without charge. Can "
        "someone explain how that happens?",
        "read that the bloke who glassed a woman in the pub got community service. is that a joke?",
        "News say the man who hit the old lady with a hammer is free. Why the police let him "
        "out? I am worried for my mother.",
    ],
    "settled": [
        "Just to let you know, the lads who were fighting outside the pub last night have "
        "apologised to the landlord and it's all sorted.",
        "my neighbour who threatened me on tuesday came round and said sorry, no further "
        "problems, just wanted it on record",
        "Further to my report, the man shouting in the street has calmed down and gone home. "
        "No further action needed, thank you.",
        "the drunk fella who was banging on doors has since apologised to everyone on the "
        "street, so no need to follow up",
        "Update: the woman who was screaming next door has been checked by her family and "
        "she's fine now. Nothing to worry about.",
        "For the record, the argument with my brother-in-law over the knife has been resolved "
        "and we have made up.",
        "the lad who threw a brick at my window has owned up and his mum is paying for it, "
        "all sorted now, thanks",
        "Ignore my earlier message about the fight in the car park, they've all gone home and "
        "no one was hurt.",
    ],
}


def test_every_concept_has_eight_new_wordings() -> None:
    for family, texts in NEW_WORDINGS.items():
        assert len(texts) >= 8, family


_ALL_NEW = [(family, text) for family, texts in NEW_WORDINGS.items() for text in texts]
# New wordings a RULE raises (the rules' matter, another helper's this
# round; docs/triage-figures.md, "Round 16: model false alarms"): the model
# is checked on them alone.
# (The merge of round 16: the framing reader, r16-tfa, now stops the rule on
# "ppl in the village group chat are sayin a man tried to lure kids into his
# car by the park, is it a real thing or a wind up?", so it left this set and
# is checked as not urgent below.)
RULES_RAISE = {
    "Word on the estate is there's a drug dealer with a knife operating from the garages. "
    "Is anything being done?",
    "saw a post on the community page sayin there's a gang robbing ppl at the cashpoint. "
    "anyone know if its real",
    "Just read online that the man who stabbed that lad in the park has got off. Is that "
    "how justice works now?",
    "The paper says the gang that robbed the post office at gunpoint were let off with "
    "suspended sentences. Why bother reporting anything?",
    "News say the man who hit the old lady with a hammer is free. Why the police let him "
    "out? I am worried for my mother.",
}
_DRUNK_FELLA = (
    "the drunk fella who was banging on doors has since apologised to everyone on the "
    "street, so no need to follow up"
)
# New wordings the model still raises after the retrain (named, not asserted).
MODEL_STILL_RAISES = {
    # "now" in "how justice works now" reads as a word for now (a rule raises it too)
    "Just read online that the man who stabbed that lad in the park has got off. Is that "
    "how justice works now?",
    # banging on doors outweighs "has since apologised"
    _DRUNK_FELLA,
    # 0.51, but "all sorted now" is an all-clear the engine's model_says
    # heeds: not urgent through assess
    "the lad who threw a brick at my window has owned up and his mum is paying for it, "
    "all sorted now, thanks",
    # round 18, the retrain with the fifteenth set: 0.25 -> 0.33 (threshold
    # 0.32), but "she's fine now" is a resolved phrase model_says heeds: not
    # urgent through assess (checked below)
    "Update: the woman who was screaming next door has been checked by her family and "
    "she's fine now. Nothing to worry about.",
}


def test_the_named_wordings_are_new_wordings() -> None:
    assert {text for _, text in _ALL_NEW} >= RULES_RAISE | MODEL_STILL_RAISES


@pytest.mark.parametrize(("family", "text"), _ALL_NEW)
def test_the_model_alone_does_not_raise_the_new_wordings(family: str, text: str) -> None:
    assert text not in _training_texts()
    if text not in MODEL_STILL_RAISES:
        assert _probability(text) < model().threshold, (family, text)


@pytest.mark.parametrize(
    ("family", "text"), [(f, t) for f, t in _ALL_NEW if t not in RULES_RAISE | {_DRUNK_FELLA}]
)
def test_new_wordings_of_the_concepts_are_not_urgent(family: str, text: str) -> None:
    said = assess(text)
    assert not said.urgent, (family, text, said)


def test_the_rules_still_raise_the_named_wordings() -> None:
    # When a rule stops raising one, it moves to the lists above.
    for text in RULES_RAISE:
        assert assess(text).reason.split(":")[0] not in ("none", "model.urgent"), text


# Live emergencies in the cues' own words (read, everyone is saying, the
# Facebook group, apologised, why has nobody, on bail, are you having a
# laugh), in no training file: urgent through the whole triage.
LOOK_ALIKES: list[str] = [
    "I just read my son's texts and he says he's going to jump off the bridge tonight, he "
    "isn't answering",
    "everyone's saying there's a man with a gun in the park right now, people are running",
    "Just seen on the Facebook group my friend has posted she's taken an overdose, she's not "
    "answering her phone, please help",
    "the man who was let out on bail is outside my house now with a knife, please come",
    "Why has nobody come? My ex is kicking my door in right now and says he'll kill me",
    "Are you having a laugh? He's back, he's punching my mum in the kitchen now, send someone",
    "the neighbour who apologised yesterday is back and he's attacking my dad with a bat now",
    "people on the group chat are saying a girl is on the railway bridge right now about to "
    "jump, we can see her",
    "apparently a man is stabbing people outside the station right now, I can hear screaming",
    "The rumour was true, the man from the news is in my garden now trying the back door, I'm "
    "on my own",
    "i read his goodbye message and he's sat on the ledge of the car park now, hurry",
    "No further questions, just send someone now, a man is bleeding heavily on the pavement "
    "and not breathing",
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_the_same_words_in_a_live_emergency_stay_urgent(text: str) -> None:
    assert text not in _training_texts()
    said = assess(text)
    assert said.urgent, (text, said)


def test_the_model_alone_holds_the_line_on_its_look_alikes() -> None:
    # Look-alikes no rule catches (the model decides them): a rumour come
    # true with the man in the garden now, a goodbye message read and the
    # writer's friend on a ledge now. The cues must not let them go.
    for text in (LOOK_ALIKES[9], LOOK_ALIKES[10]):
        assert assess(text).reason == "model.urgent", text
        assert _probability(text) >= model().threshold, text


def _cues(text: str) -> list[str]:
    return cues(normalise(text))


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("just read that the man who hit her is out", "q:hearsay_calm"),
        ("ppl on the fb group are sayin theres a flasher about", "q:hearsay_calm"),
        ("apparently there was a stabbing in town", "q:hearsay_calm"),
        ("he has since apologised and there is no further concern", "q:settled_calm"),
        ("all sorted now, thanks", "q:settled_calm"),
        ("why arent there any barriers on the bridge", "q:asks_policy_calm"),
        ("I have a right to know who lives there", "q:asks_policy_calm"),
        ("he's out on bail, are you having a laugh", "q:asks_policy_calm"),
        ("is the knife legal?", "q:question_calm"),
    ],
)
def test_a_calm_cue_is_read_from_common_markers(text: str, cue: str) -> None:
    assert cue in _cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "everyone's saying there's a man with a gun in the park right now",
        "just read his messages, he's on the bridge now",
        "he apologised but he's back and hitting her, please come",
        "why has nobody come? help me",
    ],
)
def test_a_word_for_now_makes_no_cue_calm(text: str) -> None:
    found = _cues(text)
    assert "q:live" in found
    assert not [cue for cue in found if cue.endswith("_calm")], found


def test_the_now_of_an_ending_is_no_word_for_now() -> None:
    assert _cues("the lads have gone home, all sorted now") == ["q:settled", "q:settled_calm"]


def test_cues_are_features_of_the_model_counted_like_a_word() -> None:
    read = features(normalise("apparently there was a stabbing in town, is it true?"))
    word = read["w:stabbing"]
    assert read["q:hearsay_calm"] == word and read["q:question_calm"] == word
    assert "q:live" not in read


def test_the_model_learnt_that_calm_news_and_policy_questions_are_not_urgent() -> None:
    # The shipped model's own weights: news passed on and a policy question
    # with no word for now push towards ordinary, a word for now towards urgent.
    weights = model().weights
    assert weights["q:hearsay_calm"] < 0
    assert weights["q:asks_policy_calm"] < 0
    assert weights["q:live"] > 0


def test_the_family_file_is_trained_on_and_never_chooses_the_threshold() -> None:
    assert "model_families_round16" in TUNING_FAMILIES
    assert {p.name for p in corpus_files()} >= {_FAMILY_FILE}
    rows = load(_CORPUS / _FAMILY_FILE)
    assert sum(r.urgent for r in rows) >= 16
    per_concept = Counter(
        json.loads(line)["category"]
        for line in (_CORPUS / _FAMILY_FILE).read_text(encoding="utf-8").splitlines()
        if line.strip() and not json.loads(line)["urgent"]
    )
    assert set(per_concept) == {"policy_question", "rumour", "news_complaint", "settled"}
    assert min(per_concept.values()) >= 8, per_concept


def test_the_family_files_urgent_lines_are_urgent() -> None:
    for row in load(_CORPUS / _FAMILY_FILE):
        if row.urgent:
            assert assess(row.text).urgent, row.text


def _scored(probability: float, urgent: bool, file: str = "dev") -> Scored:
    said = Triage(Concern.NONE, "none")
    return Scored(Labelled("x", urgent, file), probability, said, "x", None, False)


def test_a_sweep_chooses_each_sets_threshold_again_from_its_inner_scores_only() -> None:
    # Inner ordinary scores 0.10 ... 0.99 (90 lines): a share of 0.05 lets
    # 4 of them through (threshold 0.96), a share of 0.10 lets 9 (0.91).
    inner = [_scored(p / 100, False) for p in range(10, 100)]
    held_out = [_scored(0.95, True, "unseen_x"), _scored(0.92, False, "unseen_x")]
    held = [HeldOut("unseen_x+y", held_out, 0.5, inner)]
    assert [h.threshold for h in rechosen(held, 0.05)] == [0.96]
    assert [h.threshold for h in rechosen(held, 0.10)] == [0.91]
    assert rechosen(held, 0.05)[0].scored == held_out  # the held-out set is not looked at
    lines = sweep(held, (0.05, 0.10)).splitlines()
    assert "0/1" in lines[1] and "0/1" in lines[1].split()[-1]  # 0.96: nothing caught
    assert lines[2].split()[-2:] == ["1/1", "1/1"]  # 0.91: the emergency and the false alarm


def test_the_sweep_tries_the_share_in_force() -> None:
    assert MAX_FALSE_ALARMS in SWEEP


def test_a_cues_hints_never_hide_its_pattern() -> None:
    # model_cues.shows searches a cue's pattern only when a hint is in the
    # message: over every readable triage file, it finds what the pattern
    # alone finds (a hint missing for one alternative would show here).
    from bot.safeguarding.triage import model_cues as c
    from tests.support.triage_labelled import readable_files

    pairs = [
        (c.LIVE, c.LIVE_HINTS),
        (c.HEARSAY, c.HEARSAY_HINTS),
        (c.SETTLED, c.SETTLED_HINTS),
        (c.ASKS_POLICY, c.ASKS_POLICY_HINTS),
    ]
    found = Counter[int]()
    for path in readable_files():
        for example in load(path):
            normal = normalise(example.text)
            for number, (pattern, hints) in enumerate(pairs):
                alone = pattern.search(normal) is not None
                assert c.shows(pattern, hints, normal) is alone, (number, example.text)
                found[number] += alone
    assert min(found.values()) > 50, found  # each cue is met often enough to be checked
