"""The register of one meeting, taken by keyboard.

Focus starts in the jump box: type a few letters of a name to jump to that
person, Up/Down to move, Space cycles the mark, 1/2/3 set Attended / Sent
apologies / Did not attend. Enter (or Ctrl+Return) saves; Esc asks before
discarding unsaved marks.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.groups import MAX_HEAD_COUNT, Mark
from peerdesk.services import groups
from peerdesk.services.groups import Register, RegisterLine
from peerdesk.services.peers import PeerRow
from peerdesk.services.session import Session
from peerdesk.ui.errors import ask_to_confirm, message_for, show_error
from peerdesk.ui.fields import error_label, set_message
from peerdesk.ui.groups.models import RegisterModel
from peerdesk.ui.groups.suggest import PeerSuggestBox
from peerdesk.ui.i18n import QT_TRANSLATE_NOOP, plural
from peerdesk.ui.page_header import title_row
from peerdesk.ui.peers.forms import heading, muted
from peerdesk.ui.table_view import set_up_list
from peerdesk.ui.theme import colour

MARK_KEYS = {Qt.Key.Key_1: Mark.ATTENDED, Qt.Key.Key_2: Mark.APOLOGIES,
             Qt.Key.Key_3: Mark.ABSENT}
HELP = QT_TRANSLATE_NOOP(
    "RegisterPage", "Type letters to jump to a person · ↑/↓ move · Space changes the mark · "
                    "1 attended · 2 apologies · 3 did not attend · 0 clears · Enter saves · "
                    "Esc leaves")


def summary(lines: list[RegisterLine], head_count: int | None) -> str:
    """The marks counted; `head_count` None: a register without one (the team's)."""
    def n(mark: Mark) -> int:
        return sum(1 for line in lines if line.mark is mark)

    walk_ins = sum(1 for line in lines if line.walk_in)
    parts = [QCoreApplication.translate("RegisterPage", "{n} attended").format(
                 n=n(Mark.ATTENDED)),
             QCoreApplication.translate("RegisterPage", "{n} apologies").format(
                 n=n(Mark.APOLOGIES)),
             QCoreApplication.translate("RegisterPage", "{n} did not attend").format(
                 n=n(Mark.ABSENT)),
             plural(walk_ins, QCoreApplication.translate("RegisterPage", "{n} walk-in"),
                    QCoreApplication.translate("RegisterPage", "{n} walk-ins"))]
    if head_count is not None:
        parts.append(QCoreApplication.translate("RegisterPage", "head-count {n}").format(
            n=head_count))
    unmarked = sum(1 for line in lines if line.mark is None)
    if unmarked:
        parts.append(QCoreApplication.translate("RegisterPage", "{n} not marked yet").format(
            n=unmarked))
    return " · ".join(parts)


def matches(line: RegisterLine, text: str) -> bool:
    wanted = text.strip().casefold()
    if not wanted:
        return False
    name = line.preferred_name.casefold()
    return (name.startswith(wanted) or any(w.startswith(wanted) for w in name.split())
            or line.ref.casefold().startswith(wanted))


class RegisterTable(QTableView):
    """Keys typed in the table go through the page, as if typed in the jump box."""

    key_pressed = Signal(object)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.key_pressed.emit(event)
        if not event.isAccepted():
            super().keyPressEvent(event)


class RegisterPage(QWidget):
    """Emits `saved(group_id)` after saving and `done` when leaving (saved or not)."""

    saved = Signal(int)
    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.register: Register | None = None
        self.dirty = False
        self.confirm_box: QMessageBox | None = None
        self.model = RegisterModel(self)

        self.back_button = QPushButton(self.tr("← Back to the group"))
        self.title = heading("", 5)
        self.subtitle = muted()
        top = title_row(self.back_button, self.title, self.subtitle)

        self.jump = QLineEdit()
        self.jump.setPlaceholderText(self.tr("Jump to… type a few letters of a name"))
        self.jump.setAccessibleName(self.tr("Jump to a person"))
        self.jump.setClearButtonEnabled(True)
        self.walk_in = PeerSuggestBox(self.tr("Add walk-in… type a few letters, then Enter"))
        self.walk_in.note_for = self._listed_note
        jump_row = QHBoxLayout()
        jump_row.addWidget(self.jump, 1, Qt.AlignmentFlag.AlignTop)
        jump_row.addSpacing(12)
        jump_row.addWidget(self.walk_in, 1, Qt.AlignmentFlag.AlignTop)

        self.table = set_up_list(RegisterTable(), self.model, self.tr("Register"))
        self.table.setAlternatingRowColors(False)  # the marks' colours are the rows' colours

        self.head_count = QSpinBox()
        self.head_count.setRange(0, MAX_HEAD_COUNT)
        self.head_count.setAccessibleName(self.tr("Anonymous head-count"))
        self.head_count.setToolTip(self.tr("People who came but want no record: a number, "
                                           "no names"))
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Register summary"))
        self.summary.setStyleSheet("font-weight: bold;")
        self.error = error_label()
        self.save_button = QPushButton(self.tr("&Save register"))
        self.save_button.setToolTip(self.tr("Save (Enter or Ctrl+Return)"))
        self.save_button.setStyleSheet("font-weight: bold;")
        # The head-count with its label and hint, as one (a register without one hides it).
        self.head_count_row = QWidget()
        counted = QHBoxLayout(self.head_count_row)
        counted.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Anonymous &head-count:"))
        label.setBuddy(self.head_count)
        counted.addWidget(label)
        counted.addWidget(self.head_count)
        hint = muted(self.tr("people who came but want no record"))
        hint.setWordWrap(False)
        counted.addWidget(hint)
        bottom = QHBoxLayout()
        bottom.addWidget(self.head_count_row)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(jump_row)
        layout.addWidget(muted(self.tr(HELP)))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addLayout(bottom)

        self.jump.textEdited.connect(self._jump_to)
        for widget in (self.jump, self.head_count):
            widget.installEventFilter(self)
        self.table.key_pressed.connect(self._table_key)
        self.walk_in.chosen.connect(self.add_walk_in)
        self.head_count.valueChanged.connect(self._head_count_changed)
        self.save_button.clicked.connect(self.save)
        self.back_button.clicked.connect(self.leave)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- loading -------------------------------------------------------------------

    def open_meeting(self, session: Session, meeting_id: int) -> bool:
        try:
            register = groups.open_register(session, meeting_id)
        except PeerDeskError as exc:
            show_error(self, exc)
            return False
        self.session = session
        self.register = register
        self.walk_in.session = session
        self.walk_in.reset()
        m = register.meeting
        self.title.setText(self.tr("Register — {group}").format(group=register.group.name))
        when = " · ".join(x for x in (m.held_on, m.starts_at, m.place) if x)
        taken = (self.tr("changing a register already taken") if m.status == "held"
                 else self.tr("new register"))
        self.subtitle.setText(f"{when} · {taken}")
        self.model.set_rows(register.lines)
        self.head_count.blockSignals(True)
        self.head_count.setValue(m.anonymous_count)
        self.head_count.blockSignals(False)
        self.start_marking()
        return True

    def start_marking(self) -> None:
        """The register just read: nothing changed yet, the first person chosen, the
        focus in the jump box."""
        self.jump.clear()
        set_message(self.error, None)
        self.dirty = False
        self._update_summary()
        if self.model.rowCount():
            self.table.selectRow(0)
        self.jump.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_data(self) -> None:
        if self.confirm_box is not None:
            self.confirm_box.blockSignals(True)
            self.confirm_box.close()
            self.confirm_box = None
        self.session = None
        self.register = None
        self.walk_in.session = None
        self.walk_in.reset()
        self.model.clear()
        self.jump.clear()
        self.title.clear()
        self.subtitle.clear()
        self.summary.clear()
        self.head_count.blockSignals(True)
        self.head_count.setValue(0)
        self.head_count.blockSignals(False)
        set_message(self.error, None)
        self.dirty = False

    # -- marking -------------------------------------------------------------------

    def current_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def select(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def set_mark(self, mark: Mark | None, row: int | None = None) -> None:
        row = self.current_row() if row is None else row
        if row is None:
            return
        line = self.model.row_at(row)
        if mark is None:
            mark = line.mark.next() if line.mark else Mark.ATTENDED
        self.model.replace_row(row, replace(line, mark=mark))
        self._changed()
        # The next letters typed start a new jump.
        self.jump.selectAll()

    def clear_mark(self) -> None:
        """Back to unmarked; a walk-in added by mistake (not yet saved) leaves the list."""
        row = self.current_row()
        if row is None:
            return
        line = self.model.row_at(row)
        saved = self.register is not None and any(
            x.peer_id == line.peer_id for x in self.register.lines)
        if line.walk_in and not saved:
            self.model.remove(row)
            if self.model.rowCount():
                self.select(min(row, self.model.rowCount() - 1))
        elif line.mark is None:
            return
        else:
            self.model.replace_row(row, replace(line, mark=None))
        self._changed()
        self.jump.selectAll()

    def move_by(self, step: int) -> None:
        if not self.model.rowCount():
            return
        row = self.current_row()
        row = 0 if row is None else max(0, min(self.model.rowCount() - 1, row + step))
        self.select(row)

    def _jump_to(self, text: str) -> None:
        found = next((row for row, line in enumerate(self.model.rows())
                      if matches(line, text)), None)
        if found is not None:
            self.select(found)
        # Nobody by that name on this register: say so by colour and tooltip.
        nobody = bool(text.strip()) and found is None
        self.jump.setStyleSheet(f"background: {colour('#fdecea', 'highlight')};"
                                f" color: {colour('black', 'highlighted-text')};"
                                if nobody else "")
        self.jump.setToolTip(self.tr("Nobody on this register starts with that — add them as a "
                                     "walk-in instead?") if nobody else "")

    def _listed_note(self, peer_id: int) -> str:
        return (self.tr("already on the register") if self.model.row_of(peer_id) is not None
                else "")

    def add_walk_in(self, peer: PeerRow) -> None:
        """A walk-in from the caseload, marked attended; someone already listed is just selected."""
        row = self.model.row_of(peer.id)
        if row is None:
            row = self.model.append(RegisterLine(peer.id, peer.ref, peer.preferred_name, False,
                                                 Mark.ATTENDED, True))
            self._changed()
        self.select(row)
        self.jump.clear()
        self.jump.setFocus(Qt.FocusReason.OtherFocusReason)

    def _head_count_changed(self, _value: int) -> None:
        self._changed()

    def _changed(self) -> None:
        self.dirty = True
        set_message(self.error, None)
        self._update_summary()

    def _update_summary(self) -> None:
        self.summary.setText(summary(self.model.rows(), None if self.head_count_row.isHidden()
                                     else self.head_count.value()))

    def marks(self) -> tuple[dict[int, Mark], set[int]]:
        lines = self.model.rows()
        return ({line.peer_id: line.mark for line in lines if line.mark is not None},
                {line.peer_id for line in lines if line.walk_in})

    # -- keys ------------------------------------------------------------------------

    def _handle_key(self, event: QKeyEvent, *, in_jump: bool) -> bool:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier,):
            return False
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_by(-1 if key == Qt.Key.Key_Up else 1)
            return True
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            return False
        if key == Qt.Key.Key_Space:
            self.set_mark(None)
            return True
        if key in MARK_KEYS:
            self.set_mark(MARK_KEYS[Qt.Key(key)])
            return True
        if key == Qt.Key.Key_0:
            self.clear_mark()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            return True
        if key == Qt.Key.Key_Escape:
            self.leave()
            return True
        if not in_jump and event.text() and event.text().isprintable():
            # Letters typed in the list start a jump.
            self.jump.setFocus(Qt.FocusReason.OtherFocusReason)
            self.jump.setText(event.text())
            self._jump_to(self.jump.text())
            return True
        return False

    def _table_key(self, event: QKeyEvent) -> None:
        event.setAccepted(self._handle_key(event, in_jump=False))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.jump:
                return self._handle_key(event, in_jump=True)
            if watched is self.head_count and event.key() in (
                    Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
                if event.key() == Qt.Key.Key_Escape:
                    self.leave()
                else:
                    self.head_count.interpretText()
                    self.save()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.leave()
            return
        super().keyPressEvent(event)

    # -- saving and leaving -------------------------------------------------------------

    def save(self) -> bool:
        if self.session is None or self.register is None:
            return False
        marks, walk_ins = self.marks()
        try:
            groups.save_register(self.session, self.register.meeting.id, marks,
                                 walk_ins=walk_ins, anonymous_count=self.head_count.value())
        except PeerDeskError as exc:
            self.not_saved(exc)
            return False
        self.dirty = False
        group_id = self.register.group.id
        self.saved.emit(group_id)
        self.done.emit()
        return True

    def not_saved(self, exc: PeerDeskError) -> None:
        set_message(self.error, QCoreApplication.translate(
            "RegisterPage", "Not saved: {reason} Your marks are still here.").format(
            reason=message_for(exc)))

    def leave(self) -> None:
        if not self.dirty:
            self.done.emit()
            return
        self.confirm_box = ask_to_confirm(
            self, self.tr("Discard marks"),
            self.tr("This register has marks that are not saved. Leave without saving them?"),
            self.tr("Discard marks"), self._discard)
        # Cancelled: back to marking where they were.
        self.confirm_box.finished.connect(
            lambda _r: self.jump.setFocus(Qt.FocusReason.OtherFocusReason))

    def _discard(self) -> None:
        self.dirty = False
        self.done.emit()
