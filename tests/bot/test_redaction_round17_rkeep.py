"""Round 17 (issue 15): the public place closing a job's or an age's
description stays (bot/safeguarding/redaction/public_tails.py). The detail
that singles the person out goes ("the night warden at Heronsgate care
home"); the town, the seafront or the street around it stays ("in
Whitby"). Wordings written for this round in several voices (formal,
text-speak, elderly, third person), not copied from the sets; look-alikes
where the town is what says which branch or practice, and so goes."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# (text, what must go, the public place that must stay)
KEPT = [
    (
        "Hi, I am the night warden at Heronsgate care home in Whitby and a visitor keeps "
        "shouting at me. What can I do?",
        "Heronsgate",
        "in Whitby",
    ),
    (
        "im the only night porter at the Quayside Hotel on the seafront and a bloke keeps "
        "threatening me after closing",
        "Quayside Hotel",
        "on the seafront",
    ),
    (
        "My nan is 93 and the last one living on Mill Row at Kettlewell, someone keeps "
        "phoning her pretending to be the bank.",
        "93",
        "at Kettlewell",
    ),
    (
        "Good evening. I am the practice manager at Fellgate Surgery in Ulverston and a "
        "patient has made threats to our staff.",
        "Fellgate Surgery",
        "in Ulverston",
    ),
    (
        "Our Ewa is the only Polish nurse on Ward 12 at Furness General Hospital and a "
        "patient keeps following her.",
        "Ward 12",
        "at Furness General Hospital",
    ),
    (
        "I am a retired postmistress, 81 years of age, living on Cherry Lane. Someone took "
        "my bins.",
        "81",
        "living on Cherry Lane",
    ),
    (
        "im the caretaker at Ravensworth Community Centre in Gateshead and someone keeps "
        "setting fires by the bins",
        "Ravensworth",
        "in Gateshead",
    ),
]


@pytest.mark.parametrize(("text", "gone", "kept"), KEPT)
def test_the_public_place_after_a_description_stays(text: str, gone: str, kept: str) -> None:
    suggested = suggest_publishable(text)
    assert gone not in suggested
    assert kept in suggested


# The town or street says which branch, which practice, which pub: it goes
# with the description.
GONE = [
    (
        "Hello, I am the only pharmacist at the Boots in Skegness and a man keeps coming in "
        "shouting at me.",
        "Skegness",
    ),
    (
        "I am the vet at the only practice in Tobermory and someone has been following me home.",
        "Tobermory",
    ),
    (
        "I am the landlady of the Bell at Ilchester and a man keeps coming in after being barred.",
        "Ilchester",
    ),
    (
        "I'm the only security guard at the Aldi on Brunswick Road and a lad keeps "
        "squaring up to me.",
        "Brunswick Road",
    ),
]


@pytest.mark.parametrize(("text", "gone"), GONE)
def test_a_place_that_says_which_one_goes_with_the_description(text: str, gone: str) -> None:
    assert gone not in suggest_publishable(text)


# (text, the pet's name that stays, the person's name that goes)
PETS = [
    (
        "Our neighbour's dog, a big soppy cross called Bramble, was let out by someone. "
        "The lad who did it is Kieran Moss.",
        "Bramble",
        "Kieran Moss",
    ),
    (
        "Ginger tom called Pickles, chipped, went missing Tuesday. Please ring Sandra.",
        "Pickles",
        "Sandra",
    ),
]


@pytest.mark.parametrize(("text", "pet", "person"), PETS)
def test_a_pets_name_stays_and_the_persons_goes(text: str, pet: str, person: str) -> None:
    suggested = suggest_publishable(text)
    assert pet in suggested
    assert person not in suggested


# A person named after an animal is mentioned: the name still goes.
PEOPLE_NEAR_PETS = [
    ("My dog was chased round the park by a lad called Dean and his mates.", "Dean"),
    ("Our cat went missing. The man next door, called Trevor, says he saw nothing.", "Trevor"),
]


@pytest.mark.parametrize(("text", "name"), PEOPLE_NEAR_PETS)
def test_a_person_called_something_near_a_pet_still_goes(text: str, name: str) -> None:
    assert name not in suggest_publishable(text)
