"""The officers' console says what can be done on the console: it has a card's
buttons and a command box, and no replies to a message. Over real HTTP against
a whole forumbot, officer and residents each in their own browser."""

from __future__ import annotations

import asyncio
import html
import re
from pathlib import Path

import aiohttp
import pytest

from bot.delivery.pacing import Pace, Pacer
from bot.edge.chat import ChatRef
from tests.web.web_setup import (
    EventStream,
    Visitor,
    browser,
    events,
    resident_and_officer,
    running_web,
)

pytestmark = pytest.mark.timeout(60)


def _page_text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page))


async def test_the_consoles_card_names_its_buttons_and_command_box(tmp_path: Path) -> None:
    async with (
        running_web(tmp_path) as app,
        resident_and_officer(app) as (resident, officer),
    ):
        async with events(officer, "/staff/bromley/events") as room:
            await resident.post_json(
                "/chat/send", {"text": "Is the park locked at night?", "intent": "ask"}
            )
            card = await room.until("Question #1")
            await officer.post_json("/staff/bromley/send", {"text": "help"})
            help_text = EventStream.text_of(await room.until("Officer commands"))
            # What the card says to do can be done: its button approves it.
            await officer.post_json("/staff/bromley/send", {"button": "approve:1"})
            await room.until("#1 approved for the live session")
        _, page = await officer.get("/staff/bromley")

    text = EventStream.text_of(card)
    assert "Use the buttons below, or type in the command box: /approve 1" in text
    assert "/answer 1 text" in text
    assert "Reply" not in text and "reply" not in text
    assert [b[0] for row in card["buttons"] for b in row] == ["Approve #1", "Reject #1", "Later #1"]
    assert "/answer 12 text: answer the asker" in help_text
    assert "reply" not in help_text.lower()
    # The page itself: the card as shown, approved (issue 15: its state shown,
    # "Approve" gone), its other two buttons as forms.
    shown = _page_text(page)
    assert "Use the buttons below, or type in the command box" in shown
    assert "Reply to this card" not in shown
    assert "Status: Approved: for the next live session" in shown
    assert page.count('name="button" value="approve:1"') == 0
    assert page.count('name="button" value="reject:1"') == 1
    assert page.count('name="button" value="later:1"') == 1
    assert 'id="command"' in page


class _HeldStaffRoom(Pacer):
    """The web platform's pacer, with the console's rooms held until
    ``release`` is set: cards queued meanwhile go out as one message."""

    def __init__(self) -> None:
        super().__init__(Pace())
        self.release = asyncio.Event()

    async def wait_for_chat(self, chat: ChatRef) -> None:
        if chat.kind != "private":
            async with asyncio.timeout(20):
                await self.release.wait()
        await super().wait_for_chat(chat)


async def test_combined_cards_on_the_console_say_to_use_buttons_or_the_box(
    tmp_path: Path,
) -> None:
    async with running_web(tmp_path) as app, browser() as o_http:
        held = _HeldStaffRoom()
        app.core.dispatcher.pacers["web"] = held
        officer = Visitor(app, o_http)
        assert await officer.sign_in() == 303
        await officer.get("/staff/bromley")
        async with events(officer, "/staff/bromley/events") as room:
            for n in range(3):
                # Three residents at three addresses: a third new one from one
                # address would be from a burst, its card sent apart.
                connector = aiohttp.TCPConnector(local_addr=(f"127.0.0.{n + 2}", 0))
                async with browser(connector) as r_http:
                    resident = Visitor(app, r_http)
                    await resident.get("/")
                    async with events(resident, "/chat/events") as feed:
                        await resident.post_json(
                            "/chat/send", {"text": f"Question {n} about parking?", "intent": "ask"}
                        )
                        await feed.until(f"#{n + 1}")
            held.release.set()
            combined = await room.until("3 new questions.")

    text = EventStream.text_of(combined)
    assert "Use each card's buttons, or type /answer NUMBER text in the command box." in text
    assert "Reply" not in text
    assert len(combined["buttons"]) == 3


async def test_the_alert_chooser_on_the_page_says_choose_not_tap(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        resident = Visitor(app, http)
        await resident.get("/")
        async with events(resident, "/chat/events") as feed:
            await resident.post_json("/chat/send", {"text": "/subscribe"})
            chooser = EventStream.text_of(await feed.until("Alerts from"))

    assert "Choose an alert below to turn it on or off." in chooser
    assert "Tap" not in chooser
