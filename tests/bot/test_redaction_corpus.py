"""The redaction engine on the labelled corpus (tests/data/personal_details/,
figures in docs/privacy.md). The floors are the figures achieved; a change
that lets more details through, or replaces more ordinary words, fails here."""

from __future__ import annotations

import hashlib

import pytest

from bot.safeguarding.redaction import Category
from tests.support.redaction_figures import CORPUS, PARTS, load, measure
from tests.support.redaction_kinds import STRICT_KINDS, load_rows, measure_rows

# part: (recall floor, precision floor, most detail-free messages changed)
# Issue 15 takes a house number alone ("from number 12", "outside number
# 40") and part of a plate ("plates ending in 'FGE'"), as its corpora label
# them; these parts did not, so each is counted wrong here: dev 3,
# own_heldout 2, independent_dev 1, third_author 1.
FLOORS = {
    # Issue 15 (names with no lead-in, handles, house numbers alone, part of a
    # plate) finds what the labels left out: "ask for Marion", "The Hughes
    # family", the username "gary2011", "PC Harris", "from number 12". Counted
    # as wrong here.
    "dev": (1.0, 0.96, 4),
    "own_heldout": (0.985, 0.96, 3),
    "independent_dev": (0.99, 0.99, 0),
    "independent_heldout": (0.965, 0.99, 0),
    "third_author": (0.96, 0.985, 1),
}
# The categories these parts label (issue 15's kinds are in their own files,
# measured with --file).
OLD_CATEGORIES = (
    Category.PHONE,
    Category.EMAIL,
    Category.POSTCODE,
    Category.VEHICLE_REG,
    Category.NI_NUMBER,
    Category.ADDRESS,
    Category.NAME,
    Category.DATE_OF_BIRTH,
)
# The parts never tuned on, as their authors wrote them. Editing one would
# make its figures meaningless: add a new part instead.
UNSEEN_SHA256 = {
    "independent_heldout": "075686099dbffa1f99d87f731f74428ea42ae41a69181f2f465b2e160d8da7ed",
    "third_author": "9a96d39dadd08914685d59e479784481a6a10fe1182d7c068c841026347b728f",
}


def test_corpus_is_big_and_covers_every_category() -> None:
    everything = load()
    assert len(everything) >= 1000
    assert len({e.text for e in everything}) == len(everything)
    assert sum(not e.details for e in everything) >= 400  # ordinary questions, for precision
    for part in PARTS:
        counts = {c: 0 for c in OLD_CATEGORIES}
        for example in load(part):
            for detail in example.details:
                counts[detail.category] += 1
        assert min(counts.values()) >= 5, (part, counts)


@pytest.mark.parametrize("part", sorted(UNSEEN_SHA256))
def test_unseen_parts_are_unchanged(part: str) -> None:
    data = (CORPUS / f"{part}.jsonl").read_bytes()
    assert hashlib.sha256(data).hexdigest() == UNSEEN_SHA256[part]


@pytest.mark.parametrize("part", PARTS)
def test_figures_hold(part: str) -> None:
    recall_floor, precision_floor, changed_ceiling = FLOORS[part]
    figures = measure(load(part))
    assert figures.overall_recall >= recall_floor, figures.misses
    assert figures.overall_precision >= precision_floor, figures.wrong
    assert figures.clean_changed <= changed_ceiling


# The kinds of issue 15's numbers and homes: the 0.99 group with plates
# described, house names and dates of birth.
NUMBERS_AND_HOMES = (
    *STRICT_KINDS,
    "car_description_with_plate",
    "house_name",
    "date_of_birth",
)

