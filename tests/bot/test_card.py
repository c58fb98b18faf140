"""The card officers see: before and after, with what was replaced in bold."""

from __future__ import annotations

from bot.edge.rich import Span, plain
from tests.support.core_harness import STAFF_CHAT, CoreHarness


async def test_card_shows_text_as_received_and_the_labels_in_bold(h: CoreHarness) -> None:
    await h.resident_says(
        "5001", "Bromley Police Online Forum write to jo@example.com about the bins"
    )
    (card,) = h.messages_to(STAFF_CHAT)
    text = plain(card.body)
    assert "As received:\nBromley Police Online Forum write to jo@example.com" in text
    # The suggestion leaves out the forum's phrase: it is never published.
    assert "labels in bold):\nWrite to [email] about the bins" in text
    assert Span("[email]", bold=True) in card.body
    assert "No personal details found" not in text


async def test_card_says_when_nothing_was_replaced(h: CoreHarness) -> None:
    await h.resident_says("5001", "Bromley Police Online Forum is the 101 number free?")
    (card,) = h.messages_to(STAFF_CHAT)
    assert "No personal details found" in plain(card.body)
    assert not any(span.bold and span.text.startswith("[") for span in card.body)
