-- Schema version 2: peers, safe-contact preferences, consent, one-to-one
-- sessions (notes kept apart from the rows reports read), topics, referrals
-- and outcome ratings, with full-text search over names and notes.
-- Every list and report query has a covering index (DESIGN.md §8).

CREATE TABLE peer (
    id                 INTEGER PRIMARY KEY,
    ref_number         INTEGER NOT NULL UNIQUE,      -- shown as P-0042; never reused
    preferred_name     TEXT NOT NULL,
    full_name          TEXT NOT NULL DEFAULT '',
    sort_name          TEXT NOT NULL,                -- casefolded preferred name, for ordering
    birth_year         INTEGER,
    age_band           TEXT NOT NULL DEFAULT '',
    gender             TEXT NOT NULL DEFAULT '',
    gender_description TEXT NOT NULL DEFAULT '',
    languages          TEXT NOT NULL DEFAULT '',
    nationality        TEXT NOT NULL DEFAULT '',
    contact_route      TEXT NOT NULL,
    first_contact      TEXT NOT NULL,                -- YYYY-MM-DD
    status             TEXT NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'paused', 'closed')),
    closed_on          TEXT,
    closed_reason      TEXT NOT NULL DEFAULT '',
    caseworker_id      INTEGER REFERENCES staff(id),
    supporter_id       INTEGER REFERENCES staff(id),
    last_contact       TEXT,                         -- latest session; kept up to date
    next_follow_up     TEXT,                         -- earliest open follow-up; kept up to date
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);

CREATE INDEX peer_by_name ON peer (sort_name, id);
CREATE INDEX peer_by_status ON peer (status, sort_name, id);
CREATE INDEX peer_by_caseworker ON peer (caseworker_id, sort_name, id);
CREATE INDEX peer_by_supporter ON peer (supporter_id, sort_name, id);
CREATE INDEX peer_by_first_contact ON peer (first_contact, id);
CREATE INDEX peer_by_ref ON peer (ref_number, id);
CREATE INDEX peer_by_last_contact ON peer (last_contact, sort_name, id);
CREATE INDEX peer_by_next_follow_up ON peer (next_follow_up, sort_name, id);

