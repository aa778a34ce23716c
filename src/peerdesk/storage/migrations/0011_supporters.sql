-- Main schema version 11: the peer supporters register (issue 16, slice 1).
--
-- Everyone who gives support, with or without a PeerDesk account, their
-- training against the centre's competencies, and their checks. It lives in
-- the main database because administrators manage the register with
-- programme leads, and administrators hold no casework key
-- (docs/architecture.md, "The supporters register"). Nothing here is about
-- a peer, and no column asks about a supporter's lived experience.

CREATE TABLE supporter (
    id             INTEGER PRIMARY KEY,
    preferred_name TEXT NOT NULL,
    sort_name      TEXT NOT NULL,                 -- casefolded name, for ordering
    reach          TEXT NOT NULL DEFAULT '',      -- how the centre reaches them
    roles          TEXT NOT NULL,                 -- codes, sorted, comma-separated
    start_date     TEXT NOT NULL,                 -- YYYY-MM-DD
    staff_id       INTEGER UNIQUE REFERENCES staff(id),  -- their PeerDesk account, if any
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

CREATE INDEX supporter_by_name ON supporter (sort_name, id);

-- Status history: the newest row (by since, then id) is the status now.
CREATE TABLE supporter_status (
    id           INTEGER PRIMARY KEY,
    supporter_id INTEGER NOT NULL REFERENCES supporter(id) ON DELETE CASCADE,
    status       TEXT NOT NULL CHECK (status IN ('in_training', 'active', 'on_break', 'left')),
    since        TEXT NOT NULL                    -- YYYY-MM-DD
);

CREATE INDEX supporter_status_by_supporter ON supporter_status (supporter_id, since, id);

CREATE TABLE competency (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
    position INTEGER NOT NULL,
    active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- The competencies and values of international best practice in peer support.
INSERT INTO competency (name, position) VALUES
    ('Safety', 1), ('Lived experience', 2), ('Confidentiality', 3), ('Mutual support', 4),
    ('Cultural attunement', 5), ('Collaboration', 6), ('Self-reflection', 7), ('Hope', 8);

CREATE TABLE course (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE COLLATE NOCASE,
    renewal_months INTEGER CHECK (renewal_months IS NULL OR renewal_months > 0),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE course_competency (
    course_id     INTEGER NOT NULL REFERENCES course(id) ON DELETE CASCADE,
    competency_id INTEGER NOT NULL REFERENCES competency(id),
    PRIMARY KEY (course_id, competency_id)
) WITHOUT ROWID;

CREATE INDEX course_competency_by_competency ON course_competency (competency_id, course_id);

CREATE TABLE training_completion (
    id           INTEGER PRIMARY KEY,
    supporter_id INTEGER NOT NULL REFERENCES supporter(id) ON DELETE CASCADE,
    course_id    INTEGER NOT NULL REFERENCES course(id),
    completed_on TEXT NOT NULL,                   -- YYYY-MM-DD
    valid_until  TEXT,                            -- YYYY-MM-DD; NULL: never needs renewing
    recorded_by  INTEGER REFERENCES staff(id),
    created_at   TEXT NOT NULL
);

CREATE INDEX training_completion_by_supporter
    ON training_completion (supporter_id, course_id, completed_on);

CREATE TABLE supporter_check (
    id           INTEGER PRIMARY KEY,
    supporter_id INTEGER NOT NULL REFERENCES supporter(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('vetting', 'confidentiality', 'code_of_conduct')),
    checked_on   TEXT NOT NULL,                   -- YYYY-MM-DD (signed on, for agreements)
    reference    TEXT NOT NULL DEFAULT '',        -- kept hidden on screen, never printed
    expires_on   TEXT,                            -- YYYY-MM-DD; NULL: does not expire
    recorded_by  INTEGER REFERENCES staff(id),
    created_at   TEXT NOT NULL
);

CREATE INDEX supporter_check_by_supporter ON supporter_check (supporter_id, kind, checked_on);
CREATE INDEX supporter_check_by_expiry ON supporter_check (expires_on);

-- Supervision, reflective journals and hours. Supervision notes and journal
-- entries are not readable with the main key (nor the casework key): each is
-- encrypted under its own random key, and that key is sealed to the personal
-- key of each person allowed to read it (docs/security.md, "Notes sealed to
-- people"). Dates and durations stay readable, for the interval and the hours.

CREATE TABLE supervision_session (
    id            INTEGER PRIMARY KEY,
    supporter_id  INTEGER NOT NULL REFERENCES supporter(id) ON DELETE CASCADE,
    supervisor_id INTEGER REFERENCES supporter(id),   -- NULL: a supervisor from outside
    kind          TEXT NOT NULL CHECK (kind IN ('individual', 'group')),
    held_on       TEXT NOT NULL,                      -- YYYY-MM-DD
    minutes       INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 720),
    notes_nonce   BLOB,                               -- NULL: no notes
    notes_sealed  BLOB,
    recorded_by   INTEGER REFERENCES staff(id),
    created_at    TEXT NOT NULL
);

CREATE INDEX supervision_by_supporter ON supervision_session (supporter_id, held_on, id);
CREATE INDEX supervision_by_date ON supervision_session (held_on, supporter_id, minutes);

CREATE TABLE journal_entry (
    id          INTEGER PRIMARY KEY,
    author_id   INTEGER NOT NULL REFERENCES staff(id),
    written_on  TEXT NOT NULL,                        -- YYYY-MM-DD
    nonce       BLOB NOT NULL,
    sealed      BLOB NOT NULL,
    shared_with INTEGER REFERENCES staff(id),         -- the supervisor it is shared with
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE INDEX journal_entry_by_author ON journal_entry (author_id, written_on, id);

-- Each person's public key for sealed notes, signed with their signing key
-- (which their role grant names), so nobody can slip in a key of their own.
CREATE TABLE personal_key (
    staff_id    INTEGER NOT NULL REFERENCES staff(id),
    public_key  BLOB NOT NULL,
    signing_key BLOB NOT NULL,
    signature   BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (staff_id, public_key)
) WITHOUT ROWID;

-- A note's key, sealed to one reader's personal key.
CREATE TABLE sealed_note_key (
    item_kind  TEXT NOT NULL CHECK (item_kind IN ('supervision', 'journal')),
    item_id    INTEGER NOT NULL,
    staff_id   INTEGER NOT NULL REFERENCES staff(id),
    public_key BLOB NOT NULL,
    ephemeral  BLOB NOT NULL,
    nonce      BLOB NOT NULL,
    sealed     BLOB NOT NULL,
    PRIMARY KEY (item_kind, item_id, staff_id, public_key)
) WITHOUT ROWID;

CREATE TABLE hours_entry (
    id           INTEGER PRIMARY KEY,
    supporter_id INTEGER NOT NULL REFERENCES supporter(id) ON DELETE CASCADE,
    worked_on    TEXT NOT NULL,                       -- YYYY-MM-DD
    kind         TEXT NOT NULL CHECK (kind IN ('training', 'supervision', 'outreach', 'admin')),
    minutes      INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    note         TEXT NOT NULL DEFAULT '',
    recorded_by  INTEGER REFERENCES staff(id),
    created_at   TEXT NOT NULL
);

CREATE INDEX hours_entry_by_supporter ON hours_entry (supporter_id, worked_on, id);
CREATE INDEX hours_entry_by_date ON hours_entry (worked_on, supporter_id, kind, minutes);
