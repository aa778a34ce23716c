"""Publishing the team's report into the server's release register (issue 18):
services/team_publish.py over services/releases.py, on the real test cluster.

A caseworker logs a quarter's sessions for peers with canary names; the
programme lead publishes January from one PC (its row in casework.report_release,
its audit event on the server's chain in the same act, the PDF read back with no
name in it), and the next publication from a second PC is protected against it.
A caseworker is refused by the service and by the server; the server away, a
publication is refused with a clear message and nothing is recorded.
"""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime

import psycopg
import pytest
from pypdf import PdfReader

from peerdesk.domain.errors import PermissionDenied
from peerdesk.reports.model import Cell
from peerdesk.reports.period import Period
from peerdesk.services.releases import NotPublishable
from peerdesk.services.team_publish import ReportsOffline, TeamReports
from peerdesk.storage.team.casework import TeamPeer, TeamSession
from peerdesk.storage.team.fieldcrypt import FieldCipher
from tests.team.test_search_cache import CANARIES

JANUARY, FEBRUARY, MARCH = (Period.month(2026, m) for m in (1, 2, 3))
FIRST_QUARTER = Period.quarter(2026, 1)
# Phone sessions: January 2 (a small count, hidden in January's report), February 6,
# March 6; and 6 in person in January. Each by a different peer.
WORK = ((date(2026, 1, 12), "phone", 2), (date(2026, 1, 14), "in_person", 6),
        (date(2026, 2, 10), "phone", 6), (date(2026, 3, 10), "phone", 6))


def _peer(ref: int, name: str) -> TeamPeer:
    return TeamPeer(uuid.uuid4(), ref, name, date(2025, 12, 1), "walk_in",
                    full_name=f"{name} Example")


@pytest.fixture
def quarter_of_work(joined_centre, tmp_path) -> list[TeamPeer]:
    """A quarter's sessions logged by a caseworker for peers with canary names."""
    desk = joined_centre.sign_in("caseworker", tmp_path / "caseworker-pc")
    peers: list[TeamPeer] = []
    for on, mode, count in WORK:
        for _ in range(count):
            peer = _peer(len(peers) + 1, f"{CANARIES[len(peers) % len(CANARIES)]}{len(peers)}")
            assert desk.add_peer(peer).sent
            assert desk.add_session(TeamSession(
                uuid.uuid4(), peer.id, desk.staff_id, on, 45, mode, "peer_support",
                notes=f"Talked with {peer.preferred_name} about the week.")).sent
            peers.append(peer)
    desk.close()
    return peers


def _reports(centre, who: str, folder) -> TeamReports:
    return TeamReports(centre.sign_in(who, folder, prepare=False))


def _register(centre) -> list[tuple]:
    with centre.server.connect(centre.database) as conn:
        return conn.execute("SELECT id, code, revision, published_by, hidden, together "
                            "FROM casework.report_release ORDER BY id").fetchall()


def _report_events(centre) -> list[tuple]:
    with centre.server.connect(centre.database) as conn:
        return conn.execute("SELECT id, actor_id, action, target_id FROM main.audit_event "
                            "WHERE target_kind = 'report' ORDER BY id").fetchall()


def _pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_a_lead_publishes_a_month_into_the_servers_register_audited(
        joined_centre, quarter_of_work, tmp_path):
    reports = _reports(joined_centre, "lead", tmp_path / "lead-pc")
    lead = joined_centre.staff_ids["lead"]
    preview = reports.preview(JANUARY)
    assert preview.preview and preview.headlines
    assert _register(joined_centre) == []                      # a preview records nothing

    done = reports.publish(JANUARY)
    assert done.new and not done.report.preview and done.revised == ()
    assert done.report.release_code == "2026-01 r1"
    [(_id, code, revision, published_by, _hidden, together)] = _register(joined_centre)
    assert (code, revision, published_by, together) == ("2026-01 r1", 1, lead, "[]")
    events = _report_events(joined_centre)
    assert [(actor, action, target) for _, actor, action, target in events] == [
        (lead, "viewed", "2026-01-01..2026-01-31"),
        (lead, "created", "2026-01-01..2026-01-31")]
    # The footer's anchor is the chain's head with the publication's own event in it.
    assert done.report.anchor.startswith(f"{events[-1][0]}·")
    # The chain still checks: no broken link (a centre started on the server has no
    # signing authority yet, so its events are unsigned and its origin unrecorded).
    checked = reports.desk.check_audit()
    assert checked.events >= len(events)
    assert all(p.endswith("is not signed") or p.startswith("the record of where")
               for p in checked.problems), checked.problems

    # Published again, unchanged: the same release, nothing new in the register.
    again = reports.publish(JANUARY)
    assert not again.new and again.report.release_code == "2026-01 r1"
    assert len(_register(joined_centre)) == 1
    assert [r.code for r in reports.history()] == ["2026-01 r1"]

    path = tmp_path / "january.pdf"
    pages = reports.save_pdf(done.report, path)
    text = _pdf_text(path)
    assert pages >= 1 and "2026-01 r1" in text and "Preview" not in text
    for canary in CANARIES:
        assert canary.lower() not in text.lower(), canary
    assert _report_events(joined_centre)[-1][2] == "exported"
    reports.desk.close()


