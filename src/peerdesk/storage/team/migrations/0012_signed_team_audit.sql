-- Team schema: signatures on the audit events PCs write (issue 18; docs/team-server.md,
-- "The audit chain on the server").
--
-- As on a vault, each person signs their events with their own Ed25519 key,
-- and the key counts only when the centre's authority granted it (a row of
-- main.role_grant signed with the authority key, which the server can't
-- forge: a client checks every signature). The private halves live in each
-- person's key slot, sealed to it as the compartment keys are: 'signing' for
-- their own key, 'authority' for the authority key, which only
-- administrators hold.
--
-- Events written before this migration were chained but not signed; the
-- checker reports those (ids below main.team_audit_signing.signed_from) as
-- unsigned, and any unsigned event from then on as a problem.

ALTER TABLE main.team_sealed_key DROP CONSTRAINT team_sealed_key_what_check;
ALTER TABLE main.team_sealed_key ADD CONSTRAINT team_sealed_key_what_check
    CHECK (what IN ('main', 'casework', 'authority', 'signing'));

-- Whether the signed-in person holds the authority key on the server. Run as
-- the owner: a policy on main.team_sealed_key can't read that table itself.
CREATE FUNCTION main.holds_authority() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM main.team_sealed_key
                   WHERE staff_id = main.current_staff_id() AND what = 'authority')
$$;
REVOKE ALL ON FUNCTION main.holds_authority() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION main.holds_authority() TO {{staff}};

-- The authority's holder seals it only to another active administrator, and
-- gives a person their signing key with the grant that names it.
CREATE POLICY holder_seals_authority ON main.team_sealed_key FOR INSERT TO {{admin}}
    WITH CHECK (what = 'authority' AND sealed_by = (SELECT main.current_staff_id())
                AND (SELECT main.holds_authority())
                AND staff_id IN (SELECT id FROM main.staff
                                 WHERE active AND roles @> ARRAY['admin']));
CREATE POLICY holder_seals_signing ON main.team_sealed_key FOR INSERT TO {{admin}}
    WITH CHECK (what = 'signing' AND sealed_by = (SELECT main.current_staff_id())
                AND (SELECT main.holds_authority())
                AND staff_id IN (SELECT id FROM main.staff WHERE active));

-- Grants: everyone signed in reads them (to check signatures); only the
-- authority's holder writes one. The server can't check the signature, so a
-- grant written any other way (by the tables' owner, say) is still only as
-- good as its signature, which every client checks.
DROP POLICY signed_in ON main.role_grant;
CREATE POLICY readers ON main.role_grant FOR SELECT TO {{staff}}
    USING ((SELECT main.current_staff_id()) IS NOT NULL);
CREATE POLICY authority_writes ON main.role_grant FOR INSERT TO {{admin}}
    WITH CHECK ((SELECT main.holds_authority())
                AND issued_by = (SELECT main.current_staff_id()));
-- `team init` (as the owner) writes the first administrator's grant and the
-- centre's authority key and audit origin.
CREATE POLICY owner_writes ON main.role_grant FOR ALL TO CURRENT_USER
    USING (true) WITH CHECK (true);
CREATE POLICY owner_writes ON main.meta FOR ALL TO CURRENT_USER
    USING (true) WITH CHECK (true);

-- Where signing on the team begins: the first event written after this
-- migration (1 on a new team).
CREATE TABLE main.team_audit_signing (
    only_one    boolean PRIMARY KEY DEFAULT true CHECK (only_one),
    signed_from bigint NOT NULL
);
ALTER TABLE main.team_audit_signing ENABLE ROW LEVEL SECURITY;
ALTER TABLE main.team_audit_signing FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_functions ON main.team_audit_signing FOR ALL TO CURRENT_USER
    USING (true) WITH CHECK (true);
CREATE POLICY readers ON main.team_audit_signing FOR SELECT TO {{staff}}
    USING ((SELECT main.current_staff_id()) IS NOT NULL);
GRANT SELECT ON main.team_audit_signing TO {{staff}};
INSERT INTO main.team_audit_signing (signed_from)
    SELECT coalesce(max(id), 0) + 1 FROM main.audit_event;
