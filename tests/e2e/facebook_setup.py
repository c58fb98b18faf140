"""Shared set-up for the Facebook end-to-end tests: the real app with
Facebook (against tests/fakes/facebook_server.py) and Telegram (the staff
room, against tests/fakes/telegram_server.py) on, and the web side serving
the webhook on a free port of 127.0.0.1.

The forum is tests/e2e/telegram_setup's Bromley: its staff room is the
Telegram group ``STAFF_GROUP`` and its officer ``OFFICER``."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from pathlib import Path

from bot.edge.clock import Clock
from config.model import (
    Config,
    FacebookConfig,
    FacebookPagePosts,
    FacebookRateLimits,
    WebConfig,
)
from forumbot.app import App
from tests.e2e.telegram_setup import PHRASE
from tests.e2e.telegram_setup import make_config as telegram_config
from tests.fakes.facebook_server import FakeFacebook, SentMessage
from tests.fakes.telegram_server import FakeTelegram
from tests.support.app import running_app

RESIDENT_PSID = "7001002003004005"
VERIFY_TOKEN = "a verify token the administrator chose"
WEBHOOK_PATH = "/facebook/webhook"
WAIT_S = 8.0
# High enough that pacing never slows a test that isn't about pacing.
FAST = FacebookRateLimits(overall_per_s=1000.0, per_chat_per_s=1000.0)


def make_config(
    tmp_path: Path,
    fb: FakeFacebook,
    tg: FakeTelegram,
    *,
    human_agent: bool = False,
    web: WebConfig | None = None,
    page_posts: FacebookPagePosts | None = None,
) -> Config:
    """Bromley with Facebook pointed at ``fb`` and Telegram at ``tg``, the
    web side on a free port (or as ``web`` says)."""
    base = telegram_config(tmp_path, tg)
    facebook = FacebookConfig(
        page_id=fb.page_id,
        api_base_url=fb.base_url,
        api_version=fb.version,
        human_agent_approved=human_agent,
        rate_limits=FAST,
        page_posts=page_posts or FacebookPagePosts(),
    )
    platforms = replace(base.platforms, facebook=facebook)
    return replace(base, platforms=platforms, web=web or WebConfig(port=0))


def environ(fb: FakeFacebook, tg: FakeTelegram) -> dict[str, str]:
    return {
        "TELEGRAM_BOT_TOKEN": tg.token,
        "FACEBOOK_PAGE_TOKEN": fb.page_token,
        "FACEBOOK_APP_SECRET": fb.app_secret,
        "FACEBOOK_VERIFY_TOKEN": VERIFY_TOKEN,
    }


def webhook_url(app: App) -> str:
    assert app.web is not None
    return f"http://127.0.0.1:{app.web.port}{WEBHOOK_PATH}"


@contextlib.asynccontextmanager
async def running(
    config: Config, fb: FakeFacebook, tg: FakeTelegram, clock: Clock | None = None
) -> AsyncIterator[App]:
    """The real app, started, with ``fb`` delivering to its webhook."""
    async with running_app(config, environ(fb, tg), clock=clock, within_s=WAIT_S) as app:
        fb.webhook_url = webhook_url(app)
        yield app


def to_resident(psid: str = RESIDENT_PSID, *needles: str) -> Callable[[SentMessage], bool]:
    """A matcher for ``FakeFacebook.wait_for_sent``: to ``psid``, containing
    each of ``needles``."""
    return lambda m: m.psid == psid and all(n in m.text for n in needles)


async def ask(fb: FakeFacebook, text: str, psid: str = RESIDENT_PSID) -> SentMessage:
    """The resident writes ``text`` to the Page; the bot's first message to
    them afterwards."""
    start = len(fb.sent)
    fb.message(psid, text)
    return await fb.wait_for_sent(lambda m: m.psid == psid, WAIT_S, start=start)


PHRASE_QUESTION = f"{PHRASE}: is anything planned about speeding on Elm Road?"
