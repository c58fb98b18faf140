"""Live updates: who is watching which web chat right now. The web sender
publishes each message it stores; every open page of that chat gets it over
server-sent events. Nothing here is durable: a page that reconnects reads
what it missed from the database."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from typing import Any

QUEUE_SIZE = 100  # a page this far behind is dropped and reloads what it missed


class Hub:
    def __init__(self) -> None:
        self._watchers: dict[str, set[asyncio.Queue[dict[str, Any] | None]]] = defaultdict(set)

    def watch(self, chat_id: str) -> asyncio.Queue[dict[str, Any] | None]:
        queue: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue(QUEUE_SIZE)
        self._watchers[chat_id].add(queue)
        return queue

    def unwatch(self, chat_id: str, queue: asyncio.Queue[dict[str, Any] | None]) -> None:
        watchers = self._watchers.get(chat_id)
        if watchers is not None:
            watchers.discard(queue)
            if not watchers:
                del self._watchers[chat_id]

    def publish(self, chat_id: str, event: dict[str, Any]) -> None:
        for queue in list(self._watchers.get(chat_id, ())):
            try:
                queue.put_nowait(event)
            except asyncio.QueueFull:
                self.unwatch(chat_id, queue)
                _end(queue)  # the page reconnects and reads what it missed

    def close_all(self) -> None:
        for watchers in self._watchers.values():
            for queue in watchers:
                _end(queue)
        self._watchers.clear()

    def watching(self) -> int:
        return sum(len(w) for w in self._watchers.values())


def _end(queue: asyncio.Queue[dict[str, Any] | None]) -> None:
    """Tell a watcher to stop (None), making room for that if need be."""
    while queue.full():
        queue.get_nowait()
    queue.put_nowait(None)
