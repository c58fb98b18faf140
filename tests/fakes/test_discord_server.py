"""Tests of the fake Discord server, driven by the real discord.py client."""

from __future__ import annotations

import asyncio
import contextlib
import io
from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp
import discord
import pytest
import yarl

from tests.fakes.discord_server import (
    BOT_USER_ID,
    DEFAULT_TOKEN,
    INTENT_MESSAGE_CONTENT,
    MAX_CONTENT_LENGTH,
    FakeDiscord,
    SentMessage,
)

GUILD = "700000000000000001"
STAFF = "700000000000000010"
GENERAL = "700000000000000011"
OFFICER_ROLE = "700000000000000100"
ADMIN_ROLE = "700000000000000101"
OFFICER = "100000000000000042"
CITIZEN = "100000000000000043"
WAIT = 5.0


def bot_intents(*, message_content: bool = True) -> discord.Intents:
    intents = discord.Intents.none()
    intents.guilds = True
    intents.members = True
    intents.guild_messages = True
    intents.dm_messages = True
    intents.message_content = message_content
    return intents


class Recorder(discord.Client):
    """A discord.py client that records what it receives."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.messages: asyncio.Queue[discord.Message] = asyncio.Queue()
        self.interactions: asyncio.Queue[discord.Interaction] = asyncio.Queue()
        self.member_updates: asyncio.Queue[discord.Member] = asyncio.Queue()
        self.resumed = asyncio.Event()

    async def on_message(self, message: discord.Message) -> None:
        self.messages.put_nowait(message)

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        self.interactions.put_nowait(interaction)

    async def on_member_update(self, before: discord.Member, after: discord.Member) -> None:
        self.member_updates.put_nowait(after)

    async def on_resumed(self) -> None:
        self.resumed.set()

    async def next_message(
        self, predicate: Callable[[discord.Message], bool] = lambda _m: True
    ) -> discord.Message:
        """Next received message matching ``predicate`` (others are discarded)."""
        async with asyncio.timeout(WAIT):
            while True:
                message = await self.messages.get()
                if predicate(message):
                    return message


def from_user(user_id: str) -> Callable[[discord.Message], bool]:
    return lambda m: str(m.author.id) == user_id


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as server:
        server.add_guild(
            GUILD,
            "Police Q&A",
            channels={"staff": STAFF, "general": GENERAL},
            roles={"officer": OFFICER_ROLE, "admin": ADMIN_ROLE},
            members={OFFICER: [OFFICER_ROLE], CITIZEN: []},
        )
        server.add_user(OFFICER, username="officer_kim", global_name="Officer Kim")
        with server.patch_discord_py():
            yield server


@contextlib.asynccontextmanager
async def running_client(
    fake: FakeDiscord, *, intents: discord.Intents | None = None
) -> AsyncIterator[Recorder]:
    """A ready discord.py client on the fake; closed (and its task awaited) on exit."""
    client = Recorder(intents=intents or bot_intents(), guild_ready_timeout=0.05)
    async with client:
        task = asyncio.create_task(client.start(fake.token))
        try:
            ready = asyncio.create_task(client.wait_until_ready())
            await asyncio.wait({task, ready}, timeout=WAIT, return_when=asyncio.FIRST_COMPLETED)
            if not ready.done():
                ready.cancel()
                raise AssertionError("discord.py did not become ready")
            yield client
        finally:
            await asyncio.wait_for(client.close(), WAIT)
            await asyncio.wait_for(task, WAIT)  # re-raises if discord.py failed


@pytest.fixture
async def client(fake: FakeDiscord) -> AsyncIterator[Recorder]:
    async with running_client(fake) as bot:
        yield bot


def staff_channel(client: discord.Client) -> discord.TextChannel:
    channel = client.get_channel(int(STAFF))
    assert isinstance(channel, discord.TextChannel)
    return channel


# ---------------------------------------------------------------------- login / READY


async def test_login_ready_and_guild_cache(fake: FakeDiscord, client: Recorder) -> None:
    assert client.user is not None
    assert str(client.user.id) == BOT_USER_ID
    assert client.user.name == "forumbot"
    assert client.application_id == int(BOT_USER_ID)

    guild = client.get_guild(int(GUILD))
    assert guild is not None and guild.name == "Police Q&A"
    assert {c.name: str(c.id) for c in guild.text_channels} == {"staff": STAFF, "general": GENERAL}
    assert {r.name for r in guild.roles} == {"@everyone", "officer", "admin"}
    officer = guild.get_member(int(OFFICER))
    assert officer is not None
    assert [str(r.id) for r in officer.roles if not r.is_default()] == [OFFICER_ROLE]
    assert officer.display_name == "Officer Kim"
    assert guild.chunked and guild.me is not None

    assert fake.identify_count == 1 and fake.resume_count == 0
    identify = fake.identify_payloads[0]
    assert identify["intents"] == bot_intents().value
    assert identify["token"] == DEFAULT_TOKEN
    query = fake.gateway_connections[0].query
    assert query["v"] == "10" and query["encoding"] == "json"
    assert query["compress"] in ("zlib-stream", "zstd-stream")  # ignored: text frames are sent
    me = fake.requests_for("GET", "/users/@me")[0]
    assert me.headers["Authorization"] == f"Bot {DEFAULT_TOKEN}"
    assert fake.requests_for("GET", "/oauth2/applications/@me")


async def test_wrong_token_is_a_login_failure(fake: FakeDiscord) -> None:
    client = discord.Client(intents=bot_intents())
    async with client:
        with pytest.raises(discord.LoginFailure):
            await asyncio.wait_for(client.login("not-the-token"), WAIT)


async def test_gateway_rejects_wrong_token_with_4004(fake: FakeDiscord) -> None:
    async with aiohttp.ClientSession() as session, session.ws_connect(fake.gateway_url) as ws:
        hello = await ws.receive_json(timeout=WAIT)
        assert hello["op"] == 10 and hello["d"]["heartbeat_interval"] == 41250
        await ws.send_json({"op": 1, "d": None})
        assert (await ws.receive_json(timeout=WAIT))["op"] == 11
        await ws.send_json({"op": 2, "d": {"token": "wrong", "intents": 0, "properties": {}}})
        msg = await ws.receive(timeout=WAIT)
        assert msg.type is aiohttp.WSMsgType.CLOSE
        assert ws.close_code == 4004
    assert fake.identify_count == 0


async def test_refused_privileged_intents(fake: FakeDiscord) -> None:
    fake.privileged_intents_enabled = False
    client = discord.Client(intents=bot_intents(), guild_ready_timeout=0.05)
    async with client:
        with pytest.raises(discord.PrivilegedIntentsRequired):
            await asyncio.wait_for(client.start(fake.token), WAIT)


async def test_content_is_counted_in_code_points_as_discord_counts_it(fake: FakeDiscord) -> None:
    """2,000 emoji outside the BMP (4,000 UTF-16 units) are taken; one more code point is
    refused with Discord's Invalid Form Body, naming the field."""
    url = f"{fake.api_base}/channels/{STAFF}/messages"
    auth = {"Authorization": f"Bot {fake.token}"}
    async with aiohttp.ClientSession() as session:
        emoji = "\U0001f693" * MAX_CONTENT_LENGTH
        async with session.post(url, json={"content": emoji}, headers=auth) as resp:
            assert resp.status == 200
        async with session.post(url, json={"content": emoji + "!"}, headers=auth) as resp:
            assert resp.status == 400
            assert await resp.json() == {
                "code": 50035,
                "message": "Invalid Form Body",
                "errors": {
                    "content": {
                        "_errors": [
                            {
                                "code": "BASE_TYPE_MAX_LENGTH",
                                "message": "Must be 2000 or fewer in length.",
                            }
                        ]
                    }
                },
            }
    assert [m.content for m in fake.sent] == [emoji]


