"""Supervision, the reflective journal, and supporters' hours (issue 16, slice 2).

- Supervision sessions: programme leads, administrators and the supervisor
  record them. Their notes are sealed to the session's supervisor and to every
  programme lead (storage/sealed_notes.py): nobody else reads them, whatever
  key of the vault they hold. A reader who opens notes passes them on to any
  programme lead or supervisor who could not yet read them (a new lead, or
  one who had not signed in since the notes were written).
- The journal: entries are sealed to their author only, and to one supervisor
  when the author shares an entry. Never in reports or anyone else's search.
- Hours: one-to-ones held, group meetings facilitated and listening contacts
  taken by a supporter's linked account (from casework, so only with the
  casework key), plus hours entered by hand; a monthly timesheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from peerdesk.domain.staff import Compartment, Role, StaffStatus
from peerdesk.domain.supporters import (
    HOURS_KINDS,
    HOURS_LABELS,
    MEETING_MINUTES_SETTING,
    HoursDraft,
    JournalDraft,
    SupervisionDraft,
    SupporterRole,
    SupporterStatus,
    meeting_minutes_from,
)
from peerdesk.services import supporters
from peerdesk.services.clock import today as today_
from peerdesk.services.recording import insert_audited
from peerdesk.services.session import Session
from peerdesk.storage import sealed_notes
from peerdesk.storage.repositories import grants
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.repositories import supervision as repo
from peerdesk.storage.repositories import supporters as supporter_repo
from peerdesk.storage.repositories.meta import get_setting, set_setting
from peerdesk.storage.vault import utc_now

StoredSupervision = repo.StoredSupervision
StoredEntry = repo.StoredEntry
StoredHours = repo.StoredHours

INTERVAL_SETTING = "supervision_interval_weeks"
DEFAULT_INTERVAL_WEEKS = 4
SUPERVISION, JOURNAL = "supervision", "journal"

NOTES_REFUSED = ("Supervision notes are seen only by the supporter's supervisor and "
                 "programme leads.")


def _seed(session: Session) -> bytearray:
    seed = session.vault.signing_seed
    if seed is None:
        raise PermissionDenied("Sealed notes need your own key; sign in with your password.")
    return seed


def _own_supporter_id(session: Session) -> int | None:
    own = supporter_repo.for_staff(session.db, session.staff.id)
    return own.id if own is not None else None


def _is_lead(session: Session) -> bool:
    return session.has_role(Role.PROGRAMME_LEAD)


def _leads(session: Session) -> set[int]:
    return {s.id for s in staff_repo.list_all(session.db)
            if s.status is StaffStatus.ACTIVE and Role.PROGRAMME_LEAD in _granted(session, s.id)}


def _granted(session: Session, staff_id: int) -> frozenset[Role]:
    grant = grants.newest_valid(session.db, session.vault.vault_id,
                                session.vault.trusted_authority, staff_id)
    if grant is None or grant.status is not StaffStatus.ACTIVE:
        return frozenset()
    return grant.roles


def _account_of(session: Session, supporter_id: int | None) -> int | None:
    if supporter_id is None:
        return None
    try:
        return supporter_repo.get(session.db, supporter_id).staff_id
    except NotFound:
        return None


# -- settings ------------------------------------------------------------------------

def interval_weeks(session: Session) -> int:
    raw = get_setting(session.db, INTERVAL_SETTING, None)
    return int(raw) if raw and raw.isdigit() else DEFAULT_INTERVAL_WEEKS


def set_interval_weeks(session: Session, weeks: int) -> None:
    supporters._require_manage(session)
    if not 1 <= weeks <= 52:
        raise ValidationError("Choose every 1 to 52 weeks.", field="interval")
    with session.db.transaction():
        set_setting(session.db, INTERVAL_SETTING, str(weeks))
        session.audit(AuditAction.CHANGED, "settings", INTERVAL_SETTING, str(weeks))


def meeting_minutes(session: Session) -> int:
    return meeting_minutes_from(get_setting(session.db, MEETING_MINUTES_SETTING, None))


# -- supervision ----------------------------------------------------------------------

def _may_record(session: Session, draft: SupervisionDraft) -> None:
    if supporters.can_manage(session):
        return
    own = _own_supporter_id(session)
    if own is None or draft.supervisor_id != own:
        raise PermissionDenied("Only programme leads, administrators and the supervisor "
                               "record supervision.")


def _notes_readers(session: Session, supervisor_id: int | None) -> set[int]:
    readers = _leads(session)
    account = _account_of(session, supervisor_id)
    if account is not None:
        readers.add(account)
    return readers


def record_supervision(session: Session, draft: SupervisionDraft, *,
                       today: date | None = None) -> int:
    _may_record(session, draft)
    clean = draft.validated(today_(today))
    db = session.db
    supporter_repo.get(db, clean.supporter_id)
    if clean.supervisor_id is not None:
        supervisor = supporter_repo.get(db, clean.supervisor_id)
        if SupporterRole.SUPERVISOR not in supervisor.roles:
            raise ValidationError("Choose someone whose roles include supervisor.",
                                  field="supervisor")
    with db.transaction():
        session_id = repo.insert_supervision(db, clean.supporter_id, clean.supervisor_id,
                                             clean.kind, clean.held_on, clean.minutes,
                                             recorded_by=session.staff.id, now=utc_now())
        if clean.notes:
            seal_notes(session, session_id, clean.supervisor_id, clean.notes)
        session.audit(AuditAction.CHANGED, "supporter", str(clean.supporter_id),
                      f"supervision {session_id} recorded")
    return session_id


def seal_notes(session: Session, session_id: int, supervisor_id: int | None,
               notes: str) -> None:
    """Notes on a supervision session, readable by programme leads and the supervisor.

    Called inside the caller's transaction (recording a session, or the demo vault)."""
    db, vault_id = session.db, session.vault.vault_id
    keys = sealed_notes.public_keys(db, vault_id, session.vault.trusted_authority,
                                    _notes_readers(session, supervisor_id))
    if not keys:
        raise ValidationError("No supervisor or programme lead can receive notes yet (they "
                              "need to have signed in once). Save without notes.",
                              field="notes")
    sealed = sealed_notes.encrypt(vault_id, SUPERVISION, session_id, notes)
    try:
        repo.set_notes(db, session_id, sealed.nonce, sealed.ciphertext)
        sealed_notes.seal_to(db, vault_id, SUPERVISION, session_id, sealed.key, keys)
    finally:
        sealed.key[:] = bytes(len(sealed.key))


