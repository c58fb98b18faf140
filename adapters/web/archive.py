"""The public archive: each forum's sessions with their published questions
and answers (follow-ups marked), a page per question at a stable address,
and search. Only what officers approved for publication is shown."""

from __future__ import annotations

from datetime import datetime

from aiohttp import web

from adapters.web.site import Site
from bot.store import archive
from config.model import Forum

MAX_QUERY = 200


def add_routes(app: web.Application, site: Site) -> None:
    directory = site.core.directory

    def forum_of(request: web.Request) -> Forum:
        forum = directory.get(request.match_info["forum_id"])
        if forum is None:
            raise not_found(request)
        return forum

    def not_found(request: web.Request) -> web.HTTPNotFound:
        return web.HTTPNotFound(
            text=site.pages.text(request, "not_found.html"),
            content_type="text/html",
        )

    def when(forum: Forum, at: datetime) -> str:
        return site.core.wording.when(at, directory.zone(forum))

    def feeds(forum: Forum) -> dict[str, str]:
        return {
            "atom": f"/archive/{forum.id}/answers.atom",
            "ics": f"/archive/{forum.id}/sessions.ics",
        }

    async def index(request: web.Request) -> web.StreamResponse:
        now = site.clock.now()
        forums = []
        for forum in site.config.forums:
            upcoming = site.core.sessions.next_occurrence(forum, now)
            forums.append(
                {
                    "forum": forum,
                    "next": when(forum, upcoming.starts_at) if upcoming is not None else None,
                }
            )
        return site.pages.render(request, "archive_index.html", forums=forums)

    async def forum_page(request: web.Request) -> web.StreamResponse:
        forum = forum_of(request)
        query = request.query.get("q", "").strip()[:MAX_QUERY]
        async with site.core.db.read() as tx:
            sessions = await archive.sessions(tx, forum.id)
            found = await archive.search(tx, forum.id, query) if query else []
        upcoming = site.core.sessions.next_occurrence(forum, site.clock.now())
        return site.pages.render(
            request,
            "archive_forum.html",
            forum=forum,
            sessions=[(s, when(forum, s.starts_at)) for s in sessions],
            query=query,
            found=[(q, when(forum, q.answered_at)) for q in found],
            next=when(forum, upcoming.starts_at) if upcoming is not None else None,
            feeds=feeds(forum),
        )

    async def session_page(request: web.Request) -> web.StreamResponse:
        forum = forum_of(request)
        raw = request.match_info["session_id"]
        if not raw.isdigit():
            raise not_found(request)
        async with site.core.db.read() as tx:
            held = await archive.session(tx, forum.id, int(raw))
            published = await archive.in_session(tx, forum.id, int(raw)) if held else []
        if held is None:
            raise not_found(request)
        return site.pages.render(
            request,
            "archive_session.html",
            forum=forum,
            session=held,
            started=when(forum, held.starts_at),
            published=published,
            feeds=feeds(forum),
        )

    async def question_page(request: web.Request) -> web.StreamResponse:
        forum = forum_of(request)
        raw = request.match_info["ref"]
        if not raw.isdigit():
            raise not_found(request)
        async with site.core.db.read() as tx:
            published = await archive.question(tx, forum.id, int(raw))
        if published is None:
            raise not_found(request)
        return site.pages.render(
            request,
            "archive_question.html",
            forum=forum,
            q=published,
            answered=when(forum, published.answered_at),
            feeds=feeds(forum),
        )

    app.router.add_get("/archive", index)
    app.router.add_get("/archive/{forum_id}", forum_page)
    app.router.add_get("/archive/{forum_id}/sessions/{session_id}", session_page)
    app.router.add_get("/archive/{forum_id}/questions/{ref}", question_page)
