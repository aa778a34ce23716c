-- Team schema version 3: each person's key slot on the server, and row versions for
-- concurrent edits.
--
-- Key slots (storage/keyslots.py, the vault's own format; main.key_slot of
-- version 2 is the vault's register of public keys, copied by a move): a person's X25519
-- private key wrapped under a key derived from their password by Argon2id,
-- and, sealed to its public half, the compartment keys their roles open. The
-- server holds only the wrapped and sealed forms; a person reads only their
-- own slot, so a colleague can't try passwords against it. Keys are sealed to
-- a public key without any password: an administrator seals the main key to a
-- new person, and the next casework holder to sign in seals casework to
-- anyone whose roles open it and who lacks it. Administrators hold no
-- casework key and may not seal one (the policies below), so an
-- administrator's slot never holds casework.
--
-- Row versions: every update of a peer, a safe-contact record or a session
-- bumps row_version (a trigger, so no writer can forget); the client updates
-- WHERE row_version is the one it read, and a second save sees what changed.

CREATE TABLE main.team_slot (
    staff_id   integer PRIMARY KEY REFERENCES main.staff (id) ON DELETE CASCADE,
    slot_id    text NOT NULL UNIQUE,
    public_key bytea NOT NULL CHECK (octet_length(public_key) = 32),
    slot       jsonb NOT NULL,              -- KDF parameters, salt, wrapped private key
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE main.team_sealed_key (
    staff_id   integer NOT NULL REFERENCES main.team_slot (staff_id) ON DELETE CASCADE,
    what       text NOT NULL CHECK (what IN ('main', 'casework')),
    generation integer NOT NULL CHECK (generation > 0),
    entry      jsonb NOT NULL,              -- ephemeral key, nonce, sealed key
    sealed_by  integer REFERENCES main.staff (id),
    sealed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (staff_id, what, generation)
);

ALTER TABLE main.team_slot ENABLE ROW LEVEL SECURITY;
ALTER TABLE main.team_slot FORCE ROW LEVEL SECURITY;
ALTER TABLE main.team_sealed_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE main.team_sealed_key FORCE ROW LEVEL SECURITY;

-- The tables' owner (the account that set the schema up, which nobody signs in
-- as day to day, and which could switch row security off on its own tables
-- anyway) sees every row: the two SECURITY DEFINER functions below run as it.
CREATE POLICY owner_functions ON main.team_slot FOR ALL TO CURRENT_USER
    USING (true) WITH CHECK (true);
CREATE POLICY owner_functions ON main.team_sealed_key FOR ALL TO CURRENT_USER
    USING (true) WITH CHECK (true);

CREATE POLICY own_slot ON main.team_slot FOR SELECT TO {{staff}}
    USING (staff_id = (SELECT main.current_staff_id()));
CREATE POLICY admin_adds_slots ON main.team_slot FOR INSERT TO {{admin}}
    WITH CHECK ((SELECT main.current_staff_id()) IS NOT NULL);

CREATE POLICY own_keys ON main.team_sealed_key FOR SELECT TO {{staff}}
    USING (staff_id = (SELECT main.current_staff_id()));
-- An administrator seals the main key to an active person.
CREATE POLICY admin_seals_main ON main.team_sealed_key FOR INSERT TO {{admin}}
    WITH CHECK (what = 'main' AND sealed_by = (SELECT main.current_staff_id())
                AND staff_id IN (SELECT id FROM main.staff WHERE active));
-- A casework holder seals casework only to an active person whose roles open it.
CREATE POLICY holder_seals_casework ON main.team_sealed_key FOR INSERT
    TO {{programme_lead}}, {{caseworker}}, {{peer_supporter}}
    WITH CHECK (what = 'casework' AND sealed_by = (SELECT main.current_staff_id())
                AND staff_id IN (SELECT id FROM main.staff WHERE active
                                 AND roles && ARRAY['programme_lead', 'caseworker',
                                                    'peer_supporter']));

GRANT SELECT ON main.team_slot, main.team_sealed_key TO {{staff}};
GRANT INSERT ON main.team_slot TO {{admin}};
GRANT INSERT ON main.team_sealed_key TO {{staff}};

-- Who has a slot, its public key, and which compartments it holds: what a
-- person needs to seal a key to a colleague (never the wrapped private key).
CREATE FUNCTION main.team_slot_directory()
    RETURNS TABLE (staff_id integer, slot_id text, public_key bytea, slot jsonb,
                   roles text[], holds text[])
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT k.staff_id, k.slot_id, k.public_key,
           jsonb_build_object('id', k.slot->'id', 'kind', k.slot->'kind'), s.roles,
           coalesce((SELECT array_agg(DISTINCT what ORDER BY what) FROM main.team_sealed_key x
                     WHERE x.staff_id = k.staff_id), ARRAY[]::text[])
    FROM main.team_slot k JOIN main.staff s ON s.id = k.staff_id
    WHERE s.active AND main.current_staff_id() IS NOT NULL
$$;
REVOKE ALL ON FUNCTION main.team_slot_directory() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION main.team_slot_directory() TO {{staff}};

-- Deactivating a person now also removes their slot (and every key sealed to
-- it): no new sign-in, no rows on a connection already open, and nothing on
-- the server their password still opens.
CREATE OR REPLACE FUNCTION main.deactivate_staff_login(p_login text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    UPDATE main.staff SET active = false, status = 'deactivated' WHERE login_name = p_login;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no PeerDesk staff login %', p_login USING ERRCODE = '22023';
    END IF;
    DELETE FROM main.team_slot WHERE staff_id = (SELECT id FROM main.staff
                                                 WHERE login_name = p_login);
    EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
END
$$;

-- Row versions.
ALTER TABLE casework.peer ADD COLUMN row_version integer NOT NULL DEFAULT 1;
ALTER TABLE casework.safe_contact ADD COLUMN row_version integer NOT NULL DEFAULT 1;
ALTER TABLE casework.one_to_one ADD COLUMN row_version integer NOT NULL DEFAULT 1;

CREATE FUNCTION casework.next_row_version() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    NEW.row_version := OLD.row_version + 1;
    RETURN NEW;
END
$$;
CREATE TRIGGER peer_row_version BEFORE UPDATE ON casework.peer
    FOR EACH ROW EXECUTE FUNCTION casework.next_row_version();
CREATE TRIGGER safe_contact_row_version BEFORE UPDATE ON casework.safe_contact
    FOR EACH ROW EXECUTE FUNCTION casework.next_row_version();
CREATE TRIGGER one_to_one_row_version BEFORE UPDATE ON casework.one_to_one
    FOR EACH ROW EXECUTE FUNCTION casework.next_row_version();
