"""The public on the Facebook Page, through the real app: a session opened
from the Telegram staff room is a post on the Page (with the m.me link that
opens Messenger), each answer published while it is live a comment on it
(or a post of its own, as configured), its closing the last comment; the
words stay plain text, an over-long answer arrives whole in parts, and
Graph's refusals (a permission missing, a rate limit) are followed as for
the other platforms' public rooms."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from config.model import Config, Delivery, FacebookPagePosts
from forumbot.app import App
from tests.e2e.facebook_setup import (
    PHRASE_QUESTION,
    RESIDENT_PSID,
    WAIT_S,
    ask,
    make_config,
    running,
    to_resident,
)
from tests.e2e.telegram_setup import PUBLIC_CHANNEL, STAFF_GROUP, staff_says, to_chat_containing
from tests.e2e.test_facebook_restart_and_console import console
from tests.fakes.facebook_server import MAX_COMMENT, FakeFacebook, PagePost
from tests.fakes.telegram_server import FakeTelegram
from tests.support.app import running_app
from tests.web.web_setup import Visitor, browser

pytestmark = pytest.mark.timeout(60)

COMMENTS = FacebookPagePosts(forums=("bromley",), answers="comments")
POSTS = FacebookPagePosts(forums=("bromley",), answers="posts")


def link(fb: FakeFacebook) -> str:
    return f"https://m.me/{fb.page_id}?ref=bromley"


def page_config(
    tmp_path: Path, fb: FakeFacebook, tg: FakeTelegram, posts: FacebookPagePosts
) -> Config:
    return make_config(tmp_path, fb, tg, page_posts=posts)


@pytest.fixture
async def app(tmp_path: Path, facebook: FakeFacebook, telegram: FakeTelegram) -> AsyncIterator[App]:
    config = page_config(tmp_path, facebook, telegram, COMMENTS)
    async with running(config, facebook, telegram) as started:
        yield started


async def open_session(fb: FakeFacebook, tg: FakeTelegram) -> PagePost:
    await staff_says(tg, "/open", "is open until")
    return await fb.wait_for_post(lambda p: "is now live until" in p.message, WAIT_S)


async def test_a_session_is_a_post_and_each_answer_a_comment_on_it(
    app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    opening = await open_session(facebook, telegram)
    assert opening.message.startswith("Bromley Police Online Forum is now live until")
    assert link(facebook) in opening.message
    assert "**" not in opening.message  # plain text: no markup shown as stars
    await telegram.wait_for_sent(to_chat_containing(PUBLIC_CHANNEL, "now live until"), WAIT_S)

    await ask(facebook, PHRASE_QUESTION)
    confirmed = await staff_says(
        telegram, "/answer 1 Yes: speed checks on Thursday.", "#1", "public room"
    )
    assert "2 public rooms" in confirmed.plain_text  # the Telegram channel and the Page
    comment = await facebook.wait_for_post(
        lambda p: "Question #1" in p.message, WAIT_S, comments=True
    )
    assert comment.parent == opening.id
    assert "speeding on Elm Road" in comment.message
    assert "Yes: speed checks on Thursday." in comment.message
    assert link(facebook) in comment.message
    # The resident's private answer went too; the Page carries nothing else.
    await facebook.wait_for_sent(to_resident(RESIDENT_PSID, "Answer to your question #1"), WAIT_S)
    assert RESIDENT_PSID not in comment.message and RESIDENT_PSID not in opening.message

    await staff_says(telegram, "/close", "is closed")
    closing = await facebook.wait_for_post(
        lambda p: "this live session has ended" in p.message, WAIT_S, comments=True
    )
    assert closing.parent == opening.id
    assert "Officers answered 1 question." in closing.message
    assert [p.id for p in facebook.posts] == [opening.id]  # one post for the session
    assert [c.id for c in opening.comments] == [comment.id, closing.id]
    assert facebook.post_refusals == []


async def test_an_answer_written_in_the_console_is_a_comment_on_the_page(
    tmp_path: Path, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    config = make_config(tmp_path, facebook, telegram, web=console(), page_posts=COMMENTS)
    async with running(config, facebook, telegram) as app, browser() as http:
        opening = await open_session(facebook, telegram)
        await ask(facebook, PHRASE_QUESTION)
        officer = Visitor(app, http)
        assert await officer.sign_in() == 303
        await officer.get("/staff/bromley")
        status, _ = await officer.post_json(
            "/staff/bromley/send", {"text": "answer 1 Checks on Friday morning."}
        )
        assert status == 200
        comment = await facebook.wait_for_post(
            lambda p: "Checks on Friday morning." in p.message, WAIT_S, comments=True
        )
        assert comment.parent == opening.id and "Question #1" in comment.message


async def test_with_answers_as_posts_each_answer_and_the_closing_are_posts(
    tmp_path: Path, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    config = page_config(tmp_path, facebook, telegram, POSTS)
    async with running(config, facebook, telegram):
        opening = await open_session(facebook, telegram)
        await ask(facebook, PHRASE_QUESTION)
        await staff_says(telegram, "/answer 1 Yes, on Thursday.", "#1")
        answer = await facebook.wait_for_post(lambda p: "Question #1" in p.message, WAIT_S)
        await staff_says(telegram, "/close", "is closed")
        closing = await facebook.wait_for_post(
            lambda p: "this live session has ended" in p.message, WAIT_S
        )
        assert [p.id for p in facebook.posts] == [opening.id, answer.id, closing.id]
        assert all(p.comments == [] for p in facebook.posts)
        assert "Yes, on Thursday." in answer.message and link(facebook) in answer.message


async def test_hostile_words_stay_plain_text_on_the_page(
    app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    await open_session(facebook, telegram)
    await ask(facebook, "Bromley Police Online Forum: is @[4] **really** <b>closed</b> [x](y)?")
    hostile = "See @[102030405060708] and @[123:Someone] <script>alert(1)</script> **now**"
    await staff_says(telegram, f"/answer 1 {hostile}", "#1")
    comment = await facebook.wait_for_post(
        lambda p: "Question #1" in p.message, WAIT_S, comments=True
    )
    assert comment.mentions == ()  # Graph would have tagged no one
    shown = comment.message.replace("\u2060", "")  # the word joiner is invisible
    assert hostile in shown
    assert "@[4] **really** <b>closed</b> [x](y)?" in shown


async def test_an_over_long_answer_arrives_whole_in_parts(
    app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    opening = await open_session(facebook, telegram)
    await ask(facebook, PHRASE_QUESTION)
    words = [f"word{i:04d}" for i in range(400)]  # 3,600 characters: over 2,000
    await staff_says(telegram, "/answer 1 " + " ".join(words), "#1")
    await facebook.wait_for_post(lambda p: "word0399" in p.message, WAIT_S, comments=True)
    parts = [c for c in opening.comments]
    assert len(parts) >= 2
    assert all(len(c.message) <= 2000 < MAX_COMMENT for c in parts)
    assert all(c.parent == opening.id for c in parts)
    joined = " ".join(" ".join(c.message for c in parts).split())
    assert " ".join(words) in joined  # every word, in order


async def test_a_missing_permission_holds_the_pages_posts_until_it_is_granted(
    tmp_path: Path, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    config = page_config(tmp_path, facebook, telegram, COMMENTS)
    config = replace(config, delivery=Delivery(held_rooms_retry=timedelta(seconds=1)))
    facebook.granted.discard("pages_manage_posts")
    async with running(config, facebook, telegram):
        await staff_says(telegram, "/open", "is open until")
        await telegram.wait_for_sent(to_chat_containing(PUBLIC_CHANNEL, "now live until"), WAIT_S)
        refused = await facebook.wait_until(
            lambda: facebook.post_refusals or None, WAIT_S, lambda: "no post tried"
        )
        assert refused[0]["path"].endswith(f"/{facebook.page_id}/feed")
        notice = await telegram.wait_for_sent(
            to_chat_containing(STAFF_GROUP, "pages_manage_posts"), WAIT_S
        )
        assert "cannot post in the Facebook Page room" in notice.plain_text
        assert facebook.posts == []
        facebook.granted.add("pages_manage_posts")  # the administrator grants it
        opening = await facebook.wait_for_post(lambda p: "is now live until" in p.message, WAIT_S)
        assert link(facebook) in opening.message
        await telegram.wait_for_sent(
            to_chat_containing(STAFF_GROUP, "can post in the Facebook Page room", "again"), WAIT_S
        )


async def test_a_rate_limit_is_waited_out_then_the_post_goes(
    app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    facebook.fail_next_post(32, message="(#32) Page request limit reached")
    opening = await open_session(facebook, telegram)
    assert len(facebook.post_refusals) == 1
    assert facebook.posts == [opening]


async def test_an_answer_whose_session_post_was_deleted_is_a_post_of_its_own(
    app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    opening = await open_session(facebook, telegram)
    facebook.delete_post(opening.id)  # a Page moderator removes it
    await ask(facebook, PHRASE_QUESTION)
    await staff_says(telegram, "/answer 1 Yes, on Thursday.", "#1")
    answer = await facebook.wait_for_post(lambda p: "Question #1" in p.message, WAIT_S)
    assert answer.parent is None and "Yes, on Thursday." in answer.message
    assert [r["path"] for r in facebook.post_refusals] == [
        f"/{facebook.version}/{opening.id}/comments"
    ]


async def test_the_link_in_the_answers_comment_brings_the_waiting_answer_to_messenger(
    app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    """Asked days before the session, outside Messenger's window when it is
    answered: the resident reads the answer on the Page, follows its m.me
    link (a referral with the forum's ref), and gets it privately too."""
    await ask(facebook, PHRASE_QUESTION)
    facebook.advance(timedelta(days=3))
    await open_session(facebook, telegram)
    await staff_says(telegram, "/answer 1 Yes, on Thursday.", "#1")
    comment = await facebook.wait_for_post(
        lambda p: "Question #1" in p.message, WAIT_S, comments=True
    )
    await telegram.wait_for_sent(
        to_chat_containing(STAFF_GROUP, "The answer to #1 waits for the asker"), WAIT_S
    )
    [url] = [word for word in comment.message.split() if word.startswith("https://m.me/")]
    assert url == link(facebook)
    start = len(facebook.sent)
    facebook.referral(RESIDENT_PSID, url.split("ref=", 1)[1])
    answer = await facebook.wait_for_sent(
        to_resident(RESIDENT_PSID, "Answer to your question #1"), WAIT_S, start=start
    )
    assert "Yes, on Thursday." in answer.text


async def test_an_opening_post_refused_for_good_leaves_the_answers_posts_of_their_own(
    app: App, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    facebook.fail_next_post(100, message="(#100) Invalid parameter")
    await staff_says(telegram, "/open", "is open until")
    notice = await telegram.wait_for_sent(
        to_chat_containing(STAFF_GROUP, "could not be published", "Facebook Page"), WAIT_S
    )
    assert "Invalid parameter" in notice.plain_text
    await ask(facebook, PHRASE_QUESTION)
    await staff_says(telegram, "/answer 1 Yes, on Thursday.", "#1")
    answer = await facebook.wait_for_post(lambda p: "Question #1" in p.message, WAIT_S)
    assert answer.parent is None and [p.id for p in facebook.posts] == [answer.id]


async def test_with_facebook_off_the_start_says_the_page_gets_nothing(
    tmp_path: Path,
    facebook: FakeFacebook,
    telegram: FakeTelegram,
    caplog: pytest.LogCaptureFixture,
) -> None:
    config = page_config(tmp_path, facebook, telegram, COMMENTS)
    caplog.set_level(logging.WARNING)
    async with running_app(config, {"TELEGRAM_BOT_TOKEN": telegram.token}, within_s=WAIT_S):
        await staff_says(telegram, "/open", "is open until")
        await telegram.wait_for_sent(to_chat_containing(PUBLIC_CHANNEL, "now live until"), WAIT_S)
    assert (
        f"forums bromley: the Facebook Page {facebook.page_id} is off (FACEBOOK_PAGE_TOKEN not"
        " set); nothing is posted on it" in [r.getMessage() for r in caplog.records]
    )
    assert facebook.posts == [] and facebook.post_refusals == []


async def test_a_refused_token_on_a_post_is_one_error_naming_the_fix_and_is_tried_again(
    app: App,
    facebook: FakeFacebook,
    telegram: FakeTelegram,
    caplog: pytest.LogCaptureFixture,
) -> None:
    facebook.fail_next_post(190, message="Error validating access token: Session has expired")
    caplog.set_level(logging.ERROR)
    opening = await open_session(facebook, telegram)  # tried again, and taken
    assert facebook.posts == [opening]
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and "FACEBOOK_PAGE_TOKEN" in errors[0]
    assert facebook.page_token not in "\n".join(r.getMessage() for r in caplog.records)


async def test_a_reminder_is_a_post_of_its_own_on_the_page(
    tmp_path: Path, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    config = page_config(tmp_path, facebook, telegram, COMMENTS)
    [forum] = config.forums
    assert forum.schedule is not None
    # The session an hour and three seconds from now: its 1-hour reminder is due at once.
    first = (datetime.now(UTC) + timedelta(hours=1, seconds=3)).astimezone(
        ZoneInfo(config.timezone)
    )
    schedule = replace(forum.schedule, first=first.replace(tzinfo=None, microsecond=0))
    config = replace(config, forums=(replace(forum, schedule=schedule),))
    async with running(config, facebook, telegram):
        reminder = await facebook.wait_for_post(
            lambda p: "the next live session is" in p.message, WAIT_S
        )
    assert reminder.parent is None and link(facebook) in reminder.message
    assert 'starting with "Bromley Police Online Forum"' in reminder.message


async def test_with_answers_as_posts_an_over_long_answer_continues_beneath_its_first_part(
    tmp_path: Path, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    config = page_config(tmp_path, facebook, telegram, POSTS)
    async with running(config, facebook, telegram):
        opening = await open_session(facebook, telegram)
        await ask(facebook, PHRASE_QUESTION)
        words = [f"word{i:04d}" for i in range(400)]
        await staff_says(telegram, "/answer 1 " + " ".join(words), "#1")
        await facebook.wait_for_post(lambda p: "word0399" in p.message, WAIT_S, comments=True)
        opened, first = facebook.posts  # the answer is one post...
        assert opened.id == opening.id and "Question #1" in first.message
        assert first.comments and all(c.parent == first.id for c in first.comments)
        parts = [first, *first.comments]  # ...the rest of it beneath, in order
        joined = " ".join(" ".join(p.message for p in parts).split())
        assert " ".join(words) in joined
