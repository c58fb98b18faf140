"""A platform that cannot be reached does not look healthy: /healthz says
"degraded" and names it, and /metrics has forumbot_platform_connected 0,
while the web side keeps serving. Once the platform answers, both say so.
The real python-telegram-bot client against the fake Bot API, behind a gate
that refuses connections while it is down."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from config.model import WebConfig
from tests.e2e.telegram_setup import Gate, environ, eventually, make_config, running
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def fake(telegram: FakeTelegram) -> FakeTelegram:
    """The platform these tests drive: the shared fake Bot API (tests/conftest.py)."""
    return telegram


async def health(port: int) -> tuple[int, dict[str, Any], float | None]:
    """/healthz's status and body, and forumbot_platform_connected{telegram}."""
    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
            status, body = response.status, await response.json()
        async with http.get(f"http://127.0.0.1:{port}/metrics") as response:
            metrics = await response.text()
    connected = [
        s.value
        for family in text_string_to_metric_families(metrics)
        for s in family.samples
        if s.name == "forumbot_platform_connected" and s.labels == {"platform": "telegram"}
    ]
    return status, body, connected[0] if connected else None


async def test_healthz_and_metrics_say_when_telegram_cannot_be_reached(
    tmp_path: Path, fake: FakeTelegram
) -> None:
    gate = Gate(fake.port)  # Telegram out of reach from the start
    config = make_config(tmp_path, fake, api_base_url=gate.base_url)
    config = replace(config, web=WebConfig(port=0))
    try:
        async with running(config, environ(fake)) as app:
            assert app.web is not None
            port = app.web.port
            status, body, connected = await health(port)
            assert status == 200  # the web side serves; the platform is reported
            assert body["status"] == "degraded"
            assert body["database"] == "ok"
            assert re.fullmatch(
                r"not connected since \S+: NetworkError \(ConnectError\)",
                body["platforms"]["telegram"],
            ), body
            assert connected == 0
            assert fake.token not in str(body)

            await gate.up()

            async def reconnected() -> bool:
                return (await health(port))[1]["platforms"]["telegram"] == "connected"

            await eventually(reconnected, what="Telegram connected again")
            status, body, connected = await health(port)
            assert (status, body["status"], connected) == (200, "ok", 1)
    finally:
        await gate.close()
