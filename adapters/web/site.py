"""What every part of the web side shares, handed to each part's
``add_routes``."""

from __future__ import annotations

from dataclasses import dataclass

from adapters.web.hub import Hub
from adapters.web.pages import Pages
from adapters.web.security import Security
from bot.core import Core
from bot.edge.clock import Clock
from bot.edge.connection import Connection
from config.model import Config, WebConfig


@dataclass
class Site:
    config: Config
    web: WebConfig
    core: Core
    pages: Pages
    security: Security
    hub: Hub
    clock: Clock
    staff_secret: str = ""  # the shared sign-in secret, from the environment only
    connections: tuple[Connection, ...] = ()  # the platforms that are on, for /healthz

    @property
    def base_url(self) -> str:
        """Where the site is reached, for links in feeds (no trailing slash)."""
        if self.web.public_url:
            return self.web.public_url.rstrip("/")
        return f"http://{self.web.listen}:{self.web.port}"
