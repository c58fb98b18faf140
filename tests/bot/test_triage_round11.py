"""Issue 15, triage round 11: the ninth unseen set's misses and rule false
alarms (docs/triage-figures.md, "Round 11: rules"), by family: the set's own
lines (read from the spent files by id), wordings written for these tests
in other voices (text-speak, elderly formal, non-native, understated, long),
and look-alikes on the other side of each line.

Misses, now urgent:
1. a car caught in flood water with people in it (o9-176);
2. a child not back from school, put in a car by a man, in every language
   triaged (p9-117, Bengali);
3. a toddler gone from the garden with the gate open, and a partner
   strangling the writer or "trying to kill" them told as a habit
   (docs/decisions.md, "Round 11: a partner's strangling is urgent even told
   as a habit").

Rule false alarms, now not urgent: a team "killing me this season", an
object in the boot, a child missing a few minutes and found, "our kid" and
a food mishap, someone who "was fine" after, an intruder drill, a child's
outburst laughed off, a police drama on TV."""

from __future__ import annotations

import pytest

from bot.safeguarding.triage import Concern, assess
from bot.safeguarding.triage.engine import by_rules
from bot.safeguarding.triage.normalise import normalise
from tests.support.core_harness import STAFF_CHAT, CoreHarness
from tests.support.triage_labelled import spent_line

RESIDENT = "5550011"


def _ninth_set(line_id: str, urgent: bool) -> str:
    """The text of line ``line_id`` ("o9-176", "p9-117") of the spent ninth
    unseen set, checking its label is ``urgent``."""
    return spent_line(line_id, urgent)


def _rules_say_urgent(text: str) -> bool:
    return by_rules(normalise(text)).urgent


# The set's own lines.
@pytest.mark.parametrize(
    ("line_id", "reason"),
    [("o9-176", "danger.flood_car"), ("p9-117", "danger.other_language.bn")],
)
def test_the_ninth_sets_misses_are_urgent_by_a_rule(line_id: str, reason: str) -> None:
    said = assess(_ninth_set(line_id, urgent=True))
    assert said.urgent and said.reason == reason, (line_id, said)


@pytest.mark.parametrize(
    ("line_id", "guard"),
    [
        ("o9-002", "idiom"),
        ("o9-006", None),
        ("o9-032", "outcome"),  # round 15: "found her ..." is the outcome now
        ("o9-082", "mishap"),  # round 12: the family mishap's own guard
        ("p9-010", "past"),
        ("p9-029", None),
        ("p9-044", "joke"),
        ("p9-167", "not_real"),
    ],
)
def test_the_ninth_sets_rule_false_alarms_are_stopped(line_id: str, guard: str | None) -> None:
    """No rule fires any more (None: no rule matches at all; else the guard
    that stops it). o9-082 was still raised by the model, which is sure of it
    (0.97), until round 12 gave the family mishap its own guard, ``mishap``,
    which the model never overrules (test_triage_round12_rules)."""
    said = by_rules(normalise(_ninth_set(line_id, urgent=False)))
    assert not said.urgent, (line_id, said)
    if guard is None:
        assert said.reason == "none", (line_id, said)
    else:
        assert said.reason.startswith(f"none:{guard}:"), (line_id, said)


@pytest.mark.parametrize(
    "line_id", ["o9-002", "o9-006", "o9-032", "p9-010", "p9-029", "p9-044", "p9-167"]
)
def test_the_ninth_sets_rule_false_alarms_are_not_urgent(line_id: str) -> None:
    assert not assess(_ninth_set(line_id, urgent=False)).urgent, line_id


# 1. A car caught in flood water with people in it.
@pytest.mark.parametrize(
    "text",
    [
        "tried the ford at Brigg Lane, car's cut out halfway, water coming in through the doors, "
        "my mum's in the passenger seat",
        "car stuck in flood water water coming in me and baby inside help",
        "Van's stuck in the ford, water up to the windows, my dad cant get out",
        "theres a car stuck in the flood under the railway bridge with a woman still in it, water "
        "nearly at the windows",
        "Good evening. I am in my car in the flood water at the underpass on Mill Road and the "
        "water is rising, I cannot open the door.",
        "the water's come up to the doors of our car now and it's still rising, me and my husband "
        "are inside",
    ],
)
def test_a_car_caught_in_flood_water_with_people_in_it_is_urgent_by_a_rule(text: str) -> None:
    said = assess(text)
    assert said.urgent and said.reason == "danger.flood_car", (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "the river's burst its banks and our car is floating, we're still inside, please send "
        "someone",
        "My husband and I are in our car in flood water near the bridge. The engine has stopped "
        "and the water is now above the wheels and rising.",
        "Please help, my car is in the water on the road, it stopped, water come inside, my "
        "children inside with me",
        "stuck in the flooded underpass on the A61 in my car, water rising fast cant open the door",
    ],
)
def test_other_wordings_of_a_car_in_flood_water_are_urgent(text: str) -> None:
    assert assess(text).urgent, text


