"""The anonymised report counted on the team server (issue 18, docs/architecture.md
"Team mode").

The counts are PostgreSQL aggregates over the server's plain columns
(storage/team/figures.py), turned into the same RawFigures by the same code as
the vault's (reports.figure_queries), and protected by the same disclosure
control against the releases in the **server's** register
(services.releases.preview_from): a team report is the report the vault
would print from the same records.

Only a programme lead runs reports, as on a single PC: the service checks the
roles the server holds for the signed-in login, and the server's row-level
security refuses an administrator's login every casework table anyway.

This module counts and protects; services/team_publish.py is what a desk
does with it (preview, publish into the server's register, history, PDF).
The "In their words" page is printed from the server's quotes, their words
opened on the PC with the casework key (`with_quotes`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from peerdesk.domain.errors import PermissionDenied
from peerdesk.domain.staff import Permission, Role, needs_role_message, roles_allow
from peerdesk.reports import disclosure
from peerdesk.reports.model import Report
from peerdesk.reports.period import Period
from peerdesk.services import releases
from peerdesk.services.reports import PAGE_SIZES, ReportSettings

if TYPE_CHECKING:
    from peerdesk.storage.team.fieldcrypt import FieldCipher
    from peerdesk.storage.team.figures import ServerQueries
    from peerdesk.storage.team.schema import Conn


def _settings(q: ServerQueries) -> ReportSettings:
    """The centre's report settings as the server holds them (moved from the vault)."""
    try:
        chosen = ReportSettings(
            k=int(q.setting("report_k") or disclosure.DEFAULT_K),
            rounding=disclosure.Rounding(q.setting("report_rounding") or "none"),
            page_size=q.setting("report_page_size") or "A4",
            quotes_page=q.setting("report_quotes_page") == "1")
    except ValueError:
        return ReportSettings()
    return chosen if chosen.page_size in PAGE_SIZES else replace(chosen, page_size="A4")


def _seed(conn: Conn, period: Period) -> int:
    # As services.reports: random rounding repeatable for one centre and period. A
    # centre moved from a vault keeps the vault's id, so both round alike.
    row = conn.execute("SELECT value FROM main.meta WHERE key = 'vault_id'").fetchone()
    vault_id = str(row[0]) if row else ""
    digest = hashlib.sha256(f"{vault_id}|{period.start}|{period.end}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _logo(q: ServerQueries) -> bytes | None:
    text = q.setting("report_logo") or ""
    try:
        return base64.b64decode(text, validate=True) if text else None
    except (binascii.Error, ValueError):
        return None


def require_reports(conn: Conn) -> None:
    """PermissionDenied unless the signed-in login is a programme lead's."""
    from peerdesk.storage.team.figures import signed_in

    who = signed_in(conn)
    roles = [Role(code) for code in who[1]] if who else []
    if not roles_allow(roles, Permission.RUN_REPORTS):
        raise PermissionDenied(needs_role_message(Permission.RUN_REPORTS))


def source(conn: Conn) -> releases.Source:
    """The team server as the place a report is counted and protected from."""
    from peerdesk.storage.team.figures import ServerQueries, latest_months, releases_in_year

    return releases.Source(ServerQueries(conn), lambda year: releases_in_year(conn, year),
                           lambda first, last: latest_months(conn, first, last))


def rules(conn: Conn, period: Period, overrides: ReportSettings | None = None
          ) -> tuple[disclosure.Rules, str, str]:
    """(the disclosure rules, the centre's name, the page size) for `period`, from
    the centre's settings on the server, after checking the login runs reports."""
    from peerdesk.storage.team.figures import ServerQueries

    require_reports(conn)
    q = ServerQueries(conn)
    chosen = overrides or _settings(q)
    return (disclosure.Rules(chosen.k, chosen.rounding, _seed(conn, period)).checked(),
            q.setting("centre_name") or "", chosen.page_size)


def build(conn: Conn, period: Period, *, overrides: ReportSettings | None = None) -> Report:
    """A preview of `period` counted on the team server, protected exactly as the
    vault's preview is, on the signed-in programme lead's connection."""
    chosen_rules, centre, page_size = rules(conn, period, overrides)
    report = releases.preview_from(source(conn), period, chosen_rules, centre, page_size)
    return replace(with_logo(conn, report), preview=True)


def with_logo(conn: Conn, report: Report) -> Report:
    from peerdesk.storage.team.figures import ServerQueries

    return replace(report, logo=_logo(ServerQueries(conn)))


def with_quotes(conn: Conn, casework: FieldCipher, report: Report, on: date) -> Report:
    """The report with its "In their words" quotes as they stand on `on` (approved,
    the peer's "may be quoted" consent current), opened with the casework key;
    none when the centre's quotes page is off."""
    from peerdesk.storage.team.figures import ServerQueries
    from peerdesk.storage.team.releases import printable_quotes

    on_page = _settings(ServerQueries(conn)).quotes_page
    return replace(report, quotes=tuple(printable_quotes(conn, casework, on)) if on_page
                   else ())


__all__ = ["build", "require_reports", "rules", "source", "with_logo", "with_quotes"]
