"""Import peers and their sessions from the spreadsheet a centre kept before (DESIGN.md §6).

Two steps. `check_file` reads the whole file (streamed), maps its columns,
validates every row and returns an `ImportPreview`: the mapping, counts, the
first rows and every problem with its line number (the first 500 listed, the
rest counted). `apply_import` then writes everything in one transaction, or
nothing: if any row has a problem, or the file changed since it was checked,
the vault is left exactly as it was.

Both steps stream, so memory stays flat whatever the size of the sheet: the
check keeps only what rows need from each other (each person's details, see
domain.import_plans, spilled to an encrypted scratch file for huge sheets),
and the import reads the file a second time for the sessions.

Peers get new reference numbers from the vault's one counter, their names go
into the search index and their last-contact dates are derived, as when they
are added by hand. One audit event records the import with counts only.
"""

from __future__ import annotations

import contextlib
import hashlib
from array import array
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import Message, PeerDeskError, ValidationError
from peerdesk.domain.import_columns import (
    FIELD_BY_KEY,
    FIELDS,
    Mapping,
    guess_mapping,
    squash,
    unused_columns,
)
from peerdesk.domain.import_plans import PlanStore
from peerdesk.domain.import_rows import ImportChecker, Problem, StaffRef
from peerdesk.domain.safe_contact import to_column
from peerdesk.domain.staff import Permission, Role
from peerdesk.services.clock import today as today_
from peerdesk.services.import_reader import (
    CheckedFile,
    FileFormat,
    HeadedRows,
    ImportRefused,
    Progress,
    UnreadableRow,
    detect,
    is_blank,
    refuse_unless_ready,
    rows,
)
from peerdesk.services.session import Session
from peerdesk.storage.database import Database
from peerdesk.storage.import_scratch import ScratchPlans
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories import bulk
from peerdesk.storage.repositories import peers as peer_repo
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.vault import utc_now

__all__ = ["ImportPreview", "ImportRefused", "ImportResult", "Problem", "apply_import",
           "check_file", "headers_of", "mapping_from_names", "plans_for", "preview",
           "staff_directory"]

PREVIEW_ROWS = 20
_SHOWN_CELL = 200
_BATCH = 2000
# Progress in thousandths; reading the rows is most of a check, the people the rest.
_STEPS = 1000
_READING = 0.9
_ASSIGNABLE = (Role.CASEWORKER, Role.PEER_SUPPORTER, Role.PROGRAMME_LEAD)


@dataclass(frozen=True, slots=True)
class ImportPreview(CheckedFile):
    mapping: Mapping
    peer_count: int
    session_count: int
    # The spreadsheet's line number of each of the first rows (blank rows are skipped).
    first_lines: list[int]
    today: date
    # Each person's details (in memory, or an encrypted scratch file for a huge sheet).
    plans: PlanStore = field(repr=False)
    # Each data row's person (its plan's seq), -1 for a blank row.
    row_peers: array[int] = field(repr=False)
    # The staff accounts as the check saw them: importing with others means checking again.
    staff: dict[str, StaffRef] = field(repr=False)

    @property
    def spent(self) -> bool:
        """Imported already, or an import was tried: the details kept are gone."""
        return self.plans.discarded

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
            raise ImportRefused("“{key}” is not one of PeerDesk's import fields: {fields}.",
                                key=key, fields=", ".join(FIELD_BY_KEY))
        if not heading.strip():
            mapping.pop(key, None)
            continue
        if squash(heading) not in squashed:
            raise ImportRefused("The file has no column headed “{heading}”.",
                                heading=heading)
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


def plans_for(session: Session) -> ScratchPlans:
    """Where a check keeps each person's details: spilling (encrypted) beside the vault,
    on the same disk, rather than in a temporary folder that may be held in memory."""
    database = session.vault.paths.database
    return ScratchPlans(database.parent, prefix=f"{database.name}.import-", sweep=True)


def preview(session: Session, path: Path, mapping: Mapping | None = None, *,
            today: date | None = None, progress: Progress | None = None) -> ImportPreview:
    """Check a file on the signed-in person's behalf (needs IMPORT_DATA)."""
    session.require(Permission.IMPORT_DATA)
    return check_file(path, staff=staff_directory(session), importer_id=session.staff.id,
                      today=today_(today), mapping=mapping, progress=progress,
                      plans=plans_for(session))


