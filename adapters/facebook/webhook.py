"""Messenger's webhook, served by the web side at ``/facebook/webhook``
(``bot.edge.endpoint``).

GET is Meta's set-up check: ``hub.mode=subscribe`` with the verify token
the administrator typed in the App Dashboard answers ``hub.challenge``
(200, the challenge as the body); a wrong verify token or another mode
403, logged as a warning; a check missing one of the three parameters
400. A GET with none of them is not Meta's check at all (a browser, a
monitor, a scanner): 400, logged at INFO as what it is, never as a wrong
token. POST is a delivery: refused (403) unless
``X-Hub-Signature-256`` is ``sha256=`` and the HMAC-SHA256 of the raw body
under the app secret (compared in constant time); otherwise each messaging
event is put on the core's queue and the 200 goes back only once all are
stored. Meta delivers again what was not answered 200 (a 503 here when
storing failed or took too long); the inbox keeps one of each event, by its
message id."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
from collections.abc import Callable

from adapters.facebook.convert import events, to_inbound
from bot.edge.endpoint import HttpReply, HttpRequest
from bot.edge.inbound import Envelope, Inbound

log = logging.getLogger("forumbot.facebook")

PATH = "/facebook/webhook"
SIGNATURE_HEADER = "X-Hub-Signature-256"
CHECK_PARAMETERS = ("hub.mode", "hub.verify_token", "hub.challenge")  # Meta's set-up check
MAX_BODY = 1024 * 1024  # a delivery batches many events; Meta's are far smaller
STORE_TIMEOUT_S = 15.0  # Meta gives up on an answer after 20 s and delivers again


def signature_ok(app_secret: str, body: bytes, header: str | None) -> bool:
    """Whether ``header`` (``sha256=<hex>``) signs ``body`` with ``app_secret``."""
    if not header or not header.startswith("sha256="):
        return False
    expected = hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(
        expected.encode(), header[len("sha256=") :].encode("ascii", "replace")
    )


class Webhook:
    """The ``bot.edge.endpoint.Endpoint`` for one Page. ``put`` hands an
    event to the core (the queue) and returns its envelope."""

    path = PATH
    max_body = MAX_BODY

    def __init__(
        self,
        page_id: str,
        app_secret: str,
        verify_token: str,
        put: Callable[[Inbound], Envelope],
    ) -> None:
        self.page_id = page_id
        self.app_secret = app_secret
        self.verify_token = verify_token
        self.put = put
        self.accepting = True

    async def handle(self, request: HttpRequest) -> HttpReply:
        if request.method == "GET":
            return self._verify(request)
        if not signature_ok(self.app_secret, request.body, request.header(SIGNATURE_HEADER)):
            log.warning("Facebook webhook delivery refused: wrong or missing signature")
            return HttpReply(403, "forbidden")
        if not self.accepting:
            return HttpReply(503, "stopping")
        try:
            delivery = json.loads(request.body)
        except ValueError:
            return HttpReply(400, "not JSON")
        inbound = [
            e for e in (to_inbound(ev, self.page_id) for ev in events(delivery, self.page_id)) if e
        ]
        envelopes = [self.put(event) for event in inbound]
        if envelopes:
            try:
                async with asyncio.timeout(STORE_TIMEOUT_S):
                    await asyncio.gather(*(e.stored for e in envelopes))
            except Exception:
                log.exception("Facebook delivery not stored; Meta will deliver it again")
                return HttpReply(503, "try again")
        return HttpReply(200, "EVENT_RECEIVED")

    def _verify(self, request: HttpRequest) -> HttpReply:
        """Meta's set-up check (module docstring)."""
        given = {name: request.query.get(name) for name in CHECK_PARAMETERS}
        if all(value is None for value in given.values()):
            log.info(
                "Facebook webhook: a GET without the set-up check's parameters (%s), so not "
                "Meta's check (a browser or a monitor); answered 400",
                ", ".join(CHECK_PARAMETERS),
            )
            return HttpReply(400, "not a webhook set-up check")
        missing = [name for name, value in given.items() if not value]
        if missing:
            log.warning("Facebook webhook set-up check refused: %s missing", ", ".join(missing))
            return HttpReply(400, "incomplete set-up check")
        mode, token, challenge = (str(given[name]) for name in CHECK_PARAMETERS)
        if mode != "subscribe":
            log.warning("Facebook webhook set-up check refused: hub.mode is not subscribe")
            return HttpReply(403, "forbidden")
        if not hmac.compare_digest(token.encode("utf-8", "replace"), self.verify_token.encode()):
            log.warning("Facebook webhook set-up check refused: wrong verify token")
            return HttpReply(403, "forbidden")
        log.info("Facebook webhook verified by Meta")
        return HttpReply(200, challenge)
