"""The Discord adapter: owns a discord.py ``Client`` (``async with client``),
turns DMs, staff-channel messages, button presses and slash commands into the
core's inbound events, registers the slash commands (``commands``) once
connected, and reconnects with backoff when Discord is unreachable."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import aiohttp
import discord
import yarl
from discord.gateway import DiscordWebSocket

from adapters.discord.commands import Tree, fill, register, settle
from adapters.discord.convert import (
    command_to_inbound,
    interaction_to_inbound,
    message_to_inbound,
    thread_parent,
)
from adapters.discord.render import to_markdown
from adapters.discord.sender import DiscordSender
from bot.core import Catalogue
from bot.edge.backoff import Backoff
from bot.edge.chat import ChatRef
from bot.edge.connection import Connection
from bot.edge.inbound import Envelope, Inbound
from bot.edge.pace import Pace
from bot.edge.rooms import room_added, room_removed
from bot.edge.startup import StartupFailure
from config.model import DiscordConfig

log = logging.getLogger("forumbot.discord")

BACKOFF_MAX_S = 60.0
VERIFY_TIMEOUT_S = 10.0
# Where an administrator switches on the privileged intents ``intents()`` asks for.
INTENTS_SWITCHES = (
    "Discord Developer Portal -> the application -> Bot -> Privileged Gateway Intents: "
    "switch on Message Content Intent and Server Members Intent, then save"
)


def intents() -> discord.Intents:
    """What the bot must receive: DMs and guild messages with their text
    (message content, privileged), guilds and members (roles, privileged)."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.members = True
    wanted.guild_messages = True
    wanted.dm_messages = True
    wanted.message_content = True
    return wanted


def point_at(settings: DiscordConfig) -> None:
    """Route REST and the gateway through the configured addresses (a proxy,
    or a fake in tests). discord.py keeps both as class attributes."""
    discord.http.Route.BASE = settings.api_base_url.rstrip("/")
    if settings.gateway_url:
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)


