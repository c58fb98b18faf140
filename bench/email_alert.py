"""E-mail alert benchmark: an officer's alert to thousands of e-mail
subscribers through ``forumbot run`` (its own process) and aiosmtplib,
against a local aiosmtpd server (tests/fakes/smtp_server.py, in this
process), at the configured pace.

    python bench/email_alert.py                          # 10,000 at 50 a second
    python bench/email_alert.py --subscribers 1000 --pace 10

forumbot runs with e-mail on (``platforms.email.pace``), Telegram for the
staff room (the fake Bot API) and the web side, on a SQLite file seeded with
N e-mail residents subscribed to the forum's advice. The officer sends
``/alert bromley advice ...`` in the staff group; meanwhile residents who are
not subscribed ask questions on Telegram (core intake), spread over the
expected duration. Reported:

* time from the officer's command to the last e-mail taken by the server,
  against the pace's floor (N / (pace x 0.97): the pacer keeps 3% below the
  limit), as a ratio;
* e-mails taken, Message-IDs seen twice, subscribers who got nothing;
* forumbot's peak RSS (VmHWM) at the end, and before the alert;
* acknowledgement time of the questions asked meanwhile (question sent ->
  acknowledgement taken by the fake Bot API): median, p95, max.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

SCRIPT = Path(__file__).resolve()
ROOT = SCRIPT.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MARKER = "BENCH-ADVICE"
FIRST_ASKER = 5_000_000
HEADROOM = 0.97  # bot.delivery.pacing.HEADROOM


def vm_hwm_kib(pid: int) -> float:
    """The process's peak resident memory (VmHWM), in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return float(line.split()[1])
    return float("nan")


async def seed(config_path: Path, subscribers: int) -> None:
    """N e-mail residents subscribed to Bromley's advice, through the stores."""
    from bot.store import resident as residents
    from bot.store import subscription
    from config.load import load_config
    from forumbot.app import new_database

    db = new_database(load_config(str(config_path)))
    await db.open()
    now = datetime.now(UTC)
    try:
        async with db.transaction() as tx:
            for n in range(subscribers):
                address = f"resident{n:06d}@example.org"
                r = await residents.get_or_create(tx, "email", address, address, None, now)
                await subscription.add(tx, r.id, [("bromley", "advice")], now)
    finally:
        await db.close()


async def run(args: argparse.Namespace) -> int:
    from tests.e2e.email_setup import Run
    from tests.e2e.telegram_setup import FORUM_NAME, OFFICER, STAFF_GROUP
    from tests.fakes.smtp_server import FakeSmtp
    from tests.fakes.telegram_server import FakeTelegram

    n = args.subscribers
    floor_s = n / (args.pace * HEADROOM)
    smtp = await FakeSmtp().start()
    try:
        async with FakeTelegram() as tg:
            with tempfile.TemporaryDirectory(prefix="forumbot-email-") as tmp:
                setup = Run(Path(tmp), smtp, tg, pace=args.pace)
                t = time.monotonic()
                await seed(setup.path, n)
                print(f"  seeded {n:,} in {time.monotonic() - t:.1f}s", file=sys.stderr)
                proc = await setup.spawn()
                try:
                    await tg.wait_for_request("getUpdates", timeout=30)
                    rss_ready = vm_hwm_kib(proc.pid)
                    t0 = time.monotonic()
                    tg.group_message(
                        STAFF_GROUP, OFFICER, f"/alert bromley advice {MARKER}: lock your sheds."
                    )
                    asked: dict[int, float] = {}
                    spread = floor_s * 0.8
                    for i in range(args.askers):
                        await asyncio.sleep(spread / args.askers)
                        user = FIRST_ASKER + i
                        asked[user] = time.monotonic()
                        tg.private_message(
                            user, f"{FORUM_NAME} when are the street lights fixed? ({i + 1})"
                        )
                    with contextlib.suppress(TimeoutError):
                        await smtp.wait_for(n, within_s=floor_s * 3 + 60)
                    await asyncio.sleep(1.0)
                    rss_peak = vm_hwm_kib(proc.pid)
                finally:
                    from tests.support.process import stopped

                    await stopped(proc)
    finally:
        await smtp.stop()

    acks: list[float] = []
    for user, at in asked.items():
        replies = [m.at for m in tg.sent if str(m.chat_id) == str(user) and "#" in m.plain_text]
        if replies:
            acks.append((min(replies) - at) * 1000)
    alerts = [m for m in smtp.messages if MARKER in m.part("plain")]
    ids = Counter(m.message_id for m in alerts)
    got = {r for m in alerts for r in m.rcpt_tos}
    last_s = max(m.at for m in alerts) - t0 if alerts else float("nan")
    first_s = min(m.at for m in alerts) - t0 if alerts else float("nan")
    rate = (len(alerts) - 1) / (last_s - first_s) if len(alerts) > 1 else float("nan")
    print(f"{n:,} e-mail subscribers at pace {args.pace:g}/s")
    print(
        f"  e-mails taken {len(alerts):,}; Message-IDs twice {sum(c > 1 for c in ids.values())};"
        f" subscribers missed {n - len(got)}"
    )
    print(
        f"  first e-mail {first_s:.2f}s, last {last_s:.1f}s after the command"
        f" ({last_s / floor_s:.3f} x the pace's floor of {floor_s:.1f}s); {rate:.2f}/s"
        f" = {rate / args.pace:.3f} of the pace"
    )
    print(f"  peak RSS {rss_peak / 1024:.1f} MiB (before the alert: {rss_ready / 1024:.1f} MiB)")
    if acks:
        acks.sort()
        p95 = acks[max(0, round(0.95 * len(acks)) - 1)]
        print(
            f"  acknowledgements during the alert: {len(acks)}/{len(asked)}; median"
            f" {statistics.median(acks):.0f} ms, p95 {p95:.0f} ms, max {acks[-1]:.0f} ms"
        )
    else:
        print(f"  acknowledgements during the alert: 0/{len(asked)}")
    ok = len(got) == n and all(c == 1 for c in ids.values()) and len(acks) == len(asked)
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n\n".join((__doc__ or "").split("\n\n")[1:]),
    )
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--pace", type=float, default=50.0, help="platforms.email.pace")
    parser.add_argument("--askers", type=int, default=40, help="residents asking during it")
    args = parser.parse_args(argv)
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
