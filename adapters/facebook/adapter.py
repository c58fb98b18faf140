"""The Facebook adapter: a Page's Messenger conversations. Its webhook is an
endpoint the web side serves (``webhook.py``); its sender posts to the Send
API (``sender.py``); ``start`` checks the Page access token."""

from __future__ import annotations

import asyncio
import logging

from adapters.facebook.graph import Graph, GraphError, NotReached, Unanswered
from adapters.facebook.page import PagePoster
from adapters.facebook.sender import RATE_LIMITED_WAIT_S, TOKEN_EXPIRED, FacebookSender
from adapters.facebook.webhook import Webhook
from bot.edge.connection import Connection
from bot.edge.inbound import Envelope, Inbound
from bot.edge.pace import Pace
from bot.edge.startup import StartupFailure
from config.model import FacebookConfig

log = logging.getLogger("forumbot.facebook")

VERIFY_TIMEOUT_S = 10.0


class FacebookAdapter:
    """The ``bot.edge.adapter.Adapter`` for a Facebook Page."""

    platform = "facebook"

    def __init__(
        self,
        settings: FacebookConfig,
        token: str,
        app_secret: str,
        verify_token: str,
        queue: asyncio.Queue[Envelope],
        rate_limited_wait_s: float = RATE_LIMITED_WAIT_S,
    ) -> None:
        self.settings = settings
        self.queue = queue
        self.connection = Connection("facebook")
        limits = settings.rate_limits
        self.pace = Pace(overall_per_s=limits.overall_per_s, per_chat_per_s=limits.per_chat_per_s)
        self.graph = Graph(settings.api_base_url, settings.api_version, token)
        self.sender = FacebookSender(
            self.graph,
            self.connection,
            settings.human_agent_approved,
            settings.page_token_env,
            rate_limited_wait_s,
            PagePoster(self.graph, settings.page_id, settings.page_posts.answers == "comments"),
        )
        self.webhook = Webhook(settings.page_id, app_secret, verify_token, self._put)

    def _put(self, event: Inbound) -> Envelope:
        envelope = Envelope(event)
        self.queue.put_nowait(envelope)
        return envelope

    async def start(self) -> None:
        """Ask Graph whose the token is (``GET /me``). A refused token, or one
        for another Page, is fatal (StartupFailure); Graph out of reach is
        not: sends try again, and the webhook serves meanwhile."""
        self.graph.open()
        try:
            async with asyncio.timeout(VERIFY_TIMEOUT_S):
                me = await self.graph.call("GET", "/me?fields=id,name")
        except GraphError as error:
            if error.code == TOKEN_EXPIRED or error.status == 401:
                raise StartupFailure(
                    f"Facebook refused the Page access token in {self.settings.page_token_env} "
                    f"({error.message}): make a new one (docs/facebook.md), or unset it to run "
                    "without Facebook"
                ) from None
            self.connection.down("graph error")
            log.warning("Facebook token check failed (%s); serving and trying again", error.code)
            return
        except (TimeoutError, NotReached, Unanswered) as error:
            self.connection.down(error)
            log.warning(
                "Facebook could not be reached to check the token (%s); serving the other "
                "platforms and trying again",
                self.connection.problem,
            )
            return
        page = str(me.get("id")) if isinstance(me, dict) else ""
        if page != self.settings.page_id:
            raise StartupFailure(
                f"the token in {self.settings.page_token_env} is for Facebook Page {page}, not "
                f"platforms.facebook.page_id {self.settings.page_id}: make a token for that "
                "Page, or correct page_id"
            )
        self.connection.up()
        log.info("Facebook connected as Page %s", page)

    async def run(self) -> None:
        """Nothing to run: deliveries arrive through the web side's webhook.
        Waits until cancelled."""
        await asyncio.Event().wait()

    def announce(self) -> None:
        """Nothing to add once forumbot is serving."""

    async def stop_accepting(self) -> None:
        """Deliveries are answered 503 from now on: Meta sends them again later."""
        self.webhook.accepting = False

    async def close(self) -> None:
        await self.graph.close()
