-- Team schema: a new casework key generation when someone who held casework
-- leaves (issue 18, "rotation on revocation"; docs/architecture.md, "Team mode").
--
-- The server can't re-encrypt what it can't read, so a rotation is client
-- work; the server records it as owed, hands out and takes back the sealed
-- values, and refuses to drop the old key while any row still needs it:
--
--   1. main.deactivate_staff_login records a casework rotation as owed when the
--      person held a casework key (an administrator's deactivation of a
--      caseworker is the usual case: the administrator holds no casework).
--   2. The next programme lead or caseworker to sign in claims it, makes key
--      generation n+1, seals it to every active slot whose roles open casework
--      (main.team_sealed_key is keyed by generation) and marks it started
--      (main.claim_rotation, then main.start_rotation, in one transaction).
--   3. They re-seal every sealed casework column in batches: main.rotation_batch
--      gives rows whose envelope names another generation, main.rotation_reseal
--      writes one row back only if it is unchanged since it was read. Old and new
--      read side by side meanwhile (each envelope names its generation); an
--      interrupted rotation resumes from what is left, since the rows themselves
--      say which are done.
--   4. main.finish_rotation checks that no row still names an older generation
--      (with writers held off) and only then deletes the older sealed keys.
--
-- After that the server refuses a sealed casework value of an older generation
-- than any key still held (a PC signed in before the rotation, say): it would
-- be ciphertext nobody could open any more.
--
-- Only programme leads and caseworkers rotate: re-sealing shows every row's
-- ciphertext, and a peer supporter's login sees only their assigned peers.

CREATE TABLE main.team_rotation (
    id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    what          text NOT NULL CHECK (what IN ('casework')),
    owed_for      integer REFERENCES main.staff (id),  -- whose leaving made it owed
    owed_at       timestamptz NOT NULL DEFAULT now(),
    to_generation integer CHECK (to_generation > 1),
    started_by    integer REFERENCES main.staff (id),
    started_at    timestamptz,
    rows_resealed bigint NOT NULL DEFAULT 0,
    finished_at   timestamptz,
    CHECK ((started_at IS NULL) = (to_generation IS NULL)),
    CHECK (finished_at IS NULL OR started_at IS NOT NULL)
);
-- At most one rotation waiting to start (more people leaving before it starts
-- are covered by it) and one under way.
CREATE UNIQUE INDEX team_rotation_owed ON main.team_rotation (what) WHERE started_at IS NULL;
CREATE UNIQUE INDEX team_rotation_running ON main.team_rotation (what)
    WHERE started_at IS NOT NULL AND finished_at IS NULL;

ALTER TABLE main.team_rotation ENABLE ROW LEVEL SECURITY;
ALTER TABLE main.team_rotation FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_functions ON main.team_rotation FOR ALL TO CURRENT_USER
    USING (true) WITH CHECK (true);
CREATE POLICY signed_in ON main.team_rotation FOR SELECT TO {{staff}}
    USING ((SELECT main.current_staff_id()) IS NOT NULL);
GRANT SELECT ON main.team_rotation TO {{staff}};

-- The functions below run as the tables' owner, which is held to row security
-- (FORCE) on casework too: it sees the rows of the tables with sealed columns
-- only while one of them has set peerdesk.resealing for its own statement (an
-- owner could set it by hand, as it could lift FORCE on its own tables: the
-- point is that nothing the owner does by mistake reaches casework).
DO $$
DECLARE
    t regclass;
BEGIN
    FOR t IN SELECT DISTINCT a.attrelid::regclass FROM pg_attribute a
             JOIN pg_class c ON c.oid = a.attrelid
             WHERE c.relnamespace = 'casework'::regnamespace AND c.relkind = 'r'
               AND a.atttypid = 'main.sealed'::regtype AND a.attnum > 0
               AND NOT a.attisdropped LOOP
        EXECUTE format('CREATE POLICY owner_resealing ON %s FOR ALL TO CURRENT_USER '
                       'USING (current_setting(''peerdesk.resealing'', true) = ''on'') '
                       'WITH CHECK (current_setting(''peerdesk.resealing'', true) = ''on'')',
                       t);
    END LOOP;
