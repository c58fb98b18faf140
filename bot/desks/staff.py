"""A staff room: officers' commands, buttons and replies to cards. Anyone not
listed as an officer of the question's forum is refused and nothing changes."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from bot.alerts.alert import AlertType
from bot.alerts.service import AlertService
from bot.delivery.outbox import Outbox
from bot.desks.asker_tools import ASKER_COMMANDS, AskerTools
from bot.desks.resident import parse_reference
from bot.desks.survey import SurveyDesk
from bot.edge.inbound import Inbound
from bot.edge.rich import Rich, Span, join
from bot.forum.directory import ForumDirectory, Sender
from bot.forum.moderation import Moderation, Officer
from bot.forum.session import SessionService
from bot.store import audit
from bot.store import question as questions
from bot.store.database import Tx
from bot.store.outbox import OutboxDraft, OutboxPurpose
from bot.store.question import OPEN_STATES, Question
from bot.wording.wording import Wording
from config.model import Forum

log = logging.getLogger("forumbot.staff")

QUESTION_COMMANDS = {
    "approve": "approve 12 [text]",
    "edit": "edit 12 text",
    "reject": "reject 12 [reason]",
    "answer": "answer 12 text",
    "later": "later 12 [note]",
    "merge": "merge 12 7",
    "resend": "resend 12",
    **ASKER_COMMANDS,
}
FORUM_COMMANDS = ("queue", "open", "close", "next")


@dataclass(frozen=True)
class Command:
    name: str
    args: str


async def record_forum_action(
    tx: Tx,
    event: Inbound,
    action: str,
    forum_id: str | None,
    detail: str | None,
    now: datetime,
    outcome: str = "done",
    question_id: int | None = None,
) -> None:
    """The sender's action (or refusal) in the audit trail."""
    await audit.record(
        tx,
        audit.AuditEntry(
            at=now,
            actor_platform=event.platform,
            actor_id=event.sender_id,
            action=action,
            outcome=outcome,
            forum_id=forum_id,
            question_id=question_id,
            detail=detail,
        ),
    )


