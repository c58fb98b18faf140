"""On the web, over real HTTP against a whole forumbot: what is too long is
refused with the limit and the length (the answer box holds no more than a
consultation answer; the console's command box refuses, never cuts), and a
press the core does not carry out is answered on the page, without script
too."""

from __future__ import annotations

import html
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from adapters.web.feed import MAX_TEXT
from bot.core import ANSWER_LENGTH
from forumbot.app import App
from tests.web.test_web_conversation import conversation_config, running
from tests.web.web_setup import EventStream, Visitor, browser, events

pytestmark = pytest.mark.timeout(60)


def _rows(app: App, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(app.config.database)) as db:
        return list(db.execute(sql).fetchall())


def _page_text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page))


async def _consultation_on_the_page(
    resident: Visitor, officer: Visitor, feed: EventStream, question: str, *options: str
) -> dict[str, object]:
    """The resident chooses consultations; the officer sends one; its message."""
    await resident.post_json("/chat/send", {"text": "/subscribe"})
    await feed.until("Alerts from")
    await resident.post_json("/chat/send", {"button": "sub:t:bromley:consultations"})
    await feed.until("consultations: on")
    quoted = " ".join(f'"{o}"' for o in options)
    await officer.post_form(
        "/staff/bromley/send", {"text": f'survey bromley "{question}" {quoted}'}
    )
    return await feed.until(question)


async def test_the_answer_box_holds_a_consultation_answer_and_longer_is_refused(
    tmp_path: Path,
) -> None:
    async with (
        running(conversation_config(tmp_path)) as app,
        browser() as r_http,
        browser() as o_http,
    ):
        resident = Visitor(app, r_http)
        await resident.get("/")
        officer = Visitor(app, o_http)
        assert await officer.sign_in() == 303
        await officer.get("/staff/bromley")
        async with events(resident, "/chat/events") as feed:
            free = await _consultation_on_the_page(
                resident, officer, feed, "What should we patrol more?"
            )
            _, page = await resident.get("/")
            start = len(feed.messages)
            # Without script: the form posts, the page comes back with the reply.
            sent = await resident.post_form(
                "/chat/send",
                {"text": "x" * (ANSWER_LENGTH + 1), "reply_to": str(free["id"])},
                follow=True,
            )
            refusal = EventStream.text_of(await feed.until("characters long", start=start))
            _, after = await resident.get("/")

    box = re.search(rf'<textarea id="answer-{free["id"]}"[^>]*>', page)
    assert box and f'maxlength="{ANSWER_LENGTH}"' in box.group(0)
    assert 'data-answer-max="1000"' in page  # the script's answer boxes get the same
    assert sent.status == 200
    assert refusal == (
        "Your answer to consultation #1 is 1001 characters long; the most we can take is 1000."
        " Please shorten it and send it again. Nothing was stored."
    )
    assert "Your answer to consultation #1 is 1001 characters long" in _page_text(after)
    assert _rows(app, "SELECT text FROM survey_answer") == []


async def test_the_console_refuses_an_over_long_command_and_keeps_it_in_the_box(
    tmp_path: Path,
) -> None:
    async with running(conversation_config(tmp_path)) as app, browser() as o_http:
        officer = Visitor(app, o_http)
        assert await officer.sign_in() == 303
        _, room = await officer.get("/staff/bromley")
        answer = "answer 1 " + "y" * MAX_TEXT
        form = await officer.post_form("/staff/bromley/send", {"text": answer})
        page = await form.text()
        status, body = await officer.post_json("/staff/bromley/send", {"text": answer})
        _, room_after = await officer.get("/staff/bromley")

    assert f'maxlength="{MAX_TEXT}"' in room
    assert form.status == 400
    reason = f"Your message is {len(answer)} characters long; the most we can take is {MAX_TEXT}."
    assert reason in _page_text(page)
    assert answer in html.unescape(page)  # kept in the box to shorten
    assert status == 400 and reason in body
    # Nothing reached the staff desk: not even its "no question #1".
    assert "There is no question #1" not in _page_text(room_after)
    assert _rows(app, "SELECT COUNT(*) FROM inbox") == [(0,)]
