"""Facebook with the rest of forumbot: an answer written in the officers'
web console reaches the resident on Messenger; an answer waiting for the
resident survives a restart (tried once, officers not told twice) and goes
when they write; a refused token or one for another Page stops the start
with one line."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from adapters.web.passwords import hash_password
from bot.edge.startup import StartupFailure
from config.model import StaffAccount, WebConfig
from tests.e2e.facebook_setup import (
    PHRASE_QUESTION,
    RESIDENT_PSID,
    WAIT_S,
    ask,
    environ,
    make_config,
    running,
    to_resident,
)
from tests.e2e.telegram_setup import OFFICER, STAFF_GROUP, card_for, to_chat_containing
from tests.fakes.facebook_server import FakeFacebook
from tests.fakes.telegram_server import FakeTelegram
from tests.support.app import running_app
from tests.web.web_setup import OFFICER_NAME, OFFICER_PASSWORD, Visitor, browser

pytestmark = pytest.mark.timeout(60)

WAITS = "The answer to #1 waits for the asker"


def card_state(page: str) -> str:
    """The state line of the one card on the console's page."""
    [state] = re.findall(r'<span class="state-text">([^<]*)</span>', page)
    return html.unescape(state)


def console() -> WebConfig:
    return WebConfig(
        port=0, staff_accounts=(StaffAccount(OFFICER_NAME, hash_password(OFFICER_PASSWORD)),)
    )


