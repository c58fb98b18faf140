"""The public archive over real HTTP: the sessions and answers (only what
officers approved), a page per question, follow-ups marked as the public
rooms marked them, search, and 404 for whatever was not published."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumbot.app import App
from tests.support.core_harness import PUBLIC_CHAT
from tests.web.public_setup import PRIVATE, public_site, published_forum
from tests.web.web_setup import Visitor, browser, running_web

pytestmark = pytest.mark.timeout(60)

RESIDENT = "5001"
ASK = "Bromley Police Online Forum "
FOLLOW_UP = '<span class="tag">Follow-up</span>'


async def _published_forum(app: App, tmp_path: Path) -> None:
    """The old name, still imported by tests/web/test_accessibility.py; the
    forum is made by ``tests.web.public_setup.published_forum``."""
    await published_forum(app)


async def test_the_archive_shows_sessions_and_only_approved_text(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        await published_forum(app)
        public = Visitor(app, http)
        status, index = await public.get("/archive")
        assert status == 200 and "/archive/bromley" in index
        status, forum = await public.get("/archive/bromley")
        assert status == 200
        assert "/archive/bromley/sessions/1" in forum and "/archive/bromley/sessions/2" in forum
        assert '<link rel="alternate" type="application/atom+xml"' in forum
        assert 'href="/archive/bromley/sessions.ics"' in forum

        _, first = await public.get("/archive/bromley/sessions/1")
        assert "Why are the street lights on Elm Road out?" in first
        assert "The council repairs them on Friday." in first
        for private in ("Jane Smith", "07700", "12 Elm Road", PRIVATE):
            assert private not in first
        assert "Question #4" not in first and "neighbour" not in first  # rejected
        assert "<time datetime=" in first

        _, second = await public.get("/archive/bromley/sessions/2")
        assert "Question #2" in second and FOLLOW_UP in second
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in second and "<script>alert" not in second
        assert "&lt;b&gt;pass&lt;/b&gt;" in second

        status, one = await public.get("/archive/bromley/questions/1")
        assert status == 200 and "The council repairs them on Friday." in one
        assert "Jane Smith" not in one and "07700" not in one
        assert "/archive/bromley/sessions/1" in one
        assert FOLLOW_UP not in one
        for missing in ("3", "4", "99", "x", "1e3"):  # waiting, rejected, unknown, not numbers
            status, page = await public.get(f"/archive/bromley/questions/{missing}")
            assert status == 404 and "Page not found" in page
        assert (await public.get("/archive/bromley/sessions/99"))[0] == 404
        assert (await public.get("/archive/croydon"))[0] == 404


async def test_search_finds_by_a_word_of_the_answer(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        await published_forum(app)
        public = Visitor(app, http)
        _, found = await public.get("/archive/bromley?q=council+friday")
        results = found.split("Live sessions")[0]
        assert "/archive/bromley/questions/1" in results
        assert "/archive/bromley/questions/2" not in results
        _, patrols = await public.get("/archive/bromley?q=patrols")
        results = patrols.split("Live sessions")[0]
        assert "/archive/bromley/questions/2" in results
        assert "/archive/bromley/questions/1" not in results
        _, none = await public.get("/archive/bromley?q=Jane")  # private text is not searched
        assert "No published answer matches" in none
        _, odd = await public.get("/archive/bromley?q=%25_%5C")  # LIKE's own characters
        assert "No published answer matches" in odd
        _, escaped = await public.get("/archive/bromley?q=%3Cscript%3E")
        assert "<script>" not in escaped and "&lt;script&gt;" in escaped


async def test_follow_ups_are_marked_as_the_public_rooms_marked_them(tmp_path: Path) -> None:
    """A question put off with "later" and answered in a live session went to
    the public room as an ordinary answer; one answered between sessions is
    held until the next opening and goes out as a follow-up."""
    async with public_site(tmp_path) as (h, client):
        await h.resident_says(RESIDENT, ASK + "Is the library car park locked at night?")
        await h.resident_says(RESIDENT, ASK + "Who looks after the canal towpath?")
        await h.resident_says(RESIDENT, ASK + "Can I join a Neighbourhood Watch?")
        await h.resident_says(RESIDENT, ASK + "Are there speed checks on Hayes Lane?")
        await h.staff_says("/open")
        await h.staff_says("/later 1 Checking with the council")
        await h.staff_says("/answer 1 The council locks it at ten.")
        await h.staff_says("/merge 4 1")
        await h.staff_says("/close")
        await h.staff_says("/answer 2 The Canal and River Trust looks after it.")

        response = await client.get("/archive/bromley/questions/2")
        assert response.status == 404  # answered, but not published until a session opens
        await h.staff_says("/open")

        public = "\n".join(h.texts_to(PUBLIC_CHAT))
        assert "Follow-up to question #2" in public and "Follow-up to question #1" not in public

        response = await client.get("/archive/bromley/sessions/1")
        first = await response.text()
        assert "The council locks it at ten." in first and FOLLOW_UP not in first
        assert "Canal and River Trust" not in first

        response = await client.get("/archive/bromley/sessions/2")
        second = await response.text()
        assert "Canal and River Trust" in second and FOLLOW_UP in second

        response = await client.get("/archive/bromley/questions/2")
        assert response.status == 200
        page = await response.text()
        assert FOLLOW_UP in page and "/archive/bromley/sessions/2" in page

        forum = await (await client.get("/archive/bromley")).text()
        assert forum.count(": 1 answer") == 2 and ": 1 answers" not in forum

        for unpublished in ("3", "4"):  # waiting; merged into #1
            response = await client.get(f"/archive/bromley/questions/{unpublished}")
            assert response.status == 404
            assert "Page not found" in await response.text()


async def test_a_withdrawn_question_is_never_published(tmp_path: Path) -> None:
    async with public_site(tmp_path) as (h, client):
        await h.resident_says(RESIDENT, ASK + "Is the park gate locked at night?")
        await h.resident_says(RESIDENT, "/withdraw 1")
        await h.staff_says("/open")
        response = await client.get("/archive/bromley/questions/1")
        assert response.status == 404
        forum = await (await client.get("/archive/bromley")).text()
        assert ": 0 answers (live now)" in forum and "park gate" not in forum
