"""URGENT is impossible to miss (issue 15): an URGENT card carries a "Seen"
button (and ``seen 12``), officers only, audited, acting once; a card no
officer marks Seen within ``escalation.after`` is raised again, once, in
every staff room of the forum, audited."""

from __future__ import annotations

from datetime import timedelta

from bot.edge.rich import plain
from bot.store.database import fetch_all
from config.model import Escalation, Room
from tests.support.core_harness import OFFICER, STAFF_CHAT, CoreHarness, HarnessFactory

RESIDENT = "7001"
URGENT = "Bromley Police Online Forum someone is breaking into my house right now"
ORDINARY = "Bromley Police Online Forum is there a speed check on Elm Road?"


async def _audit(h: CoreHarness, action: str) -> list[tuple[object, ...]]:
    async with h.core.db.read() as tx:
        rows = await fetch_all(
            tx,
            "SELECT actor_platform, actor_id, outcome, question_id, detail FROM audit"
            " WHERE action = ? ORDER BY id",
            (action,),
        )
    return [tuple(r) for r in rows]


async def test_an_urgent_card_has_a_seen_button_and_says_how_long_officers_have(
    h: CoreHarness,
) -> None:
    await h.resident_says(RESIDENT, URGENT)
    await h.resident_says("7002", ORDINARY)
    urgent, ordinary = h.messages_to(STAFF_CHAT)
    assert [b.data for b in urgent.buttons[0]] == ["seen:1", "approve:1", "reject:1", "later:1"]
    assert urgent.buttons[0][0].label == "Seen #1"
    text = plain(urgent.body)
    assert "An officer must press Seen (or send /seen 1) within 10 minutes" in text
    assert [b.data for b in ordinary.buttons[0]] == ["approve:2", "reject:2", "later:2"]
    assert "press Seen" not in plain(ordinary.body)


async def test_seen_by_button_or_command_acts_once_and_is_audited(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, URGENT)
    before = len(h.texts_to(STAFF_CHAT))
    await h.press("seen:1")
    first = h.texts_to(STAFF_CHAT)[before:]
    assert first == [
        f"URGENT #1 marked Seen by officer telegram:{OFFICER}. It will not be raised again."
    ]
    again = await h.staff_says("/seen 1")
    assert again == [
        f"URGENT #1 was already marked Seen by officer telegram:{OFFICER}. Nothing was changed."
    ]
    assert [(r[2], r[3]) for r in await _audit(h, "seen")] == [("done", 1), ("invalid", 1)]


async def test_seen_on_a_question_that_is_not_urgent_changes_nothing(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, ORDINARY)
    replies = await h.staff_says("/seen 1")
    assert replies == ["#1 is not URGENT: there is nothing to mark Seen. Nothing was changed."]


async def test_only_officers_may_mark_seen(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, URGENT)
    replies = await h.staff_says("/seen 1", user="99999999")
    assert "Only this forum's officers can do that" in replies[0]
    assert [(r[1], r[2]) for r in await _audit(h, "seen")] == [("99999999", "refused")]
    h.clock.advance(timedelta(minutes=10))
    await h.tick()  # still not seen: it is raised again
    assert len(await _audit(h, "escalate")) == 1


async def test_an_urgent_card_nobody_marks_seen_is_raised_again_once(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, URGENT)
    cards = len(h.texts_to(STAFF_CHAT))
    h.clock.advance(timedelta(minutes=9, seconds=59))
    await h.tick()
    assert len(h.texts_to(STAFF_CHAT)) == cards  # not yet
    h.clock.advance(timedelta(seconds=1))
    await h.tick()
    raised = h.messages_to(STAFF_CHAT)[cards:]
    assert len(raised) == 1
    text = plain(raised[0].body)
    assert text.startswith("URGENT #1 RAISED AGAIN: no officer has marked it Seen in 10 minutes.")
    assert "someone is breaking into my house right now" in text
    assert raised[0].buttons[0][0].data == "seen:1"
    h.clock.advance(timedelta(minutes=30))
    await h.tick()
    assert len(h.texts_to(STAFF_CHAT)) == cards + 1  # once only
    assert await _audit(h, "escalate") == [
        ("forumbot", "escalation", "done", 1, "not seen in 10 minutes; 1 staff rooms")
    ]


async def test_a_seen_card_or_one_acted_on_is_not_raised(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, URGENT)
    await h.resident_says("7002", URGENT)
    await h.press("seen:1")
    await h.staff_says("/later 2 checking")
    cards = len(h.texts_to(STAFF_CHAT))
    h.clock.advance(timedelta(hours=1))
    await h.tick()
    assert len(h.texts_to(STAFF_CHAT)) == cards
    assert await _audit(h, "escalate") == []


