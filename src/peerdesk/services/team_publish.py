"""A programme lead's reports on the team server, from one desk (issue 18): the
preview, publishing into the server's release register, the release history
and the PDF — the vault's Reports, over the team server.

Publishing is services.releases' own (`publish_to`): the same plan, the same
disclosure control against every release of the year, the same revisions.
Only where it is kept differs: `_ServerRegister` records the releases in
casework.report_release and an audit event each on the server's chain, in one
transaction, while holding the server's publishing lock, so a release made on
one PC constrains the next one made on another (storage/team/releases.py).

Each call opens a connection of its own and closes it (a report is counted on
a worker thread in the window, and the desk's connection stays its thread's).
The server out of reach: `ReportsOffline`, nothing recorded. Every preview,
publication and saved PDF is audited on the server, as on the vault.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from peerdesk.domain.audit import AuditAction
from peerdesk.domain.errors import PeerDeskError, PermissionDenied
from peerdesk.domain.staff import Compartment, Permission, needs_role_message, roles_allow
from peerdesk.reports.model import Report
from peerdesk.reports.period import Period
from peerdesk.services import releases, team_reports
from peerdesk.services.clock import today as today_
from peerdesk.services.saving import write_safely

if TYPE_CHECKING:
    from peerdesk.services.team import TeamDesk
    from peerdesk.storage.signer import Signer
    from peerdesk.storage.team.fieldcrypt import FieldCipher
    from peerdesk.storage.team.schema import Conn

_T = TypeVar("_T")


class ReportsOffline(PeerDeskError):
    default_message = ("The team server can't be reached, so the report can't be counted "
                       "or published now: its figures and every release before it are on "
                       "the server. Nothing was recorded. Try again when it is back.")


@dataclass(frozen=True, slots=True)
class _ServerRegister:
    """services.releases.Register on the team server."""

    conn: Conn
    casework: FieldCipher
    main: FieldCipher
    signer: Signer | None

    def act(self) -> AbstractContextManager[object]:
        from peerdesk.storage.team.releases import one_at_a_time

        return one_at_a_time(self.conn)

    def record(self, made: list[releases.NewRelease], together: list[int]) -> None:
        from peerdesk.storage.team import releases as register
        from peerdesk.storage.team.audit import append_event

        with self.conn.transaction():
            ids = register.new_ids(self.conn, len(made))
            for release_id, new in zip(ids, made, strict=True):
                register.insert(self.conn, self.casework, release_id,
                                **dataclasses.asdict(new),
                                together=[i for i in ids if i != release_id] + together)
                append_event(self.conn, self.main, actor_id=new.published_by,
                             action=AuditAction.CREATED, target_kind="report",
                             target_id=new.audit_target, detail=new.audit_detail,
                             signer=self.signer)

    def anchor(self) -> str:
        from peerdesk.storage import anchors
        from peerdesk.storage.team.releases import audit_head

        count, head = audit_head(self.conn)
        return anchors.Anchor(count, head.hex()).printed


class TeamReports:
    """The signed-in programme lead's reports on the team server."""

    def __init__(self, desk: TeamDesk) -> None:
        self.desk = desk

    # -- the server --------------------------------------------------------------

    def _on_server(self, work: Callable[[Conn], _T]) -> _T:
        """`work` on a connection of its own, closed after; PermissionDenied unless a
        programme lead, ReportsOffline when the server can't be reached."""
        from peerdesk.storage.team.connection import lost_as_unreachable
        from peerdesk.storage.team.errors import ServerUnreachable

        if not roles_allow(list(self.desk.roles), Permission.RUN_REPORTS):
            raise PermissionDenied(needs_role_message(Permission.RUN_REPORTS))
        try:
            conn = self.desk.own_connection()()
            with contextlib.closing(conn), lost_as_unreachable(self.desk.info):
                return work(conn)
        except ServerUnreachable:
            raise ReportsOffline from None

    def _cipher(self, compartment: Compartment) -> FieldCipher:
        return self.desk.keys.cipher(compartment)

    def _audit(self, conn: Conn, action: AuditAction, report: Report, what: str) -> None:
        from peerdesk.storage.team.audit import append_event

        with conn.transaction():
            append_event(conn, self._cipher(Compartment.MAIN), actor_id=self.desk.staff_id,
                         action=action, target_kind="report",
                         target_id=f"{report.start}..{report.end}", detail=what,
                         signer=self.desk.signer)

    def _register(self, conn: Conn) -> _ServerRegister:
        return _ServerRegister(conn, self._cipher(Compartment.CASEWORK),
                               self._cipher(Compartment.MAIN), self.desk.signer)

    def _finished(self, conn: Conn, report: Report, *, on: date | None = None) -> Report:
        """The logo and the "In their words" quotes as they stand now."""
        return team_reports.with_quotes(conn, self._cipher(Compartment.CASEWORK),
                                        team_reports.with_logo(conn, report), today_(on))

    # -- what the page does ------------------------------------------------------

    def preview(self, period: Period) -> Report:
        """What publishing would print now, marked as a preview (audited)."""

        def work(conn: Conn) -> Report:
            report = team_reports.build(conn, period)
            report = self._finished(conn, replace(report,
                                                  anchor=self._register(conn).anchor()))
            self._audit(conn, AuditAction.VIEWED, report, "preview built")
            return report

        return self._on_server(work)

    def publish(self, period: Period) -> releases.Publication:
        """Record the period's report in the server's register (or give back the
        release already there when nothing changed); NotPublishable for a period
        that can only be previewed."""

        def work(conn: Conn) -> releases.Publication:
            rules, centre, page_size = team_reports.rules(conn, period)
            done = releases.publish_to(team_reports.source(conn), self._register(conn),
                                       self.desk.staff_id, period, rules, centre, page_size)
            report = self._finished(conn, done.report)
            if not done.new:
                self._audit(conn, AuditAction.VIEWED, report,
                            f"release {report.release_code} unchanged, printed again")
            return replace(done, report=report)

        return self._on_server(work)

    def history(self) -> list[releases.ReleaseSummary]:
        """Every release on the server, newest first."""
        from peerdesk.storage.team.releases import history

        return self._on_server(lambda conn: [releases.summary(row) for row in history(
            conn, self._cipher(Compartment.CASEWORK))])

    def save_pdf(self, report: Report, path: Path, *, on: date | None = None) -> int:
        """The report as a PDF at `path`, its quotes as they stand now; its pages."""
        from peerdesk.reports.pdf import write_pdf

        def work(conn: Conn) -> int:
            printing = team_reports.with_quotes(conn, self._cipher(Compartment.CASEWORK),
                                                report, today_(on))
            pages = write_safely(path, lambda target: write_pdf(printing, target))
            quotes = f", {len(printing.quotes)} quotes" if printing.quotes else ""
            self._audit(conn, AuditAction.EXPORTED, printing, f"pdf, {pages} pages{quotes}")
            return pages

        return self._on_server(work)


__all__ = ["ReportsOffline", "TeamReports"]
