-- Schema version 9: role grants are append-only, like the audit log. A grant
-- deleted to undo a demotion or a deactivation would otherwise leave the one
-- before it as the newest; each grant is also named in a signed audit event
-- (grant_issued), so one removed with the triggers dropped is found too.

CREATE TRIGGER role_grant_no_update BEFORE UPDATE ON role_grant
BEGIN
    SELECT RAISE(ABORT, 'role grants are append-only');
END;

CREATE TRIGGER role_grant_no_delete BEFORE DELETE ON role_grant
BEGIN
    SELECT RAISE(ABORT, 'role grants are append-only');
END;

-- What the slot's owner signed: this public key is this slot's (grant's
-- signing key over vault, staff, slot and key). A rotation seals new keys
-- only to slots whose key so verifies, so swapping a colleague's registered
-- key for one's own gets nothing sealed to it.
ALTER TABLE key_slot ADD COLUMN staff_id INTEGER;
ALTER TABLE key_slot ADD COLUMN certificate BLOB;
