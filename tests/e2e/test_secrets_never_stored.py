"""A bot token in a platform's error never reaches the database: the text
of a failed send is masked, in every spelling, before its outbox row keeps
it (issue 15), through the real client against the fake Bot API."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.e2e.telegram_setup import (
    PHRASE,
    RESIDENT,
    card_for,
    environ,
    eventually,
    make_config,
    running,
)
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(60)


async def test_a_token_in_a_platform_error_is_never_stored(
    tmp_path: Path, telegram: FakeTelegram
) -> None:
    """An error that quotes the request's address (a proxy's error page
    does) would put the bot's token on the outbox row: it is masked first,
    in every spelling."""
    fake = telegram
    config = make_config(tmp_path, fake)
    for spelling in (fake.token, quote(fake.token, safe=""), fake.token.lower()):
        fake.fail_next(
            "sendMessage",
            RESIDENT,
            status=400,
            description=f"Bad Request: upstream /bot{spelling}/sendMessage refused",
        )
    async with running(config, environ(fake)):
        for n in range(3):
            fake.private_message(RESIDENT, f"{PHRASE} question {n}?")
        await card_for(fake, 3)

        async def all_failed() -> bool:
            return len(_errors(config.database)) == 3

        await eventually(all_failed, what="three failed acknowledgements")
    errors = _errors(config.database)
    # (python-telegram-bot capitalises a description, lower-casing the rest:
    # so a token's lower-case spelling is the one that would be stored.)
    assert all("/bot***/sendmessage" in e.lower() for e in errors), errors
    raw = _file_and_wal(config.database)
    for spelling in (fake.token, quote(fake.token, safe=""), fake.token.lower()):
        assert spelling.encode() not in raw


def _errors(database: str) -> list[str]:
    with closing(sqlite3.connect(database)) as db:
        rows = db.execute("SELECT error FROM outbox WHERE state = 'failed'").fetchall()
    return [str(r[0]) for r in rows]


def _file_and_wal(database: str) -> bytes:
    wal = Path(database + "-wal")
    return Path(database).read_bytes() + (wal.read_bytes() if wal.exists() else b"")
