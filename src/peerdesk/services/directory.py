"""The signposting directory: find, add, change, check and print services (DESIGN.md §1).

Everyone who logs contacts uses and keeps it (Permission.LOG_CONTACTS): it
holds services, not people. An entry others point to is archived rather than
deleted, so past contacts and referrals keep what they said. Changes are audited.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.directory import REVIEW_AFTER_DAYS, DirectoryEntryDraft
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.staff import Permission
from peerdesk.reports.directory_model import Handout, HandoutEntry
from peerdesk.services.clock import today as today_
from peerdesk.services.session import Session
from peerdesk.storage.repositories import directory as directory_repo
from peerdesk.storage.repositories import listening_lists as lists
from peerdesk.storage.repositories.listening_lists import ListKind
from peerdesk.storage.vault import utc_now

StoredEntry = directory_repo.StoredEntry


def search(session: Session, text: str = "", *, category_id: int | None = None,
           region_id: int | None = None, include_archived: bool = False,
           limit: int | None = None) -> list[StoredEntry]:
    """Entries by name; `text` matches the start of words in a name, category or region."""
    session.require(Permission.LOG_CONTACTS)
    ids = directory_repo.find(session.db, text, category_id=category_id, region_id=region_id,
                              include_archived=include_archived, limit=limit)
    return directory_repo.entries(session.db, ids)


def get(session: Session, entry_id: int) -> StoredEntry:
    session.require(Permission.LOG_CONTACTS)
    return directory_repo.get(session.db, entry_id)


def names(session: Session, ids: list[int]) -> dict[int, str]:
    session.require(Permission.LOG_CONTACTS)
    return directory_repo.names_of(session.db, ids)


def _check_lists(session: Session, draft: DirectoryEntryDraft,
                 before: DirectoryEntryDraft | None) -> None:
    lists.check_active(session.db, ListKind.CATEGORY, draft.category_ids,
                       allowed=set(before.category_ids) if before else set(),
                       field="categories")
    lists.check_active(session.db, ListKind.REGION, draft.region_ids,
                       allowed=set(before.region_ids) if before else set(), field="regions")


def add(session: Session, draft: DirectoryEntryDraft, *, today: date | None = None) -> int:
    session.require(Permission.LOG_CONTACTS)
    clean = draft.validated(today_(today))
    with session.db.transaction():
        _check_lists(session, clean, None)
        entry_id = directory_repo.insert(session.db, clean, now=utc_now())
        session.audit(AuditAction.CREATED, "directory", str(entry_id))
    return entry_id


def edit(session: Session, entry_id: int, draft: DirectoryEntryDraft, *,
         today: date | None = None) -> None:
    session.require(Permission.LOG_CONTACTS)
    clean = draft.validated(today_(today))
    with session.db.transaction():
        before = directory_repo.get(session.db, entry_id)
        _check_lists(session, clean, before.draft)
        directory_repo.update(session.db, entry_id, clean, now=utc_now())
        session.audit(AuditAction.CHANGED, "directory", str(entry_id))


def mark_checked(session: Session, entry_id: int, *, today: date | None = None) -> None:
    """Someone checked the entry's details still hold."""
    session.require(Permission.LOG_CONTACTS)
    with session.db.transaction():
        directory_repo.mark_checked(session.db, entry_id, today_(today), now=utc_now())
        session.audit(AuditAction.CHANGED, "directory", str(entry_id), "checked")


def archive(session: Session, entry_id: int, *, today: date | None = None) -> None:
    session.require(Permission.LOG_CONTACTS)
    with session.db.transaction():
        directory_repo.set_archived(session.db, entry_id, today_(today), now=utc_now())
        session.audit(AuditAction.CHANGED, "directory", str(entry_id), "archived")


def restore(session: Session, entry_id: int) -> None:
    session.require(Permission.LOG_CONTACTS)
    with session.db.transaction():
        directory_repo.set_archived(session.db, entry_id, None, now=utc_now())
        session.audit(AuditAction.CHANGED, "directory", str(entry_id), "restored")


def delete(session: Session, entry_id: int) -> None:
    """Only an entry nothing points to; archive the others."""
    session.require(Permission.LOG_CONTACTS)
    with session.db.transaction():
        used = directory_repo.uses(session.db, entry_id)
        if used:
            raise ValidationError("Contacts, sessions or referrals point to this service "
                                  "({used}), so it can't be deleted. Archive it instead: it "
                                  "leaves the lists and they keep what they said.", used=used)
        directory_repo.delete(session.db, entry_id)
        session.audit(AuditAction.DELETED, "directory", str(entry_id))


def due_for_review(session: Session, *, today: date | None = None) -> list[StoredEntry]:
    """Entries not checked for twelve months (or never), oldest first."""
    session.require(Permission.LOG_CONTACTS)
    cutoff = today_(today) - timedelta(days=REVIEW_AFTER_DAYS)
    return directory_repo.entries(session.db, directory_repo.due_for_review(session.db, cutoff))


def handout(session: Session, *, region_id: int | None, category_id: int | None,
            today: date | None = None) -> Handout:
    """The services for a region and a need, as a list to hand over or pin up."""
    session.require(Permission.LOG_CONTACTS)
    region = lists.names(session.db, ListKind.REGION).get(region_id or -1)
    category = lists.names(session.db, ListKind.CATEGORY).get(category_id or -1)
    found = directory_repo.entries(session.db, directory_repo.find(
        session.db, category_id=category_id, region_id=region_id))
    if category and region:
        title = f"{category}: where to find help in {region}"
    elif category or region:
        title = f"{category}: where to find help" if category else f"Where to find help in {region}"
    else:
        title = "Where to find help"
    return Handout(
        centre_name=session.centre_name, title=title,
        produced_on=today_(today).isoformat(),
        entries=tuple(HandoutEntry(
            name=e.draft.name, what=", ".join(e.categories),
            where="All regions" if e.draft.all_regions else ", ".join(e.regions),
            phone=e.draft.phone, email=e.draft.email, website=e.draft.website,
            hours=e.draft.opening_hours) for e in found))


def save_handout(session: Session, sheet: Handout, path: Path, *, page_size: str = "A4") -> int:
    """Write the PDF (whole or not at all); returns its pages. Audited."""
    from peerdesk.reports.directory_pdf import render_pdf
    from peerdesk.services.saving import write_safely

    session.require(Permission.LOG_CONTACTS)
    data, pages = render_pdf(sheet, page_size=page_size)
    write_safely(path, lambda target: target.write_bytes(data))
    session.audit_alone(AuditAction.EXPORTED, "directory", "",
                        f"handout pdf, {len(sheet.entries)} services, {pages} pages")
    return pages


__all__ = ["Handout", "StoredEntry", "add", "archive", "delete", "due_for_review", "edit",
           "get", "handout", "mark_checked", "names", "restore", "save_handout", "search"]
