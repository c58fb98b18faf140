"""Writing messages to the outbox: split to the platform's limit, one row a part."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from bot.edge.chat import Buttons, ChatRef
from bot.edge.rich import Rich, plain, split
from bot.store import outbox as rows
from bot.store.database import Tx

# Longest message each platform accepts, in characters.
MAX_LENGTH: Mapping[str, int] = {"telegram": 4096, "discord": 2000}
ALERT_ROOM = 32  # what a platform may put before the text to ping a role: "<@&snowflake> "


def plain_length(rich: Rich) -> int:
    return len(plain(rich))


Measure = Callable[[Rich], int]


def split_for(body: Rich, limit: int, measure: Measure, cut: int | None = None) -> list[Rich]:
    """Parts that are each at most ``limit`` long as the platform counts them
    (after its escaping), cut at line or word boundaries every ``cut``
    characters of plain text (``limit`` to begin with)."""
    out: list[Rich] = []
    for part in split(body, cut or limit):
        size = measure(part)
        if size <= limit:
            out.append(part)
        else:  # escaping made it longer: cut smaller, in proportion
            smaller = max(1, len(plain(part)) * limit // size - 1)
            out.extend(split_for(part, limit, measure, smaller))
    return [p for p in out if p]


class Outbox:
    def __init__(
        self, wake: Callable[[], None], measures: Mapping[str, Measure] | None = None
    ) -> None:
        self._wake = wake
        self._measures = dict(measures or {})

    def parts(self, platform: str, body: Rich, room: int = 0) -> list[Rich]:
        """The body cut to the platform's length limit (less ``room``)."""
        limit = MAX_LENGTH.get(platform, 2000) - room
        return split_for(body, limit, self._measures.get(platform, plain_length))

    def wake(self) -> None:
        self._wake()

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
        alert_role_id: str | None = None,
    ) -> list[int]:
        parts = self.parts(chat.platform, body, ALERT_ROOM if alert_role_id is not None else 0)
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
                    alert_role_id=alert_role_id if index == 0 else None,
                )
            )
        self._wake()
        return ids
