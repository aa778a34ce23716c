"""What a page says to a role that does not work with peers' records."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerdesk.services.session import Session
from peerdesk.ui.peers.forms import heading
from peerdesk.ui.theme import colour


def no_access_sentence(session: Session) -> str:
    return QCoreApplication.translate(
        "NoAccessPage", "Your role ({role}) looks after accounts and backups and does not "
                        "include peers' records, so there is nothing to show here. Caseworkers, "
                        "peer supporters and programme leads work with peers.").format(
        role=session.staff.role.label)


class NoAccessPage(QWidget):
    def __init__(self, title: str, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sentence = QLabel(no_access_sentence(session))
        self.sentence.setWordWrap(True)
        self.sentence.setStyleSheet(f"color: {colour('#444', 'window-text')};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        # Titles are the sidebar's (marked for translation in the MainWindow context).
        layout.addWidget(heading(QCoreApplication.translate("MainWindow", title), 6))
        layout.addWidget(self.sentence)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)

    def clear_data(self) -> None:
        """Nothing to forget."""
