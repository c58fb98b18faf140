"""Malformed arguments (issue 14, kind 7): every command of every desk's
route table, and every kind of button, given what no one should type or
forge: numbers SQLite cannot hold, digits other than 0-9, signs, nothing,
5,000 characters. Each gets a reply saying what was wrong, to residents and
officers alike, and no event is set aside (the intake failing on it).

The tables are read when the tests are collected: a new command is tested
here without anyone adding it."""

from __future__ import annotations

import itertools

import pytest

from bot.desks.resident import RESIDENT_ROUTES
from bot.desks.routes import parse_reference
from bot.desks.staff import STAFF_ROUTES
from bot.edge.payload import CardAction, SurveyAnswer, unpack
from bot.edge.text import MAX_NUMBER, parse_number
from bot.store import inbox
from bot.store.database import fetch_one
from tests.support.core_harness import STAFF_CHAT, CoreHarness

ASK = "Bromley Police Online Forum "
UNREADABLE = "We could not read that message"
NOT_A_NUMBER = "is not a question number"
TOO_LARGE = "that number is far larger than any we have"
WHAT_WAS_WRONG = (NOT_A_NUMBER, TOO_LARGE, "holds more than one")
"""The three ways a refused number is explained: not a number, a number
written with 0-9 that none can have, several where one belongs."""


def _says_what_was_wrong(line: str, noun: str = "question number") -> bool:
    return any(w.replace("question number", noun) in line for w in WHAT_WAS_WRONG)


TOO_BIG = [
    "#99999999999999999999",
    "99999999999999999999",
    str(MAX_NUMBER + 1),
    "9" * 5000,
]
NOT_NUMBERS = [
    "²",
    "①",
    "٣",
    "１２",
    "-1",
    "+1",
    "#",
    "12abc",
    "1.5",
    "%00",
    "0x10",
    "#-3",
    *TOO_BIG,
]
HOSTILE = [*NOT_NUMBERS, "", "nowhere", "x" * 5000, "\u202e12", "1" + "\u200b" + "2"]
"""Arguments no command should fail on: each as the whole argument, and
after a valid question number (``1 <hostile>``)."""

_residents = itertools.count(70_000)


async def _set_aside(h: CoreHarness) -> list[str]:
    async with h.core.db.read_in_turn() as tx:
        return [f"{r.error} <- {r.payload!r:.200}" for r in await inbox.set_aside_events(tx)]


def _arguments() -> list[str]:
    return [*HOSTILE, *(f"1 {arg}" for arg in HOSTILE)]


@pytest.mark.parametrize("name", [route.name for route in RESIDENT_ROUTES])
async def test_every_resident_command_answers_every_hostile_argument(
    h: CoreHarness, name: str
) -> None:
    await h.resident_says("60000", ASK + "is Elm Road patrolled?")  # question #1
    for arg in _arguments():
        resident = str(next(_residents))
        replies = await h.resident_says(resident, f"/{name} {arg}".strip())
        assert replies, f"/{name} {arg[:40]!r}: no reply"
        assert not any(UNREADABLE in r for r in replies), (name, arg[:40], replies)
    assert await _set_aside(h) == []


@pytest.mark.parametrize("name", [route.name for route in STAFF_ROUTES])
async def test_every_staff_command_answers_every_hostile_argument(
    h: CoreHarness, name: str
) -> None:
    await h.resident_says("60000", ASK + "is Elm Road patrolled?")  # question #1
    for arg in _arguments():
        replies = await h.staff_says(f"/{name} {arg}".strip())
        assert replies, f"/{name} {arg[:40]!r}: no reply"
        assert not any(UNREADABLE in r for r in replies), (name, arg[:40], replies)
    assert await _set_aside(h) == []


@pytest.mark.parametrize(
    "name", [route.name for route in STAFF_ROUTES if route.who == "officer of the question"]
)
async def test_a_reference_that_is_not_a_number_is_named_to_the_officer(
    h: CoreHarness, name: str
) -> None:
    for given in NOT_NUMBERS:
        (reply,) = await h.staff_says(f"/{name} {given} some text")
        first, second = reply.split("\n")
        assert first.startswith(f"Usage: /{name} 12"), reply
        assert _says_what_was_wrong(second) and len(second) < 120, reply
    (reply,) = await h.staff_says(f"/{name}")
    assert reply.startswith(f"Usage: /{name} 12") and not _says_what_was_wrong(reply)


async def test_what_was_typed_is_quoted_back_cut_short(h: CoreHarness) -> None:
    (reply,) = await h.staff_says("/approve " + "9" * 5000)
    assert reply == (
        "Usage: /approve 12 [text]\n"
        "There is no question number “99999999999999999999999…”: that number is far larger"
        " than any we have."
    )
    (reply,) = await h.staff_says("/reject ²")
    assert "“²” is not a question number" in reply


