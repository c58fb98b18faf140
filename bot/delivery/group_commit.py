"""Many small writes from concurrent tasks, committed together: each caller
waits until its write is durable, and one transaction carries all writes that
arrived meanwhile."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from bot.store.database import Database, Tx

Write = Callable[[Tx], Awaitable[None]]


class GroupCommit:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._waiting: list[tuple[Write, asyncio.Future[None]]] = []
        self._running: asyncio.Task[None] | None = None

    async def write(self, write: Write) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((write, future))
        if self._running is None or self._running.done():
            self._running = asyncio.create_task(self._drain())
        await future

    async def wait_idle(self) -> None:
        """Until the writes handed in so far are committed (or failed)."""
        while self._running is not None and not self._running.done():
            await asyncio.gather(self._running, return_exceptions=True)

    async def _drain(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting, []
            try:
                async with self.db.transaction() as tx:
                    for write, _future in batch:
                        await write(tx)
            except Exception as error:
                for _write, future in batch:
                    if not future.done():
                        future.set_exception(error)
                continue
            for _write, future in batch:
                if not future.done():
                    future.set_result(None)
