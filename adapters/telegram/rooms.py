"""Telegram's news about a room itself, as the core's room events
(``bot.edge.rooms``): a group upgraded to a supergroup (the service
messages ``migrate_to_chat_id`` in the old group and
``migrate_from_chat_id`` in the new one), and the bot's own membership
changing (``my_chat_member``: removed, restricted, let back in)."""

from __future__ import annotations

from telegram import Chat, ChatMember, ChatMemberAdministrator, ChatMemberRestricted, Update

from bot.edge.chat import ChatRef
from bot.edge.inbound import Inbound
from bot.edge.rooms import room_added, room_moved, room_removed

PLATFORM = "telegram"


def room_change(update: Update) -> Inbound | None:
    """The room event ``update`` carries, or None when it is about something
    else (a message, a press, a private chat)."""
    key = str(update.update_id)
    message = update.message
    if message is not None and message.migrate_to_chat_id is not None:
        return room_moved(PLATFORM, key, str(message.chat.id), str(message.migrate_to_chat_id))
    if message is not None and message.migrate_from_chat_id is not None:
        return room_moved(PLATFORM, key, str(message.migrate_from_chat_id), str(message.chat.id))
    changed = update.my_chat_member
    if changed is None or changed.chat.type == Chat.PRIVATE:
        return None
    chat = changed.chat
    room = ChatRef(PLATFORM, str(chat.id), "channel" if chat.type == Chat.CHANNEL else "group")
    alias = f"@{chat.username}" if chat.username else None
    why = _cannot_post(changed.new_chat_member, chat.type == Chat.CHANNEL)
    if why is not None:
        return room_removed(room, key, why, alias)
    return room_added(room, key, alias)


def _cannot_post(member: ChatMember, channel: bool) -> str | None:
    """Why the bot, as ``member`` of the chat, may not post there; None if it may."""
    status = member.status
    if status in (ChatMember.LEFT, ChatMember.BANNED):
        return f"Telegram: the bot was removed from the {'channel' if channel else 'group'}"
    if isinstance(member, ChatMemberRestricted):
        if not member.is_member:
            return "Telegram: the bot was removed from the group"
        if not member.can_send_messages:
            return "Telegram: the bot may not send messages in the group"
        return None
    if channel:
        if not isinstance(member, ChatMemberAdministrator):
            return "Telegram: the bot is not an administrator of the channel"
        if member.can_post_messages is False:
            return "Telegram: the bot may not post in the channel"
    return None
