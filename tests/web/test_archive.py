"""The public archive over real HTTP: the sessions and answers (only what
officers approved), a page per question, follow-ups marked as the public
rooms marked them, search, and 404 for whatever was not published."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest

from bot.edge.text import clean_text
from bot.store import archive as store_archive
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


def _results(page: str) -> str:
    return page.split("Live sessions")[0]


async def test_search_is_full_text_over_the_published_words(tmp_path: Path) -> None:
    """Whole words in any case, accents and English endings ignored; every
    word must be in the question or its answer; the text as received is
    never searched."""
    async with public_site(tmp_path) as (h, client):
        await h.resident_says(RESIDENT, ASK + f"Are the street lights being fixed? {PRIVATE}")
        await h.resident_says(RESIDENT, ASK + "Is anyone watching the café by the station?")
        await h.staff_says("/open")
        await h.staff_says("/edit 1 Are the street lights being fixed?")
        await h.staff_says("/answer 1 The council repairs them on Friday.")
        await h.staff_says("/answer 2 Patrols pass the Café Rouge every night.")

        async def refs(words: str) -> set[str]:
            response = await client.get("/archive/bromley", params={"q": words})
            assert response.status == 200
            return set(
                re.findall(r"/archive/bromley/questions/(\d+)", _results(await response.text()))
            )

        assert await refs("repair") == {"1"}  # "repairs"
        assert await refs("LIGHT") == {"1"}  # "lights"
        assert await refs("cafe") == {"2"} and await refs("CAFÉ") == {"2"}
        assert await refs("council friday") == {"1"}
        assert await refs("council patrols") == set()  # not both in one
        assert await refs("night street") == set()
        assert await refs('"council"') == {"1"}  # quotes are only text
        assert await refs("counc") == set()  # whole words
        for private in ("Jane", "Smith", "07700", "900123", "Elm"):
            assert await refs(private) == set(), private


async def test_no_search_is_an_error(tmp_path: Path) -> None:
    """FTS5's own syntax in a visitor's words is only text: quotes, stars,
    NEAR, minus, column filters, brackets, control characters, any script,
    the longest query the form allows."""
    async with public_site(tmp_path) as (h, client):
        await h.resident_says(RESIDENT, ASK + "Are the street lights being fixed?")
        await h.staff_says("/open")
        await h.staff_says("/answer 1 The council repairs them on Friday.")
        hostile = [
            '"',
            '""',
            'council"',
            '"council',
            "*",
            "council*",
            "NEAR",
            "NEAR(council friday)",
            "council NEAR/2 friday",
            "-",
            "-council",
            "council -friday",
            "council OR",
            "AND",
            "NOT council",
            "publishable:council",
            "answer : council",
            "^council",
            "(council",
            "council)",
            "{council friday}",
            "+council",
            "council\x00friday",
            "\x01\x7f",
            "caf\u00e9 \u0441\u0443\u0434 \U0001f6a8 \u8b66\u5bdf \u0645\u0631\u062d\u0628\u0627",
            "\u200b\u200e\ufeff",
            "x" * 200,
            "council " * 25,
            '" OR "" * NEAR( - ^ : ( ) { } +',
        ]
        for words in hostile:
            response = await client.get("/archive/bromley", params={"q": words})
            assert response.status == 200, words
            page = await response.text()
            if not clean_text(words).strip():  # nothing left to search for: the plain page
                assert "Results for" not in page and "Live sessions" in page, words
                continue
            assert "Results for" in page, words
            found = re.findall(r"/archive/bromley/questions/(\d+)", _results(page))
            assert found in ([], ["1"]), words
            assert found or "No published answer matches" in page, words
        # Words that are FTS5 operators match as words, not as operators.
        response = await client.get("/archive/bromley", params={"q": "council OR patrols"})
        assert "/archive/bromley/questions/1" not in _results(await response.text())


async def test_the_search_index_holds_only_what_is_published(tmp_path: Path) -> None:
    """After answers, a rejection, a withdrawal, a forget and the retention
    purge, the full-text index holds exactly the published questions, with
    not one word of what residents wrote as received."""
    async with public_site(tmp_path) as (h, client):
        await h.resident_says(RESIDENT, ASK + f"Are the street lights being fixed? {PRIVATE}")
        await h.resident_says("5002", ASK + "Kevin Oduya here, my bike was stolen, help")
        await h.resident_says("5003", ASK + "Priya Raman asking about the fireworks")
        await h.resident_says("5004", ASK + "Tomasz Zielinski asks: is the market on?")
        await h.staff_says("/open")
        await h.staff_says("/edit 1 Are the street lights being fixed?")
        await h.staff_says("/answer 1 The council repairs them on Friday.")
        await h.staff_says("/reject 2 Please report crimes on 101")
        await h.resident_says("5003", "/withdraw 3")
        await h.staff_says("/close")
        await h.staff_says("/edit 4 Is the market on this week?")
        await h.staff_says("/answer 4 Yes, from nine.")  # published at the next opening
        await h.resident_says("5004", "/forget confirm")
        await h.staff_says("/open")
        h.clock.advance(timedelta(days=400))
        await h.core.retention.purge()

        with closing(sqlite3.connect(h.config.database)) as conn:
            conn.execute(
                "CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, archive_search, 'row')"
            )
            words = {str(r[0]) for r in conn.execute("SELECT term FROM temp.words")}
            indexed = [r[0] for r in conn.execute("SELECT rowid FROM archive_search ORDER BY 1")]
            conn.execute("INSERT INTO archive_search (archive_search) VALUES ('integrity-check')")
            kept = conn.execute("SELECT text FROM question ORDER BY id").fetchall()
        assert indexed == [1, 4]
        assert {"street", "light", "council", "repair", "market", "week", "nine"} <= words
        for private in ("jane", "smith", "07700", "kevin", "oduya", "priya", "raman", "tomasz",
                        "zielinski", "bike", "stolen", "firework", "erased"):  # fmt: skip
            assert private not in words, private
        assert all(text == ("[erased]",) for text in kept)

        forum = await (await client.get("/archive/bromley?q=market")).text()
        assert "/archive/bromley/questions/4" in _results(forum)


async def test_the_forum_page_lists_sessions_a_page_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_archive, "SESSIONS_PAGE", 2)
    async with public_site(tmp_path) as (h, client):
        for _ in range(3):
            await h.staff_says("/open")
            await h.staff_says("/close")
            h.clock.advance(timedelta(days=1))

        def sessions_on(page: str) -> list[str]:
            return re.findall(r'href="/archive/bromley/sessions/(\d+)"', page)

        first = await (await client.get("/archive/bromley")).text()
        assert sessions_on(first) == ["3", "2"]
        assert 'href="/archive/bromley?before=2"' in first and "Latest sessions" not in first
        older = await (await client.get("/archive/bromley?before=2")).text()
        assert sessions_on(older) == ["1"]
        assert "Older sessions" not in older and 'href="/archive/bromley">Latest' in older
        none = await (await client.get("/archive/bromley?before=1")).text()
        assert sessions_on(none) == [] and "No older sessions." in none
        for odd in ("x", "-1", "9" * 30, "99"):
            response = await client.get("/archive/bromley", params={"before": odd})
            assert response.status == 200, odd
