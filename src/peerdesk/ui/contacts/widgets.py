"""Small pieces of the listening-service forms: ticked lists, a time field, and a note
under a text field that says when text is too long or looks like contact details.

No field here cuts text at a length: a paste longer than the limit stays as it
is, a line under the field says so, and saving is refused with the same words.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit

from peerdesk.domain.errors import ValidationError
from peerdesk.domain.listening import looks_identifying, parse_time
from peerdesk.ui.theme import colour, font_size


class TextCheck(QLabel):
    """Watches a text field and says, beside it, when the text is over `maximum` or
    looks like a phone number or an email address (`identifying`). Never blocks."""

    def __init__(self, edit: QLineEdit | QPlainTextEdit, maximum: int, *,
                 identifying: bool = False) -> None:
        super().__init__()
        self.edit = edit
        self.maximum = maximum
        self.identifying = identifying
        self.setWordWrap(True)
        self.setVisible(False)
        self.setStyleSheet(f"color: {colour('#8a5a00', 'window-text')}; {font_size(0.9)}")
        if isinstance(edit, QLineEdit):
            edit.textChanged.connect(self.check)
        else:
            edit.textChanged.connect(self.check)

    def text_now(self) -> str:
        edit = self.edit
        return edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()

    def check(self, *_args: object) -> None:
        text = self.text_now()
        notes: list[str] = []
        length = len(text.strip())
        if length > self.maximum:
            notes.append(self.tr("{n:,} characters: at most {max:,} can be saved. Shorten "
                                 "it; nothing is cut off.").format(n=length, max=self.maximum))
        if self.identifying:
            found = looks_identifying(text)
            if found == "a phone number":
                notes.append(self.tr("This looks like a phone number. Keep contact details "
                                     "out of it: it is meant to stay anonymous."))
            elif found == "an email address":
                notes.append(self.tr("This looks like an email address. Keep contact details "
                                     "out of it: it is meant to stay anonymous."))
        self.setText(" ".join(notes))
        self.setVisible(bool(notes))


class CheckList(QListWidget):
    """Items to tick: Space ticks the current one, arrows move. Ids kept per item."""

    changed = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setSpacing(2)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def set_items(self, items: Iterable[tuple[int, str]], checked: Iterable[int] = ()) -> None:
        ticked = set(checked)
        self.blockSignals(True)
        self.clear()
        for item_id, name in items:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if item_id in ticked
                               else Qt.CheckState.Unchecked)
            self.addItem(item)
        if self.count():
            self.setCurrentRow(0)
        self.blockSignals(False)

    def checked_ids(self) -> tuple[int, ...]:
        return tuple(int(self.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.count())
                     if self.item(i).checkState() == Qt.CheckState.Checked)

    def set_checked(self, ids: Iterable[int]) -> None:
        wanted = set(ids)
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(Qt.CheckState.Checked
                               if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)

    def fit_rows(self, rows: int) -> None:
        self.setFixedHeight(self.fontMetrics().height() * rows + 10 * rows + 8)


class TimeField(QLineEdit):
    """A time of day typed as HH:MM (9:05 and 0905 are read too)."""

    def __init__(self, value: time | None = None) -> None:
        super().__init__()
        self.setPlaceholderText(self.tr("HH:MM"))
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("00:00__") + 24)
        if value is not None:
            self.set_time(value)

    def set_time(self, value: time) -> None:
        self.setText(value.strftime("%H:%M"))

    def value(self, *, what: str, field: str) -> time:
        if not self.text().strip():
            raise ValidationError(f"{what} is needed, written as HH:MM.", field=field)
        return parse_time(self.text(), what=what, field=field)
