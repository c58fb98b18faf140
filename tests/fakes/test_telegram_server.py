"""Tests of the fake Telegram server, driven by the real python-telegram-bot client."""

from __future__ import annotations

import asyncio
import datetime as dtm
import time
import warnings
from collections.abc import AsyncIterator

import aiohttp
import pytest
import telegram
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, ReplyParameters, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Conflict, Forbidden, InvalidToken, RetryAfter
from telegram.warnings import PTBDeprecationWarning

from tests.fakes.telegram_server import (
    DEFAULT_TOKEN,
    FIRST_UPDATE_ID,
    EntityParseError,
    FakeTelegram,
    parse_html,
)

# PTB 22 itself warns inside RetryAfter.__init__ (retry_after will become a timedelta).
_IGNORE_RETRY_AFTER_DEPRECATION = pytest.mark.filterwarnings(
    "ignore::telegram.warnings.PTBDeprecationWarning"
)

USER = 4242
GROUP = -1001234567890


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as server:
        yield server


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[telegram.Bot]:
    client = telegram.Bot(fake.token, base_url=f"{fake.base_url}/bot")
    await asyncio.wait_for(client.initialize(), 10)
    try:
        yield client
    finally:
        await asyncio.wait_for(client.shutdown(), 10)


def _retry_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


async def test_get_me_and_token_check(fake: FakeTelegram, bot: telegram.Bot) -> None:
    assert bot.id == 999000
    assert bot.username == "forum_test_bot"
    assert bot.first_name == "Forum Bot"
    assert fake.requests[0] == ("getMe", {})

    bad = telegram.Bot("111:wrong", base_url=f"{fake.base_url}/bot")
    with pytest.raises(InvalidToken):
        await asyncio.wait_for(bad.initialize(), 10)


async def test_unconfirmed_updates_are_redelivered(fake: FakeTelegram, bot: telegram.Bot) -> None:
    first = fake.private_message(USER, "hello", username="alex99")
    second = fake.private_message(USER, "again")
    assert first == FIRST_UPDATE_ID
    assert second == first + 1

    updates = await asyncio.wait_for(bot.get_updates(timeout=0), 10)
    assert [u.update_id for u in updates] == [first, second]
    msg = updates[0].message
    assert msg is not None and msg.text == "hello"
    assert msg.chat.id == USER and msg.chat.type == "private"
    assert msg.from_user is not None and msg.from_user.username == "alex99"

    # Not confirmed: handed out again, also with an offset that doesn't pass them.
    again = await asyncio.wait_for(bot.get_updates(offset=first, timeout=0), 10)
    assert [u.update_id for u in again] == [first, second]
    assert fake.confirmed_offset == first

    # Confirm only the first one.
    rest = await asyncio.wait_for(bot.get_updates(offset=first + 1, timeout=0), 10)
    assert [u.update_id for u in rest] == [second]
    assert fake.confirmed_offset == first + 1

    # Confirm everything.
    none = await asyncio.wait_for(bot.get_updates(offset=second + 1, timeout=0), 10)
    assert none == ()
    assert fake.pending_updates == []
    assert fake.confirmed_offset == second + 1

    # Even without an offset, confirmed updates never come back.
    assert await asyncio.wait_for(bot.get_updates(timeout=0), 10) == ()


async def test_limit(fake: FakeTelegram, bot: telegram.Bot) -> None:
    ids = [fake.private_message(USER, f"m{i}") for i in range(5)]
    updates = await asyncio.wait_for(bot.get_updates(limit=2, timeout=0), 10)
    assert [u.update_id for u in updates] == ids[:2]
    updates = await asyncio.wait_for(bot.get_updates(offset=ids[1] + 1, limit=10), 10)
    assert [u.update_id for u in updates] == ids[2:]


async def test_long_poll_wakes_on_new_update(fake: FakeTelegram, bot: telegram.Bot) -> None:
    mark = len(fake.requests)
    started = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(timeout=8))
    await fake.wait_for_request("getUpdates", start=mark, timeout=5)
    await asyncio.sleep(0.05)
    assert not poll.done()
    update_id = fake.private_message(USER, "wake up")
    updates = await asyncio.wait_for(poll, 10)
    assert time.monotonic() - started < 3
    assert [u.update_id for u in updates] == [update_id]


