"""Issue 15, redaction round 8: the number group, codes and keep words the
seventh unseen set (tests/data/personal_details/unseen_2026_11_30_l.jsonl and
_m.jsonl, spent) showed the engine missing or losing, as the set's own lines
and as new variants of each family. What an officer sees is the suggested
publishable text. Figures per file are in docs/redaction-figures.md ("Round 8: numbers
and keep words")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# The set's own lines (the part of each line that carries the detail).
SEVENTH_SET_NUMBERS = [
    # pl-032: a phone with a figure too many after "Call me on"
    (
        "CCTV shows a silver Berlingo FY14 RDX. Call me on 01382 496 0331",
        "CCTV shows a [vehicle reg]. Call me on [phone]",
    ),
    # pl-085: after "Ring me." and a full stop
    ("Ring me. 01563 496 0715. Thanks", "Ring me. [phone]. Thanks"),
    # pl-099: the five-three-four shape with no cue
    (
        "He is a bit confused. Please advise. 01592 496 0488",
        "He is a bit confused. Please advise. [phone]",
    ),
    # pm-098: an old exchange's town and number
    (
        "Would someone kindly telephone me on Ormskirk 572311. A man came to the door",
        "Would someone kindly telephone me on [phone]. A man came to the door",
    ),
    # pl-028: next door's number in words
    (
        "Im at number forty two and next door is forty four on Beech Grove. Ta",
        "Im at [address] and next door is [address] on Beech Grove. Ta",
    ),
    # pl-121: "number thirty one" is not the service number "one"
    (
        "people come and go at all hours, number thirty one. dont want them knowin",
        "people come and go at all hours, [address]. dont want them knowin",
    ),
    # pm-040: a postcode in words
    (
        "my address is flat six, twenty one Kingsway, postcode m fourteen five tq, the car alarm",
        "my address is [address], postcode [postcode], the car alarm",
    ),
    # pm-070: a postcode spelled out with two spaces between its halves
    ("postcode is N W 1 0  7 H Q. pls someone call", "postcode is [postcode]. pls someone call"),
    # pm-084: an Irish registration
    (
        "car with irish plates 191-D-12345 abandoned in the cul de sac",
        "car with irish plates [vehicle reg] abandoned in the cul de sac",
    ),
    # pm-078: a flat by the shop it is over
    (
        "music again from flat 2 above the bakery on Kings Rd, 3rd night running",
        "music again from [address] on Kings Rd, 3rd night running",
    ),
    # pm-081: a house in words with its letter
    (
        "i live at fifty seven b Albert Street, someone set fire to my bin",
        "i live at [address], someone set fire to my bin",
    ),
    # pm-152: a texted "n" after a lower-case street
    (
        "keeps turnin up at 2am at my mums on 14 peel st n wont leave",
        "keeps turnin up at 2am at my mums on [address] n wont leave",
    ),
    # pl-017: a flat in a named block with the block's street
    (
        "I live in Flat 14, Lansbury House, Cable Street, E1 0AF. My car window",
        "I live in [address], [postcode]. My car window",
    ),
    # pl-098: a sort code and account a few words after the cue
    (
        "sort code and account she gave was 20-45-77 63019284. do we go to yous",
        "sort code and account she gave was [ID number]. do we go to yous",
    ),
    # pl-151: a frame number a few words after the cue
    (
        "I have the frame number if that helps: WTU 294 C81663. Ta",
        "I have the frame number if that helps: [ID number]. Ta",
    ),
]

NEW_NUMBER_VARIANTS = [
    ("text me on 07700 900 1234 after six", "text me on [phone] after six"),
    ("my number is 0161 496 00712", "my number is [phone]"),
    ("please ring us on Nairn 452308 tonight", "please ring us on [phone] tonight"),
    ("over the road at twenty two, the lads", "over the road at [address], the lads"),
    ("the reg was 08-KY-4471 on a blue Fiesta", "the reg was [vehicle reg] on a blue Fiesta"),
    ("postcode is b twenty three seven h l thanks", "postcode is [postcode] thanks"),
    ("she lives in flat 1 over the chip shop", "she lives in [address]"),
    (
        "account number, as far as I know, 12345678 at Lloyds",
        "account number, as far as I know, [ID number] at Lloyds",
    ),
    ("we are at twenty one b Albert Road now", "we are at [address] now"),
]

STAYS = [
    "call 101 or 999 if it happens again",
    "they asked me to call 0800 555 111 which is Crimestoppers",
    "the council number 0300 303 8670 never answers",
    "ring number one on the list",
    "the sort code is wrong on the form",
    "my frame number was stamped in 2019",
    "the postcode is on the letter",
    "it was 10  7 HQ that day",
    "the flat above the shop is empty",
    "next door is one of them",
    # pl-091: "noone" is not "no one" read as a house number
    "a van has been sat there for days. noone knows who it belongs to",
]

SEVENTH_SET_KEEPS = [
    # pl-024: a holiday park after a plot's number
    (
        "a caravan on plot 31 at Sunnyvale Holiday Park, Kinmel Bay, that's been broken into.",
        "a caravan on [address] at Sunnyvale Holiday Park, Kinmel Bay, that's been broken into.",
    ),
    # pl-051: the park after a static's plot
    (
        "Our static at Plot C14, Haven Craig Tara, was broken into over the October week.",
        "Our static at [address], Haven Craig Tara, was broken into over the October week.",
    ),
    # pl-097: a Welsh chapel
    (
        "the theft of lead from the roof of the chapel at Capel Bethel, Pontrhydfendigaid.",
        "the theft of lead from the roof of the chapel at Capel Bethel, Pontrhydfendigaid.",
    ),
    # pm-039: a showground
    (
        "I saw the same van at the car boot sale at Hartley Showground. My friend says",
        "I saw the same van at the car boot sale at Hartley Showground. My friend says",
    ),
    # pm-110: a service number in brackets is not an age
    (
        "The DVLA said talk to the police, the police (101) said talk to the DVLA.",
        "The DVLA said talk to the police, the police (101) said talk to the DVLA.",
    ),
    # pl-128: a known village after "at" at the end of an age's description
    (
        "my gran is 92 and the only person still living in the old mill cottages at Kilmacolm, "
        "someone keeps ringing",
        "[age] at Kilmacolm, someone keeps ringing",
    ),
    # pm-011: a block after an association
    (
        "hi we run the tenants association at Marlowe Court and want a PCSO",
        "hi [job] at Marlowe Court and want a PCSO",
    ),
    # pl-056: a named clinic after a job
    (
        "the school nurse at the Hollins Park clinic say its a police matter",
        "[job] at the Hollins Park clinic say its a police matter",
    ),
    # pm-117, pm-159, pm-128, pl-081, pl-035: words that are no one's name
    ("Buna ziua, I am Andrei, I work nights", "Buna ziua, I am [name], I work nights"),
    ("buna, my neighbour is German and kind", "buna, my neighbour is German and kind"),
    ("hi im lookin for my dads car", "hi im lookin for my dads car"),
    ("wee ned on an electric scooter", "wee ned on an electric scooter"),
]

NAMES_STILL_GO = [
    # unseen_2026_11's r089: the one post at a named surgery goes whole
    (
        "As the only GP at the Ashworth Street surgery I'm getting abusive phone calls",
        "As [job] I'm getting abusive phone calls",
    ),
    # k-042: a district after the block stays (only a street goes with it)
    (
        "I reside at Flat 14, Kingfisher House, Temple Hill, Dartford and",
        "I reside at [address], Temple Hill, Dartford and",
    ),
    ("my neighbour Ned Smith hit me", "my neighbour [name] hit me"),
    ("unit 4, Riverside Trading Estate was broken into", "[address] was broken into"),
]


@pytest.mark.parametrize(("text", "expected"), SEVENTH_SET_NUMBERS + NEW_NUMBER_VARIANTS)
def test_numbers_the_seventh_set_missed_are_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", STAYS)
def test_references_counts_and_cue_words_alone_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), SEVENTH_SET_KEEPS + NAMES_STILL_GO)
def test_keep_words_the_seventh_set_lost_stay(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected
