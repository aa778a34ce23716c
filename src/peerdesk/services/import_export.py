"""A new vault from an export (docs/export.md): `peerdesk import-export`.

The export is opened with its passphrase and checked whole (every file's
SHA-256, then the old audit log's chain and signatures against the old
vault's keys it carries) before anything is kept. The new vault is built at
the schema version the export was made with, every table is loaded as it
was (ids and reference numbers kept, so every link between records holds),
and then it is upgraded as any vault is.

What can't come across as it was, and what happens instead:
- keys and signatures: a new vault has new keys. The old key slots, key
  tasks and role grants are not loaded; each person gets a new grant of the
  same roles from the new vault's authority. The person importing (an
  administrator in the export) chooses a new password; everyone else's
  account is deactivated until an administrator gives them a new one.
- the audit log: kept as it was in `imported_audit_event`; the new log
  starts with an event naming where it came from (repositories/imported_audit.py).
- settings about the old vault's own files (its backup folder, its last
  backup) are left behind, so the new vault's backups never mix with the old one's.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PeerDeskError, ValidationError, VaultExists
from peerdesk.domain.staff import (
    Compartment,
    Role,
    Staff,
    StaffStatus,
    compartments_for,
    parse_roles,
)
from peerdesk.domain.validation import check_new_password, clean_name
from peerdesk.reports import export_files
from peerdesk.reports.export_archive import ArchiveReader, ExportDamaged
from peerdesk.services.export import (
    FORMAT,
    FORMAT_VERSION,
    JSON_NAME,
    MANIFEST_NAME,
    ExportProgress,
)
from peerdesk.services.session import Session
from peerdesk.storage import crypto, dictionary, keyslots
from peerdesk.storage.database import Database
from peerdesk.storage.export_load import (
    ExportMismatch,
    clear,
    foreign_key_problems,
    load_rows,
    rebuild_search,
)
from peerdesk.storage.export_source import SourceTable, list_tables, search_indexes
from peerdesk.storage.keyslots import CASEWORK, MAIN
from peerdesk.storage.migrations import SPLIT_VERSION, latest_version, migrate
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories import grants, imported_audit
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.repositories.meta import set_meta
from peerdesk.storage.signer import Signer
from peerdesk.storage.vault import UnlockedVault, create_vault, utc_now

# The vault's own machinery: new keys, new slots, new grants in the new vault.
# personal_key too: sealed supervision notes and journal entries come across as
# ciphertext no key of the new vault opens (docs/export.md).
NOT_LOADED = frozenset({"meta", "key_slot", "key_task", "role_grant", "personal_key"})
# Settings about the old vault's own files.
SETTINGS_LEFT_BEHIND = frozenset({"backup_folder", "last_backup_at"})
NEXT_REF = "next_peer_ref"

Progress = Callable[[ExportProgress], None]


class ExportTooNew(PeerDeskError):
    default_message = ("This export was made by a newer PeerDesk. Update PeerDesk to "
                       "import it; nothing was imported.")


@dataclass(frozen=True, slots=True)
class ImportResult:
    vault: VaultPaths
    recovery_key: str
    account: str
    databases: tuple[str, ...]
    counts: dict[str, int]  # table -> rows in the export
    source_vault: str
    exported_at: str
    old_audit_events: int
    old_audit_head: str
    to_reactivate: int  # accounts that need a new password from an administrator


def import_export(archive: Path, paths: VaultPaths, *, account: str, password: str,
                  passphrase: str, confirm: str | None = None,
                  progress: Progress | None = None) -> ImportResult:
    """Make a new vault at `paths` from the export at `archive`."""
    name = clean_name(account)
    check_new_password(password, confirm, account_name=name)
    if paths.exists():
        raise VaultExists
    reader = ArchiveReader(archive, passphrase)
    try:
        manifest = _manifest(reader)
        _check_files(reader, manifest, progress)
        person = _first_account(_staff_rows(reader, manifest), name)
        return _Builder(reader, manifest, paths, person, progress).build(password)
    finally:
        reader.close()


# -- checking the export ------------------------------------------------------------------

def _manifest(reader: ArchiveReader) -> dict[str, Any]:
    try:
        manifest = json.loads(reader.read_text(MANIFEST_NAME))
    except ValueError as exc:
        raise ExportDamaged from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ExportDamaged("This file is not a PeerDesk export. Nothing was imported.")
    try:
        version = int(manifest["format_version"])
        databases = {str(k): int(v) for k, v in manifest["databases"].items()}
        made_by = str(manifest.get("peerdesk_version", "?"))
        files = manifest["files"]
        tables = manifest["tables"]
        int(manifest["audit"]["events"])
        bytes.fromhex(manifest["audit"]["head"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ExportDamaged from exc
    newer = ExportTooNew("This export was made by a newer PeerDesk ({made_by}). Update "
                         "PeerDesk to import it; nothing was imported.", made_by=made_by)
    if version > FORMAT_VERSION:
        raise newer
    if set(databases) - {MAIN, CASEWORK} or MAIN not in databases:
        raise ExportDamaged
    if databases[MAIN] > latest_version() or databases.get(CASEWORK, 0) > latest_version(
            compartment=CASEWORK):
        raise newer
    if databases[MAIN] < SPLIT_VERSION or not isinstance(files, dict) or not isinstance(
            tables, list):
        raise ExportDamaged
    return manifest


def _check_files(reader: ArchiveReader, manifest: dict[str, Any],
                 progress: Progress | None) -> None:
    """Every file is there, nothing else is, and each is as it was written."""
    files: dict[str, str] = manifest["files"]
    if set(reader.names()) != {*files, MANIFEST_NAME}:
        raise ExportDamaged
    for number, (name, digest) in enumerate(sorted(files.items())):
        if progress is not None:
            progress(ExportProgress(number, len(files), f"checking {name}"))
        if reader.sha256(name) != digest:
            raise ExportDamaged


def _header_matches(header: Mapping[str, Any], manifest: Mapping[str, Any]) -> None:
    if any(header.get(k) != manifest.get(k) for k in
           ("format", "format_version", "vault_id", "databases", "audit", "exported_at")):
        raise ExportDamaged


def _staff_rows(reader: ArchiveReader, manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """The staff table, read before anything is built (to check the account named)."""
    with reader.text(JSON_NAME) as handle:
        header, tables = export_files.read_json(handle)
        _header_matches(header, manifest)
        for table in tables:
            if table.name == "staff":
                return list(table.rows)
    raise ExportDamaged


def _first_account(staff: list[dict[str, Any]], name: str) -> dict[str, Any]:
    key = staff_repo.name_key(name)
    found = next((s for s in staff if s.get("name_key") == key), None)
    not_admin = ValidationError(
        "Name an administrator of the centre in the export: they set up the new vault and "
        "give everyone else a new password.", field="user")
    if found is None:
        raise ValidationError("There is no account with that name in the export.",
                              field="user")
    if found.get("status") == StaffStatus.REMOVED.value:
        raise ValidationError("That account was removed from the centre; name an "
                              "administrator who is still there.", field="user")
    if Role.ADMIN not in parse_roles(str(found.get("roles") or found.get("role") or "")):
        raise not_admin
    return found


# -- building the new vault ----------------------------------------------------------------

class _Builder:
    def __init__(self, reader: ArchiveReader, manifest: dict[str, Any], paths: VaultPaths,
                 person: dict[str, Any], progress: Progress | None) -> None:
        self.reader = reader
        self.manifest = manifest
        self.paths = paths
        self.person_id = int(person["id"])
        self.progress = progress
        self.databases: dict[str, int] = {str(k): int(v)
                                          for k, v in manifest["databases"].items()}
        self.source = str(manifest["vault_id"])
        self.meta: dict[str, str] = {}
        self.old_grants: list[dict[str, Any]] = []
        self.loaded: dict[str, int] = {}
        self.done = 0
        self.total = sum(int(t["rows"]) for t in manifest["tables"])

    def build(self, password: str) -> ImportResult:
        vault, recovery_key = create_vault(self.paths, versions=self.databases)
        try:
            self._load(vault.db)
            self._check_old_log(vault.db)
            vault.db.close()
            self._upgrade(vault)
            vault.reopen()
            staff = self._accounts(vault, password)
            self._finish(vault, staff)
        except BaseException:
            with contextlib.suppress(Exception):
                vault.close().release()
            for path in (*self.paths.database_files(), self.paths.keys, self.paths.lock):
                with contextlib.suppress(OSError):
                    path.unlink()
            raise
        session = Session(vault=vault, staff=staff)
        session.end().release()
        audit = self.manifest["audit"]
        return ImportResult(
            vault=self.paths, recovery_key=recovery_key, account=staff.name,
            databases=tuple(self.databases), counts=dict(self.loaded), source_vault=self.source,
            exported_at=str(self.manifest["exported_at"]),
            old_audit_events=int(audit["events"]), old_audit_head=str(audit["head"]),
            to_reactivate=self.to_reactivate)

    # -- rows -------------------------------------------------------------------------------

    def _tick(self, table: str) -> Callable[[int], None]:
        base = self.done

        def tick(count: int) -> None:
            if self.progress is not None:
                self.progress(ExportProgress(base + count, self.total, f"importing {table}"))
        tick(0)
        return tick

    def _load(self, db: Database) -> None:
        targets: dict[str, SourceTable] = {
            t.name: t for schema in self.databases for t in list_tables(db, schema)}
        listed = {(str(t["database"]), str(t["name"])) for t in self.manifest["tables"]}
        if listed != {(t.database, t.name) for t in targets.values()}:
            raise ExportMismatch
        expected = {str(t["name"]): int(t["rows"]) for t in self.manifest["tables"]}
        db.execute("PRAGMA foreign_keys = OFF")
        with self.reader.text(JSON_NAME) as handle:
            header, tables = export_files.read_json(handle)
            _header_matches(header, self.manifest)
            for table in tables:
                target = targets.get(table.name)
                if target is None or target.database != table.database:
                    raise ExportMismatch
                with db.transaction():
                    count = self._load_table(db, target, table)
                if count != expected.get(table.name):
                    raise ExportDamaged
                self.loaded[table.name] = count
                self.done += count
        if self.loaded.keys() != expected.keys():
            raise ExportDamaged
        for schema in self.databases:
            if foreign_key_problems(db, schema):
                raise ExportMismatch
        db.execute("PRAGMA foreign_keys = ON")

    def _load_table(self, db: Database, target: SourceTable,
                    table: export_files.JsonTable) -> int:
        name, rows = table.name, table.rows
        if name in NOT_LOADED:
            kept = list(rows) if name in ("meta", "role_grant") else None
            if name == "meta" and kept is not None:
                self.meta = {str(r.get("key")): str(r.get("value")) for r in kept}
                return len(kept)
            if name == "role_grant" and kept is not None:
                self.old_grants = kept
                return len(kept)
            return sum(1 for _ in rows)
        tick = self._tick(name)
        if name == "audit_event":
            return load_rows(db, target, table.columns, rows, into="imported_audit_event",
                             fixed={"source_vault": self.source}, tick=tick)
        if name != "imported_audit_event":  # holds the old log, loaded just before
            clear(db, target)
        if name == "staff":
            return load_rows(db, target, table.columns, self._staff(rows), tick=tick)
        if name == "settings":
            return load_rows(db, target, table.columns, self._settings(rows), tick=tick) + (
                self.settings_left)
        return load_rows(db, target, table.columns, rows, tick=tick)

    settings_left = 0
    to_reactivate = 0

    def _settings(self, rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for row in rows:
            if row.get("key") in SETTINGS_LEFT_BEHIND:
                self.settings_left += 1
            else:
                yield row

    def _staff(self, rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """Nobody has a key slot yet: everyone still there is deactivated (the
        person importing is given theirs afterwards)."""
        for row in rows:
            status = row.get("status")
            if status == StaffStatus.ACTIVE.value:
                status = StaffStatus.DEACTIVATED.value
                if int(row["id"]) != self.person_id:
                    self.to_reactivate += 1
            yield {**row, "status": status, "slot_id": None, "must_change_password": 0}

    # -- the old audit log ----------------------------------------------------------------

    def _check_old_log(self, db: Database) -> None:
        """The old log, checked as `peerdesk check` checked it in the old vault:
        chain, signatures against the old vault's keys, and count and head."""
        authority_hex = self.meta.get("authority_public_key") or ""
        try:
            authority = bytes.fromhex(authority_hex) if authority_hex else None
        except ValueError:
            authority = None
        by_staff: dict[int, set[bytes]] = {}
        for row in self.old_grants:
            try:
                grant = grants.Grant(
                    int(row["staff_id"]), int(row["serial"]), str(row["name_key"]),
                    parse_roles(str(row["roles"])), StaffStatus(row["status"]),
                    bytes.fromhex(row["signing_key"]), str(row["issued_at"]),
                    None if row["issued_by"] is None else int(row["issued_by"]),
                    bytes.fromhex(row["signature"]))
            except (KeyError, TypeError, ValueError):
                continue
            if grant.verifies(self.source, authority):
                by_staff.setdefault(grant.staff_id, set()).add(grant.signing_key)
        keys = audit_repo.SignatureKeys(self.source, by_staff, authority)
        origin = audit_repo.parse_origin(self.meta.get("audit_origin"), keys)
        problems = []
        if origin is None:
            problems.append("the record of where its signatures begin is missing or forged")
        chain = imported_audit.verify_source(db, self.source, keys,
                                             unsigned_until=origin[0] if origin else 0)
        problems += chain.problems
        audit = self.manifest["audit"]
        recorded = (int(self.meta.get("audit_count") or 0),
                    self.meta.get("audit_head") or audit_repo.GENESIS.hex())
        if (chain.events, chain.head.hex()) not in {(int(audit["events"]), audit["head"])} or (
                recorded != (chain.events, chain.head.hex())):
            problems.append("it does not end where the export says")
        if problems:
            raise ExportDamaged(
                "The audit log in this export does not check out ({problem}), so nothing "
                "was imported.", problem=problems[0])

    # -- after loading ---------------------------------------------------------------------

    def _upgrade(self, vault: UnlockedVault) -> None:
        for what, path in ((MAIN, self.paths.database), (CASEWORK, self.paths.casework)):
            db = Database(path, vault.key(what).key)
            try:
                migrate(db, compartment=what, safety_copy=False)
            finally:
                db.close()

    def _accounts(self, vault: UnlockedVault, password: str) -> Staff:
        """The importing administrator gets a slot; everyone gets a fresh grant of
        the roles they had. The new vault's signed log starts with those grants,
        the importer's own first (storage/audit_rules.py: a vault's first grants)."""
        db = vault.db
        person = staff_repo.get(db, self.person_id)
        seed = crypto.new_signing_seed()
        try:
            slot = vault.new_slot(
                kind=keyslots.PASSWORD, account=person.name,
                secret=keyslots.password_bytes(password), params=crypto.calibrate(),
                give={Compartment.MAIN.value, Compartment.CASEWORK.value,
                      Compartment.AUTHORITY.value}, signing_seed=seed, adopt=True)
            assert vault.authority_seed is not None
            vault.set_signer(Signer.from_seed(vault.vault_id, person.id, bytearray(seed)))
            with db.transaction():
                staff_repo.set_slot(db, person.id, slot.id, must_change=False)
                staff_repo.set_status(db, person.id, StaffStatus.ACTIVE)
                vault.register_slot(slot, staff_id=person.id, certify_with=seed)
                everyone = staff_repo.list_all(db, include_removed=True)
                everyone.sort(key=lambda other: (other.id != person.id, other.id))
                for other in everyone:
                    mine = other.id == person.id
                    grant = grants.issue(
                        db, vault_id=vault.vault_id, authority_seed=vault.authority_seed,
                        staff_id=other.id, name_key=staff_repo.name_key(other.name),
                        roles=other.roles,
                        status=StaffStatus.ACTIVE if mine else other.status,
                        # A key for the others is made and thrown away: a new password
                        # gives them their own (services/key_changes.replace_password).
                        signing_key=crypto.signing_public_key(
                            seed if mine else crypto.new_signing_seed()),
                        issued_at=utc_now(), issued_by=None)
                    audit_repo.append(db, at=utc_now(), actor_id=person.id,
                                      action=AuditAction.GRANT_ISSUED, target_kind="staff",
                                      target_id=str(other.id),
                                      detail=grants.event_detail(grant))
                if Compartment.CASEWORK not in compartments_for(person.roles):
                    audit_repo.append(db, at=utc_now(), actor_id=person.id,
                                      action=AuditAction.ROTATION_OWED,
                                      target_kind="compartment",
                                      target_id=Compartment.CASEWORK.value,
                                      detail="held by the administrator who imported the export")
            vault.signing_seed = bytearray(seed)
        finally:
            crypto.wipe(seed)
        return staff_repo.get(db, person.id)

    def _finish(self, vault: UnlockedVault, staff: Staff) -> None:
        db = vault.db
        audit = self.manifest["audit"]
        record = imported_audit.ImportRecord(self.source, int(audit["events"]),
                                             bytes.fromhex(audit["head"]),
                                             str(self.manifest["exported_at"]))
        with db.transaction():
            next_ref = max(int(self.meta.get(NEXT_REF) or 1),
                           int(db.scalar("SELECT coalesce(max(ref_number), 0) + 1 FROM peer")))
            set_meta(db, NEXT_REF, str(next_ref))
            indexes = [i for schema in (MAIN, CASEWORK) for i in search_indexes(db, schema)]
            rebuild_search(db, dictionary.search_indexes(), indexes)
            for action, detail in ((AuditAction.VAULT_CREATED, ""),
                                   (AuditAction.CREATED_FROM_EXPORT, record.detail()),
                                   (AuditAction.SIGNED_IN, "")):
                audit_repo.append(db, at=utc_now(), actor_id=staff.id, action=action,
                                  detail=detail)
            problems = imported_audit.check(db)
            if problems:
                raise ExportDamaged("The audit log in this export does not check out "
                                    "({problem}), so nothing was imported.",
                                    problem=problems[0])
