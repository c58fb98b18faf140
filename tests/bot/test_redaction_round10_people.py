"""Issue 15, redaction round 10: people and keep words. The eighth unseen set
(tests/data/personal_details/unseen_2026_11_30_n.jsonl and _o.jsonl, spent)
showed ages, the writer's own jobs and names in odd forms left showing, and
places, streets, forces and pets taken for people. Each family is tested by
the set's own lines and by new wordings in other voices, with what must
still go or stay. What an officer sees is the suggested publishable text.
See docs/privacy.md ("Round 10: people and keep words")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# Keep words: places, streets, forces, events, teams and pets, whole.
KEPT_WHOLE = [
    # pn-003
    "I coach the under-10s at Kingstanding Albion, we train behind Kingstanding Circle.",
    # pn-042
    "saw loads of police cars at Tesco Extra on Ashton old rd earlier, any1 no wot happend",
    # pn-134
    "on bricks this morning on Weston Coyney road. i want to know",
    # pn-131
    "dog stolen. staffy called Bruno. ring the station in Rhyl",
    # po-052
    "Is the Barras market on this weekend and will there be police around the Gallowgate?",
    # po-083
    "Is the Ould Lammas Fair going ahead in Ballycastle?",
    # po-076
    "Sheep rustled from my land at Drumquin road, 14 head, nobody has rung.",
    # po-109
    "its by the Forge shopping centre, the wee staffie.",
    # po-130
    "do I report it there or to Avon and Somerset afterwards?",
    # new wordings
    "the lads racing up and down Pelsall old road every night",
    "there's glass all over Fenwick Street again",
    "is it Thames Valley or West Mercia I ring about the lorry",
    "my son plays for Chasetown Rovers and the car park is a state",
    "our cat's called Luna and she was shot with an air rifle",
    "a springer spaniel named Archie went missing off the beach",
    "will there be officers at the Whitby Regatta this year",
    "the Kelso Festival was mobbed, is there a lost property",
    "cars parked on the pavement by the Mercat shopping centre",
    "bins set alight on Heathfield lane last night",
]

# A district right after an address stays; the address goes.
DISTRICTS = [
    # pn-054
    (
        "he lives at number fourty two Victoria Place Fenton. what should we do",
        "he lives at [address] Fenton. what should we do",
    ),
    # new wordings
    (
        "she's at 14 Bridge Street Longton, nobody checks on her",
        "she's at [address] Longton, nobody checks on her",
    ),
    ("we live at 3 Mill Lane, Tunstall.", "we live at [address], Tunstall."),
]

# What must still go: a person before a verb, a signature after an address,
# a person next to a team.
STILL_GOES = [
    (
        "My uncle Abdirahman Warsame drive the taxi in Dorchester",
        "My uncle [name] drive the taxi in Dorchester",
    ),
    ("write to me at 12 Elm Road. Thanks, Dave", "write to me at [address]. Thanks, [name]"),
    ("it was Jordan Pickering who shouted at the ref", "it was [name] who shouted at the ref"),
    ("I was walking the dog, Sarah Pickering came over", "I was walking the dog, [name] came over"),
    ("I have small shop, name is Grangetown Mini Market", "I have small shop, name is [name]"),
]


@pytest.mark.parametrize("text", KEPT_WHOLE)
def test_places_streets_forces_events_teams_and_pets_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), DISTRICTS + STILL_GOES)
def test_districts_stay_and_people_beside_them_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


# Ages with what singles the person out: a condition, being alone, what they
# are, a record, an injury.
AGES = [
    # pn-110
    ("WHO is grooming him. Hes 13 and has ADHD. Tell me", "WHO is grooming him. [age]. Tell me"),
    # pn-109
    (
        "Shop is on Deane Road. I am 62 years old and I have heart problem, very stress.",
        "Shop is on Deane Road. [age], very stress.",
    ),
    # po-022
    (
        "I live in Bath, aged 88, and I have no family nearby. The caller",
        "I live in Bath, [age]. The caller",
    ),
    # po-158
    (
        "My husband got his nose broken, he's 64 and has a heart condition.",
        "My husband got his nose broken, [age].",
    ),
    # pn-152
    (
        "I am 79 years old and a blue badge holder, so I cannot easily attend the station.",
        "[age], so I cannot easily attend the station.",
    ),
    # pn-082
    (
        "We don't know which station. He is 19 and a student at Aston University. My",
        "We don't know which station. [age]. My",
    ),
    # po-155
    (
        "I am an 87-year-old Second World War evacuee and I live alone.",
        "[age] and I live alone.",
    ),
    # pn-158
    (
        "yous had my son in the cells. Hes 17, no record. Hes got his resit",
        "yous had my son in the cells. [age]. Hes got his resit",
    ),
    # pn-052
    ("My son is 11 and broke his arm. Ring me", "My son is [age]. Ring me"),
    # new wordings
    ("my daughter is 15 and has autism, she was followed home", "[age], she was followed home"),
    (
        "Im 71, no family round here, and the lads keep knocking",
        "[age], and the lads keep knocking",
    ),
    (
        "She's 9 and has epilepsy so the noise at night is a problem",
        "[age] so the noise at night is a problem",
    ),
    ("my lad is 16 and an apprentice at the Vauxhall plant", "my lad is [age]"),
    ("I'm 23 and a student at Bangor uni", "[age]"),
    ("he is 42 and has a criminal record, is that relevant", "[age], is that relevant"),
    ("a 93-year-old widower living alone", "[age]"),
]

# Ages with nothing that singles anyone out stay.
AGES_STAY = [
    "he's 14 and they won't say why",
    "I am 30 and I have a question about parking",
    "she's 12 and loves her bike",
    "a 40-year-old man in a grey hoodie",
    "the car is 10 years old and broken",
    "I'm 45 and my heart sank when I saw it",
]


@pytest.mark.parametrize(("text", "expected"), AGES)
def test_an_age_with_what_singles_the_person_out_goes(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", AGES_STAY)
def test_an_age_alone_stays(text: str) -> None:
    assert suggest_publishable(text) == text
