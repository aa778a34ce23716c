-- Schema version 8: key compartments (docs/security.md §2).
--
-- Everything about peers moves to the casework database, a second encrypted
-- file with its own key that administrators' key slots don't hold; this file
-- keeps the centre's settings, staff accounts and the audit log. An upgraded
-- vault's rows are copied into the casework file before this runs
-- (storage/split.py); a new vault never had any.

DROP TABLE IF EXISTS attendance;
DROP TABLE IF EXISTS meeting_facilitator;
DROP TABLE IF EXISTS meeting;
DROP TABLE IF EXISTS group_member;
DROP TABLE IF EXISTS group_facilitator;
DROP TABLE IF EXISTS peer_group;
DROP TABLE IF EXISTS rating;
DROP TABLE IF EXISTS measure;
DROP TABLE IF EXISTS referral;
DROP TABLE IF EXISTS note_search;
DROP TABLE IF EXISTS one_to_one_topic;
DROP TABLE IF EXISTS one_to_one_note;
DROP TABLE IF EXISTS one_to_one;
DROP TABLE IF EXISTS topic;
DROP TABLE IF EXISTS consent;
DROP TABLE IF EXISTS safe_contact;
DROP TABLE IF EXISTS peer_search;
DROP TABLE IF EXISTS draft;
DROP TABLE IF EXISTS peer;

-- A person may hold several roles (a small centre's programme lead is often
-- its administrator too): comma-separated role codes, sorted. `role` keeps
-- the first of them for code that shows one.
ALTER TABLE staff ADD COLUMN roles TEXT NOT NULL DEFAULT '';
UPDATE staff SET roles = role;

-- Roles and status as the authority signed them (grants.py). The staff
-- table's columns are a convenience for listing; sign-in believes these.
CREATE TABLE role_grant (
    staff_id    INTEGER NOT NULL REFERENCES staff(id),
    serial      INTEGER NOT NULL,
    name_key    TEXT NOT NULL,
    roles       TEXT NOT NULL,
    status      TEXT NOT NULL,
    signing_key BLOB NOT NULL,              -- the person's Ed25519 public key
    issued_at   TEXT NOT NULL,
    issued_by   INTEGER,                    -- staff id; NULL for the recovery key or an upgrade
    signature   BLOB NOT NULL,              -- the authority's, over all of the above
    PRIMARY KEY (staff_id, serial)
) WITHOUT ROWID;

-- Key work an administrator can't do alone, left for the next person who
-- holds the compartment's key: seal it to a new slot, or rotate it.
CREATE TABLE key_task (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('seal', 'rotate')),
    compartment TEXT NOT NULL,
    slot_id     TEXT,                       -- 'seal': the slot to give the key to
    reason      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

-- Each event is signed by the person whose session wrote it (their signing
-- key is in their grant; 0 is the authority itself, for the recovery key).
-- Events from before this version have neither.
ALTER TABLE audit_event ADD COLUMN signer_id INTEGER;
ALTER TABLE audit_event ADD COLUMN signing_key BLOB;
ALTER TABLE audit_event ADD COLUMN signature BLOB;
