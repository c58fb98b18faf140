"""No single input stops the bot: hostile text (lone surrogates, NUL, control
characters) and an event the database refuses, through the real clients
(python-telegram-bot and discord.py against the fake platforms) and the
whole app. Each sender hears back (an acknowledgement, or "we could not read
that message"), an emergency in the same batch still gets its 999 guidance
at once, nothing else in the batch is lost, the platforms are not asked to
deliver anything again, and the intake never has to be restarted."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
import pytest

from adapters.telegram.adapter import SECRET_HEADER
from bot.edge.inbound import Envelope, Inbound
from bot.edge.text import REPLACEMENT
from bot.store.database import fetch_all
from config.model import TelegramWebhook
from forumbot.app import App
from tests.e2e import discord_setup as dc
from tests.e2e import telegram_setup as tg
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(60)

UNREADABLE = "We could not read that message; please send it again."
POISON = "POISON-7f3a"  # what the app's database is made to refuse in an inbox payload
EMERGENCY = "someone is breaking into my house right now"
NEIGHBOUR = 5002
THIRD = 5003


async def refuse_poison(app: App) -> None:
    """The database refuses (as a constraint) any inbox row whose payload holds POISON,
    except as an event set aside."""
    async with app.core.db.transaction() as tx:
        await tx.execute(
            "CREATE TRIGGER refuse_poison BEFORE INSERT ON inbox"
            f" WHEN NEW.set_aside_at IS NULL AND NEW.payload LIKE '%{POISON}%'"
            " BEGIN SELECT RAISE(ABORT, 'payload refused'); END"
        )


def assert_never_restarted(app: App, caplog: pytest.LogCaptureFixture) -> None:
    assert "failed; restarting" not in caplog.text
    assert all(not task.done() for task in app.tasks)


async def set_aside_keys(app: App) -> set[str]:
    async with app.core.db.read() as tx:
        found = await fetch_all(tx, "SELECT event_key FROM inbox WHERE set_aside_at IS NOT NULL")
    return {str(r[0]) for r in found}


def confirmed(fake: FakeTelegram) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return not fake.pending_updates

    return check


# -- Telegram --------------------------------------------------------------------------------


async def test_hostile_telegram_updates_in_one_batch_are_all_answered(
    tmp_path: Path, telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="forumbot")
    async with tg.running(tg.make_config(tmp_path, telegram), tg.environ(telegram)) as app:
        start = len(telegram.sent)
        # Added together, so the bot's next getUpdates returns them as one batch.
        telegram.private_message(
            tg.RESIDENT,
            f"{tg.PHRASE} is \ud800 the road\x00 by the school\x07 safe?\r\n",
            first_name="Jo\ud800\x00",
        )
        telegram.private_message(NEIGHBOUR, f"{EMERGENCY} \udfff\x1b[2J")
        telegram.group_message(tg.STAFF_GROUP, tg.OFFICER, "/que\x00ue\r\n")
        telegram.private_message(THIRD, "\x00\x01\x02")  # nothing left once cleaned

        guidance = await telegram.wait_for_sent(
            tg.to_chat_containing(NEIGHBOUR, "999"), tg.WAIT_S, start=start
        )
        assert "press 55" in guidance.plain_text
        ack = await telegram.wait_for_sent(
            tg.to_chat_containing(tg.RESIDENT, "Your question to"), tg.WAIT_S, start=start
        )
        assert "#" in ack.plain_text
        card = await telegram.wait_for_sent(
            tg.to_chat_containing(tg.STAFF_GROUP, "by the school"), tg.WAIT_S, start=start
        )
        assert f"is {REPLACEMENT} the road by the school safe?" in card.plain_text
        await telegram.wait_for_sent(
            tg.to_chat_containing(tg.STAFF_GROUP, "waiting"), tg.WAIT_S, start=start
        )
        await telegram.wait_for_sent(tg.to_chat(THIRD), tg.WAIT_S, start=start)  # help

        await tg.eventually(confirmed(telegram), what="every update confirmed")
        assert await set_aside_keys(app) == set()
        assert_never_restarted(app, caplog)


async def test_an_update_the_database_refuses_is_set_aside_and_confirmed_once(
    tmp_path: Path, telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="forumbot")
    async with tg.running(tg.make_config(tmp_path, telegram), tg.environ(telegram)) as app:
        await refuse_poison(app)
        start = len(telegram.sent)
        poisoned = telegram.private_message(tg.RESIDENT, f"{tg.PHRASE} {POISON} x \ud800")
        telegram.private_message(NEIGHBOUR, EMERGENCY)
        telegram.private_message(THIRD, f"{tg.PHRASE} when are the street lights fixed?")

        told = await telegram.wait_for_sent(
            tg.to_chat_containing(tg.RESIDENT, UNREADABLE), tg.WAIT_S, start=start
        )
        assert "call 999" in told.plain_text
        await telegram.wait_for_sent(
            tg.to_chat_containing(NEIGHBOUR, "999"), tg.WAIT_S, start=start
        )
        await telegram.wait_for_sent(
            tg.to_chat_containing(THIRD, "Your question to"), tg.WAIT_S, start=start
        )
        await tg.eventually(confirmed(telegram), what="every update confirmed")
        assert await set_aside_keys(app) == {str(poisoned)}
        assert "not stored; storing them one by one" in caplog.text

        # A round trip later: the refused update was not delivered (nor answered) again.
        await tg.ask(telegram, "/help", THIRD)
        assert len(telegram.sent_to(tg.RESIDENT)) == 1
        assert_never_restarted(app, caplog)


async def test_hostile_and_refused_webhook_updates_are_confirmed_with_200(
    tmp_path: Path, telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    """In webhook mode anything but 200 makes Telegram post the update again and again."""
    caplog.set_level(logging.INFO, logger="forumbot")
    port = tg.free_port()
    hook = TelegramWebhook(listen="127.0.0.1", port=port, url="https://example.org/tg-hook")
    config = tg.make_config(tmp_path, telegram, mode="webhook", webhook=hook)
    env = tg.environ(telegram, TELEGRAM_WEBHOOK_SECRET="whsec-0123456789")
    async with tg.running(config, env) as app:
        await telegram.wait_for_request("setWebhook", timeout=tg.WAIT_S)
        await refuse_poison(app)

        async def post(user: int, text: str) -> int:
            update_id = telegram.private_message(user, text)
            update = next(u for u in telegram.pending_updates if u["update_id"] == update_id)
            async with (
                aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=tg.WAIT_S)) as http,
                http.post(
                    f"http://127.0.0.1:{port}/tg-hook",
                    json=update,
                    headers={SECRET_HEADER: "whsec-0123456789"},
                ) as response,
            ):
                return response.status

        assert await post(tg.RESIDENT, f"{tg.PHRASE} is \ud800 the road\x00 safe?") == 200
        assert await post(THIRD, f"{tg.PHRASE} {POISON}") == 200
        assert await post(NEIGHBOUR, EMERGENCY) == 200
        await telegram.wait_for_sent(
            tg.to_chat_containing(tg.RESIDENT, "Your question to"), tg.WAIT_S
        )
        await telegram.wait_for_sent(tg.to_chat_containing(THIRD, UNREADABLE), tg.WAIT_S)
        await telegram.wait_for_sent(tg.to_chat_containing(NEIGHBOUR, "999"), tg.WAIT_S)
        assert_never_restarted(app, caplog)


# -- Discord ---------------------------------------------------------------------------------


async def test_hostile_discord_messages_are_all_answered(
    tmp_path: Path, discord_fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="forumbot")
    config = dc.make_config(tmp_path, discord_fake)
    async with dc.running(config, dc.environ(discord_fake)) as app:
        start = len(discord_fake.sent)
        discord_fake.dm(
            dc.RESIDENT,
            f"{dc.PHRASE} is \ud800 the road\x00 by the school\x07 safe?\r\n",
            username="jo\ud800\x00lene",
            global_name="Jo\udfff",
        )
        discord_fake.dm(dc.OTHER_RESIDENT, f"{EMERGENCY} \udfff\x1b[2J")
        discord_fake.channel_message(dc.STAFF_CHANNEL, dc.OFFICER, "!que\x00ue\r\n")

        dm = dc.dm_of(discord_fake)
        other_dm = dc.dm_of(discord_fake, dc.OTHER_RESIDENT)
        guidance = await discord_fake.wait_for_sent(
            dc.to_containing(other_dm, "999"), dc.WAIT_S, start=start
        )
        assert "press 55" in dc.plain(guidance.content)
        await discord_fake.wait_for_sent(
            dc.to_containing(dm, "Your question to"), dc.WAIT_S, start=start
        )
        card = await discord_fake.wait_for_sent(
            dc.to_containing(dc.STAFF_CHANNEL, "by the school"), dc.WAIT_S, start=start
        )
        assert f"is {REPLACEMENT} the road by the school safe?" in dc.plain(card.content)
        await discord_fake.wait_for_sent(
            dc.to_containing(dc.STAFF_CHANNEL, "waiting"), dc.WAIT_S, start=start
        )
        assert await set_aside_keys(app) == set()
        assert_never_restarted(app, caplog)


async def test_a_discord_message_the_database_refuses_is_set_aside_and_its_sender_told(
    tmp_path: Path, discord_fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="forumbot")
    config = dc.make_config(tmp_path, discord_fake)
    async with dc.running(config, dc.environ(discord_fake)) as app:
        await refuse_poison(app)
        start = len(discord_fake.sent)
        poisoned = discord_fake.dm(dc.RESIDENT, f"{dc.PHRASE} {POISON} \ud800")
        discord_fake.dm(dc.OTHER_RESIDENT, EMERGENCY)
        told = await discord_fake.wait_for_sent(
            dc.to_containing(dc.dm_of(discord_fake), UNREADABLE), dc.WAIT_S, start=start
        )
        assert "call 999" in dc.plain(told.content)
        await discord_fake.wait_for_sent(
            dc.to_containing(dc.dm_of(discord_fake, dc.OTHER_RESIDENT), "999"),
            dc.WAIT_S,
            start=start,
        )
        assert await set_aside_keys(app) == {poisoned}
        assert_never_restarted(app, caplog)


# -- both in one batch -----------------------------------------------------------------------


async def test_a_discord_message_in_the_batch_of_a_refused_telegram_update_is_not_lost(
    tmp_path: Path,
    telegram: FakeTelegram,
    discord_fake: FakeDiscord,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Discord does not deliver a message twice: before issue 12 a Discord message in a
    batch that failed to store was lost."""
    caplog.set_level(logging.INFO, logger="forumbot")
    config = dc.make_config(tmp_path, discord_fake, telegram)
    async with dc.running(config, dc.environ(discord_fake, telegram)) as app:
        await refuse_poison(app)
        batches: list[list[Inbound]] = []
        accept = app.core.intake.accept

        async def recorded(batch: list[Envelope]) -> None:
            batches.append([e.inbound for e in batch])
            await accept(batch)

        monkeypatch.setattr(app.core.intake, "accept", recorded)
        tg_start, dc_start = len(telegram.sent), len(discord_fake.sent)

        # Hold the database while the intake takes a first event, so that the next two,
        # one from each platform, wait in the queue and are taken as one batch. (The first
        # is from Discord: Telegram's adapter polls again only once its last batch is stored.)
        async with app.core.db.transaction():
            discord_fake.dm(dc.OTHER_RESIDENT, "!help")
            await tg.eventually(_true(lambda: len(batches) == 1), what="first batch taken")
            telegram.private_message(tg.RESIDENT, f"{tg.PHRASE} {POISON}")
            discord_fake.dm(dc.RESIDENT, f"{dc.PHRASE} when are the street lights fixed?")
            await tg.eventually(_true(lambda: app.core.queue.qsize() == 2), what="both queued")

        await telegram.wait_for_sent(
            tg.to_chat_containing(tg.RESIDENT, UNREADABLE), tg.WAIT_S, start=tg_start
        )
        await discord_fake.wait_for_sent(
            dc.to_containing(dc.dm_of(discord_fake), "Your question to"),
            dc.WAIT_S,
            start=dc_start,
        )
        assert sorted(e.platform for e in batches[1]) == ["discord", "telegram"]
        await tg.eventually(confirmed(telegram), what="every update confirmed")
        assert_never_restarted(app, caplog)


def _true(check: Callable[[], bool]) -> Callable[[], Awaitable[bool]]:
    async def holds() -> bool:
        await asyncio.sleep(0)
        return check()

    return holds
