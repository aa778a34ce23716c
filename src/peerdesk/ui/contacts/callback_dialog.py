"""Someone would like a call-back to arrange a first one-to-one: how to reach them, safely,
kept only with their agreement."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.callbacks import ASK_FOR_MAX, REACH_MAX, CallbackDraft, CallbackRoute
from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.safe_contact import SafeContact
from peerdesk.services import callbacks
from peerdesk.services.session import Session
from peerdesk.ui.contacts.widgets import TextCheck
from peerdesk.ui.fields import error_label, keep_long_text, set_message
from peerdesk.ui.peers.forms import DateField, Field, enum_combo, muted, today
from peerdesk.ui.peers.peer_dialog import channel_combo, not_asked_banner


class CallbackDialog(QDialog):
    """Emits `saved(callback_id)`."""

    saved = Signal(int)

    def __init__(self, session: Session, *, contact_id: int | None = None,
                 caller_id: int | None = None, received_on: date | None = None,
                 route: CallbackRoute = CallbackRoute.PHONE,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
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
        self.calls_ok = channel_combo(None)
        self.texts_ok = channel_combo(None)
        self.email_ok = channel_combo(None)
        self.voicemail_ok = channel_combo(None)
        channel_names = (self.tr("Calls"), self.tr("Texts"), self.tr("Email"),
                         self.tr("Voicemail"))
        self.safe_times = QLineEdit()
        self.safe_times.setPlaceholderText(self.tr("e.g. texts only after 6 pm"))
        self.code_word = QLineEdit()
        self.code_word.setEchoMode(QLineEdit.EchoMode.Password)
        self.code_word.setPlaceholderText(self.tr("Kept hidden"))
        self.code_word.setAccessibleName(self.tr("Code word"))
        channels = QGridLayout()
        for i, (name, box) in enumerate(zip(channel_names, self.channel_combos(), strict=True)):
            label = QLabel(name)
            label.setBuddy(box)
            box.setAccessibleName(name)
            channels.addWidget(label, 0, i)
            channels.addWidget(box, 1, i)
            box.currentIndexChanged.connect(self._update)
        channels.setColumnStretch(4, 1)
        self.not_asked = not_asked_banner()
        self.fields = {
            "received_on": Field(self.received_on),
            "reach": Field(self._checked(self.reach, TextCheck(self.reach, REACH_MAX))),
            "ask_for": Field(self._checked(self.ask_for, TextCheck(self.ask_for, ASK_FOR_MAX))),
            "agreed": Field(self.agreed),
            "safe_times": Field(self.safe_times),
            "code_word": Field(self.code_word),
        }
        form = QFormLayout()
        form.addRow(self.tr("&Got in touch on"), self.fields["received_on"])
        form.addRow(self.tr("&By"), self.route)
        form.addRow(self.tr("How to &reach them"), self.fields["reach"])
        form.addRow(self.tr("As&k for"), self.fields["ask_for"])
        form.addRow("", self.fields["agreed"])
        form.addRow(self.tr("Safe ways"), channels)
        form.addRow(self.not_asked)
        form.addRow(self.tr("Safe &times"), self.fields["safe_times"])
        form.addRow(self.tr("Code &word"), self.fields["code_word"])
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(muted(self.tr(
            "It shows on Today under “To call back” until someone has called. It is erased "
            "when they are called back, become a peer, or after the centre's period.")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.reach.setFocus()
        keep_long_text(self)
        self._update()

    def channel_combos(self) -> tuple[QComboBox, QComboBox, QComboBox, QComboBox]:
        return (self.calls_ok, self.texts_ok, self.email_ok, self.voicemail_ok)

    def _update(self) -> None:
        self.not_asked.setVisible(any(box.currentData() is None
                                      for box in self.channel_combos()))

    @staticmethod
    def _checked(edit: QLineEdit, check: TextCheck) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(edit)
        column.addWidget(check)
        box.setFocusProxy(edit)
        return box

    def accept(self) -> None:
        for field in self.fields.values():
            field.show_error(None)
        set_message(self.error, None)
        try:
            draft = CallbackDraft(
                received_on=self.received_on.value(what="Date of the enquiry",
                                                   field="received_on") or today(),
                route=CallbackRoute(self.route.currentData()), reach=self.reach.text(),
                agreed=self.agreed.isChecked(), ask_for=self.ask_for.text(),
                prefs=SafeContact(calls_ok=self.calls_ok.currentData(),
                                  texts_ok=self.texts_ok.currentData(),
                                  email_ok=self.email_ok.currentData(),
                                  voicemail_ok=self.voicemail_ok.currentData(),
                                  safe_times=self.safe_times.text(),
                                  code_word=self.code_word.text()),
                contact_id=self.contact_id, known_caller_id=self.caller_id)
            callback_id = callbacks.add(self.session, draft)
        except PeerDeskError as exc:
            name = getattr(exc, "field", None)
            if name in self.fields:
                self.fields[name].show_error(exc.user_message)
            else:
                set_message(self.error, exc.user_message)
            return
        super().accept()
        self.saved.emit(callback_id)
