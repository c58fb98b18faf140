"""E-mail's sender through the real app: an officer's alert reaches an
e-mail subscriber at a real SMTP server (aiosmtpd on 127.0.0.1) as plain
text and accessible HTML with the list's headers; a 4xx is tried again; a
5xx for the recipient suppresses the address for good (after a restart
too, and counted unreachable in the alert's final figures); a server that
goes quiet once the message is sent never gets it twice; the connection's
state follows the server for /healthz; the password comes only from its
variable and never reaches the log."""

from __future__ import annotations

import asyncio
import logging
import re
from pathlib import Path

import aiohttp
import pytest

from bot.core import fetch_all
from bot.edge.startup import StartupFailure
from tests.e2e.telegram_setup import (
    STAFF_GROUP,
    WAIT_S,
    eventually,
    running,
    staff_says,
    to_chat_containing,
)
from tests.email.email_setup import (
    ANN,
    BOB,
    FROM,
    LINK_SECRET,
    environ,
    make_config,
    subscribe,
)
from tests.fakes.smtp_server import FakeSmtp
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(60)


async def email_rows(app: object, address: str) -> list[tuple[int, str, str | None, str | None]]:
    """(id, state, platform message id, error) of the outbox rows to ``address``."""
    async with app.core.db.read() as tx:  # type: ignore[attr-defined]
        rows = await fetch_all(
            tx,
            "SELECT id, state, platform_message_id, error FROM outbox"
            " WHERE platform = 'email' AND chat_id = ? ORDER BY id",
            (address,),
        )
    return [(int(r[0]), str(r[1]), r[2], r[3]) for r in rows]


