"""Shared setup for the Discord end-to-end tests: the real app against FakeDiscord (and
FakeTelegram for the cross-platform ones).

One forum (Bromley). On Discord its staff room is the channel ``STAFF_CHANNEL`` and its public
room ``PUBLIC_CHANNEL``, both in guild ``GUILD``. Its Discord officers are authorised by the role
``OFFICER_ROLE`` only: ``OFFICER`` has that role and is not listed as a user. ``STRANGER`` is a
guild member without it. ``RESIDENT`` writes to the bot by DM.

``running`` (tests.support.app.running_app) points discord.py at the fake for the app's lifetime
and puts discord.py's class attributes (``Route.BASE``, ``DiscordWebSocket.DEFAULT_GATEWAY``) back
afterwards, so tests don't leak into each other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import replace
from pathlib import Path

from bot.store import question as questions
from bot.store.question import State
from config.model import (
    Config,
    DiscordConfig,
    Forum,
    Officers,
    Platforms,
    Room,
    TelegramConfig,
    WebConfig,
)
from forumbot.app import App
from tests.e2e import telegram_setup as tg
from tests.fakes.discord_server import FakeDiscord, SentMessage
from tests.fakes.telegram_server import FakeTelegram
from tests.support.app import running_app

GUILD = "710000000000000001"
STAFF_CHANNEL = "710000000000000010"
PUBLIC_CHANNEL = "710000000000000011"
OFFICER_ROLE = "710000000000000100"
OFFICER = "110000000000000042"  # authorised by OFFICER_ROLE only
STRANGER = "110000000000000043"  # a guild member without the role
RESIDENT = "110000000000000044"
OTHER_RESIDENT = "110000000000000045"
PHRASE = tg.PHRASE
REFUSED = "Only this forum's officers can do that. Nothing was changed."
WAIT_S = 8.0


def add_world(fake: FakeDiscord) -> None:
    """The guild with the staff and public channels and its members."""
    fake.add_guild(
        GUILD,
        "Bromley Police",
        channels={"staff": STAFF_CHANNEL, "public": PUBLIC_CHANNEL},
        roles={"officer": OFFICER_ROLE},
        members={OFFICER: [OFFICER_ROLE], STRANGER: []},
    )
    fake.add_user(RESIDENT, username="jolene_k", global_name="Jolene")
    fake.add_user(OTHER_RESIDENT, username="marcus_p", global_name="Marcus")


def discord_settings(fake: FakeDiscord) -> DiscordConfig:
    return DiscordConfig(api_base_url=fake.api_base, gateway_url=fake.gateway_url)


def forum(*, with_telegram: bool = False) -> Forum:
    """Bromley with Discord rooms, and also the Telegram rooms of ``telegram_setup``."""
    base = tg.forum()
    staff: tuple[Room, ...] = (Room("discord", channel_id=STAFF_CHANNEL),)
    public: tuple[Room, ...] = (Room("discord", channel_id=PUBLIC_CHANNEL),)
    if with_telegram:
        staff = base.staff_rooms + staff
        public = base.public_rooms + public
    return replace(
        base,
        staff_rooms=staff,
        public_rooms=public,
        officers=Officers(
            telegram=base.officers.telegram if with_telegram else (),
            discord_roles=(OFFICER_ROLE,),
        ),
    )


def make_config(tmp_path: Path, fake: FakeDiscord, telegram: FakeTelegram | None = None) -> Config:
    tg_settings = (
        TelegramConfig(api_base_url=telegram.base_url, rate_limits=tg.FAST)
        if telegram is not None
        else TelegramConfig()
    )
    return Config(
        database=str(tmp_path / "forum.sqlite3"),
        platforms=Platforms(telegram=tg_settings, discord=discord_settings(fake)),
        web=WebConfig(enabled=False),
        forums=(forum(with_telegram=telegram is not None),),
    )


def environ(
    fake: FakeDiscord | None, telegram: FakeTelegram | None = None, **extra: str
) -> dict[str, str]:
    env: dict[str, str] = {}
    if fake is not None:
        env["DISCORD_BOT_TOKEN"] = fake.token
    if telegram is not None:
        env["TELEGRAM_BOT_TOKEN"] = telegram.token
    env.update(extra)
    return env


def running(
    config: Config, env: dict[str, str], *, wait_ready: bool = True
) -> AbstractAsyncContextManager[App]:
    """The real app, started in-process; with ``wait_ready`` until discord.py is ready (the
    fake has a gateway session to deliver events to). Stopped on exit."""
    return running_app(config, env, wait_ready=wait_ready, within_s=WAIT_S)


# -- what users see ------------------------------------------------------------------------

_ESCAPE = re.compile(r"\\([\\*_~|`>#\-\[\]()])")


def plain(content: str | None) -> str:
    """A message as the user reads it: bold markers and markdown escapes removed, mention
    escapes (zero-width spaces) dropped."""
    text = (content or "").replace("\u200b", "")
    text = re.sub(r"(?<!\\)\*\*", "", text)
    return _ESCAPE.sub(r"\1", text)


def to(channel_id: str) -> Callable[[SentMessage], bool]:
    return lambda m: m.channel_id == str(channel_id)


def to_containing(channel_id: str, *needles: str) -> Callable[[SentMessage], bool]:
    same = to(channel_id)
    return lambda m: same(m) and all(n in plain(m.content) for n in needles)


def dm_of(fake: FakeDiscord, user: str = RESIDENT) -> str:
    return fake.dm_channel_id(user)


async def ask(fake: FakeDiscord, text: str, user: str = RESIDENT) -> SentMessage:
    """A resident's DM; returns the bot's first reply in that DM."""
    start = len(fake.sent)
    fake.dm(user, text)
    return await fake.wait_for_sent(to(dm_of(fake, user)), WAIT_S, start=start)


async def card_for(fake: FakeDiscord, ref: int, start: int = 0) -> SentMessage:
    return await fake.wait_for_sent(
        to_containing(STAFF_CHANNEL, f"Question #{ref}"), WAIT_S, start=start
    )


async def staff_says(
    fake: FakeDiscord,
    text: str,
    *expect: str,
    user: str = OFFICER,
    reply_to: str | None = None,
) -> SentMessage:
    """A message in the staff channel; returns the bot's first message there afterwards that
    contains every one of ``expect``."""
    start = len(fake.sent)
    fake.channel_message(STAFF_CHANNEL, user, text, reply_to=reply_to)
    return await fake.wait_for_sent(to_containing(STAFF_CHANNEL, *expect), WAIT_S, start=start)


async def resident_status(fake: FakeDiscord, user: str = RESIDENT) -> str:
    reply = await ask(fake, "!status", user)
    return plain(reply.content)


async def state_of(app: App, ref: int) -> State:
    async with app.core.db.read() as tx:
        question = await questions.get(tx, ref)
    assert question is not None
    return question.state


def assert_pings_nobody(message: SentMessage) -> None:
    """Discord would notify nobody for this message."""
    assert message.allowed_mentions is not None, message
    assert not message.allowed_mentions.get("parse"), message.allowed_mentions
    assert not message.allowed_mentions.get("users"), message.allowed_mentions
    assert not message.allowed_mentions.get("roles"), message.allowed_mentions
    assert not message.pings_everyone, message
    assert not message.pinged_role_ids, message
    assert not message.pinged_user_ids, message
