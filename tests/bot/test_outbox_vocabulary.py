"""The delivery vocabulary: purposes and states as stored, each purpose's
priority, one draft for the outbox service and the store, and each platform's
length limit taken from its sender."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.discord.sender import DiscordSender
from adapters.telegram.sender import TelegramSender
from adapters.web.sender import WebSender
from bot.delivery.outbox import ALERT_ROOM, Outbox
from bot.edge.chat import Button, ChatKind, ChatRef
from bot.edge.rich import Span, plain
from bot.edge.sending import LengthLimit
from bot.store import outbox as rows
from bot.store.database import Database, fetch_all
from bot.store.outbox import OutboxDraft, OutboxPurpose, OutboxState, Priority
from forumbot.app import PLATFORMS
from tests.support.core_harness import PUBLIC_CHAT, STAFF_CHAT, CoreHarness

# Each platform's limit as the composition root hands it to the core.
SENDER_LIMITS = {platform.name: platform.length_limit for platform in PLATFORMS}

# Each purpose's priority before issue 13, by kind of chat: what each call site
# chose (PRIORITY_URGENT 0, _REPLY 10, _STAFF 20, _PUBLIC 30, broadcast 40).
BEFORE: dict[str, dict[ChatKind, int]] = {
    "emergency": {"private": 0},
    "unreadable": {"private": 0, "group": 0},
    "urgent_card": {"group": 0},
    "reply": {"private": 10},
    "answer": {"private": 10},
    "rejection": {"private": 10},
    "later": {"private": 10},
    "forgotten": {"private": 10},
    "card": {"group": 20},
    "staff_reply": {"group": 20},
    "staff_notice": {"group": 20},
    "delivery_notice": {"group": 20},
    "publication": {"channel": 30},
    "reminder": {"channel": 30},
    "alert_public": {"channel": 30},
    "session_open": {"group": 20, "channel": 30},
    "session_close": {"group": 20, "channel": 30},
    "alert": {"private": 40},
    "card_copy": {"group": 20},  # new in issue 14: a resident's photo copied next to its card
    "card_edit": {"group": 20},  # new in issue 15: a posted card edited once its question is erased
    "confirmation": {"private": 10},  # new in issue 17: the link that confirms an e-mail address
}


def test_purposes_are_stored_as_before_and_each_keeps_its_priority() -> None:
    assert {p.value for p in OutboxPurpose} == set(BEFORE)
    for purpose, by_kind in BEFORE.items():
        for kind, priority in by_kind.items():
            assert OutboxPurpose(purpose).priority_in(kind) == priority, (purpose, kind)


def test_states_are_stored_as_before() -> None:
    assert [s.value for s in OutboxState] == [
        "pending",
        "sending",
        "sent",
        "failed",
        "unknown",
        "skipped",
    ]
    assert [int(p) for p in Priority] == [0, 10, 20, 25, 30, 40]  # 25: issue 15's BURST


def test_each_platform_splits_at_its_senders_limit() -> None:
    declared: dict[str, LengthLimit] = {
        "telegram": TelegramSender,
        "discord": DiscordSender,
        "web": WebSender,
    }
    assert declared.items() <= SENDER_LIMITS.items()  # and any platform added later
    outbox = Outbox(lambda: None, SENDER_LIMITS)
    body = (Span("word " * 1000),)  # 5,000 characters
    for platform, sender in SENDER_LIMITS.items():
        parts = outbox.parts(platform, body)
        assert all(sender.measure(p) <= sender.max_length for p in parts)
        assert len(parts) == -(-5000 // sender.max_length)  # as few as the limit allows
        assert " ".join(plain(p) for p in parts).split() == plain(body).split()
    assert [len(outbox.parts(p, body)) for p in ("telegram", "discord", "web")] == [2, 3, 2]


def test_discords_limit_counts_its_markdown_escapes() -> None:
    outbox = Outbox(lambda: None, SENDER_LIMITS)
    body = (Span("**word** " * 400),)  # 3,600 plain
    parts = outbox.parts("discord", body)
    assert all(DiscordSender.measure(p) <= 2000 for p in parts)
    assert len(outbox.parts("telegram", body)) == 1


def test_a_platform_without_a_declared_limit_is_an_error() -> None:
    outbox = Outbox(lambda: None, {"telegram": TelegramSender})
    with pytest.raises(LookupError, match="discord"):
        outbox.parts("discord", (Span("hello"),))


async def test_one_draft_is_split_into_rows_with_buttons_last_and_reply_and_ping_first(
    tmp_path: Path,
) -> None:
    woken: list[bool] = []
    outbox = Outbox(lambda: woken.append(True), SENDER_LIMITS)
    room = ChatRef("discord", "123", "group")
    draft = OutboxDraft(
        room,
        (Span("word " * 800),),  # 4,000 characters: three parts on Discord with the ping's room
        OutboxPurpose.URGENT_CARD,
        buttons=((Button("Approve", "approve:1"),),),
        reply_to_message_id="77",
        alert_role_id="555",
    )
    async with Database(str(tmp_path / "forum.sqlite3")) as db, db.transaction() as tx:
        ids = await outbox.add(tx, draft, datetime(2026, 1, 1, tzinfo=UTC))
        stored = await rows.get_many(tx, ids)
        raw = await fetch_all(tx, "SELECT purpose, state, priority FROM outbox ORDER BY id")
    assert woken == [True]
    assert len(stored) == 3
    assert all(len(plain(r.body)) <= 2000 - ALERT_ROOM for r in stored)
    assert [r.reply_to_message_id for r in stored] == ["77", None, None]
    assert [r.alert_role_id for r in stored] == ["555", None, None]
    assert [r.buttons for r in stored] == [(), (), draft.buttons]
    assert {r.purpose for r in stored} == {OutboxPurpose.URGENT_CARD}
    assert [tuple(r) for r in raw] == [("urgent_card", "pending", 0)] * 3


async def test_a_session_opening_goes_to_public_rooms_as_public_and_to_staff_as_staff(
    h: CoreHarness,
) -> None:
    await h.staff_says("/open")
    async with h.core.db.read() as tx:
        found = await fetch_all(
            tx, "SELECT chat_id, priority FROM outbox WHERE purpose = 'session_open' ORDER BY id"
        )
    assert {(str(r[0]), int(r[1])) for r in found} == {(PUBLIC_CHAT, 30), (STAFF_CHAT, 20)}