END
$$;

-- The generation an envelope names (bytes 2 to 5, big-endian).
CREATE FUNCTION main.sealed_generation(p_value bytea) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT
    SET search_path = pg_catalog, pg_temp
AS $$ SELECT (get_byte(p_value, 1) << 24) | (get_byte(p_value, 2) << 16)
             | (get_byte(p_value, 3) << 8) | get_byte(p_value, 4) $$;
GRANT EXECUTE ON FUNCTION main.sealed_generation(bytea) TO {{staff}};

-- The oldest casework key generation still sealed to anyone (NULL: none yet).
CREATE FUNCTION main.casework_generation_floor() RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$ SELECT min(generation) FROM main.team_sealed_key WHERE what = 'casework' $$;
REVOKE ALL ON FUNCTION main.casework_generation_floor() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION main.casework_generation_floor() TO {{staff}};

-- Refuses a sealed casework value older than every key still held.
CREATE FUNCTION casework.sealed_generation_check() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_floor integer := main.casework_generation_floor();
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
            RAISE EXCEPTION 'sealed with a casework key that has been replaced: sign in '
                            'again to get the new one' USING ERRCODE = '22023';
        END IF;
    END LOOP;
    RETURN NEW;
END
$$;

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT a.attrelid::regclass AS rel, c.relname,
                    array_agg(quote_literal(a.attname) ORDER BY a.attnum) AS cols
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
             WHERE c.relnamespace = 'casework'::regnamespace AND c.relkind = 'r'
               AND a.atttypid = 'main.sealed'::regtype AND a.attnum > 0
               AND NOT a.attisdropped
             GROUP BY a.attrelid, c.relname LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %s FOR EACH ROW '
                       'EXECUTE FUNCTION casework.sealed_generation_check(%s)',
                       t.relname || '_sealed_generation', t.rel, array_to_string(t.cols, ', '));
    END LOOP;
END
$$;

-- Re-sealing changes no one's record: it doesn't count as an edit.
CREATE OR REPLACE FUNCTION casework.next_row_version() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF coalesce(current_setting('peerdesk.resealing', true), '') = 'on' THEN
        NEW.row_version := OLD.row_version;
    ELSE
        NEW.row_version := OLD.row_version + 1;
    END IF;
    RETURN NEW;
END
$$;

-- The release register stays frozen, except that re-sealing may write its
-- sealed note again (nothing else of the row, and only inside the functions
-- below: no client login may UPDATE it at all).
CREATE FUNCTION casework.report_release_frozen() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF coalesce(current_setting('peerdesk.resealing', true), '') = 'on'
           AND (to_jsonb(NEW) - 'note') = (to_jsonb(OLD) - 'note') THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME USING ERRCODE = '42501';
END
$$;
DROP TRIGGER report_release_frozen ON casework.report_release;
CREATE TRIGGER report_release_frozen BEFORE UPDATE OR DELETE ON casework.report_release
    FOR EACH ROW EXECUTE FUNCTION casework.report_release_frozen();

-- Deactivating a person who held casework now also records a rotation as owed.
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
    IF EXISTS (SELECT 1 FROM main.team_sealed_key
               WHERE staff_id = v_id AND what = 'casework') THEN
        INSERT INTO main.team_rotation (what, owed_for) VALUES ('casework', v_id)
            ON CONFLICT (what) WHERE started_at IS NULL DO NOTHING;
    END IF;
    DELETE FROM main.team_slot WHERE staff_id = v_id;
    EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
END
$$;

-- Who may rotate: an active programme lead or caseworker.
CREATE FUNCTION main.may_rotate() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce((SELECT roles && ARRAY['programme_lead', 'caseworker'] FROM main.staff
                     WHERE id = main.current_staff_id()), false)
