"""Posting to incoming webhooks (``bot.edge.hook.HookPoster``) over aiohttp.
The URL is a secret: no error raised from here names it."""

from __future__ import annotations

from collections.abc import Mapping

import aiohttp

from bot.edge.sending import NotSent, OutcomeUnknown, Rejected, RetryLater

TIMEOUT_S = 10.0
"""How long one post may take, in seconds, connecting included."""


class HttpHookPoster:
    """``HookPoster`` over HTTP(S): one short-lived session per post (an
    escalation is rare; nothing is held open between them)."""

    def __init__(self, timeout_s: float = TIMEOUT_S) -> None:
        self.timeout = aiohttp.ClientTimeout(total=timeout_s)

    async def post(self, url: str, payload: Mapping[str, object]) -> None:
        """As ``HookPoster.post``. Errors carry the status and a few words
        of the answer, never the URL."""
        try:
            async with (
                aiohttp.ClientSession(timeout=self.timeout) as session,
                session.post(url, json=dict(payload)) as response,
            ):
                answer = (await response.text())[:80]
                status = response.status
                retry_after = response.headers.get("Retry-After", "")
        except (aiohttp.ClientConnectorError, aiohttp.InvalidURL) as error:
            raise NotSent(f"could not connect ({type(error).__name__})") from None
        except (TimeoutError, aiohttp.ServerDisconnectedError) as error:
            raise OutcomeUnknown(f"no answer ({type(error).__name__})") from None
        except aiohttp.ClientError as error:
            raise NotSent(f"request failed ({type(error).__name__})") from None
        if 200 <= status < 300:
            return
        if status == 429:
            try:
                seconds = float(retry_after)
            except ValueError:
                seconds = 1.0
            raise RetryLater(max(seconds, 0.0), f"HTTP 429 {answer}".strip())
        if status >= 500:
            raise NotSent(f"HTTP {status} {answer}".strip())
        raise Rejected(f"HTTP {status} {answer}".strip())
