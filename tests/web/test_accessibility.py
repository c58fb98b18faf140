"""The pages against axe-core's WCAG 2.2 A and AA rules (labels, contrast,
landmarks, headings, names of controls), and readable on a phone: no
sideways scrolling at 375 pixels wide."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.async_playwright import Axe
from playwright.async_api import Page, expect

from tests.web.browser import chromium
from tests.web.web_setup import OFFICER_NAME, OFFICER_PASSWORD, base_url, running_web

pytestmark = pytest.mark.timeout(120)

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}
}
PHONE = {"width": 375, "height": 740}


async def _check(page: Page, what: str) -> None:
    results = await Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, f"{what}:\n{results.generate_snapshot()}"
    scroll = await page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= PHONE["width"], f"{what} scrolls sideways on a phone ({scroll}px)"


async def test_resident_and_console_pages_meet_wcag_aa_on_a_phone(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, chromium() as browser:
        base = base_url(app)
        resident = await (await browser.new_context(viewport=PHONE)).new_page()
        await resident.goto(base + "/")
        await _check(resident, "chat page")
        await resident.get_by_label("Your message").fill("Is the park gate locked at night?")
        await resident.get_by_role("button", name="Ask the police team").click()
        await expect(resident.locator("#messages")).to_contain_text("#1")
        await _check(resident, "chat page with replies")

        officer = await (await browser.new_context(viewport=PHONE)).new_page()
        await officer.goto(base + "/staff/login")
        await _check(officer, "sign-in page")
        await officer.get_by_label("Username").fill(OFFICER_NAME)
        await officer.get_by_label("Password").fill("wrong password entirely")
        await officer.get_by_role("button", name="Sign in").click()
        await expect(officer.get_by_role("alert")).to_contain_text("not right")
        await _check(officer, "sign-in page with an error")
        await officer.get_by_label("Password").fill(OFFICER_PASSWORD)
        await officer.get_by_role("button", name="Sign in").click()
        await expect(officer.locator("#messages")).to_contain_text("Question #1")
        await _check(officer, "staff room with a card")
        # An URGENT card (issue 15): live on top, then on the page built again.
        await resident.get_by_label("Your message").fill(
            "someone is attacking my neighbour right now"
        )
        await resident.get_by_role("button", name="Ask the police team").click()
        await expect(officer.locator("#urgent")).to_contain_text("Question #2")
        await _check(officer, "staff room with an URGENT card arrived live")
        await officer.reload()
        await expect(officer.locator("#urgent")).to_contain_text("Question #2")
        await _check(officer, "staff room with an URGENT card")


async def test_the_public_archive_meets_wcag_aa_on_a_phone(tmp_path: Path) -> None:
    from tests.web.test_archive import _published_forum

    async with running_web(tmp_path) as app, chromium() as browser:
        await _published_forum(app, tmp_path)
        page = await (await browser.new_context(viewport=PHONE)).new_page()
        base = base_url(app)
        for path, what in (
            ("/archive", "archive index"),
            ("/archive/bromley?q=council", "forum page with search results"),
            ("/archive/bromley/sessions/2", "session page with a follow-up"),
            ("/archive/bromley/questions/1", "question page"),
            ("/archive/bromley/questions/99", "not found page"),
        ):
            await page.goto(base + path)
            await _check(page, what)
