"""Whole-vault checks for `peerdesk check` and after backups."""

from __future__ import annotations

from dataclasses import dataclass, field

from peerdesk.domain.errors import VaultDamaged, VaultError
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.audit import verify_chain


@dataclass(slots=True)
class IntegrityReport:
    problems: list[str] = field(default_factory=list)
    pages_checked: bool = False
    audit_events: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check(db: Database) -> IntegrityReport:
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
        # Every page's HMAC: finds a flipped byte anywhere in the file.
        for row in db.query("PRAGMA cipher_integrity_check"):
            report.problems.append(f"encrypted page check: {row[0]}")
        report.pages_checked = True
        for row in db.query("PRAGMA integrity_check"):
            if row[0] != "ok":
                report.problems.append(f"database structure: {row[0]}")
        for row in db.query("PRAGMA foreign_key_check"):
            report.problems.append(f"broken reference in table {row[0]}")
        chain = verify_chain(db)
        report.audit_events = chain.events
        report.problems.extend(chain.problems)
    except VaultDamaged:
        report.problems.append("the vault file is damaged and could not be read in full")
    return report
