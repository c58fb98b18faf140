"""Residents choosing their alerts: by forum and alert type with buttons, or
by postcode (``/subscribe BR1 3QR``); listing them; stopping them, also in
the middle of an alert being sent."""

from __future__ import annotations

import logging
import re
from datetime import datetime

from bot.alerts.alert import AlertType
from bot.alerts.postcode import covers, parse
from bot.desks.routes import resident_reference
from bot.edge.chat import Button, Buttons
from bot.edge.payload import LIMIT_BYTES, PayloadTooLong, SubscribeChoice
from bot.edge.rich import Rich, join
from bot.edge.startup import StartupFailure
from bot.edge.text import shown
from bot.forum.directory import ForumDirectory
from bot.store import alert as alert_rows
from bot.store import subscription as subscriptions
from bot.store.database import Tx
from bot.store.resident import Resident
from bot.wording.wording import Wording
from config.model import Forum

log = logging.getLogger("forumbot.subscriptions")

FORUMS_PER_PAGE = 8
"""Forums on one page of the ``/subscribe`` forum list: two buttons a row in
four rows, and a fifth row to turn the page, fits every platform (Discord:
five rows of buttons; Messenger: 13 quick replies)."""


def check_buttons_fit(forums: tuple[Forum, ...]) -> None:
    """Every forum's chooser buttons fit a button's data (``LIMIT_BYTES``):
    the longest is ``sub:t:FORUM:consultations``. Raises StartupFailure
    naming a forum id too long for them, which would otherwise stop
    ``/subscribe`` working for that forum."""
    longest = max((t.value for t in AlertType), key=len)
    for forum in forums:
        try:
            SubscribeChoice("toggle", forum.id, longest).pack()
        except PayloadTooLong:
            most = LIMIT_BYTES - len(SubscribeChoice("toggle", "x", longest).pack()) + 1
            raise StartupFailure(
                f"forum id {forum.id!r} is {len(forum.id)} characters, too long for the "
                f"alert buttons: give the forum an id of at most {most} characters"
            ) from None


FILLER = frozenset({"me", "please", "up", "to", "alerts", "all", "everything"})
"""Words residents add to ``subscribe`` that name no forum nor postcode."""


def only_filler(args: str) -> bool:
    """Whether ``args`` is only ``FILLER`` words, in any case, with
    punctuation (``me``, ``Me please!``): ``subscribe me`` is the chooser,
    never the ME postcode area (Medway's districts, ``ME1``, still are)."""
    words = re.sub(r"[^\w\s]", " ", args.casefold()).split()
    return bool(words) and all(w in FILLER for w in words)


