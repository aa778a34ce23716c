"""Settings that are one whole number in a range (how long things are kept, the idle
lock): read with a safe default, changed with a message at the field, audited."""

from __future__ import annotations

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import Message
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