def supervisions(session: Session, supporter_id: int) -> list[StoredSupervision]:
    """Dates, kinds and lengths (no notes): managers, the supporter, their supervisors."""
    _may_see_sessions(session, supporter_id)
    return repo.supervisions(session.db, supporter_id)


def _may_see_sessions(session: Session, supporter_id: int) -> None:
    if supporters.can_manage(session):
        return
    own = _own_supporter_id(session)
    if own is not None and (own == supporter_id or
                            own in repo.supervised_by(session.db, supporter_id)):
        return
    raise PermissionDenied("You can see only your own supervision.")


def read_notes(session: Session, session_id: int) -> str:
    """A session's notes: its supervisor and programme leads only; audited."""
    db = session.db
    found = repo.supervision(db, session_id)
    own = _own_supporter_id(session)
    allowed = _is_lead(session) or (own is not None and own == found.supervisor_id)
    if not allowed:
        raise PermissionDenied(NOTES_REFUSED)
    cipher = repo.notes_cipher(db, session_id)
    if cipher is None:
        return ""
    vault_id = session.vault.vault_id
    try:
        key = sealed_notes.note_key(db, vault_id, SUPERVISION, session_id, session.staff.id,
                                    _seed(session))
    except sealed_notes.SealedUnreadable as exc:
        raise PermissionDenied("These notes were written before your key could receive them; "
                               "they open for you once a colleague who can read them opens "
                               "them.") from exc
    try:
        text = sealed_notes.decrypt(vault_id, SUPERVISION, session_id, key, *cipher)
        with db.transaction():
            missing = _notes_readers(session, found.supervisor_id) - sealed_notes.readers(
                db, SUPERVISION, session_id)
            if missing:
                sealed_notes.seal_to(db, vault_id, SUPERVISION, session_id, key,
                                     sealed_notes.public_keys(
                                         db, vault_id, session.vault.trusted_authority,
                                         missing))
            session.audit(AuditAction.VIEWED, "supporter", str(found.supporter_id),
                          f"supervision {session_id} notes")
    finally:
        key[:] = bytes(len(key))
    return text


