"""Routes as data: each desk's commands are a table of ``Route`` rows (name
and aliases, handler, who may run it, usage line, help line), looked up by
name. The desks' modules hold their tables; the order a desk checks things
in before it looks a command up (urgent messages first, data rights before
blocks) is written down next to its table as ``PRECEDENCE``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Generic, Literal, TypeVar

from bot.edge.rich import Rich, join
from bot.edge.text import parse_number, shown
from bot.wording.wording import Wording

H = TypeVar("H")

REPEAT_WINDOW = timedelta(hours=1)
"""How long an alert or a consultation asked for again with the same words
counts as the same request sent twice (a double press, a command resent
by an impatient client): it is not sent again."""


def parse_reference(text: str) -> int | None:
    """A question's (or consultation's) number as officers and residents
    write it: ``12`` or ``#12``, surrounding spaces ignored; None for
    anything else: no number, a sign, other characters, digits other than
    0-9 (``²``, ``①``, ``٣``), or a number over ``bot.edge.text.MAX_NUMBER``
    (what SQLite can hold). Never raises."""
    text = text.strip()
    return parse_number(text[1:] if text.startswith("#") else text)


def not_a_reference(wording: Wording, given: str) -> Rich:
    """The line telling a resident or officer that ``given`` (what they
    wrote where a number belongs) is not a question number, quoted cut
    short (``bot.edge.text.shown``)."""
    return wording.render("not_a_reference", given=shown(given))


Who = Literal[
    "any resident",
    "resident",
    "officer in the room",
    "officer of the forum",
    "officer of the question",
]
"""Who may run a route, and so how its desk checks the sender before the
handler runs:

- ``any resident``: anyone in a private chat, blocked or not (data rights);
- ``resident``: anyone in a private chat who is not blocked;
- ``officer in the room``: an officer of at least one of the room's forums;
  the handler gets those forums;
- ``officer of the forum``: an officer of the forum named in the command
  (``open bromley``), or of the room's forums when none is named; the
  handler gets those forums;
- ``officer of the question``: an officer of the forum of the question
  numbered in the command (``approve 12``); the handler gets the question.
"""


@dataclass(frozen=True)
class Route(Generic[H]):
    """One command of a desk.

    ``name`` and ``aliases`` are lower-case, without the platform's prefix.
    ``usage`` is the command's syntax after the prefix (``approve 12 [text]``),
    shown in its help line and, where the desk gives one, its usage reply.
    ``help`` is the template key of the help line the route is listed on;
    routes sharing a key share a line (``block 12 / unblock 12``); None: not
    listed by ``Routes.help_lines``."""

    name: str
    handler: H
    who: Who
    usage: str = ""
    help: str | None = None
    aliases: tuple[str, ...] = ()


class Routes(Generic[H]):
    """A desk's routes, in the order its help lists them.

    Raises ValueError when two routes claim the same name or alias."""

    def __init__(self, *routes: Route[H]) -> None:
        self._routes = routes
        self._by_name: dict[str, Route[H]] = {}
        for route in routes:
            for name in (route.name, *route.aliases):
                if name in self._by_name:
                    raise ValueError(f"two routes are called {name!r}")
                self._by_name[name] = route

    def __iter__(self) -> Iterator[Route[H]]:
        return iter(self._routes)

    def find(self, name: str | None) -> Route[H] | None:
        """The route called ``name`` (or with it as an alias), or None."""
        return self._by_name.get(name) if name is not None else None

    def names(self) -> frozenset[str]:
        """Every name and alias."""
        return frozenset(self._by_name)

    def help_lines(self, wording: Wording, prefix: str, platform: str = "") -> Rich:
        """One line per help key, in table order: the template rendered with
        ``usage`` (every route on the line, ``/block 12 / /unblock 12``) and
        ``prefix``, in its variant for ``platform`` where it has one
        (``Wording.render_for``)."""
        keys: list[str] = []
        usages: dict[str, list[str]] = {}
        for route in self._routes:
            if route.help is None:
                continue
            if route.help not in usages:
                keys.append(route.help)
                usages[route.help] = []
            usages[route.help].append(prefix + route.usage)
        return join(
            wording.render_for(platform, key, usage=" / ".join(usages[key]), prefix=prefix)
            for key in keys
        )
