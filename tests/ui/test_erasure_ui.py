"""Erasing from the peer page, the subject access export, and Admin › Retention."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from peerdesk.domain.errors import NotFound
from peerdesk.domain.peer import PeerStatus
from peerdesk.services import casework, peers, retention
from peerdesk.ui.admin.admin_page import AdminPage
from peerdesk.ui.admin.retention_page import RetentionPage
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.peers.record_requests import EraseDialog
from tests.services.caseload_helpers import TODAY, peer
from tests.services.erasure_helpers import full_record, group_meeting
from tests.ui.conftest import visible
from tests.ui.peers_helpers import Pages, signed_in


def test_erase_from_the_peer_page_after_typing_the_reference(qtbot, vault):
    with signed_in(vault, "Lee Lead") as lead:
        meeting = group_meeting(lead, anonymous_count=2)
        gone = full_record(lead, "wendrilo", meeting_id=meeting)
        kept = peers.create(lead, peer("Keeper"), today=TODAY)
        ref = peers.open_page(lead, gone.peer_id).peer.ref
        pages = Pages(lead)
        section = pages.caseload.peers
        qtbot.addWidget(section)
        pages.show(qtbot, section)
        assert section.list_page.count.text() == "2 peers"
        assert section.open_peer(gone.peer_id)
        page = section.peer_page
        assert not page.requests_button.isHidden() and page.erase_action.isVisible()

        page.erase_action.trigger()
        dialog = pages.last_dialog()
        assert isinstance(dialog, EraseDialog) and dialog.isVisible()
        explanation = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert "head-counts stay" in explanation and "3 one-to-one sessions" in explanation
        assert f"Type the reference code {ref}" in explanation
        assert not dialog.erase_button.isEnabled()
        qtbot.keyClicks(dialog.typed, "P-9999")
        assert not dialog.erase_button.isEnabled()
        dialog.typed.clear()
        qtbot.keyClicks(dialog.typed, ref.lower())
        assert dialog.erase_button.isEnabled()
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
        assert dialog.busy and not dialog.typed.isEnabled()  # on a worker thread

        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)
        assert section.stack.currentWidget() is section.list_page
        assert page.page is None and page.name.text() == ""
        assert section.list_page.count.text() == "1 peer"
        with pytest.raises(NotFound):
            peers.open_page(lead, gone.peer_id)
        assert peers.open_page(lead, kept).peer.id == kept
        assert casework.search_notes(lead, "wendrilonoteword") == []
        assert section.open_peer(kept) and page.name.text() == "Keeper"


def test_the_erase_dialog_cancels_by_default(qtbot, vault):
    with signed_in(vault, "Lee Lead") as lead:
        record = full_record(lead, "pascolet")
        pages = Pages(lead)
        section = pages.caseload.peers
        qtbot.addWidget(section)
        pages.show(qtbot, section)
        section.open_peer(record.peer_id)
        dialog = section.peer_page.erase_person()
        qtbot.keyClicks(dialog.typed, peers.open_page(lead, record.peer_id).peer.ref)
        qtbot.keyClick(dialog.typed, Qt.Key.Key_Return)  # Enter is Cancel, not Erase
        assert not dialog.isVisible()
        assert peers.open_page(lead, record.peer_id).peer.id == record.peer_id


@pytest.mark.parametrize("name", ["Cal Worker", "Pia Peer"])
def test_other_roles_are_not_offered_the_requests(qtbot, vault, name):
    with signed_in(vault, "Lee Lead") as lead:
        record = full_record(lead, "fennimor")
        sup = next(s.id for s in peers.assignable_staff(lead) if s.name == "Pia Peer")
        details = peers.open_page(lead, record.peer_id).peer.details
        peers.update(lead, record.peer_id, replace(details, supporter_id=sup), today=TODAY)
    with signed_in(vault, name) as session:
        pages = Pages(session)
        section = pages.caseload.peers
        qtbot.addWidget(section)
        assert section.open_peer(record.peer_id)
        assert section.peer_page.requests_button.isHidden()
        assert not section.peer_page.erase_action.isVisible()
        assert not section.peer_page.export_action.isVisible()


def test_subject_access_export_from_the_peer_page(qtbot, vault, tmp_path: Path):
    from pypdf import PdfReader

    with signed_in(vault, "Lee Lead") as lead:
        record = full_record(lead, "ambrevik")
        pages = Pages(lead)
        section = pages.caseload.peers
        qtbot.addWidget(section)
        section.open_peer(record.peer_id)
        page = section.peer_page
        chosen = tmp_path / "their record"
        page.choose_save_path = lambda *_args: (str(chosen), "")
        export = page.export_everything()
        assert export is not None
        with qtbot.waitSignal(export.done, timeout=30000) as finished:
            pass
        assert isinstance(finished.args[0], int) and finished.args[0] >= 1
        text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "their record.pdf").pages)
        assert "ambreviknoteword" in " ".join(text.split())


def closed(session, name: str, on: date) -> int:
    return peers.create(session, peer(name, first_contact=date(2026, 1, 5),
                                      status=PeerStatus.CLOSED, closed_on=on), today=TODAY)


def _confirm_box() -> QMessageBox:
    boxes = visible(QMessageBox)
    assert len(boxes) == 1, [b.text() for b in boxes]
    return boxes[0]


def test_retention_tab_lists_and_deletes_the_selected(qtbot, vault):
    with signed_in(vault, "Lee Lead") as lead:
        first = closed(lead, "Oldest", date(2026, 2, 1))
        second = closed(lead, "Older", date(2026, 3, 1))
        third = closed(lead, "Old", date(2026, 4, 1))
        closed(lead, "Recent", date(2026, 11, 1))
        bus = ChangeBus()
        topics: list[str] = []
        bus.changed.connect(topics.append)
        page = RetentionPage(lead, bus, today=lambda: date(2033, 6, 1))
        qtbot.addWidget(page)
        page.show()
        assert [r.id for r in page.model.rows()] == [first, second, third]
        assert page.count.text() == "3 closed records are past the period."
        assert not page.delete_button.isEnabled()

        selection = page.view.selectionModel()
        flags = (QItemSelectionModel.SelectionFlag.Select
                 | QItemSelectionModel.SelectionFlag.Rows)
        for row in (0, 2):
            selection.select(page.model.index(row, 0), flags)
        assert sorted(page.selected_ids()) == [first, third]
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
        box = _confirm_box()
        assert "2 closed records" in box.text() and "head-counts stay" in box.text()
        confirm = next(b for b in box.buttons() if b.text() == "Delete for good")
        qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: [r.id for r in page.model.rows()] == [second], timeout=30000)
        assert page.status.text() == "Deleted 2 records."
        assert "caseload" in topics and "audit" in topics
        for peer_id in (first, third):
            with pytest.raises(NotFound):
                peers.open_page(lead, peer_id)

        page.view.selectAll()
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
        box = _confirm_box()
        cancel = box.button(QMessageBox.StandardButton.Cancel)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        qtbot.wait(10)
        assert [r.id for r in page.model.rows()] == [second]


def test_the_retention_period_is_saved_from_the_tab(qtbot, vault):
    with signed_in(vault, "Lee Lead") as lead:
        closed(lead, "Older", date(2026, 3, 1))
        page = RetentionPage(lead, ChangeBus(), today=lambda: date(2033, 6, 1))
        qtbot.addWidget(page)
        assert page.years.value() == 7 and page.model.rowCount() == 1
        assert (page.years.minimum(), page.years.maximum()) == (1, 50)
        page.years.setValue(10)
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        assert retention.years(lead) == 10
        assert page.model.rowCount() == 0
        assert "10 years" in page.status.text()


@pytest.mark.parametrize(("name", "shown"), [("Lee Lead", True), ("Ada Admin", False)])
def test_the_retention_tab_is_only_for_programme_leads(qtbot, vault, name, shown):
    with signed_in(vault, name) as session:
        admin = AdminPage(session, ChangeBus(), lambda dialog: dialog.open())
        qtbot.addWidget(admin)
        tabs = [admin.tabs.tabText(i) for i in range(admin.tabs.count())]
        assert ("&Retention" in tabs) is shown
        assert (admin.retention_page is not None) is shown
        admin.clear_data()


def test_a_hidden_retention_tab_catches_up_when_shown(qtbot, vault):
    with signed_in(vault, "Lee Lead") as lead:
        bus = ChangeBus()
        page = RetentionPage(lead, bus, today=lambda: date(2033, 6, 1))
        qtbot.addWidget(page)
        assert page.model.rowCount() == 0
        closed(lead, "Older", date(2026, 3, 1))
        bus.changed.emit("caseload")
        assert page.model.rowCount() == 0  # hidden: not read again yet
        page.show()
        assert page.model.rowCount() == 1
