"""Every message that triages as urgent makes an URGENT card in the staff
room, whatever route it came by (issue 16, item 1): a consultation's answer
(a reply or ``/survey``), a command's words (``/withdraw``, ``/subscribe``,
``/forget``, ``/status``...), an edited command, an edited consultation
answer. An urgent consultation answer is not kept as the answer
(docs/decisions.md "An emergency sent as a consultation answer")."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.edge.chat import ChatRef
from bot.edge.clock import FakeClock
from bot.edge.rich import plain
from tests.support.core_harness import (
    DATABASE,
    STAFF_CHAT,
    START,
    CoreHarness,
    at,
    forum_config,
)

RESIDENT = "5001"
KNIFE = "there is a man with a knife outside my house right now"
CAR = "someone is breaking into my car right now"
NOT_KEPT = "not kept as your consultation answer"


def _urgent_cards(h: CoreHarness, words: str) -> list[str]:
    return [t for t in h.texts_to(STAFF_CHAT) if "URGENT" in t and words in t]


async def _consultation(h: CoreHarness, options: str = "") -> str:
    """The resident subscribes to consultations and officers ask #1; returns
    the platform id of the consultation's message in the resident's chat."""
    await h.resident_says(RESIDENT, "/subscribe")
    await h.resident_presses(RESIDENT, "sub:t:bromley:consultations")
    await h.staff_says(f'/survey bromley "What worries you most about your street?"{options}')
    async with h.core.db.read() as tx:
        rows = await tx.execute_fetchall(
            "SELECT platform_message_id FROM outbox WHERE chat_id = ? AND broadcast_id = 1",
            (RESIDENT,),
        )
    return str(next(iter(rows))[0])


async def _answers(h: CoreHarness) -> str:
    (results,) = await h.staff_says("/survey results 1")
    return results


async def test_an_urgent_reply_to_a_consultation_is_carded_not_kept(h: CoreHarness) -> None:
    message_id = await _consultation(h)
    replies = await h.resident_replies(RESIDENT, KNIFE, reply_to=message_id)
    assert "call 999 now" in replies[0]
    assert NOT_KEPT in replies[1]
    assert "#1" in replies[2] and "Bromley Police Online Forum" in replies[2]  # the question
    assert not any("Your answer to consultation" in r for r in replies)
    assert len(_urgent_cards(h, KNIFE)) == 1
    assert "0 answers" in await _answers(h)
    # A calm answer afterwards is kept as ever.
    thanks = await h.resident_replies(RESIDENT, "Speeding at night", reply_to=message_id)
    assert 'your answer to consultation #1 is "Speeding at night"' in thanks[0]


async def test_an_urgent_survey_command_is_carded_not_kept(h: CoreHarness) -> None:
    await _consultation(h)
    replies = await h.resident_says(RESIDENT, f"/survey 1 {CAR}")
    assert "call 999 now" in replies[0]
    assert NOT_KEPT in replies[1]
    assert _urgent_cards(h, CAR)
    assert not any("consultation #1 is" in r for r in replies)
    assert "0 answers" in await _answers(h)


async def test_an_urgent_edit_of_a_consultation_answer_is_carded(h: CoreHarness) -> None:
    message_id = await _consultation(h)
    event = h._event(
        ChatRef("telegram", RESIDENT, "private"),
        RESIDENT,
        "Speeding at night",
        reply_to_message_id=message_id,
    )
    await h.deliver(event)
    edited = replace(event, event_key="edit-1", text=KNIFE, edited=True)
    before = len(h.sender.sent)
    await h.deliver(edited)
    replies = [plain(m.body) for m in h.sender.sent[before:] if m.chat.chat_id == RESIDENT]
    assert "call 999 now" in replies[0]
    assert _urgent_cards(h, KNIFE)


@pytest.mark.parametrize(
    "command",
    [
        "/withdraw 3",
        "/subscribe",
        "/unsubscribe",
        "/status",
        "/help",
        "/next",
        "/forget",
        "/mydata",
    ],
)
async def test_an_urgent_command_is_run_and_carded(h: CoreHarness, command: str) -> None:
    replies = await h.resident_says(RESIDENT, f"{command} {CAR}")
    assert "call 999 now" in replies[0]
    assert len(replies) >= 3  # 999, the command's own reply, the question's acknowledgement
    assert any("#1" in r and "Bromley Police Online Forum" in r for r in replies[1:])
    (card,) = _urgent_cards(h, CAR)
    assert command.split()[0] not in card  # the resident's words, not the command's name


async def test_an_urgent_edit_of_a_command_is_carded_not_run(h: CoreHarness) -> None:
    event = h._event(ChatRef("telegram", RESIDENT, "private"), RESIDENT, "/status")
    await h.deliver(event)
    edited = replace(event, event_key="edit-2", text=f"/status {CAR}", args=CAR, edited=True)
    before = len(h.sender.sent)
    await h.deliver(edited)
    replies = [plain(m.body) for m in h.sender.sent[before:] if m.chat.chat_id == RESIDENT]
    assert "call 999 now" in replies[0]
    assert not any("You have no questions" in r for r in replies)
    assert _urgent_cards(h, CAR)


async def test_an_urgent_ask_without_a_phrase_with_two_forums_is_carded(tmp_path: Path) -> None:
    """With two forums, ``/ask`` without a phrase asks which forum; an
    urgent one is taken in the forum the resident last asked (else the first)."""
    config = forum_config(str(tmp_path / DATABASE))
    bromley = config.forums[0]
    bexley = replace(bromley, id="bexley", name="Bexley Forum", phrases=("Bexley Forum",))
    config = replace(config, forums=(bromley, bexley))
    h = await CoreHarness(config, FakeClock(at(START))).open()
    try:
        (which,) = await h.resident_says(RESIDENT, "/ask is Elm Road patrolled?")
        assert "Which forum is your question for?" in which and "- Bexley Forum" in which
        replies = await h.resident_says(RESIDENT, f"/ask {CAR}")
        assert "call 999 now" in replies[0]
        assert "#1" in replies[1] and "Bromley Police Online Forum" in replies[1]
        assert _urgent_cards(h, CAR)
    finally:
        await h.close()
