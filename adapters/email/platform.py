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
from config.load import problem_at, written_at
from config.model import Config, EmailInbound
from config.source import Problem

log = logging.getLogger("forumbot")

SECTION = "platforms.email"
MIN_SECRET = 16  # characters of the links' secret, at the least


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
    problems = _inbound_problems(config)
    if not s.host:
        return problems
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
    secret = env.get(s.link_secret_env, "")
    if len(secret) < MIN_SECRET:
        told = "is not set" if not secret else f"is {len(secret)} characters long"
        problems.append(
            _at(
                config,
                "link_secret_env",
                f"{s.link_secret_env} {told}: it signs the links in every e-mail (unsubscribe, "
                f"choose alerts, see or erase your data); set it to {MIN_SECRET} or more random "
                "characters, e.g. the output of: openssl rand -hex 32 (docs/email.md)",
            )
        )
    if not config.web.enabled:
        problems.append(
            problem_at(
                config,
                "web.enabled",
                "is false, but e-mail is on (platforms.email.host is set), and residents "
                "subscribe, confirm and unsubscribe on the web site: set web.enabled to true, "
                "or remove platforms.email.host to run without e-mail",
            )
        )
    elif not config.web.public_url:
        problems.append(
            problem_at(
                config,
                "web.public_url",
                "is not set, but e-mail is on and every e-mail links to the site: give the "
                "address residents reach it at, e.g. web.public_url: "
                "https://forum.example.police.uk (docs/web.md)",
            )
        )
    for key in ("from_name", "list_id"):
        value = str(getattr(s, key))
        if any(ord(c) < 32 or ord(c) == 127 for c in value):
            problems.append(
                _at(
                    config,
                    key,
                    "has a line break, tab or another control character, which cannot go "
                    "in an e-mail's header: write it on one line of plain text, e.g. "
                    "from_name: Bromley Police Online Forum",
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


def setup_warnings(config: Config) -> list[str]:
    """What is allowed but likely wrong with e-mail on (empty when it is
    off): a port and ``security`` that seldom go together (465 is TLS from
    the start, 587 STARTTLS), and a ``web.public_url`` that is not https
    (mail providers offer one-click unsubscribe only for https). Each names
    the key, its line and the fix; ``check-config`` prints them, ``run`` logs them."""
    s = config.platforms.email
    if not s.host:
        return []
    found = []
    if s.port == 465 and s.security == "starttls":
        found.append(
            _at(
                config,
                "security",
                "is starttls, but port 465 expects TLS from the start: use security: tls, "
                "or port: 587 for STARTTLS",
            )
        )
    if s.port == 587 and s.security == "tls":
        found.append(
            _at(
                config,
                "security",
                "is tls, but port 587 expects STARTTLS: use security: starttls, or port: 465 "
                "for TLS from the start",
            )
        )
    url = config.web.public_url
    if config.web.enabled and url and not url.startswith("https://"):
        found.append(
            problem_at(
                config,
                "web.public_url",
                "is not https, but every e-mail's unsubscribe link is under it and mail "
                "providers offer one-click unsubscribe only for https (RFC 8058): give the "
                "https address residents reach the site at",
            )
        )
    return found


INBOUND_KEYS = ("inbound.listen_host", "inbound.listen_port", "inbound.relays", "inbound")


def _inbound_problems(config: Config) -> list[str]:
    """``platforms.email.inbound`` written, but the listener would not be
    built (no ``inbound.address``, or e-mail off): never silently."""
    s = config.platforms.email
    # Keys given other than their defaults (bot.example.yaml writes the
    # defaults out: copying it and setting host must not be refused).
    default = EmailInbound()
    written = next(
        (
            key
            for key in INBOUND_KEYS
            if key != "inbound"
            and written_at(config, f"{SECTION}.{key}") is not None
            and getattr(s.inbound, key.split(".")[1]) != getattr(default, key.split(".")[1])
        ),
        None,
    )
    if written is None and not s.inbound.address:
        return []
    if not s.host:
        # The section with its defaults written out (bot.example.yaml's) is
        # fine while e-mail is off; an address to take mail for is not.
        if not s.inbound.address:
            return []
        return [
            _at(
                config,
                "inbound.address",
                "is set, but e-mail is off (platforms.email.host is not set), so nothing "
                "listens for residents' e-mail: set host (and from_address) to turn e-mail on, "
                "or remove platforms.email.inbound (docs/email.md)",
            )
        ]
    if not s.inbound.address:
        assert written is not None
        return [
            _at(
                config,
                written,
                "is set, but platforms.email.inbound.address is not, so the listener for "
                "questions by e-mail would not start: set inbound.address to the address "
                "residents write to, or remove platforms.email.inbound (docs/email.md)",
            )
        ]
    return []


class EmailPlatform:
    """The ``bot.edge.adapter.Platform`` entry for e-mail. It keeps data of
    its own (``bot.core.KeepsData``): the suppression list and its key."""

    name = "email"
    data: Component = EMAIL_DATA

    def off(self, config: Config, env: Mapping[str, str]) -> Off | None:
        """Off when ``host`` is not set. Raises StartupFailure when
        ``platforms.email.inbound`` is written all the same: a listener for
        residents' mail that would silently never start."""
        if config.platforms.email.host:
            return None
        problems = _inbound_problems(config)
        if problems:
            raise StartupFailure(problems[0])
        return Off("platforms.email.host is not set")

    def secrets(self, config: Config, env: Mapping[str, str]) -> list[str]:
        s = config.platforms.email
        return [env[name] for name in (s.password_env, s.link_secret_env) if env.get(name)]

    length_limit = EmailSender

    def command_prefix(self, config: Config) -> str:
        return "/"

    def build(self, wiring: EmailWiring) -> EmailAdapter:
        """Its adapter. Raises StartupFailure for what ``setup_problems`` finds."""
        config, env = wiring.config, wiring.env
        problems = setup_problems(config, env)
        if problems:
            raise StartupFailure(problems[0])
        for warning in setup_warnings(config):
            log.warning("%s", warning)
        s = config.platforms.email
        adapter = EmailAdapter(
            wiring, env.get(s.password_env) if s.user else None, env[s.link_secret_env]
        )
        for endpoint in adapter.pages.endpoints:
            wiring.serve(endpoint)
        log.info(
            "email on (SMTP %s:%s, %s, %s a second at most)",
            s.host,
            s.port,
            s.security,
            f"{s.pace:g}",
        )
        return adapter


PLATFORM: Platform[EmailWiring] = EmailPlatform()
