"""No single event stops the others: through the core with a real SQLite
file, an event the database refuses, or that fails to be processed, is set
aside alone (kept for an operator, never processed again, its redelivery a
duplicate), its sender is asked to send it again, and every other event in
its batch is stored and answered as usual."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime

import pytest

from bot.edge.chat import ChatRef
from bot.edge.inbound import Envelope, Inbound
from bot.edge.text import REPLACEMENT
from bot.store import inbox
from bot.store.database import Tx, fetch_all
from tests.e2e.telegram_setup import eventually
from tests.support.core_harness import OFFICER, STAFF_CHAT, CoreHarness

PHRASE = "Bromley Police Online Forum"
UNREADABLE = "We could not read that message; please send it again."
POISON = "POISON-7f3a"  # what the test database refuses in an inbox payload


def private(user: str, key: str, text: str) -> Inbound:
    return Inbound(
        platform="telegram",
        event_key=key,
        chat=ChatRef("telegram", user, "private"),
        sender_id=user,
        text=text,
        message_id=f"m{key}",
    )


def staff(key: str, text: str, chat: str = STAFF_CHAT) -> Inbound:
    command, _, args = text[1:].partition(" ")
    return Inbound(
        platform="telegram",
        event_key=key,
        chat=ChatRef("telegram", chat, "group"),
        sender_id=OFFICER,
        text=text,
        message_id=f"m{key}",
        command=command,
        args=args,
    )


async def refuse_in_inbox(h: CoreHarness, when: str) -> None:
    """The database itself refuses inbox rows matching ``when`` (SQL on NEW)."""
    async with h.core.db.transaction() as tx:
        await tx.execute(
            f"CREATE TRIGGER refuse BEFORE INSERT ON inbox WHEN {when}"
            " BEGIN SELECT RAISE(ABORT, 'payload refused'); END"
        )


async def run_batch(h: CoreHarness, events: list[Inbound]) -> list[Envelope]:
    """One batch through the intake as the queue would give it, then processed and sent."""
    envelopes = [Envelope(e) for e in events]
    await h.core.intake.accept(envelopes)
    await h.core.intake.process_pending()
    await h.core.dispatcher.flush()
    return envelopes


async def rows(h: CoreHarness) -> list[dict[str, object]]:
    async with h.core.db.read() as tx:
        found = await fetch_all(
            tx, "SELECT event_key, payload, processed_at, set_aside_at, error FROM inbox"
        )
    return [dict(r) for r in found]


async def test_an_event_the_database_refuses_is_set_aside_and_its_batch_goes_on(
    h: CoreHarness,
) -> None:
    await refuse_in_inbox(h, f"NEW.set_aside_at IS NULL AND NEW.payload LIKE '%{POISON}%'")
    envelopes = await run_batch(
        h,
        [
            private("6001", "101", f"{PHRASE} {POISON} is the road safe?"),
            private("6002", "102", "someone is breaking into my house right now"),
            private("6003", "103", f"{PHRASE} when are the street lights fixed?"),
        ],
    )
    # Every envelope resolves as stored: no platform is asked to send any of them again.
    assert [e.stored.result() for e in envelopes] == [None, None, None]

    told = h.texts_to("6001")
    assert len(told) == 1 and UNREADABLE in told[0] and "call 999" in told[0]
    assert "999" in h.texts_to("6002")[0]
    assert any("Your question to" in t for t in h.texts_to("6003"))

    kept = {r["event_key"]: r for r in await rows(h)}
    aside = kept["101"]
    assert aside["set_aside_at"] is not None and aside["processed_at"] is not None
    assert "payload refused" in str(aside["error"])
    assert POISON in json.loads(str(aside["payload"]))["text"]  # kept for an operator
    assert kept["102"]["set_aside_at"] is None and kept["103"]["set_aside_at"] is None

    # The platform delivers it again: a duplicate, neither stored nor answered twice.
    sent = len(h.sender.sent)
    again = await run_batch(h, [private("6001", "101", f"{PHRASE} {POISON} is the road safe?")])
    assert again[0].stored.result() is None
    assert len(await rows(h)) == 3
    assert len(h.sender.sent) == sent


async def test_an_event_that_cannot_even_be_set_aside_fails_alone(h: CoreHarness) -> None:
    await refuse_in_inbox(h, "NEW.event_key = '201'")
    envelopes = await run_batch(
        h,
        [
            private("6001", "201", f"{PHRASE} is the road safe?"),
            private("6002", "202", f"{PHRASE} when are the street lights fixed?"),
        ],
    )
    # Only its own platform hears of the failure (and will deliver it again).
    error = envelopes[0].stored.exception()
    assert error is not None and "payload refused" in str(error)
    assert envelopes[1].stored.result() is None
    assert any("Your question to" in t for t in h.texts_to("6002"))
    assert h.texts_to("6001") == []


async def test_an_event_that_fails_processing_is_set_aside_once_and_its_sender_told(
    h: CoreHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    handle = h.core.residents.handle
    calls: list[str] = []

    async def failing(tx: Tx, event: Inbound, now: datetime) -> None:
        calls.append(event.event_key)
        if "KABOOM" in event.text:
            raise RuntimeError("desk failed")
        await handle(tx, event, now)

    monkeypatch.setattr(h.core.residents, "handle", failing)
    bad = private("6001", "301", f"{PHRASE} KABOOM")
    envelopes = await run_batch(
        h,
        [
            bad,
            private("6002", "302", "someone is breaking into my house right now"),
            private("6003", "303", f"{PHRASE} when are the street lights fixed?"),
        ],
    )
    assert all(e.stored.result() is None for e in envelopes)
    told = h.texts_to("6001")
    assert len(told) == 1 and UNREADABLE in told[0]
    assert "999" in h.texts_to("6002")[0]
    assert any("Your question to" in t for t in h.texts_to("6003"))

    kept = {r["event_key"]: r for r in await rows(h)}
    assert set(kept) == {"301", "302", "303"}  # its key is kept as it was
    assert kept["301"]["set_aside_at"] is not None and "desk failed" in str(kept["301"]["error"])
    assert kept["301"]["payload"] is not None  # kept for an operator
    assert kept["302"]["payload"] is None  # processed: the copy is dropped

    # Redelivered by its platform: a duplicate. Never processed again.
    tried = calls.count("301")
    sent = len(h.sender.sent)
    await run_batch(h, [bad])
    await h.core.intake.process_pending()
    assert calls.count("301") == tried
    assert len(h.sender.sent) == sent

    async with h.core.db.read() as tx:
        aside = await inbox.set_aside_events(tx)
    assert [a.event_key for a in aside] == ["301"]


async def test_a_failed_command_in_a_staff_room_is_answered_there_and_nowhere_else(
    h: CoreHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def failing(*args: object) -> None:
        raise RuntimeError("staff desk failed")

    monkeypatch.setattr(h.core.staff, "handle", failing)
    await run_batch(h, [staff("401", "/queue")])
    answered = h.messages_to(STAFF_CHAT)
    assert len(answered) == 1
    assert UNREADABLE in "".join(s.text for s in answered[0].body)
    assert "999" not in "".join(s.text for s in answered[0].body)
    assert answered[0].reply_to_message_id == "m401"

    # A group that is no staff room hears nothing back.
    await refuse_in_inbox(h, f"NEW.set_aside_at IS NULL AND NEW.payload LIKE '%{POISON}%'")
    sent = len(h.sender.sent)
    await run_batch(h, [staff("402", f"/queue {POISON}", chat="-424242")])
    assert len(h.sender.sent) == sent
    assert {r["event_key"] for r in await rows(h) if r["set_aside_at"]} == {"401", "402"}


async def test_a_stored_event_that_can_no_longer_be_read_is_set_aside(h: CoreHarness) -> None:
    async with h.core.db.transaction() as tx:
        await tx.execute(
            "INSERT INTO inbox (platform, event_key, payload, received_at)"
            " VALUES ('telegram', '501', '{\"not\": \"an event\"}', '2026-11-20T12:00:00+00:00')"
        )
    await run_batch(h, [private("6003", "502", f"{PHRASE} when are the street lights fixed?")])
    assert any("Your question to" in t for t in h.texts_to("6003"))
    kept = {r["event_key"]: r for r in await rows(h)}
    assert kept["501"]["set_aside_at"] is not None
    assert "unreadable payload" in str(kept["501"]["error"])


async def test_hostile_text_that_skipped_its_adapter_is_made_valid_where_it_is_stored(
    h: CoreHarness,
) -> None:
    envelopes = await run_batch(
        h,
        [
            private("6001", "601", f"{PHRASE} is \ud800 the road\x00 safe?\r\n"),
            private("6002", "602", "someone is breaking into my house right now \udfff"),
        ],
    )
    assert all(e.stored.result() is None for e in envelopes)
    assert any("Your question to" in t for t in h.texts_to("6001"))
    assert "999" in h.texts_to("6002")[0]
    cards = [t for t in h.texts_to(STAFF_CHAT) if "road" in t]
    assert cards and f"is {REPLACEMENT} the road safe?" in cards[0]
    assert all(r["set_aside_at"] is None for r in await rows(h))


async def test_the_intake_keeps_running_through_hostile_and_refused_events(
    h: CoreHarness,
) -> None:
    """The intake's own loop: nothing it is given ends it."""
    await refuse_in_inbox(h, f"NEW.set_aside_at IS NULL AND NEW.payload LIKE '%{POISON}%'")
    task = asyncio.create_task(h.core.intake.run())
    try:
        envelopes = [
            Envelope(private("6001", "701", f"x \ud800 {POISON}")),
            Envelope(private("6002", "702", "x \ud800\x00")),
            Envelope(private("6003", "703", "someone is breaking into my house right now")),
        ]
        for envelope in envelopes:
            h.core.queue.put_nowait(envelope)
        await asyncio.wait_for(asyncio.gather(*(e.stored for e in envelopes)), 10)

        async def all_processed() -> bool:
            found = await rows(h)
            return len(found) == 3 and all(r["processed_at"] is not None for r in found)

        await eventually(all_processed, 10, "every event processed")
        assert not task.done()
        await h.core.dispatcher.flush()
        assert UNREADABLE in h.texts_to("6001")[0]
        assert h.texts_to("6002")  # help, as for any message that is not a question
        assert "999" in h.texts_to("6003")[0]
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
