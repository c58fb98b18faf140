"""Hostile input on the web, over real HTTP against a whole forumbot: JSON
with lone surrogates, NUL and control characters, bodies that are not UTF-8,
cookies and headers no browser would send, and a message the database
refuses. The resident always hears back, an emergency straight after still
gets its 999 guidance, and the intake never has to be restarted."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from bot.edge.text import REPLACEMENT
from bot.store.database import fetch_all
from forumbot.app import App
from tests.web.web_setup import EventStream, Visitor, base_url, browser, events, running_web

pytestmark = pytest.mark.timeout(60)

UNREADABLE = "We could not read that message; please send it again."
POISON = "POISON-7f3a"


def assert_never_restarted(app: App, caplog: pytest.LogCaptureFixture) -> None:
    assert "failed; restarting" not in caplog.text
    assert all(not task.done() for task in app.tasks)


async def raw_http(app: App, request: bytes) -> int:
    """Send bytes as they are (no client library would send them) and return the status."""
    assert app.web is not None
    reader, writer = await asyncio.open_connection("127.0.0.1", app.web.port)
    try:
        writer.write(request)
        await writer.drain()
        status_line = await asyncio.wait_for(reader.readline(), 10)
    finally:
        writer.close()
    return int(status_line.split()[1])


async def test_hostile_json_gets_answers_and_an_emergency_after_it_gets_999(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="forumbot")
    async with running_web(tmp_path) as app, browser() as http:
        resident = Visitor(app, http)
        await resident.get("/")
        async with events(resident, "/chat/events") as feed:
            for hostile in (
                "x \ud800",
                "is the road\x00 by the school\x07 safe?\r\n\x1b[2J",
                "\udfff\ud800 \x85 lights out on Elm Road",
            ):
                status, _ = await resident.post_json(
                    "/chat/send", {"text": hostile, "intent": "ask"}
                )
                assert status == 200
            status, _ = await resident.post_json(
                "/chat/send", {"te\ud800xt": "x", "nonce": "n\x00\ud800", "forum": "\x00"}
            )
            assert status == 400  # no text field once the names are made valid: "write first"
            status, _ = await resident.post_json(
                "/chat/send", {"text": "someone is breaking into my house right now \ud800"}
            )
            assert status == 200
            await feed.until("#1")
            await feed.until("#2")
            await feed.until("#3")
            guidance = await feed.until("press 55")
            assert "999" in EventStream.text_of(guidance)

        officer = Visitor(app, http)
        await officer.sign_in()
        _, room = await officer.get("/staff/bromley")
        assert f"x {REPLACEMENT}" in room
        assert "is the road by the school safe?" in room
        assert "\x00" not in room and "\x1b" not in room
        assert_never_restarted(app, caplog)


async def test_what_no_browser_sends_is_refused_alone(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="forumbot")
    async with running_web(tmp_path) as app, browser() as http:
        resident = Visitor(app, http)
        await resident.get("/")
        cookies = "; ".join(f"{c.key}={c.value}" for c in http.cookie_jar)
        host = f"127.0.0.1:{app.web.port if app.web else 0}".encode()

        def post(body: bytes, content_type: bytes, extra: bytes = b"") -> bytes:
            return (
                b"POST /chat/send HTTP/1.1\r\nHost: " + host + b"\r\n"
                b"Cookie: " + cookies.encode() + b"\r\n"
                b"X-CSRF-Token: " + resident.csrf.encode() + b"\r\n"
                b"Accept: application/json\r\nContent-Type: "
                + content_type
                + b"\r\n"
                + extra
                + b"Content-Length: "
                + str(len(body)).encode()
                + b"\r\nConnection: close\r\n\r\n"
                + body
            )

        # Not UTF-8, not JSON, not a form: 400 for that request, nothing else.
        assert await raw_http(app, post(b'{"text": "x \xff\xfe"}', b"application/json")) == 400
        assert await raw_http(app, post(b'{"text": ', b"application/json")) == 400
        form = b"csrf=" + resident.csrf.encode() + b"&text=\xff\xfe"
        assert await raw_http(app, post(form, b"application/x-www-form-urlencoded")) == 400
        # Escaped bytes that are not UTF-8 are decoded as replacement characters: accepted.
        form = b"csrf=" + resident.csrf.encode() + b"&text=%ff%fe%00"
        assert await raw_http(app, post(form, b"application/x-www-form-urlencoded")) == 200
        # A resident cookie that is not one this site made: a new visitor, not an error.
        page = (
            b"GET / HTTP/1.1\r\nHost: "
            + host
            + b"\r\nCookie: fb_resident=\xff\xfe"
            + b"x" * 30
            + b"; fb_csrf=\xc3\x28\r\nConnection: close\r\n\r\n"
        )
        assert await raw_http(app, page) == 200
        stream = (
            b"GET /chat/events?after=%C2%B2 HTTP/1.1\r\nHost: " + host + b"\r\n"
            b"Cookie: " + cookies.encode() + b"\r\nLast-Event-ID: \xc2\xb2\r\n"
            b"Connection: close\r\n\r\n"
        )
        assert await raw_http(app, stream) == 200
        bad_token = post(b'{"text": "hello"}', b"application/json").replace(
            b"X-CSRF-Token: ", b"X-CSRF-Token: \xc3\xa9"
        )
        assert await raw_http(app, bad_token) == 403
        staff = (
            b"GET /staff HTTP/1.1\r\nHost: " + host + b"\r\nCookie: fb_staff=\xff\xfe\r\n"
            b"Connection: close\r\n\r\n"
        )
        assert await raw_http(app, staff) == 303
        async with http.get(base_url(app) + "/archive/bromley?q=%ED%A0%80%00") as response:
            assert response.status == 200

        # And the chat carries on.
        async with events(resident, "/chat/events") as feed:
            await resident.post_json("/chat/send", {"text": "someone is breaking in right now"})
            await feed.until("press 55")
        assert_never_restarted(app, caplog)


async def test_a_web_message_the_database_refuses_is_set_aside_and_the_resident_told(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="forumbot")
    async with running_web(tmp_path) as app, browser() as http:
        async with app.core.db.transaction() as tx:
            await tx.execute(
                "CREATE TRIGGER refuse_poison BEFORE INSERT ON inbox"
                f" WHEN NEW.set_aside_at IS NULL AND NEW.payload LIKE '%{POISON}%'"
                " BEGIN SELECT RAISE(ABORT, 'payload refused'); END"
            )
        resident = Visitor(app, http)
        await resident.get("/")
        async with events(resident, "/chat/events") as feed:
            status, body = await resident.post_json("/chat/send", {"text": f"{POISON} \ud800"})
            assert status == 200 and '"ok": true' in body  # kept: nothing to send again
            told = await feed.until(UNREADABLE)
            assert "call 999" in EventStream.text_of(told)
            await resident.post_json("/chat/send", {"text": "someone is breaking in right now"})
            await feed.until("press 55")
            await resident.post_json(
                "/chat/send", {"text": "When are the lights fixed?", "intent": "ask"}
            )
            await feed.until("Your question to")

        # The console's command box too: a refused command is answered in the room.
        officer = Visitor(app, http)
        await officer.sign_in()
        async with events(officer, "/staff/bromley/events") as room:
            await officer.post_json("/staff/bromley/send", {"text": f"queue {POISON}"})
            await room.until(UNREADABLE)
            await officer.post_json("/staff/bromley/send", {"text": "queue\x00\r\n"})
            await room.until("waiting")

        async with app.core.db.read() as tx:
            aside = await fetch_all(
                tx, "SELECT platform, error FROM inbox WHERE set_aside_at IS NOT NULL"
            )
        assert [r[0] for r in aside] == ["web", "web"]
        assert all("payload refused" in str(r[1]) for r in aside)
        async with http.get(base_url(app) + "/metrics") as response:
            assert 'forumbot_inbox_set_aside{platform="web"} 2.0' in await response.text()
        assert_never_restarted(app, caplog)
