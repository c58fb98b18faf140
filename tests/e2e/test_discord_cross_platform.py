"""Telegram and Discord in one run: questions asked on one platform answered from the other,
a session opened on one announced and published on both; Discord out of reach while Telegram
keeps serving; and a Discord token refused at start, which stops the start."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from bot.edge.startup import StartupFailure
from bot.store.question import State
from forumbot.app import build_app
from tests.e2e import telegram_setup as tg
from tests.e2e.discord_setup import (
    OFFICER,
    PHRASE,
    PUBLIC_CHANNEL,
    RESIDENT,
    STAFF_CHANNEL,
    WAIT_S,
    ask,
    card_for,
    dm_of,
    environ,
    make_config,
    plain,
    running,
    staff_says,
    state_of,
    to_containing,
)
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.telegram_server import FakeTelegram
from tests.support.app import discord_py_restored

pytestmark = pytest.mark.timeout(30)


@pytest.fixture
def fake(discord_fake: FakeDiscord) -> FakeDiscord:
    """The platform these tests drive: the shared fake Discord and its world (tests/conftest.py)."""
    return discord_fake


async def test_questions_answers_and_sessions_cross_platforms(
    tmp_path: Path, fake: FakeDiscord, telegram: FakeTelegram
) -> None:
    config = make_config(tmp_path, fake, telegram)
    async with running(config, environ(fake, telegram)) as app:
        # A session opened from Telegram goes live on both platforms.
        await tg.staff_says(telegram, "/open", "is open until")
        await telegram.wait_for_sent(
            tg.to_chat_containing(tg.PUBLIC_CHANNEL, "now live until"), WAIT_S
        )
        await fake.wait_for_sent(to_containing(PUBLIC_CHANNEL, "now live until"), WAIT_S)

        # Asked on Telegram, answered from Discord.
        ack = await tg.ask(telegram, f"{PHRASE} is the station open on Sundays?")
        assert "#1" in ack.plain_text
        await tg.card_for(telegram, 1)
        card = await card_for(fake, 1)
        assert "station open on Sundays" in plain(card.content)
        t_start, d_start = len(telegram.sent), len(fake.sent)
        fake.channel_message(STAFF_CHANNEL, OFFICER, "!answer 1 Yes, from 9 to 5.")
        answer = await telegram.wait_for_sent(
            tg.to_chat_containing(tg.RESIDENT, "Answer to your question #1"), WAIT_S, start=t_start
        )
        assert "from 9 to 5" in answer.plain_text
        tg_post = await telegram.wait_for_sent(
            tg.to_chat_containing(tg.PUBLIC_CHANNEL, "Question #1", "from 9 to 5"),
            WAIT_S,
            start=t_start,
        )
        assert "station open on Sundays" in tg_post.plain_text
        d_post = await fake.wait_for_sent(
            to_containing(PUBLIC_CHANNEL, "Question #1", "from 9 to 5"), WAIT_S, start=d_start
        )
        assert "station open on Sundays" in plain(d_post.content)

        # Asked on Discord, answered from Telegram.
        d_ack = await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
        assert "#2" in plain(d_ack.content)
        await card_for(fake, 2)
        await tg.card_for(telegram, 2)
        t_start, d_start = len(telegram.sent), len(fake.sent)
        telegram.group_message(tg.STAFF_GROUP, tg.OFFICER, "/answer 2 Thursday morning.")
        d_answer = await fake.wait_for_sent(
            to_containing(dm_of(fake), "Answer to your question #2"), WAIT_S, start=d_start
        )
        assert "Thursday morning" in plain(d_answer.content)
        await fake.wait_for_sent(
            to_containing(PUBLIC_CHANNEL, "Question #2", "Thursday morning"),
            WAIT_S,
            start=d_start,
        )
        await telegram.wait_for_sent(
            tg.to_chat_containing(tg.PUBLIC_CHANNEL, "Question #2", "Thursday morning"),
            WAIT_S,
            start=t_start,
        )
        assert await state_of(app, 1) == State.ANSWERED
        assert await state_of(app, 2) == State.ANSWERED

        # Closed from Discord: both public rooms hear it.
        t_start, d_start = len(telegram.sent), len(fake.sent)
        await staff_says(fake, "!close", "is closed")
        await fake.wait_for_sent(
            to_containing(PUBLIC_CHANNEL, "this live session has ended"), WAIT_S, start=d_start
        )
        await telegram.wait_for_sent(
            tg.to_chat_containing(tg.PUBLIC_CHANNEL, "this live session has ended"),
            WAIT_S,
            start=t_start,
        )

    # Each resident heard only on their own platform.
    assert not any("#2" in m.plain_text for m in telegram.sent_to(tg.RESIDENT))
    assert not any("#1" in plain(m.content) for m in fake.sent_to(dm_of(fake, RESIDENT)))


async def _discord_card_rows(database: str, expected: tuple[str, str]) -> bool:
    with contextlib.closing(sqlite3.connect(database)) as db:
        rows = db.execute(
            "SELECT state, error FROM outbox WHERE platform = 'discord' AND chat_id = ?",
            (STAFF_CHANNEL,),
        ).fetchall()
    return rows == [expected]


async def test_discord_out_of_reach_telegram_keeps_serving(
    tmp_path: Path,
    fake: FakeDiscord,
    telegram: FakeTelegram,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Discord cannot be reached at start (nothing listens at its address): not
    fatal. Telegram serves, and Discord's card waits for Discord to be back."""
    caplog.set_level(logging.DEBUG)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    config = make_config(tmp_path, fake, telegram)
    config = replace(
        config,
        platforms=replace(
            config.platforms,
            discord=replace(
                config.platforms.discord, api_base_url=f"{closed}/api/v10", gateway_url=closed
            ),
        ),
    )
    async with running(config, environ(fake, telegram), wait_ready=False) as app:
        ack = await tg.ask(telegram, f"{PHRASE} is the station open on Sundays?")
        assert "#1" in ack.plain_text
        assert "not monitored 24/7" in ack.plain_text
        await tg.card_for(telegram, 1)
        start = len(telegram.sent)
        telegram.group_message(tg.STAFF_GROUP, tg.OFFICER, "/answer 1 Yes, from 9 to 5.")
        await telegram.wait_for_sent(
            tg.to_chat_containing(tg.RESIDENT, "Answer to your question #1"), WAIT_S, start=start
        )
        assert app.discord is not None and not app.discord.ready.is_set()
        # The Discord card was tried, and waits for Discord to be back: it is not lost.
        await tg.eventually(
            lambda: _discord_card_rows(config.database, ("pending", "Discord is not connected")),
            what="the Discord card tried and kept pending",
        )
    assert any(
        "Discord could not be reached to check the token" in r.getMessage() for r in caplog.records
    )


