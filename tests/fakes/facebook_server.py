"""A fake Graph API for Messenger on 127.0.0.1: the Send API a Page's bot
posts to, and Meta's side of the webhook (deliveries of residents' messages,
signed with the app secret, delivered again until answered 200).

Faithful where forumbot depends on it (shapes from Meta's Messenger Platform
reference; docs/decisions.md, "Facebook Messenger"):

- ``GET /{version}/me`` answers the Page (id, name) for the Page token;
  any other token: 400 with error 190 (OAuthException).
- ``POST /{version}/me/messages``: ``recipient.id``, ``messaging_type``
  ``RESPONSE`` / ``UPDATE`` / ``MESSAGE_TAG`` (then ``tag``, of which only
  ``HUMAN_AGENT`` is still accepted), ``message.text`` of 1-2000 characters,
  at most 13 ``quick_replies`` (titles cut to 20 characters, as Messenger
  shows them; payloads at most 1000). The 24-hour window is kept by the
  fake's clock (``now``, moved by the test): a person may be messaged
  within 24 hours of their last message to the Page, else error 10 subcode
  2018278; ``HUMAN_AGENT`` within 7 days, and only when the app is approved
  for it (``human_agent_approved``). A person who never wrote: error 100
  subcode 2018001; one who blocked the Page (``blocked``): 551.
  ``fail_next`` makes the next sends answer any error Graph gives.
- The Page (Pages API): ``POST /{version}/{page-id}/feed`` with ``message``
  makes a post (``{"id": "PAGEID_N"}``) and ``POST /{version}/{post-id}/comments``
  a comment on one of its posts (``{"id": "POSTID_N"}``), each recorded
  (``posts``, ``PagePost.comments``) with the mentions Graph would make of
  ``@[id]`` in the message. Refused as Graph refuses them: no token or
  another's (190); a permission not granted (``granted``: posting needs
  ``pages_manage_posts``, commenting as the Page ``pages_manage_engagement``;
  403, code 200); an empty message, a post over 63,206 characters or a
  comment over 8,000 (100: figures from third-party pages, standing for
  "some limit", as Meta documents none; docs/facebook.md, "Meta's
  limits"); a post that does not exist (100, subcode 33);
  ``fail_next_post`` for any other error (rate limits 4, 17, 32, 613; 368).
- Deliveries: :meth:`FakeFacebook.message` (and ``quick_reply``, ``referral``)
  build a messaging event at the fake's clock, opening that person's window,
  and POST it to ``webhook_url`` with ``X-Hub-Signature-256``; a delivery
  not answered 200 is delivered again (``retry_delay_s`` apart, up to
  ``max_attempts`` times). Every attempt is recorded in ``deliveries``.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
from aiohttp import web

from tests.fakes.server import FakeServer

WINDOW = timedelta(hours=24)
HUMAN_AGENT_WINDOW = timedelta(days=7)
MAX_TEXT = 2000
MAX_QUICK_REPLIES = 13
MAX_TITLE = 20
MAX_PAYLOAD = 1000


@dataclass(frozen=True)
class SentMessage:
    """A message the Page sent through the Send API, as Messenger took it."""

    psid: str
    text: str
    quick_replies: tuple[tuple[str, str], ...]  # (title as shown, payload)
    messaging_type: str
    tag: str | None
    mid: str
    at: datetime


MAX_POST = 63206  # characters of a post's message
MAX_COMMENT = 8000  # characters of a comment's message
MENTION = re.compile(r"@\[(\d+)")  # Graph's mention tag in a post's message
PAGE_PERMISSIONS = frozenset({"pages_messaging", "pages_manage_posts", "pages_manage_engagement"})


@dataclass
class PagePost:
    """A post on the Page, or a comment on one (``parent``: the post's id),
    as the public sees it, with whom Graph would have tagged in it."""

    id: str
    message: str
    at: datetime
    parent: str | None = None
    mentions: tuple[str, ...] = ()
    comments: list[PagePost] = field(default_factory=list)


@dataclass
class Delivery:
    """One attempt at delivering a webhook body: the status answered (0: no
    answer, the connection failed)."""

    body: bytes
    status: int
    attempt: int


@dataclass
class GraphFailure:
    status: int
    code: int
    subcode: int = 0
    message: str = "(#2) Service temporarily unavailable"


@dataclass
class FakeFacebook(FakeServer):
    page_id: str = "102030405060708"
    page_token: str = "EAAGfakepagetoken0123456789"
    app_secret: str = "0123456789abcdef0123456789abcdef"
    version: str = "v21.0"
    human_agent_approved: bool = False
    retry_delay_s: float = 0.2
    max_attempts: int = 5
    webhook_url: str = ""
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    sent: list[SentMessage] = field(default_factory=list)
    refused: list[dict[str, Any]] = field(default_factory=list)  # sends answered with an error
    deliveries: list[Delivery] = field(default_factory=list)
    blocked: set[str] = field(default_factory=set)
    last_heard: dict[str, datetime] = field(default_factory=dict)
    failures: list[GraphFailure] = field(default_factory=list)
    posts: list[PagePost] = field(default_factory=list)  # on the Page, oldest first
    post_refusals: list[dict[str, Any]] = field(default_factory=list)  # Graph's errors answered
    post_failures: list[GraphFailure] = field(default_factory=list)
    granted: set[str] = field(default_factory=lambda: set(PAGE_PERMISSIONS))

    def __post_init__(self) -> None:
        super().__init__()
        self._mids = itertools.count(1)
        self._tasks: set[asyncio.Task[None]] = set()
        self._session: aiohttp.ClientSession | None = None

    # ------------------------------------------------------------------ server

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get(f"/{self.version}/me", self._me)
        app.router.add_post(f"/{self.version}/me/messages", self._send)
        app.router.add_post(f"/{self.version}/{{object_id}}/feed", self._feed)
        app.router.add_post(f"/{self.version}/{{object_id}}/comments", self._comment)

    async def before_stop(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._session is not None:
            await self._session.close()
            self._session = None

    def advance(self, delta: timedelta) -> None:
        """Move the fake's clock on."""
        self.now += delta

    def fail_next(self, code: int, subcode: int = 0, status: int = 400, message: str = "") -> None:
        """The next send answers Graph's error ``code`` / ``subcode``."""
        self.failures.append(GraphFailure(status, code, subcode, message or f"(#{code}) error"))

    def fail_next_post(
        self, code: int, subcode: int = 0, status: int = 400, message: str = ""
    ) -> None:
        """The next post or comment answers Graph's error ``code``."""
        self.post_failures.append(
            GraphFailure(status, code, subcode, message or f"(#{code}) error")
        )

    # ------------------------------------------------------------------ the Page

    def post_by_id(self, post_id: str) -> PagePost | None:
        return next((p for p in self.posts if p.id == post_id), None)

    def delete_post(self, post_id: str) -> None:
        """A moderator deletes a post from the Page."""
        self.posts = [p for p in self.posts if p.id != post_id]

    async def _feed(self, request: web.Request) -> web.Response:
        return await self._publish(request, None)

    async def _comment(self, request: web.Request) -> web.Response:
        return await self._publish(request, request.match_info["object_id"])

    async def _publish(self, request: web.Request, parent_id: str | None) -> web.Response:
        try:
            body = await request.json()
        except ValueError:
            body = dict(await request.post())
        answer, message = self._check_post(request, body, parent_id)
        if answer is not None:
            self.post_refusals.append({"path": request.path, "body": body})
            self.changed()
            return answer
        mentions = tuple(MENTION.findall(message))
        if parent_id is None:
            post = PagePost(f"{self.page_id}_{next(self._mids)}", message, self.now, None, mentions)
            self.posts.append(post)
        else:
            parent = self.post_by_id(parent_id)
            assert parent is not None
            post = PagePost(
                f"{parent_id.split('_')[-1]}_{next(self._mids)}",
                message,
                self.now,
                parent_id,
                mentions,
            )
            parent.comments.append(post)
        self.changed()
        return web.json_response({"id": post.id})

    def _check_post(
        self, request: web.Request, body: Any, parent_id: str | None
    ) -> tuple[web.Response | None, str]:
        """Graph's error for this post or comment (None when it takes it), and its message."""
        if not self._authorised(request):
            return self._error(400, 190, "Error validating access token: Session has expired"), ""
        if self.post_failures:
            f = self.post_failures.pop(0)
            return self._error(f.status, f.code, f.message, f.subcode), ""
        needed = "pages_manage_posts" if parent_id is None else "pages_manage_engagement"
        if needed not in self.granted:
            return self._error(
                403,
                200,
                f"(#200) If posting to a page, requires both pages_read_engagement and {needed} "
                "as an admin with sufficient administrative permission",
            ), ""
        if parent_id is None and request.match_info["object_id"] != self.page_id:
            return self._error(403, 200, "(#200) The Page token may post only on its Page"), ""
        if parent_id is not None and self.post_by_id(parent_id) is None:
            return self._error(
                400,
                100,
                f"Unsupported post request. Object with ID '{parent_id}' does not exist, cannot "
                "be loaded due to missing permissions, or does not support this operation",
                33,
            ), ""
        message = body.get("message") if isinstance(body, dict) else None
        if not isinstance(message, str) or not message.strip():
            return self._error(400, 100, "(#100) Missing message or attachment"), ""
        limit = MAX_POST if parent_id is None else MAX_COMMENT
        if len(message) > limit:
            return self._error(
                400, 100, f"(#100) Param message must be at most {limit} characters long"
            ), ""
        return None, message

    @staticmethod
    def _error(status: int, code: int, message: str, subcode: int = 0) -> web.Response:
        error: dict[str, Any] = {
            "message": message,
            "type": "OAuthException",
            "code": code,
            "fbtrace_id": "AbCdEfGh",
        }
        if subcode:
            error["error_subcode"] = subcode
        return web.json_response({"error": error}, status=status)

    def _authorised(self, request: web.Request) -> bool:
        given = request.headers.get("Authorization", "")
        token = request.query.get("access_token", "")
        return given == f"Bearer {self.page_token}" or token == self.page_token

    async def _me(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return self._error(400, 190, "Invalid OAuth access token - Cannot parse access token")
        return web.json_response({"id": self.page_id, "name": "Bromley Police"})

    async def _send(self, request: web.Request) -> web.Response:
        try:
            body = await request.json()
        except ValueError:
            return self._error(400, 100, "(#100) Invalid JSON")
        answer = self._check(request, body)
        if answer is not None:
            self.refused.append(body)
            self.changed()
            return answer
        message = body["message"]
        mid = f"m_{next(self._mids)}"
        quick = tuple(
            (str(q["title"])[:MAX_TITLE], str(q["payload"]))
            for q in message.get("quick_replies") or ()
        )
        self.sent.append(
            SentMessage(
                str(body["recipient"]["id"]),
                message["text"],
                quick,
                body["messaging_type"],
                body.get("tag"),
                mid,
                self.now,
            )
        )
        self.changed()
        return web.json_response({"recipient_id": body["recipient"]["id"], "message_id": mid})

    def _check(self, request: web.Request, body: Any) -> web.Response | None:
        """The error Graph gives for this send, or None when it takes it."""
        if not self._authorised(request):
            return self._error(400, 190, "Error validating access token: Session has expired")
        if self.failures:
            f = self.failures.pop(0)
            return self._error(f.status, f.code, f.message, f.subcode)
        if not isinstance(body, dict) or not isinstance(body.get("recipient"), dict):
            return self._error(400, 100, "(#100) param recipient must be non-empty.")
        kind = body.get("messaging_type")
        if kind not in ("RESPONSE", "UPDATE", "MESSAGE_TAG"):
            return self._error(400, 100, "(#100) Invalid messaging_type")
        tag = body.get("tag")
        if kind == "MESSAGE_TAG" and tag != "HUMAN_AGENT":
            return self._error(400, 100, f"(#100) Tag {tag} is not supported")
        message = body.get("message")
        text = message.get("text") if isinstance(message, dict) else None
        if not isinstance(text, str) or not text:
            return self._error(400, 100, "(#100) param message must have text or attachment")
        if len(text) > MAX_TEXT:
            return self._error(
                400, 100, "(#100) Length of param message[text] must be less than or equal to 2000"
            )
        assert isinstance(message, dict)
        quick = message.get("quick_replies") or []
        if len(quick) > MAX_QUICK_REPLIES:
            return self._error(
                400, 100, "(#100) param message[quick_replies] must have at most 13 elements"
            )
        for q in quick:
            # Meta's quick replies reference: a text quick reply needs a
            # non-empty title (shown to 20 characters, longer cut) and a
            # payload of at most 1000 characters.
            if (
                not isinstance(q, dict)
                or q.get("content_type") != "text"
                or not q.get("title")
                or not str(q.get("payload", ""))
                or len(str(q.get("payload", ""))) > MAX_PAYLOAD
            ):
                return self._error(400, 100, "(#100) Invalid quick reply")
        psid = str(body["recipient"].get("id"))
        if psid in self.blocked:
            return self._error(400, 551, "This person isn't available right now.", 1545041)
        heard = self.last_heard.get(psid)
        if heard is None:
            return self._error(400, 100, "(#100) No matching user found", 2018001)
        if kind == "MESSAGE_TAG":
            if not self.human_agent_approved:
                return self._error(
                    400, 10, "(#10) This Page is not approved to use the HUMAN_AGENT tag"
                )
            if self.now - heard > HUMAN_AGENT_WINDOW:
                return self._outside()
            return None
        if self.now - heard > WINDOW:
            return self._outside()
        return None

    def _outside(self) -> web.Response:
        return self._error(
            400,
            10,
            "(#10) This message is sent outside of allowed window.",
            2018278,
        )

    # ------------------------------------------------------------------ deliveries

    def sign(self, body: bytes, secret: str | None = None) -> str:
        key = (secret or self.app_secret).encode()
        return "sha256=" + hmac.new(key, body, hashlib.sha256).hexdigest()

    def _event(self, psid: str, **content: Any) -> dict[str, Any]:
        self.last_heard[psid] = self.now
        return {
            "sender": {"id": psid},
            "recipient": {"id": self.page_id},
            "timestamp": int(self.now.timestamp() * 1000),
            **content,
        }

    def body_of(self, *events: dict[str, Any]) -> bytes:
        entry = {
            "id": self.page_id,
            "time": int(self.now.timestamp() * 1000),
            "messaging": list(events),
        }
        return json.dumps({"object": "page", "entry": [entry]}).encode()

    def message(self, psid: str, text: str, **extra: Any) -> str:
        """The resident ``psid`` writes ``text`` to the Page: delivered (and
        again until answered 200). Returns the message id."""
        mid = f"m_in_{next(self._mids)}"
        self.deliver(self.body_of(self._event(psid, message={"mid": mid, "text": text, **extra})))
        return mid

    def quick_reply(self, psid: str, title: str, payload: str) -> str:
        """The resident taps a quick reply: its title is posted as their text."""
        mid = f"m_in_{next(self._mids)}"
        message = {"mid": mid, "text": title, "quick_reply": {"payload": payload}}
        self.deliver(self.body_of(self._event(psid, message=message)))
        return mid

    def referral(self, psid: str, ref: str) -> None:
        """The resident follows an m.me link with ``ref`` into the conversation."""
        event = self._event(
            psid, referral={"ref": ref, "source": "SHORTLINK", "type": "OPEN_THREAD"}
        )
        self.deliver(self.body_of(event))

    def deliver(self, body: bytes, signature: str | None = None) -> None:
        """POST ``body`` to the webhook, signed (or with ``signature``), in the
        background, and again until it is answered 200."""
        task = asyncio.create_task(self._deliver(body, signature or self.sign(body)))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def post_once(self, body: bytes, signature: str | None) -> int:
        """One POST of ``body`` to the webhook; its status (0: no answer)."""
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=20))
        headers = {"Content-Type": "application/json"}
        if signature is not None:
            headers["X-Hub-Signature-256"] = signature
        try:
            async with self._session.post(self.webhook_url, data=body, headers=headers) as r:
                await r.read()
                return r.status
        except (aiohttp.ClientError, TimeoutError):
            return 0

    async def _deliver(self, body: bytes, signature: str) -> None:
        for attempt in range(1, self.max_attempts + 1):
            status = await self.post_once(body, signature)
            self.deliveries.append(Delivery(body, status, attempt))
            self.changed()
            if status == 200:
                return
            await asyncio.sleep(self.retry_delay_s)

    # ------------------------------------------------------------------ waiting

    async def wait_for_sent(
        self,
        match: Callable[[SentMessage], bool],
        timeout: float = 8.0,  # noqa: ASYNC109 - bounded wait
        start: int = 0,
    ) -> SentMessage:
        """The first message sent (from index ``start``) that ``match``es."""
        return await self.wait_until(
            lambda: next((m for m in self.sent[start:] if match(m)), None),
            timeout,
            lambda: (
                f"no matching message within {timeout}s; sent: "
                + repr([(m.psid, m.text[:60]) for m in self.sent[start:]])
            ),
        )

    async def wait_for_post(
        self,
        match: Callable[[PagePost], bool],
        timeout: float = 8.0,  # noqa: ASYNC109 - bounded wait
        comments: bool = False,
    ) -> PagePost:
        """The first post on the Page (or, with ``comments``, comment on
        any of its posts) that ``match``es."""

        def found() -> PagePost | None:
            pool = [c for p in self.posts for c in p.comments] if comments else self.posts
            return next((p for p in pool if match(p)), None)

        return await self.wait_until(
            found,
            timeout,
            lambda: (
                f"no matching post within {timeout}s; posts: "
                + repr([(p.message[:60], [c.message[:40] for c in p.comments]) for p in self.posts])
            ),
        )

    async def wait_for_delivery(
        self,
        match: Callable[[Delivery], bool],
        timeout: float = 8.0,  # noqa: ASYNC109 - bounded wait
    ) -> Delivery:
        return await self.wait_until(
            lambda: next((d for d in self.deliveries if match(d)), None),
            timeout,
            lambda: (
                f"no matching delivery within {timeout}s: "
                + repr([(d.status, d.attempt) for d in self.deliveries])
            ),
        )
