"""Consultations. Officers: ``survey FORUM "question" "option" ...`` (free
text when no options), ``survey results 3``, ``survey close 3``. Residents
who chose consultations answer with the buttons, by replying to the survey,
or with ``/survey 3 answer``; one answer each, changeable until it closes.
Only residents who get the forum's consultations are counted: a number
guessed or passed on, or answered after stopping them, is told how to
take part."""

from __future__ import annotations

import logging
import shlex
from collections import Counter
from datetime import datetime

from bot.alerts.alert import AlertType
from bot.alerts.service import AlertService
from bot.desks.routes import REPEAT_WINDOW, not_a_reference, parse_reference, resident_reference
from bot.edge.chat import Button, Buttons, ChatRef
from bot.edge.payload import SurveyAnswer
from bot.edge.rich import Rich, join
from bot.forum.directory import ForumDirectory
from bot.store import subscription as subscriptions
from bot.store import survey as surveys
from bot.store.database import Tx
from bot.store.resident import Resident
from bot.store.survey import ANSWER_LENGTH, Survey
from bot.wording.wording import Wording
from config.model import Forum

log = logging.getLogger("forumbot.surveys")

MAX_OPTIONS = 8
TEXT_ANSWERS_SHOWN = 20
BUTTON_LABEL_LENGTH = 80  # Discord's limit for a button's label
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})


