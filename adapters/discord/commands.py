"""Discord's application ("slash") commands: the desks' commands
(``bot.core.catalogue``, built from the route tables) registered with
discord.py's ``app_commands.CommandTree``, and the interactions that use
them waiting for their reply.

Where they are registered (docs/decisions.md, "Discord slash commands"):

- the staff desk's commands in each guild that holds a Discord staff room
  (``PUT /applications/{app}/guilds/{guild}/commands``), at once and only
  there: nobody else's server lists officers' commands;
- the resident desk's commands globally (``PUT /applications/{app}/commands``)
  and for the bot's DMs only (contexts ``[BOT_DM]``, guild install), since
  residents write to the bot privately and guild commands never show in DMs.
  Discord may take a while to show a new global command everywhere; the
  prefix works meanwhile.

Each command has at most one option, ``text`` (a string): what would follow
the typed command. A failed registration (the bot invited without the
``applications.commands`` scope: 403, code 50001) logs one warning naming the
fix; prefix commands keep working.

An interaction is answered at once with "thinking" (a deferred response,
type 5, visible like a typed command and its reply); the desk's reply to it
then becomes that response (``PATCH /webhooks/{app}/{token}/messages/@original``)
when it is sent within the token's life (``Waiting``)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import discord
from discord import app_commands

from bot.core import Catalogue, CommandEntry
from bot.edge.sending import Outgoing

log = logging.getLogger("forumbot.discord")

MISSING_ACCESS = 50001
TOKEN_LIFE_S = 15 * 60.0  # an interaction's token answers follow-ups for 15 minutes
TOKEN_MARGIN_S = 60.0  # not used in its last minute: the reply goes to the channel instead
REPLY_WAIT_S = 120.0  # "Received." when no reply has come by then

Run = Callable[[discord.Interaction, str, str], Awaitable[None]]
"""What a command does when used: (interaction, command name, its text)."""

RESIDENT_CONTEXTS = app_commands.AppCommandContext(guild=False, dm_channel=True)
INSTALLED_IN_GUILDS = app_commands.AppInstallationType(guild=True, user=False)


def _command(
    entry: CommandEntry, run: Run, *, in_dms: bool
) -> app_commands.Command[Any, ..., None]:
    """One entry as discord.py's command: ``text`` required, optional or absent
    as the route's usage line has its arguments."""
    name = entry.name

    async def with_text(interaction: discord.Interaction, text: str) -> None:
        await run(interaction, name, text)

    async def maybe_text(interaction: discord.Interaction, text: str | None = None) -> None:
        await run(interaction, name, text or "")

    async def without(interaction: discord.Interaction) -> None:
        await run(interaction, name, "")

    callback: Callable[..., Awaitable[None]]
    if entry.argument == "none":
        callback = without
    else:
        callback = with_text if entry.argument == "required" else maybe_text
        callback = app_commands.describe(text=entry.argument_description)(callback)
    return app_commands.Command(
        name=name,
        description=entry.description,
        callback=callback,
        allowed_contexts=RESIDENT_CONTEXTS if in_dms else None,
        allowed_installs=INSTALLED_IN_GUILDS if in_dms else None,
    )


class Tree(app_commands.CommandTree[discord.Client]):
    """discord.py's command tree, with one addition: a command Discord still
    lists but this run does not know yet (the officers' commands before
    their guilds are looked up after a restart, or one registered by an
    older version) is still handed to ``run`` by its name and ``text``,
    so the desk answers it (an unknown name gets "unknown command")."""

    def __init__(self, client: discord.Client, run: Run) -> None:
        super().__init__(client)
        self.run = run

    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        if isinstance(error, app_commands.CommandNotFound) and interaction.data is not None:
            name, text = named(interaction.data)
            if name:
                await self.run(interaction, name, text)
                return
        await super().on_error(interaction, error)


def named(data: Any) -> tuple[str, str]:
    """An APPLICATION_COMMAND interaction's ``data`` as (name, text option's
    value); ("", "") when it has no name."""
    name = data.get("name") if isinstance(data, dict) else None
    options = data.get("options") if isinstance(data, dict) else None
    text = ""
    for option in options if isinstance(options, list) else []:
        if isinstance(option, dict) and option.get("name") == "text":
            text = str(option.get("value") or "")
    return (name if isinstance(name, str) else ""), text


