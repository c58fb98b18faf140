"""Erase means erased, for e-mail (issue 15's grep, on e-mail's paths): after
the web erase link, after an address is never confirmed, and after the
retention purge, the address is nowhere in the database file, its
write-ahead log or the logs. A suppressed address stays suppressed after
its resident is erased, while the suppression list holds no address."""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest

from bot.core import fetch_all
from bot.edge.clock import FakeClock
from forumbot.app import App
from tests.e2e.telegram_setup import (
    STAFF_GROUP,
    WAIT_S,
    eventually,
    outbox_settled,
    running,
    staff_says,
    to_chat_containing,
)
from tests.email.email_setup import ANN, environ, make_config, subscribe
from tests.email.test_email_subscribing import ask_for_alerts, confirm, links_in
from tests.fakes.smtp_server import FakeSmtp
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(60)

ADDRESS = "Zq.Erasable+alerts@Example.org"
SECRETS = ("zq.erasable", "Zq.Erasable")


def leftovers_of(app: App, *secrets: str) -> list[str]:
    """Which of ``secrets`` are in the database file or its WAL (as bytes)."""
    database = Path(app.config.database)
    found: list[str] = []
    for path in (database, database.with_name(database.name + "-wal")):
        raw = path.read_bytes() if path.exists() else b""
        found += [f"{path.name}: {s}" for s in secrets if s.encode() in raw]
    return found


def leftovers(app: App, log_text: str) -> list[str]:
    """Where the address still is: the database file, its WAL (as bytes), the log."""
    database = Path(app.config.database)
    found: list[str] = []
    for path in (database, database.with_name(database.name + "-wal")):
        raw = path.read_bytes() if path.exists() else b""
        found += [f"{path.name}: {s}" for s in SECRETS if s.encode() in raw]
    return found + [f"log: {s}" for s in SECRETS if s in log_text]


async def test_the_web_erase_link_leaves_no_trace_of_the_address(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    config = make_config(tmp_path, smtp, telegram)
    async with running(config, environ(telegram)) as app, aiohttp.ClientSession() as http:
        _, mail = await ask_for_alerts(
            http, app, smtp, address=ADDRESS, forum="bromley", type="advice"
        )
        (url,) = [link for link in links_in(mail) if "/email/confirm?t=" in link]
        done = await confirm(http, url)
        await staff_says(telegram, "/alert bromley advice Lock your sheds", "is going to 1")
        alert = (await smtp.wait_for(2))[1]
        await eventually(lambda: outbox_settled(app), WAIT_S, "the alert sent")
        assert leftovers(app, "") != []  # held while they are a subscriber

        data = re.search(r"/email/data\?t=([\w-]+)", done)
        assert data is not None
        token = data.group(1)
        async with http.get(f"{app.config.web.public_url}/email/data?t={token}") as shown:
            page = await shown.text()
        assert "Account: the e-mail address zq.erasable+alerts@example.org" in page  # mydata
        assert "Copies of e-mails we sent you: 1." in page
        async with http.post(
            f"{app.config.web.public_url}/email/data", data={"t": token, "erase": "yes"}
        ) as erased:
            assert "Erased" in await erased.text()
        last = (await smtp.wait_for(3))[2]
        assert "We no longer hold your e-mail address" in last.part("plain")  # forget_done@email
        await eventually(lambda: outbox_settled(app), WAIT_S, "the last word sent")
        assert alert.message["List-Unsubscribe"] is not None
        assert leftovers(app, caplog.text) == []


async def test_an_address_never_confirmed_is_forgotten(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    config = make_config(tmp_path, smtp, telegram, confirm_within=timedelta(milliseconds=300))
    async with running(config, environ(telegram)) as app, aiohttp.ClientSession() as http:
        await ask_for_alerts(http, app, smtp, address=ADDRESS, forum="bromley", type="advice")
        await eventually(lambda: outbox_settled(app), WAIT_S, "the confirmation sent")
        async with app.core.db.read() as tx:
            waiting = await fetch_all(tx, "SELECT * FROM email_pending")
            copies = await fetch_all(tx, "SELECT * FROM outbox WHERE platform = 'email'")
        assert len(waiting) == 1 and copies == []  # the confirmation's row: deleted once sent
        await asyncio.sleep(0.4)  # past the link's 300 ms
        assert await app.email.sweep() == 1
        assert leftovers(app, caplog.text) == []


async def test_the_retention_purge_forgets_addresses_waiting_for_confirmation(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    clock = FakeClock(datetime.now(UTC))
    config = make_config(tmp_path, smtp, telegram)
    async with running(config, environ(telegram), clock=clock) as app:
        async with aiohttp.ClientSession() as http:
            await ask_for_alerts(http, app, smtp, address=ADDRESS, forum="bromley", type="advice")
        await eventually(lambda: outbox_settled(app), WAIT_S, "the confirmation sent")
        assert leftovers(app, "") != []
        clock.advance(config.retention + timedelta(days=1))
        counts = await app.core.retention.purge()
        assert counts.deliveries >= 1  # the waiting address counted with the copies
        async with app.core.db.read() as tx:
            assert await fetch_all(tx, "SELECT * FROM email_pending") == []
        assert leftovers(app, caplog.text) == []


async def test_a_suppressed_address_stays_suppressed_after_erasure(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    smtp.refuse[ANN] = "550 5.1.1 no such user"
    config = make_config(tmp_path, smtp, telegram)
    async with running(config, environ(telegram)) as app:
        await subscribe(app, ANN, "advice")
        await staff_says(telegram, "/alert bromley advice First", "is going to 1")
        await eventually(lambda: outbox_settled(app), WAIT_S, "the alert tried")
        async with app.core.db.transaction() as tx:
            resident = await app.core.subscribers.find(tx, "email", ANN)
            assert resident is not None
            await app.core.subscribers.forget(tx, resident, clock_now())
        await eventually(lambda: outbox_settled(app), WAIT_S, "the last word tried")
        async with app.core.db.read() as tx:
            kept = await fetch_all(tx, "SELECT address_hash, code FROM email_suppression")
            residents = await fetch_all(tx, "SELECT 1 FROM resident WHERE platform = 'email'")
        assert residents == [] and len(kept) == 1 and int(kept[0][1]) == 550
        # The last word could not go (suppressed): its failed row goes with the
        # hourly purge, as a forget's last word that failed on any platform.
        await app.core.retention.purge()
        assert leftovers_of(app, "ann@example.org") == []
        # Subscribed again without confirming (a store-level subscription):
        # still nothing goes to the address, though the server would take it now.
        del smtp.refuse[ANN]
        await subscribe(app, ANN, "advice")
        await staff_says(telegram, "/alert bromley advice Second", "is going to 1")
        await eventually(lambda: outbox_settled(app), WAIT_S, "the alert tried")
        assert smtp.messages == [] and smtp.attempts.count(ANN) == 1
        await app.core.scheduler.tick()
        done = await telegram.wait_for_sent(
            to_chat_containing(STAFF_GROUP, "Alert #2 done"), WAIT_S
        )
        assert "0 of 1 sent, 1 unreachable" in done.plain_text


def clock_now() -> datetime:
    return datetime.now(UTC)
