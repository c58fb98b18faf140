"""The triage's statistical model (bot/safeguarding/triage/model.py): the
shipped weights are exactly what the training script makes of the committed
corpora, and a message only the model finds urgent reaches the resident as
999 guidance (with the helpline when it speaks of self-harm) and the officers
as an URGENT card. Its figures, file by file, are in docs/safeguarding.md."""

from __future__ import annotations

import json

import pytest

from bot.safeguarding.triage import Concern, TriageDataError, assess
from bot.safeguarding.triage.concern import Triage
from bot.safeguarding.triage.engine import MODEL_RULE, SURE, by_rules, model_says
from bot.safeguarding.triage.model import MIN_WORDS, Model, model, parse
from bot.safeguarding.triage.normalise import normalise
from tests.support.core_harness import STAFF_CHAT, CoreHarness
from tests.support.train_triage_model import (
    MODEL_FILE,
    SPENT,
    Features,
    corpora,
    corpus_files,
    train,
)
from tests.support.triage_set_out import SETS, leave_one_set_out

RESIDENT = "5550001"
# Emergencies no rule catches when this was written (the rules may learn them later).
OVERDOSE = "i have swallowed a whole packet of my mums sleeping tablets"
THREAT = "my ex is banging on the door screaming he will do me in"


# A whole training run (about 45 s on a quiet machine): bounded, but not by
# the suite's 120 s default, which a loaded shared machine can pass.
@pytest.mark.timeout(600)
def test_the_shipped_model_is_what_training_makes_of_the_corpora() -> None:
    text, _, _ = train()
    assert MODEL_FILE.read_text(encoding="utf-8") == text, (
        "retrain: .venv/bin/python -m tests.support.train_triage_model --write"
    )
    document = json.loads(text)
    # Never a sealed unseen set; the spent ones (run once) are development data.
    sealed = [f for f in document["trained_on"] if f.startswith("unseen_")]
    assert sorted(sealed) == [
        "unseen_2026_11_30_a",
        "unseen_2026_11_30_b",
        "unseen_2026_11_30_c",
        "unseen_2026_11_30_d",
        "unseen_2026_11_30_e",
        "unseen_2026_11_30_f",
        # issue 15, triage round 6: the fifth set, spent
        "unseen_2026_11_30_g",
        "unseen_2026_11_30_h",
        # issue 15, triage round 7: the sixth set, spent
        "unseen_2026_11_30_i",
        "unseen_2026_11_30_j",
        # issue 15, triage round 8: the seventh set, spent
        "unseen_2026_11_30_k",
        "unseen_2026_11_30_l",
        # issue 15, round 10: the eighth set, spent
        "unseen_2026_11_30_m",
        "unseen_2026_11_30_n",
        # issue 15, round 12: the ninth and tenth sets, spent
        "unseen_2026_11_30_o",
        "unseen_2026_11_30_p",
        "unseen_2026_11_30_q",
        "unseen_2026_11_30_r",
        # issue 15, round 13: the eleventh set, spent
        "unseen_2026_11_30_s",
        "unseen_2026_11_30_t",
        # issue 15, round 15: the twelfth set, spent
        "unseen_2026_11_30_u",
        "unseen_2026_11_30_v",
        "unseen_2026_11_a",
        "unseen_2026_11_b",
        # issue 15, round 16: the thirteenth set, spent
        "unseen_2026_12_01_a",
        "unseen_2026_12_01_b",
        # issue 15, round 17: the fourteenth set, spent
        "unseen_2026_12_01_c",
        "unseen_2026_12_01_d",
        # issue 15, round 18: the fifteenth set, spent
        "unseen_2026_12_01_e",
        "unseen_2026_12_01_f",
        # issue 15, round 19: the sixteenth set, spent
        "unseen_2026_12_01_g",
        "unseen_2026_12_01_h",
        # issue 15, round 20: the seventeenth set, spent
        "unseen_2026_12_02_a",
        "unseen_2026_12_02_b",
        # issue 15, round 21: the eighteenth set, spent
        "unseen_2026_12_02_c",
        "unseen_2026_12_02_d",
    ]
    assert {p.name for p in corpus_files() if p.name.startswith("unseen_")} == SPENT
    assert len(text.encode()) < 3_000_000  # issue 15 round 5: a reasonable size, under 3 MB


def test_leave_one_set_out_holds_out_every_spent_set_once() -> None:
    # tests/support/triage_set_out.py: each blind pair held out together.
    held = [f"{stem}.jsonl" for pair in SETS for stem in pair]
    assert sorted(held) == sorted(SPENT) and len(set(held)) == len(held)


