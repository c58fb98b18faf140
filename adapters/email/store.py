"""The e-mail side's own data in the forum's database (declared to the core
as ``EMAIL_DATA``), and all of its SQL.

- ``email_key``: 32 random bytes made on first use, which make each
  Message-ID's tag and the suppression list's keyed hashes. Not a secret
  that guards anything a visitor could forge (links are signed with the
  secret in ``platforms.email.link_secret_env``), only what keeps the
  hashes from being looked up in a list of addresses made elsewhere.
- ``email_suppression``: addresses a mail server refused for good (a 5xx for
  the recipient, or a bounce report the inbound side hands over), as an
  HMAC-SHA256 of the address under ``email_key``, never the address itself,
  so that a suppressed address stays suppressed after its resident is
  erased while nothing in it says whose it was (docs/decisions.md,
  "Suppressed e-mail addresses"). With it only the reply code (``550``),
  never the server's text (which often quotes the address).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from datetime import datetime

from bot.core import Component, Database, Tx, fetch_all, fetch_one, iso
from bot.edge.rich import Rich

MIGRATIONS: tuple[str, ...] = (
    # 1: the key, and the addresses refused for good (issue 17).
    """
    CREATE TABLE IF NOT EXISTS email_key (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL
    );
    CREATE TABLE IF NOT EXISTS email_suppression (
        address_hash TEXT PRIMARY KEY,
        code INTEGER NOT NULL,
        created_at TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
)


async def key(tx: Tx) -> bytes:
    """The e-mail side's key: made on first use (32 random bytes), then the same."""
    row = await fetch_one(tx, "SELECT key FROM email_key WHERE id = 1")
    if row is not None:
        return bytes(row["key"])
    made = secrets.token_bytes(32)
    await tx.execute("INSERT OR IGNORE INTO email_key (id, key) VALUES (1, ?)", (made,))
    row = await fetch_one(tx, "SELECT key FROM email_key WHERE id = 1")
    assert row is not None
    return bytes(row["key"])


def address_hash(secret: bytes, address: str) -> str:
    """The suppression list's form of ``address`` (normalised, lower case):
    an HMAC-SHA256 under the e-mail key, as hex."""
    return hmac.new(secret, address.encode(), hashlib.sha256).hexdigest()


class Suppressions:
    """Addresses never sent to again, kept in memory (this process is the
    only one that adds to them) and in ``email_suppression``. ``load``
    before use."""

    def __init__(self) -> None:
        self.secret = b""
        self.hashes: set[str] = set()

    async def load(self, db: Database) -> None:
        """Read the key and the list (once, at start)."""
        async with db.transaction() as tx:
            self.secret = await key(tx)
            rows = await fetch_all(tx, "SELECT address_hash FROM email_suppression")
        self.hashes = {str(r["address_hash"]) for r in rows}

    def __contains__(self, address: object) -> bool:
        return isinstance(address, str) and address_hash(self.secret, address) in self.hashes

    async def add(self, db: Database, address: str, code: int, at: datetime) -> None:
        """Suppress ``address`` for good (``code``: the server's reply code)."""
        digest = address_hash(self.secret, address)
        async with db.transaction() as tx:
            await tx.execute(
                "INSERT OR IGNORE INTO email_suppression (address_hash, code, created_at)"
                " VALUES (?, ?, ?)",
                (digest, code, iso(at)),
            )
        self.hashes.add(digest)

    async def lift(self, db: Database, address: str) -> None:
        """Send to ``address`` again: its resident confirmed it on the web site,
        so a message reached it after all."""
        digest = address_hash(self.secret, address)
        async with db.transaction() as tx:
            await tx.execute("DELETE FROM email_suppression WHERE address_hash = ?", (digest,))
        self.hashes.discard(digest)


class EmailCopies:
    """The core's ``PrivacyHooks`` for the e-mail side: it keeps no copy of
    a message, and the suppression list holds no address (a keyed hash), so
    there is nothing to erase here yet."""

    async def erase_chat(self, tx: Tx, platform: str, chat_id: str) -> None:
        return None

    async def purge_before(self, tx: Tx, cutoff: datetime, *, dry_run: bool) -> int:
        return 0

    async def replace_copies(self, tx: Tx, bodies: Mapping[int, Rich]) -> None:
        return None


EMAIL_DATA = Component("email", MIGRATIONS, privacy=EmailCopies())
