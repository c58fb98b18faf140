"""The port through which the core posts to an incoming webhook (a control
room's Microsoft Teams or Slack): the composition root gives the core one
(``forumbot.webhook.HttpHookPoster``); the core builds the JSON."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol


class HookPoster(Protocol):
    """Posts JSON to a webhook URL."""

    async def post(self, url: str, payload: Mapping[str, object]) -> None:
        """POST ``payload`` as JSON to ``url`` (a secret: never in what is
        raised). Returns when the webhook accepted it (2xx). Raises the
        delivery errors of ``bot.edge.sending``: ``RetryLater`` (429, with its
        ``Retry-After`` in seconds), ``NotSent`` (no connection, 5xx),
        ``OutcomeUnknown`` (no answer in time), ``Rejected`` (another 4xx:
        the same post would fail again)."""
        ...
