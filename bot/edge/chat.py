"""Where a message comes from or goes to, in the core's own terms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ChatKind = Literal["private", "group", "channel"]


@dataclass(frozen=True)
class ChatRef:
    platform: str  # "telegram" | "discord" | ...
    chat_id: str  # the platform's id for the chat, as text
    kind: ChatKind

    @property
    def key(self) -> str:
        return f"{self.platform}:{self.chat_id}"


@dataclass(frozen=True)
class Button:
    label: str
    data: str  # a packed payload (bot.edge.payload), e.g. "approve:12"


Buttons = tuple[tuple[Button, ...], ...]
