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
from tests.e2e.telegram_setup import make_config as telegram_config
from tests.fakes.smtp_server import FakeSmtp
from tests.fakes.telegram_server import FakeTelegram

FROM = "alerts@forum.example.police.uk"
ANN = "ann@example.org"
BOB = "bob@example.net"


def make_config(
    tmp_path: Path, smtp: FakeSmtp, tg: FakeTelegram, *, web: bool = False, **email: object
) -> Config:
    """Bromley with e-mail pointed at ``smtp`` (no login, no TLS: a relay on
    this machine), fast; the web side on a free port when ``web``."""
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
    return replace(
        base, platforms=platforms, web=WebConfig(port=0) if web else WebConfig(enabled=False)
    )


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
