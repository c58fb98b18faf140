"""What the triage says about a message: its concern, and why."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Concern(StrEnum):
    NONE = "none"
    DANGER = "danger"
    CRIME_IN_PROGRESS = "crime_in_progress"
    SELF_HARM = "self_harm"


@dataclass(frozen=True)
class Triage:
    concern: Concern
    reason: str  # the rule that fired, or the guard that stopped one; never resident text
    # ISO 639-1 code ("pl") when a phrase of another language fired
    # (data/other_languages.yaml); None for the English rules
    language: str | None = None

    @property
    def urgent(self) -> bool:
        return self.concern is not Concern.NONE
