"""Issue 15, round 10: the eighth unseen set's false alarms from the
statistical MODEL (docs/triage-figures.md, "Round 10: the model"), by family:
the set's own lines (read from the spent files by id, now trained on) and
wordings written for these tests, in no training file; and beside each
family, emergencies that look like it and must stay urgent.

1. guards the model reads (``guards.settled_in``: the model must then be
   sure): a fire put out ("he put it out with a wet tea towel"), someone not
   there now but back another day ("he's not there now but he will be
   tomorrow at 3"), the person asked about in view doing something everyday
   ("he's downstairs eating cereal right now"), "if he did, would ...?", and
   (``asked_if_scam``, with no word for now) "is this a known scam?"; and a
   resolved outcome read with "all" ("we're all fine");
2. families taught by training lines
   (tests/data/triage/model_families_round10.jsonl): everyday questions in
   other languages, and short everyday messages ("taxi is 5 mins away", "my
   mum is on her way", "is the park open tonight")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.safeguarding.triage import assess
from bot.safeguarding.triage.guards import resolved, settled_in
from bot.safeguarding.triage.model import model, without_command
from bot.safeguarding.triage.normalise import normalise
from tests.support.core_harness import STAFF_CHAT, CoreHarness
from tests.support.round16_model import marked
from tests.support.train_triage_model import SEALED_PREFIX, SPENT, corpus_files, load

RESIDENT = "5550010"
_CORPUS = Path(__file__).resolve().parent.parent / "data" / "triage"


def _eighth_set(line_id: str) -> str:
    """The text of line ``line_id`` ("m-085", "n-164") of the spent eighth
    unseen set (tests/data/triage/unseen_2026_11_30_m.jsonl and _n)."""
    part = line_id.split("-")[0]
    path = _CORPUS / f"unseen_2026_11_30_{part}.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == line_id:
            return str(row["text"])
    raise LookupError(line_id)


def _probability(text: str) -> float:
    return model().probability(normalise(without_command(text)))


def _family_texts() -> set[str]:
    path = _CORPUS / "model_families_round10.jsonl"
    return {json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line}


# --- 1. Guards the model reads ----------------------------------------------


@pytest.mark.parametrize("line_id", ["m-085", "m-092", "m-167", "n-195"])
def test_the_eighth_sets_guarded_lines_are_read_and_not_urgent(line_id: str) -> None:
    text = _eighth_set(line_id)
    assert settled_in(normalise(text)), text
    said = assess(text)
    assert not said.urgent, (text, said)


SETTLED_VARIANTS = [
    # a fire put out
    "Toast caught fire under the grill this morning, my daughter got it out with a damp "
    "cloth. Smoke alarm went mad but nothing else. Do you fit smoke alarms?",
    "lmao my flatmate set the oven glove on fire, he put it out in the sink, were all fine",
    # not there now, back another day
    "Two men sell cheap tobacco from a car outside the newsagents on Wednesdays. They're not "
    "there now but they'll be back next Wednesday. Who do I tell?",
    "A lorry parks on the verge by the bus stop every evening and blocks the view. It isn't "
    "there at the moment but it will be back tomorrow.",
    # the person asked about in view, doing something everyday
    "My 13 year old keeps saying she'll get the train to London on her own. If she did, "
    "would the police bring her home? She's upstairs on her phone right now.",
    "If he ever did run off to his mates, do I report it straight away? He's in the lounge "
    "watching the football right now.",
    # is this a known scam?
    "Someone knocked saying they're collecting for the air ambulance with a bucket but no "
    "badge. Is that a known scam? Lots of old folk on our road.",
    "Text from 'HMRC' says I'm owed a tax refund and to click the link. Is it a scam?",
]


@pytest.mark.parametrize("text", SETTLED_VARIANTS)
def test_new_guarded_wordings_are_read_and_not_urgent(text: str) -> None:
    assert text not in _family_texts()
    assert settled_in(normalise(text)), text
    said = assess(text)
    assert not said.urgent, (text, said)


def test_we_are_all_fine_reads_as_an_outcome() -> None:
    # resolved (silences the model when nothing says now), "all" now allowed
    assert resolved(normalise("the grill pan caught fire but we're all fine, just shaken"))
    assert not resolved(normalise("we're all fine but my son is still inside the house"))


@pytest.mark.parametrize(
    "text",
    [
        # trying to put it out, or can't, is no outcome
        "my dad is trying to put it out with a towel but the whole kitchen is going up and "
        "the baby is upstairs",
        "we cant put it out!! the sofa is on fire and my grandad cant get up",
        # "not there now" alone is a child gone
        "my 3 year old was in the garden a second ago and shes not there now, the gate is open "
        "and i cant find her anywhere",
        # a scam question with a word for now
        "is this a scam? a man is at my nan's door now saying he's from the bank and she's "
        "giving him her cards",
        # upstairs, but not doing something everyday
        "she's upstairs and won't wake up, there are empty pill packets on the floor",
    ],
)
def test_look_alikes_the_guards_do_not_read(text: str) -> None:
    assert not settled_in(normalise(text)), text
    assert assess(text).urgent, text


@pytest.mark.parametrize(
    "text",
    [
        # a guard reads these, but a rule (which it never stops) or a sure model raises them
        "We put it out but my son isn't breathing properly and his lips are blue",
        "If he did, would you arrest him? Because he's standing over her with a knife right now",
        "He's not there now but he'll be back tomorrow to finish the job, and right now my "
        "brother is lying in the street bleeding from his head",
    ],
)
def test_emergencies_with_a_guarded_cue_stay_urgent(text: str) -> None:
    said = assess(text)
    assert said.urgent, (text, said)


# --- 2. Families taught by training lines -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        _eighth_set("n-164"),  # Welsh: e-scooters on the pavement (now trained on)
        # new wordings, in no training file
        "Helo, ydy'r orsaf heddlu yn Llanelli ar agor ar ddydd Sadwrn? Diolch.",
        "Dzień dobry, czy mogę zaparkować samochód przed bramą sąsiada? Dziękuję.",
        "Bună seara, când este următoarea întâlnire cu poliția în cartierul nostru?",
        "Olá, onde posso denunciar um carro abandonado na minha rua? Obrigada.",
        "Merhaba, parkta mangal yapmak yasal mı? Teşekkürler.",
        "مرحبا، متى الاجتماع القادم مع الشرطة في حينا؟ شكرا",
    ],
)
def test_everyday_questions_in_other_languages_are_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


SHORT_EVERYDAY = ["taxi is 5 mins away", "my mum is on her way", "is the park open tonight"]


@pytest.mark.parametrize("text", SHORT_EVERYDAY)
def test_short_everyday_messages_measured_before_are_not_urgent(text: str) -> None:
    # 0.98, 0.89 and 0.67 to round 9's model (threshold 0.33); in no training file
    assert text not in _family_texts()
    assert _probability(text) < model().threshold, (text, _probability(text))
    assert not assess(text).urgent, text


@pytest.mark.parametrize(
    "text",
    marked(
        [
            "cab's 5 mins away, see you soon",
            "my brother is on his way with the keys",
            "is the swimming pool open tonight?",
        ]
    ),
)
def test_more_short_everyday_messages_are_not_urgent(text: str) -> None:
    assert text not in _family_texts()
    said = assess(text)
    assert not said.urgent, (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "he's on his way round to kill me",
        "my ex is 5 mins away with a hammer",
        "Pomocy! Dom się pali, dzieci są w środku",
        "Help, mae tân yn y tŷ a'r plant tu mewn",
    ],
)
def test_the_same_families_as_emergencies_stay_urgent(text: str) -> None:
    said = assess(text)
    assert said.urgent, (text, said)


def test_every_urgent_line_of_every_triage_file_stays_urgent() -> None:
    # Every file in tests/data/triage/ (dev, held-out, the spent unseen sets,
    # the phrase file, the tuners' families), never a sealed unseen set.
    # Round 12: the tenth set's one miss when it was run (q10-065, Bulgarian:
    # two men forcing a girl into a white van) is caught by round 12's
    # Bulgarian phrases, so no line is excused.
    # Round 13: the eleventh set's four misses when it was run (Arabic,
    # Punjabi, Ukrainian, Tamil) are caught by round 13's phrases of other
    # languages, so again no line is excused.
    missed = [
        (path.name, example.text)
        for path in sorted(_CORPUS.glob("*.jsonl"))
        if not path.name.startswith(SEALED_PREFIX) or path.name in SPENT
        for example in load(path)
        if example.urgent and not assess(example.text).urgent
    ]
    assert missed == []
    assert {p.name for p in corpus_files()} >= {"model_families_round10.jsonl"}


# --- What the resident and the officers see ---------------------------------


async def test_a_parent_asking_what_if_gets_no_999_guidance(h: CoreHarness) -> None:
    replies = await h.resident_says(RESIDENT, f"Bromley Police Online Forum {_eighth_set('n-195')}")
    assert all("call 999 now" not in reply for reply in replies)
    assert not any(text.startswith("URGENT") for text in h.texts_to(STAFF_CHAT))


async def test_a_scam_question_with_a_victim_handing_over_money_now_gets_999(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "Bromley Police Online Forum is this a scam? my mum is at the bank right now about to "
        "hand over all her savings to a courier who says he's a detective, please help",
    )
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")
