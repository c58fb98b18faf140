"""Issue 15, numbers and homes: the forms a writer who never saw the engine
uses for postcodes, plates, house numbers, house names and dates of birth,
and the numbers around them that must stay. Figures over the corpora are in
test_redaction_corpus.py; the probe these forms came from is
tests/data/personal_details/numbers_probe.jsonl."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "new address, Brook Lane, GU 27 3 RP. Regards",
            "new address, Brook Lane, [postcode]. Regards",
        ),
        ("postcode is b 23 7hl, they took tools", "postcode is [postcode], they took tools"),
        ("our postcode is N W 1 0 4 R T", "our postcode is [postcode]"),
        ("its ls6 3 hb by the uni", "its [postcode] by the uni"),
        ("delivery to L 8 7 NQ went missing", "delivery to [postcode] went missing"),
        ("we're in Rg4 7 ta", "we're in [postcode]"),
    ],
)
def test_postcodes_spaced_anyhow(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    [
        "Lorries are leaving the M25 at junction 4 and using the A224",
        "take the m 1 2nd exit then the A5",
        "the number 36 bus at 11.30pm on Friday",
        "The M4 between J10 and J11 is closed till 6am",
        "call 101 or 999, or 111 for health, or 0300 123 4567 for the council",
        "about 40 kids on 20 bikes came down the A3 at half ten",
        "Is the B1234 still shut? Bus 12A is using Station Road",
        "Speed cameras on the A406 near junction 4, 40mph limit",
        "I paid £250 on 14/10/2026 for a car that never arrived",
    ],
)
def test_numbers_that_are_not_personal_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a red Corsa, plate something like Bravo Echo one six... then I missed the rest",
            "a [vehicle reg]... then I missed the rest",
        ),
        (
            "the reg was like, whisky lima one nine, then kilo something. it drove off",
            "the reg was like, [vehicle reg]. it drove off",
        ),
        (
            "Car is black, number is B, M, one, nine, then X, Y, K. Driver spat at me.",
            "Car is black, number is [vehicle reg]. Driver spat at me.",
        ),
        (
            "the registration was Echo Yankee six eight, then I think Tango",
            "the registration was [vehicle reg]",
        ),
        ("the reg started with Foxtrot Tango two", "the reg started with [vehicle reg]"),
        (
            "The motorbike reg begins with Golf Yankee and ends X-ray Echo Lima",
            "The motorbike reg begins with [vehicle reg]",
        ),
        (
            "a dark blue Skoda, I think reg is something like NG 1 7 something",
            "a [vehicle reg]",
        ),
        ("NI reg ABZ 7731 parks across our drive", "NI reg [vehicle reg] parks across our drive"),
        ("car with plates MV-18-KLO parks here", "car with plates [vehicle reg] parks here"),
        (
            "silver Zafira GY 18 - LPZ parked on the zig zags",
            "[vehicle reg] parked on the zig zags",
        ),
        ("he drives a blue vauxhall combo van DY70 HBN and", "he drives a [vehicle reg] and"),
        ("green Kawasaki motorbike, reg ended in WXO I think", "[vehicle reg] I think"),
        ("a black Range Rover with the plate S4 MMY keeps racing", "a [vehicle reg] keeps racing"),
    ],
)
def test_plates_read_out_whole_or_in_part(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    [
        "Mike and Victor 2 doors down keep shouting",
        "in November two thousand and six the car was stolen",
        "the hotel, two cars were parked there",
        "he drives a Golf GTI, reg unknown, about 2 years old",
        "the bike's reg I didn't get, it went down the B2158 at 9pm",
        "Delta Force 2 was on the telly",
    ],
)
def test_words_that_sound_like_plates_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I'm in Apartment 4, 9 Quayside and the bike store",
            "I'm in [address] and the bike store",
        ),
        ("we live at number eight Ashgrove, the one with", "we live at [address], the one with"),
        ("we're at 3 Fernhill, off the B road", "we're at [address], off the B road"),
        ("my mum lives at 3 the paddocks and", "my mum lives at [address] and"),
        (
            "Previous address: 2 Canal Side, Hebden Bridge.",
            "Previous address: [address], Hebden Bridge.",
        ),
        (
            "posted my address online, its 9 wharf st. help",
            "posted my address online, its [address]. help",
        ),
        ("I live Clifton Road number 12, top floor. Post goes", "I live [address]. Post goes"),
        ("I'm in flat nine at twenty-two Mill Street and", "I'm in [address] and"),
        (
            "smoked weed in our bin store at 1 0 4 Moss Lane again",
            "smoked weed in our bin store at [address] again",
        ),
        ("address: Flat 2/1, 18 Dumbarton Road", "address: [address]"),
        ("I'm at flat 6 of 12 Castle St, third floor", "I'm at [address]"),
    ],
)
def test_house_numbers_in_any_order_and_form(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    [
        "the meeting is at 7 Westfield shopping centre",
        "the No. 9 bus stops on Station Road number 2 stop",
        "it happened at 10 the next morning",
        "at 7 the police came",
        "the top floor of the car park",
        "there are 3 flats in Kings Court",
        "in 1990 the house was built",
        "meet at 7 the park gates",
    ],
)
def test_numbers_near_streets_that_are_not_homes_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I reside at Fairview, 2 Wood End. Since", "I reside at [address], [address]. Since"),
        (
            "Sheep worrying again at Highfield Farm last night",
            "Sheep worrying again at [address] last night",
        ),
        (
            "Major Charles Fairbrother of Hollybush House, telephone",
            "[name] of [address], telephone",
        ),
        (
            "we are at the willows on top road, kids climb",
            "we are at [address] on top road, kids climb",
        ),
        (
            "the man from the Grange keeps flying his drone",
            "the man from [address] keeps flying his drone",
        ),
        (
            "my mum lives at the old rectory by the church",
            "my mum lives at [address] by the church",
        ),
        (
            "I'm at Greystones, the last house on the lane",
            "I'm at [address], the last house on the lane",
        ),
        ("we're at Wren's Nest, top of the hill", "we're at [address], top of the hill"),
        ("aged seventy five, and live nearby at Hillcrest. Regards", None),
    ],
)
def test_house_names_given_in_other_ways(text: str, expected: str | None) -> None:
    if expected is None:  # only the house name is asserted here
        assert "Hillcrest" not in suggest_publishable(text)
    else:
        assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    [
        "we took the kids to Mudchute Farm at the weekend",
        "the puppy farm at Home Farm",
        "Highbury House surgery has changed its hours",
        "the Grange pub on the corner",
        "Sunnyside Farm shop was broken into",
        "The Old Bell pub and The Red Lion both had fights",
        "I am at Kings Cross station",
        "we are at the park with the kids",
        "the old post office is derelict",
        "Tesco, Station Road is closed",
        "I'm a resident of Shortlands and I'd like to know",
        "is there a Neighbourhood Watch for Elmers End?",
    ],
)
def test_public_places_named_like_homes_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I was born on the first of April nineteen ninety, my name",
            "I was born on [date of birth], my name",
        ),
        (
            "My daughter was born on the ninth of October 2008 and",
            "My daughter was born on [date of birth] and",
        ),
        ("born 1995-08-22. My passport", "[date of birth]. My passport"),
        ("my son (born 2009-06-14) was stopped", "my son ([date of birth]) was stopped"),
        ("DOB 04-17-1988 if you need it", "[date of birth] if you need it"),
        ("My son turned 18 on 3 March and got a letter", "My son [date of birth] and got a letter"),
        ("she turned eighty on the 2nd of May", "she [date of birth]"),
        ("hi im Kai (07/12/2006) and", "hi im [name] ([date of birth]) and"),
        (
            "got a letter about me, 30/01/99, lost it",
            "got a letter about me, [date of birth], lost it",
        ),
    ],
)
def test_dates_of_birth_in_any_order_and_form(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    [
        "on 12/03/2009 my car was stolen",
        "since 01/01/2005 we have had trouble",
        "letter dated 03/04/2010 from the council",
        "I paid on 14/10/2026 and nothing came",
        "the 3rd of May is the fete",
        "on the 3rd of May 1961 the church was built",
        "my son turned 18 on Saturday",
    ],
)
def test_dates_that_are_not_births_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Partial reg 'DF5' on a dark hatchback",
            "Partial reg '[vehicle reg]' on a dark hatchback",
        ),
        ("Polish plates WX 12345 on a van", "Polish plates [vehicle reg] on a van"),
        ("my number ends in 4567", "my number ends in [phone]"),
    ],
)
def test_parts_and_plates_from_abroad(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("e-mail - dan.p-at-gmail-dot-com", "e-mail - [email]"),
        ("my home is 88 Kings Avenue, Flat C", "my home is [address]"),
        (
            "the residents at Summerfield House are frightened",
            "the residents at [address] are frightened",
        ),
        ("Kind regards, the Pikes, Heron's Rest", "Kind regards, the Pikes, [address]"),
    ],
)
def test_probe_c_forms(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    ["a trip to Land's End", "we went to the World's End pub", "meet at 3-at-the-latest"],
)
def test_places_with_home_words_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("send to h u g h at bt internet dot com", "send to [email]"),
        ("Our postcode ends 4HQ, it's TN2", "Our postcode ends [postcode], it's [postcode]"),
        (
            "the first two letters of the reg were LD and then 19",
            "the first two letters of the reg were [vehicle reg]",
        ),
        ("Ground Floor Flat, 3 Marine Parade, Brighton", "[address], Brighton"),
        ("Basement flat at 27 Oxford Gardens has rats", "[address] has rats"),
        ("I (born 1949) am a pensioner", "I ([date of birth]) am a pensioner"),
    ],
)
def test_probe_d_forms(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    [
        "my son was born in 2010 and is getting in trouble",
        "I gave the reg to the PC at 10pm",
        "the ground floor flat is empty",
    ],
)
def test_probe_d_ordinary(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the red Nissan Micra with reg ending 'KTW'", "the [vehicle reg]'"),
        ("home is Tanglewood, Shore Road", "home is [address], Shore Road"),
        (
            "Yours sincerely, Edna Price (born 2/2/1938)",
            "Yours sincerely, [name] ([date of birth])",
        ),
        (
            "Name: Peter Odell, 12/08/1957, reporting a scam",
            "Name: [name], [date of birth], reporting a scam",
        ),
    ],
)
def test_probe_e_forms(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    [
        "We're at Wembley for the match, 3pm kick off",
        "He was released 12/12/2010 and has been back since",
        "number 47 bus and number 3 tram",
        "Between 01/06/2024 and 05/06/2024 three cars were done",
        "The Golf Club on Hotel Road had 4 buggies stolen",
        "Delta flight 22 was delayed and my bag went missing",
        "Hollybush Lane and Oak Farm Road are flooded",
        "the Old Forge pub quiz is at 8",
        "Route 9 via Station Road number 14 stop is closed",
    ],
)
def test_probe_e_ordinary(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lower Barn Farm lambs stolen", "[address] lambs stolen"),
        ("my home Fairview was burgled", "my home [address] was burgled"),
        ("number eight Ashgrove is ours", "[address] is ours"),
    ],
)
def test_the_briefs_own_examples(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    ["my home Wi-Fi was hacked", "our house Ring doorbell caught it", "we went to Home Farm"],
)
def test_words_after_my_home_that_are_not_its_name_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I have the email georgina dot hart seventy two at hotmail dot co dot uk",
            "I have the email [email]",
        ),
        ("I am at two hundred and four Great North Road", "I am at [address]"),
        ("I was born 3 March in 1958 so I am 67", "I was born [date of birth] so I am 67"),
    ],
)
def test_probe_g_forms(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    [
        "NHS 111 told me to ring you",
        "The youth club at The Grange community centre is closing",
        "Bus 162 at 8.05, 8.20 and 8.35 never turns up",
        "On 21/11/2026 at 10pm a firework went through our letterbox",
        "My 1998 Honda was broken into at 3am",
        "is 30 too fast for the B2015 by the school?",
    ],
)
def test_probe_i_ordinary(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary
