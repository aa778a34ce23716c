"""The anonymised report: settings, building it, saving and printing (DESIGN.md §5).

Only programme leads run reports. Every build, export and print is audited
with the period and format only.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TypeVar

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.staff import Permission
from peerdesk.domain.validation import CENTRE_NAME_MAX, clean_name
from peerdesk.reports import disclosure
from peerdesk.reports.model import Report
from peerdesk.reports.period import Period
from peerdesk.services import releases
from peerdesk.services.clock import today as today_
from peerdesk.services.saving import write_safely
from peerdesk.services.session import Session
from peerdesk.storage import anchors
from peerdesk.storage.database import Database
from peerdesk.storage.repositories import audit as audit_repo
from peerdesk.storage.repositories import voice as voice_repo
from peerdesk.storage.repositories.meta import get_meta, get_setting, set_setting
from peerdesk.storage.vault import utc_now

T = TypeVar("T")

PAGE_SIZES = ("A4", "Letter")
LOGO_MAX_BYTES = 1024 * 1024
_LOGO_SETTING = "report_logo"  # base64 of the PNG or JPEG; empty when there is none


@dataclass(frozen=True, slots=True)
class ReportSettings:
    k: int = disclosure.DEFAULT_K
    rounding: disclosure.Rounding = disclosure.Rounding.NONE
    page_size: str = "A4"
    # Print the "In their words" page of approved, consented quotes.
    quotes_page: bool = False


def settings(session: Session) -> ReportSettings:
    session.require(Permission.RUN_REPORTS)
    return _read_settings(session.db)


def _read_settings(db: Database) -> ReportSettings:
    try:
        return ReportSettings(
            k=int(get_setting(db, "report_k", str(disclosure.DEFAULT_K)) or 5),
            rounding=disclosure.Rounding(get_setting(db, "report_rounding", "none") or "none"),
            page_size=get_setting(db, "report_page_size", "A4") or "A4",
            quotes_page=get_setting(db, "report_quotes_page", "0") == "1",
        )
    except ValueError:
        return ReportSettings()


def save_settings(session: Session, new: ReportSettings) -> None:
    session.require(Permission.RUN_REPORTS)
    disclosure.Rules(new.k, new.rounding).checked()
    if new.page_size not in PAGE_SIZES:
        raise ValidationError("Choose A4 or Letter.", field="page_size")
    with session.db.transaction():
        set_setting(session.db, "report_k", str(new.k))
        set_setting(session.db, "report_rounding", new.rounding.value)
        set_setting(session.db, "report_page_size", new.page_size)
        set_setting(session.db, "report_quotes_page", "1" if new.quotes_page else "0")
        session.audit(AuditAction.CHANGED, "settings", "reports",
                      f"k={new.k}, rounding={new.rounding.value}, {new.page_size}, "
                      f"quotes page {'on' if new.quotes_page else 'off'}")


def centre_name(session: Session) -> str:
    session.require(Permission.RUN_REPORTS)
    return session.centre_name


def set_centre_name(session: Session, name: str) -> str:
    """The name on every report's cover (and on the printed recovery key)."""
    session.require(Permission.RUN_REPORTS)
    clean = clean_name(name, what="The centre's name", maximum=CENTRE_NAME_MAX)
    with session.db.transaction():
        set_setting(session.db, "centre_name", clean)
        session.audit(AuditAction.CHANGED, "settings", "centre_name", "centre name")
    return clean


def logo(session: Session) -> bytes | None:
    session.require(Permission.RUN_REPORTS)
    return _stored_logo(session.db)


def check_logo_size(size: int) -> None:
    """The size check alone, so a chooser can refuse a large file before reading it."""
    if size > LOGO_MAX_BYTES:
        raise ValidationError(
            "That picture is too large ({megabytes:.1f} MB); a logo can be at most 1 MB. "
            "Save a smaller copy and choose it again.", field="logo",
            megabytes=size / (1024 * 1024))


def check_logo(data: bytes) -> None:
    """A clear ValidationError unless `data` is a PNG or JPEG of at most 1 MB that decodes."""
    from peerdesk.reports.pdf import is_png_or_jpeg, logo_size

    check_logo_size(len(data))
    if not is_png_or_jpeg(data):
        raise ValidationError("A logo must be a PNG or JPEG picture, and that file is not "
                              "one. Nothing was changed.", field="logo")
    try:
        logo_size(data)
    except ValueError as exc:
        raise ValidationError("That picture can't be read: it may be damaged, or far too "
                              "large in pixels. Nothing was changed.", field="logo") from exc


def set_logo(session: Session, data: bytes) -> None:
    """Keep the logo inside the vault, so a report never depends on a file outside it."""
    session.require(Permission.RUN_REPORTS)
    check_logo(data)
    with session.db.transaction():
        set_setting(session.db, _LOGO_SETTING, base64.b64encode(data).decode("ascii"))
        session.audit(AuditAction.CHANGED, "settings", "report_logo",
                      f"logo set, {len(data)} bytes")


def remove_logo(session: Session) -> None:
    session.require(Permission.RUN_REPORTS)
    with session.db.transaction():
        set_setting(session.db, _LOGO_SETTING, "")
        session.audit(AuditAction.CHANGED, "settings", "report_logo", "logo removed")


