"""Typed configuration: what one YAML file loads into, and how each key is read.

Field names equal the YAML keys (spec §3). These are plain frozen dataclasses;
``config.load`` has pydantic validate the YAML into them, each value through
the parser its annotation names (``config.scalar``), every section forbidding
unknown keys. A key without a default is required: its ``Hint`` completes
"required key is missing; ...". A list's ``Example`` completes "expected a
list, e.g. ...". A field that may be None keeps one parser over the whole
type (``Annotated[str | None, PlainValidator(...)]``): ``Text | None`` would
let pydantic take a null without asking the parser, which refuses it. Every
value here has been validated; nothing downstream re-checks it. Code that
builds these objects itself (tests, defaults) is not validated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time, timedelta
from typing import Annotated, ClassVar, Final, Literal

from pydantic import AfterValidator, ConfigDict, PlainValidator

from config import scalar
from config.scalar import (
    CommandPrefix,
    Duration,
    EmailAddress,
    FacebookId,
    Flag,
    GatewayUrl,
    GraphVersion,
    HookFormat,
    Host,
    HttpsUrl,
    HttpUrl,
    Language,
    Listen,
    ListId,
    LocalDateTime,
    Mode,
    OptionalText,
    PasswordHash,
    Phrase,
    Platform,
    Port,
    PositiveInt,
    PositiveNumber,
    PostcodeArea,
    Proxy,
    PublicUrl,
    Relay,
    SmtpSecurity,
    Snowflake,
    TelegramUser,
    Text,
    Username,
    Zone,
)

PlatformName = Literal["telegram", "discord"]


class _Section:
    """A mapping in the file: an unknown key in it is a problem, never ignored."""

    __pydantic_config__: ClassVar[ConfigDict] = ConfigDict(extra="forbid")


@dataclass(frozen=True)
class Hint:
    """How to give a required key that is missing."""

    text: str


@dataclass(frozen=True)
class Example:
    """A list written as it should be, for a value that is not a list."""

    text: str


def _at_least_one(message: str) -> AfterValidator:
    def check(items: tuple[object, ...]) -> tuple[object, ...]:
        if not items:
            raise scalar.Invalid(message)
        return items

    return AfterValidator(check)


def _quiet_hours(value: object) -> QuietHours | None:
    span = scalar.quiet_hours(value)
    return None if span is None else QuietHours(*span)


@dataclass(frozen=True)
class Contacts(_Section):
    emergency: Text = "999"
    non_emergency: Text = "101"
    online_report_url: HttpUrl = "https://www.police.uk/pu/contact-us/"
    crimestoppers: Text = "0800 555 111"
    self_harm_helpline: Text = "Samaritans, free, day or night, on 116 123"


@dataclass(frozen=True)
class Limits(_Section):
    """Per resident, so one person's flood never crowds out the others."""

    questions_per_hour: PositiveInt = 5
    question_length: PositiveInt = 2000


@dataclass(frozen=True)
class Delivery(_Section):
    """How long a message that cannot be delivered is retried (after its first
    failed attempt) before it is given up and officers are told. A message to
    a room found still waiting at start-up that is older than this is not sent
    (it would arrive stale)."""

    residents: Duration = timedelta(hours=24)  # private chats: answers, replies
    staff_rooms: Duration = timedelta(hours=24)  # cards, notices, confirmations
    public_rooms: Duration = timedelta(hours=2)  # session posts, published answers
    # A room the bot cannot post in: how often one of its waiting messages is tried.
    held_rooms_retry: Duration = timedelta(minutes=5)


@dataclass(frozen=True)
class TelegramRateLimits(_Section):
    overall_per_s: PositiveNumber = 30.0
    per_chat_per_s: PositiveNumber = 1.0
    per_group_per_min: PositiveNumber = 20.0


@dataclass(frozen=True)
class TelegramWebhook(_Section):
    listen: Text = "0.0.0.0"
    port: Port = 8443
    url: HttpsUrl = ""
    secret_env: Annotated[str, PlainValidator(scalar.env_name("TELEGRAM_WEBHOOK_SECRET"))] = (
        "TELEGRAM_WEBHOOK_SECRET"
    )


@dataclass(frozen=True)
class TelegramConfig(_Section):
    token_env: Annotated[str, PlainValidator(scalar.env_name("TELEGRAM_BOT_TOKEN"))] = (
        "TELEGRAM_BOT_TOKEN"
    )
    api_base_url: HttpUrl = "https://api.telegram.org"
    mode: Mode = "polling"
    webhook: TelegramWebhook = field(default_factory=TelegramWebhook)
    rate_limits: TelegramRateLimits = field(default_factory=TelegramRateLimits)


