"""The web chats' messages from the bot: a browser may be closed when a
message is sent, so each one is kept until it is read back (and purged with
the resident's other data). What the visitor wrote is not kept here: the
core keeps the question, and the page shows the rest while it is open."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from bot.edge.chat import Button, Buttons
from bot.edge.rich import Rich, from_json, to_json
from bot.store.database import Tx, fetch_all, fetch_one, iso


@dataclass(frozen=True)
class WebMessage:
    id: int
    chat_id: str
    body: Rich
    buttons: Buttons
    created_at: str

    def as_event(self) -> dict[str, object]:
        return {
            "id": self.id,
            "spans": [[span.text, span.bold] for span in self.body],
            "buttons": [[[b.label, b.data] for b in row] for row in self.buttons],
            "at": self.created_at,
        }


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


async def after(tx: Tx, chat_id: str, after_id: int, limit: int = 200) -> list[WebMessage]:
    """The chat's messages after ``after_id``; the latest ``limit`` when there are more."""
    rows = await fetch_all(
        tx,
        "SELECT * FROM (SELECT * FROM web_message WHERE chat_id = ? AND id > ?"
        " ORDER BY id DESC LIMIT ?) ORDER BY id",
        (chat_id, after_id, limit),
    )
    return [_row(r) for r in rows]


async def forget_chat(tx: Tx, chat_id: str) -> int:
    cursor = await tx.execute("DELETE FROM web_message WHERE chat_id = ?", (chat_id,))
    return cursor.rowcount


async def purge_before(tx: Tx, cutoff: datetime) -> int:
    cursor = await tx.execute("DELETE FROM web_message WHERE created_at < ?", (iso(cutoff),))
    return cursor.rowcount
