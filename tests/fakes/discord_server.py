"""A fake Discord (REST API + gateway websocket) for end-to-end tests.

The real ``discord.py`` client talks to it over HTTP and a websocket on 127.0.0.1.
discord.py keeps both addresses as class attributes, which is all that has to change::

    async with FakeDiscord() as fake:
        fake.add_guild(GUILD, "Police", channels={"staff": STAFF}, roles={"officer": ROLE},
                       members={OFFICER: [ROLE]})
        with fake.patch_discord_py():           # Route.BASE + DiscordWebSocket.DEFAULT_GATEWAY
            client = discord.Client(intents=intents, guild_ready_timeout=0.05)
            async with client:
                task = asyncio.create_task(client.start(fake.token))
                await asyncio.wait_for(client.wait_until_ready(), 10)
                fake.dm(USER, "hello")
                ...
                await client.close()
                await task

Without the context manager (e.g. with pytest's ``monkeypatch``), the two settings are::

    discord.http.Route.BASE = fake.api_base              # http://127.0.0.1:PORT/api/v10
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)

How discord.py 2.7 finds its endpoints (checked against its source):

* REST: every request, including interaction callbacks and webhook follow-ups, builds its URL
  from ``discord.http.Route.BASE`` when the ``Route`` is created.
* Gateway: a plain ``discord.Client`` never asks ``GET /gateway/bot``; it connects to
  ``DiscordWebSocket.DEFAULT_GATEWAY`` (and there is no ``Client(gateway=...)`` option).
  Only ``AutoShardedClient`` uses the ``url`` of ``/gateway/bot`` (served here too).  After
  READY it resumes at READY's ``resume_gateway_url`` (this server's URL), and after an
  INVALID_SESSION (op 9, ``d: false``) it falls back to ``DEFAULT_GATEWAY`` again - so the
  class attribute has to stay patched for the whole test.
* It appends ``?v=10&encoding=json&compress=zlib-stream`` (``zstd-stream`` when zstandard is
  available) to the gateway URL.  It only decompresses *binary* frames, so this server sends
  plain JSON text frames and ignores the ``compress`` parameter (it is recorded in
  :attr:`FakeDiscord.gateway_connections`).

Gotchas found in discord.py (and mirrored here):

* Responses are parsed as JSON only when ``Content-Type`` is exactly ``application/json``
  (``aiohttp.web.json_response`` adds ``; charset=utf-8`` and would turn every body into a str).
* A 429 is retried only if the response carries a ``Via`` header; without it discord.py
  assumes a Cloudflare ban and raises ``HTTPException``.  The fake sends ``Via: 1.1 google``.
* discord.py always sends a ``nonce`` with ``enforce_nonce: true`` (a random one if none is
  given), so the nonce de-duplication below is always active.
* A wrong token fails at ``GET /users/@me`` (401 -> ``discord.LoginFailure``); a wrong token in
  IDENTIFY closes the gateway with 4004, which discord.py raises as ``ConnectionClosed``.
* A non-initial IDENTIFY (after an invalidated session) sleeps 5 s in discord.py's
  ``before_identify_hook``; a RESUME does not.  :meth:`FakeDiscord.drop_connection` keeps the
  session resumable, so reconnects in tests are fast.
* ``guild_ready_timeout`` (default 2 s) is how long discord.py waits after the last
  GUILD_CREATE before dispatching ``ready``: pass a small value in tests.
* Interaction payloads need ``attachment_size_limit`` or discord.py raises ``KeyError``.
* ``Client.close()`` asks for close code 1000, but while its poll loop is reading, aiohttp lets
  that loop's own ``close(code=4000)`` win, so 4000 goes on the wire: Discord (and the fake)
  keep the session resumable.  Events dispatched between ``close()`` and the next IDENTIFY are
  lost to the new session.

Discord behaviour that the fake reproduces because a bot's correctness depends on it:

* ``POST /channels/{id}/messages`` with ``nonce`` + ``enforce_nonce``: a repeated nonce in the
  same channel within :attr:`FakeDiscord.nonce_window_s` returns the earlier message instead of
  creating a new one.  Content over 2000 code points (Discord counts code points, not
  UTF-16 units: an emoji is one), empty messages, too many embeds/buttons
  and invalid buttons are rejected like Discord does (400, code 50035/50006).
* The bot's own messages are echoed back as MESSAGE_CREATE (so ``on_message`` sees them).
* Gateway events are filtered by the IDENTIFY intents; without MESSAGE_CONTENT, guild messages
  that don't mention the bot arrive with empty content.  Privileged intents can be refused
  (:attr:`FakeDiscord.privileged_intents_enabled`, close code 4014).
* A dropped connection keeps its session: events dispatched meanwhile are queued and replayed
  after RESUME, followed by RESUMED.  A client that closes with 1000/1001 ends its session;
  other sessions stay resumable until :meth:`FakeDiscord.expire_sessions`.  A new IDENTIFY
  starts a new session, so events queued for an old one are lost, as on Discord.
* Permissions: roles' bits (``set_role_permissions``, GUILD_ROLE_UPDATE), the bot's roles
  (``set_member_roles``) and channels' ``permission_overwrites`` (``set_permission_overwrite``,
  CHANNEL_UPDATE) decide what the bot may do, computed as Discord does
  (``channel_permissions``); a send without VIEW_CHANNEL is refused 403 50001 "Missing Access",
  without SEND_MESSAGES 403 50013 "Missing Permissions".
* An interaction must be answered once, within :attr:`FakeDiscord.interaction_ack_timeout_s`
  of its delivery (else 404 code 10062); a second answer gets 400 code 40060.
  :meth:`FakeDiscord.still_thinking` lists deferred ones whose response was never sent.
* Application commands: ``PUT /applications/{app}/commands`` (global) and
  ``PUT /applications/{app}/guilds/{guild}/commands`` replace the scope's commands after
  validating them as Discord does (names of 1-32 lower-case letters, digits, ``-`` and ``_``,
  descriptions 1-100 characters, options' types and order, unique names, at most 100), else
  400 code 50035 with the field errors; a guild in :attr:`FakeDiscord.no_commands_scope` (the
  bot invited without ``applications.commands``) answers 403 code 50001 Missing Access.
  :meth:`FakeDiscord.slash_command` uses one as a member's client would: only a command
  registered for that place (a guild's, or a global one whose ``contexts`` allow it there),
  with its required options.

Faults can be injected with :meth:`FakeDiscord.fail_next` and :attr:`FakeDiscord.closed_dms`.
Helpers that dispatch gateway events raise ``RuntimeError`` if no gateway session could ever
receive them (Discord would drop them), unless :attr:`FakeDiscord.drop_undeliverable` is set.

All helpers are meant to be called from the event loop that runs the server (not thread-safe).
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import datetime as dtm
import hashlib
import json
import math
import re
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import discord
import discord.gateway
import discord.http
import yarl
from aiohttp import web

from tests.fakes.server import HOST, FakeServer

__all__ = [
    "API_VERSION",
    "BOT_USER_ID",
    "DEFAULT_TOKEN",
    "EVERYONE_PERMISSIONS",
    "INTENT_DIRECT_MESSAGES",
    "INTENT_GUILDS",
    "INTENT_GUILD_MEMBERS",
    "INTENT_GUILD_MESSAGES",
    "INTENT_MESSAGE_CONTENT",
    "MAX_CONTENT_LENGTH",
    "SEND_MESSAGES",
    "VIEW_CHANNEL",
    "FakeDiscord",
    "Fault",
    "GatewayConnection",
    "InteractionCallback",
    "RecordedRequest",
    "SentMessage",
]

JSONDict = dict[str, Any]

DEFAULT_TOKEN = "fake-discord-token"
BOT_USER_ID = "900000000000000001"
BOT_USERNAME = "forumbot"
API_VERSION = 10
MAX_CONTENT_LENGTH = 2000
MAX_NONCE_LENGTH = 25
HEARTBEAT_INTERVAL_MS = 41250
NONCE_WINDOW_S = 300.0
INTERACTION_ACK_TIMEOUT_S = 3.0
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024
DISCORD_EPOCH_MS = 1420070400000

INTENT_GUILDS = 1 << 0
INTENT_GUILD_MEMBERS = 1 << 1
INTENT_GUILD_PRESENCES = 1 << 8
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_DIRECT_MESSAGES = 1 << 12
INTENT_MESSAGE_CONTENT = 1 << 15
PRIVILEGED_INTENTS = INTENT_GUILD_MEMBERS | INTENT_GUILD_PRESENCES | INTENT_MESSAGE_CONTENT

# ApplicationFlags: GATEWAY_GUILD_MEMBERS_LIMITED | GATEWAY_MESSAGE_CONTENT_LIMITED
APPLICATION_FLAGS = (1 << 15) | (1 << 19)
MESSAGE_FLAG_EPHEMERAL = 1 << 6
MESSAGE_FLAG_LOADING = 1 << 7
MESSAGE_FLAG_COMPONENTS_V2 = 1 << 15
MESSAGE_FLAG_IS_VOICE_MESSAGE = 1 << 13
MESSAGE_REFERENCE_FORWARD = 1

# Permission bits (Discord's "Bitwise Permission Flags").
ADMINISTRATOR = 1 << 3
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
SEND_MESSAGES_IN_THREADS = 1 << 38
ALL_PERMISSIONS = (1 << 51) - 1
# @everyone: VIEW_CHANNEL, SEND_MESSAGES, EMBED_LINKS, ATTACH_FILES, READ_MESSAGE_HISTORY,
# ADD_REACTIONS, USE_APPLICATION_COMMANDS, SEND_MESSAGES_IN_THREADS
EVERYONE_PERMISSIONS = VIEW_CHANNEL | SEND_MESSAGES | (1 << 14) | (1 << 15) | (1 << 16) | (1 << 6)
EVERYONE_PERMISSIONS |= (1 << 31) | SEND_MESSAGES_IN_THREADS
OVERWRITE_ROLE = 0
OVERWRITE_MEMBER = 1

CHANNEL_GUILD_TEXT = 0
CHANNEL_DM = 1
CHANNEL_PUBLIC_THREAD = 11
MESSAGE_DEFAULT = 0
MESSAGE_REPLY = 19
INTERACTION_APPLICATION_COMMAND = 2
INTERACTION_COMPONENT = 3
COMMAND_CHAT_INPUT = 1
OPTION_STRING = 3
OPTION_TYPES = frozenset(range(1, 12))  # SUB_COMMAND .. ATTACHMENT
MAX_COMMANDS = 100  # per scope: global, or one guild
MAX_OPTIONS = 25
MAX_DESCRIPTION = 100
CONTEXT_GUILD, CONTEXT_BOT_DM, CONTEXT_PRIVATE_CHANNEL = 0, 1, 2
COMPONENT_ACTION_ROW = 1
COMPONENT_BUTTON = 2
BUTTON_STYLE_LINK = 5
BUTTON_STYLE_PREMIUM = 6
SELECT_TYPES = frozenset({3, 5, 6, 7, 8})

# Gateway close codes after which discord.py (and Discord) won't resume.
_FATAL_CLOSE_CODES = frozenset({4004, 4010, 4011, 4012, 4013, 4014})

_USER_MENTION_RE = re.compile(r"<@!?(\d{1,20})>")
_ROLE_MENTION_RE = re.compile(r"<@&(\d{1,20})>")
_EVERYONE_RE = re.compile(r"@(?:everyone|here)\b")
_API_PATH_RE = re.compile(r"^/api(?:/v(\d+))?(/.*)$")

_RATE_LIMITED = "You are being rate limited."
_GENERIC_MESSAGES = {
    400: "400: Bad Request",
    401: "401: Unauthorized",
    403: "Missing Access",
    404: "404: Not Found",
    405: "405: Method Not Allowed",
    429: _RATE_LIMITED,
    500: "500: Internal Server Error",
    502: "502: Bad Gateway",
}


class _APIError(Exception):
    """Internal: turned into a Discord-style JSON error response."""

    def __init__(
        self,
        status: int,
        code: int,
        message: str,
        *,
        errors: JSONDict | None = None,
        retry_after: float | None = None,
        is_global: bool = False,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors
        self.retry_after = retry_after
        self.is_global = is_global


class _FormErrors:
    """Collects field errors into Discord's nested ``errors`` object (code 50035)."""

    def __init__(self) -> None:
        self.errors: JSONDict = {}

    def add(self, path: tuple[str | int, ...], code: str, message: str) -> None:
        node = self.errors
        for part in path:
            node = node.setdefault(str(part), {})
        node.setdefault("_errors", []).append({"code": code, "message": message})

    def raise_if_any(self) -> None:
        if self.errors:
            raise _APIError(400, 50035, "Invalid Form Body", errors=self.errors)


@dataclass
class SentMessage:
    """A message the bot created (or edited, in :attr:`FakeDiscord.edits`).

    ``channel_id``/``id`` are strings (snowflakes).  ``content`` is ``None`` when the payload had
    no content.  ``interaction_id`` is set for interaction responses and follow-ups.
    """

    channel_id: str
    content: str | None
    embeds: list[JSONDict]
    components: list[JSONDict]
    allowed_mentions: JSONDict | None
    nonce: str | None
    enforce_nonce: bool
    message_reference: JSONDict | None
    id: str
    flags: int = 0
    interaction_id: str | None = None
    replied_user_id: str | None = None
    files: list[str] = field(default_factory=list)
    at: float = 0.0
    payload: JSONDict = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.content or ""

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & MESSAGE_FLAG_EPHEMERAL)

    @property
    def buttons(self) -> list[JSONDict]:
        """All buttons, in order, however deeply nested."""
        return [c for c in _walk_components(self.components) if c.get("type") == COMPONENT_BUTTON]

    @property
    def custom_ids(self) -> list[str]:
        return [str(b["custom_id"]) for b in self.buttons if "custom_id" in b]

    @property
    def mentioned_user_ids(self) -> set[str]:
        return set(_USER_MENTION_RE.findall(self.text))

    @property
    def pinged_user_ids(self) -> set[str]:
        """Users Discord would notify, honouring ``allowed_mentions`` (absent = parse all)."""
        mentioned = self.mentioned_user_ids
        am = self.allowed_mentions
        if am is None:
            pinged = set(mentioned)
            if self.replied_user_id:
                pinged.add(self.replied_user_id)
            return pinged
        explicit = {str(u) for u in am.get("users") or []}
        parse = set(am.get("parse") or [])
        pinged = set(mentioned) if "users" in parse else mentioned & explicit
        if self.replied_user_id and am.get("replied_user"):
            pinged.add(self.replied_user_id)
        return pinged

    @property
    def pinged_role_ids(self) -> set[str]:
        mentioned = set(_ROLE_MENTION_RE.findall(self.text))
        am = self.allowed_mentions
        if am is None or "roles" in (am.get("parse") or []):
            return mentioned
        return mentioned & {str(r) for r in am.get("roles") or []}

    @property
    def pings_everyone(self) -> bool:
        if not _EVERYONE_RE.search(self.text):
            return False
        am = self.allowed_mentions
        return am is None or "everyone" in (am.get("parse") or [])


