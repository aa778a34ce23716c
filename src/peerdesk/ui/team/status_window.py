"""After joining: whether the team server can be reached, said plainly, and what
waits in this PC's outbox to be sent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.ui.fields import error_label, set_message

if TYPE_CHECKING:
    from peerdesk.services.team import TeamDesk


class TeamStatusWindow(QWidget):
    sent = Signal()

    def __init__(self, desk: TeamDesk, parent: QWidget | None = None, *,
                 owns_desk: bool = True) -> None:
        """`owns_desk`: closing this window signs out (False: a page of the team
        window, which does that itself)."""
        super().__init__(parent)
        self.desk = desk
        self.owns_desk = owns_desk
        self.setWindowTitle("PeerDesk")
        self.heading = QLabel(self.tr("This PC has joined your centre's team."))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.error = error_label()
        self.send_button = QPushButton(self.tr("&Send what is waiting"))
        self.send_button.clicked.connect(self.send)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.state)
        layout.addWidget(self.error)
        layout.addWidget(self.send_button)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        online = self.desk.is_online()
        waiting = self.desk.waiting()
        if online:
            text = (self.tr("Connected to the team server.") if not waiting else
                    self.tr("Connected to the team server. {n} saved while it couldn't be "
                            "reached are waiting to be sent.").format(n=waiting))
        else:
            text = self.tr(
                "The team server can't be reached. New sessions and new peers are kept on "
                "this PC, encrypted, and sent when it is back; changes to records already "
                "on the server have to wait until then.")
        self.state.setText(text)
        self.send_button.setEnabled(online and waiting > 0)

    def send(self) -> None:
        try:
            result = self.desk.send_waiting()
        except PeerDeskError as exc:
            set_message(self.error, exc.user_message)
            return
        problems = []
        if result.refused:
            problems.append(self.tr("{n} were refused by the server and are kept on this PC."
                                    ).format(n=result.refused))
        if result.left:
            problems.append(self.tr("The server went away again; {n} are still waiting."
                                    ).format(n=result.left))
        set_message(self.error, " ".join(problems) or None)
        self.refresh()
        self.sent.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.owns_desk:
            self.desk.close()
        super().closeEvent(event)
