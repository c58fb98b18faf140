"""E-mail end to end through ``forumbot run`` (its own process) and a real
SMTP server (aiosmtpd on 127.0.0.1): a resident subscribes on the site and
confirms from the e-mail's link, an officer's alert arrives with the
unsubscribe headers, a GET of the unsubscribe link stops nothing and the
mail client's one-click POST stops everything; a 5xx suppresses an address
for good, across a restart."""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp
import pytest

from tests.e2e.email_setup import Run, subscribe_on_the_site
from tests.e2e.telegram_setup import OFFICER, STAFF_GROUP, eventually, to_chat_containing
from tests.fakes.smtp_server import FakeSmtp
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(120)

ANN = "ann@example.org"
BOB = "bob@example.net"
WAIT_S = 20.0


async def officer_alerts(telegram: FakeTelegram, text: str, expect: str) -> None:
    start = len(telegram.sent)
    telegram.group_message(STAFF_GROUP, OFFICER, text)
    await telegram.wait_for_sent(to_chat_containing(STAFF_GROUP, expect), WAIT_S, start=start)


async def test_subscribe_confirm_alert_and_unsubscribe_by_post_only(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    run = Run(tmp_path, smtp, telegram, pace=50)
    async with run.running():
        await subscribe_on_the_site(run, smtp, ANN, "advice", "appeals")
        assert run.query(
            "SELECT s.alert_type FROM subscription s JOIN resident r ON r.id = s.resident_id"
            " WHERE r.platform = 'email' ORDER BY 1"
        ) == [("advice",), ("appeals",)]

        await officer_alerts(telegram, "/alert bromley advice Lock your sheds", "going to 1")
        alert = (await smtp.wait_for(2, within_s=WAIT_S))[1]
        assert alert.rcpt_tos == [ANN] and "Lock your sheds" in alert.part("plain")
        assert alert.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        unsubscribe = str(alert.message["List-Unsubscribe"]).strip("<>")
        assert unsubscribe.startswith(f"{run.site}/email/unsubscribe?t=")

        async with aiohttp.ClientSession() as http:
            async with http.get(unsubscribe) as shown:  # a link scanner
                assert shown.status == 200
            assert len(run.query("SELECT 1 FROM subscription")) == 2
            async with http.post(
                unsubscribe,
                data=b"List-Unsubscribe=One-Click",
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            ) as clicked:
                assert clicked.status == 200
        assert run.query("SELECT 1 FROM subscription") == []
        await officer_alerts(telegram, "/alert bromley advice After stopping", "going to 0")
    assert run.logs and ANN not in run.log_text()
    assert "email on (SMTP 127.0.0.1" in run.log_text()


async def test_a_5xx_suppresses_an_address_for_good_across_a_restart(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    run = Run(tmp_path, smtp, telegram, pace=50)
    async with run.running():
        await subscribe_on_the_site(run, smtp, ANN, "advice")
        await subscribe_on_the_site(run, smtp, BOB, "advice")
        smtp.refuse[BOB] = "550 5.1.1 <bob@example.net>: no such user"
        await officer_alerts(telegram, "/alert bromley advice First", "going to 2")
        await smtp.wait_for(3, within_s=WAIT_S)

        async def suppressed() -> bool:
            return len(run.query("SELECT 1 FROM email_suppression")) == 1

        await eventually(suppressed, WAIT_S, "the address suppressed")
    assert run.query(
        "SELECT state FROM outbox WHERE platform = 'email' AND chat_id = ? AND purpose = 'alert'",
        (BOB,),
    ) == [("failed",)]
    del smtp.refuse[BOB]  # it would be taken now: the suppression holds all the same
    async with run.running():
        await officer_alerts(telegram, "/alert bromley advice Second", "going to")
        await smtp.wait_for(4, within_s=WAIT_S)
        await asyncio.sleep(0.5)
    assert [m.rcpt_tos for m in smtp.messages[2:]] == [[ANN], [ANN]]
    assert smtp.attempts.count(BOB) == 2  # the confirmation, then the first alert's 550
    assert BOB not in run.log_text() and ANN not in run.log_text()
