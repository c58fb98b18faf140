"""Telling officers about messages that did not get through. When the
dispatcher gives a message up (refused by the platform, or failing for longer
than the configured time) or cannot know whether it arrived, the officers of
the forum it belongs to get a notice in their staff rooms, written in the same
transaction as the final state, saying what happened and what to do."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from bot.delivery.outbox import Outbox
from bot.edge.chat import ChatRef
from bot.edge.rich import Rich
from bot.forum.card_state import CardRefresh
from bot.forum.directory import ForumDirectory
from bot.forum.rooms import RoomProblem
from bot.store import question as questions
from bot.store.database import Tx, fetch_one, instant
from bot.store.outbox import OutboxDraft, OutboxPurpose, OutboxRow, OutboxState
from bot.wording.wording import Wording
from config.model import Forum

log = logging.getLogger("forumbot.delivery")

# Officers' words to an asker: an answer (also to a merged duplicate's asker).
ANSWER_PURPOSES = frozenset({OutboxPurpose.ANSWER})
CARD_PURPOSES = frozenset({OutboxPurpose.CARD, OutboxPurpose.URGENT_CARD})


class DeliveryReport:
    def __init__(self, directory: ForumDirectory, wording: Wording, outbox: Outbox) -> None:
        self.directory = directory
        self.wording = wording
        self.outbox = outbox
        self.cards = CardRefresh(wording, directory)

    async def ended(
        self, tx: Tx, batch: Sequence[OutboxRow], state: OutboxState, reason: str, now: datetime
    ) -> None:
        """``batch`` (rows sent as one message) ended in ``state`` (``FAILED``,
        ``UNKNOWN`` or ``SKIPPED``) for ``reason``: queue the notices officers need.
        Nothing for what officers need not act on (acknowledgements, their own
        confirmations, alerts to subscribers, which have their own report)."""
        for row in batch:
            if state == OutboxState.SKIPPED and not await self._newly_unreachable(tx, row):
                continue
            notice = await self._notice(tx, row, state, reason)
            if notice is None:
                continue
            forum, key, values = notice
            rooms = [room for room in self.directory.staff_rooms(forum) if room != row.chat]
            if not rooms:
                log.error(
                    "no staff room is on to tell about outbox=%s (%s, %s)", row.id, state, reason
                )
            for room in rooms:
                body: Rich = self.wording.render(
                    key, prefix=self.wording.prefix(room.platform), **values
                )
                notice_draft = OutboxDraft(
                    room, body, OutboxPurpose.DELIVERY_NOTICE, question_id=row.question_id
                )
                await self.outbox.add(tx, notice_draft, now)

    async def waiting(self, tx: Tx, batch: Sequence[OutboxRow], now: datetime) -> None:
        """``batch`` has begun to wait for its resident's next message (the
        platform's window has closed): officers are told of each answer
        among it, in the forum's staff rooms, that it waits and why."""
        for row in batch:
            if row.purpose not in ANSWER_PURPOSES or row.question_id is None:
                continue
            forum = await self._forum_of_question(tx, row.question_id)
            if forum is None:
                continue
            platform = self.wording.platform_name(row.chat.platform)
            for room in self.directory.staff_rooms(forum):
                body: Rich = self.wording.render(
                    "notice_answer_waits",
                    prefix=self.wording.prefix(room.platform),
                    ref=row.question_id,
                    platform=platform,
                )
                draft = OutboxDraft(
                    room, body, OutboxPurpose.DELIVERY_NOTICE, question_id=row.question_id
                )
                await self.outbox.add(tx, draft, now)
            await self.cards.refresh(tx, row.question_id, now)

    async def went(self, tx: Tx, batch: Sequence[OutboxRow], now: datetime) -> None:
        """``batch`` waited for its resident and has now been sent: the
        Telegram and Discord cards of the answers among it no longer say
        that it waits."""
        for question_id in {r.question_id for r in batch if r.purpose in ANSWER_PURPOSES}:
            if question_id is not None:
                await self.cards.refresh(tx, question_id, now)

    async def room_changed(
        self, tx: Tx, chat: ChatRef, problem: RoomProblem | None, now: datetime
    ) -> None:
        """The bot can no longer post in room ``chat`` (``problem``), or can
        again (None): tell the officers of every forum the room serves, in
        their other staff rooms that can be reached (the console's among
        them), once per change. Its own messages wait meanwhile, so this is
        the one word officers in chat rooms get of it."""
        platform = self._room_platform(chat)
        room = _room_name(chat)
        if problem is None:
            key, values = "notice_room_back", {"platform": platform, "room": room}
        else:
            values = {"platform": platform, "room": room, "reason": problem.problem}
            key = "notice_room_unreachable"
        told: set[ChatRef] = set()
        for forum in self.directory.forums_of_room(chat):
            for staff in self.directory.staff_rooms(forum):
                if staff == chat or staff in told or self.directory.rooms.is_held(staff):
                    continue
                told.add(staff)
                body = self.wording.render(
                    key, prefix=self.wording.prefix(staff.platform), **values
                )
                await self.outbox.add(
                    tx, OutboxDraft(staff, body, OutboxPurpose.DELIVERY_NOTICE), now
                )

    async def _newly_unreachable(self, tx: Tx, row: OutboxRow) -> bool:
        """Skipped because the asker blocked the bot after the message was
        queued (if they had before, the officer was told when answering)."""
        if row.resident_id is None or row.created_at is None:
            return False
        found = await fetch_one(
            tx, "SELECT unreachable_at FROM resident WHERE id = ?", (row.resident_id,)
        )
        if found is None or found[0] is None:
            return False
        return instant(str(found[0])) > row.created_at

    async def _notice(
        self, tx: Tx, row: OutboxRow, state: OutboxState, reason: str
    ) -> tuple[Forum, str, dict[str, object]] | None:
        platform = self.wording.platform_name(row.chat.platform)
        if row.purpose in ANSWER_PURPOSES and row.question_id is not None:
            forum = await self._forum_of_question(tx, row.question_id)
            if forum is None:
                return None
            key = (
                "notice_answer_unknown" if state == OutboxState.UNKNOWN else "notice_answer_failed"
            )
            return forum, key, {"ref": row.question_id, "platform": platform, "reason": reason}
        if state == OutboxState.UNKNOWN:
            return None  # a room message that may well have arrived: nothing to do
        if row.chat.kind == "private":
            return None
        if row.purpose in CARD_PURPOSES and row.question_id is not None:
            forum = await self._forum_of_question(tx, row.question_id)
            if forum is None:
                return None
            return forum, "notice_card_failed", self._room_values(row, reason)
        if row.purpose == OutboxPurpose.CARD_EDIT and row.question_id is not None:
            forum = await self._forum_of_question(tx, row.question_id)
            if forum is None:
                return None
            return forum, "notice_card_edit_failed", self._room_values(row, reason)
        if row.chat.kind == "channel":
            forums = self.directory.forums_of_room(row.chat)
            if not forums:
                return None
            values = self._room_values(row, reason)
            if row.purpose == OutboxPurpose.PUBLICATION and row.question_id is not None:
                return forums[0], "notice_publication_failed", values
            return forums[0], "notice_public_failed", values
        return None

    def _room_platform(self, chat: ChatRef) -> str:
        """How notices name the platform of the room ``chat``: a Facebook
        public room is the Page (``platform_facebook_page``), not Messenger."""
        if chat.platform == "facebook" and chat.kind == "channel":
            return self.wording.text("platform_facebook_page")
        return self.wording.platform_name(chat.platform)

    def _room_values(self, row: OutboxRow, reason: str) -> dict[str, object]:
        return {
            "ref": row.question_id or "",
            "platform": self._room_platform(row.chat),
            "room": _room_name(row.chat),
            "reason": reason,
        }

    async def _forum_of_question(self, tx: Tx, question_id: int) -> Forum | None:
        q = await questions.get(tx, question_id)
        return self.directory.get(q.forum_id) if q is not None else None


def _room_name(chat: ChatRef) -> str:
    return chat.chat_id