def _phone(report) -> Cell:
    table = next(t for sec in report.sections for t in sec.tables
                 if t.key == "sessions_by_mode")
    return next(cells[0] for label, cells in table.rows if label == "Phone")


def test_a_second_pcs_publication_is_protected_against_the_firsts(
        joined_centre, quarter_of_work, tmp_path):
    first = _reports(joined_centre, "lead", tmp_path / "first-pc")
    second = _reports(joined_centre, "lead", tmp_path / "second-pc")
    alone = second.preview(FIRST_QUARTER)           # as if no month had been published
    assert _phone(alone).shown == "14"
    months = [first.publish(month).report for month in (JANUARY, FEBRUARY, MARCH)]
    assert [_phone(m).shown for m in months] == ["*", "6", "6"]
    # Read from the server on the second PC: what the first published.
    assert [r.code for r in second.history()] == ["2026-03 r1", "2026-02 r1", "2026-01 r1"]

    quarter = second.publish(FIRST_QUARTER)
    assert quarter.new and quarter.report.release_code == "2026-Q1 r1"
    # The quarter's 14 phone sessions beside February's 6 and March's 6 would give
    # January's hidden 2 away: published after the months, the quarter hides it.
    assert _phone(quarter.report).hidden
    rows = _register(joined_centre)
    assert [code for _, code, *_ in rows] == ["2026-01 r1", "2026-02 r1", "2026-03 r1",
                                              "2026-Q1 r1"]
    first.desk.close()
    second.desk.close()


def test_two_pcs_publishing_the_same_month_at_once_make_one_release(
        joined_centre, quarter_of_work, tmp_path):
    desks = [_reports(joined_centre, "lead", tmp_path / f"pc-{n}") for n in range(2)]
    start = threading.Barrier(len(desks))

    def publish(reports: TeamReports):
        start.wait()
        return reports.publish(JANUARY)

    with ThreadPoolExecutor(len(desks)) as pool:
        done = list(pool.map(publish, desks))
    # One publication at a time on the server: the second finds the first's
    # release, unchanged, rather than recording a second one (or failing on it).
    assert sorted(d.new for d in done) == [False, True]
    assert {d.report.release_code for d in done} == {"2026-01 r1"}
    assert [code for _, code, *_ in _register(joined_centre)] == ["2026-01 r1"]
    for reports in desks:
        reports.desk.close()


def test_a_late_session_publishes_a_revision_with_its_note_sealed(
        joined_centre, quarter_of_work, tmp_path):
    reports = _reports(joined_centre, "lead", tmp_path / "lead-pc")
    assert reports.publish(JANUARY).new
    late = joined_centre.sign_in("caseworker", tmp_path / "caseworker-pc")
    assert late.add_session(TeamSession(uuid.uuid4(), quarter_of_work[0].id, late.staff_id,
                                        date(2026, 1, 20), 30, "in_person",
                                        "peer_support")).sent
    late.close()
    revised = reports.publish(JANUARY)
    assert revised.new and revised.report.release_code == "2026-01 r2"
    [first, second] = _register(joined_centre)
    assert second[2] == 2
    latest = reports.history()[0]
    assert (latest.code, latest.revision) == ("2026-01 r2", 2)
    assert latest.note.startswith("Revision 2 of January 2026: replaces 2026-01 r1.")
    with joined_centre.server.connect(joined_centre.database) as conn:
        revises, note = conn.execute("SELECT revises, note FROM casework.report_release "
                                     "WHERE id = %s", (second[0],)).fetchone()
    assert revises == first[0]
    assert b"Revision" not in bytes(note)          # sealed: the server holds ciphertext
    reports.desk.close()


