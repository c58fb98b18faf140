"""The slash commands' catalogue follows the route tables, within Discord's
limits; a /command typed on a platform with another prefix is recognised."""

from __future__ import annotations

import re

import pytest

from bot.desks.catalogue import DESCRIPTIONS, MAX_COMMANDS, MAX_DESCRIPTION, catalogue
from bot.desks.resident import RESIDENT_ROUTES
from bot.desks.routes import misprefixed
from bot.desks.staff import STAFF_ROUTES
from bot.wording.template import Templates
from bot.wording.wording import Wording
from config.messages import load_messages
from config.model import Contacts

NAME = re.compile(r"^[-_a-z0-9]{1,32}$")


def _wording() -> Wording:
    return Wording(Templates(load_messages("en")), Contacts(), {"discord": "!"})


def test_every_route_is_a_command_within_discords_limits() -> None:
    listed = catalogue(_wording())
    assert [e.name for e in listed.staff] == [r.name for r in STAFF_ROUTES]
    assert [e.name for e in listed.resident] == [r.name for r in RESIDENT_ROUTES]
    assert len(DESCRIPTIONS) == len(listed.staff) + len(listed.resident)
    for entries in (listed.staff, listed.resident):
        assert len(entries) <= MAX_COMMANDS
        for entry in entries:
            assert NAME.match(entry.name), entry
            assert 1 <= len(entry.description) <= MAX_DESCRIPTION, entry
            if entry.argument == "none":
                assert entry.argument_description == ""
            else:
                assert 1 <= len(entry.argument_description) <= MAX_DESCRIPTION, entry


@pytest.mark.parametrize(
    ("route", "argument"),
    [("answer", "required"), ("approve", "required"), ("queue", "optional"), ("help", "none")],
)
def test_the_argument_follows_the_usage_line(route: str, argument: str) -> None:
    entry = next(e for e in catalogue(_wording()).staff if e.name == route)
    assert entry.argument == argument


def test_forget_takes_its_confirmation() -> None:
    entry = next(e for e in catalogue(_wording()).resident if e.name == "forget")
    assert entry.argument == "optional"


@pytest.mark.parametrize(
    ("text", "prefix", "found"),
    [
        ("/answer 12 yes", "!", "answer"),
        ("/APPROVE 12", "!", "approve"),
        ("/start", "!", "help"),
        ("/answer@forumbot 12", "!", "answer"),
        ("/answer 12 yes", "/", None),
        ("/shrug", "!", None),
        ("/etc/passwd", "!", None),
        ("answer 12", "!", None),
    ],
)
def test_misprefixed(text: str, prefix: str, found: str | None) -> None:
    assert misprefixed(text, prefix, STAFF_ROUTES) == found
