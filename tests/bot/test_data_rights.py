"""A resident's data rights (mydata, forget), blocking, per-resident limits and
the officer's whois, on the core with a real SQLite file and a fake clock."""

from __future__ import annotations

from datetime import timedelta

from bot.store import audit
from bot.store import question as questions
from bot.store.database import fetch_all, fetch_one
from bot.store.question import State
from config.model import Limits
from tests.support.core_harness import OFFICER, STAFF_CHAT, CoreHarness, HarnessFactory

RESIDENT = "5001"
OTHER = "5002"
ASK = "Bromley Police Online Forum "


async def _question(h: CoreHarness, ref: int) -> questions.Question:
    async with h.core.db.read() as tx:
        q = await questions.get(tx, ref)
    assert q is not None
    return q


async def test_mydata_lists_account_questions_and_answers(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, ASK + "my number is 07700 900123, is Elm Road patrolled?")
    await h.staff_says("/later 1 checking")
    await h.staff_says("/answer 1 Yes, twice a week.")
    (reply,) = await h.resident_says(RESIDENT, "/mydata")
    assert "What we hold about you" in reply
    assert f"Telegram user {RESIDENT}" in reply
    assert "R-" in reply  # the pseudonym officers see
    assert "#1 (Bromley Police Online Forum), answered" in reply
    assert "As you wrote it: Bromley Police Online Forum my number is 07700 900123" in reply
    assert "Answer: Yes, twice a week." in reply
    assert "erased 90 days after it closed" in reply


async def test_forget_asks_for_confirmation_first_and_changes_nothing(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, ASK + "is Elm Road patrolled?")
    (reply,) = await h.resident_says(RESIDENT, "/forget")
    assert "Erase what we hold about you?" in reply
    assert "/forget confirm" in reply
    assert (await _question(h, 1)).resident_id is not None


async def test_forget_erases_identity_and_links_and_keeps_published_answers(
    h: CoreHarness,
) -> None:
    await h.resident_says(RESIDENT, ASK + "I'm at 12 Elm Road, is it patrolled?")
    await h.resident_says(RESIDENT, ASK + "what about the park?")
    await h.staff_says("/answer 1 Yes, twice a week.")
    published = (await _question(h, 1)).publishable
    (reply,) = await h.resident_says(RESIDENT, "/forget confirm")
    assert "We no longer hold your account details" in reply
    assert "Withdrawn because not yet answered: #2." in reply
    assert "Kept: 1 published question with its answer," in reply
    answered, waiting = await _question(h, 1), await _question(h, 2)
    assert answered.resident_id is None and waiting.resident_id is None
    assert answered.state == State.ANSWERED and answered.answer == "Yes, twice a week."
    assert answered.publishable == published  # the public record stays
    assert "Elm Road" not in answered.text  # the text as received is gone
    assert waiting.state == State.WITHDRAWN and waiting.publishable == "[erased]"
    assert any("#2 was withdrawn by the asker" in t for t in h.texts_to(STAFF_CHAT))
    async with h.core.db.read() as tx:
        assert await fetch_all(tx, "SELECT * FROM resident") == []
        held = await fetch_all(
            tx, "SELECT body FROM outbox WHERE chat_id = ? AND purpose != 'forgotten'", (RESIDENT,)
        )
    assert held == []
    # Writing again starts afresh: a new pseudonym, no old questions.
    (status,) = await h.resident_says(RESIDENT, "/status")
    assert "You have no questions with us." in status


async def test_retention_purge_erases_closed_questions_and_idle_residents(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, ASK + "my email is jo@example.com, any bike marking?")
    await h.resident_says(OTHER, ASK + "is the park patrolled?")
    await h.staff_says("/answer 1 Yes, on Saturday.")
    h.clock.advance(timedelta(days=91))
    await h.resident_says(OTHER, ASK + "and the station?")
    dry = await h.core.retention.purge(dry_run=True)
    assert (dry.questions, dry.residents) == (1, 1)
    assert (await _question(h, 1)).text.startswith("Bromley")  # a dry run changes nothing
    done = await h.core.retention.purge()
    assert (done.questions, done.residents) == (1, 1)
    q1 = await _question(h, 1)
    assert q1.text == "[erased]" and q1.resident_id is None
    assert q1.answer == "Yes, on Saturday."
    assert (await _question(h, 2)).resident_id is not None  # still open: kept
    async with h.core.db.read() as tx:
        left = await fetch_all(tx, "SELECT user_id FROM resident")
    assert [r[0] for r in left] == [OTHER]
    again = await h.core.retention.purge()
    assert again.total == 0


