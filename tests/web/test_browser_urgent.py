"""In a real headless browser (Debian's chromium through Playwright): an
URGENT card arriving in an open console goes to the top, is announced (the
alert region, the title; no sound unless the officer turns it on), and every
card shows its question's state live, its buttons that no longer apply gone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.async_api import expect

from tests.web.browser import chromium
from tests.web.web_setup import (
    OFFICER_NAME,
    OFFICER_PASSWORD,
    Visitor,
    base_url,
    browser,
    running_web,
)

pytestmark = pytest.mark.timeout(120)


async def test_an_urgent_card_arrives_on_top_announced_and_cards_change_live(
    tmp_path: Path,
) -> None:
    async with running_web(tmp_path) as app, chromium() as chrome, browser() as r1, browser() as r2:
        base = base_url(app)
        errors: list[str] = []
        officer = await (await chrome.new_context()).new_page()
        officer.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        await officer.goto(base + "/staff")
        await officer.get_by_label("Username").fill(OFFICER_NAME)
        await officer.get_by_label("Password").fill(OFFICER_PASSWORD)
        await officer.get_by_role("button", name="Sign in").click()
        await expect(officer.get_by_role("heading", level=1)).to_contain_text("staff room")
        # The sound is there to turn on, and off until the officer does.
        await expect(
            officer.get_by_label("Play a sound when an URGENT question arrives")
        ).not_to_be_checked()
        await expect(officer.locator("#urgent-section")).to_be_hidden()

        ordinary = Visitor(app, r1)
        await ordinary.get("/")
        await ordinary.post_json(
            "/chat/send", {"text": "Is the park locked at night?", "intent": "ask"}
        )
        room = officer.locator("#messages")
        await expect(room).to_contain_text("Question #1")
        worried = Visitor(app, r2)
        await worried.get("/")
        await worried.post_json(
            "/chat/send", {"text": "someone is attacking my neighbour right now", "intent": "ask"}
        )

        urgent = officer.locator("#urgent li").first
        await expect(urgent).to_contain_text("Question #2")
        await expect(urgent.locator(".urgent-label")).to_have_text("URGENT")
        await expect(officer.locator("#urgent-section")).to_be_visible()
        await expect(officer.get_by_role("alert").filter(has_text="URGENT")).to_have_text(
            "New URGENT question #2. It is at the top of the page."
        )
        await expect(officer).to_have_title(re.compile(r"^\(1 URGENT\) .*staff room"))
        assert (
            await room.locator("li", has_text="Question #2").count() == 0
        )  # not in the ordinary list

        # Seen: the card says who saw it, its Seen button goes, the title stops counting it.
        await urgent.get_by_role("button", name="Seen #2").click()
        await expect(urgent.locator(".card-state")).to_contain_text("Seen by")
        await expect(urgent.get_by_role("button", name="Seen #2")).to_have_count(0)
        await expect(urgent.get_by_role("button", name="Approve #2")).to_be_visible()
        await expect(officer).to_have_title(re.compile(r"^[^(].*staff room"))

        # Rejected from the command box: its card says so and every button goes.
        ordinary_card = room.locator("li", has_text="Question #1")
        await officer.get_by_label("Command").fill("reject 1 not one for this forum")
        await officer.get_by_role("button", name="Send", exact=True).click()
        await expect(ordinary_card.locator(".card-state")).to_contain_text("Rejected")
        await expect(ordinary_card.get_by_role("button")).to_have_count(0)
        # Approved by its button: "Approve" goes, the rest (and Answer) stay.
        await urgent.get_by_role("button", name="Approve #2").click()
        await expect(urgent.locator(".card-state")).to_contain_text("Approved")
        await expect(urgent.get_by_role("button", name="Approve #2")).to_have_count(0)
        await expect(urgent.get_by_role("button", name="Answer #2")).to_be_visible()
        await expect(urgent.get_by_role("button", name="Reject #2")).to_be_visible()

        # The page built again (no script needed): the same, URGENT card first.
        await officer.reload()
        await expect(officer.locator("#urgent li").first).to_contain_text("Question #2")
        await expect(officer.locator("#urgent li").first.locator(".card-state")).to_contain_text(
            "Approved"
        )
        await expect(
            room.locator("li", has_text="Question #1").get_by_role("button")
        ).to_have_count(0)
        assert not errors, errors
