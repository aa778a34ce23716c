"""Staff rows."""

from __future__ import annotations

from typing import Any

from peerdesk.domain.errors import ValidationError
from peerdesk.domain.staff import (
    Role,
    Staff,
    StaffStatus,
    parse_roles,
    primary_role,
    roles_code,
)
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.rows import one, one_or_none

# `roles` holds every role; `role` the first of them (kept for what shows one).
_COLUMNS = "id, name, roles, status, slot_id, created_at"


def _row(row: Any) -> Staff:
    return Staff(
        id=int(row[0]),
        name=str(row[1]),
        roles=parse_roles(str(row[2])),
        status=StaffStatus(row[3]),
        slot_id=row[4],
        created_at=str(row[5]),
    )


def name_key(name: str) -> str:
    return name.strip().casefold()


def insert(db: Database, *, name: str, roles: frozenset[Role], slot_id: str | None,
           created_at: str) -> Staff:
    if db.scalar("SELECT 1 FROM staff WHERE name_key = ?", (name_key(name),)):
        raise ValidationError(
            "There is already an account with that name (perhaps a removed one). "
            "Choose another name.",
            field="name",
        )
    cursor = db.execute(
        "INSERT INTO staff (name, name_key, role, roles, status, slot_id, created_at) "
        "VALUES (?, ?, ?, ?, 'active', ?, ?)",
        (name, name_key(name), primary_role(roles).value, roles_code(roles), slot_id,
         created_at),
    )
    return get(db, int(cursor.lastrowid))


def get(db: Database, staff_id: int) -> Staff:
    return one(db.query(f"SELECT {_COLUMNS} FROM staff WHERE id = ?", (staff_id,)), _row)


def by_slot(db: Database, slot_id: str) -> Staff | None:
    return one_or_none(db.query(f"SELECT {_COLUMNS} FROM staff WHERE slot_id = ?", (slot_id,)),
                       _row)


def by_name(db: Database, name: str) -> Staff | None:
    return one_or_none(db.query(f"SELECT {_COLUMNS} FROM staff WHERE name_key = ?",
                                (name_key(name),)), _row)


def list_all(db: Database, *, include_removed: bool = False) -> list[Staff]:
    where = "" if include_removed else "WHERE status != 'removed'"
    rows = db.query(f"SELECT {_COLUMNS} FROM staff {where} ORDER BY name_key")
    return [_row(r) for r in rows]


def count_active_with_role(db: Database, role: Role) -> int:
    return sum(1 for s in list_all(db) if s.is_active and role in s.roles)


def set_slot(db: Database, staff_id: int, slot_id: str | None, *, must_change: bool) -> None:
    db.execute(
        "UPDATE staff SET slot_id = ?, must_change_password = ? WHERE id = ?",
        (slot_id, int(must_change), staff_id),
    )


def set_status(db: Database, staff_id: int, status: StaffStatus) -> None:
    db.execute("UPDATE staff SET status = ? WHERE id = ?", (status.value, staff_id))


def set_roles(db: Database, staff_id: int, roles: frozenset[Role]) -> None:
    db.execute("UPDATE staff SET role = ?, roles = ? WHERE id = ?",
               (primary_role(roles).value, roles_code(roles), staff_id))


def must_change_password(db: Database, staff_id: int) -> bool:
    return bool(db.scalar("SELECT must_change_password FROM staff WHERE id = ?", (staff_id,)))
