"""The web chat is a conversation, not a form that files everything (issue
14), over real HTTP against a whole forumbot: chat-like messages get help and
file nothing; a question is asked on purpose (the phrase, /ask, or the page's
"Ask the police team" with its forum chooser); consultations are answered on
the page; the apps' "reply to this message" never reaches it; after /forget
the page still shows what comes; the text box's limit is the forum's and the
server refuses longer text; a send that fails is shown; without script the
page after the form's redirect shows the resident's message and the reply."""

from __future__ import annotations

import asyncio
import re
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, closing
from dataclasses import replace
from pathlib import Path

import pytest

from config.model import Config, Forum, Limits
from forumbot.app import App
from tests.support.app import running_app
from tests.web.web_setup import (
    STAFF_SECRET,
    WAIT_S,
    EventStream,
    Visitor,
    browser,
    events,
    resident_and_officer,
    web_config,
)

pytestmark = pytest.mark.timeout(60)

PHRASE = "Bromley Police Online Forum"
LEWISHAM = "Lewisham Police Online Forum"


def conversation_config(tmp_path: Path, *, two_forums: bool = False, length: int = 2000) -> Config:
    """One forum (or Bromley and Lewisham), no quiet hours (the tests run at
    any hour), ``length`` the question length limit."""
    config = web_config(tmp_path)
    bromley = replace(config.forums[0], quiet_hours=None)
    forums: tuple[Forum, ...] = (bromley,)
    if two_forums:
        forums += (replace(bromley, id="lewisham", name=LEWISHAM, phrases=(LEWISHAM,)),)
    return replace(config, forums=forums, limits=Limits(question_length=length))


@asynccontextmanager
async def running(config: Config) -> AsyncIterator[App]:
    async with running_app(config, {"FORUMBOT_STAFF_SECRET": STAFF_SECRET}, within_s=WAIT_S) as app:
        yield app


def questions_in(app: App) -> list[tuple[int, str, str]]:
    """(id, forum, text) of every question stored, read from the database file."""
    with closing(sqlite3.connect(app.config.database)) as db:
        rows = db.execute("SELECT id, forum_id, text FROM question ORDER BY id").fetchall()
    return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]


async def add_trigger(app: App, sql: str) -> None:
    """Change the forum's database beside the running app (in a thread: the
    app's writer may be mid-transaction on this event loop)."""

    def run() -> None:
        with closing(sqlite3.connect(app.config.database, timeout=WAIT_S)) as db:
            db.execute(sql)
            db.commit()

    await asyncio.to_thread(run)


def last_id(page: str) -> int:
    found = re.search(r'data-last-id="(\d+)"', page)
    assert found
    return int(found.group(1))


async def test_chat_like_messages_get_help_and_file_nothing(tmp_path: Path) -> None:
    async with running(conversation_config(tmp_path)) as app, browser() as http:
        resident = Visitor(app, http)
        await resident.get("/")
        async with events(resident, "/chat/events") as feed:
            seen = 0
            for said in ("hello", "thanks!", "help"):
                status, _ = await resident.post_json("/chat/send", {"text": said})
                assert status == 200
                mine = await feed.until(said, start=seen)
                assert mine["mine"] is True  # the page shows what the resident wrote
                seen = feed.messages.index(mine) + 1
                helped = await feed.until("How to ask", start=seen)
                assert 'press "Ask the police team"' in EventStream.text_of(helped)
                seen = feed.messages.index(helped) + 1
            # Zero-width characters only: nothing to send, and the page says so.
            status, body = await resident.post_json("/chat/send", {"text": "\u200b\u200d\ufeff"})
            assert status == 400 and "Write your message first." in body
        assert questions_in(app) == []
        # The apps' wording never reaches the page.
        _, page = await resident.get("/")
        assert "Reply to this" not in page and "reply to it" not in page


async def test_a_question_is_asked_on_purpose_with_the_forum_chosen(tmp_path: Path) -> None:
    config = conversation_config(tmp_path, two_forums=True)
    async with running(config) as app, browser() as http:
        resident = Visitor(app, http)
        _, page = await resident.get("/")
        # The page's ask control: a chooser of the forums, and its own button.
        assert '<select id="forum" name="forum">' in page
        assert f'<option value="lewisham">{LEWISHAM}</option>' in page
        assert '<button type="submit" name="intent" value="ask">Ask the police team' in page
        async with events(resident, "/chat/events") as feed:
            await resident.post_json(
                "/chat/send",
                {"text": "Is the park gate locked at night?", "intent": "ask", "forum": "lewisham"},
            )
            ack = await feed.until("#1")
            assert f"Your question to {LEWISHAM} is #1" in EventStream.text_of(ack)
            # The phrase, sent as a message, asks too; and /ask.
            await resident.post_json("/chat/send", {"text": f"{PHRASE} is Elm Road patrolled?"})
            await feed.until(f"Your question to {PHRASE} is #2")
            await resident.post_json("/chat/send", {"text": f"/ask {PHRASE} any speed checks?"})
            await feed.until(f"Your question to {PHRASE} is #3")
            # A command sent with the ask button is still the command.
            await resident.post_json("/chat/send", {"text": "/status", "intent": "ask"})
            await feed.until("Your questions")
        asked = questions_in(app)
        assert [(q[0], q[1]) for q in asked] == [(1, "lewisham"), (2, "bromley"), (3, "bromley")]
        assert "Is the park gate locked at night?" in asked[0][2]


