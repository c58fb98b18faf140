"""``forumbot run`` as an administrator deploys it behind https: Debian's
nginx running the site from docs/web.md in front of a ``forumbot run``
subprocess whose configuration trusts it. Through the proxy a resident asks
and is acknowledged, an officer signs in and acts, and cookies are Secure."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import yaml

from tests.forumbot.run_support import EXAMPLE, Forumbot, free_port, quiet_environment
from tests.web.nginx import nginx_in_front
from tests.web.web_setup import Visitor, browser, events

pytestmark = pytest.mark.timeout(120)

STAFF_SECRET = "the duty team's long shared phrase"
PHRASE = "Bromley Police Online Forum"


async def test_a_resident_asks_and_an_officer_acts_through_nginx(tmp_path: Path) -> None:
    config: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    https_port = free_port()
    config["web"]["trusted_proxies"] = ["127.0.0.1"]
    config["web"]["public_url"] = f"https://127.0.0.1:{https_port}"
    path = tmp_path / "bot.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    port = free_port()
    env = quiet_environment(FORUMBOT_STAFF_SECRET=STAFF_SECRET)
    args = ["run", "--config", str(path), "--web-port", str(port)]
    with Forumbot(args, cwd=tmp_path, env=env) as bot:
        await asyncio.to_thread(bot.wait_for, "forumbot running")
        async with nginx_in_front(tmp_path, port, https_port) as proxy:
            ssl = proxy.client_ssl()
            async with (
                browser(aiohttp.TCPConnector(ssl=ssl)) as r_http,
                browser(aiohttp.TCPConnector(ssl=ssl)) as o_http,
            ):
                resident = Visitor(None, r_http, base=proxy.url)
                officer = Visitor(None, o_http, base=proxy.url)
                for visitor in (resident, officer):
                    visitor.headers["Origin"] = proxy.url  # as a browser sends with a form
                status, page = await resident.get("/")
                assert status == 200 and "call 999" in page
                async with events(resident, "/chat/events") as feed:
                    status, _ = await resident.post_json(
                        "/chat/send", {"text": f"{PHRASE} is the park gate locked at night?"}
                    )
                    assert status == 200
                    await feed.until("#1")

                await officer.get("/staff/login")
                signed_in = await officer.post_form(
                    "/staff/login", {"username": "pc.patel", "password": STAFF_SECRET}
                )
                assert signed_in.status == 303
                cookies = signed_in.headers.getall("Set-Cookie", [])
                assert cookies and all("Secure" in c for c in cookies), cookies
                async with events(officer, "/staff/bromley/events") as room:
                    await room.until("Question #1")
                    assert (
                        await officer.post_json("/staff/bromley/send", {"button": "approve:1"})
                    )[0] == 200
                    await room.until("#1", "approved")
        assert await asyncio.to_thread(bot.stop) == 0
    assert "believing X-Forwarded-* from 127.0.0.1/32" in bot.log
