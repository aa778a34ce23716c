-- Schema version 3: peer-support groups, their meetings, membership and the
-- attendance register (with an anonymous head-count per meeting).

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
    staff_id INTEGER NOT NULL REFERENCES staff(id),
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
    staff_id   INTEGER NOT NULL REFERENCES staff(id),
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
