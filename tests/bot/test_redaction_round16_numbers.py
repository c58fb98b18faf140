"""Issue 15, redaction round 16: the number group by context readers. A
fresh probe (tests/data/personal_details/numbers_probe_round16.jsonl,
written for this round before the code, at least eight wordings a reader in
other voices: text-speak, elderly formal, non-native, dialect, rambling)
with look-alikes that must stay, then the spent thirteenth set's part a
lines the readers were built for. Figures per file are in
docs/redaction-figures.md ("Round 16: the number group by context
readers")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.safeguarding.redaction import suggest_publishable
from bot.safeguarding.redaction.plate_clause import find_plates_in_bits
from tests.support.redaction_kinds import Row, load_rows, measure_rows

PROBE = (
    Path(__file__).resolve().parent.parent
    / "data"
    / "personal_details"
    / "numbers_probe_round16.jsonl"
)
ROWS = load_rows(PROBE)
NOTES = {
    raw["id"]: raw["note"]
    for raw in map(json.loads, PROBE.read_text(encoding="utf-8").splitlines())
}


def test_the_probe_has_eight_wordings_a_reader_and_look_alikes() -> None:
    readers = ("plate reader", "house-number reader", "date of birth", "serial", "crime reference")
    assert len({r.id for r in ROWS}) == len(ROWS)
    for reader in readers:
        going = [r for r in ROWS if r.details and reader in NOTES[r.id]]
        staying = [r for r in ROWS if not r.details and reader in NOTES[r.id]]
        assert len(going) >= 8, reader
        assert staying, reader


# Left out, each failing today (strict: a fix shows): "Meeting is in Room
# 101", "lads from 6 schools" and "the kids in 2s and 3s" go as homes by
# address.py's older finders (round 12); a plate's letters alone in
# capitals ("the end of the reg - 'XPT'") are not taken, nor is "a PL-1
# type" after "plate" given back (spoken.find_read_out_plates).
_KNOWN = {"n16-036", "n16-074", "n16-077", "n16-088", "n16-089"}


@pytest.mark.parametrize(
    "row",
    [pytest.param(r, marks=pytest.mark.xfail(strict=True)) if r.id in _KNOWN else r for r in ROWS],
    ids=[r.id for r in ROWS],
)
def test_each_probe_line_loses_its_details_and_keeps_its_words(row: Row) -> None:
    figures = measure_rows([row])
    assert [value for _r, _k, value in figures.misses] == [], suggest_publishable(row.text)
    assert [value for _r, value in figures.lost] == [], suggest_publishable(row.text)


# the spent thirteenth set's part a lines (unseen_2026_12_01_a.jsonl), shortened
PART_A = [
    (
        "got part of a number plate, something like PK? 0 something VXL, a dark green Shogun",
        "got part of a number plate, something like [vehicle reg], a dark green Shogun",
    ),
    (
        "My neighbour wrote the plate down for me as ex ray vee one nine, bee tee gee. Is that"
        " enough?",
        "My neighbour wrote the plate down for me as [vehicle reg]. Is that enough?",
    ),
    (
        "My daughter thinks she saw part of the plate, SJ and a 7. We've told the school.",
        "My daughter thinks she saw part of the plate, [vehicle reg]. We've told the school.",
    ),
    (
        "I have been asked for my date of birth by a caller purporting to be from the Police."
        " Naturally I gave it, 3rd March 1939, before realising my error.",
        "I have been asked for my date of birth by a caller purporting to be from the Police."
        " Naturally I gave it, [date of birth], before realising my error.",
    ),
    (
        "Serial on the trailer is IW-510-88734.",
        "Serial on the trailer is [ID number].",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PART_A)
def test_the_thirteenth_sets_part_a_shapes(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


# look-alikes with a reader's own cue that must keep their words
KEEP = [
    "The plate was bent and hanging off, on the A14 near J10.",
    "reg plate fell off on the M6 at J14, bits everywhere",
    "Buses to Platform 2 and Room 101 at 3 PM, the plate on the door says so",
    "the incident in 2019 was never solved",
    "a lad of 16 and a girl of 14 were in the park",
    "the kids at 9 o'clock were still out",
    "My birthday was lovely and the bus was at 10.",
]


@pytest.mark.parametrize("text", KEEP)
def test_look_alikes_stay_whole(text: str) -> None:
    assert suggest_publishable(text) == text


# the plate reader's own guards (older finders read some of these lines
# otherwise: "4x4", "PC 4412" and "TV and 2" still go as plates by
# spoken.find_read_out_plates, docs/redaction-figures.md, round 16)
READER_KEEPS = [
    "the reg was 2019 I think, a silver focus",
    "number plate says 4x4 on the back, lol",
    "the reg was on the CCTV, PC 4412 took it",
    "the reg was on the paperwork, they took the TV and 2 laptops",
    "the plate was 2 letters and 3 numbers I think",
    "Couldn't get the plate, it shot off down the M6 at J14 doing 50 in a 30.",
    "the plate came off at 3 PM on the A1",
    "reg is on my V5 and the MOT runs out on the 3rd",
]


@pytest.mark.parametrize("text", READER_KEEPS)
def test_the_plate_reader_leaves_roads_times_counts_and_titles(text: str) -> None:
    assert list(find_plates_in_bits(text)) == []


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("KM 67 something was all I got of the plate", "KM 67 something"),
        ("the reg ends 7 V X i think", "7 V X"),
        ("plate, yankee foxtrot one seven, rest I never saw", "yankee foxtrot one seven"),
        ("the reg started with F and had 08 in it", "F and had 08"),
    ],
)
def test_the_plate_reader_takes_the_run_of_pieces(text: str, plate: str) -> None:
    assert [text[d.start : d.end] for d in find_plates_in_bits(text)] == [plate]


# Crime references are a detail (decided at the merge of round 15,
# docs/decisions.md): these lines stayed whole in older rounds' tests
# (test_redaction.py, test_redaction_numbers.py, rounds 4, 5, 8 and 10)
REFERENCES = [
    ("crime ref 01/123456/24 has gone quiet", "crime ref [ID number] has gone quiet"),
    (
        "crime ref 01/123456/24 and case number 4471239",
        "crime ref [ID number] and case number 4471239",
    ),
    ("crime ref 23/094521 please update", "crime ref [ID number] please update"),
    (
        "ref number CRI/24/118093. absolute shambles.",
        "ref number [ID number]. absolute shambles.",
    ),
    (
        "it was reported, crime ref 46/123456/25, nothing since",
        "it was reported, crime ref [ID number], nothing since",
    ),
    (
        "my crime ref is 14/55321/2026, I rang 101 and 999",
        "my crime ref is [ID number], I rang 101 and 999",
    ),
    (
        "reference 07/123456/25 from the call handler",
        "reference [ID number] from the call handler",
    ),
    (
        "crime number 01234567890 from the call handler",
        "crime number [ID number] from the call handler",
    ),
    ("CAD 5531 from Tuesday", "[ID number] from Tuesday"),
]


@pytest.mark.parametrize(("text", "expected"), REFERENCES)
def test_crime_references_go(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


# what a reference's cue says with no reference after it stays
REFERENCE_KEEPS = [
    "the incident in 2019 was never solved",
    "the incident was at 2300 hours on the ring road",
    "How do I get a crime number? I rang 101 and 999",
    "my order ref is AB1234 from Argos",
    "log in to the portal with reference to the 3 letters",
]


@pytest.mark.parametrize("text", REFERENCE_KEEPS)
def test_what_is_no_reference_stays(text: str) -> None:
    assert suggest_publishable(text) == text


# After the part-b check (thirteenth set part b, read once the readers were
# committed): a plate said by name in two goes, the rest after a gap
PLATES_IN_TWO_GOES = [
    (
        "I tried to get the plate, my daughter read it out to me while I was driving so it's"
        " something like charlie foxtrot six seven, then I didn't catch the middle letter, then"
        " uniform zulu. Is that enough?",
        "I tried to get the plate, my daughter read it out to me while I was driving so it's"
        " something like [vehicle reg], then I didn't catch the middle letter, then"
        " [vehicle reg]. Is that enough?",
    ),
    (
        "got the reg: kilo lima 19, missed the next bit, then tango x-ray something",
        "got the reg: [vehicle reg], missed the next bit, then [vehicle reg]",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PLATES_IN_TWO_GOES)
def test_a_plate_said_in_two_goes_goes_whole(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected


def test_names_after_a_plate_said_by_name_are_no_plate() -> None:
    text = "the reg was bravo one two, I told Mike and Victor about it"
    assert [text[d.start : d.end] for d in find_plates_in_bits(text)] == ["bravo one two"]
