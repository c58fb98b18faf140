"""Telegram as the composition root lists it: on when its token is set."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from adapters.telegram.adapter import POLL_TIMEOUT_S, TelegramAdapter
from adapters.telegram.sender import TelegramSender
from bot.edge.adapter import Off, Platform, Wiring
from config.model import Config

log = logging.getLogger("forumbot")


class TelegramPlatform:
    """The ``bot.edge.adapter.Platform`` entry for Telegram. The root may
    pass ``poll_timeout_s`` (seconds a ``getUpdates`` waits) in its options."""

    name = "telegram"

    def off(self, config: Config, env: Mapping[str, str]) -> Off | None:
        token_env = config.platforms.telegram.token_env
        return None if env.get(token_env) else Off.unset_variable(token_env)

    def secrets(self, config: Config, env: Mapping[str, str]) -> list[str]:
        settings = config.platforms.telegram
        names = (settings.token_env, settings.webhook.secret_env)
        return [env[name] for name in names if env.get(name)]

    length_limit = TelegramSender

    def command_prefix(self, config: Config) -> str:
        return "/"

    def build(self, wiring: Wiring) -> TelegramAdapter:
        settings = wiring.config.platforms.telegram
        poll_timeout_s = wiring.options(self.name).get("poll_timeout_s")
        adapter = TelegramAdapter(
            settings,
            wiring.env[settings.token_env],
            wiring.queue,
            webhook_secret=wiring.env.get(settings.webhook.secret_env) or None,
            poll_timeout_s=POLL_TIMEOUT_S if poll_timeout_s is None else int(poll_timeout_s),
        )
        log.info("telegram on (%s mode)", settings.mode)
        return adapter


PLATFORM: Platform[Wiring] = TelegramPlatform()
