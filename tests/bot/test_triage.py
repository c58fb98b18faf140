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
from tests.support import triage_labelled as labelled
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

# Issue 15 widened the rules by concept, tuning on dev and (as issue 15 asked)
# on the held-out part too: its figure is no longer an unseen one (it was
# 69/75 = 0.920 on its first and only run before issue 15).
WHOLE_RECALL_FLOOR = 1.0  # achieved 303/303
# Since the fourteenth set was spent and the model retrained with it (round
# 17, threshold 0.32): 2/396 = 0.005, the model raising "I can't take this
# anymore, the noise from the building site..." (0.003 before). Round 18
# (the fifteenth set spent, threshold 0.32): still 2/396, the sofa left in
# the road (model) and the building site's noise (rule self_harm.cant_go_on);
# the retrain also raised "is there a knife bin in orpington" and "I was
# suicidal last year and got help, now I want to give something back", which
# the framing reader's knife bin (policy) and the now_asked "now I want to
# give something back" (guards.yaml) leave to a sure model.
WHOLE_FALSE_ALARM_CEILING = 0.006
WHOLE_KIND_FLOORS = {D: 1.0, C: 1.0, S: 1.0}  # achieved 125/125, 96/96, 82/82
HELDOUT_RECALL_FLOOR = 1.0  # achieved 75/75 after issue 15's tuning
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


# ---------------------------------------------------------------------------
# Issue 15: the development files written blind (tests/data/triage/
# dev_2026_11_c.jsonl and _d.jsonl, schema {"id", "text", "urgent", ...}),
# tuned on after their first run (docs/safeguarding.md has both figures).
# ---------------------------------------------------------------------------

ISSUE_15_DEV = {  # file: (recall floor, false-alarm ceiling), as achieved
    "dev_2026_11_c.jsonl": (0.99, 0.0),  # 159/160 = 0.994, 0/240
    "dev_2026_11_d.jsonl": (0.98, 0.017),  # 158/160 = 0.988, 4/240 = 0.017
}


@pytest.mark.parametrize("name", sorted(ISSUE_15_DEV))
def test_issue_15_development_files(name: str) -> None:
    floor, ceiling = ISSUE_15_DEV[name]
    result = labelled.measure(labelled.read(CORPUS / name))
    total = result.total
    assert total.urgent == 160 and total.ordinary == 240
    missed = [item.id for item, _ in result.misses]
    assert total.caught / total.urgent >= floor, missed
    alarms = [item.id for item, _ in result.alarms]
    assert total.alarms / total.ordinary <= ceiling, alarms


# The miss families named in issue 15, each written several ways (concepts,
# not sentences: tense, text-speak, typos, fragments).
ISSUE_15_FAMILIES = {
    "stabbed, simple past": [
        "he just stabbed me",
        "my boyfriend stabbed me in the leg",
        "HELP STABBED",
        "some1 stabbd my mate outside the chippy",
    ],
    "hit, attacker still there": [
        "my husband hit me and hes still in the house",
        "partner punched me and won't leave",
        "me husband he hit me, i am in bathroom, he is outside door",
    ],
    "fire with people inside": [
        "the house next door is on fire and there are people inside",
        "fire. kids inside. flat 4 hurry",
        "theres a fire and my nan is trapped upstairs",
    ],
    "young child missing": [
        "my 4 year old is missing",
        "cant find my dauter anywere shes 5",
        "missing 7yr old boy in the park red coat",
        "my son is 8 and he didn't come home from school",
    ],
    "gunshots nearby": [
        "heard gunshots outside just now",
        "shots fired on our street",
        "some1 firin a gun out a car window",
    ],
    "bridge, about to jump": [
        "there's a man on the bridge threatening to jump",
        "a woman is on the wrong side of the railing on the motorway bridge",
        "girl sittin on the edge of the multi storey roof legs over the side",
    ],
    "exposure now": [
        "a man is exposing himself at the playground now",
        "bloke flashin at the girls outside the school rite now",
    ],
    "missiles at cars": [
        "kids are throwing stones at cars right now",
        "lads on the overpass chucking bricks onto the motorway",
    ],
    "cut wrists": [
        "i've cut my wrists and it isn't stopping",
        "ive cut myself and it wont stop bleeding",
    ],
    "farewell": [
        "goodbye everyone, sorry for everything",
        "this is goodbye",
        "i'm done. goodbye.",
    ],
    "child alone in the road": [
        "a toddler is alone in the road",
        "small boy, maybe four, running along the central reservation. No adults.",
    ],
    "overdose": [
        "took a whole packet of tablets",
        "my mate od'd and wont wake up",
        "ive taken everything in the cupboard",
    ],
    "drowning": [
        "someone is drowning in the canal",
        "person in the water struggling",
        "he jumped in the lake and hes not come back up",
    ],
    "crash with injured": [
        "car crash people injured",
        "there's been a crash and someone is trapped",
        "lorry has just ploughed into the bus stop, people under it",
    ],
    "followed now": [
        "a man is following me",
        "there's a car following me and it's still behind me",
    ],
    "collapsed, not breathing": [
        "man collapsed in the street",
        "my dad isnt breathing",
        "old man fell and not moving",
        "i cant wake my dad up",
    ],
}


@pytest.mark.parametrize("text", [text for family in ISSUE_15_FAMILIES.values() for text in family])
def test_issue_15_miss_families_are_urgent(text: str) -> None:
    assert looks_urgent(text), assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "we were stabbed in the back by the council",
        "what's the first aid for a stab wound? doing a course",
        "my boss is gonna kill me, I've lost the office keys",
        "ive been shot!!! by a speed camera lol",
        "overdosed on easter eggs this weekend haha",
        "Lost my daughter for five minutes in the shopping centre, found her in the toy shop",
        "they left a note on my car with a fake number",
        "I'm sorry for everything that happened at the meeting",
        "my son's band is on fire tonight",
        "I took some paracetamol for my headache",
        "bonfire night every year the lads throw fireworks at the houses",
        "gonna kill myself laughing at this",
        "I think I'm being followed on social media by an old school friend",
        "I'm stockpiling tins for the food bank, can police collect?",
        "my son is a burden on the NHS waiting list, any advice?",
        "I've given away my old bike, do I need to tell police it was registered?",
        "there's no point in reporting bike theft round here, is there?",
        "my dad said goodbye to his colleagues when he retired",
        "I can't see a way out of this parking dispute with my neighbour",
    ],
)
def test_issue_15_idioms_and_the_past_stay_ordinary(text: str) -> None:
    # The rules' verdict: the model, asked when no rule fires, may still
    # flag some of these (its false alarms are measured, docs/safeguarding.md).
    assert not by_rules(normalise(text)).urgent, by_rules(normalise(text))


