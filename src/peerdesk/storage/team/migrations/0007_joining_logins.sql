-- Team schema version 5: logins for people moved in from a vault, and a
-- person's own password change.
--
-- A person moved in by `peerdesk team migrate` has a staff row (login
-- `<database>_s<vault id>`) but no login and no key slot. An administrator
-- issues them a one-time joining password (storage/team/people.py): the
-- client makes the login their PeerDesk name gives (`<database>_p` and a keyed
-- hash, as every PC that signs in computes it), seals their name again for
-- that login, and makes the SCRAM verifier of the joining password; the
-- server renames the row's login, marks the password as to be changed, and
-- makes the login with main.enable_staff_login. The client then adds their
-- key slot holding the main key (casework is owed, as for anyone an
-- administrator adds). At their first sign-in the person must choose their
-- own password: main.change_own_password replaces the verifier and the
-- slot's wrapping (the same key pair, wrapped under the new password), and
-- clears the mark.

CREATE FUNCTION main.issue_staff_login(p_staff_id integer, p_login text,
                                       p_display main.sealed, p_verifier text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_old text;
BEGIN
    SELECT login_name INTO v_old FROM main.staff
        WHERE id = p_staff_id AND status = 'active' FOR UPDATE;
    IF v_old IS NULL THEN
        RAISE EXCEPTION 'no active PeerDesk staff member %', p_staff_id USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_old)
            OR EXISTS (SELECT 1 FROM main.team_slot WHERE staff_id = p_staff_id) THEN
        RAISE EXCEPTION 'staff member % already has a login', p_staff_id USING ERRCODE = '42710';
    END IF;
    IF p_login !~ '^[a-z][a-z0-9_]{0,62}$' OR left(p_login, length({{database.name}}) + 2)
            <> {{database.name}} || '_p' THEN
        RAISE EXCEPTION 'a joining login is named %_p followed by lower-case letters and digits',
            {{database.name}} USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM main.staff WHERE login_name = p_login)
            OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        RAISE EXCEPTION 'that name is already someone''s login' USING ERRCODE = '42710';
    END IF;
    UPDATE main.staff SET login_name = p_login, display_name = p_display,
                          must_change_password = true
        WHERE id = p_staff_id;
    RETURN main.enable_staff_login(p_staff_id, p_verifier);
END
$$;
REVOKE ALL ON FUNCTION main.issue_staff_login(integer, text, main.sealed, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION main.issue_staff_login(integer, text, main.sealed, text) TO {{admin}};

CREATE FUNCTION main.change_own_password(p_verifier text, p_slot jsonb) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_me integer := main.current_staff_id();
BEGIN
    IF v_me IS NULL THEN
        RAISE EXCEPTION 'not signed in as an active PeerDesk person' USING ERRCODE = '42501';
    END IF;
    IF p_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        RAISE EXCEPTION 'a SCRAM-SHA-256 verifier is needed, never a password'
            USING ERRCODE = '22023';
    END IF;
    -- The same slot and key pair, wrapped again: nothing sealed to it changes.
    UPDATE main.team_slot SET slot = p_slot
        WHERE staff_id = v_me AND slot->>'id' = p_slot->>'id'
          AND slot->>'public_key' = p_slot->>'public_key';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'that is not your key slot' USING ERRCODE = '22023';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', session_user, p_verifier);
    UPDATE main.staff SET must_change_password = false WHERE id = v_me;
END
$$;
REVOKE ALL ON FUNCTION main.change_own_password(text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION main.change_own_password(text, jsonb) TO {{staff}};
