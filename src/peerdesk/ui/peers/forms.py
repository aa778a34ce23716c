"""Small pieces shared by the caseload forms: date fields, messages beside fields."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from peerdesk.domain.dates import parse_date
from peerdesk.domain.errors import ValidationError
from peerdesk.services import clock
from peerdesk.ui.password_fields import error_label, set_message
from peerdesk.ui.theme import colour, font_size

# What a caseload change announces on the change bus (see ui/change_bus.py).
CASELOAD = "caseload"

OpenPeer = Callable[[int], None]


class DateField(QLineEdit):
    """A date typed as YYYY-MM-DD: quick by keyboard, and a wrong day gets a message."""

    def __init__(self, value: date | None = None, *, optional: bool = False,
                 placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setPlaceholderText(placeholder or (self.tr("YYYY-MM-DD (optional)") if optional
                                                else self.tr("YYYY-MM-DD")))
        self.setMaxLength(10)
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("0000-00-00 (optional)") + 16)
        self.set_date(value)

    def set_date(self, value: date | None) -> None:
        self.setText(value.isoformat() if value else "")

    def value(self, *, what: str, field: str) -> date | None:
        """The date typed; None when optional and empty; ValidationError otherwise."""
        text = self.text().strip()
        if not text:
            if self.optional:
                return None
            # In English, like the domain's own date messages (parse_date) it sits beside.
            raise ValidationError(f"{what} is needed, written as YYYY-MM-DD.", field=field)
        return parse_date(text, what=what, field=field)


def today() -> date:
    return clock.today()


class Field(QWidget):
    """A widget with its own message line underneath, for errors beside the field."""

    def __init__(self, widget: QWidget, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widget = widget
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet(f"color: {colour('#666', 'window-text')}; {font_size(0.9)}")
            layout.addWidget(note)
        layout.addWidget(self.error)
        self.setFocusProxy(widget)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._name_from_label()

    def _name_from_label(self) -> None:
        """The form's label is this wrapper's buddy, so screen readers would not tie it to
        the widget inside: give the widget the label's words as its name."""
        parent = self.parentWidget()
        if parent is None or self.widget.accessibleName():
            return
        for label in parent.findChildren(QLabel):
            if label.buddy() is self and label.text():
                self.widget.setAccessibleName(plain_label(label.text()))
                return

    def show_error(self, text: str | None) -> None:
        set_message(self.error, text)
        if text:
            self.widget.setFocus(Qt.FocusReason.OtherFocusReason)


def plain_label(text: str) -> str:
    """A label's words without its mnemonic '&', closing colon or required-field star."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(" :*")


def enum_combo(items: list[tuple[str, object]], current: object = None) -> QComboBox:
    """A combo of (label, value); values kept as plain data (Qt turns enums into str)."""
    combo = QComboBox()
    for label, value in items:
        combo.addItem(label, value)
    if current is not None:
        for i in range(combo.count()):
            if combo.itemData(i) == current:
                combo.setCurrentIndex(i)
                break
    return combo


def start_aligned(label: QLabel) -> QLabel:
    """Keep `label`'s text at the start of the window's layout, whatever script it holds.

    Qt aligns a label by the direction of its text: an Arabic or Hebrew name in a
    left-to-right window goes to the right edge, away from the labels beside and
    under it. Absolute alignment to the layout's start keeps it in place; the
    name itself still reads right to left.
    """
    edge = (Qt.AlignmentFlag.AlignLeft
            if label.layoutDirection() == Qt.LayoutDirection.LeftToRight
            else Qt.AlignmentFlag.AlignRight)
    vertical = label.alignment() & Qt.AlignmentFlag.AlignVertical_Mask
    label.setAlignment(edge | Qt.AlignmentFlag.AlignAbsolute | vertical)
    return label


def heading(text: str, delta: int = 3) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSize(font.pointSize() + delta)
    font.setBold(True)
    label.setFont(font)
    return label


def muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {colour('#555', 'window-text')};")
    return label
