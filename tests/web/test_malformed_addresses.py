"""Malformed numbers and names in web addresses (issue 14, kind 7), over
real HTTP against a whole forumbot: every address with a variable part, as
the site's own router lists them, answers 404 (never 500) for a number
SQLite cannot hold, a sign, other scripts' digits, 5,000 digits, a NUL;
the pages' and live streams' query numbers (``before``, ``after``,
``Last-Event-ID``) are ignored when malformed, never an error."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from urllib.parse import quote

import aiohttp
import pytest

from bot.edge.text import MAX_NUMBER
from forumbot.app import App
from tests.web.public_setup import published_forum
from tests.web.web_setup import Visitor, browser, running_web

pytestmark = pytest.mark.timeout(120)

HOSTILE = [
    "99999999999999999999",
    str(MAX_NUMBER + 1),
    "-1",
    "²",
    "①",
    "٣",
    "１",  # fullwidth 1: question #1 exists, this is not its address
    "9" * 5000,
    "\x00",
    "1\x00",
    "1e3",
    "0x1",
    "\u202e1",
    "1\u200b",
    "#1",
    " 1",
]
"""Each goes into the address percent-encoded, as a browser sends it."""

KNOWN = {"forum_id": "bromley", "ref": "1", "session_id": "1", "name": "site.css"}
"""A value for each variable part that finds something, so each hostile
value is tried in one part while the others are right."""


def _addresses(app: App) -> list[str]:
    """Every GET address with a variable part, as the running site's router has them."""
    runner = app.web.server._runner
    found: set[str] = set()
    for route in runner.app.router.routes():
        canonical = route.resource.canonical if route.resource is not None else ""
        if route.method == "GET" and "{" in canonical:
            found.add(canonical)
    return sorted(found)


def _fill(address: str, part: str, value: str) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        return quote(value, safe="") if name == part else KNOWN[name]

    return re.sub(r"\{(\w+)\}", one, address)


async def _status(
    http: aiohttp.ClientSession, url: str, headers: dict[str, str] | None = None
) -> int:
    """The status of a GET, without reading a live stream's body."""
    async with (
        asyncio.timeout(10),
        http.get(url, headers=headers or {}, allow_redirects=False) as response,
    ):
        return response.status


async def test_every_address_with_a_number_or_name_answers_404_for_malformed_values(
    tmp_path: Path,
) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        await published_forum(app)
        officer = Visitor(app, http)  # signed in: the console's addresses too
        assert await officer.sign_in() == 303
        addresses = _addresses(app)
        assert "/archive/{forum_id}/questions/{ref}" in addresses
        assert "/archive/{forum_id}/sessions/{session_id}" in addresses
        assert "/staff/{forum_id}/events" in addresses
        for address in addresses:
            parts = re.findall(r"\{(\w+)\}", address)
            assert await _status(http, officer.base + _fill(address, "", "")) == 200, address
            for part in parts:
                for value in HOSTILE:
                    url = officer.base + _fill(address, part, value)
                    status = await _status(http, url)
                    assert status == 404, (address, part, value[:20], status)
        assert await _status(http, officer.base + "/archive/bromley/questions/01") == 200
        assert await _status(http, officer.base + f"/archive/bromley/questions/{MAX_NUMBER}") == 404


@pytest.mark.parametrize("value", HOSTILE)
async def test_malformed_query_numbers_are_ignored_on_pages_and_live_streams(
    tmp_path: Path, value: str
) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        resident = Visitor(app, http)
        await resident.get("/")
        officer_http = browser()
        async with officer_http:
            officer = Visitor(app, officer_http)
            assert await officer.sign_in() == 303
            q = quote(value, safe="")
            status, page = await resident.get(f"/archive/bromley?before={q}")
            assert status == 200 and "Bromley" in page
            assert await _status(http, resident.base + f"/chat/events?after={q}") == 200
            url = officer.base + f"/staff/bromley/events?after={q}"
            assert await _status(officer_http, url) == 200
            if value.isprintable() and value.isascii():  # a header carries no NUL
                header = {"Last-Event-ID": value}
                assert await _status(http, resident.base + "/chat/events", header) == 200


async def test_an_address_with_a_slash_at_its_end_is_sent_to_the_page(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        await published_forum(app)
        base = Visitor(app, http).base
        moves = {}
        for path in ("/archive/", "/archive/bromley/", "/archive/bromley/questions/1/"):
            async with http.get(base + path, allow_redirects=False) as response:
                moves[path] = (response.status, response.headers.get("Location"))
            async with http.get(base + path) as followed:
                assert followed.status == 200, path
        # Never a way off the site: "//host/" is not sent on to "//host".
        for path in ("//example.org/", "//example.org/archive/", "/\\example.org/"):
            async with http.get(base + path, allow_redirects=False) as response:
                location = response.headers.get("Location") or ""
                assert not location.startswith(("//", "/\\")), (path, location)
    assert moves == {
        "/archive/": (308, "/archive"),
        "/archive/bromley/": (308, "/archive/bromley"),
        "/archive/bromley/questions/1/": (308, "/archive/bromley/questions/1"),
    }
