"""Forms for mentoring pairs, consultations, feedback and quotes; messages at the field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, ValidationError
from peerdesk.domain.voice import (
    HEADCOUNT_MAX,
    QUOTE_MAX,
    ActionStatus,
    Benefit,
    ConsultationDraft,
    ConsultationMethod,
    FeedbackDraft,
    FeedbackSource,
    MentoringDraft,
    QuoteDraft,
)
from peerdesk.services import voice
from peerdesk.services.session import Session
from peerdesk.ui.form_dialog import STAY_OPEN, HeadedFormDialog
from peerdesk.ui.peers.forms import DateField, enum_combo, today
from peerdesk.ui.supporters.dialogs import tick_list, ticked
from peerdesk.ui.voice.labels import (
    benefit_label,
    method_label,
    source_label,
    status_label,
    warnings_text,
)


def searchable(combo: QComboBox) -> QComboBox:
    """Type any part of a name or reference to find it in a long list of people."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    if completer is not None:
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return combo


def chosen(combo: QComboBox, *, field: str, message: str) -> object:
    """The item chosen; a message at the field when the typed text is not one of them
    (so a half-typed name never saves the person chosen before)."""
    index = combo.currentIndex()
    if index < 0 or combo.currentText() != combo.itemText(index) or combo.itemData(index) is None:
        raise ValidationError(message, field=field)
    return combo.itemData(index)


