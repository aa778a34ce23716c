-- Schema version 6: the report's "follow-ups due in the period" counts every
-- follow-up planned in the period, done or not, by its date. The partial
-- index one_to_one_open_follow_ups holds only the open ones, so the count
-- read the whole one_to_one table: four times slower than the same SQL on an
-- unencrypted copy once that table outgrows the page cache. This one holds
-- exactly the columns the count reads.

CREATE INDEX one_to_one_follow_ups_due ON one_to_one (follow_up_on, follow_up_done_on, peer_id)
    WHERE follow_up_on IS NOT NULL;
