"""``forumbot run`` killed (SIGKILL) after it stored a Messenger delivery but
before Meta got its 200: Meta delivers it again, and after the restart the
message is taken once (one question, one inbox row)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sqlite3
import sys
from pathlib import Path
from typing import IO

import pytest

from tests.e2e.facebook_setup import PHRASE_QUESTION, RESIDENT_PSID, VERIFY_TOKEN, make_config
from tests.e2e.telegram_setup import config_yaml, free_port
from tests.fakes.facebook_server import FakeFacebook
from tests.fakes.telegram_server import FakeTelegram
from tests.support.process import stopped, until_up

pytestmark = pytest.mark.timeout(60)
ROOT = Path(__file__).resolve().parent.parent.parent


class HoldingProxy:
    """Forwards requests to ``target_port``; while ``holding``, keeps every
    answer from the caller and sets ``answered`` when one arrives."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = free_port()
        self.holding = True
        self.answered = asyncio.Event()
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.transport.abort()
            return
        pipes = [
            asyncio.create_task(self._pipe(reader, up_writer, upstream=True)),
            asyncio.create_task(self._pipe(up_reader, writer, upstream=False)),
        ]
        self._tasks.update(pipes)
        try:
            await asyncio.wait(pipes, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in pipes:
                task.cancel()
                self._tasks.discard(task)
            for w in (writer, up_writer):
                w.transport.abort()

    async def _pipe(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, *, upstream: bool
    ) -> None:
        with contextlib.suppress(OSError, asyncio.IncompleteReadError):
            while data := await reader.read(65536):
                if not upstream and self.holding:
                    self.answered.set()
                    continue  # Meta never sees this answer
                writer.write(data)
                await writer.drain()


def yaml_with_facebook(text: str, fb: FakeFacebook, port: int) -> str:
    facebook = (
        "  facebook:\n"
        f'    page_id: "{fb.page_id}"\n'
        f"    api_base_url: {fb.base_url}\n"
        f"    api_version: {fb.version}\n"
    )
    web = f"web:\n  enabled: true\n  listen: 127.0.0.1\n  port: {port}\n"
    assert "web:\n  enabled: false\n" in text
    return text.replace("web:\n  enabled: false\n", facebook + web)


async def spawn(config_path: Path, env: dict[str, str], err: IO[str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "forumbot",
        "run",
        "--config",
        str(config_path),
        cwd=str(config_path.parent),
        env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=err,
    )


async def test_killed_between_storing_and_the_200_takes_the_message_once(
    tmp_path: Path, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    config = make_config(tmp_path, facebook, telegram)
    port = free_port()
    path = tmp_path / "bot.yaml"
    path.write_text(yaml_with_facebook(config_yaml(config), facebook, port), encoding="utf-8")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TELEGRAM_", "DISCORD_", "FACEBOOK_"))
    }
    env.update(
        {
            "TELEGRAM_BOT_TOKEN": telegram.token,
            "FACEBOOK_PAGE_TOKEN": facebook.page_token,
            "FACEBOOK_APP_SECRET": facebook.app_secret,
            "FACEBOOK_VERIFY_TOKEN": VERIFY_TOKEN,
            "PYTHONPATH": str(ROOT),
        }
    )
    proxy = HoldingProxy(port)
    await proxy.start()
    facebook.webhook_url = f"http://127.0.0.1:{proxy.port}/facebook/webhook"
    facebook.retry_delay_s = 0.5
    facebook.max_attempts = 40
    logs = [tmp_path / "run1.log", tmp_path / "run2.log"]
    try:
        with logs[0].open("w") as err1, logs[1].open("w") as err2:
            first = await spawn(path, env, err1)
            try:
                await until_up(port)
                mid = facebook.message(RESIDENT_PSID, PHRASE_QUESTION)
                await asyncio.wait_for(proxy.answered.wait(), 15)  # stored, answered
                first.kill()  # before the answer reaches Meta
                await asyncio.wait_for(first.wait(), 5)
            finally:
                if first.returncode is None:
                    first.kill()
                    await first.wait()
            assert first.returncode == -signal.SIGKILL
            assert all(d.status != 200 for d in facebook.deliveries)
            proxy.holding = False
            second = await spawn(path, env, err2)
            try:
                taken = await facebook.wait_for_delivery(lambda d: d.status == 200, timeout=20)
                assert taken.attempt >= 2  # delivered again
                await facebook.wait_until(
                    lambda: facebook.sent or None, 15, lambda: "nothing sent to the resident"
                )
            finally:
                await stopped(second)
            assert second.returncode == 0
    finally:
        await proxy.close()

    with contextlib.closing(sqlite3.connect(config.database)) as db:
        (questions,) = db.execute("SELECT COUNT(*) FROM question").fetchone()
        (stored,) = db.execute("SELECT COUNT(*) FROM inbox WHERE event_key = ?", (mid,)).fetchone()
    assert (questions, stored) == (1, 1)
    acks = [m for m in facebook.sent if "Your question to" in m.text]
    assert len(acks) <= 1  # never twice (a send cut by the kill is not repeated)
    for log in logs:
        text = log.read_text(encoding="utf-8")
        assert facebook.page_token not in text and facebook.app_secret not in text
        assert VERIFY_TOKEN not in text
