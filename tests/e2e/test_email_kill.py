"""``forumbot run`` killed (SIGKILL) in the middle of an alert to e-mail
subscribers, one e-mail's ``DATA`` left without its answer: after the
restart the alert carries on, and the SMTP server sees each Message-ID
once and each subscriber at most once (an e-mail cut off by the kill ends
``unknown`` and is never sent again)."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.store import resident as residents
from bot.store import subscription
from config.load import load_config
from forumbot.app import new_database
from tests.e2e.email_setup import Run
from tests.e2e.telegram_setup import OFFICER, STAFF_GROUP, eventually, to_chat_containing
from tests.fakes.smtp_server import FakeSmtp
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(120)

SUBSCRIBERS = 40
WAIT_S = 30.0


async def seed(run: Run) -> list[str]:
    """``SUBSCRIBERS`` confirmed e-mail subscribers to Bromley's advice,
    written before forumbot starts; their addresses."""
    db = new_database(load_config(str(run.path)))
    await db.open()
    now = datetime.now(UTC)
    addresses = [f"resident{n:03d}@example.org" for n in range(SUBSCRIBERS)]
    try:
        async with db.transaction() as tx:
            for address in addresses:
                r = await residents.get_or_create(tx, "email", address, address, None, now)
                await subscription.add(tx, r.id, [("bromley", "advice")], now)
    finally:
        await db.close()
    return addresses


async def test_killed_mid_alert_no_email_is_sent_twice(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    run = Run(tmp_path, smtp, telegram, pace=20)
    addresses = await seed(run)
    first = await run.spawn()
    try:
        telegram.group_message(STAFF_GROUP, OFFICER, "/alert bromley advice Bikes stolen nearby")
        await telegram.wait_for_sent(to_chat_containing(STAFF_GROUP, "going to 40"), WAIT_S)
        await smtp.wait_for(10, within_s=WAIT_S)
        smtp.hold_data = asyncio.Event()  # the next e-mail's end gets no answer...
        await asyncio.wait_for(smtp.held.wait(), WAIT_S)
        # (its row was marked 'sending', committed, before the e-mail left)
        assert run.query("SELECT 1 FROM outbox WHERE state = 'sending'")
        first.kill()  # ...and forumbot is killed meanwhile
        await asyncio.wait_for(first.wait(), 5)
    finally:
        if first.returncode is None:
            first.kill()
            await first.wait()
    assert first.returncode == -9
    hold, smtp.hold_data = smtp.hold_data, None
    hold.set()
    cut_off = len(smtp.messages)
    assert cut_off < SUBSCRIBERS

    async with run.running():

        async def settled() -> bool:
            return not run.query(
                "SELECT 1 FROM outbox WHERE platform = 'email' AND state IN ('pending', 'sending')"
            )

        await eventually(settled, WAIT_S, "every e-mail sent or given up")
        await asyncio.sleep(0.3)

    ids = [m.message_id for m in smtp.messages]
    assert len(ids) == len(set(ids))  # each Message-ID once
    recipients = Counter(r for m in smtp.messages for r in m.rcpt_tos)
    assert max(recipients.values()) == 1 and set(recipients) <= set(addresses)
    states = Counter(
        str(s)
        for (s,) in run.query(
            "SELECT state FROM outbox WHERE platform = 'email' AND purpose = 'alert'"
        )
    )
    assert states["unknown"] >= 1 and states["sent"] + states["unknown"] == SUBSCRIBERS
    sent_ids = {
        str(i)
        for (i,) in run.query(
            "SELECT platform_message_id FROM outbox WHERE platform = 'email' AND state = 'sent'"
        )
    }
    assert sent_ids <= set(ids)
    # Everyone not cut off got it, after the restart.
    assert len(smtp.messages) >= SUBSCRIBERS - states["unknown"]
    assert not any(a in run.log_text() for a in addresses)
