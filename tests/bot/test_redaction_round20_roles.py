"""Issue 15, round 20 (roles): posts, ages and written marks that single one
person out, read by their class (docs/redaction-figures.md, "Round 20:
sole posts, ages with what singles someone out, engravings";
bot/safeguarding/redaction/singled_out.py and circumstances.py):

- a post one person holds, said with a verb and no article, at a named
  place ("is head of science at ...", "I am owner of ... takeaway", "I
  manage the ... on ... Road"): the post and its place go;
- an age with what narrows it: kin beyond the parents ("my girlfriend's
  nineteen and pregnant"), the non-native "have 15 years", "the only
  <adjective> girl", "a mum of five", "living above the shop", and an old
  age after its circumstance ("alone here at 84");
- the words engraved on a thing, after an engraving cue.

The wordings are new, not copied from the data files. The calm side is
what must stay: a common post with "a", a queue's head, a public body's
chair, a plain age, a count, a house number after "at", coaching at a
named club (a label conflict, docs/decisions.md round 19)."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

GONE = [
    # (message, what must not survive, what the officer sees)
    (
        "My wife is head of geography at Brockhurst Academy and someone keyed her car.",
        "geography",
        "My wife is [job] and someone keyed her car.",
    ),
    (
        "I'm deputy head at Ravensmoor School and a parent keeps filming me.",
        "Ravensmoor",
        "I'm [job] and a parent keeps filming me.",
    ),
    (
        "Hello. I am owner of Silver Lotus takeaway. Men come every Friday and not pay.",
        "Silver Lotus",
        "Hello. I am [job]. Men come every Friday and not pay.",
    ),
    (
        "My dad has been landlord of the Plough Inn for years and lads keep smashing glasses.",
        "Plough",
        "My dad has been [job] for years and lads keep smashing glasses.",
    ),
    # the street after a named shop stays (round 17): only the post and shop go
    (
        "Hello, I am owner of Bright Star takeaway on Tenter Street. Men eat and not pay.",
        "Bright Star",
        "Hello, I am [job] on Tenter Street.",
    ),
    (
        "I am the manager of Mei's Nails on Carver Street and two men want money.",
        "Mei's Nails",
        "I am [job] on Carver Street and two men want money.",
    ),
    (
        "We reported it and got 07/118274/25 as a reference, how do we chase it?",
        "118274",
        "got [ID number] as a reference",
    ),
    (
        "I'm the only night porter at the Grand on weekends and a guest threatened me.",
        "night porter",
        "I'm [job] and a guest threatened me.",
    ),
    (
        "My boyfriend's twenty and deaf and a gang keep mocking him at the bus stop.",
        "twenty",
        "at the bus stop",
    ),
    (
        "my son have 11 years and is the only Polish boy in the class, they call him names",
        "11 years",
        "they call him names",
    ),
    (
        "My nephew is 15 and the only deaf lad at his youth club.",
        "15",
        "[age].",
    ),
    (
        "She's 29, a mother of three living above the launderette, and he won't leave her be.",
        "launderette",
        "and he won't leave her be.",
    ),
    (
        "I live on my own now at 88 and a man came to the door about my gutters.",
        "88",
        "I live on my own now at [age] and a man came to the door",
    ),
    (
        "Stolen: a silver locket engraved 'Always, Mum x 2011' on the back.",
        "Always, Mum",
        "Stolen: a silver locket engraved [ID number] on the back.",
    ),
    (
        "Lost my signet ring, initials inside: R.T.K. 3.4.88. Please ring if found.",
        "R.T.K.",
        "initials inside: [ID number]. Please ring if found.",
    ),
]

STAYS = [
    # a common post with "a" stays; so does coaching at a named club
    "My sister is a teacher at Brockhurst Academy and loves it.",
    "I coach the under 9s at Lindfield Rovers and a dad shouted at the ref.",
    # a queue's head, a plain age, counts
    "I was head of the queue at the post office when it kicked off.",
    "I'm 45 and I've never had to contact the police before.",
    "She has 3 kids and a dog and the neighbours complain about the dog.",
    # a time after "at" is no age
    "We left at 6 and the house was alone for an hour.",
    "We got there at 9 and the only person in was the cleaner.",
    "He was the only one in the shop at the time.",
    "The only one who answered was a PCSO at the front desk.",
    # a date keeps its slashes; only a police number's shape goes
    "It happened on 01/08/2024 and again on 3/11/2024.",
    # engraving with nothing engraved given
    "My bike has a frame number engraved but I can't read it.",
]


@pytest.mark.parametrize(("message", "gone", "seen"), GONE)
def test_what_singles_someone_out_goes(message: str, gone: str, seen: str) -> None:
    suggested = suggest_publishable(message)
    assert gone not in suggested
    assert seen in suggested


@pytest.mark.parametrize("message", STAYS)
def test_what_identifies_nobody_stays(message: str) -> None:
    assert suggest_publishable(message) == message
