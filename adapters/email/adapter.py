"""The e-mail adapter: its sender sends through the force's SMTP server;
``start`` reads the suppression list and checks the server and password;
``run`` keeps an eye on the connection for ``/healthz``."""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol

from adapters.email import links as paths
from adapters.email import store
from adapters.email.inbound import Ours
from adapters.email.links import Links
from adapters.email.listener import Handler, Listener
from adapters.email.mail import Extras, FooterItem
from adapters.email.pages import Pages
from adapters.email.sender import AuthRefused, EmailSender, SecurityMismatch
from adapters.email.store import Suppressions
from bot.core import Core, Database
from bot.edge.adapter import Wiring
from bot.edge.backoff import Backoff
from bot.edge.connection import Connection
from bot.edge.endpoint import Endpoint
from bot.edge.inbound import Envelope, Inbound
from bot.edge.pace import Pace
from bot.edge.sending import Outgoing
from bot.edge.startup import StartupFailure

log = logging.getLogger("forumbot.email")

CHECK_TIMEOUT_S = 30.0
WATCH_EVERY_S = 60.0  # a NOOP this often keeps the connection's state true on /healthz


class EmailWiring(Wiring, Protocol):
    """What e-mail needs from the root beyond any platform's wiring: the
    store (its suppression list and key), the core (its wording), and the
    web side to serve its pages."""

    @property
    def db(self) -> Database: ...

    @property
    def core(self) -> Core:
        """Built after the adapters: read from ``start`` on."""
        ...

    def serve(self, endpoint: Endpoint) -> None:
        """Have the web side serve ``endpoint``."""
        ...