@dataclass(frozen=True)
class DiscordConfig(_Section):
    token_env: Annotated[str, PlainValidator(scalar.env_name("DISCORD_BOT_TOKEN"))] = (
        "DISCORD_BOT_TOKEN"
    )
    api_base_url: HttpUrl = "https://discord.com/api/v10"
    gateway_url: GatewayUrl = None
    command_prefix: CommandPrefix = "!"


@dataclass(frozen=True)
class FacebookRateLimits(_Section):
    """Meta's published Send API limit: 300 calls a second per Page for
    text; a single thread may be limited sooner (one a second here)."""

    overall_per_s: PositiveNumber = 300.0
    per_chat_per_s: PositiveNumber = 1.0


PageAnswers = Annotated[
    Literal["comments", "posts"], PlainValidator(scalar.either("comments", "posts"))
]


@dataclass(frozen=True)
class FacebookPagePosts(_Section):
    """What the public sees on the Page (docs/facebook.md, "On the Page").
    ``forums``: the ids of the forums whose public posts go on the Page
    (session openings, reminders, published answers, closings; none when
    empty); each must be a configured forum (``config.checks``).
    ``answers``: ``comments`` (a post per session, each published answer
    and the closing a comment on it) or ``posts`` (a post for each)."""

    forums: Annotated[tuple[Text, ...], Example("[bromley]")] = ()
    answers: PageAnswers = "comments"


@dataclass(frozen=True)
class FacebookConfig(_Section):
    """A Facebook Page's Messenger (docs/facebook.md). On when the variable
    ``page_token_env`` names is set; then ``page_id`` and the variables
    ``app_secret_env`` and ``verify_token_env`` name are needed too (checked
    by ``check-config`` and at start), and the web side must be on: the
    webhook is served there, at ``/facebook/webhook``."""

    page_id: FacebookId = ""
    page_token_env: Annotated[str, PlainValidator(scalar.env_name("FACEBOOK_PAGE_TOKEN"))] = (
        "FACEBOOK_PAGE_TOKEN"
    )
    app_secret_env: Annotated[str, PlainValidator(scalar.env_name("FACEBOOK_APP_SECRET"))] = (
        "FACEBOOK_APP_SECRET"
    )
    verify_token_env: Annotated[str, PlainValidator(scalar.env_name("FACEBOOK_VERIFY_TOKEN"))] = (
        "FACEBOOK_VERIFY_TOKEN"
    )
    api_base_url: HttpUrl = "https://graph.facebook.com"
    api_version: GraphVersion = "v21.0"
    # Meta approved the app for the HUMAN_AGENT tag (App Review): an
    # officer-written answer may then go up to 7 days after the resident's
    # last message, not only 24 hours (docs/decisions.md, "Messenger's window").
    human_agent_approved: Flag = False
    rate_limits: FacebookRateLimits = field(default_factory=FacebookRateLimits)
    page_posts: FacebookPagePosts = field(default_factory=FacebookPagePosts)


@dataclass(frozen=True)
class EmailInbound(_Section):
    """Questions by e-mail (docs/email.md, "Questions by e-mail"; the inbound
    side's keys): the SMTP listener the force's mail relay forwards residents'
    mail to, on ``listen_host``:``listen_port``, taking mail for ``address``
    only (empty: no questions by e-mail). ``max_bytes``: a message larger
    than this is refused (552) with what to do instead. ``relays``: the
    clients allowed to deliver (any other is refused 550 5.7.1)."""

    listen_host: Listen = "127.0.0.1"
    listen_port: Port = 2525
    address: EmailAddress = ""
    max_bytes: PositiveInt = 10 * 1024 * 1024
    # Who may deliver (the force's relays: addresses or networks); empty: any
    # client that can reach listen_host (keep it on 127.0.0.1 or firewalled).
    relays: Annotated[tuple[Relay, ...], Example("[10.0.0.25]")] = ()