def test_a_severe_rule_is_stopped_by_clear_evidence_only() -> None:
    # "I heard" and "there was" stop other rules, not a severe one...
    assert looks_urgent("I heard gunshots outside")
    assert looks_urgent("there was a crash and a man is trapped in his car")
    # ...but a time in the past, or a hypothetical, still does.
    assert not looks_urgent("I heard gunshots last week near the park")
    assert not looks_urgent("what should I do if someone collapsed in front of me?")


# More concepts of issue 15, in the voices the blind writers used (formal,
# understated, non-native, text-speak); written for these tests, not taken
# from any corpus.
@pytest.mark.parametrize(
    "text",
    [
        "someone's thrown acid in a man's face outside the station",
        "dog locked in a car - no wait its a toddler, strapped in, nobody around",
        "my mum took all her tablets and shes asleep and wont wake up",
        "my grandad's gone grey and isn't breathing properly",
        "a gang is robbing the corner shop right now",
        "woman lying in the road after a hit and run",
        "a kid on the railway line",
        "he's kicking the door in",
        "I am being held in a house and cannot leave",
        "there's a bloke trying to nick bikes outside with bolt cutters",
        "im bleeding really bad",
        "my wife collapsed and is not responding",
        "FIRE AT 22 ELM RD PEOPLE STILL INSIDE",
        "i've just been raped",
        "a man is filming girls in the changing rooms right now",
        (
            "my daughter is 14 and hasn't come home, she's not answering and her location is off, "
            "it's 2am"
        ),
        "I can't find my son anywhere, he's 4",
        "there's a fight outside and someone's got a knife",
        "shots fired at the pub",
        "i'm done. goodbye.",
        "i'm at the bridge",
        "can't do this anymore, taking everything tonight",
        "i've cut myself and it won't stop",
        "pensioner collapsed at the bus stop",
        "lorry has hit the bridge and there are people hurt",
        "theres sum1 in my garden with a torch",
        "a man is hitting a woman in the street",
        "my neighbour is being attacked by her son",
        "he's threatening to burn the house down with us in it",
        (
            "Good evening. I am sorry to trouble you but the gentleman next door appears to be "
            "lying on his kitchen floor and he is not responding to my knocking."
        ),
        (
            "Sorry if this is the wrong place. A man is shouting at my window that he will kill "
            "me. He is still there."
        ),
        (
            "probably nothing but my daughter (16) said she was going to the bridge to end things "
            "and now her phone is off"
        ),
        (
            "Hi, my friend just messaged me saying she's taken all her antidepressants. I don't "
            "know what to do."
        ),
        (
            "I can smell burning and there's smoke coming from under my neighbour's door, they're "
            "not answering."
        ),
        "Excuse me, a boy is drowning in the river, please send someone quickly.",
        "My husband has threatened to kill me and the children and he has a shotgun in the house.",
        "i just want it to stop. i have the pills here. i'm sorry.",
        "tonight's the night. can't take any more.",
        "A woman has been pushed into the canal by a man and she is struggling.",
        "sum1 jus got stabbd outside tesco",
        "im gona kill maself 2nite",
        "my m8 is unconcious n not breathin",
        "my lil bro is missin hes 6",
        "omg shes jumpin off da bridge",
        "i jus took 40 paracetamol",
        "i feel like endin it all",
        "srsly scared hes gonna hurt me",
        "lads r smashin up cars on my road rn",
        "my neighbr is beatin his wife i can hear her screamin",
        "gun shots on my road",
        "he's threatenin 2 kill me",
        "there are people locked in the back of a lorry, I can hear banging",
        "my friend's been groomed online and she's gone to meet him right now",
        "someone's shouting racist abuse and punching a man on the bus right now",
        "my dog walker is stuck in the mud and the tide is coming in",
        "the carbon monoxide alarm is going off and my kids are dizzy",
        "my flatmate hasn't come out of her room for two days and there's a smell",
        "someone has taken my car with my baby in the back",
        "two men are kicking someone on the ground",
        "the bus has crashed into a house",
        "hes coming back with his mates to finish it",
        "he's got me cornered in the kitchen",
        "he's dragging me by my hair",
        "i've locked myself in the bathroom, he's banging on the door",
        "i've just been attacked and my face is bleeding",
        "i've been self harming and it's bad this time",
        "i've got a knife to my wrist",
        "please send someone, I'm scared",
        "someone's lit a fire in the letterbox",
        "a man has fallen off the scaffolding and isn't moving",
        "my wife has gone into labour and the baby is coming now",
        "there's a gang outside my house with bats",
        "i think someone is inside my house, i can hear them",
        "i've been stockpiling my meds and tonight's the night",
        "i just want to go to sleep and never wake up",
        "i've given away all my things",
        "i'm going to jump off the multi storey",
        "i've been cutting and it's really deep this time",
        "my dad has said he's going to end it and has gone out in the car",
        "i can't see a way out",
        "i've researched how to do it and bought what i need",
        "i want to disappear forever",
    ],
)
def test_issue_15_concepts_in_many_voices(text: str) -> None:
    assert looks_urgent(text), assess(text)


