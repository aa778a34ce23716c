-- Main schema version 10: the audit log of the vault an export came from
-- (docs/export.md). A vault made from an export can't carry the old log's
-- signatures forward as its own (new vault, new keys), so the old events are
-- kept here as they were, hash, signature and all, and the new log begins
-- with a signed event naming where they came from and the old log's count
-- and newest hash. `peerdesk check` walks this table's chain to that head.
-- A vault made from an export of a vault that was itself made from one keeps
-- both old logs, told apart by `source_vault`.

CREATE TABLE imported_audit_event (
    source_vault TEXT NOT NULL,             -- the id of the vault whose log this was
    id           INTEGER NOT NULL,
    at           TEXT NOT NULL,             -- UTC, ISO 8601
    actor_id     INTEGER,                   -- staff id (kept the same on import)
    action       TEXT NOT NULL,
    target_kind  TEXT NOT NULL DEFAULT '',
    target_id    TEXT NOT NULL DEFAULT '',
    detail       TEXT NOT NULL DEFAULT '',
    prev_hash    BLOB NOT NULL,
    hash         BLOB NOT NULL,
    signer_id    INTEGER,
    signing_key  BLOB,
    signature    BLOB,
    PRIMARY KEY (source_vault, id)
) WITHOUT ROWID;

CREATE TRIGGER imported_audit_event_no_update BEFORE UPDATE ON imported_audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER imported_audit_event_no_delete BEFORE DELETE ON imported_audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
