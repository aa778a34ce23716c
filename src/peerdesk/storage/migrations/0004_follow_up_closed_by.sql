-- Schema version 4: remember which session closed a follow-up, so deleting or
-- re-dating that session reopens it (a follow-up marked done by hand has none).

ALTER TABLE one_to_one ADD COLUMN follow_up_closed_by INTEGER;
