"""Platform set-up mistakes an administrator can make, with the real clients against the
fakes: Discord's privileged intents left off in the Developer Portal (gateway close 4014) give
one ERROR naming the switches and a slow retry, never a crash or a hot loop; a 429 on
Telegram's getUpdates is waited out for as long as Telegram's ``retry_after`` says."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from tests.e2e import discord_setup as dc
from tests.e2e import telegram_setup as tg
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(40)


async def test_discord_privileged_intents_off_is_one_error_naming_the_switches(
    tmp_path: Path, discord_fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="forumbot")
    discord_fake.privileged_intents_enabled = False  # the portal's switches are off
    config = dc.make_config(tmp_path, discord_fake)
    async with dc.running(config, dc.environ(discord_fake), wait_ready=False) as app:

        def told() -> list[logging.LogRecord]:
            return [r for r in caplog.records if "Privileged Gateway Intents" in r.getMessage()]

        await tg.eventually(lambda: _holds(bool(told())), what="the ERROR about intents")
        [refused] = discord_fake.gateway_connections  # closed by the fake: 4014 after IDENTIFY
        assert refused.closed_by_server and not discord_fake.identify_payloads
        # A hot loop would have connected again within a second or two (the ordinary
        # reconnect waits 1 s, then 2 s); the intents' retry waits 60 s.
        await asyncio.sleep(2.5)
        assert len(discord_fake.gateway_connections) == 1, discord_fake.gateway_connections
        [error] = told()
        assert error.levelno == logging.ERROR
        message = error.getMessage()
        for switch in ("Bot -> Privileged Gateway Intents", "Message Content Intent"):
            assert switch in message, message
        assert "Server Members Intent" in message
        assert "Retrying in 60s" in message
        assert discord_fake.token not in caplog.text
        # Not a crash: the adapter's service is still running, and reports the link down.
        discord = app.discord
        assert discord is not None
        assert not discord.connection.connected
        assert discord.connection.problem.startswith("PrivilegedIntentsRequired")
        assert all(not task.done() for task in app.tasks)


async def test_telegram_getupdates_429_waits_retry_after(
    tmp_path: Path, telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="forumbot")
    retry_after = 3
    polls: list[float] = []  # when each getUpdates arrived (the loop's clock)

    def note(method: str, params: object) -> None:
        if method.lower() == "getupdates":
            polls.append(asyncio.get_running_loop().time())

    telegram.on_request = note
    config = tg.make_config(tmp_path, telegram)
    async with tg.running(config, tg.environ(telegram)):
        await tg.eventually(lambda: _holds(len(polls) >= 1), what="polling")
        telegram.fail_next(
            "getUpdates",
            status=429,
            description=f"Too Many Requests: retry after {retry_after}",
            retry_after=retry_after,
        )
        before = telegram.count_429
        await tg.eventually(lambda: _holds(telegram.count_429 > before), what="the 429")
        limited = len(polls) - 1  # the request that got the 429
        await tg.eventually(
            lambda: _holds(len(polls) > limited + 1),
            within_s=retry_after + tg.WAIT_S,
            what="polling again",
        )
        # The next getUpdates came no sooner than Telegram asked: one request, then none
        # for retry_after seconds.
        assert polls[limited + 1] - polls[limited] >= retry_after, polls
        # And polling works again: a resident's question is answered.
        reply = await tg.ask(telegram, f"{tg.PHRASE} is the station open on Sundays?")
        assert "Your question to" in reply.plain_text
    assert any(
        "getUpdates rate limited" in r.getMessage() and r.levelno == logging.WARNING
        for r in caplog.records
    )


async def _holds(value: bool) -> bool:
    return value
