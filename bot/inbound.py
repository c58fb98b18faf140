"""An event a platform delivered to the bot, translated by its adapter."""

from __future__ import annotations

import asyncio
import json
from dataclasses import asdict, dataclass, field

from bot.chat import ChatRef


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

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, raw: str) -> Inbound:
        data = json.loads(raw)
        data["chat"] = ChatRef(**data["chat"])
        data["sender_roles"] = tuple(data["sender_roles"])
        return cls(**data)


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
