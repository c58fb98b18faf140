"""A resident's rights over their data: see everything held about them
(``mydata``) and have it erased (``forget``, with a confirmation step)."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from bot.delivery.outbox import Outbox
from bot.edge.rich import Rich, join
from bot.forum.directory import ForumDirectory
from bot.privacy.erasure import Erasure
from bot.store import privacy
from bot.store import question as questions
from bot.store import resident as residents
from bot.store import subscription as subscriptions
from bot.store import survey as surveys
from bot.store.component import PrivacyHooks
from bot.store.database import Tx
from bot.store.outbox import OutboxDraft, OutboxPurpose
from bot.store.resident import Resident
from bot.wording.wording import Wording

log = logging.getLogger("forumbot.data_rights")

CONFIRM_WORDS = ("confirm", "yes")
ALL_QUESTIONS = 10_000


def confirmed(args: str) -> bool:
    """Whether ``forget``'s arguments confirm the erasure: one of
    ``CONFIRM_WORDS`` in any case, with punctuation and "please" around it
    as residents write it (``Confirm.``, ``confirm please``, ``yes!``)."""
    words = [w for w in re.sub(r"[^\w\s]", " ", args.casefold()).split() if w != "please"]
    return len(words) == 1 and words[0] in CONFIRM_WORDS


class DataRights:
    def __init__(
        self,
        directory: ForumDirectory,
        wording: Wording,
        outbox: Outbox,
        retention: timedelta,
        hooks: Sequence[PrivacyHooks] = (),
        erased: Callable[[], None] = lambda: None,
    ) -> None:
        """``hooks``: how erasure reaches copies kept outside the core's
        tables (``Database.privacy_hooks``); ``erased``: called inside the
        transaction that erases (``Database.erased``: the write-ahead log is
        truncated once it commits)."""
        self.directory = directory
        self.wording = wording
        self.outbox = outbox
        self.retention = retention
        self.hooks = tuple(hooks)
        self.erased = erased
        self.erasure = Erasure(wording)

    def _forum_name(self, forum_id: str) -> str:
        forum = self.directory.get(forum_id)
        return forum.name if forum else forum_id

    async def my_data(self, tx: Tx, resident: Resident, zone: str) -> Rich:
        """Everything held about the resident, as one message (split if long)."""
        w = self.wording
        first_seen, last_seen = await residents.seen(tx, resident.id)
        deliveries = await privacy.deliveries_held_for(
            tx, resident.id, resident.platform, resident.chat_id
        )
        parts: list[Rich] = [
            w.render("mydata_header"),
            w.render(
                w.templates.for_platform("mydata_account", resident.platform),
                platform=resident.platform.capitalize(),
                user_id=resident.user_id,
                handle=f" (@{resident.handle})" if resident.handle else "",
                pseudonym=resident.pseudonym,
                first_seen=w.when(first_seen, zone),
                last_seen=w.when(last_seen, zone),
                deliveries=deliveries,
            ),
        ]
        if resident.blocked:
            parts.append(w.render("mydata_flag_blocked"))
        mine = await questions.of_resident(tx, resident.id, limit=ALL_QUESTIONS)
        if not mine:
            parts.append(w.render("mydata_no_questions"))
        for q in reversed(mine):
            forum = self.directory.get(q.forum_id)
            lines: list[Rich] = [
                w.render(
                    "mydata_question",
                    ref=q.id,
                    forum=forum.name if forum else q.forum_id,
                    state=w.text(f"state_{q.state.value}", other=q.merged_into or ""),
                    asked=w.when(q.created_at, zone),
                    text=q.text,
                    publishable=q.publishable,
                )
            ]
            if q.answer:
                lines.append(w.render("mydata_answer", answer=q.answer))
            parts.append(join(lines))
        chosen = await subscriptions.of_resident(tx, resident.id)
        if chosen:
            alerts = ", ".join(
                f"{self._forum_name(f)}: {w.text(f'alert_type_{t}')}" for f, t in chosen
            )
            parts.append(w.render("mydata_subscriptions", alerts=alerts))
        for survey, answer in await surveys.answers_of_resident(tx, resident.id):
            shown = survey.options[answer.choice] if answer.choice is not None else answer.text
            parts.append(
                w.render(
                    "mydata_survey_answer",
                    ref=survey.id,
                    question=survey.question,
                    answer=shown or "",
                )
            )
        parts.append(
            w.render_for(
                resident.platform,
                "mydata_retention",
                retention=self.wording.duration(self.retention),
                prefix=w.prefix(resident.platform),
            )
        )
        return join(parts, "\n\n")

    async def forget(self, tx: Tx, resident: Resident, args: str, now: datetime) -> Rich | None:
        """Without confirmation: what would happen, and how to confirm. With it:
        erase, queue the answer to the resident, and return None."""
        w = self.wording
        if not confirmed(args):
            return w.render(
                "forget_confirm",
                platform=resident.platform.capitalize(),
                prefix=w.prefix(resident.platform),
            )
        done = await privacy.forget(
            tx,
            resident.id,
            resident.platform,
            resident.chat_id,
            now,
            self.hooks,
            self.erasure.copy_for("forgotten"),
        )
        # The cards and whois replies already posted are edited to say the same.
        edits = await self.erasure.edit_posted(tx, done.posted, "forgotten", now)
        self.erased()
        log.info(
            "resident forgotten on request; withdrawn=%s staff_messages_edited=%s",
            len(done.withdrawn),
            edits,
        )
        for question_id, forum_id in done.withdrawn:
            forum = self.directory.get(forum_id)
            for room in self.directory.staff_rooms(forum) if forum else ():
                notice = w.render("staff_withdrawn", ref=question_id)
                await self.outbox.add(
                    tx,
                    OutboxDraft(room, notice, OutboxPurpose.STAFF_NOTICE, question_id=question_id),
                    now,
                )
        refs = ", ".join(f"#{question_id}" for question_id, _ in done.withdrawn)
        key = "forget_done_blocked" if done.block_kept else "forget_done"
        body = w.render(
            w.templates.for_platform(key, resident.platform),  # forget_done@email
            platform=resident.platform.capitalize(),
            withdrawn_line=w.text("forget_withdrawn_line", refs=refs) if refs else "",
            kept_line=(
                w.text("forget_kept_line", count=done.published_kept) if done.published_kept else ""
            ),
        )
        # Not linked to the resident (they no longer exist here); the purge
        # deletes this copy as soon as it is sent.
        await self.outbox.add(tx, OutboxDraft(resident.chat, body, OutboxPurpose.FORGOTTEN), now)
        return None