class EmailAdapter:
    """The ``bot.edge.adapter.Adapter`` for e-mail."""

    platform = "email"

    def __init__(self, wiring: EmailWiring, password: str | None, link_secret: str) -> None:
        self.wiring = wiring
        self.links = Links(wiring.config.web.public_url, link_secret.encode())
        self.settings = wiring.config.platforms.email
        self.connection = Connection("email")
        self.suppressions = Suppressions()
        # The whole platform's pace; one an address is plenty (an alert is one e-mail).
        self.pace = Pace(overall_per_s=self.settings.pace, per_chat_per_s=1.0)
        self.sender = EmailSender(
            self.settings,
            password,
            self.connection,
            self.suppressions,
            wiring.db,
            self.extras,
        )
        self.pages = Pages(
            wiring.config,
            wiring.db,
            lambda: wiring.core,
            self.links,
            self.suppressions,
            wiring.clock,
        )
        self.listener = self._listener()

    def _listener(self) -> Listener | None:
        """The SMTP listener for questions by e-mail, when
        ``inbound.address`` is set (``listener.py``)."""
        inbound = self.settings.inbound
        if not inbound.address:
            return None
        config = self.wiring.config
        ours = Ours(
            addresses=frozenset({self.settings.from_address, inbound.address}),
            message_id_domain=self.settings.domain,
            list_id=self.settings.list_identifier,
        )
        phrases = [phrase for forum in config.forums for phrase in forum.phrases]
        addresses = (inbound.address, self.settings.from_address)
        handler = Handler(addresses, ours, self._put, self._bounced, phrases, relays=inbound.relays)
        return Listener(
            handler,
            inbound.listen_host,
            inbound.listen_port,
            inbound.max_bytes,
            config.contacts.emergency,
            hostname=self.settings.domain or None,
        )

    def _put(self, event: Inbound) -> Envelope:
        envelope = Envelope(event)
        self.wiring.queue.put_nowait(envelope)
        return envelope

    async def _bounced(self, failed: tuple[str, ...]) -> None:
        """A bounce report's addresses that failed for good: suppressed, as a
        5xx at sending suppresses (the DSN's own code is not kept: 550)."""
        for address in failed:
            await self.suppress(address, 550)
        log.warning("a bounce report named %s address(es) failed for good: suppressed", len(failed))

    async def extras(self, message: Outgoing) -> Extras:
        """What the message carries besides its body: the heading, and for a
        resident of the e-mail platform the links at its end (choose alerts,
        see or erase their data, and for a subscriber, stop all alerts, also
        as the List-Unsubscribe headers). An address with no resident yet (a
        confirmation) or no longer (the last e-mail after erasure) gets none."""
        core = self.wiring.core
        wording = core.wording
        address = message.chat.chat_id
        async with self.wiring.db.read() as tx:
            resident = await core.subscribers.find(tx, "email", address)
            chosen = await core.subscribers.chosen(tx, resident) if resident is not None else []
        footer: list[FooterItem] = []
        unsubscribe: str | None = None
        if resident is not None:
            token = self.links.token(resident.id, address)
            site = self.wiring.config.web.public_url
            if chosen:
                footer.append(FooterItem(wording.text("email_footer_why", site=site)))
                unsubscribe = self.links.url(paths.UNSUBSCRIBE, token)
                footer.append(FooterItem(wording.text("email_footer_unsubscribe"), unsubscribe))
            footer.append(
                FooterItem(wording.text("email_footer_manage"), self.links.url(paths.MANAGE, token))
            )
            footer.append(
                FooterItem(wording.text("email_footer_data"), self.links.url(paths.DATA, token))
            )
        return Extras(
            heading=self.settings.from_name or wording.text("email_heading"),
            options_heading=wording.text("email_options"),
            footer_heading=wording.text("email_footer_heading"),
            footer=tuple(footer),
            unsubscribe_url=unsubscribe,
            language=self.wiring.config.language,
            site=self.wiring.config.web.public_url,
        )

    async def start(self) -> None:
        """Read the suppression list, check the pages' words are all in the
        language file, then connect to the SMTP server (and log in). A
        missing word, a refused password or a ``security`` the server does
        not speak is fatal (StartupFailure); a
        server out of reach is not: sends try again, and ``run`` keeps
        trying. With questions by e-mail, the listener is bound before the
        SMTP check: a port that cannot be bound is fatal too."""
        await self.suppressions.load(self.wiring.db)
        missing = self.pages.missing_words()
        if missing:
            raise StartupFailure(
                f"config/messages/{self.wiring.config.language}.yaml lacks the subscription "
                f"pages' words {', '.join(missing)}: add them (config/messages/en.yaml has them)"
            )
        if self.listener is not None:
            await self.listener.start()
        s = self.settings
        try:
            async with asyncio.timeout(CHECK_TIMEOUT_S):
                await self.sender.connect()
        except AuthRefused as refused:
            raise StartupFailure(
                f"the SMTP server {s.host} refused the user {s.user} with the password in "
                f"{s.password_env} ({refused}): set the right password, or correct "
                "platforms.email.user (docs/email.md)"
            ) from None
        except SecurityMismatch as wrong:
            raise StartupFailure(f"{wrong} (docs/email.md)") from None
        except (TimeoutError, OSError, Exception) as error:  # aiosmtplib's errors too
            self.connection.down(error if not isinstance(error, TimeoutError) else "timeout")
            log.warning(
                "the SMTP server %s:%s could not be reached (%s); serving the other platforms "
                "and trying again",
                s.host,
                s.port,
                self.connection.problem,
            )
            return
        log.info("e-mail connected to %s:%s (%s)", s.host, s.port, s.security)

    async def run(self) -> None:
        """Every minute until cancelled: forget the addresses whose
        confirmation expired, and check the connection (a NOOP, or connect
        again with back-off while it is down)."""
        backoff = Backoff()
        while True:
            await self.sweep()
            await self.sender.check()
            if self.connection.connected:
                backoff.reset()
                await asyncio.sleep(WATCH_EVERY_S)
            else:
                await backoff.wait()

    async def sweep(self) -> int:
        """Delete the addresses waiting for a confirmation that expired; how many."""
        async with self.wiring.db.transaction() as tx:
            gone = await store.sweep_expired(tx, self.wiring.clock.now())
            if gone:
                self.wiring.db.erased()  # no old page of the WAL keeps them
        if gone:
            log.info("e-mail: %s address(es) never confirmed, forgotten", gone)
        return gone

    async def suppress(self, address: str, code: int = 550) -> None:
        """Send nothing more to ``address`` (normalised, lower case): a
        server refused it for good (``code``, its reply code). For the
        inbound side's bounce reports; the sender does the same on a 5xx.
        The resident is marked unreachable at the next send to them."""
        await self.suppressions.add(self.wiring.db, address, code, self.wiring.clock.now())

    def announce(self) -> None:
        """With questions by e-mail: the address residents write to, and
        where the relay must deliver it."""
        if self.listener is not None:
            log.info(
                "questions by e-mail: mail to %s is taken on %s:%s (the relay delivers it there)",
                self.settings.inbound.address,
                self.listener.host,
                self.listener.bound_port,
            )

    async def stop_accepting(self) -> None:
        """Mail is answered 451 from now on (the relay delivers it again
        later); the sender still works."""
        if self.listener is not None:
            self.listener.stop_accepting()

    async def close(self) -> None:
        if self.listener is not None:
            await self.listener.close()
        await self.sender.close()
