""""Join my centre's team": the connection file, then the person's PeerDesk name
and password. Nothing is kept on this PC unless signing in with it works.

Joining reaches the team server (up to the connect timeout) and opens the keys
(Argon2), so it runs off the GUI thread: the dialog shows it is busy and keeps
painting, and its fields and buttons wait until the answer comes back.

Someone signing in with a joining password an administrator gave them is
asked, on the same dialog, for a password of their own."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, ValidationError
from peerdesk.ui.background_job import BackgroundJob, run_in_background
from peerdesk.ui.errors import message_for
from peerdesk.ui.fields import set_message
from peerdesk.ui.form_dialog import STAY_OPEN, FormDialog

if TYPE_CHECKING:
    from peerdesk.services.team import TeamDesk, TeamPlace


class JoinTeamDialog(FormDialog):
    """Accepted with `desk` (the signed-in person) once the file and sign-in work."""

    def __init__(self, place: TeamPlace, parent: QWidget | None = None, *,
                 signing_in: bool = False) -> None:
        """`signing_in`: this PC has joined already (its connection file is kept
        in `place`): only the name and password are asked."""
        super().__init__(None, parent, button=QDialogButtonBox.StandardButton.Ok)
        self.place = place
        self.signing_in = signing_in
        self.desk: TeamDesk | None = None
        self.job: BackgroundJob | None = None
        self.setWindowTitle(self.tr("Sign in to your centre's team") if signing_in
                            else self.tr("Join my centre's team"))
        intro = QLabel(self.tr(
            "This PC works on your centre's team server. Sign in with your PeerDesk name "
            "and password.") if signing_in else self.tr(
            "Your centre's records are on its own team server. Choose the connection file "
            "whoever runs the server gave you, then sign in with your PeerDesk name and "
            "password."))
        intro.setWordWrap(True)
        self.file = QLineEdit()
        self.file.setAccessibleName(self.tr("Connection file"))
        self.browse = QPushButton(self.tr("&Choose…"))
        self.browse.clicked.connect(self._choose_file)
        file_row = QWidget()
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file, 1)
        row.addWidget(self.browse)
        file_row.setFocusProxy(self.file)
        self.name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Connection &file:"), self.field("file", file_row))
        form.addRow(self.tr("Your &name:"), self.field("name", self.name))
        form.addRow(self.tr("&Password:"), self.field("password", self.password))
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setAccessibleName(self.tr("Your own new password"))
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("Your own new password again"))
        self._new_rows = (self.field("new_password", self.new_password),
                          self.field("again", self.again))
        form.addRow(self.tr("Your own ne&w password:"), self._new_rows[0])
        form.addRow(self.tr("New password a&gain:"), self._new_rows[1])
        # The joining password, held while the person chooses their own (the field
        # is cleared as soon as a join starts).
        self._held_password = ""
        self._trying = ""
        self._form = form
        self._show_new_password(False)
        if signing_in:
            self.file.setText(str(place.connection_file))
            form.setRowVisible(self.fields["file"], False)
        # Shown while the server is asked: a bar that moves, and what is happening.
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Joining"))
        self.busy_note = QLabel(self.tr("Reaching the team server and signing in…"))
        self.busy.hide()
        self.busy_note.hide()
        self.join_button = self.save_button
        self.join_button.setText(self.tr("&Sign in") if signing_in
                                 else self.tr("&Join and sign in"))
        self.join_button.setDefault(True)
        self.lay_out(intro, form, self.busy_note, self.busy)
        self._inputs: tuple[QWidget, ...] = (self.file, self.browse, self.name, self.password,
                                             self.new_password, self.again,
                                             self.join_button, self.cancel_button)

    @property
    def joining(self) -> bool:
        return self.job is not None

    def _show_new_password(self, shown: bool) -> None:
        self.changing_password = shown
        for row in self._new_rows:
            self._form.setRowVisible(row, shown)

    def _choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The team connection file"), str(Path.home()),
            self.tr("Team connection files (*.peerdesk-team *.json);;All files (*)"))
        if chosen:
            self.file.setText(chosen)

    def join(self) -> None:
        self.accept()

    def save(self) -> object:
        """Check the form here; the join itself goes to a worker (`_joined` closes)."""
        if self.joining:
            return STAY_OPEN
        path = self.file.text().strip()
        if not path:
            raise ValidationError(self.tr("Choose the connection file first."), field="file")
        if not self.name.text().strip():
            raise ValidationError(self.tr("Enter your PeerDesk name."), field="name")
        if not self.password.text() and not self._held_password:
            raise ValidationError(self.tr("Enter your password."), field="password")
        new_password = None
        if self.changing_password:
            new_password = self.new_password.text()
            if new_password != self.again.text():
                raise ValidationError(self.tr("The two new passwords differ."), field="again")
        place, file = self.place, Path(path).expanduser()
        name, password = self.name.text(), self.password.text() or self._held_password
        self.password.clear()
        self._trying = password

        signing_in = self.signing_in

        def work(_report: object) -> TeamDesk:
            from peerdesk.services import team

            if signing_in:
                return team.sign_in(place, name, password, new_password=new_password)
            return team.join(place, file, name, password, new_password=new_password)

        self._set_busy(True)
        self.job = run_in_background(work, "peerdesk-team-join", self._joined, self._refused)
        return STAY_OPEN

    def _set_busy(self, busy: bool) -> None:
        for widget in self._inputs:
            widget.setEnabled(not busy)
        self.busy.setVisible(busy)
        self.busy_note.setVisible(busy)

    def _done(self) -> None:
        QGuiApplication.restoreOverrideCursor()
        self.job = None
        self._set_busy(False)

    @Slot(object)
    def _joined(self, desk: object) -> None:
        self._done()
        self._held_password = ""
        for field in (self.password, self.new_password, self.again):
            field.clear()
        self.desk = cast("TeamDesk", desk)
        # Signed in on the worker: its local files open again on this thread.
        self.desk.leave_local_files()
        self.submit(lambda: desk)

    @Slot(object)
    def _refused(self, exc: object) -> None:
        from peerdesk.services.team import PasswordChangeRequired

        self._done()
        if isinstance(exc, PasswordChangeRequired):
            # A joining password: the person chooses their own on this dialog.
            self._held_password = self._trying
            self._show_new_password(True)
            set_message(self.error, exc.user_message)
            self.new_password.setFocus()
            return
        if isinstance(exc, PeerDeskError):
            self.show_problem(exc)
        else:
            set_message(self.error, message_for(cast(BaseException, exc)))
        if self.changing_password:
            self.new_password.clear()
            self.again.clear()
            self.new_password.setFocus()
        else:
            self.password.clear()
            self.password.setFocus()

    def announce(self, saved_id: object) -> None:
        pass  # the wizard takes `desk` when the dialog is accepted

    # The worker can't be called back: the dialog stays until it answers.
    def reject(self) -> None:
        if not self.joining:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.joining:
            event.ignore()
            return
        super().closeEvent(event)
