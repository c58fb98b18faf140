"""Subscribing to e-mail alerts on the web site, through the real app, its
web side and a real SMTP server (aiosmtpd on 127.0.0.1): the form (forums
or a postcode, alert types); the confirmation e-mail and its link (double
opt-in: nothing listed or sent before it is pressed, and it expires); every
e-mail to a subscriber carrying RFC 2369 List-Unsubscribe and RFC 8058
List-Unsubscribe-Post; the unsubscribe address acting only on POST (a GET
shows a button); choosing alerts; seeing and erasing what is kept."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest

from bot.core import fetch_all
from forumbot.app import App
from tests.e2e.telegram_setup import running, staff_says
from tests.email.email_setup import environ, make_config
from tests.fakes.smtp_server import FakeSmtp, Received
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(60)

ADDRESS = "Ann.Smith@Example.org"
ANN = "ann.smith@example.org"
LINK = re.compile(r"https?://\S+")


def site(app: App) -> str:
    return str(app.config.web.public_url)


async def subscriptions_of(app: App, address: str) -> list[tuple[str, str]]:
    async with app.core.db.read() as tx:
        rows = await fetch_all(
            tx,
            "SELECT s.forum_id, s.alert_type FROM subscription s JOIN resident r"
            " ON r.id = s.resident_id WHERE r.platform = 'email' AND r.user_id = ?"
            " ORDER BY 1, 2",
            (address,),
        )
    return [(str(r[0]), str(r[1])) for r in rows]


async def residents_on_email(app: App) -> int:
    async with app.core.db.read() as tx:
        rows = await fetch_all(tx, "SELECT COUNT(*) FROM resident WHERE platform = 'email'")
    return int(rows[0][0])


def links_in(mail: Received) -> list[str]:
    return LINK.findall(mail.part("plain"))


async def ask_for_alerts(
    http: aiohttp.ClientSession, app: App, smtp: FakeSmtp, **form: str | list[str]
) -> tuple[str, Received]:
    """The form sent; returns the page's text and the confirmation e-mail."""
    start = len(smtp.messages)
    async with http.post(f"{site(app)}/email/subscribe", data=form) as reply:
        assert reply.status == 200, await reply.text()
        page = await reply.text()
    mails = await smtp.wait_for(start + 1)
    return page, mails[start]


async def confirm(http: aiohttp.ClientSession, url: str) -> str:
    async with http.get(url) as shown:
        assert shown.status == 200
        page = await shown.text()
    token = re.search(r'name="t" value="([^"]+)"', page)
    assert token is not None and "Confirm</button>" in page
    async with http.post(url.split("?")[0], data={"t": token.group(1)}) as done:
        assert done.status == 200
        return await done.text()


