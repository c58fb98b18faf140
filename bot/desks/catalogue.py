"""The desks' commands as a platform's own command list (Discord's
application, "slash", commands), built from the route tables so the two
never drift: one entry per route (aliases are for typing; a picker lists
each command once), named as the route is, with one free-text argument
when the route's usage line has any (``approve 12 [text]``: optional when
it starts with ``[``, required otherwise), and a one-line description
from the templates.

A platform registers the staff desk's entries where its staff rooms are and
the resident desk's where residents write to the bot privately; what runs
when one is used is the same route, with the same checks, as the typed
command (the adapter makes the same ``Inbound``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from bot.desks.resident import RESIDENT_ROUTES
from bot.desks.routes import Routes
from bot.desks.staff import STAFF_ROUTES
from bot.edge.rich import Rich, plain
from bot.wording.wording import Wording

Desk = Literal["staff", "resident"]
Argument = Literal["none", "optional", "required"]

MAX_COMMANDS = 100  # Discord's limit per scope (a guild, or global)
MAX_DESCRIPTION = 100  # characters, Discord's limit for commands and options

# Every route's description template, by desk and name. A test checks that
# every route has one and that each renders to at most 100 characters.
DESCRIPTIONS: dict[tuple[Desk, str], str] = {
    ("staff", "approve"): "slash_staff_approve",
    ("staff", "edit"): "slash_staff_edit",
    ("staff", "reject"): "slash_staff_reject",
    ("staff", "answer"): "slash_staff_answer",
    ("staff", "later"): "slash_staff_later",
    ("staff", "seen"): "slash_staff_seen",
    ("staff", "merge"): "slash_staff_merge",
    ("staff", "resend"): "slash_staff_resend",
    ("staff", "whois"): "slash_staff_whois",
    ("staff", "block"): "slash_staff_block",
    ("staff", "unblock"): "slash_staff_unblock",
    ("staff", "queue"): "slash_staff_queue",
    ("staff", "open"): "slash_staff_open",
    ("staff", "close"): "slash_staff_close",
    ("staff", "next"): "slash_staff_next",
    ("staff", "alert"): "slash_staff_alert",
    ("staff", "survey"): "slash_staff_survey",
    ("staff", "newsletter"): "slash_staff_newsletter",
    ("staff", "help"): "slash_staff_help",
    ("resident", "ask"): "slash_resident_ask",
    ("resident", "status"): "slash_resident_status",
    ("resident", "withdraw"): "slash_resident_withdraw",
    ("resident", "next"): "slash_resident_next",
    ("resident", "mydata"): "slash_resident_mydata",
    ("resident", "forget"): "slash_resident_forget",
    ("resident", "help"): "slash_resident_help",
    ("resident", "subscribe"): "slash_resident_subscribe",
    ("resident", "subscriptions"): "slash_resident_subscriptions",
    ("resident", "unsubscribe"): "slash_resident_unsubscribe",
    ("resident", "survey"): "slash_resident_survey",
}


@dataclass(frozen=True)
class CommandEntry:
    """One command as a platform lists it.

    ``name``: the route's name (lower case, 1-32 letters, digits, ``-``,
    ``_``). ``description``: one line of plain text, 1-100 characters.
    ``argument``: whether the command takes its free-text argument
    (``none``: no argument at all). ``argument_description``: one line,
    1-100 characters, what goes in it (the usage line's arguments);
    empty when ``argument`` is ``none``."""

    desk: Desk
    name: str
    description: str
    argument: Argument
    argument_description: str


@dataclass(frozen=True)
class Catalogue:
    """Both desks' commands (``staff``, ``resident``, each in its table's
    order), and ``received``: what is said for a command whose own reply
    never came back to where it was used (the desk chose to say nothing,
    as it does to a blocked resident told once already); ``elsewhere``:
    what an officers' command used outside the staff rooms is told (the
    platform lists it in the whole server)."""

    staff: tuple[CommandEntry, ...]
    resident: tuple[CommandEntry, ...]
    received: Rich
    elsewhere: Rich


def _argument(usage: str) -> tuple[Argument, str]:
    _name, _, rest = usage.partition(" ")
    rest = rest.strip()
    if not rest:
        return "none", ""
    return ("optional" if rest.startswith("[") else "required"), rest


def _entries(desk: Desk, routes: Routes[Any], wording: Wording) -> tuple[CommandEntry, ...]:
    entries: list[CommandEntry] = []
    for route in routes:
        argument, usage = _argument(route.usage)
        entries.append(
            CommandEntry(
                desk,
                route.name,
                _one_line(wording.render(DESCRIPTIONS[(desk, route.name)])),
                argument,
                _one_line(wording.render("slash_argument", usage=usage)) if usage else "",
            )
        )
    return tuple(entries)


def _one_line(text: Rich) -> str:
    return " ".join(plain(text).split())[:MAX_DESCRIPTION]


def catalogue(wording: Wording) -> Catalogue:
    """The commands of both desks, described in ``wording``'s language.
    Raises KeyError when a route has no description template."""
    return Catalogue(
        _entries("staff", STAFF_ROUTES, wording),
        _entries("resident", RESIDENT_ROUTES, wording),
        wording.render("slash_received"),
        wording.render("slash_elsewhere"),
    )