# Issue 15, files g, h and i (tests/data/triage/dev_2026_11_g/h/i.jsonl):
# the rules tuned by concept. Written for these tests, not taken from any
# corpus. The urgent ones are found by the rules, so the model is not asked.
ISSUE_15_GHI_URGENT = {
    "hanging, cut down": [
        "found my dad in the shed with a rope round his neck, he's breathing but only just",
        "my girlfriend tried to hang herself tonight, i've cut her down",
        "we just got him down, he'd hanged himself from the banister",
    ],
    "a date set, with the means": [
        "she's told her friends tonight's the night and she has a box of razor blades",
    ],
    "held, locked in": [
        "he's locked me and my son in the back room and won't give the key",
        "my sister texted she's being kept in a flat by some man in Luton",
        "a woman is locked in the back of a van outside the car wash",
        "he locked the door and took my phone, I'm writing from the laptop",
    ],
    "on the railway": [
        "a man is wandering along the railway tracks near the station with his hood up",
        "an old lady's wheelchair is stuck on the level crossing",
        "there's someone sat on the line under the bridge",
    ],
    "a fading cry, a care alarm": [
        "the baby next door has been crying since yesterday and it's getting quieter",
        "mum's lifeline alarm went off and she isn't answering the phone",
    ],
    "a vehicle over, someone loose on a fast road": [
        "a minibus has tipped over on the bypass and there are kids still in it",
        "two cows loose on the motorway near junction 4",
        "an elderly man is walking down the middle of the dual carriageway in his pyjamas",
    ],
    "a body failing, stab slang, a boat over": [
        "the old bloke next door has gone a funny colour and he's slumped in his chair",
        "her mouth has dropped on one side and she can't lift her arm",
        "my brother has got chest pains down his left arm and he's clammy",
        "my cousin just got wet up by the park gates",
        "he's been stuck in the side outside the kebab shop, it's pouring out blood",
        "a dinghy has capsized off the slipway and there are two kids in the water",
    ],
    "drowning said, through the ice": [
        "DROWNING by the weir",
        "she went through the ice at the boating lake, we can't reach her",
        "a man in the canal clinging to a shopping trolley, the current is strong",
    ],
    "snatched, dragged, beaten now": [
        "two men just shoved a girl into the back of a silver car on Park Road",
        "he's dragging her down the stairs by her hair",
        "they're kicking his head in by the cashpoint",
        "my neighbour has just been mugged and they're still on the street",
    ],
    "fire reaching people, a drink spiked": [
        "smoke is coming under our door and the corridor is full of it",
        "the fire's spreading up the stairwell and there's a family on the top floor",
        "I just watched a man drop a pill into a woman's drink at the bar",
    ],
    "barefoot on a fast road, over the fence": [
        "a woman in her nightie is barefoot on the hard shoulder of the motorway",
        "a boy has climbed over the barrier on the viaduct and is on the other side",
    ],
    "a child gone, a weapon out, followed from somewhere": [
        "my little girl was playing on the green and now she is not anywhere, her scooter is there",
        "my son of 10 never came out of school and the office says he left",
        "my 7 year old got out the front door and is on the main road",
        "a man has pulled out what looks like a pistol in the pub",
        "some man followed me all the way home from the station and is outside now",
    ],
    "found still, a dog set on someone, an armed threat": [
        "there's a woman lying by the bins not moving",
        "my flatmate has been in the shower for an hour, the door is locked and he's not answering",
        "a dog is mauling a little boy in the park",
        "he's waving a syringe and says he's going to stab me if I don't open the till",
    ],
    "the far side of the railings": [
        "a lad is on the far side of the bridge railings staring at the water",
    ],
}


@pytest.mark.parametrize(
    "text", [text for family in ISSUE_15_GHI_URGENT.values() for text in family]
)
def test_issue_15_ghi_concepts_are_urgent(text: str) -> None:
    assert looks_urgent(text), assess(text)
    assert by_rules(normalise(text)).urgent, by_rules(normalise(text))


# Ordinary messages of the families that raised false alarms in g, h and i:
# a game, a film or a book, a sport, a drill, a toy, a stunt, an idiom, a past
# told with its time, a habit. Asserted of the rules (the model is retrained
# by the lead after the merge, and judged by its own figures).
@pytest.mark.parametrize(
    "text",
    [
        "my nephew screams he's stabbing me every time he loses at Minecraft",
        "the hostage scene in the new season of that Netflix series was brutal",
        "I'm writing a detective novel where a girl is kept in a cellar",
        "our under 12s got knocked out in the quarter final on penalties",
        "he was knocked out in boxing on saturday and is fine now",
        "the kids have a water pistol each and are chasing the dog",
        "the office had an active shooter drill this morning, it felt very real",
        "the buses have been killing me all week",
        "the ivy is choking the whole back wall",
        "my maths teacher is going to murder me, I forgot my homework",
        "a few nights ago some lads were shouting for help but it turned out to be a prank",
        "my brother was stabbed in the 80s and still has the scar",
        "my car got shunted at the lights, no one was hurt, do I need a crime number",
        "she's getting help now for her drinking, how can I support her",
        "lads diving off the pier into the harbour in the heat, is that allowed",
        "someone's been nicking the flowers off the graves, can you do anything",
        "my son was arrested years ago for fighting, will it show on a DBS",
        "I took three paracetamol and a coffee this morning for a migraine",
        "the fairy lights hanging from the banister look lovely",
        "I'll cut him down to size at the next residents' meeting",
        "the cat is locked in the shed next door again",
        "the railway line is closed for engineering works on sunday",
        "I'm drowning in paperwork this week",
        "the nurse with the needle said she'll stick me in the arm for the jab",
        "my knife skills teacher will cut me from the course if I miss another class",
        "if i dont get my bike back i'll kill him",
        "my daughter is not anywhere near as shy as she was",
        "my son ran away from home 20 years ago and we are close again now",
        "the bouncers pushed him into a taxi and sent him home",
        "my son just got knocked out of the cup, gutted",
        "bro got poked on facebook by his nan",
        "our dinghy capsized at sailing club and the kids all swam to the bank laughing",
    ],
)
def test_issue_15_ghi_ordinary_families_are_not_urgent_by_rules(text: str) -> None:
    assert not by_rules(normalise(text)).urgent, by_rules(normalise(text))


def test_a_writer_who_says_they_are_safe_is_not_urgent_unless_they_have_acted() -> None:
    # Thoughts with a plain reassurance anywhere in the message: ordinary
    # (the model defers too), and the resident still sees the ordinary reply.
    thoughts = "I feel like I can't go on some days. I'm safe, I just want to talk to someone"
    assert assess(thoughts) == Triage(N, "none:reassured:self_harm.cant_go_on")
    assert not looks_urgent(
        "sometimes I think my family would be better off without me, but I won't act on it"
    )
    # An act, a plan for tonight or a hedged reassurance stays urgent.
    for text in (
        "I took an overdose an hour ago but I'm safe",
        "i want to kill myself. i'm safe for now",
        "i want to die. i'm not going to do anything tonight",
        "i'm going to kill myself tonight, i won't do anything stupid before i post this",
    ):
        assert looks_urgent(text), assess(text)
        assert assess(text).concern is S


