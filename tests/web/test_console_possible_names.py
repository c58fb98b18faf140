"""The web console's card, over real HTTP: the "check: possibly a name" line
reaches the officer in bold, the resident's words as plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.web_setup import EventStream, Visitor, browser, events, running_web

pytestmark = pytest.mark.timeout(60)


async def test_the_console_card_asks_the_officer_to_check_a_possible_name(
    tmp_path: Path,
) -> None:
    async with running_web(tmp_path) as app, browser() as r_http, browser() as o_http:
        resident = Visitor(app, r_http)
        await resident.get("/")
        officer = Visitor(app, o_http)
        assert await officer.sign_in() == 303
        await officer.get("/staff/bromley")
        async with events(officer, "/staff/bromley/events") as room:
            await resident.post_json(
                "/chat/send",
                {
                    "text": "Bromley Police Online Forum: the tree at Fernleigh <b>fell</b> "
                    "on the path and Priya Raman saw it"
                },
            )
            card = await room.until("Question #1", "possibly a name")
    text = EventStream.text_of(card)
    assert "Check: possibly a name, left in the suggestion: \u201cFernleigh\u201d." in text
    assert ["Check: possibly a name", True] in card["spans"]
    # the resident's words are a plain span: the page shows them as text
    assert any("<b>fell</b>" in span[0] and not span[1] for span in card["spans"])
    assert "[name] saw it" in text
