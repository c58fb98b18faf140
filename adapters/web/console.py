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

# The longest username and password a sign-in is checked with (an account's
# are shorter); longer is wrong, never cut to fit.
MAX_USERNAME = 80
MAX_PASSWORD = 200

# The console's quick buttons: the command each sends, and its label's template.
QUICK = (
    ("queue", "web_quick_queue"),
    ("next", "web_quick_next"),
    ("open", "web_quick_open"),
    ("close", "web_quick_close"),
)

# A question's states (bot.store.question.State), each with the words a card
# in the console shows for it.
CARD_STATES = {
    "new": "console_card_state_new",
    "approved": "console_card_state_approved",
    "deferred": "console_card_state_deferred",
    "answered": "console_card_state_answered",
    "rejected": "console_card_state_rejected",
    "withdrawn": "console_card_state_withdrawn",
    "merged": "console_card_state_merged",
}


class Console:
    """The console's pages and actions, one method each; ``add_routes``
    puts them at their addresses."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.sign_ins = SignIns(site)
        self.directory = site.core.directory

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/staff/login", self.login_page)
        app.router.add_post("/staff/login", self.login)
        app.router.add_post("/staff/logout", self.logout)
        app.router.add_get("/staff", self.home)
        app.router.add_get("/staff/{forum_id}", self.room)
        app.router.add_post("/staff/{forum_id}/send", self.send)
        app.router.add_get("/staff/{forum_id}/events", self.stream)

    # -- who is asking ---------------------------------------------------------

    def forums_of(self, officer: Officer) -> list[Forum]:
        return [
            f for f in self.site.config.forums if self.directory.web_officer(f, officer.username)
        ]

    async def signed_in(self, request: web.Request) -> Officer:
        """The officer signed in on this visit; else off to the sign-in page."""
        officer = await self.sign_ins.officer(request)
        if officer is None:
            raise web.HTTPSeeOther("/staff/login")
        return officer

    async def forum_for(self, request: web.Request, officer: Officer) -> Forum:
        """The forum in the address, if this officer's; else 404."""
        forum = self.directory.get(request.match_info["forum_id"])
        if forum is None or not self.directory.web_officer(forum, officer.username):
            raise web.HTTPNotFound(text=self.site.core.wording.text("web_no_such_forum"))
        return forum

    # -- signing in and out ----------------------------------------------------

    def sign_in_page(
        self,
        request: web.Request,
        *,
        status: int = 200,
        error: str | None = None,
        username: str = "",
    ) -> web.Response:
        message = self.site.core.wording.text(error) if error else None
        return self.site.pages.render(
            request,
            "staff_login.html",
            status=status,
            error=message,
            username=username,
            possible=self.sign_ins.possible,
        )

    async def login_page(self, request: web.Request) -> web.StreamResponse:
        return self.sign_in_page(request)

    async def login(self, request: web.Request) -> web.StreamResponse:
        fields = await form_fields(request)
        username = fields.get("username", "").strip()
        password = fields.get("password", "")
        shown = username[:MAX_USERNAME]  # what the limiter keys and the page shows back
        if not username or not password:  # not an attempt: nothing counted
            return self.sign_in_page(
                request, status=400, error="web_sign_in_missing", username=shown
            )
        address = request.remote or "unknown"
        if self.sign_ins.blocked(address, shown):
            return self.sign_in_page(
                request, status=429, error="web_sign_in_too_many", username=shown
            )
        # Checked whole, never cut: a name or password longer than any account's is wrong.
        too_long = len(username) > MAX_USERNAME or len(password) > MAX_PASSWORD
        officer = None if too_long else await self.sign_ins.check(username, password)
        if officer is None:
            await self.sign_ins.failed(address, shown)
            return self.sign_in_page(request, status=401, error="web_sign_in_wrong", username=shown)
        response = web.HTTPSeeOther("/staff")
        await self.sign_ins.start(officer, request, response)
        raise response

    async def logout(self, request: web.Request) -> web.StreamResponse:
        response = web.HTTPSeeOther("/staff/login")
        await self.sign_ins.end(request, response)
        raise response

    # -- the rooms -------------------------------------------------------------

    async def home(self, request: web.Request) -> web.StreamResponse:
        officer = await self.signed_in(request)
        forums = self.forums_of(officer)
        if len(forums) == 1:
            raise web.HTTPSeeOther(f"/staff/{forums[0].id}")
        return self.site.pages.render(request, "staff_home.html", officer=officer, forums=forums)

    async def room(self, request: web.Request) -> web.StreamResponse:
        officer = await self.signed_in(request)
        forum = await self.forum_for(request, officer)
        return await self.room_page(request, officer, forum)

    async def room_page(
        self,
        request: web.Request,
        officer: Officer,
        forum: Forum,
        *,
        status: int = 200,
        error: str = "",
        text: str = "",
    ) -> web.Response:
        """The staff room's page; with ``error`` (why nothing was sent) and
        the officer's ``text`` kept in the command box after a refusal."""
        messages = await history(
            self.site, self.directory.web_staff_room(forum).chat_id, cards=True
        )
        wording = self.site.core.wording
        # URGENT cards above all others, newest first; the rest as they came.
        urgent = [m for m in reversed(messages) if m.card is not None and m.card.urgent]
        waiting = len({m.card.question_id for m in urgent if m.card and m.card.awaiting_seen})
        response = self.site.pages.render(
            request,
            "staff_room.html",
            status=status,
            error=error,
            text=text,
            officer=officer,
            forum=forum,
            forums=self.forums_of(officer),
            messages=[m for m in messages if m not in urgent],
            urgent=urgent,
            urgent_waiting=waiting,
            words=self.card_words(),
            urgent_heading=wording.text("console_urgent_heading"),
            urgent_hint=wording.text("console_urgent_hint"),
            urgent_sound=wording.text("console_urgent_sound"),
            last_id=messages[-1].id if messages else 0,
            max_text=MAX_TEXT,
            quick=[(command, wording.text(label)) for command, label in QUICK],
            unreachable=self.unreachable_rooms(forum),
        )
        response.headers["Cache-Control"] = "no-store"
        return response

    def card_words(self) -> dict[str, str]:
        """The console's words for cards, by name (the page's script uses
        them too): ``state_<state>`` for each question state, ``seen``
        (with ``{officer}``), ``not_seen``, ``answer_waits``, ``status``, ``urgent``,
        ``alert`` (with ``{ref}``), ``title`` (with ``{count}``)."""
        text = self.site.core.wording.text
        words = {f"state_{state}": text(f"console_card_state_{state}") for state in CARD_STATES}
        words.update(
            seen=text("console_card_seen", officer="{officer}"),
            not_seen=text("console_card_not_seen"),
            answer_waits=text("console_card_answer_waits"),
            status=text("console_card_status"),
            urgent=text("console_urgent_label"),
            alert=text("console_urgent_alert", ref="{ref}"),
            title=text("console_urgent_title", count="{count}"),
        )
        return words

    def unreachable_rooms(self, forum: Forum) -> list[str]:
        """One line for each of ``forum``'s rooms the bot cannot post in."""
        wording = self.site.core.wording
        directory = self.site.core.directory
        return [
            wording.text(
                "web_room_unreachable",
                platform=wording.platform_name(problem.chat.platform),
                room=problem.chat.chat_id,
                since=problem.since.strftime("%Y-%m-%d %H:%M"),
                problem=problem.problem,
            )
            for problem in directory.rooms.unreachable()
            if forum in directory.forums_of_room(problem.chat)
        ]

    async def send(self, request: web.Request) -> web.StreamResponse:
        """A command typed in the box or a card's button pressed: the same
        inbound event as in a chat staff room. A command longer than
        ``MAX_TEXT`` is refused (400, the page with the reason and the text
        kept; JSON ``{"error": ...}`` for the page's script), never cut; an
        empty one (nothing, or only invisible characters) is refused the same
        way with what to type. A button's data goes as it came: one the bot never made is the staff
        desk's to answer."""
        officer = await self.signed_in(request)
        forum = await self.forum_for(request, officer)
        fields = await form_fields(request)
        text = fields.get("text", "").strip()
        button = fields.get("button") or None
        if button is None and len(text) > MAX_TEXT:  # refused, never cut: nothing is sent
            wording = self.site.core.wording
            message = wording.text("web_too_long", length=len(text), limit=MAX_TEXT)
            if wants_json(request):
                return web.json_response({"error": message}, status=400)
            return await self.room_page(
                request, officer, forum, status=400, error=message, text=text
            )
        if not text and button is None:  # nothing typed (or only invisible characters)
            message = self.site.core.wording.text("console_write_first")
            if wants_json(request):
                return web.json_response({"error": message}, status=400)
            return await self.room_page(request, officer, forum, status=400, error=message)
        if text and not text.startswith("/"):
            text = "/" + text  # the console's box takes commands with or without "/"
        chat: ChatRef = self.directory.web_staff_room(forum)
        if text or button:
            await submit(
                self.site,
                chat,
                officer.username,
                text=text if button is None else "",
                button=button,
                nonce=fields.get("nonce"),
                handle=officer.shown,
            )
        if wants_json(request):
            return web.json_response({"ok": True})
        raise web.HTTPSeeOther(f"/staff/{forum.id}#messages")

    async def stream(self, request: web.Request) -> web.StreamResponse:
        officer = await self.signed_in(request)
        forum = await self.forum_for(request, officer)
        return await events(
            self.site, request, self.directory.web_staff_room(forum).chat_id, cards=True
        )


def add_routes(app: web.Application, site: Site) -> None:
    Console(site).add_routes(app)