# The concepts of the three misses of the spent unseen set (a gas smell with a
# neighbour not answering, a hose from an exhaust into a car, held in a taxi),
# in wordings written for the tests, caught by the rules.
@pytest.mark.parametrize(
    "text",
    [
        "the landing stinks of gas and my neighbour isn't answering her door",
        "probably nothing but the hall reeks like gas and the old man downstairs won't answer",
        "is it normal for a van to be parked with a pipe through the window from the exhaust?",
        "the cab driver has locked the doors and won't let me out, we're on the bypass",
        "im in an uber and the driver isnt going where i asked, its dark and he won't stop",
        "the boss has my passport and says i cannot leave the farm until i pay",
        "the co alarm went off and we've all got headaches, the kids are being sick",
        "there's a lad been behind me since the station and he crossed when i crossed",
        "a van has been driving next to me for five minutes and the man keeps asking me to get in",
    ],
)
def test_unseen_ab_miss_concepts_are_urgent(text: str) -> None:
    assert looks_urgent(text), assess(text)
    assert by_rules(normalise(text)).urgent, by_rules(normalise(text))


# The families of the rules' false alarms on the spent unseen set: a stage
# fight, a headline or what everyone says online, how to apply for an order,
# what counts as an emergency, a passport kept by an employer with no one held,
# a housemate who took money. Asserted of the rules.
@pytest.mark.parametrize(
    "text",
    [
        "our youth theatre is rehearsing a play with a stage sword fight, do we need a licence",
        "can we carry the prop guns through town to the panto on saturday",
        "saw the headline 'teenager stabbed near station', is that near the school?",
        "everybody on fb saying a man got stabbed by the precinct, is that true",
        "how do i apply for a restraining order, he keeps texting but lives in leeds now",
        "my dad says you mustn't ring 999 for a shed being broken into once they've gone",
        "my agency keeps my passport and says i cannot have it until i pay the fee, is that legal",
        "someone in my shared house stole my phone charger, can I report it online",
    ],
)
def test_unseen_ab_false_alarm_families_are_not_urgent_by_rules(text: str) -> None:
    assert not by_rules(normalise(text)).urgent, by_rules(normalise(text))


# Emergencies of g, h and i the rules had left to the model (or missed), as
# concepts, in wordings written for the tests: caught by the rules.
@pytest.mark.parametrize(
    "text",
    [
        "three little ones about 4 in the house on their own, been crying for hours",
        "when i got to my nan's she was on the floor cold and not responding",
        "while I type this the bins caught fire and it's going towards the houses",
        "lads on the footbridge over the ring road are dropping slabs",
        "my sister slash her arm, she dey bleed plenty",
        "one pikin dey for the middle of the dual carriageway alone",
        "I've put my affairs in order. Please feed my cat as I won't be here.",
        "pretty sure i've been spiked, room spinning, this man keeps saying he'll drive me home",
        "a man rang saying he's a detective and a courier will come for my bank cards at 4",
    ],
)
def test_ghi_left_concepts_are_urgent_by_rules(text: str) -> None:
    assert looks_urgent(text), assess(text)
    assert by_rules(normalise(text)).urgent, by_rules(normalise(text))


# The families of the false alarms of the second spent unseen set
# (unseen_2026_11_30_a/_b), in wordings written for the tests, each with the
# guard that now stops the rule: a story told as over (a past time before
# the danger words or help come, nothing said of now, the clause not in the
# present), lawful shooting, an idiom, the person away.
@pytest.mark.parametrize(
    ("text", "guard"),
    [
        (
            "Three weeks ago a man pulled a knife on me at the cashpoint on Mill Street and took"
            " my bank card. I wasn't hurt. Has anyone been caught yet?",
            "past",
        ),
        (
            "My dad collapsed at the bus stop this morning, the paramedics came straight away."
            " Which hospital would they have taken him to?",
            "past",
        ),
        (
            "On Friday night there was a massive brawl outside the kebab shop, chairs flying."
            " It's all quiet now. Did anyone get arrested?",
            "past",
        ),
        (
            "There's been gunfire from the woods all afternoon, it's the grouse shoot on the"
            " estate. Are they allowed this near the lane?",
            "lawful",
        ),
        (
            "I have an FAC and I was out with my rifle shooting rabbits on my uncle's farm."
            " A walker shouted at me. Who is in the right?",
            "lawful",
        ),
        (
            "Our striker is on fire this season, any chance the police team want a friendly?",
            "idiom",
        ),
        (
            "My idea for a speed camera got shot down at the residents' meeting,"
            " who else can I ask?",
            "idiom",
        ),
        (
            "The milk is piling up on her step but she mentioned going to her sister's in Wales"
            " for a fortnight. Should I do anything?",
            "away",
        ),
    ],
)
def test_unseen_30_false_alarm_families_are_stopped_by_concept(text: str, guard: str) -> None:
    said = by_rules(normalise(text))
    assert not said.urgent and said.reason.split(":")[1] == guard, said


# ... and the same words where something says now, someone is harmed, or the
# words are meant: still urgent, by the rules. The miss of that set (someone
# went into a fire and hasn't come out) is caught.
@pytest.mark.parametrize(
    "text",
    [
        "Last week my ex threatened me. Now he's outside the house with a knife.",
        "Last night my ex came round drunk. He pulled a knife on me, please help",
        "My dad has collapsed and the ambulance came but he's not breathing now",
        "The farmer who goes lamping shot at my dog and pointed the rifle at me",
        "a man was waving a rifle about at the end of the lane, he has a firearms licence i think",
        "there's a grouse shoot on but someone has been shot in the leg and is bleeding badly",
        "my kitchen is on fire and I can't get to the door",
        "my brother got shot down the road by the garages",
        "post piling up and she hasn't been seen for days, no answer at the door",
        "smoke everywhere at the farm, grandad ran back in for his medication and hasnt come out",
        "BYRE ALIGHT UP AT THE TOP FARM, MY UNCLE WENT INSIDE FOR THE DOGS AND HASNT COME BACK OUT",
    ],
)
def test_unseen_30_concepts_still_urgent_by_rules(text: str) -> None:
    assert looks_urgent(text), assess(text)
    assert by_rules(normalise(text)).urgent, by_rules(normalise(text))


