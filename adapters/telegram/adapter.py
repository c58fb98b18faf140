"""The Telegram adapter: owns the python-telegram-bot ``Bot``, receives
updates (its own getUpdates loop, or a webhook) and puts them on the core's
queue, confirming each to Telegram only once the core has stored it."""

from __future__ import annotations

import asyncio
import errno
import hmac
import logging
import os
import warnings
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlparse

from aiohttp import web
from telegram import Bot, Update
from telegram.error import Conflict, Forbidden, InvalidToken, NetworkError, RetryAfter, TimedOut
from telegram.request import HTTPXRequest
from telegram.warnings import PTBUserWarning

from adapters.telegram.convert import to_inbound
from adapters.telegram.rooms import room_change
from adapters.telegram.sender import TelegramSender, retry_after_s
from adapters.telegram.unreadable import (
    QuietParseLog,
    fallback_inbound,
    kinds_of,
    update_id_of,
)
from bot.edge.backoff import Backoff
from bot.edge.connection import Connection
from bot.edge.inbound import Envelope, Inbound
from bot.edge.pace import Pace
from bot.edge.startup import StartupFailure
from config.model import TelegramConfig

log = logging.getLogger("forumbot.telegram")
logging.getLogger("telegram.Bot").addFilter(QuietParseLog())
# Reading getUpdates' answer as plain JSON (``_read_raw``) goes through
# do_api_request, which warns that get_updates exists: we know, on purpose.
warnings.filterwarnings("ignore", message=r"Please use 'Bot\.get_updates'", category=PTBUserWarning)

POLL_TIMEOUT_S = 25
# Concurrent sendMessage requests: enough to keep ~30 messages/s flowing with
# Telegram's latency, few enough that the HTTP pool stays cheap to manage.
SEND_CONNECTIONS = 8
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
BACKOFF_MAX_S = 60.0
VERIFY_TIMEOUT_S = 10.0