def test_a_caseworker_is_refused_by_the_service_and_by_the_server(
        joined_centre, quarter_of_work, tmp_path):
    reports = _reports(joined_centre, "caseworker", tmp_path / "caseworker-desk")
    for attempt in (lambda: reports.publish(JANUARY), lambda: reports.preview(JANUARY),
                    reports.history):
        with pytest.raises(PermissionDenied, match="programme lead"):
            attempt()
    reports.desk.close()
    # What the service refuses, the server refuses the caseworker's login too.
    with joined_centre.server.connect(joined_centre.database,
                                      user=joined_centre.logins["caseworker"],
                                      password=joined_centre.passwords["caseworker"]) as conn, \
            pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("INSERT INTO casework.report_release (code, period_kind, start_on, "
                     "end_on, revision, published_at, published_by, k, rounding, counts, "
                     "hidden, printed, note) VALUES ('x', 'month', '2026-04-01', "
                     "'2026-04-30', 1, now(), 1, 5, 'none', '{}', '[]', '{}', '\\x00')")
    assert _register(joined_centre) == []


def test_publishing_with_the_server_away_is_refused_plainly(
        joined_centre, quarter_of_work, tmp_path):
    reports = _reports(joined_centre, "lead", tmp_path / "lead-pc")
    joined_centre.server.stop()
    try:
        with pytest.raises(ReportsOffline) as refused:
            reports.publish(JANUARY)
        assert "can't be reached" in refused.value.user_message
        assert "Nothing was recorded" in refused.value.user_message
    finally:
        joined_centre.server.start()
    assert _register(joined_centre) == []
    assert reports.publish(JANUARY).new                       # back: it goes
    reports.desk.close()


def test_the_quotes_page_prints_approved_consented_quotes_opened_on_the_pc(
        joined_centre, quarter_of_work, tmp_path):
    """Quotes are sealed on the server; the PC opens them with the casework key."""
    casework = FieldCipher(joined_centre.casework_key, compartment="casework")
    lead = joined_centre.staff_ids["lead"]
    said = {"kept": "The group gave me my week back.", "withdrawn": "Not to be printed."}
    with joined_centre.server.connect(joined_centre.database, user=joined_centre.logins["lead"],
                                      password=joined_centre.passwords["lead"],
                                      autocommit=True) as conn:
        conn.execute("INSERT INTO main.settings (key, value) VALUES "
                     "('report_quotes_page', '1')")
        for peer, (which, words) in zip(quarter_of_work, said.items(), strict=False):
            consent, quote = uuid.uuid4(), uuid.uuid4()
            conn.execute("INSERT INTO casework.consent (id, peer_id, scope, given_on, "
                         "withdrawn_on) VALUES (%s, %s, 'quotable', '2026-04-01', %s)",
                         (consent, peer.id, date(2026, 5, 1) if which == "withdrawn" else None))
            conn.execute("INSERT INTO casework.quote (id, peer_id, consent_id, said_on, words, "
                         "warnings, approved_by, approved_at) VALUES (%s, %s, %s, '2026-04-20', "
                         "%s, %s, %s, %s)",
                         (quote, peer.id, consent, casework.seal("quote", "words", quote, words),
                          casework.seal("quote", "warnings", quote, ""), lead,
                          datetime(2026, 4, 21, tzinfo=UTC)))
    reports = _reports(joined_centre, "lead", tmp_path / "lead-pc")
    done = reports.publish(JANUARY)
    assert done.report.quotes == (said["kept"],)
    path = tmp_path / "january.pdf"
    reports.save_pdf(done.report, path)
    text = _pdf_text(path)
    assert "my week back" in text and "Not to be printed" not in text
    for canary in CANARIES:
        assert canary.lower() not in text.lower(), canary
    reports.desk.close()


# -- the team window's Reports page ------------------------------------------------------


def _window(qtbot, centre, who: str, folder):
    from tests.team.test_team_window import _window as team_window

    return team_window(qtbot, centre, who, folder)


def _run(qtbot, page, action) -> object:
    with qtbot.waitSignal(page.finished, timeout=60000) as done:
        action()
    return done.args[0]


