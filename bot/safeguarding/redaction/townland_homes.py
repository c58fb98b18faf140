"""Round 21: homes named after a townland or a Welsh place-name, where the
older house readers (``house.py``) need a cue or cut the name in two:

- a house, lodge or farm whose name is one Gaelic or Welsh place-word
  ("Ballynure House", "Drumbeg House", "Balmyle House", "Llanfair Lodge"):
  every readable "at/of <Bally-, Drum-, Bal-, Pen-...> House" is labelled
  (4 of 4), while the kept "... House" names are people's or rivers'
  ("Wilberforce House", "Clyde House", "Tullie House");
- a Welsh name in parts, spaced, before its home word ("Pen y Bryn Farm",
  "Tan yr Allt Cottage", "Maes y Coed House"): the whole name goes, so the
  plant-word reader's "Bryn Farm" no longer leaves "Pen y" showing.

:func:`find_townland_homes` yields ``Detail(start, end, Category.ADDRESS)``.
Wordings and near-misses: tests/bot/test_redaction_round21_posts_homes.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safeguarding.redaction.detail import Category, Detail
from bot.safeguarding.redaction.lexicon import places

# The Gaelic, Scots, Irish and Welsh words British townland and farm names
# begin with (the list not_people.py reads towns by), seven letters or more.
_TOWNLAND = (
    r"(?:Bally|Balli|Bal|Drum|Kil|Inver|Aber|Auchen|Auchter|Auch|Dun|Strath|Glen|Kin|Llan|"
    r"Cwm|Carn|Ard|Craig|Knock|Lis|Rath|Tully|Clon|Derry|Inch|Pont|Tre|Pen|Glan|Maes|Bryn|"
    r"Hafod|Plas|Tyn|Cefn|Pant|Nant)[a-z]{3,}"
)
_HOME_WORD = r"(?:House|Lodge|Farm|Farmhouse|Cottage|Hall|Mains|Steading)"
_TOWNLAND_HOME = re.compile(rf"(?<![\w'’-])(?P<name>{_TOWNLAND})[ \t]+{_HOME_WORD}\b")
_WELSH_PART = r"[A-ZŴŶ][a-zà-öø-ÿŵŷ]+"
_WELSH_SPACED_HOME = re.compile(
    rf"(?<![\w'’-]){_WELSH_PART}(?:[ \t]+(?:y|yr|'r|’r)[ \t]+{_WELSH_PART})+"
    rf"(?:[ \t]+{_WELSH_PART})?[ \t]+{_HOME_WORD}\b"
)
# A public building's word after the name: "Drumbeg House surgery".
_PUBLIC_AFTER = re.compile(
    r"[ \t]+(?i:surgery|hotel|school|care[ \t]+home|nursing[ \t]+home|shop|cafe|café|"
    r"museum|gallery|gardens|estate|business|centre|center|offices?)\b"
)


def find_townland_homes(text: str) -> Iterator[Detail]:
    """Homes named after a townland or a Welsh place-name (module docstring)."""
    for match in _TOWNLAND_HOME.finditer(text):
        if match.group("name").lower() in places():
            continue  # "Aberdeen House", "Dundee House": an office block's town
        if _PUBLIC_AFTER.match(text, match.end()):
            continue
        yield Detail(match.start(), match.end(), Category.ADDRESS)
    for match in _WELSH_SPACED_HOME.finditer(text):
        if not _PUBLIC_AFTER.match(text, match.end()):
            yield Detail(match.start(), match.end(), Category.ADDRESS)
