"""The peer supporters register: supporters, training, the competency matrix, checks.

Programme leads and administrators manage the register
(Permission.MANAGE_SUPPORTERS); it lives in the main database, which both
hold the key to. A supporter linked to an account sees their own record and
nothing else of the register. Every opening, change and printing of a
supporter's record is audited against "supporter" and its number, never a name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import (
    DiskFull,
    NotFound,
    PeerDeskError,
    PermissionDenied,
    ValidationError,
)
from peerdesk.domain.staff import Permission, StaffStatus
from peerdesk.domain.supporters import (
    CellState,
    CheckDraft,
    CompletionDraft,
    CourseDraft,
    ModuleDraft,
    ModulesDoneDraft,
    SupporterDraft,
    SupporterStatus,
    cell_state,
    check_status_change,
    course_done_on,
    modules_done,
)
from peerdesk.domain.validation import clean_name
from peerdesk.services.clock import today as today_
from peerdesk.services.recording import insert_audited
from peerdesk.services.session import Session
from peerdesk.storage.atomic import write_atomically
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import staff as staff_repo
from peerdesk.storage.repositories import supporters as repo
from peerdesk.storage.repositories.meta import get_setting
from peerdesk.storage.vault import utc_now

StoredSupporter = repo.StoredSupporter
Competency = repo.Competency
Course = repo.Course
Completion = repo.Completion
Check = repo.Check
StatusRow = repo.StatusRow
Module = repo.Module
ModuleCompletion = repo.ModuleCompletion

EXPIRY_WINDOW_DAYS = 30
KIND = "supporter"


def can_manage(session: Session) -> bool:
    return session.can(Permission.MANAGE_SUPPORTERS)


def _require_manage(session: Session) -> None:
    session.require(Permission.MANAGE_SUPPORTERS)


def _require_see(session: Session, supporter_id: int) -> None:
    """Managers see every record; anyone else only the one linked to their account."""
    if can_manage(session):
        return
    own = repo.for_staff(session.db, session.staff.id)
    if own is None or own.id != supporter_id:
        raise PermissionDenied("You can see only your own supporter record. Programme leads "
                               "and administrators keep the register.")


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    name: str


def linkable_accounts(session: Session) -> list[Account]:
    _require_manage(session)
    return [Account(s.id, s.name) for s in staff_repo.list_all(session.db)
            if s.status is StaffStatus.ACTIVE]


# -- the register ---------------------------------------------------------------

def _checked(session: Session, draft: SupporterDraft, today: date | None) -> SupporterDraft:
    """A new or changed supporter as it will be kept: by someone who may, valid, and
    linked (if at all) to an account that exists."""
    _require_manage(session)
    clean = draft.validated(today_(today))
    if clean.staff_id is not None:
        staff_repo.get(session.db, clean.staff_id)
    return clean


def add(session: Session, draft: SupporterDraft, *,
        status: SupporterStatus = SupporterStatus.IN_TRAINING,
        today: date | None = None) -> int:
    clean = _checked(session, draft, today)
    with session.db.transaction():
        supporter_id = repo.insert(session.db, clean, status, now=utc_now())
        session.audit(AuditAction.CREATED, KIND, str(supporter_id))
    return supporter_id


def change(session: Session, supporter_id: int, draft: SupporterDraft, *,
           today: date | None = None) -> None:
    clean = _checked(session, draft, today)
    with session.db.transaction():
        repo.update(session.db, supporter_id, clean, now=utc_now())
        session.audit(AuditAction.CHANGED, KIND, str(supporter_id), "details")


def set_status(session: Session, supporter_id: int, status: SupporterStatus, since: date, *,
               today: date | None = None) -> None:
    _require_manage(session)
    current = repo.get(session.db, supporter_id)
    check_status_change(status, since, start=current.start_date, today=today_(today))
    with session.db.transaction():
        repo.add_status(session.db, supporter_id, SupporterStatus(status), since)
        session.audit(AuditAction.CHANGED, KIND, str(supporter_id), f"status {status.value}")


def register(session: Session) -> list[StoredSupporter]:
    """Everyone in the register, by name (the list page)."""
    _require_manage(session)
    return repo.all_supporters(session.db)


def my_record(session: Session) -> StoredSupporter | None:
    """The supporter record linked to the signed-in account, if any."""
    return repo.for_staff(session.db, session.staff.id)


@dataclass(frozen=True, slots=True)
class SupporterRecord:
    supporter: StoredSupporter
    statuses: list[StatusRow]
    completions: list[Completion]
    checks: list[Check]
    course_names: dict[int, str]
    account_name: str | None
    module_completions: list[ModuleCompletion] = field(default_factory=list)
    module_names: dict[int, str] = field(default_factory=dict)  # module id -> its name
    progress: list[ModuleProgress] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ModuleProgress:
    """How far a supporter is through a course with modules, since they last completed
    it (or ever, if they never did)."""

    course_id: int
    course_name: str
    done: int
    required: int
    last_completed: date | None

    @property
    def label(self) -> str:
        return f"{self.done} of {self.required} modules"


def open_record(session: Session, supporter_id: int) -> SupporterRecord:
    """One supporter's record; audited as a view."""
    _require_see(session, supporter_id)
    db = session.db
    supporter = repo.get(db, supporter_id)
    account = None
    if supporter.staff_id is not None:
        account = next((s.name for s in staff_repo.list_all(db, include_removed=True)
                        if s.id == supporter.staff_id), None)
    with db.transaction():
        session.audit(AuditAction.VIEWED, KIND, str(supporter_id))
    completions = repo.completions(db, supporter_id)
    done = repo.module_completions(db, supporter_id)
    all_modules = repo.modules(db)
    names = {c.id: c.name for c in repo.courses(db)}
    return SupporterRecord(supporter, repo.statuses(db, supporter_id), completions,
                           repo.checks(db, supporter_id), names, account, done,
                           {m.id: f"{names.get(m.course_id, '')}: {m.name}"
                            for m in all_modules},
                           _progress(names, all_modules, completions, done))


