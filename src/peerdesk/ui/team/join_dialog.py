""""Join my centre's team": the connection file, then the person's PeerDesk name
and password. Nothing is kept on this PC unless signing in with it works.
Someone signing in with a joining password an administrator gave them is
asked, on the same dialog, for a password of their own."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.ui.fields import error_label, set_message

if TYPE_CHECKING:
    from peerdesk.services.team import TeamDesk, TeamPlace


class JoinTeamDialog(QDialog):
    """Accepted with `desk` (the signed-in person) once the file and sign-in work."""

    def __init__(self, place: TeamPlace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.place = place
        self.desk: TeamDesk | None = None
        self.setWindowTitle(self.tr("Join my centre's team"))
        intro = QLabel(self.tr(
            "Your centre's records are on its own team server. Choose the connection file "
            "whoever runs the server gave you, then sign in with your PeerDesk name and "
            "password."))
        intro.setWordWrap(True)
        self.file = QLineEdit()
        self.file.setAccessibleName(self.tr("Connection file"))
        self.browse = QPushButton(self.tr("&Choose…"))
        self.browse.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse)
        self.name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setAccessibleName(self.tr("Your own new password"))
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("Your own new password again"))
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Connection &file:"), file_row)
        form.addRow(self.tr("Your &name:"), self.name)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("Your own ne&w password:"), self.new_password)
        form.addRow(self.tr("New password a&gain:"), self.again)
        self._form = form
        self._show_new_password(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.join_button = self.buttons.addButton(self.tr("&Join and sign in"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.join)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _show_new_password(self, shown: bool) -> None:
        self.changing_password = shown
        for field in (self.new_password, self.again):
            self._form.setRowVisible(field, shown)

    def _choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The team connection file"), str(Path.home()),
            self.tr("Team connection files (*.peerdesk-team *.json);;All files (*)"))
        if chosen:
            self.file.setText(chosen)

    def join(self) -> None:
        from peerdesk.services import team

        path = self.file.text().strip()
        if not path:
            set_message(self.error, self.tr("Choose the connection file first."))
            return
        if not self.name.text().strip() or not self.password.text():
            set_message(self.error, self.tr("Enter your PeerDesk name and password."))
            return
        new_password = None
        if self.changing_password:
            new_password = self.new_password.text()
            if new_password != self.again.text():
                set_message(self.error, self.tr("The two new passwords differ."))
                return
        try:
            self.desk = team.join(self.place, Path(path).expanduser(), self.name.text(),
                                  self.password.text(), new_password=new_password)
        except team.PasswordChangeRequired as exc:
            self._show_new_password(True)
            set_message(self.error, exc.user_message)
            self.new_password.setFocus()
            return
        except PeerDeskError as exc:
            if self.changing_password:
                set_message(self.error, exc.user_message)
                self.new_password.clear()
                self.again.clear()
                return
            set_message(self.error, exc.user_message)
            self.password.clear()
            return
        for field in (self.password, self.new_password, self.again):
            field.clear()
        set_message(self.error, None)
        self.accept()
