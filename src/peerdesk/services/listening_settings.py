"""What a centre sets for its listening service: the lists contacts choose from, its
office hours, and how long contacts and ways to call someone back are kept.

The lists (regions, contact topics, directory categories) live with the casework;
office hours and the periods are plain settings, with nothing identifying in them.
Programme leads change the lists and hours (Permission.EDIT_CONTACT_LISTS) and the
periods (Permission.MANAGE_RETENTION); every change is audited.
"""

from __future__ import annotations

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.callbacks import DEFAULT_KEEP_DAYS
from peerdesk.domain.errors import Message
from peerdesk.domain.listening import OFFICE_HOURS_KEY, WEEKDAYS, OfficeHours, clean_list_name
from peerdesk.domain.staff import Permission
from peerdesk.services.number_settings import NumberSetting
from peerdesk.services.session import Session
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import directory as directory_repo
from peerdesk.storage.repositories import listening_lists as lists
from peerdesk.storage.repositories.listening_lists import ListItem, ListKind
from peerdesk.storage.repositories.meta import get_setting, set_setting

__all__ = [
    "DEFAULT_CONTACT_MONTHS",
    "WEEKDAYS",
    "ListItem",
    "ListKind",
    "OfficeHours",
    "add_item",
    "callback_keep_days",
    "contact_months",
    "items",
    "office_hours",
    "read_office_hours",
    "rename_item",
    "set_callback_keep_days",
    "set_contact_months",
    "set_item_active",
    "set_office_hours",
]

DEFAULT_CONTACT_MONTHS = 24
CONTACT_MONTHS_RANGE = (1, 120)
CALLBACK_DAYS_RANGE = (1, 365)

_CONTACT_MONTHS = NumberSetting(
    "listening_contact_months", DEFAULT_CONTACT_MONTHS, CONTACT_MONTHS_RANGE,
    Permission.MANAGE_RETENTION,
    Message("Keep anonymous contacts for {low} to {high} whole months."),
    field="contact_months", detail="{n} months")
_CALLBACK_DAYS = NumberSetting(
    "listening_callback_days", DEFAULT_KEEP_DAYS, CALLBACK_DAYS_RANGE,
    Permission.MANAGE_RETENTION,
    Message("Keep a way to call someone back for {low} to {high} days."),
    field="callback_days", detail="{n} days")


def read_office_hours(db: Database) -> OfficeHours:
    """The setting, or the default (Monday to Friday, 9 to 5) when unset or unreadable."""
    return OfficeHours.from_setting(get_setting(db, OFFICE_HOURS_KEY))


def office_hours(session: Session) -> OfficeHours:
    session.require(Permission.LOG_CONTACTS)
    return read_office_hours(session.db)


def set_office_hours(session: Session, hours: OfficeHours) -> OfficeHours:
    session.require(Permission.EDIT_CONTACT_LISTS)
    clean = hours.checked()
    with session.db.transaction():
        set_setting(session.db, OFFICE_HOURS_KEY, clean.as_setting())
        session.audit(AuditAction.CHANGED, "settings", "office_hours", clean.label())
    return clean


# -- the lists --------------------------------------------------------------------------


def items(session: Session, kind: ListKind, *, active_only: bool = False) -> list[ListItem]:
    session.require(Permission.LOG_CONTACTS)
    return lists.items(session.db, kind, active_only=active_only)


def add_item(session: Session, kind: ListKind, name: str) -> int:
    session.require(Permission.EDIT_CONTACT_LISTS)
    clean = clean_list_name(name, what=kind.what)
    with session.db.transaction():
        item_id = lists.add(session.db, kind, clean)
        session.audit(AuditAction.CHANGED, "settings", kind.value, f"added {item_id}")
    return item_id


def rename_item(session: Session, kind: ListKind, item_id: int, name: str) -> None:
    """Past records show the new name too: it is the same item, better named."""
    session.require(Permission.EDIT_CONTACT_LISTS)
    clean = clean_list_name(name, what=kind.what)
    with session.db.transaction():
        lists.rename(session.db, kind, item_id, clean)
        link = {ListKind.REGION: "directory_entry_region",
                ListKind.CATEGORY: "directory_entry_category"}.get(kind)
        if link is not None:
            directory_repo.reindex(session.db, directory_repo.entries_using(session.db, link,
                                                                            item_id))
        session.audit(AuditAction.CHANGED, "settings", kind.value, f"renamed {item_id}")


def set_item_active(session: Session, kind: ListKind, item_id: int, active: bool) -> None:
    """Retire (or bring back) an item: new records can't choose it; old ones keep it."""
    session.require(Permission.EDIT_CONTACT_LISTS)
    with session.db.transaction():
        lists.set_active(session.db, kind, item_id, active)
        session.audit(AuditAction.CHANGED, "settings", kind.value,
                      f"{'restored' if active else 'retired'} {item_id}")


# -- periods ------------------------------------------------------------------------------


def contact_months(db: Database) -> int:
    """Months an anonymous contact is kept after the day it happened."""
    return _CONTACT_MONTHS.read(db)


def callback_keep_days(db: Database) -> int:
    """Days a way to reach someone waiting for a call-back is kept at most."""
    return _CALLBACK_DAYS.read(db)


def set_contact_months(session: Session, value: object) -> int:
    return _CONTACT_MONTHS.save(session, value)


def set_callback_keep_days(session: Session, value: object) -> int:
    return _CALLBACK_DAYS.save(session, value)
