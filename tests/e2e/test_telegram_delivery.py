"""The real app against the fake Telegram when delivery goes wrong: rate limits, a resident
who blocked the bot, connection failures; and the token never in the logs."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.store import resident as residents
from tests.e2e.telegram_setup import (
    PHRASE,
    RESIDENT,
    WAIT_S,
    Gate,
    ask,
    card_for,
    environ,
    eventually,
    make_config,
    outbox_settled,
    running,
    staff_says,
    to_chat_containing,
)
from tests.fakes.telegram_server import FakeTelegram

pytestmark = [
    pytest.mark.timeout(30),
    # python-telegram-bot 22 warns inside RetryAfter about a future type change.
    pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning"),
]

OTHER_RESIDENT = 5002


@pytest.fixture
def fake(telegram: FakeTelegram) -> FakeTelegram:
    """The platform these tests drive: the shared fake Bot API (tests/conftest.py)."""
    return telegram


def _to(chat_id: int) -> Callable[[dict[str, Any]], bool]:
    return lambda params: str(params.get("chat_id")) == str(chat_id)


async def test_429_is_honoured_and_other_chats_carry_on(tmp_path: Path, fake: FakeTelegram) -> None:
    attempts: list[float] = []

    def watch(method: str, params: dict[str, object]) -> None:
        if method == "sendMessage" and str(params.get("chat_id")) == str(RESIDENT):
            attempts.append(time.monotonic())

    fake.on_request = watch
    fake.fail_next(
        "sendMessage",
        RESIDENT,
        status=429,
        description="Too Many Requests: retry after 1",
        retry_after=1,
    )
    async with running(make_config(tmp_path, fake), environ(fake)):
        fake.private_message(RESIDENT, f"{PHRASE} is the police station open on Sundays?")
        fake.private_message(OTHER_RESIDENT, f"{PHRASE} any news about the bike thefts?")
        ack = await fake.wait_for_sent(to_chat_containing(RESIDENT, "#1"), WAIT_S)
        other_ack = await fake.wait_for_sent(to_chat_containing(OTHER_RESIDENT, "#2"), WAIT_S)
        card = await card_for(fake, 1)

    assert fake.count_429 == 1
    assert len(attempts) == 2  # the refused one and the retry
    assert ack.at - attempts[0] >= 0.8  # retry_after honoured (loosely)
    # Meanwhile the staff room and the other resident were served.
    assert card.at < ack.at
    assert other_ack.at < ack.at
    assert len(fake.sent_to(RESIDENT)) == 1


async def test_blocked_resident_is_unreachable_and_not_retried(
    tmp_path: Path, fake: FakeTelegram
) -> None:
    fake.blocked_chats.add(RESIDENT)
    async with running(make_config(tmp_path, fake), environ(fake)) as app:
        fake.private_message(RESIDENT, f"{PHRASE} is there a speed check on Elm Road?")
        await card_for(fake, 1)

        async def unreachable() -> bool:
            async with app.core.db.read() as tx:
                return await residents.is_unreachable(tx, "telegram", str(RESIDENT))

        await eventually(unreachable, what="resident marked unreachable")
        await staff_says(fake, "/answer 1 Yes, on Thursday.", "#1 answered")
        other = await ask(fake, f"{PHRASE} and on Friday?", user=OTHER_RESIDENT)
        assert "#2" in other.plain_text
        await eventually(lambda: outbox_settled(app), what="outbox settled")
        async with app.core.db.read() as tx:
            rows = await tx.execute_fetchall(
                "SELECT state FROM outbox WHERE chat_id = ?", (str(RESIDENT),)
            )
        states = sorted(str(r[0]) for r in rows)

    tries = [p for p in fake.requests_for("sendMessage") if _to(RESIDENT)(p)]
    assert 1 <= len(tries) <= 2
    assert fake.sent_to(RESIDENT) == []
    assert states == ["failed", "skipped"]  # the acknowledgement, then the answer
    assert fake.sent_to(OTHER_RESIDENT)


def _secret_free(caplog: pytest.LogCaptureFixture, *secrets: str) -> None:
    for record in caplog.records:
        text = record.getMessage() + (record.exc_text or "")
        for secret in secrets:
            assert secret not in text, f"{record.name}: {text[:300]}"
    for secret in secrets:
        assert secret not in caplog.text


def _logged(caplog: pytest.LogCaptureFixture, needle: str) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return any(needle in r.getMessage() for r in caplog.records)

    return check


def _debug_everywhere(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", "telegram", "aiohttp", "forumbot"):
        caplog.set_level(logging.DEBUG, logger=name)


async def test_token_never_logged_through_failures(
    tmp_path: Path, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    _debug_everywhere(caplog)
    gate = Gate(fake.port)  # down: connections to the API are refused at first
    config = make_config(tmp_path, fake, api_base_url=gate.base_url)
    fake.fail_next(
        "sendMessage",
        RESIDENT,
        status=429,
        description="Too Many Requests: retry after 1",
        retry_after=1,
    )
    try:
        async with running(config, environ(fake)):
            await eventually(_logged(caplog, "Telegram connection failed"), what="refused")
            await gate.up()
            ack = await ask(fake, f"{PHRASE} is the station open on Sundays?")
            assert "#1" in ack.plain_text and fake.count_429 == 1
            # The API goes away while the bot long-polls, then comes back.
            await gate.down()
            await eventually(_logged(caplog, "getUpdates failed"), what="poll failure")
            await gate.up()
            again = await ask(fake, f"{PHRASE} and on bank holidays?")
            assert "#2" in again.plain_text
    finally:
        await gate.close()

    assert any("rate limited" in r.getMessage() for r in caplog.records)
    # Libraries did log request URLs: with the token masked.
    assert any("/bot***/" in r.getMessage() for r in caplog.records)
    _secret_free(caplog, fake.token)


async def test_in_process_app_logs_no_token_on_success(
    tmp_path: Path, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    _debug_everywhere(caplog)
    async with running(make_config(tmp_path, fake), environ(fake)):
        await ask(fake, f"{PHRASE} hello")
        await card_for(fake, 1)
        await staff_says(fake, "/answer 1 Hello to you.", "#1 answered")
        await fake.wait_for_sent(to_chat_containing(RESIDENT, "Hello to you"), WAIT_S)
    messages = [r.getMessage() for r in caplog.records]
    assert "telegram on (polling mode)" in messages
    assert any(m.startswith("HTTP Request: POST") for m in messages)  # httpx did log URLs
    _secret_free(caplog, fake.token)
