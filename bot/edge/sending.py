"""The port through which the dispatcher sends, and the errors adapters map to.

Every failed send surfaces as exactly one of these (an adapter maps each of
its platform library's errors to one; anything else is a bug, recorded by
the dispatcher as 'unknown')::

    Exception
    └── DeliveryError                 a send that did not succeed
        ├── RetryLater                rate limited, nothing sent: wait ``retry_after`` s, send again
        ├── NotSent                   never reached the platform, or it said it failed:
        │                             send again with back-off, until the give-up window
        ├── OutcomeUnknown            left, and no answer came: may have arrived;
        │                             sent again only where the platform drops repeats
        ├── Unreachable               the recipient cannot be messaged (blocked the bot):
        │                             'failed', and the resident's waiting messages skipped
        ├── Rejected                  refused for good (bad request): 'failed'
        ├── WaitsForResident          a private chat the platform lets the bot write to only
        │                             after the resident writes again: the chat's messages wait
        ├── Moved                     the room has a new id (``new_chat_id``): the room's
        │                             messages, this one included, go there from now on
        └── NoAccess                  the bot may not post in this room for now (removed,
                                      permission taken away): the room's messages wait

``RetryLater`` and ``NotSent`` are the ones that may pass; ``Moved`` and
``NoAccess`` keep the message (a room's state, not the message's), and
``WaitsForResident`` keeps it (the resident's chat's state) until they write;
``Unreachable``, ``Rejected`` and ``OutcomeUnknown`` end it (the dispatcher
tells officers where they can act).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.edge.chat import Buttons, ChatRef
from bot.edge.rich import Rich


@dataclass(frozen=True)
class Outgoing:
    """One message to send: the outbox row it comes from (``outbox_id``, the
    first row when queued cards are combined), where it goes, what it says,
    button rows to show under it (at most the sender's ``max_button_rows``),
    the platform message id it answers, a role to ping, and the topic or
    thread of the room it goes to."""

    outbox_id: int
    chat: ChatRef
    body: Rich
    buttons: Buttons = ()
    reply_to_message_id: str | None = None
    alert_role_id: str | None = None  # a role to ping; only ever set on URGENT cards
    thread_id: str | None = None  # the topic or thread of ``chat`` it goes to (Inbound.thread_id)
    # Copy the message (chat id, message id) from a private chat on the same
    # platform, with ``body`` as its caption, instead of sending ``body`` alone.
    # Only Telegram's sender takes it; others raise Rejected.
    copy_from: tuple[str, str] | None = None
    # The platform id of the bot's own message in ``chat`` to edit so that it
    # says ``body`` with ``buttons`` (none: its buttons go), instead of
    # sending a new message. The sender returns that same id. A message
    # already saying it, or no longer there, is done: nothing is left to erase.
    edit_of: str | None = None
    # What the outbox row is for (``bot.store.outbox.OutboxPurpose``'s value:
    # "reply", "answer", ...), for a platform whose rules depend on it
    # (Messenger: a reply, an update, an officer-written answer).
    purpose: str = ""
    # The platform id of the post that opened the session, in this public
    # room, for a published answer or the session's closing: a platform
    # whose posts take comments (a Facebook Page) may put this beneath it;
    # others post it as usual. None for anything else, or when the opening
    # post was never sent.
    under: str | None = None
    # The platform id of the earlier part of the same message in this public
    # room, for the second and later parts of a published answer split at the
    # platform's limit: a platform whose posts take comments may put the part
    # beneath it. None otherwise, or when that part was never sent.
    continues: str | None = None


class LengthLimit(Protocol):
    """How long a message a platform takes: the one place its limit is declared.
    A sender declares it (as class attributes, so the outbox can split messages
    for a platform that is off in this run)."""

    @property
    def max_length(self) -> int:
        """The longest body the platform accepts, in the units ``measure``
        counts (characters of the text as the platform receives it)."""
        ...

    def measure(self, body: Rich) -> int:
        """The body's length as the platform counts it (after escaping or
        rendering to its markup): comparable with ``max_length``. Never raises."""
        ...


class Sender(LengthLimit, Protocol):
    """One platform's way out, used by the dispatcher only.

    ``platform`` is the name chats carry (``ChatRef.platform``); ``idempotent``
    is True when sending the same ``Outgoing`` twice cannot make a second
    message (the outbox id is the platform's nonce or key), so a send cut off
    by a restart may be repeated; ``max_button_rows`` is how many rows of
    buttons one message may carry (queued cards are combined up to it)."""

    platform: str
    idempotent: bool
    max_button_rows: int

    async def send(self, message: Outgoing) -> str:
        """Send ``message`` (its body at most ``max_length`` as ``measure``
        counts, which the outbox and the dispatcher ensure; a ping of ``alert_role_id`` may be put
        before it) and return the platform's id for the message it made, as
        text. Raises one of the ``DeliveryError`` kinds above when it did not
        succeed, and nothing else for a platform failure (anything else is
        taken as a bug and the row ends 'unknown'). May wait first for the
        platform client's own pacing or connection pool."""
        ...


class DeliveryError(Exception):
    """A send that did not succeed. Adapters raise only the kinds below."""


class RetryLater(DeliveryError):
    """Rate limited: nothing was sent; try again after ``retry_after`` seconds
    (a float, the platform's own figure)."""

    def __init__(self, retry_after: float, detail: str = "") -> None:
        super().__init__(detail or f"retry after {retry_after}s")
        self.retry_after = retry_after


class NotSent(DeliveryError):
    """Not done: the request never reached the platform (connection refused,
    connect or pool timeout, client not connected) or the platform answered
    that it failed (5xx, a refused token, the web's database busy). Safe to
    send again."""


class ServerDown(NotSent):
    """Not done because the platform's server cannot be reached at all (an
    outage). The adapter says so itself, once an outage and once when it is
    back, with counts; the dispatcher logs each message so failed only at
    DEBUG (a queue of 57 messages is not 57 warnings). Safe to send again."""


class Unreachable(DeliveryError):
    """The recipient of a private chat cannot be messaged (blocked the bot,
    DMs closed, chat gone): the resident is marked unreachable."""


class Rejected(DeliveryError):
    """The platform refused this message for good (a bad request): sending it
    again would fail the same way."""


class WaitsForResident(DeliveryError):
    """The platform lets the bot message this resident only once they write
    to it again (Messenger's 24-hour window has closed): nothing was sent.
    The message, and whatever else waits for the chat, goes when the
    resident's next message arrives; it is never given up."""


class Moved(DeliveryError):
    """The room (a staff or public room) has a new id on the same platform: a
    Telegram group upgraded to a supergroup. ``new_chat_id`` is the new id as
    text; nothing was sent."""

    def __init__(self, new_chat_id: str, detail: str = "") -> None:
        super().__init__(detail or f"the room moved to {new_chat_id}")
        self.new_chat_id = new_chat_id


class NoAccess(DeliveryError):
    """The bot may not post in this room (a staff or public room) for now: it
    was removed, or its permission to post was taken away. Nothing was sent;
    the room's messages wait until the bot is let back in. Private chats use
    ``Unreachable``."""


class OutcomeUnknown(DeliveryError):
    """The request went out but no answer came back (read timeout, connection
    cut): it may have been delivered."""
