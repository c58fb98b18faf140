"""Discord: the card's "check: possibly a name" line, in bold, with the
resident's words escaped, never markdown."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from forumbot.app import App
from tests.e2e.discord_setup import (
    PHRASE,
    ask,
    assert_pings_nobody,
    card_for,
    environ,
    make_config,
    plain,
    running,
)
from tests.fakes.discord_server import FakeDiscord

pytestmark = pytest.mark.timeout(30)


@pytest.fixture
async def app(tmp_path: Path, discord_fake: FakeDiscord) -> AsyncIterator[App]:
    async with running(make_config(tmp_path, discord_fake), environ(discord_fake)) as started:
        yield started


async def test_the_card_asks_the_officer_to_check_a_possible_name(
    discord_fake: FakeDiscord, app: App
) -> None:
    await ask(discord_fake, f"{PHRASE} the tree at **Fernleigh** fell on the path @everyone")
    card = await card_for(discord_fake, 1)
    content = card.content or ""
    assert "**Check: possibly a name**, left in the suggestion: \u201cFernleigh\u201d." in content
    assert "If it is a person, send !edit 1 with the text to publish." in plain(content)
    # the resident's asterisks stay characters, not bold
    assert r"\*\*Fernleigh\*\*" in content
    assert_pings_nobody(card)
