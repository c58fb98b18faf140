"""Drives the core directly: a real SQLite file, a fake clock and a sender
that records what would have gone to the platform.

Tests take a harness from the fixtures in tests/conftest.py, which close it
at teardown, passed or failed (an open database keeps aiosqlite's threads,
which are not daemons, running): ``h`` is the default one, ``make_harness``
opens others (another start time, other settings, a restart on the same
file). Outside a test function, :func:`open_harness` is the same as an async
context manager."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
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
from forumbot.webhook import HttpHookPoster

STAFF_CHAT = "-1001"
PUBLIC_CHAT = "@publicforum"
OFFICER = "11111111"
START = "2026-11-20 12:00"
"""The harness clock's default start (UTC): days before the first session, 2026-11-24 20:00."""
DATABASE = "forum.sqlite3"
"""The database's file name in the test's directory."""
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
    """A platform's sender that keeps what it was given (``sent``) and raises,
    for a chat in ``fail_with``, that chat's DeliveryError instead (``tried``
    keeps both)."""

    platform: str = "telegram"
    max_length: int = 4096
    idempotent: bool = False
    max_button_rows: int = 10
    sent: list[Outgoing] = field(default_factory=list)
    tried: list[Outgoing] = field(default_factory=list)  # every send, refused ones too
    fail_with: dict[str, DeliveryError] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(500))

    def measure(self, body: Rich) -> int:
        return len(plain(body))

    async def send(self, message: Outgoing) -> str:
        self.tried.append(message)
        error = self.fail_with.get(message.chat.chat_id)
        if error is not None:
            raise error
        self.sent.append(message)
        return str(next(self._ids))


