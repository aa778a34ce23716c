"""Log (or change) a one-to-one session, quickly, by keyboard.

Tab moves through every field (the notes boxes too), arrows change the choices,
Space ticks a topic, and Ctrl+Return saves from anywhere.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, ValidationError
from peerdesk.domain.one_to_one import MAX_MINUTES, SessionDraft, SessionKind, SessionMode
from peerdesk.domain.staff import Permission
from peerdesk.services import casework, directory, peers
from peerdesk.services.peers import PeerFilter
from peerdesk.services.session import Session
from peerdesk.ui.contacts.directory_picker import DirectoryPicker
from peerdesk.ui.fields import keep_long_text
from peerdesk.ui.form_dialog import STAY_OPEN, FormDialog
from peerdesk.ui.peers.banner import SafeContactBanner
from peerdesk.ui.peers.forms import DateField, enum_combo, today
from peerdesk.ui.search_picker import MatchKeys, search_column

# Modes in which the worker is about to contact the peer remotely.
REMOTE_MODES = frozenset({SessionMode.PHONE, SessionMode.TEXT, SessionMode.EMAIL,
                          SessionMode.VIDEO})
DEFAULT_MINUTES = 50


class PeerPicker(QWidget):
    """Type part of a name or a reference; Up/Down choose among the matches."""

    picked = Signal(object)  # peer id or None

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type a name, alias or reference…"))
        self.search.setAccessibleName(self.tr("Peer"))
        self.matches = QListWidget()
        self.matches.setMaximumHeight(self.fontMetrics().height() * 5 + 12)
        search_column(self, self.search, self.matches)
        self.search.textChanged.connect(self._find)
        self.keys = MatchKeys(self.search, self.matches)
        self.matches.currentRowChanged.connect(lambda _row: self.picked.emit(self.peer_id()))
        keep_long_text(self)

    def _find(self, text: str) -> None:
        self.matches.clear()
        if text.strip():
            ids = peers.find(self.session, PeerFilter(text=text))[:8]
            for row in peers.rows(self.session, ids):
                item = QListWidgetItem(f"{row.preferred_name}   {row.ref}")
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                self.matches.addItem(item)
        self.matches.setVisible(self.matches.count() > 0)
        if self.matches.count():
            self.matches.setCurrentRow(0)
        else:
            self.picked.emit(None)

    def peer_id(self) -> int | None:
        item = self.matches.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item else None
        return value if isinstance(value, int) else None



class SessionDialog(FormDialog):
    """Emits `saved(session_id)`. For a new session give `peer_id` (or None to pick one)."""

    def __init__(self, session: Session, peer_id: int | None = None, *,
                 stored: object | None = None, peer_label: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(session, parent, ctrl_return=True)
        self.stored = stored  # a stored session when changing one
        self.peer_id = peer_id
        self.setWindowTitle(self.tr("Change a session") if stored is not None
                            else self.tr("Log a session"))
        self.setMinimumWidth(620)
        draft: SessionDraft | None = getattr(stored, "draft", None)

        self.banner = SafeContactBanner()
        self.banner.setVisible(False)
        self.picker: PeerPicker | None = None
        self.who = QLabel(peer_label)
        self.who.setStyleSheet("font-weight: bold;")
        self.held_on = DateField(draft.held_on if draft else today())
        self.minutes = QSpinBox()
        self.minutes.setRange(1, MAX_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(draft.minutes if draft else DEFAULT_MINUTES)
        self.minutes.setAccessibleName(self.tr("Duration in minutes"))
        self.minutes.setFixedWidth(self.fontMetrics().horizontalAdvance("0000 min") + 40)
        self.mode = enum_combo([(m.label, m.value) for m in SessionMode],
                               draft.mode.value if draft else None)
        self.kind = enum_combo([(k.label, k.value) for k in SessionKind],
                               draft.kind.value if draft else SessionKind.PEER_SUPPORT.value)
        self.topics = QListWidget()
        self.topics.setAccessibleName(self.tr("Topics"))
        chosen = set(draft.topics) if draft else set()
        names = casework.topics(session)
        for name in [*names, *sorted(chosen - set(names))]:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in chosen
                               else Qt.CheckState.Unchecked)
            self.topics.addItem(item)
        self.topics.setFlow(QListWidget.Flow.LeftToRight)
        self.topics.setWrapping(True)
        self.topics.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.topics.setSpacing(2)
        self.topics.setFixedHeight(self.fontMetrics().height() * 3 + 24)
        if self.topics.count():
            self.topics.setCurrentRow(0)
        self.notes = QPlainTextEdit(draft.notes if draft else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What happened, in your words. Kept encrypted; never "
                                              "in reports."))
        self.notes.setMinimumHeight(110)
        self.next_steps = QPlainTextEdit(draft.next_steps if draft else "")
        self.next_steps.setTabChangesFocus(True)
        self.next_steps.setFixedHeight(self.fontMetrics().height() * 3 + 14)
        self.follow_up_on = DateField(draft.follow_up_on if draft else None, optional=True)
        # Services from the signposting directory, for the roles that use it.
        self.services: DirectoryPicker | None = None
        if session.can(Permission.LOG_CONTACTS):
            self.services = DirectoryPicker(session)
            if draft and draft.signposts:
                service_names = directory.names(session, list(draft.signposts))
                self.services.set_chosen([(e, service_names.get(e, "?")) for e in draft.signposts])

        form = QFormLayout()
        if peer_id is None and stored is None:
            self.picker = PeerPicker(session)
            self.picker.picked.connect(self._peer_picked)
            form.addRow(self.tr("&Peer"), self.field("peer", self.picker))
        else:
            form.addRow(self.tr("Peer"), self.who)
        form.addRow(self.tr("&Date"), self.field("held_on", self.held_on))
        form.addRow(self.tr("D&uration"), self.field("minutes", self.minutes))
        form.addRow(self.tr("&Mode"), self.mode)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Topics"), self.topics)
        if self.services is not None:
            form.addRow(self.tr("Si&gnposted to"), self.field("signposts", self.services))
        form.addRow(self.tr("&Notes"), self.field("notes", self.notes))
        form.addRow(self.tr("N&ext steps"), self.field("next_steps", self.next_steps))
        form.addRow(self.tr("&Follow up by"), self.field("follow_up_on", self.follow_up_on))
        save = self.save_button
        self.lay_out(self.banner, form)

        order: list[QWidget] = [w for w in (self.picker,) if w is not None]
        order += [self.held_on, self.minutes, self.mode, self.kind, self.topics,
                  *([self.services.search] if self.services is not None else []), self.notes,
                  self.next_steps, self.follow_up_on, save, self.cancel_button]
        for a, b in pairwise(order):
            QWidget.setTabOrder(a, b)
        self.mode.currentIndexChanged.connect(self._update_banner)
        self._summary: str | None = None
        if self.picker is None:
            self._load_banner()
        self.first_field: QWidget = self.picker.search if self.picker else self.held_on
        # The peer's first contact (a session before it is asked about), and what a new
        # session starts as: their first is a first contact.
        self.start: casework.SessionStart | None = None
        self._defaults: tuple[object, int] | None = (
            (self.kind.currentData(), self.minutes.value()) if stored is None else None)
        self.early_question: QMessageBox | None = None
        self._early_ok = False
        self._load_start(apply_defaults=stored is None)
        self._untouched = self.form_state()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.first_field.setFocus(Qt.FocusReason.OtherFocusReason)


    # -- the safe-contact banner --------------------------------------------------------

    def _peer_id(self) -> int | None:
        if self.stored is not None:
            return int(self.stored.draft.peer_id)  # type: ignore[attr-defined]
        if self.picker is not None:
            return self.picker.peer_id()
        return self.peer_id

    def _peer_picked(self, _peer_id: object) -> None:
        self._load_banner()
        self._load_start(apply_defaults=True)

    def _load_start(self, *, apply_defaults: bool) -> None:
        peer_id = self._peer_id()
        self.start = None
        if peer_id is not None:
            try:
                self.start = casework.session_start(self.session, peer_id)
            except PeerDeskError:
                self.start = None
        if not apply_defaults or self.start is None:
            return
        # Only while the kind and duration are as the form set them, not as typed.
        if (self.kind.currentData(), self.minutes.value()) != self._defaults:
            return
        self.kind.setCurrentIndex(self.kind.findData(self.start.kind.value))
        self.minutes.setValue(self.start.minutes)
        self._defaults = (self.kind.currentData(), self.minutes.value())

    def _load_banner(self) -> None:
        peer_id = self._peer_id()
        self._summary = None
        if peer_id is not None:
            try:
                self._summary = peers.safe_contact_banner(self.session, peer_id)
            except PeerDeskError:
                self._summary = None
        self._update_banner()

    def selected_mode(self) -> SessionMode:
        return SessionMode(self.mode.currentData())

    def _update_banner(self) -> None:
        remote = self.selected_mode() in REMOTE_MODES and self._summary is not None
        self.banner.show_summary(self._summary if remote else None)
        self.banner.setVisible(remote)

    # -- kept across a lock (services.drafts) ----------------------------------------------

    def form_state(self) -> dict[str, Any]:
        """Everything typed, as typed (unchecked), so a lock never loses it."""
        return {
            "peer_id": self._peer_id(),
            "peer_label": self.who.text(),
            "peer_search": self.picker.search.text() if self.picker is not None else "",
            "session_id": (int(self.stored.id)  # type: ignore[attr-defined]
                           if self.stored is not None else None),
            "held_on": self.held_on.text(),
            "minutes": self.minutes.value(),
            "mode": self.mode.currentData(),
            "kind": self.kind.currentData(),
            "topics": list(self.checked_topics()),
            "notes": self.notes.toPlainText(),
            "next_steps": self.next_steps.toPlainText(),
            "follow_up_on": self.follow_up_on.text(),
            "services": [list(e) for e in self.services.entries()] if self.services else [],
        }

    def has_unsaved_typing(self) -> bool:
        return self.result() != QDialog.DialogCode.Accepted and \
            self.form_state() != self._untouched

    def restore_form_state(self, state: dict[str, Any]) -> None:
        """Put a kept form back; values the form can't take are skipped, not fatal."""
        if self.picker is not None and state.get("peer_id") is None:
            self.picker.search.setText(str(state.get("peer_search", "")))
        self.held_on.setText(str(state.get("held_on", "")))
        minutes = state.get("minutes")
        if isinstance(minutes, int):
            self.minutes.setValue(minutes)
        for combo, key in ((self.mode, "mode"), (self.kind, "kind")):
            index = combo.findData(state.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        chosen = set(state.get("topics") or ())
        for i in range(self.topics.count()):
            item = self.topics.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in chosen
                               else Qt.CheckState.Unchecked)
        self.notes.setPlainText(str(state.get("notes", "")))
        self.next_steps.setPlainText(str(state.get("next_steps", "")))
        self.follow_up_on.setText(str(state.get("follow_up_on", "")))
        if self.services is not None:
            self.services.set_chosen([(int(e[0]), str(e[1])) for e in state.get("services") or ()
                                      if isinstance(e, list) and len(e) == 2])

    # -- saving -------------------------------------------------------------------------

    def checked_topics(self) -> tuple[str, ...]:
        return tuple(self.topics.item(i).text() for i in range(self.topics.count())
                     if self.topics.item(i).checkState() == Qt.CheckState.Checked)

    def draft(self) -> SessionDraft:
        peer_id = self._peer_id()
        if peer_id is None:
            raise ValidationError(self.tr("Choose who the session was with."), field="peer")
        return SessionDraft(
            peer_id=peer_id, worker_id=self.session.staff.id,
            held_on=self.held_on.value(what="Session date", field="held_on") or today(),
            minutes=self.minutes.value(), mode=self.selected_mode(),
            kind=SessionKind(self.kind.currentData()), topics=self.checked_topics(),
            notes=self.notes.toPlainText(), next_steps=self.next_steps.toPlainText(),
            follow_up_on=self.follow_up_on.value(what="Follow-up date",
                                                 field="follow_up_on"),
            signposts=self.services.ids() if self.services is not None else ())

    def _before_first_contact(self, draft: SessionDraft) -> bool:
        return (self.start is not None and not self._early_ok
                and draft.held_on < self.start.first_contact)

    def _ask_about_early_date(self, draft: SessionDraft) -> None:
        """Yes saves as typed; No goes back to the date with everything kept."""
        assert self.start is not None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Before their first contact?"),
                          self.tr("This session is dated {held}, before {ref}'s first contact "
                                  "on {first}. Save it with this date?").format(
                              held=draft.held_on.isoformat(), ref=self.who.text().strip()
                              or self.tr("this peer"),
                              first=self.start.first_contact.isoformat()),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Yes, save it"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&No, change the date"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._early_answered)
        self.early_question = box
        box.open()

    def _early_answered(self, answer: int) -> None:
        self.early_question = None
        if answer == QMessageBox.StandardButton.Yes:
            self._early_ok = True
            self.accept()
            self._early_ok = False
            return
        self.held_on.setFocus(Qt.FocusReason.OtherFocusReason)
        self.held_on.selectAll()

    def accept(self) -> None:
        if self.early_question is not None:
            return  # waiting for the answer about the date
        super().accept()

    def save(self) -> object:
        draft = self.draft()
        if self._before_first_contact(draft):
            self._ask_about_early_date(draft)
            return STAY_OPEN
        if self.stored is not None:
            session_id = int(self.stored.id)  # type: ignore[attr-defined]
            casework.edit_session(self.session, session_id, draft)
            return session_id
        return casework.log_session(self.session, draft)
