"""The Peers' voice page: mentoring pairs, consultations ("you said, we did"),
feedback and quotes.

Programme leads and caseworkers (casework: an administrator holds no key to
it); only a programme lead approves a quote for reports. The services refuse
the rest whatever this page shows. Keys: Ctrl+F searches the open tab's list,
Ctrl+N adds to it, Enter (or a double-click) opens the chosen row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import IntEnum
from operator import attrgetter
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.voice import ActionStatus
from peerdesk.services import voice
from peerdesk.services.session import Session
from peerdesk.ui.change_bus import AUDIT, ChangeBus
from peerdesk.ui.errors import ask_to_confirm, run_service, show_error
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP, plural
from peerdesk.ui.page_header import MainPage, PageHeader, Present, page_layout, search_box
from peerdesk.ui.peers.forms import muted
from peerdesk.ui.save_as import save_as
from peerdesk.ui.table_model import ROW_ROLE, Column, RowTableModel, sorting_filter
from peerdesk.ui.table_view import list_view
from peerdesk.ui.voice.dialogs import ConsultationDialog, FeedbackDialog, PairDialog, QuoteDialog
from peerdesk.ui.voice.labels import (
    benefits_text,
    method_label,
    source_label,
    status_label,
    warnings_text,
)

VOICE = "voice"  # what a change announces on the change bus


def can_see(session: Session) -> bool:
    return voice.can_use(session)


PairColumn = IntEnum("PairColumn", "MENTEE MENTOR STARTS ENDS MEETINGS GOALS", start=0)


class PairModel(RowTableModel[voice.PairRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column(QT_TRANSLATE_NOOP("TableHeader", "Peer mentored"), attrgetter("mentee"),
                   sample="Tomás Herrera (P-0042)__"),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Mentor"), self._mentor,
                   sample="Tomás Herrera (peer)__"),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Starts"),
                   lambda row: row.pair.draft.starts_on.isoformat()),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Ends"),
                   lambda row: row.pair.draft.ends_on.isoformat()
                   if row.pair.draft.ends_on else "—"),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Meetings"),
                   lambda row: str(row.pair.meetings), sort=lambda row: row.pair.meetings,
                   number=True),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Goals"),
                   lambda row: row.pair.draft.goals.replace("\n", " "), stretch=True),
        )

    def _mentor(self, row: voice.PairRow) -> str:
        return row.mentor + (self.tr(" (peer)") if row.mentor_is_peer else "")


ConsultationColumn = IntEnum("ConsultationColumn", "HELD METHOD TOPIC HEADCOUNT STATUS ACTION",
                             start=0)


def _action(row: voice.StoredConsultation) -> str:
    d = row.draft
    return (d.why_not if d.status is ActionStatus.WONT_DO else d.action).replace("\n", " ")


class ConsultationModel(RowTableModel[voice.StoredConsultation]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Date"),
               lambda row: row.draft.held_on.isoformat()),
        Column(QT_TRANSLATE_NOOP("TableHeader", "How"),
               lambda row: method_label(row.draft.method), fit=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Topic"), lambda row: row.draft.topic,
               sample="The waiting room and opening hours"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Took part"),
               lambda row: str(row.draft.headcount), sort=lambda row: row.draft.headcount,
               number=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Status"),
               lambda row: status_label(row.draft.status), fit=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "We did / will do"), _action, stretch=True),
    )


FeedbackColumn = IntEnum("FeedbackColumn", "GIVEN SOURCE BENEFITS HELPED", start=0)


def _benefits(row: voice.StoredFeedback) -> str:
    return benefits_text(row.draft.benefits) or "—"


class FeedbackModel(RowTableModel[voice.StoredFeedback]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "Date"),
               lambda row: row.draft.given_on.isoformat()),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Filled in"),
               lambda row: source_label(row.draft.source), fit=True),
        Column(QT_TRANSLATE_NOOP("TableHeader", "What changed"), _benefits,
               sample="Less isolation, Trust in themselves and others"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "What helped"),
               lambda row: (row.draft.helped or row.draft.comments).replace("\n", " "),
               stretch=True),
    )


QuoteColumn = IntEnum("QuoteColumn", "SAID PEER WORDS CHECK APPROVED CONSENT", start=0)


class QuoteModel(RowTableModel[voice.QuoteRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column(QT_TRANSLATE_NOOP("TableHeader", "Said on"),
                   lambda row: row.quote.said_on.isoformat()),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Peer"), attrgetter("peer")),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Words"),
                   lambda row: row.quote.words.replace("\n", " "), stretch=True),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Name check"), self._check),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Approved"), self._approved),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Consent"),
                   lambda row: self.tr("Current") if row.consent_current
                   else self.tr("Withdrawn")),
        )

    def _check(self, row: voice.QuoteRow) -> str:
        flags = row.quote.flags
        return self.tr("May identify: %s") % warnings_text(flags) if flags else "—"

    def _approved(self, row: voice.QuoteRow) -> str:
        q = row.quote
        return (q.approved_at or "")[:10] if q.approved else self.tr("Not yet")


class _ListTab(QWidget):
    """A searchable, sortable list with its buttons above it."""

    def __init__(self, model: RowTableModel[Any], name: str, search_hint: str,
                 sort_column: int, note: str = "") -> None:
        super().__init__()
        self.model = model
        self.proxy = sorting_filter(model, self)
        self.view = list_view(self.proxy, name, sorting=True)
        self.view.sortByColumn(sort_column, Qt.SortOrder.DescendingOrder)
        self.search = search_box(search_hint, name + " — search")
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.buttons = QHBoxLayout()
        self.column = layout = QVBoxLayout(self)
        layout.addLayout(self.buttons)
        layout.addWidget(self.search)
        if note:
            layout.addWidget(muted(note))
        layout.addWidget(self.view, 1)

    def add_button(self, button: QPushButton) -> QPushButton:
        self.buttons.addWidget(button)
        return button

    def finish(self) -> None:
        self.buttons.addStretch(1)

    def selected(self) -> Any:
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None


class VoicePage(MainPage):
    def __init__(self, session: Session, bus: ChangeBus, present: Present | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, bus, present, parent)
        self.approver = voice.can_approve(session)
        layout = page_layout(self, PageHeader(self.tr("Peers' voice")))
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        self.pairs = _ListTab(PairModel(self), self.tr("Mentoring pairs"),
                              self.tr("Search by peer, mentor or goals (Ctrl+F)"),
                              PairColumn.STARTS, self.tr(
                                  "Meetings are the peer's one-to-one sessions of kind "
                                  "Mentoring between the pair's dates."))
        self.add_pair_button = self.pairs.add_button(QPushButton(self.tr("&Start a pair…")))
        self.change_pair_button = self.pairs.add_button(QPushButton(self.tr("C&hange…")))
        self.pairs.finish()
        self.add_pair_button.clicked.connect(self.start_pair)
        self.change_pair_button.clicked.connect(self.change_pair)
        self.pairs.view.activated.connect(lambda _i: self.change_pair())
        self.tabs.addTab(self.pairs, self.tr("&Mentoring"))

        self.consultations = _ListTab(
            ConsultationModel(self), self.tr("Consultations"),
            self.tr("Search by topic, method, status or action (Ctrl+F)"),
            ConsultationColumn.HELD, self.tr("You said, we did: what peers told us and what "
                                             "the centre did about it."))
        self.add_consultation_button = self.consultations.add_button(
            QPushButton(self.tr("&Record a consultation…")))
        self.said_did_button = self.consultations.add_button(
            QPushButton(self.tr("&You said, we did")))
        self.said_did_button.setCheckable(True)
        self.said_did_pdf_button = self.consultations.add_button(
            QPushButton(self.tr("Save “you said, we did” as &PDF…")))
        self.said_did_pdf_button.setToolTip(self.tr(
            "What peers said is printed as it was written: read it over before pinning it "
            "up."))
        self.said_did_pdf_button.clicked.connect(self._save_said_did)
        self.consultations.finish()
        self.add_consultation_button.clicked.connect(self.record_consultation)
        self.said_did_button.toggled.connect(lambda _on: self.reload())
        self.consultations.view.activated.connect(lambda _i: self.change_consultation())
        self.tabs.addTab(self.consultations, self.tr("&Consultations"))

        self.feedback = _ListTab(FeedbackModel(self), self.tr("Feedback forms"),
                                 self.tr("Search by what changed or what helped (Ctrl+F)"),
                                 FeedbackColumn.GIVEN)
        self.add_feedback_button = self.feedback.add_button(
            QPushButton(self.tr("&Enter a feedback form…")))
        self.delete_feedback_button = self.feedback.add_button(
            QPushButton(self.tr("&Delete…")))
        self.feedback.finish()
        self.add_feedback_button.clicked.connect(self.enter_feedback)
        self.delete_feedback_button.clicked.connect(self.delete_feedback)
        self.feedback.view.activated.connect(self._show_feedback)
        self.feedback_text = QTextBrowser()
        self.feedback_text.setAccessibleName(self.tr("Feedback form"))
        self.feedback_text.setMaximumHeight(120)
        self.feedback.column.addWidget(self.feedback_text)
        self.tabs.addTab(self.feedback, self.tr("&Feedback"))

        self.quotes = _ListTab(QuoteModel(self), self.tr("Quotes"),
                               self.tr("Search by peer, words or check (Ctrl+F)"),
                               QuoteColumn.SAID, self.tr(
                                   "A report's “In their words” page prints approved quotes "
                                   "whose consent is current when it is printed."))
        self.add_quote_button = self.quotes.add_button(QPushButton(self.tr("Save a &quote…")))
        self.change_quote_button = self.quotes.add_button(QPushButton(self.tr("Chan&ge…")))
        self.approve_button = self.quotes.add_button(QPushButton(self.tr("&Approve")))
        self.unapprove_button = self.quotes.add_button(
            QPushButton(self.tr("&Withdraw approval")))
        self.delete_quote_button = self.quotes.add_button(QPushButton(self.tr("&Delete…")))
        self.quotes.finish()
        self.delete_quote_button.clicked.connect(self.delete_quote)
        self.approve_button.setVisible(self.approver)
        self.unapprove_button.setVisible(self.approver)
        self.add_quote_button.clicked.connect(self.save_quote)
        self.change_quote_button.clicked.connect(self.change_quote)
        self.approve_button.clicked.connect(self.approve)
        self.unapprove_button.clicked.connect(self.withdraw_approval)
        self.quotes.view.activated.connect(lambda _i: self.change_quote())
        self.tabs.addTab(self.quotes, self.tr("&Quotes"))

        for keys, action in ((QKeySequence.StandardKey.Find, self._focus_search),
                             (QKeySequence.StandardKey.New, self._add_here)):
            QShortcut(QKeySequence(keys), self, action,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Loaded when shown (each load is an audited view), and again when something
        # changes while it is on screen.
        bus.changed.connect(self._on_changed)

    def _on_changed(self, _topic: str) -> None:
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    # -- loading --------------------------------------------------------------------

    def reload(self) -> None:
        if self.session is None:
            return
        try:
            self.pairs.model.set_rows(voice.pairs(self.session))
            found = (voice.you_said_we_did(self.session) if self.said_did_button.isChecked()
                     else voice.consultations(self.session))
            self.consultations.model.set_rows(found)
            self.feedback.model.set_rows(voice.feedback(self.session))
            self.quotes.model.set_rows(voice.quotes(self.session))
        except PeerDeskError as exc:
            show_error(self, exc)

    def clear_data(self) -> None:
        self.session = None
        for tab in (self.pairs, self.consultations, self.feedback, self.quotes):
            tab.model.clear()
            tab.search.clear()
        self.feedback_text.clear()

    def _current_tab(self) -> _ListTab:
        tab = self.tabs.currentWidget()
        assert isinstance(tab, _ListTab)
        return tab

    def _focus_search(self) -> None:
        self._current_tab().search.setFocus()

    def _add_here(self) -> None:
        {self.pairs: self.start_pair, self.consultations: self.record_consultation,
         self.feedback: self.enter_feedback, self.quotes: self.save_quote
         }[self._current_tab()]()

    # -- dialogs ----------------------------------------------------------------------

    def _dialog(self, dialog: QDialog) -> QDialog:
        dialog.saved.connect(self._changed)  # type: ignore[attr-defined]
        return self.open_dialog(dialog)

    def _changed(self, *_args: object) -> None:
        self.bus.changed.emit(VOICE)  # reloads this page too, while it is on screen

    def _chosen(self, tab: _ListTab, what: str) -> Any:
        row = tab.selected()
        if row is None:
            show_error(self, what)
        return row

    def _open_new(self, form: Callable[[Session], QDialog]) -> QDialog | None:
        """`form` opened empty, to add a record to one of the lists."""
        if self.session is None:
            return None
        return self._dialog(form(self.session))

    def _open_chosen(self, tab: _ListTab, what: str,
                     form: Callable[[Session, Any], QDialog]) -> QDialog | None:
        """`form` opened on the row chosen in `tab`; `what` says to choose one first."""
        row = self._chosen(tab, what)
        if row is None or self.session is None:
            return None
        return self._dialog(form(self.session, row))

    def start_pair(self) -> QDialog | None:
        return self._open_new(PairDialog)

    def change_pair(self) -> QDialog | None:
        return self._open_chosen(self.pairs, self.tr("Choose a pair in the list first."),
                                 PairDialog)

    def record_consultation(self) -> QDialog | None:
        return self._open_new(ConsultationDialog)

    def change_consultation(self) -> QDialog | None:
        return self._open_chosen(
            self.consultations, self.tr("Choose a consultation in the list first."),
            ConsultationDialog)

    def save_said_did_to(self, path: Path) -> int:
        assert self.session is not None
        return voice.save_said_did_pdf(self.session, path)

    def _save_said_did(self) -> None:
        if self.session is not None and save_as(
                self, self.tr("Save “you said, we did”"), "you-said-we-did.pdf", "PDF (*.pdf)",
                self.save_said_did_to):
            self.bus.changed.emit(AUDIT)

    def enter_feedback(self) -> QDialog | None:
        return self._open_new(FeedbackDialog)

    def _show_feedback(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, voice.StoredFeedback):
            return
        d = row.draft
        benefits = benefits_text(d.benefits)
        parts = [f"{d.given_on.isoformat()} · {source_label(d.source)}"]
        if benefits:
            parts.append(self.tr("What changed: %s") % benefits)
        if d.helped:
            parts.append(self.tr("What helped: %s") % d.helped)
        if d.comments:
            parts.append(self.tr("Anything else: %s") % d.comments)
        self.feedback_text.setPlainText("\n\n".join(parts))

    def save_quote(self) -> QDialog | None:
        return self._open_new(QuoteDialog)

    def change_quote(self) -> QDialog | None:
        return self._open_chosen(self.quotes, self.tr("Choose a quote in the list first."),
                                 QuoteDialog)

    def approve(self) -> Any:
        """Approve the chosen quote; when the name check finds something, ask first."""
        row = self._chosen(self.quotes, self.tr("Choose a quote in the list first."))
        if row is None or self.session is None:
            return None
        try:
            flags = voice.check_words(self.session, row.quote.words)
        except PeerDeskError as exc:
            show_error(self, exc)
            return None
        if flags:
            return ask_to_confirm(
                self, self.tr("Approve the quote"),
                self.tr("This quote may identify someone: it contains %s. Approve it for "
                        "reports anyway?") % warnings_text(flags),
                self.tr("Approve anyway"), lambda: self._run(voice.approve_quote, row.id))
        self._run(voice.approve_quote, row.id)
        return None

    def delete_feedback(self) -> Any:
        row = self._chosen(self.feedback, self.tr("Choose a form in the list first."))
        if row is None:
            return None
        return ask_to_confirm(self, self.tr("Delete the form"),
                              self.tr("Delete this feedback form? This can't be undone."),
                              self.tr("Delete"), lambda: self._run(voice.delete_feedback,
                                                                   row.id))

    def delete_quote(self) -> Any:
        """For a quote a peer asks to have removed, or one saved by mistake."""
        row = self._chosen(self.quotes, self.tr("Choose a quote in the list first."))
        if row is None:
            return None
        return ask_to_confirm(self, self.tr("Delete the quote"),
                              self.tr("Delete this quote? It will be in no report from now "
                                      "on. This can't be undone."),
                              self.tr("Delete"), lambda: self._run(voice.delete_quote, row.id))

    def withdraw_approval(self) -> None:
        row = self._chosen(self.quotes, self.tr("Choose a quote in the list first."))
        if row is not None:
            self._run(voice.withdraw_approval, row.id)

    def _run(self, action: Any, item_id: int) -> None:
        if run_service(self, self.session, action, item_id):
            self._changed()


def pairs_html(rows: list[voice.PairRow], on: date) -> str:
    """A peer's mentoring pairs, for their page."""
    from html import escape

    from PySide6.QtCore import QCoreApplication

    if not rows:
        return ""
    items = []
    for r in rows:
        d = r.pair.draft
        span = f"{d.starts_on.isoformat()} – {d.ends_on.isoformat() if d.ends_on else '…'}"
        state = (QCoreApplication.translate("VoicePage", "active") if r.active_on(on)
                 else QCoreApplication.translate("VoicePage", "ended")
                 if d.ends_on and d.ends_on < on
                 else QCoreApplication.translate("VoicePage", "not started"))
        who = QCoreApplication.translate("VoicePage", "{mentee} mentored by {mentor}").format(
            mentee=f"<b>{escape(r.mentee)}</b>", mentor=f"<b>{escape(r.mentor)}</b>")
        meetings = plural(r.pair.meetings,
                          QCoreApplication.translate("VoicePage", "{n} meeting"),
                          QCoreApplication.translate("VoicePage", "{n} meetings"))
        goals = ("<br/>" + escape(QCoreApplication.translate("VoicePage", "Goals: {goals}")
                                  .format(goals=d.goals)) if d.goals else "")
        items.append(f"<li>{who} · {span} ({state}) · {meetings}{goals}</li>")
    return "<ul>" + "".join(items) + "</ul>"
