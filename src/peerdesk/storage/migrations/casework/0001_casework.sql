-- Casework schema version 1: everything about peers, in its own encrypted
-- file whose key only casework roles hold (docs/security.md §2). These are
-- the shapes the single-file vault had at its version 7, except that staff
-- ids are plain integers: the staff table is in the main database, and
-- SQLite can't enforce a foreign key across files (services check them).
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
    caseworker_id      INTEGER,                      -- staff id
    supporter_id       INTEGER,                      -- staff id
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
    recorded_by  INTEGER,                            -- staff id
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
    id                  INTEGER PRIMARY KEY,
    peer_id             INTEGER NOT NULL REFERENCES peer(id) ON DELETE CASCADE,
    worker_id           INTEGER,                     -- staff id
    held_on             TEXT NOT NULL,
    minutes             INTEGER NOT NULL CHECK (minutes > 0),
    mode                TEXT NOT NULL,
    kind                TEXT NOT NULL,
    follow_up_on        TEXT,
    follow_up_done_on   TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    -- the session that closed the follow-up, so deleting or re-dating it
    -- reopens it (a follow-up marked done by hand has none)
    follow_up_closed_by INTEGER
);

CREATE INDEX one_to_one_by_peer ON one_to_one (peer_id, held_on, id);
-- Covers the report's aggregates without touching notes.
CREATE INDEX one_to_one_by_date ON one_to_one (held_on, mode, kind, minutes, peer_id, worker_id);
CREATE INDEX one_to_one_open_follow_ups ON one_to_one (follow_up_on, peer_id)
    WHERE follow_up_on IS NOT NULL AND follow_up_done_on IS NULL;
-- The report's "follow-ups due in the period": every follow-up planned in
-- the period, done or not, by its date.
CREATE INDEX one_to_one_follow_ups_due ON one_to_one (follow_up_on, follow_up_done_on, peer_id)
    WHERE follow_up_on IS NOT NULL;

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
    recorded_by      INTEGER,                        -- staff id
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
    worker_id   INTEGER,                             -- staff id
    scores      TEXT NOT NULL,                       -- comma-separated item scores
    total       INTEGER NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE INDEX rating_by_measure ON rating (measure_key, peer_id, rated_on, total);
-- The report's first and latest rating per peer and measure, and a peer's
-- page's ratings in the order it lists them.
CREATE INDEX rating_first_and_latest ON rating (peer_id, measure_key, rated_on, id, total, scores);

CREATE TABLE peer_group (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'peer_support'
        CHECK (kind IN ('peer_support', 'activity', 'workshop', 'other')),
    mode        TEXT NOT NULL DEFAULT 'in_person' CHECK (mode IN ('in_person', 'online')),
    archived_on TEXT,                                -- archived groups keep every meeting
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE group_facilitator (
    group_id INTEGER NOT NULL REFERENCES peer_group(id) ON DELETE CASCADE,
    staff_id INTEGER NOT NULL,
    PRIMARY KEY (group_id, staff_id)
) WITHOUT ROWID;

CREATE INDEX group_facilitator_by_staff ON group_facilitator (staff_id, group_id);

-- Leaving a group ends the membership; past attendance stays.
CREATE TABLE group_member (
    group_id  INTEGER NOT NULL REFERENCES peer_group(id) ON DELETE CASCADE,
    peer_id   INTEGER NOT NULL REFERENCES peer(id) ON DELETE CASCADE,
    joined_on TEXT NOT NULL,
    left_on   TEXT,
    PRIMARY KEY (group_id, peer_id)
) WITHOUT ROWID;

CREATE INDEX group_member_by_peer ON group_member (peer_id, group_id);

CREATE TABLE meeting (
    id              INTEGER PRIMARY KEY,
    group_id        INTEGER NOT NULL REFERENCES peer_group(id) ON DELETE CASCADE,
    held_on         TEXT NOT NULL,                   -- YYYY-MM-DD
    starts_at       TEXT NOT NULL DEFAULT '',        -- HH:MM
    place           TEXT NOT NULL DEFAULT '',        -- or 'online'
    notes           TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'scheduled'
        CHECK (status IN ('scheduled', 'held', 'cancelled')),
    anonymous_count INTEGER NOT NULL DEFAULT 0 CHECK (anonymous_count >= 0),
    series_id       INTEGER,                         -- meetings generated together
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE INDEX meeting_by_group ON meeting (group_id, held_on, id);
-- Covers the report's counts of meetings held and head-counts.
CREATE INDEX meeting_by_date ON meeting (held_on, status, group_id, anonymous_count);

CREATE TABLE meeting_facilitator (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    staff_id   INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, staff_id)
) WITHOUT ROWID;

-- One mark per peer per meeting: the primary key makes a second mark impossible.
CREATE TABLE attendance (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    peer_id    INTEGER NOT NULL REFERENCES peer(id) ON DELETE CASCADE,
    mark       TEXT NOT NULL CHECK (mark IN ('attended', 'apologies', 'absent')),
    walk_in    INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0, 1)),
    PRIMARY KEY (meeting_id, peer_id)
) WITHOUT ROWID;

CREATE INDEX attendance_by_peer ON attendance (peer_id, meeting_id, mark);

-- A form someone was typing when PeerDesk locked, kept for the same person
-- only and offered back after they sign in; deleted once taken back.
CREATE TABLE draft (
    id        INTEGER PRIMARY KEY,
    staff_id  INTEGER NOT NULL,                      -- staff id
    kind      TEXT NOT NULL,
    saved_at  TEXT NOT NULL,
    payload   TEXT NOT NULL
);

CREATE INDEX draft_by_staff ON draft (staff_id, id);
