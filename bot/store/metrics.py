"""The counts operators see at ``/metrics``, read from the core's tables:
the tallies its triggers keep (a few rows, whatever the size of the store),
events set aside, and the open sessions (one per forum at most)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.store.database import Tx, fetch_all, fetch_one


@dataclass
class Counts:
    questions: list[tuple[str, str, int]] = field(default_factory=list)  # forum, state, n
    answers: list[tuple[str, int]] = field(default_factory=list)  # forum, n
    deliveries: list[tuple[str, str, int]] = field(default_factory=list)  # platform, outcome, n
    outbox_depth: list[tuple[str, int]] = field(default_factory=list)  # platform, n
    sessions_open: list[tuple[str, int]] = field(default_factory=list)  # forum, 0/1
    set_aside: list[tuple[str, int]] = field(default_factory=list)  # platform, n


async def counts(tx: Tx, forum_ids: Iterable[str]) -> Counts:
    """Questions by forum and state (answers by forum), outbox rows by
    platform and state (waiting ones by platform), events set aside by
    platform, each of ``forum_ids`` with 1 while a session is open; sorted."""
    found = Counts()
    for r in await fetch_all(
        tx, "SELECT forum_id, state, n FROM question_tally WHERE n > 0 ORDER BY forum_id, state"
    ):
        found.questions.append((str(r[0]), str(r[1]), int(r[2])))
        if r[1] == "answered":
            found.answers.append((str(r[0]), int(r[2])))
    depth: dict[str, int] = {}
    for r in await fetch_all(
        tx, "SELECT platform, state, n FROM outbox_tally WHERE n > 0 ORDER BY platform, state"
    ):
        platform, state, n = str(r[0]), str(r[1]), int(r[2])
        found.deliveries.append((platform, state, n))
        if state in ("pending", "sending"):
            depth[platform] = depth.get(platform, 0) + n
    found.outbox_depth = sorted(depth.items())
    for r in await fetch_all(
        tx,
        "SELECT platform, COUNT(*) FROM inbox WHERE set_aside_at IS NOT NULL GROUP BY platform",
    ):
        found.set_aside.append((str(r[0]), int(r[1])))
    open_now = {
        str(r[0]) for r in await fetch_all(tx, "SELECT forum_id FROM session WHERE state = 'open'")
    }
    found.sessions_open = [(f, int(f in open_now)) for f in forum_ids]
    return found


async def readable(tx: Tx) -> None:
    """A trivial read, for ``/healthz``: raises whatever the database raises
    when it cannot be read."""
    await fetch_one(tx, "SELECT 1")
