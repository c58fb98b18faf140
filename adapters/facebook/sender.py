"""Sending through Messenger's Send API (``POST /me/messages``), with
Graph's errors mapped to the core's, and Messenger's 24-hour window kept.

What goes: the body as plain text (Messenger shows no markup: nothing a
resident wrote can become any), at most 2000 characters; buttons as quick
replies (at most 13, titles cut to 20 characters, payloads at most 1000:
Meta's quick replies reference). Titles that would show alike once cut
are numbered, and the text ends with what each number stands for
(``quick_replies``).

The window (docs/decisions.md, "Messenger's window"): a message goes as
``RESPONSE`` (a reply to what the resident wrote) or ``UPDATE`` (anything
else) while Messenger allows it; when Messenger answers that the window has
closed (code 10, subcode 2018278), an officer-written answer is sent again
with the ``HUMAN_AGENT`` tag, only if the administrator says Meta approved
the app for it; when that is refused too, or is not allowed, the message
waits for the resident's next message (``WaitsForResident``)."""

from __future__ import annotations

import logging
from typing import Any

from adapters.facebook.graph import Graph, GraphError, NotReached, Unanswered
from adapters.facebook.page import PagePoster
from bot.edge.chat import Buttons
from bot.edge.connection import Connection
from bot.edge.rich import Rich, plain
from bot.edge.sending import (
    NotSent,
    OutcomeUnknown,
    Outgoing,
    Rejected,
    RetryLater,
    Unreachable,
    WaitsForResident,
)

log = logging.getLogger("forumbot.facebook")

MAX_QUICK_REPLIES = 13
MAX_TITLE = 20  # characters of a quick reply's title
MAX_PAYLOAD = 1000  # characters of a quick reply's payload
RATE_LIMITED_WAIT_S = 60.0  # Graph says no figure: a minute, then again

# Graph's codes (developers.facebook.com, Messenger Platform "Error codes").
PERSON_UNAVAILABLE = 551  # "This person isn't available right now"
OUTSIDE_WINDOW = (10, 2018278)  # "message sent outside of allowed window"
RATE_LIMITS = frozenset({4, 17, 32, 613})  # app, user, page, calls-per-hour limits
TOKEN_EXPIRED = 190
TEMPORARY = frozenset({1, 2})  # unknown error, service temporarily unavailable

# What an outbox row is for (``Outgoing.purpose``) -> messaging_type while the
# window is open: answers to what the resident just wrote are RESPONSEs.
RESPONSES = frozenset({"reply", "emergency", "unreadable"})
OFFICER_WRITTEN = frozenset({"answer"})


def cut(label: str) -> str:
    """``label`` as a quick reply's title: at most 20 characters, a longer
    one cut with "…" (Messenger would cut it anyway, without saying so)."""
    label = label.strip() or "?"
    return label if len(label) <= MAX_TITLE else label[: MAX_TITLE - 1].rstrip() + "…"


def quick_replies(buttons: Buttons) -> tuple[list[dict[str, str]], list[str]]:
    """The buttons' rows, flattened, as quick replies within Messenger's
    limits, and the key to add to the text: empty when every title reads
    apart from the others once cut to 20 characters; else each title starts
    with its number ("2. Yes, more patro…") and the key gives each number's
    whole label ("2. Yes, more patrols near the school"). Raises Rejected
    for more than 13 (the core never makes so many: the forum list has
    pages) or a payload too long to come back whole."""
    flat = [button for row in buttons for button in row]
    if len(flat) > MAX_QUICK_REPLIES:
        raise Rejected(f"{len(flat)} buttons: Messenger takes at most {MAX_QUICK_REPLIES}")
    for button in flat:
        if len(button.data) > MAX_PAYLOAD:
            raise Rejected(f"a button's payload is {len(button.data)} characters long")
    titles = [cut(button.label) for button in flat]
    key: list[str] = []
    if len({title.casefold() for title in titles}) < len(titles):
        titles = [cut(f"{n}. {button.label}") for n, button in enumerate(flat, start=1)]
        key = [f"{n}. {button.label}" for n, button in enumerate(flat, start=1)]
    out = [
        {"content_type": "text", "title": title, "payload": button.data}
        for title, button in zip(titles, flat, strict=True)
    ]
    return out, key


