"""The peers pages written over the CaseworkStore protocol (ui/team/peers_pages.py),
run over the vault's store: the same screens work on a single PC's vault as on
the team server (tests/team/test_team_window.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from peerdesk.domain.peer import PeerDraft
from peerdesk.services.casework_store import VaultStore
from peerdesk.ui.team.peers_pages import StorePeersSection
from peerdesk.ui.team.store_forms import StorePeerDialog, StoreSessionDialog
from tests.ui.peers_helpers import signed_in


def test_add_search_open_change_and_log_over_the_vault(qtbot, vault):
    with signed_in(vault, "Cal Worker") as cal:
        store = VaultStore(cal)
        store.add(PeerDraft(preferred_name="Ash Tree", first_contact=date(2026, 3, 2)))
        section = StorePeersSection(store)
        qtbot.addWidget(section)
        section.show()
        dialog = section.add_peer()
        assert isinstance(dialog, StorePeerDialog)
        dialog.preferred_name.setText("Robin Example")
        with qtbot.waitSignal(dialog.stored, timeout=10000) as stored:
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        robin = stored.args[0]
        assert section.showing_peer() and section.peer_page.peer_id == robin
        section.show_list()
        section.list_page.search.setText("rob")
        model = section.list_page.model
        assert [model.data(model.index(r, 1)) for r in range(model.rowCount())] \
            == ["Robin Example"]
        assert section.open_peer(robin)
        change = section.edit_peer()
        assert change is not None
        change.languages.setText("Welsh")
        with qtbot.waitSignal(change.stored, timeout=10000):
            qtbot.mouseClick(change.save_button, Qt.MouseButton.LeftButton)
        assert section.peer_page.detail_labels["languages"].text() == "Welsh"
        log = section.log_session()
        assert isinstance(log, StoreSessionDialog)
        log.notes.setPlainText("First talk.")
        with qtbot.waitSignal(log.stored, timeout=10000):
            qtbot.mouseClick(log.save_button, Qt.MouseButton.LeftButton)
        assert [s.notes for s in section.peer_page.sessions_model.rows()] == ["First talk."]
        section.close()
