"""Edits of earlier messages (issue 14, kind 2), through the core: an edit
of a question officers have not acted on updates it and its card (redaction
and triage run again); after review it is not passed on; an edit that adds
the phrase makes a question; edited commands are never run."""

from __future__ import annotations

from dataclasses import replace

from bot.edge.chat import ChatRef
from bot.edge.inbound import Inbound
from bot.edge.rich import plain
from bot.store import question as questions
from tests.support.core_harness import OFFICER, STAFF_CHAT, CoreHarness

RESIDENT = "5001"
PHRASE = "Bromley Police Online Forum"


async def says(h: CoreHarness, text: str) -> tuple[str, list[str]]:
    """The resident writes ``text``: its message id and the replies."""
    event = h._event(ChatRef("telegram", RESIDENT, "private"), RESIDENT, text)
    return str(event.message_id), await _deliver(h, event, RESIDENT)


async def edits(h: CoreHarness, message_id: str, text: str, user: str = RESIDENT) -> list[str]:
    """The resident edits their message ``message_id`` to ``text``."""
    event = h._event(ChatRef("telegram", user, "private"), user, text, edited=True)
    event = _with_message_id(event, message_id)
    return await _deliver(h, event, user)


def _with_message_id(event: Inbound, message_id: str) -> Inbound:
    return replace(event, message_id=message_id)


async def _deliver(h: CoreHarness, event: Inbound, chat: str) -> list[str]:
    before = len(h.sender.sent)
    await h.deliver(event)
    return [plain(m.body) for m in h.sender.sent[before:] if m.chat.chat_id == chat]


async def _question(h: CoreHarness, ref: int) -> questions.Question:
    async with h.core.db.read() as tx:
        q = await questions.get(tx, ref)
    assert q is not None
    return q


async def test_an_edit_before_review_updates_the_question_and_its_card(h: CoreHarness) -> None:
    mid, _ = await says(h, f"{PHRASE} speeding on Elm Road, call me on 07700 900123")
    replies = await edits(h, mid, f"{PHRASE} speeding on Oak Lane, call me on 07700 900123")
    assert len(replies) == 1 and "#1" in replies[0] and "now reads as you edited it" in replies[0]
    q = await _question(h, 1)
    assert "Oak Lane" in q.text
    assert "07700" not in q.publishable  # redaction ran again
    cards = h.texts_to(STAFF_CHAT)
    assert len(cards) == 2
    assert "Edited by the resident: this card replaces the earlier card for #1" in cards[1]
    assert "Oak Lane" in cards[1]
    async with h.core.db.read() as tx:
        assert len(await questions.of_resident(tx, (await _question(h, 1)).resident_id or 0)) == 1


async def test_an_edit_that_adds_danger_raises_urgent(h: CoreHarness) -> None:
    # (Not "there is a man outside my house": the triage's model, issue 15, reads
    # that as someone lurking now, as new writers mean it.)
    mid, _ = await says(h, f"{PHRASE} a van has been parked on my road for weeks, who do I tell?")
    assert "URGENT" not in h.texts_to(STAFF_CHAT)[0]
    replies = await edits(h, mid, f"{PHRASE} there is a man outside my house with a knife")
    assert "call 999 now" in replies[0]
    assert (await _question(h, 1)).urgent
    assert "URGENT" in h.texts_to(STAFF_CHAT)[1]


async def test_an_edit_after_review_is_not_passed_on(h: CoreHarness) -> None:
    mid, _ = await says(h, f"{PHRASE} when is the next meeting?")
    await h.staff_says("/approve 1")
    replies = await edits(h, mid, f"{PHRASE} when is the next meeting in Penge?")
    assert len(replies) == 1
    assert "Officers have already started on question #1" in replies[0]
    assert "send a new message" in replies[0]
    assert "Penge" not in (await _question(h, 1)).text
    assert not any("Penge" in t for t in h.texts_to(STAFF_CHAT))


async def test_an_edit_after_an_officer_changed_the_suggestion_is_not_passed_on(
    h: CoreHarness,
) -> None:
    mid, _ = await says(h, f"{PHRASE} when is the next meeting?")
    await h.staff_says("/edit 1 When is the next ward meeting?")
    replies = await edits(h, mid, f"{PHRASE} when is the next meeting in Penge?")
    assert "Officers have already started on question #1" in replies[0]


async def test_an_urgent_edit_after_review_is_taken_as_a_new_urgent_question(
    h: CoreHarness,
) -> None:
    mid, _ = await says(h, f"{PHRASE} when is the next meeting?")
    await h.staff_says("/approve 1")
    replies = await edits(h, mid, "someone is breaking in right now")
    assert "call 999 now" in replies[0]
    assert (await _question(h, 2)).urgent
    assert any("URGENT" in t and "#2" in t for t in h.texts_to(STAFF_CHAT))


async def test_an_edit_that_adds_the_phrase_is_a_question(h: CoreHarness) -> None:
    mid, replies = await says(h, "is there a speed check planned on Elm Road?")
    assert "How to ask" in replies[0]
    replies = await edits(h, mid, f"{PHRASE} is there a speed check planned on Elm Road?")
    assert "Your question to Bromley Police Online Forum is #1" in replies[0]
    assert "Question #1" in h.texts_to(STAFF_CHAT)[0]
    # and it is that question's message now: a further edit updates it
    replies = await edits(h, mid, f"{PHRASE} is there a speed check planned on Oak Lane?")
    assert "now reads as you edited it" in replies[0]


async def test_an_edit_of_chatter_says_nothing_was_passed_on(h: CoreHarness) -> None:
    mid, _ = await says(h, "hello")
    replies = await edits(h, mid, "hello there")
    assert len(replies) == 1 and "nothing was passed on" in replies[0]


async def test_an_edited_command_is_not_run(h: CoreHarness) -> None:
    mid, _ = await says(h, "/status")
    replies = await edits(h, mid, "/withdraw 1")
    assert len(replies) == 1 and "Edited commands are not acted on" in replies[0]


async def test_an_officers_edited_command_is_not_run(h: CoreHarness) -> None:
    await says(h, f"{PHRASE} when is the next meeting?")
    event = h._event(ChatRef("telegram", STAFF_CHAT, "group"), OFFICER, "/reject 1", edited=True)
    said = await _deliver(h, event, STAFF_CHAT)
    assert said == ["Edits are not acted on: nothing was done. Send it again as a new message."]
    assert (await _question(h, 1)).state is questions.State.NEW


async def test_an_officers_edited_chatter_stays_quiet(h: CoreHarness) -> None:
    event = h._event(ChatRef("telegram", STAFF_CHAT, "group"), OFFICER, "coffee?", edited=True)
    assert await _deliver(h, event, STAFF_CHAT) == []
