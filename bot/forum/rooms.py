"""Rooms that change under the bot: what the forum knows of its configured
staff and public rooms beyond the configuration.

- **Moved.** A Telegram group upgraded to a supergroup gets a new id;
  Telegram names it (a service message in each chat, or an error on a send
  to the old id). From then on every send goes to the new id, waiting
  messages included, and commands from the new id count as from that room.
  The administrator is told once, in the log, which key of bot.yaml to
  change. Moves are kept in ``room_state`` so they survive a restart.
- **Unreachable.** A room the bot was removed from, or may no longer post
  in, keeps its messages waiting (never given up); it is shown on
  ``/healthz``, in the log and in the web console, and what waits is sent
  when the bot is let back in (an event from the platform, or a send that
  works again).

This is a room's state, not a resident's: private chats are not kept here.
The in-memory view is the one every lookup uses (``ForumDirectory``, the
dispatcher); each change is written in the caller's transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from bot.edge.chat import ChatRef
from bot.edge.inbound import Inbound
from bot.edge.rooms import ADDED, MOVED, REMOVED
from bot.store import room as store
from bot.store.database import Tx
from config.model import Config, Room

log = logging.getLogger("forumbot.rooms")

MAX_HOPS = 8  # moves followed from a configured id (a room moved twice is rare enough)


@dataclass(frozen=True)
class RoomProblem:
    """A room the bot cannot post in: where (``chat``, its current id),
    since when, the platform's reason, and the bot.yaml keys that name it."""

    chat: ChatRef
    since: datetime
    problem: str
    keys: tuple[str, ...]


RoomListener = Callable[[Tx, ChatRef, "RoomProblem | None", datetime], Awaitable[None]]
"""Told, in the transaction of the change, when a room becomes unreachable
(its ``RoomProblem``) or reachable again (None): officers are told."""