async def test_discord_token_refused_at_start_stops_the_start(
    tmp_path: Path,
    fake: FakeDiscord,
    telegram: FakeTelegram,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A refused token is an administrator's mistake: the start fails with the
    plain line (the command line prints it and exits 1), Telegram is never
    polled, and the token is in no log record."""
    caplog.set_level(logging.DEBUG)
    wrong = "wrong-discord-token-3f9a1c77"
    config = make_config(tmp_path, fake, telegram)
    env = environ(None, telegram, DISCORD_BOT_TOKEN=wrong)
    with discord_py_restored():
        app = await build_app(config, environ=env, poll_timeout_s=1)
        async with app:
            with pytest.raises(StartupFailure) as refused:
                await asyncio.wait_for(app.start(), WAIT_S)
    assert str(refused.value) == (
        "Discord refused the token in DISCORD_BOT_TOKEN: set it to the bot token from the "
        "Discord developer portal, or unset it to run without Discord"
    )
    assert fake.identify_count == 0
    assert fake.sent == []
    assert telegram.requests_for("getUpdates") == []
    for record in caplog.records:
        assert wrong not in record.getMessage()
        assert wrong not in str(record.args)


async def test_discord_rate_limit_sleep_does_not_hold_up_telegram(
    tmp_path: Path, fake: FakeDiscord, telegram: FakeTelegram
) -> None:
    config = make_config(tmp_path, fake, telegram)
    async with running(config, environ(fake, telegram)):
        # Discord makes the bot wait 3 s before the staff card can go.
        fake.fail_next("POST", f"/channels/{STAFF_CHANNEL}/messages", status=429, retry_after=3.0)
        ack = await tg.ask(telegram, f"{PHRASE} any news about the burglaries?")
        assert "#1" in ack.plain_text
        await tg.card_for(telegram, 1)  # Telegram's staff card is not held up either
        assert not any("Question #1" in plain(m.content) for m in fake.sent_to(STAFF_CHANNEL))
        card = await card_for(fake, 1)  # and Discord's arrives once its wait is over
        assert "burglaries" in plain(card.content)
        assert fake.count_429 == 1