def check_file(path: Path, *, staff: dict[str, StaffRef], importer_id: int, today: date,
               mapping: Mapping | None = None, progress: Progress | None = None,
               plans: PlanStore | None = None) -> ImportPreview:
    """Read and validate every row without touching the vault (safe on a worker thread).

    Streamed: only each person's details (in `plans`, which spill to an
    encrypted scratch file for huge sheets), one number per row and the
    first problems are kept, whatever the size of the file.
    """
    fmt = detect(path)
    store: PlanStore = plans if plans is not None else ScratchPlans()
    try:
        return _check(path, fmt, store, staff=staff, importer_id=importer_id, today=today,
                      mapping=mapping, progress=progress)
    except BaseException:
        store.discard()
        raise


def _check(path: Path, fmt: FileFormat, store: PlanStore, *, staff: dict[str, StaffRef],
           importer_id: int, today: date, mapping: Mapping | None,
           progress: Progress | None) -> ImportPreview:
    first_rows: list[list[str]] = []
    first_lines: list[int] = []
    # Each data row's person (plan seq), -1 for a blank or refused row: 4 bytes a row.
    row_peers = array("i")
    notes = list(fmt.notes)
    table = HeadedRows(path, fmt, _stage(progress, 0.0, _READING), heading=_shown_heading,
                       blank_headings=ImportRefused(
                           "The first line of the file is empty; it should hold the column "
                           "headings (see the import template)."))
    headers = table.headers
    chosen = guess_mapping(headers) if mapping is None else mapping
    checker = ImportChecker(headers, chosen, staff=staff, importer_id=importer_id,
                            today=today, plans=store)
    if not guess_mapping(headers) and mapping is None:
        checker.problem(1, "peer_key", Message(
            "none of the first line's headings is one PeerDesk knows, so it may be "
            "data rather than headings. Put the headings on line 1 or choose the "
            "columns."))
    for line, cells in table.data():
        if is_blank(cells):
            row_peers.append(-1)
            continue
        if len(first_rows) < PREVIEW_ROWS:
            first_rows.append(_shown_cells(cells, len(headers)))
            first_lines.append(line)
        checked = checker.check_row(line, cells)
        row_peers.append(-1 if checked is None else checked[0])
    if table.unreadable is not None:
        checker.problem(table.unreadable.line, "peer_key", table.unreadable.reason)
    checker.finish(_stage(progress, _READING, 1.0))
    if not checker.ok:
        store.discard()  # nothing will be imported: give the memory and scratch file back now
    notes.extend(Message("Column “{heading}” is not used: no PeerDesk field is chosen for "
                         "it.", heading=headers[i])
                 for i in unused_columns(headers, checker.mapping))
    return ImportPreview(
        path=path, format=fmt, headers=headers, mapping=dict(checker.mapping),
        row_count=checker.rows, peer_count=len(store),
        session_count=checker.sessions, problems=list(checker.problems),
        problem_count=checker.problem_count, notes=notes, first_rows=first_rows,
        first_lines=first_lines, importer_id=importer_id, today=today,
        plans=store, row_peers=row_peers, staff=dict(staff),
    )


def _shown_cells(cells: list[str], width: int) -> list[str]:
    """A row as the preview keeps it: no more cells than headings, none of them huge."""
    return [c if len(c) <= _SHOWN_CELL else c[:_SHOWN_CELL - 1] + "…" for c in cells[:width]]


def _stage(progress: Progress | None, start: float, end: float) -> Progress | None:
    """One step's progress as its share (start..end) of the whole, in thousandths."""
    if progress is None:
        return None
    report = progress

    def step(done: int, total: int) -> None:
        fraction = min(1.0, done / total) if total else 1.0
        report(round(_STEPS * (start + (end - start) * fraction)), _STEPS)
    return step


def _shown_heading(raw: str) -> str:
    """A heading as messages show it: one printable line, never a whole pasted cell."""
    text = "".join(c if c.isprintable() else " " for c in raw).strip()
    return text if len(text) <= 80 else text[:79] + "…"


