-- Change markers for each PC's search cache (storage/team/search_cache.py).
--
-- Every insert or update of a peer, a one-to-one session or a session's note
-- stamps `changed_xid` with the writing transaction's id (a trigger, so no
-- writer can forget). A PC keeps, as its watermark, the oldest transaction
-- still running when it last read (pg_snapshot_xmin of its snapshot) and next
-- time asks for rows stamped at or after it: a transaction that committed
-- late, with an older stamp than rows already read, is still caught, which a
-- timestamp could miss. Reading some rows twice is harmless.
--
-- Rows a login can no longer see leave no changed row behind for it: a
-- deleted (erased) peer, session or note, and a peer whose caseworker or
-- supporter changed (a peer supporter who loses them can't read the row
-- any more). Those are written to `casework.cache_drop`: only ids and staff
-- ids, never a name. A PC checks each id it holds against what it may still
-- see. Row security lets a peer supporter read only the entries about rows
-- they were assigned or wrote; caseworkers and programme leads read all.

ALTER TABLE casework.peer ADD COLUMN changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE casework.one_to_one
    ADD COLUMN changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE casework.one_to_one_note
    ADD COLUMN changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX peer_by_change ON casework.peer (changed_xid);
CREATE INDEX one_to_one_by_change ON casework.one_to_one (changed_xid);
CREATE INDEX one_to_one_note_by_change ON casework.one_to_one_note (changed_xid);

CREATE FUNCTION casework.stamp_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    NEW.changed_xid := pg_current_xact_id();
    RETURN NEW;
END
$$;
CREATE TRIGGER peer_stamp_change BEFORE INSERT OR UPDATE ON casework.peer
    FOR EACH ROW EXECUTE FUNCTION casework.stamp_change();
CREATE TRIGGER one_to_one_stamp_change BEFORE INSERT OR UPDATE ON casework.one_to_one
    FOR EACH ROW EXECUTE FUNCTION casework.stamp_change();
CREATE TRIGGER one_to_one_note_stamp_change BEFORE INSERT OR UPDATE
    ON casework.one_to_one_note FOR EACH ROW EXECUTE FUNCTION casework.stamp_change();

CREATE TABLE casework.cache_drop (
    seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    what          text NOT NULL CHECK (what IN ('peer', 'session')),
    row_id        uuid NOT NULL,
    -- Who could see the row before (no foreign keys: a staff row may go).
    caseworker_id integer,
    supporter_id  integer,
    worker_id     integer,
    changed_xid   xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX cache_drop_by_change ON casework.cache_drop (changed_xid);

-- Written only by the triggers below, as the tables' owner.
CREATE FUNCTION casework.record_drop() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_caseworker integer;
    v_supporter  integer;
    v_worker     integer;
BEGIN
    IF TG_TABLE_NAME = 'peer' THEN
        INSERT INTO casework.cache_drop (what, row_id, caseworker_id, supporter_id)
            VALUES ('peer', OLD.id, OLD.caseworker_id, OLD.supporter_id);
    ELSIF TG_TABLE_NAME = 'one_to_one' THEN
        SELECT caseworker_id, supporter_id INTO v_caseworker, v_supporter
            FROM casework.peer WHERE id = OLD.peer_id;
        INSERT INTO casework.cache_drop (what, row_id, caseworker_id, supporter_id, worker_id)
            VALUES ('session', OLD.id, v_caseworker, v_supporter, OLD.worker_id);
    ELSE
        SELECT s.worker_id, p.caseworker_id, p.supporter_id
            INTO v_worker, v_caseworker, v_supporter
            FROM casework.one_to_one s JOIN casework.peer p ON p.id = s.peer_id
            WHERE s.id = OLD.session_id;
        INSERT INTO casework.cache_drop (what, row_id, caseworker_id, supporter_id, worker_id)
            VALUES ('session', OLD.session_id, v_caseworker, v_supporter, v_worker);
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION casework.record_drop() FROM PUBLIC;

CREATE TRIGGER peer_drop AFTER DELETE ON casework.peer
    FOR EACH ROW EXECUTE FUNCTION casework.record_drop();
CREATE TRIGGER peer_reassigned_drop AFTER UPDATE OF caseworker_id, supporter_id
    ON casework.peer FOR EACH ROW
    WHEN (OLD.caseworker_id IS DISTINCT FROM NEW.caseworker_id
          OR OLD.supporter_id IS DISTINCT FROM NEW.supporter_id)
    EXECUTE FUNCTION casework.record_drop();
CREATE TRIGGER one_to_one_drop AFTER DELETE ON casework.one_to_one
    FOR EACH ROW EXECUTE FUNCTION casework.record_drop();
CREATE TRIGGER one_to_one_moved_drop AFTER UPDATE OF peer_id, worker_id
    ON casework.one_to_one FOR EACH ROW
    WHEN (OLD.peer_id IS DISTINCT FROM NEW.peer_id
          OR OLD.worker_id IS DISTINCT FROM NEW.worker_id)
    EXECUTE FUNCTION casework.record_drop();
CREATE TRIGGER one_to_one_note_drop AFTER DELETE ON casework.one_to_one_note
    FOR EACH ROW EXECUTE FUNCTION casework.record_drop();

ALTER TABLE casework.cache_drop ENABLE ROW LEVEL SECURITY;
ALTER TABLE casework.cache_drop FORCE ROW LEVEL SECURITY;
-- Only the owner can insert (no one else is granted INSERT): the triggers' function.
CREATE POLICY drops_written_by_triggers ON casework.cache_drop FOR INSERT
    WITH CHECK (true);
CREATE POLICY every_drop ON casework.cache_drop FOR SELECT
    TO {{programme_lead}}, {{caseworker}} USING ((SELECT main.current_staff_id()) IS NOT NULL);
CREATE POLICY own_drops ON casework.cache_drop FOR SELECT TO {{peer_supporter}}
    USING ((SELECT main.current_staff_id()) IN (caseworker_id, supporter_id, worker_id));
REVOKE ALL ON casework.cache_drop FROM PUBLIC;
GRANT SELECT ON casework.cache_drop TO {{programme_lead}}, {{caseworker}}, {{peer_supporter}};
