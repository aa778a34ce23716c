"""A known caller: add or change the profile (a nickname and a short note, nothing else),
and open it to see every contact of theirs as one list."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.listening import CALLER_NOTE_MAX, NICKNAME_MAX, KnownCallerDraft
from peerdesk.services import known_callers
from peerdesk.services.listening import StoredContact
from peerdesk.services.session import Session
from peerdesk.ui.contacts.widgets import TextCheck
from peerdesk.ui.errors import show_error
from peerdesk.ui.fields import keep_long_text
from peerdesk.ui.form_dialog import FormDialog, note_edit, with_note_below
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP
from peerdesk.ui.peers.forms import muted
from peerdesk.ui.table_model import ROW_ROLE, Column, RowTableModel
from peerdesk.ui.table_view import Selection, list_view


class KnownCallerDialog(FormDialog):
    """Emits `saved(caller_id)`. No field for a surname, a number or an address, on purpose."""

    def __init__(self, session: Session, caller: known_callers.StoredCaller | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.caller = caller
        self.setWindowTitle(self.tr("Change a known caller") if caller
                            else self.tr("Add a known caller"))
        self.setMinimumWidth(520)
        self.nickname = QLineEdit(caller.draft.nickname if caller else "")
        self.nickname.setPlaceholderText(self.tr("A name they chose or you use, e.g. "
                                                 "“Tuesday texter”"))
        self.note = note_edit(caller.draft.note if caller else "",
                              self.tr("Optional, short: what helps when they get in "
                                      "touch. No surname, number or address."))
        self.nickname_check = TextCheck(self.nickname, NICKNAME_MAX, identifying=True)
        self.note_check = TextCheck(self.note, CALLER_NOTE_MAX, identifying=True)
        form = QFormLayout()
        form.addRow(self.tr("&Nickname"), self.field(
            "nickname", with_note_below(self.nickname, self.nickname_check)))
        form.addRow(self.tr("N&ote"), self.field(
            "note", with_note_below(self.note, self.note_check)))
        explain = muted(self.tr("A known caller is someone who gets in touch again and again "
                                "without giving a name. Their contacts show as one list, and "
                                "they can become a peer later with that history."))
        self.lay_out(explain, form)
        self.nickname.setFocus()

    def save(self) -> int:
        draft = KnownCallerDraft(self.nickname.text(), self.note.toPlainText())
        if self.caller is None:
            return known_callers.create(self.session, draft)
        known_callers.update(self.session, self.caller.id, draft)
        return self.caller.id


CallerContactColumn = IntEnum("CallerContactColumn", "WHEN CHANNEL MINUTES BY OUTCOMES NOTES",
                              start=0)


class CallerContactsModel(RowTableModel[StoredContact]):
    columns = (
        Column(QT_TRANSLATE_NOOP("TableHeader", "When"),
               lambda r: f"{r.draft.contacted_on} {r.draft.contacted_time:%H:%M}"),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Channel"), lambda r: r.draft.channel.label),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Minutes"), lambda r: str(r.draft.minutes)),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Taken by"), lambda r: r.taken_by_name),
        Column(QT_TRANSLATE_NOOP("TableHeader", "Outcome"),
               lambda r: ", ".join(o.label for o in r.draft.outcomes.parts())),
        # The start of the notes in the cell; the whole of them in the tooltip.
        Column(QT_TRANSLATE_NOOP("TableHeader", "Notes"),
               lambda r: " ".join(r.draft.notes.split())[:160],
               tooltip=lambda r: " ".join(r.draft.notes.split()), stretch=True),
    )


class CallerPageDialog(QDialog):
    """One known caller's contacts, newest first (opening it is audited)."""

    became_peer = Signal(int)   # caller id
    open_contact = Signal(int)
    changed = Signal()

    def __init__(self, session: Session, caller_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.caller_id = caller_id
        self.setWindowTitle(self.tr("Known caller"))
        self.resize(820, 520)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = muted()
        self.model = CallerContactsModel(self)
        self.view = list_view(self.model, self.tr("Their contacts"),
                              selection=Selection.ExtendedSelection)
        self.edit_button = QPushButton(self.tr("&Change nickname or note…"))
        self.peer_button = QPushButton(self.tr("&Became a peer…"))
        self.erase_button = QPushButton(self.tr("&Erase them and their contacts…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.peer_button)
        buttons.addStretch(1)
        buttons.addWidget(self.erase_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.edit_button.clicked.connect(self._edit)
        self.peer_button.clicked.connect(lambda: self.became_peer.emit(self.caller_id))
        self.erase_button.clicked.connect(self._erase)
        self.view.activated.connect(self._open)
        self.page: known_callers.CallerPage | None = None
        keep_long_text(self)

    def load(self) -> bool:
        try:
            self.page = known_callers.open_page(self.session, self.caller_id)
        except PeerDeskError as exc:
            show_error(self, exc)
            return False
        caller = self.page.caller
        self.title.setText(caller.draft.nickname)
        self.summary.setText(self.tr("{n} contacts · last {last} · {note}").format(
            n=caller.contacts, last=caller.last_contact or "—", note=caller.draft.note or "—"))
        self.model.set_rows(self.page.contacts)
        self.erase_button.setVisible(self.page.can_erase)
        return True

    def _open(self) -> None:
        row = self.view.currentIndex().data(ROW_ROLE)
        if isinstance(row, StoredContact):
            self.open_contact.emit(row.id)

    def _edit(self) -> None:
        if self.page is None:
            return
        dialog = KnownCallerDialog(self.session, self.page.caller, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._changed)
        dialog.open()

    def _erase(self) -> None:
        if self.page is None:
            return
        from peerdesk.ui.contacts.erase_caller import EraseCallerDialog

        dialog = EraseCallerDialog(self.session, self.page.caller, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.erased.connect(self._erased)
        dialog.open()

    def _changed(self, _caller_id: int) -> None:
        self.load()
        self.changed.emit()

    def _erased(self) -> None:
        self.changed.emit()
        self.reject()