async def test_rest_errors_are_discord_shaped(fake: FakeDiscord) -> None:
    async with aiohttp.ClientSession() as session:
        auth = {"Authorization": f"Bot {fake.token}"}
        async with session.get(f"{fake.api_base}/no/such/route", headers=auth) as resp:
            assert resp.status == 404
            assert resp.headers["Content-Type"] == "application/json"
            assert await resp.json() == {"message": "404: Not Found", "code": 0}
        async with session.get(f"{fake.api_base}/users/@me") as resp:
            assert resp.status == 401
        async with session.get(f"{fake.api_base}/gateway/bot", headers=auth) as resp:
            body = await resp.json()
            assert body["url"] == fake.gateway_url and body["shards"] == 1
            assert body["session_start_limit"]["max_concurrency"] == 1


# ---------------------------------------------------------------------- inbound messages


async def test_dm_reaches_on_message(fake: FakeDiscord, client: Recorder) -> None:
    mid = fake.dm(CITIZEN, "I lost my wallet", username="citizen1", global_name="Jo")
    message = await client.next_message(from_user(CITIZEN))
    assert str(message.id) == mid
    assert message.content == "I lost my wallet"
    assert message.guild is None
    assert isinstance(message.channel, discord.DMChannel)
    assert str(message.channel.id) == fake.dm_channel_id(CITIZEN)
    assert message.author.name == "citizen1" and message.author.global_name == "Jo"

    reply = await message.channel.send("We are on it.")
    sent = fake.sent_to(fake.dm_channel_id(CITIZEN))
    assert [s.content for s in sent] == ["We are on it."]
    assert sent[0].id == str(reply.id)
    assert reply.author.id == int(BOT_USER_ID)


