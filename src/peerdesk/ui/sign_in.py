"""The sign-in window: account, password, a neutral message, and a wait after many tries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, SignInDelayed
from peerdesk.ui import theme
from peerdesk.ui.fields import password_edit, set_message
from peerdesk.ui.i18n import plural
from peerdesk.ui.theme import colour, focus_rule, palette_only

if TYPE_CHECKING:  # loaded after the window has painted (start-up speed)
    from peerdesk.services.auth import SignIn
    from peerdesk.services.session import Session
    from peerdesk.ui.recovery_dialog import RecoveryDialog


def _wait_message(seconds: int) -> str:
    return plural(
        seconds,
        QCoreApplication.translate(
            "SignInWindow", "Too many unsuccessful tries. You can try again in {n} second."),
        QCoreApplication.translate(
            "SignInWindow", "Too many unsuccessful tries. You can try again in {n} seconds."))


class SignInWindow(QWidget):
    """Emits `signed_in(session)`; `closed` when the person closes the window.

    It can be shown before the vault is opened, so that it paints at once; `attach`
    then hands it the sign-in service and the account names.
    """

    signed_in = Signal(object)
    closed = Signal()
    first_painted = Signal()

    def __init__(self, sign_in: SignIn | None = None, *,
                 demo_sign_in: tuple[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service: SignIn | None = None
        self._painted = False
        self._passing_message = ""
        self.recovery_dialog: RecoveryDialog | None = None
        self.setWindowTitle("PeerDesk")
        self.setObjectName("signInWindow")

        title = QLabel("PeerDesk")
        font = title.font()
        font.setPointSize(font.pointSize() + 10)
        font.setBold(True)
        title.setFont(font)
        self.subtitle = subtitle = QLabel(self.tr("Sign in to open your centre's records."))

        self.demo_banner = QLabel()
        self.demo_banner.setWordWrap(True)
        self.demo_banner.setVisible(demo_sign_in is not None)

        self.account = QComboBox()
        self.account.setEditable(True)
        self.account.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.account.setAccessibleName(self.tr("Account name"))
        self.password = password_edit()
        self.password.setAccessibleName(self.tr("Password"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.sign_in_button = QPushButton(self.tr("&Sign in"))
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setEnabled(False)
        self.recovery_link = QPushButton(self.tr("Forgot every password? Use the recovery key"))
        self.recovery_link.setFlat(True)
        # The user guide before signing in too (F1): how to sign in, what to do if locked out.
        self.help_link = QPushButton(self.tr("Help (F1)"))
        self.help_link.setFlat(True)
        self.help_link.setAccessibleName(self.tr("Open the user guide"))

        form = QFormLayout()
        form.addRow(self.tr("&Account:"), self.account)
        form.addRow(self.tr("&Password:"), self.password)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in_button)

        self.card = card = QFrame()
        card.setObjectName("card")
        # From the palette for now; the system's contrast setting is asked after the
        # first paint (theme.py, start-up note).
        with palette_only():
            self._apply_styles()
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.addWidget(title)
        inner.addWidget(subtitle)
        inner.addSpacing(8)
        inner.addWidget(self.demo_banner)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addLayout(buttons)
        inner.addSpacing(4)
        link_row = QHBoxLayout()
        link_row.addWidget(self.recovery_link)
        link_row.addStretch(1)
        link_row.addWidget(self.help_link)
        inner.addLayout(link_row)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addStretch(1)
        outer.addWidget(card)
        outer.addStretch(1)
        self.resize(460, 400)

        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self.sign_in_button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        line_edit = self.account.lineEdit()
        if line_edit is not None:
            line_edit.returnPressed.connect(self._account_entered)
            line_edit.setPlaceholderText(self.tr("Your name"))
        self.recovery_link.clicked.connect(self.open_recovery)
        self.account.currentTextChanged.connect(lambda _text: self._tick())
        self.help_link.clicked.connect(self.open_help)
        QShortcut(QKeySequence("F1"), self, self.open_help)

        if demo_sign_in is not None:
            user, password = demo_sign_in
            self.demo_banner.setText(
                self.tr("Demo vault — made-up data only. Sign in as {user} / "
                        "password {password}").format(user=user, password=password))
            self.account.setCurrentText(user)
        if sign_in is not None:
            self.attach(sign_in)

    def attach(self, sign_in: SignIn) -> None:
        """The vault is open (reserved): list its accounts and allow signing in."""
        from PySide6.QtCore import Qt

        # Qt's namespace of enums takes a noticeable time to load; it waits until now.
        self.recovery_link.setCursor(Qt.CursorShape.PointingHandCursor)
        self.help_link.setCursor(Qt.CursorShape.PointingHandCursor)
        self.service = sign_in
        typed = self.account.currentText()
        self.account.addItems(sign_in.accounts())
        self.account.setCurrentIndex(-1)
        self.account.setCurrentText(typed)
        self._tick()

    # -- behaviour --------------------------------------------------------------

    def reset(self) -> None:
        """Ready for the next person: password and message cleared, focus placed."""
        self.password.clear()
        set_message(self.message, None)
        self._tick()
        self.focus_first_empty()

    def focus_first_empty(self) -> None:
        if self.account.currentText().strip():
            self.password.setFocus()
        else:
            self.account.setFocus()

    def _account_entered(self) -> None:
        if self.password.text():
            self.submit()
        else:
            self.password.setFocus()

    def submit(self) -> None:
        if self.service is None or not self.sign_in_button.isEnabled():
            return
        account = self.account.currentText()
        if not account.strip():
            set_message(self.message, self.tr("Type or choose your account name."))
            self.account.setFocus()
            return
        from PySide6.QtCore import Qt

        self.sign_in_button.setEnabled(False)
        self._show_passing(self.tr("Checking…"))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        session: Session | None = None
        try:
            QApplication.processEvents()
            session = self.service.sign_in(account, self.password.text())
        except SignInDelayed as exc:
            self._start_countdown(exc.seconds_left)
            return
        except PeerDeskError as exc:
            self.password.clear()
            self.password.setFocus()
            set_message(self.message, exc.user_message)
            return
        finally:
            QApplication.restoreOverrideCursor()
            if session is None:
                self._tick()
        self.password.clear()
        set_message(self.message, None)
        self.signed_in.emit(session)

    def _start_countdown(self, seconds: int) -> None:
        self.sign_in_button.setEnabled(False)
        self._show_passing(_wait_message(seconds))
        self._countdown.start()

    def _tick(self) -> None:
        """Keep the button and the wait message in step with the service's delay."""
        if self.service is None:
            return
        # Each account name has its own wait: guesses at one never hold up another.
        wait = self.service.seconds_to_wait(self.account.currentText())
        if wait > 0:
            self.sign_in_button.setEnabled(False)
            self._show_passing(_wait_message(wait))
            if not self._countdown.isActive():
                self._countdown.start()
            return
        self._countdown.stop()
        if not self.sign_in_button.isEnabled():
            self.sign_in_button.setEnabled(True)
            if self._waiting_message_shown():
                set_message(self.message, None)
                self.password.setFocus()

    def _show_passing(self, text: str) -> None:
        """A message that goes once signing in is possible again (unlike an error)."""
        self._passing_message = text
        set_message(self.message, text)

    def _waiting_message_shown(self) -> bool:
        return bool(self._passing_message) and self.message.text() == self._passing_message

    def open_recovery(self) -> None:
        from peerdesk.ui.recovery_dialog import RecoveryDialog

        if self.service is None:
            return
        dialog = RecoveryDialog(self.service, self)
        dialog.recovered.connect(self.signed_in.emit)
        dialog.open()
        self.recovery_dialog = dialog

    def open_help(self) -> None:
        from peerdesk.ui.help_window import show_help

        show_help(self)

    def _apply_styles(self) -> None:
        self.subtitle.setStyleSheet(f"color: {colour('#555', 'window-text')};")
        self.demo_banner.setStyleSheet(
            f"background: {colour('#fff3cd', 'window')}; color: {colour('black', 'window-text')};"
            f" border: 1px solid {colour('#e0c36b', 'window-text')}; border-radius: 4px;"
            " padding: 8px;")
        self.message.setStyleSheet(f"color: {colour('#b71c1c', 'window-text')};")
        self.recovery_link.setStyleSheet(
            f"QPushButton {{ color: {colour('#1565c0', 'link')}; text-decoration: underline; }}"
            + focus_rule("QPushButton"))
        self.help_link.setStyleSheet(self.recovery_link.styleSheet())
        self.card.setStyleSheet("#card { background: palette(base); border: 1px solid"
                                f" {colour('#d0d0d0', 'window-text')}; border-radius: 6px; }}")

    def _ask_the_system_about_contrast(self) -> None:
        """After the first paint: restyle if the system asks for high contrast and the
        palette alone did not say so."""
        if theme.system_asks_high_contrast() and not theme.palette_is_high_contrast():
            self._apply_styles()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
            QTimer.singleShot(0, self, self._ask_the_system_about_contrast)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.recovery_dialog is not None and self.recovery_dialog.isVisible():
            self.recovery_dialog.reject()  # closes a vault opened with the key
        self._countdown.stop()
        self.closed.emit()
        super().closeEvent(event)
