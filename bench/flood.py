"""Flood benchmark: 200 new web residents with one question each, and a real
resident's card to the staff room while the flood's cards wait.

    python bench/flood.py                 # about 2 minutes (the baseline is most of it)
    python bench/flood.py --flood 100

Everything runs in this process: forumbot (build_app) with the web side on
and its Telegram staff room on the fake Bot API (tests/fakes/telegram_server.py),
forumbot's default Telegram pacing (20 messages a minute to a group, cards
combined up to 10 to a message). The web side trusts 127.0.0.1 as its proxy,
so each request's X-Forwarded-For is the visitor's address.

Each run: a real resident asks a first question (their card arrives; they are
now established), then the flood: ``--flood`` new browsers, each loading the
chat page and asking one question, 20 at a time, from one address or from as
many addresses as browsers. At once the real resident asks again; reported:
seconds from that ask until its card reached the staff group (the fake
accepted the message), flood questions taken and refused, and flood cards
sent before the real one.

Runs, in the same process:

* baseline: new residents unlimited and never from a burst (forumbot before
  issue 15);
* one address: ``web.new_residents`` as the defaults (10 an hour an address,
  60 a minute);
* many addresses: the same defaults, each flood browser from its own address.

The ratio printed is each run's latency over the baseline's.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import re
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from ipaddress import ip_network
from pathlib import Path

SCRIPT = Path(__file__).resolve()
ROOT = SCRIPT.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402

from adapters.web import newcomers  # noqa: E402
from config.model import (  # noqa: E402
    Config,
    NewResidents,
    Platforms,
    TelegramConfig,
    WebConfig,
)
from tests.e2e.telegram_setup import STAFF_GROUP, forum  # noqa: E402
from tests.fakes.telegram_server import FakeTelegram, SentMessage  # noqa: E402
from tests.support.app import running_app  # noqa: E402

REAL_QUESTION = "Is the footpath on Elm Road closed after the storm?"
CARD_WAIT_S = 600.0  # the longest a card may take before the run fails
AT_ONCE = 20  # flood browsers at a time
REAL_ADDRESS = "198.51.100.1"


@dataclass
class Result:
    label: str
    latency_s: float
    taken: int
    refused: int
    flood_cards_before: int


async def ask(base: str, text: str, address: str, http: aiohttp.ClientSession | None = None) -> int:
    """A browser (``http``, else a new one) at ``address`` loads the chat
    page and asks ``text``; the status of the ask."""
    if http is None:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as new:
            return await ask(base, text, address, new)
    headers = {"X-Forwarded-For": address}
    async with http.get(base + "/", headers=headers) as page:
        html = await page.text()
    csrf = html.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    async with http.post(
        base + "/chat/send",
        data={"csrf": csrf, "text": text, "intent": "ask"},
        headers=headers,
        allow_redirects=False,
    ) as response:
        await response.read()
        return response.status


def _card_of(text: str) -> object:
    return lambda m: m.chat_id == STAFF_GROUP and text in m.plain_text


async def run(label: str, settings: NewResidents, *, flood: int, many: bool) -> Result:
    with tempfile.TemporaryDirectory() as tmp:
        async with FakeTelegram() as fake:
            config = Config(
                database=str(Path(tmp) / "forum.sqlite3"),
                platforms=Platforms(telegram=TelegramConfig(api_base_url=fake.base_url)),
                web=WebConfig(
                    port=0,
                    trusted_proxies=(ip_network("127.0.0.1/32"),),
                    new_residents=settings,
                ),
                forums=(replace(forum(), public_rooms=()),),
            )
            env = {"TELEGRAM_BOT_TOKEN": fake.token}
            async with (
                running_app(config, env, within_s=20) as app,
                contextlib.AsyncExitStack() as stack,
            ):
                assert app.web is not None
                base = f"http://127.0.0.1:{app.web.port}"
                resident = await stack.enter_async_context(
                    aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
                )
                first = await ask(
                    base, "My first question, before any flood", REAL_ADDRESS, resident
                )
                assert first == 303, first
                await fake.wait_for_sent(_card_of("before any flood"), CARD_WAIT_S)  # type: ignore[arg-type]

                gate = asyncio.Semaphore(AT_ONCE)

                async def one(n: int) -> int:
                    address = f"10.{n // 250}.{n % 250}.7" if many else "203.0.113.9"
                    async with gate:
                        return await ask(base, f"Flood question number {n}", address)

                statuses = await asyncio.gather(*(one(n) for n in range(flood)))
                start = time.monotonic()
                status = await ask(base, REAL_QUESTION, REAL_ADDRESS, resident)
                assert status == 303, status
                card: SentMessage = await fake.wait_for_sent(
                    _card_of("Elm Road"),  # type: ignore[arg-type]
                    CARD_WAIT_S,
                )
                latency = card.at - start
                before = {
                    number
                    for m in fake.sent_to(STAFF_GROUP)
                    if m.at <= card.at
                    for number in re.findall(r"Flood question number (\d+)", m.plain_text)
                }
                return Result(
                    label,
                    latency,
                    taken=statuses.count(303),
                    refused=statuses.count(429),
                    flood_cards_before=len(before),
                )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--flood", type=int, default=200, help="new residents in the flood")
    args = parser.parse_args()

    unlimited = NewResidents(per_address_per_hour=10**6, per_minute=10**6)
    burst_from_address = newcomers.BURST_FROM_ADDRESS
    newcomers.BURST_FROM_ADDRESS = 10**9  # the baseline: no resident is from a burst
    try:
        baseline = await run("baseline (no limits)", unlimited, flood=args.flood, many=False)
    finally:
        newcomers.BURST_FROM_ADDRESS = burst_from_address
    results = [
        baseline,
        await run("limits, one address", NewResidents(), flood=args.flood, many=False),
        await run("limits, many addresses", NewResidents(), flood=args.flood, many=True),
    ]
    print(f"\n{args.flood} new web residents x 1 question; the real resident's card:\n")
    heading = ("run", "card after", "ratio", "taken", "refused", "flood cards first")
    print(f"{heading[0]:<26} {heading[1]:>10} {heading[2]:>7} {heading[3]:>6}", end="")
    print(f" {heading[4]:>8} {heading[5]:>18}")
    for r in results:
        print(
            f"{r.label:<26} {r.latency_s:>9.1f}s {r.latency_s / baseline.latency_s:>7.3f}"
            f" {r.taken:>6} {r.refused:>8} {r.flood_cards_before:>18}"
        )


if __name__ == "__main__":
    asyncio.run(main())
