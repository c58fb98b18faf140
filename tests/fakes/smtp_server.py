"""A receiving mail server on 127.0.0.1 for the e-mail tests: aiosmtpd's
real SMTP protocol (so forumbot's aiosmtplib client speaks to a real
server), with a handler the test controls and that records what arrived.

- ``refuse``: an address (lower case) to the reply its ``RCPT TO`` gets
  (``"550 5.1.1 no such user"``, ``"450 4.2.1 mailbox busy"``); every
  other recipient is accepted.
- ``refuse_data``: the replies the next messages' ends of ``DATA`` get, in
  turn (``"451 4.3.0 try again"``), before messages are taken again.
- ``hold_data``: while set, the end of ``DATA`` gets no answer until the
  event is set (a server that went quiet once the message was sent);
  ``held`` is set once a message is held so.
- ``login``: (user, password) the server asks for (AUTH PLAIN/LOGIN over
  the plain connection, as a test relay may); None: no login.
- ``smtputf8``: whether the server offers SMTPUTF8 (RFC 6531: addresses
  with letters outside ASCII before the @).
- ``messages``: every message taken (``Received``: envelope sender,
  recipients, the raw bytes and the parsed message); ``arrived`` is set at
  each. ``attempts``: every ``RCPT TO`` address, refused or not.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session


@dataclass
class Received:
    """One message taken: the envelope, the raw bytes, when (``time.monotonic()``);
    ``message`` parses the bytes when first read (parsing every message as it
    arrives would slow the server under a benchmark's thousands)."""

    mail_from: str
    rcpt_tos: list[str]
    raw: bytes
    at: float = 0.0
    _parsed: EmailMessage | None = None

    @property
    def message(self) -> EmailMessage:
        if self._parsed is None:
            parsed = email.message_from_bytes(self.raw, policy=email.policy.default)
            assert isinstance(parsed, EmailMessage)
            self._parsed = parsed
        return self._parsed

    def raw_header(self, name: str) -> str | None:
        """The header ``name`` as its bytes arrived (folding undone, nothing
        decoded), or None: what a mail provider reads."""
        head = self.raw.split(b"\r\n\r\n", 1)[0].decode("utf-8", "replace")
        unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ")
        for line in unfolded.split("\r\n"):
            key, _, value = line.partition(":")
            if key.lower() == name.lower():
                return value.strip()
        return None

    def one_click(self) -> str:
        """The https (or the test site's http) address of ``List-Unsubscribe``
        as the bytes carry it, checked to be RFC 2369's plain ``<url>`` (no
        RFC 2047 encoding, which hides the one-click button), with RFC 8058's
        ``List-Unsubscribe-Post``."""
        value = self.raw_header("List-Unsubscribe")
        assert value is not None, "no List-Unsubscribe"
        assert "=?" not in value, f"encoded: {value}"
        assert value.startswith("<http") and value.endswith(">"), value
        assert self.raw_header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click"
        return value[1:-1]

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])

    def part(self, subtype: str) -> str:
        """The text of the ``text/<subtype>`` part (``plain``, ``html``), its
        lines ending in ``\n`` as a mail client shows them."""
        found = self.message.get_body(preferencelist=(subtype,))
        assert found is not None, f"no text/{subtype} part"
        content = found.get_content()
        assert isinstance(content, str)
        return content.replace("\r\n", "\n")


@dataclass
class FakeSmtp:
    refuse: dict[str, str] = field(default_factory=dict)
    refuse_data: list[str] = field(default_factory=list)
    hold_data: asyncio.Event | None = None
    login: tuple[str, str] | None = None
    smtputf8: bool = True
    messages: list[Received] = field(default_factory=list)
    attempts: list[str] = field(default_factory=list)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    held: asyncio.Event = field(default_factory=asyncio.Event)
    server: asyncio.Server | None = None
    port: int = 0
    sessions: list[SMTP] = field(default_factory=list)

    # -- aiosmtpd's handler hooks --

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        self.attempts.append(address.lower())
        reply = self.refuse.get(address.lower())
        if reply is not None:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.hold_data is not None:
            self.held.set()
            await self.hold_data.wait()
        if self.refuse_data:
            return self.refuse_data.pop(0)
        raw = envelope.original_content or b""
        self.messages.append(
            Received(str(envelope.mail_from), list(envelope.rcpt_tos), raw, time.monotonic())
        )
        self.arrived.set()
        return "250 2.0.0 accepted"

    def _authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        if self.login is None or not isinstance(data, LoginPassword):
            return AuthResult(success=False, handled=False)
        user, password = self.login
        ok = data.login.decode() == user and data.password.decode() == password
        return AuthResult(success=ok, handled=False)

    # -- running it --

    def _protocol(self) -> SMTP:
        made = SMTP(
            self,
            hostname="fake-smtp.test",
            enable_SMTPUTF8=self.smtputf8,
            auth_required=self.login is not None,
            auth_require_tls=False,
            authenticator=self._authenticate,
        )
        self.sessions.append(made)
        return made

    async def start(self) -> FakeSmtp:
        """Listen on 127.0.0.1 (the port chosen by the system: ``port``)."""
        loop = asyncio.get_running_loop()
        self.server = await loop.create_server(self._protocol, "127.0.0.1", self.port)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    def drop_connections(self) -> None:
        """Close every open connection, still listening (a server's idle timeout)."""
        for session in self.sessions:
            if session.transport is not None:
                session.transport.close()
        self.sessions.clear()

    async def stop(self) -> None:
        """Stop listening and drop every open connection (a server gone away)."""
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()
            self.server = None
        for session in self.sessions:
            if session.transport is not None:
                session.transport.close()
        self.sessions.clear()

    async def wait_for(self, count: int, within_s: float = 10.0) -> list[Received]:
        """The messages once at least ``count`` have arrived; fails the test
        after ``within_s`` seconds."""
        async with asyncio.timeout(within_s):
            while len(self.messages) < count:
                self.arrived.clear()
                await self.arrived.wait()
        return self.messages

    def to(self, address: str) -> list[Received]:
        """The messages that arrived for ``address``."""
        return [m for m in self.messages if address.lower() in (r.lower() for r in m.rcpt_tos)]
