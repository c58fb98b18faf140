"""An update python-telegram-bot cannot read (as when Telegram's API moves
ahead of the pinned library) stops nothing: its sender is still answered, the
updates after it flow, and the resident's words never reach the log. Polling
and webhook, through the real client against the fake Bot API (issue 14)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from adapters.telegram.adapter import SECRET_HEADER
from config.model import TelegramWebhook
from tests.e2e.telegram_setup import (
    PHRASE,
    RESIDENT,
    WAIT_S,
    card_for,
    environ,
    free_port,
    make_config,
    running,
    to_chat,
    to_chat_containing,
)
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(60)

SECRET = "whsec-Very-Distinctive-0123456789"
QUESTION = f"{PHRASE} is the Elm Road underpass lit at night yet?"
# A message entity without offset and length: the library cannot build it
# (TypeError), and the whole getUpdates answer it came in fails to read.
UNREADABLE_ENTITY: dict[str, Any] = {"type": "future_kind_of_entity"}


def _unreadable(fake: FakeTelegram, user: int, text: str | None) -> dict[str, Any]:
    """A private message the library cannot read, queued on the fake; with
    ``text`` None it holds no words (something other than words)."""
    update_id = fake.private_message(user, text or "placeholder")
    update = next(u for u in fake.pending_updates if u["update_id"] == update_id)
    message = update["message"]
    if text is None:
        del message["text"]
        message["future_kind_of_attachment"] = {"id": "x"}
    message["entities"] = [UNREADABLE_ENTITY]
    return update


async def test_polling_goes_on_past_an_update_the_library_cannot_read(
    tmp_path: Path, telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    fake = telegram
    caplog.set_level(logging.INFO)  # what forumbot logs; DEBUG is for one's own machine
    # Queued before the bot polls: the first getUpdates answer holds all three.
    _unreadable(fake, RESIDENT, QUESTION)
    _unreadable(fake, RESIDENT + 1, None)
    fake.private_message(RESIDENT + 2, f"{PHRASE} when is the next meeting?")
    async with running(make_config(tmp_path, fake), environ(fake)):
        # The unreadable question is taken: acknowledged, and its card is posted.
        ack = await fake.wait_for_sent(to_chat_containing(RESIDENT, "#1"), WAIT_S)
        assert "not monitored 24/7" in ack.plain_text
        card = await card_for(fake, 1)
        assert "underpass lit at night" in card.plain_text
        # The one without words is answered as any attachment alone.
        reply = await fake.wait_for_sent(to_chat(RESIDENT + 1), WAIT_S)
        assert "I could not pass on what you sent" in reply.plain_text
        assert "999" in reply.plain_text
        # The readable one after them went through as usual.
        await fake.wait_for_sent(to_chat_containing(RESIDENT + 2, "#2"), WAIT_S)
        # And polling goes on: a later message is answered too.
        fake.private_message(RESIDENT + 3, "hello")
        await fake.wait_for_sent(to_chat(RESIDENT + 3), WAIT_S)
        assert fake.pending_updates == []  # all confirmed to Telegram
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "could not be read by python-telegram-bot" in logged
    # The resident's words stay out of the log (python-telegram-bot's own
    # CRITICAL record of the batch holds them all).
    assert not [r.name for r in caplog.records if "underpass" in r.getMessage()]


async def test_a_webhook_accepts_an_update_the_library_cannot_read(
    tmp_path: Path, telegram: FakeTelegram
) -> None:
    fake = telegram
    port = free_port()
    hook = TelegramWebhook(listen="127.0.0.1", port=port, url="https://example.org/tg-hook")
    config = make_config(tmp_path, fake, mode="webhook", webhook=hook)
    url = f"http://127.0.0.1:{port}/tg-hook"
    async with running(config, environ(fake, TELEGRAM_WEBHOOK_SECRET=SECRET)):
        await fake.wait_for_request("setWebhook", timeout=WAIT_S)
        update = _unreadable(fake, RESIDENT, QUESTION)
        timeout = aiohttp.ClientTimeout(total=WAIT_S)
        async with (
            aiohttp.ClientSession(timeout=timeout) as http,
            http.post(url, json=update, headers={SECRET_HEADER: SECRET}) as response,
        ):
            # Accepted: refused, Telegram would retry it and hold back the rest.
            assert response.status == 200
        await fake.wait_for_sent(to_chat_containing(RESIDENT, "#1"), WAIT_S)
        await card_for(fake, 1)