# Issue 15's development files (written blind, tuned on after one recorded
# run; figures in docs/privacy.md): floors for the kinds this engine's
# numbers and descriptions cover, and for the words that must stay.
# file: ({kind: floor of the share gone}, floor of keep strings intact)
ISSUE15_FLOORS = {
    "dev_2026_11_e.jsonl": (
        {
            "phone": 1.0,
            "email": 1.0,
            "postcode": 1.0,
            "registration": 1.0,
            "number_words": 1.0,
            "house_number_address": 1.0,
            "child_school": 1.0,
            "workplace_role": 1.0,
            "date_of_birth": 1.0,
            "house_name": 0.96,  # 26/27: "the tree at Fernleigh" is a doubt on the card
        },
        0.99,  # 505/509; first runs 0.853 (first 200 rows), 0.941 (last 100) for the 0.99 group
    ),
    "dev_2026_11_f.jsonl": (
        {
            "phone": 1.0,
            "email": 1.0,
            "postcode": 1.0,
            "registration": 1.0,
            "number_words": 1.0,
            "house_number_address": 1.0,
            "child_school": 0.93,  # 15/16
            # 28/48: these writers put the street after the place in the job ("... on Mill
            # Road"), e's writers keep it; it stays, for the words that must stay
            "workplace_role": 0.55,
            "age_with_detail": 0.44,  # 29/65: most labels run on to the end of the sentence
            "house_name": 1.0,
        },
        0.99,  # 553/555; first runs 0.875 (first 50 rows), 0.914 (the 252 new) for the 0.99 group
    ),
    # Issue 15's unseen set, run once (0.874 for the 0.99 group) and spent: tuned on
    # since for numbers and homes (docs/privacy.md).
    "unseen_2026_11.jsonl": (
        {kind: 1.0 for kind in NUMBERS_AND_HOMES if kind != "date_of_birth"}
        | {"date_of_birth": 0.94},  # 16/17: "(sorry, American format, 25 Nov)"
        0.99,  # 796/803
    ),
    # Probes written for issue 15's numbers and homes, each committed before it
    # ran; first runs of the 0.99 group 0.667, 0.968, 0.913, 0.684 (docs/privacy.md).
    "numbers_probe.jsonl": ({kind: 1.0 for kind in NUMBERS_AND_HOMES}, 0.98),  # 59/60
    "numbers_probe_b.jsonl": ({kind: 1.0 for kind in NUMBERS_AND_HOMES}, 1.0),
    "numbers_probe_c.jsonl": ({kind: 1.0 for kind in NUMBERS_AND_HOMES}, 1.0),
    "numbers_probe_d.jsonl": ({kind: 1.0 for kind in NUMBERS_AND_HOMES}, 1.0),  # first run 0.684
    # mostly numbers and places that must stay; first run keep 0.895, now 37/38
    "numbers_probe_e.jsonl": (
        {kind: 1.0 for kind in NUMBERS_AND_HOMES if kind != "house_name"} | {"house_name": 0.5},
        0.97,
    ),
    # long questions, several details each; first run 0.941 (16/17), keep 0.917 (11/12)
    "numbers_probe_f.jsonl": (
        {kind: 1.0 for kind in NUMBERS_AND_HOMES if kind not in ("registration", "number_words")}
        | {"registration": 0.66},  # 2/3: "X-ray Ray Echo one two", "Ray" is no NATO word
        0.91,  # 11/12: "Our community centre is at 2 Market Square" (an address is taken)
    ),
    # first run 0.714 (10/14), keep 0.944 (17/18); tuned on since
    "numbers_probe_g.jsonl": (
        {k: 1.0 for k in NUMBERS_AND_HOMES if k != "date_of_birth"}
        # "see are nought, 2 a b" gone since round 5; "of the eleventh" not
        | {"date_of_birth": 0.66},
        1.0,  # 18/18 since round 5: "Telephone: Bristol (0117) ..." keeps its place
    ),
    # the brief's own examples varied; first run 0.933 (14/15), keep 1.000
    "numbers_probe_h.jsonl": (
        {k: 1.0 for k in NUMBERS_AND_HOMES if k != "car_description_with_plate"},
        1.0,
    ),
    # no details, only words that must stay; first run 0.941 (48/51), now 50/51
    # ("Kent Roofing" read as a name)
    "numbers_probe_i.jsonl": ({}, 0.98),
    # round 5's numbers probe, every family of the 0.99 group; first run 0.698 (30/43),
    # keep 20/20
    "numbers_probe_j.jsonl": ({kind: 1.0 for kind in STRICT_KINDS}, 1.0),
    # round 14's fresh probe, every family of the 0.99 group written oddly; first run
    # 0.911 (204/224), keep 0.970 (64/66). Left: "sevenseven hundred ..." (number
    # words run together); lost: "I am 82 years old" (an age, people's half) and
    # "room 12" at a hotel (a room is taken as a home)
    "numbers_probe_round14.jsonl": (
        {kind: 1.0 for kind in STRICT_KINDS if kind != "number_words"} | {"number_words": 0.92},
        0.96,
    ),
    # round 15's fresh probe: flats and rooms in named blocks and halls, tenements,
    # streets' parts and shortened words, a number on an estate, boats, what3words
    # ("other"); first run 0.473 (35/74) in the group, keep 0.949 (94/99)
    "numbers_probe_round15.jsonl": (
        {"house_number_address": 1.0, "registration": 1.0, "postcode": 1.0, "other": 1.0},
        1.0,
    ),
}


