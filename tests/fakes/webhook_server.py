"""A fake incoming webhook (Microsoft Teams and Slack) on 127.0.0.1: records
each JSON post it accepts and can be told to fail the next ones.

Faithful to what the real ones answer: Slack's incoming webhook takes
``{"text": ...}`` and answers 200 ``ok``, 400 ``invalid_payload`` (no text),
404 ``no_service`` (a URL that is not a webhook) and 429 with
``Retry-After`` (seconds) when posted to too fast; a Teams incoming webhook
(a connector, MessageCard JSON) answers 200 ``1`` and 400 "Summary or Text
is required." for a card with neither. Paths: ``/slack/<secret>`` and
``/teams/<secret>``; any other secret than ``secret`` is 404 (so the
tests' URL carries a secret part, like the real ones)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from tests.fakes.server import FakeServer

SECRET = "s3cr3t-webhook-path-0123456789"
"""The secret part of the fake's webhook URLs (a real one's is in the path too)."""


@dataclass(frozen=True)
class Post:
    """One accepted post: ``kind`` (``slack`` or ``teams``) and its JSON body."""

    kind: str
    body: dict[str, Any]


class FakeWebhook(FakeServer):
    """``posts``: accepted posts, oldest first. ``fail_next``: HTTP statuses
    to answer the next posts with, in order (500, 429...), before accepting
    again; each failure is counted in ``failed``. ``received``: every
    request, answered how it was."""

    def __init__(self) -> None:
        super().__init__()
        self.posts: list[Post] = []
        self.fail_next: list[int] = []
        self.failed: list[int] = []
        self.received = 0  # every request, accepted or not

    def url(self, kind: str) -> str:
        """The webhook URL of ``kind`` (``slack`` or ``teams``), secret included."""
        return f"{self.base_url}/{kind}/{SECRET}"

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post("/{kind}/{secret}", self._post)

    async def _post(self, request: web.Request) -> web.Response:
        self.received += 1
        kind = request.match_info["kind"]
        if kind not in ("slack", "teams") or request.match_info["secret"] != SECRET:
            return web.Response(status=404, text="no_service")
        if self.fail_next:
            status = self.fail_next.pop(0)
            self.failed.append(status)
            self.changed()
            headers = {"Retry-After": "1"} if status == 429 else {}
            text = "rate_limited" if status == 429 else "server_error"
            return web.Response(status=status, text=text, headers=headers)
        try:
            body = json.loads(await request.text())
        except ValueError:
            return web.Response(status=400, text="invalid_payload")
        if request.content_type != "application/json" or not isinstance(body, dict):
            return web.Response(status=400, text="invalid_payload")
        if kind == "slack":
            if not isinstance(body.get("text"), str) or not body["text"]:
                return web.Response(status=400, text="invalid_payload")
            self.posts.append(Post(kind, body))
            self.changed()
            return web.Response(text="ok")
        if body.get("@type") != "MessageCard" or not (body.get("summary") or body.get("text")):
            return web.Response(status=400, text="Summary or Text is required.")
        self.posts.append(Post(kind, body))
        self.changed()
        return web.Response(text="1")
