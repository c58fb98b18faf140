"""The desks' route tables (bot/desks/routes.py, staff.py, resident.py): one
route per name, who may run each, the help made from them, and every card
button landing on a route."""

from __future__ import annotations

import pytest

from bot.desks.resident import RESIDENT_ROUTES
from bot.desks.routes import Route, Routes, parse_reference
from bot.desks.staff import STAFF_ROUTES
from bot.edge.payload import CARD_KINDS
from bot.edge.rich import plain
from bot.store import audit
from tests.support.core_harness import CoreHarness

RESIDENT = "5001"
STRANGER = "99999"
ASK = "Bromley Police Online Forum "

STAFF_HELP = """Officer commands (a number may be written 12 or #12)
!seen 12: an officer has seen this URGENT question (stops it being raised again)
!approve 12 [text]: accept for the session; text replaces the publishable text
!edit 12 text: replace the publishable text
!reject 12 [reason]: decline; the asker is told it will not be answered, with your reason sent \
to them as you write it
!answer 12 text: answer (or reply to the card)
!later 12 [note]: tell the asker we'll find out and get back to them; your note is sent to them \
as you write it
!merge 12 7: #12 is a duplicate of #7
!resend 12: send the answer to the asker again (after a notice that it may not have arrived)
!whois 12: the asker's account (recorded in the audit trail)
!block 12 / !unblock 12: stop or allow the asker's questions
!queue [forum]: questions waiting
!open [forum] / !close [forum]: start / end a live session now
!next [forum]: upcoming sessions
!alert forum type text: send an alert to subscribers (types: reminders, summaries, advice, \
appeals, outcomes, consultations)
!survey forum "question" "option" ...: a consultation to subscribers; !survey results 3, \
!survey close 3
!newsletter [send] [forum]: see the newsletter to subscribers as it would go now, or send it
!help: this list"""


def test_a_name_belongs_to_one_route() -> None:
    with pytest.raises(ValueError, match="two routes are called 'start'"):
        Routes(
            Route("help", None, "resident", aliases=("start",)),
            Route("start", None, "resident"),
        )


def test_who_may_run_each_desks_routes() -> None:
    assert {r.who for r in STAFF_ROUTES} == {
        "officer in the room",
        "officer of the forum",
        "officer of the question",
    }
    assert {r.who for r in RESIDENT_ROUTES} == {"resident", "any resident"}
    # Data rights hold for everyone, blocked or not; nothing else does.
    assert {r.name for r in RESIDENT_ROUTES if r.who == "any resident"} == {"mydata", "forget"}


def test_every_card_button_has_a_route_on_its_question() -> None:
    for kind in CARD_KINDS:
        route = STAFF_ROUTES.find(kind)
        assert route is not None and route.who == "officer of the question"


def test_names_and_aliases() -> None:
    assert STAFF_ROUTES.find("start") is STAFF_ROUTES.find("help")
    assert RESIDENT_ROUTES.find("start") is RESIDENT_ROUTES.find("help")
    assert STAFF_ROUTES.find("frobnicate") is None
    assert RESIDENT_ROUTES.find(None) is None
    assert parse_reference("#12") == parse_reference(" 12 ") == 12
    assert parse_reference("12a") is None


async def test_staff_help_is_made_from_the_table_word_for_word(h: CoreHarness) -> None:
    (reply,) = await h.staff_says("/help")
    assert reply == STAFF_HELP.replace("!", "/")
    wording = h.core.intake.staff.wording
    lines = STAFF_ROUTES.help_lines(wording, "!")
    assert plain(lines) == STAFF_HELP.split("\n", 1)[1]
    for route in STAFF_ROUTES:
        assert f"!{route.usage}" in STAFF_HELP


async def test_residents_help_names_every_resident_command(h: CoreHarness) -> None:
    (reply,) = await h.resident_says(RESIDENT, "/help")
    for route in RESIDENT_ROUTES:
        assert f"/{route.name}" in reply


@pytest.mark.parametrize("route", list(STAFF_ROUTES), ids=lambda r: r.name)
async def test_every_staff_route_refuses_a_stranger_and_changes_nothing(
    h: CoreHarness, route: Route[object]
) -> None:
    await h.resident_says(RESIDENT, ASK + "is Elm Road patrolled?")
    args = " 1" if route.who == "officer of the question" else ""
    (reply,) = await h.staff_says(f"/{route.name}{args}", user=STRANGER)
    assert reply == "Only this forum's officers can do that. Nothing was changed."
    async with h.core.db.read() as tx:
        trail = await audit.entries(tx, 1) if args else []
    assert all(e.outcome == "refused" for e in trail)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("status", ("status", "")),
        ("  Status? ", ("status", "")),
        ("HELP", ("help", "")),
        ("start", ("start", "")),
        ("withdraw 3", ("withdraw", "3")),
        ("Withdraw #3", ("withdraw", "#3")),
        ("subscribe BR1 3QR", ("subscribe", "BR1 3QR")),
        ("forget confirm", ("forget", "confirm")),
        ("survey 3 more patrols", ("survey", "3 more patrols")),
        ("status of my question", None),  # words after a command that takes none
        ("next to the school", None),
        ("ask is anything planned?", None),  # a question needs the forum's phrase
        ("withdraw\n3", None),  # over one line
        ("statuses", None),
        ("", None),
    ],
)
def test_a_resident_command_written_without_its_prefix(
    text: str, read: tuple[str, str] | None
) -> None:
    assert RESIDENT_ROUTES.plain_command(text) == read


async def test_plain_words_work_on_telegram_too(h: CoreHarness) -> None:
    assert (await h.resident_says(RESIDENT, "status"))[0].startswith("You have no questions")
    await h.resident_says(RESIDENT, ASK + "is anything planned about speeding?")
    assert "Question #1 is withdrawn" in (await h.resident_says(RESIDENT, "withdraw 1"))[0]
