"""The feeds over real HTTP: Atom of the published answers (only approved
text, escaped as XML), and iCalendar of the live sessions as one recurring
event that calendar apps expand to the same dates as the bot's schedule."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from tests.web.public_setup import public_site, published_forum
from tests.web.web_setup import base_url, browser, running_web

pytestmark = pytest.mark.timeout(60)

ATOM = "{http://www.w3.org/2005/Atom}"
LONDON = ZoneInfo("Europe/London")


async def test_the_atom_feed_lists_published_answers(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        await published_forum(app)
        async with http.get(base_url(app) + "/archive/bromley/answers.atom") as response:
            assert response.status == 200
            assert response.headers["Content-Type"].startswith("application/atom+xml")
            body = await response.read()
        feed = ET.fromstring(body)
        assert feed.tag == f"{ATOM}feed"
        assert feed.findtext(f"{ATOM}updated")
        entries = feed.findall(f"{ATOM}entry")
        ids = [e.findtext(f"{ATOM}id") or "" for e in entries]
        assert [i.rsplit("/", 1)[-1] for i in ids] == ["2", "1"]  # newest published first
        text = body.decode()
        assert "The council repairs them on Friday." in text
        for private in ("Jane Smith", "07700", "12 Elm Road"):
            assert private not in text

        first = entries[1]
        link = first.find(f"{ATOM}link[@rel='alternate']")
        assert link is not None and link.get("href", "").endswith("/archive/bromley/questions/1")
        assert datetime.fromisoformat(first.findtext(f"{ATOM}updated") or "").tzinfo is not None

        follow = entries[0]
        assert "follow-up" in (follow.findtext(f"{ATOM}title") or "")
        content = follow.findtext(f"{ATOM}content") or ""
        assert "<b>pass</b>" in content  # the text itself, escaped in the XML
        assert "&lt;b&gt;pass&lt;/b&gt;" in text
        assert "<script>alert(1)</script>" in (follow.findtext(f"{ATOM}summary") or "")


async def test_the_calendar_is_the_whole_series_as_the_bot_schedules_it(tmp_path: Path) -> None:
    async with public_site(tmp_path) as (h, client):
        response = await client.get("/archive/bromley/sessions.ics")
        assert response.status == 200
        assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
        cal = Calendar.from_ical(await response.read())
        events = cal.walk("VEVENT")
        assert len(events) == 1
        event = events[0]
        assert str(event["summary"]) == "Bromley Police Online Forum: live Q&A session"
        assert str(event["uid"]).startswith("sessions-bromley@")
        start = event.decoded("dtstart")
        assert start == datetime(2026, 11, 24, 20, 0, tzinfo=LONDON)
        assert str(event["dtstart"].params["TZID"]) == "Europe/London"
        assert [str(z["tzid"]) for z in cal.walk("VTIMEZONE")] == ["Europe/London"]
        assert event.decoded("duration").total_seconds() == 3600
        rule = event["rrule"]
        assert rule["FREQ"] == ["WEEKLY"] and rule["INTERVAL"] == [2]

        series = list(rrulestr(rule.to_ical().decode(), dtstart=start)[:12])
        assert [d.strftime("%Y-%m-%d %H:%M") for d in series[:3]] == [
            "2026-11-24 20:00",
            "2026-12-08 20:00",
            "2026-12-22 20:00",
        ]
        # Past the clocks going forward (28 March 2027) the session stays at
        # 20:00 London time, as the bot runs it.
        assert series[11].strftime("%Y-%m-%d %H:%M %Z") == "2027-04-27 20:00 BST"
        forum = h.config.forums[0]
        schedule = h.core.directory.schedule(forum)
        assert schedule is not None
        bot_starts = [o.starts_at for o in schedule.upcoming(h.clock.now(), 12)]
        assert [d.astimezone(UTC) for d in series] == bot_starts

        assert (await client.get("/archive/croydon/sessions.ics")).status == 404
        assert (await client.get("/archive/croydon/answers.atom")).status == 404


async def test_a_forum_without_a_schedule_has_an_empty_calendar(tmp_path: Path) -> None:
    async with public_site(tmp_path, schedule=None) as (_, client):
        response = await client.get("/archive/bromley/sessions.ics")
        assert response.status == 200
        cal = Calendar.from_ical(await response.read())
        assert cal.name == "VCALENDAR" and cal.walk("VEVENT") == []

        response = await client.get("/archive/bromley/answers.atom")
        feed = ET.fromstring(await response.read())
        assert feed.findall(f"{ATOM}entry") == []
        assert feed.findtext(f"{ATOM}title") == "Bromley Police Online Forum: answers"


async def test_the_calendar_is_built_once_an_hour(tmp_path: Path) -> None:
    """Building it keeps the event loop busy; a flood of requests must not
    rebuild it each time. It changes only with the configuration."""
    async with public_site(tmp_path) as (h, client):
        first = await (await client.get("/archive/bromley/sessions.ics")).read()
        h.clock.advance(timedelta(minutes=50))
        again = await (await client.get("/archive/bromley/sessions.ics")).read()
        h.clock.advance(timedelta(minutes=20))
        later = await (await client.get("/archive/bromley/sessions.ics")).read()
    assert again == first
    stamps = [
        Calendar.from_ical(body).walk("VEVENT")[0].decoded("dtstamp") for body in (first, later)
    ]
    assert stamps[1] - stamps[0] == timedelta(minutes=70)
