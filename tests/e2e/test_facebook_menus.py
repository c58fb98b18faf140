"""Every menu a resident gets on Messenger fits Messenger's quick replies
(at most 13, titles shown to 20 characters) and every choice in it can be
reached and told apart: the forum list of an installation with many forums
whose names share a long beginning, and a consultation whose options do."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from forumbot.app import App
from tests.e2e.facebook_setup import RESIDENT_PSID, WAIT_S, ask, make_config, running, to_resident
from tests.e2e.telegram_setup import forum, staff_says
from tests.fakes.facebook_server import MAX_QUICK_REPLIES, MAX_TITLE, FakeFacebook, SentMessage
from tests.fakes.telegram_server import FakeTelegram

pytestmark = pytest.mark.timeout(60)

FORUMS = 15
NAMES = [f"Bromley Town Centre Ward Panel {n}" for n in range(1, FORUMS + 1)]


@pytest.fixture
async def app(tmp_path: Path, facebook: FakeFacebook, telegram: FakeTelegram) -> AsyncIterator[App]:
    base = make_config(tmp_path, facebook, telegram)
    bromley = forum()
    forums = tuple(
        replace(
            bromley,
            id=f"ward{n}",
            name=NAMES[n - 1],
            phrases=(f"Ward Panel {n} Police",),
            areas=(f"BR{n}",),
        )
        for n in range(1, FORUMS + 1)
    )
    async with running(replace(base, forums=forums), facebook, telegram) as started:
        yield started


async def tap(facebook: FakeFacebook, menu: SentMessage, title: str) -> SentMessage:
    """The resident taps the quick reply shown as ``title``; the bot's next message."""
    payload = dict(menu.quick_replies)[title]
    start = len(facebook.sent)
    facebook.quick_reply(RESIDENT_PSID, title, payload)
    return await facebook.wait_for_sent(to_resident(), WAIT_S, start=start)


def within_limits(menu: SentMessage) -> list[str]:
    titles = [title for title, _payload in menu.quick_replies]
    assert 0 < len(titles) <= MAX_QUICK_REPLIES
    assert all(len(title) <= MAX_TITLE for title in titles)
    assert len({t.rstrip("…") for t in titles}) == len(titles)  # none the same as shown
    return titles


async def test_every_one_of_fifteen_forums_is_listed_and_reached(
    app: App, facebook: FakeFacebook
) -> None:
    first = await ask(facebook, "/subscribe")
    titles = within_limits(first)
    assert "Forums 1 to 8 of 15:" in first.text
    assert "1. Bromley Town Centre Ward Panel 1 (BR1)" in first.text
    assert "8. Bromley Town Centre Ward Panel 8 (BR8)" in first.text
    assert "Panel 9 " not in first.text
    assert "/subscribe BR1 3QR" in first.text  # the postcode way in, too
    assert titles[0] == "1 · Bromley Town Ce…" and "More forums ›" in titles

    second = await tap(facebook, first, "More forums ›")
    titles = within_limits(second)
    assert "Forums 9 to 15 of 15:" in second.text
    assert "15. Bromley Town Centre Ward Panel 15 (BR15)" in second.text
    assert "‹ Back" in titles and "More forums ›" not in titles
    assert "15 · Bromley Town C…" in titles

    # Each forum's button opens that forum's alerts, on either page.
    reached = []
    for page in (first, second):
        for title, _payload in page.quick_replies:
            if "·" not in title:
                continue
            chooser = await tap(facebook, page, title)
            within_limits(chooser)
            number = int(title.split(" ")[0])
            assert f"Alerts from {NAMES[number - 1]}\n" in chooser.text
            reached.append(number)
    assert sorted(reached) == list(range(1, FORUMS + 1))

    back = await tap(facebook, second, "‹ Back")
    assert "Forums 1 to 8 of 15:" in back.text
    assert facebook.refused == []


async def test_consultation_options_alike_at_twenty_characters_are_numbered(
    app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    done = await ask(facebook, "/subscribe BR1")
    assert "You will now get" in done.text
    start = len(facebook.sent)
    await staff_says(
        telegram,
        '/survey ward1 "What should come first?" "More patrols near the park" '
        '"More patrols near the school" "Fewer patrols"',
        "Consultation #1",
    )
    survey = await facebook.wait_for_sent(
        to_resident(RESIDENT_PSID, "What should come first?"), WAIT_S, start=start
    )
    titles = within_limits(survey)
    # Cut to 20 characters the first two would read the same: numbered.
    assert titles == ["1. More patrols nea…", "2. More patrols nea…", "3. Fewer patrols"]
    # The text says what each number stands for, in full.
    assert "1. More patrols near the park" in survey.text
    assert "2. More patrols near the school" in survey.text
    thanks = await tap(facebook, survey, titles[1])
    assert '"More patrols near the school"' in thanks.text
    assert facebook.refused == []


async def test_the_forum_list_says_how_to_choose_and_a_typed_number_works(
    app: App, facebook: FakeFacebook
) -> None:
    """Issue 16: the list said "Choose its number" but a number got the help.
    It now says to tap the button or send subscribe and the number, which
    works with or without the slash, on either page's numbers."""
    menu = await ask(facebook, "/subscribe")
    assert "Tap its button, or send /subscribe and its number (e.g. /subscribe 2)" in menu.text
    assert "Choose its number" not in menu.text
    typed = await ask(facebook, "subscribe 12")
    within_limits(typed)
    assert f"Alerts from {NAMES[11]}\n" in typed.text
    slashed = await ask(facebook, "/subscribe #2.")
    assert f"Alerts from {NAMES[1]}\n" in slashed.text
    too_far = await ask(facebook, "subscribe 16")
    assert "Alerts from" not in too_far.text  # no forum 16: read as a postcode, and told
    assert facebook.refused == []
