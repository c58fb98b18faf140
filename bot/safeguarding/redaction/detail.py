"""What the redaction engine finds: a span of the text and its category."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    POSTCODE = "postcode"
    VEHICLE_REG = "vehicle reg"
    NI_NUMBER = "NI number"
    ADDRESS = "address"
    NAME = "name"
    DATE_OF_BIRTH = "date of birth"
    HANDLE = "social media handle"
    # Descriptions that single someone out (situation.py)
    SCHOOL = "school and year"
    JOB = "job"
    AGE = "age"
    ID_NUMBER = "ID number"

    @property
    def label(self) -> str:
        """What replaces the detail in the publishable text: ``[phone]``."""
        return f"[{self.value}]"


@dataclass(frozen=True, order=True)
class Detail:
    start: int
    end: int
    category: Category


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string, easier to read
    and review than a list of quoted words."""
    return frozenset(words.split())
