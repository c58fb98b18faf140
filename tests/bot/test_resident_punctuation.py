"""Residents' commands with the punctuation phones add (issue 16, item 3):
a trailing ``.``/``!``/``?`` after a number or a command's name, and
``forget confirm`` in any case with "please" or punctuation, work as the
bare command does; through the core, with and without the slash."""

from __future__ import annotations

import pytest

from bot.store.database import fetch_one
from tests.support.core_harness import CoreHarness

RESIDENT = "5001"
ASK = "Bromley Police Online Forum is Elm Road patrolled at night?"
WITHDRAWN = "Question #1 is withdrawn."


@pytest.mark.parametrize("typed", ["withdraw 1.", "Withdraw #1!", "/withdraw 1?", "/withdraw #1."])
async def test_withdraw_with_a_trailing_full_stop_or_bang(h: CoreHarness, typed: str) -> None:
    await h.resident_says(RESIDENT, ASK)
    (reply,) = await h.resident_says(RESIDENT, typed)
    assert reply.startswith(WITHDRAWN), reply


@pytest.mark.parametrize(
    "typed", ["Forget Confirm.", "forget confirm please", "/forget CONFIRM!", "forget yes please."]
)
async def test_forget_confirm_as_residents_type_it(h: CoreHarness, typed: str) -> None:
    await h.resident_says(RESIDENT, ASK)
    (prompt,) = await h.resident_says(RESIDENT, "forget")
    assert "Erase what we hold about you?" in prompt
    (done,) = await h.resident_says(RESIDENT, typed)
    assert "We no longer hold your account details" in done
    async with h.core.db.read() as tx:
        assert await fetch_one(tx, "SELECT 1 FROM resident WHERE user_id = ?", (RESIDENT,)) is None


async def test_forget_with_other_words_still_asks_first(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, ASK)
    (prompt,) = await h.resident_says(RESIDENT, "forget confirm nothing")
    assert "Erase what we hold about you?" in prompt


@pytest.mark.parametrize("typed", ["/status?", "status?", "/Status!", "/status."])
async def test_status_with_a_question_mark_with_or_without_the_slash(
    h: CoreHarness, typed: str
) -> None:
    await h.resident_says(RESIDENT, ASK)
    (reply,) = await h.resident_says(RESIDENT, typed)
    assert "Your questions" in reply and "How to ask" not in reply, reply
