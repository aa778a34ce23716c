"""The month and year report counted on the team server (issue 18).

The small demo vault is moved to the server with `team migrate` (the fixture
of test_row_security_moved), then each report is counted twice: on the vault
(SQLite) and on the server (PostgreSQL, as the programme lead's login). The
raw figures must be equal table by table and row by row, and the protected
report printed from the server's figures must show the same cells as the
vault's, read back from the PDF. Every statement the server runs is checked
to read no sealed column, and the roles that may not run reports are refused
by the service and, for an administrator, by the server itself.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from datetime import date

import psycopg
import pytest
from pypdf import PdfReader

from peerdesk.domain.errors import PermissionDenied
from peerdesk.reports import figures
from peerdesk.reports.figure_queries import VaultQueries
from peerdesk.reports.pdf import write_pdf
from peerdesk.reports.period import Period
from peerdesk.services import releases, team_reports
from peerdesk.services import reports as report_service
from peerdesk.services.demo import DEMO_LEAD, DEMO_PASSWORD
from peerdesk.storage.paths import VaultPaths
from peerdesk.storage.team.figures import ServerQueries
from peerdesk.storage.team.tables import sealed_columns
from tests.fixtures.vaults import close, sign_in
from tests.team.test_row_security_moved import centre  # noqa: F401  (the moved demo)


@pytest.fixture(scope="module")
def vault_lead(demo_template, tmp_path_factory):
    """The demo vault (the same one the server got), signed in as its programme lead."""
    folder = tmp_path_factory.mktemp("vault-side")
    shutil.copytree(demo_template, folder / "demo")
    session = sign_in(VaultPaths.at(folder / "demo" / "demo.peerdesk"), DEMO_LEAD,
                      DEMO_PASSWORD)
    yield session
    close(session)


@pytest.fixture(scope="module")
def periods(vault_lead) -> list[Period]:
    """The last whole month of the demo's sessions and its year."""
    last = date.fromisoformat(str(vault_lead.db.scalar("SELECT max(held_on) FROM one_to_one")))
    month = (last.replace(day=1) - date.resolution).replace(day=1)
    return [Period.month(month.year, month.month), Period.year(month.year)]


def _assert_same(vault: figures.RawFigures, team: figures.RawFigures) -> None:
    assert team.headlines == vault.headlines
    assert team.session_hours == pytest.approx(vault.session_hours)
    assert team.excluded_peers == vault.excluded_peers
    assert list(team.tables) == list(vault.tables)
    for key, table in vault.tables.items():
        theirs = team.tables[key]
        assert (theirs.title, theirs.columns, theirs.note) == (table.title, table.columns,
                                                               table.note), key
        assert len(theirs.rows) == len(table.rows), key
        for mine, other in zip(table.rows, theirs.rows, strict=True):
            assert other == mine, key
        assert theirs == table, key
    assert team.extras.keys() == vault.extras.keys()
    for name, value in vault.extras.items():
        assert team.extras[name] == pytest.approx(value), name


class CoursesOnly(VaultQueries):
    """The vault's statements, training currency from courses only: what the server
    can count while course modules are not on it (storage/team/figures.py)."""

    def training_current(self, span):
        return self._rows(
            "SELECT t.supporter_id, cc.competency_id, max(t.valid_until IS NULL), "
            "max(t.valid_until) FROM supporter "
            "CROSS JOIN training_completion AS t ON t.supporter_id = supporter.id "
            "JOIN course_competency AS cc ON cc.course_id = t.course_id "
            "WHERE t.completed_on <= :e GROUP BY t.supporter_id, cc.competency_id", span)


def test_the_server_counts_the_same_figures_as_the_vault(centre, vault_lead, periods):  # noqa: F811
    with centre.connect("lead") as conn:
        server = ServerQueries(conn)
        for period in periods:
            vault = figures.compute(vault_lead.db, period)
            team = figures.compute(server, period)
            assert vault.headlines["sessions"] > 0, period.label
            if server.has_modules():
                _assert_same(vault, team)
                continue
            # Course modules are not on the server yet: training currency is the one
            # table that differs, and exactly by what modules alone make current.
            assert (team.tables["programme_currency"]
                    != vault.tables["programme_currency"]), "the demo has module training"
            _assert_same(figures.compute(CoursesOnly(vault_lead.db), period), team)


def _pdf_text(report, path) -> list[str]:
    write_pdf(report, path)
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def _vault_preview(session, period, *, modules: bool):
    """The vault's preview through the same mechanism (services.releases), with
    training currency from courses only while the server has no course modules."""
    db = session.db
    src = releases.vault_source(db)
    if not modules:
        src = replace(src, figures=CoursesOnly(db))
    chosen = report_service.settings(session)
    rules = report_service._rules(db, period, chosen)
    report = releases.preview_from(src, period, rules, report_service.centre_name(session),
                                   chosen.page_size)
    return replace(report, logo=report_service.logo(session), preview=True)


