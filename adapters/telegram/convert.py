"""Telegram updates as the core's inbound events."""

from __future__ import annotations

from telegram import Update

from bot.chat import ChatKind, ChatRef
from bot.inbound import Inbound, split_slash_command

PLATFORM = "telegram"


def _kind(chat_type: str) -> ChatKind:
    if chat_type == "private":
        return "private"
    if chat_type == "channel":
        return "channel"
    return "group"


def to_inbound(update: Update, bot_username: str | None) -> Inbound | None:
    """The core's view of an update, or None for updates the bot ignores."""
    key = str(update.update_id)
    query = update.callback_query
    if query is not None:
        message = query.message
        if message is None or query.data is None:
            return None
        return Inbound(
            platform=PLATFORM,
            event_key=key,
            chat=ChatRef(PLATFORM, str(message.chat.id), _kind(message.chat.type)),
            sender_id=str(query.from_user.id),
            sender_handle=query.from_user.username,
            message_id=str(message.message_id),
            button=query.data,
        )
    message = update.message
    if message is None or message.from_user is None:
        return None
    text = message.text or message.caption or ""
    if not text:
        return None
    command, args = split_slash_command(text, bot_username)
    reply = message.reply_to_message
    return Inbound(
        platform=PLATFORM,
        event_key=key,
        chat=ChatRef(PLATFORM, str(message.chat.id), _kind(message.chat.type)),
        sender_id=str(message.from_user.id),
        sender_handle=message.from_user.username,
        text=text,
        message_id=str(message.message_id),
        reply_to_message_id=str(reply.message_id) if reply is not None else None,
        command=command,
        args=args,
    )
