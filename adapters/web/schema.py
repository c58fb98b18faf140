"""The web side's own tables, in the forum's database beside the core's:
its migrations, applied in order after the core's (``bot.store.component``),
the version reached kept in ``meta`` as ``schema:web``.

1. The bot's messages to web chats, kept until read back (``web_message``);
   officers' console sign-ins (``web_login``); the key that signs the site's
   tokens (``web_key``). Until issue 13 the core's migrations 5 and 8 made
   these, so every statement here also accepts a database that has them.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: as the core's migration 5 (tables) and 8 (indexes for the purge and
    # sign-in expiry) made them, statement for statement.
    """
    CREATE TABLE IF NOT EXISTS web_message (
        id INTEGER PRIMARY KEY,
        chat_id TEXT NOT NULL,
        outbox_id INTEGER NOT NULL UNIQUE,
        body TEXT NOT NULL,
        buttons TEXT,
        created_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS web_message_chat ON web_message (chat_id, id);
    CREATE TABLE IF NOT EXISTS web_login (
        token_hash TEXT PRIMARY KEY,
        username TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS web_key (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL
    );
    CREATE INDEX IF NOT EXISTS web_message_created ON web_message (created_at);
    CREATE INDEX IF NOT EXISTS web_login_expiry ON web_login (expires_at);
    """,
)
