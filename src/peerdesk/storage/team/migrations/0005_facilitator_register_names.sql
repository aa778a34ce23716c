-- Team schema: a facilitator reads the names on their registers (issue 18).
-- (Meant as team migration 6 after the other branches' 4 and 5: renumber at merge.)
--
-- A peer supporter running a group sees its meetings and registers (peer ids,
-- version 2's policies), but reads the peer rows of the peers assigned to them
-- only: widening casework.peer's policy would open those peers' safe-contact
-- details, sessions and notes too. So one narrow door instead: this function
-- returns the id and the sealed preferred name, nothing else, of each peer on
-- the register of a meeting the caller facilitates (of the meeting, or of its
-- group) or a member of a group the caller facilitates. The name stays sealed:
-- the client opens it with the casework key.

-- The function runs as the tables' owner, who is held to row security too
-- (FORCE): it reads these rows only while the function below runs (its own
-- definer, called by another login), so the owner signed in sees no rows.
CREATE POLICY owner_functions ON casework.peer FOR SELECT TO CURRENT_USER USING (current_user <> session_user);
CREATE POLICY owner_functions ON casework.meeting FOR SELECT TO CURRENT_USER USING (current_user <> session_user);
CREATE POLICY owner_functions ON casework.attendance FOR SELECT TO CURRENT_USER USING (current_user <> session_user);
CREATE POLICY owner_functions ON casework.group_member FOR SELECT TO CURRENT_USER USING (current_user <> session_user);
CREATE POLICY owner_functions ON casework.group_facilitator FOR SELECT TO CURRENT_USER USING (current_user <> session_user);
CREATE POLICY owner_functions ON casework.meeting_facilitator FOR SELECT TO CURRENT_USER USING (current_user <> session_user);

CREATE FUNCTION casework.register_names()
    RETURNS TABLE (peer_id uuid, preferred_name main.sealed)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    WITH me AS (SELECT main.current_staff_id() AS id),
    my_groups AS (
        SELECT f.group_id FROM casework.group_facilitator f, me WHERE f.staff_id = me.id),
    my_meetings AS (
        SELECT m.id FROM casework.meeting m
         WHERE m.group_id IN (SELECT group_id FROM my_groups)
        UNION
        SELECT f.meeting_id FROM casework.meeting_facilitator f, me WHERE f.staff_id = me.id),
    on_register AS (
        SELECT a.peer_id FROM casework.attendance a
         WHERE a.meeting_id IN (SELECT id FROM my_meetings)
        UNION
        SELECT g.peer_id FROM casework.group_member g
         WHERE g.group_id IN (SELECT group_id FROM my_groups))
    SELECT p.id, p.preferred_name FROM casework.peer p
     WHERE p.id IN (SELECT peer_id FROM on_register)
$$;

REVOKE ALL ON FUNCTION casework.register_names() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION casework.register_names() TO {{programme_lead}}, {{caseworker}},
    {{peer_supporter}};