# Reads every corpus's features once a fold (about 50 s on a quiet machine,
# more with each spent set): bounded like the training run above.
@pytest.mark.timeout(600)
def test_leave_one_set_out_never_trains_or_chooses_a_threshold_on_the_held_out_set() -> None:
    examples = [e for rows in corpora().values() for e in rows]
    fits: list[set[str]] = []

    def fit(table: Features, rows: list[int]) -> Model:
        fits.append({examples[i].file for i in rows})
        return Model(0.0, 0.5, {})

    held = leave_one_set_out(examples, Features(examples), fit)
    assert [h.name for h in held] == [
        "unseen_2026_11_a+b",
        "unseen_2026_11_30_a+b",
        "unseen_2026_11_30_c+d",
        "unseen_2026_11_30_e+f",
        "unseen_2026_11_30_g+h",
        "unseen_2026_11_30_i+j",
        "unseen_2026_11_30_k+l",
        "unseen_2026_11_30_m+n",
        "unseen_2026_11_30_o+p",
        "unseen_2026_11_30_q+r",
        "unseen_2026_11_30_s+t",  # round 13: the eleventh set
        "unseen_2026_11_30_u+v",  # round 15: the twelfth set
        "unseen_2026_12_01_a+b",  # round 16: the thirteenth set
        "unseen_2026_12_01_c+d",  # round 17: the fourteenth set
        "unseen_2026_12_01_e+f",  # round 18: the fifteenth set
        "unseen_2026_12_01_g+h",  # round 19: the sixteenth set
        "unseen_2026_12_02_a+b",  # round 20: the seventeenth set
        "unseen_2026_12_02_c+d",  # round 21: the eighteenth set
    ]
    per_set = len(fits) // len(SETS)  # the inner models (one a triage file), then the set's own
    for number, (pair, result) in enumerate(zip(SETS, held, strict=True)):
        assert {s.example.file for s in result.scored} == set(pair)
        for trained_on in fits[number * per_set : (number + 1) * per_set]:
            assert not trained_on & set(pair)
        # the set's own model: everything else, the redaction corpora and the chat too
        assert fits[(number + 1) * per_set - 1] == set(corpora()) - set(pair)