@dataclass(frozen=True)
class EmailConfig(_Section):
    """E-mail (docs/email.md). On when ``host`` is set: alerts, reminders,
    summaries and consultations to residents who subscribed on the web site,
    sent through that SMTP server; then ``from_address`` is needed too, and
    the password, when ``user`` is given, is read only from the variable
    ``password_env`` names, the links' secret from ``link_secret_env``'s, and
    the web side must be on with its ``public_url`` (the subscription pages
    and every e-mail's links are there): checked by ``check-config`` and at
    start.
    ``security``: ``starttls`` (port 587, the usual), ``tls`` (port 465) or
    ``none`` (a relay on this machine or network only). ``pace``: messages a
    second at most, the whole platform. ``list_id``: the List-Id every
    message carries (empty: ``alerts.`` and the From address's domain)."""

    host: Host = ""
    port: Port = 587
    security: SmtpSecurity = "starttls"
    user: OptionalText = ""
    password_env: Annotated[str, PlainValidator(scalar.env_name("FORUMBOT_SMTP_PASSWORD"))] = (
        "FORUMBOT_SMTP_PASSWORD"
    )
    from_address: EmailAddress = ""
    from_name: OptionalText = ""
    list_id: ListId = ""
    pace: PositiveNumber = 10.0
    # Seconds to wait for the server's answer to each step before giving up on it.
    timeout_s: PositiveNumber = 30.0
    # The variable holding the secret that signs the links in every e-mail
    # (unsubscribe, choose alerts, see or erase your data): 16 characters or more.
    link_secret_env: Annotated[
        str, PlainValidator(scalar.env_name("FORUMBOT_EMAIL_LINK_SECRET"))
    ] = "FORUMBOT_EMAIL_LINK_SECRET"
    # How long the link that confirms a new subscriber's address works.
    confirm_within: Duration = timedelta(hours=48)
    inbound: EmailInbound = field(default_factory=EmailInbound)

    @property
    def domain(self) -> str:
        """The From address's domain (``forum.example.police.uk``)."""
        return self.from_address.rpartition("@")[2]

    @property
    def list_identifier(self) -> str:
        """The List-Id's identifier: ``list_id``, else ``alerts.<domain>``."""
        return self.list_id or f"alerts.{self.domain}"


@dataclass(frozen=True)
class Platforms(_Section):
    telegram: TelegramConfig = field(default_factory=TelegramConfig)
    discord: DiscordConfig = field(default_factory=DiscordConfig)
    facebook: FacebookConfig = field(default_factory=FacebookConfig)
    email: EmailConfig = field(default_factory=EmailConfig)


@dataclass(frozen=True)
class Schedule(_Section):
    """``rrule`` is checked against the others by ``config.checks``."""

    # naive local wall-clock time in ``timezone``
    first: Annotated[
        LocalDateTime,
        Hint("give the local time of the first session, e.g. first: 2026-11-24T20:00"),
    ]
    rrule: Annotated[str | None, PlainValidator(scalar.text)] = None
    duration: Duration = timedelta(minutes=60)
    # None: the top-level timezone
    timezone: Annotated[str | None, PlainValidator(scalar.zone)] = None


@dataclass(frozen=True)
class Room(_Section):
    """A staff or public room. ``chat_id`` is a Telegram chat id (int) or
    ``@channelname``; ``channel_id`` a Discord channel snowflake as text. The
    platform's own id key is required (``config.checks``); the other's is refused."""

    platform: Annotated[Platform, Hint("give platform: telegram or platform: discord")]
    chat_id: Annotated[
        int | str | None, PlainValidator(scalar.room_id("telegram", scalar.telegram_chat))
    ] = None
    channel_id: Annotated[
        str | None, PlainValidator(scalar.room_id("discord", scalar.snowflake))
    ] = None
    # Discord staff rooms: the role pinged on URGENT
    duty_role_id: Annotated[str | None, PlainValidator(scalar.duty_role)] = None

    @property
    def address(self) -> str:
        """The platform's id for the room, as text."""
        value = self.chat_id if self.platform == "telegram" else self.channel_id
        return str(value)


@dataclass(frozen=True)
class Officers(_Section):
    telegram: Annotated[tuple[TelegramUser, ...], Example("[11111111, 22222222]")] = ()
    discord_users: Annotated[tuple[Snowflake, ...], Example('["333333333333333333"]')] = ()
    discord_roles: Annotated[tuple[Snowflake, ...], Example('["444444444444444444"]')] = ()


@dataclass(frozen=True)
class QuietHours:
    """Local wall-clock times in the forum's zone; non-urgent alerts due in
    between wait until ``end``. ``start`` after ``end`` spans midnight."""

    start: time = time(21, 0)
    end: time = time(8, 0)


@dataclass(frozen=True)
class Escalation(_Section):
    """What happens to an URGENT card no officer marks "Seen": ``after`` it
    was posted it is raised again in every staff room of the forum (once),
    and, when ``webhook_url_env`` names an environment variable, posted to
    that incoming webhook (the force's control room) in ``format``: ``teams``
    (a Microsoft Teams MessageCard) or ``slack`` (``{"text": ...}``). The URL
    is a secret: only ever read from the environment, masked in logs."""

    after: Duration = timedelta(minutes=10)
    webhook_url_env: Annotated[
        str | None, PlainValidator(scalar.optional_env_name("FORUMBOT_ESCALATION_WEBHOOK"))
    ] = None
    format: HookFormat = "teams"


_ROOMS: Final = Example("[{platform: telegram, chat_id: -1001234567890}]")
_NAME: Final = Hint("give the forum's name, e.g. name: Bromley Police Online Forum")
_PHRASES: Final = Example('["Bromley Police Online Forum"]')
_SOME_PHRASE: Final = _at_least_one(f"at least one phrase is needed, e.g. {_PHRASES.text}")