class _Client(discord.Client):
    """discord.py's client, handing every event to the adapter."""

    def __init__(self, adapter: DiscordAdapter, **options: Any) -> None:
        super().__init__(intents=intents(), **options)
        self.adapter = adapter
        self.tree = Tree(self, adapter.slash)

    async def setup_hook(self) -> None:
        """At login, before any event: the commands this run knows, so an
        interaction is understood before registration has finished."""
        commands = self.adapter.catalogue()
        if commands is not None:
            fill(self.tree, commands, self.adapter.guild_ids)

    async def on_ready(self) -> None:
        user = self.user
        log.info(
            "Discord connected as %s (%s)", user.name if user else "?", user.id if user else "?"
        )
        self.adapter.ready.set()
        self.adapter.connection.up()
        await self.adapter.register_commands()

    async def on_resumed(self) -> None:
        self.adapter.connection.up()

    async def on_disconnect(self) -> None:
        self.adapter.connection.down("gateway disconnected")

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None:
            return
        await self._hand_over_message(message, edited=False)

    async def _hand_over_message(self, message: discord.Message, *, edited: bool) -> None:
        """A message (or its edit) as the core's event, on the queue."""
        inbound = message_to_inbound(
            message,
            self.adapter.settings.command_prefix,
            self.user.id if self.user else None,
            await self._thread_parent(message),
            edited=edited,
        )
        if inbound is not None:
            await self.adapter.hand_over(inbound)

    async def _thread_parent(self, message: discord.Message) -> int | None:
        return await self.parent_of(message.channel, message.guild is not None)

    async def parent_of(self, channel: object, in_guild: bool) -> int | None:
        """The channel a guild channel's thread is under; None when it is not
        a thread. A thread discord.py has not seen (it missed the
        THREAD_CREATE) is asked for over REST; when that fails, the event is
        taken as written in the channel it names."""
        parent = thread_parent(channel)
        if parent is not None or not in_guild:
            return parent
        if not isinstance(channel, discord.PartialMessageable):
            return None
        try:
            found = await self.fetch_channel(channel.id)
        except (discord.HTTPException, discord.InvalidData) as error:
            log.warning("channel %s could not be looked up: %s", channel.id, error)
            return None
        return thread_parent(found)

    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        """MESSAGE_UPDATE, cached or not. Only a user's edit (a new
        ``edited_timestamp``) is an event: Discord also sends an update when
        it adds a link's preview, which nobody wrote."""
        message = payload.message
        if message.edited_at is None:
            return
        await self._hand_over_message(message, edited=True)

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        """GUILD_DELETE without ``unavailable``: the bot was removed from the server."""
        await self.adapter.rooms_changed(
            guild.channels, "Discord: the bot was removed from the server"
        )

    async def on_guild_join(self, guild: discord.Guild) -> None:
        """GUILD_CREATE for a server the bot was (re)invited to."""
        await self.adapter.rooms_changed(guild.channels, None)

    async def on_guild_channel_update(
        self, before: discord.abc.GuildChannel, after: discord.abc.GuildChannel
    ) -> None:
        """CHANNEL_UPDATE: the bot's permission to post may have been taken or given."""
        if _can_post(before) != _can_post(after):
            await self.adapter.rooms_changed([after], None)

    async def on_guild_role_update(self, before: discord.Role, after: discord.Role) -> None:
        """GUILD_ROLE_UPDATE: a role the bot has (or @everyone) may have lost or
        regained a permission in every channel at once; Discord sends no
        CHANNEL_UPDATE for that. Each configured channel of the guild is told
        as it now stands (the core ignores what changes nothing)."""
        me = after.guild.me
        if before.permissions == after.permissions or me is None:
            return
        if after.is_default() or any(role.id == after.id for role in me.roles):
            await self.adapter.rooms_changed(after.guild.channels, None)

    async def on_member_update(self, before: discord.Member, after: discord.Member) -> None:
        """GUILD_MEMBER_UPDATE for the bot itself: a role given or taken away."""
        if self.user is not None and after.id == self.user.id and before.roles != after.roles:
            await self.adapter.rooms_changed(after.guild.channels, None)

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        inbound = interaction_to_inbound(interaction)
        if inbound is None:
            return
        await self.adapter.hand_over(inbound)
        if not interaction.response.is_done():
            try:
                await interaction.response.defer()
            except discord.HTTPException as error:
                log.debug("interaction acknowledgement failed: %s", error.status)


