"""Log (or change) a listening-service contact in under half a minute, by keyboard.

Everything has a sensible start (now, phone, listened) so a quick call is a
duration and Ctrl+Return. Tab moves through every field, arrows change the
choices, Space ticks a topic or an outcome, Alt+letter jumps to a field, and
in "Services" typing finds a service and Enter adds it.

The form works over a listening store (services/listening_store.py): the
vault's, or the team server's, where a new contact made while the server can't
be reached waits in this PC's outbox (`logged.sent` says which), and the
directory, adding a known caller, "became a peer" and call-backs are not
offered (the team server has none of them yet).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from datetime import datetime
from itertools import pairwise
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, ValidationError
from peerdesk.domain.listening import (
    SAFETY_ACTION_MAX,
    Channel,
    ContactDraft,
    Outcome,
    Returning,
)
from peerdesk.domain.text import NOTE_MAX
from peerdesk.services import directory, listening
from peerdesk.services.clock import now as clock_now
from peerdesk.services.listening_store import ListeningStore, Logged, VaultListening
from peerdesk.services.session import Session
from peerdesk.ui.contacts.directory_picker import DirectoryPicker
from peerdesk.ui.contacts.widgets import CheckList, TextCheck, TimeField
from peerdesk.ui.errors import ask_to_confirm, show_error
from peerdesk.ui.form_dialog import FormDialog
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.peers.forms import DateField, enum_combo

DEFAULT_MINUTES = 15
OUTCOME_TEXTS = {
    Outcome.LISTENED: QT_TRANSLATE_NOOP("ContactDialog", "&Listened"),
    Outcome.SIGNPOSTED: QT_TRANSLATE_NOOP("ContactDialog", "Si&gnposted"),
    Outcome.OFFERED_ONE_TO_ONE: QT_TRANSLATE_NOOP("ContactDialog", "Offered a &one-to-one"),
    Outcome.OFFERED_GROUP: QT_TRANSLATE_NOOP("ContactDialog", "Offered a gro&up"),
    Outcome.BECAME_PEER: QT_TRANSLATE_NOOP("ContactDialog", "Became a p&eer"),
}


class ContactDialog(FormDialog):
    """Emits `saved(contact_id)` (and `stored_id(id)`, whatever the store's ids are);
    then `became_peer(contact_id)` when "Became a peer" was newly ticked, and
    `callback_wanted(contact_id)` when a call-back was asked for."""

    # The record calls the known caller "name" in its messages.
    renamed_fields: ClassVar[Mapping[str, str]] = {"name": "known_caller"}
    became_peer = Signal(int)
    callback_wanted = Signal(int)
    deleted = Signal(int)
    stored_id = Signal(object)

    def __init__(self, session: Session | None, stored: listening.StoredContact | None = None,
                 *, now: datetime | None = None, parent: QWidget | None = None,
                 store: ListeningStore | None = None) -> None:
        super().__init__(session, parent, ctrl_return=True)
        if store is None:
            assert session is not None
            store = VaultListening(session)
        self.lists = store
        self.logged: Logged | None = None
        self.stored = stored
        self.setWindowTitle(self.tr("Change a contact") if stored else self.tr("Log a contact"))
        self.setMinimumWidth(980)
        when = now or clock_now()
        d = stored.draft if stored else None
        choices = store.choices(include_retired=stored is not None)

        self.day = DateField(d.contacted_on if d else when.date())
        self.day.setAccessibleName(self.tr("Date of the contact"))
        self.time = TimeField(d.contacted_time if d else when.time())
        self.time.setAccessibleName(self.tr("Time of the contact"))
        when_box = QWidget()
        when_row = QHBoxLayout(when_box)
        when_row.setContentsMargins(0, 0, 0, 0)
        when_row.addWidget(self.day)
        when_row.addWidget(self.time)
        when_row.addStretch(1)
        self.channel = enum_combo([(c.label, c.value) for c in Channel],
                                  d.channel.value if d else Channel.PHONE.value)
        self.minutes = QSpinBox()
        # Wider than allowed, so a slip is answered with a message, not silently clamped.
        self.minutes.setRange(0, 9999)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(d.minutes if d else DEFAULT_MINUTES)
        self.minutes.setAccessibleName(self.tr("Duration in minutes"))
        self.minutes.setFixedWidth(self.fontMetrics().horizontalAdvance("0000 min") + 40)
        current_taker = d.taken_by if d else store.staff_id
        takers: list[tuple[str, object]] = [(t.name or self.tr("You"), t.id)
                                            for t in choices.takers]
        if current_taker not in [t for _, t in takers] and stored is not None:
            takers.append((stored.taken_by_name or "—", current_taker))
        self.taken_by = enum_combo(takers, current_taker)
        self.taken_by.setEnabled(store.can_choose_taker())
        self.region = enum_combo([(self.tr("Not known"), None)]
                                 + [(r.name, r.id) for r in choices.regions
                                    if r.active or (d and r.id == d.region_id)],
                                 d.region_id if d else None)
        self.returning = enum_combo([(r.label, r.value) for r in Returning],
                                    d.returning.value if d else Returning.UNKNOWN.value)
        self.caller = QComboBox()
        self.caller.setAccessibleName(self.tr("Known caller"))
        self.new_caller = QPushButton(self.tr("&Add a known caller…"))
        self.new_caller.setVisible(store.vault)
        self._fill_callers(d.known_caller_id if d else None)
        caller_box = QWidget()
        caller_row = QHBoxLayout(caller_box)
        caller_row.setContentsMargins(0, 0, 0, 0)
        caller_row.addWidget(self.caller, 1)
        caller_row.addWidget(self.new_caller)

        self.topics = CheckList(self.tr("Topics"))
        self.topics.set_items([(t.id, t.name) for t in choices.topics
                               if t.active or (d and t.id in d.topic_ids)],
                              d.topic_ids if d else ())
        self.topics.setMinimumHeight(self.fontMetrics().height() * 3 + 30)
        self.outcomes: dict[Outcome, QCheckBox] = {}
        outcome_box = QWidget()
        outcome_grid = QGridLayout(outcome_box)
        outcome_grid.setContentsMargins(0, 0, 0, 0)
        chosen = d.outcomes if d else Outcome.LISTENED
        for number, (outcome, text) in enumerate(OUTCOME_TEXTS.items()):
            box = QCheckBox(QCoreApplication.translate("ContactDialog", text))
            box.setChecked(bool(outcome & chosen))
            self.outcomes[outcome] = box
            outcome_grid.addWidget(box, number // 2, number % 2)
        on_record = stored is not None and stored.peer_id is not None
        self.outcomes[Outcome.BECAME_PEER].setEnabled(not on_record and store.vault)
        self.services = DirectoryPicker(session)
        if session is not None and d and d.signposts:
            names = directory.names(session, list(d.signposts))
            self.services.set_chosen([(e, names.get(e, "?")) for e in d.signposts])
        self.services.changed.connect(self._services_changed)
        self.safety = QCheckBox(self.tr("&Safety concern"))
        self.safety.setChecked(bool(d and d.safety_concern))
        self.action = QPlainTextEdit(d.safety_action if d else "")
        self.action.setTabChangesFocus(True)
        self.action.setPlaceholderText(self.tr("What was done about it"))
        self.action.setFixedHeight(self.fontMetrics().height() * 2 + 14)
        self.action.setAccessibleName(self.tr("What was done about the safety concern"))
        self.notes = QPlainTextEdit(d.notes if d else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Optional. Kept encrypted, never in reports; no "
                                              "names or numbers."))
        self.notes.setMinimumHeight(90)
        self.notes_check = TextCheck(self.notes, NOTE_MAX, identifying=True)
        self.action_check = TextCheck(self.action, SAFETY_ACTION_MAX, identifying=True)
        self.callback = QCheckBox(self.tr("Wants a &call-back to arrange a first one-to-one"))
        self.callback.setVisible(stored is None and store.vault)
        hidden_note = (session is not None and stored is not None
                       and listening.notes_hidden(session, stored))

        left = QFormLayout()
        left.addRow(self.tr("&When"), self.field("when", when_box))
        left.addRow(self.tr("C&hannel"), self.channel)
        left.addRow(self.tr("&Duration"), self.field("minutes", self.minutes))
        left.addRow(self.tr("Taken &by"), self.field("taken_by", self.taken_by))
        left.addRow(self.tr("&Region"), self.field("region", self.region))
        left.addRow(self.tr("&In touch before"), self.returning)
        left.addRow(self.tr("&Known caller"), self.field("known_caller", caller_box))
        left.addRow(self.tr("To&pics"), self.field("topics", self.topics))
        right = QFormLayout()
        right.addRow(self.tr("Outcome"), self.field("outcomes", outcome_box))
        right.addRow(self.tr("Ser&vices"), self.field("signposts", self.services))
        right.setRowVisible(right.rowCount() - 1, store.vault)  # no directory on the team yet
        safety = QWidget()
        safety_column = QVBoxLayout(safety)
        safety_column.setContentsMargins(0, 0, 0, 0)
        safety_column.addWidget(self.safety)
        safety_column.addWidget(self.action)
        safety_column.addWidget(self.action_check)
        right.addRow(self.tr("Safety"), self.field("safety_action", safety))
        notes = QWidget()
        notes_column = QVBoxLayout(notes)
        notes_column.setContentsMargins(0, 0, 0, 0)
        notes_column.addWidget(self.notes)
        notes_column.addWidget(self.notes_check)
        if hidden_note:
            self.notes.setReadOnly(True)
            self.notes.setPlaceholderText(self.tr("Only the person who took this contact can "
                                                  "read its notes."))
        right.addRow(self.tr("No&tes"), self.field("notes", notes))
        right.addRow("", self.callback)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(12)
        columns.addLayout(right, 1)

        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setVisible(on_record)
        if on_record:
            self.where.setText(self.tr("This contact is on the record of the peer it led to; "
                                       "changes are recorded in their audit trail."))
        save, cancel = self.save_button, self.cancel_button
        cancel.setAutoDefault(False)
        self.delete_button: QPushButton | None = None
        if stored is not None:
            self.delete_button = self.buttons.addButton(
                self.tr("Delete…"), QDialogButtonBox.ButtonRole.DestructiveRole)
            self.delete_button.setAutoDefault(False)
            self.delete_button.clicked.connect(self._delete)
        self.lay_out(self.where, columns)

        order: list[QWidget] = [self.day, self.time, self.channel, self.minutes, self.taken_by,
                                self.region, self.returning, self.caller, self.new_caller,
                                self.topics, *self.outcomes.values(), self.services.search,
                                self.safety, self.action, self.notes, self.callback, save,
                                cancel]
        for a, b in pairwise(order):
            QWidget.setTabOrder(a, b)
        self.new_caller.clicked.connect(self._add_caller)
        self.first_field: QWidget = self.minutes if stored is None else self.day
        self._untouched = self.form_state()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.first_field.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(self.first_field, QSpinBox):
            self.first_field.selectAll()


    def _fill_callers(self, current: int | None) -> None:
        self.caller.clear()
        self.caller.addItem(self.tr("— Not a known caller —"), None)
        try:
            found = self.lists.known_callers()
        except PeerDeskError:
            found = []
        for caller_id, nickname in found:
            self.caller.addItem(nickname, caller_id)
        index = self.caller.findData(current)
        self.caller.setCurrentIndex(max(index, 0))

    def _add_caller(self) -> None:
        from peerdesk.ui.contacts.caller_dialogs import KnownCallerDialog

        dialog = KnownCallerDialog(self.session, parent=self)
        dialog.saved.connect(self._fill_callers)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _services_changed(self) -> None:
        if self.services.ids():
            self.outcomes[Outcome.SIGNPOSTED].setChecked(True)

    # -- kept across a lock (services.drafts) ----------------------------------------------

    def form_state(self) -> dict[str, Any]:
        """Everything typed, as typed (unchecked), so a lock never loses it."""
        return {
            "contact_id": self.stored.id if self.stored is not None else None,
            "day": self.day.text(), "time": self.time.text(),
            "channel": self.channel.currentData(), "minutes": self.minutes.value(),
            "taken_by": self.taken_by.currentData(), "region": self.region.currentData(),
            "returning": self.returning.currentData(), "caller": self.caller.currentData(),
            "topics": list(self.topics.checked_ids()),
            "outcomes": int(self.checked_outcomes()),
            "services": [list(e) for e in self.services.entries()],
            "safety": self.safety.isChecked(), "action": self.action.toPlainText(),
            "notes": self.notes.toPlainText(), "callback": self.callback.isChecked(),
        }

    def has_unsaved_typing(self) -> bool:
        return (self.result() != QDialog.DialogCode.Accepted
                and self.form_state() != self._untouched)

    def restore_form_state(self, state: dict[str, Any]) -> None:
        """Put a kept form back; values the form can't take any more are skipped."""
        self.day.setText(str(state.get("day", "")))
        self.time.setText(str(state.get("time", "")))
        for combo, key in ((self.channel, "channel"), (self.taken_by, "taken_by"),
                           (self.region, "region"), (self.returning, "returning"),
                           (self.caller, "caller")):
            index = combo.findData(state.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        if isinstance(state.get("minutes"), int):
            self.minutes.setValue(state["minutes"])
        self.topics.set_checked(int(t) for t in state.get("topics") or ())
        flags = int(state.get("outcomes") or 0)
        for outcome, box in self.outcomes.items():
            box.setChecked(bool(flags & outcome))
        self.services.set_chosen([(int(e[0]), str(e[1])) for e in state.get("services") or ()
                                  if isinstance(e, list) and len(e) == 2])
        self.safety.setChecked(bool(state.get("safety")))
        self.action.setPlainText(str(state.get("action", "")))
        self.notes.setPlainText(str(state.get("notes", "")))
        self.callback.setChecked(bool(state.get("callback")))

    # -- saving -----------------------------------------------------------------------------

    def checked_outcomes(self) -> Outcome:
        flags = Outcome(0)
        for outcome, box in self.outcomes.items():
            if box.isChecked():
                flags |= outcome
        return flags

    def draft(self) -> ContactDraft:
        day = self.day.value(what="Date of the contact", field="when")
        if day is None:  # pragma: no cover - the date is not optional
            raise ValidationError(self.tr("Give the date of the contact."), field="when")
        flags = self.checked_outcomes()
        if self.stored is None or self.stored.peer_id is None:
            # Becoming a peer is recorded when the new peer is saved, not before.
            was = self.stored.draft.outcomes if self.stored else Outcome(0)
            flags = flags & ~Outcome.BECAME_PEER | (was & Outcome.BECAME_PEER)
        return ContactDraft(
            contacted_on=day, contacted_time=self.time.value(what="Time", field="when"),
            channel=Channel(self.channel.currentData()), minutes=self.minutes.value(),
            taken_by=int(self.taken_by.currentData()), region_id=self.region.currentData(),
            returning=Returning(self.returning.currentData()),
            topic_ids=self.topics.checked_ids(), safety_concern=self.safety.isChecked(),
            safety_action=self.action.toPlainText(), outcomes=flags or Outcome(0),
            signposts=self.services.ids(), notes=self.notes.toPlainText(),
            known_caller_id=self.caller.currentData())

    def wants_to_become_peer(self) -> bool:
        box = self.outcomes[Outcome.BECAME_PEER]
        was = bool(self.stored and Outcome.BECAME_PEER in self.stored.draft.outcomes)
        return box.isChecked() and box.isEnabled() and not was

    def save(self) -> Hashable:
        draft = self.draft()
        if self.stored is not None:
            listening.edit_contact(self.session, self.stored.id, draft)
            return self.stored.id
        self.logged = self.lists.log_contact(draft)
        return self.logged.id

    def announce(self, contact_id: Any) -> None:
        self.stored_id.emit(contact_id)
        if isinstance(contact_id, int):  # the vault's ids (`saved` carries an integer)
            self.saved.emit(contact_id)
        if self.wants_to_become_peer():
            self.became_peer.emit(contact_id)
        if self.callback.isChecked() and self.stored is None:
            self.callback_wanted.emit(contact_id)

    def _delete(self) -> None:
        stored = self.stored
        if stored is None:
            return

        def delete() -> None:
            try:
                listening.delete_contact(self.session, stored.id)
            except PeerDeskError as exc:
                show_error(self, exc)
                return
            self.done(QDialog.DialogCode.Rejected)
            self.deleted.emit(stored.id)

        ask_to_confirm(self, self.tr("Delete contact"),
                       self.tr("Delete this contact and its notes? The deletion is recorded "
                               "in the audit log. This can't be undone."),
                       self.tr("Delete contact"), delete)
