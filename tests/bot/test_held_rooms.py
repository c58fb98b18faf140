"""A room the bot cannot post in is tried again while forumbot runs, not only at the next
start: every ``delivery.held_rooms_retry`` one of its waiting messages is sent anyway; a
refusal changes nothing (nobody is told twice), a success lets the room back in, sends what
waited and tells the officers in the other staff rooms. The clock is the harness's: no real
waiting."""

from __future__ import annotations

from datetime import timedelta

from bot.edge.chat import ChatRef
from bot.edge.rooms import room_removed
from bot.edge.sending import NoAccess
from config.model import Delivery, Room
from tests.support.core_harness import STAFF_CHAT, CoreHarness, HarnessFactory

RESIDENT = "5001"
OTHER_STAFF = "-1002"
LOST = "The bot cannot post in the Telegram room -1002"
BACK = "The bot can post in the Telegram room -1002 again"


async def _two_staff_rooms(make_harness: HarnessFactory, every: timedelta) -> CoreHarness:
    return await make_harness(
        staff_rooms=(
            Room("telegram", chat_id=int(STAFF_CHAT)),
            Room("telegram", chat_id=int(OTHER_STAFF)),
        ),
        delivery=Delivery(held_rooms_retry=every),
    )


def _tries(h: CoreHarness) -> int:
    return sum(1 for m in h.sender.tried if m.chat.chat_id == OTHER_STAFF)


async def _later(h: CoreHarness, delta: timedelta) -> None:
    h.clock.advance(delta)
    await h.core.dispatcher.flush()


async def test_a_held_room_is_tried_once_per_interval_and_let_back_in_when_a_send_works(
    make_harness: HarnessFactory,
) -> None:
    h = await _two_staff_rooms(make_harness, timedelta(minutes=5))
    h.sender.fail_with[OTHER_STAFF] = NoAccess("Forbidden: bot was kicked from the group chat")
    await h.resident_says(RESIDENT, "Bromley Police Online Forum is the park locked at night?")
    await h.resident_says(RESIDENT, "Bromley Police Online Forum who patrols the high street?")
    assert _tries(h) == 1  # the first card was refused; the second waits, never tried
    assert [t for t in h.texts_to(STAFF_CHAT) if LOST in t] != []

    await _later(h, timedelta(minutes=4))
    assert _tries(h) == 1  # not yet: the interval has not passed
    await _later(h, timedelta(minutes=1))
    assert _tries(h) == 2  # one message tried, refused again
    assert [m.body for m in h.sender.tried if m.chat.chat_id == OTHER_STAFF][1] == next(
        m.body for m in h.sender.tried if m.chat.chat_id == OTHER_STAFF
    )  # the oldest card, the one refused first
    await _later(h, timedelta(minutes=1))
    assert _tries(h) == 2  # the interval counts from the last try

    del h.sender.fail_with[OTHER_STAFF]  # let back in, with no event saying so
    await _later(h, timedelta(minutes=4))
    cards = h.texts_to(OTHER_STAFF)
    assert any("park locked at night?" in card for card in cards)
    assert any("patrols the high street?" in card for card in cards)
    staff_notices = [t for t in h.texts_to(STAFF_CHAT) if LOST in t or BACK in t]
    assert len(staff_notices) == 2  # lost once (not at each refused try), back once
    assert BACK in staff_notices[1]
    async with h.core.db.read() as tx:
        states = await tx.execute_fetchall(
            "SELECT DISTINCT state FROM outbox WHERE chat_id = ?", (OTHER_STAFF,)
        )
    assert [tuple(r) for r in states] == [("sent",)]


async def test_a_room_the_platform_said_the_bot_left_is_tried_after_an_interval(
    make_harness: HarnessFactory,
) -> None:
    h = await _two_staff_rooms(make_harness, timedelta(minutes=5))
    chat = ChatRef("telegram", OTHER_STAFF, "group")
    await h.deliver(room_removed(chat, "room:1", "Telegram: the bot was removed from the group"))
    await h.resident_says(RESIDENT, "Bromley Police Online Forum is the park locked at night?")
    assert _tries(h) == 0  # held on the platform's word: not tried at once
    await _later(h, timedelta(minutes=5))
    # Added back without the event reaching forumbot: the next try finds out.
    assert any("park locked at night?" in card for card in h.texts_to(OTHER_STAFF))
    assert any(BACK in text for text in h.texts_to(STAFF_CHAT))
    assert h.core.directory.rooms.held() == []
