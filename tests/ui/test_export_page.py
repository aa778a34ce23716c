"""Admin › Export (issue 14 item 9): driven as each role would, on real vaults.

The export runs on a worker thread with a progress dialog; what the page says
follows the person's keys; a weak or mistyped passphrase is refused beside
the field before any file is chosen; stopping leaves no file.
"""

from __future__ import annotations

import threading

import pyzipper
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from peerdesk.services.export import ExportCancelled, ExportResult
from tests.ui.conftest import ADMIN_NAME, PASSWORDS, sign_in

TIMEOUT_MS = 120_000  # a bound for a stuck worker, not a speed test
LEAD = "Lee Lead"
PHRASE = "five words for the export"


def _export_page(qtbot, start_gui, vault, name):
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, name, PASSWORDS[name])
    gui.main_window.show_page("Admin")
    admin = gui.main_window.admin_page
    assert admin.export_page is not None
    admin.tabs.setCurrentWidget(admin.export_page)
    return gui, admin.export_page


def _type(qtbot, page, phrase, confirm=None):
    for edit, text in ((page.passphrase, phrase), (page.confirm, confirm or phrase)):
        edit.clear()
        qtbot.keyClicks(edit, text)


def _export_by_click(qtbot, page):
    with qtbot.waitSignal(page.export_finished, timeout=TIMEOUT_MS) as finished:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    return finished.args[0]


def test_a_programme_lead_exports_everything_with_progress(qtbot, start_gui, vault, tmp_path):
    gui, page = _export_page(qtbot, start_gui, vault, LEAD)
    assert "peers' records" in page.what.text() and "main database only" not in page.what.text()
    asked = []
    page.choose_save_path = lambda *args: (asked.append(args) or str(tmp_path / "centre"), "")
    steps = []
    page.relay.step.connect(lambda done, total, text: steps.append((done, total)))
    _type(qtbot, page, PHRASE)
    result = _export_by_click(qtbot, page)
    assert isinstance(result, ExportResult)
    assert result.path == tmp_path / "centre.zip"  # .zip added
    assert result.databases == ("main", "casework")
    assert "Saved:" in page.result.text() and str(result.path) in page.result.text()
    assert page.passphrase.text() == "" and page.progress_dialog is None
    assert steps and steps[-1][0] <= steps[-1][1]
    archive = pyzipper.AESZipFile(result.path)
    archive.setpassword(PHRASE.encode())
    assert archive.read("casework/peer.csv").startswith(b"\xef\xbb\xbf")
    # Recorded, and the audit tab shows it.
    assert gui.session.db.scalar(
        "SELECT count(*) FROM audit_event WHERE action = 'exported' AND target_kind = 'centre'"
    ) == 1


def test_an_administrator_is_told_their_export_holds_the_main_database_only(
        qtbot, start_gui, vault, tmp_path):
    _gui, page = _export_page(qtbot, start_gui, vault, ADMIN_NAME)
    assert "main database only" in page.what.text()
    page.choose_save_path = lambda *args: (str(tmp_path / "admin.zip"), "")
    qtbot.mouseClick(page.suggest_button, Qt.MouseButton.LeftButton)
    suggested = page.passphrase.text()
    assert suggested and suggested == page.confirm.text() and suggested in page.suggestion.text()
    result = _export_by_click(qtbot, page)
    assert isinstance(result, ExportResult) and result.databases == ("main",)
    archive = pyzipper.AESZipFile(result.path)
    archive.setpassword(suggested.encode())
    assert "MAIN DATABASE ONLY" in archive.read("README.txt").decode()


def test_caseworkers_have_no_export_tab(qtbot, start_gui, vault):
    gui = start_gui(vault)
    sign_in(qtbot, gui.sign_in_window, "Cal Worker", PASSWORDS["Cal Worker"])
    admin = gui.main_window.admin_page
    assert admin is None or admin.export_page is None


def test_a_weak_or_mistyped_passphrase_is_refused_beside_the_field(qtbot, start_gui, vault,
                                                                   tmp_path):
    _gui, page = _export_page(qtbot, start_gui, vault, LEAD)
    asked = []
    page.choose_save_path = lambda *args: (asked.append(args) or "", "")
    _type(qtbot, page, "too short")
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert page.passphrase_error.isVisibleTo(page)
    assert "16 characters" in page.passphrase_error.text()
    _type(qtbot, page, PHRASE, PHRASE + "!")
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert not page.passphrase_error.isVisibleTo(page)
    assert "not the same" in page.confirm_error.text()
    assert asked == [] and page.job is None  # no file was asked for
    assert list(tmp_path.iterdir()) == [tmp_path / "vault"]


def test_stop_leaves_no_file(qtbot, start_gui, vault, tmp_path):
    _gui, page = _export_page(qtbot, start_gui, vault, LEAD)
    out = tmp_path / "out"
    out.mkdir()
    page.choose_save_path = lambda *args: (str(out / "centre.zip"), "")
    _type(qtbot, page, PHRASE)

    class HoldAtFirstStep:
        """Stands in for the progress relay: the worker waits at its first step
        until the test has pressed Stop, so the stop can't come too late."""

        def __init__(self):
            self.step, self.reached, self.go_on = self, threading.Event(), threading.Event()

        def emit(self, *_args):
            self.reached.set()
            self.go_on.wait(timeout=TIMEOUT_MS / 1000)

    hold = HoldAtFirstStep()
    page.relay = hold
    with qtbot.waitSignal(page.export_finished, timeout=TIMEOUT_MS) as finished:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(hold.reached.is_set, timeout=TIMEOUT_MS)
        stop = next(b for b in page.progress_dialog.findChildren(QPushButton)
                    if b.text() == "Stop")
        qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
        hold.go_on.set()
    result = finished.args[0]
    assert isinstance(result, ExportCancelled)
    assert "No export was saved" in page.result.text()
    assert list(out.iterdir()) == []
    assert page.export_button.isEnabled()
