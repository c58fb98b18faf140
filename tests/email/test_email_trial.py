"""What the fresh-eyes trial of e-mail found, each as the user sees it,
through the real app against a real SMTP server (aiosmtpd on 127.0.0.1)."""

from __future__ import annotations

import asyncio
import io
import logging
import re
from pathlib import Path

import aiohttp
import pytest

from bot.core import fetch_all
from bot.edge.startup import StartupFailure
from forumbot import admin
from forumbot.app import App
from tests.e2e.telegram_setup import (
    STAFF_GROUP,
    WAIT_S,
    eventually,
    running,
    staff_says,
    to_chat_containing,
)
from tests.email.email_setup import ANN, environ, make_config, subscribe
from tests.email.test_email_config import write_with
from tests.facebook.test_facebook_config import forumbot, free_port
from tests.fakes.smtp_server import FakeSmtp
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(60)


def site(app: App) -> str:
    return str(app.config.web.public_url)


async def states(app: App, address: str) -> list[str]:
    async with app.core.db.read() as tx:
        rows = await fetch_all(
            tx,
            "SELECT state FROM outbox WHERE platform = 'email' AND chat_id = ? ORDER BY id",
            (address,),
        )
    return [str(r[0]) for r in rows]


async def ask(http: aiohttp.ClientSession, app: App, address: str) -> str:
    form = {"address": address, "forum": "bromley", "type": "appeals"}
    async with http.post(f"{site(app)}/email/subscribe", data=form) as reply:
        assert reply.status == 200, await reply.text()
        return await reply.text()


