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

-- Ratings: an item can be "declined to answer" (a dash in `scores`), and a
-- rating with a declined item has no total (NULL, never 0), so reports
-- compare complete ratings only. A rating can be corrected or deleted with a
-- reason: the rating row holds the values in use (a deleted one keeps its
-- row, marked deleted_at, and is left out everywhere), and rating_change
-- keeps every earlier version with who changed it, when and why. Existing
-- ratings are copied unchanged.
CREATE TABLE rating_new (
    id          INTEGER PRIMARY KEY,
    peer_id     INTEGER NOT NULL REFERENCES peer(id) ON DELETE CASCADE,
    measure_key TEXT NOT NULL REFERENCES measure(key),
    rated_on    TEXT NOT NULL,
    worker_id   INTEGER,                             -- staff id
    scores      TEXT NOT NULL,                       -- comma-separated; '-' = declined
    total       INTEGER,                             -- NULL when an item was declined
    created_at  TEXT NOT NULL,
    deleted_at  TEXT                                 -- set when deleted (kept for the record)
);
INSERT INTO rating_new (id, peer_id, measure_key, rated_on, worker_id, scores, total,
                        created_at)
    SELECT id, peer_id, measure_key, rated_on, worker_id, scores, total, created_at
    FROM rating;
DROP TABLE rating;
ALTER TABLE rating_new RENAME TO rating;
-- The report reads ratings from these indexes alone (never the rows, which an
-- encrypted page read would decrypt whole), so they carry deleted_at too.
CREATE INDEX rating_by_measure ON rating (measure_key, peer_id, rated_on, total, deleted_at);
CREATE INDEX rating_first_and_latest ON rating (peer_id, measure_key, rated_on, id, total,
                                                scores, deleted_at);

CREATE TABLE rating_change (
    id          INTEGER PRIMARY KEY,
    rating_id   INTEGER NOT NULL REFERENCES rating(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('corrected', 'deleted')),
    changed_at  TEXT NOT NULL,
    changed_by  INTEGER NOT NULL,                    -- staff id
    reason      TEXT NOT NULL,
    old_rated_on TEXT NOT NULL,                      -- the values before this change
    old_scores  TEXT NOT NULL,
    old_total   INTEGER
);
CREATE INDEX rating_change_by_rating ON rating_change (rating_id, id);
