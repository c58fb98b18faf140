"""Sending through the Bot API, with its errors mapped to the core's."""

from __future__ import annotations

import asyncio
import warnings
from datetime import timedelta

import httpx
from telegram import Bot, LinkPreviewOptions, ReplyParameters
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from adapters.telegram.render import PARSE_MODE, to_html, to_keyboard
from bot.edge.rich import Rich, plain
from bot.edge.sending import (
    Moved,
    NoAccess,
    NotSent,
    OutcomeUnknown,
    Outgoing,
    Rejected,
    RetryLater,
    Unreachable,
)

# A 400 in a room that means the bot's right to post was taken away (Telegram's
# wording: "not enough rights to send text messages to the chat", "need
# administrator rights in the channel chat", "CHAT_WRITE_FORBIDDEN").
_NO_RIGHTS = ("not enough rights", "need administrator rights", "chat_write_forbidden")

# httpx errors raised before any byte of the request left this machine.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def answered_with_error(error: NetworkError) -> bool:
    """Telegram answered with an error status that PTB has no class for (5xx,
    or another code without ``retry_after``): ``{"ok": false, ...}``. PTB
    raises a bare ``NetworkError`` for it, with no cause, or with the failed
    parse of a body that was not JSON as cause; transport failures always
    carry the httpx error as cause. The Bot API did not do the request."""
    if isinstance(error, TimedOut | BadRequest):
        return False
    cause = error.__cause__
    return cause is None or (isinstance(cause, TelegramError) and cause is not error)


def retry_after_s(error: RetryAfter) -> float:
    """Telegram's ``retry_after`` in seconds, whichever form PTB gives it in."""
    with warnings.catch_warnings():  # PTB 22 warns that the int form is going away
        warnings.simplefilter("ignore")
        value: int | timedelta = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def utf16_length(text: str) -> int:
    """``text``'s length in UTF-16 code units: 2 for a character above
    U+FFFF, 1 for any other."""
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


# Answers to editMessageText that leave nothing to do (lower case).
_EDIT_DONE = ("message is not modified", "message to edit not found")


class TelegramSender:
    platform = "telegram"
    max_length = 4096  # UTF-16 code units of the plain text, after entity parsing
    idempotent = False  # the Bot API has no idempotency key
    max_button_rows = 10

    def __init__(self, bot: Bot, max_in_flight: int) -> None:
        self.bot = bot
        # Requests beyond the connection pool only make httpcore rescan its pool
        # for every waiting request (CPU that grows with the backlog); waiting
        # here is free and keeps the pool's own timeout from firing.
        self._in_flight = asyncio.Semaphore(max_in_flight)

    @staticmethod
    def measure(body: Rich) -> int:
        """UTF-16 code units of the plain text, as Telegram counts its 4096
        ("1-4096 characters after entities parsing"; every length and offset
        in the Bot API is in UTF-16 code units): a character outside the
        Basic Multilingual Plane (most emoji) counts 2."""
        return utf16_length(plain(body))

    async def _edit(self, chat_id: int | str, message_id: str, message: Outgoing) -> str:
        """``editMessageText``: the bot's message ``message_id`` now says
        ``message.body`` with its buttons (none: the keyboard goes). "message
        is not modified" (it says that already) and "message to edit not
        found" (deleted in the room) leave nothing to erase: done."""
        try:
            await self.bot.edit_message_text(
                chat_id=chat_id,
                message_id=int(message_id),
                text=to_html(message.body),
                parse_mode=PARSE_MODE,
                reply_markup=to_keyboard(message.buttons),
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        except BadRequest as error:
            if not any(s in error.message.lower() for s in _EDIT_DONE):
                raise
        return message_id

    async def send(self, message: Outgoing) -> str:
        chat_id: int | str = message.chat.chat_id
        if isinstance(chat_id, str) and chat_id.lstrip("-").isdigit():
            chat_id = int(chat_id)
        reply = (
            ReplyParameters(int(message.reply_to_message_id), allow_sending_without_reply=True)
            if message.reply_to_message_id
            else None
        )
        try:
            async with self._in_flight:
                if message.edit_of is not None:
                    return await self._edit(chat_id, message.edit_of, message)
                if message.copy_from is not None:
                    # The resident's photo, copied by Telegram from their chat
                    # (forumbot never downloads it); our caption replaces theirs.
                    from_chat, from_message = message.copy_from
                    copied = await self.bot.copy_message(
                        chat_id=chat_id,
                        from_chat_id=int(from_chat),
                        message_id=int(from_message),
                        caption=to_html(message.body),
                        parse_mode=PARSE_MODE,
                        reply_parameters=reply,
                    )
                    return str(copied.message_id)
                sent = await self.bot.send_message(
                    chat_id=chat_id,
                    text=to_html(message.body),
                    parse_mode=PARSE_MODE,
                    reply_markup=to_keyboard(message.buttons),
                    reply_parameters=reply,
                    link_preview_options=LinkPreviewOptions(is_disabled=True),
                    message_thread_id=int(message.thread_id) if message.thread_id else None,
                )
        except RetryAfter as error:
            raise RetryLater(retry_after_s(error)) from error
        except Forbidden as error:
            if message.chat.kind == "private":
                raise Unreachable(error.message) from error
            # "bot was kicked from the group chat", "bot is not a member of the
            # channel chat": the room's messages wait until it is let back in.
            raise NoAccess(error.message) from error
        except ChatMigrated as error:
            # 400 with parameters.migrate_to_chat_id (PTB raises it before BadRequest).
            raise Moved(str(error.new_chat_id), error.message) from error
        except BadRequest as error:
            text = error.message.lower()
            if message.chat.kind == "private" and "chat not found" in text:
                raise Unreachable(error.message) from error
            if message.chat.kind != "private" and any(s in text for s in _NO_RIGHTS):
                raise NoAccess(error.message) from error
            raise Rejected(error.message) from error
        except InvalidToken as error:
            # The token was refused (revoked?): nothing was sent; retried until given up.
            raise NotSent(f"Telegram refused the bot token: {error.message}") from error
        except (TimedOut, NetworkError) as error:
            if answered_with_error(error):
                raise NotSent(f"Telegram answered with an error: {error.message}") from error
            if isinstance(error.__cause__, _NOT_SENT):
                raise NotSent(str(error)) from error
            raise OutcomeUnknown(str(error)) from error
        except TelegramError as error:
            # E.g. a 200 whose body could not be read: it may well have been sent.
            raise OutcomeUnknown(error.message) from error
        return str(sent.message_id)