# Issue 15e: the third unseen set's false-alarm families (idioms with kill and
# strangle, games and sport, past events told with the time said once,
# hypotheticals, self-harm told of someone now safe), each written new ways:
# not urgent ...
@pytest.mark.parametrize(
    "text",
    [
        "my dad is going to kill me, I've lost the car keys at the leisure centre, has "
        "anyone handed them in?",
        "missus will kill me, left my phone on the 42 bus last night. who do i ask",
        "the drilling next door is killing me, what are the legal hours for building work?",
        "that speed camera by the school is killing me, is it even working?",
        "my back is killing me after the fun run, is the station open sunday?",
        "i swear i'll end up killing my brother, he never puts the bins out. who collects them?",
        "gonna murder my sister 😂 she took my charger again. anyway when is the next meeting",
        "My grandson keeps shouting 'shoot him, he's behind you' into his headset all "
        "evening. Is that normal?",
        "We're doing airsoft in the woods on Saturday, will the neighbours hear gunfire "
        "and ring you?",
        "Town v Rovers was carnage, blood everywhere, three sent off. What a game. Will "
        "there be more officers next time?",
        "tuesday at 2am a man pulled a knife on me in the underpass and took my wallet. "
        "got a crime number already, how long does it take?",
        "Saturday a lad glassed someone at the bar, blood everywhere. Police came and "
        "arrested him. What do we need to do now?",
        "the lad who got stabbed outside the chippy years back, did they ever charge anyone?",
        "Back in 81 a lad got shot outside the chip shop during the riots. Was anyone "
        "ever charged?",
        "Should we ever find someone breaking into the shed, can we lock them in until you arrive?",
        "Say someone's trying car doors on our street at 3am, at what point do I ring 999?",
        "Found out my son has been self harming. He's safe, he is home with us. Who can "
        "we talk to?",
        "someone posted a video of me getting jumped in the park last summer and it's "
        "going round again, can you get it removed?",
        "i was ok in the end, on saturday someone spiked my drink at a party but im fine "
        "now. can i still report it?",
    ],
)
def test_unseen_cd_false_alarm_families_are_not_urgent(text: str) -> None:
    assert not looks_urgent(text), assess(text)


# ... and the same words where the danger is now, the subject is a person
# without a mishap, the video is sent now or the day named is today: still
# urgent (the rules or, where they have nothing, the model).
@pytest.mark.parametrize(
    "text",
    [
        "my husband is going to kill me, he's got a knife",
        "my husband is going to kill me",
        "he's going to kill me, I lost his money",
        "my mate just sent me a vid of him standing on the edge of the bridge",
        "it's friday night and he is hitting me",
        "haven't seen her since last thursday, curtains shut, post piling up",
        "At the football a man has collapsed and is not breathing",
        "the paintball lads shot at my kids, they're bleeding",
        "my son has been self harming and he's cutting himself right now",
        "what do I do now, he's outside with a knife",
        "My flatmate is strangling me",
        "say something please, a man is following me",
        "Sunday night he beat me and now he's back outside the door",
        "sunday and he's back with a knife",
        "he's safe now but he has taken 30 pills",
        "the football's on but my dad collapsed and isn't breathing",
    ],
)
def test_unseen_cd_families_still_urgent_where_it_is_now(text: str) -> None:
    assert looks_urgent(text), assess(text)


# Issue 15e: the third unseen set's English miss (an ex's photo from the top
# floor of a multi-storey and "bye x") as a family: a farewell with a height
# or a means, in one sentence, however it is sent ...
@pytest.mark.parametrize(
    "text",
    [
        "my brother just sent a pic from the bridge over the A1 and said bye",
        "she put a selfie on the cliff top on her story captioned goodbye",
        "got a snapchat from my mate of the train tracks saying bye xx, he's not answering",
        "bye xx and then a photo from the car park roof, what do i do",
        "my daughter texted a picture of a pile of tablets with love you all",
        "Ex sent me a photo from the top floor of the multi storey and wrote bye. "
        "Probably nothing, she's done it before",
    ],
)
def test_a_farewell_with_a_height_or_a_means_is_self_harm(text: str) -> None:
    assert assess(text).concern is Concern.SELF_HARM, assess(text)
    assert by_rules(normalise(text)).reason == "self_harm.farewell_with_means"


# ... but not a goodbye beside a height in an ordinary message.
@pytest.mark.parametrize(
    "text",
    [
        "I sent a picture of the broken railings to the council and said bye for now,"
        " who else do I tell?",
        "we took photos from the pier and said bye to nan, then my bag went. who do I ask?",
        "we took a photo from the top of the tower on holiday then said bye to the guide,"
        " where do I report a lost camera?",
    ],
)
def test_a_goodbye_beside_a_height_in_an_ordinary_message_is_not_urgent(text: str) -> None:
    assert not looks_urgent(text), assess(text)


# Issue 15e, found leaving one file out: a writer who says it is not an
# emergency, and "killing it" (doing well), silence the model; a rule that
# fires on a danger now still fires.
@pytest.mark.parametrize(
    "text",
    [
        "Not an emergency, but a car has had its window smashed on our road overnight",
        "it's not an emergency, the lad on the corner keeps shouting at the buses",
        "the new youth worker is absolutely killing it with the football sessions, thank you",
    ],
)
def test_not_an_emergency_and_killing_it_are_not_urgent(text: str) -> None:
    assert not looks_urgent(text), assess(text)


def test_a_danger_said_to_be_no_emergency_is_still_urgent() -> None:
    assert looks_urgent("its not an emergency but he has a knife and is outside")
    assert looks_urgent("Not an emergency I think but my dad is not breathing")


