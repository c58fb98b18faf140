"""What officers do to questions: approve, edit, reject, answer, defer, merge.
Each action checks the question's state, changes it, queues what residents,
staff and the public must be told, and records itself in the audit trail, all
in the caller's transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.delivery.outbox import Outbox
from bot.edge.rich import Rich, join, plain
from bot.forum import audit
from bot.forum.card import render_card
from bot.forum.card_state import CardRefresh
from bot.forum.directory import Actor, ForumDirectory
from bot.forum.session import SessionService
from bot.store import outbox as outbox_rows
from bot.store import question as questions
from bot.store import resident as residents
from bot.store import session as session_rows
from bot.store.database import Tx
from bot.store.outbox import OutboxDraft, OutboxPurpose
from bot.store.question import OPEN_STATES, Question, State
from bot.wording.wording import Wording
from config.model import Forum


class Moderation:
    """An officer's actions on a question, for the staff desk.

    Every action takes the transaction, the officer (an ``Actor`` whose
    check the staff desk has made), the question as read in that
    transaction and ``now`` (aware, UTC), and returns the confirmation to
    post in the staff room (a ``staff_*`` template naming the officer). A
    question that is no longer open is not changed: the reply says so
    (``staff_not_open``); nothing is raised for it. Each action that changes
    something is audited. They raise LookupError when the question's forum is
    no longer configured (reject, answer, resend, merge) or a platform has
    no declared length limit, and ``sqlite3.Error`` when the database fails."""

    def __init__(
        self,
        directory: ForumDirectory,
        wording: Wording,
        outbox: Outbox,
        sessions: SessionService,
    ) -> None:
        self.directory = directory
        self.wording = wording
        self.outbox = outbox
        self.sessions = sessions
        # Posted Telegram and Discord cards edited to show each new state.
        self.cards = CardRefresh(wording, directory)

    def _not_open(self, q: Question) -> Rich:
        return self.wording.render("staff_not_open", ref=q.id, state=q.state.value)

    def _already(self, q: Question) -> Rich:
        """A repeat (a second press, a command sent twice): nothing changes and
        no one is told again."""
        return self.wording.render("staff_already_done", ref=q.id, state=q.state.value)

    async def _tell_asker(
        self, tx: Tx, q: Question, body: Rich, purpose: OutboxPurpose, now: datetime
    ) -> None:
        if q.resident_id is None:
            return
        resident = await residents.get(tx, q.resident_id)
        if resident is None:
            return
        told = OutboxDraft(resident.chat, body, purpose, question_id=q.id, resident_id=resident.id)
        await self.outbox.add(tx, told, now)

    def _forum(self, q: Question) -> Forum:
        forum = self.directory.get(q.forum_id)
        if forum is None:
            raise LookupError(f"forum {q.forum_id!r} is no longer configured")
        return forum

    async def approve(
        self, tx: Tx, officer: Actor, q: Question, text: str | None, now: datetime
    ) -> Rich:
        """Accept ``q`` for the live session; ``text``, when given, replaces
        its publishable text. Approving an approved question again changes
        nothing (``staff_already_done``) unless ``text`` is new."""
        if q.state == State.APPROVED and (not text or text == q.publishable):
            return self._already(q)
        if q.state not in OPEN_STATES:
            return self._not_open(q)
        if text:
            await questions.set_publishable(tx, q.id, text, now)
        await questions.set_state(tx, q.id, State.APPROVED, now)
        await self.cards.refresh(tx, q.id, now)
        await audit.record(
            tx,
            officer,
            "approve",
            now,
            forum_id=q.forum_id,
            question_id=q.id,
            detail="text replaced" if text else None,
        )
        return self.wording.render(
            "staff_approved", ref=q.id, officer=self.wording.officer(officer)
        )

    async def seen(
        self, tx: Tx, officer: Actor, q: Question, now: datetime, platform: str | None = None
    ) -> Rich:
        """An officer has seen URGENT ``q``: it is not raised again
        (``bot.forum.escalation``). Once: a second "Seen" names who saw it
        first and changes nothing; "Seen" on a question that is not URGENT
        changes nothing either. Audited (``invalid`` when nothing changed).
        When further urgent messages were folded into it since its card, the
        reply carries the card as it now stands (for the staff room's
        ``platform``, the officer's own by default)."""
        platform = platform or officer.platform
        if not q.urgent or q.seen_at is not None:
            await audit.record(
                tx, officer, "seen", now, forum_id=q.forum_id, question_id=q.id, outcome="invalid"
            )
            if not q.urgent:
                return self.wording.render("staff_seen_not_urgent", ref=q.id)
            return self.wording.render("staff_seen_already", ref=q.id, seen_by=q.seen_by or "")
        label = self.wording.officer(officer)
        await questions.set_seen(tx, q.id, label, now)
        await self.cards.refresh(tx, q.id, now)
        await audit.record(tx, officer, "seen", now, forum_id=q.forum_id, question_id=q.id)
        seen = self.wording.render("staff_seen", ref=q.id, officer=label)
        if not q.urgent_more:
            return seen
        # Messages folded into it since its card (a flood): the card as it now stands.
        resident = await residents.get(tx, q.resident_id) if q.resident_id is not None else None
        card = render_card(
            self.wording,
            replace(q, seen_at=now),
            self._forum(q).name,
            resident.pseudonym if resident is not None else "?",
            platform,
        )
        return join([seen, card], "\n\n")

    async def edit(self, tx: Tx, officer: Actor, q: Question, text: str, now: datetime) -> Rich:
        """Replace ``q``'s publishable text with ``text``; the same text again
        changes nothing (``staff_already_edited``)."""
        if q.state not in OPEN_STATES:
            return self._not_open(q)
        if text == q.publishable:
            return self.wording.render("staff_already_edited", ref=q.id)
        await questions.set_publishable(tx, q.id, text, now)
        await audit.record(tx, officer, "edit", now, forum_id=q.forum_id, question_id=q.id)
        return self.wording.render("staff_edited", ref=q.id, officer=self.wording.officer(officer))

    async def reject(
        self, tx: Tx, officer: Actor, q: Question, reason: str | None, now: datetime
    ) -> Rich:
        """Decline ``q``; the asker is told, with ``reason`` when given (once:
        rejecting it again changes nothing)."""
        if q.state == State.REJECTED:
            return self._already(q)
        if q.state not in OPEN_STATES:
            return self._not_open(q)
        await questions.set_state(tx, q.id, State.REJECTED, now)
        await self.cards.refresh(tx, q.id, now)
        forum = self._forum(q)
        parts = [self.wording.render("rejected_to_resident", ref=q.id, forum=forum.name)]
        if reason:
            parts.append(self.wording.render("rejected_reason", reason=reason))
        else:  # nothing from the officer: say where else to go
            c = self.wording.contacts
            parts.append(
                self.wording.render(
                    "rejected_elsewhere",
                    non_emergency=c.non_emergency,
                    online_report_url=c.online_report_url,
                    emergency=c.emergency,
                )
            )
        told = join(parts)
        await self._tell_asker(tx, q, told, OutboxPurpose.REJECTION, now)
        await audit.record(
            tx, officer, "reject", now, forum_id=q.forum_id, question_id=q.id, detail=reason
        )
        return self._confirm_with_quote(
            self.wording.render("staff_rejected", ref=q.id, officer=self.wording.officer(officer)),
            told,
        )

    async def later(
        self, tx: Tx, officer: Actor, q: Question, note: str | None, now: datetime
    ) -> Rich:
        """Keep ``q`` for follow-up; the asker is told, with ``note`` when given
        (once: deferring it again changes nothing)."""
        if q.state == State.DEFERRED:
            return self._already(q)
        if q.state not in OPEN_STATES:
            return self._not_open(q)
        await questions.set_state(tx, q.id, State.DEFERRED, now)
        await self.cards.refresh(tx, q.id, now)
        parts = [self.wording.render("later_to_resident", ref=q.id)]
        if note:
            parts.append(self.wording.render("later_note", note=note))
        told = join(parts)
        await self._tell_asker(tx, q, told, OutboxPurpose.LATER, now)
        await audit.record(
            tx, officer, "later", now, forum_id=q.forum_id, question_id=q.id, detail=note
        )
        return self._confirm_with_quote(
            self.wording.render("staff_deferred", ref=q.id, officer=self.wording.officer(officer)),
            told,
        )

    def _confirm_with_quote(self, confirmation: Rich, told: Rich) -> Rich:
        """An officer's confirmation followed by what the asker was sent,
        quoted as plain text: the officer sees their reason or note as it
        went out, word for word."""
        return join([confirmation, self.wording.render("staff_sent_quote", sent=plain(told))])

    async def answer(self, tx: Tx, officer: Actor, q: Question, text: str, now: datetime) -> Rich:
        """Answer ``q`` with ``text`` (approving it first if it was new): to
        its asker and the askers of questions merged into it, at once; in the
        public rooms now if a session is live, else when the next one opens
        (a deferred question's answer as a follow-up). The confirmation says
        what becomes of the message to the asker and where it is published.
        An answered question is not answered again (``staff_already_done``:
        the asker is told once; ``resend`` sends it again on purpose)."""
        if q.state == State.ANSWERED:
            return self._already(q)
        if q.state not in OPEN_STATES:
            return self._not_open(q)
        forum = self._forum(q)
        if q.state == State.NEW:
            await questions.set_state(tx, q.id, State.APPROVED, now)
            await audit.record(
                tx,
                officer,
                "approve",
                now,
                forum_id=q.forum_id,
                question_id=q.id,
                detail="approved by answering",
            )
        follow_up = q.state == State.DEFERRED
        live = await self._live_session_id(tx, forum)
        await questions.set_answer(tx, q.id, text, live, now)
        await self.cards.refresh(tx, q.id, now)
        answered = await questions.get(tx, q.id)
        assert answered is not None
        await self._deliver_answer(tx, answered, answered, forum, now)
        for duplicate in await questions.merged_into(tx, q.id):
            await self._deliver_answer(tx, duplicate, answered, forum, now)
        published = await self.sessions.publish_answer(
            tx, forum, answered, follow_up or live is None, now
        )
        await audit.record(tx, officer, "answer", now, forum_id=q.forum_id, question_id=q.id)
        return self.wording.render(
            "staff_answered",
            ref=q.id,
            officer=self.wording.officer(officer),
            asker=await self._asker_line(tx, q),
            where=self._where_line(forum, published),
        )

    async def resend(self, tx: Tx, officer: Actor, q: Question, now: datetime) -> Rich:
        """The answer to the asker once more: after a notice that it failed or
        may not have arrived. A merged question's asker gets the answer of the
        question it was merged into. While that answer is still on its way
        (waiting or being sent), nothing more is queued (``staff_resend_pending``)."""
        answered: Question | None = q
        if q.state == State.MERGED and q.merged_into is not None:
            answered = await questions.get(tx, q.merged_into)
        if answered is None or answered.state != State.ANSWERED or answered.answer is None:
            await audit.record(
                tx, officer, "resend", now, forum_id=q.forum_id, question_id=q.id, outcome="refused"
            )
            return self.wording.render("staff_resend_nothing", ref=q.id)
        if await outbox_rows.answer_on_its_way(tx, q.id):
            return self.wording.render("staff_resend_pending", ref=q.id)
        if q.resident_id is None or await residents.get(tx, q.resident_id) is None:
            return self.wording.render("staff_resend_no_asker", ref=q.id)
        await self._deliver_answer(tx, q, answered, self._forum(answered), now)
        await audit.record(tx, officer, "resend", now, forum_id=q.forum_id, question_id=q.id)
        return self.wording.render(
            "staff_resent",
            ref=q.id,
            officer=self.wording.officer(officer),
            asker=await self._asker_line(tx, q),
        )

    async def _asker_line(self, tx: Tx, q: Question) -> str:
        """What becomes of the message to the asker, in officers' words."""
        resident = await residents.get(tx, q.resident_id) if q.resident_id is not None else None
        if resident is None:
            return self.wording.text("staff_answer_no_asker")
        if not self.directory.is_on(resident.platform):
            return self.wording.text(
                "staff_answer_platform_off", platform=self.wording.platform_name(resident.platform)
            )
        if resident.unreachable:
            return self.wording.text("staff_answer_unreachable")
        return self.wording.text("staff_answer_sending")

    def _where_line(self, forum: Forum, now_live: bool) -> str:
        """Where the answer is published: only rooms on platforms that are on count."""
        count = len(self.directory.public_rooms(forum))
        web = self.directory.web_on
        if count:
            key = "public_rooms_one" if count == 1 else "public_rooms_many"
            rooms = self.wording.text(key, count=count)
            if web:
                rooms = self.wording.text("public_rooms_and_web", rooms=rooms)
            return self.wording.text(
                "staff_answered_live" if now_live else "staff_answered_later", rooms=rooms
            )
        if web:
            return self.wording.text(
                "staff_answered_web_only_live" if now_live else "staff_answered_web_only_later"
            )
        return self.wording.text("staff_answered_nowhere")

    async def _live_session_id(self, tx: Tx, forum: Forum) -> int | None:
        live = await session_rows.open_session(tx, forum.id)
        return live.id if live is not None else None

    async def _deliver_answer(
        self, tx: Tx, asked: Question, answered: Question, forum: Forum, now: datetime
    ) -> None:
        body = self.wording.render(
            "answer_to_resident", ref=asked.id, forum=forum.name, answer=answered.answer or ""
        )
        await self._tell_asker(tx, asked, body, OutboxPurpose.ANSWER, now)

    async def merge(
        self, tx: Tx, officer: Actor, q: Question, into: Question, now: datetime
    ) -> Rich:
        """``q`` is a duplicate of ``into`` (or of the question ``into`` was
        itself merged into): its asker gets that question's answer, at once
        if it is answered already. Merging a question into itself is refused
        (``staff_merge_self``), as is merging a closed one; merging it again
        into the same question changes nothing (``staff_already_done``)."""
        if q.state == State.MERGED and q.merged_into in (into.id, into.merged_into):
            return self._already(q)
        if q.id == into.id:
            return self.wording.render("staff_merge_self", ref=q.id)
        if q.state not in OPEN_STATES:
            return self._not_open(q)
        if into.state == State.MERGED and into.merged_into is not None:
            target = await questions.get(tx, into.merged_into)
            if target is not None:
                into = target
        await questions.merge(tx, q.id, into.id, now)
        await self.cards.refresh(tx, q.id, now)
        if into.state == State.ANSWERED:
            await self._deliver_answer(tx, q, into, self._forum(into), now)
        await audit.record(
            tx,
            officer,
            "merge",
            now,
            forum_id=q.forum_id,
            question_id=q.id,
            detail=f"into #{into.id}",
        )
        return self.wording.render(
            "staff_merged", ref=q.id, other=into.id, officer=self.wording.officer(officer)
        )
