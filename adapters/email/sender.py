"""Sending e-mail through the force's SMTP server (aiosmtplib), with the
server's answers mapped to the core's errors.

One connection, kept open and used by one send at a time (the dispatcher's
pace, ``platforms.email.pace``, keeps well inside what a relay takes); it is
opened again when it was closed or lost. Each message goes as ``MAIL FROM``,
``RCPT TO`` and ``DATA`` (so what failed is known):

- could not connect, or the connection went before ``DATA``: ``NotSent``
  (sent again with back-off; ``/healthz`` shows the connection down);
- the server refused the password: ``NotSent``, logged once naming
  ``password_env``, the connection down;
- 4xx for the sender, the recipient or the message (mailbox busy,
  greylisting): ``NotSent``, sent again;
- 5xx for the recipient (``550 no such user``): ``Unreachable``, and the
  address suppressed for good (``store.Suppressions``): nothing more goes
  to it;
- 5xx for the sender or the message: ``Rejected`` (this message failed;
  officers are told where they can act);
- no answer once ``DATA`` was sent, or the connection cut then:
  ``OutcomeUnknown`` (it may have arrived: never sent again).

SMTP has no way to drop a repeat, so the sender is not ``idempotent``: a
message left ``sending`` by a restart (kill -9 between ``DATA`` and the
dispatcher's ``sent``) ends ``unknown`` and is never sent twice
(docs/decisions.md, "E-mail is sent at most once")."""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime

import aiosmtplib
import email_validator

from adapters.email.mail import Extras, compose, message_id
from adapters.email.store import Suppressions
from adapters.email.threads import answered_message
from bot.core import Database
from bot.edge.connection import Connection
from bot.edge.rich import Rich, plain
from bot.edge.sending import (
    NotSent,
    OutcomeUnknown,
    Outgoing,
    Rejected,
    ServerDown,
    Unreachable,
)
from config.model import EmailConfig

log = logging.getLogger("forumbot.email")

ExtrasFor = Callable[[Outgoing], Awaitable[Extras]]


def permanent(code: int) -> bool:
    """A 5xx reply: refused for good (RFC 5321, 4.2.1)."""
    return 500 <= code <= 599


def envelope(address: str) -> tuple[str, bool]:
    """(the address as it goes to the server, whether it needs ``SMTPUTF8``):
    the domain in IDNA's ASCII form (``josé@xn--exmple-cua.org``), so only a
    local part outside ASCII (``zoë@example.org``) needs a server that
    offers ``SMTPUTF8`` (RFC 6531). Raises Rejected for an address
    email-validator cannot read."""
    if address.isascii():
        return address, False
    try:
        checked = email_validator.validate_email(address, check_deliverability=False)
    except email_validator.EmailNotValidError:
        raise Rejected("not an address e-mail can go to") from None
    local = checked.local_part
    return f"{local}@{checked.ascii_domain}", not local.isascii()


class AuthRefused(Exception):
    """The SMTP server refused the user and password."""


class SecurityMismatch(Exception):
    """``platforms.email.security`` does not match what the server speaks on
    that port; the message is one line naming the key and the fix."""


def mismatch(settings: EmailConfig, error: BaseException) -> str | None:
    """The plain line for a connection that failed because ``security``
    does not match the server (``starttls`` to a server that offers no
    STARTTLS, ``tls`` to one that speaks plain SMTP), else None."""
    where = f"{settings.host}:{settings.port}"
    if settings.security == "starttls" and "STARTTLS extension not supported" in str(error):
        return (
            f"platforms.email.security: is starttls, but the server {where} does not offer "
            "STARTTLS: use tls (usually port 465) or none, or check the port"
        )
    cause = error.__cause__ if error.__cause__ is not None else error
    if settings.security == "tls" and isinstance(cause, ssl.SSLError):
        return (
            f"platforms.email.security: is tls, but the server {where} does not start TLS "
            f"on connecting ({type(cause).__name__}): use starttls (usually port 587) or "
            "none, or check the port"
        )
    return None


