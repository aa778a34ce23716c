"""Reports page: prepare in the background, preview, save, print, settings, cancel and lock."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from peerdesk.domain.audit import AuditAction
from peerdesk.reports.disclosure import Rounding
from peerdesk.reports.period import Period
from peerdesk.services import audit_log, reports
from peerdesk.services.demo import DEMO_LEAD, DEMO_PASSWORD
from peerdesk.services.reports import ReportSettings
from peerdesk.storage.paths import VaultPaths
from peerdesk.ui.background_job import jobs_running
from peerdesk.ui.reports.period_picker import PeriodPicker, last_complete_month
from peerdesk.ui.reports.preview import file_stem, report_html
from peerdesk.ui.reports.reports_page import ReportsPage
from peerdesk.ui.reports.settings_dialog import ReportSettingsDialog
from tests.reports.sample import sample_report
from tests.ui.conftest import PASSWORDS, message_texts, sign_in

TIMEOUT_MS = 60_000  # a bound for a stuck worker, not a speed test



def _reports_page(qtbot, start_gui, paths: VaultPaths, name: str = DEMO_LEAD,
                  password: str = DEMO_PASSWORD):
    gui = start_gui(paths)
    sign_in(qtbot, gui.sign_in_window, name, password)
    gui.main_window.show_page("Reports")
    page = gui.main_window.pages["Reports"]
    assert isinstance(page, ReportsPage)
    return gui, page


def _prepare_by_click(qtbot, page: ReportsPage):
    with qtbot.waitSignal(page.finished, timeout=TIMEOUT_MS) as done:
        qtbot.mouseClick(page.prepare_button, Qt.MouseButton.LeftButton)
    return done.args[0]


def _wait_for_workers(qtbot) -> None:
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=TIMEOUT_MS)
    QApplication.processEvents()


def _outputs_enabled(page: ReportsPage) -> list[bool]:
    return [b.isEnabled() for b in (page.save_pdf_button, page.save_csv_button,
                                    page.print_button)]


def _events(session, action: AuditAction) -> list[audit_log.AuditRow]:
    return [row for row in audit_log.recent_events(session)
            if row.action is action and row.target.startswith("report: ")]


def picture_bytes(kind: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 100), (31, 58, 95)).save(buffer, format=kind)
    return buffer.getvalue()


def test_prepare_a_month_preview_its_figures_and_save_the_pdf(qtbot, start_gui, demo_vault,
                                                              tmp_path):
    gui, page = _reports_page(qtbot, start_gui, demo_vault)
    assert _outputs_enabled(page) == [False, False, False]  # nothing prepared yet
    # The last complete month is chosen already; choose it again as a person would.
    year, month = last_complete_month(date.today())
    assert page.picker.period() == Period.month(year, month)
    page.picker.set_month(year, month)

    report = _prepare_by_click(qtbot, page)
    assert report is page.report and page.report is not None
    assert _outputs_enabled(page) == [True, True, True]

    direct = reports.build(gui.session, Period.month(year, month))
    assert page.report.headlines == direct.headlines
    peers = next(h for h in direct.headlines if h.key == "peers_supported")
    assert peers.cell.value and peers.cell.value > 0  # the demo centre was busy
    text = page.preview.toPlainText()
    assert direct.period_label in text and direct.disclosure_rule in text
    lines = [line.strip() for line in text.splitlines()]
    at = lines.index(peers.label)
    assert lines[at + 1] == peers.cell.shown  # the figure right beside its label
    # Hidden cells print just as in the PDF.
    for section in direct.sections:
        for table in section.tables:
            for _label, cells in table.rows:
                for cell in cells:
                    assert cell.shown in text

    target = tmp_path / "out" / "board.pdf"
    target.parent.mkdir()
    asked: list[str] = []

    def save_as(_parent, _title, suggested, _kinds):
        asked.append(Path(suggested).name)
        return str(target), "PDF files (*.pdf)"

    page.choose_save_path = save_as
    qtbot.mouseClick(page.save_pdf_button, Qt.MouseButton.LeftButton)
    assert asked == [f"peerdesk-report-{year}-{month:02d}.pdf"]
    pdf_text = " ".join(p.extract_text() or "" for p in PdfReader(target).pages)
    assert "Monthly report" in pdf_text and direct.period_label in pdf_text
    assert [p.name for p in target.parent.iterdir()] == ["board.pdf"]  # nothing half-saved
    exported = _events(gui.session, AuditAction.EXPORTED)
    assert exported and exported[0].detail.startswith("pdf")
    assert "board.pdf" in page.status.text()


def test_publish_records_a_release_shown_in_the_history(qtbot, start_gui, demo_vault,
                                                       tmp_path):
    _gui, page = _reports_page(qtbot, start_gui, demo_vault)
    assert page.history.codes() == []
    preview = _prepare_by_click(qtbot, page)
    assert preview.preview and "Preview — not for publication" in page.preview.toPlainText()
    assert page.publish_button.isEnabled()
    asked: list[str] = []
    page.confirm_publish = lambda label: asked.append(label) or False
    qtbot.mouseClick(page.publish_button, Qt.MouseButton.LeftButton)
    assert asked and page.history.codes() == []  # said no: nothing published
    page.confirm_publish = lambda _label: True
    with qtbot.waitSignal(page.finished, timeout=TIMEOUT_MS) as done:
        qtbot.mouseClick(page.publish_button, Qt.MouseButton.LeftButton)
        assert not page.cancel_button.isEnabled()  # once begun, a publication is seen through
    published = done.args[0].report
    code = published.release_code
    assert page.report is published and not published.preview
    assert page.history.codes() == [code]
    assert f"Published release {code}" in page.status.text()
    assert f"Release {code}" in page.preview.toPlainText()
    # The audit anchor of the act of publishing, on screen, in print and on every page.
    assert published.anchor and f"audit {published.anchor}" in page.preview.toPlainText()
    assert not page.publish_button.isEnabled()  # it is published already
    page.choose_save_path = lambda *_a: (str(tmp_path / "board.pdf"), "")
    qtbot.mouseClick(page.save_pdf_button, Qt.MouseButton.LeftButton)
    pages = [p.extract_text() or "" for p in PdfReader(tmp_path / "board.pdf").pages]
    assert all(f"Release {code}" in text and f"audit {published.anchor}" in text
               for text in pages)
    assert not any("Preview" in text for text in pages)
    _wait_for_workers(qtbot)


def test_a_range_that_cannot_be_published_can_still_be_previewed(qtbot, start_gui,
                                                                 demo_vault):
    _gui, page = _reports_page(qtbot, start_gui, demo_vault)
    year, month = last_complete_month(date.today())
    page.picker.set_range(date(year, month, 2), date(year, month, 20))
    report = _prepare_by_click(qtbot, page)
    assert report.preview and not page.publish_button.isEnabled()
    assert "previewed only" in page.publish_button.toolTip()
    _wait_for_workers(qtbot)


def test_save_csv_and_a_save_that_fails_says_so(qtbot, start_gui, demo_vault, tmp_path):
    gui, page = _reports_page(qtbot, start_gui, demo_vault)
    _prepare_by_click(qtbot, page)
    page.choose_save_path = lambda *_a: (str(tmp_path / "figures"), "")
    qtbot.mouseClick(page.save_csv_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "figures.csv").read_text(encoding="utf-8-sig").strip()
    assert any(r.detail == "csv" for r in _events(gui.session, AuditAction.EXPORTED))

    before = len(_events(gui.session, AuditAction.EXPORTED))
    page.choose_save_path = lambda *_a: (str(tmp_path / "gone" / "r.pdf"), "")
    qtbot.mouseClick(page.save_pdf_button, Qt.MouseButton.LeftButton)
    assert any("could not be saved" in t for t in message_texts())
    assert not (tmp_path / "gone").exists()
    assert len(_events(gui.session, AuditAction.EXPORTED)) == before


def test_print_sends_the_report_and_records_it(qtbot, start_gui, demo_vault, tmp_path,
                                               monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    gui, page = _reports_page(qtbot, start_gui, demo_vault)
    _prepare_by_click(qtbot, page)
    printed = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    assert page.print_report()
    # Qt's PDF puts a tab between words; compare word by word.
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(printed).pages)
    assert "Monthly report" in text and page.report.period_label in text
    assert len(_events(gui.session, AuditAction.PRINTED)) == 1

    monkeypatch.setattr(QPrintDialog, "exec", lambda _d: QDialog.DialogCode.Rejected.value)
    assert not page.print_report()
    assert len(_events(gui.session, AuditAction.PRINTED)) == 1  # a cancelled print isn't one


def test_cancel_throws_the_result_away(qtbot, start_gui, demo_vault):
    _gui, page = _reports_page(qtbot, start_gui, demo_vault)
    finished: list[object] = []
    page.finished.connect(finished.append)
    qtbot.mouseClick(page.prepare_button, Qt.MouseButton.LeftButton)
    assert page.preparing and page.busy_row.isVisibleTo(page)
    assert not page.prepare_button.isEnabled()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    _wait_for_workers(qtbot)  # the worker ends on its own; its answer goes nowhere
    assert finished == [] and page.report is None
    assert page.preview.toPlainText() == ""
    assert _outputs_enabled(page) == [False, False, False]
    assert page.prepare_button.isEnabled() and not page.busy_row.isVisibleTo(page)
    assert page.status.text().startswith("Cancelled")
    assert isinstance(_prepare_by_click(qtbot, page), type(page.report))  # and again


def test_locking_while_preparing_leaves_nothing_behind(qtbot, start_gui, demo_vault):
    gui, page = _reports_page(qtbot, start_gui, demo_vault)
    _prepare_by_click(qtbot, page)
    assert page.preview.toPlainText()
    page.picker.set_kind("year")
    qtbot.keyClick(page.picker.year, Qt.Key.Key_Return)  # Enter prepares too
    assert page.preparing
    gui.lock()
    _wait_for_workers(qtbot)
    assert gui.session is None and page.session is None
    assert page.report is None and page.preview.toPlainText() == ""
    assert _outputs_enabled(page) == [False, False, False] and not page.preparing
    # Signing in again gives a fresh, empty page.
    sign_in(qtbot, gui.sign_in_window, DEMO_LEAD, DEMO_PASSWORD)
    fresh = gui.main_window.pages["Reports"]
    assert fresh is not page and fresh.report is None


def test_a_custom_range_is_checked_before_anything_runs(qtbot, start_gui, demo_vault):
    _gui, page = _reports_page(qtbot, start_gui, demo_vault)
    page.picker.set_range(date(2026, 5, 10), date(2026, 5, 1))
    assert "ends before it starts" in page.problem.text()
    page.prepare()
    assert not page.preparing and page.report is None
    page.picker.set_range(date(2001, 1, 1), date(2026, 1, 1))
    assert "at most five years" in page.problem.text()
    page.picker.set_range(date(2026, 5, 1), date(2026, 5, 10))
    assert page.problem.isHidden()
    report = _prepare_by_click(qtbot, page)
    assert (report.start, report.end) == (date(2026, 5, 1), date(2026, 5, 10))


def test_settings_dialog_keeps_k_at_three_or_more_and_saves(qtbot, start_gui, demo_vault):
    gui, page = _reports_page(qtbot, start_gui, demo_vault)
    dialog = page.open_settings()
    assert isinstance(dialog, ReportSettingsDialog)
    dialog.k.setValue(2)
    assert dialog.k.value() == 3  # the spin box goes no lower
    dialog.rounding.setCurrentIndex(dialog.rounding.findData(Rounding.BASE_5.value))
    dialog.page_size.setCurrentText("Letter")
    dialog.centre.setText("  Harbour Lane  ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert reports.settings(gui.session) == ReportSettings(3, Rounding.BASE_5, "Letter")
    assert reports.centre_name(gui.session) == "Harbour Lane"
    changed = [r.target for r in audit_log.recent_events(gui.session)
               if r.action is AuditAction.CHANGED]
    assert "settings: reports" in changed and "settings: centre_name" in changed
    report = _prepare_by_click(qtbot, page)
    assert report.centre_name == "Harbour Lane" and report.page_size == "Letter"
    assert "from 1 to 2 is hidden" in report.disclosure_rule


def test_an_unusable_logo_is_refused_and_nothing_is_saved(qtbot, start_gui, demo_vault,
                                                          tmp_path):
    gui, page = _reports_page(qtbot, start_gui, demo_vault)
    dialog = page.open_settings()
    fake = tmp_path / "logo.png"
    fake.write_bytes(b"this is a letter, not a picture")
    dialog.choose_file = lambda *_a: (str(fake), "")
    qtbot.mouseClick(dialog.choose_logo_button, Qt.MouseButton.LeftButton)
    assert any("must be a PNG or JPEG" in t for t in message_texts())
    for box in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]:
        box.close()
    huge = tmp_path / "huge.png"
    huge.write_bytes(picture_bytes() + b"\0" * (1024 * 1024))
    assert not dialog.use_logo_file(huge)
    assert "too large" in dialog.problem.text()
    cut = tmp_path / "cut.png"
    cut.write_bytes(picture_bytes()[:80])
    assert not dialog.use_logo_file(cut)
    assert "can't be read" in dialog.problem.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert reports.logo(gui.session) is None
    assert not [r for r in audit_log.recent_events(gui.session)
                if r.target == "settings: report_logo"]


def test_a_logo_is_kept_in_the_vault_and_can_be_removed(qtbot, start_gui, demo_vault,
                                                        tmp_path):
    gui, page = _reports_page(qtbot, start_gui, demo_vault)
    dialog = page.open_settings()
    logo = tmp_path / "logo.jpg"
    logo.write_bytes(picture_bytes("JPEG"))
    assert dialog.use_logo_file(logo)
    assert dialog.remove_logo_button.isEnabled() and dialog.logo_view.pixmap() is not None
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    logo.unlink()  # the vault holds its own copy
    assert reports.logo(gui.session) == picture_bytes("JPEG")
    assert _prepare_by_click(qtbot, page).logo == picture_bytes("JPEG")

    dialog = page.open_settings()
    qtbot.mouseClick(dialog.remove_logo_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert reports.logo(gui.session) is None
    size = len(picture_bytes("JPEG"))
    assert [r.detail for r in audit_log.recent_events(gui.session)
            if r.target == "settings: report_logo"] == ["logo removed", f"logo set, {size} bytes"]


@pytest.mark.parametrize(("name", "has_reports"), [
    ("Lee Lead", True), ("Cal Worker", False), ("Pia Peer", False), ("Ada Admin", False),
])
def test_only_programme_leads_have_the_reports_page(qtbot, start_gui, vault, name,
                                                    has_reports):
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, name, PASSWORDS[name])
    main = gui.main_window
    assert ("Reports" in main.pages) is has_reports
    assert (main.reports_page is not None) is has_reports


def test_every_control_has_a_name_and_is_reached_by_tab(qtbot, start_gui, vault):
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, "Lee Lead", PASSWORDS["Lee Lead"])
    page = gui.main_window.pages["Reports"]
    controls = [page.picker.kind, page.picker.month, page.picker.month_year,
                page.prepare_button, page.settings_button, page.preview]
    for control in controls:
        assert control.accessibleName(), control
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus
    for button in (page.prepare_button, page.settings_button, page.save_pdf_button,
                   page.save_csv_button, page.print_button, page.cancel_button):
        assert "&" in button.text()


def test_the_picker_starts_at_the_last_complete_month_and_builds_each_kind(qtbot):
    picker = PeriodPicker(date(2026, 1, 15))
    qtbot.addWidget(picker)
    assert picker.period() == Period.month(2025, 12)  # across the new year
    picker.set_kind("quarter")
    assert picker.period() == Period.quarter(2025, 4)
    picker.set_kind("year")
    assert picker.period() == Period.year(2025)
    picker.set_kind("custom")
    assert picker.period() == Period.custom(date(2025, 12, 1), date(2025, 12, 31))
    assert picker.year.maximum() == 2027 and picker.year.minimum() == 2000


def test_the_preview_escapes_text_and_files_are_named_by_period():
    report = replace(sample_report(), centre_name="<b>Smith & Jones</b>")
    html = report_html(report)
    assert "&lt;b&gt;Smith &amp; Jones&lt;/b&gt;" in html and "<b>Smith" not in html
    assert "&lt;5" in html and "<5" not in html
    assert file_stem(replace(report, start=date(2026, 10, 1), end=date(2026, 10, 31))) == \
        "peerdesk-report-2026-10"
    assert file_stem(replace(report, start=date(2026, 7, 1), end=date(2026, 9, 30))) == \
        "peerdesk-report-2026-Q3"
    assert file_stem(replace(report, start=date(2025, 1, 1), end=date(2025, 12, 31))) == \
        "peerdesk-report-2025"
    assert file_stem(replace(report, start=date(2026, 5, 3), end=date(2026, 6, 9))) == \
        "peerdesk-report-2026-05-03-to-2026-06-09"
