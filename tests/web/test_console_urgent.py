"""Issue 15 in the console, over real HTTP against a whole forumbot: URGENT
cards sit above all others, labelled in words, the page's title counts those
not yet seen, and every card shows where its question stands, with only the
buttons that still apply, on the page and live on the staff room's stream."""

from __future__ import annotations

import asyncio
import html
import re
from pathlib import Path

import pytest

from tests.web.web_setup import Visitor, browser, events, resident_and_officer, running_web

pytestmark = pytest.mark.timeout(90)

URGENT_TEXT = "someone is attacking my neighbour right now"


def _title(page: str) -> str:
    found = re.search(r"<title>(.*?)</title>", page, re.S)
    assert found is not None
    return html.unescape(found.group(1))


async def test_an_urgent_card_after_many_ordinary_ones_is_first_and_its_state_live(
    tmp_path: Path,
) -> None:
    async with (
        running_web(tmp_path) as app,
        browser() as r1_http,
        browser() as r2_http,
        browser() as o_http,
    ):
        ordinary = Visitor(app, r1_http)
        await ordinary.get("/")
        worried = Visitor(app, r2_http)
        await worried.get("/")
        officer = Visitor(app, o_http)
        assert await officer.sign_in() == 303
        await officer.get("/staff/bromley")
        async with events(officer, "/staff/bromley/events") as room:
            questions = (
                "Is the park locked at night?",
                "When are the bins collected on Elm Road?",
                "Who do I tell about a broken street light?",
            )
            for n, text in enumerate(questions, start=1):
                await ordinary.post_json("/chat/send", {"text": text, "intent": "ask"})
                await room.until(f"Question #{n}")
            await worried.post_json("/chat/send", {"text": URGENT_TEXT, "intent": "ask"})
            urgent_card = await room.until("Question #4")
            _, before = await officer.get("/staff/bromley")
            # Seen: live, the card's "Seen" goes and it says who saw it.
            await officer.post_json("/staff/bromley/send", {"button": "seen:4"})
            seen = await room.until_state(4, "new", seen=True)
            # Rejected: live, every button goes.
            await officer.post_json("/staff/bromley/send", {"text": "reject 2 not for this forum"})
            rejected = await room.until_state(2, "rejected")
        _, after = await officer.get("/staff/bromley")

    assert urgent_card["card"]["urgent"] is True
    assert urgent_card["card"]["awaiting_seen"] is True
    assert next(b[1] for row in urgent_card["buttons"] for b in row) == "seen:4"
    # The page: the URGENT card comes before every ordinary one, labelled in words.
    first_card = before.index('data-question="')
    assert before[first_card:].startswith('data-question="4"')
    assert before.index("Question #4") < before.index("Question #1")
    assert 'class="urgent-label">URGENT<' in before
    # Said once (issue 16): the label, then the card's own banner without the word.
    assert "URGENT URGENT" not in before and "URGENT: may be" not in before
    assert (
        '"urgent-label">URGENT</strong> <span class="msg-text"><strong>May be an emergency.'
        in before
    )
    assert _title(before).startswith("(1 URGENT) ")
    assert 'name="button" value="seen:4"' in before
    # Live state events: the card as it now stands, with the buttons that still apply.
    assert seen["card"]["awaiting_seen"] is False
    assert "seen:4" not in [b[1] for row in seen["buttons"] for b in row]
    assert [b[1] for row in seen["buttons"] for b in row] == ["approve:4", "reject:4", "later:4"]
    assert rejected["buttons"] == []
    # The page built afterwards: no longer counted in the title, states shown,
    # the rejected card's buttons gone, the seen card's "Seen" gone.
    assert not _title(after).startswith("(")
    assert 'name="button" value="seen:4"' not in after
    assert 'name="button" value="approve:2"' not in after
    assert 'name="button" value="approve:1"' in after
    text = html.unescape(re.sub(r"<[^>]+>", "", after))
    assert "Status: Rejected" in text
    assert "Seen by" in text
    assert after.index("Question #4") < after.index("Question #1")


async def test_a_folded_urgent_message_is_added_to_the_card_in_the_console(
    tmp_path: Path,
) -> None:
    """A resident's further urgent message is no new card: the console's
    card of the first is rewritten to carry it, "+1 more" (issue 15)."""
    async with (
        running_web(tmp_path) as app,
        resident_and_officer(app) as (worried, officer),
        events(officer, "/staff/bromley/events") as room,
    ):
        await worried.post_json("/chat/send", {"text": URGENT_TEXT, "intent": "ask"})
        await room.until("Question #1")
        second = "he has a knife and is kicking her door in now"
        await worried.post_json("/chat/send", {"text": second, "intent": "ask"})
        for _ in range(50):
            _, page = await officer.get("/staff/bromley")
            if "kicking her door in" in page:
                break
            await asyncio.sleep(0.1)
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "+1 more urgent message from the same resident" in text
    assert "kicking her door in" in text and "attacking my neighbour" in text
    assert text.count("Question #") == 1
