"""The core's schema versions, applied in order; ``PRAGMA user_version``
records the last. Parts outside the core keep their own tables with their
own migrations (``bot.store.component``): none is named here."""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE inbox (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        event_key TEXT NOT NULL,
        payload TEXT,
        received_at TEXT NOT NULL,
        processed_at TEXT,
        UNIQUE (platform, event_key)
    );
    CREATE INDEX inbox_unprocessed ON inbox (id) WHERE processed_at IS NULL;
    CREATE TABLE resident (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        user_id TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        handle TEXT,
        pseudonym TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        unreachable_at TEXT,
        UNIQUE (platform, user_id)
    );
    CREATE INDEX resident_chat ON resident (platform, chat_id);
    CREATE TABLE session (
        id INTEGER PRIMARY KEY,
        forum_id TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        scheduled INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('open', 'closed', 'missed')),
        opened_at TEXT,
        closed_at TEXT
    );
    CREATE UNIQUE INDEX session_scheduled ON session (forum_id, starts_at) WHERE scheduled = 1;
    CREATE INDEX session_open ON session (forum_id) WHERE state = 'open';
    CREATE TABLE question (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        forum_id TEXT NOT NULL,
        resident_id INTEGER REFERENCES resident (id) ON DELETE SET NULL,
        state TEXT NOT NULL CHECK (state IN (
            'new', 'approved', 'deferred', 'answered', 'rejected', 'withdrawn', 'merged')),
        text TEXT NOT NULL,
        publishable TEXT NOT NULL,
        urgent INTEGER NOT NULL DEFAULT 0,
        answer TEXT,
        answered_at TEXT,
        answered_session_id INTEGER REFERENCES session (id),
        merged_into INTEGER REFERENCES question (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX question_forum_state ON question (forum_id, state);
    CREATE INDEX question_resident ON question (resident_id);
    CREATE INDEX question_merged ON question (merged_into) WHERE merged_into IS NOT NULL;
    CREATE TABLE reminder (
        forum_id TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        offset_s INTEGER NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'skipped')),
        at TEXT NOT NULL,
        PRIMARY KEY (forum_id, starts_at, offset_s)
    );
    CREATE TABLE publication (
        id INTEGER PRIMARY KEY,
        question_id INTEGER NOT NULL REFERENCES question (id),
        forum_id TEXT NOT NULL,
        follow_up INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        published_at TEXT,
        session_id INTEGER REFERENCES session (id)
    );
    CREATE INDEX publication_waiting ON publication (forum_id) WHERE published_at IS NULL;
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        chat_kind TEXT NOT NULL,
        body TEXT NOT NULL,
        buttons TEXT,
        reply_to_message_id TEXT,
        priority INTEGER NOT NULL,
        purpose TEXT NOT NULL,
        question_id INTEGER REFERENCES question (id),
        resident_id INTEGER REFERENCES resident (id) ON DELETE SET NULL,
        state TEXT NOT NULL CHECK (state IN (
            'pending', 'sending', 'sent', 'failed', 'unknown', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        platform_message_id TEXT,
        error TEXT
    );
    CREATE INDEX outbox_pending ON outbox (id) WHERE state = 'pending';
    CREATE INDEX outbox_sending ON outbox (id) WHERE state = 'sending';
    CREATE TABLE card_message (
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        question_id INTEGER NOT NULL REFERENCES question (id),
        PRIMARY KEY (platform, chat_id, message_id, question_id)
    );
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        forum_id TEXT,
        question_id INTEGER,
        actor_platform TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT,
        outcome TEXT NOT NULL
    );
    """,
    # 2: safeguarding and privacy (issue 4). Blocked residents, notices told once,
    # last activity for retention; questions held (stored, not carded) and purged.
    """
    ALTER TABLE resident ADD COLUMN last_seen_at TEXT;
    UPDATE resident SET last_seen_at = first_seen_at;
    ALTER TABLE resident ADD COLUMN blocked_at TEXT;
    ALTER TABLE resident ADD COLUMN blocked_told_at TEXT;
    ALTER TABLE resident ADD COLUMN limit_told_at TEXT;
    ALTER TABLE question ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE question ADD COLUMN purged_at TEXT;
    CREATE INDEX question_closed ON question (updated_at)
        WHERE purged_at IS NULL AND state IN ('answered', 'rejected', 'withdrawn', 'merged');
    CREATE INDEX resident_last_seen ON resident (last_seen_at);
    -- Outbox ids must never be reused once rows are deleted (forget, purge): the
    -- dispatcher loads rows above the last id it saw. Rebuilt with AUTOINCREMENT.
    CREATE TABLE outbox_v2 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        chat_kind TEXT NOT NULL,
        body TEXT NOT NULL,
        buttons TEXT,
        reply_to_message_id TEXT,
        priority INTEGER NOT NULL,
        purpose TEXT NOT NULL,
        question_id INTEGER REFERENCES question (id),
        resident_id INTEGER REFERENCES resident (id) ON DELETE SET NULL,
        state TEXT NOT NULL CHECK (state IN (
            'pending', 'sending', 'sent', 'failed', 'unknown', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        platform_message_id TEXT,
        error TEXT,
        alert_role_id TEXT
    );
    INSERT INTO outbox_v2 (id, platform, chat_id, chat_kind, body, buttons,
        reply_to_message_id, priority, purpose, question_id, resident_id, state, attempts,
        created_at, sent_at, platform_message_id, error)
    SELECT id, platform, chat_id, chat_kind, body, buttons, reply_to_message_id, priority,
        purpose, question_id, resident_id, state, attempts, created_at, sent_at,
        platform_message_id, error FROM outbox;
    DROP TABLE outbox;
    ALTER TABLE outbox_v2 RENAME TO outbox;
    CREATE INDEX outbox_pending ON outbox (id) WHERE state = 'pending';
    CREATE INDEX outbox_sending ON outbox (id) WHERE state = 'sending';
    CREATE INDEX outbox_created ON outbox (created_at);
    """,
    # 3: subscriptions by forum and alert type, and broadcasts (issue 5). An
    # alert fans out into outbox rows (broadcast_id) in one transaction, so a
    # restart carries on where it stopped and no one gets it twice.
    """
    CREATE TABLE subscription (
        resident_id INTEGER NOT NULL REFERENCES resident (id) ON DELETE CASCADE,
        forum_id TEXT NOT NULL,
        alert_type TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (resident_id, forum_id, alert_type)
    ) WITHOUT ROWID;
    CREATE INDEX subscription_forum ON subscription (forum_id, alert_type);
    CREATE TABLE broadcast (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        forum_id TEXT NOT NULL,
        alert_type TEXT NOT NULL,
        body TEXT NOT NULL,
        urgent INTEGER NOT NULL DEFAULT 0,
        to_public INTEGER NOT NULL,
        requested_by TEXT,
        report_platform TEXT,
        report_chat_id TEXT,
        report_chat_kind TEXT,
        created_at TEXT NOT NULL,
        send_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('scheduled', 'sending', 'done')),
        total INTEGER NOT NULL DEFAULT 0,
        unreachable_before INTEGER NOT NULL DEFAULT 0,
        reported_at TEXT,
        reported_done INTEGER NOT NULL DEFAULT 0,
        finished_at TEXT
    );
    CREATE INDEX broadcast_active ON broadcast (send_at) WHERE state != 'done';
    ALTER TABLE outbox ADD COLUMN broadcast_id INTEGER REFERENCES broadcast (id);
    CREATE INDEX outbox_broadcast ON outbox (broadcast_id, state) WHERE broadcast_id IS NOT NULL;
    """,
    # 4: consultations (issue 5). One answer per resident per survey, changeable
    # until it closes; a forgotten resident's answers go with them.
    """
    ALTER TABLE broadcast ADD COLUMN buttons TEXT;
    CREATE TABLE survey (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        forum_id TEXT NOT NULL,
        question TEXT NOT NULL,
        options TEXT NOT NULL,
        created_by TEXT,
        created_at TEXT NOT NULL,
        broadcast_id INTEGER REFERENCES broadcast (id),
        closed_at TEXT
    );
    CREATE TABLE survey_answer (
        survey_id INTEGER NOT NULL REFERENCES survey (id),
        resident_id INTEGER NOT NULL REFERENCES resident (id) ON DELETE CASCADE,
        choice INTEGER,
        text TEXT,
        answered_at TEXT NOT NULL,
        PRIMARY KEY (survey_id, resident_id)
    ) WITHOUT ROWID;
    """,
    # 5: the web side's tables (issue 6), which are the web adapter's own
    # since issue 13: its migrations (adapters/web/schema.py) make them, and
    # accept a database where this migration made them before.
    """
    """,
    # 6: set-aside inbox events (issue 12). An event that could not be stored
    # or processed is kept with when and why, under its own key, so that its
    # platform's redelivery stays a duplicate. Rows set aside before this kept
    # their key with ':set-aside' appended: they get it back unless the event
    # was stored again meanwhile.
    """
    ALTER TABLE inbox ADD COLUMN set_aside_at TEXT;
    ALTER TABLE inbox ADD COLUMN error TEXT;
    UPDATE inbox SET set_aside_at = processed_at WHERE event_key LIKE '%:set-aside';
    UPDATE inbox SET event_key = substr(event_key, 1, length(event_key) - length(':set-aside'))
     WHERE event_key LIKE '%:set-aside'
       AND NOT EXISTS (
           SELECT 1 FROM inbox AS other
            WHERE other.platform = inbox.platform
              AND other.event_key
                  = substr(inbox.event_key, 1, length(inbox.event_key) - length(':set-aside'))
       );
    CREATE INDEX inbox_set_aside ON inbox (platform, set_aside_at) WHERE set_aside_at IS NOT NULL;
    """,
    # 7: delivery that fails (issue 12). When a message's retries began, so it
    # is given up after the configured time of failures, not of waiting for a
    # platform that was off.
    """
    ALTER TABLE outbox ADD COLUMN retry_since TEXT;
    """,
    # 8: no request, however slow, stops the bot (issue 12). Every query the
    # archive, the feeds, /metrics and the retention purge run has an index.
    # A question records when and in which session it was published (the
    # archive no longer searches publication for it); counts for /metrics are
    # kept by triggers; search is full-text (FTS5) over the published text only.
    """
    ALTER TABLE question ADD COLUMN published_at TEXT;
    ALTER TABLE question ADD COLUMN published_session_id INTEGER REFERENCES session (id);
    UPDATE question SET published_at = p.published_at, published_session_id = p.session_id
    FROM (SELECT question_id, published_at, session_id FROM publication
          WHERE id IN (SELECT MAX(id) FROM publication WHERE published_at IS NOT NULL
                       GROUP BY question_id)) AS p
    WHERE p.question_id = question.id AND question.state = 'answered'
      AND question.answer IS NOT NULL;
    -- The archive: a forum's latest answers (Atom), a session's answers and counts.
    CREATE INDEX question_published ON question (forum_id, published_at, id)
        WHERE published_at IS NOT NULL;
    CREATE INDEX question_published_in ON question (published_session_id, id)
        WHERE published_at IS NOT NULL;
    -- Closing a session counts and lists what was answered in it.
    CREATE INDEX question_answered_in ON question (answered_session_id, id)
        WHERE answered_session_id IS NOT NULL;
    -- A forum's sessions that took place, newest first.
    CREATE INDEX session_held ON session (forum_id, starts_at, id) WHERE opened_at IS NOT NULL;
    -- Forget and purge: a resident's copies (and the foreign keys to resident,
    -- which SQLite checks row by row when a resident is deleted).
    CREATE INDEX outbox_resident ON outbox (resident_id) WHERE resident_id IS NOT NULL;
    CREATE INDEX outbox_private_chat ON outbox (platform, chat_id) WHERE chat_kind = 'private';
    CREATE INDEX outbox_forgotten ON outbox (id) WHERE purpose = 'forgotten';
    CREATE INDEX survey_answer_resident ON survey_answer (resident_id);
    CREATE INDEX inbox_processed ON inbox (processed_at) WHERE processed_at IS NOT NULL;
    -- The alert service's half-minute tick: broadcasts due and in progress.
    CREATE INDEX broadcast_state ON broadcast (state, send_at);
    -- /metrics: counts by forum and state, by platform and state, kept by
    -- triggers (a table rebuilt by a later migration must recreate them).
    CREATE TABLE question_tally (
        forum_id TEXT NOT NULL,
        state TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (forum_id, state)
    ) WITHOUT ROWID;
    INSERT INTO question_tally (forum_id, state, n)
        SELECT forum_id, state, COUNT(*) FROM question GROUP BY forum_id, state;
    CREATE TRIGGER question_tally_insert AFTER INSERT ON question BEGIN
        INSERT INTO question_tally (forum_id, state, n) VALUES (new.forum_id, new.state, 1)
            ON CONFLICT (forum_id, state) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER question_tally_update AFTER UPDATE OF forum_id, state ON question
    WHEN old.forum_id IS NOT new.forum_id OR old.state IS NOT new.state BEGIN
        UPDATE question_tally SET n = n - 1 WHERE forum_id = old.forum_id AND state = old.state;
        INSERT INTO question_tally (forum_id, state, n) VALUES (new.forum_id, new.state, 1)
            ON CONFLICT (forum_id, state) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER question_tally_delete AFTER DELETE ON question BEGIN
        UPDATE question_tally SET n = n - 1 WHERE forum_id = old.forum_id AND state = old.state;
    END;
    CREATE TABLE outbox_tally (
        platform TEXT NOT NULL,
        state TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (platform, state)
    ) WITHOUT ROWID;
    INSERT INTO outbox_tally (platform, state, n)
        SELECT platform, state, COUNT(*) FROM outbox GROUP BY platform, state;
    CREATE TRIGGER outbox_tally_insert AFTER INSERT ON outbox BEGIN
        INSERT INTO outbox_tally (platform, state, n) VALUES (new.platform, new.state, 1)
            ON CONFLICT (platform, state) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER outbox_tally_update AFTER UPDATE OF platform, state ON outbox
    WHEN old.platform IS NOT new.platform OR old.state IS NOT new.state BEGIN
        UPDATE outbox_tally SET n = n - 1 WHERE platform = old.platform AND state = old.state;
        INSERT INTO outbox_tally (platform, state, n) VALUES (new.platform, new.state, 1)
            ON CONFLICT (platform, state) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER outbox_tally_delete AFTER DELETE ON outbox BEGIN
        UPDATE outbox_tally SET n = n - 1 WHERE platform = old.platform AND state = old.state;
    END;
    -- Search: the published text and answer only (never the text as
    -- received), indexed from this view, so even a 'rebuild' indexes nothing
    -- else. The triggers keep the index equal to what is published.
    CREATE VIEW archive_published AS
        SELECT id, publishable, answer FROM question WHERE published_at IS NOT NULL;
    CREATE VIRTUAL TABLE archive_search USING fts5 (
        publishable, answer,
        content = 'archive_published', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
    );
    INSERT INTO archive_search (archive_search) VALUES ('rebuild');
    CREATE TRIGGER archive_search_insert AFTER INSERT ON question
    WHEN new.published_at IS NOT NULL BEGIN
        INSERT INTO archive_search (rowid, publishable, answer)
            VALUES (new.id, new.publishable, new.answer);
    END;
    CREATE TRIGGER archive_search_update
    AFTER UPDATE OF published_at, publishable, answer ON question
    WHEN old.published_at IS NOT new.published_at OR old.publishable IS NOT new.publishable
        OR old.answer IS NOT new.answer BEGIN
        INSERT INTO archive_search (archive_search, rowid, publishable, answer)
            SELECT 'delete', old.id, old.publishable, old.answer
            WHERE old.published_at IS NOT NULL;
        INSERT INTO archive_search (rowid, publishable, answer)
            SELECT new.id, new.publishable, new.answer WHERE new.published_at IS NOT NULL;
    END;
    CREATE TRIGGER archive_search_delete AFTER DELETE ON question
    WHEN old.published_at IS NOT NULL BEGIN
        INSERT INTO archive_search (archive_search, rowid, publishable, answer)
            VALUES ('delete', old.id, old.publishable, old.answer);
    END;
    """,
    # 9: officers in topics and threads (issue 14). A reply to an officer who
    # wrote in a Telegram forum topic or a Discord thread of the staff room
    # goes back into it: the topic's or thread's id, NULL for the room itself.
    """
    ALTER TABLE outbox ADD COLUMN thread_id TEXT;
    """,
    # 10: issue 14, every message shape and edits: what a question's message
    # carried besides words (attachment kinds, comma-separated, for the card),
    # whether it was forwarded, the platform's id of the message it came from
    # (so an edit of that message finds it), and a staff-room copy of a
    # resident's photo (the chat and message to copy: ids, never the file).
    """
    ALTER TABLE question ADD COLUMN attachments TEXT NOT NULL DEFAULT '';
    ALTER TABLE question ADD COLUMN forwarded INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE question ADD COLUMN source_message_id TEXT;
    CREATE INDEX question_source ON question (resident_id, source_message_id)
        WHERE source_message_id IS NOT NULL;
    ALTER TABLE outbox ADD COLUMN copy_from_chat TEXT;
    ALTER TABLE outbox ADD COLUMN copy_from_message TEXT;
    """,
    # 11: rooms that changed (issue 14): a Telegram group that became a supergroup
    # (its new id, followed by every send and command) and a room the bot may
    # not post in (removed, or its permission taken away: its messages wait).
    """
    CREATE TABLE room_state (
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        moved_to TEXT,
        moved_at TEXT,
        unreachable_since TEXT,
        problem TEXT,
        PRIMARY KEY (platform, chat_id)
    );
    """,
    # 12: issue 14 (web chat): which sent messages carry a consultation is read
    # for every message the chat page shows (survey.open_text_consultations).
    """
    CREATE INDEX survey_broadcast ON survey (broadcast_id) WHERE broadcast_id IS NOT NULL;
    """,
    # 13: issue 14 (albums): the Telegram album (media_group_id) a question's message
    # opened, so the album's other photos are folded into that question.
    """
    ALTER TABLE question ADD COLUMN album TEXT;
    CREATE INDEX question_album ON question (resident_id, album) WHERE album IS NOT NULL;
    """,
    # 14: issue 15, refusals answered sparingly: was this sender refused lately?
    """
    CREATE INDEX audit_refused ON audit (actor_platform, actor_id, at)
        WHERE outcome = 'refused';
    """,
    # 15: issue 15, erase means erased: a row that edits a message already
    # posted (a staff card whose question was erased) names that message's
    # platform id; NULL for every row that sends a new message.
    """
    ALTER TABLE outbox ADD COLUMN edit_of TEXT;
    """,
    # 16: issue 15, URGENT is impossible to miss: when an officer pressed "Seen"
    # on an URGENT card (and who: the officer's label), when it was raised again for
    # want of one (escalation.after), and how many more urgent messages from the
    # same resident were folded into it (a flood makes one card, not thirty).
    # The escalation's webhook post (the forum's control room): its state
    # (pending, sent, failed; NULL when the forum has none), tries and the next.
    """
    ALTER TABLE question ADD COLUMN seen_at TEXT;
    ALTER TABLE question ADD COLUMN seen_by TEXT;
    ALTER TABLE question ADD COLUMN escalated_at TEXT;
    ALTER TABLE question ADD COLUMN urgent_more INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE question ADD COLUMN hook_state TEXT;
    ALTER TABLE question ADD COLUMN hook_tries INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE question ADD COLUMN hook_next_at TEXT;
    CREATE INDEX question_unseen_urgent ON question (created_at)
        WHERE urgent = 1 AND seen_at IS NULL AND escalated_at IS NULL;
    CREATE INDEX question_hook_pending ON question (hook_next_at)
        WHERE hook_state = 'pending';
    """,
    # 17: issue 15, posted cards edited as their question changes: a
    # question's posted cards, and the rows of one posted message.
    """
    CREATE INDEX outbox_question ON outbox (question_id) WHERE question_id IS NOT NULL;
    CREATE INDEX outbox_posted ON outbox (platform, chat_id, platform_message_id);
    """,
    # 18: issue 16, Messenger's 24-hour window: since when a pending message
    # waits for its resident to write again (the platform refused it for the
    # window; never given up), so the console's card can say its answer waits.
    # NULL for every other row, and again once it is being sent.
    """
    ALTER TABLE outbox ADD COLUMN waits_since TEXT;
    """,
    # 19: issue 17, e-mail's confirmation of a new subscriber's address:
    # deleted as soon as it is sent (or has failed), like a forget's last
    # word, so an address never confirmed leaves no copy behind.
    """
    CREATE INDEX outbox_confirmation ON outbox (id) WHERE purpose = 'confirmation';
    """,
    # 20: issue 17, the newsletter: one row per newsletter a forum sent (or
    # found nothing new for), so the schedule never sends one twice for the
    # same time after a restart (``due_at``: the scheduled instant; NULL when
    # an officer sent it) and the next knows what is new since (the last
    # session whose answers it carried, and when). ``alert_id``: the alert
    # that fanned it out to subscribers. No personal data.
    """
    CREATE TABLE newsletter (
        id INTEGER PRIMARY KEY,
        forum_id TEXT NOT NULL,
        due_at TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'nothing_new')),
        session_id INTEGER,
        alert_id INTEGER REFERENCES broadcast (id),
        requested_by TEXT,
        created_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX newsletter_due ON newsletter (forum_id, due_at)
        WHERE due_at IS NOT NULL;
    CREATE INDEX newsletter_forum ON newsletter (forum_id, outcome, id);
    """,
)