async def test_guild_message_has_member_roles(fake: FakeDiscord, client: Recorder) -> None:
    fake.channel_message(STAFF, OFFICER, "!answer 12 Check the lost-and-found office")
    message = await client.next_message(from_user(OFFICER))
    assert message.guild is not None and str(message.guild.id) == GUILD
    assert isinstance(message.channel, discord.TextChannel) and message.channel.name == "staff"
    assert isinstance(message.author, discord.Member)
    assert [str(r.id) for r in message.author.roles if not r.is_default()] == [OFFICER_ROLE]
    assert message.content.startswith("!answer 12")

    with pytest.raises(ValueError, match="not a member"):
        fake.channel_message(STAFF, "100000000000000099", "outsider")


async def test_reply_to_bot_message_carries_referenced_message(
    fake: FakeDiscord, client: Recorder
) -> None:
    question = await staff_channel(client).send("Question #12: where is my wallet?")
    await client.next_message(from_user(BOT_USER_ID))  # the bot's own message is echoed
    fake.channel_message(STAFF, OFFICER, "Lost and found", reply_to=str(question.id))
    message = await client.next_message(from_user(OFFICER))
    assert message.type is discord.MessageType.reply
    assert message.reference is not None and message.reference.message_id == question.id
    resolved = message.reference.resolved
    assert isinstance(resolved, discord.Message)
    assert resolved.content == "Question #12: where is my wallet?"
    assert resolved.author.id == int(BOT_USER_ID)


async def test_message_content_intent_gates_guild_content(fake: FakeDiscord) -> None:
    async with running_client(fake, intents=bot_intents(message_content=False)) as client:
        assert not fake.identify_payloads[0]["intents"] & INTENT_MESSAGE_CONTENT
        fake.channel_message(STAFF, OFFICER, "secret text")
        assert (await client.next_message(from_user(OFFICER))).content == ""
        fake.channel_message(STAFF, OFFICER, f"<@{BOT_USER_ID}> hello bot")
        assert (await client.next_message(from_user(OFFICER))).content.endswith("hello bot")
        fake.dm(CITIZEN, "dm text")
        assert (await client.next_message(from_user(CITIZEN))).content == "dm text"


async def test_member_role_change_updates_cache(fake: FakeDiscord, client: Recorder) -> None:
    fake.set_member_roles(GUILD, OFFICER, [OFFICER_ROLE, ADMIN_ROLE])
    async with asyncio.timeout(WAIT):
        member = await client.member_updates.get()
    assert {str(r.id) for r in member.roles if not r.is_default()} == {OFFICER_ROLE, ADMIN_ROLE}


# ---------------------------------------------------------------------- sending


async def test_nonce_with_enforce_nonce_sends_once(fake: FakeDiscord, client: Recorder) -> None:
    channel = staff_channel(client)
    first = await channel.send("Answer to #12", nonce="outbox-17")
    second = await channel.send("Answer to #12", nonce="outbox-17")
    assert first.id == second.id
    assert len(fake.sent) == 1 and fake.deduplicated_sends == 1
    sent = fake.sent[0]
    assert sent.nonce == "outbox-17" and sent.enforce_nonce is True
    other = await channel.send("Answer to #13", nonce="outbox-18")
    assert other.id != first.id and len(fake.sent) == 2
    assert len(fake.requests_for("POST", f"/channels/{STAFF}/messages")) == 3