def test_the_reports_page_prepares_publishes_lists_and_saves(
        qtbot, joined_centre, quarter_of_work, tmp_path):
    from PySide6.QtCore import Qt

    window = _window(qtbot, joined_centre, "lead", tmp_path)
    page = window.reports_page
    assert page is not None
    qtbot.keyClick(window.tabs, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentWidget() is page
    qtbot.waitUntil(lambda: page.history_job is None, timeout=30000)  # read on a worker
    assert page.history.codes() == [] and not page.publish_button.isEnabled()

    page.picker.set_month(2026, 1)
    preview = _run(qtbot, page, page.prepare_button.click)
    assert preview.preview and page.report is preview
    assert "not for publication" in page.status.text()
    assert "Preview" in page.preview.toPlainText()
    assert page.publish_button.isEnabled() and page.save_pdf_button.isEnabled()

    asked: list[str] = []
    page.confirm_publish = lambda label: asked.append(label) or True
    published = _run(qtbot, page, page.publish_button.click)
    assert asked == ["January 2026"] and published.done.new
    assert page.status.text() == "Published release 2026-01 r1 on the team server."
    assert page.history.codes() == ["2026-01 r1"]
    assert not page.publish_button.isEnabled()          # a release, not a preview
    assert [code for _, code, *_ in _register(joined_centre)] == ["2026-01 r1"]

    path = tmp_path / "saved" / "report"
    path.parent.mkdir()
    page.choose_save_path = lambda *_args: (str(path), "")
    page.save_pdf_button.click()
    saved = path.with_name("report.pdf")
    assert page.status.text().startswith("Saved report.pdf (")
    text = _pdf_text(saved)
    assert "2026-01 r1" in text
    for canary in CANARIES:
        assert canary.lower() not in text.lower(), canary
        assert canary not in window.windowTitle()

    # The disclosure check's refusal, said plainly in the page: a range that partly
    # overlaps one published can be previewed only.
    page.picker.set_range(date(2026, 1, 1), date(2026, 2, 28))
    _run(qtbot, page, page.prepare_button.click)
    _run(qtbot, page, page.publish_button.click)
    page.picker.set_range(date(2026, 2, 1), date(2026, 3, 31))
    _run(qtbot, page, page.prepare_button.click)
    refused = _run(qtbot, page, page.publish_button.click)
    assert isinstance(refused, NotPublishable)
    assert page.message.isVisible()
    assert "partly overlaps the published report" in page.message.text()
    assert page.history.codes() == ["2026-01..2026-02 r1", "2026-01 r1"]
    window.close()


def test_the_reports_page_is_for_programme_leads_only_and_says_when_the_server_is_away(
        qtbot, joined_centre, quarter_of_work, tmp_path):
    caseworker = _window(qtbot, joined_centre, "caseworker", tmp_path)
    assert caseworker.reports_page is None
    assert "Reports" not in [caseworker.tabs.tabText(i).replace("&", "")
                             for i in range(caseworker.tabs.count())]
    caseworker.close()

    window = _window(qtbot, joined_centre, "lead", tmp_path)
    page = window.reports_page
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.history_job is None, timeout=30000)
    page.picker.set_month(2026, 1)
    joined_centre.server.stop()
    try:
        refused = _run(qtbot, page, page.prepare_button.click)
    finally:
        joined_centre.server.start()
    assert isinstance(refused, ReportsOffline)
    assert page.message.text().startswith("The team server can't be reached, so the report")
    assert page.report is None and not page.publish_button.isEnabled()
    _run(qtbot, page, page.prepare_button.click)                   # back: it counts
    assert page.report is not None and page.message.text() == ""
    window.close()


# -- the command line ---------------------------------------------------------------------


def test_team_report_on_the_command_line_previews_and_publishes(
        joined_centre, quarter_of_work, capsys, monkeypatch, tmp_path):
    from peerdesk.app import cli

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "cli-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cli-config"))
    monkeypatch.setenv("PEERDESK_PASSWORD", joined_centre.passwords["lead"])
    where = ["--connection", str(joined_centre.connection_file),
             "--user", joined_centre.names["lead"]]
    preview = tmp_path / "preview.pdf"
    assert cli.main(["team", "report", "--month", "2026-01", "--pdf", str(preview),
                     *where]) == 0
    out = capsys.readouterr().out
    assert "preview, not for publication" in out and "Preview" in _pdf_text(preview)
    assert _register(joined_centre) == []

    published = tmp_path / "published.pdf"
    assert cli.main(["team", "report", "--month", "2026-01", "--publish",
                     "--pdf", str(published), *where]) == 0
    out = capsys.readouterr().out
    assert "published: release 2026-01 r1" in out
    assert "2026-01 r1" in _pdf_text(published)
    assert [code for _, code, *_ in _register(joined_centre)] == ["2026-01 r1"]
    for canary in CANARIES:
        assert canary not in out

    joined_centre.server.stop()
    try:
        code = cli.main(["team", "report", "--month", "2026-02", "--publish",
                         "--pdf", str(tmp_path / "away.pdf"), *where])
    finally:
        joined_centre.server.start()
    # Signing in is where it finds the server away: said plainly, nothing recorded.
    assert code == 1 and "could not reach the team server" in capsys.readouterr().err
    assert len(_register(joined_centre)) == 1
