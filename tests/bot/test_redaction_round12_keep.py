"""Issue 15, redaction round 12: keep words by family, on wordings written
for this round first (at least eight a family, with the look-alikes that
must still go), then the tenth unseen set's own lines (tests/data/
personal_details/unseen_2026_11_30_r.jsonl and _s.jsonl, spent;
shortened). What an officer sees is the suggested publishable text.
Figures per file are in docs/redaction-figures.md ("Round 12: keep
words"); the decisions in docs/decisions.md ("Redaction round 12: keep
words by family")."""

from __future__ import annotations

import pytest

from bot.safeguarding.redaction import suggest_publishable

# 1. A business the writer runs or owns: the job and the business go, the
# village or town after them stays. The set's lines are ps10-033, ps10-085,
# ps10-103 and ps10-147 (shortened).
RUN_BUSINESS_TOWN_STAYS = [
    (
        "I run the village shop in Kettlewell and someone has been nicking the charity tin.",
        "[job] in Kettlewell and someone has been nicking the charity tin.",
    ),
    (
        "We run the campsite at Wasdale and tents keep getting slashed.",
        "[job] at Wasdale and tents keep getting slashed.",
    ),
    (
        "I own the chippy in Hebden Bridge, lads keep kicking the door at closing.",
        "[job] in Hebden Bridge, lads keep kicking the door at closing.",
    ),
    (
        "We own the farm shop near Ludlow and someone took the honesty box.",
        "[job] near Ludlow and someone took the honesty box.",
    ),
    (
        "I manage the garden centre near Malton, can you tell me about Shop Watch?",
        "[job] near Malton, can you tell me about Shop Watch?",
    ),
    (
        "I run the pub in Dent, we had a window put through on Saturday.",
        "[job] in Dent, we had a window put through on Saturday.",
    ),
    (
        "We run the B&B on Church Street in Whitby and guests' cars get keyed.",
        "[job] on Church Street in Whitby and guests' cars get keyed.",
    ),
    (
        "Hello, I run the Post Office in Kirkoswald, the only one for miles, and I've had calls",
        "Hello, [job] in Kirkoswald, the only one for miles, and I've had calls",
    ),
    (
        "hi ther, we run Jenny Harrop Holiday Cottages near Coniston and a guest has left",
        "hi ther, [job] near Coniston and a guest has left",
    ),
    (
        "Good morning, I own the newsagent in Alford. Every week children steal sweets",
        "Good morning, [job] in Alford. Every week children steal sweets",
    ),
    (
        "Hello, we run the campsite at Eskdale and want to know about the Farm Watch texts.",
        "Hello, [job] at Eskdale and want to know about the Farm Watch texts.",
    ),
]

# The look-alikes: "only" before the town (the town is what makes it the only
# one), a post held at a named place (older spent sets label the town with
# it), a street with no town after it.
RUN_BUSINESS_TOWN_GOES = [
    (
        "I manage the only Chinese supermarket in Ashford and kids threw eggs.",
        "[job] and kids threw eggs.",
    ),
    (
        "I run the only shop in Kettlewell so everyone knows me, a man is following me.",
        "[job] so everyone knows me, a man is following me.",
    ),
    (
        "I am the owner of the Golden Dragon takeaway in Colwyn Bay and",
        "I am [job] and",
    ),
    (
        "Hi forum, I'm the landlady at the Royal Oak in Splott and we've had a spate",
        "Hi forum, I'm [job] and we've had a spate",
    ),
    ("I run the shop in Mill Lane and lads hang about.", "[job] and lads hang about."),
]


@pytest.mark.parametrize(("text", "expected"), RUN_BUSINESS_TOWN_STAYS + RUN_BUSINESS_TOWN_GOES)
def test_the_town_after_a_business_the_writer_runs_stays(text: str, expected: str) -> None:
    assert suggest_publishable(text) == expected
