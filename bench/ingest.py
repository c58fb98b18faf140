"""Ingest benchmark: a burst of questions through the real python-telegram-bot
client against the fake Bot API server, forumbot against a bare PTB bot.

    python bench/ingest.py                  # 2,000 questions from 500 residents
    python bench/ingest.py --quick          # 200 questions from 50 residents
    python bench/ingest.py --repeat 3       # 3 interleaved runs each, medians shown
    python bench/ingest.py --contenders forumbot bare bare-16
    python bench/ingest.py --contenders forumbot --profile /tmp/fb   # cProfile

The fake server (tests/fakes/telegram_server.py) runs in this process; each
contender runs in a subprocess of its own, so its peak RSS (VmHWM) and CPU
time are its own and the fake never competes with it for its event loop.

For each contender, once it is long-polling, the whole load is added to the
fake at once; then we wait until every question is acknowledged. Reported:

* rate: questions / (last acknowledgement received - first update created)
* p50 / p95 latency: update created -> its acknowledgement received by the
  fake (acknowledgements are private messages containing "#<n>", matched to
  the updates in order per resident chat)
* peak RSS of the contender's process, and the CPU seconds it used from just
  before the burst until it stopped (whole process, and its event loop thread)

Contenders:

* forumbot: forumbot.app.build_app with a one-forum config, SQLite (WAL,
  synchronous=FULL) in a temp dir, pacing limits raised to 1e6 so the figure is
  our processing cost, not Telegram's limits.
* bare: an ApplicationBuilder Application, concurrent_updates(True), whose
  MessageHandler sends an acknowledgement and a staff card per question and
  stores nothing.  bare-N: the same with concurrent_updates(N).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

SCRIPT = Path(__file__).resolve()
ROOT = SCRIPT.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402
    FORUM_NAME,
    STAFF_CHAT,
    config_yaml,
    emit,
    peak_rss_kib,
    read_json,
)

UNLIMITED = """    rate_limits:
      overall_per_s: 1000000
      per_chat_per_s: 1000000
      per_group_per_min: 1000000
"""

FIRST_RESIDENT = 5_000_000
ACK_RE = re.compile(r"#\d+")
CARD_RE = re.compile(r"Question #\d+")
CONTENDER_RE = re.compile(r"^(forumbot|bare)(?:-(\d+))?$")


# --------------------------------------------------------------------------- children


def _cpu() -> tuple[float, float]:
    """(process CPU, this thread's CPU); called on the event loop's thread."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime, time.thread_time()


class _Usage:
    """CPU used between ``ready()`` (bot started, before the burst) and
    ``result()`` (bot stopped), and the peak RSS of the whole run."""

    def ready(self) -> None:
        self._start = _cpu()
        emit("ready")

    def result(self) -> dict[str, float]:
        cpu, loop_cpu = _cpu()
        return {
            "max_rss_kib": peak_rss_kib(),
            "cpu_s": cpu - self._start[0],
            "loop_cpu_s": loop_cpu - self._start[1],
        }


async def _read_stdin_line() -> str:
    return await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)


async def child_forumbot(args: argparse.Namespace) -> dict[str, Any]:
    from config.load import parse_config
    from forumbot.app import build_app

    with tempfile.TemporaryDirectory(prefix="forumbot-bench-") as tmp:
        database = os.path.join(tmp, "bench.sqlite3")
        config = parse_config(config_yaml(args.base_url, database, telegram=UNLIMITED), "bench")
        app = await build_app(config, environ={"TELEGRAM_BOT_TOKEN": args.token}, poll_timeout_s=1)
        # Count write transactions (each one a commit, an fsync with synchronous=FULL).
        db = app.core.db
        transaction = db.transaction
        commits = 0

        def counted() -> Any:
            nonlocal commits
            commits += 1
            return transaction()

        db.transaction = counted  # type: ignore[method-assign]
        await app.start()
        assert app.telegram is not None
        await asyncio.wait_for(app.telegram.ready.wait(), 30)
        usage = _Usage()
        usage.ready()
        await _read_stdin_line()  # "stop"
        await app.stop()
        figures = usage.result()
        with contextlib.closing(sqlite3.connect(database)) as conn:

            def one(sql: str) -> Any:
                return conn.execute(sql).fetchone()[0]

            stored = {
                "journal_mode": one("PRAGMA journal_mode"),
                "questions": one("SELECT COUNT(*) FROM question"),
                "residents": one("SELECT COUNT(*) FROM resident"),
                "inbox_processed": one("SELECT COUNT(*) FROM inbox WHERE processed_at IS NOT NULL"),
                "outbox": dict(
                    conn.execute("SELECT state, COUNT(*) FROM outbox GROUP BY state").fetchall()
                ),
                "write_transactions": commits,
            }
    return {**figures, "stored": stored}


