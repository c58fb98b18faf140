"""The SMTP listener residents' questions arrive at (docs/email.md,
"Questions by e-mail"): the force's mail relay delivers mail for the
inbound address here, by an MX record or a forwarding rule.

An aiosmtpd ``SMTP`` protocol served on the running event loop (not
aiosmtpd's ``Controller``, which runs a loop of its own in a thread: the
core's queue and the stored futures belong to this loop). One SMTP
transaction:

- ``RCPT TO`` the inbound address or forumbot's From address (compared
  normalised: bounces go to the envelope sender, the From address) is
  taken; any other recipient is refused ``550 5.1.1`` (never an open relay),
  and so is every recipient of a client that is not one of ``relays``
  (``550 5.7.1``; any client, when none are given); while forumbot
  is stopping, ``451 4.3.2`` (the relay keeps the mail and tries again).
- ``DATA`` larger than ``max_bytes`` is refused ``552 5.3.4`` with what to do
  instead (the relay turns it into a non-delivery report to the sender:
  the only answer a message nobody read can get). A ``SIZE`` announced over
  the limit is refused at ``MAIL FROM`` the same way.
- The message is read and classified (``inbound.py``). A resident's message
  is put on the core's queue and answered ``250`` only once it is stored
  (``451 4.3.0`` if storing fails or takes longer than ``store_timeout_s``:
  the relay delivers it again; the inbox keeps one event per Message-ID). A
  bounce's failed addresses go to ``on_bounce``. More than
  ``FLOOD_MESSAGES`` messages from one address in ``FLOOD_WINDOW_S`` are a
  loop with a responder that ignores ``Auto-Submitted``, and dropped. Auto-replies, loops and
  mail without an answerable From are taken (``250``, so nobody retries)
  and dropped: they get no reply, since answering an auto-reply starts a
  loop and a bounce has nobody behind it. Logged by kind and reason, never
  by address.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import time
import weakref
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from aiosmtpd.smtp import SMTP, Session
from aiosmtpd.smtp import Envelope as SmtpEnvelope

from adapters.email.inbound import (
    Kind,
    Mail,
    Ours,
    Verdict,
    classify,
    normalise_address,
    read,
    to_inbound,
)
from bot.edge.inbound import Envelope, Inbound
from bot.edge.startup import StartupFailure

log = logging.getLogger("forumbot.email")
# aiosmtpd logs every command, sender and recipient address at INFO: the
# addresses are personal data, so only its warnings are let through.
AIOSMTPD_LOGGER = "mail.log"

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # a question with a photo or two; big files belong elsewhere
STORE_TIMEOUT_S = 30.0
LINE_LIMIT = 64 * 1024  # RFC 5321 says 1,000; some clients send longer HTML lines
IDLE_TIMEOUT_S = 300.0  # RFC 5321 4.5.3.2.7: a server waits 5 minutes for a command

NOT_A_RELAY = "550 5.7.1 This server takes mail only from the force's mail relay"
REFUSED_RECIPIENT = "550 5.1.1 Mailbox unavailable: this server only takes mail for {address}"
STOPPING = "451 4.3.2 forumbot is stopping: please try again later"
NOT_STORED = "451 4.3.0 Not stored: please try again later"
TOO_BIG = (
    "552 5.3.4 Message too big for forumbot (over {megabytes} MB): send your question as "
    "words in a shorter e-mail without attachments. If you or someone else is in danger, "
    "call {emergency} now."
)
TAKEN = "250 2.0.0 OK"
# More messages than this from one address within FLOOD_WINDOW_S is a loop with a
# responder that ignores Auto-Submitted (a helpdesk's "we got your e-mail"), not a
# person: the rest are taken and dropped until the window has room again.
FLOOD_MESSAGES = 10
FLOOD_WINDOW_S = 600.0
MAX_SENDERS_REMEMBERED = 10_000


@dataclass
class Taken:
    """What the listener did with each message (for the tests and the log):
    kind and reason per DATA answered 250."""

    kinds: list[tuple[Kind, str]] = field(default_factory=list)


class Flood:
    """Messages per address in a moving window (``FLOOD_MESSAGES`` in
    ``FLOOD_WINDOW_S``), each Message-ID counted once (a re-delivery is not
    another message). In memory: a restart forgets, which only delays the
    next drop."""

    def __init__(
        self,
        limit: int = FLOOD_MESSAGES,
        window_s: float = FLOOD_WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window_s = window_s
        self.clock = clock
        self.seen: dict[str, dict[str, float]] = {}

    def too_many(self, address: str, message_id: str) -> bool:
        """Count ``message_id`` from ``address``; whether that makes it more
        than ``limit`` in the window."""
        now = self.clock()
        times = self.seen.pop(address, {})
        times = {mid: at for mid, at in times.items() if now - at <= self.window_s}
        times.setdefault(message_id, now)
        self.seen[address] = times  # the newest last: the oldest go first below
        while len(self.seen) > MAX_SENDERS_REMEMBERED:
            del self.seen[next(iter(self.seen))]
        return len(times) > self.limit


class _Smtp(SMTP):
    """aiosmtpd's SMTP with longer lines allowed and its fixed size-refusal
    texts replaced by one that tells the resident what to do."""

    line_length_limit = LINE_LIMIT

    def __init__(self, handler: Handler, too_big: str, **kwargs: Any) -> None:
        super().__init__(handler, **kwargs)
        self._too_big = too_big

    async def push(self, status: Any) -> None:
        if isinstance(status, str) and status.startswith("552 Error:"):
            status = self._too_big
        await super().push(status)


class Handler:
    """aiosmtpd's handler: the hooks ``handle_RCPT`` and ``handle_DATA``.
    ``addresses``: the recipients taken (the inbound address, and the From
    address, where bounces and auto-replies to forumbot's mail go)."""

    def __init__(
        self,
        addresses: Iterable[str],
        ours: Ours,
        put: Callable[[Inbound], Envelope],
        on_bounce: Callable[[tuple[str, ...]], Awaitable[None]],
        phrases: Iterable[str] = (),
        store_timeout_s: float = STORE_TIMEOUT_S,
        relays: Iterable[ipaddress.IPv4Network | ipaddress.IPv6Network] = (),
    ) -> None:
        self.addresses = [normalise_address(a) or a.lower() for a in addresses if a]
        self.ours = ours
        self.put = put
        self.on_bounce = on_bounce
        self.phrases = tuple(phrases)
        self.store_timeout_s = store_timeout_s
        self.relays = tuple(relays)
        self.flood = Flood()
        self.accepting = True
        self.taken = Taken()

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: SmtpEnvelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if not self.accepting:
            return STOPPING
        if not self._from_relay(session):
            log.warning("e-mail refused from a client that is not one of inbound.relays (550)")
            return NOT_A_RELAY
        if normalise_address(address) not in self.addresses:
            log.info("e-mail refused for a recipient that is not the inbound address (550)")
            return REFUSED_RECIPIENT.format(address=" and ".join(self.addresses))
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: SmtpEnvelope) -> str:
        if not self.accepting:
            return STOPPING
        raw = envelope.original_content or b""
        # Reading a large message (up to max_bytes) takes a while: not on the loop.
        try:
            mail, verdict = await asyncio.to_thread(self._read, raw, envelope.mail_from or "")
        except Exception:  # a fault of ours, not the sender's: keep the mail at the relay
            log.exception("an e-mail could not be read; the relay will deliver it again (451)")
            return NOT_STORED
        if verdict.kind is Kind.MESSAGE:
            assert mail.address is not None
            if not self.flood.too_many(mail.address, mail.message_id):
                return await self._message(to_inbound(mail, self.phrases))
            verdict = Verdict(
                Kind.LOOP,
                f"more than {self.flood.limit} messages from one address in "
                f"{self.flood.window_s / 60:g} minutes",
            )
        self.taken.kinds.append((verdict.kind, verdict.reason))
        if verdict.kind is Kind.BOUNCE:
            log.info("e-mail bounce taken: %s", verdict.reason)
            if verdict.failed:
                try:
                    await self.on_bounce(verdict.failed)
                except Exception:
                    log.exception("a bounce's addresses could not be suppressed; try again")
                    self.taken.kinds.pop()
                    return NOT_STORED
        else:
            log.info("e-mail taken and dropped, no reply: %s (%s)", verdict.kind, verdict.reason)
        return TAKEN

    def _from_relay(self, session: Session) -> bool:
        """Whether the client is one of ``relays`` (any, when none are given)."""
        if not self.relays:
            return True
        peer = session.peer[0] if isinstance(session.peer, tuple) else session.peer
        try:
            client = ipaddress.ip_address(str(peer))
        except ValueError:
            return False
        if isinstance(client, ipaddress.IPv6Address) and client.ipv4_mapped is not None:
            client = client.ipv4_mapped
        return any(client in network for network in self.relays)

    def _read(self, raw: bytes, mail_from: str) -> tuple[Mail, Verdict]:
        mail = read(raw, mail_from)
        return mail, classify(mail, self.ours)

    async def _message(self, event: Inbound) -> str:
        envelope = self.put(event)
        try:
            async with asyncio.timeout(self.store_timeout_s):
                await envelope.stored
        except Exception:
            log.exception("an e-mail was not stored; the relay will deliver it again (451)")
            return NOT_STORED
        self.taken.kinds.append((Kind.MESSAGE, "stored"))
        log.info("e-mail message stored")
        return TAKEN