-- rowid = peer.id. Contentless: the names live only in `peer`. Deleted
-- rows leave their terms in the index blocks until an 'optimize', which
-- repositories/search.forget_deleted runs after every delete or rename.
CREATE VIRTUAL TABLE peer_search USING fts5(
    names, content = '', contentless_delete = 1, prefix = '1 2 3',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE safe_contact (
    peer_id        INTEGER PRIMARY KEY REFERENCES peer(id) ON DELETE CASCADE,
    do_not_contact INTEGER NOT NULL DEFAULT 0,
    calls_ok       INTEGER NOT NULL DEFAULT 1,
    texts_ok       INTEGER NOT NULL DEFAULT 1,
    email_ok       INTEGER NOT NULL DEFAULT 1,
    voicemail_ok   INTEGER NOT NULL DEFAULT 0,
    safe_times     TEXT NOT NULL DEFAULT '',
    code_word      TEXT NOT NULL DEFAULT '',
    other          TEXT NOT NULL DEFAULT ''
);

CREATE TABLE consent (
    id           INTEGER PRIMARY KEY,
    peer_id      INTEGER NOT NULL REFERENCES peer(id) ON DELETE CASCADE,
    scope        TEXT NOT NULL CHECK (scope IN ('store_data', 'groups', 'contact', 'statistics')),
    given_on     TEXT NOT NULL,
    recorded_by  INTEGER REFERENCES staff(id),
    review_on    TEXT,
    withdrawn_on TEXT,
    created_at   TEXT NOT NULL
);

CREATE INDEX consent_by_peer ON consent (peer_id, scope, given_on);
CREATE INDEX consent_reviews ON consent (review_on, peer_id)
    WHERE withdrawn_on IS NULL AND review_on IS NOT NULL;
CREATE INDEX consent_withdrawn ON consent (scope, withdrawn_on, peer_id)
    WHERE withdrawn_on IS NOT NULL;

CREATE TABLE topic (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE COLLATE NOCASE,
    active INTEGER NOT NULL DEFAULT 1
);

INSERT INTO topic (name) VALUES
    ('Housing'), ('Health'), ('Mental health'), ('Legal'), ('Immigration'), ('Money'),
    ('Isolation'), ('Family'), ('Safety'), ('Work and training'), ('Substance use');

CREATE TABLE one_to_one (
    id                INTEGER PRIMARY KEY,
    peer_id           INTEGER NOT NULL REFERENCES peer(id) ON DELETE CASCADE,
    worker_id         INTEGER REFERENCES staff(id),
    held_on           TEXT NOT NULL,
    minutes           INTEGER NOT NULL CHECK (minutes > 0),
    mode              TEXT NOT NULL,
    kind              TEXT NOT NULL,
    follow_up_on      TEXT,
    follow_up_done_on TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);

CREATE INDEX one_to_one_by_peer ON one_to_one (peer_id, held_on, id);
-- Covers the report's aggregates without touching notes.
CREATE INDEX one_to_one_by_date ON one_to_one (held_on, mode, kind, minutes, peer_id, worker_id);
CREATE INDEX one_to_one_open_follow_ups ON one_to_one (follow_up_on, peer_id)
    WHERE follow_up_on IS NOT NULL AND follow_up_done_on IS NULL;

-- Notes apart from the rows reports scan, so their pages are never decrypted
-- for a count.
CREATE TABLE one_to_one_note (
    session_id INTEGER PRIMARY KEY REFERENCES one_to_one(id) ON DELETE CASCADE,
    notes      TEXT NOT NULL DEFAULT '',
    next_steps TEXT NOT NULL DEFAULT ''
);

CREATE TABLE one_to_one_topic (
    session_id INTEGER NOT NULL REFERENCES one_to_one(id) ON DELETE CASCADE,
    topic_id   INTEGER NOT NULL REFERENCES topic(id),
    PRIMARY KEY (session_id, topic_id)
) WITHOUT ROWID;

CREATE INDEX one_to_one_topic_by_topic ON one_to_one_topic (topic_id, session_id);

-- rowid = one_to_one.id
CREATE VIRTUAL TABLE note_search USING fts5(
    body, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE referral (
    id               INTEGER PRIMARY KEY,
    peer_id          INTEGER NOT NULL REFERENCES peer(id) ON DELETE CASCADE,
    made_on          TEXT NOT NULL,
    destination      TEXT NOT NULL CHECK (destination IN ('counselling', 'agency', 'group')),
    destination_name TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'made' CHECK (status IN ('made', 'accepted', 'declined')),
    recorded_by      INTEGER REFERENCES staff(id),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE INDEX referral_by_peer ON referral (peer_id, made_on);
CREATE INDEX referral_by_date ON referral (made_on, destination, status, peer_id);

CREATE TABLE measure (
    key              TEXT PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('ons4', 'ucla3', 'ladder')),
    title            TEXT NOT NULL,
    active           INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;

INSERT INTO measure (key, kind, title) VALUES
    ('ons4', 'ons4', 'Personal wellbeing (ONS4)'),
    ('ucla3', 'ucla3', 'Loneliness (UCLA 3-item)'),
    ('confidence', 'ladder', 'Confidence');

CREATE TABLE rating (
    id          INTEGER PRIMARY KEY,
    peer_id     INTEGER NOT NULL REFERENCES peer(id) ON DELETE CASCADE,
    measure_key TEXT NOT NULL REFERENCES measure(key),
    rated_on    TEXT NOT NULL,
    worker_id   INTEGER REFERENCES staff(id),
    scores      TEXT NOT NULL,                       -- comma-separated item scores
    total       INTEGER NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE INDEX rating_by_peer ON rating (peer_id, measure_key, rated_on, total);
CREATE INDEX rating_by_measure ON rating (measure_key, peer_id, rated_on, total);