# Issue 15e: after the families above, more sentences of the same families
# written anew (before: 7 of 26 false alarms and 1 of 20 emergencies missed
# on main; after the families, 5 and 0; the activity as an idiom's subject,
# "killing me with these rent rises", "is the area safer now?" and a place
# of two phrases then brought it to 1, a film quoted at the telly, left).
@pytest.mark.parametrize(
    "text",
    [
        "My husband's snoring is killing me, is there anywhere I can get earplugs for "
        "free? lol no seriously",
        "these hills on my bike ride are murdering my legs, are cyclists allowed on the "
        "canal path?",
        "the wait for a reply from you lot is killing me, any update on crime ref 123?",
        "my sister will strangle me if she finds out I borrowed her car, is there a "
        "grace period on tax?",
        "nan's going to murder me, I've lost her bus pass on the 73. where is lost property?",
        "I could have killed him when he parked across my drive again, who deals with parking?",
        "honestly the landlord is killing me with these rent rises, is that legal?",
        "boxing club sparring night, one lad got a bloody nose, is there a first aid "
        "course for coaches?",
        "cracking derby yesterday, blood on the pitch after a clash of heads, any update "
        "on the parking plans for the next one?",
        "our am dram group needs a fake gun for the play, do we need permission?",
        "paintball stag do this weekend in the woods, will the gunfire noise bother anyone?",
        "Tuesday night a lad kicked my door in and grabbed my telly, police came and "
        "he's been charged. When does it go to court?",
        "a few years back my ex tried to strangle me, he's just been released. can i "
        "find out where he lives?",
        "monday a man punched me at the bus stop, i had a black eye. already reported it "
        "online, what happens next?",
        "there was a stabbing outside the chippy in the 90s, is the area safer now?",
        "last saturday someone smashed a bottle over my mate's head outside the club, he "
        "had stitches, he's fine now. how do we give statements?",
        "should someone ever break into my car while I'm in it, can I use force?",
        "say a man follows me home from the station, at what point should I ring 999?",
        "if i ever saw someone with a knife on the bus what should i do",
        "what would happen if my neighbour's dog attacked my kid, who do i report to",
        "my daughter took an overdose last year, she's doing well now. are there any "
        "support groups for parents?",
        "my son has been cutting himself but he's safe and getting help from CAMHS, is "
        "there a parents' group?",
        "she's safe now, she's with her dad, we just want advice on keeping her safe online",
        "not an emergency but someone has dumped a mattress on our lane",
        "the pub fight is over and nobody was hurt, just want to know if I need to give "
        "a statement",
    ],
)
def test_the_false_alarm_families_written_anew_are_not_urgent(text: str) -> None:
    assert not looks_urgent(text), assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "my ex sent me a pic from the top of the multi storey with 'sorry for everything "
        "x'. she's not answering",
        "mate posted a video from the bridge saying goodbye to everyone, it was ten minutes ago",
        "my daughter just texted 'love you mum, bye' and a photo of a load of pills",
        "he sent a selfie at the edge of the cliff saying this is it",
        "the man upstairs is killing his wife, I can hear her screaming now",
        "my mum is going to kill me, she's got a knife and she's coming up the stairs",
        "its saturday night and theres a man with a machete outside the chippy",
        "last week he threatened me, now he's outside my door with a bat",
        "not sure if this counts but my neighbour collapsed in her garden and isn't moving",
        "Sorry to bother you, there's a lad on the footbridge over the motorway on the "
        "wrong side of the railings",
        "say something please, he's got a gun and he's in the kitchen",
        "my son said he's going to end it tonight and he's gone to the bridge",
        "there's a fire in the flat below and my nan is still inside",
        "my 3 year old has wandered off at the park and we can't find her",
        "a man has been following me since the station and he's still behind me",
        "my husband just hit me and he's locked the door so I can't get out",
        "someone's trying to get in through the back window right now",
        "i've taken all my tablets, i'm sorry",
        "I ran the youth football tonight and a group of lads with knives are waiting at "
        "the gate for one of the boys",
        "kill him kill him, someone is stabbing a man outside the shop, hurry",
    ],
)
def test_emergencies_written_anew_beside_them_are_urgent(text: str) -> None:
    assert looks_urgent(text), assess(text)


# The farewell family written anew (a goodbye, a "look after mum for me", and
# where the person is: a height or a means), and goodbyes beside heights in
# ordinary messages ("goodbye summer", "said goodbye at midnight").
@pytest.mark.parametrize(
    "text",
    [
        "my brother texted 'look after mum for me' and his location is showing the bridge",
        "ex just messaged 'sorry for everything, bye x' and she's at the train station "
        "by the tracks",
        "my friend sent a snap of the view from the top of the car park, just said "
        "'goodbye' and now her phone is off",
        "dad left a voicemail saying he loves us all and he's at the cliffs, he's not picking up",
        "she posted a pic of the river on her story with 'it's time' and isn't answering",
        "my son messaged me 'tell nan I love her' and he's on the roof of the flats",
        "got a text from my mate saying 'thanks for everything, this is goodbye' and a "
        "photo of a rope",
        "my sister sent me a picture from the edge of the quarry, just wrote 'bye', "
        "she's done it before and been fine",
    ],
)
def test_understated_farewells_written_anew_are_urgent(text: str) -> None:
    assert looks_urgent(text), assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "sent my mum a photo from the top of the Shard and said bye, we're flying home "
        "tomorrow. Where do I report a lost passport?",
        "my son messaged 'bye x' when he left for uni, how do I report his bike stolen "
        "from our drive?",
        "my friend posted a sunset photo from the pier with 'goodbye summer', lovely. is "
        "there parking there at night?",
        "lovely view from the roof terrace at the party, said goodbye at midnight, then "
        "my coat was gone. who do I tell?",
    ],
)
def test_goodbyes_beside_heights_written_anew_are_not_urgent(text: str) -> None:
    assert not looks_urgent(text), assess(text)


# Issue 15e, found by the whole suite after training on the third set: the
# model weighs "message" more (its farewells are sent as messages), so a
# question whether something is genuine makes the model need to be sure.
@pytest.mark.parametrize(
    "text",
    [
        "is this message a scam?",
        "my nan got a message from her bank, is it genuine?",
        "got a text saying I owe the DVLA money, is it real or a scam?",
    ],
)
def test_asking_whether_a_message_is_genuine_is_not_urgent(text: str) -> None:
    assert not looks_urgent(text), assess(text)


