"""The port through which the dispatcher sends, and the errors adapters map to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.edge.chat import Buttons, ChatRef
from bot.edge.rich import Rich


@dataclass(frozen=True)
class Outgoing:
    outbox_id: int
    chat: ChatRef
    body: Rich
    buttons: Buttons = ()
    reply_to_message_id: str | None = None
    alert_role_id: str | None = None  # a role to ping; only ever set on URGENT cards


class Sender(Protocol):
    platform: str
    max_length: int  # longest message, as ``measure`` counts
    idempotent: bool  # True when a repeated send cannot make a second message
    max_button_rows: int  # rows of buttons one message may carry

    def measure(self, body: Rich) -> int:
        """The body's length as the platform counts it (after escaping)."""
        ...

    async def send(self, message: Outgoing) -> str:
        """Send; return the platform's message id, or raise a DeliveryError."""
        ...


class DeliveryError(Exception):
    """A send that did not succeed. Adapters raise only the kinds below."""


class RetryLater(DeliveryError):
    """Rate limited: nothing was sent; try again after ``retry_after`` seconds."""

    def __init__(self, retry_after: float, detail: str = "") -> None:
        super().__init__(detail or f"retry after {retry_after}s")
        self.retry_after = retry_after


class NotSent(DeliveryError):
    """The request never reached the platform (connection refused, ...): safe to retry."""


class Unreachable(DeliveryError):
    """The recipient cannot be messaged (blocked the bot, DMs closed)."""


class Rejected(DeliveryError):
    """The platform refused this message for good (bad request, no access)."""


class OutcomeUnknown(DeliveryError):
    """The request went out but no answer came back: it may have been delivered."""
