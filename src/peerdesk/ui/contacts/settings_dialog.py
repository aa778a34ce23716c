"""The listening service's lists and office hours, for programme leads.

Regions, contact topics and directory categories are the centre's own: nothing
country-specific is built in. An item in use is retired rather than deleted:
new records can't choose it, old ones keep it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, ValidationError
from peerdesk.domain.listening import WEEKDAYS, OfficeHours
from peerdesk.services import listening_settings as settings
from peerdesk.services.listening_settings import ListKind
from peerdesk.services.session import Session
from peerdesk.ui.contacts.widgets import TimeField
from peerdesk.ui.fields import error_label, set_message
from peerdesk.ui.peers.forms import muted

_RETIRED = QBrush(QColor("#888888"))


class ListEditor(QWidget):
    """One list: add, rename, retire or bring back an item."""

    changed = Signal()

    def __init__(self, session: Session, kind: ListKind, explain: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.items = QListWidget()
        self.items.setAccessibleName(kind.what)
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("A new name, then Enter"))
        self.new_name.setAccessibleName(self.tr("New name"))
        self.add_button = QPushButton(self.tr("&Add"))
        self.rename_button = QPushButton(self.tr("Re&name…"))
        self.retire_button = QPushButton(self.tr("Retir&e"))
        self.error = error_label()
        adding = QHBoxLayout()
        adding.addWidget(self.new_name, 1)
        adding.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.retire_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(muted(explain))
        layout.addWidget(self.items, 1)
        layout.addLayout(buttons)
        layout.addLayout(adding)
        layout.addWidget(self.error)
        self.add_button.clicked.connect(self.add)
        self.new_name.returnPressed.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.retire_button.clicked.connect(self.toggle)
        self.items.currentRowChanged.connect(self._update_buttons)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.items.clear()
        for item in settings.items(self.session, self.kind):
            row = QListWidgetItem(item.name if item.active
                                  else self.tr("{name} (retired)").format(name=item.name))
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            row.setData(Qt.ItemDataRole.UserRole + 1, item.active)
            row.setData(Qt.ItemDataRole.UserRole + 2, item.name)
            if not item.active:
                row.setForeground(_RETIRED)
            self.items.addItem(row)
            if item.id == select:
                self.items.setCurrentItem(row)
        self._update_buttons()

    def _current(self) -> tuple[int, bool, str] | None:
        row = self.items.currentItem()
        if row is None:
            return None
        return (int(row.data(Qt.ItemDataRole.UserRole)),
                bool(row.data(Qt.ItemDataRole.UserRole + 1)),
                str(row.data(Qt.ItemDataRole.UserRole + 2)))

    def _update_buttons(self, *_args: object) -> None:
        current = self._current()
        self.rename_button.setEnabled(current is not None)
        self.retire_button.setEnabled(current is not None)
        self.retire_button.setText(self.tr("Bring bac&k") if current and not current[1]
                                   else self.tr("Retir&e"))

    def _run(self, action: Callable[[], object], select: int | None = None) -> bool:
        set_message(self.error, None)
        try:
            result = action()
        except PeerDeskError as exc:
            set_message(self.error, exc.user_message)
            return False
        self.reload(result if isinstance(result, int) else select)
        self.changed.emit()
        return True

    def add(self) -> None:
        name = self.new_name.text()
        if self._run(lambda: settings.add_item(self.session, self.kind, name)):
            self.new_name.clear()

    def rename(self) -> None:
        current = self._current()
        if current is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename"), self.tr("New name:"),
                                        text=current[2])
        if ok:
            self._run(lambda: settings.rename_item(self.session, self.kind, current[0], name),
                      current[0])

    def toggle(self) -> None:
        current = self._current()
        if current is not None:
            self._run(lambda: settings.set_item_active(self.session, self.kind, current[0],
                                                       not current[1]), current[0])


class OfficeHoursEditor(QWidget):
    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        hours = settings.office_hours(session)
        self.days = [QCheckBox(self.tr(day)) for day in WEEKDAYS]
        for number, box in enumerate(self.days):
            box.setChecked(number in hours.days)
        self.start = TimeField(hours.start)
        self.start.setAccessibleName(self.tr("Opens at"))
        self.end = TimeField(hours.end)
        self.end.setAccessibleName(self.tr("Closes at"))
        self.save_button = QPushButton(self.tr("&Save office hours"))
        self.error = error_label()
        self.status = muted()
        day_row = QHBoxLayout()
        for box in self.days:
            day_row.addWidget(box)
        day_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Open on"), day_row)
        form.addRow(self.tr("&Opens at"), self.start)
        form.addRow(self.tr("&Closes at"), self.end)
        layout = QVBoxLayout(self)
        layout.addWidget(muted(self.tr(
            "The report counts contacts outside these hours as out of hours.")))
        layout.addLayout(form)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)

    def save(self) -> None:
        set_message(self.error, None)
        self.status.clear()
        try:
            hours = settings.set_office_hours(self.session, OfficeHours(
                frozenset(i for i, box in enumerate(self.days) if box.isChecked()),
                self.start.value(what="Opening time", field="start"),
                self.end.value(what="Closing time", field="end")))
        except (PeerDeskError, ValidationError) as exc:
            set_message(self.error, exc.user_message)
            return
        self.status.setText(self.tr("Saved: {hours}.").format(hours=hours.label()))
        self.changed.emit()


class ListeningSettingsDialog(QDialog):
    """`changed()` after any list or the hours changed."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Listening service: lists and office hours"))
        self.resize(620, 520)
        self.tabs = QTabWidget()
        self.regions = ListEditor(session, ListKind.REGION, self.tr(
            "The areas people get in touch from, as the centre names them. Contacts and "
            "directory services choose from this list."))
        self.topics = ListEditor(session, ListKind.TOPIC, self.tr(
            "What contacts are about. Start from these and change them to fit your centre."))
        self.categories = ListEditor(session, ListKind.CATEGORY, self.tr(
            "What the services in the directory offer."))
        self.hours = OfficeHoursEditor(session)
        self.tabs.addTab(self.regions, self.tr("&Regions"))
        self.tabs.addTab(self.topics, self.tr("Contact &topics"))
        self.tabs.addTab(self.categories, self.tr("&Directory categories"))
        self.tabs.addTab(self.hours, self.tr("Office &hours"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        for editor in (self.regions, self.topics, self.categories, self.hours):
            editor.changed.connect(self.changed.emit)
