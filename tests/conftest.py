"""Fixtures shared across the suite: the fake platforms on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.e2e.discord_setup import add_world
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.telegram_server import FakeTelegram


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegram]:
    """The fake Bot API, empty."""
    async with FakeTelegram() as server:
        yield server


@pytest.fixture
async def discord_fake() -> AsyncIterator[FakeDiscord]:
    """The fake Discord, with the guild, channels, roles and users of tests/e2e/discord_setup."""
    async with FakeDiscord() as server:
        add_world(server)
        yield server
