"""The ``platforms:`` section: how to reach Telegram and Discord."""

from __future__ import annotations

from typing import Literal

from config import scalar
from config.model import (
    DiscordConfig,
    Platforms,
    TelegramConfig,
    TelegramRateLimits,
    TelegramWebhook,
)
from config.node import Fields, Invalid, keys_of


def read_platforms(fields: Fields | None) -> Platforms:
    if fields is None:
        return Platforms()
    return Platforms(
        telegram=_telegram(fields.section("telegram", keys_of(TelegramConfig))),
        discord=_discord(fields.section("discord", keys_of(DiscordConfig))),
    )


def _telegram(fields: Fields | None) -> TelegramConfig:
    default = TelegramConfig()
    if fields is None:
        return default
    mode = fields.value("mode", _mode, default.mode)
    webhook_fields = fields.section("webhook", keys_of(TelegramWebhook))
    webhook = _webhook(webhook_fields)
    if mode == "webhook":
        _check_webhook_url(fields, webhook_fields)
    return TelegramConfig(
        token_env=fields.value(
            "token_env", scalar.env_name("TELEGRAM_BOT_TOKEN"), default.token_env
        ),
        api_base_url=fields.value("api_base_url", scalar.http_url, default.api_base_url),
        mode=mode,
        webhook=webhook,
        rate_limits=_rate_limits(fields.section("rate_limits", keys_of(TelegramRateLimits))),
    )


def _check_webhook_url(telegram: Fields, webhook: Fields | None) -> None:
    """Webhook mode needs ``webhook.url``. A ``webhook:`` that is not a mapping
    is already reported, so it is not reported again here."""
    if webhook is not None and webhook.get("url") is not None:
        return
    if webhook is None and telegram.get("webhook") is not None:
        return
    telegram.reader.problems.add(
        telegram.path_of("webhook") + ".url",
        webhook.node if webhook is not None else telegram.get("mode"),
        "webhook mode needs the public https URL Telegram posts updates to, "
        "e.g. webhook: {url: https://bot.example.org/telegram}",
    )


def _mode(value: object) -> Literal["polling", "webhook"]:
    if value == "polling":
        return "polling"
    if value == "webhook":
        return "webhook"
    raise Invalid(f"expected polling or webhook; found {scalar.describe(value)}")


def _webhook(fields: Fields | None) -> TelegramWebhook:
    default = TelegramWebhook()
    if fields is None:
        return default
    return TelegramWebhook(
        listen=fields.value("listen", scalar.text, default.listen),
        port=fields.value("port", scalar.port, default.port),
        url=fields.value("url", scalar.https_url, default.url),
        secret_env=fields.value(
            "secret_env", scalar.env_name("TELEGRAM_WEBHOOK_SECRET"), default.secret_env
        ),
    )


def _rate_limits(fields: Fields | None) -> TelegramRateLimits:
    default = TelegramRateLimits()
    if fields is None:
        return default
    number = scalar.positive_number
    return TelegramRateLimits(
        overall_per_s=fields.value("overall_per_s", number, default.overall_per_s),
        per_chat_per_s=fields.value("per_chat_per_s", number, default.per_chat_per_s),
        per_group_per_min=fields.value("per_group_per_min", number, default.per_group_per_min),
    )


def _discord(fields: Fields | None) -> DiscordConfig:
    default = DiscordConfig()
    if fields is None:
        return default
    return DiscordConfig(
        token_env=fields.value(
            "token_env", scalar.env_name("DISCORD_BOT_TOKEN"), default.token_env
        ),
        api_base_url=fields.value("api_base_url", scalar.http_url, default.api_base_url),
        gateway_url=fields.value("gateway_url", scalar.gateway_url, default.gateway_url),
        command_prefix=fields.value("command_prefix", _command_prefix, default.command_prefix),
    )


def _command_prefix(value: object) -> str:
    prefix = scalar.text(value)
    if any(ch.isspace() for ch in prefix):
        raise Invalid(f'a command prefix has no spaces, e.g. "!"; found {prefix!r}')
    return prefix
