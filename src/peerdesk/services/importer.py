"""Import peers and their sessions from the spreadsheet a centre kept before (DESIGN.md §6).

Two steps. `check_file` reads the whole file (streamed), maps its columns,
validates every row and returns an `ImportPreview`: the mapping, counts, the
first rows and every problem with its line number. `apply_import` then writes
everything in one transaction, or nothing: if any row has a problem, or the
file changed since it was checked, the vault is left exactly as it was.

Peers get new reference numbers from the vault's one counter, their names go
into the search index and their last-contact dates are derived, as when they
are added by hand. One audit event records the import with counts only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.import_columns import (
    FIELD_BY_KEY,
    FIELDS,
    Mapping,
    guess_mapping,
    squash,
    unused_columns,
)
from peerdesk.domain.import_rows import ImportChecker, PeerPlan, Problem, StaffRef
from peerdesk.domain.staff import Permission, Role
from peerdesk.services.clock import today as today_
from peerdesk.services.import_reader import (
    FileFormat,
    ImportRefused,
    Progress,
    UnreadableRow,
    detect,
    fingerprint,
    rows,
)
from peerdesk.services.session import Session
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories import bulk
from peerdesk.storage.repositories import peers as peer_repo
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.vault import utc_now

__all__ = ["ImportPreview", "ImportRefused", "ImportResult", "Problem", "apply_import",
           "check_file", "headers_of", "mapping_from_names", "preview", "staff_directory"]

PREVIEW_ROWS = 20
_BATCH = 2000
_ASSIGNABLE = (Role.CASEWORKER, Role.PEER_SUPPORTER, Role.PROGRAMME_LEAD)


@dataclass(frozen=True, slots=True)
class ImportPreview:
    path: Path
    format: FileFormat
    headers: list[str]
    mapping: Mapping
    row_count: int
    peer_count: int
    session_count: int
    problems: list[Problem]
    problem_count: int
    notes: list[str]
    first_rows: list[list[str]]
    # The spreadsheet's line number of each of the first rows (blank rows are skipped).
    first_lines: list[int]
    importer_id: int
    today: date
    peers: dict[str, PeerPlan] = field(repr=False)

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def mapping_lines(self) -> list[str]:
        """'Our field ← their column' for every field, in the template's order."""
        lines = []
        for f in FIELDS:
            index = self.mapping.get(f.key)
            theirs = f"“{self.headers[index]}”" if index is not None else "(not in the file)"
            lines.append(f"{f.label} ← {theirs}")
        return lines


@dataclass(frozen=True, slots=True)
class ImportResult:
    peers: int
    sessions: int


def staff_directory(session: Session, db: Database | None = None) -> dict[str, StaffRef]:
    """Account names (spacing and case ignored) for the worker and caseworker columns."""
    return {
        squash(s.name): StaffRef(s.id, s.is_active and s.role in _ASSIGNABLE)
        for s in staff_repo.list_all(db or session.db, include_removed=True)
    }


def mapping_from_names(headers: list[str], names: dict[str, str],
                       start: Mapping | None = None) -> Mapping:
    """Our field key -> their heading, as typed (`--map ourfield=theircolumn`)."""
    mapping = dict(start if start is not None else guess_mapping(headers))
    squashed = [squash(h) for h in headers]
    for key, heading in names.items():
        if key not in FIELD_BY_KEY:
            raise ImportRefused(f"“{key}” is not one of PeerDesk's import fields: "
                                f"{', '.join(FIELD_BY_KEY)}.")
        if not heading.strip():
            mapping.pop(key, None)
            continue
        if squash(heading) not in squashed:
            raise ImportRefused(f"The file has no column headed “{heading}”.")
        index = squashed.index(squash(heading))
        # A column holds one field: whichever had it before loses it.
        for other in [k for k, i in mapping.items() if i == index]:
            del mapping[other]
        mapping[key] = index
    return mapping


def headers_of(path: Path) -> list[str]:
    fmt = detect(path)
    for _line, cells in rows(path, fmt):
        return cells
    return []


def preview(session: Session, path: Path, mapping: Mapping | None = None, *,
            today: date | None = None, progress: Progress | None = None) -> ImportPreview:
    """Check a file on the signed-in person's behalf (needs IMPORT_DATA)."""
    session.require(Permission.IMPORT_DATA)
    return check_file(path, staff=staff_directory(session), importer_id=session.staff.id,
                      today=today_(today), mapping=mapping, progress=progress)


def check_file(path: Path, *, staff: dict[str, StaffRef], importer_id: int, today: date,
               mapping: Mapping | None = None, progress: Progress | None = None
               ) -> ImportPreview:
    """Read and validate every row without touching the vault (safe on a worker thread)."""
    fmt = detect(path)
    stream = rows(path, fmt, progress)
    headers: list[str] = []
    first_rows: list[list[str]] = []
    first_lines: list[int] = []
    checker: ImportChecker | None = None
    notes = list(fmt.notes)
    try:
        for line, cells in stream:
            if checker is None:
                headers = [_shown_heading(h) for h in cells]
                if not any(headers):
                    raise ImportRefused("The first line of the file is empty; it should hold "
                                        "the column headings (see the import template).")
                chosen = guess_mapping(headers) if mapping is None else mapping
                checker = ImportChecker(headers, chosen, staff=staff, importer_id=importer_id,
                                        today=today)
                if not guess_mapping(headers) and mapping is None:
                    checker.problem(1, "peer_key", "none of the first line's headings is one "
                                    "PeerDesk knows, so it may be data rather than headings. "
                                    "Put the headings on line 1 or choose the columns.")
                continue
            if not any(c.strip() for c in cells):
                continue  # a blank row between records, as spreadsheets often leave
            if len(first_rows) < PREVIEW_ROWS:
                first_rows.append(cells)
                first_lines.append(line)
            checker.check_row(line, cells)
    except UnreadableRow as exc:
        if checker is None:
            raise ImportRefused("The first line of the file can't be read as CSV.") from None
        checker.problem(exc.line, "peer_key", exc.reason)
    if checker is None:
        raise ImportRefused("The file is empty: there is nothing to import.")
    checker.finish()
    notes.extend(f"Column “{headers[i]}” is not used: no PeerDesk field is chosen for it."
                 for i in unused_columns(headers, checker.mapping))
    return ImportPreview(
        path=path, format=fmt, headers=headers, mapping=dict(checker.mapping),
        row_count=checker.rows, peer_count=len(checker.peers),
        session_count=checker.sessions, problems=list(checker.problems),
        problem_count=checker.problem_count, notes=notes, first_rows=first_rows,
        first_lines=first_lines,
        importer_id=importer_id, today=today, peers=checker.peers,
    )


