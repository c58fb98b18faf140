"""Discord's application ("slash") commands, end to end with the real
discord.py client against FakeDiscord (issue 14): registered from the route
tables at start-up (the officers' in the staff room's guild, the residents'
globally for DMs), run with the same checks as the typed commands, answered
in place of Discord's "thinking"; a /command sent as plain text is told how
to run it; a refused registration is a warning, and the prefix still works."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from adapters.discord import commands as slash
from bot.desks.resident import RESIDENT_ROUTES
from bot.desks.staff import STAFF_ROUTES
from bot.store.question import State
from forumbot.app import App
from tests.e2e.discord_setup import (
    GUILD,
    OFFICER,
    PHRASE,
    PUBLIC_CHANNEL,
    REFUSED,
    RESIDENT,
    STAFF_CHANNEL,
    STRANGER,
    WAIT_S,
    ask,
    card_for,
    dm_of,
    environ,
    make_config,
    plain,
    running,
    staff_says,
    state_of,
    to_containing,
)
from tests.fakes.discord_server import FakeDiscord, SentMessage

pytestmark = pytest.mark.timeout(40)

THREAD = "710000000000000600"


@pytest.fixture
def fake(discord_fake: FakeDiscord) -> FakeDiscord:
    return discord_fake


async def _registered(fake: FakeDiscord) -> None:
    """Until the bot has asked to register the officers' commands in the guild."""
    await fake.wait_for_request("PUT", f"/guilds/{GUILD}/commands", timeout=WAIT_S)


@pytest.fixture
async def app(tmp_path: Path, fake: FakeDiscord) -> AsyncIterator[App]:
    async with running(make_config(tmp_path, fake), environ(fake)) as started:
        await _registered(fake)
        yield started


async def _response(fake: FakeDiscord, interaction: str, *needles: str) -> SentMessage:
    """The command's response as the user sees it: the "thinking" message edited into the
    desk's reply."""
    return await fake.wait_until(
        lambda: next(
            (
                e
                for e in fake.edits
                if e.interaction_id == interaction and all(n in plain(e.content) for n in needles)
            ),
            None,
        ),
        WAIT_S,
        lambda: f"no response to {interaction} containing {needles}: {fake.edits!r}",
    )


async def test_the_route_tables_are_registered(fake: FakeDiscord, app: App) -> None:
    staff = {c["name"]: c for c in fake.guild_commands[GUILD]}
    assert list(staff) == [route.name for route in STAFF_ROUTES]
    residents = {c["name"]: c for c in fake.global_commands}
    assert list(residents) == [route.name for route in RESIDENT_ROUTES]
    assert all(c["contexts"] == [1] for c in fake.global_commands)  # the bot's DMs only
    answer = staff["answer"]
    assert answer["description"] == "Answer question 12; the asker gets the answer privately"
    assert answer["options"] == [
        {
            "type": 3,
            "name": "text",
            "description": "What follows the command: 12 text",
            "required": True,
        }
    ]
    assert staff["queue"]["options"][0]["required"] is False
    assert staff["help"]["options"] == []
    assert "commands" not in {c["name"] for c in fake.guild_commands[GUILD]}


async def test_an_officers_slash_answer_reaches_the_resident(fake: FakeDiscord, app: App) -> None:
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    await card_for(fake, 1)
    start = len(fake.sent)
    used = fake.slash_command(STAFF_CHANNEL, OFFICER, "answer", "1 Yes: checks on Thursday.")
    answer = await fake.wait_for_sent(
        to_containing(dm_of(fake), "Answer to your question #1"), WAIT_S, start=start
    )
    assert "checks on Thursday" in plain(answer.content)
    confirmation = await _response(fake, used, "#1 answered by")
    assert confirmation.channel_id == STAFF_CHANNEL
    assert not confirmation.ephemeral  # the room sees it, as a typed command and its reply
    callback = next(c for c in fake.interaction_callbacks if c.interaction_id == used)
    assert callback.type == 5  # "thinking" at once
    assert fake.still_thinking() == []
    assert await state_of(app, 1) == State.ANSWERED


async def test_a_slash_command_in_a_staff_thread_is_answered_there(
    fake: FakeDiscord, app: App
) -> None:
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    await card_for(fake, 1)
    fake.add_thread(STAFF_CHANNEL, THREAD, OFFICER, "speeding", announce=False)
    used = fake.slash_command(THREAD, OFFICER, "approve", "1")
    confirmation = await _response(fake, used, "#1")
    assert confirmation.channel_id == THREAD
    assert await state_of(app, 1) == State.APPROVED


async def test_a_non_officers_slash_approve_is_refused(fake: FakeDiscord, app: App) -> None:
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    await card_for(fake, 1)
    used = fake.slash_command(STAFF_CHANNEL, STRANGER, "approve", "1")
    refusal = await _response(fake, used, REFUSED)
    assert refusal.channel_id == STAFF_CHANNEL
    assert await state_of(app, 1) == State.NEW


async def test_an_officers_command_outside_the_staff_channel_is_told_where(
    fake: FakeDiscord, app: App
) -> None:
    used = fake.slash_command(PUBLIC_CHANNEL, OFFICER, "queue")
    told = await _response(fake, used, "work only in the forum's staff channel")
    assert told.channel_id == PUBLIC_CHANNEL
    assert "Nothing was done" in plain(told.content)
    assert fake.still_thinking() == []


