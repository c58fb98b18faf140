"""Issue 15, redaction round 5: people, jobs and houses. The forms the
fourth unseen set (tests/data/personal_details/unseen_2026_11_30_f.jsonl and
_g.jsonl) showed the engine missing, as concepts in new sentences, and the
words that must stay beside them. Figures per file are in docs/redaction-figures.md
("Round 5: people and houses")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a job anyone might do, made one person's by "only" after it
        (
            "im a cleaner for the indian on Queens Road, the only one with a bike, and they follow",
            "im [job], and they follow",
        ),
        (
            "I'm a taxi driver out of Crewe station, the only woman on nights, and a man waits",
            "I'm [job], and a man waits",
        ),
        (
            "my sister work at the garden centre in Tring, only Polish girl there, they bully her",
            "my sister work at [job], they bully her",
        ),
        # "the only one/woman" and what they do
        (
            "she's the only one on nights at the Esso on Mill Road and a man came in",
            "she's [job] and a man came in",
        ),
        (
            "I'm the only lady driving the school bus round Hadleigh and a car tails me",
            "I'm [job] and a car tails me",
        ),
        # "only" with no "the", as written
        (
            "I am only Romanian cook on evenings. Someone take my bike",
            "I am [job]. Someone take my bike",
        ),
        # a minister by title and name at their church
        (
            "Pastor Mensah at the chapel on Hope Street told us to write",
            "[job] told us to write",
        ),
        # a place's worker and who they are
        (
            "the chip shop owner who does the late shift in Rugeley was hit",
            "[job] was hit",
        ),
        # what the person looks like, after the job
        (
            "The manager at the Costa in Crewe, the short man with a beard, refused",
            "[job], refused",
        ),
        # a new kind of place: a hostel, a car wash
        ("I'm the warden at the youth hostel in Keswick", "I'm [job]"),
        # a saint's name alone says not which church: its town or street goes too
        (
            "I am the verger at St Oswald's, Grasmere, and the box was forced",
            "I am [job], and the box was forced",
        ),
        (
            "the lollipop man outside St Mary's on Park Road told me",
            "[job] told me",
        ),
        # a chain's branch: the street says which
        ("I'm the night porter at the Travelodge on Canal Street", "I'm [job]"),
    ],
)
def test_jobs_told_in_full_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town after the street in a job's description stays
        (
            "I'm the lollipop lady outside the school on Bridge Street in Bala and a van sped",
            "I'm [job] in Bala and a van sped",
        ),
        # a named place's street stays (unchanged since round 3)
        (
            "the landlady at The Crown on Bridge Street keeps a list",
            "[job] on Bridge Street keeps a list",
        ),
    ],
)
def test_towns_and_streets_after_a_job_stay(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    [
        "the only one who can help is the council",
        "I was the only person getting off the bus at the car wash",
        "the car wash on Station Road has been done over again",
        "is it only open on Sundays?",
        "the only way in is through the car park",
    ],
)
def test_jobs_words_with_no_one_singled_out_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plant or land word's name before a village, after "from" or "of"
        (
            "I report the theft of tools from Hollyhurst, Cerne Abbas. Mr Dean",
            "I report the theft of tools from [address], Cerne Abbas. [name]",
        ),
        (
            "I, Mrs Joan Pryce of Heather Brae, Moffat, wish to complain",
            "I, [name] of [address], Moffat, wish to complain",
        ),
        # a signature's address line
        (
            "Yours faithfully, Arthur Penrose, Lanyon Mill, Zennor.",
            "Yours faithfully, [name], [address], Zennor.",
        ),
        # one word before its street, after "at"
        (
            "the dog at Rosemount on Kirk Road barks all night",
            "the dog at [address] on Kirk Road barks all night",
        ),
        # a name, then "(the ... house ...)"
        (
            "the man at the Larchmont (grey house by the church) shouts at kids",
            "the man at the [address] (grey house by the church) shouts at kids",
        ),
        # "the farm is ...", "rent a room at ...", "my address at ..."
        ("The farm is Cwm Bach Uchaf near Tregaron.", "The farm is [address] near Tregaron."),
        (
            "I rent a room at The Bothy, Kilmory, and he comes in",
            "I rent a room at [address], Kilmory, and he comes in",
        ),
        ("she put my address at Gillside Barn online", "she put my address at [address] online"),
        # where the writer is: a mill
        (
            "We're at Netherby Mill if you need to see it",
            "We're at [address] if you need to see it",
        ),
        # Welsh homes: a name and its adjective, a home's first word, hyphens and Farm
        (
            "they took the quad from Esgair Goch last night",
            "they took the quad from [address] last night",
        ),
        ("our wall at Tyddyn Bach is down", "our wall at [address] is down"),
        (
            "eggs went from the stall at Tan-y-Graig Farm, Nefyn",
            "eggs went from the stall at [address], Nefyn",
        ),
    ],
)
def test_homes_named_where_an_address_would_be_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    [
        "I am writing from Leeds, West Yorkshire.",
        "the lads at Tesco on Chester Road",
        "we met at Costa, Bromley.",
        "car broken into at Gordale Scar, Malham.",
        "the match at Anfield, Liverpool.",
        "an officer from Action Fraud, Manchester.",
        "someone keeps parking on Stryd Fawr by the chapel",
        "the house is Grade II listed",
        "Yours, Jean Smith's Village Hall Committee, Gosforth.",
    ],
)
def test_places_and_shops_where_a_home_might_be_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # particles: Gaelic, Welsh, Dutch
        (
            "I'm writing for my aunt Mairead Nic an t-Saoir, who is deaf",
            "I'm writing for my aunt [name], who is deaf",
        ),
        ("my grandad, Joost van der Linde, went missing", "my grandad, [name], went missing"),
        ("Her dad is Emrys ap Gwilym, a farmer", "Her dad is [name], a farmer"),
        # a lower-case given name and surname
        ("shona macrae from the post office said it", "[name] from the post office said it"),
        ("ask paddy o'hare, he saw it", "ask [name], he saw it"),
        ("iain marr from ullapool said", "[name] from ullapool said"),
        # names from many backgrounds, with no lead-in
        ("Zuzanna Kowalczyk from the deli told me", "[name] from the deli told me"),
        ("his real name is actually Tosin Adewale", "his real name is actually [name]"),
        # a name by trade
        ("Jones the Milk's float was nicked", "[name]'s float was nicked"),
        # businesses carrying a name
        (
            "is Khan's Londis on Bute Street selling vapes to kids?",
            "is [name] on Bute Street selling vapes to kids?",
        ),
        (
            "a man trading as Gary Platt Tree Surgeons took my money",
            "a man trading as [name] took my money",
        ),
        ("the van says Pizza da Franco on the side", "the van says [name] on the side"),
        ("the window at Rahman's Mini Market went in", "the window at [name] went in"),
    ],
)
def test_names_with_particles_trades_and_businesses_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    [
        "the paddy machine at the arcade was smashed",
        "i told them the bus was late",
        "we had a pizza at Pizzeria da Napoli",
        "the Londis on Hope Street was robbed",
        "are they trading as usual after the fire?",
    ],
)
def test_words_near_names_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town after a date of birth: the month's short form is not the name Jan
        (
            "I'm Carl Dobbs, dob 4th Jan 79, from Kirkby",
            "I'm [name], [date of birth], from Kirkby",
        ),
        # a page's or group's name is public
        (
            "a page on facebook called Ashby Mums Chat keeps naming my son",
            "a page on facebook called Ashby Mums Chat keeps naming my son",
        ),
        # bus numbers
        (
            "I got the number 10 bus and a lad followed me",
            "I got the number 10 bus and a lad followed me",
        ),
        ("on the 43 to town a man was shouting", "on the 43 to town a man was shouting"),
    ],
)
def test_towns_pages_and_buses_beside_details_stay(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


def test_jan_as_a_name_still_goes() -> None:
    assert suggest_publishable("my mate Jan said he saw it") == "my mate [name] said he saw it"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # more jobs: a teacher's own class, "work only", "the only fella",
        # a saint's school, a violent verb after the job
        (
            "I teach Polish Saturday school at the community centre, only teacher. A dad shouts",
            "[job]. A dad shouts",
        ),
        (
            "I work only cleaner at night at Bella Vista hotel. A man hit me",
            "I work [job]. A man hit me",
        ),
        (
            "it was the only fella driving for Star Cabs that night, a black Octavia",
            "it was [job], a black Octavia",
        ),
        (
            "im the only dinner lady at St Bede's Primary on Hall Road and a parent swore",
            "im [job] and a parent swore",
        ),
        (
            "The only security guard at the Aldi on Tong Street grabbed my son",
            "[job] grabbed my son",
        ),
        # lower-case names: by trade, in brackets after a number, a sign-off
        ("dai the post seen a van by the chapel", "[name] seen a van by the chapel"),
        (
            "my new number is 07700 900461 (jade) for the officer",
            "my new number is [phone] ([name]) for the officer",
        ),
        ("ring me back. ta. jay", "ring me back. ta. [name]"),
    ],
)
def test_more_jobs_and_lower_case_names_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "ordinary",
    ["thanks mate", "cheers all", "ta ra", "my mates da drives hame fae the pub every sat"],
)
def test_sign_off_words_that_are_not_names_stay(ordinary: str) -> None:
    assert suggest_publishable(ordinary) == ordinary
