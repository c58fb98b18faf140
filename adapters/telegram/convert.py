"""Telegram updates as the core's inbound events. Every text taken from an
update (text, caption, button data, username) is made valid first
(``bot.edge.text``): Telegram's JSON can carry lone surrogates and NUL."""

from __future__ import annotations

from telegram import Message, Update

from bot.edge.chat import ChatKind, ChatRef
from bot.edge.inbound import Attachment, Inbound, split_slash_command
from bot.edge.text import clean_line, clean_text

PLATFORM = "telegram"


def chat_kind(chat_type: object) -> ChatKind:
    """The core's kind of a Telegram chat from its ``type``: private,
    channel, or a group (group and supergroup alike)."""
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
            chat=ChatRef(PLATFORM, str(message.chat.id), chat_kind(message.chat.type)),
            sender_id=str(query.from_user.id),
            sender_handle=_handle(query.from_user.username),
            message_id=str(message.message_id),
            button=clean_line(query.data),
            thread_id=(
                str(message.message_thread_id)
                if isinstance(message, Message) and message.is_topic_message
                else None
            ),
        )
    message = update.message
    edited = False
    if message is None and update.edited_message is not None:
        message, edited = update.edited_message, True
    if message is None or message.from_user is None:
        return None
    attachments = attachments_of(message)
    raw = message.text or message.caption or (message.poll.question if message.poll else "")
    if not raw and not attachments:
        return None  # a service message (someone joined, a pin): nothing anyone wrote
    text = clean_text(raw)  # may be empty now: the desks then answer as to any other message
    command, args = split_slash_command(text, bot_username)
    reply = message.reply_to_message
    if reply is not None and reply.forum_topic_created is not None:
        # In a forum topic every message "replies" to the topic's first
        # (service) message: that is where it was written, not a reply.
        reply = None
    topic = message.message_thread_id if message.is_topic_message else None
    return Inbound(
        platform=PLATFORM,
        event_key=key,
        chat=ChatRef(PLATFORM, str(message.chat.id), chat_kind(message.chat.type)),
        sender_id=str(message.from_user.id),
        sender_handle=_handle(message.from_user.username),
        text=text,
        message_id=str(message.message_id),
        reply_to_message_id=str(reply.message_id) if reply is not None else None,
        command=command,
        args=args,
        thread_id=str(topic) if topic is not None else None,
        as_group=message.sender_chat is not None,
        replied_bot_text=_replied_bot_text(reply, bot_username),
        attachments=attachments,
        forwarded=message.forward_origin is not None,
        edited=edited,
        album=message.media_group_id,
    )


def attachments_of(message: Message) -> tuple[str, ...]:
    """The kinds of what ``message`` carries besides its words. A GIF comes
    with both ``animation`` and ``document`` (for old clients): one
    animation. A venue is a location with a name. A video note is a video."""
    found: list[Attachment] = []
    if message.photo:
        found.append(Attachment.PHOTO)
    if message.video is not None or message.video_note is not None:
        found.append(Attachment.VIDEO)
    if message.animation is not None:
        found.append(Attachment.ANIMATION)
    elif message.document is not None:
        found.append(Attachment.DOCUMENT)
    if message.voice is not None:
        found.append(Attachment.VOICE)
    if message.audio is not None:
        found.append(Attachment.AUDIO)
    if message.sticker is not None:
        found.append(Attachment.STICKER)
    if message.location is not None or message.venue is not None:
        found.append(Attachment.LOCATION)
    if message.contact is not None:
        found.append(Attachment.CONTACT)
    if message.poll is not None:
        found.append(Attachment.POLL)
    if not found and _carries_other(message):
        found.append(Attachment.OTHER)
    return tuple(a.value for a in found)


def _carries_other(message: Message) -> bool:
    """Something a resident sent that is neither words nor a kind above."""
    return any(
        getattr(message, name, None) is not None
        for name in ("dice", "game", "story", "paid_media", "invoice", "giveaway")
    )


def _replied_bot_text(reply: Message | None, bot_username: str | None) -> str | None:
    """The text of the bot's own message replied to (Telegram's
    ``reply_to_message``), or None for anyone else's."""
    if reply is None or reply.from_user is None or not reply.from_user.is_bot:
        return None
    name = reply.from_user.username
    if not bot_username or not name or name.lower() != bot_username.lower():
        return None
    return clean_text(reply.text or reply.caption or "")


def _handle(username: str | None) -> str | None:
    return clean_line(username) if username else None
