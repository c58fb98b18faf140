"""Discord as the composition root lists it: on when its token is set."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Protocol

from adapters.discord.adapter import DiscordAdapter
from adapters.discord.sender import DiscordSender
from bot.core import Catalogue, Core, catalogue
from bot.edge.adapter import Off, Platform, Wiring
from config.model import Config

log = logging.getLogger("forumbot")


class DiscordWiring(Wiring, Protocol):
    """What Discord needs besides: the core (its wording, for the slash
    commands' descriptions), read once connected."""

    @property
    def core(self) -> Core: ...


def staff_channels(config: Config) -> list[str]:
    """Every Discord staff room's channel id, each once."""
    found: list[str] = []
    for forum in config.forums:
        for room in forum.staff_rooms:
            if room.platform == "discord" and room.address not in found:
                found.append(room.address)
    return found


class DiscordPlatform:
    """The ``bot.edge.adapter.Platform`` entry for Discord. The root's
    options for it are passed to discord.py's ``Client`` (tests shorten
    ``guild_ready_timeout``)."""

    name = "discord"

    def off(self, config: Config, env: Mapping[str, str]) -> Off | None:
        token_env = config.platforms.discord.token_env
        return None if env.get(token_env) else Off.unset_variable(token_env)

    def secrets(self, config: Config, env: Mapping[str, str]) -> list[str]:
        token_env = config.platforms.discord.token_env
        return [env[token_env]] if env.get(token_env) else []

    length_limit = DiscordSender

    def command_prefix(self, config: Config) -> str:
        return config.platforms.discord.command_prefix

    def build(self, wiring: DiscordWiring) -> DiscordAdapter:
        settings = wiring.config.platforms.discord
        rooms = [
            room.address
            for forum in wiring.config.forums
            for room in (*forum.staff_rooms, *forum.public_rooms)
            if room.platform == self.name
        ]

        def commands() -> Catalogue:
            return catalogue(wiring.core.wording)

        adapter = DiscordAdapter(
            settings,
            wiring.env[settings.token_env],
            wiring.queue,
            rooms,
            catalogue=commands,
            staff_channels=staff_channels(wiring.config),
            **wiring.options(self.name),
        )
        log.info("discord on")
        return adapter


PLATFORM: Platform[DiscordWiring] = DiscordPlatform()
