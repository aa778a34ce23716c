-- Team schema: the first casework key of a centre started on the server
-- (issue 18; docs/team-server.md, "People and their logins").
--
-- A vault moved in brings its casework key, sealed to the person who moved it.
-- A centre started with `peerdesk team init` has none: its first administrator
-- holds only the main key (an administrator may not hold casework). The first
-- programme lead or caseworker to sign in makes it, on their PC, and seals it
-- to every active person whose roles open casework, in one transaction with
-- main.claim_first_casework_key, which says whether it is theirs to make.
--
-- It is theirs only once in a centre's life: when no casework key was ever
-- sealed and no casework row exists. If every holder later left (their slots
-- deleted), a new key would open none of the rows, so none is made: the rows
-- wait for a restore of the server's keys instead. main.casework_key_made
-- remembers that a key was made, whoever made it.

CREATE TABLE main.casework_key_made (
    only_one  boolean PRIMARY KEY DEFAULT true CHECK (only_one),
    made_at   timestamptz NOT NULL DEFAULT now(),
    made_by   integer REFERENCES main.staff (id)
);
ALTER TABLE main.casework_key_made ENABLE ROW LEVEL SECURITY;
ALTER TABLE main.casework_key_made FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_functions ON main.casework_key_made FOR ALL TO CURRENT_USER
    USING (true) WITH CHECK (true);

-- Centres that already hold casework keys (moved in, or set up before this
-- migration) made theirs already.
INSERT INTO main.casework_key_made (made_by)
    SELECT NULL WHERE EXISTS (SELECT 1 FROM main.team_sealed_key WHERE what = 'casework')
                   OR EXISTS (SELECT 1 FROM casework.peer);

-- True when the caller (a programme lead or caseworker) is to make the centre's
-- first casework key now, and from then on for nobody: the caller seals it to
-- everyone whose roles open casework in the same transaction. Two PCs signing
-- in at once wait on the row lock of the insert; the second is told false.
CREATE FUNCTION main.claim_first_casework_key() RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_me integer := main.require_rotator();
BEGIN
    IF EXISTS (SELECT 1 FROM main.team_sealed_key WHERE what = 'casework')
            OR EXISTS (SELECT 1 FROM casework.peer) THEN
        RETURN false;
    END IF;
    INSERT INTO main.casework_key_made (made_by) VALUES (v_me) ON CONFLICT DO NOTHING;
    RETURN FOUND;
END
$$;
REVOKE ALL ON FUNCTION main.claim_first_casework_key() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION main.claim_first_casework_key() TO {{programme_lead}}, {{caseworker}};

-- An administrator adds a person to a centre started on the server: their
-- login (main.create_staff_login) with a joining password the person must
-- replace with their own at their first sign-in, as for people moved in
-- (main.issue_staff_login). Administrators only.
CREATE FUNCTION main.create_joining_login(p_login text, p_roles text[], p_verifier text,
                                          p_display main.sealed) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_id integer;
BEGIN
    IF NOT pg_has_role(session_user, {{admin.name}}, 'MEMBER')
            OR main.current_staff_id() IS NULL THEN
        RAISE EXCEPTION 'only an administrator adds people' USING ERRCODE = '42501';
    END IF;
    v_id := main.create_staff_login(p_login, p_roles, p_verifier, p_display);
    UPDATE main.staff SET must_change_password = true WHERE id = v_id;
    RETURN v_id;
END
$$;
REVOKE ALL ON FUNCTION main.create_joining_login(text, text[], text, main.sealed) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION main.create_joining_login(text, text[], text, main.sealed)
    TO {{admin}};
