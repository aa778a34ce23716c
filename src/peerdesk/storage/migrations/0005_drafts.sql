-- Schema version 5: a form someone was typing when PeerDesk locked (idle,
-- Ctrl+L, quick hide, closing). Kept inside the encrypted vault, for the same
-- person only, and offered back after they sign in; deleted once taken back.

CREATE TABLE draft (
    id        INTEGER PRIMARY KEY,
    staff_id  INTEGER NOT NULL REFERENCES staff (id),
    kind      TEXT NOT NULL,
    saved_at  TEXT NOT NULL,
    payload   TEXT NOT NULL
);

CREATE INDEX draft_by_staff ON draft (staff_id, id);
