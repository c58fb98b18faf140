"""The newsletter by e-mail through the real app (issue 17): a resident
chooses it on the web site's form and confirms the address (double
opt-in); an officer sends it from the Telegram staff room and it reaches
them at a real SMTP server (aiosmtpd on 127.0.0.1, tests/fakes) as plain
text and accessible HTML with the one-click unsubscribe headers, the
published answer in it, nothing of the words as received; nobody who did
not choose it gets it."""

from __future__ import annotations

import re
from pathlib import Path

import aiohttp
import pytest

from tests.e2e.telegram_setup import (
    PHRASE,
    PUBLIC_CHANNEL,
    WAIT_S,
    ask,
    card_for,
    running,
    staff_says,
    to_chat_containing,
)
from tests.email.email_setup import BOB, FROM, environ, make_config, subscribe
from tests.email.test_email_subscribing import ANN, ask_for_alerts, confirm, links_in, site
from tests.fakes.smtp_server import FakeSmtp
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(60)

ASKED = f"{PHRASE} why do cars park on the pavement on Elm Road & Oak Lane? Jo Bloggs, 07700 900123"
PUBLISHED = "Why do cars park on the pavement on Elm Road & Oak Lane?"
ANSWER = "We patrol <Elm Road> on Fridays now."


async def test_the_newsletter_reaches_an_email_subscriber_as_text_and_html(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    config = make_config(tmp_path, smtp, telegram)
    async with running(config, environ(telegram)) as app, aiohttp.ClientSession() as http:
        async with http.get(f"{site(app)}/email/subscribe") as form:
            assert 'value="newsletter"' in await form.text()  # one of the types offered
        _, asked = await ask_for_alerts(
            http, app, smtp, address="Ann.Smith@Example.org", forum="bromley", type=["newsletter"]
        )
        (url,) = [link for link in links_in(asked) if "/email/confirm?t=" in link]
        assert "You are subscribed" in await confirm(http, url)
        await subscribe(app, BOB, "appeals", "summaries")
        mails = len(smtp.messages)
        await ask(telegram, ASKED, user=4242)
        await card_for(telegram, 1)
        await staff_says(telegram, f"/approve 1 {PUBLISHED}", "#1")
        await staff_says(telegram, "/open", "live until")
        start = len(telegram.sent)
        await staff_says(telegram, f"/answer 1 {ANSWER}", "#1")
        await telegram.wait_for_sent(
            to_chat_containing(PUBLIC_CHANNEL, "Fridays"), WAIT_S, start=start
        )
        await staff_says(telegram, "/close", "is closed")
        # Bob chose summaries: the session's, at its close.
        summary = (await smtp.wait_for(mails + 1))[mails:]
        assert [m.rcpt_tos for m in summary] == [[BOB]]

        preview = await staff_says(telegram, "/newsletter", "as it would go now")
        assert "to 1 subscriber (1 on e-mail)" in preview.plain_text

        said = await staff_says(telegram, "/newsletter send", "Newsletter #1")
        assert "is going to 1 subscriber" in said.plain_text
        mail = (await smtp.wait_for(mails + 2))[mails + 1]
        assert mail.rcpt_tos == [ANN] and mail.mail_from == FROM
        m = mail.message
        assert m["Subject"] == "Bromley Police Online Forum: newsletter"
        assert m["List-Id"] == "Bromley Police Online Forum <alerts.forum.example.police.uk>"
        assert m.get_content_type() == "multipart/alternative"
        unsubscribe = str(m["List-Unsubscribe"])
        assert re.fullmatch(rf"<{re.escape(site(app))}/email/unsubscribe\?t=[\w-]+>", unsubscribe)
        assert m["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

        text = mail.part("plain").replace("\r\n", "\n")
        assert "Answers from the live session of " in text
        assert f"Question #1: {PUBLISHED}\nAnswer: {ANSWER}" in text  # as written
        assert "Next live sessions" in text
        assert f"Every answer so far: {site(app)}/archive/bromley" in text
        assert "Bloggs" not in text and "07700" not in text  # only what was published

        html = mail.part("html")
        assert '<html lang="en">' in html
        assert "Bromley Police Online Forum: newsletter" in html
        # The newsletter's headings are the e-mail's headings (its <h1> is the sender's name).
        assert re.search(r"<h2 [^>]*>Bromley Police Online Forum: newsletter</h2>", html)
        assert re.search(r"<h3 [^>]*>Next live sessions</h3>", html)
        assert "Oak Lane?" in html and "&amp; Oak Lane" in html  # escaped, never markup
        assert "We patrol &lt;Elm Road&gt; on Fridays now." in html
        assert "<strong>Question #1:</strong>" in html
        assert "<table" not in html
        assert "Bloggs" not in html
