"""The adapter contract: what every platform (Telegram, Discord, the web, the
next one) gives the composition root, so the root holds a list of them and
names none.

Two halves. A :class:`Platform` is the package's entry (``adapters/<name>/``
exposes one as ``PLATFORM``): what the root must know before anything runs,
from the configuration and the environment alone (is it on, and if not why;
which secrets to mask in the log; how its commands start), and how to build
its :class:`Adapter`. An :class:`Adapter` is one platform switched on for
this run: its sender, its pace, its connection, and its lifecycle.

The root's lifecycle for every adapter, in order:

1. ``start()``, all adapters at once: what can be fatal (a refused token, a
   port that cannot be bound) raises ``StartupFailure``; a platform out of
   reach is not fatal (``run`` keeps trying).
2. ``run()``, supervised (restarted with back-off if it fails): takes events
   in and puts them on ``wiring.queue`` until cancelled.
3. ``announce()`` once forumbot is serving: anything the administrator
   should read after "forumbot running" (where people reach it).
4. At stop: ``stop_accepting()`` before the dispatcher's last sends (no new
   events; the sender still works), then the ``run`` task is cancelled, then
   ``close()`` releases everything. Each is called even after a start that
   failed half-way, so each must be safe on what was never opened.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from bot.edge.clock import Clock
from bot.edge.connection import Connection
from bot.edge.inbound import Envelope
from bot.edge.pace import Pace
from bot.edge.sending import LengthLimit, Sender
from config.model import Config


class Adapter(Protocol):
    """One platform, on in this run."""

    @property
    def platform(self) -> str:
        """Its name: ``ChatRef.platform`` and ``Inbound.platform`` of
        everything it handles (``"telegram"``)."""
        ...

    @property
    def sender(self) -> Sender:
        """The dispatcher's port to it."""
        ...

    @property
    def pace(self) -> Pace:
        """How fast the dispatcher may send through it (``Pace()``: the
        platform library paces itself)."""
        ...

    @property
    def connection(self) -> Connection | None:
        """Its link to the platform, for ``/healthz`` and ``/metrics``;
        ``None`` when there is no remote side to be connected to (the web)."""
        ...

    async def start(self) -> None:
        """Check what can be fatal and open what must be open before serving.
        Raises StartupFailure (one plain line: the cause, then the fix)."""
        ...

    async def run(self) -> None:
        """Take events in until cancelled (the supervisor restarts it with
        back-off if it raises)."""
        ...

    def announce(self) -> None:
        """Once forumbot is serving: log what the administrator needs to
        know, e.g. the address residents use. Most adapters say nothing."""
        ...

    async def stop_accepting(self) -> None:
        """Take no new events from now on; sending still works until
        ``close``. Safe to call when ``start`` never ran or failed."""
        ...

    async def close(self) -> None:
        """Release everything the adapter holds. Safe to call when ``start``
        never ran or failed, and more than once."""
        ...


@dataclass(frozen=True)
class Off:
    """Why a platform is off in this run, for the log: ``"<name> off:
    <reason>"``. ``unset`` names the environment variable whose absence
    keeps it off (its token), when that is the reason."""

    reason: str
    unset: str | None = None

    @classmethod
    def unset_variable(cls, name: str) -> Off:
        """Off because the environment variable ``name`` is not set."""
        return cls(f"{name} is not set", unset=name)

    @property
    def briefly(self) -> str:
        """The reason in a few words, for a warning about one of its rooms:
        ``TELEGRAM_BOT_TOKEN not set``."""
        return f"{self.unset} not set" if self.unset else self.reason


class Wiring(Protocol):
    """What the composition root hands a platform to build its adapter.
    Platforms that need more (the web needs the store and the core) say so
    with a protocol of their own that extends this one."""

    @property
    def config(self) -> Config: ...

    @property
    def env(self) -> Mapping[str, str]:
        """The process environment (tokens and secrets are read from it)."""
        ...

    @property
    def queue(self) -> asyncio.Queue[Envelope]:
        """Where the adapter puts what it receives, for the intake."""
        ...

    @property
    def clock(self) -> Clock: ...

    def options(self, platform: str) -> Mapping[str, Any]:
        """Settings the root passes through to one platform unread (tests
        shorten Telegram's poll with ``poll_timeout_s``); empty normally."""
        ...


W_contra = TypeVar("W_contra", bound=Wiring, contravariant=True)


class Platform(Protocol[W_contra]):
    """A platform adapter package's entry, ``adapters/<name>.PLATFORM``. All
    but ``build`` read only the configuration and environment, and are called
    before anything is opened."""

    @property
    def name(self) -> str: ...

    def off(self, config: Config, env: Mapping[str, str]) -> Off | None:
        """Why it is off in this run, or None when it is on."""
        ...

    def secrets(self, config: Config, env: Mapping[str, str]) -> list[str]:
        """Values from ``env`` it would hold (tokens, shared secrets), to be
        masked wherever they would appear in the log; only those that are set."""
        ...

    def command_prefix(self, config: Config) -> str:
        """What its commands start with (``/``), for the wording: also known
        when it is off, since messages to its residents still wait for it."""
        ...

    @property
    def length_limit(self) -> LengthLimit:
        """Its sender's longest message and how it counts (the sender class's
        own ``max_length`` and ``measure``): also known when it is off, since
        messages owed to its residents are split for it while they wait."""
        ...

    def build(self, wiring: W_contra) -> Adapter:
        """Its adapter, when ``off`` said it is on. Nothing is started:
        ``Adapter.start`` does that. Logs that it is on (and how)."""
        ...