def _progress(names: dict[int, str], all_modules: list[Module],
              completions: list[Completion], done: list[ModuleCompletion]
              ) -> list[ModuleProgress]:
    """One supporter's progress through each course with modules they have started or
    completed."""
    course_of = {m.id: m.course_id for m in all_modules}
    required: dict[int, list[int]] = {}
    for m in all_modules:
        if not m.retired:
            required.setdefault(m.course_id, []).append(m.id)
    last: dict[int, date] = {}
    for c in completions:
        last[c.course_id] = max(last.get(c.course_id, c.completed_on), c.completed_on)
    found = []
    for course_id in sorted(required, key=lambda i: names.get(i, "").casefold()):
        since = last.get(course_id)
        started = [(d.module_id, d.completed_on) for d in done
                   if course_of.get(d.module_id) == course_id
                   and (since is None or d.completed_on > since)]
        if since is None and not started:
            continue
        found.append(ModuleProgress(course_id, names.get(course_id, ""),
                                    modules_done(required[course_id], started),
                                    len(required[course_id]), since))
    return found


def check_reference(session: Session, check_id: int) -> str:
    """The hidden reference of a vetting check, shown on request and audited."""
    _require_manage(session)
    rows = session.db.query("SELECT supporter_id, reference FROM supporter_check WHERE id = ?",
                            (check_id,))
    if not rows:
        raise NotFound
    session.audit_alone(AuditAction.VIEWED, KIND, str(rows[0][0]), f"check {check_id} reference")
    return str(rows[0][1])


# -- competencies and courses ------------------------------------------------------

def competencies(session: Session) -> list[Competency]:
    return repo.competencies(session.db)


def add_competency(session: Session, name: str) -> int:
    _require_manage(session)
    clean = clean_name(name, what="Competency", maximum=80)
    with session.db.transaction():
        competency_id = repo.add_competency(session.db, clean)
        session.audit(AuditAction.CREATED, "competency", str(competency_id))
    return competency_id


def courses(session: Session) -> list[Course]:
    return repo.courses(session.db)


def add_course(session: Session, draft: CourseDraft) -> int:
    _require_manage(session)
    clean = draft.validated()
    with session.db.transaction():
        course_id = repo.insert_course(session.db, clean)
        session.audit(AuditAction.CREATED, "course", str(course_id))
    return course_id


def change_course(session: Session, course_id: int, draft: CourseDraft) -> None:
    _require_manage(session)
    clean = draft.validated()
    with session.db.transaction():
        repo.update_course(session.db, course_id, clean)
        session.audit(AuditAction.CHANGED, "course", str(course_id))


# -- modules inside courses ---------------------------------------------------------

