-- Casework schema version 5: mentoring and the peers' voice (issue 16 items 7 and 8).
--
-- All of it is casework: a mentoring pair and a quote name a peer, and what
-- peers said at a consultation or on a feedback form can identify them.
--
-- Consent gains a scope, "quotable" (may be quoted, without my name, in
-- reports). SQLite can change a CHECK only by rebuilding the table; every
-- row keeps its id and values.

CREATE TABLE consent_new (
    id           INTEGER PRIMARY KEY,
    peer_id      INTEGER NOT NULL REFERENCES peer(id) ON DELETE CASCADE,
    scope        TEXT NOT NULL CHECK (scope IN ('store_data', 'groups', 'contact', 'statistics',
                                                'quotable')),
    given_on     TEXT NOT NULL,
    recorded_by  INTEGER,                            -- staff id
    review_on    TEXT,
    withdrawn_on TEXT,
    created_at   TEXT NOT NULL
);
INSERT INTO consent_new (id, peer_id, scope, given_on, recorded_by, review_on, withdrawn_on,
                         created_at)
    SELECT id, peer_id, scope, given_on, recorded_by, review_on, withdrawn_on, created_at
    FROM consent;
DROP TABLE consent;
ALTER TABLE consent_new RENAME TO consent;
CREATE INDEX consent_by_peer ON consent (peer_id, scope, given_on);
CREATE INDEX consent_reviews ON consent (review_on, peer_id)
    WHERE withdrawn_on IS NULL AND review_on IS NOT NULL;
CREATE INDEX consent_withdrawn ON consent (scope, withdrawn_on, peer_id)
    WHERE withdrawn_on IS NOT NULL;

-- A mentor (a supporter from the main database's register, or an experienced
-- peer) and a peer they mentor. Its meetings are the mentee's one-to-one
-- sessions of kind 'mentoring' between its start and end.
CREATE TABLE mentoring_pair (
    id             INTEGER PRIMARY KEY,
    mentee_id      INTEGER NOT NULL REFERENCES peer(id) ON DELETE CASCADE,
    mentor_peer_id INTEGER REFERENCES peer(id) ON DELETE CASCADE,
    mentor_supporter_id INTEGER,                     -- supporter id (main database)
    starts_on      TEXT NOT NULL,                    -- YYYY-MM-DD
    ends_on        TEXT,                             -- YYYY-MM-DD; NULL: still going
    goals          TEXT NOT NULL DEFAULT '',
    recorded_by    INTEGER,                          -- staff id
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK ((mentor_peer_id IS NULL) != (mentor_supporter_id IS NULL)),
    CHECK (mentor_peer_id IS NULL OR mentor_peer_id != mentee_id)
);
CREATE INDEX mentoring_pair_by_mentee ON mentoring_pair (mentee_id, starts_on, id);
CREATE INDEX mentoring_pair_by_mentor_peer ON mentoring_pair (mentor_peer_id, starts_on)
    WHERE mentor_peer_id IS NOT NULL;
CREATE INDEX mentoring_pair_by_dates ON mentoring_pair (starts_on, ends_on);

-- Asking peers: a head-count only, never who took part.
CREATE TABLE consultation (
    id          INTEGER PRIMARY KEY,
    held_on     TEXT NOT NULL,                       -- YYYY-MM-DD
    method      TEXT NOT NULL CHECK (method IN ('group_discussion', 'survey', 'feedback_box')),
    topic       TEXT NOT NULL,
    headcount   INTEGER NOT NULL CHECK (headcount BETWEEN 0 AND 100000),
    said        TEXT NOT NULL DEFAULT '',            -- what peers said
    action      TEXT NOT NULL DEFAULT '',            -- what the centre will do
    status      TEXT NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned', 'done', 'wont_do')),
    why_not     TEXT NOT NULL DEFAULT '',            -- why, when it won't be done
    status_on   TEXT,                                -- YYYY-MM-DD the status was last set
    recorded_by INTEGER,                             -- staff id
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX consultation_by_date ON consultation (held_on, status, headcount);

-- A feedback form: filled in anonymously (a paper form, the box) or entered
-- by staff with a peer. It names no one.
CREATE TABLE feedback (
    id          INTEGER PRIMARY KEY,
    given_on    TEXT NOT NULL,                       -- YYYY-MM-DD
    source      TEXT NOT NULL CHECK (source IN ('anonymous', 'staff')),
    helped      TEXT NOT NULL DEFAULT '',            -- what helped
    benefits    TEXT NOT NULL DEFAULT '',            -- codes, sorted, comma-separated
    comments    TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER,                             -- staff id
    created_at  TEXT NOT NULL
);
CREATE INDEX feedback_by_date ON feedback (given_on, benefits);

-- A peer's words, kept only under their "quotable" consent, printed in a
-- report only once a programme lead approved them and while that consent is
-- current.
CREATE TABLE quote (
    id          INTEGER PRIMARY KEY,
    peer_id     INTEGER NOT NULL REFERENCES peer(id) ON DELETE CASCADE,
    consent_id  INTEGER NOT NULL REFERENCES consent(id) ON DELETE CASCADE,
    said_on     TEXT NOT NULL,                       -- YYYY-MM-DD
    words       TEXT NOT NULL,
    warnings    TEXT NOT NULL DEFAULT '',            -- what the name check found when saved
    recorded_by INTEGER,                             -- staff id
    approved_by INTEGER,                             -- staff id of the programme lead
    approved_at TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX quote_by_peer ON quote (peer_id, said_on, id);
CREATE INDEX quote_approved ON quote (approved_at, consent_id) WHERE approved_at IS NOT NULL;
