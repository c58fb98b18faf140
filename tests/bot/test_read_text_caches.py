"""Erasure empties the caches of messages just read (issue 15, "erase means
erased"): triage and redaction keep the last few texts they read in memory;
``/forget`` and the retention purge leave none of them behind."""

from __future__ import annotations

from datetime import timedelta

from bot.safeguarding.read_texts import held_count
from tests.support.core_harness import CoreHarness

RESIDENT = "5101"
OTHER = "5102"
ASK = "Bromley Police Online Forum "
WORDS = "my van NX16 KTY was taken from 14 Elm Road, ring me on 07700 900123, is it found?"


async def test_forget_empties_every_cache_of_read_messages(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, ASK + WORDS)
    assert held_count() > 0  # the question was triaged and redacted, and is held
    (reply,) = await h.resident_says(RESIDENT, "/forget confirm")
    assert "We no longer hold your account details" in reply
    assert held_count() == 0


async def test_the_retention_purge_empties_them_too(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, ASK + WORDS)
    await h.staff_says("/answer 1 Report it on 101, please.")
    h.clock.advance(timedelta(days=91))
    await h.resident_says(OTHER, ASK + "is the park patrolled on Sundays?")
    assert held_count() > 0
    done = await h.core.retention.purge()
    assert done.questions == 1
    assert held_count() == 0
