"""The forum's newsletter: a digest of the last session's published answers,
the next sessions and the alerts sent since the last newsletter, sent to the
subscribers who chose the alert type ``newsletter`` through the same outbox
as any alert (one row per subscriber, reported like an alert), by the
forum's own schedule (``Forum.newsletter``) or when an officer says so
(``/newsletter send``).

Only what was published goes in it: the question as officers approved it
for the public and their answer (``bot.store.archive``), never the text as
received; alerts as their officers wrote them. Its title and sections are
heading templates (``# ...``, ``## ...``): ``Span.heading`` levels an
e-mail's HTML can make headings of, bold on the chat apps.

When it goes by itself: ``after_sessions``, the day after a session
closed at ``Newsletter.at`` local time; an RRULE, at each of its times from
``first``; ``off``, never. Each time it is due is recorded once it is dealt
with (``bot.store.newsletter``), so a restart never sends it twice; a time
missed by more than ``LATE_LIMIT`` (the bot was down) is not sent late, and
one with nothing new since the last newsletter sends nothing (recorded as
such)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.alerts.alert import AlertType
from bot.alerts.service import OFFICERS_TYPES, AlertService
from bot.edge.chat import ChatRef
from bot.edge.rich import Rich, join, plain
from bot.forum.directory import ForumDirectory
from bot.forum.schedule import SessionSchedule
from bot.store import archive
from bot.store import newsletter as rows
from bot.store.alert import Alert
from bot.store.database import Tx
from bot.store.newsletter import NewsletterRow
from bot.store.outbox import OutboxDraft, OutboxPurpose
from bot.wording.wording import Wording
from config.model import Forum
from config.newsletter import AFTER_SESSIONS, OFF

log = logging.getLogger("forumbot.newsletter")

LATE_LIMIT = timedelta(hours=6)
"""How late a scheduled newsletter may still go (the bot was down when it
was due); later, that time is passed over and the next one carries the news."""

FIRST_LOOKBACK = timedelta(days=14)
"""Before a forum's first newsletter, the alerts it lists are those of this long."""

ANSWERS = 20  # listed; the rest are counted, with the archive's link where there is one
ALERTS = 10  # listed (the latest); the rest are counted
UPCOMING = 3  # sessions listed
ALERT_LENGTH = 400  # characters of an alert's words, then "…"
ALERT_TYPES = tuple(sorted(OFFICERS_TYPES))
"""The alerts a newsletter lists: the officers' own (advice, appeals,
outcomes); reminders, summaries and consultations are what its other
sections say, or ask for an answer it cannot take."""


@dataclass(frozen=True)
class Digest:
    """One forum's newsletter as it would go now. ``body``: its words;
    ``new``: whether anything in it is new since the last newsletter (new
    answers or alerts; the next sessions alone are not news); ``session_id``:
    the last closed session (None: none yet); counts of what it lists."""

    forum: Forum
    body: Rich
    new: bool
    session_id: int | None
    answers: int
    alerts: int
    upcoming: int


@dataclass(frozen=True)
class Sent:
    """What ``Newsletters.send`` did: the digest, and the alert that fans
    it out (None: nothing new, nothing sent)."""

    digest: Digest
    alert: Alert | None
    row: NewsletterRow | None


