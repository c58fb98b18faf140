"""What the benchmarks share: the one-forum configuration forumbot runs on,
and the line protocol between a benchmark and the forumbot child it starts
(JSON lines on stdout; peak RSS read as VmHWM)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

STAFF_CHAT = -100200
OFFICER_ID = 11111111
FORUM_NAME = "Bromley Police Online Forum"


def config_yaml(base_url: str, database: str, *, telegram: str = "", forum: str = "") -> str:
    """One forum on Telegram (the fake at ``base_url``), web off. ``telegram``
    and ``forum`` are extra YAML lines for those sections, indented to fit."""
    return f"""
database: {json.dumps(database)}
platforms:
  telegram:
    api_base_url: {base_url}
{telegram}web:
  enabled: false
forums:
  - id: bromley
    name: {FORUM_NAME}
    phrases: ["{FORUM_NAME}"]
{forum}    staff_rooms:
      - {{platform: telegram, chat_id: {STAFF_CHAT}}}
    officers:
      telegram: [{OFFICER_ID}]
"""


def peak_rss_kib() -> float:
    """This process's peak RSS. VmHWM, not ru_maxrss: on Linux a child's
    ru_maxrss starts from its parent's RSS at fork."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1])  # kB
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # KiB on Linux


def emit(kind: str, payload: dict[str, Any] | None = None) -> None:
    print(json.dumps({"kind": kind, **(payload or {})}), flush=True)


async def read_json(stream: asyncio.StreamReader, kind: str, wait_s: float) -> dict[str, Any]:
    """The child's next JSON line of this kind (other output is skipped)."""
    async with asyncio.timeout(wait_s):
        while True:
            line = await stream.readline()
            if not line:
                raise RuntimeError(f"forumbot exited before sending {kind!r}")
            with contextlib.suppress(ValueError):
                data = json.loads(line)
                if isinstance(data, dict) and data.get("kind") == kind:
                    return data


class Child:
    """forumbot in a subprocess of its own, running ``script --child *args``
    and speaking the line protocol above: a "ready" line once it serves,
    then, when told "stop" on its stdin, a "result" line before it exits."""

    def __init__(self, script: Path, args: list[str], ready_within_s: float = 60) -> None:
        self.script = script
        self.args = args
        self.ready_within_s = ready_within_s
        self.proc: asyncio.subprocess.Process | None = None

    async def start(self) -> dict[str, Any]:
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable,
            str(self.script),
            "--child",
            *self.args,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            cwd=str(self.script.resolve().parents[1]),
        )
        assert self.proc.stdout is not None
        return await read_json(self.proc.stdout, "ready", self.ready_within_s)

    async def stop(self) -> dict[str, Any]:
        assert self.proc is not None and self.proc.stdin is not None
        assert self.proc.stdout is not None
        self.proc.stdin.write(b"stop\n")
        await self.proc.stdin.drain()
        result = await read_json(self.proc.stdout, "result", 120)
        await asyncio.wait_for(self.proc.wait(), 60)
        return result

    async def kill(self) -> None:
        """SIGKILL, as a crash would."""
        if self.proc is not None and self.proc.returncode is None:
            self.proc.kill()
            await self.proc.wait()


def best_per_message_us(
    work: Callable[[str], object],
    texts: list[str],
    rounds: int,
    before_round: Callable[[], object] = lambda: None,
) -> float:
    """Microseconds a message that ``work`` takes over ``texts``: the best of
    ``rounds`` passes over them all; ``before_round`` runs before each (a
    cache emptied, so every message is worked out afresh)."""
    best = float("inf")
    for _ in range(rounds):
        before_round()
        start = time.perf_counter()
        for text in texts:
            work(text)
        best = min(best, time.perf_counter() - start)
    return best / len(texts) * 1e6


def per_message_us(
    work: Callable[[str], object],
    texts: list[str],
    rounds: int,
    before_round: Callable[[], object] = lambda: None,
) -> list[float]:
    """Microseconds ``work`` takes on each of ``texts`` (in their order): for
    each message the best of ``rounds`` passes, so a message's figure is its
    own cost, not a pause of the machine's; ``before_round`` runs before
    each pass (a cache emptied)."""
    best = [float("inf")] * len(texts)
    for _ in range(rounds):
        before_round()
        for i, text in enumerate(texts):
            start = time.perf_counter()
            work(text)
            best[i] = min(best[i], time.perf_counter() - start)
    return [seconds * 1e6 for seconds in best]


def percentile(values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` (0..1) of ``values`` lie (nearest
    rank; ``values`` need not be sorted, must not be empty)."""
    ordered = sorted(values)
    rank = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[rank]