async def test_long_poll_times_out_empty(fake: FakeTelegram, bot: telegram.Bot) -> None:
    started = time.monotonic()
    updates = await asyncio.wait_for(bot.get_updates(timeout=1), 10)
    elapsed = time.monotonic() - started
    assert updates == ()
    assert 0.9 <= elapsed < 5


async def test_concurrent_polls_conflict(fake: FakeTelegram, bot: telegram.Bot) -> None:
    other = telegram.Bot(fake.token, base_url=f"{fake.base_url}/bot")
    await asyncio.wait_for(other.initialize(), 10)
    try:
        mark = len(fake.requests)
        first = asyncio.create_task(bot.get_updates(timeout=8))
        await fake.wait_for_request("getUpdates", start=mark, timeout=5)
        second = asyncio.create_task(other.get_updates(timeout=0))
        with pytest.raises(Conflict):
            await asyncio.wait_for(first, 10)
        assert await asyncio.wait_for(second, 10) == ()
        assert fake.count_conflicts == 1
    finally:
        await asyncio.wait_for(other.shutdown(), 10)


async def test_webhook_calls(fake: FakeTelegram, bot: telegram.Bot) -> None:
    assert await bot.set_webhook("https://example.test/hook", secret_token="s3cret")
    assert fake.webhook_url == "https://example.test/hook"
    assert fake.webhook_secret == "s3cret"
    info = await bot.get_webhook_info()
    assert info.url == "https://example.test/hook"
    with pytest.raises(Conflict):
        await bot.get_updates(timeout=0)
    fake.private_message(USER, "dropped")
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert fake.webhook_url == ""
    assert await bot.get_updates(timeout=0) == ()


async def test_send_message_shapes_and_records(fake: FakeTelegram, bot: telegram.Bot) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="yes")]])
    m1 = await bot.send_message(USER, "<b>Hi</b> &amp; welcome", parse_mode=ParseMode.HTML)
    m2 = await bot.send_message(USER, "second", reply_markup=markup)
    g1 = await bot.send_message(GROUP, "group hello")
    c1 = await bot.send_message("@police_forum", "channel post")

    assert (m1.message_id, m2.message_id) == (1, 2)
    assert g1.message_id == 1
    assert m1.text == "Hi & welcome"
    assert m1.chat.type == "private" and m1.chat.id == USER
    assert m1.from_user is not None and m1.from_user.id == 999000
    assert g1.chat.type == "supergroup"
    assert c1.chat.type == "channel" and c1.chat.username == "police_forum"
    assert c1.chat.id < -1000000000000
    assert m2.reply_markup == markup

    assert [s.text for s in fake.sent_to(USER)] == ["<b>Hi</b> &amp; welcome", "second"]
    first = fake.sent[0]
    assert first.parse_mode == "HTML"
    assert first.plain_text == "Hi & welcome"
    assert fake.sent[1].reply_markup == {
        "inline_keyboard": [[{"text": "Yes", "callback_data": "yes"}]]
    }
    assert fake.sent_to("@police_forum")[0].chat_id == "@police_forum"

    # Numeric-looking text must stay a string.
    await bot.send_message(USER, "123")
    assert fake.sent[-1].text == "123"


async def test_reply_parameters(fake: FakeTelegram, bot: telegram.Bot) -> None:
    fake.group_message(GROUP, USER, "question?")
    (update,) = await asyncio.wait_for(bot.get_updates(timeout=0), 10)
    assert update.message is not None
    asked = update.message.message_id
    reply = await bot.send_message(GROUP, "answer", reply_parameters=ReplyParameters(asked))
    assert reply.reply_to_message is not None
    assert reply.reply_to_message.message_id == asked
    assert fake.sent[-1].reply_to_message_id == asked

    with pytest.raises(BadRequest, match="replied not found"):
        await bot.send_message(GROUP, "answer", reply_parameters=ReplyParameters(9999))
    ok = await bot.send_message(
        GROUP,
        "answer",
        reply_parameters=ReplyParameters(9999, allow_sending_without_reply=True),
    )
    assert ok.reply_to_message is None
    assert fake.sent[-1].reply_to_message_id == 9999


