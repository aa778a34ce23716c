"""Export everything (DESIGN.md §6, docs/export.md): the whole centre in open formats.

One encrypted zip holding a CSV per table, one JSON file with every table,
the data dictionary and a README. What it holds follows the keys: a
programme lead's export holds both databases; an administrator's holds the
main database only (settings, staff, the audit log), because their key opens
nothing else, and its README says so.

Runs on a connection of its own (a worker thread in the GUI), inside one
read snapshot so every table is as it was at one moment; each table is read
as it is written, so memory stays flat however big the vault. The zip is
written under a temporary name beside OUT and renamed only when whole and
audited; stopped or failed, nothing is left behind.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peerdesk import __version__
from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PeerDeskError, ValidationError
from peerdesk.domain.staff import Compartment, Permission, roles_label
from peerdesk.domain.validation import check_export_passphrase, passphrase_problem
from peerdesk.reports import export_files, export_readme
from peerdesk.reports.export_archive import ArchiveWriter
from peerdesk.services.session import Session
from peerdesk.storage import dictionary
from peerdesk.storage.database import Database
from peerdesk.storage.export_source import SourceTable, count_rows, list_tables, rows
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.vault import utc_now

FORMAT = "peerdesk-export"
# Raised when a file's layout changes in a way an older PeerDesk can't read.
FORMAT_VERSION = 1
JSON_NAME = "centre.json"
MANIFEST_NAME = "manifest.json"
README_NAME = "README.txt"
DICTIONARY_NAME = "data-dictionary.csv"
CODES_NAME = "codes.csv"


class ExportCancelled(PeerDeskError):
    default_message = "The export was stopped; no file was saved."


@dataclass(frozen=True, slots=True)
class ExportProgress:
    done: int  # rows written so far (each row is written twice: CSV, then JSON)
    total: int
    text: str


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    databases: tuple[str, ...]
    tables: int
    rows: int
    size: int
    audit_events: int


def export_databases(session: Session) -> tuple[str, ...]:
    """Which databases this person's export holds; refuses those who may not export.

    A programme lead whose casework key has not reached them yet is refused
    (an export quietly missing every peer would mislead), not given less.
    """
    session.require(Permission.EXPORT_CENTRE)
    if session.role_allows(Permission.EXPORT_CASEWORK):
        session.require(Permission.EXPORT_CASEWORK)
        return (Compartment.MAIN.value, Compartment.CASEWORK.value)
    return (Compartment.MAIN.value,)


def can_export(session: Session) -> bool:
    try:
        export_databases(session)
    except PeerDeskError:
        return False
    return True


_SUGGEST_ALPHABET = "abcdefghjkmnpqrstvwxyz23456789"  # no 0/o, 1/l/i to misread


def suggest_passphrase(account_name: str = "") -> str:
    """Six groups of five random characters (about 147 bits), e.g. k7qmx-3xzpa-…:
    strong enough for the zip format's weak key derivation, easy to write down."""
    while True:
        groups = ["".join(secrets.choice(_SUGGEST_ALPHABET) for _ in range(5))
                  for _ in range(6)]
        suggestion = "-".join(groups)
        if passphrase_problem(suggestion, account_name=account_name) is None:
            return suggestion


def check_destination(out: Path, *, replace: bool) -> Path:
    out = out.expanduser().absolute()
    if out.is_dir():
        raise ValidationError("That is a folder: give the export a file name.", field="file")
    if out.exists() and not replace:
        raise ValidationError("There is already a file with that name; choose another.",
                              field="file")
    if not out.parent.is_dir():
        raise ValidationError("That folder does not exist.", field="file")
    return out


def export_centre(session: Session, out: Path, passphrase: str, confirm: str | None = None,
                  *, replace: bool = False,
                  progress: Callable[[ExportProgress], None] | None = None,
                  cancel: threading.Event | None = None) -> ExportResult:
    """Write the export to `out` and record it in the audit log."""
    databases = export_databases(session)
    check_export_passphrase(passphrase, confirm, account_name=session.staff.name)
    out = check_destination(out, replace=replace)
    temp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.partial")
    db = session.vault.connect()
    try:
        try:
            with db.read_snapshot():
                written = _write(db, session, temp, passphrase, databases, progress, cancel)
            with db.transaction():
                audit_repo.append(
                    db, at=utc_now(), actor_id=session.staff.id or None,
                    action=AuditAction.EXPORTED, target_kind="centre",
                    detail=f"whole centre, {' and '.join(databases)} "
                           f"database{'s' * (len(databases) > 1)}: {written.tables} tables, "
                           f"{written.rows} rows (export format {FORMAT_VERSION})")
            os.replace(temp, out)
        except BaseException:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise
    finally:
        db.close()
    return ExportResult(out, databases, written.tables, written.rows, out.stat().st_size,
                        written.audit_events)


