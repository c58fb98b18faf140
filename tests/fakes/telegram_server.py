"""A fake Telegram Bot API server for end-to-end tests.

The real ``python-telegram-bot`` client talks to it over HTTP on 127.0.0.1::

    async with FakeTelegram() as fake:
        bot = telegram.Bot(fake.token, base_url=f"{fake.base_url}/bot")
        await bot.initialize()
        fake.private_message(42, "/start")
        updates = await bot.get_updates(timeout=5)

It aims to behave like Telegram where it matters for a bot's correctness:

* ``getUpdates`` keeps updates until a later call passes an ``offset`` higher than their
  ``update_id``; unconfirmed updates are handed out again.  Long polling wakes as soon as an
  update is added.  A second concurrent ``getUpdates`` terminates the first one with a 409
  ``Conflict`` (as Telegram does when two bot instances poll).
* ``sendMessage``/``editMessageText`` validate HTML like Telegram's entity parser (only the
  supported tags, every ``<`` must start such a tag, every ``&`` must start an entity) and
  reject texts longer than 4096 characters after entity parsing.
* Faults can be injected (``fail_next``, ``blocked_chats``, ``limit_overall_per_s``).

All helpers are meant to be called from the event loop that runs the server (not thread-safe).
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import inspect
import json
import re
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import telegram
from aiohttp import web

from tests.fakes.server import FakeServer

__all__ = [
    "BOT_USER",
    "DEFAULT_TOKEN",
    "MAX_MESSAGE_LENGTH",
    "EntityParseError",
    "FakeTelegram",
    "Fault",
    "SentMessage",
    "parse_html",
]

JSONDict = dict[str, Any]
RequestHook = Callable[[str, JSONDict], Awaitable[None] | None]

DEFAULT_TOKEN = "123456789:TEST-token_for_the_fake_telegram_server"
MAX_MESSAGE_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024

# Update types Telegram leaves out unless a bot asks for them by name.
_NOT_BY_DEFAULT = frozenset({"chat_member", "message_reaction", "message_reaction_count"})

# What a resident can send, as the Bot API's Message fields (ids made up,
# field names and shapes as documented: PhotoSize arrays, Voice, Sticker...).
_FILE = {"file_id": "AgACAgQAAxkBAAIBZ2", "file_unique_id": "AQADk7cxG"}
SHAPES: dict[str, JSONDict] = {
    "text": {"text": "hello"},
    "photo": {
        "photo": [
            {**_FILE, "width": 90, "height": 67, "file_size": 1395},
            {
                **_FILE,
                "file_id": "AgACAgQAAxkBAAIBZ3",
                "width": 1280,
                "height": 960,
                "file_size": 104320,
            },
        ]
    },
    "video": {
        "video": {
            **_FILE,
            "width": 640,
            "height": 360,
            "duration": 7,
            "mime_type": "video/mp4",
            "file_size": 480213,
        }
    },
    "video_note": {"video_note": {**_FILE, "length": 240, "duration": 4, "file_size": 99320}},
    "voice": {"voice": {**_FILE, "duration": 3, "mime_type": "audio/ogg", "file_size": 9231}},
    "audio": {
        "audio": {
            **_FILE,
            "duration": 184,
            "performer": "Band",
            "title": "Song",
            "mime_type": "audio/mpeg",
            "file_size": 2948123,
        }
    },
    "document": {
        "document": {
            **_FILE,
            "file_name": "statement.pdf",
            "mime_type": "application/pdf",
            "file_size": 81234,
        }
    },
    "sticker": {
        "sticker": {
            **_FILE,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": "\U0001f44d",
            "set_name": "HotCherry",
            "file_size": 23410,
        }
    },
    # A GIF comes as both animation and document (for clients that predate animations).
    "animation": {
        "animation": {
            **_FILE,
            "width": 320,
            "height": 240,
            "duration": 2,
            "file_name": "dance.mp4",
            "mime_type": "video/mp4",
            "file_size": 90210,
        },
        "document": {
            **_FILE,
            "file_name": "dance.mp4",
            "mime_type": "video/mp4",
            "file_size": 90210,
        },
    },
    "location": {"location": {"latitude": 51.40583, "longitude": 0.01472}},
    "venue": {
        "location": {"latitude": 51.40583, "longitude": 0.01472},
        "venue": {
            "location": {"latitude": 51.40583, "longitude": 0.01472},
            "title": "Bromley Library",
            "address": "High Street, Bromley",
        },
    },
    "contact": {"contact": {"phone_number": "+447700900123", "first_name": "Sam", "user_id": 7001}},
    "poll": {
        "poll": {
            "id": "5123450000000000001",
            "question": "Which road is worst?",
            "options": [
                {"persistent_id": "0", "text": "Elm Road", "voter_count": 0},
                {"persistent_id": "1", "text": "Oak Lane", "voter_count": 0},
            ],
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": False,
            "type": "regular",
            "allows_multiple_answers": False,
            "allows_revoting": True,
            "members_only": False,
        }
    },
    "dice": {"dice": {"emoji": "\U0001f3b2", "value": 4}},
}
CAPTIONED = frozenset({"photo", "video", "voice", "audio", "document", "animation"})
_COPYABLE = frozenset(
    {
        "text",
        "photo",
        "video",
        "video_note",
        "voice",
        "audio",
        "document",
        "sticker",
        "animation",
        "location",
        "venue",
        "contact",
        "poll",
        "dice",
        "entities",
        "caption_entities",
    }
)
FIRST_UPDATE_ID = 1000

BOT_USER: JSONDict = {
    "id": 999000,
    "is_bot": True,
    "first_name": "Forum Bot",
    "username": "forum_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}

# Form fields that are always strings, even when they look like JSON (e.g. a text "123").
_STRING_FIELDS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "url",
        "secret_token",
        "callback_query_id",
        "inline_message_id",
        "inline_query_id",
        "description",
        "short_description",
        "name",
        "title",
        "query",
        "language_code",
        "emoji",
        "ip_address",
        "business_connection_id",
        "custom_emoji_id",
    }
)
# Fields that Telegram accepts as JSON-serialized strings even in JSON bodies.
_JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "reply_parameters",
        "link_preview_options",
        "entities",
        "caption_entities",
        "commands",
        "scope",
        "allowed_updates",
    }
)
_NUMBER_RE = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_COMMAND_RE = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@])")

_ALLOWED_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "a",
        "code",
        "pre",
        "tg-spoiler",
        "span",
        "blockquote",
    }
)
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY_RE = re.compile(r"&(?:(lt|gt|amp|quot)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));")
_START_TAG_NAME_RE = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
_END_TAG_RE = re.compile(r"</\s*([A-Za-z][A-Za-z0-9-]*)\s*>")
_ATTR_RE = re.compile(
    r"""\s+([A-Za-z][A-Za-z0-9_-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?"""
)

_ERR_UNAUTHORIZED = "Unauthorized"
_ERR_BLOCKED = "Forbidden: bot was blocked by the user"
_ERR_MIGRATED = "Bad Request: group chat was upgraded to a supergroup chat"
_ERR_FLOOD = "Too Many Requests: retry after 1"
_ERR_POLL_CONFLICT = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
_ERR_WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
_ERR_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)


class EntityParseError(ValueError):
    """Raised by :func:`parse_html` with a Telegram-like description."""


class _HTTPError(Exception):
    """Internal: turned into a Telegram error response."""

    def __init__(
        self,
        status: int,
        description: str,
        retry_after: int | None = None,
        parameters: JSONDict | None = None,
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after
        self.parameters = parameters


GROUP_ANONYMOUS_BOT: JSONDict = {
    "id": 1087968824,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}


@dataclass
class SentMessage:
    """A message successfully sent (``sendMessage``) or edited (``editMessageText``)."""

    chat_id: int | str
    text: str
    parse_mode: str | None
    reply_markup: JSONDict | None
    reply_to_message_id: int | None
    message_id: int
    at: float
    plain_text: str = ""
    message_thread_id: int | None = None
    params: JSONDict = field(default_factory=dict, repr=False)


@dataclass
class Fault:
    """An injected failure, consumed by matching requests (see ``FakeTelegram.fail_next``)."""

    method: str
    chat_id: int | str | None
    status: int
    description: str
    retry_after: int | None
    times: int


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _utf16_len(text: str) -> int:
    # Telegram counts UTF-16 code units; a lone surrogate (which Telegram's JSON can carry as
    # an escape, e.g. "\\ud800") is one of them.
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def parse_html(text: str) -> str:
    """Parse Telegram-style HTML and return the plain text, or raise :class:`EntityParseError`.

    Mirrors the Bot API rules: only the supported tags are allowed, tags must nest properly,
    every ``<`` must start a tag and every ``&`` must start ``&lt;``, ``&gt;``, ``&amp;``,
    ``&quot;`` or a numeric entity.  ``>`` may appear unescaped.
    """
    out: list[str] = []
    stack: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "&":
            m = _ENTITY_RE.match(text, i)
            if m is None:
                raise EntityParseError(
                    f"Unsupported HTML entity at byte offset {_byte_offset(text, i)}"
                )
            if m.group(1):
                out.append(_NAMED_ENTITIES[m.group(1)])
            else:
                code = int(m.group(2)) if m.group(2) else int(m.group(3), 16)
                if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or code == 0:
                    raise EntityParseError(
                        f"Invalid numeric HTML entity at byte offset {_byte_offset(text, i)}"
                    )
                out.append(chr(code))
            i = m.end()
        elif ch == "<":
            offset = _byte_offset(text, i)
            if text.startswith("</", i):
                m = _END_TAG_RE.match(text, i)
                if m is None:
                    raise EntityParseError(f"Unclosed end tag at byte offset {offset}")
                name = m.group(1).lower()
                if not stack:
                    raise EntityParseError(f'Unexpected end tag "{name}" at byte offset {offset}')
                if stack[-1] != name:
                    raise EntityParseError(
                        f'Unmatched end tag at byte offset {offset}, expected "</{stack[-1]}>", '
                        f'found "</{name}>"'
                    )
                stack.pop()
                i = m.end()
                continue
            m = _START_TAG_NAME_RE.match(text, i)
            if m is None:
                raise EntityParseError(f'Unsupported start tag "" at byte offset {offset}')
            name = m.group(1).lower()
            if name not in _ALLOWED_TAGS:
                raise EntityParseError(f'Unsupported start tag "{name}" at byte offset {offset}')
            j = m.end()
            attrs: dict[str, str] = {}
            while True:
                am = _ATTR_RE.match(text, j)
                if am is None:
                    break
                value = am.group(2) if am.group(2) is not None else am.group(3)
                if value is None:
                    value = am.group(4) or ""
                attrs[am.group(1).lower()] = value
                j = am.end()
            while j < n and text[j].isspace():
                j += 1
            if j >= n or text[j] != ">":
                raise EntityParseError(f"Unclosed start tag at byte offset {offset}")
            if name == "span" and attrs.get("class") != "tg-spoiler":
                raise EntityParseError(
                    f'Tag "span" must have class "tg-spoiler" at byte offset {offset}'
                )
            stack.append(name)
            i = j + 1
        else:
            out.append(ch)
            i += 1
    if stack:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(out)


def _decode_form_value(key: str, value: str) -> Any:
    if key in _STRING_FIELDS:
        return value
    stripped = value.strip()
    if not stripped:
        return value
    if (
        stripped[0] in "[{"
        or stripped in ("true", "false", "null")
        or _NUMBER_RE.fullmatch(stripped)
    ):
        try:
            return json.loads(stripped)
        except ValueError:
            return value
    return value


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return int(value)
    return None


def _same_chat(a: Any, b: Any) -> bool:
    return str(a).lstrip("@").lower() == str(b).lstrip("@").lower()


class FakeTelegram(FakeServer):
    """In-process fake of the Telegram Bot API (see module docstring)."""

    def __init__(self, token: str = DEFAULT_TOKEN, *, extra_tokens: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.token = token
        self.valid_tokens: set[str] = {token, *extra_tokens}
        self.bot_user: JSONDict = dict(BOT_USER)

        self.requests: list[tuple[str, JSONDict]] = []
        self.sent: list[SentMessage] = []
        self.edits: list[SentMessage] = []
        self.deleted: list[tuple[int | str, int]] = []
        self.callback_answers: list[JSONDict] = []
        self.commands: list[JSONDict] = []

        self.blocked_chats: set[int] = set()
        self.limit_overall_per_s: float | None = None
        self.count_429 = 0
        self.count_conflicts = 0
        self.on_request: RequestHook | None = None
        self.confirmed_offset = 0
        self.webhook_url: str = ""
        self.webhook_secret: str | None = None
        # The update types the bot asked for (getUpdates / setWebhook
        # allowed_updates, remembered until changed, as Telegram does); None: the default.
        self.allowed_updates: list[str] | None = None
        self.unwanted_updates: list[JSONDict] = []  # dropped: of a type the bot did not ask for
        # Groups upgraded to supergroups: old id -> new id (sends to the old id get a 400).
        self.migrated: dict[int, int] = {}
        # Rooms the bot was removed from (numeric id -> "kicked" or "left").
        self.removed_from: dict[int, str] = {}

        self._faults: list[Fault] = []
        self._updates: list[JSONDict] = []
        self._next_update_id = FIRST_UPDATE_ID
        self._next_callback_id = 1
        self._next_message_id: dict[int, int] = {}
        self._messages: dict[tuple[int, int], JSONDict] = {}
        self._users: dict[int, JSONDict] = {}
        self._channel_ids: dict[str, int] = {}
        self._send_times: deque[float] = deque()
        self._poll_generation = 0
        self._closing = False

    # ------------------------------------------------------------------ lifecycle

    def add_routes(self, app: web.Application) -> None:
        self._closing = False
        app.router.add_route("*", "/bot{token}/{method}", self._handle)

    async def before_stop(self) -> None:
        self._closing = True
        self.changed()  # wake long polls so shutdown doesn't wait for them

    @property
    def api_url(self) -> str:
        """Value for ``telegram.Bot(base_url=...)``."""
        return f"{self.base_url}/bot"

    def make_bot(self, **kwargs: Any) -> telegram.Bot:
        """A real ``telegram.Bot`` pointed at this server (call ``await bot.initialize()``)."""
        return telegram.Bot(self.token, base_url=self.api_url, **kwargs)

    # ------------------------------------------------------------------ inbound updates

    def add_update(self, raw: JSONDict) -> int:
        """Queue a raw update (``update_id`` is assigned if missing); returns its update_id."""
        update = dict(raw)
        if "update_id" not in update:
            update["update_id"] = self._next_update_id
        self._next_update_id = max(self._next_update_id, int(update["update_id"]) + 1)
        for key in ("message", "edited_message", "channel_post", "edited_channel_post"):
            msg = update.get(key)
            if isinstance(msg, dict) and "chat" in msg and "message_id" in msg:
                chat_id = int(msg["chat"]["id"])
                mid = int(msg["message_id"])
                self._messages[(chat_id, mid)] = msg
                self._next_message_id[chat_id] = max(self._next_message_id.get(chat_id, 1), mid + 1)
        self._updates.append(update)
        self.changed()
        return int(update["update_id"])

    def private_message(
        self,
        user_id: int,
        text: str,
        *,
        first_name: str = "Alex",
        username: str | None = None,
        last_name: str | None = None,
        language_code: str | None = None,
        reply_to_message_id: int | None = None,
    ) -> int:
        """The user writes ``text`` to the bot privately; ``reply_to_message_id``:
        as a reply to that message of the chat (the bot's, as sent), which
        Telegram includes whole as ``reply_to_message`` (without its own
        ``reply_to_message``). Returns the update id."""
        user = self._user(user_id, first_name, username, last_name, language_code)
        chat: JSONDict = {"id": user_id, "type": "private", "first_name": user["first_name"]}
        if username:
            chat["username"] = username
        msg = self._inbound_message(chat, user, text)
        if reply_to_message_id is not None:
            replied = self._messages[(user_id, reply_to_message_id)]
            msg["reply_to_message"] = {k: v for k, v in replied.items() if k != "reply_to_message"}
        return self.add_update({"message": msg})

    def private_shape(
        self,
        user_id: int,
        shape: str,
        *,
        caption: str | None = None,
        forwarded: bool = False,
        first_name: str = "Alex",
        media_group_id: str | None = None,
    ) -> int:
        """The user sends the bot a private message of ``shape`` (a key of
        ``SHAPES``: photo, video, voice, audio, document, sticker, animation,
        location, venue, contact, poll, video_note, dice, text), with the Bot
        API's own fields; ``caption`` for the shapes that take one (for
        ``text``: the text; for a ``poll``: its question). ``forwarded``: as
        forwarded from another user (``forward_origin``). ``media_group_id``:
        one item of an album (see ``private_album``). Returns the update id."""
        user = self._user(user_id, first_name, None, None, None)
        chat: JSONDict = {"id": user_id, "type": "private", "first_name": user["first_name"]}
        msg: JSONDict = {
            "message_id": self._alloc_message_id(user_id),
            "date": int(time.time()),
            "chat": chat,
            "from": user,
        }
        msg.update(copy.deepcopy(SHAPES[shape]))
        if caption is not None:
            if shape == "text":
                msg["text"] = caption
            elif shape == "poll":
                msg["poll"]["question"] = caption
            elif shape in CAPTIONED:
                msg["caption"] = caption
            else:
                raise ValueError(f"a {shape} has no caption")
        if media_group_id is not None:
            msg["media_group_id"] = media_group_id
            for size in msg.get(shape, []) if shape == "photo" else []:
                # each photo of an album is a file of its own
                size["file_id"] += f"-{msg['message_id']}"
                size["file_unique_id"] = f"{size['file_unique_id']}{msg['message_id']}"
        if forwarded:
            msg["forward_origin"] = {
                "type": "hidden_user",
                "sender_user_name": "Someone Else",
                "date": int(time.time()) - 3600,
            }
        return self.add_update({"message": msg})

    def private_album(
        self, user_id: int, count: int, *, caption: str | None = None, shape: str = "photo"
    ) -> list[int]:
        """The user sends ``count`` photos (or videos, documents, audio files) together, as
        Telegram delivers an album: each item a message and an update of its own, one after
        the other, all with the same ``media_group_id`` (a string), the ``caption`` on the
        first only. Returns the update ids."""
        if shape not in ("photo", "video", "document", "audio"):
            raise ValueError(f"an album cannot hold a {shape}")
        group = str(13_000_000_000_000_000 + self._next_update_id)
        return [
            self.private_shape(
                user_id, shape, caption=caption if i == 0 else None, media_group_id=group
            )
            for i in range(count)
        ]

    def last_message_of(self, user_id: int) -> int:
        """The id of the last message ``user_id`` sent in their private chat
        with the bot. Raises ValueError when there is none."""
        return max(
            mid
            for (chat, mid), message in self._messages.items()
            if chat == user_id and message.get("from", {}).get("id") == user_id
        )

    def edit_private_message(self, user_id: int, message_id: int, text: str) -> int:
        """The user edits their earlier private message ``message_id`` to
        ``text`` (its caption, if it has one): an ``edited_message`` update
        with ``edit_date``. Raises KeyError for a message the fake never saw."""
        original = self._messages[(user_id, message_id)]
        if original.get("from", {}).get("id") != user_id:
            raise ValueError(f"message {message_id} was not sent by {user_id}")
        edited = copy.deepcopy(original)
        edited.pop("entities", None)
        if "caption" in edited or any(k in edited for k in CAPTIONED):
            edited["caption"] = text
        else:
            edited["text"] = text
        edited["edit_date"] = int(time.time())
        return self.add_update({"edited_message": edited})

    def group_message(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        *,
        reply_to_message_id: int | None = None,
        first_name: str = "Alex",
        username: str | None = None,
        message_thread_id: int | None = None,
        title: str | None = None,
        anonymous: bool = False,
    ) -> int:
        """A message in a group. ``message_thread_id``: written in that forum
        topic (``is_topic_message``; without ``reply_to_message_id`` it
        replies to the topic's creation message, as in Telegram, whose
        ``message_id`` is the topic's id). ``anonymous``: an admin who
        remains anonymous: ``from`` is GroupAnonymousBot and ``sender_chat``
        the group (``user_id`` is not shown)."""
        user = self._user(user_id, first_name, username, None, None)
        chat = self._chat(chat_id)
        if title:
            chat["title"] = title
        if message_thread_id is not None:
            chat["is_forum"] = True
        if anonymous:
            user = dict(GROUP_ANONYMOUS_BOT)
        msg = self._inbound_message(chat, user, text)
        if anonymous:
            msg["sender_chat"] = dict(chat)
        if message_thread_id is not None:
            msg["message_thread_id"] = message_thread_id
            msg["is_topic_message"] = True
            if reply_to_message_id is None:
                msg["reply_to_message"] = {
                    "message_id": message_thread_id,
                    "message_thread_id": message_thread_id,
                    "date": int(time.time()),
                    "chat": dict(chat),
                    "from": dict(user),
                    "is_topic_message": True,
                    "forum_topic_created": {"name": "Topic", "icon_color": 7322096},
                }
        if reply_to_message_id is not None:
            replied = self._messages.get((chat_id, reply_to_message_id))
            if replied is not None:
                msg["reply_to_message"] = {
                    k: v for k, v in replied.items() if k != "reply_to_message"
                }
            else:
                msg["reply_to_message"] = {
                    "message_id": reply_to_message_id,
                    "date": int(time.time()),
                    "chat": dict(chat),
                    "from": dict(self.bot_user),
                    "text": "",
                }
        return self.add_update({"message": msg})

    def callback_query(
        self,
        chat_id: int,
        user_id: int,
        message_id: int,
        data: str,
        *,
        first_name: str = "Alex",
        username: str | None = None,
    ) -> int:
        """A button press on the bot's message ``message_id`` in ``chat_id``.

        If the fake doesn't know that message a placeholder bot message is registered, so the
        bot can edit it afterwards.
        """
        user = self._user(user_id, first_name, username, None, None)
        key = (chat_id, message_id)
        message = self._messages.get(key)
        if message is None:
            message = {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": self._chat(chat_id),
                "from": dict(self.bot_user),
                "text": "(placeholder)",
            }
            self._messages[key] = message
        cq_id = f"cq{self._next_callback_id}"
        self._next_callback_id += 1
        return self.add_update(
            {
                "callback_query": {
                    "id": cq_id,
                    "from": user,
                    "message": message,
                    "chat_instance": f"ci{chat_id}",
                    "data": data,
                }
            }
        )

    def migrate_group(
        self, old_id: int, new_id: int, *, by_user: int = 1, announce: bool = True
    ) -> tuple[int, int] | None:
        """Upgrade group ``old_id`` to supergroup ``new_id``, as Telegram does: sends to the
        old id fail from now on with 400 and ``parameters.migrate_to_chat_id``, and a
        service message goes to each chat (``migrate_to_chat_id`` in the old group,
        ``migrate_from_chat_id`` in the new supergroup). Returns the two update ids.
        ``announce=False`` leaves the service messages out: a bot that has not received
        them yet (they are still on their way) learns the new id from the 400."""
        self.migrated[old_id] = new_id
        if not announce:
            return None
        user = self._user(by_user, "Admin", None, None, None)
        old_chat: JSONDict = {"id": old_id, "type": "group", "title": f"Group {old_id}"}
        new_chat: JSONDict = {"id": new_id, "type": "supergroup", "title": f"Group {old_id}"}
        date = int(time.time())
        first = self.add_update(
            {
                "message": {
                    "message_id": self._alloc_message_id(old_id),
                    "date": date,
                    "chat": old_chat,
                    "from": user,
                    "migrate_to_chat_id": new_id,
                }
            }
        )
        second = self.add_update(
            {
                "message": {
                    "message_id": self._alloc_message_id(new_id),
                    "date": date,
                    "chat": new_chat,
                    "from": {
                        "id": 1087968824,
                        "is_bot": True,
                        "first_name": "Group",
                        "username": "GroupAnonymousBot",
                    },
                    "sender_chat": new_chat,
                    "migrate_from_chat_id": old_id,
                }
            }
        )
        return first, second

    def remove_bot(self, chat_id: int | str, *, banned: bool = True, by_user: int = 1) -> int:
        """An administrator removes the bot from a group or channel (``banned``: removed and
        banned, Telegram's usual "remove"; else it left). Sends there fail with 403 from now
        on, and a ``my_chat_member`` update says so. Returns its update id."""
        chat = self._room_chat(chat_id)
        numeric = int(chat["id"])
        old = self._bot_member(chat, present=True)
        self.removed_from[numeric] = "kicked" if banned else "left"
        new: JSONDict = {"user": dict(self.bot_user), "status": self.removed_from[numeric]}
        if banned:
            new["until_date"] = 0
        return self._my_chat_member(chat, by_user, old, new)

    def add_bot(self, chat_id: int | str, *, by_user: int = 1) -> int:
        """An administrator adds the bot back (a member of a group; an administrator who
        may post in a channel). Returns the ``my_chat_member`` update id."""
        chat = self._room_chat(chat_id)
        numeric = int(chat["id"])
        was = self.removed_from.pop(numeric, "left")
        old: JSONDict = {"user": dict(self.bot_user), "status": was}
        if was == "kicked":
            old["until_date"] = 0
        return self._my_chat_member(chat, by_user, old, self._bot_member(chat, present=True))

    def _room_chat(self, chat_id: int | str) -> JSONDict:
        if isinstance(chat_id, int) and chat_id in self.migrated.values():
            return {"id": chat_id, "type": "supergroup", "title": f"Group {chat_id}"}
        return self._chat(chat_id)

    def _bot_member(self, chat: JSONDict, *, present: bool) -> JSONDict:
        if chat["type"] != "channel":
            return {"user": dict(self.bot_user), "status": "member"}
        return {
            "user": dict(self.bot_user),
            "status": "administrator",
            "can_be_edited": False,
            "is_anonymous": False,
            "can_manage_chat": True,
            "can_delete_messages": True,
            "can_manage_video_chats": False,
            "can_restrict_members": False,
            "can_promote_members": False,
            "can_change_info": False,
            "can_invite_users": False,
            "can_post_stories": False,
            "can_edit_stories": False,
            "can_delete_stories": False,
            "can_post_messages": True,
            "can_edit_messages": True,
        }

    def _my_chat_member(self, chat: JSONDict, by_user: int, old: JSONDict, new: JSONDict) -> int:
        user = self._user(by_user, "Admin", None, None, None)
        return self.add_update(
            {
                "my_chat_member": {
                    "chat": dict(chat),
                    "from": user,
                    "date": int(time.time()),
                    "old_chat_member": old,
                    "new_chat_member": new,
                }
            }
        )

    @property
    def pending_updates(self) -> list[JSONDict]:
        """Updates not yet confirmed by a ``getUpdates`` offset."""
        return list(self._updates)

    # ------------------------------------------------------------------ fault injection

    def fail_next(
        self,
        method: str,
        chat_id: int | str | None = None,
        *,
        status: int,
        description: str,
        retry_after: int | None = None,
        times: int = 1,
    ) -> Fault:
        """Make the next ``times`` calls of ``method`` (for ``chat_id``, if given) fail."""
        fault = Fault(method, chat_id, status, description, retry_after, times)
        self._faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        self._faults.clear()

    # ------------------------------------------------------------------ inspection / waiting

    def sent_to(self, chat_id: int | str) -> list[SentMessage]:
        return [m for m in self.sent if _same_chat(m.chat_id, chat_id)]

    def requests_for(self, method: str) -> list[JSONDict]:
        return [p for m, p in self.requests if m.lower() == method.lower()]

    def delete_in_room(self, chat_id: int, message_id: int) -> None:
        """Someone (an officer, an admin) deletes message ``message_id`` in the
        room: it is gone, and editing it is "message to edit not found"."""
        del self._messages[(chat_id, message_id)]
        self.changed()

    def get_message(self, chat_id: int, message_id: int) -> JSONDict | None:
        """The fake's current view of a message (sent by the bot or injected)."""
        return self._messages.get((chat_id, message_id))

    async def wait_for_sent(
        self,
        predicate: Callable[[SentMessage], bool] = lambda _m: True,
        timeout: float = 10,  # noqa: ASYNC109 - mandatory, bounded wait
        *,
        start: int = 0,
    ) -> SentMessage:
        """First message in ``sent[start:]`` matching ``predicate`` (waits up to ``timeout``)."""

        def find() -> SentMessage | None:
            for msg in self.sent[start:]:
                if predicate(msg):
                    return msg
            return None

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
        predicate: Callable[[JSONDict], bool] | None = None,
        timeout: float = 10,  # noqa: ASYNC109 - mandatory, bounded wait
        *,
        start: int = 0,
    ) -> JSONDict:
        """Params of the first ``method`` request in ``requests[start:]`` matching ``predicate``."""

        def find() -> JSONDict | None:
            for name, params in self.requests[start:]:
                if name.lower() == method.lower() and (predicate is None or predicate(params)):
                    return params
            return None

        return await self.wait_until(
            find,
            timeout,
            lambda: (
                f"no matching {method} request within {timeout}s; requests[{start}:]:\n"
                + self._dump_requests(start)
            ),
        )

    def _dump_sent(self, start: int = 0) -> str:
        lines = [
            f"  chat={m.chat_id} id={m.message_id} parse_mode={m.parse_mode} text={m.text!r}"
            for m in self.sent[start:][-30:]
        ]
        return "\n".join(lines) or "  (none)"

    def _dump_requests(self, start: int = 0) -> str:
        lines = [f"  {name} {params!r}"[:300] for name, params in self.requests[start:][-40:]]
        return "\n".join(lines) or "  (none)"

    # ------------------------------------------------------------------ HTTP handling

    async def _handle(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        method = request.match_info["method"]
        try:
            params = await self._read_params(request)
        except ValueError as exc:
            return self._error(400, f"Bad Request: can't parse request: {exc}")
        self.requests.append((method, params))
        self.changed()
        if token not in self.valid_tokens:
            return self._error(401, _ERR_UNAUTHORIZED)
        if self.on_request is not None:
            hook_result = self.on_request(method, params)
            if inspect.isawaitable(hook_result):
                await hook_result
        try:
            self._check_faults(method, params)
            handler = self._handlers().get(method.lower())
            result = await handler(params) if handler is not None else True
        except _HTTPError as err:
            if err.description == _ERR_POLL_CONFLICT:
                transport = request.transport
                if transport is None or transport.is_closing():
                    # A long poll whose client already went away (e.g. a cancelled poll
                    # before PTB's final getUpdates): nobody sees the 409, don't count it.
                    raise web.HTTPGone() from None
                self.count_conflicts += 1
            return self._error(err.status, err.description, err.retry_after, err.parameters)
        return web.json_response({"ok": True, "result": result})

    def _handlers(self) -> dict[str, Callable[[JSONDict], Awaitable[Any]]]:
        return {
            "getme": self._get_me,
            "getupdates": self._get_updates,
            "deletewebhook": self._delete_webhook,
            "setwebhook": self._set_webhook,
            "getwebhookinfo": self._get_webhook_info,
            "sendmessage": self._send_message,
            "copymessage": self._copy_message,
            "editmessagetext": self._edit_message_text,
            "editmessagereplymarkup": self._edit_message_reply_markup,
            "answercallbackquery": self._answer_callback_query,
            "deletemessage": self._delete_message,
            "setmycommands": self._set_my_commands,
            "getmycommands": self._get_my_commands,
            "getchat": self._get_chat,
        }

    async def _read_params(self, request: web.Request) -> JSONDict:
        params: JSONDict = {k: _decode_form_value(k, v) for k, v in request.query.items()}
        if not request.body_exists:
            return params
        if request.content_type == "application/json":
            body = await request.json()
            if not isinstance(body, dict):
                raise ValueError("JSON body must be an object")
            for key, value in body.items():
                if key in _JSON_FIELDS and isinstance(value, str):
                    value = _decode_form_value(key, value)
                params[key] = value
        else:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, str):
                    params[key] = _decode_form_value(key, value)
                elif isinstance(value, web.FileField):  # uploaded file
                    params[key] = {"filename": value.filename, "size": len(value.file.read())}
                else:
                    params[key] = {"size": len(value)}
        return params

    def _error(
        self,
        status: int,
        description: str,
        retry_after: int | None = None,
        parameters: JSONDict | None = None,
    ) -> web.Response:
        payload: JSONDict = {"ok": False, "error_code": status, "description": description}
        if retry_after is not None:
            payload["parameters"] = {"retry_after": retry_after}
        if parameters:
            payload["parameters"] = {**payload.get("parameters", {}), **parameters}
        if status == 429:
            self.count_429 += 1
        return web.json_response(payload, status=status)

    def _check_faults(self, method: str, params: JSONDict) -> None:
        for fault in self._faults:
            if fault.method.lower() != method.lower() or fault.times <= 0:
                continue
            if fault.chat_id is not None and not _same_chat(fault.chat_id, params.get("chat_id")):
                continue
            fault.times -= 1
            self._faults = [f for f in self._faults if f.times > 0]
            raise _HTTPError(fault.status, fault.description, fault.retry_after)
        if method.lower().startswith("send"):
            chat_id = _as_int(params.get("chat_id"))
            if chat_id is not None and chat_id in self.blocked_chats:
                raise _HTTPError(403, _ERR_BLOCKED)
            if chat_id is not None and chat_id in self.migrated:
                raise _HTTPError(
                    400, _ERR_MIGRATED, parameters={"migrate_to_chat_id": self.migrated[chat_id]}
                )
            raw = params.get("chat_id")
            numeric = chat_id
            if numeric is None and isinstance(raw, str) and raw.startswith("@") and len(raw) > 1:
                numeric = self._channel_id(raw[1:])
            if numeric is not None and numeric in self.removed_from:
                channel = numeric in self._channel_ids.values()
                kind_name = "channel" if channel else "supergroup"
                if self.removed_from[numeric] == "kicked" and kind_name != "channel":
                    raise _HTTPError(403, f"Forbidden: bot was kicked from the {kind_name} chat")
                raise _HTTPError(403, f"Forbidden: bot is not a member of the {kind_name} chat")

    # ------------------------------------------------------------------ chats / messages

    def _user(
        self,
        user_id: int,
        first_name: str,
        username: str | None,
        last_name: str | None,
        language_code: str | None,
    ) -> JSONDict:
        user: JSONDict = {"id": user_id, "is_bot": False, "first_name": first_name}
        if username:
            user["username"] = username
        if last_name:
            user["last_name"] = last_name
        if language_code:
            user["language_code"] = language_code
        self._users[user_id] = user
        return dict(user)

    def _chat(self, chat_id: int | str) -> JSONDict:
        if isinstance(chat_id, str):
            name = chat_id.lstrip("@")
            return {
                "id": self._channel_id(name),
                "type": "channel",
                "title": name,
                "username": name,
            }
        if chat_id > 0:
            user = self._users.get(chat_id, {"first_name": "User"})
            chat: JSONDict = {"id": chat_id, "type": "private", "first_name": user["first_name"]}
            if "username" in user:
                chat["username"] = user["username"]
            return chat
        return {"id": chat_id, "type": "supergroup", "title": f"Group {chat_id}"}

    def _channel_id(self, name: str) -> int:
        key = name.lower()
        if key not in self._channel_ids:
            self._channel_ids[key] = -1001000000000 - len(self._channel_ids) - 1
        return self._channel_ids[key]

    def _resolve_chat(self, raw: Any) -> tuple[int | str, int]:
        """(chat_id as sent, numeric chat id) or a 400 error."""
        if raw is None or raw == "":
            raise _HTTPError(400, "Bad Request: chat_id is empty")
        as_int = _as_int(raw)
        if as_int is not None:
            if as_int == 0:
                raise _HTTPError(400, "Bad Request: chat not found")
            return as_int, as_int
        if isinstance(raw, str) and raw.startswith("@") and len(raw) > 1:
            return raw, self._channel_id(raw[1:])
        raise _HTTPError(400, "Bad Request: chat not found")

    def _alloc_message_id(self, chat_id: int) -> int:
        mid = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = mid + 1
        return mid

    def _inbound_message(self, chat: JSONDict, user: JSONDict, text: str) -> JSONDict:
        msg: JSONDict = {
            "message_id": self._alloc_message_id(int(chat["id"])),
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            "text": text,
        }
        entities = [
            {
                "type": "bot_command",
                "offset": _utf16_len(text[: m.start()]),
                "length": _utf16_len(m.group(0)),
            }
            for m in _COMMAND_RE.finditer(text)
        ]
        if entities:
            msg["entities"] = entities
        return msg

    @staticmethod
    def _plain_text(params: JSONDict) -> str:
        text = params.get("text")
        if text is None or text == "":
            raise _HTTPError(400, "Bad Request: message text is empty")
        if not isinstance(text, str):
            text = str(text)
        if _SURROGATE_RE.search(text):  # a lone surrogate is not UTF-8: Telegram refuses it
            raise _HTTPError(400, "Bad Request: strings must be encoded in UTF-8")
        parse_mode = params.get("parse_mode")
        if isinstance(parse_mode, str) and parse_mode.lower() == "html":
            try:
                plain = parse_html(text)
            except EntityParseError as exc:
                raise _HTTPError(400, f"Bad Request: can't parse entities: {exc}") from None
        else:
            plain = text
        if not plain.strip():
            raise _HTTPError(400, "Bad Request: message text is empty")
        # Telegram counts UTF-16 code units: an emoji outside the BMP is 2.
        if len(plain.encode("utf-16-le")) // 2 > MAX_MESSAGE_LENGTH:
            raise _HTTPError(400, "Bad Request: message is too long")
        return plain

    @staticmethod
    def _reply_to_id(params: JSONDict) -> tuple[int | None, bool]:
        """(replied message id, allow_sending_without_reply)."""
        reply_params = params.get("reply_parameters")
        allow = bool(params.get("allow_sending_without_reply", False))
        if isinstance(reply_params, dict):
            allow = allow or bool(reply_params.get("allow_sending_without_reply", False))
            return _as_int(reply_params.get("message_id")), allow
        return _as_int(params.get("reply_to_message_id")), allow

    def _check_flood(self) -> None:
        limit = self.limit_overall_per_s
        if limit is None:
            return
        now = time.monotonic()
        while self._send_times and now - self._send_times[0] >= 1.0:
            self._send_times.popleft()
        if len(self._send_times) >= limit:
            raise _HTTPError(429, _ERR_FLOOD, retry_after=1)

    @staticmethod
    def _record(
        params: JSONDict, chat_id: int | str, message_id: int, plain: str, reply_to: int | None
    ) -> SentMessage:
        markup = params.get("reply_markup")
        return SentMessage(
            chat_id=chat_id,
            text=str(params.get("text", "")),
            parse_mode=params.get("parse_mode"),
            reply_markup=markup if isinstance(markup, dict) else None,
            reply_to_message_id=reply_to,
            message_id=message_id,
            at=time.monotonic(),
            plain_text=plain,
            message_thread_id=_as_int(params.get("message_thread_id")),
            params=params,
        )

    def _find_message(self, params: JSONDict, not_found: str) -> tuple[int | str, JSONDict]:
        if params.get("inline_message_id"):
            raise _HTTPError(400, "Bad Request: inline messages are not supported by the fake")
        chat_id, numeric = self._resolve_chat(params.get("chat_id"))
        message_id = _as_int(params.get("message_id"))
        if message_id is None:
            raise _HTTPError(400, "Bad Request: message identifier is not specified")
        message = self._messages.get((numeric, message_id))
        if message is None:
            raise _HTTPError(400, f"Bad Request: {not_found}")
        return chat_id, message

    # ------------------------------------------------------------------ method handlers

    async def _get_me(self, params: JSONDict) -> JSONDict:
        return dict(self.bot_user)

    async def _get_updates(self, params: JSONDict) -> list[JSONDict]:
        if self.webhook_url:
            raise _HTTPError(409, _ERR_WEBHOOK_CONFLICT)
        self._poll_generation += 1
        generation = self._poll_generation
        self.changed()  # terminate an older concurrent long poll

        offset = _as_int(params.get("offset")) or 0
        limit = _as_int(params.get("limit")) or 100
        limit = max(1, min(limit, 100))
        timeout = params.get("timeout") or 0
        try:
            timeout_s = max(0.0, float(timeout))
        except (TypeError, ValueError):
            timeout_s = 0.0

        if "allowed_updates" in params:
            self._allow(params.get("allowed_updates"))
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            self.confirmed_offset = max(self.confirmed_offset, offset)
        elif offset < 0:
            keep = self._updates[offset:] if self._updates else []
            if len(keep) < len(self._updates):
                first_kept = keep[0]["update_id"] if keep else self._next_update_id
                self.confirmed_offset = max(self.confirmed_offset, first_kept)
            self._updates = list(keep)

        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout_s
        while True:
            event = self._changed
            if self._poll_generation != generation:
                raise _HTTPError(409, _ERR_POLL_CONFLICT)
            self._drop_unwanted()
            if self._updates or self._closing:
                return [dict(u) for u in self._updates[:limit]]
            remaining = deadline - loop.time()
            if remaining <= 0:
                return []
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    def _allow(self, raw: Any) -> None:
        """Remember ``allowed_updates``: a list of types; an empty list means
        the default again (every type but chat_member, message_reaction and
        message_reaction_count)."""
        if isinstance(raw, str):
            raw = json.loads(raw)
        if not isinstance(raw, list):
            raise _HTTPError(400, "Bad Request: can't parse allowed updates")
        self.allowed_updates = [str(t) for t in raw] or None

    def _wanted(self, update: JSONDict) -> bool:
        kinds = [k for k in update if k != "update_id"]
        if self.allowed_updates is None:
            return not any(k in _NOT_BY_DEFAULT for k in kinds)
        return any(k in self.allowed_updates for k in kinds)

    def _drop_unwanted(self) -> None:
        """Telegram never delivers an update of a type the bot did not ask for."""
        unwanted = [u for u in self._updates if not self._wanted(u)]
        if unwanted:
            self.unwanted_updates.extend(unwanted)
            self._updates = [u for u in self._updates if self._wanted(u)]

    async def _delete_webhook(self, params: JSONDict) -> bool:
        self.webhook_url = ""
        self.webhook_secret = None
        if params.get("drop_pending_updates"):
            if self._updates:
                self.confirmed_offset = max(
                    self.confirmed_offset, self._updates[-1]["update_id"] + 1
                )
            self._updates.clear()
        return True

    async def _set_webhook(self, params: JSONDict) -> bool:
        if "allowed_updates" in params:
            self._allow(params.get("allowed_updates"))
        self.webhook_url = str(params.get("url") or "")
        secret = params.get("secret_token")
        self.webhook_secret = str(secret) if secret is not None else None
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    async def _get_webhook_info(self, params: JSONDict) -> JSONDict:
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    async def _send_message(self, params: JSONDict) -> JSONDict:
        chat_id, numeric = self._resolve_chat(params.get("chat_id"))
        self._check_flood()
        plain = self._plain_text(params)
        reply_to, allow_without_reply = self._reply_to_id(params)
        replied = self._messages.get((numeric, reply_to)) if reply_to is not None else None
        if reply_to is not None and replied is None and not allow_without_reply:
            raise _HTTPError(400, "Bad Request: message to be replied not found")
        if self.limit_overall_per_s is not None:
            self._send_times.append(time.monotonic())

        message_id = self._alloc_message_id(numeric)
        chat = self._chat(chat_id)
        message: JSONDict = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat,
            "from": dict(self.bot_user),
            "text": plain,
        }
        if chat["type"] == "channel":
            message.pop("from")
            message["sender_chat"] = dict(chat)
        thread_id = _as_int(params.get("message_thread_id"))
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            message["is_topic_message"] = True
        if replied is not None:
            message["reply_to_message"] = {
                k: v for k, v in replied.items() if k != "reply_to_message"
            }
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        self._messages[(numeric, message_id)] = message

        self.sent.append(self._record(params, chat_id, message_id, plain, reply_to))
        self.changed()
        return message

    async def _copy_message(self, params: JSONDict) -> JSONDict:
        """copyMessage: the message ``message_id`` of ``from_chat_id`` sent
        again to ``chat_id`` without a link to the original; ``caption``
        replaces a media message's caption. Returns a MessageId. The copy is
        recorded in ``sent`` (``text`` the caption, ``params`` with
        ``copied``: the original)."""
        chat_id, numeric = self._resolve_chat(params.get("chat_id"))
        _from, from_numeric = self._resolve_chat(params.get("from_chat_id"))
        original_id = _as_int(params.get("message_id"))
        if original_id is None:
            raise _HTTPError(400, "Bad Request: message identifier is not specified")
        original = self._messages.get((from_numeric, original_id))
        if original is None:
            raise _HTTPError(400, "Bad Request: message to copy not found")
        if not any(k in original for k in _COPYABLE):
            raise _HTTPError(400, "Bad Request: message can't be copied")
        caption = params.get("caption")
        plain = ""
        if caption is not None:
            if not any(k in original for k in CAPTIONED):
                raise _HTTPError(400, "Bad Request: message can't have a caption")
            plain = self._plain_text(dict(params, text=caption))
            if len(plain) > MAX_CAPTION_LENGTH:
                raise _HTTPError(400, "Bad Request: message caption is too long")
        self._check_flood()
        message_id = self._alloc_message_id(numeric)
        copied = {k: v for k, v in original.items() if k in _COPYABLE or k == "caption"}
        if caption is not None:
            copied["caption"] = plain
        message: JSONDict = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": self._chat(chat_id),
            "from": dict(self.bot_user),
            **copied,
        }
        self._messages[(numeric, message_id)] = message
        record = self._record(
            dict(params, copied=copy.deepcopy(original)), chat_id, message_id, plain, None
        )
        record.text = str(caption or "")
        self.sent.append(record)
        self.changed()
        return {"message_id": message_id}

    async def _edit_message_text(self, params: JSONDict) -> JSONDict:
        chat_id, message = self._find_message(params, "message to edit not found")
        plain = self._plain_text(params)
        markup = params.get("reply_markup")
        new_markup = markup if isinstance(markup, dict) and "inline_keyboard" in markup else None
        if message.get("text") == plain and message.get("reply_markup") == new_markup:
            raise _HTTPError(400, _ERR_NOT_MODIFIED)
        message["text"] = plain
        message["edit_date"] = int(time.time())
        if new_markup is None:
            message.pop("reply_markup", None)
        else:
            message["reply_markup"] = new_markup
        self.edits.append(self._record(params, chat_id, message["message_id"], plain, None))
        self.changed()
        return message

    async def _edit_message_reply_markup(self, params: JSONDict) -> JSONDict:
        _chat_id, message = self._find_message(params, "message to edit not found")
        markup = params.get("reply_markup")
        new_markup = markup if isinstance(markup, dict) and markup.get("inline_keyboard") else None
        if message.get("reply_markup") == new_markup:
            raise _HTTPError(400, _ERR_NOT_MODIFIED)
        if new_markup is None:
            message.pop("reply_markup", None)
        else:
            message["reply_markup"] = new_markup
        message["edit_date"] = int(time.time())
        self.changed()
        return message

    async def _answer_callback_query(self, params: JSONDict) -> bool:
        if not params.get("callback_query_id"):
            raise _HTTPError(400, "Bad Request: query_id is empty")
        self.callback_answers.append(params)
        return True

    async def _delete_message(self, params: JSONDict) -> bool:
        chat_id, message = self._find_message(params, "message to delete not found")
        numeric = int(message["chat"]["id"])
        del self._messages[(numeric, int(message["message_id"]))]
        self.deleted.append((chat_id, int(message["message_id"])))
        self.changed()
        return True

    async def _set_my_commands(self, params: JSONDict) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _HTTPError(400, "Bad Request: commands are not an array")
        self.commands = commands
        return True

    async def _get_my_commands(self, params: JSONDict) -> list[JSONDict]:
        return list(self.commands)

    async def _get_chat(self, params: JSONDict) -> JSONDict:
        chat_id, _numeric = self._resolve_chat(params.get("chat_id"))
        chat = self._chat(chat_id)
        chat.update(
            {
                "accent_color_id": 0,
                "max_reaction_count": 11,
                "accepted_gift_types": {
                    "unlimited_gifts": False,
                    "limited_gifts": False,
                    "unique_gifts": False,
                    "premium_subscription": False,
                    "gifts_from_channels": False,
                },
            }
        )
        return chat