@pytest.mark.parametrize(
    "text",
    [
        "Drove through a big puddle at the underpass last week and my car stalled, is the council "
        "liable for the repair?",
        "Is it legal to drive through the ford on Mill Lane when it's flooded? There's a depth "
        "gauge but no sign",
        "The road by the river floods every winter, my car got stuck there last year, can you put "
        "signs up",
        "Someone abandoned a car in the flood water on Station Road, it's been there two days, "
        "nobody in it",
    ],
)
def test_a_flooded_road_asked_about_is_not_urgent(text: str) -> None:
    assert not assess(text).urgent, text


# 2. A child not back from school, put in a car, in every language triaged.
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("আমার মেয়ে স্কুল থেকে এখনো ফেরেনি, তিন ঘণ্টা হয়ে গেছে", "bn"),
        ("একটা লোক আমার ভাইকে গাড়িতে তুলে নিয়ে গেছে", "bn"),
        ("میرا بیٹا اسکول سے واپس نہیں آیا، ایک آدمی نے اسے گاڑی میں بٹھا لیا", "ur"),
        ("mera beta school se wapas nahi aaya, ek aadmi ne usko gaadi mein bitha liya", "ur"),
        ("Mój syn nie wrócił ze szkoły, mężczyzna wsadził go do samochodu", "pl"),
        ("Fiul meu nu s-a întors de la școală, un bărbat l-a băgat în mașină", "ro"),
        ("Wiilkayga iskuulka kama soo laaban, nin baa gaari ku qaaday", "so"),
        ("Oğlum okuldan eve gelmedi, bir adam onu arabaya bindirdi diyorlar", "tr"),
        ("ابني ما رجع من المدرسة، قالوا رجل اخذه في سيارة", "ar"),
        ("Mi hijo no ha vuelto del colegio, dicen que un hombre lo metió en un coche", "es"),
        ("Meu filho não voltou da escola, um homem meteu-o num carro", "pt"),
        ("Mon fils n'est pas rentré de l'école, un homme l'a fait monter dans une voiture", "fr"),
        ("Mio figlio non è tornato da scuola, un uomo l'ha fatto salire in macchina", "it"),
        (
            "Mein Sohn ist nicht von der Schule nach Hause gekommen, ein Mann hat ihn ins Auto "
            "gezerrt",
            "de",
        ),
        ("Mano sūnus negrįžo iš mokyklos, vyras įsodino jį į automobilį", "lt"),
        ("मेरा बेटा स्कूल से वापस नहीं आया, एक आदमी ने उसे गाड़ी में बिठा लिया", "hi"),
        ("我儿子放学没回家，有人看见一个男人把他拉上车", "zh"),
        ("Dyw fy mab ddim wedi dod adref o'r ysgol, mae dyn wedi'i roi mewn car", "cy"),
        ("મારો દીકરો સ્કૂલેથી પાછો નથી આવ્યો, એક માણસે તેને ગાડીમાં બેસાડી દીધો", "gu"),
        ("پسرم از مدرسه برنگشته، یک مرد سوارش کرد", "fa"),
        ("ਮੇਰਾ ਪੁੱਤਰ ਸਕੂਲ ਤੋਂ ਵਾਪਸ ਨਹੀਂ ਆਇਆ", "pa"),
        ("Môj syn sa nevrátil zo školy, muž ho posadil do auta", "sk"),
        ("என் மகன் பள்ளியிலிருந்து வரவில்லை", "ta"),
    ],
)
def test_a_child_not_back_from_school_or_put_in_a_car_is_urgent_in_other_languages(
    text: str, language: str
) -> None:
    said = assess(text)
    assert said.urgent and said.reason == f"danger.other_language.{language}", (text, said)


@pytest.mark.parametrize(
    "text",
    [
        # last year, said in the language: the phrase is stopped
        "আমার ছেলে গত বছর একবার স্কুল থেকে ফেরেনি সময়মতো, বন্ধুর বাসায় ছিল।",
        # a bike taken to a car is not a child
        "Jak zgłosić, że sąsiad zabrał mój rower do samochodu bez pytania",
    ],
)
def test_no_school_or_car_phrase_fires_on_an_ordinary_message(text: str) -> None:
    assert not by_rules(normalise(text)).urgent, text


