"""Someone would like a call-back to arrange a first one-to-one: how to reach them, safely,
kept only with their agreement."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from peerdesk.domain.callbacks import ASK_FOR_MAX, REACH_MAX, CallbackDraft, CallbackRoute
from peerdesk.domain.safe_contact import SafeContact
from peerdesk.services import callbacks
from peerdesk.services.session import Session
from peerdesk.ui.contacts.widgets import TextCheck
from peerdesk.ui.form_dialog import FormDialog, with_note_below
from peerdesk.ui.peers.forms import DateField, enum_combo, muted, today
from peerdesk.ui.peers.peer_dialog import SafeChannels


class CallbackDialog(FormDialog):
    """Emits `saved(callback_id)`."""

    def __init__(self, session: Session, *, contact_id: int | None = None,
                 caller_id: int | None = None, received_on: date | None = None,
                 route: CallbackRoute = CallbackRoute.PHONE,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.contact_id = contact_id
        self.caller_id = caller_id
        self.setWindowTitle(self.tr("Someone to call back"))
        self.setMinimumWidth(560)
        self.received_on = DateField(received_on or today())
        self.route = enum_combo([(r.label, r.value) for r in CallbackRoute], route.value)
        self.ask_for = QLineEdit()
        self.ask_for.setPlaceholderText(self.tr("The name or alias to ask for (optional)"))
        self.reach = QLineEdit()
        self.reach.setPlaceholderText(self.tr("A number, a handle, an address"))
        self.agreed = QCheckBox(self.tr("They &agreed we keep this, to call them back"))
        # Three states per channel, as on the peer form: each starts at "Not asked yet",
        # never at OK, and "Not OK" is said as plainly as "OK".
        self.channels = SafeChannels(SafeContact())
        self.calls_ok, self.texts_ok, self.email_ok, self.voicemail_ok = self.channels.combos()
        self.safe_times = QLineEdit()
        self.safe_times.setPlaceholderText(self.tr("e.g. texts only after 6 pm"))
        self.code_word = QLineEdit()
        self.code_word.setEchoMode(QLineEdit.EchoMode.Password)
        self.code_word.setPlaceholderText(self.tr("Kept hidden"))
        self.code_word.setAccessibleName(self.tr("Code word"))
        self.not_asked = self.channels.not_asked
        self.channels.on_change(self.channels.show_warning)
        form = QFormLayout()
        form.addRow(self.tr("&Got in touch on"), self.field("received_on", self.received_on))
        form.addRow(self.tr("&By"), self.route)
        form.addRow(self.tr("How to &reach them"), self.field(
            "reach", with_note_below(self.reach, TextCheck(self.reach, REACH_MAX))))
        form.addRow(self.tr("As&k for"), self.field(
            "ask_for", with_note_below(self.ask_for, TextCheck(self.ask_for, ASK_FOR_MAX))))
        form.addRow("", self.field("agreed", self.agreed))
        form.addRow(self.tr("Safe ways"), self.channels)
        form.addRow(self.not_asked)
        form.addRow(self.tr("Safe &times"), self.field("safe_times", self.safe_times))
        form.addRow(self.tr("Code &word"), self.field("code_word", self.code_word))
        self.lay_out(muted(self.tr(
            "It shows on Today under “To call back” until someone has called. It is erased "
            "when they are called back, become a peer, or after the centre's period.")), form)
        self.reach.setFocus()
        self.channels.show_warning()

    def channel_combos(self) -> tuple[QComboBox, QComboBox, QComboBox, QComboBox]:
        return self.channels.combos()

    def save(self) -> int:
        return callbacks.add(self.session, CallbackDraft(
            received_on=self.received_on.value(what="Date of the enquiry",
                                               field="received_on") or today(),
            route=CallbackRoute(self.route.currentData()), reach=self.reach.text(),
            agreed=self.agreed.isChecked(), ask_for=self.ask_for.text(),
            prefs=self.channels.safe_contact(safe_times=self.safe_times.text(),
                                             code_word=self.code_word.text()),
            contact_id=self.contact_id, known_caller_id=self.caller_id))
