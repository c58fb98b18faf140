"""E-mail as the composition root lists it: on when ``platforms.email.host``
is set."""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Mapping

from adapters.email.adapter import EmailAdapter, EmailWiring
from adapters.email.sender import EmailSender
from adapters.email.store import EMAIL_DATA
from bot.core import Component
from bot.edge.adapter import Off, Platform
from bot.edge.startup import StartupFailure
from config.load import written_at
from config.model import Config
from config.source import Problem

log = logging.getLogger("forumbot")

SECTION = "platforms.email"


def _at(config: Config, key: str, message: str) -> str:
    """``platforms.email.<key>: <message> (line N)``: the line the key is
    written on, else the line of ``host`` (what turned e-mail on)."""
    line = written_at(config, f"{SECTION}.{key}") or written_at(config, f"{SECTION}.host")
    return str(Problem(f"{SECTION}.{key}", message, line))


def _local(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def setup_problems(config: Config, env: Mapping[str, str]) -> list[str]:
    """What keeps e-mail from working although ``host`` is set (empty when
    it is not: e-mail is then simply off). Each names the key, its line and
    the fix."""
    s = config.platforms.email
    if not s.host:
        return []
    problems = []
    if not s.from_address:
        problems.append(
            _at(
                config,
                "from_address",
                "is not set, but e-mail is on (platforms.email.host is set): give the address "
                "e-mail is sent from, e.g. from_address: alerts@forum.example.police.uk "
                "(docs/email.md)",
            )
        )
    password = env.get(s.password_env, "")
    if s.user and not password:
        problems.append(
            _at(
                config,
                "password_env",
                f"{s.password_env} is not set, but platforms.email.user is: set it to the SMTP "
                "password (never in this file), or remove user for a relay that needs no login "
                "(docs/email.md)",
            )
        )
    if password and (password != password.strip() or any(ord(c) < 32 for c in password)):
        problems.append(
            _at(
                config,
                "password_env",
                f"{s.password_env} has spaces, a line break or another invisible character "
                "at its ends or in it: set it again to the password, exactly",
            )
        )
    if s.user and s.security == "none" and not _local(s.host):
        problems.append(
            _at(
                config,
                "security",
                f"is none, so the password would cross the network to {s.host} unencrypted: "
                "use starttls (port 587) or tls (port 465)",
            )
        )
    return problems


class EmailPlatform:
    """The ``bot.edge.adapter.Platform`` entry for e-mail. It keeps data of
    its own (``bot.core.KeepsData``): the suppression list and its key."""

    name = "email"
    data: Component = EMAIL_DATA

    def off(self, config: Config, env: Mapping[str, str]) -> Off | None:
        if config.platforms.email.host:
            return None
        return Off("platforms.email.host is not set")

    def secrets(self, config: Config, env: Mapping[str, str]) -> list[str]:
        password = env.get(config.platforms.email.password_env)
        return [password] if password else []

    length_limit = EmailSender

    def command_prefix(self, config: Config) -> str:
        return "/"

    def build(self, wiring: EmailWiring) -> EmailAdapter:
        """Its adapter. Raises StartupFailure for what ``setup_problems`` finds."""
        config, env = wiring.config, wiring.env
        problems = setup_problems(config, env)
        if problems:
            raise StartupFailure(problems[0])
        s = config.platforms.email
        adapter = EmailAdapter(wiring, env.get(s.password_env) if s.user else None)
        log.info(
            "email on (SMTP %s:%s, %s, %s a second at most)",
            s.host,
            s.port,
            s.security,
            f"{s.pace:g}",
        )
        return adapter


PLATFORM: Platform[EmailWiring] = EmailPlatform()
