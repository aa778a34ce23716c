"""Showing problems to a person: always the error's own neutral message, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from peerdesk.services.session import Session

Found = TypeVar("Found")

UNEXPECTED_MESSAGE = QT_TRANSLATE_NOOP(
    "Errors", "PeerDesk met an unexpected problem and stopped what it was doing. Nothing "
              "further was changed. If it happens again, note what you were doing and ask "
              "for help.")


def message_for(error: BaseException | str) -> str:
    if isinstance(error, str):
        return error
    if isinstance(error, PeerDeskError):
        return error.user_message
    return QCoreApplication.translate("Errors", UNEXPECTED_MESSAGE)


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_error(parent: QWidget | None, error: BaseException | str,
               title: str = "PeerDesk") -> QMessageBox:
    """A non-blocking message box with the error's user_message; returns it (for tests)."""
    box = _box(parent, QMessageBox.Icon.Warning, title, message_for(error))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def run_service(parent: QWidget | None, session: Session | None,
                action: Callable[[Session, int], Any], item_id: int) -> bool | None:
    """`action(session, item_id)`, a service call behind a page's button (delete,
    mark done, withdraw): a refusal (PeerDeskError) shows its message over `parent`.

    True when it went through, False when refused, None when nobody is signed in
    (nothing ran)."""
    if session is None:
        return None
    try:
        action(session, item_id)
    except PeerDeskError as exc:
        show_error(parent, exc)
        return False
    return True


def read_service(parent: QWidget | None, session: Session | None,
                 read: Callable[[Session], Found],
                 refused: Callable[[PeerDeskError], None] | None = None) -> Found | None:
    """`read(session)`, what a page shows (its reload): None when nobody is signed in
    (nothing ran) or when the service refused, its message shown over `parent` (or
    handed to `refused`, a page that says it in its own line)."""
    if session is None:
        return None
    try:
        return read(session)
    except PeerDeskError as exc:
        if refused is None:
            show_error(parent, exc)
        else:
            refused(exc)
        return None


def ask_to_confirm(parent: QWidget | None, title: str, text: str, confirm_label: str,
                   on_confirm: Callable[[], None]) -> QMessageBox:
    """A non-blocking question; `on_confirm` runs only if the person confirms.

    Cancel is the default button, so a stray Enter does nothing destructive.
    """
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    confirm = box.addButton(confirm_label, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)

    def finished() -> None:
        if box.clickedButton() is confirm:
            # After the box has gone: the action may take a while and pump events,
            # and must not run inside the button's own click handling.
            QTimer.singleShot(0, on_confirm)

    box.finished.connect(finished)
    box.open()
    return box


def show_fatal(message: str) -> None:
    """Blocking: used only before the event loop runs (the vault could not be opened)."""
    QMessageBox.critical(None, "PeerDesk", message)
