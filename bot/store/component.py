"""Data a part outside the core keeps in the forum's database (the web side's
messages, sign-ins and key): its own tables, made and changed by its own
ordered migrations, and the hooks through which erasure reaches them, so that
the core's schema and purge name none of them.

A part declares a :class:`Component`; the composition root hands every
component to ``Database`` (whether or not the part is on in this run, so its
tables stay current and its copies are still purged), which migrates each one
after the core's own schema and gives its hooks to ``forget`` and ``purge``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

import aiosqlite

from bot.edge.rich import Rich

_NAME = re.compile(r"[a-z][a-z0-9_]*")


class PrivacyHooks(Protocol):
    """How erasure reaches a component's copies of personal data. Both run
    inside the core's transaction (``tx``), alongside its own erasure."""

    async def erase_chat(self, tx: aiosqlite.Connection, platform: str, chat_id: str) -> None:
        """A resident asked to be forgotten: delete whatever is kept for their
        private chat (``platform``, ``chat_id``); nothing when that chat is
        not one of this component's."""
        ...

    async def purge_before(
        self, tx: aiosqlite.Connection, cutoff: datetime, *, dry_run: bool
    ) -> int:
        """The retention purge: the number of copies of sent messages kept
        from before ``cutoff`` (an aware instant), deleted unless
        ``dry_run``. Counted with the core's own copies (``deliveries``)."""
        ...

    async def replace_copies(self, tx: aiosqlite.Connection, bodies: Mapping[int, Rich]) -> None:
        """Staff-room messages whose outbox rows (the keys, outbox row ids)
        held a resident's words now say only the body given (the card as it
        is once erased): every copy this component keeps of those rows
        (the console's history) is to say the same, without buttons.
        Nothing for rows it never kept."""
        ...


@dataclass(frozen=True)
class Component:
    """A part's own data in the forum's database.

    ``name``: lower-case letters, digits and ``_``; the key its schema
    version is kept under in the core's ``meta`` table (``schema:<name>``).
    ``migrations``: SQL scripts, applied in order, each once, in a
    transaction of its own after the core's migrations; the first must also
    accept a database where its tables already exist. ``privacy``: how
    ``forget`` and the purge reach its copies of personal data, or None
    when it keeps none. Raises ValueError for a name that is not allowed."""

    name: str
    migrations: tuple[str, ...]
    privacy: PrivacyHooks | None = None

    def __post_init__(self) -> None:
        if not _NAME.fullmatch(self.name):
            raise ValueError(f"component name {self.name!r}: expected [a-z][a-z0-9_]*")

    @property
    def version_key(self) -> str:
        """Its row in ``meta``: the number of its migrations applied."""
        return f"schema:{self.name}"


@runtime_checkable
class KeepsData(Protocol):
    """A platform entry (``adapters/<name>/platform.py``) whose adapter keeps
    data of its own in the forum's database."""

    @property
    def data(self) -> Component: ...
