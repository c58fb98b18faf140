"""Configuration: one YAML file loaded into typed, validated dataclasses.

from config import load_config, ConfigError
"""

from config.duration import format_duration, parse_duration
from config.load import ConfigError, available_languages, default_config, load_config, parse_config
from config.model import (
    Config,
    Contacts,
    DiscordConfig,
    Forum,
    Limits,
    Officers,
    PlatformName,
    Platforms,
    Room,
    Schedule,
    TelegramConfig,
    TelegramRateLimits,
    TelegramWebhook,
)
from config.phrase import normalise_phrase

__all__ = [
    "Config",
    "ConfigError",
    "Contacts",
    "DiscordConfig",
    "Forum",
    "Limits",
    "Officers",
    "PlatformName",
    "Platforms",
    "Room",
    "Schedule",
    "TelegramConfig",
    "TelegramRateLimits",
    "TelegramWebhook",
    "available_languages",
    "default_config",
    "format_duration",
    "load_config",
    "normalise_phrase",
    "parse_config",
    "parse_duration",
]