# Round 5 (issue 15, after the fourth unseen set): its English misses as
# concept families, each written anew (not the set's sentences): a
# vulnerable person missing where dark, cold or water makes it an emergency;
# a farewell with no means named; a person in the water; domestic abuse
# glimpsed mid-story; and emergencies no corpus had. Each must be caught by a
# rule, not left to the model (tests/data/triage/dev_2026_11_30_j.jsonl has
# more of each).
ROUND_5_FAMILIES = {
    "vulnerable person missing, exposed": [
        "our son is autistic and non verbal, he ran off at the seafront half an hour ago "
        "and can't swim",
        "My son has a learning disability, he got off the train at the wrong station an hour "
        "ago, it's getting dark and he's last seen heading for the canal",
        "mum has dementia and left the house in her nightie, it's below freezing and "
        "no sign of her",
    ],
    "farewell with no means": [
        "i won't be around after tonight so please feed the fish",
        "nobody will have to put up with me after tonight",
        "ill be gone before morning. love you all",
        "goodnight forever x",
        "tell my sister to look after mum for me, i'm sorry",
        "wont b here 2moro. look after mum 4 me",
    ],
    "in the water": [
        "the skipper's gone overboard and we can't see him",
        "dad's been swept off the rocks at the point, i can't see him",
        "there's a lad cut off by the tide on the causeway and the water's up to his chest",
        "our boat capsized near the buoy and we're in the water",
        "a swimmer is being carried out by the current past the groyne",
        "my dog walker friend went through the ice on the lake",
    ],
    "domestic abuse glimpsed": [
        "the woman at number 9 mouthed 'call the police' to me over his shoulder",
        "there's a note stuck to the inside of the window opposite saying help me",
        "my sister just sent our safe word, she's at his flat",
        "I heard her screaming next door and then it went dead quiet, he's still in there",
        "she opened the door with a black eye, mouthed help, and he pulled her back and "
        "slammed it. Anyway, about the bins",
    ],
    "emergencies no corpus had": [
        "the kids and I have all got splitting headaches and are being sick, the gas fire's "
        "been on all night",
        "my mates arm is trapped in the conveyor at the warehouse",
        "the quad bike's overturned and my uncle is pinned under it",
        "there's a toddler inside a parked car in the sun, windows shut, he's gone quiet",
        "a van driver is slumped over the wheel on the hard shoulder, engine running, not moving",
        "people are being crushed against the barriers at the front, someone has fainted",
        "there's a power cable down across the road and it's sparking",
        "my toddler has swallowed a button battery",
        "the scaffolding has come down outside the bank and there's a man underneath it",
        "stuck in the lift with my dad and he's got chest pains",
    ],
}


@pytest.mark.parametrize("text", [text for family in ROUND_5_FAMILIES.values() for text in family])
def test_round_5_families_are_urgent_by_rules(text: str) -> None:
    said = by_rules(normalise(text))
    assert said.urgent, said
    assert assess(text) == said


# ... and their look-alikes, which stay ordinary: a trip, a figure of speech,
# a shop sign, the past, a drill.
@pytest.mark.parametrize(
    "text",
    [
        "I won't be here after tonight so can you water my plants while I'm on holiday",
        "I won't need my car after tonight, can I park it on the road for a month?",
        "He went overboard with the Christmas lights this year, is there a rule about "
        "light pollution?",
        "The sign in the shop window said help wanted, is it legal for them to pay cash?",
        "Last August our family got cut off by the tide and the coastguard came. Everyone "
        "was fine. Is there a fine?",
        "My nan has dementia and sometimes wanders off in her slippers, is there a tracker scheme?",
        "The tractor rolled over on the hill last year and the farmer was pinned under it, "
        "he survived. Are there safety rules?",
        "I've made my peace with the fact that my bike is gone. Any chance of the insurance?",
        "We used the code word scheme at the chemist for my friend last year. Is it still running?",
        "my dog ate a battery, do police help with vet bills?",
        "a tree came down on the road in the wind, nobody under it luckily, who removes it?",
    ],
)
def test_round_5_look_alikes_are_not_urgent_by_rules(text: str) -> None:
    assert not by_rules(normalise(text)).urgent, by_rules(normalise(text))


# Round 5: the fourth unseen set's false-alarm families, written anew: a
# threat shouted or typed in a game, a film shoot or re-enactment, a study
# question, a story set in a past year ("So it's 2019, I'm ..."), "dying
# to", "joking"/"jk" after a threat, a healed or fine outcome, going on for
# years, lawful work (a keeper shooting crows, nets cut, stubble burnt).
@pytest.mark.parametrize(
    "text",
    [
        "my 11 year old keeps screaming 'I'm going to shoot you in the head' at his headset on "
        "Fortnite, is there a noise rule?",
        "my daughter typed 'i'll stab you' to her mate in roblox chat, they were playing. is that "
        "a crime?",
        "They're filming a bank robbery scene on the high street tomorrow with actors holding "
        "guns. Will the road be shut?",
        "The Civil War re-enactment society are marching through town with muskets and pikes on "
        "Sunday, do they need a licence?",
        "For my GCSE English essay: in a hostage situation, what do the police say first?",
        "criminology homework question - why do people carry knives? any stats?",
        "So it's 2017, I'm at a house party, some lad pulls out a knife and stabs my mate in the "
        "leg. Can he still be charged?",
        "picture this, it's 2020, lockdown, my neighbour threatens to kill me over the bins. Is "
        "that still on record?",
        "my son is dying to be a police officer, is there a cadet scheme?",
        "I'm dying for a brew after that shift, anyone know if the canteen at the station is open "
        "to the public?",
        "gonna strangle my husband he's put the red sock in with the whites again, only joking. "
        "can I report a pothole here?",
        "I'll murder my brother if he takes my charger again jk. what's the number for non "
        "emergencies",
        "Cut my hand open on the fence wire last month, all healed now. Can the farmer be made to "
        "fix it?",
        "The neighbour's dog went for my lad on Tuesday, he's fine, no harm done. Do I report it?",
        "There's been a lad with an air rifle shooting at the bins from his window for years. Is "
        "it legal?",
        "the gamekeeper was shooting crows behind the houses this morning, is he allowed that "
        "close?",
        "someone's been cutting the fishing nets at the harbour every night, who do I report to?",
        "the farmer is burning hedge cuttings and the smoke is coming into the gardens, is that "
        "allowed?",
    ],
)
def test_round_5_false_alarm_families_are_not_urgent(text: str) -> None:
    assert not looks_urgent(text), assess(text)


