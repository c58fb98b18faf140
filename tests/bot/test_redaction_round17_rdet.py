"""Round 17 (rdet): people singled out by a cue the word-by-word reader
passes over: nicknames, lower-case full names, tags by cue, schools with a
year, lower-case home names, firms carrying an owner. Own wordings in several
voices; each asserts the suggested text a user sees, look-alikes included."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import find_doubtful_names, suggest_publishable


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # nicknames after "calls him" / "known as"
        (
            "some guy flogging knock off trainers at the market, everyone calls him trainer tony",
            ["trainer tony"],
            ["knock off trainers", "the market"],
        ),
        (
            "the lad who keeps keying cars on our street, the kids call him gizmo.",
            ["gizmo"],
            ["keying cars", "our street"],
        ),
        # lower-case full names
        (
            "my names bethany hollis and i want to know if my complaint was logged",
            ["bethany hollis"],
            ["my complaint"],
        ),
        (
            "one of them is called declan baker and he lives near the park",
            ["declan baker"],
            ["near the park"],
        ),
        # a lower-case given name after who the person is to the writer
        (
            "my lad harvey is 14 and his bike got taken from the rec",
            ["harvey"],
            ["his bike", "the rec"],
        ),
        # gamer tags and handles named by a cue
        (
            "My daughter is getting messages from someone who goes by Sh4dowW0lf online.",
            ["Sh4dowW0lf"],
            ["My daughter", "messages"],
        ),
        (
            "A boy calling himself moonrakr on Discord has asked my son for photos.",
            ["moonrakr"],
            ["my son", "photos"],
        ),
        # schools with the year before or after, any case
        (
            "my cousin got her bag nicked, shes at holy trinity yr 8 and its the same girls",
            ["holy trinity yr 8"],
            ["her bag", "the same girls"],
        ),
        (
            "Our son is year 7 at the Marlowe Academy in Thanet and is being bullied.",
            ["year 7 at the Marlowe Academy"],
            ["in Thanet", "being bullied"],
        ),
        # a home's name in lower case after "lives at"
        (
            "my nan lives at rose cottage near the church and someone took her bins",
            ["rose cottage"],
            ["near the church", "her bins"],
        ),
        # a firm carrying its owner's initial or two surnames
        (
            "The van outside said T. Brierley Landscapes and they took the deposit.",
            ["Brierley"],
            ["The van outside", "the deposit"],
        ),
    ],
)
def test_cued_details_go_and_ordinary_words_stay(
    text: str, gone: list[str], kept: list[str]
) -> None:
    suggested = suggest_publishable(text)
    for detail in gone:
        assert detail not in suggested, suggested
    for words in kept:
        assert words in suggested, suggested


@pytest.mark.parametrize(
    "text",
    [
        # "call him" with no nickname after it
        "i told them to call him back tomorrow, nobody did",
        "the boys called her names all the way home from school",
        # a school that is only a generic word, and a year with no school
        "my son is in year 9 at the school and the teachers know about it",
        "she is year 10 at secondary now and gets the bus",
        # an everyday home, not a home's name
        "my brother lives at a care home and his wallet went missing",
        "he lives at my mums house most weekends",
        # a relation before a word that is no given name
        "my neighbour opposite is a nurse and her car got scratched",
        "i think my neighbours son is dealing from the flat",
        # a tag cue with an ordinary word after it
        "he goes by bus to work on the main road",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    assert suggest_publishable(text) == text


@pytest.mark.parametrize(
    ("text", "doubt"),
    [
        ("we think its jack pollitt from the farm doing it", "jack pollitt"),
        ("heard that terry iveson still has a key to the hall", "terry iveson"),
    ],
)
def test_unsure_lower_case_pair_is_flagged_not_hidden(text: str, doubt: str) -> None:
    suggested = suggest_publishable(text)
    assert doubt in suggested, suggested
    assert doubt in [suggested[d.start : d.end] for d in find_doubtful_names(suggested)]


@pytest.mark.parametrize(
    "text",
    ["will power is all it takes to stop", "the rose garden behind the library was trashed"],
)
def test_ordinary_lower_case_pairs_are_no_doubt(text: str) -> None:
    suggested = suggest_publishable(text)
    assert suggested == text
    assert find_doubtful_names(suggested) == []
