"""Issue 15, redaction round 14: keep words by family, on wordings written
for this round first (at least eight a family, in other voices, with the
look-alikes whose detail must still go), then the spent sets' own lines
(tests/data/personal_details/unseen_2026_11_30_o/_p/_t/_u.jsonl;
shortened). What an officer sees is the suggested publishable text.
Figures per file are in docs/redaction-figures.md ("Round 14: keep
words"); the decisions in docs/decisions.md ("Redaction round 14: keep
words by family")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# 1. Allotment plots. A plot said as a place on its named allotments, or as
# one of several plots, stays: a public site nobody lives on. The set's
# lines are pt11-034, pt11-069 and pt11-125.
PLOTS_STAY = [
    "our shed at plot 9 on Wincobank allotments had the padlock cut",
    "sumone nicked me strimmer frm plot 31 at Hilltop allotments again!!",
    "Dear Sir, produce has been removed from plot 12 at the Meadow Lane allotments.",
    "me and the wife have plot 4, Riverside Allotments, and the shed was done",
    "I have plot 7 on Greenhill allotments, is taking my onions a crime",
    "sheds on plot 3 and plot 4 at the allotment were smashed",
    "At allotment we have Plot 18 and Plot 19, both greenhouse broken",
    "veg gone off plot 52 up Moor End allotments, third time",
    # the spent set's own (shortened)
    "Someone's been stealing veg off my plot. Plot 22, Sunny Bank allotments.",
    "The secretary asked me to post. Sheds on Plot 14 and Plot 15 at the allotments were done.",
]
PLOTS_STILL_GO = [
    # the older sets label a plot said as the writer's alone
    (
        "sheds at Coronation Allotments were broken into. Mine is plot 47 and they took it.",
        "sheds at Coronation Allotments were broken into. Mine is [address] and they took it.",
    ),
    # a plot where people live or stay
    (
        "we live on a caravan site, on plot 42 at Golden Sands park",
        "we live on a caravan site, on [address]",
    ),
    (
        "sumone broke into our static at Sandy Bay, plot 112, took the telly",
        "sumone broke into our static at Sandy Bay, [address], took the telly",
    ),
    ("we're on plot 12, Meadow View, the new build", "we're on [address], the new build"),
]


# 2. A flat's building. The shop a flat is over stays when the flat's own
# number and street follow; a block's street stays unless its postcode
# follows it. The set's lines are pu11-001, pu11-089, po-136 and pp9-070.
FLATS_KEEP = [
    (
        "Flat 7 above the launderette, 88 London Road, Southampton. Water through ceiling.",
        "[address] above the launderette, [address], Southampton. Water through ceiling.",
    ),
    (
        "im in flat 2 over the bookies, 14 High St, and they keep buzzing",
        "im in [address] over the bookies, [address], and they keep buzzing",
    ),
    (
        "I reside at Flat 3 above the pharmacy, 21 Church Road, and wish to report a theft.",
        "I reside at [address] above the pharmacy, [address], and wish to report a theft.",
    ),
    (
        "a woman came to my door at Flat 4, Tudor Mansions, Marylebone Road saying water board",
        "a woman came to my door at [address], Marylebone Road saying water board",
    ),
    (
        "I live now at Flat 12, Abbeyfield House, Oxford Road. I was sent an email.",
        "I live now at [address], Oxford Road. I was sent an email.",
    ),
    (
        "me flat is flat 9, Nelson Court, Albion Street and the lift is broke again",
        "me flat is [address], Albion Street and the lift is broke again",
    ),
    (
        "I am live Flat 5, Victoria House, Station Road, the door is kick",
        "I am live [address], Station Road, the door is kick",
    ),
    (
        "flat 6, Carlton Heights, Mill Lane - bins set on fire every night",
        "[address], Mill Lane - bins set on fire every night",
    ),
]
FLATS_STILL_GO = [
    ("I live in flat 2 above the bakery and it stinks", "I live in [address] and it stinks"),
    (
        "I live in Flat 14, Lansbury House, Cable Street, E1 0AF. My car window is smash.",
        "I live in [address], [postcode]. My car window is smash.",
    ),
    ("flat 3 over the chip shop was done", "[address] was done"),
]


# 3. A car's make and model said as what the car is, then "reg" and the
# plate: the make stays (thousands alike), the plate goes. The set's line
# is pt11-031.
MAKES_STAY = [
    (
        "Somebody steal the catalytic converter from my car Honda Jazz reg DE14 WRT.",
        "Somebody steal the catalytic converter from my car Honda Jazz reg [vehicle reg].",
    ),
    (
        "someone keyed my car Ford Focus reg AB12 CDE last nite",
        "someone keyed my car Ford Focus reg [vehicle reg] last nite",
    ),
    (
        "They have damaged our car Toyota Yaris registration YK19 HRT on the drive.",
        "They have damaged our car Toyota Yaris registration [vehicle reg] on the drive.",
    ),
    (
        "my van Ford Transit reg SJ17 HBX got broken in",
        "my van Ford Transit reg [vehicle reg] got broken in",
    ),
    (
        "The tyres of my car Vauxhall Corsa, reg LM65 PTO, were slashed.",
        "The tyres of my car Vauxhall Corsa, reg [vehicle reg], were slashed.",
    ),
    (
        "police take my car Skoda Octavia reg GF15 HJK, why",
        "police take my car Skoda Octavia reg [vehicle reg], why",
    ),
    (
        "wing mirror off my car Nissan Qashqai reg number WR19 VTC again",
        "wing mirror off my car Nissan Qashqai reg number [vehicle reg] again",
    ),
    (
        "stolen from our car Kia Picanto reg KV12 WNP in Asda car park",
        "stolen from our car Kia Picanto reg [vehicle reg] in Asda car park",
    ),
]
DESCRIPTIONS_STILL_GO = [
    ("some1 in a mini reg bt15 oxa keeps parking", "some1 in a [vehicle reg] keeps parking"),
    ("a silver Golf, reg ending in XJT, was outside", "a [vehicle reg], was outside"),
    ("a black golf LR17 VXN keeps racing", "a [vehicle reg] keeps racing"),
    ("my car silver Honda Jazz reg DE14 WRT was hit", "my [vehicle reg] was hit"),
]


# 4. Beyond the files: a bus's destination after its route ("the 38 to
# Victoria") is a place, not a person, though the word is a given name.
DESTINATIONS_STAY = [
    "The number 38 bus to Victoria was full of kids smoking.",
    "the 38 to Victoria never turns up lol",
    "The X5 bus to Stanley was late and a lad was vaping.",
    "got on the 7 to Shirley and some lads were kicking off",
    "Upon the number 12 bus to Beverley a youth was most abusive.",
    "on da 42 bus to Florence some boy take my phone",
    "the last train to Ashley had a fight on it",
    "the coach to Winston was stopped by police",
]
PEOPLE_STILL_GO = [
    ("My mate Victoria was on the bus.", "My mate [name] was on the bus."),
    ("I gave the keys to Shirley Jones yesterday", "I gave the keys to [name] yesterday"),
    ("the bus driver Stanley Moore shouted at me", "the bus driver [name] shouted at me"),
]


# 5. Beyond the files: a football club's name with its fans or its match
# ("Fans of Aston Villa", "Villa fans") is no home; without the game said,
# a house called "Aston Villa" still goes.
CLUBS_STAY = [
    "Fans of Aston Villa were chanting racist stuff on the 50 bus.",
    "aston villa fans smashed the bus shelter",
    "Villa fans were fighting outside the chippy after the game.",
    "after the Aston Villa match there was trouble at the station",
    "Sir, supporters of Aston Villa urinated in my front garden.",
    "me lad got abuse for wearing his Aston Villa shirt",
    "Aston Villa supporters threw bottles at the police horses",
    "Is a season ticket at Aston Villa transferable, my dad cant go now",
]
HOMES_STILL_GO = [
    ("we live at Aston Villa, Mill Lane", "we live at [address], Mill Lane"),
    (
        "Please write to me at Rose Villa, Church Road after the match",
        "Please write to me at [address], Church Road after the match",
    ),
]


# 6. Beyond the files: a pub named after a person of rank ("the Lord Nelson
# pub", "the Queen Victoria") or with its trade after the name stays.
PUBS_STAY = [
    "There was a fight outside the Lord Nelson pub on Saturday.",
    "The Queen Victoria on the corner has lock-ins every Friday.",
    "The Prince Albert pub had a fight, bottles everywhere",
    "the Admiral Rodney had a fight n the bouncer did nowt",
    "outside the Duke of York pub a man was sick on my car",
    "Dear Sir, the General Havelock inn has been selling to minors.",
    "me and the lads were in the Marquis Wellington, bouncer punched me",
    "the Earl Grey tea room was broken into last nite",
]
PEOPLE_WITH_TITLES_STILL_GO = [
    ("Lord Nelson said he would fix the fence.", "[name] said he would fix the fence."),
    ("the Duke family next door are fighting", "the [name] family next door are fighting"),
    (
        "the Mary Jones I know from church was scammed",
        "the [name] I know from church was scammed",
    ),
]


@pytest.mark.parametrize("text", PLOTS_STAY + DESTINATIONS_STAY + CLUBS_STAY + PUBS_STAY)
def test_ordinary_words_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    PLOTS_STILL_GO
    + FLATS_KEEP
    + FLATS_STILL_GO
    + MAKES_STAY
    + DESCRIPTIONS_STILL_GO
    + PEOPLE_STILL_GO
    + HOMES_STILL_GO
    + PEOPLE_WITH_TITLES_STILL_GO,
)
def test_what_goes_and_what_stays(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected
