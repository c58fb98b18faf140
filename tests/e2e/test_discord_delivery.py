"""Delivery on Discord with the real app against the fake: closed DMs (50007), message nonces
and retried sends, a dropped gateway connection, and the same message delivered twice."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store.question import State
from forumbot.app import App
from tests.e2e.discord_setup import (
    GUILD,
    OFFICER,
    OFFICER_ROLE,
    OTHER_RESIDENT,
    PHRASE,
    RESIDENT,
    STAFF_CHANNEL,
    WAIT_S,
    ask,
    card_for,
    dm_of,
    environ,
    make_config,
    plain,
    resident_status,
    running,
    staff_says,
    state_of,
    to_containing,
)
from tests.e2e.telegram_setup import eventually
from tests.fakes.discord_server import (
    INTENT_DIRECT_MESSAGES,
    INTENT_GUILD_MESSAGES,
    FakeDiscord,
)

pytestmark = pytest.mark.timeout(30)

ACK = "Your question to"


@pytest.fixture
def fake(discord_fake: FakeDiscord) -> FakeDiscord:
    """The platform these tests drive: the shared fake Discord and its world (tests/conftest.py)."""
    return discord_fake


@pytest.fixture
async def app(tmp_path: Path, fake: FakeDiscord) -> AsyncIterator[App]:
    async with running(make_config(tmp_path, fake), environ(fake)) as started:
        yield started


def _db_rows(database: str, sql: str, *args: object) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(database)) as db:
        return list(db.execute(sql, args).fetchall())


def _acks(fake: FakeDiscord, user: str = RESIDENT) -> list[str]:
    return [plain(m.content) for m in fake.sent_to(dm_of(fake, user)) if ACK in plain(m.content)]


async def test_closed_dms_mark_the_resident_unreachable(fake: FakeDiscord, app: App) -> None:
    dm = dm_of(fake)
    fake.closed_dms.add(RESIDENT)
    fake.dm(RESIDENT, f"{PHRASE} is the station open on Sundays?")
    await card_for(fake, 1)
    await fake.wait_for_request("POST", f"/channels/{dm}/messages", timeout=WAIT_S)

    async def unreachable() -> bool:
        rows = _db_rows(
            app.config.database,
            "SELECT unreachable_at FROM resident WHERE platform = 'discord' AND user_id = ?",
            RESIDENT,
        )
        return bool(rows and rows[0][0])

    await eventually(unreachable, what="resident.unreachable_at set")
    assert fake.sent_to(dm) == []

    # Other deliveries carry on: another resident, the staff channel.
    other = await ask(fake, f"{PHRASE} is there a speed check on Elm Road?", OTHER_RESIDENT)
    assert "#2" in plain(other.content)
    start = len(fake.sent)
    await staff_says(fake, "!answer 1 Yes, 9 to 5.", "#1 answered by")
    await staff_says(fake, "!answer 2 Thursday morning.", "#2 answered by")
    await fake.wait_for_sent(
        to_containing(dm_of(fake, OTHER_RESIDENT), "Answer to your question #2"),
        WAIT_S,
        start=start,
    )
    assert await state_of(app, 1) == State.ANSWERED
    # The answer to #1 was not attempted: the DM channel saw only the failed acknowledgement.
    posts = fake.requests_for("POST", f"/channels/{dm}/messages")
    assert 1 <= len(posts) <= 2, posts
    assert fake.sent_to(dm) == []
    rows = _db_rows(
        app.config.database,
        "SELECT purpose, state FROM outbox WHERE platform = 'discord' AND chat_id = ? ORDER BY id",
        dm,
    )
    assert rows[0] == ("reply", "failed"), rows  # the acknowledgement
    assert ("answer", "skipped") in rows, rows
    assert all(state in ("failed", "skipped") for _purpose, state in rows), rows


async def test_every_message_carries_its_outbox_id_as_nonce(fake: FakeDiscord, app: App) -> None:
    dm = dm_of(fake)
    # The first send to the DM fails with a 500; it is sent again with the same nonce.
    fault = fake.fail_next("POST", f"/channels/{dm}/messages", status=500)
    ack = await ask(fake, f"{PHRASE} is the station open on Sundays?")
    assert fault.hits == 1
    assert "#1" in plain(ack.content)
    await card_for(fake, 1)
    await staff_says(fake, "!approve 1", "#1 approved")

    posts = fake.requests_for("POST", f"/channels/{dm}/messages")
    assert len(posts) >= 2
    assert len({p.json["nonce"] for p in posts[:2]}) == 1  # the retry repeats the nonce
    assert len([m for m in fake.sent_to(dm) if ACK in plain(m.content)]) == 1

    outbox = {int(str(i)) for (i,) in _db_rows(app.config.database, "SELECT id FROM outbox")}
    assert fake.sent
    for message in fake.sent:
        assert message.enforce_nonce, message
        assert message.nonce is not None and message.nonce.isdigit(), message
        assert int(message.nonce) in outbox, (message.nonce, outbox)


async def test_a_send_repeated_after_a_restart_makes_one_message(
    tmp_path: Path, fake: FakeDiscord
) -> None:
    """The process stopped after Discord created the message but before the bot recorded it:
    after the restart the row is sent again with the same nonce, and Discord returns the first
    message instead of creating another."""
    config = make_config(tmp_path, fake)
    dm = dm_of(fake)
    async with running(config, environ(fake)) as app:
        ack = await ask(fake, f"{PHRASE} is the station open on Sundays?")
        await card_for(fake, 1)
        await staff_says(fake, "!approve 1", "#1 approved")
        await app.core.dispatcher.flush(WAIT_S)
    outbox_id = int(ack.nonce or 0)
    with contextlib.closing(sqlite3.connect(config.database)) as db:
        db.execute(
            "UPDATE outbox SET state = 'sending', platform_message_id = NULL WHERE id = ?",
            (outbox_id,),
        )
        db.commit()

    # Discord is slow to log in: the row is due before the client can send.
    fake.fail_next("GET", "/users/@me", status=502)
    async with running(config, environ(fake)) as app:
        await fake.wait_for_request(
            "POST",
            f"/channels/{dm}/messages",
            lambda r: str(r.json.get("nonce")) == str(outbox_id),
            WAIT_S,
        )

        async def resent() -> bool:
            rows = _db_rows(config.database, "SELECT state FROM outbox WHERE id = ?", outbox_id)
            return rows == [("sent",)]

        await eventually(resent, what="the repeated row marked sent")
        status = await resident_status(fake)
        assert "#1" in status
    assert fake.deduplicated_sends == 1
    posts = [
        r
        for r in fake.requests_for("POST", f"/channels/{dm}/messages")
        if str(r.json.get("nonce")) == str(outbox_id)
    ]
    assert len(posts) == 2
    assert len(_acks(fake)) == 1
    (message_id,) = _db_rows(
        config.database, "SELECT platform_message_id FROM outbox WHERE id = ?", outbox_id
    )[0]
    assert message_id == ack.id


async def test_dm_sent_while_disconnected_is_processed_once_after_resume(
    fake: FakeDiscord, app: App
) -> None:
    await ask(fake, "!help")
    identified = fake.identify_count
    await fake.drop_connection()
    assert not fake.connected
    start = len(fake.sent)
    fake.dm(RESIDENT, f"{PHRASE} is the station open on Sundays?")
    ack = await fake.wait_for_sent(to_containing(dm_of(fake), ACK), WAIT_S, start=start)
    assert "#1" in plain(ack.content)
    assert fake.resume_count >= 1
    assert fake.identify_count == identified  # resumed, not a new session
    await card_for(fake, 1)
    status = await resident_status(fake)
    assert "#1" in status and "#2" not in status
    assert len(_acks(fake)) == 1


async def test_the_same_message_delivered_twice_is_processed_once(
    fake: FakeDiscord, app: App
) -> None:
    start = len(fake.sent)
    message_id = fake.dm(RESIDENT, f"{PHRASE} is the station open on Sundays?")
    message = fake.get_message(message_id)
    assert message is not None
    fake.dispatch("MESSAGE_CREATE", message, intent=INTENT_DIRECT_MESSAGES)
    card = await card_for(fake, 1, start)

    # An officer's command delivered twice in the staff channel: answered once.
    answer_id = fake.channel_message(STAFF_CHANNEL, OFFICER, "!answer 1 Yes, 9 to 5.")
    staff_message = fake.get_message(answer_id)
    assert staff_message is not None
    staff_message["guild_id"] = GUILD
    staff_message["member"] = {
        "roles": [OFFICER_ROLE],
        "joined_at": "2024-01-01T00:00:00+00:00",
        "deaf": False,
        "mute": False,
        "flags": 0,
    }
    fake.dispatch("MESSAGE_CREATE", staff_message, intent=INTENT_GUILD_MESSAGES)
    await fake.wait_for_sent(to_containing(dm_of(fake), "Answer to your question #1"), WAIT_S)

    # Later messages are processed, so the repeats have been seen by now.
    status = await resident_status(fake)
    assert "#1" in status and "#2" not in status
    await staff_says(fake, "!queue", "No questions waiting")

    assert len(_acks(fake)) == 1
    assert len([m for m in fake.sent_to(STAFF_CHANNEL) if "Question #1" in plain(m.content)]) == 1
    assert card.id in {m.id for m in fake.sent_to(STAFF_CHANNEL)}
    answered = [m for m in fake.sent_to(STAFF_CHANNEL) if "#1 answered by" in plain(m.content)]
    assert len(answered) == 1
    not_open = [m for m in fake.sent_to(STAFF_CHANNEL) if "cannot be changed" in plain(m.content)]
    assert not_open == []
    answers = [
        m for m in fake.sent_to(dm_of(fake)) if "Answer to your question" in plain(m.content)
    ]
    assert len(answers) == 1
    inbox = _db_rows(
        app.config.database,
        "SELECT event_key FROM inbox WHERE platform = 'discord' AND event_key IN (?, ?)",
        message_id,
        answer_id,
    )
    assert sorted(inbox) == sorted([(message_id,), (answer_id,)])
