"""What every fake platform server shares: an aiohttp server on 127.0.0.1 at a
free port, started and stopped as an async context manager, that records what
it is sent and lets a test wait, with a timeout, until a recorded thing matches.

A fake extends :class:`FakeServer`, adds its routes in :meth:`FakeServer.add_routes`,
calls :meth:`FakeServer.changed` whenever it records something (or its state
changes) and builds its ``wait_for_*`` helpers on :meth:`FakeServer.wait_until`::

    class FakeThing(FakeServer):
        def add_routes(self, app: web.Application) -> None:
            app.router.add_post("/send", self._send)

        async def wait_for_sent(self, timeout: float = 10) -> Sent:
            return await self.wait_until(
                lambda: self.sent[0] if self.sent else None,
                timeout,
                lambda: f"nothing sent within {timeout}s",
            )

All of it is meant to be used from the event loop that runs the server (not
thread-safe).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from types import TracebackType
from typing import Self, TypeVar

from aiohttp import web

__all__ = ["HOST", "FakeServer"]

HOST = "127.0.0.1"
SHUTDOWN_TIMEOUT_S = 1.0
"""How long stopping waits for requests still being handled (seconds)."""

_T = TypeVar("_T")


class FakeServer:
    """An in-process HTTP server on ``HOST`` at a port the kernel chooses.

    ``port`` and ``base_url`` (``http://127.0.0.1:PORT``) are set by :meth:`start`
    (0 and ``""`` before). Subclasses add their routes in :meth:`add_routes` and
    may end what they hold open (long polls, websockets) in :meth:`before_stop`.
    """

    def __init__(self) -> None:
        self.port = 0
        self.base_url = ""
        self._runner: web.AppRunner | None = None
        self._changed = asyncio.Event()

    # ------------------------------------------------------------------ lifecycle

    def add_routes(self, app: web.Application) -> None:
        """Add this fake's routes to ``app`` (called once per :meth:`start`)."""
        raise NotImplementedError

    async def before_stop(self) -> None:
        """Called by :meth:`stop` before the server shuts down: end what would
        keep it waiting (long polls, open websockets). Does nothing here."""

    async def start(self) -> None:
        """Listen on a free port of ``HOST``. Raises RuntimeError when already started."""
        if self._runner is not None:
            raise RuntimeError(f"{type(self).__name__} already started")
        app = web.Application()
        self.add_routes(app)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=SHUTDOWN_TIMEOUT_S)
        await runner.setup()
        site = web.TCPSite(runner, HOST, 0)
        await site.start()
        self.port = int(runner.addresses[0][1])
        self.base_url = f"http://{HOST}:{self.port}"
        self._runner = runner

    async def stop(self) -> None:
        """Stop listening and close every connection; stopping again does nothing
        more. What was recorded is kept."""
        runner, self._runner = self._runner, None
        await self.before_stop()
        if runner is not None:
            await runner.cleanup()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    # ------------------------------------------------------------------ waiting

    def changed(self) -> None:
        """Wake every waiter to look again: call it after recording anything."""
        event, self._changed = self._changed, asyncio.Event()
        event.set()

    async def wait_until(
        self,
        find: Callable[[], _T | None],
        timeout: float,  # noqa: ASYNC109 - mandatory, bounded wait
        failure: Callable[[], str],
    ) -> _T:
        """The first value of ``find()`` that is not None, asked now and after each
        :meth:`changed`, for ``timeout`` seconds at most. Raises AssertionError
        with ``failure()`` (what was wanted and what was recorded) after that."""
        found = await self.poll(find, timeout)
        if found is None:
            raise AssertionError(failure())
        return found

    async def poll(
        self,
        find: Callable[[], _T | None],
        timeout: float,  # noqa: ASYNC109 - mandatory, bounded wait
    ) -> _T | None:
        """As :meth:`wait_until`, but None instead of an error after ``timeout``
        seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            event = self._changed
            found = find()
            if found is not None:
                return found
            remaining = deadline - loop.time()
            if remaining <= 0:
                return None
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)
