"""The subscription pages, served by the web side (``bot.edge.endpoint``):
where a resident gives an address, forums (or a postcode that finds them)
and alert types; the confirmation (double opt-in); and, behind the token of
a subscriber's links, stopping every alert, choosing alerts, and seeing or
erasing what is kept (the pages' ``/mydata`` and ``/forget``).

Nothing changes on a GET: a link opened by a mail scanner (or a preview)
only shows a page with a button, and the button POSTs. The unsubscribe
address also takes RFC 8058's one-click POST (``List-Unsubscribe=One-Click``,
from the mail client, with the token in the address), and answers it 200.

The pages' words are in config/messages (``email_page_*``)."""

from __future__ import annotations

import functools
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qs

import email_validator
import jinja2

from adapters.email import links as paths
from adapters.email import store
from adapters.email.links import Links, new_token, token_hash
from adapters.email.mail import paragraphs
from adapters.email.store import Suppressions
from bot.core import ALERT_TYPES, Core, Database
from bot.edge.chat import ChatRef
from bot.edge.clock import Clock
from bot.edge.endpoint import Endpoint, HttpReply, HttpRequest
from config.model import Config

log = logging.getLogger("forumbot.email")

MAX_BODY = 16_384  # bytes of a form: every forum and type chosen fits many times over
ASK_AGAIN_AFTER = timedelta(minutes=10)  # one confirmation e-mail per address in this time
# Confirmation e-mails for the whole site in any minute: the form cannot be
# used to send a flood of them to addresses that never asked.
CONFIRMATIONS_PER_MINUTE = 30
HEADERS: Mapping[str, str] = {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",  # the token is in the address
}


