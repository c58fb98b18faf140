"""Another program holding the database (a backup, an administrator's sqlite3 shell):
what arrives meanwhile is processed once it is free, never set aside."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3

import pytest

import bot.store.database as database_module
from bot.edge.chat import ChatRef
from bot.edge.inbound import Envelope, Inbound
from tests.support.core_harness import STAFF_CHAT, HarnessFactory

RESIDENT = "5001"


async def test_a_question_processed_while_the_database_is_held_is_not_set_aside(
    make_harness: HarnessFactory, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="forumbot.intake")
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 100)
    h = await make_harness()
    event = Inbound(
        platform="telegram",
        event_key="locked-1",
        chat=ChatRef("telegram", RESIDENT, "private"),
        sender_id=RESIDENT,
        text="Bromley Police Online Forum is the park locked at night?",
    )
    await h.core.intake.accept([Envelope(event)])
    holder = sqlite3.connect(h.config.database, isolation_level=None, check_same_thread=False)
    await asyncio.to_thread(holder.execute, "BEGIN IMMEDIATE")
    processing = asyncio.create_task(h.core.intake.process_pending())
    try:
        async with asyncio.timeout(10):  # until the intake has met the lock
            while not any("database busy" in r.getMessage() for r in caplog.records):
                assert not processing.done()
                await asyncio.sleep(0.02)
    finally:
        await asyncio.to_thread(holder.execute, "ROLLBACK")
        holder.close()
    await asyncio.wait_for(processing, 10)
    await h.core.dispatcher.flush()
    assert "#1" in h.texts_to(RESIDENT)[0]
    assert any("Question #1" in text for text in h.texts_to(STAFF_CHAT))
    async with h.core.db.read() as tx:
        keys = [str(r[0]) for r in await tx.execute_fetchall("SELECT event_key FROM inbox")]
    assert keys == ["locked-1"]  # processed, not ":set-aside"


async def test_the_schedule_and_the_purge_wait_out_a_held_database(
    make_harness: HarnessFactory, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Neither fails (which would restart the purge and log a traceback);
    each says the database was busy and tries again."""
    import bot.forum.scheduler as scheduler_module
    import bot.privacy.retention as retention_module

    caplog.set_level(logging.WARNING)
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(retention_module, "BUSY_RETRY_S", 0.05)
    h = await make_harness()
    holder = sqlite3.connect(h.config.database, isolation_level=None, check_same_thread=False)
    await asyncio.to_thread(holder.execute, "BEGIN IMMEDIATE")
    purging = asyncio.create_task(h.core.retention.run())
    try:
        await asyncio.wait_for(h.core.scheduler.tick(), 10)  # returns: nothing done yet
        async with asyncio.timeout(10):
            while sum("purging again" in r.getMessage() for r in caplog.records) < 2:
                assert not purging.done()
                await asyncio.sleep(0.02)
    finally:
        await asyncio.to_thread(holder.execute, "ROLLBACK")
        holder.close()
    assert any(
        f"schedule checked again in {scheduler_module.BUSY_RETRY_S}s" in r.getMessage()
        for r in caplog.records
    )
    assert not purging.done()  # still running, not failed
    purging.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await purging
    await asyncio.wait_for(h.core.scheduler.tick(), 10)  # free again: works
    assert not [r for r in caplog.records if r.exc_info]