@dataclass(frozen=True, slots=True)
class Overdue:
    supporter_id: int
    name: str
    last: date | None
    due: date


def overdue_supervision(session: Session, *, today: date | None = None) -> list[Overdue]:
    """Active supporters whose last supervision is older than the interval (managers)."""
    if not supporters.can_manage(session):
        return []
    on = today_(today)
    weeks = timedelta(weeks=interval_weeks(session))
    last = repo.last_supervision(session.db)
    found = []
    for s in supporter_repo.all_supporters(session.db):
        if s.status is not SupporterStatus.ACTIVE:
            continue
        seen = last.get(s.id)
        due = (seen or max(s.status_since, s.start_date)) + weeks
        if due < on:
            found.append(Overdue(s.id, s.preferred_name, seen, due))
    return sorted(found, key=lambda o: (o.due, o.name.casefold()))


# -- the journal -------------------------------------------------------------------

def write_entry(session: Session, draft: JournalDraft, *, today: date | None = None) -> int:
    """A private entry in the signed-in person's own journal."""
    clean = draft.validated(today_(today))
    db, vault_id = session.db, session.vault.vault_id
    me = session.staff.id
    mine = sealed_notes.public_keys(db, vault_id, session.vault.trusted_authority, {me})
    if me not in mine:
        raise PermissionDenied("Your journal key is not set up; sign out and in again.")
    with db.transaction():
        entry_id = repo.insert_entry(db, me, clean.written_on, now=utc_now())
        sealed = sealed_notes.encrypt(vault_id, JOURNAL, entry_id, clean.body)
        try:
            repo.set_entry_cipher(db, entry_id, sealed.nonce, sealed.ciphertext, utc_now())
            sealed_notes.seal_to(db, vault_id, JOURNAL, entry_id, sealed.key, mine)
        finally:
            sealed.key[:] = bytes(len(sealed.key))
        session.audit(AuditAction.CREATED, "journal", str(entry_id))
    return entry_id


def my_entries(session: Session) -> list[StoredEntry]:
    return repo.entries(session.db, author_id=session.staff.id)


def shared_with_me(session: Session) -> list[StoredEntry]:
    return repo.entries(session.db, shared_with=session.staff.id)


def read_entry(session: Session, entry_id: int) -> str:
    """The author, or the supervisor it is shared with; audited."""
    db, vault_id = session.db, session.vault.vault_id
    found = repo.entry(db, entry_id)
    if session.staff.id not in (found.author_id, found.shared_with):
        raise PermissionDenied("A journal entry is seen only by the person who wrote it "
                               "(and the supervisor they shared it with).")
    try:
        key = sealed_notes.note_key(db, vault_id, JOURNAL, entry_id, session.staff.id,
                                    _seed(session))
    except sealed_notes.SealedUnreadable as exc:
        raise PermissionDenied("This entry can't be opened with your current key (it was "
                               "written before your password was reset).") from exc
    try:
        text = sealed_notes.decrypt(vault_id, JOURNAL, entry_id, key,
                                    *repo.entry_cipher(db, entry_id))
    finally:
        key[:] = bytes(len(key))
    with db.transaction():
        session.audit(AuditAction.VIEWED, "journal", str(entry_id))
    return text