# ... and emergencies written beside them, which the new guards must not
# stop: something said of now, "I'm not joking", a real harm beside a game
# or a film crew, a weapon pointed by a keeper.
@pytest.mark.parametrize(
    "text",
    [
        "my son was playing on his xbox and now there's a man in the house with a knife",
        "he's screaming he'll kill me, it's not a game, he's got a knife right now",
        "there's a film crew on the road and one of the crew has collapsed and isn't breathing",
        "my homework can wait, a man has just stabbed someone outside the library",
        "it's 2am and he's outside with a knife",
        "he says he's going to kill me, I'm not joking, please help",
        "he's fine but the man who attacked him is still here with a bat",
        "he's been beating me for years and now he's got a knife to my throat",
        "the gamekeeper is pointing his shotgun at us and shouting",
        "my son was playing a game online and now a man is at our door with a knife saying "
        "he'll kill him",
        "he's pretending to tickle her but he's strangling her, she's going blue",
        "he's going to kill me, everyone says he's all talk but I'm terrified",
        "is it normal for a carer to leave my dad tied to a chair? i just got in and "
        "she's still here, he's crying",
    ],
)
def test_round_5_emergencies_beside_the_false_alarm_families_are_urgent(text: str) -> None:
    assert looks_urgent(text), assess(text)


@pytest.mark.parametrize(
    ("text", "guard"),
    [
        (
            "my lad yells 'i'm going to kill you' at his mates on call of duty. noise rules?",
            "not_real",
        ),
        ("For my A-level project: in a hostage situation, do negotiators lie?", "general_question"),
        (
            "So it's 2019, I'm walking home, this bloke comes at me with a knife. Can I still "
            "report it?",
            "past",
        ),
        ("gonna kill my sister she used all the hot water. joking. tinted windows rules?", "joke"),
        (
            "someone's been shooting at the road signs, full of holes. been like that for years "
            "mind.",
            "habitual",
        ),
    ],
)
def test_round_5_message_wide_guards_name_themselves(text: str, guard: str) -> None:
    said = by_rules(normalise(text))
    assert not said.urgent and said.reason.startswith(f"none:{guard}:"), said


# Round 5, widened: more wordings of the same families (a vulnerable person
# gone with rain, hours gone or a door left open; farewells with "much
# longer", "better off", "not their fault"; a wave, a swimmer not back;
# codes and notes; machinery, structures and cables down on people; a
# neighbour not seen for weeks and a smell).
@pytest.mark.parametrize(
    "text",
    [
        "my mum's got dementia and she's not in the house, back door's wide open and it's "
        "pitch black out",
        "granddad with alzheimers went for his paper 3 hours ago, not back, it's sleeting",
        "my brother who has downs went to the shop 2 hours ago and never came back",
        "my husband's been gone since this afternoon, he's got early onset dementia and no phone",
        "i won't be a problem for anyone much longer",
        "you'll all be better off after tonight",
        "i just want everyone to know it's not their fault. i'm tired. goodnight",
        "please look after my dog when i'm gone. it won't be long now",
        "my son and his friend went swimming in the quarry and only his friend has come back",
        "a wave took my daughter off the slipway, she's in the water",
        "our kayak has tipped and my husband hasn't surfaced",
        "my friend rang me and just said pizza order, thats our code, her ex is there",
        "the lady at the till had bruises on her neck and slipped me a note asking me to "
        "call police",
        "my sister whatsapped me 'help' and now her phone's off, she's with her boyfriend",
        "my hand is stuck in the meat mincer at work",
        "the fence at the match collapsed and people are underneath",
        "cable's come down on top of a car and the family are still inside",
        "I've got no answer from my neighbour in weeks, smell coming from her flat",
        "I am writing concerning my mother, who suffers from Alzheimer's disease. She left "
        "the residential home this afternoon and has not been located. The temperature is "
        "forecast to fall below freezing.",
        "dont worry bout me after 2nite x",
        "man fell off the boat we cant see him",
        "ppl in the water at the beach getting dragged out by rip current",
        "kids on the ice on the pond and its cracking",
        "my friend texted me 'he's back, i'm scared' and isn't answering",
        "i'm going for a long walk and i won't be coming back",
        "i've sorted my will and given the dog to my sister. tonight's the night",
    ],
)
def test_round_5_families_widened_are_urgent_by_rules(text: str) -> None:
    assert by_rules(normalise(text)).urgent, by_rules(normalise(text))


@pytest.mark.parametrize(
    "text",
    [
        "she texted me help with her maths homework lol",
        "that's the code for the gate, 1234, can you let the plumber in",
        "that's our code for the wifi lol",
        "Who looks after my dog when i'm gone on holiday?",
        "My autistic son loves the rain and the canal, is there a safe place scheme?",
        "my card is stuck in the cash machine",
        "the dog is tied to a post outside the shop all day, is that allowed?",
        "They're doing a hostage drill at the school tomorrow, should parents be told?",
        "Our drama group is rehearsing a scene where a woman mouths help from a window, is "
        "that too dark for a village hall?",
        "the kids have been jumping off the pier into the sea all afternoon, is that allowed?",
        "my toddler is a real live wire, any tips for the soft play?",
        "I'm confused, my son went out at 6 and it's getting dark, is there a curfew for 15 "
        "year olds?",
        "My son went overboard on a school sailing trip in 2019 and the instructor saved "
        "him. Are they required to report it?",
        "I volunteer with the RNLI and we're doing a man overboard drill on Saturday, will "
        "people panic?",
        "The safe word for our kids' pickup is 'giraffe', is that a good idea?",
        "I won't need the spare room after tonight, my lodger is moving out. Do I need to "
        "tell the police?",
        "he got dragged out of the pub by the bouncers, is that assault?",
        "I won't be coming back to this shop, terrible service",
        "I've sorted my will today, thanks to the solicitor. Bye!",
        "my son fell off the pier last summer, he's fine now. Should there be railings?",
        "my lad's mate said on discord he'll stab him at school tomorrow, they're 11 and it was "
        "about a game. Do I tell the school or you?",
        "my daughter screams 'he's killing me' when her brother tickles her, neighbours must "
        "think the worst",
        "Picture it: summer 2010, a bloke chases me and my mate with a bat down the high "
        "street. Was that ever logged?",
        "my brother says he'll kill the landlord, he's all talk, he's asleep upstairs. Can he "
        "be arrested for saying it?",
    ],
)
def test_round_5_widened_look_alikes_are_not_urgent_by_rules(text: str) -> None:
    assert not by_rules(normalise(text)).urgent, by_rules(normalise(text))
