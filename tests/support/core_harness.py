"""Drives the core directly: a real SQLite file, a fake clock and a sender
that records what would have gone to the platform."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.core import Core, build_core
from bot.delivery.pacing import Pace, Pacer
from bot.edge.chat import ChatRef
from bot.edge.clock import FakeClock
from bot.edge.inbound import Envelope, Inbound
from bot.edge.rich import Rich, plain
from bot.edge.sending import DeliveryError, Outgoing
from bot.store.database import Database
from bot.wording.template import Templates
from config.messages import load_messages
from config.model import Config, Forum, Officers, Room, Schedule, WebConfig

STAFF_CHAT = "-1001"
PUBLIC_CHAT = "@publicforum"
OFFICER = "11111111"
# Event keys are unique per platform for good: restarted harnesses keep counting.
_EVENT_KEYS = itertools.count(1)


def forum_config(database: str, **changes: object) -> Config:
    """One forum; ``changes`` replace fields of the Config or, failing that, of the Forum."""
    config_fields = set(Config.__dataclass_fields__) - {"database", "forums"}
    config_changes = {k: v for k, v in changes.items() if k in config_fields}
    forum_changes = {k: v for k, v in changes.items() if k not in config_fields}
    forum = Forum(
        id="bromley",
        name="Bromley Police Online Forum",
        phrases=("Bromley Police Online Forum",),
        schedule=Schedule(
            first=datetime(2026, 11, 24, 20, 0),
            rrule="FREQ=WEEKLY;INTERVAL=2",
            duration=timedelta(minutes=60),
        ),
        announce_before=(timedelta(hours=24), timedelta(hours=1)),
        staff_rooms=(Room("telegram", chat_id=int(STAFF_CHAT)),),
        public_rooms=(Room("telegram", chat_id=PUBLIC_CHAT),),
        officers=Officers(telegram=(int(OFFICER),)),
    )
    if forum_changes:
        from dataclasses import replace

        forum = replace(forum, **forum_changes)  # type: ignore[arg-type]
    config_changes.setdefault("web", WebConfig(enabled=False))
    return Config(database=database, forums=(forum,), **config_changes)  # type: ignore[arg-type]


@dataclass
class RecordingSender:
    platform: str = "telegram"
    max_length: int = 4096
    idempotent: bool = False
    max_button_rows: int = 10
    sent: list[Outgoing] = field(default_factory=list)
    fail_with: dict[str, DeliveryError] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(500))

    def measure(self, body: Rich) -> int:
        return len(plain(body))

    async def send(self, message: Outgoing) -> str:
        error = self.fail_with.get(message.chat.chat_id)
        if error is not None:
            raise error
        self.sent.append(message)
        return str(next(self._ids))


class CoreHarness:
    def __init__(self, config: Config, clock: FakeClock) -> None:
        self.config = config
        self.clock = clock
        self.sender = RecordingSender()
        self.core: Core
        self._events = _EVENT_KEYS
        self._message_ids = itertools.count(1)

    async def open(self) -> CoreHarness:
        db = Database(self.config.database)
        await db.open()
        self.core = build_core(
            self.config,
            db,
            self.clock,
            Templates(load_messages("en")),
            {"telegram": self.sender},
            {"telegram": Pacer(Pace())},
        )
        return self

    async def close(self) -> None:
        await self.core.db.close()

    # -- inbound -------------------------------------------------------------

    async def deliver(self, event: Inbound) -> None:
        envelope = Envelope(event)
        await self.core.intake.accept([envelope])
        await self.core.intake.process_pending()
        await self.core.dispatcher.flush()

    def _event(self, chat: ChatRef, sender: str, text: str, **extra: object) -> Inbound:
        command = None
        args = text
        if text.startswith("/"):
            head, _, args = text[1:].partition(" ")
            command = head.lower()
        return Inbound(
            platform="telegram",
            event_key=str(next(self._events)),
            chat=chat,
            sender_id=sender,
            text=text,
            message_id=str(next(self._message_ids)),
            command=command,
            args=args.strip() if command else "",
            **extra,  # type: ignore[arg-type]
        )

    async def resident_says(self, user: str, text: str) -> list[str]:
        before = len(self.sender.sent)
        await self.deliver(self._event(ChatRef("telegram", user, "private"), user, text))
        return [plain(m.body) for m in self.sender.sent[before:] if m.chat.chat_id == user]

    async def staff_says(
        self, text: str, user: str = OFFICER, reply_to: str | None = None
    ) -> list[str]:
        before = len(self.sender.sent)
        await self.deliver(
            self._event(
                ChatRef("telegram", STAFF_CHAT, "group"), user, text, reply_to_message_id=reply_to
            )
        )
        return [plain(m.body) for m in self.sender.sent[before:] if m.chat.chat_id == STAFF_CHAT]

    async def press(self, data: str, user: str = OFFICER) -> None:
        await self.deliver(
            Inbound(
                platform="telegram",
                event_key=str(next(self._events)),
                chat=ChatRef("telegram", STAFF_CHAT, "group"),
                sender_id=user,
                button=data,
                message_id="1",
            )
        )

    async def resident_replies(self, user: str, text: str, reply_to: str) -> list[str]:
        before = len(self.sender.sent)
        chat = ChatRef("telegram", user, "private")
        await self.deliver(self._event(chat, user, text, reply_to_message_id=reply_to))
        return [plain(m.body) for m in self.sender.sent[before:] if m.chat.chat_id == user]

    async def resident_presses(self, user: str, data: str) -> list[str]:
        before = len(self.sender.sent)
        await self.deliver(
            Inbound(
                platform="telegram",
                event_key=str(next(self._events)),
                chat=ChatRef("telegram", user, "private"),
                sender_id=user,
                button=data,
                message_id="1",
            )
        )
        return [plain(m.body) for m in self.sender.sent[before:] if m.chat.chat_id == user]

    async def tick(self) -> None:
        async with self.core.db.transaction() as tx:
            await self.core.sessions.run_due(tx, self.clock.now())
            await self.core.alerts.run_due(tx, self.clock.now())
        await self.core.dispatcher.flush()
        async with self.core.db.transaction() as tx:  # progress after the sends
            await self.core.alerts.report(tx, self.clock.now())
        await self.core.dispatcher.flush()

    # -- what was sent -------------------------------------------------------

    def texts_to(self, chat_id: str) -> list[str]:
        return [plain(m.body) for m in self.sender.sent if m.chat.chat_id == chat_id]

    def messages_to(self, chat_id: str) -> list[Outgoing]:
        return [m for m in self.sender.sent if m.chat.chat_id == chat_id]


def at(text: str) -> datetime:
    """A UTC instant from 'YYYY-MM-DD HH:MM'."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


async def harness(
    tmp_path: Path, start: str = "2026-11-20 12:00", **changes: object
) -> CoreHarness:
    config = forum_config(str(tmp_path / "forum.sqlite3"), **changes)
    return await CoreHarness(config, FakeClock(at(start))).open()