class StaffDesk:
    def __init__(
        self,
        directory: ForumDirectory,
        wording: Wording,
        outbox: Outbox,
        sessions: SessionService,
        moderation: Moderation,
        askers: AskerTools,
        alerts: AlertService,
        surveys: SurveyDesk,
    ) -> None:
        self.directory = directory
        self.wording = wording
        self.outbox = outbox
        self.sessions = sessions
        self.moderation = moderation
        self.askers = askers
        self.alerts = alerts
        self.surveys = surveys

    async def handle(self, tx: Tx, event: Inbound, forums: list[Forum], now: datetime) -> None:
        command = self._command_of(event)
        reply: Rich | None = None
        if command is not None:
            reply = await self._run(tx, event, forums, command, now)
        elif event.reply_to_message_id is not None and event.text.strip():
            reply = await self._reply_to_card(tx, event, forums, now)
        if reply is not None:
            draft = OutboxDraft(
                event.chat,
                reply,
                OutboxPurpose.STAFF_REPLY,
                reply_to_message_id=event.message_id,
            )
            await self.outbox.add(tx, draft, now)

    @staticmethod
    def _command_of(event: Inbound) -> Command | None:
        if event.button is not None:
            action, _, ref = event.button.partition(":")
            return Command(action, ref)
        if event.command is not None:
            return Command(event.command, event.args)
        return None

    async def _reply_to_card(
        self, tx: Tx, event: Inbound, forums: list[Forum], now: datetime
    ) -> Rich | None:
        """An answer written as a reply to a card; None if it replies to something else."""
        assert event.reply_to_message_id is not None
        ids = await questions.card_question_ids(
            tx, event.platform, event.chat.chat_id, event.reply_to_message_id
        )
        if not ids:
            return None
        if len(ids) > 1:
            return self.wording.render("staff_reply_ambiguous", prefix=self._prefix(event))
        return await self._run(tx, event, forums, Command("answer", f"{ids[0]} {event.text}"), now)

    def _prefix(self, event: Inbound) -> str:
        return self.wording.prefix(event.platform)

    def _sender(self, event: Inbound) -> Sender:
        return Sender(event.platform, event.sender_id, event.sender_roles)

    async def _refuse(
        self,
        tx: Tx,
        event: Inbound,
        action: str,
        forum_id: str | None,
        question_id: int | None,
        now: datetime,
    ) -> Rich:
        await record_forum_action(
            tx, event, action, forum_id, None, now, outcome="refused", question_id=question_id
        )
        log.info("refused action=%s sender=%s:%s", action, event.platform, event.sender_id)
        return self.wording.render("staff_refused")

    async def _run(
        self, tx: Tx, event: Inbound, forums: list[Forum], command: Command, now: datetime
    ) -> Rich | None:
        name = command.name.lower()
        prefix = self._prefix(event)
        if name in ("help", "start"):
            if not any(self.directory.is_officer(f, self._sender(event)) for f in forums):
                return await self._refuse(tx, event, name, None, None, now)
            return self.wording.render("staff_help", prefix=prefix)
        if name in QUESTION_COMMANDS:
            return await self._question_command(tx, event, forums, name, command.args, now)
        if name in FORUM_COMMANDS:
            return await self._forum_command(tx, event, forums, name, command.args, now)
        if name == "alert":
            return await self._alert(tx, event, forums, command.args, now)
        if name == "survey":
            return await self._survey(tx, event, forums, command.args, now)
        return self.wording.render("staff_unknown_command", prefix=prefix, command=name)

    async def _question_command(
        self, tx: Tx, event: Inbound, forums: list[Forum], name: str, args: str, now: datetime
    ) -> Rich:
        usage = self.wording.render(
            "staff_usage", usage=self._prefix(event) + QUESTION_COMMANDS[name]
        )
        first, _, rest = args.strip().partition(" ")
        rest = rest.strip()
        ref = parse_reference(first)
        if ref is None:
            return usage
        q = await questions.get(tx, ref)
        forum = self.directory.get(q.forum_id) if q is not None else None
        if q is None or forum is None or forum not in forums:
            if not any(self.directory.is_officer(f, self._sender(event)) for f in forums):
                return await self._refuse(tx, event, name, None, ref, now)
            return self.wording.render("staff_no_question", ref=ref)
        if not self.directory.is_officer(forum, self._sender(event)):
            return await self._refuse(tx, event, name, forum.id, q.id, now)
        officer = Officer(event.platform, event.sender_id)
        if name in ASKER_COMMANDS:
            return await self.askers.run(tx, name, officer, q, now)
        m = self.moderation
        if name == "approve":
            return await m.approve(tx, officer, q, rest or None, now)
        if name == "reject":
            return await m.reject(tx, officer, q, rest or None, now)
        if name == "later":
            return await m.later(tx, officer, q, rest or None, now)
        if name == "resend":
            return await m.resend(tx, officer, q, now)
        if not rest:
            return usage
        if name == "edit":
            return await m.edit(tx, officer, q, rest, now)
        if name == "answer":
            return await m.answer(tx, officer, q, rest, now)
        other_ref = parse_reference(rest)
        other = await questions.get(tx, other_ref) if other_ref is not None else None
        if other is None or other.forum_id != q.forum_id:
            return self.wording.render("staff_no_question", ref=other_ref or rest)
        return await m.merge(tx, officer, q, other, now)

    async def _forum_command(
        self, tx: Tx, event: Inbound, forums: list[Forum], name: str, args: str, now: datetime
    ) -> Rich:
        chosen = forums
        if args.strip():
            found = self.directory.find(args.strip())
            if found is None or found not in forums:
                return self.wording.render(
                    "staff_which_forum", forums=", ".join(f.id for f in forums)
                )
            chosen = [found]
        officer_forums = [f for f in chosen if self.directory.is_officer(f, self._sender(event))]
        if not officer_forums:
            return await self._refuse(tx, event, name, chosen[0].id if chosen else None, None, now)
        if name == "next":
            return await self.sessions.schedule_lines(tx, officer_forums, now)
        if name == "queue":
            return await self._queue(tx, officer_forums)
        if len(officer_forums) > 1:
            return self.wording.render(
                "staff_which_forum", forums=", ".join(f.id for f in officer_forums)
            )
        forum = officer_forums[0]
        await record_forum_action(tx, event, name, forum.id, None, now)
        if name == "open":
            return await self.sessions.open(tx, forum, now)
        return await self.sessions.close(tx, forum, now)

    async def _alert(
        self, tx: Tx, event: Inbound, forums: list[Forum], args: str, now: datetime
    ) -> Rich:
        """``alert FORUM TYPE [--no-public] [--urgent] text``"""
        officer_forums = [f for f in forums if self.directory.is_officer(f, self._sender(event))]
        if not officer_forums:
            return await self._refuse(tx, event, "alert", None, None, now)
        words = args.split()
        usage = self.wording.render(
            "staff_alert_usage",
            prefix=self._prefix(event),
            types=", ".join(t.value for t in AlertType),
            forums=", ".join(f.id for f in officer_forums),
        )
        if len(words) < 3:
            return usage
        forum = self.directory.find(words[0])
        alert_type = AlertType.parse(words[1])
        if forum is None or forum not in officer_forums or alert_type is None:
            return usage
        flags = {"--no-public": False, "--urgent": False}
        rest = words[2:]
        while rest and rest[0].lower() in flags:
            flags[rest.pop(0).lower()] = True
        text = args.split(None, 2 + sum(flags.values()))[-1].strip() if rest else ""
        if not text:
            return usage
        to_public = not flags["--no-public"]
        b = await self.alerts.request(
            tx,
            forum,
            alert_type,
            (Span(text),),
            now,
            urgent=flags["--urgent"],
            to_public=to_public,
            requested_by=f"{event.platform}:{event.sender_id}",
            report_chat=event.chat,
        )
        await record_forum_action(tx, event, "alert", forum.id, f"alert #{b.id}", now)
        on_public = to_public and bool(self.directory.public_rooms(forum))
        public = self.wording.text("staff_alert_public") if on_public else ""
        if b.state == "scheduled":
            return self.wording.render(
                "staff_alert_later",
                ref=b.id,
                type=alert_type.value,
                forum=forum.name,
                when=self.wording.when(b.send_at, self.directory.zone(forum)),
                public=public,
            )
        return self.wording.render(
            "staff_alert_now",
            ref=b.id,
            type=alert_type.value,
            forum=forum.name,
            total=b.total,
            public=public,
        )

    async def _survey(
        self, tx: Tx, event: Inbound, forums: list[Forum], args: str, now: datetime
    ) -> Rich:
        officer_forums = [f for f in forums if self.directory.is_officer(f, self._sender(event))]
        if not officer_forums:
            return await self._refuse(tx, event, "survey", None, None, now)
        reply = await self.surveys.staff(
            tx,
            officer_forums,
            args,
            f"{event.platform}:{event.sender_id}",
            event.chat,
            self._prefix(event),
            now,
        )
        await record_forum_action(
            tx, event, "survey", officer_forums[0].id, args.split(" ", 1)[0][:40], now
        )
        return reply

    async def _queue(self, tx: Tx, forums: list[Forum]) -> Rich:
        waiting: list[Question] = await questions.waiting(
            tx, tuple(f.id for f in forums), tuple(OPEN_STATES)
        )
        if not waiting:
            return self.wording.render("staff_queue_empty")
        lines = [self.wording.render("staff_queue_header", count=len(waiting))]
        lines.extend(self.sessions.queue_line(q) for q in waiting[:50])
        return join(lines)
