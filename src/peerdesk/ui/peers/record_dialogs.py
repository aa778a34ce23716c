"""Add consent, a referral or an outcome rating to a peer's record."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from peerdesk.domain.consent import ConsentDraft, ConsentScope
from peerdesk.domain.errors import ValidationError
from peerdesk.domain.outcomes import Measure, RatingDraft, show_scores
from peerdesk.domain.referral import ReferralDestination, ReferralDraft, ReferralStatus
from peerdesk.services import casework
from peerdesk.services.casework import StoredReferral
from peerdesk.services.peers import StoredRating
from peerdesk.services.session import Session
from peerdesk.ui.contacts.directory_picker import ServicePick
from peerdesk.ui.fields import keep_long_text
from peerdesk.ui.form_dialog import FormDialog
from peerdesk.ui.peers.forms import DateField, enum_combo, today


class RecordDialog(FormDialog):
    """Save runs `save()`; a ValidationError stays beside its field and nothing is lost."""

    saved = Signal()  # the peer's page reloads; no id needed

    def __init__(self, session: Session, peer_id: int, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.peer_id = peer_id
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.form = QFormLayout()
        self.save_button.setDefault(True)
        self.lay_out(self.form, stretch=True)

    def add(self, label: str, name: str, widget: QWidget, hint: str = "") -> None:
        self.form.addRow(label, self.field(name, widget, hint))

    def announce(self, saved_id: object) -> None:
        self.saved.emit()


class ConsentDialog(RecordDialog):
    def __init__(self, session: Session, peer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, peer_id, self.tr("Record consent"), parent)
        self.scope = enum_combo([(s.label, s.value) for s in ConsentScope])
        self.given_on = DateField(today())
        self.review_on = DateField(optional=True)
        self.add(self.tr("Consent to"), "scope", self.scope)
        self.add(self.tr("&Given on"), "given_on", self.given_on)
        self.add(self.tr("&Review by"), "review_on", self.review_on,
                 self.tr("Leave empty if it does not need reviewing."))
        self.scope.setFocus()
        keep_long_text(self)

    def save(self) -> None:
        casework.add_consent(self.session, ConsentDraft(
            peer_id=self.peer_id, scope=ConsentScope(self.scope.currentData()),
            given_on=self.given_on.value(what="Consent date", field="given_on") or today(),
            review_on=self.review_on.value(what="Review date", field="review_on")))


class ReferralDialog(RecordDialog):
    """Add a referral, or correct a saved one (`stored`)."""

    def __init__(self, session: Session, peer_id: int, parent: QWidget | None = None, *,
                 stored: StoredReferral | None = None) -> None:
        super().__init__(session, peer_id, self.tr("Correct a referral") if stored
                         else self.tr("Add a referral"), parent)
        self.stored = stored
        d = stored.draft if stored else None
        self.destination = enum_combo([(x.label, x.value) for x in ReferralDestination],
                                      d.destination.value if d else None)
        # From the signposting directory, or typed when the service isn't in it.
        self.destination_name = ServicePick(session)
        if d is not None:
            self.destination_name.set_value(d.destination_name, d.directory_entry_id)
        self.made_on = DateField(d.made_on if d else today())
        self.status = enum_combo([(x.value.capitalize(), x.value) for x in ReferralStatus],
                                 d.status.value if d else None)
        self.add(self.tr("Referred &to"), "destination", self.destination)
        self.add(self.tr("&Where"), "destination_name", self.destination_name)
        self.add(self.tr("&Date"), "made_on", self.made_on)
        self.add(self.tr("&Status"), "status", self.status)
        self.destination.setFocus()
        keep_long_text(self)

    def save(self) -> None:
        draft = ReferralDraft(
            peer_id=self.peer_id,
            made_on=self.made_on.value(what="Referral date", field="made_on") or today(),
            destination=ReferralDestination(self.destination.currentData()),
            destination_name=self.destination_name.text(),
            status=ReferralStatus(self.status.currentData()),
            directory_entry_id=self.destination_name.entry_id)
        if self.stored is not None:
            casework.edit_referral(self.session, self.stored.id, draft)
        else:
            casework.add_referral(self.session, draft)


class RatingDialog(RecordDialog):
    """One answer per question of the chosen measure, or "Declined" for it.

    Nothing is pre-filled: a question left untouched stops the save (an untouched form
    once saved as all zeros). With `rating`, it corrects that rating and asks why.
    """

    def __init__(self, session: Session, peer_id: int, measures: list[Measure],
                 current: str | None = None, parent: QWidget | None = None, *,
                 rating: StoredRating | None = None) -> None:
        super().__init__(session, peer_id, self.tr("Correct a rating") if rating
                         else self.tr("Record a rating"), parent)
        self.setMinimumWidth(600)
        self.rating = rating
        self.measures = measures
        self.measure = QComboBox()
        for m in measures:
            self.measure.addItem(m.title, m.key)
        if rating is not None:
            current = rating.measure_key
        if current:
            self.measure.setCurrentIndex(max(0, self.measure.findData(current)))
        self.measure.setEnabled(rating is None)  # a correction keeps its measure
        self.rated_on = DateField(rating.rated_on if rating else today())
        self.add(self.tr("&Measure"), "measure", self.measure)
        self.add(self.tr("&Date"), "rated_on", self.rated_on)
        self.questions = QFormLayout()
        self.spins: list[QSpinBox] = []
        self.declined: list[QCheckBox] = []
        holder = QWidget()
        holder.setLayout(self.questions)
        self.add("", "scores", holder)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why it is being corrected"))
        if rating is not None:
            self.add(self.tr("&Reason *"), "reason", self.reason)
        else:
            self.reason.hide()
        self.measure.currentIndexChanged.connect(self._build)
        self._build()
        if rating is not None:
            for spin, box, score in zip(self.spins, self.declined, rating.scores, strict=False):
                if score is None:
                    box.setChecked(True)
                else:
                    spin.setValue(score)
        self.measure.setFocus()
        keep_long_text(self)

    def selected(self) -> Measure:
        return self.measures[self.measure.currentIndex()]

    def _build(self) -> None:
        while self.questions.rowCount():
            self.questions.removeRow(0)
        self.spins = []
        self.declined = []
        m = self.selected()
        for number, item in enumerate(m.items, start=1):
            spin = QSpinBox()
            # One below the lowest answer means "not answered yet", shown as a dash.
            spin.setRange(m.low - 1, m.high)
            spin.setSpecialValueText(self.tr("— choose —"))
            spin.setValue(m.low - 1)
            spin.setSuffix(f"  ({m.low}–{m.high})")
            spin.setAccessibleName(item)
            declined = QCheckBox(self.tr("Declined to answer"))
            declined.setAccessibleName(self.tr("Declined to answer question {n}").format(
                n=number))
            declined.toggled.connect(lambda on, s=spin: s.setEnabled(not on))
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(spin, 1)
            row.addWidget(declined)
            box = QWidget()
            box.setLayout(row)
            label = QLabel(f"{number}. {item}")
            label.setWordWrap(True)
            label.setBuddy(spin)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            self.questions.addRow(label, box)
            self.spins.append(spin)
            self.declined.append(declined)

    def answers(self) -> tuple[int | None, ...]:
        """Each question's answer, None where declined; refuses a question left untouched."""
        m = self.selected()
        found: list[int | None] = []
        for number, (spin, declined) in enumerate(zip(self.spins, self.declined, strict=True),
                                                  start=1):
            if declined.isChecked():
                found.append(None)
            elif spin.value() < m.low:
                raise ValidationError(self.tr(
                    "Question {n} has no answer: choose one, or tick “Declined to answer”."
                ).format(n=number), field="scores")
            else:
                found.append(spin.value())
        return tuple(found)

    def save(self) -> None:
        draft = RatingDraft(
            peer_id=self.peer_id, worker_id=self.session.staff.id, measure=self.selected(),
            rated_on=self.rated_on.value(what="Rating date", field="rated_on") or today(),
            scores=self.answers())
        if self.rating is None:
            casework.add_rating(self.session, draft)
        else:
            casework.correct_rating(self.session, self.rating.id, draft, self.reason.text())


class DeleteRatingDialog(RecordDialog):
    """Delete a rating, saying why: it leaves the record and every figure, kept traceable."""

    def __init__(self, session: Session, peer_id: int, rating: StoredRating, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, peer_id, self.tr("Delete a rating"), parent)
        self.rating = rating
        about = QLabel(self.tr("{title} of {date}: {answers}").format(
            title=title, date=rating.rated_on.isoformat(), answers=show_scores(rating.scores)))
        about.setWordWrap(True)
        self.form.addRow(about)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why it is being deleted"))
        self.add(self.tr("&Reason *"), "reason", self.reason)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("Delete rating"))
        self.reason.setFocus()
        keep_long_text(self)

    def save(self) -> None:
        casework.delete_rating(self.session, self.rating.id, self.reason.text())
