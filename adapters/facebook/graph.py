"""The few Graph API calls forumbot makes, over aiohttp, and Graph's errors
read into one shape. The Page access token goes in the ``Authorization``
header, never in a URL (URLs end up in exceptions and logs)."""

from __future__ import annotations

import json
from typing import Any

import aiohttp

TIMEOUT_S = 20.0
"""How long one Graph request may take, in seconds, connecting included."""


class GraphError(Exception):
    """Graph answered with ``{"error": {...}}``: the HTTP status, Graph's
    ``code`` and ``error_subcode`` (0 when absent), and its message."""

    def __init__(self, status: int, code: int, subcode: int, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.subcode, self.message = status, code, subcode, message

    def __str__(self) -> str:
        sub = f"/{self.subcode}" if self.subcode else ""
        return f"Graph error {self.code}{sub} (HTTP {self.status}): {self.message}"


class Unanswered(Exception):
    """The request went out and no answer came back (timeout, connection cut)."""


class NotReached(Exception):
    """The request never reached Graph (connection refused, DNS)."""


class Graph:
    """A Page's Graph API at ``base_url`` (``https://graph.facebook.com``)
    and ``version`` (``v21.0``), with its access token. ``open`` before use,
    ``close`` after (safe when never opened)."""

    def __init__(self, base_url: str, version: str, token: str) -> None:
        self.root = f"{base_url.rstrip('/')}/{version}"
        self._headers = {"Authorization": f"Bearer {token}"}
        self._session: aiohttp.ClientSession | None = None

    def open(self) -> None:
        if self._session is None:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=TIMEOUT_S), headers=self._headers
            )

    async def close(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            await session.close()

    async def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        """``method`` on ``path`` (``/me/messages``) with a JSON ``body``; the
        answer's JSON. Raises GraphError, Unanswered or NotReached."""
        self.open()
        assert self._session is not None
        try:
            async with self._session.request(method, self.root + path, json=body) as response:
                status = response.status
                raw = await response.read()
        except (aiohttp.ClientConnectorError, aiohttp.InvalidURL) as error:
            raise NotReached(type(error).__name__) from None
        except (TimeoutError, aiohttp.ServerDisconnectedError) as error:
            raise Unanswered(type(error).__name__) from None
        except aiohttp.ClientError as error:
            raise Unanswered(type(error).__name__) from None
        try:
            answer = json.loads(raw) if raw else {}
        except ValueError:
            answer = {}
        said = answer.get("error") if isinstance(answer, dict) else None
        if status >= 400 or isinstance(said, dict):
            found: dict[str, Any] = said if isinstance(said, dict) else {}
            raise GraphError(
                status,
                _int(found.get("code")),
                _int(found.get("error_subcode")),
                str(found.get("message") or raw[:80].decode("utf-8", "replace")),
            )
        return answer


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