def fill(tree: Tree, commands: Catalogue, guild_ids: Sequence[int]) -> None:
    """Put both desks' commands in ``tree``: the residents' as global commands
    for DMs, the officers' in each of ``guild_ids``."""
    tree.clear_commands(guild=None)
    for entry in commands.resident:
        tree.add_command(_command(entry, tree.run, in_dms=True))
    for guild_id in guild_ids:
        guild = discord.Object(guild_id)
        tree.clear_commands(guild=guild)
        for entry in commands.staff:
            tree.add_command(_command(entry, tree.run, in_dms=False), guild=guild)


async def register(tree: Tree, commands: Catalogue, guild_ids: Sequence[int]) -> bool:
    """Register the residents' commands globally and the officers' in each of
    ``guild_ids``; True when every registration was accepted. A refusal is
    logged once per scope as a warning with its fix, never raised; Discord
    out of reach raises (``discord.HTTPException`` 5xx, ``aiohttp.ClientError``,
    ``OSError``) so the caller can try again later."""
    fill(tree, commands, guild_ids)
    fine = await _sync(tree, None)
    for guild_id in guild_ids:
        fine = await _sync(tree, discord.Object(guild_id)) and fine
    return fine


async def _sync(tree: Tree, guild: discord.Object | None) -> bool:
    scope = "in DMs (global)" if guild is None else f"in guild {guild.id}"
    try:
        registered = await tree.sync(guild=guild)
    except app_commands.CommandSyncFailure as error:  # a 400 discord.py explains per command
        log.warning("Discord refused the slash commands %s: %s", scope, error)
        return False
    except discord.HTTPException as error:
        if error.status >= 500:
            raise
        fix = (
            "re-invite the bot with the applications.commands scope (and bot)"
            if error.code == MISSING_ACCESS
            else "see docs/discord.md"
        )
        log.warning(
            "Discord refused the slash commands %s (%s %s: %s): %s; the typed prefix "
            "commands keep working",
            scope,
            error.status,
            error.code,
            error.text,
            fix,
        )
        return False
    log.info("slash commands registered %s: %d", scope, len(registered))
    return True


@dataclass
class _Pending:
    interaction: discord.Interaction
    chat_id: str
    private: bool
    until: float  # monotonic: the token's last useful moment


class Waiting:
    """Interactions answered with "thinking", waiting for the desk's reply.

    The reply is found by the event's key (a staff desk's reply names the
    event's message, ``interaction:<id>``) or, in a DM, as the next message
    to that chat (a resident desk's replies name none). Held in memory only:
    after a restart the reply goes to the channel as a message."""

    def __init__(self) -> None:
        self._by_key: dict[str, _Pending] = {}

    def add(self, key: str, interaction: discord.Interaction, chat_id: str, private: bool) -> None:
        until = time.monotonic() + TOKEN_LIFE_S - TOKEN_MARGIN_S
        self._by_key[key] = _Pending(interaction, chat_id, private, until)

    def find(self, message: Outgoing) -> tuple[str, discord.Interaction] | None:
        """The interaction ``message`` answers, with its key; None when none waits."""
        now = time.monotonic()
        for old in [k for k, p in self._by_key.items() if p.until < now]:
            del self._by_key[old]
        named = message.reply_to_message_id
        if named is not None and named in self._by_key:
            return named, self._by_key[named].interaction
        if message.chat.kind == "private":
            for key, pending in self._by_key.items():
                if pending.private and pending.chat_id == message.chat.chat_id:
                    return key, pending.interaction
        return None

    def waits(self, key: str) -> bool:
        return key in self._by_key

    def done(self, key: str) -> None:
        self._by_key.pop(key, None)


async def settle(waiting: Waiting, key: str, interaction: discord.Interaction, text: str) -> None:
    """After ``REPLY_WAIT_S``: a command still waiting (its desk said nothing
    back, as to a blocked resident told once already) is answered with
    ``text`` rather than left "thinking" until Discord says the application
    did not respond."""
    await asyncio.sleep(REPLY_WAIT_S)
    if not waiting.waits(key):
        return
    waiting.done(key)
    try:
        await interaction.edit_original_response(
            content=text, allowed_mentions=discord.AllowedMentions.none()
        )
    except (discord.HTTPException, OSError, RuntimeError) as error:
        log.debug("interaction %s could not be settled: %s", interaction.id, error)
