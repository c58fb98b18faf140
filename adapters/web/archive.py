"""The public archive: each forum's sessions with their published questions
and answers (follow-ups marked), a page per question at a stable address,
and search. Only what officers approved for publication is shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from aiohttp import web

from adapters.web.site import Site
from bot.core import archive
from bot.edge.text import clean_text
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


def add_routes(app: web.Application, site: Site) -> None:
    directory = site.core.directory

    def not_found(request: web.Request) -> web.HTTPNotFound:
        return web.HTTPNotFound(
            text=site.pages.text(request, "not_found.html"),
            content_type="text/html",
        )

    def forum_of(request: web.Request) -> Forum:
        forum = directory.get(request.match_info["forum_id"])
        if forum is None:
            raise not_found(request)
        return forum

    def number_of(request: web.Request, name: str) -> int:
        raw = request.match_info[name]
        if not raw.isdigit() or len(raw) > 18:
            raise not_found(request)
        return int(raw)

    def moment(forum: Forum, at: datetime) -> Moment:
        text = site.core.wording.when(at, directory.zone(forum))
        return Moment(text, at.astimezone(UTC).isoformat(timespec="seconds"))

    def upcoming(forum: Forum) -> Moment | None:
        occurrence = site.core.sessions.next_occurrence(forum, site.clock.now())
        return moment(forum, occurrence.starts_at) if occurrence is not None else None

    async def index(request: web.Request) -> web.StreamResponse:
        forums = [{"forum": f, "next": upcoming(f)} for f in site.config.forums]
        return site.pages.render(request, "archive_index.html", forums=forums)

    async def forum_page(request: web.Request) -> web.StreamResponse:
        forum = forum_of(request)
        query = clean_text(request.query.get("q", "")).strip()[:MAX_QUERY]
        raw_before = request.query.get("before", "")
        before = int(raw_before) if raw_before.isdigit() and len(raw_before) <= 18 else None
        async with site.core.db.read() as tx:
            held = await archive.sessions(tx, forum.id, archive.SESSIONS_PAGE + 1, before)
            found = await archive.search(tx, forum.id, query) if query else []
        older = held[-2].id if len(held) > archive.SESSIONS_PAGE else None
        held = held[: archive.SESSIONS_PAGE]
        return site.pages.render(
            request,
            "archive_forum.html",
            forum=forum,
            sessions=[(s, moment(forum, s.starts_at)) for s in held],
            older=older,
            paged=before is not None,
            query=query,
            found=[(q, moment(forum, q.answered_at)) for q in found],
            next=upcoming(forum),
            feeds=feed_links(forum),
        )

    async def session_page(request: web.Request) -> web.StreamResponse:
        forum = forum_of(request)
        session_id = number_of(request, "session_id")
        async with site.core.db.read() as tx:
            held = await archive.session(tx, forum.id, session_id)
            published = await archive.in_session(tx, forum.id, session_id) if held else []
        if held is None:
            raise not_found(request)
        return site.pages.render(
            request,
            "archive_session.html",
            forum=forum,
            session=held,
            started=moment(forum, held.starts_at),
            published=[(q, moment(forum, q.answered_at)) for q in published],
            follow_ups=any(q.follow_up for q in published),
            feeds=feed_links(forum),
        )

    async def question_page(request: web.Request) -> web.StreamResponse:
        forum = forum_of(request)
        ref = number_of(request, "ref")
        async with site.core.db.read() as tx:
            published = await archive.question(tx, forum.id, ref)
            held = (
                await archive.session(tx, forum.id, published.session_id)
                if published is not None and published.session_id is not None
                else None
            )
        if published is None:
            raise not_found(request)
        return site.pages.render(
            request,
            "archive_question.html",
            forum=forum,
            q=published,
            answered=moment(forum, published.answered_at),
            session_started=moment(forum, held.starts_at) if held is not None else None,
            feeds=feed_links(forum),
        )

    app.router.add_get("/archive", index)
    app.router.add_get("/archive/{forum_id}", forum_page)
    app.router.add_get("/archive/{forum_id}/sessions/{session_id}", session_page)
    app.router.add_get("/archive/{forum_id}/questions/{ref}", question_page)
