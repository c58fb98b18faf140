"""``forumbot run`` subprocesses against the fake Telegram and Discord
servers: a refused token ends it at once with one plain line; SIGTERM while
a send is under way lets the send finish and be recorded, then exits 0."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.fakes.discord_server import FakeDiscord
from tests.fakes.telegram_server import FakeTelegram
from tests.forumbot.run_support import EXAMPLE, Forumbot, free_port, quiet_environment

pytestmark = pytest.mark.timeout(120)

RESIDENT = 5001
PHRASE = "Bromley Police Online Forum"


def config_for(
    tmp_path: Path, telegram: FakeTelegram | None = None, discord: FakeDiscord | None = None
) -> Path:
    config: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    if telegram is not None:
        config["platforms"]["telegram"]["api_base_url"] = telegram.base_url
    if discord is not None:
        config["platforms"]["discord"]["api_base_url"] = discord.api_base
        config["platforms"]["discord"]["gateway_url"] = discord.gateway_url
    path = tmp_path / "bot.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


# A hang detector, not a speed test: on this shared 2-core machine under
# load, start-up alone (imports, the language model) has taken over 10 s.
ENDS_WITHIN_S = 30


async def ended(bot: Forumbot, within_s: float) -> int:
    return await asyncio.to_thread(bot.wait_exit, within_s)


async def test_telegram_refusing_the_token_ends_it_with_one_plain_line(
    tmp_path: Path, telegram: FakeTelegram
) -> None:
    wrong = "123456:this-token-was-revoked-by-botfather"
    env = quiet_environment(TELEGRAM_BOT_TOKEN=wrong)
    args = ["run", "--config", str(config_for(tmp_path, telegram)), "--web-port", str(free_port())]
    with Forumbot(args, cwd=tmp_path, env=env) as bot:
        assert await ended(bot, ENDS_WITHIN_S) == 1
    assert bot.log.strip().splitlines()[-1] == (
        "forumbot: Telegram refused the token in TELEGRAM_BOT_TOKEN: set it to the token "
        "BotFather gave the bot, or unset it to run without Telegram"
    )
    assert wrong not in bot.log
    assert "Traceback" not in bot.log
    assert "forumbot running" not in bot.log


async def test_discord_refusing_the_token_ends_it_with_one_plain_line(
    tmp_path: Path, discord_fake: FakeDiscord
) -> None:
    wrong = "wrong-discord-token-3f9a1c77"
    env = quiet_environment(DISCORD_BOT_TOKEN=wrong)
    args = [
        "run",
        "--config",
        str(config_for(tmp_path, discord=discord_fake)),
        "--web-port",
        str(free_port()),
    ]
    with Forumbot(args, cwd=tmp_path, env=env) as bot:
        assert await ended(bot, ENDS_WITHIN_S) == 1
    assert bot.log.strip().splitlines()[-1] == (
        "forumbot: Discord refused the token in DISCORD_BOT_TOKEN: set it to the bot token "
        "from the Discord developer portal, or unset it to run without Discord"
    )
    assert wrong not in bot.log
    assert "Traceback" not in bot.log
    assert discord_fake.identify_count == 0


async def test_sigterm_lets_a_send_under_way_finish_and_exits_cleanly(
    tmp_path: Path, telegram: FakeTelegram
) -> None:
    config = config_for(tmp_path, telegram)
    env = quiet_environment(TELEGRAM_BOT_TOKEN=telegram.token)
    args = ["run", "--config", str(config), "--web-port", str(free_port())]
    slow = asyncio.Event()

    async def hold_sends(method: str, _params: dict[str, Any]) -> None:
        if method.lower() == "sendmessage":
            slow.set()
            await asyncio.sleep(1.5)

    telegram.on_request = hold_sends
    with Forumbot(args, cwd=tmp_path, env=env) as bot:
        await asyncio.to_thread(bot.wait_for, "forumbot running")
        telegram.private_message(RESIDENT, f"{PHRASE} are the Sunday hours changing?")
        await asyncio.wait_for(slow.wait(), 15)  # the acknowledgement is on the wire
        asked = time.monotonic()
        bot.process.send_signal(signal.SIGTERM)
        assert await ended(bot, ENDS_WITHIN_S) == 0, bot.log
        took = time.monotonic() - asked
    assert took < 10
    assert "Traceback" not in bot.log
    acknowledged = [m for m in telegram.sent_to(RESIDENT) if "#1" in m.plain_text]
    assert len(acknowledged) == 1
    with sqlite3.connect(tmp_path / "forumbot.sqlite3") as db:
        states = dict(
            db.execute(
                "SELECT state, COUNT(*) FROM outbox WHERE platform = 'telegram' GROUP BY state"
            ).fetchall()
        )
        first = db.execute(
            "SELECT state, platform_message_id FROM outbox WHERE chat_id = ? ORDER BY id LIMIT 1",
            (str(RESIDENT),),
        ).fetchone()
    assert "sending" not in states, states
    assert first == ("sent", str(acknowledged[0].message_id))