async def test_consultations_are_answered_on_the_page(tmp_path: Path) -> None:
    async with (
        running(conversation_config(tmp_path)) as app,
        resident_and_officer(app) as (resident, officer),
    ):
        async with events(resident, "/chat/events") as feed:
            await resident.post_json("/chat/send", {"text": "/subscribe"})
            await feed.until("Alerts from")
            await resident.post_json("/chat/send", {"button": "sub:t:bromley:consultations"})
            await feed.until("consultations: on")

            # Free text: an answer box under the consultation, not "reply to this message".
            await officer.post_form(
                "/staff/bromley/send", {"text": 'survey bromley "What should we patrol more?"'}
            )
            free = await feed.until("Consultation #1")
            text = EventStream.text_of(free)
            assert free["answerable"] is True and free["buttons"] == []
            assert "Write your answer in the box below this message" in text
            assert "Reply to this message" not in text
            _, page = await resident.get("/")
            assert f'name="reply_to" value="{free["id"]}"' in page
            assert 'for="answer-{}">Your answer</label>'.format(free["id"]) in page
            start = len(feed.messages)
            answered = await resident.post_form(
                "/chat/send", {"text": "The underpass at night", "reply_to": str(free["id"])}
            )
            assert answered.status == 303
            thanks = await feed.until("consultation #1", start=start)
            assert '"The underpass at night"' in EventStream.text_of(thanks)

            # Choices: the buttons, pressed on the page.
            await officer.post_form(
                "/staff/bromley/send", {"text": 'survey bromley "Bike marking?" "Yes" "No"'}
            )
            choice = await feed.until("Consultation #2")
            assert choice["answerable"] is False
            assert "Choose your answer below" in EventStream.text_of(choice)
            assert [b[1] for row in choice["buttons"] for b in row] == ["survey:2:0", "survey:2:1"]
            await resident.post_json("/chat/send", {"button": "survey:2:0"})
            pressed = await feed.until("Yes", start=len(feed.messages))
            assert pressed["mine"] is True  # the label the resident pressed
            await feed.until('consultation #2 is "Yes"')

            # /survey with no answer: the page's own way to answer, in its words.
            await resident.post_json("/chat/send", {"text": "/survey"})
            usage = await feed.until("To answer a consultation")
            assert "the answer box under it" in EventStream.text_of(usage)
            assert "reply to it" not in EventStream.text_of(usage)

        # Closed: the answer box goes.
        async with events(officer, "/staff/bromley/events") as room:
            await officer.post_form("/staff/bromley/send", {"text": "survey close 1"})
            await room.until("Consultation #1", "The underpass at night")
        _, page = await resident.get("/")
        assert 'name="reply_to"' not in page


async def test_after_forget_the_page_shows_the_confirmation_and_later_replies(
    tmp_path: Path,
) -> None:
    async with running(conversation_config(tmp_path)) as app, browser() as http:
        resident = Visitor(app, http)
        await resident.get("/")
        async with events(resident, "/chat/events") as feed:
            await resident.post_json("/chat/send", {"text": "/next"})
            await feed.until("Upcoming live sessions")
            await resident.post_json("/chat/send", {"text": "/status"})
            await feed.until("You have no questions")
        _, page = await resident.get("/")
        seen = last_id(page)
        # A page that has seen every id so far, as an open page has.
        async with events(resident, f"/chat/events?after={seen}") as feed:
            await resident.post_json("/chat/send", {"text": "/forget confirm"})
            done = await feed.until("We no longer hold your account details")
            assert done["id"] > seen
            await resident.post_json("/chat/send", {"text": "/next"})
            later = await feed.until("Upcoming live sessions")
            assert later["id"] > done["id"]
        _, page = await resident.get("/")
        assert "We no longer hold your account details" in page
        assert "You have no questions" not in page  # erased with the account


