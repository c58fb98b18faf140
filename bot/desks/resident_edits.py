"""The resident desk's "edit" stage: a resident's edit of an earlier
message (Telegram ``edited_message``, Discord message edits), as the
``PRECEDENCE`` of ``bot.desks.resident`` runs it. A mixin of
``ResidentDesk``: it uses the desk's directory, wording, replies, questions
and cards."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from bot.desks.staff_cards import StaffCards
from bot.desks.visit import Visit
from bot.edge.chat import Buttons
from bot.edge.inbound import Inbound
from bot.edge.rich import Rich
from bot.forum.directory import ForumDirectory
from bot.safeguarding.redaction import suggest_publishable
from bot.store import question as questions
from bot.store.database import Tx
from bot.store.outbox import OutboxPurpose
from bot.store.question import Question
from bot.store.resident import Resident
from bot.wording.wording import Wording
from config.model import Forum

log = logging.getLogger("forumbot.resident")


class ResidentEdits:
    """What the desk does with an edit; see ``_edit``."""

    directory: ForumDirectory
    wording: Wording
    cards: StaffCards

    if TYPE_CHECKING:  # the desk's own, which these stages use

        async def _question(
            self,
            tx: Tx,
            resident: Resident,
            forum: Forum,
            text: str,
            urgent: bool,
            now: datetime,
            event: Inbound,
        ) -> None: ...

        async def _urgent_card(self, v: Visit, text: str) -> None: ...

        async def _reply(
            self,
            tx: Tx,
            resident: Resident,
            body: Rich,
            now: datetime,
            purpose: OutboxPurpose = OutboxPurpose.REPLY,
            question_id: int | None = None,
            buttons: Buttons = (),
        ) -> None: ...

    async def _edit(self, v: Visit) -> bool:
        """An edit of an earlier message (never run as a command). Of a
        question officers have not acted on (new, its suggested text not
        changed by them): the question takes the new words, redaction and
        triage run again (an edit can only raise URGENT), and a new card
        replaces the old. Of a question officers have acted on: not passed
        on (an urgent one is taken as a new question); the resident is asked
        to send a new message. Of anything else: a question if it now has a
        forum's phrase (or is urgent), else the resident is told nothing was
        passed on. A blocked resident's edit goes on to be held."""
        event = v.event
        if not event.edited or (v.resident.blocked and not v.urgent):
            return False
        asked = (
            await questions.of_message(v.tx, v.resident.id, event.message_id)
            if event.message_id is not None
            else None
        )
        if asked is not None:
            if self._not_acted_on(asked) and event.text.strip():
                await self._apply_edit(v, asked)
                return True
            if v.urgent:  # officers must see it: a new question, as any emergency
                forum = self.directory.get(asked.forum_id) or self.directory.forums[0]
                await self._question(v.tx, v.resident, forum, event.text, True, v.now, event)
                return True
            body = self.wording.render(
                "edit_after_review", ref=asked.id, example_phrase=self._phrase_of(asked)
            )
            await self._reply(v.tx, v.resident, body, v.now, question_id=asked.id)
            return True
        if event.command is not None and v.urgent:  # never run; officers must see it
            await self._urgent_card(v, event.args)
            return True
        if event.command is not None:
            prefix = self.wording.prefix(event.platform)
            await self._reply(
                v.tx, v.resident, self.wording.render("edit_command", prefix=prefix), v.now
            )
            return True
        if v.urgent or self.directory.match(event.text) is not None:
            return False  # taken as a question by the message stage
        body = self.wording.render(
            "edit_no_question", example_phrase=self.directory.forums[0].phrases[0]
        )
        await self._reply(v.tx, v.resident, body, v.now)
        return True

    def _without_phrase(self, q: Question, text: str) -> str:
        """``text`` as it would be published for ``q``'s forum (its phrase off)."""
        forum = self.directory.get(q.forum_id)
        return text if forum is None else self.directory.without_phrase(forum, text)

    def _not_acted_on(self, q: Question) -> bool:
        """New, and officers have not changed its suggested publishable text."""
        suggested = suggest_publishable(self._without_phrase(q, q.text))
        return q.state is questions.State.NEW and q.publishable == suggested

    def _phrase_of(self, q: Question) -> str:
        forum = self.directory.get(q.forum_id) or self.directory.forums[0]
        return forum.phrases[0]

    async def _apply_edit(self, v: Visit, asked: Question) -> None:
        """The resident's edit becomes the question; the cards posted are
        edited to read it, and a new card says so."""
        urgent = asked.urgent or v.urgent
        text = v.event.text
        publishable = suggest_publishable(self._without_phrase(asked, text))
        await questions.set_edited(v.tx, asked.id, text, publishable, urgent, v.now)
        log.info(
            "question edited by the resident forum=%s question=#%s urgent=%s",
            asked.forum_id,
            asked.id,
            urgent,
        )
        edited = await questions.get(v.tx, asked.id)
        forum = self.directory.get(asked.forum_id)
        assert edited is not None
        await self._reply(
            v.tx,
            v.resident,
            self.wording.render("edit_taken", ref=asked.id),
            v.now,
            question_id=asked.id,
        )
        if forum is not None:
            # The cards already posted read the new words too (officers
            # must not act on the old ones); the new card tells them.
            await self.cards.rewrite(v.tx, forum, edited, v.resident.pseudonym, v.now, edited=True)
            await self.cards.post(
                v.tx,
                forum,
                edited,
                v.resident.pseudonym,
                v.now,
                edited=True,
                burst=v.event.burst,
            )
