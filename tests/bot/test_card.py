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


async def test_the_phrase_written_twice_is_taken_off_both_times(h: CoreHarness) -> None:
    await h.resident_says(
        "5001",
        "Bromley Police Online Forum\n\nBromley Police Online Forum what time is the meeting?",
    )
    (card,) = h.messages_to(STAFF_CHAT)
    assert "labels in bold):\nWhat time is the meeting?" in plain(card.body)


async def test_a_phrase_inside_the_text_is_not_said_to_be_removed(h: CoreHarness) -> None:
    await h.resident_says(
        "5001", "Hi, a question for the bromley police online forum - when is the next meeting?"
    )
    (card,) = h.messages_to(STAFF_CHAT)
    text = plain(card.body)
    assert "the suggestion is the text exactly as received" in text
    assert "without the forum's phrase" not in text


async def test_only_the_phrase_is_not_a_question(h: CoreHarness) -> None:
    for sent in ("Bromley Police Online Forum", "bromley police online forum:  ..."):
        (reply,) = await h.resident_says("5001", sent)
        assert reply.startswith("You sent only the forum's name, so nothing was passed")
    assert h.messages_to(STAFF_CHAT) == []
    (reply,) = await h.resident_says("5001", "/status")
    assert "#1" not in reply


async def test_a_word_that_may_be_a_name_is_shown_to_the_officer_to_check(h: CoreHarness) -> None:
    await h.resident_says(
        "5001",
        "Bromley Police Online Forum my neighbour's tree at Fernleigh has fallen across "
        "the footpath on Windmill Lane. Priya Raman said the council knows.",
    )
    (card,) = h.messages_to(STAFF_CHAT)
    text = plain(card.body)
    # Sure names are replaced; the street stays; the doubtful word is left in
    # the suggestion and named on the card, not hidden.
    assert "labels in bold):\nMy neighbour's tree at Fernleigh has fallen across the " in text
    assert "Windmill Lane. [name] said the council knows." in text
    assert (
        "Check: possibly a name, left in the suggestion: \u201cFernleigh\u201d. "
        "If it is a person, send /edit 1 with the text to publish." in text
    )
    assert Span("Check: possibly a name", bold=True) in card.body


async def test_no_check_line_when_nothing_is_in_doubt(h: CoreHarness) -> None:
    await h.resident_says(
        "5001", "Bromley Police Online Forum Is Victoria Park locked at 9pm? The 61 bus stops."
    )
    (card,) = h.messages_to(STAFF_CHAT)
    assert "possibly a name" not in plain(card.body)


async def test_a_lower_case_word_that_may_be_a_name_is_shown_to_check(h: CoreHarness) -> None:
    await h.resident_says(
        "5001", "Bromley Police Online Forum Cheers to whoever found tom's dog on the common"
    )
    (card,) = h.messages_to(STAFF_CHAT)
    text = plain(card.body)
    assert "Cheers to whoever found tom's dog on the common" in text
    assert "Check: possibly a name, left in the suggestion: \u201ctom's\u201d." in text


async def test_a_place_that_may_be_a_home_is_shown_whole_to_check(h: CoreHarness) -> None:
    # Round 5: a name where a home's would be, with no plant, land or home
    # word, is left in and named whole on the card.
    await h.resident_says(
        "5001", "Bromley Police Online Forum we are at Nether Howe if an officer can come"
    )
    (card,) = h.messages_to(STAFF_CHAT)
    text = plain(card.body)
    assert "We are at Nether Howe if an officer can come" in text
    assert "Check: possibly a name, left in the suggestion: \u201cNether Howe\u201d." in text