async def test_addresses_outside_ascii_are_sent_and_never_spoil_the_next_email(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    async with running(make_config(tmp_path, smtp, telegram), environ(telegram)) as app:
        await subscribe(app, ANN, "appeals")
        async with aiohttp.ClientSession() as http:
            assert "Check your inbox" in await ask(http, app, "zoë@example.org")
            assert "Check your inbox" in await ask(http, app, "josé@exämple.org")
        mails = await smtp.wait_for(2)
        # SMTPUTF8 for a local part outside ASCII; IDNA's form for the domain.
        assert sorted(r for m in mails for r in m.rcpt_tos) == [
            "josé@xn--exmple-cua.org",
            "zoë@example.org",
        ]
        said = await staff_says(telegram, "/alert bromley appeals Seen a red van?", "is going to")
        assert "is going to 1 subscriber" in said.plain_text
        (alert,) = (await smtp.wait_for(3))[2:]
        assert alert.rcpt_tos == [ANN]


async def test_a_server_without_smtputf8_fails_that_email_only(
    tmp_path: Path, telegram: FakeTelegram
) -> None:
    smtp = await FakeSmtp(smtputf8=False).start()
    try:
        config = make_config(tmp_path, smtp, telegram)
        async with running(config, environ(telegram)) as app:
            await subscribe(app, ANN, "appeals")
            async with aiohttp.ClientSession() as http:
                for n in range(5):
                    assert "Check your inbox" in await ask(http, app, f"zoë{n}@example.org")

            async def failed() -> bool:
                rows = [s for n in range(5) for s in await states(app, f"zoë{n}@example.org")]
                return len(rows) == 5 and all(s == "failed" for s in rows)

            await eventually(failed)
            said = await staff_says(
                telegram, "/alert bromley appeals Seen a red van?", "is going to"
            )
            assert "is going to 1 subscriber" in said.plain_text
            (alert,) = await smtp.wait_for(1)
            assert alert.rcpt_tos == [ANN]
    finally:
        await smtp.stop()


async def test_list_unsubscribe_goes_as_a_plain_url_however_long(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    async with running(make_config(tmp_path, smtp, telegram), environ(telegram)) as app:
        await subscribe(app, ANN, "appeals")
        async with aiohttp.ClientSession() as http:
            await ask(http, app, "bob@example.net")
        (confirmation,) = await smtp.wait_for(1)
        assert confirmation.raw_header("List-Unsubscribe") is None  # not a subscriber yet
        await staff_says(telegram, "/alert bromley appeals Seen a red van?", "is going to")
        alert = (await smtp.wait_for(2))[1]
        url = alert.one_click()
        assert len(f"List-Unsubscribe: <{url}>") > 78  # longer than the folding length
        assert url.startswith(f"{site(app)}/email/unsubscribe?t=")
        async with (  # and it works, one click
            aiohttp.ClientSession() as client,
            client.post(url, data={"List-Unsubscribe": "One-Click"}) as clicked,
        ):
            assert clicked.status == 200


def test_inbound_keys_without_a_listener_are_refused_not_silent(tmp_path: Path) -> None:
    path = write_with(
        tmp_path,
        """\
          host: smtp.example.police.uk
          from_address: alerts@forum.example.police.uk
          inbound:
            listen_port: 2526
        """,
        "public_url: https://forum.example.police.uk\n",
    )
    env = {"FORUMBOT_EMAIL_LINK_SECRET": "x" * 20}
    checked = forumbot("check-config", "--config", path, cwd=tmp_path, **env)
    assert checked.returncode == 1
    assert (
        "platforms.email.inbound.listen_port: is set, but platforms.email.inbound.address is "
        "not, so the listener for questions by e-mail would not start: set inbound.address"
        in checked.stderr
    )
    ran = forumbot("run", "--config", path, "--web-port", str(free_port()), cwd=tmp_path, **env)
    assert ran.returncode == 1
    assert "platforms.email.inbound.listen_port: is set" in ran.stderr
    off = write_with(
        tmp_path,
        """\
          inbound:
            address: ask@forum.example.police.uk
        """,
        "public_url: https://forum.example.police.uk\n",
    )
    ran = forumbot("run", "--config", off, "--web-port", str(free_port()), cwd=tmp_path, **env)
    assert ran.returncode == 1
    assert (
        "platforms.email.inbound.address: is set, but e-mail is off (platforms.email.host is "
        "not set), so nothing listens for residents' e-mail" in ran.stderr
    )
    assert "Traceback" not in ran.stderr


@pytest.mark.parametrize(
    ("security", "said"),
    [
        (
            "starttls",
            "platforms.email.security: is starttls, but the server 127.0.0.1:{port} does not "
            "offer STARTTLS: use tls (usually port 465) or none, or check the port",
        ),
        (
            "tls",
            "platforms.email.security: is tls, but the server 127.0.0.1:{port} does not start "
            "TLS on connecting",
        ),
    ],
)
async def test_a_security_the_server_does_not_speak_is_said_plainly(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram, security: str, said: str
) -> None:
    config = make_config(tmp_path, smtp, telegram, security=security)
    with pytest.raises(StartupFailure) as failed:
        async with running(config, environ(telegram)):
            pass
    assert str(failed.value).startswith(said.format(port=smtp.port))
    assert "could not be reached" not in str(failed.value)


def test_check_config_warns_of_a_port_and_security_that_seldom_go_together(
    tmp_path: Path,
) -> None:
    env = {"FORUMBOT_EMAIL_LINK_SECRET": "x" * 20}
    for port, security, warning in (
        (465, "starttls", "is starttls, but port 465 expects TLS from the start"),
        (587, "tls", "is tls, but port 587 expects STARTTLS"),
    ):
        path = write_with(
            tmp_path,
            f"""\
              host: smtp.example.police.uk
              port: {port}
              security: {security}
              from_address: alerts@forum.example.police.uk
            """,
            "public_url: https://forum.example.police.uk\n",
        )
        checked = forumbot("check-config", "--config", path, cwd=tmp_path, **env)
        assert checked.returncode == 0, checked.stderr
        assert f"warning: platforms.email.security: {warning}" in checked.stdout


def test_a_from_name_with_a_line_break_is_refused_by_check_config(tmp_path: Path) -> None:
    path = write_with(
        tmp_path,
        """\
          host: smtp.example.police.uk
          from_address: alerts@forum.example.police.uk
          from_name: "Bromley\\nPolice"
        """,
        "public_url: https://forum.example.police.uk\n",
    )
    checked = forumbot(
        "check-config", "--config", path, cwd=tmp_path, FORUMBOT_EMAIL_LINK_SECRET="x" * 20
    )
    assert checked.returncode == 1
    assert (
        "platforms.email.from_name: has a line break, tab or another control character, which "
        "cannot go in an e-mail's header: write it on one line of plain text" in checked.stderr
    )
    assert "(line 6)" in checked.stderr


async def test_a_from_name_with_markup_makes_a_well_formed_list_id(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    config = make_config(tmp_path, smtp, telegram, from_name="Bromley <b>Police</b>")
    async with running(config, environ(telegram)) as app:
        await subscribe(app, ANN, "appeals")
        await staff_says(telegram, "/alert bromley appeals Seen a red van?", "is going to 1")
        (mail,) = await smtp.wait_for(1)
        assert (
            mail.raw_header("List-Id") == '"Bromley <b>Police</b>" <alerts.forum.example.police.uk>'
        )
        assert mail.message["List-Id"].endswith("<alerts.forum.example.police.uk>")
        assert mail.raw_header("From") == (
            '"Bromley <b>Police</b>" <alerts@forum.example.police.uk>'
        )


async def test_an_smtp_outage_is_said_once_and_once_when_it_is_back(
    tmp_path: Path, telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    smtp = await FakeSmtp().start()
    port = smtp.port
    try:
        async with running(make_config(tmp_path, smtp, telegram), environ(telegram)) as app:
            people = [f"resident{n}@example.org" for n in range(5)]
            for person in people:
                await subscribe(app, person, "appeals")
            await smtp.stop()  # the server goes away
            caplog.set_level(logging.DEBUG)
            await staff_says(telegram, "/alert bromley appeals Seen a red van?", "is going to 5")

            async def all_tried_twice() -> bool:
                async with app.core.db.read() as tx:
                    rows = await fetch_all(
                        tx, "SELECT attempts FROM outbox WHERE platform = 'email'"
                    )
                return len(rows) == 5 and all(int(r[0]) >= 2 for r in rows)

            await eventually(all_tried_twice, within_s=30)
            smtp = await FakeSmtp(port=port).start()  # and comes back
            await smtp.wait_for(5, within_s=40)
            await eventually(lambda: asyncio.sleep(0, "is back after" in caplog.text), within_s=10)
        warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        down = [w for w in warnings if "cannot be reached" in w]
        back = [w for w in warnings if "is back after" in w]
        assert len(down) == 1 and len(back) == 1, warnings
        assert "5 e-mail(s) waited" in back[0]
        assert not [w for w in warnings if w.startswith("not sent chat=email")], warnings
    finally:
        await smtp.stop()


async def test_a_second_request_merges_and_a_used_link_says_already_subscribed(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    async with (
        running(make_config(tmp_path, smtp, telegram), environ(telegram)) as app,
        aiohttp.ClientSession() as http,
    ):
        form = {"address": "ann@example.org", "forum": "bromley", "type": "appeals"}
        async with http.post(f"{site(app)}/email/subscribe", data=form) as first:
            assert "a link to confirm is on its way" in await first.text()
        (mail,) = await smtp.wait_for(1)
        # Within ten minutes: no second e-mail, and the new type is not dropped.
        form["type"] = "advice"
        async with http.post(f"{site(app)}/email/subscribe", data=form) as second:
            page = await second.text()
        assert "That link now starts these alerts too" in page
        url = re.findall(r"https?://\S+/email/confirm\?t=[\w-]+", mail.part("plain"))[0]
        async with http.get(url) as shown:
            token = re.search(r'name="t" value="([^"]+)"', await shown.text())
        assert token is not None
        async with http.post(url.split("?")[0], data={"t": token.group(1)}) as done:
            page = await done.text()
        assert "You are subscribed" in page
        assert "appeals for information" in page and "crime-prevention advice" in page
        # The same link again: not "no longer works".
        async with http.get(url) as again:
            assert again.status == 200
            page = await again.text()
        assert "You are already subscribed" in page and "Choose your alerts" in page
        assert "no longer works" not in page
        assert len(smtp.messages) == 1


async def test_a_suppressed_address_is_inside_the_alerts_figures(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    smtp.refuse["bob@example.net"] = "550 5.1.1 no such user"
    async with running(make_config(tmp_path, smtp, telegram), environ(telegram)) as app:
        await subscribe(app, ANN, "advice")
        await subscribe(app, "bob@example.net", "advice")
        for n, text in ((1, "First advice"), (2, "Second advice")):
            await staff_says(telegram, f"/alert bromley advice {text}", "is going to")

            async def settled() -> bool:
                async with app.core.db.read() as tx:
                    rows = await fetch_all(
                        tx,
                        "SELECT COUNT(*) FROM outbox WHERE platform = 'email'"
                        " AND state IN ('pending', 'sending')",
                    )
                return int(rows[0][0]) == 0

            await eventually(settled)
            await app.core.scheduler.tick()
            done = await telegram.wait_for_sent(
                to_chat_containing(STAFF_GROUP, f"Alert #{n} done"), WAIT_S
            )
            # Bob, refused for good at the first, is one of the two at the second too.
            assert "1 of 2 sent, 1 unreachable, 0 failed" in done.plain_text


async def test_an_administrator_lifts_a_suppression(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    bob = "bob@example.net"
    smtp.refuse[bob] = "550 5.1.1 no such user"
    config = make_config(tmp_path, smtp, telegram)
    async with running(config, environ(telegram)) as app:
        await subscribe(app, bob, "advice")
        await staff_says(telegram, "/alert bromley advice First", "is going to 1")
        await eventually(lambda: _ended(app, bob))
    del smtp.refuse[bob]  # the mailbox works again; the administrator is told
    said = io.StringIO()
    assert await admin.email_unsuppress(config, "Bob@Example.net", said)
    assert said.getvalue() == "suppression lifted: e-mail to that address is sent again\n"
    assert not await admin.email_unsuppress(config, bob, said)
    async with running(config, environ(telegram)) as app:
        await staff_says(telegram, "/alert bromley advice Second", "is going to 1")
        (mail,) = await smtp.wait_for(1)
        assert mail.rcpt_tos == [bob] and "Second" in mail.part("plain")


async def _ended(app: App, address: str) -> bool:
    return (await states(app, address)) == ["failed"]
