"""Shared set-up for the e-mail tests: the real app with e-mail on (sending
to tests/fakes/smtp_server.py on 127.0.0.1) and Telegram on (the staff room,
tests/fakes/telegram_server.py), as tests/e2e/telegram_setup's Bromley."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bot.edge.clock import SystemClock
from bot.store import resident as residents
from bot.store import subscription
from config.model import Config, EmailConfig, WebConfig
from forumbot.app import App
from tests.e2e.telegram_setup import free_port
from tests.e2e.telegram_setup import make_config as telegram_config
from tests.fakes.smtp_server import FakeSmtp
from tests.fakes.telegram_server import FakeTelegram

FROM = "alerts@forum.example.police.uk"
ANN = "ann@example.org"
BOB = "bob@example.net"
LINK_SECRET = "a links secret of forty characters, or so"


def make_config(tmp_path: Path, smtp: FakeSmtp, tg: FakeTelegram, **email: object) -> Config:
    """Bromley with e-mail pointed at ``smtp`` (no login, no TLS: a relay on
    this machine), fast; the web side on a free port of 127.0.0.1, which is
    its public address (the links in e-mails)."""
    base = telegram_config(tmp_path, tg)
    settings = EmailConfig(
        host="127.0.0.1",
        port=smtp.port,
        security="none",
        from_address=FROM,
        from_name="Bromley Police Online Forum",
        pace=1000.0,
        timeout_s=5.0,
    )
    settings = replace(settings, **email)  # type: ignore[arg-type]
    platforms = replace(base.platforms, email=settings)
    port = free_port()
    web = WebConfig(port=port, public_url=f"http://127.0.0.1:{port}")
    return replace(base, platforms=platforms, web=web)


def environ(tg: FakeTelegram, **extra: str) -> dict[str, str]:
    """Telegram's token and the e-mail links' secret (and ``extra``)."""
    return {"TELEGRAM_BOT_TOKEN": tg.token, "FORUMBOT_EMAIL_LINK_SECRET": LINK_SECRET, **extra}


async def subscribe(app: App, address: str, *types: str) -> int:
    """``address`` subscribed to Bromley's ``types`` (every type when none),
    straight in the store; returns the resident's id."""
    from bot.alerts.alert import AlertType

    now = SystemClock().now()
    async with app.core.db.transaction() as tx:
        resident = await residents.get_or_create(tx, "email", address, address, None, now)
        chosen = types or tuple(t.value for t in AlertType)
        await subscription.add(tx, resident.id, [("bromley", t) for t in chosen], now)
    return resident.id