async def child_bare(args: argparse.Namespace) -> dict[str, Any]:
    import itertools

    from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Update
    from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

    counter = itertools.count(1)
    no_preview = LinkPreviewOptions(is_disabled=True)

    async def on_question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        user = update.effective_user
        if message is None or user is None or message.text is None:
            return
        ref = next(counter)
        await context.bot.send_message(
            chat_id=message.chat_id,
            text=(
                f"Thank you. Your question to {FORUM_NAME} is <b>#{ref}</b>.\n"
                "The team will announce the next live session."
            ),
            parse_mode="HTML",
            link_preview_options=no_preview,
        )
        await context.bot.send_message(
            chat_id=args.staff_chat,
            text=(
                f"<b>Question #{ref}</b> · {FORUM_NAME} · new\nFrom: R-{user.id % 10000:04d}\n"
                f"<b>As received:</b>\n{message.text}"
            ),
            parse_mode="HTML",
            link_preview_options=no_preview,
            reply_markup=InlineKeyboardMarkup(
                [
                    [
                        InlineKeyboardButton(f"Approve #{ref}", callback_data=f"approve:{ref}"),
                        InlineKeyboardButton(f"Reject #{ref}", callback_data=f"reject:{ref}"),
                        InlineKeyboardButton(f"Later #{ref}", callback_data=f"later:{ref}"),
                    ]
                ]
            ),
        )

    app = (
        ApplicationBuilder()
        .token(args.token)
        .base_url(args.base_url + "/bot")
        .concurrent_updates(args.concurrency or True)
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT & filters.ChatType.PRIVATE, on_question))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        usage = _Usage()
        usage.ready()
        await _read_stdin_line()  # "stop"
        await app.updater.stop()
        await app.stop()
    return usage.result()


def run_child(args: argparse.Namespace) -> None:
    import logging

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    body = child_forumbot if args.child == "forumbot" else child_bare
    if args.profile and args.profiler == "pyinstrument":
        # Not a project dependency: install it yourself (e.g. pip install --target DIR).
        from pyinstrument import Profiler  # type: ignore[import-not-found]

        sampler = Profiler(interval=0.0005, async_mode="disabled")
        sampler.start()
        result = asyncio.run(body(args))
        sampler.stop()
        for suffix, show_all in ((".txt", False), (".all.txt", True)):
            Path(args.profile + suffix).write_text(
                sampler.output_text(unicode=False, color=False, show_all=show_all)
            )
        Path(args.profile + ".html").write_text(sampler.output_html())
    elif args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
        result = asyncio.run(body(args))
        profiler.disable()
        profiler.dump_stats(args.profile)
    else:
        result = asyncio.run(body(args))
    emit("result", result)


# --------------------------------------------------------------------------- parent


@dataclass
class Figures:
    name: str
    questions: int
    acked: int = 0
    rate: float = float("nan")
    p50_ms: float = float("nan")
    p95_ms: float = float("nan")
    max_ms: float = float("nan")
    ack_span_s: float = float("nan")
    all_sent_s: float = float("nan")
    cards: int = 0
    card_questions: int = 0
    max_rss_mib: float = float("nan")
    cpu_s: float = float("nan")
    loop_cpu_s: float = float("nan")
    fake_cpu_s: float = float("nan")
    get_updates: int = 0
    send_message: int = 0
    stored: dict[str, Any] = field(default_factory=dict)


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


