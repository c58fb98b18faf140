"""Alert benchmark: an officer's alert to thousands of Telegram
subscribers through the real python-telegram-bot client, against the fake Bot
API enforcing Telegram's overall limit.

    python bench/alerts.py                      # 1,000 and 10,000, then kill -9 at 10,000
    python bench/alerts.py --sizes 1000 --kill-size 1000    # about 2 minutes
    python bench/alerts.py --sizes 10000 --no-kill

The fake server (tests/fakes/telegram_server.py) runs in this process with
``limit_overall_per_s=30``: it counts the messages it accepted in the last
second and answers the 31st with 429 and retry_after=1. forumbot runs
in a subprocess with its default pacing (30 messages/s overall, 1/s per
chat, 20/min per group) and quiet hours off, on a SQLite file seeded with N
residents subscribed to the forum's appeals.

For each size the officer sends ``/alert bromley appeals ...`` in the staff
group. While the alert goes out, residents who are not subscribed ask
questions, spread over the expected duration. Reported:

* rate: alerts received by the fake / (last alert - first alert), and the
  same for every message the fake accepted in that window (alerts,
  acknowledgements, staff cards and notices share the limit), each as a
  fraction of the 30/s limit;
* 429s the fake answered; alerts received twice by one chat (duplicates) and
  subscribers who got nothing (misses);
* time from the officer's command to the last alert, and its growth from the
  smallest to the largest size against the growth in subscribers;
* acknowledgement latency for the residents who asked while the alert went out:
  question created -> acknowledgement accepted by the fake;
* forumbot's peak RSS (VmHWM), before the alert and at the end.

The kill run: the same alert, forumbot killed with SIGKILL when half the
subscribers have it, then started again on the same file. Reported: alerts
delivered twice (the goal is none), subscribers missed (sends cut off
mid-request are recorded as outcome unknown and not repeated, spec §7), and
how long the rest took after the restart.

The baseline in the same run is the limit itself: N / (30 x 0.97) seconds is
the fastest forumbot's pacer allows, and the report shows time / that figure.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SCRIPT = Path(__file__).resolve()
ROOT = SCRIPT.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402
    FORUM_NAME,
    OFFICER_ID,
    STAFF_CHAT,
    Child,
    config_yaml,
    emit,
    peak_rss_kib,
)

FIRST_SUBSCRIBER = 6_000_000
FIRST_ASKER = 5_000_000
LIMIT_PER_S = 30
MARKER = "BENCH-APPEAL"
ACK_RE = re.compile(r"#\d+")
FINISHED_RE = re.compile(r"Alert #\d+ done: (\d+) of (\d+) sent")


# --------------------------------------------------------------------------- child


async def child(args: argparse.Namespace) -> None:
    from config.load import parse_config
    from forumbot.app import build_app

    config = parse_config(
        config_yaml(
            args.base_url, args.database, forum="    quiet_hours: off\n    areas: [BR1, BR2]\n"
        ),
        "bench",
    )
    app = await build_app(config, environ={"TELEGRAM_BOT_TOKEN": args.token}, poll_timeout_s=1)
    await app.start()
    assert app.telegram is not None
    await asyncio.wait_for(app.telegram.ready.wait(), 30)
    emit("ready", {"rss_kib": peak_rss_kib()})
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)  # "stop"
    await app.stop()
    emit("result", {"max_rss_kib": peak_rss_kib()})


# --------------------------------------------------------------------------- parent


async def seed(database: str, subscribers: int) -> None:
    """N residents subscribed to the forum's appeals, through the stores."""
    from bot.store import resident as residents
    from bot.store import subscription as subscriptions
    from bot.store.database import Database

    now = datetime.now(UTC)
    async with Database(database) as db, db.transaction() as tx:
        for i in range(subscribers):
            user = str(FIRST_SUBSCRIBER + i)
            r = await residents.get_or_create(tx, "telegram", user, user, None, now)
            await subscriptions.add(tx, r.id, [("bromley", "appeals")], now)


@dataclass
class Run:
    subscribers: int
    kill: bool = False
    alerts: int = 0
    duplicates: int = 0
    misses: int = 0
    first_alert_s: float = float("nan")
    last_alert_s: float = float("nan")
    alert_rate: float = float("nan")
    all_rate: float = float("nan")
    count_429: int = 0
    ack_ms: list[float] = field(default_factory=list)  # in the order they asked
    asked_at_s: list[float] = field(default_factory=list)
    asked: int = 0
    rss_ready_mib: float = float("nan")
    rss_peak_mib: float = float("nan")
    final_count: str = ""
    final_after_s: float = float("nan")
    outbox: dict[str, int] = field(default_factory=dict)
    # kill run only
    killed_at_alerts: int = 0
    rest_s: float = float("nan")
    rest_from_ready_s: float = float("nan")
    rest_alerts: int = 0