class TelegramAdapter:
    """The ``bot.edge.adapter.Adapter`` for Telegram."""

    platform = "telegram"

    def __init__(
        self,
        settings: TelegramConfig,
        token: str,
        queue: asyncio.Queue[Envelope],
        webhook_secret: str | None = None,
        poll_timeout_s: int = POLL_TIMEOUT_S,
    ) -> None:
        self.settings = settings
        self.queue = queue
        self.webhook_secret = webhook_secret
        self.poll_timeout_s = poll_timeout_s
        base = settings.api_base_url.rstrip("/")
        self.bot = Bot(
            token,
            base_url=f"{base}/bot",
            base_file_url=f"{base}/file/bot",
            request=HTTPXRequest(
                connection_pool_size=SEND_CONNECTIONS, read_timeout=20.0, pool_timeout=30.0
            ),
            get_updates_request=HTTPXRequest(read_timeout=poll_timeout_s + 10.0),
        )
        self.sender = TelegramSender(self.bot, max_in_flight=SEND_CONNECTIONS)
        limits = settings.rate_limits
        self.pace = Pace(limits.overall_per_s, limits.per_chat_per_s, limits.per_group_per_min)
        self.ready = asyncio.Event()
        self.connection = Connection("telegram")
        self._site: web.AppRunner | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def run(self) -> None:
        """Serve until cancelled, reconnecting after failures: 1 s doubling to
        60 s, from 1 s again once connected; 60 s after a refused token."""
        backoff = Backoff(1.0, BACKOFF_MAX_S)
        while True:
            try:
                await self._connect()
                backoff.reset()
                if self.settings.mode == "webhook":
                    await self._serve_webhook()
                else:
                    await self._poll()
            except asyncio.CancelledError:
                raise
            except InvalidToken as error:
                self.connection.down(error)
                log.error(
                    "Telegram rejected the token (%s); retrying in %ss",
                    self.settings.token_env,
                    int(BACKOFF_MAX_S),
                )
                backoff.longest()
            except Exception as error:
                self.connection.down(error)
                log.warning(
                    "Telegram connection failed: %s; retrying in %ss",
                    self.connection.problem,
                    int(backoff.delay),
                )
            await backoff.wait()

    async def start(self) -> None:
        """At start-up: in webhook mode, bind the webhook's port; then ask
        Telegram who the bot is (getMe). A port that cannot be bound, a
        missing webhook secret or a refused token is fatal (StartupFailure);
        Telegram out of reach is not: ``run`` keeps trying, and the rest of
        forumbot serves meanwhile."""
        if self.settings.mode == "webhook":
            await self._bind_webhook()
        try:
            async with asyncio.timeout(VERIFY_TIMEOUT_S):
                await self._connect()
        except InvalidToken:
            raise StartupFailure(
                f"Telegram refused the token in {self.settings.token_env}: set it to the "
                "token BotFather gave the bot, or unset it to run without Telegram"
            ) from None
        except (TimeoutError, NetworkError) as error:
            self.connection.down(error)
            log.warning(
                "Telegram could not be reached to check the token (%s); serving the other "
                "platforms and trying again",
                self.connection.problem,
            )

    def announce(self) -> None:
        """Nothing to add once forumbot is serving."""

    async def stop_accepting(self) -> None:
        """Nothing here: polling ends with ``run``'s task, and the webhook's
        port is closed by ``close``."""

    async def close(self) -> None:
        """Close the webhook's port and the Bot's HTTP clients, also when
        ``start`` opened them and then failed or was cancelled (the Bot's
        ``shutdown`` does nothing when they were never opened)."""
        if self._site is not None:
            await self._site.cleanup()
            self._site = None
        await self.bot.shutdown()

    async def _connect(self) -> None:
        if not self.ready.is_set():
            await self.bot.initialize()
            log.info("Telegram connected as @%s", self.bot.username)
            self.ready.set()

    # -- polling ---------------------------------------------------------------

    async def _poll(self) -> None:
        await self.bot.delete_webhook(drop_pending_updates=False)
        self.connection.up()
        offset: int | None = None
        backoff = Backoff(2.0, BACKOFF_MAX_S)  # 2 s doubling to 60 s, reset by an answer
        while True:
            try:
                updates = await self.bot.get_updates(
                    offset=offset, timeout=self.poll_timeout_s, allowed_updates=ALLOWED_UPDATES
                )
            except TimedOut:
                continue
            except RetryAfter as error:
                # 429: Telegram says how long to wait; polling sooner only prolongs it.
                delay = retry_after_s(error)
                log.warning("getUpdates rate limited by Telegram; polling again in %ss", delay)
                await asyncio.sleep(delay)
                continue
            except (InvalidToken, Forbidden, Conflict):
                raise
            except NetworkError as error:
                delay = backoff.take()
                self.connection.down(error)
                log.warning(
                    "getUpdates failed: %s; retrying in %ss", self.connection.problem, delay
                )
                await asyncio.sleep(delay)
                continue
            except Exception as error:  # an update the library cannot read
                log.warning(
                    "python-telegram-bot could not read an update (%s); reading them one by one",
                    type(error).__name__,
                )
                read = await self._read_raw(offset)
                if read is None:
                    continue
                items, last = read
                await self._hand_over(items)
                offset = last + 1
                continue
            backoff.reset()
            self.connection.up()
            if not updates:
                continue
            await self._hand_over(updates)
            # Confirmed to Telegram by the next getUpdates, only now that all are stored.
            offset = updates[-1].update_id + 1

    async def _read_raw(self, offset: int | None) -> tuple[list[Update | Inbound], int] | None:
        """The pending updates from ``offset`` as plain JSON, each read by the
        library when it can and by ``fallback_inbound`` when not (an
        update neither can use is logged and passed over); with the last
        update id. None when the request itself failed: polling goes on."""
        params: dict[str, Any] = {"timeout": 0, "allowed_updates": ALLOWED_UPDATES}
        if offset is not None:
            params["offset"] = offset
        try:
            raw = await self.bot.do_api_request("get_updates", api_kwargs=params)
        except Exception as error:
            log.warning("getUpdates as plain JSON failed: %s", type(error).__name__)
            await asyncio.sleep(1.0)
            return None
        if not isinstance(raw, list) or not raw:
            return None
        items: list[Update | Inbound] = []
        last: int | None = None
        for entry in raw:
            update_id = update_id_of(entry)
            if update_id is None:
                continue
            last = update_id if last is None else max(last, update_id)
            item = self._read_one(entry)
            if item is not None:
                items.append(item)
        return (items, last) if last is not None else None

    def _read_one(self, raw: dict[str, Any]) -> Update | Inbound | None:
        """One raw update as the library's ``Update`` or, when the library
        cannot read it, as the core's event read from the JSON."""
        try:
            update = Update.de_json(raw, self.bot)
        except Exception as error:
            update = None
            problem = type(error).__name__
        else:
            problem = "empty"
        if update is not None:
            return update
        inbound = fallback_inbound(raw, self.bot.username)
        log.warning(
            "Telegram update %s (%s) could not be read by python-telegram-bot (%s): %s",
            update_id_of(raw),
            kinds_of(raw),
            problem,
            "read from its JSON" if inbound is not None else "passed over, nothing to answer",
        )
        return inbound

    async def _hand_over(self, updates: Sequence[Update | Inbound]) -> None:
        """Put updates (or events already read from an update's JSON) on the
        core's queue and wait until they are durable. An update that fails
        to convert is read again from its JSON, so no update can stop the
        ones after it."""
        envelopes: list[Envelope] = []
        for update in updates:
            inbound = update if isinstance(update, Inbound) else self._convert(update)
            if inbound is None:
                continue
            envelope = Envelope(inbound)
            self.queue.put_nowait(envelope)
            envelopes.append(envelope)
        if envelopes:
            await asyncio.gather(*(e.stored for e in envelopes))
        for update in updates:
            if isinstance(update, Update) and update.callback_query is not None:
                task = asyncio.create_task(self._answer_callback(update.callback_query.id))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)

    def _convert(self, update: Update) -> Inbound | None:
        try:
            return room_change(update) or to_inbound(update, self.bot.username)
        except Exception as error:
            inbound = fallback_inbound(update.to_dict(), self.bot.username)
            log.warning(
                "Telegram update %s could not be converted (%s): %s",
                update.update_id,
                type(error).__name__,
                "read from its JSON" if inbound is not None else "passed over, nothing to answer",
            )
            return inbound

    async def _answer_callback(self, query_id: str) -> None:
        try:
            await self.bot.answer_callback_query(query_id)
        except Exception as error:  # only the button's spinner depends on it
            log.debug("answerCallbackQuery failed: %s", type(error).__name__)

    # -- webhook -----------------------------------------------------------------

    async def _bind_webhook(self) -> None:
        """Listen for Telegram's posts (once; kept across reconnects).
        Raises StartupFailure when the secret is missing or the port cannot
        be bound."""
        if self._site is not None:
            return
        hook = self.settings.webhook
        if not self.webhook_secret:
            raise StartupFailure(
                f"Telegram webhook mode needs a secret in {hook.secret_env}: set it to a long "
                "random string, or use platforms.telegram.mode: polling"
            )
        app = web.Application(client_max_size=1024 * 1024)
        app.router.add_post(urlparse(hook.url).path or "/", self._on_webhook)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await runner.setup()
        try:
            await web.TCPSite(runner, hook.listen, hook.port).start()
        except OSError as error:
            await runner.cleanup()
            if error.errno == errno.EADDRINUSE:
                raise StartupFailure(
                    f"Telegram webhook port {hook.port} is in use: "
                    "set platforms.telegram.webhook.port"
                ) from None
            reason = os.strerror(error.errno) if error.errno else str(error)
            raise StartupFailure(
                f"Telegram webhook port {hook.port} on {hook.listen} cannot be used ({reason}): "
                "set platforms.telegram.webhook.port or .listen"
            ) from None
        self._site = runner

    async def _serve_webhook(self) -> None:
        hook = self.settings.webhook
        await self._bind_webhook()
        await self.bot.set_webhook(
            hook.url, secret_token=self.webhook_secret, allowed_updates=ALLOWED_UPDATES
        )
        self.connection.up()
        log.info(
            "Telegram webhook listening on %s:%s%s",
            hook.listen,
            hook.port,
            urlparse(hook.url).path or "/",
        )
        await asyncio.Event().wait()

    async def _on_webhook(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        assert self.webhook_secret is not None
        if not hmac.compare_digest(given.encode(), self.webhook_secret.encode()):
            log.warning("webhook request refused: wrong or missing secret header")
            return web.Response(status=403, text="forbidden")
        try:
            data = await request.json()
        except Exception:
            return web.Response(status=400, text="bad update")
        if update_id_of(data) is None:
            return web.Response(status=400, text="bad update")
        # An update the library cannot read is read from its JSON and
        # accepted: refused, Telegram would send it again and hold back
        # every update after it.
        item = self._read_one(data)
        if item is None:
            return web.Response(text="ok")
        try:
            async with asyncio.timeout(30):
                await self._hand_over([item])
        except Exception:
            log.exception("update not stored; Telegram will deliver it again")
            return web.Response(status=503, text="try again")
        return web.Response(text="ok")
