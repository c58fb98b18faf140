"""Every kind of alert reaches an e-mail subscriber at the SMTP server
through the same outbox and officer commands (or schedule) as the apps':
an officer's alert (test_email_subscribing), a consultation, a session's
reminder and its summary."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.edge.clock import FakeClock
from tests.e2e.telegram_setup import running, staff_says
from tests.email.email_setup import ANN, environ, make_config, subscribe
from tests.fakes.smtp_server import FakeSmtp
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(60)


async def test_a_consultation_arrives_with_its_options_and_how_to_answer(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    async with running(make_config(tmp_path, smtp, telegram), environ(telegram)) as app:
        await subscribe(app, ANN, "consultations")
        await staff_says(
            telegram, '/survey bromley "Bike marking on Saturday?" "Yes" "No"', "Consultation #1"
        )
        (mail,) = await smtp.wait_for(1)
        text = mail.part("plain")
        assert "Bike marking on Saturday?" in text
        assert "Options\n- Yes\n- No" in text
        # forumbot reads no e-mail here (platforms.email.inbound.address not set): no
        # reply instruction (tests/e2e/test_email_questions.py: replies when it does).
        assert "Reply to this e-mail" not in text
        assert "This e-mail is for your information: replies to it are not read." in text
        assert "<li>Yes</li>" in mail.part("html")
        assert mail.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert "/email/unsubscribe?t=" in mail.one_click()  # the raw bytes: RFC 2369's <url>


async def test_a_sessions_reminder_and_summary_arrive(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    config = make_config(tmp_path, smtp, telegram)
    forum = config.forums[0]
    assert forum.schedule is not None
    starts = forum.schedule.first.replace(tzinfo=ZoneInfo(config.timezone))
    clock = FakeClock(starts - timedelta(hours=1, minutes=1))
    async with running(config, environ(telegram), clock=clock) as app:
        await subscribe(app, ANN, "reminders", "summaries")
        before = len(smtp.messages)
        clock.advance(timedelta(minutes=2))  # the hour's reminder is due
        await app.core.scheduler.tick()
        reminder = (await smtp.wait_for(before + 1))[-1]
        assert "Bromley Police Online Forum" in reminder.part("plain")
        clock.advance(timedelta(minutes=60))  # the session opens
        await app.core.scheduler.tick()
        clock.advance(timedelta(minutes=61))  # and ends
        await app.core.scheduler.tick()
        mails = await smtp.wait_for(before + 2)
        summary = mails[-1]
        assert "the live session has ended" in summary.part("plain")
        assert all(m.rcpt_tos == [ANN] for m in mails)
        for mail in (reminder, summary):  # the raw bytes: RFC 2369's <url>, not RFC 2047
            assert "/email/unsubscribe?t=" in mail.one_click()
