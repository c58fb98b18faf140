"""A new web resident is no longer free: over real HTTP against a whole
forumbot, new residents (browsers whose first message this is) are limited
per visitor address and for the whole site (``web.new_residents``). A
refused visitor gets the chat page with when to try again and the 999/101
numbers, their text kept and nothing sent; residents who have written
before are never refused. Behind a trusted proxy the limit counts the
address in X-Forwarded-For; from any other peer that header changes
nothing, so forging it escapes no limit."""

from __future__ import annotations

import contextlib
import html
import json
import re
import sqlite3
from contextlib import closing
from ipaddress import ip_network
from pathlib import Path

import aiohttp
import pytest

from config.model import NewResidents
from forumbot.app import App
from tests.e2e.telegram_setup import eventually
from tests.web.web_setup import WAIT_S, Visitor, browser, running_web

pytestmark = pytest.mark.timeout(60)

ADDRESS_A = "127.0.0.2"
ADDRESS_B = "127.0.0.3"
PROXY = "127.0.0.1"


def _questions(app: App) -> list[str]:
    with closing(sqlite3.connect(app.config.database)) as db:
        return [str(r[0]) for r in db.execute("SELECT text FROM question ORDER BY id")]


async def _questions_when(app: App, count: int) -> list[str]:
    """The questions once there are ``count`` (the core takes an event a
    moment after it is stored); AssertionError after ``WAIT_S``."""

    async def enough() -> bool:
        return len(_questions(app)) >= count

    with contextlib.suppress(AssertionError):
        await eventually(enough, WAIT_S, f"{count} questions")
    found = _questions(app)
    assert len(found) == count, found
    return found