def modules(session: Session, course_id: int) -> list[Module]:
    """A course's modules in order, retired ones included (marked)."""
    return repo.modules(session.db, course_id)


def add_module(session: Session, course_id: int, draft: ModuleDraft) -> int:
    _require_manage(session)
    clean = draft.validated()
    with session.db.transaction():
        module_id = repo.insert_module(session.db, course_id, clean)
        session.audit(AuditAction.CHANGED, "course", str(course_id), f"module {module_id} added")
    return module_id


def change_module(session: Session, module_id: int, draft: ModuleDraft) -> None:
    """Rename a module, or change its own competencies."""
    _require_manage(session)
    clean = draft.validated()
    with session.db.transaction():
        current = repo.module(session.db, module_id)
        repo.update_module(session.db, module_id, clean)
        session.audit(AuditAction.CHANGED, "course", str(current.course_id),
                      f"module {module_id} changed")


def move_module(session: Session, module_id: int, step: int) -> bool:
    """One place up (step -1) or down (+1); False when it is already at that end."""
    _require_manage(session)
    with session.db.transaction():
        current = repo.module(session.db, module_id)
        moved = repo.move_module(session.db, module_id, step)
        if moved:
            session.audit(AuditAction.CHANGED, "course", str(current.course_id),
                          f"module {module_id} moved {'up' if step < 0 else 'down'}")
    return moved


def retire_module(session: Session, module_id: int, retired: bool = True) -> None:
    """A retired module is no longer needed to complete its course; completions already
    recorded still count. Supporters who had done every other module complete the course
    on the day they did the last of those."""
    _require_manage(session)
    db = session.db
    with db.transaction():
        current = repo.module(db, module_id)
        repo.set_module_retired(db, module_id, retired)
        session.audit(AuditAction.CHANGED, "course", str(current.course_id),
                      f"module {module_id} {'retired' if retired else 'restored'}")
        if retired:
            course = repo.course(db, current.course_id)
            for supporter_id in sorted({d.supporter_id for d in repo.module_completions(
                    db, course_id=course.id)}):
                _settle(session, supporter_id, course, None)


def record_modules(session: Session, draft: ModulesDoneDraft, *,
                   today: date | None = None) -> int | None:
    """Modules of one course a supporter completed on one day. Returns the course's new
    completion when these were the last modules it needed, else None."""
    _require_manage(session)
    db = session.db
    repo.get(db, draft.supporter_id)
    course = repo.course(db, draft.course_id)
    clean = draft.validated(today_(today))
    offered = {m.id for m in repo.modules(db, course.id) if not m.retired}
    if not offered:
        raise ValidationError("This course has no modules: record the whole course.",
                              field="modules")
    if not clean.module_ids <= offered:
        raise ValidationError("A module ticked is no longer part of this course.",
                              field="modules")
    until = clean.valid_until(course.renewal_months)
    now = utc_now()
    with db.transaction():
        for module_id in sorted(clean.module_ids):
            repo.insert_module_completion(db, clean.supporter_id, module_id, clean.completed_on,
                                          until, recorded_by=session.staff.id, now=now)
        session.audit(AuditAction.CHANGED, KIND, str(clean.supporter_id),
                      f"course {course.id} modules {','.join(map(str, sorted(clean.module_ids)))}"
                      " recorded")
        return _settle(session, clean.supporter_id, course, clean)


def _settle(session: Session, supporter_id: int, course: Course,
            draft: ModulesDoneDraft | None) -> int | None:
    """Record the course as completed for each round of its modules now complete (inside
    the caller's transaction); the id of the newest completion recorded, if any."""
    db = session.db
    required = [m.id for m in repo.modules(db, course.id) if not m.retired]
    done = [(d.module_id, d.completed_on) for d in repo.module_completions(
        db, supporter_id, course.id)]
    made = None
    while True:
        since = repo.last_completed(db, supporter_id, course.id)
        on = course_done_on(required, [(m, d) for m, d in done if since is None or d > since])
        if on is None:
            return made
        renew_by = draft.renew_by if draft is not None and draft.completed_on == on else None
        completion = CompletionDraft(supporter_id, course.id, on, renew_by).validated(
            on, course.renewal_months)
        made = repo.insert_completion(db, completion, recorded_by=session.staff.id,
                                      now=utc_now(), from_modules=True)
        session.audit(AuditAction.CHANGED, KIND, str(supporter_id),
                      f"training {made} recorded (every module of course {course.id} done)")