async def test_subscribe_confirm_alert_and_one_click_unsubscribe(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    config = make_config(tmp_path, smtp, telegram)
    async with running(config, environ(telegram)) as app, aiohttp.ClientSession() as http:
        async with http.get(f"{site(app)}/") as home:  # every page of the site links to it
            assert '<a href="/email/subscribe">Alerts by e-mail</a>' in await home.text()
        async with http.get(f"{site(app)}/email/subscribe") as form:
            page = await form.text()
        assert 'type="email"' in page and "Bromley Police Online Forum (BR1, BR2)" in page
        assert "crime-prevention advice" in page and 'lang="en-GB"' in page  # as the site
        # The site's own skip link and navigation, this page marked as the current one.
        assert '<a class="skip" href="#main">Skip to content</a>' in page
        assert '<a href="/email/subscribe" aria-current="page">Alerts by e-mail</a>' in page
        assert '<a href="/archive">Answers</a>' in page

        page, mail = await ask_for_alerts(
            http, app, smtp, address=ADDRESS, postcode="br1 3qr", type=["advice", "appeals"]
        )
        assert "Check your inbox" in page and ANN in page
        assert mail.rcpt_tos == [ANN]
        assert mail.message["Subject"] == "Confirm your e-mail alerts"
        assert "List-Unsubscribe" not in mail.message  # not a subscriber yet
        text = mail.part("plain")
        assert "Bromley Police Online Forum" in text and "within 2 days" in text
        (url,) = [link for link in links_in(mail) if "/email/confirm?t=" in link]
        assert f'<a href="{url}"' in mail.part("html")  # a link in the HTML too

        # Nothing listed, nothing sent, until the link is pressed.
        assert await residents_on_email(app) == 0
        said = await staff_says(telegram, "/alert bromley advice Before confirming", "is going to")
        assert "is going to 0 subscribers" in said.plain_text
        # A scanner's GET or HEAD of the link changes nothing.
        async with http.get(url) as scanned:
            assert scanned.status == 200
        async with http.head(url) as checked:  # as GET, without the page (the trial's HEAD 405)
            assert checked.status == 200 and checked.content_type == "text/html"
            assert await checked.read() == b""
        assert await residents_on_email(app) == 0

        done = await confirm(http, url)
        assert "You are subscribed" in done and ANN in done
        assert await subscriptions_of(app, ANN) == [("bromley", "advice"), ("bromley", "appeals")]
        async with http.get(url) as again:  # used: it says so (the trial's L1), no 404
            assert again.status == 200
            assert "You are already subscribed" in await again.text()

        start = len(smtp.messages)
        said = await staff_says(telegram, "/alert bromley advice Lock <b>sheds</b>", "is going to")
        assert "is going to 1 subscriber" in said.plain_text
        alert = (await smtp.wait_for(start + 1))[start]
        assert "Lock <b>sheds</b>" in alert.part("plain")
        header = str(alert.message["List-Unsubscribe"])
        assert re.fullmatch(rf"<{re.escape(site(app))}/email/unsubscribe\?t=[\w-]+>", header)
        assert alert.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        unsubscribe = header.strip("<>")
        html = alert.part("html")
        assert "Stop all alerts</a>" in html and "Choose your alerts</a>" in html
        assert "See or erase what we keep about you</a>" in html
        assert "use the links at the end of this e-mail" in alert.part("plain")

        # A GET or HEAD (a link scanner, a preview) shows a button and unsubscribes nobody.
        async with http.get(unsubscribe) as shown:
            assert shown.status == 200
            assert "Stop all alerts</button>" in await shown.text()
        async with http.head(unsubscribe) as checked:
            assert checked.status == 200
        assert await subscriptions_of(app, ANN) != []
        # The mail client's one-click POST (RFC 8058): no cookies, the token in the address.
        async with (
            aiohttp.ClientSession() as client,
            client.post(
                unsubscribe,
                data=b"List-Unsubscribe=One-Click",
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            ) as clicked,
        ):
            assert clicked.status == 200
            assert "Alerts stopped" in await clicked.text()
        assert await subscriptions_of(app, ANN) == []
        said = await staff_says(telegram, "/alert bromley advice After stopping", "is going to")
        assert "is going to 0 subscribers" in said.plain_text


async def test_the_form_says_what_is_missing(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    config = make_config(tmp_path, smtp, telegram)
    async with running(config, environ(telegram)) as app, aiohttp.ClientSession() as http:
        async with http.post(
            f"{site(app)}/email/subscribe",
            data={"address": "not an address", "postcode": "SE9 1AB"},
        ) as reply:
            assert reply.status == 400
            page = await reply.text()
        assert "Give an e-mail address, like name@example.org." in page
        assert "No forum covers SE9 1AB" in page
        assert "Choose at least one kind of alert." in page
        assert 'role="alert"' in page and 'value="not an address"' in page
        async with http.post(
            f"{site(app)}/email/subscribe",
            data={"address": "<b>x</b>@example.org", "postcode": "ZZ<script>"},
        ) as reply:
            page = await reply.text()
        assert "<script>" not in page and "&lt;script&gt;" in page
    assert smtp.messages == []


async def test_a_confirmation_link_expires(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    config = make_config(tmp_path, smtp, telegram, confirm_within=timedelta(milliseconds=300))
    async with running(config, environ(telegram)) as app, aiohttp.ClientSession() as http:
        _, mail = await ask_for_alerts(
            http, app, smtp, address=ADDRESS, forum="bromley", type="advice"
        )
        (url,) = [link for link in links_in(mail) if "/email/confirm?t=" in link]
        await asyncio.sleep(0.4)  # past the link's 300 ms
        async with http.get(url) as late:
            assert late.status == 404
            assert "This link no longer works" in await late.text()
        async with http.post(url.split("?")[0], data={"t": url.split("t=")[1]}) as late:
            assert late.status == 404
        assert await residents_on_email(app) == 0


async def test_choose_alerts_see_data_and_erase(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    config = make_config(tmp_path, smtp, telegram)
    async with running(config, environ(telegram)) as app, aiohttp.ClientSession() as http:
        _, mail = await ask_for_alerts(
            http, app, smtp, address=ADDRESS, forum="bromley", type=["advice", "outcomes"]
        )
        (url,) = [link for link in links_in(mail) if "/email/confirm?t=" in link]
        done = await confirm(http, url)
        manage = re.search(r'href="([^"]+/email/manage\?t=[^"]+)"', done)
        assert manage is not None
        manage_url = manage.group(1).replace("&amp;", "&")
        token = manage_url.split("t=")[1]
        async with http.get(manage_url) as shown:
            page = await shown.text()
        assert 'value="bromley:advice" checked' in page and 'value="bromley:appeals">' in page
        async with http.post(
            f"{site(app)}/email/manage",
            data={"t": token, "choice": ["bromley:appeals", "bromley:consultations"]},
        ) as saved:
            assert "Saved" in await saved.text()
        assert await subscriptions_of(app, ANN) == [
            ("bromley", "appeals"),
            ("bromley", "consultations"),
        ]
        async with http.get(f"{site(app)}/email/data?t={token}") as shown:
            page = await shown.text()
        assert "appeals for information" in page and "R-" in page  # the pseudonym
        assert "use the button below" in page and "Erase everything we keep about me" in page
        start = len(smtp.messages)
        async with http.post(f"{site(app)}/email/data", data={"t": token, "erase": "yes"}) as gone:
            assert "Erased" in await gone.text()
        assert await residents_on_email(app) == 0
        last = (await smtp.wait_for(start + 1))[start]
        assert last.rcpt_tos == [ANN] and "List-Unsubscribe" not in last.message
        # The trial's L3: the subject ends at a word, unfolded and unencoded (no
        # double space in a mail client); the words are an e-mail's, not a chat's.
        assert last.raw_header("Subject") == (
            "Done. We no longer hold your e-mail address or any link from you..."
        )
        assert "This is the last e-mail you will get from us." in last.part("plain")
        assert "If you write again" not in last.part("plain")
        async with http.get(f"{site(app)}/email/data?t={token}") as dead:
            assert dead.status == 404
        async with http.get(f"{site(app)}/email/unsubscribe?t=1-{'A' * 32}") as forged:
            assert forged.status == 404


async def test_confirmations_are_limited_for_the_whole_site(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    config = make_config(tmp_path, smtp, telegram)
    async with running(config, environ(telegram)) as app, aiohttp.ClientSession() as http:
        app.email.pages.per_minute = 2
        statuses = []
        for n in range(3):
            form = {"address": f"person{n}@example.org", "forum": "bromley", "type": "advice"}
            async with http.post(f"{site(app)}/email/subscribe", data=form) as reply:
                statuses.append(reply.status)
                page = await reply.text()
        assert statuses == [200, 200, 429]
        assert "Nothing was sent: please try again in a minute." in page
        await smtp.wait_for(2)
        await asyncio.sleep(0.3)
        assert sorted(r for m in smtp.messages for r in m.rcpt_tos) == [
            "person0@example.org",
            "person1@example.org",
        ]
