"""What the web publishes (issue 14, kind 9), over real HTTP against a whole
forumbot: a question asked in the web chat (which puts the forum's phrase in
front) is published without the phrase, and a reversing control in it shows
nowhere: not in the console's card, the archive, its search or the feed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.public_setup import _ask, _officer_says
from tests.web.web_setup import Visitor, browser, events, running_web

pytestmark = pytest.mark.timeout(60)

CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\ufeff"


async def test_a_web_question_is_published_without_the_phrase_or_hidden_controls(
    tmp_path: Path,
) -> None:
    async with running_web(tmp_path) as app, browser() as r_http, browser() as o_http:
        resident = Visitor(app, r_http)
        await resident.get("/")
        await _ask(resident, "is \u202eevil\u202c text on Elm\u200b Road ok?", 1)
        officer = Visitor(app, o_http)
        assert await officer.sign_in() == 303
        await officer.get("/staff/bromley")
        async with events(officer, "/staff/bromley/events") as room:
            card = await room.until("Question #1")
            shown = "".join(span[0] for span in card["spans"])
            assert "As received:\nBromley Police Online Forum is evil text on Elm Road ok?" in shown
            assert "Is evil text on Elm Road ok?" in shown
            await _officer_says(officer, room, "open", "is open until")
            await _officer_says(officer, room, "answer 1 Yes, it is.", "#1 answered")

        public = Visitor(app, r_http)
        status, page = await public.get("/archive/bromley/questions/1")
        assert status == 200
        assert "Is evil text on Elm Road ok?" in page
        assert "Bromley Police Online Forum is" not in page
        status, found = await public.get("/archive/bromley?q=evil")
        assert status == 200 and "Is evil text on Elm Road ok?" in found
        status, feed = await public.get("/archive/bromley/answers.atom")
        assert status == 200 and "Is evil text on Elm Road ok?" in feed
        for text in (page, found, feed):
            assert not any(c in text for c in CONTROLS)