async def test_allowed_mentions_are_recorded(fake: FakeDiscord, client: Recorder) -> None:
    channel = staff_channel(client)
    await channel.send(
        f"<@{OFFICER}> please answer", allowed_mentions=discord.AllowedMentions.none()
    )
    quiet = fake.sent[-1]
    assert quiet.allowed_mentions == {"parse": []}
    assert quiet.mentioned_user_ids == {OFFICER} and quiet.pinged_user_ids == set()

    await channel.send(f"<@{OFFICER}> please answer")  # discord.py sends no allowed_mentions
    loud = fake.sent[-1]
    assert loud.allowed_mentions is None and loud.pinged_user_ids == {OFFICER}


async def test_invalid_messages_are_rejected(fake: FakeDiscord, client: Recorder) -> None:
    channel = staff_channel(client)
    with pytest.raises(discord.HTTPException) as too_long:
        await channel.send("x" * (MAX_CONTENT_LENGTH + 1))
    assert too_long.value.status == 400 and too_long.value.code == 50035
    assert "content" in too_long.value.text
    await channel.send("x" * MAX_CONTENT_LENGTH)
    unknown = client.get_partial_messageable(123456789012345678)
    with pytest.raises(discord.NotFound) as missing:
        await unknown.send("hello?")
    assert missing.value.code == 10003
    assert len(fake.sent) == 1


async def test_rate_limit_is_retried_by_discord_py(fake: FakeDiscord, client: Recorder) -> None:
    fault = fake.fail_next("POST", f"/channels/{STAFF}/messages", status=429, retry_after=0.1)
    message = await asyncio.wait_for(staff_channel(client).send("after a 429"), WAIT)
    assert fault.hits == 1 and fake.count_429 == 1
    assert len(fake.requests_for("POST", f"/channels/{STAFF}/messages")) == 2
    assert [s.id for s in fake.sent] == [str(message.id)]


async def test_closed_dms_raise_forbidden_50007(fake: FakeDiscord, client: Recorder) -> None:
    fake.closed_dms.add(CITIZEN)
    user = await client.fetch_user(int(CITIZEN))
    dm = await user.create_dm()
    assert str(dm.id) == fake.dm_channel_id(CITIZEN)
    with pytest.raises(discord.Forbidden) as exc:
        await dm.send("Your question was answered")
    assert exc.value.code == 50007 and exc.value.status == 403
    assert exc.value.text == "Cannot send messages to this user"
    assert fake.sent == []

    fake.fail_next("POST", "/messages", status=403, code=50001, message="Missing Access")
    with pytest.raises(discord.Forbidden) as injected:
        await staff_channel(client).send("hi")
    assert injected.value.code == 50001


async def test_wait_for_sent_times_out(fake: FakeDiscord) -> None:
    with pytest.raises(AssertionError, match="no matching sent message"):
        await fake.wait_for_sent(lambda _m: True, timeout=0.05)


async def test_edit_fetch_delete_and_upload(fake: FakeDiscord, client: Recorder) -> None:
    channel = staff_channel(client)
    draft = await channel.send("draft")
    edited = await draft.edit(content="final answer")
    assert edited.content == "final answer" and edited.edited_at is not None
    assert [(e.id, e.content) for e in fake.edits] == [(str(draft.id), "final answer")]
    fetched = await channel.fetch_message(draft.id)
    assert fetched.content == "final answer"

    fetched_channel = await client.fetch_channel(int(STAFF))
    assert isinstance(fetched_channel, discord.TextChannel) and fetched_channel.name == "staff"
    guild = client.get_guild(int(GUILD))
    assert guild is not None
    member = await guild.fetch_member(int(OFFICER))
    assert [str(r.id) for r in member.roles if not r.is_default()] == [OFFICER_ROLE]
    with pytest.raises(discord.NotFound) as unknown_member:
        await guild.fetch_member(100000000000000099)
    assert unknown_member.value.code == 10007

    await draft.delete()
    assert fake.deleted == [(STAFF, str(draft.id))]
    with pytest.raises(discord.NotFound) as gone:
        await channel.fetch_message(draft.id)
    assert gone.value.code == 10008

    await channel.send("see attached", file=discord.File(io.BytesIO(b"report"), "report.txt"))
    assert fake.sent[-1].files == ["report.txt"] and fake.sent[-1].content == "see attached"


