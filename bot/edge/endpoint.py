"""An address another adapter asks the web side to serve: how a platform
that delivers its events by HTTP (Facebook's webhook) receives them on the
site forumbot already serves, without adapters importing each other.

The web side turns each request to ``Endpoint.path`` into an
:class:`HttpRequest` (the body exactly as received, as bytes: signatures are
computed over it) and answers with the :class:`HttpReply` the endpoint gives.
It applies none of its own checks for pages (CSRF, sign-in) to it: the
endpoint checks its caller itself (a signature, a token)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class HttpRequest:
    """One request: ``method`` upper-case (``GET``, ``POST``), the query's
    parameters (the first of each name), the headers (names as sent; look
    them up case-insensitively with :meth:`header`) and the raw body."""

    method: str
    query: Mapping[str, str]
    headers: Mapping[str, str]
    body: bytes = b""

    def header(self, name: str) -> str | None:
        """A header's value by name, whatever its case; None when absent."""
        wanted = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == wanted), None)


@dataclass(frozen=True)
class HttpReply:
    """The answer: a status, a plain-text body, extra headers."""

    status: int = 200
    text: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)


class Endpoint(Protocol):
    """What an adapter gives the web side to serve."""

    @property
    def path(self) -> str:
        """Where, on the site: ``/facebook/webhook``."""
        ...

    @property
    def max_body(self) -> int:
        """The longest body taken, in bytes (a longer one is refused, 413)."""
        ...

    async def handle(self, request: HttpRequest) -> HttpReply:
        """Answer one GET or POST to ``path``. Never raises for what the
        caller sent (a refusal is a reply); a fault is answered 500 by the
        web side."""
        ...
