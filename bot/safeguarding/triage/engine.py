"""The matching: every rule tried where any rule matches, each match put to
the guards, the concern that fired with the highest priority reported; when
no rule fires, the statistical model (``model``) has its say.

Importing this module reads and compiles the data files (through rules,
guards, normalise and model); the package imports it on first use (``load``)."""

from __future__ import annotations

import re

from bot.safeguarding.triage.about import about
from bot.safeguarding.triage.concern import Concern, Triage
from bot.safeguarding.triage.framing import framing
from bot.safeguarding.triage.guards import (
    ALL_CLEAR,
    CLAUSE_BREAK,
    LAUGHING_SIGNS,
    LAUGHING_WORDS,
    NOW,
    asks_in_general,
    guard,
    idiom_in,
    names_a_place,
    not_real_in,
    outcome_after,
    resolved,
    settled_in,
    told_long_ago,
)
from bot.safeguarding.triage.model import model, model_concern, without_command
from bot.safeguarding.triage.normalise import normalise
from bot.safeguarding.triage.rules import ANY_RULE, PRIORITY, RULES, Rule


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]: from the last break before it to the
    first break after it."""
    left = 0
    for found in CLAUSE_BREAK.finditer(text, 0, start):
        left = found.end()
    after = CLAUSE_BREAK.search(text, end)
    return left, after.start() if after else len(text)


_MODEL = model()
MODEL_RULE = "model.urgent"
"""The reason given when the model alone finds a message urgent."""
# Guards the model defers to: a rule matched but the clause denies it ("I'm
# not going to hurt myself") or the writer says they are safe ("... but I'm
# not going to do anything"), supposes it ("what should I do if ...") or
# asks in general ("how do I report ..."). A bag of words cannot read those
# shapes; the other guards (past, habit, hearsay, ...) misfire more often on
# new writers' text, so there the model still has its say.
# A game, a film, a stunt or a joke in the clause (not_real, joke): the
# model defers too, unless sure.
# An idiom (issue 15e: "the drilling next door is killing me", "wife is
# going to kill me, left my wallet on the train"): the model defers too,
# unless sure.
# Round 7: a correction, a figure of speech, a comparison or a farewell
# that is a shop closing (guards._meant_otherwise): the model defers too,
# unless sure.
MODEL_DEFERS_TO = frozenset(
    {
        "negated",
        "hypothetical",
        "general_question",
        "reassured",
        "not_real",
        "joke",
        "idiom",
        "corrected",
        "figurative",
        "compared",
        "leaving",
        # round 8: a numb face with its numbing treatment named
        "explained",
        # round 10: an outcome said after the match ("is safe now, she's in
        # hospital"): the model must be sure
        "outcome",
        # round 10: a pet taken, a rumour doubted (source and doubt), an
        # unsecured building kids get into, asked about as whose job it is
        "pet",
        "rumour",
        "unsecured",
        # round 12: a family member's mishap "killing" the writer ("im
        # gonna kill our kid, he's eaten the last stottie"): never
        # overruled; an incident's aftermath ("blood on the door ... who
        # cleans this up?") and a thing found lying: the model must be sure
        "mishap",
        "aftermath",
        "object",
        # round 16: a match on weak evidence in a message told as not live
        # (framing.py: over, past, a game or film, a joke, no one hurt, a
        # policy question, and no live cue): the model must be sure
        "framed",
        # round 17: the sentence of the match is about a game, a video, a
        # film or a news story, a thing or a pet, a prediction about nobody
        # in particular, whether a thing may be kept, or an event that
        # turned out to be nothing (about.py), with no live cue: the model
        # must be sure
        "about",
    }
)
# ... but not when it is this sure, for the question shapes, games and jokes:
# "please tell me what to do, the man next door is on his roof and says he's
# going to jump" is a plea, not a hypothetical (leave one file out, on every
# file: two emergencies more, no false alarm more; docs/decisions.md).
SURE = 0.9
# Every guard the model defers to but a negation, a reassurance and (round
# 10) an outcome said after the match, which the model never overrules, as
# it never overrules an all-clear or help come (model_says).
OVERRULED_WHEN_SURE = MODEL_DEFERS_TO - {"negated", "reassured", "outcome", "mishap"}


def assess(text: str) -> Triage:
    """Whether a message looks like danger to life, a crime in progress or a
    risk of self-harm; self-harm wins over the others (the resident then also
    gets the helpline), then danger. The rules first; if none fires, the
    model: a message whose probability of being urgent reaches its threshold
    is urgent too (``MODEL_RULE``, ``model_says``), self-harm if it has
    self-harm words, else danger."""
    normal = normalise(text)
    said = by_rules(normal)
    if said.urgent:
        return said
    together = telegraphic(normal)
    if together is not None and (read_together := by_rules(together)).urgent:
        return read_together
    if _stopped_by(said) in MODEL_DEFERS_TO - OVERRULED_WHEN_SURE:
        return said  # the model would not be heard: spare scoring it
    read = normalise(without_command(text)) if text.lstrip().startswith("/") else normal
    if not model_says(said, text, read, _MODEL.probability(read), _MODEL.threshold):
        return said
    return Triage(model_concern(read), MODEL_RULE)


def model_says(said: Triage, text: str, normal: str, probability: float, threshold: float) -> bool:
    """Whether the model makes urgent a message the rules said ``said`` of
    (not urgent): ``text`` as sent, ``normal`` as the model read it, given
    its ``probability`` (0 to 1) and ``threshold``:

    - a guard of MODEL_DEFERS_TO stopped a rule (reason
      ``"none:<guard>:<rule>"``): no, unless the guard is one of
      OVERRULED_WHEN_SURE and the probability reaches SURE;
    - the message says nobody is in danger or that it is over
      (``guards.ALL_CLEAR``: "nobody was hurt", "all quiet now"), or that
      help came or the person recovered and nothing else says now
      (``guards.resolved``: "he pulled through", "the ambulance came"): no;
    - the writer is laughing (``guards.LAUGHING_WORDS`` in ``normal``,
      ``LAUGHING_SIGNS`` in ``text``: "lol", "lmao", "😂"), asks in
      general, speaks of a game, film or sport anywhere
      (``guards.not_real_in``: "my daughter assures me it is a computer
      game"), has an idiom of a rule's words (``guards.idiom_in``: "i'll
      end up killing my brother"), or tells of the distant past with nothing said of now
      (``guards.told_long_ago``: "years back"), or (round 8,
      ``guards.settled_in``) says how it ended ("it was kids playing",
      "he's gone now"), that nobody is in danger now, warns others of a
      scam, fears what may happen "one day" or passes on a chain message
      (round 10: or a fire was put out, someone is not there now but back
      another day, the person asked about is in view doing something
      everyday, "if he did, would ...?", or, with no word for now, asks
      whether it is a scam), or (round 16, ``framing.framing``) tells its
      danger words as not live with no live cue ("has since called round
      and apologised"): when the probability reaches SURE;
    - else when the probability reaches the threshold."""
    stopped_by = _stopped_by(said)
    if stopped_by in MODEL_DEFERS_TO:
        return stopped_by in OVERRULED_WHEN_SURE and probability >= max(SURE, threshold)
    if probability < threshold:
        return False  # spare the message-wide searches below: none could say yes
    if ALL_CLEAR.search(normal) or resolved(normal):
        return False
    if (
        LAUGHING_WORDS.search(normal)
        or LAUGHING_SIGNS.search(text)
        or asks_in_general(normal)
        or not_real_in(normal)
        or idiom_in(normal)
        or told_long_ago(normal)
        or settled_in(normal)
        # round 16: told as not live, with no live cue (framing.py)
        or framing(normal).told_as_not_live
        # round 19: a water word naming a place, "the harbour car park"
        or names_a_place(normal)
    ):
        return probability >= max(SURE, threshold)
    return probability >= threshold


# Round 19: a telegraphic report, its fragments split by full stops or
# exclamation marks ("fire. flat above the chippy. kids inside. hurry").
_FRAGMENT_BREAK = re.compile(r"[.!]+")
TELEGRAPHIC_FRAGMENTS = 8
"""At most this many fragments, and at most this many words in each."""


def telegraphic(normal: str) -> str | None:
    """Round 19 (very short messages): a normalised message written as
    telegraphic fragments, read as one sentence, or None. A message of two
    or more fragments, split by full stops or exclamation marks, none of
    more than TELEGRAPHIC_FRAGMENTS words, at most that many of them, and no
    question: the fragments joined with commas ("fire, kids upstairs"), so a
    rule that reads a fire and people inside in one sentence reads "fire.
    kids upstairs"; the guards still read each fragment as its own clause
    (a comma ends a clause). The model reads the message as sent."""
    if "?" in normal:
        return None
    fragments = [part.strip() for part in _FRAGMENT_BREAK.split(normal) if part.strip()]
    if not 2 <= len(fragments) <= TELEGRAPHIC_FRAGMENTS:
        return None
    if any(len(fragment.split()) > TELEGRAPHIC_FRAGMENTS for fragment in fragments):
        return None
    return f" {' , '.join(fragments)} "


def _stopped_by(said: Triage) -> str:
    """The guard that stopped a rule (reason ``"none:<guard>:<rule>"``), or ""."""
    parts = said.reason.split(":")
    return parts[1] if len(parts) == 3 else ""


def _over_by_outcome(rule: Rule, normal: str, start: int, end: int) -> str | None:
    """Round 10: "outcome" when the message tells the match
    (``normal[start:end]``) as over by an outcome said after it
    (``guards.outcome_after``: "My friend who sent me a goodbye message last
    night is safe now, she's in hospital") and the words after that outcome
    are not urgent by themselves ("he's safe now but his brother is still in
    the water" stands); else None."""
    told = outcome_after(rule, normal, start, end)
    if told is None or by_rules(normal[told:]).urgent:
        return None
    return "outcome"


def _framed(rule: Rule, normal: str) -> str | None:
    """Round 16: "framed" when the rule fired on weak evidence (neither
    severe nor a self-harm rule) and the normalised message tells its
    danger words as not live, with no live cue anywhere
    (``framing.framing``: "My kid got jumped on (not bitten, just knocked
    over) ... There should be fines."); else None."""
    if rule.severe or rule.concern is Concern.SELF_HARM:
        return None
    return "framed" if framing(normal).told_as_not_live else None


def openings_index(rules: list[Rule]) -> dict[str, tuple[int, ...]]:
    """Round 15 (speed): for each two characters a rule can open with
    (``Rule.openings``), the numbers (places in ``rules``) of the rules
    that can, in order: ``{"he": (3, 17, ...), ...}``. A rule whose
    openings cannot be told (None) is in none: it is tried everywhere."""
    index: dict[str, list[int]] = {}
    for number, rule in enumerate(rules):
        for pair in rule.openings or ():
            index.setdefault(pair, []).append(number)
    return {pair: tuple(numbers) for pair, numbers in index.items()}


# Round 15 (speed): RULES by their openings, and the rules that have them
# (a message's last character opens all of these: one character is no pair).
_BY_OPENING = openings_index(RULES)
_WITH_OPENINGS = tuple(number for number, rule in enumerate(RULES) if rule.openings is not None)


def _tried_at(starts: list[int], normal: str) -> dict[int, list[int]]:
    """Round 15 (speed): for each rule with openings (by its number in
    RULES), the starts, in order, where the message's two characters are
    one of them (``{3: [0, 41], 17: [41], ...}``): the rule can match
    nowhere else. A start one character from the end is every such rule's
    (round 14's test: only two characters are checked). Round 14 checked
    every rule at every start in a Python loop (127 rules by some 40
    starts in a long message); this looks each start up once."""
    tried: dict[int, list[int]] = {}
    for start in starts:
        pair = normal[start : start + 2]
        for number in _BY_OPENING.get(pair, ()) if len(pair) == 2 else _WITH_OPENINGS:
            tried.setdefault(number, []).append(start)
    return tried


def rule_starts(normal: str) -> list[int]:
    """Every offset of the normalised message where some rule may match
    (``ANY_RULE``), in order: the only places a rule is tried."""
    starts = []
    found = ANY_RULE.search(normal)
    while found is not None:
        starts.append(found.start())
        found = ANY_RULE.search(normal, found.start() + 1)
    return starts


def stop_for(rule: Rule, normal: str, start: int, end: int) -> str | None:
    """Why ``rule``'s match at ``normal[start:end]`` is stopped (a guard's,
    the outcome's or the framing's name, or round 17's "about":
    ``about.about``), or None when it fires."""
    left, right = _clause_bounds(normal, start, end)
    stop = guard(
        rule,
        normal[left:start],
        normal[left:end],
        normal[left:right],
        normal[end:right],
        normal[right : right + 1] == "?",
        normal,
        normal[:end],
    )
    if stop is None:
        stop = _over_by_outcome(rule, normal, start, end)
    if stop is None:
        stop = _framed(rule, normal)
    if stop is None and about(normal, start, end) is not None:
        stop = "about"
    return stop


def by_rules(normal: str) -> Triage:
    """What the rules alone say of a normalised message."""
    starts = rule_starts(normal)
    if not starts:
        return Triage(Concern.NONE, "none")
    says_now = NOW.search(normal) is not None
    fired: dict[Concern, str] = {}
    stopped: str | None = None
    tried_at = _tried_at(starts, normal)
    for number, rule in enumerate(RULES):
        if rule.concern in fired or (rule.needs_now and not says_now):
            continue
        for start in starts if rule.openings is None else tried_at.get(number, ()):
            match = rule.pattern.match(normal, start)
            if match is None:
                continue
            stop = stop_for(rule, normal, match.start(), match.end())
            if stop is None:
                fired[rule.concern] = rule.name
                break
            stopped = stopped or f"{stop}:{rule.name}"
    for concern in PRIORITY:
        if concern in fired:
            return Triage(concern, fired[concern])
    return Triage(Concern.NONE, f"none:{stopped}" if stopped else "none")
