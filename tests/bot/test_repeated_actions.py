"""Repeated actions act once (issue 14): every officer command and every
card button, sent twice, has the effect of sending it once: residents and
public rooms are told once, the stored state is the same, and the second
gets a reply saying it was already done. Checked for every route of the
staff desk's table (a new route without a case here fails), three ways:

- together: both arrive before anything is sent (a double press, a client
  that sends again while the first is in flight);
- apart: the second comes after the first was carried out and delivered;
- redelivered: the platform delivers the very same update twice (same
  event key): the inbox keeps one, so the second gets no reply at all.

The effect of "twice" is compared with a separate run that does it once."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pytest

from bot.desks.staff import STAFF_ROUTES
from bot.edge.chat import ChatRef
from bot.edge.inbound import Envelope, Inbound
from bot.edge.payload import CARD_KINDS
from bot.edge.rich import plain
from bot.edge.sending import Outgoing
from bot.store.database import fetch_all
from tests.support.core_harness import OFFICER, STAFF_CHAT, CoreHarness, open_harness

Mode = Literal["together", "apart", "redelivered"]
MODES: tuple[Mode, ...] = ("together", "apart", "redelivered")

PHRASE = "Bromley Police Online Forum"
_PSEUDONYM = re.compile(r"\bR-[0-9A-F]{4}\b")  # random per run


def _text(message: Outgoing) -> str:
    return _PSEUDONYM.sub("R-····", plain(message.body))


@dataclass(frozen=True)
class Case:
    """``action``: the command (``/...``) or the button data sent twice.
    ``again``: in the reply to the second; None: a look-up, which answers
    the same again (and changes nothing). ``before``: staff commands first.
    ``apart``: whether the second, coming after the first was delivered,
    is still a repeat (``resend`` then is a new request: it sends again)."""

    action: str
    again: str | None
    before: tuple[str, ...] = ()
    apart: bool = True


COMMANDS: dict[str, Case] = {
    "approve": Case("/approve 1", "#1 is already approved. Nothing was changed"),
    "edit": Case("/edit 1 Is there a speed check on a road?", "#1 already has that text"),
    "reject": Case("/reject 1 Please call 101", "#1 is already rejected. Nothing was changed"),
    "answer": Case("/answer 1 On Thursday.", "#1 is already answered. Nothing was changed"),
    "later": Case("/later 1 asking traffic", "#1 is already deferred. Nothing was changed"),
    "merge": Case("/merge 2 1", "#2 is already merged. Nothing was changed"),
    "resend": Case(
        "/resend 1",
        "#1: the answer is already on its way to the asker",
        before=("/answer 1 On Thursday.",),
        apart=False,
    ),
    "seen": Case("/seen 3", "URGENT #3 was already marked Seen by officer"),
    "whois": Case("/whois 1", None),
    "block": Case("/block 1", "The asker of #1 is already blocked"),
    "unblock": Case("/unblock 1", "The asker of #1 is already allowed", before=("/block 1",)),
    "queue": Case("/queue", None),
    "open": Case("/open", "A session for Bromley Police Online Forum is already open"),
    "close": Case("/close", "No session for Bromley Police Online Forum is open", ("/open",)),
    "next": Case("/next", None),
    "alert": Case(
        "/alert bromley appeals Have you seen a red van?", "with the same words was already"
    ),
    "survey": Case(
        '/survey bromley "A bike-marking day?" "Yes" "No"',
        "with the same question and options was already sent",
    ),
    "newsletter": Case(
        "/newsletter send",
        "Nothing new for the Bromley Police Online Forum newsletter since the last one",
        before=("/alert bromley appeals Have you seen a red van?",),
    ),
    "help": Case("/help", None),
}

BUTTONS: dict[str, Case] = {
    "approve": Case("approve:1", "#1 is already approved. Nothing was changed"),
    "reject": Case("reject:1", "#1 is already rejected. Nothing was changed"),
    "later": Case("later:1", "#1 is already deferred. Nothing was changed"),
    "seen": Case("seen:3", "URGENT #3 was already marked Seen by officer"),
}


def test_every_staff_route_and_card_button_has_a_repeat_case() -> None:
    assert set(COMMANDS) == {route.name for route in STAFF_ROUTES}
    assert set(BUTTONS) == set(CARD_KINDS)


_KEYS = itertools.count(1)


def _event(case: Case) -> Inbound:
    key = f"repeat-{next(_KEYS)}"
    chat = ChatRef("telegram", STAFF_CHAT, "group")
    if not case.action.startswith("/"):
        return Inbound("telegram", key, chat, OFFICER, message_id="1", button=case.action)
    head, _, args = case.action[1:].partition(" ")
    return Inbound(
        "telegram",
        key,
        chat,
        OFFICER,
        text=case.action,
        message_id=key,
        command=head,
        args=args,
    )


async def _world(h: CoreHarness, case: Case) -> None:
    """Two questions, an URGENT one (#3), subscribers to appeals and
    consultations, then ``before``."""
    await h.resident_says("5001", f"{PHRASE} is there a speed check on Elm Road?")
    await h.resident_says("5002", f"{PHRASE} speed checks on Elm Road?")
    await h.resident_says("5004", f"{PHRASE} someone is breaking into my house right now")
    await h.resident_says("5003", "/subscribe")
    await h.resident_presses("5003", "sub:t:bromley:appeals")
    await h.resident_presses("5003", "sub:t:bromley:consultations")
    for command in case.before:
        await h.staff_says(command)


async def _together(h: CoreHarness, *events: Inbound) -> None:
    await h.core.intake.accept([Envelope(e) for e in events])
    await h.core.intake.process_pending()
    await h.core.dispatcher.flush()


async def _effects(h: CoreHarness) -> dict[str, object]:
    """What anyone but the officers was told, and what is stored (look-ups,
    recorded per look-up by design, and non-effects aside)."""
    told = {
        chat: [_text(m) for m in h.sender.sent if m.chat.chat_id == chat]
        for chat in sorted({m.chat.chat_id for m in h.sender.sent} - {STAFF_CHAT})
    }
    queries = {
        "questions": "SELECT id, state, publishable, answer, merged_into, seen_at, seen_by"
        " FROM question",
        "residents": "SELECT id, blocked_at IS NOT NULL FROM resident",
        "sessions": "SELECT id, state FROM session",
        "alerts": "SELECT id, alert_type, body FROM broadcast",
        "surveys": "SELECT id, question, closed_at FROM survey",
        "outbox": "SELECT platform, chat_id, purpose, state FROM outbox WHERE chat_kind != 'group'",
        "audit": "SELECT action, outcome FROM audit WHERE outcome = 'done' AND action != 'whois'",
    }
    stored: dict[str, object] = {"told": told}
    async with h.core.db.read() as tx:
        for name, sql in queries.items():
            stored[name] = [tuple(r) for r in await fetch_all(tx, sql)]
    return stored


def _staff_replies(h: CoreHarness, start: int) -> list[str]:
    return [_text(m) for m in h.sender.sent[start:] if m.chat.chat_id == STAFF_CHAT]


async def _run(
    directory: Path, case: Case, mode: Mode | None
) -> tuple[dict[str, object], list[str]]:
    """``case`` once (``mode`` None) or twice as ``mode`` says: the effects and
    the replies in the staff room to the action(s)."""
    async with open_harness(directory) as h:
        await _world(h, case)
        start = len(h.sender.sent)
        first = _event(case)
        if mode is None:
            await h.deliver(first)
        elif mode == "together":
            await _together(h, first, _event(case))
        elif mode == "apart":
            await h.deliver(first)
            await h.deliver(_event(case))
        else:
            await h.deliver(first)
            await h.deliver(first)
        return await _effects(h), _staff_replies(h, start)


def _cases() -> list[object]:
    params: list[object] = []
    for kind, table in (("command", COMMANDS), ("button", BUTTONS)):
        for name, case in table.items():
            for mode in MODES:
                if mode == "apart" and not case.apart:
                    continue
                params.append(pytest.param(case, mode, id=f"{kind}-{name}-{mode}"))
    return params


@pytest.mark.parametrize(("case", "mode"), _cases())
async def test_twice_acts_once(tmp_path: Path, case: Case, mode: Mode) -> None:
    for name in ("once", "twice"):
        (tmp_path / name).mkdir()
    once, once_replies = await _run(tmp_path / "once", case, None)
    twice, twice_replies = await _run(tmp_path / "twice", case, mode)
    assert twice == once
    if mode == "redelivered":
        assert twice_replies == once_replies  # the redelivery is not processed again
        return
    assert len(once_replies) >= 1 and twice_replies[: len(once_replies)] == once_replies
    second = twice_replies[len(once_replies) :]
    assert len(second) == 1, twice_replies
    if case.again is None:
        assert second == once_replies[-1:]
    else:
        assert case.again in second[0]


async def test_a_resend_after_the_answer_went_sends_it_again(h: CoreHarness) -> None:
    """Unlike a repeat, a resend asked for once the answer was delivered is
    the officer's new request (after a notice that it may not have arrived)."""
    await h.resident_says("5001", f"{PHRASE} is there a speed check on Elm Road?")
    await h.staff_says("/answer 1 On Thursday.")
    for _ in range(2):
        replies = await h.staff_says("/resend 1")
        assert "the answer goes to the asker again" in replies[0]
    answers = [t for t in h.texts_to("5001") if "Answer to your question #1" in t]
    assert len(answers) == 3
