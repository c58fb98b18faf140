"""What an adapter tells the core about a room itself (not a message in it):
it moved to a new id, the bot was removed from it (or may no longer post),
or the bot was let back in. An ``Inbound`` with ``room_event`` set, put on
the queue like any event, so it is stored before the platform is told it
arrived."""

from __future__ import annotations

from typing import Final

from bot.edge.chat import ChatRef
from bot.edge.inbound import Inbound

MOVED: Final = "moved"
REMOVED: Final = "removed"
ADDED: Final = "added"


def room_moved(platform: str, event_key: str, old_id: str, new_id: str) -> Inbound:
    """A group whose id changed from ``old_id`` to ``new_id`` (Telegram's
    upgrade to a supergroup)."""
    chat = ChatRef(platform, old_id, "group")
    return Inbound(platform, event_key, chat, "", room_event=MOVED, moved_to=new_id)


def room_removed(chat: ChatRef, event_key: str, why: str, alias: str | None = None) -> Inbound:
    """The bot may not post in ``chat`` any more (``why``: the platform's
    reason, for the log and ``/healthz``). ``alias``: the room's public
    @name, which the configuration may use instead of its id."""
    return Inbound(
        chat.platform, event_key, chat, "", text=why, sender_handle=alias, room_event=REMOVED
    )


def room_added(chat: ChatRef, event_key: str, alias: str | None = None) -> Inbound:
    """The bot may post in ``chat`` (again)."""
    return Inbound(chat.platform, event_key, chat, "", sender_handle=alias, room_event=ADDED)
