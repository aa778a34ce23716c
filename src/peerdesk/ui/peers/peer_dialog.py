"""Add or change a peer: only the preferred name (or alias) is required."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, ValidationError
from peerdesk.domain.peer import AgeBand, ContactRoute, Gender, Peer, PeerDraft, PeerStatus
from peerdesk.domain.safe_contact import SafeContact
from peerdesk.domain.staff import Role
from peerdesk.services import peers
from peerdesk.services.casework_store import PeerRecord
from peerdesk.services.peers import StaffChoice
from peerdesk.services.session import Session
from peerdesk.ui.fields import show_problem
from peerdesk.ui.form_dialog import FormDialog
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.peers.forms import DateField, enum_combo, today

# Shown through gender_label (translated); the English words are also what tests compare.
GENDER_LABELS = {
    Gender.UNKNOWN: QT_TRANSLATE_NOOP("PeerDialog", "Not recorded"),
    Gender.WOMAN: QT_TRANSLATE_NOOP("PeerDialog", "Woman"),
    Gender.MAN: QT_TRANSLATE_NOOP("PeerDialog", "Man"),
    Gender.NON_BINARY: QT_TRANSLATE_NOOP("PeerDialog", "Non-binary"),
    Gender.SELF_DESCRIBED: QT_TRANSLATE_NOOP("PeerDialog", "In their own words…"),
    Gender.PREFER_NOT_TO_SAY: QT_TRANSLATE_NOOP("PeerDialog", "Prefers not to say"),
}


def gender_label(gender: Gender) -> str:
    return QCoreApplication.translate("PeerDialog", GENDER_LABELS[gender])


def channel_combo(state: bool | None) -> QComboBox:
    """Not asked yet / OK / Not OK for one safe-contact channel."""
    return enum_combo([(QCoreApplication.translate("PeerDialog", "Not asked yet"), None),
                       (QCoreApplication.translate("PeerDialog", "OK"), True),
                       (QCoreApplication.translate("PeerDialog", "Not OK"), False)], state)


def not_asked_banner() -> QLabel:
    """The warning shown while any channel is still "not asked yet" (the peer form's and
    the call-back form's)."""
    label = QLabel(QCoreApplication.translate(
        "PeerDialog", "⚠ Ask how it's safe to contact them before calling or texting."))
    label.setWordWrap(True)
    label.setStyleSheet("font-weight: bold;")
    return label


CHANNEL_NAMES = (QT_TRANSLATE_NOOP("PeerDialog", "Calls"), QT_TRANSLATE_NOOP("PeerDialog", "Texts"),
                 QT_TRANSLATE_NOOP("PeerDialog", "Email"),
                 QT_TRANSLATE_NOOP("PeerDialog", "Voicemail"))


class SafeChannels(QGridLayout):
    """The four ways to contact someone (calls, texts, email, voicemail), each "Not asked
    yet", "OK" or "Not OK" under its name, and the warning shown while any is still not
    asked (`not_asked`, placed by the form): the peer form's and the call-back form's.
    A new record starts at "Not asked yet", never at OK."""

    def __init__(self, prefs: SafeContact) -> None:
        super().__init__()
        self.calls_ok = channel_combo(prefs.calls_ok)
        self.texts_ok = channel_combo(prefs.texts_ok)
        self.email_ok = channel_combo(prefs.email_ok)
        self.voicemail_ok = channel_combo(prefs.voicemail_ok)
        names = [QCoreApplication.translate("PeerDialog", name) for name in CHANNEL_NAMES]
        for i, (name, box) in enumerate(zip(names, self.combos(), strict=True)):
            label = QLabel(name)
            label.setBuddy(box)
            box.setAccessibleName(name)
            self.addWidget(label, 0, i)
            self.addWidget(box, 1, i)
        self.setColumnStretch(4, 1)
        self.not_asked = not_asked_banner()

    def combos(self) -> tuple[QComboBox, QComboBox, QComboBox, QComboBox]:
        return (self.calls_ok, self.texts_ok, self.email_ok, self.voicemail_ok)

    def on_change(self, slot: Callable[[], None]) -> None:
        for box in self.combos():
            box.currentIndexChanged.connect(lambda _i: slot())

    def show_warning(self, asking: bool = True) -> None:
        """The warning, while `asking` (not "do not contact at all") and any is not asked."""
        self.not_asked.setVisible(asking and any(box.currentData() is None
                                                 for box in self.combos()))

    def set_enabled(self, on: bool) -> None:
        for box in self.combos():
            box.setEnabled(on)

    def safe_contact(self, **rest: Any) -> SafeContact:
        """These channels' states, with the rest of a SafeContact (times, code word…)."""
        return SafeContact(calls_ok=self.calls_ok.currentData(),
                           texts_ok=self.texts_ok.currentData(),
                           email_ok=self.email_ok.currentData(),
                           voicemail_ok=self.voicemail_ok.currentData(), **rest)


def staff_combo(staff: Sequence[StaffChoice], roles: tuple[Role, ...],
                current: int | None) -> QComboBox:
    choices: list[tuple[str, object]] = [(f"{c.name} ({c.role.label})", c.id) for c in staff
                                         if c.role in roles]
    if current is not None and all(value != current for _label, value in choices):
        # Someone the list can't name now (the team server out of reach): kept as is.
        choices.append((QCoreApplication.translate("PeerDialog", "Staff member {n}").format(
            n=current), current))
    return enum_combo([(QCoreApplication.translate("PeerDialog", "— Nobody yet —"), None),
                       *choices], current)


class PeerDialog(FormDialog):
    """Emits `saved(peer_id)`. Errors stay beside their field; nothing typed is lost."""

    def __init__(self, session: Session | None, peer: Peer | PeerRecord | None = None,
                 safe_contact: SafeContact | None = None,
                 parent: QWidget | None = None, *, prefill: PeerDraft | None = None,
                 staff: Sequence[StaffChoice] | None = None) -> None:
        """`staff`: who a peer can be assigned to (by default the vault's, through
        `session`; a form over another store gives its own, with no session)."""
        super().__init__(session, parent)
        if staff is None:
            assert session is not None
            staff = peers.assignable_staff(session)
        self.peer = peer
        self.original_prefs = safe_contact or SafeContact()
        self.setWindowTitle(self.tr("Change details") if peer else self.tr("Add a peer"))
        self.setMinimumWidth(900)
        d = peer.details if peer else prefill or PeerDraft(preferred_name="",
                                                           first_contact=today())

        # -- about them --------------------------------------------------------------
        self.preferred_name = QLineEdit(d.preferred_name)
        self.preferred_name.setAccessibleName(self.tr("Preferred name or alias"))
        self.full_name = QLineEdit(d.full_name)
        self.birth_year = QLineEdit(str(d.birth_year) if d.birth_year else "")
        self.birth_year.setValidator(QIntValidator(1900, 2100, self))
        self.birth_year.setPlaceholderText(self.tr("e.g. 1991"))
        self.birth_year.setMaximumWidth(90)
        self.birth_year.setAccessibleName(self.tr("Year of birth"))
        self.age_band = enum_combo([(self.tr("Not known") if b is AgeBand.UNKNOWN else b.label,
                                     b.value) for b in AgeBand], d.age_band.value)
        self.age_band.setAccessibleName(self.tr("Age band"))
        self.gender = enum_combo([(gender_label(g), g.value) for g in Gender], d.gender.value)
        self.gender_description = QLineEdit(d.gender_description)
        self.gender_description.setPlaceholderText(self.tr("How they describe their gender"))
        self.gender_description.setAccessibleName(self.tr("How they describe their gender"))
        self.languages = QLineEdit(d.languages)
        self.languages.setPlaceholderText(self.tr("e.g. English, Romanian"))
        self.nationality = QLineEdit(d.nationality)
        about = QFormLayout()
        about.addRow(self.tr("&Preferred name or alias *"),
                     self.field("name", self.preferred_name))
        about.addRow(self.tr("&Full name"),
                     self.field("full_name", self.full_name,
                                 self.tr("Only if they want it recorded.")))
        age = QHBoxLayout()
        age.addWidget(self.birth_year)
        age.addWidget(self.age_band, 1)
        age_box = QWidget()
        age_box.setLayout(age)
        age.setContentsMargins(0, 0, 0, 0)
        about.addRow(self.tr("&Year of birth / age band"), self.field("birth_year", age_box))
        about.addRow(self.tr("&Gender"), self.gender)
        about.addRow("", self.field("gender_description", self.gender_description))
        about.addRow(self.tr("&Languages"), self.field("languages", self.languages))
        about.addRow(self.tr("&Nationality"), self.field("nationality", self.nationality))

        # -- casework --------------------------------------------------------------
        self.contact_route = enum_combo([(r.label, r.value) for r in ContactRoute],
                                        d.contact_route.value)
        self.first_contact = DateField(d.first_contact)
        self.status = enum_combo([(s.label, s.value) for s in PeerStatus], d.status.value)
        # Empty is allowed here so the record's own rule can say what is missing.
        self.closed_on = DateField(d.closed_on, optional=True, placeholder=self.tr("YYYY-MM-DD"))
        self.closed_reason = QLineEdit(d.closed_reason)
        self.caseworker = staff_combo(staff, (Role.CASEWORKER, Role.PROGRAMME_LEAD),
                                      d.caseworker_id)
        self.supporter = staff_combo(staff, (Role.PEER_SUPPORTER,), d.supporter_id)
        work = QFormLayout()
        work.addRow(self.tr("First &contact by"), self.contact_route)
        work.addRow(self.tr("First contact &date"),
                    self.field("first_contact", self.first_contact))
        work.addRow(self.tr("&Status"), self.status)
        work.addRow(self.tr("Closed o&n"), self.field("closed_on", self.closed_on))
        work.addRow(self.tr("Reason for closing"), self.field("closed_reason", self.closed_reason))
        work.addRow(self.tr("Case&worker"), self.caseworker)
        work.addRow(self.tr("Peer s&upporter"), self.supporter)

        # -- safe contact ----------------------------------------------------------
        p = self.original_prefs
        self.do_not_contact = QCheckBox(self.tr("Do &not contact them at all"))
        self.do_not_contact.setChecked(p.do_not_contact)
        self.channels = SafeChannels(p)
        self.calls_ok, self.texts_ok, self.email_ok, self.voicemail_ok = self.channels.combos()
        self.safe_times = QLineEdit(p.safe_times)
        self.safe_times.setPlaceholderText(self.tr("e.g. texts only after 6 pm"))
        self.code_word = QLineEdit(p.code_word)
        self.code_word.setEchoMode(QLineEdit.EchoMode.Password)
        self.code_word.setPlaceholderText(self.tr("Kept hidden"))
        self.code_word.setToolTip(self.tr("Never shown in the safe-contact banner"))
        self.code_word.setAccessibleName(self.tr("Code word"))
        self.code_word.setAccessibleDescription(self.tr("Never shown in the safe-contact banner"))
        self.show_code = QCheckBox(self.tr("Show"))
        self.other = QLineEdit(p.other)
        self.not_asked = self.channels.not_asked
        code = QHBoxLayout()
        code.setContentsMargins(0, 0, 0, 0)
        code.addWidget(self.code_word, 1)
        code.addWidget(self.show_code)
        code_box = QWidget()
        code_box.setLayout(code)
        safe = QFormLayout()
        safe.addRow(self.do_not_contact)
        safe.addRow(self.tr("Channels"), self.channels)
        safe.addRow(self.not_asked)
        safe.addRow(self.tr("Safe &times"), self.field("safe_times", self.safe_times))
        safe.addRow(self.tr("Code wor&d"), self.field("code_word", code_box))
        safe.addRow(self.tr("Other safety notes"), self.field("other", self.other))

        about_box = QGroupBox(self.tr("About them"))
        about_box.setLayout(about)
        work_box = QGroupBox(self.tr("Casework"))
        work_box.setLayout(work)
        safe_box = QGroupBox(self.tr("Safe contact"))
        safe_box.setLayout(safe)
        columns = QHBoxLayout()
        columns.addWidget(about_box, 1)
        columns.addWidget(work_box, 1)

        self.save_button.setText(self.tr("Save") if peer else self.tr("Add peer"))
        self.save_button.setDefault(True)
        self.lay_out(columns, safe_box)

        self.gender.currentIndexChanged.connect(self._update)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.do_not_contact.toggled.connect(self._update)
        self.channels.on_change(self._update)
        self.birth_year.textChanged.connect(self._update)
        self.show_code.toggled.connect(lambda on: self.code_word.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        self._update()
        self.preferred_name.setFocus()

    def _status_changed(self) -> None:
        if self.selected_status() is PeerStatus.CLOSED and not self.closed_on.text():
            self.closed_on.set_date(today())
        self._update()

    def selected_status(self) -> PeerStatus:
        return PeerStatus(self.status.currentData())

    def _update(self) -> None:
        self.fields["gender_description"].setVisible(
            Gender(self.gender.currentData()) is Gender.SELF_DESCRIBED)
        closed = self.selected_status() is PeerStatus.CLOSED
        self.closed_on.setEnabled(closed)
        self.closed_reason.setEnabled(closed)
        self.channels.set_enabled(not self.do_not_contact.isChecked())
        self.channels.show_warning(asking=not self.do_not_contact.isChecked())
        self.age_band.setEnabled(not self.birth_year.text())

    # -- saving ---------------------------------------------------------------------

    def draft(self) -> PeerDraft:
        year_text = self.birth_year.text().strip()
        if year_text and not year_text.isdigit():
            raise ValidationError(self.tr("Year of birth must be a year such as 1991."),
                                  field="birth_year")
        status = self.selected_status()
        return PeerDraft(
            preferred_name=self.preferred_name.text(),
            full_name=self.full_name.text(),
            first_contact=self.first_contact.value(what="First contact date",
                                                   field="first_contact") or today(),
            contact_route=ContactRoute(self.contact_route.currentData()),
            birth_year=int(year_text) if year_text else None,
            age_band=AgeBand(self.age_band.currentData()),
            gender=Gender(self.gender.currentData()),
            gender_description=self.gender_description.text(),
            languages=self.languages.text(),
            nationality=self.nationality.text(),
            status=status,
            closed_on=(self.closed_on.value(what="Closed date", field="closed_on")
                       if status is PeerStatus.CLOSED else None),
            closed_reason=self.closed_reason.text() if status is PeerStatus.CLOSED else "",
            caseworker_id=self.caseworker.currentData(),
            supporter_id=self.supporter.currentData(),
        )

    def prefs(self) -> SafeContact:
        return self.channels.safe_contact(
            do_not_contact=self.do_not_contact.isChecked(),
            safe_times=self.safe_times.text(),
            code_word=self.code_word.text(), other=self.other.text(),
        ).validated()

    def show_problem(self, exc: PeerDeskError) -> None:
        name = getattr(exc, "field", None)
        if name == "name" and exc.user_message.startswith("Full name"):
            show_problem(self.fields, self.error, exc, {"name": "full_name"})
        else:
            super().show_problem(exc)

    def save(self) -> int:
        draft = self.draft()
        prefs = self.prefs()
        if self.peer is None:
            return self.add_peer(draft, prefs)
        peer_id = self.peer.id
        assert isinstance(peer_id, int)  # the vault's; another store's form saves its own way
        peers.update(self.session, peer_id, draft)
        if prefs != self.original_prefs:
            peers.set_safe_contact(self.session, peer_id, prefs)
        return peer_id

    def add_peer(self, draft: PeerDraft, prefs: SafeContact) -> int:
        """Add the new peer; a subclass may add them from somewhere (services.became_peer)."""
        return peers.create(self.session, draft, safe_contact=prefs)

