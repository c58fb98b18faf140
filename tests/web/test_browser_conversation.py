"""The chat page as a conversation in a real browser (Debian's chromium
through Playwright), where its script matters: "Send" gets help for a
greeting and "Ask the police team" asks; what the resident wrote shows once;
a consultation arrives live with its answer box; a send that fails says so
and keeps the text; without script, the page after the form's redirect
shows the resident's message and the reply."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Route, expect

from tests.web.browser import chromium
from tests.web.test_web_conversation import conversation_config, running
from tests.web.web_setup import OFFICER_NAME, OFFICER_PASSWORD, base_url

pytestmark = pytest.mark.timeout(90)


async def test_send_gets_help_and_ask_asks_and_a_failed_send_is_shown(tmp_path: Path) -> None:
    async with running(conversation_config(tmp_path)) as app, chromium() as browser:
        page = await (await browser.new_context()).new_page()
        await page.goto(base_url(app) + "/")
        messages = page.locator("#messages")
        box = page.get_by_label("Your message")

        await box.fill("hello")
        await page.get_by_role("button", name="Send", exact=True).click()
        await expect(messages).to_contain_text("How to ask")
        await expect(messages.locator("li.mine")).to_have_count(1)  # shown once, not twice
        await expect(messages.locator("li.mine")).to_contain_text("hello")
        await expect(box).to_have_value("")

        await box.fill("Is the park gate locked at night?")
        await page.get_by_role("button", name="Ask the police team").click()
        await expect(messages).to_contain_text("Your question to Bromley Police Online Forum is #1")
        await expect(messages.locator("li.mine")).to_have_count(2)

        # The network fails: the page says so and the text stays to send again.
        async def cut(route: Route) -> None:
            await route.abort("connectionreset")

        await page.route("**/chat/send", cut)
        await box.fill("Are the street lights on Elm Road fixed?")
        await page.get_by_role("button", name="Ask the police team").click()
        alert = page.get_by_role("alert")
        await expect(alert).to_contain_text("Your message could not be sent")
        await expect(box).to_have_value("Are the street lights on Elm Road fixed?")
        await page.unroute("**/chat/send")
        # The server refuses (too long): its reason, shown the same way.
        await box.evaluate("b => { b.removeAttribute('maxlength'); }")
        await box.fill("x" * 2001)
        await page.get_by_role("button", name="Ask the police team").click()
        await expect(alert).to_contain_text("2001 characters long; the most we can take is 2000")


async def test_a_consultation_arrives_live_with_its_answer_box(tmp_path: Path) -> None:
    async with running(conversation_config(tmp_path)) as app, chromium() as browser:
        base = base_url(app)
        resident = await (await browser.new_context()).new_page()
        await resident.goto(base + "/")
        messages = resident.locator("#messages")
        await resident.get_by_label("Your message").fill("/subscribe")
        await resident.get_by_role("button", name="Send", exact=True).click()
        await resident.get_by_role("button", name="consultations").click()
        await expect(messages).to_contain_text("consultations: on")

        officer = await (await browser.new_context()).new_page()
        await officer.goto(base + "/staff/login")
        await officer.get_by_label("Username").fill(OFFICER_NAME)
        await officer.get_by_label("Password").fill(OFFICER_PASSWORD)
        await officer.get_by_role("button", name="Sign in").click()
        await officer.get_by_label("Command").fill('survey bromley "What should we patrol more?"')
        await officer.get_by_role("button", name="Send", exact=True).click()
        await expect(officer.locator("#messages")).to_contain_text("Consultation #1 is going")

        # Live, without a reload: the consultation in the page's words, and its box.
        await expect(messages).to_contain_text("Write your answer in the box below this message")
        await expect(messages).not_to_contain_text("Reply to this message")
        answer = resident.get_by_label("Your answer")
        await answer.fill("The underpass at night")
        await resident.get_by_role("button", name="Send answer").click()
        await expect(messages).to_contain_text(
            'your answer to consultation #1 is "The underpass at night"'
        )
        await expect(answer).to_have_value("")


async def test_without_script_the_reply_is_on_the_page_after_the_redirect(tmp_path: Path) -> None:
    async with running(conversation_config(tmp_path)) as app, chromium() as browser:
        page = await (await browser.new_context(java_script_enabled=False)).new_page()
        await page.goto(base_url(app) + "/")
        await page.get_by_label("Your message").fill("Is the park gate locked at night?")
        await page.get_by_role("button", name="Ask the police team").click()
        await page.wait_for_url("**/#messages")
        messages = page.locator("#messages")
        # No reload: the page after the redirect has both.
        await expect(messages.locator("li.mine")).to_contain_text(
            "Is the park gate locked at night?"
        )
        await expect(messages).to_contain_text("Your question to Bromley Police Online Forum is #1")
        await page.get_by_label("Your message").fill("thanks!")
        await page.get_by_role("button", name="Send", exact=True).click()
        await page.wait_for_url("**/#messages")
        await expect(messages).to_contain_text("How to ask")
