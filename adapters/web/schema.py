"""The web side's own tables, in the forum's database beside the core's:
its migrations, applied in order after the core's (``bot.store.component``),
the version reached kept in ``meta`` as ``schema:web``.

1. The bot's messages to web chats, kept until read back (``web_message``);
   officers' console sign-ins (``web_login``); the key that signs the site's
   tokens (``web_key``). Until issue 13 the core's migrations 5 and 8 made
   these, so every statement here also accepts a database that has them.
2. The chat page as a conversation (issue 14): ``web_message`` ids are never
   used twice (AUTOINCREMENT), so a page that has seen id 7 still shows the
   message after ``/forget`` erased ids 1..7; and the resident's own messages
   are kept beside the bot's (``from_resident``, no ``outbox_id``), with
   ``failed`` set when one could not be handed to the forum.
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
    # 2: ids never reused (AUTOINCREMENT), the resident's own messages kept
    # too (issue 14: the page is a conversation). The table is made again,
    # its rows copied with their ids (SQLite then counts on from the largest).
    """
    CREATE TABLE web_message_2 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        chat_id TEXT NOT NULL,
        outbox_id INTEGER UNIQUE,
        from_resident INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        body TEXT NOT NULL,
        buttons TEXT,
        created_at TEXT NOT NULL
    );
    INSERT INTO web_message_2 (id, chat_id, outbox_id, body, buttons, created_at)
        SELECT id, chat_id, outbox_id, body, buttons, created_at FROM web_message;
    DROP TABLE web_message;
    ALTER TABLE web_message_2 RENAME TO web_message;
    CREATE INDEX web_message_chat ON web_message (chat_id, id);
    CREATE INDEX web_message_created ON web_message (created_at);
    """,
)
