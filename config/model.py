"""Typed configuration: what one YAML file loads into.

Field names equal the YAML keys (spec §3). Every value here has been validated
by ``config.load``; nothing downstream re-checks it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from ipaddress import IPv4Network, IPv6Network
from typing import Literal

PlatformName = Literal["telegram", "discord"]


@dataclass(frozen=True)
class Contacts:
    emergency: str = "999"
    non_emergency: str = "101"
    online_report_url: str = "https://www.police.uk/pu/contact-us/"
    crimestoppers: str = "0800 555 111"
    self_harm_helpline: str = "Samaritans, free, day or night, on 116 123"


@dataclass(frozen=True)
class Limits:
    """Per resident, so one person's flood never crowds out the others."""

    questions_per_hour: int = 5
    question_length: int = 2000


@dataclass(frozen=True)
class Delivery:
    """How long a message that cannot be delivered is retried (after its first
    failed attempt) before it is given up and officers are told. A message to
    a room found still waiting at start-up that is older than this is not sent
    (it would arrive stale)."""

    residents: timedelta = timedelta(hours=24)  # private chats: answers, replies
    staff_rooms: timedelta = timedelta(hours=24)  # cards, notices, confirmations
    public_rooms: timedelta = timedelta(hours=2)  # session posts, published answers


@dataclass(frozen=True)
class TelegramRateLimits:
    overall_per_s: float = 30.0
    per_chat_per_s: float = 1.0
    per_group_per_min: float = 20.0


@dataclass(frozen=True)
class TelegramWebhook:
    listen: str = "0.0.0.0"
    port: int = 8443
    url: str = ""
    secret_env: str = "TELEGRAM_WEBHOOK_SECRET"


@dataclass(frozen=True)
class TelegramConfig:
    token_env: str = "TELEGRAM_BOT_TOKEN"
    api_base_url: str = "https://api.telegram.org"
    mode: Literal["polling", "webhook"] = "polling"
    webhook: TelegramWebhook = field(default_factory=TelegramWebhook)
    rate_limits: TelegramRateLimits = field(default_factory=TelegramRateLimits)


@dataclass(frozen=True)
class DiscordConfig:
    token_env: str = "DISCORD_BOT_TOKEN"
    api_base_url: str = "https://discord.com/api/v10"
    gateway_url: str | None = None
    command_prefix: str = "!"


@dataclass(frozen=True)
class Platforms:
    telegram: TelegramConfig = field(default_factory=TelegramConfig)
    discord: DiscordConfig = field(default_factory=DiscordConfig)


@dataclass(frozen=True)
class Schedule:
    first: datetime  # naive local wall-clock time in ``timezone``
    rrule: str | None = None
    duration: timedelta = timedelta(minutes=60)
    timezone: str | None = None  # None: the top-level timezone


@dataclass(frozen=True)
class Room:
    """A staff or public room. ``chat_id`` is a Telegram chat id (int) or
    ``@channelname``; ``channel_id`` a Discord channel snowflake as text."""

    platform: PlatformName
    chat_id: int | str | None = None
    channel_id: str | None = None
    duty_role_id: str | None = None  # Discord staff rooms: the role pinged on URGENT

    @property
    def address(self) -> str:
        """The platform's id for the room, as text."""
        value = self.chat_id if self.platform == "telegram" else self.channel_id
        return str(value)


@dataclass(frozen=True)
class Officers:
    telegram: tuple[int, ...] = ()
    discord_users: tuple[str, ...] = ()
    discord_roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuietHours:
    """Local wall-clock times in the forum's zone; non-urgent alerts due in
    between wait until ``end``. ``start`` after ``end`` spans midnight."""

    start: time = time(21, 0)
    end: time = time(8, 0)


@dataclass(frozen=True)
class Forum:
    id: str
    name: str
    phrases: tuple[str, ...]
    schedule: Schedule | None = None
    announce_before: tuple[timedelta, ...] = (timedelta(hours=24), timedelta(hours=1))
    staff_rooms: tuple[Room, ...] = ()
    public_rooms: tuple[Room, ...] = ()
    officers: Officers = field(default_factory=Officers)
    # Postcode areas, districts or sectors the forum covers ("BR", "BR1", "BR6 7"),
    # upper case, one space before a sector's digit.
    areas: tuple[str, ...] = ()
    quiet_hours: QuietHours | None = field(default_factory=QuietHours)


@dataclass(frozen=True)
class StaffAccount:
    """An officer who signs in to the web console. ``password_hash`` is what
    ``forumbot hash-password`` printed; ``forums`` empty means every forum."""

    username: str
    password_hash: str
    forums: tuple[str, ...] = ()


@dataclass(frozen=True)
class WebConfig:
    """The web side: resident chat, officer console, public archive."""

    enabled: bool = True
    listen: str = "127.0.0.1"
    port: int = 8080
    public_url: str = ""  # the address residents use; "" = http://listen:port
    # Reverse proxies whose X-Forwarded-For/-Proto/-Host are believed; empty = none.
    trusted_proxies: tuple[IPv4Network | IPv6Network, ...] = ()
    staff_accounts: tuple[StaffAccount, ...] = ()
    staff_secret_env: str = "FORUMBOT_STAFF_SECRET"


@dataclass(frozen=True)
class Config:
    database: str = "forumbot.sqlite3"
    timezone: str = "Europe/London"
    language: str = "en"
    contacts: Contacts = field(default_factory=Contacts)
    retention: timedelta = timedelta(days=90)
    limits: Limits = field(default_factory=Limits)
    delivery: Delivery = field(default_factory=Delivery)
    platforms: Platforms = field(default_factory=Platforms)
    web: WebConfig = field(default_factory=WebConfig)
    forums: tuple[Forum, ...] = ()

    def forum(self, forum_id: str) -> Forum:
        for forum in self.forums:
            if forum.id == forum_id:
                return forum
        raise KeyError(forum_id)

    def zone_of(self, forum: Forum) -> str:
        if forum.schedule is not None and forum.schedule.timezone:
            return forum.schedule.timezone
        return self.timezone
