-- Casework schema version 5: the supporters' hours read by index (issue 16, speed).
--
-- A programme timesheet counts, for each supporter with an account, the
-- one-to-ones they held, the group meetings they facilitated and the
-- listening contacts they took over a month or a year. Read by date, that was
-- every session, meeting and contact of the period, each checked against the
-- supporters' accounts (a year at the large scale missed its 200 ms). These
-- read just the supporters' own, from indexes that hold what is summed.

-- peer_id too: the report leaves out people who withdrew consent to statistics.
CREATE INDEX one_to_one_by_worker ON one_to_one (worker_id, held_on, minutes, peer_id);

CREATE INDEX meeting_facilitator_by_staff ON meeting_facilitator (staff_id, meeting_id);

-- The Contacts page's "taken by" index, now also holding the minutes (and the
-- peer a contact moved to, for the same reason).
DROP INDEX anonymous_contact_by_taker;
CREATE INDEX anonymous_contact_by_taker
    ON anonymous_contact (taken_by, contacted_on, id, minutes, peer_id);