$$;

CREATE FUNCTION main.require_rotator() RETURNS integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT main.may_rotate() THEN
        RAISE EXCEPTION 'only a programme lead or a caseworker can change the casework key'
            USING ERRCODE = '42501';
    END IF;
    RETURN main.current_staff_id();
END
$$;

-- Step 2a: claim the owed rotation (locked until the caller's transaction ends,
-- so two PCs signing in at once don't both make a key); the generation to make,
-- or NULL when someone else started it meanwhile.
CREATE FUNCTION main.claim_rotation(p_id integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_started timestamptz;
BEGIN
    PERFORM main.require_rotator();
    SELECT started_at INTO v_started FROM main.team_rotation WHERE id = p_id FOR UPDATE;
    IF NOT FOUND OR v_started IS NOT NULL THEN
        RETURN NULL;
    END IF;
    IF EXISTS (SELECT 1 FROM main.team_rotation WHERE what = 'casework'
               AND started_at IS NOT NULL AND finished_at IS NULL) THEN
        RETURN NULL;   -- one under way: finish it first
    END IF;
    RETURN (SELECT coalesce(max(generation), 1) + 1 FROM main.team_sealed_key
            WHERE what = 'casework');
END
$$;

-- Step 2b: mark it started, once generation p_generation is sealed to every
-- active slot that holds casework and whose roles still open it (the caller's
-- too; someone whose roles no longer open it loses the old generation at the end).
CREATE FUNCTION main.start_rotation(p_id integer, p_generation integer) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_me integer := main.require_rotator();
BEGIN
    IF p_generation IS DISTINCT FROM (SELECT max(generation) FROM main.team_sealed_key
                                      WHERE what = 'casework') THEN
        RAISE EXCEPTION 'the new casework key is not the newest generation'
            USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM main.team_slot k JOIN main.staff s ON s.id = k.staff_id
               WHERE s.active
                 AND s.roles && ARRAY['programme_lead', 'caseworker', 'peer_supporter']
                 AND EXISTS (SELECT 1 FROM main.team_sealed_key x WHERE x.staff_id = k.staff_id
                             AND x.what = 'casework')
                 AND NOT EXISTS (SELECT 1 FROM main.team_sealed_key x
                                 WHERE x.staff_id = k.staff_id AND x.what = 'casework'
                                   AND x.generation = p_generation))
       OR NOT EXISTS (SELECT 1 FROM main.team_sealed_key WHERE staff_id = v_me
                      AND what = 'casework' AND generation = p_generation) THEN
        RAISE EXCEPTION 'the new casework key is not sealed to everyone who holds casework'
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

-- The running rotation's new generation, for the checks below.
CREATE FUNCTION main.running_rotation(p_generation integer) RETURNS integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_id integer;
BEGIN
    PERFORM main.require_rotator();
    SELECT id INTO v_id FROM main.team_rotation WHERE what = 'casework'
        AND started_at IS NOT NULL AND finished_at IS NULL AND to_generation = p_generation;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no casework key change to generation % is under way', p_generation
            USING ERRCODE = '55000';
    END IF;
    RETURN v_id;
END
$$;

-- A casework table's sealed columns (checked against the catalogue, so only
-- sealed columns of casework tables are ever handed out).
CREATE FUNCTION main.sealed_columns_of(p_table text, p_columns text[]) RETURNS regclass
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_rel regclass := to_regclass(format('casework.%I', p_table));
BEGIN
    IF v_rel IS NULL OR cardinality(p_columns) IS NULL OR EXISTS (
            SELECT 1 FROM unnest(p_columns) c WHERE NOT EXISTS (
                SELECT 1 FROM pg_attribute a WHERE a.attrelid = v_rel AND a.attname = c
                  AND a.atttypid = 'main.sealed'::regtype AND NOT a.attisdropped)) THEN
        RAISE EXCEPTION 'not sealed casework columns: %.%', p_table, p_columns
            USING ERRCODE = '42501';
    END IF;
    RETURN v_rel;
