"""Updates python-telegram-bot cannot read, read from their raw JSON.

The library turns Telegram's JSON into objects and raises (``TypeError``,
``KeyError``...) when a field is missing or of another type than it expects,
as happens when Telegram's API moves ahead of the pinned library. Left to
itself, one such update fails the whole ``getUpdates`` answer: the offset
never moves and every update behind it waits for ever. The adapter then
reads the batch again as plain JSON and passes each update it can read as
usual, and each it cannot through :func:`fallback_inbound`: the sender still
gets an answer (their words, when the update holds them, are read as any
message), and nothing behind it is held up.
"""

from __future__ import annotations

import logging
from typing import Any

from adapters.telegram.convert import chat_kind
from bot.edge.chat import ChatRef
from bot.edge.inbound import Attachment, Inbound, split_slash_command
from bot.edge.text import clean_line, clean_text

PLATFORM = "telegram"

# The kinds of update that carry a message someone wrote (the others, e.g. a
# press or a membership change, are only ever answered when readable).
_MESSAGE_KINDS = ("message", "edited_message")


class QuietParseLog(logging.Filter):
    """Drops python-telegram-bot's own record of a batch it could not read:
    it holds the whole raw batch (residents' messages) at CRITICAL, and
    personal data never reaches our log. The adapter logs the update ids
    and the kind of fault instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Error while parsing updates")


def update_id_of(raw: object) -> int | None:
    """A raw update's ``update_id``, or None when it has none we can use."""
    if isinstance(raw, dict):
        value = raw.get("update_id")
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def kinds_of(raw: object) -> str:
    """The kinds of a raw update (its keys but ``update_id``), for the log:
    names only, never what they hold."""
    if not isinstance(raw, dict):
        return type(raw).__name__
    return ",".join(sorted(clean_line(str(k))[:40] for k in raw if k != "update_id")) or "-"


def fallback_inbound(raw: object, bot_username: str | None) -> Inbound | None:
    """The core's view of a raw update the library could not read: a message
    (or its edit) from a person, with its text or caption if it has one,
    otherwise marked as something other than words (so the desks answer it
    as they answer a sticker). None for any other kind of update, or one
    without a usable chat and sender. ``bot_username``: as for
    ``split_slash_command`` (a command for another bot is not ours)."""
    key = update_id_of(raw)
    if key is None or not isinstance(raw, dict):
        return None
    for kind in _MESSAGE_KINDS:
        message = raw.get(kind)
        if isinstance(message, dict):
            return _from_message(str(key), message, bot_username, edited=kind == "edited_message")
    return None


def _from_message(
    key: str, message: dict[str, Any], bot_username: str | None, *, edited: bool
) -> Inbound | None:
    chat, sender = message.get("chat"), message.get("from")
    if not isinstance(chat, dict) or not isinstance(sender, dict):
        return None
    chat_id, sender_id = _id(chat.get("id")), _id(sender.get("id"))
    if chat_id is None or sender_id is None:
        return None
    raw_text = message.get("text")
    if not isinstance(raw_text, str):
        raw_text = message.get("caption")
    text = clean_text(raw_text) if isinstance(raw_text, str) else ""
    command, args = split_slash_command(text, bot_username) if text else (None, "")
    reply = message.get("reply_to_message")
    username = sender.get("username")
    return Inbound(
        platform=PLATFORM,
        event_key=key,
        chat=ChatRef(PLATFORM, chat_id, chat_kind(chat.get("type"))),
        sender_id=sender_id,
        sender_handle=clean_line(username) if isinstance(username, str) and username else None,
        text=text,
        message_id=_id(message.get("message_id")),
        reply_to_message_id=_id(reply.get("message_id")) if isinstance(reply, dict) else None,
        command=command,
        args=args,
        attachments=() if text else (Attachment.OTHER.value,),
        edited=edited,
    )


def _id(value: object) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None
