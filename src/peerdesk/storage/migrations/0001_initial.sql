-- Schema version 1: vault metadata, staff accounts, the audit log, settings.
-- A shipped migration is never edited; add a new numbered file instead.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- The public half of every key slot in the sidecar file. A rekey seals the
-- new data key only to the keys listed here, which SQLCipher authenticates,
-- so editing the sidecar can't add a reader.
CREATE TABLE key_slot (
    slot_id    TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('password', 'recovery')),
    public_key BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE staff (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT NOT NULL,
    name_key             TEXT NOT NULL UNIQUE,   -- casefolded name: one account per name
    role                 TEXT NOT NULL
        CHECK (role IN ('admin', 'programme_lead', 'caseworker', 'peer_supporter')),
    status               TEXT NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'deactivated', 'removed')),
    slot_id              TEXT UNIQUE,            -- key slot in the sidecar; NULL when it cannot sign in
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    created_at           TEXT NOT NULL
);

CREATE TABLE audit_event (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,                   -- UTC, ISO 8601
    actor_id    INTEGER REFERENCES staff(id),
    action      TEXT NOT NULL,
    target_kind TEXT NOT NULL DEFAULT '',
    target_id   TEXT NOT NULL DEFAULT '',
    detail      TEXT NOT NULL DEFAULT '',
    prev_hash   BLOB NOT NULL,
    hash        BLOB NOT NULL
);

CREATE INDEX audit_event_by_target ON audit_event (target_kind, target_id, id);
CREATE INDEX audit_event_by_actor ON audit_event (actor_id, id);

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