class SubscriptionDesk:
    """Residents' alerts, for the resident desk: every method works in the
    caller's transaction and returns the reply (and buttons) to queue; they
    raise ``sqlite3.Error`` when the database fails."""

    def __init__(self, directory: ForumDirectory, wording: Wording) -> None:
        """Raises StartupFailure when a forum id is too long for the buttons."""
        check_buttons_fit(directory.forums)
        self.directory = directory
        self.wording = wording

    def label(self, alert_type: str) -> str:
        """How residents read an ``AlertType`` value (``crime-prevention advice``)."""
        return self.wording.text(f"alert_type_{alert_type}")

    async def subscribe(
        self, tx: Tx, resident: Resident, args: str, now: datetime
    ) -> tuple[Rich, Buttons]:
        """``/subscribe``: the chooser (of forums, or of the only forum's
        types); ``/subscribe bromley`` or ``/subscribe BR1 3QR``: every type
        of that forum, or of the forums covering the postcode;
        ``/subscribe 2``: the chooser of the forum numbered 2 in the forum
        list (``_forum_chooser``: the numbers run on across its pages), as
        its button does."""
        prefix = self.wording.prefix(resident.platform)
        args = args.strip()
        if only_filler(args):  # "subscribe me", "subscribe me please": not the ME area
            args = ""
        if not args:
            if len(self.directory.forums) == 1:
                return await self._chooser(tx, resident, self.directory.forums[0])
            return self._forum_chooser(resident.platform, 0)
        forum = self.directory.find(args)
        if forum is not None:
            return await self._subscribe(tx, resident, [forum], now, prefix), ()
        number = resident_reference(args)
        if number is not None and 1 <= number <= len(self.directory.forums):
            return await self._chooser(tx, resident, self.directory.forums[number - 1])
        postcode = parse(args)
        if postcode is None:
            return self.wording.render(
                "subscribe_not_postcode", text=shown(args), prefix=prefix, forums=self._areas()
            ), ()
        matched = [
            f
            for f in self.directory.forums
            if not f.areas or any(covers(a, postcode) for a in f.areas)
        ]
        if not matched:
            return self.wording.render(
                "subscribe_no_forum", postcode=str(postcode), forums=self._areas()
            ), ()
        return await self._subscribe(tx, resident, matched, now, prefix), ()

    async def listing(self, tx: Tx, resident: Resident) -> Rich:
        """``/subscriptions``: what the resident chose, forum by forum."""
        return await self._list(tx, resident, self.wording.prefix(resident.platform))

    async def unsubscribe(self, tx: Tx, resident: Resident, args: str) -> Rich:
        """``/unsubscribe [forum] [type]``: everything, or what is named."""
        return await self._unsubscribe(tx, resident, args, self.wording.prefix(resident.platform))

    async def button(
        self, tx: Tx, resident: Resident, choice: SubscribeChoice, now: datetime
    ) -> tuple[Rich, Buttons] | None:
        """A press in the chooser: the forum's choices again, after turning a
        type on or off, or all or none; None for a forum or type that is
        not (or no longer) configured. A page of the forum list: that page
        (the last one for a page past the end, as when forums were removed)."""
        if choice.step == "page":
            pages = max(1, -(-len(self.directory.forums) // FORUMS_PER_PAGE))
            return self._forum_chooser(resident.platform, min(choice.page, pages - 1))
        forum = self.directory.get(choice.forum_id)
        if forum is None:
            return None
        if choice.step == "toggle":
            alert_type = choice.alert_type
            if alert_type not in {t.value for t in AlertType}:
                return None
            mine = await subscriptions.of_resident(tx, resident.id)
            if (forum.id, alert_type) in mine:
                await self._stop(tx, resident, forum.id, alert_type)
            else:
                await subscriptions.add(tx, resident.id, [(forum.id, alert_type)], now)
        elif choice.step == "all":
            await subscriptions.add(tx, resident.id, [(forum.id, t.value) for t in AlertType], now)
        elif choice.step == "none":
            await self._stop(tx, resident, forum.id, None)
        return await self._chooser(tx, resident, forum)

    def _forum_chooser(self, platform: str, page: int) -> tuple[Rich, Buttons]:
        """Page ``page`` (from 0) of the forum list: the page's forums
        numbered in the text with their areas (numbers run on across pages),
        a button each starting with its number (a platform that cuts a
        button's label, Messenger at 20 characters, still shows which is
        which), two a row, and a row to turn the page when there are more
        than ``FORUMS_PER_PAGE``. A forum is also reached by name or
        postcode (``/subscribe BR1 3QR``), which the text says."""
        forums = self.directory.forums
        first = page * FORUMS_PER_PAGE
        shown_forums = forums[first : first + FORUMS_PER_PAGE]
        lines = []
        buttons: list[Button] = []
        for number, forum in enumerate(shown_forums, start=first + 1):
            areas = ", ".join(forum.areas) or self.wording.text("subscribe_forum_everywhere")
            lines.append(
                self.wording.text(
                    "subscribe_chooser_line", number=number, name=forum.name, areas=areas
                )
            )
            buttons.append(
                Button(
                    self.wording.text("button_subscribe_forum", number=number, name=forum.name),
                    SubscribeChoice("forum", forum.id).pack(),
                )
            )
        rows = [tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]
        turn: list[Button] = []
        if page > 0:
            turn.append(
                Button(
                    self.wording.text("button_forums_back"),
                    SubscribeChoice.list_page(page - 1).pack(),
                )
            )
        if first + FORUMS_PER_PAGE < len(forums):
            turn.append(
                Button(
                    self.wording.text("button_forums_more"),
                    SubscribeChoice.list_page(page + 1).pack(),
                )
            )
        if turn:
            rows.append(tuple(turn))
            lines.insert(
                0,
                self.wording.text(
                    "subscribe_chooser_page",
                    first=first + 1,
                    last=first + len(shown_forums),
                    total=len(forums),
                ),
            )
        body = self.wording.render_for(
            platform,
            "subscribe_choose_forum",
            forums="\n".join(lines),
            prefix=self.wording.prefix(platform),
        )
        return body, tuple(rows)

    async def _chooser(self, tx: Tx, resident: Resident, forum: Forum) -> tuple[Rich, Buttons]:
        mine = {t for f, t in await subscriptions.of_resident(tx, resident.id) if f == forum.id}
        lines = []
        toggles: list[Button] = []
        for alert_type in AlertType:
            on = alert_type.value in mine
            label = self.label(alert_type.value)
            lines.append(
                self.wording.text(
                    "subscribe_choice_on" if on else "subscribe_choice_off", label=label
                )
            )
            toggles.append(
                Button(
                    self.wording.text("button_alert_on" if on else "button_alert_off", label=label),
                    SubscribeChoice("toggle", forum.id, alert_type.value).pack(),
                )
            )
        # Two a row: Discord shows at most five rows of buttons.
        rows = [tuple(toggles[i : i + 2]) for i in range(0, len(toggles), 2)]
        rows.append(
            (
                Button(
                    self.wording.text("button_alert_all"),
                    SubscribeChoice("all", forum.id).pack(),
                ),
                Button(
                    self.wording.text("button_alert_none"),
                    SubscribeChoice("none", forum.id).pack(),
                ),
            )
        )
        body = self.wording.render_for(
            resident.platform, "subscribe_choose_types", forum=forum.name, choices="\n".join(lines)
        )
        return body, tuple(rows)

    async def _subscribe(
        self, tx: Tx, resident: Resident, forums: list[Forum], now: datetime, prefix: str
    ) -> Rich:
        pairs = [(f.id, t.value) for f in forums for t in AlertType]
        await subscriptions.add(tx, resident.id, pairs, now)
        log.info("subscribed forums=%s", ",".join(f.id for f in forums))
        return self.wording.render(
            "subscribe_done",
            types=", ".join(self.label(t.value) for t in AlertType),
            forums=", ".join(f.name for f in forums),
            prefix=prefix,
        )

    async def _list(self, tx: Tx, resident: Resident, prefix: str) -> Rich:
        mine = await subscriptions.of_resident(tx, resident.id)
        if not mine:
            return self.wording.render("subscriptions_none", prefix=prefix)
        lines = [self.wording.render("subscriptions_header")]
        for forum in self.directory.forums:
            types = [self.label(t) for f, t in mine if f == forum.id]
            if types:
                lines.append(
                    self.wording.render(
                        "subscriptions_line", forum=forum.name, types=", ".join(types)
                    )
                )
        lines.append(self.wording.render("subscriptions_footer", prefix=prefix))
        return join(lines)

    async def _unsubscribe(self, tx: Tx, resident: Resident, args: str, prefix: str) -> Rich:
        forum: Forum | None = None
        alert_type: AlertType | None = None
        for word in args.split():
            found_type = AlertType.parse(word)
            found_forum = self.directory.get(word.lower())
            if found_type is not None:
                alert_type = found_type
            elif found_forum is not None:
                forum = found_forum
            else:
                return self.wording.render(
                    "unsubscribe_usage",
                    prefix=prefix,
                    types=", ".join(t.value for t in AlertType),
                )
        ended = await self._stop(
            tx, resident, forum.id if forum else None, alert_type.value if alert_type else None
        )
        if not ended:
            return self.wording.render("unsubscribe_nothing", prefix=prefix)
        if alert_type is not None and forum is not None:
            what = self.wording.text(
                "unsubscribe_type_from_forum", type=self.label(alert_type.value), forum=forum.name
            )
        elif alert_type is not None:
            what = self.label(alert_type.value)
        elif forum is not None:
            what = forum.name
        else:
            what = self.wording.text("unsubscribe_everything")
        return self.wording.render("unsubscribe_done", what=what, prefix=prefix)

    async def _stop(
        self, tx: Tx, resident: Resident, forum_id: str | None, alert_type: str | None
    ) -> int:
        ended = await subscriptions.remove(tx, resident.id, forum_id, alert_type)
        skipped = await alert_rows.stop_for_resident(tx, resident.id, forum_id, alert_type)
        log.info("unsubscribed ended=%s waiting_alerts_skipped=%s", ended, skipped)
        return ended

    def _areas(self) -> str:
        lines = []
        for forum in self.directory.forums:
            areas = ", ".join(forum.areas) or self.wording.text("subscribe_forum_everywhere")
            lines.append(self.wording.text("subscribe_forum_line", name=forum.name, areas=areas))
        return "\n".join(lines)
