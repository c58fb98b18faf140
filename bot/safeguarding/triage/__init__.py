"""Emergency triage: does a message look like danger to life, a crime in
progress, or a risk of self-harm or suicide?

    assess(text) -> Triage(concern, reason)
    looks_urgent(text) -> bool

Rules, not a model. A message is normalised (lowercase, text-speak and common
typos spelled out), then every rule's pattern is searched. A match fires
unless a *guard* in the same clause says it is not about now:

- negation just before it ("no one is hurt", "he didn't have a knife");
- a hypothetical or a general question ("what should I do if ...",
  "how do I report ...", "what is being done about ...");
- hearsay ("I heard ...", "apparently ...", "people are saying on Facebook");
- a time in the past ("last year", "in March", "two weeks ago");
- a habit rather than an event ("every night", "most weekends");
- a joke or an idiom ("this traffic is going to kill me", "lol").

An explicit "right now" (or "as we speak", "rn", ...) in the clause beats every
guard except negation. Self-harm is guarded least: only negation,
hypotheticals, general questions, hearsay and a *distant* past stop it.

When several concerns fire, self-harm wins (the resident also gets the
helpline), then danger, then crime in progress.

The package, by responsibility: ``concern`` (what is said: Concern, Triage),
``engine`` (assess: the matching), ``normalise``, ``rules``, ``guards``, and
``data`` (reading the word lists and patterns in ``data/``: spellings.yaml,
vocabulary.yaml, one file of rules per concern, guards.yaml; read once at
import). How to change them: docs/safeguarding.md.

Measured on the corpus in tests/data/triage/ (docs/safeguarding.md). The
design errs towards giving 999 guidance: a false alarm costs a resident a line
of advice; a miss could cost a life.
"""

from bot.safeguarding.triage.concern import Concern, Triage
from bot.safeguarding.triage.engine import assess, looks_urgent

__all__ = ["Concern", "Triage", "assess", "looks_urgent"]