async def test_a_number_too_big_for_the_database_is_refused_not_looked_up(
    h: CoreHarness,
) -> None:
    await h.resident_says("60000", ASK + "is Elm Road patrolled?")
    (reply,) = await h.staff_says(f"/approve {MAX_NUMBER}")
    assert reply == f"There is no question #{MAX_NUMBER} for this room's forums."
    (reply,) = await h.staff_says(f"/approve {MAX_NUMBER + 1}")
    assert TOO_LARGE in reply
    (reply,) = await h.staff_says("/merge 1 99999999999999999999")
    assert reply.startswith("Usage: /merge 12 7\n") and TOO_LARGE in reply
    assert await _set_aside(h) == []


async def test_a_resident_is_told_what_was_wrong_with_a_number(h: CoreHarness) -> None:
    await h.resident_says("60000", ASK + "is Elm Road patrolled?")
    (reply,) = await h.resident_says("60000", "/withdraw #99999999999999999999")
    assert reply.startswith("There is no question number “#99999999999999999999”: that number")
    assert reply.endswith("for example /withdraw #12.")
    (reply,) = await h.resident_says("60000", "/withdraw ٣")
    assert reply.startswith("“٣” is not a question number")
    (reply,) = await h.resident_says("60000", "/withdraw")
    assert reply.startswith("To withdraw a question, send /withdraw")
    (reply,) = await h.resident_says("60000", "/withdraw #3 #4")
    assert reply.startswith("Give one question number at a time: “#3 #4” holds more than one.")
    (reply,) = await h.resident_says("60000", "/survey ² yes")
    assert reply.startswith("“²” is not a consultation number")
    assert "/survey followed by its number" in reply
    async with h.core.db.read() as tx:
        row = await fetch_one(tx, "SELECT state FROM question WHERE id = 1")
    assert row is not None and row[0] == "new"
    assert await _set_aside(h) == []


async def test_an_unknown_forum_is_named_to_the_officer(h: CoreHarness) -> None:
    for name in ("open", "close", "queue", "next"):
        (reply,) = await h.staff_says(f"/{name} croydon")
        assert reply == "There is no forum “croydon” in this room. Use one of: bromley"
    (reply,) = await h.staff_says("/alert croydon advice Lock your sheds")
    assert reply.startswith("Send: /alert FORUM TYPE")
    assert await _set_aside(h) == []


@pytest.mark.parametrize("action", ["results", "close"])
async def test_survey_results_and_close_with_a_malformed_number(
    h: CoreHarness, action: str
) -> None:
    for given in NOT_NUMBERS:
        (reply,) = await h.staff_says(f"/survey {action} {given}")
        assert reply.startswith("Send: /survey FORUM"), reply
        assert _says_what_was_wrong(reply, "consultation number"), reply
    (reply,) = await h.staff_says(f"/survey {action} {MAX_NUMBER}")
    assert reply == f"There is no consultation #{MAX_NUMBER} for this room's forums."
    assert await _set_aside(h) == []


FORGED_PRESSES = [
    "approve:99999999999999999999",
    f"approve:{MAX_NUMBER + 1}",
    "approve:" + "9" * 56,
    "approve:²",
    "approve:٣",
    "approve:-1",
    "reject:",
    "later:#",
    "survey:99999999999999999999:0",
    "survey:1:99999999999999999999",
    f"survey:{MAX_NUMBER}:{MAX_NUMBER}",
    "survey:²:0",
    "sub:f:nowhere",
    "sub:t:bromley:nothing",
    "sub:x",
    ":",
    "",
    "x" * 200,
]


@pytest.mark.parametrize("data", FORGED_PRESSES)
async def test_a_forged_press_is_answered_and_changes_nothing(h: CoreHarness, data: str) -> None:
    await h.resident_says("60000", ASK + "is Elm Road patrolled?")
    before = len(h.texts_to(STAFF_CHAT))
    await h.press(data)
    (staff_reply,) = h.texts_to(STAFF_CHAT)[before:]
    assert UNREADABLE not in staff_reply
    replies = await h.resident_presses("60001", data)
    assert replies == ["That button no longer does anything. Send /help to see what you can do."]
    async with h.core.db.read() as tx:
        row = await fetch_one(tx, "SELECT state FROM question WHERE id = 1")
        assert row is not None and row[0] == "new"
        assert await fetch_one(tx, "SELECT 1 FROM subscription") is None
    assert await _set_aside(h) == []


def test_the_reference_parser_takes_only_ascii_digits_within_sqlite() -> None:
    assert parse_reference("#12") == parse_reference(" 12 ") == parse_reference("0012") == 12
    assert parse_reference(f"#{MAX_NUMBER}") == MAX_NUMBER
    for given in NOT_NUMBERS:
        assert parse_reference(given) is None, given
    assert parse_number("9" * 5000) is None and parse_number("0" * 5000 + "7") == 7


def test_payloads_carry_only_numbers_sqlite_can_hold() -> None:
    assert unpack(f"approve:{MAX_NUMBER}") == CardAction("approve", MAX_NUMBER)
    assert unpack(f"approve:{MAX_NUMBER + 1}") is None
    assert unpack("survey:99999999999999999999:0") is None
    assert unpack("survey:3:٣") is None
    assert unpack("survey:3:0") == SurveyAnswer(3, 0)
