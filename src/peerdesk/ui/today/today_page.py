"""Today: follow-ups due (overdue first and marked), sessions logged today, consent reviews."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import IntEnum
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services import (
    callbacks,
    directory,
    first_steps,
    listening,
    supervision,
    supporters,
)
from peerdesk.services import today as today_service
from peerdesk.services.became_peer import Source
from peerdesk.services.session import Session
from peerdesk.services.today import TodayItem
from peerdesk.ui import change_bus
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.errors import read_service, show_error
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.page_header import PageHeader, ReloadWhenSeen, ShownReloads, page_layout
from peerdesk.ui.peers.forms import CASELOAD, heading, muted
from peerdesk.ui.supporters.page import SUPPORTERS, ExpiringModel, OverdueModel
from peerdesk.ui.table_model import ROW_ROLE, Column, RowTableModel
from peerdesk.ui.table_view import list_view
from peerdesk.ui.theme import colour
from peerdesk.ui.today.first_steps import FirstStepsPanel
from peerdesk.ui.today.listening_sections import CallbackSection, ReviewSection

OpenPeer = Callable[[int], object]
# Calm, but unmistakable: a pale wash over the row and the date itself in red.
OVERDUE_BG = QBrush(QColor("#fdeeee"))
OVERDUE_FG = QBrush(QColor("#a31515"))
REVIEW_FG = QBrush(QColor("#8a5a00"))


TodayColumn = IntEnum("TodayColumn", "WHEN REF NAME WHAT OWNER", start=0)


class TodayModel(RowTableModel[TodayItem]):
    def __init__(self, parent: Any = None, *, urgent: bool = True) -> None:
        super().__init__(parent)
        # Follow-ups are promises to a person; a consent review is paperwork.
        self.urgent = urgent
        self.columns = (
            Column(QT_TRANSLATE_NOOP("TableHeader", "When"), self._when,
                   sample="2026-11-22 · overdue___"),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Reference"), attrgetter("ref"),
                   sample="Reference___"),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Preferred name"),
                   attrgetter("preferred_name"), stretch=True),
            Column(QT_TRANSLATE_NOOP("TableHeader", "What"), attrgetter("what"),
                   sample="Review consent: Count in anonymised statistics___"),
            Column(QT_TRANSLATE_NOOP("TableHeader", "Owner"), attrgetter("owner"),
                   sample="Firstname Lastname___"),
        )

    def _when(self, row: TodayItem) -> str:
        late = (QCoreApplication.translate("TodayModel", " · overdue") if self.urgent
                else QCoreApplication.translate("TodayModel", " · due"))
        return row.when.isoformat() + (late if row.overdue else "")

    def background(self, row: TodayItem, column: Column[TodayItem]) -> Any:
        return OVERDUE_BG if row.overdue and self.urgent else None

    def foreground(self, row: TodayItem, column: Column[TodayItem]) -> Any:
        if not row.overdue or column is not self.columns[TodayColumn.WHEN]:
            return None
        return OVERDUE_FG if self.urgent else REVIEW_FG


class TodaySection(QWidget):
    def __init__(self, title: str, empty: str, open_peer: OpenPeer, *, urgent: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_text = title
        self.urgent = urgent
        self.title = heading(title, 1)
        self.empty = muted(empty)
        self.model = TodayModel(self, urgent=urgent)
        self.view = list_view(self.model, title)
        self.open_peer = open_peer
        self.view.activated.connect(self._open)
        # The title, and room for a section's own buttons beside it.
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.title)
        self.bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)

    def set_items(self, items: list[TodayItem]) -> None:
        self.model.set_rows(items)
        n = len(items)
        late = sum(1 for i in items if i.overdue)
        if not late:
            title = self.tr("{title} ({n})")
        elif self.urgent:
            title = self.tr("{title} ({n}, {late} overdue)")
        else:
            title = self.tr("{title} ({n}, {late} past their date)")
        self.title.setText(title.format(title=self.title_text, n=n, late=late))
        self.empty.setVisible(n == 0)
        self.view.setVisible(n > 0)
        rows = min(max(n, 1), 8)
        self.view.setMinimumHeight(self.view.horizontalHeader().height()
                                   + rows * self.view.verticalHeader().defaultSectionSize() + 4)

    def clear(self) -> None:
        self.model.clear()
        self.title.setText(self.title_text)

    def _open(self, index: QModelIndex) -> None:
        item = index.data(ROW_ROLE)
        if isinstance(item, TodayItem):
            self.open_peer(item.peer_id)

    def selected(self) -> TodayItem | None:
        index = self.view.currentIndex()
        item = index.data(ROW_ROLE) if index.isValid() else None
        return item if isinstance(item, TodayItem) else None

    def select(self, item_id: int) -> bool:
        for row, item in enumerate(self.model.rows()):
            if item.item_id == item_id:
                self.view.selectRow(row)
                return True
        return False


class FollowUpControls:
    """Beside a follow-ups section's title: whose (mine or everyone's) and "Mark
    done" (Ctrl+D on the list), for the single-PC Today page and the team
    window's (ui/team/today_page.py). The button is enabled while a follow-up
    is selected and `can_mark()` says so."""

    def __init__(self, section: TodaySection, owner: QWidget,
                 can_mark: Callable[[], bool]) -> None:
        self.section = section
        self.can_mark = can_mark
        self.mine = QRadioButton(QCoreApplication.translate("TodayPage", "&Mine"))
        self.mine.setToolTip(QCoreApplication.translate("TodayPage",
                                                        "Only the follow-ups you set"))
        self.everyone = QRadioButton(QCoreApplication.translate("TodayPage", "&Everyone"))
        self.everyone.setToolTip(QCoreApplication.translate("TodayPage",
                                                            "Every follow-up you can see"))
        self.everyone.setChecked(True)
        whose = QButtonGroup(owner)
        whose.addButton(self.mine)
        whose.addButton(self.everyone)
        self.done_button = QPushButton(QCoreApplication.translate("TodayPage", "Mark &done"))
        self.done_button.setToolTip(QCoreApplication.translate(
            "TodayPage", "Mark the selected follow-up done today (Ctrl+D)"))
        self.done_button.setEnabled(False)
        self.done_action = QAction(QCoreApplication.translate("TodayPage", "Mark done"),
                                   section.view)
        self.done_action.setShortcut(QKeySequence("Ctrl+D"))
        self.done_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        section.view.addAction(self.done_action)
        self.done_status = muted()
        self.done_status.setWordWrap(False)
        for widget in (self.done_status, self.mine, self.everyone, self.done_button):
            section.bar.addWidget(widget)
        section.view.selectionModel().selectionChanged.connect(lambda *_args: self.update())

    def connect(self, reload: Callable[[], object], mark_done: Callable[[], object]) -> None:
        self.mine.toggled.connect(lambda _on: reload())
        self.done_button.clicked.connect(mark_done)
        self.done_action.triggered.connect(mark_done)

    def update(self) -> None:
        self.done_button.setEnabled(self.can_mark() and self.section.selected() is not None)

    def done(self, item: TodayItem) -> None:
        """Say it was done, and keep the keyboard in the list."""
        self.done_status.setText(QCoreApplication.translate(
            "TodayPage", "Done: {ref}'s follow-up.").format(ref=item.ref))
        self.section.view.setFocus(Qt.FocusReason.OtherFocusReason)


class TodayPage(ShownReloads, QWidget):
    def __init__(self, session: Session, bus: ChangeBus, open_peer: OpenPeer,
                 parent: QWidget | None = None, *,
                 log_contact: Callable[[], object] | None = None,
                 became_peer: Callable[[Source], object] | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.bus = bus
        # The listening service, for the roles that log contacts.
        self.callbacks: CallbackSection | None = None
        self.review: ReviewSection | None = None
        self.log_contact_button: QPushButton | None = None
        if listening.can_log(session) and became_peer is not None:
            self.callbacks = CallbackSection(session, became_peer, self._listening_changed)
            self.review = ReviewSection(session, self._listening_changed)
        # A new centre's first steps, for the people who set it up.
        self.first_steps: FirstStepsPanel | None = None
        if first_steps.can_see(session):
            self.first_steps = FirstStepsPanel(session)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.header = PageHeader(self.tr("Today"))
        self.date_label = self.header.subtitle
        self.follow_ups = TodaySection(self.tr("Follow-ups due"),
                                       self.tr("No follow-ups are due."), open_peer)
        # Whose follow-ups, and done in one step from here.
        self.controls = FollowUpControls(self.follow_ups, self,
                                         lambda: self.session is not None)
        self.mine, self.everyone = self.controls.mine, self.controls.everyone
        self.done_button, self.done_action = (self.controls.done_button,
                                              self.controls.done_action)
        self.done_status = self.controls.done_status
        self.logged = TodaySection(self.tr("Sessions logged today"),
                                   self.tr("No sessions logged yet today."), open_peer)
        self.reviews = TodaySection(self.tr("Consent reviews due"),
                                    self.tr("No consent reviews are due."),
                                    open_peer, urgent=False)
        if log_contact is not None and self.callbacks is not None:
            self.log_contact_button = QPushButton(self.tr("&Log a contact…"))
            self.log_contact_button.setToolTip(self.tr("Log a listening-service contact "
                                                       "(Ctrl+Shift+C)"))
            self.log_contact_button.clicked.connect(log_contact)
            self.header.add_action(self.log_contact_button)
        self.header.add_action(self.refresh_button)
        hint = QLabel(self.tr("Enter or double-click opens the peer; Ctrl+D marks the selected "
                              "follow-up done. Overdue follow-ups are marked in red."))
        hint.setStyleSheet(f"color: {colour('#666', 'window-text')};")
        hint.setWordWrap(True)
        # Inside a scroll area: with every section shown, the page is taller than a
        # laptop's screen, and it must never make the window taller than the screen.
        content = QWidget()
        layout = page_layout(content, self.header)
        layout.setSpacing(10)
        if self.first_steps is not None:
            layout.addWidget(self.first_steps)
        layout.addWidget(self.follow_ups, 3)
        layout.addWidget(self.logged, 2)
        layout.addWidget(self.reviews, 2)
        if self.callbacks is not None and self.review is not None:
            # One above the other: side by side, their buttons made the page wider than
            # the window on a laptop.
            layout.addWidget(self.callbacks, 2)
            layout.addWidget(self.review, 2)
        # Supporters' checks and training about to expire, for those who keep the register.
        self.expiring: ExpiringModel | None = None
        if supporters.can_manage(session):
            self.expiring = ExpiringModel(self)
            self.expiring_title = heading(self.tr("Supporters: checks and training expiring "
                                                  "in the next 30 days"), 1)
            self.expiring_view = list_view(self.expiring, self.expiring_title.text())
            self.expiring_empty = muted(self.tr("Nothing expires in the next 30 days."))
            layout.addWidget(self.expiring_title)
            layout.addWidget(self.expiring_empty)
            layout.addWidget(self.expiring_view, 1)
            self.overdue = OverdueModel(self)
            self.overdue_title = heading(self.tr("Supporters: supervision overdue"), 1)
            self.overdue_view = list_view(self.overdue, self.overdue_title.text())
            self.overdue_empty = muted(self.tr("Everyone active has had supervision on time."))
            layout.addWidget(self.overdue_title)
            layout.addWidget(self.overdue_empty)
            layout.addWidget(self.overdue_view, 1)
        layout.addWidget(hint)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName(self.tr("Today"))
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self.refresh_button.clicked.connect(self.reload)
        self.controls.connect(self.reload, self.mark_done)
        self.when_seen = ReloadWhenSeen(self, self.reload, bus,
                                        (CASELOAD, change_bus.CONTACTS, SUPPORTERS))
        bus.changed.connect(self._on_changed)

    def sections(self) -> list[TodaySection]:
        return [self.follow_ups, self.logged, self.reviews]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # (when_seen reloads if something changed)
        if self.date_label.text() != _long_date(date.today()):
            self.reload()

    def _listening_changed(self) -> None:
        self.bus.changed.emit(change_bus.CONTACTS)
        self.bus.changed.emit(change_bus.AUDIT)

    def _on_changed(self, topic: str) -> None:
        # First steps tick off (a backup made, staff added) when Today is next shown.
        if topic in (change_bus.AUDIT, change_bus.STAFF) and self.first_steps is not None:
            self.when_seen.stale = True

    def reload(self) -> None:
        session = self.session
        overview = read_service(self, session, lambda signed_in: today_service.overview(
            signed_in, mine=self.mine.isChecked()))
        if session is None or overview is None:
            return
        self.date_label.setText(_long_date(overview.on))
        if self.first_steps is not None:
            self.first_steps.reload()
        # Overdue first, then soonest.
        self.follow_ups.set_items(sorted(overview.follow_ups,
                                         key=lambda i: (not i.overdue, i.when)))
        self.controls.update()
        self.logged.set_items(overview.sessions_today)
        self.reviews.set_items(overview.consent_reviews)
        if self.expiring is not None:
            items = read_service(self, session, supporters.expiring) or []
            self.expiring.set_rows(items)
            self.expiring_empty.setVisible(not items)
            self.expiring_view.setVisible(bool(items))
            late = supervision.overdue_supervision(session)
            self.overdue.set_rows(late)
            self.overdue_empty.setVisible(not late)
            self.overdue_view.setVisible(bool(late))
        if self.callbacks is not None and self.review is not None:
            try:
                self.callbacks.set_items(callbacks.waiting(session))
                self.review.set_items(directory.due_for_review(session))
            except PeerDeskError as exc:
                show_error(self, exc)

    def mark_done(self) -> None:
        """The selected follow-up done today: one step, audited by the service."""
        item = self.follow_ups.selected()
        if self.session is None or item is None:
            return
        try:
            today_service.mark_follow_up_done(self.session, item)
        except PeerDeskError as exc:
            show_error(self, exc)
            return
        self.bus.changed.emit(CASELOAD)
        self.bus.changed.emit(change_bus.AUDIT)
        self.reload()
        self.controls.done(item)

    def clear_data(self) -> None:
        self.session = None
        self.done_status.clear()
        if self.first_steps is not None:
            self.first_steps.clear_data()
        for section in self.sections():
            section.clear()
        for extra in (self.callbacks, self.review):
            if extra is not None:
                extra.clear()
        self.date_label.clear()
        if self.expiring is not None:
            self.expiring.clear()
            self.overdue.clear()


def _long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"
