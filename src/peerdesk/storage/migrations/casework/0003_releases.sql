-- Casework schema version 3: the release register (docs/disclosure.md). A
-- report published for a period is recorded here with its rules and figures,
-- frozen: publishing the period again prints the same figures, and figures
-- that changed since come out only as a numbered revision, protected against
-- every earlier release. Casework: it belongs with the records it counts.
-- Aggregate counts only, never a peer's id. `published_by` is a staff id, a
-- plain integer checked in services (staff live in the main database, and
-- SQLite can't enforce a foreign key across database files).

CREATE TABLE report_release (
    id           INTEGER PRIMARY KEY,
    code         TEXT    NOT NULL UNIQUE,      -- "2026-01 r1": printed on the report
    period_kind  TEXT    NOT NULL CHECK (period_kind IN ('month', 'quarter', 'year', 'custom')),
    start_on     TEXT    NOT NULL,
    end_on       TEXT    NOT NULL,
    revision     INTEGER NOT NULL CHECK (revision >= 1),
    revises      INTEGER REFERENCES report_release (id),
    published_at TEXT    NOT NULL,
    published_by INTEGER NOT NULL,
    k            INTEGER NOT NULL,
    rounding     TEXT    NOT NULL,
    counts       TEXT    NOT NULL,             -- JSON: the true counts behind it
    hidden       TEXT    NOT NULL,             -- JSON: the cells printed hidden
    printed      TEXT    NOT NULL,             -- JSON: the report as printed
    together     TEXT    NOT NULL DEFAULT '[]',  -- JSON: releases counted with it
    note         TEXT    NOT NULL DEFAULT '',
    UNIQUE (start_on, end_on, revision)   -- also the index a year's releases are read by
);
