"""The public side's fixtures: a forum with published answers made through
the real flows, and the public routes alone (archive, feeds, health) served
over HTTP against a core harness."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from adapters.web import archive, feeds, health
from adapters.web.hub import Hub
from adapters.web.pages import Pages
from adapters.web.security import Security
from adapters.web.site import Site
from forumbot.app import App
from tests.support.core_harness import START, CoreHarness, open_harness
from tests.web.web_setup import EventStream, Visitor, browser, events

# What the resident wrote in #1; the officer's edit leaves none of it public.
PRIVATE = "My name is Jane Smith of 12 Elm Road, call 07700 900123."


async def _ask(resident: Visitor, text: str, ref: int) -> None:
    async with events(resident, "/chat/events") as feed:
        await resident.post_json("/chat/send", {"text": text, "intent": "ask"})
        await feed.until(f"#{ref}")


async def _officer_says(officer: Visitor, room: EventStream, text: str, *expect: str) -> None:
    """A command in the console, and the staff room's reply to it."""
    start = len(room.messages)
    await officer.post_json("/staff/bromley/send", {"text": text})
    await room.until(*expect, start=start)


async def published_forum(app: App) -> None:
    """Through the web chat and the console of a running forumbot: #1 answered
    in a live session (its approved text leaves out the private details), #2
    answered after the session closed (a follow-up, published at the next
    opening), #3 still waiting, #4 rejected."""
    async with browser() as r_http, browser() as o_http:
        resident = Visitor(app, r_http)
        await resident.get("/")
        await _ask(resident, f"Why are the street lights on Elm Road out? {PRIVATE}", 1)
        await _ask(resident, "Is anyone checking the <script>alert(1)</script> park?", 2)
        await _ask(resident, "When is the next bike marking?", 3)
        await _ask(resident, "Can you fix my neighbour's fence?", 4)
        officer = Visitor(app, o_http)
        assert await officer.sign_in() == 303
        await officer.get("/staff/bromley")
        async with events(officer, "/staff/bromley/events") as room:
            await room.until("Question #4")
            say = _officer_says
            await say(officer, room, "open", "is open until")
            await say(officer, room, "edit 1 Why are the street lights on Elm Road out?", "#1")
            await say(officer, room, "answer 1 The council repairs them on Friday.", "#1 answered")
            await say(officer, room, "reject 4 Not a police matter", "#4 rejected")
            await say(officer, room, "close", "is closed")
            await say(officer, room, "answer 2 Patrols <b>pass</b> every night.", "#2 answered")
            await say(officer, room, "open", "is open until")


def public_app(h: CoreHarness) -> web.Application:
    """Just the public routes, behind the site's safety middleware."""
    security = Security(b"k" * 32, "", h.core.wording.text)
    config = h.config
    site = Site(config, config.web, h.core, Pages(security, "Bromley"), security, Hub(), h.clock)
    app = web.Application(middlewares=[security.middleware()])
    for add_routes in (archive.add_routes, feeds.add_routes, health.add_routes):
        add_routes(app, site)
    return app


@asynccontextmanager
async def public_site(
    tmp_path: Path, **changes: object
) -> AsyncIterator[tuple[CoreHarness, TestClient[Any, Any]]]:
    """A core on a temporary SQLite file (fake clock, Telegram rooms recorded)
    and an HTTP client for the public routes."""
    async with (
        open_harness(tmp_path, START, **changes) as h,
        TestClient(TestServer(public_app(h))) as client,
    ):
        yield h, client
