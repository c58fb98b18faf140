"""Delivery that fails, through a ``forumbot run`` subprocess against the
fake Bot API: a 500 from Telegram to the asker is retried until the answer
arrives, and the officer is told what happens, not that it was sent; a
database another program holds locked for longer than the busy timeout
delays a question, and loses nothing."""

from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
from pathlib import Path

import pytest

from tests.e2e import telegram_setup as tg
from tests.fakes.telegram_server import FakeTelegram
from tests.forumbot.run_support import Forumbot, quiet_environment

pytestmark = pytest.mark.timeout(120)

WAIT_S = 30.0
ANSWER = "Answer to your question #1"


def write_config(tmp_path: Path, telegram: FakeTelegram) -> Path:
    config = {
        "platforms": {"telegram": {"api_base_url": telegram.base_url}},
        "web": {"enabled": False},
        "forums": [
            {
                "id": "bromley",
                "name": tg.FORUM_NAME,
                "phrases": [tg.PHRASE],
                "staff_rooms": [{"platform": "telegram", "chat_id": tg.STAFF_GROUP}],
                "public_rooms": [{"platform": "telegram", "chat_id": tg.PUBLIC_CHANNEL}],
                "officers": {"telegram": [tg.OFFICER]},
            }
        ],
    }
    path = tmp_path / "bot.yaml"
    path.write_text(json.dumps(config), encoding="utf-8")  # JSON is YAML
    return path


async def started(tmp_path: Path, telegram: FakeTelegram) -> Forumbot:
    env = quiet_environment(TELEGRAM_BOT_TOKEN=telegram.token)
    bot = Forumbot(["run", "--config", str(write_config(tmp_path, telegram))], tmp_path, env)
    await asyncio.to_thread(bot.wait_for, "forumbot running", 60)
    return bot


async def test_a_500_to_the_asker_is_retried_until_the_answer_arrives(
    tmp_path: Path, telegram: FakeTelegram
) -> None:
    with await started(tmp_path, telegram) as bot:
        telegram.private_message(tg.RESIDENT, f"{tg.PHRASE} is the station open on Sundays?")
        await telegram.wait_for_sent(tg.to_chat_containing(tg.STAFF_GROUP, "Question #1"), WAIT_S)
        # Telegram fails inside twice when the answer goes to the asker.
        telegram.fail_next(
            "sendMessage",
            tg.RESIDENT,
            status=500,
            description="Internal Server Error",
            times=2,
        )
        start = len(telegram.sent)
        telegram.group_message(tg.STAFF_GROUP, tg.OFFICER, "/answer 1 Yes, from 10 to 4.")
        told = await telegram.wait_for_sent(
            tg.to_chat_containing(tg.STAFF_GROUP, "#1 answered"), WAIT_S, start=start
        )
        answer = await telegram.wait_for_sent(
            tg.to_chat_containing(tg.RESIDENT, ANSWER), WAIT_S, start=start
        )
        assert await asyncio.to_thread(bot.stop) == 0
    assert "Yes, from 10 to 4." in answer.plain_text
    assert [m for m in telegram.sent_to(tg.RESIDENT) if ANSWER in m.plain_text] == [answer]
    assert "Sending it to the asker now" in told.plain_text
    assert "Sent to the asker" not in told.plain_text
    assert not [m for m in telegram.sent_to(tg.STAFF_GROUP) if "could not be" in m.plain_text]
    assert "Traceback" not in bot.log
    with contextlib.closing(sqlite3.connect(tmp_path / "forumbot.sqlite3")) as db:
        states = db.execute(
            "SELECT state FROM outbox WHERE purpose = 'answer' AND chat_id = ?",
            (str(tg.RESIDENT),),
        ).fetchall()
    assert states == [("sent",)]


async def test_a_database_locked_by_another_program_delays_and_loses_nothing(
    tmp_path: Path, telegram: FakeTelegram
) -> None:
    with await started(tmp_path, telegram) as bot:
        other = sqlite3.connect(tmp_path / "forumbot.sqlite3", isolation_level=None)
        try:
            # Another program (a backup script, an administrator's sqlite3
            # shell) holds the write lock for longer than the 5 s busy timeout.
            other.execute("BEGIN IMMEDIATE")
            telegram.private_message(tg.RESIDENT, f"{tg.PHRASE} is the park gate locked?")
            telegram.private_message(5002, "someone is breaking into my house right now")
            await asyncio.to_thread(bot.wait_for, "database busy", 30)
            await asyncio.sleep(2)  # still held, well past the busy timeout
        finally:
            other.execute("COMMIT")
            other.close()
        guidance = await telegram.wait_for_sent(tg.to_chat_containing(5002, "999"), WAIT_S)
        ack = await telegram.wait_for_sent(
            tg.to_chat_containing(tg.RESIDENT, "Your question to"), WAIT_S
        )
        card = await telegram.wait_for_sent(
            tg.to_chat_containing(tg.STAFF_GROUP, "park gate"), WAIT_S
        )
        assert await asyncio.to_thread(bot.stop) == 0
    assert "press 55" in guidance.plain_text
    assert "#1" in ack.plain_text or "#2" in ack.plain_text
    assert "Question #" in card.plain_text
    assert "restarting" not in bot.log
    assert "set aside" not in bot.log
    assert "Traceback" not in bot.log
    assert not telegram.pending_updates  # every update confirmed, once stored
