"""Subscribing and unsubscribing for a platform whose residents choose on
pages rather than with commands (e-mail: its web pages), through the same
rows as ``/subscribe``: a resident row (platform, user id = chat id) and
its ``subscription`` rows, so alerts, reminders, summaries and
consultations reach them through the same fan-out and outbox. Also their
data rights (the pages' equivalents of ``/mydata`` and ``/forget``) and the
one message such a platform sends before there is a subscriber: the
confirmation of an address.

Every method taking ``tx`` works in the caller's transaction and raises
``sqlite3.Error`` when the database fails."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime

from bot.alerts.alert import AlertType
from bot.alerts.postcode import covers, parse
from bot.delivery.outbox import Outbox
from bot.edge.chat import ChatRef
from bot.edge.rich import Rich
from bot.forum.directory import ForumDirectory
from bot.privacy.data_rights import DataRights
from bot.store import alert as alert_rows
from bot.store import resident as residents
from bot.store import subscription as subscriptions
from bot.store.database import Tx, fetch_one
from bot.store.outbox import OutboxDraft, OutboxPurpose
from bot.store.resident import Resident
from bot.wording.wording import Wording
from config.model import Forum

log = logging.getLogger("forumbot.alerts")

ALERT_TYPES: tuple[str, ...] = tuple(t.value for t in AlertType)
"""Every alert type, as stored (``reminders``, ``summaries``, ...), in the order shown."""


class Subscribers:
    """The subscription pages' way into the core."""

    def __init__(
        self, directory: ForumDirectory, wording: Wording, outbox: Outbox, rights: DataRights
    ) -> None:
        self.directory = directory
        self.wording = wording
        self.outbox = outbox
        self.rights = rights

    @property
    def forums(self) -> tuple[Forum, ...]:
        """Every configured forum, in the file's order."""
        return self.directory.forums

    def label(self, alert_type: str) -> str:
        """How residents read an alert type (``crime-prevention advice``)."""
        return self.wording.text(f"alert_type_{alert_type}")

    def covering(self, postcode: str) -> list[Forum] | None:
        """The forums covering ``postcode`` (or its first part) as
        ``/subscribe BR1 3QR`` finds them (a forum without areas covers
        everywhere); None when it is not a postcode."""
        found = parse(postcode)
        if found is None:
            return None
        return [
            f
            for f in self.directory.forums
            if not f.areas or any(covers(a, found) for a in f.areas)
        ]

    def valid_pairs(self, pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        """``pairs`` of (forum id, alert type) that name a configured forum
        and a known type, once each, in order."""
        known = {f.id for f in self.directory.forums}
        out: list[tuple[str, str]] = []
        for forum_id, alert_type in pairs:
            pair = (forum_id, alert_type)
            if forum_id in known and alert_type in ALERT_TYPES and pair not in out:
                out.append(pair)
        return out

    async def find(self, tx: Tx, platform: str, user_id: str) -> Resident | None:
        """The resident of that account, or None (never made one, or erased)."""
        row = await fetch_one(
            tx, "SELECT id FROM resident WHERE platform = ? AND user_id = ?", (platform, user_id)
        )
        return await residents.get(tx, int(row["id"])) if row is not None else None

    async def get(self, tx: Tx, resident_id: int) -> Resident | None:
        return await residents.get(tx, resident_id)

    async def chosen(self, tx: Tx, resident: Resident) -> list[tuple[str, str]]:
        """(forum id, alert type) the resident gets, sorted."""
        return await subscriptions.of_resident(tx, resident.id)

    async def subscribe(
        self, tx: Tx, platform: str, user_id: str, pairs: Iterable[tuple[str, str]], now: datetime
    ) -> Resident:
        """The account's resident (made if need be, and reachable again: they
        just confirmed it), subscribed to ``pairs`` besides what they had."""
        resident = await residents.get_or_create(tx, platform, user_id, user_id, None, now)
        added = await subscriptions.add(tx, resident.id, self.valid_pairs(pairs), now)
        log.info("subscribed on a page resident=%s added=%s", resident.pseudonym, added)
        return resident

    async def replace(
        self, tx: Tx, resident: Resident, pairs: Iterable[tuple[str, str]], now: datetime
    ) -> None:
        """The resident gets exactly ``pairs`` from now on; alerts being sent
        that they no longer want stop reaching them."""
        wanted = set(self.valid_pairs(pairs))
        for forum_id, alert_type in await subscriptions.of_resident(tx, resident.id):
            if (forum_id, alert_type) not in wanted:
                await subscriptions.remove(tx, resident.id, forum_id, alert_type)
                await alert_rows.stop_for_resident(tx, resident.id, forum_id, alert_type)
        await subscriptions.add(tx, resident.id, sorted(wanted), now)

    async def unsubscribe(self, tx: Tx, resident: Resident) -> int:
        """Every alert stopped, those being sent included; how many subscriptions ended."""
        ended = await subscriptions.remove(tx, resident.id)
        skipped = await alert_rows.stop_for_resident(tx, resident.id, None, None)
        log.info(
            "unsubscribed on a page resident=%s ended=%s waiting_alerts_skipped=%s",
            resident.pseudonym,
            ended,
            skipped,
        )
        return ended

    async def my_data(self, tx: Tx, resident: Resident) -> Rich:
        """Everything held about the resident, as ``/mydata`` tells it."""
        return await self.rights.my_data(tx, resident, self.directory.config.timezone)

    async def forget(self, tx: Tx, resident: Resident, now: datetime) -> None:
        """Erase the resident as ``/forget confirm`` does (the confirmation
        is queued to their chat)."""
        await self.rights.forget(tx, resident, "confirm", now)

    async def send_confirmation(self, tx: Tx, chat: ChatRef, body: Rich, now: datetime) -> None:
        """Queue ``body`` to ``chat``, which belongs to no resident yet (an
        address to confirm), as a ``confirmation``: no copy is kept once it
        is sent (or has failed)."""
        await self.outbox.add(tx, OutboxDraft(chat, body, OutboxPurpose.CONFIRMATION), now)
