"""How fast a platform lets the bot send: what an adapter tells the
dispatcher (``bot.delivery.pacing.Pacer`` keeps to it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pace:
    """Limits for one platform. ``None`` leaves pacing to the platform library."""

    overall_per_s: float | None = None
    per_chat_per_s: float | None = None
    per_group_per_min: float | None = None
    burst: int = 3  # messages a chat may take at once before the rate applies
