"""The Telegram adapter: owns the python-telegram-bot ``Bot``, receives
updates (its own getUpdates loop, or a webhook) and puts them on the core's
queue, confirming each to Telegram only once the core has stored it."""

from __future__ import annotations

import asyncio
import errno
import hmac
import logging
import os
from urllib.parse import urlparse

from aiohttp import web
from telegram import Bot, Update
from telegram.error import Conflict, Forbidden, InvalidToken, NetworkError, RetryAfter, TimedOut
from telegram.request import HTTPXRequest

from adapters.telegram.convert import to_inbound
from adapters.telegram.rooms import room_change
from adapters.telegram.sender import TelegramSender, retry_after_s
from bot.edge.backoff import Backoff
from bot.edge.connection import Connection
from bot.edge.inbound import Envelope
from bot.edge.pace import Pace
from bot.edge.startup import StartupFailure
from config.model import TelegramConfig

log = logging.getLogger("forumbot.telegram")

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
            backoff.reset()
            self.connection.up()
            if not updates:
                continue
            await self._hand_over(updates)
            # Confirmed to Telegram by the next getUpdates, only now that all are stored.
            offset = updates[-1].update_id + 1

    async def _hand_over(self, updates: tuple[Update, ...] | list[Update]) -> None:
        """Put updates on the core's queue and wait until they are durable."""
        envelopes: list[Envelope] = []
        for update in updates:
            inbound = room_change(update) or to_inbound(update, self.bot.username)
            if inbound is None:
                continue
            envelope = Envelope(inbound)
            self.queue.put_nowait(envelope)
            envelopes.append(envelope)
        if envelopes:
            await asyncio.gather(*(e.stored for e in envelopes))
        for update in updates:
            if update.callback_query is not None:
                task = asyncio.create_task(self._answer_callback(update.callback_query.id))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)

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
            update = Update.de_json(data, self.bot)
        except Exception:
            return web.Response(status=400, text="bad update")
        if update is None:
            return web.Response(status=400, text="bad update")
        try:
            async with asyncio.timeout(30):
                await self._hand_over([update])
        except Exception:
            log.exception("update not stored; Telegram will deliver it again")
            return web.Response(status=503, text="try again")
        return web.Response(text="ok")