async def test_a_residents_slash_command_in_a_dm(fake: FakeDiscord, app: App) -> None:
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    used = fake.slash_command(dm_of(fake), RESIDENT, "status")
    status = await _response(fake, used, "#1")
    assert status.channel_id == dm_of(fake)
    start = len(fake.sent)
    asked = fake.slash_command(dm_of(fake), RESIDENT, "ask", "Bromley: and on Oak Lane?")
    await _response(fake, asked)
    await card_for(fake, 2, start)
    assert fake.still_thinking() == []


async def test_a_slash_command_with_no_reply_is_told_it_was_received(
    fake: FakeDiscord, app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(slash, "REPLY_WAIT_S", 0.5)
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    await card_for(fake, 1)
    await staff_says(fake, "!block 1", "blocked")
    await ask(fake, f"{PHRASE} and on Oak Lane?")  # held; told once
    used = fake.slash_command(dm_of(fake), RESIDENT, "ask", "and on Ash Grove?")
    received = await _response(fake, used, "Received.")
    assert received.channel_id == dm_of(fake)
    assert fake.still_thinking() == []


@pytest.mark.parametrize(
    ("where", "typed", "command"),
    [("staff", "/answer 1 Yes", "answer"), ("dm", "/status", "status")],
)
async def test_a_slash_command_sent_as_plain_text_is_told_how(
    fake: FakeDiscord, app: App, where: str, typed: str, command: str
) -> None:
    if where == "staff":
        await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
        await card_for(fake, 1)
        hint = await staff_says(fake, typed, "plain message")
    else:
        hint = await ask(fake, typed)
    said = plain(hint.content)
    assert f"Choose /{command} from the list" in said
    assert f"send !{command} instead" in said
    if where == "staff":
        assert await state_of(app, 1) == State.NEW


async def test_a_refused_registration_is_a_warning_and_the_prefix_works(
    tmp_path: Path, fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    fake.no_commands_scope.add(GUILD)
    caplog.set_level(logging.WARNING, "forumbot")
    async with running(make_config(tmp_path, fake), environ(fake)):
        await _registered(fake)
        await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
        await card_for(fake, 1)
        await staff_says(fake, "!answer 1 Yes.", "#1 answered by")
    warnings = [r.getMessage() for r in caplog.records if "slash commands" in r.getMessage()]
    assert len(warnings) == 1, warnings
    assert "50001" in warnings[0]
    assert "re-invite the bot with the applications.commands scope" in warnings[0]
    assert GUILD not in fake.guild_commands
    assert fake.global_commands  # the residents' still are


async def test_the_fake_refuses_what_discord_refuses(fake: FakeDiscord) -> None:
    bad = [
        {"name": "Answer", "description": "x", "type": 1},
        {"name": "queue", "description": "", "type": 1},
        {
            "name": "merge",
            "description": "ok",
            "options": [
                {"type": 3, "name": "b", "description": "b", "required": False},
                {"type": 3, "name": "a", "description": "a", "required": True},
            ],
        },
    ]
    url = f"{fake.api_base}/applications/{fake.application_id}/guilds/{GUILD}/commands"
    headers = {"Authorization": f"Bot {fake.token}"}
    async with aiohttp.ClientSession() as session:
        async with session.put(url, json=bad, headers=headers) as response:
            assert response.status == 400
            body = await response.json()
        too_long = [{"name": "x" * 33, "description": "d"}]
        async with session.put(url, json=too_long, headers=headers) as r:
            assert r.status == 400
        too_many = [{"name": f"c{i}", "description": "d"} for i in range(101)]
        async with session.put(url, json=too_many, headers=headers) as r:
            assert r.status == 400
    assert body["code"] == 50035 and body["message"] == "Invalid Form Body"
    errors = body["errors"]
    assert errors["0"]["name"]["_errors"][0]["code"] == "APPLICATION_COMMAND_INVALID_NAME"
    assert errors["1"]["description"]["_errors"][0]["code"] == "BASE_TYPE_BAD_LENGTH"
    assert "_errors" in errors["2"]["options"]["1"]
    assert GUILD not in fake.guild_commands
    fake.no_commands_scope.add(GUILD)
    async with (
        aiohttp.ClientSession() as session,
        session.put(url, json=[], headers=headers) as response,
    ):
        assert response.status == 403
        assert (await response.json()) == {"message": "Missing Access", "code": 50001}


async def test_only_registered_commands_can_be_used(fake: FakeDiscord, app: App) -> None:
    with pytest.raises(ValueError, match="no /status is registered for guild"):
        fake.slash_command(STAFF_CHANNEL, OFFICER, "status")  # a resident's command
    with pytest.raises(ValueError, match="no /approve is registered for a DM"):
        fake.slash_command(dm_of(fake), RESIDENT, "approve", "1")
    with pytest.raises(ValueError, match="needs its 'text' option"):
        fake.slash_command(STAFF_CHANNEL, OFFICER, "answer")
    assert fake.interaction_callbacks == []


async def test_a_command_discord_lists_but_this_run_does_not_know_is_answered(
    fake: FakeDiscord, app: App
) -> None:
    """Registered by an older version (or before this run's registration): the desk still
    answers it, here as an unknown command."""
    fake.guild_commands[GUILD].append(
        {"id": "720000000000000001", "name": "retire", "type": 1, "description": "old"}
    )
    used = fake.slash_command(STAFF_CHANNEL, OFFICER, "retire")
    told = await _response(fake, used, "Unknown command !retire")
    assert told.channel_id == STAFF_CHANNEL
