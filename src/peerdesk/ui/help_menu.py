"""The main window's Help menu: the user guide (F1), the import guide, About PeerDesk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from peerdesk.ui.help_window import IMPORT_GUIDE, USER_GUIDE, HelpWindow, show_help

if TYPE_CHECKING:
    from peerdesk.ui.about_dialog import AboutDialog
    from peerdesk.ui.main_window import MainWindow


class HelpMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.guide_action = QAction(self.tr("&User guide"), window)
        self.guide_action.setShortcut(QKeySequence("F1"))
        self.guide_action.triggered.connect(lambda: self.show_guide(USER_GUIDE))
        self.import_action = QAction(self.tr("&Importing from a spreadsheet"), window)
        self.import_action.triggered.connect(lambda: self.show_guide(IMPORT_GUIDE))
        self.about_action = QAction(self.tr("&About PeerDesk"), window)
        self.about_action.triggered.connect(self.show_about)
        menu = window.menuBar().addMenu(self.tr("&Help"))
        menu.addAction(self.guide_action)
        menu.addAction(self.import_action)
        menu.addSeparator()
        menu.addAction(self.about_action)
        window.addAction(self.guide_action)  # F1 works with the menu closed

    def show_guide(self, guide: str) -> HelpWindow:
        help_window = show_help(self.window, guide)
        help_window.addAction(self.window.lock_action)  # Ctrl+L locks from here too
        return help_window

    def show_about(self) -> AboutDialog | None:
        from peerdesk.ui.about_dialog import AboutDialog

        if self.window.session is None:
            return None
        dialog = AboutDialog(self.window.session, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.addAction(self.window.lock_action)
        dialog.open()
        return dialog
