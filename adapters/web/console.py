"""The officers' console: sign in, then each forum's staff room as a live
feed. Cards, buttons and commands are the chat staff rooms' own: a press or a
command here becomes the same inbound event, handled by the same staff desk
and recorded in the same audit trail."""

from __future__ import annotations

from aiohttp import web

from adapters.web.auth import Officer, SignIns
from adapters.web.feed import MAX_TEXT, events, form_fields, history, submit, wants_json
from adapters.web.site import Site
from bot.edge.chat import ChatRef
from config.model import Forum

QUICK = (
    ("queue", "Show the queue"),
    ("next", "Next sessions"),
    ("open", "Open a session now"),
    ("close", "Close the session"),
)


def add_routes(app: web.Application, site: Site) -> None:
    sign_ins = SignIns(site)
    directory = site.core.directory

    def forums_of(officer: Officer) -> list[Forum]:
        return [f for f in site.config.forums if directory.web_officer(f, officer.username)]

    async def signed_in(request: web.Request) -> Officer:
        officer = await sign_ins.officer(request)
        if officer is None:
            raise web.HTTPSeeOther("/staff/login")
        return officer

    async def forum_for(request: web.Request, officer: Officer) -> Forum:
        forum = directory.get(request.match_info["forum_id"])
        if forum is None or not directory.web_officer(forum, officer.username):
            raise web.HTTPNotFound(text="No such forum for this account.")
        return forum

    async def login_page(request: web.Request) -> web.StreamResponse:
        return site.pages.render(
            request, "staff_login.html", error=None, username="", possible=sign_ins.possible
        )

    async def login(request: web.Request) -> web.StreamResponse:
        fields = await form_fields(request)
        username = fields.get("username", "").strip()[:80]
        password = fields.get("password", "")[:200]
        address = request.remote or "unknown"
        if sign_ins.blocked(address, username):
            return site.pages.render(
                request,
                "staff_login.html",
                status=429,
                error="Too many failed attempts. Wait 15 minutes, then try again.",
                username=username,
                possible=sign_ins.possible,
            )
        officer = await sign_ins.check(username, password) if username and password else None
        if officer is None:
            await sign_ins.failed(address, username)
            return site.pages.render(
                request,
                "staff_login.html",
                status=401,
                error="The username or password is not right.",
                username=username,
                possible=sign_ins.possible,
            )
        response = web.HTTPSeeOther("/staff")
        await sign_ins.start(officer, request, response)
        raise response

    async def logout(request: web.Request) -> web.StreamResponse:
        response = web.HTTPSeeOther("/staff/login")
        await sign_ins.end(request, response)
        raise response

    async def home(request: web.Request) -> web.StreamResponse:
        officer = await signed_in(request)
        forums = forums_of(officer)
        if len(forums) == 1:
            raise web.HTTPSeeOther(f"/staff/{forums[0].id}")
        return site.pages.render(request, "staff_home.html", officer=officer, forums=forums)

    async def room(request: web.Request) -> web.StreamResponse:
        officer = await signed_in(request)
        forum = await forum_for(request, officer)
        chat = directory.web_staff_room(forum)
        messages = await history(site, chat.chat_id)
        response = site.pages.render(
            request,
            "staff_room.html",
            officer=officer,
            forum=forum,
            forums=forums_of(officer),
            messages=messages,
            last_id=messages[-1].id if messages else 0,
            max_text=MAX_TEXT,
            quick=QUICK,
        )
        response.headers["Cache-Control"] = "no-store"
        return response

    async def send(request: web.Request) -> web.StreamResponse:
        officer = await signed_in(request)
        forum = await forum_for(request, officer)
        fields = await form_fields(request)
        text = fields.get("text", "").strip()[:MAX_TEXT]
        button = fields.get("button") or None
        if text and not text.startswith("/"):
            text = "/" + text  # the console's box takes commands with or without "/"
        chat: ChatRef = directory.web_staff_room(forum)
        if text or button:
            await submit(
                site,
                chat,
                officer.username,
                text=text if button is None else "",
                button=button[:200] if button else None,
                nonce=fields.get("nonce"),
                handle=officer.shown,
            )
        if wants_json(request):
            return web.json_response({"ok": True})
        raise web.HTTPSeeOther(f"/staff/{forum.id}#messages")

    async def stream(request: web.Request) -> web.StreamResponse:
        officer = await signed_in(request)
        forum = await forum_for(request, officer)
        return await events(site, request, directory.web_staff_room(forum).chat_id)

    app.router.add_get("/staff/login", login_page)
    app.router.add_post("/staff/login", login)
    app.router.add_post("/staff/logout", logout)
    app.router.add_get("/staff", home)
    app.router.add_get("/staff/{forum_id}", room)
    app.router.add_post("/staff/{forum_id}/send", send)
    app.router.add_get("/staff/{forum_id}/events", stream)