# The 0.99 group's floor where a file is below it: probe f, not tuned on, 16/17
# ("X-ray Ray Echo one two": "Ray" is no NATO word).
GROUP_FLOORS = {"numbers_probe_f.jsonl": 0.94}


@pytest.mark.parametrize("name", sorted(ISSUE15_FLOORS))
def test_issue15_figures_hold(name: str) -> None:
    floors, keep_floor = ISSUE15_FLOORS[name]
    figures = measure_rows(load_rows(CORPUS / name))
    for kind, floor in floors.items():
        gone, total = figures.share([kind])
        assert total > 0 and gone / total >= floor, (
            kind,
            [m for m in figures.misses if m[1] == kind],
        )
    gone, total = figures.share(STRICT_KINDS)
    assert total == 0 or gone / total >= GROUP_FLOORS.get(name, 0.99)
    kept, listed = figures.keep
    assert kept / listed >= keep_floor, figures.lost


# Issue 15, the people half (names, ages, jobs, schools, businesses named
# after someone; docs/privacy.md): floors of the share gone per kind, on the
# two development files and the spent unseen set (run once on 2026-11-30,
# tuned on since: no longer unseen). file: {kind: floor}
PEOPLE_FLOORS = {
    "dev_2026_11_e.jsonl": {
        "person_name": 0.99,  # 239/241
        "business_person": 0.92,  # 39/42
        "child_school": 1.0,
        "workplace_role": 1.0,
    },
    "dev_2026_11_f.jsonl": {
        "person_name": 1.0,  # 224/224
        "business_person": 0.95,  # 19/20
        "child_school": 0.93,  # 15/16
        # 40/48: a street after a place with a name of its own stays ("the
        # manager of Lan's Nails on King Street"), as e's writer keeps it
        "workplace_role": 0.85,  # 41/48
        "age_with_detail": 0.89,  # 58/65
    },
    "unseen_2026_11.jsonl": {
        "person_name": 1.0,  # 120/120
        "business_person": 1.0,
        "child_school": 1.0,
        "workplace_role": 0.96,  # 28/29
        "age_with_detail": 1.0,
    },
}


@pytest.mark.parametrize("name", sorted(PEOPLE_FLOORS))
def test_people_figures_hold(name: str) -> None:
    figures = measure_rows(load_rows(CORPUS / name))
    for kind, floor in PEOPLE_FLOORS[name].items():
        gone, total = figures.share([kind])
        assert total > 0 and gone / total >= floor, (
            kind,
            [m for m in figures.misses if m[1] == kind],
        )
    kept, listed = figures.keep
    assert kept / listed >= 0.99, figures.lost


def assert_floors(name: str, gone_floor: float, group_floor: float, keep_floor: float) -> None:
    """The file ``name``'s share of details gone, of the 0.99 group gone and of
    keep strings intact are at least these floors (each 0 to 1)."""
    figures = measure_rows(load_rows(CORPUS / name))
    gone, total = figures.share()
    assert gone / total >= gone_floor, figures.misses
    gone, total = figures.share(STRICT_KINDS)
    assert gone / total >= group_floor, [m for m in figures.misses if m[1] in STRICT_KINDS]
    kept, listed = figures.keep
    assert kept / listed >= keep_floor, figures.lost


# Issue 15's second unseen set (run once on d058231: details gone 0.872, the
# 0.99 group 0.962, keep 0.975) and spent: tuned on since (docs/redaction-figures.md,
# "Issue 15's second unseen set"). file: (details gone, 0.99 group, keep strings)
SECOND_UNSEEN_FLOORS = {
    "unseen_2026_11_30_a.jsonl": (0.94, 0.96, 0.99),  # 206/218, 93/96, keep 354/355
    "unseen_2026_11_30_b.jsonl": (0.91, 1.0, 0.99),  # 111/121, 41/41, keep 190/191 (0.937)
    "unseen_2026_11_30_c.jsonl": (0.85, 0.91, 0.98),  # 98/114, 42/46, keep 167/169
}


