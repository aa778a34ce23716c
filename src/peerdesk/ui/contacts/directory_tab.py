"""The Directory tab: services found as you type, filtered by need and region, kept up to
date, and printed or saved as a one-page list to hand over or pin up."""

from __future__ import annotations

import html
from collections.abc import Callable
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.reports.directory_model import Handout
from peerdesk.services import directory
from peerdesk.services import listening_settings as settings
from peerdesk.services.session import Session
from peerdesk.ui.errors import ask_to_confirm, show_error
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP, plural
from peerdesk.ui.page_header import search_box
from peerdesk.ui.peers.forms import muted
from peerdesk.ui.printing import ask_for_printer
from peerdesk.ui.table_model import ROW_ROLE, Column, RowTableModel
from peerdesk.ui.table_view import forget_list, list_view

EntryColumn = IntEnum("EntryColumn", "NAME OFFERS WHERE PHONE CHECKED", start=0)


def _service(row: directory.StoredEntry) -> str:
    archived = QCoreApplication.translate("EntryModel", " (archived)") if row.archived else ""
    return row.draft.name + archived


def _regions(row: directory.StoredEntry) -> str:
    if row.draft.all_regions:
        return QCoreApplication.translate("EntryModel", "Every region")
    return ", ".join(row.regions) or "—"


class EntryModel(RowTableModel[directory.StoredEntry]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Service"), _service, stretch=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "What it offers"),
               lambda r: ", ".join(r.categories) or "—", sample="Counselling, Crisis line__"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Regions"), _regions,
               sample="Northvale, Eastmarsh"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Phone"), lambda r: r.draft.phone or "—",
               sample="01632 960 123__"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Last checked"),
               lambda r: r.draft.last_checked.isoformat() if r.draft.last_checked
               else QCoreApplication.translate("EntryModel", "never"), sample="Last checked__"),
    )


def _choices(combo: QComboBox, anything: str, items: list[tuple[str, int]]) -> None:
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(anything, None)
    for name, item_id in items:
        combo.addItem(name, item_id)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    combo.blockSignals(False)


