"""The dispatcher's side of rooms the bot cannot post in, or that moved: a
row addressed to its room's current id, what waits for a room the bot was
let back into, and, every ``held_rooms_every``, one waiting message of each
held room tried anyway (``bot.forum.rooms`` keeps the rooms' state; the
dispatcher sends what this gives it)."""

from __future__ import annotations

import logging
from collections.abc import Container, Mapping
from dataclasses import replace
from datetime import datetime, timedelta

from bot.edge.chat import ChatRef
from bot.edge.clock import Clock
from bot.edge.sending import Sender
from bot.forum.rooms import Rooms
from bot.store import outbox as rows
from bot.store import room as room_rows
from bot.store.database import Database
from bot.store.outbox import OutboxRow

log = logging.getLogger("forumbot.dispatcher")


class HeldRooms:
    """For the dispatcher: ``rooms`` (None: no room is followed or held),
    read from ``db`` in turn, on ``clock``; ``every``: how often a held
    room is tried again; ``senders``: the platforms on in this run (a room
    of another waits)."""

    def __init__(
        self,
        db: Database,
        rooms: Rooms | None,
        clock: Clock,
        every: timedelta,
        senders: Mapping[str, Sender],
    ) -> None:
        self.db = db
        self.rooms = rooms
        self.clock = clock
        self.every = every
        self.senders = senders
        # Held rooms ("platform:id"): when one of their messages was last tried.
        self._tried: dict[str, datetime] = {}

    def placed(self, row: OutboxRow) -> OutboxRow:
        """``row`` addressed to its room's current id (a room that moved)."""
        if self.rooms is None or row.chat.kind == "private":
            return row
        chat = self.rooms.current_chat(row.chat)
        return row if chat == row.chat else replace(row, chat=chat)

    def is_held(self, chat: ChatRef) -> bool:
        """Whether sends to ``chat`` wait (the bot cannot post there)."""
        return self.rooms is not None and self.rooms.is_held(chat)

    def tried(self, chat: ChatRef, at: datetime) -> None:
        """A message to ``chat`` was just tried (and refused): its next try
        is a whole interval away."""
        self._tried[chat.key] = at

    async def reopened(self) -> list[OutboxRow]:
        """What waits for rooms the bot was let back into, to queue again."""
        if self.rooms is None:
            return []
        found: list[OutboxRow] = []
        for chat in self.rooms.take_reopened():
            async with self.db.read_in_turn() as tx:
                ids = await room_rows.waiting_for(tx, chat.platform, chat.chat_id)
                waiting = await rows.get_many(tx, ids)
            if waiting:
                log.info("sending %s waiting message(s) to %s", len(waiting), chat.key)
            found.extend(self.placed(row) for row in waiting if row.chat.platform in self.senders)
        return found

    async def due(self, busy: Container[str]) -> list[OutboxRow]:
        """Every ``every``, one waiting message of each held room (its first
        by priority), to send anyway: the bot may have been let back in
        without an event saying so (permission given back while the gateway
        was away, an event the adapter cannot see). If it goes, the room is
        reachable again and the rest follows; if it is refused again, it
        waits as before, and nobody is told twice. A room just held waits a
        whole interval first: it was refused a moment ago. ``busy``: rooms
        (``ChatRef.key``) with a message being tried already."""
        if self.rooms is None:
            return []
        now = self.clock.now()
        held = {
            f"{platform}:{chat_id}": (platform, chat_id) for platform, chat_id in self.rooms.held()
        }
        for key in set(self._tried) - set(held):
            del self._tried[key]
        due: list[OutboxRow] = []
        for key, (platform, chat_id) in held.items():
            if platform not in self.senders or key in busy:
                continue  # off in this run, or a message is being tried already
            last = self._tried.setdefault(key, now)
            if now - last < self.every:
                continue
            self._tried[key] = now
            async with self.db.read_in_turn() as tx:
                waiting = await rows.get_many(
                    tx, await room_rows.waiting_for(tx, platform, chat_id)
                )
            if not waiting:
                continue
            first = min(waiting, key=lambda row: (row.priority, row.id))
            log.info("trying %s again with outbox=%s", key, first.id)
            due.append(first)
        return due
