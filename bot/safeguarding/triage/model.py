"""The statistical half of the triage: a linear classifier (logistic
regression) over the message as the rules read it, saying how likely it is
to be urgent. Its weights are ``data/model.json`` in the installed package,
written by ``tests/support/train_triage_model.py`` from the labelled corpora
in ``tests/data/`` (docs/safeguarding.md, "The statistical model"); nothing
is downloaded, and inference is plain Python (no numpy at run time).

Features, from :func:`bot.safeguarding.triage.normalise.normalise`'s text:

- every distinct word (``w:knife``), and every distinct pair of neighbouring
  words (``b:got knife``);
- for every distinct word, its character 3- to 6-grams with a space at each
  end (``c: kni``, ``c:nife ``, ``c:stabb``): "stabed" and "stabbed" share
  most of them (6-grams since issue 15's round 5: leaving one blind set out,
  more emergencies for the same false alarms; docs/safeguarding.md);
- the NEGATED_SPAN words after a negation in the same clause are marked
  (``w:~suicidal``) and carry no character n-grams;
- round 16: the message-wide cues of :mod:`model_cues` (``q:hearsay_calm``:
  news passed on with no word for now; ``q:asks_policy``, ``q:settled``,
  ``q:live``, ...), each counted like one word.

A feature's value is how many distinct words carry it (1 for a word pair),
divided by (number of distinct words) ** LENGTH_POWER, so a long message is
not pushed down for its length alone. The probability is
``1 / (1 + exp(-(bias + sum(value * weight))))``; a message of fewer than
MIN_WORDS words gets 0. A word's share of the sum (its own weight and its
character n-grams') is cached, so a message costs one dictionary look-up a
distinct word and a pair; the shares of the model's own words (those with
a ``w:`` weight) are computed when the file is read.

The file is read once, by :func:`model` (through ``triage.load``, which
start-up calls), or else at the first assessment.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping
from functools import cache
from importlib.resources import files
from itertools import pairwise

from bot.safeguarding.triage.concern import Concern
from bot.safeguarding.triage.data import TriageDataError
from bot.safeguarding.triage.model_cues import cues

FILE = "model.json"
_PACKAGE = __name__.rpartition(".")[0]
_TOKEN = re.compile(r"[a-z0-9']+|[.,!?;:]")
_CLAUSE_BREAKS = frozenset(".,!?;:")
# Negations (as in data/guards.yaml), and how many words after one are negated.
_NEGATIONS = frozenset({"not", "no", "never", "nobody", "none", "nothing", "without"})
NEGATED_SPAN = 2
CHAR_SIZES = (3, 4, 5, 6)
MIN_WORDS = 5
# A bot command at the start ("/subscribe", "/survey@forumbot"): not the resident's words.
_COMMAND = re.compile(r"^\s*/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?")
LENGTH_POWER = 0.5  # feature values are divided by (distinct words) ** LENGTH_POWER


def without_command(text: str) -> str:
    """The message without a bot command at its start: what the model reads
    of "/ask there's a man in my garden" is "there's a man in my garden"."""
    return _COMMAND.sub("", text, count=1)


def words_of(normal: str) -> list[str]:
    """The words of a normalised message, in order; the NEGATED_SPAN words
    after a negation in the same clause marked with a leading ``~``
    ("i'm not ~suicidal ~i", "no ~one ~hurt")."""
    words: list[str] = []
    negated = 0
    for found in _TOKEN.finditer(normal):
        token = found[0]
        if token in _CLAUSE_BREAKS:
            negated = 0
            continue
        words.append(f"~{token}" if negated else token)
        negated -= 1 if negated else 0
        if token in _NEGATIONS or token.endswith("n't"):
            negated = NEGATED_SPAN
    return words


def word_features(word: str) -> Iterator[str]:
    """One word's features: itself and its character n-grams (repeats kept:
    a count is a feature's value). A negated word (``~word``) is itself
    only: "not suicidal" must not read as "suicidal" spelled another way."""
    yield f"w:{word}"
    if word.startswith("~"):
        return
    padded = f" {word} "
    for size in CHAR_SIZES:
        for start in range(len(padded) - size + 1):
            yield f"c:{padded[start : start + size]}"


def features(normal: str) -> dict[str, float]:
    """Every feature of a normalised message and its value: how many of its
    distinct words carry it (a pair of words and a cue count once), divided by the
    square root of the number of distinct words."""
    words = words_of(normal)
    counts: dict[str, float] = {}
    for word in set(words):
        for feature in word_features(word):
            counts[feature] = counts.get(feature, 0) + 1
    for pair in {f"b:{a} {b}" for a, b in pairwise(words)}:
        counts[pair] = 1
    for cue in cues(normal):
        counts[cue] = 1
    scale = 1 / math.pow(max(1, len(set(words))), LENGTH_POWER)
    return {feature: count * scale for feature, count in counts.items()}


class Model:
    """The weights of ``data/model.json``: ``bias``, ``threshold`` (the
    probability from which a message is urgent, 0 to 1) and ``weights``
    (feature -> weight)."""

    _CACHED_WORDS = 1 << 16  # the word-score cache is emptied past this many words

    def __init__(self, bias: float, threshold: float, weights: Mapping[str, float]) -> None:
        self.bias = bias
        self.threshold = threshold
        self.weights = dict(weights)
        # The share of every word the model has a weight for, computed once
        # here (some 3,000 words, about 30 ms): a long message of known words
        # costs a look-up a word, not its character n-grams. Other words are
        # scored on first sight and cached.
        self._known_scores = {
            feature[2:]: sum(self.weights.get(f, 0.0) for f in word_features(feature[2:]))
            for feature in self.weights
            if feature.startswith("w:")
        }
        self._word_scores: dict[str, float] = {}

    def score(self, normal: str) -> float:
        """The linear score of a normalised message (its log-odds of being urgent)."""
        return self._score(normal, words_of(normal))

    def _score(self, normal: str, words: list[str]) -> float:
        weights = self.weights
        known = self._known_scores
        scores = self._word_scores
        total = 0.0
        distinct = set(words)
        for word in distinct:
            found = known.get(word)
            if found is None:
                found = scores.get(word)
            if found is None:
                if len(scores) >= self._CACHED_WORDS:
                    scores.clear()
                found = scores[word] = sum(weights.get(f, 0.0) for f in word_features(word))
            total += found
        for pair in {f"b:{a} {b}" for a, b in pairwise(words)}:
            total += weights.get(pair, 0.0)
        for cue in cues(normal):
            total += weights.get(cue, 0.0)
        return self.bias + total / math.pow(max(1, len(distinct)), LENGTH_POWER)

    def clear_cache(self) -> None:
        """Forget the scores of words met since start-up (a benchmark's cold
        start); those of the model's own words, computed when it was read,
        stay."""
        self._word_scores.clear()

    def probability(self, normal: str) -> float:
        """How likely the normalised message is urgent, 0 to 1; 0 for a
        message with fewer than MIN_WORDS distinct words the model knows
        (has a weight for). The rules alone judge those: with so little the
        model knows, its learnt bias, not the message, would speak ("zxq vbn
        lkj mnb" would score 0.66)."""
        words = words_of(normal)
        weights = self.weights
        if sum(f"w:{word}" in weights for word in set(words)) < MIN_WORDS:
            return 0.0
        score = self._score(normal, words)
        return 1.0 / (1.0 + math.exp(-score)) if score > -500 else 0.0

    def urgent(self, normal: str) -> bool:
        """Whether the probability reaches the threshold."""
        return self.probability(normal) >= self.threshold


# When the model alone finds a message urgent, it names no concern: these word
# families make it self-harm (the resident then also gets the helpline, which
# costs nothing if it was not needed); anything else is danger.
_SELF_HARM = re.compile(
    r"\b(?:suicid\w*|overdos\w*|od'?d|pills|tablets|paracetamol|self harm\w*|"
    r"(?:kill|hurt|harm|cut|hang|killing|hurting|harming|cutting|hanging|killed|hanged)"
    r" (?:my|him|her|them|your)sel(?:f|ves)|"
    r"end (?:it all|my life|his life|her life|things|everything)|take (?:my|his|her) (?:own )?life|"
    r"(?:want|wants|wanted|going|ready) to die|better off (?:dead|without me)|"
    r"(?:no|any) (?:reason|point) (?:to|in) (?:live|living|go on|going on)|"
    r"can't (?:go on|cope|do this)|(?:live|be alive|be here|wake up) any ?more|"
    r"jump(?:ing)? (?:off|from|in front)|engine running|exhaust|carbon monoxide|noose|"
    r"razor|blades?|ledge|bridge|railway|tracks|goodbye)"
)


def model_concern(normal: str) -> Concern:
    """The concern to give a normalised message only the model found urgent:
    self-harm if it has self-harm words, else danger."""
    return Concern.SELF_HARM if _SELF_HARM.search(normal) else Concern.DANGER


def parse(source: str) -> Model:
    """The model in the text of ``data/model.json``.

    Raises TriageDataError for text that is not such a model."""
    try:
        data = json.loads(source)
        bias = float(data["bias"])
        threshold = float(data["threshold"])
        weights = {str(k): float(v) for k, v in data["weights"].items()}
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise TriageDataError(f"{FILE}: not a triage model ({error!r})") from None
    if not 0.0 < threshold < 1.0:
        raise TriageDataError(f"{FILE}: threshold is a probability between 0 and 1")
    return Model(bias, threshold, weights)


@cache
def model() -> Model:
    """The model in the installed package, read once.

    Raises TriageDataError for a file missing, unreadable or not a model."""
    try:
        source = (files(_PACKAGE) / "data" / FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TriageDataError(f"{FILE}: cannot be read ({error})") from None
    return parse(source)
