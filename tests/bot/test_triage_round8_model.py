"""Issue 15, triage round 8: the seventh unseen set's false alarms from the
statistical MODEL (docs/triage-figures.md, "Round 8: the model"), by family:
the set's own lines (read from the spent files by id, now trained on) and
wordings written for these tests, in no training file; and beside each
family, emergencies that look like it and must stay urgent.

1. a guard the model reads (``guards.settled_in``: the model must then be
   sure): an outcome said ("It was kids playing", "it is just a fox",
   "he's gone now", "All good"), "not in any danger right now", a warning
   to others of a scam, a "one day" future, a chain message or hoax;
2. families taught by training lines
   (tests/data/triage/model_families_round8.jsonl): an alarm going off with
   nobody about, metal stolen off a roof, a boat broken into over the
   winter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.safeguarding.triage import assess
from bot.safeguarding.triage.guards import settled_in
from bot.safeguarding.triage.normalise import normalise
from tests.support.core_harness import STAFF_CHAT, CoreHarness
from tests.support.train_triage_model import corpus_files, load

RESIDENT = "5550008"
_CORPUS = Path(__file__).resolve().parent.parent / "data" / "triage"


def _seventh_set(line_id: str) -> str:
    """The text of line ``line_id`` ("k-082", "l-010") of the spent seventh
    unseen set (tests/data/triage/unseen_2026_11_30_k.jsonl and _l)."""
    part = line_id.split("-")[0]
    path = _CORPUS / f"unseen_2026_11_30_{part}.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == line_id:
            return str(row["text"])
    raise LookupError(line_id)


# --- 1. The guard the model reads ------------------------------------------

SETTLED_SET_LINES = ["k-082", "k-145", "k-147", "l-073", "l-094", "l-101", "l-176"]

SETTLED_VARIANTS = [
    # the outcome said
    "Heard shrieking in the park at dusk and ran over, turned out to be teenagers messing "
    "about on the swings. All fine, just gave me a fright.",
    "Something was shrieking in the garden at 2am, sounded like someone being murdered. It "
    "was a fox, wasn't it? They make that noise?",
    "There was a lad kicking off outside the Co-op this afternoon, swinging a bottle about. "
    "Your officers turned up and he's gone now. Thank you all.",
    # no danger now
    "My ex was violent and I moved out last year. We're not in any danger now but he keeps "
    "messaging my sister. Can he be warned off?",
    # a warning to others
    "Had a text saying my parcel is held and to pay 1.99 or it gets destroyed. Didn't click. "
    "Just warning everyone on the estate.",
    "Someone rang claiming to be from the police and asking for my card details, I hung up. "
    "Be careful all.",
    # one day
    "Cars fly round the bend by the school at 50. Someone's going to get killed there one day. "
    "Can we have a speed camera?",
    # a chain message
    "My son got a chain message on WhatsApp saying a ghost will strangle him in his sleep if "
    "he doesn't send it on. He's crying. What do I do about these?",
]


@pytest.mark.parametrize("line_id", SETTLED_SET_LINES)
def test_the_seventh_sets_settled_lines_are_not_urgent(line_id: str) -> None:
    text = _seventh_set(line_id)
    assert settled_in(normalise(text)), text
    said = assess(text)
    assert not said.urgent, (text, said)


@pytest.mark.parametrize("text", SETTLED_VARIANTS)
def test_new_settled_wordings_are_read_and_not_urgent(text: str) -> None:
    assert settled_in(normalise(text)), text
    said = assess(text)
    assert not said.urgent, (text, said)


@pytest.mark.parametrize(
    "text",
    [
        # "now she's gone" is a missing child, not an outcome
        "my 5 year old was right next to me at the park a minute ago and now she's gone, "
        "red coat, please help",
        "stabbed. my arm. alley behind the bakery. cant stand. hes gone",
        # greetings and questions are no outcome
        "Hope you're all well. There's a man with a knife outside the school gates right now",
        "is everyone all ok? the flats opposite are on fire and people are at the windows",
        # "at some point", "hope he's fine" are no outcome either
        "she took all her tablets at some point this afternoon and won't wake up",
    ],
)
def test_look_alikes_the_guard_does_not_read(text: str) -> None:
    assert not settled_in(normalise(text)), text
    assert assess(text).urgent, text


@pytest.mark.parametrize(
    "text",
    [
        # the guard reads these, but a rule (which it never stops) or a sure model raises them
        "Just warning everyone: there's a man with a gun outside the primary school right now",
        "It was kids who set the fire and there are still people inside the flat, please come",
        "I'm not in any danger right now but my neighbour is screaming, he's beating her, I can "
        "hear it through the wall",
        "someone is going to die on that road one day. actually a car has just hit a boy on it "
        "and he's not moving",
        "My daughter got a chain message and now she's taken an overdose, she's barely awake",
    ],
)
def test_emergencies_with_a_settled_cue_stay_urgent(text: str) -> None:
    assert settled_in(normalise(text)), text
    said = assess(text)
    assert said.urgent, (text, said)


def test_the_guard_reads_no_emergency_of_any_dev_or_spent_file() -> None:
    # The training files (dev, held-out, spent unseen sets, the tuner's
    # families; never a sealed set): no urgent line has a settled cue, so no
    # emergency of theirs ever needs the model to be sure because of it.
    # Since the merge of round 16 one does (the thirteenth set's b13-201:
    # "warning people" about rogue traders, and one pushing into the writer's
    # mother's house now). No rule raises it; the model, trained on it since
    # the merge, is sure enough past the cue. It must stay urgent.
    read = [
        (path.name, example.text)
        for path in corpus_files()
        for example in load(path)
        if example.urgent and settled_in(normalise(example.text))
    ]
    assert [name for name, _ in read] == ["unseen_2026_12_01_b.jsonl"]
    for _, text in read:
        said = assess(text)
        assert said.urgent, (text, said)


# --- 2. Families taught by training lines -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the set's own lines (now trained on)
        _seventh_set("k-100"),
        _seventh_set("l-010"),
        _seventh_set("l-128"),
        # new wordings, in no training file
        "van alarm been going off for ages on Cedar Close, no one around, so annoying",
        "the lead has been pinched off the village hall roof again, the trustees are fuming",
        "Went to check on our yacht at the boatyard for the first time since October and "
        "someone has broken in. The engine has gone.",
    ],
)
def test_the_models_taught_families_are_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "car alarm going off and a man is inside the car right now smashing the steering lock",
        "there are two men on the church roof this minute stripping the lead, a van by the gate",
        "someone is on our boat at the marina right now, I can see a torch in the cabin",
    ],
)
def test_the_same_families_happening_now_stay_urgent(text: str) -> None:
    said = assess(text)
    assert said.urgent, (text, said)


# --- What the resident and the officers see ---------------------------------


async def test_a_resident_thanking_officers_for_a_call_out_gets_no_999_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "Bromley Police Online Forum Earlier there was a man shouting and swinging a bottle "
        "outside the library but officers came and he's gone now. Just wanted to say thanks.",
    )
    assert all("call 999 now" not in reply for reply in replies)
    assert not any(text.startswith("URGENT") for text in h.texts_to(STAFF_CHAT))


async def test_a_resident_warning_of_a_chain_message_about_a_child_in_danger_now_gets_999(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "Bromley Police Online Forum My daughter got a chain message and now she's taken an "
        "overdose, she's barely awake",
    )
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")
