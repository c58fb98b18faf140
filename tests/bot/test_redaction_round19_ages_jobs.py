"""Issue 15, round 19 (tuning on spent sets): two classes of description
that single one person out, read as classes
(docs/redaction-figures.md, "Round 19: ages beside a circumstance, a person
at their workplace"; bot/safeguarding/redaction/circumstances.py):

- an age stated next to what narrows it to one home, in any order and in
  text-speak or non-native English ("86 and a widow, living by myself",
  "52 years, he have diabetes", "(91, registered blind)", the Welsh "83
  oed ac yn byw ar fy mhen fy hun"): the age and its circumstance go;
- a person named by their job at a small workplace ("the night guy at the
  kebab house on london rd", "the lad who helps with lambing", "a teacher
  at the primary"): the role and the workplace go together.

The wordings are new, not copied from the data files. What an officer sees
is the suggested text; the calm side is what must stay (an age that
identifies nobody, a count, a bus, staff in the plural, a big public
place)."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

AGES_GONE = [
    # (message, what must not survive, what must)
    (
        "I'm 84 and a widower, living on my own since the spring. Lads keep knocking.",
        "widower",
        "Lads keep knocking",
    ),
    (
        "my nans 90 n shes on her own since grandad passed. sum1 rang her pretending to be a bank",
        "90",
        "pretending to be a bank",
    ),
    (
        "His name is Tariq Aziz, 67 years, he have Parkinson. He go out and not come back.",
        "67 years",
        "not come back",
    ),
    ("Margaret Shaw (88, housebound) asked me to write to you.", "88", "asked me to write"),
    (
        "our neighbour is very old, maybe 85, she live alone in the yellow house. No lights on.",
        "85",
        "No lights on",
    ),
    (
        "My father age 81 living by himself, somebody steal his wallet at the market.",
        "81",
        "somebody steal his wallet",
    ),
    (
        "Rwy'n ŵr gweddw 79 oed ac yn byw ar fy mhen fy hun ger y capel.",
        "79 oed",
        "Rwy'n",
    ),
    (
        "my grandads 93 and the last one left on the terrace, a van keeps parking outside.",
        "93",
        "a van keeps parking",
    ),
    (
        "My mum, 79 and living with Alzheimer's, went missing from the Co-op.",
        "Alzheimer's",
        "went missing from the Co-op",
    ),
    ("I am 72 year, somebody break my shed. Please help.", "72 year", "somebody break my shed"),
    (
        "He's 76 and gets confused about money and yesterday a man came for cash.",
        "gets confused",
        "yesterday a man came for cash",
    ),
    ("his names Huw, he'll be 90 in march. can someone check on him", "90 in march", "can someone"),
]

JOBS_GONE = [
    (
        "the late lad at the chip shop on Park Road keeps giving my daughter lifts",
        "chip shop on Park Road",
        "keeps giving my daughter lifts",
    ),
    (
        "its the girl from the Londis who does the early shift, she saw it all",
        "Londis who does the early shift",
        "she saw it all",
    ),
    (
        "the bloke who drives for the pizza place on Station Road parks on the pavement",
        "drives for the pizza place",
        "on Station Road parks on the pavement",
    ),
    (
        "the man who helps with the milking, Emyr, saw the quad go at dawn",
        "helps with the milking",
        "saw the quad go at dawn",
    ),
    (
        "I'm the paperboy for the whole of the Brookside estate and I saw the car",
        "paperboy for the whole of the Brookside estate",
        "I saw the car",
    ),
    (
        "she's a cook at the village school so people would know her",
        "cook at the village school",
        "people would know her",
    ),
    (
        "Sandra Reid, practice manager at the Hollybush Surgery, rang me about it",
        "practice manager at the Hollybush Surgery",
        "rang me about it",
    ),
    (
        "my son is a nurse on Ward 12 and a patient followed him home",
        "nurse on Ward 12",
        "a patient followed him home",
    ),
    (
        "I'm the vicar's secretary at the village school and a parent shouted at me",
        "secretary at the village school",
        "a parent shouted at me",
    ),
]

STAYS = [
    "Over 18s only at the youth club disco, kids aged 10-14 on Tuesdays.",
    "The 30 mph limit on Mill Road is ignored and the 86 bus nearly hit me.",
    "I'm 15 and my mate is 16, can we report it ourselves?",
    "It cost £86 and she lives alone now, so she was upset.",
    "nurses at the hospital were brilliant and staff at Tesco called us a taxi",
    "A PCSO came round and the man at the garage said he saw nothing.",
    "the lads from the chippy are always polite to my mum",
    "a teacher at the school told the kids off for climbing the fence",
    "Which bus goes from the Co-op to the station on a Sunday?",
    "the house is 90 years old and the only one with a thatched roof",
]


@pytest.mark.parametrize(("text", "gone", "kept"), AGES_GONE)
def test_an_age_beside_a_circumstance_is_gone_and_the_rest_stays(
    text: str, gone: str, kept: str
) -> None:
    suggested = suggest_publishable(text)
    assert gone not in suggested and "[age]" in suggested, suggested
    assert kept in suggested, suggested


@pytest.mark.parametrize(("text", "gone", "kept"), JOBS_GONE)
def test_a_person_at_their_workplace_is_gone_and_the_rest_stays(
    text: str, gone: str, kept: str
) -> None:
    suggested = suggest_publishable(text)
    assert gone not in suggested, suggested
    assert kept in suggested, suggested


@pytest.mark.parametrize("text", STAYS)
def test_ages_and_jobs_that_single_out_nobody_stay(text: str) -> None:
    assert suggest_publishable(text) == text