def record_completion(session: Session, draft: CompletionDraft, *,
                      today: date | None = None) -> int:
    _require_manage(session)
    repo.get(session.db, draft.supporter_id)
    course = repo.course(session.db, draft.course_id)
    clean = draft.validated(today_(today), course.renewal_months)
    return insert_audited(session, repo.insert_completion, clean,
                          about=(KIND, draft.supporter_id), detail="training {id} recorded")


def record_check(session: Session, draft: CheckDraft, *, today: date | None = None) -> int:
    _require_manage(session)
    repo.get(session.db, draft.supporter_id)
    clean = draft.validated(today_(today))
    return insert_audited(session, repo.insert_check, clean,
                          about=(KIND, draft.supporter_id), detail="check {id} recorded")


# -- the competency matrix -------------------------------------------------------

# Who the matrix lists: everyone who gives or is training to give support.
MATRIX_STATUSES = frozenset({SupporterStatus.IN_TRAINING, SupporterStatus.ACTIVE,
                             SupporterStatus.ON_BREAK})


@dataclass(frozen=True, slots=True)
class MatrixRow:
    supporter_id: int
    name: str
    status: SupporterStatus
    cells: tuple[CellState, ...]  # one per competency, in the matrix's order
    # Per competency, beside a cell that is not current: (modules done, modules needed)
    # of a course for it that the supporter is part-way through; None otherwise.
    under_way: tuple[tuple[int, int] | None, ...] = ()

    @property
    def notes(self) -> tuple[str, ...]:
        """The same as printed: "3 of 5 modules", or "" per cell."""
        return tuple(f"{p[0]} of {p[1]} modules" if p else "" for p in self.under_way)


@dataclass(frozen=True, slots=True)
class Matrix:
    on: date
    competencies: tuple[str, ...]
    rows: tuple[MatrixRow, ...]

    def count(self, state: CellState) -> int:
        return sum(row.cells.count(state) for row in self.rows)


def matrix(session: Session, *, today: date | None = None,
           include_left: bool = False) -> Matrix:
    """Supporters × competencies, each cell current / due soon / expired / missing."""
    _require_manage(session)
    on = today_(today)
    db = session.db
    comps = repo.competencies(db)
    untils = repo.competency_untils(db)
    under_way = _modules_under_way(db)
    rows = []
    for s in repo.all_supporters(db):
        if not include_left and s.status not in MATRIX_STATUSES:
            continue
        cells = tuple(cell_state(untils.get((s.id, c.id), ()), on) for c in comps)
        notes = tuple(None if cell is CellState.CURRENT else under_way.get((s.id, c.id))
                      for c, cell in zip(comps, cells, strict=True))
        rows.append(MatrixRow(s.id, s.preferred_name, s.status, cells, notes))
    return Matrix(on, tuple(c.name for c in comps), tuple(rows))


def _modules_under_way(db: Database) -> dict[tuple[int, int], tuple[int, int]]:
    """(supporter, competency) -> (modules done, modules needed) of a course mapped to it
    that the supporter has started again (or for the first time) but not completed."""
    all_modules = repo.modules(db)
    if not all_modules:
        return {}
    courses_by_id = {c.id: c for c in repo.courses(db)}
    required: dict[int, list[int]] = {}
    for m in all_modules:
        if not m.retired:
            required.setdefault(m.course_id, []).append(m.id)
    course_of = {m.id: m.course_id for m in all_modules}
    last: dict[tuple[int, int], date] = {}
    for c in repo.completions(db):
        key = (c.supporter_id, c.course_id)
        last[key] = max(last.get(key, c.completed_on), c.completed_on)
    started: dict[tuple[int, int], list[tuple[int, date]]] = {}
    for d in repo.module_completions(db):
        course_id = course_of[d.module_id]
        since = last.get((d.supporter_id, course_id))
        if since is None or d.completed_on > since:
            started.setdefault((d.supporter_id, course_id), []).append(
                (d.module_id, d.completed_on))
    found: dict[tuple[int, int], tuple[int, int]] = {}
    for (supporter_id, course_id), done in sorted(started.items()):
        need = required.get(course_id)
        if not need or course_id not in courses_by_id:
            continue
        count = modules_done(need, done)
        if 0 < count < len(need):
            for competency_id in sorted(courses_by_id[course_id].competency_ids):
                found.setdefault((supporter_id, competency_id), (count, len(need)))
    return found