async def test_group_message_commands_and_replies(fake: FakeTelegram, bot: telegram.Bot) -> None:
    sent = await bot.send_message(GROUP, "Ask away")
    fake.group_message(
        GROUP, USER, "/ask@forum_test_bot is it legal?", reply_to_message_id=sent.message_id
    )
    (update,) = await asyncio.wait_for(bot.get_updates(timeout=0), 10)
    msg = update.message
    assert msg is not None
    assert msg.chat.type == "supergroup"
    assert msg.message_id > sent.message_id
    assert msg.reply_to_message is not None
    assert msg.reply_to_message.message_id == sent.message_id
    assert msg.reply_to_message.from_user is not None
    assert msg.reply_to_message.from_user.id == bot.id
    assert msg.parse_entities(["bot_command"]) == {
        msg.entities[0]: "/ask@forum_test_bot",
    }


async def test_callback_query_parses(fake: FakeTelegram, bot: telegram.Bot) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Approve", callback_data="ok:7")]])
    sent = await bot.send_message(GROUP, "Approve?", reply_markup=markup)
    update_id = fake.callback_query(GROUP, USER, sent.message_id, "ok:7")
    (update,) = await asyncio.wait_for(bot.get_updates(timeout=0), 10)
    assert isinstance(update, Update) and update.update_id == update_id
    cq = update.callback_query
    assert cq is not None
    assert cq.data == "ok:7"
    assert cq.from_user.id == USER
    assert isinstance(cq.message, telegram.Message)
    assert cq.message.message_id == sent.message_id
    assert cq.message.chat.id == GROUP

    assert await bot.answer_callback_query(cq.id, text="Done")
    assert fake.callback_answers[-1]["callback_query_id"] == cq.id

    edited = await bot.edit_message_text("Approved", chat_id=GROUP, message_id=sent.message_id)
    assert isinstance(edited, telegram.Message)
    assert edited.text == "Approved" and edited.reply_markup is None
    assert fake.edits[-1].text == "Approved"
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text("Approved", chat_id=GROUP, message_id=sent.message_id)
    with pytest.raises(BadRequest, match="not found"):
        await bot.edit_message_text("x", chat_id=GROUP, message_id=12345)

    # Unknown messages get a placeholder so the bot can edit them.
    fake.callback_query(USER, USER, 77, "x")
    await bot.edit_message_reply_markup(chat_id=USER, message_id=77, reply_markup=markup)
    assert fake.get_message(USER, 77) is not None

    assert await bot.delete_message(GROUP, sent.message_id)
    assert fake.deleted == [(GROUP, sent.message_id)]
    with pytest.raises(BadRequest, match="not found"):
        await bot.delete_message(GROUP, sent.message_id)


@_IGNORE_RETRY_AFTER_DEPRECATION
async def test_retry_after_injection(fake: FakeTelegram, bot: telegram.Bot) -> None:
    fake.fail_next(
        "sendMessage",
        USER,
        status=429,
        description="Too Many Requests: retry after 2",
        retry_after=2,
    )
    # Other chats are unaffected by a chat-specific fault.
    await bot.send_message(USER + 1, "fine")
    with pytest.raises(RetryAfter) as info:
        await bot.send_message(USER, "hello")
    assert _retry_seconds(info.value) == 2
    assert fake.count_429 == 1
    # Consumed: the next one goes through.
    await bot.send_message(USER, "hello")
    assert [s.text for s in fake.sent_to(USER)] == ["hello"]


async def test_forbidden(fake: FakeTelegram, bot: telegram.Bot) -> None:
    fake.blocked_chats.add(USER)
    for _ in range(2):
        with pytest.raises(Forbidden, match="blocked by the user"):
            await bot.send_message(USER, "hi")
    assert fake.sent == []

    fake.fail_next(
        "sendMessage", status=403, description="Forbidden: bot was kicked from the group chat"
    )
    with pytest.raises(Forbidden, match="kicked"):
        await bot.send_message(GROUP, "hi")
    await bot.send_message(GROUP, "hi")


async def test_fault_times(fake: FakeTelegram, bot: telegram.Bot) -> None:
    fake.fail_next("getUpdates", status=502, description="Bad Gateway", times=2)
    for _ in range(2):
        with pytest.raises(telegram.error.NetworkError):
            await bot.get_updates(timeout=0)
    assert await bot.get_updates(timeout=0) == ()


