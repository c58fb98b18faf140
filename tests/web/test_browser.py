"""In a real headless browser (Debian's chromium through Playwright): a
resident asks on the chat page and sees, without reloading, the answer an
officer gives in the console; the pages work from the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import expect

from tests.web.browser import chromium
from tests.web.web_setup import OFFICER_NAME, OFFICER_PASSWORD, base_url, running_web

pytestmark = pytest.mark.timeout(90)


async def test_resident_asks_on_the_page_and_sees_the_answer_given_in_the_console(
    tmp_path: Path,
) -> None:
    async with running_web(tmp_path) as app, chromium() as browser:
        base = base_url(app)
        errors: list[str] = []
        resident = await (await browser.new_context()).new_page()
        resident.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        await resident.goto(base + "/")
        await resident.get_by_label("Your message").fill(
            "When will the street lights on Elm Road be fixed? <b>soon</b>?"
        )
        await resident.get_by_role("button", name="Ask the police team").click()
        messages = resident.locator("#messages")
        await expect(messages).to_contain_text("Your question to Bromley Police Online Forum is #1")
        await expect(messages).to_contain_text("<b>soon</b>")  # shown as text, not markup

        officer = await (await browser.new_context()).new_page()
        await officer.goto(base + "/staff")
        await officer.get_by_label("Username").fill(OFFICER_NAME)
        await officer.get_by_label("Password").fill(OFFICER_PASSWORD)
        await officer.get_by_role("button", name="Sign in").click()
        await expect(officer.get_by_role("heading", level=1)).to_contain_text("staff room")
        room = officer.locator("#messages")
        await expect(room).to_contain_text("Question #1")
        await officer.get_by_role("button", name="Approve #1").click()
        await expect(room).to_contain_text("#1")
        # A card's own Answer button starts the command, as replying does in the apps.
        await officer.get_by_role("button", name="Answer #1").click()
        await expect(officer.get_by_label("Command")).to_be_focused()
        await officer.keyboard.type("The council repairs them on Friday.")
        await expect(officer.get_by_label("Command")).to_have_value(
            "answer 1 The council repairs them on Friday."
        )
        await officer.get_by_label("Command").press("Tab")
        await officer.keyboard.press("Enter")  # the Send button, from the keyboard

        # The resident's page was not reloaded: the answer arrived live.
        await expect(messages).to_contain_text("The council repairs them on Friday.")
        assert not [e for e in errors if "Content Security Policy" in e], errors


async def test_the_chat_page_works_from_the_keyboard_and_without_script(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, chromium() as browser:
        page = await (await browser.new_context()).new_page()
        await page.goto(base_url(app) + "/")
        await page.keyboard.press("Tab")
        skip = page.get_by_role("link", name="Skip to content")
        await expect(skip).to_be_focused()
        await page.keyboard.press("Enter")
        await page.get_by_label("Your message").focus()
        await page.keyboard.type("/next")
        await page.keyboard.press("Tab")
        await page.keyboard.press("Enter")
        await expect(page.locator("#messages")).to_contain_text("Upcoming live sessions")

        still = await (await browser.new_context(java_script_enabled=False)).new_page()
        await still.goto(base_url(app) + "/")
        await still.get_by_label("Your message").fill("/next")
        await still.get_by_role("button", name="Send", exact=True).click()  # a plain form post
        await still.wait_for_url("**/#messages")
        # The page after the redirect waited for the reply: no reload needed.
        await expect(still.locator("#messages")).to_contain_text("Upcoming live sessions")


async def test_an_answer_given_in_the_console_appears_in_the_archive_and_the_feed(
    tmp_path: Path,
) -> None:
    async with running_web(tmp_path) as app, chromium() as browser:
        base = base_url(app)
        resident = await (await browser.new_context()).new_page()
        await resident.goto(base + "/")
        await resident.get_by_label("Your message").fill(
            "Is the underpass by the station lit at night? I'm Jane Smith, 07700 900123."
        )
        await resident.get_by_role("button", name="Ask the police team").click()
        await expect(resident.locator("#messages")).to_contain_text("#1")

        officer = await (await browser.new_context()).new_page()
        await officer.goto(base + "/staff/login")
        await officer.get_by_label("Username").fill(OFFICER_NAME)
        await officer.get_by_label("Password").fill(OFFICER_PASSWORD)
        await officer.get_by_role("button", name="Sign in").click()
        room = officer.locator("#messages")
        await expect(room).to_contain_text("Question #1")
        await officer.get_by_role("button", name="Open a session now").click()
        await expect(room).to_contain_text("is open until")
        command = officer.get_by_label("Command")
        await command.fill("approve 1")  # the suggested text, details replaced
        await officer.get_by_role("button", name="Send", exact=True).click()
        await expect(room).to_contain_text("#1 approved")
        await command.fill("answer 1 Yes: the council relit it last week.")
        await officer.get_by_role("button", name="Send", exact=True).click()
        await expect(room).to_contain_text("#1 answered")

        public = await (await browser.new_context()).new_page()
        await public.goto(base + "/")
        await public.get_by_role("link", name="Answers").click()
        await (
            public.get_by_role("main")
            .get_by_role("link", name="Bromley Police Online Forum")
            .click()
        )
        await public.locator("a[href='/archive/bromley/sessions/1']").click()
        article = public.get_by_role("article")
        await expect(article).to_contain_text("Is the underpass by the station lit at night?")
        await expect(article).to_contain_text("the council relit it last week")
        assert "Jane Smith" not in await public.content()
        assert "07700" not in await public.content()
        await article.get_by_role("link", name="Question #1").click()
        await expect(public).to_have_url(f"{base}/archive/bromley/questions/1")

        feed = await public.request.get(base + "/archive/bromley/answers.atom")
        body = await feed.text()
        assert "the council relit it last week" in body and "Jane Smith" not in body