class FacebookSender:
    platform = "facebook"
    max_length = 2000  # characters of the text
    idempotent = False  # the Send API has no idempotency key
    max_button_rows = MAX_QUICK_REPLIES

    def __init__(
        self,
        graph: Graph,
        connection: Connection,
        human_agent: bool,
        token_env: str,
        rate_limited_wait_s: float = RATE_LIMITED_WAIT_S,
        page: PagePoster | None = None,
    ) -> None:
        self.rate_limited_wait_s = rate_limited_wait_s
        self.page = page
        self.graph = graph
        self.connection = connection
        self.human_agent = human_agent
        self.token_env = token_env

    @staticmethod
    def measure(body: Rich) -> int:
        """Characters of the plain text (Messenger's 2000)."""
        return len(plain(body))

    async def send(self, message: Outgoing) -> str:
        if message.chat.kind == "channel" and self.page is not None:
            post_id = await self.page.post(message, self._mapped)
            self.connection.up()
            return post_id
        if message.chat.kind != "private":
            raise Rejected("forumbot has no Facebook rooms but the Page: residents' conversations")
        if message.edit_of is not None or message.copy_from is not None:
            raise Rejected("Messenger messages cannot be edited or copied by forumbot")
        body: dict[str, Any] = {"text": plain(message.body)}
        if message.buttons:
            body["quick_replies"], key = quick_replies(message.buttons)
            with_key = body["text"] + "\n\n" + "\n".join(key) if key else body["text"]
            if len(with_key) <= self.max_length:  # else the numbers alone tell them apart
                body["text"] = with_key
        kind = "RESPONSE" if message.purpose in RESPONSES else "UPDATE"
        request: dict[str, Any] = {
            "recipient": {"id": message.chat.chat_id},
            "messaging_type": kind,
            "message": body,
        }
        try:
            return await self._post(request)
        except GraphError as error:
            if (error.code, error.subcode) != OUTSIDE_WINDOW:
                raise self._mapped(error) from None
            if not (self.human_agent and message.purpose in OFFICER_WRITTEN):
                raise WaitsForResident(str(error)) from None
        # An officer's answer, the app approved for HUMAN_AGENT: within 7 days
        # of the resident's last message Messenger takes it.
        tagged = {**request, "messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"}
        try:
            return await self._post(tagged)
        except GraphError as error:
            if (error.code, error.subcode) == OUTSIDE_WINDOW:
                raise WaitsForResident(str(error)) from None
            raise self._mapped(error) from None

    async def _post(self, request: dict[str, Any]) -> str:
        try:
            answer = await self.graph.call("POST", "/me/messages", request)
        except NotReached as error:
            raise NotSent(f"Graph API not reached ({error})") from None
        except Unanswered as error:
            raise OutcomeUnknown(f"no answer from the Graph API ({error})") from None
        self.connection.up()
        mid = answer.get("message_id") if isinstance(answer, dict) else None
        if not isinstance(mid, str) or not mid:
            raise OutcomeUnknown("the Send API answered without a message id")
        return mid

    def _mapped(self, error: GraphError) -> Exception:
        """Graph's error as the core's."""
        if error.code == PERSON_UNAVAILABLE:
            return Unreachable(str(error))
        if error.code in RATE_LIMITS:
            return RetryLater(self.rate_limited_wait_s, str(error))
        if error.code == TOKEN_EXPIRED:
            told = not self.connection.connected and self.connection.problem == "token refused"
            self.connection.down("token refused")
            if told:
                return NotSent(str(error))
            log.error(
                "Facebook refused the Page access token in %s (expired or revoked): make a new "
                "Page access token (docs/facebook.md, step 5) and restart; other platforms "
                "carry on",
                self.token_env,
            )
            return NotSent(str(error))
        if error.code in TEMPORARY or error.status >= 500:
            return NotSent(str(error))
        return Rejected(str(error))