async def test_internal_server_error_as_telegram_answers_it(
    fake: FakeTelegram, bot: telegram.Bot
) -> None:
    fake.fail_next("sendMessage", USER, status=500, description="Internal Server Error", times=2)
    # python-telegram-bot has no class for a 5xx: a bare NetworkError, with no cause
    # (a transport failure always carries httpx's error as its cause).
    with pytest.raises(telegram.error.NetworkError, match="Internal Server Error") as caught:
        await bot.send_message(USER, "hi")
    assert type(caught.value) is telegram.error.NetworkError
    assert caught.value.__cause__ is None
    url = f"{fake.base_url}/bot{DEFAULT_TOKEN}/sendMessage"
    timeout = aiohttp.ClientTimeout(total=10)
    async with (
        aiohttp.ClientSession(timeout=timeout) as session,
        session.post(url, json={"chat_id": USER, "text": "raw"}) as resp,
    ):
        body = await resp.json()
    assert resp.status == 500
    assert body == {"ok": False, "error_code": 500, "description": "Internal Server Error"}
    assert fake.sent == []  # not done
    await bot.send_message(USER, "third time")
    assert [m.text for m in fake.sent] == ["third time"]


async def test_too_long_rejected(fake: FakeTelegram, bot: telegram.Bot) -> None:
    with pytest.raises(BadRequest, match="too long"):
        await bot.send_message(USER, "x" * 4097)
    await bot.send_message(USER, "x" * 4096)
    # Length counts after entity parsing: raw text is far longer than 4096.
    await bot.send_message(USER, "<b>" + "&amp;" * 4096 + "</b>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match="too long"):
        await bot.send_message(USER, "&lt;" * 4097, parse_mode=ParseMode.HTML)
    assert len(fake.sent) == 2
    with pytest.raises(BadRequest, match="empty"):
        await bot.send_message(USER, "<b> </b>", parse_mode=ParseMode.HTML)


async def test_length_is_counted_in_utf16_code_units(fake: FakeTelegram, bot: telegram.Bot) -> None:
    # An emoji outside the Basic Multilingual Plane is 2 UTF-16 code units, as
    # Telegram counts: 2048 police cars are 4096 units, 2049 are too long.
    with pytest.raises(BadRequest, match=r"^Message is too long$"):
        await bot.send_message(USER, "\U0001f693" * 2049)
    await bot.send_message(USER, "\U0001f693" * 2048)
    with pytest.raises(BadRequest, match="too long"):
        await bot.send_message(
            USER, "<b>" + "\U0001f693" * 2000 + "</b>" + "x" * 97, parse_mode=ParseMode.HTML
        )
    assert len(fake.sent) == 1


@pytest.mark.parametrize(
    "text",
    [
        "a < b",
        "Tom & Jerry",
        "<br>line",
        "<b>unclosed",
        "<b><i>bad</b></i>",
        "stray </b>",
        '<span class="x">s</span>',
        "<b",
        "&nbsp;",
        "<script>x</script>",
    ],
)
async def test_bad_html_rejected(fake: FakeTelegram, bot: telegram.Bot, text: str) -> None:
    with pytest.raises(BadRequest, match="Can't parse entities"):
        await bot.send_message(USER, text, parse_mode=ParseMode.HTML)
    assert fake.sent == []
    # The same text is fine without parse_mode.
    await bot.send_message(USER, text)


async def test_good_html_accepted(fake: FakeTelegram, bot: telegram.Bot) -> None:
    text = (
        "<b>Bold</b> <strong>s</strong> <i>i</i> <em>e</em> <u>u</u> <ins>i</ins> <s>s</s> "
        '<strike>s</strike> <del>d</del> <a href="https://x.test/?a=1&amp;b=2">link</a> '
        '<code>c &lt;x&gt;</code> <pre><code class="language-python">p</code></pre> '
        "<tg-spoiler>t</tg-spoiler> <span class='tg-spoiler'>sp</span> "
        "<blockquote>q</blockquote> &quot;quoted&quot; &#39;x&#x27; a > b"
    )
    msg = await bot.send_message(USER, text, parse_mode=ParseMode.HTML)
    assert msg.text == ("Bold s i e u i s s d link c <x> p t sp q \"quoted\" 'x' a > b")


def test_parse_html_unit() -> None:
    assert parse_html("<B>x</B> &amp;") == "x &"
    with pytest.raises(EntityParseError, match="byte offset 7"):
        parse_html("héllo <br>")


@_IGNORE_RETRY_AFTER_DEPRECATION
async def test_flood_limit(fake: FakeTelegram, bot: telegram.Bot) -> None:
    fake.limit_overall_per_s = 5
    for i in range(5):
        await bot.send_message(USER, f"m{i}")
    with pytest.raises(RetryAfter) as info:
        await bot.send_message(USER, "too fast")
    assert _retry_seconds(info.value) == 1
    assert fake.count_429 == 1
    await asyncio.sleep(1.05)
    await bot.send_message(USER, "after window")
    assert len(fake.sent) == 6


async def test_on_request_hook_and_wait_helpers(fake: FakeTelegram, bot: telegram.Bot) -> None:
    seen: list[tuple[str, int | None]] = []

    async def hook(method: str, params: dict[str, object]) -> None:
        offset = params.get("offset")
        seen.append((method, offset if isinstance(offset, int) else None))

    fake.on_request = hook
    update_id = fake.private_message(USER, "hi")
    await bot.get_updates(timeout=0)
    await bot.get_updates(offset=update_id + 1, timeout=0)
    assert seen == [("getUpdates", None), ("getUpdates", update_id + 1)]
    assert fake.confirmed_offset == update_id + 1

    async def later() -> None:
        await asyncio.sleep(0.1)
        await bot.send_message(USER, "later reply")

    task = asyncio.create_task(later())
    found = await fake.wait_for_sent(lambda m: m.text == "later reply", timeout=5)
    assert found.chat_id == USER
    await task
    params = await fake.wait_for_request("sendMessage", lambda p: p["chat_id"] == USER, 5)
    assert params["text"] == "later reply"

    started = time.monotonic()
    with pytest.raises(AssertionError, match="later reply"):
        await fake.wait_for_sent(lambda m: m.text == "never", timeout=0.2)
    with pytest.raises(AssertionError, match="no matching deleteMessage"):
        await fake.wait_for_request("deleteMessage", timeout=0.2)
    assert time.monotonic() - started < 2


async def test_misc_methods(fake: FakeTelegram, bot: telegram.Bot) -> None:
    assert await bot.set_my_commands([("start", "Start"), ("ask", "Ask a question")])
    assert fake.commands == [
        {"command": "start", "description": "Start"},
        {"command": "ask", "description": "Ask a question"},
    ]
    cmds = await bot.get_my_commands()
    assert [c.command for c in cmds] == ["start", "ask"]
    chat = await bot.get_chat(GROUP)
    assert chat.id == GROUP and chat.type == "supergroup"
    assert await bot.send_chat_action(USER, "typing")
    assert await bot.log_out()
    assert await bot.close()
    assert [m for m, _ in fake.requests][-3:] == ["sendChatAction", "logOut", "close"]


async def test_json_body_and_get(fake: FakeTelegram) -> None:
    url = f"{fake.base_url}/bot{DEFAULT_TOKEN}"
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
        async with session.post(
            f"{url}/sendMessage",
            json={"chat_id": USER, "text": "json", "reply_markup": '{"inline_keyboard": []}'},
        ) as resp:
            body = await resp.json()
        assert resp.status == 200 and body["ok"] is True
        assert body["result"]["text"] == "json"
        assert fake.sent[-1].reply_markup == {"inline_keyboard": []}

        async with session.get(f"{url}/getMe") as resp:
            body = await resp.json()
        assert body["result"]["username"] == "forum_test_bot"

        async with session.post(f"{fake.base_url}/botnope/getMe") as resp:
            body = await resp.json()
        assert resp.status == 401
        assert body == {"ok": False, "error_code": 401, "description": "Unauthorized"}


async def test_real_application_polling_round_trip(fake: FakeTelegram) -> None:
    from telegram.ext import ApplicationBuilder, CommandHandler, ContextTypes

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_chat is not None
        await context.bot.send_message(update.effective_chat.id, "<b>Welcome</b>", "HTML")

    app = ApplicationBuilder().token(fake.token).base_url(f"{fake.base_url}/bot").build()
    app.add_handler(CommandHandler("start", start))
    update_id = fake.private_message(USER, "/start")
    await asyncio.wait_for(app.initialize(), 10)
    try:
        assert app.updater is not None
        await asyncio.wait_for(app.updater.start_polling(poll_interval=0, timeout=1), 10)
        await asyncio.wait_for(app.start(), 10)
        reply = await fake.wait_for_sent(lambda m: m.chat_id == USER, timeout=10)
        assert reply.plain_text == "Welcome"
        await asyncio.wait_for(app.updater.stop(), 10)
        await asyncio.wait_for(app.stop(), 10)
    finally:
        await asyncio.wait_for(app.shutdown(), 10)
    assert fake.confirmed_offset == update_id + 1
    assert fake.pending_updates == []
    assert fake.count_conflicts == 0


async def test_text_that_is_not_valid_unicode_is_delivered_as_telegram_delivers_it(
    fake: FakeTelegram, bot: telegram.Bot
) -> None:
    """Telegram's JSON can carry a lone surrogate (``\\ud800``) or NUL (``\\u0000``) in a
    message's text: the fake hands them to the client as they are, with command entities
    counted in UTF-16 code units."""
    fake.private_message(USER, "x \ud800\x00 /help")
    updates = await asyncio.wait_for(bot.get_updates(timeout=0), 10)
    message = updates[0].message
    assert message is not None and message.text == "x \ud800\x00 /help"
    assert message.entities[0].offset == 5 and message.entities[0].length == 5


async def test_sending_a_lone_surrogate_is_refused(fake: FakeTelegram) -> None:
    """It is not UTF-8: Telegram refuses the message (here over raw JSON, since
    python-telegram-bot cannot even encode it)."""
    url = f"{fake.base_url}/bot{DEFAULT_TOKEN}/sendMessage"
    async with (
        aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session,
        session.post(url, json={"chat_id": USER, "text": "x \ud800"}) as resp,
    ):
        body = await resp.json()
    assert resp.status == 400
    assert body["description"] == "Bad Request: strings must be encoded in UTF-8"
    assert fake.sent == []


async def test_every_shape_parses_as_a_real_message(fake: FakeTelegram, bot: telegram.Bot) -> None:
    from tests.fakes.telegram_server import SHAPES

    for shape in SHAPES:
        fake.private_shape(USER, shape)
    updates = await bot.get_updates(timeout=0)
    assert len(updates) == len(SHAPES)
    by_shape = dict(zip(SHAPES, updates, strict=True))
    assert by_shape["photo"].message is not None and by_shape["photo"].message.photo
    assert by_shape["poll"].message is not None and by_shape["poll"].message.poll is not None
    animation = by_shape["animation"].message
    assert animation is not None and animation.animation and animation.document


async def test_allowed_updates_leave_out_other_types(fake: FakeTelegram, bot: telegram.Bot) -> None:
    fake.private_message(USER, "hello")
    message_id = fake.last_message_of(USER)
    fake.edit_private_message(USER, message_id, "hello again")
    updates = await bot.get_updates(timeout=0, allowed_updates=["message"])
    assert [u.message is not None for u in updates] == [True]
    assert len(fake.unwanted_updates) == 1 and "edited_message" in fake.unwanted_updates[0]


async def test_copy_message_copies_a_photo_and_refuses_what_is_gone(
    fake: FakeTelegram, bot: telegram.Bot
) -> None:
    fake.private_shape(USER, "photo", caption="my caption")
    photo_id = fake.last_message_of(USER)
    copied = await bot.copy_message(
        GROUP, USER, photo_id, caption="<b>Photo</b> for #1", parse_mode="HTML"
    )
    record = fake.sent_to(GROUP)[-1]
    assert record.message_id == copied.message_id
    assert record.plain_text == "Photo for #1"
    assert "photo" in record.params["copied"]
    with pytest.raises(BadRequest, match=r"(?i)message to copy not found"):
        await bot.copy_message(GROUP, USER, photo_id + 100)
    fake.private_shape(USER, "sticker")
    with pytest.raises(BadRequest, match=r"(?i)can.t have a caption"):
        await bot.copy_message(GROUP, USER, fake.last_message_of(USER), caption="x")
