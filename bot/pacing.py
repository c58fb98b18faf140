"""How fast the dispatcher may send: one limit for the whole platform and one
per chat (private chats and groups or channels differ), as leaky buckets."""

from __future__ import annotations

from dataclasses import dataclass

from aiolimiter import AsyncLimiter

from bot.chat import ChatRef


@dataclass(frozen=True)
class Pace:
    """Limits for one platform. ``None`` leaves pacing to the platform library."""

    overall_per_s: float | None = None
    per_chat_per_s: float | None = None
    per_group_per_min: float | None = None
    burst: int = 3  # messages a chat may take at once before the rate applies


class Pacer:
    def __init__(self, pace: Pace) -> None:
        self.pace = pace
        self._overall = (
            AsyncLimiter(pace.overall_per_s, 1.0) if pace.overall_per_s is not None else None
        )
        self._chats: dict[str, AsyncLimiter] = {}

    def _chat_limiter(self, chat: ChatRef) -> AsyncLimiter | None:
        limiter = self._chats.get(chat.key)
        if limiter is not None:
            return limiter
        burst = max(1, self.pace.burst)
        if chat.kind == "private":
            if self.pace.per_chat_per_s is None:
                return None
            limiter = AsyncLimiter(burst, burst / self.pace.per_chat_per_s)
        else:
            if self.pace.per_group_per_min is None:
                return None
            limiter = AsyncLimiter(burst, burst * 60.0 / self.pace.per_group_per_min)
        self._chats[chat.key] = limiter
        return limiter

    async def wait_for_chat(self, chat: ChatRef) -> None:
        limiter = self._chat_limiter(chat)
        if limiter is not None:
            await limiter.acquire()

    def chat_has_room(self, chat: ChatRef) -> bool:
        limiter = self._chat_limiter(chat)
        return limiter is None or limiter.has_capacity()

    async def wait_overall(self) -> None:
        if self._overall is not None:
            await self._overall.acquire()

    def forget(self, chat: ChatRef) -> None:
        """Drop an idle chat's bucket once it has drained (keeps memory flat)."""
        limiter = self._chats.get(chat.key)
        if limiter is not None and limiter.has_capacity(limiter.max_rate):
            del self._chats[chat.key]
