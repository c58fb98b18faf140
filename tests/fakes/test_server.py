"""The skeleton the fakes share: a server on 127.0.0.1 at a free port, and
waiting until a recorded thing matches."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest
from aiohttp import web

from tests.fakes.server import FakeServer


class Echo(FakeServer):
    """Records each body posted to /say."""

    def __init__(self) -> None:
        super().__init__()
        self.said: list[str] = []

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post("/say", self._say)

    async def _say(self, request: web.Request) -> web.Response:
        self.said.append(await request.text())
        self.changed()
        return web.Response(text="ok")

    async def wait_for_said(self, word: str, timeout: float = 5) -> str:  # noqa: ASYNC109
        return await self.wait_until(
            lambda: next((s for s in self.said if s == word), None),
            timeout,
            lambda: f"never said {word!r}; said {self.said!r}",
        )


async def test_serves_on_a_free_port_of_127_0_0_1_until_stopped() -> None:
    async with Echo() as echo:
        assert echo.port > 0
        assert echo.base_url == f"http://127.0.0.1:{echo.port}"
        with pytest.raises(RuntimeError, match="Echo already started"):
            await echo.start()
        async with aiohttp.ClientSession() as http, http.post(echo.base_url + "/say", data="hi"):
            pass
        assert echo.said == ["hi"]
    async with aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.ClientConnectionError):
            await http.post(echo.base_url + "/say", data="again")
    await echo.stop()  # again: nothing more


async def test_wait_until_wakes_when_something_is_recorded() -> None:
    async with Echo() as echo:
        waiting = asyncio.create_task(echo.wait_for_said("later"))
        await asyncio.sleep(0.01)
        assert not waiting.done()
        async with aiohttp.ClientSession() as http:
            for word in ("sooner", "later"):
                async with http.post(echo.base_url + "/say", data=word):
                    pass
        assert await asyncio.wait_for(waiting, 5) == "later"


async def test_wait_until_fails_with_what_was_recorded() -> None:
    async with Echo() as echo:
        echo.said.append("hello")
        with pytest.raises(AssertionError, match=r"never said 'bye'; said \['hello'\]"):
            await echo.wait_for_said("bye", timeout=0.05)
        nothing: list[str] = []
        assert await echo.poll(lambda: nothing[0] if nothing else None, 0.01) is None
