"""Settings that are one whole number in a range (how long things are kept, the idle
lock): read with a safe default, changed with a message at the field, audited."""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import Message
from peerdesk.domain.staff import Permission
from peerdesk.services.session import Session
from peerdesk.storage.database import Database
from peerdesk.storage.repositories.meta import get_setting, set_setting


def read_number(db: Database, key: str, default: int, bounds: tuple[int, int]) -> int:
    """The setting; `default` when unset, not a whole number, or out of bounds."""
    try:
        value = int(get_setting(db, key) or default)
    except ValueError:
        return default
    return value if bounds[0] <= value <= bounds[1] else default


def save_number(session: Session, key: str, value: object, bounds: tuple[int, int], *,
                message: Message, field: str, detail: str, target: str | None = None) -> int:
    """Store `value` (a whole number within bounds, else `message` at `field`); audited
    as a change of settings `target` (the key unless given) with `detail` ({n}: the
    number). The caller checks the permission first."""
    try:
        number = int(str(value).strip())
    except ValueError:
        number = None
    if number is None or not bounds[0] <= number <= bounds[1]:
        raise message.error(field)
    with session.db.transaction():
        set_setting(session.db, key, str(number))
        session.audit(AuditAction.CHANGED, "settings", target or key, detail.format(n=number))
    return number


@dataclass(frozen=True, slots=True)
class NumberSetting:
    """One such setting, described once: where it is kept, its default and bounds, who
    may change it, what a person is told for a number out of bounds (`message`, at
    `field`; {low} and {high} in it are the bounds) and how the change is audited
    (`detail`, {n} the number; as `target`, the key unless given)."""

    key: str
    default: int
    bounds: tuple[int, int]
    permission: Permission
    message: Message
    field: str
    detail: str
    target: str | None = None

    def read(self, db: Database) -> int:
        return read_number(db, self.key, self.default, self.bounds)

    def save(self, session: Session, value: object) -> int:
        session.require(self.permission)
        low, high = self.bounds
        message = Message(self.message.template, **{"low": low, "high": high,
                                                    **self.message.values})
        return save_number(session, self.key, value, self.bounds, message=message,
                           field=self.field, detail=self.detail, target=self.target)
