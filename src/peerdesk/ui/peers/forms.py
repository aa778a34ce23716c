"""Small pieces shared by the caseload forms: date fields, messages beside fields."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QPoint, QRectF, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QIcon,
    QKeyEvent,
    QPainter,
    QPen,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.dates import EARLIEST, parse_date
from peerdesk.domain.errors import ValidationError
from peerdesk.services import clock
from peerdesk.ui.password_fields import error_label, set_message
from peerdesk.ui.theme import colour, font_size

# What a caseload change announces on the change bus (see ui/change_bus.py).
CASELOAD = "caseload"

OpenPeer = Callable[[int], None]


def calendar_icon(size: int = 16) -> QIcon:
    """A small calendar page, drawn (no picture file to ship), in the text's colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = QColor(colour("#455a64", "window-text"))
    painter.setPen(QPen(ink, 1.2))
    page = QRectF(1.5, 2.5, size - 3, size - 4)
    painter.drawRoundedRect(page, 1.5, 1.5)
    painter.fillRect(QRectF(1.5, 2.5, size - 3, 3.5), ink)
    cell = (size - 6) / 3
    for row in range(2):
        for col in range(3):
            painter.fillRect(QRectF(3.5 + col * cell, 7.5 + row * cell * 1.1, cell - 1.5,
                                    cell - 2), ink)
    painter.end()
    return QIcon(pixmap)


class CalendarPopup(QCalendarWidget):
    """The month under a date field; a click or Enter picks the day, Esc closes."""

    def __init__(self, field: DateField) -> None:
        super().__init__(field)
        self.setWindowFlags(Qt.WindowType.Popup)
        self.field = field
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setMinimumDate(QDate(EARLIEST.year, EARLIEST.month, EARLIEST.day))
        self.setAccessibleName(self.tr("Calendar"))
        self.clicked.connect(self.pick)
        self.activated.connect(self.pick)

    def pick(self, day: QDate) -> None:
        self.field.set_date(date(day.year(), day.month(), day.day()))
        self.close()
        self.field.setFocus(Qt.FocusReason.PopupFocusReason)
        self.field.editingFinished.emit()


class DateField(QLineEdit):
    """A date typed as YYYY-MM-DD, or picked from a calendar (the button at its end, or
    Alt+Down): quick by keyboard, and a wrong day gets a message. Every form's dates
    use this one field."""

    def __init__(self, value: date | None = None, *, optional: bool = False,
                 placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setPlaceholderText(placeholder or (self.tr("YYYY-MM-DD (optional)") if optional
                                                else self.tr("YYYY-MM-DD")))
        self.calendar_action = QAction(calendar_icon(), self.tr("Choose from a calendar"), self)
        self.calendar_action.setToolTip(self.tr("Choose from a calendar (Alt+Down or F4)"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("0000-00-00 (optional)") + 40)
        self.popup: CalendarPopup | None = None
        self.set_date(value)

    def set_date(self, value: date | None) -> None:
        self.setText(value.isoformat() if value else "")

    def typed_date(self) -> date | None:
        """The date in the box, if it is one (no message: for the calendar's start)."""
        try:
            return date.fromisoformat(self.text().strip())
        except ValueError:
            return None

    def show_calendar(self) -> CalendarPopup:
        if self.popup is None:
            self.popup = CalendarPopup(self)
        start = self.typed_date() or today()
        self.popup.setSelectedDate(QDate(start.year, start.month, start.day))
        self.popup.adjustSize()
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        self.popup.setFocus(Qt.FocusReason.PopupFocusReason)
        return self.popup

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Alt+Down or F4, as a drop-down list opens.
        if (event.key() == Qt.Key.Key_Down
                and event.modifiers() & Qt.KeyboardModifier.AltModifier) \
                or event.key() == Qt.Key.Key_F4:
            self.show_calendar()
            return
        super().keyPressEvent(event)

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