class CoreHarness:
    """The core built on ``config`` and ``clock``, its one platform Telegram,
    recorded by ``sender``. Not usable until :meth:`open` has returned."""

    def __init__(
        self, config: Config, clock: FakeClock, hook_urls: dict[str, str] | None = None
    ) -> None:
        self.config = config
        self.clock = clock
        self.hook_urls = hook_urls or {}
        self.slept: list[float] = []  # the webhook's back-off waits (seconds), not slept
        self.sender = RecordingSender()
        self.core: Core
        self.closed = False
        self._events = _EVENT_KEYS
        self._message_ids = itertools.count(1)

    async def open(self) -> CoreHarness:
        """Open (creating and migrating) the database and build the core;
        returns self. Raises sqlite3.Error when the file cannot be opened."""
        db = Database(self.config.database)
        await db.open()
        try:
            self.core = build_core(
                self.config,
                db,
                self.clock,
                Templates(load_messages("en")),
                {"telegram": self.sender},
                {"telegram": Pacer(Pace())},
                hook_poster=HttpHookPoster(timeout_s=5.0),
                hook_urls=self.hook_urls,
            )
            assert self.core.hooks is not None
            self.core.hooks.sleep = self._no_sleep
        except BaseException:
            await db.close()
            raise
        return self

    async def _no_sleep(self, seconds: float) -> None:
        self.slept.append(seconds)

    async def close(self) -> None:
        """Close the database (its threads end); again is a no-op."""
        if not self.closed:
            self.closed = True
            await self.core.db.close()

    # -- inbound -------------------------------------------------------------

    async def deliver(self, event: Inbound) -> None:
        """``event`` through the intake as an adapter hands it over, then every
        send it caused (recorded by ``sender``)."""
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
        """``user`` writes ``text`` (a command when it starts with "/") in a
        private chat; returns the plain texts sent to that chat in reply."""
        before = len(self.sender.sent)
        await self.deliver(self._event(ChatRef("telegram", user, "private"), user, text))
        return [plain(m.body) for m in self.sender.sent[before:] if m.chat.chat_id == user]

    async def staff_says(
        self, text: str, user: str = OFFICER, reply_to: str | None = None, **extra: object
    ) -> list[str]:
        """``user`` (the officer by default) writes ``text`` in the staff room,
        replying to the message ``reply_to`` if given (``extra``: other
        ``Inbound`` fields, e.g. ``thread_id``); returns the plain texts sent
        to the staff room afterwards (new messages: not the edits of cards
        posted before, see :meth:`edits_to`)."""
        before = len(self.sender.sent)
        chat = ChatRef("telegram", STAFF_CHAT, "group")
        await self.deliver(self._event(chat, user, text, reply_to_message_id=reply_to, **extra))
        return [
            plain(m.body)
            for m in self.sender.sent[before:]
            if m.chat.chat_id == STAFF_CHAT and m.edit_of is None
        ]

    async def press(self, data: str, user: str = OFFICER) -> None:
        """``user`` (the officer by default) presses a button carrying ``data``
        in the staff room."""
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
        """As :meth:`resident_says`, replying to the message ``reply_to``."""
        before = len(self.sender.sent)
        chat = ChatRef("telegram", user, "private")
        await self.deliver(self._event(chat, user, text, reply_to_message_id=reply_to))
        return [plain(m.body) for m in self.sender.sent[before:] if m.chat.chat_id == user]

    async def resident_presses(self, user: str, data: str) -> list[str]:
        """``user`` presses a button carrying ``data`` in their private chat;
        returns the plain texts sent to that chat in reply."""
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
        """What the scheduler does at the clock's now: sessions, newsletters,
        alerts and URGENT cards to raise again that are due, their sends, then the
        alerts' progress reports."""
        async with self.core.db.transaction() as tx:
            await self.core.sessions.run_due(tx, self.clock.now())
            await self.core.newsletters.run_due(tx, self.clock.now())
            await self.core.alerts.run_due(tx, self.clock.now())
            await self.core.escalation.run_due(tx, self.clock.now())
        await self.core.dispatcher.flush()
        assert self.core.hooks is not None
        await self.core.hooks.post_due(self.clock.now())  # webhook posts (escalations)
        await self.core.dispatcher.flush()
        async with self.core.db.transaction() as tx:  # progress after the sends
            await self.core.alerts.report(tx, self.clock.now())
        await self.core.dispatcher.flush()

    # -- what was sent -------------------------------------------------------

    def texts_to(self, chat_id: str) -> list[str]:
        """The plain text of every new message sent to ``chat_id``, oldest
        first (not the edits of messages posted before: :meth:`edits_to`)."""
        return [plain(m.body) for m in self.messages_to(chat_id)]

    def messages_to(self, chat_id: str) -> list[Outgoing]:
        """Every new message sent to ``chat_id`` (body, buttons, reply),
        oldest first; edits of messages posted before are :meth:`edits_to`."""
        return [m for m in self.sender.sent if m.chat.chat_id == chat_id and m.edit_of is None]

    def edits_to(self, chat_id: str) -> list[Outgoing]:
        """The edits of messages posted in ``chat_id`` before (``edit_of``:
        the message edited; body and buttons as they now are), oldest first."""
        return [m for m in self.sender.sent if m.chat.chat_id == chat_id and m.edit_of is not None]


def at(text: str) -> datetime:
    """A UTC instant from 'YYYY-MM-DD HH:MM'."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@asynccontextmanager
async def open_harness(
    directory: Path,
    start: str = START,
    **changes: object,
) -> AsyncIterator[CoreHarness]:
    """A harness on ``directory``/forum.sqlite3, its clock at ``start`` (UTC,
    'YYYY-MM-DD HH:MM'), ``changes`` applied as in :func:`forum_config`,
    but ``hook_urls``: the forums' escalation webhook URLs by forum id
    (``dict[str, str]``); closed on exit, also when the block raises."""
    hook_urls = changes.pop("hook_urls", None)
    assert hook_urls is None or isinstance(hook_urls, dict)
    config = forum_config(str(directory / DATABASE), **changes)
    harness = await CoreHarness(config, FakeClock(at(start)), hook_urls).open()
    try:
        yield harness
    finally:
        await harness.close()


class HarnessFactory:
    """Opens harnesses on one test's database file (the ``make_harness``
    fixture); :meth:`aclose` closes those still open. Each call is a fresh
    core on the same file: closing one and calling again is a restart."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._stack = AsyncExitStack()

    async def __call__(self, start: str = START, **changes: object) -> CoreHarness:
        """A harness as :func:`open_harness` opens it, closed by :meth:`aclose`
        unless closed before."""
        return await self._stack.enter_async_context(open_harness(self.directory, start, **changes))

    async def aclose(self) -> None:
        """Close every harness still open, the last opened first."""
        await self._stack.aclose()
