"""On the web, over real HTTP against a whole forumbot: what is too long is
refused with the limit and the length (the answer box holds no more than a
consultation answer; the console's command box refuses, never cuts), and a
press the core does not carry out is answered on the page, without script
too."""

from __future__ import annotations

import asyncio
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
from tests.web.web_setup import WAIT_S, EventStream, Visitor, browser, events, resident_and_officer

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
        resident_and_officer(app) as (resident, officer),
        events(resident, "/chat/events") as feed,
    ):
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


UNKNOWN = "That button no longer does anything"


async def _reply(feed: EventStream, count: int) -> dict[str, object]:
    """The ``count``-th reply saying a press did nothing, from the live feed."""
    async with asyncio.timeout(WAIT_S):
        while True:
            found = [m for m in feed.messages if UNKNOWN in EventStream.text_of(m)]
            if len(found) >= count:
                return found[count - 1]
            await feed.until(UNKNOWN, start=len(feed.messages))


PRESSES = {
    "a consultation that never was": "survey:99:0",
    "an option the consultation does not have": "survey:1:7",
    "a payload that does not unpack": "not-a-payload",
    "a known kind with a broken number": "survey:x:0",
    "an alerts choice for a forum that is gone": "sub:t:nowhere:appeals",
    "a payload of 5,000 characters": "survey:1:" + "9" * 5000,
}


async def test_a_press_the_core_does_not_carry_out_is_answered_on_the_page(
    tmp_path: Path,
) -> None:
    """With script (JSON and the live feed) and without (the form, then the
    page after its redirect, which shows the reply: one for every press so
    far): every press gets the reply on the page."""
    async with (
        running(conversation_config(tmp_path)) as app,
        resident_and_officer(app) as (resident, officer),
    ):
        answered: dict[str, str] = {}
        shown: dict[str, int] = {}
        presses = 0
        async with events(resident, "/chat/events") as feed:
            await _consultation_on_the_page(resident, officer, feed, "Bike marking?", "Yes", "No")
            for name, data in PRESSES.items():
                status, _ = await resident.post_json("/chat/send", {"button": data})
                assert status == 200, name
                presses += 1
                answered[name] = EventStream.text_of(await _reply(feed, presses))
                form = await resident.post_form("/chat/send", {"button": data}, follow=True)
                page = await form.text()
                presses += 1
                assert form.status == 200, name
                # The page after the redirect shows the reply, with no script to fetch it.
                shown[name] = _page_text(page).count(UNKNOWN)
                await _reply(feed, presses)

    for name in PRESSES:
        assert answered[name] == (
            "That button no longer does anything. Send /help to see what you can do."
        ), name
    assert shown == {name: 2 * (n + 1) for n, name in enumerate(PRESSES)}
    assert _rows(app, "SELECT COUNT(*) FROM survey_answer") == [(0,)]


async def test_a_consultations_button_pressed_after_it_closed_is_answered_without_script(
    tmp_path: Path,
) -> None:
    async with (
        running(conversation_config(tmp_path)) as app,
        resident_and_officer(app) as (resident, officer),
        events(resident, "/chat/events") as feed,
    ):
        await _consultation_on_the_page(resident, officer, feed, "Bike marking?", "Yes", "No")
        await officer.post_form("/staff/bromley/send", {"text": "survey close 1"})
        _, before = await resident.get("/")
        form = await resident.post_form("/chat/send", {"button": "survey:1:0"}, follow=True)
        page = _page_text(await form.text())

    assert 'name="button" value="survey:1:0"' in before  # still on the page, as on the apps
    assert form.status == 200
    late = page.rfind("Consultation #1 has closed, so answers can no longer be given or changed.")
    assert late > page.rfind("Yes")  # what was pressed, then the reply
    assert _rows(app, "SELECT COUNT(*) FROM survey_answer") == [(0,)]


async def test_a_press_the_console_does_not_carry_out_is_answered_in_the_room(
    tmp_path: Path,
) -> None:
    async with running(conversation_config(tmp_path)) as app, browser() as o_http:
        officer = Visitor(app, o_http)
        assert await officer.sign_in() == 303
        await officer.get("/staff/bromley")
        async with events(officer, "/staff/bromley/events") as room:
            for data in ("approve:999", "not-a-payload", "approve:" + "9" * 5000):
                start = len(room.messages)
                status, _ = await officer.post_json("/staff/bromley/send", {"button": data})
                assert status == 200
                await room.until(start=start)
        replies = [EventStream.text_of(m) for m in room.messages]

    assert len(replies) == 3
    assert "There is no question #999" in replies[0]
    assert replies[1] == "Unknown command /not-a-payload. Send /help for the list."
    assert "that number is far larger than any we have" in replies[2]


async def test_the_console_answers_an_empty_command_with_what_to_type(tmp_path: Path) -> None:
    async with running(conversation_config(tmp_path)) as app, browser() as o_http:
        officer = Visitor(app, o_http)
        assert await officer.sign_in() == 303
        await officer.get("/staff/bromley")
        replies = []
        for empty in ("", "   ", "\u200b\u2060", "\u202e"):
            form = await officer.post_form("/staff/bromley/send", {"text": empty})
            replies.append((form.status, _page_text(await form.text())))
        status, body = await officer.post_json("/staff/bromley/send", {"text": "\u200b"})

    told = "Type a command first, for example /queue or /answer 12 text."
    assert all(code == 400 and told in page for code, page in replies), replies
    assert status == 400 and told in body
    assert _rows(app, "SELECT COUNT(*) FROM inbox") == [(0,)]
