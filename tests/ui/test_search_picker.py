"""The search box over its matches (ui/search_picker.py), as the pickers use it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QWidget

from peerdesk.ui.search_picker import MatchKeys, search_column


def _picker(qtbot, on_enter=None) -> tuple[QWidget, QLineEdit, QListWidget]:
    owner = QWidget()
    qtbot.addWidget(owner)
    search, matches = QLineEdit(), QListWidget()
    search_column(owner, search, matches)
    MatchKeys(search, matches, on_enter)
    return owner, search, matches


def test_the_box_keeps_the_focus_and_the_list_waits_for_matches(qtbot):
    owner, search, matches = _picker(qtbot)
    assert owner.focusProxy() is search
    assert matches.focusPolicy() == Qt.FocusPolicy.NoFocus
    owner.show()
    assert not matches.isVisible()


def test_up_and_down_move_the_highlight_and_stop_at_the_ends(qtbot):
    owner, search, matches = _picker(qtbot)
    qtbot.keyClick(search, Qt.Key.Key_Down)  # nothing listed: typed as usual, no error
    matches.addItems(["Ann", "Bob", "Cat"])
    matches.setCurrentRow(0)
    owner.show()
    for key, row in ((Qt.Key.Key_Down, 1), (Qt.Key.Key_Down, 2), (Qt.Key.Key_Down, 2),
                     (Qt.Key.Key_Up, 1), (Qt.Key.Key_Up, 0), (Qt.Key.Key_Up, 0)):
        qtbot.keyClick(search, key)
        assert matches.currentRow() == row


def test_enter_is_offered_to_the_picker_and_kept_from_the_dialog_when_it_picks(qtbot):
    picked: list[str] = []

    def on_enter(event: QKeyEvent) -> bool:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        picked.append(matches.currentItem().text())
        return True

    _owner, search, matches = _picker(qtbot, on_enter)
    matches.addItems(["Ann", "Bob"])
    matches.setCurrentRow(1)
    pressed: list[int] = []
    search.returnPressed.connect(lambda: pressed.append(1))
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert picked == ["Bob"] and pressed == []  # taken: the box never saw it
    qtbot.keyClick(search, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert picked == ["Bob"] and pressed == [1]  # passed on
