"""Issue 15, redaction round 14: the number group, probed. A fresh probe
(tests/data/personal_details/numbers_probe_round14.jsonl, committed before
the engine ran on it) found phones, postcodes, plates, e-mails and house
numbers in shapes the finders left; each family here has wordings written
for this round first (other voices: text-speak, elderly formal, non-native,
dialect), with look-alikes that must stay, then the probe's own lines
(its floors are in tests/bot/test_redaction_corpus.py).
Code: bot/safeguarding/redaction/oddities.py. Figures per file are in
docs/redaction-figures.md ("Round 14: the number group, probed")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# 1. A phone with its extension in brackets, an aside between the dialling
# code and the rest, or given in pieces ("ends ... and starts ...").
PHONES = [
    ("office 0113 496 0174 (ext 22) ask for me", "office [phone] ask for me"),
    (
        "Telephone 020 7946 0321 (Extension 114), mornings only.",
        "Telephone [phone], mornings only.",
    ),
    ("ring work on 01632 960 555 (x 7) pls", "ring work on [phone] pls"),
    ("my works number is +44 (0)161 496 0099 (ext. 301)", "my works number is [phone]"),
    ("hiya its 0114 496 0233 (extn 4) at the depot", "hiya its [phone] at the depot"),
    ("call 0113 - thats leeds - 496 0551", "call [phone]"),
    ("my landline 01632 (its a york number) 960 418", "my landline [phone]"),
    ("ring 020 (london) 7946 0777 anytime", "ring [phone] anytime"),
    ("ma hoose phone 0141 - glasgow like - 496 0123", "ma hoose phone [phone]"),
    ("my mobile ends 900 412 and starts 07700", "my mobile ends [phone] and starts [phone]"),
    (
        "the number starts with 07700 and ends with 900 865",
        "the number starts with [phone] and ends with [phone]",
    ),
    (
        "phone number begins 01632 and finishes 960 552",
        "phone number begins [phone] and finishes [phone]",
    ),
    # the probe's lines: n14-005, n14-011, n14-027
    ("call 0161 - thats manchester - 496 0728", "call [phone]"),
    ("you can call on 0161 496 0922 (ext. 5)", "you can call on [phone]"),
    ("number ends 900 361 and starts 07700", "number ends [phone] and starts [phone]"),
]
# services' numbers with an extension, times that start and end, a road with an aside
PHONES_STAY = [
    "ring 101 (ext 2) for the front desk",
    "call 0800 555 111 (ext 5) crimestoppers",
    "the meeting starts 1900 and ends 2100",
    "the bus ends 1900 at the depot",
    "it happened between 2 - 3 pm",
    "the match starts at 1500 on saturday",
    "house prices start 250 000 round here",
    "the party ends 2330 according to the flyer",
    "the A38 - near derby - 12 miles on",
]

# 2. A postcode after "postcode" with a letter or figure too many, and a
# plate's last letters after "ending" where the sentence names a plate.
POSTCODES_AND_PLATES = [
    ("postcode is LS6 2PQQ sorry fat fingers", "postcode is [postcode] sorry fat fingers"),
    ("Our postcode: CF10 1ABB", "Our postcode: [postcode]"),
    ("pstcode... no postcode is m14 5trr", "pstcode... no postcode is [postcode]"),
    ("post code NE6 5HX2", "post code [postcode]"),
    ("me postcode's L8 0RTT like", "me postcode's [postcode] like"),
    ("The postcode was SO15 2AJJ I believe.", "The postcode was [postcode] I believe."),
    ("postcode - B23 6TQ9", "postcode - [postcode]"),
    ("my post code is g41 2bxx", "my post code is [postcode]"),
    ("reg beginning LV12 and ending OPE", "reg beginning [vehicle reg] and ending [vehicle reg]"),
    (
        "the registration started with KX and ended with TWP",
        "the registration started with [vehicle reg] and ended with [vehicle reg]",
    ),
    ("plate ends in HJK i think", "plate ends in [vehicle reg] i think"),
    ("partial reg: ends KMX, white van", "partial reg: ends [vehicle reg], white van"),
    (
        "number plate finishing in BFX, silver corsa",
        "number plate finishing in [vehicle reg], silver corsa",
    ),
    ("Reg was something ending XYP", "Reg was something ending [vehicle reg]"),
    ("index plate ending 7KT", "index plate ending [vehicle reg]"),
    # the probe's lines: n14-055, n14-067, n14-137
    (
        "My postcode is BS7 8NQQ sorry BS7 8NQ",
        "My postcode is [postcode] sorry [postcode]",
    ),
    ("postcode S11 8YL1", "postcode [postcode]"),
    (
        "it was ford fiesta reg beginning LV12 and ending OPE, address 2 Moss Lane",
        # the car's make and model go with the plate's first half (situation.py)
        "it was [vehicle reg] and ending [vehicle reg], address [address]",
    ),
]
# the postcode's own word with no postcode, capitals after "ending" with no plate
POSTCODES_AND_PLATES_STAY = [
    "the postcode checker says 100 percent",
    "postcode lottery again in this area",
    "postcode area LS is huge",
    "the film ending was OK",
    "the match ended 3 2",
    "my reg ends tomorrow, the car tax I mean",
    "his shift ended at 6 and the plate was on the bin",
    "ending BBC licence fee",
    "the lease ends with ASAP notice",
]

# 3. An e-mail spelt out with its provider in two or three words, or its
# name starting with "the".
EMAILS = [
    ("email is steve at steves plumbing dot co dot uk", "email is [email]"),
    ("e-mail me on dave at dave brown building dot com", "e-mail me on [email]"),
    ("my email address is info at kays kitchens dot co dot uk", "my email address is [email]"),
    ("emial: mo at mo taxis dot com", "emial: [email]"),
    ("Email: enquiries at the old forge dot co dot uk", "Email: [email]"),
    ("You may write to the hendersons at btinternet dot com", "You may write to [email]"),
    ("my email is the jonesfamily at gmail dot com", "my email is [email]"),
    ("email them at the taylors at yahoo dot co dot uk", "email them at [email]"),
    # the probe's lines: n14-047, n14-116 (shortened)
    ("email is steve at steves plumbing dot co dot uk", "email is [email]"),
    ("or email us at the rigbys at hotmail dot co dot uk", "or email us at [email]"),
]
# "at" and "the" where no e-mail is spelt
EMAILS_STAY = [
    "email me at home after 6",
    "I emailed the council at work and the police at lunch",
    "email is best at any time dot dot dot",
    "we met at the pub at half six",
    "send an email to the team at the station",
]

# 4. A house number in shapes the address finder leaves: a range with "to",
# a floor or a Glasgow flat before the address, a space before the comma,
# a street with no street word after "Address:", the home's own number,
# "the one at 40" among homes, the number said again in words.
HOMES = [
    (
        "the flats from 2 to 8 Mill Road are all boarded up",
        "the flats from [address] are all boarded up",
    ),
    ("noise from 11 to 13 Bridge Street every night", "noise from [address] every night"),
    (
        "Houses 21 through 25 Orchard Way had their sheds done",
        "Houses [address] had their sheds done",
    ),
    ("they own 4 to 6 Albert Street now", "they own [address] now"),
    ("I'm in the 2nd floor flat, 9 Kings Road", "I'm in the [address]"),
    ("we are on the 3rd floor, 14 Dock Street", "we are on the [address]"),
    ("I stay at flat 2/R 17 Dumbarton Road", "I stay at [address]"),
    ("Flat 3/M, 40 Gibson Street, Glasgow", "[address], Glasgow"),
    ("I live at 14 , Maple Close", "I live at [address]"),
    ("number 22 , Kings Avenue is the one", "[address] is the one"),
    ("address is 9 Pen Dinas.", "address is [address]."),
    ("my address - 17 Belle Vue, Whitby", "my address - [address], Whitby"),
    ("Address: 3 Marine Parade West", "Address: [address]"),
    (
        "our house is number 12, the one with the hedge",
        "our house is [address], the one with the hedge",
    ),
    ("his bungalow 4a at the end", "his bungalow [address] at the end"),
    ("its the house at 18, next to the garage", "its the house at [address], next to the garage"),
    ("he lives in the one at 7.", "he lives in the one at [address]."),
    ("12 Elm Road (twelve) near the school", "[address] ([address]) near the school"),
    # the probe's lines: n14-092, n14-102, n14-106, n14-110, n14-131, n14-136,
    # n14-142, n14-146, n14-148, n14-149
    (
        "the one at 40 with the red door, Beech Avenue",
        "the one at [address] with the red door, Beech Avenue",
    ),
    ("my house 33b", "my house [address]"),
    ("address is 1 9 Cedar Way (nineteen)", "address is [address] ([address])"),
    ("1st floor, 61 Castle Street", "[address]"),
    ("I stay in flat 1/L, 5 Hyndland Street, G11 5QF", "I stay in [address], [postcode]"),
    ("my adress is 6 , Poplar Road , WV3 9PB", "my adress is [address] , [postcode]"),
    (
        "The van (reg. T456 JKL) came from 11 to 13 Bridge Street",
        "The van (reg. [vehicle reg]) came from [address]",
    ),
    ("Address: 44 Mount Pleasant, Llandudno", "Address: [address], Llandudno"),
    (
        "the one at 40 Elm Street and the one at 42",
        "the one at [address] and the one at [address]",
    ),
    (
        "Postcode is TN1 1AA, house 9, phone 01892 496 0300",
        "Postcode is [postcode], [address], phone [phone]",
    ),
]
# hours, counts, doors, scores, times, speeds, floors with no address
HOMES_STAY = [
    "from 9 to 5 Monday to Friday",
    "the house 3 doors down",
    "our house 20 years ago was different",
    "Home 2, Away 1 on the big screen",
    "the one at 10 o'clock was the train",
    "the one at 3pm on the road was late",
    "the one at 40 mph down the road",
    "I'll get the train, the one at 10, down the road",
    "basement flat is flooded",
    "first floor windows smashed on Mill Road",
    "Address: unknown",
    "our house is 10 minutes from the station",
    "from 2 to 4 people",
    "I'm on the 2nd floor, 20 minutes from town",
]


@pytest.mark.parametrize(("text", "expected"), PHONES)
def test_an_extension_an_aside_or_a_line_in_pieces_is_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", PHONES_STAY)
def test_services_times_and_roads_with_asides_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), POSTCODES_AND_PLATES)
def test_a_slipped_postcode_and_a_plates_ending_are_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", POSTCODES_AND_PLATES_STAY)
def test_postcode_words_and_capitals_after_ending_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), EMAILS)
def test_an_email_with_a_spaced_provider_or_a_the_name_is_replaced(
    text: str, expected: str
) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", EMAILS_STAY)
def test_at_and_the_without_an_email_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), HOMES)
def test_a_house_number_said_oddly_is_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", HOMES_STAY)
def test_hours_counts_doors_scores_and_times_stay(text: str) -> None:
    assert suggest_publishable(text) == text
