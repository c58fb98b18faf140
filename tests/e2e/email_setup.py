"""Shared set-up for the e-mail end-to-end tests through ``forumbot run``:
the command started as its own process with e-mail on (sending to
tests/fakes/smtp_server.py on 127.0.0.1), Telegram's staff room (the fake Bot
API) and the web side on a free port (the subscription pages)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import sqlite3
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp

from tests.e2e.telegram_setup import config_yaml, free_port, make_config
from tests.fakes.smtp_server import FakeSmtp, Received
from tests.fakes.telegram_server import FakeTelegram
from tests.support.process import stopped, until_up

ROOT = Path(__file__).resolve().parent.parent.parent
LINK_SECRET = "a links secret of forty characters, or so"
FROM = "alerts@forum.example.police.uk"


class Run:
    """One installation: its file, its environment, its web address."""

    def __init__(self, tmp_path: Path, smtp: FakeSmtp, tg: FakeTelegram, pace: float) -> None:
        self.tmp_path = tmp_path
        self.port = free_port()
        self.site = f"http://127.0.0.1:{self.port}"
        config = make_config(tmp_path, tg)
        self.database = config.database
        text = config_yaml(config)
        email = (
            "  email:\n"
            "    host: 127.0.0.1\n"
            f"    port: {smtp.port}\n"
            "    security: none\n"
            f"    from_address: {FROM}\n"
            "    from_name: Bromley Police Online Forum\n"
            f"    pace: {pace:g}\n"
            "    timeout_s: 5\n"
        )
        web = (
            f"web:\n  enabled: true\n  listen: 127.0.0.1\n  port: {self.port}\n"
            f"  public_url: {self.site}\n"
        )
        assert "web:\n  enabled: false\n" in text
        self.path = tmp_path / "bot.yaml"
        self.path.write_text(text.replace("web:\n  enabled: false\n", email + web), "utf-8")
        self.env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("TELEGRAM_", "DISCORD_", "FACEBOOK_", "FORUMBOT_"))
        }
        self.env.update(
            {
                "TELEGRAM_BOT_TOKEN": tg.token,
                "FORUMBOT_EMAIL_LINK_SECRET": LINK_SECRET,
                "PYTHONPATH": str(ROOT),
            }
        )
        self.logs: list[Path] = []

    async def spawn(self) -> asyncio.subprocess.Process:
        log = self.tmp_path / f"run{len(self.logs) + 1}.log"
        self.logs.append(log)
        with log.open("w") as err:
            proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "forumbot",
                "run",
                "--config",
                str(self.path),
                cwd=str(self.tmp_path),
                env=self.env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=err,
            )
        await until_up(self.port)
        return proc

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[asyncio.subprocess.Process]:
        """``forumbot run``, stopped with SIGTERM at the end (killed if it hangs)."""
        proc = await self.spawn()
        try:
            yield proc
        finally:
            await stopped(proc)

    def query(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """Rows read from the database (another process holds it: read only)."""
        with contextlib.closing(sqlite3.connect(f"file:{self.database}?mode=ro", uri=True)) as db:
            return list(db.execute(sql, params).fetchall())

    def log_text(self) -> str:
        return "".join(log.read_text(encoding="utf-8") for log in self.logs if log.exists())


async def subscribe_on_the_site(run: Run, smtp: FakeSmtp, address: str, *types: str) -> Received:
    """Bromley's ``types`` asked for on the form and confirmed from the
    e-mail's link (the GET, then the button's POST); returns the confirmation."""
    start = len(smtp.messages)
    async with aiohttp.ClientSession() as http:
        form = {"address": address, "forum": "bromley", "type": list(types)}
        async with http.post(f"{run.site}/email/subscribe", data=form) as reply:
            assert reply.status == 200, await reply.text()
        mail = (await smtp.wait_for(start + 1, within_s=15))[start]
        found = re.search(r"(\S+/email/confirm\?t=)(\S+)", mail.part("plain"))
        assert found is not None
        async with http.get(found.group(1) + found.group(2)) as shown:
            assert shown.status == 200
        async with http.post(f"{run.site}/email/confirm", data={"t": found.group(2)}) as done:
            assert "You are subscribed" in await done.text()
    return mail