# 3a. A toddler gone from the garden with the gate open.
@pytest.mark.parametrize(
    "text",
    [
        "my 3 year old was in the garden a second ago and shes not there now, the gate is open",
        "I only turned my back for a second and my daughter, she is four, is not in the garden "
        "anymore. The gate is open.",
        "My little boy was playing in the back garden two minutes ago and now he's gone, the side "
        "gate is open",
        "4yo missing from garden gate open pls help",
    ],
)
def test_a_toddler_gone_from_the_garden_with_the_gate_open_is_urgent_by_a_rule(text: str) -> None:
    said = by_rules(normalise(text))
    assert said.urgent and said.concern is Concern.DANGER, (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "Our garden gate keeps getting left open by the bin men, my toddler could get out one "
        "day, who do I complain to",
        "My 3 year old was in the garden and found a needle by the fence, how do I get it removed "
        "safely",
        "the gate was open and the dog got out of the garden, found him at the park",
    ],
)
def test_a_garden_gate_asked_about_is_not_urgent(text: str) -> None:
    assert not assess(text).urgent, text


# 3b. A partner strangling the writer, even told as a habit.
@pytest.mark.parametrize(
    "text",
    [
        "my husband is trying to kill me every night he chokes me",
        "He strangles me when he's drunk, most weekends, I'm scared he'll go too far",
        "my boyfriend keeps choking me till I nearly pass out, it happens all the time",
        "My husband has been strangling me for months. He does it when the children are asleep.",
        "bf always grabs me by the throat when he's angry he's trying to kill me I think",
        "my wife tries to kill me she chokes me in my sleep, no one believes a man",
    ],
)
def test_a_partner_strangling_the_writer_as_a_habit_is_urgent_by_a_rule(text: str) -> None:
    said = by_rules(normalise(text))
    assert said.urgent and said.reason == "danger.partner_strangling", (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "my partner is trying to kill me with these early morning runs every day lol",
        "he chokes on his food every night, should we see a doctor",
    ],
)
def test_a_partner_trying_to_kill_me_with_a_habit_of_theirs_is_not_urgent(text: str) -> None:
    assert not assess(text).urgent, text


# The false alarms, by family, and their look-alikes.
@pytest.mark.parametrize(
    "text",
    [
        "Rovers are going to kill me this season, anyway do I need a ticket for the park and ride",
        "Can I have my shotgun in the boot on the way to the clay shoot, in a slip?",
        "lost my daughter at the fair for 5 mins, security found her by the dodgems, how do "
        "other parents cope",
        "toddler went missing in Asda for two minutes, found him in the toy aisle, heart attack "
        "lol",
        "I'll kill our kid when he gets home, he's took my charger again",
        "bloke passed out in the queue at the post office, staff sorted him and he was fine after "
        "a sit down",
        "school did an intruder drill today, the kids had to hide under desks, is this normal",
        "my daughter screamed i'm gonna kill myself when I turned the wifi off, she was laughing "
        "five minutes later, teens eh",
        "my husband watches The Bill reruns, 'officer down, shots fired', why do they shout it "
        "like that",
    ],
)
def test_other_wordings_of_the_false_alarms_are_not_urgent(text: str) -> None:
    assert not assess(text).urgent, text


@pytest.mark.parametrize(
    "text",
    [
        "Leeds fans are killing a lad outside the pub right now, kicking his head in",
        "they've put a girl in the boot of a car and driven off, white BMW",
        "my daughter went missing at the regatta half an hour ago, we still haven't found her",
        "he says he'll kill our kid, he's got him by the throat in the kitchen",
        "someone's fainted on the train and isn't waking up, staff haven't come",
        "there's an intruder in my daughter's school right now, they're in lockdown, she texted me",
        "my son said he's going to kill himself when I took his phone away and he's locked "
        "himself in the bathroom",
        "shots fired outside the pub, someone is on the floor",
    ],
)
def test_the_look_alike_emergencies_stay_urgent(text: str) -> None:
    assert assess(text).urgent, text


# What the resident and the officers see.
async def test_a_resident_in_a_car_in_rising_flood_water_gets_999_guidance(h: CoreHarness) -> None:
    replies = await h.resident_says(RESIDENT, _ninth_set("o9-176", urgent=True))
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


async def test_a_resident_whose_husband_chokes_her_every_night_gets_999_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT, "my husband is trying to kill me every night he chokes me"
    )
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


async def test_a_resident_asking_about_line_of_duty_gets_no_999_guidance(h: CoreHarness) -> None:
    replies = await h.resident_says(
        RESIDENT, "Bromley Police Online Forum " + _ninth_set("p9-167", urgent=False)
    )
    assert all("call 999 now" not in reply for reply in replies)
    assert not any(text.startswith("URGENT") for text in h.texts_to(STAFF_CHAT))
