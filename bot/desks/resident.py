"""A resident's private chat with the bot: questions, help, status, withdraw,
next sessions, and emergency guidance before anything else."""

from __future__ import annotations

import logging
import re
from datetime import datetime

from bot.delivery.outbox import Outbox
from bot.desks.admission import Admission
from bot.desks.subscription import COMMANDS as SUBSCRIPTION_COMMANDS
from bot.desks.subscription import SubscriptionDesk
from bot.desks.survey import BUTTON_PREFIX as SURVEY_BUTTON
from bot.desks.survey import SurveyDesk
from bot.edge.chat import Buttons
from bot.edge.inbound import Inbound
from bot.edge.rich import Rich, join
from bot.forum.card import card_buttons, render_card
from bot.forum.directory import ForumDirectory
from bot.forum.session import SessionService
from bot.privacy.data_rights import DataRights
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

_REFERENCE = re.compile(r"^#?(\d+)$")


def parse_reference(text: str) -> int | None:
    match = _REFERENCE.match(text.strip())
    return int(match.group(1)) if match else None


class ResidentDesk:
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

    async def handle(self, tx: Tx, event: Inbound, now: datetime) -> None:
        resident = await residents.get_or_create(
            tx, event.platform, event.sender_id, event.chat.chat_id, event.sender_handle, now
        )
        triage = assess(event.text)
        urgent = triage.urgent
        if urgent:  # first, whatever else: blocked, over a limit, or a command
            guidance = self.wording.emergency(self_harm=triage.concern is Concern.SELF_HARM)
            await self._reply(tx, resident, guidance, now, OutboxPurpose.EMERGENCY)
            log.info("urgent message concern=%s rule=%s", triage.concern, triage.reason)
        command = event.command
        if command in ("mydata", "forget"):  # data rights hold for everyone, blocked or not
            body = await self._data_rights(tx, resident, command, event.args, now)
            if body is not None:
                await self._reply(tx, resident, self._with_notice_if_new(resident, body), now)
        elif resident.blocked and not urgent:
            notice = await self.admission.hold(tx, resident, event, now)
            if notice is not None:
                await self._reply(tx, resident, notice, now)
        elif command in SUBSCRIPTION_COMMANDS:
            body, buttons = await self.subscriptions.command(tx, resident, command, event.args, now)
            await self._reply(
                tx, resident, self._with_notice_if_new(resident, body), now, buttons=buttons
            )
        elif event.button is not None and event.button.startswith(SURVEY_BUTTON):
            answered = await self.surveys.button(tx, resident, event.button, now)
            if answered is not None:
                await self._reply(tx, resident, answered, now)
        elif event.button is not None:
            chosen = await self.subscriptions.button(tx, resident, event.button, now)
            if chosen is not None:
                await self._reply(tx, resident, chosen[0], now, buttons=chosen[1])
        elif command == "survey":
            await self._reply(
                tx, resident, await self.surveys.command(tx, resident, event.args, now), now
            )
        elif (
            command is None
            and event.reply_to_message_id is not None
            and (survey := await self.surveys.of_reply(tx, resident, event.reply_to_message_id))
            is not None
        ):
            await self._reply(
                tx, resident, await self.surveys.reply(tx, resident, survey, event.text, now), now
            )
        elif command in ("start", "help"):
            await self._reply(
                tx, resident, await self._help(tx, event.platform, now, welcome=True), now
            )
        elif command in ("status", "withdraw", "next"):
            body = await self._command_reply(tx, resident, event, now)
            await self._reply(tx, resident, self._with_notice_if_new(resident, body), now)
        elif command == "ask":
            await self._ask(tx, resident, event, event.args.strip(), urgent, now)
        elif command is None and (forum := self.directory.match(event.text)) is not None:
            await self._question(tx, resident, forum, event.text, urgent, now)
        elif urgent:
            forum = await self._forum_for_urgent(tx, resident)
            await self._question(tx, resident, forum, event.text, urgent, now)
        else:
            await self._reply(
                tx,
                resident,
                await self._help(tx, event.platform, now, welcome=resident.is_new),
                now,
            )

    def _with_notice_if_new(self, resident: Resident, body: Rich) -> Rich:
        """Every first contact carries the notice."""
        return join([body, self.wording.notice()], "\n\n") if resident.is_new else body

    async def _data_rights(
        self, tx: Tx, resident: Resident, command: str, args: str, now: datetime
    ) -> Rich | None:
        if command == "mydata":
            zone = self.directory.zone(self.directory.forums[0])
            return await self.rights.my_data(tx, resident, zone)
        return await self.rights.forget(tx, resident, args, now)

    async def _command_reply(
        self, tx: Tx, resident: Resident, event: Inbound, now: datetime
    ) -> Rich:
        if event.command == "status":
            return await self._status(tx, resident)
        if event.command == "withdraw":
            return await self._withdraw(tx, resident, event, now)
        return await self.sessions.schedule_lines(tx, list(self.directory.forums), now)

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
        if forum is None:
            phrases = "\n".join(f"- {f.phrases[0]}" for f in self.directory.forums)
            await self._reply(
                tx, resident, self.wording.render("ask_which_forum", phrases=phrases), now
            )
            return
        await self._question(tx, resident, forum, text, urgent, now)

    async def _forum_for_urgent(self, tx: Tx, resident: Resident) -> Forum:
        """An urgent message without a phrase still reaches officers: in the
        forum the resident last asked, else the first forum."""
        last = await questions.last_forum_of(tx, resident.id)
        forum = self.directory.get(last) if last else None
        return forum or self.directory.forums[0]

    async def _question(
        self, tx: Tx, resident: Resident, forum: Forum, text: str, urgent: bool, now: datetime
    ) -> None:
        if not urgent:  # an emergency is always taken: officers must see it
            refusal = await self.admission.refusal(tx, resident, forum, text, now)
            if refusal is not None:
                if refusal:
                    await self._reply(tx, resident, refusal, now)
                return
        q = await questions.insert(
            tx, forum.id, resident.id, text, suggest_publishable(text), urgent, now
        )
        log.info("question received forum=%s question=#%s urgent=%s", forum.id, q.id, urgent)
        ack = join(
            [
                self.wording.render(
                    "acknowledgement",
                    forum=forum.name,
                    ref=q.id,
                    next_line="".join(
                        s.text for s in await self.sessions.next_line(tx, forum, now)
                    ),
                ),
                self.wording.notice(),
            ],
            "\n\n",
        )
        await self._reply(tx, resident, ack, now, question_id=q.id)
        await self.post_card(tx, forum, q, resident.pseudonym, now)

    async def post_card(
        self, tx: Tx, forum: Forum, q: Question, pseudonym: str, now: datetime
    ) -> None:
        duty_roles = self.directory.duty_roles(forum) if q.urgent else {}
        for room in self.directory.staff_rooms(forum):
            body = render_card(
                self.wording, q, forum.name, pseudonym, self.wording.prefix(room.platform)
            )
            card = OutboxDraft(
                room,
                body,
                OutboxPurpose.URGENT_CARD if q.urgent else OutboxPurpose.CARD,
                buttons=card_buttons(self.wording, q.id),
                question_id=q.id,
                alert_role_id=duty_roles.get(room),
            )
            await self.outbox.add(tx, card, now)

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
            parts.append(
                self.wording.render("welcome", example_phrase=self.directory.forums[0].phrases[0])
            )
        parts.append(
            self.wording.render(
                "help", prefix=self.wording.prefix(platform), forums="\n".join(lines)
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
        ref = parse_reference(event.args)
        if ref is None:
            return self.wording.render("withdraw_usage", prefix=prefix)
        q = await questions.get(tx, ref)
        if q is None or q.resident_id != resident.id:
            return self.wording.render("withdraw_not_yours", ref=ref)
        if q.state not in OPEN_STATES:
            return self.wording.render("withdraw_not_open", ref=ref, state=self.state_text(q))
        await questions.set_state(tx, q.id, questions.State.WITHDRAWN, now)
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
