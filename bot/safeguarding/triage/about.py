"""Round 17: the "about" reader. Whether the sentence of a rule's match shows
its danger words are about something other than a person in danger now: a
game, a video, a film, a programme or a news story (``media``; in the next
sentence too, for words in quotation marks followed by a game being played:
"shouting 'I'm going to shoot you'. He was playing Fortnite"); a thing or a
pet ("the leylandii is slowly killing us", "keeps killing all the plants",
"my cat got hit by a car"); a prediction about nobody in particular
("someone is going to die on that bend"); a question whether a thing may be
kept ("whether it is permissible to keep a walking stick with a concealed
blade"); or an event that turned out to be nothing ("it turned out he was
holding a drill").

Its cues are the lists of ``data/about.yaml``, read once when this module is
first imported (by ``triage.load``). A live cue in the sentence read
(``live``, or ``guards.says_now``: "now", "tonight", a plea) wins over
every reading. The engine consults it for every rule's match no guard,
outcome or framing stopped (``engine.stop_for``); the stop's name is
"about", and the model then must be sure (``engine.MODEL_DEFERS_TO``).
"""

from __future__ import annotations

import re

from bot.safeguarding.triage.data import TriageDataError, compiled, mapping, one_of, read
from bot.safeguarding.triage.guards import says_now
from bot.safeguarding.triage.rules import ANY_RULE, VOCABULARY

_FILE = "about.yaml"
_LISTS = (
    "live", "media", "filmed", "playing", "thing", "pet", "pet_passive", "harm", "thing_link",
    "anyone", "prediction", "plea_if", "may_keep", "turned_out", "posted",
)  # fmt: skip
_DATA = mapping(read(_FILE), _FILE)
if set(_DATA) != set(_LISTS):
    raise TriageDataError(f"{_FILE}: the lists are {', '.join(_LISTS)}")


def _one(name: str) -> str:
    """The list's cues as one group."""
    return one_of(VOCABULARY.entries(_DATA[name], f"{_FILE}: {name}"))


def _words(name: str) -> re.Pattern[str]:
    """Any one of the list's cues, as a whole word or phrase."""
    return compiled(r"\b" + _one(name) + r"\b", f"{_FILE}: {name}")


_LIVE = _words("live")
_MEDIA = _words("media")
_FILMED = _words("filmed")
_POSTED = _words("posted")
_PLAYING = _words("playing")
_PLEA_IF = _words("plea_if")
_MAY_KEEP = _words("may_keep")
_TURNED_OUT = _words("turned_out")
_LINK = rf"(?:\s+'?{_one('thing_link')}'?)"
_HARM = _one("harm")
# A thing, then up to four linking words, then a danger verb: "leylandii is
# slowly killing"; a pet, then a passive: "cat got hit".
_VICTIM = compiled(
    rf"\b(?:{_one('thing')}{_LINK}{{0,4}}|{_one('pet')}(?:\s+{_one('pet_passive')}){{1,3}})"
    rf"\s+'?{_HARM}\b",
    f"{_FILE}: thing, pet",
)
# A danger verb, then up to four linking words, then a thing: "killing' all
# the plants".
_THING_HARMED = compiled(
    rf"\b{_HARM}'?{_LINK}{{0,4}}\s+'?{_one('thing')}\b", f"{_FILE}: harm, thing"
)
# Nobody in particular, then the words of a prediction: "someone is going
# to", "a child will".
_ANYONE_WILL = compiled(
    rf"\b{_one('anyone')}\s*{_one('prediction')}\b", f"{_FILE}: anyone, prediction"
)
_SENTENCE_END = re.compile(r"[.!?\n]")
_QUOTE = re.compile(r"['\"‘’“”]")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]: from after the last full stop,
    "!", "?" or line break before it to the first one after it."""
    left = 0
    for found in _SENTENCE_END.finditer(text, 0, start):
        left = found.end()
    after = _SENTENCE_END.search(text, end)
    return left, after.start() if after else len(text)


def _live(sentence: str) -> bool:
    """Whether a sentence has a live cue."""
    return _LIVE.search(sentence) is not None or says_now(sentence)


def _overlaps(found: re.Match[str] | None, start: int, end: int) -> bool:
    return found is not None and found.start() < end and found.end() > start


def about(normal: str, start: int, end: int) -> str | None:
    """What the match ``normal[start:end]`` of a normalised message is about
    when it is not a person in danger now: "media", "thing", "prediction",
    "may_keep" or "turned_out"; None when the sentence has a live cue or
    none of those readings."""
    left, right = _sentence(normal, start, end)
    sentence = normal[left:right]
    quote = _QUOTE.search(normal, left, start)
    if quote is not None and right < len(normal) and not _live(normal[quote.start() : right]):
        # words in quotation marks, then a game being played
        _, after = _sentence(normal, right + 1, right + 1)
        following = normal[right + 1 : after]
        if _PLAYING.search(following) and not _live(following):
            return "media"
    turned = _TURNED_OUT.search(sentence)
    if turned is not None and (
        end - left <= turned.start() or ANY_RULE.search(sentence, 0, turned.start()) is not None
    ):
        # what it turned out to be is told in the present ("it turns out
        # she's just deleting her account"): not a live cue
        comma = sentence.find(",", turned.end())
        told = sentence[: turned.start()] + " " + (sentence[comma:] if comma >= 0 else "")
        if not _live(told):
            return "turned_out"
    if _live(sentence):
        return None
    if _MEDIA.search(sentence) and not (_FILMED.search(sentence) or _POSTED.search(sentence)):
        return "media"
    for pattern in (_VICTIM, _THING_HARMED):
        for found in pattern.finditer(normal, left, right):
            if _overlaps(found, start, end):
                return "thing"
    if not _PLEA_IF.search(sentence):
        for found in _ANYONE_WILL.finditer(normal, left, right):
            if found.start() <= start < found.end() + 2:
                return "prediction"
    if _MAY_KEEP.search(sentence):
        return "may_keep"
    return None