class Newsletters:
    """Newsletters for the staff desk (``/newsletter``) and the scheduler.
    Every method that takes ``tx`` works in the caller's transaction and
    raises ``sqlite3.Error`` when the database fails."""

    def __init__(self, directory: ForumDirectory, wording: Wording, alerts: AlertService) -> None:
        self.directory = directory
        self.wording = wording
        self.alerts = alerts
        self._rules: dict[str, SessionSchedule] = {}
        for forum in directory.forums:
            config = forum.newsletter
            if config.schedule not in (AFTER_SESSIONS, OFF) and config.first is not None:
                # A schedule of instants: a "session" of a minute at each.
                self._rules[forum.id] = SessionSchedule(
                    config.first, config.schedule, timedelta(minutes=1), directory.zone(forum)
                )

    # -- what it says --------------------------------------------------------

    async def digest(self, tx: Tx, forum: Forum, now: datetime) -> Digest:
        """The forum's newsletter as it would go at ``now`` (aware)."""
        zone = self.directory.zone(forum)
        last = await rows.last_sent(tx, forum.id)
        session = await rows.last_closed_session(tx, forum.id)
        parts: list[Rich] = [
            self.wording.render("newsletter_title", forum=forum.name),
            self.wording.render("newsletter_intro"),
        ]
        answers_new = session is not None and (
            last is None or last.session_id is None or session.id > last.session_id
        )
        answers: list[archive.Published] = []
        if session is not None and answers_new:
            answers = await archive.in_session(tx, forum.id, session.id)
            parts.append(
                self.wording.render(
                    "newsletter_answers_heading", when=self.wording.when(session.starts_at, zone)
                )
            )
            parts.extend(self._answer(a) for a in answers[:ANSWERS])
            if not answers:
                parts.append(self.wording.render("newsletter_answers_none"))
            elif len(answers) > ANSWERS:
                parts.append(self._more_answers(forum, session.id, len(answers) - ANSWERS))
        since = last.created_at if last is not None else now - FIRST_LOOKBACK
        alerts = await rows.alerts_since(tx, forum.id, ALERT_TYPES, since, ALERTS)
        if alerts:
            parts.append(self.wording.render("newsletter_alerts_heading"))
            total = await rows.count_alerts_since(tx, forum.id, ALERT_TYPES, since)
            for alert in alerts:
                words = " ".join(plain(alert.body).split())
                if len(words) > ALERT_LENGTH:
                    words = words[: ALERT_LENGTH - 1].rstrip() + "…"
                parts.append(
                    self.wording.render(
                        "newsletter_alert_line",
                        date=self.wording.when(alert.created_at, zone),
                        type=self.wording.text(f"alert_type_{alert.alert_type}"),
                        text=words,
                    )
                )
            if total > len(alerts):
                parts.append(
                    self.wording.render("newsletter_alerts_more", count=total - len(alerts))
                )
        upcoming = self._upcoming(forum, now)
        parts.append(self.wording.render("newsletter_sessions_heading"))
        if upcoming:
            parts.append(
                join(
                    self.wording.render("newsletter_session_line", when=self.wording.when(at, zone))
                    for at in upcoming
                )
            )
        else:
            parts.append(self.wording.render("newsletter_sessions_none"))
        parts.append(self.wording.render("newsletter_how_to_ask", phrase=forum.phrases[0]))
        archive_link = self._archive_link(forum)
        if archive_link:
            parts.append(self.wording.render("newsletter_archive", link=archive_link))
        return Digest(
            forum=forum,
            body=join(parts, "\n\n"),
            new=bool(answers) or bool(alerts),
            session_id=session.id if session is not None else None,
            answers=len(answers),
            alerts=len(alerts),
            upcoming=len(upcoming),
        )

    def _answer(self, published: archive.Published) -> Rich:
        return join(
            [
                self.wording.render(
                    "newsletter_question", ref=published.ref, question=published.question
                ),
                self.wording.render("newsletter_answer", answer=published.answer),
            ]
        )

    def _archive_link(self, forum: Forum, path: str = "") -> str:
        """The forum's public archive (``path`` under it) at ``web.public_url``;
        empty when the web side is off or has no public address."""
        base = self.directory.config.web.public_url
        if not (self.directory.web_on and base):
            return ""
        return f"{base}/archive/{forum.id}{path}"

    def _more_answers(self, forum: Forum, session_id: int, count: int) -> Rich:
        link = self._archive_link(forum, f"/sessions/{session_id}")
        if link:
            return self.wording.render("newsletter_answers_more_link", count=count, link=link)
        return self.wording.render("newsletter_answers_more", count=count)

    def _upcoming(self, forum: Forum, now: datetime) -> list[datetime]:
        schedule = self.directory.schedule(forum)
        if schedule is None:
            return []
        starts = [o.starts_at for o in schedule.upcoming(now, UPCOMING + 1)]
        return [at for at in starts if at > now][:UPCOMING]

    async def audience(self, tx: Tx, forum: Forum) -> dict[str, int]:
        """Who would get it now: reachable subscribers to the newsletter, by
        platform (only platforms that are on)."""
        found = await rows.subscribers(tx, forum.id, AlertType.NEWSLETTER.value)
        return {p: n for p, n in found.items() if self.directory.is_on(p)}

    # -- sending ------------------------------------------------------------------

    async def send(
        self,
        tx: Tx,
        forum: Forum,
        now: datetime,
        *,
        due_at: datetime | None = None,
        requested_by: str | None = None,
        report_chat: ChatRef | None = None,
    ) -> Sent:
        """Send the forum's newsletter now, if there is anything new: an
        alert of type ``newsletter`` (held through quiet hours like any),
        and a row recording it. With nothing new, nothing is sent; the
        schedule's time (``due_at``) is still recorded, so it is not tried
        again. ``requested_by``: ``platform:user_id`` of the officer, None
        for the schedule's; ``report_chat``: the staff room told of its
        progress and final figures. Raises ``sqlite3.IntegrityError`` when
        ``due_at`` was already recorded."""
        digest = await self.digest(tx, forum, now)
        if not digest.new:
            row = None
            if due_at is not None:
                row = await rows.record(
                    tx, forum.id, "nothing_new", now, due_at=due_at, session_id=digest.session_id
                )
            log.info("newsletter: nothing new forum=%s scheduled=%s", forum.id, due_at is not None)
            return Sent(digest, None, row)
        alert = await self.alerts.request(
            tx,
            forum,
            AlertType.NEWSLETTER,
            digest.body,
            now,
            to_public=False,
            requested_by=requested_by,
            report_chat=report_chat,
        )
        row = await rows.record(
            tx,
            forum.id,
            "sent",
            now,
            due_at=due_at,
            session_id=digest.session_id,
            alert_id=alert.id,
            requested_by=requested_by,
        )
        log.info(
            "newsletter sent forum=%s newsletter=#%s alert=#%s answers=%s alerts=%s",
            forum.id,
            row.id,
            alert.id,
            digest.answers,
            digest.alerts,
        )
        return Sent(digest, alert, row)

    def confirmation(self, sent: Sent, scheduled: bool = False) -> Rich:
        """What officers are told of a newsletter that went (``sent.alert``
        set): going to how many, or held until the quiet hours end; by the
        schedule's words when ``scheduled``."""
        assert sent.alert is not None and sent.row is not None
        forum = sent.digest.forum
        values = {"forum": forum.name, "ref": sent.row.id, "alert": sent.alert.id}
        if sent.alert.state == "scheduled":
            when = self.wording.when(sent.alert.send_at, self.directory.zone(forum))
            return self.wording.render("staff_newsletter_later", when=when, **values)
        key = "staff_newsletter_scheduled" if scheduled else "staff_newsletter_sent"
        return self.wording.render(key, total=sent.alert.total, **values)

    # -- the schedule -------------------------------------------------------------

    async def due_at(self, tx: Tx, forum: Forum, now: datetime) -> datetime | None:
        """The latest time at or before ``now`` the forum's newsletter was
        due by its schedule, within ``LATE_LIMIT``; None if there is none
        (``off``, nothing due yet, or too long ago)."""
        config = forum.newsletter
        if config.schedule == OFF:
            return None
        if config.schedule == AFTER_SESSIONS:
            session = await rows.last_closed_session(tx, forum.id)
            if session is None:
                return None
            at = self._day_after(forum, session.closed_at)
        else:
            rule = self._rules.get(forum.id)
            if rule is None:
                return None
            times = rule.occurrences_between(now - LATE_LIMIT, now + timedelta(microseconds=1))
            if not times:
                return None
            at = times[-1].starts_at
        return at if now - LATE_LIMIT <= at <= now else None

    def _day_after(self, forum: Forum, closed_at: datetime) -> datetime:
        """``Newsletter.at`` on the local day after ``closed_at``, as an
        aware UTC instant (the wall-clock time across a clock change)."""
        zone = ZoneInfo(self.directory.zone(forum))
        day = closed_at.astimezone(zone).date() + timedelta(days=1)
        return datetime.combine(day, forum.newsletter.at, zone).astimezone(UTC)

    async def run_due(self, tx: Tx, now: datetime) -> None:
        """Send every forum's newsletter whose scheduled time has come and
        is not yet recorded; its progress and final figures go to the
        forum's first staff room."""
        for forum in self.directory.forums:
            at = await self.due_at(tx, forum, now)
            if at is None or await rows.for_due(tx, forum.id, at) is not None:
                continue
            if now - at > timedelta(minutes=2):
                log.warning("newsletter sent late forum=%s due=%s", forum.id, at.isoformat())
            rooms = self.directory.staff_rooms(forum)
            room = rooms[0] if rooms else None
            sent = await self.send(tx, forum, now, due_at=at, report_chat=room)
            if room is None or sent.alert is None or sent.row is None:
                continue
            notice = self.confirmation(sent, scheduled=True)
            await self.alerts.outbox.add(
                tx, OutboxDraft(room, notice, OutboxPurpose.STAFF_NOTICE), now
            )

    async def next_due_at(self, tx: Tx, now: datetime) -> datetime | None:
        """When a forum's newsletter is next due after ``now``, by its
        schedule and the sessions closed so far; None if none is coming
        (a session not yet closed makes its own wake-up when it ends)."""
        candidates: list[datetime] = []
        for forum in self.directory.forums:
            config = forum.newsletter
            if config.schedule == AFTER_SESSIONS:
                session = await rows.last_closed_session(tx, forum.id)
                if session is not None:
                    at = self._day_after(forum, session.closed_at)
                    if at > now:
                        candidates.append(at)
            elif forum.id in self._rules:
                upcoming = self._rules[forum.id].next_after(now)
                if upcoming is not None:
                    candidates.append(upcoming.starts_at)
        return min(candidates) if candidates else None