async def run_contender(name: str, args: argparse.Namespace) -> Figures:
    from tests.fakes.telegram_server import FakeTelegram

    match = CONTENDER_RE.match(name)
    assert match is not None
    kind, concurrency = match.group(1), int(match.group(2) or 0)
    async with FakeTelegram() as fake:
        cmd = [
            sys.executable,
            str(SCRIPT),
            "--child",
            kind,
            "--concurrency",
            str(concurrency),
            "--base-url",
            fake.base_url,
            "--token",
            fake.token,
        ]
        if args.profile:
            cmd += ["--profile", f"{args.profile}.{name}", "--profiler", args.profiler]
        proc = await asyncio.create_subprocess_exec(
            *cmd, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, cwd=str(ROOT)
        )
        assert proc.stdin is not None and proc.stdout is not None
        try:
            await read_json(proc.stdout, "ready", 60)
            # The burst starts once the bot is long-polling.
            await fake.wait_for_request("getUpdates", timeout=30)
            await asyncio.sleep(0.2)
            fake_cpu = time.process_time()
            figures = await _burst(name, fake, args)
            figures.fake_cpu_s = time.process_time() - fake_cpu
            figures.get_updates = len(fake.requests_for("getUpdates"))
            figures.send_message = len(fake.requests_for("sendMessage"))
            proc.stdin.write(b"stop\n")
            await proc.stdin.drain()
            result = await read_json(proc.stdout, "result", 120)
            await asyncio.wait_for(proc.wait(), 60)
        finally:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()
    figures.max_rss_mib = result["max_rss_kib"] / 1024
    figures.cpu_s = result["cpu_s"]
    figures.loop_cpu_s = result["loop_cpu_s"]
    figures.stored = result.get("stored", {})
    return figures


async def _burst(name: str, fake: Any, args: argparse.Namespace) -> Figures:
    residents = [FIRST_RESIDENT + r for r in range(args.residents)]
    created: dict[int, list[float]] = {r: [] for r in residents}
    total = 0
    round_ = 0
    start = len(fake.sent)
    # Round-robin: every resident's first question, then every second one, ...
    while total < args.questions:
        for r in residents:
            if total >= args.questions:
                break
            created[r].append(time.monotonic())
            fake.private_message(
                r,
                f"{FORUM_NAME} question {round_ + 1} from resident {r}: when will the street "
                f"lights on Elm Road be repaired? They have been out for {round_ + 2} weeks.",
            )
            total += 1
        round_ += 1
    first_created = min(t[0] for t in created.values() if t)

    figures = Figures(name=name, questions=total)
    latencies: list[float] = []
    seen = dict.fromkeys(residents, 0)
    last_ack = last_any = first_created
    index = start
    deadline = time.monotonic() + args.timeout
    settle_until: float | None = None
    while True:
        new = fake.sent[index:]
        index += len(new)
        for msg in new:
            last_any = msg.at
            chat = int(msg.chat_id)
            if chat == STAFF_CHAT:
                figures.cards += 1
                figures.card_questions += max(1, len(CARD_RE.findall(msg.plain_text)))
            elif chat in seen and ACK_RE.search(msg.plain_text):
                i = seen[chat]
                seen[chat] = i + 1
                if i < len(created[chat]):
                    latencies.append(msg.at - created[chat][i])
                figures.acked += 1
                last_ack = max(last_ack, msg.at)
        now = time.monotonic()
        if figures.acked >= total and settle_until is None:
            settle_until = now + args.settle  # let the staff cards finish too
        if settle_until is not None and (figures.card_questions >= total or now >= settle_until):
            break
        if now > deadline:
            print(
                f"  {name}: timed out after {args.timeout}s, {figures.acked}/{total} acknowledged",
                file=sys.stderr,
            )
            break
        await asyncio.sleep(0.005)
    if settle_until is not None:
        await asyncio.sleep(0.3)  # the bot records its last sends before we stop it

    span = last_ack - first_created
    figures.ack_span_s = span
    figures.all_sent_s = last_any - first_created
    figures.rate = figures.acked / span if span > 0 else float("nan")
    figures.p50_ms = _percentile(latencies, 0.50) * 1000
    figures.p95_ms = _percentile(latencies, 0.95) * 1000
    figures.max_ms = max(latencies, default=float("nan")) * 1000
    return figures


def _table(rows: list[Figures]) -> str:
    head = (
        f"{'contender':<10} {'acked':>10} {'q/s':>6} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'RSS MiB':>8} {'CPU s':>6} {'loop ms/q':>13} {'sends':>6} {'all sent s':>10}"
    )
    lines = [head, "-" * len(head)]
    for f in rows:
        per_q = f.loop_cpu_s / f.questions * 1000
        lines.append(
            f"{f.name:<10} {f'{f.acked}/{f.questions}':>10} {f.rate:>6.0f} {f.p50_ms:>7.0f} "
            f"{f.p95_ms:>7.0f} {f.max_rss_mib:>8.1f} {f.cpu_s:>6.1f} {per_q:>13.2f} "
            f"{f.send_message:>6} {f.all_sent_s:>10.1f}"
        )
    return "\n".join(lines)


