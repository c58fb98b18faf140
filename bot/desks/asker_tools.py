"""What officers may do about the person behind a question: reveal their
account (``whois``, only on request, always audited) and stop or allow their
questions (``block`` / ``unblock``)."""

from __future__ import annotations

from datetime import datetime

from bot.edge.rich import Rich
from bot.forum import audit
from bot.forum.directory import Actor
from bot.store import resident as residents
from bot.store.database import Tx
from bot.store.question import Question
from bot.wording.wording import Wording


class AskerTools:
    def __init__(self, wording: Wording) -> None:
        self.wording = wording

    async def run(self, tx: Tx, name: str, officer: Actor, q: Question, now: datetime) -> Rich:
        resident = await residents.get(tx, q.resident_id) if q.resident_id is not None else None
        # Blocking the blocked (or unblocking the allowed) has nothing to act on.
        already = resident is not None and name != "whois" and resident.blocked == (name == "block")
        outcome: audit.Outcome = "done" if resident is not None and not already else "invalid"
        await audit.record(
            tx, officer, name, now, forum_id=q.forum_id, question_id=q.id, outcome=outcome
        )
        w = self.wording
        if resident is None:
            return w.render("staff_whois_gone", ref=q.id)
        if name == "whois":
            return w.render(
                "staff_whois",
                ref=q.id,
                platform=resident.platform.capitalize(),
                user_id=resident.user_id,
                handle=w.text("staff_whois_handle", handle=resident.handle)
                if resident.handle
                else "",
            )
        blocking = name == "block"
        if resident.blocked == blocking:
            state = w.text("asker_blocked" if blocking else "asker_allowed")
            return w.render("staff_already", ref=q.id, state=state)
        await residents.set_blocked(tx, resident.id, now if blocking else None)
        return w.render(
            "staff_blocked" if blocking else "staff_unblocked",
            ref=q.id,
            pseudonym=resident.pseudonym,
            officer=w.officer(officer),
        )
