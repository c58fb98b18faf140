"""The public archive: each forum's sessions with their published questions
and answers (follow-ups marked), a page per question at a stable address,
and search. Only what officers approved for publication is shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from aiohttp import web

from adapters.web.site import Site
from bot.core import archive
from bot.edge.text import clean_text, parse_number
from config.model import Forum

MAX_QUERY = 200


@dataclass(frozen=True)
class Moment:
    """An instant as a page shows it: words in the forum's zone, and the
    machine-readable value for ``<time datetime=...>``."""

    text: str
    iso: str


def feed_links(forum: Forum) -> dict[str, str]:
    return {
        "atom": f"/archive/{forum.id}/answers.atom",
        "ics": f"/archive/{forum.id}/sessions.ics",
    }


class Archive:
    """The archive's pages, one method each; ``add_routes`` puts them at
    their addresses."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.directory = site.core.directory

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/archive", self.index)
        app.router.add_get("/archive/{forum_id}", self.forum_page)
        app.router.add_get("/archive/{forum_id}/sessions/{session_id}", self.session_page)
        app.router.add_get("/archive/{forum_id}/questions/{ref}", self.question_page)

    def not_found(self, request: web.Request) -> web.HTTPNotFound:
        return web.HTTPNotFound(
            text=self.site.pages.text(request, "not_found.html"),
            content_type="text/html",
        )

    def forum_of(self, request: web.Request) -> Forum:
        forum = self.directory.get(request.match_info["forum_id"])
        if forum is None:
            raise self.not_found(request)
        return forum

    def number_of(self, request: web.Request, name: str) -> int:
        """The number in the address's ``name`` part; 404 for anything but
        the digits 0-9 up to ``bot.edge.text.MAX_NUMBER`` (``-1``, ``²``,
        ``٣``, 5,000 digits)."""
        number = parse_number(request.match_info[name])
        if number is None:
            raise self.not_found(request)
        return number

    def moment(self, forum: Forum, at: datetime) -> Moment:
        text = self.site.core.wording.when(at, self.directory.zone(forum))
        return Moment(text, at.astimezone(UTC).isoformat(timespec="seconds"))

    def upcoming(self, forum: Forum) -> Moment | None:
        occurrence = self.site.core.sessions.next_occurrence(forum, self.site.clock.now())
        return self.moment(forum, occurrence.starts_at) if occurrence is not None else None

    async def index(self, request: web.Request) -> web.StreamResponse:
        forums = [{"forum": f, "next": self.upcoming(f)} for f in self.site.config.forums]
        return self.site.pages.render(request, "archive_index.html", forums=forums)

    async def forum_page(self, request: web.Request) -> web.StreamResponse:
        forum = self.forum_of(request)
        query = clean_text(request.query.get("q", "")).strip()[:MAX_QUERY]
        raw_before = request.query.get("before", "")
        before = parse_number(raw_before)
        async with self.site.core.db.read() as tx:
            held = await archive.sessions(tx, forum.id, archive.SESSIONS_PAGE + 1, before)
            found = await archive.search(tx, forum.id, query) if query else []
        older = held[-2].id if len(held) > archive.SESSIONS_PAGE else None
        held = held[: archive.SESSIONS_PAGE]
        return self.site.pages.render(
            request,
            "archive_forum.html",
            forum=forum,
            sessions=[(s, self.moment(forum, s.starts_at)) for s in held],
            older=older,
            paged=before is not None,
            query=query,
            found=[(q, self.moment(forum, q.answered_at)) for q in found],
            next=self.upcoming(forum),
            feeds=feed_links(forum),
        )

    async def session_page(self, request: web.Request) -> web.StreamResponse:
        forum = self.forum_of(request)
        session_id = self.number_of(request, "session_id")
        async with self.site.core.db.read() as tx:
            held = await archive.session(tx, forum.id, session_id)
            published = await archive.in_session(tx, forum.id, session_id) if held else []
        if held is None:
            raise self.not_found(request)
        return self.site.pages.render(
            request,
            "archive_session.html",
            forum=forum,
            session=held,
            started=self.moment(forum, held.starts_at),
            published=[(q, self.moment(forum, q.answered_at)) for q in published],
            follow_ups=any(q.follow_up for q in published),
            feeds=feed_links(forum),
        )

    async def question_page(self, request: web.Request) -> web.StreamResponse:
        forum = self.forum_of(request)
        ref = self.number_of(request, "ref")
        async with self.site.core.db.read() as tx:
            published = await archive.question(tx, forum.id, ref)
            held = (
                await archive.session(tx, forum.id, published.session_id)
                if published is not None and published.session_id is not None
                else None
            )
        if published is None:
            raise self.not_found(request)
        return self.site.pages.render(
            request,
            "archive_question.html",
            forum=forum,
            q=published,
            answered=self.moment(forum, published.answered_at),
            session_started=self.moment(forum, held.starts_at) if held is not None else None,
            feeds=feed_links(forum),
        )


def add_routes(app: web.Application, site: Site) -> None:
    Archive(site).add_routes(app)
