"""A peer's page: safe-contact banner on top, then details, timeline and records.

Shown inside the main window (never a window of its own, so no title carries a
name). Every opening goes through `services.peers.open_page`, which audits it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.outcomes import Measure, MeasureKind, show_scores
from peerdesk.domain.peer import Gender
from peerdesk.domain.referral import ReferralStatus
from peerdesk.services import (
    access,
    audit_log,
    casework,
    casework_lists,
    erasure,
    peers,
    subject_access,
    voice,
)
from peerdesk.services.casework import StoredReferral
from peerdesk.services.peers import PeerPage as PageData
from peerdesk.services.peers import StoredRating
from peerdesk.services.session import Session
from peerdesk.ui.errors import ask_to_confirm, run_service, show_error
from peerdesk.ui.groups.peer_attendance import PeerAttendanceTab
from peerdesk.ui.i18n import plural
from peerdesk.ui.page_header import title_row
from peerdesk.ui.peers.banner import SafeContactBanner
from peerdesk.ui.peers.chart import LineChart, Series
from peerdesk.ui.peers.forms import heading, muted, start_aligned
from peerdesk.ui.peers.peer_dialog import gender_label
from peerdesk.ui.peers.record_dialogs import (
    ConsentDialog,
    DeleteRatingDialog,
    RatingDialog,
    ReferralDialog,
)
from peerdesk.ui.peers.record_models import (
    ConsentModel,
    FollowUp,
    FollowUpModel,
    RatingModel,
    ReferralColumn,
    ReferralModel,
    TimelineColumn,
    TimelineEntry,
    TimelineModel,
    TrailModel,
)
from peerdesk.ui.peers.record_requests import EraseDialog, SubjectAccessExport
from peerdesk.ui.table_model import ROW_ROLE
from peerdesk.ui.table_view import list_view
from peerdesk.ui.voice.dialogs import PairDialog, QuoteDialog
from peerdesk.ui.voice.page import pairs_html

Present = Callable[[QDialog], None]


def selected_row(view: QTableView) -> object | None:
    index = view.currentIndex()
    return index.data(ROW_ROLE) if index.isValid() else None


def session_summary(mode: str, kind: str, minutes: int) -> str:
    return f"{kind} · {mode} · {minutes} min"


def timeline_entries(page: PageData, titles: dict[str, str]) -> list[TimelineEntry]:
    entries: list[TimelineEntry] = []
    for s in page.sessions:
        d = s.draft
        detail = ", ".join(d.topics)
        text = " ".join((d.notes or d.next_steps).split())
        if text:
            detail = f"{detail} — {text}" if detail else text
        what = "Session: " + session_summary(d.mode.label, d.kind.label, d.minutes)
        entries.append(TimelineEntry(d.held_on, "session", what, detail[:160], s.worker_name,
                                     s.id, 0))
    for r in page.referrals:
        ref = r.draft
        entries.append(TimelineEntry(ref.made_on, "referral",
                                     f"Referral: {ref.destination.label}",
                                     f"{ref.destination_name} ({ref.status.value})", "", r.id, 1))
    for c in page.consents:
        entries.append(TimelineEntry(c.given_on, "consent", f"Consent: {c.scope.label}",
                                     f"review by {c.review_on}" if c.review_on else "", "",
                                     c.id, 2))
        if c.withdrawn_on is not None:
            entries.append(TimelineEntry(c.withdrawn_on, "consent",
                                         f"Consent withdrawn: {c.scope.label}", "", "", c.id, 2))
    for rating in page.ratings:
        entries.append(TimelineEntry(
            rating.rated_on, "rating",
            f"Rating: {titles.get(rating.measure_key, rating.measure_key)}",
            "Answers " + show_scores(rating.scores)
            + ("" if rating.total is None else f" (total {rating.total})")
            + (" · corrected" if rating.corrected else ""),
            "", rating.id, 3))
    for contact in page.contacts:
        # From before they became a peer: the listening service's own record of it.
        cd = contact.draft
        said = ", ".join(o.label for o in cd.outcomes.parts())
        words = " ".join(cd.notes.split())
        if words:
            said = f"{said} — {words}"
        entries.append(TimelineEntry(cd.contacted_on, "contact",
                                     f"Contact: {cd.channel.label} · {cd.minutes} min",
                                     said[:160], contact.taken_by_name, contact.id, 4))
    entries.sort(key=lambda e: (-e.when.toordinal(), e.order, -e.item_id))
    return entries


class PeerPageView(QWidget):
    """Emits `back`, `changed` (after a write) and `log_session_requested(peer_id)`."""

    back = Signal()
    changed = Signal()
    log_session_requested = Signal(int)
    edit_session_requested = Signal(int)
    edit_peer_requested = Signal(int)

    def __init__(self, session: Session, present: Present,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.present = present
        self.page: PageData | None = None
        self.measures: list[Measure] = []
        # Replaceable in tests: the platform's own save dialog.
        self.choose_save_path: Callable[..., tuple[str, str]] = QFileDialog.getSaveFileName

        # -- header ---------------------------------------------------------------
        self.back_button = QPushButton(self.tr("← Back to the list"))
        self.back_button.setToolTip(self.tr("Back to the list (Esc or Alt+Left)"))
        # A name in Arabic or Hebrew stays above its reference line, not at the far side.
        self.name = start_aligned(heading("", 5))
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = start_aligned(muted())
        self.edit_button = QPushButton(self.tr("&Edit details…"))
        self.log_button = QPushButton(self.tr("&Log session…"))
        self.log_button.setToolTip(self.tr("Log a one-to-one session (Ctrl+Shift+S)"))
        self.log_button.setStyleSheet("font-weight: bold;")
        top = title_row(self.back_button, self.name, self.subtitle)
        top.addWidget(self.edit_button)
        top.addWidget(self.log_button)
        # The person's own requests about their record: programme leads only.
        self.requests_button = QPushButton(self.tr("Re&quests"))
        requests_menu = QMenu(self.requests_button)
        self.export_action = requests_menu.addAction(
            self.tr("Export everything held (subject access)…"), self.export_everything)
        self.erase_action = requests_menu.addAction(self.tr("Erase this person…"),
                                                    self.erase_person)
        self.requests_button.setMenu(requests_menu)
        self.export_action.setVisible(subject_access.can_export(session))
        self.erase_action.setVisible(erasure.can_erase(session))
        self.requests_button.setVisible(subject_access.can_export(session)
                                        or erasure.can_erase(session))
        top.addWidget(self.requests_button)
        self.banner = SafeContactBanner()
        self.reminder = QLabel()
        self.reminder.setWordWrap(True)
        self.reminder.setStyleSheet("background: #fff8e1; border-left: 4px solid #d9a400;"
                                    " padding: 6px 10px; color: #4a3500;")
        self.reminder.setVisible(False)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._overview_tab(), self.tr("&Overview"))
        self.tabs.addTab(self._timeline_tab(), self.tr("&Timeline"))
        self.tabs.addTab(self._consent_tab(), self.tr("&Consent"))
        self.tabs.addTab(self._referral_tab(), self.tr("&Referrals"))
        self.tabs.addTab(self._outcomes_tab(), self.tr("O&utcomes"))
        self.voice_tab = self._voice_tab()
        self.tabs.addTab(self.voice_tab, self.tr("Mentorin&g && quotes"))
        self.tabs.setTabVisible(self.tabs.indexOf(self.voice_tab), voice.can_use(session))
        self.attendance_tab = PeerAttendanceTab()
        self.tabs.addTab(self.attendance_tab, self.tr("Atte&ndance"))
        self.trail_tab = self._trail_tab()
        self.tabs.addTab(self.trail_tab, self.tr("&Audit trail"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.reminder)
        layout.addWidget(self.tabs, 1)

        for keys in ("Esc", "Alt+Left"):
            QShortcut(QKeySequence(keys), self, self.back.emit,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, self.log_session,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.back_button.clicked.connect(self.back.emit)
        self.log_button.clicked.connect(self.log_session)
        self.edit_button.clicked.connect(self._edit_peer)
        self.tabs.currentChanged.connect(self._tab_changed)

    # -- tabs -------------------------------------------------------------------------

    def _overview_tab(self) -> QWidget:
        tab = QWidget()
        self.details = QFormLayout()
        self.details.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.details.setHorizontalSpacing(16)
        self.detail_labels: dict[str, QLabel] = {}
        left_keys = ("Preferred name", "Full name", "Reference", "Age", "Gender", "Languages",
                     "Nationality")
        right_keys = ("Status", "First contact", "How they came", "Caseworker",
                      "Peer supporter", "Last contact", "Next follow-up")
        columns = QHBoxLayout()
        for keys in (left_keys, right_keys):
            form = QFormLayout()
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            form.setHorizontalSpacing(14)
            for key in keys:
                value = start_aligned(QLabel())
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setWordWrap(True)
                self.detail_labels[key] = value
                label = QLabel(key)
                label.setStyleSheet("color: #555;")
                form.addRow(label, value)
            columns.addLayout(form, 1)
        self.follow_ups = FollowUpModel(self)
        self.follow_up_view = list_view(self.follow_ups, "Open follow-ups")
        self.follow_up_view.horizontalHeader().resizeSection(
            0, self.fontMetrics().horizontalAdvance("2026-11-22 (overdue)") + 24)
        self.follow_up_done = QPushButton(self.tr("Mark &done"))
        self.follow_up_empty = muted(self.tr("No open follow-ups."))
        buttons = QHBoxLayout()
        buttons.addWidget(heading(self.tr("Open follow-ups"), 1))
        buttons.addStretch(1)
        buttons.addWidget(self.follow_up_done)
        layout = QVBoxLayout(tab)
        layout.addLayout(columns)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #ddd;")
        layout.addWidget(line)
        layout.addLayout(buttons)
        layout.addWidget(self.follow_up_empty)
        layout.addWidget(self.follow_up_view, 1)
        self.follow_up_done.clicked.connect(self._follow_up_done)
        return tab

    def _timeline_tab(self) -> QWidget:
        tab = QWidget()
        self.timeline = TimelineModel(self)
        self.timeline_view = list_view(self.timeline, "Timeline")
        header = self.timeline_view.horizontalHeader()
        width = self.fontMetrics().horizontalAdvance
        header.resizeSection(TimelineColumn.DATE, width("2026-11-22") + 20)
        header.resizeSection(TimelineColumn.WHAT, width("Session: Peer support · Video call · "
                                                        "50 min") + 20)
        header.resizeSection(TimelineColumn.BY, width("Tomás Herrera") + 20)
        header.setSectionResizeMode(TimelineColumn.BY, QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        self.entry_text = QPlainTextEdit()
        self.entry_text.setReadOnly(True)
        self.entry_text.setPlaceholderText(self.tr("Choose a session to read its notes here."))
        self.entry_text.setMaximumHeight(150)
        self.entry_text.setAccessibleName(self.tr("Notes of the chosen entry"))
        self.edit_entry = QPushButton(self.tr("C&hange session…"))
        self.delete_entry = QPushButton(self.tr("Delete session…"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_entry)
        buttons.addWidget(self.delete_entry)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.timeline_view, 1)
        layout.addWidget(self.entry_text)
        layout.addLayout(buttons)
        self.timeline_view.selectionModel().selectionChanged.connect(self._entry_chosen)
        # Enter or a double-click on a session opens it for changing.
        self.timeline_view.activated.connect(lambda _i: self._edit_entry())
        self.edit_entry.clicked.connect(self._edit_entry)
        self.delete_entry.clicked.connect(self._delete_entry)
        return tab

    def _consent_tab(self) -> QWidget:
        tab = QWidget()
        self.consents = ConsentModel(self)
        self.consent_view = list_view(self.consents, "Consent records")
        add = QPushButton(self.tr("Record &consent…"))
        self.withdraw_button = QPushButton(self.tr("&Withdraw…"))
        buttons = QHBoxLayout()
        buttons.addWidget(muted(self.tr("A peer whose statistics consent is withdrawn is left "
                                        "out of every report.")), 1)
        buttons.addWidget(add)
        buttons.addWidget(self.withdraw_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.consent_view, 1)
        layout.addLayout(buttons)
        add.clicked.connect(lambda: self._open_dialog(ConsentDialog))
        self.consent_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.withdraw_button.clicked.connect(self._withdraw)
        return tab

    def _voice_tab(self) -> QWidget:
        """The mentoring pairs the peer is in (as mentee or mentor) and their quotes."""
        tab = QWidget()
        self.pairs_text = QTextBrowser()
        self.pairs_text.setAccessibleName(self.tr("Mentoring pairs"))
        self.quotes_text = QTextBrowser()
        self.quotes_text.setAccessibleName(self.tr("Quotes"))
        self.pair_button = QPushButton(self.tr("Start a &mentoring pair…"))
        self.quote_button = QPushButton(self.tr("Save a &quote…"))
        self.pair_button.clicked.connect(self.start_pair)
        self.quote_button.clicked.connect(self.save_quote)
        buttons = QHBoxLayout()
        buttons.addWidget(muted(self.tr("Mentoring meetings are sessions of kind Mentoring. "
                                        "A quote needs their consent to be quoted.")), 1)
        buttons.addWidget(self.pair_button)
        buttons.addWidget(self.quote_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel(self.tr("Mentoring pairs")))
        layout.addWidget(self.pairs_text, 1)
        layout.addWidget(QLabel(self.tr("Their words (quotes)")))
        layout.addWidget(self.quotes_text, 1)
        layout.addLayout(buttons)
        return tab

    def _fill_voice(self, peer_id: int, on: date) -> None:
        if self.session is None or not voice.can_use(self.session):
            return
        from html import escape

        try:
            pairs = voice.pairs_for_peer(self.session, peer_id)
            quotes = voice.quotes_for_peer(self.session, peer_id)
        except PeerDeskError as exc:
            show_error(self, exc)
            return
        self.pairs_text.setHtml(pairs_html(pairs, on) or self.tr("Not in a mentoring pair."))
        self.quotes_text.setHtml("<ul>" + "".join(
            f"<li>{q.said_on.isoformat()}: “{escape(q.words)}”"
            + (" ✓" if q.approved else "") + "</li>" for q in quotes) + "</ul>"
            if quotes else self.tr("No quotes saved."))

    def start_pair(self) -> QDialog | None:
        return self._open_for_peer(
            lambda session, peer_id: PairDialog(session, mentee_id=peer_id, parent=self))

    def save_quote(self) -> QDialog | None:
        return self._open_for_peer(
            lambda session, peer_id: QuoteDialog(session, peer_id=peer_id, parent=self))

    def _referral_tab(self) -> QWidget:
        tab = QWidget()
        self.referrals = ReferralModel(self)
        self.referral_view = list_view(self.referrals, "Referrals")
        add = QPushButton(self.tr("Add &referral…"))
        self.correct_referral_button = QPushButton(self.tr("Chan&ge…"))
        self.correct_referral_button.setToolTip(self.tr(
            "Correct the selected referral's date, where to or status (Enter or double-click)"))
        self.correct_referral_button.setEnabled(False)
        header = self.referral_view.horizontalHeader()
        # "Referred to" shown whole (the full text is in each cell's tooltip too).
        for column in (ReferralColumn.DATE, ReferralColumn.TO, ReferralColumn.STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.referral_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Mark as:")))
        self.status_buttons: dict[ReferralStatus, QPushButton] = {}
        for status in ReferralStatus:
            button = QPushButton(status.value.capitalize())
            button.clicked.connect(lambda _c=False, s=status: self._set_referral_status(s))
            self.status_buttons[status] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.correct_referral_button)
        buttons.addWidget(add)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.referral_view, 1)
        layout.addLayout(buttons)
        add.clicked.connect(lambda: self._open_dialog(ReferralDialog))
        self.correct_referral_button.clicked.connect(self.correct_referral)
        self.referral_view.activated.connect(lambda _index: self.correct_referral())
        self.referral_view.selectionModel().selectionChanged.connect(self._update_buttons)
        return tab

    def _outcomes_tab(self) -> QWidget:
        tab = QWidget()
        self.measure_choice = QComboBox()
        self.measure_choice.setAccessibleName(self.tr("Measure shown in the chart"))
        self.chart = LineChart()
        self.ratings = RatingModel(self)
        self.rating_view = list_view(self.ratings, "Ratings")
        add = QPushButton(self.tr("Record a &rating…"))
        self.correct_rating_button = QPushButton(self.tr("Correct a ratin&g…"))
        self.delete_rating_button = QPushButton(self.tr("Delete a rat&ing…"))
        for button in (self.correct_rating_button, self.delete_rating_button):
            button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.measure_choice, 1)
        top.addWidget(add)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.correct_rating_button)
        actions.addWidget(self.delete_rating_button)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.chart, 2)
        layout.addWidget(self.rating_view, 1)
        layout.addLayout(actions)
        self.measure_choice.currentIndexChanged.connect(self._draw_chart)
        add.clicked.connect(self._add_rating)
        self.rating_view.selectionModel().selectionChanged.connect(self._rating_selected)
        self.ratings.modelReset.connect(self._rating_selected)
        self.correct_rating_button.clicked.connect(lambda: self.correct_rating())
        self.delete_rating_button.clicked.connect(lambda: self.delete_rating())
        return tab

    def selected_rating(self) -> StoredRating | None:
        rows = self.rating_view.selectionModel().selectedRows()
        return self.ratings.row_at(rows[0].row()) if rows else None

    def _rating_selected(self, *_args: object) -> None:
        chosen = self.selected_rating() is not None
        self.correct_rating_button.setEnabled(chosen)
        self.delete_rating_button.setEnabled(chosen)

    def correct_rating(self) -> RatingDialog | None:
        rating = self.selected_rating()
        if self.session is None or self.page is None or rating is None:
            return None
        dialog = RatingDialog(self.session, self.page.peer.id, self.measures, parent=self,
                              rating=rating)
        self._connect_dialog(dialog)
        return dialog

    def delete_rating(self) -> DeleteRatingDialog | None:
        rating = self.selected_rating()
        if self.session is None or self.page is None or rating is None:
            return None
        title = self.ratings.titles.get(rating.measure_key, rating.measure_key)
        dialog = DeleteRatingDialog(self.session, self.page.peer.id, rating, title, self)
        self._connect_dialog(dialog)
        return dialog

    def _trail_tab(self) -> QWidget:
        tab = QWidget()
        self.trail = TrailModel(self)
        self.trail_view = list_view(self.trail, "Audit trail of this record")
        layout = QVBoxLayout(tab)
        layout.addWidget(muted(self.tr("Everything done to this record, newest first. Opening this "
                                       "list is itself recorded.")))
        layout.addWidget(self.trail_view, 1)
        self._trail_loaded = False
        return tab

    # -- loading ---------------------------------------------------------------------------

    @property
    def peer_id(self) -> int | None:
        return self.page.peer.id if self.page else None

    def show_peer(self, peer_id: int) -> bool:
        """Open (and audit) the page; False, after saying why, if it can't be shown."""
        if self.session is None:
            return False
        try:
            page = peers.open_page(self.session, peer_id)
            if not self.measures:
                self.measures = casework_lists.measures(self.session)
        except PeerDeskError as exc:
            show_error(self, exc)
            return False
        same = self.page is not None and self.page.peer.id == peer_id
        self.page = page
        self._fill(page)
        if not same:
            self.tabs.setCurrentIndex(0)
        self._trail_loaded = False
        if self.tabs.currentWidget() is self.trail_tab:
            self._load_trail()
        return True

    def reload(self) -> None:
        if self.page is not None:
            self.show_peer(self.page.peer.id)

    def _fill(self, page: PageData) -> None:
        on = date.today()
        peer, d = page.peer, page.peer.details
        names = {c.id: c.name for c in self._staff()}
        self.name.setText(d.preferred_name)
        self.subtitle.setText(f"{peer.ref} · {d.status.label}"
                              + (f" · caseworker {names[d.caseworker_id]}"
                                 if d.caseworker_id in names else ""))
        self.banner.show_prefs(page.safe_contact)
        age = (f"born {d.birth_year} ({d.age_band.label})" if d.birth_year
               else d.age_band.label or "—")
        gender = (d.gender_description if d.gender is Gender.SELF_DESCRIBED
                  else gender_label(d.gender) if d.gender is not Gender.UNKNOWN else "—")
        status = d.status.label
        if d.closed_on:
            status += f" since {d.closed_on}" + (f" — {d.closed_reason}" if d.closed_reason
                                                 else "")
        values = {
            "Preferred name": d.preferred_name, "Full name": d.full_name or "—",
            "Reference": peer.ref, "Age": age, "Gender": gender,
            "Languages": d.languages or "—", "Nationality": d.nationality or "—",
            "Status": status, "First contact": d.first_contact.isoformat(),
            "How they came": d.contact_route.label,
            "Caseworker": names.get(d.caseworker_id or -1, "—"),
            "Peer supporter": names.get(d.supporter_id or -1, "—"),
            "Last contact": peer.last_contact.isoformat() if peer.last_contact else "—",
            "Next follow-up": peer.next_follow_up.isoformat() if peer.next_follow_up else "—",
        }
        for key, value in values.items():
            self.detail_labels[key].setText(value)

        due = [c for c in page.consents if c.review_due(on)]
        self.reminder.setText("Consent review due: " + "; ".join(
            f"{c.scope.label} (review by {c.review_on})" for c in due)
            + ". Check with them and record it again." if due else "")
        self.reminder.setVisible(bool(due))

        self.follow_ups.on = on
        self.follow_ups.set_rows([
            FollowUp(s.id, s.draft.follow_up_on, f"{s.draft.held_on} · {s.draft.kind.label}",
                     s.worker_name)
            for s in sorted(page.sessions, key=lambda s: s.draft.follow_up_on or on)
            if s.draft.follow_up_on is not None and s.follow_up_done_on is None])
        has_follow_ups = self.follow_ups.rowCount() > 0
        self.follow_up_view.setVisible(has_follow_ups)
        self.follow_up_done.setEnabled(has_follow_ups)
        self.follow_up_empty.setVisible(not has_follow_ups)

        titles = {m.key: m.title for m in self.measures}
        self.timeline.set_rows(timeline_entries(page, titles))
        self.entry_text.clear()
        self.consents.on = on
        self.consents.set_rows(page.consents)
        self.consent_view.resizeColumnToContents(1)
        self.referrals.set_rows(page.referrals)
        self.ratings.titles = titles
        self.ratings.set_rows(sorted(page.ratings, key=lambda r: (r.rated_on, r.id),
                                     reverse=True))
        self._fill_measures(page)
        self.attendance_tab.load(self.session, peer.id)
        self._fill_voice(peer.id, on)
        self.tabs.setTabVisible(self.tabs.indexOf(self.trail_tab), page.can_see_audit)
        self._update_buttons()

    def _staff(self) -> list[peers.StaffChoice]:
        if self.session is None:
            return []
        try:
            return peers.assignable_staff(self.session)
        except PeerDeskError:
            return []

    def _fill_measures(self, page: PageData) -> None:
        previous = self.measure_choice.currentData()
        used = {r.measure_key for r in page.ratings}
        self.measure_choice.blockSignals(True)
        self.measure_choice.clear()
        for m in self.measures:
            count = sum(1 for r in page.ratings if r.measure_key == m.key)
            self.measure_choice.addItem(
                plural(count, self.tr("{title} — {n} rating"), self.tr("{title} — {n} ratings"),
                       title=m.title), m.key)
        keys = [m.key for m in self.measures]
        choice = previous if previous in keys else next((k for k in keys if k in used), None)
        if choice is not None:
            self.measure_choice.setCurrentIndex(keys.index(choice))
        self.measure_choice.blockSignals(False)
        self._draw_chart()

    def _draw_chart(self) -> None:
        key = self.measure_choice.currentData()
        measure = next((m for m in self.measures if m.key == key), None)
        if self.page is None or measure is None:
            self.chart.clear()
            return
        ratings = [r for r in self.page.ratings if r.measure_key == key]
        if measure.kind is MeasureKind.ONS4:
            labels = ("Satisfied", "Worthwhile", "Happy", "Anxious")
            # A declined item is a gap in its line, never a 0.
            series = [Series(label, tuple((r.rated_on, float(score)) for r in ratings
                                          if (score := r.scores[i]) is not None))
                      for i, label in enumerate(labels)]
            self.chart.set_data(series, measure.low, measure.high,
                                "higher is better, except anxious")
        elif measure.kind is MeasureKind.UCLA3:
            self.chart.set_data([Series("Total (3–9)", tuple((r.rated_on, float(r.total))
                                                             for r in ratings
                                                             if r.total is not None))],
                                3, 9, "lower means less lonely")
        else:
            self.chart.set_data([Series(measure.title, tuple((r.rated_on, float(r.total))
                                                             for r in ratings
                                                             if r.total is not None))],
                                measure.low, measure.high, "higher is better")

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.trail_tab and not self._trail_loaded:
            self._load_trail()

    def _load_trail(self) -> None:
        if self.session is None or self.page is None or not self.page.can_see_audit:
            return
        try:
            self.trail.set_rows(audit_log.peer_trail(self.session, self.page.peer.id))
        except PeerDeskError as exc:
            show_error(self, exc)
            return
        self._trail_loaded = True
        self.trail_view.resizeColumnsToContents()

    def clear_data(self) -> None:
        """Locking: nothing about the peer stays in a widget or a model."""
        self.session = None
        self.page = None
        self.measures = []
        self.name.clear()
        self.subtitle.clear()
        self.banner.show_prefs(None)
        self.reminder.clear()
        self.reminder.setVisible(False)
        for label in self.detail_labels.values():
            label.clear()
        for model in (self.follow_ups, self.timeline, self.consents, self.referrals,
                      self.ratings, self.trail):
            model.clear()
        self.entry_text.clear()
        self.pairs_text.clear()
        self.quotes_text.clear()
        self.measure_choice.clear()
        self.chart.clear()
        self.attendance_tab.clear_data()

    # -- actions ---------------------------------------------------------------------------

    def _update_buttons(self, *_args: object) -> None:
        entry = selected_row(self.timeline_view)
        is_session = isinstance(entry, TimelineEntry) and entry.kind == "session"
        self.edit_entry.setEnabled(is_session)
        self.delete_entry.setEnabled(is_session)
        consent = selected_row(self.consent_view)
        self.withdraw_button.setEnabled(consent is not None
                                        and getattr(consent, "withdrawn_on", 1) is None)
        referral = selected_row(self.referral_view)
        self.correct_referral_button.setEnabled(referral is not None)
        for status, button in self.status_buttons.items():
            button.setEnabled(referral is not None
                              and getattr(referral, "draft", None) is not None
                              and referral.draft.status is not status)  # type: ignore[attr-defined]

    def _entry_chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        entry = selected_row(self.timeline_view)
        self._update_buttons()
        if not isinstance(entry, TimelineEntry) or self.page is None:
            self.entry_text.clear()
            return
        if entry.kind == "session":
            stored = next((s for s in self.page.sessions if s.id == entry.item_id), None)
            if stored is None:
                return
            d = stored.draft
            parts = [f"{d.held_on} · {session_summary(d.mode.label, d.kind.label, d.minutes)}"
                     f" · {stored.worker_name}"]
            if d.topics:
                parts.append("Topics: " + ", ".join(d.topics))
            if d.notes:
                parts.append(d.notes)
            if d.next_steps:
                parts.append("Next steps: " + d.next_steps)
            if d.follow_up_on:
                done = (f" (done {stored.follow_up_done_on})" if stored.follow_up_done_on
                        else "")
                parts.append(f"Follow up by {d.follow_up_on}{done}")
            limited = access.notes_limited_to(self.session) if self.session else None
            if limited is not None and d.worker_id != limited:
                parts.append("(Only the person who logged this session can read its notes.)")
            self.entry_text.setPlainText("\n\n".join(parts))
        elif entry.kind == "contact":
            contact = next((c for c in self.page.contacts if c.id == entry.item_id), None)
            if contact is None:
                return
            cd = contact.draft
            lines = [f"{cd.contacted_on} {cd.contacted_time:%H:%M} · {cd.channel.label} · "
                     f"{cd.minutes} min · {contact.taken_by_name}",
                     self.tr("Listening-service contact from before they became a peer."),
                     ", ".join(o.label for o in cd.outcomes.parts())]
            if cd.safety_concern:
                lines.append(self.tr("Safety concern: {what}").format(
                    what=cd.safety_action or "—"))
            if cd.notes:
                lines.append(cd.notes)
            self.entry_text.setPlainText("\n\n".join(lines))
        else:
            self.entry_text.setPlainText(f"{entry.when} · {entry.what}\n{entry.detail}")

    def _connect_dialog(self, dialog: QDialog) -> None:
        # Whatever `saved` carries (an id, or nothing), the page reads the peer again.
        dialog.saved.connect(lambda *_saved: self.changed.emit())  # type: ignore[attr-defined]
        self.present(dialog)

    def _open_for_peer(self, form: Callable[[Session, int], QDialog]) -> QDialog | None:
        """`form` about the peer on the page, presented over it; a save refreshes the page."""
        if self.session is None or self.page is None:
            return None
        dialog = form(self.session, self.page.peer.id)
        self._connect_dialog(dialog)
        return dialog

    def _open_dialog(self, kind: type[ConsentDialog] | type[ReferralDialog]) -> None:
        self._open_for_peer(lambda session, peer_id: kind(session, peer_id, self))

    def correct_referral(self) -> ReferralDialog | None:
        referral = selected_row(self.referral_view)
        if self.session is None or self.page is None or not isinstance(referral,
                                                                       StoredReferral):
            return None
        dialog = ReferralDialog(self.session, self.page.peer.id, self, stored=referral)
        self._connect_dialog(dialog)
        return dialog

    def _add_rating(self) -> None:
        if self.session is None or self.page is None or not self.measures:
            return
        self._connect_dialog(RatingDialog(self.session, self.page.peer.id, self.measures,
                                          self.measure_choice.currentData(), self))

    def log_session(self) -> None:
        if self.page is not None:
            self.log_session_requested.emit(self.page.peer.id)

    def export_everything(self) -> SubjectAccessExport | None:
        if self.session is None or self.page is None:
            return None
        export = SubjectAccessExport(self.session, self.page.peer.id, self.page.peer.ref, self,
                                     self.choose_save_path)
        return export if export.start() else None

    def erase_person(self) -> EraseDialog | None:
        if self.session is None or self.page is None:
            return None
        try:
            dialog = EraseDialog(self.session, self.page.peer.id, self)
        except PeerDeskError as exc:
            show_error(self, exc)
            return None
        dialog.erased.connect(self._erased)
        self.present(dialog)
        return dialog

    def _erased(self, _peer_id: int) -> None:
        # Nothing of them stays on screen: empty the page, go back, and let the
        # list (and every other view) reload through the change bus.
        session = self.session
        self.clear_data()
        self.session = session
        self.back.emit()
        self.changed.emit()

    def _edit_peer(self) -> None:
        if self.page is not None:
            self.edit_peer_requested.emit(self.page.peer.id)

    def _edit_entry(self) -> None:
        entry = selected_row(self.timeline_view)
        if isinstance(entry, TimelineEntry) and entry.kind == "session":
            self.edit_session_requested.emit(entry.item_id)

    def _delete_entry(self) -> None:
        entry = selected_row(self.timeline_view)
        if not isinstance(entry, TimelineEntry) or entry.kind != "session":
            return
        ask_to_confirm(self, self.tr("Delete session"),
                       self.tr("Delete the session of {date} and its notes? The deletion is "
                               "recorded in the audit log. This can't be undone.").format(
                                   date=entry.when.isoformat()),
                       self.tr("Delete session"), lambda: self._run(casework.delete_session,
                                                           entry.item_id))

    def _follow_up_done(self) -> None:
        item = selected_row(self.follow_up_view)
        if item is None and self.follow_ups.rowCount():
            item = self.follow_ups.row_at(0)
        if isinstance(item, FollowUp):
            self._run(casework.mark_follow_up_done, item.session_id)

    def _withdraw(self) -> None:
        consent = selected_row(self.consent_view)
        if consent is None:
            return
        scope = consent.scope.label  # type: ignore[attr-defined]
        ask_to_confirm(self, self.tr("Withdraw consent"),
                       self.tr("Record that consent to “{scope}” is withdrawn from today?")
                       .format(scope=scope),
                       self.tr("Withdraw consent"),
                       lambda: self._run(casework.withdraw_consent,
                                         consent.id))  # type: ignore[attr-defined]

    def _set_referral_status(self, status: ReferralStatus) -> None:
        referral = selected_row(self.referral_view)
        if referral is not None:
            self._run(lambda session, item_id: casework.set_referral_status(
                session, item_id, status), referral.id)  # type: ignore[attr-defined]

    def _run(self, action: Callable[[Session, int], None], item_id: int) -> None:
        # Refused or not, the page shows the record as it now is.
        if run_service(self, self.session, action, item_id) is not None:
            self.changed.emit()
