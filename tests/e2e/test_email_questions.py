"""Questions by e-mail through the real app: a resident's mail delivered to
the SMTP listener (as the force's relay would, with aiosmtplib) gets the
acknowledgement and the notice by e-mail at the test's SMTP server,
threaded as a reply to their message; the officer's answer from the
Telegram staff room arrives the same way; an emergency gets the 999
guidance at once and an URGENT card; auto-replies, bounces and loops never
become questions (a bounce suppresses its address); nothing is met with
silence; the staff card never shows the address; a consultation is answered
by replying to its e-mail; "forget confirm" by e-mail leaves no address in
the database, its WAL or the log."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import aiosmtplib
import pytest

from bot.core import fetch_all
from config.model import EmailInbound
from forumbot.app import App
from tests.e2e.telegram_setup import (
    OFFICER,
    PHRASE,
    STAFF_GROUP,
    WAIT_S,
    card_for,
    eventually,
    outbox_settled,
    running,
    staff_says,
    to_chat_containing,
)
from tests.email.email_setup import FROM, environ, make_config, subscribe
from tests.fakes.smtp_server import FakeSmtp, Received
from tests.fakes.telegram_server import FakeTelegram
from tests.support import mail_samples as samples

pytestmark = pytest.mark.timeout(60)

INBOUND = "ask@forum.example.police.uk"
MARY = "mary.smith@example.org"  # samples.RESIDENT, as forumbot keeps it
QUESTION_ID = "<CAF-q1.77@mail.example.org>"


@pytest.fixture
async def app(tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram) -> AsyncIterator[App]:
    config = make_config(tmp_path, smtp, telegram)
    email = config.platforms.email
    inbound = EmailInbound(
        listen_host="127.0.0.1", listen_port=0, address=INBOUND, max_bytes=200_000
    )
    config = replace(
        config, platforms=replace(config.platforms, email=replace(email, inbound=inbound))
    )
    async with running(config, environ(telegram)) as started:
        yield started


async def deliver(app: App, raw: bytes, mail_from: str = MARY, to: str = INBOUND) -> str:
    """The relay delivers ``raw`` to the listener; the listener's answer to
    the message (``"250 ..."``), or to whatever it refused first."""
    port = app.email.listener.bound_port
    smtp = aiosmtplib.SMTP(
        hostname="127.0.0.1", port=port, timeout=WAIT_S, local_hostname="relay.example.police.uk"
    )
    await smtp.connect()
    try:
        await smtp.mail(mail_from)
        await smtp.rcpt(to)
        answer = await smtp.data(raw)
        return f"{answer.code} {answer.message}"
    except aiosmtplib.SMTPResponseException as refused:
        return f"{refused.code} {refused.message}"
    finally:
        await smtp.quit()


async def mail_to(smtp: FakeSmtp, address: str, *needles: str, start: int = 0) -> Received:
    """The first e-mail to ``address`` from ``start`` on whose text holds
    every one of ``needles``; fails after WAIT_S seconds."""

    def found() -> Received | None:
        for message in smtp.messages[start:]:
            if address in message.rcpt_tos and all(n in message.part("plain") for n in needles):
                return message
        return None

    async with asyncio.timeout(WAIT_S):
        while (hit := found()) is None:
            smtp.arrived.clear()
            await smtp.arrived.wait()
    return hit


def question(text: str, message_id: str = QUESTION_ID, **kw: str) -> bytes:
    return samples.plain(text, message_id=message_id, **kw)


async def test_asked_by_email_acknowledged_and_answered_in_the_same_thread(
    app: App, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    answer = await deliver(
        app,
        question(
            f"{PHRASE}, is anything planned about speeding on Elm Road?\n\n"
            "Thanks, Mary\n-- \nMary Smith\n07700 900123\n"
        ),
    )
    assert answer.startswith("250")
    ack = await mail_to(smtp, MARY, "Your question to Bromley Police Online Forum is")
    text = ack.part("plain")
    assert "#1" in text
    assert "In an emergency call 999" in text  # the notice
    assert ack.message["In-Reply-To"] == QUESTION_ID
    assert QUESTION_ID in str(ack.message["References"])

    card = await card_for(telegram, 1)
    assert "speeding on Elm Road" in card.plain_text
    for personal in ("mary", "example.org", "07700"):  # the card shows the pseudonym only
        assert personal not in card.plain_text.lower()

    start = len(smtp.messages)
    telegram.group_message(
        STAFF_GROUP,
        OFFICER,
        "Yes: speed checks on <b>Elm Road</b> on Thursday & Friday.",
        reply_to_message_id=card.message_id,
    )
    answered = await mail_to(smtp, MARY, "Answer to your question #1", start=start)
    assert "speed checks on <b>Elm Road</b> on Thursday & Friday." in answered.part("plain")
    assert "&lt;b&gt;Elm Road&lt;/b&gt;" in answered.part("html")  # never markup
    assert answered.message["In-Reply-To"] == QUESTION_ID


async def test_an_emergency_by_email_gets_999_guidance_at_once_and_an_urgent_card(
    app: App, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    await deliver(
        app,
        question(f"{PHRASE} there is a man with a knife outside my house now", subject="help"),
    )
    guidance = await mail_to(smtp, MARY, "If you or someone else is in danger")
    assert "call 999 now" in guidance.part("plain")
    card = await telegram.wait_for_sent(to_chat_containing(STAFF_GROUP, "URGENT"), WAIT_S)
    assert "knife" in card.plain_text
    assert "mary" not in card.plain_text.lower()


async def test_an_emergency_said_only_in_the_subject_is_urgent_too(
    app: App, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    start, sent = len(smtp.messages), len(telegram.sent)
    await deliver(
        app,
        question(
            "please send someone",
            message_id="<subject-only@mail.example.org>",
            subject="Someone is breaking into my house right now",
        ),
    )
    again = await mail_to(smtp, MARY, "If you or someone else is in danger", start=start)
    assert "call 999 now" in again.part("plain")
    await telegram.wait_for_sent(
        to_chat_containing(STAFF_GROUP, "breaking into my house"), WAIT_S, start=sent
    )


async def test_auto_replies_bounces_and_loops_never_become_questions(
    app: App, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    gone = "gone.away@example.net"
    for raw, mail_from, to in (
        (samples.gmail_vacation(), MARY, INBOUND),
        (samples.exchange_out_of_office(), MARY, FROM),  # replying to an alert's sender
        (samples.plain(f"{PHRASE}, weekly digest", headers={"Precedence": "bulk"}), MARY, INBOUND),
        (samples.our_own(), FROM, INBOUND),
        (samples.postfix_dsn(gone), "", FROM),  # bounces go to the envelope sender
    ):
        assert (await deliver(app, raw, mail_from, to)).startswith("250")
    # the bounce suppressed the address, for good (in the database too)
    assert gone in app.email.suppressions
    async with app.core.db.read() as tx:
        rows = await fetch_all(tx, "SELECT code FROM email_suppression")
    assert [r["code"] for r in rows] == [550]

    # the next real question is #1: none of them became a question, none got a reply
    await deliver(app, question(f"{PHRASE}, are the Elm Road lights being fixed?"))
    ack = await mail_to(smtp, MARY, "Your question to Bromley Police Online Forum is")
    assert "#1" in ack.part("plain")
    card = await card_for(telegram, 1)
    assert "lights" in card.plain_text
    await asyncio.sleep(0.3)  # anything else on its way would be out by now
    assert [m.rcpt_tos for m in smtp.messages] == [[MARY]]
    assert not [m for m in telegram.sent if "Question #2" in m.plain_text]


async def test_no_mail_meets_silence(app: App, smtp: FakeSmtp) -> None:
    # no phrase: the help, saying how to ask
    await deliver(app, question("Is anyone there?", message_id="<a@x.example>", subject="Hi"))
    helped = await mail_to(smtp, MARY, "How to ask", 'start with "Bromley Police Online Forum"')
    assert helped.message["Subject"]
    # empty: the help too
    start = len(smtp.messages)
    await deliver(app, question("", message_id="<b@x.example>", subject=""))
    await mail_to(smtp, MARY, "How to ask", start=start)
    # HTML only: read as text and answered like any other
    start = len(smtp.messages)
    await deliver(
        app,
        samples.html_only(
            f"<html><body><p>{PHRASE}, is the <b>underpass</b> lit at night?</p></body></html>"
        ),
    )
    ack = await mail_to(smtp, MARY, "Your question to Bromley Police Online Forum is", start=start)
    assert "#1" in ack.part("plain")
    # oversized: refused with what to do, which the resident's provider returns to them
    refused = await deliver(app, question(f"{PHRASE}, my video\n" + "x" * 300_000))
    assert refused.startswith("552")
    assert "send your question as words in a shorter e-mail without attachments" in refused
    assert "call 999 now" in refused


async def test_a_redelivered_question_is_one_question(
    app: App, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    raw = question(f"{PHRASE}, is there a speed check planned on Elm Road?")
    assert (await deliver(app, raw)).startswith("250")
    assert (await deliver(app, raw)).startswith("250")  # the relay did not hear our 250
    await mail_to(smtp, MARY, "Your question to Bromley Police Online Forum is")
    await deliver(app, question(f"{PHRASE}, and the lights?", message_id="<q2@mail.example.org>"))
    second = await mail_to(smtp, MARY, "Your question to", "#2")
    assert second.message["In-Reply-To"] == "<q2@mail.example.org>"
    await card_for(telegram, 2)
    acks = [m for m in smtp.messages if "Your question to" in m.part("plain")]
    assert len(acks) == 2


async def test_a_consultation_answered_by_replying_to_its_email(
    app: App, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    await subscribe(app, MARY, "consultations")
    await staff_says(telegram, '/survey bromley "What worries you most?"', "Consultation #1")
    survey = await mail_to(smtp, MARY, "Consultation #1", "Reply to this e-mail with your answer")
    start = len(smtp.messages)
    reply = samples.plain(
        "Speeding on Elm Road\n\nSent from my iPhone\n\n"
        f"On 30 Nov 2026, at 10:00, Bromley Police Online Forum <{FROM}> wrote:\n"
        "> Consultation #1: What worries you most?\n",
        subject=f"Re: {survey.message['Subject']}",
        message_id="<reply-to-survey@mail.example.org>",
        headers={"In-Reply-To": survey.message_id, "References": survey.message_id},
    )
    assert (await deliver(app, reply)).startswith("250")
    thanks = await mail_to(smtp, MARY, "consultation #1", start=start)
    assert 'your answer to consultation #1 is "Speeding on Elm Road"' in thanks.part("plain")
    results = await staff_says(telegram, "/survey results 1", "Consultation #1")
    assert "Speeding on Elm Road" in results.plain_text


async def test_forget_by_email_leaves_no_address_or_words_in_the_database_or_log(
    app: App, smtp: FakeSmtp, telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    # the address (and its local part, in any case), the display name, the phone number;
    # the publishable text, kept for the archive by design, has the phone as [phone]
    secrets = (MARY, "mary.smith", "Mary.Smith", "Mary Smith", "900417")
    await deliver(
        app,
        question(f"{PHRASE}, a van parks on the pavement every night, call me on 07700 900417"),
    )
    card = await card_for(telegram, 1)
    telegram.group_message(
        STAFF_GROUP, OFFICER, "Officers will check the van.", reply_to_message_id=card.message_id
    )
    await mail_to(smtp, MARY, "Answer to your question #1")
    database = Path(app.config.database)
    paths = [database, database.with_name(database.name + "-wal")]
    assert any(s.encode() in p.read_bytes() for p in paths if p.exists() for s in secrets)

    start = len(smtp.messages)
    forget = question("forget confirm", message_id="<forget@mail.example.org>", subject="")
    assert (await deliver(app, forget)).startswith("250")
    await mail_to(smtp, MARY, "We no longer hold your e-mail address", start=start)
    await eventually(lambda: outbox_settled(app), WAIT_S, "the outbox sent everything")
    left = [
        f"{p.name}: {s}"
        for p in paths
        if p.exists()
        for s in secrets
        if s.encode() in p.read_bytes()
    ]
    left += [f"log: {s}" for s in secrets if s in caplog.text]
    assert left == []
