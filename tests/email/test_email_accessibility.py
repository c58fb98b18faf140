"""The subscription pages and the e-mails themselves against axe-core's
WCAG 2.2 A and AA rules (labels, contrast, landmarks, headings, language),
and readable on a phone: the form empty, with its problems, "check your
inbox", the confirmation's page, choosing alerts, and an alert's HTML as a
mail client would show it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.telegram_setup import running, staff_says
from tests.email.email_setup import environ, make_config
from tests.fakes.smtp_server import FakeSmtp
from tests.fakes.telegram_server import FakeTelegram
from tests.web.browser import chromium
from tests.web.test_accessibility import PHONE, _check

pytestmark = pytest.mark.timeout(120)


async def test_the_pages_and_the_emails_meet_wcag_aa_on_a_phone(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    config = make_config(tmp_path, smtp, telegram)
    async with running(config, environ(telegram)) as app, chromium() as browser:
        site = str(app.config.web.public_url)
        page = await (await browser.new_context(viewport=PHONE)).new_page()
        await page.goto(site + "/email/subscribe")
        await _check(page, "subscription form")
        await page.get_by_label("Your e-mail address").fill("ann@example.org")
        await page.get_by_label("Bromley Police Online Forum (BR1, BR2)").uncheck()
        await page.get_by_label("crime-prevention advice").uncheck()
        await page.get_by_label("appeals for information").uncheck()
        await page.get_by_role("button", name="Send me the link to confirm").click()
        await page.get_by_role("alert").wait_for()
        await _check(page, "subscription form with its problems")
        await page.get_by_label("Bromley Police Online Forum (BR1, BR2)").check()
        await page.get_by_label("crime-prevention advice").check()
        await page.get_by_role("button", name="Send me the link to confirm").click()
        await page.get_by_role("heading", name="Check your inbox").wait_for()
        await _check(page, "check your inbox")

        (mail,) = await smtp.wait_for(1)
        link = re.search(r"\S+/email/confirm\?t=\S+", mail.part("plain"))
        assert link is not None
        await page.goto(link.group(0))
        await _check(page, "confirm page")
        await page.get_by_role("button", name="Confirm").click()
        await page.get_by_role("heading", name="You are subscribed").wait_for()
        await _check(page, "subscribed")
        await page.get_by_role("link", name="Choose your alerts").click()
        await _check(page, "choose your alerts")

        await staff_says(telegram, "/alert bromley advice Lock <b>your</b> sheds", "is going to 1")
        alert = (await smtp.wait_for(2))[1]
        # As a mail client shows it: a page of its own, not under the site's CSP.
        reader = await (await browser.new_context(viewport=PHONE)).new_page()
        await reader.set_content(alert.part("html"))
        await _check(reader, "an alert's HTML")
        await reader.set_content(mail.part("html"))
        await _check(reader, "the confirmation e-mail's HTML")