def _text(value: str = "", height: int = 70, name: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit(value)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    if name:
        box.setAccessibleName(name)
    return box


class PairDialog(HeadedFormDialog):
    """Start or change a mentoring pair. A mentee can be fixed (from the peer's page)."""

    def __init__(self, session: Session, pair: voice.PairRow | None = None, *,
                 mentee_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Change the mentoring pair") if pair
                         else self.tr("Start a mentoring pair"), parent)
        self.pair = pair
        d = pair.pair.draft if pair else None
        peers = voice.peer_choices(session)
        self.mentee = searchable(enum_combo([(self.tr("Choose a peer…"), None)]
                                            + [(c.label, c.id) for c in peers],
                                            d.mentee_id if d else mentee_id))
        self.mentee.setEnabled(pair is None)
        kinds = QWidget()
        row = QHBoxLayout(kinds)
        row.setContentsMargins(0, 0, 0, 0)
        self.by_supporter = QRadioButton(self.tr("A &supporter"))
        self.by_peer = QRadioButton(self.tr("An e&xperienced peer"))
        group = QButtonGroup(self)
        group.addButton(self.by_supporter)
        group.addButton(self.by_peer)
        row.addWidget(self.by_supporter)
        row.addWidget(self.by_peer)
        row.addStretch(1)
        self.supporter = searchable(enum_combo(
            [(self.tr("Choose a supporter…"), None)]
            + [(c.label, c.id) for c in voice.mentor_choices(session)],
            d.mentor_supporter_id if d else None))
        self.mentor_peer = searchable(enum_combo([(self.tr("Choose a peer…"), None)]
                                                 + [(c.label, c.id) for c in peers],
                                                 d.mentor_peer_id if d else None))
        mentor = QWidget()
        m = QHBoxLayout(mentor)
        m.setContentsMargins(0, 0, 0, 0)
        m.addWidget(kinds)
        m.addWidget(self.supporter, 1)
        m.addWidget(self.mentor_peer, 1)
        is_peer = bool(d and d.mentor_peer_id is not None)
        self.by_peer.setChecked(is_peer)
        self.by_supporter.setChecked(not is_peer)
        self.by_supporter.toggled.connect(self._mentor_kind)
        self._mentor_kind()
        self.start = DateField(d.starts_on if d else today())
        self.end = DateField(d.ends_on if d else None, optional=True)
        self.goals = _text(d.goals if d else "", 90, self.tr("Goals"))
        self.add(self.tr("&Peer mentored"), "mentee", self.mentee)
        self.add(self.tr("&Mentor"), "mentor", mentor)
        self.add(self.tr("S&tarts on"), "starts_on", self.start)
        self.add(self.tr("&Ends on"), "ends_on", self.end,
                 self.tr("Optional. Meetings are the peer's sessions of kind Mentoring "
                         "between these dates."))
        self.add(self.tr("&Goals"), "goals", self.goals)

    def _mentor_kind(self) -> None:
        self.supporter.setVisible(self.by_supporter.isChecked())
        self.mentor_peer.setVisible(not self.by_supporter.isChecked())

    def draft(self) -> MentoringDraft:
        start = self.start.value(what="Start date", field="starts_on")
        assert start is not None
        end = self.end.value(what="End date", field="ends_on")
        mentee = chosen(self.mentee, field="mentee", message="Choose the peer being mentored.")
        mentor = chosen(self.supporter if self.by_supporter.isChecked() else self.mentor_peer,
                        field="mentor",
                        message="Choose a mentor: a supporter or an experienced peer.")
        supporter = mentor if self.by_supporter.isChecked() else None
        peer = mentor if self.by_peer.isChecked() else None
        return MentoringDraft(int(str(mentee)), start,
                              int(str(supporter)) if supporter is not None else None,
                              int(str(peer)) if peer is not None else None, end,
                              self.goals.toPlainText())

    def save(self) -> int:
        return self.add_or_change(self.pair.id if self.pair else None, self.draft(),
                                  voice.add_pair, voice.change_pair)


class ConsultationDialog(HeadedFormDialog):
    def __init__(self, session: Session, found: voice.StoredConsultation | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Change the consultation") if found
                         else self.tr("Record a consultation"), parent)
        self.found = found
        d = found.draft if found else None
        self.held = DateField(d.held_on if d else today())
        self.method = enum_combo([(method_label(m), m.value) for m in ConsultationMethod],
                                 d.method.value if d else ConsultationMethod.GROUP_DISCUSSION.value)
        self.topic = QLineEdit(d.topic if d else "")
        self.headcount = QSpinBox()
        self.headcount.setRange(0, HEADCOUNT_MAX)
        self.headcount.setValue(d.headcount if d else 0)
        self.said = _text(d.said if d else "", 80, self.tr("What peers said"))
        self.action = _text(d.action if d else "", 60, self.tr("What we will do"))
        self.status = enum_combo([(status_label(s), s.value) for s in ActionStatus],
                                 d.status.value if d else ActionStatus.PLANNED.value)
        self.why_not = _text(d.why_not if d else "", 50, self.tr("Why not"))
        self.add(self.tr("&Date"), "held_on", self.held)
        self.add(self.tr("&How peers were asked"), "method", self.method)
        self.add(self.tr("&Topic"), "topic", self.topic)
        self.add(self.tr("How many took &part"), "headcount", self.headcount,
                 self.tr("A head-count only: no names."))
        self.add(self.tr("What peers &said"), "said", self.said)
        self.add(self.tr("What we will &do"), "action", self.action)
        self.add(self.tr("St&atus"), "status", self.status)
        self.add(self.tr("&Why not"), "why_not", self.why_not,
                 self.tr("Needed when it won't be done: peers are told why."))

    def save(self) -> int:
        held = self.held.value(what="Date", field="held_on")
        assert held is not None
        draft = ConsultationDraft(held, ConsultationMethod(self.method.currentData()),
                                  self.topic.text(), self.headcount.value(),
                                  self.said.toPlainText(), self.action.toPlainText(),
                                  ActionStatus(self.status.currentData()),
                                  self.why_not.toPlainText())
        return self.add_or_change(self.found.id if self.found else None, draft,
                                  voice.add_consultation, voice.change_consultation)


class FeedbackDialog(HeadedFormDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Enter a feedback form"), parent)
        self.given = DateField(today())
        self.source = enum_combo([(source_label(s), s.value) for s in FeedbackSource],
                                 FeedbackSource.ANONYMOUS.value)
        self.benefits = tick_list([(benefit_label(b), b.value) for b in Benefit], set(),
                                  self.tr("What changed for them"))
        self.helped = _text("", 60, self.tr("What helped"))
        self.comments = _text("", 60, self.tr("Anything else"))
        self.add(self.tr("&Date"), "given_on", self.given)
        self.add(self.tr("&Filled in"), "source", self.source)
        self.add(self.tr("What &changed for them"), "benefits", self.benefits)
        self.add(self.tr("What &helped"), "helped", self.helped)
        self.add(self.tr("Anything &else"), "comments", self.comments)

    def save(self) -> int:
        given = self.given.value(what="Date", field="given_on")
        assert given is not None
        return voice.add_feedback(self.session, FeedbackDraft(
            given, FeedbackSource(self.source.currentData()),
            frozenset(Benefit(str(b)) for b in ticked(self.benefits)),
            self.helped.toPlainText(), self.comments.toPlainText()))


class QuoteDialog(HeadedFormDialog):
    """Save a peer's words. When the name check finds something, the first Save shows
    the warning at the field and turns into "Save anyway"."""

    def __init__(self, session: Session, found: voice.QuoteRow | None = None, *,
                 peer_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Change the quote") if found else self.tr("Save a quote"),
                         parent)
        self.found = found
        self.warned_for: str | None = None
        self.peer = searchable(enum_combo(
            [(self.tr("Choose a peer…"), None)]
            + [(c.label, c.id) for c in voice.peer_choices(session)],
            found.quote.peer_id if found else peer_id))
        self.peer.setEnabled(found is None)
        self.said = DateField(found.quote.said_on if found else today())
        self.words = _text(found.quote.words if found else "", 110, self.tr("The quote"))
        self.count = QLabel()
        self.words.textChanged.connect(self._counted)
        self._counted()
        self.add(self.tr("&Peer"), "peer", self.peer,
                 self.tr("Needs their consent “May be quoted, without my name, in reports”."))
        self.add(self.tr("&Said on"), "said_on", self.said)
        self.add(self.tr("Their &words"), "words", self.words,
                 self.tr("Leave out names, places, reference codes, phone numbers and emails. "
                         "A programme lead approves each quote before a report prints it."))
        self.form.addRow("", self.count)

    def _counted(self) -> None:
        self.count.setText(self.tr("%d of %d characters") % (len(self.words.toPlainText()),
                                                               QUOTE_MAX))

    def save(self) -> object:
        words = self.words.toPlainText()
        try:
            flags = voice.check_words(self.session, words)
        except PeerDeskError:
            flags = frozenset()  # the save below says what is wrong
        if flags and self.warned_for != words:
            self.warned_for = words
            self.fields["words"].show_error(
                self.tr("This may identify someone: it contains %s. Change it, or press "
                        "Save anyway.") % warnings_text(flags))
            self.save_button.setText(self.tr("Save an&yway"))
            return STAY_OPEN
        said = self.said.value(what="Date", field="said_on")
        assert said is not None
        peer = chosen(self.peer, field="peer", message="Choose whose words these are.")
        draft = QuoteDraft(int(str(peer)), said, words)
        if self.found is None:
            return voice.add_quote(self.session, draft).id
        return voice.change_quote(self.session, self.found.id, draft).id
