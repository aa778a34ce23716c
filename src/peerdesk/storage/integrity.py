"""Whole-vault checks for `peerdesk check` and after backups (docs/security.md §3)."""

from __future__ import annotations

from dataclasses import dataclass, field

from peerdesk.domain.errors import VaultDamaged, VaultError
from peerdesk.storage import anchors, audit_rules, schema_check
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import grants, imported_audit
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.repositories.audit import SignatureKeys, verify_chain


@dataclass(slots=True)
class IntegrityReport:
    problems: list[str] = field(default_factory=list)
    pages_checked: bool = False
    audit_events: int = 0
    unsigned_events: int = 0
    # Parts this account's keys don't open, and so were not checked inside.
    not_checked: list[str] = field(default_factory=list)
    anchor: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True)
class Trust:
    """What the checker's own slot vouches for: the vault id and the authority."""

    vault_id: str
    authority: bytes | None
    origin: int | None = None  # where signing begins, as the checker's slot pinned it


def _pages(db: Database, schema: str, label: str, report: IntegrityReport) -> None:
    # Every page's HMAC: finds a flipped byte anywhere in the file.
    for row in db.query(f"PRAGMA {schema}.cipher_integrity_check"):
        report.problems.append(f"{label}: encrypted page check: {row[0]}")
    for row in db.query(f"PRAGMA {schema}.integrity_check"):
        if row[0] != "ok":
            report.problems.append(f"{label}: database structure: {row[0]}")
    for row in db.query(f"PRAGMA {schema}.foreign_key_check"):
        report.problems.append(f"{label}: broken reference in table {row[0]}")


def _grants(db: Database, trust: Trust, report: IntegrityReport) -> None:
    """Each account's roles and status as its newest signed grant gives them."""
    for staff in staff_repo.list_all(db, include_removed=True):
        history = grants.history(db, staff.id)
        newest = history[-1] if history else None
        valid = grants.newest_valid(db, trust.vault_id, trust.authority, staff.id)
        who = f"account {staff.id}"
        if valid is None:
            report.problems.append(f"{who} has no role grant signed by the vault's authority")
            continue
        if newest is not None and newest is not valid and newest != valid:
            report.problems.append(f"{who} has a role grant the vault's authority did not sign "
                                   "(written outside PeerDesk)")
        if staff.roles != valid.roles:
            report.problems.append(
                f"{who}'s roles were changed outside PeerDesk (the table says "
                f"{', '.join(sorted(r.value for r in staff.roles))}; the signed grant says "
                f"{', '.join(sorted(r.value for r in valid.roles))})")
        if staff.status is not valid.status:
            report.problems.append(
                f"{who}'s status was changed outside PeerDesk (the table says "
                f"{staff.status.value}; the signed grant says {valid.status.value})")


def _slot_certificates(db: Database, trust: Trust) -> list[str]:
    """Each registered slot key carries its owner's signature (a key swapped in
    for a colleague's would receive the next rotation's keys otherwise)."""
    from peerdesk.storage import crypto

    problems = []
    keys = {s.id: grants.newest_valid(db, trust.vault_id, trust.authority, s.id)
            for s in staff_repo.list_all(db, include_removed=True)}
    for slot_id, public, owner, certificate in db.query(
            "SELECT slot_id, public_key, staff_id, certificate FROM key_slot"):
        signer = trust.authority if owner == 0 else (
            keys[owner].signing_key if keys.get(owner) is not None else None)  # type: ignore[union-attr]
        try:
            if signer is None or certificate is None:
                raise crypto.BadSignature
            crypto.verify(signer, bytes(certificate), grants.slot_certificate_message(
                trust.vault_id, int(owner), str(slot_id), bytes(public)))
        except (crypto.BadSignature, TypeError, ValueError):
            problems.append(f"key slot {slot_id}'s registered key is not certified by its "
                            "owner (changed outside PeerDesk)")
    return problems


def casework_file_problems(paths: object, keys: object) -> list[str]:
    """What can be told of the casework file without its key: its shape, and
    whether it is the file the current key generation was made for."""
    from peerdesk.domain.errors import VaultDamaged as Damaged
    from peerdesk.storage.database import check_file_shape, file_salt
    from peerdesk.storage.keyslots import CASEWORK, KeySlotFile
    from peerdesk.storage.paths import VaultPaths

    assert isinstance(paths, VaultPaths) and isinstance(keys, KeySlotFile)
    if not paths.casework.exists():
        return [f"the casework file {paths.casework.name} is missing"]
    try:
        check_file_shape(paths.casework)
    except Damaged:
        return [f"the casework file {paths.casework.name} is empty or cut short"]
    generations = keys.generations(CASEWORK)
    recorded = keys.salt_of(CASEWORK, generations[0]) if generations else None
    if recorded is not None and file_salt(paths.casework) != recorded:
        return [f"the casework file {paths.casework.name} is not the one the key file's "
                "current key was made for (an older or another copy)"]
    return []


def check(db: Database, trust: Trust, *, casework: bool,
          printed_anchor: anchors.Anchor | None = None,
          mirrored: anchors.Anchor | None = None) -> IntegrityReport:
    """Check everything the connection's keys open.

    `casework`: the casework database is attached (the checker holds its key).
    """
    report = IntegrityReport()
    try:
        # cipher_integrity_check reads the main file's pages, not the WAL.
        # A checkpoint cut short (a full disk, a crash) can leave a torn page
        # there that the WAL still supersedes; it was reported as damage to
        # a vault that is fine. Write the WAL back first.
        db.checkpoint()
    except VaultError as exc:
        report.problems.append(
            f"committed changes could not be written into the vault file: {exc.user_message}")
    try:
        _pages(db, "main", "main database", report)
        if casework:
            _pages(db, "casework", "casework database", report)
        else:
            report.not_checked.append(
                "peers' records (the casework database): this account holds no key to it")
        report.pages_checked = True
        report.problems += schema_check.differences(db, "main", "main")
        if casework:
            report.problems += schema_check.differences(db, "casework", "casework")
        keys = SignatureKeys(trust.vault_id,
                             grants.valid_signing_keys(db, trust.vault_id, trust.authority),
                             trust.authority, trust.origin)
        chain = verify_chain(db, keys)
        report.audit_events = chain.events
        report.unsigned_events = chain.unsigned
        report.problems.extend(chain.problems)
        report.problems.extend(imported_audit.check(db))
        report.anchor = anchors.current(db).printed
        _grants(db, trust, report)
        report.problems += audit_rules.check(db, trust.vault_id, trust.authority)
        report.problems += _slot_certificates(db, trust)
        for label, anchor in (("the key file", mirrored), ("the anchor given", printed_anchor)):
            if anchor is not None:
                problem = anchors.contradiction(db, anchor)
                if problem:
                    report.problems.append(f"against {label}: {problem}")
    except VaultDamaged:
        report.problems.append("the vault file is damaged and could not be read in full")
    return report
