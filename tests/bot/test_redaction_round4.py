"""Issue 15, redaction round 4: the forms the third unseen set
(tests/data/personal_details/unseen_2026_11_30_d.jsonl and _e.jsonl) showed
the engine missing, as concepts in new sentences, and the words that must
stay beside them. Figures per file are in docs/redaction-figures.md ("Issue 15,
round 4")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every figure typed apart, one too many: still a mobile
        ("text me on 07 7 0 0 9 0 0 4 6 1 2 please", "text me on [phone] please"),
        ("mob 0 7 9 1 1 2 2 3 3 4 4 5, ta", "mob [phone], ta"),
        # an l for a one, o for a zero
        ("her number's 07700 9oo l23 if needed", "her number's [phone] if needed"),
        # house numbers in words, misspelt, hyphenated, after "out of"
        ("the lads at number ninteen are at it again", "the lads at [address] are at it again"),
        ("they sell from fourty one Mill Road, Kendal", "they sell from [address], Kendal"),
        (
            "dealing out of thirty-six Oak Street, day and night",
            "dealing out of [address], day and night",
        ),
        # the street's quarter after its type
        ("bins left at 12 Dumbarton Rd East again", "bins left at [address] again"),
        # Welsh and Gaelic streets: the street word first
        ("Mae'r car outside 9 Heol y Bryn all week", "Mae'r car outside [address] all week"),
        ("my nan lives at 4 Stryd y Farchnad, Bala", "my nan lives at [address], Bala"),
        ("we are at 15 Ffordd yr Eglwys", "we are at [address]"),
        ("3 Lôn Goch has had its shed done", "[address] has had its shed done"),
        ("number twelve Sràid na Banrighinn", "[address]"),
        # Scotland's floor and door, a flat then its house number with no comma
        (
            "parcels go missing from flat 3/2 every week",
            "parcels go missing from [address] every week",
        ),
        ("its flat 2 18 percy rd in hull", "its [address] in hull"),
        ("the caravan on pitch 41 has a dog", "the caravan on [address] has a dog"),
    ],
)
def test_numbers_and_homes_in_odd_forms_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the letter had my DOB printed on it, 21.11.58, in full",
            "the letter had my DOB printed on it, [date of birth], in full",
        ),
        (
            "you asked for my dob last week. it's 02/02/1990.",
            "you asked for my dob last week. it's [date of birth].",
        ),
        (
            "my lad was born on the 3rd, two weeks early",
            "my lad was born on [date of birth], two weeks early",
        ),
        ("born on the 9th of the 4th 1972, if it helps", "[date of birth], if it helps"),
        (
            "the frame number is WTU 1234 5678 X and it's a Carrera",
            "the [ID number] and it's a Carrera",
        ),
        ("frame no GB 771 0042 J, stolen Friday", "[ID number], stolen Friday"),
        ("Blue badge number 9AB1 2CD3 4455 was in the car", "Blue [ID number] was in the car"),
        ("firearm certificate no 22/FA/1187 expires soon", "firearm [ID number] expires soon"),
        ("our herd number is 12/345/6789 if they ask", "our [ID number] if they ask"),
        (
            "the key safe is by the door and the code is on a note, it's 7712",
            "the key safe is by the door and the code is on a note, it's [ID number]",
        ),
    ],
)
def test_dates_of_birth_and_numbers_that_lead_to_one_person_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    [
        "the code of practice changed in 2019",
        "the dress code says no trainers after 9pm",
        "my membership lapsed in 2023",
        "speeding on Heol Hir every night, and Lôn Las too",
        "the 3 of us walked down the road at 10",
        "it weighs 9lb and cost £12",
        "born and bred in Hull, 60 years on the same estate",
        "the event on 12.03.2024 was cancelled",
    ],
)
def test_the_numbers_and_words_around_them_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town at the end of an age's description stays
        (
            "My nan is 88 and lives on her own in Ormskirk, and keeps getting calls",
            "[age] in Ormskirk, and keeps getting calls",
        ),
        (
            "I am a widower of 91 and have lived in Haworth all my life.",
            "[age] and have lived in Haworth all my life.",
        ),
        # after a job, only where the place already says which one
        (
            "I am the verger at St Mary's church, Whitby, and lock up at night",
            "I am [job], Whitby, and lock up at night",
        ),
        (
            "I'm the treasurer of the village cricket club here in Much Wenlock. We lost the mower",
            "I'm [job] here in Much Wenlock. We lost the mower",
        ),
        ("I'm the only GP at the surgery in Tobermory", "I'm [job]"),
    ],
)
def test_a_town_after_a_description_stays(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    [
        # a postal town beside its postcode's place, a street after a title word
        "the funeral went down Lord Street and Lady Lane on Friday",
        "we moved here from Hong Kong and my cousin is still in Lagos",
        "Everyone in Blackbird Leys knows who it is",
        "a drone over the gardens in Chew Magna again",
    ],
)
def test_places_that_looked_like_names_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


def test_a_postal_town_beside_a_postcode_stays() -> None:
    assert suggest_publishable("12 Mill Lane, Haxby, York YO32 3AB please") == (
        "[address], Haxby, York [postcode] please"
    )
    assert suggest_publishable("3 Hall Lane, Kirk Ella, Hull HU10 7QR") == (
        "[address], Kirk Ella, Hull [postcode]"
    )
    assert suggest_publishable("it was LS6 2AB Leeds, near the park") == (
        "it was [postcode] Leeds, near the park"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a house's name where an address would be, with no house word
        (
            "someone's been in the back garden at Hollinsend, Crook, twice now",
            "someone's been in the back garden at [address], Crook, twice now",
        ),
        (
            "the van is always parked at Greenhaugh, Mill Lane, blocking the gate",
            "the van is always parked at [address], Mill Lane, blocking the gate",
        ),
        (
            "could your officer call at Orchard House, behind the chapel, one evening",
            "could your officer call at [address], behind the chapel, one evening",
        ),
        # Welsh and Gaelic names with their articles; "of" in a Scottish farm's name
        (
            "my father lives at Pen y Bryn above Llanberis",
            "my father lives at [address] above Llanberis",
        ),
        (
            "we farm at Tigh na Mara, near Ullapool",
            "we farm at [address], near Ullapool",
        ),
        (
            "they took diesel from the yard at Mains of Cairnbrogie, near Oldmeldrum",
            "they took diesel from the yard at [address], near Oldmeldrum",
        ),
    ],
)
def test_house_and_farm_names_without_a_house_word_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    [
        "we drove from Skipton, Keighley Road was shut",
        "I live in Otley, Bridge Street end",
        "the lads in the garden at Christmas were loud",
        "could someone call at the police station about my bike",
    ],
)
def test_towns_before_streets_and_times_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the school first, then the year
        (
            "it happened at Oakbank Academy, hes in yr 9, and the school did nothing",
            "it happened at [school and year], and the school did nothing",
        ),
        # class codes and Scottish and Northern Irish years
        (
            "her class, 3B at Moorside Community Primary, is going on a trip",
            "her class, [school and year], is going on a trip",
        ),
        ("my boy is in P6 at Sacred Heart Primary", "my boy is in [school and year]"),
        ("he's in primary 3 at Kirkhill Primary now", "he's in [school and year] now"),
        ("my niece is in 3rd year at lurgan college", "my niece is in [school and year]"),
        ("the lad in S2 at st ninians high", "the lad in [school and year]"),
        # a one-letter Welsh word starting the school's name
        ("she's in year 5 at Y Garreg Lwyd Primary", "she's in [school and year]"),
    ],
)
def test_children_s_schools_written_any_way_round_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    [
        "the first year at the new school was hard on everyone",
        "Year 9 maths homework keeps going missing",
        "the school bus at 8am is always late",
    ],
)
def test_school_words_with_no_child_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my youngest Cerys is being picked on", "my youngest [name] is being picked on"),
        ("Osian and Gethin from the farm saw it", "[name] and [name] from the farm saw it"),
        ("ask Mhairi at the shop, she saw them", "ask [name] at the shop, she saw them"),
        ("thanks, Jaswinder", "thanks, [name]"),
    ],
)
def test_welsh_gaelic_and_punjabi_given_names_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # initials and a surname, as a signature or anywhere with full stops
        ("Please advise. Yours, T. W. Marsden", "Please advise. Yours, [name]"),
        ("I have written twice. K. Baines", "I have written twice. [name]"),
        (
            "the letter was from a J. Okonjo at the council",
            "the letter was from a [name] at the council",
        ),
        # a name in capitals where a name is written down
        (
            "the name on the parcel was D HOLT, not mine",
            "the name on the parcel was [name], not mine",
        ),
        # a given name and a surname's initial
        (
            "it's a lad called jordan t. from the estate",
            "it's a lad called [name]. from the estate",
        ),
        ("his tag says KAYDEN R, in red", "his tag says [name], in red"),
        # a name given as such, a family signing
        ("the seller gave her name as Lisa Tranter", "the seller gave her name as [name]"),
        ("Kind regards, the Hargreaves", "Kind regards, the [name]"),
    ],
)
def test_names_by_initials_capitals_and_sign_offs_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    [
        "P.S. Thanks for the help last week",
        "my name is on the LIST at the door",
        "They used my name, DOB and address",
        "H C K. Insurance is with Aviva, the car is fine",
        "I'm not sure. Will I get a reply?",
    ],
)
def test_capitals_and_letters_that_are_not_names_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count after a phone number is not part of it
        (
            "rang them on 0161 496 0123 four times, nothing",
            "rang them on [phone] four times, nothing",
        ),
        # "now" between an age and what singles the person out
        (
            "my grandad is 99 now, the last veteran in the village, and he's scared",
            "[age], and he's scared",
        ),
        # a job there is one of where "there" names the place
        ("I'm the caretaker there, so I see it all", "I'm [job], so I see it all"),
    ],
)
def test_round_4_smaller_forms(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


def test_a_town_alone_at_the_end_stays() -> None:
    text = "The bins have not been collected for three weeks. Ammanford"
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date of birth is the 3rd of the 4th, 85", "date of birth is [date of birth]"),
        ("my mob is 077 009 001 23", "my mob is [phone]"),
    ],
)
def test_more_number_forms(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    [
        "Kids from the high school, year 10 I think, are smoking at the bus stop.",
        "Someone keeps parking at the top of Stryd Fawr near the chapel.",
        "Is it legal to fly a drone over Maes y Parc playing fields?",
        "The bus from Gorseinon to Swansea is always late.",
        "The code on the gate at the allotments keeps changing.",
        "I called at the police station on Monday and nobody was there.",
    ],
)
def test_round_4_ordinary_questions_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "My parents are at Hafod Wen, above the village.",
            "My parents are at [address], above the village.",
        ),
        ("both boys are at Westfield, years 8 and 10", "both boys are at [school and year]"),
        ("Many thanks, P & D Sowerby", "Many thanks, [name]"),
    ],
)
def test_homes_schools_and_couples_said_plainly_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


def test_a_shop_with_an_ampersand_stays() -> None:
    text = "we shop at B & Q Warehouse on Sundays"
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(
    "ordinary",
    [
        # words typed wrong, dialect and kinship words are not names
        "my dad recieved a text saying he owes money",
        "they made a page in my name useing my pictures",
        "he keeps sending her msgs at night",
        "Reet, so the lads were back again last night",
        "Nana's fine but very shaken by it all",
    ],
)
def test_misspellings_dialect_and_kinship_words_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


def test_a_name_after_a_kinship_word_still_goes() -> None:
    assert suggest_publishable("Nana Akosua from church was robbed") == (
        "Nana [name] from church was robbed"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we're at #14 in the cul-de-sac", "we're at [address] in the cul-de-sac"),
        ("my mum's at 4 Bryn Teg, Bangor", "my mum's at [address], Bangor"),
        ("we live at 9 Cae Glas", "we live at [address]"),
        (
            "she's at 44, the house with the green door",
            "she's at [address], the house with the green door",
        ),
        # round 19: a house number "on" its street goes with it, as every
        # blind writer since labels it (test_redaction_round19_spent16)
        ("the house at number 6 on Rosebery Street", "the house at [address]"),
    ],
)
def test_more_house_number_forms(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    ["I bought 4 Pen Drives from the market", "she's at 38 weeks now", "the 12 bus at junction 12"],
)
def test_numbers_before_welsh_looking_words_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


def test_a_date_of_birth_with_the_month_as_an_ordinal_goes() -> None:
    assert suggest_publishable("dob second of the twelfth, seventy one") == "[date of birth]"
    assert suggest_publishable("the first of the month is payday") == (
        "the first of the month is payday"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he lives at 3 Ffordd Pen y Bryn, Llandudno", "he lives at [address], Llandudno"),
        ("drop it at Nyth y Wennol, Cwm Road", "drop it at [address], Cwm Road"),
        ("my wee girl in primary two at Kilbowie Primary", "my wee girl in [school and year]"),
    ],
)
def test_welsh_names_of_several_words_and_years_in_words(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected
