"""Telegram: the card's "check: possibly a name" line, in bold, with the
resident's words escaped, never markup."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from forumbot.app import App
from tests.e2e.telegram_setup import PHRASE, ask, card_for, environ, make_config, running
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(30)


@pytest.fixture
async def app(tmp_path: Path, telegram: FakeTelegram) -> AsyncIterator[App]:
    async with running(make_config(tmp_path, telegram), environ(telegram)) as started:
        yield started


async def test_the_card_asks_the_officer_to_check_a_possible_name(
    telegram: FakeTelegram, app: App
) -> None:
    await ask(
        telegram,
        f"{PHRASE} the tree at Fernleigh <b>fell</b> on the path & Priya Raman saw it",
    )
    card = await card_for(telegram, 1)
    assert "Check: possibly a name, left in the suggestion: \u201cFernleigh\u201d." in (
        card.plain_text
    )
    assert "<b>Check: possibly a name</b>" in card.text
    # the resident's words stay text: escaped, in the suggestion and the check line
    assert "&lt;b&gt;fell&lt;/b&gt;" in card.text and "<b>fell</b>" not in card.text
    assert (
        "[name] saw it" in card.plain_text
        and "Priya" not in card.plain_text.split("Suggested for publication")[1]
    )