class DirectoryTab(QWidget):
    """Emits `changed()` after a write."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        # Replaceable in tests: the platform's own save dialog.
        self.choose_save_path: Callable[..., tuple[str, str]] = QFileDialog.getSaveFileName
        self.search = search_box(self.tr("Find a service by name, need or region…"),
                                 self.tr("Find a service"))
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("What it offers"))
        self.region = QComboBox()
        self.region.setAccessibleName(self.tr("Region"))
        self.archived = QCheckBox(self.tr("Show archi&ved"))
        self.count = muted()
        self.model = EntryModel(self)
        self.view = list_view(self.model, self.tr("Services"))
        self.add_button = QPushButton(self.tr("&Add a service…"))
        self.edit_button = QPushButton(self.tr("C&hange…"))
        self.checked_button = QPushButton(self.tr("Mark &checked today"))
        self.archive_button = QPushButton(self.tr("Archi&ve"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.handout_button = QPushButton(self.tr("&Print or save a list…"))
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.category, 1)
        filters.addWidget(self.region, 1)
        filters.addWidget(self.archived)
        filters.addWidget(self.count)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.checked_button,
                       self.archive_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.handout_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.search.textChanged.connect(self.reload)
        self.category.currentIndexChanged.connect(self.reload)
        self.region.currentIndexChanged.connect(self.reload)
        self.archived.toggled.connect(self.reload)
        self.view.activated.connect(lambda _i: self.edit())
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.checked_button.clicked.connect(self.mark_checked)
        self.archive_button.clicked.connect(self.archive_or_restore)
        self.delete_button.clicked.connect(self.delete)
        self.handout_button.clicked.connect(self.open_handout)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.fill_choices()

    def fill_choices(self) -> None:
        if self.session is None:
            return
        try:
            _choices(self.category, self.tr("Any need"), [
                (c.name, c.id) for c in settings.items(self.session, settings.ListKind.CATEGORY,
                                                       active_only=True)])
            _choices(self.region, self.tr("Any region"), [
                (r.name, r.id) for r in settings.items(self.session, settings.ListKind.REGION,
                                                       active_only=True)])
        except PeerDeskError:
            return

    def reload(self, *_args: object) -> None:
        if self.session is None:
            return
        try:
            found = directory.search(self.session, self.search.text(),
                                     category_id=self.category.currentData(),
                                     region_id=self.region.currentData(),
                                     include_archived=self.archived.isChecked())
        except PeerDeskError as exc:
            show_error(self, exc)
            return
        self.model.set_rows(found)
        self.count.setText(plural(len(found), self.tr("{n:,} service"),
                                  self.tr("{n:,} services")))
        self._update_buttons()

    def selected(self) -> directory.StoredEntry | None:
        row = self.view.currentIndex().data(ROW_ROLE)
        return row if isinstance(row, directory.StoredEntry) else None

    def _update_buttons(self, *_args: object) -> None:
        entry = self.selected()
        for button in (self.edit_button, self.checked_button, self.archive_button,
                       self.delete_button):
            button.setEnabled(entry is not None)
        self.archive_button.setText(self.tr("Rest&ore") if entry and entry.archived
                                    else self.tr("Archi&ve"))

    def _open(self, entry: directory.StoredEntry | None) -> None:
        from peerdesk.ui.contacts.directory_dialog import DirectoryEntryDialog

        if self.session is None:
            return
        dialog = DirectoryEntryDialog(self.session, entry, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _id: self._written())
        dialog.open()

    def add(self) -> None:
        self._open(None)

    def edit(self) -> None:
        entry = self.selected()
        if entry is not None:
            self._open(entry)

    def _run(self, action: Callable[[], None]) -> None:
        try:
            action()
        except PeerDeskError as exc:
            show_error(self, exc)
            return
        self._written()

    def _written(self) -> None:
        self.reload()
        self.changed.emit()

    def mark_checked(self) -> None:
        entry, session = self.selected(), self.session
        if entry is not None and session is not None:
            self._run(lambda: directory.mark_checked(session, entry.id))

    def archive_or_restore(self) -> None:
        entry, session = self.selected(), self.session
        if entry is None or session is None:
            return
        if entry.archived:
            self._run(lambda: directory.restore(session, entry.id))
        else:
            self._run(lambda: directory.archive(session, entry.id))

    def delete(self) -> None:
        entry, session = self.selected(), self.session
        if entry is None or session is None:
            return
        ask_to_confirm(self, self.tr("Delete a service"),
                       self.tr("Delete “{name}” from the directory? This can't be undone.")
                       .format(name=entry.draft.name), self.tr("Delete"),
                       lambda: self._run(lambda: directory.delete(session, entry.id)))

    def open_handout(self) -> HandoutDialog | None:
        if self.session is None:
            return None
        dialog = HandoutDialog(self.session, self)
        dialog.choose_save_path = self.choose_save_path
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.changed.emit)
        dialog.open()
        return dialog

    def clear_data(self) -> None:
        self.session = None
        forget_list(self.search, self.model, self.count)


class HandoutDialog(QDialog):
    """Choose a region and a need; save the list as PDF or print it."""

    saved = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.choose_save_path: Callable[..., tuple[str, str]] = QFileDialog.getSaveFileName
        self.setWindowTitle(self.tr("A list of services to hand over"))
        self.region = QComboBox()
        self.category = QComboBox()
        _choices(self.region, self.tr("Every region"), [
            (r.name, r.id) for r in settings.items(session, settings.ListKind.REGION,
                                                   active_only=True)])
        _choices(self.category, self.tr("Every need"), [
            (c.name, c.id) for c in settings.items(session, settings.ListKind.CATEGORY,
                                                   active_only=True)])
        self.summary = muted()
        form = QFormLayout()
        form.addRow(self.tr("&Region"), self.region)
        form.addRow(self.tr("&Need"), self.category)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(self.tr("&Save PDF…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = buttons.addButton(self.tr("&Print…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_sheet)
        self.region.currentIndexChanged.connect(self._update)
        self.category.currentIndexChanged.connect(self._update)
        self._update()

    def sheet(self) -> Handout:
        return directory.handout(self.session, region_id=self.region.currentData(),
                                 category_id=self.category.currentData())

    def _update(self) -> None:
        sheet = self.sheet()
        self.summary.setText(plural(len(sheet.entries), self.tr("“{title}”: 1 service."),
                                    self.tr("“{title}”: {n} services."), title=sheet.title))

    def save_pdf(self) -> Path | None:
        sheet = self.sheet()
        chosen, _kind = self.choose_save_path(self, self.tr("Save the list as PDF"),
                                              str(Path.home() / "services.pdf"),
                                              self.tr("PDF files (*.pdf)"))
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(f"{path.name}.pdf")
        try:
            directory.save_handout(self.session, sheet, path)
        except PeerDeskError as exc:
            show_error(self, exc)
            return None
        self.summary.setText(self.tr("Saved {name}.").format(name=path.name))
        self.saved.emit()
        return path

    def print_sheet(self) -> bool:
        from PySide6.QtGui import QTextDocument

        printer = ask_for_printer(self, doc_name="PeerDesk services")
        if printer is None:
            return False
        document = QTextDocument()
        document.setHtml(handout_html(self.sheet()))
        document.print_(printer)
        return True


def handout_html(sheet: Handout) -> str:
    parts = [f"<h2>{html.escape(sheet.title)}</h2>"]
    for entry in sheet.entries:
        details = [v for v in (entry.what, entry.where, entry.phone, entry.email,
                               entry.website, entry.hours) if v]
        parts.append(f"<p><b>{html.escape(entry.name)}</b><br/>"
                     f"{'<br/>'.join(html.escape(v) for v in details)}</p>")
    parts.append(f"<p><small>{html.escape(sheet.centre_name)} · {sheet.produced_on}</small></p>")
    return "".join(parts)
