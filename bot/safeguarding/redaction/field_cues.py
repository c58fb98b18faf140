"""A field's cue taken with its value (issue 15, round 20).

"my son, DOB 12/04/2007, was ..." becomes "my son, [date of birth], was
...": the cue goes with the date in one replacement, whose label already
says what was taken. Writers label it both ways ("DOB 12/04/2007" and
"12/04/2007" after "DOB"); taking the cue leaves the detail gone under
either and keeps no fewer keep strings. Only a cue written right beside a
value the engine already took is taken; a cue on its own ("born and bred in
Leeds") is left alone.

The cues are in ``data/field_cues.txt``: a category, "before" or "after",
and a case-insensitive regular expression, split by tabs, a line; ``#``
lines are comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from bot.safeguarding.redaction.detail import Category, Detail

# what may stand between a cue and its value: "DOB: 12/04/2007", "d.o.b - 3/4/99"
_BETWEEN = r"[ \t]*(?:[:#\-–][ \t]*)?"
_MOST_APART = 40


@dataclass(frozen=True)
class _Cues:
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None


@cache
def _cues() -> dict[Category, _Cues]:
    """Per category, a pattern for its cues before the value (ending where
    the value starts) and one for those after it (starting where it ends),
    each a whole word."""
    text = resources.files("bot.safeguarding.redaction").joinpath("data", "field_cues.txt")
    listed: dict[tuple[Category, str], list[str]] = {}
    for line in text.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        category, side, pattern = line.split("\t", 2)
        listed.setdefault((Category(category), side), []).append(pattern)
    cues: dict[Category, _Cues] = {}
    for category in {category for category, _side in listed}:
        before = listed.get((category, "before"))
        after = listed.get((category, "after"))
        cues[category] = _Cues(
            re.compile(rf"(?i)(?<![\w.])(?:{'|'.join(before)}){_BETWEEN}\Z") if before else None,
            re.compile(rf"(?i)[ \t]*(?:{'|'.join(after)})(?!\w)") if after else None,
        )
    return cues


def take_field_cues(text: str, details: list[Detail]) -> list[Detail]:
    """``details`` (in order, none overlapping) with each one's field cue
    taken with it where the cue is written right beside it and touches no
    other detail: "DOB 12/04/2007" is one date of birth, "aged 81" one age,
    "WA66 LMN on the plate" one registration."""
    cues = _cues()
    taken: list[Detail] = []
    for index, detail in enumerate(details):
        listed = cues.get(detail.category)
        if listed is None:
            taken.append(detail)
            continue
        start, end = detail.start, detail.end
        floor = taken[-1].end if taken else 0
        if listed.before is not None:
            cue = listed.before.search(text, max(floor, start - _MOST_APART), start)
            if cue is not None:
                start = cue.start()
        if listed.after is not None:
            ceiling = details[index + 1].start if index + 1 < len(details) else len(text)
            cue = listed.after.match(text, end, min(ceiling, end + _MOST_APART))
            if cue is not None:
                end = cue.end()
        taken.append(Detail(start, end, detail.category))
    return taken
