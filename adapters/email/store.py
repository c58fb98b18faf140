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
- ``email_pending``: addresses given on the subscription page and not yet
  confirmed (double opt-in), with what was chosen and the hash of the
  confirmation link's token; deleted once confirmed, expired, forgotten or
  purged. Nothing is sent to such an address but the confirmation.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from bot.core import Component, Database, Tx, fetch_all, fetch_one, instant, iso
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
    # 2: addresses given on the subscription page, waiting for their owner to
    # confirm them (double opt-in): the address, what was chosen, and the
    # confirmation token's hash; deleted once confirmed, once expired, or when
    # the address's owner is forgotten (issue 17).
    """
    CREATE TABLE IF NOT EXISTS email_pending (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        address TEXT NOT NULL,
        choices TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS email_pending_address ON email_pending (address);
    CREATE INDEX IF NOT EXISTS email_pending_expiry ON email_pending (expires_at);
    CREATE INDEX IF NOT EXISTS email_pending_created ON email_pending (created_at);
    """,
    # 3: confirmation links already used, until they would have expired, so
    # pressing one again says "already subscribed" instead of "no longer
    # works": the token's hash and the resident (no address); deleted at
    # expiry and when the resident is forgotten (issue 17, the trial's L1).
    """
    CREATE TABLE IF NOT EXISTS email_confirmed (
        token_hash TEXT PRIMARY KEY,
        resident_id INTEGER NOT NULL,
        expires_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS email_confirmed_resident ON email_confirmed (resident_id);
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


@dataclass(frozen=True)
class Pending:
    """An address waiting to be confirmed, and the (forum id, alert type)
    pairs chosen with it."""

    address: str
    pairs: list[tuple[str, str]]
    expires_at: datetime


async def add_pending(
    tx: Tx,
    digest: str,
    address: str,
    pairs: list[tuple[str, str]],
    at: datetime,
    expires_at: datetime,
) -> None:
    """Keep an address to confirm (its token's hash ``digest``); those expired go."""
    await tx.execute("DELETE FROM email_pending WHERE expires_at <= ?", (iso(at),))
    await tx.execute(
        "INSERT INTO email_pending (token_hash, address, choices, created_at, expires_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (digest, address, json.dumps(pairs), iso(at), iso(expires_at)),
    )


async def asked_since(tx: Tx, address: str, since: datetime) -> bool:
    """Whether a confirmation was asked for ``address`` at or after ``since``."""
    row = await fetch_one(
        tx,
        "SELECT 1 FROM email_pending WHERE address = ? AND created_at >= ? LIMIT 1",
        (address, iso(since)),
    )
    return row is not None


async def merge_pending(tx: Tx, address: str, pairs: list[tuple[str, str]]) -> None:
    """``pairs`` added to what every confirmation waiting for ``address``
    will subscribe it to (a second request before a new e-mail may go: the
    link already sent confirms both)."""
    rows = await fetch_all(
        tx, "SELECT id, choices FROM email_pending WHERE address = ?", (address,)
    )
    for row in rows:
        had = [(str(f), str(t)) for f, t in json.loads(str(row["choices"]))]
        merged = had + [pair for pair in pairs if pair not in had]
        await tx.execute(
            "UPDATE email_pending SET choices = ? WHERE id = ?", (json.dumps(merged), row["id"])
        )


async def pending(tx: Tx, digest: str, now: datetime) -> Pending | None:
    """The address waiting under the token's hash ``digest``, unless expired."""
    row = await fetch_one(
        tx,
        "SELECT address, choices, expires_at FROM email_pending"
        " WHERE token_hash = ? AND expires_at > ?",
        (digest, iso(now)),
    )
    if row is None:
        return None
    pairs = [(str(f), str(t)) for f, t in json.loads(str(row["choices"]))]
    return Pending(str(row["address"]), pairs, instant(row["expires_at"]))


async def sweep_expired(tx: Tx, now: datetime) -> int:
    """Addresses whose confirmation expired, deleted (their owner never
    confirmed: "we forget the address"); how many. Used links past their
    expiry go too."""
    await tx.execute("DELETE FROM email_confirmed WHERE expires_at <= ?", (iso(now),))
    cursor = await tx.execute("DELETE FROM email_pending WHERE expires_at <= ?", (iso(now),))
    return cursor.rowcount


async def used(tx: Tx, digest: str, resident_id: int, expires_at: datetime) -> None:
    """Remember that the confirmation link ``digest`` was used by ``resident_id``."""
    await tx.execute(
        "INSERT OR REPLACE INTO email_confirmed (token_hash, resident_id, expires_at)"
        " VALUES (?, ?, ?)",
        (digest, resident_id, iso(expires_at)),
    )


async def confirmed_by(tx: Tx, digest: str, now: datetime) -> int | None:
    """The resident who already used the confirmation link ``digest``, or None."""
    row = await fetch_one(
        tx,
        "SELECT resident_id FROM email_confirmed WHERE token_hash = ? AND expires_at > ?",
        (digest, iso(now)),
    )
    return None if row is None else int(row["resident_id"])


async def forget_pending(tx: Tx, address: str) -> int:
    """Every confirmation waiting for ``address`` deleted; how many."""
    cursor = await tx.execute("DELETE FROM email_pending WHERE address = ?", (address,))
    return cursor.rowcount


class EmailCopies:
    """The core's ``PrivacyHooks`` for the e-mail side. It keeps no copy of
    a message; the suppression list holds no address (a keyed hash), so it
    stays (an address refused for good stays refused: docs/decisions.md);
    addresses waiting to be confirmed go with their owner's other data, and
    with the retention purge (they expire sooner anyway)."""

    async def erase_chat(self, tx: Tx, platform: str, chat_id: str) -> None:
        if platform == "email":
            await forget_pending(tx, chat_id)
            await tx.execute(
                "DELETE FROM email_confirmed WHERE resident_id IN"
                " (SELECT id FROM resident WHERE platform = 'email' AND chat_id = ?)",
                (chat_id,),
            )

    async def purge_before(self, tx: Tx, cutoff: datetime, *, dry_run: bool) -> int:
        where = " FROM email_pending WHERE created_at < ?"
        params = (iso(cutoff),)
        if dry_run:
            row = await fetch_one(tx, "SELECT COUNT(*) AS n" + where, params)
            return int(row["n"]) if row is not None else 0
        cursor = await tx.execute("DELETE" + where, params)
        return cursor.rowcount

    async def replace_copies(self, tx: Tx, bodies: Mapping[int, Rich]) -> None:
        return None


EMAIL_DATA = Component("email", MIGRATIONS, privacy=EmailCopies())
