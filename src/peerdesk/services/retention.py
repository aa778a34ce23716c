"""Retention review (DESIGN.md §6): closed peers past the retention period, deleted in one step.

Programme leads manage retention (Permission.MANAGE_RETENTION). The period is
a whole number of years after a record was closed, kept in the settings
table. Deleting goes through the same path as erasure on request, in one
transaction with one audit event that carries the count and the reference
codes, never a name.
"""

from __future__ import annotations

from datetime import date

from peerdesk.domain.errors import Message, ValidationError
from peerdesk.domain.staff import Permission
from peerdesk.services import erasure
from peerdesk.services.clock import today as today_
from peerdesk.services.number_settings import NumberSetting
from peerdesk.services.session import Session
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import erasure as erasure_repo

ClosedPeer = erasure_repo.ClosedPeer

YEARS_KEY = "retention_years"
DEFAULT_YEARS = 7
MIN_YEARS = 1
MAX_YEARS = 50

_YEARS = NumberSetting(
    YEARS_KEY, DEFAULT_YEARS, (MIN_YEARS, MAX_YEARS), Permission.MANAGE_RETENTION,
    Message("Keep closed records for {least} to {most} whole years after they were closed.",
            least=MIN_YEARS, most=MAX_YEARS),
    field="years", target="retention", detail="{n} years")


def years(session: Session, *, db: Database | None = None) -> int:
    """Years after closure a record is kept; the default when unset or unreadable."""
    session.require(Permission.MANAGE_RETENTION)
    return _YEARS.read(db or session.db)


def set_years(session: Session, value: object) -> int:
    """Change the period; a clear message for anything but 1 to 50 whole years."""
    return _YEARS.save(session, value)


def cutoff(closed_before_years: int, today: date) -> date:
    """The latest closure date that is past the period on `today` (29 February -> 28th)."""
    year = today.year - closed_before_years
    try:
        return today.replace(year=year)
    except ValueError:
        return today.replace(year=year, day=28)


def due_for_review(session: Session, today: date | None = None, *,
                   db: Database | None = None) -> list[ClosedPeer]:
    """Closed peers whose closure date plus the period is today or earlier.

    Names are shown to the programme lead on screen; nothing here is audited
    with a name.
    """
    period = years(session, db=db)
    return erasure_repo.closed_on_or_before(db or session.db, cutoff(period, today_(today)))


def delete_past_retention(session: Session, peer_ids: list[int],
                          today: date | None = None, *, db: Database | None = None) -> int:
    """Delete the chosen peers, each of whom must still be due; returns how many went.

    All or nothing: if any chosen peer is no longer due (reopened, or the
    period was lengthened meanwhile), nothing is deleted. `db` is a worker
    thread's own connection when the window runs this in the background.
    """
    session.require(Permission.MANAGE_RETENTION)
    db = db or session.db
    chosen = sorted(set(peer_ids))
    if not chosen:
        raise ValidationError("Choose at least one record to delete.")
    with db.transaction():
        period = years(session, db=db)
        due = {p.id: p for p in due_for_review(session, today, db=db)}
        missing = [i for i in chosen if i not in due]
        if missing:
            raise ValidationError(
                "Some of the chosen records are no longer past the retention period (they may "
                "have been reopened or changed). Nothing was deleted; refresh the list.")
        refs = [due[i].ref for i in chosen]
        erasure_repo.delete_peers(db, chosen)
        erasure.audit_on(session, db, "", f"retention review: {len(chosen)} closed records "
                                          f"past {period} years: {', '.join(refs)}")
    erasure.make_physically_gone(session, db)
    return len(chosen)


__all__ = ["DEFAULT_YEARS", "MAX_YEARS", "MIN_YEARS", "ClosedPeer", "cutoff",
           "delete_past_retention", "due_for_review", "set_years", "years"]
