"""The supporters register, courses, competencies, completions and checks (main database)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peerdesk.domain.errors import NotFound, ValidationError
from peerdesk.domain.labels import codes_text, parse_codes
from peerdesk.domain.supporters import (
    CheckDraft,
    CheckKind,
    CompletionDraft,
    CourseDraft,
    ModuleDraft,
    SupporterDraft,
    SupporterRole,
    SupporterStatus,
)
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.rows import one, one_or_none, set_links


@dataclass(frozen=True, slots=True)
class StoredSupporter:
    id: int
    preferred_name: str
    reach: str
    roles: frozenset[SupporterRole]
    start_date: date
    staff_id: int | None
    status: SupporterStatus
    status_since: date


@dataclass(frozen=True, slots=True)
class StatusRow:
    id: int
    status: SupporterStatus
    since: date


@dataclass(frozen=True, slots=True)
class Competency:
    id: int
    name: str
    position: int
    active: bool


@dataclass(frozen=True, slots=True)
class Course:
    id: int
    name: str
    renewal_months: int | None
    competency_ids: frozenset[int]
    active: bool


@dataclass(frozen=True, slots=True)
class Completion:
    id: int
    supporter_id: int
    course_id: int
    completed_on: date
    valid_until: date | None
    from_modules: bool = False


@dataclass(frozen=True, slots=True)
class Module:
    id: int
    course_id: int
    name: str
    position: int
    retired: bool
    competency_ids: frozenset[int]


@dataclass(frozen=True, slots=True)
class ModuleCompletion:
    id: int
    supporter_id: int
    module_id: int
    completed_on: date
    valid_until: date | None


@dataclass(frozen=True, slots=True)
class Check:
    id: int
    supporter_id: int
    kind: CheckKind
    checked_on: date
    reference: str
    expires_on: date | None


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


_CURRENT_STATUS = (
    "(SELECT status || '|' || since FROM supporter_status AS t WHERE t.supporter_id = s.id "
    "ORDER BY since DESC, id DESC LIMIT 1)")
_SELECT = (f"SELECT s.id, s.preferred_name, s.reach, s.roles, s.start_date, s.staff_id, "
           f"{_CURRENT_STATUS} FROM supporter AS s")


def _supporter(row: tuple[object, ...]) -> StoredSupporter:
    status, since = str(row[6]).split("|")
    return StoredSupporter(int(str(row[0])), str(row[1]), str(row[2]),
                           parse_codes(SupporterRole, str(row[3])),
                           date.fromisoformat(str(row[4])),
                           int(str(row[5])) if row[5] is not None else None,
                           SupporterStatus(status), date.fromisoformat(since))


def _staff_taken(db: Database, staff_id: int | None, supporter_id: int | None) -> None:
    if staff_id is None:
        return
    other = db.scalar("SELECT id FROM supporter WHERE staff_id = ? AND id IS NOT ?",
                      (staff_id, supporter_id))
    if other is not None:
        raise ValidationError("That account is already linked to another supporter.",
                              field="staff_id")


def insert(db: Database, draft: SupporterDraft, status: SupporterStatus, *, now: str) -> int:
    _staff_taken(db, draft.staff_id, None)
    supporter_id = int(db.execute(
        "INSERT INTO supporter (preferred_name, sort_name, reach, roles, start_date, staff_id, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (draft.preferred_name, draft.preferred_name.casefold(), draft.reach,
         codes_text(SupporterRole, draft.roles), draft.start_date.isoformat(), draft.staff_id, now,
         now)).lastrowid)
    add_status(db, supporter_id, status, draft.start_date)
    return supporter_id


def update(db: Database, supporter_id: int, draft: SupporterDraft, *, now: str) -> None:
    _staff_taken(db, draft.staff_id, supporter_id)
    if db.execute(
            "UPDATE supporter SET preferred_name = ?, sort_name = ?, reach = ?, roles = ?, "
            "start_date = ?, staff_id = ?, updated_at = ? WHERE id = ?",
            (draft.preferred_name, draft.preferred_name.casefold(), draft.reach,
             codes_text(SupporterRole, draft.roles), draft.start_date.isoformat(), draft.staff_id,
             now, supporter_id)).rowcount == 0:
        raise NotFound


def add_status(db: Database, supporter_id: int, status: SupporterStatus, since: date) -> int:
    return int(db.execute(
        "INSERT INTO supporter_status (supporter_id, status, since) VALUES (?, ?, ?)",
        (supporter_id, status.value, since.isoformat())).lastrowid)


def statuses(db: Database, supporter_id: int) -> list[StatusRow]:
    return [StatusRow(int(r[0]), SupporterStatus(str(r[1])), date.fromisoformat(str(r[2])))
            for r in db.query("SELECT id, status, since FROM supporter_status "
                              "WHERE supporter_id = ? ORDER BY since, id", (supporter_id,))]


def get(db: Database, supporter_id: int) -> StoredSupporter:
    return one(db.query(f"{_SELECT} WHERE s.id = ?", (supporter_id,)), _supporter)


def for_staff(db: Database, staff_id: int) -> StoredSupporter | None:
    return one_or_none(db.query(f"{_SELECT} WHERE s.staff_id = ?", (staff_id,)), _supporter)


def all_supporters(db: Database) -> list[StoredSupporter]:
    return [_supporter(r) for r in db.query(f"{_SELECT} ORDER BY s.sort_name, s.id")]


# -- competencies and courses --------------------------------------------------

def competencies(db: Database, *, active_only: bool = True) -> list[Competency]:
    where = "WHERE active = 1 " if active_only else ""
    return [Competency(int(r[0]), str(r[1]), int(r[2]), bool(r[3])) for r in db.query(
        f"SELECT id, name, position, active FROM competency {where}ORDER BY position, id")]


def add_competency(db: Database, name: str) -> int:
    if db.scalar("SELECT id FROM competency WHERE name = ?", (name,)) is not None:
        raise ValidationError("There is already a competency with that name.", field="name")
    position = int(db.scalar("SELECT coalesce(max(position), 0) + 1 FROM competency"))
    return int(db.execute("INSERT INTO competency (name, position) VALUES (?, ?)",
                          (name, position)).lastrowid)


def _check_course_name(db: Database, name: str, course_id: int | None) -> None:
    if db.scalar("SELECT id FROM course WHERE name = ? AND id IS NOT ?",
                 (name, course_id)) is not None:
        raise ValidationError("There is already a course with that name.", field="name")


def _check_competencies(db: Database, ids: frozenset[int],
                        field: str = "competencies") -> None:
    known = {c.id for c in competencies(db, active_only=False)}
    if not ids <= known:
        raise ValidationError("A competency chosen no longer exists.", field=field)


def insert_course(db: Database, draft: CourseDraft) -> int:
    _check_course_name(db, draft.name, None)
    _check_competencies(db, draft.competency_ids)
    course_id = int(db.execute("INSERT INTO course (name, renewal_months) VALUES (?, ?)",
                               (draft.name, draft.renewal_months)).lastrowid)
    set_links(db, "course_competency", "course_id", course_id, "competency_id",
              sorted(draft.competency_ids), new=True)
    return course_id


def update_course(db: Database, course_id: int, draft: CourseDraft) -> None:
    _check_course_name(db, draft.name, course_id)
    _check_competencies(db, draft.competency_ids)
    if db.execute("UPDATE course SET name = ?, renewal_months = ? WHERE id = ?",
                  (draft.name, draft.renewal_months, course_id)).rowcount == 0:
        raise NotFound
    set_links(db, "course_competency", "course_id", course_id, "competency_id",
              sorted(draft.competency_ids))


def courses(db: Database, *, active_only: bool = False) -> list[Course]:
    mapped: dict[int, set[int]] = {}
    for course_id, competency_id in db.query(
            "SELECT course_id, competency_id FROM course_competency"):
        mapped.setdefault(int(course_id), set()).add(int(competency_id))
    where = "WHERE active = 1 " if active_only else ""
    return [Course(int(r[0]), str(r[1]), int(r[2]) if r[2] is not None else None,
                   frozenset(mapped.get(int(r[0]), ())), bool(r[3]))
            for r in db.query(f"SELECT id, name, renewal_months, active FROM course {where}"
                              "ORDER BY name COLLATE NOCASE, id")]


def course(db: Database, course_id: int) -> Course:
    found = [c for c in courses(db) if c.id == course_id]
    if not found:
        raise NotFound
    return found[0]


# -- completions and checks ----------------------------------------------------

def insert_completion(db: Database, draft: CompletionDraft, *, recorded_by: int,
                      now: str, from_modules: bool = False) -> int:
    return int(db.execute(
        "INSERT INTO training_completion (supporter_id, course_id, completed_on, valid_until, "
        "recorded_by, created_at, from_modules) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (draft.supporter_id, draft.course_id, draft.completed_on.isoformat(),
         draft.renew_by.isoformat() if draft.renew_by else None, recorded_by or None,
         now, int(from_modules))).lastrowid)


def completions(db: Database, supporter_id: int | None = None) -> list[Completion]:
    where, params = ("WHERE supporter_id = ? ", (supporter_id,)) if supporter_id else ("", ())
    return [Completion(int(r[0]), int(r[1]), int(r[2]), date.fromisoformat(str(r[3])),
                       _day(r[4]), bool(r[5]))
            for r in db.query("SELECT id, supporter_id, course_id, completed_on, valid_until, "
                              f"from_modules FROM training_completion {where}"
                              "ORDER BY completed_on DESC, id DESC", params)]


def competency_untils(db: Database) -> dict[tuple[int, int], list[date | None]]:
    """(supporter, competency) -> the valid-until of each completion counting for it: a
    course's for the course's competencies, a module's for the module's own."""
    found: dict[tuple[int, int], list[date | None]] = {}
    for supporter_id, competency_id, until in db.query(
            "SELECT t.supporter_id, cc.competency_id, t.valid_until FROM training_completion "
            "AS t JOIN course_competency AS cc ON cc.course_id = t.course_id "
            "UNION ALL "
            "SELECT m.supporter_id, mc.competency_id, m.valid_until FROM module_completion "
            "AS m JOIN module_competency AS mc ON mc.module_id = m.module_id"):
        found.setdefault((int(supporter_id), int(competency_id)), []).append(_day(until))
    return found


# -- modules -------------------------------------------------------------------

def modules(db: Database, course_id: int | None = None) -> list[Module]:
    """A course's modules (every course's when None), in order, retired ones included."""
    mapped: dict[int, set[int]] = {}
    for module_id, competency_id in db.query(
            "SELECT module_id, competency_id FROM module_competency"):
        mapped.setdefault(int(module_id), set()).add(int(competency_id))
    where, params = ("WHERE course_id = ? ", (course_id,)) if course_id is not None else ("", ())
    return [Module(int(r[0]), int(r[1]), str(r[2]), int(r[3]), bool(r[4]),
                   frozenset(mapped.get(int(r[0]), ())))
            for r in db.query("SELECT id, course_id, name, position, retired FROM course_module "
                              f"{where}ORDER BY course_id, position, id", params)]


def module(db: Database, module_id: int) -> Module:
    course_id = one(db.query("SELECT course_id FROM course_module WHERE id = ?", (module_id,)),
                    lambda r: int(r[0]))
    return next(m for m in modules(db, course_id) if m.id == module_id)


def _check_module_name(db: Database, course_id: int, name: str,
                       module_id: int | None) -> None:
    if db.scalar("SELECT id FROM course_module WHERE course_id = ? AND name = ? "
                 "AND id IS NOT ?", (course_id, name, module_id)) is not None:
        raise ValidationError("This course already has a module with that name.",
                              field="module_name")


def insert_module(db: Database, course_id: int, draft: ModuleDraft) -> int:
    course(db, course_id)
    _check_module_name(db, course_id, draft.name, None)
    _check_competencies(db, draft.competency_ids, "module_competencies")
    position = int(db.scalar("SELECT coalesce(max(position), 0) + 1 FROM course_module "
                             "WHERE course_id = ?", (course_id,)))
    module_id = int(db.execute(
        "INSERT INTO course_module (course_id, name, position) VALUES (?, ?, ?)",
        (course_id, draft.name, position)).lastrowid)
    set_links(db, "module_competency", "module_id", module_id, "competency_id",
              sorted(draft.competency_ids), new=True)
    return module_id


def update_module(db: Database, module_id: int, draft: ModuleDraft) -> None:
    current = module(db, module_id)
    _check_module_name(db, current.course_id, draft.name, module_id)
    _check_competencies(db, draft.competency_ids, "module_competencies")
    db.execute("UPDATE course_module SET name = ? WHERE id = ?", (draft.name, module_id))
    set_links(db, "module_competency", "module_id", module_id, "competency_id",
              sorted(draft.competency_ids))


def move_module(db: Database, module_id: int, step: int) -> bool:
    """Swap a module with its neighbour one place up (step -1) or down (+1); False at an
    end of the list."""
    current = module(db, module_id)
    ordered = modules(db, current.course_id)
    at = [m.id for m in ordered].index(module_id)
    other = at + (1 if step > 0 else -1)
    if not 0 <= other < len(ordered):
        return False
    # Renumber the whole course 1..n in the new order (positions stay contiguous).
    ids = [m.id for m in ordered]
    ids[at], ids[other] = ids[other], ids[at]
    db.executemany("UPDATE course_module SET position = ? WHERE id = ?",
                   [(n, i) for n, i in enumerate(ids, start=1)])
    return True


def set_module_retired(db: Database, module_id: int, retired: bool) -> None:
    if db.execute("UPDATE course_module SET retired = ? WHERE id = ?",
                  (int(retired), module_id)).rowcount == 0:
        raise NotFound


def insert_module_completion(db: Database, supporter_id: int, module_id: int, on: date,
                             until: date | None, *, recorded_by: int, now: str) -> int:
    return int(db.execute(
        "INSERT INTO module_completion (supporter_id, module_id, completed_on, valid_until, "
        "recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (supporter_id, module_id, on.isoformat(), until.isoformat() if until else None,
         recorded_by or None, now)).lastrowid)


def module_completions(db: Database, supporter_id: int | None = None,
                       course_id: int | None = None) -> list[ModuleCompletion]:
    """Newest first; one supporter's and/or one course's modules' when given."""
    where, params = [], []
    if supporter_id is not None:
        where.append("m.supporter_id = ?")
        params.append(supporter_id)
    if course_id is not None:
        where.append("cm.course_id = ?")
        params.append(course_id)
    clause = ("WHERE " + " AND ".join(where) + " ") if where else ""
    return [ModuleCompletion(int(r[0]), int(r[1]), int(r[2]), date.fromisoformat(str(r[3])),
                             _day(r[4]))
            for r in db.query(
                "SELECT m.id, m.supporter_id, m.module_id, m.completed_on, m.valid_until "
                "FROM module_completion AS m JOIN course_module AS cm ON cm.id = m.module_id "
                f"{clause}ORDER BY m.completed_on DESC, m.id DESC", tuple(params))]


