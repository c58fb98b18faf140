"""The links in e-mails and on the subscription pages.

A subscriber's links (stop all alerts, choose alerts, see or erase their
data) carry a token: the resident's id and an HMAC-SHA256, under the secret
in ``platforms.email.link_secret_env``, of that id and their address
(``12-Xq3...``). It needs no table, never shows the address, and dies with
the resident: once they are erased (or the secret changes) it matches
nothing. A confirmation link carries a random token of its own, kept only
as a hash (``store.PendingStore``)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from urllib.parse import urlencode

SUBSCRIBE = "/email/subscribe"
CONFIRM = "/email/confirm"
UNSUBSCRIBE = "/email/unsubscribe"
MANAGE = "/email/manage"
DATA = "/email/data"

MAC_CHARS = 32  # of the HMAC's base64url: 192 bits


def new_token() -> str:
    """A random confirmation token (32 bytes, base64url)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """How a confirmation token is kept: its SHA-256, as hex."""
    return hashlib.sha256(token.encode()).hexdigest()


class Links:
    """Tokens and addresses of the pages, under the site's public address
    (``web.public_url``) and the links' secret."""

    def __init__(self, public_url: str, secret: bytes) -> None:
        self.base = public_url.rstrip("/")
        self.secret = secret

    def _mac(self, resident_id: int, address: str) -> str:
        digest = hmac.new(
            self.secret, f"email-link:{resident_id}:{address}".encode(), hashlib.sha256
        ).digest()
        return base64.urlsafe_b64encode(digest).decode()[:MAC_CHARS]

    def token(self, resident_id: int, address: str) -> str:
        """The token of the subscriber ``resident_id`` whose address is ``address``."""
        return f"{resident_id}-{self._mac(resident_id, address)}"

    @staticmethod
    def resident_of(token: str) -> int | None:
        """The resident id a token names (not yet checked), or None for
        something that is not a token."""
        number, _, mac = token.partition("-")
        if not number.isdigit() or len(number) > 18 or len(mac) != MAC_CHARS:
            return None
        return int(number)

    def holds(self, token: str, resident_id: int, address: str) -> bool:
        """Whether ``token`` is that subscriber's."""
        return hmac.compare_digest(token.encode(), self.token(resident_id, address).encode())

    def url(self, path: str, token: str | None = None) -> str:
        """The page at ``path`` (``UNSUBSCRIBE``), with ``token`` as ``t``."""
        query = f"?{urlencode({'t': token})}" if token is not None else ""
        return f"{self.base}{path}{query}"
