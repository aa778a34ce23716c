"""One way to build a dialog that saves a record.

A form's fields each carry their own message line (peers.forms.Field); a refused
save (a PeerDeskError) shows its message beside the field it names, or in the
form's message line above Save and Cancel, and nothing is saved or closed. The
dialog closes and announces `saved(id)` only when `save()` went through.

    class ThingDialog(FormDialog):
        def __init__(self, session, parent=None):
            super().__init__(session, parent)
            self.name = QLineEdit()
            form = QFormLayout()
            form.addRow(self.tr("&Name"), self.field("name", self.name))
            self.lay_out(form)

        def save(self) -> int:
            return things.add(self.session, ThingDraft(self.name.text()))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services.session import Session
from peerdesk.ui.fields import error_label, keep_long_text, set_message, show_problem
from peerdesk.ui.peers.forms import Field, heading

Draft = TypeVar("Draft")

# What `save()` returns when it has not saved yet and the form stays open without a
# message (it asked a question first, and saves again when it is answered).
STAY_OPEN = object()


def with_note_below(widget: QWidget, note: QWidget) -> QWidget:
    """`widget` with a line under it (a length count, a hint) that keeps the focus on
    the widget: what a form row holds when its field has a live check."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(widget)
    column.addWidget(note)
    holder.setFocusProxy(widget)
    return holder


def note_edit(text: str = "", placeholder: str = "", lines: int = 4) -> QPlainTextEdit:
    """A few lines of free text in a form: Tab moves on (it does not type a tab)."""
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().height() * lines + 14)
    edit.setPlaceholderText(placeholder)
    return edit


def is_ctrl_return(event: QKeyEvent) -> bool:
    return (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))


class FormDialog(QDialog):
    """Save and Cancel over a form; `save()` (the service call) returns the saved id.

    Subclasses build their widgets, register the ones a message can name with
    `field(name, widget)`, and finish with `lay_out(...)`.
    """

    saved = Signal(int)
    session: Session
    # Where a record's name for a field differs from the form's (record -> form).
    renamed_fields: ClassVar[Mapping[str, str]] = {}

    def __init__(self, session: Session | None, parent: QWidget | None = None, *,
                 ctrl_return: bool = False,
                 button: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Save,
                 ) -> None:
        super().__init__(parent)
        if session is not None:  # else the subclass sets it
            self.session = session
        self.fields: dict[str, Field] = {}
        self.saved_id: Any = None
        self.error = error_label()
        # Save, or another accepting button (`button`: OK where the form is an action).
        self._accept_button = button
        self.buttons = QDialogButtonBox(button | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ctrl_return = ctrl_return
        if ctrl_return:
            # Quick to save from anywhere in a long form, even from a notes box.
            self.save_button.setText(QCoreApplication.translate(
                "FormDialog", "Save  (Ctrl+Return)"))
            self.save_button.setAutoDefault(False)
            for keys in ("Ctrl+Return", "Ctrl+Enter"):
                QShortcut(QKeySequence(keys), self, self.accept,
                          context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(self._accept_button)

    @property
    def cancel_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

    def field(self, name: str, widget: QWidget, hint: str = "") -> Field:
        """`widget` with a message line under it, known by the record's name for it."""
        field = Field(widget, hint)
        self.fields[name] = field
        return field

    def lay_out(self, *parts: QWidget | QLayout, stretch: bool = False) -> QVBoxLayout:
        """The dialog's column: `parts` in order, the message line, then the buttons."""
        layout = QVBoxLayout(self)
        for part in parts:
            if isinstance(part, QLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        layout.addWidget(self.error)
        if stretch:
            layout.addStretch(1)
        layout.addWidget(self.buttons)
        keep_long_text(self)
        return layout

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+Return saves even when the shortcut could not claim the key first.
        if self.ctrl_return and is_ctrl_return(event):
            self.accept()
            return
        super().keyPressEvent(event)

    # -- saving ---------------------------------------------------------------------

    def clear_messages(self) -> None:
        for field in self.fields.values():
            field.show_error(None)
        set_message(self.error, None)

    def show_problem(self, exc: PeerDeskError) -> None:
        show_problem(self.fields, self.error, exc, self.renamed_fields)

    def save(self) -> Any:
        """Save through the service; return the saved record's id. Raise PeerDeskError
        to refuse (the form stays open with the message), or return STAY_OPEN."""
        raise NotImplementedError

    def add_or_change(self, found_id: int | None, draft: Draft,
                      add: Callable[[Session, Draft], int],
                      change: Callable[[Session, int, Draft], object]) -> int:
        """`draft` saved as a new record (`found_id` None) or as the changes to that
        record: the id of the record saved, what `save()` returns."""
        if found_id is None:
            return add(self.session, draft)
        change(self.session, found_id, draft)
        return found_id

    def announce(self, saved_id: Any) -> None:
        self.saved.emit(saved_id)

    def accept(self) -> None:
        self.submit(self.save)

    def submit(self, action: Callable[[], Any]) -> None:
        """Run `action` (a save): on a refusal show its message and stay open; else close
        and announce what it returned."""
        self.clear_messages()
        try:
            saved_id = action()
        except PeerDeskError as exc:
            self.show_problem(exc)
            return
        if saved_id is STAY_OPEN:
            return
        self.saved_id = saved_id
        QDialog.accept(self)
        self.announce(saved_id)


class HeadedFormDialog(FormDialog):
    """A FormDialog whose rows stand in one form under a heading (the supporters' and
    voice forms): `add(label, name, widget)` adds a row whose messages show beside it."""

    def __init__(self, session: Session, title: str, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowTitle("PeerDesk")
        self.form = QFormLayout()
        self.lay_out(heading(title, 2), self.form)

    def add(self, label: str, name: str, widget: QWidget, hint: str = "") -> None:
        self.form.addRow(label, self.field(name, widget, hint))
        # Rows come after lay_out(): a whole paste arrives here too, and the record's
        # own rule refuses it with the limit named.
        keep_long_text(self.fields[name])
