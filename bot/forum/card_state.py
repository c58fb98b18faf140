"""Cards that show where their question stands, on every platform (issue 15).

The web console reads each card's state as it renders (``card_states``,
``buttons_now``). Telegram and Discord cards are messages already posted: when
a question's state changes (approved, rejected, kept for later, answered,
merged, withdrawn, seen), ``CardRefresh.refresh`` queues an edit of each of
its posted cards (``CARD_EDIT`` outbox rows, in the caller's transaction) so
that its state line reads the new state and the buttons that no longer apply
are gone. Cards combined into one message are edited as a whole: each
question's part as it now stands, under the combined header."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import datetime

from bot.edge.chat import Buttons, ChatRef
from bot.edge.rich import Rich, Span, from_json, join, merge, plain, to_json
from bot.forum.directory import ForumDirectory
from bot.store import outbox as rows
from bot.store import question as questions
from bot.store.database import Tx, fetch_all
from bot.store.outbox import OutboxDraft, OutboxPurpose, buttons_from_json
from bot.store.question import CardState, Question, State
from bot.wording.wording import Wording

# Platforms whose posted cards are edited by a queued row; the web console
# renders each card's state itself (``adapters.web.store.with_cards``).
EDITED_BY_ROW = frozenset({"telegram", "discord"})

# Which card buttons (by the text before ":") still apply in each state.
_CARD_PRESSES: Mapping[str, frozenset[str]] = {
    "new": frozenset({"seen", "approve", "reject", "later"}),
    "approved": frozenset({"seen", "reject", "later"}),
    "deferred": frozenset({"seen", "approve", "reject"}),
}
_CARD_KINDS = frozenset({"seen", "approve", "reject", "later"})

# The card's first line ends with its question's state (template ``card``:
# "**Question #{ref}** · {forum} · {state}"), and then, while its answer waits
# for the asker, the template ``card_answer_waits``'s words.
_STATES = "|".join(s.value for s in State)


def _state_at_end(waits_words: str) -> re.Pattern[str]:
    return re.compile(
        rf"^([^\n]* · )({_STATES})(?:{re.escape(waits_words)})?(?=\n|$)", re.MULTILINE
    )


_HEADING_STATE = _state_at_end("")


def _with_state(body: Rich, question_id: int, state: str, pattern: re.Pattern[str]) -> Rich:
    """``body`` (a card) with the state ending its heading, the line after
    the bold ``#question_id``, replaced by ``state``."""
    marker = f"#{question_id}"
    out: list[Span] = []
    after_ref = False
    for span in body:
        text = span.text
        if after_ref and not span.bold:
            text = pattern.sub(lambda m: m.group(1) + state, text, count=1)
            after_ref = False
        if span.bold and text.endswith(marker):
            after_ref = True
        out.append(Span(text, span.bold))
    return merge(out)


def heading_now(body: Rich, card: CardState) -> Rich:
    """A card's ``body`` as stored (its heading "**Question #12** · Bromley
    · new" as it was when posted) with its heading ending in the state its
    question is in now (``card.state``: "· answered"), for a console that
    shows stored cards live (the web's: its status line says the rest). A
    body that is not a card (an erased copy) is returned as it is."""
    return _with_state(body, card.question_id, card.state.value, _HEADING_STATE)


def buttons_now(buttons: Buttons, card: CardState) -> Buttons:
    """A card's ``buttons`` less those that no longer apply to its question
    as it stands: none once it is answered, rejected, withdrawn or merged;
    "Approve" once approved, "Later" once deferred, "Seen" once seen (or no
    longer new). Buttons that are not a card's own are kept; rows left
    empty are dropped."""
    allowed = _CARD_PRESSES.get(card.state.value, frozenset())
    if not card.awaiting_seen:
        allowed = allowed - {"seen"}
    kept = (
        tuple(
            b
            for b in row
            if b.data.split(":", 1)[0] not in _CARD_KINDS or b.data.split(":", 1)[0] in allowed
        )
        for row in buttons
    )
    return tuple(row for row in kept if row)


def card_state_of(q: Question, urgent_card: bool) -> CardState:
    """Where ``q`` stands, for its card (``urgent_card``: posted as URGENT)."""
    return CardState(q.id, urgent_card, q.state, (q.seen_by or "?") if q.seen_at else None)


