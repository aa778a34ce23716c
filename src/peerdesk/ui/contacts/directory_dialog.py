"""Add or change a service in the signposting directory."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from peerdesk.domain.directory import (
    EMAIL_MAX,
    HOURS_MAX,
    NAME_MAX,
    NOTES_MAX,
    PHONE_MAX,
    WEBSITE_MAX,
    DirectoryEntryDraft,
)
from peerdesk.services import directory
from peerdesk.services import listening_settings as settings
from peerdesk.services.session import Session
from peerdesk.ui.contacts.widgets import CheckList, TextCheck
from peerdesk.ui.form_dialog import FormDialog, note_edit, with_note_below
from peerdesk.ui.peers.forms import DateField, today


class DirectoryEntryDialog(FormDialog):
    """Emits `saved(entry_id)`."""

    def __init__(self, session: Session, entry: directory.StoredEntry | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.entry = entry
        self.setWindowTitle(self.tr("Change a service") if entry else self.tr("Add a service"))
        self.setMinimumWidth(640)
        d = entry.draft if entry else DirectoryEntryDraft("", last_checked=today())
        self.name = QLineEdit(d.name)
        self.categories = CheckList(self.tr("What it offers"))
        self.categories.set_items([(c.id, c.name) for c in settings.items(
            session, settings.ListKind.CATEGORY) if c.active or c.id in d.category_ids],
            d.category_ids)
        self.categories.fit_rows(3)
        self.all_regions = QCheckBox(self.tr("Serves &every region (a national service)"))
        self.all_regions.setChecked(d.all_regions)
        self.regions = CheckList(self.tr("Regions served"))
        self.regions.set_items([(r.id, r.name) for r in settings.items(
            session, settings.ListKind.REGION) if r.active or r.id in d.region_ids],
            d.region_ids)
        self.regions.fit_rows(2)
        self.phone = QLineEdit(d.phone)
        self.email = QLineEdit(d.email)
        self.website = QLineEdit(d.website)
        self.hours = QLineEdit(d.opening_hours)
        self.hours.setPlaceholderText(self.tr("e.g. Mon–Fri 9–5, or 24 hours"))
        self.notes = note_edit(d.notes, self.tr("For staff: who to ask for, what to expect. "
                                                "Not printed on the handout."))
        self.checked = DateField(d.last_checked, optional=True)
        checks = [TextCheck(self.name, NAME_MAX), TextCheck(self.phone, PHONE_MAX),
                  TextCheck(self.email, EMAIL_MAX), TextCheck(self.website, WEBSITE_MAX),
                  TextCheck(self.hours, HOURS_MAX), TextCheck(self.notes, NOTES_MAX)]
        form = QFormLayout()
        for label, key, widget, check in (
                (self.tr("&Name"), "name", self.name, checks[0]),
                (self.tr("What it &offers"), "categories", self.categories, None),
                (self.tr("Re&gions"), "regions", self.regions, None),
                ("", "all_regions", self.all_regions, None),
                (self.tr("&Phone"), "phone", self.phone, checks[1]),
                (self.tr("E&mail"), "email", self.email, checks[2]),
                (self.tr("&Website"), "website", self.website, checks[3]),
                (self.tr("Opening &hours"), "opening_hours", self.hours, checks[4]),
                (self.tr("No&tes"), "notes", self.notes, checks[5]),
                (self.tr("Last &checked"), "last_checked", self.checked, None)):
            form.addRow(label, self.field(
                key, widget if check is None else with_note_below(widget, check)))
        self.lay_out(form)
        self.all_regions.toggled.connect(lambda on: self.regions.setEnabled(not on))
        self.regions.setEnabled(not d.all_regions)
        self.name.setFocus()

    def draft(self) -> DirectoryEntryDraft:
        return DirectoryEntryDraft(
            name=self.name.text(), category_ids=self.categories.checked_ids(),
            region_ids=self.regions.checked_ids(), all_regions=self.all_regions.isChecked(),
            phone=self.phone.text(), email=self.email.text(), website=self.website.text(),
            opening_hours=self.hours.text(), notes=self.notes.toPlainText(),
            last_checked=self.checked.value(what="Date last checked", field="last_checked"))

    def save(self) -> int:
        return self.add_or_change(self.entry.id if self.entry else None, self.draft(),
                                  directory.add, directory.edit)
