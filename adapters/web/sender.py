"""The dispatcher's port to the web: a message is stored for its chat and
pushed to every page of that chat that is open. Storing is keyed by the
outbox row, so sending again after a restart makes no second message."""

from __future__ import annotations

from adapters.web import store
from adapters.web.hub import Hub
from bot.core import Database, is_busy
from bot.edge.clock import Clock
from bot.edge.rich import Rich, plain
from bot.edge.sending import NotSent, Outgoing


class WebSender:
    platform = "web"
    max_length = 4000  # characters of the plain text: the web's one length limit
    idempotent = True
    max_button_rows = 20

    def __init__(self, db: Database, hub: Hub, clock: Clock) -> None:
        self.db = db
        self.hub = hub
        self.clock = clock

    @staticmethod
    def measure(body: Rich) -> int:
        """Characters of the plain text (the page escapes, the limit does not count it)."""
        return len(plain(body))

    async def send(self, message: Outgoing) -> str:
        if message.edit_of is not None:
            # The console's copies of erased cards are rewritten in the store
            # by the web side's privacy hook; an edit queued anyway says the same.
            async with self.db.transaction() as tx:
                await store.edit(tx, int(message.edit_of), message.body, message.buttons)
            return message.edit_of
        try:
            async with self.db.transaction() as tx:
                stored, new = await store.add(
                    tx,
                    message.chat.chat_id,
                    message.outbox_id,
                    message.body,
                    message.buttons,
                    self.clock.now(),
                )
                if new:  # a consultation gets its answer box, a card its state
                    stored = (await store.with_answer_boxes(tx, [stored]))[0]
                    stored = (await store.with_cards(tx, [stored]))[0]
        except Exception as error:
            if is_busy(error):  # rolled back: nothing stored, and a repeat is harmless
                raise NotSent(f"database busy: {error}") from error
            raise
        if new:
            self.hub.publish(message.chat.chat_id, stored.as_event())
        return str(stored.id)
