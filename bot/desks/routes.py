"""Routes as data: each desk's commands are a table of ``Route`` rows (name
and aliases, handler, who may run it, usage line, help line), looked up by
name. The desks' modules hold their tables; the order a desk checks things
in before it looks a command up (urgent messages first, data rights before
blocks) is written down next to its table as ``PRECEDENCE``."""

from __future__ import annotations

import re
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

_SLASHED = re.compile(r"^/([A-Za-z][A-Za-z0-9_-]{0,31})(?:@\S*)?(?:\s|$)")


def parse_reference(text: str) -> int | None:
    """A question's (or consultation's) number as officers and residents
    write it: ``12`` or ``#12``, surrounding spaces ignored; None for
    anything else: no number, a sign, other characters, digits other than
    0-9 (``²``, ``①``, ``٣``), or a number over ``bot.edge.text.MAX_NUMBER``
    (what SQLite can hold). Never raises."""
    text = text.strip()
    return parse_number(text[1:] if text.startswith("#") else text)


TRAILING = "?!.,;:"
"""Punctuation a phone's keyboard or a resident adds at the end of a command
or its number (``withdraw 3.``, ``/status?``), which cannot be meant there."""


def resident_reference(text: str) -> int | None:
    """``parse_reference`` after the trailing punctuation a resident adds
    (``3.``, ``#3!``): None for anything else."""
    return parse_reference(text.strip().rstrip(TRAILING))


def resident_command(name: str | None, routes: Routes[H]) -> str | None:
    """A resident's command name as its route knows it: ``status?`` ->
    ``status`` when only the trailing punctuation (``TRAILING``) stood in
    the way; ``name`` itself otherwise."""
    if name is None or routes.find(name) is not None:
        return name
    bare = name.rstrip(TRAILING)
    return bare if bare and routes.find(bare) is not None else name


Numbered = Literal["question", "consultation"]
"""What a number names: a question (``#12``) or a consultation (``/survey 3``)."""

_WRITTEN_AS_NUMBER = re.compile(r"#?[0-9]+")
_NOUNS: dict[str, str] = {
    "question": "number_of_question",
    "consultation": "number_of_consultation",
}


def not_a_reference(wording: Wording, given: str, numbered: Numbered = "question") -> Rich:
    """The line telling a resident or officer what is wrong with ``given``
    (what they wrote where one number belongs), quoted cut short
    (``bot.edge.text.shown``): several numbers where one belongs, a number
    written with 0-9 that no question or consultation can have (over
    ``bot.edge.text.MAX_NUMBER``), or not a number at all. ``numbered``:
    what the number names, in the words of the line."""
    noun = wording.text(_NOUNS[numbered])
    words = given.split()
    if len(words) > 1 and all(_WRITTEN_AS_NUMBER.fullmatch(w) for w in words):
        return wording.render("not_a_reference_several", given=shown(given), noun=noun)
    if _WRITTEN_AS_NUMBER.fullmatch(given.strip()):
        return wording.render("not_a_reference_too_big", given=shown(given), noun=noun)
    return wording.render("not_a_reference", given=shown(given), noun=noun)


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
    # Whether a resident may run it without the prefix, as a plain word
    # (``status``, ``withdraw 3``): "alone" when the message is only the
    # word, "with arguments" when words may follow; None: never
    # (``Routes.plain_command``).
    plain: Literal["alone", "with arguments"] | None = None


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

    def plain_command(self, text: str) -> tuple[str, str] | None:
        """``text`` read as a command written without its prefix: (the
        route's name or alias as written, its arguments), or None. The
        first word, in any case and with a trailing ``?``, ``!``, ``.`` or
        ``,``, must name a route with ``plain`` set; a route ``alone`` takes
        nothing after it (``status``, ``Help?``), one ``with arguments``
        takes the rest of the line (``withdraw 3``, ``subscribe BR1 3QR``).
        Text over one line is never a command."""
        text = text.strip()
        if not text or "\n" in text:
            return None
        head, _, rest = text.partition(" ")
        name = head.lower().rstrip(TRAILING)
        route = self._by_name.get(name)
        if route is None or route.plain is None:
            return None
        rest = rest.strip()
        if route.plain == "alone" and rest.strip(TRAILING + " "):
            return None
        return name, rest if route.plain == "with arguments" else ""

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


def misprefixed(text: str, prefix: str, routes: Routes[H]) -> str | None:
    """The route's name when ``text`` begins like a command typed with ``/``
    (``/answer 12 ...``) on a platform whose prefix is not ``/`` (Discord
    delivers a slash command it has not registered, or one sent without
    picking it from its list, as a plain message), and the word after the
    ``/`` names one of ``routes``; None otherwise (``/shrug``, a path, a
    platform whose prefix is ``/``)."""
    if prefix == "/":
        return None
    match = _SLASHED.match(text.lstrip())
    if match is None:
        return None
    route = routes.find(match.group(1).lower())
    return route.name if route is not None else None