def apply_import(session: Session, checked: ImportPreview, *, db: Database | None = None,
                 progress: Progress | None = None) -> ImportResult:
    """Write a checked file in one transaction. `db`: a worker thread's own connection.

    Streamed like the check: the people first (from the check's plans), then
    the file is read again for the sessions, a batch at a time. The bytes read
    must be the ones checked, or the transaction is rolled back.
    """
    session.require(Permission.IMPORT_DATA)
    refuse_unless_ready(checked, session.staff.id, spent=checked.spent)
    db = db or session.db
    # Writing the people is slower per item than a session row: weigh the steps so.
    people = 2 * checked.peer_count
    split = people / (people + checked.row_count) if people else 0.0
    try:
        with db.transaction():
            if staff_directory(session, db) != checked.staff:
                raise _changed()
            checker = ImportChecker(checked.headers, checked.mapping, staff=checked.staff,
                                    importer_id=checked.importer_id, today=checked.today)
            first_id = _write_peers(db, checker, checked, _stage(progress, 0.0, split))
            # The check's details are written now: give their memory or scratch file back
            # before the sessions grow the log, so the two never take disk space together.
            checked.plans.discard()
            sessions = _write_sessions(db, checker, checked, first_id,
                                       _stage(progress, split, 1.0))
            # Counts only: the detail never carries a name, a key or the file's name.
            audit_repo.append(db, at=utc_now(), actor_id=session.staff.id,
                              action=AuditAction.CREATED, target_kind="import",
                              detail=f"imported {checked.peer_count} peers and {sessions} "
                                     "one-to-one sessions from a spreadsheet")
    finally:
        _give_back_wal(db)
    return ImportResult(checked.peer_count, sessions)


def _changed() -> ImportRefused:
    return ImportRefused("The file or the staff accounts changed while importing; nothing "
                         "was imported. Check the file again.")


def _write_peers(db: Database, checker: ImportChecker, checked: ImportPreview,
                 progress: Progress | None) -> int:
    """Insert every person, in the order the file first named them; their first new id."""
    total = checked.peer_count
    first_ref = peer_repo.reserve_ref_numbers(db, total)
    first_id = bulk.next_id(db, "peer")
    batch = bulk.Rows()
    done = 0
    for plan in checked.plans.in_order():
        if plan.seq != done:
            raise _changed()
        try:
            draft, safe = checker.records(plan)
        except ValidationError:
            raise _changed() from None
        peer_id = first_id + plan.seq
        batch.dated_peers.append((
            peer_id, first_ref + plan.seq, draft.preferred_name, draft.full_name,
            draft.preferred_name.casefold(), draft.birth_year, draft.age_band.value,
            draft.gender.value, draft.gender_description, draft.languages, draft.nationality,
            draft.contact_route.value, draft.first_contact.isoformat(), draft.status.value,
            draft.closed_on.isoformat() if draft.closed_on else None, draft.closed_reason,
            draft.caseworker_id, draft.supporter_id,
            plan.first_session.isoformat() if plan.first_session else None,
            plan.last_session.isoformat() if plan.last_session else None))
        batch.search.append((peer_id, peer_repo.search_text(draft)))
        batch.safe.append((peer_id, int(safe.do_not_contact),
                           *(to_column(c) for c in safe.channels()),
                           safe.safe_times, safe.code_word, safe.other))
        done += 1
        if len(batch.dated_peers) >= _BATCH:
            bulk.write(db, batch)
            batch = bulk.Rows()
            if progress is not None:
                progress(done, total)
    if done != total:
        raise _changed()
    bulk.write(db, batch)
    if progress is not None:
        progress(total, total)
    return first_id


def _write_sessions(db: Database, checker: ImportChecker, checked: ImportPreview,
                    first_id: int, progress: Progress | None) -> int:
    """Read the file again and insert each row's session; how many."""
    row_peers = checked.row_peers
    digest = hashlib.sha256()
    batch = bulk.Rows()
    sessions = 0
    lines = 0
    try:
        for line, cells in rows(checked.path, checked.format, progress, digest=digest):
            lines = line
            if line == 1:
                continue
            if line - 2 >= len(row_peers):
                raise _changed()
            seq = row_peers[line - 2]
            if seq < 0:
                if any(c.strip() for c in cells):
                    raise _changed()
                continue
            draft = checker.session_of(line, cells)
            if checker.problem_count:
                raise _changed()
            if draft is None:
                continue
            batch.add_session(
                peer_id=first_id + seq, worker_id=draft.worker_id,
                held_on=draft.held_on.isoformat(), minutes=draft.minutes,
                mode=draft.mode.value, kind=draft.kind.value, follow_up_on=None,
                done_on=None, notes=draft.notes, next_steps="", topics=[])
            sessions += 1
            if len(batch.sessions) >= _BATCH:
                bulk.write(db, batch)
                batch = bulk.Rows()
    except UnreadableRow:
        raise _changed() from None
    if (digest.hexdigest() != checked.format.fingerprint or lines != len(row_peers) + 1
            or sessions != checked.session_count):
        raise _changed()
    bulk.write(db, batch)
    return sessions


def _give_back_wal(db: Database) -> None:
    """Shrink the write-ahead log an import grew (to about the size of what it added)
    back to nothing, so the disk space is only borrowed. Best effort: a reader on
    another connection may hold it for now, and the next checkpoint will do it."""
    with contextlib.suppress(PeerDeskError):
        db.checkpoint()