@functools.cache
def _env() -> jinja2.Environment:
    """The page templates, found when first used."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("adapters.email", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # read once: a file changed under a running forumbot is not mixed in
    )


Handler = Callable[[HttpRequest], Awaitable[HttpReply]]

TEMPLATE_WORDS: tuple[str, ...] = (
    "email_page_address",
    "email_page_emergency",
    "email_page_erase_button",
    "email_page_erase_heading",
    "email_page_erase_note",
    "email_page_forums",
    "email_page_manage_button",
    "email_page_manage_intro",
    "email_page_postcode",
    "email_page_problems",
    "email_page_saved",
    "email_page_subscribe_button",
    "email_page_subscribe_intro",
    "email_page_types",
)
"""The words the page templates show (``w("email_page_...")`` in
templates/*.html), each in config/messages: named here so that the check of
every template's use finds them, and ``Pages.missing_words`` can say at start
which one a language file lacks."""


@dataclass(frozen=True)
class Page:
    """One address of the pages, as an ``Endpoint``."""

    path: str
    handler: Handler
    max_body: int = MAX_BODY

    async def handle(self, request: HttpRequest) -> HttpReply:
        return await self.handler(request)


def form_of(request: HttpRequest) -> dict[str, list[str]]:
    """A POST's form fields (each a list), or the query's for a GET."""
    if request.method == "POST" and request.body:
        text = request.body.decode("utf-8", errors="replace")
        return parse_qs(text, keep_blank_values=True, max_num_fields=500)
    return {key: [value] for key, value in request.query.items()}


def field(form: Mapping[str, list[str]], name: str) -> str:
    return (form.get(name) or [""])[0].strip()[:300]


def normalised(address: str) -> str | None:
    """The address as residents are kept (email-validator, no DNS look-up,
    lower case), or None when it is not one."""
    try:
        checked = email_validator.validate_email(address, check_deliverability=False)
    except email_validator.EmailNotValidError:
        return None
    return checked.normalized.lower()


class Pages:
    """The subscription pages. ``core`` is read once the root built it."""

    def __init__(
        self,
        config: Config,
        db: Database,
        core: Callable[[], Core],
        links: Links,
        suppressions: Suppressions,
        clock: Clock,
    ) -> None:
        self.config = config
        self.settings = config.platforms.email
        self.db = db
        self.core = core
        self.links = links
        self.suppressions = suppressions
        self.clock = clock
        self.per_minute = CONFIRMATIONS_PER_MINUTE
        self.sent_at: deque[float] = deque()

    @property
    def endpoints(self) -> Sequence[Endpoint]:
        return [
            Page(paths.SUBSCRIBE, self.subscribe),
            Page(paths.CONFIRM, self.confirm),
            Page(paths.UNSUBSCRIBE, self.unsubscribe),
            Page(paths.MANAGE, self.manage),
            Page(paths.DATA, self.data),
        ]

    def missing_words(self) -> list[str]:
        """The words of ``TEMPLATE_WORDS`` the language file lacks (none, normally)."""
        known = self.core().wording.templates.keys()
        return [key for key in TEMPLATE_WORDS if key not in known]

    # -- rendering --

    def w(self, key: str, **values: object) -> str:
        return self.core().wording.text(key, **values)

    def site(self) -> str:
        return self.settings.from_name or self.w("email_heading")

    def render(self, template: str, title: str, status: int = 200, **values: Any) -> HttpReply:
        html = (
            _env()
            .get_template(template)
            .render(
                w=self.w,
                # As the rest of the site says it (adapters/web/templates/base.html).
                language="en-GB" if self.config.language == "en" else self.config.language,
                site=self.site(),
                current=template.removesuffix(".html"),
                title=title,
                problems=values.pop("problems", ()),
                **values,
            )
        )
        return HttpReply(status, html, HEADERS)

    def message(
        self,
        title: str,
        *texts: str,
        status: int = 200,
        button: str = "",
        action: str = "",
        token: str = "",
        links: Sequence[tuple[str, str]] = (),
    ) -> HttpReply:
        return self.render(
            "message_page.html",
            title,
            status,
            paragraphs=texts,
            button=button,
            action=action,
            token=token,
            links=links,
        )

    def gone(self) -> HttpReply:
        return self.message(
            self.w("email_page_expired_title"),
            self.w("email_page_expired"),
            status=404,
            links=[(self.w("email_page_subscribe_link"), paths.SUBSCRIBE)],
        )

    def method_not_allowed(self) -> HttpReply:
        return HttpReply(405, "GET or POST", {"Allow": "GET, POST"})

    def subscriber_links(self, token: str) -> list[tuple[str, str]]:
        return [
            (self.w("email_footer_manage"), self.links.url(paths.MANAGE, token)),
            (self.w("email_footer_data"), self.links.url(paths.DATA, token)),
            (self.w("email_footer_unsubscribe"), self.links.url(paths.UNSUBSCRIBE, token)),
        ]

    def types(self) -> list[tuple[str, str]]:
        subscribers = self.core().subscribers
        return [(t, subscribers.label(t)) for t in ALERT_TYPES]

    def described(self, pairs: Sequence[tuple[str, str]]) -> tuple[str, str]:
        """(forum names, type labels) of ``pairs``, each joined with commas."""
        subscribers = self.core().subscribers
        names = {f.id: f.name for f in subscribers.forums}
        forums = list(dict.fromkeys(names.get(f, f) for f, _ in pairs))
        kinds = list(dict.fromkeys(subscribers.label(t) for _, t in pairs))
        return ", ".join(forums), ", ".join(kinds)

    # -- subscribing --

    def subscribe_form(
        self,
        problems: Sequence[str] = (),
        address: str = "",
        postcode: str = "",
        forums: Sequence[str] = (),
        types: Sequence[str] | None = None,
        status: int = 200,
    ) -> HttpReply:
        subscribers = self.core().subscribers
        only = [f.id for f in subscribers.forums] if len(subscribers.forums) == 1 else []
        return self.render(
            "subscribe.html",
            self.w("email_page_subscribe_title"),
            status,
            problems=problems,
            action=paths.SUBSCRIBE,
            address=address,
            postcode=postcode,
            forums=subscribers.forums,
            chosen_forums=set(forums or only),
            types=self.types(),
            chosen_types=set(ALERT_TYPES if types is None else types),
        )

    async def subscribe(self, request: HttpRequest) -> HttpReply:
        """GET: the form. POST: checked; an address to confirm kept and the
        confirmation e-mail queued (one per address in ``ASK_AGAIN_AFTER``),
        then "check your inbox"."""
        if request.method == "GET":
            return self.subscribe_form()
        if request.method != "POST":
            return self.method_not_allowed()
        form = form_of(request)
        given = field(form, "address")
        postcode = field(form, "postcode")
        forum_ids = [f[:60] for f in form.get("forum", [])]
        types = [t for t in form.get("type", []) if t in ALERT_TYPES]
        subscribers = self.core().subscribers
        problems: list[str] = []
        address = normalised(given)
        if address is None:
            problems.append(self.w("email_page_problem_address"))
        forums = [f.id for f in subscribers.forums if f.id in forum_ids]
        if postcode:
            covering = subscribers.covering(postcode)
            if covering is None:
                problems.append(self.w("email_page_problem_postcode", postcode=postcode))
            elif not covering:
                problems.append(self.w("email_page_problem_no_forum", postcode=postcode))
            else:
                forums += [f.id for f in covering if f.id not in forums]
        elif not forums:
            problems.append(self.w("email_page_problem_forums"))
        if not types:
            problems.append(self.w("email_page_problem_types"))
        if problems or address is None:
            return self.subscribe_form(problems, given, postcode, forum_ids, types, status=400)
        if not self.room_for_one_more():
            log.warning(
                "e-mail: confirmations over %s a minute; a request refused", self.per_minute
            )
            return self.message(
                self.w("email_page_busy_title"), self.w("email_page_busy"), status=429
            )
        pairs = subscribers.valid_pairs((f, t) for f in forums for t in types)
        now = self.clock.now()
        within = self.settings.confirm_within
        async with self.db.transaction() as tx:
            merged = await store.asked_since(tx, address, now - ASK_AGAIN_AFTER)
            if merged:
                # No second e-mail so soon: the link already sent confirms these too.
                await store.merge_pending(tx, address, pairs)
            else:
                token = new_token()
                await store.add_pending(tx, token_hash(token), address, pairs, now, now + within)
                names, kinds = self.described(pairs)
                body = self.core().wording.render(
                    "email_confirm_mail",
                    forums=names,
                    types=kinds,
                    url=self.links.url(paths.CONFIRM, token),
                    within=self.core().wording.duration(within),
                )
                chat = ChatRef("email", address, "private")
                await subscribers.send_confirmation(tx, chat, body, now)
                log.info("e-mail subscription asked; confirmation queued")
        said = "email_page_sent_merged" if merged else "email_page_sent"
        return self.message(
            self.w("email_page_sent_title"),
            self.w(said, address=address, within=self.core().wording.duration(within)),
        )

    def room_for_one_more(self) -> bool:
        """Whether another confirmation may go within the site's minute
        (counted when asked, a second request for an address included)."""
        at = time.monotonic()
        while self.sent_at and at - self.sent_at[0] >= 60:
            self.sent_at.popleft()
        if len(self.sent_at) >= self.per_minute:
            return False
        self.sent_at.append(at)
        return True

    async def confirm(self, request: HttpRequest) -> HttpReply:
        """GET: what is to be confirmed, and the button. POST: the address's
        resident made (or found) and subscribed, its confirmations deleted,
        any suppression of it lifted."""
        if request.method not in ("GET", "POST"):
            return self.method_not_allowed()
        token = field(form_of(request), "t") or request.query.get("t", "")
        now = self.clock.now()
        digest = token_hash(token)
        async with self.db.read() as tx:
            waiting = await store.pending(tx, digest, now) if token else None
        if waiting is None:
            return await self.already(digest, now) if token else self.gone()
        names, kinds = self.described(waiting.pairs)
        if request.method == "GET":
            return self.message(
                self.w("email_page_confirm_title"),
                self.w("email_page_confirm", forums=names, types=kinds, address=waiting.address),
                button=self.w("email_page_confirm_button"),
                action=paths.CONFIRM,
                token=token,
            )
        subscribers = self.core().subscribers
        async with self.db.transaction() as tx:
            again = await store.pending(tx, digest, now)
            if again is not None:  # else confirmed meanwhile, in another tab
                resident = await subscribers.subscribe(tx, "email", again.address, again.pairs, now)
                await store.forget_pending(tx, again.address)
                await store.used(tx, digest, resident.id, again.expires_at)
                every = await subscribers.chosen(tx, resident)
        if again is None:
            return await self.already(digest, now)
        if again.address in self.suppressions:
            await self.suppressions.lift(self.db, again.address)
        link = self.links.token(resident.id, again.address)
        names, kinds = self.described(every)  # all they now get, not only this link's
        return self.message(
            self.w("email_page_confirmed_title"),
            self.w("email_page_confirmed", forums=names, types=kinds, address=again.address),
            links=self.subscriber_links(link),
        )

    async def already(self, digest: str, now: datetime) -> HttpReply:
        """A confirmation link pressed again once used: "already subscribed"
        with the subscriber's links (while it would not have expired and the
        resident is still kept), else the "no longer works" page."""
        async with self.db.read() as tx:
            resident_id = await store.confirmed_by(tx, digest, now)
            subscribers = self.core().subscribers
            resident = None if resident_id is None else await subscribers.get(tx, resident_id)
            every = [] if resident is None else await subscribers.chosen(tx, resident)
        if resident is None or resident.platform != "email":
            return self.gone()
        names, kinds = self.described(every)
        return self.message(
            self.w("email_page_already_title"),
            self.w("email_page_already", forums=names, types=kinds, address=resident.user_id),
            links=self.subscriber_links(self.links.token(resident.id, resident.user_id)),
        )

    # -- a subscriber's links --

    async def subscriber(self, token: str) -> Any:
        """The e-mail resident whose link token this is, or None."""
        resident_id = Links.resident_of(token)
        if resident_id is None:
            return None
        async with self.db.read() as tx:
            resident = await self.core().subscribers.get(tx, resident_id)
        if resident is None or resident.platform != "email":
            return None
        return resident if self.links.holds(token, resident.id, resident.user_id) else None

    async def opened(
        self, request: HttpRequest
    ) -> tuple[dict[str, list[str]], str, Any] | HttpReply:
        """A subscriber's page (manage, data) asked for: its form, its link
        token and the resident, or the reply when it cannot be shown (a method
        other than GET or POST, a link no longer good)."""
        if request.method not in ("GET", "POST"):
            return self.method_not_allowed()
        form = form_of(request)
        token = field(form, "t") or request.query.get("t", "")
        resident = await self.subscriber(token)
        if resident is None:
            return self.gone()
        return form, token, resident

    async def unsubscribe(self, request: HttpRequest) -> HttpReply:
        """GET: a page with the button (a link scanner's visit changes
        nothing). POST, the button's or a mail client's one-click (RFC 8058):
        every alert stopped, those being sent included."""
        if request.method not in ("GET", "POST"):
            return self.method_not_allowed()
        token = request.query.get("t", "") or field(form_of(request), "t")
        resident = await self.subscriber(token)
        if resident is None:
            return self.gone()
        address = resident.user_id
        if request.method == "GET":
            return self.message(
                self.w("email_page_unsubscribe_title"),
                self.w("email_page_unsubscribe", address=address),
                button=self.w("email_page_unsubscribe_button"),
                action=self.links.url(paths.UNSUBSCRIBE, token),
                token=token,
                links=self.subscriber_links(token)[:2],
            )
        async with self.db.transaction() as tx:
            await self.core().subscribers.unsubscribe(tx, resident)
        one_click = b"List-Unsubscribe=One-Click" in request.body
        log.info(
            "e-mail alerts stopped on a page resident=%s one_click=%s",
            resident.pseudonym,
            one_click,
        )
        return self.message(
            self.w("email_page_unsubscribed_title"),
            self.w("email_page_unsubscribed", address=address),
            links=self.subscriber_links(token)[:2],
        )

    async def manage(self, request: HttpRequest) -> HttpReply:
        """GET: the resident's alerts, forum by forum. POST: exactly those ticked."""
        opened = await self.opened(request)
        if isinstance(opened, HttpReply):
            return opened
        form, token, resident = opened
        subscribers = self.core().subscribers
        saved = False
        if request.method == "POST":
            wanted = []
            for choice in form.get("choice", []):
                forum_id, _, alert_type = choice.partition(":")
                wanted.append((forum_id, alert_type))
            async with self.db.transaction() as tx:
                await subscribers.replace(tx, resident, wanted, self.clock.now())
            saved = True
        async with self.db.read() as tx:
            chosen = set(await subscribers.chosen(tx, resident))
        return self.render(
            "manage.html",
            self.w("email_page_manage_title"),
            saved=saved,
            address=resident.user_id,
            action=paths.MANAGE,
            token=token,
            forums=subscribers.forums,
            types=self.types(),
            chosen=chosen,
            links=[link for link in self.subscriber_links(token) if paths.MANAGE not in link[1]],
        )

    async def data(self, request: HttpRequest) -> HttpReply:
        """GET: everything kept about the resident (``/mydata``'s words) and
        the erase button. POST with the button: erased as ``/forget confirm``
        erases (the last e-mail confirms it)."""
        opened = await self.opened(request)
        if isinstance(opened, HttpReply):
            return opened
        form, token, resident = opened
        subscribers = self.core().subscribers
        if request.method == "POST" and field(form, "erase") == "yes":
            async with self.db.transaction() as tx:
                await subscribers.forget(tx, resident, self.clock.now())
            return self.message(self.w("email_page_erased_title"), self.w("email_page_erased"))
        async with self.db.read() as tx:
            held = await subscribers.my_data(tx, resident)
        return self.render(
            "data.html",
            self.w("email_page_data_title"),
            paragraphs=paragraphs(held),
            action=paths.DATA,
            token=token,
            links=[link for link in self.subscriber_links(token) if paths.DATA not in link[1]],
        )
