"""Hostile text on every platform, through a ``forumbot run`` subprocess with
Telegram and Discord on (the real clients against the fake platforms) and
the web: lone surrogates, NUL and control characters in messages, names and
commands. Each sender is answered, an emergency sent next gets its 999
guidance on each platform, the intake is never restarted, and the process
stops cleanly afterwards."""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.e2e import discord_setup as dc
from tests.e2e import telegram_setup as tg
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.telegram_server import FakeTelegram
from tests.forumbot.run_support import Forumbot, free_port, quiet_environment

pytestmark = pytest.mark.timeout(120)

WAIT_S = 20.0
EMERGENCY = "someone is breaking into my house right now"
NEIGHBOUR = 5002
HOSTILE = "is \ud800 the road\x00 by the school\x07 safe?\r\n\x1b[2J\udfff"


def write_config(tmp_path: Path, telegram: FakeTelegram, discord: FakeDiscord) -> Path:
    config = {
        "database": "forumbot.sqlite3",
        "platforms": {
            "telegram": {"api_base_url": telegram.base_url},
            "discord": {"api_base_url": discord.api_base, "gateway_url": discord.gateway_url},
        },
        "forums": [
            {
                "id": "bromley",
                "name": tg.FORUM_NAME,
                "phrases": [tg.PHRASE],
                "staff_rooms": [
                    {"platform": "telegram", "chat_id": tg.STAFF_GROUP},
                    {"platform": "discord", "channel_id": dc.STAFF_CHANNEL},
                ],
                "officers": {"telegram": [tg.OFFICER], "discord_roles": [dc.OFFICER_ROLE]},
            }
        ],
    }
    path = tmp_path / "bot.yaml"
    path.write_text(json.dumps(config), encoding="utf-8")  # JSON is YAML
    return path


async def test_hostile_text_on_every_platform_through_forumbot_run(
    tmp_path: Path, telegram: FakeTelegram, discord_fake: FakeDiscord
) -> None:
    port = free_port()
    env = quiet_environment(TELEGRAM_BOT_TOKEN=telegram.token, DISCORD_BOT_TOKEN=discord_fake.token)
    args = ["run", "--config", str(write_config(tmp_path, telegram, discord_fake))]
    args += ["--web-port", str(port)]
    with Forumbot(args, cwd=tmp_path, env=env) as bot:
        await asyncio.to_thread(bot.wait_for, "Discord connected as", 60)
        await asyncio.to_thread(bot.wait_for, "forumbot running", 60)

        # Telegram: hostile text, a hostile name, a hostile command, then an emergency.
        t_start = len(telegram.sent)
        telegram.private_message(tg.RESIDENT, f"{tg.PHRASE} {HOSTILE}", first_name="Jo\ud800\x00")
        telegram.group_message(tg.STAFF_GROUP, tg.OFFICER, "/que\x00ue\r\n")
        telegram.private_message(NEIGHBOUR, f"{EMERGENCY} \udfff\x00")
        # Discord: the same, by DM and in the staff channel.
        d_start = len(discord_fake.sent)
        discord_fake.dm(dc.RESIDENT, f"{dc.PHRASE} {HOSTILE}", global_name="Jo\udfff")
        discord_fake.channel_message(dc.STAFF_CHANNEL, dc.OFFICER, "!que\x00ue\r\n")
        discord_fake.dm(dc.OTHER_RESIDENT, f"{EMERGENCY} \ud800\x07")
        # The web: hostile JSON, written as a browser never would.
        body = b'{"text": "x \\ud800 \\u0000 ' + tg.PHRASE.encode() + b' is the road safe?"}'
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/chat/send",
            data=body,
            headers={"Content-Type": "application/json"},
        )
        try:
            web_status = await asyncio.to_thread(urllib.request.urlopen, request, timeout=10)
            status = web_status.status
        except urllib.error.HTTPError as refused:  # no CSRF token: refused, nothing stored
            status = refused.code
        assert status in (200, 400, 403)

        guidance = await telegram.wait_for_sent(
            tg.to_chat_containing(NEIGHBOUR, "999"), WAIT_S, start=t_start
        )
        assert "press 55" in guidance.plain_text
        ack = await telegram.wait_for_sent(
            tg.to_chat_containing(tg.RESIDENT, "Your question to"), WAIT_S, start=t_start
        )
        assert "#" in ack.plain_text
        card = await telegram.wait_for_sent(
            tg.to_chat_containing(tg.STAFF_GROUP, "by the school"), WAIT_S, start=t_start
        )
        assert "\ufffd the road by the school safe?" in card.plain_text
        await telegram.wait_for_sent(
            tg.to_chat_containing(tg.STAFF_GROUP, "waiting"), WAIT_S, start=t_start
        )

        other_dm = dc.dm_of(discord_fake, dc.OTHER_RESIDENT)
        d_guidance = await discord_fake.wait_for_sent(
            dc.to_containing(other_dm, "999"), WAIT_S, start=d_start
        )
        assert "press 55" in dc.plain(d_guidance.content)
        await discord_fake.wait_for_sent(
            dc.to_containing(dc.dm_of(discord_fake), "Your question to"), WAIT_S, start=d_start
        )
        await discord_fake.wait_for_sent(
            dc.to_containing(dc.STAFF_CHANNEL, "waiting"), WAIT_S, start=d_start
        )

        health = await asyncio.to_thread(
            urllib.request.urlopen, f"http://127.0.0.1:{port}/healthz", timeout=10
        )
        assert health.status == 200
        health.close()
        assert await asyncio.to_thread(bot.stop) == 0
    assert "restarting" not in bot.log
    assert "Traceback" not in bot.log
    assert "set aside" not in bot.log
