"""What the staff rooms see once a question is erased (on a resident's
request or after the retention period): the erased card that replaces every
copy forumbot keeps, and the edits that make the messages already posted on
Telegram and Discord say the same (``CARD_EDIT`` outbox rows: bots may edit
their own messages). The web console's copies are rewritten in the store
itself (the web side's privacy hook), so no edit is queued for them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Literal

from bot.edge.chat import Buttons
from bot.edge.rich import Rich, from_json, join
from bot.store import outbox as rows
from bot.store.database import Tx, fetch_all, fetch_one
from bot.store.outbox import OutboxDraft, OutboxPurpose, buttons_from_json
from bot.store.privacy import ERASED, STAFF_COPIES, ErasedCopy, Posted
from bot.wording.wording import Wording

Why = Literal["forgotten", "purged"]

# Platforms whose posted messages are edited by a queued row; the web
# console's copies are rewritten in the store (``PrivacyHooks.replace_copies``).
EDITED_BY_ROW = frozenset({"telegram", "discord"})


class Erasure:
    def __init__(self, wording: Wording) -> None:
        self.wording = wording

    def copy_for(self, why: Why) -> ErasedCopy:
        """What a card or whois reply about question ``ref`` says once erased
        (``erased_copy_forgotten`` / ``erased_copy_purged``)."""
        key = "erased_copy_forgotten" if why == "forgotten" else "erased_copy_purged"
        return lambda ref: self.wording.render(key, ref=ref)

    async def edit_posted(self, tx: Tx, posted: Sequence[Posted], why: Why, now: datetime) -> int:
        """Queue an edit of each message in ``posted`` on a platform that
        edits (Telegram, Discord), so that it says what the outbox's copy now
        says: the erased card, or for cards combined into one message, each
        card as it now stands (the erased ones erased). Returns how many."""
        copy = self.copy_for(why)
        queued = 0
        for message in posted:
            if message.chat.platform not in EDITED_BY_ROW:
                continue
            body, buttons = await self._now_says(tx, message, copy)
            draft = OutboxDraft(
                message.chat,
                body,
                OutboxPurpose.CARD_EDIT,
                buttons=buttons,
                question_id=message.question_ids[0] if message.question_ids else None,
                thread_id=message.thread_id,
                edit_of=message.message_id,
            )
            await rows.add(tx, draft, now)
            queued += 1
        return queued

    async def _now_says(self, tx: Tx, message: Posted, copy: ErasedCopy) -> tuple[Rich, Buttons]:
        kinds = ",".join("?" * len(STAFF_COPIES))
        found = await fetch_all(
            tx,
            "SELECT question_id, body, buttons FROM outbox WHERE platform = ? AND chat_id = ?"
            f" AND platform_message_id = ? AND purpose IN ({kinds}) ORDER BY id",
            (message.chat.platform, message.chat.chat_id, message.message_id, *STAFF_COPIES),
        )
        if len(message.question_ids) <= 1 and len(found) <= 1:
            ref = message.question_ids[0] if message.question_ids else int(found[0][0])
            return copy(ref), ()
        platform = message.chat.platform
        kept = {int(r["question_id"]): r for r in found if r["question_id"] is not None}
        parts: list[Rich] = []
        buttons: list[Buttons] = []
        for ref in message.question_ids:
            row = kept.get(ref)
            if row is not None:
                parts.append(from_json(str(row["body"])))
                buttons.append(buttons_from_json(row["buttons"]))
            elif await _erased(tx, ref):
                parts.append(copy(ref))
            else:  # a card of a question still held, whose copy was purged
                parts.append(
                    self.wording.render(
                        "erased_copy_other", ref=ref, prefix=self.wording.prefix(platform)
                    )
                )
        header = self.wording.render_for(
            platform,
            "cards_combined",
            count=len(parts),
            prefix=self.wording.prefix(platform),
        )
        return join([header, join(parts, "\n\n")], "\n\n"), tuple(
            line for lines in buttons for line in lines
        )


async def _erased(tx: Tx, question_id: int) -> bool:
    row = await fetch_one(tx, "SELECT text FROM question WHERE id = ?", (question_id,))
    return row is None or row[0] == ERASED
