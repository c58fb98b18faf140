"""Feeds per forum: an Atom feed of published answers, and an iCalendar feed
of the live sessions as one recurring event (the forum's RRULE), so calendar
apps show the whole series."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from aiohttp import web
from icalendar import Calendar, Event, vRecur

from adapters.web.site import Site
from bot.core import archive
from config.model import Forum

ATOM = "http://www.w3.org/2005/Atom"
ENTRIES = 50
CALENDAR_KEPT = timedelta(hours=1)


def atom(site: Site, forum: Forum, published: list[archive.Published]) -> bytes:
    ET.register_namespace("", ATOM)
    base = site.base_url
    feed = ET.Element(f"{{{ATOM}}}feed")

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    page = f"{base}/archive/{forum.id}"
    sub(feed, "id", f"{page}/answers.atom")
    sub(feed, "title", f"{forum.name}: answers")
    sub(feed, "link", rel="alternate", type="text/html", href=page)
    sub(feed, "link", rel="self", type="application/atom+xml", href=f"{page}/answers.atom")
    updated = max((p.published_at for p in published), default=datetime(2026, 1, 1, tzinfo=UTC))
    sub(feed, "updated", updated.astimezone(UTC).isoformat())
    author = sub(feed, "author")
    sub(author, "name", forum.name)
    for p in published:
        url = f"{page}/questions/{p.ref}"
        entry = sub(feed, "entry")
        sub(entry, "id", url)
        title = f"Question #{p.ref}" + (" (follow-up)" if p.follow_up else "")
        sub(entry, "title", title)
        sub(entry, "link", rel="alternate", type="text/html", href=url)
        sub(entry, "published", p.published_at.astimezone(UTC).isoformat())
        sub(entry, "updated", p.published_at.astimezone(UTC).isoformat())
        sub(entry, "summary", p.question)
        sub(entry, "content", f"Question: {p.question}\n\nAnswer: {p.answer}", type="text")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + bytes(ET.tostring(feed, encoding="utf-8"))


def calendar(site: Site, forum: Forum) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//forumbot//live sessions//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{forum.name}: live sessions")
    schedule = forum.schedule
    if schedule is not None:
        zone = ZoneInfo(site.config.zone_of(forum))
        event = Event()
        event.add("uid", f"sessions-{forum.id}@{site.base_url.split('://', 1)[-1]}")
        event.add("summary", f"{forum.name}: live Q&A session")
        event.add(
            "description",
            f"Officers answer residents' questions live. Ask any time: {site.base_url}/",
        )
        event.add("url", f"{site.base_url}/archive/{forum.id}")
        event.add("dtstamp", site.clock.now().astimezone(UTC).replace(microsecond=0))
        event.add("dtstart", schedule.first.replace(tzinfo=zone))
        event.add("duration", schedule.duration)
        if schedule.rrule:
            event.add("rrule", vRecur.from_ical(schedule.rrule))
        cal.add_component(event)
        # The zone's rules from the first session on (icalendar stops at 2038;
        # calendar apps know Europe/London by name beyond that).
        cal.add_missing_timezones(first_date=schedule.first.date())
    return bytes(cal.to_ical())


def add_routes(app: web.Application, site: Site) -> None:
    def forum_of(request: web.Request) -> Forum:
        forum = site.core.directory.get(request.match_info["forum_id"])
        if forum is None:
            raise web.HTTPNotFound(text="No such forum.")
        return forum

    async def answers(request: web.Request) -> web.StreamResponse:
        forum = forum_of(request)
        async with site.core.db.read() as tx:
            published = await archive.latest(tx, forum.id, ENTRIES)
        return web.Response(
            body=atom(site, forum, published),
            content_type="application/atom+xml",
            charset="utf-8",
        )

    # The calendar follows the configuration alone, and building it (the
    # zone's rules as VTIMEZONE) keeps the event loop busy for milliseconds:
    # built once an hour per forum, so a flood of calendar requests cannot
    # hold up residents' messages.
    built: dict[str, tuple[datetime, bytes]] = {}

    def calendar_of(forum: Forum) -> bytes:
        now = site.clock.now()
        cached = built.get(forum.id)
        if cached is None or now - cached[0] > CALENDAR_KEPT:
            cached = built[forum.id] = (now, calendar(site, forum))
        return cached[1]

    async def sessions(request: web.Request) -> web.StreamResponse:
        forum = forum_of(request)
        response = web.Response(
            body=calendar_of(forum), content_type="text/calendar", charset="utf-8"
        )
        response.headers["Content-Disposition"] = f'inline; filename="{forum.id}-sessions.ics"'
        return response

    app.router.add_get("/archive/{forum_id}/answers.atom", answers)
    app.router.add_get("/archive/{forum_id}/sessions.ics", sessions)
