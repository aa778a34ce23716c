-- Team schema: new peers' reference numbers given by the server (issue 18).
--
-- A PC used to take the next number after the highest its login could see: a
-- peer supporter sees only their assigned peers, and two PCs adding at once
-- chose the same number. The server now gives it, from one sequence, as the
-- column's default: a client inserts a peer without a number and reads back
-- the one it was given (RETURNING). Numbers are never handed out twice, even
-- to transactions that roll back (a gap, never a repeat), which is also what
-- lets a peer added offline wait in the outbox without one.
--
-- Row-level security is unchanged: nextval needs USAGE on the sequence only,
-- not a sight of other peers' rows. USAGE without UPDATE: no login can set the
-- sequence back (setval is the owner's, as in `team migrate`).
--
-- The sequence starts above the highest number already on the server. The
-- tables' owner is held to peer's policies (FORCE) and sees no rows outside
-- its own functions, so the policies are lifted for the one read, in this
-- migration's transaction.

CREATE SEQUENCE casework.peer_ref_number_seq AS integer
    OWNED BY casework.peer.ref_number;

ALTER TABLE casework.peer NO FORCE ROW LEVEL SECURITY;
SELECT setval('casework.peer_ref_number_seq', coalesce(max(ref_number), 0) + 1, false)
    FROM casework.peer;
ALTER TABLE casework.peer FORCE ROW LEVEL SECURITY;

ALTER TABLE casework.peer
    ALTER COLUMN ref_number SET DEFAULT nextval('casework.peer_ref_number_seq');

REVOKE ALL ON SEQUENCE casework.peer_ref_number_seq FROM PUBLIC;
GRANT USAGE ON SEQUENCE casework.peer_ref_number_seq
    TO {{programme_lead}}, {{caseworker}}, {{peer_supporter}};
