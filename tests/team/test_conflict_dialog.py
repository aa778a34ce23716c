"""The conflict dialog on a real second save: two people (two connections) edit
the same peer; the second sees each changed field and chooses."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt

from peerdesk.services import team
from peerdesk.storage.team.casework import TeamPeer
from peerdesk.ui.team.conflict_dialog import ConflictDialog


def test_the_second_save_chooses_field_by_field_in_the_dialog(qtbot, joined_centre, tmp_path):
    first = joined_centre.sign_in("caseworker", tmp_path / "pc1")
    second = joined_centre.sign_in("lead", tmp_path / "pc2")
    peer = TeamPeer(uuid.uuid4(), 1, "Robin", date(2026, 3, 1), "walk_in")
    first.add_peer(peer)
    opened_here, opened_there = first.peer(peer.id), second.peer(peer.id)
    second.save_peer(opened_there, dataclasses.replace(opened_there, preferred_name="Rob",
                                                       full_name="Robin <b>Ash</b>"))
    with pytest.raises(team.EditConflict) as raised:
        first.save_peer(opened_here, dataclasses.replace(opened_here, preferred_name="Robbie",
                                                         nationality="IE"))
    dialog = ConflictDialog(raised.value)
    qtbot.addWidget(dialog)
    dialog.show()
    # Only the field both changed asks; theirs is chosen until the person picks.
    assert set(dialog.choices) == {"preferred_name"}
    theirs, mine = dialog.choices["preferred_name"]
    assert (theirs.text(), mine.text(), theirs.isChecked()) == ("Rob", "Robbie", True)
    qtbot.mouseClick(mine, Qt.MouseButton.LeftButton)
    assert dialog.picks == {"preferred_name": team.Pick.MINE}
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = first.resolve(raised.value, dialog.picks)
    now = second.peer(peer.id)
    assert now == saved
    assert (now.preferred_name, now.full_name, now.nationality) \
        == ("Robbie", "Robin <b>Ash</b>", "IE")
    first.close()
    second.close()