async def test_only_the_model_catches_an_overdose_and_the_resident_gets_the_helpline(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(RESIDENT, f"Bromley Police Online Forum {OVERDOSE}")
    assert "call 999 now" in replies[0]
    assert "Samaritans, free, day or night, on 116 123" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


async def test_only_the_model_catches_a_threat_and_the_officers_see_an_urgent_card(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(RESIDENT, THREAT)
    assert "call 999 now" in replies[0]
    assert "116 123" not in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


def test_the_model_speaks_where_the_rules_are_silent() -> None:
    for text, concern in ((OVERDOSE, Concern.SELF_HARM), (THREAT, Concern.DANGER)):
        said = assess(text)
        assert said.urgent and said.concern is concern
        if not by_rules(normalise(text)).urgent:
            assert said.reason == MODEL_RULE


async def test_an_ordinary_question_stays_ordinary(h: CoreHarness) -> None:
    for text in (
        "Bromley Police Online Forum what time does the next forum start?",
        "can you tell me how to report a broken street light?",
        "thanks for the advice about my bike last week",
    ):
        assert not assess(text).urgent, text
    replies = await h.resident_says(
        RESIDENT, "Bromley Police Online Forum can you tell me how to report a broken street light?"
    )
    assert len(replies) == 1 and "#1" in replies[0]
    assert not h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


def test_the_model_defers_to_negation_and_hypotheticals_and_short_messages() -> None:
    # A rule matched and the clause denies or supposes it: the model is not asked.
    assert assess("nobody has a knife, it was a toy").concern is Concern.NONE
    assert assess("what should I do if someone is breaking in?").concern is Concern.NONE
    # Fewer than MIN_WORDS words: the rules alone judge ("I took pills" is theirs).
    assert MIN_WORDS == 5
    assert model().probability(normalise("yes ok thanks")) == 0.0
    assert model().probability(normalise("and on Ash Grove?")) == 0.0  # read as urgent
    assert assess("I took pills").concern is Concern.SELF_HARM


FIGHT = "loads of lads with bottles kicking off outside the chippy on Station Road"


async def test_a_model_alarm_is_silenced_when_the_writer_says_nobody_is_hurt_or_it_is_over(
    h: CoreHarness,
) -> None:
    # No rule fires on any of these; the model alone finds the fight urgent.
    assert assess(f"{FIGHT}, blood on the pavement").reason == MODEL_RULE
    for ending in ("nobody was hurt", "all quiet now", "it's not violent, just loud"):
        assert not assess(f"{FIGHT}, {ending}").urgent, ending
    # Not "not hurt yet", and not a hedge: understated emergencies are written so.
    assert assess(f"{FIGHT}, nobody is hurt yet").reason == MODEL_RULE
    assert assess(f"probably nothing but {FIGHT}, blood on the pavement").urgent
    replies = await h.resident_says(RESIDENT, f"Bromley Police Online Forum {FIGHT}, all quiet now")
    assert "call 999 now" not in " ".join(replies) and "#1" in replies[0]
    assert not h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


def test_the_model_overrules_a_question_shape_only_when_sure() -> None:
    plea = Triage(Concern.NONE, "none:hypothetical:self_harm.at_height")
    asked = Triage(Concern.NONE, "none:general_question:self_harm.method")
    denied = Triage(Concern.NONE, "none:negated:self_harm.harm_myself")

    def says(said: Triage, text: str, probability: float) -> bool:
        return model_says(said, text, normalise(text), probability, 0.52)

    assert says(plea, "what do i do he's on the roof", 0.95)
    assert says(asked, "is it normal for a hose to", SURE)
    assert not says(asked, "is it normal for a hose to", 0.8)
    assert not says(denied, "i'm not going to hurt myself", 0.99)
    assert not says(Triage(Concern.NONE, "none"), "nobody was hurt", 0.99)
    assert says(Triage(Concern.NONE, "none:past:danger.fire"), "last night", 0.6)
    # A game, a film or a joke in the clause: only when sure.
    game = Triage(Concern.NONE, "none:not_real:danger.threat_to_kill")
    assert not says(game, "he'll murder us in the bleep test", 0.8)
    assert says(game, "he'll murder us in the bleep test", SURE)
    # The writer laughing: only when sure. Emoji count, though normalising drops them.
    for laughing in ("he says he'll end me lol", "he says he'll end me 😂", "LMAOOO he'll end me"):
        assert not says(Triage(Concern.NONE, "none"), laughing, 0.8), laughing
        assert says(Triage(Concern.NONE, "none"), laughing, SURE), laughing


def test_the_model_reads_a_command_without_its_name() -> None:
    # "/survey 1 not sure" is three words of the resident's, not four.
    assert not assess("/survey 1 not sure").urgent
    assert not assess("/subscribe my house").urgent
    assert assess(f"/ask {THREAT}").urgent
    assert assess(f"/ask@forumbot {OVERDOSE}").concern is Concern.SELF_HARM


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("not json", "model.json: not a triage model"),
        ('{"bias": 0, "weights": {}}', "model.json: not a triage model"),
        ('{"bias": 0, "threshold": 1.5, "weights": {}}', "threshold is a probability"),
        ('{"bias": 0, "threshold": 0.5, "weights": []}', "model.json: not a triage model"),
    ],
)
def test_a_broken_model_file_says_so(source: str, problem: str) -> None:
    with pytest.raises(TriageDataError, match=problem):
        parse(source)


def test_help_come_silences_the_model_and_a_general_question_makes_it_need_to_be_sure() -> None:
    none = Triage(Concern.NONE, "none")

    def says(text: str, probability: float) -> bool:
        return model_says(none, text, normalise(text), probability, 0.52)

    # Help came or the person recovered, and nothing else says now: silenced.
    for over in (
        "my brother was stabbed outside the club two years ago, he pulled through",
        "a man fell off his bike on the hill, the ambulance came in minutes",
        "my nan fell in the night last month, she's fine now",
    ):
        assert not says(over, 0.99), over
    # ... but not when something else says now, nor on a hedge.
    assert says("the ambulance came yesterday and now he's back with a knife", 0.6)
    assert says("my dad collapsed but he says he's fine", 0.6)
    # A question that supposes or asks in general, with no word for now: only when sure.
    pub = "we run a pub, what should we do if a customer is drunk and wants to drive?"
    assert not says(pub, 0.8)
    assert says(pub, SURE)
    assert says("what should i do if he comes back? he's outside right now", 0.6)
    # "when" outside a question is not one: "he does not answer when I call".
    assert says("my husband went to the beck an hour ago and does not answer when i call", 0.6)
