"""A resident's private chat with the bot: questions, help, status, withdraw,
next sessions, alerts and consultations, and emergency guidance before
anything else. Commands are routed by the table ``RESIDENT_ROUTES``, after
the stages in ``PRECEDENCE``."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Literal

from bot.delivery.outbox import Outbox
from bot.desks.admission import Admission
from bot.desks.resident_edits import ResidentEdits
from bot.desks.routes import (
    Route,
    Routes,
    Who,
    misprefixed,
    not_a_reference,
    resident_command,
    resident_reference,
)
from bot.desks.staff_cards import StaffCards
from bot.desks.subscription import SubscriptionDesk
from bot.desks.survey import SurveyDesk
from bot.desks.visit import Visit
from bot.edge.chat import Buttons
from bot.edge.inbound import Inbound
from bot.edge.payload import SubscribeChoice, SurveyAnswer, unpack
from bot.edge.rich import Rich, join
from bot.forum.card import describe_attachments
from bot.forum.directory import ForumDirectory
from bot.forum.session import SessionService
from bot.privacy.data_rights import DataRights
from bot.safeguarding.language import choose, identify
from bot.safeguarding.redaction import suggest_publishable
from bot.safeguarding.triage import Concern, assess
from bot.store import question as questions
from bot.store import resident as residents
from bot.store.database import Tx
from bot.store.outbox import OutboxDraft, OutboxPurpose
from bot.store.question import OPEN_STATES, Question
from bot.store.resident import Resident
from bot.wording.wording import Wording
from config.model import Forum

log = logging.getLogger("forumbot.resident")


URGENT_FOLD_WINDOW = timedelta(minutes=10)
"""How long after a resident's URGENT question their further urgent messages
are added to it (while officers have not seen it) rather than carded anew."""
MAX_ALBUMS_REMEMBERED = 1000  # albums answered, kept so their other items get no reply


ResidentHandler = Callable[["ResidentDesk", Visit], Awaitable[None]]
Stage = Callable[["ResidentDesk", Visit], Awaitable[bool]]


class ResidentDesk(ResidentEdits):
    """The desk for residents' private chats: runs the stages of
    ``PRECEDENCE`` and the routes of ``RESIDENT_ROUTES``."""

    def __init__(
        self,
        directory: ForumDirectory,
        wording: Wording,
        outbox: Outbox,
        sessions: SessionService,
        rights: DataRights,
        admission: Admission,
        subscriptions: SubscriptionDesk,
        surveys: SurveyDesk,
    ) -> None:
        self.directory = directory
        self.wording = wording
        self.outbox = outbox
        self.sessions = sessions
        self.rights = rights
        self.admission = admission
        self.subscriptions = subscriptions
        self.surveys = surveys
        self.cards = StaffCards(directory, wording, outbox)
        # Albums (resident id, album id) already answered with "could not pass
        # on": their other items get no reply of their own. Recent ones only.
        self._albums_answered: dict[tuple[int, str], None] = {}

    async def handle(self, tx: Tx, event: Inbound, now: datetime) -> None:
        """Deal with one event from a resident's private chat, in ``tx`` (the
        intake's transaction, which also marks the event processed).

        ``event``: text, a command (``event.command`` without its prefix, and
        ``event.args``) or a press (``event.button``); its sender is found, or
        registered as a resident, by platform and user id. ``now``: when it is
        processed (aware, UTC). The stages of ``PRECEDENCE`` run in order
        until one has dealt with the event; every reply, question, card and
        notice it causes is queued in ``tx``.

        Raises ``sqlite3.Error`` when the database fails, and LookupError
        when a platform has no declared length limit: the intake then rolls
        ``tx`` back and sets the event aside."""
        resident = await residents.get_or_create(
            tx, event.platform, event.sender_id, event.chat.chat_id, event.sender_handle, now
        )
        command = resident_command(event.command, RESIDENT_ROUTES)  # "/status?" is /status
        if command != event.command:
            event = replace(event, command=command)
        # Triage reads what the resident wrote: not a command's name (in any
        # platform's prefix: "!ask ...") nor the forum's phrase before it
        # ("Bromley Police Online Forum ..."): the model was not trained on
        # them, and "police" leans towards urgent.
        said = event.args if event.command is not None else event.text
        forum = self.directory.match(said)
        said = said if forum is None else self.directory.without_phrase(forum, said)
        triage = assess(said)
        if forum is None and not triage.urgent:
            event = stop_request(plain_command(event))
        visit = Visit(tx, event, resident, triage, now)
        for _name, stage in PRECEDENCE:
            if await stage(self, visit):
                return

    # -- the stages, in the order PRECEDENCE gives ---------------------------

    async def _urgent(self, v: Visit) -> bool:
        """999 guidance first, whatever else the message is (blocked, over a
        limit, a command). To a message written in another language
        (``bot.safeguarding.language``, or the language of the danger phrase
        the triage found: ``Triage.language``; ``choose`` weighs the two),
        the guidance in that language
        before the English (the triage's model may find such a message
        urgent too). Then the stages go on."""
        event = v.event
        code = identify(event.text) if event.command is None and event.button is None else None
        code = choose(code, v.triage.language, event.text)
        notice = self.wording.in_language(code) if code is not None else None
        if notice is not None:
            await self._reply(v.tx, v.resident, notice, v.now, OutboxPurpose.EMERGENCY)
            log.info("message in another language language=%s", code)
        if v.urgent:
            guidance = self.wording.emergency(self_harm=v.triage.concern is Concern.SELF_HARM)
            await self._reply(v.tx, v.resident, guidance, v.now, OutboxPurpose.EMERGENCY)
            log.info("urgent message concern=%s rule=%s", v.triage.concern, v.triage.reason)
        return False

    async def _data_rights(self, v: Visit) -> bool:
        """``any resident`` routes (``/mydata``, ``/forget``): for everyone,
        blocked or not."""
        route = RESIDENT_ROUTES.find(v.event.command)
        if route is None or route.who != "any resident":
            return False
        if v.urgent:  # carded before anything is erased: officers must see it
            await self._urgent_card(v, v.event.args)
        await route.handler(self, v)
        return True

    async def _blocked(self, v: Visit) -> bool:
        """A blocked resident's message is held (a question stored, never
        carded) and they are told once; not an urgent one, which goes on to
        be taken."""
        if not v.resident.blocked or v.urgent:
            return False
        notice = await self.admission.hold(v.tx, v.resident, v.event, v.now)
        if notice is not None:
            await self._reply(v.tx, v.resident, notice, v.now)
        return True

    async def _press(self, v: Visit) -> bool:
        """A button: a consultation's option or the alerts chooser, by its
        payload. Anything else pressed (a payload the bot never made, a
        consultation, option or forum that no longer exists) changes nothing
        and gets ``press_unknown``: what to do instead."""
        if v.event.button is None:
            return False
        payload = unpack(v.event.button)
        if isinstance(payload, SurveyAnswer):
            answered = await self.surveys.button(v.tx, v.resident, payload, v.now)
            if answered is not None:
                await self._reply(v.tx, v.resident, answered, v.now)
                return True
        elif isinstance(payload, SubscribeChoice):
            chosen = await self.subscriptions.button(v.tx, v.resident, payload, v.now)
            if chosen is not None:
                await self._reply(v.tx, v.resident, chosen[0], v.now, buttons=chosen[1])
                return True
        prefix = self.wording.prefix(v.event.platform)
        await self._reply(
            v.tx, v.resident, self.wording.render("press_unknown", prefix=prefix), v.now
        )
        return True

    async def _command(self, v: Visit) -> bool:
        """A command in ``RESIDENT_ROUTES`` (``resident``: not blocked, which
        the stage before saw to). An unknown command goes on, as a message."""
        route = RESIDENT_ROUTES.find(v.event.command)
        if route is None:
            return False
        await route.handler(self, v)
        if v.urgent and route.name != "ask":  # ask takes it as its question already
            await self._urgent_card(v, v.event.args)
        return True

    async def _urgent_card(self, v: Visit, text: str) -> None:
        """An urgent message that came by another route (a command's words,
        a consultation's answer, an edited command) is also taken as an
        URGENT question, as any urgent message: in the forum its phrase
        names, else the forum the resident last asked (``_forum_for_urgent``).
        ``text``: what the resident wrote, without the command's name."""
        forum = self.directory.match(text) or await self._forum_for_urgent(v.tx, v.resident)
        await self._question(v.tx, v.resident, forum, text, True, v.now, v.event)

    async def _message(self, v: Visit) -> bool:
        """Anything else: an answer to a consultation (a reply to it), a
        question (starting with a forum's phrase; the limits apply unless
        urgent), an urgent message without a phrase (taken in the forum the
        resident last asked), or help. A command typed with ``/`` where the
        platform's prefix is another (``routes.misprefixed``) is told how to
        run it, unless urgent."""
        tx, event, resident, now = v.tx, v.event, v.resident, v.now
        prefix = self.wording.prefix(event.platform)
        slashed = misprefixed(event.text, prefix, RESIDENT_ROUTES) if not v.urgent else None
        if event.command is None and slashed is not None:
            hint = self.wording.render("slash_not_run", command=slashed, prefix=prefix)
            await self._reply(tx, resident, hint, now)
            return True
        if event.command is None and event.reply_to_message_id is not None:
            survey = await self.surveys.of_reply(tx, resident, event.reply_to_message_id)
            if survey is not None and v.urgent:  # an emergency, not an answer
                await self._reply(tx, resident, self._urgent_not_answer(), now)
                await self._urgent_card(v, event.text)
                return True
            if survey is not None:
                answered = await self.surveys.reply(tx, resident, survey, event.text, now)
                await self._reply(tx, resident, answered, now)
                return True
        wordless = event.command is None and not event.text.strip()
        if (
            event.album is not None
            and wordless
            and await self._album_item(tx, resident, event, now)
        ):
            return True
        forum = self.directory.match(event.text) if event.command is None else None
        if forum is None and v.urgent:
            forum = await self._forum_for_urgent(tx, resident)
        if forum is not None:
            await self._question(
                tx,
                resident,
                forum,
                event.text,
                v.urgent,
                now,
                event,
            )
            return True
        help_text = await self._help(tx, event.platform, now, welcome=resident.is_new)
        if event.attachments:  # a photo, sticker, location... with no question: say so
            not_passed = self.wording.render(
                "attachment_not_passed",
                what=describe_attachments(
                    self.wording, event.attachments, album=event.album is not None
                ),
                emergency=self.wording.contacts.emergency,
            )
            if event.album is not None:
                self._album_answered(resident.id, event.album)
            help_text = join([not_passed, help_text], "\n\n")
        await self._reply(tx, resident, help_text, now)
        return True

    async def _album_item(self, tx: Tx, resident: Resident, event: Inbound, now: datetime) -> bool:
        """An item of an album without words (Telegram sends each photo of an
        album as a message of its own, the caption on the first only). Part
        of a question: its kinds are added to the question's and, where
        photos are copied, it is copied next to the card; no reply (the
        acknowledgement already spoke of the album). Part of an album already
        answered: no reply either. True when handled here."""
        assert event.album is not None
        if (resident.id, event.album) in self._albums_answered:
            return True
        q = await questions.of_album(tx, resident.id, event.album)
        if q is None:
            return False
        await questions.add_attachments(tx, q.id, event.attachments)
        forum = self.directory.get(q.forum_id)
        copy_from = self.cards.copyable(forum, event) if forum is not None else None
        if forum is not None and copy_from is not None:
            for room in self.directory.staff_rooms(forum):
                if room.platform == copy_from.platform:
                    await self.cards.queue_copy(tx, room, forum, q, copy_from, now)
        log.info("album item folded into question=#%s kinds=%s", q.id, event.attachments)
        return True

    def _album_answered(self, resident_id: int, album: str) -> None:
        self._albums_answered[(resident_id, album)] = None
        while len(self._albums_answered) > MAX_ALBUMS_REMEMBERED:
            del self._albums_answered[next(iter(self._albums_answered))]

    # -- the routes' handlers -----------------------------------------------

    async def _mydata(self, v: Visit) -> None:
        zone = self.directory.zone(self.directory.forums[0])
        await self._answer(v, await self.rights.my_data(v.tx, v.resident, zone))

    async def _forget(self, v: Visit) -> None:
        body = await self.rights.forget(v.tx, v.resident, v.event.args, v.now)
        if body is not None:
            await self._answer(v, body)

    async def _subscribe(self, v: Visit) -> None:
        body, buttons = await self.subscriptions.subscribe(v.tx, v.resident, v.event.args, v.now)
        await self._answer(v, body, buttons)

    async def _subscriptions(self, v: Visit) -> None:
        await self._answer(v, await self.subscriptions.listing(v.tx, v.resident))

    async def _unsubscribe(self, v: Visit) -> None:
        await self._answer(v, await self.subscriptions.unsubscribe(v.tx, v.resident, v.event.args))

    async def _survey(self, v: Visit) -> None:
        if v.urgent:  # an emergency, not an answer: the command stage cards it
            await self._reply(v.tx, v.resident, self._urgent_not_answer(), v.now)
            return
        body = await self.surveys.command(v.tx, v.resident, v.event.args, v.now)
        await self._reply(v.tx, v.resident, body, v.now)  # no notice: as it always was

    def _urgent_not_answer(self) -> Rich:
        """What a resident is told when their consultation answer looks
        urgent: it goes to officers as URGENT and is not kept as the answer."""
        return self.wording.render("urgent_not_answer")

    async def _help_route(self, v: Visit) -> None:
        body = await self._help(v.tx, v.event.platform, v.now, welcome=True)
        await self._reply(v.tx, v.resident, body, v.now)

    async def _status_route(self, v: Visit) -> None:
        await self._answer(v, await self._status(v.tx, v.resident))

    async def _withdraw_route(self, v: Visit) -> None:
        await self._answer(v, await self._withdraw(v.tx, v.resident, v.event, v.now))

    async def _next(self, v: Visit) -> None:
        forums = list(self.directory.forums)
        await self._answer(v, await self.sessions.schedule_lines(v.tx, forums, v.now))

    async def _ask_route(self, v: Visit) -> None:
        await self._ask(v.tx, v.resident, v.event, v.event.args.strip(), v.urgent, v.now)

    async def _answer(self, v: Visit, body: Rich, buttons: Buttons = ()) -> None:
        """A command's reply, with the notice on a first contact."""
        await self._reply(
            v.tx, v.resident, self._with_notice_if_new(v.resident, body), v.now, buttons=buttons
        )

    def _with_notice_if_new(self, resident: Resident, body: Rich) -> Rich:
        """Every first contact carries the notice."""
        return join([body, self.wording.notice()], "\n\n") if resident.is_new else body

    async def _ask(
        self, tx: Tx, resident: Resident, event: Inbound, text: str, urgent: bool, now: datetime
    ) -> None:
        prefix = self.wording.prefix(event.platform)
        if not text:
            await self._reply(tx, resident, self.wording.render("ask_empty", prefix=prefix), now)
            return
        forum = self.directory.match(text)
        if forum is None and len(self.directory.forums) == 1:
            forum = self.directory.forums[0]
        if forum is None and urgent:  # an emergency is always taken
            forum = await self._forum_for_urgent(tx, resident)
        if forum is None:
            phrases = "\n".join(
                self.wording.text("ask_which_forum_line", phrase=f.phrases[0])
                for f in self.directory.forums
            )
            await self._reply(
                tx, resident, self.wording.render("ask_which_forum", phrases=phrases), now
            )
            return
        await self._question(tx, resident, forum, text, urgent, now, event)

    async def _forum_for_urgent(self, tx: Tx, resident: Resident) -> Forum:
        """An urgent message without a phrase still reaches officers: in the
        forum the resident last asked, else the first forum."""
        last = await questions.last_forum_of(tx, resident.id)
        forum = self.directory.get(last) if last else None
        return forum or self.directory.forums[0]

    async def _question(
        self,
        tx: Tx,
        resident: Resident,
        forum: Forum,
        text: str,
        urgent: bool,
        now: datetime,
        event: Inbound,
    ) -> None:
        if not urgent and self.directory.is_only_phrase(forum, text):
            # Only the forum's name: nothing to ask officers yet.
            only = self.wording.render_for(
                resident.platform, "phrase_only", example_phrase=forum.phrases[0]
            )
            await self._reply(tx, resident, only, now)
            return
        if not urgent:  # an emergency is always taken: officers must see it
            refusal = await self.admission.refusal(tx, resident, forum, text, now)
            if refusal is not None:
                await self._reply(tx, resident, refusal, now)
                return
        publishable = suggest_publishable(self.directory.without_phrase(forum, text))
        if urgent and await self._folded(tx, resident, forum, text, publishable, now):
            return
        q = await questions.insert(
            tx,
            forum.id,
            resident.id,
            text,
            publishable,
            urgent,
            now,
            attachments=event.attachments,
            forwarded=event.forwarded,
            source_message_id=event.message_id,
            album=event.album,
        )
        log.info("question received forum=%s question=#%s urgent=%s", forum.id, q.id, urgent)
        copy_from = self.cards.copyable(forum, event)
        parts = [
            self.wording.render_for(
                event.platform,
                "acknowledgement",
                forum=forum.name,
                ref=q.id,
                next_line="".join(s.text for s in await self.sessions.next_line(tx, forum, now)),
            )
        ]
        parts.extend(
            self.cards.attachments_ack(forum, event.attachments, copy_from, event.album is not None)
        )
        parts.append(self.wording.notice())
        await self._reply(tx, resident, join(parts, "\n\n"), now, question_id=q.id)
        await self.cards.post(tx, forum, q, resident.pseudonym, now, copy_from, burst=event.burst)

    async def _folded(
        self, tx: Tx, resident: Resident, forum: Forum, text: str, publishable: str, now: datetime
    ) -> bool:
        """A flood makes one URGENT card, not one each: an urgent message
        from a resident whose URGENT question in ``forum`` came in within
        ``URGENT_FOLD_WINDOW`` and is not yet seen (no "Seen", not acted on,
        not escalated) is added to that question, whose card is not sent
        again but edited where it was posted (``StaffCards.rewrite``: "+N more
        urgent messages" and their words); the escalation, ``queue`` and the
        "Seen" reply show it too. The resident is told it was added.
        Returns whether it was folded."""
        open_one = await questions.unseen_urgent_of(
            tx, resident.id, forum.id, now - URGENT_FOLD_WINDOW
        )
        if open_one is None:
            return False
        await questions.fold_urgent(tx, open_one.id, text, publishable, now)
        folded = await questions.get(tx, open_one.id)
        if folded is not None:
            await self.cards.rewrite(tx, forum, folded, resident.pseudonym, now, edited=False)
        log.info(
            "urgent message folded into question=#%s forum=%s (%s more)",
            open_one.id,
            forum.id,
            open_one.urgent_more + 1,
        )
        added = self.wording.render("urgent_added", ref=open_one.id, forum=forum.name)
        await self._reply(tx, resident, added, now, question_id=open_one.id)
        return True

    async def _help(self, tx: Tx, platform: str, now: datetime, welcome: bool) -> Rich:
        lines = []
        for forum in self.directory.forums:
            lines.append(
                self.wording.text(
                    "help_forum_line",
                    name=forum.name,
                    phrase=forum.phrases[0],
                    next=await self.sessions.next_text(tx, forum, now),
                )
            )
        parts: list[Rich] = []
        if welcome:
            example = self.directory.forums[0].phrases[0]
            parts.append(self.wording.render_for(platform, "welcome", example_phrase=example))
        parts.append(
            self.wording.render_for(
                platform, "help", prefix=self.wording.prefix(platform), forums="\n".join(lines)
            )
        )
        parts.append(self.wording.notice())
        return join(parts, "\n\n")

    async def _status(self, tx: Tx, resident: Resident) -> Rich:
        mine = await questions.of_resident(tx, resident.id)
        if not mine:
            return self.wording.render("status_none")
        lines = [self.wording.render("status_header")]
        for q in reversed(mine):
            forum = self.directory.get(q.forum_id)
            lines.append(
                self.wording.render(
                    "status_line",
                    ref=q.id,
                    forum=forum.name if forum else q.forum_id,
                    state=self.state_text(q),
                )
            )
        return join(lines)

    def state_text(self, q: Question) -> str:
        return self.wording.text(f"state_{q.state.value}", other=q.merged_into or "")

    async def _withdraw(self, tx: Tx, resident: Resident, event: Inbound, now: datetime) -> Rich:
        prefix = self.wording.prefix(event.platform)
        ref = resident_reference(event.args)
        if ref is None:
            usage = self.wording.render("withdraw_usage", prefix=prefix)
            if not event.args.strip():
                return usage
            return join([not_a_reference(self.wording, event.args), usage])
        q = await questions.get(tx, ref)
        if q is None or q.resident_id != resident.id:
            return self.wording.render("withdraw_not_yours", ref=ref)
        if q.state not in OPEN_STATES:
            return self.wording.render("withdraw_not_open", ref=ref, state=self.state_text(q))
        await questions.set_state(tx, q.id, questions.State.WITHDRAWN, now)
        await self.cards.refresh.refresh(tx, q.id, now)
        log.info("question withdrawn forum=%s question=#%s", q.forum_id, q.id)
        forum = self.directory.get(q.forum_id)
        if forum is not None:
            for room in self.directory.staff_rooms(forum):
                notice = self.wording.render("staff_withdrawn", ref=q.id)
                await self.outbox.add(
                    tx,
                    OutboxDraft(room, notice, OutboxPurpose.STAFF_NOTICE, question_id=q.id),
                    now,
                )
        return self.wording.render("withdraw_done", ref=ref)

    async def _reply(
        self,
        tx: Tx,
        resident: Resident,
        body: Rich,
        now: datetime,
        purpose: OutboxPurpose = OutboxPurpose.REPLY,
        question_id: int | None = None,
        buttons: Buttons = (),
    ) -> None:
        reply = OutboxDraft(
            resident.chat,
            body,
            purpose,
            buttons=buttons,
            question_id=question_id,
            resident_id=resident.id,
        )
        await self.outbox.add(tx, reply, now)


STOP_WORDS = frozenset(
    {
        "stop",
        "stopall",
        "stop all",
        "stop alerts",
        "stop all alerts",
        "stop messages",
        "stop all messages",
        "stop everything",
        "unsubscribe",
        "unsubscribe me",
        "unsubscribe all",
        "unsubscribe everything",
    }
)
"""What residents send to stop alerts, as text messages are stopped (with or
without a prefix, in any case, "please" and punctuation aside): each is
``unsubscribe`` from everything (docs/decisions.md "STOP stops alerts")."""


def stop_request(event: Inbound) -> Inbound:
    """``event`` as ``unsubscribe`` (everything) when it is only one of
    ``STOP_WORDS``: not a press, a reply, an edit, an album or with
    attachments. Otherwise ``event``."""
    if (
        event.button is not None
        or event.reply_to_message_id is not None
        or event.edited
        or event.album is not None
        or event.attachments
    ):
        return event
    said = f"{event.command} {event.args}" if event.command is not None else event.text
    words = re.sub(r"[^\w\s]", " ", said.casefold()).split()
    if " ".join(w for w in words if w != "please") not in STOP_WORDS:
        return event
    log.info("stop request read as unsubscribe")
    return replace(event, command="unsubscribe", args="")


def plain_command(event: Inbound) -> Inbound:
    """``event`` as the command its words are, when a resident wrote one
    without the prefix (``status``, ``withdraw 3``: ``Routes.plain_command``)
    in a message of only words: not a press, a reply (a consultation's
    free-text answer), an edit, an album, nor one with attachments. The
    caller checks first that it is not a question (the forum's phrase) and
    not urgent: those are never read as commands. Otherwise ``event``."""
    if (
        event.command is not None
        or event.button is not None
        or event.reply_to_message_id is not None
        or event.edited
        or event.album is not None
        or event.attachments
    ):
        return event
    found = RESIDENT_ROUTES.plain_command(event.text)
    if found is None:
        return event
    log.info("command written without its prefix command=%s", found[0])
    return replace(event, command=found[0], args=found[1])


_ANY: Who = "any resident"
_RESIDENT: Who = "resident"
_ALONE: Literal["alone"] = "alone"
_ARGS: Literal["with arguments"] = "with arguments"

RESIDENT_ROUTES: Routes[ResidentHandler] = Routes(
    Route("ask", ResidentDesk._ask_route, _RESIDENT, "ask your question"),
    Route("status", ResidentDesk._status_route, _RESIDENT, "status", plain=_ALONE),
    Route("withdraw", ResidentDesk._withdraw_route, _RESIDENT, "withdraw #12", plain=_ARGS),
    Route("next", ResidentDesk._next, _RESIDENT, "next", plain=_ALONE),
    Route("mydata", ResidentDesk._mydata, _ANY, "mydata", plain=_ALONE),
    Route("forget", ResidentDesk._forget, _ANY, "forget [confirm]", plain=_ARGS),
    Route("help", ResidentDesk._help_route, _RESIDENT, "help", aliases=("start",), plain=_ALONE),
    Route("subscribe", ResidentDesk._subscribe, _RESIDENT, "subscribe [postcode]", plain=_ARGS),
    Route("subscriptions", ResidentDesk._subscriptions, _RESIDENT, "subscriptions", plain=_ALONE),
    Route(
        "unsubscribe",
        ResidentDesk._unsubscribe,
        _RESIDENT,
        "unsubscribe [forum] [type]",
        plain=_ARGS,
    ),
    Route("survey", ResidentDesk._survey, _RESIDENT, "survey 3 your answer", plain=_ARGS),
)
"""Residents' commands, in the order the help (the ``help`` template, prose
written for residents) mentions them. A command no route has is read as a
message."""

PRECEDENCE: tuple[tuple[str, Stage], ...] = (
    ("urgent", ResidentDesk._urgent),
    ("edit", ResidentDesk._edit),
    ("data rights", ResidentDesk._data_rights),
    ("blocked", ResidentDesk._blocked),
    ("press", ResidentDesk._press),
    ("command", ResidentDesk._command),
    ("message", ResidentDesk._message),
)
"""What a resident's event meets, in order; each stage either deals with it
(and the rest are skipped) or passes it on:

1. urgent: 999 guidance, whatever the event is; always passes it on, and
   the stages after treat it as urgent (never held, never over a limit);
   edit: an edit of an earlier message updates the question it made, if
   officers have not acted on it, and is never run as a command; an edit
   that makes a question goes on to the message stage;
2. data rights: ``/mydata`` and ``/forget`` (``any resident`` routes),
   for everyone, blocked or not;
3. blocked: anything else from a blocked resident is held (not if urgent);
4. press: a button, by its payload (``bot.edge.payload``); one the bot
   never made, or for what no longer exists, gets ``press_unknown``;
5. command: a route of ``RESIDENT_ROUTES``;
6. message: a reply to a consultation, a question (the limits are checked
   here, for questions that are not urgent), an urgent message without a
   forum's phrase, else help.
"""
