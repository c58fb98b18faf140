"""An event a platform delivered to the bot, translated by its adapter."""

from __future__ import annotations

import asyncio
import json
from dataclasses import asdict, dataclass, field, fields, replace
from enum import StrEnum

from bot.edge.chat import ChatRef
from bot.edge.text import clean_line, clean_text


class Attachment(StrEnum):
    """What a message carried besides its words, one kind per thing sent.
    Only the kind is kept: never the file, its name, a location's
    coordinates or a contact's number (docs/decisions.md, "Every message
    shape")."""

    PHOTO = "photo"
    VIDEO = "video"
    VOICE = "voice"
    AUDIO = "audio"
    DOCUMENT = "document"
    STICKER = "sticker"
    ANIMATION = "animation"  # a GIF
    LOCATION = "location"
    CONTACT = "contact"
    POLL = "poll"
    EMBED = "embed"  # Discord: a message that is only an embed
    OTHER = "other"  # anything else a platform can carry (a dice, a game, a story)


@dataclass(frozen=True)
class Inbound:
    platform: str
    event_key: str  # unique per platform (Telegram update id, Discord message id)
    chat: ChatRef
    sender_id: str
    text: str = ""
    sender_handle: str | None = None
    sender_roles: tuple[str, ...] = ()
    message_id: str | None = None
    reply_to_message_id: str | None = None
    command: str | None = None  # lower-case command name, without prefix or @bot
    args: str = ""
    button: str | None = None  # data of the pressed button
    # Where in the room it was written, when the room has threads: a Telegram
    # forum topic (message_thread_id) or a Discord thread (its channel id; then
    # ``chat`` is the thread's parent channel). Replies go back there.
    thread_id: str | None = None
    # Posted on the group's behalf (a Telegram admin who "remains anonymous"):
    # ``sender_id`` is then not a person and can never be an officer.
    as_group: bool = False
    # The text of the bot's own message this one replies to, as the platform
    # gave it (Telegram reply_to_message.text, Discord referenced_message
    # .content); None when it replies to someone else's message or to none.
    replied_bot_text: str | None = None
    # What the message carried besides its words (``Attachment`` values, in
    # the order the platform gave them; the adapter's message id above is
    # what a copy into a staff room needs, never the file).
    attachments: tuple[str, ...] = ()
    forwarded: bool = False  # forwarded from elsewhere: the words may be someone else's
    # The album it belongs to (Telegram's media_group_id): several photos or
    # videos sent together arrive as one message each, sharing this id.
    album: str | None = None
    edited: bool = False  # an edit of the earlier message ``message_id``
    # A change to the room itself rather than a message (bot.edge.rooms): "moved"
    # (``moved_to`` its new id), "removed" (the bot may not post there; ``text``
    # says why) or "added" (it may again). ``sender_handle`` is then the room's
    # public @name, if it has one.
    room_event: str | None = None
    moved_to: str | None = None
    # The sender is one of many new residents made at once (web: many first
    # messages from one address or across the site, adapters/web/newcomers.py):
    # a question's card says so and goes after established residents'.
    burst: bool = False

    def to_json(self) -> str:
        """The event as JSON text (what the inbox stores). A field that is
        not valid text (a lone surrogate) makes writing it to the database
        fail with UnicodeEncodeError; :func:`clean_inbound` prevents that."""
        return json.dumps(asdict(self), ensure_ascii=False)

    def to_ascii_json(self) -> str:
        """The event exactly as received, as ASCII JSON: storable whatever
        its fields hold (lone surrogates are kept as ``\\ud800`` escapes).
        For events set aside for an operator."""
        return json.dumps(asdict(self), ensure_ascii=True)

    @classmethod
    def from_json(cls, raw: str) -> Inbound:
        data = json.loads(raw)
        # A field this version does not have (written by a newer or an
        # older one) is left out, not a reason to lose the event.
        data = {k: v for k, v in data.items() if k in _FIELDS}
        data["chat"] = ChatRef(**data["chat"])
        data["sender_roles"] = tuple(data["sender_roles"])
        data["attachments"] = tuple(data.get("attachments", ()))
        return cls(**data)


_FIELDS = frozenset(f.name for f in fields(Inbound))


def clean_inbound(event: Inbound) -> Inbound:
    """``event`` with every text field made valid (``bot.edge.text``): message
    text and arguments keep their lines, single values (ids, handle, roles,
    command, button data) are one line. Returns ``event`` itself when
    nothing changed. The inbox applies it to every event it stores, after
    the adapters have applied it to what they took in."""
    chat = event.chat
    cleaned_chat = ChatRef(clean_line(chat.platform), clean_line(chat.chat_id), chat.kind)
    changes = {
        "platform": clean_line(event.platform),
        "event_key": clean_line(event.event_key),
        "chat": cleaned_chat if cleaned_chat != chat else chat,
        "sender_id": clean_line(event.sender_id),
        "text": clean_text(event.text),
        "sender_handle": _maybe(event.sender_handle),
        "sender_roles": tuple(clean_line(r) for r in event.sender_roles),
        "message_id": _maybe(event.message_id),
        "reply_to_message_id": _maybe(event.reply_to_message_id),
        "command": _maybe(event.command),
        "args": clean_text(event.args),
        "button": _maybe(event.button),
        "thread_id": _maybe(event.thread_id),
        "replied_bot_text": _maybe_text(event.replied_bot_text),
        "attachments": tuple(clean_line(a) for a in event.attachments),
        "room_event": _maybe(event.room_event),
        "moved_to": _maybe(event.moved_to),
        "album": _maybe(event.album),
    }
    if all(getattr(event, name) == value for name, value in changes.items()):
        return event
    return replace(event, **changes)  # type: ignore[arg-type]


def _maybe(value: str | None) -> str | None:
    return None if value is None else clean_line(value)


def _maybe_text(value: str | None) -> str | None:
    return None if value is None else clean_text(value)


@dataclass
class Envelope:
    """An inbound event on the shared queue. ``stored`` resolves once the event
    is durable; an adapter confirms it to its platform only after that."""

    inbound: Inbound
    stored: asyncio.Future[None] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )


def split_slash_command(text: str, bot_username: str | None = None) -> tuple[str | None, str]:
    """``/approve@forum_bot 12 text`` -> ("approve", "12 text"); text that is not
    a command -> (None, text). Telegram's and the web's commands start with "/"."""
    if not text.startswith("/"):
        return None, text
    head, _, rest = text[1:].partition(" ")
    if "\n" in head:
        head, _, more = head.partition("\n")
        rest = more + (" " + rest if rest else "")
    name, _, target = head.partition("@")
    if target and bot_username and target.lower() != bot_username.lower():
        return None, text  # a command for another bot in the same group
    if not name:
        return None, text
    return name.lower(), rest.strip()
