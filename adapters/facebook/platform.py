"""Facebook as the composition root lists it: on when the Page access
token's variable is set."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Protocol

from adapters.facebook.adapter import FacebookAdapter
from adapters.facebook.sender import RATE_LIMITED_WAIT_S, FacebookSender
from adapters.facebook.webhook import PATH
from bot.edge.adapter import Off, Platform, Wiring
from bot.edge.endpoint import Endpoint
from bot.edge.startup import StartupFailure
from config.load import problem_at
from config.model import Config

log = logging.getLogger("forumbot")


class FacebookWiring(Wiring, Protocol):
    """What Facebook needs from the root beyond any platform's wiring: the
    web side to serve its webhook."""

    def serve(self, endpoint: Endpoint) -> None:
        """Have the web side serve ``endpoint``."""
        ...


def setup_problems(config: Config, env: Mapping[str, str]) -> list[str]:
    """What keeps Facebook from working although its token is set (empty
    when its token is not set: it is then simply off)."""
    fb = config.platforms.facebook
    if not env.get(fb.page_token_env):
        return []
    problems = []
    if not fb.page_id:
        problems.append(
            "platforms.facebook.page_id is not set: give the Page's id (docs/facebook.md, step 2)"
        )
    for key, name in (
        ("app_secret_env", fb.app_secret_env),
        ("verify_token_env", fb.verify_token_env),
    ):
        if not env.get(name):
            problems.append(
                f"{name} is not set (platforms.facebook.{key}): Facebook needs it besides "
                f"{fb.page_token_env} (docs/facebook.md)"
            )
    for name in (fb.page_token_env, fb.app_secret_env, fb.verify_token_env):
        value = env.get(name) or ""
        if value != value.strip() or any(ord(c) < 32 or c == "\x7f" for c in value):
            problems.append(
                f"{name} has spaces, a line break or another invisible character in it:"
                " set it again to the value Meta shows, exactly (docs/facebook.md)"
            )
    if not config.web.enabled:
        problems.append(
            problem_at(
                config,
                "web.enabled",
                f"is false, but Facebook is on ({fb.page_token_env} is set) and its webhook "
                f"({PATH}) is served by the web side: set web.enabled to true (docs/web.md), "
                f"or unset {fb.page_token_env} to run without Facebook",
            )
        )
    return problems


class FacebookPlatform:
    """The ``bot.edge.adapter.Platform`` entry for a Facebook Page. The root
    may pass ``rate_limited_wait_s`` (seconds before a send Graph refused as
    over a rate limit is tried again; tests shorten it) in its options."""

    name = "facebook"

    def off(self, config: Config, env: Mapping[str, str]) -> Off | None:
        token_env = config.platforms.facebook.page_token_env
        return None if env.get(token_env) else Off.unset_variable(token_env)

    def secrets(self, config: Config, env: Mapping[str, str]) -> list[str]:
        fb = config.platforms.facebook
        names = (fb.page_token_env, fb.app_secret_env, fb.verify_token_env)
        return [env[name] for name in names if env.get(name)]

    length_limit = FacebookSender

    def command_prefix(self, config: Config) -> str:
        return "/"

    def build(self, wiring: FacebookWiring) -> FacebookAdapter:
        """Its adapter, its webhook handed to the web side. Raises
        StartupFailure for what ``setup_problems`` finds."""
        config, env = wiring.config, wiring.env
        problems = setup_problems(config, env)
        if problems:
            raise StartupFailure(problems[0])
        fb = config.platforms.facebook
        adapter = FacebookAdapter(
            fb,
            env[fb.page_token_env],
            env[fb.app_secret_env],
            env[fb.verify_token_env],
            wiring.queue,
            float(wiring.options(self.name).get("rate_limited_wait_s", RATE_LIMITED_WAIT_S)),
        )
        wiring.serve(adapter.webhook)
        log.info("facebook on (Page %s, webhook at %s on the web side)", fb.page_id, PATH)
        return adapter


PLATFORM: Platform[FacebookWiring] = FacebookPlatform()
