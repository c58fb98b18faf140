"""Issue 15, redaction round 8: the PEOPLE details the seventh unseen set
(tests/data/personal_details/unseen_2026_11_30_l.jsonl and _m.jsonl, spent)
showed the engine missing, by concept family: the set's own lines, new
variants, and the look-alikes that must stay. What an officer sees is the
suggested publishable text. Figures per file are in docs/redaction-figures.md
("Round 8: people")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable


def _cases(*pairs: tuple[str, str]) -> list[tuple[str, str]]:
    return list(pairs)


@pytest.mark.parametrize(
    ("text", "expected"),
    _cases(
        # the set's lines
        (
            "Could your officers patrol it? D. Llewellyn (Mrs), 029 2018 0552",
            "Could your officers patrol it? [name], [phone]",
        ),
        (
            "Please pass on my thanks. Sunita from Leicester Road",
            "Please pass on my thanks. [name] from Leicester Road",
        ),
        (
            "fb page 'Leanne Marie Jones' is selling what i think are stolen bikes, shes in "
            "the Hollybank Estate group",
            "fb page '[name]' is selling what i think are stolen bikes, shes in the Hollybank "
            "Estate group",
        ),
        (
            "stolen motorbike found dumped behind my garage this morning, po5 1ab, 023 9283 1144 "
            "ask for dean",
            "stolen motorbike found dumped behind my garage this morning, [postcode], [phone] "
            "ask for [name]",
        ),
        (
            "if u see my cat hes ginger called biscuit we live on Ash Grove no.19, call jo 07 888 "
            "214 650",
            "if u see my cat hes ginger called biscuit we live on [address], call [name] [phone]",
        ),
        (
            "Hello, my name is Agnieszka, my surname is Zielińska.",
            "Hello, my name is [name], my surname is [name].",
        ),
        # new variants
        ("Many thanks, J Patel (Mr)", "Many thanks, [name]"),
        (
            "Thanks for sorting the parking. Priyanka from Elm Grove",
            "Thanks for sorting the parking. [name] from Elm Grove",
        ),
        (
            'the insta profile "Kelly Ann Roberts" keeps posting pics of my house',
            'the insta profile "[name]" keeps posting pics of my house',
        ),
        (
            "if anyone sees him ring sam on 07700 900 123",
            "if anyone sees him ring [name] on [phone]",
        ),
        (
            "his last name is Okonkwo and he lives next door",
            "his last name is [name] and he lives next door",
        ),
    ),
)
def test_signed_and_cued_names_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Greetings from Mill Road",
        "fb page 'Wythenshawe Lost n Found' shared it",
        "ask for me at reception",
        "call back tomorrow please",
        "my name is [name] (family name first)",
        "My surname changed too, that's all.",
    ],
)
def test_name_look_alikes_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    _cases(
        # the set's lines
        (
            "he just made a new account, connorw.2k3. he hangs about the Foyleside centre",
            "he just made a new account, [social media handle]. he hangs about the Foyleside "
            "centre",
        ),
        (
            "i sell on vinted as lily.loves.thrift and a buyer keeps threatening me",
            "i sell on vinted as [social media handle] and a buyer keeps threatening me",
        ),
        (
            "theres a youtuber 'Brummie Pranks' (channel @brummiepranksofficial) filming people",
            "theres a youtuber '[social media handle]' (channel [social media handle]) filming "
            "people",
        ),
        (
            "Saw on reddit (u/throwaway_soton99) someone asking to buy stolen bikes",
            "Saw on reddit ([social media handle]) someone asking to buy stolen bikes",
        ),
        # new variants
        (
            "she has a new account: jess_x_2009 now",
            "she has a new account: [social media handle] now",
        ),
        (
            "he was on depop as retro.kicks.95 selling fakes",
            "he was on depop as [social media handle] selling fakes",
        ),
        (
            'a tiktoker called "Shifty Sam" is filming kids outside the school',
            'a tiktoker called "[social media handle]" is filming kids outside the school',
        ),
    ),
)
def test_handles_without_at_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "he made a new account, so he says",
        "watch the channel 'How To Fix Bikes' for tips",
        "u/ok thanks",
    ],
)
def test_handle_look_alikes_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    _cases(
        (
            "We live on a narrowboat called Dragonfly II, usually moored below Hatton Locks.",
            "We live on a narrowboat called [address], usually moored below Hatton Locks.",
        ),
        (
            "I am the chapel secretary. Please contact me at Brynhyfryd or telephone 01974 831 "
            "442. Eirlys Morgan",
            "I am the chapel secretary. Please contact me at [address] or telephone [phone]. "
            "[name]",
        ),
        (
            "we live on a houseboat named Kingfisher 2 at the marina",
            "we live on a houseboat named [address] at the marina",
        ),
        ("write to me at Hafodunos, please", "write to me at [address], please"),
    ),
)
def test_boats_and_homes_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "please contact me at Tregaron Road or ring",
        "contact me at Tesco, I work there",
    ],
)
def test_home_look_alikes_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    _cases(
        (
            "The builder we used, O'Reilly Extensions, has taken 6,000 pounds deposit.",
            "The builder we used, [name], has taken 6,000 pounds deposit.",
        ),
        (
            "Chris Wood Electrical (not the real one, a scammer using the name) wants deposits.",
            "[name] (not the real one, a scammer using the name) wants deposits.",
        ),
        ("we paid Hughes Loft Conversions a deposit", "we paid [name] a deposit"),
        ("a firm called McGinley Renovations", "a firm called [name]"),
    ),
)
def test_businesses_carrying_a_person_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the taxi from Swift Cars was late",
        "we booked Windsor Extensions for the job",
    ],
)
def test_business_look_alikes_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    _cases(
        (
            "I'm the lollipop lady outside Fairfield Primary on Mill Road, the only one they've "
            "got, and a driver swore at me",
            "I'm [job], and a driver swore at me",
        ),
        (
            "I'm the caretaker at St Luke's Church and the only keyholder, and the lead has gone.",
            "I'm [job], and the lead has gone.",
        ),
        (
            "I work night shift at the Amazon warehouse at Magna Park, the only Romanian forklift "
            "driver there, and one man threatens me.",
            "I work night shift at [job], and one man threatens me.",
        ),
        (
            "Big Al who does the door at Pryzm on weekends is selling coke",
            "[name] who [job] is selling coke",
        ),
        # new variants
        ("she's the receptionist at Parkside Surgery, the only one on Saturdays.", "she's [job]."),
        ("my son works the door at the Crown on Fridays", "my son [job]"),
        # earlier spent sets: a one-person post at a named place with its street,
        # how long a post has been held before "the only"
        (
            "The lollipop lady at St Joseph's on Hawthorn Road got sworn at again.",
            "[job] got sworn at again.",
        ),
        (
            "the only bouncer wi a neck tattoo at the Garage on Sauchiehall St punched my pal",
            "[job] punched my pal",
        ),
        (
            "I am the verger there, and have been for forty years, the only one the parish has.",
            "I am [job].",
        ),
    ),
)
def test_jobs_that_single_someone_out_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "we walked to the park at Victoria Park, the only one nearby",
        "someone kicked the door at Pryzm last night",
    ],
)
def test_job_look_alikes_stay(text: str) -> None:
    assert suggest_publishable(text) == text


def test_a_pubs_post_leaves_its_street() -> None:
    """The writers keep the street after a pub's landlady or bouncer: only
    "the only ..." makes such a post one person's with its street."""
    text = "I'm the landlady at The Crown on Bridge Street and a man keeps coming in"
    assert "Bridge Street" in suggest_publishable(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    _cases(
        (
            "She's in second year at Our Lady's High in Motherwell.",
            "She's in [school and year] in Motherwell.",
        ),
        (
            "My son goes to Hillcrest School (year 11, form 11R), and on the way home",
            "My son goes to [school and year], and on the way home",
        ),
        (
            "I am a widow and 81. I expect a reply.",
            "I am [age]. I expect a reply.",
        ),
        # new variants
        ("he's in third year at St Ninian's High School", "he's in [school and year]"),
        (
            "she goes to Oakwood Academy (Year 8, tutor group 8JT) and gets bullied",
            "she goes to [school and year] and gets bullied",
        ),
        ("Mum is 84 and a widow, she gets scared", "Mum is [age], she gets scared"),
    ),
)
def test_schools_and_ages_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the widow and her son came round",
        "my nan is a widow now",
    ],
)
def test_school_and_age_look_alikes_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    _cases(
        # earlier spent sets: a name half given, a name set off by commas
        (
            "he said his name was Carwyn something. I'm not accusing anyone",
            "he said his name was [name] something. I'm not accusing anyone",
        ),
        (
            "I want the woman who posted it, Kerry Heath, charged.",
            "I want the woman who posted it, [name], charged.",
        ),
        (
            "The head bouncer at Vibe on Wind Street, Craig, threw my mate down the stairs.",
            "[job] on Wind Street, [name], threw my mate down the stairs.",
        ),
        (
            "the bloke from the garage, Dave, said it was fine",
            "the bloke from the garage, [name], said it was fine",
        ),
    ),
)
def test_half_given_and_set_off_names_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the man at the corner shop, Tesco, sold it",
        "the lad from the chippy, Harbour Road, was there",
    ],
)
def test_set_off_name_look_alikes_stay(text: str) -> None:
    assert suggest_publishable(text) == text


def test_a_street_set_off_after_a_person_stays() -> None:
    text = "My neighbour lives at The Old Bakehouse, North Street, and fell on the cobbles"
    assert "North Street" in suggest_publishable(text)
