"""The newsletter (issue 17): the last session's published answers, the
alerts since the last newsletter and the next sessions, to the subscribers
who chose it; by the forum's schedule (the day after each session by
default), never twice for one time, restarts included; previewed and sent
by officers with /newsletter. Time passes on a fake clock."""

from __future__ import annotations

from datetime import datetime

from bot.edge.rich import headings
from bot.store.database import fetch_all
from config.model import Newsletter
from tests.support.core_harness import STAFF_CHAT, CoreHarness, HarnessFactory, at

CHOSE_IT = "5001"  # chose the newsletter
SUMMARIES_ONLY = "5002"  # chose session summaries only
ASKER = "5003"

RAW = (
    "Bromley Police Online Forum why do cars park on the pavement on Elm Road? "
    "I'm Jo Bloggs of 12 Elm Road"
)
PUBLISHED = "Why do cars park on the pavement on Elm Road?"
ANSWER = "We will patrol Elm Road on Friday and ticket cars on the pavement."
ADVICE = "Lock your sheds: three were broken into this week."


async def _subscribe(h: CoreHarness) -> None:
    await h.resident_says(CHOSE_IT, "/subscribe")
    await h.resident_presses(CHOSE_IT, "sub:t:bromley:newsletter")
    await h.resident_says(SUMMARIES_ONLY, "/subscribe")
    await h.resident_presses(SUMMARIES_ONLY, "sub:t:bromley:summaries")


async def _session_with_an_answer_and_an_alert(h: CoreHarness) -> None:
    """The session of Tuesday 24 November 20:00-21:00 (London = UTC in
    November): one question answered and published, one advice alert."""
    await h.resident_says(ASKER, RAW)
    await h.staff_says(f"/approve 1 {PUBLISHED}")
    h.clock.set(at("2026-11-24 20:00"))
    await h.tick()
    await h.staff_says(f"/answer 1 {ANSWER}")
    await h.staff_says(f"/alert bromley advice --no-public {ADVICE}")
    h.clock.set(at("2026-11-24 21:00"))
    await h.tick()


async def _subscribed_through_a_session(h: CoreHarness) -> int:
    """The two residents subscribed, then the session with its answer and the
    alert; how many messages the one who chose the newsletter had by then."""
    await _subscribe(h)
    await _session_with_an_answer_and_an_alert(h)
    return len(h.texts_to(CHOSE_IT))


async def _newsletter_rows(h: CoreHarness) -> list[tuple[object, ...]]:
    async with h.core.db.read() as tx:
        rows = await fetch_all(tx, "SELECT due_at, outcome FROM newsletter ORDER BY id")
    return [tuple(r) for r in rows]


