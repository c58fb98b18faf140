"""The resident's chat page: a third platform for the same core. A resident
is known by a random token in a cookie of their browser, nothing else; the
chat's id is a hash of it, so the database alone cannot be used to read
someone's replies."""

from __future__ import annotations

import hashlib
import secrets

from aiohttp import web

from adapters.web.feed import MAX_TEXT, events, form_fields, history, submit, wants_json
from adapters.web.security import token_like
from adapters.web.site import Site
from bot.edge.chat import ChatRef

RESIDENT_COOKIE = "fb_resident"
COOKIE_DAYS = 365


def chat_id_of(token: str) -> str:
    return "r" + hashlib.sha256(token.encode()).hexdigest()[:31]


def _token(request: web.Request) -> str | None:
    token = token_like(request.cookies.get(RESIDENT_COOKIE), 64)
    if token and len(token) >= 20:
        return token
    return None


def _chat(token: str) -> ChatRef:
    return ChatRef("web", chat_id_of(token), "private")


def _with_phrase(site: Site, text: str, forum_id: str | None) -> str:
    """The page chooses the forum: a question without a phrase gets the
    chosen forum's (commands are left as they are)."""
    if not text or text.startswith("/") or site.core.directory.match(text) is not None:
        return text
    forum = site.core.directory.get(forum_id or "") or (
        site.config.forums[0] if site.config.forums else None
    )
    if forum is None or not forum.phrases:
        return text
    return f"{forum.phrases[0]} {text}"


def add_routes(app: web.Application, site: Site) -> None:
    async def page(request: web.Request) -> web.StreamResponse:
        token = _token(request)
        new = token is None
        token = token or secrets.token_urlsafe(32)
        messages = await history(site, chat_id_of(token))
        response = site.pages.render(
            request,
            "chat.html",
            forums=site.config.forums,
            messages=messages,
            last_id=messages[-1].id if messages else 0,
            max_text=MAX_TEXT,
        )
        if new:
            response.set_cookie(
                RESIDENT_COOKIE,
                token,
                max_age=COOKIE_DAYS * 86400,
                **site.security.cookie_options(request),  # type: ignore[arg-type]
            )
        response.headers["Cache-Control"] = "no-store"
        return response

    async def send(request: web.Request) -> web.StreamResponse:
        token = _token(request)
        if token is None:
            raise web.HTTPBadRequest(text="Open the chat page first, then ask your question.")
        fields = await form_fields(request)
        text = fields.get("text", "").strip()[:MAX_TEXT]
        button = fields.get("button") or None
        if not text and button is None:
            if wants_json(request):
                return web.json_response({"error": "Write your question first."}, status=400)
            raise web.HTTPSeeOther("/#ask")
        chat = _chat(token)
        await submit(
            site,
            chat,
            chat.chat_id,
            text=_with_phrase(site, text, fields.get("forum")) if button is None else "",
            button=button[:200] if button else None,
            nonce=fields.get("nonce"),
        )
        if wants_json(request):
            return web.json_response({"ok": True})
        raise web.HTTPSeeOther("/#messages")

    async def stream(request: web.Request) -> web.StreamResponse:
        token = _token(request)
        if token is None:
            raise web.HTTPBadRequest(text="Open the chat page first.")
        return await events(site, request, chat_id_of(token))

    app.router.add_get("/", page)
    app.router.add_post("/chat/send", send)
    app.router.add_get("/chat/events", stream)