@pytest.mark.parametrize("name", sorted(SECOND_UNSEEN_FLOORS))
def test_second_unseen_figures_hold(name: str) -> None:
    assert_floors(name, *SECOND_UNSEEN_FLOORS[name])


# Issue 15's third unseen set (run once on f9da85c: details gone 0.923, the
# 0.99 group 0.964, keep 0.969) and spent; round 4 tuned on it and on the
# second set (docs/redaction-figures.md, "Issue 15, round 4"). file: (details gone,
# 0.99 group, keep strings), a little under the figures at the end of round 4.
ROUND4_FLOORS = {
    "unseen_2026_11_30_a.jsonl": (0.97, 0.98, 0.99),  # 213/218, 95/96, keep 354/355
    "unseen_2026_11_30_b.jsonl": (0.94, 1.0, 0.99),  # 115/121, 41/41, keep 190/191
    "unseen_2026_11_30_c.jsonl": (0.94, 0.99, 0.98),  # 108/114, 46/46, keep 167/169
    "unseen_2026_11_30_d.jsonl": (0.98, 0.99, 0.985),  # 217/219, 75/75, keep 317/320
    "unseen_2026_11_30_e.jsonl": (0.98, 0.99, 0.99),  # 219/221, 90/90, keep 292/294
}


@pytest.mark.parametrize("name", sorted(ROUND4_FLOORS))
def test_round4_figures_hold(name: str) -> None:
    assert_floors(name, *ROUND4_FLOORS[name])


# Issue 15's fourth unseen set (run once on b74f248: the 0.99 group 0.960,
# 119/124) and spent; round 5 tuned the number group on it (docs/redaction-figures.md,
# "Round 5: numbers"). file: (details gone, 0.99 group, keep strings), the
# details-gone floor a little under the figure at the end of round 5's numbers.
ROUND5_NUMBER_FLOORS = {
    "unseen_2026_11_30_a.jsonl": (0.97, 1.0, 0.99),  # 214/218, 96/96, keep 354/355
    "unseen_2026_11_30_f.jsonl": (0.91, 1.0, 0.985),  # 207/226, 71/71, keep 221/224
    "unseen_2026_11_30_g.jsonl": (0.88, 1.0, 0.985),  # 210/238, 53/53, keep 270/273
}


@pytest.mark.parametrize("name", sorted(ROUND5_NUMBER_FLOORS))
def test_round5_number_figures_hold(name: str) -> None:
    assert_floors(name, *ROUND5_NUMBER_FLOORS[name])


# Issue 15's fourth unseen set (run once on b74f248: details gone 0.888,
# keep 0.988) and spent; round 5 (people, jobs and houses) tuned on it
# (docs/redaction-figures.md, "Round 5: people and houses"). file: {kind: floor}, and
# the floor of keep strings intact. The number group is the other helper's.
ROUND5_FLOORS = {
    "unseen_2026_11_30_f.jsonl": (
        {
            "person_name": 1.0,  # 79/79 (first run 73/79)
            "workplace_role": 1.0,  # 13/13 (5/13)
            "house_name": 1.0,  # 15/15 (13/15)
            "business_person": 1.0,  # 11/11
        },
        0.99,  # 222/224 (221/224)
    ),
    "unseen_2026_11_30_g.jsonl": (
        {
            "person_name": 1.0,  # 97/97 (91/97)
            "workplace_role": 1.0,  # 14/14 (9/14)
            "house_name": 1.0,  # 28/28 (18/28)
            "business_person": 1.0,  # 13/13 (8/13)
        },
        0.99,  # 272/273 (270/273)
    ),
}


@pytest.mark.parametrize("name", sorted(ROUND5_FLOORS))
def test_round5_people_and_houses_hold(name: str) -> None:
    floors, keep_floor = ROUND5_FLOORS[name]
    figures = measure_rows(load_rows(CORPUS / name))
    for kind, floor in floors.items():
        gone, total = figures.share([kind])
        assert total > 0 and gone / total >= floor, (
            kind,
            [m for m in figures.misses if m[1] == kind],
        )
    kept, listed = figures.keep
    assert kept / listed >= keep_floor, figures.lost