def _shown_heading(raw: str) -> str:
    """A heading as messages show it: one printable line, never a whole pasted cell."""
    text = "".join(c if c.isprintable() else " " for c in raw).strip()
    return text if len(text) <= 80 else text[:79] + "…"


def apply_import(session: Session, checked: ImportPreview, *, db: Database | None = None,
                 progress: Progress | None = None) -> ImportResult:
    """Write a checked file in one transaction. `db`: a worker thread's own connection."""
    session.require(Permission.IMPORT_DATA)
    if not checked.ok:
        raise ImportRefused(f"The file has {checked.problem_count:,} problem"
                            f"{'s' * (checked.problem_count != 1)}; nothing was imported. "
                            "Correct them and check the file again.")
    if checked.importer_id != session.staff.id:
        raise ImportRefused("This file was checked by another account; check it again.")
    db = db or session.db
    if fingerprint(checked.path) != checked.format.fingerprint:
        raise ImportRefused("The file has changed since it was checked. Check it again "
                            "before importing; nothing was imported.")
    changed = ImportRefused("The file or the staff accounts changed while importing; nothing "
                            "was imported. Check the file again.")
    with db.transaction():
        peer_ids = _write_peers(db, checked.peers)
        checker = ImportChecker(checked.headers, checked.mapping,
                                staff=staff_directory(session, db),
                                importer_id=checked.importer_id, today=checked.today)
        batch = bulk.Rows()
        sessions = 0
        try:
            for line, cells in rows(checked.path, checked.format, progress):
                if line == 1 or not any(c.strip() for c in cells):
                    continue
                result = checker.check_row(line, cells)
                if result is None:
                    raise changed
                key, draft = result
                if draft is None:
                    continue
                batch.add_session(
                    peer_id=peer_ids[key], worker_id=draft.worker_id,
                    held_on=draft.held_on.isoformat(), minutes=draft.minutes,
                    mode=draft.mode.value, kind=draft.kind.value, follow_up_on=None,
                    done_on=None, notes=draft.notes, next_steps="", topics=[])
                sessions += 1
                if len(batch.sessions) >= _BATCH:
                    bulk.write(db, batch)
                    batch = bulk.Rows()
        except (UnreadableRow, KeyError):
            raise changed from None
        checker.finish()
        if not checker.ok or checker.peers.keys() != checked.peers.keys():
            raise changed
        bulk.write(db, batch)
        for peer_id in peer_ids.values():
            peer_repo.refresh_derived(db, peer_id)
        # Counts only: the detail never carries a name, a key or the file's name.
        audit_repo.append(db, at=utc_now(), actor_id=session.staff.id,
                          action=AuditAction.CREATED, target_kind="import",
                          detail=f"imported {len(peer_ids)} peers and {sessions} one-to-one "
                                 "sessions from a spreadsheet")
    return ImportResult(len(peer_ids), sessions)


def _write_peers(db: Database, plans: dict[str, PeerPlan]) -> dict[str, int]:
    """Insert every peer with a new reference number; key -> new peer id."""
    first_ref = peer_repo.reserve_ref_numbers(db, len(plans))
    first_id = bulk.next_id(db, "peer")
    ids: dict[str, int] = {}
    batch = bulk.Rows()
    for offset, plan in enumerate(plans.values()):
        draft, safe = plan.draft, plan.safe
        if draft is None or safe is None:
            raise ImportRefused("The file has problems; nothing was imported.")
        peer_id = first_id + offset
        ids[plan.key] = peer_id
        batch.peers.append((
            peer_id, first_ref + offset, draft.preferred_name, draft.full_name,
            draft.preferred_name.casefold(), draft.birth_year, draft.age_band.value,
            draft.gender.value, draft.gender_description, draft.languages, draft.nationality,
            draft.contact_route.value, draft.first_contact.isoformat(), draft.status.value,
            draft.closed_on.isoformat() if draft.closed_on else None, draft.closed_reason,
            draft.caseworker_id, draft.supporter_id))
        batch.search.append((peer_id, peer_repo.search_text(draft)))
        batch.safe.append((peer_id, int(safe.do_not_contact), int(safe.calls_ok),
                           int(safe.texts_ok), int(safe.email_ok), int(safe.voicemail_ok),
                           safe.safe_times, safe.code_word, safe.other))
        if len(batch.peers) >= _BATCH:
            bulk.write(db, batch)
            batch = bulk.Rows()
    bulk.write(db, batch)
    return ids
