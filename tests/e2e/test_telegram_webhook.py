"""The real app in webhook mode: Telegram is told the URL and the secret, updates posted with
the secret header are processed, others are refused with 403 and never stored."""

from __future__ import annotations

import asyncio
import logging
import socket
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from adapters.telegram.adapter import SECRET_HEADER
from bot.edge.startup import StartupFailure
from config.model import Config, TelegramWebhook
from forumbot.app import App, build_app
from tests.e2e.telegram_setup import (
    PHRASE,
    RESIDENT,
    WAIT_S,
    Gate,
    card_for,
    environ,
    eventually,
    free_port,
    make_config,
    running,
    to_chat_containing,
)
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(30)

HOOK_URL = "https://example.org/tg-hook"
SECRET = "whsec-Very-Distinctive-0123456789"
INTRUDER = 6666


@pytest.fixture
def fake(telegram: FakeTelegram) -> FakeTelegram:
    """The platform these tests drive: the shared fake Bot API (tests/conftest.py)."""
    return telegram


def _webhook_config(tmp_path: Path, fake: FakeTelegram, **changes: Any) -> tuple[Config, int]:
    port = free_port()
    hook = TelegramWebhook(listen="127.0.0.1", port=port, url=HOOK_URL)
    return make_config(tmp_path, fake, mode="webhook", webhook=hook, **changes), port


def _update(fake: FakeTelegram, user: int, text: str) -> dict[str, Any]:
    """An update as Telegram would post it (built by the fake, never polled in webhook mode)."""
    update_id = fake.private_message(user, text)
    return next(u for u in fake.pending_updates if u["update_id"] == update_id)


async def _post(url: str, update: dict[str, Any], headers: dict[str, str]) -> int:
    timeout = aiohttp.ClientTimeout(total=WAIT_S)
    async with (
        aiohttp.ClientSession(timeout=timeout) as http,
        http.post(url, json=update, headers=headers) as response,
    ):
        return response.status


async def _inbox_count(app: App) -> int:
    async with app.core.db.read() as tx:
        rows = await tx.execute_fetchall("SELECT COUNT(*) FROM inbox")
    return int(next(iter(rows))[0])


async def test_webhook_with_secret(tmp_path: Path, fake: FakeTelegram) -> None:
    config, port = _webhook_config(tmp_path, fake)
    url = f"http://127.0.0.1:{port}/tg-hook"
    async with running(config, environ(fake, TELEGRAM_WEBHOOK_SECRET=SECRET)) as app:
        params = await fake.wait_for_request("setWebhook", timeout=WAIT_S)
        assert params["url"] == HOOK_URL
        assert params["secret_token"] == SECRET
        assert fake.webhook_secret == SECRET

        intruder = _update(fake, INTRUDER, f"{PHRASE} let me in")
        assert await _post(url, intruder, {}) == 403
        assert await _post(url, intruder, {SECRET_HEADER: "wrong-secret"}) == 403
        assert await _post(url, intruder, {SECRET_HEADER: SECRET[:-1]}) == 403
        assert await _inbox_count(app) == 0

        update = _update(fake, RESIDENT, f"{PHRASE} is the station open on Sundays?")
        assert await _post(url, update, {SECRET_HEADER: SECRET}) == 200
        assert await _inbox_count(app) == 1  # stored before the 200
        ack = await fake.wait_for_sent(to_chat_containing(RESIDENT, "#1"), WAIT_S)
        assert "not monitored 24/7" in ack.plain_text
        await card_for(fake, 1)
        # The same update posted again (Telegram retries) is not processed twice.
        assert await _post(url, update, {SECRET_HEADER: SECRET}) == 200
        assert await _inbox_count(app) == 1

    assert fake.sent_to(INTRUDER) == []
    assert len(fake.sent_to(RESIDENT)) == 1
    assert fake.requests_for("getUpdates") == []


async def test_webhook_send_survives_connection_refused(
    tmp_path: Path, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", "telegram", "aiohttp", "forumbot"):
        caplog.set_level(logging.DEBUG, logger=name)
    gate = Gate(fake.port)
    await gate.up()
    config, port = _webhook_config(tmp_path, fake, api_base_url=gate.base_url)
    url = f"http://127.0.0.1:{port}/tg-hook"
    try:
        async with running(config, environ(fake, TELEGRAM_WEBHOOK_SECRET=SECRET)):
            await fake.wait_for_request("setWebhook", timeout=WAIT_S)
            await gate.down()  # the Bot API is unreachable: sends are refused
            update = _update(fake, RESIDENT, f"{PHRASE} is the station open on Sundays?")
            assert await _post(url, update, {SECRET_HEADER: SECRET}) == 200

            async def refused() -> bool:
                return any("not sent chat=" in r.getMessage() for r in caplog.records)

            await eventually(refused, what="a refused send")
            await gate.up()
            ack = await fake.wait_for_sent(to_chat_containing(RESIDENT, "#1"), WAIT_S)
            assert "not monitored 24/7" in ack.plain_text
            await card_for(fake, 1)
            assert await _post(url, update, {SECRET_HEADER: "nope"}) == 403
    finally:
        await gate.close()

    assert len(fake.sent_to(RESIDENT)) == 1
    for secret in (fake.token, SECRET):
        assert secret not in caplog.text
        for record in caplog.records:
            assert secret not in record.getMessage() + (record.exc_text or "")


async def test_webhook_port_in_use_or_no_secret_stops_the_start(
    tmp_path: Path, fake: FakeTelegram
) -> None:
    """What an administrator must fix is fatal at start, before anything is
    served: the webhook's port taken, or webhook mode without its secret."""
    config, port = _webhook_config(tmp_path, fake)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        app = await build_app(config, environ(fake, TELEGRAM_WEBHOOK_SECRET=SECRET))
        async with app:
            with pytest.raises(StartupFailure) as in_use:
                await asyncio.wait_for(app.start(), WAIT_S)
    assert str(in_use.value) == (
        f"Telegram webhook port {port} is in use: set platforms.telegram.webhook.port"
    )

    app = await build_app(config, environ(fake))
    async with app:
        with pytest.raises(StartupFailure) as no_secret:
            await asyncio.wait_for(app.start(), WAIT_S)
    assert str(no_secret.value) == (
        "Telegram webhook mode needs a secret in TELEGRAM_WEBHOOK_SECRET: set it to a long "
        "random string, or use platforms.telegram.mode: polling"
    )
    assert fake.requests_for("setWebhook") == []
