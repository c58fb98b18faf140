"""A whole forumbot (build_app) with the web side on a free port and no
platform tokens, and an HTTP client that keeps cookies as a browser does."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import aiohttp

from adapters.web.passwords import hash_password
from config.model import Config, StaffAccount, WebConfig
from forumbot.app import App
from tests.support.app import running_app
from tests.support.core_harness import forum_config

OFFICER_NAME = "sgt.jones"
OFFICER_PASSWORD = "three random words here"
STAFF_SECRET = "the duty team shared secret"
WAIT_S = 10.0
_HASH = hash_password(OFFICER_PASSWORD)


def web_config(tmp_path: Path, **web_changes: Any) -> Config:
    """One forum with the web side on a free port and one staff account."""
    web = WebConfig(
        port=0,
        staff_accounts=(StaffAccount(OFFICER_NAME, _HASH),),
    )
    return forum_config(str(tmp_path / "forum.sqlite3"), web=replace(web, **web_changes))


def running_web(tmp_path: Path, **web_changes: Any) -> AbstractAsyncContextManager[App]:
    """The app of :func:`web_config` (no platform tokens, the staff secret
    set), started; stopped on exit (tests.support.app.running_app)."""
    return running_app(
        web_config(tmp_path, **web_changes),
        {"FORUMBOT_STAFF_SECRET": STAFF_SECRET},
        within_s=WAIT_S,
    )


def base_url(app: App) -> str:
    assert app.web is not None
    return f"http://127.0.0.1:{app.web.port}"


def browser(connector: aiohttp.BaseConnector | None = None) -> aiohttp.ClientSession:
    """Cookies kept for 127.0.0.1 too, as a browser keeps them. ``connector``
    chooses, say, the address the visitor connects from."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True), connector=connector)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has no CSRF token"
    return found.group(1)


class Visitor:
    """One browser: a resident on the chat page, or an officer on the console."""

    def __init__(self, app: App | None, session: aiohttp.ClientSession, base: str = "") -> None:
        # ``base``: another address, e.g. a reverse proxy in front, or a
        # ``forumbot run`` subprocess (then ``app`` is None).
        assert app is not None or base, "a Visitor needs the app or the address"
        self.base = base or base_url(app)  # type: ignore[arg-type]
        self.http = session
        self.csrf = ""
        self.headers: dict[str, str] = {}  # sent with every request, e.g. Origin

    async def get(self, path: str) -> tuple[int, str]:
        async with self.http.get(self.base + path, headers=self.headers) as response:
            text = await response.text()
            if 'name="csrf"' in text:
                self.csrf = csrf_of(text)
            return response.status, text

    async def post_json(self, path: str, fields: dict[str, str]) -> tuple[int, str]:
        async with self.http.post(
            self.base + path,
            json=fields,
            headers={**self.headers, "X-CSRF-Token": self.csrf, "Accept": "application/json"},
        ) as response:
            return response.status, await response.text()

    async def post_form(
        self, path: str, fields: dict[str, str], *, follow: bool = False
    ) -> aiohttp.ClientResponse:
        response = await self.http.post(
            self.base + path,
            data={"csrf": self.csrf, **fields},
            headers=self.headers,
            allow_redirects=follow,
        )
        await response.read()
        return response

    async def sign_in(self, username: str = OFFICER_NAME, password: str = OFFICER_PASSWORD) -> int:
        await self.get("/staff/login")
        response = await self.post_form(
            "/staff/login", {"username": username, "password": password}
        )
        return response.status


class EventStream:
    """An open server-sent events stream, read message by message."""

    def __init__(self, response: aiohttp.ClientResponse) -> None:
        self.response = response
        self.messages: list[dict[str, Any]] = []
        self.states: list[dict[str, Any]] = []  # the console's card state events, in order
        self._buffer = ""

    @staticmethod
    def text_of(message: dict[str, Any]) -> str:
        return "".join(span[0] for span in message["spans"])

    async def until(self, *needles: str, within: float = WAIT_S, start: int = 0) -> dict[str, Any]:
        """The first message from the ``start``-th on (already read or new)
        whose text has every needle."""
        for message in self.messages[start:]:
            if all(n in self.text_of(message) for n in needles):
                return message
        async with asyncio.timeout(within):
            while True:
                for received in await self._read():
                    if all(n in self.text_of(received) for n in needles):
                        return received

    async def until_state(
        self, question: int, state: str, *, seen: bool = False, within: float = WAIT_S
    ) -> dict[str, Any]:
        """The first card state event (already read or new) of ``question``
        in ``state`` (and seen, with ``seen``)."""

        def matches(event: dict[str, Any]) -> bool:
            card = event["card"] or {}
            return (
                card.get("question") == question
                and card.get("state") == state
                and (not seen or bool(card.get("seen_by")))
            )

        async with asyncio.timeout(within):
            while True:
                for event in self.states:
                    if matches(event):
                        return event
                await self._read()

    async def _read(self) -> list[dict[str, Any]]:
        """Read what came next: the messages in it (state events go to ``states``)."""
        chunk = await self.response.content.readany()
        if not chunk:
            raise AssertionError("stream ended")
        self._buffer += chunk.decode()
        new: list[dict[str, Any]] = []
        while "\n\n" in self._buffer:
            block, self._buffer = self._buffer.split("\n\n", 1)
            lines = block.splitlines()
            data = [line[6:] for line in lines if line.startswith("data: ")]
            if not data:
                continue
            received: dict[str, Any] = json.loads("\n".join(data))
            if "event: state" in lines:  # a card's state (the console): kept apart
                self.states.append(received)
            else:
                self.messages.append(received)
                new.append(received)
        return new


@asynccontextmanager
async def events(visitor: Visitor, path: str) -> AsyncIterator[EventStream]:
    async with visitor.http.get(visitor.base + path) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/event-stream")
        yield EventStream(response)


@asynccontextmanager
async def resident_and_officer(
    app: App, room: str = "/staff/bromley"
) -> AsyncIterator[tuple[Visitor, Visitor]]:
    """Two browsers on ``app``: a resident who has opened the chat page, and
    an officer signed in with the staff account, on the staff ``room``."""
    async with browser() as r_http, browser() as o_http:
        resident = Visitor(app, r_http)
        await resident.get("/")
        officer = Visitor(app, o_http)
        assert await officer.sign_in() == 303
        await officer.get(room)
        yield resident, officer
