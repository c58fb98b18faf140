"""Issue 15, triage round 9 (very short): the eighth unseen set's four
remaining misses (docs/triage-figures.md, "Round 9 (very short)"), by concept
family: the set's own lines (read from the spent files by id), wordings
written for these tests, and look-alikes the new rules must leave alone.

1. a threat on its way now ("hes on his way with his cousin to sort me out,
   hes 5 mins away");
2. a vulnerable person on a motorway's hard shoulder, misspelt ("elderley
   lady in a nightie walking on the hard sholder of the M1");
3. someone calling from behind a locked door, in formal English ("I believe I
   heard a faint voice calling from within, but the door is locked and I
   cannot gain entry");
4. Arabic: a man beating his wife or the writer's mother now ("جاري يضرب
   زوجته الآن")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.safeguarding.triage import Concern, assess
from bot.safeguarding.triage.engine import by_rules
from bot.safeguarding.triage.normalise import normalise
from tests.support.core_harness import STAFF_CHAT, CoreHarness

RESIDENT = "5550009"
_CORPUS = Path(__file__).resolve().parent.parent / "data" / "triage"


def _eighth_set(line_id: str) -> str:
    """The text of urgent line ``line_id`` ("m-063", "n-130") of the spent
    eighth unseen set (tests/data/triage/unseen_2026_11_30_m.jsonl and _n)."""
    part = line_id.split("-")[0]
    path = _CORPUS / f"unseen_2026_11_30_{part}.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == line_id:
            assert row["urgent"] is True, line_id
            return str(row["text"])
    raise AssertionError(f"{line_id} not in {path.name}")


@pytest.mark.parametrize(
    ("line_id", "reason"),
    [
        ("m-063", "danger.threat_on_its_way"),
        ("n-076", "danger.on_a_fast_road"),
        ("n-130", "danger.calling_behind_a_locked_door"),
        ("n-049", "danger.other_language.ar"),
    ],
)
def test_the_eighth_sets_remaining_misses_are_urgent(line_id: str, reason: str) -> None:
    said = assess(_eighth_set(line_id))
    assert said.urgent and said.concern is Concern.DANGER and said.reason == reason, (
        line_id,
        said,
    )


# 1. A threat on its way.
@pytest.mark.parametrize(
    "text",
    [
        "my ex just texted hes on his way over to do me in, hes 10 mins away",
        "they're coming round to batter us, my brother says they're a few minutes away",
        "he said he is on his way with his mates to sort me out, im home alone",
        "her brothers are heading over to jump me, they just rang",
    ],
)
def test_a_threat_on_its_way_is_urgent_by_rules(text: str) -> None:
    said = by_rules(normalise(text))
    assert said.urgent and said.concern is Concern.DANGER, (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "my dad is on his way to get me from the station",
        "my sister is coming round to sort me out with the forms",
        "the plumber is on his way to sort out the boiler, 5 mins away",
        "he said last year he was coming round to sort me out but nothing happened",
    ],
)
def test_a_lift_a_helper_or_a_past_threat_is_not_a_threat_on_its_way(text: str) -> None:
    said = by_rules(normalise(text))
    assert said.reason != "danger.threat_on_its_way" and not (
        said.urgent and said.concern is Concern.DANGER
    ), (text, said)


# 2. Someone on a motorway, misspelt.
@pytest.mark.parametrize(
    "text",
    [
        "an old man in his pyjamas wandering on the hard shoulder of the M6 right now",
        "elderly gent in a dressing gown walking down the slip road onto the motorway",
        "eldery woman walking in the inside lane of the M62, cars swerving round her",
        "a lady in a nightie on the hard sholder by the services, looks confused",
    ],
)
def test_someone_on_a_motorway_is_urgent_by_rules(text: str) -> None:
    said = by_rules(normalise(text))
    assert said.urgent and said.reason == "danger.on_a_fast_road", (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "I saw a broken down car on the hard shoulder of the M1, is that ok to report here?",
        "a lady walked along the hard shoulder to the emergency phone after her car broke down "
        "last week",
        "why do they shut the hard shoulder of the M1 for roadworks every weekend?",
    ],
)
def test_a_car_or_a_past_walk_on_the_hard_shoulder_is_not_urgent(text: str) -> None:
    said = by_rules(normalise(text))
    assert not said.urgent, (text, said)


# 3. A voice behind a locked door.
@pytest.mark.parametrize(
    "text",
    [
        "Dear Sir, I believe I heard someone calling out from inside the flat; the door is locked "
        "and I am unable to gain entry. She is eighty.",
        "her voice calling from inside, the door is locked, I cannot get in, she's 87",
        "the door is locked and I can't get in but I can hear him groaning inside",
    ],
)
def test_a_voice_behind_a_locked_door_is_urgent_by_rules(text: str) -> None:
    said = by_rules(normalise(text))
    assert said.urgent and said.concern is Concern.DANGER, (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "my dog was barking inside, the door is locked, should I worry?",
        "the shop door was locked so I couldn't get in, can you tell me its opening hours?",
    ],
)
def test_a_pet_or_a_shop_behind_a_locked_door_is_not_a_voice_calling(text: str) -> None:
    said = by_rules(normalise(text))
    assert said.reason != "danger.calling_behind_a_locked_door", (text, said)


# 4. Arabic: beating his wife or my mother now.
@pytest.mark.parametrize(
    "text",
    [
        "جاري يضرب زوجته الآن وأسمع صراخها",
        "أبي يضرب أمي الآن ساعدونا",
        "الجار يضرب مرته والأولاد يبكون",
    ],
)
def test_beating_his_wife_or_my_mother_in_arabic_is_urgent(text: str) -> None:
    said = assess(text)
    assert said.urgent and said.reason == "danger.other_language.ar", (text, said)


async def test_a_resident_whose_ex_is_on_his_way_gets_999_guidance(h: CoreHarness) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "ngl this is scary lol my ex keeps ringing saying hes on his way with his cousin to sort "
        "me out, hes 5 mins away",
    )
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


async def test_a_formal_letter_about_a_voice_behind_a_locked_door_gets_999_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        RESIDENT,
        "Dear Sir or Madam, my neighbour is ninety-one and her milk has been on the step since "
        "Tuesday. I believe I heard a faint voice calling from within, but the door is locked "
        "and I cannot gain entry. I would be grateful for your advice.",
    )
    assert "call 999 now" in replies[0]
    assert h.texts_to(STAFF_CHAT)[0].startswith("URGENT")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("tata bije mamę teraz, pomocy", "pl"),
        ("vecinul își bate soția acum, țipă", "ro"),
        ("o meu pai está a bater na minha mãe agora", "pt"),
        ("mae'r cymydog yn curo ei wraig nawr", "cy"),
        ("el vecino está pegando a su mujer ahora", "es"),
        ("le voisin frappe sa femme maintenant", "fr"),
        ("der Nachbar schlägt gerade seine Frau", "de"),
        ("komşu karısını dövüyor şu an", "tr"),
        ("kaimynas muša žmoną dabar", "lt"),
        ("il vicino sta picchiando la moglie adesso", "it"),
    ],
)
def test_beating_his_wife_or_my_mother_now_in_other_languages_is_urgent(
    text: str, language: str
) -> None:
    said = assess(text)
    assert said.urgent and said.reason == f"danger.other_language.{language}", (text, said)


def test_the_german_present_without_a_word_for_now_is_no_phrase() -> None:
    said = assess("mein Vater schlägt meine Mutter, was tun?")
    assert not said.reason.startswith("danger.other_language"), said