END
$$;

-- Step 3a: up to p_limit rows of one table with a sealed value not yet of
-- generation p_generation: where the row is, what binds its sealed values
-- (p_binds joined by '/', as the client seals them) and the values.
CREATE FUNCTION main.rotation_batch(p_table text, p_binds text[], p_columns text[],
                                    p_generation integer, p_limit integer)
    RETURNS TABLE (row_tid tid, row_ref text, sealed bytea[])
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_rel regclass := main.sealed_columns_of(p_table, p_columns);
BEGIN
    PERFORM main.running_rotation(p_generation);
    IF EXISTS (SELECT 1 FROM unnest(p_binds) b WHERE NOT EXISTS (
            SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid
                AND a.attnum = ANY (i.indkey)
            WHERE i.indrelid = v_rel AND i.indisprimary AND a.attname = b)) THEN
        RAISE EXCEPTION 'not the key of %: %', p_table, p_binds USING ERRCODE = '42501';
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

-- Step 3b: write a batch of rows back, sealed with generation p_generation:
-- p_tids[i] is where row i was, p_old[i] its values as rotation_batch gave
-- them, p_new[i] the same sealed again. A row is written only if its values are
-- still p_old[i] (an edit meanwhile wins; the row comes round again if it still
-- needs it). How many rows were written.
CREATE FUNCTION main.rotation_reseal(p_table text, p_columns text[], p_generation integer,
                                     p_tids tid[], p_old bytea[], p_new bytea[])
    RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_rel regclass := main.sealed_columns_of(p_table, p_columns);
    v_id integer := main.running_rotation(p_generation);
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

-- Step 4: with writers held off, check that no sealed casework value names an
-- older generation, then delete every older casework key. How many keys went.
CREATE FUNCTION main.finish_rotation(p_generation integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_id integer := main.running_rotation(p_generation);
    t record;
    v_left boolean;
    v_gone integer;
BEGIN
    PERFORM set_config('peerdesk.resealing', 'on', true);
    FOR t IN SELECT a.attrelid::regclass AS rel,
                    string_agg(format('main.sealed_generation(%I) <> $1', a.attname),
                               ' OR ') AS test
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
             WHERE c.relnamespace = 'casework'::regnamespace AND c.relkind = 'r'
               AND a.atttypid = 'main.sealed'::regtype AND a.attnum > 0
               AND NOT a.attisdropped
             GROUP BY a.attrelid LOOP
        EXECUTE format('LOCK TABLE %s IN SHARE MODE', t.rel);
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s WHERE %s)', t.rel, t.test)
            INTO v_left USING p_generation;
        IF v_left THEN
            RAISE EXCEPTION 'rows of % are still sealed with an older casework key', t.rel
                USING ERRCODE = '55000';
        END IF;
    END LOOP;
    PERFORM set_config('peerdesk.resealing', 'off', true);
    DELETE FROM main.team_sealed_key WHERE what = 'casework' AND generation < p_generation;
    GET DIAGNOSTICS v_gone = ROW_COUNT;
    UPDATE main.team_rotation SET finished_at = now() WHERE id = v_id;
    RETURN v_gone;
END
$$;

REVOKE ALL ON FUNCTION main.may_rotate(), main.require_rotator(),
    main.claim_rotation(integer), main.start_rotation(integer, integer),
    main.running_rotation(integer), main.sealed_columns_of(text, text[]),
    main.rotation_batch(text, text[], text[], integer, integer),
    main.rotation_reseal(text, text[], integer, tid[], bytea[], bytea[]),
    main.finish_rotation(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION main.may_rotate(), main.claim_rotation(integer),
    main.start_rotation(integer, integer),
    main.rotation_batch(text, text[], text[], integer, integer),
    main.rotation_reseal(text, text[], integer, tid[], bytea[], bytea[]),
    main.finish_rotation(integer) TO {{staff}};
