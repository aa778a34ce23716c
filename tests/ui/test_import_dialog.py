"""Import from spreadsheet on the Peers page: check, fix the mapping, import, see the peers."""

from __future__ import annotations

from PySide6.QtCore import Qt

from peerdesk.ui.peers.import_dialog import ImportDialog
from peerdesk.ui.peers.list_model import PeerColumn
from peerdesk.ui.peers.list_page import PeerListPage
from tests.services.import_helpers import GOOD_ROWS, HEADERS, counts, row, write_csv
from tests.ui.peers_helpers import signed_in


def _wait_checked(qtbot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy and dialog.preview is not None, timeout=15_000)


def _names(page: PeerListPage) -> set[str]:
    model = page.model
    return {model.index(r, PeerColumn.NAME).data() for r in range(model.rowCount())}


def test_fix_the_mapping_import_and_the_list_shows_the_new_peers(qtbot, vault, tmp_path):
    headers = ["Client No" if h == "peer_key" else h for h in HEADERS]
    path = write_csv(tmp_path / "old.csv", GOOD_ROWS, headers)
    with signed_in(vault, "Lee Lead") as lead:
        page = PeerListPage(lead)
        qtbot.addWidget(page)
        page.show()
        assert page.import_button.isVisible() and page.model.rowCount() == 0
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
        dialog = page.findChild(ImportDialog)
        assert dialog is not None and dialog.isVisible()
        assert "Marisol" not in dialog.windowTitle()
        dialog.load(path)
        _wait_checked(qtbot, dialog)

        # "Client No" is not a heading PeerDesk knows: line 1 says the key has no column.
        assert not dialog.import_button.isEnabled()
        problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
        assert problems[0].startswith("line 1: Peer key (the old spreadsheet's id): ")
        assert dialog.rows_table.rowCount() == 4
        assert dialog.rows_table.item(0, 1).text() == "Marisol"
        # Rows are numbered as the spreadsheet and the problems number them.
        assert dialog.rows_table.verticalHeaderItem(0).text() == "2"
        assert dialog.combos["preferred_name"].currentText() == "preferred_name"

        combo = dialog.combos["peer_key"]
        combo.setCurrentIndex(combo.findText("Client No"))
        qtbot.waitUntil(lambda: not dialog.busy and dialog.preview is not None
                        and dialog.preview.mapping.get("peer_key") == 0, timeout=15_000)
        assert dialog.problems.count() == 0

        # Choosing a column another field has takes it from that field.
        notes = dialog.combos["notes"]
        dialog.combos["full_name"].setCurrentIndex(notes.currentIndex())
        assert notes.currentText() == "(not used)"
        qtbot.waitUntil(lambda: not dialog.busy and dialog.preview is not None
                        and dialog.preview.mapping.get("full_name") == 12, timeout=15_000)
        # The notes differ from row to row, and one person has one full name.
        assert not dialog.import_button.isEnabled()
        dialog.combos["full_name"].setCurrentIndex(dialog.combos["full_name"].findText(
            "full_name"))
        notes.setCurrentIndex(notes.findText("notes"))
        qtbot.waitUntil(lambda: not dialog.busy and dialog.preview is not None
                        and dialog.preview.mapping.get("notes") == 12, timeout=15_000)
        assert "4 rows: 2 peers and 3 sessions" in dialog.summary.text()
        assert dialog.import_button.isEnabled()

        with qtbot.waitSignal(page.imported, timeout=15_000):
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert _names(page) == {"Marisol", "Jory"}
        assert page.count.text() == "2 peers"


def test_problems_are_listed_by_line_and_import_stays_off(qtbot, vault, tmp_path):
    bad = row(peer_key="Z", preferred_name="Zed", first_contact="2024-02-30")
    path = write_csv(tmp_path / "bad.csv", [*GOOD_ROWS, bad])
    with signed_in(vault, "Lee Lead") as lead:
        dialog = ImportDialog(lead)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.load(path)
        _wait_checked(qtbot, dialog)
        assert [dialog.problems.item(i).text() for i in range(dialog.problems.count())] == [
            "line 6: first_contact: First contact date “2024-02-30” is not a real date."]
        assert not dialog.import_button.isEnabled()
        assert dialog.problems_label.text() == "Problems (1)"
        # Clicking anyway (or a stale preview) imports nothing.
        dialog.start_import()
        assert not dialog.busy
        assert counts(lead)[:2] == (0, 0)


def test_a_file_that_is_not_a_sheet_gets_its_message(qtbot, vault, tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 100)
    with signed_in(vault, "Lee Lead") as lead:
        dialog = ImportDialog(lead)
        qtbot.addWidget(dialog)
        dialog.load(path)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
        assert dialog.preview is None and not dialog.import_button.isEnabled()
        assert "CSV" in dialog.summary.text()


def test_only_roles_that_may_import_see_the_button(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        page = PeerListPage(cal)
        qtbot.addWidget(page)
        page.show()
        assert not page.import_button.isVisible()
        assert page.open_import() is None
