"""The fake Graph API keeps Messenger's rules: the window by its clock,
HUMAN_AGENT's 7 days and approval, the limits, Graph's error shapes, and
signed deliveries sent again until answered 200."""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from tests.fakes.facebook_server import FakeFacebook
from tests.fakes.server import FakeServer

pytestmark = pytest.mark.timeout(20)
PSID = "123"


async def send(fb: FakeFacebook, body: dict[str, Any], token: str | None = None) -> tuple[int, Any]:
    headers = {"Authorization": f"Bearer {token or fb.page_token}"}
    async with (
        aiohttp.ClientSession() as http,
        http.post(f"{fb.base_url}/{fb.version}/me/messages", json=body, headers=headers) as r,
    ):
        return r.status, await r.json()


def text(t: str = "hello", kind: str = "RESPONSE", **extra: Any) -> dict[str, Any]:
    return {"recipient": {"id": PSID}, "messaging_type": kind, "message": {"text": t}, **extra}


def error(answer: Any) -> tuple[int, int]:
    return answer["error"]["code"], answer["error"].get("error_subcode", 0)


async def test_the_window_by_the_fakes_clock(facebook: FakeFacebook) -> None:
    assert error((await send(facebook, text()))[1]) == (100, 2018001)  # never wrote
    facebook.last_heard[PSID] = facebook.now
    status, answer = await send(facebook, text())
    assert status == 200 and answer["message_id"].startswith("m_")
    facebook.advance(timedelta(hours=24, seconds=1))
    status, answer = await send(facebook, text(kind="UPDATE"))
    assert (status, error(answer)) == (400, (10, 2018278))
    tagged = text(kind="MESSAGE_TAG", tag="HUMAN_AGENT")
    assert error((await send(facebook, tagged))[1])[0] == 10  # not approved
    facebook.human_agent_approved = True
    assert (await send(facebook, tagged))[0] == 200
    facebook.advance(timedelta(days=7))
    assert error((await send(facebook, tagged))[1]) == (10, 2018278)
    old_tag = text(kind="MESSAGE_TAG", tag="CONFIRMED_EVENT_UPDATE")
    assert error((await send(facebook, old_tag))[1])[0] == 100


async def test_limits_blocked_people_and_tokens(facebook: FakeFacebook) -> None:
    facebook.last_heard[PSID] = facebook.now
    assert error((await send(facebook, text("x" * 2001)))[1])[0] == 100
    assert (await send(facebook, text("x" * 2000)))[0] == 200
    quick = [{"content_type": "text", "title": f"t{i}", "payload": "p"} for i in range(14)]
    too_many = text()
    too_many["message"]["quick_replies"] = quick
    assert error((await send(facebook, too_many))[1])[0] == 100
    too_many["message"]["quick_replies"] = quick[:13]
    assert (await send(facebook, too_many))[0] == 200
    # Meta's quick replies reference: a text quick reply needs its title and
    # a payload of at most 1000 characters; a longer title is cut, not refused.
    for bad in (
        {"title": "", "payload": "p"},
        {"title": "t"},
        {"title": "t", "payload": "p" * 1001},
    ):
        one = text()
        one["message"]["quick_replies"] = [{"content_type": "text", **bad}]
        assert error((await send(facebook, one))[1])[0] == 100
    long_title = text()
    long_title["message"]["quick_replies"] = [
        {"content_type": "text", "title": "a title of over twenty characters", "payload": "p"}
    ]
    assert (await send(facebook, long_title))[0] == 200
    assert facebook.sent[-1].quick_replies == (("a title of over twen", "p"),)
    facebook.blocked.add(PSID)
    assert error((await send(facebook, text()))[1])[0] == 551
    assert error((await send(facebook, text(), token="wrong"))[1])[0] == 190


