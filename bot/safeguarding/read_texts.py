"""The small caches of messages just read, and how an erasure empties them.

Triage and redaction read each message more than once (a question is
triaged for its reply and again for its card; several redaction finders
share one tokenising), so a few functions keep the last messages they read
in an ``functools.lru_cache`` of up to 16 (language identification: 256)
texts. Each registers here with :func:`hold`; :func:`forget_read_texts`
empties them all. The composition root calls it whenever the store erases
personal data (``Database.erased``: ``/forget``, the retention purge), so
no erased resident's words outlive the erasure in this process's memory.
"""

from __future__ import annotations

from typing import Protocol, TypeVar


class _Info(Protocol):
    @property
    def currsize(self) -> int: ...


class _Clearable(Protocol):
    def cache_clear(self) -> None: ...

    def cache_info(self) -> _Info: ...


C = TypeVar("C", bound=_Clearable)


_HELD: list[_Clearable] = []


def hold(cached: C) -> C:
    """Register ``cached`` (an ``lru_cache``-wrapped function keyed by a
    message's text) to be emptied by :func:`forget_read_texts`; returns it."""
    _HELD.append(cached)
    return cached


def forget_read_texts() -> None:
    """Empty every registered cache of read messages (at once, in this process)."""
    for cached in _HELD:
        cached.cache_clear()


def held_count() -> int:
    """How many texts the registered caches hold now (for tests and logs)."""
    return sum(c.cache_info().currsize for c in _HELD)