# ---------------------------------------------------------------------- interactions


def answer_view() -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(discord.ui.Button(label="Answer", custom_id="answer:12"))
    view.add_item(discord.ui.Button(label="Skip", custom_id="skip:12", disabled=True))
    return view


async def test_button_press_reaches_on_interaction(fake: FakeDiscord, client: Recorder) -> None:
    message = await staff_channel(client).send("Question #12", view=answer_view())
    sent: SentMessage = fake.sent[-1]
    assert sent.custom_ids == ["answer:12", "skip:12"]

    iid = fake.press_button(STAFF, OFFICER, str(message.id), "answer:12")
    async with asyncio.timeout(WAIT):
        interaction = await client.interactions.get()
    assert str(interaction.id) == iid
    assert interaction.type is discord.InteractionType.component
    assert interaction.data is not None and interaction.data.get("custom_id") == "answer:12"
    assert isinstance(interaction.user, discord.Member)
    assert [str(r.id) for r in interaction.user.roles if not r.is_default()] == [OFFICER_ROLE]
    assert interaction.message is not None and interaction.message.id == message.id
    assert interaction.channel is not None and str(interaction.channel.id) == STAFF

    await interaction.response.send_message("Type your answer", ephemeral=True)
    callback = await fake.wait_for_callback(lambda c: c.interaction_id == iid, timeout=WAIT)
    assert callback.type == 4 and callback.data is not None
    assert callback.data["content"] == "Type your answer" and callback.data["flags"] == 64
    assert fake.sent[-1].interaction_id == iid and fake.sent[-1].ephemeral

    with pytest.raises(ValueError, match="disabled"):
        fake.press_button(STAFF, OFFICER, str(message.id), "skip:12")


async def test_deferred_update_then_edit_original(fake: FakeDiscord, client: Recorder) -> None:
    message = await staff_channel(client).send("Question #12", view=answer_view())
    fake.press_button(STAFF, OFFICER, str(message.id), "answer:12")
    async with asyncio.timeout(WAIT):
        interaction = await client.interactions.get()
    await interaction.response.defer()
    with pytest.raises(discord.InteractionResponded):
        await interaction.response.defer()  # discord.py tracks it; the fake would say 40060
    await interaction.edit_original_response(content="Question #12 (taken)", view=None)
    assert [c.type for c in fake.interaction_callbacks] == [6]
    edit = fake.edits[-1]
    assert edit.id == str(message.id) and edit.content == "Question #12 (taken)"
    assert edit.components == []
    stored = fake.get_message(message.id)
    assert stored is not None and stored["components"] == []


async def test_update_message_and_followup(fake: FakeDiscord, client: Recorder) -> None:
    message = await staff_channel(client).send("Question #12", view=answer_view())
    iid = fake.press_button(STAFF, OFFICER, str(message.id), "answer:12")
    async with asyncio.timeout(WAIT):
        interaction = await client.interactions.get()
    await interaction.response.edit_message(content="Question #12 (taken by Kim)", view=None)
    followup = await interaction.followup.send("Reply in the thread", ephemeral=True, wait=True)
    assert [c.type for c in fake.interaction_callbacks] == [7]
    assert fake.edits[-1].id == str(message.id) and fake.edits[-1].interaction_id == iid
    last = fake.sent[-1]
    assert last.id == str(followup.id) and last.interaction_id == iid and last.ephemeral
    with pytest.raises(ValueError, match="no button"):
        fake.press_button(STAFF, OFFICER, str(message.id), "answer:12")  # buttons removed