class CardRefresh:
    """Queues the edits that keep posted Telegram and Discord cards live."""

    def __init__(self, wording: Wording, directory: ForumDirectory) -> None:
        self.wording = wording
        self.directory = directory
        self._waits_words = wording.text("card_answer_waits")
        self._state_at_end = _state_at_end(self._waits_words)

    async def refresh(
        self,
        tx: Tx,
        question_id: int,
        now: datetime,
        fresh: Callable[[str], Rich | None] | None = None,
    ) -> int:
        """Queue a ``CARD_EDIT`` row for each card of ``question_id`` posted
        to a Telegram or Discord staff room (an outbox row of purpose
        ``card``/``urgent_card`` with its platform message id), saying what
        it now should: the state line with the question's state as it is in
        ``tx`` and only the buttons that still apply (``buttons_now``). A
        card combined with others is edited as a whole, every part as its
        own question now stands. Cards not yet sent are left alone (they are
        sent as queued).

        ``fresh``: the question's words changed (the resident edited it, or
        a further urgent message was folded into it): ``fresh(platform)`` is
        its card as it should now read, which replaces the posted one,
        on the web console too (whose cards are stored, not re-rendered),
        and becomes the card row's body, so that later restatements start
        from it. Where ``fresh`` gives None (it would not fit one message),
        the card was posted in several messages or combined with others,
        it is only restated there. Returns how many edits were queued; raises
        ``sqlite3.Error`` as the reads and writes do."""
        posted = await fetch_all(
            tx,
            "SELECT DISTINCT platform, chat_id, chat_kind, platform_message_id, thread_id"
            " FROM outbox WHERE question_id = ? AND purpose IN ('card', 'urgent_card')"
            " AND platform_message_id IS NOT NULL AND chat_kind != 'private'",
            (question_id,),
        )
        messages_in_chat = Counter((str(m["platform"]), str(m["chat_id"])) for m in posted)
        queued = 0
        for message in posted:
            platform = str(message["platform"])
            edited_here = platform in EDITED_BY_ROW or fresh is not None
            if not edited_here or not self.directory.is_on(platform):
                continue  # the console shows state itself; a room of a platform off waits not
            alone = messages_in_chat[(platform, str(message["chat_id"]))] == 1
            body, buttons = await self._message_now(
                tx, message, question_id, fresh if alone else None
            )
            draft = OutboxDraft(
                ChatRef(platform, str(message["chat_id"]), message["chat_kind"]),
                body,
                OutboxPurpose.CARD_EDIT,
                buttons=buttons,
                question_id=question_id,
                thread_id=message["thread_id"],
                edit_of=str(message["platform_message_id"]),
            )
            await rows.add(tx, draft, now)
            queued += 1
        return queued

    async def _message_now(
        self,
        tx: Tx,
        message: sqlite3.Row,
        question_id: int,
        fresh: Callable[[str], Rich | None] | None,
    ) -> tuple[Rich, Buttons]:
        """What a posted message (``message``: its platform, chat and
        platform id) should now say, and its buttons: each card in it as its
        question now stands; ``question_id``'s card from ``fresh`` when the
        message holds only that card and ``fresh`` gives one (which then
        becomes the card row's body)."""
        platform = str(message["platform"])
        parts = await fetch_all(
            tx,
            "SELECT id, purpose, question_id, body, buttons FROM outbox WHERE platform = ?"
            " AND chat_id = ? AND platform_message_id = ?"
            " AND purpose IN ('card', 'urgent_card') ORDER BY id",
            (message["platform"], message["chat_id"], message["platform_message_id"]),
        )
        bodies: list[Rich] = []
        buttons: list[Buttons] = []
        for part in parts:
            q = await questions.get(tx, int(part["question_id"]))
            body = from_json(str(part["body"]))
            if q is None:  # erased: its card as the erasure left it
                bodies.append(body)
                continue
            card = card_state_of(q, str(part["purpose"]) == OutboxPurpose.URGENT_CARD)
            anew = None
            if fresh is not None and q.id == question_id and len(parts) == 1:
                anew = fresh(platform)
            if anew is not None:
                await tx.execute(
                    "UPDATE outbox SET body = ? WHERE id = ?", (to_json(anew), part["id"])
                )
                bodies.append(anew)
            else:
                waits = await questions.answer_waits(tx, q.id)
                bodies.append(self._restated(body, q, platform, waits))
            buttons.append(buttons_now(buttons_from_json(part["buttons"]), card))
        flat = tuple(line for lines in buttons for line in lines)
        if len(bodies) == 1:
            return bodies[0], flat
        header = self.wording.render_for(
            platform, "cards_combined", count=len(bodies), prefix=self.wording.prefix(platform)
        )
        return join([header, join(bodies, "\n\n")], "\n\n"), flat

    def _restated(self, body: Rich, q: Question, platform: str, waits: bool = False) -> Rich:
        """``body`` (a card as posted) with its state line reading ``q``'s
        state, followed while its answer ``waits`` for the asker by the
        words saying so, and once ``q`` is seen or no longer new, without
        the hint to press "Seen". A body that is not a card (an erased copy)
        is kept."""
        hint = None
        if q.urgent and (q.seen_at is not None or q.state != State.NEW):
            forum = self.directory.get(q.forum_id)
            if forum is not None:
                hint = plain(
                    self.wording.render(
                        "card_urgent_seen_hint",
                        prefix=self.wording.prefix(platform),
                        ref=q.id,
                        after=self.wording.duration(forum.escalation.after),
                    )
                )
        state = q.state.value + (self._waits_words if waits else "")
        restated = _with_state(body, q.id, state, self._state_at_end)
        if hint is None:
            return restated
        return merge(
            Span(span.text if span.bold else span.text.replace("\n" + hint, ""), span.bold)
            for span in restated
        )
