"""The resident's chat page: a third platform for the same core. A resident
is known by a random token in a cookie of their browser, nothing else; the
chat's id is a hash of it, so the database alone cannot be used to read
someone's replies.

The page is a conversation, as a private chat with the bot on the apps is:

- "Send" passes what was written as it is (a command, a message starting
  with a forum's phrase, anything else: help); "Ask the police team", with
  the forum chosen on the page when there are several, asks it as a
  question on purpose (``intent=ask``);
- a consultation answered in free text has an answer box under it: what is
  written there is a reply to that message, as replying is on the apps;
- what the resident wrote or pressed is kept with the bot's messages, so
  after the form's redirect the page shows both; when the reply is not in
  yet, the page waits for it up to ``REPLY_WAIT_S``, then says it will
  appear and, without script, refreshes itself (``AWAIT_S``);
- a new resident (a browser whose first message this is) past
  ``web.new_residents``' limits is refused (429) with when to try again and
  the emergency numbers, nothing sent (``newcomers.py``);
- text longer than the forum's question limit is refused with a message,
  never cut (an answer box's, longer than a consultation answer's
  ``ANSWER_LENGTH``, by the core, in the chat); a message that could not
  be handed to the forum is marked "not sent" on the page.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import secrets
import time
from datetime import UTC, datetime, timedelta

from aiohttp import web

from adapters.web import store
from adapters.web.feed import events, form_fields, history, submit, wants_json
from adapters.web.newcomers import NewResidents, Refused
from adapters.web.security import token_like
from adapters.web.site import Site
from bot.core import ANSWER_LENGTH, instant
from bot.edge.chat import ChatRef

RESIDENT_COOKIE = "fb_resident"
COOKIE_DAYS = 365
REPLY_WAIT_S = 3.0  # after the form's redirect: how long the page waits for the reply
AWAIT_S = 60.0  # a message this recent without a reply: "it will appear here"
REFRESH_S = 5  # the page's own refresh while awaiting a reply, without script


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


def _reply_to(raw: str | None) -> str | None:
    """An answer box's message id: digits only, else None."""
    if raw and raw.isascii() and raw.isdigit() and len(raw) <= 18:
        return str(int(raw))
    return None


def awaiting_reply(site: Site, messages: list[store.WebMessage]) -> bool:
    """True when the chat's last message is the resident's own, handed to
    the forum less than ``AWAIT_S`` ago: its reply is still to come."""
    if not messages or not messages[-1].mine or messages[-1].failed:
        return False
    age = site.clock.now() - instant(messages[-1].created_at)
    return age < timedelta(seconds=AWAIT_S)


