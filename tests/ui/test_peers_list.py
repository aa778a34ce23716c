"""Peers page: add through the dialog, search as you type, paged model sorted in SQL, roles."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt

from peerdesk.domain.peer import PeerDraft, PeerStatus
from peerdesk.services import peers
from peerdesk.services.auth import SignIn
from peerdesk.services.demo import DEMO_LEAD, DEMO_PASSWORD
from peerdesk.services.peers import PeerFilter
from peerdesk.storage.vault import LockedVault
from peerdesk.ui.peers.list_model import PAGE_SIZE, PEER_ID_ROLE, PeerColumn, PeerListModel
from peerdesk.ui.peers.list_parts import EMPTY_CASELOAD, EMPTY_SEARCH
from peerdesk.ui.peers.no_access import NoAccessPage
from peerdesk.ui.peers.peer_dialog import PeerDialog
from tests.ui.peers_helpers import Pages, signed_in

CTRL = Qt.KeyboardModifier.ControlModifier


def draft(name: str, **changes: object) -> PeerDraft:
    return replace(PeerDraft(preferred_name=name, first_contact=date(2026, 1, 5)),
                   **changes)  # type: ignore[arg-type]



def test_add_a_peer_with_only_a_preferred_name_then_find_it(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        peers.create(cal, draft("Zainab"))
        pages = Pages(cal)
        section = pages.caseload.peers
        qtbot.addWidget(section)
        pages.show(qtbot, section)
        page = section.list_page
        assert page.count.text() == "1 peer"

        page.search.setFocus()
        qtbot.keyClick(page.search, Qt.Key.Key_N, CTRL)
        dialog = pages.last_dialog()
        assert isinstance(dialog, PeerDialog) and dialog.isVisible()
        assert dialog.windowTitle() == "Add a peer"
        qtbot.keyClicks(dialog.preferred_name, "Marisol")
        qtbot.keyClick(dialog.preferred_name, Qt.Key.Key_Return)
        assert not dialog.isVisible()

        assert page.model.rowCount() == 2
        assert page.count.text() == "2 peers"
        names = [page.model.index(r, PeerColumn.NAME).data() for r in range(2)]
        assert names == ["Marisol", "Zainab"]
        assert page.model.index(0, PeerColumn.REF).data() == "P-0002"
        assert page.model.index(0, PeerColumn.STATUS).data() == "Active"

        qtbot.keyClicks(page.search, "mar")  # each keystroke runs the query
        assert page.model.rowCount() == 1
        assert page.model.index(0, PeerColumn.NAME).data() == "Marisol"
        assert page.count.text() == "1 peer matches"
        page.search.clear()
        qtbot.keyClicks(page.search, "p-0002")
        assert [page.model.index(0, PeerColumn.NAME).data()] == ["Marisol"]
        page.search.clear()
        qtbot.keyClicks(page.search, "P-0001")
        assert page.model.index(0, PeerColumn.NAME).data() == "Zainab"
        page.search.clear()
        qtbot.keyClicks(page.search, "nobody")
        assert page.model.rowCount() == 0
        assert page.views.currentWidget() is page.empty
        assert page.empty.text() == EMPTY_SEARCH
        section.activateWindow()  # the offscreen platform does not hand it back by itself
        qtbot.waitUntil(section.isActiveWindow)
        page.search.clear()
        qtbot.keyClicks(page.search, "m")
        qtbot.keyClick(page.search, Qt.Key.Key_Down)  # into the list, first row chosen
        assert page.table.hasFocus() and page.selected_peer() is not None
        # Ctrl+F comes back to the search box from the list.
        page.table.setFocus()
        qtbot.keyClick(page.table, Qt.Key.Key_F, CTRL)
        assert page.search.hasFocus()


def test_an_empty_caseload_says_what_to_do(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        pages = Pages(cal)
        page = pages.caseload.peers.list_page
        qtbot.addWidget(pages.caseload.peers)
        assert page.model.rowCount() == 0
        assert page.empty.text() == EMPTY_CASELOAD
        assert "Ctrl+N" in EMPTY_CASELOAD


def test_the_dialog_keeps_what_was_typed_and_shows_errors_beside_fields(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        pages = Pages(cal)
        qtbot.addWidget(pages.caseload.peers)
        dialog = pages.caseload.peers.add_peer()
        assert dialog is not None
        qtbot.keyClicks(dialog.full_name, "Maria Lopez Garcia")
        qtbot.keyClick(dialog.preferred_name, Qt.Key.Key_Return)  # no preferred name
        assert dialog.isVisible()
        name_error = dialog.fields["name"].error
        assert name_error.isVisible() and "can't be empty" in name_error.text()
        assert dialog.full_name.text() == "Maria Lopez Garcia"

        qtbot.keyClicks(dialog.preferred_name, "Mari")
        dialog.first_contact.clear()
        qtbot.keyClicks(dialog.first_contact, "2026-02-30")
        qtbot.keyClick(dialog.first_contact, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert not name_error.isVisible()
        date_error = dialog.fields["first_contact"].error
        assert date_error.isVisible() and "real date" in date_error.text()
        assert dialog.preferred_name.text() == "Mari"

        dialog.first_contact.clear()
        qtbot.keyClicks(dialog.first_contact, "2026-02-28")
        dialog.status.setCurrentIndex(dialog.status.findData(PeerStatus.CLOSED.value))
        dialog.closed_on.clear()
        qtbot.keyClicks(dialog.closed_on, "2026-01-01")
        qtbot.keyClick(dialog.first_contact, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert "before the first contact" in dialog.fields["closed_on"].error.text()
        dialog.closed_on.clear()
        qtbot.keyClicks(dialog.closed_on, "2026-03-01")
        qtbot.keyClicks(dialog.closed_reason, "Moved away")
        qtbot.keyClicks(dialog.code_word, "bluebird")
        dialog.voicemail_ok.setCurrentIndex(dialog.voicemail_ok.findData(False))
        qtbot.keyClick(dialog.first_contact, Qt.Key.Key_Return)
        assert not dialog.isVisible()
        assert peers.find(cal, PeerFilter(status=PeerStatus.CLOSED)) == [dialog.saved_id]
        page = peers.open_page(cal, dialog.saved_id or 0)
        assert page.peer.details.full_name == "Maria Lopez Garcia"
        assert page.safe_contact.code_word == "bluebird"


def test_the_paged_model_passes_the_model_tester_after_sort_and_filter(qtbot, qtmodeltester,
                                                                       demo_vault):
    locked = LockedVault.open(demo_vault)
    session = SignIn(locked).sign_in(DEMO_LEAD, DEMO_PASSWORD)
    try:
        model = PeerListModel()
        model.set_session(session)
        total = model.rowCount()
        assert total > PAGE_SIZE
        qtmodeltester.check(model)
        # Only the pages looked at are held, never every row.
        assert model.cached_rows() < total
        last = model.index(total - 1, PeerColumn.NAME).data()
        assert last and model.cached_rows() <= 2 * PAGE_SIZE + PAGE_SIZE

        first_id = model.index(0, 0).data(PEER_ID_ROLE)
        persistent = model.index(0, PeerColumn.NAME)
        from PySide6.QtCore import QPersistentModelIndex

        kept = QPersistentModelIndex(persistent)
        model.sort(PeerColumn.REF, Qt.SortOrder.DescendingOrder)
        refs = [model.index(r, PeerColumn.REF).data() for r in range(3)]
        assert refs == sorted(refs, reverse=True)
        assert kept.isValid() and kept.data(PEER_ID_ROLE) == first_id
        qtmodeltester.check(model)
        for column in PeerColumn:
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                model.sort(column, order)
                assert model.rowCount() == total
        model.sort(PeerColumn.LAST_CONTACT, Qt.SortOrder.DescendingOrder)
        dates = [model.index(r, PeerColumn.LAST_CONTACT).data() for r in range(20)]
        assert dates == sorted(dates, reverse=True)
        qtmodeltester.check(model)

        model.set_filter(PeerFilter(text="a", status=PeerStatus.ACTIVE))
        assert 0 < model.rowCount() < total
        assert model.filter.order.name == "LAST_CONTACT"  # the sort survives filtering
        assert {model.index(r, PeerColumn.STATUS).data() for r in range(model.rowCount())} == {
            "Active"}
        qtmodeltester.check(model)
        model.clear()
        assert model.rowCount() == 0 and model.cached_rows() == 0
        qtmodeltester.check(model)
    finally:
        session.end().release()


def test_filters_status_caseworker_and_my_caseload(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        lee = next(c.id for c in peers.assignable_staff(cal) if c.name == "Lee Lead")
        peers.create(cal, draft("Ana", caseworker_id=cal.staff.id))
        peers.create(cal, draft("Bo", caseworker_id=lee))
        peers.create(cal, draft("Cy", status=PeerStatus.PAUSED))
        pages = Pages(cal)
        page = pages.caseload.peers.list_page
        qtbot.addWidget(pages.caseload.peers)
        assert page.model.rowCount() == 3
        page.mine.setChecked(True)
        assert [page.model.index(0, PeerColumn.NAME).data()] == ["Ana"]
        assert page.model.rowCount() == 1 and not page.caseworker.isEnabled()
        page.mine.setChecked(False)
        page.caseworker.setCurrentIndex(page.caseworker.findData(lee))
        assert [page.model.index(0, PeerColumn.NAME).data()] == ["Bo"]
        assert page.model.index(0, PeerColumn.CASEWORKER).data() == "Lee Lead"
        page.caseworker.setCurrentIndex(0)
        page.status.setCurrentIndex(page.status.findData(PeerStatus.PAUSED.value))
        assert page.model.rowCount() == 1 and page.count.text() == "1 peer matches"


def test_a_peer_supporter_sees_only_assigned_peers(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        pia = next(c.id for c in peers.assignable_staff(cal) if c.name == "Pia Peer")
        peers.create(cal, draft("Assigned One", supporter_id=pia))
        peers.create(cal, draft("Not Theirs"))
    with signed_in(vault, "Pia Peer") as pia_session:
        pages = Pages(pia_session)
        page = pages.caseload.peers.list_page
        qtbot.addWidget(pages.caseload.peers)
        assert page.model.rowCount() == 1
        assert page.model.index(0, PeerColumn.NAME).data() == "Assigned One"
        assert not page.mine.isVisibleTo(page)
        qtbot.keyClicks(page.search, "not")
        assert page.model.rowCount() == 0


def test_an_administrator_gets_a_plain_sentence_instead_of_peers(qtbot, vault):
    with signed_in(vault, "Ada Admin") as admin:
        pages = Pages(admin)
        found = pages.caseload.pages()
        assert [title for title, _ in found] == ["Today", "Peers", "Sessions"]
        for _title, widget in found:
            qtbot.addWidget(widget)
            assert isinstance(widget, NoAccessPage)
            assert "does not include peers' records" in widget.sentence.text()
        assert pages.caseload.peers is None
        assert not pages.caseload.open_peer(1)
