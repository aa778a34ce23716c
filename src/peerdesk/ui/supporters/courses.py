"""The course editor's modules: add, rename, reorder and retire a course's modules.

Programme leads and administrators only (the services refuse anyone else). A
module's own competencies are optional: it counts for its course's through the
course. Every message about a field shows beside that field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.supporters import ModuleDraft
from peerdesk.services import supporters
from peerdesk.services.session import Session
from peerdesk.services.supporters import Module
from peerdesk.ui.errors import message_for
from peerdesk.ui.fields import error_label, keep_long_text, set_message
from peerdesk.ui.peers.forms import Field, enum_combo, heading, muted
from peerdesk.ui.supporters.dialogs import tick_list, ticked

MODULE_ROLE = Qt.ItemDataRole.UserRole


class CourseModulesDialog(QDialog):
    """Choose a course; its modules are listed in order and kept from here."""

    saved = Signal(int)  # the course whose modules changed

    def __init__(self, session: Session, course_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("PeerDesk")
        self.session = session
        courses = [c for c in supporters.courses(session) if c.active]
        self.course = enum_combo([(c.name, c.id) for c in courses], course_id)
        self.course.setAccessibleName(self.tr("Course"))
        self.modules = QListWidget()
        self.modules.setAccessibleName(self.tr("Modules, in order"))
        self.name = QLineEdit()
        self.own = tick_list([(c.name, c.id) for c in supporters.competencies(session)], set(),
                             self.tr("Its own competencies"))
        self.fields = {
            "module_name": Field(self.name),
            "module_competencies": Field(self.own, self.tr(
                "Optional: competencies this module counts for on its own, renewed on the "
                "course's interval from the day it is done.")),
        }
        self.error = error_label()
        self.add_button = QPushButton(self.tr("&Add as a new module"))
        self.rename_button = QPushButton(self.tr("Sa&ve changes to the module"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        self.retire_button = QPushButton(self.tr("Re&tire"))
        self.add_button.clicked.connect(self.add_module)
        self.rename_button.clicked.connect(self.change_module)
        self.up_button.clicked.connect(lambda: self.move_module(-1))
        self.down_button.clicked.connect(lambda: self.move_module(1))
        self.retire_button.clicked.connect(self.toggle_retired)
        # Alt+Up / Alt+Down move the chosen module from the list itself.
        self.modules.installEventFilter(self)
        self.course.currentIndexChanged.connect(lambda _i: self.reload())
        self.modules.currentItemChanged.connect(lambda *_a: self._fill())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Course"), self.course)
        form.addRow(self.tr("&Modules"), self.modules)
        moves = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.retire_button):
            moves.addWidget(button)
        moves.addStretch(1)
        form.addRow("", moves)
        form.addRow(self.tr("Module &name"), self.fields["module_name"])
        form.addRow(self.tr("Its own c&ompetencies"), self.fields["module_competencies"])
        edits = QHBoxLayout()
        edits.addWidget(self.add_button)
        edits.addWidget(self.rename_button)
        edits.addStretch(1)
        form.addRow("", edits)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Course modules"), 2))
        layout.addWidget(muted(self.tr(
            "A course with modules counts as completed on the day its last module is done. "
            "A retired module is no longer needed; completions already recorded still "
            "count. Alt+Up and Alt+Down move the chosen module.")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(close)
        keep_long_text(self)  # a long paste reaches the rule that names the limit
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.modules and event.type() == QEvent.Type.KeyPress:
            key = event  # a QKeyEvent
            assert isinstance(key, QKeyEvent)
            if key.modifiers() == Qt.KeyboardModifier.AltModifier and key.key() in (
                    Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_module(-1 if key.key() == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

    # -- what is shown ---------------------------------------------------------------

    def course_id(self) -> int | None:
        value = self.course.currentData()
        return int(value) if value is not None else None

    def rows(self) -> list[Module]:
        course_id = self.course_id()
        return supporters.modules(self.session, course_id) if course_id is not None else []

    def reload(self, chosen: int | None = None) -> None:
        self.modules.clear()
        for n, module in enumerate(self.rows(), start=1):
            label = f"{n}. {module.name}"
            if module.retired:
                label += self.tr(" (retired)")
            item = QListWidgetItem(label)
            item.setData(MODULE_ROLE, module)
            self.modules.addItem(item)
            if module.id == chosen:
                self.modules.setCurrentItem(item)
        self._fill()

    def chosen(self) -> Module | None:
        item = self.modules.currentItem()
        value = item.data(MODULE_ROLE) if item is not None else None
        return value if isinstance(value, Module) else None

    def _fill(self) -> None:
        module = self.chosen()
        self.name.setText(module.name if module else "")
        for i in range(self.own.count()):
            item = self.own.item(i)
            on = module is not None and item.data(MODULE_ROLE) in module.competency_ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        for button in (self.rename_button, self.up_button, self.down_button,
                       self.retire_button):
            button.setEnabled(module is not None)
        self.retire_button.setText(self.tr("Res&tore") if module and module.retired
                                   else self.tr("Re&tire"))

    # -- changes ---------------------------------------------------------------------

    def _draft(self) -> ModuleDraft:
        return ModuleDraft(self.name.text(), frozenset(int(str(i)) for i in ticked(self.own)))

    def _do(self, action: object, keep: int | None = None) -> bool:
        for field in self.fields.values():
            field.show_error(None)
        set_message(self.error, None)
        try:
            result = action()  # type: ignore[operator]
        except PeerDeskError as exc:
            at = self.fields.get(str(getattr(exc, "field", "")))
            if at is not None:
                at.show_error(message_for(exc))
            else:
                set_message(self.error, message_for(exc))
            return False
        course_id = self.course_id()
        self.reload(keep if keep is not None else (result if isinstance(result, int)
                                                    and not isinstance(result, bool) else None))
        if course_id is not None:
            self.saved.emit(course_id)
        return True

    def add_module(self) -> None:
        course_id = self.course_id()
        if course_id is None:
            set_message(self.error, self.tr("Add a course first."))
            return
        self._do(lambda: supporters.add_module(self.session, course_id, self._draft()))

    def change_module(self) -> None:
        module = self.chosen()
        if module is None:
            set_message(self.error, self.tr("Choose a module in the list first."))
            return
        self._do(lambda: supporters.change_module(self.session, module.id, self._draft()),
                 keep=module.id)

    def move_module(self, step: int) -> None:
        module = self.chosen()
        if module is None:
            return
        self._do(lambda: supporters.move_module(self.session, module.id, step), keep=module.id)
        self.modules.setFocus()

    def toggle_retired(self) -> None:
        module = self.chosen()
        if module is None:
            return
        self._do(lambda: supporters.retire_module(self.session, module.id,
                                                  retired=not module.retired), keep=module.id)
