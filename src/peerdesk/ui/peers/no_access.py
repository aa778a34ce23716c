"""What a page says to a role that does not work with peers' records."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerdesk.services import first_steps
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
    def __init__(self, title: str, session: Session, parent: QWidget | None = None, *,
                 with_first_steps: bool = False) -> None:
        super().__init__(parent)
        from peerdesk.ui.today.first_steps import FirstStepsPanel

        # On Today: a new centre's first steps, for the administrator who set it up.
        self.first_steps: FirstStepsPanel | None = None
        if with_first_steps and first_steps.can_see(session):
            self.first_steps = FirstStepsPanel(session)
        self.sentence = QLabel(no_access_sentence(session))
        self.sentence.setWordWrap(True)
        self.sentence.setStyleSheet(f"color: {colour('#444', 'window-text')};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        # Titles are the sidebar's (marked for translation in the MainWindow context).
        layout.addWidget(heading(QCoreApplication.translate("MainWindow", title), 6))
        layout.addWidget(self.sentence)
        if self.first_steps is not None:
            layout.addSpacing(12)
            layout.addWidget(self.first_steps)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.first_steps is not None:
            self.first_steps.reload()

    def clear_data(self) -> None:
        if self.first_steps is not None:
            self.first_steps.clear_data()
