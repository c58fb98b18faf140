"""A question from a resident made in a burst of new ones (``Inbound.burst``,
set by the web chat: adapters/web/newcomers.py) is marked on its card and
sent after established residents' cards, never combined with theirs; an
URGENT one still goes first."""

from __future__ import annotations

from bot.delivery.pacing import Pace, Pacer
from bot.edge.chat import ChatRef
from bot.edge.inbound import Envelope, Inbound
from bot.store.outbox import Priority
from tests.support.core_harness import STAFF_CHAT, CoreHarness

PHRASE = "Bromley Police Online Forum"
BANNER = "From one of many new web residents who wrote at once"


def _question(user: str, text: str, *, burst: bool) -> Envelope:
    return Envelope(
        Inbound(
            platform="telegram",
            event_key=f"e{user}",
            sender_id=user,
            text=f"{PHRASE} {text}",
            chat=ChatRef("telegram", user, "private"),
            burst=burst,
        )
    )


def _text(h: CoreHarness, index: int) -> str:
    return "".join(s.text for s in h.messages_to(STAFF_CHAT)[index].body)


async def _card_priorities(h: CoreHarness) -> dict[int, int]:
    async with h.core.db.read() as tx:
        rows = await tx.execute_fetchall(
            "SELECT question_id, priority FROM outbox WHERE purpose IN ('card', 'urgent_card')"
        )
    return {int(r[0]): int(r[1]) for r in rows}


async def test_an_established_residents_card_goes_before_a_floods_and_apart_from_it(
    h: CoreHarness,
) -> None:
    h.core.dispatcher.pacers["telegram"] = Pacer(Pace(per_group_per_min=60, burst=1))
    flood = [_question(f"70{n:02d}", f"flood question {n}", burst=True) for n in range(30)]
    real = _question("5001", "Is the footpath on Elm Road closed after the storm?", burst=False)
    await h.core.intake.accept([*flood, real])
    await h.core.intake.process_pending()
    await h.core.dispatcher.flush()

    priorities = await _card_priorities(h)
    assert priorities[31] == Priority.STAFF
    assert {priorities[q] for q in range(1, 31)} == {Priority.BURST}
    # Asked last, it reaches the staff room first, in a message of its own.
    first = _text(h, 0)
    assert "Elm Road" in first and "flood question" not in first and BANNER not in first
    rest = "\n".join(_text(h, i) for i in range(1, len(h.messages_to(STAFF_CHAT))))
    for n in range(30):
        assert f"flood question {n}" in rest
    assert BANNER in rest and "Elm Road" not in rest


async def test_an_urgent_question_from_a_burst_still_goes_first(h: CoreHarness) -> None:
    h.core.dispatcher.pacers["telegram"] = Pacer(Pace(per_group_per_min=60, burst=1))
    flood = [_question(f"70{n:02d}", f"flood question {n}", burst=True) for n in range(5)]
    urgent = _question("7100", "someone is attacking my neighbour right now", burst=True)
    await h.core.intake.accept([*flood, urgent])
    await h.core.intake.process_pending()
    await h.core.dispatcher.flush()
    priorities = await _card_priorities(h)
    assert priorities[6] == Priority.URGENT
    first = _text(h, 0)
    assert "attacking my neighbour" in first and BANNER in first
