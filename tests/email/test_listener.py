"""The SMTP listener in real SMTP conversations (aiosmtplib, the client a
relay would be, against adapters/email/listener.py on 127.0.0.1): only the
inbound address is taken, the size limit, 451 while stopping or when the
message could not be stored, bounces handed on, auto-replies and loops
taken and dropped."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import aiosmtplib
import pytest

from adapters.email.inbound import Kind, Ours
from adapters.email.listener import Flood, Handler, Listener
from bot.edge.inbound import Envelope, Inbound
from bot.edge.startup import StartupFailure
from tests.support import mail_samples as samples

INBOUND = "ask@forum.example.police.uk"
FROM = "alerts@forum.example.police.uk"  # where bounces to forumbot's mail are sent
OURS = Ours(
    addresses=frozenset({INBOUND, "alerts@forum.example.police.uk"}),
    message_id_domain="forum.example.police.uk",
    list_id="alerts.forum.example.police.uk",
)


@dataclass
class Core:
    """What stands for the intake: stores each event once by its key (as the
    inbox does), or fails to when told."""

    stored: dict[str, Inbound] = field(default_factory=dict)
    received: int = 0
    fail: bool = False
    hang: bool = False
    bounced: list[tuple[str, ...]] = field(default_factory=list)

    def put(self, event: Inbound) -> Envelope:
        envelope = Envelope(event)
        self.received += 1
        if self.fail:
            envelope.stored.set_exception(RuntimeError("database is locked"))
        elif not self.hang:
            self.stored.setdefault(event.event_key, event)
            envelope.stored.set_result(None)
        return envelope

    async def on_bounce(self, failed: tuple[str, ...]) -> None:
        self.bounced.append(failed)


@dataclass
class Running:
    core: Core
    handler: Handler
    listener: Listener

    @property
    def port(self) -> int:
        return self.listener.bound_port

    async def client(self) -> aiosmtplib.SMTP:
        smtp = aiosmtplib.SMTP(
            hostname="127.0.0.1",
            port=self.port,
            timeout=10,
            local_hostname="relay.example.police.uk",
            start_tls=False,
        )
        await smtp.connect()
        return smtp

    async def send(
        self, raw: bytes, mail_from: str = "mary.smith@example.org", to: str = INBOUND
    ) -> str:
        """One whole transaction to ``to``; the DATA answer."""
        smtp = await self.client()
        try:
            await smtp.mail(mail_from)
            await smtp.rcpt(to)
            response = await smtp.data(raw)
            return f"{response.code} {response.message}"
        finally:
            await smtp.quit()


@pytest.fixture
async def running() -> AsyncIterator[Running]:
    core = Core()
    handler = Handler((INBOUND, FROM), OURS, core.put, core.on_bounce, ("Bromley Police",), 0.5)
    listener = Listener(handler, "127.0.0.1", 0, max_bytes=200_000, emergency="999")
    await listener.start()
    try:
        yield Running(core, handler, listener)
    finally:
        await listener.close()


async def test_a_question_is_answered_250_once_stored_and_is_on_the_queue(
    running: Running,
) -> None:
    answer = await running.send(
        samples.plain("Bromley Police, is there a speed check on Elm Road?"),
        mail_from="srs0=ab=cd=example.org=mary.smith@relay.example.net",
    )
    assert answer.startswith("250 ")
    event = running.core.stored["<CAF1234.5678@mail.example.org>"]
    assert event.platform == "email"
    assert event.chat.chat_id == "mary.smith@example.org"
    assert event.text == "Bromley Police, is there a speed check on Elm Road?"


async def test_no_address_reaches_the_log(
    running: Running, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    await running.send(samples.plain("Bromley Police, hello"), mail_from="mary.smith@example.org")
    await running.send(samples.gmail_vacation(), mail_from="mary.smith@example.org")
    await running.send(samples.postfix_dsn("gone.away@example.net"), mail_from="")
    assert "e-mail message stored" in caplog.text
    for address in ("mary.smith", "gone.away", "ask@forum"):
        assert address not in caplog.text.lower()


async def test_a_redelivery_is_stored_once(running: Running) -> None:
    raw = samples.plain("Bromley Police, hello again")
    assert (await running.send(raw)).startswith("250 ")
    assert (await running.send(raw)).startswith("250 ")
    assert running.core.received == 2
    assert list(running.core.stored) == ["<CAF1234.5678@mail.example.org>"]


async def test_only_the_inbound_address_is_taken_never_an_open_relay(running: Running) -> None:
    smtp = await running.client()
    try:
        await smtp.mail("spammer@example.com")
        with pytest.raises(aiosmtplib.SMTPRecipientRefused) as refused:
            await smtp.rcpt("victim@example.net")
        assert refused.value.code == 550
        assert "only takes mail for ask@forum.example.police.uk and alerts@" in (
            refused.value.message
        )
        with pytest.raises(aiosmtplib.SMTPRecipientRefused):
            await smtp.rcpt("ask@forum.example.police.uk.evil.example")
        accepted = await smtp.rcpt("ASK@Forum.Example.Police.UK")  # the same mailbox
        assert accepted.code == 250
    finally:
        await smtp.quit()
    with pytest.raises(aiosmtplib.SMTPRecipientsRefused):
        await aiosmtplib.send(
            samples.plain("Bromley Police, relay this"),
            sender="spammer@example.com",
            recipients=["victim@example.net"],
            hostname="127.0.0.1",
            port=running.port,
        )
    assert running.core.received == 0


async def test_only_the_relays_may_deliver_when_they_are_named(running: Running) -> None:
    running.handler.relays = (ipaddress.ip_network("10.0.0.0/24"),)
    smtp = await running.client()
    try:
        await smtp.mail("mary.smith@example.org")
        with pytest.raises(aiosmtplib.SMTPRecipientRefused) as refused:
            await smtp.rcpt(INBOUND)
    finally:
        await smtp.quit()
    assert refused.value.code == 550
    assert "only from the force's mail relay" in refused.value.message
    running.handler.relays = (
        ipaddress.ip_network("10.0.0.0/24"),
        ipaddress.ip_network("127.0.0.1"),
    )
    assert (await running.send(samples.plain("Bromley Police, hello"))).startswith("250")


async def test_an_oversized_mail_is_refused_with_what_to_do(running: Running) -> None:
    big = samples.plain("Bromley Police, see the video\n" + "x" * 250_000)
    smtp = await running.client()
    try:
        await smtp.mail("mary.smith@example.org")
        await smtp.rcpt(INBOUND)
        with pytest.raises(aiosmtplib.SMTPDataError) as refused:
            await smtp.data(big)
    finally:
        await smtp.quit()
    assert refused.value.code == 552
    assert "send your question as words in a shorter e-mail without attachments" in (
        refused.value.message
    )
    assert "call 999 now" in refused.value.message
    # announced with SIZE: refused at MAIL FROM, before any of it is sent
    smtp = await running.client()
    try:
        with pytest.raises(aiosmtplib.SMTPSenderRefused) as early:
            await smtp.mail("mary.smith@example.org", options=["SIZE=300000"])
    finally:
        await smtp.quit()
    assert early.value.code == 552
    assert "shorter e-mail" in early.value.message
    assert running.core.received == 0


async def test_while_stopping_mail_is_deferred_451(running: Running) -> None:
    running.listener.stop_accepting()
    smtp = await running.client()
    try:
        await smtp.mail("mary.smith@example.org")
        with pytest.raises(aiosmtplib.SMTPRecipientRefused) as deferred:
            await smtp.rcpt(INBOUND)
    finally:
        await smtp.quit()
    assert deferred.value.code == 451
    assert "stopping" in deferred.value.message


async def test_a_message_that_could_not_be_stored_is_deferred_451(running: Running) -> None:
    running.core.fail = True
    with pytest.raises(aiosmtplib.SMTPDataError) as failed:
        await running.send(samples.plain("Bromley Police, one"))
    assert failed.value.code == 451
    running.core.fail, running.core.hang = False, True  # storing takes too long
    with pytest.raises(aiosmtplib.SMTPDataError) as slow:
        await running.send(samples.plain("Bromley Police, two", message_id="<two@x.example>"))
    assert slow.value.code == 451
    running.core.hang = False  # the relay tries again: now it is stored
    assert (await running.send(samples.plain("Bromley Police, one"))).startswith("250 ")
    assert list(running.core.stored) == ["<CAF1234.5678@mail.example.org>"]


async def test_a_message_that_cannot_be_read_is_deferred_not_refused(
    running: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(raw: bytes, mail_from: str) -> None:
        raise RuntimeError("a fault in reading")

    monkeypatch.setattr(running.handler, "_read", broken)
    with pytest.raises(aiosmtplib.SMTPDataError) as deferred:
        await running.send(samples.plain("Bromley Police, hello"))
    assert deferred.value.code == 451  # the relay keeps it; nothing is lost
    monkeypatch.undo()
    assert (await running.send(samples.plain("Bromley Police, hello"))).startswith("250")


async def test_a_bounce_hands_its_failed_address_on_and_is_no_question(running: Running) -> None:
    # a bounce goes to the envelope sender of forumbot's mail: the From address
    answer = await running.send(samples.postfix_dsn("gone.away@example.net"), "", to=FROM)
    assert answer.startswith("250 ")
    assert running.core.bounced == [("gone.away@example.net",)]
    assert running.core.received == 0


async def test_auto_replies_and_loops_are_taken_and_dropped(running: Running) -> None:
    for raw in (
        samples.gmail_vacation(),
        samples.exchange_out_of_office(),
        samples.our_own(),
        samples.plain("Bromley Police, hi", headers={"Precedence": "junk"}),
    ):
        assert (await running.send(raw)).startswith("250 ")
    assert (await running.send(samples.plain("Bromley Police, hi"), mail_from="")).startswith(
        "250 "
    )
    assert running.core.received == 0
    assert [kind.value for kind, _ in running.handler.taken.kinds] == [
        "auto-reply",
        "auto-reply",
        "loop",
        "auto-reply",
        "auto-reply",
    ]


async def test_a_flood_from_one_address_is_a_loop_and_dropped(running: Running) -> None:
    for n in range(12):
        raw = samples.plain(
            "Thank you for your e-mail.", message_id=f"<ticket.{n}@helpdesk.example>"
        )
        assert (await running.send(raw)).startswith("250")
    assert running.core.received == 10
    assert (
        running.handler.taken.kinds[-2:]
        == [(Kind.LOOP, "more than 10 messages from one address in 10 minutes")] * 2
    )
    other = samples.plain("Bromley Police, hello", sender="bob@example.net")
    assert (await running.send(other)).startswith("250")
    assert running.core.received == 11  # another address is not held up


def test_the_flood_window_moves() -> None:
    now = [0.0]
    flood = Flood(limit=2, window_s=60.0, clock=lambda: now[0])
    assert not flood.too_many("a@x.example", "<1>")
    assert not flood.too_many("a@x.example", "<2>")
    assert not flood.too_many("a@x.example", "<2>")  # a re-delivery is not one more
    assert flood.too_many("a@x.example", "<3>")
    now[0] = 61.0
    assert not flood.too_many("a@x.example", "<4>")


async def test_a_port_in_use_is_a_startup_failure() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        core = Core()
        handler = Handler((INBOUND,), OURS, core.put, core.on_bounce)
        listener = Listener(handler, "127.0.0.1", port)
        with pytest.raises(StartupFailure, match="listen_port"):
            await listener.start()
        await listener.close()  # safe after a failed start


async def test_close_ends_open_conversations(running: Running) -> None:
    smtp = await running.client()
    await running.listener.close()
    with pytest.raises(aiosmtplib.SMTPException):
        async with asyncio.timeout(10):
            await smtp.mail("mary.smith@example.org")
    smtp.close()