@dataclass
class InteractionCallback:
    """An accepted ``POST /interactions/{id}/{token}/callback``."""

    interaction_id: str
    token: str
    type: int
    data: JSONDict | None
    message_id: str | None
    at: float


@dataclass(frozen=True)
class RecordedRequest:
    """One REST request; ``path`` is relative to the API base (``/channels/1/messages``)."""

    method: str
    path: str
    json: Any
    headers: dict[str, str]
    query: dict[str, str]
    at: float
    files: tuple[str, ...] = ()


@dataclass
class Fault:
    """An injected failure, consumed by matching requests (see :meth:`FakeDiscord.fail_next`)."""

    method: str
    path_contains: str
    status: int
    code: int
    message: str
    retry_after: float | None
    times: int
    is_global: bool = False
    errors: JSONDict | None = None
    hits: int = 0


@dataclass
class GatewayConnection:
    """One websocket connection to the gateway (most recent last)."""

    query: dict[str, str]
    opened_at: float
    ops: list[int] = field(default_factory=list)
    session_id: str | None = None
    close_code: int | None = None
    closed_by_server: bool = False
    heartbeats: int = 0


@dataclass
class _LogEntry:
    seq: int
    text: str
    interaction_id: str | None = None
    written: bool = False


@dataclass
class _Session:
    id: str
    intents: int
    log: list[_LogEntry] = field(default_factory=list)
    seq: int = 0
    conn: _Conn | None = None
    resumable: bool = True


@dataclass
class _Conn:
    ws: web.WebSocketResponse
    transport: asyncio.Transport | None
    info: GatewayConnection
    queue: asyncio.Queue[tuple[str, _LogEntry | None] | None] = field(default_factory=asyncio.Queue)
    session: _Session | None = None
    active: bool = False
    writer: asyncio.Task[None] | None = None


@dataclass
class _Event:
    t: str
    d: JSONDict
    intent: int = 0  # any of these intent bits is required (0 = always delivered)
    gated: bool = False  # guild message content needs MESSAGE_CONTENT
    interaction_id: str | None = None


@dataclass
class _Guild:
    id: str
    name: str
    channels: dict[str, str]
    roles: dict[str, str]
    members: dict[str, list[str]]
    owner_id: str
    joined_at: str
    threads: list[str] = field(default_factory=list)  # active thread channel ids
    # Role id -> its guild-wide permission bits; a role not here has none, @everyone
    # (the guild's id) has EVERYONE_PERMISSIONS.
    role_permissions: dict[str, int] = field(default_factory=dict)


@dataclass
class _Interaction:
    id: str
    token: str
    channel_id: str
    guild_id: str | None
    user_id: str
    message_id: str  # the message whose button was pressed; "" for a slash command
    payload: JSONDict
    delivered_at: float | None = None
    response_type: int | None = None
    original_message_id: str | None = None


def _walk_components(components: Any) -> Iterator[JSONDict]:
    if not isinstance(components, list):
        return
    for comp in components:
        if isinstance(comp, dict):
            yield comp
            yield from _walk_components(comp.get("components"))
            accessory = comp.get("accessory")
            if isinstance(accessory, dict):
                yield accessory


def _now_iso() -> str:
    return dtm.datetime.now(dtm.UTC).isoformat()


def _has_lone_surrogate(value: Any) -> bool:
    """Whether a decoded JSON value holds a surrogate code point anywhere (JSON can escape
    one, ``"\\ud800"``, but it is not valid text)."""
    if isinstance(value, str):
        return any("\ud800" <= c <= "\udfff" for c in value)
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_lone_surrogate(v) for v in value)
    return False


def _str_id(value: str | int) -> str:
    text = str(value)
    if not text.isdigit():
        raise ValueError(f"not a snowflake: {value!r}")
    return text


