"""Writing messages to the outbox: split to the platform's limit, one row a part."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from bot.chat import Buttons, ChatRef
from bot.rich import Rich, split
from bot.store import outbox as rows
from bot.store.database import Tx

# Longest message each platform accepts, in characters.
MAX_LENGTH: Mapping[str, int] = {"telegram": 4096, "discord": 2000}


class Outbox:
    def __init__(self, wake: Callable[[], None]) -> None:
        self._wake = wake

    async def add(
        self,
        tx: Tx,
        chat: ChatRef,
        body: Rich,
        *,
        priority: int,
        purpose: str,
        at: datetime,
        buttons: Buttons = (),
        reply_to_message_id: str | None = None,
        question_id: int | None = None,
        resident_id: int | None = None,
    ) -> list[int]:
        parts = split(body, MAX_LENGTH.get(chat.platform, 2000))
        ids = []
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            ids.append(
                await rows.add(
                    tx,
                    chat,
                    part,
                    priority=priority,
                    purpose=purpose,
                    at=at,
                    buttons=buttons if last else (),
                    reply_to_message_id=reply_to_message_id if index == 0 else None,
                    question_id=question_id,
                    resident_id=resident_id,
                )
            )
        self._wake()
        return ids
