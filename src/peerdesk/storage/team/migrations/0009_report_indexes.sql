-- Team schema: indexes for the month report counted on the server (issue 18,
-- "the month report <= 1 s" at the large scale; storage/team/figures.py).
--
-- Read off EXPLAIN ANALYZE of the report's statements on the large demo moved
-- in: each reads only what it counts, from an index that holds it, where the
-- server used to read every row of a growing table.

-- The period's attendances (attendances by day, and the peers supported): from
-- each meeting held in the period to its marks, rather than a pass over every
-- attendance ever taken.
CREATE INDEX attendance_for_report ON casework.attendance (meeting_id, mark, peer_id);

-- Rating changes: each supported peer's first and latest complete rating of a
-- measure, in the order they are compared (the day, then the creation time and
-- id that break a tie), with what is compared, so no rating row is read.
CREATE INDEX rating_complete_in_order ON casework.rating
    (peer_id, measure_key, rated_on, created_at, id) INCLUDE (total, scores)
    WHERE deleted_at IS NULL AND total IS NOT NULL;

-- Follow-ups due in the period, with whether and when they were done.
CREATE INDEX one_to_one_by_follow_up ON casework.one_to_one (follow_up_on)
    INCLUDE (follow_up_done_on, peer_id) WHERE follow_up_on IS NOT NULL;

-- The period's meetings held, by id, to check facilitations against: with the
-- ids in the index the planner takes them in one read and matches each
-- supporter's facilitations by hash, where it looked every facilitation ever
-- made up in the meeting table, one by one.
CREATE INDEX meeting_held_ids ON casework.meeting (held_on, status, id);

-- The period's listening-service contacts with every plain column the report
-- counts by (channel, region, hours, outcomes, who took it, whose record), so
-- the five statements over them read this index alone.
CREATE INDEX contact_for_report ON casework.anonymous_contact (contacted_on)
    INCLUDE (id, peer_id, taken_by, contacted_time, channel, region_id, first_time,
             outcomes, minutes);