class ResidentChat:
    """The resident's chat page and what it posts: one method each; ``add_routes``
    puts them at their addresses."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.limit = site.config.limits.question_length
        self.newcomers = NewResidents(site.web.new_residents)

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/", self.page)
        app.router.add_post("/chat/send", self.send)
        app.router.add_get("/chat/events", self.stream)

    def render(
        self,
        request: web.Request,
        messages: list[store.WebMessage],
        *,
        status: int = 200,
        error: str = "",
        text: str = "",
        awaiting: bool = False,
    ) -> web.Response:
        response = self.site.pages.render(
            request,
            "chat.html",
            status=status,
            forums=self.site.config.forums,
            messages=messages,
            last_id=messages[-1].id if messages else 0,
            max_text=self.limit,
            answer_max=ANSWER_LENGTH,
            error=error,
            text=text,
            awaiting=awaiting,
            refresh_s=REFRESH_S,
            not_sent=self.site.core.wording.text(
                "web_not_sent", emergency=self.site.core.wording.contacts.emergency
            ),
        )
        response.headers["Cache-Control"] = "no-store"
        return response

    async def page(self, request: web.Request) -> web.StreamResponse:
        token = _token(request)
        new = token is None
        token = token or secrets.token_urlsafe(32)
        chat_id = chat_id_of(token)
        queue = self.site.hub.watch(chat_id)  # before reading, so no reply falls between
        try:
            messages = await history(self.site, chat_id)
            if awaiting_reply(self.site, messages):
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(REPLY_WAIT_S):
                        while True:
                            event = await queue.get()
                            if event is None or not event.get("mine"):
                                break
                messages = await history(self.site, chat_id)
        finally:
            self.site.hub.unwatch(chat_id, queue)
        response = self.render(request, messages, awaiting=awaiting_reply(self.site, messages))
        if new:
            response.set_cookie(
                RESIDENT_COOKIE,
                token,
                max_age=COOKIE_DAYS * 86400,
                **self.site.security.cookie_options(request),  # type: ignore[arg-type]
            )
        return response

    async def refuse(
        self, request: web.Request, chat_id: str, message: str, text: str
    ) -> web.Response:
        """Nothing was sent: the reason, on the page with the text kept (a
        plain form) or as JSON for the page's script."""
        if wants_json(request):
            return web.json_response({"error": message}, status=400)
        return self.render(
            request, await history(self.site, chat_id), status=400, error=message, text=text
        )

    def busy(self, refused: Refused) -> str:
        """Why a new resident was refused, with when to try again."""
        wording = self.site.core.wording
        c = wording.contacts
        when = datetime.fromtimestamp(refused.retry_at, UTC) + timedelta(seconds=59)
        return wording.text(
            "web_busy_site" if refused.overall else "web_busy_address",
            when=wording.clock(when.replace(second=0, microsecond=0), self.site.config.timezone),
            emergency=c.emergency,
            non_emergency=c.non_emergency,
            online_report_url=c.online_report_url,
        )

    async def admitted(self, request: web.Request, chat_id: str) -> Refused | None:
        """A new resident counted against ``web.new_residents``, or the refusal."""
        async with self.site.core.db.read() as tx:
            if await store.has_written(tx, chat_id):
                return None
        verdict = self.newcomers.admit(chat_id, request.remote)
        return verdict if isinstance(verdict, Refused) else None

    async def send(self, request: web.Request) -> web.StreamResponse:
        """What the resident typed or pressed: checked (``_refusal``), shown
        on their page as theirs, then handed to the core; a page (or JSON for
        the page's script) saying why when it was not sent."""
        token = _token(request)
        if token is None:
            raise web.HTTPBadRequest(text="Open the chat page first, then ask your question.")
        chat = _chat(token)
        fields = await form_fields(request)
        text = fields.get("text", "").strip()
        button = fields.get("button") or None
        reply_to = _reply_to(fields.get("reply_to"))
        refusal = await self._refusal(request, chat.chat_id, text, button, reply_to)
        if refusal is not None:
            return refusal
        ask = button is None and reply_to is None and fields.get("intent") == "ask"
        mine = await self._shown_as_mine(chat.chat_id, text, button)
        try:
            await submit(
                self.site,
                chat,
                chat.chat_id,
                text=_with_phrase(self.site, text, fields.get("forum")) if ask else text,
                button=button,
                nonce=fields.get("nonce"),
                reply_to=reply_to,
                burst=self.newcomers.from_burst(chat.chat_id),
            )
        except Exception:
            return await self._not_sent(request, chat.chat_id, mine, text)
        if wants_json(request):
            return web.json_response({"ok": True})
        raise web.HTTPSeeOther("/#messages")

    async def _refusal(
        self,
        request: web.Request,
        chat_id: str,
        text: str,
        button: str | None,
        reply_to: str | None,
    ) -> web.Response | None:
        """Why nothing is sent (empty, too long, a new resident over the
        limits), as the response to give; None to send it."""
        wording = self.site.core.wording
        if button is None and not text:  # form_fields made it valid: hidden characters gone
            return await self.refuse(request, chat_id, wording.text("web_write_first"), "")
        if button is None and reply_to is None and len(text) > self.limit:
            # An answer box's text is measured by the core, against the
            # consultation answer's own limit, and answered in the chat.
            message = wording.text("web_too_long", length=len(text), limit=self.limit)
            return await self.refuse(request, chat_id, message, text)
        refused = await self.admitted(request, chat_id)
        if refused is None:
            return None
        message = self.busy(refused)
        retry_after = {"Retry-After": str(max(1, int(refused.retry_at - time.time()) + 1))}
        if wants_json(request):
            return web.json_response({"error": message}, status=429, headers=retry_after)
        response = self.render(request, [], status=429, error=message, text=text)
        response.headers.update(retry_after)
        return response

    async def _shown_as_mine(
        self, chat_id: str, text: str, button: str | None
    ) -> store.WebMessage | None:
        """The resident's own side of the chat: what they wrote, or the label
        of what they pressed (a press the page never offered is still shown
        as one), kept and sent to their open pages."""
        async with self.site.core.db.transaction() as tx:
            shown = text
            if button is not None:
                shown = await store.button_label(
                    tx, chat_id, button
                ) or self.site.core.wording.text("web_pressed_unknown")
            mine = (
                await store.add_mine(tx, chat_id, shown, self.site.clock.now()) if shown else None
            )
        if mine is not None:
            self.site.hub.publish(chat_id, mine.as_event())
        return mine

    async def _not_sent(
        self, request: web.Request, chat_id: str, mine: store.WebMessage | None, text: str
    ) -> web.Response:
        """The forum could not take the message in: marked "not sent" on the
        page, with what to do (and 999)."""
        if mine is not None:
            with contextlib.suppress(Exception):
                async with self.site.core.db.transaction() as tx:
                    await store.mark_failed(tx, mine.id)
        wording = self.site.core.wording
        not_sent = wording.text("web_not_sent", emergency=wording.contacts.emergency)
        if wants_json(request):
            return web.json_response({"error": not_sent}, status=503)
        messages = await history(self.site, chat_id)
        return self.render(request, messages, status=503, error=not_sent, text=text)

    async def stream(self, request: web.Request) -> web.StreamResponse:
        token = _token(request)
        if token is None:
            raise web.HTTPBadRequest(text="Open the chat page first.")
        return await events(self.site, request, chat_id_of(token))


def add_routes(app: web.Application, site: Site) -> None:
    ResidentChat(site).add_routes(app)