def last_completed(db: Database, supporter_id: int, course_id: int) -> date | None:
    """The day a supporter last completed a course, however it was recorded."""
    return _day(db.scalar("SELECT max(completed_on) FROM training_completion "
                          "WHERE supporter_id = ? AND course_id = ?",
                          (supporter_id, course_id)))


def insert_check(db: Database, draft: CheckDraft, *, recorded_by: int, now: str) -> int:
    return int(db.execute(
        "INSERT INTO supporter_check (supporter_id, kind, checked_on, reference, expires_on, "
        "recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (draft.supporter_id, draft.kind.value, draft.checked_on.isoformat(), draft.reference,
         draft.expires_on.isoformat() if draft.expires_on else None, recorded_by or None,
         now)).lastrowid)


def _check(row: tuple[object, ...]) -> Check:
    return Check(int(str(row[0])), int(str(row[1])), CheckKind(str(row[2])),
                 date.fromisoformat(str(row[3])), str(row[4]), _day(row[5]))


_CHECK_SELECT = ("SELECT id, supporter_id, kind, checked_on, reference, expires_on "
                 "FROM supporter_check")


def checks(db: Database, supporter_id: int) -> list[Check]:
    return [_check(r) for r in db.query(
        f"{_CHECK_SELECT} WHERE supporter_id = ? ORDER BY checked_on DESC, id DESC",
        (supporter_id,))]


def expiring_checks(db: Database, first: date, last: date) -> list[Check]:
    """Checks whose expiry falls in [first, last], the newest of their kind per supporter
    only (a check already renewed is not due)."""
    return [_check(r) for r in db.query(
        f"{_CHECK_SELECT} AS c WHERE expires_on BETWEEN ? AND ? AND NOT EXISTS ("
        "SELECT 1 FROM supporter_check AS n WHERE n.supporter_id = c.supporter_id "
        "AND n.kind = c.kind AND (n.checked_on > c.checked_on OR "
        "(n.checked_on = c.checked_on AND n.id > c.id))) ORDER BY expires_on, id",
        (first.isoformat(), last.isoformat()))]