async def test_an_answer_written_in_the_console_reaches_messenger(
    tmp_path: Path, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    web = console()
    config = make_config(tmp_path, facebook, telegram, web=web)
    async with running(config, facebook, telegram) as app, browser() as http:
        await ask(facebook, PHRASE_QUESTION)
        officer = Visitor(app, http)
        assert await officer.sign_in() == 303
        await officer.get("/staff/bromley")
        start = len(facebook.sent)
        status, _ = await officer.post_json(
            "/staff/bromley/send", {"text": "answer 1 Yes: speed checks on Thursday."}
        )
        assert status == 200
        answer = await facebook.wait_for_sent(
            to_resident(RESIDENT_PSID, "Answer to your question #1"), WAIT_S, start=start
        )
        assert "speed checks on Thursday" in answer.text


async def test_a_waiting_answer_survives_a_restart_and_goes_when_the_resident_writes(
    tmp_path: Path, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    config = make_config(tmp_path, facebook, telegram)
    async with running(config, facebook, telegram) as app:
        await ask(facebook, PHRASE_QUESTION)
        card = await card_for(telegram, 1)
        facebook.advance(timedelta(days=3))
        telegram.group_message(
            STAFF_GROUP, OFFICER, "On Thursday.", reply_to_message_id=card.message_id
        )
        await telegram.wait_for_sent(to_chat_containing(STAFF_GROUP, WAITS), WAIT_S)
        await app.core.dispatcher.flush(WAIT_S)
    tried = len(facebook.refused)
    async with running(config, facebook, telegram) as app:
        await facebook.wait_until(
            lambda: len(facebook.refused) > tried or None, WAIT_S, lambda: "not tried again"
        )
        await app.core.dispatcher.flush(WAIT_S)
        assert len([m for m in telegram.sent if WAITS in m.plain_text]) == 1  # told once
        start = len(facebook.sent)
        facebook.message(RESIDENT_PSID, "hello?")
        answer = await facebook.wait_for_sent(
            to_resident(RESIDENT_PSID, "Answer to your question #1"), WAIT_S, start=start
        )
        assert "On Thursday." in answer.text


async def test_a_refused_token_or_another_pages_stops_the_start_with_one_line(
    tmp_path: Path, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    config = make_config(tmp_path, facebook, telegram)
    env = {**environ(facebook, telegram), "FACEBOOK_PAGE_TOKEN": "EAAGrevoked"}
    with pytest.raises(StartupFailure) as refused:
        async with running_app(config, env, within_s=WAIT_S):
            pass
    assert str(refused.value).startswith(
        "Facebook refused the Page access token in FACEBOOK_PAGE_TOKEN"
    )
    assert "EAAGrevoked" not in str(refused.value)
    other = replace(
        config,
        platforms=replace(
            config.platforms, facebook=replace(config.platforms.facebook, page_id="999")
        ),
    )
    with pytest.raises(StartupFailure) as wrong_page:
        async with running_app(other, environ(facebook, telegram), within_s=WAIT_S):
            pass
    assert str(wrong_page.value) == (
        f"the token in FACEBOOK_PAGE_TOKEN is for Facebook Page {facebook.page_id}, not "
        "platforms.facebook.page_id 999: make a token for that Page, or correct page_id"
    )


async def test_an_answer_owed_while_facebook_is_off_goes_when_it_is_on_again(
    tmp_path: Path, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    config = make_config(tmp_path, facebook, telegram)
    async with running(config, facebook, telegram):
        await ask(facebook, PHRASE_QUESTION)
        await card_for(telegram, 1)
    without = {k: v for k, v in environ(facebook, telegram).items() if "FACEBOOK" not in k}
    async with running_app(config, without, within_s=WAIT_S) as app:
        assert app.facebook is None
        card = await card_for(telegram, 1)
        told = len(telegram.sent)
        telegram.group_message(
            STAFF_GROUP, OFFICER, "On Friday.", reply_to_message_id=card.message_id
        )
        reply = await telegram.wait_for_sent(
            to_chat_containing(STAFF_GROUP, "#1"), WAIT_S, start=told
        )
        assert "The asker is on Messenger, which is off in this run" in reply.plain_text
        await app.core.dispatcher.flush(WAIT_S)
        async with app.core.db.read() as tx:
            rows = await tx.execute_fetchall(
                "SELECT state FROM outbox WHERE platform = 'facebook' AND purpose = 'answer'"
            )
        assert [str(r[0]) for r in rows] == ["pending"]  # owed, waiting for its platform
    start = len(facebook.sent)
    async with running(config, facebook, telegram):
        answer = await facebook.wait_for_sent(
            to_resident(RESIDENT_PSID, "Answer to your question #1"), WAIT_S, start=start
        )
        assert "On Friday." in answer.text


async def test_the_consoles_card_says_the_answer_waits_until_it_goes(
    tmp_path: Path, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    waits = "the answer waits for the asker to write again"
    config = make_config(tmp_path, facebook, telegram, web=console())
    async with running(config, facebook, telegram) as app, browser() as http:
        await ask(facebook, PHRASE_QUESTION)
        officer = Visitor(app, http)
        assert await officer.sign_in() == 303
        facebook.advance(timedelta(hours=30))
        await officer.get("/staff/bromley")
        status, _ = await officer.post_json("/staff/bromley/send", {"text": "answer 1 On Friday."})
        assert status == 200
        await telegram.wait_for_sent(to_chat_containing(STAFF_GROUP, WAITS), WAIT_S)
        await app.core.dispatcher.flush(WAIT_S)
        _, page = await officer.get("/staff/bromley")
        assert waits in card_state(page)  # on the card, beside its status
        start = len(facebook.sent)
        facebook.message(RESIDENT_PSID, "any news?")
        await facebook.wait_for_sent(
            to_resident(RESIDENT_PSID, "Answer to your question #1"), WAIT_S, start=start
        )
        await app.core.dispatcher.flush(WAIT_S)
        _, page = await officer.get("/staff/bromley")
        assert card_state(page) == "Answered"


async def test_the_consoles_card_heading_follows_its_state_live(
    tmp_path: Path, facebook: FakeFacebook, telegram: FakeTelegram
) -> None:
    """The card's first line ("Question #1 · Bromley ... · new") reads
    "answered" once the question is answered, in the open page (the state
    event) and when the page is built again, as its status line does."""
    from playwright.async_api import expect

    from tests.web.browser import chromium
    from tests.web.web_setup import base_url

    config = make_config(tmp_path, facebook, telegram, web=console())
    async with running(config, facebook, telegram) as app, chromium() as chrome:
        errors: list[str] = []
        officer = await (await chrome.new_context()).new_page()
        officer.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        await officer.goto(base_url(app) + "/staff")
        await officer.get_by_label("Username").fill(OFFICER_NAME)
        await officer.get_by_label("Password").fill(OFFICER_PASSWORD)
        await officer.get_by_role("button", name="Sign in").click()
        await expect(officer.get_by_role("heading", level=1)).to_contain_text("staff room")

        await ask(facebook, PHRASE_QUESTION)
        card = officer.locator("#messages li", has_text="Question #1")
        heading = card.locator(".msg-text")
        await expect(heading).to_contain_text("Question #1 · Bromley Police Online Forum · new")

        start = len(facebook.sent)
        await officer.get_by_label("Command").fill("answer 1 Yes: speed checks on Thursday.")
        await officer.get_by_role("button", name="Send", exact=True).click()
        await expect(card.locator(".card-state")).to_contain_text("Answered")
        await expect(heading).to_contain_text(
            "Question #1 · Bromley Police Online Forum · answered"
        )
        await expect(heading).not_to_contain_text("· new")
        await facebook.wait_for_sent(
            to_resident(RESIDENT_PSID, "Answer to your question #1"), WAIT_S, start=start
        )

        await officer.reload()  # built again by the server: the same
        card = officer.locator("#messages li", has_text="Question #1")
        await expect(card.locator(".msg-text")).to_contain_text(
            "Question #1 · Bromley Police Online Forum · answered"
        )
        assert not errors, errors