async def test_the_day_after_a_session_its_subscribers_get_the_newsletter_once(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(start="2026-11-24 19:00")
    before = await _subscribed_through_a_session(h)
    h.clock.set(at("2026-11-25 09:59"))
    await h.tick()
    assert len(h.texts_to(CHOSE_IT)) == before  # not yet: 10:00 the day after

    h.clock.set(at("2026-11-25 10:00"))
    await h.tick()
    (letter,) = h.messages_to(CHOSE_IT)[before:]
    text = "".join(s.text for s in letter.body)
    assert headings(letter.body) == [
        (1, "Bromley Police Online Forum: newsletter"),
        (2, "Answers from the live session of Tuesday 24 November at 20:00"),
        (2, "Recent alerts"),
        (2, "Next live sessions"),
    ]
    assert f"Question #1: {PUBLISHED}\nAnswer: {ANSWER}" in text
    assert f"crime-prevention advice: {ADVICE}" in text
    assert "- Tuesday 8 December at 20:00" in text
    assert "To stop newsletter alerts: /unsubscribe newsletter." in text
    # Only as published: never the words as received, nor who asked.
    assert "Bloggs" not in text and "12 Elm Road" not in text
    # Nobody who did not choose it gets it.
    assert not any("Forum: newsletter" in t for t in h.texts_to(SUMMARIES_ONLY))
    staff = h.texts_to(STAFF_CHAT)
    assert any(
        "The Bromley Police Online Forum newsletter (#1, alert #" in t
        and "is going to 1 subscriber, as its schedule says" in t
        for t in staff
    ), staff
    assert "done: 1 of 1 sent, 0 unreachable, 0 failed" in staff[-1]

    h.clock.set(at("2026-11-25 10:05"))
    await h.tick()
    await h.close()
    again = await make_harness(start="2026-11-25 10:10")  # a restart on the same database
    await again.tick()
    assert again.texts_to(CHOSE_IT) == []
    assert await _newsletter_rows(again) == [("2026-11-25T10:00:00.000000+00:00", "sent")]


async def test_an_officer_sees_it_sends_it_and_is_told_when_nothing_is_new(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(start="2026-11-24 19:00", newsletter=Newsletter(schedule="off"))
    assert await h.staff_says("/newsletter") == [
        "Nothing new for the Bromley Police Online Forum newsletter: no answers published "
        "and no alerts, so there is nothing to send."
    ]
    before = await _subscribed_through_a_session(h)

    (preview,) = await h.staff_says("/newsletter")
    assert preview.startswith(
        "The Bromley Police Online Forum newsletter, as it would go now to 1 subscriber "
        "(1 on Telegram). To send it: /newsletter send bromley"
    )
    assert f"Question #1: {PUBLISHED}" in preview and ADVICE in preview
    assert len(h.texts_to(CHOSE_IT)) == before  # a preview sends nothing

    (sent,) = await h.staff_says("/newsletter send")  # 21:00: the quiet hours
    assert sent == (
        "Newsletter #1 (Bromley Police Online Forum, alert #3) will go at Wednesday "
        "25 November at 08:00, after the quiet hours."
    )
    await h.tick()
    assert len(h.texts_to(CHOSE_IT)) == before
    h.clock.set(at("2026-11-25 08:00"))
    await h.tick()
    assert ANSWER in h.texts_to(CHOSE_IT)[-1]
    assert "done: 1 of 1 sent" in h.texts_to(STAFF_CHAT)[-1]

    (again,) = await h.staff_says("/newsletter send bromley")
    assert again == (
        "Nothing new for the Bromley Police Online Forum newsletter since the last one, "
        "Tuesday 24 November at 21:00: no answers published and no alerts, so there is "
        "nothing to send."
    )
    assert len(h.texts_to(CHOSE_IT)) == before + 1
    async with h.core.db.read() as tx:
        audited = await fetch_all(
            tx, "SELECT action, detail, outcome FROM audit WHERE action = 'newsletter' ORDER BY id"
        )
    assert [tuple(r) for r in audited] == [
        ("newsletter", "preview", "done"),
        ("newsletter", "preview", "done"),
        ("newsletter", "newsletter #1, alert #3", "done"),
        ("newsletter", None, "invalid"),
    ]


async def test_a_new_alert_alone_makes_the_next_one_and_old_answers_are_not_repeated(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(start="2026-11-24 19:00")
    await _subscribed_through_a_session(h)
    h.clock.set(at("2026-11-25 10:00"))
    await h.tick()
    h.clock.set(at("2026-11-26 12:00"))
    await h.staff_says("/alert bromley appeals --no-public Did you see a red van on Elm Road?")
    (sent,) = await h.staff_says("/newsletter send")
    assert "is going to 1 subscriber" in sent
    await h.tick()
    letter = h.messages_to(CHOSE_IT)[-1]
    text = "".join(s.text for s in letter.body)
    assert "red van" in text
    assert ADVICE not in text and ANSWER not in text  # in the last newsletter already
    assert (2, "Answers from the live session of Tuesday 24 November at 20:00") not in headings(
        letter.body
    )


async def test_a_forum_with_its_schedule_off_sends_none_by_itself(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(start="2026-11-24 19:00", newsletter=Newsletter(schedule="off"))
    before = await _subscribed_through_a_session(h)
    for when in ("2026-11-25 10:00", "2026-11-26 10:00"):
        h.clock.set(at(when))
        await h.tick()
    assert len(h.texts_to(CHOSE_IT)) == before
    assert await _newsletter_rows(h) == []


async def test_a_rule_sends_at_its_times_and_records_a_time_with_nothing_new(
    make_harness: HarnessFactory,
) -> None:
    rule = Newsletter(schedule="FREQ=WEEKLY", first=datetime(2026, 11, 27, 9, 0))
    h = await make_harness(start="2026-11-24 19:00", newsletter=rule)
    before = await _subscribed_through_a_session(h)
    h.clock.set(at("2026-11-25 10:00"))  # not the day after: the rule's times only
    await h.tick()
    assert len(h.texts_to(CHOSE_IT)) == before
    h.clock.set(at("2026-11-27 09:00"))
    await h.tick()
    assert ANSWER in h.texts_to(CHOSE_IT)[-1]
    h.clock.set(at("2026-12-04 09:01"))  # a week on, nothing new
    await h.tick()
    assert len(h.texts_to(CHOSE_IT)) == before + 1
    assert await _newsletter_rows(h) == [
        ("2026-11-27T09:00:00.000000+00:00", "sent"),
        ("2026-12-04T09:00:00.000000+00:00", "nothing_new"),
    ]


async def test_a_time_missed_by_hours_while_down_is_sent_late(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(start="2026-11-24 19:00")
    before = await _subscribed_through_a_session(h)
    h.clock.set(at("2026-11-25 13:00"))  # down at 10:00; three hours late: it goes
    await h.tick()
    assert len(h.texts_to(CHOSE_IT)) == before + 1


async def test_a_time_missed_by_more_than_six_hours_is_passed_over(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(start="2026-11-24 19:00")
    before = await _subscribed_through_a_session(h)
    h.clock.set(at("2026-11-25 16:01"))  # down from before 10:00 until past 16:00
    await h.tick()
    assert len(h.texts_to(CHOSE_IT)) == before
    (preview,) = await h.staff_says("/newsletter")  # the officer can still send it
    assert ANSWER in preview


async def test_residents_choose_and_stop_the_newsletter_like_any_alert(h: CoreHarness) -> None:
    (chooser,) = await h.resident_says(CHOSE_IT, "/subscribe")
    assert "newsletter" in chooser
    await h.resident_presses(CHOSE_IT, "sub:t:bromley:newsletter")
    (listed,) = await h.resident_says(CHOSE_IT, "/subscriptions")
    assert "Bromley Police Online Forum: newsletter" in listed
    (stopped,) = await h.resident_says(CHOSE_IT, "/unsubscribe newsletter")
    assert "newsletter" in stopped
    (none,) = await h.resident_says(CHOSE_IT, "/subscriptions")
    assert "newsletter" not in none


async def test_the_alert_command_does_not_send_a_newsletter(h: CoreHarness) -> None:
    (reply,) = await h.staff_says("/alert bromley newsletter Hello")
    assert reply.startswith("Send: /alert FORUM TYPE")
    assert "newsletter" not in reply.split("Types: ")[1].split(".")[0]


async def test_someone_who_is_not_an_officer_is_refused(h: CoreHarness) -> None:
    (reply,) = await h.staff_says("/newsletter send", user="999")
    assert "officer" in reply.lower()
    async with h.core.db.read() as tx:
        rows = await fetch_all(tx, "SELECT outcome FROM audit WHERE action = 'newsletter'")
    assert [r["outcome"] for r in rows] == ["refused"]


async def test_the_scheduler_wakes_for_it_and_sends_it(make_harness: HarnessFactory) -> None:
    """What APScheduler is armed for after a session closed: the next
    morning's newsletter; the real scheduler's tick then sends it."""
    h = await make_harness(start="2026-11-24 19:00")
    await _subscribe(h)
    async with h.core.db.read() as tx:
        assert await h.core.newsletters.next_due_at(tx, h.clock.now()) is None  # none closed
    await _session_with_an_answer_and_an_alert(h)
    async with h.core.db.read() as tx:
        assert await h.core.newsletters.next_due_at(tx, h.clock.now()) == at("2026-11-25 10:00")
    h.clock.set(at("2026-11-25 10:00"))
    await h.core.scheduler.tick()
    await h.core.dispatcher.flush()
    assert ANSWER in h.texts_to(CHOSE_IT)[-1]
    async with h.core.db.read() as tx:
        assert await h.core.newsletters.next_due_at(tx, h.clock.now()) is None
