"""The newsletter from the officers' web console (issue 17): typed in the
command box, the same route as in a chat staff room; a web chat resident
who chose it gets it on their page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.support.app import running_app
from tests.web.web_setup import (
    STAFF_SECRET,
    WAIT_S,
    EventStream,
    events,
    resident_and_officer,
    web_config,
)

pytestmark = pytest.mark.timeout(60)


async def test_an_officer_sees_and_sends_it_from_the_console(tmp_path: Path) -> None:
    config = web_config(tmp_path)
    config = replace(config, forums=(replace(config.forums[0], quiet_hours=None),))
    async with (
        running_app(config, {"FORUMBOT_STAFF_SECRET": STAFF_SECRET}, within_s=WAIT_S) as app,
        resident_and_officer(app) as (resident, officer),
        events(resident, "/chat/events") as feed,
        events(officer, "/staff/bromley/events") as room,
    ):
        await resident.post_json("/chat/send", {"button": "sub:t:bromley:newsletter"})
        await feed.until("newsletter: on")
        await resident.post_json(
            "/chat/send", {"text": "Bromley Police Online Forum: is the park locked at night?"}
        )
        await room.until("Question #1")
        await officer.post_json("/staff/bromley/send", {"text": "newsletter"})
        nothing = EventStream.text_of(await room.until("Nothing new"))
        await officer.post_json("/staff/bromley/send", {"text": "open"})
        await room.until("is open until")
        await officer.post_json("/staff/bromley/send", {"text": "answer 1 Yes, at dusk."})
        await room.until("#1 answered by")
        await officer.post_json("/staff/bromley/send", {"text": "close"})
        await room.until("is closed")
        await officer.post_json("/staff/bromley/send", {"text": "/newsletter"})
        preview = EventStream.text_of(await room.until("as it would go now"))
        await officer.post_json("/staff/bromley/send", {"text": "newsletter send bromley"})
        sent = EventStream.text_of(await room.until("Newsletter #1"))
        letter = await feed.until("Forum: newsletter")

    assert "Nothing new for the Bromley Police Online Forum newsletter" in nothing
    assert "to 1 subscriber (1 on the web). To send it: /newsletter send bromley" in preview
    assert "is going to 1 subscriber" in sent
    text = EventStream.text_of(letter)
    assert "Question #1: Is the park locked at night?\nAnswer: Yes, at dusk." in text
    assert ["Bromley Police Online Forum: newsletter", True] in letter["spans"]