class EmailSender:
    """The ``bot.edge.sending.Sender`` for e-mail. Returns each message's
    Message-ID as its platform id."""

    platform = "email"
    idempotent = False  # SMTP drops no repeats: see the module's note
    max_length = 100_000  # characters: an e-mail has no limit to speak of; one a message
    max_button_rows = 20  # listed as options under the text (an e-mail has no buttons)

    def __init__(
        self,
        settings: EmailConfig,
        password: str | None,
        connection: Connection,
        suppressions: Suppressions,
        db: Database,
        extras: ExtrasFor,
    ) -> None:
        self.settings = settings
        self.password = password
        self.connection = connection
        self.suppressions = suppressions
        self.db = db
        self.extras = extras
        self.smtp: aiosmtplib.SMTP | None = None
        self.lock = asyncio.Lock()
        self.auth_told = False
        self.security_told = False
        # The outage now (the SMTP server not reached): when it began
        # (time.monotonic()), the e-mails that waited, the tries that failed.
        self.outage_since: float | None = None
        self.outage_waiting: set[int] = set()
        self.outage_tries = 0

    @staticmethod
    def measure(body: Rich) -> int:
        """Characters of the plain text."""
        return len(plain(body))

    def _client(self) -> aiosmtplib.SMTP:
        s = self.settings
        login = {"username": s.user, "password": self.password or ""} if s.user else {}
        return aiosmtplib.SMTP(
            hostname=s.host,
            port=s.port,
            use_tls=s.security == "tls",
            start_tls=s.security == "starttls",
            timeout=s.timeout_s,
            **login,  # type: ignore[arg-type]
        )

    async def connect(self) -> None:
        """Open the connection if it is not open (``STARTTLS`` and the login
        as configured). Raises AuthRefused for a refused password, and
        aiosmtplib's errors or OSError when the server cannot be reached."""
        if self.smtp is not None and self.smtp.is_connected:
            return
        smtp = self._client()
        try:
            await smtp.connect()
        except aiosmtplib.SMTPAuthenticationError as error:
            smtp.close()
            self.connection.down("authentication refused")
            raise AuthRefused(f"{error.code}") from None
        except (aiosmtplib.SMTPException, OSError) as error:
            smtp.close()
            line = mismatch(self.settings, error)
            if line is not None:
                self.connection.down("platforms.email.security does not match the server")
                raise SecurityMismatch(line) from None
            self.connection.down(error)
            raise
        self.smtp = smtp
        self.connection.up()
        self._back()

    async def close(self) -> None:
        """Say goodbye to the server (QUIT) and close; safe when not open."""
        smtp, self.smtp = self.smtp, None
        if smtp is None:
            return
        try:
            if smtp.is_connected:
                await asyncio.wait_for(smtp.quit(), timeout=2.0)
        except (aiosmtplib.SMTPException, OSError, TimeoutError):
            pass
        finally:
            smtp.close()

    async def check(self) -> None:
        """For the adapter's watch: a ``NOOP`` on the open connection, or
        connect; the connection's state follows. Never raises for the server."""
        async with self.lock:
            try:
                if self.smtp is not None and self.smtp.is_connected:
                    await self.smtp.noop()
                    self.connection.up()
                else:
                    await self.connect()
            except AuthRefused:
                self._told_auth()
            except SecurityMismatch as error:
                self._told_security(str(error))
            except (aiosmtplib.SMTPException, OSError) as error:
                self.connection.down(error)
                self._drop()
                self._unreached(error, None)

    def _drop(self) -> None:
        smtp, self.smtp = self.smtp, None
        if smtp is not None:
            smtp.close()

    def _unreached(self, error: BaseException, outbox_id: int | None) -> None:
        """The server not reached: a WARNING at the first failure of an
        outage only (the dispatcher logs each waiting e-mail at DEBUG)."""
        if outbox_id is not None:
            self.outage_waiting.add(outbox_id)
        self.outage_tries += 1
        if self.outage_since is None:
            self.outage_since = time.monotonic()
            log.warning(
                "e-mail: the SMTP server %s:%s cannot be reached (%s): e-mail waits and is "
                "tried again; said once until it is back",
                self.settings.host,
                self.settings.port,
                type(error).__name__,
            )

    def _back(self) -> None:
        """The server reached again: one line for the outage, with counts."""
        if self.outage_since is None:
            return
        log.warning(
            "e-mail: the SMTP server %s:%s is back after %.0f s; %d e-mail(s) waited, "
            "%d tries failed meanwhile; sending again",
            self.settings.host,
            self.settings.port,
            time.monotonic() - self.outage_since,
            len(self.outage_waiting),
            self.outage_tries,
        )
        self.outage_since, self.outage_waiting, self.outage_tries = None, set(), 0

    def _told_security(self, line: str) -> None:
        if not self.security_told:
            self.security_told = True
            log.error("%s (docs/email.md); e-mail waits meanwhile", line)

    def _told_auth(self) -> None:
        if not self.auth_told:
            self.auth_told = True
            log.error(
                "the SMTP server %s refused the user %s and the password in %s: set the right "
                "password (docs/email.md) and restart; e-mail waits meanwhile",
                self.settings.host,
                self.settings.user,
                self.settings.password_env,
            )

    async def send(self, message: Outgoing) -> str:
        if message.chat.kind != "private":
            raise Rejected("e-mail has no rooms: only residents' addresses")
        if message.edit_of is not None or message.copy_from is not None:
            raise Rejected("an e-mail cannot be edited or copied once sent")
        address = message.chat.chat_id
        # The link to confirm an address its owner just gave on the site still
        # goes: it is how a suppressed address comes back, once confirmed.
        if address in self.suppressions and message.purpose != "confirmation":
            raise Unreachable("the address is suppressed: a server refused it for good")
        extras = await self.extras(message)
        if message.reply_to_message_id is None:  # an answer to a question asked by e-mail
            asked = await answered_message(self.db, message.outbox_id)
            if asked is not None:
                message = replace(message, reply_to_message_id=asked)
        msgid = message_id(message.outbox_id, self.suppressions.secret, self.settings.domain)
        to, international = envelope(address)
        try:
            # The email package takes a few milliseconds a message: off the event
            # loop, so residents' acknowledgements never queue behind an alert.
            data = await asyncio.to_thread(
                lambda: compose(
                    self.settings, message, msgid, extras, datetime.now(UTC), to
                ).as_bytes()
            )
        except (ValueError, TypeError) as error:
            raise Rejected(f"could not make the e-mail: {type(error).__name__}") from None
        async with self.lock:
            await self._transmit(address, to, international, data, message.outbox_id)
        return msgid

    async def _open(self, outbox_id: int | None = None) -> aiosmtplib.SMTP:
        try:
            await self.connect()
        except AuthRefused:
            self._told_auth()
            raise NotSent("the SMTP server refused the password") from None
        except SecurityMismatch as error:
            self._told_security(str(error))
            raise NotSent("platforms.email.security does not match the server") from None
        except (aiosmtplib.SMTPException, OSError) as error:
            self._unreached(error, outbox_id)
            raise ServerDown(f"SMTP server not reached ({type(error).__name__})") from None
        assert self.smtp is not None
        return self.smtp

    async def _mail(
        self, smtp: aiosmtplib.SMTP, options: list[str], encoding: str = "ascii"
    ) -> aiosmtplib.SMTP:
        """``MAIL FROM`` on ``smtp``; on a kept connection the server closed
        meanwhile (an idle timeout), once more on a new one. Returns the
        connection it worked on."""
        try:
            await smtp.mail(self.settings.from_address, options=options, encoding=encoding)
            return smtp
        except aiosmtplib.SMTPServerDisconnected:
            self._drop()
        smtp = await self._open()
        await smtp.mail(self.settings.from_address, options=options, encoding=encoding)
        return smtp

    async def _transmit(
        self, address: str, to: str, international: bool, data: bytes, outbox_id: int
    ) -> None:
        """MAIL, RCPT and DATA on the open connection (opened first if need
        be) to ``to`` (``address`` as the server takes it, see ``envelope``).
        Whatever fails, the connection is left clean for the next message:
        ``RSET`` after a refusal, dropped (opened again) after anything else."""
        try:
            await self._exchange(address, to, international, data, outbox_id)
        except (NotSent, Rejected, Unreachable, OutcomeUnknown):
            raise
        except Exception as error:  # never leave the kept connection mid-transaction
            self._drop()
            log.warning(
                "e-mail: a message failed (%s); the connection is opened afresh",
                type(error).__name__,
            )
            raise Rejected(f"could not send the e-mail: {type(error).__name__}") from None

    async def _exchange(
        self, address: str, to: str, international: bool, data: bytes, outbox_id: int
    ) -> None:
        smtp = await self._open(outbox_id)
        options: list[str] = []
        encoding = "ascii"
        if international:
            if not smtp.supports_extension("smtputf8"):
                raise Rejected(
                    "the SMTP server does not offer SMTPUTF8, which an address with letters "
                    "outside ASCII before the @ needs"
                )
            options, encoding = ["SMTPUTF8"], "utf-8"
        try:
            smtp = await self._mail(smtp, options, encoding)
            await smtp.rcpt(to, encoding=encoding)
        except aiosmtplib.SMTPSenderRefused as error:
            await self._reset()
            if permanent(error.code):
                raise Rejected(f"the server refused the sender: {error.code}") from None
            raise NotSent(f"the server refused the sender for now: {error.code}") from None
        except aiosmtplib.SMTPRecipientRefused as error:
            await self._reset()
            if permanent(error.code):
                await self.suppressions.add(self.db, address, error.code, datetime.now(UTC))
                log.warning("an address was refused for good (%s): suppressed", error.code)
                raise Unreachable(f"the server refused the recipient: {error.code}") from None
            raise NotSent(f"the server refused the recipient for now: {error.code}") from None
        except aiosmtplib.SMTPResponseException as error:
            self._drop()
            raise NotSent(f"the server answered {error.code} before the message") from None
        except (aiosmtplib.SMTPException, OSError) as error:
            self.connection.down(error)
            self._drop()
            raise NotSent(
                f"the connection failed before the message ({type(error).__name__})"
            ) from None
        try:
            await smtp.data(data)
        except aiosmtplib.SMTPDataError as error:
            await self._reset()
            if permanent(error.code):
                raise Rejected(f"the server refused the message: {error.code}") from None
            raise NotSent(f"the server refused the message for now: {error.code}") from None
        except aiosmtplib.SMTPResponseException as error:
            self._drop()
            if permanent(error.code):
                raise Rejected(f"the server refused the message: {error.code}") from None
            raise NotSent(f"the server answered {error.code} to the message") from None
        except (aiosmtplib.SMTPException, OSError) as error:
            self.connection.down(error)
            self._drop()
            raise OutcomeUnknown(
                f"no answer once the message was sent ({type(error).__name__})"
            ) from None
        self.connection.up()

    async def _reset(self) -> None:
        """RSET after a refusal, so the next message starts clean; a
        connection that fails it is dropped (opened again next time)."""
        smtp = self.smtp
        if smtp is None:
            return
        try:
            await smtp.rset()
        except (aiosmtplib.SMTPException, OSError):
            self._drop()