async def test_escalation_after_is_per_forum_and_reaches_every_staff_room(
    make_harness: HarnessFactory,
) -> None:
    rooms = (Room("telegram", chat_id=int(STAFF_CHAT)), Room("telegram", chat_id=-1002))
    h = await make_harness(escalation=Escalation(after=timedelta(minutes=2)), staff_rooms=rooms)
    await h.resident_says(RESIDENT, URGENT)
    assert "within 2 minutes" in h.texts_to(STAFF_CHAT)[0]
    h.clock.advance(timedelta(minutes=2))
    await h.tick()
    for room in (STAFF_CHAT, "-1002"):
        assert "RAISED AGAIN: no officer has marked it Seen in 2 minutes" in h.texts_to(room)[-1]
    assert [r[4] for r in await _audit(h, "escalate")] == ["not seen in 2 minutes; 2 staff rooms"]


async def test_the_scheduler_raises_it_on_its_own(h: CoreHarness) -> None:
    """The real scheduler's tick (what APScheduler runs) does it too."""
    await h.resident_says(RESIDENT, URGENT)
    h.clock.advance(timedelta(minutes=10))
    await h.core.scheduler.tick()
    await h.core.dispatcher.flush()
    assert "RAISED AGAIN" in h.texts_to(STAFF_CHAT)[-1]


# -- a flood: one resident's many urgent messages make one URGENT card --------

FLOOD = [
    "Bromley Police Online Forum someone is breaking into my house right now",
    "help me he has got a knife",
    "he is coming up the stairs now with a knife",
    "please help someone is breaking in",
]


async def test_a_flood_of_urgent_messages_makes_one_card_not_one_each(h: CoreHarness) -> None:
    for i, text in enumerate(FLOOD):
        replies = await h.resident_says(RESIDENT, text)
        assert "call 999 now" in replies[0]  # every one gets the guidance at once
        if i:
            assert replies[-1].startswith("Thank you. That was added to your question #1")
    cards = [m for m in h.messages_to(STAFF_CHAT) if "URGENT" in plain(m.body)]
    assert len(cards) == 1  # one card, one ping
    async with h.core.db.read() as tx:
        rows = await fetch_all(tx, "SELECT id, urgent_more, text FROM question")
    ((ref, more, text),) = [tuple(r) for r in rows]
    assert (ref, more) == (1, 3)
    assert all(line in str(text) for line in FLOOD)
    (queue,) = await h.staff_says("/queue")
    assert "#1 · URGENT · new · +3 more from the same resident" in queue


async def test_the_seen_reply_shows_what_was_added(h: CoreHarness) -> None:
    for text in FLOOD[:3]:
        await h.resident_says(RESIDENT, text)
    (reply,) = await h.staff_says("/seen 1")
    assert reply.startswith(f"URGENT #1 marked Seen by officer telegram:{OFFICER}.")
    assert "+2 more urgent messages from the same resident" in reply
    assert "he is coming up the stairs now with a knife" in reply


async def test_the_escalation_carries_the_whole_flood(h: CoreHarness) -> None:
    for text in FLOOD:
        await h.resident_says(RESIDENT, text)
    h.clock.advance(timedelta(minutes=10))
    await h.tick()
    raised = h.texts_to(STAFF_CHAT)[-1]
    assert "RAISED AGAIN" in raised and "+3 more urgent messages" in raised
    assert "he is coming up the stairs now with a knife" in raised


async def test_after_seen_or_the_window_a_new_urgent_message_is_a_new_card(
    h: CoreHarness,
) -> None:
    await h.resident_says(RESIDENT, FLOOD[0])
    await h.press("seen:1")
    await h.resident_says(RESIDENT, FLOOD[1])  # seen: officers need the new one in front of them
    h.clock.advance(timedelta(minutes=10, seconds=1))
    await h.tick()  # #2 was raised again (no Seen)
    await h.resident_says(RESIDENT, FLOOD[2])  # #2 escalated: a card of its own
    await h.resident_says("7002", FLOOD[3])  # another resident: never folded
    async with h.core.db.read() as tx:
        rows = await fetch_all(tx, "SELECT id, urgent_more FROM question ORDER BY id")
    assert [tuple(r) for r in rows] == [(1, 0), (2, 0), (3, 0), (4, 0)]
