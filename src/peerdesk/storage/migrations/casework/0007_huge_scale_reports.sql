-- Casework schema version 5: the report's and the caseload's queries at the huge
-- scale (issue 17). On an encrypted vault every page read is a page decrypted,
-- so each query here now reads a small index instead of the table's rows or a
-- page for every peer.
--
-- A peer's first one-to-one session, kept up to date with last_contact (every
-- write of a session refreshes both; storage/repositories/peers.py). The
-- report's "first sessions" looked it up peer by peer, a page of the sessions
-- index for each of tens of thousands of peers; now it reads the few rows of
-- the period from this column's index.
ALTER TABLE peer ADD COLUMN first_session_on TEXT;
UPDATE peer SET first_session_on = (SELECT min(o.held_on) FROM one_to_one AS o
                                    WHERE o.peer_id = peer.id);
CREATE INDEX peer_by_first_session ON peer (first_session_on, first_contact, id)
    WHERE first_session_on IS NOT NULL;

-- "Peers supported by age and gender": for each peer supported, an entry of
-- this narrow copy of the two columns (hundreds to a page) instead of the
-- peer's whole row (a few dozen to a page).
CREATE INDEX peer_profile_by_id ON peer (id, age_band, gender);

-- "How new peers first made contact": the route as well, so the count needs
-- no peer row (the list sorted by first contact uses the same index).
DROP INDEX peer_by_first_contact;
CREATE INDEX peer_by_first_contact ON peer (first_contact, id, contact_route);

-- The follow-ups due list (open follow-ups up to a day, oldest first): every
-- column it reads, in its order. The old index lacked the worker and the id
-- order, so the planner read the all-follow-ups index and the rows besides.
DROP INDEX one_to_one_open_follow_ups;
CREATE INDEX one_to_one_open_follow_ups
    ON one_to_one (follow_up_on, id, peer_id, worker_id, follow_up_done_on)
    WHERE follow_up_on IS NOT NULL AND follow_up_done_on IS NULL;

-- Peers left out of a report (latest statistics consent withdrawn): each
-- withdrawn consent looks up that peer's latest statistics consent here, a
-- third the size of consent_by_peer.
CREATE INDEX consent_statistics_by_peer ON consent (peer_id, given_on, id)
    WHERE scope = 'statistics';