def _page_text(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def from_address(address: str) -> aiohttp.ClientSession:
    """A browser whose connections come from ``address`` (a loopback one)."""
    return browser(aiohttp.TCPConnector(local_addr=(address, 0)))


async def ask(
    session: aiohttp.ClientSession,
    app: App,
    text: str,
    headers: dict[str, str] | None = None,
) -> tuple[int, str]:
    """A new browser on ``session``'s address: opens the chat, asks ``text``;
    the status of the ask and the page it ends on."""
    session.cookie_jar.clear()
    visitor = Visitor(app, session)
    visitor.headers = dict(headers or {})
    await visitor.get("/")
    response = await visitor.post_form("/chat/send", {"text": text, "intent": "ask"})
    return response.status, await response.text()


async def test_new_residents_from_one_address_are_limited_and_the_refused_one_is_told_what_to_do(
    tmp_path: Path,
) -> None:
    limits = NewResidents(per_address_per_hour=3, per_minute=100)
    async with (
        running_web(tmp_path, new_residents=limits) as app,
        from_address(ADDRESS_A) as a,
        from_address(ADDRESS_B) as b,
    ):
        statuses = [(await ask(a, app, f"Flood question number {n}"))[0] for n in range(3)]
        assert statuses == [303, 303, 303]

        status, page = await ask(a, app, "Is the footpath on Elm Road closed?")
        assert status == 429
        text = _page_text(page)
        assert "We cannot start a new conversation from your connection just now" in text
        assert re.search(r"Please try again from \d\d:\d\d", text)
        assert "call 999 now" in text and "call 101" in text
        assert "Nothing was sent" in text
        assert "Is the footpath on Elm Road closed?" in page  # kept in the box
        assert "Is the footpath on Elm Road closed?" not in " ".join(_questions(app))

        # Another address is not held up by this one.
        status, _page = await ask(b, app, "When is the next session on Elm Road?")
        assert status == 303
        found = await _questions_when(app, 4)
        assert not any("footpath" in q for q in found)


async def test_a_resident_who_has_written_before_is_never_refused(tmp_path: Path) -> None:
    limits = NewResidents(per_address_per_hour=1, per_minute=100)
    async with running_web(tmp_path, new_residents=limits) as app, from_address(ADDRESS_A) as a:
        resident = Visitor(app, a)
        await resident.get("/")
        first = await resident.post_form("/chat/send", {"text": "First question", "intent": "ask"})
        assert first.status == 303
        async with from_address(ADDRESS_A) as other:
            status, _ = await ask(other, app, "A second browser at the same address")
            assert status == 429
        again = await resident.post_form(
            "/chat/send", {"text": "A second question of mine", "intent": "ask"}
        )
        assert again.status == 303
        assert (await _questions_when(app, 2))[-1].endswith("A second question of mine")


async def test_the_whole_site_is_limited_per_minute_and_the_page_script_is_told_as_json(
    tmp_path: Path,
) -> None:
    limits = NewResidents(per_address_per_hour=100, per_minute=2)
    async with (
        running_web(tmp_path, new_residents=limits) as app,
        from_address(ADDRESS_A) as a,
        from_address(ADDRESS_B) as b,
    ):
        assert (await ask(a, app, "One"))[0] == 303
        assert (await ask(b, app, "Two"))[0] == 303
        b.cookie_jar.clear()
        script = Visitor(app, b)
        await script.get("/")
        status, body = await script.post_json("/chat/send", {"text": "Three", "intent": "ask"})
        assert status == 429
        error = json.loads(body)["error"]
        assert error.startswith("We cannot start new conversations just now")
        assert "call 999 now" in error
        await _questions_when(app, 2)


async def test_behind_a_trusted_proxy_the_limit_counts_each_visitors_own_address(
    tmp_path: Path,
) -> None:
    limits = NewResidents(per_address_per_hour=2, per_minute=100)
    async with (
        running_web(
            tmp_path, new_residents=limits, trusted_proxies=(ip_network(f"{PROXY}/32"),)
        ) as app,
        from_address(PROXY) as proxy,
    ):
        first = {"X-Forwarded-For": "203.0.113.5"}
        second = {"X-Forwarded-For": "198.51.100.7"}
        assert (await ask(proxy, app, "From the first visitor, 1", first))[0] == 303
        assert (await ask(proxy, app, "From the first visitor, 2", first))[0] == 303
        assert (await ask(proxy, app, "From the first visitor, 3", first))[0] == 429
        # The proxy's other visitors are their own addresses, not the proxy's.
        assert (await ask(proxy, app, "From the second visitor", second))[0] == 303
        # An IPv6 visitor counts as its /64: a new address in it is no way out.
        v6 = [{"X-Forwarded-For": f"2001:db8:1:2::{n}"} for n in (1, 2, 3)]
        statuses = [(await ask(proxy, app, "IPv6 visitor", h))[0] for h in v6]
        assert statuses == [303, 303, 429]


async def test_a_forged_x_forwarded_for_from_an_untrusted_peer_escapes_no_limit(
    tmp_path: Path,
) -> None:
    limits = NewResidents(per_address_per_hour=2, per_minute=100)
    async with (
        running_web(
            tmp_path, new_residents=limits, trusted_proxies=(ip_network(f"{PROXY}/32"),)
        ) as app,
        from_address(ADDRESS_A) as a,
    ):
        forged = [{"X-Forwarded-For": f"203.0.113.{n}"} for n in range(1, 6)]
        statuses = [(await ask(a, app, f"Forged {n}", h))[0] for n, h in enumerate(forged)]
        assert statuses == [303, 303, 429, 429, 429]
        await _questions_when(app, 2)


async def test_the_third_new_resident_from_one_address_is_marked_on_the_officers_card(
    tmp_path: Path,
) -> None:
    async with (
        running_web(tmp_path) as app,
        from_address(ADDRESS_A) as a,
        from_address(ADDRESS_B) as b,
        browser() as o_http,
    ):
        for n in (1, 2, 3):
            assert (await ask(a, app, f"Question {n} from the busy address"))[0] == 303
        assert (await ask(b, app, "A question from a quiet address"))[0] == 303
        await _questions_when(app, 4)
        officer = Visitor(app, o_http)
        assert await officer.sign_in() == 303
        banner = "From one of many new web residents who wrote at once"

        async def cards_shown() -> bool:
            _status, page = await officer.get("/staff/bromley")
            return "quiet address" in page and "Question 3 from" in page

        await eventually(cards_shown, WAIT_S, "the four cards on the console")
        _status, page = await officer.get("/staff/bromley")
        text = _page_text(page)
        # The banner heads its card: once, on the third from the busy address.
        assert re.findall(re.escape(banner) + r".*?Question #(\d+)", text) == ["3"], text
