"""Keep what someone was typing when PeerDesk locks, and offer it back after sign-in.

The forms are kept in the encrypted vault through services.drafts; only the
person who typed them is offered them again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services import casework, drafts
from peerdesk.services.session import Session
from peerdesk.ui import change_bus
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.i18n import plural
from peerdesk.ui.peers.forms import CASELOAD
from peerdesk.ui.sessions.session_dialog import SessionDialog

T = TypeVar("T")

log = logging.getLogger(__name__)

Present = Callable[[QDialog], None]


def keep_open_forms(session: Session, widgets: Iterable[QWidget]) -> int:
    """Store every unsaved session form among `widgets`; returns how many were kept.

    Called while the session is still open, just before locking. A form that
    can't be stored (a full disk) is given up rather than stop the lock: the
    key must be dropped whatever happens.
    """
    from peerdesk.ui.contacts.contact_dialog import ContactDialog

    kept = 0
    for widget in widgets:
        kind = (drafts.SESSION_FORM if isinstance(widget, SessionDialog)
                else drafts.CONTACT_FORM if isinstance(widget, ContactDialog) else None)
        if kind is not None and widget.has_unsaved_typing():  # type: ignore[attr-defined]
            try:
                drafts.keep(session, kind, widget.form_state())  # type: ignore[attr-defined]
            except PeerDeskError as exc:
                # No record content in the log: only what kind of problem it was.
                log.warning("an unsaved form could not be kept: %s", type(exc).__name__)
                continue
            kept += 1
    return kept


def offer_back(session: Session, parent: QWidget, bus: ChangeBus,
               present: Present) -> QMessageBox | None:
    """After sign-in: ask whether to carry on with kept forms. Returns the question box."""
    try:
        waiting = drafts.pending(session)
    except PeerDeskError:
        return None
    if not waiting:
        return None
    question = plural(
        len(waiting),
        QCoreApplication.translate("Drafts", "You were writing a session when PeerDesk locked. "
                                             "Nothing was lost.\n\nCarry on with it now?"),
        QCoreApplication.translate("Drafts", "You were writing {n} sessions when PeerDesk locked. "
                                             "Nothing was lost.\n\nCarry on with it now?"))
    box = QMessageBox(QMessageBox.Icon.Question, "PeerDesk", question,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextFormat(Qt.TextFormat.PlainText)
    carry_on = box.addButton(QCoreApplication.translate("Drafts", "&Carry on"),
                             QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("Drafts", "&Later"),
                  QMessageBox.ButtonRole.RejectRole)
    discard = box.addButton(QCoreApplication.translate("Drafts", "&Discard"),
                            QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(carry_on)

    def answered(_result: int) -> None:
        clicked = box.clickedButton()
        if clicked is carry_on:
            for draft in waiting:
                reopen(session, draft.id, parent, bus, present)
        elif clicked is discard:
            for draft in waiting:
                drafts.discard(session, draft.id)

    box.finished.connect(answered)
    box.open()
    return box


def reopen(session: Session, draft_id: int, parent: QWidget, bus: ChangeBus,
           present: Present) -> QDialog | None:
    try:
        draft = drafts.take(session, draft_id)
    except PeerDeskError:
        return None
    state: dict[str, Any] = draft.payload
    if draft.kind == drafts.CONTACT_FORM:
        return _reopen_contact(session, state, parent, bus, present)
    stored = _still_stored(session, state.get("session_id"), casework.get_session)
    peer_id = state.get("peer_id") if isinstance(state.get("peer_id"), int) else None
    dialog = SessionDialog(session, None if stored is not None else peer_id, stored=stored,
                           peer_label=str(state.get("peer_label", "")), parent=parent)
    dialog.restore_form_state(state)
    dialog.saved.connect(lambda _id: _announce(bus))
    present(dialog)
    return dialog


def _still_stored(session: Session, record_id: object,
                  get: Callable[[Session, int], T]) -> T | None:
    """The record a kept form was changing, if it is still there; None when it was deleted
    meanwhile (the form is offered as a new one instead) or the form was a new one."""
    if not isinstance(record_id, int):
        return None
    try:
        return get(session, record_id)
    except PeerDeskError:
        return None


def _reopen_contact(session: Session, state: dict[str, Any], parent: QWidget, bus: ChangeBus,
                    present: Present) -> QDialog | None:
    from peerdesk.services import listening
    from peerdesk.ui.contacts.contact_dialog import ContactDialog

    stored = _still_stored(session, state.get("contact_id"), listening.get_contact)
    try:
        dialog = ContactDialog(session, stored, parent=parent)
    except PeerDeskError:
        return None
    dialog.restore_form_state(state)
    dialog.saved.connect(lambda _id: _announce(bus, contacts=True))
    present(dialog)
    return dialog


def _announce(bus: ChangeBus, *, contacts: bool = False) -> None:
    if contacts:
        bus.changed.emit(change_bus.CONTACTS)
    bus.changed.emit(CASELOAD)
    bus.changed.emit(change_bus.AUDIT)
