"""``forumbot run`` in a subprocess, as an administrator starts it (the example
config, no tokens, the web chat on a free port): hostile JSON posted to the
chat does not stop it; a normal question and an emergency after it are both
answered, and the process stays healthy."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

from tests.web.web_setup import EventStream, csrf_of

ROOT = Path(__file__).resolve().parent.parent.parent
WAIT_S = 30.0

pytestmark = pytest.mark.timeout(120)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _output(log: Path) -> str:
    return log.read_text(errors="replace")


async def _wait_for_line(log: Path, needle: str, process: asyncio.subprocess.Process) -> None:
    async with asyncio.timeout(WAIT_S):
        while needle not in _output(log):
            if process.returncode is not None:
                raise AssertionError(f"forumbot exited:\n{_output(log)}")
            await asyncio.sleep(0.05)


async def test_hostile_json_does_not_stop_forumbot_run(tmp_path: Path) -> None:
    port = _free_port()
    log = tmp_path / "forumbot.log"
    with open(log, "wb") as sink:  # noqa: ASYNC230 - opened once, before anything runs
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "forumbot",
            "run",
            "--config",
            str(ROOT / "bot.example.yaml"),
            "--web-port",
            str(port),
            cwd=tmp_path,
            stdout=sink,
            stderr=subprocess.STDOUT,
            env={k: v for k, v in os.environ.items() if not k.endswith("_TOKEN")},
        )
    base = f"http://127.0.0.1:{port}"
    try:
        await _wait_for_line(log, "web: residents ask at", process)
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            async with http.get(base + "/") as response:
                csrf = csrf_of(await response.text())
            headers = {
                "X-CSRF-Token": csrf,
                "Accept": "application/json",
                "Content-Type": "application/json",
            }
            async with http.get(base + "/chat/events") as stream:
                feed = EventStream(stream)
                # JSON as it arrives on the wire: escapes for a lone surrogate, NUL, BEL, ESC.
                statuses = []
                for body in (
                    rb'{"text": "x \ud800", "intent": "ask"}',
                    rb'{"intent": "ask",'
                    rb' "text": "is \udfff\u0000 the road\u0007 safe?\r\n\u001b[2J"}',
                    rb'{"text": "\u0000", "nonce": "\ud800\u0000"}',  # nothing left to ask
                ):
                    async with http.post(base + "/chat/send", data=body, headers=headers) as sent:
                        statuses.append(sent.status)
                assert statuses == [200, 200, 400]
                async with http.post(
                    base + "/chat/send",
                    json={
                        "text": "When will the street lights on Elm Road be fixed?",
                        "intent": "ask",
                    },
                    headers=headers,
                ) as sent:
                    assert sent.status == 200
                # The two hostile questions were acknowledged (the page adds the forum's
                # phrase), and so is the normal one after them.
                for ref in ("#1", "#2", "#3"):
                    await feed.until("Your question to", ref, within=WAIT_S)
                async with http.post(
                    base + "/chat/send",
                    json={"text": "someone is breaking into my house right now"},
                    headers=headers,
                ) as sent:
                    assert sent.status == 200
                guidance = await feed.until("press 55", within=WAIT_S)
                assert "999" in EventStream.text_of(guidance)
                texts = [EventStream.text_of(m) for m in feed.messages]
                assert not any("could not read" in t for t in texts)
            async with http.get(base + "/healthz") as health:
                assert health.status == 200
                assert (await health.json())["status"] == "ok"
        assert process.returncode is None
    finally:
        process.terminate()
        await asyncio.wait_for(process.wait(), 30)
    output = _output(log)
    assert "failed; restarting" not in output
    assert "Traceback" not in output
