"""One event from a resident as the resident desk's stages see it, and a
photo of theirs to copy into staff rooms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.edge.inbound import Inbound
from bot.safeguarding.triage import Triage
from bot.store.database import Tx
from bot.store.resident import Resident


@dataclass(frozen=True)
class Visit:
    """One event from a resident, as the stages and handlers see it."""

    tx: Tx
    event: Inbound
    resident: Resident
    triage: Triage
    now: datetime

    @property
    def urgent(self) -> bool:
        return self.triage.urgent


@dataclass(frozen=True)
class PhotoCopy:
    """A resident's photo to copy into staff rooms on its platform: the
    platform's chat and message ids, never the file."""

    platform: str
    chat_id: str
    message_id: str
