"""Writing messages to the outbox: split to the platform's limit, one row a part.

Each platform's limit is the one its sender declares (``max_length`` as its
``measure`` counts, ``bot.edge.sending.LengthLimit``); nothing here knows a
platform's numbers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime

from bot.edge.rich import Rich, plain, split
from bot.edge.sending import LengthLimit
from bot.store import outbox as rows
from bot.store.database import Tx
from bot.store.outbox import OutboxDraft

ALERT_ROOM = 32  # what a platform may put before the text to ping a role: "<@&snowflake> "

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
    """The core's one way to queue a message.

    ``wake`` is called after rows are added (the dispatcher's wake-up).
    ``limits`` maps each platform name to its sender's ``LengthLimit``:
    every platform messages may be queued for, including ones off in this
    run (residents' private messages wait for their platform)."""

    def __init__(self, wake: Callable[[], None], limits: Mapping[str, LengthLimit]) -> None:
        self._wake = wake
        self._limits = dict(limits)

    def parts(self, platform: str, body: Rich, room: int = 0) -> list[Rich]:
        """``body`` cut at line, then word boundaries into parts of at most the
        platform's ``max_length`` less ``room`` (units of its ``measure``);
        an empty body gives no parts. Raises LookupError for a platform with
        no declared limit."""
        limit = self._limits.get(platform)
        if limit is None:
            raise LookupError(f"no length limit declared for platform {platform!r}")
        return split_for(body, limit.max_length - room, limit.measure)

    def wake(self) -> None:
        """Tell the dispatcher rows are waiting (after a write outside ``add``)."""
        self._wake()

    async def add(self, tx: Tx, draft: OutboxDraft, at: datetime) -> list[int]:
        """Queue ``draft`` in ``tx`` (written with the change that caused it),
        one 'pending' row per part of its body (``parts``; room is kept for a
        role ping when ``alert_role_id`` is set), at the draft's priority
        (its purpose's; a burst's card lower). The first part carries
        ``reply_to_message_id`` and the ping, the last the buttons. ``at``:
        when it was queued. Returns the row ids in sending order (none for an
        empty body) and wakes the dispatcher (which only sees the rows once
        ``tx`` commits). Raises LookupError for a platform with no declared
        limit, and sqlite3.Error as the writes do."""
        room = ALERT_ROOM if draft.alert_role_id is not None else 0
        parts = self.parts(draft.chat.platform, draft.body, room)
        ids = []
        for index, part in enumerate(parts):
            first, last = index == 0, index == len(parts) - 1
            piece = replace(
                draft,
                body=part,
                buttons=draft.buttons if last else (),
                reply_to_message_id=draft.reply_to_message_id if first else None,
                alert_role_id=draft.alert_role_id if first else None,
            )
            ids.append(await rows.add(tx, piece, at))
        self._wake()
        return ids