def matrix_pdf(session: Session, path: Path, *, today: date | None = None,
               page_size: str = "A4") -> int:
    """Print the matrix for an inspection (names, no references); returns pages."""
    from peerdesk.reports.supporters_pdf import render_matrix

    grid = matrix(session, today=today)
    data, pages = render_matrix(
        grid.competencies, [(r.name, [c.value for c in r.cells]) for r in grid.rows],
        on=grid.on.isoformat(), centre_name=get_setting(session.db, "centre_name", "") or "",
        page_size=page_size, notes=[r.notes for r in grid.rows])
    _write(path, data)
    session.audit_alone(AuditAction.PRINTED, KIND, "", f"competency matrix, {len(grid.rows)} "
                        f"supporters, {pages} pages")
    return pages


def _write(path: Path, data: bytes) -> None:
    try:
        write_atomically(path, data)
    except DiskFull as exc:
        raise DiskFull("There is not enough space to save it there. "
                       "Nothing was saved.") from exc
    except OSError as exc:
        raise PeerDeskError("It could not be saved there ({why}). Choose another folder.",
                            why=exc.strerror) from exc


# -- Today --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Expiring:
    supporter_id: int
    name: str
    what: str
    on: date
    overdue: bool


def expiring(session: Session, *, today: date | None = None,
             days: int = EXPIRY_WINDOW_DAYS) -> list[Expiring]:
    """Checks and training that lapse in the next `days` days (and those just lapsed in
    the past `days`, marked overdue), for the Today page. Managers only."""
    if not can_manage(session):
        return []
    on = today_(today)
    db = session.db
    people = {s.id: s for s in repo.all_supporters(db) if s.status in MATRIX_STATUSES}
    found = [Expiring(c.supporter_id, people[c.supporter_id].preferred_name,
                      c.kind.label, c.expires_on, c.expires_on < on)
             for c in repo.expiring_checks(db, on - timedelta(days=days),
                                           on + timedelta(days=days))
             if c.supporter_id in people and c.expires_on is not None]
    names = {c.id: c.name for c in repo.courses(db)}
    newest: dict[tuple[int, int], Completion] = {}
    for c in repo.completions(db):
        key = (c.supporter_id, c.course_id)
        if key not in newest:  # newest first
            newest[key] = c
    for c in newest.values():
        if c.supporter_id in people and c.valid_until is not None and \
                on - timedelta(days=days) <= c.valid_until <= on + timedelta(days=days):
            found.append(Expiring(c.supporter_id, people[c.supporter_id].preferred_name,
                                  f"Training: {names.get(c.course_id, '')}", c.valid_until,
                                  c.valid_until < on))
    # A module that counts for competencies of its own lapses on its own too.
    own = {m.id: m for m in repo.modules(db) if m.competency_ids}
    newest_module: dict[tuple[int, int], ModuleCompletion] = {}
    for d in repo.module_completions(db) if own else ():
        if d.module_id in own and (d.supporter_id, d.module_id) not in newest_module:
            newest_module[(d.supporter_id, d.module_id)] = d  # newest first
    for d in newest_module.values():
        if d.supporter_id in people and d.valid_until is not None and \
                on - timedelta(days=days) <= d.valid_until <= on + timedelta(days=days):
            module = own[d.module_id]
            found.append(Expiring(d.supporter_id, people[d.supporter_id].preferred_name,
                                  f"Training: {names.get(module.course_id, '')}, module "
                                  f"{module.name}", d.valid_until, d.valid_until < on))
    return sorted(found, key=lambda e: (e.on, e.name.casefold()))


__all__ = [
    "EXPIRY_WINDOW_DAYS", "Account", "Check", "Competency", "Completion", "Course", "Expiring",
    "Matrix", "MatrixRow", "Module", "ModuleCompletion", "ModuleProgress", "StoredSupporter",
    "SupporterRecord", "add", "add_competency", "add_course", "add_module", "can_manage",
    "change", "change_course", "change_module", "check_reference", "competencies", "courses",
    "expiring", "linkable_accounts", "matrix", "matrix_pdf", "modules", "move_module",
    "my_record", "open_record", "record_check", "record_completion", "record_modules",
    "register", "retire_module", "set_status",
]
