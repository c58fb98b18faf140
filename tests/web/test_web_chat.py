"""The web as a third platform, over real HTTP against a whole forumbot: a
resident asks on the chat page and gets the acknowledgement and, later, the
answer an officer gave in the console; emergencies, commands and escaping
work as on the chat apps."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.web_setup import EventStream, Visitor, browser, events, running_web

pytestmark = pytest.mark.timeout(60)

PHRASE = "Bromley Police Online Forum"


async def test_a_resident_asks_on_the_web_and_gets_the_answer_from_the_console(
    tmp_path: Path,
) -> None:
    async with running_web(tmp_path) as app, browser() as r_http, browser() as o_http:
        resident = Visitor(app, r_http)
        status, page = await resident.get("/")
        assert status == 200 and 'name="text"' in page and "call 999" in page
        async with events(resident, "/chat/events") as feed:
            # Without the phrase, asked on purpose: the page chooses the forum.
            status, _ = await resident.post_json(
                "/chat/send",
                {"text": "When will the street lights on Elm Road be fixed?", "intent": "ask"},
            )
            assert status == 200
            ack = await feed.until("#1")
            assert f"Your question to {PHRASE}" in EventStream.text_of(ack)

            officer = Visitor(app, o_http)
            assert await officer.sign_in() == 303
            status, room = await officer.get("/staff/bromley")
            assert status == 200
            assert "Question #1" in room and "street lights on Elm Road" in room
            assert "Approve #1" in room  # the card's buttons, as in the staff rooms
            answered = await officer.post_form(
                "/staff/bromley/send", {"text": "answer 1 The council repairs them on Friday."}
            )
            assert answered.status == 303

            answer = await feed.until("repairs them on Friday")
            assert "#1" in EventStream.text_of(answer)
        # The answer is kept for the resident: it is there after a reload.
        _, again = await resident.get("/")
        assert "repairs them on Friday" in again


async def test_emergency_guidance_comes_at_once_on_the_web(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        resident = Visitor(app, http)
        await resident.get("/")
        async with events(resident, "/chat/events") as feed:
            await resident.post_json(
                "/chat/send", {"text": "someone is breaking into my house right now"}
            )
            guidance = await feed.until("999")
            assert "55" in EventStream.text_of(guidance)  # silent 999 call


async def test_user_text_never_becomes_markup(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as r_http, browser() as o_http:
        resident = Visitor(app, r_http)
        await resident.get("/")
        async with events(resident, "/chat/events") as feed:
            await resident.post_json(
                "/chat/send",
                {"text": 'Why <script>alert("x")</script> <b>bold</b>?', "intent": "ask"},
            )
            await feed.until("#1")
        officer = Visitor(app, o_http)
        await officer.sign_in()
        _, room = await officer.get("/staff/bromley")
        assert "<script>alert" not in room
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in room
        assert "&lt;b&gt;bold&lt;/b&gt;" in room


async def test_mydata_and_forget_work_on_the_web(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        resident = Visitor(app, http)
        await resident.get("/")
        async with events(resident, "/chat/events") as feed:
            await resident.post_json("/chat/send", {"text": f"{PHRASE} is Elm Road patrolled?"})
            await feed.until("#1")
            await resident.post_json("/chat/send", {"text": "/mydata"})
            held = await feed.until("What we hold about you")
            assert "As you wrote it: Bromley Police Online Forum is Elm Road patrolled?" in (
                EventStream.text_of(held)
            )
            assert "Account: Web user r" in EventStream.text_of(held)
            await resident.post_json("/chat/send", {"text": "/forget confirm"})
            await feed.until("We no longer hold your account details")
        # The page's copies of earlier replies went with the account.
        _, page = await resident.get("/")
        assert "What we hold about you" not in page and "is Elm Road patrolled" not in page
        assert "We no longer hold your account details" in page


async def test_buttons_post_back_like_a_chat_app(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        resident = Visitor(app, http)
        await resident.get("/")
        async with events(resident, "/chat/events") as feed:
            await resident.post_json("/chat/send", {"text": "/subscribe"})
            chooser = await feed.until("Alerts from")
            data = [b[1] for row in chooser["buttons"] for b in row]
            assert "sub:t:bromley:appeals" in data
            status, _ = await resident.post_json("/chat/send", {"button": "sub:t:bromley:appeals"})
            assert status == 200
            await feed.until("appeals for information: on")


async def test_limits_apply_on_the_web_as_on_the_apps(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        resident = Visitor(app, http)
        await resident.get("/")
        async with events(resident, "/chat/events") as feed:
            # Longer than the forum's limit: refused by the page itself, nothing sent.
            status, body = await resident.post_json(
                "/chat/send", {"text": "x" * 2500, "intent": "ask"}
            )
            assert status == 400
            assert "2500 characters long; the most we can take is 2000" in body
            for n in range(1, 6):
                await resident.post_json(
                    "/chat/send", {"text": f"Question number {n}?", "intent": "ask"}
                )
                await feed.until(f"#{n}")
            await resident.post_json("/chat/send", {"text": "A sixth question?", "intent": "ask"})
            refused = await feed.until("You have asked 5 questions in the last hour")
            assert "Nothing was stored" in EventStream.text_of(refused)
            # On the page every later one is answered too (the apps stay quiet
            # within the hour): the resident sees nothing else.
            await resident.post_json("/chat/send", {"text": "A seventh question?", "intent": "ask"})
            again = await feed.until("still over the hourly limit")
            assert "Nothing was stored" in EventStream.text_of(again)
