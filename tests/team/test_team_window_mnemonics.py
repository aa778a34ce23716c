"""No two Alt-key mnemonics clash in the team window (ui/team/team_window.py).

When two visible widgets of one window share a mnemonic, Qt's Alt+letter only
moves the focus between them and presses neither. So for each role, with each
tab made current (and a peer's page open on Peers), the mnemonics of what can
be seen are collected — buttons, labels with a buddy, group boxes, the titles
of the tab bars — and no letter may appear twice. In English and in Spanish:
the Spanish texts have their own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pprint import pformat

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QTabBar,
    QWidget,
)

from peerdesk.ui import i18n
from peerdesk.ui.groups.models import MeetingColumn
from peerdesk.ui.team.team_window import TeamWindow
from tests.team import test_team_groups_page
from tests.team.test_team_groups_page import _column

groups = test_team_groups_page.groups  # the fixture: three peers, a group, its meetings

ROLES = ("caseworker", "lead", "supporter", "admin")


@pytest.fixture(params=["en", "es"])
def language(request) -> Iterator[str]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = (i18n.install_translators(app, QLocale(QLocale.Language.Spanish))
                 if request.param == "es" else [])
    try:
        yield request.param
    finally:
        i18n.remove_translators(app, installed)


def mnemonic(text: str) -> str:
    """The letter Alt takes to for this text ('' if none), as Qt reads it."""
    key = QKeySequence.mnemonic(text)
    return key.toString(QKeySequence.SequenceFormat.PortableText).removeprefix("Alt+").lower()


def test_the_letter_is_read_as_qt_reads_it():
    assert mnemonic("Send &now") == "n"
    assert mnemonic("◀ P&revious day") == "r"
    assert mnemonic("Fish && chips") == ""
    assert mnemonic("Peers") == ""


def shown_mnemonics(window: TeamWindow) -> list[tuple[str, str]]:
    """(letter, where) for each mnemonic of what is visible in the window itself
    (dialogs are windows of their own, with their own letters)."""
    found: list[tuple[str, str]] = []

    def add(text: str, where: QWidget) -> None:
        letter = mnemonic(text)
        if letter:
            found.append((letter, f"{type(where).__name__} {text!r}"))

    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisible():
            continue
        if isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    add(widget.tabText(index), widget)
        elif isinstance(widget, QAbstractButton) or (
                isinstance(widget, QLabel) and widget.buddy() is not None):
            add(widget.text(), widget)
        elif isinstance(widget, QGroupBox):
            add(widget.title(), widget)
    # "Send now" shows on every page whenever something waits to be sent.
    send = getattr(window, "send_button", None)
    if isinstance(send, QAbstractButton) and not send.isVisible():
        add(send.text(), send)
    return found


def clashes(window: TeamWindow) -> dict[str, list[str]]:
    shown = shown_mnemonics(window)
    counts = Counter(letter for letter, _where in shown)
    return {letter: sorted(where for other, where in shown if other == letter)
            for letter, count in counts.items() if count > 1}


@pytest.mark.parametrize("who", ROLES)
def test_no_two_mnemonics_clash_on_any_tab(qtbot, joined_centre, groups, tmp_path, language,
                                           who):
    window = TeamWindow(joined_centre.sign_in(who, tmp_path / who), check_every_ms=3_600_000)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.checking, timeout=30000)
    assert window.tabs.count() >= 2

    seen: dict[str, dict[str, list[str]]] = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: not window.checking, timeout=30000)
        tab = window.tabs.tabText(index)
        seen[tab] = clashes(window)
        if window.tabs.currentWidget() is window.peers and window.today is not None:
            # Sunny is the supporter's own: every casework role may open them.
            assert window.peers.open_peer(groups.peers["Sunny Día"])
            seen[tab + " (a peer's page)"] = clashes(window)
        if window.groups is not None and window.tabs.currentWidget() is window.groups:
            section = window.groups
            section.list_page.search.setText("tues")
            assert section.open_selected()
            seen[tab + " (a group)"] = clashes(window)
            view = section.group_page.meeting_view
            view.selectRow(_column(view, MeetingColumn.DATE).index("2026-04-07"))
            qtbot.keyClick(view, Qt.Key.Key_Return)
            assert section.currentWidget() is section.register_page
            seen[tab + " (a register)"] = clashes(window)
    clashing = {tab: found for tab, found in seen.items() if found}
    assert not clashing, f"{language}: {pformat(clashing)}"
    window.close()