async def test_question_too_long_is_refused_with_the_limit(make_harness: HarnessFactory) -> None:
    h = await make_harness(limits=Limits(questions_per_hour=5, question_length=100))
    (reply,) = await h.resident_says(RESIDENT, ASK + "x " * 80)
    assert "the most we can take is 100" in reply
    async with h.core.db.read() as tx:
        assert await fetch_one(tx, "SELECT * FROM question") is None


async def test_hourly_limit_answers_every_question_and_does_not_slow_others(
    make_harness: HarnessFactory,
) -> None:
    h = await make_harness(limits=Limits(questions_per_hour=2, question_length=2000))
    for n in range(2):
        (ack,) = await h.resident_says(RESIDENT, ASK + f"question {n}")
        assert f"#{n + 1}" in ack
    (refusal,) = await h.resident_says(RESIDENT, ASK + "question 3")
    assert "You have asked 2 questions in the last hour" in refusal
    assert "Nothing was stored" in refusal
    # Told in full once; each later one gets a short reply, never silence.
    (again,) = await h.resident_says(RESIDENT, ASK + "question 4")
    assert again.startswith("You are still over the hourly limit: you can ask again from ")
    assert "Nothing was stored" in again
    (other,) = await h.resident_says(OTHER, ASK + "my question")
    assert "#3" in other
    h.clock.advance(timedelta(minutes=61))
    (ack,) = await h.resident_says(RESIDENT, ASK + "question 5")
    assert "#4" in ack


async def test_emergency_is_taken_over_the_limit(make_harness: HarnessFactory) -> None:
    h = await make_harness(limits=Limits(questions_per_hour=1, question_length=2000))
    await h.resident_says(RESIDENT, ASK + "question one")
    replies = await h.resident_says(RESIDENT, ASK + "someone is breaking in right now help")
    assert "call 999 now" in replies[0]
    assert any("URGENT" in t for t in h.texts_to(STAFF_CHAT))


async def test_whois_reveals_the_handle_only_on_request_and_is_audited(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, ASK + "is Elm Road patrolled?")
    assert not any(RESIDENT in t for t in h.texts_to(STAFF_CHAT))  # not on the card
    (reply,) = await h.staff_says("/whois 1")
    assert f"#1 was asked by Telegram user {RESIDENT}" in reply
    assert await h.staff_says("/whois 1", user="99999") == [
        "Only this forum's officers can do that. Nothing was changed."
    ]
    async with h.core.db.read() as tx:
        trail = [(e.action, e.actor_id, e.outcome) for e in await audit.entries(tx, 1)]
    assert trail == [("whois", OFFICER, "done"), ("whois", "99999", "refused")]


async def test_blocked_asker_is_stored_not_carded_and_told_once(h: CoreHarness) -> None:
    await h.resident_says(RESIDENT, ASK + "first question")
    (reply,) = await h.staff_says("/block 1")
    assert "is blocked by officer telegram:11111111" in reply
    cards_before = len(h.texts_to(STAFF_CHAT))
    (told,) = await h.resident_says(RESIDENT, ASK + "second question")
    assert "you can no longer use this forum" in told
    assert await h.resident_says(RESIDENT, ASK + "third question") == []
    assert len(h.texts_to(STAFF_CHAT)) == cards_before  # nothing carded
    assert (await _question(h, 3)).text.endswith("third question")  # but stored
    (queue,) = await h.staff_says("/queue")
    assert "#2" not in queue and "#3" not in queue
    (mydata,) = await h.resident_says(RESIDENT, "/mydata")  # rights still hold
    assert "stopped this account" in mydata
    (reply,) = await h.staff_says("/unblock 1")
    assert "unblocked" in reply
    (ack,) = await h.resident_says(RESIDENT, ASK + "fourth question")
    assert "#4" in ack


async def test_first_contact_by_mydata_carries_the_notice(h: CoreHarness) -> None:
    (reply,) = await h.resident_says(RESIDENT, "/mydata")
    assert "What we hold about you" in reply and "No questions." in reply
    assert "not monitored 24/7" in reply
    (again,) = await h.resident_says(RESIDENT, "/mydata")
    assert "not monitored 24/7" not in again


async def test_periods_are_told_to_residents_in_words(h: CoreHarness) -> None:
    duration = h.core.wording.duration
    assert duration(timedelta(days=90)) == "90 days"
    assert duration(timedelta(days=1)) == "1 day"
    assert duration(timedelta(hours=36)) == "1 day and 12 hours"
    assert duration(timedelta(days=2, hours=1, minutes=5)) == "2 days, 1 hour and 5 minutes"
    assert duration(timedelta(seconds=5)) == "1 minute"