def _cells(report):
    return {t.key: [(label, tuple(c.shown for c in row)) for label, row in t.rows]
            for s in report.sections for t in s.tables}


def test_the_team_report_prints_the_same_protected_cells(centre, vault_lead, periods,  # noqa: F811
                                                         tmp_path):
    month = periods[0]
    with centre.connect("lead") as conn:
        team = team_reports.build(conn, month)
        modules = ServerQueries(conn).has_modules()
    vault = _vault_preview(vault_lead, month, modules=modules)
    assert team.preview
    assert _cells(team) == _cells(vault)
    assert [h.cell for h in team.headlines] == [h.cell for h in vault.headlines]
    hidden = [c for s in team.sections for t in s.tables for _, row in t.rows
              for c in row if c.hidden]
    assert hidden, "the demo month has small counts to protect"
    # Read back from the PDFs: the same text, page by page.
    team_pages = _pdf_text(team, tmp_path / "team.pdf")
    vault_pages = _pdf_text(vault, tmp_path / "vault.pdf")
    assert team_pages == vault_pages
    assert "Preview" in team_pages[0]
    assert sum(page.count("*") for page in team_pages) >= len(hidden)


class Explaining(ServerQueries):
    """Every statement's plan (EXPLAIN VERBOSE) kept before it runs."""

    def __init__(self, conn) -> None:
        super().__init__(conn)
        self.plans: list[tuple[str, str]] = []

    def _rows(self, statement, params=None):
        plan = "\n".join(str(r[0]) for r in self.conn.execute(
            "EXPLAIN (VERBOSE, COSTS OFF) " + statement, params or {}).fetchall())
        self.plans.append((statement, plan))
        return super()._rows(statement, params)


_SCAN = re.compile(r" on (main|casework)\.(\w+)(?: (\w+))?")
_REFERENCE = re.compile(r"\b(\w+)\.(\w+)\b")


def columns_read(plan: str) -> set[tuple[str, str]]:
    """(table, column) of every column a plan reads, by the aliases its scans name.

    A scan below another node may list every column of its table as its output
    (PostgreSQL skips a projection it doesn't need: the "physical target list");
    what is used of it shows in the nodes above, its filter and its index
    condition, so those lists are not counted. A scan at the top is the result."""
    aliases = {}
    for _, table, alias in _SCAN.findall(plan):
        aliases[alias or table] = table
    used = []
    lines = plan.splitlines()
    node = lines[0] if lines else ""
    for number, line in enumerate(lines):
        text = line.strip()
        if number == 0 or text.startswith("->"):
            node = text
        elif text.startswith("Output:") and " Scan " in f" {node}" and number > 0 \
                and node.startswith("->"):
            continue
        used.append(line)
    return {(aliases[a], column) for a, column in _REFERENCE.findall("\n".join(used))
            if a in aliases}


def test_no_statement_reads_a_sealed_column(centre, periods):  # noqa: F811
    sealed = sealed_columns()
    with centre.connect("lead") as conn:
        q = Explaining(conn)
        for period in periods:
            figures.compute(q, period)
    assert len(q.plans) > 30
    read = set().union(*(columns_read(plan) for _, plan in q.plans))
    assert ("one_to_one", "held_on") in read and ("anonymous_contact", "channel") in read
    assert not read & sealed, sorted(read & sealed)
    # The check can fail: a statement that reads a name, or counts by one, is caught.
    with centre.connect("lead") as conn:
        for statement in ("SELECT p.preferred_name FROM casework.peer p",
                          "SELECT count(*) FROM casework.peer p "
                          "WHERE p.preferred_name IS NOT NULL",
                          "SELECT count(*) FROM casework.peer p JOIN casework.one_to_one s "
                          "ON s.peer_id = p.id GROUP BY p.full_name"):
            plan = "\n".join(str(r[0]) for r in conn.execute(
                "EXPLAIN (VERBOSE, COSTS OFF) " + statement))
            assert columns_read(plan) & sealed, statement


@pytest.mark.parametrize("who", ["admin", "supporter", "caseworker"])
def test_only_a_programme_lead_runs_a_team_report(centre, periods, who):  # noqa: F811
    with centre.connect(who) as conn, pytest.raises(PermissionDenied, match="programme lead"):
        team_reports.build(conn, periods[0])


def test_the_server_refuses_an_administrators_login_the_counts(centre, periods):  # noqa: F811
    with centre.connect("admin") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        figures.compute(ServerQueries(conn), periods[0])