class FakeDiscord(FakeServer):
    """In-process fake of Discord's REST API and gateway (see module docstring)."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_user_id: str = BOT_USER_ID,
        bot_username: str = BOT_USERNAME,
    ) -> None:
        super().__init__()
        self.token = token
        self.bot_user: JSONDict = {
            "id": bot_user_id,
            "username": bot_username,
            "global_name": None,
            "discriminator": "0",
            "avatar": None,
            "bot": True,
            "system": False,
            "flags": 0,
            "public_flags": 0,
            "mfa_enabled": True,
            "verified": True,
            "email": None,
            "locale": "en-US",
            "premium_type": 0,
        }
        self.application_id = bot_user_id

        # Recording.
        self.requests: list[RecordedRequest] = []
        self.sent: list[SentMessage] = []
        self.edits: list[SentMessage] = []
        self.deleted: list[tuple[str, str]] = []
        self.interaction_callbacks: list[InteractionCallback] = []
        self.gateway_connections: list[GatewayConnection] = []
        self.identify_payloads: list[JSONDict] = []
        self.filtered_events: list[tuple[str, JSONDict]] = []
        self.dropped_events: list[tuple[str, JSONDict]] = []
        self.identify_count = 0
        self.resume_count = 0
        self.deduplicated_sends = 0
        self.count_429 = 0

        # Behaviour knobs.
        self.closed_dms: set[str] = set()
        # Guilds the bot was removed from (kicked): their channels answer 403 50001.
        self.removed_from_guilds: set[str] = set()
        self.privileged_intents_enabled = True
        self.ratelimit_headers = True
        self.echo_own_messages = True
        self.drop_undeliverable = False
        self.nonce_window_s = NONCE_WINDOW_S
        self.interaction_ack_timeout_s: float | None = INTERACTION_ACK_TIMEOUT_S
        self.heartbeat_interval_ms = HEARTBEAT_INTERVAL_MS

        # State.
        self._faults: list[Fault] = []
        self._users: dict[str, JSONDict] = {bot_user_id: self._public_user(self.bot_user)}
        self._guilds: dict[str, _Guild] = {}
        self._channels: dict[str, JSONDict] = {}
        self._channel_guild: dict[str, str] = {}
        self._dm_by_user: dict[str, str] = {}
        self._dm_user: dict[str, str] = {}
        self._messages: dict[str, JSONDict] = {}
        self._deleted_ids: set[str] = set()
        self._nonces: dict[tuple[str, str, str], tuple[float, str]] = {}
        self._interactions: dict[str, _Interaction] = {}
        self._interactions_by_token: dict[str, _Interaction] = {}
        self.global_commands: list[JSONDict] = []
        self.guild_commands: dict[str, list[JSONDict]] = {}
        self.no_commands_scope: set[str] = set()
        self._sessions: dict[str, _Session] = {}
        self._conns: list[_Conn] = []
        self._last_snowflake = 0
        self._next_dm_fallback = 1
        self._route_table = self._routes()

    # ------------------------------------------------------------------ lifecycle

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/gateway", self._handle_gateway)
        app.router.add_route("*", "/api/{tail:.*}", self._handle_api)

    async def before_stop(self) -> None:
        for conn in list(self._conns):
            conn.info.closed_by_server = True
            with contextlib.suppress(Exception):
                await asyncio.wait_for(conn.ws.close(code=1001, message=b"server stopping"), 1)

    @property
    def api_base(self) -> str:
        """Value for ``discord.http.Route.BASE``."""
        return f"{self.base_url}/api/v{API_VERSION}"

    @property
    def gateway_url(self) -> str:
        """Value for ``DiscordWebSocket.DEFAULT_GATEWAY`` (wrap it in ``yarl.URL``)."""
        return f"ws://{HOST}:{self.port}/gateway"

    @contextlib.contextmanager
    def patch_discord_py(self) -> Iterator[None]:
        """Point discord.py's REST base and default gateway at this server, then restore."""
        old_base = discord.http.Route.BASE
        old_gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
        discord.http.Route.BASE = self.api_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway_url)
        try:
            yield
        finally:
            discord.http.Route.BASE = old_base
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gateway

    # ------------------------------------------------------------------ world setup

    def add_user(
        self,
        user_id: str | int,
        *,
        username: str | None = None,
        global_name: str | None = None,
        bot: bool = False,
    ) -> JSONDict:
        """Register (or update) a user; returns the user object."""
        uid = _str_id(user_id)
        user = self._users.get(uid)
        if user is None:
            user = {
                "id": uid,
                "username": username or f"user{uid[-6:]}",
                "global_name": global_name,
                "discriminator": "0",
                "avatar": None,
                "bot": bot,
                "public_flags": 0,
            }
            self._users[uid] = user
        else:
            before = dict(user)
            if username is not None:
                user["username"] = username
            if global_name is not None:
                user["global_name"] = global_name
            if user != before:  # Discord tells every shared guild (GUILD_MEMBER_UPDATE)
                for guild in self._guilds.values():
                    if uid in guild.members:
                        data = self._member(guild, uid)
                        data["guild_id"] = guild.id
                        self._dispatch(_Event("GUILD_MEMBER_UPDATE", data, INTENT_GUILD_MEMBERS))
        return dict(user)

    def add_guild(
        self,
        guild_id: str | int,
        name: str,
        channels: dict[str, str | int],
        roles: dict[str, str | int] | None = None,
        members: dict[str | int, list[str | int]] | None = None,
        *,
        owner_id: str | int | None = None,
    ) -> None:
        """Add a guild the bot is in (dispatches GUILD_CREATE if a session is live).

        ``channels`` and ``roles`` map names to ids, ``members`` maps user ids to role ids.
        The bot is added as a member; ``@everyone`` (id = guild id) is added to the roles.
        """
        gid = _str_id(guild_id)
        if gid in self._guilds:
            raise ValueError(f"guild {gid} already exists")
        member_roles = {
            _str_id(uid): [_str_id(r) for r in role_ids]
            for uid, role_ids in (members or {}).items()
        }
        role_map = {rname: _str_id(rid) for rname, rid in (roles or {}).items()}
        known_roles = {gid, *role_map.values()}
        for uid, role_ids in member_roles.items():
            unknown = [r for r in role_ids if r not in known_roles]
            if unknown:
                raise ValueError(f"member {uid} has unknown roles {unknown}")
            self.add_user(uid)
        member_roles.setdefault(self.bot_user["id"], [])
        guild = _Guild(
            id=gid,
            name=name,
            channels={cname: _str_id(cid) for cname, cid in channels.items()},
            roles=role_map,
            members=member_roles,
            owner_id=_str_id(owner_id) if owner_id is not None else self._first_human(member_roles),
            joined_at=_now_iso(),
        )
        self._guilds[gid] = guild
        for position, (cname, cid) in enumerate(guild.channels.items()):
            self._channels[cid] = {
                "id": cid,
                "type": CHANNEL_GUILD_TEXT,
                "guild_id": gid,
                "name": cname,
                "position": position,
                "permission_overwrites": [],
                "nsfw": False,
                "parent_id": None,
                "topic": None,
                "last_message_id": None,
                "rate_limit_per_user": 0,
                "flags": 0,
            }
            self._channel_guild[cid] = gid
        self._dispatch(_Event("GUILD_CREATE", self._guild_create(guild), INTENT_GUILDS))

    def add_member(
        self, guild_id: str | int, user_id: str | int, roles: list[str | int] | None = None
    ) -> None:
        """A user joins a guild (GUILD_MEMBER_ADD)."""
        guild = self._guild(guild_id)
        uid = _str_id(user_id)
        self.add_user(uid)
        guild.members[uid] = [_str_id(r) for r in roles or []]
        data = self._member(guild, uid)
        data["guild_id"] = guild.id
        self._dispatch(_Event("GUILD_MEMBER_ADD", data, INTENT_GUILD_MEMBERS))

    def set_member_roles(
        self, guild_id: str | int, user_id: str | int, roles: list[str | int]
    ) -> None:
        """Change a member's roles (GUILD_MEMBER_UPDATE)."""
        guild = self._guild(guild_id)
        uid = _str_id(user_id)
        if uid not in guild.members:
            raise KeyError(f"user {uid} is not a member of guild {guild.id}")
        guild.members[uid] = [_str_id(r) for r in roles]
        data = self._member(guild, uid)
        data["guild_id"] = guild.id
        self._dispatch(_Event("GUILD_MEMBER_UPDATE", data, INTENT_GUILD_MEMBERS))

    def remove_member(self, guild_id: str | int, user_id: str | int) -> None:
        """A user leaves a guild (GUILD_MEMBER_REMOVE)."""
        guild = self._guild(guild_id)
        uid = _str_id(user_id)
        if guild.members.pop(uid, None) is None:
            raise KeyError(f"user {uid} is not a member of guild {guild.id}")
        data = {"guild_id": guild.id, "user": dict(self._users[uid])}
        self._dispatch(_Event("GUILD_MEMBER_REMOVE", data, INTENT_GUILD_MEMBERS))

    def set_role_permissions(self, guild_id: str | int, role_id: str | int, bits: int) -> None:
        """An administrator changes a role's permissions (``role_id`` = the guild id for
        @everyone): GUILD_ROLE_UPDATE, intent GUILDS. No channel event follows, as on
        Discord, though what members may do in every channel can change with it."""
        guild = self._guild(guild_id)
        rid = _str_id(role_id)
        if rid != guild.id and rid not in guild.roles.values():
            raise KeyError(f"no role {rid} in guild {guild.id}")
        guild.role_permissions[rid] = bits
        position = 0 if rid == guild.id else list(guild.roles.values()).index(rid) + 1
        name = next((n for n, r in guild.roles.items() if r == rid), None)
        role = self._role(guild, name, rid, position)
        self._dispatch(
            _Event("GUILD_ROLE_UPDATE", {"guild_id": guild.id, "role": role}, INTENT_GUILDS)
        )

    def set_permission_overwrite(
        self, channel_id: str | int, target_id: str | int, *, allow: int = 0, deny: int = 0
    ) -> None:
        """An administrator sets a channel's permission overwrite for a role (``target_id``
        a role id, or the guild id for @everyone: type 0) or a member (type 1), as Edit
        Channel Permissions does: the channel's ``permission_overwrites`` hold ``{id, type,
        allow, deny}`` with the bit sets as strings, and CHANNEL_UPDATE (intent GUILDS)
        carries the whole channel."""
        cid, target = _str_id(channel_id), _str_id(target_id)
        guild = self._guild_of(cid)
        channel = self._channels[cid]
        if channel["type"] != CHANNEL_GUILD_TEXT:
            raise ValueError(f"{cid} is a thread: its permissions are its parent's")
        if target == guild.id or target in guild.roles.values():
            kind = OVERWRITE_ROLE
        elif target in guild.members:
            kind = OVERWRITE_MEMBER
        else:
            raise KeyError(f"{target} is neither a role nor a member of guild {guild.id}")
        kept = [o for o in channel["permission_overwrites"] if o["id"] != target]
        kept.append({"id": target, "type": kind, "allow": str(allow), "deny": str(deny)})
        channel["permission_overwrites"] = kept
        self._channel_updated(cid)

    def remove_permission_overwrite(self, channel_id: str | int, target_id: str | int) -> None:
        """Delete Channel Permission: the overwrite for ``target_id`` is gone (CHANNEL_UPDATE)."""
        cid, target = _str_id(channel_id), _str_id(target_id)
        self._guild_of(cid)
        channel = self._channels[cid]
        channel["permission_overwrites"] = [
            o for o in channel["permission_overwrites"] if o["id"] != target
        ]
        self._channel_updated(cid)

    def channel_permissions(self, channel_id: str | int, user_id: str | int) -> int:
        """What ``user_id`` may do in the guild channel (a thread: its parent), computed as
        Discord does: the guild-wide bits (all for the owner or an ADMINISTRATOR), then the
        channel's @everyone overwrite, the member's roles' overwrites together, then the
        member's own overwrite (each: deny removed, then allow added). Without VIEW_CHANNEL
        nothing is left."""
        cid, uid = _str_id(channel_id), _str_id(user_id)
        guild = self._guild_of(cid)
        channel = self._channels[cid]
        if channel["type"] != CHANNEL_GUILD_TEXT:
            channel = self._channels[channel["parent_id"]]
        value = self._permissions(guild, uid)
        if value == ALL_PERMISSIONS:
            return value
        overwrites = {o["id"]: o for o in channel["permission_overwrites"]}

        def apply(value: int, allow: int, deny: int) -> int:
            return (value & ~deny) | allow

        everyone = overwrites.get(guild.id)
        if everyone is not None:
            value = apply(value, int(everyone["allow"]), int(everyone["deny"]))
        allow = deny = 0
        for rid in guild.members.get(uid, []):
            found = overwrites.get(rid)
            if found is not None and found["type"] == OVERWRITE_ROLE:
                allow |= int(found["allow"])
                deny |= int(found["deny"])
        value = apply(value, allow, deny)
        own = overwrites.get(uid)
        if own is not None and own["type"] == OVERWRITE_MEMBER:
            value = apply(value, int(own["allow"]), int(own["deny"]))
        return value if value & VIEW_CHANNEL else 0

    def _channel_updated(self, cid: str) -> None:
        self._dispatch(_Event("CHANNEL_UPDATE", copy.deepcopy(self._channels[cid]), INTENT_GUILDS))

    def add_thread(
        self,
        parent_id: str | int,
        thread_id: str | int,
        owner_id: str | int,
        name: str = "thread",
        *,
        announce: bool = True,
    ) -> None:
        """A member starts a public thread (type 11) under the text channel ``parent_id``.

        Like Discord, it is a channel of its own (messages in it carry the thread's id as
        ``channel_id``; its ``parent_id`` is the channel) and is dispatched as THREAD_CREATE
        (intent GUILDS, ``newly_created``); it is listed in GUILD_CREATE's ``threads`` while
        active. ``announce=False`` leaves the bot unaware of it (as after an event it missed):
        discord.py then sees messages in it on an unknown channel and must fetch it.
        """
        parent = _str_id(parent_id)
        gid = self._channel_guild.get(parent)
        if gid is None or self._channels[parent]["type"] != CHANNEL_GUILD_TEXT:
            raise KeyError(f"no guild text channel {parent}")
        tid, owner = _str_id(thread_id), _str_id(owner_id)
        guild = self._guilds[gid]
        if owner not in guild.members:
            raise ValueError(f"user {owner} is not a member of guild {gid}")
        thread: JSONDict = {
            "id": tid,
            "type": CHANNEL_PUBLIC_THREAD,
            "guild_id": gid,
            "parent_id": parent,
            "owner_id": owner,
            "name": name,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
            "message_count": 0,
            "member_count": 1,
            "total_message_sent": 0,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": 1440,
                "archive_timestamp": _now_iso(),
                "locked": False,
                "create_timestamp": _now_iso(),
            },
        }
        self._channels[tid] = thread
        self._channel_guild[tid] = gid
        guild.threads.append(tid)
        if announce:
            self._dispatch(
                _Event(
                    "THREAD_CREATE",
                    {**copy.deepcopy(thread), "newly_created": True},
                    INTENT_GUILDS,
                )
            )

    def dm_channel_id(self, user_id: str | int) -> str:
        """The (stable) id of the DM channel between the bot and ``user_id``."""
        uid = _str_id(user_id)
        cid = self._dm_by_user.get(uid)
        if cid is not None:
            return cid
        self.add_user(uid)
        numeric = int(uid)
        if numeric < 10**18:
            cid = str(5 * 10**18 + numeric)
        else:
            cid = str(4 * 10**18 + self._next_dm_fallback)
            self._next_dm_fallback += 1
        self._dm_by_user[uid] = cid
        self._dm_user[cid] = uid
        self._channels[cid] = {
            "id": cid,
            "type": CHANNEL_DM,
            "last_message_id": None,
            "flags": 0,
            "recipients": [dict(self._users[uid])],
        }
        return cid

    # ------------------------------------------------------------------ inbound events

    def dm(
        self,
        user_id: str | int,
        content: str,
        *,
        reply_to: str | int | None = None,
        username: str | None = None,
        global_name: str | None = None,
    ) -> str:
        """The user sends the bot a DM (MESSAGE_CREATE without guild_id); returns its id."""
        uid = _str_id(user_id)
        self.add_user(uid, username=username, global_name=global_name)
        cid = self.dm_channel_id(uid)
        message = self._user_message(cid, uid, content, reply_to)
        self._store(message)
        self._dispatch(
            _Event("MESSAGE_CREATE", copy.deepcopy(message), INTENT_DIRECT_MESSAGES), required=True
        )
        return str(message["id"])

    def dm_shape(
        self,
        user_id: str | int,
        shape: str,
        content: str = "",
        *,
        forwarded: bool = False,
    ) -> str:
        """The user DMs the bot a message of ``shape`` with ``content`` as
        its words: ``photo``, ``video``, ``audio``, ``document``, ``gif``
        (attachments with their ``content_type``), ``voice`` (the voice
        message flag and its ogg attachment with ``duration_secs`` and
        ``waveform``), ``sticker`` (``sticker_items``), ``embed`` (only an
        embed), ``poll`` (``content`` is the poll's question) or ``text``.
        ``forwarded``: the user forwards such a message from elsewhere, so its
        words and files are in ``message_snapshots`` and its own ``content``
        is empty (``message_reference`` type 1). Returns the message id."""
        uid = _str_id(user_id)
        self.add_user(uid)
        cid = self.dm_channel_id(uid)
        message = self._user_message(cid, uid, "", None)
        inner = self._shape_fields(shape, content)
        if forwarded:
            message["message_reference"] = {
                "type": MESSAGE_REFERENCE_FORWARD,
                "message_id": self._snowflake(),
                "channel_id": "710000000000099999",
                "guild_id": "710000000000099990",
            }
            message["message_snapshots"] = [
                {
                    "message": {
                        "type": MESSAGE_DEFAULT,
                        "content": inner.pop("content", ""),
                        "embeds": inner.pop("embeds", []),
                        "attachments": inner.pop("attachments", []),
                        "timestamp": _now_iso(),
                        "edited_timestamp": None,
                        "flags": inner.pop("flags", 0),
                        "mentions": [],
                        "mention_roles": [],
                        "components": [],
                        **(
                            {"sticker_items": inner.pop("sticker_items")}
                            if "sticker_items" in inner
                            else {}
                        ),
                    }
                }
            ]
        message.update(inner)
        self._store(message)
        self._dispatch(
            _Event("MESSAGE_CREATE", copy.deepcopy(message), INTENT_DIRECT_MESSAGES), required=True
        )
        return str(message["id"])

    def _shape_fields(self, shape: str, content: str) -> JSONDict:
        def attachment(filename: str, content_type: str, **extra: Any) -> JSONDict:
            aid = self._snowflake()
            url = f"https://cdn.discordapp.com/attachments/1/{aid}/{filename}"
            return {
                "id": aid,
                "filename": filename,
                "size": 48213,
                "url": url,
                "proxy_url": url.replace("cdn.discordapp.com", "media.discordapp.net"),
                "content_type": content_type,
                **extra,
            }

        image = {"width": 1280, "height": 960}
        fields: JSONDict = {"content": content}
        if shape == "text":
            pass
        elif shape == "photo":
            fields["attachments"] = [attachment("IMG_2041.jpg", "image/jpeg", **image)]
        elif shape == "gif":
            fields["attachments"] = [attachment("dance.gif", "image/gif", **image)]
        elif shape == "video":
            fields["attachments"] = [attachment("clip.mp4", "video/mp4", **image)]
        elif shape == "audio":
            fields["attachments"] = [attachment("song.mp3", "audio/mpeg")]
        elif shape == "document":
            fields["attachments"] = [attachment("statement.pdf", "application/pdf")]
        elif shape == "voice":
            if content:
                raise ValueError("a voice message has no text")
            fields["flags"] = MESSAGE_FLAG_IS_VOICE_MESSAGE
            fields["attachments"] = [
                attachment(
                    "voice-message.ogg", "audio/ogg", duration_secs=3.2, waveform="AAAAAAAAAAAA"
                )
            ]
        elif shape == "sticker":
            fields["sticker_items"] = [
                {"id": "749054660769218631", "name": "Wave", "format_type": 3}
            ]
        elif shape == "embed":
            if content:
                raise ValueError("an embed-only message has no text")
            fields["embeds"] = [
                {
                    "type": "rich",
                    "title": "Shared from an app",
                    "description": "A card an app posted for the user",
                    "color": 5814783,
                }
            ]
        elif shape == "poll":
            fields["content"] = ""
            fields["poll"] = {
                "question": {"text": content or "Which road is worst?"},
                "answers": [
                    {"answer_id": 1, "poll_media": {"text": "Elm Road"}},
                    {"answer_id": 2, "poll_media": {"text": "Oak Lane"}},
                ],
                "expiry": "2030-01-01T00:00:00.000000+00:00",
                "allow_multiselect": False,
                "layout_type": 1,
                "results": {"is_finalized": False, "answer_counts": []},
            }
        else:
            raise ValueError(f"no shape {shape!r}")
        return fields

    def edit_dm(self, user_id: str | int, message_id: str | int, content: str) -> None:
        """The user edits their DM ``message_id`` to ``content``: MESSAGE_UPDATE
        with the whole message and its new ``edited_timestamp``."""
        message = self._messages[_str_id(message_id)]
        if message["author"]["id"] != _str_id(user_id):
            raise ValueError(f"message {message_id} is not {user_id}'s")
        message["content"] = content
        message["edited_timestamp"] = _now_iso()
        self._dispatch(
            _Event("MESSAGE_UPDATE", copy.deepcopy(message), INTENT_DIRECT_MESSAGES),
            required=True,
        )

    def unfurl_dm(self, message_id: str | int) -> None:
        """Discord adds a link's preview to a DM after it was sent: MESSAGE_UPDATE
        with the embed and no new ``edited_timestamp`` (the user edited nothing)."""
        message = self._messages[_str_id(message_id)]
        message["embeds"] = [
            {"type": "link", "url": "https://example.org/", "title": "Example Domain"}
        ]
        self._dispatch(
            _Event("MESSAGE_UPDATE", copy.deepcopy(message), INTENT_DIRECT_MESSAGES),
            required=True,
        )

    def delete_dm(self, user_id: str | int, message_id: str | int) -> None:
        """The user deletes their DM ``message_id``: MESSAGE_DELETE (id and channel only)."""
        message = self._messages[_str_id(message_id)]
        if message["author"]["id"] != _str_id(user_id):
            raise ValueError(f"message {message_id} is not {user_id}'s")
        self._delete_message(message)

    def channel_message(
        self,
        channel_id: str | int,
        user_id: str | int,
        content: str,
        *,
        reply_to: str | int | None = None,
        username: str | None = None,
        global_name: str | None = None,
    ) -> str:
        """A member posts in a guild text channel (MESSAGE_CREATE with guild_id and member).

        ``reply_to`` makes it a reply: ``message_reference`` plus the full ``referenced_message``
        (``null`` if that message was deleted).
        """
        cid = _str_id(channel_id)
        guild = self._guild_of(cid)
        uid = _str_id(user_id)
        if uid not in guild.members:
            raise ValueError(f"user {uid} is not a member of guild {guild.id} (use add_member)")
        self.add_user(uid, username=username, global_name=global_name)
        message = self._user_message(cid, uid, content, reply_to)
        self._store(message)
        self._dispatch(
            _Event("MESSAGE_CREATE", self._gateway_message(message), INTENT_GUILD_MESSAGES, True),
            required=True,
        )
        return str(message["id"])

    def press_button(
        self, channel_id: str | int, user_id: str | int, message_id: str | int, custom_id: str
    ) -> str:
        """The user presses a button on a bot message (INTERACTION_CREATE type 3).

        Works in guild channels (``member`` with roles) and DMs (``user``).  The button must
        exist on the message and not be disabled.  Returns the interaction id.
        """
        cid = _str_id(channel_id)
        uid = _str_id(user_id)
        mid = _str_id(message_id)
        message = self._messages.get(mid)
        if message is None or message["channel_id"] != cid:
            raise KeyError(f"no message {mid} in channel {cid}")
        if message["author"]["id"] != self.bot_user["id"]:
            raise ValueError(f"message {mid} was not sent by the bot")
        button = next(
            (
                c
                for c in _walk_components(message.get("components"))
                if c.get("type") == COMPONENT_BUTTON and c.get("custom_id") == custom_id
            ),
            None,
        )
        if button is None:
            raise ValueError(f"message {mid} has no button {custom_id!r}")
        if button.get("disabled"):
            raise ValueError(f"button {custom_id!r} on message {mid} is disabled")
        self.add_user(uid)
        iid = self._snowflake()
        token = f"itok-{iid}-{secrets.token_hex(8)}"
        guild_id = self._channel_guild.get(cid)
        channel = self._channels[cid]
        payload: JSONDict = {
            "id": iid,
            "application_id": self.application_id,
            "type": INTERACTION_COMPONENT,
            "data": {"custom_id": custom_id, "component_type": COMPONENT_BUTTON},
            "channel_id": cid,
            "channel": copy.deepcopy(channel),
            "message": copy.deepcopy(message),
            "token": token,
            "version": 1,
            "locale": "en-US",
            "app_permissions": str(EVERYONE_PERMISSIONS),
            "entitlements": [],
            "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
        }
        if guild_id is not None:
            guild = self._guilds[guild_id]
            if uid not in guild.members:
                raise ValueError(f"user {uid} is not a member of guild {guild_id}")
            member = self._member(guild, uid)
            member["permissions"] = str(self._permissions(guild, uid))
            payload.update(
                guild_id=guild_id,
                guild={"id": guild_id, "locale": "en-US", "features": []},
                guild_locale="en-US",
                member=member,
                context=0,
                authorizing_integration_owners={"0": guild_id},
            )
            payload["message"]["guild_id"] = guild_id
        else:
            if self._dm_user.get(cid) != uid:
                raise ValueError(f"user {uid} cannot see DM channel {cid}")
            payload.update(
                user=dict(self._users[uid]),
                context=1,
                authorizing_integration_owners={"0": "0"},
            )
        interaction = _Interaction(
            id=iid,
            token=token,
            channel_id=cid,
            guild_id=guild_id,
            user_id=uid,
            message_id=mid,
            payload=payload,
        )
        self._interactions[iid] = interaction
        self._interactions_by_token[token] = interaction
        self._dispatch(
            _Event("INTERACTION_CREATE", payload, interaction_id=iid),
            required=True,
        )
        return iid

    def remove_bot_from_guild(self, guild_id: str | int) -> None:
        """An administrator kicks the bot: GUILD_DELETE without ``unavailable`` (removed,
        not an outage), and from now on its channels answer 403 ``{"message": "Missing
        Access", "code": 50001}`` and a new session's READY leaves the guild out."""
        gid = _str_id(guild_id)
        self._guild(gid)
        self.removed_from_guilds.add(gid)
        self._dispatch(_Event("GUILD_DELETE", {"id": gid}, INTENT_GUILDS), required=True)

    def add_bot_to_guild(self, guild_id: str | int) -> None:
        """The bot is invited back: GUILD_CREATE with the whole guild, as for a new guild."""
        gid = _str_id(guild_id)
        guild = self._guild(gid)
        self.removed_from_guilds.discard(gid)
        guild.joined_at = _now_iso()
        payload = self._guild_create(guild)
        # Only a guild coming back from an outage says "unavailable": false; a guild joined
        # has no such key (discord.py dispatches guild_join, not guild_available, for it).
        del payload["unavailable"]
        self._dispatch(_Event("GUILD_CREATE", payload, INTENT_GUILDS), required=True)

    def slash_command(
        self,
        channel_id: str | int,
        user_id: str | int,
        name: str,
        text: str | None = None,
    ) -> str:
        """The user picks ``/name`` in the client and sends it with ``text`` in its
        ``text`` option (INTERACTION_CREATE type 2, APPLICATION_COMMAND).

        As Discord's client allows it: the command must be registered for that place (the
        channel's guild, else global; a global one only where its ``contexts`` allow: 0 guild,
        1 the bot's DM), and a required option must be given.  In a guild the payload has
        ``member`` (with roles), in a DM ``user``.  Returns the interaction id.
        """
        cid = _str_id(channel_id)
        uid = _str_id(user_id)
        self.add_user(uid)
        channel = self._channels.get(cid)
        if channel is None:
            raise KeyError(f"no channel {cid}")
        guild_id = self._channel_guild.get(cid)
        command = self._usable_command(guild_id, name)
        options: list[JSONDict] = []
        for option in command.get("options") or []:
            if option.get("name") == "text" and text is not None:
                options.append({"name": "text", "type": OPTION_STRING, "value": text})
            elif option.get("required"):
                raise ValueError(f"/{name} needs its {option.get('name')!r} option")
        if text is not None and not options:
            raise ValueError(f"/{name} has no text option")
        iid = self._snowflake()
        token = f"itok-{iid}-{secrets.token_hex(8)}"
        data: JSONDict = {"id": command["id"], "name": name, "type": COMMAND_CHAT_INPUT}
        if options:
            data["options"] = options
        if guild_id is not None:
            data["guild_id"] = guild_id
        payload: JSONDict = {
            "id": iid,
            "application_id": self.application_id,
            "type": INTERACTION_APPLICATION_COMMAND,
            "data": data,
            "channel_id": cid,
            "channel": copy.deepcopy(channel),
            "token": token,
            "version": 1,
            "locale": "en-GB",
            "app_permissions": str(EVERYONE_PERMISSIONS),
            "entitlements": [],
            "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
        }
        if guild_id is not None:
            guild = self._guilds[guild_id]
            if uid not in guild.members:
                raise ValueError(f"user {uid} is not a member of guild {guild_id}")
            member = self._member(guild, uid)
            member["permissions"] = str(self._permissions(guild, uid))
            payload.update(
                guild_id=guild_id,
                guild={"id": guild_id, "locale": "en-GB", "features": []},
                guild_locale="en-GB",
                member=member,
                context=CONTEXT_GUILD,
                authorizing_integration_owners={"0": guild_id},
            )
        else:
            if self._dm_user.get(cid) != uid:
                raise ValueError(f"user {uid} cannot see DM channel {cid}")
            payload.update(
                user=dict(self._users[uid]),
                context=CONTEXT_BOT_DM,
                authorizing_integration_owners={"0": "0"},
            )
        interaction = _Interaction(
            id=iid,
            token=token,
            channel_id=cid,
            guild_id=guild_id,
            user_id=uid,
            message_id="",
            payload=payload,
        )
        self._interactions[iid] = interaction
        self._interactions_by_token[token] = interaction
        self._dispatch(_Event("INTERACTION_CREATE", payload, interaction_id=iid), required=True)
        return iid

    def _usable_command(self, guild_id: str | None, name: str) -> JSONDict:
        if guild_id is not None:
            for command in self.guild_commands.get(guild_id, []):
                if command["name"] == name:
                    return command
        context = CONTEXT_GUILD if guild_id is not None else CONTEXT_BOT_DM
        for command in self.global_commands:
            contexts = command.get("contexts")
            if command["name"] == name and (contexts is None or context in contexts):
                return command
        where = f"guild {guild_id}" if guild_id is not None else "a DM"
        raise ValueError(f"no /{name} is registered for {where}: the client would not offer it")

    def still_thinking(self) -> list[str]:
        """Interactions answered "thinking" (deferred, type 5) whose response was never
        sent: Discord shows "The application did not respond" after 15 minutes."""
        waiting: list[str] = []
        for interaction in self._interactions.values():
            if interaction.response_type != 5 or interaction.original_message_id is None:
                continue
            message = self._messages.get(interaction.original_message_id)
            if message is not None and int(message.get("flags") or 0) & MESSAGE_FLAG_LOADING:
                waiting.append(interaction.id)
        return waiting

    def dispatch(self, event: str, data: JSONDict, *, intent: int = 0) -> None:
        """Dispatch a raw gateway event to every live or resumable session."""
        self._dispatch(_Event(event, data, intent), required=True)

    # ------------------------------------------------------------------ connection control

    async def drop_connection(self, *, code: int | None = None, timeout: float = 5) -> None:  # noqa: ASYNC109
        """Break the live gateway connection(s); the sessions stay resumable.

        ``code=None`` aborts the TCP connection (like a network failure); otherwise a close
        frame with ``code`` is sent (4000 = resumable; 4004/4010-4014 end the session).
        Events dispatched until discord.py resumes are queued and replayed after RESUME.
        """
        conns = [c for c in self._conns if not c.ws.closed]
        for conn in conns:
            conn.info.closed_by_server = True
            conn.active = False
            if code is None:
                if conn.transport is not None:
                    conn.transport.abort()
            else:
                if code in _FATAL_CLOSE_CODES and conn.session is not None:
                    conn.session.resumable = False
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(conn.ws.close(code=code), timeout)
        await self.wait_until(
            lambda: all(c not in self._conns for c in conns) or None,
            timeout,
            lambda: f"gateway connection did not close within {timeout}s",
        )

    def expire_sessions(self) -> None:
        """End every session without a connection (Discord's resume window has lapsed)."""
        for session in self._sessions.values():
            if session.conn is None:
                session.resumable = False

    def request_reconnect(self) -> None:
        """Send op 7 RECONNECT on the live connections (discord.py closes and resumes)."""
        for conn in self._conns:
            if conn.active:
                conn.queue.put_nowait((json.dumps({"op": 7, "d": None}), None))

    # ------------------------------------------------------------------ fault injection

    def fail_next(
        self,
        method: str,
        path_contains: str,
        *,
        status: int,
        code: int = 0,
        message: str | None = None,
        retry_after: float | None = None,
        times: int = 1,
        is_global: bool = False,
        errors: JSONDict | None = None,
    ) -> Fault:
        """Fail the next ``times`` requests whose method matches (``"*"`` = any) and whose path
        (relative to the API base, e.g. ``/channels/1/messages``) contains ``path_contains``.

        A 429 gets ``{"message", "retry_after", "global"}`` plus ``Retry-After``,
        ``X-RateLimit-Scope`` and ``Via`` headers, so discord.py sleeps and retries by itself
        (``retry_after`` defaults to 0.05 s).  Note that discord.py also retries 500/502/504/524
        by itself, sleeping 1 s, 3 s, ... between its up to 5 tries.
        """
        if status == 429 and retry_after is None:
            retry_after = 0.05
        fault = Fault(
            method=method.upper(),
            path_contains=path_contains,
            status=status,
            code=code,
            message=message or _GENERIC_MESSAGES.get(status, f"{status}: Error"),
            retry_after=retry_after,
            times=times,
            is_global=is_global,
            errors=errors,
        )
        self._faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        self._faults.clear()

    # ------------------------------------------------------------------ inspection

    def sent_to(self, channel_id: str | int) -> list[SentMessage]:
        cid = str(channel_id)
        return [m for m in self.sent if m.channel_id == cid]

    def requests_for(self, method: str, path_contains: str = "") -> list[RecordedRequest]:
        return [
            r
            for r in self.requests
            if (method == "*" or r.method == method.upper()) and path_contains in r.path
        ]

    def get_message(self, message_id: str | int) -> JSONDict | None:
        """The fake's current view of a message (bot's or user's)."""
        message = self._messages.get(str(message_id))
        return copy.deepcopy(message) if message is not None else None

    def member_roles(self, guild_id: str | int, user_id: str | int) -> list[str]:
        return list(self._guild(guild_id).members[_str_id(user_id)])

    @property
    def session_ids(self) -> list[str]:
        return list(self._sessions)

    @property
    def connected(self) -> bool:
        """Whether some gateway connection is identified/resumed and open."""
        return any(c.active and not c.ws.closed for c in self._conns)

    # ------------------------------------------------------------------ waiting

    async def wait_for_sent(
        self,
        predicate: Callable[[SentMessage], bool] = lambda _m: True,
        timeout: float = 10,  # noqa: ASYNC109 - mandatory, bounded wait
        *,
        start: int = 0,
    ) -> SentMessage:
        """First message in ``sent[start:]`` matching ``predicate`` (waits up to ``timeout``)."""

        def find() -> SentMessage | None:
            return next((m for m in self.sent[start:] if predicate(m)), None)

        return await self.wait_until(
            find,
            timeout,
            lambda: (
                f"no matching sent message within {timeout}s; sent[{start}:]:\n"
                + self._dump_sent(start)
            ),
        )

    async def wait_for_request(
        self,
        method: str,
        path_contains: str = "",
        predicate: Callable[[RecordedRequest], bool] | None = None,
        timeout: float = 10,  # noqa: ASYNC109 - mandatory, bounded wait
        *,
        start: int = 0,
    ) -> RecordedRequest:
        """First request in ``requests[start:]`` with ``method`` (``"*"`` = any), a path
        containing ``path_contains`` and matching ``predicate``."""

        def find() -> RecordedRequest | None:
            for req in self.requests[start:]:
                if method != "*" and req.method != method.upper():
                    continue
                if path_contains in req.path and (predicate is None or predicate(req)):
                    return req
            return None

        return await self.wait_until(
            find,
            timeout,
            lambda: (
                f"no matching {method} {path_contains!r} request within {timeout}s; "
                f"requests[{start}:]:\n" + self._dump_requests(start)
            ),
        )

    async def wait_for_callback(
        self,
        predicate: Callable[[InteractionCallback], bool] = lambda _c: True,
        timeout: float = 10,  # noqa: ASYNC109 - mandatory, bounded wait
        *,
        start: int = 0,
    ) -> InteractionCallback:
        """First interaction callback in ``interaction_callbacks[start:]`` matching."""

        def find() -> InteractionCallback | None:
            return next((c for c in self.interaction_callbacks[start:] if predicate(c)), None)

        return await self.wait_until(
            find,
            timeout,
            lambda: (
                f"no matching interaction callback within {timeout}s; got "
                f"{self.interaction_callbacks[start:]!r}"
            ),
        )

    async def wait_until_identified(
        self,
        timeout: float = 10,  # noqa: ASYNC109 - mandatory, bounded wait
        *,
        count: int = 1,
    ) -> None:
        """Until ``identify_count >= count`` (READY and GUILD_CREATEs have been queued)."""
        await self.wait_until(
            lambda: self.identify_count >= count or None,
            timeout,
            lambda: f"gateway saw {self.identify_count} IDENTIFY within {timeout}s, wanted {count}",
        )

    async def wait_until_resumed(
        self,
        timeout: float = 10,  # noqa: ASYNC109 - mandatory, bounded wait
        *,
        count: int = 1,
    ) -> None:
        """Until ``resume_count >= count`` (missed events and RESUMED have been queued)."""
        await self.wait_until(
            lambda: self.resume_count >= count or None,
            timeout,
            lambda: f"gateway saw {self.resume_count} RESUME within {timeout}s, wanted {count}",
        )

    async def wait_until_disconnected(
        self,
        timeout: float = 10,  # noqa: ASYNC109 - mandatory, bounded wait
    ) -> None:
        """Until no gateway websocket is open (e.g. after ``client.close()``)."""
        await self.wait_until(
            lambda: (not self._conns) or None,
            timeout,
            lambda: f"gateway connections still open after {timeout}s",
        )

    async def wait_until_delivered(
        self,
        timeout: float = 10,  # noqa: ASYNC109 - mandatory, bounded wait
    ) -> None:
        """Until every queued gateway event has been written to a live websocket."""

        def done() -> bool | None:
            for session in self._sessions.values():
                if session.conn is not None and any(not e.written for e in session.log):
                    return None
            return True

        await self.wait_until(
            done, timeout, lambda: f"gateway events still undelivered after {timeout}s"
        )

    def _dump_sent(self, start: int = 0) -> str:
        lines = [
            f"  channel={m.channel_id} id={m.id} nonce={m.nonce} content={m.content!r}"[:300]
            for m in self.sent[start:][-30:]
        ]
        return "\n".join(lines) or "  (none)"

    def _dump_requests(self, start: int = 0) -> str:
        lines = [
            f"  {r.method} {r.path} {json.dumps(r.json)[:200]}" for r in self.requests[start:][-40:]
        ]
        return "\n".join(lines) or "  (none)"

    # ------------------------------------------------------------------ model helpers

    def _snowflake(self) -> str:
        value = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22
        value = max(value, self._last_snowflake + 1)
        self._last_snowflake = value
        return str(value)

    def _first_human(self, members: dict[str, list[str]]) -> str:
        return next((uid for uid in members if uid != self.bot_user["id"]), self.bot_user["id"])

    @staticmethod
    def _public_user(user: JSONDict) -> JSONDict:
        keys = ("id", "username", "global_name", "discriminator", "avatar", "bot", "public_flags")
        return {k: user.get(k) for k in keys}

    def _guild(self, guild_id: str | int) -> _Guild:
        guild = self._guilds.get(str(guild_id))
        if guild is None:
            raise KeyError(f"unknown guild {guild_id}")
        return guild

    def _guild_of(self, channel_id: str) -> _Guild:
        gid = self._channel_guild.get(channel_id)
        if gid is None:
            raise KeyError(f"{channel_id} is not a guild channel of the fake")
        return self._guilds[gid]

    def _role(self, guild: _Guild, name: str | None, rid: str, position: int) -> JSONDict:
        everyone = rid == guild.id
        return {
            "id": rid,
            "name": "@everyone" if everyone else name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": position,
            "permissions": str(self._role_bits(guild, rid)),
            "managed": False,
            "mentionable": False,
            "flags": 0,
        }

    def _roles(self, guild: _Guild) -> list[JSONDict]:
        roles = [self._role(guild, None, guild.id, 0)]
        roles += [
            self._role(guild, name, rid, pos)
            for pos, (name, rid) in enumerate(guild.roles.items(), 1)
        ]
        return roles

    @staticmethod
    def _role_bits(guild: _Guild, rid: str) -> int:
        default = EVERYONE_PERMISSIONS if rid == guild.id else 0
        return guild.role_permissions.get(rid, default)

    def _permissions(self, guild: _Guild, user_id: str) -> int:
        """A member's guild-wide permissions: @everyone's and their roles' bits (all of
        them for the owner or an ADMINISTRATOR)."""
        if user_id == guild.owner_id:
            return ALL_PERMISSIONS
        value = self._role_bits(guild, guild.id)
        for rid in guild.members.get(user_id, []):
            value |= self._role_bits(guild, rid)
        return ALL_PERMISSIONS if value & ADMINISTRATOR else value

    def _member(self, guild: _Guild, user_id: str, *, with_user: bool = True) -> JSONDict:
        member: JSONDict = {
            "roles": list(guild.members[user_id]),
            "nick": None,
            "avatar": None,
            "joined_at": guild.joined_at,
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
            "communication_disabled_until": None,
        }
        if with_user:
            member["user"] = dict(self._users[user_id])
        return member

    def _guild_create(self, guild: _Guild) -> JSONDict:
        return {
            "id": guild.id,
            "name": guild.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "owner_id": guild.owner_id,
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "roles": self._roles(guild),
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "application_id": None,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "max_members": 500000,
            "vanity_url_code": None,
            "description": None,
            "banner": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "joined_at": guild.joined_at,
            "large": False,
            "unavailable": False,
            "lazy": True,
            "member_count": len(guild.members),
            "members": [self._member(guild, uid) for uid in guild.members],
            "channels": [
                {k: v for k, v in self._channels[cid].items() if k != "guild_id"}
                for cid in guild.channels.values()
            ],
            "threads": [
                {k: v for k, v in self._channels[tid].items() if k != "member"}
                for tid in guild.threads
            ],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }

    def _user_message(
        self, channel_id: str, user_id: str, content: str, reply_to: str | int | None
    ) -> JSONDict:
        message = self._base_message(channel_id, self._users[user_id])
        message["content"] = content
        gid = self._channel_guild.get(channel_id)
        mentioned = [
            dict(self._users[u]) for u in _USER_MENTION_RE.findall(content) if u in self._users
        ]
        if gid is not None:
            message["mention_roles"] = [
                r
                for r in _ROLE_MENTION_RE.findall(content)
                if r in self._guilds[gid].roles.values()
            ]
        if reply_to is not None:
            rid = _str_id(reply_to)
            referenced = self._messages.get(rid)
            if referenced is None and rid not in self._deleted_ids:
                raise KeyError(f"unknown message {rid} to reply to")
            if referenced is not None and referenced["channel_id"] != channel_id:
                raise ValueError(f"message {rid} is not in channel {channel_id}")
            message["type"] = MESSAGE_REPLY
            message["message_reference"] = {
                "type": 0,
                "message_id": rid,
                "channel_id": channel_id,
                **({"guild_id": gid} if gid else {}),
            }
            message["referenced_message"] = copy.deepcopy(referenced)
            if referenced is not None:
                author = referenced["author"]
                if all(m["id"] != author["id"] for m in mentioned):
                    mentioned.append(dict(author))
        message["mentions"] = mentioned
        return message

    def _base_message(self, channel_id: str, author: JSONDict) -> JSONDict:
        return {
            "id": self._snowflake(),
            "type": MESSAGE_DEFAULT,
            "channel_id": channel_id,
            "author": self._public_user(author),
            "content": "",
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": False,
            "flags": 0,
            "components": [],
        }

    def _store(self, message: JSONDict) -> None:
        self._messages[str(message["id"])] = message
        channel = self._channels.get(str(message["channel_id"]))
        if channel is not None:
            channel["last_message_id"] = message["id"]

    def _gateway_message(self, message: JSONDict) -> JSONDict:
        """A stored message as MESSAGE_CREATE/UPDATE data (guild_id + member in guilds)."""
        data = copy.deepcopy(message)
        gid = self._channel_guild.get(str(message["channel_id"]))
        if gid is not None:
            guild = self._guilds[gid]
            data["guild_id"] = gid
            author_id = message["author"]["id"]
            if author_id in guild.members:
                data["member"] = self._member(guild, author_id, with_user=False)
        return data

    # ------------------------------------------------------------------ gateway dispatch

    def _dispatch(self, event: _Event, *, required: bool = False) -> None:
        targets = [s for s in self._sessions.values() if s.resumable]
        if not targets:
            if not required:
                return  # e.g. the echo of a REST send while no gateway session exists
            if not self.drop_undeliverable:
                raise RuntimeError(
                    f"{event.t}: no gateway session to deliver to (Discord would drop it); "
                    "await wait_until_identified() first or set drop_undeliverable"
                )
            self.dropped_events.append((event.t, event.d))
            return
        for session in targets:
            self._deliver(session, event)
        self.changed()

    def _deliver(self, session: _Session, event: _Event) -> None:
        if event.intent and not session.intents & event.intent:
            self.filtered_events.append((event.t, event.d))
            return
        data = event.d
        if event.gated and not session.intents & INTENT_MESSAGE_CONTENT:
            data = self._without_content(data)
        session.seq += 1
        text = json.dumps({"op": 0, "s": session.seq, "t": event.t, "d": data})
        entry = _LogEntry(session.seq, text, event.interaction_id)
        session.log.append(entry)
        conn = session.conn
        if conn is not None and conn.active:
            conn.queue.put_nowait((text, entry))

    def _without_content(self, data: JSONDict) -> JSONDict:
        bot_id = self.bot_user["id"]
        author = data.get("author") or {}
        mentions = data.get("mentions") or []
        if author.get("id") == bot_id or any(m.get("id") == bot_id for m in mentions):
            return data
        stripped = dict(data, content="", embeds=[], attachments=[], components=[])
        stripped.pop("poll", None)
        if data.get("message_snapshots"):  # a forward's words are content too
            stripped["message_snapshots"] = [
                {"message": dict(snap["message"], content="", embeds=[], attachments=[])}
                for snap in data["message_snapshots"]
            ]
        referenced = data.get("referenced_message")
        if isinstance(referenced, dict):
            stripped["referenced_message"] = self._without_content(referenced)
        return stripped

    def _ready(self, session: _Session, shard: Any) -> JSONDict:
        ready: JSONDict = {
            "v": API_VERSION,
            "user": dict(self.bot_user),
            "user_settings": {},
            "relationships": [],
            "private_channels": [],
            "presences": [],
            "guilds": [
                {"id": gid, "unavailable": True}
                for gid in self._guilds
                if gid not in self.removed_from_guilds
            ],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "session_id": session.id,
            "session_type": "normal",
            "resume_gateway_url": self.gateway_url,
            "application": {"id": self.application_id, "flags": APPLICATION_FLAGS},
            "_trace": ['["fake-discord-gateway",{"micros":1}]'],
        }
        if shard is not None:  # AutoShardedClient reads it
            ready["shard"] = shard
        return ready

    # ------------------------------------------------------------------ gateway websocket

    async def _handle_gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=0, autoping=True)
        await ws.prepare(request)
        info = GatewayConnection(query=dict(request.query), opened_at=time.monotonic())
        conn = _Conn(ws=ws, transport=request.transport, info=info)
        self.gateway_connections.append(info)
        self._conns.append(conn)
        conn.writer = asyncio.create_task(self._write_loop(conn))
        hello = {"heartbeat_interval": self.heartbeat_interval_ms, "_trace": ["fake-gateway"]}
        conn.queue.put_nowait((json.dumps({"op": 10, "d": hello, "s": None, "t": None}), None))
        self.changed()
        try:
            async for msg in ws:
                if msg.type is aiohttp.WSMsgType.TEXT:
                    await self._on_gateway_text(conn, msg.data)
                elif msg.type is aiohttp.WSMsgType.BINARY:
                    await self._close(conn, 4002, "Error while decoding payload.")
                else:
                    break
        finally:
            self._on_closed(conn)
            conn.queue.put_nowait(None)
            with contextlib.suppress(BaseException):
                await asyncio.wait_for(conn.writer, 1)
            self.changed()
        return ws

    async def _write_loop(self, conn: _Conn) -> None:
        while True:
            item = await conn.queue.get()
            if item is None or conn.ws.closed:
                return
            text, entry = item
            try:
                await conn.ws.send_str(text)
            except (ConnectionError, RuntimeError):
                return
            if entry is not None:
                entry.written = True
                if entry.interaction_id is not None:
                    interaction = self._interactions.get(entry.interaction_id)
                    if interaction is not None and interaction.delivered_at is None:
                        interaction.delivered_at = time.monotonic()
            self.changed()

    async def _close(self, conn: _Conn, code: int, reason: str) -> None:
        conn.info.closed_by_server = True
        conn.active = False
        if code in _FATAL_CLOSE_CODES and conn.session is not None:
            conn.session.resumable = False
        # Let already queued frames (e.g. HELLO) go out first.
        conn.queue.put_nowait(None)
        if conn.writer is not None:
            with contextlib.suppress(BaseException):
                await asyncio.wait_for(asyncio.shield(conn.writer), 1)
        await conn.ws.close(code=code, message=reason.encode())

    def _on_closed(self, conn: _Conn) -> None:
        conn.active = False
        code = conn.ws.close_code
        conn.info.close_code = code
        if conn in self._conns:
            self._conns.remove(conn)
        session = conn.session
        if session is None or session.conn is not conn:
            return
        session.conn = None
        if not conn.info.closed_by_server and code in (1000, 1001):
            session.resumable = False  # a clean client close ends the session

    async def _on_gateway_text(self, conn: _Conn, text: str) -> None:
        try:
            payload = json.loads(text)
            op = int(payload["op"])
        except (ValueError, KeyError, TypeError):
            await self._close(conn, 4002, "Error while decoding payload.")
            return
        conn.info.ops.append(op)
        data = payload.get("d")
        if op == 1:  # HEARTBEAT
            conn.info.heartbeats += 1
            conn.queue.put_nowait((json.dumps({"op": 11, "d": None}), None))
        elif op == 2:
            await self._on_identify(conn, data if isinstance(data, dict) else {})
        elif op == 6:
            await self._on_resume(conn, data if isinstance(data, dict) else {})
        elif conn.session is None:
            await self._close(conn, 4003, "Not authenticated.")
        elif op == 8:
            self._on_request_members(conn.session, data if isinstance(data, dict) else {})
        elif op in (3, 4):  # presence / voice state updates: accepted, ignored
            pass
        else:
            await self._close(conn, 4001, "Unknown opcode.")

    async def _on_identify(self, conn: _Conn, data: JSONDict) -> None:
        if conn.session is not None:
            await self._close(conn, 4005, "Already authenticated.")
            return
        if data.get("token") != self.token:
            await self._close(conn, 4004, "Authentication failed.")
            return
        intents = data.get("intents")
        if not isinstance(intents, int) or intents < 0:
            await self._close(conn, 4013, "Invalid intent(s).")
            return
        if intents & PRIVILEGED_INTENTS and not self.privileged_intents_enabled:
            await self._close(conn, 4014, "Disallowed intent(s).")
            return
        self.identify_payloads.append(data)
        session = _Session(id=secrets.token_hex(16), intents=intents, conn=conn)
        self._sessions[session.id] = session
        conn.session = session
        conn.info.session_id = session.id
        conn.active = True
        self._deliver(session, _Event("READY", self._ready(session, data.get("shard"))))
        for guild in self._guilds.values():
            if guild.id in self.removed_from_guilds:
                continue
            self._deliver(session, _Event("GUILD_CREATE", self._guild_create(guild), INTENT_GUILDS))
        self.identify_count += 1
        self.changed()

    async def _on_resume(self, conn: _Conn, data: JSONDict) -> None:
        if conn.session is not None:
            await self._close(conn, 4005, "Already authenticated.")
            return
        if data.get("token") != self.token:
            await self._close(conn, 4004, "Authentication failed.")
            return
        session = self._sessions.get(str(data.get("session_id")))
        seq = data.get("seq")
        last = int(seq) if isinstance(seq, int) else 0
        if session is None or not session.resumable or last > session.seq:
            conn.queue.put_nowait((json.dumps({"op": 9, "d": False}), None))
            return
        old = session.conn
        if old is not None and old is not conn:
            old.active = False
            old.info.closed_by_server = True
            with contextlib.suppress(Exception):
                await old.ws.close(code=4000, message=b"Session resumed elsewhere.")
            old.session = None
        session.conn = conn
        conn.session = session
        conn.info.session_id = session.id
        for entry in session.log:
            if entry.seq > last:
                conn.queue.put_nowait((entry.text, entry))
        session.seq += 1
        resumed = {"op": 0, "s": session.seq, "t": "RESUMED", "d": {"_trace": ["fake"]}}
        conn.queue.put_nowait((json.dumps(resumed), None))
        conn.active = True
        self.resume_count += 1
        self.changed()

    def _on_request_members(self, session: _Session, data: JSONDict) -> None:
        gids = data.get("guild_id")
        guild_ids = gids if isinstance(gids, list) else [gids]
        user_ids = data.get("user_ids")
        wanted = (
            None
            if user_ids is None
            else {str(u) for u in (user_ids if isinstance(user_ids, list) else [user_ids])}
        )
        query = str(data.get("query") or "").lower()
        limit = int(data.get("limit") or 0)
        for gid in guild_ids:
            guild = self._guilds.get(str(gid))
            if guild is None:
                continue
            members = []
            for uid in guild.members:
                if wanted is not None and uid not in wanted:
                    continue
                if query and not str(self._users[uid]["username"]).lower().startswith(query):
                    continue
                members.append(self._member(guild, uid))
            if limit:
                members = members[:limit]
            chunk: JSONDict = {
                "guild_id": guild.id,
                "members": members,
                "chunk_index": 0,
                "chunk_count": 1,
                "not_found": sorted(wanted - set(guild.members)) if wanted else [],
            }
            if data.get("nonce") is not None:
                chunk["nonce"] = data["nonce"]
            self._deliver(session, _Event("GUILD_MEMBERS_CHUNK", chunk))
        self.changed()

    # ------------------------------------------------------------------ REST plumbing

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        m = _API_PATH_RE.match(request.path)
        path = m.group(2) if m else request.path
        try:
            body, files = await self._read_body(request)
        except ValueError as exc:
            return self._error(
                _APIError(400, 50109, f"The request body contains invalid JSON. {exc}")
            )
        self.requests.append(
            RecordedRequest(
                method=request.method,
                path=path,
                json=body,
                headers=dict(request.headers),
                query=dict(request.query),
                at=time.monotonic(),
                files=tuple(files),
            )
        )
        self.changed()
        try:
            if m is None:
                raise _APIError(404, 0, "404: Not Found")
            route = self._route(request.method, path)
            if route is None:
                raise _APIError(404, 0, "404: Not Found")
            handler, args, needs_auth, template = route
            if needs_auth and request.headers.get("Authorization") != f"Bot {self.token}":
                raise _APIError(401, 0, "401: Unauthorized")
            self._check_faults(request.method, path)
            status, result = handler(*args, body=body, query=dict(request.query), files=files)
        except _APIError as err:
            return self._error(err)
        finally:
            self.changed()
        extra = self._ratelimit_headers(request.method, template)
        if status == 204:
            return web.Response(status=204, headers=extra)
        return self._json(status, result, extra)

    async def _read_body(self, request: web.Request) -> tuple[Any, list[str]]:
        if not request.body_exists:
            return None, []
        if request.content_type.startswith("multipart/"):
            body: Any = None
            files: list[str] = []
            reader = await request.multipart()
            while True:
                part = await reader.next()
                if part is None:
                    break
                if not isinstance(part, aiohttp.BodyPartReader):
                    continue
                if part.name == "payload_json":
                    body = json.loads(await part.text())
                else:
                    await part.read()
                    files.append(part.filename or part.name or "file")
            return body, files
        raw = await request.read()
        if not raw:
            return None, []
        return json.loads(raw), []

    @staticmethod
    def _json(status: int, body: Any, headers: dict[str, str] | None = None) -> web.Response:
        # Exactly "application/json": discord.py compares the header string.
        all_headers = {"Content-Type": "application/json"}
        all_headers.update(headers or {})
        return web.Response(status=status, body=json.dumps(body).encode(), headers=all_headers)

    def _error(self, err: _APIError) -> web.Response:
        headers: dict[str, str] = {}
        if err.status == 429:
            self.count_429 += 1
            retry_after = err.retry_after if err.retry_after is not None else 0.05
            body: JSONDict = {
                "message": err.message,
                "retry_after": retry_after,
                "global": err.is_global,
            }
            if err.code:
                body["code"] = err.code
            headers = {
                "Retry-After": str(max(1, math.ceil(retry_after))),
                "X-RateLimit-Scope": "global" if err.is_global else "user",
                "Via": "1.1 google",  # discord.py treats a 429 without Via as a Cloudflare ban
            }
            if err.is_global:
                headers["X-RateLimit-Global"] = "true"
            return self._json(429, body, headers)
        body = {"message": err.message, "code": err.code}
        if err.errors:
            body["errors"] = err.errors
        return self._json(err.status, body, headers)

    def _ratelimit_headers(self, method: str, template: str) -> dict[str, str]:
        if not self.ratelimit_headers:
            return {}
        bucket = hashlib.sha1(f"{method} {template}".encode()).hexdigest()[:32]
        return {
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": "4",
            "X-RateLimit-Reset": f"{time.time() + 1:.3f}",
            "X-RateLimit-Reset-After": "1.000",
            "X-RateLimit-Bucket": bucket,
        }

    def _check_faults(self, method: str, path: str) -> None:
        for fault in self._faults:
            if fault.times <= 0:
                continue
            if fault.method not in ("*", method.upper()) or fault.path_contains not in path:
                continue
            fault.times -= 1
            fault.hits += 1
            self._faults = [f for f in self._faults if f.times > 0]
            raise _APIError(
                fault.status,
                fault.code,
                fault.message,
                errors=fault.errors,
                retry_after=fault.retry_after,
                is_global=fault.is_global,
            )

    def _route(
        self, method: str, path: str
    ) -> tuple[Callable[..., tuple[int, Any]], tuple[str, ...], bool, str] | None:
        for r_method, pattern, handler, needs_auth in self._route_table:
            if r_method != method:
                continue
            match = pattern.fullmatch(path)
            if match is not None:
                return handler, match.groups(), needs_auth, pattern.pattern
        return None

    def _routes(self) -> list[tuple[str, re.Pattern[str], Callable[..., tuple[int, Any]], bool]]:
        sf = r"(\d{1,20})"
        tok = r"([^/]+)"
        table: list[tuple[str, str, Callable[..., tuple[int, Any]], bool]] = [
            ("GET", "/gateway", self._r_gateway, False),
            ("GET", "/gateway/bot", self._r_gateway_bot, True),
            ("GET", "/users/@me", self._r_me, True),
            ("GET", f"/users/{sf}", self._r_user, True),
            ("GET", "/applications/@me", self._r_application, True),
            ("GET", "/oauth2/applications/@me", self._r_application, True),
            ("GET", f"/applications/{sf}/commands", self._r_get_commands, True),
            ("PUT", f"/applications/{sf}/commands", self._r_put_commands, True),
            ("GET", f"/applications/{sf}/guilds/{sf}/commands", self._r_get_guild_commands, True),
            ("PUT", f"/applications/{sf}/guilds/{sf}/commands", self._r_put_guild_commands, True),
            ("POST", "/users/@me/channels", self._r_create_dm, True),
            ("GET", f"/channels/{sf}", self._r_channel, True),
            ("POST", f"/channels/{sf}/typing", self._r_typing, True),
            ("GET", f"/channels/{sf}/messages", self._r_history, True),
            ("POST", f"/channels/{sf}/messages", self._r_send, True),
            ("GET", f"/channels/{sf}/messages/{sf}", self._r_get_message, True),
            ("PATCH", f"/channels/{sf}/messages/{sf}", self._r_edit, True),
            ("DELETE", f"/channels/{sf}/messages/{sf}", self._r_delete, True),
            ("GET", f"/guilds/{sf}", self._r_guild, True),
            ("GET", f"/guilds/{sf}/channels", self._r_guild_channels, True),
            ("GET", f"/guilds/{sf}/roles", self._r_guild_roles, True),
            ("GET", f"/guilds/{sf}/members/{sf}", self._r_member, True),
            ("POST", f"/interactions/{sf}/{tok}/callback", self._r_callback, False),
            ("GET", f"/webhooks/{sf}/{tok}/messages/(@original|\\d+)", self._r_wh_get, False),
            ("PATCH", f"/webhooks/{sf}/{tok}/messages/(@original|\\d+)", self._r_wh_edit, False),
            ("DELETE", f"/webhooks/{sf}/{tok}/messages/(@original|\\d+)", self._r_wh_del, False),
            ("POST", f"/webhooks/{sf}/{tok}", self._r_followup, False),
        ]
        return [(m, re.compile(p), h, a) for m, p, h, a in table]

    # ------------------------------------------------------------------ REST: misc

    def _r_gateway(self, **_: Any) -> tuple[int, Any]:
        return 200, {"url": self.gateway_url}

    def _r_gateway_bot(self, **_: Any) -> tuple[int, Any]:
        limit = {"total": 1000, "remaining": 999, "reset_after": 14400000, "max_concurrency": 1}
        return 200, {"url": self.gateway_url, "shards": 1, "session_start_limit": limit}

    def _r_me(self, **_: Any) -> tuple[int, Any]:
        return 200, dict(self.bot_user)

    def _r_user(self, uid: str, **_: Any) -> tuple[int, Any]:
        user = self._users.get(uid)
        if user is None:
            raise _APIError(404, 10013, "Unknown User")
        return 200, dict(user)

    def _r_application(self, **_: Any) -> tuple[int, Any]:
        return 200, {
            "id": self.application_id,
            "name": self.bot_user["username"],
            "icon": None,
            "description": "",
            "summary": "",
            "type": None,
            "bot_public": False,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "flags": APPLICATION_FLAGS,
            "owner": {
                "id": "900000000000000999",
                "username": "owner",
                "global_name": None,
                "discriminator": "0",
                "avatar": None,
                "public_flags": 0,
            },
            "team": None,
            "bot": self._public_user(self.bot_user),
            "redirect_uris": [],
            "interactions_endpoint_url": None,
            "approximate_guild_count": len(self._guilds),
            "integration_types_config": {"0": {}},
        }

    def _r_get_commands(self, app_id: str, **_: Any) -> tuple[int, Any]:
        self._own_application(app_id)
        return 200, copy.deepcopy(self.global_commands)

    def _r_put_commands(self, app_id: str, *, body: Any, **_: Any) -> tuple[int, Any]:
        self._own_application(app_id)
        self.global_commands = self._registered(app_id, None, body)
        return 200, copy.deepcopy(self.global_commands)

    def _r_get_guild_commands(self, app_id: str, gid: str, **_: Any) -> tuple[int, Any]:
        self._own_application(app_id)
        self._guild_with_scope(gid)
        return 200, copy.deepcopy(self.guild_commands.get(gid, []))

    def _r_put_guild_commands(
        self, app_id: str, gid: str, *, body: Any, **_: Any
    ) -> tuple[int, Any]:
        self._own_application(app_id)
        self._guild_with_scope(gid)
        self.guild_commands[gid] = self._registered(app_id, gid, body)
        return 200, copy.deepcopy(self.guild_commands[gid])

    def _own_application(self, app_id: str) -> None:
        if app_id != self.application_id:
            raise _APIError(403, 50001, "Missing Access")

    def _guild_with_scope(self, gid: str) -> None:
        if gid not in self._guilds or gid in self.no_commands_scope:
            raise _APIError(403, 50001, "Missing Access")

    def _registered(self, app_id: str, gid: str | None, body: Any) -> list[JSONDict]:
        """Bulk overwrite: the commands as Discord stores them, or 400 50035."""
        errors = _FormErrors()
        if not isinstance(body, list):
            errors.add((), "BASE_TYPE_ARRAY", "Must be an array.")
            errors.raise_if_any()
        assert isinstance(body, list)
        if len(body) > MAX_COMMANDS:
            errors.add((), "BASE_TYPE_MAX_LENGTH", f"Must be {MAX_COMMANDS} or fewer in length.")
        seen: set[tuple[int, str]] = set()
        for index, command in enumerate(body):
            if not isinstance(command, dict):
                errors.add((index,), "DICT_TYPE_CONVERT", "Only dictionaries may be used.")
                continue
            kind = command.get("type", COMMAND_CHAT_INPUT)
            name = command.get("name")
            self._check_name((index, "name"), name, errors)
            if (kind, str(name)) in seen:
                errors.add(
                    (index, "name"),
                    "APPLICATION_COMMANDS_DUPLICATE_NAME",
                    f"Application command names must be unique: {name}",
                )
            seen.add((kind, str(name)))
            if kind == COMMAND_CHAT_INPUT:
                self._check_description((index, "description"), command.get("description"), errors)
            contexts = command.get("contexts")
            if contexts is not None and (
                not isinstance(contexts, list)
                or not all(
                    c in (CONTEXT_GUILD, CONTEXT_BOT_DM, CONTEXT_PRIVATE_CHANNEL) for c in contexts
                )
            ):
                errors.add(
                    (index, "contexts"), "ENUM_TYPE_COERCE", "Value is not a valid enum value."
                )
            self._check_options((index, "options"), command.get("options"), errors)
        errors.raise_if_any()
        return [
            {
                **copy.deepcopy(c),
                "id": self._snowflake(),
                "application_id": app_id,
                "version": self._snowflake(),
                "type": c.get("type", COMMAND_CHAT_INPUT),
                "options": copy.deepcopy(c.get("options") or []),
                **({"guild_id": gid} if gid is not None else {}),
            }
            for c in body
        ]

    @staticmethod
    def _check_name(path: tuple[str | int, ...], name: Any, errors: _FormErrors) -> None:
        valid = (
            isinstance(name, str)
            and 1 <= len(name) <= 32
            and all(ch in "-_" or ch.isalnum() for ch in name)
            and name == name.lower()
        )
        if not valid:
            errors.add(path, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")

    @staticmethod
    def _check_description(path: tuple[str | int, ...], text: Any, errors: _FormErrors) -> None:
        if not isinstance(text, str) or not 1 <= len(text) <= MAX_DESCRIPTION:
            errors.add(
                path,
                "BASE_TYPE_BAD_LENGTH",
                f"Must be between 1 and {MAX_DESCRIPTION} in length.",
            )

    def _check_options(
        self, path: tuple[str | int, ...], options: Any, errors: _FormErrors
    ) -> None:
        if options is None:
            return
        if not isinstance(options, list):
            errors.add(path, "BASE_TYPE_ARRAY", "Must be an array.")
            return
        if len(options) > MAX_OPTIONS:
            errors.add(path, "BASE_TYPE_MAX_LENGTH", f"Must be {MAX_OPTIONS} or fewer in length.")
        optional_seen = False
        names: set[str] = set()
        for index, option in enumerate(options):
            where = (*path, index)
            if not isinstance(option, dict):
                errors.add(where, "DICT_TYPE_CONVERT", "Only dictionaries may be used.")
                continue
            if option.get("type") not in OPTION_TYPES:
                errors.add((*where, "type"), "BASE_TYPE_CHOICES", "Value must be one of 1-11.")
            self._check_name((*where, "name"), option.get("name"), errors)
            self._check_description((*where, "description"), option.get("description"), errors)
            if str(option.get("name")) in names:
                errors.add(
                    (*where, "name"),
                    "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
                    "Option names must be unique",
                )
            names.add(str(option.get("name")))
            if option.get("required"):
                if optional_seen:
                    errors.add(
                        where,
                        "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                        "Required options must be placed before non-required options",
                    )
            else:
                optional_seen = True

    def _r_create_dm(self, *, body: Any, **_: Any) -> tuple[int, Any]:
        recipient = body.get("recipient_id") if isinstance(body, dict) else None
        if recipient is None or not str(recipient).isdigit():
            errors = _FormErrors()
            errors.add(("recipient_id",), "BASE_TYPE_REQUIRED", "This field is required")
            errors.raise_if_any()
        cid = self.dm_channel_id(str(recipient))
        return 200, copy.deepcopy(self._channels[cid])

    def _channel_or_404(self, cid: str) -> JSONDict:
        channel = self._channels.get(cid)
        if channel is None:
            raise _APIError(404, 10003, "Unknown Channel")
        return channel

    def _r_channel(self, cid: str, **_: Any) -> tuple[int, Any]:
        channel = self._channel_or_404(cid)
        if cid in self._channel_guild and not (
            self.channel_permissions(cid, self.bot_user["id"]) & VIEW_CHANNEL
        ):
            raise _APIError(403, 50001, "Missing Access")
        return 200, copy.deepcopy(channel)

    def _r_typing(self, cid: str, **_: Any) -> tuple[int, Any]:
        self._channel_or_404(cid)
        return 204, None

    def _r_guild(self, gid: str, **_: Any) -> tuple[int, Any]:
        guild = self._guilds.get(gid)
        if guild is None:
            raise _APIError(404, 10004, "Unknown Guild")
        data = self._guild_create(guild)
        for key in ("members", "channels", "threads", "presences", "voice_states", "large"):
            data.pop(key, None)
        data.pop("joined_at", None)
        data.pop("member_count", None)
        return 200, data

    def _r_guild_channels(self, gid: str, **_: Any) -> tuple[int, Any]:
        guild = self._guilds.get(gid)
        if guild is None:
            raise _APIError(404, 10004, "Unknown Guild")
        return 200, [copy.deepcopy(self._channels[c]) for c in guild.channels.values()]

    def _r_guild_roles(self, gid: str, **_: Any) -> tuple[int, Any]:
        guild = self._guilds.get(gid)
        if guild is None:
            raise _APIError(404, 10004, "Unknown Guild")
        return 200, self._roles(guild)

    def _r_member(self, gid: str, uid: str, **_: Any) -> tuple[int, Any]:
        guild = self._guilds.get(gid)
        if guild is None:
            raise _APIError(404, 10004, "Unknown Guild")
        if uid not in guild.members:
            raise _APIError(404, 10007, "Unknown Member")
        return 200, self._member(guild, uid)

    # ------------------------------------------------------------------ REST: messages

    def _validate_message(self, body: Any, files: list[str], *, edit: bool = False) -> JSONDict:
        if not isinstance(body, dict):
            if files:
                return {}
            raise _APIError(400, 50109, "The request body contains invalid JSON.")
        if _has_lone_surrogate(body):  # escaped in JSON, but not text: Discord refuses it
            raise _APIError(400, 50109, "The request body contains invalid JSON.")
        errors = _FormErrors()
        content = body.get("content")
        if content is not None and not isinstance(content, str):
            errors.add(("content",), "BASE_TYPE_STRING", "Must be a string.")
        elif isinstance(content, str) and len(content) > MAX_CONTENT_LENGTH:
            errors.add(
                ("content",),
                "BASE_TYPE_MAX_LENGTH",
                f"Must be {MAX_CONTENT_LENGTH} or fewer in length.",
            )
        nonce = body.get("nonce")
        if nonce is not None and len(str(nonce)) > MAX_NONCE_LENGTH:
            errors.add(("nonce",), "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
        embeds = body.get("embeds")
        if embeds is not None:
            self._validate_embeds(embeds, errors)
        components = body.get("components")
        if components is not None:
            flags = int(body.get("flags") or 0)
            self._validate_components(
                components, errors, v2=bool(flags & MESSAGE_FLAG_COMPONENTS_V2)
            )
        errors.raise_if_any()
        if not edit:
            has_content = bool(content) or bool(embeds) or bool(components) or bool(files)
            has_content = has_content or bool(body.get("sticker_ids")) or "poll" in body
            if not has_content:
                raise _APIError(400, 50006, "Cannot send an empty message")
        return body

    @staticmethod
    def _validate_embeds(embeds: Any, errors: _FormErrors) -> None:
        if not isinstance(embeds, list):
            errors.add(("embeds",), "BASE_TYPE_ARRAY", "Must be an array.")
            return
        if len(embeds) > 10:
            errors.add(("embeds",), "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.")
        total = 0
        limits = {"title": 256, "description": 4096}
        for i, embed in enumerate(embeds):
            if not isinstance(embed, dict):
                errors.add(("embeds", i), "MODEL_TYPE_CONVERT", "Only dictionaries may be used.")
                continue
            for key, limit in limits.items():
                value = embed.get(key)
                if isinstance(value, str):
                    total += len(value)
                    if len(value) > limit:
                        errors.add(
                            ("embeds", i, key),
                            "BASE_TYPE_MAX_LENGTH",
                            f"Must be {limit} or fewer in length.",
                        )
            fields = embed.get("fields") or []
            if len(fields) > 25:
                errors.add(("embeds", i, "fields"), "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer.")
            for j, fld in enumerate(fields):
                for key, limit in (("name", 256), ("value", 1024)):
                    value = str(fld.get(key, "")) if isinstance(fld, dict) else ""
                    total += len(value)
                    if len(value) > limit:
                        errors.add(
                            ("embeds", i, "fields", j, key),
                            "BASE_TYPE_MAX_LENGTH",
                            f"Must be {limit} or fewer in length.",
                        )
        if total > 6000:
            errors.add(("embeds",), "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size.")

    @staticmethod
    def _validate_components(components: Any, errors: _FormErrors, *, v2: bool) -> None:
        if not isinstance(components, list):
            errors.add(("components",), "BASE_TYPE_ARRAY", "Must be an array.")
            return
        if v2:
            return  # Components V2 layouts are not validated by the fake
        if len(components) > 5:
            errors.add(("components",), "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.")
        seen: set[str] = set()
        for i, row in enumerate(components):
            if not isinstance(row, dict) or row.get("type") != COMPONENT_ACTION_ROW:
                errors.add(
                    ("components", i, "type"),
                    "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                    "Top-level components must be action rows.",
                )
                continue
            children = row.get("components")
            if not isinstance(children, list) or not 1 <= len(children) <= 5:
                errors.add(
                    ("components", i, "components"),
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 5 in length.",
                )
                continue
            for j, comp in enumerate(children):
                path: tuple[str | int, ...] = ("components", i, "components", j)
                ctype = comp.get("type") if isinstance(comp, dict) else None
                if ctype in SELECT_TYPES and len(children) > 1:
                    errors.add(
                        path, "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "A select must be alone in a row."
                    )
                if ctype not in SELECT_TYPES and ctype != COMPONENT_BUTTON:
                    errors.add((*path, "type"), "UNION_TYPE_CHOICES", "Value must be a component.")
                    continue
                assert isinstance(comp, dict)
                custom_id = comp.get("custom_id")
                style = comp.get("style")
                link = ctype == COMPONENT_BUTTON and style in (
                    BUTTON_STYLE_LINK,
                    BUTTON_STYLE_PREMIUM,
                )
                if ctype == COMPONENT_BUTTON and style not in range(1, 7):
                    errors.add((*path, "style"), "BASE_TYPE_CHOICES", "Value must be 1-6.")
                if link:
                    if custom_id is not None:
                        errors.add(
                            (*path, "custom_id"),
                            "BUTTON_LINK_CUSTOM_ID",
                            "A link button cannot have a custom id.",
                        )
                    if style == BUTTON_STYLE_LINK and not comp.get("url"):
                        errors.add((*path, "url"), "BASE_TYPE_REQUIRED", "This field is required")
                elif not isinstance(custom_id, str) or not 1 <= len(custom_id) <= 100:
                    errors.add(
                        (*path, "custom_id"),
                        "BASE_TYPE_BAD_LENGTH",
                        "Must be between 1 and 100 in length.",
                    )
                elif custom_id in seen:
                    errors.add(
                        (*path, "custom_id"),
                        "COMPONENT_CUSTOM_ID_DUPLICATED",
                        "Component custom id cannot be duplicated",
                    )
                else:
                    seen.add(custom_id)
                label = comp.get("label")
                if isinstance(label, str) and len(label) > 80:
                    errors.add(
                        (*path, "label"), "BASE_TYPE_MAX_LENGTH", "Must be 80 or fewer in length."
                    )

    def _new_bot_message(
        self,
        channel_id: str,
        body: JSONDict,
        files: list[str],
        *,
        interaction: _Interaction | None = None,
    ) -> tuple[JSONDict, str | None]:
        """Build and store a bot message; returns it and the replied-to author id."""
        message = self._base_message(channel_id, self.bot_user)
        message["content"] = body.get("content") or ""
        message["embeds"] = list(body.get("embeds") or [])
        message["components"] = list(body.get("components") or [])
        message["flags"] = int(body.get("flags") or 0)
        message["tts"] = bool(body.get("tts", False))
        message["attachments"] = [
            {"id": self._snowflake(), "filename": name, "size": 0, "url": "", "proxy_url": ""}
            for name in files
        ]
        if body.get("nonce") is not None:
            message["nonce"] = str(body["nonce"])
        replied_user: str | None = None
        reference = body.get("message_reference")
        if isinstance(reference, dict) and reference.get("message_id") is not None:
            rid = str(reference["message_id"])
            ref_channel = str(reference.get("channel_id") or channel_id)
            referenced = self._messages.get(rid)
            if referenced is None or referenced["channel_id"] != ref_channel:
                if reference.get("fail_if_not_exists", True) is not False:
                    errors = _FormErrors()
                    errors.add(("message_reference",), "REPLIES_UNKNOWN_MESSAGE", "Unknown message")
                    errors.raise_if_any()
            else:
                message["type"] = MESSAGE_REPLY
                gid = self._channel_guild.get(ref_channel)
                message["message_reference"] = {
                    "type": 0,
                    "message_id": rid,
                    "channel_id": ref_channel,
                    **({"guild_id": gid} if gid else {}),
                }
                message["referenced_message"] = copy.deepcopy(referenced)
                replied_user = str(referenced["author"]["id"])
        if interaction is not None:
            message["application_id"] = self.application_id
            message["webhook_id"] = self.application_id
            kind = interaction.payload["type"]
            message["interaction_metadata"] = {
                "id": interaction.id,
                "type": kind,
                "user": dict(self._users[interaction.user_id]),
                "authorizing_integration_owners": interaction.payload.get(
                    "authorizing_integration_owners", {}
                ),
            }
            if kind == INTERACTION_COMPONENT:
                message["interaction_metadata"]["interacted_message_id"] = interaction.message_id
            else:
                message["interaction_metadata"]["name"] = interaction.payload["data"]["name"]
        self._set_mentions(message, body.get("allowed_mentions"), replied_user)
        self._store(message)
        return message, replied_user

    def _set_mentions(self, message: JSONDict, allowed: Any, replied_user: str | None) -> None:
        record = SentMessage(
            channel_id="",
            content=message["content"],
            embeds=[],
            components=[],
            allowed_mentions=allowed if isinstance(allowed, dict) else None,
            nonce=None,
            enforce_nonce=False,
            message_reference=None,
            id="",
            replied_user_id=replied_user,
        )
        message["mentions"] = [
            dict(self._users[u]) for u in sorted(record.pinged_user_ids) if u in self._users
        ]
        message["mention_roles"] = sorted(record.pinged_role_ids)
        message["mention_everyone"] = record.pings_everyone

    def _record(
        self,
        message: JSONDict,
        body: JSONDict,
        files: list[str],
        replied_user: str | None,
        interaction_id: str | None = None,
    ) -> SentMessage:
        allowed = body.get("allowed_mentions")
        reference = body.get("message_reference")
        nonce = body.get("nonce")
        return SentMessage(
            channel_id=str(message["channel_id"]),
            content=body.get("content"),
            embeds=list(body.get("embeds") or []),
            components=list(body.get("components") or []),
            allowed_mentions=allowed if isinstance(allowed, dict) else None,
            nonce=str(nonce) if nonce is not None else None,
            enforce_nonce=bool(body.get("enforce_nonce", False)),
            message_reference=reference if isinstance(reference, dict) else None,
            id=str(message["id"]),
            flags=int(message.get("flags") or 0),
            interaction_id=interaction_id,
            replied_user_id=replied_user,
            files=list(files),
            at=time.monotonic(),
            payload=body,
        )

    def _echo(self, t: str, message: JSONDict) -> None:
        if not self.echo_own_messages or message.get("flags", 0) & MESSAGE_FLAG_EPHEMERAL:
            return
        dm = str(message["channel_id"]) in self._dm_user
        intent = INTENT_DIRECT_MESSAGES if dm else INTENT_GUILD_MESSAGES
        self._dispatch(_Event(t, self._gateway_message(message), intent, not dm))

    def _r_send(self, cid: str, *, body: Any, files: list[str], **_: Any) -> tuple[int, Any]:
        self._channel_or_404(cid)
        if self._channel_guild.get(cid) in self.removed_from_guilds:
            raise _APIError(403, 50001, "Missing Access")
        self._check_may_send(cid)
        payload = self._validate_message(body, files)
        user_id = self._dm_user.get(cid)
        if user_id is not None and user_id in {str(u) for u in self.closed_dms}:
            raise _APIError(403, 50007, "Cannot send messages to this user")
        nonce = payload.get("nonce")
        key = (cid, self.bot_user["id"], str(nonce))
        now = time.monotonic()
        if nonce is not None and payload.get("enforce_nonce"):
            previous = self._nonces.get(key)
            if previous is not None and now - previous[0] < self.nonce_window_s:
                existing = self._messages.get(previous[1])
                if existing is not None:
                    self.deduplicated_sends += 1
                    return 200, copy.deepcopy(existing)
        message, replied = self._new_bot_message(cid, payload, files)
        if nonce is not None:
            self._nonces[key] = (now, str(message["id"]))
        self.sent.append(self._record(message, payload, files, replied))
        self._echo("MESSAGE_CREATE", message)
        return 200, copy.deepcopy(message)

    def _check_may_send(self, cid: str) -> None:
        """Discord's answers to a bot posting where its permissions stop it: 403 50001
        "Missing Access" without VIEW_CHANNEL, 403 50013 "Missing Permissions" without
        SEND_MESSAGES (SEND_MESSAGES_IN_THREADS in a thread)."""
        if cid not in self._channel_guild:
            return  # a DM
        bits = self.channel_permissions(cid, self.bot_user["id"])
        if not bits & VIEW_CHANNEL:
            raise _APIError(403, 50001, "Missing Access")
        thread = self._channels[cid]["type"] != CHANNEL_GUILD_TEXT
        if not bits & (SEND_MESSAGES_IN_THREADS if thread else SEND_MESSAGES):
            raise _APIError(403, 50013, "Missing Permissions")

    def _r_history(self, cid: str, *, query: dict[str, str], **_: Any) -> tuple[int, Any]:
        self._channel_or_404(cid)
        limit = max(1, min(100, int(query.get("limit", "50"))))
        messages = sorted(
            (m for m in self._messages.values() if m["channel_id"] == cid),
            key=lambda m: int(m["id"]),
        )
        if "after" in query:
            after = int(query["after"])
            messages = [m for m in messages if int(m["id"]) > after][:limit]
        else:
            if "before" in query:
                before = int(query["before"])
                messages = [m for m in messages if int(m["id"]) < before]
            messages = messages[-limit:]
        return 200, [copy.deepcopy(m) for m in reversed(messages)]

    def _message_or_404(self, cid: str, mid: str) -> JSONDict:
        self._channel_or_404(cid)
        message = self._messages.get(mid)
        if message is None or message["channel_id"] != cid:
            raise _APIError(404, 10008, "Unknown Message")
        return message

    def _r_get_message(self, cid: str, mid: str, **_: Any) -> tuple[int, Any]:
        return 200, copy.deepcopy(self._message_or_404(cid, mid))

    def _apply_edit(
        self, message: JSONDict, body: JSONDict, files: list[str], interaction_id: str | None
    ) -> None:
        if "content" in body:
            message["content"] = body["content"] or ""
        if "embeds" in body:
            message["embeds"] = list(body["embeds"] or [])
        if "components" in body:
            message["components"] = list(body["components"] or [])
        if "flags" in body and body["flags"] is not None:
            keep = int(message.get("flags") or 0) & MESSAGE_FLAG_EPHEMERAL
            message["flags"] = (int(body["flags"]) & ~MESSAGE_FLAG_LOADING) | keep
        else:
            message["flags"] = int(message.get("flags") or 0) & ~MESSAGE_FLAG_LOADING
        if "allowed_mentions" in body or "content" in body:
            replied = None
            if message.get("referenced_message"):
                replied = str(message["referenced_message"]["author"]["id"])
            self._set_mentions(message, body.get("allowed_mentions"), replied)
        message["edited_timestamp"] = _now_iso()
        self.edits.append(self._record(message, body, files, None, interaction_id))
        self._echo("MESSAGE_UPDATE", message)

    def _r_edit(
        self, cid: str, mid: str, *, body: Any, files: list[str], **_: Any
    ) -> tuple[int, Any]:
        message = self._message_or_404(cid, mid)
        if message["author"]["id"] != self.bot_user["id"]:
            raise _APIError(403, 50005, "Cannot edit a message authored by another user")
        payload = self._validate_message(body or {}, files, edit=True)
        self._apply_edit(message, payload, files, None)
        return 200, copy.deepcopy(message)

    def _delete_message(self, message: JSONDict) -> None:
        mid = str(message["id"])
        cid = str(message["channel_id"])
        del self._messages[mid]
        self._deleted_ids.add(mid)
        self.deleted.append((cid, mid))
        if message.get("flags", 0) & MESSAGE_FLAG_EPHEMERAL:
            return
        data: JSONDict = {"id": mid, "channel_id": cid}
        gid = self._channel_guild.get(cid)
        if gid is not None:
            data["guild_id"] = gid
        dm = cid in self._dm_user
        self._dispatch(
            _Event("MESSAGE_DELETE", data, INTENT_DIRECT_MESSAGES if dm else INTENT_GUILD_MESSAGES)
        )

    def _r_delete(self, cid: str, mid: str, **_: Any) -> tuple[int, Any]:
        message = self._message_or_404(cid, mid)
        if message["author"]["id"] != self.bot_user["id"] and cid in self._dm_user:
            raise _APIError(403, 50003, "Cannot execute action on a DM channel")
        self._delete_message(message)
        return 204, None

    # ------------------------------------------------------------------ REST: interactions

    def _r_callback(
        self, iid: str, token: str, *, body: Any, query: dict[str, str], files: list[str], **_: Any
    ) -> tuple[int, Any]:
        interaction = self._interactions.get(iid)
        if interaction is None or interaction.token != token:
            raise _APIError(404, 10062, "Unknown interaction")
        deadline = self.interaction_ack_timeout_s
        delivered = interaction.delivered_at
        if deadline is not None and (delivered is None or time.monotonic() - delivered > deadline):
            raise _APIError(404, 10062, "Unknown interaction")
        if interaction.response_type is not None:
            raise _APIError(400, 40060, "Interaction has already been acknowledged.")
        if not isinstance(body, dict) or not isinstance(body.get("type"), int):
            errors = _FormErrors()
            errors.add(("type",), "BASE_TYPE_REQUIRED", "This field is required")
            errors.raise_if_any()
        assert isinstance(body, dict)
        rtype = int(body["type"])
        if rtype in (6, 7) and interaction.payload["type"] != INTERACTION_COMPONENT:
            errors = _FormErrors()  # updating "the message" is for components' messages only
            errors.add(("type",), "BASE_TYPE_CHOICES", "Value must be one of (4, 5, 9).")
            errors.raise_if_any()
        data = body.get("data") if isinstance(body.get("data"), dict) else None
        message: JSONDict | None = None
        cid = interaction.channel_id
        if rtype == 4:
            payload = self._validate_message(data or {}, files)
            message, replied = self._new_bot_message(cid, payload, files, interaction=interaction)
            self.sent.append(self._record(message, payload, files, replied, interaction.id))
            self._echo("MESSAGE_CREATE", message)
            interaction.original_message_id = str(message["id"])
        elif rtype == 5:
            flags = MESSAGE_FLAG_LOADING | (
                int((data or {}).get("flags") or 0) & MESSAGE_FLAG_EPHEMERAL
            )
            message, _replied = self._new_bot_message(
                cid, {"flags": flags}, [], interaction=interaction
            )
            self._echo("MESSAGE_CREATE", message)
            interaction.original_message_id = str(message["id"])
        elif rtype == 6:
            interaction.original_message_id = interaction.message_id
        elif rtype == 7:
            target = self._messages.get(interaction.message_id)
            if target is None:
                raise _APIError(404, 10008, "Unknown Message")
            payload = self._validate_message(data or {}, files, edit=True)
            self._apply_edit(target, payload, files, interaction.id)
            message = target
            interaction.original_message_id = interaction.message_id
        elif rtype == 9:
            if not data or not data.get("custom_id") or not data.get("title"):
                errors = _FormErrors()
                errors.add(("data",), "BASE_TYPE_REQUIRED", "A modal needs custom_id and title")
                errors.raise_if_any()
        else:
            errors = _FormErrors()
            errors.add(("type",), "BASE_TYPE_CHOICES", "Value must be one of (4, 5, 6, 7, 9).")
            errors.raise_if_any()
        interaction.response_type = rtype
        self.interaction_callbacks.append(
            InteractionCallback(
                interaction_id=interaction.id,
                token=token,
                type=rtype,
                data=data,
                message_id=str(message["id"]) if message is not None else None,
                at=time.monotonic(),
            )
        )
        if query.get("with_response", "").lower() not in ("1", "true"):
            return 204, None
        flags = int(message.get("flags") or 0) if message is not None else 0
        result: JSONDict = {
            "interaction": {
                "id": interaction.id,
                "type": interaction.payload["type"],
                "response_message_loading": rtype == 5,
                "response_message_ephemeral": bool(flags & MESSAGE_FLAG_EPHEMERAL),
            }
        }
        if message is not None:
            result["interaction"]["response_message_id"] = str(message["id"])
            result["resource"] = {"type": rtype, "message": copy.deepcopy(message)}
        return 200, result

    def _webhook_interaction(self, app_id: str, token: str) -> _Interaction:
        interaction = self._interactions_by_token.get(token)
        if app_id != self.application_id or interaction is None:
            raise _APIError(404, 10015, "Unknown Webhook")
        return interaction

    def _webhook_message(
        self, app_id: str, token: str, which: str
    ) -> tuple[_Interaction, JSONDict]:
        interaction = self._webhook_interaction(app_id, token)
        if which == "@original":
            if interaction.original_message_id is None:
                raise _APIError(404, 10008, "Unknown Message")
            mid = interaction.original_message_id
        else:
            mid = which
        message = self._messages.get(mid)
        if message is None:
            raise _APIError(404, 10008, "Unknown Message")
        return interaction, message

    def _r_wh_get(self, app_id: str, token: str, which: str, **_: Any) -> tuple[int, Any]:
        _interaction, message = self._webhook_message(app_id, token, which)
        return 200, copy.deepcopy(message)

    def _r_wh_edit(
        self, app_id: str, token: str, which: str, *, body: Any, files: list[str], **_: Any
    ) -> tuple[int, Any]:
        interaction, message = self._webhook_message(app_id, token, which)
        payload = self._validate_message(body or {}, files, edit=True)
        self._apply_edit(message, payload, files, interaction.id)
        return 200, copy.deepcopy(message)

    def _r_wh_del(self, app_id: str, token: str, which: str, **_: Any) -> tuple[int, Any]:
        _interaction, message = self._webhook_message(app_id, token, which)
        self._delete_message(message)
        return 204, None

    def _r_followup(
        self,
        app_id: str,
        token: str,
        *,
        body: Any,
        query: dict[str, str],
        files: list[str],
        **_: Any,
    ) -> tuple[int, Any]:
        interaction = self._webhook_interaction(app_id, token)
        if interaction.response_type is None:
            raise _APIError(404, 10015, "Unknown Webhook")
        payload = self._validate_message(body, files)
        message, replied = self._new_bot_message(
            interaction.channel_id, payload, files, interaction=interaction
        )
        self.sent.append(self._record(message, payload, files, replied, interaction.id))
        self._echo("MESSAGE_CREATE", message)
        if query.get("wait", "").lower() not in ("1", "true"):
            return 204, None
        return 200, copy.deepcopy(message)
