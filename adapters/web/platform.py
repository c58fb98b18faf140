"""The web side as the composition root lists it: on unless
``web.enabled`` is false."""

from __future__ import annotations

from collections.abc import Mapping

from adapters.web.adapter import WebAdapter, WebWiring
from adapters.web.sender import WebSender
from adapters.web.store import WEB_DATA
from bot.core import Component
from bot.edge.adapter import Off, Platform
from bot.edge.startup import StartupFailure
from config.model import Config

MIN_SECRET = 16  # characters in the console's shared secret, at the least


def shared_secret_problem(config: Config, env: Mapping[str, str]) -> str | None:
    """Why the console's shared secret (``web.staff_secret_env``) cannot be
    used, or None: one shorter than ``MIN_SECRET`` characters can be
    guessed. Unset is fine (officers then sign in with accounts)."""
    name = config.web.staff_secret_env
    secret = env.get(name, "")
    if not secret or len(secret) >= MIN_SECRET:
        return None
    return (
        f"{name} is {len(secret)} characters long: a shared secret needs at least "
        f"{MIN_SECRET} (a phrase of four or more random words), or unset it and give "
        "officers accounts under web.staff_accounts"
    )


class WebPlatform:
    """The ``bot.edge.adapter.Platform`` entry for the web side. Its wiring
    must also give the store, the core and the other platforms' connections
    (``WebWiring``). It keeps data of its own (``bot.core.KeepsData``):
    ``data``, its tables' migrations and the privacy hooks that erase its
    chats' kept messages, which the root gives the database whether or not
    the web is on."""

    name = "web"
    data: Component = WEB_DATA

    def off(self, config: Config, env: Mapping[str, str]) -> Off | None:
        return None if config.web.enabled else Off("web.enabled is false")

    def secrets(self, config: Config, env: Mapping[str, str]) -> list[str]:
        secret = env.get(config.web.staff_secret_env)
        return [secret] if secret else []

    length_limit = WebSender

    def command_prefix(self, config: Config) -> str:
        return "/"

    def build(self, wiring: WebWiring) -> WebAdapter:
        """The web side; raises StartupFailure for a shared secret too short
        to keep the console safe."""
        problem = shared_secret_problem(wiring.config, wiring.env)
        if problem is not None:
            raise StartupFailure(problem)
        return WebAdapter(wiring)


PLATFORM: Platform[WebWiring] = WebPlatform()