async def test_auto_sharded_client_uses_gateway_bot_url(fake: FakeDiscord) -> None:
    # AutoShardedClient asks GET /gateway/bot; the default gateway is not used at all.
    fake_default = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL("ws://127.0.0.1:9/nowhere")
    try:
        client = discord.AutoShardedClient(intents=bot_intents(), guild_ready_timeout=0.05)
        async with client:
            task = asyncio.create_task(client.start(fake.token))
            await asyncio.wait_for(client.wait_until_ready(), WAIT)
            assert client.shard_count == 1 and client.get_guild(int(GUILD)) is not None
            assert fake.identify_payloads[0]["shard"] == [0, 1]
            await client.close()
            await asyncio.wait_for(task, WAIT)
    finally:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = fake_default
    assert fake.requests_for("GET", "/gateway/bot")


async def test_button_press_in_a_dm(fake: FakeDiscord, client: Recorder) -> None:
    dm_id = fake.dm_channel_id(CITIZEN)
    message = await client.get_partial_messageable(int(dm_id)).send(
        "Rate the answer", view=answer_view()
    )
    fake.press_button(dm_id, CITIZEN, str(message.id), "answer:12")
    async with asyncio.timeout(WAIT):
        interaction = await client.interactions.get()
    assert interaction.guild_id is None and not isinstance(interaction.user, discord.Member)
    assert str(interaction.user.id) == CITIZEN
    assert isinstance(interaction.channel, discord.DMChannel)
    await interaction.response.defer()
    assert fake.interaction_callbacks[-1].type == 6
    with pytest.raises(ValueError, match="cannot see"):
        fake.press_button(dm_id, OFFICER, str(message.id), "answer:12")


async def test_late_interaction_response_is_unknown(fake: FakeDiscord, client: Recorder) -> None:
    fake.interaction_ack_timeout_s = 0.05
    message = await staff_channel(client).send("Question", view=answer_view())
    fake.press_button(STAFF, OFFICER, str(message.id), "answer:12")
    async with asyncio.timeout(WAIT):
        interaction = await client.interactions.get()
    await asyncio.sleep(0.1)
    with pytest.raises(discord.NotFound) as exc:
        await interaction.response.defer()
    assert exc.value.code == 10062
    assert fake.interaction_callbacks == []


# ---------------------------------------------------------------------- connection loss


async def test_drop_connection_resumes_and_delivers_missed_events(
    fake: FakeDiscord, client: Recorder
) -> None:
    await fake.drop_connection()
    assert not fake.connected  # so the DM below is queued, then replayed after RESUME
    first = fake.dm(CITIZEN, "sent while disconnected")
    message = await client.next_message(from_user(CITIZEN))
    assert str(message.id) == first
    await asyncio.wait_for(client.resumed.wait(), WAIT)
    assert fake.resume_count == 1 and fake.identify_count == 1
    assert len(fake.gateway_connections) == 2

    client.resumed.clear()
    await fake.drop_connection(code=4000)
    assert not fake.connected
    fake.channel_message(STAFF, OFFICER, "also missed")
    assert (await client.next_message(from_user(OFFICER))).content == "also missed"
    await asyncio.wait_for(client.resumed.wait(), WAIT)
    assert fake.resume_count == 2 and fake.identify_count == 1


async def test_reconnect_request_resumes(fake: FakeDiscord, client: Recorder) -> None:
    fake.request_reconnect()
    await fake.wait_until_resumed(timeout=WAIT)
    fake.dm(CITIZEN, "after op 7")
    assert (await client.next_message(from_user(CITIZEN))).content == "after op 7"
    assert fake.identify_count == 1 and len(fake.gateway_connections) == 2


async def test_restart_identifies_anew_and_loses_queued_events(fake: FakeDiscord) -> None:
    with pytest.raises(RuntimeError, match="no gateway session"):
        fake.dm(CITIZEN, "nobody is connected yet")
    async with running_client(fake):
        pass
    await fake.wait_until_disconnected(timeout=WAIT)
    # discord.py's Client.close() puts 4000 on the wire: the session stays resumable
    assert fake.gateway_connections[-1].close_code == 4000
    fake.dm(CITIZEN, "while the bot restarts")  # queued for the old session only
    async with running_client(fake) as client:
        assert fake.identify_count == 2 and fake.resume_count == 0
        fake.dm(CITIZEN, "after the restart")
        assert (await client.next_message(from_user(CITIZEN))).content == "after the restart"
    await fake.wait_until_disconnected(timeout=WAIT)
    fake.expire_sessions()
    with pytest.raises(RuntimeError, match="no gateway session"):
        fake.dm(CITIZEN, "nobody listens")
    fake.drop_undeliverable = True
    fake.dm(CITIZEN, "dropped")
    assert [t for t, _ in fake.dropped_events] == ["MESSAGE_CREATE"]


