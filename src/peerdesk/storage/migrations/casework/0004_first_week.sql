-- Casework schema version 4: safe defaults for a centre's first week (issue 14).
--
-- Safe contact: each channel (calls, texts, email, voicemail) gets a third
-- state, "not asked yet" (NULL), which is now what a new peer starts with;
-- 1 is OK and 0 is not OK, as before. Every row already recorded keeps its
-- answers exactly (1 stays OK, 0 stays not OK): only the table's defaults
-- and NOT NULL change, which SQLite can do only by rebuilding the table.

CREATE TABLE safe_contact_new (
    peer_id        INTEGER PRIMARY KEY REFERENCES peer(id) ON DELETE CASCADE,
    do_not_contact INTEGER NOT NULL DEFAULT 0,
    calls_ok       INTEGER CHECK (calls_ok IN (0, 1)),
    texts_ok       INTEGER CHECK (texts_ok IN (0, 1)),
    email_ok       INTEGER CHECK (email_ok IN (0, 1)),
    voicemail_ok   INTEGER CHECK (voicemail_ok IN (0, 1)),
    safe_times     TEXT NOT NULL DEFAULT '',
    code_word      TEXT NOT NULL DEFAULT '',
    other          TEXT NOT NULL DEFAULT ''
);
INSERT INTO safe_contact_new (peer_id, do_not_contact, calls_ok, texts_ok, email_ok,
                              voicemail_ok, safe_times, code_word, other)
    SELECT peer_id, do_not_contact, calls_ok != 0, texts_ok != 0, email_ok != 0,
           voicemail_ok != 0, safe_times, code_word, other FROM safe_contact;
DROP TABLE safe_contact;
ALTER TABLE safe_contact_new RENAME TO safe_contact;