class Receiver(FakeServer):
    """A webhook that answers 500 ``failures`` times, then 200."""

    def __init__(self, failures: int) -> None:
        super().__init__()
        self.failures = failures
        self.received: list[tuple[bytes, str]] = []

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post("/hook", self._hook)

    async def _hook(self, request: web.Request) -> web.Response:
        self.received.append((await request.read(), request.headers["X-Hub-Signature-256"]))
        if self.failures:
            self.failures -= 1
            return web.Response(status=500)
        return web.Response(text="EVENT_RECEIVED")


async def test_deliveries_are_signed_and_sent_again_until_answered_200(
    facebook: FakeFacebook,
) -> None:
    facebook.retry_delay_s = 0.01
    async with Receiver(failures=2) as receiver:
        facebook.webhook_url = f"{receiver.base_url}/hook"
        facebook.message(PSID, "hello")
        done = await facebook.wait_for_delivery(lambda d: d.status == 200)
        assert done.attempt == 3
        assert [d.status for d in facebook.deliveries] == [500, 500, 200]
        body, signature = receiver.received[-1]
        expected = hmac.new(facebook.app_secret.encode(), body, hashlib.sha256).hexdigest()
        assert signature == f"sha256={expected}"
        assert facebook.last_heard[PSID] == facebook.now


async def publish(
    fb: FakeFacebook, path: str, message: object, token: str | None = None
) -> tuple[int, Any]:
    headers = {"Authorization": f"Bearer {token or fb.page_token}"}
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            f"{fb.base_url}/{fb.version}{path}", json={"message": message}, headers=headers
        ) as r,
    ):
        return r.status, await r.json()


async def test_the_page_takes_posts_and_comments_as_graph_does(facebook: FakeFacebook) -> None:
    feed = f"/{facebook.page_id}/feed"
    status, answer = await publish(facebook, feed, "Live now @[42]")
    assert status == 200 and answer["id"].startswith(f"{facebook.page_id}_")
    [post] = facebook.posts
    assert post.message == "Live now @[42]" and post.mentions == ("42",)
    status, answer = await publish(facebook, f"/{post.id}/comments", "An answer")
    assert status == 200
    assert [(c.id, c.parent, c.message) for c in post.comments] == [
        (answer["id"], post.id, "An answer")
    ]
    # Graph's limits: 63,206 characters for a post, 8,000 for a comment, none empty.
    assert error((await publish(facebook, feed, "x" * 63207))[1]) == (100, 0)
    assert (await publish(facebook, feed, "x" * 63206))[0] == 200
    assert error((await publish(facebook, f"/{post.id}/comments", "x" * 8001))[1]) == (100, 0)
    assert error((await publish(facebook, feed, " "))[1]) == (100, 0)
    # A post that is not there (deleted), another Page, a refused token.
    assert error((await publish(facebook, "/1_2/comments", "hi"))[1]) == (100, 33)
    assert (await publish(facebook, "/999/feed", "hi"))[0] == 403
    assert error((await publish(facebook, feed, "hi", token="other"))[1]) == (190, 0)
    assert len(facebook.post_refusals) == 6


async def test_the_page_refuses_what_a_permission_not_granted_would(
    facebook: FakeFacebook,
) -> None:
    feed = f"/{facebook.page_id}/feed"
    assert (await publish(facebook, feed, "post"))[0] == 200
    post = facebook.posts[0]
    facebook.granted.discard("pages_manage_engagement")
    status, answer = await publish(facebook, f"/{post.id}/comments", "comment")
    assert (status, error(answer)) == (403, (200, 0))
    assert "pages_manage_engagement" in answer["error"]["message"]
    facebook.granted.discard("pages_manage_posts")
    status, answer = await publish(facebook, feed, "post")
    assert (status, error(answer)) == (403, (200, 0))
    assert "pages_manage_posts" in answer["error"]["message"]
    facebook.granted.add("pages_manage_posts")
    facebook.fail_next_post(32, message="(#32) Page request limit reached")
    assert error((await publish(facebook, feed, "post"))[1]) == (32, 0)
    assert (await publish(facebook, feed, "post"))[0] == 200
    assert len(facebook.posts) == 2
