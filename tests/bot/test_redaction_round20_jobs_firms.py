"""Issue 15, round 20 (tuning on the spent seventeenth set): two classes
that single one person out, read as classes
(docs/redaction-figures.md, "Round 20: a post at a named workplace, firms
named after people"; bot/safeguarding/redaction/circumstances.py and
business_reader.py):

- one person's post at a named, often large, workplace: a common post
  narrowed by its specialism or its ward ("a theatre nurse at the Royal
  Derby"), a post of a named body ("session clerk of Airdrie Old Parish
  Church", "a warden for the harbour trust"), a post under one post holder
  ("the harbour master's assistant"), a town's one station ("a fireman at
  the Lerwick station"), a shift's one post with its street, what the
  writer alone runs or teaches at a named hall or club;
- a firm named after people: a surname and its family ("Kershaw & Sons
  Haulage"), two surnames joined by "&", a trade name "by" a given name,
  a firm and its director, a person "of" their firm, initials with a trade
  and a town.

The wordings are new, not copied from the data files. The calm side is
what must stay: a bare "a nurse at the Whittington", coaching a team at a
club or helping run a food bank, the harbour master named by post alone,
chains and cities named by two words.
"""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

POSTS_GONE = [
    # (message, what must not survive, what must)
    (
        "I'm a scrub nurse at the Queen Alexandra and my car keeps getting keyed.",
        "Queen Alexandra",
        "my car keeps getting keyed",
    ),
    (
        "My son is a staff nurse at Pinderfields on the stroke unit, and a patient's family"
        " threatened him.",
        "stroke unit",
        "threatened him",
    ),
    (
        "She's a doctor at the Royal Gwent on Ward 4 and someone followed her to the car park.",
        "Royal Gwent",
        "followed her to the car park",
    ),
    (
        "I'm a neonatal nurse at the Jessop Wing, so I'm often walking home at 3am.",
        "Jessop Wing",
        "walking home at 3am",
    ),
    (
        "Writing as treasurer of Bramhall Cricket Club, our nets were slashed overnight.",
        "Bramhall Cricket Club",
        "our nets were slashed",
    ),
    (
        "I'm the volunteer ranger for the Wyre Forest Trust and there are trail bikes again.",
        "Wyre Forest Trust",
        "trail bikes again",
    ),
    (
        "He is an elder of Kilbarchan West Kirk and someone has been taking the lead off the roof.",
        "Kilbarchan West Kirk",
        "taking the lead off the roof",
    ),
    (
        "My wife is the vicar's warden and she found the vestry door forced.",
        "vicar's warden",
        "vestry door forced",
    ),
    (
        "Her dad's the headmaster's chauffeur, so everyone knows the car.",
        "headmaster's chauffeur",
        "everyone knows the car",
    ),
    (
        "my brother is a retained firefighter at the Brora fire station and someone slashed"
        " his tyres",
        "Brora",
        "slashed his tyres",
    ),
    (
        "I'm a crewman with the Aberdovey lifeboat and kids keep climbing on the slipway.",
        "Aberdovey",
        "climbing on the slipway",
    ),
    (
        "I work as the night porter at the Malmaison on Collingwood Street and a man keeps"
        " trying doors.",
        "Collingwood Street",
        "keeps trying doors",
    ),
    (
        "I run the Brownies at Holy Cross Church hall and a man has been filming the girls.",
        "Holy Cross Church",
        "filming the girls",
    ),
]

FIRMS_GONE = [
    (
        "A lorry from Pilkington & Sons Removals has blocked our drive since six.",
        "Pilkington",
        "blocked our drive",
    ),
    (
        "The scaffold outside Rennie & Daughters on the high street has come loose.",
        "Rennie",
        "has come loose",
    ),
    (
        "I paid Tulloch & Baikie Joinery a deposit in March and they vanished.",
        "Tulloch",
        "a deposit in March",
    ),
    (
        "There's a queue of vans outside Maclure & Dunnet every morning on the corner.",
        "Dunnet",
        "every morning on the corner",
    ),
    (
        "I do mobile nails, Tips & Toes by Shannon, and a client won't pay.",
        "Shannon",
        "a client won't pay",
    ),
    (
        "The installer was Brightspark Electrics Ltd, director Wayne Corrie, and he won't answer.",
        "Brightspark",
        "he won't answer",
    ),
    (
        "A man introducing himself as Mr Declan Boyle of Boyle Roofing wanted cash up front.",
        "Boyle Roofing",
        "wanted cash up front",
    ),
    (
        "The patio was done by DR Landscaping Tenby and it is already cracking.",
        "Tenby",
        "already cracking",
    ),
]

STAYS = [
    "I'm a nurse at the Whittington and I get the night bus home.",
    "I coach the under 9s at Ashton Athletic and a dad keeps shouting at the referee.",
    "The harbour master says the slipway is closed, and the harbour trust agrees.",
    "My daughter has a Saturday job at Marks & Spencer and at Holland & Barrett.",
    "Brighton & Hove buses were diverted and nurses at the hospital were late.",
    "I work at Tesco and staff at the Co-op saw it too.",
    "I help run the food bank at St Peter's hall and someone stole the tins.",
]


@pytest.mark.parametrize(("text", "gone", "kept"), POSTS_GONE)
def test_a_post_at_a_named_workplace_is_gone_and_the_rest_stays(
    text: str, gone: str, kept: str
) -> None:
    suggested = suggest_publishable(text)
    assert gone not in suggested, suggested
    assert kept in suggested, suggested


@pytest.mark.parametrize(("text", "gone", "kept"), FIRMS_GONE)
def test_a_firm_named_after_people_is_gone_and_the_rest_stays(
    text: str, gone: str, kept: str
) -> None:
    suggested = suggest_publishable(text)
    assert gone not in suggested, suggested
    assert kept in suggested, suggested


@pytest.mark.parametrize("text", STAYS)
def test_posts_and_firms_that_single_out_nobody_stay(text: str) -> None:
    assert suggest_publishable(text) == text