class Listener:
    """The listening socket. ``start`` binds ``host``:``port`` (a port that
    cannot be bound raises ``StartupFailure``); ``stop_accepting`` makes every
    new recipient and message ``451``; ``close`` stops listening and drops
    the connections."""

    def __init__(
        self,
        handler: Handler,
        host: str,
        port: int,
        max_bytes: int = DEFAULT_MAX_BYTES,
        emergency: str = "999",
        hostname: str | None = None,
    ) -> None:
        self.handler = handler
        self.host = host
        self.port = port
        self.max_bytes = max_bytes
        self.too_big = TOO_BIG.format(megabytes=_megabytes(max_bytes), emergency=emergency)
        self.hostname = hostname
        self._server: asyncio.Server | None = None
        self._connections: weakref.WeakSet[SMTP] = weakref.WeakSet()

    @property
    def bound_port(self) -> int:
        """The port listened on (``port`` 0: the one the system chose)."""
        if self._server is None or not self._server.sockets:
            return self.port
        return int(self._server.sockets[0].getsockname()[1])

    def _protocol(self) -> SMTP:
        smtp = _Smtp(
            self.handler,
            self.too_big,
            data_size_limit=self.max_bytes,
            enable_SMTPUTF8=True,
            hostname=self.hostname,
            ident="forumbot",
            timeout=IDLE_TIMEOUT_S,
            loop=asyncio.get_running_loop(),
        )
        self._connections.add(smtp)
        return smtp

    async def start(self) -> None:
        logging.getLogger(AIOSMTPD_LOGGER).setLevel(logging.WARNING)
        try:
            self._server = await asyncio.get_running_loop().create_server(
                self._protocol, self.host, self.port
            )
        except OSError as error:
            raise StartupFailure(
                f"the e-mail listener cannot listen on {self.host}:{self.port} "
                f"({error.strerror or error}): free the port or set "
                "platforms.email.inbound.listen_port to another"
            ) from None
        log.info("e-mail listener on %s:%s", self.host, self.bound_port)

    def stop_accepting(self) -> None:
        self.handler.accepting = False

    async def close(self) -> None:
        self.handler.accepting = False
        server, self._server = self._server, None
        if server is not None:
            server.close()
        for smtp in list(self._connections):
            transport = smtp.transport
            if transport is not None:
                transport.close()
        self._connections.clear()
        if server is not None:
            try:
                async with asyncio.timeout(5):
                    await server.wait_closed()
            except TimeoutError:
                log.warning("the e-mail listener's connections did not all close in 5 s")


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    return f"{value:g}" if value >= 1 else f"{value:.1f}"
