"""Live sessions: opening and closing (by schedule or command), reminders,
publishing answers, and telling people when the next session is."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime, timedelta

from bot.alerts.alert import AlertType, send_time
from bot.alerts.service import AlertService
from bot.delivery.outbox import Outbox
from bot.edge.chat import ChatRef
from bot.edge.rich import Rich, join
from bot.forum.directory import ForumDirectory
from bot.forum.schedule import Occurrence, reminder_times
from bot.store import question as questions
from bot.store import session as sessions
from bot.store.database import Tx
from bot.store.outbox import OutboxDraft, OutboxPurpose
from bot.store.question import Question, State
from bot.wording.wording import Wording
from config.model import Forum

log = logging.getLogger("forumbot.session")

# How late a scheduled event may still happen: a session start or reminder
# missed by more than this (the bot was down) opens late or is skipped.
GRACE = timedelta(minutes=2)
DEFAULT_DURATION = timedelta(minutes=60)


SUMMARY_QUESTIONS = 10  # listed in a session summary; the rest are counted
SUMMARY_LINE_LENGTH = 120


class SessionService:
    """Live sessions, for the desks, moderation and the scheduler.

    Every method that takes ``tx`` works in the caller's transaction and
    queues what it causes there (public posts, staff messages, alerts to
    subscribers). ``now`` is always an aware instant; times shown are in the
    forum's zone. They raise ``sqlite3.Error`` when the database fails and
    LookupError when a platform has no declared length limit."""

    def __init__(
        self, directory: ForumDirectory, wording: Wording, outbox: Outbox, alerts: AlertService
    ) -> None:
        self.directory = directory
        self.wording = wording
        self.outbox = outbox
        self.alerts = alerts

    # -- what residents and officers are told ---------------------------------

    def next_occurrence(self, forum: Forum, now: datetime) -> Occurrence | None:
        """The forum's next scheduled session after ``now``; None without a schedule."""
        schedule = self.directory.schedule(forum)
        return schedule.next_after(now) if schedule is not None else None

    async def next_line(self, tx: Tx, forum: Forum, now: datetime) -> Rich:
        """The acknowledgement's line on sessions: live until when, the next
        one, or none announced."""
        zone = self.directory.zone(forum)
        live = await sessions.open_session(tx, forum.id)
        if live is not None:
            return self.wording.render(
                "next_line_live", until=self.wording.clock(live.ends_at, zone)
            )
        upcoming = self.next_occurrence(forum, now)
        if upcoming is None:
            return self.wording.render("next_line_none")
        return self.wording.render(
            "next_line_scheduled", when=self.wording.when(upcoming.starts_at, zone)
        )

    async def next_text(self, tx: Tx, forum: Forum, now: datetime) -> str:
        """The next session in a few words, for the residents' help: live
        until when, the local day and time of the next, or not yet scheduled."""
        zone = self.directory.zone(forum)
        live = await sessions.open_session(tx, forum.id)
        if live is not None:
            return self.wording.text("help_next_live", until=self.wording.clock(live.ends_at, zone))
        upcoming = self.next_occurrence(forum, now)
        if upcoming is None:
            return self.wording.text("help_next_none")
        return self.wording.when(upcoming.starts_at, zone)

    async def schedule_lines(self, tx: Tx, forums: list[Forum], now: datetime) -> Rich:
        """``next``: a heading and one line per forum of ``forums``, in order."""
        lines = [self.wording.render("next_header")]
        for forum in forums:
            zone = self.directory.zone(forum)
            live = await sessions.open_session(tx, forum.id)
            upcoming = self.next_occurrence(forum, now)
            if live is not None:
                line = self.wording.render(
                    "next_live_line", forum=forum.name, until=self.wording.clock(live.ends_at, zone)
                )
            elif upcoming is not None:
                line = self.wording.render(
                    "next_session_line",
                    forum=forum.name,
                    when=self.wording.when(upcoming.starts_at, zone),
                )
            else:
                line = self.wording.render("next_none_line", forum=forum.name)
            lines.append(line)
        return join(lines)

    # -- opening and closing --------------------------------------------------

    async def open(
        self, tx: Tx, forum: Forum, now: datetime, occurrence: Occurrence | None = None
    ) -> Rich:
        """Open a session: ``occurrence``'s (by the schedule, possibly late),
        or a manual one from ``now`` for the schedule's duration (60 minutes
        without one). Posts the opening publicly, sends the staff rooms the
        approved questions, and publishes answers kept for this opening.
        Returns the confirmation for the officer, or that one is already open
        (then nothing changes)."""
        zone = self.directory.zone(forum)
        live = await sessions.open_session(tx, forum.id)
        if live is not None:
            return self.wording.render(
                "staff_session_already_open",
                forum=forum.name,
                until=self.wording.clock(live.ends_at, zone),
            )
        if occurrence is not None:
            row = await sessions.insert(
                tx, forum.id, occurrence.starts_at, occurrence.ends_at, True, "open", now
            )
        else:
            schedule = forum.schedule
            duration = schedule.duration if schedule is not None else DEFAULT_DURATION
            row = await sessions.insert(tx, forum.id, now, now + duration, False, "open", now)
        until = self.wording.clock(row.ends_at, zone)
        log.info(
            "session opened forum=%s session=%s scheduled=%s late_by=%ss",
            forum.id,
            row.id,
            row.scheduled,
            int((now - row.starts_at).total_seconds()) if row.scheduled else 0,
        )
        phrase = forum.phrases[0]
        await self._to_public(
            tx,
            forum,
            "public_open",
            {"forum": forum.name, "until": until, "phrase": phrase},
            OutboxPurpose.SESSION_OPEN,
            now,
        )
        waiting = await questions.waiting(tx, (forum.id,), (State.APPROVED,))
        staff = [self.wording.render("staff_session_waiting", forum=forum.name, until=until)]
        staff.extend(self.queue_line(q) for q in waiting)
        if not waiting:
            staff.append(self.wording.render("staff_queue_empty"))
        await self._to_staff(tx, forum, join(staff), OutboxPurpose.SESSION_OPEN, now)
        for publication_id, question_id, follow_up in await sessions.waiting_publications(
            tx, forum.id
        ):
            answered = await questions.get(tx, question_id)
            if answered is not None and answered.answer is not None:
                await self._publish(tx, forum, answered, follow_up, now)
            await sessions.mark_published(tx, publication_id, row.id, now)
        return self.wording.render("staff_session_opened", forum=forum.name, until=until)

    async def close(
        self, tx: Tx, forum: Forum, now: datetime, asked_in: ChatRef | None = None
    ) -> Rich:
        """Close the forum's live session: a closing post with the count of
        answers, the summary to subscribers, the staff rooms told (but
        ``asked_in``, the room whose officer closed it: the returned
        confirmation is their reply). Returns the confirmation, or that none
        is open (then nothing changes)."""
        live = await sessions.open_session(tx, forum.id)
        if live is None:
            return self.wording.render("staff_session_not_open", forum=forum.name)
        await sessions.close(tx, live.id, now)
        count = await questions.answered_in_session(tx, live.id)
        upcoming = self.next_occurrence(forum, now)
        zone = self.directory.zone(forum)
        next_part = (
            self.wording.text("public_close_next", when=self.wording.when(upcoming.starts_at, zone))
            if upcoming is not None
            else ""
        )
        log.info("session closed forum=%s session=%s answered=%s", forum.id, live.id, count)
        await self._to_public(
            tx,
            forum,
            "public_close",
            {"forum": forum.name, "count": count, "next": next_part},
            OutboxPurpose.SESSION_CLOSE,
            now,
        )
        await self._summarise(tx, forum, live.id, count, next_part, now)
        closed = self.wording.render("staff_session_closed", forum=forum.name, count=count)
        await self._to_staff(tx, forum, closed, OutboxPurpose.SESSION_CLOSE, now, asked_in)
        return closed

    # -- answers ---------------------------------------------------------------

    async def publish_answer(
        self, tx: Tx, forum: Forum, question: Question, follow_up: bool, now: datetime
    ) -> bool:
        """Publish ``question``'s answer now if a session is live, else keep
        it for the next opening (``follow_up``: marked as a follow-up when it
        goes). Returns whether it went out now."""
        live = await sessions.open_session(tx, forum.id)
        publication_id = await sessions.add_publication(tx, question.id, forum.id, follow_up, now)
        if live is None:
            return False
        await self._publish(tx, forum, question, False, now)
        await sessions.mark_published(tx, publication_id, live.id, now)
        return True

    async def _publish(
        self, tx: Tx, forum: Forum, question: Question, follow_up: bool, now: datetime
    ) -> None:
        key = "public_follow_up" if follow_up else "public_answer"
        values = {
            "ref": question.id,
            "question": question.publishable,
            "answer": question.answer or "",
        }
        await self._to_public(
            tx, forum, key, values, OutboxPurpose.PUBLICATION, now, question_id=question.id
        )

    # -- the schedule ------------------------------------------------------------

    async def run_due(self, tx: Tx, now: datetime) -> None:
        """Do whatever the schedule says is due at ``now``: close ended sessions,
        open current ones (late if the bot was down), send reminders that are
        due and skip those whose time passed long ago."""
        for row in await sessions.all_open(tx):
            forum = self.directory.get(row.forum_id)
            if forum is not None and now >= row.ends_at:
                await self.close(tx, forum, now)
        for forum in self.directory.forums:
            schedule = self.directory.schedule(forum)
            if schedule is None:
                continue
            current = schedule.current(now)
            if (
                current is not None
                and await sessions.scheduled_at(tx, forum.id, current.starts_at) is None
            ):
                live = await sessions.open_session(tx, forum.id)
                if live is None:
                    if now - current.starts_at > GRACE:
                        log.warning(
                            "session opening late forum=%s scheduled_start=%s",
                            forum.id,
                            current.starts_at.isoformat(),
                        )
                    await self.open(tx, forum, now, current)
                else:
                    await sessions.insert(
                        tx, forum.id, current.starts_at, current.ends_at, True, "missed", now
                    )
            await self._remind(tx, forum, now)

    async def _remind(self, tx: Tx, forum: Forum, now: datetime) -> None:
        schedule = self.directory.schedule(forum)
        if schedule is None or not forum.announce_before:
            return
        horizon = max(forum.announce_before)
        zone = self.directory.zone(forum)
        for occurrence in schedule.occurrences_between(now - horizon, now + horizon + GRACE):
            for offset, at in reminder_times(occurrence, forum.announce_before):
                offset_s = int(offset.total_seconds())
                if at > now or await sessions.reminder_done(
                    tx, forum.id, occurrence.starts_at, offset_s
                ):
                    continue
                if now - at > GRACE:
                    await sessions.record_reminder(
                        tx, forum.id, occurrence.starts_at, offset_s, "skipped", now
                    )
                    log.info("reminder skipped (stale) forum=%s offset=%ss", forum.id, offset_s)
                    continue
                values = {
                    "forum": forum.name,
                    "when": self.wording.when(occurrence.starts_at, zone),
                    "phrase": forum.phrases[0],
                }
                body = self.wording.render("public_reminder", **values)
                await self._to_public(
                    tx, forum, "public_reminder", values, OutboxPurpose.REMINDER, now
                )
                await self._remind_subscribers(tx, forum, body, now)
                await sessions.record_reminder(
                    tx, forum.id, occurrence.starts_at, offset_s, "sent", now
                )

    async def _remind_subscribers(self, tx: Tx, forum: Forum, body: Rich, now: datetime) -> None:
        """Subscribers who chose reminders get the same reminder, unless it
        falls in the quiet hours: held until the morning it would come too late."""
        if send_time(now, forum.quiet_hours, self.directory.zone(forum), urgent=False) > now:
            log.info("reminder to subscribers dropped: quiet hours forum=%s", forum.id)
            return
        await self.alerts.request(tx, forum, AlertType.REMINDERS, body, now, to_public=False)

    async def _summarise(
        self, tx: Tx, forum: Forum, session_id: int, count: int, next_part: str, now: datetime
    ) -> None:
        """A short summary for subscribers who chose summaries: what was asked
        (the published text), held through the quiet hours like any alert."""
        answered = await questions.answered_texts(tx, session_id, SUMMARY_QUESTIONS)
        then = self.wording.text("summary_next", next=next_part) if next_part else ""
        lines = [self.wording.render("summary_header", forum=forum.name, count=count, next=then)]
        for ref, text in answered:
            short = " ".join(text.split())
            if len(short) > SUMMARY_LINE_LENGTH:
                short = short[: SUMMARY_LINE_LENGTH - 1].rstrip() + "…"
            lines.append(self.wording.render("summary_line", ref=ref, question=short))
        if count > len(answered):
            lines.append(self.wording.render("summary_more", count=count - len(answered)))
        await self.alerts.request(tx, forum, AlertType.SUMMARIES, join(lines), now, to_public=False)

    def next_event_at(self, now: datetime, open_ends: list[datetime]) -> datetime | None:
        """When ``run_due`` next has something to do: the earliest reminder,
        start or end after ``now`` (of the next two sessions of each forum),
        or of ``open_ends`` (the ends of sessions open now); None if nothing
        is coming."""
        candidates = [end for end in open_ends if end > now]
        for forum in self.directory.forums:
            schedule = self.directory.schedule(forum)
            if schedule is None:
                continue
            for occurrence in schedule.upcoming(now, 2):
                for _offset, at in reminder_times(occurrence, forum.announce_before):
                    if at > now:
                        candidates.append(at)
                if occurrence.starts_at > now:
                    candidates.append(occurrence.starts_at)
                if occurrence.ends_at > now:
                    candidates.append(occurrence.ends_at)
        return min(candidates) if candidates else None

    # -- helpers -------------------------------------------------------------

    def queue_line(self, question: Question) -> Rich:
        """One question in a staff queue: number, URGENT when it is, state,
        text cut to 80 characters."""
        text = question.publishable
        short = text if len(text) <= 80 else text[:79] + "…"
        if not question.urgent:
            return self.wording.render(
                "staff_queue_line", ref=question.id, state=question.state.value, text=short
            )
        more = (
            self.wording.text("staff_queue_line_more", count=question.urgent_more)
            if question.urgent_more
            else ""
        )
        return self.wording.render(
            "staff_queue_line_urgent",
            ref=question.id,
            state=question.state.value,
            more=more,
            text=short,
        )

    async def _to_public(
        self,
        tx: Tx,
        forum: Forum,
        key: str,
        values: Mapping[str, object],
        purpose: OutboxPurpose,
        now: datetime,
        question_id: int | None = None,
    ) -> None:
        """The template ``key`` with ``values`` to each of the forum's public
        rooms, in its variant for the room's platform (``key@facebook`` for
        the Page, with ``link``: the m.me link to the Page's Messenger)."""
        link = self.directory.messenger_link(forum)
        for room in self.directory.public_rooms(forum):
            body = self.wording.render_for(room.platform, key, **values, link=link)
            await self.outbox.add(
                tx, OutboxDraft(room, body, purpose, question_id=question_id), now
            )

    async def _to_staff(
        self,
        tx: Tx,
        forum: Forum,
        body: Rich,
        purpose: OutboxPurpose,
        now: datetime,
        but: ChatRef | None = None,
    ) -> None:
        """``body`` to each of the forum's staff rooms, but ``but``."""
        for room in self.directory.staff_rooms(forum):
            if room != but:
                await self.outbox.add(tx, OutboxDraft(room, body, purpose), now)