@dataclass(frozen=True)
class Forum(_Section):
    """Ids, phrases and rooms are checked across forums by ``config.checks``."""

    id: Annotated[
        str, PlainValidator(scalar.forum_id), Hint("give the forum a short id such as id: bromley")
    ]
    name: Annotated[Text, _NAME]
    phrases: Annotated[
        tuple[Phrase, ...],
        _SOME_PHRASE,
        Hint('give the phrase residents start with, e.g. phrases: ["Bromley Police"]'),
        _PHRASES,
    ]
    schedule: Schedule | None = None
    announce_before: Annotated[tuple[Duration, ...], Example("[24h, 1h]")] = (
        timedelta(hours=24),
        timedelta(hours=1),
    )
    staff_rooms: Annotated[tuple[Room, ...], _ROOMS] = ()
    public_rooms: Annotated[tuple[Room, ...], _ROOMS] = ()
    officers: Officers = field(default_factory=Officers)
    # Postcode areas, districts or sectors the forum covers ("BR", "BR1", "BR6 7"),
    # upper case, one space before a sector's digit.
    areas: Annotated[tuple[PostcodeArea, ...], Example('[BR1, BR2, "BR6 7"]')] = ()
    quiet_hours: Annotated[QuietHours | None, PlainValidator(_quiet_hours)] = field(
        default_factory=QuietHours
    )
    # Whether officers see the photos residents send with a question: not_shown
    # (the default: only the card's line that one was sent), or
    # copied_to_staff_rooms (Telegram to Telegram only: the platform copies the
    # message; forumbot never downloads or stores it). docs/privacy.md.
    resident_photos: scalar.ResidentPhotos = "not_shown"
    # URGENT cards no officer marks "Seen": raised again after `after`, and
    # sent to a webhook (docs/safeguarding.md, "Seen and escalation").
    escalation: Escalation = field(default_factory=Escalation)


@dataclass(frozen=True)
class StaffAccount(_Section):
    """An officer who signs in to the web console. ``password_hash`` is what
    ``forumbot hash-password`` printed; ``forums`` empty means every forum
    (each must be a configured forum: ``config.checks``)."""

    username: Annotated[Username, Hint("e.g. username: jsmith")]
    password_hash: Annotated[PasswordHash, Hint("make one with: forumbot hash-password")]
    forums: Annotated[tuple[Text, ...], Example("[bromley]")] = ()


@dataclass(frozen=True)
class NewResidents(_Section):
    """How many new residents the web chat takes (a new resident: a browser
    whose first message this is). Past either limit the message is refused
    with a page that says when to try again, the emergency numbers always
    shown; residents who have written before are never limited here."""

    # from one address (an IPv6 visitor: its /64 network), in any hour
    per_address_per_hour: PositiveInt = 10
    # for the whole site, in any minute
    per_minute: PositiveInt = 60


@dataclass(frozen=True)
class WebConfig(_Section):
    """The web side: resident chat, officer console, public archive."""

    enabled: Flag = True
    listen: Listen = "127.0.0.1"
    port: Port = 8080
    # the address residents use; "" = http://listen:port
    public_url: PublicUrl = ""
    # Reverse proxies whose X-Forwarded-For/-Proto/-Host are believed; empty = none.
    trusted_proxies: Annotated[tuple[Proxy, ...], Example('[127.0.0.1, "::1"]')] = ()
    staff_accounts: Annotated[
        tuple[StaffAccount, ...],
        Example('[{username: jsmith, password_hash: "scrypt$..."}]'),
    ] = ()
    staff_secret_env: Annotated[str, PlainValidator(scalar.env_name("FORUMBOT_STAFF_SECRET"))] = (
        "FORUMBOT_STAFF_SECRET"
    )
    new_residents: NewResidents = field(default_factory=NewResidents)


@dataclass(frozen=True)
class Config(_Section):
    database: Text = "forumbot.sqlite3"
    timezone: Zone = "Europe/London"
    language: Language = "en"
    contacts: Contacts = field(default_factory=Contacts)
    retention: Duration = timedelta(days=90)
    limits: Limits = field(default_factory=Limits)
    delivery: Delivery = field(default_factory=Delivery)
    platforms: Platforms = field(default_factory=Platforms)
    web: WebConfig = field(default_factory=WebConfig)
    forums: Annotated[
        tuple[Forum, ...],
        _at_least_one("at least one forum is needed"),
        Example("a list of forums, each starting with '- id: ...'"),
    ] = ()

    def forum(self, forum_id: str) -> Forum:
        for forum in self.forums:
            if forum.id == forum_id:
                return forum
        raise KeyError(forum_id)

    def zone_of(self, forum: Forum) -> str:
        if forum.schedule is not None and forum.schedule.timezone:
            return forum.schedule.timezone
        return self.timezone
