"""The real app against the fake Discord: a resident's DM question, the card in the staff
channel, answers by command, by reply and by button; refusals for non-officers; mentions and
markdown in user text; long answers."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.store.question import State
from forumbot.app import App
from tests.e2e.discord_setup import (
    OFFICER,
    OFFICER_ROLE,
    PHRASE,
    PUBLIC_CHANNEL,
    REFUSED,
    RESIDENT,
    STAFF_CHANNEL,
    STRANGER,
    WAIT_S,
    ask,
    assert_pings_nobody,
    card_for,
    dm_of,
    environ,
    make_config,
    plain,
    resident_status,
    running,
    staff_says,
    state_of,
    to,
    to_containing,
)
from tests.e2e.telegram_setup import eventually, outbox_settled
from tests.fakes.discord_server import MAX_CONTENT_LENGTH, FakeDiscord

pytestmark = pytest.mark.timeout(30)


@pytest.fixture
def fake(discord_fake: FakeDiscord) -> FakeDiscord:
    """The platform these tests drive: the shared fake Discord and its world (tests/conftest.py)."""
    return discord_fake


@pytest.fixture
async def app(tmp_path: Path, fake: FakeDiscord) -> AsyncIterator[App]:
    async with running(make_config(tmp_path, fake), environ(fake)) as started:
        yield started


async def test_dm_question_card_role_officer_answer_and_public_post(
    fake: FakeDiscord, app: App
) -> None:
    officers = app.config.forums[0].officers
    assert OFFICER not in officers.discord_users and officers.discord_roles == (OFFICER_ROLE,)

    ack = await ask(fake, f"{PHRASE}: is anything planned about speeding on Elm Road?")
    text = plain(ack.content)
    assert "#1" in text
    assert "not monitored 24/7" in text and "999" in text and "Crimestoppers" in text

    card = await card_for(fake, 1)
    card_text = plain(card.content)
    assert re.search(r"\bR-[0-9A-F]{4}\b", card_text)
    assert "jolene" not in card_text.lower()
    assert RESIDENT not in card_text
    assert "speeding on Elm Road" in card_text
    assert card.custom_ids == ["approve:1", "reject:1", "later:1"]

    await staff_says(fake, "!open", "is open until")
    await fake.wait_for_sent(to_containing(PUBLIC_CHANNEL, "now live until"), WAIT_S)

    start = len(fake.sent)
    fake.channel_message(
        STAFF_CHANNEL, OFFICER, "!answer 1 Yes: speed checks on Elm Road on Thursday morning."
    )
    answer = await fake.wait_for_sent(
        to_containing(dm_of(fake), "Answer to your question #1"), WAIT_S, start=start
    )
    assert "Thursday morning" in plain(answer.content)
    post = await fake.wait_for_sent(
        to_containing(PUBLIC_CHANNEL, "Question #1"), WAIT_S, start=start
    )
    post_text = plain(post.content)
    assert "speeding on Elm Road" in post_text
    assert "Thursday morning" in post_text
    assert "jolene" not in post_text.lower()
    await fake.wait_for_sent(to_containing(STAFF_CHANNEL, "#1 answered by"), WAIT_S, start=start)
    assert await state_of(app, 1) == State.ANSWERED


async def test_non_officer_changes_nothing(fake: FakeDiscord, app: App) -> None:
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    card = await card_for(fake, 1)

    reply = await staff_says(fake, "!approve 1", user=STRANGER)
    assert plain(reply.content) == REFUSED
    # Told once: the stranger's further refused commands and presses are
    # audited without a reply (refusals are answered sparingly).
    start = len(fake.sent)
    callbacks = len(fake.interaction_callbacks)
    for command in ("!answer 1 x", "!open"):
        fake.channel_message(STAFF_CHANNEL, STRANGER, command)
    fake.press_button(STAFF_CHANNEL, STRANGER, card.id, "approve:1")
    await fake.wait_for_callback(timeout=WAIT_S, start=callbacks)
    queue = await staff_says(fake, "!queue", "Queue")  # processed after all of them
    assert "#1" in plain(queue.content)
    assert [plain(m.content) for m in fake.sent[start:] if m.channel_id == STAFF_CHANNEL] == [
        plain(queue.content)
    ]

    status = await resident_status(fake)
    assert "#1" in status and "waiting for review" in status
    assert await state_of(app, 1) == State.NEW
    assert fake.sent_to(PUBLIC_CHANNEL) == []
    assert not any("Answer to your question" in plain(m.content) for m in fake.sent_to(dm_of(fake)))


async def test_officer_presses_approve(fake: FakeDiscord, app: App) -> None:
    await ask(fake, f"{PHRASE} is there a speed check on Elm Road?")
    card = await card_for(fake, 1)

    start = len(fake.sent)
    callbacks = len(fake.interaction_callbacks)
    interaction_id = fake.press_button(STAFF_CHANNEL, OFFICER, card.id, "approve:1")
    confirmation = await fake.wait_for_sent(
        to_containing(STAFF_CHANNEL, "#1 approved"), WAIT_S, start=start
    )
    assert "approved for the live session" in plain(confirmation.content)
    callback = await fake.wait_for_callback(
        lambda c: c.interaction_id == interaction_id, WAIT_S, start=callbacks
    )
    assert callback.type in (4, 5, 6, 7)  # answered (the fake refuses answers after 3 s)
    assert await state_of(app, 1) == State.APPROVED
    status = await resident_status(fake)
    assert "accepted for the next live session" in status


async def test_reply_to_the_card_answers(fake: FakeDiscord, app: App) -> None:
    await ask(fake, f"{PHRASE} when is the next bike marking event?")
    card = await card_for(fake, 1)

    start = len(fake.sent)
    fake.channel_message(STAFF_CHANNEL, OFFICER, "Saturday 10am at the library.", reply_to=card.id)
    answer = await fake.wait_for_sent(
        to_containing(dm_of(fake), "Answer to your question #1"), WAIT_S, start=start
    )
    assert "Saturday 10am at the library." in plain(answer.content)
    assert await state_of(app, 1) == State.ANSWERED


async def test_mentions_and_markdown_in_user_text_ping_nobody(fake: FakeDiscord, app: App) -> None:
    hostile = f"{PHRASE} @everyone <@&444444444444444444> <@333333333333333333> **bold**"
    ack = await ask(fake, hostile)
    card = await card_for(fake, 1)
    assert r"\*\*bold\*\*" in (card.content or "")
    assert "**bold**" in plain(card.content)

    await staff_says(fake, "!open", "is open until")
    start = len(fake.sent)
    fake.channel_message(STAFF_CHANNEL, OFFICER, "!answer 1 Hello @here <@&444444444444444444>")
    post = await fake.wait_for_sent(
        to_containing(PUBLIC_CHANNEL, "Question #1"), WAIT_S, start=start
    )
    assert r"\*\*bold\*\*" in (post.content or "")
    assert "@everyone" in plain(post.content)
    await fake.wait_for_sent(
        to_containing(dm_of(fake), "Answer to your question #1"), WAIT_S, start=start
    )

    assert ack in fake.sent and post in fake.sent
    for message in fake.sent:
        assert_pings_nobody(message)
        assert message.allowed_mentions is not None
        assert message.allowed_mentions.get("parse") == [], message.allowed_mentions


async def test_long_answer_is_split_at_word_boundaries(fake: FakeDiscord, app: App) -> None:
    await ask(fake, f"{PHRASE} tell me everything about the ward plan")
    await card_for(fake, 1)
    words = [f"w{i:04d}" for i in range(420)]  # 420 x 5 chars + spaces: ~2500 chars
    long_answer = " ".join(words)
    assert 2400 < len(long_answer) < 2600

    start = len(fake.sent)
    fake.channel_message(STAFF_CHANNEL, OFFICER, f"!answer 1 {long_answer}")
    dm = dm_of(fake)
    last = await fake.wait_for_sent(
        lambda m: to(dm)(m) and words[-1] in plain(m.content), WAIT_S, start=start
    )
    parts = [m for m in fake.sent[start:] if to(dm)(m) and int(m.id) <= int(last.id)]
    assert len(parts) >= 2
    assert "Answer to your question #1" in plain(parts[0].content)
    for part in parts:
        content = part.content or ""
        assert len(content) <= MAX_CONTENT_LENGTH
        assert re.fullmatch(r"\S.*\S", content, re.S), content[-40:]
    joined = " ".join(plain(p.content) for p in parts)
    assert re.findall(r"\bw\d{4}\b", joined) == words


async def test_an_answer_of_emoji_goes_whole_as_discord_counts_it(
    fake: FakeDiscord, app: App
) -> None:
    """Discord counts content in code points (an emoji outside the BMP is one, though two
    UTF-16 units): 1,680 code points of emoji and digits, 2,240 UTF-16 units, is one message.
    A measure in UTF-16 units would cut it in two."""
    await ask(fake, f"{PHRASE} how did the car wash go?")
    await card_for(fake, 1)
    words = [f"\U0001f693\U0001f693{i:03d}" for i in range(280)]
    long_answer = " ".join(words)
    units = len(long_answer.encode("utf-16-le")) // 2
    assert len(long_answer) < MAX_CONTENT_LENGTH - 200 and units > MAX_CONTENT_LENGTH + 200

    start = len(fake.sent)
    fake.channel_message(STAFF_CHANNEL, OFFICER, f"!answer 1 {long_answer}")
    answer = await fake.wait_for_sent(
        lambda m: to(dm_of(fake))(m) and words[-1] in plain(m.content), WAIT_S, start=start
    )
    assert "Answer to your question #1" in plain(answer.content)
    assert re.findall(r"\U0001f693\U0001f693\d{3}", plain(answer.content)) == words
    assert [m for m in fake.sent[start:] if to(dm_of(fake))(m)] == [answer]


async def test_an_answer_of_emoji_longer_than_discord_takes_is_split_and_all_arrives(
    fake: FakeDiscord, app: App
) -> None:
    """2,400 code points of emoji: more than one message by Discord's count, so it is cut, and
    every part is one the fake (refusing over 2,000 code points, as Discord does) accepts."""
    await ask(fake, f"{PHRASE} how did the car wash go?")
    await card_for(fake, 1)
    words = [f"\U0001f693\U0001f693{i:03d}" for i in range(400)]
    long_answer = " ".join(words)
    assert len(long_answer) > MAX_CONTENT_LENGTH

    start = len(fake.sent)
    fake.channel_message(STAFF_CHANNEL, OFFICER, f"!answer 1 {long_answer}")
    dm = dm_of(fake)
    last = await fake.wait_for_sent(
        lambda m: to(dm)(m) and words[-1] in plain(m.content), WAIT_S, start=start
    )
    parts = [m for m in fake.sent[start:] if to(dm)(m) and int(m.id) <= int(last.id)]
    assert len(parts) == 2
    for part in parts:
        assert len(part.content or "") <= MAX_CONTENT_LENGTH
    joined = " ".join(plain(p.content) for p in parts)
    assert re.findall(r"\U0001f693\U0001f693\d{3}", joined) == words
    assert await state_of(app, 1) == State.ANSWERED


DUTY_ROLE = "710000000000000200"


async def test_urgent_card_pings_the_duty_role_and_nobody_else(
    tmp_path: Path, fake: FakeDiscord
) -> None:
    config = make_config(tmp_path, fake)
    (forum,) = config.forums
    staff = tuple(replace(room, duty_role_id=DUTY_ROLE) for room in forum.staff_rooms)
    config = replace(config, forums=(replace(forum, staff_rooms=staff),))
    async with running(config, environ(fake)):
        await ask(fake, f"{PHRASE} what time is the next session?")
        ordinary = await card_for(fake, 1)
        assert_pings_nobody(ordinary)
        start = len(fake.sent)
        fake.dm(RESIDENT, "someone is breaking into my house right now @everyone")
        urgent = await fake.wait_for_sent(
            to_containing(STAFF_CHANNEL, "URGENT"), WAIT_S, start=start
        )
        assert urgent.pinged_role_ids == {DUTY_ROLE}
        assert not urgent.pings_everyone and not urgent.pinged_user_ids
        assert urgent.allowed_mentions == {"parse": [], "roles": [int(DUTY_ROLE)]}
        assert (urgent.content or "").startswith(f"<@&{DUTY_ROLE}> ")
        guidance = await fake.wait_for_sent(
            to_containing(dm_of(fake), "call 999 now"), WAIT_S, start=start
        )
        assert_pings_nobody(guidance)


async def test_mydata_and_forget_by_dm(fake: FakeDiscord, app: App) -> None:
    await ask(fake, f"{PHRASE} is the park patrolled at night?")
    mine = await ask(fake, "!mydata")
    assert f"Discord user {RESIDENT} (@jolene_k)" in plain(mine.content)
    assert "is the park patrolled at night?" in plain(mine.content)
    confirm = await ask(fake, "!forget")
    assert "To go ahead, send !forget confirm" in plain(confirm.content)
    done = await ask(fake, "!forget confirm")
    assert "We no longer hold your account details" in plain(done.content)
    after = await resident_status(fake)  # a first contact again: with the notice
    assert after.startswith("You have no questions with us.") and "not monitored 24/7" in after


async def test_subscribe_with_a_dm_button_then_an_alert_and_a_survey(
    fake: FakeDiscord, app: App
) -> None:
    chooser = await ask(fake, "!subscribe")
    assert "Alerts from Bromley Police Online Forum" in plain(chooser.content)
    assert "sub:t:bromley:outcomes" in chooser.custom_ids
    start = len(fake.sent)
    fake.press_button(dm_of(fake), RESIDENT, chooser.id, "sub:t:bromley:outcomes")
    on = await fake.wait_for_sent(to(dm_of(fake)), WAIT_S, start=start)
    assert "- outcomes: on" in plain(on.content)
    start = len(fake.sent)
    fake.press_button(dm_of(fake), RESIDENT, on.id, "sub:t:bromley:consultations")
    await fake.wait_for_sent(to(dm_of(fake)), WAIT_S, start=start)

    start = len(fake.sent)
    await staff_says(fake, "!alert bromley outcomes Two arrests @everyone", "is going to 1")
    alert = await fake.wait_for_sent(to_containing(dm_of(fake), "Two arrests"), WAIT_S, start=start)
    assert "To stop outcomes alerts: !unsubscribe outcomes" in plain(alert.content)
    assert_pings_nobody(alert)
    public = await fake.wait_for_sent(
        to_containing(PUBLIC_CHANNEL, "Two arrests"), WAIT_S, start=start
    )
    assert_pings_nobody(public)

    start = len(fake.sent)
    await staff_says(fake, '!survey bromley "Bike marking?" "Yes" "No"', "Consultation #1")
    survey = await fake.wait_for_sent(
        to_containing(dm_of(fake), "Consultation #1"), WAIT_S, start=start
    )
    assert survey.custom_ids == ["survey:1:0", "survey:1:1"]
    start = len(fake.sent)
    fake.press_button(dm_of(fake), RESIDENT, survey.id, "survey:1:1")
    thanks = await fake.wait_for_sent(to(dm_of(fake)), WAIT_S, start=start)
    assert 'your answer to consultation #1 is "No"' in plain(thanks.content)
    results = await staff_says(fake, "!survey results 1", "Consultation #1")
    assert "- No: 1 (100%)" in plain(results.content)


async def test_forget_edits_the_card_and_whois_reply_posted_in_the_staff_channel(
    fake: FakeDiscord, app: App
) -> None:
    await ask(fake, f"{PHRASE} I'm Zebedee Quixotefield, 07700 900417: is the park lit?")
    card = await card_for(fake, 1)
    assert "Quixotefield" in plain(card.content)
    who = await staff_says(fake, "!whois 1", "#1 was asked by")
    assert RESIDENT in plain(who.content)
    await ask(fake, "!forget confirm")
    await eventually(lambda: outbox_settled(app), WAIT_S, "the edits were sent")
    for posted in (card, who):  # as the channel shows them now: edited by the bot
        now = fake.get_message(posted.id)
        assert now is not None and now["edited_timestamp"] is not None
        text = plain(now["content"])
        assert "Question #1: erased at the resident's request" in text
        assert "Quixotefield" not in text and "900417" not in text and RESIDENT not in text
        assert now["components"] == []  # the card's buttons went with its words
