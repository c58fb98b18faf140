"""The cards a resident's question puts in its forum's staff rooms: posted
(with the resident's photo copied beside them where the platform copies),
and rewritten where posted when the question's words change (a resident's
edit, a folded urgent message). What the resident is told of what officers
will see of their attachments is said here too, since it depends on the copy."""

from __future__ import annotations

from datetime import datetime

from bot.delivery.outbox import Outbox
from bot.desks.visit import PhotoCopy
from bot.edge.chat import ChatRef
from bot.edge.inbound import Attachment, Inbound
from bot.edge.rich import Rich, join
from bot.forum.card import card_buttons, describe_attachments, render_card
from bot.forum.card_state import CardRefresh
from bot.forum.directory import ForumDirectory
from bot.safeguarding.language import choose, identify
from bot.safeguarding.triage import assess
from bot.store.database import Tx
from bot.store.outbox import OutboxDraft, OutboxPurpose
from bot.store.question import Question
from bot.wording.wording import Wording
from config.model import Forum

COPYING_PLATFORMS = frozenset({"telegram"})
"""Platforms that copy a message from one chat to another themselves
(Telegram's copyMessage). Discord has no copy: it would take downloading and
uploading the file, which forumbot does not do."""


class StaffCards:
    """Posts and rewrites questions' cards in the staff rooms (outbox rows)."""

    def __init__(self, directory: ForumDirectory, wording: Wording, outbox: Outbox) -> None:
        self.directory = directory
        self.wording = wording
        self.outbox = outbox
        self.refresh = CardRefresh(wording, directory)

    def copyable(self, forum: Forum, event: Inbound) -> PhotoCopy | None:
        """The resident's message to copy into the forum's staff rooms on
        the same platform (chat id, message id): only a photo, only when
        ``resident_photos`` is ``copied_to_staff_rooms``, only where the
        platform copies (Telegram) and only if such a room is on."""
        if (
            forum.resident_photos != "copied_to_staff_rooms"
            or Attachment.PHOTO not in event.attachments
            or event.message_id is None
            or event.platform not in COPYING_PLATFORMS
            or not any(r.platform == event.platform for r in self.directory.staff_rooms(forum))
        ):
            return None
        return PhotoCopy(event.platform, event.chat.chat_id, event.message_id)

    def attachments_ack(
        self,
        forum: Forum,
        kinds: tuple[str, ...],
        copy_from: PhotoCopy | None,
        album: bool = False,
    ) -> list[Rich]:
        """The acknowledgement's lines on what was sent besides words: what
        officers will see (the photo, when copied) and what they will not."""
        shown = (Attachment.PHOTO.value,) if copy_from is not None else ()
        hidden = tuple(k for k in kinds if k not in shown)
        lines = []
        if shown:
            what = describe_attachments(self.wording, shown, album)
            key = "ack_album_shown" if album else "ack_attachments_shown"
            lines.append(self.wording.render(key, what=what))
        if hidden:
            what = describe_attachments(self.wording, hidden, album)
            key = "ack_album_not_shown" if album else "ack_attachments_not_shown"
            lines.append(self.wording.render(key, what=what))
        return lines

    async def post(
        self,
        tx: Tx,
        forum: Forum,
        q: Question,
        pseudonym: str,
        now: datetime,
        copy_from: PhotoCopy | None = None,
        edited: bool = False,
        burst: bool = False,
    ) -> None:
        """The card in each of the forum's staff rooms; where ``copy_from``
        (the resident's photo, see ``copyable``) can be copied, the copy
        next to it. ``burst``: the resident is one of many new ones made at
        once (``Inbound.burst``): the card says so and, unless URGENT, goes
        after established residents' cards (``Priority.BURST``)."""
        duty_roles = self.directory.duty_roles(forum) if q.urgent else {}
        language = self.language_of(q)
        for room in self.directory.staff_rooms(forum):
            copies = copy_from is not None and room.platform == copy_from.platform
            body = self.body(forum, q, pseudonym, room.platform, language, copies, edited, burst)
            card = OutboxDraft(
                room,
                body,
                OutboxPurpose.URGENT_CARD if q.urgent else OutboxPurpose.CARD,
                buttons=card_buttons(self.wording, q.id, urgent=q.urgent and q.seen_at is None),
                question_id=q.id,
                alert_role_id=duty_roles.get(room),
                burst=burst,
            )
            await self.outbox.add(tx, card, now)
            if copy_from is not None and copies:
                await self.queue_copy(tx, room, forum, q, copy_from, now)

    def body(
        self,
        forum: Forum,
        q: Question,
        pseudonym: str,
        platform: str,
        language: str | None,
        copied: bool = False,
        edited: bool = False,
        burst: bool = False,
    ) -> Rich:
        """``q``'s card in a staff room on ``platform`` (``render_card``),
        saying it is written in ``language`` (``language_of``), with the
        banners ``edited`` (the resident changed it) and ``burst``
        (``post``) ask for."""
        body = render_card(
            self.wording,
            q,
            forum.name,
            pseudonym,
            platform,
            copied=copied,
            language=language,
            seen_within=forum.escalation.after,
        )
        if edited:
            body = join([self.wording.render("card_edited_banner", ref=q.id), body])
        if burst:
            body = join([self.wording.render("card_burst_banner"), body])
        return body

    async def rewrite(
        self, tx: Tx, forum: Forum, q: Question, pseudonym: str, now: datetime, edited: bool
    ) -> None:
        """The cards of ``q`` already posted, on every platform, edited in
        place to read as ``q`` now does (its words changed: a resident's
        edit, ``edited``, or a folded urgent message); where the new card
        would not fit one message, only its state is restated."""

        language = self.language_of(q)

        def fresh(platform: str) -> Rich | None:
            body = self.body(forum, q, pseudonym, platform, language, edited=edited)
            return body if len(self.outbox.parts(platform, body)) == 1 else None

        await self.refresh.refresh(tx, q.id, now, fresh)

    def language_of(self, q: Question) -> str | None:
        """The English name of the language ``q`` is written in, when not
        English: identified, or for an URGENT question, the language of the
        danger phrase the triage found (``language.choose`` weighs the two:
        the phrase's for a message too short to identify, or in a language
        lingua is not asked to identify, such as German). Once a question,
        not once a room: the triage is the costly part."""
        code = choose(identify(q.text), assess(q.text).language if q.urgent else None, q.text)
        return self.wording.language_name(code) if code is not None else None

    async def queue_copy(
        self, tx: Tx, room: ChatRef, forum: Forum, q: Question, copy_from: PhotoCopy, now: datetime
    ) -> None:
        """The copy of the resident's photo ``copy_from`` into ``room``, after its card."""
        caption = self.wording.render("card_copy_caption", ref=q.id, forum=forum.name)
        copy = OutboxDraft(
            room,
            caption,
            OutboxPurpose.CARD_COPY,
            question_id=q.id,
            resident_id=q.resident_id,
            copy_from=(copy_from.chat_id, copy_from.message_id),
        )
        await self.outbox.add(tx, copy, now)
