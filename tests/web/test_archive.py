"""The public side over real HTTP against a whole forumbot: the archive of
sessions and answers (only what officers approved), a page per question,
search, the Atom and iCalendar feeds, /healthz and /metrics."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar
from prometheus_client.parser import text_string_to_metric_families

from forumbot.app import App
from tests.web.web_setup import EventStream, Visitor, base_url, browser, events, running_web

pytestmark = pytest.mark.timeout(60)

ATOM = "{http://www.w3.org/2005/Atom}"
PRIVATE = "My name is Jane Smith of 12 Elm Road, call 07700 900123."


async def _ask(app: App, resident: Visitor, text: str, ref: int) -> None:
    async with events(resident, "/chat/events") as feed:
        await resident.post_json("/chat/send", {"text": text})
        await feed.until(f"#{ref}")


async def _officer_says(officer: Visitor, room: EventStream, text: str, *expect: str) -> None:
    """A command in the console, and the staff room's reply to it."""
    start = len(room.messages)
    await officer.post_json("/staff/bromley/send", {"text": text})
    await room.until(*expect, start=start)


async def _published_forum(app: App, tmp_path: Path) -> None:
    """#1 answered in a live session (its approved text replaces the private
    details), #2 answered after the session closed (a follow-up, published at
    the next opening), #3 still waiting, #4 rejected."""
    async with browser() as r_http, browser() as o_http:
        resident = Visitor(app, r_http)
        await resident.get("/")
        await _ask(app, resident, f"Why are the street lights on Elm Road out? {PRIVATE}", 1)
        await _ask(app, resident, "Is anyone checking the <script>alert(1)</script> park?", 2)
        await _ask(app, resident, "When is the next bike marking?", 3)
        await _ask(app, resident, "Can you fix my neighbour's fence?", 4)
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


async def test_the_archive_shows_sessions_and_only_approved_text(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        await _published_forum(app, tmp_path)
        public = Visitor(app, http)
        status, index = await public.get("/archive")
        assert status == 200 and "/archive/bromley" in index
        status, forum = await public.get("/archive/bromley")
        assert status == 200
        assert "/archive/bromley/sessions/1" in forum and "/archive/bromley/sessions/2" in forum
        assert 'type="application/atom+xml"' in forum and "sessions.ics" in forum

        _, first = await public.get("/archive/bromley/sessions/1")
        assert "Why are the street lights on Elm Road out?" in first
        assert "The council repairs them on Friday." in first
        for private in ("Jane Smith", "07700", "12 Elm Road"):
            assert private not in first
        assert "Question #4" not in first and "neighbour" not in first  # rejected

        _, second = await public.get("/archive/bromley/sessions/2")
        assert "Question #2" in second and "Follow-up" in second
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in second and "<script>alert" not in second
        assert "&lt;b&gt;pass&lt;/b&gt;" in second

        status, one = await public.get("/archive/bromley/questions/1")
        assert status == 200 and "The council repairs them on Friday." in one
        assert "Jane Smith" not in one
        assert "/archive/bromley/sessions/1" in one
        for missing in ("3", "4", "99", "x"):  # waiting, rejected, unknown, not a number
            status, page = await public.get(f"/archive/bromley/questions/{missing}")
            assert status == 404 and "Page not found" in page
        assert (await public.get("/archive/croydon"))[0] == 404


async def test_search_finds_by_a_word_of_the_answer(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        await _published_forum(app, tmp_path)
        public = Visitor(app, http)
        _, found = await public.get("/archive/bromley?q=council+friday")
        assert "/archive/bromley/questions/1" in found
        assert "/archive/bromley/questions/2" not in found.split("Live sessions")[0]
        _, none = await public.get("/archive/bromley?q=Jane")  # private text is not searched
        assert "No published answer matches" in none
        _, odd = await public.get("/archive/bromley?q=%25_%5C")  # LIKE's own characters
        assert "No published answer matches" in odd


async def test_the_atom_feed_lists_published_answers(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        await _published_forum(app, tmp_path)
        async with http.get(base_url(app) + "/archive/bromley/answers.atom") as response:
            assert response.headers["Content-Type"].startswith("application/atom+xml")
            body = await response.read()
        feed = ET.fromstring(body)
        entries = feed.findall(f"{ATOM}entry")
        ids = [e.findtext(f"{ATOM}id") or "" for e in entries]
        assert sorted(i.rsplit("/", 1)[-1] for i in ids) == ["1", "2"]
        text = body.decode()
        assert "The council repairs them on Friday." in text and "Jane Smith" not in text
        follow = next(e for e in entries if (e.findtext(f"{ATOM}id") or "").endswith("/2"))
        assert "follow-up" in (follow.findtext(f"{ATOM}title") or "")
        assert "<b>pass</b>" in (follow.findtext(f"{ATOM}content") or "")  # text, escaped in XML


async def test_the_calendar_feed_is_the_whole_series(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        async with http.get(base_url(app) + "/archive/bromley/sessions.ics") as response:
            assert response.headers["Content-Type"].startswith("text/calendar")
            body = await response.read()
        cal = Calendar.from_ical(body)
        events_ = cal.walk("VEVENT")
        assert len(events_) == 1
        event = events_[0]
        start = event.decoded("dtstart")
        assert start == datetime(2026, 11, 24, 20, 0, tzinfo=ZoneInfo("Europe/London"))
        assert str(event["dtstart"].params["TZID"]) == "Europe/London"
        rule = event["rrule"]
        assert rule["FREQ"] == ["WEEKLY"] and rule["INTERVAL"] == [2]
        assert cal.walk("VTIMEZONE")
        series = rrulestr(rule.to_ical().decode(), dtstart=start)
        first_three = [d.strftime("%Y-%m-%d %H:%M") for d in list(series[:3])]
        assert first_three == ["2026-11-24 20:00", "2026-12-08 20:00", "2026-12-22 20:00"]


async def test_healthz_and_metrics(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        await _published_forum(app, tmp_path)
        async with http.get(base_url(app) + "/healthz") as response:
            assert response.status == 200
            assert await response.json() == {"status": "ok", "database": "ok"}
        async with http.get(base_url(app) + "/metrics") as response:
            text = await response.text()
        samples = {
            (s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text)
            for s in family.samples
        }
        assert samples[("forumbot_questions", (("forum", "bromley"), ("state", "answered")))] == 2
        assert samples[("forumbot_questions", (("forum", "bromley"), ("state", "rejected")))] == 1
        assert samples[("forumbot_answers", (("forum", "bromley"),))] == 2
        assert samples[("forumbot_session_open", (("forum", "bromley"),))] == 1
        assert samples[("forumbot_deliveries", (("outcome", "sent"), ("platform", "web")))] > 0
        assert ("forumbot_web_pages_open", ()) in samples
