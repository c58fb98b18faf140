"""Message-wide cues the statistical model reads beside its words (issue
15, round 16): what KIND of message it is, learnt from structure rather
than from one more phrase per wording. A new writer asks about a bridge's
barriers, passes on a rumour from a Facebook group or complains that an
attacker is out on bail in words no training line has; what the message
does (asks for knowledge or action, passes on news, says it is over) is
said with a few common markers whoever writes it.

:func:`cues` gives, for a normalised message (normalise.normalise), the
names of the cues it shows (``q:hearsay_calm``, ``q:live``, ...): each
becomes a feature of the model (model.features) with a learnt weight, like
a word. The cues:

- ``q:live``: a word for now, or a plea for help now ("right now", "at the
  moment", "tonight", "please come", "help me", "hurry"), the "now" of a
  settled cue apart ("fine now", "all sorted now");
- ``q:hearsay``: news or talk passed on ("just read that", "everyone on
  the Facebook group is saying", "apparently", "rumour", "on the news");
- ``q:settled``: it is over or needs nothing now ("has since apologised",
  "no further concern", "all sorted now", "not urgent", "just letting you
  know");
- ``q:asks_policy``: a question or complaint to the police about
  information, policy or the law ("why aren't there", "is there any
  plans", "I have a right to know", "are you having a laugh", "out on
  bail");
- ``q:question``: a question mark;
- and each of those four again with ``_calm`` when no ``live`` cue is in
  the message (``q:hearsay_calm``): a linear model cannot say "and not"
  itself, and "everyone's saying there's a man with a gun in the park
  right now" must not read like a rumour. (Round 16 tried the calm cues
  alone: leaving one blind set out, fewer false alarms were kept out at
  the same recall with both, docs/triage-figures.md.)

Cheap: a search of the normalised text a cue, only where a hint of it is
found (``shows``).
"""

from __future__ import annotations

import re

LIVE = re.compile(
    r"(?<![a-z0-9'])(?:right now|now|at the moment|atm|as we speak|as i (?:type|write)|"
    r"currently|tonight|"
    r"this (?:minute|second)|still (?:here|there|outside|inside|in the)|hurry|asap|quick(?:ly)?|"
    r"urgent(?:ly)?|emergency|please (?:help|come|send|hurry)|help (?:me|us|him|her)|"
    r"send (?:someone|help|police|the police|an ambulance)|call (?:an ambulance|999)|"
    r"i'm (?:scared|terrified|frightened)|i am (?:scared|terrified|frightened))\b"
)
HEARSAY = re.compile(
    r"(?<![a-z0-9'])(?:(?:just |i )?(?:read|saw|seen|heard) (?:that|about|online|it on|on|in)|"
    r"(?:everyone|everybody|people|folk|folks|they|neighbours|the neighbours|mums|parents) "
    r"(?:is |are |keep |keeps |have been |has been |been )?(?:saying|talking|posting|sharing)|"
    r"rumou?rs?|apparently|allegedly|supposedly|on the news|in the news|news|newspaper|"
    r"article|headline|(?:facebook|fb|whatsapp|community|neighbourhood|local|village|school) "
    r"(?:group|page|post|chat)|someone posted|posted (?:on|in|about)|going round|"
    r"doing the rounds|word is|there's talk|there is talk|talk of)\b"
)
SETTLED = re.compile(
    r"(?<![a-z0-9'])(?:(?:apologi[sz]ed|"
    r"no further (?:concern|concerns|problem|problems|issue|issues|action)|"
    r"(?:all )?sorted(?: now| out)?|resolved|has since|have since|had since|calmed down|"
    r"went home|gone home|no longer|fine now|ok now|okay now|all good|not urgent|no rush|"
    r"nothing to worry|no need (?:to|for)|just (?:to )?let(?:ting)? you know|just so you know|"
    r"for your information|for information|for the record|"
    r"just wanted to (?:let you know|update|say|check))(?: now)?)\b"
)
ASKS_POLICY = re.compile(
    r"(?<![a-z0-9'])(?:why (?:(?:has|have|is|are|was|were|do|does|did|would|should|could)(?:n'?t)?|"
    r"can'?t|cannot|can|won'?t|not)|"
    r"(?:is|are) there (?:any|no) (?:plans|plan|rules|law|laws)|"
    r"(?:any|what|your) (?:plans|policy|policies|statistics|stats|figures|law|laws|rules) "
    r"(?:for|on|about)|right to know|having a laugh|(?:a|an absolute|a total) (?:disgrace|joke)|"
    r"ridiculous|unacceptable|been told|been informed|been warned|"
    r"what (?:are|is) (?:the police|you|you lot|the council) (?:doing|going to do)|"
    r"what's being done|what is being done|how (?:is|are|was|were|can|could) (?:that|this|he|she|"
    r"they) (?:allowed|let out|released)|let out on|out on bail|on bail|released)\b"
)
_QUESTION = "?"
# Speed: a cue's search runs only when one of these strings is in the
# message (``in`` is a fast scan; most messages show few cues). Every
# alternative of the cue's pattern contains one of its strings
# (tests/bot/test_triage_round16_model.py checks each on its examples).
LIVE_HINTS = (
    "now", "moment", "atm", "speak", "as i ", "currently", "tonight", "minute", "second",
    "still ", "hurry", "asap", "quick", "urgent", "emergency", "please ", "help ", "send ",
    "call ", "scared", "terrified", "frightened",
)  # fmt: skip
HEARSAY_HINTS = (
    "read", "saw", "seen", "heard", "saying", "talking", "post", "sharing", "rumo",
    "apparently", "allegedly", "supposedly", "news", "article", "headline", "group", "page",
    "chat", "round", "word is", "talk",
)  # fmt: skip
SETTLED_HINTS = (
    "apologi", "further", "sorted", "resolved", "since", "calmed", "home", "longer", "fine",
    "ok now", "okay now", "all good", "urgent", "rush", "worry", "no need", "let", "so you know",
    "information", "record", "just wanted",
)  # fmt: skip
ASKS_POLICY_HINTS = (
    "why ", "there ", "plan", "polic", "statistic", "stats", "figures", "law", "rules",
    "right to know", "laugh", "disgrace", "joke", "ridiculous", "unacceptable", "been ",
    "what ", "being done", "allowed", "let out", "bail", "released",
)  # fmt: skip


def shows(pattern: re.Pattern[str], hints: tuple[str, ...], normal: str) -> bool:
    """Whether ``pattern`` is found in the normalised message, searched
    only when one of its ``hints`` is in it."""
    return any(hint in normal for hint in hints) and pattern.search(normal) is not None


def cues(normal: str) -> list[str]:
    """The names of the cues a normalised message shows, in a fixed order
    (``["q:hearsay", "q:hearsay_calm", "q:asks_policy", "q:asks_policy_calm",
    "q:question", "q:question_calm"]`` for "everyone on the facebook group
    is saying there's a paedo on our street. why have we not been told?")."""
    # "fine now", "sorted now": the "now" of an ending is no word for now
    settled = shows(SETTLED, SETTLED_HINTS, normal)
    live = shows(LIVE, LIVE_HINTS, SETTLED.sub(" ", normal) if settled else normal)
    found = ["q:live"] if live else []
    for name, shown in (
        ("hearsay", shows(HEARSAY, HEARSAY_HINTS, normal)),
        ("settled", settled),
        ("asks_policy", shows(ASKS_POLICY, ASKS_POLICY_HINTS, normal)),
        ("question", _QUESTION in normal),
    ):
        if shown:
            found.append(f"q:{name}")
            if not live:
                found.append(f"q:{name}_calm")
    return found
