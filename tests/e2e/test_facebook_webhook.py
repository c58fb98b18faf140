"""Facebook's webhook on the web side, through the real app: Meta's set-up
check, every delivery's signature, each message stored before the 200 and
taken once however often Meta delivers it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import aiohttp
import pytest

from bot.store.database import fetch_all
from forumbot.app import App
from tests.e2e.facebook_setup import (
    PHRASE_QUESTION,
    RESIDENT_PSID,
    VERIFY_TOKEN,
    WAIT_S,
    webhook_url,
)
from tests.fakes.facebook_server import FakeFacebook

pytestmark = pytest.mark.timeout(40)


async def facebook_events(facebook_app: App) -> list[str]:
    async with facebook_app.core.db.read() as tx:
        rows = await fetch_all(
            tx, "SELECT event_key FROM inbox WHERE platform = 'facebook' ORDER BY id"
        )
    return [str(row[0]) for row in rows]


async def get(url: str, **params: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url, params=params) as r:
        return r.status, await r.text()


async def test_metas_set_up_check_is_answered_only_with_the_verify_token(facebook_app: App) -> None:
    url = webhook_url(facebook_app)
    status, text = await get(
        url,
        **{
            "hub.mode": "subscribe",
            "hub.verify_token": VERIFY_TOKEN,
            "hub.challenge": "1158201444",
        },
    )
    assert (status, text) == (200, "1158201444")
    wrong = {"hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "42"}
    assert (await get(url, **wrong))[0] == 403


async def test_a_get_that_is_not_metas_check_is_not_called_a_wrong_token(
    facebook_app: App, caplog: pytest.LogCaptureFixture
) -> None:
    """A browser or a monitor opening the webhook's address sends none of
    the check's parameters: answered 400 and logged as that, at INFO; a
    check missing its challenge is incomplete; only a wrong token is one."""
    url = webhook_url(facebook_app)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="forumbot.facebook"):
        assert await get(url) == (400, "not a webhook set-up check")
    [record] = [r for r in caplog.records if "webhook" in r.getMessage()]
    assert record.levelno == logging.INFO
    assert "without the set-up check's parameters" in record.getMessage()
    assert "hub.mode, hub.verify_token, hub.challenge" in record.getMessage()
    assert "verify token" not in record.getMessage().replace("hub.verify_token", "")

    caplog.clear()
    no_challenge = {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN}
    assert (await get(url, **no_challenge))[0] == 400
    assert "hub.challenge missing" in caplog.text and "wrong verify token" not in caplog.text
    caplog.clear()
    other_mode = {"hub.mode": "unsubscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1"}
    assert (await get(url, **other_mode))[0] == 403
    assert "hub.mode is not subscribe" in caplog.text


async def test_a_forged_or_unsigned_delivery_is_refused_and_nothing_is_taken(
    facebook_app: App, facebook: FakeFacebook
) -> None:
    facebook.webhook_url = webhook_url(facebook_app)
    body = facebook.body_of(
        {
            "sender": {"id": RESIDENT_PSID},
            "recipient": {"id": facebook.page_id},
            "timestamp": 1,
            "message": {"mid": "m_forged", "text": PHRASE_QUESTION},
        }
    )
    forged = facebook.sign(body, secret="not the app secret")
    assert await facebook.post_once(body, forged) == 403
    assert await facebook.post_once(body, None) == 403
    assert await facebook.post_once(body, "sha1=" + forged[7:]) == 403
    # The right signature over a body changed on the way is refused too.
    assert (
        await facebook.post_once(body.replace(b"anything", b"Anything"), facebook.sign(body)) == 403
    )
    assert await facebook_events(facebook_app) == []
    assert facebook.sent == []


async def test_a_message_is_stored_before_the_200_and_taken_once_when_delivered_again(
    facebook_app: App, facebook: FakeFacebook
) -> None:
    mid = facebook.message(RESIDENT_PSID, PHRASE_QUESTION)
    ack = await facebook.wait_for_sent(lambda m: m.psid == RESIDENT_PSID, WAIT_S)
    assert "#1" in ack.text
    first = await facebook.wait_for_delivery(lambda d: d.status == 200)
    assert first.attempt == 1
    assert await facebook_events(facebook_app) == [mid]
    # Meta delivers the same body again (it does, when unsure we got it).
    assert await facebook.post_once(first.body, facebook.sign(first.body)) == 200
    assert await facebook_events(facebook_app) == [mid]
    await facebook_app.core.dispatcher.flush(WAIT_S)
    assert [m for m in facebook.sent if m.psid == RESIDENT_PSID] == [ack]


async def test_a_delivery_not_answered_200_is_delivered_again_and_taken(
    facebook_app: App, facebook: FakeFacebook
) -> None:
    right = webhook_url(facebook_app)
    facebook.webhook_url = right.replace("/facebook/webhook", "/facebook/elsewhere")
    mid = facebook.message(RESIDENT_PSID, PHRASE_QUESTION)
    await facebook.wait_for_delivery(lambda d: d.status == 404)
    facebook.webhook_url = right
    taken = await facebook.wait_for_delivery(lambda d: d.status == 200)
    assert taken.attempt >= 2
    ack = await facebook.wait_for_sent(lambda m: m.psid == RESIDENT_PSID, WAIT_S)
    assert "#1" in ack.text
    assert await facebook_events(facebook_app) == [mid]


async def test_hostile_text_in_a_delivery_is_stored_and_answered(
    facebook_app: App, facebook: FakeFacebook
) -> None:
    """A lone surrogate, NUL and control characters (JSON escapes Meta's
    JSON can carry) reach the inbox made valid, and the resident is answered."""
    body = facebook.body_of(
        {
            "sender": {"id": RESIDENT_PSID},
            "recipient": {"id": facebook.page_id},
            "timestamp": 1764470000000,
            "message": {"mid": "m_hostile", "text": "PLACEHOLDER"},
        }
    )
    hostile = (PHRASE_QUESTION + " \\ud800 \\u0000 \\u001b[2J").encode()
    body = body.replace(b"PLACEHOLDER", hostile)
    facebook.last_heard[RESIDENT_PSID] = facebook.now
    facebook.deliver(body)
    ack = await facebook.wait_for_sent(lambda m: m.psid == RESIDENT_PSID, WAIT_S)
    assert "#1" in ack.text
    assert await facebook_events(facebook_app) == ["m_hostile"]


async def test_a_signed_delivery_that_arrives_in_pieces_is_taken(
    facebook_app: App, facebook: FakeFacebook
) -> None:
    """A body that reaches the web side in two pieces, with a pause between
    (a slow network, a proxy), is read whole, so its signature holds."""
    facebook.webhook_url = webhook_url(facebook_app)
    facebook.last_heard[RESIDENT_PSID] = facebook.now  # the window Meta opens with it
    text = PHRASE_QUESTION + " It is a long one, with a lot to say about the parking." * 12
    body = facebook.body_of(
        {
            "sender": {"id": RESIDENT_PSID},
            "recipient": {"id": facebook.page_id},
            "timestamp": 1,
            "message": {"mid": "m_in_pieces", "text": text},
        }
    )
    assert len(body) > 600

    async def in_pieces() -> AsyncIterator[bytes]:
        yield body[:600]
        await asyncio.sleep(0.3)
        yield body[600:]

    headers = {"Content-Type": "application/json", "X-Hub-Signature-256": facebook.sign(body)}
    async with (
        aiohttp.ClientSession() as http,
        http.post(facebook.webhook_url, data=in_pieces(), headers=headers) as response,
    ):
        assert response.status == 200, await response.text()
    ack = await facebook.wait_for_sent(lambda m: m.psid == RESIDENT_PSID, WAIT_S)
    assert "#1" in ack.text
    assert await facebook_events(facebook_app) == ["m_in_pieces"]