def my_supervisors(session: Session) -> list[supporters.Account]:
    """The accounts of those who have supervised the signed-in person."""
    own = _own_supporter_id(session)
    if own is None:
        return []
    names = {s.id: s.name for s in staff_repo.list_all(session.db)}
    found = []
    for supervisor in sorted(repo.supervised_by(session.db, own)):
        account = _account_of(session, supervisor)
        if account is not None and account in names:
            found.append(supporters.Account(account, names[account]))
    return found


def share_entry(session: Session, entry_id: int, supervisor_staff_id: int | None) -> None:
    """Share one entry with one of the author's supervisors (None: stop sharing)."""
    db, vault_id = session.db, session.vault.vault_id
    found = repo.entry(db, entry_id)
    if found.author_id != session.staff.id:
        raise PermissionDenied("Only the person who wrote an entry can share it.")
    now = utc_now()
    with db.transaction():
        if supervisor_staff_id is None:
            sealed_notes.drop_keys(db, JOURNAL, entry_id, keep={found.author_id})
            repo.set_shared(db, entry_id, None, now)
            session.audit(AuditAction.CHANGED, "journal", str(entry_id), "not shared")
            return
        if supervisor_staff_id not in {a.id for a in my_supervisors(session)}:
            raise ValidationError("Share only with someone who supervises you.",
                                  field="shared_with")
        keys = sealed_notes.public_keys(db, vault_id, session.vault.trusted_authority,
                                        {supervisor_staff_id})
        if not keys:
            raise ValidationError("Your supervisor needs to have signed in once before you "
                                  "can share with them.", field="shared_with")
        key = sealed_notes.note_key(db, vault_id, JOURNAL, entry_id, session.staff.id,
                                    _seed(session))
        try:
            sealed_notes.drop_keys(db, JOURNAL, entry_id, keep={found.author_id})
            sealed_notes.seal_to(db, vault_id, JOURNAL, entry_id, key, keys)
        finally:
            key[:] = bytes(len(key))
        repo.set_shared(db, entry_id, supervisor_staff_id, now)
        session.audit(AuditAction.CHANGED, "journal", str(entry_id),
                      f"shared with {supervisor_staff_id}")


# -- hours --------------------------------------------------------------------------



def record_hours(session: Session, draft: HoursDraft, *, today: date | None = None) -> int:
    """Hours by hand: managers for anyone, a supporter for themselves."""
    if not supporters.can_manage(session) and _own_supporter_id(session) != draft.supporter_id:
        raise PermissionDenied("You can enter only your own hours.")
    db = session.db
    supporter_repo.get(db, draft.supporter_id)
    clean = draft.validated(today_(today), repo.minutes_on(db, draft.supporter_id,
                                                           draft.worked_on))
    return insert_audited(session, repo.insert_hours, clean,
                          about=("supporter", draft.supporter_id), detail="hours {id} recorded")


@dataclass(frozen=True, slots=True)
class TimesheetRow:
    supporter_id: int
    name: str
    minutes: dict[str, int]  # kind -> minutes

    @property
    def total(self) -> int:
        return sum(self.minutes.values())


@dataclass(frozen=True, slots=True)
class Timesheet:
    first: date
    last: date
    rows: tuple[TimesheetRow, ...]
    includes_casework: bool  # False: no casework key, so only hours entered by hand

    def total(self, kind: str) -> int:
        return sum(r.minutes.get(kind, 0) for r in self.rows)


def month_span(month: str) -> tuple[date, date]:
    first = date.fromisoformat(f"{month}-01")
    nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


