"""Issue 15, round 19 (tuning on a spent set): two classes behind the
sixteenth unseen set's number-group misses, read as classes
(docs/redaction-figures.md, "Round 19: the sixteenth set's homes"):

- a Welsh street typed in lower case after words that say an address is
  coming ("we r no 4 maes y coed llanberis", "at 5 glan y mor, rhosneigr"):
  the house number went unread and stayed in the public text;
- a house said by its number, then "on" its street ("no 47 on Groby Rd",
  "number nineteen on Victoria Street"): the number went but its street
  stayed beside it; the two now go together, as "47 Groby Road" does.

What an officer sees is the suggested text; the calm side is what must stay
(a bus's number, nobody on a lane, a street named with no number)."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

GONE = [
    # (message, what must not survive, what must)
    ("we r no 4 maes y coed llanberis, 3rd time this wk", "4 maes y coed", "llanberis"),
    ("sum1 took the quad from the yard at 7 heol y nant, bala", "7 heol y nant", "bala"),
    ("we live at 12 ffordd yr orsaf, caernarfon", "12 ffordd yr orsaf", "caernarfon"),
    ("my nan is at 3 pen y bryn n shes scared", "3 pen y bryn", "shes scared"),
    ("the lad lives at no 47 on Groby Rd near the tesco express", "Groby Rd", "tesco express"),
    ("He go in house number 58 on Evington Road. I have dashcam.", "Evington Road", "dashcam"),
    ("The property in question is number nineteen on Victoria Street.", "Victoria Street", ""),
    ("Our house, No. 6 on Mill Lane, was egged again", "Mill Lane", "egged again"),
]

STAYS = [
    "the 47 bus on Groby Road was late again",
    "Bus Number 38 on Kingsland Road never turned up",
    "I saw no one on Mill Lane after dark",
    "Junction no 4 on the M25 is always jammed",
    "fireworks on maes y coed every night this week",
    "we r 2 pen pals from school",
    "kids racing up and down Heol y Nant on bikes",
]


@pytest.mark.parametrize(("text", "gone", "kept"), GONE)
def test_the_home_is_gone_from_the_suggested_text_and_the_rest_stays(
    text: str, gone: str, kept: str
) -> None:
    suggested = suggest_publishable(text)
    assert gone not in suggested and "[address]" in suggested, suggested
    assert kept in suggested, suggested


@pytest.mark.parametrize("text", STAYS)
def test_numbers_and_streets_that_are_no_home_stay(text: str) -> None:
    assert suggest_publishable(text) == text
