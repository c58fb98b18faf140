"""A staff room: officers' commands, buttons and replies to cards, routed by
the table ``STAFF_ROUTES``. Anyone not listed as an officer of the forum a
command acts on is refused and nothing changes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from bot.alerts.alert import AlertType
from bot.alerts.newsletter import Newsletters
from bot.alerts.service import AlertService
from bot.delivery.outbox import Outbox
from bot.desks.asker_tools import AskerTools
from bot.desks.routes import (
    REPEAT_WINDOW,
    Route,
    Routes,
    Who,
    misprefixed,
    not_a_reference,
    parse_reference,
)
from bot.desks.survey import SurveyDesk
from bot.edge.inbound import Inbound
from bot.edge.payload import CardAction, unpack
from bot.edge.rich import Rich, Span, join
from bot.edge.text import shown
from bot.forum import audit
from bot.forum.card import card_references, describe_attachments
from bot.forum.directory import Actor, ForumDirectory
from bot.forum.moderation import Moderation
from bot.forum.session import SessionService
from bot.store import alert as alert_rows
from bot.store import newsletter as newsletter_rows
from bot.store import question as questions
from bot.store import session as session_rows
from bot.store.database import Tx
from bot.store.outbox import OutboxDraft, OutboxPurpose
from bot.store.question import OPEN_STATES, Question
from bot.wording.wording import Wording
from config.model import Forum

ALERTABLE = tuple(t for t in AlertType if t is not AlertType.NEWSLETTER)
"""The alert types ``alert`` sends; the newsletter is made by ``newsletter``."""

REFUSAL_QUIET = timedelta(minutes=10)
"""After a refusal, how long the same sender's further refused commands are
audited without a reply (issue 15: answer refusals sparingly)."""


@dataclass(frozen=True)
class Command:
    """A command as typed (``approve``, ``12 text``) or as a press reads."""

    name: str
    args: str


@dataclass(frozen=True)
class Order:
    """A command that passed its route's check of who may run it.

    ``name``: as given, lower-case (``start`` for help's alias). ``args``:
    what follows the question number for ``officer of the question`` routes,
    else all the arguments. ``forums``: the forums the sender is an officer
    of that the command acts on (the question's forum for question routes).
    ``usage``: the route's usage reply."""

    tx: Tx
    event: Inbound
    name: str
    args: str
    forums: list[Forum]
    now: datetime
    usage: Rich
    asked: Question | None = None

    @property
    def question(self) -> Question:
        """The question an ``officer of the question`` route acts on.
        Raises LookupError for other routes, which have none."""
        if self.asked is None:
            raise LookupError(f"{self.name} is not a command on a question")
        return self.asked

    @property
    def actor(self) -> Actor:
        """Who sent the command (an officer: the route's check passed)."""
        return _actor(self.event)


def _actor(event: Inbound) -> Actor:
    return Actor(event.platform, event.sender_id, event.sender_roles)


StaffHandler = Callable[["StaffDesk", Order], Awaitable[Rich]]


class StaffDesk:
    """The desk for every staff room: looks each command up in
    ``STAFF_ROUTES``, checks the sender as the route's ``who`` says, runs it
    and queues the reply in the room."""

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
        newsletters: Newsletters | None = None,
    ) -> None:
        self.directory = directory
        self.newsletters = newsletters or Newsletters(directory, wording, alerts)
        self.wording = wording
        self.outbox = outbox
        self.sessions = sessions
        self.moderation = moderation
        self.askers = askers
        self.alerts = alerts
        self.surveys = surveys

    async def handle(self, tx: Tx, event: Inbound, forums: list[Forum], now: datetime) -> None:
        """Deal with one event from a staff room, in ``tx`` (the intake's
        transaction, which also marks the event processed).

        ``event``: a command (``event.command`` without its prefix, and
        ``event.args``), a press (``event.button``: a card's ``approve:12``,
        else read as ``name:args``), or a message replying to a card
        (``event.reply_to_message_id``; read as ``answer``). A reply to
        another of the bot's messages is told it is not a card. An edit of a
        command or a reply is not acted on, and the officer is told. Anything
        else (officers talking) is left alone. ``forums``: the forums whose
        staff room ``event.chat`` is (``ForumDirectory.staff_forums``, at
        least one). ``now``: when it is
        processed (aware, UTC).

        The reply (a confirmation, a usage line, a refusal) is queued in
        ``tx`` to the room, as a reply to the event's message, in the topic
        or thread it was written in (``event.thread_id``). A sender who
        may not run the command is refused and audited, not raised.

        Raises ``sqlite3.Error`` when the database fails, and LookupError
        when a question's forum is no longer configured or a platform has no
        declared length limit: the intake then rolls ``tx`` back and sets the
        event aside."""
        command = self._command_of(event)
        reply: Rich | None = None
        slashed = None if command is not None else self._misprefixed(event)
        if event.edited:
            # An edited command or answer is never run (it was run, or refused,
            # as first sent); an edit of chatter is chatter.
            if command is not None or slashed is not None or event.reply_to_message_id is not None:
                reply = self.wording.render("staff_edit_not_acted")
        elif command is not None:
            reply = await self._run(tx, event, forums, command, now)
        elif slashed is not None:
            reply = slashed
        elif event.reply_to_message_id is not None and (event.text.strip() or event.attachments):
            reply = await self._reply_to_card(tx, event, forums, now)
        if reply is not None and event.attachments and event.text.strip():
            # An answer's photo or file never reaches the resident: say so.
            not_sent = self.wording.render(
                "staff_attachment_not_sent",
                what=describe_attachments(self.wording, event.attachments),
            )
            reply = join([reply, not_sent], "\n\n")
        if reply:  # None or empty: nothing to say (an edit of chatter, a refusal repeated)
            draft = OutboxDraft(
                event.chat,
                reply,
                OutboxPurpose.STAFF_REPLY,
                reply_to_message_id=event.message_id,
                thread_id=event.thread_id,
            )
            await self.outbox.add(tx, draft, now)

    @staticmethod
    def _command_of(event: Inbound) -> Command | None:
        if event.button is not None:
            payload = unpack(event.button)
            if isinstance(payload, CardAction):
                return Command(payload.kind, str(payload.question_id))
            # Any other press reads as the command it names ("name:args"), as
            # presses in staff rooms always have: garbage gets "unknown command".
            action, _, ref = event.button.partition(":")
            return Command(action, ref)
        if event.command is not None:
            return Command(event.command, event.args)
        return None

    async def _reply_to_card(
        self, tx: Tx, event: Inbound, forums: list[Forum], now: datetime
    ) -> Rich | None:
        """An answer written as a reply to a card. The card is known by its
        recorded message id, else (its send's outcome was unknown, so its id
        was never recorded) by the questions its text names. A reply to
        another of the bot's messages is told so; None for a reply to anyone
        else's (officers talking among themselves)."""
        assert event.reply_to_message_id is not None
        ids = await questions.card_question_ids(
            tx, event.platform, event.chat.chat_id, event.reply_to_message_id
        )
        if not ids and event.replied_bot_text is not None:
            ids = card_references(self.wording, self._prefix(event), event.replied_bot_text)
            if not ids:
                return self.wording.render("staff_reply_not_card", prefix=self._prefix(event))
        if not ids:
            return None
        if len(ids) > 1:
            return self.wording.render("staff_reply_ambiguous", prefix=self._prefix(event))
        if not event.text.strip():  # only a photo, sticker...: no answer to send
            return self.wording.render(
                "staff_reply_without_words", prefix=self._prefix(event), ref=ids[0]
            )
        return await self._run(tx, event, forums, Command("answer", f"{ids[0]} {event.text}"), now)

    def _misprefixed(self, event: Inbound) -> Rich | None:
        """How to run a command that came as a plain message beginning with
        ``/`` (``routes.misprefixed``), or None. Before replies to cards: a
        reply ``/answer 12 ...`` is never sent to the asker as it stands."""
        prefix = self._prefix(event)
        name = misprefixed(event.text, prefix, STAFF_ROUTES)
        if name is None:
            return None
        return self.wording.render("slash_not_run", command=name, prefix=prefix)

    def _prefix(self, event: Inbound) -> str:
        return self.wording.prefix(event.platform)

    async def _refuse(
        self,
        tx: Tx,
        event: Inbound,
        action: str,
        forum_id: str | None,
        question_id: int | None,
        now: datetime,
    ) -> Rich:
        """Refuse ``action`` to the sender of ``event``, audited. The reply
        (why) is given once per ``REFUSAL_QUIET``: someone who is not an
        officer cannot fill the staff room, and hold up its cards, by
        sending refused commands; the rest are audited and get an empty
        reply (nothing sent)."""
        actor = _actor(event)
        told = await audit.refused_since(tx, actor, now - REFUSAL_QUIET)
        await audit.record(
            tx, actor, action, now, forum_id=forum_id, question_id=question_id, outcome="refused"
        )
        if told:
            return ()
        if event.as_group:
            return self.wording.render("staff_refused_as_group")
        return self.wording.render("staff_refused")

    # -- routing: look the command up, check who may run it, run it ----------

    async def _run(
        self, tx: Tx, event: Inbound, forums: list[Forum], command: Command, now: datetime
    ) -> Rich:
        name = command.name.lower()
        route = STAFF_ROUTES.find(name)
        if route is None:
            return self.wording.render(
                "staff_unknown_command", prefix=self._prefix(event), command=name
            )
        if event.as_group:  # no officer can be told apart behind the group's name
            return await self._refuse(tx, event, name, None, None, now)
        order = Order(
            tx,
            event,
            name,
            command.args,
            forums,
            now,
            self.wording.render("staff_usage", usage=self._prefix(event) + route.usage),
        )
        check = _CHECKS.get(route.who)
        if check is None:
            raise LookupError(f"staff route {route.name} is for {route.who}")
        return await check(self, route, order)

    async def _in_room(self, route: Route[StaffHandler], order: Order) -> Rich:
        """``officer in the room``: the handler gets the room's forums the
        sender is an officer of."""
        actor = _actor(order.event)
        officer_forums = [f for f in order.forums if self.directory.is_officer(f, actor)]
        if not officer_forums:
            return await self._refuse(order.tx, order.event, order.name, None, None, order.now)
        return await route.handler(self, replace(order, forums=officer_forums))

    async def _of_forum(self, route: Route[StaffHandler], order: Order) -> Rich:
        """``officer of the forum``: the forum named (``open bromley``), else
        the room's forums; the handler gets those the sender is an officer of."""
        chosen = order.forums
        if order.args.strip():
            found = self.directory.find(order.args.strip())
            if found is None or found not in order.forums:
                return self.wording.render(
                    "staff_unknown_forum",
                    given=shown(order.args),
                    forums=", ".join(f.id for f in order.forums),
                )
            chosen = [found]
        actor = _actor(order.event)
        officer_forums = [f for f in chosen if self.directory.is_officer(f, actor)]
        if not officer_forums:
            forum_id = chosen[0].id if chosen else None
            return await self._refuse(order.tx, order.event, order.name, forum_id, None, order.now)
        return await route.handler(self, replace(order, forums=officer_forums))

    async def _of_question(self, route: Route[StaffHandler], order: Order) -> Rich:
        """``officer of the question``: ``NAME 12 [rest]``; the handler gets
        question #12 and the rest. A question of a forum not served by this
        room is "no question" to an officer and a refusal to anyone else."""
        tx, event, now = order.tx, order.event, order.now
        first, _, rest = order.args.strip().partition(" ")
        ref = parse_reference(first)
        if ref is None:
            if not first:
                return order.usage
            return join([order.usage, not_a_reference(self.wording, first)])
        q = await questions.get(tx, ref)
        forum = self.directory.get(q.forum_id) if q is not None else None
        actor = _actor(event)
        if q is None or forum is None or forum not in order.forums:
            if not any(self.directory.is_officer(f, actor) for f in order.forums):
                return await self._refuse(tx, event, order.name, None, ref, now)
            return self.wording.render("staff_no_question", ref=ref)
        if not self.directory.is_officer(forum, actor):
            return await self._refuse(tx, event, order.name, forum.id, q.id, now)
        return await route.handler(self, replace(order, args=rest.strip(), forums=[forum], asked=q))

    # -- commands on a question ---------------------------------------------

    async def _approve(self, o: Order) -> Rich:
        return await self.moderation.approve(o.tx, o.actor, o.question, o.args or None, o.now)

    async def _reject(self, o: Order) -> Rich:
        return await self.moderation.reject(o.tx, o.actor, o.question, o.args or None, o.now)

    async def _later(self, o: Order) -> Rich:
        return await self.moderation.later(o.tx, o.actor, o.question, o.args or None, o.now)

    async def _seen(self, o: Order) -> Rich:
        return await self.moderation.seen(o.tx, o.actor, o.question, o.now)

    async def _resend(self, o: Order) -> Rich:
        return await self.moderation.resend(o.tx, o.actor, o.question, o.now)

    async def _edit(self, o: Order) -> Rich:
        if not o.args:
            return o.usage
        return await self.moderation.edit(o.tx, o.actor, o.question, o.args, o.now)

    async def _answer(self, o: Order) -> Rich:
        if not o.args:
            return o.usage
        return await self.moderation.answer(o.tx, o.actor, o.question, o.args, o.now)

    async def _merge(self, o: Order) -> Rich:
        if not o.args:
            return o.usage
        other_ref = parse_reference(o.args)
        if other_ref is None:
            return join([o.usage, not_a_reference(self.wording, o.args)])
        other = await questions.get(o.tx, other_ref)
        if other is None or other.forum_id != o.question.forum_id:
            return self.wording.render("staff_no_question", ref=other_ref)
        return await self.moderation.merge(o.tx, o.actor, o.question, other, o.now)

    async def _asker(self, o: Order) -> Rich:
        """``whois``, ``block``, ``unblock``: the person behind the question.
        The whois reply is queued here, linked to its question, so that
        erasing the asker erases it too (``bot.store.privacy``)."""
        reply = await self.askers.run(o.tx, o.name, o.actor, o.question, o.now)
        if o.name != "whois":
            return reply
        draft = OutboxDraft(
            o.event.chat,
            reply,
            OutboxPurpose.STAFF_REPLY,
            reply_to_message_id=o.event.message_id,
            thread_id=o.event.thread_id,
            question_id=o.question.id,
        )
        await self.outbox.add(o.tx, draft, o.now)
        return ()

    # -- commands on a forum ------------------------------------------------

    async def _queue(self, o: Order) -> Rich:
        waiting: list[Question] = await questions.waiting(
            o.tx, tuple(f.id for f in o.forums), tuple(OPEN_STATES)
        )
        if not waiting:
            return self.wording.render("staff_queue_empty")
        lines = [self.wording.render("staff_queue_header", count=len(waiting))]
        lines.extend(self.sessions.queue_line(q) for q in waiting[:50])
        return join(lines)

    async def _next(self, o: Order) -> Rich:
        return await self.sessions.schedule_lines(o.tx, o.forums, o.now)

    async def _open(self, o: Order) -> Rich:
        return await self._session(o, opening=True)

    async def _close(self, o: Order) -> Rich:
        return await self._session(o, opening=False)

    async def _session(self, o: Order, opening: bool) -> Rich:
        if len(o.forums) > 1:
            return self.wording.render(
                "staff_which_forum", forums=", ".join(f.id for f in o.forums)
            )
        forum = o.forums[0]
        live = await session_rows.open_session(o.tx, forum.id)
        acts = (live is None) == opening  # else already open / none open: nothing to do
        outcome: audit.Outcome = "done" if acts else "invalid"
        await audit.record(o.tx, o.actor, o.name, o.now, forum_id=forum.id, outcome=outcome)
        if opening:
            return await self.sessions.open(o.tx, forum, o.now)
        return await self.sessions.close(o.tx, forum, o.now, asked_in=o.event.chat)

    # -- commands in the room -----------------------------------------------

    async def _help(self, o: Order) -> Rich:
        prefix = self._prefix(o.event)
        return join(
            [
                self.wording.render("staff_help_header"),
                STAFF_ROUTES.help_lines(self.wording, prefix, o.event.platform),
            ]
        )

    async def _alert(self, o: Order) -> Rich:
        """``alert FORUM TYPE [--no-public] [--urgent] text``. The same alert
        (forum, type and words) asked for again within ``REPEAT_WINDOW`` is
        not sent again: the reply names the first."""
        usage = self.wording.render(
            "staff_alert_usage",
            prefix=self._prefix(o.event),
            types=", ".join(t.value for t in ALERTABLE),
            forums=", ".join(f.id for f in o.forums),
        )
        parsed = self._alert_words(o.args, o.forums)
        if parsed is None:
            return usage
        forum, alert_type, urgent, to_public, text = parsed
        earlier = await alert_rows.same_since(
            o.tx, forum.id, alert_type.value, (Span(text),), o.now - REPEAT_WINDOW
        )
        if earlier is not None:  # the same alert asked for twice: it goes once
            await audit.record(o.tx, o.actor, "alert", o.now, forum_id=forum.id, outcome="invalid")
            return self.wording.render(
                "staff_alert_repeat",
                ref=earlier.id,
                type=alert_type.value,
                forum=forum.name,
                when=self.wording.clock(earlier.created_at, self.directory.zone(forum)),
            )
        alert = await self.alerts.request(
            o.tx,
            forum,
            alert_type,
            (Span(text),),
            o.now,
            urgent=urgent,
            to_public=to_public,
            requested_by=f"{o.event.platform}:{o.event.sender_id}",
            report_chat=o.event.chat,
        )
        await audit.record(
            o.tx, o.actor, "alert", o.now, forum_id=forum.id, detail=f"alert #{alert.id}"
        )
        on_public = to_public and bool(self.directory.public_rooms(forum))
        public = self.wording.text("staff_alert_public") if on_public else ""
        if alert.state == "scheduled":
            return self.wording.render(
                "staff_alert_later",
                ref=alert.id,
                type=alert_type.value,
                forum=forum.name,
                when=self.wording.when(alert.send_at, self.directory.zone(forum)),
                public=public,
            )
        return self.wording.render(
            "staff_alert_now",
            ref=alert.id,
            type=alert_type.value,
            forum=forum.name,
            total=alert.total,
            public=public,
        )

    def _alert_words(
        self, args: str, forums: list[Forum]
    ) -> tuple[Forum, AlertType, bool, bool, str] | None:
        """``FORUM TYPE [--no-public] [--urgent] text`` as (forum, type,
        urgent, to public, text); None when it is not that, or the forum is
        not one of ``forums``."""
        words = args.split()
        if len(words) < 3:
            return None
        forum = self.directory.find(words[0])
        alert_type = AlertType.parse(words[1])
        if (
            forum is None
            or forum not in forums
            or alert_type is None
            or alert_type not in ALERTABLE
        ):
            return None
        flags = {"--no-public": False, "--urgent": False}
        rest = words[2:]
        while rest and rest[0].lower() in flags:
            flags[rest.pop(0).lower()] = True
        text = args.split(None, 2 + sum(flags.values()))[-1].strip() if rest else ""
        if not text:
            return None
        return forum, alert_type, flags["--urgent"], not flags["--no-public"], text

    async def _newsletter(self, o: Order) -> Rich:
        """``newsletter [forum]``: the forum's newsletter as it would go now,
        with who would get it; ``newsletter send [forum]``: send it (nothing
        is sent when nothing is new since the last). Audited either way."""
        words = o.args.split()
        sending = bool(words) and words[0].lower() == "send"
        named = words[1:] if sending else words
        usage = self.wording.render(
            "staff_newsletter_usage",
            prefix=self._prefix(o.event),
            forums=", ".join(f.id for f in o.forums),
        )
        if len(named) > 1:
            return usage
        if named:
            found = self.directory.find(named[0])
            if found is None or found not in o.forums:
                return join(
                    [
                        self.wording.render(
                            "staff_unknown_forum",
                            given=shown(named[0]),
                            forums=", ".join(f.id for f in o.forums),
                        ),
                        usage,
                    ]
                )
            forum = found
        elif len(o.forums) > 1:
            return self.wording.render(
                "staff_which_forum", forums=", ".join(f.id for f in o.forums)
            )
        else:
            forum = o.forums[0]
        if not sending:
            return await self._newsletter_preview(o, forum)
        sent = await self.newsletters.send(
            o.tx,
            forum,
            o.now,
            requested_by=f"{o.event.platform}:{o.event.sender_id}",
            report_chat=o.event.chat,
        )
        if sent.alert is None:
            await audit.record(
                o.tx, o.actor, "newsletter", o.now, forum_id=forum.id, outcome="invalid"
            )
            return await self._nothing_new(o, forum)
        assert sent.row is not None
        await audit.record(
            o.tx,
            o.actor,
            "newsletter",
            o.now,
            forum_id=forum.id,
            detail=f"newsletter #{sent.row.id}, alert #{sent.alert.id}",
        )
        return self.newsletters.confirmation(sent)

    async def _newsletter_preview(self, o: Order, forum: Forum) -> Rich:
        digest = await self.newsletters.digest(o.tx, forum, o.now)
        await audit.record(o.tx, o.actor, "newsletter", o.now, forum_id=forum.id, detail="preview")
        if not digest.new:
            return await self._nothing_new(o, forum)
        audience = await self.newsletters.audience(o.tx, forum)
        platforms = ", ".join(
            self.wording.text(
                "staff_newsletter_audience",
                platform=self.wording.platform_name(platform),
                count=count,
            )
            for platform, count in audience.items()
        )
        heading = self.wording.render(
            "staff_newsletter_preview",
            forum=forum.name,
            forum_id=forum.id,
            total=sum(audience.values()),
            platforms=(
                self.wording.text("staff_newsletter_platforms", platforms=platforms)
                if platforms
                else ""
            ),
            prefix=self._prefix(o.event),
        )
        return join([heading, digest.body], "\n\n")

    async def _nothing_new(self, o: Order, forum: Forum) -> Rich:
        last = await newsletter_rows.last_sent(o.tx, forum.id)
        since = (
            self.wording.text(
                "staff_newsletter_since",
                when=self.wording.when(last.created_at, self.directory.zone(forum)),
            )
            if last is not None
            else ""
        )
        return self.wording.render("staff_newsletter_nothing_new", forum=forum.name, since=since)

    async def _survey(self, o: Order) -> Rich:
        reply, acted = await self.surveys.staff(
            o.tx,
            o.forums,
            o.args,
            f"{o.event.platform}:{o.event.sender_id}",
            o.event.chat,
            self._prefix(o.event),
            o.now,
        )
        await audit.record(
            o.tx,
            o.actor,
            "survey",
            o.now,
            forum_id=o.forums[0].id,
            detail=o.args.split(" ", 1)[0][:40],
            outcome="done" if acted else "invalid",
        )
        return reply


_Check = Callable[[StaffDesk, Route[StaffHandler], Order], Awaitable[Rich]]
_CHECKS: dict[Who, _Check] = {
    "officer in the room": StaffDesk._in_room,
    "officer of the forum": StaffDesk._of_forum,
    "officer of the question": StaffDesk._of_question,
}

_QUESTION: Who = "officer of the question"
_FORUM: Who = "officer of the forum"
_ROOM: Who = "officer in the room"

STAFF_ROUTES: Routes[StaffHandler] = Routes(
    Route("seen", StaffDesk._seen, _QUESTION, "seen 12", "staff_help_seen"),
    Route("approve", StaffDesk._approve, _QUESTION, "approve 12 [text]", "staff_help_approve"),
    Route("edit", StaffDesk._edit, _QUESTION, "edit 12 text", "staff_help_edit"),
    Route("reject", StaffDesk._reject, _QUESTION, "reject 12 [reason]", "staff_help_reject"),
    Route("answer", StaffDesk._answer, _QUESTION, "answer 12 text", "staff_help_answer"),
    Route("later", StaffDesk._later, _QUESTION, "later 12 [note]", "staff_help_later"),
    Route("merge", StaffDesk._merge, _QUESTION, "merge 12 7", "staff_help_merge"),
    Route("resend", StaffDesk._resend, _QUESTION, "resend 12", "staff_help_resend"),
    Route("whois", StaffDesk._asker, _QUESTION, "whois 12", "staff_help_whois"),
    Route("block", StaffDesk._asker, _QUESTION, "block 12", "staff_help_block"),
    Route("unblock", StaffDesk._asker, _QUESTION, "unblock 12", "staff_help_block"),
    Route("queue", StaffDesk._queue, _FORUM, "queue [forum]", "staff_help_queue"),
    Route("open", StaffDesk._open, _FORUM, "open [forum]", "staff_help_open"),
    Route("close", StaffDesk._close, _FORUM, "close [forum]", "staff_help_open"),
    Route("next", StaffDesk._next, _FORUM, "next [forum]", "staff_help_next"),
    Route("alert", StaffDesk._alert, _ROOM, "alert forum type text", "staff_help_alert"),
    Route(
        "survey",
        StaffDesk._survey,
        _ROOM,
        'survey forum "question" "option" ...',
        "staff_help_survey",
    ),
    Route(
        "newsletter",
        StaffDesk._newsletter,
        _ROOM,
        "newsletter [send] [forum]",
        "staff_help_newsletter",
    ),
    Route("help", StaffDesk._help, _ROOM, "help", "staff_help_help", aliases=("start",)),
)
"""The officers' commands (and, by their names, the card's buttons), in the
order the help lists them. A name no route has is "unknown command"."""
