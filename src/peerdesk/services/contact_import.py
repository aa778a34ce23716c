"""Import a call log kept in a spreadsheet into contacts, all or nothing (docs/import.md).

Two steps, like the peers import (services.importer): `preview` reads the whole
file (streamed) and checks every row against the contact form's rules and the
centre's own lists; `apply` writes every contact in one transaction, or nothing
if any row has a problem or the file changed since it was checked. Known
callers named in the file that don't exist yet are added. One audit event
records the import, with counts only.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.contact_import import COLUMNS, CallLogChecker, Lists, guess_columns
from peerdesk.domain.errors import Message
from peerdesk.domain.import_columns import squash
from peerdesk.domain.listening import ContactDraft, KnownCallerDraft
from peerdesk.domain.staff import Permission
from peerdesk.services.clock import now as now_
from peerdesk.services.import_reader import (
    CheckedFile,
    HeadedRows,
    ImportRefused,
    Progress,
    detect,
    is_blank,
    refuse_unless_ready,
)
from peerdesk.services.listening import session_audit, takers
from peerdesk.services.session import Session
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import contacts as contact_repo
from peerdesk.storage.repositories import directory as directory_repo
from peerdesk.storage.repositories import known_callers as caller_repo
from peerdesk.storage.repositories import listening_lists as lists
from peerdesk.storage.repositories.listening_lists import ListKind
from peerdesk.storage.vault import utc_now

__all__ = ["CallLogPreview", "ImportRefused", "apply", "preview"]

PREVIEW_ROWS = 20
_BATCH = 2000


@dataclass(frozen=True, slots=True)
class CallLogPreview(CheckedFile):
    columns: dict[str, int]
    new_callers: list[str]
    checked_at: datetime
    drafts: list[tuple[int, ContactDraft, str]] = field(repr=False)

    @property
    def ok(self) -> bool:
        return self.problem_count == 0 and self.row_count > 0


def _lists(session: Session, db: Database) -> Lists:
    entries = directory_repo.entries(db, directory_repo.find(db))
    return Lists(
        regions=Lists.keyed({i.id: i.name for i in lists.items(db, ListKind.REGION,
                                                                 active_only=True)}),
        topics=Lists.keyed({i.id: i.name for i in lists.items(db, ListKind.TOPIC,
                                                                active_only=True)}),
        services=Lists.keyed({e.id: e.draft.name for e in entries}),
        takers={squash(t.name): t.id for t in takers(session, db)},
        callers={c.draft.nickname.casefold(): c.id for c in caller_repo.all_callers(db)})


def preview(session: Session, path: Path, *, now: datetime | None = None,
            progress: Progress | None = None, db: Database | None = None) -> CallLogPreview:
    """Read and check every row without writing anything (programme leads)."""
    session.require(Permission.IMPORT_DATA)
    session.require(Permission.LOG_CONTACTS)
    conn = db or session.db
    fmt = detect(path)
    table = HeadedRows(path, fmt, progress, heading=lambda h: " ".join(h.split())[:80],
                       blank_headings=ImportRefused(
                           "The first line of the file is empty; it should hold the column "
                           "headings (see the call log template)."))
    headers = table.headers
    checker = CallLogChecker(headers, guess_columns(headers), _lists(session, conn),
                             session.staff.id, now_(now))
    first_rows: list[list[str]] = []
    notes = list(fmt.notes)
    for line, cells in table.data():
        if is_blank(cells):
            continue
        if len(first_rows) < PREVIEW_ROWS:
            first_rows.append(cells)
        checker.check_row(line, cells)
    if table.unreadable is not None:
        checker.problem(table.unreadable.line, "date", table.unreadable.reason)
    used = set(checker.columns.values())
    notes += [Message("Column “{heading}” is not used: no call log field has that heading.",
                      heading=h)
              for i, h in enumerate(headers) if h and i not in used]
    if checker.rows == 0:
        notes.append(Message("The file has headings but no rows: there is nothing to "
                             "import."))
    return CallLogPreview(
        path=path, format=fmt, headers=headers, columns=dict(checker.columns),
        row_count=checker.rows, problems=list(checker.problems),
        problem_count=checker.problem_count, notes=notes, first_rows=first_rows,
        new_callers=sorted(checker.new_callers.values(), key=str.casefold),
        importer_id=session.staff.id, checked_at=checker.now, drafts=checker.drafts)


def apply(session: Session, checked: CallLogPreview, *, db: Database | None = None) -> int:
    """Write a checked call log in one transaction; returns how many contacts went in."""
    session.require(Permission.IMPORT_DATA)
    session.require(Permission.LOG_CONTACTS)
    refuse_unless_ready(checked, session.staff.id)
    db = db or session.db
    with db.transaction():
        now = utc_now()
        # The lists may have changed since the check: check the values again.
        again = preview(session, checked.path, now=checked.checked_at, db=db)
        if not again.ok or again.row_count != checked.row_count:
            raise ImportRefused("The centre's lists or accounts changed while importing; "
                                "nothing was imported. Check the file again.")
        callers = {nickname.casefold(): caller_repo.insert(
            db, KnownCallerDraft(nickname).validated(), created_by=session.staff.id, now=now)
            for nickname in again.new_callers}
        drafts = []
        for _line, draft, new_caller in again.drafts:
            if new_caller:
                draft = replace(draft, known_caller_id=callers[new_caller.casefold()])
            drafts.append(draft)
        for start in range(0, len(drafts), _BATCH):
            contact_repo.insert_many(db, drafts[start:start + _BATCH], now=now)
        for caller_id in {d.known_caller_id for d in drafts if d.known_caller_id is not None}:
            contact_repo.refresh_caller(db, caller_id)
        session_audit(session, db, AuditAction.CREATED, "import", "",
                      f"imported {len(drafts)} contacts from a call log"
                      + (f", {len(callers)} new known callers" if callers else ""))
    return len(drafts)


TEMPLATE_HEADINGS = [c.key for c in COLUMNS]
