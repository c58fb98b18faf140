"""Restarts: the in-process app on the same database keeps every question and its state;
``forumbot run`` killed (SIGKILL) right after Telegram was told an update arrived still
processes it exactly once after a restart, and never logs the token."""

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

from tests.e2e.telegram_setup import (
    PHRASE,
    RESIDENT,
    STAFF_GROUP,
    WAIT_S,
    ask,
    card_for,
    config_yaml,
    environ,
    make_config,
    resident_status,
    running,
    staff_says,
    to_chat_containing,
)
from tests.fakes.telegram_server import FakeTelegram
from tests.support.process import stopped

pytestmark = pytest.mark.timeout(60)

ROOT = Path(__file__).resolve().parents[2]
ACK = "Your question to"


@pytest.fixture
def fake(telegram: FakeTelegram) -> FakeTelegram:
    """The platform these tests drive: the shared fake Bot API (tests/conftest.py)."""
    return telegram


async def test_questions_and_states_survive_a_restart(tmp_path: Path, fake: FakeTelegram) -> None:
    config = make_config(tmp_path, fake)
    async with running(config, environ(fake)):
        for text in ("about parking", "about bikes", "about noise"):
            await ask(fake, f"{PHRASE} {text}")
        await card_for(fake, 3)
        await staff_says(fake, "/later 1 checking with the council", "#1 marked for follow-up")
        await staff_says(fake, "/reject 2 please call 101", "#2 rejected")

    async with running(config, environ(fake)):
        status = await resident_status(fake)
        assert "#1 (Bromley Police Online Forum): officers are finding out" in status
        assert "#2 (Bromley Police Online Forum): declined" in status
        assert "#3 (Bromley Police Online Forum): received, waiting for review" in status
        again = await ask(fake, f"{PHRASE} about litter")
        assert "#4" in again.plain_text
        # The officers carry on where they left off.
        start = len(fake.sent)
        await staff_says(fake, "/answer 1 The council will fix the lines in May.", "#1 answered")
        answer = await fake.wait_for_sent(
            to_chat_containing(RESIDENT, "Answer to your question #1"), WAIT_S, start=start
        )
        assert "in May" in answer.plain_text

    acks = [m.plain_text for m in fake.sent_to(RESIDENT) if ACK in m.plain_text]
    for ref in (1, 2, 3, 4):  # every acknowledgement once: nothing handled twice
        assert sum(f"is #{ref}." in a for a in acks) == 1
    cards = [m for m in fake.sent_to(STAFF_GROUP) if "Question #" in m.plain_text]
    assert len(cards) == 4


async def _spawn(
    config_path: Path, env: dict[str, str], stderr: IO[str]
) -> asyncio.subprocess.Process:
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
        stderr=stderr,
    )


async def test_killed_after_confirming_an_update_still_processes_it_once(
    tmp_path: Path, fake: FakeTelegram
) -> None:
    config = make_config(tmp_path, fake)
    config_path = tmp_path / "bot.yaml"
    config_path.write_text(config_yaml(config), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DISCORD_"))}
    env.update(environ(fake))
    env["PYTHONPATH"] = str(ROOT)

    question_update: list[int] = []
    killed = asyncio.Event()
    running_procs: list[asyncio.subprocess.Process] = []

    def kill_on_confirmation(method: str, params: dict[str, object]) -> None:
        offset = params.get("offset")
        if (
            method == "getUpdates"
            and question_update
            and isinstance(offset, int)
            and offset > question_update[0]
            and not killed.is_set()
        ):
            running_procs[0].kill()  # before the fake even answers this getUpdates
            killed.set()

    fake.on_request = kill_on_confirmation
    logs = [tmp_path / "run1.log", tmp_path / "run2.log"]
    with logs[0].open("w") as err1, logs[1].open("w") as err2:
        first = await _spawn(config_path, env, err1)
        running_procs.append(first)
        try:
            await fake.wait_for_request("getUpdates", timeout=15)
            question_update.append(
                fake.private_message(RESIDENT, f"{PHRASE} is the station open on Sundays?")
            )
            await asyncio.wait_for(killed.wait(), 15)
            await asyncio.wait_for(first.wait(), 5)
        finally:
            if first.returncode is None:
                first.kill()
                await first.wait()
        assert first.returncode == -signal.SIGKILL
        assert fake.confirmed_offset > question_update[0]  # Telegram won't deliver it again
        assert fake.pending_updates == []

        second = await _spawn(config_path, env, err2)
        try:
            ack = await fake.wait_for_sent(to_chat_containing(RESIDENT, ACK), 15)
            assert "#1" in ack.plain_text
            await card_for(fake, 1)
            # The restarted bot is working normally: a later command is answered.
            status = await resident_status(fake)
            assert "#1" in status and "#2" not in status
        finally:
            await stopped(second)
        assert second.returncode == 0

    acks = [m for m in fake.sent_to(RESIDENT) if ACK in m.plain_text]
    assert len(acks) == 1
    with contextlib.closing(sqlite3.connect(config.database)) as db:
        (count,) = db.execute("SELECT COUNT(*) FROM question").fetchone()
        (stored,) = db.execute(
            "SELECT COUNT(*) FROM inbox WHERE event_key = ?", (str(question_update[0]),)
        ).fetchone()
    assert count == 1
    assert stored == 1

    for log in logs:
        text = log.read_text(encoding="utf-8")
        assert fake.token not in text
        assert fake.token.split(":")[1] not in text
        assert "telegram on (polling mode)" in text