class Watch:
    """Reads what the fake accepted since ``start``."""

    def __init__(self, fake: Any, subscribers: int) -> None:
        self.fake = fake
        self.index = len(fake.sent)
        self.subscribers = range(FIRST_SUBSCRIBER, FIRST_SUBSCRIBER + subscribers)
        self.got: dict[int, int] = {}
        self.alert_times: list[float] = []
        self.all_times: list[float] = []
        self.asked: dict[int, float] = {}
        self.acks: dict[int, float] = {}
        self.finished: tuple[str, float] | None = None

    def poll(self) -> None:
        new = self.fake.sent[self.index :]
        self.index += len(new)
        for msg in new:
            self.all_times.append(msg.at)
            chat = int(msg.chat_id)
            if chat in self.subscribers and MARKER in msg.plain_text:
                self.got[chat] = self.got.get(chat, 0) + 1
                self.alert_times.append(msg.at)
            elif chat in self.asked and chat not in self.acks and ACK_RE.search(msg.plain_text):
                self.acks[chat] = msg.at
            elif chat == STAFF_CHAT and self.finished is None:
                found = FINISHED_RE.search(msg.plain_text)
                if found:
                    self.finished = (found.group(0), msg.at)

    async def until(self, done: Any, timeout_s: float, what: str) -> bool:
        deadline = time.monotonic() + timeout_s
        while True:
            self.poll()
            if done():
                return True
            if time.monotonic() > deadline:
                print(f"  timed out after {timeout_s:.0f}s waiting for {what}", file=sys.stderr)
                return False
            await asyncio.sleep(0.01)


async def _askers(fake: Any, watch: Watch, count: int, spread_s: float) -> None:
    """Residents who are not subscribed ask questions while the alert goes out."""
    for i in range(count):
        await asyncio.sleep(spread_s / count)
        user = FIRST_ASKER + i
        watch.asked[user] = time.monotonic()
        fake.private_message(
            user,
            f"{FORUM_NAME} when will the street lights on Elm Road be repaired? ({i + 1})",
        )


async def one_run(args: argparse.Namespace, subscribers: int, kill: bool) -> Run:
    from tests.fakes.telegram_server import FakeTelegram

    run = Run(subscribers, kill)
    expected_s = subscribers / (LIMIT_PER_S * 0.97)
    with tempfile.TemporaryDirectory(prefix="forumbot-alert-") as tmp:
        database = os.path.join(tmp, "bench.sqlite3")
        t = time.monotonic()
        await seed(database, subscribers)
        print(
            f"  seeded {subscribers} subscribers in {time.monotonic() - t:.1f}s",
            file=sys.stderr,
            flush=True,
        )
        async with FakeTelegram() as fake:
            fake.limit_overall_per_s = LIMIT_PER_S
            bot = Child(
                SCRIPT,
                ["--base-url", fake.base_url, "--token", fake.token, "--database", database],
            )
            try:
                ready = await bot.start()
                run.rss_ready_mib = ready["rss_kib"] / 1024
                await fake.wait_for_request("getUpdates", timeout=30)
                await asyncio.sleep(0.3)
                watch = Watch(fake, subscribers)
                first_429 = fake.count_429
                t0 = time.monotonic()
                fake.group_message(
                    STAFF_CHAT,
                    OFFICER_ID,
                    f"/alert bromley appeals {MARKER}: a red van was seen on Elm Road "
                    "on Tuesday night. If you saw it, call 101 quoting 4711.",
                )
                askers = None
                if not kill and args.askers:
                    askers = asyncio.create_task(
                        _askers(fake, watch, args.askers, expected_s * 0.8)
                    )
                if kill:
                    half = subscribers // 2
                    await watch.until(lambda: len(watch.got) >= half, expected_s * 3, "half")
                    await bot.kill()
                    watch.poll()
                    run.killed_at_alerts = len(watch.alert_times)
                    restart = time.monotonic()
                    ready = await bot.start()
                    ready_at = time.monotonic()
                # After a kill, sends cut off mid-request are not repeated, so
                # the staff room's final count, not every subscriber, ends it.
                await watch.until(
                    lambda: len(watch.got) >= subscribers or watch.finished is not None,
                    expected_s * 3 + 60,
                    "every subscriber",
                )
                if askers is not None:
                    await askers
                    await watch.until(lambda: len(watch.acks) >= args.askers, 60, "every ack")
                # The final count comes with the scheduler's next half-minute tick.
                await watch.until(lambda: watch.finished is not None, 75, "the final count")
                await asyncio.sleep(0.5)
                watch.poll()
                run.count_429 = fake.count_429 - first_429
                result = await bot.stop()
                run.rss_peak_mib = result["max_rss_kib"] / 1024
            finally:
                await bot.kill()

        with contextlib.closing(sqlite3.connect(database)) as conn:
            run.outbox = dict(
                conn.execute(
                    "SELECT state, COUNT(*) FROM outbox WHERE broadcast_id IS NOT NULL"
                    " GROUP BY state"
                ).fetchall()
            )

    times = sorted(watch.alert_times)
    run.alerts = len(times)
    run.duplicates = sum(n - 1 for n in watch.got.values() if n > 1)
    run.misses = subscribers - len(watch.got)
    if times:
        run.first_alert_s = times[0] - t0
        run.last_alert_s = times[-1] - t0
        span = times[-1] - times[0]
        if span > 0:
            run.alert_rate = (len(times) - 1) / span
            window = [at for at in watch.all_times if times[0] <= at <= times[-1]]
            run.all_rate = (len(window) - 1) / span
    run.asked = len(watch.asked)
    run.ack_ms = [(watch.acks[u] - watch.asked[u]) * 1000 for u in sorted(watch.acks)]
    run.asked_at_s = [watch.asked[u] - t0 for u in sorted(watch.acks)]
    if watch.finished is not None:
        run.final_count = watch.finished[0]
        run.final_after_s = watch.finished[1] - (times[-1] if times else t0)
    if kill:
        after = [at for at in times if at >= restart]
        run.rest_alerts = len(after)
        if after:
            run.rest_s = after[-1] - restart
            run.rest_from_ready_s = after[-1] - ready_at
    return run


