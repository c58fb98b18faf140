"""Issue 15, triage round 8: the seventh unseen set's two misses and eight
false alarms from the rules (docs/triage-figures.md, "Round 8: rules"), by
concept family: the set's own lines (read from the spent files by id) and
wordings written for these tests, so that a new writer's new wordings are
caught too; and, beside each family, emergencies that look like it and must
stay urgent.

Misses:
1. a vehicle driven dangerously among children ("driving on the pavement
   outside the primary school ... kids everywhere");
2. a way in being forced, told in formal English ("there is at present a
   gentleman ... attempting to force the rear window").

Rule false alarms:
3. a noise compared with gunshots, habitual or past, its source named
   ("fireworks every night ... sounds like gunshots", "the drums ... I
   thought it was gunshots");
4. the writer's own threat as a passing mood ("some days I honestly think
   I'll murder him");
5. a conditional hyperbole ("going to die if the ice cream van plays
   greensleeves one more time");
6. a numb face with its numbing treatment named (the dentist);
7. the past, abbreviated or misspelt ("on hoilday last yr");
8. a confused person's claim the writer denies ("she has dementia and
   nobody is");
9. captivity by a pastime, as a habit ("held hostage by the golf club
   again, third Saturday running")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.safeguarding.triage import Concern, assess
from bot.safeguarding.triage.engine import by_rules
from bot.safeguarding.triage.normalise import normalise
from tests.support.core_harness import STAFF_CHAT, CoreHarness

RESIDENT = "5550008"
_CORPUS = Path(__file__).resolve().parent.parent / "data" / "triage"


def _seventh_set(line_id: str, urgent: bool) -> str:
    """The text of line ``line_id`` ("k-119", "l-005") of the spent seventh
    unseen set (tests/data/triage/unseen_2026_11_30_k.jsonl and _l), whose
    label must be ``urgent``."""
    part = line_id.split("-")[0]
    path = _CORPUS / f"unseen_2026_11_30_{part}.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == line_id:
            assert row["urgent"] is urgent, line_id
            return str(row["text"])
    raise AssertionError(f"{line_id} not in {path.name}")


SEVENTH_SET_MISSES = {"k-119": Concern.DANGER, "l-179": Concern.CRIME_IN_PROGRESS}

# The eight false alarms of the seventh set that came from the rules, by family.
SEVENTH_SET_RULE_FALSE_ALARMS = {
    "noise compared with gunshots": ["l-017", "l-124"],
    "passing mood": ["k-058"],
    "conditional hyperbole": ["k-149"],
    "numbing treatment": ["k-188"],
    "past abbreviated": ["k-026"],
    "confused claim denied": ["l-005"],
    "captivity by a pastime": ["l-142"],
}


@pytest.mark.parametrize(("line_id", "concern"), list(SEVENTH_SET_MISSES.items()))
def test_the_seventh_sets_misses_are_urgent_by_rules(line_id: str, concern: Concern) -> None:
    said = by_rules(normalise(_seventh_set(line_id, urgent=True)))
    assert said.urgent and said.concern is concern, (line_id, said)


@pytest.mark.parametrize(
    "line_id", [i for ids in SEVENTH_SET_RULE_FALSE_ALARMS.values() for i in ids]
)
def test_the_seventh_sets_rule_false_alarms_are_not_urgent(line_id: str) -> None:
    said = assess(_seventh_set(line_id, urgent=False))
    assert not said.urgent, (line_id, said)


# 1. Dangerous driving among children.
@pytest.mark.parametrize(
    "text",
    [
        "some lads are doing doughnuts in the road right by the school gates, children coming out",
        "there's a van mounting the kerb and driving up the footpath by the nursery, mums with "
        "buggies everywhere",
        "outside the infants a driver is racing along the pavement, kids all over the place",
        "idiot in a BMW doing handbrake turns by the playground, little ones everywhere",
    ],
)
def test_dangerous_driving_among_children_is_urgent(text: str) -> None:
    said = assess(text)
    assert said.urgent and said.reason == "danger.driving_among_children", (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "boy racers doing doughnuts in the tesco car park every night, can anything be done",
        "cars park on the pavement outside the school every morning, who do i report it to",
        "a car drove on the pavement outside the school last week, is that an offence?",
        "what happens if someone drives on the pavement near a school?",
    ],
)
def test_pavement_driving_told_as_a_habit_past_or_question_is_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


# 2. A way in being forced, in any register.
@pytest.mark.parametrize(
    "text",
    [
        "I am writing to report that a man is at present attempting to force the door of the "
        "empty house next to mine. I should be grateful for assistance.",
        "two lads are jemmying the garage door at number 12",
        "There is at present a youth endeavouring to prise open the window of the pharmacy.",
        "bloke tryna force the patio doors at the back of no 4, they're on holiday",
        "I wish to report that two men are at this moment endeavouring to gain entry to my "
        "neighbour's property. They are on holiday.",
    ],
)
def test_a_way_in_being_forced_is_a_crime_in_progress(text: str) -> None:
    said = assess(text)
    assert said.urgent and said.concern is Concern.CRIME_IN_PROGRESS, (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "someone tried to force our shed door last night, nothing taken",
        "what should I do if someone is trying to force my window?",
        "At present the council has no plans to fix the lights on Mill Lane. Who do I write to?",
    ],
)
def test_a_forced_door_told_as_past_or_supposed_is_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


# 3. A noise compared with gunshots, its source named.
@pytest.mark.parametrize(
    "text",
    [
        "fireworks every weekend since bonfire night, sound exactly like gunshots, my cat "
        "hides. Any rules?",
        "the scaffolders next door drop poles all day, honestly thought it was gunshots at first",
        "kids with bangers every night, they sound like gunshots",
        "our neighbour's son got a drum kit for christmas and I could have sworn it was "
        "gunshots. Is there a noise curfew?",
    ],
)
def test_a_noise_compared_with_gunshots_is_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


# 4. The writer's own threat as a passing mood.
@pytest.mark.parametrize(
    "text",
    [
        "Some nights I swear I'm going to kill him, he snores like a train. Are earplugs a police "
        "matter?",
        "Sometimes I think I'll strangle my husband when he leaves the toilet seat up",
        "There are days I honestly think I'll murder the lot of them at the parish council. Who "
        "do I complain to about the minutes?",
    ],
)
def test_the_writers_passing_threat_is_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


# 5. A conditional hyperbole.
@pytest.mark.parametrize(
    "text",
    [
        "i'm literally going to die if the neighbours play that song one more time",
        "honestly ready to die if I get one more email about the parking permits",
    ],
)
def test_a_conditional_hyperbole_is_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


# 6. A numb face with its numbing treatment.
@pytest.mark.parametrize(
    "text",
    [
        "Had my wisdom tooth out this morning and half my face is still numb, can I drive?",
        "the local anaesthetic at the dentist means my face is numb, is it ok to go to the "
        "meeting tonight?",
    ],
)
def test_a_numb_face_after_the_dentist_is_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


# 7. The past, abbreviated or misspelt.
@pytest.mark.parametrize(
    "text",
    [
        "i got jumped in leeds 2 yrs ago, can i still report it",
        "got mugged last yr and it still haunts me, should i report it?",
    ],
)
def test_an_abbreviated_past_is_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


# 8. A confused person's claim, denied.
@pytest.mark.parametrize(
    "text",
    [
        "Grandad has dementia and keeps saying burglars are breaking in at night, there's nobody. "
        "How do I reassure him?",
        "Mum's Alzheimer's is getting worse, she rang to say someone is stealing her jewellery "
        "but nothing has been taken. Who can help?",
    ],
)
def test_a_confused_persons_claim_denied_is_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


# 9. Captivity by a pastime, as a habit.
@pytest.mark.parametrize(
    "text",
    [
        "my son is being held hostage by his PlayStation again, fourth night running, send help",
        "Wife being held captive by the garden centre again. Every Sunday. Can you rescue me?",
    ],
)
def test_captivity_by_a_pastime_as_a_habit_is_not_urgent(text: str) -> None:
    said = assess(text)
    assert not said.urgent, (text, said)


# Look-alikes of every family: emergencies that must stay urgent.
@pytest.mark.parametrize(
    ("text", "concern"),
    [
        # 3: gunshots doubted, someone hurt, or no source named
        ("I heard what sounded like gunshots and someone is screaming", Concern.DANGER),
        ("the drums next door sound like gunshots but now someone's been shot", Concern.DANGER),
        ("heard gunshots on the estate just now", Concern.DANGER),
        ("Loud bangs on the estate, sounds like gunshots, could be fireworks I suppose", None),
        ("loud bangs outside, they sound like gunshots, maybe fireworks?", None),
        ("i honestly thought it was gunshots and there's a man lying in the road", Concern.DANGER),
        # 4: the threat is someone else's
        ("some days he says he'll kill me, he's outside with a knife now", Concern.DANGER),
        ("some days I think he'll kill me and tonight he's locked the doors", Concern.DANGER),
        ("he said he's going to kill me and he's outside now", Concern.DANGER),
        # 5: a real condition, or done to the writer
        ("I want to die if he does that to me one more time", Concern.SELF_HARM),
        ("i'm going to kill myself if i hear that advert one more time", Concern.SELF_HARM),
        ("i'm going to die if someone doesn't come, I'm stuck under the car", Concern.SELF_HARM),
        # 6: a numb face with no treatment named, or with another sign
        ("my face is numb on one side and drooping, my arm is weak", Concern.DANGER),
        ("had a filling this morning and now my dad's face is drooping and he's slurring", None),
        # 8: dementia, no denial
        ("mum has dementia and says a man is in her house stealing, I can hear him now", None),
        # 9: real captors
        ("my husband is being held hostage by armed men at the bank, please help", Concern.DANGER),
        ("my daughter is being held by her ex again, he won't let her leave", Concern.DANGER),
        # 1 and 2
        ("someone is trying to force my front door right now", Concern.CRIME_IN_PROGRESS),
    ],
)
def test_round8_look_alikes_stay_urgent(text: str, concern: Concern | None) -> None:
    said = assess(text)
    assert said.urgent, (text, said)
    if concern is not None:
        assert said.concern is concern, (text, said)


async def test_a_resident_reporting_pavement_driving_at_the_school_gets_999_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "a car is driving on the pavement outside the primary school at home time doing "
        "doughnuts, kids everywhere",
    )
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


async def test_a_resident_reporting_a_window_forced_in_formal_english_gets_999_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "Dear Sir, there is at present a gentleman attempting to force the rear window of the "
        "house opposite. The owners are abroad. I should be obliged if an officer could attend.",
    )
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


async def test_a_resident_joking_about_the_golf_club_gets_no_999_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "HELP my husband is being held hostage by the golf club again, third Saturday running. "
        "can you send a rescue team",
    )
    assert all("call 999 now" not in reply for reply in replies)
    assert not any(text.startswith("URGENT") for text in h.texts_to(STAFF_CHAT))


@pytest.mark.parametrize(
    "text",
    [
        # the eighth set's m-191 (spent): the negation belongs to "swim"
        "students pushed a lad off the old bridge into the dee in chester for a laugh and he "
        "cant swim hes going under",
        "my little girl can't swim, she's going under at the deep end",
        "he doesn't swim well and he's drowning by the weir",
    ],
)
def test_a_negation_before_a_new_subject_does_not_stop_the_rule(text: str) -> None:
    said = assess(text)
    assert said.urgent, (text, said)


@pytest.mark.parametrize(
    "text",
    ["nobody is drowning, the lifeguard was just practising", "he's not being attacked"],
)
def test_a_negation_of_the_match_itself_still_stops_it(text: str) -> None:
    said = by_rules(normalise(text))
    assert not said.urgent, (text, said)
