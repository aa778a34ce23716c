-- Casework schema version 2: the listening service. Anonymous contacts (by phone, text,
-- email, online), known callers (a nickname and a short note, nothing else),
-- a signposting directory, enquiries waiting for a call-back, and the lists a
-- centre edits for them (regions, contact topics, directory categories).
--
-- Every table here is casework: it belongs in the casework database. Staff
-- ids (taken_by, created_by) are plain integers, checked by the services,
-- because staff live in the main database and SQLite can't enforce a foreign
-- key across database files. Report and list queries have covering indexes;
-- notes live in their own table and are searched through a contentless index.

CREATE TABLE region (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE COLLATE NOCASE,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE contact_topic (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE COLLATE NOCASE,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- The themes peer-support listening services name; each centre edits them.
INSERT INTO contact_topic (name) VALUES
    ('Isolation'), ('Relationships and family'), ('Anger'), ('Alcohol or drugs'), ('Trust'),
    ('Self-esteem'), ('The impact of abuse'), ('Practical help'), ('Crisis');

CREATE TABLE directory_category (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE COLLATE NOCASE,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

INSERT INTO directory_category (name) VALUES
    ('Counselling'), ('Crisis line'), ('Legal'), ('Housing'), ('Health'), ('Addiction'),
    ('Police and justice'), ('Immigration'), ('Other peer support');

-- A service the centre points people to. Archived entries keep the
-- signposting counts of past contacts; they leave the pickers.
CREATE TABLE directory_entry (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    sort_name     TEXT NOT NULL,                  -- casefolded name, for ordering
    phone         TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    website       TEXT NOT NULL DEFAULT '',
    opening_hours TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    all_regions   INTEGER NOT NULL DEFAULT 0 CHECK (all_regions IN (0, 1)),
    last_checked  TEXT,                           -- YYYY-MM-DD; NULL: never checked
    archived_on   TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE INDEX directory_entry_by_name ON directory_entry (archived_on, sort_name, id);
CREATE INDEX directory_entry_by_checked ON directory_entry (archived_on, last_checked, id);

CREATE TABLE directory_entry_category (
    entry_id    INTEGER NOT NULL REFERENCES directory_entry(id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES directory_category(id),
    PRIMARY KEY (entry_id, category_id)
) WITHOUT ROWID;

CREATE INDEX directory_entry_category_by_category
    ON directory_entry_category (category_id, entry_id);

CREATE TABLE directory_entry_region (
    entry_id  INTEGER NOT NULL REFERENCES directory_entry(id) ON DELETE CASCADE,
    region_id INTEGER NOT NULL REFERENCES region(id),
    PRIMARY KEY (entry_id, region_id)
) WITHOUT ROWID;

CREATE INDEX directory_entry_region_by_region ON directory_entry_region (region_id, entry_id);

-- rowid = directory_entry.id: its name, categories and regions, searched as you type.
CREATE VIRTUAL TABLE directory_search USING fts5(
    body, content = '', contentless_delete = 1, prefix = '1 2 3',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Someone who gets in touch again and again without giving a name.
CREATE TABLE known_caller (
    id           INTEGER PRIMARY KEY,
    nickname     TEXT NOT NULL,
    sort_name    TEXT NOT NULL,                   -- casefolded nickname
    note         TEXT NOT NULL DEFAULT '',
    created_by   INTEGER,                         -- staff id
    last_contact TEXT,                            -- latest contact's day; kept up to date
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE INDEX known_caller_by_name ON known_caller (sort_name, id);
CREATE INDEX known_caller_by_last_contact ON known_caller (last_contact, id);

CREATE TABLE anonymous_contact (
    id              INTEGER PRIMARY KEY,
    contacted_on    TEXT NOT NULL,                -- YYYY-MM-DD, the centre's local date
    contacted_time  TEXT NOT NULL,                -- HH:MM, local
    channel         TEXT NOT NULL CHECK (channel IN ('phone', 'text', 'email', 'online_chat',
                        'social_media', 'video', 'walk_in', 'other')),
    minutes         INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 720),
    taken_by        INTEGER,                      -- staff id
    region_id       INTEGER REFERENCES region(id),
    first_time      TEXT NOT NULL DEFAULT 'unknown'
        CHECK (first_time IN ('first', 'returning', 'unknown')),
    safety_concern  INTEGER NOT NULL DEFAULT 0 CHECK (safety_concern IN (0, 1)),
    -- listened 1, signposted 2, offered a one-to-one 4, offered a group 8, became a peer 16
    outcomes        INTEGER NOT NULL DEFAULT 0 CHECK (outcomes BETWEEN 0 AND 31),
    known_caller_id INTEGER REFERENCES known_caller(id) ON DELETE SET NULL,
    -- Set when the person became a peer: the contact is then on their timeline
    -- and goes with their record (erasure, retention).
    peer_id         INTEGER REFERENCES peer(id) ON DELETE CASCADE,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

-- Covers the report's counts and the Contacts page's newest-first list.
CREATE INDEX anonymous_contact_by_day ON anonymous_contact
    (contacted_on, contacted_time, id, channel, region_id, first_time, outcomes, minutes,
     peer_id, taken_by);
CREATE INDEX anonymous_contact_by_caller ON anonymous_contact (known_caller_id, contacted_on)
    WHERE known_caller_id IS NOT NULL;
CREATE INDEX anonymous_contact_by_peer ON anonymous_contact (peer_id, contacted_on)
    WHERE peer_id IS NOT NULL;
CREATE INDEX anonymous_contact_by_taker ON anonymous_contact (taken_by, contacted_on, id);

-- Notes and what was done about a safety concern: sensitive, kept apart from
-- the rows the report and the list read.
CREATE TABLE contact_note (
    contact_id    INTEGER PRIMARY KEY REFERENCES anonymous_contact(id) ON DELETE CASCADE,
    notes         TEXT NOT NULL DEFAULT '',
    safety_action TEXT NOT NULL DEFAULT ''
);

CREATE TABLE contact_topic_link (
    contact_id INTEGER NOT NULL REFERENCES anonymous_contact(id) ON DELETE CASCADE,
    topic_id   INTEGER NOT NULL REFERENCES contact_topic(id),
    PRIMARY KEY (contact_id, topic_id)
) WITHOUT ROWID;

CREATE INDEX contact_topic_link_by_topic ON contact_topic_link (topic_id, contact_id);

-- The directory's services a contact was pointed to.
CREATE TABLE contact_signpost (
    contact_id INTEGER NOT NULL REFERENCES anonymous_contact(id) ON DELETE CASCADE,
    entry_id   INTEGER NOT NULL REFERENCES directory_entry(id),
    PRIMARY KEY (contact_id, entry_id)
) WITHOUT ROWID;

CREATE INDEX contact_signpost_by_entry ON contact_signpost (entry_id, contact_id);

-- rowid = anonymous_contact.id
CREATE VIRTUAL TABLE contact_note_search USING fts5(
    body, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Services a one-to-one session pointed the peer to.
CREATE TABLE one_to_one_signpost (
    session_id INTEGER NOT NULL REFERENCES one_to_one(id) ON DELETE CASCADE,
    entry_id   INTEGER NOT NULL REFERENCES directory_entry(id),
    PRIMARY KEY (session_id, entry_id)
) WITHOUT ROWID;

CREATE INDEX one_to_one_signpost_by_entry ON one_to_one_signpost (entry_id, session_id);

-- An enquiry waiting for a peer worker to call back and arrange a first
-- one-to-one. The way to reach the person lives apart (callback_reach), kept
-- only with their agreement and erased once it is no longer needed.
CREATE TABLE callback (
    id              INTEGER PRIMARY KEY,
    received_on     TEXT NOT NULL,                -- YYYY-MM-DD
    route           TEXT NOT NULL CHECK (route IN ('phone', 'text', 'social_media',
                        'booking_form', 'someone_they_know', 'other')),
    status          TEXT NOT NULL DEFAULT 'waiting'
        CHECK (status IN ('waiting', 'done', 'closed', 'expired')),
    closed_on       TEXT,
    contact_id      INTEGER REFERENCES anonymous_contact(id) ON DELETE SET NULL,
    known_caller_id INTEGER REFERENCES known_caller(id) ON DELETE SET NULL,
    peer_id         INTEGER REFERENCES peer(id) ON DELETE CASCADE,  -- goes with their record
    created_by      INTEGER,                      -- staff id
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE INDEX callback_waiting ON callback (status, received_on, id);

CREATE TABLE callback_reach (
    callback_id  INTEGER PRIMARY KEY REFERENCES callback(id) ON DELETE CASCADE,
    ask_for      TEXT NOT NULL DEFAULT '',        -- the name or alias to ask for
    reach        TEXT NOT NULL,                   -- a phone number, a handle, an address
    calls_ok     INTEGER NOT NULL DEFAULT 1,
    texts_ok     INTEGER NOT NULL DEFAULT 1,
    email_ok     INTEGER NOT NULL DEFAULT 1,
    voicemail_ok INTEGER NOT NULL DEFAULT 0,
    safe_times   TEXT NOT NULL DEFAULT '',
    code_word    TEXT NOT NULL DEFAULT '',
    other        TEXT NOT NULL DEFAULT '',
    agreed_on    TEXT NOT NULL                    -- the day they agreed we keep it
);

-- Referrals: "Where to" becomes a pick from the directory (free text still
-- allowed). Each different name already used becomes a directory entry,
-- never checked (so Today lists it for review), and its referrals point to it.
ALTER TABLE referral ADD COLUMN directory_entry_id INTEGER REFERENCES directory_entry(id);

INSERT INTO directory_entry (name, sort_name, created_at, updated_at)
SELECT min(trim(destination_name)), lower(trim(destination_name)),
       strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'), strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
FROM referral WHERE trim(destination_name) != ''
GROUP BY lower(trim(destination_name));

INSERT INTO directory_entry_category (entry_id, category_id)
SELECT DISTINCT e.id, c.id FROM referral AS r
JOIN directory_entry AS e ON e.sort_name = lower(trim(r.destination_name))
JOIN directory_category AS c ON c.name = CASE r.destination
    WHEN 'counselling' THEN 'Counselling' WHEN 'group' THEN 'Other peer support'
    ELSE NULL END;

INSERT INTO directory_search (rowid, body)
SELECT e.id, e.name || coalesce(' ' || (SELECT group_concat(c.name, ' ')
    FROM directory_entry_category AS ec JOIN directory_category AS c ON c.id = ec.category_id
    WHERE ec.entry_id = e.id), '')
FROM directory_entry AS e;

UPDATE referral SET directory_entry_id = (
    SELECT e.id FROM directory_entry AS e WHERE e.sort_name = lower(trim(referral.destination_name)))
WHERE trim(destination_name) != '';

CREATE INDEX referral_by_directory_entry ON referral (directory_entry_id)
    WHERE directory_entry_id IS NOT NULL;
