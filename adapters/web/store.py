"""The web side's own data in the forum's database, and all of its SQL
(its tables: ``adapters/web/schema.py``; declared to the core as
``WEB_DATA``).

- The web chats' messages: the bot's (a browser may be closed when a
  message is sent, so each one is kept until it is read back) and, so that
  the page reads as a conversation after a reload, what the resident wrote
  or pressed (``from_resident``; ``failed`` when it could not be handed to
  the forum). Both are erased with the resident's other data (``WebCopies``,
  the component's privacy hooks) and by the retention purge. Ids are never
  used twice (AUTOINCREMENT), so a page never mistakes a new message for
  one it has seen.
- Officers' console sign-ins (an HMAC of the token, never the token).
- The key that signs the site's tokens.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from adapters.web.schema import MIGRATIONS
from bot.core import (
    CardState,
    Component,
    Tx,
    buttons_now,
    card_states,
    fetch_all,
    fetch_one,
    heading_now,
    iso,
    open_text_consultations,
)
from bot.edge.chat import Button, Buttons
from bot.edge.rich import Rich, Span, from_json, to_json


@dataclass(frozen=True)
class WebMessage:
    """One message of a web chat. ``mine``: the resident wrote (or pressed)
    it, else the bot sent it; ``failed``: the resident's, not handed to the
    forum; ``answerable``: the bot's message is an open consultation
    answered in free text, so the page shows an answer box under it (worked
    out when it is shown, never stored)."""

    id: int
    chat_id: str
    body: Rich
    buttons: Buttons
    created_at: str
    mine: bool = False
    failed: bool = False
    answerable: bool = False
    outbox_id: int | None = None
    card: CardState | None = None

    def as_event(self) -> dict[str, object]:
        """The message as the page's script receives it (JSON object);
        ``card`` is ``card_event`` (or null: not a question's card)."""
        return {
            "id": self.id,
            "spans": [[span.text, span.bold] for span in self.body],
            "buttons": [[[b.label, b.data] for b in row] for row in self.buttons],
            "at": self.created_at,
            "mine": self.mine,
            "failed": self.failed,
            "answerable": self.answerable,
            "card": card_event(self.card) if self.card is not None else None,
        }

    def as_state(self) -> dict[str, object]:
        """The card's state as the console's script receives it when it
        changes: ``{"id": message id, "spans": the card's text with its
        heading's state as it now is, "card": card_event, "buttons": the
        buttons that still apply}``."""
        return {
            "id": self.id,
            "spans": [[span.text, span.bold] for span in self.body],
            "card": card_event(self.card) if self.card is not None else None,
            "buttons": [[[b.label, b.data] for b in row] for row in self.buttons],
        }


def card_event(card: CardState) -> dict[str, object]:
    """A card's state as JSON: ``question`` (id), ``urgent``, ``state``
    (``new``, ``approved``, ``deferred``, ``answered``, ``rejected``,
    ``withdrawn``, ``merged``), ``seen_by`` (who pressed "Seen", or null),
    ``awaiting_seen`` (an URGENT card still waiting for a "Seen") and
    ``answer_waits`` (its answer waits for the asker to write again)."""
    return {
        "question": card.question_id,
        "urgent": card.urgent,
        "state": card.state.value,
        "seen_by": card.seen_by,
        "awaiting_seen": card.awaiting_seen,
        "answer_waits": card.answer_waits,
    }


async def with_cards(tx: Tx, messages: list[WebMessage]) -> list[WebMessage]:
    """``messages`` with ``card`` set on each question's card (where its
    question now stands), its heading ending in that state (``heading_now``:
    "· answered", not the "· new" it was posted with) and its buttons cut
    to those that still apply (``buttons_now``)."""
    ids = [m.outbox_id for m in messages if m.outbox_id is not None and not m.mine]
    states = await card_states(tx, ids) if ids else {}
    out = []
    for m in messages:
        card = states.get(m.outbox_id) if m.outbox_id is not None else None
        out.append(
            m
            if card is None
            else replace(
                m,
                card=card,
                body=heading_now(m.body, card),
                buttons=buttons_now(m.buttons, card),
            )
        )
    return out


def _buttons_json(buttons: Buttons) -> str:
    return json.dumps([[[b.label, b.data] for b in row] for row in buttons], ensure_ascii=False)


def _buttons(raw: str | None) -> Buttons:
    if not raw:
        return ()
    return tuple(
        tuple(Button(str(label), str(data)) for label, data in row) for row in json.loads(raw)
    )


def _row(r: object) -> WebMessage:
    return WebMessage(
        int(r["id"]),  # type: ignore[index]
        str(r["chat_id"]),  # type: ignore[index]
        from_json(str(r["body"])),  # type: ignore[index]
        _buttons(r["buttons"]),  # type: ignore[index]
        str(r["created_at"]),  # type: ignore[index]
        bool(r["from_resident"]),  # type: ignore[index]
        bool(r["failed"]),  # type: ignore[index]
        outbox_id=r["outbox_id"],  # type: ignore[index]
    )


async def add(
    tx: Tx, chat_id: str, outbox_id: int, body: Rich, buttons: Buttons, at: datetime
) -> tuple[WebMessage, bool]:
    """Store the bot's message once per outbox row: (the message, whether new)."""
    row = await fetch_one(
        tx,
        "INSERT INTO web_message (chat_id, outbox_id, body, buttons, created_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (outbox_id) DO NOTHING RETURNING *",
        (chat_id, outbox_id, to_json(body), _buttons_json(buttons), iso(at)),
    )
    if row is not None:
        return _row(row), True
    row = await fetch_one(tx, "SELECT * FROM web_message WHERE outbox_id = ?", (outbox_id,))
    assert row is not None
    return _row(row), False


async def add_mine(tx: Tx, chat_id: str, text: str, at: datetime) -> WebMessage:
    """Keep what the resident wrote or pressed (``text``, plain) in their chat."""
    row = await fetch_one(
        tx,
        "INSERT INTO web_message (chat_id, from_resident, body, created_at)"
        " VALUES (?, 1, ?, ?) RETURNING *",
        (chat_id, to_json((Span(text),)), iso(at)),
    )
    assert row is not None
    return _row(row)


async def has_written(tx: Tx, chat_id: str) -> bool:
    """Whether the resident of ``chat_id`` has written in it before (a
    message of theirs is kept): False for a new resident."""
    row = await fetch_one(
        tx,
        "SELECT 1 FROM web_message WHERE chat_id = ? AND from_resident = 1 LIMIT 1",
        (chat_id,),
    )
    return row is not None


async def mark_failed(tx: Tx, message_id: int) -> None:
    """The resident's message ``message_id`` could not be handed to the forum."""
    await tx.execute(
        "UPDATE web_message SET failed = 1 WHERE id = ? AND from_resident = 1", (message_id,)
    )


async def button_label(tx: Tx, chat_id: str, data: str) -> str | None:
    """The label of the latest button with ``data`` among the chat's kept
    messages (what the resident pressed, in words); None when there is none."""
    rows = await fetch_all(
        tx,
        "SELECT buttons FROM web_message WHERE chat_id = ? AND buttons IS NOT NULL"
        " AND instr(buttons, ?) > 0 ORDER BY id DESC LIMIT 20",
        (chat_id, json.dumps(data, ensure_ascii=False)),
    )
    for row in rows:
        for line in _buttons(row[0]):
            for button in line:
                if button.data == data:
                    return button.label
    return None


async def with_answer_boxes(tx: Tx, messages: list[WebMessage]) -> list[WebMessage]:
    """``messages`` with ``answerable`` set on those that carry an open
    consultation answered in free text."""
    ids = [m.outbox_id for m in messages if m.outbox_id is not None]
    wanted = await open_text_consultations(tx, ids) if ids else set()
    return [replace(m, answerable=m.outbox_id in wanted) for m in messages]


async def after(tx: Tx, chat_id: str, after_id: int, limit: int = 200) -> list[WebMessage]:
    """The chat's messages after ``after_id``; the latest ``limit`` when there are more."""
    rows = await fetch_all(
        tx,
        "SELECT * FROM (SELECT * FROM web_message WHERE chat_id = ? AND id > ?"
        " ORDER BY id DESC LIMIT ?) ORDER BY id",
        (chat_id, after_id, limit),
    )
    return [_row(r) for r in rows]


async def latest_cards(tx: Tx, chat_id: str, limit: int = 200) -> list[WebMessage]:
    """The bot's messages among the chat's latest ``limit`` that are a
    question's card, each with ``card`` set (``with_cards``), oldest first."""
    rows = await fetch_all(
        tx,
        "SELECT * FROM (SELECT * FROM web_message WHERE chat_id = ? ORDER BY id DESC LIMIT ?)"
        " WHERE outbox_id IS NOT NULL ORDER BY id",
        (chat_id, limit),
    )
    return [m for m in await with_cards(tx, [_row(r) for r in rows]) if m.card is not None]


async def forget_chat(tx: Tx, chat_id: str) -> int:
    """Delete every message kept for the chat; how many there were."""
    cursor = await tx.execute("DELETE FROM web_message WHERE chat_id = ?", (chat_id,))
    return cursor.rowcount


async def edit(tx: Tx, message_id: int, body: Rich, buttons: Buttons) -> None:
    """The bot's kept message ``message_id`` now says ``body`` with ``buttons``."""
    await tx.execute(
        "UPDATE web_message SET body = ?, buttons = ? WHERE id = ? AND from_resident = 0",
        (to_json(body), _buttons_json(buttons) if buttons else None, message_id),
    )


async def replace_bodies(tx: Tx, bodies: Mapping[int, Rich]) -> None:
    """The kept messages of these outbox rows (keys) say the bodies given
    instead, with no buttons (a staff room's card once its question is
    erased: the console's history shows the erased card)."""
    await tx.executemany(
        "UPDATE web_message SET body = ?, buttons = NULL WHERE outbox_id = ?",
        [(to_json(body), outbox_id) for outbox_id, body in bodies.items()],
    )


_KEPT_BEFORE = "FROM web_message WHERE created_at < ?"


async def count_before(tx: Tx, cutoff: datetime) -> int:
    """How many messages were kept from before ``cutoff``."""
    row = await fetch_one(tx, "SELECT COUNT(*) " + _KEPT_BEFORE, (iso(cutoff),))
    return int(row[0]) if row else 0


async def purge_before(tx: Tx, cutoff: datetime) -> int:
    """Delete the messages kept from before ``cutoff``; how many there were."""
    cursor = await tx.execute("DELETE " + _KEPT_BEFORE, (iso(cutoff),))
    return cursor.rowcount


class WebCopies:
    """The core's ``PrivacyHooks`` for the web chats' kept messages: a
    forgotten web resident's go at once, everyone's after the retention
    period."""

    async def erase_chat(self, tx: Tx, platform: str, chat_id: str) -> None:
        if platform == "web":
            await forget_chat(tx, chat_id)

    async def purge_before(self, tx: Tx, cutoff: datetime, *, dry_run: bool) -> int:
        if dry_run:
            return await count_before(tx, cutoff)
        return await purge_before(tx, cutoff)

    async def replace_copies(self, tx: Tx, bodies: Mapping[int, Rich]) -> None:
        await replace_bodies(tx, bodies)


WEB_DATA = Component("web", MIGRATIONS, privacy=WebCopies())


# -- console sign-ins ----------------------------------------------------------


async def add_sign_in(
    tx: Tx, token_hash: str, username: str, at: datetime, expires_at: datetime
) -> None:
    """Keep a sign-in until ``expires_at``; those already expired go."""
    await tx.execute("DELETE FROM web_login WHERE expires_at < ?", (iso(at),))
    await tx.execute(
        "INSERT INTO web_login (token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)",
        (token_hash, username, iso(at), iso(expires_at)),
    )


async def signed_in(tx: Tx, token_hashes: Collection[str], at: datetime) -> list[tuple[str, str]]:
    """(token hash, username) of each of ``token_hashes`` still in force at ``at``."""
    if not token_hashes:
        return []
    marks = ",".join("?" * len(token_hashes))
    rows = await fetch_all(
        tx,
        f"SELECT token_hash, username FROM web_login WHERE token_hash IN ({marks})"
        " AND expires_at > ?",
        (*token_hashes, iso(at)),
    )
    return [(str(r[0]), str(r[1])) for r in rows]


async def end_sign_ins(tx: Tx, token_hashes: Collection[str]) -> None:
    """Forget the sign-ins with these token hashes."""
    await tx.executemany("DELETE FROM web_login WHERE token_hash = ?", [(h,) for h in token_hashes])


# -- the site's key ------------------------------------------------------------


async def site_key(tx: Tx) -> bytes:
    """The key that signs the site's tokens: made on first use (32 random
    bytes), then the same one."""
    row = await fetch_one(tx, "SELECT key FROM web_key WHERE id = 1")
    if row is not None:
        return bytes(row[0])
    key = secrets.token_bytes(32)
    await tx.execute("INSERT INTO web_key (id, key) VALUES (1, ?)", (key,))
    return key