class DiscordAdapter:
    """The ``bot.edge.adapter.Adapter`` for Discord."""

    platform = "discord"
    pace = Pace()  # discord.py keeps Discord's buckets itself

    def __init__(
        self,
        settings: DiscordConfig,
        token: str,
        queue: asyncio.Queue[Envelope],
        rooms: Iterable[str] = (),
        *,
        catalogue: Callable[[], Catalogue | None] = lambda: None,
        staff_channels: Sequence[str] = (),
        **client_options: Any,
    ) -> None:
        """``catalogue``: the desks' commands, read once connected (the core
        is built after the adapters); None registers none. ``staff_channels``:
        the Discord staff rooms' channel ids, whose guilds get the officers'
        commands. ``client_options`` go to discord.py's ``Client``."""
        self.settings = settings
        self.rooms = frozenset(rooms)  # the configured staff and public channels' ids
        self.token = token
        self.queue = queue
        self.ready = asyncio.Event()
        self.connection = Connection("discord")
        point_at(settings)
        self.catalogue = catalogue
        self.staff_channels = tuple(staff_channels)
        self.guild_ids: list[int] = []
        self.registered = False
        self._settling: set[asyncio.Task[None]] = set()
        self._options = client_options
        self.client = _Client(self, **client_options)
        self.sender = DiscordSender(self.client)

    async def hand_over(self, inbound: Inbound) -> None:
        envelope = Envelope(inbound)
        self.queue.put_nowait(envelope)
        await envelope.stored

    async def rooms_changed(
        self, channels: Iterable[discord.abc.GuildChannel], removed: str | None
    ) -> None:
        """Tell the core about the configured rooms among ``channels``: all
        ``removed`` (the reason), or each as the bot's permissions now stand."""
        for channel in channels:
            if str(channel.id) not in self.rooms:
                continue
            chat = ChatRef(self.platform, str(channel.id), "group")
            key = f"room:{channel.id}:{time.time_ns()}"
            if removed is None and not _can_post(channel):
                removed_now = "Discord: the bot may not view or post in the channel"
                await self.hand_over(room_removed(chat, key, removed_now))
            elif removed is None:
                await self.hand_over(room_added(chat, key))
            else:
                await self.hand_over(room_removed(chat, key, removed))

    async def slash(self, interaction: discord.Interaction, name: str, text: str) -> None:
        """A slash command used: answered at once with "thinking" (Discord
        wants an answer within 3 s), then handed over as the event its typed
        form makes; the desk's reply becomes the response (``Waiting``), or
        "Received." after ``commands.REPLY_WAIT_S`` when none comes."""
        key = f"interaction:{interaction.id}"
        deferred = False
        try:
            await interaction.response.defer()
            deferred = True
        except discord.HTTPException as error:
            log.warning(
                "slash command %s could not be acknowledged (%s %s); its reply goes to the channel",
                key,
                error.status,
                error.code,
            )
        parent = await self.client.parent_of(interaction.channel, interaction.guild_id is not None)
        inbound = command_to_inbound(interaction, name, text, self.settings.command_prefix, parent)
        if inbound is None:
            return
        commands = self.catalogue()
        if not self._may_run_here(inbound):
            if deferred and commands is not None:
                await self._say(interaction, to_markdown(commands.elsewhere))
            return
        if deferred:
            private = inbound.chat.kind == "private"
            self.sender.waiting.add(key, interaction, inbound.chat.chat_id, private)
            if commands is not None:
                received = to_markdown(commands.received)
                task = asyncio.create_task(settle(self.sender.waiting, key, interaction, received))
                self._settling.add(task)
                task.add_done_callback(self._settling.discard)
        await self.hand_over(inbound)

    def _may_run_here(self, inbound: Inbound) -> bool:
        """A DM, or a staff room (a thread under one counts as it): the
        officers' commands are listed in the whole server, but used
        elsewhere they would go nowhere."""
        return inbound.chat.kind == "private" or inbound.chat.chat_id in self.staff_channels

    @staticmethod
    async def _say(interaction: discord.Interaction, text: str) -> None:
        try:
            await interaction.edit_original_response(
                content=text, allowed_mentions=discord.AllowedMentions.none()
            )
        except (discord.HTTPException, aiohttp.ClientError, OSError) as error:
            log.info("slash command %s not answered: %s", interaction.id, error)

    async def register_commands(self) -> None:
        """Once per run, at the first connection: register the slash commands
        (``commands.register``). Refusals are logged, not raised; when
        Discord cannot be reached it is tried again at the next connection."""
        commands = self.catalogue()
        if self.registered or commands is None:
            return
        self.registered = True
        try:
            self.guild_ids = await self._staff_guilds()
            await register(self.client.tree, commands, self.guild_ids)
        except (discord.HTTPException, aiohttp.ClientError, OSError) as error:
            self.registered = False
            log.warning(
                "slash commands not registered (%s); trying again at the next connection", error
            )
        except discord.ClientException as error:  # no application id in READY
            log.warning("slash commands not registered: %s", error)

    async def _staff_guilds(self) -> list[int]:
        """The guilds of the Discord staff rooms, each once, in order; a
        channel the bot cannot see is logged and left out."""
        found: list[int] = []
        for channel_id in self.staff_channels:
            channel: object = self.client.get_channel(int(channel_id))
            if channel is None:
                try:
                    channel = await self.client.fetch_channel(int(channel_id))
                except (discord.HTTPException, discord.InvalidData) as error:
                    log.warning(
                        "staff channel %s could not be looked up (%s): no slash commands for "
                        "its server",
                        channel_id,
                        error,
                    )
                    continue
            guild = getattr(channel, "guild", None)
            if isinstance(guild, discord.Guild) and guild.id not in found:
                found.append(guild.id)
        return found

    async def run(self) -> None:
        """Serve until cancelled; discord.py resumes dropped connections itself,
        and this loop starts again when it gives up, after 1 s doubling to 60 s
        (60 s after a refused token, or privileged intents the Developer
        Portal has not switched on: gateway close 4014, logged once as an
        ERROR naming the switches)."""
        backoff = Backoff(1.0, BACKOFF_MAX_S)
        intents_told = False  # the ERROR once; repeats while it lasts are warnings
        while True:
            try:
                async with self.client:
                    await self.client.start(self.token, reconnect=True)
            except asyncio.CancelledError:
                raise
            except discord.PrivilegedIntentsRequired as error:
                # Gateway close 4014: the bot asks for intents the portal has not
                # allowed. Nothing changes until an administrator switches them on.
                self.connection.down(error)
                backoff.longest()
                if not intents_told:
                    log.error(
                        "Discord refused the connection: the bot's privileged intents are "
                        "not switched on. In the %s. Retrying in %ss",
                        INTENTS_SWITCHES,
                        int(backoff.delay),
                    )
                    intents_told = True
                else:
                    log.warning(
                        "Discord still refuses the privileged intents; retrying in %ss",
                        int(backoff.delay),
                    )
            except discord.LoginFailure as error:
                self.connection.down(error)
                log.error(
                    "Discord rejected the token (%s); retrying in %ss",
                    self.settings.token_env,
                    int(BACKOFF_MAX_S),
                )
                backoff.longest()
            except Exception as error:
                self.connection.down(error)
                log.warning(
                    "Discord connection failed: %s; retrying in %ss",
                    self.connection.problem,
                    int(backoff.delay),
                )
            self.ready.clear()
            await backoff.wait()
            self.client = _Client(self, **self._options)
            self.sender.client = self.client

    async def start(self) -> None:
        """At start-up: log in over REST with discord.py's own HTTP client
        (GET /users/@me). A refused token is fatal (StartupFailure); Discord
        out of reach is not: ``run`` keeps trying meanwhile."""
        http = discord.http.HTTPClient(asyncio.get_running_loop())
        try:
            async with asyncio.timeout(VERIFY_TIMEOUT_S):
                await http.static_login(self.token)
        except discord.LoginFailure:
            raise StartupFailure(
                f"Discord refused the token in {self.settings.token_env}: set it to the bot "
                "token from the Discord developer portal, or unset it to run without Discord"
            ) from None
        except (TimeoutError, aiohttp.ClientError, OSError, discord.HTTPException) as error:
            self.connection.down(error)
            log.warning(
                "Discord could not be reached to check the token (%s); serving the other "
                "platforms and trying again",
                self.connection.problem,
            )
        finally:
            await http.close()

    def announce(self) -> None:
        """Nothing to add once forumbot is serving."""

    async def stop_accepting(self) -> None:
        """Nothing here: the gateway stays open for the last sends, and
        closes with ``close``."""

    async def close(self) -> None:
        """Close discord.py's client (its gateway and HTTP session)."""
        for task in list(self._settling):
            task.cancel()
        if not self.client.is_closed():
            await self.client.close()


def _can_post(channel: discord.abc.GuildChannel) -> bool:
    """Whether the bot may see ``channel`` and send messages there."""
    me = channel.guild.me
    if me is None:
        return False
    allowed = channel.permissions_for(me)
    return allowed.view_channel and allowed.send_messages