def timesheet(session: Session, first: date, last: date, *,
              supporter_id: int | None = None) -> Timesheet:
    """Hours by kind per supporter. Managers see everyone; a supporter only themselves."""
    if not supporters.can_manage(session):
        own = _own_supporter_id(session)
        if own is None or supporter_id != own:
            raise PermissionDenied("You can see only your own hours.")
    db = session.db
    people = [s for s in supporter_repo.all_supporters(db)
              if supporter_id is None or s.id == supporter_id]
    totals: dict[int, dict[str, int]] = {s.id: {} for s in people}
    for h in repo.hours_between(db, first, last, supporter_id):
        if h.supporter_id in totals:
            bucket = totals[h.supporter_id]
            bucket[h.kind.value] = bucket.get(h.kind.value, 0) + h.minutes
    casework = session.holds(Compartment.CASEWORK)
    if casework:
        by_account = {s.staff_id: s.id for s in people if s.staff_id is not None}
        for staff_id, kind, minutes in repo.casework_minutes(
                db, sorted(by_account), first, last, meeting_minutes(session)):
            bucket = totals[by_account[staff_id]]
            bucket[kind] = bucket.get(kind, 0) + minutes
    rows = tuple(TimesheetRow(s.id, s.preferred_name, totals[s.id]) for s in people
                 if supporter_id is not None or totals[s.id])
    with db.transaction():
        session.audit(AuditAction.VIEWED, "supporter",
                      str(supporter_id) if supporter_id is not None else "",
                      f"timesheet {first.isoformat()}..{last.isoformat()}")
    return Timesheet(first, last, rows, casework)


def timesheet_csv(sheet: Timesheet) -> str:
    """The timesheet as CSV, hours with two decimals, exactly as the screen shows."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    from peerdesk.reports.csv_writer import neutralise

    headers, rows = timesheet_rows(sheet)
    writer.writerow(headers)
    writer.writerows([[neutralise(r[0]), *r[1:]] for r in rows])  # a name like "=1+1"
    return out.getvalue()


def timesheet_rows(sheet: Timesheet) -> tuple[list[str], list[list[str]]]:
    """Headers and rows, as the screen, the CSV and the PDF show them."""
    headers = ["Supporter", *(HOURS_LABELS[k] for k in HOURS_KINDS), "Total hours"]
    rows = [[row.name, *(hours_text(row.minutes.get(k, 0)) for k in HOURS_KINDS),
             hours_text(row.total)] for row in sheet.rows]
    rows.append(["Total", *(hours_text(sheet.total(k)) for k in HOURS_KINDS),
                 hours_text(sum(r.total for r in sheet.rows))])
    return headers, rows


def save_timesheet(session: Session, sheet: Timesheet, path: Path, *,
                   fmt: str = "csv") -> None:
    """Write the timesheet as CSV or PDF (names of supporters, no peers); audited."""
    from peerdesk.reports.supporters_pdf import render_table

    if fmt == "csv":
        data = timesheet_csv(sheet).encode("utf-8-sig")
    else:
        headers, rows = timesheet_rows(sheet)
        note = "" if sheet.includes_casework else (
            " Hours entered by hand only: counting sessions, meetings and contacts needs "
            "access to peers' records.")
        data, _pages = render_table(
            "Volunteer hours", f"{sheet.first.isoformat()} to {sheet.last.isoformat()}, in "
            f"hours.{note}", headers, rows,
            centre_name=get_setting(session.db, "centre_name", "") or "")
    supporters._write(path, data)
    session.audit_alone(AuditAction.EXPORTED, "supporter", "",
                        f"timesheet {fmt} {sheet.first.isoformat()}..{sheet.last.isoformat()}, "
                        f"{len(sheet.rows)} supporters")


def hours_text(minutes: int) -> str:
    return f"{minutes / 60:.2f}"


__all__ = [
    "HOURS_KINDS",
    "HOURS_LABELS",
    "Overdue",
    "StoredEntry",
    "StoredHours",
    "StoredSupervision",
    "Timesheet",
    "TimesheetRow",
    "hours_text",
    "interval_weeks",
    "meeting_minutes",
    "month_span",
    "my_entries",
    "my_supervisors",
    "overdue_supervision",
    "read_entry",
    "read_notes",
    "record_hours",
    "record_supervision",
    "save_timesheet",
    "set_interval_weeks",
    "share_entry",
    "shared_with_me",
    "supervisions",
    "timesheet",
    "timesheet_csv",
    "timesheet_rows",
    "write_entry",
]