def _report(run: Run) -> None:
    limit = LIMIT_PER_S
    floor_s = run.subscribers / (limit * 0.97)
    lines = [
        f"{run.subscribers:,} subscribers{' (kill -9 at half)' if run.kill else ''}",
        f"  alerts received {run.alerts:,}; duplicates {run.duplicates}; misses {run.misses}; "
        f"429s {run.count_429}",
        f"  first alert {run.first_alert_s:.2f}s, last alert {run.last_alert_s:.1f}s after the "
        f"command ({run.last_alert_s / floor_s:.3f} x the pacer's floor of {floor_s:.1f}s)",
        f"  rate: alerts {run.alert_rate:.2f}/s = {run.alert_rate / limit:.3f} of the limit; "
        f"all messages {run.all_rate:.2f}/s = {run.all_rate / limit:.3f}",
        f"  peak RSS {run.rss_peak_mib:.1f} MiB (ready, before the alert: "
        f"{run.rss_ready_mib:.1f} MiB)",
        f"  final count in the staff room {run.final_after_s:.1f}s after the last alert: "
        f"{run.final_count or 'NOT SEEN'}",
        f"  outbox rows of the alert by state: {run.outbox}",
    ]
    if run.asked:
        acks = sorted(run.ack_ms)
        lines.append(
            f"  acknowledgements during the alert: {len(acks)}/{run.asked}; "
            f"median {statistics.median(acks):.0f} ms, max {acks[-1]:.0f} ms"
            if acks
            else f"  acknowledgements during the alert: 0/{run.asked}"
        )
        slow = sorted(zip(run.ack_ms, run.asked_at_s, strict=True), reverse=True)[:3]
        lines.append(
            "  slowest: " + ", ".join(f"{ms:.0f} ms (asked {at:.0f}s in)" for ms, at in slow)
        )
    if run.kill:
        lines.append(
            f"  killed with {run.killed_at_alerts:,} alerts delivered; the other "
            f"{run.rest_alerts:,} took {run.rest_s:.1f}s after the restart began "
            f"({run.rest_from_ready_s:.1f}s after it was polling again)"
        )
    print("\n".join(lines), flush=True)


async def run_parent(args: argparse.Namespace) -> list[Run]:
    runs: list[Run] = []
    for size in args.sizes:
        print(f"run: {size:,} subscribers", file=sys.stderr, flush=True)
        run = await one_run(args, size, kill=False)
        _report(run)
        runs.append(run)
    plain = [r for r in runs if not r.kill]
    if len(plain) >= 2:
        small, large = plain[0], plain[-1]
        print(
            f"\ngrowth {small.subscribers:,} -> {large.subscribers:,} subscribers "
            f"(x{large.subscribers / small.subscribers:.0f}): time to last alert "
            f"x{large.last_alert_s / small.last_alert_s:.2f}, peak RSS "
            f"x{large.rss_peak_mib / small.rss_peak_mib:.2f}",
            flush=True,
        )
    if args.kill_size:
        print(f"run: {args.kill_size:,} subscribers, kill -9 at half", file=sys.stderr, flush=True)
        run = await one_run(args, args.kill_size, kill=True)
        _report(run)
        runs.append(run)
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n\n".join((__doc__ or "").split("\n\n")[1:]),
    )
    parser.add_argument("--sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--kill-size", type=int, default=10000, help="0 for no kill run")
    parser.add_argument("--no-kill", dest="kill_size", action="store_const", const=0)
    parser.add_argument("--askers", type=int, default=20, help="residents asking during it")
    parser.add_argument("--json", help="write every run's figures to this file")
    # Internal: forumbot in its own process (started by the parent).
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    parser.add_argument("--token", help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        import logging

        logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
        asyncio.run(child(args))
        return 0
    runs = asyncio.run(run_parent(args))
    if args.json:
        Path(args.json).write_text(json.dumps([r.__dict__ for r in runs], indent=2))
    ok = all(r.duplicates == 0 and r.alerts >= r.subscribers - r.misses for r in runs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