class Rooms:
    """The configured rooms' moves and reachability for ``config``'s forums.
    Load once at start (``load``); every change goes through the methods that
    take a transaction. Lookups never touch the database. ``on_change``: set
    by the core to tell officers when a room is lost or back."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.on_change: RoomListener | None = None
        self._moved: dict[tuple[str, str], str] = {}
        self._unreachable: dict[tuple[str, str], RoomProblem] = {}
        self._held: set[tuple[str, str]] = set()
        self._reopened: list[ChatRef] = []

    # -- lookups -----------------------------------------------------------

    def current(self, platform: str, chat_id: str) -> str:
        """The id a room has now: ``chat_id`` itself unless it moved."""
        seen = 0
        while (platform, chat_id) in self._moved and seen < MAX_HOPS:
            chat_id = self._moved[(platform, chat_id)]
            seen += 1
        return chat_id

    def current_chat(self, chat: ChatRef) -> ChatRef:
        """``chat`` at its current id (itself when it never moved)."""
        now = self.current(chat.platform, chat.chat_id)
        return chat if now == chat.chat_id else ChatRef(chat.platform, now, chat.kind)

    def ids_of(self, platform: str, address: str) -> set[str]:
        """Every id a configured room has had: its configured one, and each
        one it moved to."""
        ids = {address}
        seen = 0
        while (platform, address) in self._moved and seen < MAX_HOPS:
            address = self._moved[(platform, address)]
            ids.add(address)
            seen += 1
        return ids

    def is_room(self, chat: ChatRef) -> bool:
        """Whether ``chat`` is one of the configured staff or public rooms (at
        any of its ids, or by its public ``@name`` on Telegram)."""
        return bool(self.keys_of(chat))

    def keys_of(self, chat: ChatRef, alias: str | None = None) -> tuple[str, ...]:
        """The bot.yaml keys that name ``chat`` (``forums[0].staff_rooms[0].chat_id``),
        matching its id, any id it had, or ``alias`` (a Telegram channel's @name)."""
        wanted = {chat.chat_id.lower()}
        if alias:
            wanted.add(alias.lower())
        keys: list[str] = []
        for f, forum in enumerate(self.config.forums):
            for role, rooms in (
                ("staff_rooms", forum.staff_rooms),
                ("public_rooms", forum.public_rooms),
            ):
                for r, room in enumerate(rooms):
                    if room.platform != chat.platform:
                        continue
                    ids = {i.lower() for i in self.ids_of(room.platform, room.address)}
                    if ids & wanted:
                        keys.append(f"forums[{f}].{role}[{r}].{_id_key(room)}")
        fb = self.config.platforms.facebook
        if chat.platform == "facebook" and chat.chat_id == fb.page_id and fb.page_posts.forums:
            keys.append("platforms.facebook.page_id")  # the Page, a public room (page_posts)
        return tuple(keys)

    def configured(self, chat: ChatRef, alias: str | None = None) -> ChatRef | None:
        """The id the dispatcher sends to for the configured room ``chat``
        names (by any id it had, or by ``alias``), or None if it is none."""
        wanted = {chat.chat_id.lower()} | ({alias.lower()} if alias else set())
        for forum in self.config.forums:
            for room in (*forum.staff_rooms, *forum.public_rooms):
                if room.platform != chat.platform:
                    continue
                ids = self.ids_of(room.platform, room.address)
                if {i.lower() for i in ids} & wanted:
                    return ChatRef(
                        chat.platform, self.current(room.platform, room.address), chat.kind
                    )
        return None

    def is_held(self, chat: ChatRef) -> bool:
        """Whether sends to ``chat`` wait: the bot found in this run that it
        cannot post there, and has not been let back in."""
        return (chat.platform, chat.chat_id) in self._held

    def held(self) -> list[tuple[str, str]]:
        """The rooms whose sends wait in this run, as (platform, current id)."""
        return sorted(self._held)

    def unreachable(self) -> list[RoomProblem]:
        """Rooms the bot cannot post in, oldest problem first."""
        return sorted(self._unreachable.values(), key=lambda p: (p.since, p.chat.key))

    def moves(self) -> list[tuple[ChatRef, str, tuple[str, ...]]]:
        """Each moved room: the old id (as a group), its current id, and the
        bot.yaml keys still naming the old one."""
        found = []
        for (platform, old), _new in sorted(self._moved.items()):
            chat = ChatRef(platform, old, "group")
            keys = tuple(k for k in self._keys_naming(platform, old))
            if keys:
                found.append((chat, self.current(platform, old), keys))
        return found

    def take_reopened(self) -> list[ChatRef]:
        """Rooms let back in since the last call (the dispatcher sends what
        waits for them)."""
        reopened, self._reopened = self._reopened, []
        return reopened

    # -- changes -----------------------------------------------------------

    async def load(self, tx: Tx) -> None:
        """Read what is recorded (at start). Rooms recorded as unreachable are
        shown as such, but their messages are tried once more: the bot may
        have been let back in while forumbot was stopped."""
        self._moved.clear()
        self._unreachable.clear()
        self._held.clear()
        for row in await store.all_rooms(tx):
            if row.moved_to:
                self._moved[(row.platform, row.chat_id)] = row.moved_to
        for row in await store.all_rooms(tx):
            if row.unreachable_since is not None:
                chat = ChatRef(row.platform, row.chat_id, "group")
                self._unreachable[(row.platform, row.chat_id)] = RoomProblem(
                    chat, row.unreachable_since, row.problem or "", self.keys_of(chat)
                )
        for chat, new, keys in self.moves():
            log.warning(
                "%s room %s moved to %s: sending there; update bot.yaml: %s",
                chat.platform,
                chat.chat_id,
                new,
                ", ".join(f"{key}: {new}" for key in keys),
            )

    async def moved(self, tx: Tx, chat: ChatRef, new_id: str, now: datetime) -> bool:
        """Room ``chat`` now has the id ``new_id``: recorded, its waiting
        messages re-pointed, and (the first time) one WARNING naming the
        bot.yaml keys to change. False (nothing done) when ``chat`` is no
        configured room, or the move is known already."""
        if new_id == chat.chat_id or not self.is_room(chat):
            return False
        key = (chat.platform, chat.chat_id)
        if self._moved.get(key) == new_id:
            return False
        keys = self.keys_of(chat)
        await store.record_move(tx, chat.platform, chat.chat_id, new_id, now)
        await store.repoint_waiting(tx, chat.platform, chat.chat_id, new_id)
        self._moved[key] = new_id
        self._unreachable.pop(key, None)
        self._held.discard(key)
        log.warning(
            "%s group %s became a supergroup with id %s: sending there now, and taking its "
            "commands; update bot.yaml: %s",
            chat.platform,
            chat.chat_id,
            new_id,
            ", ".join(f"{k}: {new_id}" for k in keys),
        )
        return True

    async def cannot_post(self, tx: Tx, chat: ChatRef, problem: str, now: datetime) -> bool:
        """The bot cannot post in room ``chat`` (removed, or no permission):
        its messages wait from now on. True when this is news (logged once)."""
        key = (chat.platform, chat.chat_id)
        self._held.add(key)
        known = self._unreachable.get(key)
        since = known.since if known is not None else now
        await store.set_unreachable(tx, chat.platform, chat.chat_id, since, problem)
        keys = self.keys_of(chat)
        self._unreachable[key] = RoomProblem(chat, since, problem, keys)
        if known is not None and known.problem == problem:
            return False
        if known is None and self.on_change is not None:
            await self.on_change(tx, chat, self._unreachable[key], now)
        log.warning(
            "%s room %s (%s) cannot be reached: %s; its messages wait and are sent when the "
            "bot is let back in",
            chat.platform,
            chat.chat_id,
            ", ".join(keys) or "not in bot.yaml",
            problem,
        )
        return True

    async def can_post(self, tx: Tx, chat: ChatRef, now: datetime) -> bool:
        """The bot may post in ``chat`` again (at ``now``): what waits is
        sent. True when it had been unreachable."""
        key = (chat.platform, chat.chat_id)
        if key not in self._unreachable and key not in self._held:
            return False
        if self.on_change is not None:
            await self.on_change(tx, chat, None, now)
        await store.set_reachable(tx, chat.platform, chat.chat_id)
        self._unreachable.pop(key, None)
        self._held.discard(key)
        self._reopened.append(chat)
        log.info("%s room %s can be reached again: sending what waits", chat.platform, chat.chat_id)
        return True

    async def handle(self, tx: Tx, event: Inbound, now: datetime) -> None:
        """A room event from an adapter (``bot.edge.rooms``): a move, the bot
        removed, or let back in. Events about rooms that are not configured
        are logged and dropped."""
        chat = event.chat
        if event.room_event == MOVED and event.moved_to:
            if not await self.moved(tx, chat, event.moved_to, now) and not self.is_room(chat):
                log.info("%s chat %s moved; not a configured room", chat.platform, chat.chat_id)
            return
        target = self.configured(chat, event.sender_handle)
        if target is None:
            log.info(
                "%s chat %s: bot %s; not a configured room",
                chat.platform,
                chat.chat_id,
                event.room_event,
            )
            return
        if event.room_event == REMOVED:
            await self.cannot_post(tx, target, event.text or "the bot was removed", now)
        elif event.room_event == ADDED:
            await self.can_post(tx, target, now)

    def _keys_naming(self, platform: str, chat_id: str) -> Iterable[str]:
        for f, forum in enumerate(self.config.forums):
            for role, rooms in (
                ("staff_rooms", forum.staff_rooms),
                ("public_rooms", forum.public_rooms),
            ):
                for r, room in enumerate(rooms):
                    if room.platform == platform and room.address == chat_id:
                        yield f"forums[{f}].{role}[{r}].{_id_key(room)}"


def _id_key(room: Room) -> str:
    return "chat_id" if room.platform == "telegram" else "channel_id"
