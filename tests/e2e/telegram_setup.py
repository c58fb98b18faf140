"""Shared setup for the end-to-end tests: the real app against FakeTelegram.

One forum (Bromley) whose staff room is the Telegram group ``STAFF_GROUP``, whose public
room is ``PUBLIC_CHANNEL`` and whose only officer is ``OFFICER``.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bot.edge.clock import Clock
from bot.store import outbox
from config.model import (
    Config,
    Forum,
    Officers,
    Platforms,
    Room,
    Schedule,
    TelegramConfig,
    TelegramRateLimits,
    TelegramWebhook,
    WebConfig,
)
from forumbot.app import App
from tests.fakes.telegram_server import FakeTelegram, SentMessage
from tests.support.app import running_app

STAFF_GROUP = -100200
PUBLIC_CHANNEL = "@bromleyforum"
OFFICER = 11111111
STRANGER = 22222222
RESIDENT = 5001
PHRASE = "Bromley Police Online Forum"
FORUM_NAME = "Bromley Police Online Forum"

# High enough that pacing never slows a test that isn't about pacing.
FAST = TelegramRateLimits(overall_per_s=1000.0, per_chat_per_s=1000.0, per_group_per_min=60000.0)
WAIT_S = 8.0


def first_session() -> datetime:
    """A scheduled session well away from now, so nothing scheduled fires during a test."""
    day = datetime.now() + timedelta(days=30)
    return day.replace(hour=20, minute=0, second=0, microsecond=0)


def forum() -> Forum:
    return Forum(
        id="bromley",
        name=FORUM_NAME,
        phrases=(PHRASE,),
        schedule=Schedule(
            first=first_session(),
            rrule="FREQ=WEEKLY;INTERVAL=2",
            duration=timedelta(minutes=60),
        ),
        announce_before=(timedelta(hours=24), timedelta(hours=1)),
        staff_rooms=(Room("telegram", chat_id=STAFF_GROUP),),
        public_rooms=(Room("telegram", chat_id=PUBLIC_CHANNEL),),
        officers=Officers(telegram=(OFFICER,)),
        areas=("BR1", "BR2"),
        quiet_hours=None,  # the tests run at any hour of the day
    )


def make_config(
    tmp_path: Path,
    fake: FakeTelegram,
    *,
    rate_limits: TelegramRateLimits = FAST,
    mode: str = "polling",
    webhook: TelegramWebhook | None = None,
    database: str | None = None,
    api_base_url: str | None = None,
) -> Config:
    telegram = TelegramConfig(
        api_base_url=api_base_url or fake.base_url,
        mode=mode,  # type: ignore[arg-type]
        webhook=webhook or TelegramWebhook(),
        rate_limits=rate_limits,
    )
    return Config(
        database=database or str(tmp_path / "forum.sqlite3"),
        platforms=Platforms(telegram=telegram),
        web=WebConfig(enabled=False),
        forums=(forum(),),
    )


def config_yaml(config: Config) -> str:
    """The same configuration as a YAML file for ``forumbot run --config``."""
    tg = config.platforms.telegram
    f = config.forums[0]
    assert f.schedule is not None
    limits = tg.rate_limits
    return f"""\
database: {config.database}
timezone: {config.timezone}
platforms:
  telegram:
    api_base_url: {tg.api_base_url}
    mode: {tg.mode}
    rate_limits:
      overall_per_s: {limits.overall_per_s:g}
      per_chat_per_s: {limits.per_chat_per_s:g}
      per_group_per_min: {limits.per_group_per_min:g}
web:
  enabled: false
forums:
  - id: {f.id}
    name: {f.name}
    phrases: ["{f.phrases[0]}"]
    schedule:
      first: {f.schedule.first.strftime("%Y-%m-%dT%H:%M")}
      rrule: {f.schedule.rrule}
      duration: 60m
    announce_before: [24h, 1h]
    areas: [BR1, BR2]
    quiet_hours: "off"
    staff_rooms:
      - {{platform: telegram, chat_id: {STAFF_GROUP}}}
    public_rooms:
      - {{platform: telegram, chat_id: "{PUBLIC_CHANNEL}"}}
    officers:
      telegram: [{OFFICER}]
