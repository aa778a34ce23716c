"""The peer form and the session form over a casework store
(services/casework_store.py), for the window over the team server.

The peer form is the single-PC one (ui/peers/peer_dialog.PeerDialog), saving
through the store instead of the vault's services. A colleague's save since
the record was read (EditConflict) opens the conflict dialog
(ui/team/conflict_dialog.py); what the person chooses there is saved, and the
form closes only then.

The session form is the short one a store can hold: date, length, mode, kind,
notes, next steps and a follow-up date; with the team server out of reach it
goes to this PC's encrypted outbox.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QWidget

from peerdesk.domain.one_to_one import MAX_MINUTES, SessionKind, SessionMode
from peerdesk.domain.peer import PeerDraft
from peerdesk.domain.safe_contact import SafeContact
from peerdesk.services.casework_store import (
    CaseworkStore,
    NewSession,
    OpenedPeer,
    PeerRecord,
    StoreId,
    TeamStore,
)
from peerdesk.services.team import EditConflict
from peerdesk.ui.form_dialog import STAY_OPEN, FormDialog, note_edit
from peerdesk.ui.peers.banner import SafeContactBanner
from peerdesk.ui.peers.forms import DateField, enum_combo, today
from peerdesk.ui.peers.peer_dialog import PeerDialog
from peerdesk.ui.team.conflict_dialog import ConflictDialog

DEFAULT_MINUTES = 50


class StorePeerDialog(PeerDialog):
    """Add a peer, or change one as opened; `stored(id)` once the store has it (a
    store's ids need not be integers, as `saved`'s are)."""

    stored = Signal(object)

    def __init__(self, store: CaseworkStore, opened: OpenedPeer | None = None,
                 parent: QWidget | None = None) -> None:
        self.store = store
        self.conflict_dialog: ConflictDialog | None = None
        super().__init__(None, opened.record if opened else None,
                         opened.safe_contact if opened else None, parent,
                         staff=store.staff_choices())

    def add_peer(self, draft: PeerDraft, prefs: SafeContact) -> StoreId:  # type: ignore[override]
        return self.store.add(draft, safe_contact=prefs)

    def save(self) -> object:  # type: ignore[override]
        draft, prefs = self.draft(), self.prefs()
        if self.peer is None:
            return self.add_peer(draft, prefs)
        assert isinstance(self.peer, PeerRecord)
        try:
            saved = self.store.edit(self.peer, draft)
        except EditConflict as conflict:
            return self._ask(conflict, prefs)
        return self._saved(saved, prefs)

    def announce(self, saved_id: Any) -> None:
        self.stored.emit(saved_id)

    def _saved(self, saved: PeerRecord, prefs: SafeContact) -> StoreId:
        self.peer = saved
        if prefs != self.original_prefs:
            self.store.set_safe_contact(saved.id, prefs)
            self.original_prefs = prefs
        return saved.id

    def _ask(self, conflict: EditConflict, prefs: SafeContact) -> object:
        """Someone saved it first: what changed, and a choice where both changed it."""
        dialog = ConflictDialog(conflict, self)
        self.conflict_dialog = dialog
        dialog.accepted.connect(lambda: self.submit(
            lambda: self._save_merged(conflict, dialog, prefs)))
        dialog.open()
        return STAY_OPEN

    def _save_merged(self, conflict: EditConflict, dialog: ConflictDialog,
                     prefs: SafeContact) -> object:
        assert isinstance(self.store, TeamStore)  # only the team server has colleagues
        try:
            saved = self.store.resolve(conflict, dialog.picks)
        except EditConflict as again:
            return self._ask(again, prefs)
        return self._saved(saved, prefs)


class StoreSessionDialog(FormDialog):
    """Log a one-to-one session with one peer; `stored(id)` once the store has it
    (on the team server out of reach: in this PC's outbox)."""

    stored = Signal(object)

    def __init__(self, store: CaseworkStore, peer_id: StoreId, *, peer_label: str,
                 safe_contact: SafeContact | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(None, parent, ctrl_return=True)
        self.store = store
        self.peer_id = peer_id
        self.setWindowTitle(self.tr("Log a session"))
        self.setMinimumWidth(560)
        self.banner = SafeContactBanner()
        self.banner.show_prefs(safe_contact)
        self.banner.setVisible(safe_contact is not None)
        who = QLabel(peer_label)
        who.setStyleSheet("font-weight: bold;")
        self.held_on = DateField(today())
        self.minutes = QSpinBox()
        self.minutes.setRange(1, MAX_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setAccessibleName(self.tr("Duration in minutes"))
        self.mode = enum_combo([(m.label, m.value) for m in SessionMode])
        self.kind = enum_combo([(k.label, k.value) for k in SessionKind],
                               SessionKind.PEER_SUPPORT.value)
        self.notes = note_edit(placeholder=self.tr(
            "What happened, in your words. Kept encrypted; never in reports."), lines=5)
        self.next_steps = note_edit(lines=3)
        self.follow_up_on = DateField(None, optional=True)
        form = QFormLayout()
        form.addRow(self.tr("Peer"), who)
        form.addRow(self.tr("&Date"), self.field("held_on", self.held_on))
        form.addRow(self.tr("D&uration"), self.field("minutes", self.minutes))
        form.addRow(self.tr("&Mode"), self.mode)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Notes"), self.field("notes", self.notes))
        form.addRow(self.tr("N&ext steps"), self.field("next_steps", self.next_steps))
        form.addRow(self.tr("&Follow up by"), self.field("follow_up_on", self.follow_up_on))
        self.lay_out(self.banner, form)
        self.held_on.setFocus()

    def new_session(self) -> NewSession:
        held_on: date = self.held_on.value(what="Date", field="held_on") or today()
        return NewSession(
            peer_id=self.peer_id, held_on=held_on, minutes=self.minutes.value(),
            mode=SessionMode(self.mode.currentData()), kind=SessionKind(self.kind.currentData()),
            notes=self.notes.toPlainText(), next_steps=self.next_steps.toPlainText(),
            follow_up_on=self.follow_up_on.value(what="Follow-up date", field="follow_up_on"))

    def save(self) -> StoreId:
        return self.store.log_session(self.new_session())

    def announce(self, saved_id: Any) -> None:
        self.stored.emit(saved_id)
