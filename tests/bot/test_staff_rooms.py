"""Where officers work (issue 14): topics and threads of the staff room, the
group's anonymous admin, replies to cards whose message id was never
recorded, and every command, press or reply that is not carried out is
answered with why."""

from __future__ import annotations

from bot.desks.staff import REFUSAL_QUIET
from bot.edge.rich import plain
from bot.store import audit
from bot.store import question as questions
from bot.store.question import State
from tests.support.core_harness import OFFICER, STAFF_CHAT, CoreHarness

RESIDENT = "5001"
STRANGER = "99999"
ANONYMOUS_ADMIN = "1087968824"  # Telegram's GroupAnonymousBot
AS_GROUP = (
    "You are posting as the group (anonymous admin), so the bot cannot tell which officer you"
    ' are. Nothing was changed. Turn off "Remain anonymous" in your admin rights, then send it'
    " again."
)


async def _ask(h: CoreHarness) -> None:
    await h.resident_says(
        RESIDENT, "Bromley Police Online Forum is there a speed check on Elm Road?"
    )


async def _state(h: CoreHarness, ref: int) -> State:
    async with h.core.db.read() as tx:
        q = await questions.get(tx, ref)
    assert q is not None
    return q.state


async def test_a_command_in_a_topic_is_answered_in_that_topic(h: CoreHarness) -> None:
    await _ask(h)
    before = len(h.sender.sent)
    await h.staff_says("/answer 1 Yes, on Thursday.", thread_id="77")
    assert "Thursday" in h.texts_to(RESIDENT)[-1]
    confirmations = [
        m for m in h.sender.sent[before:] if m.chat.chat_id == STAFF_CHAT and m.edit_of is None
    ]
    assert len(confirmations) == 1  # besides the card's edit (issue 15: cards show their state)
    assert "#1 answered by" in plain(confirmations[0].body)
    assert confirmations[0].thread_id == "77"
    assert confirmations[0].reply_to_message_id is not None


async def test_a_refusal_in_a_topic_goes_to_that_topic(h: CoreHarness) -> None:
    before = len(h.sender.sent)
    replies = await h.staff_says("/open", user=STRANGER, thread_id="78")
    assert replies == ["Only this forum's officers can do that. Nothing was changed."]
    assert [m.thread_id for m in h.sender.sent[before:]] == ["78"]


async def test_the_room_itself_gets_replies_without_a_topic(h: CoreHarness) -> None:
    before = len(h.sender.sent)
    await h.staff_says("/help")
    assert [m.thread_id for m in h.sender.sent[before:]] == [None]


async def test_the_anonymous_admin_is_told_why_and_nothing_changes(h: CoreHarness) -> None:
    await _ask(h)
    for command in ("/approve 1", "/answer 1 yes", "/open", "/help"):
        replies = await h.staff_says(command, user=ANONYMOUS_ADMIN, as_group=True)
        assert replies == [AS_GROUP], command
        h.clock.advance(REFUSAL_QUIET)  # each told: refusals are answered sparingly
    unknown = await h.staff_says("/frobnicate", user=ANONYMOUS_ADMIN, as_group=True)
    assert unknown == ["Unknown command /frobnicate. Send /help for the list."]
    card_id = await _card_message_id(h)
    h.clock.advance(REFUSAL_QUIET)
    replies = await h.staff_says("Yes.", user=ANONYMOUS_ADMIN, reply_to=card_id, as_group=True)
    assert replies == [AS_GROUP]
    assert await _state(h, 1) == State.NEW
    assert len(h.texts_to(RESIDENT)) == 1  # the acknowledgement only
    async with h.core.db.read() as tx:
        trail = await audit.entries(tx)
    assert trail and {(e.actor_id, e.outcome) for e in trail} == {(ANONYMOUS_ADMIN, "refused")}


async def test_the_anonymous_admin_is_refused_even_if_listed_as_an_officer(
    h: CoreHarness,
) -> None:
    """A listed id posting as the group is still the group: no one can be told apart."""
    await _ask(h)
    replies = await h.staff_says("/approve 1", user=OFFICER, as_group=True)
    assert replies == [AS_GROUP]
    assert await _state(h, 1) == State.NEW


async def _card_message_id(h: CoreHarness) -> str:
    card = h.messages_to(STAFF_CHAT)[0]
    async with h.core.db.read() as tx:
        rows = await tx.execute_fetchall(
            "SELECT platform_message_id FROM outbox WHERE id = ?", (card.outbox_id,)
        )
    return str(next(iter(rows))[0])


async def test_a_reply_to_a_card_whose_id_was_never_recorded_answers_by_its_text(
    h: CoreHarness,
) -> None:
    """After a crash the card's send outcome was unknown: no message id was
    recorded, but the card the officer replies to names its question."""
    await _ask(h)
    card_text = plain(h.messages_to(STAFF_CHAT)[0].body)
    async with h.core.db.transaction() as tx:
        await tx.execute("DELETE FROM card_message")
    replies = await h.staff_says(
        "Yes, on Thursday morning.", reply_to="999", replied_bot_text=card_text
    )
    assert "#1 answered by" in replies[0]
    assert "Thursday morning" in h.texts_to(RESIDENT)[-1]
    assert await _state(h, 1) == State.ANSWERED


async def test_a_reply_to_combined_cards_by_their_text_asks_which(h: CoreHarness) -> None:
    await _ask(h)
    await h.resident_says("5002", "Bromley Police Online Forum and the fireworks?")
    texts = [plain(m.body) for m in h.messages_to(STAFF_CHAT)[:2]]
    replies = await h.staff_says("Yes.", reply_to="999", replied_bot_text="\n\n".join(texts))
    assert replies == ["That card holds several questions. Use /answer NUMBER text."]
    assert await _state(h, 1) == State.NEW and await _state(h, 2) == State.NEW


async def test_a_reply_to_another_bot_message_is_told_it_is_not_a_card(h: CoreHarness) -> None:
    await _ask(h)
    approved = await h.staff_says("/approve 1")
    replies = await h.staff_says("Thursday", reply_to="998", replied_bot_text=approved[0])
    assert replies == [
        "That message is not a question's card, so nothing was sent to anyone. To answer,"
        " reply to the question's card or send /answer NUMBER text."
    ]
    assert await _state(h, 1) == State.APPROVED
    assert len(h.texts_to(RESIDENT)) == 1


async def test_a_card_quoted_by_an_officer_is_not_a_card(h: CoreHarness) -> None:
    """Only the bot's own message is read for a reference: officers talk."""
    await _ask(h)
    card_text = plain(h.messages_to(STAFF_CHAT)[0].body)
    await h.staff_says(card_text)  # an officer pastes the card
    assert await h.staff_says("agreed", reply_to="997") == []
    assert await _state(h, 1) == State.NEW


async def test_presses_that_are_not_carried_out_are_answered(h: CoreHarness) -> None:
    """Stale, forged or foreign presses: each gets a reply in the room saying why."""
    await _ask(h)
    cases = {
        ("approve:999", OFFICER): "There is no question #999 for this room's forums.",
        ("frobnicate:1", OFFICER): "Unknown command /frobnicate. Send /help for the list.",
        ("", OFFICER): "Unknown command /. Send /help for the list.",
        ("approve:1", STRANGER): "Only this forum's officers can do that. Nothing was changed.",
    }
    for (data, user), expected in cases.items():
        before = len(h.sender.sent)
        await h.press(data, user=user)
        replies = [plain(m.body) for m in h.sender.sent[before:] if m.chat.chat_id == STAFF_CHAT]
        assert replies == [expected], data
    assert await _state(h, 1) == State.NEW
