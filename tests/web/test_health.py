"""/healthz and /metrics over real HTTP: the health check reads the
database (503 when it cannot), and the metrics are counts read from the
database at each scrape, in Prometheus' text format."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.parser import text_string_to_metric_families

from tests.web.public_setup import public_app, public_site, published_forum
from tests.web.web_setup import base_url, browser, running_web

pytestmark = pytest.mark.timeout(60)

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def samples_of(text: str) -> Samples:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


async def test_healthz_and_metrics_after_a_session(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        await published_forum(app)
        # Reads no longer wait for the writer: let the last web reply's
        # delivery be recorded before counting what is still waiting.
        await app.core.dispatcher.flush()
        async with http.get(base_url(app) + "/healthz") as response:
            assert response.status == 200
            assert await response.json() == {"status": "ok", "database": "ok", "platforms": {}}
        async with http.get(base_url(app) + "/metrics") as response:
            assert response.status == 200
            assert response.headers["Content-Type"] == CONTENT_TYPE_LATEST
            samples = samples_of(await response.text())

        bromley = ("forum", "bromley")
        assert samples[("forumbot_questions", (bromley, ("state", "answered")))] == 2
        assert samples[("forumbot_questions", (bromley, ("state", "new")))] == 1
        assert samples[("forumbot_questions", (bromley, ("state", "rejected")))] == 1
        assert samples[("forumbot_answers", (bromley,))] == 2
        assert samples[("forumbot_session_open", (bromley,))] == 1
        assert samples[("forumbot_deliveries", (("outcome", "sent"), ("platform", "web")))] > 0
        # No Telegram token here: nothing is queued for its rooms, and nothing waits.
        assert not [key for key in samples if ("platform", "telegram") in key[1]]
        assert not [key for key in samples if key[0] == "forumbot_outbox_depth"]
        assert ("forumbot_web_pages_open", ()) in samples


async def test_metrics_follow_the_database_and_each_app_has_its_own_registry(
    tmp_path: Path,
) -> None:
    async with public_site(tmp_path) as (h, client):
        before = samples_of(await (await client.get("/metrics")).text())
        assert before[("forumbot_session_open", (("forum", "bromley"),))] == 0
        assert not any(name == "forumbot_questions" for name, _ in before)

        await h.resident_says("5001", "Bromley Police Online Forum Is the park locked?")
        await h.staff_says("/open")
        await h.staff_says("/answer 1 Yes, at dusk.")
        async with TestClient(TestServer(public_app(h))) as second:
            for http in (client, second):
                after = samples_of(await (await http.get("/metrics")).text())
                bromley = ("forum", "bromley")
                assert after[("forumbot_questions", (bromley, ("state", "answered")))] == 1
                assert after[("forumbot_answers", (bromley,))] == 1
                assert after[("forumbot_session_open", (bromley,))] == 1
                sent = after[
                    ("forumbot_deliveries", (("outcome", "sent"), ("platform", "telegram")))
                ]
                assert sent >= 3  # acknowledgement, answer, public room


async def test_healthz_is_503_when_the_database_cannot_be_read(tmp_path: Path) -> None:
    async with public_site(tmp_path) as (h, client):
        response = await client.get("/healthz")
        assert response.status == 200
        await h.core.db.close()
        response = await client.get("/healthz")
        assert response.status == 503
        assert await response.json() == {"status": "fail", "database": "unreachable"}
