"""Upgrading a vault from before key compartments (main schema version < 8).

Such a vault is one database under one key that every slot holds. The
upgrade writes two new files under new keys — the main database (settings,
staff, the audit log) and the casework database (everything about peers) —
verifies them, seals each new key only to the slots whose roles open it,
gives every account a signing key and an authority-signed grant of the role
it had, and then swaps the new files in. Until the swap the old file and its
key are untouched, so a crash leaves a vault that opens and upgrades again.

Whoever signs in first after installing the new version does it, whatever
their role: they hold the old key, which opened everything anyway. If their
role does not open casework, its key is rotated at the next casework sign-in
(the upgrader saw it once).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from peerdesk.domain.staff import (
    Compartment,
    Role,
    StaffStatus,
    compartments_for,
    parse_roles,
    roles_code,
)
from peerdesk.storage import crypto
from peerdesk.storage.atomic import fsync_directory
from peerdesk.storage.database import Database, file_salt
from peerdesk.storage.keyslots import AUTHORITY, CASEWORK, MAIN, SIGNING, KeySlotFile, Slot
from peerdesk.storage.migrations import (
    SPLIT_VERSION,
    MigrationResult,
    existing_backups,
    latest_version,
    migrate,
)
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories import grants
from peerdesk.storage.rotation import remove_leftovers
from peerdesk.storage.vault import AUTHORITY_META, LockedVault, utc_now

# Tables that move, parents before children.
CASEWORK_TABLES = (
    "peer", "safe_contact", "consent", "topic", "one_to_one", "one_to_one_note",
    "one_to_one_topic", "referral", "measure", "rating", "peer_group", "group_facilitator",
    "group_member", "meeting", "meeting_facilitator", "attendance", "draft",
)
SEARCH_INDEXES = ("peer_search", "note_search")
_SHADOWS = ("_data", "_idx", "_docsize", "_config")
MAIN_TABLES = ("meta", "settings", "key_slot", "staff", "audit_event")
# Legacy bookkeeping the new files have no use for.
_DROPPED_META = ("key_generation", "rekey_pending")


@dataclass(slots=True)
class _Person:
    staff_id: int
    name_key: str
    roles: frozenset[Role]
    status: StaffStatus
    slot_id: str | None


def split_legacy(locked: LockedVault, upgrader: Slot, old_key: bytearray) -> MigrationResult:
    paths = locked.paths
    keys = locked.keyslots
    remove_leftovers(paths)
    db = Database(paths.database, old_key)
    new_main, new_casework = crypto.new_data_key(), crypto.new_data_key()
    authority = crypto.new_signing_seed()
    seeds: dict[int, bytearray] = {}
    try:
        before = migrate(db, stop_before=SPLIT_VERSION)
        registered = {str(r[0]): bytes(r[1])
                      for r in db.query("SELECT slot_id, public_key FROM key_slot")}
        people = [_Person(int(r[0]), str(r[1]), parse_roles(str(r[2])), StaffStatus(r[3]), r[4])
                  for r in db.query("SELECT id, name_key, role, status, slot_id FROM staff")]
        seeds = {p.staff_id: crypto.new_signing_seed() for p in people}
        upgrader_roles = next((p.roles for p in people if p.slot_id == upgrader.id), frozenset())
        _write_new_files(db, paths.rotation_temp(MAIN), paths.rotation_temp(CASEWORK),
                         new_main, new_casework)
        _copy(db, keys.vault_id, authority, people, seeds,
              owes_rotation=Compartment.CASEWORK not in compartments_for(upgrader_roles))
        db.checkpoint()
    except BaseException:
        db.close()
        remove_leftovers(paths)
        for secret in (new_main, new_casework, authority, *seeds.values()):
            crypto.wipe(secret)
        raise
    db.close()
    try:
        generation = max(keys.generations(MAIN), default=0) + 1
        _seal_new_keys(keys, registered, people, seeds, generation, new_main, new_casework,
                       authority)
        keys.record_salt(MAIN, generation, file_salt(paths.rotation_temp(MAIN)))
        keys.record_salt(CASEWORK, 1, file_salt(paths.rotation_temp(CASEWORK)))
        keys.save(paths.keys)
        # The casework file first: until the main file is swapped the vault
        # is the old one, and a stray casework file is made again next time.
        os.replace(paths.rotation_temp(CASEWORK), paths.casework)
        os.replace(paths.rotation_temp(MAIN), paths.database)
        fsync_directory(paths.database.parent)
    finally:
        for secret in (new_main, new_casework, authority, *seeds.values()):
            crypto.wipe(secret)
    # The pre-upgrade copies hold everything under the old key, which every
    # old key file opens: they go now that the upgrade is safely done.
    for stale in existing_backups(paths.database):
        stale.unlink(missing_ok=True)
    return MigrationResult(before.from_version, latest_version(), None)


def _write_new_files(db: Database, main_temp: os.PathLike[str], casework_temp: os.PathLike[str],
                     main_key: bytearray, casework_key: bytearray) -> None:
    from pathlib import Path

    for path, key, compartment in ((Path(casework_temp), casework_key, CASEWORK),
                                   (Path(main_temp), main_key, MAIN)):
        fresh = Database(path, key, create=True)
        try:
            migrate(fresh, compartment=compartment)
        finally:
            fresh.close()
    db.execute("PRAGMA foreign_keys = OFF")
    db.attach("cw", Path(casework_temp), casework_key)
    db.attach("mn", Path(main_temp), main_key)


def _columns(db: Database, schema: str, table: str) -> list[str]:
    return [str(r[1]) for r in db.query(f'PRAGMA {schema}.table_info("{table}")')]


def _copy_table(db: Database, target: str, table: str) -> None:
    source = set(_columns(db, "main", table))
    cols = ", ".join(f'"{c}"' for c in _columns(db, target, table) if c in source)
    db.execute(f'DELETE FROM {target}."{table}"')
    db.execute(f'INSERT INTO {target}."{table}" ({cols}) SELECT {cols} FROM main."{table}"')


def _copy(db: Database, vault_id: str, authority: bytearray, people: list[_Person],
          seeds: dict[int, bytearray], *, owes_rotation: bool) -> None:
    now = utc_now()
    authority_public = crypto.signing_public_key(authority)
    with db.transaction():
        for table in CASEWORK_TABLES:
            _copy_table(db, "cw", table)
        # Kept with each peer since casework version 5; the old file has no such column.
        db.execute("UPDATE cw.peer SET first_session_on = (SELECT min(o.held_on) "
                   "FROM cw.one_to_one AS o WHERE o.peer_id = peer.id)")
        for index in SEARCH_INDEXES:
            # The indexes are contentless: their words exist only in these
            # tables, copied as they are.
            for shadow in _SHADOWS:
                db.execute(f"DELETE FROM cw.{index}{shadow}")
                db.execute(f"INSERT INTO cw.{index}{shadow} SELECT * FROM main.{index}{shadow}")
        for table in MAIN_TABLES:
            _copy_table(db, "mn", table)
        db.execute("UPDATE mn.staff SET roles = role")
        db.executemany("DELETE FROM mn.meta WHERE key = ?", [(k,) for k in _DROPPED_META])
        db.execute("INSERT INTO mn.meta (key, value) VALUES (?, ?)",
                   (AUTHORITY_META, authority_public.hex()))
        # The events copied over were never signed: the authority says where
        # signing begins, so that nothing after it can pass unsigned.
        count, head_hash = audit_repo.head(db)
        db.execute("INSERT INTO mn.meta (key, value) VALUES ('audit_origin', ?)",
                   (audit_repo.origin_record(vault_id, authority, count, head_hash),))
        for person in people:
            _grant(db, vault_id, authority, person, seeds[person.staff_id], now)
            if person.slot_id:
                # Each slot's key certified with its owner's new signing key.
                _certify(db, vault_id, person.staff_id, person.slot_id, seeds[person.staff_id])
        for (slot_id,) in db.query("SELECT slot_id FROM mn.key_slot WHERE kind = 'recovery'"):
            _certify(db, vault_id, 0, str(slot_id), authority)
        if owes_rotation:
            db.execute("INSERT INTO mn.key_task (kind, compartment, reason, created_at) "
                       "VALUES ('rotate', 'casework', 'upgrade', ?)", (now,))
    for index in SEARCH_INDEXES:
        db.execute(f"INSERT INTO cw.{index} ({index}) VALUES ('integrity-check')")
    # Every row moved (meta aside: its bookkeeping is rewritten above).
    for schema, tables in (("cw", CASEWORK_TABLES), ("mn", MAIN_TABLES[1:])):
        for table in tables:
            if db.scalar(f'SELECT count(*) FROM main."{table}"') != db.scalar(
                    f'SELECT count(*) FROM {schema}."{table}"'):
                from peerdesk.domain.errors import VaultDamaged

                raise VaultDamaged("The upgraded copy is incomplete; nothing was changed.")
    db.execute("PRAGMA foreign_keys = ON")
    db.detach("cw")
    db.detach("mn")


def _grant(db: Database, vault_id: str, authority: bytearray, person: _Person,
           seed: bytearray, now: str) -> None:
    # Written straight into the new file (grants.issue writes to whichever
    # database names role_grant first, which here is none).
    grant = grants.Grant(person.staff_id, 1, person.name_key, person.roles, person.status,
                         crypto.signing_public_key(seed), now, None, b"")
    signature = crypto.sign(authority, grant.message(vault_id))
    db.execute(
        "INSERT INTO mn.role_grant (staff_id, serial, name_key, roles, status, signing_key, "
        "issued_at, issued_by, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (person.staff_id, 1, person.name_key, roles_code(person.roles),
         person.status.value, grant.signing_key, now, None, signature),
    )


def _certify(db: Database, vault_id: str, staff_id: int, slot_id: str,
             seed: bytearray) -> None:
    public = db.scalar("SELECT public_key FROM mn.key_slot WHERE slot_id = ?", (slot_id,))
    if public is None:
        return
    certificate = crypto.sign(seed, grants.slot_certificate_message(
        vault_id, staff_id, slot_id, bytes(public)))
    db.execute("UPDATE mn.key_slot SET staff_id = ?, certificate = ? WHERE slot_id = ?",
               (staff_id, certificate, slot_id))


def _seal_new_keys(keys: KeySlotFile, registered: dict[str, bytes], people: list[_Person],
                   seeds: dict[int, bytearray], generation: int, main: bytearray,
                   casework: bytearray, authority: bytearray) -> None:
    """Each slot the old database registers gets the new keys its roles open.

    The old main key stays in every slot until the new file is swapped in
    (the next unlock drops whichever generation doesn't open the file).
    """
    by_slot = {p.slot_id: p for p in people if p.slot_id and p.status is StaffStatus.ACTIVE}
    for slot in keys.slots:
        public = registered.get(slot.id)
        if public is None:
            continue  # not in the database: left over from an interrupted change
        if slot.kind == "recovery":
            held = {Compartment.MAIN, Compartment.CASEWORK, Compartment.AUTHORITY}
        elif slot.id in by_slot:
            held = set(compartments_for(by_slot[slot.id].roles))
        else:
            continue
        keys.seal(slot, MAIN, generation, main, public)
        if Compartment.CASEWORK in held:
            keys.seal(slot, CASEWORK, 1, casework, public)
        if Compartment.AUTHORITY in held:
            keys.seal(slot, AUTHORITY, 1, authority, public)
        if slot.id in by_slot:
            keys.seal(slot, SIGNING, 1, seeds[by_slot[slot.id].staff_id], public)
