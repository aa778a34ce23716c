-- Main schema version 12: modules inside courses (issue 16, item 2).
--
-- A course may have ordered modules, each optionally mapped to competencies
-- of its own. A supporter completes modules; when every module of a course
-- that is not retired has been completed since the course was last completed,
-- the course counts as completed on the day its last module was, and that
-- completion is written to training_completion like any other (from_modules
-- = 1), so the matrix, Today and the report read one table as before. A
-- module mapped to a competency counts for it on its own, renewed on the
-- course's interval from the day the module was completed
-- (docs/architecture.md, "Modules inside courses"). Courses without modules,
-- and every completion recorded before this version, keep their meaning.

ALTER TABLE training_completion
    ADD COLUMN from_modules INTEGER NOT NULL DEFAULT 0 CHECK (from_modules IN (0, 1));

CREATE TABLE course_module (
    id        INTEGER PRIMARY KEY,
    course_id INTEGER NOT NULL REFERENCES course(id) ON DELETE CASCADE,
    name      TEXT NOT NULL COLLATE NOCASE,
    position  INTEGER NOT NULL,                   -- its place in the course (1 first)
    retired   INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    UNIQUE (course_id, name)
);

CREATE INDEX course_module_by_course ON course_module (course_id, position, id);

CREATE TABLE module_competency (
    module_id     INTEGER NOT NULL REFERENCES course_module(id) ON DELETE CASCADE,
    competency_id INTEGER NOT NULL REFERENCES competency(id),
    PRIMARY KEY (module_id, competency_id)
) WITHOUT ROWID;

CREATE INDEX module_competency_by_competency ON module_competency (competency_id, module_id);

CREATE TABLE module_completion (
    id           INTEGER PRIMARY KEY,
    supporter_id INTEGER NOT NULL REFERENCES supporter(id) ON DELETE CASCADE,
    module_id    INTEGER NOT NULL REFERENCES course_module(id),
    completed_on TEXT NOT NULL,                   -- YYYY-MM-DD
    valid_until  TEXT,                            -- YYYY-MM-DD; NULL: never needs renewing
    recorded_by  INTEGER REFERENCES staff(id),
    created_at   TEXT NOT NULL
);

-- Covering for the matrix and the report's "training current" (read by supporter).
CREATE INDEX module_completion_by_supporter
    ON module_completion (supporter_id, module_id, completed_on, valid_until);
CREATE INDEX module_completion_by_module ON module_completion (module_id, supporter_id);