def _median_run(runs: list[Figures]) -> Figures:
    return sorted(runs, key=lambda f: f.rate)[len(runs) // 2]


async def run_parent(args: argparse.Namespace) -> dict[str, list[Figures]]:
    results: dict[str, list[Figures]] = {n: [] for n in args.contenders}
    for run in range(args.repeat):
        for name in args.contenders:
            f = await run_contender(name, args)
            results[name].append(f)
            print(
                f"run {run + 1} {name:<9} {f.rate:4.0f} q/s  p50 {f.p50_ms:5.0f} ms  "
                f"p95 {f.p95_ms:5.0f} ms  RSS {f.max_rss_mib:5.1f} MiB  CPU {f.cpu_s:5.1f} s "
                f"(loop {f.loop_cpu_s:.1f} s, fake {f.fake_cpu_s:.1f} s)  "
                f"getUpdates {f.get_updates}, sendMessage {f.send_message} "
                f"({f.cards} cards for {f.card_questions} questions)",
                file=sys.stderr,
                flush=True,
            )
            if f.stored:
                print(f"      stored: {f.stored}", file=sys.stderr, flush=True)

    chosen = {name: _median_run(runs) for name, runs in results.items()}
    print(
        f"\n{args.questions} questions from {args.residents} residents, {os.cpu_count()} CPUs, "
        f"{args.repeat} run(s) per contender"
        + (" (the median run by rate of each)" if args.repeat > 1 else "")
        + "\n"
    )
    print(_table(list(chosen.values())))
    if "forumbot" in results:
        for base in (n for n in results if n.startswith("bare")):
            pairs = [
                fb.rate / b.rate for fb, b in zip(results["forumbot"], results[base], strict=True)
            ]
            ratio = statistics.median(pairs)
            verdict = "meets" if ratio >= args.goal else "BELOW"
            spread = f" (runs: {', '.join(f'{p:.2f}' for p in pairs)})" if len(pairs) > 1 else ""
            print(
                f"\nforumbot / {base} rate: {ratio:.2f}{spread}: {verdict} the {args.goal:.1f} goal"
            )
        if chosen["forumbot"].stored:
            print(f"forumbot stored: {chosen['forumbot'].stored}")
    return results


def _contender(value: str) -> str:
    if not CONTENDER_RE.match(value) or value.startswith("forumbot-"):
        raise argparse.ArgumentTypeError("forumbot, bare or bare-N (concurrent_updates(N))")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n\n".join((__doc__ or "").split("\n\n")[1:]),
    )
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--residents", type=int, default=500)
    parser.add_argument("--quick", action="store_true", help="200 questions from 50 residents")
    parser.add_argument("--repeat", type=int, default=1, help="interleaved runs per contender")
    parser.add_argument(
        "--contenders", nargs="+", type=_contender, default=["bare", "forumbot"], metavar="NAME"
    )
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds per contender")
    parser.add_argument(
        "--settle", type=float, default=10.0, help="seconds to wait for cards after the last ack"
    )
    parser.add_argument("--goal", type=float, default=0.8)
    parser.add_argument("--json", help="write every run's figures to this file")
    parser.add_argument("--profile", help="profile each contender into PROFILE.<name>")
    parser.add_argument(
        "--profiler",
        choices=("cprofile", "pyinstrument"),
        default="cprofile",
        help="pyinstrument is not a project dependency: install it separately",
    )
    # Internal: one contender in its own process (started by the parent).
    parser.add_argument("--child", choices=("forumbot", "bare"), help=argparse.SUPPRESS)
    parser.add_argument("--concurrency", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    parser.add_argument("--token", help=argparse.SUPPRESS)
    parser.add_argument("--staff-chat", type=int, default=STAFF_CHAT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_child(args)
        return 0
    if args.quick:
        args.questions, args.residents = 200, 50
    results = asyncio.run(run_parent(args))
    if args.json:
        Path(args.json).write_text(
            json.dumps({n: [asdict(f) for f in rs] for n, rs in results.items()}, indent=2)
        )
    return 0 if all(f.acked == f.questions for rs in results.values() for f in rs) else 1


if __name__ == "__main__":
    sys.exit(main())