@dataclass(frozen=True, slots=True)
class _Written:
    tables: int
    rows: int
    audit_events: int


class _Counter:
    def __init__(self, total: int, progress: Callable[[ExportProgress], None] | None,
                 cancel: threading.Event | None) -> None:
        self.total = total
        self.done = 0
        self._progress = progress
        self._cancel = cancel

    def tick_for(self, text: str) -> export_files.Tick:
        base = self.done

        def tick(count: int) -> None:
            self.check()
            if self._progress is not None:
                self._progress(ExportProgress(base + count, self.total, text))
        tick(0)
        return tick

    def finish(self, count: int) -> None:
        self.done += count

    def check(self) -> None:
        if self._cancel is not None and self._cancel.is_set():
            raise ExportCancelled


def _write(db: Database, session: Session, temp: Path, passphrase: str,
           databases: tuple[str, ...], progress: Callable[[ExportProgress], None] | None,
           cancel: threading.Event | None) -> _Written:
    # Reading sqlite_master of each database starts its snapshot now.
    tables: list[SourceTable] = [t for schema in databases for t in list_tables(db, schema)]
    counts = {t.name: count_rows(db, t) for t in tables}
    total = sum(counts.values())
    events, head = audit_repo.head(db)
    versions = {schema: int(db.scalar(f"PRAGMA {schema}.user_version"))
                for schema in databases}
    header = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "peerdesk_version": __version__,
        "exported_at": utc_now(), "vault_id": session.vault.vault_id,
        "databases": versions,
        "exported_by": {"staff_id": session.staff.id,
                        "roles": sorted(r.value for r in session.staff.roles)},
        "audit": {"events": events, "head": head.hex()},
    }
    counter = _Counter(total * 2, progress, cancel)
    described = dictionary.tables()
    archive = ArchiveWriter(temp, passphrase)
    try:
        archive.write_text(README_NAME, export_readme.readme(
            header, tables, counts, described, roles=roles_label(session.staff.roles)))
        for table in tables:
            with archive.text(_csv_name(table), bom=True) as out:
                written = export_files.write_csv(
                    out, table.column_names, rows(db, table),
                    counter.tick_for(f"{table.name}.csv"))
            _same_count(table, counts, written)
            counter.finish(written)
        with archive.text(JSON_NAME) as out:
            writer = export_files.JsonWriter(out, header)
            for table in tables:
                written = writer.table(table, rows(db, table),
                                       counter.tick_for(f"{JSON_NAME}: {table.name}"))
                _same_count(table, counts, written)
                counter.finish(written)
            writer.close()
        with archive.text(DICTIONARY_NAME, bom=True) as out:
            export_files.write_rows(out, export_files.dictionary_rows(tables, described))
        with archive.text(CODES_NAME, bom=True) as out:
            export_files.write_rows(out, export_files.code_rows(tables, described))
        counter.check()
        manifest = {
            **header,
            "tables": [{"database": t.database, "name": t.name, "rows": counts[t.name],
                        "csv": _csv_name(t), "columns": t.column_names} for t in tables],
            "files": dict(archive.hashes),
        }
        archive.write_text(MANIFEST_NAME, export_files.pretty_json(manifest))
    finally:
        archive.close()
    return _Written(len(tables), total, events)


def _csv_name(table: SourceTable) -> str:
    return f"{table.database}/{table.name}.csv"


def _same_count(table: SourceTable, counts: dict[str, int], written: int) -> None:
    # Inside one snapshot the count can't change; if it did, the file is wrong.
    if written != counts[table.name]:
        raise RuntimeError(f"{table.name}: counted {counts[table.name]}, wrote {written}")
