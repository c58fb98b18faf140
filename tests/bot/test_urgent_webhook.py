"""An escalated URGENT question reaches the forum's control room through its
incoming webhook (issue 15): Slack ``{"text": ...}`` or a Teams MessageCard,
anonymised (the suggested text, never the text as received), posted to a
fake webhook on 127.0.0.1 by the real HTTP client, retried with back-off,
given up with the staff rooms told, and audited every time."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from bot.edge.rich import plain
from bot.store.database import fetch_all
from config.model import Escalation
from forumbot.app import hook_urls, secrets_in_environment
from tests.fakes.webhook_server import SECRET, FakeWebhook
from tests.support.core_harness import STAFF_CHAT, CoreHarness, HarnessFactory, forum_config

# A phone number and a name: personal details the suggested text replaces.
URGENT = (
    "Bromley Police Online Forum someone is breaking into my house right now,"
    " call me on 07700 900123"
)


@pytest.fixture
async def webhook() -> AsyncIterator[FakeWebhook]:
    async with FakeWebhook() as server:
        yield server


async def _harness(make_harness: HarnessFactory, webhook: FakeWebhook, fmt: str) -> CoreHarness:
    escalation = Escalation(webhook_url_env="BROMLEY_HOOK", format=fmt)  # type: ignore[arg-type]
    return await make_harness(escalation=escalation, hook_urls={"bromley": webhook.url(fmt)})


async def _raise(h: CoreHarness) -> None:
    await h.resident_says("7001", URGENT)
    h.clock.advance(timedelta(minutes=10))
    await h.tick()


async def _hook_audit(h: CoreHarness) -> list[tuple[str, str]]:
    async with h.core.db.read() as tx:
        rows = await fetch_all(
            tx,
            "SELECT outcome, detail FROM audit WHERE action = 'escalate_webhook' ORDER BY id",
        )
    return [(str(r[0]), str(r[1])) for r in rows]


async def test_slack_gets_the_anonymised_summary_once(
    make_harness: HarnessFactory, webhook: FakeWebhook
) -> None:
    h = await _harness(make_harness, webhook, "slack")
    await _raise(h)
    (post,) = webhook.posts
    assert post.kind == "slack" and set(post.body) == {"text"}
    text = post.body["text"]
    assert text.startswith(
        "*URGENT #1 on Bromley Police Online Forum: not seen by an officer in 10 minutes.*"
    )
    assert "Came in: " in text and "20 November" in text
    assert "[phone]" in text  # the suggested text...
    assert "07700 900123" not in text  # ...never the text as received
    h.clock.advance(timedelta(hours=1))
    await h.tick()
    assert len(webhook.posts) == 1
    assert await _hook_audit(h) == [("done", "slack webhook accepted")]


async def test_teams_gets_a_message_card(
    make_harness: HarnessFactory, webhook: FakeWebhook
) -> None:
    h = await _harness(make_harness, webhook, "teams")
    await _raise(h)
    (post,) = webhook.posts
    card = post.body
    assert card["@type"] == "MessageCard" and card["@context"] == "http://schema.org/extensions"
    assert card["summary"] == card["title"]
    assert (
        card["title"]
        == "URGENT #1 on Bromley Police Online Forum: not seen by an officer in 10 minutes"
    )
    facts = {f["name"]: f["value"] for f in card["sections"][0]["facts"]}
    assert facts["Forum"] == "Bromley Police Online Forum" and facts["Question"] == "#1"
    assert "[phone]" in facts["Suggested text (personal details replaced)"]
    assert "07700 900123" not in str(card)
    assert await _hook_audit(h) == [("done", "teams webhook accepted")]


async def test_a_failing_webhook_is_retried_with_back_off(
    make_harness: HarnessFactory, webhook: FakeWebhook
) -> None:
    h = await _harness(make_harness, webhook, "slack")
    webhook.fail_next = [500, 429, 503]
    await _raise(h)
    assert webhook.failed == [500, 429, 503] and len(webhook.posts) == 1
    assert h.slept == [1.0, 2.0, 4.0]  # Backoff: 1 s doubling (429's Retry-After: 1 s)
    assert await _hook_audit(h) == [("done", "slack webhook accepted")]


async def test_still_failing_it_is_tried_again_then_given_up_and_officers_told(
    make_harness: HarnessFactory, webhook: FakeWebhook
) -> None:
    h = await _harness(make_harness, webhook, "slack")
    webhook.fail_next = [500] * 4
    await _raise(h)
    assert webhook.posts == [] and len(webhook.failed) == 4
    assert await _hook_audit(h) == [("failed", "slack webhook: HTTP 500 server_error; tried again")]
    webhook.fail_next = [500] * 100
    h.clock.advance(timedelta(minutes=1))
    await h.tick()
    assert len(webhook.failed) == 8
    h.clock.advance(timedelta(hours=1))
    await h.tick()
    audit = await _hook_audit(h)
    assert audit[-1] == ("failed", "slack webhook: HTTP 500 server_error")
    notice = h.texts_to(STAFF_CHAT)[-1]
    assert notice.startswith("The control room's webhook did not take the escalation of URGENT #1")
    failed = len(webhook.failed)
    h.clock.advance(timedelta(hours=1))
    await h.tick()
    assert len(webhook.failed) == failed  # given up: not tried again


async def test_a_refused_post_is_not_repeated(
    make_harness: HarnessFactory, webhook: FakeWebhook, caplog: pytest.LogCaptureFixture
) -> None:
    h = await make_harness(
        escalation=Escalation(webhook_url_env="BROMLEY_HOOK", format="slack"),
        hook_urls={"bromley": webhook.base_url + "/slack/not-the-secret"},
    )
    await _raise(h)
    assert await _hook_audit(h) == [("failed", "slack webhook: HTTP 404 no_service")]
    assert "URGENT #1" in plain(h.messages_to(STAFF_CHAT)[-1].body)
    assert webhook.received == 1  # refused for good: tried once
    assert "not-the-secret" not in caplog.text and webhook.base_url not in caplog.text


async def test_no_webhook_configured_posts_nothing(h: CoreHarness, webhook: FakeWebhook) -> None:
    await _raise(h)
    assert webhook.posts == [] and await _hook_audit(h) == []


def test_the_url_is_read_from_the_environment_and_masked(
    tmp_path: object, caplog: pytest.LogCaptureFixture
) -> None:
    config = forum_config(
        "x.sqlite3", escalation=Escalation(webhook_url_env="BROMLEY_HOOK", format="teams")
    )
    url = f"https://example.webhook.office.com/webhookb2/{SECRET}"
    assert hook_urls(config, {"BROMLEY_HOOK": url}) == {"bromley": url}
    assert url in secrets_in_environment(config, {"BROMLEY_HOOK": url})
    with caplog.at_level(logging.WARNING):
        assert hook_urls(config, {}) == {}
    assert "BROMLEY_HOOK, which is not set" in caplog.text
