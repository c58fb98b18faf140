"""Round 16: the framing reader. Whether a message tells its danger words
as live now, or as not live: over and resolved ("has since apologised",
"all sorted"), in the past days ago or more with no sign it goes on, about
a game, a programme, a film, a book or a podcast, a joke, a mishap with no
one hurt ("not bitten, just knocked over"), or a question about policy or
a complaint about the response.

Its cues are the lists of ``data/framing.yaml``, read once when this module
is first imported (by ``triage.load``), beside the message-wide readings
the guards already make (``guards.ALL_CLEAR``, ``guards.resolved``,
``guards.settled_in``, ``guards.told_long_ago``, ``guards.not_real_in``,
``guards.LAUGHING_WORDS``, ``guards.asks_in_general``, ``guards.says_now``).

The engine consults it only where a rule fired on weak evidence (a rule
that is neither severe nor a self-harm rule, once no guard stopped it:
``engine.by_rules``); any live cue wins over every not-live framing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.safeguarding.read_texts import hold
from bot.safeguarding.triage.data import TriageDataError, compiled, mapping, one_of, read
from bot.safeguarding.triage.guards import (
    ALL_CLEAR,
    LAUGHING_WORDS,
    asks_in_general,
    not_real_in,
    resolved,
    says_now,
    settled_in,
    told_long_ago,
)
from bot.safeguarding.triage.rules import VOCABULARY

_FILE = "framing.yaml"
_LISTS = (
    "live", "telling_time", "over", "past", "fiction", "joke", "joke_denied", "unharmed", "policy",
)  # fmt: skip
_DATA = mapping(read(_FILE), _FILE)
if set(_DATA) != set(_LISTS):
    raise TriageDataError(f"{_FILE}: the lists are {', '.join(_LISTS)}")


def _words(name: str) -> re.Pattern[str]:
    """Any one of the list's cues, as a whole word or phrase."""
    cues = VOCABULARY.entries(_DATA[name], f"{_FILE}: {name}")
    return compiled(r"\b" + one_of(cues) + r"\b", f"{_FILE}: {name}")


_LIVE = _words("live")
_TELLING_TIME = _words("telling_time")
_OVER = _words("over")
_PAST = _words("past")
_FICTION = _words("fiction")
_JOKE = _words("joke")
_JOKE_DENIED = _words("joke_denied")
_UNHARMED = _words("unharmed")
_POLICY = _words("policy")

# The not-live framings, in the order they are reported.
KINDS = ("over", "past", "fiction", "joke", "unharmed", "policy")


@dataclass(frozen=True)
class Framing:
    """How a normalised message frames its danger words.

    ``live``: the live cues found ("now" for a word for now, else the first
    live cue's words, e.g. "bleeding", "he's back"); ``not_live``: the
    not-live framings found, of KINDS (e.g. ``("over", "joke")``)."""

    live: tuple[str, ...]
    not_live: tuple[str, ...]

    @property
    def told_as_not_live(self) -> bool:
        """At least one not-live framing and no live cue at all."""
        return bool(self.not_live) and not self.live


@hold
@lru_cache(maxsize=16)
def framing(message: str) -> Framing:
    """The framing of a normalised message (``normalise.normalise``):
    ``Framing(live=(), not_live=("unharmed", "policy"))`` for "My kid got
    jumped on (not bitten, just knocked over) ... There should be fines."."""
    return Framing(_live(message), _not_live(message))


def _live(message: str) -> tuple[str, ...]:
    """The live cues of a normalised message: "now" when it has a word for
    now once the times said of the telling are out (``telling_time``:
    "mentioned at tea tonight"), and the first ``live`` cue found."""
    found: list[str] = []
    if says_now(_TELLING_TIME.sub(" ", message)):
        found.append("now")
    cue = _LIVE.search(message)
    if cue is not None:
        found.append(cue.group())
    return tuple(found)


def _not_live(message: str) -> tuple[str, ...]:
    """The not-live framings of a normalised message, of KINDS, in order;
    a denied joke ("not a joke", "joking aside") is none."""
    kinds: list[str] = []
    over = _OVER.search(message) or ALL_CLEAR.search(message)
    if over or resolved(message) or settled_in(message):
        kinds.append("over")
    if _PAST.search(message) or told_long_ago(message):
        kinds.append("past")
    if _FICTION.search(message) or not_real_in(message):
        kinds.append("fiction")
    undenied = _JOKE_DENIED.sub(" ", message)
    if _JOKE.search(undenied) or LAUGHING_WORDS.search(undenied):
        kinds.append("joke")
    if _UNHARMED.search(message):
        kinds.append("unharmed")
    if _POLICY.search(message) or asks_in_general(message):
        kinds.append("policy")
    return tuple(kinds)