async def test_the_text_box_limit_is_the_forums_and_longer_text_is_refused(
    tmp_path: Path,
) -> None:
    async with running(conversation_config(tmp_path, length=300)) as app, browser() as http:
        resident = Visitor(app, http)
        _, page = await resident.get("/")
        assert 'maxlength="300"' in page and "At most 300 characters" in page
        status, body = await resident.post_json("/chat/send", {"text": "y" * 301, "intent": "ask"})
        assert status == 400
        assert "301 characters long; the most we can take is 300" in body
        # Without script: the page again, the reason shown and the text kept to shorten.
        refused = await resident.post_form("/chat/send", {"text": "z" * 301, "intent": "ask"})
        assert refused.status == 400
        shown = await refused.text()
        assert "301 characters long; the most we can take is 300" in shown
        assert "z" * 301 + "</textarea>" in shown
        async with events(resident, "/chat/events") as feed:
            status, _ = await resident.post_json("/chat/send", {"text": "y" * 300, "intent": "ask"})
            assert status == 200
            await feed.until("Your question to")  # the forum's name is not counted
        assert [len(q[2]) for q in questions_in(app)] == [len(PHRASE) + 1 + 300]


async def test_without_script_the_page_after_sending_shows_the_message_and_reply(
    tmp_path: Path,
) -> None:
    async with running(conversation_config(tmp_path)) as app, browser() as http:
        resident = Visitor(app, http)
        await resident.get("/")
        sent = await resident.http.post(
            resident.base + "/chat/send",
            data={"csrf": resident.csrf, "text": "Is Elm Road patrolled?", "intent": "ask"},
        )
        page = await sent.text()
        assert sent.status == 200 and str(sent.url).endswith("/")  # after the redirect
        assert '<span class="visually-hidden">You wrote: </span>' in page
        assert f"{PHRASE} is Elm Road patrolled?" not in page  # as written, not as filed
        assert "Is Elm Road patrolled?" in page
        assert "Your question to Bromley Police Online Forum is" in page  # waited for it
        assert 'http-equiv="refresh"' not in page  # the reply is in: nothing to wait for


async def test_a_message_that_cannot_be_taken_in_is_shown_as_not_sent(tmp_path: Path) -> None:
    async with running(conversation_config(tmp_path)) as app, browser() as http:
        resident = Visitor(app, http)
        await resident.get("/")
        # The forum's database refuses to keep any event (as when a disk is full).
        await add_trigger(
            app,
            "CREATE TRIGGER refuse BEFORE INSERT ON inbox"
            " BEGIN SELECT RAISE(ABORT, 'disk full'); END",
        )
        status, body = await resident.post_json("/chat/send", {"text": "/next"})
        assert status == 503 and "could not be sent" in body and "999" in body
        refused = await resident.post_form("/chat/send", {"text": "hello there"})
        assert refused.status == 503
        shown = await refused.text()
        assert "could not be sent" in shown and "hello there</textarea>" in shown
        _, page = await resident.get("/")
        assert page.count('class="mine failed"') == 2 and "Not sent." in page


async def test_a_message_set_aside_gets_a_reply_on_the_page(tmp_path: Path) -> None:
    async with running(conversation_config(tmp_path)) as app, browser() as http:
        resident = Visitor(app, http)
        await resident.get("/")
        # Events can be kept only as set aside for an operator (not to be processed).
        await add_trigger(
            app,
            "CREATE TRIGGER refuse BEFORE INSERT ON inbox WHEN NEW.set_aside_at IS NULL"
            " BEGIN SELECT RAISE(ABORT, 'cannot keep it'); END",
        )
        async with events(resident, "/chat/events") as feed:
            status, _ = await resident.post_json("/chat/send", {"text": "/next"})
            assert status == 200
            told = await feed.until("We could not read that message")
            assert "999" in EventStream.text_of(told)


async def test_a_reply_not_yet_in_is_promised_and_the_page_refreshes_without_script(
    tmp_path: Path,
) -> None:
    async with running(conversation_config(tmp_path)) as app, browser() as http:
        resident = Visitor(app, http)
        await resident.get("/")
        # No reply can be queued for the web chats (the outbox refuses them).
        await add_trigger(
            app,
            "CREATE TRIGGER refuse BEFORE INSERT ON outbox WHEN NEW.platform = 'web'"
            " BEGIN SELECT RAISE(ABORT, 'not now'); END",
        )
        sent = await resident.http.post(
            resident.base + "/chat/send", data={"csrf": resident.csrf, "text": "/next"}
        )
        page = await sent.text()
        assert sent.status == 200 and str(sent.url).endswith("/")
        assert '<span class="visually-hidden">You wrote: </span>/next' in page
        assert '<p id="awaiting" class="hint" role="status">' in page  # shown, not hidden
        assert "The reply will appear here" in page
        assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in page
