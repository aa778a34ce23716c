-- Pruning the search caches' list of removed rows (casework.cache_drop, team
-- migration 4) by age.
--
-- The server can't know when every PC has taken an entry: a PC reads what is
-- new since its own watermark, and a PC left switched off for months still
-- holds one. So entries are kept for a fixed time (90 days), then deleted,
-- and the newest transaction id deleted is kept in `cache_drop_pruned`. A PC
-- whose watermark is at or below it may have missed an entry: it reads
-- everything it may see again and drops from its copy what is no longer
-- there (storage/team/search_cache.py), rather than keep a removed name.
--
-- Pruning is done by the PCs, through casework.prune_cache_drop(), as the
-- tables' owner: no login may delete entries itself, and the age is the
-- server's, not the caller's.

ALTER TABLE casework.cache_drop ADD COLUMN dropped_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX cache_drop_by_age ON casework.cache_drop (dropped_at);

CREATE TABLE casework.cache_drop_pruned (
    only_row       boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    pruned_through xid8 NOT NULL,           -- the newest changed_xid deleted
    pruned_at      timestamptz NOT NULL
);
ALTER TABLE casework.cache_drop_pruned ENABLE ROW LEVEL SECURITY;
ALTER TABLE casework.cache_drop_pruned FORCE ROW LEVEL SECURITY;
-- An id and a time, nothing about anyone: every PC reads it.
CREATE POLICY every_pc ON casework.cache_drop_pruned FOR SELECT TO {{staff}}
    USING ((SELECT main.current_staff_id()) IS NOT NULL);
-- The function below runs as the tables' owner, who is held to the policies too.
CREATE POLICY pruner ON casework.cache_drop_pruned FOR ALL TO CURRENT_USER
    USING (true) WITH CHECK (true);
CREATE POLICY pruner ON casework.cache_drop FOR ALL TO CURRENT_USER
    USING (true) WITH CHECK (true);
REVOKE ALL ON casework.cache_drop_pruned FROM PUBLIC;
GRANT SELECT ON casework.cache_drop_pruned TO {{staff}};

CREATE FUNCTION casework.prune_cache_drop() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_count   integer;
    v_through xid8;
BEGIN
    -- Only for a signed-in PeerDesk login; anyone else (a login deactivated since,
    -- whose PC then forgets its copy) prunes nothing.
    IF main.current_staff_id() IS NULL THEN
        RETURN 0;
    END IF;
    WITH gone AS (
        DELETE FROM casework.cache_drop WHERE dropped_at < now() - interval '90 days'
            RETURNING changed_xid)
    SELECT count(*), max(changed_xid) INTO v_count, v_through FROM gone;
    IF v_count > 0 THEN
        INSERT INTO casework.cache_drop_pruned AS p (pruned_through, pruned_at)
            VALUES (v_through, now())
            ON CONFLICT (only_row) DO UPDATE
            SET pruned_through = greatest(p.pruned_through, excluded.pruned_through),
                pruned_at = excluded.pruned_at;
    END IF;
    RETURN v_count;
END
$$;
REVOKE ALL ON FUNCTION casework.prune_cache_drop() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION casework.prune_cache_drop() TO {{staff}};
