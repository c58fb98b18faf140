"""Emergency triage: does a message look like danger to life, a crime in
progress, or a risk of self-harm or suicide?

    assess(text) -> Triage(concern, reason)
    looks_urgent(text) -> bool

Rules first, then a statistical model (``model``: logistic regression over
words and character n-grams, weights in ``data/model.json``) where no rule
fires: a message is urgent when a rule fires or the model's probability
reaches its threshold (reason ``model.urgent``; ``engine.model_says``: not
when the writer says nobody is hurt or it is over; only when sure when the
writer is laughing, or a hypothetical, general-question, game or joke guard
stopped a rule). The rules: a message is
normalised (lowercase, text-speak and common typos spelled out), then every
rule's pattern is searched. A match fires
unless a *guard* in the same clause says it is not about now:

- negation just before it ("no one is hurt", "he didn't have a knife");
- a hypothetical or a general question ("what should I do if ...",
  "how do I report ...", "what is being done about ...");
- hearsay ("I heard ...", "apparently ...", "people are saying on Facebook");
- a time in the past ("last year", "in March", "two weeks ago");
- a habit rather than an event ("every night", "most weekends");
- a joke or an idiom ("this traffic is going to kill me", "lol").

The whole message is read too: a danger or crime match is stopped when the
message tells it as over (a past time before it, or help came, "the
ambulance came", and nothing says now); lawful shooting ("pheasant shoot",
"an SGC") stops the gunfire and weapon rules unless someone is harmed.

An explicit "right now" (or "as we speak", "rn", ...) in the clause beats every
guard except negation. Self-harm is guarded least: only negation,
hypotheticals, general questions, hearsay and a *distant* past stop it.

When several concerns fire, self-harm wins (the resident also gets the
helpline), then danger, then crime in progress.

A rule marked severe (a weapon injury, not breathing, people in a fire, ...)
is stopped only by clear evidence that it is not now. When the English rules
find nothing, danger phrases of Welsh and the community languages are looked
for (``other_languages``); ``Triage.language`` then names the language.

The package, by responsibility: ``concern`` (what is said: Concern, Triage),
``engine`` (the matching), ``normalise``, ``rules``, ``guards``, ``model``
and ``data`` (reading the word lists and patterns in ``data/``:
spellings.yaml, vocabulary.yaml, one file of rules per concern, guards.yaml;
and model.json). How to change them: docs/safeguarding.md.

The data files are read and compiled once: by ``load()``, which start-up calls
(forumbot.startup.check_installation), or else at the first assessment.
Importing the package reads nothing, so a copy of the modules without their
data files still imports and start-up can say in one line what is missing.

Measured on the corpus in tests/data/triage/ (docs/safeguarding.md). The
design errs towards giving 999 guidance: a false alarm costs a resident a line
of advice; a miss could cost a life.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from bot.safeguarding.triage.concern import Concern, Triage
from bot.safeguarding.triage.data import FILES, TriageDataError

__all__ = ["FILES", "Concern", "Triage", "TriageDataError", "assess", "load", "looks_urgent"]


def assess(text: str) -> Triage:
    """Whether a message looks like danger to life, a crime in progress or a
    risk of self-harm; self-harm wins over the others (the resident then also
    gets the helpline), then danger. ``reason`` names the rule that fired
    (``"danger.weapon_held"``) or the guard that stopped one
    (``"none:past:crime_in_progress.break_in"``), never the resident's words.

    Raises TriageDataError if the data files have not been loaded and
    cannot be (start-up has loaded them: see ``load``)."""
    return _engine()(text)


def looks_urgent(text: str) -> bool:
    """``assess(text).urgent``."""
    return _engine()(text).urgent


def load() -> None:
    """Read and compile the data files now, if not done yet.

    Raises TriageDataError (``"<file>: <entry>: <problem>"``) for a file that
    is missing or cannot be used; the next call then tries again."""
    _engine()


def _unread_language(text: str) -> str | None:
    """Round 12: the code of the language ``text`` is written in when it is
    one the model was not trained on (``language.unread_by_model``:
    Bulgarian, Czech, Slovak, Tagalog ...), else None. Their words are
    unknown to the model, so its verdict on them is its bias (urgent for an
    ordinary question about a knife law); for them the phrases decide."""
    from bot.safeguarding.language import unread_by_model

    return unread_by_model(text)


@cache
def _engine() -> Callable[[str], Triage]:
    from bot.safeguarding.triage.engine import MODEL_RULE, assess
    from bot.safeguarding.triage.other_languages import assess_other

    def english_then_others(text: str) -> Triage:
        """The English rules; when they find nothing urgent, or only the
        model does, the phrases of other languages (``other_languages``),
        whose finding names the language the guidance is then sent in. A
        phrase there that says it is not about now ("last year") silences
        the English model, which reads other languages only by chance; so
        does (round 12) a message in a language it has read nothing of
        (``_unread_language``) in which no phrase is found."""
        found = assess(text)
        if found.urgent and found.reason != MODEL_RULE:
            return found
        other = assess_other(text)
        if other is None and found.urgent:
            unread = _unread_language(text)
            if unread is not None:
                return Triage(Concern.NONE, f"none.model_unread.{unread}")
        if other is None or not (found.urgent or other.urgent):
            return found
        return other

    return english_then_others