async def test_raw_protocol_resume_replays_after_sequence(fake: FakeDiscord) -> None:
    identify = {"token": fake.token, "intents": 1 << 12, "properties": {}}  # DMs only
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(fake.gateway_url) as ws:
            assert (await ws.receive_json(timeout=WAIT))["op"] == 10
            await ws.send_json({"op": 2, "d": identify})
            ready = await ws.receive_json(timeout=WAIT)
            assert (ready["t"], ready["s"]) == ("READY", 1)
            assert ready["d"]["resume_gateway_url"] == fake.gateway_url
            assert ready["d"]["guilds"] == [{"id": GUILD, "unavailable": True}]
            session_id = ready["d"]["session_id"]
            fake.dm(CITIZEN, "one")  # no GUILDS intent, so no GUILD_CREATE came first
            one = await ws.receive_json(timeout=WAIT)
            assert (one["t"], one["s"], one["d"]["content"]) == ("MESSAGE_CREATE", 2, "one")
            await fake.drop_connection(code=4000)
        assert [t for t, _ in fake.filtered_events] == ["GUILD_CREATE"]
        fake.dm(CITIZEN, "two")
        async with session.ws_connect(fake.gateway_url) as ws:
            assert (await ws.receive_json(timeout=WAIT))["op"] == 10
            await ws.send_json(
                {"op": 6, "d": {"token": fake.token, "session_id": session_id, "seq": 1}}
            )
            replayed = [await ws.receive_json(timeout=WAIT) for _ in range(3)]
            assert [(p["t"], p["s"]) for p in replayed] == [
                ("MESSAGE_CREATE", 2),
                ("MESSAGE_CREATE", 3),
                ("RESUMED", 4),
            ]
            assert replayed[1]["d"]["content"] == "two"
        # that client closed with 1000: the session is over, a RESUME is refused
        async with session.ws_connect(fake.gateway_url) as ws:
            assert (await ws.receive_json(timeout=WAIT))["op"] == 10
            await ws.send_json(
                {"op": 6, "d": {"token": fake.token, "session_id": session_id, "seq": 4}}
            )
            assert await ws.receive_json(timeout=WAIT) == {"op": 9, "d": False}


async def test_content_that_is_not_valid_unicode_arrives_and_cannot_be_sent(
    fake: FakeDiscord, client: Recorder
) -> None:
    """A lone surrogate and NUL travel as JSON escapes to discord.py; sending a lone surrogate
    back is refused as invalid JSON (50109)."""
    fake.dm(CITIZEN, "x \ud800\x00", username="jo\udfff")
    message = await client.next_message(from_user(CITIZEN))
    assert message.content == "x \ud800\x00" and message.author.name == "jo\udfff"
    with pytest.raises(discord.HTTPException) as refused:
        await message.channel.send("x \ud800")
    assert refused.value.status == 400 and refused.value.code == 50109
    assert fake.sent_to(fake.dm_channel_id(CITIZEN)) == []


async def test_dm_shapes_and_forwards_parse_as_real_messages(
    fake: FakeDiscord, client: Recorder
) -> None:
    """Each shape, as discord.py reads it: files with their content types, the
    voice flag, stickers, an embed, a poll, and a forward's snapshot."""
    user = "300000000000000001"
    fake.dm_shape(user, "voice")
    fake.dm_shape(user, "sticker")
    fake.dm_shape(user, "poll", "Which road?")
    fake.dm_shape(user, "photo", "hello", forwarded=True)
    voice = await client.next_message(from_user(user))
    sticker = await client.next_message(from_user(user))
    poll = await client.next_message(from_user(user))
    forward = await client.next_message(from_user(user))
    assert voice.flags.voice and voice.attachments[0].content_type == "audio/ogg"
    assert sticker.stickers[0].name == "Wave"
    assert poll.poll is not None and poll.poll.question == "Which road?"
    assert forward.content == "" and forward.message_snapshots[0].content == "hello"
    assert forward.message_snapshots[0].attachments[0].content_type == "image/jpeg"