async def test_an_alert_arrives_as_plain_text_and_html_with_the_list_headers(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    async with running(make_config(tmp_path, smtp, telegram), environ(telegram)) as app:
        await subscribe(app, ANN, "appeals")
        said = await staff_says(
            telegram, "/alert bromley appeals Seen a <b>red</b> van & a man?", "is going to"
        )
        assert "is going to 1 subscriber" in said.plain_text
        (mail,) = await smtp.wait_for(1)
        assert mail.rcpt_tos == [ANN] and mail.mail_from == FROM
        m = mail.message
        assert m["From"] == f"Bromley Police Online Forum <{FROM}>"
        assert m["To"] == ANN
        assert m["Subject"] == "Bromley Police Online Forum: appeals for information"
        assert m["List-Id"] == "Bromley Police Online Forum <alerts.forum.example.police.uk>"
        assert m["Auto-Submitted"] == "auto-generated"
        assert m.get_content_type() == "multipart/alternative"
        assert mail.raw.count(b"MIME-Version:") == 1  # the message's, not its parts' too
        text = mail.part("plain")
        assert "Seen a <b>red</b> van & a man?" in text  # as written, in plain text
        html = mail.part("html")
        assert '<html lang="en">' in html
        assert "<h1" in html and "Bromley Police Online Forum</h1>" in html
        assert "Seen a &lt;b&gt;red&lt;/b&gt; van &amp; a man?" in html  # never markup
        assert "<strong>Bromley Police Online Forum: appeals for information</strong>" in html
        assert "<table" not in html
        # One Message-ID per outbox row, recorded as the row's platform id.
        await eventually(lambda: _sent(app, ANN), what="the row marked sent")
        ((row_id, state, platform_id, _),) = await email_rows(app, ANN)
        assert state == "sent" and platform_id == mail.message_id
        assert re.fullmatch(
            rf"<{row_id}\.[0-9a-f]{{16}}@forum\.example\.police\.uk>", mail.message_id
        )
        await app.core.scheduler.tick()  # the alert's final figures (else the minute's tick)
        await telegram.wait_for_sent(to_chat_containing(STAFF_GROUP, "done: 1 of 1 sent"), WAIT_S)


async def _attempted(smtp: FakeSmtp, address: str) -> bool:
    return address in smtp.attempts


async def _sent(app: object, address: str) -> bool:
    rows = await email_rows(app, address)
    return bool(rows) and all(state == "sent" for _, state, _, _ in rows)


async def test_a_temporary_refusal_is_tried_again_until_it_arrives(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    smtp.refuse[ANN] = "450 4.2.1 mailbox busy, try later"
    async with running(make_config(tmp_path, smtp, telegram), environ(telegram)) as app:
        await subscribe(app, ANN, "advice")
        await staff_says(telegram, "/alert bromley advice Lock your sheds", "is going to")
        await eventually(lambda: _attempted(smtp, ANN), what="a first attempt")
        assert smtp.messages == []
        del smtp.refuse[ANN]
        (mail,) = await smtp.wait_for(1)
        assert "Lock your sheds" in mail.part("plain")
        assert smtp.attempts.count(ANN) >= 2
        await eventually(lambda: _sent(app, ANN), what="the row marked sent")


async def test_a_permanent_refusal_suppresses_the_address_for_good(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    smtp.refuse[BOB] = "550 5.1.1 <bob@example.net>: no such user"
    config = make_config(tmp_path, smtp, telegram)
    async with running(config, environ(telegram)) as app:
        await subscribe(app, ANN, "advice")
        bob = await subscribe(app, BOB, "advice")
        await staff_says(telegram, "/alert bromley advice First advice", "is going to 2")
        await smtp.wait_for(1)
        await eventually(lambda: _settled(app, BOB), what="bob's row ended")
        await app.core.scheduler.tick()
        done = await telegram.wait_for_sent(
            to_chat_containing(STAFF_GROUP, "Alert #1 done"), WAIT_S
        )
        assert "1 of 2 sent, 1 unreachable, 0 failed" in done.plain_text
        rows = await email_rows(app, BOB)
        assert [state for _, state, _, _ in rows] == ["failed"]
        assert "550" in (rows[0][3] or "") and BOB not in (rows[0][3] or "")
        async with app.core.db.read() as tx:
            kept = await fetch_all(tx, "SELECT * FROM email_suppression")
        assert len(kept) == 1 and BOB not in repr([tuple(r) for r in kept])
    # The server would take it now; the suppression (not only the resident's
    # unreachable mark, cleared here as a resident who writes again clears it)
    # still keeps anything from going to the address after a restart.
    del smtp.refuse[BOB]
    async with running(config, environ(telegram)) as app:
        async with app.core.db.transaction() as tx:
            await tx.execute("UPDATE resident SET unreachable_at = NULL WHERE id = ?", (bob,))
        await staff_says(telegram, "/alert bromley advice Second advice", "is going to 2")
        await smtp.wait_for(2)
        await eventually(lambda: _settled(app, BOB), what="bob's row ended")
        await app.core.scheduler.tick()
        await telegram.wait_for_sent(to_chat_containing(STAFF_GROUP, "Alert #2 done"), WAIT_S)
        assert [m.rcpt_tos for m in smtp.messages] == [[ANN], [ANN]]
        assert smtp.attempts.count(BOB) == 1
        assert [state for _, state, _, _ in await email_rows(app, BOB)] == ["failed", "failed"]


async def test_a_message_whose_end_got_no_answer_is_never_sent_again(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    smtp.hold_data = asyncio.Event()
    config = make_config(tmp_path, smtp, telegram, timeout_s=1.0)
    async with running(config, environ(telegram)) as app:
        await subscribe(app, ANN, "advice")
        await staff_says(telegram, "/alert bromley advice Only once", "is going to 1")
        await eventually(
            lambda: _state_is(app, ANN, "unknown"), within_s=WAIT_S, what="the row unknown"
        )
        smtp.hold_data.set()  # the server answers at last: it had the message
        smtp.hold_data = None
        await app.core.scheduler.tick()
        await telegram.wait_for_sent(to_chat_containing(STAFF_GROUP, "Alert #1 done"), WAIT_S)
    async with running(config, environ(telegram)) as app:
        await asyncio.sleep(0.5)
        assert [state for _, state, _, _ in await email_rows(app, ANN)] == ["unknown"]
    assert len(smtp.messages) <= 1 and smtp.attempts.count(ANN) == 1


async def _settled(app: object, address: str) -> bool:
    rows = await email_rows(app, address)
    return bool(rows) and all(state not in ("pending", "sending") for _, state, _, _ in rows)


async def _state_is(app: object, address: str, state: str) -> bool:
    rows = await email_rows(app, address)
    return bool(rows) and rows[-1][1] == state


async def test_the_connection_follows_the_server_for_healthz(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    async with running(make_config(tmp_path, smtp, telegram), environ(telegram)) as app:
        assert await healthz(app) == ("ok", "connected")
        await smtp.stop()
        await app.email.sender.check()
        status, email = await healthz(app)
        assert status == "degraded" and email.startswith("not connected since")
        await subscribe(app, ANN, "advice")
        await staff_says(telegram, "/alert bromley advice While it was down", "is going to 1")
        await eventually(lambda: _tried(app, ANN), what="a send tried and failed")
        await smtp.start()  # the same port again
        (mail,) = await smtp.wait_for(1)
        assert "While it was down" in mail.part("plain")
        assert await healthz(app) == ("ok", "connected")


async def healthz(app: object) -> tuple[str, str]:
    """/healthz's status and what it says of e-mail."""
    url = f"{app.config.web.public_url}/healthz"  # type: ignore[attr-defined]
    async with aiohttp.ClientSession() as http, http.get(url) as reply:
        body = await reply.json()
    return str(body["status"]), str(body["platforms"]["email"])


async def _tried(app: object, address: str) -> bool:
    async with app.core.db.read() as tx:  # type: ignore[attr-defined]
        rows = await fetch_all(
            tx, "SELECT attempts FROM outbox WHERE platform = 'email' AND chat_id = ?", (address,)
        )
    return bool(rows) and int(rows[0][0]) >= 1


def stored_bytes(folder: Path) -> bytes:
    """The database file and its WAL, as bytes."""
    return b"".join(p.read_bytes() for p in folder.iterdir() if p.name.startswith("forum.sqlite3"))


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
async def test_the_password_comes_from_its_variable_and_never_reaches_the_log(
    tmp_path: Path, telegram: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    password = "correct horse battery staple"
    smtp = await FakeSmtp(login=("forumbot", password)).start()
    try:
        config = make_config(tmp_path, smtp, telegram, user="forumbot")
        caplog.set_level(logging.DEBUG)
        async with running(config, environ(telegram, FORUMBOT_SMTP_PASSWORD=password)) as app:
            await subscribe(app, ANN, "advice")
            await staff_says(telegram, "/alert bromley advice Logged in", "is going to 1")
            (mail,) = await smtp.wait_for(1)
            assert "Logged in" in mail.part("plain")
        assert password not in caplog.text
        assert ANN not in caplog.text  # a resident's address is never logged either
        stored = stored_bytes(tmp_path)
        assert password.encode() not in stored and LINK_SECRET.encode() not in stored
        with pytest.raises(StartupFailure, match="FORUMBOT_SMTP_PASSWORD"):
            async with running(config, environ(telegram, FORUMBOT_SMTP_PASSWORD="wrong one")):
                pass
    finally:
        await smtp.stop()


async def test_a_connection_the_server_closed_while_idle_is_opened_again_at_once(
    tmp_path: Path, smtp: FakeSmtp, telegram: FakeTelegram
) -> None:
    async with running(make_config(tmp_path, smtp, telegram), environ(telegram)) as app:
        await subscribe(app, ANN, "advice")
        smtp.drop_connections()  # the server's idle timeout
        await staff_says(telegram, "/alert bromley advice After a quiet hour", "is going to 1")
        (mail,) = await smtp.wait_for(1)
        assert "After a quiet hour" in mail.part("plain")
        await eventually(lambda: _sent(app, ANN), what="the row marked sent")
        async with app.core.db.read() as tx:
            rows = await fetch_all(tx, "SELECT attempts FROM outbox WHERE chat_id = ?", (ANN,))
        assert [int(r[0]) for r in rows] == [1]  # no failed try first