def _stored_logo(db: Database) -> bytes | None:
    text = get_setting(db, _LOGO_SETTING, "") or ""
    if not text:
        return None
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None  # a damaged setting: print the report without a logo


def _seed(db: Database, period: Period) -> int:
    # Random rounding is repeatable for one vault and period, and unguessable
    # without the vault.
    vault_id = get_meta(db, "vault_id") or ""
    digest = hashlib.sha256(f"{vault_id}|{period.start}|{period.end}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _rules(db: Database, period: Period, chosen: ReportSettings) -> disclosure.Rules:
    return disclosure.Rules(chosen.k, chosen.rounding, _seed(db, period)).checked()


def build(session: Session, period: Period, *, db: Database | None = None,
          overrides: ReportSettings | None = None) -> Report:
    """A preview: counted and protected exactly as publishing would, recorded nowhere,
    marked "Preview — not for publication". `db`: a worker thread's own connection."""
    session.require(Permission.RUN_REPORTS)
    conn = db or session.db
    # Everything through `conn`: a connection belongs to the thread that opened it.
    chosen = overrides or _read_settings(conn)
    # One snapshot: the audit anchor printed in the footer is the log's head as it
    # was when these figures were counted.
    with conn.read_snapshot():
        report = releases.preview(session, conn, period, _rules(conn, period, chosen),
                                  get_setting(conn, "centre_name", "") or "", chosen.page_size)
        report = replace(report, logo=_stored_logo(conn), anchor=anchors.current(conn).printed)
        report = _with_quotes(conn, report, chosen)
    with conn.transaction():
        session_audit(session, conn, AuditAction.VIEWED, report, "preview built")
    return report


def publish(session: Session, period: Period, *, db: Database | None = None
            ) -> releases.Publication:
    """Record the period's report as a release (or give back the one already made
    when nothing changed). NotPublishable for a range that can only be previewed."""
    session.require(Permission.RUN_REPORTS)
    conn = db or session.db
    chosen = _read_settings(conn)
    done = releases.publish(session, conn, period, _rules(conn, period, chosen),
                            get_setting(conn, "centre_name", "") or "", chosen.page_size)
    report = _with_quotes(conn, replace(done.report, logo=_stored_logo(conn)), chosen)
    if not done.new:
        with conn.transaction():
            session_audit(session, conn, AuditAction.VIEWED, report,
                          f"release {report.release_code} unchanged, printed again")
    return replace(done, report=report)


def release_history(session: Session) -> list[releases.ReleaseSummary]:
    return releases.history(session, session.db)


def session_audit(session: Session, db: Database, action: AuditAction, report: Report,
                  what: str) -> None:
    """On `db`, which may be a worker thread's connection rather than the session's."""
    audit_repo.append(db, at=utc_now(), actor_id=session.staff.id, action=action,
                      target_kind="report", target_id=f"{report.start}..{report.end}",
                      detail=what)


def _with_quotes(db: Database, report: Report, chosen: ReportSettings | None = None,
                 *, on: date | None = None) -> Report:
    """The report with its "In their words" quotes as they stand now: approved, and
    with the peer's "may be quoted" consent current today (none when the page is off)."""
    chosen = chosen or _read_settings(db)
    found = tuple(voice_repo.printable_quotes(db, today_(on))) if chosen.quotes_page else ()
    return replace(report, quotes=found)


def for_printing(session: Session, report: Report, *, on: date | None = None) -> Report:
    """The report as it must print at this moment: quotes whose consent was withdrawn
    since it was built are gone (call just before printing or saving)."""
    session.require(Permission.RUN_REPORTS)
    return _with_quotes(session.db, report, on=on)


def _quotes_note(report: Report) -> str:
    return f", {len(report.quotes)} quotes" if report.quotes else ""


def save_pdf(session: Session, report: Report, path: Path) -> int:
    from peerdesk.reports.pdf import write_pdf

    session.require(Permission.RUN_REPORTS)
    report = for_printing(session, report)
    pages = write_safely(path, lambda target: write_pdf(report, target))
    with session.db.transaction():
        session_audit(session, session.db, AuditAction.EXPORTED, report,
                      f"pdf, {pages} pages{_quotes_note(report)}")
    return pages


def save_csv(session: Session, report: Report, path: Path) -> None:
    from peerdesk.reports.csv_writer import write_csv

    session.require(Permission.RUN_REPORTS)
    write_safely(path, lambda target: write_csv(report, target))
    with session.db.transaction():
        session_audit(session, session.db, AuditAction.EXPORTED, report, "csv")


def record_printed(session: Session, report: Report) -> None:
    session.require(Permission.RUN_REPORTS)
    with session.db.transaction():
        session_audit(session, session.db, AuditAction.PRINTED, report,
                      f"printed{_quotes_note(report)}")


__all__ = ["Period", "ReportSettings", "build", "centre_name", "check_logo", "check_logo_size",
           "for_printing", "logo", "publish", "record_printed", "release_history", "remove_logo",
           "save_csv", "save_pdf", "save_settings", "set_centre_name", "set_logo", "settings"]
