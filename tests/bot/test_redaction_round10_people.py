"""Issue 15, redaction round 10: people and keep words. The eighth unseen set
(tests/data/personal_details/unseen_2026_11_30_n.jsonl and _o.jsonl, spent)
showed ages, the writer's own jobs and names in odd forms left showing, and
places, streets, forces and pets taken for people. Each family is tested by
the set's own lines and by new wordings in other voices, with what must
still go or stay. What an officer sees is the suggested publishable text.
See docs/redaction-figures.md ("Round 10: people and keep words")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# Keep words: places, streets, forces, events, teams and pets, whole.
KEPT_WHOLE = [
    # pn-003
    "I coach the under-10s at Kingstanding Albion, we train behind Kingstanding Circle.",
    # pn-042
    "saw loads of police cars at Tesco Extra on Ashton old rd earlier, any1 no wot happend",
    # pn-134
    "on bricks this morning on Weston Coyney road. i want to know",
    # pn-131
    "dog stolen. staffy called Bruno. ring the station in Rhyl",
    # po-052
    "Is the Barras market on this weekend and will there be police around the Gallowgate?",
    # po-083
    "Is the Ould Lammas Fair going ahead in Ballycastle?",
    # po-076
    "Sheep rustled from my land at Drumquin road, 14 head, nobody has rung.",
    # po-109
    "its by the Forge shopping centre, the wee staffie.",
    # po-130
    "do I report it there or to Avon and Somerset afterwards?",
    # po-120
    "I'm a second year at Northumbria, with four other girls",
    "my daughter's first year at Bangor, and her bike was nicked",
    # new wordings
    "the lads racing up and down Pelsall old road every night",
    "there's glass all over Fenwick Street again",
    "is it Thames Valley or West Mercia I ring about the lorry",
    "my son plays for Chasetown Rovers and the car park is a state",
    "our cat's called Luna and she was shot with an air rifle",
    "a springer spaniel named Archie went missing off the beach",
    "will there be officers at the Whitby Regatta this year",
    "the Kelso Festival was mobbed, is there a lost property",
    "cars parked on the pavement by the Mercat shopping centre",
    "bins set alight on Heathfield lane last night",
]

# A district right after an address stays; the address goes.
DISTRICTS = [
    # pn-054
    (
        "he lives at number fourty two Victoria Place Fenton. what should we do",
        "he lives at [address] Fenton. what should we do",
    ),
    # new wordings
    (
        "she's at 14 Bridge Street Longton, nobody checks on her",
        "she's at [address] Longton, nobody checks on her",
    ),
    ("we live at 3 Mill Lane, Tunstall.", "we live at [address], Tunstall."),
]

# What must still go: a person before a verb, a signature after an address,
# a person next to a team.
STILL_GOES = [
    (
        "My uncle Abdirahman Warsame drive the taxi in Dorchester",
        "My uncle [name] drive the taxi in Dorchester",
    ),
    ("write to me at 12 Elm Road. Thanks, Dave", "write to me at [address]. Thanks, [name]"),
    ("it was Jordan Pickering who shouted at the ref", "it was [name] who shouted at the ref"),
    ("I was walking the dog, Sarah Pickering came over", "I was walking the dog, [name] came over"),
    ("I have small shop, name is Grangetown Mini Market", "I have small shop, name is [name]"),
]


@pytest.mark.parametrize("text", KEPT_WHOLE)
def test_places_streets_forces_events_teams_and_pets_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(("text", "expected"), DISTRICTS + STILL_GOES)
def test_districts_stay_and_people_beside_them_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


# Ages with what singles the person out: a condition, being alone, what they
# are, a record, an injury.
AGES = [
    # pn-110
    ("WHO is grooming him. Hes 13 and has ADHD. Tell me", "WHO is grooming him. [age]. Tell me"),
    # pn-109
    (
        "Shop is on Deane Road. I am 62 years old and I have heart problem, very stress.",
        "Shop is on Deane Road. [age], very stress.",
    ),
    # po-022
    (
        "I live in Bath, aged 88, and I have no family nearby. The caller",
        "I live in Bath, [age]. The caller",
    ),
    # po-158
    (
        "My husband got his nose broken, he's 64 and has a heart condition.",
        "My husband got his nose broken, [age].",
    ),
    # pn-152
    (
        "I am 79 years old and a blue badge holder, so I cannot easily attend the station.",
        "[age], so I cannot easily attend the station.",
    ),
    # pn-082
    (
        "We don't know which station. He is 19 and a student at Aston University. My",
        "We don't know which station. [age]. My",
    ),
    # po-155
    (
        "I am an 87-year-old Second World War evacuee and I live alone.",
        "[age] and I live alone.",
    ),
    # pn-158
    (
        "yous had my son in the cells. Hes 17, no record. Hes got his resit",
        "yous had my son in the cells. [age]. Hes got his resit",
    ),
    # pn-052
    ("My son is 11 and broke his arm. Ring me", "My son is [age]. Ring me"),
    # new wordings
    ("my daughter is 15 and has autism, she was followed home", "[age], she was followed home"),
    (
        "Im 71, no family round here, and the lads keep knocking",
        "[age], and the lads keep knocking",
    ),
    (
        "She's 9 and has epilepsy so the noise at night is a problem",
        "[age] so the noise at night is a problem",
    ),
    ("my lad is 16 and an apprentice at the Vauxhall plant", "my lad is [age]"),
    ("I'm 23 and a student at Bangor uni", "[age]"),
    ("he is 42 and has a criminal record, is that relevant", "[age], is that relevant"),
    ("a 93-year-old widower living alone", "[age]"),
]

# Ages with nothing that singles anyone out stay.
AGES_STAY = [
    "he's 14 and they won't say why",
    "I am 30 and I have a question about parking",
    "she's 12 and loves her bike",
    "a 40-year-old man in a grey hoodie",
    "the car is 10 years old and broken",
    "I'm 45 and my heart sank when I saw it",
]


@pytest.mark.parametrize(("text", "expected"), AGES)
def test_an_age_with_what_singles_the_person_out_goes(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", AGES_STAY)
def test_an_age_alone_stays(text: str) -> None:
    assert suggest_publishable(text) == text


# The writer's own post that singles them out.
OWN_POSTS = [
    # pn-004
    (
        "Hello. I teach Year 6 at Flora Gardens Primary and one of my pupils",
        "Hello. [job] and one of my pupils",
    ),
    # pn-040
    (
        "I'm the Year 2 teacher there and the children would love it",
        "I'm [job] and the children would love it",
    ),
    # pn-126
    (
        "the vestry roof of the church. I am the church organist. The vicar",
        "the vestry roof of the church. I am [job]. The vicar",
    ),
    # po-049
    (
        "Lead stolen. I'm Seamus O'Hare, the caretaker there and the only key holder. Can I",
        "Lead stolen. I'm [name], [job]. Can I",
    ),
    # po-116
    (
        "Dear Sir, I am the churchwarden at St Kea church and the sole key-holder. Our box",
        "Dear Sir, I am [job]. Our box",
    ),
    # po-098
    (
        "Dear Officer, I am the keeper of the Oban war memorial garden and should like to report",
        "Dear Officer, I am [job] and should like to report",
    ),
    # po-136
    (
        "Dear Constable, I recently retired as vicar of St Oswald's, Guiseley. I live now",
        "Dear Constable, I [job]. I live now",
    ),
    # po-090
    (
        "Sir, I am the last surviving crew member of the 1953 flood rescue. I live",
        "Sir, I am [job]. I live",
    ),
    # po-155
    (
        "and the last surviving resident of the original Ballyholme coastguard cottages. I",
        "and [job]. I",
    ),
    # new wordings
    ("she teaches maths at Kings Norton Girls School", "[job]"),
    ("I am the Year 4 teacher at Hollybush Primary", "I am [job]"),
    ("I am the lock keeper at Stoke Bruerne and the boats", "I am [job] and the boats"),
    (
        "I'm the school caretaker, somebody keeps climbing the fence",
        "I'm [job], somebody keeps climbing the fence",
    ),
    ("my brother, the caretaker there, and the only one with a key", "my brother, [job]"),
    ("I served as churchwarden at All Saints for twenty years", "I [job]"),
    (
        "the last remaining member of the Rhyl lifeboat crew, and he was robbed",
        "[job], and he was robbed",
    ),
    ("im the verger so i lock up", "im [job] so i lock up"),
]

# A post many hold, with no place named and no "only", stays.
POSTS_STAY = [
    "I'm the teacher here not the police",
    "I teach in London and the buses are a nightmare",
    "I was the secretary for a while",
    "we are the last family living on the close",
    "I'm the manager so I want to know",
]


@pytest.mark.parametrize(("text", "expected"), OWN_POSTS)
def test_the_writers_own_post_goes(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", POSTS_STAY)
def test_a_post_many_hold_stays(text: str) -> None:
    assert suggest_publishable(text) == text


# Names in capitals, names a person goes by, a tattoo's name, a trade's sign
# with its owner, a boat's name.
NAMES = [
    # pn-081
    (
        "a bank card in the name of MISS A K BRANNIGAN. I've handed it in",
        "a bank card in the name of [name]. I've handed it in",
    ),
    # pn-113
    (
        "its the lad from the flats, they all know him as Smithy. Sort it out",
        "its the lad from the flats, they all know him as [name]. Sort it out",
    ),
    # pn-019
    (
        "had a tattoo on his neck saying SHANE. she got his snap",
        "had a tattoo on his neck saying [name]. she got his snap",
    ),
    # pn-148
    ("its got DANNY BOOTH PLUMBING & HEATING on the side", "its got [name] on the side"),
    # po-006
    (
        "He gave a card saying R. Blowers Roofing and a number",
        "He gave a card saying [name] and a number",
    ),
    # po-092
    (
        "We live aboard a narrowboat, the Dragonfly, moored on the Wensum",
        "We live aboard a narrowboat, the [address], moored on the Wensum",
    ),
    # new wordings
    (
        "the letter was addressed to MR J. O'NEILL at the old address",
        "the letter was addressed to [name] at the old address",
    ),
    ("the parcel said Mrs P SHARMA on it", "the parcel said [name] on it"),
    ("everyone on the estate knows her as Big Sue", "everyone on the estate knows her as [name]"),
    ("the dealer goes by 'Tank' round here", "the dealer goes by '[name]' round here"),
    (
        "he has a tattoo that says Kayleigh on his wrist",
        "he has a tattoo that says [name] on his wrist",
    ),
    ("a white van with KEVIN HOLT ROOFING on it", "a white van with [name] on it"),
    (
        "the flyer said J Fox Plastering, cheapest in town",
        "the flyer said [name], cheapest in town",
    ),
    ("our barge, Kingfisher II, was broken into", "our barge, [address], was broken into"),
]

# Look-alikes that stay: a trade with no given name, an article before a
# trade, a tattoo of a word, a boat with no name.
NAMES_STAY = [
    "A Star Roofing did our gutters",
    "an ACE ROOFING van parked on the verge",
    "a tattoo saying MUM on his arm",
    "we live on a narrowboat, moored at the lock",
    "I know him as well as anyone",
]


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_names_in_capitals_goes_by_tattoos_signs_and_boats_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize("text", NAMES_STAY)
def test_trades_words_and_boats_without_a_name_stay(text: str) -> None:
    assert suggest_publishable(text) == text


# A titled name after "called" with a landlord or an agency before it is a
# person; a station beside a job's place stays; a town before a school year
# is no school.
MORE = [
    # pn-145
    (
        "The landlord, who I've heard called Mr Khatri, comes round every Sunday",
        "The landlord, who I've heard called [name], comes round every Sunday",
    ),
    (
        "the landlord is called Mrs Okafor and she never answers",
        "the landlord is called [name] and she never answers",
    ),
    # pn-154
    (
        "Hello I run the cafe in the Eagle Market by Derby bus station and a man",
        "Hello [job] by Derby bus station and a man",
    ),
    # pn-112
    (
        "bullied on the bus from Ystrad Mynach, he is in year 7 at Ysgol Gyfun Cwm Rhymni and",
        "bullied on the bus from Ystrad Mynach, he is in [school and year] and",
    ),
    # new wordings
    (
        "our housing association, it's Riverside, never answers",
        "our housing association, it's Riverside, never answers",
    ),
    (
        "I manage the bakery in the Broadmarsh near Nottingham station and",
        "[job] near Nottingham station and",
    ),
    (
        "the coach from Merthyr Tydfil, she is in year 8 at Afon Taf High",
        "the coach from Merthyr Tydfil, she is in [school and year]",
    ),
    ("Northfield Academy, she's in Year 9", "[school and year]"),
]


@pytest.mark.parametrize(("text", "expected"), MORE)
def test_titled_names_stations_and_towns_before_a_year(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


# The only one there with something that marks them.
ONLY_THERE_WITH = [
    # po-132
    (
        "He's the only driver there with a ponytail, older white guy.",
        "He's [job], older white guy.",
    ),
    # new wordings
    ("she's the only one here with a car and she's scared", "she's [job] and she's scared"),
    ("I'm the only nurse there with a tattoo so they'll know", "I'm [job] so they'll know"),
    ("hes the only lad there with a red mohawk", "hes [job]"),
]


@pytest.mark.parametrize(("text", "expected"), ONLY_THERE_WITH)
def test_the_only_one_there_with_a_mark_goes(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


def test_the_only_thing_there_with_a_feature_stays() -> None:
    text = "the only shop there with a cash machine, so it gets done"
    assert suggest_publishable(text) == text


# Schools named "All Saints", and a school with two school words in lower case.
SCHOOLS = [
    # pn-110
    (
        "Hes in year 9 at All Saints Catholic High. WHO is grooming him",
        "[school and year]. WHO is grooming him",
    ),
    # po-141
    (
        "my daughter in year 3 at Avenue junior school has been coming home",
        "my daughter in [school and year] has been coming home",
    ),
    # new wordings
    ("she's in year 5 at All Saints Primary and a man", "she's in [school and year] and a man"),
    ("my son, year 2 at Fairfield infant school, was", "my son, [school and year], was"),
    ("our lad is year 10 at Holmfirth high school now", "our lad is [school and year] now"),
]


@pytest.mark.parametrize(("text", "expected"), SCHOOLS)
def test_all_saints_and_lower_case_school_words_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


def test_all_the_schools_stays() -> None:
    assert suggest_publishable("he's in year 7 at all the schools") == (
        "he's in year 7 at all the schools"
    )


def test_a_year_at_a_school_with_no_place_name_still_goes() -> None:
    assert suggest_publishable("she's in second year at St Ninian's and") == (
        "she's in [school and year] and"
    )