"""


def environ(fake: FakeTelegram, **extra: str) -> dict[str, str]:
    return {"TELEGRAM_BOT_TOKEN": fake.token, **extra}


def running(
    config: Config, env: dict[str, str], clock: Clock | None = None
) -> AbstractAsyncContextManager[App]:
    """The real app on ``clock``, started in-process with a short poll timeout;
    stopped on exit (tests.support.app.running_app)."""
    return running_app(config, env, clock=clock, within_s=WAIT_S)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- what users see ------------------------------------------------------------------------


def to_chat(chat_id: int | str) -> Callable[[SentMessage], bool]:
    return lambda m: str(m.chat_id).lower() == str(chat_id).lower()


def to_chat_containing(chat_id: int | str, *needles: str) -> Callable[[SentMessage], bool]:
    same = to_chat(chat_id)
    return lambda m: same(m) and all(n in m.plain_text for n in needles)


async def ask(fake: FakeTelegram, text: str, user: int = RESIDENT, **kw: Any) -> SentMessage:
    """A resident's private message; returns the acknowledgement (or first reply)."""
    start = len(fake.sent)
    fake.private_message(user, text, **kw)
    return await fake.wait_for_sent(to_chat(user), WAIT_S, start=start)


async def card_for(fake: FakeTelegram, ref: int, start: int = 0) -> SentMessage:
    return await fake.wait_for_sent(
        to_chat_containing(STAFF_GROUP, f"Question #{ref}"), WAIT_S, start=start
    )


async def staff_says(
    fake: FakeTelegram,
    text: str,
    *expect: str,
    user: int = OFFICER,
    reply_to_message_id: int | None = None,
) -> SentMessage:
    """An officer's (or anyone's) message in the staff group; returns the bot's first
    message there afterwards that contains every one of ``expect``."""
    start = len(fake.sent)
    fake.group_message(STAFF_GROUP, user, text, reply_to_message_id=reply_to_message_id)
    return await fake.wait_for_sent(to_chat_containing(STAFF_GROUP, *expect), WAIT_S, start=start)


async def resident_status(fake: FakeTelegram, user: int = RESIDENT) -> str:
    reply = await ask(fake, "/status", user)
    return reply.plain_text


async def eventually(
    condition: Callable[[], Awaitable[bool]], within_s: float = WAIT_S, what: str = "condition"
) -> None:
    """Poll ``condition`` (every 20 ms) until it holds; fail after ``within_s`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within_s
    while not await condition():
        if loop.time() > deadline:
            raise AssertionError(f"{what} did not hold within {within_s}s")
        await asyncio.sleep(0.02)


async def outbox_settled(app: App) -> bool:
    """Nothing left to send or being sent."""
    async with app.core.db.read() as tx:
        states = await outbox.count_by_state(tx)
    return (
        not states.get("pending") and not states.get("sending") and not app.core.dispatcher.busy()
    )


def with_limits(config: Config, limits: TelegramRateLimits) -> Config:
    telegram = replace(config.platforms.telegram, rate_limits=limits)
    return replace(config, platforms=replace(config.platforms, telegram=telegram))


class Gate:
    """A TCP forwarder to the fake that can be taken down: while down nothing listens on its
    port (connections are refused) and the connections it carried are cut."""

    def __init__(self, target_port: int, port: int | None = None) -> None:
        self.target_port = target_port
        self.port = port or free_port()
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def up(self) -> None:
        if self._server is None:
            self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)

    async def down(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.close()
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()

    async def close(self) -> None:
        await self.down()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.transport.abort()
            return
        self._writers.update((writer, up_writer))
        pipes = [
            asyncio.create_task(self._pipe(reader, up_writer)),
            asyncio.create_task(self._pipe(up_reader, writer)),
        ]
        self._tasks.update(pipes)
        try:
            await asyncio.wait(pipes, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in pipes:
                task.cancel()
                self._tasks.discard(task)
            for w in (writer, up_writer):
                self._writers.discard(w)
                w.transport.abort()

    @staticmethod
    async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError, asyncio.IncompleteReadError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