class SurveyDesk:
    """Consultations, for the staff desk (``survey`` in a staff room) and the
    resident desk (presses, replies, ``/survey``). Every method works in the
    caller's transaction and returns the reply to queue; they raise
    ``sqlite3.Error`` when the database fails."""

    def __init__(self, directory: ForumDirectory, wording: Wording, alerts: AlertService) -> None:
        self.directory = directory
        self.wording = wording
        self.alerts = alerts

    # -- officers -----------------------------------------------------------

    async def staff(
        self,
        tx: Tx,
        forums: list[Forum],
        args: str,
        officer: str,
        room: ChatRef,
        prefix: str,
        now: datetime,
    ) -> tuple[Rich, bool]:
        """``survey FORUM "question" "option" ...`` (a new consultation, sent
        as an alert), ``survey results 3`` or ``survey close 3``, with
        ``args`` what follows ``survey``. ``forums``: those the sender is an
        officer of, in this room; a forum or survey outside them gets the
        usage or "unknown". ``officer``: who asks, as ``platform:user_id``;
        ``room``: the staff room, told of the alert's progress; ``prefix``:
        the room's command prefix. Returns the reply, and whether the command
        was carried out (False for the usage, an unknown survey, a repeat of
        a consultation or closing a closed one: nothing changed)."""
        usage = self.wording.render("staff_survey_usage", prefix=prefix)
        try:
            words = shlex.split(args.translate(_QUOTES))
        except ValueError:
            return usage, False
        if len(words) == 2 and words[0].lower() in ("results", "close"):
            ref = parse_reference(words[1])
            if ref is None:
                return join([usage, not_a_reference(self.wording, words[1], "consultation")]), False
            survey = await self._survey_of(tx, ref, forums)
            if survey is None:
                return self.wording.render("staff_survey_unknown", ref=ref), False
            if words[0].lower() == "close":
                if not survey.open:  # closed already: its results, nothing changed
                    return await self.results(tx, survey), False
                await surveys.close(tx, survey.id, now)
                log.info("survey closed survey=%s", survey.id)
                return await self.results(tx, survey, closed_now=True), True
            return await self.results(tx, survey), True
        if len(words) < 2 or len(words) > 2 + MAX_OPTIONS:
            return usage, False
        forum = self.directory.find(words[0])
        if forum is None or forum not in forums:
            return usage, False
        for number, option in enumerate(words[2:], start=1):
            if len(option) > BUTTON_LABEL_LENGTH:  # a button would cut it: say so instead
                too_long = self.wording.render(
                    "staff_survey_option_too_long",
                    number=number,
                    length=len(option),
                    limit=BUTTON_LABEL_LENGTH,
                )
                return too_long, False
        return await self._create(tx, forum, words[1], words[2:], officer, room, prefix, now)

    async def _create(
        self,
        tx: Tx,
        forum: Forum,
        question: str,
        options: list[str],
        officer: str,
        room: ChatRef,
        prefix: str,
        now: datetime,
    ) -> tuple[Rich, bool]:
        """A new consultation, sent as an alert to those who chose consultations.
        The same consultation asked again within ``REPEAT_WINDOW`` (a command
        sent twice) is not sent again: the reply names the first (and False)."""
        earlier = await surveys.same_since(tx, forum.id, question, options, now - REPEAT_WINDOW)
        if earlier is not None:
            repeat = self.wording.render(
                "staff_survey_repeat",
                ref=earlier.id,
                when=self.wording.clock(earlier.created_at, self.directory.zone(forum)),
            )
            return repeat, False
        survey_id = await surveys.create(tx, forum.id, question, options, officer, now)
        # How to answer is added per platform as it fans out (AlertService).
        body = self.wording.render(
            "survey_alert", ref=survey_id, forum=forum.name, question=question
        )
        alert = await self.alerts.request(
            tx,
            forum,
            AlertType.CONSULTATIONS,
            body,
            now,
            to_public=False,
            requested_by=officer,
            report_chat=room,
            buttons=answer_buttons(survey_id, options),
        )
        await surveys.set_alert(tx, survey_id, alert.id)
        log.info("survey created survey=%s forum=%s alert=#%s", survey_id, forum.id, alert.id)
        key = "staff_survey_later" if alert.state == "scheduled" else "staff_survey_sent"
        sent = self.wording.render(
            key,
            ref=survey_id,
            alert=alert.id,
            total=alert.total,
            when=self.wording.when(alert.send_at, self.directory.zone(forum)),
            prefix=prefix,
        )
        return sent, True

    async def _survey_of(self, tx: Tx, ref: int, forums: list[Forum]) -> Survey | None:
        survey = await surveys.get(tx, ref)
        if survey is None or survey.forum_id not in {f.id for f in forums}:
            return None
        return survey

    async def results(self, tx: Tx, survey: Survey, closed_now: bool = False) -> Rich:
        """The answers so far: a count and share per option, or the latest
        free-text answers (``TEXT_ANSWERS_SHOWN``)."""
        answers = await surveys.answers(tx, survey.id)
        state = "survey_state_closed" if not survey.open or closed_now else "survey_state_open"
        lines = [
            self.wording.render(
                "staff_survey_results",
                ref=survey.id,
                question=survey.question,
                count=len(answers),
                state=self.wording.text(state),
            )
        ]
        if survey.options:
            counts = Counter(a.choice for a in answers)
            for index, option in enumerate(survey.options):
                n = counts.get(index, 0)
                share = round(100 * n / len(answers)) if answers else 0
                lines.append(
                    self.wording.render("staff_survey_option", option=option, count=n, share=share)
                )
        else:
            for a in answers[-TEXT_ANSWERS_SHOWN:]:
                lines.append(self.wording.render("staff_survey_text", text=a.text or ""))
            if len(answers) > TEXT_ANSWERS_SHOWN:
                lines.append(
                    self.wording.render(
                        "staff_survey_more", count=len(answers) - TEXT_ANSWERS_SHOWN
                    )
                )
        return join(lines)

    # -- residents ----------------------------------------------------------

    async def button(
        self, tx: Tx, resident: Resident, answer: SurveyAnswer, now: datetime
    ) -> Rich | None:
        """A press on a consultation's option; None for a consultation or
        option that does not exist."""
        survey = await surveys.get(tx, answer.survey_id)
        if survey is None or answer.option >= len(survey.options):
            return None
        return await self._answer(tx, resident, survey, answer.option, None, now)

    async def command(self, tx: Tx, resident: Resident, args: str, now: datetime) -> Rich:
        """``/survey 3 answer``: an option by its number or words, or free text."""
        prefix = self.wording.prefix(resident.platform)
        given, _, text = args.strip().partition(" ")
        ref = resident_reference(given)
        usage = self.wording.render_for(resident.platform, "survey_usage", prefix=prefix)
        if given and ref is None:
            return join([not_a_reference(self.wording, given, "consultation"), usage])
        survey = await surveys.get(tx, ref) if ref is not None else None
        if survey is None or not text.strip():
            return usage
        return await self.reply(tx, resident, survey, text, now)

    async def reply(
        self, tx: Tx, resident: Resident, survey: Survey, text: str, now: datetime
    ) -> Rich:
        """``text`` as the resident's answer: an option by its number or
        words, or free text of at most ``ANSWER_LENGTH`` characters; a longer
        one is refused with its length and the limit, and nothing is kept
        (an earlier answer stays)."""
        text = text.strip()
        if not survey.options:
            return await self._answer(tx, resident, survey, None, text, now)
        wanted = text.lower().strip(" .!")
        for index, option in enumerate(survey.options):
            if wanted in (str(index + 1), option.lower()):
                return await self._answer(tx, resident, survey, index, None, now)
        return self.wording.render(
            "survey_pick_option",
            ref=survey.id,
            options=", ".join(f"{i + 1}. {o}" for i, o in enumerate(survey.options)),
        )

    async def of_reply(self, tx: Tx, resident: Resident, message_id: str) -> Survey | None:
        """The survey whose message (platform id ``message_id``, in the
        resident's chat) the resident replied to, if it is one."""
        return await surveys.of_delivery(tx, resident.platform, resident.chat_id, message_id)

    async def _answer(
        self,
        tx: Tx,
        resident: Resident,
        survey: Survey,
        choice: int | None,
        text: str | None,
        now: datetime,
    ) -> Rich:
        if not survey.open:
            return self.wording.render("survey_closed", ref=survey.id)
        if (survey.forum_id, AlertType.CONSULTATIONS.value) not in await subscriptions.of_resident(
            tx, resident.id
        ):  # a number guessed or passed on, or consultations stopped since: not counted
            forum = self.directory.find(survey.forum_id)
            return self.wording.render_for(
                resident.platform,
                "survey_not_subscribed",
                ref=survey.id,
                forum=forum.name if forum is not None else survey.forum_id,
                prefix=self.wording.prefix(resident.platform),
            )
        if text is not None and len(text) > ANSWER_LENGTH:
            return self.wording.render(
                "survey_too_long", ref=survey.id, length=len(text), limit=ANSWER_LENGTH
            )
        changed = await surveys.answer(tx, survey.id, resident.id, choice, text, now)
        shown = survey.options[choice] if choice is not None else (text or "")
        return self.wording.render(
            "survey_changed" if changed else "survey_thanks", ref=survey.id, answer=shown
        )


def answer_buttons(survey_id: int, options: list[str]) -> Buttons:
    """A button per option (``survey:3:0`` for the first), one a row; two a
    row past five options, as Discord shows at most five rows of buttons.
    Each option is at most ``BUTTON_LABEL_LENGTH`` characters (``staff``
    refuses longer ones), so a label is never cut."""
    choices = [
        Button(option, SurveyAnswer(survey_id, index).pack())
        for index, option in enumerate(options)
    ]
    per_row = 1 if len(choices) <= 5 else 2
    return tuple(tuple(choices[i : i + per_row]) for i in range(0, len(choices), per_row))
