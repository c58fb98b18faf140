"""Fixtures shared across the suite: the core harness (closed at teardown,
passed or failed) and the fake platforms on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from forumbot.app import App
from tests.e2e.discord_setup import add_world
from tests.e2e.facebook_setup import make_config as make_facebook_config
from tests.e2e.facebook_setup import running as facebook_running
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.facebook_server import FakeFacebook
from tests.fakes.smtp_server import FakeSmtp
from tests.fakes.telegram_server import FakeTelegram
from tests.support.core_harness import CoreHarness, HarnessFactory


@pytest.fixture
async def make_harness(tmp_path: Path) -> AsyncIterator[HarnessFactory]:
    """Opens harnesses on the test's database file: ``await make_harness(start=...,
    **changes)``. Those still open are closed at teardown; a test that closes one
    and opens another on purpose (a restart) closes the first itself."""
    factory = HarnessFactory(tmp_path)
    try:
        yield factory
    finally:
        await factory.aclose()


@pytest.fixture
async def h(make_harness: HarnessFactory) -> CoreHarness:
    """The default harness: one forum, its clock at 2026-11-20 12:00 UTC."""
    return await make_harness()


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegram]:
    """The fake Bot API, empty."""
    async with FakeTelegram() as server:
        yield server


@pytest.fixture
async def smtp() -> AsyncIterator[FakeSmtp]:
    """The fake SMTP relay (tests/fakes/smtp_server.py), empty."""
    server = await FakeSmtp().start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
async def discord_fake() -> AsyncIterator[FakeDiscord]:
    """The fake Discord, with the guild, channels, roles and users of tests/e2e/discord_setup."""
    async with FakeDiscord() as server:
        add_world(server)
        yield server


@pytest.fixture
async def facebook() -> AsyncIterator[FakeFacebook]:
    """The fake Graph API (Messenger's Send API and Meta's webhook deliveries), empty."""
    async with FakeFacebook() as server:
        yield server


@pytest.fixture
async def facebook_app(
    tmp_path: Path, facebook: FakeFacebook, telegram: FakeTelegram
) -> AsyncIterator[App]:
    """The real app with Facebook on (tests/e2e/facebook_setup's configuration) and a
    Telegram staff group, against the fake Graph API and the fake Bot API."""
    async with facebook_running(
        make_facebook_config(tmp_path, facebook, telegram), facebook, telegram
    ) as started:
        yield started
