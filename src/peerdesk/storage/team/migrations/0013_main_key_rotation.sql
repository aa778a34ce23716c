-- Team schema: a new main key generation when someone who held it leaves
-- (issue 18, "a former staff member with old copies"; docs/team-server.md).
--
-- The main key seals what every person's slot opens: staff names, the audit
-- events' details (and those moved in from a vault), the role grants' names,
-- and the supporters register's names, ways to reach them, check references
-- and hours notes. A former member who kept a copy of their slot (and knows
-- their old password) opens it with a later dump of the server unless those
-- values are sealed again under a key they never held.
--
-- It is the casework change of migration 8 with the table list of the main
-- schema: the same table of owed changes (what = 'main'), the same steps, the
-- same functions, now taking which key (which is also which schema holds its
-- sealed columns):
--
--   1. main.deactivate_staff_login records a change owed for every key the
--      person held (the main key, always; casework, when they held it).
--   2. An administrator claims it, makes generation n+1 of the main key,
--      seals it to every active slot (all hold the main key) and marks it
--      started: main.claim_rotation, main.start_rotation.
--   3. main.rotation_batch / main.rotation_reseal re-seal the main schema's
--      sealed columns in batches, resumable (each envelope names its
--      generation).
--   4. main.finish_rotation('main', n+1) checks none is left of an older
--      generation and deletes the older sealed main keys.
--
-- Administrators change the main key: they hold it, they already read every
-- main-sealed row (staff, the supporters register, the audit log: migration
-- 2's policies), so the batches show them nothing new; they are the ones who
-- deactivate people; and the server's policy already lets them seal the main
-- key to a person (admin_seals_main). A programme lead also reads all of it
-- but may not seal main keys, and nobody else reads all of it.
--
-- The audit chain: an event's hash (and signature) covers its detail's plain
-- text, never the ciphertext (storage/team/audit.py), as a role grant's
-- signature covers its opened name: re-sealing changes no hash and the chain
-- verifies across the change. The append-only tables allow exactly that one
-- change: their sealed column written again while re-sealing, nothing else.

ALTER TABLE main.team_rotation DROP CONSTRAINT team_rotation_what_check;
ALTER TABLE main.team_rotation ADD CONSTRAINT team_rotation_what_check
    CHECK (what IN ('casework', 'main'));

-- The functions below see the main tables' rows only while re-sealing, as for
-- casework (migration 8).
DO $$
DECLARE
    t regclass;
BEGIN
    FOR t IN SELECT DISTINCT a.attrelid::regclass FROM pg_attribute a
             JOIN pg_class c ON c.oid = a.attrelid
             WHERE c.relnamespace = 'main'::regnamespace AND c.relkind = 'r'
               AND c.relrowsecurity
               AND a.atttypid = 'main.sealed'::regtype AND a.attnum > 0
               AND NOT a.attisdropped LOOP
        EXECUTE format('CREATE POLICY owner_resealing ON %s FOR ALL TO CURRENT_USER '
                       'USING (current_setting(''peerdesk.resealing'', true) = ''on'') '
                       'WITH CHECK (current_setting(''peerdesk.resealing'', true) = ''on'')',
                       t);
    END LOOP;
END
$$;

-- Append-only rows, except that re-sealing may write their sealed columns (the
-- trigger's arguments) again: nothing else of the row. One function for the
-- audit logs, the role grants and the release register.
CREATE FUNCTION main.refuse_change_but_resealing() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND coalesce(current_setting('peerdesk.resealing', true), '') = 'on'
       AND (to_jsonb(NEW) - TG_ARGV) = (to_jsonb(OLD) - TG_ARGV) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME USING ERRCODE = '42501';
END
$$;
REVOKE ALL ON FUNCTION main.refuse_change_but_resealing() FROM PUBLIC;
DROP TRIGGER audit_event_append_only ON main.audit_event;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON main.audit_event
    FOR EACH ROW EXECUTE FUNCTION main.refuse_change_but_resealing('detail');
DROP TRIGGER imported_audit_append_only ON main.imported_audit_event;
CREATE TRIGGER imported_audit_append_only BEFORE UPDATE OR DELETE ON main.imported_audit_event
    FOR EACH ROW EXECUTE FUNCTION main.refuse_change_but_resealing('detail');
DROP TRIGGER role_grant_append_only ON main.role_grant;
CREATE TRIGGER role_grant_append_only BEFORE UPDATE OR DELETE ON main.role_grant
    FOR EACH ROW EXECUTE FUNCTION main.refuse_change_but_resealing('name_key');
DROP TRIGGER report_release_frozen ON casework.report_release;
CREATE TRIGGER report_release_frozen BEFORE UPDATE OR DELETE ON casework.report_release
    FOR EACH ROW EXECUTE FUNCTION main.refuse_change_but_resealing('note');
DROP FUNCTION casework.report_release_frozen();

-- The oldest generation of a key still sealed to anyone (NULL: none yet).
CREATE FUNCTION main.generation_floor(p_what text) RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$ SELECT min(generation) FROM main.team_sealed_key WHERE what = p_what $$;
REVOKE ALL ON FUNCTION main.generation_floor(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION main.generation_floor(text) TO {{staff}};

-- Refuses a sealed value older than every key of its schema still held (a PC
-- signed in before a change writing with the replaced key).
CREATE FUNCTION main.sealed_generation_check() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_floor integer := main.generation_floor(TG_TABLE_SCHEMA::text);
    v_row jsonb;
    v_column text;
    v_hex text;
BEGIN
    IF v_floor IS NULL THEN
        RETURN NEW;
    END IF;
    v_row := to_jsonb(NEW);
    FOREACH v_column IN ARRAY TG_ARGV LOOP
        v_hex := v_row ->> v_column;   -- '\x' and the bytes in hex
        IF v_hex IS NOT NULL
                AND ('x' || substr(v_hex, 5, 8))::bit(32)::integer < v_floor THEN
            RAISE EXCEPTION 'sealed with a % key that has been replaced: sign in '
                            'again to get the new one', TG_TABLE_SCHEMA USING ERRCODE = '22023';
        END IF;
    END LOOP;
    RETURN NEW;
END
$$;

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT a.attrelid::regclass AS rel, c.relname, n.nspname,
                    array_agg(quote_literal(a.attname) ORDER BY a.attnum) AS cols
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname IN ('casework', 'main') AND c.relkind = 'r'
               AND a.atttypid = 'main.sealed'::regtype AND a.attnum > 0
               AND NOT a.attisdropped
             GROUP BY a.attrelid, c.relname, n.nspname LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s',
                       t.relname || '_sealed_generation', t.rel);
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %s FOR EACH ROW '
                       'EXECUTE FUNCTION main.sealed_generation_check(%s)',
                       t.relname || '_sealed_generation', t.rel, array_to_string(t.cols, ', '));
    END LOOP;
END
$$;
DROP FUNCTION casework.sealed_generation_check();
DROP FUNCTION main.casework_generation_floor();

-- Deactivating a person records a change owed for every key they held.
CREATE OR REPLACE FUNCTION main.deactivate_staff_login(p_login text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_id integer;
BEGIN
    UPDATE main.staff SET active = false, status = 'deactivated' WHERE login_name = p_login
        RETURNING id INTO v_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no PeerDesk staff login %', p_login USING ERRCODE = '22023';
    END IF;
    INSERT INTO main.team_rotation (what, owed_for)
        SELECT DISTINCT what, v_id FROM main.team_sealed_key
        WHERE staff_id = v_id AND what IN ('casework', 'main')  -- not their signing key
        ON CONFLICT (what) WHERE started_at IS NULL DO NOTHING;
    DELETE FROM main.team_slot WHERE staff_id = v_id;
    EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
END
$$;

-- Who may change which key: casework, an active programme lead or caseworker;
-- main, an active administrator.
CREATE FUNCTION main.may_rotate(p_what text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce((SELECT roles && CASE p_what
                                         WHEN 'casework' THEN ARRAY['programme_lead', 'caseworker']
                                         WHEN 'main' THEN ARRAY['admin']
                                     END
                     FROM main.staff WHERE id = main.current_staff_id()), false)
$$;

CREATE FUNCTION main.require_rotator(p_what text) RETURNS integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT coalesce(main.may_rotate(p_what), false) THEN
        RAISE EXCEPTION 'only % can change the % key',
            CASE p_what WHEN 'main' THEN 'an administrator'
                        ELSE 'a programme lead or a caseworker' END, p_what
            USING ERRCODE = '42501';
    END IF;
    RETURN main.current_staff_id();
END
$$;

-- The casework ones keep their names (main.claim_first_casework_key uses them).
CREATE OR REPLACE FUNCTION main.may_rotate() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$ SELECT main.may_rotate('casework') $$;
CREATE OR REPLACE FUNCTION main.require_rotator() RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$ SELECT main.require_rotator('casework') $$;

-- Step 2a: claim an owed change of either key.
CREATE OR REPLACE FUNCTION main.claim_rotation(p_id integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_what text;
    v_started timestamptz;
BEGIN
    SELECT what INTO v_what FROM main.team_rotation WHERE id = p_id;
    PERFORM main.require_rotator(coalesce(v_what, 'casework'));
    SELECT started_at INTO v_started FROM main.team_rotation WHERE id = p_id FOR UPDATE;
    IF NOT FOUND OR v_started IS NOT NULL THEN
        RETURN NULL;
    END IF;
    IF EXISTS (SELECT 1 FROM main.team_rotation WHERE what = v_what
               AND started_at IS NOT NULL AND finished_at IS NULL) THEN
        RETURN NULL;   -- one under way: finish it first
    END IF;
    RETURN (SELECT coalesce(max(generation), 1) + 1 FROM main.team_sealed_key
            WHERE what = v_what);
END
$$;

-- Step 2b: mark it started, once generation p_generation is sealed to every
-- active slot that holds the key and whose roles still open it (every role
-- opens the main key), the caller's too.
CREATE OR REPLACE FUNCTION main.start_rotation(p_id integer, p_generation integer)
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_what text := (SELECT what FROM main.team_rotation WHERE id = p_id);
    v_me integer := main.require_rotator(coalesce(v_what, 'casework'));
BEGIN
    IF p_generation IS DISTINCT FROM (SELECT max(generation) FROM main.team_sealed_key
                                      WHERE what = v_what) THEN
        RAISE EXCEPTION 'the new % key is not the newest generation', v_what
            USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM main.team_slot k JOIN main.staff s ON s.id = k.staff_id
               WHERE s.active
                 AND (v_what = 'main'
                      OR s.roles && ARRAY['programme_lead', 'caseworker', 'peer_supporter'])
                 AND EXISTS (SELECT 1 FROM main.team_sealed_key x WHERE x.staff_id = k.staff_id
                             AND x.what = v_what)
                 AND NOT EXISTS (SELECT 1 FROM main.team_sealed_key x
                                 WHERE x.staff_id = k.staff_id AND x.what = v_what
                                   AND x.generation = p_generation))
       OR NOT EXISTS (SELECT 1 FROM main.team_sealed_key WHERE staff_id = v_me
                      AND what = v_what AND generation = p_generation) THEN
        RAISE EXCEPTION 'the new % key is not sealed to everyone who holds it', v_what
            USING ERRCODE = '22023';
    END IF;
    UPDATE main.team_rotation SET to_generation = p_generation, started_by = v_me,
                                  started_at = now()
        WHERE id = p_id AND started_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'this key change was started already' USING ERRCODE = '55000';
    END IF;
END
$$;

-- The running change of key p_what to p_generation, for the checks below.
CREATE FUNCTION main.running_rotation(p_what text, p_generation integer) RETURNS integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_id integer;
BEGIN
    PERFORM main.require_rotator(p_what);
    SELECT id INTO v_id FROM main.team_rotation WHERE what = p_what
        AND started_at IS NOT NULL AND finished_at IS NULL AND to_generation = p_generation;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no % key change to generation % is under way', p_what, p_generation
            USING ERRCODE = '55000';
    END IF;
    RETURN v_id;
END
$$;

-- A table's sealed columns in the schema whose key is being changed (checked
-- against the catalogue: only sealed columns are ever handed out).
CREATE FUNCTION main.sealed_columns_of(p_schema text, p_table text, p_columns text[])
    RETURNS regclass
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_rel regclass := CASE WHEN p_schema IN ('casework', 'main')
                           THEN to_regclass(format('%I.%I', p_schema, p_table)) END;
BEGIN
    IF v_rel IS NULL OR cardinality(p_columns) IS NULL OR EXISTS (
            SELECT 1 FROM unnest(p_columns) c WHERE NOT EXISTS (
                SELECT 1 FROM pg_attribute a WHERE a.attrelid = v_rel AND a.attname = c
                  AND a.atttypid = 'main.sealed'::regtype AND NOT a.attisdropped)) THEN
        RAISE EXCEPTION 'not sealed % columns: %.%', p_schema, p_table, p_columns
            USING ERRCODE = '42501';
    END IF;
    RETURN v_rel;
END
$$;

-- Step 3a: up to p_limit rows of one table (of schema p_what) with a sealed
-- value not yet of generation p_generation: where the row is, what binds its
-- sealed values (p_binds joined by '/', as the client seals them) and the values.
CREATE FUNCTION main.rotation_batch(p_what text, p_table text, p_binds text[],
                                    p_columns text[], p_generation integer, p_limit integer)
    RETURNS TABLE (row_tid tid, row_ref text, sealed bytea[])
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_rel regclass;
BEGIN
    PERFORM main.running_rotation(p_what, p_generation);
    v_rel := main.sealed_columns_of(p_what, p_table, p_columns);
    -- The primary key; on the main schema a unique key too (a staff name is
    -- bound to the login name, so it follows the login).
    IF NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = v_rel
                   AND (i.indisprimary OR (p_what = 'main' AND i.indisunique))
                   AND NOT EXISTS (SELECT 1 FROM unnest(p_binds) b WHERE NOT EXISTS (
                       SELECT 1 FROM pg_attribute a WHERE a.attrelid = v_rel
                         AND a.attnum = ANY (i.indkey) AND a.attname = b))) THEN
        RAISE EXCEPTION 'not a key of %: %', p_table, p_binds USING ERRCODE = '42501';
    END IF;
    PERFORM set_config('peerdesk.resealing', 'on', true);
    RETURN QUERY EXECUTE format(
        'SELECT ctid, concat_ws(''/'', %s), ARRAY[%s]::bytea[] FROM %s WHERE %s LIMIT $2',
        (SELECT string_agg(format('%I::text', b), ', ') FROM unnest(p_binds) b),
        (SELECT string_agg(format('%I::bytea', c), ', ') FROM unnest(p_columns) c),
        v_rel,
        (SELECT string_agg(format('main.sealed_generation(%I) <> $1', c), ' OR ')
         FROM unnest(p_columns) c))
        USING p_generation, p_limit;
    PERFORM set_config('peerdesk.resealing', 'off', true);
END
$$;

-- Step 3b: write a batch back (as migration 8: a row only if unchanged since
-- it was read). How many rows were written.
CREATE FUNCTION main.rotation_reseal(p_what text, p_table text, p_columns text[],
                                     p_generation integer, p_tids tid[], p_old bytea[],
                                     p_new bytea[])
    RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_id integer := main.running_rotation(p_what, p_generation);
    v_rel regclass := main.sealed_columns_of(p_what, p_table, p_columns);
    v_width integer := cardinality(p_columns);
    v_done integer;
BEGIN
    IF p_tids IS NULL OR cardinality(p_tids) = 0 THEN
        RETURN 0;
    END IF;
    IF array_ndims(p_old) <> 2 OR array_ndims(p_new) <> 2
       OR array_length(p_old, 1) <> cardinality(p_tids)
       OR array_length(p_new, 1) <> cardinality(p_tids)
       OR array_length(p_old, 2) <> v_width OR array_length(p_new, 2) <> v_width
       OR EXISTS (SELECT 1 FROM unnest(p_new) v
                  WHERE v IS NOT NULL AND main.sealed_generation(v) <> p_generation) THEN
        RAISE EXCEPTION 're-sealed values must all be of generation %', p_generation
            USING ERRCODE = '22023';
    END IF;
    PERFORM set_config('peerdesk.resealing', 'on', true);
    EXECUTE format('UPDATE %s AS t SET %s FROM unnest($1) WITH ORDINALITY AS u(tid, i) '
                   'WHERE t.ctid = ANY ($1) AND t.ctid = u.tid AND %s', v_rel,
                   (SELECT string_agg(format('%I = $3[u.i][%s]', c, n), ', ')
                    FROM unnest(p_columns) WITH ORDINALITY AS x(c, n)),
                   (SELECT string_agg(format('t.%I::bytea IS NOT DISTINCT FROM $2[u.i][%s]',
                                             c, n), ' AND ')
                    FROM unnest(p_columns) WITH ORDINALITY AS x(c, n)))
        USING p_tids, p_old, p_new;
    GET DIAGNOSTICS v_done = ROW_COUNT;
    PERFORM set_config('peerdesk.resealing', 'off', true);
    UPDATE main.team_rotation SET rows_resealed = rows_resealed + v_done WHERE id = v_id;
    RETURN v_done;
END
$$;

-- Step 4: with writers held off, check that no sealed value of schema p_what
-- names an older generation, then delete every older key of it. How many went.
CREATE FUNCTION main.finish_rotation(p_what text, p_generation integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_id integer := main.running_rotation(p_what, p_generation);
    t record;
    v_left boolean;
    v_gone integer;
BEGIN
    PERFORM set_config('peerdesk.resealing', 'on', true);
    FOR t IN SELECT a.attrelid::regclass AS rel,
                    string_agg(format('main.sealed_generation(%I) <> $1', a.attname),
                               ' OR ') AS test
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
             WHERE c.relnamespace = p_what::regnamespace AND c.relkind = 'r'
               AND a.atttypid = 'main.sealed'::regtype AND a.attnum > 0
               AND NOT a.attisdropped
             GROUP BY a.attrelid LOOP
        EXECUTE format('LOCK TABLE %s IN SHARE MODE', t.rel);
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s WHERE %s)', t.rel, t.test)
            INTO v_left USING p_generation;
        IF v_left THEN
            RAISE EXCEPTION 'rows of % are still sealed with an older % key', t.rel, p_what
                USING ERRCODE = '55000';
        END IF;
    END LOOP;
    PERFORM set_config('peerdesk.resealing', 'off', true);
    DELETE FROM main.team_sealed_key WHERE what = p_what AND generation < p_generation;
    GET DIAGNOSTICS v_gone = ROW_COUNT;
    UPDATE main.team_rotation SET finished_at = now() WHERE id = v_id;
    RETURN v_gone;
END
$$;

DROP FUNCTION main.running_rotation(integer);
DROP FUNCTION main.sealed_columns_of(text, text[]);
DROP FUNCTION main.rotation_batch(text, text[], text[], integer, integer);
DROP FUNCTION main.rotation_reseal(text, text[], integer, tid[], bytea[], bytea[]);
DROP FUNCTION main.finish_rotation(integer);

REVOKE ALL ON FUNCTION main.may_rotate(text), main.require_rotator(text),
    main.running_rotation(text, integer), main.sealed_columns_of(text, text, text[]),
    main.rotation_batch(text, text, text[], text[], integer, integer),
    main.rotation_reseal(text, text, text[], integer, tid[], bytea[], bytea[]),
    main.finish_rotation(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION main.may_rotate(text),
    main.rotation_batch(text, text, text[], text[], integer, integer),
    main.rotation_reseal(text, text, text[], integer, tid[], bytea[], bytea[]),
    main.finish_rotation(text, integer) TO {{staff}};
