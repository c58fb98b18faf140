"""Issue 15, redaction round 10: the number group by family, on wordings
written for this round (at least ten a family, varied voices) and the
eighth unseen set's own lines (tests/data/personal_details/
unseen_2026_11_30_n.jsonl and _o.jsonl, spent). What an officer sees is
the suggested publishable text. Figures per file are in docs/redaction-figures.md
("Round 10: numbers")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# 1. Homes on sites where people live and in blocks. The set's lines are
# pn-077, pn-146, po-023, po-063, po-088 and po-112 (shortened); a holiday
# park's name stays (STAYS).
HOMES_ON_SITES_AND_IN_BLOCKS = [
    (
        "im in halls at Victoria Hall, flat 12 room C, someone keeps stealing food",
        "im in halls at [address], someone keeps stealing food",
    ),
    ("my room's D14 in Owens Park", "my room's [address] in Owens Park"),
    ("I'm in Kelvin Hall, block 3, room 207", "I'm in [address]"),
    (
        "I am a resident of Beechwood Park Homes, number 31, and wish to report a prowler.",
        "I am a resident of [address], and wish to report a prowler.",
    ),
    (
        "we stay at Oakwood Court care home, her room is 14",
        "we stay at Oakwood Court care home, her room is [address]",
    ),
    ("my address is Caravan 4, Hillside Farm, Dunsford", "my address is [address], Dunsford"),
    (
        "Me mam's at 27b, the flat over the bookies on High St",
        "Me mam's at [address], the flat over the bookies on High St",
    ),
    ("we live at number 12-14 on the corner", "we live at [address] on the corner"),
    ("our apartment is 4C in Riverside Court", "our apartment is [address]"),
    ("my flat is number 12 at Jubilee House, Leeds", "my flat is [address], Leeds"),
    ("we are at Plot 9, Greenacres Traveller site, since May", "we are at [address], since May"),
    (
        "bin store at block 4 Meadowbank flats keeps getting set on fire",
        "bin store at [address] keeps getting set on fire",
    ),
    (
        "We're house 7 on the new estate, Meadow Rise",
        "We're [address] on the new estate, Meadow Rise",
    ),
    ("I live at Forty-Four Beech Avenue, by the shop", "I live at [address], by the shop"),
    (
        "we're in the park homes, home no 23, and someone tried the door",
        "we're in the park homes, [address], and someone tried the door",
    ),
    (
        "Our caravan is number 7 on Riverside park and the gas was stolen",
        "Our [address] and the gas was stolen",
    ),
    ("im in halls, Room 4B, Block 3, Marsden Court, pls help", "im in halls, [address], pls help"),
    (
        "we live on the second floor of Tower Block 2, flat 18",
        "we live on the second floor of [address]",
    ),
    (
        "I'm at St Anne's Court, flat 9, the sheltered flats",
        "I'm at [address], the sheltered flats",
    ),
    (
        "There's a family on Lower Farm caravan park, number 14, selling French bulldogs",
        "There's a family on [address], selling French bulldogs",
    ),
    (
        "We live here all year, on plot 42 at Golden Sands park, and somebody got in",
        "We live here all year, on [address], and somebody got in",
    ),
    (
        "My name Chidinma Okafor, room 214, Block C, Caledonian Court student flats. Please help",
        "My name [name], [address] student flats. Please help",
    ),
    (
        "My name is Hodan Ali, I live 5th floor Croydon House, flat 52. Thank you",
        "My name is [name], I live [address]. Thank you",
    ),
    (
        "My room is number 4 at 37 Wellesley Road, near the Britannia Pier.",
        "My room is [address], near the Britannia Pier.",
    ),
    (
        "we're at Ty Gwyn caravan park, van 58, and the kids are throwing stones",
        "we're at [address], and the kids are throwing stones",
    ),
    (
        "our van is pitch 9 on Brook Farm residential park and the gas bottle went",
        "our van is [address] and the gas bottle went",
    ),
    (
        "i'm in room 3.14 in Hollings Hall, someone nicked my laptop",
        "i'm in [address] in Hollings Hall, someone nicked my laptop",
    ),
    (
        "my daughter is in Block B room 12, Opal Court, and a man keeps buzzing",
        "my daughter is in [address], and a man keeps buzzing",
    ),
    (
        "I'm on the 3rd floor of Nelson House, number 31, the lift's been vandalised",
        "I'm on the [address], the lift's been vandalised",
    ),
    ("flat 52 on the 5th floor of Croydon House, that's us", "[address], that's us"),
    (
        "we rent lodge 6 at Willow Lakes and someone took the hot tub cover",
        "we rent [address] at Willow Lakes and someone took the hot tub cover",
    ),
    (
        "our static is no. 112 on the Haven site at Seton Sands",
        "our [address] on the Haven site at Seton Sands",
    ),
    (
        "im in bedsit 2 at 19 Station Road, the bloke in bedsit 4 is dealing",
        "im in [address], the bloke in [address] is dealing",
    ),
    (
        "Caravan 31, Whitehouse Leisure Park. Someone is using our gas bottles",
        "[address]. Someone is using our gas bottles",
    ),
    (
        "Our beach huts at Meadfoot were broken into. Hut 27 is ours, green door.",
        "Our beach huts at Meadfoot were broken into. [address] is ours, green door.",
    ),
]

# 2. Phones in figures and words glued together or told in parts (po-028 first).
PHONES_IN_FIGURES_AND_WORDS = [
    ("ring07700900456 pls", "[phone] pls"),
    ("txt me on07700 900456", "txt me [phone]"),
    ("landline 496 0271 (0113 area), after six", "landline [phone], after six"),
    ("my home phone is 572311", "my home phone is [phone]"),
    ("ring me on 496 0271 after tea", "ring me on [phone] after tea"),
    ("if u see it msg me 0seven7one two 44 nine 0 3 8 1 ta x", "if u see it msg me [phone] ta x"),
    ("call 0seven9one2 345 678 after six", "call [phone] after six"),
    ("my fone is 07seven00nine00one23", "my fone is [phone]"),
    ("number is oh 7 7 0 0 then 9 0 0 then 1 2 3", "number is [phone]"),
    ("my mob is 07700 and then 900 and then 456", "my mob is [phone]"),
    ("ring me on oh seven double 7 three 4 five 6 nine 0 1", "ring me on [phone]"),
    ("text me 07eight00 900 four 5 6", "text me [phone]"),
    ("my nan's landline is 01632 nine six oh, one two three", "my nan's landline is [phone]"),
    ("contact me on o7 seven 00 nine 00 four 5 six", "contact me on [phone]"),
    ("pls ring 07 7 hundred 900 321", "pls ring [phone]"),
]

# 3. Registrations in a sentence, by a postcode (po-009 first), with a zero
# typed for an O or another figure mistyped; Northern Irish, older and
# personalised plates.
PLATES_IN_SENTENCES = [
    (
        "the merc has a private plate, D4 VEY, black",
        "the merc has a private plate, [vehicle reg], black",
    ),
    (
        "the old landy was Q123 ABC on the farm track",
        "the old landy was [vehicle reg] on the farm track",
    ),
    (
        "my car got keyed, its a blue corsa WF67 0DK, we live in PL4 9BD, crime nummber?",
        "my car got keyed, its a [vehicle reg], we live in [postcode], crime nummber?",
    ),
    (
        "the van was a white transit YX19 4KT parked outside LS6 2AB all night",
        "the van was a [vehicle reg] parked outside [postcode] all night",
    ),
    (
        "a ford ka with plates LJ07 0AB keeps parking across our drive",
        "a [vehicle reg] keeps parking across our drive",
    ),
    (
        "mini reg is KM64 0XA and my postcode is NE6 5SQ",
        "[vehicle reg] and my postcode is [postcode]",
    ),
    (
        "a black BMW NKZ 4471 keeps parking on our drive in Omagh",
        "a [vehicle reg] keeps parking on our drive in Omagh",
    ),
    (
        "old red fiesta R472 KLM left outside our house in M14 5TQ",
        "old [vehicle reg] left outside our house in [postcode]",
    ),
    (
        "the personalised plate was M4 TTY on a white audi",
        "the personalised plate was [vehicle reg] on a white audi",
    ),
    ("a green escort JFK 420B used by the lads", "a [vehicle reg] used by the lads"),
    (
        "car ABZ 1234 has been dumped, we're in BT34 2QA",
        "car [vehicle reg] has been dumped, we're in [postcode]",
    ),
]

# 4. Codes the writers labelled as details: livestock tags (po-076), a
# courier's bag number (po-061), handles with dots (pn-017, pn-019) and after
# "dm me on tiktok" (po-020).
CODES_AND_HANDLES = [
    ("add me jodiee.mx if u see this", "add me [social media handle] if u see this"),
    ("she goes as 'lils.xo' online", "she goes as '[social media handle]' online"),
    ("the fake page is called justice4kids.leeds", "the fake page is called [social media handle]"),
    ("my dog's microchip number is 977200004567891", "my dog's [ID number]"),
    (
        "the delivery van had fleet number 22841 on the back",
        "the delivery van had [ID number] on the back",
    ),
    ("the courier's badge said Driver ID 22314", "the courier's badge said [ID number]"),
    (
        "Sheep rustled from my land, 14 head, tag numbers UK 9 720451, and nobody has rung.",
        "Sheep rustled from my land, 14 head, tag numbers [ID number], and nobody has rung.",
    ),
    (
        "the ewes are tagged UK 0 123456 and UK 0 123457, all gone",
        "the ewes are tagged [ID number] and [ID number], all gone",
    ),
    (
        "cattle ear tag UK 741236 500123 was on the heifer that went missing",
        "cattle ear tag [ID number] was on the heifer that went missing",
    ),
    ("the lamb's tag is 372819 if that helps", "the lamb's tag is [ID number] if that helps"),
    (
        "knocked over by a Deliveroo bike, number on his bag was DR 4471. Nobody stopped.",
        "knocked over by a Deliveroo bike, number on his bag was [ID number]. Nobody stopped.",
    ),
    (
        "the rider's bag had R 2231 on it and he rode off",
        "the rider's bag had [ID number] on it and he rode off",
    ),
    (
        "my real acc is jodiee.m.x but the fake 1 is jodiee.m.xx. im in yr 11",
        "my real acc is [social media handle] but the fake 1 is [social media handle]. im in yr 11",
    ),
    (
        "she got his snap, its shane.tr.147. cn we report online?",
        "she got his snap, its [social media handle]. cn we report online?",
    ),
    (
        "im on insta if u need pics @yorkgirl_bex_22 or dm me on tiktok bexxyork",
        "im on insta if u need pics [social media handle] or dm me on tiktok [social media handle]",
    ),
    ("add me on snap its kayleigh.xo.22", "add me on snap its [social media handle]"),
]

# Postcodes said or typed oddly, met while writing the families above.
POSTCODES_SAID_ODDLY = [
    ("postcode is ls six two ay bee", "postcode is [postcode]"),
    ("our postcode's S1O 2HE, the flats", "our postcode's [postcode], the flats"),
    (
        "the postcode begins with CF24 and ends 3AA",
        "the postcode begins with [postcode] and ends [postcode]",
    ),
]


# 5. A school in brackets after a name (po-089): both brackets stay, or both go.
SCHOOLS_IN_BRACKETS = [
    (
        "nudes shared?? my pal amy ross (s4 at braeview academy) had hers shared on snapchat",
        "nudes shared?? my pal [name] ([school and year]) had hers shared on snapchat",
    ),
    (
        "My daughter Amara (she's in P6 at St Ninian's Primary in Kirkintilloch) says a man",
        "My daughter [name] ([school and year] in Kirkintilloch) says a man",
    ),
    (
        "our Jake (year 6 at St Mary's Primary) was pushed over",
        "our [school and year] was pushed over",
    ),
]

# Services' numbers, times, references, public places, web addresses and
# counts stay as written.
STAYS = [
    "my room's 2 floors up",
    "my flat is 3 doors down",
    "my mum's at 3 today",
    "my room is 12 by 14 feet",
    "order number 204-1234567-1234567 from amazon",
    "the room was 20 in the Town Hall",
    "ref INC07700900456 was given",
    "he called me.then left",
    "the file was called report.pdf",
    "there were 30 caravans on the park and 4 were broken into",
    "our site has 120 pitches and 40 statics",
    "they took £40 then another £60 then £100",
    "junction 14 of the M6 was closed then reopened at 5",
    "ring us on 101 2000 times and nobody answers",
    "the dog had a chip but it was old",
    "the fleet of 20 vans went past",
    "its in ls6 and the bus was late",
    "we're house hunting at the moment",
    "we met at Seven Sisters Road",
    "the case is at the Crown Court, courtroom 3",
    "kids in Roath park, number 3 on the list of trouble spots",
    "the number 14 bus goes past the caravan park at Kinmel Bay",
    "ring 999 then 101 if it's not urgent",
    "the bus goes at 10 then 11 then 12",
    "go to www.bbc.co.uk for the news",
    "the file was report.final.docx on the email",
    "message me on facebook please",
    "the 3rd floor of the library is where they meet",
    "we had 3 vans on the site for 2 weeks",
    "the price tag was 20 quid",
]

# Only the home's number goes: a holiday park's name stays, and a postcode
# is still a postcode, not a plate.
PARTLY_STAYS = [
    ("Home number 0113 496 0271, ask for Ravi", "Home number [phone], ask for [name]"),
    (
        "a caravan on plot 31 at Sunnyvale Holiday Park, Kinmel Bay, that's been broken into.",
        "a caravan on [address] at Sunnyvale Holiday Park, Kinmel Bay, that's been broken into.",
    ),
    (
        "we r stayin at Trevelgue holiday park, caravan 112",
        "we r stayin at Trevelgue holiday park, [address]",
    ),
    ("we live in LS19 0DE near the school", "we live in [postcode] near the school"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    HOMES_ON_SITES_AND_IN_BLOCKS
    + PHONES_IN_FIGURES_AND_WORDS
    + PLATES_IN_SENTENCES
    + CODES_AND_HANDLES
    + POSTCODES_SAID_ODDLY
    + SCHOOLS_IN_BRACKETS,
)
def test_numbers_in_each_family_are_replaced(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", STAYS)
def test_services_times_references_and_public_places_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), PARTLY_STAYS)
def test_holiday_parks_stay_beside_the_home_number(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected
